"""The budget page adds its totals up from its rows on PostgreSQL (issue 17): the same figures as
``selectors.budget_figures`` — allocated (a line without a year spread over the plan's years),
spent, number of lines, percent — without the two aggregate queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from dashboards import selectors as s
from tests.dashboards.years_queries import YEARS_VERSION
from tests.plans.factories import BudgetLineFactory, IssuedPlanFactory


@pytest.fixture
def more_plans(world, province_agency, agency_a):
    """Plans of three and seven years with lines without a year (shares with many decimals),
    one without any line, one outside the window."""
    for issuer, start, end, amounts in (
        (province_agency, 2023, 2025, (Decimal(50_000_000), Decimal("1000000.01"))),
        (agency_a, 2019, 2025, (Decimal(7_000_001), Decimal(10))),
        (agency_a, 2025, 2025, ()),
        (agency_a, 2021, 2023, (Decimal(999),)),
    ):
        plan = IssuedPlanFactory(issuer=issuer, period_start=datetime.date(start, 1, 1), period_end=datetime.date(end, 12, 31))
        for amount in amounts:
            BudgetLineFactory(plan=plan, amount=amount, year=None)
        BudgetLineFactory(plan=plan, amount=Decimal(3), year=2025)


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_page_totals_are_budget_figures(client_for, world, more_plans, leader, year):
    response = client_for(leader).get(f"{reverse('dashboards:budget')}?year={year}")
    area, window = s.Area.of(leader.agency.unit), s.Window(year)
    expected = s.budget_figures(area, window)
    assert response.context["budget"] == expected
    assert expected["lines"] > 0


def test_totals_from_the_rows_match_on_every_area(world, more_plans, leader, agency_a):
    for unit in (leader.agency.unit, agency_a.unit, None):
        area, window = s.Area.of(unit), s.Window(2025)
        plans = list(s.budget_by_plan(area, window, line_counts=True))
        assert s.budget_figures_of_plans(plans) == s.budget_figures(area, window)
    assert s.budget_figures_of_plans([]) == s.budget_figures(s.Area.of(agency_a.unit), s.Window(2030))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the totals come from the rows on PostgreSQL only")
def test_budget_page_query_count_on_postgresql(client_for, world, more_plans, leader, django_assert_max_num_queries):
    """6, was 8: the totals come from the rows (2 queries fewer); the rows, their allocation,
    line counts and spending are one hand-written statement (was the plans with correlated
    subqueries, then the spending grouped per plan)."""
    c = client_for(leader)
    with django_assert_max_num_queries(6 + YEARS_VERSION):  # session, user, lineage, years, budget rows, notices
        assert c.get(f"{reverse('dashboards:budget')}?year=2025").status_code == 200


def test_spent_per_plan_is_the_spending_of_its_lines(world, more_plans, leader):
    """``spent`` (one grouped query) is, per plan, the approved spending of its lines in the window."""
    from reports.models import BudgetSpending

    area, window = s.Area.of(leader.agency.unit), s.Window(2025)
    plans = s.budget_by_plan(area, window)
    assert any(p.spent for p in plans)
    for plan in plans:
        expected = sum(
            (b.amount for b in BudgetSpending.objects.filter(
                budget_line__plan=plan, obligation__status="approved", obligation__kind="submission",
                obligation__period__end__range=(window.start, window.end),
                budget_line__in=[line.pk for line in plan.budget_lines.all() if line.year in (None, 2025)],
            )),
            Decimal(0),
        )
        assert plan.spent == expected


def _row_strings(plans):
    """Everything a budget row carries, as strings: the plan's and its issuer's columns, the
    amounts (their scale included) and the line count."""
    from directory.models import Agency
    from plans.models import Plan

    return [
        (
            [repr(f.value_from_object(p)) for f in Plan._meta.concrete_fields],
            [repr(f.value_from_object(p.issuer)) for f in Agency._meta.concrete_fields],
            str(p.allocated),
            str(p.spent),
            p.line_count,
        )
        for p in plans
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the hand-written statement is PostgreSQL's")
def test_budget_rows_sql_equals_the_orm_form(world, more_plans, leader, agency_a, django_assert_num_queries):
    """The hand-written statement returns the ORM form's rows string for string: same plans in
    the same order (most allocated first, ties by id), same columns, issuer, allocation (a line
    without a year spread over the plan's years, many decimals), spending and line counts —
    for a province, a district and the whole country, years and quarters, with and without data."""
    cases = 0
    for unit in (leader.agency.unit, agency_a.unit, None):
        area = s.Area.of(unit)
        for window in [s.Window(y) for y in (2019, 2023, 2024, 2025, 2030)] + [s.Window(2025, q) for q in (1, 2, 3, 4)]:
            expected = s._budget_by_plan_orm(area, window, line_counts=True)
            with django_assert_num_queries(1):
                rows = s.budget_by_plan(area, window)
            assert _row_strings(rows) == _row_strings(expected), (unit, window)
            cases += bool(expected)
    assert cases >= 10
    # The shares with many decimals and the spending are among them.
    rows = s.budget_by_plan(s.Area.of(None), s.Window(2025))
    assert any(p.spent for p in rows) and any(len(str(p.allocated).partition(".")[2].rstrip("0")) > 2 for p in rows)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the hand-written statement is PostgreSQL's")
def test_budget_rows_sql_escapes_the_area_paths(world, more_plans, leader):
    """The area's paths go to LIKE as parameters with ``%`` and ``_`` escaped, as the ORM's
    ``startswith`` does: a path with those characters matches only itself."""
    area = s.Area.of(leader.agency.unit)
    odd = s.Area(area.unit, tuple(p.replace("/", "_", 1) for p in area.paths) + ("%",))
    assert s.budget_by_plan(odd, s.Window(2025)) == []
    assert s._budget_by_plan_orm(odd, s.Window(2025)) == []
