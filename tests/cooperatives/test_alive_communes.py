"""The registry places an organisation in a commune that existed during its life (issue 14):
founded on or after 01/07/2025 → a commune of today; dissolved before it → a commune of its time."""

import datetime

import pytest
from django.utils import translation

from cooperatives.forms import OrganisationForm
from directory.models import UnitSuccession
from tests.directory.factories import CommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(commune_a, province):
    """xã Sơn Hạ ended on 30/06/2025 and went into today's xã Sơn Hà."""
    new = CommuneFactory(name="Sơn Hà", code="21289", parent=province, valid_from=datetime.date(2025, 7, 1))
    commune_a.valid_to = datetime.date(2025, 6, 30)
    commune_a.save()
    UnitSuccession.objects.create(from_administrativeunit=commune_a, to_administrativeunit=new, rule="merged")
    return commune_a, new


def _form(user, commune, **dates):
    data = {"kind": "htx", "name": "HTX Thử", "commune": commune.pk, "status": "active", **dates}
    return OrganisationForm(data=data, user=user)


@pytest.mark.parametrize(("founded", "ok"), [("30/06/2025", True), ("01/07/2025", False)])
def test_old_commune_only_for_organisations_of_its_time(admin_user, merged, founded, ok):
    old, _new = merged
    with translation.override("vi"):
        form = _form(admin_user, old, founded=founded)
        assert form.is_valid() is ok, form.errors
        if not ok:
            message = form.errors["commune"][0]
            assert "xã Sơn Hạ không còn từ 01/07/2025" in message and "xã Sơn Hà" in message


@pytest.mark.parametrize(("dissolved", "ok"), [("30/06/2025", False), ("01/07/2025", True)])
def test_todays_commune_only_for_organisations_alive_after_the_reform(admin_user, merged, dissolved, ok):
    _old, new = merged
    with translation.override("vi"):
        form = _form(admin_user, new, founded="01/01/2020", dissolved=dissolved, status="dissolved")
        assert form.is_valid() is ok, form.errors
        if not ok:
            assert "chỉ có từ 01/07/2025" in form.errors["commune"][0]


def test_an_old_organisation_still_active_may_move_to_todays_commune(admin_user, merged):
    _old, new = merged
    assert _form(admin_user, new, founded="01/01/2015").is_valid()
