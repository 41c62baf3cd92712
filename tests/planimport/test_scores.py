"""Precision and recall of targets, tasks and deadlines over the five seeds (printed; run with -s)."""

from planimport.reader import format_scores, read_text, score

from .expected_seeds import EXPECTED, SEED_FILES, seed_text


def seed_scores():
    pairs = [(SEED_FILES[key], read_text(seed_text(key)).to_dict(), EXPECTED[key]) for key in sorted(SEED_FILES)]
    return score(pairs)


def test_precision_and_recall_over_the_seeds():
    """Targets, tasks and deadlines reach precision and recall of at least 0.9; the table is printed."""
    result = seed_scores()
    print()
    print(format_scores(result))
    for category, totals in result["totals"].items():
        assert totals["precision"] >= 0.9, category
        assert totals["recall"] >= 0.9, category


def test_score_counts_false_positives_and_misses():
    """score() counts an extra item as a false positive and a missing one as a miss."""
    got = {
        "targets": [
            {"year": 2025, "comparator": ">", "value": 3, "value_max": None, "unit": "HTX"},
            {"year": 2025, "comparator": "=", "value": 15, "value_max": None, "unit": "HTX"},
        ],
        "tasks": [],
        "reporting": [],
    }
    expected = {
        "targets": [
            {"year": 2025, "comparator": ">", "value": 3, "value_max": None, "unit": "HTX"},
            {"year": 2030, "comparator": ">", "value": 10, "value_max": None, "unit": "HTX"},
        ],
        "tasks": [{"number": "I.1"}],
        "reporting": [],
    }
    result = score([("doc", got, expected)])
    assert result["totals"]["targets"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5}
    assert result["totals"]["tasks"]["recall"] == 0.0
    assert "missed" in format_scores(result)
