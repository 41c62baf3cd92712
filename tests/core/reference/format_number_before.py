"""core.formatting.format_number as it was before the grouping came from the format
specification (issue 17): kept as the reference the faster one is compared with, string for
string (tests/core/test_format_number_reference.py). Do not use it in the portal."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


def _to_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def format_number_before(value, decimals: int | None = None, *, trim: bool = True) -> str:
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


