"""What every portal form says: placeholders that name what to choose and validation messages
written for civil servants, never Django's generic defaults ("---------", "Hãy chắc chắn rằng
không có nhiều hơn 0 chữ số thập phân."), and dates picked from a calendar (issue 18)."""

import datetime
import functools

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

DASHES = "---------"
# What a choice field says about an id it does not offer (another area's plan or agency):
# the same words whether the object exists elsewhere or not, so nothing is revealed.
NOT_AVAILABLE = _("This choice is not available to you. Choose one from the list.")


# Dates typed or posted: dd/mm/yyyy (what civil servants type), the ISO yyyy-mm-dd a native
# date input posts, and the separators met in documents.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]


class NativeDateInput(forms.DateInput):
    """``<input type="date">``: the phone's or the browser's own calendar (no script, nothing
    to vendor). The browser shows the day in the user's format (dd/mm/yyyy in Vietnamese) and
    posts yyyy-mm-dd; a browser without a date picker shows a text box where dd/mm/yyyy is
    typed (``DATE_INPUT_FORMATS``), which is also what the placeholder says. A value sent back
    to a form with errors keeps the day the user gave, whichever way it was written."""

    input_type = "date"

    def __init__(self, attrs=None):
        base = {"min": "1900-01-01", "max": "2100-12-31", "placeholder": "dd/mm/yyyy"}
        super().__init__(attrs={**base, **(attrs or {})}, format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            for fmt in DATE_INPUT_FORMATS:
                try:
                    return datetime.datetime.strptime(value.strip(), fmt).date().isoformat()
                except ValueError:
                    continue
            return value
        return super().format_value(value)


def use_native_date_inputs(form: forms.BaseForm) -> None:
    """Every date field of ``form`` shown as a native date input (a plain text/date widget
    only: hidden or custom widgets are left alone) and reading every ``DATE_INPUT_FORMATS``."""
    for field in form.fields.values():
        if not isinstance(field, forms.DateField):
            continue
        field.input_formats = DATE_INPUT_FORMATS
        widget = field.widget
        if type(widget) in (forms.DateInput, forms.TextInput):
            attrs = {k: v for k, v in widget.attrs.items() if k not in ("autocomplete", "placeholder")}
            field.widget = NativeDateInput(attrs=attrs)


def choose_label(field: forms.Field) -> str:
    """ "— Chọn cơ quan chủ trì —" for a field labelled "Cơ quan chủ trì"."""
    label = str(field.label or "").strip()
    if not label:
        return str(_("— Choose —"))
    return str(_("— Choose %(what)s —") % {"what": label[0].lower() + label[1:]})


def decimal_messages(field: forms.DecimalField) -> dict:
    return dict(_decimal_messages(field.decimal_places == 0))


@functools.cache
def _decimal_messages(whole: bool) -> dict:
    """The messages, built once per kind (lazy: translated when shown). Each ``ngettext_lazy``
    with a named number defines two classes: built per field, they were most of the plan edit
    page's form construction (183 decimal fields, ~40 % of its CPU time; issue 17)."""
    messages = {
        "invalid": _("Enter a number, e.g. 1.234,5."),
        "max_digits": ngettext_lazy(
            "Enter at most %(max)s digit in all.", "Enter at most %(max)s digits in all.", "max"
        ),
        "max_whole_digits": ngettext_lazy(
            "Enter at most %(max)s digit before the decimal comma.",
            "Enter at most %(max)s digits before the decimal comma.",
            "max",
        ),
    }
    if whole:
        messages["max_decimal_places"] = _("Enter a whole number, without a decimal part.")
    else:
        messages["max_decimal_places"] = ngettext_lazy(
            "Enter at most %(max)s digit after the decimal comma.",
            "Enter at most %(max)s digits after the decimal comma.",
            "max",
        )
    return messages


def humanise(form: forms.BaseForm) -> None:
    """Apply the portal's placeholders and messages to every field of ``form``."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):  # never evaluate a queryset here
            if field.empty_label == DASHES:
                field.empty_label = choose_label(field)
            # An id outside the field's (scoped) queryset: typed by hand or from another area.
            field.error_messages["invalid_choice"] = NOT_AVAILABLE  # also ModelMultipleChoiceField
        elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
            choices = list(field.choices)
            if choices and choices[0][0] in ("", None) and choices[0][1] == DASHES:
                field.choices = [("", choose_label(field)), *choices[1:]]
        if isinstance(field, forms.DecimalField):
            field.error_messages.update(decimal_messages(field))
        elif isinstance(field, forms.IntegerField):
            field.error_messages["invalid"] = _("Enter a whole number.")
        if isinstance(field, forms.DateField):
            field.error_messages["invalid"] = _("Enter a date as dd/mm/yyyy, e.g. 25/03/2026.")
    use_native_date_inputs(form)


class HumaneFormMixin:
    """Mixin for forms and model forms: see :func:`humanise`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        humanise(self)
