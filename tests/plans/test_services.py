"""Services: create/update with collections in one transaction, the status workflow, clone."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.models import AuditLog
from plans import services
from plans.models import Plan, PlanAmendment, PlanStatus, PlanTarget
from tests.plans.factories import IssuedPlanFactory, PlanFactory, PlanTargetFactory

pytestmark = pytest.mark.django_db


def _data(issuer, **extra):
    data = {
        "issuer": issuer,
        "symbol": "KH-UBND",
        "title": "Kế hoạch phát triển kinh tế tập thể, hợp tác xã năm 2024",
        "kind": "annual",
        "period_start": datetime.date(2024, 1, 1),
        "period_end": datetime.date(2025, 12, 31),
    }
    data.update(extra)
    return data


def _target(**extra):
    row = {"description": "Tổng số hợp tác xã", "unit": "HTX", "comparator": ">=", "value": Decimal("17"), "milestone_year": 2025}
    row.update(extra)
    return row


class TestCreate:
    def test_saves_header_and_collections_with_refs(self, planner, agency_a, agency_b):
        """Header, rows and sibling references (task → target, requirement → requirement) are saved together."""
        plan = services.plan_create(
            acting_user=planner,
            data=_data(planner.agency),
            targets=[dict(_target(), ref="t1")],
            tasks=[{"number": "1", "title": "Củng cố HTX", "lead_agency": agency_a, "coordinating_agencies": [agency_b], "targets": ["t1"]}],
            reporting_requirements=[
                {"ref": "up", "reporters": [planner.agency], "receiver": agency_a, "frequency": "annual",
                 "due_rule": "fixed_date", "due_date": datetime.date(2024, 12, 10), "consolidates": "units"},
                {"ref": "units", "reporters": [agency_a, agency_b], "receiver": planner.agency, "frequency": "annual",
                 "due_rule": "fixed_date", "due_date": datetime.date(2024, 12, 5)},
            ],
        )
        assert plan.status == PlanStatus.DRAFT and plan.created_by == planner
        task = plan.tasks.get()
        assert list(task.targets.all()) == [plan.targets.get()]
        assert list(task.coordinating_agencies.all()) == [agency_b]
        up, units = plan.reporting_requirements.all()
        assert up.consolidates == units
        assert AuditLog.objects.filter(action="plan.create", object_id=str(plan.pk), actor=planner).exists()

    def test_search_text_is_folded(self, planner):
        """search_text holds title, number/symbol and issuer without diacritics."""
        plan = services.plan_create(acting_user=planner, data=_data(planner.agency, number=12, title="Hợp tác xã"))
        assert "hop tac xa" in plan.search_text
        assert "12/kh-ubnd" in plan.search_text
        assert "lien minh hop tac xa" in plan.search_text

    def test_invalid_row_saves_nothing(self, planner):
        """A target outside the plan period rolls back the whole plan."""
        with pytest.raises(ValidationError) as exc:
            services.plan_create(acting_user=planner, data=_data(planner.agency), targets=[_target(milestone_year=2030)])
        assert "milestone_year" in exc.value.message_dict
        assert Plan.objects.count() == 0 and PlanTarget.objects.count() == 0

    def test_rows_keep_the_given_order(self, planner):
        """Rows are numbered in the order given."""
        plan = services.plan_create(
            acting_user=planner, data=_data(planner.agency),
            sections=[{"number": "I", "title": "A"}, {"number": "II", "title": "B"}],
        )
        assert [(s.number, s.order) for s in plan.sections.all()] == [("I", 0), ("II", 1)]


class TestUpdate:
    def test_updates_and_deletes_rows(self, planner):
        """Rows are updated in place, deleted on DELETE, and new ones added."""
        plan = services.plan_create(acting_user=planner, data=_data(planner.agency), targets=[_target(), _target(value=Decimal(3))])
        first, second = plan.targets.all()
        services.plan_update(
            plan=plan, acting_user=planner, data={"title": "Tên mới"},
            targets=[dict(_target(value=Decimal(20)), id=first), {"id": second, "DELETE": True}, _target(description="Mới")],
        )
        plan.refresh_from_db()
        assert plan.title == "Tên mới"
        assert [(t.description, t.value) for t in plan.targets.all()] == [("Tổng số hợp tác xã", 20), ("Mới", 17)]

    def test_refuses_rows_of_another_plan(self, planner):
        """An id of another plan's row is refused."""
        plan = PlanFactory(issuer=planner.agency)
        other = PlanTargetFactory()
        with pytest.raises(ValidationError):
            services.plan_update(plan=plan, acting_user=planner, targets=[dict(_target(), id=other.pk)])

    def test_period_change_checks_existing_targets(self, planner):
        """Moving the period away from an existing target's milestone is refused."""
        plan = services.plan_create(acting_user=planner, data=_data(planner.agency), targets=[_target()])
        with pytest.raises(ValidationError):
            services.plan_update(plan=plan, acting_user=planner, data={"period_end": datetime.date(2024, 12, 31)})
        plan.refresh_from_db()
        assert plan.period_end == datetime.date(2025, 12, 31)

    def test_issued_plan_is_frozen(self, planner):
        """An issued plan refuses edits until an amendment is opened, and again after it is closed."""
        plan = IssuedPlanFactory(issuer=planner.agency)
        with pytest.raises(ValidationError) as exc:
            services.plan_update(plan=plan, acting_user=planner, data={"title": "Sửa"})
        assert exc.value.code == "frozen"
        services.plan_amendment_open(plan=plan, acting_user=planner, reason="Điều chỉnh chỉ tiêu")
        services.plan_update(plan=plan, acting_user=planner, data={"title": "Sửa"})
        plan.refresh_from_db()
        assert plan.title == "Sửa"
        services.plan_amendment_close(plan=plan, acting_user=planner)
        with pytest.raises(ValidationError):
            services.plan_update(plan=plan, acting_user=planner, targets=[_target()])

    def test_stale_instance_cannot_bypass_freeze(self, planner):
        """The freeze is checked against the database, not the caller's (stale) instance."""
        plan = PlanFactory(issuer=planner.agency, number=3, issue_date=datetime.date(2024, 2, 1))
        stale = Plan.objects.get(pk=plan.pk)
        services.plan_issue(plan=plan, acting_user=planner)
        with pytest.raises(ValidationError):
            services.plan_update(plan=stale, acting_user=planner, data={"title": "Sửa"})

    def test_closed_and_superseded_plans_are_frozen(self, planner):
        """Closed plans cannot be amended nor edited."""
        plan = IssuedPlanFactory(issuer=planner.agency)
        services.plan_close(plan=plan, acting_user=planner)
        with pytest.raises(ValidationError):
            services.plan_amendment_open(plan=plan, acting_user=planner, reason="x")
        with pytest.raises(ValidationError):
            services.plan_update(plan=plan, acting_user=planner, data={"title": "Sửa"})


class TestWorkflow:
    def test_issue_needs_number_and_date(self, planner):
        """Issuing a draft without number and date names both fields."""
        plan = PlanFactory(issuer=planner.agency)
        with pytest.raises(ValidationError) as exc:
            services.plan_issue(plan=plan, acting_user=planner)
        assert set(exc.value.message_dict) == {"number", "issue_date"}
        plan = services.plan_issue(plan=plan, acting_user=planner, number=567, issue_date=datetime.date(2024, 10, 10))
        assert plan.status == PlanStatus.ISSUED and plan.issued_at and plan.document_year == 2024
        assert AuditLog.objects.filter(action="plan.issue", object_id=str(plan.pk)).exists()

    def test_issue_clears_in_force(self, planner):
        """A draft in force becomes an ordinary issued plan."""
        plan = PlanFactory(issuer=planner.agency, in_force=True)
        plan = services.plan_issue(plan=plan, acting_user=planner, number=1, issue_date=datetime.date(2024, 1, 2))
        assert not plan.in_force and plan.is_in_force

    def test_illegal_transitions(self, planner):
        """Issue twice, close a draft, supersede a draft, amend a draft: all refused."""
        draft = PlanFactory(issuer=planner.agency)
        issued = IssuedPlanFactory(issuer=planner.agency)
        with pytest.raises(ValidationError):
            services.plan_issue(plan=issued, acting_user=planner, number=5, issue_date=datetime.date(2024, 1, 1))
        with pytest.raises(ValidationError):
            services.plan_close(plan=draft, acting_user=planner)
        with pytest.raises(ValidationError):
            services.plan_supersede(plan=draft, by=issued, acting_user=planner)
        with pytest.raises(ValidationError):
            services.plan_amendment_open(plan=draft, acting_user=planner, reason="x")
        with pytest.raises(ValidationError):
            services.plan_amendment_close(plan=issued, acting_user=planner)

    def test_amendment_needs_reason_and_only_one_open(self, planner):
        """An amendment needs a reason; a second one cannot open while one is open; close waits for it."""
        plan = IssuedPlanFactory(issuer=planner.agency)
        with pytest.raises(ValidationError) as exc:
            services.plan_amendment_open(plan=plan, acting_user=planner, reason="  ")
        assert "reason" in exc.value.message_dict
        services.plan_amendment_open(plan=plan, acting_user=planner, reason="Bổ sung nhiệm vụ")
        with pytest.raises(ValidationError):
            services.plan_amendment_open(plan=plan, acting_user=planner, reason="Lần hai")
        with pytest.raises(ValidationError):
            services.plan_close(plan=plan, acting_user=planner)
        assert PlanAmendment.objects.get(plan=plan).by == planner

    def test_supersede(self, planner):
        """An issued plan is superseded by another plan in force, never by itself or a plain draft."""
        old = IssuedPlanFactory(issuer=planner.agency)
        new = IssuedPlanFactory(issuer=planner.agency)
        with pytest.raises(ValidationError):
            services.plan_supersede(plan=old, by=old, acting_user=planner)
        with pytest.raises(ValidationError):
            services.plan_supersede(plan=old, by=PlanFactory(issuer=planner.agency), acting_user=planner)
        old = services.plan_supersede(plan=old, by=new, acting_user=planner)
        assert old.status == PlanStatus.SUPERSEDED and old.superseded_by == new
        with pytest.raises(ValidationError):
            services.plan_update(plan=old, acting_user=planner, data={"title": "x"})


class TestClone:
    def test_deep_copy_shifted_by_a_year(self, planner, agency_a):
        """Next year's plan: every collection copied, years shifted, draft without number or date."""
        source = services.plan_create(
            acting_user=planner,
            data=_data(planner.agency, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2024, 12, 31)),
            legal_bases=[{"verb": "Căn cứ", "number": "1368/QĐ-UBND"}],
            sections=[{"number": "I", "title": "MỤC ĐÍCH"}],
            targets=[dict(_target(milestone_year=2024, baseline=Decimal(15), baseline_year=2023), ref="t")],
            tasks=[{"number": "1", "title": "A", "timeframe_kind": "deadline", "deadline": datetime.date(2024, 2, 29),
                    "lead_agency": agency_a, "targets": ["t"], "ref": "k"}],
            budget_lines=[{"amount": Decimal(25270000), "year": 2024, "task": "k"}],
            responsibilities=[{"agency_text": "Phòng TC-KH", "text": "Theo dõi"}],
            reporting_requirements=[
                {"ref": "a", "reporters": [agency_a], "receiver": planner.agency, "frequency": "annual",
                 "due_rule": "fixed_date", "due_date": datetime.date(2024, 12, 5)},
                {"reporters": [planner.agency], "receiver": agency_a, "frequency": "annual", "due_rule": "fixed_date",
                 "due_date": datetime.date(2024, 12, 10), "consolidates": "a"},
            ],
        )
        services.plan_issue(plan=source, acting_user=planner, number=9, issue_date=datetime.date(2024, 1, 5))
        copy = services.plan_clone(plan=source, acting_user=planner, year_offset=1)
        assert copy.status == PlanStatus.DRAFT and copy.number is None and copy.issue_date is None
        assert (copy.period_start, copy.period_end) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
        assert copy.cloned_from == source
        target = copy.targets.get()
        assert (target.milestone_year, target.baseline_year) == (2025, 2024)
        task = copy.tasks.get()
        assert task.deadline == datetime.date(2025, 2, 28) and list(task.targets.all()) == [target]
        line = copy.budget_lines.get()
        assert line.year == 2025 and line.task == task and line.amount == 25270000
        first, second = copy.reporting_requirements.all()
        assert first.due_date == datetime.date(2025, 12, 5) and second.consolidates == first
        assert list(first.reporters.all()) == [agency_a]
        assert copy.legal_bases.count() == copy.sections.count() == copy.responsibilities.count() == 1
        # the source is untouched
        assert source.targets.get().milestone_year == 2024
        assert AuditLog.objects.filter(action="plan.clone", object_id=str(copy.pk)).exists()
