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
