"""In a real browser: "Add a row" on the plan form keeps what was typed, and the plan saves.

Playwright drives Debian's chromium (never downloads a browser); skipped without it.
"""

from decimal import Decimal

import pytest

from plans.models import Plan
from tests.browser_support import CHROMIUM, LAUNCH_ARGS, fill_date, log_in, open_and_type, pick

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def test_add_rows_without_losing_input(transactional_db, live_server, planner, monkeypatch):
    """Two target rows added one after the other: the first keeps its values; an error keeps both; the fix saves."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop here
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
            log_in(page, live_server.url, planner.username, "pw-test-123")
            page.goto(f"{live_server.url}/plans/new/")
            assert page.input_value("select[name=issuer]") == str(planner.agency.pk)  # the planner's own agency
            page.fill("textarea[name=title]", "Kế hoạch thử thêm dòng")
            fill_date(page, "period_start", "01/01/2026")
            fill_date(page, "period_end", "31/12/2026")
            add = page.locator("#part-targets [data-formset-add]")
            add.click()
            page.fill("textarea[name=targets-0-description]", "HTX thành lập mới")
            page.fill("input[name=targets-0-unit]", "HTX")
            page.fill("input[name=targets-0-value]", "5")
            page.fill("input[name=targets-0-milestone_year]", "2026")
            add.click()
            assert page.input_value("textarea[name=targets-0-description]") == "HTX thành lập mới"
            assert page.input_value("input[name=targets-TOTAL_FORMS]") == "2"
            page.fill("textarea[name=targets-1-description]", "Thành viên mới")
            page.fill("input[name=targets-1-unit]", "người")
            page.select_option("select[name=targets-1-comparator]", "range")
            page.fill("input[name=targets-1-value]", "5")
            page.fill("input[name=targets-1-value_max]", "1")
            page.fill("input[name=targets-1-milestone_year]", "2026")
            page.click("#plan-form button[type=submit]")
            page.wait_for_load_state()
            assert "/plans/new/" in page.url
            assert page.locator("text=Giá trị trên phải lớn hơn hoặc bằng giá trị dưới.").count() == 1
            assert page.input_value("textarea[name=targets-0-description]") == "HTX thành lập mới"
            page.fill("input[name=targets-1-value_max]", "5,5")
            page.click("#plan-form button[type=submit]")
            page.wait_for_url(f"{live_server.url}/plans/*/")
        finally:
            browser.close()
    plan = Plan.objects.get()
    assert [(t.description, t.value_max) for t in plan.targets.all()] == [("HTX thành lập mới", None), ("Thành viên mới", Decimal("5.5"))]


def test_pick_an_agency_by_typing_on_a_phone(transactional_db, live_server, planner, agency_a, agency_b, monkeypatch):
    """Issue 17: on a 390 px phone the planner types "son ha" (no accents) in a new task's lead agency,
    picks the agency the server offers, and the plan saves with it; no Content-Security-Policy violation."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True, has_touch=True)
            problems = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            log_in(page, live_server.url, planner.username, "pw-test-123")
            page.goto(f"{live_server.url}/plans/new/")
            page.fill("textarea[name=title]", "Kế hoạch thử chọn cơ quan")
            fill_date(page, "period_start", "01/01/2026")
            fill_date(page, "period_end", "31/12/2026")
            page.locator("#part-tasks [data-formset-add]").click()
            page.fill("input[name=tasks-0-number]", "1")
            page.fill("textarea[name=tasks-0-text]", "Tuyên truyền")
            wrapper = open_and_type(page, "tasks-0-lead_agency", "khong co ai")
            search = wrapper.locator(".dropdown-input")
            assert search.get_attribute("placeholder") == "Gõ để tìm…"
            assert wrapper.locator(".ts-dropdown .no-results").inner_text() == "Không tìm thấy"
            search.fill("")
            search.press_sequentially("son ha")
            option = wrapper.locator(f".ts-dropdown .option[data-value='{agency_a.pk}']")
            option.wait_for()
            assert wrapper.locator(".ts-dropdown .option").count() == 1  # Ba Tơ's office is not offered
            box = wrapper.locator(".ts-dropdown").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # the list fits the phone's width
            option.click()
            assert page.input_value("select[name=tasks-0-lead_agency]") == str(agency_a.pk)
            pick(page, "tasks-0-coordinating_agencies", agency_b.pk, "ba to")
            page.click("#plan-form button[type=submit]")
            page.wait_for_url(f"{live_server.url}/plans/*/")
            assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
        finally:
            browser.close()
    task = Plan.objects.get().tasks.get()
    assert task.lead_agency == agency_a and list(task.coordinating_agencies.all()) == [agency_b]
