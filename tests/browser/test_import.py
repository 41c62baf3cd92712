"""The plan import in a browser (issue 16): a legacy Word .doc and a scanned PDF (no text layer)
are uploaded through the page as a planner does, and each lands on the review with the header
read — the .doc through LibreOffice, the scan through OCR (with its warning). Both files are
made here from a corpus text (c02, Lạng Sơn 180/KH-UBND). Screenshots land in tmp_path."""

import shutil
import subprocess
from datetime import date
from io import StringIO

import pytest

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in
from tests.planimport.corpus_keys import corpus_text
from tests.planimport.django.test_ocr_django import scanned_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("ocrmypdf") and shutil.which("pdftoppm")),
        reason="LibreOffice / ocrmypdf / poppler-utils are installed by `make install`",
    ),
]


@pytest.fixture
def demo_accounts(transactional_db):
    from directory import demo
    from directory.units import units_load

    units_load()
    demo.load(stdout=StringIO(), today=date(2026, 11, 25))


def _files(tmp_path):
    text = corpus_text("c02")
    source = tmp_path / "ke-hoach-180.txt"
    source.write_text(text, encoding="utf-8")
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    scan = tmp_path / "ke-hoach-180-ban-quet.pdf"
    scan.write_bytes(scanned_pdf(tmp_path, text))
    return {"doc": tmp_path / "ke-hoach-180.doc", "scan": scan}


def test_a_doc_and_a_scan_reach_the_review_in_the_browser(live_server, demo_accounts, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    files = _files(tmp_path)
    seen = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
            page = context.new_page()
            page.set_default_timeout(120_000)
            log_in(page, live_server.url, "quangngai", "coopplan-demo")
            for kind, path in files.items():
                page.goto(f"{live_server.url}/plans/import/")
                page.set_input_files("input[name=file]", str(path))
                page.click("#upload-submit")
                page.wait_for_selector("#plan-form")  # the review (eager Celery: read before the redirect)
                page.screenshot(path=str(tmp_path / f"review-{kind}.png"), full_page=False)
                seen[kind] = {
                    "number": page.input_value("#plan-form input[name='number']"),
                    "warnings": page.locator("div.alert-warning").all_inner_texts(),
                }
        finally:
            browser.close()
    print(tmp_path, seen)
    assert seen["doc"]["number"] == "180" and seen["scan"]["number"] == "180"
    assert any("bản quét (OCR, 2 trang)" in w for w in seen["scan"]["warnings"])
    assert not any("OCR" in w for w in seen["doc"]["warnings"])
