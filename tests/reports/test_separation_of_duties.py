"""Issue 11, "one person holding both planner and reporter roles can submit and approve their own
report": separation of duties, waivable per agency by a superuser only."""

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from core.models import AuditLog
from directory.models import Agency
from plans.models import DueRule, Frequency
from reports import services
from reports.models import Obligation, ObligationStatus
from tests.directory.factories import UserFactory
from tests.plans.factories import IssuedPlanFactory, PlanTargetFactory, ReportingRequirementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def both_roles(agency_a):
    """One officer of district A who is both planner (reviewer) and reporter."""
    return UserFactory(username="both", agency=agency_a, is_planner=True, is_reporter=True)


@pytest.fixture
def own_report(agency_a, both_roles):
    """A report district A sends to itself (reporters include the receiver), submitted by ``both_roles``."""
    plan = IssuedPlanFactory(issuer=agency_a)
    target = PlanTargetFactory(plan=plan, milestone_year=2025)
    req = ReportingRequirementFactory(plan=plan, receiver=agency_a, reporters=[agency_a], frequency=Frequency.ANNUAL,
                                      due_rule=DueRule.DAY_MONTH, due_day=15, due_month=12)
    services.obligations_generate(plan=plan)
    ob = Obligation.objects.filter(period__requirement=req, agency=agency_a).order_by("period__start").first()
    services.obligation_save_draft(
        obligation=ob, acting_user=both_roles, version=ob.version,
        data={"values": {target.pk: {"value": 5}}, "results": "Đã thực hiện."},
    )
    return services.obligation_submit(obligation=ob, acting_user=both_roles)


def test_case_submitter_with_both_roles_cannot_approve_own_report(own_report, both_roles):
    """Submitting and approving one's own report is refused in Vietnamese; the report stays submitted."""
    with translation.override("vi"), pytest.raises(ValidationError) as exc:
        services.obligation_approve(obligation=own_report, acting_user=both_roles)
    assert exc.value.code == "self_review"
    assert "phân tách nhiệm vụ" in exc.value.messages[0]
    own_report.refresh_from_db()
    assert own_report.status == ObligationStatus.SUBMITTED
    assert not AuditLog.objects.filter(action="reports.approve").exists()


def test_submitter_cannot_return_own_report_either(own_report, both_roles):
    with pytest.raises(ValidationError) as exc:
        services.obligation_return(obligation=own_report, acting_user=both_roles, reason="Tự trả lại")
    assert exc.value.code == "self_review"


def test_a_colleague_can_approve(own_report, planner_a):
    """Another planner of the reviewing agency approves as usual."""
    services.obligation_approve(obligation=own_report, acting_user=planner_a)
    own_report.refresh_from_db()
    assert own_report.status == ObligationStatus.APPROVED


def test_agency_flag_allows_self_review(own_report, both_roles, agency_a):
    """With the agency's flag set (by a superuser), the single officer may approve."""
    Agency.objects.filter(pk=agency_a.pk).update(allow_self_review=True)
    services.obligation_approve(obligation=own_report, acting_user=both_roles)
    own_report.refresh_from_db()
    assert own_report.status == ObligationStatus.APPROVED


def test_flag_is_off_by_default(agency_a):
    assert Agency.objects.get(pk=agency_a.pk).allow_self_review is False


def test_approve_page_shows_the_refusal_not_an_error(client_for, own_report, both_roles):
    """The POST from the report page redirects with the message (no 403, no 500)."""
    response = client_for(both_roles).post(reverse("reports:obligation_approve", args=[own_report.pk]), {"confirmed": "1"})
    assert response.status_code == 302
    own_report.refresh_from_db()
    assert own_report.status == ObligationStatus.SUBMITTED


def test_only_a_superuser_can_set_the_flag_in_the_admin(agency_a):
    """Staff with the change permission see the flag read-only; a superuser can edit it."""
    model_admin = site._registry[Agency]
    staff = UserFactory(username="staff", is_staff=True)
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    request = RequestFactory().get("/")
    request.user = staff
    assert "allow_self_review" in model_admin.get_readonly_fields(request, agency_a)
    request.user = root
    assert "allow_self_review" not in model_admin.get_readonly_fields(request, agency_a)


def test_demo_paper_entry_account_is_not_the_reviewer_and_cannot_log_in(client):
    """The demo types paper reports in with its own account (not the reviewing admin), which nobody can log in with."""
    from reports.demo import _paper_clerk

    clerk = _paper_clerk()
    assert _paper_clerk().pk == clerk.pk  # idempotent
    assert not clerk.is_active and not clerk.has_usable_password()
    assert not client.login(username="demo_nhap_ho", password="")
