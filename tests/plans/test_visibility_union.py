"""Issue 17: the plans a user may read, selected by a UNION of one id query per visibility rule
(``plans_visible_to``), are exactly those of the former OR across the issuer's unit join and
five subqueries, and of a plain Python computation, for every kind of user across the 2025
reform; one row per plan, no DISTINCT, and the plan list's query count is unchanged."""

import pytest
from django.db import connection
from django.db.models import Q
from django.urls import reverse

from core.permissions import _user_area_paths, user_agency_ids, user_area_q
from plans.models import Plan, PlanTask, ReportingRequirement, Responsibility
from plans.selectors import assigned_plans_q, plans_visible_to
from tests import reform_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return reform_world.build_with_assignments()


def visible_before_issue_17(user):
    """The former definition: one OR across the issuer's unit join and the subqueries."""
    if user.is_superuser:
        return Plan.objects.all()
    if not user.agency_id:
        return Plan.objects.none()
    reported_in_area = Q(pk__in=ReportingRequirement.objects.filter(user_area_q(user, "reporters__unit")).values("plan_id"))
    return Plan.objects.filter(user_area_q(user, "issuer__unit") | assigned_plans_q(user_agency_ids(user)) | reported_in_area)


def visible_in_python(user):
    plans = list(Plan.objects.select_related("issuer__unit"))
    if user.is_superuser:
        return {p.pk for p in plans}
    if not user.agency_id:
        return set()
    paths = _user_area_paths(user)
    ids = set(user_agency_ids(user))
    assigned = {t.plan_id for t in PlanTask.objects.prefetch_related("coordinating_agencies")
                if t.lead_agency_id in ids or {a.pk for a in t.coordinating_agencies.all()} & ids}
    assigned |= {r.plan_id for r in Responsibility.objects.all() if r.agency_id in ids}
    for req in ReportingRequirement.objects.prefetch_related("reporters__unit"):
        reporters = list(req.reporters.all())
        if req.receiver_id in ids or {a.pk for a in reporters} & ids:
            assigned.add(req.plan_id)
        if any(a.unit.path.startswith(p) for a in reporters for p in paths):
            assigned.add(req.plan_id)
    return {
        p.pk for p in plans
        if p.issuer_id in ids or p.pk in assigned or any(p.issuer.unit.path.startswith(x) for x in paths)
    }


def test_same_plans_for_every_user(world):
    for name, user in world["users"].items():
        qs = plans_visible_to(user)
        expected = visible_in_python(user)
        rows = list(qs.values_list("pk", flat=True))
        assert sorted(rows) == sorted(expected), name  # one row per plan, nothing missing or extra
        assert qs.count() == len(expected), name
        assert set(visible_before_issue_17(user).values_list("pk", flat=True)) == expected, name
        assert qs.query.is_empty() or "DISTINCT" not in str(qs.query), name
        if connection.vendor == "postgresql" and not qs.query.is_empty() and not user.is_superuser:
            # The ids are an array computed once (an InitPlan), not an OR tested on every plan.
            assert " = ANY(ARRAY(" in str(qs.query) and " OR " not in str(qs.query).split("ARRAY", 1)[0], name


def test_the_world_exercises_the_rules(world):
    """Lai Châu's own plan: N2's reporter reads it through the task N2 leads, N1's planner
    through the task its predecessor coordinates; the province's leader does not read it."""
    users = world["users"]
    seen = {name: set(plans_visible_to(u).values_list("pk", flat=True)) for name, u in users.items()}
    assert seen["admin"] == set(Plan.objects.values_list("pk", flat=True))
    assert seen["no_agency"] == set()
    lai_chau_only = world["plans"][4].pk
    assert lai_chau_only in seen["reporter"] and lai_chau_only in seen["planner"]
    assert lai_chau_only not in seen["leader"]


def test_plan_list_and_detail_follow_the_union(world, client_for, django_assert_max_num_queries):
    leader = world["users"]["leader"]
    client = client_for(leader)
    client.get(reverse("plans:plan_list"))
    # 12 as before the UNION (the scoping is still one subquery), plus the user's list
    # preference and saved filters (issue 18's list tools): constant, whatever the data.
    with django_assert_max_num_queries(14):
        response = client.get(reverse("plans:plan_list"))
    assert {p.pk for p in response.context["page_obj"]} == visible_in_python(leader)
    assert client.get(world["plans"][4].get_absolute_url()).status_code == 404
