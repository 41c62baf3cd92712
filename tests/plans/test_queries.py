"""Query budgets of the plan form and page after a merger (new province with two predecessors),
the case the smoke crawler measured at 42 queries: the area's lineage is walked once per request."""

import pytest
from django.urls import reverse

from tests.directory.factories import AgencyFactory, DistrictFactory, ProvinceFactory, UserFactory
from tests.plans.factories import PlanFactory
from tests.plans.test_views import _count, _fill


@pytest.fixture
def merged(db):
    """New province 51 from 01/07/2025 = old Quảng Ngãi + old Kon Tum; a plan of an old district."""
    new = ProvinceFactory(name="Quảng Ngãi", code="51")
    old_qn = ProvinceFactory(name="Quảng Ngãi (cũ)", code="51x")
    old_kt = ProvinceFactory(name="Kon Tum (cũ)", code="62x")
    old_qn.successors.add(new)
    old_kt.successors.add(new)
    district = DistrictFactory(name="Ngọc Hồi", parent=old_kt)
    planner = UserFactory(username="lmhtx", is_planner=True, agency=AgencyFactory(name="Liên minh HTX", unit=new))
    plan = PlanFactory(issuer=AgencyFactory(name="UBND huyện Ngọc Hồi", unit=district))
    return planner, plan


def test_edit_page_query_budget(merged, client_for, django_assert_max_num_queries):
    planner, plan = merged
    _fill(plan, 6)
    c = client_for(planner)
    url = reverse("plans:plan_update", args=[plan.pk])
    c.get(url)  # warm the session and content-type caches
    # One query per collection and per shared choice list; the lineage walk (two generations) once.
    with django_assert_max_num_queries(30):
        assert c.get(url).status_code == 200
    lineage = sum(
        1 for q in _queries(c, url) if "directory_administrativeunit_successors" in q
    )
    assert lineage <= 2  # one query per generation of predecessors, not per scoped queryset


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
