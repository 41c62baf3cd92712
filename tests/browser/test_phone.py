"""On a 390 px phone no list or form page is wider than the screen (issue 18).

Playwright drives Debian's chromium (/usr/bin/chromium; never a downloaded browser). Each
page's screenshot lands in the test's tmp_path. The check is the one a phone user feels:
``document.documentElement.scrollWidth <= clientWidth`` (nothing pushed off-screen sideways).
"""

from datetime import date
from io import StringIO

import pytest
from django.urls import reverse

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]

TODAY = date(2026, 11, 25)
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(transactional_db):
    """Directory and plan demo data, and the reports of seed plan 001 generated."""
    from directory import demo as directory_demo
    from directory.units import units_load
    from plans import demo as plans_demo
    from reports import services

    units_load()
    out = StringIO()
    directory_demo.load(stdout=out, today=TODAY)
    plans_demo.load(stdout=out, today=TODAY)
    plan = plans_demo.seed_plan("001")
    services.obligations_generate(plan=plan, acting_user=None)
    return plan


def _pages(plan):
    from reports.models import Obligation

    ob = Obligation.objects.filter(period__requirement__plan=plan, kind="submission").order_by("pk").first()
    return {
        "planner": ("ngochoi", [
            ("home", "/"),
            ("plan_list_planner", reverse("plans:plan_list")),
            ("report_list_planner", reverse("reports:obligation_list")),
        ]),
        "admin": ("admin", [
            ("plan_list", reverse("plans:plan_list")),
            ("plan_detail", reverse("plans:plan_detail", args=[plan.pk])),
            ("plan_form", reverse("plans:plan_update", args=[plan.pk])),
            ("plan_create", reverse("plans:plan_create")),
            ("report_list", reverse("reports:obligation_list")),
            ("review_list", reverse("reports:review_list")),
            ("notifications", reverse("reports:notification_list")),
            ("registry", reverse("cooperatives:organisation_list")),
            ("report_detail", reverse("reports:obligation_detail", args=[ob.pk])),
            ("report_form", reverse("reports:obligation_edit", args=[ob.pk])),
        ]),
    }


# The page's width, the screen's, and the widest list/form table (a .table-stack table must
# stack into cards, or fit, instead of scrolling sideways inside its box).
WIDTHS = """() => ({
  page: document.documentElement.scrollWidth,
  screen: document.documentElement.clientWidth,
  widest_table: Math.max(0, ...Array.from(document.querySelectorAll("main table"))
    .map(t => Math.ceil(t.getBoundingClientRect().right))),
})"""
OFFSCREEN_INPUTS = """() => Array.from(document.querySelectorAll("main form input:not([type=hidden]), main form textarea, main form select"))
  .filter(el => el.offsetParent !== null)
  .map(el => [el.name, Math.ceil(el.getBoundingClientRect().right)])
  .filter(([, right]) => right > document.documentElement.clientWidth)"""


# Table cells (and list items) that start with an ellipsis or a dash, or hold a dash left
# dangling before an ellipsis: a title cut badly, or a draft's "…" reference leading it.
BAD_CUTS = """() => Array.from(document.querySelectorAll("main td, main li"))
  .map(el => el.innerText.trim())
  .filter(t => /^[…–—-]/.test(t) || /[–—-]\\s*…/.test(t) || /…\\s*[–—-]/.test(t))"""
LISTS_WITH_PLAN_TITLES = {"report_list_planner", "report_list", "review_list"}


# The plan page shows the plan's own wide tables (targets by year) in a sideways-scrolling box;
# the page itself must still fit. Lists and forms must not scroll sideways at all.
SCROLLING_TABLES_ALLOWED = {"plan_detail"}


def test_no_horizontal_overflow_at_390px(live_server, demo, tmp_path, monkeypatch):
    """Every main list and form page fits a 390 px wide phone screen."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    pages = _pages(demo)
    too_wide = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for _role, (username, urls) in pages.items():
                context = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=1)
                page = context.new_page()
                log_in(page, live_server.url, username, "coopplan-demo")
                for name, url in urls:
                    response = page.goto(f"{live_server.url}{url}")
                    assert response.status == 200, (name, url, response.status)
                    widths = page.evaluate(WIDTHS)
                    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
                    table_counts = name not in SCROLLING_TABLES_ALLOWED
                    if widths["page"] > widths["screen"] or (table_counts and widths["widest_table"] > widths["screen"]):
                        too_wide[name] = widths
                    if name in LISTS_WITH_PLAN_TITLES:
                        # plan titles read "…/KH-UBND – Củng cố…" before: a draft's reference led them
                        if name != "review_list":  # the admin may have nothing to review
                            assert page.locator("main td").count() > 1, name
                        assert page.evaluate(BAD_CUTS) == [], (name, page.evaluate(BAD_CUTS))
                    if name == "report_form":
                        # "Ghi chú" and "Gợi ý" of every target row are on screen, not scrolled away.
                        offscreen = page.evaluate(OFFSCREEN_INPUTS)
                        assert offscreen == [], offscreen
                context.close()
        finally:
            browser.close()
    print("screenshots in", tmp_path)
    assert not too_wide, too_wide


HOME_USERS = {
    "admin": "admin",
    "planner": "ngochoi",
    "planner_alliance": "quangngai",
    "reporter": "sonha",
    "leader": "lanhdao",
    "clerk": "vanthu",
}
# Every visible badge on the page: its height against two lines of its own text (line height
# from its computed style, plus its vertical padding and border), and its text.
TALL_BADGES = """() => Array.from(document.querySelectorAll("main .badge"))
  .filter(b => b.offsetParent !== null)
  .map(b => {
    const s = getComputedStyle(b);
    const fs = parseFloat(s.fontSize);
    const lh = s.lineHeight === "normal" ? fs * 1.25 : parseFloat(s.lineHeight);
    const box = parseFloat(s.paddingTop) + parseFloat(s.paddingBottom) + parseFloat(s.borderTopWidth) + parseFloat(s.borderBottomWidth);
    const h = b.getBoundingClientRect().height;
    return {text: b.textContent.trim().slice(0, 60), height: Math.round(h), limit: Math.round(2 * lh + box + 1)};
  })
  .filter(b => b.height > b.limit)"""


def test_home_badges_at_390px(live_server, demo, tmp_path, monkeypatch):
    """On a 390 px phone every role's home page fits the screen and no badge grows taller than
    two lines of text (badges wrapped word by word into tall blocks before)."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    tall, too_wide, counted = {}, {}, {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for role, username in HOME_USERS.items():
                context = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=1)
                page = context.new_page()
                log_in(page, live_server.url, username, "coopplan-demo")
                widths = page.evaluate(WIDTHS)
                page.screenshot(path=str(tmp_path / f"home_{role}.png"), full_page=True)
                counted[role] = page.locator("main .badge").count()
                if widths["page"] > widths["screen"]:
                    too_wide[role] = widths
                found = page.evaluate(TALL_BADGES)
                if found:
                    tall[role] = found
                context.close()
        finally:
            browser.close()
    print("screenshots in", tmp_path, "badges per home page:", counted)
    assert sum(counted.values()) > 0, "the demo home pages show no badge: the check would test nothing"
    assert not too_wide, too_wide
    assert not tall, tall
