"""Directory pages: permission matrix, scoping by area, query counts."""

import pytest
from django.urls import reverse

from tests.directory.factories import AgencyFactory, CommuneFactory, UserFactory

pytestmark = pytest.mark.django_db


def login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.fixture
def views(agency_a, agency_b, commune_a, commune_b):
    """URLs of every directory view, with objects in district A and in district B."""
    return {
        "agency_list": (reverse("directory:agency_list"), None),
        "agency_detail": (reverse("directory:agency_detail", args=[agency_a.pk]), reverse("directory:agency_detail", args=[agency_b.pk])),
        "unit_list": (reverse("directory:unit_list"), None),
        "unit_detail": (reverse("directory:unit_detail", args=[commune_a.pk]), reverse("directory:unit_detail", args=[commune_b.pk])),
    }


@pytest.mark.parametrize("name", ["agency_list", "agency_detail", "unit_list", "unit_detail"])
class TestPermissionMatrix:
    def test_anonymous_goes_to_login(self, client, views, name):
        """Anonymous visitors are redirected to the login page."""
        assert login_redirect(client.get(views[name][0]))

    def test_user_without_role_gets_403(self, client_for, no_role_user, views, name):
        """A logged-in user without any role is refused, with the Vietnamese 403 page."""
        response = client_for(no_role_user).get(views[name][0])
        assert response.status_code == 403
        assert "Không có quyền truy cập" in response.content.decode()

    def test_allowed_user_gets_200(self, client_for, reporter_a, views, name):
        """A reporter of district A sees district A's pages."""
        assert client_for(reporter_a).get(views[name][0]).status_code == 200



@pytest.mark.parametrize("name", ["agency_detail", "unit_detail"])
def test_other_district_object_is_404(client_for, reporter_a, views, name):
    """District B's agency or unit does not exist for district A's user (lists: TestAgencyScoping)."""
    assert client_for(reporter_a).get(views[name][1]).status_code == 404


class TestAgencyScoping:
    def test_district_user_sees_only_own_district(self, client_for, reporter_a, agency_a, agency_b, province_agency):
        """District A's user lists district A's agencies, not district B's nor the province's."""
        content = client_for(reporter_a).get(reverse("directory:agency_list")).content.decode()
        assert agency_a.name in content
        assert agency_b.name not in content
        assert province_agency.name not in content

    def test_province_user_sees_both_districts(self, client_for, planner, agency_a, agency_b):
        """A provincial planner sees every agency of the province."""
        content = client_for(planner).get(reverse("directory:agency_list")).content.decode()
        assert agency_a.name in content and agency_b.name in content

    def test_admin_sees_everything(self, client_for, admin_user, agency_a, agency_b):
        """The administrator is not limited to an area."""
        content = client_for(admin_user).get(reverse("directory:agency_list")).content.decode()
        assert agency_a.name in content and agency_b.name in content

    def test_search_ignores_accents(self, client_for, planner, agency_a, agency_b):
        """Searching "son ha" finds "Sơn Hà"."""
        content = client_for(planner).get(reverse("directory:agency_list"), {"q": "son ha"}).content.decode()
        assert agency_a.name in content and agency_b.name not in content

    def test_unit_search_ignores_accents_and_case(self, client_for, planner, district_a, district_b):
        """Searching units for "son ha" finds "huyện Sơn Hà" (also on SQLite); digits search codes."""
        c = client_for(planner)
        units = c.get(reverse("directory:unit_list"), {"q": "son ha"}).context["units"]
        assert list(units) == [district_a]
        assert list(c.get(reverse("directory:unit_list"), {"q": "534"}).context["units"]) == [district_b]

    def test_unit_detail_links_only_visible_units(self, client_for, reporter_a, district_a, province):
        """A district user sees their district's page; the province is named but not linked."""
        content = client_for(reporter_a).get(reverse("directory:unit_detail", args=[district_a.pk])).content.decode()
        assert reverse("directory:unit_detail", args=[province.pk]) not in content
        assert str(province) in content


class TestQueryCounts:
    def test_agency_list_constant(self, client_for, planner, district_a, django_assert_max_num_queries):
        """The agency list runs a fixed number of queries however many agencies there are."""
        c = client_for(planner)
        AgencyFactory.create_batch(3, unit=district_a)
        with django_assert_max_num_queries(12) as small:
            c.get(reverse("directory:agency_list"))
        AgencyFactory.create_batch(30, unit=district_a)
        with django_assert_max_num_queries(len(small.captured_queries)):
            c.get(reverse("directory:agency_list"))

    def test_unit_list_constant(self, client_for, planner, district_a, django_assert_max_num_queries):
        """The unit list too."""
        c = client_for(planner)
        with django_assert_max_num_queries(12) as small:
            c.get(reverse("directory:unit_list"))
        CommuneFactory.create_batch(30, parent=district_a)
        with django_assert_max_num_queries(len(small.captured_queries)):
            c.get(reverse("directory:unit_list"))

    def test_agency_detail_constant(self, client_for, planner, province_agency, province, django_assert_max_num_queries):
        """The agency detail page does not query per subordinate body or account."""
        c = client_for(planner)
        url = reverse("directory:agency_detail", args=[province_agency.pk])
        AgencyFactory(unit=province, parent=province_agency)  # one related body: which ones may be linked is one query
        with django_assert_max_num_queries(15) as small:
            c.get(url)
        for _ in range(5):
            AgencyFactory(unit=province, parent=province_agency)
            UserFactory(agency=province_agency, is_planner=True)
        with django_assert_max_num_queries(len(small.captured_queries)):
            c.get(url)

    def test_unit_detail_constant(self, client_for, planner, province, district_a, django_assert_max_num_queries):
        """The unit page does not query per unit below it or per predecessor."""
        from tests.directory.factories import ProvinceFactory

        c = client_for(planner)
        url = reverse("directory:unit_detail", args=[province.pk])
        with django_assert_max_num_queries(20) as small:
            c.get(url)
        CommuneFactory.create_batch(10, parent=district_a)
        for _ in range(3):
            ProvinceFactory().successors.add(province)
        with django_assert_max_num_queries(len(small.captured_queries) + 2):  # +1 lineage level per scoping
            c.get(url)


def test_agency_detail_shows_header_lines(client_for, planner_a, agency_a):
    """The document header preview shows the parent's abbreviated line above the agency's."""
    parent = AgencyFactory(name="Ủy ban nhân dân huyện Sơn Hà", unit=agency_a.unit, header_name="ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ")
    agency_a.parent = parent
    agency_a.header_name = "PHÒNG TÀI CHÍNH - KẾ HOẠCH"
    agency_a.save()
    content = client_for(planner_a).get(agency_a.get_absolute_url()).content.decode()
    assert "UBND HUYỆN SƠN HÀ" in content
    assert "PHÒNG TÀI CHÍNH - KẾ HOẠCH" in content


def test_agency_detail_names_but_never_links_agencies_outside_the_readers_area(client_for, reporter_a, agency_a, agency_b, province_agency):
    """A successor or governing body outside the reader's area is named, not linked (a link
    would answer 404: found by the demo crawl after seed agencies got successors)."""
    agency_a.successor, agency_a.parent = agency_b, province_agency
    agency_a.save()
    AgencyFactory(name="Tổ giúp việc huyện Sơn Hà", unit=agency_a.unit, parent=agency_a)
    client = client_for(reporter_a)
    body = client.get(reverse("directory:agency_detail", args=[agency_a.pk])).content.decode()
    assert agency_b.name in body and agency_b.get_absolute_url() not in body
    assert client.get(agency_b.get_absolute_url()).status_code == 404
    linked = [url for url in (province_agency.get_absolute_url(),) if url in body]
    for url in linked:  # whatever is linked opens
        assert client.get(url).status_code == 200
    child = agency_a.children.get()
    assert child.get_absolute_url() in body and client.get(child.get_absolute_url()).status_code == 200
