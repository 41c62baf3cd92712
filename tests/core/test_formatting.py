"""Vietnamese numbers, money and document dates; accent folding for search."""

import datetime
from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template

from core.formatting import format_date, format_doc_date, format_million_vnd, format_number
from core.text import fold, nfc


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, None, "1.234,5"),
        (Decimal("1200"), None, "1.200"),
        (Decimal("-1234567.891"), 2, "-1.234.567,89"),
        (0, 0, "0"),
        ("12,5", None, ""),  # a Vietnamese-formatted string is not a number to format again
        (None, None, ""),
        (Decimal("60.00"), None, "60"),
    ],
)
def test_format_number(value, decimals, expected):
    """Thousands with ".", decimals with ","; trailing zeros trimmed by default."""
    assert format_number(value, decimals) == expected


def test_money_in_words():
    """Amounts read as in the seed plans: "25,27 triệu đồng", "1,5 tỷ đồng"."""
    assert format_million_vnd(25_270_000) == "25,27 triệu đồng"
    assert format_million_vnd(Decimal("1500000000")) == "1,5 tỷ đồng"
    assert format_million_vnd(500_000) == "500.000 đồng"


def test_document_dates_pad_days_and_early_months_only():
    """Decree 30: zero-pad days 1–9 and months 1–2 only."""
    assert format_doc_date(date(2020, 3, 5)) == "ngày 05 tháng 3 năm 2020"
    assert format_doc_date(date(2020, 1, 5)) == "ngày 05 tháng 01 năm 2020"
    assert format_doc_date(date(2024, 10, 10)) == "ngày 10 tháng 10 năm 2024"
    assert format_doc_date(None, 2026).endswith("năm 2026")
    assert format_date(date(2025, 7, 1)) == "01/07/2025"


def test_template_filters():
    """The template filters give the same results."""
    html = Template("{% load coopplan %}{{ n|vn_num }} {{ m|vn_money }} {{ d|doc_date }}").render(
        Context({"n": 1234.5, "m": 25270000, "d": date(2020, 3, 5)})
    )
    assert html == "1.234,5 25,27 triệu đồng ngày 05 tháng 3 năm 2020"


def test_fold_for_search():
    """Folding removes accents and case so "hop tac xa" finds "Hợp tác xã"; đ becomes d."""
    assert fold("  Hợp   tác XÃ Đồng Tháp ") == "hop tac xa dong thap"
    assert fold(None) == ""
    assert nfc("Hoa\u0300") == "Hoà"


@pytest.mark.parametrize(("language", "expected"), [("vi", "05/03/2020 · 1.234,5"), ("en", "05/03/2020 · 1,234.5")])
def test_localized_dates_and_numbers(language, expected):
    """Pages show dd/mm/yyyy in both languages; numbers follow the language's separators."""
    from django.utils import translation

    with translation.override(language):
        html = Template("{{ d }} · {{ n }}").render(Context({"d": date(2020, 3, 5), "n": Decimal("1234.5")}))
    assert html == expected


@pytest.mark.parametrize(
    "day",
    [date(2025, 7, 1), date(2026, 12, 31), date(999, 1, 9), datetime.datetime(2025, 3, 4, 23, 59)],
)
def test_format_date_writes_what_the_date_filter_writes(day):
    """The list pages' row writers call ``format_date`` where their templates had
    ``{{ day|date:"d/m/Y" }}``: the same text, the year zero-padded to four digits."""
    from django.utils.dateformat import format as django_format

    assert format_date(day) == django_format(day, "d/m/Y")
    assert format_date(None) == ""
