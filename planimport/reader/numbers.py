"""Vietnamese numbers, money and dates.

Conventions (NĐ 30/2020 and common practice):

* ``.`` groups thousands and ``,`` is the decimal mark: ``"1.200"`` → 1200, ``"25,27"`` → 25.27,
  ``"1.200,5"`` → 1200.5. A lone dot that does not group exactly three digits (``"2.5"``) is read
  as a decimal point, because that is what it means when it appears.
* Leading zeros are padding: ``"01"`` → 1, ``"08"`` → 8.
* Money is converted to đồng: ``"25,27 triệu đồng"`` → 25270000, ``"1,5 tỷ đồng"`` → 1500000000.
* Dates: ``"ngày 12 tháng 12 năm 2023"``, ``"ngày 28/2/2024"``, ``"16/10/2024"``; a blank draft date
  (``"ngày    tháng    năm 2023"``) gives no date but still gives the year.

Values are returned as ``int`` when integral and ``float`` otherwise, so ``to_dict()`` is plain JSON.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

NUMBER_RE = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"

MONEY_MULTIPLIERS = {
    "tỷ": Decimal(1_000_000_000),
    "tỉ": Decimal(1_000_000_000),
    "triệu": Decimal(1_000_000),
    "tr": Decimal(1_000_000),
    "nghìn": Decimal(1_000),
    "ngàn": Decimal(1_000),
    "vạn": Decimal(10_000),  # a count: "2,5 - 3,5 vạn người" → 25000–35000 người
    "": Decimal(1),
}

MONEY_RE = re.compile(
    r"(?P<num>" + NUMBER_RE + r")\s*(?P<mult>tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|VNĐ|VND|đ\b)",
    re.IGNORECASE,
)


def to_plain(value: Decimal | None) -> int | float | None:
    """Decimal → int when integral, else float (JSON-friendly)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_decimal(token: str) -> Decimal | None:
    """Parse one Vietnamese number token ("1.200", "25,27", "01") into a Decimal."""
    token = token.strip()
    if not token:
        return None
    if "," in token:
        integer, _, fraction = token.partition(",")
        integer = integer.replace(".", "")
        text = f"{integer}.{fraction}"
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        text = token.replace(".", "")
    else:
        text = token
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def parse_number(token: str) -> int | float | None:
    """Parse a Vietnamese number token into a plain number (see module docstring)."""
    return to_plain(parse_decimal(token))


def money_to_vnd(number: str, multiplier: str | None) -> int | float | None:
    """``("25,27", "triệu")`` → 25270000."""
    value = parse_decimal(number)
    if value is None:
        return None
    return to_plain(value * MONEY_MULTIPLIERS.get((multiplier or "").lower(), Decimal(1)))


def find_money(text: str):
    """Yield ``(vnd, match)`` for every amount of money in ``text``."""
    for m in MONEY_RE.finditer(text):
        yield money_to_vnd(m.group("num"), m.group("mult")), m


# --- dates -------------------------------------------------------------------------------------

_DATE_WORDS_RE = re.compile(r"ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})", re.IGNORECASE)
_DATE_SLASH_RE = re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?!\d)")


def make_date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def find_dates(text: str):
    """Yield ``(date_or_None, year_or_None, match)`` for every date in ``text``, in order.

    Blank draft dates yield ``(None, year, match)``.
    """
    found = []
    for m in _DATE_WORDS_RE.finditer(text):
        date = make_date(m.group("y"), m.group("m"), m.group("d")) if m.group("d") and m.group("m") else None
        found.append((m.start(), date, int(m.group("y")), m))
    for m in _DATE_SLASH_RE.finditer(text):
        if any(f[3].start() <= m.start() < f[3].end() for f in found):
            continue
        found.append((m.start(), make_date(m.group("y"), m.group("m"), m.group("d")), int(m.group("y")), m))
    for _, date, year, m in sorted(found, key=lambda f: f[0]):
        yield date, year, m


def first_date(text: str) -> dt.date | None:
    for date, _, _ in find_dates(text):
        if date:
            return date
    return None


def iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None
