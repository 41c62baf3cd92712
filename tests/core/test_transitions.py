"""core.transitions: lock, expect, transition and after_commit (races: tests/reports/test_races.py)."""

import pytest
from django.db import transaction
from django.utils import translation

from core import transitions
from plans.models import Plan, PlanStatus
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_lock_needs_a_transaction(province_agency):
    """Locking outside transaction.atomic would lock nothing: it is refused loudly."""
    plan = PlanFactory(issuer=province_agency)
    with pytest.raises(RuntimeError):
        transitions.lock(Plan, pk=plan.pk)


def test_transition_yields_the_fresh_row(province_agency):
    """The block gets the row as it is in the database, not the caller's stale instance."""
    plan = PlanFactory(issuer=province_agency, title="Cũ")
    Plan.objects.filter(pk=plan.pk).update(title="Mới")
    with transitions.transition(Plan, pk=plan.pk, expected=[PlanStatus.DRAFT]) as fresh:
        assert fresh.title == "Mới"


def test_unexpected_state_is_a_conflict_in_vietnamese(province_agency):
    """A row no longer in the expected state raises TransitionConflict with a Vietnamese message."""
    plan = PlanFactory(issuer=province_agency, status=PlanStatus.DRAFT)
    with translation.override("vi"), pytest.raises(transitions.TransitionConflict) as exc:
        with transitions.transition(Plan, pk=plan.pk, expected=[PlanStatus.ISSUED]):
            pytest.fail("the block must not run")
    assert exc.value.code == "conflict"
    assert "người khác" in exc.value.messages[0] and "Dự thảo" in exc.value.messages[0]


def test_after_commit_runs_once_after_commit(django_capture_on_commit_callbacks):
    """Side effects run after the commit, once."""
    calls = []
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            transitions.after_commit(lambda: calls.append(1))
            assert calls == []
    assert calls == [1] and len(callbacks) == 1


def test_after_commit_skipped_on_rollback(django_capture_on_commit_callbacks):
    """A step that rolls back sends nothing."""
    calls = []
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValueError), transaction.atomic():
            transitions.after_commit(lambda: calls.append(1))
            raise ValueError
    assert calls == []


def test_failing_side_effect_is_logged_not_raised(django_capture_on_commit_callbacks, caplog):
    """A failing e-mail does not undo or break the committed step."""

    def boom():
        raise OSError("smtp down")

    with django_capture_on_commit_callbacks(execute=True):
        transitions.after_commit(boom, what="e-mail")
    assert "e-mail" in caplog.text
