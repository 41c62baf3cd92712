"""A real browser logs in as the demo planner ``quangngai`` and sees the home page.

Playwright drives Debian's chromium (/usr/bin/chromium, installed by the project's install
step); it never downloads a browser. The screenshot lands in the test's tmp_path.
"""

from datetime import date
from io import StringIO

import pytest

from tests.browser_support import CHROMIUM, LAUNCH_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]


@pytest.fixture
def demo_accounts(transactional_db):
    """The directory part of the demo data (units, agencies, accounts) in the live server's database."""
    from directory import demo
    from directory.units import units_load

    units_load()
    demo.load(stdout=StringIO(), today=date(2026, 11, 25))


def test_planner_logs_in_and_sees_home(live_server, demo_accounts, tmp_path, monkeypatch):
    """quangngai logs in through the form and lands on a Vietnamese home page with their agency."""
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures are done.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
            page.goto(f"{live_server.url}/")
            assert "/accounts/login/" in page.url
            page.fill("input[name=username]", "quangngai")
            page.fill("input[name=password]", "coopplan-demo")
            page.click("main button[type=submit]")
            page.wait_for_url(f"{live_server.url}/")
            heading = page.locator("h1").first.inner_text()
            assert "Xin chào" in heading and "Nguyễn Thị Thu Hà" in heading
            body = page.locator("body").inner_text()
            assert "Liên minh Hợp tác xã tỉnh Quảng Ngãi" in body
            assert "Cán bộ kế hoạch" in body
            shot = tmp_path / "home-quangngai.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
