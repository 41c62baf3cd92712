"""``progress.status`` (the status alone, issue 17) is ``progress.evaluate(...).status``, and
``evaluate`` is what it was before its rules moved into ``progress._status``
(``tests/plans/reference/evaluate_before.py``), field for field, over a grid of every
comparator, direction, bound, baseline, milestone, day and value, and seeded random cases."""

import itertools
import random
from datetime import date
from decimal import Decimal

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
