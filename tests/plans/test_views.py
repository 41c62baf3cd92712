"""Plan pages: permissions for every view (anonymous, wrong role, out of scope, allowed),
the form round trip, the workflow through the pages, frozen plans, history and constant
query counts."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from plans import providers, services
from plans.models import Plan, PlanStatus
from plans.providers import TargetValue
from tests.directory.factories import UserFactory
from tests.plans.factories import (
    BudgetLineFactory,
    IssuedPlanFactory,
    PlanFactory,
    PlanSectionFactory,
    PlanTargetFactory,
    PlanTaskFactory,
    ReportingRequirementFactory,
)
from tests.plans.helpers import plan_post

pytestmark = pytest.mark.django_db

READ_VIEWS = ["plans:plan_detail", "plans:plan_history"]
WRITE_VIEWS = [
    "plans:plan_update", "plans:plan_issue", "plans:plan_close", "plans:plan_clone", "plans:plan_supersede",
    "plans:plan_amendment_open", "plans:plan_amendment_close", "plans:plan_delete",
]


@pytest.fixture
def plan(agency_a):
    """A draft of district A (Sơn Hà)."""
    return PlanFactory(issuer=agency_a, title="Kế hoạch phát triển hợp tác xã huyện Sơn Hà năm 2024")


@pytest.fixture
def planner_b(agency_b):
    return UserFactory(username="planner_b", agency=agency_b, is_planner=True)


class TestPermissions:
    @pytest.mark.parametrize("name", ["plans:plan_list", "plans:plan_create"] + READ_VIEWS + WRITE_VIEWS)
    def test_anonymous_goes_to_login(self, client, plan, name):
        """Anonymous users are sent to the login page."""
        args = [] if name in ("plans:plan_list", "plans:plan_create") else [plan.pk]
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and reverse("login") in response["Location"]

    @pytest.mark.parametrize("name", ["plans:plan_list", "plans:plan_create"] + READ_VIEWS + WRITE_VIEWS)
    def test_user_without_role_is_forbidden(self, client_for, no_role_user, plan, name):
        """A user without a portal role gets 403 everywhere."""
        args = [] if name in ("plans:plan_list", "plans:plan_create") else [plan.pk]
        assert client_for(no_role_user).get(reverse(name, args=args)).status_code == 403

    @pytest.mark.parametrize("name", READ_VIEWS + WRITE_VIEWS)
    def test_other_district_gets_404(self, client_for, reporter_b, planner_b, plan, name):
        """A plan of another district is not found: by its planner on every page, by its reporter on the read pages."""
        users = (reporter_b, planner_b) if name in READ_VIEWS else (planner_b,)
        for user in users:
            assert client_for(user).get(reverse(name, args=[plan.pk])).status_code == 404

    @pytest.mark.parametrize("name", READ_VIEWS)
    def test_readers_see_the_plan(self, client_for, reporter_a, leader, planner, plan, name):
        """Reporters of the district, provincial leaders and planners read the plan."""
        for user in (reporter_a, leader, planner):
            assert client_for(user).get(reverse(name, args=[plan.pk])).status_code == 200

    @pytest.mark.parametrize("name", WRITE_VIEWS + ["plans:plan_create"])
    def test_reporters_and_leaders_cannot_write(self, client_for, reporter_a, leader, plan, name):
        """Reporters and leaders are refused every writing page (403)."""
        args = [] if name == "plans:plan_create" else [plan.pk]
        for user in (reporter_a, leader):
            assert client_for(user).get(reverse(name, args=args)).status_code == 403

    @pytest.mark.parametrize("name", ["plans:plan_update", "plans:plan_issue", "plans:plan_clone"])
    def test_planners_of_the_issuer_write(self, client_for, planner, planner_a, admin_user, plan, name):
        """The issuing district's planner and an admin open the writing pages; the provincial
        Liên minh HTX planner reads the plan of its area but may not write it (issue 12)."""
        for user in (planner_a, admin_user):
            assert client_for(user).get(reverse(name, args=[plan.pk])).status_code == 200
        assert client_for(planner).get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 200
        assert client_for(planner).get(reverse(name, args=[plan.pk])).status_code == 403

    def test_assigned_agency_reads_but_cannot_edit(self, client_for, planner_a, reporter_a, agency_a, agency_b):
        """A plan of district B that gives district A a task is visible to A, but A's planner cannot edit it."""
        plan_b = PlanFactory(issuer=agency_b)
        PlanTaskFactory(plan=plan_b, lead_agency=agency_a)
        assert client_for(reporter_a).get(reverse("plans:plan_detail", args=[plan_b.pk])).status_code == 200
        assert client_for(planner_a).get(reverse("plans:plan_update", args=[plan_b.pk])).status_code == 403

    def test_list_is_scoped(self, client_for, reporter_a, reporter_b, plan, agency_b):
        """The list shows the user's area and assignments only."""
        other = PlanFactory(issuer=agency_b, title="Kế hoạch của huyện Ba Tơ")
        body_a = client_for(reporter_a).get(reverse("plans:plan_list")).content.decode()
        body_b = client_for(reporter_b).get(reverse("plans:plan_list")).content.decode()
        assert plan.title in body_a and other.title not in body_a
        assert other.title in body_b and plan.title not in body_b


class TestFormRoundTrip:
    def _header(self, issuer, **extra):
        return {"issuer": issuer.pk, "symbol": "KH-UBND", "title": "Kế hoạch năm 2024", "kind": "annual",
                "period_start": "01/01/2024", "period_end": "31/12/2024", **extra}

    def test_create_with_rows(self, client_for, planner_a, agency_a):
        """One POST creates the plan with its rows; the page redirects to the plan."""
        rows = {
            "targets": [{"description": "HTX hoạt động", "unit": "HTX", "comparator": ">=", "value": "23",
                         "milestone_year": "2024", "scope": "area", "direction": "higher", "aggregation": "sum",
                         "cumulative": "on"}],
            "tasks": [{"number": "1", "title": "Tuyên truyền", "lead_agency": str(agency_a.pk), "timeframe_kind": "ongoing"}],
            "budget_lines": [{"description": "Hội nghị", "amount": "25.270.000", "source": "provincial"}],
            "reporting_requirements": [{"reporters": [str(agency_a.pk)], "receiver": str(agency_a.pk), "frequency": "annual",
                                        "due_rule": "fixed_date", "due_date": "05/12/2024", "cutoff_rule": "due",
                                        "reminder_offsets": "7,3,1", "active": "on"}],
        }
        response = client_for(planner_a).post(reverse("plans:plan_create"), plan_post(self._header(agency_a), rows))
        plan = Plan.objects.get()
        assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
        assert plan.targets.get().value == 23 and plan.tasks.get().lead_agency == agency_a
        assert plan.budget_lines.get().amount == Decimal("25270000")
        assert plan.reporting_requirements.get().due_date == datetime.date(2024, 12, 5)
        assert plan.created_by == planner_a

    def test_errors_keep_what_was_typed(self, client_for, planner_a, agency_a):
        """An invalid row re-renders the page with the Vietnamese message and the typed values; nothing is saved."""
        rows = {"targets": [{"description": "Thành viên mới", "unit": "người", "comparator": "range", "value": "5",
                             "value_max": "1", "milestone_year": "2024", "scope": "area", "direction": "higher",
                             "aggregation": "sum"}]}
        with translation.override("vi"):
            response = client_for(planner_a).post(
                reverse("plans:plan_create"), plan_post(self._header(agency_a), rows), HTTP_ACCEPT_LANGUAGE="vi"
            )
        body = response.content.decode()
        assert response.status_code == 200 and Plan.objects.count() == 0
        assert "Giá trị trên phải lớn hơn hoặc bằng giá trị dưới." in body
        assert "Thành viên mới" in body

    def test_tampered_post_is_not_an_error(self, client_for, planner_a):
        """A POST without the formsets' management data re-renders the page with a message."""
        response = client_for(planner_a).post(reverse("plans:plan_create"), {"title": "x"})
        assert response.status_code == 200 and Plan.objects.count() == 0

    def test_issuer_outside_area_is_refused(self, client_for, planner_a, agency_b):
        """A district planner cannot issue a plan in another district's name."""
        response = client_for(planner_a).post(reverse("plans:plan_create"), plan_post(self._header(agency_b)))
        assert response.status_code == 200 and Plan.objects.count() == 0

    def test_update_edits_and_deletes_rows(self, client_for, planner_a, plan):
        """The edit page updates the header and existing rows, and deletes a marked row."""
        keep = PlanTargetFactory(plan=plan, milestone_year=2024, description="Giữ")
        drop = PlanTargetFactory(plan=plan, milestone_year=2025, description="Bỏ")
        base = {"unit": "HTX", "comparator": ">=", "scope": "area", "direction": "higher", "aggregation": "sum"}
        rows = {"targets": [
            {"id": str(keep.pk), "description": "Giữ, sửa", "value": "18", "milestone_year": "2024", **base},
            {"id": str(drop.pk), "description": "Bỏ", "value": "17", "milestone_year": "2025", "DELETE": "on", **base},
        ]}
        header = {"issuer": plan.issuer.pk, "symbol": "KH-UBND", "title": "Tên mới", "kind": "phase",
                  "period_start": "01/01/2024", "period_end": "31/12/2025"}
        response = client_for(planner_a).post(
            reverse("plans:plan_update", args=[plan.pk]), plan_post(header, rows, initial={"targets": 2})
        )
        assert response.status_code == 302
        plan.refresh_from_db()
        assert plan.title == "Tên mới"
        assert [(t.description, t.value) for t in plan.targets.all()] == [("Giữ, sửa", 18)]

    def test_frozen_plan_refuses_the_edit_page(self, client_for, planner_a, agency_a):
        """An issued plan without an open amendment redirects from the edit page and ignores a POST."""
        plan = IssuedPlanFactory(issuer=agency_a, title="Gốc")
        c = client_for(planner_a)
        assert c.get(reverse("plans:plan_update", args=[plan.pk])).status_code == 302
        header = {"issuer": agency_a.pk, "symbol": "KH-UBND", "title": "Sửa trái phép", "kind": "phase",
                  "period_start": "01/01/2024", "period_end": "31/12/2025", "number": str(plan.number),
                  "issue_date": "15/01/2024"}
        response = c.post(reverse("plans:plan_update", args=[plan.pk]), plan_post(header))
        assert response.status_code == 302
        plan.refresh_from_db()
        assert plan.title == "Gốc"


class TestWorkflowPages:
    def test_issue_amend_close(self, client_for, planner_a, plan):
        """Issue with number and date, open an amendment with a reason, edit, close it, close the plan."""
        c = client_for(planner_a)
        response = c.post(reverse("plans:plan_issue", args=[plan.pk]), {"number": "12", "issue_date": "05/03/2024"})
        assert response.status_code == 302
        plan.refresh_from_db()
        assert (plan.status, plan.number, plan.issue_date) == (PlanStatus.ISSUED, 12, datetime.date(2024, 3, 5))
        assert c.post(reverse("plans:plan_amendment_open", args=[plan.pk]), {"reason": "Bổ sung chỉ tiêu"}).status_code == 302
        assert c.get(reverse("plans:plan_update", args=[plan.pk])).status_code == 200
        assert c.post(reverse("plans:plan_amendment_close", args=[plan.pk])).status_code == 302
        assert c.post(reverse("plans:plan_close", args=[plan.pk])).status_code == 302
        plan.refresh_from_db()
        assert plan.status == PlanStatus.CLOSED

    def test_issue_without_number_shows_field_errors(self, client_for, planner_a, plan):
        """The issue form names the missing number in Vietnamese and changes nothing."""
        with translation.override("vi"):
            response = client_for(planner_a).post(
                reverse("plans:plan_issue", args=[plan.pk]), {"number": "", "issue_date": "05/03/2024"},
                HTTP_ACCEPT_LANGUAGE="vi",
            )
        assert response.status_code == 200 and "Kế hoạch đã ban hành phải có số." in response.content.decode()
        plan.refresh_from_db()
        assert plan.status == PlanStatus.DRAFT

    def test_illegal_transition_is_a_message_not_a_500(self, client_for, planner_a, plan):
        """Closing a draft shows the service's message on the page."""
        with translation.override("vi"):
            response = client_for(planner_a).post(reverse("plans:plan_close", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        assert "Chỉ kế hoạch đã ban hành mới có thể kết thúc." in response.content.decode()

    def test_clone_and_supersede(self, client_for, planner_a, agency_a):
        """Clone makes next year's draft; supersede links the old plan to the new one."""
        old = IssuedPlanFactory(issuer=agency_a, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2024, 12, 31))
        PlanTargetFactory(plan=old, milestone_year=2024, baseline_year=2023)
        c = client_for(planner_a)
        response = c.post(reverse("plans:plan_clone", args=[old.pk]), {"year_offset": "1", "title": "Kế hoạch năm 2025"})
        new = Plan.objects.exclude(pk=old.pk).get()
        assert response["Location"] == new.get_absolute_url()
        assert new.title == "Kế hoạch năm 2025" and new.targets.get().milestone_year == 2025
        services.plan_issue(plan=new, acting_user=planner_a, number=3, issue_date=datetime.date(2025, 1, 10))
        assert c.post(reverse("plans:plan_supersede", args=[old.pk]), {"by": str(new.pk)}).status_code == 302
        old.refresh_from_db()
        assert old.status == PlanStatus.SUPERSEDED and old.superseded_by == new


class TestDelete:
    def test_planner_deletes_a_draft(self, client_for, planner_a, plan):
        """A draft is deleted after confirmation, with its rows."""
        PlanTargetFactory(plan=plan)
        response = client_for(planner_a).post(reverse("plans:plan_delete", args=[plan.pk]))
        assert response.status_code == 302 and response["Location"] == reverse("plans:plan_list")
        assert not Plan.objects.filter(pk=plan.pk).exists()

    def test_issued_and_in_force_plans_are_kept(self, client_for, planner_a, agency_a):
        """Issued plans and drafts in force are never deleted; the page says why."""
        for plan in (IssuedPlanFactory(issuer=agency_a), PlanFactory(issuer=agency_a, in_force=True)):
            with translation.override("vi"):
                response = client_for(planner_a).post(reverse("plans:plan_delete", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="vi")
            assert response.status_code == 200
            assert "Chỉ dự thảo chưa đưa vào thực hiện mới có thể xóa." in response.content.decode()
            assert Plan.objects.filter(pk=plan.pk).exists()

    def test_referenced_draft_is_kept(self, planner_a, plan, agency_a):
        """A draft another plan implements or was copied from is kept."""
        PlanFactory(issuer=agency_a, implements_plan=plan)
        with pytest.raises(services.ValidationError):
            services.plan_delete(plan=plan, acting_user=planner_a)


class TestDetailAndHistory:
    def test_detail_reads_like_the_document(self, client_for, reporter_a, agency_a):
        """Header, legal bases, sections, targets, tasks, budget total, signer and recipients are shown."""
        plan = IssuedPlanFactory(
            issuer=agency_a, number=567, symbol="KH-LMHTX", place="Quảng Ngãi", issue_date=datetime.date(2024, 10, 10),
            signer_authority="TM. THƯỜNG TRỰC", signer_title="PHÓ CHỦ TỊCH", signer_name="Hồ Quý Nhân",
            recipients="UBND tỉnh (báo cáo);\nLưu VT.",
        )
        services.plan_amendment_open(plan=plan, acting_user=None, reason="nhập liệu")
        services.plan_update(
            plan=plan, acting_user=None,
            legal_bases=[{"verb": "Căn cứ", "kind": "decision", "number": "1368/QĐ-UBND", "date": datetime.date(2023, 12, 12),
                          "issuer": "Chủ tịch UBND tỉnh Quảng Ngãi"}],
            sections=[{"number": "I", "title": "MỤC ĐÍCH, YÊU CẦU", "body": "Nhân rộng mô hình."}],
            targets=[{"description": "Kết nạp thành viên", "unit": "thành viên/HTX", "comparator": "range",
                      "value": Decimal(1), "value_max": Decimal(5), "milestone_year": 2024}],
            budget_lines=[{"description": "Hội nghị", "amount": Decimal(25270000)}],
        )
        with translation.override("vi"):
            body = client_for(reporter_a).get(reverse("plans:plan_detail", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        for text in ("Số: 567/KH-LMHTX", "Quảng Ngãi, ngày 10 tháng 10 năm 2024", "Căn cứ Quyết định số 1368/QĐ-UBND ngày 12 tháng 12 năm 2023",
                     "MỤC ĐÍCH, YÊU CẦU", "từ 1 đến 5", "25,27 triệu đồng", "25.270.000 đồng", "TM. THƯỜNG TRỰC", "Hồ Quý Nhân",
                     "Nơi nhận:", "Lưu VT.", "Đến năm 2024"):
            assert text in body, text

    def test_draft_date_line_is_blank(self, client_for, reporter_a, agency_a):
        """A draft shows a blank number and the document year only."""
        plan = PlanFactory(issuer=agency_a, document_year=2023)
        body = client_for(reporter_a).get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
        assert "năm 2023" in body and "Số: &nbsp;" in body

    def test_history_shows_who_what_when(self, client_for, planner_a, plan):
        """The history page lists field changes of the plan and of its rows, with the user."""
        services.plan_update(plan=plan, acting_user=planner_a, data={"title": "Tên đã sửa"},
                             targets=[{"description": "Chỉ tiêu A", "unit": "HTX", "comparator": ">=", "value": Decimal(3),
                                       "milestone_year": 2025}])
        target = plan.targets.get()
        services.plan_update(plan=plan, acting_user=planner_a, targets=[{"id": target, "DELETE": True}])
        c = client_for(planner_a)
        c.get(reverse("plans:plan_detail", args=[plan.pk]))
        with translation.override("vi"):
            body = c.get(reverse("plans:plan_history", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert "Tên đã sửa" in body and plan.title in body  # before and after
        assert "Chỉ tiêu A" in body and "xóa" in body and "thêm mới" in body
        assert "Trích yếu" in body  # the field's Vietnamese label

    def test_history_shows_agency_changes_of_rows(self, client_for, planner_a, plan, agency_a, agency_b):
        """Changes of a task's coordinating agencies are listed with the agencies' names."""
        services.plan_update(plan=plan, acting_user=planner_a, tasks=[{"number": "1", "title": "Tuyên truyền",
                                                                        "coordinating_agencies": [agency_a]}])
        task = plan.tasks.get()
        services.plan_update(plan=plan, acting_user=planner_a, tasks=[{"id": task, "number": "1", "title": "Tuyên truyền",
                                                                        "coordinating_agencies": [agency_b]}])
        with translation.override("vi"):
            body = client_for(planner_a).get(reverse("plans:plan_history", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert "Cơ quan phối hợp" in body
        assert agency_a.name in body and agency_b.name in body

    def test_history_names_the_user_of_a_page_edit(self, client_for, planner_a, plan):
        """A change made through the page records the logged-in user (simple-history middleware)."""
        header = {"issuer": plan.issuer.pk, "symbol": "KH-UBND", "title": "Đổi tên qua trang", "kind": "phase",
                  "period_start": "01/01/2024", "period_end": "31/12/2025"}
        c = client_for(planner_a)
        c.post(reverse("plans:plan_update", args=[plan.pk]), plan_post(header))
        record = plan.history.order_by("-history_id").first()
        assert record.history_user == planner_a
        assert str(planner_a) in c.get(reverse("plans:plan_history", args=[plan.pk])).content.decode()

    def test_history_is_paginated(self, client_for, planner_a, plan):
        """Thirty edits: 25 entries on the first page, the rest on the second (issue 18)."""
        for i in range(30):
            services.plan_update(plan=plan, acting_user=planner_a, data={"title": f"Tên lần {i}"})
        c = client_for(planner_a)
        url = reverse("plans:plan_history", args=[plan.pk])
        first, second = c.get(url), c.get(url + "?page=2")
        assert len(first.context["entries"]) == 25 and first.context["page_obj"].paginator.num_pages >= 2
        assert 'href="?page=2"' in first.content.decode()
        assert 0 < len(second.context["entries"]) <= 25
        assert c.get(url + "?page=abc").status_code == 200  # a bad page number shows the first page


def _fill(plan, n):
    for i in range(n):
        PlanTargetFactory(plan=plan, milestone_year=2024 + i % 2, description=f"Chỉ tiêu {i}")
        PlanTaskFactory(plan=plan, number=str(i))
        PlanSectionFactory(plan=plan, number=str(i))
        BudgetLineFactory(plan=plan)
        ReportingRequirementFactory(plan=plan, receiver=plan.issuer, reporters=[plan.issuer])


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


class TestQueryCounts:
    def test_detail_constant(self, client_for, planner, agency_a, django_assert_max_num_queries):
        """The plan page runs the same number of queries with 1 or 12 rows per collection."""
        small, large = PlanFactory(issuer=planner.agency), PlanFactory(issuer=planner.agency)
        _fill(small, 1)
        _fill(large, 12)
        c = client_for(planner)
        c.get(reverse("plans:plan_detail", args=[small.pk]))  # warm caches (session, content types)
        n_small = _count(c, reverse("plans:plan_detail", args=[small.pk]))
        n_large = _count(c, reverse("plans:plan_detail", args=[large.pk]))
        assert n_small == n_large
        with django_assert_max_num_queries(30):
            c.get(reverse("plans:plan_detail", args=[large.pk]))

    def test_detail_constant_with_a_provider(self, client_for, planner, agency_a):
        """A registered provider adds its column without a query per target."""
        def fn(plan, targets):
            ids = list(Plan.objects.filter(pk=plan.pk).values_list("pk", flat=True))  # one query, like a real provider
            return {t.pk: TargetValue(Decimal(ids[0] * 0 + 10), "Quý III/2024") for t in targets}

        providers.register_target_value_provider("test", "Thử", fn)
        try:
            small, large = PlanFactory(issuer=agency_a), PlanFactory(issuer=agency_a)
            _fill(small, 1)
            _fill(large, 10)
            c = client_for(planner)
            c.get(reverse("plans:plan_detail", args=[small.pk]))
            assert _count(c, reverse("plans:plan_detail", args=[small.pk])) == _count(c, reverse("plans:plan_detail", args=[large.pk]))
            body = c.get(reverse("plans:plan_detail", args=[large.pk])).content.decode()
            assert "Thử" in body and "Quý III/2024" in body
        finally:
            providers._PROVIDERS.pop("test", None)

    def test_edit_page_constant(self, client_for, planner, agency_a):
        """The edit page (every formset) runs the same number of queries with 1 or 12 rows per collection."""
        small, large = PlanFactory(issuer=planner.agency), PlanFactory(issuer=planner.agency)
        _fill(small, 1)
        _fill(large, 12)
        for task in large.tasks.all():
            task.coordinating_agencies.add(agency_a)
        c = client_for(planner)
        c.get(reverse("plans:plan_update", args=[small.pk]))
        assert _count(c, reverse("plans:plan_update", args=[small.pk])) == _count(c, reverse("plans:plan_update", args=[large.pk]))

    def test_list_constant(self, client_for, planner, agency_a, agency_b, django_assert_max_num_queries):
        """The list runs the same number of queries with 1 or 30 plans."""
        c = client_for(planner)
        PlanFactory(issuer=agency_a)
        c.get(reverse("plans:plan_list"))
        n_one = _count(c, reverse("plans:plan_list"))
        for i in range(29):
            PlanFactory(issuer=agency_a if i % 2 else agency_b)
        n_many = _count(c, reverse("plans:plan_list"))
        assert n_one == n_many
        with django_assert_max_num_queries(20):
            c.get(reverse("plans:plan_list") + "?q=hop+tac+xa&ordering=-issue_date")

    @pytest.mark.parametrize("query", ["?year=abc", "?ordering=nonsense", "?unit=999999", "?issuer=abc", "?q=%00%FF"])
    def test_bad_filters_are_not_errors(self, client_for, planner, plan, query):
        """Malformed filter input never gives a server error."""
        assert client_for(planner).get(reverse("plans:plan_list") + query).status_code == 200

    def test_page_out_of_range_is_404(self, client_for, planner, plan):
        """A page number beyond the last is a 404, not a 500."""
        assert client_for(planner).get(reverse("plans:plan_list") + "?page=999").status_code == 404

    def test_list_paginates_by_25(self, client_for, planner, agency_a):
        """Twenty-five plans per page."""
        for _ in range(30):
            PlanFactory(issuer=agency_a)
        response = client_for(planner).get(reverse("plans:plan_list"))
        assert len(response.context["plans"]) == 25
        assert response.context["page_obj"].paginator.count == 30


class TestPagesRender:
    @pytest.mark.parametrize("name", ["plans:plan_close", "plans:plan_supersede", "plans:plan_amendment_open", "plans:plan_clone"])
    def test_issued_plan_action_pages(self, client_for, planner_a, agency_a, name):
        """Every workflow page of an issued plan renders its form."""
        plan = IssuedPlanFactory(issuer=agency_a)
        response = client_for(planner_a).get(reverse(name, args=[plan.pk]))
        assert response.status_code == 200 and "<form" in response.content.decode()

    def test_home_page_shows_the_panels(self, client_for, planner, agency_a):
        """The home page includes the plans panels for a planner."""
        draft = PlanFactory(issuer=planner.agency, title="Dự thảo kế hoạch hội nghị")
        with translation.override("vi"):
            body = client_for(planner).get(reverse("home"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert "Dự thảo của cơ quan bạn" in body and draft.title in body

    def test_edit_page_offers_empty_rows_to_add(self, client_for, planner_a, plan):
        """The edit page carries each formset's empty row template for "Add a row"."""
        body = client_for(planner_a).get(reverse("plans:plan_update", args=[plan.pk])).content.decode()
        assert body.count("data-formset-empty") == 7
        assert 'name="targets-__prefix__-description"' in body
        assert "plans/formset.js" in body


class TestAdmin:
    def test_admin_pages(self, client_for, admin_user, agency_a):
        """The admin lists plans and opens a draft; an issued plan is read-only there."""
        draft = PlanFactory(issuer=agency_a)
        PlanTargetFactory(plan=draft)
        issued = IssuedPlanFactory(issuer=agency_a)
        c = client_for(admin_user)
        assert c.get(reverse("admin:plans_plan_changelist")).status_code == 200
        assert c.get(reverse("admin:plans_plan_change", args=[draft.pk])).status_code == 200
        response = c.get(reverse("admin:plans_plan_change", args=[issued.pk]))
        assert response.status_code == 200 and 'name="title"' not in response.content.decode()
        assert c.get(reverse("admin:plans_plan_history", args=[draft.pk])).status_code == 200


class TestInitialValues:
    def test_new_plan_starts_with_the_planners_agency(self, client_for, planner):
        """The new-plan form proposes the planner's agency, its place and symbol."""
        planner.agency.place_name = "Quảng Ngãi"
        planner.agency.save()
        form = client_for(planner).get(reverse("plans:plan_create")).context["form"]
        assert form.initial["issuer"] == planner.agency
        assert (form.initial["place"], form.initial["symbol"]) == ("Quảng Ngãi", "KH-LMHTX")

    def test_clone_proposes_next_years_title(self, client_for, planner_a, agency_a):
        """Copying "… năm 2024" proposes "… năm 2025"."""
        plan = IssuedPlanFactory(issuer=agency_a, title="Kế hoạch phát triển KTTT năm 2024")
        form = client_for(planner_a).get(reverse("plans:plan_clone", args=[plan.pk])).context["form"]
        assert form.initial["title"] == "Kế hoạch phát triển KTTT năm 2025"
