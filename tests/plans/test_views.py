"""Plan pages: permissions for every view (anonymous, wrong role, out of scope, allowed),
the form round trip, frozen plans and constant query counts."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from plans import services
from plans.models import Plan, PlanStatus
from tests.directory.factories import AgencyFactory
from tests.plans.factories import (
    BudgetLineFactory,
    IssuedPlanFactory,
    PlanFactory,
    PlanTargetFactory,
    PlanTaskFactory,
    ReportingRequirementFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(province_agency):
    return PlanFactory(issuer=province_agency, title="Kế hoạch phát triển hợp tác xã năm 2024")


@pytest.fixture
def plan_b(agency_b):
    """A plan of district B (outside district A's area)."""
    return PlanFactory(issuer=agency_b, title="Kế hoạch của huyện Ba Tơ")


def test_smoke_detail_renders(client_for, planner, plan):
    """The plan page renders for a planner."""
    PlanTargetFactory(plan=plan, milestone_year=2025)
    PlanTaskFactory(plan=plan)
    BudgetLineFactory(plan=plan)
    ReportingRequirementFactory(plan=plan, receiver=plan.issuer)
    response = client_for(planner).get(reverse("plans:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    assert "25,27 triệu đồng" in response.content.decode()


def test_smoke_list_and_form(client_for, planner, plan):
    """The list and the empty form render."""
    c = client_for(planner)
    assert c.get(reverse("plans:plan_list")).status_code == 200
    assert c.get(reverse("plans:plan_create")).status_code == 200
    assert c.get(reverse("plans:plan_update", args=[plan.pk])).status_code == 200
    assert c.get(reverse("plans:plan_history", args=[plan.pk])).status_code == 200
