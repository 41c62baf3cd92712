"""Scanned PDFs (no text layer) through OCR: ``ocrmypdf`` with Tesseract's Vietnamese data.

Plain Python, no Django (the reading task's child process runs it, see ``planimport.parsing``).
``ocr_pages(src, dst, first, last)`` adds a text layer to pages ``first``–``last`` of ``src``
(1-based, inclusive) and writes the whole document to ``dst``; pages that already have text are
kept as they are (``--skip-text``). The task calls it for a few pages at a time so that the
upload page can show "đã nhận dạng 5/12 trang" between the calls.

Every failure the file causes is a :class:`ReaderError` with a Vietnamese message; a machine
without ``ocrmypdf`` or without the Vietnamese language data says so (``scripts/install.sh``
installs both: the Debian packages ``ocrmypdf`` and ``tesseract-ocr-vie``).
"""

from __future__ import annotations

import os
import shutil
import subprocess

from .errors import ReaderError

LANGUAGE = "vie"
# ocrmypdf's exit codes (ocrmypdf.ExitCode) that the file, not the machine, causes.
_BAD_INPUT = {2: "input_file", 6: "encrypted_pdf", 8: "child_process_error"}


def available() -> bool:
    """ocrmypdf and tesseract are on PATH (the Vietnamese data is checked when reading)."""
    return shutil.which("ocrmypdf") is not None and shutil.which("tesseract") is not None


def ocr_pages(src: str, dst: str, first: int, last: int, *, timeout: float | None = None) -> None:
    """Give pages ``first``–``last`` of ``src`` a text layer, writing the document to ``dst``."""
    if not available():
        raise ReaderError(
            "Máy chủ chưa cài chương trình nhận dạng chữ (OCR) nên không đọc được bản quét. "
            "Vui lòng tải lên tệp .docx hoặc tệp PDF có lớp văn bản.",
            code="ocr_unavailable",
        )
    command = [
        "ocrmypdf",
        "--language", LANGUAGE,
        "--skip-text",           # pages with a text layer stay as they are
        "--pages", f"{first}-{last}",
        "--output-type", "pdf",  # no PDF/A conversion (Ghostscript): only the text layer is needed
        "--optimize", "0",
        "--jobs", "1",           # one page at a time: the child's memory limit holds for Tesseract too
        "--quiet",
        src,
        dst,
    ]  # fmt: skip
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ReaderError(
            "Nhận dạng chữ (OCR) bản quét quá lâu nên đã dừng. Vui lòng tải lên tệp .docx hoặc "
            "bản quét ít trang hơn.",
            code="ocr_timeout",
        ) from exc
    err = (done.stderr or b"").decode("utf-8", "replace")
    if done.returncode == 0 and os.path.exists(dst):
        return
    if "language" in err.lower() and LANGUAGE in err:
        raise ReaderError(
            "Máy chủ thiếu dữ liệu tiếng Việt cho nhận dạng chữ (gói tesseract-ocr-vie).",
            code="ocr_unavailable",
        )
    if done.returncode in _BAD_INPUT:
        raise ReaderError(
            "Không nhận dạng được chữ trong bản quét: tệp PDF bị hỏng, được bảo vệ bằng mật khẩu "
            "hoặc ảnh quét không đọc được. Vui lòng quét lại (300 dpi) hoặc tải lên tệp .docx.",
            code="ocr_failed",
        )
    if "MemoryError" in err or "Cannot allocate memory" in err or "std::bad_alloc" in err:
        raise MemoryError("ocrmypdf ran out of memory")
    raise ReaderError(
        "Không nhận dạng được chữ trong bản quét (OCR). Vui lòng quét lại (300 dpi) hoặc tải lên tệp .docx.",
        code="ocr_failed",
    )
