"""directory.services.agencies_end_with_units: the rule for mass organisations of abolished
districts and merged provinces, and bodies ending without a successor for a documented reason
(issue 14)."""

import datetime

import pytest

from directory.models import Agency, AgencyKind, UnitSuccession
from directory.services import NO_SUCCESSOR_REASONS, agencies_end_with_units
from tests.directory.factories import AgencyFactory, DistrictFactory, ProvinceFactory

pytestmark = pytest.mark.django_db
LAST = datetime.date(2025, 6, 30)
FIRST = datetime.date(2025, 7, 1)


@pytest.fixture
def reform():
    """Old Kon Tum (district Ngọc Hồi) merged into today's Quảng Ngãi."""
    old = ProvinceFactory(name="Kon Tum", code="62", valid_to=LAST)
    district = DistrictFactory(name="Ngọc Hồi", code="610", parent=old, valid_to=LAST)
    new = ProvinceFactory(name="Quảng Ngãi", code="51", valid_from=FIRST)
    for unit in (old, district):
        UnitSuccession.objects.create(
            from_administrativeunit=unit, to_administrativeunit=new, rule="district" if unit is district else "province"
        )
    return {"old": old, "district": district, "new": new}


def test_mass_organisations_pass_to_the_province_of_today(reform):
    district, new = reform["district"], reform["new"]
    farmers_today = AgencyFactory(name="Hội Nông dân tỉnh Quảng Ngãi", unit=new, kind=AgencyKind.FARMERS_UNION)
    front = AgencyFactory(
        name="Ủy ban Mặt trận Tổ quốc Việt Nam huyện Ngọc Hồi", unit=district, kind=AgencyKind.FATHERLAND_FRONT,
        short_name="MTTQ", header_name="ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nHUYỆN NGỌC HỒI",
    )
    farmers = AgencyFactory(name="Hội Nông dân huyện Ngọc Hồi", unit=district, kind=AgencyKind.FARMERS_UNION)
    province_front = AgencyFactory(
        name="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum", unit=reform["old"], kind=AgencyKind.FATHERLAND_FRONT
    )
    council = AgencyFactory(name="Hội đồng nhân dân huyện Ngọc Hồi", unit=district, kind=AgencyKind.PARTY_COUNCIL)

    agencies_end_with_units()
    for agency in (front, farmers, province_front, council):
        agency.refresh_from_db()
        assert agency.valid_to == LAST
    # An existing organisation of today's province is reused; a missing one is created, dated
    # from 01/07/2025, with the header adapted; the merged province's and the district's
    # fronts go to the same body.
    assert farmers.successor == farmers_today
    created = front.successor
    assert created.name == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ngãi" and created.unit == new
    assert (created.valid_from, created.valid_to, created.kind, created.short_name) == (FIRST, None, "mttq", "MTTQ")
    assert created.header_lines == ["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "TỈNH QUẢNG NGÃI"]
    assert province_front.successor == created
    # The People's Council has no successor, for a documented reason.
    assert council.successor is None and AgencyKind.PARTY_COUNCIL in NO_SUCCESSOR_REASONS
    # Idempotent: nothing more is ended, named or created.
    count = Agency.objects.count()
    assert agencies_end_with_units() == {"ended": 0, "successors": 0}
    assert Agency.objects.count() == count


def test_a_name_without_its_unit_gets_no_guessed_successor(reform):
    """A mass organisation whose name does not end with its unit's name is not renamed by guess."""
    odd = AgencyFactory(name="Ban vận động MTTQ Ngọc Hồi", unit=reform["district"], kind=AgencyKind.FATHERLAND_FRONT)
    agencies_end_with_units()
    odd.refresh_from_db()
    assert odd.valid_to == LAST and odd.successor is None
