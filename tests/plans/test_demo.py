"""The demo loader enters the five seed plans faithfully (counts and key values per plan)."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from plans import demo
from plans.models import BudgetSource, DueRule, Frequency, Plan, PlanStatus, TimeframeKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    from directory import demo as directory_demo

    out = io.StringIO()
    call_command("load_units", stdout=out)
    directory_demo.load(stdout=out, today=datetime.date(2026, 11, 25))
    demo.load(stdout=out, today=datetime.date(2026, 11, 25))
    return out


def test_seed_000(loaded):
    """Seed 000 is issued 567/KH-LMHTX on 10/10/2024 with a 25,27 million VND provincial budget."""
    plan = demo.seed_plan("000")
    assert plan.status == PlanStatus.ISSUED
    assert (plan.number, plan.symbol, plan.issue_date) == (567, "KH-LMHTX", datetime.date(2024, 10, 10))
    assert plan.reference == "567/KH-LMHTX"
    assert [lb.number for lb in plan.legal_bases.all()] == ["1368/QĐ-UBND", "519/QĐ-LMHTX"]
    assert all(lb.verb == "Căn cứ" for lb in plan.legal_bases.all())
    line = plan.budget_lines.get()
    assert line.amount == Decimal("25270000") and line.source == BudgetSource.PROVINCIAL
    assert "1368/QĐ-UBND" in line.legal_basis
    assert [s.number for s in plan.sections.all()] == ["I", "II", "III", "IV", ""]
    assert plan.tasks.count() == 4
    assert {t.lead_agency.name for t in plan.tasks.all()} == {
        "Phòng Chính sách và Hỗ trợ", "Hợp tác xã sản xuất Nông lâm nghiệp và Thương mại Dịch vụ Sơn Bua",
    }
    assert plan.signer_authority == "TM. THƯỜNG TRỰC" and plan.signer_title == "PHÓ CHỦ TỊCH"
    assert plan.signer_name == "Hồ Quý Nhân"
    assert plan.recipient_lines[0] == "UBND tỉnh (báo cáo);" and plan.recipient_lines[-1] == "Lưu VT."


def test_seed_001(loaded):
    """Seed 001: draft in force, blank number and date, five 2025 targets, quarterly/6-month/annual reporting."""
    plan = demo.seed_plan("001")
    assert plan.status == PlanStatus.DRAFT and plan.in_force
    assert plan.number is None and plan.issue_date is None and plan.document_year == 2023
    assert plan.legal_bases.get().verb == "Thực hiện"
    targets = list(plan.targets.all())
    assert len(targets) == 5 and {t.milestone_year for t in targets} == {2025}
    total = plan.targets.get(code="T1")
    assert (total.value, total.baseline, total.unit) == (Decimal("17"), Decimal("15"), "HTX")
    assert plan.targets.get(code="T2").comparator == ">"
    assert plan.targets.get(code="T2").value == 60
    assert [t.number for t in plan.tasks.all()] == ["III.1", "III.2", "IV.1", "IV.2", "IV.3", "IV.4"]
    iv1 = plan.tasks.get(number="IV.1")
    assert iv1.lead_agency.name.startswith("Phòng Nông nghiệp") and iv1.timeframe_display == "2023 - 2025"
    assert iv1.coordinating_agencies.filter(name="Ủy ban nhân dân thị trấn Plei Kần").exists()
    reqs = list(plan.reporting_requirements.all())
    assert len(reqs) == 6
    quarterly = reqs[0]
    assert (quarterly.frequency, quarterly.due_rule, quarterly.due_day) == (Frequency.QUARTERLY, DueRule.DAY_OF_LAST_MONTH, 25)
    assert quarterly.reporters.filter(name="Ủy ban nhân dân thị trấn Plei Kần").exists()
    assert quarterly.receiver.name == "Phòng Nông nghiệp và Phát triển nông thôn huyện Ngọc Hồi"
    assert (reqs[1].due_day, reqs[1].due_month) == (15, 6)
    assert (reqs[2].due_day, reqs[2].due_month) == (15, 12)
    assert [r.consolidates_id for r in reqs[3:]] == [r.pk for r in reqs[:3]]
    assert reqs[3].receiver.name == "Ủy ban nhân dân huyện Ngọc Hồi"
    assert plan.signer_authority.splitlines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert plan.responsibilities.count() == 6


def test_seed_002(loaded):
    """Seed 002: nine 2024 targets incl. the 01–05 range, fixed deadlines 05/12 and 10/12/2024."""
    plan = demo.seed_plan("002")
    assert plan.status == PlanStatus.DRAFT and plan.in_force and plan.number is None and plan.symbol == ""
    targets = {t.code: t for t in plan.targets.all()}
    assert len(targets) == 9
    assert (targets["T2"].comparator, targets["T2"].value, targets["T2"].value_max) == ("range", 1, 5)
    assert (targets["T3"].comparator, targets["T3"].value) == ("~", 70)
    assert targets["T5"].value == 20 and targets["T6"].value == 80
    assert [targets[k].value for k in ("T7", "T8", "T9")] == [900, 150, 45]
    assert all(t.timeframe_kind == TimeframeKind.ONGOING for t in plan.tasks.all()) and plan.tasks.count() == 4
    units, consolidated = plan.reporting_requirements.all()
    assert units.receiver.name == "Phòng Tài chính - Kế hoạch huyện Sơn Hà"
    assert (units.due_rule, units.due_date) == (DueRule.FIXED_DATE, datetime.date(2024, 12, 5))
    assert consolidated.due_date == datetime.date(2024, 12, 10) and consolidated.consolidates == units
    assert consolidated.receiver.name == "Ủy ban nhân dân huyện Sơn Hà"
    assert plan.signer_name == "Phan Anh Quang"


def test_seed_003(loaded):
    """Seed 003: four targets, seven solutions, integrated budget without amount, 20/05 and 20/11."""
    plan = demo.seed_plan("003")
    assert plan.targets.count() == 4 and plan.tasks.count() == 7 and plan.responsibilities.count() == 8
    line = plan.budget_lines.get()
    assert line.amount is None and line.source == BudgetSource.INTEGRATED
    half, annual = plan.reporting_requirements.all()
    assert (half.due_day, half.due_month, annual.due_day, annual.due_month) == (20, 5, 20, 11)
    assert half.receiver.name.startswith("Phòng Nông nghiệp")
    assert plan.signer_title == "CHỦ TỊCH" and plan.signer_name == "Lê Chí Thiện"


def test_seed_004(loaded):
    """Seed 004: eighteen targets, nine for 2025 and nine for 2030; budgets without amounts."""
    plan = demo.seed_plan("004")
    assert plan.targets.filter(milestone_year=2025).count() == 9
    assert plan.targets.filter(milestone_year=2030).count() == 9
    households = plan.targets.filter(code="T4").order_by("milestone_year")
    assert [t.value for t in households] == [200, 1200]
    assert plan.tasks.count() == 6 and plan.responsibilities.count() == 11
    assert all(line.amount is None for line in plan.budget_lines.all())
    assert plan.budget_lines.filter(source=BudgetSource.INTEGRATED).exists()
    assert plan.signer_name == "Hà Trọng Hải"


def test_load_is_idempotent(loaded):
    """A second run creates and changes nothing."""
    before = {p.pk: p.modified for p in Plan.objects.all()}
    demo.load(stdout=io.StringIO(), today=datetime.date(2026, 11, 25))
    assert {p.pk: p.modified for p in Plan.objects.all()} == before
    assert Plan.objects.count() == 5


def test_seed_agencies_end_with_their_units(loaded):
    """The seeds' district offices and old communes' People's Committees end on 30/06/2025 with
    a successor where the rule is known (issue 14); a second run changes nothing."""
    from directory.models import Agency
    from directory.services import agencies_end_with_units

    ended = datetime.date(2025, 6, 30)
    alive = Agency.objects.filter(unit__valid_to__isnull=False, valid_to__isnull=True)
    assert set(alive.values_list("kind", flat=True)) <= {"bank", "collective"}
    kthd = Agency.objects.get(name="Phòng Kinh tế và Hạ tầng huyện Ngọc Hồi")
    assert kthd.valid_to == ended and kthd.successor.name == "Phòng Kinh tế xã Bờ Y"
    media = Agency.objects.get(name="Trung tâm Truyền thông - Văn hóa - Thể thao huyện Sơn Hà")
    assert media.valid_to == ended and media.successor.name == "Ủy ban nhân dân xã Sơn Hà"
    # District mass organisations → the same organisation of the province of today.
    mttq = Agency.objects.select_related("successor__unit").get(name="Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tháp Mười")
    assert mttq.valid_to == ended and mttq.successor.name == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Tháp"
    front = mttq.successor
    assert (front.unit.level, front.unit.valid_to, front.valid_from, front.kind) == (
        "province", None, datetime.date(2025, 7, 1), "mttq")
    assert front.place_name == "Đồng Tháp" and front.short_name == "MTTQ"
    qn_front = {a.successor for a in Agency.objects.filter(name__startswith="Ủy ban Mặt trận Tổ quốc Việt Nam huyện")
                .exclude(pk=mttq.pk)}
    assert [a.name for a in qn_front] == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ngãi"]  # Sơn Hà and Ngọc Hồi
    old_commune = Agency.objects.filter(unit__level="commune", unit__valid_to=ended, kind="ubnd").exclude(
        name__contains="Plei Kần").select_related("successor__unit").first()
    assert old_commune.valid_to == ended and old_commune.successor.unit.valid_to is None
    assert old_commune.successor.unit in old_commune.unit.successors.all()
    assert Agency.objects.get(name__startswith="Chi nhánh Ngân hàng", name__endswith="Ngọc Hồi").valid_to is None
    assert agencies_end_with_units() == {"ended": 0, "successors": 0}

    # Every seed agency that ended on 30/06/2025 has a successor alive from 01/07/2025, or a
    # reason documented in docs/directory.md.
    from directory.services import NO_SUCCESSOR_REASONS
    from tests.paths import REPO_DIR

    docs = " ".join((REPO_DIR / "docs" / "directory.md").read_text(encoding="utf-8").split())
    for reason in NO_SUCCESSOR_REASONS.values():
        assert reason in docs, reason
    reform_day = datetime.date(2025, 7, 1)
    for agency in Agency.objects.filter(valid_to=ended).select_related("successor"):
        if agency.successor is None:
            assert agency.kind in NO_SUCCESSOR_REASONS, f"{agency.name}: no successor and no documented reason"
        else:
            assert agency.successor.valid_to is None and (
                agency.successor.valid_from is None or agency.successor.valid_from <= reform_day), agency.name


def test_every_demo_plan_prints_its_signer_title_once(loaded):
    """No demo plan repeats its signer's title among the authority lines: "PHÓ CHỦ TỊCH" under
    "TM. THƯỜNG TRỰC" printed twice before (issue 18; the PDF test counts it in the document)."""
    from plans.forms import signature_errors

    plans = list(Plan.objects.exclude(signer_title=""))
    assert len(plans) >= 4  # the seeds with a signature block
    for plan in plans:
        assert signature_errors(authority=plan.signer_authority, title=plan.signer_title) == {}, plan.reference
        block = [line.strip().upper() for line in plan.signer_authority.splitlines()] + [plan.signer_title.upper()]
        assert block.count(plan.signer_title.strip().upper()) == 1, (plan.reference, block)
