"""format_number gives the same text as before it was made faster (issue 17), string for string.

The former definition is kept in tests/core/reference/format_number_before.py; both are run over
integers, decimals of every exponent, floats, strings, negatives, halves to round (half up),
zeros and negative zeros, values too large to group by hand, and what is not a number, with
every number of places (the cached ones and beyond) and with trimming on and off.
"""

import random
from decimal import Decimal

import pytest

from core.formatting import format_number
from tests.core.reference.format_number_before import format_number_before


def _values():
    rng = random.Random(17)
    fixed = [
        None, "", "abc", "1,5", True, False, 0, -0, 1, -1, 5, 999, 1000, -1000, 123456789, 10**15, -(10**15),
        Decimal("0"), Decimal("-0"), Decimal("-0.00"), Decimal("0.005"), Decimal("-0.005"), Decimal("0.0049"),
        Decimal("1.005"), Decimal("2.675"), Decimal("999.995"), Decimal("-999.995"), Decimal("999999.5"),
        Decimal("1E+3"), Decimal("1.20E+5"), Decimal("-7.5E-3"), Decimal("12345.6789"), Decimal("100.10"),
        Decimal("10"), Decimal("10.00"), Decimal("0.10"), 0.1, 0.5, 1.005, -2.5, 1e-7, 123456.789, 1e15, "1234.5",
        " 12 ", "-0.015", "1e3", "12.3456",
    ]
    out = list(fixed)
    for _ in range(3000):
        whole = rng.choice([0, rng.randint(0, 9), rng.randint(0, 999), rng.randint(0, 10**6), rng.randint(0, 10**12)])
        frac = rng.randint(0, 10**6)
        text = f"{'-' if rng.random() < 0.3 else ''}{whole}.{frac:06d}"[: rng.randint(1, 20)].rstrip(".") or "0"
        if text == "-":
            text = "-1"
        kind = rng.randrange(4)
        out.append(Decimal(text) if kind == 0 else float(text) if kind == 1 else text if kind == 2 else int(Decimal(text)))
    return out


VALUES = _values()


@pytest.mark.parametrize("decimals", [None, 0, 1, 2, 3, 4, 6, 8])
@pytest.mark.parametrize("trim", [True, False])
def test_format_number_equals_the_former_definition(decimals, trim):
    differ = [
        (v, format_number(v, decimals, trim=trim), format_number_before(v, decimals, trim=trim))
        for v in VALUES
        if format_number(v, decimals, trim=trim) != format_number_before(v, decimals, trim=trim)
    ]
    assert differ == []


def test_the_reference_is_the_vietnamese_format():
    # Guard that the comparison above compares with something meaningful.
    assert format_number_before(Decimal("1234567.805"), None) == "1.234.567,81"
    assert format_number(Decimal("1234567.805"), None) == "1.234.567,81"
    assert format_number(-1234.5, 0) == "-1.235"
    assert format_number(Decimal("1000.00")) == "1.000"
    assert format_number(Decimal("1000.00"), None, trim=False) == "1.000,00"


def test_format_numbers_is_format_number_for_each_value():
    """``format_numbers`` (the progress page's sparkline labels write hundreds of figures at once)
    gives ``format_number``'s default text for every value, Decimals of every exponent and sign
    first among them, and what is not a finite Decimal through the general path."""
    from core.formatting import format_numbers

    values = [*VALUES, Decimal("NaN"), Decimal("-0.004"), Decimal("-0.005"), Decimal("0.995"), Decimal("-1234567.891"),
              Decimal("9" * 25 + ".994"), Decimal("1E+20"), Decimal("5E-10")]
    decimals = [v for v in values if type(v) is Decimal]
    assert len(decimals) > 700
    assert format_numbers(values) == [format_number(v) for v in values]
    assert format_numbers([]) == []
