"""Fixtures shared by every test module.

The standard cast: a province with two districts (A and B), each with a commune; an
agency in each; and a user for each role. Tests of scoping use ``district_a``/
``district_b`` users to check that one district never sees the other's data.
"""

import pytest

from tests.directory.factories import AgencyFactory, CommuneFactory, DistrictFactory, ProvinceFactory, UserFactory


@pytest.fixture
def province(db):
    return ProvinceFactory(name="Quảng Ngãi", code="51")


@pytest.fixture
def district_a(province):
    return DistrictFactory(name="Sơn Hà", code="529", parent=province)


@pytest.fixture
def district_b(province):
    return DistrictFactory(name="Ba Tơ", code="534", parent=province)


@pytest.fixture
def commune_a(district_a):
    return CommuneFactory(name="Sơn Hạ", code="21301", parent=district_a)


@pytest.fixture
def commune_b(district_b):
    return CommuneFactory(name="Ba Động", code="21502", parent=district_b)


@pytest.fixture
def province_agency(province):
    return AgencyFactory(name="Liên minh Hợp tác xã tỉnh Quảng Ngãi", short_name="LMHTX", kind="lmhtx", unit=province)


@pytest.fixture
def agency_a(district_a):
    return AgencyFactory(name="Phòng Tài chính - Kế hoạch huyện Sơn Hà", short_name="TCKH", kind="phong", unit=district_a)


@pytest.fixture
def agency_b(district_b):
    return AgencyFactory(name="Phòng Tài chính - Kế hoạch huyện Ba Tơ", short_name="TCKH", kind="phong", unit=district_b)


@pytest.fixture
def planner(province_agency):
    return UserFactory(username="planner", agency=province_agency, is_planner=True)


@pytest.fixture
def leader(province_agency):
    return UserFactory(username="leader", agency=province_agency, is_leader=True)


@pytest.fixture
def reporter_a(agency_a):
    return UserFactory(username="reporter_a", agency=agency_a, is_reporter=True)


@pytest.fixture
def reporter_b(agency_b):
    return UserFactory(username="reporter_b", agency=agency_b, is_reporter=True)


@pytest.fixture
def planner_a(agency_a):
    return UserFactory(username="planner_a", agency=agency_a, is_planner=True)


@pytest.fixture
def no_role_user(agency_a):
    return UserFactory(username="norole", agency=agency_a)


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", agency=None, is_superuser=True, is_staff=True)


@pytest.fixture
def client_for(client):
    """Return a function that logs ``user`` in on a fresh test client."""
    from django.test import Client

    def make(user):
        c = Client()
        c.force_login(user)
        return c

    return make


@pytest.fixture
def demo_directory(db):
    """The demo's units (all official ones) and agencies/accounts; returns ``directory.demo``
    so tests write ``demo_directory.agency("lmhtx_qn")`` or ``demo_directory.unit("sonha")``."""
    from datetime import date
    from io import StringIO

    from directory import demo
    from directory.units import units_load

    units_load()
    demo.load(stdout=StringIO(), today=date(2026, 11, 25))
    return demo


@pytest.fixture
def freeze(monkeypatch):
    """freeze(date) makes "now" 10:00 in Vietnam on that day, for the services and the views."""
    import datetime
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    def _freeze(day: datetime.date):
        moment = datetime.datetime(day.year, day.month, day.day, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return _freeze
