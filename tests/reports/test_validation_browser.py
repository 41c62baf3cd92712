"""The flags in a browser (issue 15): on a 390 px phone and a desktop screen, the flag's
message and the explanation box sit beside the value on the form and fit the screen; the
report page opens with the box of flagged values above the fold.

Playwright drives Debian's chromium (/usr/bin/chromium; never a downloaded browser);
screenshots land in the test's tmp_path."""

import pytest
from django.urls import reverse

from reports import services
from reports.models import Obligation
from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in
from tests.reports.factories import full_data

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]

SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
FITS = """(sel) => {
  const el = document.querySelector(sel);
  const r = el.getBoundingClientRect();
  return {right: Math.ceil(r.right), top: Math.floor(r.top + window.scrollY), visible: el.offsetParent !== null,
          screen: document.documentElement.clientWidth, page: document.documentElement.scrollWidth};
}"""


def test_flags_on_form_and_report_page(transactional_db, live_server, cycle, reporter_a, planner, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    ob = cycle["ob_a"]
    services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle, value="10"))
    services.obligation_submit(obligation=ob, acting_user=reporter_a)
    services.obligation_approve(obligation=ob, acting_user=planner)
    q2 = Obligation.objects.get(period__label="Quý II/2024", agency=ob.agency, kind=ob.kind)
    data = full_data(cycle, value="16")
    services.obligation_save_draft(obligation=q2, acting_user=reporter_a, version=0, data=data)
    t = cycle["t_sum"].pk
    for user in (reporter_a, planner):
        user.set_password("coopplan-test")
        user.save()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for screen, viewport in SCREENS.items():
                context = browser.new_context(viewport=viewport, locale="vi-VN", device_scale_factor=1)
                page = context.new_page()
                log_in(page, live_server.url, reporter_a.username, "coopplan-test")
                assert page.goto(f"{live_server.url}{reverse('reports:obligation_edit', args=[q2.pk])}").status == 200
                page.screenshot(path=str(tmp_path / f"form_{screen}.png"), full_page=True)
                flag = page.locator("[data-value-flags]").first
                assert "Tăng 60 % so với kỳ trước (10 → 16); ngưỡng 50 %" in flag.inner_text()
                box = page.evaluate(FITS, f"textarea[name=explain_{t}]")
                assert box["visible"] and box["right"] <= box["screen"] and box["page"] <= box["screen"], (screen, box)
                context.close()

                context = browser.new_context(viewport=viewport, locale="vi-VN", device_scale_factor=1)
                page = context.new_page()
                log_in(page, live_server.url, reporter_a.username, "coopplan-test")
                page.goto(f"{live_server.url}{reverse('reports:obligation_detail', args=[q2.pk])}")
                page.screenshot(path=str(tmp_path / f"detail_{screen}.png"), full_page=True)
                top = page.evaluate(FITS, "#value-flags")
                assert top["visible"] and top["top"] < viewport["height"], (screen, top)  # seen first, above the fold
                assert top["page"] <= top["screen"], (screen, top)
                context.close()
        finally:
            browser.close()
    print("screenshots in", tmp_path)
