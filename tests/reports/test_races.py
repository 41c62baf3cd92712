"""Issue 11, concurrent transitions on PostgreSQL with real threads (marker ``postgres``).

The review saw 3 double approvals in 15 rounds and approve-versus-return committing both in
10 of 35 rounds. Each test runs several rounds; every round must give exactly one winner,
one audit row and one e-mail, and the loser a clear message (never a server error).
"""


import pytest
from django.core import mail
from django.db import connection

from core.models import AuditLog
from core.transitions import TransitionConflict
from plans import services as plan_services
from plans.models import PlanStatus
from reports import services
from reports.models import Obligation, ObligationStatus
from tests.plans.factories import PlanFactory
from tests.races import race
from tests.reports.factories import full_data

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)"),
]

ROUNDS = 6




@pytest.fixture
def submitted(cycle, reporter_a):
    """ROUNDS submitted reports of district A (one per quarter)."""
    obs = list(
        Obligation.objects.filter(period__requirement=cycle["req"], agency=cycle["ob_a"].agency).order_by("period__start")
    )[:ROUNDS]
    for ob in obs:
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version, data=full_data(cycle))
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
    return obs


@pytest.fixture
def second_planner(province_agency):
    from tests.directory.factories import UserFactory

    return UserFactory(username="planner2", agency=province_agency, is_planner=True, email="p2@example.vn")


def _approvals(ob):
    return AuditLog.objects.filter(object_type="reports.obligation", object_id=str(ob.pk), action="reports.approve").count()


def test_case_two_approvals_at_once_one_approval_one_audit_row_one_email(submitted, planner, second_planner, reporter_a):
    """Two reviewers approve the same report at once: one approval, one audit row, one e-mail; the other is told."""
    reporter_a.email = "rep@example.vn"
    reporter_a.save()
    for ob in submitted:
        mail.outbox = []
        results = race(
            lambda ob=ob: services.obligation_approve(obligation=ob, acting_user=planner),
            lambda ob=ob: services.obligation_approve(obligation=ob, acting_user=second_planner),
        )
        outcomes = sorted(r[0] for r in results)
        assert outcomes == ["ok", "refused"], results
        loser = next(r[1] for r in results if r[0] == "refused")
        assert isinstance(loser, TransitionConflict) and loser.code == "already_approved"
        assert _approvals(ob) == 1
        assert len([m for m in mail.outbox if "rep@example.vn" in m.to]) == 1
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.APPROVED


def test_case_approve_versus_return_exactly_one_wins(submitted, planner, second_planner):
    """Approve and return at once: exactly one commits; an approval is never followed by a return."""
    for ob in submitted:
        results = race(
            lambda ob=ob: services.obligation_approve(obligation=ob, acting_user=planner),
            lambda ob=ob: services.obligation_return(obligation=ob, acting_user=second_planner, reason="Thiếu số liệu"),
        )
        assert sorted(r[0] for r in results) == ["ok", "refused"], results
        ob.refresh_from_db()
        actions = list(
            AuditLog.objects.filter(object_type="reports.obligation", object_id=str(ob.pk))
            .filter(action__in=["reports.approve", "reports.return"])
            .values_list("action", flat=True)
        )
        assert len(actions) == 1
        expected = ObligationStatus.APPROVED if results[0][0] == "ok" else ObligationStatus.RETURNED
        assert ob.status == expected


def test_case_approved_report_is_not_returned_without_reopen(submitted, planner, second_planner):
    """Once approved (and e-mailed), a late return is refused: only a reopen unlocks the report."""
    ob = submitted[0]
    services.obligation_approve(obligation=ob, acting_user=planner)
    with pytest.raises(TransitionConflict) as exc:
        services.obligation_return(obligation=ob, acting_user=second_planner, reason="Muộn")
    assert exc.value.code == "locked"
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.APPROVED
    services.obligation_reopen(obligation=ob, acting_user=second_planner, reason="Sửa số liệu")
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.RETURNED


def test_two_submits_at_once_submit_once(cycle, reporter_a):
    """A double click on submit: one submission, one audit row."""
    ob = cycle["ob_a"]
    services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version, data=full_data(cycle))
    results = race(
        lambda: services.obligation_submit(obligation=ob, acting_user=reporter_a),
        lambda: services.obligation_submit(obligation=ob, acting_user=reporter_a),
    )
    assert sorted(r[0] for r in results) == ["ok", "refused"], results
    assert AuditLog.objects.filter(action="reports.submit", object_id=str(ob.pk)).count() == 1


def test_two_plan_issues_at_once_issue_once(province_agency, planner, second_planner):
    """Two planners issue the same draft at once: one issue, one audit row."""
    plan = PlanFactory(issuer=province_agency, status=PlanStatus.DRAFT)
    import datetime

    results = race(
        lambda: plan_services.plan_issue(plan=plan, acting_user=planner, number=12, issue_date=datetime.date(2024, 2, 1)),
        lambda: plan_services.plan_issue(plan=plan, acting_user=second_planner, number=13, issue_date=datetime.date(2024, 2, 2)),
    )
    assert sorted(r[0] for r in results) == ["ok", "refused"], results
    assert AuditLog.objects.filter(action="plan.issue", object_id=str(plan.pk)).count() == 1
