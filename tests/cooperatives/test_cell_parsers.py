"""The import's per-column cell parsers (``importing.cell_parser``, issue 17) answer exactly as
``importing.parse_cell``: the same value of the same type, or the same Vietnamese message — also
the second time a value is seen (choice, yes/no, commune and date columns remember answers)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from cooperatives import excel, importing

EDGES = [0, -1, 1, 1989, 1990, 2100, 2101, 10**18 - 1, 10**18, -(10**18) + 1, -(10**18), 2**70]
values = st.one_of(
    st.sampled_from(EDGES),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.sampled_from(
        [
            "HTX", " htx ", "Tổ hợp tác", "Khá", "kha", "Có", "khong", "x", "21301", " 2130 ", "21301a",
            "150.000.000", "1,5", "-5", "01/03/2015", "31/02/2015", "=1+1", "", "  ", "a\u0344", "\u0344" * 300,
            "Lúa\ncà  phê", "A" * 256, "A" * 30001, "Nông nghiệp; Thương mại - Dịch vụ",
        ]
    ),  # fmt: skip
    st.text(max_size=40),
    st.dates(),
    st.datetimes(),
)


def outcome(parse, value, data_type):
    try:
        result = parse(value, data_type)
    except importing.CellError as exc:
        return ("error", exc.message)
    return ("value", type(result), result)


@hsettings(max_examples=400, deadline=None)
@given(column=st.sampled_from(excel.COLUMNS), value=values, data_type=st.sampled_from(["n", "s", "b", "d", "f", "e"]))
def test_a_bound_parser_answers_as_parse_cell(column, value, data_type):
    with translation.override("vi"):
        expected = outcome(lambda v, t: importing.parse_cell(column, v, t), value, data_type)
        parse = importing.cell_parser(column)
        assert outcome(parse, value, data_type) == expected
        assert outcome(parse, value, data_type) == expected  # remembered or not, the same


@pytest.mark.parametrize("key", ["kind", "value_chain", "commune_code", "founded"])
def test_remembered_values_keep_their_types_apart(key):
    """1, 1.0 and True hash alike; a yes/no column must still answer each as parse_cell does."""
    column = excel.COLUMN_BY_KEY[key]
    parse = importing.cell_parser(column)
    for value, data_type in [(1, "n"), (True, "b"), (1.0, "n"), ("1", "s"), (datetime.date(2024, 1, 1), "d")]:
        assert outcome(parse, value, data_type) == outcome(
            lambda v, t: importing.parse_cell(column, v, t), value, data_type
        )
