"""Signing: PAdES on PDFs with the Decree 30 stamp, CAdES on workbooks, verification."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents import services
from documents.models import SignedDocument
from documents.verify import VerificationError, verify_pdf, verify_workbook
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def _read(field) -> bytes:
    with field.open("rb") as fh:
        return fh.read()


class TestSignPlan:
    def test_leader_signs_issued_plan_and_signature_validates(self, plan, province_leader, demo_keys):
        """The signed PDF's signature is intact, valid, trusted (demo CA) and covers the whole file."""
        signed = services.document_sign(source=plan, acting_user=province_leader)
        data = _read(signed.file)
        report = verify_pdf(data)
        assert report.all_valid
        sig = report.signatures[0]
        assert sig.intact and sig.valid and sig.trusted and sig.covers_whole_file
        assert "DEMO" in sig.signer
        assert report.portal_document == signed
        assert signed.document_number == "567/KH-LMHTX"

    def test_stamp_shows_agency_and_iso_time(self, plan, province_leader, demo_keys):
        """The visible stamp carries the agency's name and the signing time in ISO 8601 +07:00."""
        import pdfplumber

        signed = services.document_sign(source=plan, acting_user=province_leader)
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
        signed = services.document_sign(source=plan, acting_user=province_leader)
        data = bytearray(_read(signed.file))
        # A byte in the middle of the first (unsigned original) revision: inside /ByteRange.
        position = len(data) // 3
        data[position] = (data[position] + 1) % 256
        try:
            report = verify_pdf(bytes(data))
        except VerificationError:
            return  # the file no longer even parses: detected
        assert not report.all_valid
        assert not report.signatures[0].intact or report.signatures[0].modified_after_signing
        assert report.portal_document is None

    def test_later_downloads_return_the_signed_file(self, client_for, plan, province_leader, demo_keys):
        """After signing, documents:plan_pdf returns exactly the stored signed bytes."""
        signed = services.document_sign(source=plan, acting_user=province_leader)
        response = client_for(province_leader).get(f"/documents/plans/{plan.pk}/pdf/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == _read(signed.file)

    def test_signing_twice_is_refused_with_a_message(self, plan, province_leader, demo_keys):
        """The second request signs nothing and says who signed when (dd/mm/yyyy hh:mm)."""
        from documents.signing import human_time

        first = services.document_sign(source=plan, acting_user=province_leader)
        with pytest.raises(ValidationError) as exc:
            services.document_sign(source=plan, acting_user=province_leader)
        assert exc.value.code == "already_signed"
        assert human_time(first.signed_at) in exc.value.messages[0]
        assert SignedDocument.objects.count() == 1

    def test_failed_signature_leaves_no_file(self, report, province_leader, demo_keys, monkeypatch):
        """An error after the files were written (here: the audit row) rolls back and removes them."""
        from documents.models import private_root

        def boom(**kwargs):
            raise RuntimeError("audit failed")

        monkeypatch.setattr(services, "audit", boom)
        before = {p for p in private_root().rglob("*") if p.is_file() and "signed" in p.parts}
        with pytest.raises(RuntimeError):
            services.document_sign(source=report, acting_user=province_leader)
        after = {p for p in private_root().rglob("*") if p.is_file() and "signed" in p.parts}
        assert after == before
        assert SignedDocument.objects.count() == 0

    def test_signed_document_is_immutable(self, plan, province_leader, demo_keys):
        signed = services.document_sign(source=plan, acting_user=province_leader)
        signed.document_number = "99/KH-X"
        with pytest.raises(ValidationError):
            signed.save()
        with pytest.raises(ValidationError):
            signed.delete()

    def test_draft_plan_cannot_be_signed(self, plan, province_leader, demo_keys):
        plan.status = "draft"
        plan.save()
        with pytest.raises(ValidationError):
            services.document_sign(source=plan, acting_user=province_leader)

    def test_planner_cannot_sign(self, plan, planner, demo_keys):
        with pytest.raises(PermissionDenied):
            services.document_sign(source=plan, acting_user=planner)

    def test_leader_outside_area_cannot_sign(self, plan, agency_b, demo_keys):
        outsider = UserFactory(username="leader_b", agency=agency_b, is_leader=True)
        assert not services.can_sign(outsider, plan)

    def test_no_certificate_is_refused_with_a_message(self, plan, province_leader):
        with pytest.raises(ValidationError) as exc:
            services.document_sign(source=plan, acting_user=province_leader)
        assert "certificate" in str(exc.value) or "chứng thư" in str(exc.value)


class TestSignReport:
    def test_report_pdf_and_workbook_are_signed(self, report, province_leader, demo_keys):
        """The workbook's properties carry the number and the PDF's SHA-256; its .p7s validates."""
        from openpyxl import load_workbook

        signed = services.document_sign(source=report, acting_user=province_leader)
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
        signed = services.document_sign(source=report, acting_user=province_leader)
        xlsx = bytearray(_read(signed.xlsx_file))
        xlsx[100] ^= 0x01
        result = verify_workbook(bytes(xlsx), _read(signed.p7s_file))
        assert not result.all_valid

    def test_zip_holds_pdf_workbook_and_signature(self, client_for, report, province_leader, demo_keys):
        signed = services.document_sign(source=report, acting_user=province_leader)
        response = client_for(province_leader).get(f"/documents/signed/{signed.pk}/zip/")
        assert response.status_code == 200
        names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
        assert sorted(n.rsplit(".", 1)[-1] for n in names) == ["p7s", "pdf", "xlsx"]

    def test_unapproved_report_cannot_be_signed(self, plan, reporting_agency, receiver, province_leader, demo_keys):
        from tests.documents.conftest import make_report

        submitted = make_report(plan, reporting_agency, receiver, status="submitted")
        assert services.sign_refusal(submitted)
        with pytest.raises(ValidationError):
            services.document_sign(source=submitted, acting_user=province_leader)


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
    def test_incremental_change_after_signing_is_reported(self, plan, province_leader, demo_keys):
        """A later incremental update that changes page content counts as modified."""
        from pyhanko.pdf_utils import generic
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

        signed = services.document_sign(source=plan, acting_user=province_leader)
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

        signed = services.document_sign(source=plan, acting_user=province_leader)
        TrustedCA.objects.all().delete()
        report = verify_pdf(_read(signed.file))
        assert report.signatures[0].intact and not report.signatures[0].trusted
        assert not report.all_valid

    def test_designated_signer_only(self, plan, province_leader, issuer, demo_keys):
        other = UserFactory(username="other_leader", agency=issuer, is_leader=True)
        plan.signer_user = other
        plan.save()
        assert services.sign_refusal(plan, province_leader)
        with pytest.raises(ValidationError):
            services.document_sign(source=plan, acting_user=province_leader)
        assert services.document_sign(source=plan, acting_user=other).signed_by == other


def test_second_sign_request_gets_a_vietnamese_message_not_an_error(client_for, report, province_leader, demo_keys):
    """The view answers a refused (already signed) request with a message and a redirect."""
    from django.contrib.messages import get_messages

    client = client_for(province_leader)
    url = f"/documents/reports/{report.pk}/sign/"
    assert client.post(url).status_code == 302
    response = client.post(url)
    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("đã được ký" in t for t in texts), texts
    assert SignedDocument.objects.count() == 1
