"""Trình ký, the two-step signature and the register (issue 13)."""

import datetime
import io
import subprocess

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents import services
from documents.models import RegisterEntry, SignedDocument, SigningState
from documents.pki import issue_demo_personal_certificate
from documents.verify import verify_pdf
from tests.directory.factories import UserFactory

from .conftest import make_plan, make_report

pytestmark = pytest.mark.django_db


def _read(field) -> bytes:
    with field.open("rb") as fh:
        return fh.read()


def _text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


@pytest.fixture
def drafter(issuer):
    return UserFactory(username="drafter", agency=issuer, is_planner=True)


@pytest.fixture
def boss(issuer):
    user = UserFactory(
        username="boss", agency=issuer, is_leader=True, full_name="Nguyễn Văn Lãnh", position="Phó Chủ tịch"
    )
    issue_demo_personal_certificate(user)
    return user


@pytest.fixture
def clerk(issuer):
    return UserFactory(username="vanthu_t", agency=issuer, is_clerk=True, full_name="Lê Thị Văn Thư", position="Văn thư")


@pytest.fixture
def unnumbered_plan(issuer):
    return make_plan(issuer, number=None, issue_date=None, status="draft", targets=2, tasks=1)


def _through_both_steps(source, drafter, leader, clerk):
    request = services.signing_submit(source=source, leader=leader, acting_user=drafter, note="Kính trình")
    services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True, comment="Đồng ý")
    return services.signing_issue(request_id=request.pk, acting_user=clerk)


class TestTwoSteps:
    def test_plan_is_numbered_by_the_register_and_both_signatures_validate(
        self, unnumbered_plan, drafter, boss, clerk, demo_keys
    ):
        signed = _through_both_steps(unnumbered_plan, drafter, boss, clerk)
        year = datetime.date.today().year
        assert signed.document_number == "01/KH-LMHTX"
        report = verify_pdf(_read(signed.file))
        assert len(report.signatures) == 2
        assert all(s.intact and s.valid and s.trusted for s in report.signatures)
        assert report.signatures[0].signer.startswith("Nguyễn Văn Lãnh")
        text = _text(_read(signed.file))
        assert "Số: 01/KH-LMHTX" in text
        from django.utils import timezone

        from core.formatting import format_doc_date

        assert format_doc_date(timezone.localdate()) in text
        assert "Nguyễn Văn Lãnh" in text and "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text
        entry = RegisterEntry.objects.get()
        assert (entry.number, entry.register.year, entry.plan_id) == (1, year, unnumbered_plan.pk)
        unnumbered_plan.refresh_from_db()
        assert unnumbered_plan.number == 1

    def test_numbers_are_one_sequence_across_kinds(
        self, issuer, drafter, boss, clerk, demo_keys, reporting_agency, receiver
    ):
        first = _through_both_steps(make_plan(issuer, number=None, issue_date=None, status="draft", targets=1, tasks=1), drafter, boss, clerk)
        second = _through_both_steps(make_plan(issuer, number=None, issue_date=None, status="draft", targets=1, tasks=1), drafter, boss, clerk)
        assert [first.document_number, second.document_number] == ["01/KH-LMHTX", "02/KH-LMHTX"]

    def test_report_gets_number_and_signing_date(self, plan, reporting_agency, receiver, demo_keys):
        report = make_report(plan, reporting_agency, receiver)
        type(report).objects.filter(pk=report.pk).update(number=None)
        report.refresh_from_db()
        reporter = UserFactory(username="rep", agency=reporting_agency, is_reporter=True)
        leader = UserFactory(username="ct_xa", agency=reporting_agency, is_leader=True, full_name="Trần Thị Bình",
                             position="Phó Chủ tịch")
        issue_demo_personal_certificate(leader)
        clerk = UserFactory(username="vt_xa", agency=reporting_agency, is_clerk=True)
        signed = _through_both_steps(report, reporter, leader, clerk)
        assert signed.document_number == "01/BC-UBND"
        text = _text(_read(signed.file))
        assert "Số: 01/BC-UBND" in text
        assert "Trần Thị Bình" in text
        assert verify_pdf(_read(signed.file)).all_valid


class TestRules:
    def test_leader_must_confirm(self, unnumbered_plan, drafter, boss, demo_keys):
        request = services.signing_submit(source=unnumbered_plan, leader=boss, acting_user=drafter)
        with pytest.raises(ValidationError) as exc:
            services.signing_leader_sign(request_id=request.pk, acting_user=boss, confirmed=False)
        assert exc.value.code == "not_confirmed"

    def test_clerk_cannot_sign_as_leader_and_leader_cannot_seal(self, unnumbered_plan, drafter, boss, clerk, demo_keys):
        request = services.signing_submit(source=unnumbered_plan, leader=boss, acting_user=drafter)
        with pytest.raises(PermissionDenied):
            services.signing_leader_sign(request_id=request.pk, acting_user=clerk, confirmed=True)
        with pytest.raises(ValidationError):  # not yet signed by the leader
            services.signing_issue(request_id=request.pk, acting_user=clerk)
        services.signing_leader_sign(request_id=request.pk, acting_user=boss, confirmed=True)
        with pytest.raises(PermissionDenied):
            services.signing_issue(request_id=request.pk, acting_user=boss)
        boss.is_clerk = True
        boss.save()
        with pytest.raises(PermissionDenied):  # the same person never does both steps
            services.signing_issue(request_id=request.pk, acting_user=boss)

    def test_return_needs_a_reason_and_allows_a_new_submission(self, unnumbered_plan, drafter, boss, demo_keys):
        request = services.signing_submit(source=unnumbered_plan, leader=boss, acting_user=drafter)
        with pytest.raises(ValidationError):
            services.signing_return(request_id=request.pk, acting_user=boss, reason=" ")
        services.signing_return(request_id=request.pk, acting_user=boss, reason="Sửa mục II")
        request.refresh_from_db()
        assert request.state == SigningState.RETURNED
        with pytest.raises(ValidationError):
            services.signing_leader_sign(request_id=request.pk, acting_user=boss, confirmed=True)
        again = services.signing_submit(source=unnumbered_plan, leader=boss, acting_user=drafter)
        assert again.pk != request.pk

    def test_second_submission_refused(self, unnumbered_plan, drafter, boss, demo_keys):
        services.signing_submit(source=unnumbered_plan, leader=boss, acting_user=drafter)
        with pytest.raises(ValidationError) as exc:
            services.signing_submit(source=unnumbered_plan, leader=boss, acting_user=drafter)
        assert exc.value.code == "already_submitted"

    def test_leader_of_another_agency_is_refused(self, unnumbered_plan, drafter, agency_b, demo_keys):
        outsider = UserFactory(username="leader_b", agency=agency_b, is_leader=True)
        with pytest.raises(ValidationError):
            services.signing_submit(source=unnumbered_plan, leader=outsider, acting_user=drafter)

    def test_own_number_is_recorded_and_a_duplicate_refused(self, issuer, drafter, boss, clerk, demo_keys):
        first = make_plan(issuer, number=567, issue_date=datetime.date(2024, 10, 10), targets=1, tasks=1)
        signed = _through_both_steps(first, drafter, boss, clerk)
        assert signed.document_number == "567/KH-LMHTX"
        assert RegisterEntry.objects.get().origin == RegisterEntry.Origin.RECORDED
        twin = make_plan(issuer, number=567, issue_date=datetime.date(2024, 11, 1), targets=1, tasks=1)
        request = services.signing_submit(source=twin, leader=boss, acting_user=drafter)
        services.signing_leader_sign(request_id=request.pk, acting_user=boss, confirmed=True)
        with pytest.raises(ValidationError) as exc:
            services.signing_issue(request_id=request.pk, acting_user=clerk)
        assert "567" in exc.value.messages[0]
        assert SignedDocument.objects.count() == 1

    def test_future_date_refused(self, issuer):
        refusal = services.register_refusal(
            agency=issuer, number=5, day=datetime.date.today() + datetime.timedelta(days=365)
        )
        assert refusal


def test_stamp_time_is_human_readable(unnumbered_plan, drafter, boss, clerk, demo_keys):
    from documents.signing import human_time

    signed = _through_both_steps(unnumbered_plan, drafter, boss, clerk)
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(_read(signed.file)))
    streams = b""
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/FT") == "/Sig":
                streams += obj["/AP"]["/N"].get_object().get_data()
    assert human_time(signed.signed_at)
    assert b"T" not in human_time(signed.signed_at).encode()


def test_demo_signs_one_plan_and_one_report_through_both_steps(plan, reporting_agency, receiver, demo_keys):
    """documents.demo: the leader and the clerk of one agency sign its issued plan and its
    approved report; the register holds both numbers; running it again signs nothing new."""
    import io as _io

    from documents.demo import sign_demo_documents

    leader = UserFactory(username="lanhdao_demo", agency=reporting_agency, is_leader=True, position="Chủ tịch")
    UserFactory(username="vanthu_demo", agency=reporting_agency, is_clerk=True)
    UserFactory(username="admin_demo", agency=None, is_superuser=True)
    own_plan = make_plan(reporting_agency, number=9, targets=1, tasks=1)
    report = make_report(own_plan, reporting_agency, receiver)
    type(report).objects.filter(pk=report.pk).update(number=None)
    out = _io.StringIO()
    signed = sign_demo_documents(stdout=out, leader_username="lanhdao_demo", clerk_username="vanthu_demo")
    assert len(signed) == 2, out.getvalue()
    assert {s.signing_request.leader for s in signed} == {leader}
    assert all(verify_pdf(_read(s.file)).all_valid for s in signed)
    assert RegisterEntry.objects.filter(register__agency=reporting_agency).count() == 2
    assert sign_demo_documents(stdout=out, leader_username="lanhdao_demo", clerk_username="vanthu_demo") == []


@pytest.mark.skipif(not __import__("shutil").which("pdfsig"), reason="poppler-utils' pdfsig is not installed")
def test_pdfsig_finds_both_signatures_valid(unnumbered_plan, drafter, boss, clerk, demo_keys, tmp_path):
    """An independent validator (poppler's pdfsig) reads both signatures as valid; the trust check
    is the portal's own (the demo CA is not in poppler's NSS store)."""
    signed = _through_both_steps(unnumbered_plan, drafter, boss, clerk)
    path = tmp_path / "signed.pdf"
    path.write_bytes(_read(signed.file))
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert out.count("Signature Validation: Signature is Valid.") == 2, out
    assert "Nguyễn Văn Lãnh" in out
