"""Issue 17: on PostgreSQL the plans a user may read are selected by a UNION statement written
once per process (``plans.selectors._visible_plan_ids_sql``) instead of the ORM's UNION of the
same eight branches built on every request. Both must select exactly the same plans, for every
kind of user across the 2025 reform, alone and as a subquery (the issuer filter), and the
statement is the same string from one request to the next. On SQLite the ORM's UNION is used
(and checked in test_visibility_union.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Agency
from plans import selectors
from plans.models import Plan, Responsibility
from tests import reform_world
from tests.directory.factories import AgencyFactory, CommuneFactory
from tests.plans.factories import PlanFactory, PlanTaskFactory, ReportingRequirementFactory
from tests.reform_world import fresh

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the hand-written statement is PostgreSQL's"),
]


@pytest.fixture
def world(db):
    return reform_world.build_with_assignments()


def orm_union(user):
    return selectors._plans_visible_union(Plan.objects.all(), fresh(user))


def test_same_plans_as_the_orms_union(world):
    for name, user in world["users"].items():
        if user.is_superuser or not user.agency_id:
            continue
        expected = sorted(orm_union(user).values_list("pk", flat=True))
        qs = selectors.plans_visible_to(fresh(user))
        assert "plans_plan\" p" in str(qs.query), name  # the hand-written statement, not the ORM's
        rows = list(qs.values_list("pk", flat=True))
        assert sorted(rows) == expected, name  # one row per plan, nothing missing or extra
        assert qs.count() == len(expected), name
        assert expected, name  # every user of the world reads some plan


def test_each_branch_alone_is_the_orms(world):
    """A user whose agency has exactly one role in one plan, for each role, and a user whose
    area has no path (its unit saved without one): only the agency branches are left."""
    unit = CommuneFactory()
    agency = AgencyFactory(unit=unit)
    other = AgencyFactory()
    user = world["users"]["reporter"]
    user.agency = agency
    user.agency_id = agency.pk
    roles = [
        lambda: PlanFactory(issuer=agency),
        lambda: PlanTaskFactory(plan=PlanFactory(issuer=other), lead_agency=agency),
        lambda: PlanTaskFactory(plan=PlanFactory(issuer=other), lead_agency=other).coordinating_agencies.add(agency),
        lambda: Responsibility.objects.create(plan=PlanFactory(issuer=other), agency=agency, text="Phối hợp"),
        lambda: ReportingRequirementFactory(plan=PlanFactory(issuer=other), receiver=agency, reporters=[]),
        lambda: ReportingRequirementFactory(plan=PlanFactory(issuer=other), receiver=other, reporters=[agency]),
    ]
    for make in roles:
        make()
        expected = set(orm_union(user).values_list("pk", flat=True))
        assert set(selectors.plans_visible_to(fresh(user)).values_list("pk", flat=True)) == expected
    assert len(expected) == 6
    type(unit).objects.filter(pk=unit.pk).update(path="")
    agency.unit.path = ""
    assert selectors._user_area_paths(fresh(user)) == []
    assert set(selectors.plans_visible_to(fresh(user)).values_list("pk", flat=True)) == set(
        orm_union(user).values_list("pk", flat=True)
    )


def test_as_a_subquery_the_issuer_filter(world):
    """``plan_filter_issuers`` nests the statement in the agencies' query."""
    for name, user in world["users"].items():
        if user.is_superuser or not user.agency_id:
            continue
        issuers = list(selectors.plan_filter_issuers(fresh(user)).values_list("pk", flat=True))
        expected = Agency.objects.filter(pk__in=orm_union(user).values("issuer_id")).order_by("name")
        assert issuers == list(expected.values_list("pk", flat=True)), name


def test_the_statement_is_written_once(world):
    user = world["users"]["leader"]
    first = selectors._visible_plan_ids_sql(2, connection.ops.quote_name)
    assert selectors._visible_plan_ids_sql(2, connection.ops.quote_name) is first
    assert first.count(" UNION ") == 7 and first.count("LIKE %s") == 2  # the area's units found once
    assert first.startswith("WITH area_agencies AS MATERIALIZED") and first.count("FROM area_agencies") == 2
    assert selectors._visible_plan_ids_sql(0, connection.ops.quote_name).count(" UNION ") == 5
    selectors.plans_visible_to(fresh(user))
    info = selectors._visible_plan_ids_sql.cache_info()
    selectors.plans_visible_to(fresh(user))
    assert selectors._visible_plan_ids_sql.cache_info().hits == info.hits + 1


def test_plan_list_reads_the_union_once_per_statement(world, client_for):
    leader = world["users"]["leader"]
    client = client_for(leader)
    client.get(reverse("plans:plan_list"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("plans:plan_list"))
    plan_queries = [q["sql"] for q in queries.captured_queries if '"plans_plan"' in q["sql"]]
    assert len(plan_queries) == 1  # the page and its count (count(*) OVER (), issue 17)
    assert "OVER ()" in plan_queries[0]
    assert all(q.count(" UNION ") == 7 for q in plan_queries)
    assert {p.pk for p in response.context["page_obj"]} == set(orm_union(leader).values_list("pk", flat=True))
