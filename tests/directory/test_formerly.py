"""'(trước đây: …)' beside today's bodies and '(nay: …)' beside old communes, prefetched (issue 14);
the registry filter by a commune of today finds the organisations of the communes it was formed from."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from directory.models import UnitSuccession
from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import AgencyFactory, CommuneFactory
from tests.reports.factories import ObligationFactory

pytestmark = pytest.mark.django_db
BEGUN = datetime.date(2025, 7, 1)


@pytest.fixture
def reform(province, district_a, commune_a, agency_a):
    """xã Sơn Hạ (old) → xã Sơn Hà (today); Phòng TC-KH huyện Sơn Hà → UBND xã Sơn Hà."""
    new = CommuneFactory(name="Sơn Hà", code="21289", parent=province, valid_from=BEGUN)
    commune_a.valid_to = BEGUN - datetime.timedelta(days=1)
    commune_a.save()
    UnitSuccession.objects.create(from_administrativeunit=commune_a, to_administrativeunit=new, rule="merged")
    successor = AgencyFactory(name="Ủy ban nhân dân xã Sơn Hà", unit=new, valid_from=BEGUN)
    agency_a.valid_to, agency_a.successor = commune_a.valid_to, successor
    agency_a.save()
    return {"new": new, "old": commune_a, "successor": successor, "office": agency_a}


def _get(client, url, params=None):
    with translation.override("vi"):
        response = client.get(url, params or {}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    return response.content.decode()


def test_agency_pages_say_what_they_were(client_for, admin_user, reform):
    client = client_for(admin_user)
    body = _get(client, reverse("directory:agency_list"))
    assert "(trước đây: Phòng Tài chính - Kế hoạch huyện Sơn Hà)" in body
    # The agency page lists its predecessors under "Kế thừa từ": no hint repeating them.
    body = _get(client, reverse("directory:agency_detail", args=[reform["successor"].pk]))
    assert "trước đây" not in body
    assert "Kế thừa từ" in body and reform["office"].get_absolute_url() in body


def test_long_formerly_hints_name_three_and_count_the_rest(client_for, admin_user, reform, province):
    """A body that succeeded 11 others: the hint names 3 and counts 8 ("và 8 cơ quan khác"); the
    agency page names all 11 once, in "Kế thừa từ"; a commune formed from 5 communes: 3 + "và 2
    đơn vị khác"."""
    successor = reform["successor"]
    for i in range(10):
        AgencyFactory(name=f"Phòng cũ số {i:02d}", unit=reform["office"].unit, valid_to=BEGUN - datetime.timedelta(days=1),
                      successor=successor)
    client = client_for(admin_user)
    body = _get(client, reverse("directory:agency_list"))
    hint = "(trước đây: Phòng Tài chính - Kế hoạch huyện Sơn Hà, Phòng cũ số 00, Phòng cũ số 01 và 8 cơ quan khác)"
    assert hint in body
    ObligationFactory(agency=successor)
    body = _get(client, reverse("reports:obligation_list"))
    assert "và 8 cơ quan khác)" in body
    body = _get(client, reverse("directory:agency_detail", args=[successor.pk]))
    assert "trước đây" not in body and "cơ quan khác" not in body
    for i in range(10):
        assert f"Phòng cũ số {i:02d}" in body
    assert "Phòng Tài chính - Kế hoạch huyện Sơn Hà" in body

    for i in range(4):
        old = CommuneFactory(name=f"Cũ {i}", parent=reform["old"].parent, valid_to=BEGUN - datetime.timedelta(days=1))
        UnitSuccession.objects.create(from_administrativeunit=old, to_administrativeunit=reform["new"], rule="merged")
    OrganisationFactory(name="HTX Sơn Hà mới", commune=reform["new"])
    body = _get(client, reverse("cooperatives:organisation_list"))
    assert "(trước đây: xã Cũ 0, xã Cũ 1, xã Cũ 2 và 2 đơn vị khác)" in body


def test_report_list_says_what_the_agency_was(client_for, admin_user, reform, django_assert_max_num_queries):
    client = client_for(admin_user)
    ObligationFactory(agency=reform["successor"])
    body = _get(client, reverse("reports:obligation_list"))
    assert "Ủy ban nhân dân xã Sơn Hà <span" in body and "(trước đây: Phòng Tài chính - Kế hoạch huyện Sơn Hà)" in body
    for _i in range(10):
        ObligationFactory(agency=AgencyFactory(unit=reform["new"], valid_from=BEGUN))
    with django_assert_max_num_queries(20):  # the hints are one prefetch, not one query per row
        _get(client, reverse("reports:obligation_list"))


def test_registry_shows_todays_commune_and_filters_by_it(client_for, admin_user, reform, commune_b):
    client = client_for(admin_user)
    old_org = OrganisationFactory(name="HTX Sơn Hạ cũ", commune=reform["old"])
    new_org = OrganisationFactory(name="HTX Sơn Hà mới", commune=reform["new"])
    OrganisationFactory(name="HTX Ba Động", commune=commune_b)
    body = _get(client, reverse("cooperatives:organisation_list"))
    assert "(nay: xã Sơn Hà)" in body and "(trước đây: xã Sơn Hạ)" in body
    body = _get(client, reverse("cooperatives:organisation_list"), {"unit": reform["new"].pk})
    assert old_org.name in body and new_org.name in body and "HTX Ba Động" not in body
    body = _get(client, reverse("cooperatives:organisation_detail", args=[old_org.pk]))
    assert "(nay: xã Sơn Hà)" in body
