"""Scoping reads: areas with predecessors, visible agencies and units."""

import pytest

from directory.models import AdministrativeUnit
from directory.selectors import agencies_visible_to, minimal_paths, unit_area_q, unit_lineage, units_visible_to
from tests.directory.factories import DistrictFactory, ProvinceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_minimal_paths_drops_nested():
    """Paths below another path of the set add nothing and are dropped."""
    assert minimal_paths(["/1/2/", "/1/", "/3/", "/3/", ""]) == ["/1/", "/3/"]


def test_area_includes_predecessors_subtrees(province, district_a):
    """A merged province's area includes the old province it absorbed and that one's districts."""
    old = ProvinceFactory(name="Kon Tum", code="62")
    old_district = DistrictFactory(name="Ngọc Hồi", code="611", parent=old)
    old.successors.add(province)
    assert set(unit_lineage(province)) == {province, old}
    area = AdministrativeUnit.objects.filter(unit_area_q(province))
    assert set(area) == {province, district_a, old, old_district}
    # ... but not the other way round: the old province does not see the new one.
    assert province not in AdministrativeUnit.objects.filter(unit_area_q(old))


def test_area_of_none_is_empty(province):
    """No unit, no area."""
    assert not AdministrativeUnit.objects.filter(unit_area_q(None)).exists()


def test_visible_to(reporter_a, agency_a, agency_b, admin_user, district_a, district_b):
    """Users see their area; admins everything; users without agency nothing."""
    assert list(agencies_visible_to(reporter_a)) == [agency_a]
    assert set(units_visible_to(reporter_a)) == {district_a}
    assert set(agencies_visible_to(admin_user)) >= {agency_a, agency_b}
    lonely = UserFactory(agency=None, is_planner=True)
    assert not agencies_visible_to(lonely).exists()
    assert not units_visible_to(lonely).exists()
