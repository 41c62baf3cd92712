"""The progress page's rows as ``dashboards.views.plan_progress`` built them before issue 17's
last pass (12/2026): the "reported" provider grouping each (target, period) into a dict and
sorting each target's periods in Python, the sparklines' points through ``Decimal(str(v))``.
Kept to compare the current code with, value for value and string for string
(tests/dashboards/test_progress_before.py)."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from core.formatting import format_number
from dashboards import views
from plans import progress
from plans.providers import TargetValue
from reports.selectors import _reported_rows_orm, _reported_rows_postgresql, connection

WIDTH, HEIGHT, PAD = 100, 24, 2


def reported_target_values_before(plan, targets) -> dict[int, TargetValue]:
    """Latest approved value per target, with its period label and history (1 query).

    Per period the consolidation's value wins (several consolidated reports of one period:
    their mean, as on the dashboards; it was one of them, whichever was read last); without
    one, the approved submissions of that period are combined by the target's rule. The value shown is the latest consolidated period's, or — when nothing
    was consolidated yet — the latest period's combination.

    The approved values come already grouped per (target, period, kind) from the dashboards'
    read model ``dashboards.models.TargetPeriodValue`` (count, sum, minimum, maximum and
    weighted sums: what ``plans.progress.combine`` needs), which every transition that changes
    what is approved rewrites in its own transaction, and which the dashboards' statuses read
    too. Grouping the plan's reported values here instead (1,908 values into 380 figures for a
    plan at national scale) took 2.4 ms of the statement's 2.6 ms (issue 17). Exact decimals
    throughout: the sums are exact in SQL and the divisions are made here, as ``combine``
    makes them, so the figures are the same.
    """
    targets = list(targets)
    if not targets:
        return {}
    by_id = {t.pk: t for t in targets}
    rows = _reported_rows_postgresql if connection.vendor == "postgresql" else _reported_rows_orm
    # (target, period) -> {"cons": the consolidated value, "subs": the submissions' row, "label", "key"}
    buckets: dict[tuple, dict] = {}
    for target_id, period_id, label, end, due_date, consolidated, n, s, mn, mx, sw, swv in rows(plan, list(by_id)):
        b = buckets.setdefault(
            (target_id, period_id), {"cons": None, "subs": None, "label": label, "key": (end, due_date, period_id)}
        )
        if consolidated:
            # Several consolidated reports of one period state the same total: their mean
            # (as ``dashboards.selectors.latest_values``), never their sum.
            b["cons"] = _dec(s) / n
        else:
            b["subs"] = {"n": n, "s": s, "mn": mn, "mx": mx, "sw": sw, "swv": swv}
    per_target: dict[int, list] = defaultdict(list)
    for (target_id, _period_id), b in buckets.items():
        if b["cons"] is not None:
            value = b["cons"]
        else:
            value = _combined_before(b["subs"], by_id[target_id].aggregation)
        per_target[target_id].append((b["key"], b["label"], value, b["cons"] is not None))
    result = {}
    for target_id, items in per_target.items():
        items.sort(key=lambda x: x[0])
        history = tuple((label, value) for _k, label, value, _c in items)
        # A period still being reviewed has only part of its submissions approved (a partial
        # sum); the latest consolidated period is the figure to show while one exists.
        consolidated = [i for i in items if i[3]]
        latest = consolidated[-1] if consolidated else items[-1]
        result[target_id] = TargetValue(value=latest[2], label=latest[1], history=history)
    return result


def _combined_before(row: dict, rule: str) -> Decimal | None:
    """``plans.progress.combine`` of one period's submissions from their SQL aggregates (the
    same arithmetic: exact sums from the database, the divisions in ``Decimal`` here)."""
    n = row["n"]
    if not n:
        return None
    total = _dec(row["s"])
    if rule == "sum":
        return total
    if rule == "avg":
        return total / n
    if rule == "wavg":
        # No weight in the group: the read model's sum of weights is NULL (no weight, as 0).
        total_w = _dec(row["sw"]) if row["sw"] is not None else Decimal(0)
        if total_w == 0:
            return total / n
        return _dec(row["swv"]) / total_w
    if rule == "min":
        return _dec(row["mn"])
    if rule == "max":
        return _dec(row["mx"])
    if rule == "any":
        return Decimal(1) if _dec(row["mx"]) > 0 else Decimal(0)
    raise ValueError(f"unknown aggregation rule {rule!r}")  # as ``combine``


def _dec(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def sparkline_points_before(values, width: int = WIDTH, height: int = HEIGHT) -> str:
    """SVG ``points`` for a polyline through ``values`` (None skipped); "" under two values.

    The y axis runs from the smallest to the largest value so a flat series is a middle line.
    """
    pts = [(i, Decimal(str(v))) for i, v in enumerate(values) if v is not None]
    if len(pts) < 2:
        return ""
    lo = min(v for _i, v in pts)
    hi = max(v for _i, v in pts)
    span = hi - lo
    last = len(values) - 1 or 1
    out = []
    for i, v in pts:
        x = PAD + (width - 2 * PAD) * i / last
        y = height / 2 if span == 0 else PAD + (height - 2 * PAD) * float((hi - v) / span)
        out.append(f"{x:.1f},{y:.1f}")
    return " ".join(out)


def plan_progress_before(plan, as_of: date) -> dict:
    """Rows for the progress page of ``plan`` (a constant number of queries).

    The reported value comes from the "reported" provider when the reports app registers
    one, otherwise from ``selectors.target_series`` (approved values combined by rule); the
    registry value from the "registry" provider when registered.
    """
    from plans import providers

    targets = views._PLAN_TARGETS.fetch(plan.pk)
    for t in targets:
        t.plan = plan  # evaluate_target reads the plan's start; avoid a query per target
    provided = {  # ``providers.target_values`` with the former "reported" provider
        key: (reported_target_values_before if key == "reported" else fn)(plan, targets)
        for key, (_label, fn) in providers._PROVIDERS.items()
    }
    reported = provided.get("reported")
    series = None if reported is not None else views.s.target_series(targets)
    registry = provided.get("registry", {})
    rows = []
    for t in targets:
        if reported is not None:
            tv = reported.get(t.pk)
            actual = tv.value if tv else None
            period_label = tv.label if tv else ""
            history = [(label, value) for label, value in (tv.history if tv else ())]
        else:
            points = series.get(t.pk, [])
            actual = points[-1].value if points else None
            period_label = points[-1].label if points else ""
            history = [(p.label, p.value) for p in points]
        prog = progress.evaluate_target(t, actual, as_of)
        reg = registry.get(t.pk)
        rows.append(
            {
                "target": t,
                "actual": actual,
                "period_label": period_label,
                "registry": reg.value if reg else None,
                "registry_label": reg.label if reg else "",
                "progress": prog,
                "label": views.STATUS_LABELS[prog.status],
                "css": views.STATUS_CLASSES[prog.status],
                "history": history,
                "sparkline": sparkline_points_before([v for _l, v in history]),
                # Built here, not in the template: 20 periods × 20 targets of filters is measurable.
                "sparkline_label": "; ".join(f"{label}: {format_number(value)}" for label, value in history),
            }
        )
    counts = {st: sum(1 for r in rows if r["progress"].status == st) for st in views.STATUS_LABELS}
    return {
        "rows": rows,
        "status_counts": [(views.STATUS_LABELS[k], views.STATUS_CLASSES[k], n) for k, n in counts.items()],
        "as_of": as_of,
    }
