"""Signing: PAdES on PDFs with the Decree 30 stamp, CAdES on workbooks, verification."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents import services
from documents.models import SignedDocument
from documents.verify import VerificationError, verify_pdf, verify_workbook
from tests.directory.factories import UserFactory
from tests.documents.conftest import sign_both_steps

pytestmark = pytest.mark.django_db


def _read(field) -> bytes:
    with field.open("rb") as fh:
        return fh.read()


class TestSignPlan:
    def test_leader_signs_issued_plan_and_signature_validates(self, plan, province_leader, demo_keys):
        """Two signatures, the leader's then the organisation's: intact, valid, trusted (demo CA);
        the organisation's covers the whole file, the leader's is followed only by form filling."""
        signed = sign_both_steps(plan, province_leader)
        data = _read(signed.file)
        report = verify_pdf(data)
        assert report.all_valid and report.verdict == "green"
        leader_sig, org_sig = report.signatures
        assert all(s.intact and s.valid and s.trusted for s in report.signatures)
        assert org_sig.covers_whole_file and not leader_sig.covers_whole_file
        assert leader_sig.modification_level == "FORM_FILLING" and not leader_sig.modified_after_signing
        assert leader_sig.signer.startswith("Hồ Quý Nhân") and "DEMO" in leader_sig.signer
        assert org_sig.signer.startswith("Liên minh Hợp tác xã")
        assert report.portal_document == signed
        assert signed.document_number == "567/KH-LMHTX"

    def test_stamp_shows_agency_and_iso_time(self, plan, province_leader, demo_keys):
        """The visible stamp carries the agency's name and the signing time in ISO 8601 +07:00."""
        import pdfplumber

        signed = sign_both_steps(plan, province_leader)
        with pdfplumber.open(io.BytesIO(_read(signed.file))) as pdf:
            annots = [a for page in pdf.pages for a in (page.annots or [])]
        assert annots, "the signature widget is on a page"
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(_read(signed.file)))
        ap_streams = []
        for page in reader.pages:
            for annot in page.get("/Annots") or []:
                obj = annot.get_object()
                if obj.get("/FT") == "/Sig":
                    ap_streams.append(obj["/AP"]["/N"].get_object())
        assert ap_streams
        iso = signed.signed_at.astimezone(__import__("datetime").timezone(__import__("datetime").timedelta(hours=7)))
        assert iso.isoformat(timespec="seconds").endswith("+07:00")

    def test_one_byte_change_is_detected(self, plan, province_leader, demo_keys):
        """Flipping one byte inside the signed range makes verification fail."""
        signed = sign_both_steps(plan, province_leader)
        data = bytearray(_read(signed.file))
        # A byte in the middle of the first (unsigned original) revision: inside /ByteRange.
        position = len(data) // 3
        data[position] = (data[position] + 1) % 256
        try:
            report = verify_pdf(bytes(data))
        except VerificationError:
            return  # the file no longer even parses: detected
        assert not report.all_valid and report.verdict == "red"
        assert any(not s.intact or s.modified_after_signing for s in report.signatures)
        assert report.portal_document is None

    def test_later_downloads_return_the_signed_file(self, client_for, plan, province_leader, demo_keys):
        """After signing, documents:plan_pdf returns exactly the stored signed bytes."""
        signed = sign_both_steps(plan, province_leader)
        response = client_for(province_leader).get(f"/documents/plans/{plan.pk}/pdf/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == _read(signed.file)

    def test_signing_twice_is_refused_with_a_message(self, plan, planner, province_leader, demo_keys):
        """A signed document cannot be sent again; the message says who signed when (dd/mm/yyyy hh:mm)."""
        from documents.signing import human_time

        first = sign_both_steps(plan, province_leader)
        with pytest.raises(ValidationError) as exc:
            services.signing_submit(source=plan, leader=province_leader, acting_user=planner)
        assert human_time(first.signed_at) in exc.value.messages[0]
        assert SignedDocument.objects.count() == 1

    def test_failed_signature_leaves_no_file_and_no_number(self, report, demo_keys, monkeypatch):
        """An error after the files were written (here: the audit row) rolls back and removes them."""
        from documents.models import RegisterEntry, private_root
        from documents.pki import issue_demo_personal_certificate

        agency = report.agency
        Obligation = type(report)
        Obligation.objects.filter(pk=report.pk).update(number=None)
        report.refresh_from_db()
        leader = UserFactory(agency=agency, is_leader=True, position="Chủ tịch")
        issue_demo_personal_certificate(leader)
        reporter = UserFactory(agency=agency, is_reporter=True)
        clerk = UserFactory(agency=agency, is_clerk=True)
        request = services.signing_submit(source=report, leader=leader, acting_user=reporter)
        services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True)

        def boom(**kwargs):
            raise RuntimeError("audit failed")

        monkeypatch.setattr(services, "audit", boom)
        before = {p for p in private_root().rglob("*") if p.is_file()}
        with pytest.raises(RuntimeError):
            services.signing_issue(request_id=request.pk, acting_user=clerk)
        after = {p for p in private_root().rglob("*") if p.is_file()}
        assert after == before
        assert SignedDocument.objects.count() == 0
        assert RegisterEntry.objects.count() == 0  # the number went back to the register
        request.refresh_from_db()
        assert request.state == "leader_signed"

    def test_signed_document_is_immutable(self, plan, province_leader, demo_keys):
        signed = sign_both_steps(plan, province_leader)
        signed.document_number = "99/KH-X"
        with pytest.raises(ValidationError):
            signed.save()
        with pytest.raises(ValidationError):
            signed.delete()

    def test_closed_plan_cannot_be_sent(self, plan, planner, province_leader, demo_keys):
        plan.status = "closed"
        plan.save()
        with pytest.raises(ValidationError):
            services.signing_submit(source=plan, leader=province_leader, acting_user=planner)

    def test_planner_cannot_sign_for_the_leader(self, plan, planner, province_leader, demo_keys):
        from documents.pki import issue_demo_personal_certificate

        issue_demo_personal_certificate(province_leader)
        request = services.signing_submit(source=plan, leader=province_leader, acting_user=planner)
        with pytest.raises(PermissionDenied):
            services.signing_leader_sign(request_id=request.pk, acting_user=planner, confirmed=True)

    def test_leader_outside_the_issuer_cannot_be_chosen(self, plan, planner, agency_b, demo_keys):
        outsider = UserFactory(username="leader_b", agency=agency_b, is_leader=True)
        with pytest.raises(ValidationError):
            services.signing_submit(source=plan, leader=outsider, acting_user=planner)

    def test_no_certificate_is_refused_with_a_message(self, plan, province_leader):
        with pytest.raises(ValidationError) as exc:
            sign_both_steps(plan, province_leader)
        assert "certificate" in str(exc.value) or "chứng thư" in str(exc.value)


class TestSignReport:
    def test_report_pdf_and_workbook_are_signed(self, report, province_leader, demo_keys):
        """The workbook's properties carry the number and the PDF's SHA-256; its .p7s validates."""
        from openpyxl import load_workbook

        signed = sign_both_steps(report)
        assert verify_pdf(_read(signed.file)).all_valid
        xlsx, p7s = _read(signed.xlsx_file), _read(signed.p7s_file)
        result = verify_workbook(xlsx, p7s)
        assert result.all_valid and result.workbook_matches_signed
        wb = load_workbook(io.BytesIO(xlsx))
        props = {p.name: p.value for p in wb.custom_doc_props.props}
        assert props["SignedPdfSha256"] == signed.sha256
        assert props["DocumentNumber"] == "12/BC-UBND"
        assert wb.properties.identifier == "12/BC-UBND"

    def test_changed_workbook_fails_verification(self, report, province_leader, demo_keys):
        signed = sign_both_steps(report)
        xlsx = bytearray(_read(signed.xlsx_file))
        xlsx[100] ^= 0x01
        result = verify_workbook(bytes(xlsx), _read(signed.p7s_file))
        assert not result.all_valid

    def test_zip_holds_pdf_workbook_and_signature(self, client_for, report, province_leader, demo_keys):
        signed = sign_both_steps(report)
        response = client_for(province_leader).get(f"/documents/signed/{signed.pk}/zip/")
        assert response.status_code == 200
        names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
        assert sorted(n.rsplit(".", 1)[-1] for n in names) == ["p7s", "pdf", "xlsx"]

    def test_unapproved_report_cannot_be_signed(self, plan, reporting_agency, receiver, province_leader, demo_keys):
        from tests.documents.conftest import make_report

        submitted = make_report(plan, reporting_agency, receiver, status="submitted")
        assert services.sign_refusal(submitted)
        reporter = UserFactory(agency=reporting_agency, is_reporter=True)
        leader = UserFactory(agency=reporting_agency, is_leader=True)
        with pytest.raises(ValidationError):
            services.signing_submit(source=submitted, leader=leader, acting_user=reporter)


class TestVerifyUploads:
    def test_not_a_pdf(self):
        with pytest.raises(VerificationError):
            verify_pdf(b"hello")

    def test_unsigned_pdf(self, plan):
        from documents.services import render_pdf_bytes, snapshot_for

        with pytest.raises(VerificationError) as exc:
            verify_pdf(render_pdf_bytes(snapshot_for(plan)).pdf)
        assert "signature" in str(exc.value) or "chữ ký" in str(exc.value)

    def test_damaged_p7s(self):
        with pytest.raises(VerificationError):
            verify_workbook(b"PK\x03\x04rest", b"not a cms")


class TestModificationAndTrust:
    def test_appended_permitted_update_is_amber(self, plan, province_leader, demo_keys):
        """An incremental update after the last signature that only adds a (signature) field:
        the signatures hold, the verdict is amber and names what was added."""
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields

        signed = sign_both_steps(plan, province_leader)
        writer = IncrementalPdfFileWriter(io.BytesIO(_read(signed.file)))
        fields.append_signature_field(writer, fields.SigFieldSpec(sig_field_name="Later", on_page=0, box=(10, 10, 60, 40)))
        out = io.BytesIO()
        writer.write(out)
        report = verify_pdf(out.getvalue())
        assert report.verdict == "amber", report
        assert report.later_additions
        assert all(s.intact and s.valid and s.issuer_trusted for s in report.signatures)

    def test_incremental_change_after_signing_is_reported(self, plan, province_leader, demo_keys):
        """A later incremental update that changes page content counts as modified."""
        from pyhanko.pdf_utils import generic
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

        signed = sign_both_steps(plan, province_leader)
        writer = IncrementalPdfFileWriter(io.BytesIO(_read(signed.file)))
        page = writer.root["/Pages"]["/Kids"][0].get_object()
        stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (FORGED) Tj ET")
        page["/Contents"] = writer.add_object(stream)
        writer.update_container(page)
        out = io.BytesIO()
        writer.write(out)
        report = verify_pdf(out.getvalue())
        sig = report.signatures[0]
        assert sig.intact  # the signed revision itself is untouched...
        assert sig.modified_after_signing and not sig.covers_whole_file  # ...but the file was changed after it
        assert not report.all_valid

    def test_signature_from_an_untrusted_ca_is_not_trusted(self, plan, province_leader, demo_keys):
        from documents.models import TrustedCA

        signed = sign_both_steps(plan, province_leader)
        TrustedCA.objects.all().delete()
        report = verify_pdf(_read(signed.file))
        assert report.signatures[0].intact and not report.signatures[0].trusted
        assert not report.all_valid


def test_second_issue_request_gets_a_vietnamese_message_not_an_error(client_for, report, demo_keys):
    """The view answers a refused (already issued) request with a message and a redirect."""
    from django.contrib.messages import get_messages

    signed = sign_both_steps(report)
    request = signed.signing_request
    clerk = request.clerk
    response = client_for(clerk).post(f"/documents/signing/{request.pk}/issue/", {"confirm": "on"})
    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("đã được ban hành" in t for t in texts), texts
    assert SignedDocument.objects.count() == 1
