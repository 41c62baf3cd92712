"""Precision and recall of the reader against hand-written expectations.

``score(pairs)`` takes ``[(name, extraction_dict, expected_dict), …]`` where ``expected_dict`` has
the same keys as ``Extraction.to_dict()`` for the parts being scored (``targets``, ``tasks``,
``reporting``). Items are compared as multisets of keys:

* target: ``(year, comparator, value, value_max, unit)``;
* task: ``number``;
* deadline (reporting): ``(frequency, due_rule)``.

It returns ``{category: {"tp", "fp", "fn", "precision", "recall"}}`` plus a per-document breakdown,
and ``format_scores(result)`` renders the table (used by the tests with ``print()`` and meant for a
``manage.py`` command that passes the seed expectations from ``tests/planimport/expected_seeds.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

CATEGORIES = {
    "targets": lambda t: (t.get("year"), t.get("comparator"), t.get("value"), t.get("value_max"), t.get("unit")),
    "tasks": lambda t: t.get("number"),
    "deadlines": lambda r: (r.get("frequency"), r.get("due_rule")),
}
_SOURCE = {"targets": "targets", "tasks": "tasks", "deadlines": "reporting"}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def score(pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    totals = {c: {"tp": 0, "fp": 0, "fn": 0} for c in CATEGORIES}
    per_doc: dict[str, dict[str, dict[str, int]]] = {}
    misses: dict[str, dict[str, list]] = {}
    for name, got, expected in pairs:
        per_doc[name] = {}
        misses[name] = {}
        for cat, key in CATEGORIES.items():
            g = Counter(key(x) for x in got.get(_SOURCE[cat], []))
            e = Counter(key(x) for x in expected.get(_SOURCE[cat], []))
            tp = sum((g & e).values())
            fp = sum((g - e).values())
            fn = sum((e - g).values())
            per_doc[name][cat] = {"tp": tp, "fp": fp, "fn": fn}
            misses[name][cat] = {
                "false_positives": sorted(map(str, (g - e).elements())),
                "missed": sorted(map(str, (e - g).elements())),
            }
            for k, v in (("tp", tp), ("fp", fp), ("fn", fn)):
                totals[cat][k] += v
    for t in totals.values():
        t["precision"] = _ratio(t["tp"], t["tp"] + t["fp"])
        t["recall"] = _ratio(t["tp"], t["tp"] + t["fn"])
    return {"totals": totals, "documents": per_doc, "errors": misses}


def format_scores(result: dict[str, Any]) -> str:
    cats = list(CATEGORIES)
    lines = ["document".ljust(28) + "".join(f"{c:>22}" for c in cats)]
    for name, row in result["documents"].items():
        cells = "".join(f"{'tp {} fp {} fn {}'.format(row[c]['tp'], row[c]['fp'], row[c]['fn']):>22}" for c in cats)
        lines.append(name[:28].ljust(28) + cells)
    t = result["totals"]
    lines.append("precision".ljust(28) + "".join(f"{t[c]['precision']:>22.3f}" for c in cats))
    lines.append("recall".ljust(28) + "".join(f"{t[c]['recall']:>22.3f}" for c in cats))
    for name, errs in result["errors"].items():
        for cat, e in errs.items():
            if e["false_positives"] or e["missed"]:
                lines.append(f"  {name} {cat}: extra {e['false_positives']} missed {e['missed']}")
    return "\n".join(lines)
