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


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, ending in "…"."""
    text = _SPACES.sub(" ", str(text or "")).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–") + "…"
