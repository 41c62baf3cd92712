"""Excel workbooks of a plan (targets, tasks, budget) and of a report's annex (openpyxl).

Each sheet starts with the official header block (agency left, Quốc hiệu and Tiêu ngữ
right, title merged across the table, "ĐVT: …"), then a bordered table whose header rows
repeat on every printed page; print setup is A4, fit to one page wide. Font "Times New
Roman" (Decree 30 names it; Excel and LibreOffice substitute a metric clone if absent).
Number formats carry the vi-VN locale tag [$-42A] so the separators follow the viewer's
locale ("1.234,5" on a Vietnamese system). Workbooks here are a few hundred rows, so the
normal (not write-only) mode is used: it supports merged cells and costs nothing at this size.
All of it goes through the portal's one Excel writer (core.workbook): user text (a plan title
"=HYPERLINK(…)") is always a string cell, never a formula.
"""

from __future__ import annotations

from openpyxl import Workbook

from core import workbook as workbook_writer

from . import render

FONT_NAME = workbook_writer.FONT_NAME
FMT_INT = workbook_writer.FMT_INT
FMT_DEC = workbook_writer.FMT_DEC
FMT_PCT = workbook_writer.FMT_PCT
BORDER = workbook_writer.BORDER
F_BOLD = workbook_writer.F_BOLD
RIGHT = workbook_writer.RIGHT


def _header_block(ws, snap: dict, *, columns: int, title: str, subtitle: str, unit_note: str) -> int:
    """The official header of the document's issuer; returns the row where the table starts."""
    return workbook_writer.header_block(
        ws,
        columns=columns,
        parent_line=snap["issuer"].get("parent_line") or "",
        header_lines=snap["issuer"]["header_lines"],
        number_line=snap["number_line"],
        date_line=snap["date_line"],
        title=title,
        subtitle=subtitle,
        unit_note=unit_note,
        draft=bool(snap.get("draft")),
    )


def _table(ws, start_row: int, headers: list[str], widths: list[float], rows: list[list], formats: list | None = None):
    return workbook_writer.table(ws, start_row, headers, widths, rows, formats)


def _finish(wb: Workbook, snap: dict, properties: dict | None) -> bytes:
    return workbook_writer.save(
        wb,
        title=f"{snap['doc_type']} {snap['title']}",
        subject=snap["number_line"],
        identifier=snap["number_line"].replace("Số:", "").strip(),
        keywords=snap["doc_type"],
        properties=properties,
    )


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
        workbook_writer.put(ws.cell(row=total_row, column=2), "Tổng cộng").font = F_BOLD
        cell = workbook_writer.put_formula(ws.cell(row=total_row, column=3), f"=SUM(C{start + 1}:C{end})", FMT_INT)
        cell.font, cell.alignment = F_BOLD, RIGHT
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
