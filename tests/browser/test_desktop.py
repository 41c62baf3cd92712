"""At 1366 px (the common office laptop) the menu stays on one row for every role, and the
language button never wraps (issue 18). Screenshots land in tmp_path."""

from datetime import date
from io import StringIO

import pytest

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]

# The navbar's own row height at 1366 px is about 56 px; two rows are over 90.
ONE_ROW = 70
MEASURE = """() => {
  const nav = document.querySelector("nav.navbar");
  const lang = document.querySelector("form[action$='/i18n/setlang/'] button, nav form button[name=language]");
  const lineHeight = lang ? parseFloat(getComputedStyle(lang).lineHeight) || 20 : 0;
  return {nav: Math.round(nav.getBoundingClientRect().height),
          lang: lang ? Math.round(lang.getBoundingClientRect().height) : 0, lineHeight,
          page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth};
}"""


@pytest.fixture
def demo_accounts(transactional_db):
    from directory import demo
    from directory.units import units_load

    units_load()
    demo.load(stdout=StringIO(), today=date(2026, 11, 25))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_menu_on_one_row_at_1366(live_server, demo_accounts, tmp_path, monkeypatch, language):
    """Planner, leader and administrator: one menu row; "Tiếng Việt"/"English" on one line."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    found = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for username in ("quangngai", "lanhdao", "sotaichinh", "admin"):
                context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
                page = context.new_page()
                log_in(page, live_server.url, username, "coopplan-demo")
                if language == "en":
                    page.click("nav button[name=language]")
                    page.wait_for_load_state()
                found[username] = page.evaluate(MEASURE)
                page.screenshot(path=str(tmp_path / f"{username}-{language}.png"))
                context.close()
        finally:
            browser.close()
    print(tmp_path, found)
    bad = {u: m for u, m in found.items() if m["nav"] > ONE_ROW or m["lang"] > 2 * m["lineHeight"] or m["page"] > m["screen"]}
    assert not bad, bad
