"""The commune map (dashboards.maps, selectors.commune_map, views.MapView): its figures are the
registry's and compliance's, communes without coordinates stay in the table, scoping, the
era of the units, a constant number of queries, and the SVG itself."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from cooperatives.models import Organisation
from dashboards import maps
from dashboards import selectors as s
from directory.models import SuccessionRule, UnitSuccession
from tests.dashboards.conftest import TODAY, make_obligation
from tests.dashboards.years_queries import YEARS_VERSION
from tests.directory.factories import AgencyFactory, CommuneFactory

pytestmark = pytest.mark.django_db

ENDED = datetime.date(2025, 6, 30)
REFORM = datetime.date(2025, 7, 1)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


@pytest.fixture
def located(world, commune_a):
    """commune_a has the library's coordinates; commune_b (1 organisation) has none."""
    commune_a.latitude, commune_a.longitude = 14.98, 108.62
    commune_a.save(update_fields=["latitude", "longitude"])
    return world


def located_commune_b_pk(world):
    from directory.models import AdministrativeUnit

    return AdministrativeUnit.objects.get(code="21502").pk


def map_url(query="year=2025"):
    return f"{reverse('dashboards:map')}?{query}"


def _rows(response):
    return {r.unit_id: r for r in response.context["rows"]}


class TestRegistryLayer:
    def test_figures_equal_the_registry_selectors(self, client_for, located, leader, province, commune_a, commune_b):
        """Each commune's figure is the registry's count of organisations filed there; the map's
        total is the registry dashboard's total, and agricultural HTX the drill-down's."""
        response = client_for(leader).get(map_url())
        assert response.status_code == 200
        rows = _rows(response)
        area = s.Area.of(province)
        assert rows[commune_a.pk].count == s.organisations_in_area(s.Area.of(commune_a)).count() == 3
        assert rows[commune_b.pk].count == 1
        assert response.context["total"] == sum(k["total"] for k in s.registry_kind_status(area)) == 4
        children = s.child_units(area, s.Window(2025), TODAY)
        assert response.context["extra_total"] == sum(c.agri_htx for c in children) == 1

    def test_commune_without_coordinates_is_in_the_table_not_on_the_map(
        self, client_for, located, leader, commune_a, commune_b
    ):
        """commune_b has no coordinates: listed, counted as "không có tọa độ", drawn nowhere."""
        with translation.override("vi"):
            response = client_for(leader).get(map_url())
        content = response.content.decode()
        assert [r.unit_id for r in response.context["unlocated"]] == [commune_b.pk]
        assert response.context["unlocated_total"] == 1
        assert "không có tọa độ" in content
        assert f'<tr data-unit="{commune_b.pk}">' in content
        svg = str(response.context["svg"])
        assert f'data-unit="{commune_a.pk}"' in svg and f'data-unit="{commune_b.pk}"' not in svg

    def test_other_province_never_shows(self, client_for, located, leader):
        """A province leader sees only their province's communes (the other one's HTX is not counted)."""
        response = client_for(leader).get(map_url())
        assert located["other_commune"].pk not in _rows(response)
        assert "HTX Lai Châu" not in response.content.decode()

    def test_admin_sees_the_whole_country(self, client_for, located, admin_user, commune_a):
        rows = _rows(client_for(admin_user).get(map_url()))
        assert located["other_commune"].pk in rows and rows[located["other_commune"].pk].count == 1
        assert rows[commune_a.pk].count == 3

    def test_drill_down_to_a_unit_outside_the_area_is_404(self, client_for, located, leader):
        response = client_for(leader).get(map_url(f"year=2025&unit={located['other_commune'].pk}"))
        assert response.status_code == 404

    def test_drill_down_to_a_district_shows_its_communes(self, client_for, located, leader, district_a, commune_a):
        rows = _rows(client_for(leader).get(map_url(f"year=2025&unit={district_a.pk}")))
        assert set(rows) == {commune_a.pk}

    def test_permissions(self, client, client_for, located, reporter_a, planner):
        assert client.get(map_url()).status_code == 302
        assert client_for(reporter_a).get(map_url()).status_code == 403
        assert client_for(planner).get(map_url()).status_code == 200

    @pytest.mark.parametrize(
        "query", ["layer=xyz", "year=abc&layer=registry", "sort=;drop", "year=2025&quarter=9&layer=missing"]
    )
    def test_bad_parameters_fall_back(self, client_for, located, leader, query):
        """Unknown layer, year, sort or quarter: the default, never a 500."""
        assert client_for(leader).get(map_url(query)).status_code == 200

    def test_table_sorts_by_count_or_name(self, client_for, located, leader, province, commune_a, commune_b):
        extra = CommuneFactory(name="An Bình", parent=commune_a.parent, latitude=15.0, longitude=108.7)
        by_count = [r.unit_id for r in client_for(leader).get(map_url()).context["rows"]]
        assert by_count[:3] == [commune_a.pk, commune_b.pk, extra.pk]
        by_name = [r.name for r in client_for(leader).get(map_url("year=2025&sort=name")).context["rows"]]
        assert by_name == sorted(by_name)


class TestEras:
    @pytest.fixture
    def reformed(self, located, province, district_a, commune_a):
        """An old commune (ended 30/06/2025) merged into a new one; one HTX still filed under it."""
        old = CommuneFactory(name="Sơn Thượng", parent=district_a, valid_to=ENDED, latitude=15.1, longitude=108.5)
        new = CommuneFactory(name="Sơn Hà mới", parent=province, valid_from=REFORM, latitude=15.05, longitude=108.55)
        UnitSuccession.objects.create(
            from_administrativeunit=old, to_administrativeunit=new, rule=SuccessionRule.MERGED, is_default=True
        )
        Organisation.objects.create(kind="htx", name="HTX Sơn Thượng", commune=old)
        return old, new

    def test_after_the_reform_old_communes_count_for_their_successor(self, client_for, reformed, leader):
        """2026: today's communes only; the old commune's HTX is counted at the new commune."""
        old, new = reformed
        response = client_for(leader).get(map_url("year=2026"))
        rows = _rows(response)
        assert response.context["today_units"] is True
        assert old.pk not in rows and rows[new.pk].count == 1
        assert response.context["total"] == 5

    def test_before_the_reform_the_communes_of_the_time(self, client_for, reformed, leader, commune_a):
        """2024: the communes in force then (the old one, not the new one)."""
        old, new = reformed
        response = client_for(leader).get(map_url("year=2024"))
        rows = _rows(response)
        assert response.context["today_units"] is False
        assert rows[old.pk].count == 1 and new.pk not in rows and commune_a.pk in rows

    def test_before_the_reform_without_coordinates_falls_back_to_today(self, client_for, located, leader, province):
        """Old communes without coordinates: today's communes are drawn instead."""
        CommuneFactory(name="Cũ", parent=province, valid_to=ENDED)
        CommuneFactory(name="Mới", parent=province, valid_from=REFORM, latitude=15.2, longitude=108.4)
        located_units = [u for u in s.map_communes(s.Area.of(province), s.Window(2024))[0]]
        # commune_a (valid both before and after) has coordinates: the old map is drawable.
        assert any(u.located for u in located_units)
        from directory.models import AdministrativeUnit

        AdministrativeUnit.objects.filter(valid_from__isnull=True).update(latitude=None, longitude=None)
        rows, today_units = s.map_communes(s.Area.of(province), s.Window(2024))
        assert today_units is True and "Mới" in {r.name.split(" ", 1)[-1] for r in rows}
        assert all(r.current for r in rows)


class TestMissingLayer:
    @pytest.fixture
    def commune_report(self, located, commune_a):
        """A commune's People's Committee with one overdue report in Q3/2025."""
        agency = AgencyFactory(name="UBND xã Sơn Hạ", unit=commune_a)
        make_obligation(located["periods"][3], agency, "not_started")
        return agency

    def test_figures_equal_the_compliance_counts(
        self, client_for, located, commune_report, leader, province, commune_a, district_a, district_b
    ):
        """Overdue per unit from reports.compliance; the total is the compliance page's."""
        response = client_for(leader).get(map_url("year=2025&layer=missing"))
        rows = _rows(response)
        counts = s.compliance_counts(s.Area.of(province), s.Window(2025), TODAY)
        assert response.context["total"] == counts["missing"] == 3
        assert response.context["extra_total"] == counts["due"]
        assert rows[commune_a.pk].count == 1 and rows[commune_a.pk].agencies == [(commune_report.pk, "UBND xã Sơn Hạ", 1)]
        # District offices: district A is drawn at the centre of its communes on the map
        # (commune A); district B's only commune has no coordinates, so it is not a point:
        # in the table, counted apart from the communes without coordinates.
        assert rows[district_a.pk].count == 1 and rows[district_a.pk].centroid
        assert (rows[district_a.pk].latitude, rows[district_a.pk].longitude) == (14.98, 108.62)
        assert rows[district_b.pk].count == 1 and not rows[district_b.pk].located
        assert {r.unit_id for r in response.context["other_units"]} == {district_b.pk}
        assert response.context["other_total"] == 1
        assert {r.unit_id for r in response.context["unlocated"]} == {located_commune_b_pk(located)}
        svg = str(response.context["svg"])
        assert f'data-unit="{district_a.pk}"' in svg and "vị trí trung tâm các xã" in svg

    def test_district_centre_is_the_mean_of_its_located_communes(
        self, client_for, located, leader, district_a, commune_a
    ):
        CommuneFactory(name="Sơn Bao", parent=district_a, latitude=15.18, longitude=108.42)
        CommuneFactory(name="Sơn Kỳ", parent=district_a)  # no coordinates: not in the mean
        row = _rows(client_for(leader).get(map_url("year=2025&layer=missing")))[district_a.pk]
        assert row.centroid and row.latitude == pytest.approx(15.08) and row.longitude == pytest.approx(108.52)

    def test_quarter_window(self, client_for, located, commune_report, leader, province):
        response = client_for(leader).get(map_url("year=2025&quarter=1&layer=missing"))
        counts = s.compliance_counts(s.Area.of(province), s.Window(2025, 1), TODAY)
        assert response.context["total"] == counts["missing"] == 0

    def test_agencies_link_to_their_overdue_reports(self, client_for, located, commune_report, leader):
        content = client_for(leader).get(map_url("year=2025&layer=missing")).content.decode()
        assert f"agency={commune_report.pk}" in content and "state=missing" in content

    def test_other_province_reports_never_show(self, client_for, located, commune_report, leader):
        response = client_for(leader).get(map_url("year=2025&layer=missing"))
        assert located["other_agency"].unit_id not in _rows(response)


def _grow(province, district, n, periods):
    for i in range(n):
        commune = CommuneFactory(parent=district, latitude=14.5 + i / 100, longitude=108.0 + i / 100)
        agency = AgencyFactory(unit=commune)
        make_obligation(periods[3], agency, "not_started")
        Organisation.objects.create(kind="htx", name=f"HTX {i}", commune=commune, is_agricultural=bool(i % 2))
        old = CommuneFactory(parent=district, valid_to=ENDED, latitude=14.6, longitude=108.1)
        UnitSuccession.objects.create(from_administrativeunit=old, to_administrativeunit=commune, is_default=True)
        Organisation.objects.create(kind="tht", name=f"THT {i}", commune=old)


@pytest.mark.parametrize("grow", [0, 25])
@pytest.mark.parametrize("query", ["year=2025", "year=2025&layer=missing", "year=2024", "year=2026"])
def test_query_count_is_constant(
    client_for, located, leader, province, district_a, django_assert_max_num_queries, grow, query
):
    """The communes, one aggregate per layer, the other units holding figures and the old
    communes' successors (four queries), plus the page's own four: no N+1."""
    _grow(province, district_a, grow, located["periods"])
    c = client_for(leader)
    with django_assert_max_num_queries(9 + YEARS_VERSION):  # 8 + the year picker's years with data (issue 15)
        response = c.get(map_url(query))
    assert response.status_code == 200
    assert len(response.context["rows"]) >= grow


class TestSvg:
    def test_one_circle_per_located_commune_with_a_figure(self, client_for, located, leader, commune_a):
        svg = str(client_for(leader).get(map_url()).context["svg"])
        assert svg.count("<circle") == 1
        assert re.search(r'viewBox="0 0 1000 \d+"', svg)
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        assert "xã Sơn Hạ" in svg or "Sơn Hạ" in svg

    def test_zero_communes_are_one_path(self, client_for, located, leader, commune_a):
        CommuneFactory(name="Trống", parent=commune_a.parent, latitude=15.3, longitude=108.9)
        CommuneFactory(name="Trống 2", parent=commune_a.parent, latitude=15.4, longitude=108.8)
        svg = str(client_for(leader).get(map_url()).context["svg"])
        assert svg.count('class="map-zero"') == 1 and svg.count("<circle") == 1

    def test_names_are_escaped(self, client_for, located, leader, commune_a):
        commune_a.name = '<script>alert("x")</script>'
        commune_a.save(update_fields=["name"])
        content = client_for(leader).get(map_url()).content.decode()
        assert "<script>alert" not in content

    def test_projection_keeps_points_inside_and_north_up(self):
        points = [(8.6, 104.9), (23.4, 105.3), (21.0, 105.8), (10.8, 106.7)]
        project = maps.Projection.fit(points)
        xy = [project(lat, lon) for lat, lon in points]
        assert all(0 <= x <= project.width and 0 <= y <= project.height for x, y in xy)
        assert xy[1][1] < xy[0][1]  # Hà Giang (north) above Cà Mau
        assert xy[3][0] > xy[0][0]  # east is right
        assert project.height > project.width  # the country is tall

    def test_single_point_is_centred(self):
        project = maps.Projection.fit([(15.0, 108.0)])
        x, y = project(15.0, 108.0)
        assert abs(x - project.width / 2) < 1 and abs(y - project.height / 2) < 1

    def test_radius_area_is_proportional(self):
        assert maps.radius(0, 10) == maps.R_ZERO
        assert maps.radius(10, 10) == maps.R_MAX
        assert maps.radius(1, 10) < maps.radius(5, 10) < maps.radius(10, 10)

    def test_legend_values(self):
        assert maps.legend_values(0) == []
        assert maps.legend_values(1) == [1]
        assert maps.legend_values(7) == [1, 3, 7]
        assert maps.legend_values(240) == [1, 100, 240]


def test_meeting_pdf_has_both_maps(client_for, located, leader):
    """The dashboard PDF for a meeting ends with the two commune maps and their summaries."""
    import io

    from pypdf import PdfReader

    response = client_for(leader).get(reverse("dashboards:export_pdf") + "?year=2025")
    assert response.status_code == 200
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]
    registry = next(p for p in pages if "Tổ chức kinh tế tập thể đăng ký theo xã" in p)
    assert "2/3 xã có tổ chức kinh tế tập thể đăng ký; tổng cộng 4 tổ chức" in registry or "tổng cộng 4 tổ chức" in registry
    assert any("Báo cáo quá hạn theo xã" in p and "2 báo cáo quá hạn" in p for p in pages)


@pytest.mark.parametrize(
    "page,layer", [("home", "layer=missing"), ("compliance", "layer=missing"), ("registry", "")]
)
def test_dashboard_pages_link_to_the_map(client_for, located, leader, page, layer):
    """The home drill-down and the compliance page open the overdue layer, the registry page
    the organisations layer, keeping the year; every dashboard tab bar has the map."""
    content = client_for(leader).get(f"{reverse(f'dashboards:{page}')}?year=2025").content.decode()
    links = re.findall(r'href="(/dashboards/map/\?[^"]*)"', content)
    assert links and all("year=2025" in link for link in links)
    if layer:
        assert any(layer in link for link in links)
