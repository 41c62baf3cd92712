"""What the sandboxed child process runs to read an uploaded registry list (``core.sandbox``).

Plain Python, lxml and openpyxl, no Django (issue 12): the non-empty cells of the list sheet, read
in a single streaming pass, at most ``max_rows`` rows. Finding the header row, mapping the columns
and checking the values is ``cooperatives.excel.read_sheet`` and ``cooperatives.importing``, in
the task, with the database at hand.

Issue 17: the sheet XML and the shared-string table are read by one ``lxml.etree.iterparse`` loop
of our own (``SheetReader``) instead of openpyxl's ``WorkSheetParser``, which builds a dict per
cell and parses the strings through its descriptor classes; openpyxl still reads the small
workbook-level parts (content types, the workbook with its sheets and 1900/1904 epoch, the
stylesheet's date formats), so the sheet chosen, the epoch and the date styles are its own. The
values are openpyxl's for every cell type — shared and inline strings (rich text runs joined,
phonetic runs left out), numbers (int or float as openpyxl casts them), dates and times through
the cell's number format and the epoch, booleans, ``t="str"``, errors, formulas ("=…", shared
formulas translated) — and the rare shapes (formulas, inline strings, ISO dates, errors, unknown
types) go through openpyxl's own ``WorkSheetParser.parse_cell`` on the same element, so they
cannot drift. ``tests/cooperatives/test_excel_cells.py`` compares both readers cell by cell on
real workbooks and on generated ones (Hypothesis).

Hostile input stays bounded: the upload checks run before (``excel.check_upload``), the child's
memory and time limits around it (``core.sandbox``); libxml2 is used without entity resolution,
network or its "huge tree" mode (a text node over 10 MB or nesting deeper than 256 is an error),
a part carrying a DTD is refused (no spreadsheet program writes one), each row and string is
dropped from the tree once read, and the parse stops at the end of ``<sheetData>``.
"""

from __future__ import annotations

import json

from core.sandbox import json_safe

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ROW_TAG = f"{{{MAIN_NS}}}row"
DATA_TAG = f"{{{MAIN_NS}}}sheetData"
VALUE_TAG = f"{{{MAIN_NS}}}v"
STRING_ITEM_TAG = f"{{{MAIN_NS}}}si"
TEXT_TAG = f"{{{MAIN_NS}}}t"
RUN_TAG = f"{{{MAIN_NS}}}r"
INLINE_TAG = f"{{{MAIN_NS}}}is"
DIGITS = "0123456789"


class UnsafeXml(ValueError):
    """A part that carries a document type declaration (entities): never written by Excel or
    LibreOffice, refused like a damaged file."""


def _iterparse(source, tag):
    from lxml import etree

    return etree.iterparse(
        source,
        events=("end",),
        tag=tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _refuse_dtd(element) -> None:
    if element.getroottree().docinfo.doctype:
        raise UnsafeXml("document type declaration")


def _forget(element) -> None:
    """Drop ``element`` and the siblings read before it, so the tree never holds more than one."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def read_shared_strings(source) -> list[str]:
    """The shared-string table as openpyxl's ``read_string_table`` gives it: per ``<si>`` its
    plain ``<t>`` then the ``<t>`` of each rich-text run ``<r>`` (phonetic ``<rPh>`` left out),
    "x005F_" removed."""
    strings: list[str] = []
    append = strings.append
    first = True
    for _event, item in _iterparse(source, STRING_ITEM_TAG):
        if first:
            _refuse_dtd(item)
            first = False
        if len(item) == 1 and item[0].tag == TEXT_TAG:  # the usual <si><t>…</t></si>
            text = item[0].text or ""
        else:
            plain = None
            runs = []
            for child in item:
                tag = child.tag
                if tag == TEXT_TAG:
                    plain = child.text  # openpyxl keeps the last one
                elif tag == RUN_TAG:
                    run_text = None
                    for part in child:
                        if part.tag == TEXT_TAG:
                            run_text = part.text
                    if run_text is not None:
                        runs.append(run_text)
            text = (plain or "") + "".join(runs)
        append(text.replace("x005F_", ""))
        _forget(item)
    return strings


class SheetReader:
    """One streaming pass over a worksheet part: ``rows()`` yields ``(row_number, cells)`` for
    every row, ``cells`` being ``[column_index, value, data_type]`` of its non-empty cells
    (``column_index`` from 0, the value JSON-safe as ``core.sandbox.json_safe`` makes it) — what
    openpyxl's read-only parser gives for the same sheet, filtered the same way."""

    def __init__(self, source, shared_strings, *, epoch, date_formats, timedelta_formats):
        from openpyxl.worksheet._reader import WorkSheetParser

        self.source = source
        self.strings = shared_strings
        self.epoch = epoch
        self.date_formats = frozenset(date_formats)
        self.timedelta_formats = frozenset(timedelta_formats)
        # openpyxl's own cell parser for the rare shapes (formulas, inline strings, errors,
        # ISO dates): same element, same state (row and column counters, shared formulas).
        self.fallback = WorkSheetParser(
            None,
            shared_strings,
            data_only=False,
            epoch=epoch,
            date_formats=self.date_formats,
            timedelta_formats=self.timedelta_formats,
        )
        self.columns: dict[str, int] = {}

    def _column(self, ref: str) -> int:
        """The 1-based column of a cell reference ("AB12" → 28), as openpyxl's
        ``coordinate_to_tuple`` reads it (its errors included), remembered per letters."""
        from openpyxl.utils.cell import coordinate_to_tuple

        column = coordinate_to_tuple(ref)[1]
        letters = ref.rstrip(DIGITS)
        if letters.isascii() and letters.isalpha():
            self.columns[letters] = column
        return column

    def rows(self):
        from openpyxl.utils.datetime import from_excel

        strings = self.strings
        epoch = self.epoch
        date_formats = self.date_formats
        timedelta_formats = self.timedelta_formats
        fallback = self.fallback
        columns = self.columns
        column_of = self._column
        value_tag = VALUE_TAG
        inline_tag = INLINE_TAG
        text_tag = TEXT_TAG
        row_number = 0
        first = True
        for _event, row in _iterparse(self.source, (ROW_TAG, DATA_TAG)):
            if row.tag == DATA_TAG:
                break  # nothing after the cells is read
            if first:
                _refuse_dtd(row)
                # what came before the cells (columns, views) is not needed either
                parent = row.getparent()
                if parent is not None and parent.getparent() is not None:
                    root = parent.getparent()
                    while parent.getprevious() is not None:
                        del root[0]
                first = False
            number = row.get("r")
            if number is None:
                row_number += 1
            else:
                try:
                    row_number = int(number)
                except ValueError:
                    as_float = float(number)
                    if not as_float.is_integer():
                        raise ValueError(f"{number} is not a valid row number") from None
                    row_number = int(as_float)
            column = 0
            cells = []
            for cell in row:
                ref = cell.get("r")
                previous = column
                if ref is None:
                    column += 1
                else:
                    letters = ref.rstrip(DIGITS)
                    column = columns.get(letters)
                    if column is None or len(letters) == len(ref):
                        column = column_of(ref)
                style = cell.get("s")
                # openpyxl: get("s", 0), then int() when not empty ("" stays "", no style)
                style_id = int(style) if style else (0 if style is None else "")
                kind = cell.get("t")
                size = len(cell)
                if size == 0:
                    continue  # no value, no formula, no inline string: an empty (styled) cell
                if (
                    kind == "inlineStr"
                    and size == 1
                    and cell[0].tag == inline_tag
                    and len(cell[0]) == 1
                    and cell[0][0].tag == text_tag
                ):  # the export's own cells: <c t="inlineStr"><is><t>…</t></is></c>
                    value = cell[0][0].text
                    if value and value.strip():
                        cells.append([column - 1, value, "s"])
                    continue
                if size == 1 and kind in (None, "n", "s", "str", "b") and cell[0].tag == value_tag:
                    text = cell[0].text
                    if not text:
                        continue
                    if kind is None or kind == "n":
                        value = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
                        data_type = "n"
                        if style_id in date_formats:
                            data_type = "d"
                            try:
                                value = from_excel(value, epoch, timedelta=style_id in timedelta_formats)
                            except (OverflowError, ValueError):
                                data_type = "e"
                                value = "#VALUE!"
                    elif kind == "s":
                        value = strings[int(text)]
                        data_type = "s"
                    elif kind == "str":
                        value = text
                        data_type = "s"
                    else:
                        value = bool(int(text))
                        data_type = "b"
                else:
                    fallback.row_counter = row_number
                    fallback.col_counter = previous
                    parsed = fallback.parse_cell(cell)
                    column = parsed["column"]
                    value = parsed["value"]
                    data_type = parsed["data_type"]
                    if value is None:
                        continue
                    if data_type == "f" and type(value) is not str:
                        value = getattr(value, "text", None) or "="  # an array / data-table formula
                value_type = type(value)
                if value_type is str:
                    if not value.strip():
                        continue  # blank text counts as empty
                elif value_type is not int and value_type is not float and value_type is not bool:
                    value = json_safe(value)  # dates, times and durations as text
                cells.append([column - 1, value, data_type])
            _forget(row)
            yield row_number, cells


def _shared_strings(reader) -> list[str]:
    """The table openpyxl's ``ExcelReader.read_strings`` would load (same part), read by us."""
    from openpyxl.xml.constants import SHARED_STRINGS

    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return []
    with reader.archive.open(part.PartName[1:]) as source:
        return read_shared_strings(source)


def read_rows(path: str, sheet_name: str, max_rows: int, out_path: str, max_bytes: int) -> dict:
    """Writes the non-empty rows of sheet ``sheet_name`` (else the first sheet) to ``out_path``,
    one JSON line ``[excel_row, [[column_index, value, data_type], …]]`` per row, and returns
    ``{"count": n}``; or ``{"error": "unreadable"}`` / ``{"error": "too_many_rows"}`` after
    ``max_rows`` non-empty rows, ``{"error": "too_much_data"}`` once the rows come to more than
    ``max_bytes`` (a few shared strings repeated in every cell would otherwise fill the disk
    instead of the memory). Rows go to the file as they are parsed, so the child's memory
    does not grow with the list (a 100,000-row list needed more than 512 MiB as one JSON
    result) and the parent reads them back one at a time."""
    import io

    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    try:
        reader = ExcelReader(path, read_only=True, keep_vba=False, data_only=False, keep_links=False)
        reader.read_manifest()
        strings = _shared_strings(reader)
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = list(reader.parser.find_sheets())
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - any parser failure is a damaged file for the user
        return {"error": "unreadable"}
    if not sheets:
        return {"error": "unreadable"}
    try:
        _sheet, rel = next(((s, r) for s, r in sheets if s.name == sheet_name), sheets[0])
        wb = reader.wb
        sheet = SheetReader(
            io.BufferedReader(reader.archive.open(rel.target.lstrip("/")), 1 << 16),
            strings,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        count = written = 0
        dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        out = open(out_path, "w", encoding="utf-8")  # noqa: SIM115 - closed in the finally below
        for number, cells in sheet.rows():
            if not cells:
                continue
            if count >= max_rows:
                return {"error": "too_many_rows"}
            line = dumps([number, cells]) + "\n"
            written += len(line)
            if written > max_bytes:
                return {"error": "too_much_data"}
            out.write(line)
            count += 1
        return {"count": count}
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - a damaged sheet part
        return {"error": "unreadable"}
    finally:
        if "out" in locals():
            out.close()
        reader.archive.close()
