"""Template helpers of the plan pages: target values, progress labels, form layout."""

from django import template
from django.utils.translation import gettext_lazy as _

from plans import progress

register = template.Library()

PROGRESS_LABELS = {
    progress.ACHIEVED: (_("Achieved"), "success"),
    progress.ON_TRACK: (_("On track"), "primary"),
    progress.AT_RISK: (_("At risk"), "warning"),
    progress.BEHIND: (_("Behind"), "danger"),
    progress.NO_DATA: (_("No data"), "secondary"),
}


@register.filter
def target_value(target) -> str:
    """"≥ 17", "từ 1 đến 5", "≈ 70" with Vietnamese number formatting (``progress.target_plan_text``)."""
    return progress.target_plan_text(target)


@register.filter
def progress_label(status: str) -> str:
    return PROGRESS_LABELS.get(status, (status, "secondary"))[0]


@register.filter
def progress_class(status: str) -> str:
    return PROGRESS_LABELS.get(status, (status, "secondary"))[1]


@register.filter
def col_width(form, name) -> int:
    """Bootstrap column width of a field in the row layout of the plan form."""
    getter = getattr(form, "col_width", None)
    return getter(name) if getter else 3


@register.filter
def row_field(field):
    """One field of a formset row: label, widget, errors and hint in Bootstrap's classes.

    The plan page repeats its rows dozens of times; crispy's field template is several times
    larger (wrappers, ids, indentation) and slower, so the rows use this lean markup instead
    (issue 17: the seed plans' edit pages stay small)."""
    from django import forms
    from django.utils.html import format_html, format_html_join
    from django.utils.safestring import mark_safe

    widget = field.field.widget
    invalid = " is-invalid" if field.errors else ""
    required = field.field.required
    star = mark_safe('<span class="asteriskField">*</span>') if required else ""
    errors = format_html_join("", '<div class="invalid-feedback d-block">{}</div>', ((e,) for e in field.errors))
    hint = format_html('<div class="form-text">{}</div>', field.help_text) if field.help_text else ""
    if isinstance(widget, forms.CheckboxInput):
        control = field.as_widget(attrs={"class": "form-check-input" + invalid})
        return format_html(
            '<div class="form-check mt-md-4"> {}<label class="form-check-label" for="{}">{}{}</label></div>{}{}',
            control, field.id_for_label, field.label, star, errors, hint,
        )
    css = "form-select" if isinstance(widget, forms.Select) else "form-control"
    control = field.as_widget(attrs={"class": css + invalid})
    return format_html(
        '<label class="form-label" for="{}">{}{}</label>{}{}{}', field.id_for_label, field.label, star, control, errors, hint
    )
