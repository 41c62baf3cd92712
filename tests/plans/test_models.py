"""Model rules within one row (clean) and constraints."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from plans.models import BudgetLine, Plan, PlanTarget, PlanTask, ReportingRequirement
from tests.plans.factories import IssuedPlanFactory, PlanFactory, PlanTargetFactory

pytestmark = pytest.mark.django_db


def _errors(obj):
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    return exc.value.message_dict


def test_plan_period_order():
    """A period must end on or after its start."""
    plan = PlanFactory.build(period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2024, 1, 1))
    plan.issuer = PlanFactory().issuer
    assert "period_end" in _errors(plan)


def test_issued_plan_needs_number_and_date_constraint():
    """The database refuses an issued plan without number or date."""
    plan = IssuedPlanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(number=None)


def test_target_range_and_milestone():
    """Ranges need an ordered upper value; only ranges have one; milestones lie in the period."""
    plan = PlanFactory()
    target = PlanTarget(plan=plan, description="x", unit="HTX", comparator="range", value=Decimal(5), value_max=Decimal(1),
                        milestone_year=2030, baseline_year=2031)
    errors = _errors(target)
    assert {"value_max", "milestone_year", "baseline_year"} <= set(errors)
    target = PlanTarget(plan=plan, description="x", unit="HTX", comparator=">=", value=Decimal(5), value_max=Decimal(6),
                        milestone_year=2025)
    assert "value_max" in _errors(target)


def test_target_range_constraint():
    """The database refuses a range without an upper value."""
    target = PlanTargetFactory(comparator=">=")
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanTarget.objects.filter(pk=target.pk).update(comparator="range", value_max=None)


def test_task_timeframe():
    """A year range needs ordered years; a deadline needs a date."""
    plan = PlanFactory()
    assert "start_year" in _errors(PlanTask(plan=plan, timeframe_kind="years", start_year=2023))
    assert "end_year" in _errors(PlanTask(plan=plan, timeframe_kind="years", start_year=2025, end_year=2023))
    assert "deadline" in _errors(PlanTask(plan=plan, timeframe_kind="deadline"))
    assert PlanTask(plan=plan, timeframe_kind="years", start_year=2023, end_year=2025).timeframe_display == "2023 - 2025"
    assert PlanTask(plan=plan, timeframe_kind="ongoing").timeframe_display == "Thường xuyên"


def test_budget_amount_non_negative():
    """Amounts are ≥ 0; integrated lines may have none."""
    plan = PlanFactory()
    assert "amount" in _errors(BudgetLine(plan=plan, amount=Decimal(-1)))
    BudgetLine(plan=plan, amount=None, source="integrated").full_clean()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"due_rule": "day_of_last_month"}, "due_day"),
        ({"due_rule": "days_after_end"}, "due_day"),
        ({"due_rule": "day_month", "due_day": 15}, "due_month"),
        ({"due_rule": "day_month", "due_day": 30, "due_month": 2}, "due_day"),
        ({"due_rule": "fixed_date"}, "due_date"),
        ({"frequency": "once", "due_rule": "day_month", "due_day": 1, "due_month": 1}, "due_rule"),
        ({"due_rule": "day_of_last_month", "due_day": 25, "reminder_offsets": "7,x"}, "reminder_offsets"),
    ],
)
def test_requirement_deadline_rules(fields, field):
    """A requirement's deadline rule must be computable."""
    plan = PlanFactory()
    req = ReportingRequirement(plan=plan, receiver=plan.issuer, frequency=fields.pop("frequency", "quarterly"), **fields)
    assert field in _errors(req)


def test_requirement_due_display():
    """The deadline rule reads in words."""
    plan = PlanFactory()
    assert ReportingRequirement(plan=plan, due_rule="fixed_date", due_date=datetime.date(2024, 12, 5)).due_display == "05/12/2024"


def test_in_force_queryset():
    """Plan.objects.in_force(): issued plans and drafts marked in force, not other drafts."""
    issued, marked, draft = IssuedPlanFactory(), PlanFactory(in_force=True), PlanFactory()
    assert set(Plan.objects.in_force()) == {issued, marked}
    assert marked.is_in_force and not draft.is_in_force
    assert issued.reference == f"{issued.number:02d}/KH-UBND" and draft.reference == "…/KH-UBND"
