"""Excel in and out for the registry (openpyxl only).

* ``COLUMNS`` is the one file layout shared by the export, the import template and the
  import reader, so an exported list can be edited and uploaded again. Headers are the
  Vietnamese column names of the file format (not translated with the UI language).
* ``check_upload`` refuses files before openpyxl ever parses them: empty, too large, not a
  ZIP/OOXML package, password-protected (an encrypted OOXML file is an OLE compound file),
  legacy .xls, macro-enabled, zip bombs.
* ``read_sheet`` gets the rows from a child process (``cooperatives.excel_cells``: one lxml pass over
  the sheet XML giving openpyxl's read-only values, under ``core.sandbox``'s memory and time
  limits), with each cell's data type
  so that a real formula (type ``f``) can be told from text that merely starts with "=".
* ``export_stream`` streams the export through the portal's one Excel writer
  (``core.workbook.stream_xlsx``): bytes leave as rows are read, so the first byte is sent at
  once and memory stays flat in the number of rows; text starting with = + - @ tab CR is
  written as an inline string with the "quote prefix" style, so Excel never evaluates it
  (formula injection).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core import workbook as workbook_writer
from core.formatting import format_number
from core.text import fold

from .models import OrganisationKind, OrganisationStatus, Rating

SHEET_NAME = "Danh sách"
LIST_SHEET = "DanhMuc"
HELP_SHEET = "Hướng dẫn"
HEADER_SCAN_ROWS = 15
MAX_CELL_CHARS = workbook_writer.MAX_CELL_CHARS
NUMBER_FORMAT = workbook_writer.FMT_INT
DATE_FORMAT = workbook_writer.FMT_DATE
DANGEROUS_PREFIXES = workbook_writer.DANGEROUS_PREFIXES

KIND_LABELS = {
    OrganisationKind.COOPERATIVE: "HTX",
    OrganisationKind.UNION: "Liên hiệp HTX",
    OrganisationKind.GROUP: "Tổ hợp tác",
    OrganisationKind.FARMERS_CLUB: "Hội quán",
    OrganisationKind.FARMERS_CHAPTER: "Chi/tổ hội nghề nghiệp",
}
STATUS_LABELS = {
    OrganisationStatus.ACTIVE: "Đang hoạt động",
    OrganisationStatus.SUSPENDED: "Tạm ngừng hoạt động",
    OrganisationStatus.DISSOLVED: "Đã giải thể",
    OrganisationStatus.PLANNED: "Đang thành lập",
}
RATING_LABELS = {
    Rating.GOOD: "Tốt",
    Rating.FAIR: "Khá",
    Rating.AVERAGE: "Trung bình",
    Rating.WEAK: "Yếu",
    Rating.UNRATED: "Chưa xếp loại",
}
YES, NO = "Có", "Không"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    type: str  # text, choice, date, int, money, bool, year, sectors, commune
    width: int = 14
    max_length: int | None = None
    required: bool = False
    org: bool = True  # organisation field (else a yearly-record field)


COLUMNS: tuple[Column, ...] = (
    Column("kind", "Loại hình", "choice", 16, required=True),
    Column("name", "Tên tổ chức", "text", 40, 255, required=True),
    Column("registration_code", "Mã số đăng ký", "text", 16, 30),
    Column("commune_code", "Mã xã", "commune", 9, 10, required=True),
    Column("commune_name", "Tên xã", "text", 20, 150),
    Column("address", "Địa chỉ", "text", 30, 255),
    Column("founded", "Ngày thành lập", "date", 13),
    Column("dissolved", "Ngày giải thể", "date", 13),
    Column("status", "Tình trạng", "choice", 18),
    Column("sectors", "Lĩnh vực", "sectors", 24, 500),
    Column("main_products", "Sản phẩm chính", "text", 30, 500),
    Column("year", "Năm số liệu", "year", 8, org=False),
    Column("members", "Số thành viên", "int", 10, org=False),
    Column("households", "Số hộ thành viên", "int", 10, org=False),
    Column("workers", "Số lao động thường xuyên", "int", 11, org=False),
    Column("managers", "Số cán bộ quản lý", "int", 10, org=False),
    Column("managers_degree", "CBQL trình độ CĐ, ĐH", "int", 10, org=False),
    Column("managers_trained", "CBQL qua đào tạo sơ cấp, trung cấp", "int", 12, org=False),
    Column("revenue", "Doanh thu", "money", 16, org=False),
    Column("profit", "Lợi nhuận", "money", 16, org=False),
    Column("avg_income", "Thu nhập bình quân", "money", 14, org=False),
    Column("charter_capital", "Vốn điều lệ", "money", 16, org=False),
    Column("rating", "Xếp loại", "choice", 14, org=False),
    Column("value_chain", "Liên kết chuỗi giá trị", "bool", 10, org=False),
    Column("high_tech", "Ứng dụng công nghệ cao", "bool", 10, org=False),
    Column("ocop_products", "Sản phẩm OCOP", "int", 9, org=False),
    Column("growing_area_codes", "Mã số vùng trồng", "int", 9, org=False),
    Column("traceability", "Truy xuất nguồn gốc", "bool", 10, org=False),
    Column("credit_access", "Tiếp cận tín dụng", "bool", 10, org=False),
    Column("tourism", "Du lịch nông thôn", "bool", 10, org=False),
    Column("note", "Ghi chú", "text", 30, 2000, org=False),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
CHOICE_LABELS = {"kind": KIND_LABELS, "status": STATUS_LABELS, "rating": RATING_LABELS}


def _max_upload() -> int:
    return int(getattr(settings, "IMPORT_MAX_UPLOAD_BYTES", 30 * 1024 * 1024))


def _max_uncompressed() -> int:
    return int(getattr(settings, "IMPORT_MAX_UNCOMPRESSED_BYTES", 600 * 1024 * 1024))


def max_rows() -> int:
    return int(getattr(settings, "IMPORT_MAX_ROWS", 100_000))


# --- refusing bad files before parsing -------------------------------------------------------

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_ZIP_MEMBERS = 2000
MAX_RATIO = 200  # real sheets compress 5–40×; a bomb compresses thousands of times


def _refuse(message: str, code: str):
    raise ValidationError(message, code=code)


def check_upload(uploaded_file) -> str:
    """Cheap checks on an uploaded file; returns its SHA-256 or raises ValidationError."""
    size = getattr(uploaded_file, "size", None)
    if not size:
        _refuse(_("The file is empty."), "empty")
    limit = _max_upload()
    if size > limit:
        _refuse(
            _("The file is too large (%(size)s MB; at most %(limit)s MB).")
            % {"size": format_number(size / 1048576, 1), "limit": format_number(limit / 1048576, 0)},
            "too_large",
        )
    name = (getattr(uploaded_file, "name", "") or "").lower()
    if name.endswith((".xlsm", ".xltm", ".xlam")):
        _refuse(_("Files with macros (.xlsm) are not accepted. Save the workbook as .xlsx without macros."), "macros")
    if name.endswith(".xls"):
        _refuse(_("Old Excel files (.xls) are not accepted. Save the workbook as .xlsx (Excel Workbook)."), "xls")
    uploaded_file.seek(0)
    head = uploaded_file.read(8)
    if head.startswith(OLE_MAGIC):
        uploaded_file.seek(0)
        blob = uploaded_file.read(min(size, 1024 * 1024))
        if "EncryptedPackage".encode("utf-16-le") in blob or "EncryptionInfo".encode("utf-16-le") in blob:
            _refuse(
                _("The file is password-protected (encrypted). Remove the password and save it again as .xlsx."),
                "encrypted",
            )
        _refuse(
            _(
                "The file is password-protected or in the old Excel format (.xls). Remove the password and save it as .xlsx."
            ),
            "ole",
        )
    if not head.startswith(ZIP_MAGIC):
        _refuse(_("The file is not an Excel workbook (.xlsx)."), "not_xlsx")
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if len(infos) > MAX_ZIP_MEMBERS:
                _refuse(_("The file is not a valid Excel workbook (too many parts)."), "zip_members")
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                _refuse(_("The file is not an Excel workbook (.xlsx)."), "not_xlsx")
            content_types = archive.read("[Content_Types].xml")[:200_000].lower()
            if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroenabled" in content_types:
                _refuse(
                    _("Files with macros (.xlsm) are not accepted. Save the workbook as .xlsx without macros."),
                    "macros",
                )
            total = 0
            for info in infos:
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > 10 * 1024 * 1024 and ratio > MAX_RATIO:
                    _refuse(
                        _("The file is not accepted: its content expands far beyond its size (zip bomb)."), "zip_bomb"
                    )
            if total > _max_uncompressed():
                _refuse(_("The file is not accepted: its content expands far beyond its size (zip bomb)."), "zip_bomb")
    except zipfile.BadZipFile:
        _refuse(_("The file is not an Excel workbook (.xlsx) or it is damaged."), "bad_zip")
    uploaded_file.seek(0)
    digest = hashlib.sha256()
    for chunk in (
        uploaded_file.chunks() if hasattr(uploaded_file, "chunks") else iter(lambda: uploaded_file.read(1 << 20), b"")
    ):
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


# --- reading ------------------------------------------------------------------------------------


class SheetError(Exception):
    """A problem with the whole workbook (no sheet, no header, missing columns)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


_HEADER_KEYS = {fold(c.header): c.key for c in COLUMNS} | {c.key: c.key for c in COLUMNS}


def _header_map(values) -> dict[int, str]:
    mapping = {}
    for index, value in enumerate(values):
        if isinstance(value, str):
            key = _HEADER_KEYS.get(fold(value))
            if key and key not in mapping.values():
                mapping[index] = key
    return mapping


# What the registry's child process reports, and what the user reads (issue 12).
PARSE_FAILURES = ("memory", "timeout", "crash")


def parse_timeout() -> int:
    return int(getattr(settings, "IMPORT_PARSE_TIMEOUT_SECONDS", 300))


class _ChildRows:
    """The rows the child wrote, one JSON line each, read back one at a time (memory flat in
    the number of rows); the file is removed once read through or when this is collected."""

    def __init__(self, path: str, count: int):
        self.path = path
        self.count = count

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)

    def __del__(self):
        try:
            os.unlink(self.path)
        except OSError:
            pass


def _read_in_child(path) -> _ChildRows:
    """The non-empty rows of the list sheet, read by ``cooperatives.excel_cells.read_rows`` in a
    child process under ``UPLOAD_PARSE_MEMORY_BYTES`` (512 MiB) and ``IMPORT_PARSE_TIMEOUT_SECONDS``
    (``core.sandbox``), never in this worker: a file that got past ``check_upload`` but needs more
    kills only the child, and the batch says which limit stopped it. The child writes the rows to
    a temporary file as it parses; they are read back lazily."""
    from core import sandbox

    handle, rows_path = tempfile.mkstemp(prefix="coopplan-rows-", suffix=".jsonl")
    os.close(handle)
    try:
        payload = sandbox.run_parser(
            "cooperatives.excel_cells.read_rows",
            str(path),
            SHEET_NAME,
            max_rows() + HEADER_SCAN_ROWS,
            rows_path,
            sandbox.memory_limit(),
            timeout=parse_timeout(),
        )
    except sandbox.ParseFailed as exc:
        os.unlink(rows_path)
        raise SheetError(exc.message, exc.reason) from None
    if payload.get("error") or not isinstance(payload.get("count"), int):
        os.unlink(rows_path)
        if payload.get("error") == "too_much_data":  # as much text as the memory limit: its message
            raise SheetError(sandbox.limit_message("memory", timeout=parse_timeout()), "memory")
        if payload.get("error") == "too_many_rows":
            raise SheetError(_("The file has too many rows (at most %(n)s).") % {"n": max_rows()}, "too_many_rows")
        raise SheetError(_("The file is not an Excel workbook (.xlsx) or it is damaged."), "unreadable")
    return _ChildRows(rows_path, payload["count"])


def _cell_value(value, data_type):
    """The child's JSON value back as the parser gave it (dates and times as ISO text)."""
    if data_type == "d" and isinstance(value, str):
        for kind in (datetime.datetime, datetime.date, datetime.time):
            try:
                return kind.fromisoformat(value)
            except ValueError:
                continue
    return value


def read_sheet(path):
    """The list sheet's rows: returns ``(columns, rows, progress)``. ``columns`` maps column
    index → key; ``rows`` yields ``(excel_row_number, {key: (value, data_type)})`` for each
    non-empty data row; ``progress()`` is the share of the rows handled so far (0–99). Raises
    ``SheetError`` for workbook-level problems, and for a reading stopped at the child's memory or
    time limit (code "memory"/"timeout"/"crash", the Vietnamese message naming the limit)."""
    raw = _read_in_child(path)
    columns = None
    header_row = 0
    for index, cells in raw:
        if index > HEADER_SCAN_ROWS:
            break
        values = {column: (_cell_value(value, kind), kind) for column, value, kind in cells}
        width = max(values, default=-1) + 1
        mapping = _header_map([values.get(i, (None, ""))[0] for i in range(width)])
        if "name" in mapping.values() and len(mapping) >= 3:
            columns = mapping
            header_row = index
            break
    if columns is None:
        raise SheetError(
            _("No header row found in the first %(n)s rows. Use the import template (the row with 'Tên tổ chức').")
            % {"n": HEADER_SCAN_ROWS},
            "no_header",
        )
    present = set(columns.values())
    missing = [
        c.header
        for c in COLUMNS
        if c.required
        and c.key not in present
        # a file of old-style addresses: the commune is read from them (directory.addresses)
        and not (c.key == "commune_code" and present & {"commune_name", "address"})
    ]
    if missing:
        raise SheetError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)}, "missing_columns")
    done = [0]

    def progress() -> int:
        return min(99, done[0] * 100 // max(1, len(raw)))

    def generate():
        for position, (number, row) in enumerate(raw):
            done[0] = position
            if number <= header_row:
                continue
            cells = {}
            for column, value, kind in row:
                key = columns.get(column)
                if key is not None:
                    cells[key] = (value if kind != "d" else _cell_value(value, kind), kind)
            if cells:
                yield number, cells

    return columns, generate(), progress


# --- writing ------------------------------------------------------------------------------------

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = workbook_writer.HEADER_FILL


def display_value(column: Column, value):
    """The cell value written for ``value`` of ``column`` (choice labels, Có/Không)."""
    if value is None:
        return None
    if column.type == "choice":
        return CHOICE_LABELS[column.key].get(value, value)
    if column.type == "bool":
        return YES if value else NO
    return value


EXPORT_NOTE = "ĐVT: tiền: đồng; thu nhập bình quân: đồng/người/năm; lao động, thành viên: người"


def export_stream(rows, *, agency_name: str, title: str, subtitle: str, today: datetime.date, counter=None):
    """The registry list as .xlsx bytes, yielded as the rows come (``core.workbook.stream_xlsx``):
    the first bytes leave before the query runs and memory stays flat in the number of rows.
    ``rows`` yields dicts keyed by ``COLUMNS`` keys; ``counter`` (a list) gets the number of
    data rows appended when the file is complete."""
    labels = [CHOICE_LABELS.get(c.key) if c.type == "choice" else None for c in COLUMNS]
    keys = [c.key for c in COLUMNS]
    bools = [c.type == "bool" for c in COLUMNS]
    count = 0

    def values():
        nonlocal count
        for row in rows:
            out = []
            for key, choice, is_bool in zip(keys, labels, bools, strict=True):
                value = row.get(key)
                if value is not None:
                    if choice is not None:
                        value = choice.get(value, value)
                    elif is_bool:
                        value = YES if value else NO
                out.append(value)
            count += 1
            yield out

    yield from workbook_writer.stream_xlsx(
        values(),
        sheet_name=SHEET_NAME,
        columns=[
            workbook_writer.StreamColumn(c.width, c.type if c.type in ("int", "money", "date") else "text")
            for c in COLUMNS
        ],
        header=[c.header for c in COLUMNS],
        top_rows=[
            ((agency_name or "").upper(), "bold"),
            (title, "title"),
            (subtitle, "normal"),
            (f"Ngày xuất: {today:%d/%m/%Y}", "normal"),
            (EXPORT_NOTE, "italic"),
        ],
        freeze_columns=2,
        title=title,
        subject=subtitle,
        border_rgb=THIN.color.rgb[-6:],
    )
    if counter is not None:
        counter.append(count)


def write_export(fileobj, rows, *, agency_name: str, title: str, subtitle: str, today: datetime.date) -> int:
    """Write the registry list to ``fileobj`` (a binary file); returns the number of data rows."""
    counter = []
    for chunk in export_stream(rows, agency_name=agency_name, title=title, subtitle=subtitle, today=today,
                               counter=counter):
        fileobj.write(chunk)
    return counter[0]


def write_template(fileobj, *, communes, sectors) -> None:
    """The import template: the list sheet with dropdowns (kind, status, rating, yes/no,
    commune code from a hidden list sheet) and an instructions sheet in Vietnamese."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAME
    sheet.append([c.header for c in COLUMNS])
    for index, column in enumerate(COLUMNS, 1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "C2"

    lists = workbook.create_sheet(LIST_SHEET)
    lists.sheet_state = "hidden"
    list_columns = {
        "kind": list(KIND_LABELS.values()),
        "status": list(STATUS_LABELS.values()),
        "rating": list(RATING_LABELS.values()),
        "bool": [YES, NO],
        "commune": [c.code for c in communes],
    }
    refs = {}
    for index, (key, values) in enumerate(list_columns.items(), 1):
        letter = get_column_letter(index)
        for row, value in enumerate(values, 1):
            workbook_writer.put(lists.cell(row=row, column=index), value, "@")
        refs[key] = f"'{LIST_SHEET}'!${letter}$1:${letter}${max(len(values), 1)}"
    # Names beside the codes, so the hidden sheet doubles as a lookup table.
    for row, commune in enumerate(communes, 1):
        workbook_writer.put(
            lists.cell(row=row, column=len(list_columns) + 1),
            f"{commune.name} ({commune.parent.name if commune.parent_id else ''})",
        )
    last = 5000
    for index, column in enumerate(COLUMNS, 1):
        letter = get_column_letter(index)
        area = f"{letter}2:{letter}{last}"
        source = None
        if column.type == "choice":
            source = refs[column.key]
        elif column.type == "bool":
            source = refs["bool"]
        elif column.type == "commune":
            source = refs["commune"]
        if source:
            validation = DataValidation(type="list", formula1=source, allow_blank=not column.required)
            validation.error = "Chọn một giá trị trong danh sách."
            validation.errorTitle = column.header
            validation.showErrorMessage = True
            validation.add(area)
            sheet.add_data_validation(validation)
        elif column.type in ("int", "money", "year"):
            minimum = 1990 if column.type == "year" else 0
            maximum = 2100 if column.type == "year" else 10**15
            validation = DataValidation(
                type="whole", operator="between", formula1=str(minimum), formula2=str(maximum), allow_blank=True
            )
            validation.error = "Nhập một số nguyên."
            validation.showErrorMessage = True
            validation.add(area)
            sheet.add_data_validation(validation)
            for row in range(2, 3):
                sheet.cell(row=row, column=index).number_format = "0" if column.type == "year" else NUMBER_FORMAT
        elif column.type == "date":
            validation = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
            validation.error = "Nhập ngày theo dạng dd/mm/yyyy."
            validation.showErrorMessage = True
            validation.add(area)
            sheet.add_data_validation(validation)

    help_sheet = workbook.create_sheet(HELP_SHEET, 1)
    help_sheet.column_dimensions["A"].width = 34
    help_sheet.column_dimensions["B"].width = 100
    help_sheet.append(["HƯỚNG DẪN NHẬP DANH SÁCH TỔ CHỨC KINH TẾ TẬP THỂ"])
    help_sheet["A1"].font = Font(bold=True, size=13)
    help_sheet.append([])
    for line in (
        "Mỗi dòng là một tổ chức và (nếu có cột Năm số liệu) số liệu của tổ chức đó trong một năm. Một tổ chức có thể có nhiều dòng, mỗi dòng một năm.",
        "Cột bắt buộc: Loại hình, Tên tổ chức, Mã xã. Cột không có trong tệp thì dữ liệu tương ứng được giữ nguyên; ô để trống thì được xóa.",
        "Địa chỉ cũ: nếu không có mã xã, có thể ghi địa chỉ theo đơn vị hành chính cũ (trước 01/07/2025) ở cột Mã xã, Tên xã hoặc Địa chỉ, ví dụ “xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi”; hệ thống chuyển sang xã hiện nay và hiển thị ở bước kiểm tra. Xã cũ đã bị chia cho nhiều xã mới thì phải nhập mã xã hiện nay.",
        "Tổ chức được nhận diện theo Mã số đăng ký (trong cùng loại hình); nếu không có mã số thì theo Tên tổ chức và Mã xã. Nhập lại cùng một tệp không làm thay đổi dữ liệu.",
        "Mã xã: mã đơn vị hành chính cấp xã (xem danh sách ở cột chọn). Chỉ nhập được xã thuộc địa bàn của đơn vị bạn.",
        "Ngày: dạng dd/mm/yyyy. Số tiền: đơn vị đồng, số nguyên, không nhập chữ (ví dụ 900000000 hoặc 900.000.000).",
        "Thu nhập bình quân: đồng/người/năm. Lao động thường xuyên: kể cả cán bộ quản lý.",
        "Lĩnh vực: một hoặc nhiều lĩnh vực, cách nhau bằng dấu chấm phẩy (;), ví dụ: Nông nghiệp; Thương mại - Dịch vụ.",
        "Có/Không: chọn trong danh sách (để trống là Không).",
        "Không dùng công thức: hãy dán giá trị (Paste Values). Tệp có công thức, macro hoặc đặt mật khẩu sẽ bị từ chối.",
        "Sau khi tải lên, hệ thống kiểm tra và hiển thị từng dòng sẽ được thêm mới, cập nhật hay giữ nguyên cùng mọi lỗi; dữ liệu chỉ được ghi khi bạn xác nhận, và được ghi toàn bộ hoặc không ghi gì.",
    ):
        help_sheet.append(["", line])
        help_sheet.cell(row=help_sheet.max_row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    help_sheet.append([])
    help_sheet.append(["Cột", "Ý nghĩa, giá trị hợp lệ"])
    help_sheet.cell(row=help_sheet.max_row, column=1).font = Font(bold=True)
    help_sheet.cell(row=help_sheet.max_row, column=2).font = Font(bold=True)
    meaning = {
        "kind": ", ".join(KIND_LABELS.values()),
        "status": ", ".join(STATUS_LABELS.values()) + " (để trống: Đang hoạt động)",
        "rating": ", ".join(RATING_LABELS.values()),
        "sectors": "; ".join(s.name for s in sectors),
        "revenue": "đồng/năm",
        "profit": "đồng/năm (có thể âm)",
        "avg_income": "đồng/người/năm",
        "charter_capital": "đồng",
        "year": "năm của số liệu, ví dụ 2024",
    }
    for column in COLUMNS:
        text = meaning.get(column.key, "")
        if column.required:
            text = ("Bắt buộc. " + text).strip()
        if column.max_length and column.type == "text":
            text = (text + f" Tối đa {column.max_length} ký tự.").strip()
        workbook_writer.append(help_sheet, [column.header, text])
        help_sheet.cell(row=help_sheet.max_row, column=2).alignment = Alignment(wrap_text=True)
    workbook.save(fileobj)
