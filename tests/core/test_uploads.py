"""core.uploads: hostile files are refused before any parser sees them, inflating only what the checks
read (tests/work.py), in Vietnamese."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core import uploads
from tests import hostile
from tests.work import assert_checks_only, no_parsing

MB = 1048576
OFFICE = ("pdf", "png", "jpg", "jpeg", "docx", "xlsx", "pptx", "doc", "xls", "odt", "ods")


def _check(name, data, *, allowed=OFFICE, max_bytes=20 * MB, max_uncompressed=40 * MB, **kwargs):
    """check_upload, proving it opened no parser and inflated only what the checks read."""
    upload = SimpleUploadedFile(name, data)
    with no_parsing() as work:
        try:
            return uploads.check_upload(
                upload, allowed=allowed, max_bytes=max_bytes, max_uncompressed=max_uncompressed, **kwargs
            )
        finally:
            assert_checks_only(work, pdf_max_inflated=kwargs.get("pdf_max_inflated"))


def _refused(code, *args, **kwargs) -> str:
    with translation.override("vi"), pytest.raises(ValidationError) as exc:
        _check(*args, **kwargs)
    assert exc.value.code == code, exc.value
    return exc.value.messages[0]


def test_genuine_files_pass():
    assert _check("a.pdf", hostile.real_pdf()) == "application/pdf"
    assert _check("a.xlsx", hostile.real_xlsx()).endswith("spreadsheetml.sheet")
    assert _check("a.docx", hostile.real_docx()).endswith("wordprocessingml.document")
    assert _check("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20) == "image/png"


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_zip_bomb_is_refused_naming_the_ratio(kind):
    message = _refused("zip_bomb", f"bomb.{kind}", hostile.zip_bomb(kind))
    assert "100" in message and "zip bomb" in message


def test_unpacked_size_limit_names_the_limit():
    message = _refused("zip_bomb", "rows.xlsx", hostile.million_row_xlsx(), max_uncompressed=25 * MB)
    assert "25 MB" in message


def test_huge_docx_is_refused_by_its_unpacked_size():
    _refused("zip_bomb", "plan.docx", hostile.huge_docx(), allowed=("docx",), max_uncompressed=40 * MB)


def test_pdf_decompression_bomb_is_refused():
    message = _refused("pdf_bomb", "bomb.pdf", hostile.pdf_bomb())
    assert "64 MB" in message


def test_pdf_page_limit():
    pages = b"".join(b"%d 0 obj << /Type /Page /Parent 2 0 R >> endobj\n" % i for i in range(10, 600))
    _refused("pdf_pages", "many.pdf", hostile.real_pdf() + pages)


def test_macro_workbook_renamed_xlsx_is_refused():
    message = _refused("macros", "so-lieu.xlsx", hostile.macro_xlsx())
    assert "macro" in message
    _refused("macros", "so-lieu.xlsm", hostile.real_xlsx())


def test_content_must_match_the_extension():
    _refused("mismatch", "anh.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    _refused("mismatch", "so-lieu.xlsx", hostile.real_docx())  # a Word file renamed .xlsx
    _refused("mismatch", "van-ban.docx", hostile.real_xlsx())
    _refused("mismatch", "virus.png", b"MZ\x90\x00" + b"\x00" * 40)
    _refused("bad_zip", "hong.xlsx", b"PK\x03\x04 not really a zip")
    _refused("ole", "cu.xlsx", uploads.OLE_MAGIC + b"\x00" * 100)


def test_other_refusals_are_vietnamese():
    assert "quá lớn" in _refused("too_large", "a.pdf", hostile.real_pdf(), max_bytes=100).lower()
    _refused("empty", "a.pdf", b"")
    _refused("extension", "a.exe", b"MZ")


def test_ole_macros_are_refused():
    data = uploads.OLE_MAGIC + b"\x00" * 64 + "WordDocument".encode("utf-16-le") + "_VBA_PROJECT".encode("utf-16-le")
    _refused("macros", "cu.doc", data)
    assert _check("cu.doc", uploads.OLE_MAGIC + b"\x00" * 64 + "WordDocument".encode("utf-16-le")) == "application/msword"


def test_random_names_and_display_names():
    namer = uploads.RandomName("attachments")
    first, second = namer(None, "../../Báo cáo Q1.pdf"), namer(None, "Báo cáo Q1.pdf")
    assert first.startswith("attachments/") and first.endswith(".pdf") and first != second
    assert "Báo" not in first and ".." not in first
    assert namer(None, "x.p\u0000hp").endswith(".bin")
    assert uploads.safe_display_name("../../etc/passwd") == "passwd"
    assert uploads.safe_display_name("a\r\nb.pdf") == "ab.pdf"


def test_private_storage_is_outside_media_root(settings):
    from pathlib import Path

    root = uploads.private_root().resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media not in root.parents and root != media


@pytest.mark.django_db
def test_download_response_headers(tmp_path):
    path = tmp_path / "f.html"
    path.write_bytes(b"<script>alert(1)</script>")
    response = uploads.download_response(path.open("rb"), filename="bao-cao.html", content_type="text/html")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    response.close()
