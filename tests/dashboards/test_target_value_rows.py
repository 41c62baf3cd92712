"""The area's targets with the value they stand at, in one statement on PostgreSQL (issue 17,
branch ``heavy``): ``selectors.target_value_rows`` returns, row for row and value for value
(types included), what the former two queries returned (``area_targets`` and ``latest_values``
through the ORM, kept as ``_target_value_rows_orm`` for SQLite) — every aggregation rule,
consolidated periods, weights, quarters that end before later periods, areas and the country —
and the statuses the home and targets pages count are ``progress.evaluate``'s."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection

from dashboards import selectors as s
from dashboards.services import target_values_rebuild
from plans import progress
from tests.plans.factories import IssuedPlanFactory, PlanTargetFactory

from .test_reported_values_sql import every_rule  # noqa: F401 (a fixture)

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the statement is PostgreSQL's")
TODAY = datetime.date(2025, 11, 15)
WINDOWS = [s.Window(2024), s.Window(2025), s.Window(2026), s.Window(2025, 1), s.Window(2025, 2), s.Window(2025, 3)]


@pytest.fixture
def targets(world, every_rule, agency_a, district_a):  # noqa: F811
    """The world's and every rule's targets, one of a district's plan, one of a plan not issued
    and one whose milestone is before 2025; the read model rebuilt from the values (some were
    approved by ``update``, which bypasses the transitions)."""
    district_plan = IssuedPlanFactory(
        issuer=agency_a, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2026, 12, 31)
    )
    PlanTargetFactory(plan=district_plan, code="D1", value=Decimal(3), milestone_year=2026, comparator="range",
                      value_max=Decimal(9))
    PlanTargetFactory(plan=world["plan"], code="OLD", value=Decimal(3), milestone_year=2024)
    draft = IssuedPlanFactory(issuer=agency_a, status="draft", period_start=datetime.date(2025, 1, 1),
                              period_end=datetime.date(2025, 12, 31))
    PlanTargetFactory(plan=draft, code="DRAFT", value=Decimal(3), milestone_year=2025)
    target_values_rebuild()
    return every_rule


def _areas(world, district_a):
    return [s.Area.of(world["plan"].issuer.unit), s.Area.of(district_a), s.Area.of(None)]


@postgresql_only
def test_one_statement_gives_the_former_queries_rows(targets, world, district_a):
    compared = with_actual = consolidated_seen = 0
    for area in _areas(world, district_a):
        for window in WINDOWS:
            got = sorted(s.target_value_rows(area, window))
            former = sorted(s._target_value_rows_orm(area, window))
            assert got == former, (area, window)
            # Same types too (a float or a str where a Decimal was would still compare equal).
            assert [tuple(type(v) for v in row) for row in got] == [tuple(type(v) for v in row) for row in former]
            compared += len(got)
            with_actual += sum(row[-1] is not None for row in got)
            consolidated_seen += any(row[-1] == Decimal("40.75") for row in got)
    assert compared > 50 and with_actual > 20 and consolidated_seen  # the cases are not empty


@postgresql_only
def test_one_statement_for_an_area(targets, world, django_assert_num_queries):
    area = s.Area.of(world["plan"].issuer.unit)
    with django_assert_num_queries(1):
        rows = s.target_state_rows(area, s.Window(2025), TODAY)
    assert len(rows) >= 9


def test_the_quarter_bounds_the_value(targets, world):
    """A quarter's window reads the values of periods ending in it or before (T1: 8 + 7 in the
    first quarter, 9 from the second on)."""
    area = s.Area.of(world["plan"].issuer.unit)
    t1 = world["targets"][0].pk
    actual = {w.quarter: {r[0]: r[-1] for r in s.target_value_rows(area, w)}[t1] for w in WINDOWS[3:]}
    assert actual == {1: Decimal(15), 2: Decimal(9), 3: Decimal(9)}


def test_states_are_evaluate_status(targets, world, district_a):
    """``target_state_rows`` (the status alone) and ``target_status_rows`` (the full progress,
    the exports) agree with ``progress.evaluate`` on every row, for every area and window."""
    statuses = set()
    for area in _areas(world, district_a):
        for window in WINDOWS:
            for today in (TODAY, datetime.date(2027, 1, 10)):
                as_of = window.as_of(today)
                full = {pk: (path, prog) for pk, path, prog in s.target_status_rows(area, window, today)}
                states = s.target_state_rows(area, window, today)
                assert len(states) == len(full)
                for pk, path, status, actual in states:
                    assert full[pk][0] == path
                    prog = full[pk][1]
                    assert (status, actual) == (prog.status, prog.actual)
                    statuses.add(status)
                for pk, _p, c, v, vmax, b, m, d, start, actual in s.target_value_rows(area, window):
                    assert full[pk][1] == progress.evaluate(
                        comparator=c, value=v, value_max=vmax, baseline=b, milestone_year=m, start=start,
                        actual=actual, as_of=as_of, direction=d,
                    )
    assert {progress.NO_DATA, progress.ACHIEVED, progress.BEHIND} <= statuses


def test_counts_and_statuses_come_from_the_state_rows(targets, world):
    area, window = s.Area.of(world["plan"].issuer.unit), s.Window(2025)
    rows = s.target_state_rows(area, window, TODAY)
    counts = s.target_status_counts(area, window, TODAY)
    assert counts["total"] == len(rows) and sum(counts[k] for k in progress.STATUS_ORDER) == len(rows)
    for k in progress.STATUS_ORDER:
        assert counts[k] == sum(r[2] == k for r in rows)
    assert s.target_statuses(area, window, TODAY) == {pk: (st, a) for pk, _p, st, a in rows}


def test_combined_is_pick_over_the_read_models_row():
    """``_combined`` (one row of the read model) gives ``_pick``'s value by every rule, the mean
    for consolidated reports, with ``a`` = s / n as ``latest_values`` computed it before."""
    rows = [
        (0, Decimal(0), Decimal(0), Decimal(0), None, None),
        (1, Decimal("12.5000"), Decimal("12.5000"), Decimal("12.5000"), Decimal("3.0000"), Decimal("37.50000000")),
        (3, Decimal("10.0000"), Decimal("-4.2500"), Decimal("7.3333"), Decimal(0), Decimal(0)),
        (2, Decimal("-1.0000"), Decimal("-2.0000"), Decimal("1.0000"), None, None),
        (7, Decimal("100.0001"), Decimal("0.0001"), Decimal("99.0000"), Decimal("1.5000"), Decimal("10.99995000")),
    ]
    for rule in ("sum", "avg", "wavg", "min", "max", "any", "mode"):
        for consolidated in (False, True):
            for n, total, mn, mx, sw, swv in rows:
                row = {"n": n, "s": total, "a": total / n if n else None, "mn": mn, "mx": mx, "sw": sw, "swv": swv}
                before = row["a"] if consolidated else s._pick(rule, row)
                if before is not None and not isinstance(before, Decimal):
                    before = Decimal(str(before))
                got = s._combined(rule, consolidated, n, total, mn, mx, sw, swv)
                assert (got, type(got)) == (before, type(before)), (rule, consolidated, n)


def test_targets_list_shows_what_it_showed(client_for, targets, world, leader):
    """The targets list (statuses alone for the order, the full progress of the rows shown) lists
    the rows, in the order and with the progress, that evaluating every target in full gave."""
    from django.urls import reverse
    from django.utils import timezone

    area = s.Area.of(leader.agency.unit)
    c = client_for(leader)
    for year in (2025, 2026):
        window = s.Window(year)
        today = timezone.localdate()  # the view's day
        order = {st: i for i, st in enumerate(progress.STATUS_ORDER)}
        full = sorted(((pk, prog) for pk, _path, prog in s.target_status_rows(area, window, today)),
                      key=lambda r: (order[r[1].status], r[0]))
        for wanted in ("", *progress.STATUS_ORDER):
            response = c.get(f"{reverse('dashboards:targets')}?year={year}&status={wanted}")
            expected = [(pk, prog) for pk, prog in full if not wanted or prog.status == wanted]
            assert [(r["target"].pk, r["progress"]) for r in response.context["rows"]] == expected[:50]
            assert response.context["page_obj"].paginator.count == len(expected)
