"""What every portal form says: placeholders that name what to choose and validation messages
written for civil servants, never Django's generic defaults ("---------", "Hãy chắc chắn rằng
không có nhiều hơn 0 chữ số thập phân.")."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

DASHES = "---------"
# What a choice field says about an id it does not offer (another area's plan or agency):
# the same words whether the object exists elsewhere or not, so nothing is revealed.
NOT_AVAILABLE = _("This choice is not available to you. Choose one from the list.")


def choose_label(field: forms.Field) -> str:
    """ "— Chọn cơ quan chủ trì —" for a field labelled "Cơ quan chủ trì"."""
    label = str(field.label or "").strip()
    if not label:
        return str(_("— Choose —"))
    return str(_("— Choose %(what)s —") % {"what": label[0].lower() + label[1:]})


def decimal_messages(field: forms.DecimalField) -> dict:
    places = field.decimal_places
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
    if places == 0:
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


class HumaneFormMixin:
    """Mixin for forms and model forms: see :func:`humanise`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        humanise(self)
