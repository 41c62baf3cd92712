"""Issue 11, "approved reports are immutable through every path, including plan edits".

Each ``test_case_*`` reproduces one case the outside review observed; the others pin the
design (refuse removing answered rows, audit every removed row, the database backstop).
"""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone, translation

from core.models import AuditLog
from documents.models import AgencyCertificate, SignedDocument
from plans import services as plan_services
from plans.models import Plan, PlanStatus
from reports import services
from reports.models import Obligation, ObligationStatus, ReportedValue, TaskProgress
from tests.plans.helpers import page_form_data
from tests.reports.factories import build_cycle, full_data

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- helpers
def _approve(ob, reporter, reviewer, cycle):
    services.obligation_save_draft(obligation=ob, acting_user=reporter, version=ob.version, data=full_data(cycle))
    services.obligation_submit(obligation=ob, acting_user=reporter)
    return services.obligation_approve(obligation=ob, acting_user=reviewer)


def _edit_form(client, plan) -> dict:
    """What the browser would send back from the plan's edit page, unchanged."""
    return page_form_data(client, reverse("plans:plan_update", args=[plan.pk]), "targets-TOTAL_FORMS")


def _tick_delete(data: dict, prefix: str, pk: int) -> dict:
    index = next(k for k, v in data.items() if k.startswith(f"{prefix}-") and k.endswith("-id") and str(v) == str(pk))
    data[index[: -len("-id")] + "-DELETE"] = "on"
    return data


def _sign(ob, agency):
    cert = AgencyCertificate.objects.create(agency=agency, pkcs12=b"not a real key", subject="CN=test")
    return SignedDocument.objects.create(
        obligation=ob, certificate=cert, signed_at=timezone.now(), file="signed/x.pdf", sha256="0" * 64, size=1
    )


@pytest.fixture
def in_force_draft(province_agency, agency_a, agency_b, reporter_a, reporter_b, planner):
    """Seed 001's shape: a draft held "in force" with approved reports of both districts."""
    cycle = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    Plan.objects.filter(pk=cycle["plan"].pk).update(status=PlanStatus.DRAFT, number=None, issue_date=None, in_force=True)
    cycle["plan"].refresh_from_db()
    services.obligations_generate(plan=cycle["plan"])
    q1 = cycle["req"].periods.get(label="Quý I/2024")
    cycle["ob_a"] = _approve(Obligation.objects.get(period=q1, agency=agency_a), reporter_a, planner, cycle)
    cycle["ob_b"] = _approve(Obligation.objects.get(period=q1, agency=agency_b), reporter_b, planner, cycle)
    return cycle


def _snapshot(cycle):
    return (
        ReportedValue.objects.filter(obligation__period__requirement__plan=cycle["plan"]).count(),
        Obligation.objects.filter(period__requirement__plan=cycle["plan"]).count(),
        Obligation.objects.filter(period__requirement__plan=cycle["plan"], status=ObligationStatus.APPROVED).count(),
    )


# --------------------------------------------------------------------------- observed cases
class TestObservedCases:
    def test_case_draft_in_force_plan_delete_target_row_keeps_approved_values(self, client_for, planner, in_force_draft):
        """Ticking DELETE on a target row that approved reports answered is refused on that row, in Vietnamese; no value is lost."""
        before = _snapshot(in_force_draft)
        client = client_for(planner)
        data = _tick_delete(_edit_form(client, in_force_draft["plan"]), "targets", in_force_draft["t_sum"].pk)
        with translation.override("vi"):
            response = client.post(
                reverse("plans:plan_update", args=[in_force_draft["plan"].pk]), data, HTTP_ACCEPT_LANGUAGE="vi"
            )
        body = response.content.decode()
        assert response.status_code == 200
        assert "không thể xóa chỉ tiêu" in body.lower()
        assert _snapshot(in_force_draft) == before
        assert in_force_draft["plan"].targets.filter(pk=in_force_draft["t_sum"].pk).exists()
        assert not AuditLog.objects.filter(action__in=["plan.update", "plan.row_remove"]).exists()

    def test_case_unchanged_edit_form_still_saves(self, client_for, planner, in_force_draft):
        """The same page sent back without a DELETE saves (the check only concerns removals)."""
        client = client_for(planner)
        response = client.post(
            reverse("plans:plan_update", args=[in_force_draft["plan"].pk]), _edit_form(client, in_force_draft["plan"])
        )
        assert response.status_code == 302
        assert AuditLog.objects.filter(action="plan.update").count() == 1

    def test_case_delete_every_reporting_requirement_row_keeps_all_reports(self, client_for, planner, in_force_draft):
        """Deleting every reporting-requirement row is refused; all reports stay."""
        before = _snapshot(in_force_draft)
        client = client_for(planner)
        data = _edit_form(client, in_force_draft["plan"])
        for req in in_force_draft["plan"].reporting_requirements.all():
            _tick_delete(data, "reporting_requirements", req.pk)
        with translation.override("vi"):
            response = client.post(
                reverse("plans:plan_update", args=[in_force_draft["plan"].pk]), data, HTTP_ACCEPT_LANGUAGE="vi"
            )
        assert response.status_code == 200
        assert "không thể xóa chế độ báo cáo" in response.content.decode().lower()
        assert _snapshot(in_force_draft) == before

    def test_case_untick_in_force_then_delete_draft_keeps_all_reports(self, client_for, planner, in_force_draft):
        """Unticking "in force" saves, but deleting the draft afterwards is refused with a message; reports stay."""
        before = _snapshot(in_force_draft)
        client = client_for(planner)
        data = _edit_form(client, in_force_draft["plan"])
        data.pop("in_force", None)
        assert client.post(reverse("plans:plan_update", args=[in_force_draft["plan"].pk]), data).status_code == 302
        in_force_draft["plan"].refresh_from_db()
        assert not in_force_draft["plan"].in_force
        with translation.override("vi"):
            response = client.post(
                reverse("plans:plan_delete", args=[in_force_draft["plan"].pk]), {}, HTTP_ACCEPT_LANGUAGE="vi"
            )
        assert response.status_code == 200
        assert "không thể xóa" in response.content.decode().lower()
        assert Plan.objects.filter(pk=in_force_draft["plan"].pk).exists()
        assert _snapshot(in_force_draft) == before

    def test_case_signed_report_gives_a_message_not_a_server_error(self, client_for, planner, in_force_draft, agency_a):
        """With a signed report among them, the same POSTs answer with a message (no ProtectedError 500)."""
        _sign(in_force_draft["ob_a"], agency_a)
        before = _snapshot(in_force_draft)
        client = client_for(planner)
        data = _edit_form(client, in_force_draft["plan"])
        for req in in_force_draft["plan"].reporting_requirements.all():
            _tick_delete(data, "reporting_requirements", req.pk)
        _tick_delete(data, "targets", in_force_draft["t_sum"].pk)
        _tick_delete(data, "tasks", in_force_draft["task"].pk)
        _tick_delete(data, "budget_lines", in_force_draft["line"].pk)
        response = client.post(reverse("plans:plan_update", args=[in_force_draft["plan"].pk]), data)
        assert response.status_code == 200
        Plan.objects.filter(pk=in_force_draft["plan"].pk).update(in_force=False)
        response = client.post(reverse("plans:plan_delete", args=[in_force_draft["plan"].pk]), {})
        assert response.status_code == 200
        assert _snapshot(in_force_draft) == before
        assert SignedDocument.objects.filter(obligation=in_force_draft["ob_a"]).exists()

    def test_case_amendment_of_issued_plan_deleting_target_keeps_approved_values(
        self, province_agency, agency_a, reporter_a, planner
    ):
        """An amendment that deletes a target approved reports answered is refused; the values stay."""
        cycle = build_cycle(receiver=province_agency, reporters=[agency_a])
        services.obligations_generate(plan=cycle["plan"])
        ob = Obligation.objects.filter(period__requirement=cycle["req"], agency=agency_a).order_by("period__start").first()
        _approve(ob, reporter_a, planner, cycle)
        plan_services.plan_amendment_open(plan=cycle["plan"], acting_user=planner, reason="Điều chỉnh chỉ tiêu")
        with pytest.raises(plan_services.RowsInUse) as exc:
            plan_services.plan_update(
                plan=cycle["plan"], acting_user=planner, targets=[{"id": cycle["t_sum"].pk, "DELETE": True}]
            )
        assert exc.value.rows[0][:2] == ("targets", cycle["t_sum"].pk)
        assert ob.values.filter(target=cycle["t_sum"]).exists()
        assert not AuditLog.objects.filter(action="plan.update").exists()

    def test_case_each_removed_row_gets_its_own_audit_row(self, province_agency, agency_a, reporter_a, planner):
        """Removing rows writes one plan.row_remove row per removed row besides the one plan.update row."""
        cycle = build_cycle(receiver=province_agency, reporters=[agency_a])
        services.obligations_generate(plan=cycle["plan"])
        ob = Obligation.objects.filter(period__requirement=cycle["req"], agency=agency_a).order_by("period__start").first()
        # A draft only: its entries for the removed rows go, the report stays.
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version, data=full_data(cycle))
        plan_services.plan_amendment_open(plan=cycle["plan"], acting_user=planner, reason="Bỏ chỉ tiêu trùng")
        plan_services.plan_update(
            plan=cycle["plan"],
            acting_user=planner,
            targets=[{"id": cycle["t_sum"].pk, "DELETE": True}],
            tasks=[{"id": cycle["task"].pk, "DELETE": True}],
        )
        removed = AuditLog.objects.filter(action="plan.row_remove").order_by("id")
        assert [(r.data["collection"], r.data["row"]) for r in removed] == [
            ("targets", cycle["t_sum"].pk),
            ("tasks", cycle["task"].pk),
        ]
        assert removed[0].data["draft_entries_removed"] == 1
        assert AuditLog.objects.filter(action="plan.update").count() == 1
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.DRAFT and ob.values.count() == 1 and not ob.task_progress.exists()


# --------------------------------------------------------------------------- the design around it
class TestBackstops:
    def test_database_refuses_deleting_an_answered_target_directly(self, in_force_draft):
        """Outside the services (admin, shell) the database refuses to delete a target reports answered."""
        with pytest.raises(IntegrityError):
            in_force_draft["t_sum"].delete()
        assert ReportedValue.objects.filter(target=in_force_draft["t_sum"]).count() == 2

    def test_database_refuses_deleting_an_answered_task_directly(self, in_force_draft):
        with pytest.raises(IntegrityError):
            in_force_draft["task"].delete()
        assert TaskProgress.objects.filter(task=in_force_draft["task"]).count() == 2

    def test_requirement_with_only_not_started_reports_can_be_removed(self, province_agency, agency_a, planner):
        """Generated but untouched reports do not hold a requirement back."""
        cycle = build_cycle(receiver=province_agency, reporters=[agency_a])
        services.obligations_generate(plan=cycle["plan"])
        plan_services.plan_amendment_open(plan=cycle["plan"], acting_user=planner, reason="Đổi chế độ báo cáo")
        plan_services.plan_update(
            plan=cycle["plan"], acting_user=planner, reporting_requirements=[{"id": cycle["req"].pk, "DELETE": True}]
        )
        assert not Obligation.objects.filter(period__requirement__plan=cycle["plan"]).exists()
        assert AuditLog.objects.filter(action="plan.row_remove", data__collection="reporting_requirements").count() == 1

    def test_returned_report_also_holds_its_target(self, province_agency, agency_a, reporter_a, planner):
        """A returned report was submitted: its target cannot be removed either."""
        cycle = build_cycle(receiver=province_agency, reporters=[agency_a])
        services.obligations_generate(plan=cycle["plan"])
        ob = Obligation.objects.filter(period__requirement=cycle["req"], agency=agency_a).order_by("period__start").first()
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version, data=full_data(cycle))
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        services.obligation_return(obligation=ob, acting_user=planner, reason="Thiếu số liệu")
        plan_services.plan_amendment_open(plan=cycle["plan"], acting_user=planner, reason="x")
        with pytest.raises(plan_services.RowsInUse):
            plan_services.plan_update(plan=cycle["plan"], acting_user=planner, targets=[{"id": cycle["t_sum"].pk, "DELETE": True}])

    def test_draft_plan_with_only_not_started_reports_can_be_deleted(self, province_agency, agency_a, planner):
        """A draft once marked in force whose reports nobody started can still be deleted."""
        cycle = build_cycle(receiver=province_agency, reporters=[agency_a])
        Plan.objects.filter(pk=cycle["plan"].pk).update(status=PlanStatus.DRAFT, in_force=True)
        cycle["plan"].refresh_from_db()
        services.obligations_generate(plan=cycle["plan"])
        Plan.objects.filter(pk=cycle["plan"].pk).update(in_force=False)
        plan_services.plan_delete(plan=cycle["plan"], acting_user=planner)
        assert not Plan.objects.filter(pk=cycle["plan"].pk).exists()
