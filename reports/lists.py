"""The report list's columns for the list tools (core.listtools, issue 18)."""

from django.utils.translation import gettext_lazy as _

from core.listtools import Column, ListSpec, choice_label, register
from core.text import labelled

from .models import ObligationStatus


def _plan(ob) -> str:
    """As the list cell reads (``doc_label``), the title whole."""
    plan = ob.period.requirement.plan
    return labelled(plan.reference, plan.title)


REPORT_LIST = register(ListSpec(
    key="reports",
    url_name="reports:obligation_list",
    view="reports.views.ObligationListView",
    title=_("List of reports"),
    filename="danh-sach-bao-cao",
    default_page_size=50,
    extra_params=("mine",),
    columns=(
        Column("period", _("Reporting period"), lambda ob: ob.period.label, width=24, required=True),
        Column("plan", _("Plan"), _plan, width=50),
        Column("agency", _("Reporting agency"), lambda ob: ob.agency.name, width=34),
        Column("receiver", _("Sent to"), lambda ob: ob.period.requirement.receiver.name, width=30),
        Column("due_date", _("Deadline"), lambda ob: ob.period.due_date, kind="date", width=13),
        Column("status", _("Status"), choice_label("status", ObligationStatus.choices), width=18),
    ),
))
