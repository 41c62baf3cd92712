"""Independent cross-check of the per-target figures of the leader's pages (issue 15): the plan
value as the document states it and the % of progress, written here from the definitions in
docs/dashboards.md (not from plans.progress) and compared on Hypothesis-generated targets —
every comparator, ranges, both directions, with and without a baseline (on either side of the
target), values inside, below and above — in Vietnamese ("≥ 1.234,5", "từ 1 đến 5")."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils import translation
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from plans import progress

SIGNS = {">=": "≥", ">": ">", "=": "=", "~": "≈", "<=": "≤", "<": "<"}
number_st = st.decimals(min_value=Decimal(1), max_value=Decimal(100000), places=2)


def vn(number: Decimal) -> str:
    """1234.5 → "1.234,5": up to two decimals, rounded half up, trailing zeros dropped."""
    whole, _, frac = f"{number.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}".partition(".")
    frac = frac.rstrip("0")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{frac}" if frac else grouped


def plan_text(comparator, value, value_max, equal_sign=True):
    if comparator == "range":
        return f"từ {vn(value)} đến {vn(value_max)}"
    if comparator == "=" and not equal_sign:
        return vn(value)
    return f"{SIGNS[comparator]} {vn(value)}"


def percent(comparator, value, value_max, actual, direction, baseline):
    """The definition of "% of progress" (docs/dashboards.md), written out."""
    lower = comparator in ("<=", "<") or (comparator in ("=", "~") and direction == "lower")
    if comparator == "range":
        if value <= actual <= value_max:
            return Decimal(100)
        # Below the range: towards its lower bound; above it: down towards its upper bound.
        goal, lower = (value_max, True) if actual > value_max else (value, False)
    else:
        reached = {
            ">=": actual >= value, ">": actual > value, "<=": actual <= value, "<": actual < value,
        }.get(comparator, actual <= value if lower else actual >= value)
        if reached:
            return Decimal(100)
        goal = value
    if lower:
        if baseline is not None and baseline > goal:
            ratio = (baseline - actual) / (baseline - goal)
        else:
            ratio = goal / actual  # not reached: actual > goal ≥ 1
    elif baseline is not None and baseline < goal:
        ratio = (actual - baseline) / (goal - baseline)
    else:
        ratio = actual / goal
    return min(Decimal(100), max(Decimal(0), ratio * 100))


target_st = st.fixed_dictionaries({
    "comparator": st.sampled_from([">=", ">", "=", "~", "<=", "<", "range"]),
    "value": number_st,
    "width": st.decimals(min_value=Decimal(0), max_value=Decimal(50), places=2),
    "actual": st.one_of(number_st, st.decimals(min_value=Decimal(0), max_value=Decimal(200), places=2)),
    "baseline": st.one_of(st.none(), st.decimals(min_value=Decimal(0), max_value=Decimal(100000), places=2)),
    "direction": st.sampled_from(["higher", "lower"]),
    "equal_sign": st.booleans(),
})


@hsettings(max_examples=300, deadline=None)
@given(target_st)
def test_plan_value_and_progress_match_their_definitions(t):
    value_max = t["value"] + t["width"] if t["comparator"] == "range" else None
    with translation.override("vi"):
        text = progress.target_text(t["comparator"], t["value"], value_max, equal_sign=t["equal_sign"])
    assert text == plan_text(t["comparator"], t["value"], value_max, t["equal_sign"])

    got, formula = progress.progress_percent(
        t["comparator"], t["value"], t["actual"], t["direction"], value_max=value_max, baseline=t["baseline"]
    )
    expected = percent(t["comparator"], t["value"], value_max, t["actual"], t["direction"], t["baseline"])
    assert abs(got - expected) <= Decimal("0.05"), (got, expected, formula)
    assert got == got.quantize(Decimal("0.1")) and formula  # one decimal, the formula shown on hover


def test_a_greater_or_equal_target_marked_lower_is_better_is_not_100_percent_before_it_is_reached():
    """Found by the cross-check: "≥ 45" with the direction "lower" (a data-entry slip the form
    allows) at 38 showed 100 % (45 / 38, capped) while its status was not achieved."""
    pct, formula = progress.progress_percent(">=", 45, 38, "lower")
    assert pct == Decimal("84.4") and formula.startswith("38 / 45")
    assert progress.progress_percent(">", 45, 50, "lower")[0] == 100
    assert progress.progress_percent("=", 10, 11, "lower")[0] == Decimal("90.9")  # "=" follows the direction
