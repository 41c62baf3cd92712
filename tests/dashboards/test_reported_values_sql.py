"""The "reported" provider (target progress page) reads the values grouped per (target, period,
kind) from the dashboards' read model (issue 17): the same figures, labels and histories as
the former Python grouping of every reported value, for every aggregation rule, null and zero
weights, several periods and consolidated reports."""

from collections import defaultdict
from decimal import Decimal

import pytest
from django.db import connection

from plans.progress import combine
from plans.providers import TargetValue
from reports.models import ObligationKind, ObligationStatus, ReportedValue
from reports.selectors import reported_target_values
from tests.directory.factories import AgencyFactory
from tests.plans.factories import PlanTargetFactory

from .conftest import make_obligation


def refresh_read_model(periods):
    """The fixtures set statuses by ``update()`` (past the services): keep the read model of
    approved values as the transitions keep it."""
    from dashboards.services import target_values_refresh

    for period in periods:
        for kind in (ObligationKind.SUBMISSION, ObligationKind.CONSOLIDATION):
            target_values_refresh(period_id=period.pk, kind=kind)


def reference_values(plan, targets) -> dict[int, TargetValue]:
    """The provider as it was before issue 17 (every value read, combined here), except that
    several consolidated reports of one period give their mean (it took whichever was read
    last; the dashboards and docs/dashboards.md say the mean)."""
    by_id = {t.pk: t for t in targets}
    rows = ReportedValue.objects.filter(
        target_id__in=list(by_id),
        obligation__period__requirement__plan_id=plan.pk,
        obligation__status=ObligationStatus.APPROVED,
        value__isnull=False,
    ).values_list(
        "target_id", "value", "weight", "obligation__kind", "obligation__period__label",
        "obligation__period__end", "obligation__period__due_date", "obligation__period_id", "obligation_id",
    ).order_by("obligation_id")
    buckets: dict[tuple, dict] = {}
    for target_id, value, weight, kind, label, end, due, period_id, _ob in rows:
        b = buckets.setdefault((target_id, period_id), {"cons": [], "subs": [], "label": label, "key": (end, due, period_id)})
        (b["cons"] if kind == ObligationKind.CONSOLIDATION else b["subs"]).append((value, weight))
    per_target = defaultdict(list)
    for (target_id, _p), b in buckets.items():
        if b["cons"]:
            value = sum((v for v, _w in b["cons"]), Decimal(0)) / len(b["cons"])
        else:
            value = combine([v for v, _w in b["subs"]], by_id[target_id].aggregation, [w for _v, w in b["subs"]])
        per_target[target_id].append((b["key"], b["label"], value, bool(b["cons"])))
    result = {}
    for target_id, items in per_target.items():
        items.sort(key=lambda x: x[0])
        consolidated = [i for i in items if i[3]]
        latest = consolidated[-1] if consolidated else items[-1]
        result[target_id] = TargetValue(latest[2], latest[1], tuple((lbl, v) for _k, lbl, v, _c in items))
    return result


@pytest.fixture
def every_rule(world, district_a, district_b, province):
    """One target per rule with values in three periods: weights missing, zero and set;
    a consolidated period; a returned report that must not count."""
    plan, periods = world["plan"], world["periods"]
    # Agencies of their own: the world's already have their reports for these periods.
    agency_a, agency_b = AgencyFactory(unit=district_a), AgencyFactory(unit=district_b)
    consolidators = (AgencyFactory(unit=province), AgencyFactory(unit=province))
    targets = {
        rule: PlanTargetFactory(plan=plan, code=f"R-{rule}", value=Decimal(50), milestone_year=2025, aggregation=rule)
        for rule in ("sum", "avg", "wavg", "min", "max", "any")
    }
    values = {
        1: {"a": (Decimal("12.5"), Decimal("3")), "b": (Decimal("-4.25"), None)},
        2: {"a": (Decimal("1"), Decimal("0")), "b": (Decimal("2"), Decimal("0"))},
        3: {"a": (Decimal("0"), None), "b": (Decimal("7.3333"), Decimal("1.5"))},
    }
    for q, by_agency in values.items():
        for agency, key in ((agency_a, "a"), (agency_b, "b")):
            value, weight = by_agency[key]
            ob = make_obligation(periods[q], agency, "draft")
            for t in targets.values():
                ReportedValue.objects.create(obligation=ob, target=t, value=value, weight=weight)
            type(ob).objects.filter(pk=ob.pk).update(status="approved", submitted_at=ob.submitted_at)
    returned = make_obligation(periods[3], AgencyFactory(unit=district_b), "draft")
    for t in targets.values():
        ReportedValue.objects.create(obligation=returned, target=t, value=Decimal(1000))
    type(returned).objects.filter(pk=returned.pk).update(status="returned")
    # Period 2 consolidated twice (the Liên minh HTX and the Sở both consolidate): their mean.
    for total, agency in zip((Decimal("40"), Decimal("41.5")), consolidators, strict=True):
        cons = make_obligation(periods[2], agency, "draft", kind=ObligationKind.CONSOLIDATION)
        for t in targets.values():
            ReportedValue.objects.create(obligation=cons, target=t, value=total)
        type(cons).objects.filter(pk=cons.pk).update(status="approved")
    refresh_read_model(periods.values())
    return [*targets.values(), *world["targets"]]


def test_same_figures_as_the_python_grouping(world, every_rule):
    got = reported_target_values(world["plan"], every_rule)
    assert got == reference_values(world["plan"], every_rule)
    by_code = {t.code: got.get(t.pk) for t in every_rule}
    # The consolidated period 2 is the figure; its history keeps periods 1 and 3 combined by rule.
    assert by_code["R-sum"].value == Decimal("40.75") and by_code["R-sum"].label == "Quý II/2025"
    assert [v for _l, v in by_code["R-sum"].history] == [Decimal("8.25"), Decimal("40.75"), Decimal("7.3333")]
    assert by_code["R-avg"].history[0][1] == Decimal("4.125")
    # Weighted: 12.5 × 3 + (−4.25) × 0 over 3; zero weights fall back to the mean; 7.3333 × 1.5 / 1.5.
    assert [v for _l, v in by_code["R-wavg"].history] == [Decimal("12.5"), Decimal("40.75"), Decimal("7.3333")]
    assert by_code["R-min"].history[0][1] == Decimal("-4.25") and by_code["R-max"].history[2][1] == Decimal("7.3333")
    assert by_code["R-any"].history[0][1] == Decimal(1)
    assert by_code["T3"] is None  # no value at all


def test_one_query_of_the_read_model(world, every_rule, django_assert_num_queries):
    """One query, reading the values grouped in the read model (not one row per reported value)."""
    with django_assert_num_queries(1) as captured:
        reported_target_values(world["plan"], every_rule)
    sql = captured.captured_queries[0]["sql"]
    assert "dashboards_targetperiodvalue" in sql and "reports_reportedvalue" not in sql


def test_the_read_model_not_the_raw_values(world, every_rule):
    """What the provider shows is the read model's: a value approved past the transitions (no
    refresh) is not shown until the read model is rewritten, as on the dashboards."""
    target = every_rule[0]
    period = world["periods"][1]
    before = reported_target_values(world["plan"], [target])[target.pk]
    ob = make_obligation(period, AgencyFactory(unit=world["obligations"]["q1a"].agency.unit), "draft")
    ReportedValue.objects.create(obligation=ob, target=target, value=Decimal(1000))
    type(ob).objects.filter(pk=ob.pk).update(status="approved")
    assert reported_target_values(world["plan"], [target])[target.pk] == before
    refresh_read_model([period])
    after = reported_target_values(world["plan"], [target])[target.pk]
    assert after != before and after == reference_values(world["plan"], [target])[target.pk]


def test_unknown_rule_is_still_refused(world):
    target = PlanTargetFactory(plan=world["plan"], code="X", milestone_year=2025, aggregation="sum")
    period = world["periods"][1]
    ob = make_obligation(period, AgencyFactory(unit=world["obligations"]["q1a"].agency.unit), "draft")
    ReportedValue.objects.create(obligation=ob, target=target, value=Decimal(3))
    type(ob).objects.filter(pk=ob.pk).update(status="approved")
    refresh_read_model([period])
    type(target).objects.filter(pk=target.pk).update(aggregation="mode")
    target.refresh_from_db()
    with pytest.raises(ValueError):
        reported_target_values(world["plan"], [target])


def test_the_worlds_own_figures(world):
    """The world's figures (sum 8 + 7, average of 50 and 70; a returned report left out) both ways."""
    targets = list(world["targets"][:2])
    got = reported_target_values(world["plan"], targets)
    assert got == reference_values(world["plan"], targets)
    assert got[world["targets"][0].pk].history[0] == ("Quý I/2025", Decimal(15))
    assert got[world["targets"][0].pk].history[1] == ("Quý II/2025", Decimal(9))
    assert got[world["targets"][1].pk].value == Decimal(60)


def test_the_progress_page_agrees_with_the_dashboards(world, every_rule):
    """The provider's latest value is ``dashboards.selectors.latest_values``' for every target,
    two consolidated reports with different totals included (their mean on both)."""
    from dashboards.selectors import latest_values
    from dashboards.services import target_values_refresh

    for period in world["periods"].values():
        for kind in (ObligationKind.SUBMISSION, ObligationKind.CONSOLIDATION):
            target_values_refresh(period_id=period.pk, kind=kind)
    provided = reported_target_values(world["plan"], every_rule)
    latest = latest_values(every_rule)
    assert {pk: v.value for pk, v in provided.items()} == {pk: p.value for pk, p in latest.items()}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the hand-written statement is PostgreSQL's")
def test_statement_rows_equal_the_orm_form(world, every_rule, django_assert_num_queries):
    """On PostgreSQL the rows come from a statement written once (issue 17): the same rows as the
    ORM form, string for string — consolidated and not, null and zero weights, every rule."""
    from reports.selectors import _reported_rows_orm, _reported_rows_postgresql

    ids = [t.pk for t in every_rule]
    expected = sorted(map(repr, _reported_rows_orm(world["plan"], ids)))
    with django_assert_num_queries(1):
        rows = _reported_rows_postgresql(world["plan"], ids)
    assert sorted(map(repr, rows)) == expected
    assert any(r[5] for r in rows) and any(not r[5] for r in rows)  # consolidated and submissions
    assert _reported_rows_postgresql(world["plan"], [every_rule[0].pk + 10_000]) == []
