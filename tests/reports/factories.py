"""Factories and a ready-made reporting cycle for the reports tests."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from plans.models import Aggregation, DueRule, Frequency
from reports.models import Obligation, ReportingPeriod
from tests.plans.factories import (
    BudgetLineFactory,
    IssuedPlanFactory,
    PlanTargetFactory,
    PlanTaskFactory,
    ReportingRequirementFactory,
)


class ReportingPeriodFactory(DjangoModelFactory):
    class Meta:
        model = ReportingPeriod

    requirement = factory.SubFactory(ReportingRequirementFactory)
    label = "Quý I/2024"
    start = datetime.date(2024, 1, 1)
    end = datetime.date(2024, 3, 31)
    cutoff_start = datetime.date(2023, 12, 15)
    cutoff_end = datetime.date(2024, 3, 14)
    due_date = datetime.date(2024, 3, 25)


class ObligationFactory(DjangoModelFactory):
    class Meta:
        model = Obligation

    period = factory.SubFactory(ReportingPeriodFactory)
    agency = factory.SubFactory("tests.directory.factories.AgencyFactory")


def build_cycle(*, receiver, reporters, start=datetime.date(2024, 1, 1), end=datetime.date(2025, 12, 31)):
    """An issued plan with two targets (sum, weighted average), a task, a budget line and a
    quarterly requirement (day 25 of the last month) from ``reporters`` to ``receiver``."""
    plan = IssuedPlanFactory(issuer=receiver, period_start=start, period_end=end)
    t_sum = PlanTargetFactory(plan=plan, order=1, code="T1", description="Số HTX nông nghiệp", value=Decimal("17"),
                              baseline=Decimal("15"), milestone_year=end.year, aggregation=Aggregation.SUM)
    t_avg = PlanTargetFactory(plan=plan, order=2, code="T2", description="Tỷ lệ HTX khá, tốt", unit="%",
                              value=Decimal("60"), baseline=Decimal("40"), milestone_year=end.year,
                              aggregation=Aggregation.WEIGHTED_AVERAGE, comparator=">")
    task = PlanTaskFactory(plan=plan)
    line = BudgetLineFactory(plan=plan)
    req = ReportingRequirementFactory(plan=plan, receiver=receiver, frequency=Frequency.QUARTERLY,
                                      due_rule=DueRule.DAY_OF_LAST_MONTH, due_day=25, reporters=list(reporters))
    return {"plan": plan, "t_sum": t_sum, "t_avg": t_avg, "task": task, "line": line, "req": req}


def full_data(cycle, *, value="10", pct="50", weight="4", results="Đã thành lập mới 01 HTX."):
    return {
        "values": {
            cycle["t_sum"].pk: {"value": Decimal(value), "note": ""},
            cycle["t_avg"].pk: {"value": Decimal(pct), "note": "", "weight": Decimal(weight)},
        },
        "tasks": {cycle["task"].pk: {"status": "in_progress", "account": "Đang triển khai"}},
        "spending": {cycle["line"].pk: Decimal("1000000")},
        "results": results,
        "difficulties": "Thiếu vốn.",
        "proposals": "Hỗ trợ tín dụng.",
    }
