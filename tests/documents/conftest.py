"""Fixtures for the documents tests: a plan shaped like seed 000, an approved report, demo keys."""

import datetime
import io
from decimal import Decimal

import pytest

from plans.models import LegalBasis, Responsibility
from reports.models import Obligation, ReportedValue, TaskProgress
from tests.directory.factories import AgencyFactory, UserFactory
from tests.plans.factories import (
    BudgetLineFactory,
    IssuedPlanFactory,
    PlanSectionFactory,
    PlanTargetFactory,
    PlanTaskFactory,
    ReportingRequirementFactory,
)
from tests.reports.factories import ReportingPeriodFactory


@pytest.fixture
def parent_agency(province):
    return AgencyFactory(name="Ủy ban nhân dân tỉnh Quảng Ngãi", short_name="UBND", unit=province)


@pytest.fixture
def issuer(province_agency, parent_agency):
    province_agency.parent = parent_agency
    province_agency.place_name = "Quảng Ngãi"
    province_agency.save()
    return province_agency


def make_plan(issuer, *, targets=5, tasks=3, title=None, **kwargs):
    """An issued plan with legal bases, sections, targets, tasks, budget (like seed 000)."""
    plan = IssuedPlanFactory(
        issuer=issuer,
        number=kwargs.pop("number", 567),
        symbol="KH-LMHTX",
        issue_date=kwargs.pop("issue_date", datetime.date(2024, 10, 10)),
        title=title or "Tổ chức Hội nghị chuyên đề về phát triển kinh tế tập thể, hợp tác xã năm 2024",
        signer_authority="TM. THƯỜNG TRỰC",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Hồ Quý Nhân",
        recipients="- UBND tỉnh (b/c);\n- Các HTX tham dự;\n- Lưu: VT, CSHT.",
        preamble="Thường trực Liên minh Hợp tác xã tỉnh xây dựng Kế hoạch như sau:",
        **kwargs,
    )
    LegalBasis.objects.create(
        plan=plan,
        order=1,
        kind="decision",
        number="1368/QĐ-UBND",
        date=datetime.date(2023, 12, 12),
        issuer="UBND tỉnh Quảng Ngãi",
        title="về việc phê duyệt Kế hoạch phát triển kinh tế tập thể năm 2024",
    )
    LegalBasis.objects.create(
        plan=plan, order=2, kind="decision", number="519/QĐ-LMHTX", date=datetime.date(2023, 12, 28)
    )
    PlanSectionFactory(
        plan=plan,
        order=1,
        number="I",
        title="Mục đích, yêu cầu",
        kind="purpose",
        body="1. Mục đích\nNâng cao nhận thức của cán bộ, thành viên hợp tác xã về vai trò của kinh tế tập thể.\n"
        "2. Yêu cầu\na) Tổ chức hội nghị thiết thực, hiệu quả;\nb) Tiết kiệm, đúng quy định.",
    )
    PlanSectionFactory(plan=plan, order=2, number="II", title="Chỉ tiêu", kind="objectives", body="Đến năm 2025:")
    for i in range(targets):
        PlanTargetFactory(
            plan=plan,
            order=i,
            description=f"Số hợp tác xã nông nghiệp hoạt động hiệu quả nhóm {i + 1}",
            value=Decimal("1200") + i,
            milestone_year=2025,
        )
    PlanSectionFactory(plan=plan, order=3, number="III", title="Kinh phí", kind="budget", body="Từ ngân sách tỉnh.")
    BudgetLineFactory(plan=plan, description="Kinh phí tổ chức hội nghị", amount=Decimal("25270000"))
    for i in range(tasks):
        PlanTaskFactory(
            plan=plan, order=i, number=str(i + 1), title=f"Nhiệm vụ {i + 1}", text="Chuẩn bị nội dung hội nghị"
        )
    Responsibility.objects.create(plan=plan, order=1, agency_text="Phòng Chính sách và Hỗ trợ", text="Chủ trì tổ chức.")
    return plan


@pytest.fixture
def plan(issuer):
    return make_plan(issuer)


@pytest.fixture
def receiver(district_a):
    return AgencyFactory(name="Ủy ban nhân dân huyện Sơn Hà", short_name="UBND", unit=district_a)


@pytest.fixture
def reporting_agency(commune_a, receiver):
    return AgencyFactory(name="Ủy ban nhân dân xã Sơn Hạ", short_name="UBND", unit=commune_a, parent=None)


def make_report(plan, reporting_agency, receiver, *, status="approved", rows=None):
    """A submission with values for every target, then moved to ``status``."""
    req = ReportingRequirementFactory(plan=plan, receiver=receiver, reporters=[reporting_agency])
    period = ReportingPeriodFactory(
        requirement=req,
        label="Quý III/2025",
        start=datetime.date(2025, 7, 1),
        end=datetime.date(2025, 9, 30),
        cutoff_start=datetime.date(2025, 6, 15),
        cutoff_end=datetime.date(2025, 9, 14),
        due_date=datetime.date(2025, 9, 25),
    )
    obligation = Obligation.objects.create(
        period=period,
        agency=reporting_agency,
        status="draft",
        number=12,
        symbol="BC-UBND",
        results="Đã tổ chức 02 hội nghị tuyên truyền.",
        difficulties="Nguồn vốn còn hạn chế.",
        proposals="Đề nghị hỗ trợ tín dụng cho HTX.",
        signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Trần Thị Bình",
    )
    for i, target in enumerate(plan.targets.all()):
        ReportedValue.objects.create(obligation=obligation, target=target, value=target.value * Decimal("0.9") + i)
    for task in plan.tasks.all():
        TaskProgress.objects.create(obligation=obligation, task=task, status="in_progress", account="Đang triển khai")
    from django.utils import timezone

    Obligation.objects.filter(pk=obligation.pk).update(
        status=status, submitted_at=timezone.make_aware(datetime.datetime(2025, 9, 20, 9, 0))
    )
    obligation.refresh_from_db()
    return obligation


@pytest.fixture
def report(plan, reporting_agency, receiver):
    return make_report(plan, reporting_agency, receiver)


@pytest.fixture
def province_leader(issuer):
    return UserFactory(
        username="lanhdao_test", agency=issuer, is_leader=True, full_name="Hồ Quý Nhân", position="Phó Chủ tịch"
    )


@pytest.fixture
def demo_keys(issuer, reporting_agency):
    from documents.pki import issue_demo_certificate

    return issue_demo_certificate(issuer), issue_demo_certificate(reporting_agency)


def pdf_pages(data: bytes):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data)).pages


def pdf_text(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def sign_both_steps(source, leader=None, *, drafter=None, clerk=None):
    """Trình ký → the leader's signature → the clerk's number and seal; the SignedDocument.

    Users the test does not give are made for the issuing agency (a leader of another
    agency is replaced: only the issuing agency's leaders sign for it).
    """
    from documents import services
    from documents.pki import issue_demo_personal_certificate

    agency = services.issuing_agency(source)
    if leader is None or leader.agency_id != agency.pk:
        leader = UserFactory(agency=agency, is_leader=True, full_name="Phạm Văn Ký", position="Phó Chủ tịch")
    issue_demo_personal_certificate(leader)
    drafter = drafter or UserFactory(agency=agency, is_planner=True, is_reporter=True)
    clerk = clerk or UserFactory(agency=agency, is_clerk=True, full_name="Văn Thư")
    request = services.signing_submit(source=source, leader=leader, acting_user=drafter)
    services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True)
    return services.signing_issue(request_id=request.pk, acting_user=clerk)


@pytest.fixture
def local_tsa(settings, db):
    """A local RFC 3161 TSA (tests/documents/tsa.py) configured as SIGNING_TSA_URL; stopped after."""
    from documents.pki import demo_ca
    from tests.documents.tsa import LocalTSA

    _row, ca_key, ca_cert = demo_ca()
    tsa = LocalTSA(ca_key=ca_key, ca_cert=ca_cert)
    settings.SIGNING_TSA_URL = tsa.url
    settings.SIGNING_TSA_TIMEOUT = 5
    yield tsa
    tsa.down()
