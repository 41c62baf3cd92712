"""The cross-check on the demo data (issue 15): the figures every demo leader and planner sees,
re-computed over the raw tables, and every figure of the demo leader's pages equal to the count
of the list it links to.

The demo is loaded once for the class: the real units with the 2025 successions, the demo
agencies, plans and registry, on 25/11/2026 (the demo's day). The reports demo takes two
minutes to load through the services on the shared machine, so its reports are checked by
tests/reports/test_demo.py, which loads it anyway, with the same functions
(``assert_registry_and_drill_down``, ``assert_figures_equal_their_lists``).
"""

from __future__ import annotations

import datetime
import io
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.test import TestCase
from django.utils import timezone

from dashboards import selectors as s
from directory.models import User
from tests.dashboards.test_crosscheck_registry import RawWorld, assert_registry_and_drill_down

TODAY = datetime.date(2026, 11, 25)
NOW = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.mark.slow
class DemoCrossCheck(TestCase):
    @classmethod
    def setUpTestData(cls):
        from cooperatives import demo as cooperatives_demo
        from directory import demo as directory_demo
        from plans import demo as plans_demo

        out = io.StringIO()
        with mock.patch.object(timezone, "now", lambda: NOW):
            call_command("load_units", stdout=out)
            for module in (directory_demo, plans_demo, cooperatives_demo):
                module.load(stdout=out, today=TODAY)
        cls.users = list(
            User.objects.filter(agency__isnull=False)
            .filter(Q(is_leader=True) | Q(is_planner=True))
            .select_related("agency__unit")
            .order_by("username")
        )

    def setUp(self):
        patcher = mock.patch.object(timezone, "now", lambda: NOW)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_registry_and_drill_down_of_every_demo_leader_and_planner(self):
        raw = RawWorld()
        assert self.users and raw.orgs and raw.records and raw.plans, "the demo loaded nothing to check"
        checked = 0
        for user in self.users:
            unit = user.agency.unit
            years = s.years_with_data(s.Area.of(unit), TODAY)
            windows = [s.Window(y) for y in years[:1] or [TODAY.year]] + [s.Window(2025, 3)]
            for window in windows:
                with self.subTest(user=user.username, window=window.label):
                    assert_registry_and_drill_down(raw, unit, window, TODAY)
                    checked += 1
        assert_registry_and_drill_down(raw, None, s.Window(2025), TODAY)  # an administrator: the country
        assert checked == 2 * len(self.users)

    def test_every_figure_of_the_leaders_pages_equals_the_list_it_links_to(self):
        # The default year (2026) and 2025, with the registry of 2021–2025.
        assert assert_figures_equal_their_lists(self.client, User.objects.get(username="lanhdao")) > 5


def assert_figures_equal_their_lists(client, leader, years=("", "2025")) -> int:
    """Every figure of ``leader``'s home and registry pages (default year, ``years``) equals the
    count of the list it links to, and each drill-down unit's report and plan figures equal
    those of the unit's own page. Returns the number of non-zero figures checked."""
    client.force_login(leader)
    nonzero = 0
    for year in years:
        query = f"?year={year}" if year else ""
        home = client.get("/dashboards/" + query)
        assert home.status_code == 200
        for card in home.context["target_cards"]:
            listed = client.get(card["url"]).context["page_obj"].paginator.count
            assert listed == card["count"], (year, card["key"], listed, card["count"])
            nonzero += bool(listed)
        for card in home.context["report_cards"]:
            listed = client.get(card["url"]).context["page_obj"].paginator.count
            assert listed == card["count"], (year, card["key"], listed, card["count"])
            nonzero += bool(listed)
        if home.context["plans_url"]:
            plans = client.get(home.context["plans_url"])
            assert _count(plans) == home.context["plans"]["active"], (year, "active plans")
        registry = client.get("/dashboards/registry/" + query)
        for row in registry.context["kinds"]:
            listed = client.get(row["url"]).context["paginator"].count
            assert listed == row["total"], (year, row["kind"], listed, row["total"])
            nonzero += bool(listed)
        for row in registry.context["ratings"]:
            listed = client.get(row["url"]).context["paginator"].count
            assert listed == row["count"], (year, row["rating"], listed, row["count"])
            nonzero += bool(listed)
        # Each unit of the drill-down opens the unit's page: its compliance figures are the row's
        # (a split commune's rows count for its default successor only: see docs/dashboards.md).
        for child in home.context["children"][:8]:
            page = client.get(child.link)
            assert page.status_code == 200
            if not _has_split_predecessor(child):
                reports = page.context["reports"]
                assert (reports["due"], reports["missing"], reports["late"]) == (
                    child.reports_due, child.missing_reports, child.late_reports
                ), (year, child.name)
                assert page.context["plans"]["active"] == child.active_plans, (year, child.name)
    return nonzero


def _count(response) -> int:
    for key in ("page_obj", "paginator"):
        obj = response.context.get(key) if response.context else None
        if obj is not None:
            return obj.paginator.count if key == "page_obj" else obj.count
    text = re.sub(r"\s+", " ", response.content.decode())
    raise AssertionError(f"no list count on {response.request['PATH_INFO']}: {text[:200]}")


def _has_split_predecessor(unit) -> bool:
    from directory.models import UnitSuccession
    from directory.selectors import unit_lineage

    olds = [u.pk for u in unit_lineage(unit) if u.pk != unit.pk]
    return UnitSuccession.objects.filter(from_administrativeunit__in=olds, is_default=False).exists()
