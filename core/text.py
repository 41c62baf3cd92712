"""Text helpers shared by every app.

``fold`` gives the accent-insensitive, lower-case form used for search: each searchable
model keeps a ``search_text`` column filled with ``fold(...)`` by its service, and search
filters do ``search_text__contains=fold(query)``. The same code runs on SQLite and
PostgreSQL, so "hop tac xa" finds "hợp tác xã" on both.
"""

import functools
import re
import unicodedata

from unidecode import unidecode

_SPACES = re.compile(r"\s+")


def fold(value) -> str:
    """Return ``value`` without diacritics, lower-cased, with single spaces."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = unidecode(text).lower()
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=100_000)
def _fold_piece(piece: str) -> str:
    return fold(piece)


def fold_cached(value) -> str:
    """Exactly ``fold(value)``, for bulk work: each space-separated piece is folded once per
    process (50,000 imported names are made of a few thousand distinct syllables). Splitting
    at U+0020 changes nothing: NFC never composes across a space, unidecode maps character by
    character and the pieces' spaces are collapsed and stripped either way."""
    if value is None:
        return ""
    text = str(value)
    if text.isascii():  # NFC and unidecode leave ASCII as it is
        return " ".join(text.lower().split())
    return " ".join(filter(None, map(_fold_piece, text.split(" "))))


def nfc(value: str) -> str:
    """Normalise user text to NFC (the form TCVN 6909 documents use)."""
    return unicodedata.normalize("NFC", value) if value else value


# Letters drawn like Đ/đ that legacy fonts, converters and OCR put in its place: Latin Eth (Ð U+00D0,
# ð U+00F0) and African D (Ɖ U+0189, ɖ U+0256); "D" followed by a combining stroke overlay.
_D_LOOKALIKES = str.maketrans({"Ð": "Đ", "Ɖ": "Đ", "ð": "đ", "ɖ": "đ"})
_STROKED_D = re.compile(r"([Dd])[\u0335\u0336]")
# hyphen, non-breaking hyphen, figure dash, en and em dashes, minus sign, small and full-width hyphen-minus
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")


def symbol_key(value) -> str:
    """The comparable form of a document symbol ("KH-UBND", "2020/NQ-HĐND"): two symbols are the same
    when their keys are equal. Case, spaces ("KH - UBND"), Unicode forms (NFC/NFD, full-width
    letters), the dash drawn (–, —, ‑) and the code point used for Đ (Ð, Ɖ, D + stroke) do not
    matter; a trailing full stop is dropped. Used wherever a symbol read from a document is
    compared with a plan's (duplicate detection, links of legal bases)."""
    if not value:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = _STROKED_D.sub(lambda m: "Đ" if m.group(1) == "D" else "đ", text)
    text = _DASHES.sub("-", text.translate(_D_LOOKALIKES))
    return _SPACES.sub("", text).upper().strip(".")


# What may not end a cut title before its "…", nor start a label: separators, opening brackets
# and quotes, and an ellipsis already there (a title shortened twice).
_DANGLING = " ,;:.-–—/(“\"'…"
# Leading noise: an ellipsis, or a run of separators standing alone ("… – ", "- "); never the
# sign of "-5%".
_LEADING = re.compile(r"^(?:…+|[-–—,;:./]+(?=\s|$))\s*")


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, ending in "…".

    The cut never leaves a separator, an opening bracket or quote before the "…" (“giai đoạn
    2023 -…”), and the result never starts with "…" or a dash: separators leading the text are
    dropped, and when nothing but separators would remain before the cut, the text is cut
    inside its first word instead (issue 18)."""
    text = _SPACES.sub(" ", str(text or "")).strip()
    while _LEADING.match(text) and text:
        text = _LEADING.sub("", text, count=1)
    if len(text) <= limit:
        return text
    hard = text[: max(limit - 1, 1)]
    cut = hard
    if " " in cut and not text[len(cut)].isspace():
        cut = cut.rsplit(" ", 1)[0]
    cut = cut.rstrip(_DANGLING)
    if not cut.strip(_DANGLING):  # only separators before the last space: cut inside the word
        cut = hard.rstrip(_DANGLING) or hard
    return cut + "…"


def labelled(reference: str, title: str, limit: int | None = None) -> str:
    """"567/KH-LMHTX – Tổ chức Hội nghị…": a document's reference, a dash and its title cut to
    ``limit`` characters at a word boundary. A draft without a number has no reference worth
    leading with ("…" or "…/KH-UBND" read like a cut title in a list, issue 18): its label is
    its title alone."""
    title = shorten(title, limit) if limit else _SPACES.sub(" ", str(title or "")).strip()
    reference = (reference or "").strip()
    if not reference or reference.startswith("…") or not any(ch.isalnum() for ch in reference):
        return title
    return f"{reference} – {title}" if title else reference
