"""Units, agencies and users: names, headers, roles and constraints."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from directory.models import Role
from tests.directory.factories import AgencyFactory, CommuneFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_full_name_lowercases_generic_noun(province, commune_a):
    """Units read as documents write them: "tỉnh Quảng Ngãi", "xã Sơn Hạ"."""
    assert province.full_name == "tỉnh Quảng Ngãi"
    assert str(commune_a) == "xã Sơn Hạ"


def test_unit_validity_range_is_checked(district_a):
    """A unit cannot end before it starts."""
    unit = CommuneFactory(parent=district_a, valid_from=date(2025, 7, 1))
    unit.valid_to = date(2025, 6, 30)
    with pytest.raises(ValidationError):
        unit.full_clean()


def test_header_lines(district_a):
    """Header lines come from header_name (one per line) or, failing that, the name."""
    parent = AgencyFactory(unit=district_a, name="Ủy ban nhân dân huyện Sơn Hà", header_name="ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ")
    office = AgencyFactory(unit=district_a, name="Phòng Tài chính - Kế hoạch", parent=parent, header_name="")
    assert parent.header_lines == ["ỦY BAN NHÂN DÂN", "HUYỆN SƠN HÀ"]
    assert office.header_lines == ["PHÒNG TÀI CHÍNH - KẾ HOẠCH"]
    assert office.header_parent_line == "UBND HUYỆN SƠN HÀ"
    assert parent.header_parent_line == ""


def test_roles(agency_a):
    """Role flags give roles; superusers hold every role; inactive users none."""
    user = UserFactory(agency=agency_a, is_planner=True, is_leader=True)
    assert user.roles == [Role.PLANNER, Role.LEADER]
    assert user.has_role(Role.PLANNER) and not user.has_role(Role.REPORTER)
    root = UserFactory(agency=None, is_superuser=True)
    assert root.has_role(Role.REPORTER) and root.roles == [Role.ADMIN]
    user.is_active = False
    assert not user.has_role(Role.PLANNER)


def test_clerk_role(agency_a, client):
    """A văn thư holds the clerk role only, and the default portal pages admit them (read access)."""
    clerk = UserFactory(agency=agency_a, is_clerk=True)
    assert clerk.roles == [Role.CLERK]
    assert clerk.has_role(Role.CLERK) and not clerk.has_role(Role.LEADER)
    assert not UserFactory(agency=agency_a, is_leader=True).has_role(Role.CLERK)
    client.force_login(clerk)
    assert client.get("/plans/").status_code == 200
