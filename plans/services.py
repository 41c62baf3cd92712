"""Writes on plans: create/update with every inline collection, and the status workflow.

Every function takes keyword-only arguments and an ``acting_user``, validates with
``full_clean()`` before saving, runs in one transaction (nothing half-saved) and writes an
audit row (``core.audit.audit``) in that transaction. Illegal transitions raise
``ValidationError`` with a translated message.

Frozen plans — issued, closed or superseded, without an open amendment — refuse content
changes here, not only in the views, so no caller (view, import, script) can bypass it.

Collections are passed as lists of row dicts (the shape of a formset's ``cleaned_data``):
model field names, plus optional ``id`` (an instance or pk of an existing row of this
plan), ``DELETE`` (remove that row) and ``ref`` (a name other rows of the same call use to
point at it: a task's ``targets``, a budget line's ``task``, a requirement's
``consolidates`` may be given as ref strings). Rows are ordered as given. A collection
left as ``None`` in ``plan_update`` is not touched.
"""

import calendar
import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from core import transitions
from core.audit import audit
from core.text import fold, nfc, shorten
from directory.models import Agency

from .models import (
    BudgetLine,
    LegalBasis,
    Plan,
    PlanAmendment,
    PlanSection,
    PlanStatus,
    PlanTarget,
    PlanTask,
    ReportingRequirement,
    Responsibility,
)

# Header fields a caller may set through plan_create / plan_update (workflow fields are
# set only by the workflow services below).
HEADER_FIELDS = (
    "issuer",
    "issuer_text",
    "number",
    "symbol",
    "place",
    "issue_date",
    "document_year",
    "title",
    "kind",
    "period_start",
    "period_end",
    "implements_plan",
    "implements_reference",
    "preamble",
    "signer_authority",
    "signer_title",
    "signer_name",
    "signer_user",
    "recipients",
    "in_force",
)

# (collection name, model, many-to-many fields, fields pointing at sibling rows -> collection)
COLLECTIONS: tuple[tuple[str, type[models.Model], tuple[str, ...], dict[str, str]], ...] = (
    ("legal_bases", LegalBasis, (), {}),
    ("sections", PlanSection, (), {}),
    ("targets", PlanTarget, (), {}),
    ("tasks", PlanTask, ("coordinating_agencies", "targets"), {"targets": "targets"}),
    ("budget_lines", BudgetLine, (), {"task": "tasks"}),
    ("responsibilities", Responsibility, (), {}),
    ("reporting_requirements", ReportingRequirement, ("reporters",), {"consolidates": "reporting_requirements"}),
)
COLLECTION_NAMES = tuple(c[0] for c in COLLECTIONS)
_ROW_META_KEYS = ("id", "DELETE", "ref", "plan", "ORDER")


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------
def plan_search_text(plan: Plan) -> str:
    """The folded text the list's search runs on: title, number/symbol, issuer names."""
    issuer_name = plan.issuer.name if plan.issuer_id else ""
    parts = [plan.title, plan.reference, plan.symbol, str(plan.number or ""), issuer_name, plan.issuer_text]
    return fold(" ".join(p for p in parts if p))


def plan_write_check(*, acting_user, issuer_id: int | None) -> None:
    """Defence in depth (issue 12): the services apply the permission table's plan-write rule
    themselves instead of trusting every caller to have checked it.

    ``acting_user`` ``None`` is the system (the demo loader, scripts, the daily job): no check.
    Otherwise the user must be an active planner whose agency, an agency it succeeded or their
    governing body issued the plan (``plans.selectors.plan_writer_issuer_ids``, the rule of
    ``plan_can_edit``), or an administrator; else ``PermissionDenied`` (a 403 from a view) before
    anything is written. A missing issuer (an import without one) is refused likewise: the
    form requires one, so only a caller that skipped it gets here."""
    if acting_user is None or getattr(acting_user, "is_superuser", False):
        return
    from directory.models import Role

    from .selectors import plan_writer_issuer_ids

    if (
        not getattr(acting_user, "is_authenticated", False)
        or not acting_user.is_active
        or not acting_user.has_role(Role.PLANNER)
        or issuer_id is None
        or issuer_id not in plan_writer_issuer_ids(acting_user)
    ):
        raise PermissionDenied(_("You may not change this plan: plans are written by the planners of their issuing agency."))


def _issuer_id(value) -> int | None:
    """The id of a header's ``issuer`` value (an Agency, an id or None)."""
    if value is None or value == "":
        return None
    return value.pk if isinstance(value, models.Model) else int(value)


def plan_has_open_amendment(plan: Plan) -> bool:
    return plan.amendments.filter(open=True).exists()


def plan_is_editable(plan: Plan) -> bool:
    """Drafts are editable; other plans only while an amendment is open."""
    if plan.status == PlanStatus.DRAFT:
        return True
    return plan.status == PlanStatus.ISSUED and plan_has_open_amendment(plan)


def _assert_editable(plan: Plan) -> None:
    if not plan_is_editable(plan):
        raise ValidationError(
            _("This plan is %(status)s: its content is frozen. Open an amendment with a reason to change it."),
            code="frozen",
            params={"status": plan.get_status_display().lower()},
        )


def _clean_text(value):
    return nfc(value).strip() if isinstance(value, str) else value


def _save_plan(plan: Plan, *, reason: str = "") -> None:
    plan.search_text = plan_search_text(plan)
    if plan.pk:
        plan.version += 1  # callers hold the row lock (_lock), so this is the next version
    plan.full_clean()
    if reason:
        # Kept by django-simple-history with the history row (its column holds 100 chars).
        plan._change_reason = reason[:100]
    plan.save()


def _resolve(value, refs: dict, collection: str):
    """A sibling reference given as a ref string becomes the row saved under that ref."""
    if isinstance(value, str) and value:
        try:
            return refs[(collection, value)]
        except KeyError:
            raise ValidationError(
                _("Unknown reference %(ref)s."), code="unknown_ref", params={"ref": value}
            ) from None
    return value


# ---------------------------------------------------------------------------
# rows that reports answered are records
# ---------------------------------------------------------------------------
class RowsInUse(ValidationError):
    """Rows marked for removal that reports refer to; nothing was changed.

    ``rows`` lists (collection name, row pk, message) so a page can put each message on the
    row it concerns.
    """

    def __init__(self, rows: list[tuple[str, int, str]]):
        super().__init__([message for _c, _pk, message in rows], code="row_in_use")
        self.rows = rows


def _reports_kept_for(name: str, instance) -> int:
    """(how many reports a removal of ``instance`` would damage, what they are), see docs/reporting.md.

    A target, task or budget line is kept by every report that was submitted (submitted,
    returned or approved) and holds an entry for it; a reporting requirement by every report
    of its periods that someone has started (draft or later), since removing it removes the
    reports themselves.
    """
    from reports.models import Obligation, ObligationStatus

    submitted = (ObligationStatus.SUBMITTED, ObligationStatus.RETURNED, ObligationStatus.APPROVED)
    if name == "targets":
        qs = Obligation.objects.filter(values__target=instance, status__in=submitted)
    elif name == "tasks":
        qs = Obligation.objects.filter(task_progress__task=instance, status__in=submitted)
    elif name == "budget_lines":
        qs = Obligation.objects.filter(spending__budget_line=instance, status__in=submitted)
    elif name == "reporting_requirements":
        qs = Obligation.objects.filter(period__requirement=instance).exclude(status=ObligationStatus.NOT_STARTED)
    else:
        return 0
    return qs.distinct().count()


_IN_USE_MESSAGES = {
    "targets": lambda row, n: _(
        "The target “%(row)s” cannot be removed: %(n)d submitted or approved reports hold a value for it. "
        "Keep the row (its values stay part of those reports)."
    ) % {"row": row, "n": n},
    "tasks": lambda row, n: _(
        "The task “%(row)s” cannot be removed: %(n)d submitted or approved reports account for it. "
        "Keep the row (their accounts stay part of those reports)."
    ) % {"row": row, "n": n},
    "budget_lines": lambda row, n: _(
        "The budget line “%(row)s” cannot be removed: %(n)d submitted or approved reports record spending on it. "
        "Keep the row."
    ) % {"row": row, "n": n},
    "reporting_requirements": lambda row, n: _(
        "The reporting requirement “%(row)s” cannot be removed: %(n)d reports have been written for it. "
        "Untick “active” instead: no new periods are generated and the reports are kept."
    ) % {"row": row, "n": n},
}


def _row_label(instance) -> str:
    text = str(instance) or f"#{instance.pk}"
    return shorten(text, 80)


def _check_removals(plan: Plan, collections: dict) -> None:
    """Refuse (before anything is written) to remove rows that reports answered."""
    if not plan.pk:
        return
    refused = []
    for name, rows in collections.items():
        if rows is None or name not in _IN_USE_MESSAGES:
            continue
        manager = getattr(plan, name)
        for raw in rows:
            if not raw or not raw.get("DELETE") or raw.get("id") is None:
                continue
            instance = raw["id"]
            if not isinstance(instance, models.Model):
                instance = manager.filter(pk=int(instance)).first()
            if instance is None or instance.plan_id != plan.pk:
                continue  # _save_collection refuses foreign rows
            count = _reports_kept_for(name, instance)
            if count:
                refused.append((name, instance.pk, _IN_USE_MESSAGES[name](_row_label(instance), count)))
    if refused:
        raise RowsInUse(refused)


def _remove_row(plan: Plan, name: str, instance, acting_user) -> None:
    """Delete one row (checked by ``_check_removals``) with its own audit row.

    Entries of reports still being written (not started, draft) for that row go with it;
    the reports themselves stay. The database refuses (``on_delete=RESTRICT``) to delete a
    target, task or budget line that any report entry still points to, so no other path
    can remove them silently.
    """
    from reports.models import BudgetSpending, ReportedValue, TaskProgress

    dropped = 0
    if name == "targets":
        dropped = ReportedValue.objects.filter(target=instance).delete()[0]
    elif name == "tasks":
        dropped = TaskProgress.objects.filter(task=instance).delete()[0]
    elif name == "budget_lines":
        dropped = BudgetSpending.objects.filter(budget_line=instance).delete()[0]
    audit(
        actor=acting_user,
        action="plan.row_remove",
        obj=plan,
        summary=f"{name}: {_row_label(instance)}",
        data={"collection": name, "row": instance.pk, "text": str(instance)[:500], "draft_entries_removed": dropped},
    )
    instance.delete()


def _save_collection(plan: Plan, name: str, rows: Iterable[dict], refs: dict, deferred: list, acting_user=None) -> None:
    """Create, update and delete the rows of one collection (see the module docstring)."""
    _name, model, m2m_fields, sibling_fields = next(c for c in COLLECTIONS if c[0] == name)
    manager = getattr(plan, name)
    existing = {obj.pk: obj for obj in manager.all()} if plan.pk else {}
    position = 0
    for raw in rows:
        if not raw:
            continue  # an untouched extra form of a formset
        row = dict(raw)
        instance = row.pop("id", None)
        delete = row.pop("DELETE", False)
        ref = row.pop("ref", None)
        row.pop("plan", None)
        row.pop("ORDER", None)
        if instance is not None and not isinstance(instance, models.Model):
            instance = existing.get(int(instance))
            if instance is None:
                raise ValidationError(_("A row does not belong to this plan."), code="foreign_row")
        if instance is not None and instance.pk not in existing:
            raise ValidationError(_("A row does not belong to this plan."), code="foreign_row")
        if delete:
            if instance is not None:
                _remove_row(plan, name, instance, acting_user)
            continue
        m2m = {f: row.pop(f) for f in m2m_fields if f in row}
        late = {}
        for field, collection in sibling_fields.items():
            if field in m2m or field not in row:
                continue
            value = row[field]
            if isinstance(value, str) and value and (collection, value) not in refs and collection == name:
                late[field] = value  # points at a row later in the same collection
                row[field] = None
            else:
                row[field] = _resolve(value, refs, collection)
        obj = instance or model(plan=plan)
        obj.plan = plan
        for field, value in row.items():
            setattr(obj, field, _clean_text(value))
        if "order" not in row:
            obj.order = position
        position += 1
        obj.full_clean()
        obj.save()
        for field, values in m2m.items():
            collection = sibling_fields.get(field)
            resolved = [_resolve(v, refs, collection) if collection else v for v in (values or [])]
            getattr(obj, field).set(resolved)
        if ref:
            refs[(name, ref)] = obj
        if late:
            deferred.append((obj, late, name))


def _save_collections(plan: Plan, collections: dict, acting_user=None) -> None:
    _check_removals(plan, collections)
    refs: dict = {}
    deferred: list = []
    for name in COLLECTION_NAMES:
        rows = collections.get(name)
        if rows is not None:
            _save_collection(plan, name, rows, refs, deferred, acting_user)
    for obj, late, collection in deferred:
        for field, value in late.items():
            setattr(obj, field, _resolve(value, refs, collection))
        obj.full_clean()
        obj.save()
    # Targets are checked against the plan's (possibly new) period once more, because a
    # header change can move the period away from targets that were not resubmitted.
    for target in plan.targets.all():
        target.plan = plan
        target.full_clean()


def _apply_header(plan: Plan, data: dict) -> None:
    unknown = set(data) - set(HEADER_FIELDS)
    if unknown:
        raise ValueError(f"not header fields: {sorted(unknown)}")
    for field, value in data.items():
        setattr(plan, field, _clean_text(value))
    if plan.issue_date and not plan.document_year:
        plan.document_year = plan.issue_date.year


# ---------------------------------------------------------------------------
# create / update
# ---------------------------------------------------------------------------
@transaction.atomic
def plan_create(*, acting_user, data: dict, **collections) -> Plan:
    """Create a draft plan with its header ``data`` and any inline collections."""
    bad = set(collections) - set(COLLECTION_NAMES)
    if bad:
        raise ValueError(f"unknown collections: {sorted(bad)}")
    plan_write_check(acting_user=acting_user, issuer_id=_issuer_id(data.get("issuer")))
    plan = Plan(status=PlanStatus.DRAFT)
    if getattr(acting_user, "is_authenticated", False):
        plan.created_by = acting_user
    _apply_header(plan, data)
    _save_plan(plan, reason=_("Created"))
    _save_collections(plan, collections, acting_user)
    audit(actor=acting_user, action="plan.create", obj=plan, summary=plan.short_title)
    return plan


@transaction.atomic
def plan_update(
    *, plan: Plan, acting_user, data: dict | None = None, version: int | None = None, **collections
) -> Plan:
    """Change a draft (or an issued plan under an open amendment): header and collections.

    ``version`` is the plan version the edit form was opened on (optimistic locking): when the
    plan was saved since, ``core.transitions.StaleEdit`` is raised and nothing is written.
    """
    bad = set(collections) - set(COLLECTION_NAMES)
    if bad:
        raise ValueError(f"unknown collections: {sorted(bad)}")
    # Reload under a row lock: the caller's instance may carry a form's unsaved changes,
    # and the frozen check must see the status as it is in the database now.
    plan = _lock(plan)
    plan_write_check(acting_user=acting_user, issuer_id=plan.issuer_id)
    if data and "issuer" in data:
        # Moving a plan to another issuer needs the right to write that issuer's plans too.
        plan_write_check(acting_user=acting_user, issuer_id=_issuer_id(data.get("issuer")))
    _assert_editable(plan)
    if version is not None and version != plan.version:
        raise transitions.StaleEdit(plan, version)
    if data:
        if plan.status != PlanStatus.DRAFT:
            # An amendment changes content; it cannot take the plan back to a draft.
            data = {k: v for k, v in data.items() if k != "in_force"}
        _apply_header(plan, data)
    amendment = plan.amendments.filter(open=True).first()
    reason = _("Amendment: %(reason)s") % {"reason": amendment.reason} if amendment else _("Edited")
    _save_plan(plan, reason=reason)
    _save_collections(plan, collections, acting_user)
    audit(
        actor=acting_user,
        action="plan.update",
        obj=plan,
        summary=plan.short_title,
        data={"amendment": amendment.pk if amendment else None, "collections": sorted(k for k, v in collections.items() if v is not None)},
    )
    return plan


# ---------------------------------------------------------------------------
# workflow
# ---------------------------------------------------------------------------
def _lock(plan: Plan) -> Plan:
    """The plan re-read under a row lock (``core.transitions.lock``, only the plan's row)."""
    return transitions.lock(Plan.objects.select_related("issuer"), pk=plan.pk)


def _register_own_number(plan: Plan, acting_user) -> None:
    """Check the plan's number and date against its issuer's register and enter them there.

    The issuer's row is locked first, so two plans issued at once with the same number
    queue and the second is refused with a message (not a database error). A plan issued
    through the portal's signing already has its register entry; it is kept.
    """
    from documents.services import register_record

    from .selectors import plan_issue_refusals

    if not plan.issuer_id:
        return  # an issuer known only by name has no register in the portal
    Agency.objects.select_for_update().filter(pk=plan.issuer_id).first()
    refusals = plan_issue_refusals(plan=plan, number=plan.number, day=plan.issue_date)
    if refusals:
        raise ValidationError({name: ValidationError(message, code="register") for name, message in refusals.items()})
    register_record(
        agency=plan.issuer, number=plan.number, symbol=plan.symbol or "", day=plan.issue_date, source=plan,
        acting_user=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )


@transaction.atomic
def plan_issue(
    *,
    plan: Plan,
    acting_user,
    number: int | None = None,
    issue_date: datetime.date | None = None,
    registered_by_clerk: bool = False,
) -> Plan:
    """Draft → issued. Needs a number and an issue date; the content is frozen afterwards.

    ``registered_by_clerk``: the văn thư issues the plan by registering the document that the
    issuer's planner sent for signing and a leader signed, or a file the issuing agency's leader
    signed elsewhere (``documents.services``, which checked the sender, the leader and the
    clerk's agency); the clerk is not a planner."""
    plan = _lock(plan)
    if not registered_by_clerk:
        plan_write_check(acting_user=acting_user, issuer_id=plan.issuer_id)
    transitions.expect(plan, [PlanStatus.DRAFT], message=_("Only a draft can be issued."), code="not_draft")
    if number is not None:
        plan.number = number
    if issue_date is not None:
        plan.issue_date = issue_date
    errors = {}
    if not plan.number:
        errors["number"] = ValidationError(_("An issued plan needs a number."), code="number_required")
    if not plan.issue_date:
        errors["issue_date"] = ValidationError(_("An issued plan needs an issue date."), code="date_required")
    if errors:
        raise ValidationError(errors)
    _register_own_number(plan, acting_user)
    plan.document_year = plan.issue_date.year
    plan.status = PlanStatus.ISSUED
    plan.in_force = False  # issued now: the flag for number-less copies no longer applies
    plan.issued_at = timezone.now()
    _save_plan(plan, reason=_("Issued"))
    audit(actor=acting_user, action="plan.issue", obj=plan, summary=plan.reference)
    return plan


@transaction.atomic
def plan_amendment_open(*, plan: Plan, acting_user, reason: str) -> PlanAmendment:
    """Open an amendment (with its reason) so an issued plan can be edited."""
    plan = _lock(plan)
    plan_write_check(acting_user=acting_user, issuer_id=plan.issuer_id)
    reason = (reason or "").strip()
    if plan.status != PlanStatus.ISSUED:
        raise ValidationError(_("Only an issued plan can be amended."), code="not_issued")
    if not reason:
        raise ValidationError({"reason": ValidationError(_("Give the reason for the amendment."), code="reason_required")})
    if plan.amendments.filter(open=True).exists():
        raise ValidationError(_("An amendment is already open."), code="amendment_open")
    amendment = PlanAmendment(plan=plan, reason=nfc(reason), open=True)
    if getattr(acting_user, "is_authenticated", False):
        amendment.by = acting_user
    # ``by`` may be empty for system actions (scripts, the demo loader).
    amendment.full_clean(exclude=["by"])
    amendment.save()
    plan._change_reason = (_("Amendment opened: %(reason)s") % {"reason": amendment.reason})[:100]
    plan.save(update_fields=["modified"])
    audit(actor=acting_user, action="plan.amendment_open", obj=plan, summary=amendment.reason, data={"amendment": amendment.pk})
    return amendment


@transaction.atomic
def plan_amendment_close(*, plan: Plan, acting_user) -> PlanAmendment:
    """Close the open amendment: the plan is frozen again."""
    plan = _lock(plan)
    plan_write_check(acting_user=acting_user, issuer_id=plan.issuer_id)
    amendment = plan.amendments.filter(open=True).first()
    if amendment is None:
        raise ValidationError(_("There is no open amendment."), code="no_amendment")
    amendment.open = False
    amendment.save(update_fields=["open"])
    plan._change_reason = (_("Amendment closed: %(reason)s") % {"reason": amendment.reason})[:100]
    plan.save(update_fields=["modified"])
    audit(actor=acting_user, action="plan.amendment_close", obj=plan, summary=amendment.reason, data={"amendment": amendment.pk})
    return amendment


@transaction.atomic
def plan_close(*, plan: Plan, acting_user) -> Plan:
    """Issued → closed (the plan has been carried out or its period is over)."""
    plan = _lock(plan)
    plan_write_check(acting_user=acting_user, issuer_id=plan.issuer_id)
    transitions.expect(plan, [PlanStatus.ISSUED], message=_("Only an issued plan can be closed."), code="not_issued")
    if plan.amendments.filter(open=True).exists():
        raise ValidationError(_("Close the open amendment first."), code="amendment_open")
    plan.status = PlanStatus.CLOSED
    plan.closed_at = timezone.now()
    _save_plan(plan, reason=_("Closed"))
    audit(actor=acting_user, action="plan.close", obj=plan, summary=plan.reference)
    return plan


@transaction.atomic
def plan_supersede(*, plan: Plan, by: Plan, acting_user) -> Plan:
    """Issued or closed → superseded by another plan in force."""
    plan = _lock(plan)
    plan_write_check(acting_user=acting_user, issuer_id=plan.issuer_id)
    if plan.status not in (PlanStatus.ISSUED, PlanStatus.CLOSED):
        raise ValidationError(_("Only an issued or closed plan can be superseded."), code="not_issued")
    if by is None or by.pk == plan.pk:
        raise ValidationError({"by": ValidationError(_("A plan cannot supersede itself."), code="self")})
    if not by.is_in_force and by.status != PlanStatus.CLOSED:
        raise ValidationError(
            {"by": ValidationError(_("The superseding plan must be issued or in force."), code="by_not_issued")}
        )
    if by.superseded_by_id == plan.pk:
        raise ValidationError({"by": ValidationError(_("That plan is itself superseded by this one."), code="cycle")})
    if plan.amendments.filter(open=True).exists():
        raise ValidationError(_("Close the open amendment first."), code="amendment_open")
    plan.status = PlanStatus.SUPERSEDED
    plan.superseded_by = by
    _save_plan(plan, reason=_("Superseded by %(ref)s") % {"ref": by.reference})
    audit(actor=acting_user, action="plan.supersede", obj=plan, summary=by.reference, data={"by": by.pk})
    return plan


def _shift_date(d: datetime.date | None, years: int) -> datetime.date | None:
    if d is None or not years:
        return d
    year = d.year + years
    return d.replace(year=year, day=min(d.day, calendar.monthrange(year, d.month)[1]))


def _shift_year(y: int | None, years: int) -> int | None:
    return y + years if y else y


def _copy_fields(obj, exclude=("id", "plan")) -> dict:
    return {
        f.attname: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if f.name not in exclude and f.attname not in exclude
    }


@transaction.atomic
def plan_clone(*, plan: Plan, acting_user, year_offset: int = 1, title: str | None = None) -> Plan:
    """Deep copy as a new draft (e.g. next year's annual plan from this one).

    The period, milestone and baseline years, task years and deadlines, budget years and
    fixed reporting dates move by ``year_offset``; number and date are blank; legal bases
    and narrative sections are copied as they are (edit them in the draft).
    """
    if not -50 <= year_offset <= 50:
        raise ValidationError({"year_offset": ValidationError(_("Shift by at most 50 years."), code="offset_range")})
    source = Plan.objects.select_related("issuer").get(pk=plan.pk)
    plan_write_check(acting_user=acting_user, issuer_id=source.issuer_id)  # the copy keeps the issuer
    new = Plan(**_copy_fields(source, exclude=(
        "id", "created", "modified", "number", "issue_date", "status", "issued_at", "closed_at",
        "superseded_by", "cloned_from", "created_by", "search_text", "in_force", "document_year",
    )))
    new.status = PlanStatus.DRAFT
    new.cloned_from = source
    new.period_start = _shift_date(source.period_start, year_offset)
    new.period_end = _shift_date(source.period_end, year_offset)
    new.document_year = _shift_year(source.document_year or (source.issue_date.year if source.issue_date else None), year_offset)
    if title:
        new.title = nfc(title).strip()
    if getattr(acting_user, "is_authenticated", False):
        new.created_by = acting_user
    _save_plan(new, reason=_("Cloned from %(ref)s") % {"ref": source.reference})

    for basis in source.legal_bases.all():
        LegalBasis.objects.create(plan=new, **_copy_fields(basis))
    for section in source.sections.all():
        PlanSection.objects.create(plan=new, **_copy_fields(section))
    target_map = {}
    for target in source.targets.all():
        copy = PlanTarget(plan=new, **_copy_fields(target))
        copy.milestone_year = _shift_year(target.milestone_year, year_offset)
        copy.baseline_year = _shift_year(target.baseline_year, year_offset)
        copy.full_clean()
        copy.save()
        target_map[target.pk] = copy
    task_map = {}
    for task in source.tasks.prefetch_related("coordinating_agencies", "targets"):
        copy = PlanTask(plan=new, **_copy_fields(task))
        copy.start_year = _shift_year(task.start_year, year_offset)
        copy.end_year = _shift_year(task.end_year, year_offset)
        copy.deadline = _shift_date(task.deadline, year_offset)
        copy.full_clean()
        copy.save()
        copy.coordinating_agencies.set(task.coordinating_agencies.all())
        copy.targets.set([target_map[t.pk] for t in task.targets.all() if t.pk in target_map])
        task_map[task.pk] = copy
    for line in source.budget_lines.all():
        copy = BudgetLine(plan=new, **_copy_fields(line))
        copy.year = _shift_year(line.year, year_offset)
        copy.task = task_map.get(line.task_id)
        copy.save()
    for resp in source.responsibilities.all():
        Responsibility.objects.create(plan=new, **_copy_fields(resp))
    req_map = {}
    for req in source.reporting_requirements.prefetch_related("reporters"):
        copy = ReportingRequirement(plan=new, **_copy_fields(req, exclude=("id", "plan", "consolidates")))
        copy.due_date = _shift_date(req.due_date, year_offset)
        copy.full_clean()
        copy.save()
        copy.reporters.set(req.reporters.all())
        req_map[req.pk] = (copy, req.consolidates_id)
    for copy, old_target in req_map.values():
        if old_target and old_target in req_map:
            copy.consolidates = req_map[old_target][0]
            copy.save(update_fields=["consolidates"])
    audit(actor=acting_user, action="plan.clone", obj=new, summary=source.reference, data={"from": source.pk, "year_offset": year_offset})
    return new


@transaction.atomic
def plan_delete(*, plan: Plan, acting_user) -> None:
    """Delete a draft entered by mistake. Plans that are issued, closed, superseded or in
    force are records (reports point to them) and are never deleted."""
    plan = _lock(plan)
    plan_write_check(acting_user=acting_user, issuer_id=plan.issuer_id)
    if plan.status != PlanStatus.DRAFT or plan.in_force:
        raise ValidationError(_("Only a draft that is not in force can be deleted."), code="not_deletable")
    if plan.implementing_plans.exists() or plan.clones.exists():
        raise ValidationError(_("Other plans refer to this draft; it cannot be deleted."), code="referenced")
    from reports.models import Obligation, ObligationStatus

    written = (
        Obligation.objects.filter(period__requirement__plan=plan).exclude(status=ObligationStatus.NOT_STARTED).count()
    )
    if written:
        # Reports are records: a plan that was reported on stays (it was in force once).
        raise ValidationError(
            _("%(n)d reports have been written for this plan; it cannot be deleted."),
            code="has_reports",
            params={"n": written},
        )
    audit(actor=acting_user, action="plan.delete", obj=plan, summary=plan.short_title, data={"title": plan.title})
    plan._change_reason = _("Deleted")
    try:
        plan.delete()
    except ProtectedError:
        # e.g. a rendered document keeps the plan it was made from
        raise ValidationError(_("Other records refer to this draft; it cannot be deleted."), code="protected") from None
