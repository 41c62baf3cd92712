"""Excel workbooks of a plan (targets, tasks, budget) and of a report's annex (openpyxl).

Each sheet starts with the official header block (agency left, Quốc hiệu and Tiêu ngữ
right, title merged across the table, "ĐVT: …"), then a bordered table whose header rows
repeat on every printed page; print setup is A4, fit to one page wide. Font "Times New
Roman" (Decree 30 names it; Excel and LibreOffice substitute a metric clone if absent).
Number formats carry the vi-VN locale tag [$-42A] so the separators follow the viewer's
locale ("1.234,5" on a Vietnamese system). Workbooks here are a few hundred rows, so the
normal (not write-only) mode is used: it supports merged cells and costs nothing at this size.
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from . import render

FONT_NAME = "Times New Roman"
FMT_INT = "[$-42A]#,##0"
FMT_DEC = "[$-42A]#,##0.0#"
FMT_PCT = '[$-42A]#,##0.0"%"'

_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
F_NORMAL = Font(name=FONT_NAME, size=12)
F_BOLD = Font(name=FONT_NAME, size=12, bold=True)
F_TITLE = Font(name=FONT_NAME, size=14, bold=True)
F_ITALIC = Font(name=FONT_NAME, size=12, italic=True)
F_MOTTO = Font(name=FONT_NAME, size=13, bold=True, underline="single")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")


def _number(raw):
    """(value, format) for a snapshot number string; text stays text."""
    if raw in (None, ""):
        return None, None
    try:
        value = Decimal(str(raw))
    except (InvalidOperation, ValueError):
        return raw, None
    if value == value.to_integral_value():
        return int(value), FMT_INT
    return float(value), FMT_DEC


def _header_block(ws, snap: dict, *, columns: int, title: str, subtitle: str, unit_note: str) -> int:
    """Write the official header; return the row where the table starts."""
    last = get_column_letter(columns)
    split = max(2, columns * 2 // 5)  # ~40% left for the agency, as in the PDF header
    left_end = get_column_letter(split)
    right_start = get_column_letter(split + 1)
    rows = []
    if snap["issuer"].get("parent_line"):
        rows.append((snap["issuer"]["parent_line"], F_NORMAL))
    rows.append(("\n".join(snap["issuer"]["header_lines"]), F_BOLD))
    ws.merge_cells(f"A1:{left_end}1")
    ws.merge_cells(f"A2:{left_end}2")
    ws["A1"], ws["A2"] = rows[0][0], rows[1][0] if len(rows) > 1 else ""
    ws["A1"].font = rows[0][1]
    ws["A2"].font = rows[1][1] if len(rows) > 1 else F_NORMAL
    ws.merge_cells(f"{right_start}1:{last}1")
    ws.merge_cells(f"{right_start}2:{last}2")
    ws[f"{right_start}1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws[f"{right_start}1"].font = F_BOLD
    ws[f"{right_start}2"] = "Độc lập - Tự do - Hạnh phúc"
    ws[f"{right_start}2"].font = F_MOTTO
    for cell in ("A1", "A2", f"{right_start}1", f"{right_start}2"):
        ws[cell].alignment = CENTER
    for row in (1, 2):  # multi-line agency names need taller rows
        lines = str(ws[f"A{row}"].value or "").count("\n") + 1
        ws.row_dimensions[row].height = max(18, 16 * lines)
    ws.merge_cells(f"A3:{left_end}3")
    ws["A3"] = snap["number_line"]
    ws["A3"].font = F_NORMAL
    ws["A3"].alignment = CENTER
    ws.merge_cells(f"{right_start}3:{last}3")
    ws[f"{right_start}3"] = snap["date_line"]
    ws[f"{right_start}3"].font = F_ITALIC
    ws[f"{right_start}3"].alignment = CENTER
    if snap.get("draft"):
        ws["A4"] = "DỰ THẢO"  # a draft printed from Excel must not pass for the issued text
        ws["A4"].font, ws["A4"].border, ws["A4"].alignment = F_BOLD, BORDER, CENTER
    ws.merge_cells(f"A5:{last}5")
    ws["A5"] = title
    ws["A5"].font = F_TITLE
    ws["A5"].alignment = CENTER
    row = 6
    if subtitle:
        ws.merge_cells(f"A6:{last}6")
        ws["A6"] = subtitle
        ws["A6"].font = F_ITALIC if subtitle.startswith("(") else F_BOLD
        ws["A6"].alignment = CENTER
        ws.row_dimensions[6].height = 34
        row = 7
    ws.merge_cells(f"A{row}:{last}{row}")
    ws[f"A{row}"] = unit_note
    ws[f"A{row}"].font = F_ITALIC
    ws[f"A{row}"].alignment = RIGHT
    return row + 1


def _table(ws, start_row: int, headers: list[str], widths: list[float], rows: list[list], formats: list | None = None):
    for col, (head, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=start_row, column=col, value=head)
        cell.font, cell.alignment, cell.border = F_BOLD, CENTER, BORDER
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[start_row].height = 32
    for r, values in enumerate(rows, start=start_row + 1):
        # Excel and LibreOffice do not grow rows for wrapped text written by openpyxl: estimate
        # the line count from the column width (~1 character per width unit at 12 pt).
        lines = max(
            [1]
            + [
                sum(1 + len(part) // max(1, int(widths[c] * 0.95)) for part in str(raw).split("\n"))
                for c, raw in enumerate(values)
                if raw not in (None, "") and (formats is None or formats[c] in ("text", "center"))
            ]
        )
        ws.row_dimensions[r].height = 16 * lines
        for c, raw in enumerate(values, start=1):
            kind = formats[c - 1] if formats else "text"
            cell = ws.cell(row=r, column=c)
            if kind == "num":
                prefix = ""
                if isinstance(raw, tuple):  # (number, comparator sign): "≥ 17" stays a number
                    raw, prefix = raw
                value, fmt = _number(raw)
                cell.value = value
                if fmt:
                    cell.number_format = fmt.replace("]", f']"{prefix} "', 1) if prefix else fmt
                cell.alignment = RIGHT
            elif kind == "pct":
                value, _fmt = _number(raw)
                cell.value = value
                if value is not None:
                    cell.number_format = FMT_PCT
                cell.alignment = RIGHT
            else:
                cell.value = raw if raw not in (None, "") else None
                cell.alignment = CENTER if kind == "center" else LEFT
            cell.font, cell.border = F_NORMAL, BORDER
    _print_setup(ws, header_row=start_row, landscape=sum(widths) > 120)
    return start_row + len(rows)


def _print_setup(ws, *, header_row: int, landscape: bool):
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    # Decree 30 margins (inches): left 30 mm, right 15, top/bottom 20.
    ws.page_margins = PageMargins(left=1.18, right=0.59, top=0.79, bottom=0.79, header=0.3, footer=0.3)
    ws.oddFooter.center.text = "&P/&N"
    ws.oddFooter.center.font = FONT_NAME


def _finish(wb: Workbook, snap: dict, properties: dict | None) -> bytes:
    wb.properties.creator = "CoopPlan"
    wb.properties.title = f"{snap['doc_type']} {snap['title']}"[:250]
    wb.properties.subject = snap["number_line"]
    wb.properties.identifier = snap["number_line"].replace("Số:", "").strip()
    wb.properties.keywords = snap["doc_type"]
    for key, value in (properties or {}).items():
        wb.custom_doc_props.append(StringProperty(name=key, value=str(value)))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def plan_workbook(snap: dict, properties: dict | None = None) -> bytes:
    """The plan's targets, tasks and budget, one sheet each."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    start = _header_block(
        ws, snap, columns=6, title="BIỂU CHỈ TIÊU KẾ HOẠCH", subtitle=snap["title"], unit_note="ĐVT: theo từng chỉ tiêu"
    )
    _table(
        ws,
        start,
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm", "Kế hoạch", "Hiện trạng (năm gốc)"],
        [6, 52, 14, 9, 14, 18],
        [
            [
                t["no"],
                t["description"],
                t["unit"],
                t["year"],
                t["plan"]
                if t["comparator"] == "range"
                else (t["value"], render.COMPARATOR_SIGN.get(t["comparator"], "")),
                (f"{t['baseline']} ({t['baseline_year']})" if t["baseline"] else ""),
            ]
            for t in snap["targets"]
        ],
        ["center", "text", "center", "center", "num", "center"],
    )
    ws = wb.create_sheet("Nhiệm vụ")
    start = _header_block(ws, snap, columns=5, title="BIỂU NHIỆM VỤ, GIẢI PHÁP", subtitle=snap["title"], unit_note="")
    _table(
        ws,
        start,
        ["TT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        [6, 60, 26, 30, 14],
        [
            [t["no"], ": ".join(p for p in (t["title"], t["text"]) if p), t["lead"], t["agencies"], t["timeframe"]]
            for t in snap["tasks"]
        ],
        ["center", "text", "text", "text", "center"],
    )
    ws = wb.create_sheet("Kinh phí")
    start = _header_block(
        ws, snap, columns=5, title="BIỂU KINH PHÍ THỰC HIỆN", subtitle=snap["title"], unit_note="ĐVT: đồng"
    )
    end = _table(
        ws,
        start,
        ["TT", "Nội dung", "Kinh phí", "Nguồn kinh phí", "Năm"],
        [6, 50, 18, 32, 9],
        [
            [b["no"], b["description"], b["amount"], b.get("source_text") or b["source"], b["year"]]
            for b in snap["budget"]
        ],
        ["center", "text", "num", "text", "center"],
    )
    if snap["budget"]:
        total_row = end + 1
        ws.cell(row=total_row, column=2, value="Tổng cộng").font = F_BOLD
        cell = ws.cell(row=total_row, column=3, value=f"=SUM(C{start + 1}:C{end})")
        cell.number_format, cell.font, cell.alignment = FMT_INT, F_BOLD, RIGHT
        for c in range(1, 6):
            ws.cell(row=total_row, column=c).border = BORDER
    return _finish(wb, snap, properties)


def report_workbook(snap: dict, properties: dict | None = None) -> bytes:
    """The annex "Biểu tổng hợp kết quả thực hiện chỉ tiêu" of a report."""
    annex = snap["annex"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    start = _header_block(
        ws,
        snap,
        columns=8,
        title=f"{annex['label'].upper()}: {annex['title']}",
        subtitle=annex["reference"],
        unit_note=f"Số liệu đến ngày {annex['as_of']}",
    )
    _table(
        ws,
        start,
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm", "Kế hoạch", "Thực hiện", "% so với kế hoạch", "Đánh giá"],
        [6, 48, 13, 8, 13, 13, 12, 22],
        [
            [
                r["no"],
                r["description"],
                r["unit"],
                r["year"],
                r["plan"]
                if r.get("comparator") == "range"
                else (r["value"], render.COMPARATOR_SIGN.get(r.get("comparator"), "")),
                r["achieved_raw"],
                r["percent_raw"],
                r["status_label"],
            ]
            for r in annex["rows"]
        ],
        ["center", "text", "center", "center", "num", "num", "pct", "center"],
    )
    return _finish(wb, snap, properties)
