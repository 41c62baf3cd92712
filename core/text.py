"""Text helpers shared by every app.

``fold`` gives the accent-insensitive, lower-case form used for search: each searchable
model keeps a ``search_text`` column filled with ``fold(...)`` by its service, and search
filters do ``search_text__contains=fold(query)``. The same code runs on SQLite and
PostgreSQL, so "hop tac xa" finds "hợp tác xã" on both.
"""

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
