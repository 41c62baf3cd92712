"""``progress.status`` (the status alone, issue 17) is ``progress.evaluate(...).status`` — it
calls ``evaluate(..., percent=False)``, one definition — and ``evaluate`` is what it was before
its rules moved into ``progress._status`` (``tests/plans/reference/evaluate_before.py``), field
for field, over a table of named cases, a grid of every comparator, direction, bound, baseline,
milestone, day and value, and seeded random cases."""

import inspect
import itertools
import random
from datetime import date
from decimal import Decimal

import pytest

from plans import progress
from tests.plans.reference.evaluate_before import evaluate as evaluate_before

COMPARATORS = (">=", ">", "=", "~", "<=", "<", "range")
STARTS = (date(2023, 1, 1), date(2026, 7, 1))
AS_OF = (date(2022, 6, 30), date(2023, 1, 1), date(2024, 5, 17), date(2025, 12, 31), date(2026, 1, 1), date(2027, 3, 3))


def _cases():
    values = (None, "", Decimal(0), Decimal(45), Decimal("-3"), Decimal("0.5"))
    value_maxes = (None, Decimal(60))
    baselines = (None, Decimal(0), Decimal(38), Decimal(100))
    actuals = (None, Decimal(0), Decimal(12), Decimal(38), Decimal("44.99"), Decimal(45), Decimal(80), "41.5", 7)
    for comparator, direction, value, value_max, baseline, milestone, start, as_of, actual in itertools.product(
        COMPARATORS, ("higher", "lower"), values, value_maxes, baselines, (2025, 2026), STARTS, AS_OF, actuals
    ):
        yield dict(comparator=comparator, value=value, value_max=value_max, baseline=baseline, milestone_year=milestone,
                   start=start, actual=actual, as_of=as_of, direction=direction)


def _random_cases(n=20_000, seed=17):
    rng = random.Random(seed)

    def number():
        return rng.choice((None, Decimal(rng.randint(-50, 500)), Decimal(rng.randint(-5000, 50000)) / 100))

    for _ in range(n):
        yield dict(comparator=rng.choice(COMPARATORS), value=number(), value_max=number(), baseline=number(),
                   milestone_year=rng.randint(2020, 2030), start=date(rng.randint(2019, 2027), rng.randint(1, 12), 1),
                   actual=number(), as_of=date(rng.randint(2019, 2031), rng.randint(1, 12), rng.randint(1, 28)),
                   direction=rng.choice(("higher", "lower")))


def test_evaluate_is_unchanged_and_status_is_its_status():
    seen = set()
    n = 0
    for case in itertools.chain(_cases(), _random_cases()):
        before = evaluate_before(**case)
        assert progress.evaluate(**case) == before, case
        assert progress.status(**case) == before.status, case
        seen.add(before.status)
        n += 1
    assert n > 100_000
    # Every status is reached, so the comparison covered every branch's outcome.
    assert seen == set(progress.STATUS_ORDER)


def test_evaluate_without_percent_is_the_status_alone():
    """``percent=False`` answers the same status in a shared, otherwise empty Progress."""
    for case in itertools.islice(_cases(), 0, None, 7):
        full = progress.evaluate(**case)
        alone = progress.evaluate(**case, percent=False)
        assert alone.status == full.status == progress.status(**case), case
        assert (alone.actual, alone.expected, alone.percent_of_plan, alone.formula) == (None, None, None, "")
        assert alone is progress.evaluate(**case, percent=False)  # nothing made per target


def test_status_takes_evaluate_s_arguments():
    """One signature: ``status`` forwards its keywords to ``evaluate`` (a name evaluate does not
    take is refused, as by evaluate itself)."""
    assert str(inspect.signature(progress.status)) == "(**target) -> str"
    with pytest.raises(TypeError):
        progress.status(comparator=">=", value=1, milestone_year=2025, start=date(2024, 1, 1), actual=1,
                        as_of=date(2025, 1, 1), dirction="lower")


START, MID, END = date(2021, 1, 1), date(2023, 1, 1), date(2026, 1, 1)  # MID: 2 of the 5 years to 2025
NAMED = [
    # (why, target, actual, as_of, status)
    ("≥ 45 reached", dict(comparator=">=", value=45), 45, MID, progress.ACHIEVED),
    ("≥ 45 from 38 still at 38: behind (0 % of the gain since the baseline)",
     dict(comparator=">=", value=45, baseline=38), 38, MID, progress.BEHIND),
    ("≥ 100 on the path: 2/5 of the way expected, 40 there", dict(comparator=">=", value=100), 40, MID, progress.ON_TRACK),
    ("≥ 100, 32 of the 40 expected (20 % short)", dict(comparator=">=", value=100), 32, MID, progress.AT_RISK),
    ("≥ 100, 20 of the 40 expected", dict(comparator=">=", value=100), 20, MID, progress.BEHIND),
    ("≥ 100 unmet after the milestone year", dict(comparator=">=", value=100), 99, END, progress.BEHIND),
    ("≤ 5 reached", dict(comparator="<=", value=5), 4, MID, progress.ACHIEVED),
    ("≤ 5 from 20 at 15: 15 − reduction expected 6 (2/5 of 15), done 5", dict(comparator="<=", value=5, baseline=20),
     15, MID, progress.AT_RISK),
    ("range 1–5 inside", dict(comparator="range", value=1, value_max=5), 3, MID, progress.ACHIEVED),
    ("= 23 lower-is-better reached from above", dict(comparator="=", value=23, direction="lower"), 22, MID,
     progress.ACHIEVED),
    ("nothing reported", dict(comparator=">=", value=45), None, MID, progress.NO_DATA),
    ("no plan value", dict(comparator=">=", value=None), 3, MID, progress.NO_DATA),
]


@pytest.mark.parametrize(("why", "target", "actual", "as_of", "expected"), NAMED, ids=[n[0] for n in NAMED])
def test_named_cases(why, target, actual, as_of, expected):
    case = dict(milestone_year=2025, start=START, actual=actual, as_of=as_of, **target)
    assert progress.evaluate(**case).status == expected
    assert progress.status(**case) == expected
    assert evaluate_before(**case).status == expected
