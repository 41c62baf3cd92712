"""The one way to change a record's state (issue 11): lock, check, apply, audit, then side effects.

Every workflow step (report submit/return/approve/reopen, plan issue/close, import confirm…)
follows the same four moves inside one ``transaction.atomic``:

1. ``lock()`` the row with ``SELECT … FOR UPDATE`` (only that row: ``of=("self",)``, so the
   agency or plan joined for display is not locked with it). A second request for the same
   row waits here until the first commits, then reads the state the first one left.
2. check the expected state (``expect()``, or the service's own checks on the locked row);
   the loser of a race gets a ``TransitionConflict`` — a ``ValidationError`` with a clear
   translated message — never a second transition;
3. apply the change and write the audit row (``core.audit.audit``) in the same transaction;
4. register side effects (e-mail, Celery tasks, notifications that leave the database) with
   ``after_commit()``: they run once, after the commit, and never for a rolled-back step.

``transition()`` bundles 1 and 2 for the simple case::

    with transitions.transition(Plan, pk=plan.pk, expected=[PlanStatus.DRAFT],
                                message=_("Only a draft can be issued."), code="not_draft") as plan:
        plan.status = PlanStatus.ISSUED
        plan.save()
        audit(actor=user, action="plan.issue", obj=plan)
        transitions.after_commit(lambda: notify_issued(plan.pk))

SQLite has no row locks, but it serialises writers on the whole database, so the same code
is correct there too; the race tests run on PostgreSQL (``tests/core/test_transitions.py``,
marker ``postgres``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class TransitionConflict(ValidationError):
    """The record is no longer in a state this step applies to: someone else acted first
    (or the page was stale). Nothing was changed."""


def lock(model_or_queryset, *, pk):
    """The row ``pk`` re-read under ``SELECT … FOR UPDATE``; call inside ``transaction.atomic``.

    ``model_or_queryset`` may carry ``select_related`` (non-null joins only on PostgreSQL);
    only the row itself is locked.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("core.transitions.lock() must run inside transaction.atomic()")
    if isinstance(model_or_queryset, models.QuerySet):
        qs = model_or_queryset
    else:
        qs = model_or_queryset._default_manager.all()
    return qs.select_for_update(of=("self",)).get(pk=pk)


def expect(obj, expected: Iterable, *, field: str = "status", message: str | None = None, code: str = "conflict") -> None:
    """Raise ``TransitionConflict`` unless ``obj.<field>`` is one of ``expected``."""
    current = getattr(obj, field)
    if current in set(expected):
        return
    display = getattr(obj, f"get_{field}_display", lambda: current)()
    raise TransitionConflict(
        message
        or _("This record has already been changed by someone else (it is now “%(state)s”). Reload the page and try again.")
        % {"state": display},
        code=code,
    )


@contextmanager
def transition(model_or_queryset, *, pk, expected: Iterable, field: str = "status", message: str | None = None,
               code: str = "conflict"):
    """``with transition(Model, pk=…, expected=[…]) as obj:`` — one transaction, the row locked
    and checked; apply, audit and register side effects inside the block."""
    with transaction.atomic():
        obj = lock(model_or_queryset, pk=pk)
        expect(obj, expected, field=field, message=message, code=code)
        yield obj


def after_commit(fn: Callable[[], object], *, what: str = "") -> None:
    """Run ``fn`` once after the current transaction commits (at once outside a transaction).

    A failing side effect is logged and never undoes the committed step nor stops the
    other side effects (``robust=True``).
    """

    def run():
        try:
            fn()
        except Exception:  # noqa: BLE001 - the step is committed; log and move on
            logger.exception("side effect after commit failed: %s", what or getattr(fn, "__name__", fn))

    transaction.on_commit(run, robust=True)


# --------------------------------------------------------------------------- optimistic locking
class StaleEdit(TransitionConflict):
    """An edit form was opened on an older version than the saved one: nothing was saved.

    ``current`` is the saved row (so a page can show both versions), ``mine`` the version
    the editor opened. Same contract as ``reports.services.StaleVersion``.
    """

    def __init__(self, current, mine: int):
        last = current.history.select_related("history_user").order_by("-history_date").first() if hasattr(
            current, "history"
        ) else None
        who = last.history_user if last is not None else None
        params = {
            "mine": mine,
            "theirs": current.version,
            "who": (who.get_full_name() or who.get_username()) if who is not None else "?",
            "when": timezone.localtime(last.history_date).strftime("%H:%M %d/%m/%Y") if last is not None else "?",
        }
        super().__init__(
            _(
                "Someone else (%(who)s, %(when)s) saved this record after you opened it: you opened version "
                "%(mine)s, the saved version is %(theirs)s. Nothing was saved. Compare both versions below, "
                "then save again."
            )
            % params,
            code="stale",
        )
        self.current = current
        self.mine = mine
        self.saved_by = who
        self.saved_at = last.history_date if last is not None else None


def claim_version(obj, version: int | None) -> None:
    """Claim the next ``version`` of ``obj`` atomically (a conditional UPDATE on the version the
    editor opened); a stale ``version`` raises ``StaleEdit`` and changes nothing. ``None`` (a
    caller without a form: import, script) claims whatever version is current."""
    model = type(obj)
    if version is None:
        model._default_manager.filter(pk=obj.pk).update(version=models.F("version") + 1)
        obj.version = model._default_manager.values_list("version", flat=True).get(pk=obj.pk)
        return
    claimed = model._default_manager.filter(pk=obj.pk, version=version).update(version=models.F("version") + 1)
    if not claimed:
        raise StaleEdit(model._default_manager.get(pk=obj.pk), version)
    obj.version = version + 1


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if hasattr(value, "strftime") and not hasattr(value, "hour"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, models.QuerySet | list | tuple | set):
        return "; ".join(sorted(str(v) for v in value)) or "—"
    return str(value)


def conflict_rows(form, current) -> list[tuple[str, str, str]]:
    """(label, saved version, what this editor sent) for every field of ``form`` that differs,
    for the "both versions" table of a ``StaleEdit`` (``templates/includes/_version_conflict.html``)."""
    rows = []
    cleaned = getattr(form, "cleaned_data", {}) or {}
    for name, field in form.fields.items():
        if name == "version" or name not in cleaned:
            continue
        try:
            model_field = current._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a form-only field: nothing saved to compare with
            continue
        if model_field.many_to_many:
            theirs = _shown(list(getattr(current, name).all()))
        elif model_field.choices:
            theirs = _shown(getattr(current, f"get_{name}_display")())
        else:
            theirs = _shown(getattr(current, name))
        mine_value = cleaned[name]
        if model_field.choices and not model_field.many_to_many:
            mine = _shown(dict(model_field.flatchoices).get(mine_value, mine_value))
        else:
            mine = _shown(mine_value)
        if theirs != mine:
            rows.append((str(field.label or name), theirs, mine))
    return rows
