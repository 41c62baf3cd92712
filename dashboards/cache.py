"""Caching of the dashboard aggregates, invalidated by any write to the data behind them.

Measured at national scale (docs/benchmarks.md), the home and registry pages spend most of
their time in a handful of aggregate queries over 100,000 organisations and 500,000
reported values. Their results are cached (Redis in production) under a key that contains
a *data version*: the highest history id of every table the aggregates read. Every write
through the services, the admin and the registry import leaves a django-simple-history
row (bulk imports use ``bulk_create_with_history``), so any write changes the version and
the next request recomputes — no stale figure survives a write. Writes that bypass
history (``generate_scale_data``'s COPY) call ``bump()``. Reading the version is one query
of eight index-only ``MAX(pk)`` lookups (< 1 ms).

``DASHBOARDS_CACHE_SECONDS`` (default 600; 0 disables) bounds how long an entry lives.
"""

from __future__ import annotations

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection

VERSIONED_MODELS = (
    "cooperatives.HistoricalOrganisation",
    "cooperatives.HistoricalYearlyRecord",
    "plans.HistoricalPlan",
    "plans.HistoricalPlanTarget",
    "plans.HistoricalBudgetLine",
    "reports.HistoricalObligation",
    "reports.HistoricalReportedValue",
    "reports.HistoricalBudgetSpending",
)
BUMP_KEY = "dashboards:bump"


def timeout() -> int:
    return int(getattr(settings, "DASHBOARDS_CACHE_SECONDS", 600))


def data_version() -> str:
    """A string that changes whenever any table behind the dashboards is written."""
    parts = []
    for label in VERSIONED_MODELS:
        model = apps.get_model(label)
        table = connection.ops.quote_name(model._meta.db_table)
        column = connection.ops.quote_name(model._meta.pk.column)
        parts.append(f"(SELECT MAX({column}) FROM {table})")
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        row = cursor.fetchone()
    return "-".join(str(v or 0) for v in row) + f"-{cache.get(BUMP_KEY, 0)}"


def bump() -> None:
    """Invalidate every cached aggregate (for writes that leave no history row)."""
    try:
        cache.incr(BUMP_KEY)
    except ValueError:
        cache.set(BUMP_KEY, 1, None)


class DashboardCache:
    """Per-request helper: reads the data version once, then serves or fills entries."""

    def __init__(self):
        self.enabled = timeout() > 0
        self._version = None

    @property
    def version(self) -> str:
        if self._version is None:
            self._version = data_version()
        return self._version

    def get_or_compute(self, name: str, parts: tuple, compute):
        if not self.enabled:
            return compute()
        raw = "|".join(str(p) for p in (name, *parts, self.version))
        key = "dashboards:" + hashlib.sha1(raw.encode()).hexdigest()
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, timeout())
        return value
