"""A document signed outside the portal (issue 13): the issuing agency's clerk uploads the PDF
signed with a USB token; it is checked, verified against the trusted CAs and, when valid,
entered in the register with its own number and date and served as the signed document.

The "USB token" here is pyHanko signing with a key whose certificate the demo CA issued
(trusted) or an unknown CA issued (untrusted) — never the portal's own signing code."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from documents.models import RegisterEntry, SignedDocument, private_root
from tests.directory.factories import AgencyFactory, UserFactory
from tests.documents.conftest import make_report

pytestmark = pytest.mark.django_db


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def token_signed_pdf(*, trusted: bool = True, name: str = "Nguyễn Văn Token", base: bytes | None = None) -> bytes:
    """A PDF signed the way a vendor's tool does it (PAdES, one signature), not by the portal."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from documents.pki import build_ca_certificate, build_signing_certificate, demo_ca, new_key
    from documents.signing import _to_asn1

    if trusted:
        _row, ca_key, ca_cert = demo_ca()
    else:
        ca_key = new_key()
        ca_cert = build_ca_certificate(ca_key, "CA lạ không được tin cậy")
    key = new_key()
    cert = build_signing_certificate(key, name, ca_key=ca_key, ca_cert=ca_cert)
    asn_key, asn_cert, asn_extra = _to_asn1(key, cert, [ca_cert])
    signer = signers.SimpleSigner(
        signing_cert=asn_cert, signing_key=asn_key, cert_registry=SimpleCertificateStore.from_certs([asn_cert, *asn_extra])
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(base or _blank_pdf()))
    meta = signers.PdfSignatureMetadata(field_name="Token", md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES)
    return signers.sign_pdf(writer, meta, signer=signer).getvalue()


def _files() -> set:
    return {p for p in private_root().rglob("*") if p.is_file()}


def _post(client, url, data: bytes, *, number=5, symbol="KH-LMHTX", day=None, name="ky-bang-token.pdf"):
    day = day or timezone.localdate()
    return client.post(
        url,
        {
            "document": SimpleUploadedFile(name, data, content_type="application/pdf"),
            "number": number,
            "symbol": symbol,
            "issue_date": day.strftime("%d/%m/%Y"),
        },
    )


@pytest.fixture
def draft_plan(plan):
    type(plan).objects.filter(pk=plan.pk).update(status="draft", number=None, issue_date=None)
    plan.refresh_from_db()
    return plan


@pytest.fixture
def clerk(issuer):
    return UserFactory(agency=issuer, is_clerk=True, full_name="Văn Thư Tỉnh")


def _url(source) -> str:
    kind = "plans" if source._meta.model_name == "plan" else "reports"
    return f"/documents/{kind}/{source.pk}/signed-elsewhere/"


class TestRegistered:
    def test_valid_file_is_registered_numbered_stored_and_served(self, client_for, draft_plan, clerk, demo_keys):
        data = token_signed_pdf()
        client = client_for(clerk)
        page = client.get(_url(draft_plan))
        assert page.status_code == 200 and "data-external-form" in page.content.decode()
        response = _post(client, _url(draft_plan), data, number=5)
        assert response.status_code == 302, response.content.decode()[:2000]
        signed = SignedDocument.objects.get(plan=draft_plan)
        assert signed.origin == "external" and signed.certificate is None
        assert signed.document_number == "05/KH-LMHTX"
        assert signed.signer_names.startswith("Nguyễn Văn Token")
        assert signed.registered_by == clerk and signed.sha256 and signed.size == len(data)
        entry = RegisterEntry.objects.get(plan=draft_plan)
        assert (entry.number, entry.issued_on, entry.origin) == (5, timezone.localdate(), "recorded")
        draft_plan.refresh_from_db()
        assert draft_plan.status == "issued" and draft_plan.number == 5 and draft_plan.issue_date == timezone.localdate()
        # Stored privately, outside MEDIA_ROOT, and every download returns exactly the uploaded bytes.
        from django.conf import settings

        path = private_root() / signed.file.name
        assert path.read_bytes() == data
        assert Path(settings.MEDIA_ROOT).resolve() not in path.resolve().parents
        for url in (f"/documents/plans/{draft_plan.pk}/pdf/", f"/documents/signed/{signed.pk}/pdf/"):
            got = client.get(url)
            assert got.status_code == 200 and b"".join(got.streaming_content) == data
        # The plan page says it is signed, by whom; the register lists it.
        plan_page = client.get(draft_plan.get_absolute_url()).content.decode()
        assert "05/KH-LMHTX" in plan_page and "Nguyễn Văn Token" in plan_page
        assert "05/KH-LMHTX" in client.get("/documents/register/").content.decode()
        # The verification page recognises the registered file as such.
        verified = client.post(
            "/documents/verify/", {"document": SimpleUploadedFile("x.pdf", data, content_type="application/pdf")}
        ).content.decode()
        assert 'data-verdict="green"' in verified and "data-external" in verified
        assert "được ký ngoài cổng" in verified

    def test_report_of_the_agency_is_registered(self, client_for, plan, reporting_agency, receiver, demo_keys):
        report = make_report(plan, reporting_agency, receiver)
        type(report).objects.filter(pk=report.pk).update(number=None)
        clerk = UserFactory(agency=reporting_agency, is_clerk=True)
        response = _post(client_for(clerk), _url(report), token_signed_pdf(), number=31, symbol="BC-UBND")
        assert response.status_code == 302
        report.refresh_from_db()
        assert report.number == 31
        assert SignedDocument.objects.get(obligation=report).document_number == "31/BC-UBND"

    def test_the_form_starts_with_an_issued_plans_own_number_and_date(self, client_for, plan, clerk, demo_keys):
        html = client_for(clerk).get(_url(plan)).content.decode()
        # The date box shows dd/mm/yyyy in every browser (core.forms.DatePickerInput, issue 18).
        assert 'value="567"' in html and 'value="KH-LMHTX"' in html
        assert re.search(r'<input type="text" name="issue_date" value="10/10/2024"', html)


class TestRefused:
    def _refused(self, response, *texts):
        assert response.status_code == 200
        html = response.content.decode()
        for text in texts:
            assert text in html, text
        assert SignedDocument.objects.count() == 0 and RegisterEntry.objects.count() == 0

    def test_untrusted_signature_is_refused_with_the_verdict(self, client_for, draft_plan, clerk):
        before = _files()
        response = _post(client_for(clerk), _url(draft_plan), token_signed_pdf(trusted=False))
        self._refused(response, "không vượt qua kiểm tra", "chứng thư số do tổ chức không xác định hoặc không tin cậy cấp")
        assert _files() == before
        draft_plan.refresh_from_db()
        assert draft_plan.status == "draft" and draft_plan.number is None

    def test_altered_file_is_refused(self, client_for, draft_plan, clerk):
        data = bytearray(token_signed_pdf())
        position = data.index(b"/MediaBox")  # inside the signed byte range
        data[position + 1] = ord("m")
        response = _post(client_for(clerk), _url(draft_plan), bytes(data))
        assert response.status_code == 200
        assert SignedDocument.objects.count() == 0 and RegisterEntry.objects.count() == 0

    def test_unsigned_pdf_is_refused(self, client_for, draft_plan, clerk):
        self._refused(_post(client_for(clerk), _url(draft_plan), _blank_pdf()), "Tệp PDF không có chữ ký số.")

    def test_not_a_pdf_is_refused_by_the_upload_checks(self, client_for, draft_plan, clerk):
        response = _post(client_for(clerk), _url(draft_plan), b"PK\x03\x04 not a pdf at all")
        self._refused(response, "không khớp với phần mở rộng")

    def test_duplicate_number_is_refused(self, client_for, draft_plan, clerk, issuer):
        from documents.services import register_record

        other = type(draft_plan).objects.create(
            issuer=issuer, title="Kế hoạch khác", status="draft", period_start=draft_plan.period_start,
            period_end=draft_plan.period_end,
        )
        register_record(agency=issuer, number=5, symbol="KH-LMHTX", day=timezone.localdate(), source=other, acting_user=clerk)
        response = _post(client_for(clerk), _url(draft_plan), token_signed_pdf(), number=5)
        assert response.status_code == 200
        assert "Số 05 đã được dùng trong sổ văn bản đi" in response.content.decode()
        assert not SignedDocument.objects.exists() and RegisterEntry.objects.count() == 1
        draft_plan.refresh_from_db()
        assert draft_plan.status == "draft"

    def test_future_date_is_refused(self, client_for, draft_plan, clerk):
        day = timezone.localdate() + datetime.timedelta(days=30)
        response = _post(client_for(clerk), _url(draft_plan), token_signed_pdf(), day=day)
        self._refused(response, f"Ngày ban hành {day:%d/%m/%Y} là ngày trong tương lai.")

    def test_issued_plan_keeps_its_number(self, client_for, plan, clerk):
        response = _post(client_for(clerk), _url(plan), token_signed_pdf(), number=568, day=datetime.date(2024, 10, 10))
        self._refused(response, "567/KH-LMHTX")

    def test_a_document_being_signed_in_the_portal_is_refused(self, client_for, plan, clerk, demo_keys):
        from documents import services
        from documents.pki import issue_demo_personal_certificate

        leader = UserFactory(agency=plan.issuer, is_leader=True)
        issue_demo_personal_certificate(leader)
        services.signing_submit(source=plan, leader=leader, acting_user=UserFactory(agency=plan.issuer, is_planner=True))
        response = _post(client_for(clerk), _url(plan), token_signed_pdf(), number=567, day=datetime.date(2024, 10, 10))
        self._refused(response, "đang được ký trên cổng")


class TestWhoMay:
    def test_clerk_of_another_agency_is_refused(self, client_for, draft_plan, province):
        outsider = UserFactory(agency=AgencyFactory(name="Sở Nội vụ", unit=province), is_clerk=True)
        assert client_for(outsider).get(_url(draft_plan)).status_code in (403, 404)
        response = _post(client_for(outsider), _url(draft_plan), token_signed_pdf())
        assert response.status_code in (403, 404) and not SignedDocument.objects.exists()

    def test_planner_of_the_issuer_is_refused(self, client_for, draft_plan, issuer):
        planner = UserFactory(agency=issuer, is_planner=True, is_leader=True)
        assert client_for(planner).get(_url(draft_plan)).status_code == 403

    def test_the_button_shows_for_the_clerk_only(self, client_for, draft_plan, clerk, issuer):
        assert _url(draft_plan) in client_for(clerk).get(draft_plan.get_absolute_url()).content.decode()
        planner = UserFactory(agency=issuer, is_planner=True)
        assert _url(draft_plan) not in client_for(planner).get(draft_plan.get_absolute_url()).content.decode()
