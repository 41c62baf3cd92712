"""Progress of a target, and how lower-level values combine. Pure functions, no database.

This module is the one definition of a target's figures: every page, export and PDF that
shows a plan value, a percentage of progress or a status calls it (see docs/dashboards.md).

Plan value (``target_text``): "≥ 45", "> 60", "= 23", "≈ 70", "≤ 5", "< 5", and for a
range "từ 1 đến 5" — both bounds, never "khoảng".

Percentage of progress (``progress_percent``), following the M&E convention:

* with a baseline on the far side of the target: (actual − baseline) / (target − baseline)
  for higher-is-better targets, (baseline − actual) / (baseline − target) for lower-is-better;
* without a usable baseline: actual / target (target / actual when lower is better);
* a range counts as reached inside its bounds; below it progress is measured towards the
  lower bound, above it (as lower-is-better) towards the upper bound;
* a reached target is 100 %; the result is capped to 0–100 % and comes with the formula
  that produced it (shown on hover).

Status rules (used by consolidation, documents and dashboards alike):

* ``achieved`` — the comparator is satisfied (≥, >, ≤, <, range; "=" and "≈" count as
  reached when the value is reached in the target's direction).
* ``no_data`` — no value reported yet.
* otherwise the value is compared with the *pro-rated path*: a straight line from the
  baseline (or zero) at the start of the plan to the target value at the end of the
  milestone year. Following TolaData's convention, a value within 15 % of the path is
  ``on_track``; 15–30 % short is ``at_risk``; further short is ``behind``. With a baseline
  the shortfall is measured on the progress expected *since the baseline* (the same
  baseline as the percentage), so "≥ 45 from 38" standing at 38 is behind, at 0 %. After the
  milestone year has ended, an unmet target is ``behind``. "Short" respects direction:
  for lower-is-better targets (≤, <) the value must stay under the path.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext

from core.formatting import format_number

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
    formula: str = ""

    @property
    def bar_percent(self) -> int:
        """0–100 for a progress bar."""
        if self.percent_of_plan is None:
            return 0
        return int(max(Decimal(0), min(Decimal(100), self.percent_of_plan)))


def _d(value) -> Decimal | None:
    if isinstance(value, Decimal):
        # First: ``Decimal == ""`` asks the numbers ABCs about str (~1 µs a call, 100,000 calls
        # on the whole country's home page).
        return value
    if value is None or value == "":
        return None
    return Decimal(str(value))


def is_lower_better(comparator: str, direction: str = "higher") -> bool:
    """"≤" and "<" are lower-is-better, "≥" and ">" higher-is-better whatever the target's
    direction says; "=", "≈" (and a range's bounds) follow the direction. (A "≥ 45" target
    marked lower-is-better showed 100 % at 38 while not achieved — found by the cross-check,
    issue 15.)"""
    if comparator in ("<=", "<"):
        return True
    if comparator in (">=", ">"):
        return False
    return direction == "lower"


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


def _pct(raw: Decimal) -> Decimal:
    return max(Decimal(0), min(Decimal(100), raw * 100)).quantize(Decimal("0.1"))


def _f(value) -> str:
    return format_number(value, None)


def _towards(goal: Decimal, actual: Decimal, baseline: Decimal | None, lower: bool) -> tuple[Decimal, str]:
    """Progress ratio (uncapped) from the baseline to ``goal``, and its formula."""
    if lower:
        if baseline is not None and baseline > goal:
            ratio = (baseline - actual) / (baseline - goal)
            return ratio, f"({_f(baseline)} − {_f(actual)}) / ({_f(baseline)} − {_f(goal)})"
        if actual <= 0:
            return (Decimal(1) if goal >= 0 else Decimal(0)), f"{_f(actual)} ≤ {_f(goal)}"
        return goal / actual, f"{_f(goal)} / {_f(actual)}"
    if baseline is not None and baseline < goal:
        ratio = (actual - baseline) / (goal - baseline)
        return ratio, f"({_f(actual)} − {_f(baseline)}) / ({_f(goal)} − {_f(baseline)})"
    if goal <= 0:
        return (Decimal(1) if actual >= goal else Decimal(0)), f"{_f(actual)} ≥ {_f(goal)}"
    return actual / goal, f"{_f(actual)} / {_f(goal)}"


def progress_percent(
    comparator: str, value, actual, direction: str = "higher", *, value_max=None, baseline=None
) -> tuple[Decimal | None, str]:
    """The percentage of progress (0–100, one decimal) and the formula that gave it.

    See the module docstring for the rule; ``None`` without a value or a plan value.
    """
    value, value_max, actual, baseline = _d(value), _d(value_max), _d(actual), _d(baseline)
    if value is None or actual is None:
        return None, ""
    if comparator == "range":
        upper = value_max if value_max is not None else value
        if value <= actual <= upper:
            return Decimal(100), f"{_f(value)} ≤ {_f(actual)} ≤ {_f(upper)}"
        if actual > upper:
            ratio, formula = _towards(upper, actual, baseline, lower=True)
        else:
            ratio, formula = _towards(value, actual, baseline, lower=False)
    else:
        if is_achieved(comparator, value, value_max, actual, direction):
            ratio, formula = _towards(value, actual, baseline, is_lower_better(comparator, direction))
            return Decimal(100), formula + " ≥ 100 %"
        ratio, formula = _towards(value, actual, baseline, is_lower_better(comparator, direction))
    pct = _pct(ratio)
    return pct, f"{formula} = {_f(pct)} %"


def percent_of_plan(comparator: str, value, actual, direction: str = "higher", *, value_max=None, baseline=None):
    """The percentage of progress alone (``progress_percent`` without the formula)."""
    return progress_percent(comparator, value, actual, direction, value_max=value_max, baseline=baseline)[0]


COMPARATOR_SIGNS = {">=": "≥", ">": ">", "=": "=", "~": "≈", "<=": "≤", "<": "<"}


def target_text(comparator: str, value, value_max=None, *, equal_sign: bool = True) -> str:
    """The plan value as the document states it: "≥ 45", "≈ 70", "= 23", "từ 1 đến 5".

    ``equal_sign=False`` writes an exact value without "=" (official tables: "23").
    """
    if comparator == "range":
        upper = value_max if value_max is not None else value
        return gettext("from %(low)s to %(high)s") % {"low": format_number(value), "high": format_number(upper)}
    sign = COMPARATOR_SIGNS.get(comparator, "")
    if comparator == "=" and not equal_sign:
        sign = ""
    return f"{sign} {format_number(value)}".strip()


def target_plan_text(target, **kwargs) -> str:
    """``target_text`` of a ``plans.PlanTarget``."""
    return target_text(target.comparator, target.value, target.value_max, **kwargs)


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


def _band(share: Decimal) -> str:
    """Status from the share of the expected progress reached."""
    if share >= 1 - ON_TRACK_TOLERANCE:
        return ON_TRACK
    if share >= 1 - AT_RISK_TOLERANCE:
        return AT_RISK
    return BEHIND


def _status(comparator, value, value_max, baseline, milestone_year, start, actual, as_of, direction, expected) -> str:
    """The status of a target standing at ``actual`` (not None); ``expected`` is
    ``expected_on_path``'s value, or ``_LATER`` to work it out only when the rules need it
    (``evaluate`` is the only caller)."""
    if is_achieved(comparator, value, value_max, actual, direction):
        return ACHIEVED
    if as_of > date(milestone_year, 12, 31):
        return BEHIND
    if expected is _LATER:
        expected = expected_on_path(
            value=value, baseline=baseline, start=start, milestone_year=milestone_year, as_of=as_of
        )
    if expected is None:
        return NO_DATA
    lower = is_lower_better(comparator, direction)
    base = _d(baseline)
    if lower and base is not None and base > expected:
        # The share of the expected reduction achieved (the same baseline as the percentage).
        return _band((base - actual) / (base - expected))
    if lower:
        limit_ok = expected * (1 + ON_TRACK_TOLERANCE)
        limit_risk = expected * (1 + AT_RISK_TOLERANCE)
        return ON_TRACK if actual <= limit_ok else AT_RISK if actual <= limit_risk else BEHIND
    if base is not None and expected > base:
        # The share of the expected gain since the baseline.
        return _band((actual - base) / (expected - base))
    if expected <= 0:
        return ON_TRACK
    return _band(actual / expected)



_LATER = object()
# evaluate(percent=False)'s answers: the status alone (Progress is frozen: sharing them is safe).
_STATUS_ONLY = {status: Progress(None, None, None, status) for status in STATUS_ORDER}


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
    percent: bool = True,
) -> Progress:
    """Evaluate one target against ``actual`` on ``as_of`` (see the module docstring).

    ``percent=False`` (what ``status`` asks for) works out the status alone and returns it in a
    shared ``Progress`` whose other fields are empty: the point on the path is computed only
    when the status rules need it, and neither the percentage and its formula (most of the
    cost) nor a new object are made — the whole country's 17,624 targets: 16 ms for their
    statuses, 116 ms with the percentages (issue 17)."""
    actual = _d(actual)
    if not percent:
        if actual is None:
            return _STATUS_ONLY[NO_DATA]
        return _STATUS_ONLY[_status(comparator, value, value_max, baseline, milestone_year, start, actual, as_of, direction, _LATER)]
    expected = expected_on_path(value=value, baseline=baseline, start=start, milestone_year=milestone_year, as_of=as_of)
    if actual is None:
        return Progress(None, expected, None, NO_DATA)
    status = _status(comparator, value, value_max, baseline, milestone_year, start, actual, as_of, direction, expected)
    pct, formula = progress_percent(comparator, value, actual, direction, value_max=value_max, baseline=baseline)
    return Progress(actual, expected, pct, status, formula)


def status(**target) -> str:
    """``evaluate(**target).status``: the same function and keyword arguments, asked for the
    status alone (``percent=False``), for pages that only count or sort targets by status."""
    return evaluate(**target, percent=False).status


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
