"""In Chromium, the plan page's agency selects offer the agencies alive in the plan's window, and
follow the header's dates as the user edits them (static/js/autocomplete.js sends them; issue 14)."""

import datetime

import pytest

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, fill_date, log_in, open_and_type

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]


def _offered(page, name: str, typed: str, until) -> set[str]:
    """The agencies the select offers for ``typed``, once ``until(offered)`` holds (polled up
    to 15 s: the box first shows the answer to a shorter prefix, and the answer to the whole
    word comes after the throttle, later on a loaded machine); the last answer otherwise."""
    wrapper = open_and_type(page, name, typed)
    values: set[str] = set()
    for _ in range(30):
        values = set(
            wrapper.locator(".ts-dropdown .option[data-value]").evaluate_all("els => els.map(e => e.dataset.value)")
        ) - {""}
        if until(values):
            break
        page.wait_for_timeout(500)
    page.keyboard.press("Escape")
    return values


def test_row_select_follows_the_header_dates(live_server, transactional_db, planner_a, agency_a, district_a, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    from tests.directory.factories import AgencyFactory
    from tests.plans.factories import PlanFactory, PlanTaskFactory

    new = AgencyFactory(name="Phòng Kinh tế xã Sơn Hà", kind="phong", unit=district_a, valid_from=datetime.date(2025, 7, 1))
    old = AgencyFactory(name="Phòng Nông nghiệp và Phát triển nông thôn huyện Sơn Hà", kind="phong", unit=district_a,
                        valid_to=datetime.date(2025, 6, 30), successor=new)
    plan = PlanFactory(issuer=agency_a, period_start=datetime.date(2026, 1, 1), period_end=datetime.date(2027, 12, 31))
    PlanTaskFactory(plan=plan, number="1", lead_agency=new)
    planner_a.set_password("pw-h14-test")
    planner_a.save()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN").new_page()
            log_in(page, live_server.url, planner_a.username, "pw-h14-test")
            page.goto(f"{live_server.url}/plans/{plan.pk}/edit/")
            offered = _offered(page, "tasks-0-lead_agency", "phong", lambda v: str(new.pk) in v)
            assert str(new.pk) in offered and str(old.pk) not in offered, offered
            # The planner moves the plan to 2024–2025: the office abolished on 30/06/2025 is offered.
            fill_date(page, "period_start", "01/01/2024")
            fill_date(page, "period_end", "31/12/2025")
            offered = _offered(page, "tasks-0-lead_agency", "phong", lambda v: {str(new.pk), str(old.pk)} <= v)
            assert {str(new.pk), str(old.pk)} <= offered, offered
        finally:
            browser.close()
