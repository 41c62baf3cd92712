"""Issue 17: the registry's default year (the latest year with figures in the user's area) read
by index gives the year of its former definition and of a plain Python computation, for every
kind of user across the 2025 reform; the list and the admin home keep their query counts."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.models import Max
from django.urls import reverse

from cooperatives import selectors
from cooperatives.models import YearlyRecord
from directory.selectors import user_agency_area
from tests import reform_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return reform_world.build()


def latest_year_before_issue_17(user):
    return YearlyRecord.objects.filter(
        organisation__in=selectors.organisations_visible_to(user).values("pk")
    ).aggregate(m=Max("year"))["m"]


def latest_year_in_python(user):
    visible = set(selectors.organisations_visible_to(user).values_list("pk", flat=True))
    years = [r.year for r in YearlyRecord.objects.all() if r.organisation_id in visible]
    return max(years, default=None)


def test_latest_year_equals_former_definition_and_python(world):
    for name, user in world["users"].items():
        expected = latest_year_in_python(user)
        assert selectors.latest_year(user) == expected == latest_year_before_issue_17(user), name


def test_latest_year_known_answers(world):
    """The new province reads its predecessors' years (2025 under N3, 2024 under an old
    Kon Tum commune); Lai Châu its 2026; the administrator the whole registry's."""
    users = world["users"]
    assert selectors.latest_year(users["leader"]) == 2025
    assert selectors.latest_year(users["planner"]) == 2024  # N1 and the old district Đăk Hà
    assert selectors.latest_year(users["reporter"]) == 2022  # N2: the split commune's HTX (Hà Mòn)
    assert selectors.latest_year(users["leader_lc"]) == 2026
    assert selectors.latest_year(users["admin"]) == 2026
    assert selectors.latest_year(users["no_agency"]) is None


def test_latest_year_is_one_query(world, django_assert_num_queries):
    for user in (world["users"]["admin"], world["users"]["leader"]):
        selectors.organisations_visible_to(user).exists()  # the user's area, memoised per request
        with django_assert_num_queries(1):
            selectors.latest_year(user)


def test_list_default_order_is_name_then_id(world, client_for):
    """The order the (name, id) index serves: names ascending, ties by id."""
    response = client_for(world["users"]["admin"]).get(reverse("cooperatives:organisation_list"))
    rows = [(o.name, o.pk) for o in response.context["organisations"]]
    assert rows == sorted(rows) and len(rows) == len(world["orgs"])


postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the statement is PostgreSQL's")


@postgresql_only
def test_statement_equals_the_orm_form(world):
    """The walk down the registry's years stops at the MAX: the same year for every kind of user
    (the reporter's 2022 lies four years below the registry's newest)."""
    for name, user in world["users"].items():
        assert selectors.latest_year(user) == selectors._latest_year_orm(user), name


@postgresql_only
def test_statement_is_written_once_per_area_shape(world):
    selectors._latest_year_sql.cache_clear()
    for _ in range(3):
        for user in world["users"].values():
            selectors.latest_year(user)
    shapes = {len(user_agency_area(u).paths) for u in world["users"].values() if u.agency_id and u.is_active}
    assert selectors._latest_year_sql.cache_info().currsize == len(shapes)


@postgresql_only
def test_area_paths_are_escaped_for_like(world, monkeypatch):
    user = world["users"]["leader"]
    assert selectors.latest_year(user) == 2025
    monkeypatch.setattr(selectors, "user_agency_area", lambda u: SimpleNamespace(paths=("%", "_")))
    assert selectors.latest_year(user) is None
