"""The header fuzz (``header_fuzz.py``, issue 16): keyed headers of the tuned sets and the seeds re-written as
websites, PDF text layers and copy-paste distort them must be read with the same number/symbol, date, place and
issuer. Never reads c102 and above (fresh6)."""

from planimport.reader.evaluate import HEADER_FIELDS

from . import header_fuzz
from .corpus_keys import DOCUMENTS, KEPT_ASIDE

# the share of distorted headers read right on every field, measured on one variant in FUZZ_EVERY (docs/import.md,
# "Header robustness": the whole fuzz's figure and the per-distortion table); a rule that breaks a shape fails here
FUZZ_EVERY = 13
FUZZ_FLOOR = 0.995


def test_the_fuzz_never_reads_a_split_kept_aside_and_covers_the_tuned_headers():
    docs = header_fuzz.documents()
    names = {h.name for h in docs}
    assert not any(DOCUMENTS[n]["split"] in KEPT_ASIDE for n in names if n in DOCUMENTS)
    assert all(int(n[1:]) <= header_fuzz.LAST_FUZZED < 102 for n in names if n in DOCUMENTS)  # never fresh6
    assert len([n for n in names if n in DOCUMENTS]) >= 38
    for h in docs:  # the rebuilt header is the key's
        assert h.number.endswith(f"{h.key['number']}/{h.key['symbol']}") and h.key["place"] in h.place_date


def test_distorted_headers_keep_their_fields():
    result = header_fuzz.run(every=FUZZ_EVERY)
    assert result["variants"] > 800
    assert result["rate"] >= FUZZ_FLOOR, result["fails"][:20]
    assert set(HEADER_FIELDS) == {"number", "date", "place", "issuer"}
