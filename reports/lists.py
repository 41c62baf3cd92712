"""The report list's columns for the list tools (core.listtools, issue 18)."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.formatting import format_date
from core.listhtml import sortable_head_html
from core.listtools import Column, ListSpec, choice_label, register, url_around_pk
from core.listtools import esc as _e
from core.templatetags.coopplan import or_dash
from core.text import labelled

from .models import ObligationKind, ObligationStatus


def _plan(ob) -> str:
    """As the list cell reads (``doc_label``), the title whole."""
    plan = ob.period.requirement.plan
    return labelled(plan.reference, plan.title)


# The columns the list's rows (``obligation_rows_html``) and its export (the columns above) read:
# the list view loads these alone (issue 17).
LIST_FIELDS = (
    "id", "kind", "status", "period_id", "agency_id",
    "period__id", "period__label", "period__due_date", "period__requirement_id",
    "period__requirement__id", "period__requirement__plan_id", "period__requirement__receiver_id",
    "period__requirement__plan__id", "period__requirement__plan__number", "period__requirement__plan__symbol",
    "period__requirement__plan__title",
    "period__requirement__receiver__id", "period__requirement__receiver__name",
    "agency__id", "agency__name",
)


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


# ------------------------------------------------------------------------ the page's rows
# The list's 50 rows were a template loop: ~20 nodes a row (the status badge an include of its
# own), 7–8 ms of CPU for a page at national scale (issue 17). Written here with format_html,
# escaped as the template escaped them; tests/reports/test_list_rows.py compares the markup, as
# parsed HTML, with the former loop (tests/reports/reference/obligation_list_rows.html) in vi and
# en over every branch: hidden columns, statuses, consolidation, overdue, former agency names,
# no receiver, escaping, no rows.
_BADGE_CLASSES = {
    ObligationStatus.APPROVED: "success",
    ObligationStatus.SUBMITTED: "primary",
    ObligationStatus.RETURNED: "danger",
    ObligationStatus.DRAFT: "warning",
}
_OVERDUE_STATUSES = (ObligationStatus.NOT_STARTED, ObligationStatus.DRAFT)


def obligation_status_badge(ob, today, *, consolidated: str, overdue: str) -> str:
    """``reports/partials/status_badge.html`` for a list row (``ob.status_label`` set), as HTML."""
    label = _e(getattr(ob, "status_label", None) or ob.get_status_display())
    if ob.status == ObligationStatus.APPROVED:
        badge = f'<span class="badge text-bg-success"><i class="bi bi-lock-fill" aria-hidden="true"></i> {label}</span>'
    else:
        badge = f'<span class="badge text-bg-{_BADGE_CLASSES.get(ob.status, "secondary")}">{label}</span>'
    if ob.kind == ObligationKind.CONSOLIDATION:
        badge += f' <span class="badge text-bg-info">{consolidated}</span>'
    if today and ob.status in _OVERDUE_STATUSES and ob.period.due_date < today:
        badge += f' <span class="badge text-bg-danger">{overdue}</span>'
    return badge


def obligation_rows_html(obligations, show: dict, today, colspan: int):
    """The ``<tr>`` rows of the report list for ``obligations`` (a page: period, requirement,
    plan, receiver and agency selected, the agency's predecessors prefetched), with the columns
    ``show`` keeps."""
    from directory.templatetags.directory_tags import formerly

    obligations = list(obligations)
    if not obligations:
        return format_html('<tr><td colspan="{}" class="text-muted">{}</td></tr>', colspan, gettext("No reports match."))
    consolidated, overdue = _e(gettext("Consolidated")), _e(gettext("Overdue"))
    show_plan, show_agency, show_receiver = show.get("plan"), show.get("agency"), show.get("receiver")
    show_due, show_status = show.get("due_date"), show.get("status")
    url_head, url_tail = url_around_pk("reports:obligation_detail")
    rows = []
    for ob in obligations:
        period = ob.period
        row = f'<tr><td><a href="{url_head}{ob.pk}{url_tail}">{_e(period.label)}</a></td>'
        if show_plan:
            plan = period.requirement.plan
            row += f'<td class="small">{_e(labelled(plan.reference, plan.title, 80))}</td>'
        if show_agency:
            agency = ob.agency
            former = f' <span class="small text-muted">{_e(formerly(agency))}</span>' if agency.predecessors.all() else ""
            row += f"<td>{_e(agency.name)}{former}</td>"
        if show_receiver:
            receiver = period.requirement.receiver
            row += f'<td class="small">{_e(or_dash(receiver.name if receiver else None))}</td>'
        if show_due:
            row += f"<td>{_e(or_dash(format_date(period.due_date)))}</td>"
        if show_status:
            row += f"<td>{obligation_status_badge(ob, today, consolidated=consolidated, overdue=overdue)}</td>"
        rows.append(row + "</tr>")
    return mark_safe("\n".join(rows))


# The table's header: one sortable ``<th>`` per shown column (``includes/_sort_th.html``'s text,
# core.listhtml), in the columns' order; the period cannot be hidden. Compared with the former
# template's header as part of the whole page (tests/reports/test_list_page.py).
_HEAD = (
    ("period", "period", _("Reporting period")),
    ("plan", "plan", _("Plan")),
    ("agency", "agency", _("Reporting agency")),
    ("receiver", "receiver", _("Sent to")),
    ("due_date", "due_date", _("Deadline")),
    ("status", "status", _("Status")),
)


def obligation_head_html(request, query, show: dict):
    """The ``<th>`` cells of the report list's header row for the columns ``show`` keeps,
    ``query`` the request's ``core.listhtml.QueryReplacer``."""
    return sortable_head_html(request, query, show, _HEAD, always="period")
