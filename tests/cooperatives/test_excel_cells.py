"""The registry list's own sheet reader (issue 17) against openpyxl's read-only parser.

``cooperatives.excel_cells.read_rows`` reads the sheet XML and the shared strings with one lxml
``iterparse`` loop of its own; what it writes must be exactly what the previous reader (openpyxl's
``WorkSheetParser``, the parser of ``load_workbook(read_only=True)``) gave: the same JSON line per
row, byte for byte, for every cell type. Compared here on real workbooks (the project's export,
the import template, a workbook saved by LibreOffice, openpyxl-written ones with dates, times,
durations, formulas, booleans, rich text, merged header cells, sparse cells, the 1904 epoch), on
hand-written XML for the shapes openpyxl does not write (cached formula values, shared and array
formulas, rich and phonetic shared strings, rows and cells without references, ISO dates, errors),
and on generated workbooks (Hypothesis). Hostile parts stay refused.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import shutil
import subprocess
import zipfile
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from cooperatives import excel
from cooperatives.excel_cells import read_rows
from core.sandbox import json_safe

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


# --- the two readers --------------------------------------------------------------------------


def reference_lines(path, sheet_name=excel.SHEET_NAME) -> list[str] | dict:
    """What the previous ``read_rows`` (openpyxl's read-only ``WorkSheetParser``) wrote: one JSON
    line per non-empty row, or its error."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._reader import WorkSheetParser

    try:
        reader = ExcelReader(str(path), read_only=True, keep_vba=False, data_only=False, keep_links=False)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = list(reader.parser.find_sheets())
        _sheet, rel = next(((s, r) for s, r in sheets if s.name == sheet_name), sheets[0])
        wb = reader.wb
        parser = WorkSheetParser(
            io.BufferedReader(reader.archive.open(rel.target.lstrip("/")), 1 << 16),
            reader.shared_strings,
            data_only=False,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        lines = []
        for number, row in parser.parse():
            cells = [
                [cell["column"] - 1, json_safe(formula_text(cell["value"])), cell["data_type"]]
                for cell in row
                if cell["value"] is not None and not (isinstance(cell["value"], str) and not cell["value"].strip())
            ]
            if cells:
                lines.append(json.dumps([number, cells], ensure_ascii=False, separators=(",", ":")))
        return lines
    except Exception:  # noqa: BLE001 - as read_rows: any failure is "unreadable"
        return {"error": "unreadable"}


def formula_text(value):
    """The one change on purpose: an array or data-table formula is written as its text ("=…"),
    not as the object's repr with its memory address (both are refused as formulas anyway)."""
    if isinstance(value, ArrayFormula | DataTableFormula):
        return value.text if isinstance(value, ArrayFormula) else "="
    return value


def our_lines(path, tmp_path, sheet_name=excel.SHEET_NAME) -> list[str] | dict:
    out = tmp_path / "rows.jsonl"
    result = read_rows(str(path), sheet_name, 10**6, str(out), 1 << 30)
    if "error" in result:
        return result
    # Read back as the task reads the file (excel._ChildRows: iterating a text file splits on
    # "\n" only); str.splitlines() would also split inside a value holding U+0085 or U+2028,
    # which JSON writes as they are.
    with open(out, encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle]
    assert result == {"count": len(lines)}
    assert [json.loads(line) for line in lines] == list(excel._ChildRows(str(out), result["count"]))
    return lines


def assert_same(path, tmp_path, sheet_name=excel.SHEET_NAME) -> list[str]:
    expected = reference_lines(path, sheet_name)
    got = our_lines(path, tmp_path, sheet_name)
    assert isinstance(expected, list), expected
    if got != expected:  # name the first row that differs, not a wall of JSON
        for mine, theirs in zip(got, expected, strict=False):
            assert mine == theirs
        assert len(got) == len(expected)
    return got


def save(wb, tmp_path, name="book.xlsx"):
    path = tmp_path / name
    wb.save(path)
    return path


def replace_parts(data: bytes, parts: dict[str, bytes]) -> bytes:
    """``data`` (an .xlsx) with some parts replaced or added."""
    parts = dict(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, parts.pop(info.filename, None) or source.read(info.filename))
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


# --- real workbooks ---------------------------------------------------------------------------


def rich_workbook(epoch_1904=False) -> Workbook:
    """An openpyxl workbook with every kind of value a planner's file holds, a header block with
    merged cells above the header row, and cells far apart."""
    wb = Workbook()
    if epoch_1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = excel.SHEET_NAME
    ws["A1"] = "LIÊN MINH HỢP TÁC XÃ TỈNH QUẢNG NGÃI"
    ws.merge_cells("A1:F1")
    ws["A2"] = "DANH SÁCH TỔ CHỨC KINH TẾ TẬP THỂ"
    ws.merge_cells("A2:F3")
    ws.append([c.header for c in excel.COLUMNS])
    ws.append(["HTX", "  HTX Nông nghiệp Sơn Hạ ", "4300100001", "21301", None, "thôn 3, xã Sơn Hạ",
               datetime.date(2015, 3, 1), datetime.datetime(2024, 12, 31, 17, 30), "Đang hoạt động",
               "Nông nghiệp; Thương mại - Dịch vụ", "Lúa\ncà phê", 2024, 25, 0, 12, 5, 1, 4,
               900_000_000, -150_000_000.5, 45e6, 1.5e20, "Khá", True, False, 3, 0, "x", "Có", None,
               "=SUM(M5:N5)"])  # fmt: skip
    ws.append(["Tổ hợp tác", "Tổ hợp tác trồng quế", None, 21301, "   ", "", "01/03/2015", None, None,
               "Lâm nghiệp", "", 2023.0, "25", "1.234", None, None, None, None, "900.000.000", "=1+1",
               "_x005F_x000D_ literal", "=\"text\"", "Trung bình", "có", "Không", None, None, None, None, None,
               "ghi chú"])  # fmt: skip
    ws["C5"].number_format = "@"
    ws["G4"].number_format = "dd/mm/yyyy"
    ws["H4"].number_format = "dd/mm/yyyy hh:mm"
    ws["AZ40"] = datetime.time(7, 45, 30)
    ws["BA40"] = datetime.timedelta(hours=30, minutes=15)
    ws["BA40"].number_format = "[h]:mm:ss"
    ws["BB40"] = 45366
    ws["BB40"].number_format = "d-mmm-yy"
    ws["BC40"] = 0.25
    ws["BC40"].number_format = "0.00%"
    ws["BD40"] = CellRichText(["Mã ", TextBlock(InlineFont(b=True), "xã"), " in đậm"])
    ws["A200"] = "sau một khoảng trống"
    ws["XFD201"] = "cột cuối cùng"
    ws["A202"] = 10**18
    ws["B202"] = -0.0
    ws["C202"] = 1e-300
    return wb


def test_the_projects_export_reads_the_same(tmp_path):
    rows = [
        {
            "kind": "htx", "name": "HTX Sơn Hạ", "registration_code": "4300100001", "commune_code": "21301",
            "commune_name": "Sơn Hạ", "address": "=HYPERLINK(\"x\")", "founded": datetime.date(2015, 3, 1),
            "dissolved": None, "status": "active", "sectors": "Nông nghiệp", "main_products": "+84 lúa",
            "year": 2024, "members": 25, "revenue": 900_000_000, "profit": -5, "rating": "kha",
            "value_chain": True, "high_tech": False, "note": "-",
        },
        {"kind": "tht", "name": "Tổ hợp tác trồng quế", "commune_code": "21302", "year": None},
    ] * 3  # fmt: skip
    path = tmp_path / "export.xlsx"
    with open(path, "wb") as handle:
        excel.write_export(handle, rows, agency_name="Liên minh HTX", title="DANH SÁCH", subtitle="Năm 2024",
                           today=datetime.date(2026, 12, 7))  # fmt: skip
    lines = assert_same(path, tmp_path)
    assert sum('"HTX Sơn Hạ"' in line for line in lines) == 3
    assert any('"2015-03-01T00:00:00","d"' in line for line in lines)
    assert any('"Loại hình","s"' in line for line in lines)  # the header row under the header block


def test_the_import_template_reads_the_same(tmp_path):
    province = SimpleNamespace(name="Quảng Ngãi")
    communes = [SimpleNamespace(code=f"213{i:02d}", name=f"Xã {i}", parent_id=1, parent=province) for i in range(30)]
    sectors = [SimpleNamespace(name="Nông nghiệp"), SimpleNamespace(name="Thương mại - Dịch vụ")]
    path = tmp_path / "template.xlsx"
    with open(path, "wb") as handle:
        excel.write_template(handle, communes=communes, sectors=sectors)
    for sheet in (excel.SHEET_NAME, excel.HELP_SHEET, excel.LIST_SHEET):
        assert assert_same(path, tmp_path, sheet)


@pytest.mark.parametrize("epoch_1904", [False, True])
def test_an_openpyxl_workbook_with_every_cell_type_reads_the_same(tmp_path, epoch_1904):
    lines = assert_same(save(rich_workbook(epoch_1904), tmp_path), tmp_path)
    rows = {json.loads(line)[0]: json.loads(line)[1] for line in lines}
    assert rows[1] == [[0, "LIÊN MINH HỢP TÁC XÃ TỈNH QUẢNG NGÃI", "s"]]  # merged: the first cell only
    assert rows[3][:2] == [[0, "Loại hình", "s"], [1, "Tên tổ chức", "s"]]  # the header row under the merged block
    assert [0, "HTX", "s"] in rows[4] and [6, "2015-03-01T00:00:00", "d"] in rows[4]
    assert [23, True, "b"] in rows[4] and [30, "=SUM(M5:N5)", "f"] in rows[4]
    assert [3, 21301, "n"] in rows[5] and [4, "   ", "s"] not in rows[5]  # blank text is an empty cell
    assert rows[201] == [[16383, "cột cuối cùng", "s"]]
    assert [51, "07:45:30", "d"] in rows[40]
    if not epoch_1904:
        assert [53, "2024-03-15T00:00:00", "d"] in rows[40]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc-nogui) missing")
def test_a_workbook_saved_by_libreoffice_reads_the_same(tmp_path):
    """LibreOffice writes what openpyxl does not: cached formula values, its own styles and
    shared-string table, cells with style only."""
    source = save(rich_workbook(), tmp_path, "source.xlsx")
    out = tmp_path / "lo"
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
        capture_output=True, timeout=180,
    )  # fmt: skip
    converted = out / "source.xlsx"
    if not converted.exists():
        pytest.skip("this LibreOffice cannot write .xlsx (no Calc)")
    lines = assert_same(converted, tmp_path)
    assert any("HTX Nông nghiệp Sơn Hạ" in line for line in lines)
    assert any('"=SUM(M5:N5)","f"' in line for line in lines)  # a formula with its cached value


# --- hand-written XML: what openpyxl does not write -------------------------------------------

SHARED = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}" count="8" uniqueCount="8">'
    "<si><t>Tên tổ chức</t></si>"
    '<si><r><rPr><b/></rPr><t>Mã </t></r><r><t xml:space="preserve">xã </t></r>'
    '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh><phoneticPr fontId="1"/></si>'
    "<si><r><t>run first, </t></r><t>plain</t></si>"
    "<si><t>_x005F_x000D_ escaped</t></si>"
    '<si><t xml:space="preserve">   </t></si>'
    "<si><t/></si>"
    "<si><t>multi\nline &amp; &lt;b&gt;</t></si>"
    "<si><r><t/></r><r><rPr><i/></rPr><t>only a run</t></r></si>"
    "</sst>"
)


def crafted_sheet(date_style: int, duration_style: int) -> str:
    d, t = date_style, duration_style
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<dimension ref="A1:XFD1048576"/><cols><col min="1" max="3" width="10" customWidth="1"/></cols><sheetData>'
        '<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c>'
        "</row>"
        '<row><c t="inlineStr"><is><t>no references</t></is></c><c><v>42</v></c><c t="b"><v>1</v></c>'
        '<c t="b"><v>0</v></c></row>'
        '<row r="5"><c r="B5"><f>1+1</f><v>2</v></c><c r="C5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'
        '<c r="D5"><f t="shared" ref="D5:D6" si="0">B5*2</f><v>4</v></c></row>'
        '<row r="6"><c r="D6"><f t="shared" si="0"/><v>8</v></c><c r="E6"><f t="array" ref="E6">SUM(B5:B5)</f>'
        "<v>2</v></c></row>"
        f'<row r="7"><c r="A7" t="e"><v>#DIV/0!</v></c><c r="B7" t="d"><v>2024-03-15T08:30:00</v></c>'
        f'<c r="C7" t="d"><v>2024-03-15</v></c><c r="D7" s="{d}"><v>45366</v></c><c r="E7" s="{d}"><v>45366.75</v>'
        f'</c><c r="F7" s="{d}"><v>0.5</v></c><c r="G7" s="{t}"><v>1.25</v></c><c r="H7" s="{d}"><v>3000000</v></c>'
        f'<c r="I7" s="{d}"><v>30</v></c></row>'
        '<row r="8"><c r="A8" t="str"><v>plain str</v></c><c r="B8"><v>1E3</v></c><c r="C8" t="n"><v>-12.5</v></c>'
        '<c r="D8"><v>12345678901234567890</v></c><c r="E8"><v></v></c><c r="F8" t="s"><v>3</v></c>'
        '<c r="G8" t="inlineStr"><is><r><t xml:space="preserve">rich </t></r><r><rPr><b/></rPr><t>inline</t></r>'
        '</is></c><c r="H8" s=""><v>7</v></c><c r="I8" t="inlineStr"><v>ignored</v></c></row>'
        '<row r="9"><c r="A9" t="s"><v>4</v></c><c r="AA9" t="n"><v>3</v></c><c r="ab9"><v>1</v></c>'
        '<c r="XFD9"><v>9</v></c><c r="B9" t="s"><v>-1</v></c></row>'
        '<row r="10.0"><c r="A10" t="s"><v>6</v></c><c r="B10" t="s"><v>5</v></c></row>'
        '<row r="11"><c r="A11"><v> 5 </v></c><c r="B11" s="1"/><c/><c t="s"><v>0</v></c><c><is><t>x</t></is></c>'
        '<c r="Z11" t="inlineStr"><is><t>  </t></is></c></row>'
        '<row r="12" ht="30" customHeight="1"><!-- a comment --><c r="A12" t="s"><v>7</v></c></row>'
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>'
    )


def crafted_workbook() -> bytes:
    """An openpyxl workbook (for its workbook part and a stylesheet with a date and a duration
    style) whose sheet and shared strings are replaced by the XML above."""
    wb = Workbook()
    ws = wb.active
    ws.title = excel.SHEET_NAME
    ws["A1"] = datetime.date(2024, 1, 1)
    ws["B1"] = datetime.timedelta(hours=1)
    ws["B1"].number_format = "[h]:mm"
    ws["C1"] = "x"
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    date_style = int(re.search(r'<c r="A1" s="(\d+)"', sheet).group(1))
    duration_style = int(re.search(r'<c r="B1" s="(\d+)"', sheet).group(1))
    return with_parts(data, crafted_sheet(date_style, duration_style), SHARED)


def with_parts(data: bytes, sheet: str, shared: str) -> bytes:
    """``data`` with its sheet replaced and a shared-string table (openpyxl writes its strings
    inline, Excel and LibreOffice into the table)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").decode()
    if "sharedStrings" not in types:
        types = types.replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sharedStrings+xml"/></Types>',
        )
    return replace_parts(
        data,
        {"xl/worksheets/sheet1.xml": sheet.encode(), "xl/sharedStrings.xml": shared.encode(),
         "[Content_Types].xml": types.encode()},
    )  # fmt: skip


def test_hand_written_xml_reads_the_same(tmp_path):
    path = tmp_path / "crafted.xlsx"
    path.write_bytes(crafted_workbook())
    lines = assert_same(path, tmp_path)
    rows = {json.loads(line)[0]: json.loads(line)[1] for line in lines}
    assert rows[1] == [[0, "Tên tổ chức", "s"], [2, "Mã xã ", "s"], [4, "plainrun first, ", "s"]]
    assert rows[2] == [[0, "no references", "s"], [1, 42, "n"], [2, True, "b"], [3, False, "b"]]
    assert rows[5] == [[1, "=1+1", "f"], [2, '="a"&"b"', "f"], [3, "=B5*2", "f"]]
    assert rows[6] == [[3, "=B6*2", "f"], [4, "=SUM(B5:B5)", "f"]]  # the shared formula translated
    assert [7, "#VALUE!", "e"] in rows[7] and [6, "1 day, 6:00:00", "d"] in rows[7]
    assert [0, "#DIV/0!", "e"] in rows[7] and [1, "2024-03-15T08:30:00", "d"] in rows[7]
    assert [5, "_x000D_ escaped", "s"] in rows[8] and [6, "rich inline", "s"] in rows[8]
    assert [1, "only a run", "s"] in rows[9] and [27, 1, "n"] in rows[9]  # "ab9": column AB
    assert rows[10] == [[0, "multi\nline & <b>", "s"]]
    assert rows[11][0] == [0, 5, "n"] and [3, "Tên tổ chức", "s"] in rows[11] and [4, "x", "n"] not in rows[11]
    assert rows[12] == [[0, "only a run", "s"]]


# --- generated workbooks ----------------------------------------------------------------------

FORMATS = ["General", "dd/mm/yyyy", "0.00", "[h]:mm:ss", "h:mm", "0%", "@", "yyyy-mm-dd h:mm", "#,##0"]
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12).filter(
    lambda s: not ILLEGAL_CHARACTERS_RE.search(s)
)
values = st.one_of(
    st.none(),
    text,
    st.sampled_from(["HTX", " Khá ", "Có", "=1+2", "900.000.000", "01/03/2015", "", "  "]),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.datetimes(min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(9999, 12, 31)),
    st.times(),
)
cells = st.dictionaries(
    st.tuples(st.integers(1, 25), st.integers(1, 60)),
    st.tuples(values, st.sampled_from(FORMATS)),
    max_size=40,
)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(cells=cells, epoch_1904=st.booleans(), write_only=st.booleans())
@example(cells={(1, 1): ("0\x85", "General"), (2, 1): ("a\u2028b\u2029c", "@")}, epoch_1904=False, write_only=False)
def test_generated_workbooks_read_the_same(tmp_path, cells, epoch_1904, write_only):
    wb = Workbook(write_only=write_only)
    if epoch_1904:
        wb.epoch = CALENDAR_MAC_1904
    if write_only:
        from openpyxl.cell import WriteOnlyCell

        ws = wb.create_sheet(excel.SHEET_NAME)
        width = max((c for _r, c in cells), default=0)
        for number in range(1, max((r for r, _c in cells), default=0) + 1):
            row = []
            for column in range(1, width + 1):
                value, fmt = cells.get((number, column), (None, "General"))
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = fmt
                row.append(cell)
            ws.append(row)
    else:
        ws = wb.active
        ws.title = excel.SHEET_NAME
        for (number, column), (value, fmt) in cells.items():
            cell = ws.cell(row=number, column=column, value=value)
            cell.number_format = fmt
    path = save(wb, tmp_path, "generated.xlsx")
    assert_same(path, tmp_path)


# --- hostile parts stay refused ---------------------------------------------------------------


def test_a_document_type_declaration_is_refused(tmp_path):
    """No spreadsheet program writes a DTD; entities are never expanded (a "billion laughs" part
    would need gigabytes): the file is unreadable, as a damaged one."""
    laughs = '<!DOCTYPE sst [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' + "".join(
        f'<!ENTITY {chr(99 + i)} "' + f"&{chr(98 + i)};" * 10 + '">' for i in range(8)
    ) + "]>"
    data = crafted_workbook()
    shared = SHARED.replace('standalone="yes"?>', 'standalone="yes"?>' + laughs).replace("<t>plain</t>", "<t>&j;</t>")
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(replace_parts(data, {"xl/sharedStrings.xml": shared.encode()}))
    assert our_lines(path, tmp_path) == {"error": "unreadable"}
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace("<worksheet ", '<!DOCTYPE worksheet [<!ENTITY x "HTX">]><worksheet ', 1)
    path.write_bytes(replace_parts(data, {"xl/worksheets/sheet1.xml": sheet.encode()}))
    assert our_lines(path, tmp_path) == {"error": "unreadable"}


def test_a_damaged_sheet_is_unreadable(tmp_path):
    data = crafted_workbook()
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    for broken in (sheet[: len(sheet) // 2], sheet.replace('t="s"><v>0<', 't="s"><v>99<'),
                   sheet.replace("<v>42</v>", "<v>forty-two</v>"), sheet.replace('r="B5"', 'r="5B"')):  # fmt: skip
        path = tmp_path / "broken.xlsx"
        path.write_bytes(replace_parts(data, {"xl/worksheets/sheet1.xml": broken.encode()}))
        assert reference_lines(path) == {"error": "unreadable"}
        assert our_lines(path, tmp_path) == {"error": "unreadable"}


def test_the_row_and_data_limits_still_apply(tmp_path):
    from tests import hostile

    path = tmp_path / "many.xlsx"
    path.write_bytes(hostile.million_row_xlsx(3000))
    assert read_rows(str(path), excel.SHEET_NAME, 2000, str(tmp_path / "o.jsonl"), 1 << 30) == {"error": "too_many_rows"}
    path.write_bytes(hostile.shared_strings_xlsx(megabytes=1, rows=20, columns=3))
    assert read_rows(str(path), excel.SHEET_NAME, 2000, str(tmp_path / "o.jsonl"), 5 * 1048576) == {
        "error": "too_much_data"
    }


def test_rows_and_strings_leave_the_tree_once_read(tmp_path, monkeypatch):
    """The child's memory stays flat in the rows: once a row (or a shared string) is read, it is
    emptied and every element before it is gone — the tree never keeps what was read."""
    from cooperatives import excel_cells

    positions = []
    forget = excel_cells._forget

    def watching(element):
        forget(element)
        parent = element.getparent()
        positions.append((element.tag.rsplit("}", 1)[1], parent.index(element), len(element)))

    monkeypatch.setattr(excel_cells, "_forget", watching)
    count = 3000
    shared = f'<sst xmlns="{MAIN}">' + "".join(f"<si><t>HTX số {i}</t></si>" for i in range(count)) + "</sst>"
    sheet = (
        f'<worksheet xmlns="{MAIN}"><sheetData>'
        + "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c><c r="B{i + 1}"><v>{i}</v></c></row>'
                  for i in range(count))
        + "</sheetData></worksheet>"
    )  # fmt: skip
    path = tmp_path / "many.xlsx"
    path.write_bytes(with_parts(crafted_workbook(), sheet, shared))
    lines = our_lines(path, tmp_path)
    assert len(lines) == count and json.loads(lines[-1]) == [count, [[0, f"HTX số {count - 1}", "s"], [1, count - 1, "n"]]]
    assert sorted({tag for tag, _i, _n in positions}) == ["row", "si"]
    assert len(positions) == 2 * count
    assert {(index, size) for _tag, index, size in positions} == {(0, 0)}
