"""What the sandboxed child process runs to read an uploaded report form (``core.sandbox``).

Plain Python and openpyxl, no Django: the cell values of the form's sheets, streamed
(read-only) and at most ``max_rows`` rows per sheet. Checking them against the report (ids,
numbers, statuses) is ``reports.excel.read_cells``, in the task, with the database at hand.
"""

from __future__ import annotations

from core.sandbox import json_safe


def read_sheets(path: str, sheets: list[str], max_rows: int) -> dict:
    """``{"sheetnames": [...], "sheets": {name: [[cell, …], …]}}`` for the ``sheets`` present, or
    ``{"error": "not_xlsx"}`` / ``{"error": "too_many_rows", "sheet": name}``."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True, read_only=True)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - any unreadable upload gets the same clear message
        return {"error": "not_xlsx"}
    try:
        out = {}
        for name in sheets:
            if name not in wb.sheetnames:
                continue
            rows = []
            for row in wb[name].iter_rows(values_only=True):
                if len(rows) >= max_rows:
                    return {"error": "too_many_rows", "sheet": name}
                rows.append([json_safe(v) for v in row[:20]])
            out[name] = rows
        return {"sheetnames": list(wb.sheetnames), "sheets": out}
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - a damaged sheet part
        return {"error": "not_xlsx"}
    finally:
        wb.close()
