"""What the sandboxed child process runs to read an uploaded registry list (``core.sandbox``).

Plain Python and openpyxl, no Django (issue 12): the non-empty cells of the list sheet, read in a
single pass with openpyxl's read-only parts, at most ``max_rows`` rows. Finding the header row,
mapping the columns and checking the values is ``cooperatives.excel.read_sheet`` and
``cooperatives.importing``, in the task, with the database at hand.
"""

from __future__ import annotations

import io
import json

from core.sandbox import json_safe


def read_rows(path: str, sheet_name: str, max_rows: int, out_path: str, max_bytes: int) -> dict:
    """Writes the non-empty rows of sheet ``sheet_name`` (else the first sheet) to ``out_path``,
    one JSON line ``[excel_row, [[column_index, value, data_type], …]]`` per row, and returns
    ``{"count": n}``; or ``{"error": "unreadable"}`` / ``{"error": "too_many_rows"}`` after
    ``max_rows`` non-empty rows, ``{"error": "too_much_data"}`` once the rows come to more than
    ``max_bytes`` (a few shared strings repeated in every cell would otherwise fill the disk
    instead of the memory). Rows go to the file as they are parsed, so the child's memory
    does not grow with the list (a 100,000-row list needed more than 512 MiB as one JSON
    result) and the parent reads them back one at a time."""
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
        count = written = 0
        out = open(out_path, "w", encoding="utf-8")  # noqa: SIM115 - closed in the finally below
        for number, row in parser.parse():
            cells = [
                [cell["column"] - 1, json_safe(cell["value"]), cell["data_type"]]
                for cell in row
                if cell["value"] is not None and not (isinstance(cell["value"], str) and not cell["value"].strip())
            ]
            if not cells:
                continue
            if count >= max_rows:
                return {"error": "too_many_rows"}
            line = json.dumps([number, cells], ensure_ascii=False, separators=(",", ":")) + "\n"
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
