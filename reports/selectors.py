"""Reads of the reporting cycle: scoping, inboxes, schedules, the fill-in form, consolidation, history.

Every list here runs a constant number of queries whatever the number of rows.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.models import F, IntegerField, Q
from django.utils import timezone

from core.models import AuditLog
from core.permissions import scope_ids, scoped_by_union, user_agency_area
from plans.progress import evaluate_target
from plans.providers import TargetValue

from . import compliance, services, validation
from .models import (
    BudgetSpending,
    Notification,
    Obligation,
    ObligationKind,
    ObligationStatus,
    ReportedValue,
    ReportingPeriod,
    TaskProgress,
)
from .services import (
    EDITABLE_STATUSES,
    combined_values,
    consolidation_source_period,
    consolidation_sources,
    targets_in_scope,
)

OBLIGATION_RELATED = (
    "period__requirement__plan__issuer",
    "period__requirement__receiver",
    "agency__unit",
    "submitted_by",  # shown on the report page and in the lists
    "reviewed_by",
)


def order_actionable_first(qs):
    """Reports still to do (not started, draft, returned) first, soonest deadline first; then
    the rest, most recent period first: a reporter with years of approved reports should not
    scroll past 2023 to find what is due this week."""
    from django.db.models import Case, F, Value, When

    open_statuses = (ObligationStatus.NOT_STARTED, ObligationStatus.DRAFT, ObligationStatus.RETURNED)
    # Expressions in ORDER BY, not annotations: the list's COUNT drops the ordering and with it
    # the join to the periods (an annotation kept that join in the COUNT of every request).
    todo = Case(When(status__in=open_statuses, then=Value(0)), default=Value(1), output_field=IntegerField())
    open_due = Case(When(status__in=open_statuses, then=F("period__due_date")), default=None)
    return qs.order_by(todo.asc(), open_due.asc(nulls_last=True), F("period__due_date").desc(), "agency__name", "pk")


def obligations_visible_to(user):
    """Reports a user may see: their agency's, those sent to their agency, those of plans
    their agency issued, and every report of an agency in their area (leaders, provinces)."""
    # Building the UNION's branches is ~1 ms of ORM work, and a list request needs it four
    # times (rows, plan, agency and period filters): memoised on the user object, as
    # ``plans_visible_to`` (once per request; the queryset is lazy, callers get a clone).
    cached = user.__dict__.get("_obligations_visible_qs") if user.is_authenticated else None
    if cached is None:
        qs = Obligation.objects.select_related(*OBLIGATION_RELATED)
        cached = scoped_by_union(qs, user, **_VISIBILITY, ids=_visible_ids(user))
        if user.is_authenticated:
            user.__dict__["_obligations_visible_qs"] = cached
    return cached.all()


_VISIBILITY = {
    "unit_field": "agency__unit",
    "agency_fields": ("agency", "period__requirement__receiver", "period__requirement__plan__issuer"),
}


def _visible_ids(user):
    """``core.permissions.scope_ids`` of the reports' visibility, once per user object."""
    memo = user.__dict__.get("_obligations_visible_ids") if user.is_authenticated else None
    if memo is None:
        memo = (scope_ids(Obligation.objects.all(), user, **_VISIBILITY),)
        if user.is_authenticated:
            user.__dict__["_obligations_visible_ids"] = memo
    return memo[0]


def obligations_visible_count(user) -> int:
    """``obligations_visible_to(user).count()``, counted on the scope's UNION itself: the
    report list's count when no filter is set. The list's own count checks each visible id
    against the table again (``id = ANY(ARRAY(UNION))``: 2,882 probes for a province's
    leader), a third slower at national scale (issue 17)."""
    ids = _visible_ids(user)
    if ids is None:
        return Obligation.objects.count()
    if isinstance(ids, list):
        return 0
    return ids.count()



def obligation_filter_plans(user):
    """The report list's plan filter: plans of the reports the user sees, newest first. The
    filter and its autocomplete endpoint read this same queryset (issue 17)."""
    from plans.models import Plan

    plan_ids = obligations_visible_to(user).values("period__requirement__plan_id")
    return Plan.objects.filter(pk__in=plan_ids).select_related("issuer").order_by("-period_start", "-id")


def obligation_filter_agencies(user):
    """The report list's agency filter: agencies of the reports the user sees, by name. The
    filter and its autocomplete endpoint read this same queryset, so neither ever names an
    agency whose reports the user cannot read (issue 18)."""
    from directory.models import Agency

    agency_ids = obligations_visible_to(user).values("agency_id")
    return Agency.objects.filter(pk__in=agency_ids).select_related("unit").order_by("name", "id")


# Every period label with the latest start of a period that has a report, read label by label
# through the (label, start) index (reports.0009): a skip scan over the ~20 distinct labels, then
# for each the most recent period with a report (one index probe). The grouped form hashes
# every report's period (60,942 reports, 9,342 periods: 13–30 ms at national scale; this: <1 ms).
_ALL_PERIOD_LABELS_SQL = """
WITH RECURSIVE labels(label) AS (
    (SELECT label FROM reports_reportingperiod ORDER BY label LIMIT 1)
    UNION ALL
    SELECT (SELECT p.label FROM reports_reportingperiod p WHERE p.label > l.label ORDER BY p.label LIMIT 1)
      FROM labels l WHERE l.label IS NOT NULL
)
SELECT l.label
  FROM labels l
  CROSS JOIN LATERAL (
      SELECT p.start FROM reports_reportingperiod p
       WHERE p.label = l.label
         AND EXISTS (SELECT 1 FROM reports_obligation o WHERE o.period_id = p.id)
       ORDER BY p.start DESC
       LIMIT 1
  ) latest
 ORDER BY latest.start DESC, l.label
"""


@functools.cache
def _scoped_period_labels_sql(prefixes: int) -> str:
    """The period labels of the reports a scoped user sees (``obligations_visible_to``), as
    one statement written once per number of area paths (issue 17).

    The grouped ORM form picks the visible reports' ids (the scope's UNION), then looks each
    one up again for its period (2,882 index probes for the leader of a province at national
    scale). Here each visibility rule gives periods directly: the reports of the area's
    agencies and of the user's agencies by their ``period_id``; the periods sent to or about a
    plan issued by the user's agencies when they have a report (``EXISTS``: a period without
    reports offers no label). The area's agencies are found by index (``ANY(ARRAY(…))``). Same periods, so the same labels in the same order (latest
    start first, ties by label); ``tests/reports/test_period_labels.py`` compares the two.
    Parameters: the area's LIKE prefixes, then the user's agency ids (an array) three times."""
    obligation = Obligation._meta.db_table
    period = ReportingPeriod._meta.db_table
    requirement = ReportingPeriod._meta.get_field("requirement").related_model._meta.db_table
    plan = ReportingPeriod._meta.get_field("requirement").related_model._meta.get_field("plan").related_model._meta.db_table
    agency = Obligation._meta.get_field("agency").related_model._meta.db_table
    unit = Obligation._meta.get_field("agency").related_model._meta.get_field("unit").related_model._meta.db_table
    branches = []
    if prefixes:
        area = " OR ".join(['u."path"::text LIKE %s'] * prefixes)
        # The area's agencies by index (its units by the path index, their agencies by the unit
        # index), as ``core.permissions.user_area_agencies_in``: joined here, every agency of the
        # country was read by a sequential scan and hashed against the area's units (issue 17).
        branches.append(
            f'SELECT o."period_id" FROM "{obligation}" o WHERE o."agency_id" = ANY(ARRAY('
            f'SELECT g."id" FROM "{agency}" g WHERE g."unit_id" = ANY(ARRAY('
            f'SELECT u."id" FROM "{unit}" u WHERE {area}))))'
        )
    has_report = f'EXISTS (SELECT 1 FROM "{obligation}" o WHERE o."period_id" = r."id")'
    branches += [
        f'SELECT o."period_id" FROM "{obligation}" o WHERE o."agency_id" = ANY(%s)',
        f'SELECT r."id" FROM "{period}" r INNER JOIN "{requirement}" q ON q."id" = r."requirement_id"'
        f' WHERE q."receiver_id" = ANY(%s) AND {has_report}',
        f'SELECT r."id" FROM "{period}" r INNER JOIN "{requirement}" q ON q."id" = r."requirement_id"'
        f' INNER JOIN "{plan}" p ON p."id" = q."plan_id" WHERE p."issuer_id" = ANY(%s) AND {has_report}',
    ]
    return (
        f'SELECT "label" FROM "{period}" WHERE "id" IN ({" UNION ".join(branches)})'
        f' GROUP BY "label" ORDER BY MAX("start") DESC, "label" ASC'
    )


def obligation_filter_periods(user) -> list[str]:
    """The report list's period filter: the period labels ("Quý I/2025", "6 tháng đầu năm
    2025"…) of the reports the user sees, most recent first; one query (issue 18).

    Administrators see every report: on PostgreSQL their labels are read label by label
    through an index instead of grouping every report's period (issue 17); same labels, same
    order (``tests/reports/test_period_labels.py``). A scoped user's labels are read, on
    PostgreSQL, by one statement that takes the periods of each visibility rule directly
    (``_scoped_period_labels_sql``)."""
    from django.db import connection
    from django.db.models import Max

    if user.is_authenticated and user.is_active and connection.vendor == "postgresql":
        if user.is_superuser:
            with connection.cursor() as cursor:
                cursor.execute(_ALL_PERIOD_LABELS_SQL)
                return [row[0] for row in cursor.fetchall()]
        if user.agency_id:
            area = user_agency_area(user)
            ids = list(area.agency_ids)
            params = [connection.ops.prep_for_like_query(p) + "%" for p in area.paths] + [ids, ids, ids]
            with connection.cursor() as cursor:
                cursor.execute(_scoped_period_labels_sql(len(area.paths)), params)
                return [row[0] for row in cursor.fetchall()]
    rows = (
        ReportingPeriod.objects.filter(pk__in=obligations_visible_to(user).values("period_id"))
        .values("label")
        .annotate(latest=Max("start"))
        .order_by("-latest", "label")
    )
    return [row["label"] for row in rows]

def review_inbox(user):
    """Submitted reports waiting for the user's agency's review, oldest first."""
    qs = Obligation.objects.select_related(*OBLIGATION_RELATED).filter(status=ObligationStatus.SUBMITTED)
    own_consolidation = Q(kind=ObligationKind.CONSOLIDATION, period__requirement__consolidates__isnull=True) & Q(
        agency_id=F("period__requirement__receiver_id")
    )
    qs = qs.exclude(own_consolidation)
    if user.is_superuser:
        return qs.order_by("submitted_at", "pk")
    if not user.agency_id:
        return qs.none()
    return qs.filter(period__requirement__receiver_id=user.agency_id).order_by("submitted_at", "pk")


def consolidations_to_build(user):
    """The user's agency's consolidations still open (not approved)."""
    qs = Obligation.objects.select_related(*OBLIGATION_RELATED).filter(
        kind=ObligationKind.CONSOLIDATION, status__in=EDITABLE_STATUSES
    )
    if user.is_superuser:
        return qs.order_by("period__due_date", "pk")
    if not user.agency_id:
        return qs.none()
    return qs.filter(agency_id=user.agency_id).order_by("period__due_date", "pk")


@dataclass
class AgencyDue:
    upcoming: list
    late: list
    returned: list


def agency_due(agency_id: int | None, today: date | None = None, limit: int = 5) -> AgencyDue:
    """What an agency owes next, what is late and what was returned (the reporter's home panel)."""
    today = today or timezone.localdate()
    if not agency_id:
        return AgencyDue([], [], [])
    base = Obligation.objects.select_related(*OBLIGATION_RELATED).filter(agency_id=agency_id)
    open_ = base.filter(status__in=(ObligationStatus.NOT_STARTED, ObligationStatus.DRAFT))
    late = list(open_.filter(period__due_date__lt=today).order_by("-period__due_date", "pk")[:limit])
    for ob in late:
        ob.days_late = (today - ob.period.due_date).days
    return AgencyDue(
        upcoming=list(open_.filter(period__due_date__gte=today).order_by("period__due_date", "pk")[:limit]),
        late=late,
        returned=list(base.filter(status=ObligationStatus.RETURNED).order_by("period__due_date", "pk")[:limit]),
    )


# --------------------------------------------------------------------------- plan schedule
@dataclass
class PeriodRow:
    period: ReportingPeriod
    counts: dict
    total: int


def plan_schedule(plan, today: date | None = None) -> dict:
    """Periods of a plan with deadlines and status counts, and the next deadlines (2 queries)."""
    today = today or timezone.localdate()
    periods = list(
        ReportingPeriod.objects.filter(requirement__plan=plan)
        .select_related("requirement__receiver")
        .order_by("due_date", "requirement__order", "pk")
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    overdue = {p.pk for p in periods if p.due_date < today}
    for period_id, status in Obligation.objects.filter(period__requirement__plan=plan).values_list("period_id", "status"):
        # Not submitted after the deadline is "overdue" (reports.compliance), not "not started".
        if period_id in overdue and status in compliance.OPEN_STATUSES:
            status = compliance.MISSING
        counts[period_id][status] += 1
    rows = [PeriodRow(p, dict(counts[p.pk]), sum(counts[p.pk].values())) for p in periods]
    upcoming = [r for r in rows if r.period.due_date >= today][:3]
    return {"rows": rows, "upcoming": upcoming, "today": today}


# --------------------------------------------------------------------------- the fill-in form
@dataclass
class TargetLine:
    target: object
    value: Decimal | None
    note: str
    weight: Decimal | None
    registry: TargetValue | None
    last: Decimal | None
    last_label: str
    prefill: Decimal | None
    last_weight: Decimal | None = None  # a weighted average's weight last period (a hint beside the field)
    explanation: str = ""  # why a flagged value is right (reports/validation.py), required to submit


def previous_obligation(obligation: Obligation, *, approved: bool = False) -> Obligation | None:
    """The same agency's report for the previous period of the same requirement (``approved``:
    the latest earlier one that is approved — a returned report is no source for hints)."""
    qs = Obligation.objects.filter(
        agency_id=obligation.agency_id,
        kind=obligation.kind,
        period__requirement_id=obligation.period.requirement_id,
        period__due_date__lt=obligation.period.due_date,
    )
    if approved:
        qs = qs.filter(status=ObligationStatus.APPROVED)
    return (
        qs.select_related("period")
        .order_by("-period__due_date")
        .first()
    )


def form_lines(obligation: Obligation) -> dict:
    """Everything the fill-in form shows: targets with hints, tasks, budget lines."""
    from plans.providers import area_values

    plan = obligation.period.requirement.plan
    all_targets = list(plan.targets.all())
    targets = targets_in_scope(all_targets, obligation.period)
    values = {v.target_id: v for v in obligation.values.all()}
    # Hints (issue 15) are shown beside the field, never entered in it, and name their source:
    # the agency's own last *approved* report of this requirement, and the registry computed
    # over the reporting agency's own area for the period's year (not the plan's whole area).
    prev = previous_obligation(obligation, approved=True)
    prev_rows = {v.target_id: v for v in prev.values.all()} if prev else {}
    prev_values = {pk: v.value for pk, v in prev_rows.items()}
    linked = [t for t in targets if t.indicator_id]
    registry = (
        area_values("registry", linked, unit=obligation.agency.unit, year=obligation.period.cutoff_end.year)
        if linked
        else {}
    )
    lines = []
    for t in targets:
        row = values.get(t.pk)
        reg = registry.get(t.pk)
        last = prev_values.get(t.pk)
        prefill = reg.value if reg and reg.value is not None else last  # a hint, not an entry
        lines.append(
            TargetLine(
                target=t,
                value=row.value if row else None,
                note=row.note if row else "",
                weight=row.weight if row else None,
                registry=reg,
                last=last,
                last_label=prev.period.label if prev else "",
                prefill=prefill,
                last_weight=prev_rows[t.pk].weight if t.pk in prev_rows else None,
                explanation=row.explanation if row else "",
            )
        )
    progress = {p.task_id: p for p in obligation.task_progress.all()}
    spending = {s.budget_line_id: s.amount for s in obligation.spending.all()}
    tasks = [(t, progress.get(t.pk)) for t in plan.tasks.select_related("lead_agency")]
    lines_budget = [(b, spending.get(b.pk)) for b in plan.budget_lines.all()]
    return {"targets": lines, "tasks": tasks, "budget": lines_budget, "previous": prev}


# --------------------------------------------------------------------------- consolidation
@dataclass
class ComplianceRow:
    obligation: Obligation
    state: str  # a reports.compliance state
    submitted_on: date | None


def compliance_rows(sources, today: date | None = None) -> list[ComplianceRow]:
    """The compliance state of each source report (``reports.compliance.state_of``: a
    returned report is returned, whatever date it was once submitted on)."""
    today = today or timezone.localdate()
    rows = []
    for ob in sorted(sources, key=lambda o: o.agency.name):
        submitted_on = timezone.localtime(ob.submitted_at).date() if ob.submitted_at else None
        state = compliance.state_of(ob.status, ob.submitted_at, ob.period.due_date, today)
        rows.append(ComplianceRow(ob, state, submitted_on))
    return rows


def consolidation_overview(obligation: Obligation, today: date | None = None) -> dict:
    """The consolidation page: per target each agency's value, the combination, progress;
    the compliance table; narratives gathered by section."""
    sources = list(consolidation_sources(obligation))
    source_period = consolidation_source_period(obligation)
    approved = [s for s in sources if s.status == ObligationStatus.APPROVED]
    plan = obligation.period.requirement.plan
    targets = targets_in_scope(list(plan.targets.all()), obligation.period)
    per_source: dict[tuple, Decimal | None] = {}
    for v in ReportedValue.objects.filter(obligation__in=[s.pk for s in sources]):
        per_source[(v.obligation_id, v.target_id)] = v.value
    combined = combined_values(obligation, sources)
    own = {v.target_id: v.value for v in obligation.values.all()}
    as_of = obligation.period.cutoff_end
    rows = []
    for t in targets:
        value = own.get(t.pk) if own.get(t.pk) is not None else combined.get(t.pk)
        progress = evaluate_target(t, value, as_of)
        rows.append(
            {
                "target": t,
                "cells": [per_source.get((s.pk, t.pk)) for s in approved],
                "combined": combined.get(t.pk),
                "value": value,
                "progress": progress,
            }
        )
    # Tasks: each agency's status and the rollup over every source (issue 15: "3/8 đơn vị đã
    # hoàn thành"; an agency whose report is missing or not approved has not completed it).
    statuses: dict[int, list[str]] = defaultdict(list)
    for p in TaskProgress.objects.filter(obligation__in=[s.pk for s in approved]):
        statuses[p.task_id].append(p.status)
    task_rows = [
        {"task": task, "rollup": services.task_rollup(statuses.get(task.pk, []), len(sources))}
        for task in plan.tasks.all()
    ]
    narratives = {
        name: [(s.agency, getattr(s, name)) for s in approved if getattr(s, name).strip()]
        for name in ("results", "difficulties", "proposals")
    }
    comp = compliance_rows(sources, today)
    summary = Counter(r.state for r in comp)
    return {
        "sources": sources,
        "approved": approved,
        "source_period": source_period,
        "rows": rows,
        "task_rows": task_rows,
        "compliance": comp,
        "compliance_summary": dict(summary),
        "narratives": narratives,
        "as_of": as_of,
    }


# --------------------------------------------------------------------------- history
def obligation_history(obligation: Obligation) -> list[dict]:
    """State changes (audit) and value changes (simple-history) of a report, newest first."""
    events = []
    for a in AuditLog.objects.filter(object_type="reports.obligation", object_id=str(obligation.pk)).select_related("actor"):
        events.append({"at": a.at, "user": a.actor, "kind": "audit", "action": a.action, "summary": a.summary, "data": a.data})
    histories = (
        (ReportedValue.history.filter(obligation_id=obligation.pk).select_related("history_user", "target"), "value"),
        (TaskProgress.history.filter(obligation_id=obligation.pk).select_related("history_user", "task"), "task"),
        (BudgetSpending.history.filter(obligation_id=obligation.pk).select_related("history_user", "budget_line"), "budget"),
    )
    for qs, kind in histories:
        rows = list(qs.order_by("id", "history_date"))
        previous: dict[int, object] = {}
        for h in rows:
            prev = previous.get(h.id)
            if kind == "value":
                subject, new, old = h.target.description, h.value, prev.value if prev else None
            elif kind == "task":
                subject, new, old = str(h.task), f"{h.get_status_display()} {h.account}".strip(), (
                    f"{prev.get_status_display()} {prev.account}".strip() if prev else None
                )
            else:
                subject, new, old = str(h.budget_line), h.amount, prev.amount if prev else None
            previous[h.id] = h
            events.append(
                {"at": h.history_date, "user": h.history_user, "kind": kind, "subject": subject, "old": old, "new": new,
                 "type": h.history_type}
            )
    for h in obligation.history.select_related("history_user").order_by("history_date"):
        events.append({"at": h.history_date, "user": h.history_user, "kind": "obligation", "status": h.get_status_display(),
                       "version": h.version})
    events.sort(key=lambda e: e["at"], reverse=True)
    return events


# --------------------------------------------------------------------------- notifications
def notifications_for(user):
    """The user's notifications with the report each is about (its state shows beside it)."""
    return Notification.objects.filter(user=user).select_related("obligation__period", "obligation__agency")


# --------------------------------------------------------------------------- the "reported" provider
def reported_target_values(plan, targets) -> dict[int, TargetValue]:
    """Latest approved value per target, with its period label and history (1 query).

    Per period the consolidation's value wins (several consolidated reports of one period:
    their mean, as on the dashboards; it was one of them, whichever was read last); without
    one, the approved submissions of that period are combined by the target's rule. The value shown is the latest consolidated period's, or — when nothing
    was consolidated yet — the latest period's combination.

    The approved values come already grouped per (target, period, kind) from the dashboards'
    read model ``dashboards.models.TargetPeriodValue`` (count, sum, minimum, maximum and
    weighted sums: what ``plans.progress.combine`` needs), which every transition that changes
    what is approved rewrites in its own transaction, and which the dashboards' statuses read
    too. Grouping the plan's reported values here instead (1,908 values into 380 figures for a
    plan at national scale) took 2.4 ms of the statement's 2.6 ms (issue 17). Exact decimals
    throughout: the sums are exact in SQL and the divisions are made here, as ``combine``
    makes them, so the figures are the same.

    Each target's periods come ordered by the statement (period end, deadline, id), the two
    kinds of one period side by side: the rows are grouped in one pass, without a dict per
    (target, period) and a sort per target (1.3 ms → ~0.5 ms of Python for 380 figures;
    tests/dashboards/test_progress_before.py compares with the former grouping).
    """
    targets = list(targets)
    if not targets:
        return {}
    rules = {t.pk: t.aggregation for t in targets}
    rows = _reported_rows_postgresql if connection.vendor == "postgresql" else _reported_rows_orm
    # Per target its periods in order: [label, the consolidated value, the submissions' row].
    periods: dict[int, list] = {}
    last = entry = None
    for target_id, period_id, label, _end, _due, consolidated, n, s, mn, mx, sw, swv in rows(plan, list(rules)):
        if (target_id, period_id) != last:
            last = (target_id, period_id)
            entry = [label, None, None]
            found = periods.get(target_id)
            if found is None:
                periods[target_id] = [entry]
            else:
                found.append(entry)
        if consolidated:
            # Several consolidated reports of one period state the same total: their mean
            # (as ``dashboards.selectors.latest_values``), never their sum.
            entry[1] = _dec(s) / n
        else:
            entry[2] = (n, s, mn, mx, sw, swv)
    result = {}
    for target_id, entries in periods.items():
        rule = rules[target_id]
        history = []
        latest = latest_consolidated = None
        for label, cons, subs in entries:
            if cons is not None:
                latest = latest_consolidated = (label, cons)
            else:
                latest = (label, _combined(subs, rule))
            history.append(latest)
        # A period still being reviewed has only part of its submissions approved (a partial
        # sum); the latest consolidated period is the figure to show while one exists.
        label, value = latest_consolidated or latest
        result[target_id] = TargetValue(value=value, label=label, history=tuple(history))
    return result


def _reported_rows_orm(plan, target_ids: list[int]):
    """Per (target, period) and kind, the approved values' aggregates: (target, period, label,
    end, due date, consolidated, count, sum, min, max, sum of weights, sum of value × weight),
    the rows of the read model ``TargetPeriodValue`` of the plan's periods (the weights' sums
    are NULL where no value of the group has a weight)."""
    from dashboards.models import TargetPeriodValue

    return (
        TargetPeriodValue.objects.filter(
            target_id__in=target_ids,
            # Redundant with the targets (a report answers its own plan's targets), but the
            # former grouping of the reported values read only the plan's periods: kept exact.
            period__requirement__plan_id=plan.pk,
        )
        .order_by("target_id", "period__end", "period__due_date", "period_id")
        .values_list(
            "target_id", "period_id", "period__label", "period__end", "period__due_date", "consolidated",
            "n", "s", "mn", "mx", "sw", "swv",
        )
    )


# ``_reported_rows_orm`` written out for PostgreSQL: the same statement, term for term (the
# ORM took ~2 ms of a 20-target plan's page to build and compile it; issue 17).
_REPORTED_ROWS_SQL = """
SELECT v."target_id", v."period_id", r."label", r."end", r."due_date", v."consolidated",
       v."n", v."s", v."mn", v."mx", v."sw", v."swv"
  FROM "dashboards_targetperiodvalue" v
 INNER JOIN "reports_reportingperiod" r ON r."id" = v."period_id"
 INNER JOIN "plans_reportingrequirement" q ON q."id" = r."requirement_id"
 WHERE v."target_id" = ANY(%s) AND q."plan_id" = %s
 ORDER BY v."target_id", r."end", r."due_date", v."period_id"
"""


def _reported_rows_postgresql(plan, target_ids: list[int]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(_REPORTED_ROWS_SQL, [target_ids, plan.pk])
        return cursor.fetchall()


def _combined(row: tuple, rule: str) -> Decimal | None:
    """``plans.progress.combine`` of one period's submissions from their SQL aggregates ``(n,
    s, mn, mx, sw, swv)`` (the same arithmetic: exact sums from the database, the divisions in
    ``Decimal`` here)."""
    n, s, mn, mx, sw, swv = row
    if not n:
        return None
    total = _dec(s)
    if rule == "sum":
        return total
    if rule == "avg":
        return total / n
    if rule == "wavg":
        # No weight in the group: the read model's sum of weights is NULL (no weight, as 0).
        total_w = _dec(sw) if sw is not None else Decimal(0)
        if total_w == 0:
            return total / n
        return _dec(swv) / total_w
    if rule == "min":
        return _dec(mn)
    if rule == "max":
        return _dec(mx)
    if rule == "any":
        return Decimal(1) if _dec(mx) > 0 else Decimal(0)
    raise ValueError(f"unknown aggregation rule {rule!r}")  # as ``combine``


def _dec(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def status_counts(qs) -> dict:
    return dict(Counter(qs.values_list("status", flat=True)))



def transition_summary(obligation: Obligation, action: str) -> dict:
    """What a workflow step will do, for its confirmation page (issue 15): the status after it,
    what becomes locked or unlocked, who is notified (names and agency), and what still blocks
    it (missing values, the data cut-off). ``action`` is submit, approve, return or reopen."""
    own = services.is_standalone_consolidation(obligation)
    requirement = obligation.period.requirement
    if action == "submit":
        notified = services.reviewers_of(obligation)
        after = ObligationStatus.SUBMITTED
    elif action == "approve":
        notified = [] if own else services.reporters_of(obligation)
        after = ObligationStatus.APPROVED
    elif action == "return":
        notified = services.reporters_of(obligation)
        after = ObligationStatus.RETURNED
    elif action == "reopen":
        notified = [] if own else services.reporters_of(obligation)
        after = ObligationStatus.DRAFT if own else ObligationStatus.RETURNED
    else:
        raise ValueError(f"unknown workflow step {action!r}")
    blockers = []
    # The flagged values and their explanations (reports/validation.py): shown again before
    # submitting, approving or returning; unexplained ones block submitting.
    lines = form_lines(obligation)
    flags, flag_rows = validation.review_flags(obligation, lines)  # stored at submission, if submitted
    if action == "submit":
        blockers = services.submission_problems(obligation, lines)
        blockers += services.unexplained_problems(obligation, lines, flags)
    elif action == "approve" and own:
        blockers = services.submission_problems(obligation, lines)
    if action in ("submit", "approve") and not services.can_submit_now(obligation):
        blockers.insert(0, services.before_cutoff_message(obligation, approving=action == "approve"))
    return {
        "status_after": after,
        "status_after_label": ObligationStatus(after).label,
        "notified": notified,
        "notified_agency": (obligation.agency if action in ("approve", "return", "reopen") else requirement.receiver),
        "receiver": requirement.receiver,
        "blockers": blockers,
        "flag_rows": flag_rows if action != "reopen" else [],
        "late": action == "submit" and services.today() > obligation.period.due_date,
    }
