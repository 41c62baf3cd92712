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
    if type(value) is int:  # exact already: no trip through str
        return Decimal(value)
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


# The quantum of each number of decimal places (0 → 1, 2 → 0.01), made once, not per call.
_QUANTA = {places: Decimal(1).scaleb(-places) if places else Decimal(1) for places in range(7)}


def format_number(value, decimals: int | None = None, *, trim: bool = True) -> str:
    """Format ``value`` the Vietnamese way; ``decimals=None`` keeps up to 2 and trims zeros.

    Rounded half up to the places shown; the thousands grouped by "." and the decimals after
    ",". Called for every figure of a page (the progress page's sparkline labels, the targets'
    formulas: thousands a request), so the grouping is the format specification's, not a
    loop, and a Decimal is not copied.
    """
    # A Decimal is immutable: used as it is (a copy costs as much as the rounding).
    number = value if type(value) is Decimal else _to_decimal(value)
    if number is None:
        return ""
    places = 2 if decimals is None else decimals
    quant = _QUANTA.get(places)
    if quant is None:
        quant = Decimal(1).scaleb(-places) if places else Decimal(1)
    number = number.quantize(quant, rounding=ROUND_HALF_UP)
    # Python writes "1,234.50"; the Vietnamese way is "1.234,50". A zero rounded from a
    # negative number ("-0.00") is written without its sign.
    whole, _, frac = f"{number:,.{places}f}".partition(".")
    if whole[0] == "-" and not number < 0:
        whole = whole[1:]
    whole = whole.replace(",", ".")
    if frac and decimals is None and trim:
        frac = frac.rstrip("0")
    return f"{whole},{frac}" if frac else whole


def format_numbers(values) -> list[str]:
    """``[format_number(v) for v in values]``, its default form (up to 2 decimals, zeros trimmed),
    for the pages that write hundreds of figures at once (the progress page's sparkline labels:
    380 on a national plan; issue 17). A Decimal is rounded and written here without the call's
    general path; anything else (an int, a float, None, a Decimal the format does not write with
    two places) goes through ``format_number``. tests/core/test_formatting.py compares the two."""
    out: list[str] = []
    append = out.append
    quant = _QUANTA[2]
    for value in values:
        if type(value) is not Decimal:
            append(format_number(value))
            continue
        number = value.quantize(quant, rounding=ROUND_HALF_UP)
        text = f"{number:,.2f}"
        if text[-3] != ".":  # NaN and the like: the general path says what to do
            append(format_number(value))
            continue
        whole, frac = text[:-3], text[-2:].rstrip("0")
        if whole[0] == "-" and not number < 0:
            whole = whole[1:]
        whole = whole.replace(",", ".")
        append(f"{whole},{frac}" if frac else whole)
    return out


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
    """dd/mm/yyyy, as ``{{ d|date:"d/m/Y" }}`` writes it (the year zero-padded to four digits);
    "" for None. Written without ``strftime``: the list pages' row writers call it per row."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}" if d else ""
