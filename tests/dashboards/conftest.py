"""A small hand-made data set with known answers for the dashboard selectors.

Province (Quảng Ngãi) with districts A and B; one issued plan 2024–2025 of the province
with three targets and a quarterly report from each district; a registry of four
organisations; and a second province whose data must never show up.

Known answers on 01/10/2025 for 2025:
- compliance: on time 2 (Q1 A, Q2 A), late 1 (Q1 B), returned 1 (Q2 B), missing 2 (Q3 A, B).
- target T1 (≥ 17, sum): Q1 = 8 + 7 = 15, Q2 = 9 (only A approved) → latest 9 → behind.
  T2 (≥ 60 %, average): Q1 = (50 + 70) / 2 = 60 → achieved. T3 (≤ 5): no data.
- budget: allocated in 2025 100 + 25 million (the 50 million line without a year is spread over
  2024–2025; the 2024 line is outside), spent 20 + 10 + 5 million.
- registry: 4 organisations in the area; 1 of 2 current communes has an active agricultural HTX.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cooperatives.models import Organisation, YearlyRecord
from dashboards.services import target_values_refresh
from plans.models import Frequency, PlanStatus
from reports.models import BudgetSpending, Obligation, ReportedValue, ReportingPeriod
from tests.directory.factories import AgencyFactory, CommuneFactory, ProvinceFactory, UserFactory
from tests.plans.factories import BudgetLineFactory, IssuedPlanFactory, PlanTargetFactory, ReportingRequirementFactory

TODAY = datetime.date(2025, 10, 1)


def _aware(d):
    return timezone.make_aware(datetime.datetime(d.year, d.month, d.day, 10, 0))


def make_obligation(period, agency, status, submitted=None, values=(), spending=(), kind="submission"):
    """Create a report with its values, then set its final status (approved rows are locked)
    and refresh the read model of approved values as the transitions do."""
    ob = Obligation.objects.create(
        period=period, agency=agency, kind=kind, status="draft", submitted_at=_aware(submitted) if submitted else None
    )
    for target, value in values:
        ReportedValue.objects.create(obligation=ob, target=target, value=value)
    for line, amount in spending:
        BudgetSpending.objects.create(obligation=ob, budget_line=line, amount=amount)
    Obligation.objects.filter(pk=ob.pk).update(status=status)
    ob.refresh_from_db()
    # Bypassing the services: keep the read model of approved values as they would.
    target_values_refresh(period_id=ob.period_id, kind=ob.kind)
    return ob


@pytest.fixture
def world(province, district_a, district_b, commune_a, commune_b, province_agency, agency_a, agency_b):
    plan = IssuedPlanFactory(
        issuer=province_agency, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2025, 12, 31)
    )
    t1 = PlanTargetFactory(
        plan=plan, code="T1", value=Decimal(17), baseline=Decimal(15), milestone_year=2025, aggregation="sum"
    )
    t2 = PlanTargetFactory(
        plan=plan,
        code="T2",
        description="Tỷ lệ HTX khá, tốt",
        unit="%",
        value=Decimal(60),
        baseline=None,
        milestone_year=2025,
        aggregation="avg",
    )
    t3 = PlanTargetFactory(
        plan=plan,
        code="T3",
        description="Số HTX yếu",
        comparator="<=",
        value=Decimal(5),
        baseline=None,
        milestone_year=2025,
        direction="lower",
    )
    line1 = BudgetLineFactory(plan=plan, amount=Decimal(100_000_000), year=2025)
    line2 = BudgetLineFactory(plan=plan, amount=Decimal(50_000_000), year=None)
    BudgetLineFactory(plan=plan, amount=Decimal(30_000_000), year=2024)
    req = ReportingRequirementFactory(
        plan=plan, receiver=province_agency, frequency=Frequency.QUARTERLY, reporters=[agency_a, agency_b]
    )
    periods = {}
    for q, (start, end, due) in enumerate(
        [
            ((2025, 1, 1), (2025, 3, 31), (2025, 3, 25)),
            ((2025, 4, 1), (2025, 6, 30), (2025, 6, 25)),
            ((2025, 7, 1), (2025, 9, 30), (2025, 9, 25)),
        ],
        start=1,
    ):
        periods[q] = ReportingPeriod.objects.create(
            requirement=req,
            label=f"Quý {'I' * q if q < 4 else 'IV'}/2025",
            start=datetime.date(*start),
            end=datetime.date(*end),
            cutoff_start=datetime.date(*start),
            cutoff_end=datetime.date(*end),
            due_date=datetime.date(*due),
        )
    obs = {
        "q1a": make_obligation(
            periods[1], agency_a, "approved", datetime.date(2025, 3, 20), [(t1, 8), (t2, 50)], [(line1, 20_000_000)]
        ),
        "q1b": make_obligation(
            periods[1], agency_b, "approved", datetime.date(2025, 3, 28), [(t1, 7), (t2, 70)], [(line2, 5_000_000)]
        ),
        "q2a": make_obligation(
            periods[2], agency_a, "approved", datetime.date(2025, 6, 20), [(t1, 9)], [(line1, 10_000_000)]
        ),
        "q2b": make_obligation(periods[2], agency_b, "returned", datetime.date(2025, 6, 24), [(t1, 100)]),
        "q3a": make_obligation(periods[3], agency_a, "not_started"),
        "q3b": make_obligation(periods[3], agency_b, "draft"),
    }
    # Registry
    htx1 = Organisation.objects.create(
        kind="htx", name="HTX Sơn Hạ", commune=commune_a, is_agricultural=True, founded=datetime.date(2020, 5, 1)
    )
    htx2 = Organisation.objects.create(
        kind="htx", name="HTX Dịch vụ", commune=commune_a, founded=datetime.date(2024, 2, 1)
    )
    Organisation.objects.create(
        kind="tht",
        name="THT Rau",
        commune=commune_a,
        status="dissolved",
        founded=datetime.date(2021, 1, 1),
        dissolved=datetime.date(2024, 6, 1),
    )
    htx4 = Organisation.objects.create(
        kind="htx", name="HTX Ba Động", commune=commune_b, is_agricultural=True, status="suspended"
    )
    YearlyRecord.objects.create(
        organisation=htx1, year=2024, rating="tot", revenue=Decimal(1000), avg_income=Decimal(40)
    )
    YearlyRecord.objects.create(
        organisation=htx2, year=2024, rating="kha", revenue=Decimal(3000), avg_income=Decimal(60)
    )
    YearlyRecord.objects.create(organisation=htx4, year=2024, rating="yeu")
    # Another province: must never be counted.
    other = ProvinceFactory(name="Lai Châu", code="12")
    other_commune = CommuneFactory(parent__parent=other)
    other_agency = AgencyFactory(unit=other)
    other_plan = IssuedPlanFactory(
        issuer=other_agency, period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31)
    )
    PlanTargetFactory(plan=other_plan, milestone_year=2025)
    BudgetLineFactory(plan=other_plan, amount=Decimal(999_000_000), year=2025)
    other_req = ReportingRequirementFactory(plan=other_plan, receiver=other_agency, reporters=[other_agency])
    other_period = ReportingPeriod.objects.create(
        requirement=other_req,
        label="Quý I/2025",
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 3, 31),
        cutoff_start=datetime.date(2025, 1, 1),
        cutoff_end=datetime.date(2025, 3, 31),
        due_date=datetime.date(2025, 3, 25),
    )
    make_obligation(other_period, other_agency, "not_started")
    Organisation.objects.create(kind="htx", name="HTX Lai Châu", commune=other_commune, is_agricultural=True)
    # A draft plan of the province (not active).
    IssuedPlanFactory(
        issuer=agency_a,
        status=PlanStatus.DRAFT,
        number=None,
        issue_date=None,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    other_leader = UserFactory(username="other_leader", agency=other_agency, is_leader=True)
    return {
        "plan": plan,
        "targets": (t1, t2, t3),
        "lines": (line1, line2),
        "periods": periods,
        "obligations": obs,
        "other_agency": other_agency,
        "other_plan": other_plan,
        "other_commune": other_commune,
        "other_leader": other_leader,
    }


@pytest.fixture(autouse=True)
def no_dashboard_cache(settings):
    """Tests compute every figure; the cache has its own tests (test_cache.py)."""
    settings.DASHBOARDS_CACHE_SECONDS = 0
