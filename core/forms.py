"""What every portal form says: placeholders that name what to choose and validation messages
written for civil servants, never Django's generic defaults ("---------", "Hãy chắc chắn rằng
không có nhiều hơn 0 chữ số thập phân."), and dates shown and typed as dd/mm/yyyy with a calendar beside
them (issue 18)."""

import datetime
import functools
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

DASHES = "---------"
# What a choice field says about an id it does not offer (another area's plan or agency):
# the same words whether the object exists elsewhere or not, so nothing is revealed.
NOT_AVAILABLE = _("This choice is not available to you. Choose one from the list.")


# Dates typed or posted: dd/mm/yyyy (what civil servants type and what the date box shows), the
# ISO yyyy-mm-dd (older pages, scripts), and the separators met in documents.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
DATE_DISPLAY_FORMAT = "%d/%m/%Y"
_EIGHT_DIGITS = re.compile(r"\d{8}")


def _as_date(value: str) -> datetime.date | None:
    for fmt in DATE_INPUT_FORMATS:
        try:
            return datetime.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


class DatePickerInput(forms.DateInput):
    """A text box showing dd/mm/yyyy in every browser, whatever its language (issue 18: a native
    ``<input type="date">`` showed mm/dd/yyyy in an English Chromium or Windows), with a
    calendar attached by ``static/js/datepicker.js`` (vendored vanillajs-datepicker).

    Typing is always allowed: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd
    (``DATE_INPUT_FORMATS``), and eight digits "25032026" — a phone's numeric keypad
    (``inputmode="numeric"``) has no "/" key; the script puts the slashes in as digits are typed,
    and without the script the server reads the eight digits. Without JavaScript the box is a
    plain text box the server reads the same way. A value sent back to a form with errors keeps
    the day the user gave (shown as dd/mm/yyyy when it is a day, as typed otherwise, beside the
    message)."""

    input_type = "text"

    def __init__(self, attrs=None):
        base = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", "data-datepicker": ""}
        super().__init__(attrs={**base, **(attrs or {})}, format=DATE_DISPLAY_FORMAT)

    def format_value(self, value):
        if isinstance(value, str):
            day = _as_date(value)
            return day.strftime(DATE_DISPLAY_FORMAT) if day else value
        return super().format_value(value)

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if isinstance(value, str) and _EIGHT_DIGITS.fullmatch(value.strip()):
            value = value.strip()
            return f"{value[:2]}/{value[2:4]}/{value[4:]}"
        return value


def use_date_pickers(form: forms.BaseForm) -> None:
    """Every date field of ``form`` shown as a :class:`DatePickerInput` (a plain text/date widget
    only: hidden or custom widgets are left alone) and reading every ``DATE_INPUT_FORMATS``."""
    for field in form.fields.values():
        if not isinstance(field, forms.DateField):
            continue
        field.input_formats = DATE_INPUT_FORMATS
        widget = field.widget
        if type(widget) in (forms.DateInput, forms.TextInput):
            attrs = {k: v for k, v in widget.attrs.items() if k not in ("autocomplete", "placeholder", "type")}
            field.widget = DatePickerInput(attrs=attrs)


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
    use_date_pickers(form)


class HumaneFormMixin:
    """Mixin for forms and model forms: see :func:`humanise`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        humanise(self)
