"""Forms of the reporting cycle. They validate input; the services act."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import uploads
from core.forms import humanise
from plans.models import Aggregation

from .models import Obligation, TaskStatus


def plain(value):
    """Decimal for an input without trailing zeros: 3.0000 → 3, 50.9000 → 50.9."""
    if value is None:
        return None
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _decimal(label, *, decimal_places=4, min_value=None, required=False):
    """Decimal input in the Vietnamese style ("1.234,5"), as pages show numbers."""
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=18,
        decimal_places=decimal_places,
        min_value=min_value,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "form-control form-control-sm text-end"}),
    )


class ObligationForm(forms.Form):
    """The fill-in form: one value per target in scope, each task's status and account,
    spending per budget line, the three narratives, and the version the editor loaded."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    results = forms.CharField(label=_("Results"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    difficulties = forms.CharField(
        label=_("Difficulties and shortcomings"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposals = forms.CharField(label=_("Proposals"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, lines: dict, obligation: Obligation, flags: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        self.obligation = obligation
        # {target_id: [validation.Flag]} of the saved values, shown next to each field.
        self.flags = flags or {}
        for line in lines["targets"]:
            t = line.target
            self.fields[f"value_{t.pk}"] = _decimal(t.description)
            self.fields[f"note_{t.pk}"] = forms.CharField(
                label=_("Note"), required=False, max_length=2000,
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
            )
            self.fields[f"explain_{t.pk}"] = forms.CharField(
                label=_("Explanation of the flagged value"), required=False, max_length=1000,
                help_text=_("Required to submit: say briefly why the value is right."),
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
            )
            if t.aggregation == Aggregation.WEIGHTED_AVERAGE:
                self.fields[f"weight_{t.pk}"] = _decimal(_("Weight"), min_value=Decimal(0))
        for task, _progress in lines["tasks"]:
            self.fields[f"task_status_{task.pk}"] = forms.ChoiceField(
                label=str(task), choices=TaskStatus.choices, initial=TaskStatus.NOT_STARTED,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
            self.fields[f"task_account_{task.pk}"] = forms.CharField(
                label=_("Short account"), required=False, max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
            )
        for line, _amount in lines["budget"]:
            self.fields[f"spent_{line.pk}"] = _decimal(str(line), decimal_places=0, min_value=Decimal(0))
        if not self.is_bound:
            self.initial.update(self.initial_from(obligation, lines))
        # The portal's messages for the rows' numbers (fields added above, after Form.__init__):
        # "Đã chi" in whole đồng read Django's "Hãy chắc chắn rằng không có nhiều hơn 0 chữ
        # số thập phân." (issue 18).
        humanise(self)

    @staticmethod
    def initial_from(obligation, lines) -> dict:
        initial = {"version": obligation.version}
        for name in ("results", "difficulties", "proposals"):
            initial[name] = getattr(obligation, name)
        for line in lines["targets"]:
            pk = line.target.pk
            # Only a saved value: the registry's and last period's values are hints shown beside
            # the field, never silently entered (issue 15).
            initial[f"value_{pk}"] = plain(line.value)
            initial[f"note_{pk}"] = line.note
            initial[f"explain_{pk}"] = line.explanation
            # The weight (e.g. the number of HTX behind a percentage) is the reporter's entry
            # too: last period's is a hint beside the field, never entered for them (issue 18:
            # a copied weight was sent unchecked when the area's count had changed).
            initial[f"weight_{pk}"] = plain(line.weight)
        for task, progress in lines["tasks"]:
            initial[f"task_status_{task.pk}"] = progress.status if progress else TaskStatus.NOT_STARTED
            initial[f"task_account_{task.pk}"] = progress.account if progress else ""
        for line, amount in lines["budget"]:
            initial[f"spent_{line.pk}"] = amount
        return initial

    def service_data(self) -> dict:
        cd = self.cleaned_data
        data = {
            "values": {},
            "tasks": {},
            "spending": {},
            **{name: cd.get(name, "") for name in ("results", "difficulties", "proposals")},
        }
        for line in self.lines["targets"]:
            pk = line.target.pk
            data["values"][pk] = {"value": cd.get(f"value_{pk}"), "note": cd.get(f"note_{pk}", "")}
            if self.shows_explanation(line):
                data["values"][pk]["explanation"] = cd.get(f"explain_{pk}", "")
            if f"weight_{pk}" in self.fields:
                data["values"][pk]["weight"] = cd.get(f"weight_{pk}")
        for task, _progress in self.lines["tasks"]:
            data["tasks"][task.pk] = {
                "status": cd.get(f"task_status_{task.pk}"),
                "account": cd.get(f"task_account_{task.pk}", ""),
            }
        for line, _amount in self.lines["budget"]:
            data["spending"][line.pk] = cd.get(f"spent_{line.pk}")
        return data

    # Rows for the template, so it does not have to build field names. ``theirs`` holds the
    # saved version's values after an optimistic-locking conflict (shown side by side).
    theirs: dict | None = None

    def shows_explanation(self, line) -> bool:
        """The explanation box is shown (and saved) for a flagged value or one already explained;
        a row without either keeps nothing to lose."""
        return line.target.pk in self.flags or bool((line.explanation or "").strip())

    def target_rows(self):
        """Per target: the line, its value, note and weight fields, the saved version's value
        after a conflict, its flags and its explanation field (``None`` when not shown)."""
        theirs = self.theirs or {}
        for line in self.lines["targets"]:
            pk = line.target.pk
            weight = self[f"weight_{pk}"] if f"weight_{pk}" in self.fields else None
            explain = self[f"explain_{pk}"] if self.shows_explanation(line) else None
            yield (line, self[f"value_{pk}"], self[f"note_{pk}"], weight, theirs.get(f"value_{pk}"),
                   self.flags.get(pk, []), explain)

    def task_rows(self):
        theirs = self.theirs or {}
        labels = dict(TaskStatus.choices)
        for task, _progress in self.lines["tasks"]:
            saved = ""
            if self.theirs is not None:
                saved = f"{labels.get(theirs.get(f'task_status_{task.pk}'), '')} {theirs.get(f'task_account_{task.pk}', '')}"
            yield task, self[f"task_status_{task.pk}"], self[f"task_account_{task.pk}"], saved.strip()

    def budget_rows(self):
        theirs = self.theirs or {}
        for line, _amount in self.lines["budget"]:
            yield line, self[f"spent_{line.pk}"], theirs.get(f"spent_{line.pk}")


def return_field_choices(lines) -> list[tuple[str, str]]:
    choices = [(f"target:{line.target.pk}", str(line.target.description)[:150]) for line in lines["targets"]]
    choices += [(f"task:{task.pk}", str(task)[:150]) for task, _p in lines["tasks"]]
    choices += [(f"budget:{line.pk}", str(line)[:150]) for line, _a in lines["budget"]]
    choices += [("results", _("Results")), ("difficulties", _("Difficulties and shortcomings")), ("proposals", _("Proposals"))]
    return choices


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for return"), widget=forms.Textarea(attrs={"rows": 4}))
    fields = forms.MultipleChoiceField(
        label=_("Fields concerned"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].choices = list(choices)


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 3}))


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, PNG, JPEG, Word, Excel, PowerPoint or OpenDocument; at most %(mb)s MB.")
        % {"mb": settings.ATTACHMENT_MAX_BYTES // 1048576},
    )


class ExcelUploadForm(forms.Form):
    file = forms.FileField(label=_("Filled Excel form (.xlsx)"))

    def clean_file(self):
        """Refused before openpyxl sees it: size, a real .xlsx without macros, no zip bomb."""
        upload = self.cleaned_data["file"]
        uploads.check_upload(
            upload,
            allowed=("xlsx",),
            max_bytes=settings.REPORT_FORM_MAX_BYTES,
            max_uncompressed=settings.REPORT_FORM_MAX_UNCOMPRESSED_BYTES,
        )
        return upload
