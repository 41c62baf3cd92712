"""In a real browser: the compliance matrix printed on A4 portrait keeps every column on the page.

The matrix scrolls sideways in its own box on screen; on paper there is no scrolling, so a wide
matrix (a year of monthly periods beside the quarters) used to lose its last totals column at the
page's right edge. The page is printed to PDF by Debian's chromium (the browser's own print
layout, print.css and the dashboards' print rules) and every word's right edge is read back with
``pdftotext -bbox``: none may pass the right margin of print.css's ``@page`` (15 mm).
"""

import datetime
import re
import shutil
import subprocess

import pytest

from reports.models import ReportingPeriod
from tests.browser_support import CHROMIUM, LAUNCH_ARGS, log_in
from tests.dashboards.conftest import make_obligation
from tests.e2e_dashboards.conftest import PASSWORD
from tests.plans.factories import ReportingRequirementFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"),
]

A4_WIDTH_PT = 595.92
RIGHT_MARGIN_PT = 15 / 25.4 * 72  # static/css/print.css: @page margin-right 15 mm


def _words(pdf_path):
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(x_max), word) for x_max, word in re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', xml)]


def test_the_printed_compliance_matrix_fits_the_page(
    transactional_db, live_server, world, leader, province_agency, agency_a, agency_b, frozen_today, monkeypatch, tmp_path
):
    # A second requirement of the plan, monthly: twelve more columns for 2025.
    monthly = ReportingRequirementFactory(plan=world["plan"], receiver=province_agency, reporters=[agency_a, agency_b])
    for month in range(1, 13):
        start = datetime.date(2025, month, 1)
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        period = ReportingPeriod.objects.create(
            requirement=monthly,
            label=f"Báo cáo tháng {month:02d}/2025",
            start=start,
            end=end,
            cutoff_start=start,
            cutoff_end=end,
            due_date=end,
        )
        if end < datetime.date(2025, 10, 1):
            make_obligation(period, agency_a, "approved", end)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop here
    from playwright.sync_api import sync_playwright

    pdf = tmp_path / "compliance.pdf"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
            log_in(page, live_server.url, leader.username, PASSWORD)
            page.goto(f"{live_server.url}/dashboards/compliance/?year=2025")
            assert page.locator("table.matrix thead th").count() >= 1 + 12 + 4  # agency, 12 or more periods, totals
            page.pdf(path=str(pdf), format="A4")
        finally:
            browser.close()

    words = _words(pdf)
    printed = "".join(w for _, w in words).lower()  # long labels may wrap inside a word
    assert "bịtrảlại" in printed  # the last totals column's header
    limit = A4_WIDTH_PT - RIGHT_MARGIN_PT + 1  # one point for rounding
    beyond = [(round(x, 1), w) for x, w in words if x > limit]
    assert not beyond, f"printed past the right margin ({limit:.1f} pt): {beyond[:10]}"
