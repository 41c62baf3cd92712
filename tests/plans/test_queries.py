"""Query budgets of the plan form and page after a merger (new province with two predecessors),
the case the smoke crawler measured at 42 queries: the area's lineage is walked once per request."""

import datetime

import pytest
from django.urls import reverse

from tests.directory.factories import AgencyFactory, DistrictFactory, ProvinceFactory, UserFactory
from tests.plans.factories import PlanFactory
from tests.plans.test_views import _count, _fill


@pytest.fixture
def merged(db):
    """New province 51 from 01/07/2025 = old Quảng Ngãi + old Kon Tum; a plan of an old province's body."""
    new = ProvinceFactory(name="Quảng Ngãi", code="51")
    old_qn = ProvinceFactory(name="Quảng Ngãi (cũ)", code="51x")
    old_kt = ProvinceFactory(name="Kon Tum (cũ)", code="62x")
    old_qn.successors.add(new)
    old_kt.successors.add(new)
    DistrictFactory(name="Ngọc Hồi", parent=old_kt)
    alliance = AgencyFactory(name="Liên minh HTX", kind="lmhtx", unit=new)
    planner = UserFactory(username="lmhtx", is_planner=True, agency=alliance)
    # The merged provinces' alliances merged: the new one carries on the old Kon Tum one's plans
    # (only the issuer's planners, or its successor's, write a plan: issue 12).
    old_alliance = AgencyFactory(
        name="Liên minh HTX tỉnh Kon Tum", kind="lmhtx", unit=old_kt, valid_to=datetime.date(2025, 6, 30),
        successor=alliance,
    )
    plan = PlanFactory(issuer=old_alliance)
    return planner, plan


def test_edit_page_query_budget(merged, client_for, django_assert_max_num_queries):
    planner, plan = merged
    _fill(plan, 6)
    c = client_for(planner)
    url = reverse("plans:plan_update", args=[plan.pk])
    c.get(url)  # warm the session and content-type caches
    # One query per collection and per shared choice list; each lineage walked once per request
    # (core.permissions.user_unit_area_paths): the unit's predecessors (one query per generation,
    # two here) and, since the 2025 succession, the agency's (docs/directory.md): two here, the
    # old Kon Tum alliance and the end of the chain (31: the planner writes its predecessor's plan).
    with django_assert_max_num_queries(31):
        assert c.get(url).status_code == 200
    lineage = sum(
        1 for q in _queries(c, url) if "directory_administrativeunit_successors" in q
    )
    # One query per generation of predecessors, not per scoped queryset: two for the new
    # province, one for old Kon Tum (the area of the alliance the planner's agency succeeded).
    assert lineage <= 3


def test_plan_page_query_budget(merged, client_for, django_assert_max_num_queries):
    planner, plan = merged
    _fill(plan, 6)
    c = client_for(planner)
    url = reverse("plans:plan_detail", args=[plan.pk])
    c.get(url)
    with django_assert_max_num_queries(30):
        assert c.get(url).status_code == 200
    small = PlanFactory(issuer=plan.issuer)
    _fill(small, 1)
    assert _count(c, reverse("plans:plan_detail", args=[small.pk])) == _count(c, url)


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return [q["sql"] for q in ctx.captured_queries]


def test_implements_shown_once_when_cited_as_a_legal_basis(client_for, planner, agency_a):
    """Seeds 001–004 cite the plan they implement as "Thực hiện …": the page does not repeat it."""
    from plans.models import LegalBasis

    plan = PlanFactory(issuer=agency_a, implements_reference="Kế hoạch số 4025/KH-UBND ngày 01/12/2023 của UBND tỉnh Kon Tum")
    url = reverse("plans:plan_detail", args=[plan.pk])
    c = client_for(planner)
    assert c.get(url).content.decode().count("4025/KH-UBND") == 1  # not cited yet: the note shows it
    LegalBasis.objects.create(plan=plan, order=1, verb="Thực hiện", kind="plan", number="4025/KH-UBND", title="về củng cố HTX")
    body = c.get(url).content.decode()
    assert body.count("4025/KH-UBND") == 1  # once, in the document's words
    assert "Thực hiện Kế hoạch số 4025/KH-UBND" in body
