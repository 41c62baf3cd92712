"""Writes of the reporting cycle: generation, the submission workflow, consolidation, reminders.

Workflow of an obligation (the submission)::

    not started → draft → submitted → approved (locked)
                    ↑          │            │
                    └─ returned ←───────────┘ reopen (reviewer, with a reason)

* The reporting agency's reporters fill and submit; the receiving agency's planners return
  (reason + fields concerned) or approve. A consolidation of a requirement that another
  requirement consolidates is itself submitted to the next level; a consolidation the
  receiving agency makes on its own is finalised (approved) by its own planners.
* Every draft save checks ``Obligation.version`` (optimistic locking): a stale save raises
  ``StaleVersion`` and changes nothing.
* Approved obligations are locked: every service refuses to change them, the content rows
  refuse to save (``reports.models.LockedMixin``) and the admin is read-only.
* Every state change writes an audit row (``core.audit``) in the same transaction; value
  changes are kept by django-simple-history on the content rows.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import outbox, transitions, uploads
from core.audit import audit
from directory.models import Agency, User
from plans.models import Plan, PlanStatus, ReportingRequirement, in_force_q
from plans.progress import combine

from . import periods as period_rules
from . import validation
from .models import (
    Attachment,
    BudgetSpending,
    ExcelUpload,
    Notification,
    NotificationAsk,
    Obligation,
    ObligationKind,
    ObligationStatus,
    ReminderKind,
    ReminderLog,
    ReportedValue,
    ReportingPeriod,
    TaskProgress,
    TaskStatus,
)
from .notifications import notifications_resolve

logger = logging.getLogger(__name__)

EDITABLE_STATUSES = (ObligationStatus.NOT_STARTED, ObligationStatus.DRAFT, ObligationStatus.RETURNED)
OPEN_STATUSES = EDITABLE_STATUSES
# Reminders stop this many days after a plan's period has ended (the final annual report is
# often due a few weeks after the plan's last day).
PLAN_END_GRACE_DAYS = 90
REVIEW_WAITING_DAYS = 3
NARRATIVE_FIELDS = ("results", "difficulties", "proposals")


class StaleVersion(ValidationError):
    """Someone else saved the report after this editor loaded it (``current`` is the saved one)."""

    def __init__(self, current: Obligation, mine: int):
        super().__init__(
            _(
                "Someone else saved this report after you opened it (you opened version %(mine)s, the saved "
                "version is %(theirs)s). Nothing was saved: compare both versions below, then save again."
            ),
            code="stale",
            params={"mine": mine, "theirs": current.version},
        )
        self.current = current


# =========================================================================== roles on an obligation
def is_standalone_consolidation(obligation: Obligation) -> bool:
    """The receiving agency's own consolidation (not sent to a next level)."""
    return (
        obligation.kind == ObligationKind.CONSOLIDATION
        and obligation.agency_id == obligation.period.requirement.receiver_id
        and not obligation.period.requirement.consolidates_id
    )


def reviewer_agency_id(obligation: Obligation) -> int | None:
    """The agency whose planners review ``obligation`` (None for an own consolidation)."""
    if is_standalone_consolidation(obligation):
        return None
    return obligation.period.requirement.receiver_id


def can_edit(user, obligation: Obligation) -> bool:
    if not user.is_authenticated or obligation.status not in EDITABLE_STATUSES:
        return False
    if user.is_superuser:
        return True
    if user.agency_id != obligation.agency_id:
        return False
    if obligation.kind == ObligationKind.CONSOLIDATION:
        return user.has_role("planner") or user.has_role("reporter")
    return user.has_role("reporter")


def can_review(user, obligation: Obligation) -> bool:
    """May return/approve/reopen: planners of the receiving agency (own planners for an own consolidation)."""
    if not user.is_authenticated or not user.has_role("planner"):
        return False
    if user.is_superuser:
        return True
    reviewer = reviewer_agency_id(obligation)
    return user.agency_id == (reviewer if reviewer is not None else obligation.agency_id)


def _check_separation_of_duties(obligation: Obligation, acting_user) -> None:
    """Nobody approves or returns a report they submitted themselves, unless a superuser has
    allowed it for the reviewing agency (``Agency.allow_self_review``, off by default). An
    agency's own consolidation is finalised, not submitted, so the rule does not apply to it."""
    if is_standalone_consolidation(obligation):
        return
    if obligation.submitted_by_id is None or obligation.submitted_by_id != getattr(acting_user, "pk", None):
        return
    reviewer = reviewer_agency_id(obligation)
    if reviewer is not None and Agency.objects.filter(pk=reviewer, allow_self_review=True).exists():
        return
    raise ValidationError(
        _(
            "You submitted this report yourself, so another officer must review it (separation of duties). "
            "Ask a colleague with the planner role to approve or return it."
        ),
        code="self_review",
    )


# =========================================================================== the period's calendar
# The day the calendar checks use: today in the portal's time zone, or the day a loader acts
# "as of" (``as_of``: the demo lays out its history relative to its own reference date).
_AS_OF: contextvars.ContextVar[date | None] = contextvars.ContextVar("reports_as_of", default=None)


def today() -> date:
    return _AS_OF.get() or timezone.localdate()


@contextlib.contextmanager
def as_of(day: date):
    """Run the calendar checks (form open, data cut-off) as if today were ``day``."""
    token = _AS_OF.set(day)
    try:
        yield
    finally:
        _AS_OF.reset(token)


def submission_opens_on(period: ReportingPeriod) -> date:
    """The first day a report of ``period`` may be submitted or approved: its data cut-off
    (``cutoff_end``), earlier by the requirement's ``early_submission_days``, never before the
    period begins (``periods.submission_opens``)."""
    return period_rules.submission_opens(
        period_start=period.start, cutoff_end=period.cutoff_end, early_days=period.requirement.early_submission_days
    )


def is_open(obligation: Obligation, day: date | None = None) -> bool:
    """The report's form is open: its period has begun (next quarter's form opens on its first day)."""
    return (day or today()) >= obligation.period.start


def can_submit_now(obligation: Obligation, day: date | None = None) -> bool:
    """The data cut-off (or the earlier day the plan allows) has come."""
    return (day or today()) >= submission_opens_on(obligation.period)


def _check_open(obligation: Obligation) -> None:
    if not is_open(obligation):
        raise ValidationError(
            _("This report opens on %(date)s, when its period (%(period)s) begins.")
            % {"date": obligation.period.start.strftime("%d/%m/%Y"), "period": obligation.period.label},
            code="not_open",
        )


def _check_cutoff(obligation: Obligation, *, approving: bool) -> None:
    """Refuse submitting or approving before the data cut-off (inside the step's transaction)."""
    if not can_submit_now(obligation):
        raise ValidationError(before_cutoff_message(obligation, approving=approving), code="before_cutoff")


def before_cutoff_message(obligation: Obligation, *, approving: bool) -> str:
    params = {
        "date": submission_opens_on(obligation.period).strftime("%d/%m/%Y"),
        "cutoff": obligation.period.cutoff_end.strftime("%d/%m/%Y"),
    }
    if approving:
        message = _("This report can be approved from %(date)s: its data run to the cut-off on %(cutoff)s.")
    else:
        message = _(
            "This report can be submitted from %(date)s: its data run to the cut-off on %(cutoff)s. "
            "Save it as a draft until then."
        )
    return message % params


def _check(condition: bool, message: str, code: str):
    if not condition:
        raise ValidationError(message, code=code)


def _locked(obligation: Obligation) -> Obligation:
    """The obligation re-read under a row lock (``core.transitions.lock``): a second reviewer
    or a double click waits here and then sees the state the first one left."""
    return transitions.lock(Obligation.objects.select_related("period__requirement__plan", "agency"), pk=obligation.pk)


def _expect(obligation: Obligation, acting_user, allowed, *, code: str, message: str) -> None:
    """Refuse a step whose starting state is gone. When the report was handled since (someone
    submitted or reviewed it), say so and by whom, so the loser of a race knows what happened."""
    if obligation.status in allowed:
        return
    actor = obligation.reviewed_by if obligation.status != ObligationStatus.SUBMITTED else obligation.submitted_by
    when = obligation.reviewed_at if obligation.status != ObligationStatus.SUBMITTED else obligation.submitted_at
    if actor is not None and when is not None:
        params = {
            "status": obligation.get_status_display(),
            "who": actor.get_full_name() or actor.get_username(),
            "when": timezone.localtime(when).strftime("%H:%M %d/%m/%Y"),
        }
        if getattr(acting_user, "pk", None) == actor.pk:
            message = _("You have already handled this report: it is now “%(status)s” (%(when)s).") % params
        else:
            message = _(
                "This report has already been handled by someone else: it is now “%(status)s” (%(who)s, %(when)s). "
                "Reload the page to see it."
            ) % params
    raise transitions.TransitionConflict(message, code=code)


# =========================================================================== notifications and e-mail
def _users(agency_id: int | None, role: str) -> list[User]:
    if not agency_id:
        return []
    flag = {"reporter": "is_reporter", "planner": "is_planner", "leader": "is_leader", "clerk": "is_clerk"}[role]
    return list(User.objects.filter(agency_id=agency_id, is_active=True, **{flag: True}).order_by("pk"))


def reporters_of(obligation: Obligation) -> list[User]:
    users = _users(obligation.agency_id, "reporter")
    if obligation.kind == ObligationKind.CONSOLIDATION:
        users += [u for u in _users(obligation.agency_id, "planner") if u not in users]
    return users


def reviewers_of(obligation: Obligation) -> list[User]:
    agency_id = reviewer_agency_id(obligation)
    return _users(agency_id if agency_id is not None else obligation.agency_id, "planner")


def _notify(users, *, title: str, body: str, url: str, cc=(), obligation=None, asks: str = "") -> None:
    """In-portal notifications now; one e-mail (an outbox row) sent after the transaction commits. ``asks``: what
    the notification asks about ``obligation`` (it resolves itself when done, reports/notifications.py)."""
    everyone = list({u.pk: u for u in [*users, *cc]}.values())
    Notification.objects.bulk_create(
        [Notification(user=u, title=title[:255], body=body, url=url, obligation=obligation, asks=asks) for u in everyone]
    )
    # The e-mail is an outbox row of this transaction, sent after the commit (core.outbox): an
    # SMTP or broker outage delays it, the sweep sends it later, once.
    outbox.enqueue(
        subject=title,
        body=f"{body}\n\n{url}",
        to=[u.email for u in users if u.email],
        cc=[u.email for u in cc if u.email],
    )


def _vi(text_fn):
    """Messages to users are written in the portal's language (Vietnamese)."""
    with translation.override(settings.LANGUAGE_CODE):
        return text_fn()


# =========================================================================== generation
@dataclass
class GenerationResult:
    periods_created: int = 0
    obligations_created: int = 0
    errors: list[str] = field(default_factory=list)


def _consolidated_ids(plan: Plan) -> set[int]:
    return set(
        ReportingRequirement.objects.filter(plan=plan, active=True, consolidates__isnull=False).values_list(
            "consolidates_id", flat=True
        )
    )


def _validity(plan: Plan) -> dict:
    """Validity and successor of every agency the plan's requirements name (one query)."""
    ids = set(ReportingRequirement.objects.filter(plan=plan).values_list("reporters", flat=True))
    ids |= set(ReportingRequirement.objects.filter(plan=plan).values_list("receiver_id", flat=True))
    return {a.pk: a for a in Agency.objects.filter(pk__in=[i for i in ids if i]).select_related("successor")}


def _ended_before(agency_id: int, period: ReportingPeriod, agencies: dict) -> str:
    """A message when the agency did not exist during the period (ended before its start or
    started after its end), else ""."""
    agency = agencies.get(agency_id)
    if agency is None:
        return ""
    if agency.valid_to and agency.valid_to < period.start:
        successor = agency.successor.name if agency.successor_id else _vi(lambda: str(_("none recorded")))
        return _vi(lambda: _(
            "%(agency)s ended on %(date)s and receives no report for %(period)s; assign its successor (%(successor)s)."
        ) % {"agency": agency.name, "date": f"{agency.valid_to:%d/%m/%Y}", "period": period.label, "successor": successor})
    if agency.valid_from and agency.valid_from > period.end:
        return _vi(lambda: _("%(agency)s began on %(date)s and receives no report for %(period)s.") % {
            "agency": agency.name, "date": f"{agency.valid_from:%d/%m/%Y}", "period": period.label})
    return ""


@transaction.atomic
def obligations_generate(*, plan: Plan, acting_user=None) -> GenerationResult:
    """Create the periods and obligations of every active requirement of a plan in force.

    Idempotent: existing periods are kept (their label, cut-off and deadline follow the
    requirement if it changed) and no obligation is created twice. One obligation per
    reporting agency and period; a requirement that consolidates another gives its
    reporters consolidation obligations (sent to its receiver); a requirement nobody
    consolidates gives its receiver a consolidation of its own.
    """
    from plans.services import plan_write_check

    plan_write_check(acting_user=acting_user, issuer_id=plan.issuer_id)  # the plan-write row (issue 12)
    _check(plan.is_in_force, _("Reporting periods are generated only for plans in force."), "plan_not_in_force")
    result = GenerationResult()
    consolidated = _consolidated_ids(plan)
    requirements = plan.reporting_requirements.filter(active=True).prefetch_related("reporters")
    agencies = _validity(plan)
    for req in requirements:
        try:
            specs = period_rules.periods_for_requirement(req, plan.period_start, plan.period_end)
        except period_rules.PeriodRuleError as exc:
            result.errors.append(f"{req}: {exc}")
            continue
        reporter_ids = [a.pk for a in req.reporters.all()]
        kind = ObligationKind.CONSOLIDATION if req.consolidates_id else ObligationKind.SUBMISSION
        for spec in specs:
            period, created = ReportingPeriod.objects.get_or_create(
                requirement=req,
                start=spec.start,
                end=spec.end,
                defaults={
                    "label": spec.label,
                    "cutoff_start": spec.cutoff_start,
                    "cutoff_end": spec.cutoff_end,
                    "due_date": spec.due_date,
                },
            )
            result.periods_created += created
            if not created:
                changed = [
                    f
                    for f in ("label", "cutoff_start", "cutoff_end", "due_date")
                    if getattr(period, f) != getattr(spec, f)
                ]
                if changed:
                    for f in changed:
                        setattr(period, f, getattr(spec, f))
                    period.save(update_fields=changed)
            existing = set(Obligation.objects.filter(period=period).values_list("agency_id", "kind"))
            wanted = [(a, kind) for a in reporter_ids]
            if req.pk not in consolidated and req.receiver_id not in reporter_ids:
                wanted.append((req.receiver_id, ObligationKind.CONSOLIDATION))
            for agency_id, k in wanted:
                if (agency_id, k) in existing:
                    continue
                ended = _ended_before(agency_id, period, agencies)
                if ended:
                    # An abolished body receives no new obligation (DOMAIN.md: what is created
                    # for a later date names only bodies alive on that date).
                    result.errors.append(ended)
                    continue
                Obligation.objects.create(period=period, agency_id=agency_id, kind=k)
                result.obligations_created += 1
    if result.periods_created or result.obligations_created:
        audit(
            actor=acting_user,
            action="reports.generate",
            obj=plan,
            summary=f"{result.periods_created} periods, {result.obligations_created} reports",
            data={"periods": result.periods_created, "obligations": result.obligations_created},
        )
    return result


def plans_for_reporting(day: date):
    """Plans in force whose period has not ended more than the grace days ago."""
    return Plan.objects.filter(in_force_q(), period_end__gte=day - timedelta(days=PLAN_END_GRACE_DAYS))


def obligations_generate_all(*, day: date | None = None) -> GenerationResult:
    """``obligations_generate`` for every plan still being reported on (the daily beat job)."""
    day = day or timezone.localdate()
    total = GenerationResult()
    for plan in plans_for_reporting(day).order_by("pk"):
        try:
            r = obligations_generate(plan=plan)
        except ValidationError as exc:  # a plan changed state between the query and here
            total.errors.append(f"{plan.pk}: {exc.messages}")
            continue
        total.periods_created += r.periods_created
        total.obligations_created += r.obligations_created
        total.errors += r.errors
    return total


# =========================================================================== content
def targets_in_scope(targets, period: ReportingPeriod) -> list:
    """The targets a period reports on: per indicator (``code``), the nearest milestone still
    ahead of the period (seed 004 has 2025 and 2030 rows), or the last one once all passed."""
    groups: dict[str, list] = defaultdict(list)
    for t in targets:
        groups[t.code or f"#{t.pk}"].append(t)
    chosen = []
    year = period.end.year
    for rows in groups.values():
        ahead = sorted((t for t in rows if t.milestone_year >= year), key=lambda t: t.milestone_year)
        chosen.append(ahead[0] if ahead else max(rows, key=lambda t: t.milestone_year))
    return sorted(chosen, key=lambda t: (t.order, t.pk))


def _by(obj, acting_user):
    """Record ``acting_user`` in the simple-history row of ``obj`` (outside a request — Celery,
    demo, shell — the history middleware knows no user)."""
    if getattr(acting_user, "is_authenticated", False):
        obj._history_user = acting_user
    return obj


def _plan_of(obligation: Obligation) -> Plan:
    return obligation.period.requirement.plan


def _write_content(obligation: Obligation, data: dict, acting_user=None) -> list[str]:
    """Apply ``data`` to the content rows; returns the names of what changed. Ids outside the
    plan are refused so a forged form cannot write into another plan's targets."""
    plan = _plan_of(obligation)
    changed: list[str] = []
    if "values" in data:
        allowed = set(plan.targets.values_list("pk", flat=True))
        existing = {v.target_id: v for v in obligation.values.all()}
        for target_id, item in data["values"].items():
            target_id = int(target_id)
            if target_id not in allowed:
                raise ValidationError(_("A target does not belong to this plan."), code="foreign_target")
            row = existing.get(target_id) or ReportedValue(obligation=obligation, target_id=target_id)
            new = (
                item.get("value"),
                item.get("note", row.note) or "",
                item.get("weight", row.weight),
                (item.get("explanation", row.explanation) or "").strip(),
            )
            if row.pk and (row.value, row.note, row.weight, row.explanation) == new:
                continue
            if not row.pk and new == (None, "", None, ""):
                continue  # nothing entered: no row, and no "—" entry in the history
            row.value, row.note, row.weight, row.explanation = new
            row.full_clean(exclude=["obligation", "target"], validate_unique=False, validate_constraints=False)
            _by(row, acting_user).save()
            changed.append(f"target:{target_id}")
    if "tasks" in data:
        allowed = set(plan.tasks.values_list("pk", flat=True))
        existing = {p.task_id: p for p in obligation.task_progress.all()}
        for task_id, item in data["tasks"].items():
            task_id = int(task_id)
            if task_id not in allowed:
                raise ValidationError(_("A task does not belong to this plan."), code="foreign_task")
            row = existing.get(task_id) or TaskProgress(obligation=obligation, task_id=task_id)
            new = (item.get("status") or TaskStatus.NOT_STARTED, item.get("account", "") or "")
            if row.pk and (row.status, row.account) == new:
                continue
            if not row.pk and new == (TaskStatus.NOT_STARTED, ""):
                continue  # the form's default, not something the reporter said
            row.status, row.account = new
            row.full_clean(exclude=["obligation", "task"], validate_unique=False, validate_constraints=False)
            _by(row, acting_user).save()
            changed.append(f"task:{task_id}")
    if "spending" in data:
        allowed = set(plan.budget_lines.values_list("pk", flat=True))
        existing = {s.budget_line_id: s for s in obligation.spending.all()}
        for line_id, amount in data["spending"].items():
            line_id = int(line_id)
            if line_id not in allowed:
                raise ValidationError(_("A budget line does not belong to this plan."), code="foreign_line")
            if amount is not None and amount < 0:
                raise ValidationError(_("The amount spent cannot be negative."), code="negative_spending")
            row = existing.get(line_id) or BudgetSpending(obligation=obligation, budget_line_id=line_id)
            if row.pk and row.amount == amount:
                continue
            if not row.pk and amount is None:
                continue
            row.amount = amount
            _by(row, acting_user).save()
            changed.append(f"budget:{line_id}")
    for name in NARRATIVE_FIELDS:
        if name in data and (data[name] or "") != getattr(obligation, name):
            setattr(obligation, name, data[name] or "")
            changed.append(name)
    return changed


def _bump_version(obligation: Obligation, version: int | None) -> None:
    """Claim the next version atomically; a stale ``version`` raises ``StaleVersion``."""
    if version is None:
        version = obligation.version
    claimed = Obligation.objects.filter(pk=obligation.pk, version=version).update(version=F("version") + 1)
    if not claimed:
        raise StaleVersion(Obligation.objects.get(pk=obligation.pk), version)
    obligation.version = version + 1


@transaction.atomic
def obligation_save_draft(*, obligation: Obligation, acting_user, version: int | None, data: dict) -> list[str]:
    """Save the draft content; ``version`` is the one the editor loaded (optimistic locking).

    ``data`` may hold ``values`` ({target_id: {"value", "note", "weight"}}), ``tasks``
    ({task_id: {"status", "account"}}), ``spending`` ({line_id: amount}) and the narratives.
    A not-started report becomes a draft; a returned one stays returned (with its reason)
    until it is submitted again. Returns what changed.
    """
    obligation = _locked(obligation)
    _check(obligation.status != ObligationStatus.APPROVED, _("This report is approved and locked."), "locked")
    _check(
        obligation.status in EDITABLE_STATUSES,
        _("This report has been submitted and is waiting for review; it cannot be edited now."),
        "not_editable",
    )
    _check(can_edit(acting_user, obligation), _("You may not edit this report."), "forbidden")
    _check_open(obligation)
    _bump_version(obligation, version)
    changed = _write_content(obligation, data, acting_user)
    if obligation.status == ObligationStatus.NOT_STARTED:
        obligation.status = ObligationStatus.DRAFT
    obligation.full_clean()
    _by(obligation, acting_user).save()
    if changed:
        audit(actor=acting_user, action="reports.save", obj=obligation, summary=", ".join(changed[:20]), data={"changed": changed})
    return changed


def _targets_without_value(obligation: Obligation, lines: dict | None = None) -> list:
    """Targets in the period's scope that have no value yet. ``lines`` (``selectors.form_lines``
    of this obligation, already loaded by the page) saves querying targets and values again."""
    if lines is not None:
        return [line.target for line in lines["targets"] if line.value is None]
    plan = _plan_of(obligation)
    values = {v.target_id: v.value for v in obligation.values.all()}
    return [t for t in targets_in_scope(plan.targets.all(), obligation.period) if values.get(t.pk) is None]


def submission_missing(obligation: Obligation, lines: dict | None = None) -> dict:
    """The fields that block submitting, for highlighting: {"target": {ids}, "text": {"results"}}."""
    missing = {"target": {t.pk for t in _targets_without_value(obligation, lines)}, "text": set()}
    if not obligation.results.strip():
        missing["text"].add("results")
    return missing


def unexplained_problems(obligation: Obligation, lines: dict | None = None, flags: dict | None = None) -> list[str]:
    """Flagged values (``reports/validation.py``) without an explanation: one message each,
    naming the target and what was flagged. They block submitting, not saving a draft."""
    if lines is None:
        from .selectors import form_lines

        lines = form_lines(obligation)
    return [
        _("Explain the flagged value of the target “%(target)s” before submitting: %(flags)s")
        % {"target": line.target.description[:120], "flags": "; ".join(f.message for f in found)}
        for line, found in validation.unexplained(obligation, lines, flags)
    ]


def submission_problems(obligation: Obligation, lines: dict | None = None) -> list[str]:
    """What still blocks submitting: every target in scope needs a value; results need a text."""
    problems = [
        _("Enter the value achieved for the target “%(target)s”.") % {"target": target.description[:120]}
        for target in _targets_without_value(obligation, lines)
    ]
    if not obligation.results.strip():
        problems.append(_("Describe the results achieved (section “Results”)."))
    return problems


@transaction.atomic
def obligation_submit(*, obligation: Obligation, acting_user, version: int | None = None) -> Obligation:
    """Send the report to the receiving agency (required values checked)."""
    obligation = _locked(obligation)
    _expect(obligation, acting_user, [*EDITABLE_STATUSES, ObligationStatus.SUBMITTED], code="locked",
            message=_("This report is approved and locked."))
    _expect(obligation, acting_user, EDITABLE_STATUSES, code="already_submitted",
            message=_("This report has already been submitted."))
    _check(can_edit(acting_user, obligation), _("You may not submit this report."), "forbidden")
    _check(
        not is_standalone_consolidation(obligation),
        _("Your agency's own consolidated report is finalised, not submitted."),
        "own_consolidation",
    )
    _check_open(obligation)
    _check_cutoff(obligation, approving=False)
    from .selectors import form_lines

    lines = form_lines(obligation)
    problems = submission_problems(obligation, lines)
    if problems:
        raise ValidationError(problems, code="incomplete")
    flags = validation.line_flags(obligation, lines)
    unexplained = unexplained_problems(obligation, lines, flags)
    if unexplained:
        raise ValidationError([ValidationError(m, code="unexplained_flags") for m in unexplained])
    _bump_version(obligation, version)
    obligation.status = ObligationStatus.SUBMITTED
    obligation.submitted_at = timezone.now()
    obligation.submitted_by = acting_user if acting_user and acting_user.is_authenticated else None
    obligation.return_fields = []
    # What the reporter was warned about, stored under the lock with the submission: the
    # reviewer and the history see these flags even if thresholds or the registry change.
    obligation.submitted_flags = validation.snapshot(lines, flags)
    _by(obligation, acting_user).save()
    audit(actor=acting_user, action="reports.submit", obj=obligation, summary=str(obligation),
          data={"late": obligation.is_late, "flags": obligation.submitted_flags})
    notifications_resolve(obligation=obligation)
    _notify(
        reviewers_of(obligation),
        title=_vi(lambda: _("Report submitted: %(report)s") % {"report": obligation}),
        body=_vi(lambda: _("%(agency)s has submitted its report. Please review it.") % {"agency": obligation.agency}),
        url=obligation.get_absolute_url(),
        obligation=obligation,
        asks=NotificationAsk.REVIEW,
    )
    return obligation


@transaction.atomic
def obligation_return(*, obligation: Obligation, acting_user, reason: str, fields: list[str] | None = None) -> Obligation:
    """Send a submitted report back to its agency with a reason and the fields concerned."""
    obligation = _locked(obligation)
    _expect(obligation, acting_user, [s for s in ObligationStatus.values if s != ObligationStatus.APPROVED],
            code="locked", message=_("This report is approved and locked."))
    _expect(obligation, acting_user, [ObligationStatus.SUBMITTED], code="not_submitted",
            message=_("Only a submitted report can be returned."))
    _check(can_review(acting_user, obligation), _("You may not review this report."), "forbidden")
    _check_separation_of_duties(obligation, acting_user)
    _check(bool((reason or "").strip()), _("Give the reason for returning the report."), "reason_required")
    obligation.status = ObligationStatus.RETURNED
    obligation.return_reason = reason.strip()
    obligation.return_fields = list(fields or [])
    obligation.reviewed_at = timezone.now()
    obligation.reviewed_by = acting_user
    obligation.version += 1
    _by(obligation, acting_user).save()
    audit(
        actor=acting_user,
        action="reports.return",
        obj=obligation,
        summary=obligation.return_reason[:500],
        data={"fields": obligation.return_fields},
    )
    notifications_resolve(obligation=obligation)
    _notify(
        reporters_of(obligation),
        title=_vi(lambda: _("Report returned for correction: %(report)s") % {"report": obligation}),
        body=obligation.return_reason,
        url=obligation.get_absolute_url(),
        obligation=obligation,
        asks=NotificationAsk.SUBMIT,
    )
    return obligation


def _approved_values_changed(obligation: Obligation) -> None:
    """The report entered or left the approved state: its values count (or no longer count)
    in the dashboards' read model of approved values, rewritten in this transaction.
    Returning a report never touches it (only a submitted report can be returned)."""
    from dashboards.services import target_values_refresh

    target_values_refresh(period_id=obligation.period_id, kind=obligation.kind)


@transaction.atomic
def obligation_approve(*, obligation: Obligation, acting_user) -> Obligation:
    """Approve (and lock) a submitted report; an agency's own consolidation is finalised from draft."""
    obligation = _locked(obligation)
    _expect(obligation, acting_user, [s for s in ObligationStatus.values if s != ObligationStatus.APPROVED],
            code="already_approved", message=_("This report is already approved."))
    _check(can_review(acting_user, obligation), _("You may not approve this report."), "forbidden")
    _check_separation_of_duties(obligation, acting_user)
    _check_cutoff(obligation, approving=True)
    if is_standalone_consolidation(obligation):
        problems = submission_problems(obligation)
        if problems:
            raise ValidationError(problems, code="incomplete")
        if not obligation.submitted_at:
            obligation.submitted_at = timezone.now()
            obligation.submitted_by = acting_user
    else:
        _expect(obligation, acting_user, [ObligationStatus.SUBMITTED], code="not_submitted",
                message=_("Only a submitted report can be approved."))
    obligation.status = ObligationStatus.APPROVED
    obligation.reviewed_at = timezone.now()
    obligation.reviewed_by = acting_user
    obligation.return_reason = ""
    obligation.return_fields = []
    obligation.version += 1
    _by(obligation, acting_user).save()
    _approved_values_changed(obligation)
    audit(actor=acting_user, action="reports.approve", obj=obligation, summary=str(obligation))
    notifications_resolve(obligation=obligation)
    if not is_standalone_consolidation(obligation):
        _notify(
            reporters_of(obligation),
            title=_vi(lambda: _("Report approved: %(report)s") % {"report": obligation}),
            body="",
            url=obligation.get_absolute_url(),
            obligation=obligation,
        )
    return obligation


@transaction.atomic
def obligation_reopen(*, obligation: Obligation, acting_user, reason: str) -> Obligation:
    """Unlock an approved report (reviewer only, with a reason kept in the history)."""
    obligation = _locked(obligation)
    _expect(obligation, acting_user, [ObligationStatus.APPROVED], code="not_approved",
            message=_("Only an approved report can be reopened."))
    _check(can_review(acting_user, obligation), _("You may not reopen this report."), "forbidden")
    _check(bool((reason or "").strip()), _("Give the reason for reopening the report."), "reason_required")
    own = is_standalone_consolidation(obligation)
    obligation.status = ObligationStatus.DRAFT if own else ObligationStatus.RETURNED
    obligation.return_reason = reason.strip()
    obligation.return_fields = []
    obligation.reviewed_at = timezone.now()
    obligation.reviewed_by = acting_user
    obligation.version += 1
    _by(obligation, acting_user).save()
    _approved_values_changed(obligation)
    audit(actor=acting_user, action="reports.reopen", obj=obligation, summary=obligation.return_reason[:500])
    if not own:
        _notify(
            reporters_of(obligation),
            title=_vi(lambda: _("Approved report reopened: %(report)s") % {"report": obligation}),
            body=obligation.return_reason,
            url=obligation.get_absolute_url(),
            obligation=obligation,
            asks=NotificationAsk.SUBMIT,
        )
    return obligation


# =========================================================================== attachments
ALLOWED_ATTACHMENTS = {
    # extension: (content type, magic-byte prefixes)
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (b"PK\x03\x04",)),
    "doc": ("application/msword", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    "xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
}


def attachment_check(upload) -> tuple[str, str]:
    """Check an upload before it is stored (core.uploads: size, extension, magic bytes, zip
    bombs, macros, content matching the extension); returns (extension, content type)."""
    ext = uploads.extension(upload.name or "")
    if ext not in ALLOWED_ATTACHMENTS:
        raise ValidationError(
            _("Only PDF, images (PNG, JPEG) and office files (Word, Excel, PowerPoint, OpenDocument) may be attached."),
            code="attachment_type",
        )
    limit = settings.ATTACHMENT_MAX_BYTES
    content_type = uploads.check_upload(
        upload, allowed=tuple(ALLOWED_ATTACHMENTS), max_bytes=limit, max_uncompressed=max(10 * limit, 100 * 1048576)
    )
    return ext, content_type


@transaction.atomic
def attachment_add(*, obligation: Obligation, acting_user, upload) -> Attachment:
    """Attach a checked file to an editable report."""
    obligation = Obligation.objects.select_related("period__requirement").get(pk=obligation.pk)
    _check(obligation.status != ObligationStatus.APPROVED, _("This report is approved and locked."), "locked")
    _check(can_edit(acting_user, obligation), _("You may not edit this report."), "forbidden")
    _ext, content_type = attachment_check(upload)
    att = Attachment(
        obligation=obligation,
        original_name=uploads.safe_display_name(upload.name, 255),
        size=upload.size,
        content_type=content_type,
        uploaded_by=acting_user,
    )
    att.file.save(upload.name, upload, save=False)
    att.save()
    audit(actor=acting_user, action="reports.attach", obj=obligation, summary=att.original_name)
    return att


@transaction.atomic
def attachment_delete(*, attachment: Attachment, acting_user) -> None:
    obligation = Obligation.objects.select_related("period__requirement").get(pk=attachment.obligation_id)
    _check(obligation.status != ObligationStatus.APPROVED, _("This report is approved and locked."), "locked")
    _check(can_edit(acting_user, obligation), _("You may not edit this report."), "forbidden")
    name = attachment.original_name
    stored = attachment.file.name
    attachment.delete()
    storage = Attachment._meta.get_field("file").storage
    transaction.on_commit(lambda: storage.delete(stored) if stored else None)
    audit(actor=acting_user, action="reports.detach", obj=obligation, summary=name)


# =========================================================================== consolidation
def consolidation_source_period(obligation: Obligation) -> ReportingPeriod:
    """The period whose submissions ``obligation`` consolidates.

    An own consolidation consolidates its own period. A requirement that consolidates
    another takes that requirement's latest period lying within its own (seed 002: the
    units' report due 05/12 inside the district's report due 10/12)."""
    period = obligation.period
    req = period.requirement
    if not req.consolidates_id:
        return period
    candidates = ReportingPeriod.objects.filter(requirement_id=req.consolidates_id, end__lte=period.end)
    within = candidates.filter(start__gte=period.start).order_by("-end", "-due_date").first()
    return within or candidates.order_by("-end", "-due_date").first() or period


def consolidation_sources(obligation: Obligation):
    """The reports a consolidation draws on (all of them, whatever their status): the other
    obligations of its source period — the reporters' submissions, or, for a receiver's own
    consolidation of a consolidating requirement, the consolidated reports sent to it."""
    source = consolidation_source_period(obligation)
    return Obligation.objects.filter(period=source).exclude(pk=obligation.pk).select_related("agency", "period")


def combined_values(obligation: Obligation, sources=None) -> dict[int, Decimal | None]:
    """Per target in scope: the approved sources' values combined by the target's rule."""
    sources = list(sources if sources is not None else consolidation_sources(obligation))
    approved = [s.pk for s in sources if s.status == ObligationStatus.APPROVED]
    per_target: dict[int, list] = defaultdict(list)
    for v in ReportedValue.objects.filter(obligation_id__in=approved):
        per_target[v.target_id].append((v.value, v.weight))
    result = {}
    for target in targets_in_scope(_plan_of(obligation).targets.all(), obligation.period):
        pairs = per_target.get(target.pk, [])
        value = combine([p[0] for p in pairs], target.aggregation, [p[1] for p in pairs]) if pairs else None
        # Averages repeat forever (56,333…); the stored value keeps the model's 4 places.
        result[target.pk] = value.quantize(Decimal("0.0001")) if value is not None else None
    return result


@dataclass(frozen=True)
class TaskRollup:
    """A task's status across the consolidated agencies (issue 15): ``done`` of ``total``
    agencies report it done (``label``: "3/8 đơn vị đã hoàn thành")."""

    status: str
    done: int
    total: int
    delayed: int

    @property
    def label(self) -> str:
        return _("%(done)s/%(total)s units have completed it") % {"done": self.done, "total": self.total}


def task_rollup(statuses: list[str], total: int) -> TaskRollup:
    """The consolidated status of one task from the statuses the agencies reported.

    ``total`` is the number of agencies the consolidation draws on (every source report,
    whatever its state): an agency that has not reported, or whose report is not approved,
    has not completed the task. Rule: all ``total`` done → done; any delayed → delayed
    (behind); nothing reported, or every report says not started → not started; otherwise in
    progress. One agency's "done" is never the province's (the observed case: 1 of 8)."""
    total = max(total, len(statuses))
    done = sum(1 for s in statuses if s == TaskStatus.DONE)
    delayed = sum(1 for s in statuses if s == TaskStatus.DELAYED)
    if total and done == total:
        status = TaskStatus.DONE
    elif delayed:
        status = TaskStatus.DELAYED
    elif not statuses or all(s == TaskStatus.NOT_STARTED for s in statuses):
        status = TaskStatus.NOT_STARTED
    else:
        status = TaskStatus.IN_PROGRESS
    return TaskRollup(status, done, total, delayed)


@transaction.atomic
def consolidation_build(*, obligation: Obligation, acting_user, version: int | None = None) -> list[str]:
    """Fill a consolidation from the approved submissions.

    Values: each target combined by its rule (``plans.progress.combine``; weights from the
    submissions for weighted averages). Tasks: a combined status with each agency's account.
    Budget: spending summed per line. Narratives: gathered by section, agency by agency, into
    the sections still empty (text already edited is kept).
    """
    obligation = Obligation.objects.select_related("period__requirement__plan", "agency").get(pk=obligation.pk)
    _check(obligation.kind == ObligationKind.CONSOLIDATION, _("This report is not a consolidation."), "not_consolidation")
    _check(obligation.status != ObligationStatus.APPROVED, _("This report is approved and locked."), "locked")
    _check(can_edit(acting_user, obligation), _("You may not edit this report."), "forbidden")
    _check_open(obligation)
    sources = [s for s in consolidation_sources(obligation) if s.status == ObligationStatus.APPROVED]
    _check(bool(sources), _("No submission has been approved yet, so there is nothing to consolidate."), "no_sources")
    values = combined_values(obligation, sources)
    ids = [s.pk for s in sources]
    tasks: dict[int, list] = defaultdict(list)
    for p in TaskProgress.objects.filter(obligation_id__in=ids).select_related("obligation__agency").order_by("obligation__agency__name"):
        tasks[p.task_id].append(p)
    spending: dict[int, Decimal] = defaultdict(Decimal)
    for s in BudgetSpending.objects.filter(obligation_id__in=ids, amount__isnull=False):
        spending[s.budget_line_id] += s.amount
    total = len(list(consolidation_sources(obligation)))  # every agency drawn on, approved or not
    rollups = {tid: task_rollup([p.status for p in rows], total) for tid, rows in tasks.items()}
    data: dict = {
        "values": {tid: {"value": v} for tid, v in values.items()},
        "tasks": {
            tid: {
                "status": rollups[tid].status,
                "account": "\n".join(
                    [_vi(lambda r=rollups[tid]: r.label) + "."]
                    + [f"- {p.obligation.agency}: {p.account}" for p in rows if p.account.strip()]
                ),
            }
            for tid, rows in tasks.items()
        },
        "spending": dict(spending),
    }
    for name in NARRATIVE_FIELDS:
        if not getattr(obligation, name).strip():
            gathered = "\n\n".join(f"{s.agency}:\n{getattr(s, name).strip()}" for s in sources if getattr(s, name).strip())
            data[name] = gathered
    _bump_version(obligation, version)
    changed = _write_content(obligation, data, acting_user)
    if obligation.status == ObligationStatus.NOT_STARTED:
        obligation.status = ObligationStatus.DRAFT
    _by(obligation, acting_user).save()
    audit(
        actor=acting_user,
        action="reports.consolidate",
        obj=obligation,
        summary=f"{len(sources)} submissions",
        data={"sources": ids, "changed": changed},
    )
    return changed


# =========================================================================== notifications centre
def notifications_mark_read(*, user, ids=None) -> int:
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())


# =========================================================================== reminders
def _reminder_text(obligation: Obligation, kind: str, day: date) -> tuple[str, str]:
    due = obligation.period.due_date
    params = {
        "report": obligation.period.label,
        "plan": obligation.period.requirement.plan.short_title,
        "agency": obligation.agency.name,
        "due": due.strftime("%d/%m/%Y"),
        "days": abs((due - day).days),
    }
    if kind == ReminderKind.BEFORE:
        return (
            _("Reminder: report %(report)s due on %(due)s") % params,
            _("%(agency)s: the report %(report)s on “%(plan)s” is due on %(due)s, in %(days)s days.") % params,
        )
    if kind == ReminderKind.DUE_TODAY:
        return (
            _("Due today: report %(report)s") % params,
            _("%(agency)s: the report %(report)s on “%(plan)s” is due today (%(due)s).") % params,
        )
    if kind == ReminderKind.OVERDUE:
        return (
            _("Overdue: report %(report)s (due %(due)s)") % params,
            _("%(agency)s: the report %(report)s on “%(plan)s” was due on %(due)s and is %(days)s days late.") % params,
        )
    if kind == ReminderKind.RETURNED:
        return (
            _("Returned report waiting for correction: %(report)s") % params,
            _("%(agency)s: the report %(report)s was returned for correction and has not been submitted again.") % params,
        )
    if kind == ReminderKind.REVIEW_WAITING:
        return (
            _("Report waiting for your review: %(report)s") % params,
            _("%(agency)s submitted the report %(report)s on “%(plan)s”; it is waiting for review.") % params,
        )
    return (
        _("Reminder: report %(report)s") % params,
        _("%(agency)s: please complete and submit the report %(report)s on “%(plan)s” (due %(due)s).") % params,
    )


def reminder_send(*, obligation: Obligation, kind: str, acting_user=None, day: date | None = None) -> bool:
    """Send one reminder, exactly once per obligation, kind and day.

    The ``ReminderLog`` row (unique on obligation/kind/day) is written in the same
    transaction as the in-portal notifications; a second call the same day — beat firing
    twice, a retried task, a double click — hits the unique constraint and sends nothing.
    E-mail leaves after the commit. Returns True when this call sent the reminder.
    """
    day = day or timezone.localdate()
    obligation = Obligation.objects.select_related("period__requirement__plan", "agency").get(pk=obligation.pk)
    if kind not in ReminderKind.values:
        raise ValidationError(_("Unknown kind of reminder."), code="reminder_kind")
    if kind == ReminderKind.REVIEW_WAITING:
        to, cc = reviewers_of(obligation), []
    elif kind == ReminderKind.OVERDUE:
        to, cc = reporters_of(obligation), reviewers_of(obligation)
    else:
        to, cc = reporters_of(obligation), []
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReminderLog.objects.create(
                    obligation=obligation,
                    kind=kind,
                    day=day,
                    recipients=[u.pk for u in [*to, *cc]],
                    sent_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
                )
        except IntegrityError:
            return False
        title, body = _vi(lambda: _reminder_text(obligation, kind, day))
        asks = NotificationAsk.REVIEW if kind == ReminderKind.REVIEW_WAITING else NotificationAsk.SUBMIT
        _notify(to, title=title, body=body, url=obligation.get_absolute_url(), cc=cc, obligation=obligation, asks=asks)
        if kind == ReminderKind.OVERDUE:
            Obligation.objects.filter(pk=obligation.pk).update(escalation_rounds=F("escalation_rounds") + 1)
        if kind == ReminderKind.MANUAL:
            audit(actor=acting_user, action="reports.remind", obj=obligation, summary=title)
    return True


def _active_obligations(day: date):
    """Obligations of plans still being reported on. An agency's own consolidation is left
    out: it has no reviewer to copy, and its planners already get the submissions' notices."""
    plan = "period__requirement__plan"
    return (
        Obligation.objects.filter(
            in_force_q(plan),
            **{f"{plan}__period_end__gte": day - timedelta(days=PLAN_END_GRACE_DAYS)},
            period__requirement__active=True,
        )
        .exclude(
            kind=ObligationKind.CONSOLIDATION,
            period__requirement__consolidates__isnull=True,
            agency_id=F("period__requirement__receiver_id"),
        )
        .select_related("period__requirement__plan", "agency")
    )


def _last_sent(obligation_ids, kind: str) -> dict[int, date]:
    rows = ReminderLog.objects.filter(obligation_id__in=obligation_ids, kind=kind).values("obligation_id").annotate(last=Max("day"))
    return {r["obligation_id"]: r["last"] for r in rows}


def _offsets(requirement) -> list[int]:
    try:
        return requirement.reminder_offset_list or list(settings.REMINDER_DEFAULT_OFFSETS)
    except ValueError:
        return list(settings.REMINDER_DEFAULT_OFFSETS)


def reminders_send_due(*, day: date | None = None) -> dict[str, int]:
    """The daily reminders: N days before, on the day, returned reports, waiting reviews.

    Safe at any time and any number of times a day (``reminder_send`` is exactly-once).
    Returned reports and waiting reviews are reminded every ``ESCALATION_EVERY_DAYS`` days
    counted from the last reminder of that kind, so a missed day catches up.
    """
    day = day or timezone.localdate()
    every = settings.ESCALATION_EVERY_DAYS
    counts = defaultdict(int)
    base = _active_obligations(day)
    upcoming = base.filter(status__in=OPEN_STATUSES, period__due_date__gte=day, period__due_date__lte=day + timedelta(days=90))
    for ob in upcoming:
        delta = (ob.period.due_date - day).days
        kind = ReminderKind.DUE_TODAY if delta == 0 else ReminderKind.BEFORE if delta in _offsets(ob.period.requirement) else None
        if kind and reminder_send(obligation=ob, kind=kind, day=day):
            counts[kind] += 1
    returned = list(base.filter(status=ObligationStatus.RETURNED, reviewed_at__isnull=False))
    last = _last_sent([o.pk for o in returned], ReminderKind.RETURNED)
    for ob in returned:
        since = last.get(ob.pk) or timezone.localtime(ob.reviewed_at).date()
        if (day - since).days >= every and reminder_send(obligation=ob, kind=ReminderKind.RETURNED, day=day):
            counts[ReminderKind.RETURNED] += 1
    waiting = list(base.filter(status=ObligationStatus.SUBMITTED, submitted_at__isnull=False))
    last = _last_sent([o.pk for o in waiting], ReminderKind.REVIEW_WAITING)
    for ob in waiting:
        submitted = timezone.localtime(ob.submitted_at).date()
        if (day - submitted).days <= REVIEW_WAITING_DAYS:  # "waiting more than 3 days"
            continue
        if ob.pk in last and (day - last[ob.pk]).days < every:
            continue
        if reminder_send(obligation=ob, kind=ReminderKind.REVIEW_WAITING, day=day):
            counts[ReminderKind.REVIEW_WAITING] += 1
    return dict(counts)


def overdue_escalate(*, day: date | None = None) -> int:
    """Overdue reports: every ``ESCALATION_EVERY_DAYS`` days, reporters with the reviewer
    copied, until ``ESCALATION_MAX_ROUNDS`` rounds or the plan is closed (it then leaves
    ``in_force``)."""
    day = day or timezone.localdate()
    every = settings.ESCALATION_EVERY_DAYS
    overdue = list(
        _active_obligations(day).filter(
            status__in=(ObligationStatus.NOT_STARTED, ObligationStatus.DRAFT),
            period__due_date__lt=day,
            escalation_rounds__lt=settings.ESCALATION_MAX_ROUNDS,
        )
    )
    last = _last_sent([o.pk for o in overdue], ReminderKind.OVERDUE)
    sent = 0
    for ob in overdue:
        if ob.pk in last and (day - last[ob.pk]).days < every:
            continue
        if reminder_send(obligation=ob, kind=ReminderKind.OVERDUE, day=day):
            sent += 1
    return sent


def plan_is_closed(plan: Plan) -> bool:
    return plan.status in (PlanStatus.CLOSED, PlanStatus.SUPERSEDED)



# --------------------------------------------------------------------------- offline Excel form uploads
# Issue 12: the request stores the file and records an ``ExcelUpload`` "uploaded"; the task
# ``reports.tasks.read_excel_upload`` reads it (openpyxl in a limited child process,
# ``core.sandbox``) and keeps what it holds in the row; applying it is a draft save in one
# transaction (the report locked, its version checked). Audit rows name the upload (the report's
# history shows the draft save itself, "reports.save").


def excel_upload_create(*, obligation: Obligation, acting_user, upload) -> ExcelUpload:
    """Store a filled form that passed the file checks (``ExcelUploadForm``) and queue its
    reading after commit; a broker outage leaves it "uploaded" for the sweep."""
    from core.dispatch import dispatch

    from .tasks import read_excel_upload

    _check(can_edit(acting_user, obligation), _("You may not edit this report."), "forbidden")
    with transaction.atomic():
        row = ExcelUpload(
            obligation=obligation,
            uploaded_by=acting_user,
            original_name=uploads.safe_display_name(getattr(upload, "name", "") or "form.xlsx")[:255],
        )
        upload.seek(0)
        row.file.save("form.xlsx", upload, save=False)
        row.save()
        audit(actor=acting_user, action="reports.excel_upload", obj=row, summary=row.original_name)
        dispatch(read_excel_upload, row.pk)
    return row


def excel_parse_timeout() -> int:
    return int(getattr(settings, "REPORT_FORM_PARSE_TIMEOUT_SECONDS", 60))


def excel_upload_read(*, upload_id: int) -> ExcelUpload | None:
    """The task's work: claim an "uploaded" row ("reading"), read the form's sheets in a child
    process under ``UPLOAD_PARSE_MEMORY_BYTES`` and ``REPORT_FORM_PARSE_TIMEOUT_SECONDS``, check
    them against the report (``excel.read_cells``) and store data, version and problems ("read")
    or the reason ("failed", in Vietnamese, naming the limit). None when the row was no longer
    "uploaded" (a second delivery, a discarded upload)."""
    from core import sandbox

    from . import excel
    from .selectors import form_lines

    Status = ExcelUpload.Status
    if not ExcelUpload.objects.filter(pk=upload_id, status=Status.UPLOADED).update(
        status=Status.READING, message="", modified=timezone.now()
    ):
        return None
    row = ExcelUpload.objects.select_related("obligation", "uploaded_by").get(pk=upload_id)
    fields = {}
    with translation.override(settings.LANGUAGE_CODE):
        try:
            payload = sandbox.run_parser(
                "reports.excel_cells.read_sheets",
                row.file.path,
                list(excel.FORM_SHEETS),
                excel._max_rows(),
                timeout=excel_parse_timeout(),
            )
        except sandbox.ParseFailed as exc:
            fields = {"status": Status.FAILED, "message": exc.message}
        else:
            data, version, problems = excel.read_cells(payload, obligation=row.obligation, lines=form_lines(row.obligation))
            fields = {"status": Status.READ, "data": excel.data_to_json(data) if data else {}, "version": version,
                      "problems": problems}  # fmt: skip
    with transaction.atomic():
        if ExcelUpload.objects.filter(pk=upload_id, status=Status.READING).update(modified=timezone.now(), **fields):
            audit(actor=row.uploaded_by, action=f"reports.excel_{fields['status']}", obj=row, summary=row.original_name)
    row.refresh_from_db()
    return row


def excel_upload_retry(*, upload: ExcelUpload, acting_user) -> bool:
    """Read again a form whose reading failed: back to "uploaded", the task sent after commit.
    False when it is no longer failed (a double click)."""
    from core.dispatch import dispatch

    from .tasks import read_excel_upload

    _check(upload.status == ExcelUpload.Status.FAILED, _("Only a file that could not be read can be read again."), "not_failed")
    _check(can_edit(acting_user, upload.obligation), _("You may not edit this report."), "forbidden")
    with transaction.atomic():
        if not ExcelUpload.objects.filter(pk=upload.pk, status=ExcelUpload.Status.FAILED).update(
            status=ExcelUpload.Status.UPLOADED, message="", modified=timezone.now()
        ):
            return False
        audit(actor=acting_user, action="reports.excel_retry", obj=upload, summary=upload.original_name)
        dispatch(read_excel_upload, upload.pk)
    return True


@transaction.atomic
def excel_upload_apply(*, upload: ExcelUpload, acting_user) -> list[str]:
    """Save what a read form holds as the report's draft, once: the upload row is locked and
    must be "read" without problems; ``obligation_save_draft`` locks the report and checks the
    version the form was downloaded at (someone saving meanwhile makes this a ``StaleVersion``)."""
    from . import excel

    row = ExcelUpload.objects.select_for_update().get(pk=upload.pk)
    _check(row.status != ExcelUpload.Status.APPLIED, _("These values have already been saved."), "applied")
    _check(row.can_apply, _("Upload the form again: the preview has expired."), "not_read")
    changed = obligation_save_draft(
        obligation=row.obligation, acting_user=acting_user, version=row.version, data=excel.data_from_json(row.data)
    )
    row.status = ExcelUpload.Status.APPLIED
    row.save(update_fields=["status", "modified"])
    return changed


@transaction.atomic
def excel_upload_discard(*, upload: ExcelUpload, acting_user) -> None:
    """Forget an upload not saved (its stored file is deleted after commit)."""
    row = ExcelUpload.objects.select_for_update().get(pk=upload.pk)
    _check(row.status != ExcelUpload.Status.APPLIED, _("These values have already been saved."), "applied")
    audit(actor=acting_user, action="reports.excel_discard", obj=row, summary=row.original_name)
    stored, storage = row.file.name, row.file.storage
    row.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


def excel_uploads_sweep(*, now) -> dict:
    """For ``core.dispatch.sweep`` (``core.dispatch.sweep_uploads``): forms still "uploaded" are
    sent again; a form "reading" for ``PLANIMPORT_STUCK_SECONDS`` becomes "failed"."""
    from core.dispatch import sweep_uploads

    from .tasks import read_excel_upload

    with translation.override(settings.LANGUAGE_CODE):
        message = _("The reading was interrupted (the background worker stopped). You can read the file again.")
    return sweep_uploads(
        ExcelUpload,
        now=now,
        task=read_excel_upload,
        stuck_seconds=int(getattr(settings, "PLANIMPORT_STUCK_SECONDS", 600)),
        message=message,
        audit_action="reports.excel_interrupted",
    )
