"""Writes of the directory: idempotent upserts and moving a unit with its subtree."""

import pytest

from directory.models import Agency, AgencyKind, User
from directory.services import agency_upsert, unit_save, user_upsert
from tests.directory.factories import CommuneFactory, DistrictFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


def test_agency_upsert_creates_then_leaves_alone(district_a):
    """The second call with the same values saves nothing; a changed value is written."""
    agency, created = agency_upsert(name="Phòng Nông nghiệp huyện Sơn Hà", unit=district_a, short_name="NN", kind=AgencyKind.OFFICE)
    assert created and agency.search_text == "phong nong nghiep huyen son ha nn"
    modified = agency.modified
    again, created = agency_upsert(name="Phòng Nông nghiệp huyện Sơn Hà", unit=district_a, short_name="NN", kind=AgencyKind.OFFICE)
    assert not created and again.pk == agency.pk
    assert Agency.objects.get(pk=agency.pk).modified == modified
    agency_upsert(name="Phòng Nông nghiệp huyện Sơn Hà", unit=district_a, short_name="NNPTNT", kind=AgencyKind.OFFICE)
    assert Agency.objects.get(pk=agency.pk).short_name == "NNPTNT"


def test_agency_upsert_rejects_unknown_field(district_a):
    """A typo in a field name is an error, not silently ignored."""
    with pytest.raises(TypeError):
        agency_upsert(name="X", unit=district_a, short_name="X", colour="red")


def test_user_upsert_sets_password_only_on_creation(agency_a):
    """The password is set when the account is created and kept afterwards."""
    user, created = user_upsert(username="demo", password="first-pass-123", agency=agency_a, is_reporter=True)
    assert created and user.check_password("first-pass-123")
    user.set_password("changed-by-admin-1")
    user.save()
    user_upsert(username="demo", password="first-pass-123", agency=agency_a, is_reporter=True, full_name="Nguyễn Văn A")
    user = User.objects.get(username="demo")
    assert user.check_password("changed-by-admin-1") and user.full_name == "Nguyễn Văn A"


def test_unit_save_moves_subtree():
    """Moving a district to another province rewrites the paths of its communes."""
    p1, p2 = ProvinceFactory(), ProvinceFactory()
    district = DistrictFactory(parent=p1)
    commune = CommuneFactory(parent=district)
    district.parent = p2
    unit_save(unit=district)
    commune.refresh_from_db()
    district.refresh_from_db()
    assert district.path == f"{p2.path}{district.pk}/"
    assert commune.path == f"{district.path}{commune.pk}/"


def test_unit_save_new_unit_gets_path(province):
    """A unit created by hand gets its path once it has an id."""
    from directory.models import AdministrativeUnit

    unit = unit_save(unit=AdministrativeUnit(code="999", name="Mới", kind="huyện", level="district", parent=province))
    assert AdministrativeUnit.objects.get(pk=unit.pk).path == f"{province.path}{unit.pk}/"
