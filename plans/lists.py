"""The plan list's columns for the list tools (core.listtools, issue 18)."""

from django.utils.encoding import force_str
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from core.formatting import format_date
from core.listhtml import sortable_head_html
from core.listtools import Column, ListSpec, choice_label, esc, register, url_around_pk
from core.templatetags.coopplan import or_dash
from directory.models import AdministrativeUnit

from .models import Plan, PlanKind, PlanStatus


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


# ------------------------------------------------------------------------ the page's rows as tuples
# The plan list reads its page as tuples of these columns (``core.pagination.CountedRowsPaginator``,
# issue 17: three model instances a row were ~1 ms of a 25-row page) into ``PlanRow``s, which
# answer what the row writer, the list's reference loop and the tests read of a ``Plan``.
PLAN_ROW_COLUMNS = (
    "pk", "number", "symbol", "title", "kind", "status", "in_force", "issue_date", "period_start", "period_end",
    "issuer_id", "issuer__name", "issuer__unit__name", "issuer__unit__kind",
)


class UnitName:
    """An issuer's unit as the row writes it: ``str()`` is ``AdministrativeUnit.full_name``."""

    __slots__ = ("name", "kind")
    full_name = AdministrativeUnit.full_name

    def __init__(self, name, kind):
        self.name, self.kind = name, kind

    def __str__(self):
        return self.full_name


class IssuerName:
    __slots__ = ("pk", "name", "unit")

    def __init__(self, pk, name, unit):
        self.pk, self.name, self.unit = pk, name, unit

    def __str__(self):
        return self.name


class PlanRow:
    """One plan of the list's page: the columns of ``PLAN_ROW_COLUMNS``, with the ``Plan``'s own
    ``reference``, ``short_title`` and ``get_absolute_url`` (the model's functions, on these
    attributes) and the issuer with its unit."""

    __slots__ = (
        "pk", "number", "symbol", "title", "kind", "status", "in_force", "issue_date", "period_start", "period_end",
        "issuer", "kind_label", "status_label",
    )
    reference = Plan.reference
    short_title = Plan.short_title
    get_absolute_url = Plan.get_absolute_url

    def __init__(self, values):
        (self.pk, self.number, self.symbol, self.title, self.kind, self.status, self.in_force, self.issue_date,
         self.period_start, self.period_end, issuer_id, issuer_name, unit_name, unit_kind) = values
        unit = UnitName(unit_name, unit_kind) if unit_name is not None else None
        self.issuer = IssuerName(issuer_id, issuer_name, unit) if issuer_id is not None else None

    @property
    def id(self):
        return self.pk

    def get_status_display(self):  # Model._get_FIELD_display
        return force_str(dict(PlanStatus.choices).get(self.status, self.status), strings_only=True)

    def get_kind_display(self):
        return force_str(dict(PlanKind.choices).get(self.kind, self.kind), strings_only=True)

    def __repr__(self):
        return f"<PlanRow {self.pk}>"


# ------------------------------------------------------------------------ the page's rows
# The plan list's 25–100 rows were a template loop of ~20 nodes a row with an include for the
# status badge (3.5–3.8 ms of CPU for 25 rows at national scale, issue 17). Written here, escaped
# as the template escaped them (core.listtools.esc); tests/plans/test_list_rows.py compares the
# markup, as parsed HTML, with the former loop (tests/plans/reference/plan_list_rows.html) in vi
# and en over every branch.
_BADGE_CLASSES = {
    PlanStatus.DRAFT: "text-bg-secondary",
    PlanStatus.ISSUED: "text-bg-success",
    PlanStatus.CLOSED: "text-bg-dark",
}


def _year(day) -> str:
    """``{{ day|date:"Y" }}``."""
    return f"{day.year:04d}" if day else ""


def plan_rows_html(plans, show: dict, colspan: int):
    """The ``<tr>`` rows of the plan list for ``plans`` (a page: issuer and its unit selected,
    ``kind_label`` and ``status_label`` set), with the columns ``show`` keeps."""
    plans = list(plans)
    if not plans:
        return format_html('<tr><td colspan="{}" class="text-muted">{}</td></tr>', colspan, gettext("No plan matches these filters."))
    in_force = esc(pgettext("plan", "In force"))
    in_force_title = esc(gettext("The plan is being implemented and reported on; the portal holds a copy without number and date."))
    show_number, show_kind, show_issuer = show.get("number"), show.get("kind"), show.get("issuer")
    show_period, show_issue_date, show_status = show.get("period"), show.get("issue_date"), show.get("status")
    url_head, url_tail = url_around_pk("plans:plan_detail")
    rows = []
    for plan in plans:
        row = "<tr>"
        if show_number:
            row += f'<td class="text-nowrap">{esc(or_dash(plan.reference))}</td>'
        row += f'<td><a href="{url_head}{plan.pk}{url_tail}">{esc(plan.short_title)}</a>'
        if show_kind:
            row += f'<div class="small text-muted">{esc(plan.kind_label)}</div>'
        row += "</td>"
        if show_issuer:
            issuer = plan.issuer
            name, unit = (esc(issuer.name), esc(issuer.unit)) if issuer is not None else ("", "")
            row += f'<td>{name}<div class="small text-muted">{unit}</div></td>'
        if show_period:
            start, end = plan.period_start, plan.period_end
            years = _year(start)
            if (end.year if end else None) != (start.year if start else None):
                years += f"–{_year(end)}"
            row += f'<td class="text-nowrap">{years}</td>'
        if show_issue_date:
            day = plan.issue_date
            row += f'<td class="text-nowrap">{format_date(day) or "—"}</td>'
        if show_status:
            label = esc(getattr(plan, "status_label", None) or plan.get_status_display())
            badge = f'<span class="badge {_BADGE_CLASSES.get(plan.status, "text-bg-warning")}">{label}</span>'
            if plan.status == PlanStatus.DRAFT and plan.in_force:
                badge += f' <span class="badge text-bg-info" title="{in_force_title}">{in_force}</span>'
            row += f"<td>{badge}</td>"
        rows.append(row + "</tr>")
    return mark_safe("\n".join(rows))


# The table's header: one sortable ``<th>`` per shown column (``includes/_sort_th.html``'s text,
# core.listhtml), in the columns' order; the title cannot be hidden.
_HEAD = (
    ("number", "number", _("Number")),
    ("title", "title", _("Title")),
    ("issuer", "issuer", _("Issuing agency")),
    ("period", "period_start", _("Period")),
    ("issue_date", "issue_date", _("Issue date")),
    ("status", "status", _("Status")),
)


def plan_head_html(request, query, show: dict):
    """The ``<th>`` cells of the plan list's header row for the columns ``show`` keeps,
    ``query`` the request's ``core.listhtml.QueryReplacer``."""
    return sortable_head_html(request, query, show, _HEAD, always="title")
