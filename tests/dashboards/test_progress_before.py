"""The progress page's rows are what they were before issue 17's last pass on its Python (12/2026):
the "reported" provider grouping its rows in one pass (the statement orders them), the
sparklines' points without ``Decimal(str(v))``, their labels' numbers written together
(``core.formatting.format_numbers``). The former code is kept in
``reference/progress_before.py``; compared value for value (each ``Decimal``'s ``repr``, so its
exponent too) and the table string for string, in Vietnamese and English, over every
aggregation rule, missing and zero weights, consolidated periods, a target without values and
a plan without targets."""

import random
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from dashboards.charts import sparkline_points
from dashboards.views import plan_progress, progress_rows_html
from reports.selectors import reported_target_values
from tests.dashboards.reference.progress_before import (
    plan_progress_before,
    reported_target_values_before,
    sparkline_points_before,
)
from tests.plans.factories import IssuedPlanFactory, PlanTargetFactory

from .conftest import TODAY
from .test_reported_values_sql import every_rule  # noqa: F401  (a fixture)


def _rows(data) -> list[tuple]:
    return [
        (r["target"].pk, repr(r["actual"]), r["period_label"], repr(r["registry"]), r["registry_label"], r["progress"],
         str(r["label"]), r["css"], repr(r["history"]), r["sparkline"], r["sparkline_label"])
        for r in data["rows"]
    ]


def _table(data) -> str:
    return render_to_string("dashboards/partials/progress_table.html", {**data, "rows_html": progress_rows_html(data["rows"])})


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_rows_and_table_are_the_former_ones(world, every_rule, language):  # noqa: F811
    plan = world["plan"]
    PlanTargetFactory(plan=plan, code="N", description="Chưa có số liệu", value=Decimal(3), milestone_year=2026)
    with translation.override(language):
        new, former = plan_progress(plan, TODAY), plan_progress_before(plan, TODAY)
        assert len(new["rows"]) == len(every_rule) + 1
        assert sum(1 for r in new["rows"] if r["sparkline"]) >= 6 and any(not r["history"] for r in new["rows"])
        assert _rows(new) == _rows(former)
        assert [(str(label), css, n) for label, css, n in new["status_counts"]] == [
            (str(label), css, n) for label, css, n in former["status_counts"]
        ]
        assert _table(new) == _table(former)


def test_the_provider_is_the_former_grouping(world, every_rule):  # noqa: F811
    plan = world["plan"]
    new, former = reported_target_values(plan, every_rule), reported_target_values_before(plan, every_rule)
    assert new and {k: repr(v) for k, v in new.items()} == {k: repr(v) for k, v in former.items()}
    assert any(len(v.history) >= 3 for v in new.values())


def test_a_plan_without_targets(world):
    plan = IssuedPlanFactory(issuer=world["plan"].issuer)
    with translation.override("vi"):
        assert _table(plan_progress(plan, TODAY)) == _table(plan_progress_before(plan, TODAY))
    assert reported_target_values(plan, []) == {} == reported_target_values_before(plan, [])


def test_sparkline_points_are_the_former_ones():
    """Decimals of every exponent and sign, ints, floats, None between them, flat series, one
    value, nothing."""
    rng = random.Random(42)
    series = [[], [None], [Decimal(1)], [Decimal(2), None], [Decimal("1.50"), Decimal("1.5")], [None, 3, 3, None],
              [Decimal("0.0225"), Decimal("0.9225"), Decimal("40.0225")], [1.5, Decimal("-2.25"), 7], [0, 10, 5]]
    for _ in range(400):
        n = rng.randint(0, 25)
        kind = rng.randrange(3)
        series.append([
            None if rng.random() < 0.1
            else Decimal(rng.randint(-10**6, 10**7)) / Decimal(rng.choice([1, 3, 7, 100, 10**4])) if kind == 0
            else Decimal(rng.randint(0, 40)) / 4 if kind == 1
            else rng.randint(-5, 5)
            for _i in range(n)
        ])
    drawn = 0
    for values in series:
        points = sparkline_points(values)
        assert points == sparkline_points_before(values), values
        drawn += bool(points)
        assert sparkline_points(values, width=60, height=10) == sparkline_points_before(values, width=60, height=10)
    assert drawn > 300
