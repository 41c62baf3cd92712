"""Forms of the import page: the upload form and the "create the issuer" form.

The plan itself is corrected in the plan page's own forms (``plans.forms.plan_form_bundle``),
prefilled by ``planimport.services.import_prefill``.
"""


from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import NOT_AVAILABLE, HumaneFormMixin
from directory.models import AdministrativeUnit
from directory.selectors import units_visible_to

from .services import ACCEPTED_EXTENSIONS, MAX_PASTED_CHARS, NEW_ISSUER_ADMIN_ONLY, import_upload_check


class PlanUploadForm(forms.Form):
    """A .docx/.pdf/.txt file or the pasted text of a plan (one of the two)."""

    file = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_("A Word document (.docx or .doc), a PDF with a text layer or a text file (.txt)."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
        error_messages={"empty": _("The file is empty.")},
    )
    text = forms.CharField(
        label=capfirst(_("or paste the text")),
        required=False,
        max_length=MAX_PASTED_CHARS,
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": _("Paste the whole document, from the header to the recipients.")}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            import_upload_check(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("file") and not (cleaned.get("text") or "").strip():
            raise ValidationError(_("Upload a file or paste the text of the plan."), code="nothing")
        if cleaned.get("file") and (cleaned.get("text") or "").strip():
            raise ValidationError(_("Upload a file or paste text, not both."), code="both")
        return cleaned


class NewIssuerForm(HumaneFormMixin, forms.Form):
    """Create the issuing agency the document names, when the portal does not know it.

    Only used when the user ticks ``create``; the unit defaults to the user's own unit. Only an
    administrator may: a planner creates plans for the issuers whose plans they write (their
    agency, one it succeeded, its governing body), and a new agency is none of those (issue 12).
    """

    create = forms.BooleanField(label=_("Create this agency as the issuer"), required=False)
    name = forms.CharField(label=_("Agency name"), max_length=255, required=False)
    short_name = forms.CharField(
        label=_("Short name"), max_length=30, required=False, help_text=_("Used in document symbols, e.g. UBND.")
    )
    unit = forms.ModelChoiceField(
        label=_("Administrative unit"),
        queryset=AdministrativeUnit.objects.none(),
        required=False,
        error_messages={"invalid_choice": NOT_AVAILABLE},
    )

    prefix = "new_issuer"

    def __init__(self, *args, user, proposed_name: str = "", **kwargs):
        initial = kwargs.pop("initial", None) or {}
        initial.setdefault("name", proposed_name)
        if getattr(user, "agency_id", None):
            initial.setdefault("unit", user.agency.unit_id)
        super().__init__(*args, initial=initial, **kwargs)
        self.allowed = bool(getattr(user, "is_superuser", False))
        # The user's own unit and the units below it (current ones first).
        self.fields["unit"].queryset = units_visible_to(user).filter(valid_to__isnull=True).order_by("path") | (
            AdministrativeUnit.objects.filter(pk=user.agency.unit_id)
            if getattr(user, "agency_id", None)
            else AdministrativeUnit.objects.none()
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("create") and not self.allowed:
            raise ValidationError(NEW_ISSUER_ADMIN_ONLY, code="admin_only")
        if cleaned.get("create"):
            if not (cleaned.get("name") or "").strip():
                self.add_error("name", ValidationError(_("Enter the agency's name."), code="required"))
            if not cleaned.get("unit"):
                self.add_error("unit", ValidationError(_("Choose the unit of the new agency."), code="required"))
        return cleaned
