"""Dashboards open on the latest year with data for the user's area, not an empty current
year, and the year picker offers only years with data (plus this year, labelled empty)
(issue 15). Observed: planners of Đồng Tháp and Lai Châu saw all zeros for 2026."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation

from dashboards import selectors as s

pytestmark = pytest.mark.django_db


def _picker(html: str) -> list[str]:
    select = html.split('id="f-year"')[1].split("</select>")[0]
    return [re.sub(r"\s+", " ", o).strip() for o in re.findall(r"<option[^>]*>([^<]*)</option>", select)]


class TestSelectors:
    def test_years_with_data_stop_at_this_year(self, world, province):
        """The world's plan runs 2024–2025 and its reports are due in 2025: 2025, 2024 (no future year)."""
        area = s.Area.of(province)
        assert s.years_with_data(area, datetime.date(2026, 11, 25)) == [2025, 2024]
        assert s.years_with_data(area, datetime.date(2024, 6, 1)) == [2024]

    def test_default_year(self):
        today = datetime.date(2026, 11, 25)
        assert s.default_year([2025, 2024], today) == 2025
        assert s.default_year([2026, 2025], today) == 2026
        assert s.default_year([], today) == 2026

    def test_year_choices_label_this_year_when_empty(self):
        assert s.year_choices([2025, 2024], datetime.date(2026, 11, 25), 2025) == [
            (2026, False), (2025, True), (2024, True)
        ]

    def test_empty_area_has_no_years(self, world):
        from tests.directory.factories import ProvinceFactory

        assert s.years_with_data(s.Area.of(ProvinceFactory(name="Tỉnh trống")), datetime.date(2026, 1, 1)) == []


class TestPages:
    def test_home_opens_on_the_latest_year_with_data(self, client_for, world, leader, freeze):
        """On 25/11/2026 the world's leader opens the dashboard on 2025, with its reports, not on an empty 2026."""
        freeze(datetime.date(2026, 11, 25))
        response = client_for(leader).get(reverse("dashboards:home"))
        assert response.context["window"].year == 2025
        assert response.context["reports"]["due"] > 0 and response.context["plans"]["active"] == 1
        assert "year=2025" in response.context["filter_query"]  # links keep the year

    def test_picker_offers_years_with_data_and_labels_this_year(self, client_for, world, leader, freeze):
        freeze(datetime.date(2026, 11, 25))
        with translation.override("vi"):
            html = client_for(leader).get(reverse("dashboards:home"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert _picker(html) == ["2026 (không có số liệu)", "2025", "2024"]

    def test_explicit_year_is_kept(self, client_for, world, leader, freeze):
        """A year asked for in the address is shown, even an empty one."""
        freeze(datetime.date(2026, 11, 25))
        response = client_for(leader).get(reverse("dashboards:home") + "?year=2026")
        assert response.context["window"].year == 2026

    def test_this_year_with_data_stays_the_default(self, client_for, world, leader, freeze):
        freeze(datetime.date(2025, 10, 1))
        assert client_for(leader).get(reverse("dashboards:home")).context["window"].year == 2025


@pytest.mark.slow
class TestDemoPlanners:
    """The observed case, on the demo: the planners of Đồng Tháp (xã Tháp Mười) and Lai Châu."""

    @pytest.fixture
    def demo(self, freeze):
        from django.core.management import call_command

        from cooperatives import demo as cooperatives_demo
        from directory import demo as directory_demo
        from plans import demo as plans_demo

        today = datetime.date(2026, 11, 25)
        freeze(today)
        out = io.StringIO()
        call_command("load_units", stdout=out)
        directory_demo.load(stdout=out, today=today)
        plans_demo.load(stdout=out, today=today)
        cooperatives_demo.load(stdout=out, today=today)

    @pytest.mark.parametrize("username", ["dongthap", "laichau"])
    def test_case_planner_sees_figures_by_default(self, client, demo, username):
        """Without a year the registry dashboard opens on 2025 with non-zero figures; 2026 is labelled empty, no later year offered."""
        from directory.models import User

        client.force_login(User.objects.get(username=username))
        with translation.override("vi"):
            response = client.get(reverse("dashboards:registry"), HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        assert response.context["window"].year == 2025
        assert sum(r["count"] for r in response.context["ratings"]) > 0
        latest = response.context["finance"][-1]
        assert latest["year"] == 2025 and latest["records"] > 0  # the window's own year has figures
        picker = _picker(response.content.decode())
        assert picker[0] == "2026 (không có số liệu)" and "2025" in picker
        assert not any(p.startswith(("2027", "2028")) for p in picker)
        home = client.get(reverse("dashboards:home"))
        assert home.context["window"].year == 2025
