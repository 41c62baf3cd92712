"""Issue 17: the registry coverage by UNION gives the figures of its former EXISTS(… OR …)
definition and of a plain Python computation, across the 2025 reform."""

from decimal import Decimal

import pytest
from django.db.models import Count, Exists, OuterRef, Q

from cooperatives.models import Organisation
from dashboards import selectors as s
from directory.models import AdministrativeUnit, UnitLevel, UnitSuccession
from tests import reform_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return reform_world.build()


def coverage_before_issue_17(area):
    """The former definition: a correlated EXISTS with an OR across the succession join."""
    communes = AdministrativeUnit.objects.filter(area.q(), level=UnitLevel.COMMUNE, valid_to__isnull=True)
    in_or_merged_into = Q(commune=OuterRef("pk")) | Q(commune__successors=OuterRef("pk"))
    return communes.aggregate(
        total=Count("id"),
        covered=Count("id", filter=Exists(Organisation.objects.filter(s._agri_htx(), in_or_merged_into))),
    )


def coverage_in_python(area):
    communes = [
        u
        for u in AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE, valid_to__isnull=True)
        if area.contains(u)
    ]
    successors = {}
    for link in UnitSuccession.objects.all():
        successors.setdefault(link.from_administrativeunit_id, set()).add(link.to_administrativeunit_id)
    covered = set()
    for o in Organisation.objects.all():
        if o.kind == "htx" and o.is_agricultural and o.status == "active":
            covered |= {o.commune_id} | successors.get(o.commune_id, set())
    return {"total": len(communes), "covered": sum(1 for c in communes if c.pk in covered)}


def _areas(world):
    u = world["units"]
    return {
        "country": s.Area.of(None),
        "new province": s.Area.of(u["qn"]),
        "old province": s.Area.of(u["kontum"]),
        "new commune": s.Area.of(u["n1"]),
        "split successor": s.Area.of(u["n2"]),
        "other province": s.Area.of(u["laichau"]),
    }


def test_coverage_equals_former_definition_and_python(world):
    for name, area in _areas(world).items():
        new = s.commune_coverage(area)
        expected = coverage_in_python(area)
        assert {k: new[k] for k in ("total", "covered")} == expected, name
        assert coverage_before_issue_17(area) == expected, name


def test_coverage_known_answers(world):
    """N1 (merged and split HTX), N2 (split, and an HTX of another province's old commune)
    and N4 (its own HTX) are covered; N3 is not (suspended, non-agricultural, THT)."""
    areas = _areas(world)
    got = {name: (c["total"], c["covered"], c["percent"]) for name, c in ((n, s.commune_coverage(a)) for n, a in areas.items())}
    assert got["new province"] == (4, 3, Decimal("75.0"))
    assert got["new commune"] == (1, 1, Decimal("100.0"))
    assert got["split successor"] == (1, 1, Decimal("100.0"))
    assert got["other province"] == (1, 1, Decimal("100.0"))
    assert got["old province"] == (0, 0, None)
    assert got["country"] == (5, 4, Decimal("80.0"))


def test_coverage_is_one_query(world, django_assert_num_queries):
    area = s.Area.of(world["units"]["qn"])
    with django_assert_num_queries(1):
        s.commune_coverage(area)
