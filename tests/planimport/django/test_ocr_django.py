"""Issue 16: a scanned plan (a PDF without a text layer) is read through OCR — ocrmypdf with
Tesseract's Vietnamese data — in the reading task's child process, a few pages per step so the
upload page shows how far it got; the review warns that the text comes from a scan.

The scan is made here from a corpus text (c02, Lạng Sơn 180/KH-UBND): typeset in a Times-metric
font (Tinos, as official documents), printed to 300 dpi greyscale images, and bound into a PDF of
images only — what a scanner gives. Nothing of this machine's paths is used.
"""

import html
import io
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planimport import services
from planimport.models import ImportSession
from planimport.reader import ReaderError, read_text
from planimport.reader.ocr import ocr_pages
from tests.paths import REPO_DIR as REPO_ROOT
from tests.planimport.corpus_keys import corpus_text

pytestmark = pytest.mark.skipif(
    not (shutil.which("ocrmypdf") and shutil.which("pdftoppm")),
    reason="ocrmypdf / poppler-utils missing (scripts/install.sh installs them)",
)
HEADER_FIELDS = ("number", "symbol", "date", "place", "issuer")


def scanned_pdf(tmp_path, text: str) -> bytes:
    """``text`` typeset on two A4 pages (broken at the middle line), rasterised at 300 dpi and
    bound as a PDF of images."""
    import weasyprint
    from PIL import Image

    font = (REPO_ROOT / "static" / "fonts" / "tinos" / "Tinos_400Regular.ttf").as_uri()
    lines = [line for line in text.splitlines() if line.strip()]
    body = "".join(
        f'<p{" class=next" if i == len(lines) // 2 else ""}>{html.escape(line)}</p>' for i, line in enumerate(lines)
    )
    css = (
        f"@font-face{{font-family:Tinos;src:url('{font}')}} body{{font-family:Tinos;font-size:13pt}}"
        "p{margin:0 0 4pt} .next{break-before:page} @page{size:A4;margin:20mm 20mm 20mm 30mm}"
    )
    typeset = tmp_path / "typeset.pdf"
    weasyprint.HTML(string=f"<html><head><style>{css}</style></head><body>{body}</body></html>").write_pdf(typeset)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(typeset), str(tmp_path / "page")], check=True)
    images = [Image.open(p).convert("L") for p in sorted(tmp_path.glob("page-*.png"))]
    out = io.BytesIO()
    images[0].save(out, format="PDF", resolution=300.0, save_all=True, append_images=images[1:])
    return out.getvalue()


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    """Two scanned pages of a real plan excerpt: the header and the 2022 results."""
    text = corpus_text("c02")
    return text, scanned_pdf(tmp_path_factory.mktemp("scan"), text)


def _upload(client, content: bytes):
    return client.post(
        reverse("planimport:upload"), {"file": SimpleUploadedFile("ban-quet.pdf", content)}, HTTP_ACCEPT_LANGUAGE="vi"
    )


def test_a_scanned_plan_is_read_through_ocr_with_progress(client_for, cast, scan, settings, monkeypatch):
    text, pdf = scan
    assert b"/Font" not in pdf  # images only: the reader alone finds no text
    settings.PLANIMPORT_OCR_PAGES_PER_STEP = 1
    steps = []
    real_progress = services._ocr_progress
    monkeypatch.setattr(
        services, "_ocr_progress", lambda pk, done, total: (steps.append((done, total)), real_progress(pk, done, total))
    )
    client = client_for(cast["users"]["quangngai"])
    response = _upload(client, pdf)
    assert response.status_code == 302
    session = ImportSession.objects.get()
    assert session.status == "read", session.message
    pages = session.data["ocr_pages"]
    assert pages == 2 and steps == [(0, 2), (1, 2), (2, 2)]  # the page was told after every page
    want = read_text(text).to_dict()
    assert {f: session.data[f] for f in HEADER_FIELDS} == {f: want[f] for f in HEADER_FIELDS}
    assert want["number"] == 180 and want["issuer"] == "Ủy ban nhân dân tỉnh Lạng Sơn"
    assert session.data["targets"] == []  # the 2022 results stay results, OCR or not
    review = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "nhận dạng từ bản quét (OCR, 2 trang)" in review


def test_the_progress_shows_the_pages_recognised(client_for, cast):
    """While a scan is being recognised the status fragment says how many pages are done."""
    client = client_for(cast["users"]["quangngai"])
    session = ImportSession.objects.create(
        created_by=cast["users"]["quangngai"], filename="ban-quet.pdf", source="pdf", status="reading"
    )
    services._ocr_progress(session.pk, 3, 12)
    fragment = client.get(reverse("planimport:status", args=[session.pk]), HTTP_ACCEPT_LANGUAGE="vi")
    assert "3/12" in fragment.content.decode() or "3 trên 12" in fragment.content.decode()


def test_a_scan_over_the_page_limit_is_refused_naming_it(client_for, cast, scan, settings):
    settings.PLANIMPORT_OCR_MAX_PAGES = 1
    response = _upload(client_for(cast["users"]["quangngai"]), scan[1])
    session = ImportSession.objects.get()
    assert session.status == "failed" and "2 trang" in session.message and "1 trang" in session.message
    assert response.status_code == 302


def test_without_ocr_the_scan_is_explained_as_before(client_for, cast, scan, settings):
    settings.PLANIMPORT_OCR = False
    _upload(client_for(cast["users"]["quangngai"]), scan[1])
    session = ImportSession.objects.get()
    assert session.status == "failed" and "không có lớp văn bản" in session.message


def test_a_broken_pdf_gives_a_vietnamese_ocr_message(tmp_path):
    src = tmp_path / "hong.pdf"
    src.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")
    with pytest.raises(ReaderError) as info:
        ocr_pages(str(src), str(tmp_path / "out.pdf"), 1, 1, timeout=60)
    assert info.value.code == "ocr_failed" and "bản quét" in str(info.value)
