"""Dates are shown and typed as dd/mm/yyyy in a browser whose interface is English (issue 18):
Chromium with ``locale="en-US"`` showed a native date input as mm/dd/yyyy. At 1366 and 390 px,
on the registry's edit page (the portal in Vietnamese, as after "Tiếng Việt"): the saved
founding day reads dd/mm/yyyy, the calendar opens on the saved month and fits the screen,
picking a day puts dd/mm/yyyy in the box and saving stores that day; the keyboard picks a day
too; a wrong day typed stays as typed beside the Vietnamese message; and a row added to the
plan form gets its calendar. No Content-Security-Policy violation, no script error.

Playwright drives Debian's chromium (/usr/bin/chromium; never a downloaded browser).
Screenshots land in the test's tmp_path (COOPPLAN_SHOTS copies them to a folder to look at)."""

import datetime
import os
import re
import shutil

import pytest
from django.urls import reverse

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]

PASSWORD = "pw-date-test-1"
BAD_DATE_VI = "Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 25/03/2026."
CALENDAR = ".datepicker.active"


def _day(page, number: int):
    """The day ``number`` of the month the open calendar shows (not the greyed days around it)."""
    cells = page.locator(f"{CALENDAR} .datepicker-cell.day:not(.prev):not(.next)")
    return cells.filter(has_text=re.compile(rf"^{number}$"))


@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_a_date_box_shows_picks_and_saves_dd_mm_yyyy(
    live_server, transactional_db, planner_a, commune_a, width, height, tmp_path, monkeypatch
):
    from cooperatives.models import Organisation
    from tests.cooperatives.factories import OrganisationFactory

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    org = OrganisationFactory(commune=commune_a, founded=datetime.date(2019, 5, 2))
    planner_a.set_password(PASSWORD)
    planner_a.save()
    edit_url = f"{live_server.url}{reverse('cooperatives:organisation_update', args=[org.pk])}"
    phone = width < 500
    shots = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": width, "height": height}, locale="en-US", is_mobile=phone, has_touch=phone
            )
            # The portal in Vietnamese (the user chose "Tiếng Việt"); the browser stays English.
            context.add_cookies([{"name": "django_language", "value": "vi", "url": live_server.url}])
            page = context.new_page()
            problems = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            log_in(page, live_server.url, planner_a.username, PASSWORD)
            page.goto(edit_url)
            assert page.evaluate("navigator.language") == "en-US"
            box = page.locator("input[name=founded]")
            assert box.get_attribute("type") == "text" and box.input_value() == "02/05/2019"
            assert box.get_attribute("placeholder") == "dd/mm/yyyy" and box.get_attribute("inputmode") == "numeric"
            label = page.locator(f"label[for='{box.get_attribute('id')}']")
            assert label.count() == 1 and "Ngày thành lập" in label.inner_text()  # the label names the box

            # No calendar is built before a box takes the focus (a long plan has one box per row).
            assert page.locator(".datepicker").count() == 0
            # The calendar opens on the saved month, in Vietnamese, inside the screen.
            box.click()
            calendar = page.locator(CALENDAR)
            calendar.wait_for()
            assert "Tháng 5" in calendar.locator(".view-switch").inner_text()
            assert "2019" in calendar.locator(".view-switch").inner_text()
            frame = calendar.bounding_box()
            assert frame["x"] >= 0 and frame["x"] + frame["width"] <= width, frame
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            shots.append(tmp_path / f"calendar-{width}.png")
            page.screenshot(path=str(shots[-1]))

            # Picking the 15th: dd/mm/yyyy in the box, the calendar closes, saving stores it.
            _day(page, 15).click()
            assert box.input_value() == "15/05/2019"
            calendar.wait_for(state="hidden")
            page.click("main form button[type=submit]")
            page.wait_for_url(re.compile(r".*/registry/\d+/$"))
            org.refresh_from_db()
            assert org.founded == datetime.date(2019, 5, 15)

            # The keyboard: in the box, arrows move the day and Enter picks it (without sending the form).
            page.goto(edit_url)
            box = page.locator("input[name=founded]")
            assert box.input_value() == "15/05/2019"
            box.focus()
            page.locator(CALENDAR).wait_for()
            page.keyboard.press("ArrowRight")
            page.keyboard.press("ArrowDown")
            page.keyboard.press("Enter")
            assert box.input_value() == "23/05/2019"
            assert page.url == edit_url and not page.locator(CALENDAR).count()  # picked, the form not sent

            # A wrong day typed: kept as typed (not rolled over to 02/03/2020), the server's message.
            box.fill("")
            box.press_sequentially("31022020")  # a phone's keypad: the slashes come by themselves
            assert box.input_value() == "31/02/2020"
            page.keyboard.press("Tab")
            assert box.input_value() == "31/02/2020"
            page.click("main form button[type=submit]")
            page.wait_for_load_state()
            assert BAD_DATE_VI in page.locator("main").inner_text()
            box = page.locator("input[name=founded]")
            assert box.input_value() == "31/02/2020" and "is-invalid" in box.get_attribute("class")
            shots.append(tmp_path / f"wrong-day-{width}.png")
            page.screenshot(path=str(shots[-1]), full_page=True)
            org.refresh_from_db()
            assert org.founded == datetime.date(2019, 5, 15)
            # Fixed by typing the day with its slashes: saved.
            box.fill("")
            box.press_sequentially("1/7/2020")
            page.keyboard.press("Tab")
            assert box.input_value() == "01/07/2020"
            page.click("main form button[type=submit]")
            page.wait_for_url(re.compile(r".*/registry/\d+/$"))
            assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
            assert not problems, problems
        finally:
            browser.close()
    assert Organisation.objects.get(pk=org.pk).founded == datetime.date(2020, 7, 1)
    target = os.environ.get("COOPPLAN_SHOTS")
    if target:
        for shot in shots:
            shutil.copy(shot, target)


def test_a_row_added_to_the_plan_form_gets_its_calendar(live_server, transactional_db, planner_a, monkeypatch):
    """The legal basis row added with "Thêm dòng" (plans/formset.js) has a working date box."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    planner_a.set_password(PASSWORD)
    planner_a.save()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="en-US")
            log_in(page, live_server.url, planner_a.username, PASSWORD)
            page.goto(f"{live_server.url}{reverse('plans:plan_create')}")
            page.locator("#part-legal_bases [data-formset-add]").click()
            box = page.locator("input[name=legal_bases-0-date]")
            box.click()
            page.locator(CALENDAR).wait_for()
            _day(page, 10).click()
            assert re.fullmatch(r"10/\d\d/\d{4}", box.input_value()), box.input_value()
        finally:
            browser.close()
