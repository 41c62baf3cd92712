"""In a real browser: a leader opens the dashboard of a small province with known answers.

The data set is the dashboards' hand-made one (tests/dashboards/conftest.py: province with
districts A and B, one plan 2024–2025, quarterly reports, a small registry; known answers on
01/10/2025). Playwright drives Debian's chromium (never a downloaded browser) against
pytest-django's live server; skipped only when /usr/bin/chromium is absent.
"""


import pytest

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in
from tests.e2e_dashboards.conftest import PASSWORD, TODAY

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]



def _kpi(page, heading: str) -> str:
    """The big number of the key-figure card titled ``heading``."""
    card = page.locator(".kpi-card", has=page.locator("h2", has_text=heading))
    return card.locator(".display-6").inner_text().strip()


def test_leader_sees_key_figures_drill_down_and_charts(
    transactional_db,
    live_server,
    world,  # noqa: F811
    leader,
    province,
    frozen_today,
    monkeypatch,
    tmp_path,
):
    from tests.directory.factories import DistrictFactory

    # Two units without data (one current, one before 07/2025): they go to the collapsed groups.
    DistrictFactory(name="Huyện Trống", parent=province)
    DistrictFactory(name="Huyện Cũ", parent=province, valid_to=TODAY.replace(month=6, day=30))
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop here
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            log_in(page, live_server.url, leader.username, PASSWORD)

            page.goto(f"{live_server.url}/dashboards/?year=2025")
            assert page.locator("h1").inner_text().strip() == "Bảng điều hành"
            # Known answers (conftest): 1 active plan, 3 targets, 6 reports due (2 missing),
            # budget 35 of 125 million spent = 28,0 % (the 50 million line without a year is spread over
            # the plan's two years: 25 million in 2025; docs/dashboards.md).
            assert _kpi(page, "Kế hoạch đang thực hiện") == "1"
            assert _kpi(page, "Chỉ tiêu") == "3"
            assert _kpi(page, "Báo cáo đến hạn") == "6"
            assert _kpi(page, "Kinh phí đã sử dụng") == "28,0%"
            assert page.locator("[data-kpi=active_plans]").inner_text() == "1"
            # Drill-down: B (a late report) before A; the empty units collapsed, one group each.
            rows = page.locator("table.drill-table[data-group=current] tbody tr th a")
            assert rows.all_inner_texts() == ["huyện Ba Tơ", "huyện Sơn Hà"]
            current_rest = page.locator("details.units-without-data[data-group=current]")
            assert "1 đơn vị khác không có số liệu" in current_rest.locator("summary").inner_text()
            assert not current_rest.locator("a", has_text="Huyện Trống").is_visible()
            current_rest.locator("summary").click()
            assert current_rest.locator("a", has_text="Huyện Trống").is_visible()
            assert page.locator("h3", has_text="Đơn vị trước 01/07/2025").count() == 1
            page.screenshot(path=str(tmp_path / "dashboard-home.png"), full_page=True)

            # The drill-down link keeps the year and opens the district's figures.
            page.locator("table.drill-table a", has_text="huyện Sơn Hà").click()
            page.wait_for_load_state()
            assert "year=2025" in page.url and "unit=" in page.url
            assert _kpi(page, "Báo cáo đến hạn") == "3"

            page.goto(f"{live_server.url}/dashboards/registry/?year=2025")
            page.wait_for_function("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]'))")
            drawn = page.evaluate(
                """() => [...document.querySelectorAll('canvas[data-chart]')].map(c => {
                    const chart = Chart.getChart(c);
                    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                    let ink = 0;
                    for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) { ink++; } }
                    return {name: c.dataset.chart, chart: !!chart, width: c.width, ink: ink};
                })"""
            )
            assert drawn and all(d["chart"] and d["width"] > 100 and d["ink"] > 500 for d in drawn), drawn
            page.screenshot(path=str(tmp_path / "dashboard-registry.png"), full_page=True)
            assert (tmp_path / "dashboard-home.png").stat().st_size > 10_000
            assert errors == []
        finally:
            browser.close()
