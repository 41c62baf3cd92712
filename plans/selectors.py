"""Reads on plans: who sees which plan, the plan page in a constant number of queries, and
the targets table with the values other apps provide."""

import datetime
from dataclasses import dataclass, field
from functools import cache
from itertools import groupby

from django.db import connections
from django.db.models import BooleanField, F, Func, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.permissions import (
    _user_area_paths,
    filter_pk_in,
    has_any_role,
    user_agency_area,
    user_agency_ids,
    user_area_q,
    user_unit_area_paths,
)
from directory.models import AdministrativeUnit, Agency, Role, User
from directory.selectors import area_paths_q

from . import progress
from .models import (
    BudgetLine,
    LegalBasis,
    Plan,
    PlanAmendment,
    PlanStatus,
    PlanTarget,
    PlanTask,
    ReportingRequirement,
    Responsibility,
    in_force_q,
)
from .providers import provider_labels, target_values

# Which provider's value counts as the "actual" for progress, best first: a reported
# (approved/consolidated) value beats the registry's computed one.
ACTUAL_PREFERENCE = ("reported", "registry")


def _user_area_q(user, unit: AdministrativeUnit, field: str) -> Q:
    """``unit_area_q(unit, field)`` with the area's paths computed once per user object.

    Walking a unit's predecessors costs a query per generation, and one page (the plan form)
    scopes five querysets by the same one or two units; ``request.user`` lives for one request,
    so the memo never outlives it in the portal."""
    return area_paths_q(user_unit_area_paths(user, unit), field)


def _user_province(user) -> AdministrativeUnit:
    """The province of the user's agency, looked up once per user object (see ``_user_area_q``)."""
    memo = user.__dict__
    unit = user.agency.unit
    if memo.get("_plans_province_for") != unit.pk:
        memo["_plans_province"] = _province_of(unit)
        memo["_plans_province_for"] = unit.pk
    return memo["_plans_province"]


def assigned_plans_q(agency_id) -> Q:
    """Plans that give ``agency_id`` (one id or a list: an agency and those it succeeded) a
    role: it issued them, leads or coordinates a task, has a responsibility, reports or
    receives reports. Subqueries, not joins, so the list stays one row per plan without DISTINCT."""
    ids = list(agency_id) if isinstance(agency_id, (list, tuple, set)) else [agency_id]
    return (
        Q(issuer_id__in=ids)
        | Q(pk__in=PlanTask.objects.filter(Q(lead_agency_id__in=ids) | Q(coordinating_agencies__in=ids)).values("plan_id"))
        | Q(pk__in=Responsibility.objects.filter(agency_id__in=ids).values("plan_id"))
        | Q(pk__in=ReportingRequirement.objects.filter(Q(reporters__in=ids) | Q(receiver_id__in=ids)).values("plan_id"))
    )


def plans_visible_to(user) -> QuerySet[Plan]:
    """Admins: every plan. Others: plans issued in their agency's area (its unit, the units
    below and their predecessors, and the areas of the agencies it succeeded) or plans their
    agency, or an agency it succeeded, is assigned in."""
    qs = Plan.objects.select_related("issuer", "issuer__unit")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if not user.agency_id:
        return qs.none()
    # The rules as a UNION of indexed id branches computed once (issue 17): an OR across the
    # issuer's unit join and five subqueries made PostgreSQL join every plan to its issuer and
    # unit and test each row (the plan list's COUNT and page: 9–15× their floor at national
    # scale). Same plans, one row each. Memoised on the user object like ``user_agency_ids``
    # (once per request: the list needs it for the rows and the issuer filter); callers get a
    # fresh clone. On PostgreSQL the UNION is a statement written once per process.
    cached = user.__dict__.get("_plans_visible_qs")
    if cached is None:
        connection = connections[qs.db]
        if connection.vendor == "postgresql":
            cached = qs.filter(_visible_plan_ids_expression(user, connection))
        else:
            cached = _plans_visible_union(qs, user)
        user.__dict__["_plans_visible_qs"] = cached
    return cached.all()


def _plans_visible_union(qs: QuerySet[Plan], user) -> QuerySet[Plan]:
    """``qs`` restricted to ``user``'s plans by the ORM's UNION of the eight id branches: used on
    SQLite, and the reference of the PostgreSQL statement (tests/plans/test_visibility_sql.py)."""
    ids = user_agency_ids(user)
    branches = [
        Plan._base_manager.filter(user_area_q(user, "issuer__unit")).values("pk"),
        Plan._base_manager.filter(issuer_id__in=ids).values("pk"),
        PlanTask._base_manager.filter(lead_agency_id__in=ids).values("plan_id"),
        PlanTask._base_manager.filter(coordinating_agencies__in=ids).values("plan_id"),
        Responsibility._base_manager.filter(agency_id__in=ids).values("plan_id"),
        ReportingRequirement._base_manager.filter(reporters__in=ids).values("plan_id"),
        ReportingRequirement._base_manager.filter(receiver_id__in=ids).values("plan_id"),
        # Plans an agency of the area reports on: whoever may open a report may open its
        # plan (a commune's staff read the provincial plan their commune reports on).
        ReportingRequirement._base_manager.filter(user_area_q(user, "reporters__unit")).values("plan_id"),
    ]
    branches = [b.order_by() for b in branches]
    return filter_pk_in(qs, branches[0].union(*branches[1:]))


@cache
def _visible_plan_ids_sql(n_paths: int, quote_name) -> str:
    """The branches of ``_plans_visible_union`` as one PostgreSQL statement, written once per
    process and number of area paths: ``WITH area_agencies AS MATERIALIZED (…) (SELECT …) UNION
    (SELECT …) …``. Parameters: the area's LIKE patterns (once: the area's agencies are read once
    for the two area branches), then the user's agency ids (an array) once for each of the six
    agency branches. Without paths the two area branches and the area's agencies are left out (the
    ORM's empty ``Q(pk__in=[])`` drops them from its UNION too). Table and column names come from
    the models."""
    q = quote_name
    plan, agency, unit = Plan._meta, Agency._meta, AdministrativeUnit._meta
    task, resp, req = PlanTask._meta, Responsibility._meta, ReportingRequirement._meta

    def col(meta, name):
        return q(meta.get_field(name).column)

    def through(meta, name, source, target):
        """The m2m ``name``'s table and its columns towards ``source`` and ``target``."""
        through_meta = meta.get_field(name).remote_field.through._meta
        fks = [f for f in through_meta.fields if f.many_to_one]
        src = next(f for f in fks if f.related_model is source)
        dst = next(f for f in fks if f.related_model is target)
        return q(through_meta.db_table), q(src.column), q(dst.column)

    coord_table, coord_task, coord_agency = through(task, "coordinating_agencies", PlanTask, Agency)
    rep_table, rep_req, rep_agency = through(req, "reporters", ReportingRequirement, Agency)
    in_area = " OR ".join([f"u.{col(unit, 'path')}::text LIKE %s"] * n_paths)
    # The area's agencies, found once for both area branches: its units by their paths (the path
    # index), then their agencies by the unit index. Joined in each branch, the 4,833 agencies of
    # the national data were read twice by a sequential scan and hashed against the area's units
    # (a province's plan list: ~4 of its statement's ~6.5 ms; issue 17).
    area_agencies = (
        f"WITH area_agencies AS MATERIALIZED (SELECT a.{q(agency.pk.column)} AS id FROM {q(agency.db_table)} a "
        f"WHERE a.{col(agency, 'unit')} = ANY(ARRAY(SELECT u.{q(unit.pk.column)} FROM {q(unit.db_table)} u "
        f"WHERE {in_area}))) "
    )

    def in_area_of(agency_column):
        return f"WHERE {agency_column} IN (SELECT id FROM area_agencies)"

    plan_id, issuer = f"p.{q(plan.pk.column)}", f"p.{col(plan, 'issuer')}"
    task_plan, req_plan = f"t.{col(task, 'plan')}", f"q.{col(req, 'plan')}"
    reporters_join = f"JOIN {rep_table} rr ON rr.{rep_req} = q.{q(req.pk.column)}"
    branches = [f"SELECT {plan_id} FROM {q(plan.db_table)} p {in_area_of(issuer)}"] if n_paths else []
    branches += [
        f"SELECT {plan_id} FROM {q(plan.db_table)} p WHERE {issuer} = ANY(%s)",
        f"SELECT {task_plan} FROM {q(task.db_table)} t WHERE t.{col(task, 'lead_agency')} = ANY(%s)",
        f"SELECT {task_plan} FROM {q(task.db_table)} t JOIN {coord_table} c ON c.{coord_task} = t.{q(task.pk.column)} "
        f"WHERE c.{coord_agency} = ANY(%s)",
        f"SELECT r.{col(resp, 'plan')} FROM {q(resp.db_table)} r WHERE r.{col(resp, 'agency')} = ANY(%s)",
        f"SELECT {req_plan} FROM {q(req.db_table)} q {reporters_join} WHERE rr.{rep_agency} = ANY(%s)",
        f"SELECT {req_plan} FROM {q(req.db_table)} q WHERE q.{col(req, 'receiver')} = ANY(%s)",
    ]
    if n_paths:
        branches.append(f"SELECT {req_plan} FROM {q(req.db_table)} q {reporters_join} {in_area_of(f'rr.{rep_agency}')}")
    return (area_agencies if n_paths else "") + " UNION ".join(f"({b})" for b in branches)


def _visible_plan_ids_expression(user, connection):
    """``pk = ANY(ARRAY(<the branches>))`` for ``user`` on PostgreSQL: the plans of
    ``_plans_visible_union``, with the statement written once per process instead of built,
    copied and compiled by the ORM on every request (the plan list spent ~5 ms of CPU on it;
    issue 17). A self-contained subquery: it stays right inside another query (the issuer
    filter's ``values("issuer_id")``)."""
    paths = [connection.ops.prep_for_like_query(p) + "%" for p in _user_area_paths(user)]
    ids = list(user_agency_ids(user))
    sql = _visible_plan_ids_sql(len(paths), connection.ops.quote_name)
    return Func(
        F("pk"), RawSQL(sql, (*paths, *[ids] * 6)),
        template="(%(expressions)s))", arg_joiner=" = ANY(ARRAY", output_field=BooleanField(),
    )


def plan_writer_issuer_ids(user) -> list[int]:
    """The issuing agencies whose plans ``user``'s planners write (create, edit, issue, amend,
    close, supersede, copy, delete), per the permission table in docs/security.md:

    * the user's own agency, and the agencies it succeeded (their plans were taken over);
    * the governing body (``Agency.parent``, cơ quan chủ quản) of each of those: a Sở drafts
      its People's Committee's plans (Sở Tài chính for UBND tỉnh), a Phòng its commune's or
      district's (tham mưu).

    Nothing else: sharing an area is not enough (a Liên minh HTX tỉnh planner does not amend,
    close or supersede the UBND tỉnh's plan). Memoised on the user object (once per request)."""
    cached = user.__dict__.get("_plans_writer_issuers")
    if cached is None:
        if not getattr(user, "agency_id", None):
            cached = []
        else:
            area = user_agency_area(user)  # the lineage's ids and parents, read with the user's area
            cached = sorted({*area.agency_ids, *area.parent_ids})
        user.__dict__["_plans_writer_issuers"] = cached
    return cached


def plan_can_edit(user, plan: Plan) -> bool:
    """A planner of the issuing agency (or of an agency it succeeded, or of a body the issuer
    governs: ``plan_writer_issuer_ids``); admins always."""
    if not user.is_authenticated or not user.is_active or not has_any_role(user, (Role.PLANNER,)):
        return False
    if user.is_superuser:
        return True
    return plan.issuer_id in plan_writer_issuer_ids(user)


def plans_editable_by(user) -> QuerySet[Plan]:
    """Plans a planner may edit and move through the workflow (scoped like ``plan_can_edit``)."""
    qs = Plan.objects.select_related("issuer", "issuer__unit")
    if not user.is_authenticated or not user.is_active or not has_any_role(user, (Role.PLANNER,)):
        return qs.none()
    if user.is_superuser:
        return qs
    return qs.filter(issuer_id__in=plan_writer_issuer_ids(user))


def issuers_for(user) -> QuerySet[Agency]:
    """Agencies a planner may create (or import) plans for: exactly those whose plans the
    planner then writes (``plan_writer_issuer_ids``: the user's agency, the agencies it
    succeeded, and their governing bodies — Sở Tài chính drafts for UBND tỉnh). Sharing an area
    is not enough: a draft made for another issuer could not be edited by its author (issue 12).
    Admins: every agency."""
    qs = Agency.objects.select_related("unit").order_by("unit__path", "name")
    if user.is_superuser:
        return qs
    if not getattr(user, "agency_id", None):
        return qs.none()
    return qs.filter(pk__in=plan_writer_issuer_ids(user))


def issuers_in_area(user) -> QuerySet[Agency]:
    """Every agency of the user's area (which includes the areas of the agencies the user's
    agency succeeded). Not a choice: the plan import matches a document's issuer among them to
    tell the planner that the document belongs to another agency of the area."""
    qs = Agency.objects.select_related("unit").order_by("unit__path", "name")
    if user.is_superuser:
        return qs
    if not getattr(user, "agency_id", None):
        return qs.none()
    return qs.filter(user_area_q(user, "unit"))


def plan_filter_issuers(user) -> QuerySet[Agency]:
    """The plan list's issuer filter: agencies that issued a plan the user sees (issue 17: the
    filter's choices and its autocomplete endpoint read this same queryset)."""
    qs = Agency.objects.select_related("unit").order_by("name")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs.filter(pk__in=Plan.objects.values("issuer_id"))
    if not user.agency_id:
        return qs.none()
    return qs.filter(pk__in=plans_visible_to(user).values("issuer_id"))


def _province_of(unit: AdministrativeUnit) -> AdministrativeUnit:
    """The top unit of ``unit``'s tree (its province), from the materialised path."""
    root_pk = int(unit.path.strip("/").split("/")[0]) if unit.path else unit.pk
    if root_pk == unit.pk:
        return unit
    return AdministrativeUnit.objects.get(pk=root_pk)


def agencies_for_assignment(user) -> QuerySet[Agency]:
    """Agencies a plan can assign tasks, responsibilities and reports to: the whole province
    of the user's agency (a district plan reports up to provincial bodies)."""
    qs = Agency.objects.select_related("unit").order_by("unit__path", "name")
    if user.is_superuser:
        return qs
    if not user.agency_id:
        return qs.none()
    return qs.filter(_user_area_q(user, _user_province(user), "unit"))


def signers_for(user, *, issuer_id: int | None = None) -> QuerySet[User]:
    """The plan form's signer choices: leaders of the agencies the planner may name as issuer
    (``issuers_for``: the own agency and its governing body), since a plan is signed by a leader
    of its issuer (a Liên minh HTX plan by the Liên minh's leaders, where the form once offered
    only the People's Committee's); the leaders of ``issuer_id`` first. The form refuses a leader of another agency than the issuer it is saved with."""
    from django.db.models import Case, IntegerField, Value, When

    qs = User.objects.filter(is_leader=True, is_active=True).select_related("agency")
    first = Case(When(agency_id=issuer_id, then=Value(0)), default=Value(1), output_field=IntegerField())
    qs = qs.annotate(_issuer_first=first).order_by("_issuer_first", "agency__name", "full_name", "username")
    if user.is_superuser:
        return qs
    if not user.agency_id:
        return qs.none()
    return qs.filter(agency__in=issuers_for(user).values("pk"))


def plan_detail_queryset(user) -> QuerySet[Plan]:
    """Everything the plan page shows, in a fixed number of queries."""
    agencies = Agency.objects.select_related("unit")
    return (
        plans_visible_to(user)
        .select_related(
            "issuer__parent", "implements_plan", "superseded_by", "cloned_from", "signer_user", "created_by"
        )
        .prefetch_related(
            Prefetch("legal_bases", queryset=LegalBasis.objects.select_related("linked_plan")),
            "sections",
            Prefetch("targets", queryset=PlanTarget.objects.select_related("indicator")),
            Prefetch(
                "tasks",
                queryset=PlanTask.objects.select_related("lead_agency").prefetch_related(
                    Prefetch("coordinating_agencies", queryset=agencies), "targets"
                ),
            ),
            Prefetch("budget_lines", queryset=BudgetLine.objects.select_related("task")),
            Prefetch("responsibilities", queryset=Responsibility.objects.select_related("agency")),
            Prefetch(
                "reporting_requirements",
                queryset=ReportingRequirement.objects.select_related("receiver", "consolidates").prefetch_related(
                    Prefetch("reporters", queryset=agencies)
                ),
            ),
            Prefetch("amendments", queryset=PlanAmendment.objects.select_related("by")),
            Prefetch("supersedes", queryset=Plan.objects.only("pk", "number", "symbol", "title", "superseded_by")),
        )
    )


def plan_get_for_detail(pk: int, user) -> Plan:
    """The plan with every part the page needs, or 404 when outside the user's scope."""
    return get_object_or_404(plan_detail_queryset(user), pk=pk)


@dataclass
class TargetRow:
    target: PlanTarget
    values: dict  # provider key -> TargetValue (missing keys: no value)
    actual: object
    actual_source: str
    progress: progress.Progress
    cells: list = field(default_factory=list)  # values in provider order, for templates


@dataclass
class TargetTable:
    providers: list  # [(key, label)]
    groups: list  # [(milestone_year, [TargetRow])]

    @property
    def rows(self) -> list[TargetRow]:
        return [row for _year, rows in self.groups for row in rows]


def plan_target_rows(plan: Plan, as_of: datetime.date | None = None) -> TargetTable:
    """Targets grouped by milestone year, each with every provider's value and its progress
    evaluated on the best available actual (reported, then registry). Providers that are
    not registered simply give no columns."""
    as_of = as_of or datetime.date.today()
    targets = list(plan.targets.all())
    for t in targets:
        t.plan = plan  # progress reads the plan's period; avoid a query per target
    values = target_values(plan, targets) if targets else {}
    labels = provider_labels()
    providers = [(key, labels.get(key, key)) for key in values]
    order = [k for k in ACTUAL_PREFERENCE if k in values] + [k for k in values if k not in ACTUAL_PREFERENCE]
    rows = []
    for t in targets:
        per_target = {key: values[key].get(t.pk) for key in values if values[key].get(t.pk) is not None}
        actual, source = None, ""
        for key in order:
            tv = per_target.get(key)
            if tv is not None and tv.value is not None:
                actual, source = tv.value, key
                break
        rows.append(
            TargetRow(
                target=t,
                values=per_target,
                actual=actual,
                actual_source=source,
                progress=progress.evaluate_target(t, actual, as_of),
                cells=[per_target.get(key) for key, _label in providers],
            )
        )
    rows.sort(key=lambda r: (r.target.milestone_year, r.target.order, r.target.pk))
    groups = [(year, list(items)) for year, items in groupby(rows, key=lambda r: r.target.milestone_year)]
    return TargetTable(providers=providers, groups=groups)


def plan_budget_total(plan: Plan):
    """Sum of the amounts of the (prefetched) budget lines; None when no line has one."""
    amounts = [line.amount for line in plan.budget_lines.all() if line.amount is not None]
    return sum(amounts) if amounts else None


def plan_open_amendment(plan: Plan) -> PlanAmendment | None:
    """The open amendment from the prefetched amendments (no query on the plan page)."""
    return next((a for a in plan.amendments.all() if a.open), None)


def plans_drafts_of_agency(agency_id: int) -> QuerySet[Plan]:
    return Plan.objects.filter(issuer_id=agency_id, status=PlanStatus.DRAFT).select_related("issuer").order_by("-modified")


def plans_recently_changed(user, limit: int = 8) -> list[Plan]:
    return list(plans_editable_by(user).order_by("-modified")[:limit])


def plans_in_force_now(user, today, limit: int = 8) -> list[Plan]:
    """Plans of the user's area being implemented today: in force (issued, or a draft marked
    in force) and not yet ended — a finished plan or a past one-day event is not listed."""
    return list(
        plans_visible_to(user)
        .filter(in_force_q(), period_end__gte=today)
        .select_related("issuer")
        .order_by("period_end", "-id")[:limit]
    )


def plans_assigned_to(agency_id: int, limit: int = 10, *, issued_too: bool = False) -> list[Plan]:
    """Plans in force or issued that assign the agency something; with ``issued_too`` (leaders)
    also the plans the agency issued itself (a People's Committee that issued a plan is
    not "assigned nothing")."""
    assigned = (
        Q(pk__in=PlanTask.objects.filter(Q(lead_agency_id=agency_id) | Q(coordinating_agencies=agency_id)).values("plan_id"))
        | Q(pk__in=Responsibility.objects.filter(agency_id=agency_id).values("plan_id"))
        | Q(pk__in=ReportingRequirement.objects.filter(Q(reporters=agency_id) | Q(receiver_id=agency_id)).values("plan_id"))
    )
    if issued_too:
        assigned |= Q(issuer_id=agency_id) & (in_force_q() | Q(status=PlanStatus.CLOSED))
    return list(
        Plan.objects.filter(assigned)
        .exclude(status=PlanStatus.SUPERSEDED)
        .select_related("issuer")
        .order_by("-period_end", "-id")[:limit]
    )


def plan_implements_is_cited(plan: Plan) -> bool:
    """True when the plan's "implements" reference (as text) is already cited word for word in a
    legal basis ("Thực hiện Kế hoạch số 4025/KH-UBND …"): the page then shows it once, in the
    document's own words. Uses the prefetched legal bases (no query)."""
    if plan.implements_plan_id or not plan.implements_reference:
        return False
    reference = plan.implements_reference
    return any(lb.number and lb.number in reference for lb in plan.legal_bases.all())


def plan_same_number(*, issuer, number: int | None, day, exclude: Plan | None = None, issued_only: bool = True) -> Plan | None:
    """Another plan of ``issuer`` with ``number`` in ``day``'s year (numbers restart every
    calendar year and are shared by every kind of document of the issuer, Decree 30 Điều 15).
    Drafts count only with ``issued_only=False`` (the import's warning)."""
    if issuer is None or not number or day is None:
        return None
    plans = Plan.objects.filter(issuer=issuer, number=number, issue_date__year=day.year)
    if issued_only:
        plans = plans.exclude(status=PlanStatus.DRAFT)
    if exclude is not None and exclude.pk:
        plans = plans.exclude(pk=exclude.pk)
    return plans.order_by("pk").first()


def plan_issue_refusals(*, plan: Plan, number: int | None, day) -> dict[str, str]:
    """Why ``plan`` cannot be issued with this number and date, by form field (empty when it can):
    a date in the future, a number already in the issuer's register for that year, or a number
    another issued plan of the issuer already carries that year."""
    from documents.services import register_refusal

    errors: dict[str, str] = {}
    issuer = plan.issuer if plan.issuer_id else None
    if day is not None and day > timezone.localdate():
        errors["issue_date"] = register_refusal(agency=issuer, number=None, day=day)
        return errors
    if issuer is None or not number or day is None:
        return errors
    refusal = register_refusal(agency=issuer, number=number, day=day, exclude=plan if plan.pk else None)
    if refusal:
        errors["number"] = refusal
        return errors
    other = plan_same_number(issuer=issuer, number=number, day=day, exclude=plan)
    if other is not None:
        errors["number"] = _(
            "Number %(number)s is already used in %(year)s by %(issuer)s's plan %(reference)s (%(title)s)."
        ) % {
            "number": f"{int(number):02d}",
            "year": day.year,
            "issuer": issuer.name,
            "reference": other.reference,
            "title": other.short_title,
        }
    return errors
