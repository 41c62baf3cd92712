"""The registry list's area filter is an autocomplete (issue 17).

At national scale an administrator's filter held 4,060 units (provinces, old districts and
today's communes) and rendering them took 1.5 of the list's 1.7 s. The select now holds only
the chosen unit; ``cooperatives:autocomplete_units`` serves the filter's own queryset
(``selectors.filter_units_for``), so typing never offers a unit the filter would refuse.
"""

import datetime
import re

import pytest
from django.urls import reverse

from cooperatives.filtersets import OrganisationFilterSet
from cooperatives.models import Organisation
from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import CommuneFactory, DistrictFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


def _unit_options(body: str) -> list[tuple[str, str]]:
    select = re.search(r'<select name="unit"[^>]*>(.*?)</select>', body, re.S)
    assert select, "no unit filter on the page"
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1))


def _found(client, q=""):
    response = client.get(reverse("cooperatives:autocomplete_units"), {"q": q})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return {int(r["value"]): r for r in response.json()["results"]}


@pytest.fixture
def other_province(db):
    kon_tum = ProvinceFactory(name="Kon Tum", code="62")
    return CommuneFactory(name="Đăk Hà", code="23000", parent=DistrictFactory(name="Đăk Hà", code="610", parent=kon_tum))


def test_endpoint_serves_the_filters_units(client_for, reporter_a, district_a, district_b, commune_a, commune_b, other_province):
    """District A's reporter: district A and its communes in force; never district B, an ended
    commune or another province's unit — exactly what the filter accepts."""
    ended = CommuneFactory(name="Sơn Cũ", parent=district_a, valid_to=datetime.date(2025, 6, 30))
    found = _found(client_for(reporter_a))
    assert {district_a.pk, commune_a.pk} <= set(found)
    assert not {district_b.pk, commune_b.pk, ended.pk, other_province.pk} & set(found)
    accepted = OrganisationFilterSet({}, queryset=Organisation.objects.all(), user=reporter_a).filters["unit"].queryset
    assert set(found) == set(accepted.values_list("pk", flat=True))
    assert found[commune_a.pk]["sub"] == district_a.full_name


def test_endpoint_search_is_accent_insensitive_and_scoped(client_for, reporter_a, commune_a, other_province):
    assert set(_found(client_for(reporter_a), "son ha")) >= {commune_a.pk}
    assert _found(client_for(reporter_a), "dak ha") == {}


def test_endpoint_refuses_anonymous(client):
    assert client.get(reverse("cooperatives:autocomplete_units")).status_code == 302


def test_list_renders_only_the_chosen_unit(client_for, admin_user, province, district_a, commune_a, commune_b,
                                           django_assert_max_num_queries):
    """Forty more communes add no <option> and no query; the chosen one is kept and filters."""
    for i in range(40):
        CommuneFactory(name=f"Xã số {i}", parent=district_a)
    mine = OrganisationFactory(name="HTX Sơn Hạ", commune=commune_a)
    OrganisationFactory(name="HTX Ba Động", commune=commune_b)
    client = client_for(admin_user)
    client.get(reverse("cooperatives:organisation_list"))
    with django_assert_max_num_queries(12):
        body = client.get(reverse("cooperatives:organisation_list")).content.decode()
    assert _unit_options(body) == [("", "Toàn địa bàn")]
    assert 'data-autocomplete="/registry/autocomplete/units/"' in body
    response = client.get(reverse("cooperatives:organisation_list"), {"unit": commune_a.pk})
    body = response.content.decode()
    assert _unit_options(body) == [("", "Toàn địa bàn"), (str(commune_a.pk), commune_a.full_name)]
    assert f'<option value="{commune_a.pk}" selected>' in body
    assert list(response.context["organisations"]) == [mine]


def test_unit_outside_the_area_still_refused(client_for, reporter_a, commune_b):
    """A hand-typed id of another district: the filter is invalid, the list shows nothing of B."""
    OrganisationFactory(name="HTX Ba Động", commune=commune_b)
    response = client_for(reporter_a).get(reverse("cooperatives:organisation_list"), {"unit": commune_b.pk})
    assert response.status_code == 200
    assert "HTX Ba Động" not in response.content.decode()


def test_endpoint_queries_do_not_grow_with_the_units(client_for, admin_user, district_a, django_assert_max_num_queries):
    """The endpoint's answer for "xa" costs the same with 5 or 45 matching communes (one page)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("cooperatives:autocomplete_units")
    for i in range(5):
        CommuneFactory(name=f"Xã đầu {i}", parent=district_a)
    client = client_for(admin_user)
    client.get(url, {"q": "xa"})
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, {"q": "xa"}).status_code == 200
    for i in range(40):
        CommuneFactory(name=f"Xã sau {i}", parent=district_a)
    with django_assert_max_num_queries(len(few.captured_queries)):
        results = client.get(url, {"q": "xa"}).json()["results"]
    assert len(results) >= 20
