"""The drill-down and the map follow the whole chain of mergers (issue 15): a commune merged in
2019 and merged again on 01/07/2025 counts, with its oldest rows, for today's commune — not
one step only. A cycle in the succession table (impossible in the library's data, but the
table is editable in the admin) ends the walk instead of looping."""

import datetime

import pytest

from dashboards import selectors as s
from directory.models import UnitSuccession
from directory.selectors import MAX_SUCCESSION_STEPS, succession_chain
from tests.cooperatives.factories import OrganisationFactory
from tests.directory.factories import CommuneFactory, DistrictFactory, ProvinceFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 1)


@pytest.fixture
def twice_merged():
    """Xã Sơn Linh (ended 2019) → xã Sơn Hạ (ended 30/06/2025) → xã Sơn Hà (today)."""
    province = ProvinceFactory(name="Quảng Ngãi", code="51")
    district = DistrictFactory(name="Sơn Hà", parent=province, valid_to=datetime.date(2025, 6, 30))
    oldest = CommuneFactory(name="Sơn Linh", parent=district, valid_to=datetime.date(2019, 12, 31))
    middle = CommuneFactory(name="Sơn Hạ", parent=district, valid_to=datetime.date(2025, 6, 30))
    today = CommuneFactory(name="Sơn Hà", parent=province, valid_from=datetime.date(2025, 7, 1))
    other = CommuneFactory(name="Sơn Tây", parent=province, valid_from=datetime.date(2025, 7, 1))
    UnitSuccession.objects.create(from_administrativeunit=oldest, to_administrativeunit=middle, is_default=True)
    UnitSuccession.objects.create(from_administrativeunit=middle, to_administrativeunit=today, is_default=True)
    for _i in range(3):
        OrganisationFactory(commune=oldest)
    OrganisationFactory(commune=middle)
    OrganisationFactory(commune=today)
    return {"province": province, "oldest": oldest, "middle": middle, "today": today, "other": other}


def test_chain_backward_and_forward(twice_merged):
    u = twice_merged
    assert [(a, b, n) for a, b, _p, n in succession_chain([u["today"].pk], backward=True)] == [
        (u["today"].pk, u["middle"].pk, 1), (u["today"].pk, u["oldest"].pk, 2),
    ]
    assert [(a, b, n) for a, b, _p, n in succession_chain([u["oldest"].pk], backward=False)] == [
        (u["oldest"].pk, u["middle"].pk, 1), (u["oldest"].pk, u["today"].pk, 2),
    ]
    assert succession_chain([u["other"].pk], backward=True) == []
    assert succession_chain([], backward=True) == []


def test_drill_down_counts_the_oldest_rows_for_todays_commune(twice_merged):
    u = twice_merged
    children = {c.pk: c for c in s.child_units(s.Area.of(u["province"]), s.Window(2026), TODAY)}
    assert set(children) == {u["today"].pk, u["other"].pk}
    assert children[u["today"].pk].org_count == 5  # 3 of 2019's commune + 1 of the one between + 1 of its own
    assert children[u["today"].pk].has_data and not children[u["other"].pk].has_data
    # The figure agrees with today's commune's own area (its lineage is transitive).
    assert s.Area.of(u["today"]).contains(u["oldest"])


def test_map_counts_the_oldest_rows_for_todays_commune(twice_merged):
    u = twice_merged
    result = s.commune_map(s.Area.of(u["province"]), s.Window(2026), TODAY, s.MAP_REGISTRY)
    rows = {r.unit_id: r for r in result["rows"]}
    assert rows[u["today"].pk].count == 5
    assert u["oldest"].pk not in rows and u["middle"].pk not in rows


def test_a_cycle_ends_the_walk(twice_merged):
    u = twice_merged
    # Entered by hand: today's commune "succeeded by" the oldest one closes a cycle.
    UnitSuccession.objects.create(from_administrativeunit=u["today"], to_administrativeunit=u["oldest"], is_default=True)
    chain = succession_chain([u["today"].pk], backward=True)
    assert [(b, n) for _a, b, _p, n in chain] == [(u["middle"].pk, 1), (u["oldest"].pk, 2)]
    assert all(n <= MAX_SUCCESSION_STEPS for *_x, n in chain)
    children = {c.pk: c for c in s.child_units(s.Area.of(u["province"]), s.Window(2026), TODAY)}
    assert children[u["today"].pk].org_count == 5  # each row counted once


def _run(sql_template, ids, backward):
    from django.db import connection

    first, second = (
        ("to_administrativeunit_id", "from_administrativeunit_id") if backward
        else ("from_administrativeunit_id", "to_administrativeunit_id")
    )
    with connection.cursor() as cursor:
        cursor.execute(sql_template.format(first=first, second=second, ids=", ".join(["%s"] * len(ids))),
                       [*ids, MAX_SUCCESSION_STEPS])
        return cursor.fetchall()


def test_postgresql_walk_equals_the_portable_statement(twice_merged):
    """PostgreSQL walks the links by ``LATERAL`` index probes and reads each path by its key
    (issue 17); the rows are the portable statement's, and the former join's (kept here), for
    every unit and both directions, with a non-default link and with a cycle entered by hand."""
    from django.db import connection

    from directory import selectors as ds

    if connection.vendor != "postgresql":
        pytest.skip("the LATERAL form is PostgreSQL's")
    former = (
        "WITH RECURSIVE chain(start_id, unit_id, depth) AS ("
        " SELECT {first}, {second}, 1 FROM directory_administrativeunit_successors"
        " WHERE is_default AND {first} IN ({ids})"
        " UNION SELECT c.start_id, s.{second}, c.depth + 1 FROM directory_administrativeunit_successors s"
        " JOIN chain c ON s.{first} = c.unit_id WHERE s.is_default AND c.depth < %s"
        ") SELECT c.start_id, c.unit_id, u.path, MIN(c.depth) FROM chain c"
        " JOIN directory_administrativeunit u ON u.id = c.unit_id WHERE c.unit_id <> c.start_id"
        " GROUP BY c.start_id, c.unit_id, u.path ORDER BY 4, 1, 2"
    )
    u = twice_merged
    UnitSuccession.objects.create(from_administrativeunit=u["oldest"], to_administrativeunit=u["other"], is_default=False)
    ids = sorted(x.pk for x in u.values())
    checked = 0
    for cycle in (False, True):
        if cycle:
            UnitSuccession.objects.create(from_administrativeunit=u["today"], to_administrativeunit=u["oldest"],
                                          is_default=True)
        for backward in (True, False):
            for chosen in [ids, *([pk] for pk in ids)]:
                rows = _run(ds._CHAIN_SQL_POSTGRESQL, chosen, backward)
                assert rows == _run(ds._CHAIN_SQL, chosen, backward) == _run(former, chosen, backward)
                checked += bool(rows)
    assert checked >= 8
