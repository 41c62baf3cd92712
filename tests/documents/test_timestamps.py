"""RFC 3161 timestamps (issue 13): with SIGNING_TSA_URL set, every signature carries a token
from the TSA; the verification page shows its time; a TSA that does not answer stops the
signature cleanly (nothing signed, numbered or written). The TSA is local (tests/documents/tsa.py)."""

import io
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents import services
from documents.models import RegisterEntry, SignedDocument, private_root
from documents.pki import issue_demo_personal_certificate, trusted_roots
from documents.verify import verify_pdf, verify_workbook
from tests.directory.factories import UserFactory
from tests.documents.conftest import sign_both_steps

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _read(field) -> bytes:
    with field.open("rb") as fh:
        return fh.read()


def _pyhanko_statuses(data: bytes):
    """pyHanko's own validation of every signature (not the portal's wrapper)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data))
    return [
        validate_pdf_signature(sig, ValidationContext(trust_roots=trusted_roots(), allow_fetching=False))
        for sig in reader.embedded_signatures
    ]


def _files() -> set:
    return {p for p in private_root().rglob("*") if p.is_file()}


def _people(agency):
    leader = UserFactory(agency=agency, is_leader=True, full_name="Phạm Văn Ký", position="Phó Chủ tịch")
    issue_demo_personal_certificate(leader)
    drafter = UserFactory(agency=agency, is_planner=True, is_reporter=True)
    clerk = UserFactory(agency=agency, is_clerk=True)
    return leader, drafter, clerk


class TestTimestamped:
    def test_both_signatures_carry_a_valid_timestamp_token(self, plan, demo_keys, local_tsa):
        """The leader's and the organisation's signature each hold a token pyHanko validates
        (intact, valid, chained to the trusted demo CA through the TSA certificate)."""
        signed = sign_both_steps(plan)
        statuses = _pyhanko_statuses(_read(signed.file))
        assert len(statuses) == 2
        for status in statuses:
            ts = status.timestamp_validity
            assert ts is not None, "the signature has no timestamp token"
            assert ts.intact and ts.valid and ts.trusted
            assert status.bottom_line
        # One sample request (pyHanko learns the TSA's chain to embed validation information;
        # the client is kept, so once per TSA and process), then one token per signature.
        assert local_tsa.requests == 1 + 2
        report = verify_pdf(_read(signed.file))
        assert report.verdict == "green"
        assert all(s.timestamp_valid and s.timestamp_authority == "CoopPlan test TSA" for s in report.signatures)

    def test_verification_page_shows_the_timestamp_time(self, client_for, plan, demo_keys, local_tsa):
        """dd/mm/yyyy HH:MM in Asia/Ho_Chi_Minh, the time the TSA vouched for (read by pyHanko)."""
        signed = sign_both_steps(plan)
        data = _read(signed.file)
        times = [s.timestamp_validity.timestamp.astimezone(VN).strftime("%d/%m/%Y %H:%M") for s in _pyhanko_statuses(data)]
        user = UserFactory(agency=plan.issuer, is_planner=True)
        response = client_for(user).post(
            "/documents/verify/", {"document": SimpleUploadedFile("ky.pdf", data, content_type="application/pdf")}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert 'data-verdict="green"' in html
        for shown in times:
            assert shown in html
        assert html.count("data-timestamp") == 2
        assert "Dấu thời gian hợp lệ" in html

    def test_report_workbook_signature_is_timestamped_too(self, report, demo_keys, local_tsa):
        signed = sign_both_steps(report)
        result = verify_workbook(_read(signed.xlsx_file), _read(signed.p7s_file))
        assert result.verdict == "green"
        (sig,) = result.signatures
        assert sig.timestamp_valid and sig.timestamp_time is not None
        assert local_tsa.requests == 1 + 3  # the sample, then leader, organisation, workbook

    def test_without_a_tsa_signatures_have_no_timestamp(self, plan, demo_keys, settings):
        settings.SIGNING_TSA_URL = ""
        signed = sign_both_steps(plan)
        assert all(s.timestamp_validity is None for s in _pyhanko_statuses(_read(signed.file)))
        report = verify_pdf(_read(signed.file))
        assert report.verdict == "green" and all(s.timestamp_time is None for s in report.signatures)


class TestTsaDown:
    def test_leader_signature_refused_with_a_message_and_nothing_written(self, plan, demo_keys, local_tsa):
        leader, drafter, _clerk = _people(plan.issuer)
        request = services.signing_submit(source=plan, leader=leader, acting_user=drafter)
        local_tsa.down()
        before = _files()
        with pytest.raises(ValidationError) as exc:
            services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True)
        assert exc.value.code == "tsa_unavailable"
        assert "Dịch vụ cấp dấu thời gian" in exc.value.messages[0]
        assert _files() == before
        request.refresh_from_db()
        assert request.state == "submitted" and not request.leader_pdf and request.leader_signed_at is None

    def test_clerk_step_refused_and_no_number_used(self, client_for, plan, demo_keys, local_tsa):
        """Through the view: a Vietnamese message, no 500; no number, no signed file, plan still a draft
        number-wise."""
        type(plan).objects.filter(pk=plan.pk).update(status="draft", number=None, issue_date=None)
        plan.refresh_from_db()
        leader, drafter, clerk = _people(plan.issuer)
        request = services.signing_submit(source=plan, leader=leader, acting_user=drafter)
        services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True)
        local_tsa.down()
        before = _files()
        response = client_for(clerk).post(f"/documents/signing/{request.pk}/issue/", {"confirm": "on"}, follow=True)
        assert response.status_code == 200
        assert "Dịch vụ cấp dấu thời gian" in response.content.decode()
        assert _files() == before
        assert RegisterEntry.objects.count() == 0 and SignedDocument.objects.count() == 0
        request.refresh_from_db()
        plan.refresh_from_db()
        assert request.state == "leader_signed" and plan.number is None

    def test_tsa_answering_garbage_is_refused_too(self, plan, demo_keys, local_tsa):
        """A TSA that answers with something that is not a token is as good as none."""
        from asn1crypto import tsp

        leader, drafter, _clerk = _people(plan.issuer)
        request = services.signing_submit(source=plan, leader=leader, acting_user=drafter)
        local_tsa.stamper.request_tsa_response = lambda req: tsp.TimeStampResp(
            {"status": tsp.PKIStatusInfo({"status": tsp.PKIStatus("rejection")})}
        )
        with pytest.raises(ValidationError) as exc:
            services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True)
        assert exc.value.code == "tsa_unavailable"
