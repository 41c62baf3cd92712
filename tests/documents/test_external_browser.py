"""In a real browser (Debian's chromium through Playwright): the clerk registers a PDF signed
outside the portal from the plan page, then the verification page recognises the file (issue 13).
Screenshots land in the test's tmp_path (COOPPLAN_SHOTS copies them to a folder to look at)."""

import os
import shutil

import pytest
from django.utils import timezone

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, fill_date, log_in
from tests.directory.factories import UserFactory
from tests.documents.test_external import token_signed_pdf

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]

PASSWORD = "vanthu-Thu-nghiem-2026"


def test_clerk_registers_a_document_signed_elsewhere(live_server, plan, demo_keys, tmp_path, monkeypatch):
    type(plan).objects.filter(pk=plan.pk).update(status="draft", number=None, issue_date=None)
    clerk = UserFactory(username="vanthu_tn", agency=plan.issuer, is_clerk=True, full_name="Văn Thư Thử")
    clerk.set_password(PASSWORD)
    clerk.save()
    data = token_signed_pdf(name="Nguyễn Văn Token")
    plan_url = plan.get_absolute_url()
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    shots = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
            log_in(page, live_server.url, "vanthu_tn", PASSWORD)
            page.goto(f"{live_server.url}{plan_url}")
            page.get_by_role("link", name="Vào sổ văn bản đã ký ngoài cổng").click()
            page.wait_for_selector("form[data-external-form]")
            page.set_input_files("input[name=document]", files=[{"name": "ky-bang-token.pdf", "mimeType": "application/pdf", "buffer": data}])
            page.fill("input[name=number]", "12")
            page.fill("input[name=symbol]", "KH-LMHTX")
            fill_date(page, "issue_date", timezone.localdate().strftime("%d/%m/%Y"))
            shots.append(tmp_path / "external-form.png")
            page.screenshot(path=str(shots[-1]), full_page=True)
            page.click("form[data-external-form] button[type=submit]")
            page.wait_for_url(f"{live_server.url}{plan_url}")
            body = page.locator("body").inner_text()
            assert "Đã vào sổ với số 12/KH-LMHTX" in body
            assert "Nguyễn Văn Token" in body
            shots.append(tmp_path / "external-registered.png")
            page.screenshot(path=str(shots[-1]), full_page=True)
            page.goto(f"{live_server.url}/documents/verify/")
            page.set_input_files("input[name=document]", files=[{"name": "ky-bang-token.pdf", "mimeType": "application/pdf", "buffer": data}])
            page.locator("main form button[type=submit]").click()
            page.wait_for_selector("[data-verdict]")
            assert page.get_attribute("[data-verdict]", "data-verdict") == "green"
            assert "được ký ngoài cổng" in page.locator("[data-external]").inner_text()
            shots.append(tmp_path / "external-verified.png")
            page.screenshot(path=str(shots[-1]), full_page=True)
        finally:
            browser.close()
    target = os.environ.get("COOPPLAN_SHOTS")
    if target:
        for shot in shots:
            shutil.copy(shot, target)
    assert all(shot.stat().st_size > 10_000 for shot in shots)
