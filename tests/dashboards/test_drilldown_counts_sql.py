"""The drill-down's organisations per commune, counted per commune first on PostgreSQL (issue 17,
branch ``heavy``): ``selectors._organisation_counts_by_path`` gives, row for row, the figures of
``organisation_counts(area, "commune__path")`` (the one definition) for a province, a district,
a commune and the whole country — every kind and status, agricultural or not, another
province's organisations — and the drill-down's counts follow."""

import pytest
from django.db import connection

from cooperatives.models import Organisation
from dashboards import selectors as s
from directory.models import AdministrativeUnit

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the statement is PostgreSQL's")


@pytest.fixture
def organisations(world, commune_a, commune_b):
    """More organisations in each commune: each kind × status × agricultural or not."""
    for commune in (commune_a, commune_b, world["other_commune"]):
        for kind in ("htx", "tht", "lhtx"):
            for status in ("active", "suspended", "dissolved"):
                for agri in (True, False):
                    Organisation.objects.create(kind=kind, status=status, is_agricultural=agri, commune=commune,
                                                name=f"{kind} {status} {agri} {commune.pk}")


def _former(area):
    return sorted((r["commune__path"], r["n"], r["agri"]) for r in s.organisation_counts(area, "commune__path"))


@postgresql_only
def test_counted_per_commune_first_gives_the_former_rows(organisations, province, district_a, commune_a):
    for unit in (province, district_a, commune_a, None):
        area = s.Area.of(unit)
        got = sorted(s._organisation_counts_by_path(area))
        assert got == _former(area), unit
        assert got and all(n > agri > 0 for _p, n, agri in got)  # each commune has both kinds of count
    assert len(s._organisation_counts_by_path(s.Area.of(None))) == 3  # the other province's commune too


def test_drill_down_organisation_counts(organisations, province):
    """Each child's organisations and agricultural HTX are the sums of its communes' (any backend)."""
    area = s.Area.of(province)
    children = s.child_units(area, s.Window(2025), s.Window(2025).end)
    rows = _former(area)
    for child in children:
        inside = [r for r in rows if r[0].startswith(child.path)]
        assert (child.org_count, child.agri_htx) == (sum(r[1] for r in inside), sum(r[2] for r in inside))
    assert sum(c.org_count for c in children) == sum(r[1] for r in rows) > 0
    assert AdministrativeUnit.objects.filter(pk__in=[c.pk for c in children]).count() == len(children)
