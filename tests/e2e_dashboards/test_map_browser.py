"""In a real browser: a leader opens the commune map on a laptop (1366 px) and a phone (390 px).

The data set is the dashboards' hand-made one (tests/dashboards/conftest.py) with coordinates
given to commune A (3 organisations) and to two empty communes; commune B (1 organisation)
has none. Playwright drives Debian's chromium against pytest-django's live server; the
screenshots go to ``tmp_path``.
"""

import pytest

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in
from tests.e2e_dashboards.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]



@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)])
def test_leader_sees_the_commune_map(
    transactional_db,
    live_server,
    world,  # noqa: F811
    leader,
    commune_a,
    commune_b,
    frozen_today,
    monkeypatch,
    tmp_path,
    width,
    height,
):
    from tests.directory.factories import CommuneFactory

    commune_a.latitude, commune_a.longitude = 14.98, 108.62
    commune_a.save(update_fields=["latitude", "longitude"])
    CommuneFactory(name="Sơn Bao", parent=commune_a.parent, latitude=14.85, longitude=108.45)
    CommuneFactory(name="Ba Vì", parent=commune_b.parent, latitude=14.70, longitude=108.75)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, locale="vi-VN")
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            log_in(page, live_server.url, leader.username, PASSWORD)

            page.goto(f"{live_server.url}/dashboards/map/?year=2025")
            assert page.locator("h1").inner_text().strip() == "Bản đồ"
            svg = page.locator("svg.commune-map")
            box = svg.bounding_box()
            # As wide as the page allows, never wider than the screen nor taller than it.
            assert 0 < box["width"] <= width and box["height"] <= height
            assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
            # One circle (commune A, 3 organisations) with its tooltip; the two empty communes
            # are grey dots; commune B has no coordinates: in the table, said so.
            circles = svg.locator("circle.map-point")
            assert circles.count() == 1
            assert "xã Sơn Hạ" in circles.first.locator("title").text_content()
            assert "3 tổ chức" in circles.first.locator("title").text_content()
            dot = svg.locator("path.map-zero")
            assert dot.count() == 1 and "2 xã chưa có tổ chức nào" in dot.locator("title").text_content()
            circle_box = circles.first.bounding_box()
            assert circle_box["width"] > 4  # drawn, not collapsed to nothing
            row_b = page.locator(f"tr[data-unit='{commune_b.pk}']")
            assert "không có tọa độ" in row_b.inner_text()
            assert "1 xã không có tọa độ" in page.locator("main").inner_text()
            page.screenshot(path=str(tmp_path / f"map-registry-{width}.png"), full_page=True)

            # The other layer, through its link; the year is kept.
            page.locator("a.nav-link", has_text="Báo cáo quá hạn theo xã").click()
            page.wait_for_load_state()
            assert "layer=missing" in page.url and "year=2025" in page.url
            # The district offices owe the overdue reports: each is drawn at the centre of its
            # communes that have coordinates (Sơn Hạ and Sơn Bao; Ba Vì).
            missing = page.locator("svg.commune-map circle.map-point")
            assert missing.count() == 2
            assert "vị trí trung tâm các xã" in missing.first.locator("title").text_content()
            assert "không phải cấp xã" not in page.locator("main").inner_text()
            page.screenshot(path=str(tmp_path / f"map-missing-{width}.png"), full_page=True)
            assert (tmp_path / f"map-registry-{width}.png").stat().st_size > 10_000
            assert errors == []
        finally:
            browser.close()
