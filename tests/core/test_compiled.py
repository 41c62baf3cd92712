"""A query compiled once (``core.compiled.CompiledQuery``) reads what the ORM reads (issue 17):
the same SQL, the same instances field by field with their Python types, related objects
of ``select_related`` included (and loaded: no further query), for any key; a key that
matches nothing or lies outside any integer column gives no row, never an error."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperatives.models import Indicator
from core.compiled import MARKER, CompiledQuery
from dashboards.views import _PLAN_TARGETS, _PLAN_WITH_ISSUER
from plans.models import Plan, PlanTarget
from tests.plans.factories import IssuedPlanFactory, PlanFactory, PlanTargetFactory

pytestmark = pytest.mark.django_db


def fields(obj):
    return None if obj is None else {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def typed(obj):
    return None if obj is None else [(k, type(v)) for k, v in fields(obj).items()]


def orm(queryset):
    with CaptureQueriesContext(connection) as ctx:
        objects = list(queryset)
    return objects, [q["sql"] for q in ctx.captured_queries]


def compiled(query, value):
    with CaptureQueriesContext(connection) as ctx:
        objects = query.fetch(value)
    return objects, [q["sql"] for q in ctx.captured_queries]


@pytest.fixture
def plans():
    first = IssuedPlanFactory(title='Kế hoạch "phát triển" <HTX>')
    draft = PlanFactory()  # a draft of another agency
    indicator = Indicator.objects.get(code="htx_active")
    PlanTargetFactory(plan=first, code="T2", milestone_year=2026, order=1, value=Decimal("12.5000"), indicator=indicator)
    PlanTargetFactory(plan=first, code="T1", milestone_year=2025, order=2, value=Decimal(3), baseline=None)
    PlanTargetFactory(plan=first, code="T3", milestone_year=2025, order=2, comparator="range", value=Decimal(1),
                      value_max=Decimal(5), direction="lower")
    PlanTargetFactory(plan=draft, code="X1", milestone_year=2025)
    return [first, draft]


def test_the_plan_with_its_issuer_and_unit_is_the_orms(plans):
    for plan in plans:
        expected, expected_sql = orm(Plan.objects.select_related("issuer", "issuer__unit").filter(pk=plan.pk).order_by())
        got, sql = compiled(_PLAN_WITH_ISSUER, plan.pk)
        assert sql == expected_sql  # the ORM's statement, one query
        assert len(got) == 1 and fields(got[0]) == fields(expected[0]) and typed(got[0]) == typed(expected[0])
        with CaptureQueriesContext(connection) as ctx:
            issuer, expected_issuer = got[0].issuer, expected[0].issuer
            unit = issuer.unit if issuer else None
        assert not ctx.captured_queries  # loaded with the plan
        assert fields(issuer) == fields(expected_issuer) and typed(issuer) == typed(expected_issuer)
        assert fields(unit) == fields(expected_issuer.unit if expected_issuer else None)
        assert got[0]._state.adding is False and got[0]._state.db == expected[0]._state.db


def test_the_targets_in_order_with_their_indicator_are_the_orms(plans):
    for plan in plans:
        expected, expected_sql = orm(
            PlanTarget.objects.filter(plan_id=plan.pk).select_related("indicator").order_by("milestone_year", "order", "pk")
        )
        got, sql = compiled(_PLAN_TARGETS, plan.pk)
        assert sql == expected_sql
        assert [fields(t) for t in got] == [fields(t) for t in expected]
        assert [typed(t) for t in got] == [typed(t) for t in expected]
        with CaptureQueriesContext(connection) as ctx:
            indicators = [t.indicator for t in got]
        assert not ctx.captured_queries
        assert [fields(i) for i in indicators] == [fields(t.indicator) for t in expected]
    assert [t.code for t in _PLAN_TARGETS.fetch(plans[0].pk)] == ["T1", "T3", "T2"]
    assert isinstance(_PLAN_TARGETS.fetch(plans[0].pk)[2].indicator.params, dict)  # JSON converted


@pytest.mark.parametrize("key", [0, -1, MARKER, 10**9, 2**63 - 1, 2**63, -(2**63) - 1, 10**30])
def test_no_row_and_no_error_for_any_other_key(plans, key):
    assert _PLAN_WITH_ISSUER.fetch(key) == []
    assert _PLAN_TARGETS.fetch(key) == []


def test_a_queryset_with_other_parameters_runs_as_the_orm(plans):
    """A queryset whose parameters are not exactly the one value is not compiled: it runs as
    usual (the same objects)."""
    query = CompiledQuery(lambda pk: Plan.objects.filter(pk=pk, title__startswith="Kế"))
    assert [p.pk for p in query.fetch(plans[0].pk)] == [plans[0].pk]
    assert query._compiled[connection.alias] is None
