"""Issue 17: the registry coverage by UNION gives the figures of its former EXISTS(… OR …)
definition and of a plain Python computation, across the 2025 reform."""

from decimal import Decimal

import pytest
from django.db.models import Count, Exists, OuterRef, Q

from cooperatives.models import Organisation
from dashboards import selectors as s
from directory.models import AdministrativeUnit, UnitLevel, UnitSuccession
from tests import reform_world
from tests.directory.factories import CommuneFactory

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


def years_before_issue_17(area, today):
    """The former definition of ``years_with_data``: a UNION over every row of the area."""
    from datetime import date

    from django.db.models import F
    from django.db.models.functions import ExtractYear

    from cooperatives.models import YearlyRecord
    from plans.models import PlanStatus
    from reports.models import Obligation

    end = date(today.year, 12, 31)
    records = (
        YearlyRecord.objects.filter(area.q("organisation__commune"), year__lte=today.year)
        .order_by().annotate(y1=F("year"), y2=F("year")).values_list("y1", "y2")
    )
    reports = (
        Obligation.objects.filter(area.q("agency__unit"), period__due_date__lte=end)
        .order_by().annotate(y1=ExtractYear("period__due_date"), y2=ExtractYear("period__due_date"))
        .values_list("y1", "y2")
    )
    plans = (
        s.plans_in_area(area).filter(~Q(status=PlanStatus.DRAFT) | Q(in_force=True), period_start__lte=end)
        .order_by().annotate(y1=ExtractYear("period_start"), y2=ExtractYear("period_end")).values_list("y1", "y2")
    )
    years = set()
    for first, last in records.union(reports, plans):
        years.update(range(max(int(first), 1990), min(int(last), today.year) + 1))
    return sorted(years, reverse=True)


def record_and_report_years_in_python(area, today):
    from cooperatives.models import YearlyRecord
    from reports.models import Obligation

    years = {r.year for r in YearlyRecord.objects.select_related("organisation__commune")
             if r.year <= today.year and area.contains(r.organisation.commune)}
    years |= {o.period.due_date.year for o in Obligation.objects.select_related("period", "agency__unit")
              if o.period.due_date.year <= today.year and area.contains(o.agency.unit)}
    return years


@pytest.mark.parametrize("today", ["2026-11-25", "2025-03-01", "2024-01-01", "2020-06-30"])
def test_years_with_data_equal_former_definition_and_python(world, today):
    """The loose-scan form (PostgreSQL) gives the years of the former UNION for every area of the
    reform world, and every registry and report year found in Python (plans add their spans)."""
    import datetime

    day = datetime.date.fromisoformat(today)
    areas = _areas(world) | {"empty commune": s.Area.of(CommuneFactory(name="Trống", parent=world["units"]["qn"]))}
    for name, area in areas.items():
        new = s.years_with_data(area, day)
        assert new == years_before_issue_17(area, day), name
        assert record_and_report_years_in_python(area, day) <= set(new), name
    if today == "2026-11-25":
        assert {2023, 2024, 2025} <= set(s.years_with_data(areas["new province"], day))
        assert s.years_with_data(areas["empty commune"], day) == []


def test_years_with_data_is_one_query(world, django_assert_num_queries):
    """One statement for the years; on PostgreSQL the data version's before it (this test's
    transaction wrote the world, so the years are computed: tests/dashboards/test_years_version.py
    has the memo's one-statement answers)."""
    import datetime

    from django.db import connection

    for area in _areas(world).values():
        with django_assert_num_queries(2 if connection.vendor == "postgresql" else 1):
            s.years_with_data(area, datetime.date(2026, 11, 25))


def test_years_statement_is_written_once_per_area_shape(world, django_assert_num_queries):
    """On PostgreSQL the years' statement depends only on the area's shape (the whole country, or
    its number of path prefixes): two areas of one shape send the same SQL, with their paths as
    parameters; on other databases the ORM form runs. Either way the years equal the former
    definition's (above)."""
    import datetime

    from django.db import connection

    day = datetime.date(2026, 11, 25)
    areas = _areas(world)
    single = [a for a in areas.values() if a.unit is not None and len(a.paths) == 1]
    assert len(single) >= 2
    sent = []
    for area in single:
        with django_assert_num_queries(2 if connection.vendor == "postgresql" else 1) as captured:
            years = s.years_with_data(area, day)
        assert years == years_before_issue_17(area, day)
        sent.append(captured.captured_queries[-1]["sql"])
    if connection.vendor == "postgresql":
        assert s._years_sql_postgresql(False, 1) is s._years_sql_postgresql(False, 1)
        # The literal SQL differs by the paths only: the same text with them taken out.
        for area, sql in zip(single, sent, strict=True):
            assert area.paths[0] in sql
        assert {sql.replace(a.paths[0], "?") for a, sql in zip(single, sent, strict=True)} == {
            sent[0].replace(single[0].paths[0], "?")
        }


def test_years_area_paths_are_escaped_for_like(world):
    """The area's paths go to LIKE with ``%`` and ``_`` escaped, as the ORM's ``startswith``:
    a path made of them matches nothing."""
    import datetime

    area = _areas(world)["new province"]
    odd = s.Area(area.unit, ("%",) + tuple(p.replace("/", "_") for p in area.paths))
    assert s.years_with_data(odd, datetime.date(2026, 11, 25)) == []
