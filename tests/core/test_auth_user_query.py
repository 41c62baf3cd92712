"""The signed-in user, read by a statement compiled once, is what the ORM reads (issue 17)."""

import pytest
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext

from core.auth import UserWithAgencyBackend, user_with_agency
from directory.models import User
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def fields(obj):
    return None if obj is None else {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_same_user_agency_and_unit_as_the_orm(demo_directory):
    """Every demo account (and one without an agency): the same values, field by field with
    their Python types (dates, times with their zone, booleans, floats), for the user, the
    agency and the unit, and neither the agency nor the unit costs a further query."""
    UserFactory(username="no_agency", agency=None, is_planner=True)
    users = list(User.objects.order_by("pk"))
    assert len(users) >= 11
    for expected in User.objects.select_related("agency__unit").order_by("pk"):
        with CaptureQueriesContext(connection) as ctx:
            user = user_with_agency(expected.pk)
            agency = user.agency
            unit = agency.unit if agency else None
        assert len(ctx.captured_queries) == 1, expected.username
        assert fields(user) == fields(expected), expected.username
        assert fields(agency) == fields(expected.agency), expected.username
        assert fields(unit) == fields(expected.agency.unit if expected.agency else None), expected.username
        assert [type(v) for v in fields(user).values()] == [type(v) for v in fields(expected).values()]
        assert user._state.adding is False and user._state.db == expected._state.db
    assert model_to_dict(user_with_agency(users[0].pk)) == model_to_dict(users[0])


def test_missing_and_inactive_users_are_not_signed_in():
    active, inactive = UserFactory(is_planner=True), UserFactory(is_planner=True, is_active=False)
    backend = UserWithAgencyBackend()
    assert backend.get_user(active.pk) == active
    assert backend.get_user(inactive.pk) is None
    assert backend.get_user(active.pk + inactive.pk + 1000) is None
    assert user_with_agency(str(active.pk)) == active
