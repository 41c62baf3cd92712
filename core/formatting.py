"""Vietnamese formatting of numbers, money and dates (used by pages, PDFs and Excel).

Numbers: thousands ".", decimals "," ("1.234,5"). Money in text: "25,27 triệu đồng".
Document dates (Decree 30, PL I II.4): zero-pad days 1–9 and months 1–2 only:
"ngày 05 tháng 3 năm 2020", "ngày 05 tháng 01 năm 2020".
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# What a table cell without a value shows (``{{ value|or_dash }}``), at 1366 px and on the
# 390 px cards alike (issue 18).
EMPTY_CELL = "—"


def _to_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def format_number(value, decimals: int | None = None, *, trim: bool = True) -> str:
    """Format ``value`` the Vietnamese way; ``decimals=None`` keeps up to 2 and trims zeros."""
    number = _to_decimal(value)
    if number is None:
        return ""
    places = 2 if decimals is None else decimals
    quant = Decimal(1).scaleb(-places) if places else Decimal(1)
    number = number.quantize(quant, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):.{places}f}"
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    if frac and (decimals is None and trim):
        frac = frac.rstrip("0")
    if frac:
        result += "," + frac
    return sign + result


def format_million_vnd(amount) -> str:
    """25270000 → "25,27 triệu đồng"; 1500000000 → "1,5 tỷ đồng"."""
    number = _to_decimal(amount)
    if number is None:
        return ""
    if abs(number) >= Decimal("1000000000"):
        return f"{format_number(number / Decimal('1000000000'))} tỷ đồng"
    if abs(number) >= Decimal("1000000"):
        return f"{format_number(number / Decimal('1000000'))} triệu đồng"
    return f"{format_number(number, 0)} đồng"


def doc_day_month(d: date) -> tuple[str, str]:
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return day, month


def format_doc_date(d: date | None, year: int | None = None) -> str:
    """"ngày 05 tháng 3 năm 2020"; without a date, the draft form "ngày    tháng    năm 2026"."""
    if d is None:
        return f"ngày\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0năm {year or ''}".rstrip()
    day, month = doc_day_month(d)
    return f"ngày {day} tháng {month} năm {d.year}"


def format_date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""
