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
* **Streaming** (``stream_xlsx``): a one-sheet workbook for large lists (the registry export)
  yielded as bytes while the rows are read — first byte at once, memory flat in the rows.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from xml.sax.saxutils import quoteattr

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
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


# --- a true streaming .xlsx (one sheet, bytes out as rows come in) -----------------------------
#
# openpyxl's write-only mode keeps memory flat but writes the sheet to a temporary file and
# zips everything at ``save()``: the first byte leaves the server only after the last row.
# ``stream_xlsx`` writes the package itself: the fixed parts (content types, workbook, styles,
# properties) first, then the sheet XML as one ZIP entry compressed on the fly, each chunk
# yielded as soon as it is ready (a ZIP written to a non-seekable stream carries its sizes in
# data descriptors, which Excel, LibreOffice and openpyxl read). Cells are inline strings (no
# shared-string table to hold in memory), styles are a fixed table decided up front, and the
# same rules as above apply: text is never a formula (quote prefix on text that looks like one),
# XML-illegal characters are dropped, text is cut at 32,767 characters, numbers keep the
# Vietnamese formats, dates are dd/mm/yyyy.

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Characters needing work in a text cell: XML-illegal ones (dropped), & < > (escaped), CR
# (kept as &#13;, which XML parsers would otherwise turn into LF).
_TEXT_WORK = re.compile(r"[&<>\r\000-\010\013\014\016-\037\ufffe\uffff]")
_EXCEL_EPOCH_ORDINAL = datetime.date(1899, 12, 30).toordinal()

# The fixed style table (cellXfs index): every cell of a streamed sheet uses one of these.
XS_NORMAL, XS_BOLD, XS_TITLE, XS_ITALIC, XS_HEADER, XS_INT, XS_DEC, XS_DATE, XS_PCT, XS_QUOTED = range(10)
# Text that looks like a formula keeps its line's style and gets the quote prefix on top.
_QUOTED_STYLES = {XS_NORMAL: XS_QUOTED, XS_BOLD: 10, XS_TITLE: 11, XS_ITALIC: 12, XS_HEADER: 13}
_ROW_STYLES = {"normal": XS_NORMAL, "bold": XS_BOLD, "title": XS_TITLE, "italic": XS_ITALIC}
_KIND_STYLES = {"int": XS_INT, "money": XS_INT, "dec": XS_DEC, "pct": XS_PCT, "date": XS_DATE}


@dataclass(frozen=True)
class StreamColumn:
    """A column of a streamed sheet: its width and the kind of its numbers ("int", "money",
    "dec", "pct", "date"; anything else writes numbers with the General format)."""

    width: float = 12
    kind: str = "text"


def _styles_xml(border_rgb: str) -> str:
    fonts = (
        '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>'
        '<font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    )
    side = f'style="thin"><color rgb="FF{border_rgb}"/>'
    formats = [(164, FMT_INT), (165, FMT_DEC), (166, FMT_DATE), (167, FMT_PCT)]
    num_fmts = "".join(f'<numFmt numFmtId="{i}" formatCode={quoteattr(code)}/>' for i, code in formats)
    plain = 'fontId="0" fillId="0" borderId="0" xfId="0"'
    xfs = [
        f'<xf numFmtId="0" {plain}/>',
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
        '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
        '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"'
        ' applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>',
        f'<xf numFmtId="164" {plain} applyNumberFormat="1"/>',
        f'<xf numFmtId="165" {plain} applyNumberFormat="1"/>',
        f'<xf numFmtId="166" {plain} applyNumberFormat="1"/>',
        f'<xf numFmtId="167" {plain} applyNumberFormat="1"/>',
        f'<xf numFmtId="0" {plain} quotePrefix="1"/>',
    ]
    for style in (XS_BOLD, XS_TITLE, XS_ITALIC, XS_HEADER):  # their quoted copies, as _QUOTED_STYLES says
        xfs.append(xfs[style].replace("<xf ", '<xf quotePrefix="1" ', 1))
    return (
        f'{_XML_HEAD}<styleSheet xmlns="{_NS_MAIN}">'
        f'<numFmts count="{len(formats)}">{num_fmts}</numFmts>'
        f'<fonts count="4">{fonts}</fonts>'
        '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
        f'</fill><fill><patternFill patternType="solid"><fgColor rgb="{HEADER_FILL.fgColor.rgb}"/>'
        '<bgColor indexed="64"/></patternFill></fill></fills>'
        '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
        f"<border><left {side}</left><right {side}</right><top {side}</top><bottom {side}</bottom><diagonal/>"
        "</border></borders>"
        f'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def _escape_text(text: str) -> str:
    if _ILLEGAL_CHARS.search(text):
        text = _ILLEGAL_CHARS.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _text_cell(ref: str, text: str, text_style: int = XS_NORMAL) -> str:
    """An inline-string cell: always a string, never a formula; quote prefix when it looks like one."""
    if len(text) > MAX_CELL_CHARS:
        text = clean_text(text)
    if text.startswith(DANGEROUS_PREFIXES):
        text_style = _QUOTED_STYLES.get(text_style, XS_QUOTED)
    style = f' s="{text_style}"' if text_style else ""
    if _TEXT_WORK.search(text):
        text = _escape_text(text)
    if text[:1].isspace() or text[-1:].isspace():
        return f'<c r="{ref}" t="inlineStr"{style}><is><t xml:space="preserve">{text}</t></is></c>'
    return f'<c r="{ref}" t="inlineStr"{style}><is><t>{text}</t></is></c>'


def _value_cell(ref: str, value, number_style: int, text_style: int = XS_NORMAL) -> str:
    """Any value as a cell (the general path; rows use a faster inline version for str/int)."""
    if isinstance(value, Promise):
        value = str(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return _text_cell(ref, value, text_style) if value else ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}" s="{number_style}"><v>{value}</v></c>'
    if isinstance(value, Decimal):
        if not value.is_finite():
            return _text_cell(ref, str(value), text_style)
        text = str(int(value)) if value == value.to_integral_value() else format(value, "f")
        return f'<c r="{ref}" s="{number_style}"><v>{text}</v></c>'
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return _text_cell(ref, str(value), text_style)
        return f'<c r="{ref}" s="{number_style}"><v>{value!r}</v></c>'
    if isinstance(value, datetime.datetime):
        serial = value.toordinal() - _EXCEL_EPOCH_ORDINAL
        serial += (value.hour * 3600 + value.minute * 60 + value.second) / 86400
        return f'<c r="{ref}" s="{XS_DATE}"><v>{serial!r}</v></c>'
    if isinstance(value, datetime.date):
        return f'<c r="{ref}" s="{XS_DATE}"><v>{value.toordinal() - _EXCEL_EPOCH_ORDINAL}</v></c>'
    return _text_cell(ref, str(value), text_style)


class _Sink:
    """A write-only, non-seekable file for ``zipfile`` whose bytes are taken out as they come."""

    def __init__(self):
        self.parts: list[bytes] = []
        self.size = 0
        self.position = 0

    def write(self, data) -> int:
        data = bytes(data)
        self.parts.append(data)
        self.size += len(data)
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def flush(self):
        pass

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        self.size = 0
        return data


def _core_xml(*, title: str, subject: str) -> str:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    esc = _escape_text
    return (
        f"{_XML_HEAD}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:creator>CoopPlan</dc:creator>"
        + (f"<dc:title>{esc(clean_text(title)[:250])}</dc:title>" if title else "")
        + (f"<dc:subject>{esc(clean_text(subject)[:250])}</dc:subject>" if subject else "")
        + f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def stream_xlsx(
    rows: Iterable,
    *,
    sheet_name: str,
    columns: list[StreamColumn],
    header: list[str],
    top_rows: Iterable[tuple] = (),
    freeze_columns: int = 0,
    title: str = "",
    subject: str = "",
    landscape: bool = True,
    border_rgb: str = "999999",
    compresslevel: int = 1,
    chunk_bytes: int = 256 * 1024,
    on_row=None,
) -> Iterable[bytes]:
    """Yield an .xlsx file of one sheet as bytes, row by row.

    ``top_rows`` are single-cell lines above the table as ``(value, style)`` with style one
    of "normal", "bold", "title", "italic"; then ``header`` (bold, filled, bordered, wrapped;
    repeated on every printed page, frozen with the first ``freeze_columns`` columns); then
    ``rows``, each a sequence of values in ``columns`` order (str, int, Decimal, float, bool,
    date, datetime or None). ``on_row`` is called with each row number written (progress).
    Print setup: A4, fit to one page wide, Decree 30 margins, page numbers."""
    sheet_name = clean_text(sheet_name)[:31] or "Sheet1"
    sink = _Sink()
    archive = zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
    ct_main = "application/vnd.openxmlformats-officedocument"
    archive.writestr(
        "[Content_Types].xml",
        f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct_main}.spreadsheetml.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct_main}.spreadsheetml.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{ct_main}.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/docProps/app.xml" ContentType="{ct_main}.extended-properties+xml"/>'
        "</Types>",
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    archive.writestr(
        "_rels/.rels",
        f'{_XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{rel}/extended-properties" Target="docProps/app.xml"/>'
        "</Relationships>",
    )
    archive.writestr("docProps/core.xml", _core_xml(title=title, subject=subject))
    archive.writestr(
        "docProps/app.xml",
        f'{_XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>CoopPlan</Application></Properties>",
    )
    top_rows = list(top_rows)
    header_row = len(top_rows) + 1
    quoted_name = "'" + sheet_name.replace("'", "''") + "'"
    archive.writestr(
        "xl/workbook.xml",
        f'{_XML_HEAD}<workbook xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}"><workbookPr/>'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets><sheet name={quoteattr(_escape_text(sheet_name))} sheetId="1" r:id="rId1"/></sheets>'
        f'<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'
        f"{_escape_text(quoted_name)}!${header_row}:${header_row}</definedName></definedNames>"
        '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>',
    )
    archive.writestr(
        "xl/_rels/workbook.xml.rels",
        f'{_XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
        "</Relationships>",
    )
    archive.writestr("xl/styles.xml", _styles_xml(border_rgb))
    yield sink.take()  # the first bytes leave before the rows are even queried

    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    number_styles = [_KIND_STYLES.get(c.kind, XS_NORMAL) for c in columns]
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{c.width}" customWidth="1"/>' for i, c in enumerate(columns, 1)
    )
    top_left = f"{get_column_letter(freeze_columns + 1)}{header_row + 1}"
    x_split = f' xSplit="{freeze_columns}"' if freeze_columns else ""
    pane_name = "bottomRight" if freeze_columns else "bottomLeft"
    view = (
        f'<sheetView workbookViewId="0"><pane{x_split} ySplit="{header_row}" topLeftCell="{top_left}"'
        f' activePane="{pane_name}" state="frozen"/>'
        f'<selection pane="{pane_name}" activeCell="{top_left}" sqref="{top_left}"/></sheetView>'
    )
    head = (
        f'{_XML_HEAD}<worksheet xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}">'
        '<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<sheetViews>{view}</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
    )
    lines = [head]
    for number, (value, style) in enumerate(top_rows, 1):
        style_id = _ROW_STYLES[style]
        cell_xml = _value_cell(f"A{number}", value, style_id, style_id)
        lines.append(f'<row r="{number}">{cell_xml}</row>')
    lines.append(
        f'<row r="{header_row}">'
        + "".join(
            _value_cell(f"{letter}{header_row}", title, XS_HEADER, XS_HEADER)
            for letter, title in zip(letters, header, strict=False)
        )
        + "</row>"
    )
    with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
        sheet.write("".join(lines).encode())
        lines = []
        row_number = header_row
        pending = 0
        for values in rows:
            row_number += 1
            suffix = str(row_number)
            parts = [f'<row r="{suffix}">']
            for letter, value, style in zip(letters, values, number_styles, strict=False):
                if value is None:
                    continue
                kind = type(value)
                if kind is str:  # the common case inline: plain text needing no work
                    if not value:
                        continue
                    if (
                        len(value) > MAX_CELL_CHARS
                        or value.startswith(DANGEROUS_PREFIXES)
                        or _TEXT_WORK.search(value)
                        or value[0].isspace()
                        or value[-1].isspace()
                    ):
                        parts.append(_text_cell(letter + suffix, value))
                    else:
                        parts.append(f'<c r="{letter}{suffix}" t="inlineStr"><is><t>{value}</t></is></c>')
                elif kind is int:
                    parts.append(f'<c r="{letter}{suffix}" s="{style}"><v>{value}</v></c>')
                else:
                    parts.append(_value_cell(letter + suffix, value, style))
            parts.append("</row>")
            lines.append("".join(parts))
            pending += 1
            if on_row is not None:
                on_row(row_number)
            if pending >= 200:
                sheet.write("".join(lines).encode())
                lines = []
                pending = 0
                if sink.size >= chunk_bytes:
                    yield sink.take()
        margins = '<pageMargins left="1.18" right="0.59" top="0.79" bottom="0.79" header="0.3" footer="0.3"/>'
        orientation = "landscape" if landscape else "portrait"
        lines.append(
            f"</sheetData>{margins}"
            f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>'
            "<headerFooter><oddFooter>&amp;C&amp;P/&amp;N</oddFooter></headerFooter></worksheet>"
        )
        sheet.write("".join(lines).encode())
    archive.close()
    yield sink.take()
