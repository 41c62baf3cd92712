"""Progress of a target, and how lower-level values combine. Pure functions, no database.

Status rules (used by consolidation, documents and dashboards alike):

* ``achieved`` — the comparator is satisfied (≥, >, ≤, <, range; "=" and "≈" count as
  reached when the value is reached in the target's direction).
* ``no_data`` — no value reported yet.
* otherwise the value is compared with the *pro-rated path*: a straight line from the
  baseline (or zero) at the start of the plan to the target value at the end of the
  milestone year. Following TolaData's convention, a value within 15 % of the path is
  ``on_track``; 15–30 % short is ``at_risk``; further short is ``behind``. After the
  milestone year has ended, an unmet target is ``behind``. "Short" respects direction:
  for lower-is-better targets (≤, <) the value must stay under the path.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

ON_TRACK_TOLERANCE = Decimal("0.15")
AT_RISK_TOLERANCE = Decimal("0.30")

ACHIEVED = "achieved"
ON_TRACK = "on_track"
AT_RISK = "at_risk"
BEHIND = "behind"
NO_DATA = "no_data"

STATUS_ORDER = (BEHIND, AT_RISK, ON_TRACK, ACHIEVED, NO_DATA)


@dataclass(frozen=True)
class Progress:
    actual: Decimal | None
    expected: Decimal | None
    percent_of_plan: Decimal | None
    status: str

    @property
    def bar_percent(self) -> int:
        """0–100 for a progress bar."""
        if self.percent_of_plan is None:
            return 0
        return int(max(Decimal(0), min(Decimal(100), self.percent_of_plan)))


def _d(value) -> Decimal | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def is_lower_better(comparator: str, direction: str = "higher") -> bool:
    return comparator in ("<=", "<") or direction == "lower"


def is_achieved(comparator: str, value, value_max, actual, direction: str = "higher") -> bool:
    value, value_max, actual = _d(value), _d(value_max), _d(actual)
    if actual is None or value is None:
        return False
    if comparator == ">=":
        return actual >= value
    if comparator == ">":
        return actual > value
    if comparator == "<=":
        return actual <= value
    if comparator == "<":
        return actual < value
    if comparator == "range":
        upper = value_max if value_max is not None else value
        return value <= actual <= upper
    # "=" and "≈": reached in the target's direction.
    return actual <= value if direction == "lower" else actual >= value


def percent_of_plan(comparator: str, value, actual, direction: str = "higher") -> Decimal | None:
    """Actual as a percentage of the plan value (inverted for lower-is-better targets)."""
    value, actual = _d(value), _d(actual)
    if value is None or actual is None:
        return None
    if is_lower_better(comparator, direction):
        if actual <= 0:
            return Decimal(100) if value >= 0 else None
        return (value / actual * 100).quantize(Decimal("0.1"))
    if value == 0:
        return Decimal(100) if actual >= 0 else Decimal(0)
    return (actual / value * 100).quantize(Decimal("0.1"))


def expected_on_path(*, value, baseline, start: date, milestone_year: int, as_of: date) -> Decimal | None:
    """Where the value should be on ``as_of`` on the straight path to the milestone."""
    value = _d(value)
    if value is None:
        return None
    base = _d(baseline) or Decimal(0)
    end = date(milestone_year, 12, 31)
    if as_of >= end or end <= start:
        return value
    if as_of <= start:
        return base
    fraction = Decimal((as_of - start).days) / Decimal((end - start).days)
    return base + (value - base) * fraction


def evaluate(
    *,
    comparator: str,
    value,
    value_max=None,
    baseline=None,
    milestone_year: int,
    start: date,
    actual,
    as_of: date,
    direction: str = "higher",
) -> Progress:
    """Evaluate one target against ``actual`` on ``as_of`` (see the module docstring)."""
    actual = _d(actual)
    pct = percent_of_plan(comparator, value, actual, direction)
    expected = expected_on_path(value=value, baseline=baseline, start=start, milestone_year=milestone_year, as_of=as_of)
    if actual is None:
        return Progress(None, expected, None, NO_DATA)
    if is_achieved(comparator, value, value_max, actual, direction):
        return Progress(actual, expected, pct, ACHIEVED)
    if as_of > date(milestone_year, 12, 31):
        return Progress(actual, expected, pct, BEHIND)
    lower = is_lower_better(comparator, direction)
    if expected is None:
        return Progress(actual, expected, pct, NO_DATA)
    if lower:
        limit_ok = expected * (1 + ON_TRACK_TOLERANCE)
        limit_risk = expected * (1 + AT_RISK_TOLERANCE)
        status = ON_TRACK if actual <= limit_ok else AT_RISK if actual <= limit_risk else BEHIND
    else:
        if expected <= 0:
            status = ON_TRACK
        else:
            status = (
                ON_TRACK
                if actual >= expected * (1 - ON_TRACK_TOLERANCE)
                else AT_RISK
                if actual >= expected * (1 - AT_RISK_TOLERANCE)
                else BEHIND
            )
    return Progress(actual, expected, pct, status)


def evaluate_target(target, actual, as_of: date) -> Progress:
    """``evaluate`` for a ``plans.PlanTarget`` (its plan must be loaded or cheap to load)."""
    return evaluate(
        comparator=target.comparator,
        value=target.value,
        value_max=target.value_max,
        baseline=target.baseline,
        milestone_year=target.milestone_year,
        start=target.plan.period_start,
        actual=actual,
        as_of=as_of,
        direction=target.direction,
    )


def combine(values, rule: str, weights=None) -> Decimal | None:
    """Combine lower-level values by ``rule`` (sum, avg, wavg, min, max, any); None ignored."""
    pairs = [(_d(v), _d(w) if weights is not None else None) for v, w in zip(values, weights or [None] * len(values), strict=False)]
    pairs = [(v, w) for v, w in pairs if v is not None]
    if not pairs:
        return None
    nums = [v for v, _ in pairs]
    if rule == "sum":
        return sum(nums, Decimal(0))
    if rule == "avg":
        return sum(nums, Decimal(0)) / len(nums)
    if rule == "wavg":
        total_w = sum((w or Decimal(0) for _, w in pairs), Decimal(0))
        if total_w == 0:
            return sum(nums, Decimal(0)) / len(nums)
        return sum((v * (w or Decimal(0)) for v, w in pairs), Decimal(0)) / total_w
    if rule == "min":
        return min(nums)
    if rule == "max":
        return max(nums)
    if rule == "any":
        return Decimal(1) if any(v > 0 for v in nums) else Decimal(0)
    raise ValueError(f"unknown aggregation rule {rule!r}")
