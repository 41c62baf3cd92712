"""The offline route: a submission as an Excel form to fill without the portal, and reading it back.

The workbook has one sheet per part (targets, tasks, budget, narratives) with the ids in a
hidden first column, and a hidden "_meta" sheet with the report's id and the version it was
downloaded at, so an upload goes through the same optimistic-locking check as a browser save.
Reading happens in a Celery task (``reports.tasks.read_excel_upload``, issue 12): openpyxl runs in
a limited child process (``reports.excel_cells``), and ``read_cells`` turns its cell values into
the services' ``data`` dict plus a list of problems (row-level, in Vietnamese), stored in the
``ExcelUpload`` row — the upload's page shows both as a preview before anything is saved.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from core import workbook as workbook_writer
from core.formatting import format_number
from plans.progress import target_plan_text

from . import validation
from .models import TaskStatus

HEADER_FILL = workbook_writer.HEADER_FILL
INPUT_FILL = workbook_writer.INPUT_FILL
META_SHEET = "_meta"
SHEET_TARGETS = "Chi tieu"
SHEET_TASKS = "Nhiem vu"
SHEET_BUDGET = "Kinh phi"
SHEET_TEXT = "Thuyet minh"
# Columns of the targets sheet (0-based as read back): the explanation column is the last one,
# so a form downloaded before it existed still reads (its rows keep the saved explanation).
COL_VALUE, COL_NOTE, COL_HINT, COL_EXPLANATION = 5, 6, 7, 8
# As the web form's explanation field (``forms.ObligationForm``).
EXPLANATION_MAX_LENGTH = 1000


def _status_labels() -> dict[str, str]:
    """Labels of the current language (written into the form's drop-down list)."""
    return {str(label): value for value, label in TaskStatus.choices}


def _status_lookup() -> dict[str, str]:
    """Labels in every portal language and the raw codes, so a form downloaded in English
    and uploaded in Vietnamese (or the reverse) still reads."""
    from django.conf import settings
    from django.utils import translation

    lookup = {value.lower(): value for value in TaskStatus.values}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lookup.update({str(label).lower(): value for value, label in TaskStatus.choices})
    return lookup


def _header(ws, titles, widths):
    workbook_writer.append(ws, titles)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = w
        c = ws.cell(row=1, column=i)
        c.font = Font(bold=True)
        c.fill = HEADER_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].hidden = True
    ws.freeze_panes = "B2"


def _input(cell):
    cell.fill = INPUT_FILL
    cell.protection = Protection(locked=False)


def build_workbook(obligation, lines) -> bytes:
    """The submission as an .xlsx form with the saved values; the hints (registry, last approved
    report, each naming its source) and the flags of the saved values sit in their own column,
    never in the value cells; the last column takes the explanation of a flagged value."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TARGETS
    _header(
        ws,
        ["id", _("Target"), _("Unit"), _("Plan value"), _("Milestone year"), _("Achieved to the cut-off"), _("Note"), _("Hint"),
         _("Explanation (required for a flagged value)")],
        [6, 60, 14, 14, 10, 18, 40, 40, 40],
    )
    flags = validation.line_flags(obligation, lines)
    for line in lines["targets"]:
        t = line.target
        hint = []
        if line.registry and line.registry.value is not None:
            hint.append(_("Registry (%(source)s): %(v)s") % {"source": line.registry.label, "v": format_number(line.registry.value)})
        if line.last is not None:
            hint.append(_("Last approved report (%(period)s): %(v)s") % {"period": line.last_label, "v": format_number(line.last)})
        for f in flags.get(t.pk, []):
            hint.append(_("Flagged: %(flag)s") % {"flag": f"{f.rule_label}: {f.message}"})
        value = line.value  # hints go in the hint column, never in the value cell (issue 15)
        workbook_writer.append(
            ws,
            [t.pk, t.description, t.unit, target_plan_text(t), t.milestone_year,
             float(value) if value is not None else None, line.note, "; ".join(hint), line.explanation],
            formats={5: workbook_writer.FMT_DEC},
        )
        for column in (COL_VALUE, COL_NOTE, COL_EXPLANATION):
            _input(ws.cell(row=ws.max_row, column=column + 1))
        ws.cell(row=ws.max_row, column=COL_EXPLANATION + 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.protection.sheet = False

    ws = wb.create_sheet(SHEET_TASKS)
    _header(ws, ["id", _("Task"), _("Status"), _("Short account")], [6, 60, 18, 60])
    labels = list(_status_labels())
    dv = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True)
    ws.add_data_validation(dv)
    for task, progress in lines["tasks"]:
        status = progress.status if progress else TaskStatus.NOT_STARTED
        workbook_writer.append(
            ws, [task.pk, str(task), str(TaskStatus(status).label), progress.account if progress else ""]
        )
        dv.add(ws.cell(row=ws.max_row, column=3))
        _input(ws.cell(row=ws.max_row, column=3))
        _input(ws.cell(row=ws.max_row, column=4))

    ws = wb.create_sheet(SHEET_BUDGET)
    _header(ws, ["id", _("Budget line"), _("Planned (VND)"), _("Spent (VND)")], [6, 60, 18, 18])
    for line, amount in lines["budget"]:
        workbook_writer.append(
            ws,
            [line.pk, str(line), float(line.amount) if line.amount is not None else None,
             float(amount) if amount is not None else None],
            formats={2: workbook_writer.FMT_INT, 3: workbook_writer.FMT_INT},
        )
        _input(ws.cell(row=ws.max_row, column=4))

    ws = wb.create_sheet(SHEET_TEXT)
    _header(ws, ["id", _("Section"), _("Text")], [6, 30, 100])
    for key, label in (("results", _("Results")), ("difficulties", _("Difficulties and shortcomings")),
                       ("proposals", _("Proposals"))):
        workbook_writer.append(ws, [key, label, getattr(obligation, key)])
        cell = ws.cell(row=ws.max_row, column=3)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        _input(cell)

    meta = wb.create_sheet(META_SHEET)
    workbook_writer.append(meta, ["obligation", obligation.pk])
    workbook_writer.append(meta, ["version", obligation.version])
    meta.sheet_state = "hidden"
    return workbook_writer.save(wb)


def _number(raw, where: str, problems: list, *, integer=False):
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, (int, float)):
        value = Decimal(str(raw))
    else:
        text = str(raw).strip().replace(" ", "")
        # Vietnamese style "1.234,5" or a plain "1234.5".
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        try:
            value = Decimal(text)
        except InvalidOperation:
            problems.append(_("%(where)s: “%(raw)s” is not a number.") % {"where": where, "raw": raw})
            return None
    if integer:
        value = value.quantize(Decimal(1))
    if value < 0 and integer:
        problems.append(_("%(where)s: the amount cannot be negative.") % {"where": where})
        return None
    return value


class _TooManyRows(Exception):
    pass


def _max_rows() -> int:
    from django.conf import settings

    return int(getattr(settings, "REPORT_FORM_MAX_ROWS", 5000))


def _rows(ws, min_row: int = 1):
    """The sheet's rows as values, streamed; stops a crafted sheet with a million rows."""
    limit = _max_rows()
    for i, row in enumerate(ws.iter_rows(min_row=min_row, values_only=True), start=min_row):
        if i > limit:
            raise _TooManyRows
        yield i, row


class _Sheet:
    """The rows the child process read (``reports.excel_cells``), shaped like an openpyxl sheet."""

    def __init__(self, rows):
        self.rows = rows

    def iter_rows(self, min_row: int = 1, values_only: bool = True):
        for row in self.rows[min_row - 1 :]:
            yield tuple(row)


class _Book:
    def __init__(self, payload: dict):
        self.sheetnames = list(payload.get("sheetnames") or [])
        self._sheets = payload.get("sheets") or {}

    def __getitem__(self, name):
        return _Sheet(self._sheets.get(name) or [])


FORM_SHEETS = (SHEET_TARGETS, SHEET_TASKS, SHEET_BUDGET, SHEET_TEXT, META_SHEET)


def _too_many_rows() -> list[str]:
    return [
        _("The form has too many rows (at most %(n)s per sheet). Download the form of this report again.")
        % {"n": format_number(_max_rows(), 0)}
    ]


def read_cells(payload: dict, *, obligation, lines) -> tuple[dict, int | None, list[str]]:
    """Check what the child process read from an uploaded form (``reports.excel_cells.read_sheets``:
    the cell values of the form's sheets, at most ``REPORT_FORM_MAX_ROWS`` rows each) against the
    report: (data for ``obligation_save_draft``, version, problems).

    The upload was checked first (core.uploads: size, zip bomb, macros) and openpyxl ran in the
    child under the memory and time limits (core.sandbox); nothing here parses the file."""
    error = payload.get("error")
    if error == "too_many_rows":
        return {}, None, _too_many_rows()
    if error:
        return {}, None, [_("The file is not an Excel workbook (.xlsx) the portal can read.")]
    try:
        return _read_workbook(_Book(payload), obligation=obligation, lines=lines)
    except _TooManyRows:
        return {}, None, _too_many_rows()


def _read_workbook(wb, *, obligation, lines) -> tuple[dict, int | None, list[str]]:
    problems: list[str] = []
    missing = [s for s in (SHEET_TARGETS, SHEET_TASKS, SHEET_BUDGET, SHEET_TEXT, META_SHEET) if s not in wb.sheetnames]
    if missing:
        return {}, None, [_("This is not the portal's form for a report (sheets missing: %(s)s).") % {"s": ", ".join(missing)}]
    meta = {str(r[0]): r[1] if len(r) > 1 else None for _i, r in _rows(wb[META_SHEET]) if r and r[0]}
    if str(meta.get("obligation")) != str(obligation.pk):
        return {}, None, [_("This form belongs to another report. Download the form of this report and fill it in.")]
    try:
        version = int(meta.get("version"))
    except (TypeError, ValueError):
        version = None
        problems.append(_("The form's version is missing; download a new form."))

    target_ids = {line.target.pk for line in lines["targets"]}
    values = {}
    value_rows = {}  # target id → its row in the sheet, to name it in a message
    for i, row in _rows(wb[SHEET_TARGETS], min_row=2):
        if not row or row[0] is None:
            continue
        try:
            pk = int(row[0])
        except (TypeError, ValueError):
            problems.append(_("Sheet “%(sheet)s”, row %(row)s: the hidden id was changed.") % {"sheet": SHEET_TARGETS, "row": i})
            continue
        if pk not in target_ids:
            problems.append(_("Sheet “%(sheet)s”, row %(row)s: unknown target.") % {"sheet": SHEET_TARGETS, "row": i})
            continue
        where = _("Sheet “%(sheet)s”, row %(row)s") % {"sheet": SHEET_TARGETS, "row": i}
        values[pk] = {"value": _number(row[COL_VALUE] if len(row) > COL_VALUE else None, where, problems),
                      "note": str(row[COL_NOTE] or "").strip() if len(row) > COL_NOTE else ""}
        value_rows[pk] = i
        if len(row) > COL_EXPLANATION:  # a form of before the column keeps the saved explanation
            explanation = str(row[COL_EXPLANATION] or "").strip()
            if len(explanation) > EXPLANATION_MAX_LENGTH:
                problems.append(
                    _("%(where)s: the explanation has %(n)s characters; at most %(max)s.")
                    % {"where": where, "n": format_number(len(explanation), 0), "max": format_number(EXPLANATION_MAX_LENGTH, 0)}
                )
            values[pk]["explanation"] = explanation
    problems += _unexplained_rows(obligation, lines, values, value_rows)

    task_ids = {task.pk for task, _p in lines["tasks"]}
    labels = _status_labels()
    lookup = _status_lookup()
    tasks = {}
    for i, row in _rows(wb[SHEET_TASKS], min_row=2):
        if not row or row[0] is None:
            continue
        try:
            pk = int(row[0])
        except (TypeError, ValueError):
            pk = None
        if pk not in task_ids:
            problems.append(_("Sheet “%(sheet)s”, row %(row)s: unknown task.") % {"sheet": SHEET_TASKS, "row": i})
            continue
        label = str(row[2] or "").strip()
        status = lookup.get(label.lower())
        if status is None:
            problems.append(
                _("Sheet “%(sheet)s”, row %(row)s: choose the status from the list (%(choices)s).")
                % {"sheet": SHEET_TASKS, "row": i, "choices": ", ".join(labels)}
            )
            continue
        tasks[pk] = {"status": status, "account": str(row[3] or "").strip() if len(row) > 3 else ""}

    line_ids = {line.pk for line, _a in lines["budget"]}
    spending = {}
    for i, row in _rows(wb[SHEET_BUDGET], min_row=2):
        if not row or row[0] is None:
            continue
        try:
            pk = int(row[0])
        except (TypeError, ValueError):
            pk = None
        if pk not in line_ids:
            problems.append(_("Sheet “%(sheet)s”, row %(row)s: unknown budget line.") % {"sheet": SHEET_BUDGET, "row": i})
            continue
        where = _("Sheet “%(sheet)s”, row %(row)s") % {"sheet": SHEET_BUDGET, "row": i}
        spending[pk] = _number(row[3] if len(row) > 3 else None, where, problems, integer=True)

    data = {"values": values, "tasks": tasks, "spending": spending}
    for _i, row in _rows(wb[SHEET_TEXT], min_row=2):
        if row and row[0] in ("results", "difficulties", "proposals"):
            data[row[0]] = str(row[2] or "").strip() if len(row) > 2 else ""
    return data, version, problems


def _unexplained_rows(obligation, lines, values: dict, value_rows: dict) -> list[str]:
    """A value of the form flagged by a validation rule (``reports/validation.py``, as on the web
    form) needs an explanation in its row — the file's, or the saved one for a form of before the
    explanation column: one message per row naming it, the target and the flags. They block
    applying the upload (nothing is half-saved)."""
    new_values = {line.target.pk: line.value for line in lines["targets"]}
    new_values.update({pk: item["value"] for pk, item in values.items()})
    flags = validation.line_flags(obligation, lines, new_values)
    problems = []
    for line in lines["targets"]:
        pk = line.target.pk
        if pk not in flags or pk not in values:
            continue
        explanation = values[pk].get("explanation", line.explanation) or ""
        if not explanation.strip():
            problems.append(
                _("Sheet “%(sheet)s”, row %(row)s: explain the flagged value of the target “%(target)s” in the column "
                  "“%(column)s”: %(flags)s")
                % {"sheet": SHEET_TARGETS, "row": value_rows[pk], "target": line.target.description[:120],
                   "column": _("Explanation (required for a flagged value)"),
                   "flags": "; ".join(f.message for f in flags[pk])}
            )
    return problems


def diff_preview(data: dict, lines, obligation) -> list[dict]:
    """Rows "what / now / in the file" for the preview, only where something changes."""
    rows = []
    for line in lines["targets"]:
        new = data.get("values", {}).get(line.target.pk)
        if new is not None and new["value"] != line.value:
            rows.append({"what": line.target.description, "old": format_number(line.value), "new": format_number(new["value"])})
        if new is not None and "explanation" in new and new["explanation"] != (line.explanation or ""):
            rows.append({"what": _("Explanation: %(target)s") % {"target": line.target.description},
                         "old": (line.explanation or "")[:200], "new": new["explanation"][:200]})
    for task, progress in lines["tasks"]:
        new = data.get("tasks", {}).get(task.pk)
        old_status = progress.status if progress else TaskStatus.NOT_STARTED
        old_account = progress.account if progress else ""
        if new and (new["status"] != old_status or new["account"] != old_account):
            rows.append({"what": str(task), "old": f"{TaskStatus(old_status).label} {old_account}".strip(),
                         "new": f"{TaskStatus(new['status']).label} {new['account']}".strip()})
    for line, amount in lines["budget"]:
        if line.pk in data.get("spending", {}) and data["spending"][line.pk] != amount:
            rows.append({"what": str(line), "old": format_number(amount, 0), "new": format_number(data["spending"][line.pk], 0)})
    labels = {"results": _("Results"), "difficulties": _("Difficulties and shortcomings"), "proposals": _("Proposals")}
    for key, label in labels.items():
        if key in data and data[key] != getattr(obligation, key):
            rows.append({"what": label, "old": getattr(obligation, key)[:200], "new": data[key][:200]})
    return rows


def _data_converted(data: dict, key, number) -> dict:
    """``data`` with its ids passed through ``key`` and its figures through ``number`` (None
    stays None): the two directions between the parsed data and its JSON."""
    def num(v):
        return None if v is None else number(v)

    return {
        "values": {
            key(k): {"value": num(v["value"]), "note": v.get("note", ""),
                     **({"explanation": v["explanation"]} if "explanation" in v else {})}
            for k, v in data.get("values", {}).items()
        },
        "tasks": {key(k): v for k, v in data.get("tasks", {}).items()},
        "spending": {key(k): num(v) for k, v in data.get("spending", {}).items()},
        **{k: data[k] for k in ("results", "difficulties", "proposals") if k in data},
    }


def data_to_json(data: dict) -> dict:
    """The parsed data as JSON, kept in ``ExcelUpload.data`` between preview and confirmation."""
    return _data_converted(data, str, str)


def data_from_json(payload: dict) -> dict:
    """``data_to_json``'s inverse: target, task and budget line ids as ints, figures as Decimal."""
    return _data_converted(payload, int, Decimal)
