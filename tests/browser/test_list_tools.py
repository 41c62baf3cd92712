"""The list tools in a browser (core.listtools, issue 18): a planner hides a column and it
stays hidden after a reload, at 1366 px and in the 390 px cards; saves the current filters
under a name and re-applies them from the menu; on a 390 px phone the open menus fit the
screen. Debian's chromium through Playwright; screenshots in tmp_path."""

import pytest
from django.urls import reverse

from tests.browser.test_phone import BLANK_CARD_LINES
from tests.browser_support import CHROMIUM, LAUNCH_ARGS, PHONE, TODAY, load_demo, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]

DESKTOP = {"width": 1366, "height": 768}
ISSUER = "Cơ quan ban hành"
# Column names the list renders: the headers at 1366 px, the cards' labels (data-label) at 390 px.
SHOWN = """() => ({
  headers: Array.from(document.querySelectorAll("main table thead th")).map(th => th.textContent.trim()),
  labels: Array.from(new Set(Array.from(document.querySelectorAll("main table tbody td[data-label]")).map(td => td.dataset.label))),
  page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth,
  menus: Array.from(document.querySelectorAll(".list-tools-menu.show")).map(m => Math.ceil(m.getBoundingClientRect().right)),
})"""


@pytest.fixture
def demo(transactional_db):
    load_demo(TODAY, reports_of=None)


def test_columns_and_saved_filters(live_server, demo, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    base = live_server.url
    plans_url = f"{base}{reverse('plans:plan_list')}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            context = browser.new_context(viewport=DESKTOP, locale="vi-VN")
            page = context.new_page()
            log_in(page, base, "quangngai", "coopplan-demo")
            page.goto(plans_url)
            assert ISSUER in page.evaluate(SHOWN)["headers"]

            # Hide "Cơ quan ban hành", 50 rows per page; saved, and still so after a reload.
            page.click("[data-list-columns-toggle]")
            menu = page.locator("[data-list-columns]")
            expect(menu).to_be_visible()
            menu.get_by_label(ISSUER).uncheck()
            menu.locator("select[name=page_size]").select_option("50")
            page.screenshot(path=str(tmp_path / "columns-menu-1366.png"))
            menu.locator("button[type=submit]").click()
            expect(page.locator(".alert")).to_contain_text("Đã lưu cách hiển thị danh sách.")
            page.reload()
            shown = page.evaluate(SHOWN)
            assert ISSUER not in shown["headers"] and "Trích yếu" in shown["headers"], shown
            page.click("[data-list-columns-toggle]")
            assert not page.locator("[data-list-columns]").get_by_label(ISSUER).is_checked()
            assert page.locator("[data-list-columns] select[name=page_size]").input_value() == "50"
            page.keyboard.press("Escape")

            # Filter by status, save it under a name, leave, re-apply it from the menu.
            page.select_option("main form[role=search] select[name=status]", "issued")
            page.click("main form[role=search] button[type=submit]")
            page.wait_for_url("**status=issued**")
            page.click("[data-saved-filters-toggle]")
            saved_menu = page.locator("[data-saved-filters]")
            saved_menu.locator("input[name=name]").fill("Đã ban hành")
            saved_menu.locator("button[type=submit]").click()
            expect(page.locator(".alert")).to_contain_text("Đã lưu bộ lọc “Đã ban hành”.")
            page.goto(plans_url)
            assert page.locator("main form[role=search] select[name=status]").input_value() == ""
            page.click("[data-saved-filters-toggle]")
            page.locator("[data-saved-filters] a", has_text="Đã ban hành").click()
            page.wait_for_url("**status=issued**")
            assert page.locator("main form[role=search] select[name=status]").input_value() == "issued"
            page.screenshot(path=str(tmp_path / "plans-1366.png"), full_page=True)
            context.close()

            # The phone: the same user's choice holds in the cards; open menus fit the screen.
            context = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=1)
            page = context.new_page()
            log_in(page, base, "quangngai", "coopplan-demo")
            page.goto(plans_url)
            shown = page.evaluate(SHOWN)
            assert shown["labels"] and ISSUER not in shown["labels"] and "Trích yếu" in shown["labels"], shown
            assert shown["page"] <= shown["screen"], shown
            # A draft's card: "Ngày ban hành" then "—", never the name with nothing after it.
            assert page.evaluate(BLANK_CARD_LINES) == [], page.evaluate(BLANK_CARD_LINES)
            issue_dates = page.locator("main table tbody td[data-label='Ngày ban hành']").all_inner_texts()
            assert "—" in [t.strip() for t in issue_dates], issue_dates
            page.screenshot(path=str(tmp_path / "plans-390.png"), full_page=True)
            for toggle in ("[data-list-columns-toggle]", "[data-saved-filters-toggle]"):
                page.click(toggle)
                expect(page.locator(".list-tools-menu.show")).to_be_visible()
                shown = page.evaluate(SHOWN)
                assert shown["page"] <= shown["screen"] and max(shown["menus"]) <= shown["screen"], (toggle, shown)
                page.screenshot(path=str(tmp_path / f"menu-390-{toggle.strip('[]')}.png"))
                page.keyboard.press("Escape")
            context.close()
        finally:
            browser.close()
