"""The plan list's columns for the list tools (core.listtools, issue 18)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from core.listtools import Column, ListSpec, choice_label, register

from .models import PlanKind, PlanStatus


def _period(plan) -> str:
    start, end = plan.period_start.year, plan.period_end.year
    return f"{start}–{end}" if end != start else str(start)


_status_label = choice_label("status", PlanStatus.choices)


def _status(plan) -> str:
    status = _status_label(plan)
    if plan.status == "draft" and plan.in_force:
        status += f" ({pgettext('plan', 'In force')})"
    return status


PLAN_LIST = register(ListSpec(
    key="plans",
    url_name="plans:plan_list",
    view="plans.views.PlanListView",
    title=_("List of plans"),
    filename="danh-sach-ke-hoach",
    default_page_size=25,
    columns=(
        Column("number", _("Number"), lambda p: p.reference, width=16),
        Column("title", _("Title"), lambda p: p.title, width=60, required=True),
        Column("kind", _("Kind"), choice_label("kind", PlanKind.choices), width=22),
        Column("issuer", _("Issuing agency"), lambda p: p.issuer.name, width=34),
        Column("period", _("Period"), _period, width=12),
        Column("issue_date", _("Issue date"), lambda p: p.issue_date, kind="date", width=13),
        Column("status", _("Status"), _status, width=18),
    ),
))
