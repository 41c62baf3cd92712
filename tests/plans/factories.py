"""Factories for plans and their parts (used by the plans, reports, documents and dashboards tests)."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from plans.models import (
    BudgetLine,
    DueRule,
    Frequency,
    Plan,
    PlanKind,
    PlanSection,
    PlanStatus,
    PlanTarget,
    PlanTask,
    ReportingRequirement,
)
from tests.directory.factories import AgencyFactory


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    issuer = factory.SubFactory(AgencyFactory)
    symbol = "KH-UBND"
    place = "Quảng Ngãi"
    title = factory.Sequence(lambda n: f"Kế hoạch phát triển kinh tế tập thể, hợp tác xã số {n}")
    kind = PlanKind.PHASE
    period_start = datetime.date(2024, 1, 1)
    period_end = datetime.date(2025, 12, 31)
    status = PlanStatus.DRAFT
    search_text = factory.LazyAttribute(lambda o: o.title.lower())


class IssuedPlanFactory(PlanFactory):
    status = PlanStatus.ISSUED
    number = factory.Sequence(lambda n: n + 1)
    issue_date = datetime.date(2024, 1, 15)


class PlanSectionFactory(DjangoModelFactory):
    class Meta:
        model = PlanSection

    plan = factory.SubFactory(PlanFactory)
    number = "I"
    title = "MỤC ĐÍCH, YÊU CẦU"
    body = "Nâng cao hiệu quả hoạt động của hợp tác xã."


class PlanTargetFactory(DjangoModelFactory):
    class Meta:
        model = PlanTarget

    plan = factory.SubFactory(PlanFactory)
    description = "Tổng số hợp tác xã nông nghiệp"
    unit = "HTX"
    comparator = ">="
    value = Decimal("17")
    baseline = Decimal("15")
    baseline_year = 2023
    milestone_year = 2025


class PlanTaskFactory(DjangoModelFactory):
    class Meta:
        model = PlanTask

    plan = factory.SubFactory(PlanFactory)
    number = "1"
    title = "Củng cố, nâng cao chất lượng hoạt động của các HTX"
    timeframe_kind = "ongoing"


class BudgetLineFactory(DjangoModelFactory):
    class Meta:
        model = BudgetLine

    plan = factory.SubFactory(PlanFactory)
    description = "Kinh phí tổ chức hội nghị"
    amount = Decimal("25270000")
    source = "provincial"


class ReportingRequirementFactory(DjangoModelFactory):
    class Meta:
        model = ReportingRequirement
        skip_postgeneration_save = True

    plan = factory.SubFactory(IssuedPlanFactory)
    receiver = factory.SubFactory(AgencyFactory)
    frequency = Frequency.QUARTERLY
    due_rule = DueRule.DAY_OF_LAST_MONTH
    due_day = 25

    @factory.post_generation
    def reporters(self, create, extracted, **kwargs):
        if create and extracted:
            self.reporters.set(extracted)
