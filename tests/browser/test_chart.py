"""The organisation's trend chart counts members in whole people (issue 18: "23,5")."""

import pytest
from django.urls import reverse

from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is installed by `make install` (apt package chromium)"),
]


def test_member_axis_ticks_are_integers(live_server, transactional_db, planner, commune_a, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    from tests.cooperatives.factories import OrganisationFactory, YearlyRecordFactory

    org = OrganisationFactory(commune=commune_a)
    for year, members in ((2022, 23), (2023, 24), (2024, 24)):
        YearlyRecordFactory(organisation=org, year=year, members=members)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
            log_in(page, live_server.url, planner.username, "pw-test-123")
            page.goto(f"{live_server.url}{reverse('cooperatives:organisation_detail', args=[org.pk])}")
            page.wait_for_function("() => window.Chart && Chart.getChart(document.getElementById('trend-chart'))")
            ticks = page.evaluate(
                "() => Chart.getChart(document.getElementById('trend-chart')).scales.people.ticks.map(t => t.label)"
            )
            page.screenshot(path=str(tmp_path / "trend.png"), full_page=True)
        finally:
            browser.close()
    labels = [t for t in ticks if t not in (None, "")]
    assert labels and all("," not in str(t) for t in labels), ticks
