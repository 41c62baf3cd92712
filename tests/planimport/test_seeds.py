"""The five seed plans extract as written out by hand in ``expected_seeds.py``."""

import json

import pytest

from planimport.reader import read_text

from .expected_seeds import EXPECTED, SEED_FILES, seed_text

SEEDS = sorted(SEED_FILES)


@pytest.fixture(scope="module")
def extracted():
    return {key: read_text(seed_text(key)).to_dict() for key in SEEDS}


TOP_KEYS = [
    "issuer",
    "number",
    "symbol",
    "place",
    "date",
    "title",
    "kind",
    "period_start",
    "period_end",
    "legal_bases",
    "targets",
    "tasks",
    "budget",
    "reporting",
    "signer",
    "recipients",
]


@pytest.mark.parametrize("key", SEEDS)
class TestSeed:
    def test_shape_is_the_stable_json_surface(self, extracted, key):
        """to_dict() starts with the sixteen stable keys, in order, and is JSON-serialisable."""
        got = extracted[key]
        assert list(got)[: len(TOP_KEYS)] == TOP_KEYS
        json.dumps(got, ensure_ascii=False)
        for item in got["legal_bases"]:
            assert {"kind", "number", "date", "issuer", "title"} <= set(item)
        for item in got["targets"]:
            assert {"text", "comparator", "value", "value_max", "unit", "baseline", "baseline_year", "year"} <= set(
                item
            )
        for item in got["tasks"]:
            assert {"number", "text", "lead", "coordinating", "timeframe"} <= set(item)
        assert {"total_vnd", "sources"} <= set(got["budget"])
        for item in got["reporting"]:
            assert {"frequency", "due_rule", "due_dates", "reporters", "receiver"} <= set(item)
        assert {"authority_lines", "name"} <= set(got["signer"])

    def test_header_fields(self, extracted, key):
        """Issuer, number, symbol, place, date, kind and period match the document."""
        got, exp = extracted[key], EXPECTED[key]
        for field in ("issuer", "number", "symbol", "place", "date", "kind", "period_start", "period_end"):
            assert got[field] == exp[field], field
        assert got["title"].startswith(exp["title_starts"])
        assert got["fields"]["issuer"]["unsure"] is exp["issuer_unsure"]
        if "year" in exp:
            assert got["year"] == exp["year"]

    def test_legal_bases(self, extracted, key):
        """Each Căn cứ / Thực hiện reference is parsed into kind, number, date, issuer and title."""
        got, exp = extracted[key], EXPECTED[key]
        assert len(got["legal_bases"]) == len(exp["legal_bases"])
        for g, e in zip(got["legal_bases"], exp["legal_bases"], strict=True):
            for field in ("kind", "number", "date", "issuer"):
                assert g[field] == e[field], field
            assert g["title"].startswith(e["title_starts"])
        assert (got["implements"] or {}).get("number") == exp["implements"]

    def test_targets(self, extracted, key):
        """Every target, in document order, with comparator, value(s), unit, baseline, year and scope."""
        got = (
            [{k: t[k] for k in EXPECTED[key]["targets"][0]} for t in extracted[key]["targets"]]
            if EXPECTED[key]["targets"]
            else extracted[key]["targets"]
        )
        assert got == EXPECTED[key]["targets"]

    def test_tasks(self, extracted, key):
        """Every task with number, lead, coordinating agencies and time frame."""
        got = extracted[key]["tasks"]
        exp = EXPECTED[key]["tasks"]
        assert [t["number"] for t in got] == [t["number"] for t in exp]
        for g, e in zip(got, exp, strict=True):
            assert g["text"].startswith(e["text_starts"]), g["number"]
            assert (g["lead"], g["coordinating"], g["timeframe"]) == (e["lead"], e["coordinating"], e["timeframe"]), g[
                "number"
            ]

    def test_budget(self, extracted, key):
        """Total in đồng, and the kind of every source."""
        got, exp = extracted[key]["budget"], EXPECTED[key]["budget"]
        assert got["total_vnd"] == exp["total_vnd"]
        assert got["approximate"] is exp["approximate"]
        assert [{"kind": s["kind"], "reference": s["reference"]} for s in got["sources"]] == exp["sources"]

    def test_reporting(self, extracted, key):
        """Frequency, due rule, explicit dates, reporters, receiver and 'via' of each requirement."""
        got = [
            {k: r[k] for k in ("frequency", "due_rule", "due_dates", "reporters", "receiver", "via")}
            for r in extracted[key]["reporting"]
        ]
        assert got == EXPECTED[key]["reporting"]

    def test_signer_and_recipients(self, extracted, key):
        """Authority lines, name, Nơi nhận items (the Lưu item kept apart)."""
        got, exp = extracted[key], EXPECTED[key]
        assert got["signer"]["authority_lines"] == exp["signer"]["authority_lines"]
        assert got["signer"]["name"] == exp["signer"]["name"]
        assert got["recipients"] == exp["recipients"]
        assert got["filing"] == exp["filing"]

    def test_spans_point_at_the_source(self, extracted, key):
        """Every target/task/reporting span is inside source_text; a target's span holds its number."""
        got = extracted[key]
        text = got["source_text"]
        for item in got["targets"] + got["tasks"] + got["reporting"] + got["legal_bases"]:
            start, end = item["span"]
            assert 0 <= start < end <= len(text)
        for t in got["targets"]:
            start, end = t["span"]
            assert any(ch.isdigit() for ch in text[start:end]), t


def test_responsibilities_and_lead_agency(extracted):
    """Tổ chức thực hiện sub-sections give one responsibility each; 'Chủ trì …' names the plan lead."""
    for key in ("003", "004"):
        got = extracted[key]
        assert [r["agency"] for r in got["responsibilities"]] == EXPECTED[key]["responsibilities"]
        assert got["lead_agency"] == EXPECTED[key]["lead_agency"]


def test_event_plan_participants_are_not_targets(extracted):
    """Seed 000's '30 cán bộ' is a participant count of the event, not a target."""
    got = extracted["000"]
    assert got["targets"] == []
    assert [p["count"] for p in got["participants"] if p["count"]] == EXPECTED["000"]["participants_with_count"]
    assert got["event"] == EXPECTED["000"]["event"]


def test_seed_001_typo_in_place_is_reported(extracted):
    """'Ngọc Hôi' is corrected to the issuer's 'Ngọc Hồi', flagged unsure, with a warning."""
    got = extracted["001"]
    assert got["fields"]["place"]["unsure"] is True
    assert any("Ngọc Hôi" in w for w in got["warnings"])


def test_seed_001_page_break_inside_sentence_is_joined(extracted):
    """Paragraphs broken mid-sentence by a page break become one line of source_text."""
    lines = extracted["001"]["source_text"].split("\n")
    assert any("tuyên truyền vận động cùng nhau thành lập hợp tác xã" in ln for ln in lines)
    assert any("Hỗ trợ các Hợp tác xã nông nghiệp trong các hoạt động xuất khẩu" in ln for ln in lines)


def test_unsure_flags(extracted):
    """Inferred issuers and the target found outside 'Mục tiêu cụ thể' are flagged unsure."""
    assert extracted["001"]["targets"][-1]["unsure"] is True
    assert all(not t["unsure"] for t in extracted["001"]["targets"][:-1])
    assert extracted["002"]["fields"]["issuer"]["note"]
