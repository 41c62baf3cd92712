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

import re
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


# --- header fields and whole evaluation sets (issue 16) ----------------------------------------

HEADER_FIELDS = ("number", "date", "place", "issuer")
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}


def same_name(a: str | None, b: str | None) -> bool:
    """Names compared as a reader would: case, spacing and old/new tone placement ("Hoá"/"Hóa",
    "Uỷ"/"Ủy") do not matter, and a leading "TP."/"Thành phố"/"tỉnh" of a place is ignored."""
    if a is None or b is None:
        return a is None and b is None

    def norm(s: str) -> str:
        import unicodedata

        s = unicodedata.normalize("NFC", s).lower()
        for old, new in _OLD_TONES.items():
            s = s.replace(old, new)
        s = re.sub(r"^(?:tp\.|thành phố|tỉnh)\s*", "", s.strip())
        return re.sub(r"\s+", " ", s).strip(" .,")

    return norm(a) == norm(b)


def header_field_ok(field: str, got: dict[str, Any], expected: dict[str, Any]) -> bool:
    if field == "number":
        return got.get("number") == expected["number"] and (got.get("symbol") or None) == expected["symbol"]
    if field == "date":
        return (got.get("date") or None) == expected["date"]
    return same_name(got.get(field), expected[field])


def _is_result(value: Any, results: Iterable[Any]) -> bool:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return False
    return any(abs(v - float(r)) < 1e-9 for r in results)


def evaluate_set(items: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Score one set of documents: ``items`` is ``[(name, extraction_dict, key), …]`` where ``key``
    has ``header`` (or None for a text without a header), ``targets`` and ``results`` (values that
    must not become targets).

    Returns header accuracy per field (over documents whose key has a header; a document without a
    header scores right only when the reader invents no number, date and issuer), target precision
    and recall (multiset of ``(year, comparator, value, value_max, unit)``), and ``results_taken``:
    the reader's targets that match no key target and whose value is a listed result.
    """
    header = {f: [0, 0] for f in HEADER_FIELDS}
    no_header = [0, 0]
    tp = fp = fn = taken = 0
    docs: dict[str, dict[str, Any]] = {}
    for name, got, key in items:
        row: dict[str, Any] = {"header_wrong": []}
        exp_h = key.get("header")
        if exp_h is None:
            invented = [f for f in ("number", "date", "issuer") if got.get(f)]
            no_header[0] += not invented
            no_header[1] += 1
            row["header_wrong"] = invented
        else:
            for field in HEADER_FIELDS:
                ok = header_field_ok(field, got, exp_h)
                header[field][0] += ok
                header[field][1] += 1
                if not ok:
                    row["header_wrong"].append(field)
        key_of = CATEGORIES["targets"]
        g = Counter(key_of(t) for t in got.get("targets", []))
        e = Counter(key_of(t) for t in key.get("targets", []))
        extra = g - e
        row.update(tp=sum((g & e).values()), fp=sum(extra.values()), fn=sum((e - g).values()))
        row["taken"] = sum(n for k, n in extra.items() if _is_result(k[2], key.get("results", [])))
        row["extra"] = sorted(map(str, extra.elements()))
        row["missed"] = sorted(map(str, (e - g).elements()))
        tp, fp, fn, taken = tp + row["tp"], fp + row["fp"], fn + row["fn"], taken + row["taken"]
        docs[name] = row
    fields = {f: _ratio(ok, n) for f, (ok, n) in header.items()}
    n_fields = sum(n for _, n in header.values())
    return {
        "documents": len(docs),
        "header": fields,
        "header_all": _ratio(sum(ok for ok, _ in header.values()), n_fields),
        "header_docs": header["number"][1],
        "no_header_clean": tuple(no_header),
        "targets": {"tp": tp, "fp": fp, "fn": fn, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn)},
        "results_taken": taken,
        "per_document": docs,
    }


def format_sets(sets: dict[str, dict[str, Any]], details: bool = False) -> str:
    """The evaluation table: one row per set (seeds, corpus-dev, held-out, fresh2 …)."""
    head = (
        f"{'set':<12}{'docs':>5}{'number':>8}{'date':>7}{'place':>7}{'issuer':>8}{'header':>8}"
        f"{'tgt P':>7}{'tgt R':>7}{'tp/fp/fn':>12}{'results→tgt':>13}{'no-header':>11}"
    )
    lines = [head]
    for name, r in sets.items():
        h, t = r["header"], r["targets"]
        lines.append(
            f"{name:<12}{r['documents']:>5}{h['number']:>8.2f}{h['date']:>7.2f}{h['place']:>7.2f}{h['issuer']:>8.2f}"
            f"{r['header_all']:>8.2f}{t['precision']:>7.2f}{t['recall']:>7.2f}"
            f"{'{}/{}/{}'.format(t['tp'], t['fp'], t['fn']):>12}{r['results_taken']:>13}"
            f"{'{}/{}'.format(*r['no_header_clean']) if r['no_header_clean'][1] else '-':>11}"
        )
    lines.append(
        "header = share of header fields right (number+symbol, date, place, issuer) over documents with a header; "
        "results→tgt = results/achievements read as targets; no-header = texts without a header (summaries) "
        "for which the reader invented no number, date or issuer, over such texts."
    )
    if details:
        for name, r in sets.items():
            for doc, row in r["per_document"].items():
                if row["header_wrong"] or row["extra"] or row["missed"]:
                    lines.append(
                        f"  [{name}] {doc}: header wrong {row['header_wrong']} extra {row['extra']} missed {row['missed']}"
                    )
    return "\n".join(lines)
