"""plans.progress: comparators, direction, the pro-rated path, statuses and combine rules."""

from datetime import date
from decimal import Decimal

import pytest

from plans import progress
from plans.progress import (
    ACHIEVED,
    AT_RISK,
    BEHIND,
    NO_DATA,
    ON_TRACK,
    combine,
    evaluate,
    expected_on_path,
    is_achieved,
)

START = date(2023, 1, 1)


def ev(comparator, value, actual, as_of, value_max=None, baseline=None, milestone=2025, direction="higher"):
    return evaluate(comparator=comparator, value=value, value_max=value_max, baseline=baseline, milestone_year=milestone,
                    start=START, actual=actual, as_of=as_of, direction=direction)


@pytest.mark.parametrize(
    ("comparator", "value", "value_max", "actual", "expected"),
    [
        (">=", 17, None, 17, True), (">=", 17, None, 16, False),
        (">", 60, None, 60, False), (">", 60, None, 61, True),
        ("<=", 5, None, 5, True), ("<=", 5, None, 6, False),
        ("<", 5, None, 4, True), ("<", 5, None, 5, False),
        ("range", 1, 5, 3, True), ("range", 1, 5, 0, False), ("range", 1, 5, 6, False),
        ("=", 230, None, 231, True), ("~", 70, None, 69, False), ("~", 70, None, 70, True),
    ],
)
def test_comparators(comparator, value, value_max, actual, expected):
    """Each comparator decides 'achieved' as the domain reads it (≈ and = count when reached)."""
    assert is_achieved(comparator, value, value_max, actual) is expected


def test_equal_respects_lower_direction():
    """For a lower-is-better '=' target, reaching means staying at or under the value."""
    assert is_achieved("=", 10, None, 9, direction="lower")
    assert not is_achieved("=", 10, None, 11, direction="lower")


def test_no_data():
    """Without a value the status is no_data."""
    assert ev(">=", 17, None, date(2024, 6, 30)).status == NO_DATA


def test_achieved_before_milestone():
    """A target already reached is achieved, whatever the date."""
    assert ev(">=", 17, 17, date(2023, 6, 30), baseline=15).status == ACHIEVED


def test_pro_rated_path_midway():
    """Halfway through, the expected value is halfway from the baseline to the target."""
    expected = expected_on_path(value=Decimal(25), baseline=Decimal(15), start=date(2024, 1, 1), milestone_year=2024,
                                as_of=date(2024, 7, 1))
    assert Decimal(19.9) < expected < Decimal(20.1)


@pytest.mark.parametrize(
    ("actual", "status"),
    [(Decimal(58), ON_TRACK), (Decimal(43), ON_TRACK), (Decimal(40), AT_RISK), (Decimal(34), BEHIND)],
)
def test_tolerance_bands(actual, status):
    """Within 15 % of the path: on track; 15–30 % short: at risk; further: behind."""
    # Path from 0 to 100 over 2023-01-01 … 2025-12-31: on 2024-07-02 expected ≈ 50.05, so on track ≥ 42.5, at risk ≥ 35.
    result = ev(">=", 100, actual, date(2024, 7, 2))
    assert result.status == status


def test_unmet_after_milestone_is_behind():
    """After the milestone year, an unmet target is behind even if close."""
    assert ev(">=", 17, 16, date(2026, 1, 5), baseline=15).status == BEHIND


def test_lower_is_better_path():
    """For ≤ targets the value must stay under the path (inverted percentage)."""
    # From 50 down to 10: on 2024-07-02 the path is at ≈ 30, i.e. a reduction of ≈ 20 expected
    # (on track from 85 % of it: ≤ 33; at risk from 70 %: ≤ 36).
    assert ev("<=", 10, 32, date(2024, 7, 2), baseline=50).status == ON_TRACK
    assert ev("<=", 10, 35, date(2024, 7, 2), baseline=50).status == AT_RISK
    assert ev("<=", 10, 37, date(2024, 7, 2), baseline=50).status == BEHIND
    assert ev("<=", 10, 60, date(2024, 7, 2), baseline=50).status == BEHIND
    assert progress.percent_of_plan("<=", 10, 20) == Decimal("50.0")


def test_bar_percent_is_clamped():
    """The progress bar stays within 0–100."""
    assert ev(">=", 10, 30, date(2024, 1, 1)).bar_percent == 100
    assert ev(">=", 10, None, date(2024, 1, 1)).bar_percent == 0


@pytest.mark.parametrize(
    ("rule", "values", "weights", "expected"),
    [
        ("sum", [1, 2, None, 3], None, Decimal(6)),
        ("avg", [2, 4], None, Decimal(3)),
        ("wavg", [10, 20], [1, 3], Decimal("17.5")),
        ("wavg", [10, 20], [0, 0], Decimal(15)),
        ("min", [3, 1, 2], None, Decimal(1)),
        ("max", [3, 1, 2], None, Decimal(3)),
        ("any", [0, 0, 1], None, Decimal(1)),
        ("any", [0, 0], None, Decimal(0)),
        ("sum", [None, None], None, None),
    ],
)
def test_combine(rule, values, weights, expected):
    """Lower-level values combine by the target's rule; missing values are ignored."""
    assert combine(values, rule, weights) == expected


def test_combine_unknown_rule():
    """An unknown rule is a programming error."""
    with pytest.raises(ValueError):
        combine([1], "median")


# --------------------------------------------------------------------------- one definition of progress
# Issue 15: progress ignored the baseline and a range's upper bound.


def test_progress_counts_from_the_baseline():
    """"≥ 45, baseline 38" at 38 is 0 % of the way (it showed 84,4 % while the status said behind)."""
    result = ev(">=", 45, 38, date(2025, 6, 30), baseline=38)
    assert result.percent_of_plan == Decimal("0.0")
    assert result.status == BEHIND
    assert "(38 − 38) / (45 − 38)" in result.formula
    assert ev(">=", 45, Decimal("41.5"), date(2023, 6, 30), baseline=38).percent_of_plan == Decimal("50.0")


def test_progress_lower_is_better_from_the_baseline():
    """From 50 down to 10, a value of 30 is half of the way."""
    pct, formula = progress.progress_percent("<=", 10, 30, baseline=50)
    assert pct == Decimal("50.0")
    assert formula.startswith("(50 − 30) / (50 − 10)")


def test_progress_without_baseline_and_capping():
    """Without a baseline: actual / target; capped to 0–100 % (a reached target is 100 %)."""
    assert progress.percent_of_plan(">=", 80, 20) == Decimal("25.0")
    assert progress.percent_of_plan(">=", 80, 200) == Decimal("100.0")
    assert progress.percent_of_plan(">=", 45, 30, baseline=38) == Decimal("0.0")  # fell below the baseline


def test_range_inside_is_reached_not_437_percent():
    """"từ 01 đến 05 thành viên/HTX" with 4,38 is inside the range: achieved, 100 % (was 437,5 %)."""
    result = ev("range", 1, Decimal("4.38"), date(2024, 6, 30), value_max=5)
    assert result.status == ACHIEVED
    assert result.percent_of_plan == Decimal("100.0")
    assert progress.percent_of_plan("range", 1, Decimal("0.5"), value_max=5) == Decimal("50.0")
    # Above the range: measured as lower-is-better towards the upper bound.
    assert progress.percent_of_plan("range", 1, 10, value_max=5) == Decimal("50.0")


def test_target_text_states_both_bounds_and_the_document_comparator():
    """One wording of a plan value: a range keeps its upper bound; "=" and "≈" stay as written."""
    from django.utils import translation

    with translation.override("vi"):
        assert progress.target_text("range", Decimal("1.0000"), Decimal("5.0000")) == "từ 1 đến 5"
    assert progress.target_text(">=", Decimal("45")) == "≥ 45"
    assert progress.target_text("~", Decimal("70")) == "≈ 70"
    assert progress.target_text("=", Decimal("23")) == "= 23"
    assert progress.target_text("=", Decimal("23"), equal_sign=False) == "23"
    assert progress.target_text(">", Decimal("60.5")) == "> 60,5"
