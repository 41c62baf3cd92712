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
