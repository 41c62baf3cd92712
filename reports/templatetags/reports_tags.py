"""Template helpers of the reporting cycle (the plan-page schedule partial)."""

from django import template
from django.utils.html import format_html_join

from reports import compliance, selectors
from reports.models import ObligationStatus

register = template.Library()

_BADGES = {
    ObligationStatus.APPROVED: "success",
    ObligationStatus.SUBMITTED: "primary",
    ObligationStatus.RETURNED: "danger",
    ObligationStatus.DRAFT: "warning",
    ObligationStatus.NOT_STARTED: "secondary",
    compliance.MISSING: "danger",
}


def _label(state: str) -> str:
    if state == compliance.MISSING:
        return compliance.COMPLIANCE_LABELS[compliance.MISSING]
    return ObligationStatus(state).label


@register.simple_tag
def plan_schedule(plan):
    """Periods, status counts and next deadlines of ``plan`` (two queries)."""
    return selectors.plan_schedule(plan)


@register.simple_tag
def status_summary(counts: dict):
    """"2 Approved · 1 Submitted · 1 Overdue" as small badges, in workflow order."""
    items = [(_BADGES[s], counts[s], _label(s)) for s in _BADGES if counts.get(s)]
    return format_html_join(" ", '<span class="badge text-bg-{}">{} {}</span>', items)
