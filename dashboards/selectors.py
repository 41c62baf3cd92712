"""The leaders' dashboard aggregates. Every figure is computed by the database.

A dashboard is always about an *area* (a unit, its subtree and its predecessors' subtrees,
as ``directory.selectors.unit_area_q`` defines it) and a *window* (a year, or one quarter of
it). ``Area`` resolves the unit's lineage once, so every selector filters with the same
indexed ``path LIKE 'prefix%'`` conditions without re-reading the lineage.

Each selector runs a fixed number of queries whatever the number of rows: grouping and
counting happen in SQL (``values().annotate()``, conditional ``Count``/``Sum``,
``Subquery``/``Exists``). The only work left to Python is classifying each target's latest
value with ``plans.progress.evaluate`` — the status rules live in that one pure module
(shared by consolidation, documents and dashboards), so they are not duplicated in SQL.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from functools import reduce
from operator import or_
from types import SimpleNamespace

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models import Window as SqlWindow
from django.db.models.functions import Coalesce, ExtractYear, RowNumber
from django.http import Http404

from cooperatives.models import Organisation, OrganisationKind, OrganisationStatus, Rating, YearlyRecord
from directory.models import AdministrativeUnit, Agency, UnitLevel, UnitSuccession
from directory.selectors import alive_during_q, alive_on_q, succession_chain, unit_lineage
from plans import progress
from plans.models import Aggregation, BudgetLine, Plan, PlanStatus, PlanTarget
from reports.compliance import COMPLIANCE_LABELS as COMPLIANCE_LABELS  # re-exported for the views
from reports.compliance import (
    COMPLIANCE_STATES,
    DONE_STATUSES,
    LATE,
    MISSING,
    ON_TIME,
    OPEN_STATUSES,
    PENDING,
    RETURNED,
    compliance_q,
    with_submitted_day,
)
from reports.models import BudgetSpending, Obligation, ObligationKind, ObligationStatus, ReportedValue

# --------------------------------------------------------------------------------------
# Area and window
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    """A unit and the paths of its lineage; ``unit=None`` is the whole country (admins)."""

    unit: AdministrativeUnit | None
    paths: tuple[str, ...] = ()

    @classmethod
    def of(cls, unit: AdministrativeUnit | None) -> Area:
        if unit is None:
            return cls(None, ())
        # Drop paths inside another kept path (an old district whose old province is also a
        # predecessor): the same rows, fewer OR-ed LIKEs for the planner to estimate.
        kept: list[str] = []
        for path in sorted(u.path for u in unit_lineage(unit)):
            if not any(path.startswith(k) for k in kept):
                kept.append(path)
        return cls(unit, tuple(kept))

    def q(self, field: str = "") -> Q:
        """Rows whose unit at ``field`` (e.g. ``"issuer__unit"``) lies in the area."""
        if self.unit is None:
            return Q()
        prefix = f"{field}__" if field else ""
        return reduce(or_, (Q(**{f"{prefix}path__startswith": p}) for p in self.paths))

    def contains(self, unit: AdministrativeUnit) -> bool:
        return self.unit is None or any(unit.path.startswith(p) for p in self.paths)

    @property
    def pk(self):
        return self.unit.pk if self.unit else None


def user_home_unit(user) -> AdministrativeUnit | None:
    """The unit a user's dashboard starts from: their agency's unit; None (country) for admins."""
    if user.is_superuser and not user.agency_id:
        return None
    return user.agency.unit if user.agency_id else None


def resolve_area(user, unit_id=None) -> Area:
    """The area to show: the user's own, or a unit inside it (drill-down).

    A unit outside the user's area, or an unknown id, is a 404 — its existence is not
    revealed. Users without an agency (and not admins) have no area: also a 404.
    """
    home = user_home_unit(user)
    if home is None and not user.is_superuser:
        raise Http404
    home_area = Area.of(home)
    if unit_id in (None, ""):
        return home_area
    try:
        unit = AdministrativeUnit.objects.get(pk=int(unit_id))
    except (AdministrativeUnit.DoesNotExist, TypeError, ValueError):
        raise Http404 from None
    if not home_area.contains(unit):
        raise Http404
    if home is not None and unit.pk == home.pk:
        return home_area
    return Area.of(unit)


@dataclass(frozen=True)
class Window:
    """A reporting window: a year, or one quarter of it."""

    year: int
    quarter: int | None = None

    @property
    def start(self) -> date:
        return date(self.year, 3 * (self.quarter - 1) + 1, 1) if self.quarter else date(self.year, 1, 1)

    @property
    def end(self) -> date:
        if not self.quarter:
            return date(self.year, 12, 31)
        month = 3 * self.quarter
        return date(self.year, month, 31 if month in (3, 12) else 30)

    @property
    def label(self) -> str:
        if self.quarter:
            roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[self.quarter]
            return f"Quý {roman}/{self.year}"
        return f"Năm {self.year}"

    def as_of(self, today: date) -> date:
        """The day figures are evaluated on: today, or the window's end if it is over."""
        return min(today, self.end)


BEFORE_REFORM, SPANNING, AFTER_REFORM = "before", "spanning", "after"
REFORM_DAY = date(2025, 7, 1)


def window_era(window: Window) -> str:
    """Whether a window lies before the two-level reorganisation (01/07/2025), after it, or
    spans it (the year 2025): views show the units of that time."""
    if window.end < REFORM_DAY:
        return BEFORE_REFORM
    if window.start >= REFORM_DAY:
        return AFTER_REFORM
    return SPANNING


def years_with_data(area: Area, today: date) -> list[int]:
    """The years up to this one for which the area has data, newest first (issue 15): a
    registry record of one of its organisations for the year, a report of one of its agencies
    due in the year, or a plan in force of the area (issued, closed, superseded, or a draft
    held in force) covering the year. Later years are never offered: a future year has no
    figures yet. One query; on PostgreSQL two when the years of the data's version are not
    known to the process yet, one (the version) when they are (``_YEARS_MEMO`` below).

    On PostgreSQL the registry and report branches do not read every row of the area (9,481
    records and 2,882 reports for a province at national scale, 403,767 and 60,942 for the
    country: 80 ms to 2 s on every dashboard request, more than the light pages' own figures;
    issue 17): see ``_years_sql_postgresql``. Other databases run the plain UNION."""
    end = date(today.year, 12, 31)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_YEARS_VERSION_SQL)
            changed, version = cursor.fetchone()
            key = (version, area.unit is None, area.paths, today.year)
            if version is not None and changed != "on":
                years = _YEARS_MEMO.get(key)
                if years is not None:
                    return list(years)
            cursor.execute(
                _years_sql_postgresql(area.unit is None, len(area.paths)),
                [connection.ops.prep_for_like_query(p) + "%" for p in area.paths] + [today.year] * 5,
            )
            rows = cursor.fetchall()
    else:
        plans = (
            plans_in_area(area)
            .filter(~Q(status=PlanStatus.DRAFT) | Q(in_force=True), period_start__lte=end)
            .order_by()
            .annotate(y1=ExtractYear("period_start"), y2=ExtractYear("period_end"))
            .values_list("y1", "y2")
        )
        records = (
            YearlyRecord.objects.filter(area.q("organisation__commune"), year__lte=today.year)
            .order_by()
            .annotate(y1=F("year"), y2=F("year"))
            .values_list("y1", "y2")
        )
        reports = (
            Obligation.objects.filter(area.q("agency__unit"), period__due_date__lte=end)
            .order_by()
            .annotate(y1=ExtractYear("period__due_date"), y2=ExtractYear("period__due_date"))
            .values_list("y1", "y2")
        )
        rows = records.union(reports, plans)
    years: set[int] = set()
    for first, last in rows:
        years.update(range(max(int(first), 1990), min(int(last), today.year) + 1))
    result = sorted(years, reverse=True)
    if connection.vendor == "postgresql" and version is not None and changed != "on":
        if len(_YEARS_MEMO) >= _YEARS_MEMO_SIZE:
            _YEARS_MEMO.clear()
        _YEARS_MEMO[key] = tuple(result)
    return result


# The year picker's answers by data version (issue 17): ``years_with_data`` on PostgreSQL
# first reads the version that the triggers of migration dashboards.0002 move each time a
# transaction that changed what the years are computed from commits (a record, report or
# plan added or removed, or a year, organisation, commune, agency, period, due date, plan
# status, force, span, issuer, unit or path changed), and whether the reader's own
# transaction changed any of it. A version answers one state of the committed data, so the
# years computed under it are the years of that state: they are kept per process and
# served until the version moves; a transaction that wrote computes them itself (its own
# writes are not committed). This is not the dashboards' time-bound cache
# (``DASHBOARDS_CACHE_SECONDS``): nothing is served that a fresh computation would not
# give (tests/dashboards/test_years_version.py).
_YEARS_VERSION_SQL = (
    "SELECT current_setting('coopplan.years_changed', true), (SELECT value FROM dashboards_years_version WHERE id = 1)"
)
_YEARS_MEMO: dict[tuple, tuple[int, ...]] = {}
_YEARS_MEMO_SIZE = 4096


@functools.cache
def _years_sql_postgresql(country: bool, prefixes: int) -> str:
    """``years_with_data`` in one statement that reads few rows (issue 17).

    * Registry: the years that have any record, by a recursive loose scan (one step of the
      (year, rating) index per year); each is kept when one organisation of the area's units
      has a record that year (organisations by commune, then the (organisation, year) index,
      stopping at the first hit).
    * Reports: the due years of the reporting periods, by the same loose scan of the due-date
      index; each is kept when a report of the area's agencies falls due that year (stops at
      the first).
    * Plans: the plans issued by the area's agencies (the array above: a few index probes; the
      ORM's join through agencies and units read every agency).

    The area's units and agencies are computed once (materialised arrays). The probes are
    scalar subqueries with ``LIMIT 1``, run per candidate year (a handful): an ``EXISTS``
    would be planned as a join over every row, and an array built inside the probe makes
    the planner's cost estimate large enough to JIT-compile the statement (+200 ms).
    Province of 411 units: 98 → 12 ms; whole country: 1.7 s → 30 ms (docs/benchmarks.md).

    The statement depends only on the area's shape (the whole country, or the number of its
    path prefixes): it is written once per process, without the ORM (~1 ms a request to build
    the plans' and units' querysets). Parameters: the area's LIKE prefixes, then this year
    five times."""
    record = YearlyRecord._meta.db_table
    organisation = Organisation._meta.db_table
    obligation = Obligation._meta.db_table
    period = Obligation._meta.get_field("period").related_model._meta.db_table
    agency = Agency._meta.db_table
    ctes = []
    # Per candidate year: is there a record of the area's organisations / a report of its
    # agencies due that year? The area's forms start from each of its units / agencies
    # (LATERAL … LIMIT 1: a few index probes each, nothing for a commune without any).
    record_hit = f"SELECT 1 FROM {organisation} o JOIN {record} ar ON ar.organisation_id = o.id AND ar.year = record_years.y"
    report_hit = (
        f"SELECT 1 FROM {obligation} o JOIN {period} p ON p.id = o.period_id"
        f" AND p.due_date >= make_date(ry, 1, 1) AND p.due_date < make_date(ry + 1, 1, 1)"
    )
    plan = Plan._meta.db_table
    plan_years = (
        f'SELECT EXTRACT(YEAR FROM p."period_start") AS y1, EXTRACT(YEAR FROM p."period_end") AS y2 FROM {plan} p'
        f" WHERE (p.\"status\" <> '{PlanStatus.DRAFT}' OR p.\"in_force\") AND p.\"period_start\" <= make_date(%s, 12, 31)"
    )
    if not country:
        unit = AdministrativeUnit._meta.db_table
        units_sql = f'SELECT "id" FROM {unit} WHERE ' + " OR ".join(['"path"::text LIKE %s'] * prefixes)
        plan_years += ' AND p."issuer_id" = ANY((SELECT ids FROM area_agencies)::bigint[])'
        ctes += [
            f"area_units AS MATERIALIZED (SELECT ARRAY({units_sql}) AS ids)",
            f"area_agencies AS MATERIALIZED (SELECT ARRAY(SELECT id FROM {agency}"
            f" WHERE unit_id = ANY((SELECT ids FROM area_units)::bigint[])) AS ids)",
        ]
        record_hit = (
            f"SELECT 1 FROM unnest((SELECT ids FROM area_units)::bigint[]) AS au(id)"
            f" CROSS JOIN LATERAL ({record_hit} WHERE o.commune_id = au.id LIMIT 1) AS hit"
        )
        report_hit = (
            f"SELECT 1 FROM unnest((SELECT ids FROM area_agencies)::bigint[]) AS ag(id)"
            f" CROSS JOIN LATERAL ({report_hit} WHERE o.agency_id = ag.id LIMIT 1) AS hit"
        )
    ctes += [
        f"record_years(y) AS (SELECT MIN(year) FROM {record} WHERE year <= %s"
        f" UNION ALL SELECT (SELECT MIN(r.year) FROM {record} r WHERE r.year > record_years.y AND r.year <= %s)"
        f" FROM record_years WHERE record_years.y IS NOT NULL)",
        f"due_years(d) AS (SELECT MIN(due_date) FROM {period} WHERE due_date <= make_date(%s, 12, 31)"
        f" UNION ALL SELECT (SELECT MIN(p.due_date) FROM {period} p"
        f" WHERE p.due_date >= make_date(EXTRACT(YEAR FROM due_years.d)::int + 1, 1, 1)"
        f" AND p.due_date <= make_date(%s, 12, 31)) FROM due_years WHERE due_years.d IS NOT NULL)",
    ]
    records = f"SELECT y AS y1, y AS y2 FROM record_years WHERE y IS NOT NULL AND ({record_hit} LIMIT 1) IS NOT NULL"
    reports = (
        f"SELECT ry AS y1, ry AS y2 FROM (SELECT EXTRACT(YEAR FROM d)::int AS ry FROM due_years WHERE d IS NOT NULL) AS dy"
        f" WHERE ({report_hit} LIMIT 1) IS NOT NULL"
    )
    return f"WITH RECURSIVE {', '.join(ctes)} {records} UNION {reports} UNION SELECT * FROM ({plan_years}) AS plan_years"


def default_year(years: list[int], today: date) -> int:
    """The year a dashboard opens on: this year if the area has data for it, else the latest
    year with data (planners of an area whose plan ended see its last year, not zeros)."""
    if not years or today.year in years:
        return today.year
    return max(years)


def year_choices(years: list[int], today: date, selected: int) -> list[tuple[int, bool]]:
    """The year picker: the years with data, plus this year and the selected one if they have
    none (``(year, has_data)``, newest first; the template labels an empty year)."""
    offered = set(years) | {today.year, selected}
    return [(y, y in years) for y in sorted(offered, reverse=True)]


def parse_window(params, today: date, default_year: int | None = None) -> Window:
    """Read ``year`` and ``quarter`` from query parameters; bad values fall back to
    ``default_year`` (the latest year with data, see ``default_year``) or today's."""
    fallback = default_year or today.year
    try:
        year = int(params.get("year") or fallback)
        if not 1990 <= year <= 2100:
            raise ValueError
    except (TypeError, ValueError):
        year = fallback
    try:
        quarter = int(params.get("quarter") or 0)
    except (TypeError, ValueError):
        quarter = 0
    return Window(year, quarter if 1 <= quarter <= 4 else None)


# --------------------------------------------------------------------------------------
# Plans and budget
# --------------------------------------------------------------------------------------


def plans_in_area(area: Area) -> QuerySet[Plan]:
    return Plan.objects.filter(area.q("issuer__unit"))


def _active_q(window: Window, prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}status": PlanStatus.ISSUED,
            f"{prefix}period_start__lte": window.end,
            f"{prefix}period_end__gte": window.start,
        }
    )


def active_plans(area: Area, window: Window) -> QuerySet[Plan]:
    """Issued plans of the area whose period overlaps the window."""
    return plans_in_area(area).filter(_active_q(window))


def plan_figures(area: Area, window: Window) -> dict:
    """Counts of the area's plans: active in the window, drafts, closed (one query)."""
    overlaps = Q(period_start__lte=window.end, period_end__gte=window.start)
    return plans_in_area(area).aggregate(
        active=Count("id", filter=_active_q(window)),
        draft=Count("id", filter=Q(status=PlanStatus.DRAFT) & overlaps),
        closed=Count("id", filter=Q(status__in=[PlanStatus.CLOSED, PlanStatus.SUPERSEDED]) & overlaps),
    )


def _lines_in_window(area: Area, window: Window) -> QuerySet[BudgetLine]:
    """Budget lines of active plans for the window's year, and lines without a year (they
    belong to the plan's whole period)."""
    return BudgetLine.objects.filter(_active_q(window, "plan__"), area.q("plan__issuer__unit")).filter(
        Q(year=window.year) | Q(year__isnull=True)
    )


def _year_share():
    """A line's allocation for one year: its amount when the line names the year; a line
    without a year (a multi-year budget) is spread evenly over the plan's calendar years —
    it used to count in full in every year, so the years added up to several times the
    budget."""
    years = ExtractYear("plan__period_end") - ExtractYear("plan__period_start") + Value(1)
    return Case(
        When(year__isnull=False, then=F("amount")),
        default=ExpressionWrapper(
            F("amount") * Value(Decimal("1.0000")) / years, output_field=DecimalField(max_digits=24, decimal_places=4)
        ),
        output_field=DecimalField(max_digits=24, decimal_places=4),
    )


def _vnd(value) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal(1))


def _spending_in_window(area: Area, window: Window) -> QuerySet[BudgetSpending]:
    """Spending reported in approved submissions whose period ends inside the window.

    Spending is read as the amount spent *in* the period (the reporting form asks for the
    period's spending per budget line), so the window's figure is the sum of its periods.
    """
    return BudgetSpending.objects.filter(
        budget_line__in=_lines_in_window(area, window),
        obligation__status=ObligationStatus.APPROVED,
        obligation__kind=ObligationKind.SUBMISSION,
        obligation__period__end__gte=window.start,
        obligation__period__end__lte=window.end,
    )


def budget_figures(area: Area, window: Window) -> dict:
    """Allocated (budget lines with an amount) vs spent (approved reports), in VND; 2 queries."""
    allocated = _lines_in_window(area, window).aggregate(total=Sum(_year_share()), lines=Count("id"))
    spent = _spending_in_window(area, window).aggregate(total=Sum("amount"))
    return _budget_totals(allocated["total"], spent["total"], allocated["lines"])


def _budget_totals(allocated, spent, lines: int) -> dict:
    allocated_total = _vnd(allocated)
    spent_total = spent or Decimal(0)
    share = (spent_total / allocated_total * 100).quantize(Decimal("0.1")) if allocated_total else None
    return {"allocated": allocated_total, "spent": spent_total, "lines": lines, "percent": share}


def budget_figures_of_plans(plans: list[Plan]) -> dict:
    """``budget_figures`` added up from ``budget_by_plan(..., line_counts=True)``'s rows (every
    active plan of the area, so no line is left out): the budget page reads its totals from the
    rows it lists instead of two more aggregate queries (issue 17). PostgreSQL only: the rows'
    amounts are the database's exact sums there, while SQLite rounds each plan's to whole
    dong, so the totals' rounding would differ (``budget_page_figures`` chooses)."""
    with localcontext(prec=80):  # exact sums, as the database's (a share has ~20 decimals)
        allocated = sum((p.allocated for p in plans), Decimal(0)) if plans else None
        spent = sum((p.spent for p in plans), Decimal(0)) if plans else None
    return _budget_totals(allocated, spent, sum(p.line_count for p in plans))


def budget_page_figures(area: Area, window: Window, plans: list[Plan]) -> dict:
    """The budget page's totals: from its rows on PostgreSQL, by ``budget_figures`` elsewhere."""
    if connection.vendor == "postgresql":
        return budget_figures_of_plans(plans)
    return budget_figures(area, window)


def budget_by_plan(area: Area, window: Window, *, line_counts: bool = False) -> list[Plan]:
    """Active plans of the area, most allocated first, with ``allocated`` (the window year's
    share of their budget lines), ``spent`` (approved spending of those lines in the window)
    and, with ``line_counts``, ``line_count`` (their number); the issuer is attached.

    PostgreSQL: one hand-written statement (``_budget_by_plan_postgresql``); elsewhere the ORM
    form (``_budget_by_plan_orm``), which is also the reference the SQL is tested against."""
    if connection.vendor == "postgresql":
        return _budget_by_plan_postgresql(area, window)
    return _budget_by_plan_orm(area, window, line_counts=line_counts)


def _plan_and_issuer_columns() -> tuple[str, list, list]:
    """The select list of every concrete column of a plan (``p``) and of its issuer (``g``), and
    the two models' (attname, converters) in that order."""
    columns, plan_fields, agency_fields = [], [], []
    for model, alias, fields in ((Plan, "p", plan_fields), (Agency, "g", agency_fields)):
        for f in model._meta.concrete_fields:
            columns.append(f'{alias}."{f.column}"')
            converters = f.get_db_converters(connection) + connection.ops.get_db_converters(f)
            fields.append((f.attname, f, converters))
    return ", ".join(columns), plan_fields, agency_fields


@functools.cache
def _budget_by_plan_sql(country: bool, prefixes: int) -> tuple[str, list, list]:
    """The statement of ``_budget_by_plan_postgresql`` for the whole country or an area of
    ``prefixes`` paths (built once per process: the ORM took ~8 ms a request to build and
    compile the former query through the area's paths; issue 17).

    The arithmetic is the ORM form's, term for term (``_year_share``: a line without a year
    divided by the plan's number of calendar years, ``* 1.0000`` first), so PostgreSQL returns
    the same numerics with the same scale: the amounts are the same strings."""
    columns, plan_fields, agency_fields = _plan_and_issuer_columns()
    area_join = area_where = ""
    if not country:
        area_join = 'INNER JOIN "directory_administrativeunit" u ON u."id" = g."unit_id"'
        area_where = "AND (" + " OR ".join(['u."path"::text LIKE %s'] * prefixes) + ")"
    sql = f"""
WITH plans AS MATERIALIZED (
    SELECT p."id", p."period_start", p."period_end"
      FROM "plans_plan" p
     INNER JOIN "directory_agency" g ON g."id" = p."issuer_id" {area_join}
     WHERE p."status" = %s AND p."period_start" <= %s AND p."period_end" >= %s {area_where}
), lines AS MATERIALIZED (
    SELECT b."id", b."plan_id",
           CASE WHEN (b."year" IS NOT NULL) THEN b."amount"
                ELSE ((b."amount" * 1.0000) / ((EXTRACT(YEAR FROM p."period_end") - EXTRACT(YEAR FROM p."period_start")) + 1))
           END AS share
      FROM "plans_budgetline" b INNER JOIN plans p ON p."id" = b."plan_id"
     WHERE (b."year" = %s OR b."year" IS NULL)
), allocated AS (
    SELECT "plan_id", SUM(share) AS total, COUNT("id") AS lines FROM lines GROUP BY "plan_id"
), spent AS (
    SELECT l."plan_id", SUM(s."amount") AS total
      FROM "reports_budgetspending" s
     INNER JOIN lines l ON l."id" = s."budget_line_id"
     INNER JOIN "reports_obligation" o ON o."id" = s."obligation_id"
     INNER JOIN "reports_reportingperiod" r ON r."id" = o."period_id"
     WHERE o."status" = %s AND o."kind" = %s AND r."end" >= %s AND r."end" <= %s
     GROUP BY l."plan_id"
)
SELECT {columns},
       COALESCE(a.total, 0) AS allocated, COALESCE(a.lines, 0) AS line_count, COALESCE(sp.total, 0) AS spent
  FROM plans q
 INNER JOIN "plans_plan" p ON p."id" = q."id"
 INNER JOIN "directory_agency" g ON g."id" = p."issuer_id"
  LEFT JOIN allocated a ON a."plan_id" = q."id"
  LEFT JOIN spent sp ON sp."plan_id" = q."id"
 ORDER BY allocated DESC, p."id"
"""
    return sql, plan_fields, agency_fields


def _budget_by_plan_postgresql(area: Area, window: Window) -> list[Plan]:
    """``budget_by_plan`` in one statement: the area's active plans with their issuer, the
    lines' shares and counts and the lines' spending grouped per plan (the floor's CTE form).
    Every row has ``line_count``."""
    sql, plan_fields, agency_fields = _budget_by_plan_sql(area.unit is None, len(area.paths))
    params = [PlanStatus.ISSUED, window.end, window.start]
    params += [connection.ops.prep_for_like_query(p) + "%" for p in area.paths]
    params += [window.year, ObligationStatus.APPROVED, ObligationKind.SUBMISSION, window.start, window.end]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    n_plan, n_agency = len(plan_fields), len(agency_fields)
    db = connection.alias
    plans = []
    for row in rows:
        values = list(row)
        for i, (_name, f, converters) in enumerate(plan_fields + agency_fields):
            for converter in converters:
                values[i] = converter(values[i], f, connection)
        plan = Plan.from_db(db, [a for a, _f, _c in plan_fields], values[:n_plan])
        plan.issuer = Agency.from_db(db, [a for a, _f, _c in agency_fields], values[n_plan : n_plan + n_agency])
        plan.allocated, plan.line_count, plan.spent = values[n_plan + n_agency :]
        plans.append(plan)
    return plans


def _budget_by_plan_orm(area: Area, window: Window, *, line_counts: bool = False) -> list[Plan]:
    """Active plans, most allocated first, with ``allocated`` (a correlated subquery: a plan has
    a few lines) and ``spent``, and ``line_count`` (the plan's budget lines for the window) with
    ``line_counts``. Two queries.

    The spending is summed per plan by one grouped query, not a correlated subquery per plan:
    per plan the subquery walked the plan's lines, their spending, reports and periods (0.1 ms
    and ~350 buffer reads each: 94 of the 105 ms of the whole country's 896 plans; issue 17)."""
    lines = _lines_in_window(area, window).filter(plan=OuterRef("pk")).order_by().values("plan")
    money = DecimalField(max_digits=20, decimal_places=0)
    plans = (
        active_plans(area, window)
        .select_related("issuer")
        .annotate(
            allocated=Coalesce(
                Subquery(lines.annotate(t=Sum(_year_share())).values("t")), Value(Decimal(0)), output_field=money
            ),
        )
        .order_by("-allocated", "pk")
    )
    if line_counts:
        plans = plans.annotate(
            line_count=Coalesce(Subquery(lines.annotate(c=Count("id")).values("c")), Value(0), output_field=IntegerField())
        )
    plans = list(plans)
    if not plans:
        return plans
    spent = dict(
        _spending_in_window(area, window)
        .order_by()
        .values("budget_line__plan")
        .annotate(t=Coalesce(Sum("amount"), Value(Decimal(0)), output_field=money))
        .values_list("budget_line__plan", "t")
    )
    for plan in plans:
        plan.spent = spent.get(plan.pk, Decimal(0))
    return plans


# --------------------------------------------------------------------------------------
# Target values and status
# --------------------------------------------------------------------------------------


@dataclass
class Point:
    """One period's combined value of a target."""

    period_id: int
    label: str
    end: date
    value: Decimal | None


def _pick(rule: str, row: dict) -> Decimal | None:
    """The combined value of one (target, period) group, by the target's rule.

    Mirrors ``plans.progress.combine`` from SQL aggregates (NULLs are ignored by both).
    """
    if not row["n"]:
        return None
    if rule == Aggregation.SUM:
        return row["s"]
    if rule == Aggregation.AVERAGE:
        return row["a"]
    if rule == Aggregation.MIN:
        return row["mn"]
    if rule == Aggregation.MAX:
        return row["mx"]
    if rule == Aggregation.WEIGHTED_AVERAGE:
        return row["swv"] / row["sw"] if row["sw"] else row["a"]
    if rule == Aggregation.ANY:
        return Decimal(1) if row["mx"] is not None and row["mx"] > 0 else Decimal(0)
    return row["s"]


def _grouped_values(targets: QuerySet[PlanTarget] | list, upto: date | None):
    """Approved values grouped by (target, period, report kind) with every aggregate a rule
    may need; returns ``(queryset, rules)`` where ``rules`` maps target ids to their rule
    when ``targets`` is a list (else None: the rule is read from the row)."""
    if isinstance(targets, QuerySet):
        target_filter = Q(target__in=targets.values("pk"))
        rules = None
    else:
        target_filter = Q(target_id__in=[t.pk for t in targets])
        rules = {t.pk: t.aggregation for t in targets}
    qs = ReportedValue.objects.filter(target_filter, obligation__status=ObligationStatus.APPROVED)
    if upto is not None:
        qs = qs.filter(obligation__period__end__lte=upto)
    grouped = qs.values(
        "target_id",
        "target__aggregation",
        "obligation__period_id",
        "obligation__period__label",
        "obligation__period__start",
        "obligation__period__end",
        "obligation__kind",
    ).annotate(
        n=Count("value"),
        s=Sum("value"),
        a=Avg("value"),
        mn=Min("value"),
        mx=Max("value"),
        sw=Sum("weight", filter=Q(value__isnull=False)),
        swv=Sum(
            ExpressionWrapper(F("value") * F("weight"), output_field=DecimalField(max_digits=30, decimal_places=8))
        ),
    )
    return grouped, rules


def _row_value(row, rules) -> Decimal | None:
    if row["obligation__kind"] == ObligationKind.CONSOLIDATION:
        # Several consolidated reports of one period (e.g. the Liên minh HTX and the Sở Tài
        # chính both consolidate) state the same total: summing them by the target's rule
        # would double it. Their mean is that total (the reports provider takes one of them).
        value = row["a"]
    else:
        rule = rules.get(row["target_id"]) if rules else None
        value = _pick(rule or row["target__aggregation"], row)
    if value is not None and not isinstance(value, Decimal):
        value = Decimal(str(value))
    return value


def target_series(targets: QuerySet[PlanTarget] | list, *, upto: date | None = None) -> dict[int, list[Point]]:
    """Per target, its combined approved value per period, oldest first (one query).

    Values come from approved obligations. A consolidated report of the period wins over
    the submissions it consolidates; otherwise the submissions are combined by the target's
    aggregation rule. The grouping and the sums/averages are done by the database.
    """
    grouped_qs, rules = _grouped_values(targets, upto)
    rows = grouped_qs.order_by(
        "target_id", "obligation__period__end", "-obligation__period__start", "obligation__period_id"
    )
    grouped: dict[int, dict[int, tuple]] = defaultdict(dict)
    for row in rows:
        value = _row_value(row, rules)
        key = row["obligation__period_id"]
        current = grouped[row["target_id"]].get(key)
        is_consolidation = row["obligation__kind"] == ObligationKind.CONSOLIDATION
        if current is None or (is_consolidation and not current[0]):
            grouped[row["target_id"]][key] = (
                is_consolidation,
                Point(key, row["obligation__period__label"], row["obligation__period__end"], value),
            )
    return {
        target_id: [p for _c, p in sorted(periods.values(), key=lambda cp: (cp[1].end, cp[1].period_id))]
        for target_id, periods in grouped.items()
    }


def latest_values(targets, *, upto: date | None = None) -> dict[int, Point]:
    """The value a target stands at: the latest *consolidated* period's value, or — while
    nothing was consolidated — the latest period's combined submissions.

    The same rule as the reports app's "reported" provider (shown on the plan progress page),
    so the status counts, the target list and the progress page agree: a period still under
    review has only part of its submissions approved, and their sum is not the area's figure.
    The approved values are already grouped per (target, period, kind) in the read model
    ``dashboards.models.TargetPeriodValue`` (maintained by the report transitions); one row
    per target is picked in the index's order (``DISTINCT ON`` on PostgreSQL, ``ROW_NUMBER``
    elsewhere) and combined here by the target's rule. At national scale this replaced
    ranking 250,000 reported values (a sequential scan that spilled to disk) for the whole
    country's home page.
    """
    from dashboards.models import TargetPeriodValue

    if isinstance(targets, QuerySet):
        qs = TargetPeriodValue.objects.filter(target__in=targets.values("pk"))
        rules = None
    else:
        qs = TargetPeriodValue.objects.filter(target_id__in=[t.pk for t in targets])
        rules = {t.pk: t.aggregation for t in targets}
    if upto is not None:
        qs = qs.filter(period_end__lte=upto)
    fields = ("target_id", "target__aggregation", "period_id", "period__label", "period_end", "consolidated",
              "n", "s", "mn", "mx", "sw", "swv")
    if connection.features.can_distinct_on_fields:
        # The index's order (target, consolidated DESC, period_end DESC, period DESC).
        rows = qs.order_by("target_id", "-consolidated", "-period_end", "-period_id").distinct("target_id")
    else:
        rows = qs.annotate(
            rank=SqlWindow(
                RowNumber(),
                partition_by=[F("target_id")],
                order_by=[F("consolidated").desc(), F("period_end").desc(), F("period_id").desc()],
            )
        ).filter(rank=1).order_by()
    rows = rows.values(*fields)
    latest = {}
    for row in rows:
        rule = (rules.get(row["target_id"]) if rules else None) or row["target__aggregation"]
        value = _combined(rule, row["consolidated"], row["n"], row["s"], row["mn"], row["mx"], row["sw"], row["swv"])
        latest[row["target_id"]] = Point(row["period_id"], row["period__label"], row["period_end"], value)
    return latest


def _combined(rule: str, consolidated: bool, n, s, mn, mx, sw, swv) -> Decimal | None:
    """The value of one row of the read model (a target's approved values of one period and
    report kind): by the target's ``rule`` (``_pick``'s rules, the mean ``a`` being ``s / n``), or
    — consolidated reports — their mean (several consolidated reports of one period state the
    same total). ``latest_values`` and ``target_value_rows`` both combine through it."""
    if not n:
        return None
    if consolidated:
        value = s / n
    elif rule == _SUM:
        value = s
    elif rule == _AVERAGE:
        value = s / n
    elif rule == _MIN:
        value = mn
    elif rule == _MAX:
        value = mx
    elif rule == _WEIGHTED_AVERAGE:
        value = swv / sw if sw else s / n
    elif rule == _ANY:
        value = Decimal(1) if mx is not None and mx > 0 else Decimal(0)
    else:
        value = s
    if value is not None and not isinstance(value, Decimal):
        value = Decimal(str(value))
    return value


# ``_pick``'s rules as plain strings (an enum member read from its class costs more than the test).
_SUM, _AVERAGE, _MIN, _MAX = Aggregation.SUM.value, Aggregation.AVERAGE.value, Aggregation.MIN.value, Aggregation.MAX.value
_WEIGHTED_AVERAGE, _ANY = Aggregation.WEIGHTED_AVERAGE.value, Aggregation.ANY.value


def _evaluate(row, actual, as_of) -> progress.Progress:
    return progress.evaluate(
        comparator=row["comparator"],
        value=row["value"],
        value_max=row["value_max"],
        baseline=row["baseline"],
        milestone_year=row["milestone_year"],
        start=row["plan__period_start"],
        actual=actual,
        as_of=as_of,
        direction=row["direction"],
    )


TARGET_FIELDS = (
    "pk",
    "plan_id",
    "comparator",
    "value",
    "value_max",
    "baseline",
    "milestone_year",
    "direction",
    "plan__period_start",
)


def area_targets(area: Area, window: Window) -> QuerySet[PlanTarget]:
    """Targets of the area's active plans whose milestone is not before the window's year."""
    return PlanTarget.objects.filter(
        _active_q(window, "plan__"), area.q("plan__issuer__unit"), milestone_year__gte=window.year
    )


def target_statuses(area: Area, window: Window, today: date) -> dict[int, tuple[str, Decimal | None]]:
    """``{target_id: (status, actual)}`` for the area's targets (one statement on PostgreSQL)."""
    return {pk: (st, actual) for pk, _path, st, actual in target_state_rows(area, window, today)}


def target_status_counts(area: Area, window: Window, today: date, rows=None) -> dict[str, int]:
    """How many of the area's targets are in each status; ``rows`` are ``target_state_rows``
    already read (the home page shares them with the drill-down)."""
    counts = dict.fromkeys(progress.STATUS_ORDER, 0)
    for row in target_state_rows(area, window, today) if rows is None else rows:
        counts[row[2]] += 1
    counts["total"] = sum(counts[s] for s in progress.STATUS_ORDER)
    return counts


# --------------------------------------------------------------------------------------
# Reporting compliance
# --------------------------------------------------------------------------------------

# The states, labels and ``compliance_q`` come from reports.compliance (one definition for
# every page) and are imported above; callers keep using ``selectors.COMPLIANCE_LABELS`` etc.


def obligations_in_window(area: Area, window: Window) -> QuerySet[Obligation]:
    """Reports of the area's agencies whose deadline falls in the window: submissions and
    consolidated reports alike (a consolidation overdue for 72 days is a missing report).

    Only reports of agencies alive during their period: an obligation left on a body outside
    its life (made before generation checked it, or a 2026 plan that named an abolished office)
    is owed by nobody, so the matrix lists an abolished district office for periods up to
    Q2/2025 and its successor after (issue 14)."""
    return with_submitted_day(
        Obligation.objects.filter(
            area.q("agency__unit"),
            alive_during_q("agency", "period__start", "period__end"),
            period__due_date__gte=window.start,
            period__due_date__lte=window.end,
        )
    )


def reports_due_counts(area: Area, window: Window, today: date, *group_by: str) -> QuerySet:
    """The window's reports that are due (every state but *not yet due*), grouped by
    ``group_by`` (e.g. ``"agency__unit__path"``), as rows with ``n`` (due), ``missing``
    (overdue, "Quá hạn") and ``late``. One query; the one definition of the drill-down's and
    the map's report figures (the states are ``reports.compliance``'s)."""
    states = compliance_q(today)
    return (
        obligations_in_window(area, window)
        .exclude(states[PENDING])
        .values(*group_by)
        .annotate(n=Count("id"), missing=Count("id", filter=states[MISSING]), late=Count("id", filter=states[LATE]))
        .order_by()
    )


def state_expression(today: date) -> Case:
    qs = compliance_q(today)
    return Case(
        *(When(qs[s], then=Value(s)) for s in (RETURNED, LATE, ON_TIME, MISSING, PENDING)), output_field=CharField()
    )


def compliance_counts(area: Area, window: Window, today: date) -> dict[str, int]:
    """How many of the window's reports are on time, late, missing, returned, pending (one query)."""
    qs = compliance_q(today)
    counts = obligations_in_window(area, window).aggregate(
        total=Count("id"), **{state: Count("id", filter=q) for state, q in qs.items()}
    )
    counts["due"] = counts["total"] - counts[PENDING]
    return counts


def obligations_by_state(area: Area, window: Window, today: date, state: str | None) -> QuerySet[Obligation]:
    """The list behind a compliance figure (for the drill-down list)."""
    qs = obligations_in_window(area, window).annotate(state=state_expression(today))
    if state in COMPLIANCE_STATES:
        qs = qs.filter(compliance_q(today)[state])
    return qs.select_related("agency", "period", "period__requirement__plan").order_by(
        "period__due_date", "agency__name", "pk"
    )


# What the drill-down's rows read of a report (``views.drilldown_rows_html``, ``views.days_late``):
# not the reports' texts and JSON nor the plans' every column (issue 17).
DRILLDOWN_FIELDS = (
    "id", "status", "submitted_at", "period_id", "agency_id",
    "period__id", "period__label", "period__due_date", "period__requirement_id",
    "period__requirement__id", "period__requirement__plan_id",
    "period__requirement__plan__id", "period__requirement__plan__number", "period__requirement__plan__symbol",
    "agency__id", "agency__name",
)  # fmt: skip
BIGINT_MAX = 2**63 - 1


def drilldown_page(area: Area, window: Window, today: date, state: str | None, agency_id: int | None, page, per_page: int = 50) -> Page:
    """The page ``page`` (as ``Paginator.get_page`` reads it: past the last → the last, not a
    number → the first) of ``obligations_by_state``, optionally of one agency: a ``Page`` whose
    rows have ``pk``, ``status``, ``submitted_at``, ``state``, ``period.label``,
    ``period.due_date``, ``period.requirement.plan.reference`` and ``agency.name``.

    PostgreSQL: one statement written once per area shape and state (``_drilldown_sql``) gives
    the count and the page's rows as tuples; the ORM built and compiled the page's queryset and
    its COUNT on every request and made ~250 model instances of 50 rows (issue 17). Elsewhere
    the ORM form (``_drilldown_page_orm``), also the reference the statement is tested against
    (tests/dashboards/test_drilldown_sql.py)."""
    if connection.vendor == "postgresql":
        return _drilldown_page_postgresql(area, window, today, state, agency_id, page, per_page)
    return _drilldown_page_orm(area, window, today, state, agency_id, page, per_page)


def _drilldown_page_orm(area, window, today, state, agency_id, page, per_page) -> Page:
    qs = obligations_by_state(area, window, today, state).only(*DRILLDOWN_FIELDS)
    if agency_id is not None:
        qs = qs.filter(agency_id=agency_id)
    return Paginator(qs, per_page).get_page(page)


def _state_conditions(status: str, sday: str, due_date: str) -> dict[str, str]:
    """``compliance_q``'s condition per state in SQL over the given columns (``sday``: the day
    of submission in the portal's time zone, ``with_submitted_day``)."""
    done = ", ".join(f"'{x}'" for x in DONE_STATUSES)
    open_ = ", ".join(f"'{x}'" for x in OPEN_STATUSES)
    return {
        RETURNED: f"{status} = '{ObligationStatus.RETURNED}'",
        LATE: f"({status} IN ({done}) AND {sday} > {due_date})",
        ON_TIME: f"({status} IN ({done}) AND ({sday} IS NULL OR {sday} <= {due_date}))",
        MISSING: f"({due_date} < %(today)s AND {status} IN ({open_}))",
        PENDING: f"({due_date} >= %(today)s AND {status} IN ({open_}))",
    }


@functools.cache
def _drilldown_sql(country: bool, prefixes: int, state: str, one_agency: bool) -> str:
    """The statement of ``_drilldown_page_postgresql``: ``obligations_in_window`` (the area's
    agencies alive during the period, the deadline in the window), ``compliance_q``'s condition
    for ``state`` ("" for every state), the ORM's order (deadline, agency name, id) and
    ``state_expression`` term for term. ``area_agencies``: the area's agencies, read by their
    units' ids (an index probe per unit; a join on the units' paths read all 4,833 agencies);
    ``matched``: the reports, read once for the count and the page."""
    conditions = _state_conditions('o."status"', '(o."submitted_at" AT TIME ZONE %(tz)s)::date', 'r."due_date"')
    shown = _state_conditions('m."status"', "m.sday", 'm."due_date"')
    case = " ".join(f"WHEN {shown[st]} THEN '{st}'" for st in (RETURNED, LATE, ON_TIME, MISSING, PENDING))
    where = [
        '(g."valid_to" IS NULL OR g."valid_to" >= r."start")',
        '(g."valid_from" IS NULL OR g."valid_from" <= r."end")',
        'r."due_date" >= %(start)s',
        'r."due_date" <= %(end)s',
    ]
    if one_agency:
        where.append('o."agency_id" = %(agency)s')
    if state:
        where.append(conditions[state])
    if country:
        agencies = '"directory_agency"'
        ctes = ""
    else:
        units = " OR ".join(f'u."path"::text LIKE %(p{i})s' for i in range(prefixes))
        agencies = "area_agencies"
        ctes = f"""area_agencies AS MATERIALIZED (
    SELECT g."id", g."name", g."valid_from", g."valid_to" FROM "directory_agency" g
     WHERE g."unit_id" = ANY(ARRAY(SELECT u."id" FROM "directory_administrativeunit" u WHERE {units}))
), """
    return f"""
WITH {ctes}matched AS MATERIALIZED (
    SELECT o."id", o."status", o."submitted_at", o."agency_id", o."period_id", r."label", r."due_date", r."requirement_id",
           g."name" AS agency_name, (o."submitted_at" AT TIME ZONE %(tz)s)::date AS sday
      FROM "reports_obligation" o
     INNER JOIN {agencies} g ON g."id" = o."agency_id"
     INNER JOIN "reports_reportingperiod" r ON r."id" = o."period_id"
     WHERE {" AND ".join(where)}
), page AS (
    SELECT * FROM matched m ORDER BY m."due_date" ASC, m.agency_name ASC, m."id" ASC LIMIT %(limit)s OFFSET %(offset)s
)
SELECT (SELECT COUNT(*) FROM matched), m."id", m."status", m."submitted_at", m."agency_id", m."period_id",
       m."label", m."due_date", m.agency_name,
       p."number", p."symbol", CASE {case} ELSE NULL END
  FROM (SELECT 1) AS one
  LEFT JOIN page m ON TRUE
  LEFT JOIN "plans_reportingrequirement" q ON q."id" = m."requirement_id"
  LEFT JOIN "plans_plan" p ON p."id" = q."plan_id"
 ORDER BY m."due_date" ASC, m.agency_name ASC, m."id" ASC
"""


class DrillRow:
    """A report of the drill-down as its rows read it (the attributes of the ORM's rows)."""

    __slots__ = ("pk", "status", "submitted_at", "state", "period", "agency", "days_late")

    def __init__(self, pk, status, submitted_at, state, period, agency):
        self.pk, self.status, self.submitted_at, self.state = pk, status, submitted_at, state
        self.period, self.agency, self.days_late = period, agency, None

    @property
    def id(self):
        return self.pk

    @property
    def agency_id(self):
        return self.agency.id

    @property
    def period_id(self):
        return self.period.id



def _read_counted_page(sql: str, params: dict, page, per_page: int):
    """Run a statement whose rows each carry the total count first (``result[0][0]``) and that
    takes ``%(offset)s``, for the page asked for as Paginator reads it. A number past the last
    page (or below 1) is only known once the rows are counted: then the page shown is read again
    (rare). Returns the rows, the page number shown and the paginator (the drill-down and the
    compliance matrix; issue 17)."""
    from django.core.paginator import Paginator

    try:  # (a page number past any OFFSET PostgreSQL takes is past the last page too)
        number = min(max(int(page), 1), BIGINT_MAX // per_page)
    except (TypeError, ValueError):
        number = 1
    while True:
        with connection.cursor() as cursor:
            cursor.execute(sql, params | {"offset": (number - 1) * per_page})
            result = cursor.fetchall()
        paginator = Paginator(range(result[0][0]), per_page)
        shown = paginator.get_page(page).number
        if shown == number or not paginator.count:  # (nothing counted: page 1 has no row either)
            return result, shown, paginator
        number = shown


def _drilldown_page_postgresql(area, window, today, state, agency_id, page, per_page) -> Page:
    from django.utils import timezone

    if agency_id is not None and not 0 <= agency_id <= BIGINT_MAX:  # no such agency (the ORM's answer)
        return Paginator([], per_page).get_page(page)
    state = state if state in COMPLIANCE_STATES else ""
    sql = _drilldown_sql(area.unit is None, len(area.paths), state, agency_id is not None)
    params = {f"p{i}": connection.ops.prep_for_like_query(p) + "%" for i, p in enumerate(area.paths)}
    params |= {"tz": timezone.get_current_timezone_name(), "start": window.start, "end": window.end, "today": today}
    params |= {"agency": agency_id, "limit": per_page}
    result, number, paginator = _read_counted_page(sql, params, page, per_page)
    reference = Plan.reference.fget
    rows = [
        DrillRow(
            pk,
            status,
            submitted_at,
            row_state,
            SimpleNamespace(
                id=period_id,
                label=label,
                due_date=due_date,
                requirement=SimpleNamespace(plan=SimpleNamespace(reference=reference(SimpleNamespace(number=number_, symbol=symbol)))),
            ),
            SimpleNamespace(id=agency_id, name=agency_name),
        )
        for _count, pk, status, submitted_at, agency_id, period_id, label, due_date, agency_name, number_, symbol, row_state in result
        if pk is not None
    ]
    return Page(rows, number, paginator)


MATRIX_SORTS = {
    "worst": ("-missing", "-late", "-returned", "on_time", "agency__name"),
    "name": ("agency__name",),
    "missing": ("-missing", "agency__name"),
    "late": ("-late", "agency__name"),
    "returned": ("-returned", "agency__name"),
    "on_time": ("-on_time", "agency__name"),
    "rate": ("rate", "agency__name"),
}


@dataclass
class MatrixRow:
    agency_id: int
    agency_name: str
    unit_name: str
    totals: dict
    cells: dict = field(default_factory=dict)  # column key -> {state: n}
    overdue: int = 0

    @property
    def worst(self) -> str:
        for state in (MISSING, LATE, RETURNED, PENDING, ON_TIME):
            if self.totals.get(state):
                return state
        return ""


def compliance_agency_count(area: Area, window: Window) -> int:
    """How many agencies have reports in the window: the compliance matrix's rows (one query)."""
    return obligations_in_window(area, window).values("agency_id").distinct().count()


def compliance_matrix(
    area: Area, window: Window, today: date, *, sort: str = "worst", limit: int = 200, offset: int = 0
) -> dict:
    """Agencies × periods with the count of each compliance state (two queries).

    Columns are period labels (obligations of different plans due in the same period share
    a column). Rows come sorted by ``sort`` — "worst" puts agencies with the most missing,
    then late, then returned reports first, ties by agency id so that pages never repeat or
    skip one. ``limit`` agencies from the ``offset``-th (the page shows 25, 50 or 100); the
    columns are the periods of those agencies.
    """
    qs = compliance_q(today)
    base = obligations_in_window(area, window)
    state_counts = {state: Count("id", filter=q) for state, q in qs.items()}
    order = MATRIX_SORTS.get(sort, MATRIX_SORTS["worst"])
    totals = list(
        base.values("agency_id", "agency__name", "agency__unit__name", "agency__unit__kind")
        .annotate(total=Count("id"), **state_counts)
        .annotate(
            rate=Case(
                When(total=0, then=Value(0)),
                default=(F("on_time") * 1000) / F("total"),
                output_field=IntegerField(),
            )
        )
        .order_by(*order, "agency_id")[offset : offset + limit]
    )
    rows = {
        t["agency_id"]: MatrixRow(
            agency_id=t["agency_id"],
            agency_name=t["agency__name"],
            unit_name=f"{t['agency__unit__kind']} {t['agency__unit__name']}".strip(),
            totals={k: t[k] for k in ("total", *COMPLIANCE_STATES)},
            overdue=t[MISSING],
        )
        for t in totals
    }
    columns: dict[tuple, str] = {}
    if rows:
        cells = (
            base.filter(agency_id__in=list(rows))
            .values("agency_id", "period__label", "period__end")
            .annotate(**state_counts)
            .order_by("period__end", "period__label")
        )
        for c in cells:
            key = f"{c['period__end']:%Y%m%d}-{c['period__label']}"
            columns[(c["period__end"], key)] = c["period__label"]
            rows[c["agency_id"]].cells[key] = {s: c[s] for s in COMPLIANCE_STATES}
    ordered_columns = [{"key": key, "label": label} for (_end, key), label in sorted(columns.items())]
    return {"rows": list(rows.values()), "columns": ordered_columns}


def compliance_page(area: Area, window: Window, today: date, *, sort: str, per_page: int, page) -> dict:
    """What the compliance page shows: ``agencies`` (the matrix's rows in all), ``number`` (the
    page shown: ``page`` as ``Paginator.get_page`` reads it), that page's ``rows`` and
    ``columns`` (``compliance_matrix``) and ``counts`` (``compliance_counts``).

    PostgreSQL: one statement (``_compliance_page_postgresql``) instead of four queries that
    each joined the window's reports to the area's agencies again (issue 17); elsewhere the
    four selectors (``_compliance_page_orm``), the reference the statement is tested against."""
    if connection.vendor == "postgresql":
        return _compliance_page_postgresql(area, window, today, sort=sort, per_page=per_page, page=page)
    return _compliance_page_orm(area, window, today, sort=sort, per_page=per_page, page=page)


def _compliance_page_orm(area: Area, window: Window, today: date, *, sort: str, per_page: int, page) -> dict:
    from django.core.paginator import Paginator

    agencies = compliance_agency_count(area, window)
    shown = Paginator(range(agencies), per_page).get_page(page)
    offset = shown.start_index() - 1 if agencies else 0
    matrix = compliance_matrix(area, window, today, sort=sort, limit=per_page, offset=offset)
    return {"agencies": agencies, "number": shown.number, **matrix, "counts": compliance_counts(area, window, today)}


def _state_counts_sql() -> str:
    """``compliance_q``'s states as SQL over ``obs`` (status, due_date, sday: the submission
    day in the portal's time zone, as ``with_submitted_day``)."""
    done = ", ".join(f"'{x}'" for x in DONE_STATUSES)
    open_ = ", ".join(f"'{x}'" for x in OPEN_STATUSES)
    return ", ".join(
        (
            f"""COUNT("id") FILTER (WHERE "status" = '{ObligationStatus.RETURNED}') AS {RETURNED}""",
            f'COUNT("id") FILTER (WHERE "status" IN ({done}) AND sday > "due_date") AS {LATE}',
            f'COUNT("id") FILTER (WHERE "status" IN ({done}) AND (sday IS NULL OR sday <= "due_date")) AS {ON_TIME}',
            f'COUNT("id") FILTER (WHERE "due_date" < %(today)s AND "status" IN ({open_})) AS {MISSING}',
            f'COUNT("id") FILTER (WHERE "due_date" >= %(today)s AND "status" IN ({open_})) AS {PENDING}',
        )
    )


# MATRIX_SORTS in SQL over ``ranked`` (ties by agency id, as ``compliance_matrix``).
_MATRIX_ORDER_SQL = {"agency__name": "agency_name", "rate": "rate", **{st: st for st in COMPLIANCE_STATES}}


@functools.cache
def _compliance_page_sql(country: bool, prefixes: int, sort: str) -> str:
    """The statement of ``_compliance_page_postgresql`` (written once per area shape and sort).

    ``area_agencies``: the area's agencies with their unit (by index for a scoped user); ``win``
    (scoped): the window's periods; ``obs``: the window's reports of
    those agencies alive during their period (``obligations_in_window``), each read once;
    ``ranked``: per agency the totals by state and the page order; ``page``: the asked page;
    ``cells``: its agencies × periods; ``totals``: the agency count and the counts by state
    (each report belongs to one agency: the sums of the rows are ``compliance_counts``). One
    row per cell of the page, or one row of totals alone for a page without agencies."""
    order = ", ".join(
        f"{_MATRIX_ORDER_SQL[key.lstrip('-')]} {'DESC' if key.startswith('-') else 'ASC'}"
        for key in MATRIX_SORTS.get(sort, MATRIX_SORTS["worst"])
    )
    states = _state_counts_sql()
    window = 'r."due_date" >= %(start)s AND r."due_date" <= %(end)s'
    if country:
        area, periods, in_window = "", '"reports_reportingperiod"', f"\n       AND {window}"
        window_cte = ""
    else:
        # A scoped user's agencies by index: the area's units by the path index, their agencies
        # by the unit index (joined, every agency of the country was read by a sequential scan
        # and hashed against the area's units). Then the reports of those agencies by the
        # agency index, hashed against the window's periods read once by the due date index
        # (``win``): the floor's plan. Without ``win`` the planner, which cannot know how many
        # agencies the ``ARRAY`` holds, looked each report's period up by its key (issue 17).
        paths = " OR ".join(f'au."path"::text LIKE %(p{i})s' for i in range(prefixes))
        area = f'WHERE g."unit_id" = ANY(ARRAY(SELECT au."id" FROM "directory_administrativeunit" au WHERE {paths}))'
        periods, in_window = "win", ""
        window_cte = f"""win AS MATERIALIZED (
    SELECT r."id", r."label", r."start", r."end", r."due_date" FROM "reports_reportingperiod" r WHERE {window}
), """
    sums = ", ".join(f"SUM({st}) AS {st}" for st in COMPLIANCE_STATES)
    columns = ", ".join(("total", *COMPLIANCE_STATES))
    return f"""
WITH area_agencies AS MATERIALIZED (
    SELECT g."id", g."name", g."valid_from", g."valid_to", u."name" AS unit_name, u."kind" AS unit_kind
      FROM "directory_agency" g INNER JOIN "directory_administrativeunit" u ON u."id" = g."unit_id"
     {area}
), {window_cte}obs AS MATERIALIZED (
    SELECT o."id", o."agency_id", o."status", r."label", r."end", r."due_date",
           (o."submitted_at" AT TIME ZONE %(tz)s)::date AS sday
      FROM "reports_obligation" o
     INNER JOIN area_agencies g ON g."id" = o."agency_id"
     INNER JOIN {periods} r ON r."id" = o."period_id"
     WHERE (g."valid_to" IS NULL OR g."valid_to" >= r."start") AND (g."valid_from" IS NULL OR g."valid_from" <= r."end"){in_window}
), per_agency AS (
    SELECT "agency_id", COUNT("id") AS total, {states} FROM obs GROUP BY "agency_id"
), ranked AS (
    SELECT a.*, g."name" AS agency_name, g.unit_name, g.unit_kind,
           CASE WHEN a.total = 0 THEN 0 ELSE (a.{ON_TIME} * 1000) / a.total END AS rate
      FROM per_agency a INNER JOIN area_agencies g ON g."id" = a."agency_id"
), page AS (
    SELECT * FROM ranked ORDER BY {order}, "agency_id" LIMIT %(limit)s OFFSET %(offset)s
), numbered AS (
    SELECT page.*, ROW_NUMBER() OVER (ORDER BY {order}, "agency_id") AS position FROM page
), cells AS (
    SELECT "agency_id", "label", "end", {states}
      FROM obs WHERE "agency_id" IN (SELECT "agency_id" FROM page)
     GROUP BY "agency_id", "label", "end"
), totals AS (
    SELECT COUNT(*) AS agencies, SUM(total) AS total, {sums} FROM per_agency
)
SELECT t.agencies, t.total, {", ".join(f"t.{st}" for st in COMPLIANCE_STATES)},
       p."agency_id", p.agency_name, p.unit_name, p.unit_kind, {", ".join(f"p.{c}" for c in columns.split(", "))},
       c."label", c."end", {", ".join(f"c.{st}" for st in COMPLIANCE_STATES)}
  FROM totals t
  LEFT JOIN numbered p ON TRUE
  LEFT JOIN cells c ON c."agency_id" = p."agency_id"
 ORDER BY p.position, c."end", c."label"
"""


def _compliance_page_postgresql(area: Area, window: Window, today: date, *, sort: str, per_page: int, page) -> dict:
    from django.utils import timezone

    sql = _compliance_page_sql(area.unit is None, len(area.paths), sort)
    params = {f"p{i}": connection.ops.prep_for_like_query(p) + "%" for i, p in enumerate(area.paths)}
    params |= {"tz": timezone.get_current_timezone_name(), "start": window.start, "end": window.end, "today": today}
    params["limit"] = per_page
    result, number, paginator = _read_counted_page(sql, params, page, per_page)
    agencies = paginator.count
    n = len(COMPLIANCE_STATES)
    first = result[0]
    counts = {"total": int(first[1] or 0), **{st: int(v or 0) for st, v in zip(COMPLIANCE_STATES, first[2 : 2 + n], strict=True)}}
    counts["due"] = counts["total"] - counts[PENDING]
    rows: dict[int, MatrixRow] = {}
    columns: dict[tuple, str] = {}
    for r in result:
        agency_id, agency_name, unit_name, unit_kind, *rest = r[2 + n :]
        if agency_id is None:
            continue
        totals, (label, end, *cell) = rest[: n + 1], rest[n + 1 :]
        row = rows.get(agency_id)
        if row is None:
            row = rows[agency_id] = MatrixRow(
                agency_id=agency_id,
                agency_name=agency_name,
                unit_name=f"{unit_kind} {unit_name}".strip(),
                totals=dict(zip(("total", *COMPLIANCE_STATES), totals, strict=True)),
                overdue=totals[1 + COMPLIANCE_STATES.index(MISSING)],
            )
        if label is not None:
            key = f"{end:%Y%m%d}-{label}"
            columns[(end, key)] = label
            row.cells[key] = dict(zip(COMPLIANCE_STATES, cell, strict=True))
    return {
        "agencies": agencies,
        "number": number,
        "rows": list(rows.values()),
        "columns": [{"key": key, "label": label} for (_end, key), label in sorted(columns.items())],
        "counts": counts,
    }


def overdue_obligations(area: Area, window: Window, today: date, agency_id: int) -> QuerySet[Obligation]:
    """The agency's reports in the window that are missing (deadline passed, not submitted)."""
    return obligations_in_window(area, window).filter(compliance_q(today)[MISSING], agency_id=agency_id)


# --------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------


def organisations_in_area(area: Area) -> QuerySet[Organisation]:
    return Organisation.objects.filter(area.q("commune"))


def registry_kind_status(area: Area) -> list[dict]:
    """Rows ``{kind, label, active, suspended, dissolved, planned, total}`` (one query)."""
    statuses = [s.value for s in OrganisationStatus]
    rows = (
        organisations_in_area(area)
        .values("kind")
        .annotate(total=Count("id"), **{s: Count("id", filter=Q(status=s)) for s in statuses})
        .order_by("kind")
    )
    labels = dict(OrganisationKind.choices)
    by_kind = {r["kind"]: r for r in rows}
    return [
        {"kind": k, "label": labels[k], **{s: by_kind.get(k, {}).get(s, 0) for s in [*statuses, "total"]}}
        for k in OrganisationKind.values
        if k in by_kind
    ]


def _rating_rows(counts: dict[str, int]) -> list[dict]:
    rated = sum(n for r, n in counts.items() if r != Rating.UNRATED)
    return [
        {
            "rating": r,
            "label": label,
            "count": counts.get(r, 0),
            "percent": (Decimal(counts.get(r, 0)) * 100 / rated).quantize(Decimal("0.1"))
            if rated and r != Rating.UNRATED
            else None,
        }
        for r, label in Rating.choices
    ]


def _htx_records(area: Area):
    return YearlyRecord.objects.filter(area.q("organisation__commune"), organisation__kind=OrganisationKind.COOPERATIVE)


def rating_distribution(area: Area, year: int) -> list[dict]:
    """HTX by rating in ``year`` (one query); every rating listed, zeros included.

    One definition with the registry indicator ``htx_rated_good_share`` (the home page's
    panel): cooperatives only, and percentages of the HTX *rated* that year — the "not rated"
    row has a count and no percentage. (The dashboard used to divide by every organisation's
    record, unrated and THT included, so "tốt + khá" read 59,6 % here and 68,9 % there.)
    """
    counts = _htx_records(area).filter(year=year).values("rating").annotate(n=Count("id"))
    return _rating_rows(dict(counts.values_list("rating", "n")))


GOOD_RATINGS = (Rating.GOOD, Rating.FAIR)


def latest_ratings(area: Area, year: int, today: date) -> tuple[int, list[dict]]:
    """``(rating year, rating_distribution rows)`` for a page about ``year`` (one query).

    The rating year is the one year rule of the rating figures (issue 15): cooperatives are
    rated once a year, after it ends, so it is the latest *complete* year (before ``today``'s)
    not after ``year`` in which an HTX of the area has a yearly record — that bound itself when
    there is none. The registry dashboard passes its window's year, the home-page registry
    panel this year, so on the same day both show the same year's share, each labelled with
    its year and its denominator. (The registry page used "the year before the window's when
    it is this year", the panel the latest year with any record, this year's first records
    included: one showed 2025, the other 2026.)
    """
    bound = min(year, today.year - 1)
    by_year: dict[int, dict[str, int]] = defaultdict(dict)
    counts = _htx_records(area).filter(year__lte=bound).values("year", "rating").annotate(n=Count("id"))
    for y, rating, n in counts.values_list("year", "rating", "n"):
        by_year[y][rating] = n
    shown = max(by_year, default=bound)
    return shown, _rating_rows(by_year.get(shown, {}))


def rating_year(area: Area, year: int, today: date) -> int:
    """The year whose ratings are shown for ``year`` (see ``latest_ratings``)."""
    return latest_ratings(area, year, today)[0]


def rated_count(ratings: list[dict]) -> int:
    """The denominator of the rating percentages: HTX rated that year ("not rated" left out)."""
    return sum(r["count"] for r in ratings if r["rating"] != Rating.UNRATED)


def good_fair_share(ratings: list[dict]) -> Decimal | None:
    """The share of rated HTX rated tốt or khá, from ``rating_distribution`` rows."""
    rated = rated_count(ratings)
    good = sum(r["count"] for r in ratings if r["rating"] in GOOD_RATINGS)
    return (Decimal(good) * 100 / rated).quantize(Decimal("0.1")) if rated else None


def founded_dissolved(area: Area, years: list[int]) -> list[dict]:
    """Organisations founded and dissolved per year (one query, both counted by year)."""
    bounds = {f"f{y}": Count("id", filter=Q(founded__gte=date(y, 1, 1), founded__lte=date(y, 12, 31))) for y in years}
    bounds |= {
        f"d{y}": Count("id", filter=Q(dissolved__gte=date(y, 1, 1), dissolved__lte=date(y, 12, 31))) for y in years
    }
    counts = organisations_in_area(area).aggregate(**bounds)
    return [{"year": y, "founded": counts[f"f{y}"], "dissolved": counts[f"d{y}"]} for y in years]


def finance_trends(area: Area, years: list[int]) -> list[dict]:
    """Per year: organisations reporting, total and average revenue, average income (one query)."""
    rows = {
        r["year"]: r
        for r in YearlyRecord.objects.filter(area.q("organisation__commune"), year__in=years)
        .values("year")
        .annotate(
            records=Count("id"),
            revenue_total=Sum("revenue"),
            revenue_avg=Avg("revenue"),
            profit_avg=Avg("profit"),
            income_avg=Avg("avg_income"),
        )
        .order_by("year")
    }
    empty = {"records": 0, "revenue_total": None, "revenue_avg": None, "profit_avg": None, "income_avg": None}
    return [{"year": y, **{k: rows.get(y, empty)[k] for k in empty}} for y in years]


def _agri_htx(prefix: str = "") -> Q:
    return Q(
        **{
            f"{prefix}kind": OrganisationKind.COOPERATIVE,
            f"{prefix}is_agricultural": True,
            f"{prefix}status": OrganisationStatus.ACTIVE,
        }
    )


def organisation_counts(area: Area, *group_by: str) -> QuerySet:
    """Organisations of the area grouped by ``group_by`` (e.g. ``"commune__path"``), as rows
    with ``n`` (every registered organisation, whatever its kind and status) and ``agri``
    (active agricultural HTX). One query; the one definition of the drill-down's and the
    map's "Organisations" and "Agricultural HTX" figures."""
    return (
        organisations_in_area(area)
        .values(*group_by)
        .annotate(n=Count("id"), agri=Count("id", filter=_agri_htx()))
        .order_by()
    )


@functools.cache
def _organisation_counts_sql(country: bool, prefixes: int) -> str:
    """``organisation_counts(area, "commune__path")`` on PostgreSQL: counted per commune first (an
    index-only read of ``org_commune_kind_status_idx``, which carries ``is_agricultural``), then
    the 3,321 communes' counts joined to their paths — the ORM's form joined the 100,000
    organisations to their communes and grouped them by the path's text (issue 17)."""
    area_where = ""
    if not country:
        area_where = (
            'WHERE o."commune_id" IN (SELECT "id" FROM "directory_administrativeunit" WHERE '
            + " OR ".join(['"path"::text LIKE %s'] * prefixes)
            + ")"
        )
    return f"""
SELECT u."path", c.n, c.agri
  FROM (SELECT o."commune_id", COUNT(*) AS n,
               COUNT(*) FILTER (WHERE o."is_agricultural" AND o."kind" = %s AND o."status" = %s) AS agri
          FROM "cooperatives_organisation" o {area_where}
         GROUP BY o."commune_id") c
 INNER JOIN "directory_administrativeunit" u ON u."id" = c."commune_id"
"""


def _organisation_counts_by_path(area: Area) -> list[tuple[str, int, int]]:
    """``(commune path, organisations, active agricultural HTX)`` of the area's organisations per
    commune: ``organisation_counts(area, "commune__path")``'s figures (the one definition; the
    same rows, tested in ``tests/dashboards/test_drilldown_counts_sql.py``), one statement built
    once on PostgreSQL."""
    if connection.vendor != "postgresql":
        return [(r["commune__path"], r["n"], r["agri"]) for r in organisation_counts(area, "commune__path")]
    sql = _organisation_counts_sql(area.unit is None, len(area.paths))
    params = [OrganisationKind.COOPERATIVE, OrganisationStatus.ACTIVE]
    params += [connection.ops.prep_for_like_query(p) + "%" for p in area.paths]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def commune_coverage(area: Area) -> dict:
    """Current communes of the area with at least one active agricultural HTX (one query).

    An HTX registered under a commune that was merged (its record still names the old commune)
    covers the commune that succeeded it, through any chain of mergers (a commune merged in
    2020 into one merged again in 07/2025 covers today's commune; one link deep it covered only
    the old one — found by the cross-check, issue 15), and a split commune covers each part:
    otherwise a province whose registry predates the reorganisation would show no commune
    covered at all.

    One recursive CTE that starts from the area's current communes and walks the succession
    links backwards to every unit each was formed from; a commune is covered when one of those
    (or itself) holds such an HTX. Starting from the area keeps a province's query to its own
    few hundred units (starting from every HTX in the country cost 558 ms for one province
    against 26 ms, issue 17); an ``EXISTS`` per commune ran as a subplan per row (42.7 s for
    the whole country). ``UNION`` ends a cycle.
    """
    communes = AdministrativeUnit.objects.filter(area.q(), level=UnitLevel.COMMUNE, valid_to__isnull=True)
    area_sql, area_params = communes.values("id").order_by().query.sql_with_params()
    org = Organisation._meta.db_table
    links = UnitSuccession._meta.db_table
    sql = (
        f"WITH RECURSIVE back(id, root) AS ("
        f" SELECT a.id, a.id FROM ({area_sql}) a"
        f" UNION SELECT l.from_administrativeunit_id, b.root FROM {links} l"
        f" JOIN back b ON l.to_administrativeunit_id = b.id"
        f") SELECT (SELECT COUNT(*) FROM ({area_sql}) t), COUNT(DISTINCT b.root) FROM back b"
        f" WHERE b.id IN (SELECT commune_id FROM {org} WHERE kind = %s AND is_agricultural AND status = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*area_params, *area_params, OrganisationKind.COOPERATIVE, OrganisationStatus.ACTIVE])
        total, covered = cursor.fetchone()
    result = {"total": total, "covered": covered}
    result["percent"] = (Decimal(covered) * 100 / total).quantize(Decimal("0.1")) if total else None
    return result


# --------------------------------------------------------------------------------------
# Drill-down
# --------------------------------------------------------------------------------------


@functools.cache
def _target_values_sql(country: bool, prefixes: int) -> str:
    """The statement of ``target_value_rows`` on PostgreSQL for the whole country or an area of
    ``prefixes`` paths (built once per process).

    Each target of the area's active plans with the row of the read model it stands at, found
    by one probe of ``target_period_value_latest_idx`` per target (``LATERAL … LIMIT 1``: the
    index's order is the rule's — consolidated first, then the latest period). The former
    form, ``DISTINCT ON`` over the area's rows of the read model, sorted the whole country's
    53,098 rows within the window (an external merge with ``work_mem = 4MB``) in a second
    statement, and the targets' query sorted them by the model's ordering no one read."""
    area_where = ""
    if not country:
        area_where = "AND (" + " OR ".join(['u."path"::text LIKE %s'] * prefixes) + ")"
    return f"""
SELECT t."id", u."path", t."comparator", t."value", t."value_max", t."baseline", t."milestone_year", t."direction",
       p."period_start", t."aggregation", l."consolidated", l."n", l."s", l."mn", l."mx", l."sw", l."swv"
  FROM "plans_plantarget" t
 INNER JOIN "plans_plan" p ON p."id" = t."plan_id"
 INNER JOIN "directory_agency" g ON g."id" = p."issuer_id"
 INNER JOIN "directory_administrativeunit" u ON u."id" = g."unit_id"
  LEFT JOIN LATERAL (
        SELECT v."consolidated", v."n", v."s", v."mn", v."mx", v."sw", v."swv"
          FROM "dashboards_targetperiodvalue" v
         WHERE v."target_id" = t."id" AND v."period_end" <= %s
         ORDER BY v."consolidated" DESC, v."period_end" DESC, v."period_id" DESC
         LIMIT 1
       ) l ON TRUE
 WHERE p."status" = %s AND p."period_start" <= %s AND p."period_end" >= %s AND t."milestone_year" >= %s {area_where}
"""


def target_value_rows(area: Area, window: Window) -> list[tuple]:
    """The area's targets (``area_targets``) with what their status needs:
    ``(id, issuer unit path, comparator, value, value_max, baseline, milestone_year, direction,
    plan start, actual)``, ``actual`` the value the target stands at by the end of the window
    (``latest_values``' rule), None without one. In no particular order.

    PostgreSQL: one statement (``_target_values_sql``), the value combined here by the target's
    rule (``_combined``, as ``latest_values``); elsewhere the ORM's two queries."""
    if connection.vendor != "postgresql":
        return _target_value_rows_orm(area, window)
    sql = _target_values_sql(area.unit is None, len(area.paths))
    params = [window.end, PlanStatus.ISSUED, window.end, window.start, window.year]
    params += [connection.ops.prep_for_like_query(p) + "%" for p in area.paths]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        (*row[:9], None if row[10] is None else _combined(row[9], *row[10:])) for row in rows
    ]


def _target_value_rows_orm(area: Area, window: Window) -> list[tuple]:
    targets = area_targets(area, window)
    latest = latest_values(targets, upto=window.end)
    rows = []
    for row in targets.values(*TARGET_FIELDS, "plan__issuer__unit__path").order_by():
        point = latest.get(row["pk"])
        rows.append(
            (row["pk"], row["plan__issuer__unit__path"], row["comparator"], row["value"], row["value_max"],
             row["baseline"], row["milestone_year"], row["direction"], row["plan__period_start"],
             point.value if point else None)
        )
    return rows


def target_status_rows(area: Area, window: Window, today: date) -> list[tuple[int, str, progress.Progress]]:
    """``(target_id, issuer unit path, Progress)`` for the area's targets (the exports: every
    target's percentage and formula)."""
    as_of = window.as_of(today)
    evaluate = progress.evaluate
    return [
        (pk, path, evaluate(comparator=c, value=v, value_max=vmax, baseline=b, milestone_year=m, start=start,
                            actual=actual, as_of=as_of, direction=d))
        for pk, path, c, v, vmax, b, m, d, start, actual in target_value_rows(area, window)
    ]


def target_state_rows(area: Area, window: Window, today: date) -> list[tuple[int, str, str, Decimal | None]]:
    """``(target_id, issuer unit path, status, actual)`` for the area's targets: the status
    alone (``evaluate(..., percent=False)``, what ``progress.status`` calls: called here
    directly, a keyword repacking less per target), for the pages that count and sort the
    targets by status and show the percentage of a page of them at most."""
    as_of = window.as_of(today)
    evaluate = progress.evaluate
    return [
        (pk, path, evaluate(comparator=c, value=v, value_max=vmax, baseline=b, milestone_year=m, start=start,
                            actual=actual, as_of=as_of, direction=d, percent=False).status, actual)
        for pk, path, c, v, vmax, b, m, d, start, actual in target_value_rows(area, window)
    ]


CHILD_COUNTS = (
    "active_plans",
    "reports_due",
    "missing_reports",
    "late_reports",
    "targets_behind",
    "targets_at_risk",
    "org_count",
    "agri_htx",
)


def attention_key(unit) -> tuple:
    """Sort key of a unit in the drill-down: what a leader must act on first.

    Missing reports, then late ones, then targets behind and at risk; then the size of the
    unit's activity (active plans, reports due, organisations); then the name.
    """
    return (
        -unit.missing_reports,
        -unit.late_reports,
        -unit.targets_behind,
        -unit.targets_at_risk,
        -unit.active_plans,
        -unit.reports_due,
        -unit.org_count,
        unit.name,
    )


def child_units(area: Area, window: Window, today: date, target_rows=None) -> list[AdministrativeUnit]:
    """The units one level down (and the predecessors a new unit replaced) with their key
    counts: active plans, reports due / missing / late, targets behind / at risk of plans
    issued in the unit, organisations and agricultural HTX. Each unit gets ``has_data``
    (any plan, report due or organisation — the figures shown beside it, rows filed under a
    unit merged into it included) and ``current_unit`` (no end of validity). Units that ended
    before the window or began after it are not listed.

    Sorted: units with data first, by ``attention_key``; units without data after, by name.
    ``target_rows`` are ``target_state_rows`` already read by the caller (one statement less).
    Seven queries whatever the size (six on PostgreSQL): the children, the organisations,
    plans and reports grouped by the *unit path* of their rows inside the area (an indexed
    prefix filter), and the target statuses (``target_state_rows``: two, one statement on
    PostgreSQL). The per-unit counts are rolled up to the child whose
    path prefixes them — a dictionary lookup per unit, not per row. (A correlated
    ``path LIKE outer.path || '%'`` subquery per child cannot use the path index and took
    0.8 s for a province at national scale.)
    """
    era = window_era(window)
    if area.unit is None:
        base = AdministrativeUnit.objects.filter(parent__isnull=True)
    elif era == AFTER_REFORM and area.unit.valid_to is None:
        # 07/2025 onwards: today's units only (no district, no abolished commune); the data
        # filed under their predecessors rolls up to them below.
        base = AdministrativeUnit.objects.filter(parent=area.unit, valid_to__isnull=True)
    elif era == BEFORE_REFORM and area.unit.valid_to is None:
        # Before 07/2025 a unit in force shows the units as they were: a new province the
        # districts of the provinces it was formed from, a new commune the old communes.
        preds = [u for u in unit_lineage(area.unit) if u.valid_to is not None]
        if area.unit.level == UnitLevel.PROVINCE:
            # A province the reform left whole (Lai Châu) kept its own record: its districts of
            # the time are its own children that existed before the reform.
            parents = [u.pk for u in preds if u.level == UnitLevel.PROVINCE] + [area.unit.pk]
            base = AdministrativeUnit.objects.filter(parent__in=parents).filter(
                Q(valid_from__isnull=True) | Q(valid_from__lt=REFORM_DAY)
            )
        else:
            base = AdministrativeUnit.objects.filter(pk__in=[u.pk for u in preds])
    else:
        # A unit of its time, or a window spanning the reorganisation: the units below and the
        # units of the same level it was formed from (old provinces, not their districts).
        base = AdministrativeUnit.objects.filter(Q(parent=area.unit) | Q(successors=area.unit, level=area.unit.level))
    if era != AFTER_REFORM:
        # Only the units of the window's time: a unit that ended before it (a district merged
        # into another in 2020) is not listed; its rows count for its successor below.
        base = base.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=window.start)).filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=window.end)
        )
    children = list(
        base.distinct()
        .annotate(
            current_unit=Case(When(valid_to__isnull=True, then=Value(1)), default=Value(0), output_field=IntegerField()),
            # Whether a unit was merged into it (read below only then: no query otherwise).
            has_predecessors=Exists(UnitSuccession.objects.filter(to_administrativeunit=OuterRef("pk"), is_default=True)),
        )
        .order_by("-current_unit", "level", "name")
    )
    by_path = {c.path: c for c in children}
    for c in children:
        for name in CHILD_COUNTS:
            setattr(c, name, 0)
    if area.unit is not None and any(c.has_predecessors for c in children):
        # Rows still filed under an old unit count for its (default) successor among the children,
        # as in the successor's own area (``Area.of`` includes its predecessors): a district that
        # absorbed another has the organisations and reports filed under it. The whole chain is
        # followed: a commune merged in 2019 into one merged again in 07/2025 counts for today's
        # commune. A child's own path wins (``setdefault``), then the nearest successor among the
        # children, and a row is claimed by the shortest listed prefix of its path.
        by_pk = {c.pk: c for c in children}
        for child_id, _old_id, old_path, _steps in succession_chain(
            [c.pk for c in children if c.has_predecessors], backward=True
        ):
            if old_path:
                by_path.setdefault(old_path, by_pk[child_id])

    claimed: dict = {}

    def child_of(path: str):
        # Paths are "/a/b/c/": try each ancestor prefix, the unit itself included. Remembered
        # per path: the whole country's targets share ~600 issuers' paths.
        if path in claimed:
            return claimed[path]
        parts = path.strip("/").split("/")
        child = None
        for i in range(1, len(parts) + 1):
            child = by_path.get("/" + "/".join(parts[:i]) + "/")
            if child is not None:
                break
        claimed[path] = child
        return child

    for path, n, agri in _organisation_counts_by_path(area):
        child = child_of(path)
        if child is not None:
            child.org_count += n
            child.agri_htx += agri
    for row in active_plans(area, window).values("issuer__unit__path").annotate(n=Count("id")).order_by():
        child = child_of(row["issuer__unit__path"])
        if child is not None:
            child.active_plans += row["n"]
    for row in reports_due_counts(area, window, today, "agency__unit__path"):
        child = child_of(row["agency__unit__path"])
        if child is not None:
            child.reports_due += row["n"]
            child.missing_reports += row["missing"]
            child.late_reports += row["late"]
    for row in target_state_rows(area, window, today) if target_rows is None else target_rows:
        if row[2] == progress.BEHIND or row[2] == progress.AT_RISK:
            child = child_of(row[1])
            if child is not None:
                if row[2] == progress.BEHIND:
                    child.targets_behind += 1
                else:
                    child.targets_at_risk += 1
    for c in children:
        c.has_data = bool(c.active_plans or c.reports_due or c.org_count)
    # A new province lists ~120 communes, most without any data yet (the data of earlier
    # years sits under its predecessors): units with something to act on come first.
    with_data = sorted((c for c in children if c.has_data), key=attention_key)
    without = [c for c in children if not c.has_data]  # already by level and name
    return with_data + without


def group_child_units(children: list[AdministrativeUnit]) -> list[dict]:
    """The drill-down split for display: units in force, then units that ended (before the
    07/2025 reorganisation), each as ``{"current", "with_data", "without_data"}``; groups
    without units are left out. Keeps the order of ``child_units``."""
    groups = []
    for current in (True, False):
        units = [c for c in children if bool(c.current_unit) == current]
        if units:
            groups.append(
                {
                    "current": current,
                    "with_data": [c for c in units if c.has_data],
                    "without_data": [c for c in units if not c.has_data],
                }
            )
    return groups


def breadcrumb_units(user, area: Area) -> list[AdministrativeUnit]:
    """Units from the user's home unit down to the area's unit (one query)."""
    if area.unit is None:
        return []
    home = user_home_unit(user)
    if home is not None and area.unit.pk == home.pk:
        return [home]  # the user's own area (most pages): no query
    ids = [int(p) for p in area.unit.path.strip("/").split("/") if p]
    units = {u.pk: u for u in AdministrativeUnit.objects.filter(pk__in=ids)}
    chain = [units[i] for i in ids if i in units]
    if home is not None and home.pk in units:
        chain = chain[[u.pk for u in chain].index(home.pk) :]
    elif home is not None:
        # A predecessor unit reached through the lineage (thị trấn Plei Kần for xã Bờ Y):
        # start from the home unit and keep only the units inside its area — the old
        # province and district above a predecessor commune are not the user's to open.
        home_area = Area.of(home)
        chain = [home, *[u for u in chain if u.pk != home.pk and home_area.contains(u)]]
    return chain


# --------------------------------------------------------------------------------------
# Map (communes as points, from the library's coordinates)
# --------------------------------------------------------------------------------------

MAP_REGISTRY, MAP_MISSING = "registry", "missing"
MAP_LAYERS = (MAP_REGISTRY, MAP_MISSING)


@dataclass
class MapRow:
    """One unit of the map's table (and, with coordinates, one point of the map).

    ``count`` is the layer's figure (organisations; overdue reports), ``extra`` its companion
    (active agricultural HTX; reports due), ``agencies`` the agencies with overdue reports
    (``(agency_id, name, overdue)``, missing-reports layer)."""

    unit_id: int
    name: str
    above: str
    level: str
    current: bool
    latitude: float | None
    longitude: float | None
    parent_id: int | None = None
    count: int = 0
    extra: int = 0
    agencies: list = field(default_factory=list)
    # A district placed at the mean of its communes' coordinates (the library has none for it).
    centroid: bool = False

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


_MAP_UNIT_FIELDS = (
    "id", "name", "kind", "level", "valid_to", "latitude", "longitude", "parent", "parent__name", "parent__kind"
)


def _full_name(name: str, kind: str) -> str:
    """``AdministrativeUnit.full_name`` of a row read with ``values()`` (thousands of rows at
    national scale: no model instance per row)."""
    return AdministrativeUnit.full_name.fget(SimpleNamespace(name=name, kind=kind))


def _map_row(values: dict) -> MapRow:
    return MapRow(
        unit_id=values["id"],
        name=_full_name(values["name"], values["kind"]),
        above=_full_name(values["parent__name"], values["parent__kind"] or "") if values["parent__name"] else "",
        level=values["level"],
        current=values["valid_to"] is None,
        latitude=values["latitude"],
        longitude=values["longitude"],
        parent_id=values["parent"],
    )


def map_communes(area: Area, window: Window) -> tuple[list[MapRow], bool]:
    """The communes the map draws, and whether they are today's.

    From the window's era (``window_era``, as the drill-down): a window before 01/07/2025
    shows the communes in force on its last day when the library gave them coordinates,
    otherwise — and for 2025 as a whole and later years — today's communes. One query
    (two when the old communes have no coordinates)."""
    base = AdministrativeUnit.objects.filter(area.q(), level=UnitLevel.COMMUNE).order_by("path")
    if window_era(window) == BEFORE_REFORM:
        old = list(base.filter(alive_on_q(window.end)).values(*_MAP_UNIT_FIELDS))
        if any(r["latitude"] is not None for r in old):
            return [_map_row(r) for r in old], False
    return [_map_row(r) for r in base.filter(valid_to__isnull=True).values(*_MAP_UNIT_FIELDS)], True


def commune_map(area: Area, window: Window, today: date, layer: str) -> dict:
    """The map's rows for ``layer``: every commune of ``map_communes`` with its figure, and
    every other unit holding a figure (a province department, an old district office, an
    organisation filed under a commune of another time).

    *registry*: organisations registered in the commune (``organisation_counts``: every kind
    and status) and active agricultural HTX; *missing*: reports overdue ("Quá hạn") and due
    of the window, per agency, from ``reports_due_counts`` (``reports.compliance``'s states).
    On today's map a row filed under an old commune counts for the commune that succeeded it
    (its default successor, as in the drill-down). Four queries whatever the size: the
    communes, the figures grouped by unit (one aggregate), the other units holding figures,
    the successors of old communes (the last two only when there are such units).
    """
    communes, today_units = map_communes(area, window)
    rows = {r.unit_id: r for r in communes}
    # Grouped by the unit's id only: grouping by the joined unit columns took 0.9 s instead
    # of 0.2 s for the whole country's 100,000 organisations.
    if layer == MAP_REGISTRY:
        key = "commune_id"
        figures = list(organisation_counts(area, key))
    else:
        key = "agency__unit_id"
        figures = list(reports_due_counts(area, window, today, "agency_id", "agency__name", key))
    others = {}  # units holding figures that are not among the map's communes
    wanted = sorted({f[key] for f in figures} - rows.keys())
    for i in range(0, len(wanted), 900):  # one query below 900 such units; chunked for SQLite
        for values in AdministrativeUnit.objects.filter(pk__in=wanted[i : i + 900]).values(*_MAP_UNIT_FIELDS):
            others[values["id"]] = _map_row(values)
    successor = {}
    old = [pk for pk, row in others.items() if not row.current and row.level == UnitLevel.COMMUNE]
    if today_units and old:
        # The nearest of today's communes along the whole chain of mergers (a commune merged in
        # 2019 and again in 07/2025 counts for today's commune, not for the one in between).
        for old_id, later_id, _path, _steps in succession_chain(old, backward=False):
            if later_id in rows:
                successor.setdefault(old_id, later_id)
    for f in figures:
        unit_id = f[key]
        row = rows.get(unit_id) or rows.get(successor.get(unit_id))
        if row is None:
            row = rows[unit_id] = others[unit_id]
        if layer == MAP_REGISTRY:
            row.count += f["n"]
            row.extra += f["agri"]
        else:
            row.count += f["missing"]
            row.extra += f["n"]
            if f["missing"]:
                row.agencies.append((f["agency_id"], f["agency__name"], f["missing"]))
    # Before 07/2025 most reports were owed by district offices: a district whose communes are
    # on the map is drawn at the mean of their coordinates (the library gives districts none).
    children = defaultdict(list)
    for c in communes:
        if c.located and c.parent_id:
            children[c.parent_id].append(c)
    for row in rows.values():
        row.agencies.sort(key=lambda a: (-a[2], a[1]))
        kids = children.get(row.unit_id) if row.level == UnitLevel.DISTRICT and not row.located else None
        if kids:
            row.latitude = sum(k.latitude for k in kids) / len(kids)
            row.longitude = sum(k.longitude for k in kids) / len(kids)
            row.centroid = True
    ordered = list(rows.values())
    located = [r for r in ordered if r.located]
    return {
        "layer": layer,
        "rows": ordered,
        "today_units": today_units,
        "communes": len(communes),
        "with_figure": sum(1 for r in ordered if r.count),
        "total": sum(r.count for r in ordered),
        "extra_total": sum(r.extra for r in ordered),
        # Communes the library gave no coordinates: in the table, counted as "không có tọa độ".
        "unlocated": [r for r in ordered if not r.located and r.level == UnitLevel.COMMUNE],
        "unlocated_total": sum(r.count for r in ordered if not r.located and r.level == UnitLevel.COMMUNE),
        # A province department, an old district office: not a commune, so not a point.
        "other_units": [r for r in ordered if not r.located and r.level != UnitLevel.COMMUNE],
        "other_total": sum(r.count for r in ordered if not r.located and r.level != UnitLevel.COMMUNE),
        "located": len(located),
        "max": max((r.count for r in ordered), default=0),
    }
