"""core.text.symbol_key: when two document symbols are the same symbol (issue 16, duplicate detection)."""

import unicodedata

import pytest

from core.text import symbol_key


@pytest.mark.parametrize(
    "written",
    [
        "KH-UBND",
        "kh-ubnd",
        "KH - UBND",
        "KH -UBND",
        " KH-UBND. ",
        "KH–UBND",  # en dash
        "KH—UBND",  # em dash
        "KH\u2011UBND",  # non-breaking hyphen
        "ＫＨ－ＵＢＮＤ",  # full-width letters and hyphen-minus
    ],
)
def test_spacing_case_and_dashes_do_not_matter(written):
    """The ways a symbol is typed or pasted from a website give the register's form."""
    assert symbol_key(written) == "KH-UBND"


def test_unicode_forms_and_the_code_point_of_đ_do_not_matter():
    """NFC and NFD, Latin Eth (Ð/ð), African D (Ɖ) and D with a combining stroke are all Đ."""
    nfc = "2020/NQ-HĐND"
    nfd = unicodedata.normalize("NFD", "2020/nq-hđnd")
    assert symbol_key(nfc) == symbol_key(nfd) == "2020/NQ-HĐND"
    for written in ("QÐ-UBND", "qð-ubnd", "QƉ-UBND", "QD\u0335-UBND", "qd\u0336-ubnd", "QĐ - UBND"):
        assert symbol_key(written) == "QĐ-UBND", written


def test_different_symbols_stay_different():
    """Only the drawing is ignored: another agency, another kind of document or a plain D is another symbol."""
    assert symbol_key("KH-UBND") != symbol_key("KH-LMHTX")
    assert symbol_key("KH-UBND") != symbol_key("QĐ-UBND")
    assert symbol_key("QD-UBND") != symbol_key("QĐ-UBND")  # "QD" without its stroke is not "QĐ"
    assert symbol_key("2020/NQ-HĐND") != symbol_key("2021/NQ-HĐND")
    assert symbol_key("KHUBND") != symbol_key("KH-UBND")  # the dash is kept, only its drawing varies
    assert symbol_key(None) == symbol_key("") == symbol_key("   ") == ""
