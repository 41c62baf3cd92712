"""Views: permission matrix, render cache and progress, downloads, signing, verification."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from documents import services
from documents.models import RenderedDocument, SignedDocument
from tests.directory.factories import UserFactory
from tests.documents.conftest import sign_both_steps

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def leader_b(agency_b):
    return UserFactory(username="leader_b", agency=agency_b, is_leader=True)


EXPORTS = [
    ("documents:plan_pdf", "plan", b"%PDF"),
    ("documents:plan_xlsx", "plan", b"PK"),
    ("documents:obligation_pdf", "report", b"%PDF"),
    ("documents:obligation_xlsx", "report", b"PK"),
]


class TestExportPermissions:
    @pytest.mark.parametrize(("name", "source", "magic"), EXPORTS)
    def test_matrix(
        self,
        name,
        source,
        magic,
        request,
        client,
        client_for,
        planner,
        no_role_user,
        reporter_b,
        django_capture_on_commit_callbacks,
    ):
        """Anonymous → login; no role → 403; outside the area → 404; in the area → the file."""
        obj = request.getfixturevalue(source)
        url = reverse(name, args=[obj.pk])
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert client_for(no_role_user).get(url).status_code == 403
        assert client_for(reporter_b).get(url).status_code == 404
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(planner).get(url)
        if response.status_code == 302:  # rendered after commit: the progress page links the file
            document = RenderedDocument.objects.get()
            assert response["Location"] == reverse("documents:document_status", args=[document.pk])
            response = client_for(planner).get(reverse("documents:document_download", args=[document.pk]))
        assert response.status_code == 200
        assert _body(response).startswith(magic)
        assert response["Cache-Control"] == "private, no-store"

    def test_reporting_agency_sees_its_report(
        self, report, client_for, reporting_agency, django_capture_on_commit_callbacks
    ):
        user = UserFactory(username="xa", agency=reporting_agency, is_reporter=True)
        with django_capture_on_commit_callbacks(execute=True):
            first = client_for(user).get(reverse("documents:obligation_pdf", args=[report.pk]))
        assert first.status_code in (200, 302)


class TestRenderCacheAndProgress:
    def test_same_content_is_rendered_once(
        self, plan, planner, client_for, django_capture_on_commit_callbacks, monkeypatch
    ):
        calls = []
        original = services.render_pdf_bytes

        def counting(snapshot, **kwargs):
            calls.append(1)
            return original(snapshot, **kwargs)

        monkeypatch.setattr(services, "render_pdf_bytes", counting)
        c = client_for(planner)
        url = reverse("documents:plan_pdf", args=[plan.pk])
        with django_capture_on_commit_callbacks(execute=True):
            c.get(url)
        with django_capture_on_commit_callbacks(execute=True):
            second = c.get(url)
        assert second.status_code == 200 and _body(second).startswith(b"%PDF")
        assert len(calls) == 1
        assert RenderedDocument.objects.count() == 1
        # A change in content makes a new document.
        plan.title = "Tiêu đề mới"
        plan.save()
        with django_capture_on_commit_callbacks(execute=True):
            c.get(url)
        assert len(calls) == 2 and RenderedDocument.objects.count() == 2

    def test_progress_page_polls_until_ready(self, plan, planner, client_for):
        """Without the task having run, the page shows progress and polls with htmx."""
        c = client_for(planner)
        response = c.get(reverse("documents:plan_pdf", args=[plan.pk]))
        assert response.status_code == 302
        status_url = response["Location"]
        page = c.get(status_url)
        assert page.status_code == 200
        assert b'hx-trigger="every 1s"' in page.content
        document = RenderedDocument.objects.get()
        services.document_render(document_id=document.pk)
        fragment = c.get(status_url, HTTP_HX_REQUEST="true")
        assert fragment.status_code == 200
        assert reverse("documents:document_download", args=[document.pk]).encode() in fragment.content
        assert b"hx-trigger" not in fragment.content

    def test_status_permissions(self, plan, planner, client, client_for, reporter_b, no_role_user):
        document = services.document_request(source=plan, fmt="pdf", acting_user=planner)
        for name in ("documents:document_status", "documents:document_download"):
            url = reverse(name, args=[document.pk])
            assert client.get(url).status_code == 302
            assert client_for(no_role_user).get(url).status_code == 403
            assert client_for(reporter_b).get(url).status_code == 404
        assert client_for(planner).get(reverse("documents:document_status", args=[document.pk])).status_code == 200

    def test_failed_render_shows_a_message(self, plan, planner, client_for, monkeypatch):
        def broken(snapshot, **kwargs):
            raise RuntimeError("boom")

        monkeypatch.setattr(services, "render_pdf_bytes", broken)
        document = services.document_request(source=plan, fmt="pdf", acting_user=planner)
        services.document_render(document_id=document.pk)
        with translation.override("vi"):
            page = client_for(planner).get(
                reverse("documents:document_status", args=[document.pk]), HTTP_ACCEPT_LANGUAGE="vi"
            )
        assert page.status_code == 200
        assert "alert-danger" in page.content.decode()


class TestSignViews:
    def test_submit_matrix(self, plan, client, client_for, planner, province_leader, leader_b, demo_keys):
        """Trình ký: the issuer's planner sends; others get 403/404; GET shows the form."""
        from documents.models import SigningRequest
        from documents.pki import issue_demo_personal_certificate

        issue_demo_personal_certificate(province_leader)
        url = reverse("documents:plan_sign", args=[plan.pk])
        assert client.post(url).status_code == 302 and not SigningRequest.objects.exists()
        assert client_for(province_leader).post(url).status_code == 403
        assert client_for(leader_b).post(url).status_code == 404
        assert client_for(planner).get(url).status_code == 200
        response = client_for(planner).post(url, {"leader": province_leader.pk, "note": "Kính trình"})
        assert response.status_code == 302
        request = SigningRequest.objects.get(plan=plan)
        assert request.leader == province_leader and request.state == "submitted"
        assert not SignedDocument.objects.exists()

    def test_refusal_is_a_message_not_an_error(self, plan, client_for, planner, province_leader):
        """No certificate: the drafter sees a Vietnamese message, nothing is sent."""
        response = client_for(planner).get(reverse("documents:plan_sign", args=[plan.pk]), HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        assert "chứng thư" in response.content.decode()

    def test_leader_and_clerk_pages(self, plan, client_for, planner, province_leader, issuer, reporter_b, demo_keys):
        """The leader sees the PDF, confirms and signs; the clerk numbers and seals; others see nothing."""
        from documents.models import SigningRequest
        from documents.pki import issue_demo_personal_certificate

        issue_demo_personal_certificate(province_leader)
        clerk = UserFactory(username="vt", agency=issuer, is_clerk=True)
        request = services.signing_submit(source=plan, leader=province_leader, acting_user=planner)
        leader_client = client_for(province_leader)
        page = leader_client.get(reverse("documents:signing_detail", args=[request.pk]))
        assert page.status_code == 200 and page.context["leader_turn"]
        pdf = leader_client.get(reverse("documents:signing_pdf", args=[request.pk]))
        assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
        assert client_for(reporter_b).get(reverse("documents:signing_detail", args=[request.pk])).status_code == 404
        # no confirmation: nothing signed, the form says why
        response = leader_client.post(reverse("documents:signing_sign", args=[request.pk]), {"comment": "x"})
        assert response.status_code == 200 and response.context["sign_form"].errors
        request.refresh_from_db()
        assert request.state == "submitted"
        # the clerk cannot sign as the leader
        assert client_for(clerk).post(reverse("documents:signing_sign", args=[request.pk]), {"confirm": "on"}).status_code == 403
        response = leader_client.post(reverse("documents:signing_sign", args=[request.pk]), {"confirm": "on"})
        assert response.status_code == 302
        # the leader cannot seal
        assert leader_client.post(reverse("documents:signing_issue", args=[request.pk]), {"confirm": "on"}).status_code == 403
        response = client_for(clerk).post(reverse("documents:signing_issue", args=[request.pk]), {"confirm": "on"})
        assert response.status_code == 302
        request = SigningRequest.objects.get(pk=request.pk)
        assert request.state == "issued" and request.signed_document.document_number == "567/KH-LMHTX"
        home = leader_client.get("/")
        assert home.status_code == 200

    def test_report_downloads(self, report, client_for, reporter_b, demo_keys):

        signed = sign_both_steps(report)
        owner = signed.signing_request.leader
        for name in ("documents:signed_pdf", "documents:signed_zip"):
            url = reverse(name, args=[signed.pk])
            assert client_for(owner).get(url).status_code == 200
            assert client_for(reporter_b).get(url).status_code == 404

    def test_actions_partial(self, plan, province_leader, planner, demo_keys, rf):
        from django.template.loader import render_to_string

        request = rf.get("/")
        request.user = planner
        html = render_to_string("documents/partials/plan_actions.html", {"plan": plan, "request": request})
        assert reverse("documents:plan_pdf", args=[plan.pk]) in html
        assert reverse("documents:plan_xlsx", args=[plan.pk]) in html
        assert reverse("documents:plan_sign", args=[plan.pk]) in html
        request.user = province_leader
        html = render_to_string("documents/partials/plan_actions.html", {"plan": plan, "request": request})
        assert reverse("documents:plan_sign", args=[plan.pk]) not in html


class TestVerifyView:
    def test_permissions(self, client, client_for, no_role_user):
        url = reverse("documents:verify")
        assert client.get(url).status_code == 302
        assert client_for(no_role_user).get(url).status_code == 200

    def test_bad_upload_gets_a_vietnamese_message(self, client_for, planner):
        with translation.override("vi"):
            response = client_for(planner).post(
                reverse("documents:verify"),
                {"document": SimpleUploadedFile("x.pdf", b"not a pdf")},
                HTTP_ACCEPT_LANGUAGE="vi",
            )
        assert response.status_code == 200
        assert "không phải là tài liệu PDF" in response.content.decode()

    def test_wrong_extension(self, client_for, planner):
        response = client_for(planner).post(
            reverse("documents:verify"), {"document": SimpleUploadedFile("x.exe", b"MZ")}
        )
        assert response.status_code == 200
        assert response.context["form"].errors["document"]

    def test_signed_pdf_is_reported_valid_and_matched(self, plan, client_for, province_leader, no_role_user, demo_keys):
        signed = sign_both_steps(plan, province_leader)
        with signed.file.open("rb") as fh:
            data = fh.read()
        response = client_for(no_role_user).post(
            reverse("documents:verify"), {"document": SimpleUploadedFile("a.pdf", data)}
        )
        assert response.status_code == 200
        report = response.context["report"]
        assert report.all_valid and report.portal_document == signed

    def test_workbook_pair(self, report, client_for, province_leader, demo_keys):
        signed = sign_both_steps(report)
        with signed.xlsx_file.open("rb") as x, signed.p7s_file.open("rb") as s:
            xlsx, p7s = x.read(), s.read()
        response = client_for(province_leader).post(
            reverse("documents:verify"),
            {"document": SimpleUploadedFile("a.xlsx", xlsx), "signature": SimpleUploadedFile("a.xlsx.p7s", p7s)},
        )
        assert response.status_code == 200
        assert response.context["report"].all_valid


class TestPartialQueries:
    def test_actions_partial_query_count_is_constant(
        self, issuer, province_leader, demo_keys, rf, django_assert_max_num_queries
    ):
        """The buttons cost a fixed number of queries, however big the plan."""
        from django.template.loader import render_to_string

        from tests.documents.conftest import make_plan

        request = rf.get("/")
        request.user = province_leader
        for size in (1, 40):
            p = make_plan(issuer, targets=size, tasks=size, number=100 + size)
            with django_assert_max_num_queries(8):
                render_to_string("documents/partials/plan_actions.html", {"plan": p, "request": request})


def test_render_task_is_registered_under_the_contract_name():
    """Other apps send "reports.tasks.render_document"; the documents app provides it."""
    from coopplan.celery import app
    from documents.tasks import render_document

    assert render_document.name == "reports.tasks.render_document"
    assert app.tasks["reports.tasks.render_document"].run.__module__ == "documents.tasks"


def test_signed_report_workbook_download_is_the_signed_one(report, client_for, province_leader, demo_keys):
    signed = sign_both_steps(report)
    response = client_for(province_leader).get(reverse("documents:obligation_xlsx", args=[report.pk]))
    assert response.status_code == 200
    with signed.xlsx_file.open("rb") as fh:
        assert _body(response) == fh.read()
