"""Bounds on wall time in tests that guard a design property (an upload refused before parsing,
a parse stopped by its limit, a cache that stops calling a dead Redis), not a speed target:
speed is measured in benchmarks/ against a floor.

The bound says "seconds, not minutes": an in-request parse of a hostile file took 57–166 s.
CI shares two cores with other work, so every bound is multiplied by ``TEST_TIME_SLACK``
(default 3); a design regression still fails it by an order of magnitude.
"""

import os
import time

SLACK = float(os.environ.get("TEST_TIME_SLACK", "3"))


def took_less_than(started: float, seconds: float, clock=time.monotonic) -> bool:
    """True when less than ``seconds`` (times the slack) passed since ``started`` on ``clock``."""
    return clock() - started < seconds * SLACK
