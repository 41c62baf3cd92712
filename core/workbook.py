"""The one Excel writer of the portal (openpyxl): every workbook the portal produces goes
through here — the registry list export and import template (cooperatives), the offline
report form (reports), the plan workbook and the signed report annex (documents) and the
dashboard tables (dashboards).

Rules it enforces, so that no caller has to remember them:

* **Text is text, never a formula.** User text that starts with = + - @ tab or CR (a plan
  title ``=HYPERLINK("http://…"&A1,"…")``, a note "=1+2") is written as a string cell
  (``data_type "s"``) with Excel's "quote prefix" style, so Excel and LibreOffice show it
  literally, keep it literal when the cell is edited, and never evaluate it (formula or
  "CSV" injection, OWASP). The value itself is unchanged: it reads back as the same string.
  Characters XML cannot carry (control characters other than tab/newline/CR) are dropped and
  text is cut at Excel's 32,767-character cell limit, so user text never turns an export
  into a server error.
* **Numbers are numbers** (int/float/Decimal) with Vietnamese formats: the vi-VN locale tag
  ``[$-42A]`` makes separators follow the viewer's locale ("1.234,5" on a Vietnamese
  system). Dates get ``dd/mm/yyyy``.
* **Formulas only on purpose**: ``put_formula`` is the only way to write one (the plan
  workbook's budget total), and it refuses anything but our own simple functions.
* **The official header block** (Decree 30: agency left, Quốc hiệu and Tiêu ngữ right, title
  merged across the table, "ĐVT: …") and the **print setup** (A4, fit to one page wide,
  header row repeated, Decree 30 margins, page numbers) for normal-mode sheets.
* **Streaming** (``StreamingRows``): write-only sheets for large lists (the registry export)
  with reusable styled cells, so memory stays flat in the number of rows.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Text starting with one of these is a formula (or becomes one when exported to CSV and
# opened again): "=", "+", "-", "@" start formulas; tab and CR smuggle them past naive checks.
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL_CHARS = 32767  # Excel's own limit for one cell
# XML 1.0 cannot carry these (openpyxl raises IllegalCharacterError on them).
_ILLEGAL_CHARS = re.compile(r"[\000-\010\013\014\016-\037\ufffe\uffff]")

FONT_NAME = "Times New Roman"
FMT_INT = "[$-42A]#,##0"
FMT_DEC = "[$-42A]#,##0.0#"
FMT_PCT = '[$-42A]#,##0.0"%"'
FMT_ONE_DECIMAL = "[$-42A]#,##0.0"
FMT_DATE = "[$-42A]dd/mm/yyyy"
FMT_TEXT = "@"

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
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"


# --- values ---------------------------------------------------------------------------------


def is_dangerous(text: str) -> bool:
    """True when ``text`` would be taken for a formula by a spreadsheet."""
    return text.startswith(DANGEROUS_PREFIXES)


def clean_text(value) -> str:
    """``value`` as text an .xlsx file can hold (no XML-illegal characters, ≤ 32,767 chars)."""
    text = str(value)
    if _ILLEGAL_CHARS.search(text):
        text = _ILLEGAL_CHARS.sub("", text)
    return text[:MAX_CELL_CHARS]


def put(cell, value, number_format: str | None = None):
    """Put ``value`` into ``cell`` (a normal or write-only openpyxl cell), safely.

    Strings are always string cells; numbers stay numbers; dates get ``dd/mm/yyyy`` unless a
    ``number_format`` is given. Returns the cell."""
    if isinstance(value, Promise):
        value = str(value)
    if value is None or value == "":
        cell.value = None
        return cell
    if isinstance(value, str):
        text = clean_text(value)
        cell.value = text  # openpyxl guesses a formula for "=…": overruled on the next line
        cell.data_type = "s"
        if is_dangerous(text):
            cell.quotePrefix = True
        if number_format:
            cell.number_format = number_format
        return cell
    if isinstance(value, bool):
        cell.value = value
        return cell
    if isinstance(value, (int, float, Decimal)):
        cell.value = value
        if number_format:
            cell.number_format = number_format
        return cell
    if isinstance(value, (datetime.date, datetime.datetime)):
        cell.value = value
        cell.number_format = number_format or FMT_DATE
        return cell
    return put(cell, str(value), number_format)


def put_formula(cell, expression: str, number_format: str | None = None):
    """The only way to write a formula: the portal's own, never user text.

    Only ``=SUM(A1:B2)``-style aggregates over cell ranges are accepted."""
    if not re.fullmatch(r"=(SUM|AVERAGE|COUNT|MIN|MAX)\(\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?\)", expression):
        raise ValueError(f"not a portal formula: {expression!r}")
    cell.value = expression
    if number_format:
        cell.number_format = number_format
    return cell


def cell(ws, value, *, number_format=None, font=None, alignment=None, border=None, fill=None):
    """A write-only cell holding ``value`` safely, with optional style."""
    c = WriteOnlyCell(ws)
    put(c, value, number_format)
    if font is not None:
        c.font = font
    if alignment is not None:
        c.alignment = alignment
    if border is not None:
        c.border = border
    if fill is not None:
        c.fill = fill
    return c


def append(ws, values: Iterable, *, formats: dict | None = None, font=None):
    """Append a row to a normal-mode sheet with every value put safely; returns the row number."""
    values = list(values)
    ws.append([None] * max(len(values), 1))
    row = ws.max_row
    for column, value in enumerate(values, start=1):
        target = ws.cell(row=row, column=column)
        put(target, value, (formats or {}).get(column - 1) if value not in (None, "") else None)
        if font is not None:
            target.font = font
    return row


def to_number(raw):
    """(value, format) for a number given as text or a number; other text stays text."""
    if raw in (None, ""):
        return None, None
    if isinstance(raw, bool):
        return raw, None
    try:
        value = raw if isinstance(raw, Decimal) else Decimal(str(raw))
    except (InvalidOperation, ValueError):
        return raw, None
    if not value.is_finite():
        return str(raw), None
    if value == value.to_integral_value():
        return int(value), FMT_INT
    return float(value), FMT_DEC


# --- official header, tables and print setup (normal-mode sheets) ----------------------------


def header_block(
    ws,
    *,
    columns: int,
    header_lines: list[str],
    parent_line: str = "",
    number_line: str = "",
    date_line: str = "",
    title: str,
    subtitle: str = "",
    unit_note: str = "",
    draft: bool = False,
) -> int:
    """Write the Decree 30 header block; return the row where the table starts."""
    columns = max(columns, 3)
    last = get_column_letter(columns)
    split = max(2, columns * 2 // 5)  # ~40% left for the agency, as in the PDF header
    left_end = get_column_letter(split)
    right_start = get_column_letter(split + 1)
    rows = []
    if parent_line:
        rows.append((parent_line, F_NORMAL))
    rows.append(("\n".join(header_lines), F_BOLD))
    for row in (1, 2, 3):
        ws.merge_cells(f"A{row}:{left_end}{row}")
        ws.merge_cells(f"{right_start}{row}:{last}{row}")
    put(ws["A1"], rows[0][0])
    ws["A1"].font = rows[0][1]
    put(ws["A2"], rows[1][0] if len(rows) > 1 else "")
    ws["A2"].font = rows[1][1] if len(rows) > 1 else F_NORMAL
    put(ws[f"{right_start}1"], NATIONAL_TITLE)
    ws[f"{right_start}1"].font = F_BOLD
    put(ws[f"{right_start}2"], NATIONAL_MOTTO)
    ws[f"{right_start}2"].font = F_MOTTO
    for ref in ("A1", "A2", f"{right_start}1", f"{right_start}2"):
        ws[ref].alignment = CENTER
    for row in (1, 2):  # multi-line agency names need taller rows
        lines = str(ws[f"A{row}"].value or "").count("\n") + 1
        ws.row_dimensions[row].height = max(18, 16 * lines)
    put(ws["A3"], number_line)
    ws["A3"].font, ws["A3"].alignment = F_NORMAL, CENTER
    put(ws[f"{right_start}3"], date_line)
    ws[f"{right_start}3"].font, ws[f"{right_start}3"].alignment = F_ITALIC, CENTER
    if draft:
        put(ws["A4"], "DỰ THẢO")  # a draft printed from Excel must not pass for the issued text
        ws["A4"].font, ws["A4"].border, ws["A4"].alignment = F_BOLD, BORDER, CENTER
    ws.merge_cells(f"A5:{last}5")
    put(ws["A5"], title)
    ws["A5"].font, ws["A5"].alignment = F_TITLE, CENTER
    row = 6
    if subtitle:
        ws.merge_cells(f"A6:{last}6")
        put(ws["A6"], subtitle)
        ws["A6"].font = F_ITALIC if subtitle.startswith("(") else F_BOLD
        ws["A6"].alignment = CENTER
        ws.row_dimensions[6].height = 34
        row = 7
    ws.merge_cells(f"A{row}:{last}{row}")
    put(ws[f"A{row}"], unit_note)
    ws[f"A{row}"].font, ws[f"A{row}"].alignment = F_ITALIC, RIGHT
    return row + 1


TEXT_KINDS = ("text", "center")


def table(ws, start_row: int, headers: list, widths: list[float], rows: Iterable, kinds: list | None = None) -> int:
    """A bordered table under the header block; returns its last row.

    ``kinds`` per column: "text" (left), "center", "num" (a number or number text; a tuple
    ``(number, sign)`` shows "≥ 17" and stays a number), "int", "dec", "pct" (a percentage
    value), "date", "auto" (numbers as "num", anything else as "text"). Text in a number
    column that is not a number is written as text."""
    for col, (head, width) in enumerate(zip(headers, widths, strict=True), start=1):
        c = ws.cell(row=start_row, column=col)
        put(c, head)
        c.font, c.alignment, c.border = F_BOLD, CENTER, BORDER
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[start_row].height = 32
    r = start_row
    for r, values in enumerate(rows, start=start_row + 1):
        values = list(values)
        # Excel and LibreOffice do not grow rows for wrapped text written by openpyxl: estimate
        # the line count from the column width (~1 character per width unit at 12 pt).
        lines = max(
            [1]
            + [
                sum(1 + len(part) // max(1, int(widths[c] * 0.95)) for part in str(raw).split("\n"))
                for c, raw in enumerate(values)
                if raw not in (None, "")
                and (kinds is None or kinds[c] in TEXT_KINDS or (kinds[c] == "auto" and isinstance(raw, str)))
            ]
        )
        ws.row_dimensions[r].height = min(409, 16 * lines)
        for c, raw in enumerate(values, start=1):
            kind = kinds[c - 1] if kinds else "text"
            target = ws.cell(row=r, column=c)
            if kind == "auto":
                is_number = isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool)
                kind = "num" if is_number else "text"
            if kind in ("num", "int", "dec", "pct"):
                prefix = ""
                if isinstance(raw, tuple):  # (number, comparator sign): "≥ 17" stays a number
                    raw, prefix = raw
                value, fmt = to_number(raw)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    fmt = {"int": FMT_INT, "dec": FMT_DEC, "pct": FMT_PCT}.get(kind, fmt)
                    if prefix:
                        fmt = fmt.replace("]", f']"{prefix} "', 1)
                    put(target, value, fmt)
                else:
                    put(target, value)
                target.alignment = RIGHT
            elif kind == "date":
                put(target, raw)
                target.alignment = CENTER
            else:
                put(target, raw)
                target.alignment = CENTER if kind == "center" else LEFT
            target.font, target.border = F_NORMAL, BORDER
    print_setup(ws, header_row=start_row, landscape=sum(widths) > 120)
    return r


def print_setup(ws, *, header_row: int, landscape: bool):
    """A4, fit to one page wide, the table header on every page, Decree 30 margins."""
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


def save(wb: Workbook, *, title: str = "", subject: str = "", identifier: str = "", keywords: str = "",
         properties: dict | None = None) -> bytes:
    """The workbook as bytes, with document properties (creator CoopPlan)."""
    wb.properties.creator = "CoopPlan"
    if title:
        wb.properties.title = clean_text(title)[:250]
    if subject:
        wb.properties.subject = clean_text(subject)[:250]
    if identifier:
        wb.properties.identifier = clean_text(identifier)[:250]
    if keywords:
        wb.properties.keywords = clean_text(keywords)[:250]
    for key, value in (properties or {}).items():
        wb.custom_doc_props.append(StringProperty(name=key, value=clean_text(value)))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --- streaming (write-only) sheets for large lists ------------------------------------------


class _StyledCell(Cell):
    """A write-only cell whose style never changes once made: its style id is looked up once
    instead of re-hashing the style for every value written (~10 % of the export's time)."""

    __slots__ = ("_fixed_style_id",)

    def freeze_style(self):
        self._fixed_style_id = Cell.style_id.fget(self)

    @property
    def style_id(self):
        return self._fixed_style_id


STREAM_NUMBER_KINDS = {"int": FMT_INT, "money": FMT_INT, "dec": FMT_DEC, "date": FMT_DATE}


class StreamingRows:
    """Reusable styled cells for one write-only sheet (openpyxl serialises each appended row
    at once, so a cell object can be refilled for the next row: ~1.4× faster than a new
    styled cell per value). ``value(index, kind, value)`` returns what to append for column
    ``index``: plain safe text as a bare value (the cheapest path), numbers and dates with
    their Vietnamese format, text that looks like a formula as a quoted string cell."""

    def __init__(self, sheet, header_font=None, header_fill=HEADER_FILL, header_border=None):
        self.sheet = sheet
        self.cells = {}
        self.header_font = header_font or Font(bold=True)
        self.header_fill = header_fill
        self.header_border = header_border
        if hasattr(sheet, "_values_to_row"):
            sheet._values_to_row = self._values_to_row

    def make(self, kind: str):
        c = _StyledCell(self.sheet, row=1, column=1)
        if kind == "header":
            if self.header_border is not None:
                c.border = self.header_border
            c.font = self.header_font
            if self.header_fill is not None:
                c.fill = self.header_fill
            c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        elif kind in STREAM_NUMBER_KINDS:
            c.number_format = STREAM_NUMBER_KINDS[kind]
        elif kind == "quoted":
            c.quotePrefix = True
        c.freeze_style()
        return c

    def header(self, titles) -> list:
        cells = []
        for title in titles:
            c = self.make("header")
            put(c, title)
            cells.append(c)
        return cells

    def value(self, index: int, kind: str, value):
        if value is None:
            return None
        if isinstance(value, str):
            if _ILLEGAL_CHARS.search(value) or len(value) > MAX_CELL_CHARS:
                value = clean_text(value)
            if not value.startswith(DANGEROUS_PREFIXES):
                return value
            kind = "quoted"
        elif isinstance(value, bool) or kind not in STREAM_NUMBER_KINDS:
            return value
        c = self.cells.get((index, kind))
        if c is None:
            c = self.cells[(index, kind)] = self.make(kind)
        c.value = value
        if kind == "quoted":
            # openpyxl turns "=…" into a formula on assignment; force an inline string.
            c.data_type = "s"
        return c

    def _values_to_row(self, values, row_idx):
        """Replaces the write-only sheet's ``_values_to_row`` (openpyxl 3.1): our styled cells
        are used as they are, instead of openpyxl first trying to assign each of them as a
        value and catching the ValueError (an exception per styled cell, ~15 % of the export)."""
        plain = Cell(self.sheet, row=row_idx, column=1)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, str):  # e.g. a title row's user text appended as a bare value
                value = self.value(-col_idx, "text", value)
            if isinstance(value, Cell):
                target = value
            else:
                plain.value = value
                target = plain
            target.column = col_idx
            target.row = row_idx
            yield target  # serialised before the next one is produced, so ``plain`` can be reused
