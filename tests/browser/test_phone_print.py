"""The lists and dashboards a civil servant prints or opens on a phone (docs/daily-use.md,
"Phones and print").

At 390 px every button, the menu's toggle and bell, the pager's links and the filter selects
are tap targets of at least 44 × 44 px (buttons were 31 px, the bell 16 × 24), the
dashboards' tabs do not wrap into broken rows, and the registry charts' legends stay inside
their canvas (one was cut: "… (triệu đồng, trụ"). Printed (print media, the width of an A4 sheet
inside print.css's margins) the menu, footer, filters and buttons are gone, no table is wider
than the sheet or cut by a box scrolling sideways (the drill-down's last columns fell off the
page), and status badges keep their colours without the dialog's "background graphics".

Playwright drives Debian's chromium (/usr/bin/chromium; never a downloaded browser).
"""

import pytest
from django.urls import reverse

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, PHONE, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]

# A4 (210 mm) less print.css's 20 + 15 mm margins, at 96 px per inch.
SHEET = {"width": round((210 - 35) / 25.4 * 96), "height": 1000}

# Tap targets under 44 px, as "text widthxheight" (visible ones only).
SMALL_TARGETS = """() => Array.from(document.querySelectorAll(
    ".btn, .navbar-toggler, .navbar .nav-link, .navbar-brand, .page-link, main .form-select, main .ts-control, "
    + "main .form-control:not(textarea)"))
  .filter(el => el.offsetParent !== null && !el.matches(".ts-hidden-accessible, .ts-control .form-control"))
  .map(el => { const r = el.getBoundingClientRect();
    return [(el.innerText || el.getAttribute("aria-label") || el.name || el.className).trim().slice(0, 40),
            Math.round(r.width), Math.round(r.height)]; })
  .filter(([, w, h]) => w < 43.5 || h < 43.5)
  .map(([t, w, h]) => `${t} ${w}x${h}`)"""
# The dashboards' tabs: the rows they take (pills wrap; a tab is never cut by its row).
TAB_ROWS = """() => new Set(Array.from(document.querySelectorAll(".nav-tabs .nav-link"))
  .map(a => Math.round(a.getBoundingClientRect().top))).size"""
# Chart legends drawn past their canvas (Chart.js writes a label on one line and cuts it).
LEGENDS_CUT = """() => Array.from(document.querySelectorAll("canvas[data-chart]"))
  .map(c => window.Chart && window.Chart.getChart(c)).filter(Boolean)
  .flatMap(chart => chart.legend.legendItems.map((item, i) => {
    const box = chart.legend.legendHitBoxes[i];  // Chart.js's own measure of the drawn label
    return {text: item.text, left: Math.round(box.left), right: Math.round(box.left + box.width), canvas: chart.width};
  }))
  .filter(l => l.left < 0 || l.right > l.canvas)"""
# In print: chrome left visible; tables wider than the sheet or cut by a clipping ancestor.
PRINT_PROBLEMS = """() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const sheet = document.documentElement.clientWidth;
  const chrome = Array.from(document.querySelectorAll("nav, footer, .btn, main form, .pagination, .navbar"))
    .filter(shown).map(el => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")}`);
  const tables = [];
  for (const t of document.querySelectorAll("main table")) {
    if (!shown(t)) continue;
    const r = t.getBoundingClientRect();
    if (r.right > sheet + 0.5) tables.push(`table ${Math.round(r.right)}px > sheet ${sheet}px`);
    for (let p = t.parentElement; p && p !== document.body; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if (ox !== "visible" && t.scrollWidth > p.clientWidth + 0.5) {
        tables.push(`table ${t.scrollWidth}px cut by ${p.tagName.toLowerCase()}.${Array.from(p.classList).join(".")} ${p.clientWidth}px`);
      }
    }
  }
  const faded = Array.from(document.querySelectorAll("main .badge")).filter(shown)
    .filter(b => getComputedStyle(b).printColorAdjust !== "exact").length;
  return {chrome, tables, page: document.documentElement.scrollWidth, sheet, faded_badges: faded};
}"""


def _pages(plan):
    from reports.models import Obligation

    ob = Obligation.objects.filter(period__requirement__plan=plan, kind="submission").order_by("pk").first()
    return {
        "admin": [
            ("plan_list", reverse("plans:plan_list")),
            ("report_list", reverse("reports:obligation_list")),
            ("registry_list", reverse("cooperatives:organisation_list")),
            ("plan_detail", reverse("plans:plan_detail", args=[plan.pk])),
            ("report_form", reverse("reports:obligation_edit", args=[ob.pk])),
            ("plan_import", reverse("planimport:upload")),
        ],
        "lanhdao": [
            ("home", reverse("home")),
            ("dashboard", reverse("dashboards:home")),
            ("dashboard_targets", reverse("dashboards:targets")),
            ("dashboard_plan_progress", reverse("dashboards:plan_progress", args=[plan.pk])),
            ("dashboard_compliance", reverse("dashboards:compliance")),
            ("dashboard_registry", reverse("dashboards:registry")),
            ("dashboard_budget", reverse("dashboards:budget")),
            ("dashboard_reports", reverse("dashboards:obligations")),
        ],
    }


def test_phone_tap_targets_and_printed_lists(live_server, registry_demo, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    pages = _pages(registry_demo)
    small, tabs, printed, legends, opened = {}, {}, {}, {}, 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for username, urls in pages.items():
                context = browser.new_context(viewport=PHONE, locale="vi-VN", device_scale_factor=1)
                page = context.new_page()
                log_in(page, live_server.url, username, "coopplan-demo")
                for name, url in urls:
                    page.set_viewport_size(PHONE)
                    page.emulate_media(media="screen")
                    response = page.goto(f"{live_server.url}{url}")
                    assert response.status == 200, (name, url, response.status)
                    opened += 1
                    found = page.evaluate(SMALL_TARGETS)
                    if found:
                        small[name] = found
                    if name == "dashboard_registry":
                        assert page.locator("canvas[data-chart]").count() >= 4
                        cut = page.evaluate(LEGENDS_CUT)
                        if cut:
                            legends[name] = cut
                    if name.startswith("dashboard"):
                        # six tabs and the export buttons: pills on at most three rows
                        rows = page.evaluate(TAB_ROWS)
                        if not 1 <= rows <= 3:
                            tabs[name] = rows
                    page.screenshot(path=str(tmp_path / f"{name}_phone.png"), full_page=True)
                    page.set_viewport_size(SHEET)
                    page.emulate_media(media="print")
                    problems = page.evaluate(PRINT_PROBLEMS)
                    if problems["chrome"] or problems["tables"] or problems["page"] > problems["sheet"] or problems["faded_badges"]:
                        printed[name] = problems
                    page.pdf(path=str(tmp_path / f"{name}.pdf"), format="A4")
                context.close()
        finally:
            browser.close()
    print("screenshots and PDFs in", tmp_path)
    assert opened == sum(len(urls) for urls in pages.values())
    assert not (small or tabs or printed or legends), "\n".join(
        [f"small {name}: {found}" for name, found in small.items()]
        + [f"tab rows {name}: {rows}" for name, rows in tabs.items()]
        + [f"printed {name}: {p}" for name, p in printed.items()]
        + [f"legend cut {name}: {cut}" for name, cut in legends.items()]
    )
