"""The real-document corpus (issue 16): files, keys and the evaluation on each set (seeds, corpus-dev,
held-out, fresh2, fresh3, fresh4, fresh5, fresh6 and fresh7 — all released for tuning on 07/12/2026, fresh3 to
fresh7 after their one unseen score). A split kept aside as unseen (``corpus_keys.KEPT_ASIDE``) has its keys checked
here, but no test runs the reader on its texts (its first score is taken once, on purpose, with ``import_plan
--evaluate --split …``); none is kept aside now (fresh8, c300 onward, was until the lead's one score, 08/12/2026
01:29 UTC; fresh7, c220–c299, until its score of 07/12/2026 21:59 UTC).

Run with ``-s`` to see the table ``manage.py import_plan --evaluate`` prints.
"""

import datetime
import sys

from planimport.reader import evaluate, read_text

from .corpus_keys import (
    CORPUS_DIR,
    DEFAULT_SPLITS,
    DOCUMENTS,
    FRESH,
    FRESH2,
    FRESH3,
    FRESH4,
    FRESH5,
    FRESH6,
    FRESH7,
    FRESH8,
    HELDOUT,
    KEPT_ASIDE,
    SPLITS,
    corpus_text,
)
from .expected_seeds import EXPECTED, SEED_FILES, seed_text

HEADER_KEYS = ("number", "symbol", "date", "place", "issuer")


def _sets():
    seeds = evaluate.evaluate_set(
        (
            SEED_FILES[k],
            read_text(seed_text(k)).to_dict(),
            {"header": {f: EXPECTED[k].get(f) for f in HEADER_KEYS}, "targets": EXPECTED[k]["targets"], "results": []},
        )
        for k in sorted(SEED_FILES)
    )
    out = {"seeds": seeds}
    for split, _label in DEFAULT_SPLITS:  # never a split kept aside
        keys = sorted(k for k, d in DOCUMENTS.items() if d["split"] == split)
        out[split] = evaluate.evaluate_set(
            (DOCUMENTS[k]["file"], read_text(corpus_text(k)).to_dict(), DOCUMENTS[k]) for k in keys
        )
    return out


def test_every_corpus_file_has_a_key_a_source_and_a_date():
    """Each text in corpus/ is keyed, with its URL and the date it was fetched; a third is held out."""
    files = {p.name for p in CORPUS_DIR.glob("*.txt")}
    assert files == {d["file"] for d in DOCUMENTS.values()}
    fetched_fresh = FRESH | FRESH2 | FRESH3 | FRESH4 | FRESH5 | FRESH6 | FRESH7
    for key, doc in DOCUMENTS.items():
        assert doc["url"].startswith("http"), key
        fetched = "2026-12-08" if key in FRESH8 else "2026-12-07" if key in fetched_fresh else "2026-12-06"
        assert doc["fetched"] == fetched, key
        assert corpus_text(key).strip(), key
        assert doc["header"] is not None or doc["kind"] == "summary", key
    held = ("heldout", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8")
    kept_aside = [k for k, d in DOCUMENTS.items() if d["split"] in held]
    assert len(kept_aside) * 3 >= len(DOCUMENTS) - 1
    assert FRESH <= HELDOUT  # the fresh documents are held out too
    assert not FRESH2 & HELDOUT and {DOCUMENTS[k]["split"] for k in FRESH2} == {"fresh2"}
    assert not FRESH3 & (HELDOUT | FRESH2) and {DOCUMENTS[k]["split"] for k in FRESH3} == {"fresh3"}
    assert not FRESH4 & (HELDOUT | FRESH2 | FRESH3) and {DOCUMENTS[k]["split"] for k in FRESH4} == {"fresh4"}
    # fresh4 resembles uploads: at least 30 texts (c54–c83), 9 of them documents with their header, and it states
    # enough targets for a recall figure that is not coarse: at least 80 in at least 17 texts, 10 of them ranges
    assert len(FRESH4) >= 30 and sum(DOCUMENTS[k]["header"] is not None for k in FRESH4) >= 9
    fresh4_targets = [t for k in FRESH4 for t in DOCUMENTS[k]["targets"]]
    assert len(fresh4_targets) >= 80 and sum(bool(DOCUMENTS[k]["targets"]) for k in FRESH4) >= 17
    assert sum(t["comparator"] == "range" for t in fresh4_targets) >= 10
    # no text of fresh4 comes from a page already in the corpus
    assert not {DOCUMENTS[k]["url"] for k in FRESH4} & {d["url"] for k, d in DOCUMENTS.items() if k not in FRESH4}
    assert not FRESH5 & (HELDOUT | FRESH2 | FRESH3 | FRESH4) and {DOCUMENTS[k]["split"] for k in FRESH5} == {"fresh5"}
    # fresh5 resembles uploads: at least 15 texts (c84–c101), 4 of them documents with their header, at least 50
    # targets in at least 8 texts (6 of them ranges) and a few texts without any target (results only)
    assert len(FRESH5) >= 15 and sum(DOCUMENTS[k]["header"] is not None for k in FRESH5) >= 4
    fresh5_targets = [t for k in FRESH5 for t in DOCUMENTS[k]["targets"]]
    assert len(fresh5_targets) >= 50 and sum(bool(DOCUMENTS[k]["targets"]) for k in FRESH5) >= 8
    assert sum(t["comparator"] == "range" for t in fresh5_targets) >= 6
    assert sum(not DOCUMENTS[k]["targets"] and DOCUMENTS[k]["header"] is None for k in FRESH5) >= 3
    # no text of fresh5 comes from a page already in the corpus
    assert not {DOCUMENTS[k]["url"] for k in FRESH5} & {d["url"] for k, d in DOCUMENTS.items() if k not in FRESH5}
    earlier = HELDOUT | FRESH2 | FRESH3 | FRESH4 | FRESH5
    assert not FRESH6 & earlier and {DOCUMENTS[k]["split"] for k in FRESH6} == {"fresh6"}
    # fresh6 (c102–c183, texts of 2024–2026 after the cooperative law of 2023 and the 07/2025 reform) resembles
    # uploads: texts that state targets (ranges among them), texts with their header, and texts without any target
    # (results only) — the figures below are its size when it was last added to, so a text dropped fails here
    assert len(FRESH6) >= 24 and sum(DOCUMENTS[k]["header"] is not None for k in FRESH6) >= 5
    assert sum(bool(DOCUMENTS[k]["targets"]) for k in FRESH6) >= 11
    fresh6_targets = [t for k in FRESH6 for t in DOCUMENTS[k]["targets"]]
    assert len(fresh6_targets) >= 65 and sum(t["comparator"] == "range" for t in fresh6_targets) >= 8
    assert sum(not DOCUMENTS[k]["targets"] and DOCUMENTS[k]["header"] is None for k in FRESH6) >= 8
    # fresh6's part c130–c159 (the "corpus6b" helper's): provinces, a district and a commune not yet in the corpus
    # and national texts, 30 texts, 6 of them documents with their header, at least 50 targets in at least 11
    # texts (3 of them ranges), and results-only texts, among them texts that read like plans ("Đây là mục tiêu …"
    # without it, "Giai đoạn 2023 – 2025, toàn tỉnh đã …", "đến năm 2030" inside a programme's name)
    part_b = {k for k in FRESH6 if 130 <= int(k[1:]) <= 159}
    assert len(part_b) == 30 and sum(DOCUMENTS[k]["header"] is not None for k in part_b) >= 6
    part_b_targets = [t for k in part_b for t in DOCUMENTS[k]["targets"]]
    assert len(part_b_targets) >= 50 and sum(bool(DOCUMENTS[k]["targets"]) for k in part_b) >= 11
    assert sum(t["comparator"] == "range" for t in part_b_targets) >= 3
    assert sum(not DOCUMENTS[k]["targets"] and DOCUMENTS[k]["header"] is None for k in part_b) >= 10
    # no text of fresh6 comes from a page already in the corpus, nor two of its texts from one page
    assert not {DOCUMENTS[k]["url"] for k in FRESH6} & {d["url"] for k, d in DOCUMENTS.items() if k not in FRESH6}
    assert len({DOCUMENTS[k]["url"] for k in FRESH6}) == len(FRESH6)
    # fresh6's part c160–c183 (the "corpus6c" helper's): documents WITH their header as sites serve them (flattened
    # "|" headers, headers hard-wrapped inside names, related-documents lists and ad noise above, a .doc's text layer
    # on one line), 24 texts, 12 of them with a header, at least 40 targets in at least 9 texts (4 ranges), and
    # texts without any target — the figures are the part's size when it was added, so a text dropped fails here
    part_c = {k for k in FRESH6 if 160 <= int(k[1:]) <= 183}
    assert len(part_c) >= 24 and sum(DOCUMENTS[k]["header"] is not None for k in part_c) >= 12
    part_c_targets = [t for k in part_c for t in DOCUMENTS[k]["targets"]]
    assert len(part_c_targets) >= 40 and sum(bool(DOCUMENTS[k]["targets"]) for k in part_c) >= 9
    assert sum(t["comparator"] == "range" for t in part_c_targets) >= 4
    assert sum(len(DOCUMENTS[k]["results"]) for k in part_c) >= 106
    assert not FRESH7 & (earlier | FRESH6) and {DOCUMENTS[k]["split"] for k in FRESH7} == {"fresh7"}
    # fresh7's part c220–c259 (the "corpus7b" helper's): texts of ADJACENT topics stating targets (OCOP, farm economy,
    # agricultural restructuring, linkage, socio-economic plans) and Party and mass-organisation texts (Hội LHPN,
    # Tỉnh đoàn, Hội Nông dân, Liên minh HTX), documents with their header and results-only texts — the figures are
    # the part's size when it was last added to, so a text dropped fails here
    part_7b = {k for k in FRESH7 if 220 <= int(k[1:]) <= 259}
    assert len(part_7b) == 40 and sum(DOCUMENTS[k]["header"] is not None for k in part_7b) >= 10
    part_7b_targets = [t for k in part_7b for t in DOCUMENTS[k]["targets"]]
    assert len(part_7b_targets) >= 133 and sum(bool(DOCUMENTS[k]["targets"]) for k in part_7b) >= 20
    assert sum(t["comparator"] == "range" for t in part_7b_targets) >= 16
    assert sum(not DOCUMENTS[k]["targets"] and DOCUMENTS[k]["header"] is None for k in part_7b) >= 10
    assert sum(len(DOCUMENTS[k]["results"]) for k in part_7b) >= 187
    # no text of fresh7 comes from a page already in the corpus, nor two of its texts from one page
    assert not {DOCUMENTS[k]["url"] for k in FRESH7} & {d["url"] for k, d in DOCUMENTS.items() if k not in FRESH7}
    assert len({DOCUMENTS[k]["url"] for k in FRESH7}) == len(FRESH7)
    # fresh7's part c260–c299 (the "corpus7c" helper's): systematic angles — provinces the corpus had none or one
    # text of (Bình Phước first), district and commune texts, news quoting a plan's targets, older periods —
    # documents with their header, texts stating targets and results-only texts; the figures are the part's size
    # when it was last added to, so a text dropped fails here
    part_7c = {k for k in FRESH7 if 260 <= int(k[1:]) <= 299}
    assert len(part_7c) == 40 and sum(DOCUMENTS[k]["header"] is not None for k in part_7c) >= 8
    part_7c_targets = [t for k in part_7c for t in DOCUMENTS[k]["targets"]]
    assert len(part_7c_targets) >= 62 and sum(bool(DOCUMENTS[k]["targets"]) for k in part_7c) >= 12
    assert sum(t["comparator"] == "range" for t in part_7c_targets) >= 2
    assert sum(not DOCUMENTS[k]["targets"] and DOCUMENTS[k]["header"] is None for k in part_7c) >= 21
    assert sum(len(DOCUMENTS[k]["results"]) for k in part_7c) >= 262
    # a province the corpus had no text of before this part
    assert any("Bình Phước" in (DOCUMENTS[k]["header"] or {}).get("place", "") for k in part_7c)
    assert not any(
        "Bình Phước" in (DOCUMENTS[k]["header"] or {}).get("place", "") for k in DOCUMENTS if k not in part_7c
    )
    assert not FRESH8 & (earlier | FRESH6 | FRESH7) and {DOCUMENTS[k]["split"] for k in FRESH8} == {"fresh8"}
    # fresh8 (c300 onward, the "corpus8" helper's): texts of 2025–2026 after the reform of 01/07/2025, provinces with
    # few texts in the corpus, news of plans' issuance, support programmes — documents with their header and texts
    # stating targets; the figures are the set's size when it was last added to, so a text dropped fails here
    assert len(FRESH8) >= 12 and sum(DOCUMENTS[k]["header"] is not None for k in FRESH8) >= 2
    fresh8_targets = [t for k in FRESH8 for t in DOCUMENTS[k]["targets"]]
    assert len(fresh8_targets) >= 57 and sum(bool(DOCUMENTS[k]["targets"]) for k in FRESH8) >= 10
    assert sum(t["comparator"] == "range" for t in fresh8_targets) >= 13
    assert sum(len(DOCUMENTS[k]["results"]) for k in FRESH8) >= 33
    # no text of fresh8 comes from a page already in the corpus, nor two of its texts from one page; none is of a
    # seed's province (Quảng Ngãi, Kon Tum, Đồng Tháp, Lai Châu)
    assert not {DOCUMENTS[k]["url"] for k in FRESH8} & {d["url"] for k, d in DOCUMENTS.items() if k not in FRESH8}
    assert len({DOCUMENTS[k]["url"] for k in FRESH8}) == len(FRESH8)
    seed_places = ("quangngai", "kontum", "dongthap", "laichau")
    assert not any(DOCUMENTS[k]["file"].split("_")[1] in seed_places for k in FRESH8)
    assert len(DOCUMENTS) >= 30 and {s for s, _ in SPLITS} == {d["split"] for d in DOCUMENTS.values()}
    # fresh3 was kept aside until its one unseen score (07/12/2026) and is scored by default since
    assert "fresh3" not in KEPT_ASIDE and "fresh3" in {s for s, _ in DEFAULT_SPLITS}
    # fresh4 was kept aside until its one unseen score (07/12/2026 14:59 UTC) and is scored by default since
    assert "fresh4" not in KEPT_ASIDE and "fresh4" in {s for s, _ in DEFAULT_SPLITS}
    # fresh5 was kept aside until its one unseen score (07/12/2026 15:28 UTC) and is scored by default since
    assert "fresh5" not in KEPT_ASIDE and "fresh5" in {s for s, _ in DEFAULT_SPLITS}
    # fresh6 was kept aside until its one unseen score (07/12/2026 17:38 UTC) and is scored by default since
    assert "fresh6" not in KEPT_ASIDE and "fresh6" in {s for s, _ in DEFAULT_SPLITS}
    # fresh7 was kept aside until its one unseen score (07/12/2026 21:59 UTC) and is scored by default since
    assert "fresh7" not in KEPT_ASIDE and "fresh7" in {s for s, _ in DEFAULT_SPLITS}
    # fresh8 was kept aside until its one unseen score (08/12/2026 01:29 UTC) and is scored by default since
    assert "fresh8" not in KEPT_ASIDE and "fresh8" in {s for s, _ in DEFAULT_SPLITS} and not KEPT_ASIDE
    assert [s for s, _ in DEFAULT_SPLITS] == [s for s, _ in SPLITS if s not in KEPT_ASIDE]


COMPARATORS = {"=", "~", ">", ">=", "<", "<=", "range"}
KINDS = {"plan", "decision", "resolution", "report", "summary"}


def _is_number(x):
    return isinstance(x, int | float) and not isinstance(x, bool)


def test_every_key_is_well_formed():
    """Every key, those of a split kept aside included (read as data: the reader is not run), has the shape the evaluation
    compares: a header with an int number, a symbol, an ISO date, a place and an issuer (or None for a
    summary); targets with a year, a known comparator, a number, a bound only for a range (above its low
    end) and a unit; results as numbers, none equal to a target value of the same document (the
    evaluation tells a result taken for a target by its value)."""
    for key, doc in DOCUMENTS.items():
        assert doc["kind"] in KINDS, key
        header = doc["header"]
        if header is not None:
            assert set(header) == {"number", "symbol", "date", "place", "issuer"}, key
            assert isinstance(header["number"], int) and header["number"] > 0, key
            assert header["symbol"] and header["symbol"] == header["symbol"].strip(), key
            datetime.date.fromisoformat(header["date"])
            assert header["place"].strip() and header["issuer"].strip(), key
        values = set()
        for t in doc["targets"]:
            assert set(t) == {"year", "comparator", "value", "value_max", "unit"}, (key, t)
            assert isinstance(t["year"], int) and 2000 <= t["year"] <= 2050, (key, t)
            assert t["comparator"] in COMPARATORS and _is_number(t["value"]), (key, t)
            if t["comparator"] == "range":
                assert _is_number(t["value_max"]) and t["value_max"] > t["value"], (key, t)
            else:
                assert t["value_max"] is None, (key, t)
            assert t["unit"] and t["unit"] == t["unit"].strip(), (key, t)
            values.update(v for v in (t["value"], t["value_max"]) if v is not None)
        assert all(_is_number(r) for r in doc["results"]), key
        assert not values & set(doc["results"]), (key, values & set(doc["results"]))


# The floor of each set already read to write rules: no rule may lower it (header share, targets as (tp at
# least, fp at most, fn at most), results taken at most; every summary clean). dev, held-out and fresh2 are
# perfect since the fourth pass (docs/import.md, 07/12/2026), fresh3 — released for tuning after its one unseen
# score — since the fifth. fresh4, released after its one unseen score (07/12/2026 14:59 UTC: header 17/18,
# targets 45/17/36, 3 results taken), is held at that score and raised as its miss classes are fixed (header
# 1.0 since the sixth pass joined a place name wrapped by the website; targets 50/13/31 since it read numbers in words,
# 52/11/29 since "khoảng" carried over ";" stops at a share after a count, 53/10/28 with "đảng viên" a unit,
# 57/6/24 with the year of a term, 59/5/22 with TCVN3 text converted, 61/5/20 with revenues to reach,
# 61/2/20 and no result taken once the results of a term past open no targets, 61/1/20 with a restating
# headline read once; 64/1/17 in the eighth pass with a congress's "thông qua 16 chỉ tiêu … Cụ thể, …"; 72/1/9 with the "- " items under a summary's "* Mục tiêu:" line, 76/1/5 with
# "mục tiêu … trong 5 năm tới" counted from the period reported as past, 78/1/3 when a paragraph stating
# targets before a "phấn đấu" of its own goes on the list above). fresh5, released after its one unseen score (07/12/2026 15:28 UTC: header 13/16,
# targets 44/10/8, 4 results taken, 13/14 summaries clean: one invented issuer, "summaries_unclean"), is held at that
# score and raised as its miss classes are fixed (header 1.0 since the seventh pass read an official letter's
# "V/v" line and "BỘ KẾ HOẠCH VÀ ĐẦU TƯ"; targets 44/6/8 and no result taken once counts of today are
# baselines; 47/3/5 with a one-year plan inside a period read at its own year; 49/1/3 with
# "từ 1,5 lên 3 lần" a range and "Tối thiểu sẽ có khoảng 3" a floor; every summary clean once a sentence linked
# to the one before, "Theo đó, <X> ban hành kế hoạch …", gives no issuer; 50/1/2 with "thí điểm" no legal
# point; 51/0/1 in the eighth pass once "trên" stops before a lone 1, 52/0/0 with a
# headline "Đến năm 2020, có ít nhất 10% …"). A set without "summaries_unclean"
# keeps every summary clean.
FLOORS = {
    "dev": {"header": 1.0, "targets": (15, 0, 0), "results_taken": 0},
    "heldout": {"header": 1.0, "targets": (37, 0, 0), "results_taken": 0},
    "fresh2": {"header": 1.0, "targets": (40, 0, 0), "results_taken": 0},
    "fresh3": {"header": 1.0, "targets": (38, 0, 0), "results_taken": 0},
    "fresh4": {"header": 1.0, "targets": (80, 1, 1), "results_taken": 0},  # tenth pass: a label's unit (c76)
    "fresh5": {"header": 1.0, "targets": (52, 0, 0), "results_taken": 0},
    # the one unseen score of 07/12/2026 17:38 UTC (main 290ad4c), the floor until the passes that follow raise it
    # raised by the ninth pass (a summary's default horizon: 99/29/56; year typos: 103/25/52; a review's yearly
    # averages and a headline's lead: 103/16/52, 2 results taken; a field's main indicators: 117/16/38; "Theo đó,
    # đến năm …": 126/16/29)
    # and by the eighth pass's second part, written without fresh6 and rebased onto it (127/16/28); summaries'
    # issuers (with the header helper's date lines): every summary clean; "Mục tiêu của … là": 131/16/24; "trong
    # tổng số": 131/15/24, 1 result taken; a rating's share after "chiếm": 135/15/20
    # raised by the tenth pass (a floor before the verb, "ít nhất có 2 …": 136/14/19; a headline restating the
    # body: 136/10/19; each of the listed periods: 138/9/17; a commune's farm targets, breakdowns never closed:
    # 141/6/14; a share of GRDP after "chiếm": 142/6/13; a growth in a bracket: 144/6/11; a trailing "trở lên"
    # not carried: 145/5/10; a comparator past a bracket between items: 147/3/8; c104's and c113's keys brought to
    # the bracket convention, 411 and 423 parts: 147/3/6; an OCOP star rating and headline: 147/1/6, no result taken;
    # "giao … thành lập mới": 148/1/5)
    "fresh6": {"header": 85 / 92, "targets": (148, 1, 5), "results_taken": 0, "summaries_unclean": 0},
    # the one unseen score of 07/12/2026 21:59 UTC (main 3349b32: header 68 of 72 fields, c294's four lost; targets
    # 97/19/98; 3 results taken; 59/62 summaries clean), the floor until the passes that follow raise it (eleventh
    # pass: a budget stated as a need or by its source: 97/17/98, 1 result taken; a congress's "đã họp phiên bế mạc"
    # naming its term: 102/12/93; "mục tiêu … như sau:" over "- " items: 107/12/88; a congress's list flattened onto
    # one line with its group labels: 126/13/69 — precision 0.90 → 0.91, one extra: c237's "bình quân hằng năm dưới
    # 1%" read as "%/năm", keyed "%"; "… là/gồm các chỉ tiêu: …": 136/13/59; news of a plan's issuance, "mục tiêu
    # … được đề ra trong kế hoạch … năm 2024" over "Theo đó, …", and "đã qua đào tạo" no past: 141/13/54; a list
    # heading "Mục tiêu cụ thể năm 2024:" (letters lost: "Mc tiêu c thể"), sizes and progress objects no targets:
    # 148/13/47; "Chương trình … có mục tiêu …": 151/13/44; "Cụ thể đến năm 2030:" over items: 155/13/40;
    # "trong 5 năm 2020 – 2025" at its end: 156/12/39; "thanh niên", "phụ nữ", "nông dân", "gia trại" units: 161/12/34;
    # money in "USD": 165/12/30; comparators carried past a qualifier glued to its comma, not past "từ … trở lên":
    # 167/10/28; a share followed by "năm" no duration: 168/10/27; "Theo kế hoạch này, từ nay đến cuối năm 2023,":
    # 171/10/24; twelfth pass: a headline in capitals and a level without its unit in a page without header or title
    # give no issuer: every summary clean; money per unit without "đồng", "(chiếm 89%)", a verb opening an
    # objective with "được", "ước đạt" going on with "phấn đấu", a one-sentence headline, "trở lên" after a long name,
    # a number cut in its digits: 177/10/18)
    "fresh7": {"header": 68 / 72, "targets": (177, 10, 18), "results_taken": 1, "summaries_unclean": 0},
    # the one unseen score of 08/12/2026 01:29 UTC (main 14c6513: header 8 of 8 fields; targets 42/9/15; no result
    # taken; 10/10 summaries clean), the floor until the passes that follow raise it
    "fresh8": {"header": 8 / 8, "targets": (42, 9, 15), "results_taken": 0, "summaries_unclean": 0},
}


def test_evaluation_runs_on_every_set_and_none_drops_below_its_floor(monkeypatch):
    """The seeds keep every header field and every target (precision and recall 1.0, nothing
    taken from results); the corpus sets are scored and printed — all but a split kept aside as unseen
    (``KEPT_ASIDE``), whose texts are not even read — and none falls below its floor (``FLOORS``):
    header share, true positives, false positives and misses, results taken, summaries clean."""
    read, real = [], corpus_text
    monkeypatch.setattr(sys.modules[__name__], "corpus_text", lambda key: read.append(key) or real(key))
    sets = _sets()
    kept_aside = {k for k, d in DOCUMENTS.items() if d["split"] in KEPT_ASIDE}
    assert read and not set(read) & kept_aside and not set(sets) & KEPT_ASIDE
    assert set(read) >= FRESH3 and "fresh3" in sets  # released: read by default
    assert set(read) >= FRESH4 and "fresh4" in sets  # released after its one unseen score: read by default
    assert set(read) >= FRESH5 and "fresh5" in sets  # released after its one unseen score: read by default
    assert set(read) >= FRESH6 and "fresh6" in sets  # released after its one unseen score: read by default
    assert FRESH7 and set(read) >= FRESH7 and "fresh7" in sets  # released after its one unseen score: read by default
    assert FRESH8 and set(read) >= FRESH8 and "fresh8" in sets  # released after its one unseen score: read by default
    print()
    print(evaluate.format_sets({"seeds": sets["seeds"], **{label: sets[split] for split, label in DEFAULT_SPLITS}}))
    seeds = sets["seeds"]
    assert seeds["header_all"] == 1.0
    assert seeds["targets"] == {"tp": 36, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0}
    assert seeds["results_taken"] == 0
    assert sum(sets[split]["documents"] for split, _ in DEFAULT_SPLITS) == len(DOCUMENTS) - len(kept_aside)
    assert sets["fresh2"]["documents"] == len(FRESH2) and sets["fresh3"]["documents"] == len(FRESH3)
    assert sets["fresh4"]["documents"] == len(FRESH4) and sets["fresh5"]["documents"] == len(FRESH5)
    assert sets["fresh6"]["documents"] == len(FRESH6) and sets["fresh7"]["documents"] == len(FRESH7)
    assert sets["fresh8"]["documents"] == len(FRESH8)
    for split, _label in DEFAULT_SPLITS:
        for value in (*sets[split]["header"].values(), sets[split]["targets"]["precision"]):
            assert 0.0 <= value <= 1.0
    assert set(FLOORS) == {split for split, _ in DEFAULT_SPLITS}  # a released split gets its floor
    for split, floor in FLOORS.items():
        r = sets[split]
        tp, fp, fn = floor["targets"]
        got = (r["targets"]["tp"], r["targets"]["fp"], r["targets"]["fn"])
        assert r["header_all"] >= floor["header"] - 1e-9, (split, r["per_document"])
        assert got[0] >= tp and got[1] <= fp and got[2] <= fn, (split, got, r["per_document"])
        assert r["results_taken"] <= floor["results_taken"], split
        done, total = r["no_header_clean"]
        assert total - done <= floor.get("summaries_unclean", 0), (
            split,
            {d: row["header_wrong"] for d, row in r["per_document"].items()},
        )


def test_evaluate_set_counts_header_fields_targets_and_results():
    """A wrong place, a missed target, an extra target and a result read as a target are counted."""
    got = {
        "number": 180,
        "symbol": "KH-UBND",
        "date": "2022-08-17",
        "place": "Lang Son",
        "issuer": "UỶ BAN NHÂN DÂN tỉnh Lạng Sơn",
        "targets": [
            {"year": 2023, "comparator": "=", "value": 226, "value_max": None, "unit": "THT"},
            {"year": 2023, "comparator": ">=", "value": 20, "value_max": None, "unit": "HTX"},
        ],
    }
    key = {
        "header": {
            "number": 180,
            "symbol": "KH-UBND",
            "date": "2022-08-17",
            "place": "Lạng Sơn",
            "issuer": "Ủy ban nhân dân tỉnh Lạng Sơn",
        },
        "targets": [
            {"year": 2023, "comparator": ">=", "value": 20, "value_max": None, "unit": "HTX"},
            {"year": 2023, "comparator": "=", "value": 30, "value_max": None, "unit": "THT"},
        ],
        "results": [226],
    }
    r = evaluate.evaluate_set([("doc", got, key)])
    assert r["header"] == {"number": 1.0, "date": 1.0, "place": 0.0, "issuer": 1.0}
    assert r["targets"]["tp"] == 1 and r["targets"]["fp"] == 1 and r["targets"]["fn"] == 1
    assert r["results_taken"] == 1
    # a text without a header scores right only when nothing is invented
    r = evaluate.evaluate_set([("summary", {"issuer": "Ủy ban nhân dân", "targets": []}, {"header": None})])
    assert r["no_header_clean"] == (0, 1)


def test_same_name_ignores_tone_placement_and_city_prefix():
    assert evaluate.same_name("Thanh Hoá", "Thanh Hóa")
    assert evaluate.same_name("TP. Hồ Chí Minh", "Hồ Chí Minh")
    assert evaluate.same_name("Uỷ ban nhân dân tỉnh Vĩnh Long", "Ủy ban nhân dân tỉnh Vĩnh Long")
    assert not evaluate.same_name("Sơn Tây", "Sơn Hà")
