"""An agency's lineage and area in one query (issue 17).

``directory.selectors.agency_area`` reads the agencies an agency succeeded and every unit behind
them (their units and those units' predecessors, transitively) with one recursive statement that
PostgreSQL and SQLite run alike. These tests compare it with a walk one generation at a time (the
former algorithm, written again here with the ORM), and count the queries of a page for a user
whose agency has many generations behind it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.permissions import user_agency_ids, user_area_q
from directory.models import AdministrativeUnit, Agency, User
from directory.selectors import (
    agencies_visible_to,
    agency_area,
    agency_lineage,
    minimal_paths,
    units_visible_to,
    user_agency_area,
)
from tests.directory.factories import AgencyFactory, CommuneFactory, DistrictFactory, ProvinceFactory, UserFactory

pytestmark = pytest.mark.django_db


def walked_unit_paths(unit) -> list[str]:
    """The unit and its predecessors, one generation per query (as before)."""
    seen = {unit.pk: unit}
    frontier = [unit.pk]
    while frontier:
        preds = list(AdministrativeUnit.objects.filter(successors__in=frontier).exclude(pk__in=seen.keys()))
        frontier = [p.pk for p in preds]
        seen.update((p.pk, p) for p in preds)
    return minimal_paths(u.path for u in seen.values())


def walked_area(agency):
    """(agency ids, parent ids, paths) by walking agencies then units generation by generation."""
    seen = {agency.pk: agency}
    frontier = [agency.pk]
    while frontier:
        preds = list(Agency.objects.filter(successor__in=frontier).exclude(pk__in=seen.keys()))
        frontier = [p.pk for p in preds]
        seen.update((p.pk, p) for p in preds)
    paths = minimal_paths(p for a in seen.values() for p in walked_unit_paths(a.unit))
    parents = sorted({a.parent_id for a in seen.values() if a.parent_id})
    return sorted(seen), parents, paths


def test_area_is_the_walk_for_every_demo_user(demo_directory):
    """Every demo account with an agency (sonha and xa_ngochoi have predecessors across two
    provinces) gets the same agencies, governing bodies and area as the generation walk, and the
    scoped units are the same rows."""
    users = list(User.objects.exclude(agency=None).select_related("agency__unit").order_by("username"))
    assert {"sonha", "xa_ngochoi", "ngochoi", "dongthap"} <= {u.username for u in users}
    with_predecessors = 0
    for user in users:
        ids, parents, paths = walked_area(user.agency)
        area = agency_area(user.agency)
        assert (list(area.agency_ids), list(area.parent_ids), list(area.paths)) == (ids, parents, paths), user.username
        assert user_agency_ids(user) == ids
        assert sorted(a.pk for a in agency_lineage(user.agency)) == ids
        walked_units = AdministrativeUnit.objects.filter(
            pk__in=[u.pk for p in paths for u in AdministrativeUnit.objects.filter(path__startswith=p)]
        )
        assert set(units_visible_to(user)) == set(walked_units), user.username
        with_predecessors += len(ids) > 1
    assert with_predecessors >= 3  # the reform's successor agencies are among them


def chain(generations: int):
    """A commune agency that succeeded a district office that succeeded …, ``generations`` deep,
    each predecessor on a unit that itself had two predecessors merged into it."""
    province = ProvinceFactory()
    units = []
    agency = None
    first = None
    for _ in range(generations):
        district = DistrictFactory(parent=province)
        unit = CommuneFactory(parent=district)
        for _ in range(2):
            old = CommuneFactory(parent=DistrictFactory(parent=ProvinceFactory()))
            old.successors.add(unit)
            units.append(old)
        units.append(unit)
        predecessor = AgencyFactory(unit=unit, parent=AgencyFactory(unit=province))
        if agency is not None:
            predecessor.successor = agency
            predecessor.save(update_fields=["successor"])
        else:
            first = predecessor
        agency = predecessor
    return first, units


@pytest.mark.parametrize("generations", [1, 6])
def test_a_long_lineage_is_one_query(generations):
    """However many agencies and units lie behind the user's agency, its area is one query,
    read once for the whole request."""
    head, units = chain(generations)
    user = UserFactory(agency=head, is_planner=True)
    user = User.objects.select_related("agency__unit").get(pk=user.pk)
    with CaptureQueriesContext(connection) as ctx:
        area = user_agency_area(user)
        user_area_q(user, "commune")
        user_agency_ids(user)
        list(agencies_visible_to(user).values_list("pk", flat=True))
        list(units_visible_to(user).values_list("pk", flat=True))
    assert len(ctx.captured_queries) == 3  # the area, then the two querysets
    assert len(area.agency_ids) == generations
    assert set(area.paths) == set(walked_area(head)[2])
    assert {u.pk for u in units} <= set(units_visible_to(user).values_list("pk", flat=True))


def test_a_cycle_entered_in_the_admin_ends_the_walk():
    """Two agencies naming each other as successor, two units each other's predecessor: the
    query ends (UNION) with both of each."""
    a, b = AgencyFactory(), AgencyFactory()
    Agency.objects.filter(pk=a.pk).update(successor=b)
    Agency.objects.filter(pk=b.pk).update(successor=a)
    a.unit.successors.add(b.unit)
    b.unit.successors.add(a.unit)
    area = agency_area(a)
    assert set(area.agency_ids) == {a.pk, b.pk}
    assert set(area.paths) == set(minimal_paths([a.unit.path, b.unit.path]))
    assert [x.pk for x in agency_lineage(a)] == [a.pk, b.pk]


def test_page_queries_do_not_grow_with_the_lineage(client):
    """The plan list of a user with six generations of agencies (and twelve merged units) behind
    them runs as many queries as for a user with none, and reads the lineage once."""
    counts = {}
    for generations in (1, 6):
        head, _units = chain(generations)
        user = UserFactory(agency=head, is_planner=True)
        client.force_login(user)
        client.get("/plans/")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/plans/").status_code == 200
        lineage = [q for q in ctx.captured_queries if "WITH RECURSIVE agencies" in q["sql"]]
        assert len(lineage) == 1
        counts[generations] = len(ctx.captured_queries)
    assert counts[6] == counts[1]


def test_unit_lineage_is_the_orms(demo_directory):
    """``unit_lineage`` (one raw statement through ``Manager.raw``) gives the same units, in the
    same order, with the same values and types, as the ORM's ``filter(pk__in=…)`` form, for
    every unit that took others over on the demo's map (the 2025 reform: thousands) and a unit
    without predecessors."""
    from django.db.models.expressions import RawSQL

    from directory.selectors import _LINEAGE_SQL, unit_lineage

    def values(unit):
        return [(f.attname, getattr(unit, f.attname), type(getattr(unit, f.attname))) for f in unit._meta.concrete_fields]

    successors = AdministrativeUnit.objects.filter(predecession_links__isnull=False).distinct().order_by("pk")
    units = [*successors[:400], AdministrativeUnit.objects.filter(predecession_links__isnull=True).first()]
    assert len(units) > 100
    longest = 0
    for unit in units:
        expected = AdministrativeUnit.objects.filter(pk__in=RawSQL(_LINEAGE_SQL, [unit.pk])).exclude(pk=unit.pk)
        expected = [unit, *expected.order_by("pk")]
        got = unit_lineage(AdministrativeUnit.objects.get(pk=unit.pk))
        assert [values(u) for u in got] == [values(u) for u in expected], unit.pk
        longest = max(longest, len(got))
    assert longest >= 3
