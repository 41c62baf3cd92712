"""The plan services check the plan-write rule themselves (issue 12, defence in depth): called
directly — not through a view — with a user who may not write the plan, every write raises
PermissionDenied before anything is saved (no row, no status change, no audit row, no history).

The unauthorised users are the ones the permission table names: the provincial Liên minh HTX
planner on a district office's plan (same province, not its issuer), a reporter of the issuing
agency itself (not a planner), and a deactivated planner of the issuing agency."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from core.models import AuditLog
from plans import services
from plans.models import Plan, PlanAmendment, PlanStatus
from reports.models import ReportingPeriod
from reports.services import obligations_generate
from tests.directory.factories import UserFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory, ReportingRequirementFactory

pytestmark = pytest.mark.django_db

HEADER = {
    "title": "Kế hoạch phát triển hợp tác xã năm 2026",
    "symbol": "KH-TCKH",
    "kind": "annual",
    "period_start": datetime.date(2026, 1, 1),
    "period_end": datetime.date(2026, 12, 31),
}


@pytest.fixture(params=["other_agency_planner", "own_agency_reporter", "inactive_own_planner"])
def intruder(request, planner, reporter_a, agency_a):
    """Someone who may not write agency_a's plans."""
    if request.param == "other_agency_planner":
        return planner  # Liên minh HTX tỉnh: same province, not agency_a's issuer
    if request.param == "own_agency_reporter":
        return reporter_a
    return UserFactory(username="planner_a_old", agency=agency_a, is_planner=True, is_active=False)


def _snapshot(plan):
    plan.refresh_from_db()
    return (plan.status, plan.version, plan.number, plan.issue_date, plan.superseded_by_id, plan.history.count())


def _refused(call):
    audits = AuditLog.objects.count()
    plans = Plan.objects.count()
    with pytest.raises(PermissionDenied):
        call()
    assert AuditLog.objects.count() == audits
    assert Plan.objects.count() == plans


def test_create_for_another_agency_is_refused(intruder, agency_a):
    _refused(lambda: services.plan_create(acting_user=intruder, data={**HEADER, "issuer": agency_a}))


def test_create_without_an_issuer_is_refused_for_a_person(planner_a):
    _refused(lambda: services.plan_create(acting_user=planner_a, data=HEADER))


def test_update_is_refused(intruder, agency_a):
    plan = PlanFactory(issuer=agency_a)
    before = _snapshot(plan)
    _refused(lambda: services.plan_update(plan=plan, acting_user=intruder, data={"title": "Đổi tên"}))
    assert _snapshot(plan) == before
    assert Plan.objects.get(pk=plan.pk).title == plan.title


def test_moving_a_plan_to_an_issuer_the_user_does_not_write_is_refused(planner_a, agency_a, agency_b):
    plan = PlanFactory(issuer=agency_a)
    _refused(lambda: services.plan_update(plan=plan, acting_user=planner_a, data={"issuer": agency_b}))
    assert Plan.objects.get(pk=plan.pk).issuer == agency_a


def test_issue_is_refused(intruder, agency_a):
    plan = PlanFactory(issuer=agency_a)
    before = _snapshot(plan)
    _refused(lambda: services.plan_issue(plan=plan, acting_user=intruder, number=7, issue_date=datetime.date(2024, 2, 1)))
    assert _snapshot(plan) == before and plan.status == PlanStatus.DRAFT


def test_amendment_open_and_close_are_refused(intruder, agency_a):
    plan = IssuedPlanFactory(issuer=agency_a)
    _refused(lambda: services.plan_amendment_open(plan=plan, acting_user=intruder, reason="Điều chỉnh chỉ tiêu"))
    assert not PlanAmendment.objects.exists()
    PlanAmendment.objects.create(plan=plan, reason="Điều chỉnh", open=True)
    _refused(lambda: services.plan_amendment_close(plan=plan, acting_user=intruder))
    assert PlanAmendment.objects.get().open


def test_close_is_refused(intruder, agency_a):
    plan = IssuedPlanFactory(issuer=agency_a)
    before = _snapshot(plan)
    _refused(lambda: services.plan_close(plan=plan, acting_user=intruder))
    assert _snapshot(plan) == before and plan.status == PlanStatus.ISSUED


def test_supersede_is_refused(intruder, agency_a):
    plan = IssuedPlanFactory(issuer=agency_a)
    by = IssuedPlanFactory(issuer=agency_a)
    before = _snapshot(plan)
    _refused(lambda: services.plan_supersede(plan=plan, by=by, acting_user=intruder))
    assert _snapshot(plan) == before and plan.superseded_by_id is None


def test_clone_is_refused(intruder, agency_a):
    plan = IssuedPlanFactory(issuer=agency_a)
    _refused(lambda: services.plan_clone(plan=plan, acting_user=intruder))
    assert not Plan.objects.filter(cloned_from=plan).exists()


def test_delete_is_refused(intruder, agency_a):
    plan = PlanFactory(issuer=agency_a)
    _refused(lambda: services.plan_delete(plan=plan, acting_user=intruder))
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_generating_reports_is_refused(intruder, agency_a, agency_b):
    req = ReportingRequirementFactory(plan=IssuedPlanFactory(issuer=agency_a), receiver=agency_a, reporters=[agency_b])
    _refused(lambda: obligations_generate(plan=req.plan, acting_user=intruder))
    assert not ReportingPeriod.objects.exists()


def test_the_issuers_planner_and_the_system_may(planner_a, agency_a, agency_b):
    """The same calls succeed for the issuing agency's planner and for the system (no user)."""
    plan = services.plan_create(acting_user=planner_a, data={**HEADER, "issuer": agency_a})
    services.plan_update(plan=plan, acting_user=planner_a, data={"title": "Kế hoạch đã sửa"})
    services.plan_issue(plan=plan, acting_user=planner_a, number=12, issue_date=datetime.date(2026, 1, 5))
    copy = services.plan_clone(plan=plan, acting_user=None)
    services.plan_delete(plan=copy, acting_user=planner_a)
    plan = Plan.objects.get(pk=plan.pk)  # issued now
    ReportingRequirementFactory(plan=plan, receiver=agency_a, reporters=[agency_b])
    assert obligations_generate(plan=plan, acting_user=planner_a).periods_created
    services.plan_close(plan=plan, acting_user=planner_a)
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.CLOSED


def test_the_governing_bodys_plans_are_written_by_its_office(province, agency_a):
    """A Phòng drafts its People's Committee's plans (Agency.parent): the services agree."""
    from tests.directory.factories import AgencyFactory

    ubnd = AgencyFactory(name="Ủy ban nhân dân huyện Sơn Hà", short_name="UBND", kind="ubnd", unit=agency_a.unit)
    agency_a.parent = ubnd
    agency_a.save()
    office_planner = UserFactory(username="tckh", agency=agency_a, is_planner=True)
    plan = services.plan_create(acting_user=office_planner, data={**HEADER, "issuer": ubnd})
    assert plan.issuer == ubnd
