"""Entry points: text, .docx, .pdf and a dispatcher on the file name.

* ``read_text(text)`` — convert text typed in the legacy TCVN3 or VNI codes to Unicode (``legacy``, with a
  warning), normalise (``text.normalize``) and extract (``extract.extract``). A .txt that is not UTF-8 is read
  as TCVN3 or VNI when it looks so, else as Windows-1258.
* ``read_docx(path_or_file)`` — python-docx; walks the document body in order, so paragraphs and
  tables come out interleaved as in the document. A table whose text contains the Quốc hiệu, "Số:",
  "Nơi nhận" or an authority line (the borderless two-column header and signature blocks) is read
  column by column; any other table becomes one ``" | "`` row per line (the target/task table rules
  read those). Merged cells repeated by python-docx are emitted once.
* ``read_pdf(path_or_file)`` — pdfplumber text layer. Words are grouped into lines; a line with a wide
  gap (two columns: header, signature block) is cut into segments and a run of such lines is emitted
  left column first, then right column. Wrapped lines of a justified paragraph (ending near the right
  margin) are joined. No text layer (a scan) → ``ReaderError`` asking for a .docx or an OCR'd PDF.
* ``read_file(path_or_file, filename)`` — dispatch on the extension (.docx, .pdf, .txt/.md); anything
  else → ``ReaderError("Định dạng tệp không được hỗ trợ …")``.

Every failure caused by the file (corrupt zip, encrypted or broken PDF, empty text) is a
``ReaderError`` with a Vietnamese message; nothing else escapes.
"""

from __future__ import annotations

import io
import os
import re
import statistics
import zipfile
from typing import IO

from .errors import ReaderError
from .extract import extract
from .legacy import convert_legacy, is_tcvn3, is_vni
from .model import Extraction
from .text import LAYOUT_TABLE_HINT, normalize

PathOrFile = str | os.PathLike | IO[bytes]
MIN_TEXT_CHARS = 40


def read_text(text: str) -> Extraction:
    """Read a plan from plain text (or Markdown as in the seeds)."""
    if not isinstance(text, str):
        raise ReaderError("Nội dung văn bản không hợp lệ (cần văn bản dạng chữ).", code="invalid")
    text, legacy = convert_legacy(text)
    normalized = normalize(text)
    if len(normalized.strip()) < MIN_TEXT_CHARS or not re.search(r"[A-Za-zÀ-ỹĐđ]{2,}", normalized):
        raise ReaderError("Văn bản trống hoặc quá ngắn, không đọc được nội dung kế hoạch.", code="empty")
    extraction = extract(normalized)
    if legacy:
        extraction.warnings.insert(0, LEGACY_WARNINGS[legacy])
    return extraction


# the review page's notice when the text was typed in a legacy encoding (``legacy.convert_legacy``)
LEGACY_WARNINGS = {
    "vni": "Văn bản được gõ bằng bảng mã cũ VNI (phông VNI-Times); đã chuyển sang Unicode trước khi đọc. "
    "Hãy kiểm tra lại các chữ có dấu.",
    "tcvn3": "Văn bản được gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime); đã chuyển sang Unicode trước khi đọc. "
    "Hãy kiểm tra lại các chữ có dấu.",
    "tcvn3-shifted": "Văn bản bị chuyển mã sai từ bảng mã cũ TCVN3 (ABC, phông .VnTime), ví dụ “Mục tiờu”; đã chuyển "
    "lại sang Unicode trước khi đọc, một vài chữ có thể vẫn sai. Hãy kiểm tra lại các chữ có dấu.",
}


def _open_bytes(path_or_file: PathOrFile) -> bytes:
    try:
        if hasattr(path_or_file, "read"):
            data = path_or_file.read()
            if hasattr(path_or_file, "seek"):
                try:
                    path_or_file.seek(0)
                except (OSError, ValueError):
                    pass
            return data if isinstance(data, bytes) else str(data).encode("utf-8")
        with open(path_or_file, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise ReaderError("Không mở được tệp đã tải lên.", code="io") from exc


# --- docx -----------------------------------------------------------------------------------------


def _docx_text(data: bytes) -> str:
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - dependency is in requirements
        raise ReaderError("Máy chủ thiếu thư viện đọc tệp .docx (python-docx).", code="dependency") from exc
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReaderError("Tệp .docx bị hỏng hoặc không phải tệp Word (.docx).", code="corrupt")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds (KeyError, BadZipFile, ValueError …)
        raise ReaderError("Tệp .docx bị hỏng hoặc không phải tệp Word (.docx).", code="corrupt") from exc

    out: list[str] = []

    def cell_text(cell) -> str:
        return "\n".join(p.text for p in cell.paragraphs)

    def emit_table(table: Table) -> None:
        rows = []
        for row in table.rows:
            cells, last = [], None
            for cell in row.cells:
                if last is not None and cell._tc is last:
                    continue  # a merged cell is repeated by python-docx
                last = cell._tc
                cells.append(cell)
            rows.append(cells)
        flat = "\n".join(cell_text(c) for r in rows for c in r)
        width = max((len(r) for r in rows), default=0)
        if LAYOUT_TABLE_HINT.search(flat) or width == 1:
            for col in range(width):
                for r in rows:
                    if col < len(r):
                        out.append(cell_text(r[col]))
                        for inner in r[col].tables:
                            emit_table(inner)
        else:
            for r in rows:
                out.append(" | ".join(cell_text(c).replace("\n", " ").strip() for c in r))
        out.append("")

    try:
        body = document.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                out.append(Paragraph(child, document).text)
            elif tag == "tbl":
                emit_table(Table(child, document))
    except Exception as exc:
        raise ReaderError("Không đọc được nội dung tệp .docx.", code="corrupt") from exc
    return "\n".join(out)


def read_docx(path_or_file: PathOrFile) -> Extraction:
    """Read a plan from a Word .docx file (path or binary file object)."""
    return read_text_or_explain(_docx_text(_open_bytes(path_or_file)), "docx")


# --- pdf ------------------------------------------------------------------------------------------


def _split_gap(rows: list[list[tuple[str, float, float]]], lo: float, hi: float) -> float | None:
    """An x position between lo and hi that no segment of ``rows`` crosses, with segments on both sides."""
    intervals = sorted((x0, x1) for row in rows for _, x0, x1 in row)
    best, best_width = None, 0.0
    reach = intervals[0][1]
    for x0, x1 in intervals[1:]:
        if x0 > reach:
            gap_mid = (reach + x0) / 2
            if lo <= gap_mid <= hi and x0 - reach > best_width:
                best, best_width = gap_mid, x0 - reach
        reach = max(reach, x1)
    return best


def _pdf_page_lines(page) -> list[str]:
    """Lines of one page; two-column blocks are emitted left column first (see module docstring)."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5, y_tolerance=3)
    if not words:
        return []
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= 3:
            rows[-1].append(w)
        else:
            rows.append([w])
    left_edge = min(w["x0"] for w in words)
    right_edge = max(w["x1"] for w in words)
    text_width = max(right_edge - left_edge, 1.0)
    sizes = [w["bottom"] - w["top"] for w in words]
    gap_limit = max(18.0, 2.2 * statistics.median(sizes))
    lines: list[list[tuple[str, float, float]]] = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        segments, current = [], [row[0]]
        for a, b in zip(row, row[1:], strict=False):
            if b["x0"] - a["x1"] > gap_limit:
                segments.append(current)
                current = [b]
            else:
                current.append(b)
        segments.append(current)
        lines.append([(" ".join(w["text"] for w in seg), seg[0]["x0"], seg[-1]["x1"]) for seg in segments])
    # drop a bare page number at the top or bottom of the page
    for idx in (0, -1):
        if lines and len(lines[idx]) == 1 and re.fullmatch(r"-?\s*\d{1,3}\s*-?", lines[idx][0][0]):
            lines.pop(idx)

    def narrow(line) -> bool:
        return len(line) >= 2 or line[-1][2] - line[0][1] < 0.75 * text_width

    out: list[tuple[str, bool, float]] = []  # (text, in a two-column block, right end)
    lo, hi = left_edge + 0.2 * text_width, right_edge - 0.2 * text_width
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and narrow(lines[j]):
            j += 1
        block = lines[i:j]
        split = _split_gap(block, lo, hi) if len(block) >= 2 else None
        if split is not None:
            left = [seg[0] for row in block for seg in row if seg[2] <= split]
            right = [seg[0] for row in block for seg in row if seg[2] > split]
            out.extend((t, True, 0.0) for t in left + right)
            i = j
            continue
        for row in block or [lines[i]]:
            out.append((" ".join(seg[0] for seg in row), False, row[-1][2]))
        i = max(j, i + 1)
    joined: list[str] = []
    prev: tuple[str, bool, float] | None = None
    for text, column, x1 in out:
        if (
            prev
            and not prev[1]
            and not column
            and prev[2] >= right_edge - 0.08 * text_width
            and joined
            and not re.match(r"^(- |\d{1,2}(\.\d{1,2})*\. |[IVX]+\. |[a-zđ]\) )", text)
        ):
            joined[-1] = joined[-1] + " " + text
        else:
            joined.append(text)
        prev = (text, column, x1)
    return joined


def _pdf_text(data: bytes) -> str:
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover
        raise ReaderError("Máy chủ thiếu thư viện đọc tệp PDF (pdfplumber).", code="dependency") from exc
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReaderError("Tệp PDF bị hỏng hoặc không phải tệp PDF.", code="corrupt")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = []
            for page in pdf.pages:
                pages.append("\n".join(_pdf_page_lines(page)))
    except ReaderError:
        raise
    except Exception as exc:  # pdfminer raises PDFSyntaxError, PSEOF, KeyError, encryption errors …
        raise ReaderError("Tệp PDF bị hỏng, được bảo vệ bằng mật khẩu hoặc không đọc được.", code="corrupt") from exc
    text = "\n".join(pages)
    if len(re.sub(r"\s+", "", text)) < MIN_TEXT_CHARS:
        raise ReaderError(
            "Tệp PDF không có lớp văn bản (có thể là bản quét ảnh). Vui lòng tải lên tệp .docx "
            "hoặc tệp PDF đã được nhận dạng ký tự (OCR).",
            code="no_text_layer",
        )
    return text


def read_pdf(path_or_file: PathOrFile) -> Extraction:
    """Read a plan from a PDF with a text layer."""
    return read_text_or_explain(_pdf_text(_open_bytes(path_or_file)), "pdf")


# --- dispatch -------------------------------------------------------------------------------------


def read_text_or_explain(text: str, kind: str) -> Extraction:
    try:
        return read_text(text)
    except ReaderError as exc:
        if exc.code == "empty":
            raise ReaderError(f"Tệp {kind} không có nội dung văn bản đọc được.", code="empty") from exc
        raise


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(enc)
            if "\x00" not in text:
                return text
        except UnicodeDecodeError:
            continue
    latin1 = data.decode("latin-1")
    if is_tcvn3(latin1) or is_vni(latin1):
        return latin1  # typed in TCVN3 or VNI: read_text converts it
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise ReaderError("Tệp văn bản không đúng mã UTF-8.", code="encoding") from exc


DOC_CONVERT_TIMEOUT = 90  # seconds; LibreOffice starts in 3–10 s on a loaded machine


def read_doc(path_or_file: PathOrFile) -> Extraction:
    """A Word 97–2003 .doc: converted to .docx by LibreOffice (``soffice --headless --convert-to
    docx``, a private profile in a temporary folder, no network), then read as a .docx. A file
    LibreOffice cannot open, or a machine without LibreOffice, gives a Vietnamese ``ReaderError``."""
    import shutil
    import subprocess
    import tempfile

    data = _open_bytes(path_or_file)
    if not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ReaderError("Tệp .doc bị hỏng hoặc không phải văn bản Word 97–2003.", code="corrupt")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ReaderError(
            "Máy chủ chưa cài LibreOffice nên chưa đọc được tệp .doc. Hãy lưu văn bản thành .docx rồi tải lên lại.",
            code="unavailable",
        )
    with tempfile.TemporaryDirectory(prefix="coopplan-doc-") as tmp:
        source = os.path.join(tmp, "vanban.doc")
        with open(source, "wb") as handle:
            handle.write(data)
        try:
            subprocess.run(
                [soffice, "--headless", "--norestore", "--nologo", f"-env:UserInstallation=file://{tmp}/profile",
                 "--convert-to", "docx", "--outdir", tmp, source],
                check=False, capture_output=True, timeout=DOC_CONVERT_TIMEOUT,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            raise ReaderError("Đọc tệp .doc quá lâu. Hãy lưu văn bản thành .docx rồi tải lên lại.", code="io") from None
        target = os.path.join(tmp, "vanban.docx")
        if not os.path.exists(target):
            raise ReaderError(
                "Tệp .doc bị hỏng hoặc không mở được. Hãy lưu văn bản thành .docx rồi tải lên lại.", code="corrupt"
            )
        with open(target, "rb") as handle:
            return read_docx(io.BytesIO(handle.read()))


def read_file(path_or_file: PathOrFile, filename: str | None = None) -> Extraction:
    """Read a plan file, choosing the reader from the extension of ``filename`` (or the path)."""
    name = filename or (
        str(path_or_file) if isinstance(path_or_file, (str, os.PathLike)) else getattr(path_or_file, "name", "")
    )
    ext = os.path.splitext(str(name or ""))[1].lower()
    if ext == ".docx":
        return read_docx(path_or_file)
    if ext == ".pdf":
        return read_pdf(path_or_file)
    if ext == ".doc":
        return read_doc(path_or_file)
    if ext in (".txt", ".md", ".text"):
        data = _open_bytes(path_or_file)
        if b"\x00" in data[:2000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ReaderError("Tệp văn bản bị hỏng hoặc không phải tệp chữ.", code="corrupt")
        return read_text_or_explain(_decode(data), "văn bản")
    shown = ext or "(không có phần mở rộng)"
    raise ReaderError(
        f"Định dạng tệp không được hỗ trợ: {shown}. Chỉ nhận tệp .docx, .doc, .pdf hoặc .txt.", code="unsupported"
    )
