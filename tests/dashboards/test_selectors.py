"""Dashboard aggregates against the hand-made data set (answers in conftest.py)."""

import datetime
from decimal import Decimal

import pytest
from django.http import Http404

from dashboards import selectors as s
from tests.dashboards.conftest import TODAY

pytestmark = pytest.mark.django_db

YEAR = s.Window(2025)


@pytest.fixture
def area(world, province):
    return s.Area.of(province)


def test_window_bounds_and_labels():
    assert (s.Window(2025).start, s.Window(2025).end) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    q2 = s.Window(2025, 2)
    assert (q2.start, q2.end, q2.label) == (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30), "Quý II/2025")
    assert s.Window(2024, 1).end == datetime.date(2024, 3, 31)
    assert s.parse_window({"year": "abc", "quarter": "9"}, TODAY) == s.Window(2025, None)
    assert s.parse_window({"year": "2024", "quarter": "3"}, TODAY) == s.Window(2024, 3)


def test_plan_figures(area):
    assert s.plan_figures(area, YEAR) == {"active": 1, "draft": 1, "closed": 0}
    assert s.plan_figures(area, s.Window(2027))["active"] == 0


def test_compliance_counts(area):
    counts = s.compliance_counts(area, YEAR, TODAY)
    assert counts == {"total": 6, "on_time": 2, "late": 1, "missing": 2, "returned": 1, "pending": 0, "due": 6}
    # Before Q3's deadline its two reports are not yet due.
    early = s.compliance_counts(area, YEAR, datetime.date(2025, 9, 1))
    assert (early["missing"], early["pending"]) == (0, 2)
    q1 = s.compliance_counts(area, s.Window(2025, 1), TODAY)
    assert (q1["on_time"], q1["late"], q1["total"]) == (1, 1, 2)


def test_compliance_counts_district_area(world, district_a):
    counts = s.compliance_counts(s.Area.of(district_a), YEAR, TODAY)
    assert counts["total"] == 3 and counts["on_time"] == 2 and counts["missing"] == 1


def test_obligations_by_state(area, world):
    late = list(s.obligations_by_state(area, YEAR, TODAY, "late"))
    assert [o.pk for o in late] == [world["obligations"]["q1b"].pk]
    assert late[0].state == "late"
    assert len(s.obligations_by_state(area, YEAR, TODAY, None)) == 6


def test_target_series_combines_by_rule_and_keeps_history(world):
    t1, t2, t3 = world["targets"]
    series = s.target_series([t1, t2, t3])
    assert [(p.label, p.value) for p in series[t1.pk]] == [("Quý I/2025", Decimal(15)), ("Quý II/2025", Decimal(9))]
    assert [p.value for p in series[t2.pk]] == [Decimal(60)]
    assert t3.pk not in series
    # The returned report's value (100) is never used.
    assert s.latest_values([t1])[t1.pk].value == Decimal(9)
    # Limited to periods ending by a date.
    assert s.latest_values([t1], upto=datetime.date(2025, 3, 31))[t1.pk].value == Decimal(15)


def test_consolidated_value_wins(world, province_agency):
    from tests.dashboards.conftest import make_obligation

    t1 = world["targets"][0]
    period = world["periods"][1]
    make_obligation(period, province_agency, "approved", datetime.date(2025, 3, 30), [(t1, 16)], kind="consolidation")
    assert s.target_series([t1])[t1.pk][0].value == Decimal(16)
    # The consolidated Q1 is the figure while Q2 is only partly approved (A's 9, B returned),
    # as on the plan progress page (the reports app's "reported" provider).
    assert s.latest_values([t1])[t1.pk].value == Decimal(16)
    from reports.selectors import reported_target_values

    assert reported_target_values(world["plan"], [t1])[t1.pk].value == Decimal(16)
    assert s.latest_values([t1], upto=datetime.date(2025, 3, 31))[t1.pk].value == Decimal(16)


def test_two_consolidations_of_a_period_are_not_added(world, province_agency):
    """Two agencies consolidating the same period report the same total: 16, not 32."""
    from tests.dashboards.conftest import make_obligation
    from tests.directory.factories import AgencyFactory

    t1 = world["targets"][0]
    period = world["periods"][1]
    second = AgencyFactory(name="Sở Tài chính tỉnh Quảng Ngãi", unit=province_agency.unit)
    for agency in (province_agency, second):
        make_obligation(period, agency, "approved", datetime.date(2025, 3, 30), [(t1, 16)], kind="consolidation")
    assert s.target_series([t1])[t1.pk][0].value == Decimal(16)
    assert s.latest_values([t1])[t1.pk].value == Decimal(16)
    from reports.selectors import reported_target_values

    assert reported_target_values(world["plan"], [t1])[t1.pk].value == Decimal(16)


def test_latest_values_agree_with_series(world):
    from plans.models import PlanTarget

    targets = PlanTarget.objects.filter(plan=world["plan"])
    series = s.target_series(targets)
    latest = s.latest_values(targets)
    assert latest.keys() == series.keys()
    for tid, points in series.items():
        assert (latest[tid].period_id, latest[tid].value) == (points[-1].period_id, points[-1].value)


def test_target_status_counts(area):
    counts = s.target_status_counts(area, YEAR, TODAY)
    assert counts == {"behind": 1, "at_risk": 0, "on_track": 0, "achieved": 1, "no_data": 1, "total": 3}


def test_budget(area, world):
    """Issue 15: a multi-year line (no year; 50 million over the plan's 2024–2025) counted in
    full in every year; it is spread over the plan's years: 100 + 25 million in 2025."""
    figures = s.budget_figures(area, YEAR)
    assert figures["allocated"] == Decimal(125_000_000)
    assert figures["spent"] == Decimal(35_000_000)
    assert figures["percent"] == Decimal("28.0")
    plans = list(s.budget_by_plan(area, YEAR))
    assert [(p.allocated, p.spent) for p in plans] == [(Decimal(125_000_000), Decimal(35_000_000))]
    # 2024: its own 30 million line and the other half of the multi-year line; the two
    # years add up to the plan's budget (180 million), not 230.
    assert s.budget_figures(area, s.Window(2024))["allocated"] == Decimal(55_000_000)


def test_compliance_matrix_worst_first(area, world, agency_a, agency_b):
    matrix = s.compliance_matrix(area, YEAR, TODAY)
    assert [c["label"] for c in matrix["columns"]] == ["Quý I/2025", "Quý II/2025", "Quý III/2025"]
    rows = matrix["rows"]
    # B: 1 late, 1 returned, 1 missing; A: 2 on time, 1 missing → B first (more late).
    assert [r.agency_id for r in rows] == [agency_b.pk, agency_a.pk]
    b = rows[0]
    assert b.totals == {"total": 3, "on_time": 0, "late": 1, "missing": 1, "returned": 1, "pending": 0}
    first_col = matrix["columns"][0]["key"]
    assert b.cells[first_col]["late"] == 1
    by_name = s.compliance_matrix(area, YEAR, TODAY, sort="on_time")
    assert by_name["rows"][0].agency_id == agency_a.pk


def test_overdue_obligations(area, world, agency_a):
    assert list(s.overdue_obligations(area, YEAR, TODAY, agency_a.pk)) == [world["obligations"]["q3a"]]


def test_registry(area):
    kinds = {r["kind"]: r for r in s.registry_kind_status(area)}
    assert kinds["htx"]["total"] == 3 and kinds["htx"]["active"] == 2 and kinds["htx"]["suspended"] == 1
    assert kinds["tht"]["dissolved"] == 1
    ratings = {r["rating"]: r["count"] for r in s.rating_distribution(area, 2024)}
    assert ratings == {"tot": 1, "kha": 1, "tb": 0, "yeu": 1, "none": 0}
    fd = {r["year"]: r for r in s.founded_dissolved(area, [2020, 2021, 2022, 2023, 2024])}
    assert (fd[2020]["founded"], fd[2021]["founded"], fd[2024]["founded"], fd[2024]["dissolved"]) == (1, 1, 1, 1)
    trends = {r["year"]: r for r in s.finance_trends(area, [2023, 2024])}
    assert trends[2024]["revenue_total"] == Decimal(4000) and trends[2024]["records"] == 3
    assert trends[2024]["income_avg"] == Decimal(50)
    assert trends[2023]["records"] == 0
    cov = s.commune_coverage(area)
    assert (cov["total"], cov["covered"], cov["percent"]) == (2, 1, Decimal("50.0"))


def test_commune_coverage_counts_htx_of_merged_communes(area, district_b, commune_b):
    """An HTX still registered under a commune merged on 01/07/2025 covers its successor."""
    from cooperatives.models import Organisation
    from tests.directory.factories import CommuneFactory

    old = CommuneFactory(name="Ba Vinh", parent=district_b, valid_to=datetime.date(2025, 6, 30))
    old.successors.add(commune_b)
    Organisation.objects.create(kind="htx", name="HTX Ba Vinh", commune=old, is_agricultural=True)
    cov = s.commune_coverage(area)
    assert (cov["total"], cov["covered"], cov["percent"]) == (2, 2, Decimal("100.0"))


def _counts(unit):
    return {name: getattr(unit, name) for name in s.CHILD_COUNTS}


def test_child_units(area, district_a, district_b):
    children = s.child_units(area, YEAR, TODAY)
    assert [u.pk for u in children] == [district_b.pk, district_a.pk]  # B has a late report too
    by_pk = {u.pk: u for u in children}
    # A: Q1, Q2 on time, Q3 missing; three organisations, one active agricultural HTX.
    assert _counts(by_pk[district_a.pk]) == {
        "active_plans": 0,
        "reports_due": 3,
        "missing_reports": 1,
        "late_reports": 0,
        "targets_behind": 0,
        "targets_at_risk": 0,
        "org_count": 3,
        "agri_htx": 1,
    }
    # B: Q1 late, Q2 returned, Q3 missing; one suspended HTX (not counted as active).
    assert _counts(by_pk[district_b.pk]) == {
        "active_plans": 0,
        "reports_due": 3,
        "missing_reports": 1,
        "late_reports": 1,
        "targets_behind": 0,
        "targets_at_risk": 0,
        "org_count": 1,
        "agri_htx": 0,
    }
    assert all(u.has_data and u.current_unit for u in children)


@pytest.fixture
def district_plan(world, agency_a, province_agency):
    """An issued 2025 plan of district A with a target behind (10 of 100 on 01/10/2025) and
    one at risk (60 of 100, the straight path expecting 75)."""
    from reports.models import ReportingPeriod
    from tests.dashboards.conftest import make_obligation
    from tests.plans.factories import IssuedPlanFactory, PlanTargetFactory, ReportingRequirementFactory

    plan = IssuedPlanFactory(
        issuer=agency_a, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31)
    )
    behind = PlanTargetFactory(plan=plan, code="D1", value=Decimal(100), baseline=Decimal(0), milestone_year=2025)
    at_risk = PlanTargetFactory(plan=plan, code="D2", value=Decimal(100), baseline=Decimal(0), milestone_year=2025)
    req = ReportingRequirementFactory(plan=plan, receiver=agency_a, reporters=[agency_a])
    period = ReportingPeriod.objects.create(
        requirement=req,
        label="Quý II/2025",
        start=datetime.date(2025, 4, 1),
        end=datetime.date(2025, 6, 30),
        cutoff_start=datetime.date(2025, 4, 1),
        cutoff_end=datetime.date(2025, 6, 30),
        due_date=datetime.date(2025, 6, 25),
    )
    make_obligation(period, agency_a, "approved", datetime.date(2025, 6, 20), [(behind, 10), (at_risk, 60)])
    return plan


def test_child_units_sorted_by_attention_and_grouped(area, province, district_a, district_b, district_plan):
    from tests.directory.factories import DistrictFactory

    empty_current = DistrictFactory(name="Ba Vì", parent=province)
    empty_old = DistrictFactory(name="An Lão", parent=province, valid_to=datetime.date(2025, 6, 30))
    children = s.child_units(area, YEAR, TODAY)
    by_pk = {u.pk: u for u in children}
    a = by_pk[district_a.pk]
    assert (a.active_plans, a.reports_due, a.targets_behind, a.targets_at_risk) == (1, 4, 1, 1)
    # B still first: the same missing reports, and a late one (late outranks targets behind).
    assert [u.pk for u in children] == [district_b.pk, district_a.pk, empty_current.pk, empty_old.pk]
    assert not by_pk[empty_current.pk].has_data and not by_pk[empty_old.pk].current_unit
    groups = s.group_child_units(children)
    assert [(g["current"], [u.pk for u in g["with_data"]], [u.pk for u in g["without_data"]]) for g in groups] == [
        (True, [district_b.pk, district_a.pk], [empty_current.pk]),
        (False, [], [empty_old.pk]),
    ]
    # With B's late report submitted on time, A (a target behind) comes first.
    from reports.models import Obligation

    q1b = Obligation.objects.get(agency__unit=district_b, period__label="Quý I/2025")
    Obligation.objects.filter(pk=q1b.pk).update(submitted_at=q1b.submitted_at - datetime.timedelta(days=10))
    assert [u.pk for u in s.child_units(area, YEAR, TODAY)][:2] == [district_a.pk, district_b.pk]


def test_resolve_area(world, leader, province, district_a, admin_user, reporter_a):
    assert s.resolve_area(leader).unit == province
    assert s.resolve_area(leader, district_a.pk).unit == district_a
    other_commune = world["other_commune"]
    with pytest.raises(Http404):
        s.resolve_area(leader, other_commune.pk)
    with pytest.raises(Http404):
        s.resolve_area(leader, "x")
    assert s.resolve_area(admin_user).unit is None
    assert s.resolve_area(admin_user, other_commune.pk).unit == other_commune
    # A district user cannot climb to the province.
    with pytest.raises(Http404):
        s.resolve_area(reporter_a, province.pk)


def test_predecessor_area_included(db):
    from tests.directory.factories import AgencyFactory, DistrictFactory, ProvinceFactory, UserFactory

    new = ProvinceFactory(name="Quảng Ngãi mới", code="N51")
    old = ProvinceFactory(name="Kon Tum", code="O62")
    old.successors.add(new)
    district = DistrictFactory(parent=old)
    user = UserFactory(agency=AgencyFactory(unit=new), is_leader=True)
    area = s.resolve_area(user, district.pk)
    assert area.unit == district
    home = s.Area.of(new)
    assert home.contains(district)
    assert {u.pk for u in s.child_units(home, YEAR, TODAY)} == {old.pk}
    assert [u.pk for u in s.breadcrumb_units(user, area)] == [new.pk, old.pk, district.pk]


def test_consolidated_reports_count_in_compliance_and_matrix(area, world, province_agency):
    """Issue 15: a consolidated report overdue for 72 days was invisible in the leader's
    totals and the matrix; it is a report like any other (reports.compliance)."""
    from reports.models import Obligation, ObligationKind

    period = world["periods"][3]  # due 25/09/2025
    Obligation.objects.create(period=period, agency=province_agency, kind=ObligationKind.CONSOLIDATION)
    today = period.due_date + datetime.timedelta(days=72)
    counts = s.compliance_counts(area, YEAR, today)
    assert counts["total"] == 7 and counts["missing"] == 3
    rows = {r.agency_id: r for r in s.compliance_matrix(area, YEAR, today)["rows"]}
    assert rows[province_agency.pk].totals["missing"] == 1
    assert list(s.overdue_obligations(area, YEAR, today, province_agency.pk))[0].kind == ObligationKind.CONSOLIDATION


def test_approved_without_submission_date_is_on_time(area, world):
    """A report approved without a submission date is on time in SQL as in Python (NOT over a
    NULL day used to leave it in no state at all)."""
    from reports.models import Obligation

    Obligation.objects.filter(pk=world["obligations"]["q1a"].pk).update(submitted_at=None)
    counts = s.compliance_counts(area, YEAR, TODAY)
    assert counts["on_time"] + counts["late"] + counts["missing"] + counts["returned"] + counts["pending"] == counts["total"]
    assert counts["on_time"] == 2


def test_rating_share_has_one_definition(area, world, province, commune_a):
    """Issue 15: the good/fair share was 68,9 % on the home page and 59,6 % on the registry
    dashboard (different denominators). Both are now the rated HTX of the year: a THT and an
    unrated HTX change neither."""
    from cooperatives import indicators
    from cooperatives.models import Organisation, YearlyRecord

    tht = Organisation.objects.create(kind="tht", name="THT Lúa", commune=commune_a)
    YearlyRecord.objects.create(organisation=tht, year=2024, rating="tot")
    unrated = Organisation.objects.create(kind="htx", name="HTX Mới", commune=commune_a)
    YearlyRecord.objects.create(organisation=unrated, year=2024, rating="none")
    rows = s.rating_distribution(area, 2024)
    by = {r["rating"]: r for r in rows}
    assert by["tot"]["count"] == 1 and by["none"]["count"] == 1 and by["none"]["percent"] is None
    assert abs(sum(r["percent"] for r in rows if r["percent"] is not None) - 100) <= Decimal("0.2")  # rounding
    share = s.good_fair_share(rows)
    assert share == Decimal("66.7")  # tốt 1 + khá 1 of 3 rated HTX
    assert indicators.compute("htx_rated_good_share", unit=province, year=2024).quantize(Decimal("0.1")) == share


def test_drill_down_shows_the_units_of_the_year(db):
    """A province in force lists, for 2026, only today's communes (never a district) with the
    data of their predecessors rolled up; for 2024, the districts of the provinces it was
    formed from; 2025 spans the reorganisation and lists both."""
    import datetime

    from cooperatives.models import Organisation
    from directory.models import SuccessionRule, UnitSuccession
    from tests.directory.factories import CommuneFactory, DistrictFactory, ProvinceFactory

    ended = datetime.date(2025, 6, 30)
    new = ProvinceFactory(name="Quảng Ngãi mới", code="N51", valid_from=datetime.date(2025, 7, 1))
    old = ProvinceFactory(name="Kon Tum", code="O62", valid_to=ended)
    UnitSuccession.objects.create(from_administrativeunit=old, to_administrativeunit=new, rule=SuccessionRule.PROVINCE)
    district = DistrictFactory(parent=old, valid_to=ended)
    UnitSuccession.objects.create(from_administrativeunit=district, to_administrativeunit=new, rule=SuccessionRule.DISTRICT)
    old_commune = CommuneFactory(parent=district, valid_to=ended)
    commune = CommuneFactory(parent=new, name="Bờ Y", valid_from=datetime.date(2025, 7, 1))
    UnitSuccession.objects.create(from_administrativeunit=old_commune, to_administrativeunit=commune, rule=SuccessionRule.MERGED)
    Organisation.objects.create(name="HTX Plei Kần", commune=old_commune, kind="htx")
    home = s.Area.of(new)

    after = s.child_units(home, s.Window(2026), TODAY)
    assert [u.pk for u in after] == [commune.pk]
    assert after[0].org_count == 1  # the registry row filed under the old commune counts for Bờ Y
    before = s.child_units(home, s.Window(2024), TODAY)
    assert [u.pk for u in before] == [district.pk]
    assert {u.pk for u in s.child_units(home, s.Window(2025), TODAY)} == {old.pk, commune.pk}
    assert s.window_era(s.Window(2025, 3)) == s.AFTER_REFORM and s.window_era(s.Window(2025, 2)) == s.BEFORE_REFORM


@pytest.mark.parametrize(("last_day", "in_q3"), [(datetime.date(2025, 6, 30), False), (datetime.date(2025, 7, 1), True)])
def test_compliance_lists_agencies_only_within_their_life(area, world, agency_a, district_a, last_day, in_q3):
    """Issue 14: an abolished district office appears for periods up to Q2/2025, its successor
    commune after; a report left on the office for Q3 is owed by nobody and not counted."""
    from reports.models import Obligation
    from tests.directory.factories import AgencyFactory, CommuneFactory

    commune = CommuneFactory(parent=district_a.parent, valid_from=datetime.date(2025, 7, 1))
    successor = AgencyFactory(name="Ủy ban nhân dân xã Mới", unit=commune, valid_from=datetime.date(2025, 7, 1))
    agency_a.valid_to, agency_a.successor = last_day, successor
    agency_a.save()
    Obligation.objects.create(period=world["periods"][3], agency=successor)
    rows = {r.agency_id: r for r in s.compliance_matrix(area, YEAR, TODAY)["rows"]}
    q3_key = next(c["key"] for c in s.compliance_matrix(area, s.Window(2025, 3), TODAY)["columns"])
    assert (q3_key in rows[agency_a.pk].cells) is in_q3
    assert len(rows[agency_a.pk].cells) == (3 if in_q3 else 2)  # Q1 and Q2 always
    assert q3_key in rows[successor.pk].cells
    q3_rows = {r.agency_id for r in s.compliance_matrix(area, s.Window(2025, 3), TODAY)["rows"]}
    assert (agency_a.pk in q3_rows) is in_q3 and successor.pk in q3_rows
    assert s.compliance_counts(area, s.Window(2025, 3), TODAY)["total"] == (3 if in_q3 else 2)
