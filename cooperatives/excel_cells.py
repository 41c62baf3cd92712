"""What the sandboxed child process runs to read an uploaded registry list (``core.sandbox``).

Plain Python and openpyxl, no Django (issue 12): the non-empty cells of the list sheet, read in a
single pass with openpyxl's read-only parts, at most ``max_rows`` rows. Finding the header row,
mapping the columns and checking the values is ``cooperatives.excel.read_sheet`` and
``cooperatives.importing``, in the task, with the database at hand.
"""

from __future__ import annotations

import datetime
import io


def _plain(value):
    """JSON-safe: dates and times as ISO text (the parent turns them back, data type "d")."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    return str(value)


def read_rows(path: str, sheet_name: str, max_rows: int) -> dict:
    """``{"rows": [[excel_row, [[column_index, value, data_type], …]], …]}`` for the non-empty
    rows of sheet ``sheet_name`` (else the first sheet), or ``{"error": "unreadable"}`` /
    ``{"error": "too_many_rows"}`` after ``max_rows`` non-empty rows."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._reader import WorkSheetParser

    try:
        reader = ExcelReader(path, read_only=True, keep_vba=False, data_only=False, keep_links=False)
        reader.read_manifest()
        reader.read_strings()
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
        parser = WorkSheetParser(
            io.BufferedReader(reader.archive.open(rel.target.lstrip("/")), 1 << 16),
            reader.shared_strings,
            data_only=False,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        rows = []
        for number, row in parser.parse():
            cells = [
                [cell["column"] - 1, _plain(cell["value"]), cell["data_type"]]
                for cell in row
                if cell["value"] is not None and not (isinstance(cell["value"], str) and not cell["value"].strip())
            ]
            if not cells:
                continue
            if len(rows) >= max_rows:
                return {"error": "too_many_rows"}
            rows.append([number, cells])
        return {"rows": rows}
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - a damaged sheet part
        return {"error": "unreadable"}
    finally:
        reader.archive.close()
