"""OrganisationFilterSet: each filter on a small registry."""

import datetime

import pytest

from cooperatives.filtersets import OrganisationFilterSet
from cooperatives.models import Organisation
from tests.cooperatives.factories import OrganisationFactory, YearlyRecordFactory, sector
from tests.directory.factories import CommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs(commune_a, commune_b, district_a):
    a2 = CommuneFactory(name="Sơn Thành", parent=district_a)
    h1 = OrganisationFactory(name="Hợp tác xã Quế Sơn Hạ", commune=commune_a, sectors=[sector("lam-nghiep")])
    h2 = OrganisationFactory(name="HTX Vận tải", commune=a2, sectors=[sector("van-tai")], status="suspended")
    t1 = OrganisationFactory(
        name="Tổ hợp tác nuôi ong", kind="tht", commune=commune_b, founded=datetime.date(2020, 1, 1)
    )
    YearlyRecordFactory(organisation=h1, year=2024, rating="tot")
    YearlyRecordFactory(organisation=h1, year=2023, rating="tb")
    YearlyRecordFactory(organisation=h2, year=2023, rating="kha")
    return {"h1": h1, "h2": h2, "t1": t1}


def names(params, user):
    fs = OrganisationFilterSet(params, queryset=Organisation.objects.all(), user=user)
    assert fs.is_valid(), fs.errors
    return sorted(o.name for o in fs.qs)


def test_kind_status_sector(orgs, planner):
    assert names({"kind": "tht"}, planner) == ["Tổ hợp tác nuôi ong"]
    assert names({"status": "suspended"}, planner) == ["HTX Vận tải"]
    assert names({"sector": sector("lam-nghiep").pk}, planner) == ["Hợp tác xã Quế Sơn Hạ"]
    assert names({"agricultural": "true"}, planner) == ["Hợp tác xã Quế Sơn Hạ"]


def test_unit_includes_units_below(orgs, planner, district_a, province):
    assert names({"unit": district_a.pk}, planner) == ["HTX Vận tải", "Hợp tác xã Quế Sơn Hạ"]
    assert len(names({"unit": province.pk}, planner)) == 3


def test_unit_outside_area_is_invalid(orgs, reporter_a, district_b):
    fs = OrganisationFilterSet({"unit": district_b.pk}, queryset=Organisation.objects.all(), user=reporter_a)
    assert not fs.is_valid()


def test_year_and_rating_in_that_year(orgs, planner):
    assert names({"year": 2024}, planner) == ["Hợp tác xã Quế Sơn Hạ"]
    assert names({"year": 2023, "rating": "tb"}, planner) == ["Hợp tác xã Quế Sơn Hạ"]
    assert names({"year": 2024, "rating": "tb"}, planner) == []
    assert names({"rating": "kha"}, planner) == ["HTX Vận tải"]


def test_accent_insensitive_words(orgs, planner):
    assert names({"q": "que son ha"}, planner) == ["Hợp tác xã Quế Sơn Hạ"]
    assert names({"q": "HỢP TÁC"}, planner) == ["Hợp tác xã Quế Sơn Hạ", "Tổ hợp tác nuôi ong"]


def test_ordering(orgs, planner):
    fs = OrganisationFilterSet({"ordering": "-name"}, queryset=Organisation.objects.all(), user=planner)
    assert [o.name for o in fs.qs][0] == "Tổ hợp tác nuôi ong"
