"""``plans.progress.evaluate`` as it was before its status rules became ``progress._status``
(shared with the status-only ``progress.status``; issue 17), kept to compare with."""

from datetime import date

from plans.progress import (
    ACHIEVED,
    AT_RISK,
    AT_RISK_TOLERANCE,
    BEHIND,
    NO_DATA,
    ON_TRACK,
    ON_TRACK_TOLERANCE,
    Progress,
    _band,
    _d,
    expected_on_path,
    is_achieved,
    is_lower_better,
    progress_percent,
)


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
    pct, formula = progress_percent(comparator, value, actual, direction, value_max=value_max, baseline=baseline)
    expected = expected_on_path(value=value, baseline=baseline, start=start, milestone_year=milestone_year, as_of=as_of)
    if actual is None:
        return Progress(None, expected, None, NO_DATA)
    if is_achieved(comparator, value, value_max, actual, direction):
        return Progress(actual, expected, pct, ACHIEVED, formula)
    if as_of > date(milestone_year, 12, 31):
        return Progress(actual, expected, pct, BEHIND, formula)
    lower = is_lower_better(comparator, direction)
    if expected is None:
        return Progress(actual, expected, pct, NO_DATA, formula)
    base = _d(baseline)
    if lower and base is not None and base > expected:
        # The share of the expected reduction achieved (the same baseline as the percentage).
        status = _band((base - actual) / (base - expected))
    elif lower:
        limit_ok = expected * (1 + ON_TRACK_TOLERANCE)
        limit_risk = expected * (1 + AT_RISK_TOLERANCE)
        status = ON_TRACK if actual <= limit_ok else AT_RISK if actual <= limit_risk else BEHIND
    elif base is not None and expected > base:
        # The share of the expected gain since the baseline.
        status = _band((actual - base) / (expected - base))
    elif expected <= 0:
        status = ON_TRACK
    else:
        status = _band(actual / expected)
    return Progress(actual, expected, pct, status, formula)
