"""The organisation form's commune and "grew from" fields are autocomplete boxes (issue 17): the
page renders only the chosen option, whatever the size of the user's area (an administrator's is
13,448 communes), and each field's endpoint serves exactly the queryset the field accepts."""

import pytest
from django.urls import reverse

from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import CommuneFactory, DistrictFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_communes(district_a):
    # more communes than any page should list
    return [CommuneFactory(name=f"Lạc Thử {n:03d}", code=f"9{n:04d}", parent=district_a) for n in range(120)]


@pytest.fixture
def elsewhere_commune(db):
    province = ProvinceFactory(name="Lai Châu (nơi khác)", code="12")
    district = DistrictFactory(name="Tam Đường (nơi khác)", code="106", parent=province)
    return CommuneFactory(name="Bình Lư (nơi khác)", code="03433", parent=district)


def _select(html: str, name: str) -> str:
    start = html.index(f'name="{name}"')
    return html[html.rindex("<select", 0, start) : html.index("</select>", start)]


@pytest.mark.parametrize("who", ["planner", "admin"])
def test_the_form_renders_no_option_list(client, planner_a, admin_user, commune_a, many_communes, who):
    tht = OrganisationFactory(kind="tht", name="THT Thử gốc", commune=commune_a)
    client.force_login(planner_a if who == "planner" else admin_user)
    html = client.get(reverse("cooperatives:organisation_create")).content.decode()
    commune = _select(html, "commune")
    assert commune.count("<option") == 1 and "Lạc Thử 001" not in commune  # the empty option only
    assert reverse("cooperatives:autocomplete_communes") in commune
    origin = _select(html, "founded_from")
    assert origin.count("<option") == 1 and tht.name not in origin
    assert reverse("cooperatives:autocomplete_origins") in origin
    # an organisation being edited shows its own commune and origin as the chosen options
    org = OrganisationFactory(kind="htx", commune=many_communes[7], founded_from=tht)
    html = client.get(reverse("cooperatives:organisation_update", args=[org.pk])).content.decode()
    commune = _select(html, "commune")
    assert commune.count("<option") == 2 and "Lạc Thử 007" in commune and "selected" in commune
    origin = _select(html, "founded_from")
    assert origin.count("<option") == 2 and "THT Thử gốc" in origin
    assert f"exclude={org.pk}" in origin  # the endpoint never offers the organisation itself


def test_commune_endpoint_serves_the_fields_queryset(client, planner_a, commune_a, many_communes, elsewhere_commune):
    client.force_login(planner_a)
    url = reverse("cooperatives:autocomplete_communes")
    got = client.get(url, {"q": "lac thu 042"}).json()  # accents optional
    # the form's label: the parent and the code
    assert [r["text"] for r in got["results"]] == ["xã Lạc Thử 042 – huyện Sơn Hà [90042]"]
    assert client.get(url, {"q": "Bình Lư"}).json()["results"] == []  # another province: never offered
    first = client.get(url, {"q": ""}).json()
    assert len(first["results"]) == 20 and first["more"] is True


def test_origin_endpoint_excludes_the_organisation_itself(client, planner_a, commune_a, elsewhere_commune):
    mine = OrganisationFactory(kind="tht", name="THT Lúa sạch", commune=commune_a)
    other = OrganisationFactory(kind="hoiquan", name="Hội quán Lúa", commune=commune_a)
    OrganisationFactory(kind="htx", name="HTX Lúa nước", commune=commune_a)  # not a group: never an origin
    OrganisationFactory(kind="tht", name="THT Lúa nơi khác", commune=elsewhere_commune)
    client.force_login(planner_a)
    url = reverse("cooperatives:autocomplete_origins")
    names = {r["text"] for r in client.get(url, {"q": "lua"}).json()["results"]}
    assert names == {"THT Lúa sạch", "Hội quán Lúa"}
    names = {r["text"] for r in client.get(url, {"q": "lua", "exclude": mine.pk}).json()["results"]}
    assert names == {"Hội quán Lúa"}
    for bad in ("x", "-1", "9" * 40, "1;drop"):  # bad input narrows nothing and is no error
        assert client.get(url, {"q": "lua", "exclude": bad}).status_code == 200
    assert other.pk


@pytest.mark.parametrize("name", ["cooperatives:autocomplete_communes", "cooperatives:autocomplete_origins"])
def test_endpoints_are_for_registry_editors_only(client, reporter_a, name):
    url = reverse(name)
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(reporter_a)
    assert client.get(url).status_code == 403


def test_endpoints_cost_the_same_few_queries_whatever_the_matches(
    client, planner_a, commune_a, many_communes, django_assert_max_num_queries
):
    for n in range(30):
        OrganisationFactory(kind="tht", name=f"THT Đếm {n}", commune=many_communes[n])
    client.force_login(planner_a)
    # session, user, the user's area, the page of matches (labels read with it: no query per row)
    for name, q in (("cooperatives:autocomplete_communes", "lac"), ("cooperatives:autocomplete_origins", "dem")):
        with django_assert_max_num_queries(6) as counted:
            rows = client.get(reverse(name), {"q": q}).json()["results"]
        assert len(rows) == 20, name
        few = len(counted)
        with django_assert_max_num_queries(few):
            assert len(client.get(reverse(name), {"q": q + " 1"}).json()["results"]) >= 1
