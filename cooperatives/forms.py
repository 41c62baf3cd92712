"""Forms of the registry. They validate input; the services in ``services.py`` write."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.autocomplete import use_autocomplete
from core.forms import DATE_INPUT_FORMATS, DatePickerInput, HumaneFormMixin
from directory.models import Agency
from directory.selectors import agencies_in_province_of
from directory.validators import unit_life_error

from . import excel
from .models import Organisation, Sector, YearlyRecord
from .selectors import communes_for, origins_for

DATE_WIDGET = DatePickerInput()  # dd/mm/yyyy in a text box with a calendar (core.forms, issue 18)


def commune_label(obj) -> str:
    """A commune as the organisation form names it: with its parent, its end date if it has
    one, and its code (two communes of a province may share a name)."""
    label = f"{obj.full_name} – {obj.parent.full_name}" if obj.parent_id else obj.full_name
    if obj.valid_to:
        label = gettext("%(name)s (until %(date)s)") % {"name": label, "date": obj.valid_to.strftime("%d/%m/%Y")}
    return f"{label} [{obj.code}]"


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return commune_label(obj)


class OrganisationForm(HumaneFormMixin, forms.ModelForm):
    """Create or edit an organisation; communes and the "grew from" choices are limited to the
    user's area."""

    commune = CommuneChoiceField(label=_("Commune, ward or town"), queryset=None)
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Organisation
        fields = [
            "kind",
            "name",
            "registration_code",
            "commune",
            "address",
            "founded",
            "dissolved",
            "status",
            "sectors",
            "main_products",
            "founded_from",
            "supporting_agency",
        ]
        widgets = {"founded": DATE_WIDGET, "dissolved": DATE_WIDGET}

    # The version this form was opened on (optimistic locking, services.organisation_update).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["commune"].queryset = communes_for(user).order_by("parent__name", "name")
        self.fields["founded_from"].queryset = origins_for(user, exclude=self.instance.pk)
        # An administrator's area is the whole country (13,448 communes, tens of thousands of
        # groups at national scale): both fields ask their endpoint as the user types instead
        # of rendering every option (issue 17). The field keeps its queryset: the server still
        # refuses an id outside it.
        use_autocomplete(self, "commune", "cooperatives:autocomplete_communes")
        use_autocomplete(
            self, "founded_from", "cooperatives:autocomplete_origins", params={"exclude": self.instance.pk}
        )
        # Live agencies of the user's province (never the whole country: issue 12); the value
        # already saved stays valid so an older record can still be edited.
        supporting = agencies_in_province_of(user).filter(valid_to__isnull=True)
        if self.instance.supporting_agency_id:
            supporting = supporting | Agency.objects.filter(pk=self.instance.supporting_agency_id)
        self.fields["supporting_agency"].queryset = supporting.select_related("unit").order_by("unit__path", "name")
        for name in ("founded", "dissolved"):
            self.fields[name].input_formats = ["%d/%m/%Y", "%Y-%m-%d"]

    def clean(self):
        cleaned = super().clean()
        # The commune must exist during the organisation's life: one founded on or after
        # 01/07/2025 is in a commune of today, one dissolved before it in a commune of its time.
        start = cleaned.get("founded") or cleaned.get("dissolved")
        error = unit_life_error(cleaned.get("commune"), start, cleaned.get("dissolved"))
        if error:
            self.add_error("commune", error)
        return cleaned


class YearlyRecordForm(HumaneFormMixin, forms.ModelForm):
    """One year's figures. Money in VND (whole đồng)."""

    class Meta:
        model = YearlyRecord
        fields = [
            "year",
            "members",
            "households",
            "workers",
            "managers",
            "managers_degree",
            "managers_trained",
            "revenue",
            "profit",
            "avg_income",
            "charter_capital",
            "rating",
            "value_chain",
            "high_tech",
            "ocop_products",
            "growing_area_codes",
            "traceability",
            "credit_access",
            "tourism",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        if self.instance.pk:
            self.fields["year"].disabled = True

    def clean_year(self):
        year = self.cleaned_data["year"]
        if self.instance.pk is None and self.organisation is not None:
            if YearlyRecord.objects.filter(organisation=self.organisation, year=year).exists():
                raise ValidationError(_("This organisation already has a record for this year."), code="duplicate_year")
        return year


class DissolveForm(HumaneFormMixin, forms.Form):
    dissolved = forms.DateField(label=_("Dissolution date"), widget=DATE_WIDGET, input_formats=DATE_INPUT_FORMATS)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Workbook (.xlsx)"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        self.sha256 = excel.check_upload(uploaded)
        return uploaded
