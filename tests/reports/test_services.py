"""reports.services: generation, the workflow, optimistic locking, consolidation."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core import uploads
from core.models import AuditLog
from plans.models import DueRule, Frequency, PlanStatus
from reports import services
from reports.models import (
    Notification,
    Obligation,
    ObligationKind,
    ObligationStatus,
    ReportedValue,
    ReportingPeriod,
    TaskProgress,
)
from tests import hostile
from tests.directory.factories import AgencyFactory, UserFactory
from tests.plans.factories import PlanFactory, ReportingRequirementFactory
from tests.reports.factories import build_cycle, full_data
from tests.work import assert_checks_only, no_parsing


def _submit(ob, user, cycle, **kw):
    services.obligation_save_draft(obligation=ob, acting_user=user, version=ob.version, data=full_data(cycle, **kw))
    ob.refresh_from_db()
    return services.obligation_submit(obligation=ob, acting_user=user)


class TestGeneration:
    def test_periods_and_one_obligation_per_agency(self, cycle, agency_a):
        """8 quarters; per quarter one submission per reporter and the receiver's consolidation."""
        assert cycle["req"].periods.count() == 8
        assert Obligation.objects.filter(period__requirement=cycle["req"]).count() == 24
        assert Obligation.objects.filter(agency=agency_a, kind=ObligationKind.SUBMISSION).count() == 8
        labels = list(cycle["req"].periods.order_by("due_date").values_list("label", "due_date"))
        assert labels[2] == ("Quý III/2024", datetime.date(2024, 9, 25))

    def test_idempotent(self, cycle):
        """A second run creates nothing and writes no audit row."""
        before = AuditLog.objects.filter(action="reports.generate").count()
        result = services.obligations_generate(plan=cycle["plan"])
        assert (result.periods_created, result.obligations_created) == (0, 0)
        assert AuditLog.objects.filter(action="reports.generate").count() == before

    def test_new_reporter_gets_its_obligations(self, cycle, province):
        """Adding a reporter and re-running adds only that agency's obligations."""
        extra = AgencyFactory(unit=province)
        cycle["req"].reporters.add(extra)
        result = services.obligations_generate(plan=cycle["plan"])
        assert (result.periods_created, result.obligations_created) == (0, 8)

    def test_draft_plan_is_refused_unless_in_force(self, province_agency, agency_a):
        """A draft plan generates nothing; a draft held 'in force' (seeds 001/002) does."""
        plan = PlanFactory(issuer=province_agency, status=PlanStatus.DRAFT)
        ReportingRequirementFactory(plan=plan, receiver=province_agency, reporters=[agency_a])
        with pytest.raises(ValidationError) as exc:
            services.obligations_generate(plan=plan)
        assert exc.value.code == "plan_not_in_force"
        assert not ReportingPeriod.objects.filter(requirement__plan=plan).exists()
        plan.in_force = True
        plan.save()
        assert services.obligations_generate(plan=plan).periods_created == 8

    def test_consolidating_requirement_chain(self, province_agency, agency_a, agency_b, district_a):
        """Seed 002: units → office by 05/12, office consolidates → UBND by 10/12; no own consolidation."""
        office = agency_a
        unit = AgencyFactory(unit=district_a, name="UBND xã Sơn Hạ")
        plan = PlanFactory(issuer=province_agency, status=PlanStatus.DRAFT, in_force=True,
                           period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2024, 12, 31))
        r1 = ReportingRequirementFactory(plan=plan, receiver=office, frequency=Frequency.ONCE,
                                         due_rule=DueRule.FIXED_DATE, due_day=None, due_date=datetime.date(2024, 12, 5),
                                         reporters=[unit])
        r2 = ReportingRequirementFactory(plan=plan, receiver=province_agency, frequency=Frequency.ONCE,
                                         due_rule=DueRule.FIXED_DATE, due_day=None, due_date=datetime.date(2024, 12, 10),
                                         reporters=[office], consolidates=r1)
        services.obligations_generate(plan=plan)
        assert list(Obligation.objects.filter(period__requirement=r1).values_list("agency_id", "kind")) == [
            (unit.pk, ObligationKind.SUBMISSION)
        ]
        cons = Obligation.objects.get(period__requirement=r2, agency=office)
        assert cons.kind == ObligationKind.CONSOLIDATION
        # Nobody consolidates r2, so its receiver gets an own consolidation as well.
        assert Obligation.objects.filter(period__requirement=r2, agency=province_agency).count() == 1
        assert services.consolidation_source_period(cons).requirement_id == r1.pk
        assert services.reviewer_agency_id(cons) == province_agency.pk
        assert cons.period.label == "Báo cáo ngày 10/12/2024"


class TestDraftAndLocking:
    def test_save_draft(self, cycle, reporter_a):
        """A save stores values, moves not started → draft and bumps the version."""
        ob = cycle["ob_a"]
        changed = services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle))
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.DRAFT and ob.version == 1
        assert ob.values.get(target=cycle["t_sum"]).value == Decimal("10")
        assert f"target:{cycle['t_sum'].pk}" in changed and "results" in changed
        assert AuditLog.objects.filter(action="reports.save", object_id=str(ob.pk)).exists()

    def test_stale_version_is_refused_and_nothing_saved(self, cycle, reporter_a):
        """Two editors from version 0: the second save raises StaleVersion and writes nothing."""
        ob = cycle["ob_a"]
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle, value="10"))
        with translation.override("vi"), pytest.raises(services.StaleVersion) as exc:
            services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle, value="99"))
        assert exc.value.current.version == 1
        assert "phiên bản" in exc.value.messages[0]
        assert ReportedValue.objects.get(obligation=ob, target=cycle["t_sum"]).value == Decimal("10")
        ob.refresh_from_db()
        assert ob.version == 1

    def test_foreign_target_rolls_everything_back(self, cycle, reporter_a, province_agency):
        """A target of another plan is refused and the valid values of the same save are not kept."""
        other = build_cycle(receiver=province_agency, reporters=[])
        data = full_data(cycle)
        data["values"][other["t_sum"].pk] = {"value": Decimal(1)}
        with pytest.raises(ValidationError):
            services.obligation_save_draft(obligation=cycle["ob_a"], acting_user=reporter_a, version=0, data=data)
        assert not ReportedValue.objects.filter(obligation=cycle["ob_a"]).exists()
        cycle["ob_a"].refresh_from_db()
        assert (cycle["ob_a"].version, cycle["ob_a"].status) == (0, ObligationStatus.NOT_STARTED)

    def test_other_agency_cannot_save(self, cycle, reporter_b):
        with pytest.raises(ValidationError) as exc:
            services.obligation_save_draft(obligation=cycle["ob_a"], acting_user=reporter_b, version=0, data=full_data(cycle))
        assert exc.value.code == "forbidden"

    def test_leader_cannot_save(self, cycle, leader):
        with pytest.raises(ValidationError):
            services.obligation_save_draft(obligation=cycle["ob_a"], acting_user=leader, version=0, data=full_data(cycle))


class TestWorkflow:
    def test_submit_requires_values_and_results(self, cycle, reporter_a):
        """Submitting an empty report lists each missing value and the results section, in Vietnamese."""
        with translation.override("vi"), pytest.raises(ValidationError) as exc:
            services.obligation_submit(obligation=cycle["ob_a"], acting_user=reporter_a)
        assert len(exc.value.messages) == 3
        assert any("Số HTX nông nghiệp" in m for m in exc.value.messages)
        cycle["ob_a"].refresh_from_db()
        assert cycle["ob_a"].status == ObligationStatus.NOT_STARTED

    def test_submit_notifies_reviewers(self, cycle, reporter_a, planner, mailoutbox, django_capture_on_commit_callbacks):
        """Submission sets status and time, audits, and notifies the receiving agency's planners."""
        with django_capture_on_commit_callbacks(execute=True):
            ob = _submit(cycle["ob_a"], reporter_a, cycle)
        assert ob.status == ObligationStatus.SUBMITTED and ob.submitted_by == reporter_a
        assert Notification.objects.filter(user=planner).count() == 1
        assert len(mailoutbox) == 1 and mailoutbox[0].to == [planner.email]
        assert AuditLog.objects.filter(action="reports.submit", object_id=str(ob.pk)).exists()

    def test_submitted_cannot_be_edited_or_resubmitted(self, cycle, reporter_a):
        ob = _submit(cycle["ob_a"], reporter_a, cycle)
        with pytest.raises(ValidationError) as exc:
            services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version, data=full_data(cycle))
        assert exc.value.code == "not_editable"
        with pytest.raises(ValidationError) as exc:
            services.obligation_submit(obligation=ob, acting_user=reporter_a)
        assert exc.value.code == "already_submitted"

    def test_return_needs_reason_and_reviewer(self, cycle, reporter_a, planner, planner_a):
        """Return: only the receiver's planner, only with a reason; the reporter sees reason and fields."""
        ob = _submit(cycle["ob_a"], reporter_a, cycle)
        with pytest.raises(ValidationError) as exc:
            services.obligation_return(obligation=ob, acting_user=planner, reason="  ")
        assert exc.value.code == "reason_required"
        with pytest.raises(ValidationError) as exc:
            services.obligation_return(obligation=ob, acting_user=planner_a, reason="x")
        assert exc.value.code == "forbidden"
        ob = services.obligation_return(obligation=ob, acting_user=planner, reason="Số liệu HTX chưa khớp",
                                        fields=[f"target:{cycle['t_sum'].pk}"])
        assert ob.status == ObligationStatus.RETURNED and ob.return_fields == [f"target:{cycle['t_sum'].pk}"]
        assert Notification.objects.filter(user=reporter_a, body="Số liệu HTX chưa khớp").exists()
        # The reporter corrects and resubmits.
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version,
                                       data={"values": {cycle["t_sum"].pk: {"value": Decimal("11")}}})
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.RETURNED
        ob = services.obligation_submit(obligation=ob, acting_user=reporter_a)
        assert ob.status == ObligationStatus.SUBMITTED and ob.return_fields == []

    def test_return_and_approve_refused_when_not_submitted(self, cycle, planner):
        with pytest.raises(ValidationError) as exc:
            services.obligation_return(obligation=cycle["ob_a"], acting_user=planner, reason="x")
        assert exc.value.code == "not_submitted"
        with pytest.raises(ValidationError) as exc:
            services.obligation_approve(obligation=cycle["ob_a"], acting_user=planner)
        assert exc.value.code == "not_submitted"

    def test_approve_and_reopen(self, cycle, reporter_a, planner, leader):
        """Approve locks; reopen needs the reviewer and a reason, and returns the report to its agency."""
        ob = _submit(cycle["ob_a"], reporter_a, cycle)
        with pytest.raises(ValidationError):
            services.obligation_approve(obligation=ob, acting_user=leader)
        ob = services.obligation_approve(obligation=ob, acting_user=planner)
        assert ob.is_locked and ob.reviewed_by == planner
        with pytest.raises(ValidationError) as exc:
            services.obligation_approve(obligation=ob, acting_user=planner)
        assert exc.value.code == "already_approved"
        with pytest.raises(ValidationError) as exc:
            services.obligation_reopen(obligation=ob, acting_user=planner, reason="")
        assert exc.value.code == "reason_required"
        with pytest.raises(ValidationError):
            services.obligation_reopen(obligation=ob, acting_user=reporter_a, reason="x")
        ob = services.obligation_reopen(obligation=ob, acting_user=planner, reason="Bổ sung số liệu quý")
        assert ob.status == ObligationStatus.RETURNED and ob.return_reason == "Bổ sung số liệu quý"
        actions = list(AuditLog.objects.filter(object_id=str(ob.pk), object_type="reports.obligation")
                       .order_by("at", "id").values_list("action", flat=True))
        assert actions == ["reports.save", "reports.submit", "reports.approve", "reports.reopen"]


class TestLockedMeansLocked:
    """Every service write path and the content rows' own save/delete refuse an approved report."""

    @pytest.fixture
    def approved(self, cycle, reporter_a, planner):
        ob = _submit(cycle["ob_a"], reporter_a, cycle)
        return services.obligation_approve(obligation=ob, acting_user=planner)

    def test_services_refuse(self, approved, cycle, reporter_a, planner):
        from django.core.files.uploadedfile import SimpleUploadedFile

        with pytest.raises(ValidationError) as exc:
            services.obligation_save_draft(obligation=approved, acting_user=reporter_a, version=approved.version,
                                           data=full_data(cycle, value="1"))
        assert exc.value.code == "locked"
        for call in (
            lambda: services.obligation_submit(obligation=approved, acting_user=reporter_a),
            lambda: services.obligation_return(obligation=approved, acting_user=planner, reason="x"),
            lambda: services.attachment_add(obligation=approved, acting_user=reporter_a,
                                            upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")),
        ):
            with pytest.raises(ValidationError) as exc:
                call()
            assert exc.value.code == "locked"
        assert ReportedValue.objects.get(obligation=approved, target=cycle["t_sum"]).value == Decimal("10")

    def test_content_rows_refuse_save_and_delete(self, approved, cycle):
        row = ReportedValue.objects.get(obligation=approved, target=cycle["t_sum"])
        row.value = Decimal("1")
        with pytest.raises(ValidationError):
            row.save()
        with pytest.raises(ValidationError):
            row.delete()
        progress = TaskProgress.objects.get(obligation=approved)
        with pytest.raises(ValidationError):
            progress.delete()
        with pytest.raises(ValidationError):
            ReportedValue(obligation=approved, target=cycle["t_avg"], value=1).save()
        assert ReportedValue.objects.get(pk=row.pk).value == Decimal("10")


class TestConsolidation:
    def test_combine_by_rule_and_progress(self, cycle, reporter_a, reporter_b, planner):
        """Sum adds the districts; the weighted average uses their weights; only approved count."""
        a = _submit(cycle["ob_a"], reporter_a, cycle, value="10", pct="50", weight="4")
        b = _submit(cycle["ob_b"], reporter_b, cycle, value="6", pct="80", weight="1", results="Kết quả B")
        services.obligation_approve(obligation=a, acting_user=planner)
        cons = cycle["cons"]
        assert services.combined_values(cons)[cycle["t_sum"].pk] == Decimal("10")
        services.obligation_approve(obligation=b, acting_user=planner)
        services.consolidation_build(obligation=cons, acting_user=planner)
        values = {v.target_id: v.value for v in ReportedValue.objects.filter(obligation=cons)}
        assert values[cycle["t_sum"].pk] == Decimal("16")
        assert values[cycle["t_avg"].pk] == Decimal("56")  # (50×4 + 80×1) / 5
        cons.refresh_from_db()
        assert "Kết quả B" in cons.results and cons.status == ObligationStatus.DRAFT
        # Own consolidation: finalised by its own planners, not submitted.
        with pytest.raises(ValidationError) as exc:
            services.obligation_submit(obligation=cons, acting_user=planner)
        assert exc.value.code == "own_consolidation"
        cons = services.obligation_approve(obligation=cons, acting_user=planner)
        assert cons.is_locked

    def test_nothing_to_consolidate(self, cycle, planner):
        with pytest.raises(ValidationError) as exc:
            services.consolidation_build(obligation=cycle["cons"], acting_user=planner)
        assert exc.value.code == "no_sources"

    def test_compliance_and_overview(self, cycle, reporter_a, planner):
        """On time vs missing per agency; progress evaluated at the cut-off."""
        from reports import selectors

        a = _submit(cycle["ob_a"], reporter_a, cycle)
        services.obligation_approve(obligation=a, acting_user=planner)
        overview = selectors.consolidation_overview(cycle["cons"], today=datetime.date(2026, 1, 1))
        states = {r.obligation.agency_id: r.state for r in overview["compliance"]}
        # Submitted "now" (2026) after the 25/03/2024 deadline: late; B never submitted: missing.
        assert states == {cycle["ob_a"].agency_id: "late", cycle["ob_b"].agency_id: "missing"}
        row = next(r for r in overview["rows"] if r["target"].pk == cycle["t_sum"].pk)
        assert row["combined"] == Decimal("10") and row["progress"].status in ("behind", "at_risk", "on_track")


class TestProvider:
    def test_reported_values_prefer_consolidation(self, cycle, reporter_a, reporter_b, planner, django_assert_max_num_queries):
        """The 'reported' provider gives the latest approved value with its label and history."""
        from plans.providers import target_values

        a = _submit(cycle["ob_a"], reporter_a, cycle, value="10")
        b = _submit(cycle["ob_b"], reporter_b, cycle, value="6")
        services.obligation_approve(obligation=a, acting_user=planner)
        services.obligation_approve(obligation=b, acting_user=planner)
        targets = [cycle["t_sum"], cycle["t_avg"]]
        with django_assert_max_num_queries(1):
            from reports.selectors import reported_target_values

            values = reported_target_values(cycle["plan"], targets)
        assert values[cycle["t_sum"].pk].value == Decimal("16") and values[cycle["t_sum"].pk].label == "Quý I/2024"
        services.consolidation_build(obligation=cycle["cons"], acting_user=planner)
        services.obligation_save_draft(obligation=cycle["cons"], acting_user=planner, version=None,
                                       data={"values": {cycle["t_sum"].pk: {"value": Decimal("15")}}})
        services.obligation_approve(obligation=cycle["cons"], acting_user=planner)
        assert target_values(cycle["plan"], targets)["reported"][cycle["t_sum"].pk].value == Decimal("15")
        # Q2 has one approved submission only: the consolidated Q1 stays the figure, Q2 is in the history.
        q2 = Obligation.objects.get(period__label="Quý II/2024", agency=cycle["ob_a"].agency)
        _submit(q2, reporter_a, cycle, value="12")
        services.obligation_approve(obligation=q2, acting_user=planner)
        reported = target_values(cycle["plan"], targets)["reported"][cycle["t_sum"].pk]
        assert (reported.value, reported.label) == (Decimal("15"), "Quý I/2024")
        assert reported.history == (("Quý I/2024", Decimal("15")), ("Quý II/2024", Decimal("12")))

    def test_no_reports_no_values(self, cycle):
        from reports.selectors import reported_target_values

        assert reported_target_values(cycle["plan"], [cycle["t_sum"]]) == {}


class TestAttachments:
    def test_checks(self, cycle, reporter_a, settings):
        """Type, magic bytes and size are checked; a real PDF is stored."""
        from django.core.files.uploadedfile import SimpleUploadedFile

        ob = cycle["ob_a"]
        with pytest.raises(ValidationError) as exc:
            services.attachment_add(obligation=ob, acting_user=reporter_a, upload=SimpleUploadedFile("x.exe", b"MZ"))
        assert exc.value.code == "attachment_type"
        with pytest.raises(ValidationError) as exc:
            services.attachment_add(obligation=ob, acting_user=reporter_a, upload=SimpleUploadedFile("x.pdf", b"<html>"))
        assert exc.value.code == "mismatch"
        settings.ATTACHMENT_MAX_BYTES = 10
        with pytest.raises(ValidationError) as exc:
            services.attachment_add(obligation=ob, acting_user=reporter_a,
                                    upload=SimpleUploadedFile("x.pdf", b"%PDF-1.4 " + b"x" * 20))
        assert exc.value.code == "too_large"
        settings.ATTACHMENT_MAX_BYTES = 1000
        att = services.attachment_add(obligation=ob, acting_user=reporter_a,
                                      upload=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 ok"))
        assert att.content_type == "application/pdf" and att.size == 11
        # Stored privately under a random name; the uploaded name is only displayed.
        assert att.file.name.startswith("attachments/") and "bao-cao" not in att.file.name
        assert att.file.storage is uploads.private_storage
        settings.ATTACHMENT_MAX_BYTES = 1048576
        xlsx = SimpleUploadedFile("so-lieu.xlsx", hostile.real_xlsx())
        assert services.attachment_add(obligation=ob, acting_user=reporter_a, upload=xlsx).original_name == "so-lieu.xlsx"

    @pytest.mark.parametrize(
        "name,make,code",
        [
            ("bom.xlsx", lambda: hostile.zip_bomb("xlsx"), "zip_bomb"),
            ("bom.docx", lambda: hostile.zip_bomb("docx"), "zip_bomb"),
            ("bom.pdf", hostile.pdf_bomb, "pdf_bomb"),
            ("macro.xlsx", hostile.macro_xlsx, "macros"),
            ("word.xlsx", hostile.real_docx, "mismatch"),
        ],
    )
    def test_hostile_attachments_refused(self, cycle, reporter_a, name, make, code):
        from django.core.files.uploadedfile import SimpleUploadedFile

        data = make()
        with no_parsing() as work, pytest.raises(ValidationError) as exc:
            services.attachment_add(obligation=cycle["ob_a"], acting_user=reporter_a, upload=SimpleUploadedFile(name, data))
        assert exc.value.code == code
        assert_checks_only(work)
        assert not cycle["ob_a"].attachments.exists()


def test_targets_in_scope_picks_nearest_milestone(province_agency):
    """Seed 004 style: 2025 and 2030 rows of one indicator; a 2024 period reports on the 2025 row."""
    from tests.plans.factories import PlanTargetFactory

    plan = PlanFactory(issuer=province_agency, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2030, 12, 31))
    t25 = PlanTargetFactory(plan=plan, code="T1", milestone_year=2025)
    t30 = PlanTargetFactory(plan=plan, code="T1", milestone_year=2030)
    other = PlanTargetFactory(plan=plan, code="", milestone_year=2030)
    p2024 = ReportingPeriod(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31))
    p2027 = ReportingPeriod(start=datetime.date(2027, 1, 1), end=datetime.date(2027, 12, 31))
    assert {t.pk for t in services.targets_in_scope([t25, t30, other], p2024)} == {t25.pk, other.pk}
    assert {t.pk for t in services.targets_in_scope([t25, t30, other], p2027)} == {t30.pk, other.pk}


def test_user_factory_email_is_used(cycle):
    """Reporters of an agency are its active users with the reporter flag."""
    u = UserFactory(agency=cycle["ob_a"].agency, is_reporter=True, is_active=False)
    assert u not in services.reporters_of(cycle["ob_a"])


@pytest.mark.django_db
def test_plan_schedule_names_overdue_reports(cycle):
    """Issue 15: the plan page labelled reports past their deadline "Chưa thực hiện"; they are
    "Quá hạn" (reports.compliance), those still ahead keep their workflow status."""
    from django.utils import translation

    from reports import selectors
    from reports.templatetags.reports_tags import status_summary

    period = cycle["period"]
    schedule = selectors.plan_schedule(cycle["plan"], today=period.due_date + datetime.timedelta(days=1))
    row = next(r for r in schedule["rows"] if r.period.pk == period.pk)
    assert row.counts == {"missing": 3}
    later = next(r for r in schedule["rows"] if r.period.due_date > period.due_date + datetime.timedelta(days=1))
    assert "missing" not in later.counts
    with translation.override("vi"):
        html = status_summary(row.counts)
    assert "Quá hạn" in html and "Chưa thực hiện" not in html


@pytest.mark.django_db
def test_consolidation_compliance_counts_returned_as_returned(cycle, reporter_a, planner):
    """The consolidation page used its own rule: a returned report counted as submitted."""
    from reports import selectors

    a = _submit(cycle["ob_a"], reporter_a, cycle)
    services.obligation_return(obligation=a, acting_user=planner, reason="Sai số liệu")
    overview = selectors.consolidation_overview(cycle["cons"], today=datetime.date(2026, 1, 1))
    states = {r.obligation.agency_id: r.state for r in overview["compliance"]}
    assert states[cycle["ob_a"].agency_id] == "returned"


def test_abolished_agency_receives_no_new_obligation(province_agency, agency_a, agency_b):
    """An agency that ended on 30/06/2025 reports for the periods it lived through only; the
    generation says, in Vietnamese, which periods it skipped and names the successor."""
    import datetime

    from reports.models import Obligation
    from tests.reports.factories import build_cycle

    agency_b.valid_to = datetime.date(2025, 6, 30)
    agency_b.successor = agency_a
    agency_b.save()
    data = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    result = services.obligations_generate(plan=data["plan"])
    labels_b = set(Obligation.objects.filter(agency=agency_b).values_list("period__label", flat=True))
    assert "Quý II/2025" in labels_b and "Quý III/2025" not in labels_b and "Quý IV/2025" not in labels_b
    assert Obligation.objects.filter(agency=agency_a, period__label="Quý IV/2025").exists()
    assert len(result.errors) == 2
    assert "kết thúc" in result.errors[0] and agency_a.name in result.errors[0] and "Quý III/2025" in result.errors[0]
    again = services.obligations_generate(plan=data["plan"])
    assert again.obligations_created == 0
