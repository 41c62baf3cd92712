"""The five seed plans (``../shared/seeds/``) entered as structured data, through the services.

``load(stdout=..., today=...)`` creates each seed plan once (a plan is found again by its
issuer and title, so a second run changes nothing); ``seed_plan(code)`` returns it for the
other apps' loaders: "000".."004", and "current" for the live 2026–2027 plan of UBND tỉnh
Quảng Ngãi that the reports demo creates.

What comes from where:
* Narrative sections and recipients: ``demo_data/seed_texts.json``, split from the seed
  documents once (Roman-numbered sections in order, the closing paragraph as a last
  section; markdown emphasis removed, paragraphs cut by page breaks joined again).
* Targets, tasks' agencies and time frames, budgets, responsibilities, reporting rules and
  signers: written out below, one seed at a time, as the documents state them.
* Task and responsibility texts are taken from the numbered sub-sections of those
  sections, so they read exactly as in the document.

Decisions the documents leave open (see docs/plans.md):
* Blank numbers and dates stay blank. Seeds 001 and 002 are kept as drafts marked
  ``in_force`` (implemented and reported on: the reports demo builds their history);
  seed 000 is issued (567/KH-LMHTX, 10/10/2024); 003 and 004 are drafts.
* Seed 003 names no district: the issuer is UBND huyện Tháp Mười (the directory demo's
  assumption), with ``issuer_text`` "Ủy ban nhân dân Huyện" as the document writes it.
* "UBND các xã, thị trấn" becomes the People's Committee of every commune of the district
  (created here when missing), so a reporting requirement has one reporter per commune.
"""

import datetime
import json
import re
from decimal import Decimal
from pathlib import Path

from directory import demo as directory_demo
from directory.models import AdministrativeUnit, Agency, AgencyKind
from directory.services import agencies_end_with_units, agency_get_or_create

from . import services
from .models import (
    Aggregation,
    BudgetSource,
    CutoffRule,
    DueRule,
    Frequency,
    LegalBasisKind,
    Plan,
    PlanKind,
    TargetScope,
    TimeframeKind,
)

TEXTS_FILE = Path(__file__).resolve().parent / "demo_data" / "seed_texts.json"

TITLES = {
    "000": "Tổ chức Hội nghị nhân rộng mô hình “Thu hút thành viên liên kết tham gia phát triển sản xuất gắn với "
    "chuỗi giá trị nông nghiệp ứng dụng công nghệ cao”",
    "001": "Củng cố, kiện toàn, phát triển các hợp tác xã nông nghiệp trên địa bàn huyện Ngọc Hồi giai đoạn 2023 - 2025",
    "002": "Về việc phát triển kinh tế tập thể, hợp tác xã năm 2024",
    "003": "Hỗ trợ phát triển và nâng cao chất lượng Hội quán trên địa bàn Huyện giai đoạn 2021 - 2025",
    "004": "Thực hiện Quyết định số 182/QĐ-TTg ngày 20 tháng 02 năm 2024 của Thủ tướng Chính phủ về phê duyệt Đề án "
    "“Hội Nông dân Việt Nam tham gia phát triển kinh tế tập thể trong nông nghiệp đến năm 2030” trên địa bàn "
    "tỉnh Lai Châu",
}
ISSUERS = {"000": "lmhtx_qn", "001": "ubnd_ngochoi", "002": "ubnd_sonha", "003": "ubnd_dt_huyen", "004": "ubnd_laichau"}
CURRENT_ISSUER = "ubnd_qn"


# ---------------------------------------------------------------------------
# lookups
# ---------------------------------------------------------------------------
def seed_plan(code: str) -> Plan:
    """The demo plan for seed ``code`` ("000".."004"), or "current": the plan of UBND tỉnh
    Quảng Ngãi whose period starts in 2026 (created by the reports demo)."""
    if code == "current":
        return (
            Plan.objects.filter(issuer=directory_demo.agency(CURRENT_ISSUER), period_start__year=2026)
            .order_by("-id")
            .first()
        ) or Plan.objects.none().get()
    return Plan.objects.get(issuer=directory_demo.agency(ISSUERS[code]), title=TITLES[code])


def _texts() -> dict:
    return json.loads(TEXTS_FILE.read_text(encoding="utf-8"))


def _sections(code: str) -> list[dict]:
    return [
        {"number": s["number"], "title": s["title"], "kind": s["kind"], "body": s["body"]}
        for s in _texts()[code]["sections"]
    ]


def _section_body(code: str, number: str) -> str:
    return next(s["body"] for s in _texts()[code]["sections"] if s["number"] == number)


_META_LINE = re.compile(r"^- (Đơn vị thực hiện|Cơ quan thực hiện|Thời gian thực hiện|Cơ quan chủ trì)\s*:", re.I)


def _subsections(code: str, number: str) -> list[dict]:
    """Numbered sub-sections ("1. …") of a section: heading and the lines under it
    (the agency and time-frame lines are left out: they become fields)."""
    items: list[dict] = []
    for line in _section_body(code, number).split("\n"):
        m = re.match(r"^(\d+)\.\s+(.*)$", line)
        if m:
            items.append({"number": m.group(1), "heading": m.group(2).strip(), "lines": []})
        elif items and not _META_LINE.match(line):
            items[-1]["lines"].append(line)
    return items


def _unit_by_code(code: str, level: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(code=code, level=level, valid_from__isnull=True)


def _agency(name: str, unit: AdministrativeUnit, short: str, kind: str, parent: Agency | None = None) -> Agency:
    return agency_get_or_create(
        name=name, unit=unit, short_name=short, kind=kind, parent=parent, place_name=parent.place_name if parent else ""
    )


def _commune_committees(district_key: str) -> list[Agency]:
    """The People's Committee of every commune of a (pre-2025) district, in code order."""
    result = []
    for commune in AdministrativeUnit.objects.filter(parent=directory_demo.unit(district_key)).order_by("code"):
        existing = Agency.objects.filter(unit=commune, kind=AgencyKind.PEOPLES_COMMITTEE).order_by("id").first()
        result.append(
            existing
            or agency_get_or_create(
                name=f"Ủy ban nhân dân {commune.full_name}",
                unit=commune,
                short_name="UBND",
                kind=AgencyKind.PEOPLES_COMMITTEE,
                header_name=f"ỦY BAN NHÂN DÂN\n{commune.full_name.upper()}",
                place_name=commune.name,
            )
        )
    return result


def _target(code, description, comparator, value, unit, year, **extra) -> dict:
    row = {
        "code": code,
        "description": description,
        "comparator": comparator,
        "value": Decimal(str(value)),
        "unit": unit,
        "milestone_year": year,
        "scope": extra.pop("scope", TargetScope.AREA),
        "aggregation": extra.pop("aggregation", Aggregation.SUM),
    }
    for key in ("value_max", "baseline"):
        if key in extra:
            extra[key] = Decimal(str(extra[key]))
    row.update(extra)
    return row


def _years(start: int, end: int) -> dict:
    return {"timeframe_kind": TimeframeKind.YEARS, "start_year": start, "end_year": end}


ONGOING = {"timeframe_kind": TimeframeKind.ONGOING}


# ---------------------------------------------------------------------------
# seed 000 — Liên minh HTX tỉnh Quảng Ngãi, event plan, issued 567/KH-LMHTX 10/10/2024
# ---------------------------------------------------------------------------
def _seed_000():
    lmhtx = directory_demo.agency("lmhtx_qn")
    province = lmhtx.unit
    policy = _agency("Phòng Chính sách và Hỗ trợ", province, "CS&HT", AgencyKind.OFFICE, parent=lmhtx)
    office = _agency("Văn phòng Liên minh Hợp tác xã tỉnh Quảng Ngãi", province, "VP", AgencyKind.OFFICE, parent=lmhtx)
    son_mua = AdministrativeUnit.objects.filter(parent=directory_demo.unit("sontay"), name="Sơn Mùa").get()
    host = _agency(
        "Hợp tác xã sản xuất Nông lâm nghiệp và Thương mại Dịch vụ Sơn Bua", son_mua, "HTX", AgencyKind.COLLECTIVE
    )
    event = datetime.date(2024, 10, 16)
    resp = _subsections("000", "IV")
    data = {
        "issuer": lmhtx,
        "symbol": "KH-LMHTX",
        "place": "Quảng Ngãi",
        "title": TITLES["000"],
        "kind": PlanKind.EVENT,
        "period_start": datetime.date(2024, 10, 10),
        "period_end": event,
        "preamble": (
            "Thường trực Liên minh Hợp tác xã tỉnh Quảng Ngãi ban hành Kế hoạch tổ chức Hội nghị nhân rộng mô hình "
            "“Thu hút thành viên tham gia sản xuất phát triển sản xuất gắn với chuỗi giá trị nông nghiệp ứng dụng "
            "công nghệ cao” tại Hợp tác xã sản xuất Nông lâm nghiệp và Thương mại Dịch vụ Sơn Bua, thôn Huy Em, xã "
            "Sơn Mùa, huyện Sơn Tây (sau đây gọi tắt là Mô hình) cho các Hợp tác xã trên địa bàn tỉnh Quảng Ngãi."
        ),
        "signer_authority": "TM. THƯỜNG TRỰC",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Hồ Quý Nhân",
        "recipients": "\n".join(_texts()["000"]["recipients"]),
    }
    deadline = {"timeframe_kind": TimeframeKind.DEADLINE, "deadline": event}
    policy_lines = [line[2:] for line in resp[0]["lines"] if line.startswith("- ")]
    collections = {
        "legal_bases": [
            {
                "verb": "Căn cứ", "kind": LegalBasisKind.DECISION, "number": "1368/QĐ-UBND",
                "date": datetime.date(2023, 12, 12), "issuer": "Chủ tịch UBND tỉnh Quảng Ngãi",
                "title": "về việc giao dự toán thu chi ngân sách nhà nước trên địa bàn và chi ngân sách địa phương năm 2024",
            },
            {
                "verb": "Căn cứ", "kind": LegalBasisKind.DECISION, "number": "519/QĐ-LMHTX",
                "date": datetime.date(2023, 12, 28), "issuer": "Chủ tịch Liên minh Hợp tác xã tỉnh Quảng Ngãi",
                "title": "về việc giao dự toán ngân sách nhà nước năm 2024",
            },
        ],
        "sections": _sections("000"),
        "targets": [],
        "tasks": [
            {"group": "IV. Tổ chức thực hiện", "number": "IV.1-1", "text": policy_lines[0], "lead_agency": policy,
             "agencies_text": "Phòng Chính sách và Hỗ trợ", **deadline},
            {"group": "IV. Tổ chức thực hiện", "number": "IV.1-2", "text": policy_lines[1], "lead_agency": policy,
             "coordinating_agencies": [host], "agencies_text": "Phòng Chính sách và Hỗ trợ; HTX SXNLN&TMDV Sơn Bua",
             **deadline},
            {"group": "IV. Tổ chức thực hiện", "number": "IV.1-3", "text": policy_lines[2], "lead_agency": policy,
             "coordinating_agencies": [office], "agencies_text": "Phòng Chính sách và Hỗ trợ; Văn phòng, Kế toán cơ quan",
             **deadline},
            {"group": "IV. Tổ chức thực hiện", "number": "IV.2", "title": "Đề nghị HTX Sản xuất NLN&TMDV Sơn Bua",
             "text": resp[1]["lines"][0], "lead_agency": host, "coordinating_agencies": [policy],
             "agencies_text": "HTX Sản xuất NLN&TMDV Sơn Bua (huyện Sơn Tây)", **deadline},
        ],
        "budget_lines": [
            {
                "description": "Tổ chức Hội nghị nhân rộng mô hình tại HTX SXNLN&TMDV Sơn Bua (tổng kinh phí khoảng)",
                "amount": Decimal("25270000"),
                "source": BudgetSource.PROVINCIAL,
                "source_text": (
                    "Thực hiện theo Quyết định số 1368/QĐ-UBND ngày 12 tháng 12 năm 2023 của Chủ tịch UBND tỉnh "
                    "Quảng Ngãi về việc giao dự toán thu ngân sách trên địa bàn và chi ngân sách địa phương năm 2024."
                ),
                "legal_basis": "Quyết định số 1368/QĐ-UBND ngày 12/12/2023 của Chủ tịch UBND tỉnh Quảng Ngãi",
                "year": 2024,
            }
        ],
        "responsibilities": [
            {"agency": policy, "agency_text": resp[0]["heading"], "text": "\n".join(resp[0]["lines"])},
            {"agency": host, "agency_text": resp[1]["heading"], "text": "\n".join(resp[1]["lines"])},
        ],
        "reporting_requirements": [],
    }
    return data, collections, {"issue": (567, datetime.date(2024, 10, 10))}


# ---------------------------------------------------------------------------
# seed 001 — UBND huyện Ngọc Hồi, phase plan 2023–2025 (number and date blank)
# ---------------------------------------------------------------------------
def _seed_001():
    ubnd = directory_demo.agency("ubnd_ngochoi")
    nn = directory_demo.agency("nn_ngochoi")
    district = ubnd.unit
    tckh = _agency("Phòng Tài chính - Kế hoạch huyện Ngọc Hồi", district, "TCKH", AgencyKind.OFFICE, parent=ubnd)
    kthd = _agency("Phòng Kinh tế và Hạ tầng huyện Ngọc Hồi", district, "KTHT", AgencyKind.OFFICE, parent=ubnd)
    bank = _agency("Chi nhánh Ngân hàng Nông nghiệp và Phát triển nông thôn huyện Ngọc Hồi", district, "Agribank", AgencyKind.BANK)
    mttq = _agency("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Ngọc Hồi", district, "MTTQ", AgencyKind.FATHERLAND_FRONT)
    communes = _commune_committees("ngochoi")
    pleikan = directory_demo.agency("ubnd_pleikan")
    if pleikan not in communes:  # the demo account xa_ngochoi must be among the reporters
        communes.append(pleikan)
    group3, group4 = "III. Nội dung, nhiệm vụ", "IV. Giải pháp"
    tasks3 = _subsections("001", "III")
    tasks4 = _subsections("001", "IV")
    yrs = _years(2023, 2025)
    data = {
        "issuer": ubnd,
        "symbol": "KH-UBND",
        "place": "Ngọc Hồi",
        "document_year": 2023,
        "title": TITLES["001"],
        "kind": PlanKind.PHASE,
        "period_start": datetime.date(2023, 1, 1),
        "period_end": datetime.date(2025, 12, 31),
        "implements_reference": (
            "Kế hoạch số 4025/KH-UBND ngày 01 tháng 12 năm 2023 của Ủy ban nhân dân tỉnh Kon Tum về củng cố, kiện "
            "toàn, phát triển hợp tác xã nông nghiệp trên địa bàn tỉnh Kon Tum giai đoạn 2023-2025"
        ),
        "preamble": "Ủy ban nhân dân huyện Ngọc Hồi xây dựng kế hoạch như sau:",
        "signer_authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Nguyễn Văn Việt",
        "recipients": "\n".join(_texts()["001"]["recipients"]),
        "in_force": True,
    }
    resp = _subsections("001", "V")
    resp_agencies = [nn, tckh, kthd, bank, None, mttq]
    quarterly = "Định kỳ hằng quý (trước ngày 25 tháng cuối quý)"
    communes_text = "Ủy ban nhân dân các xã, thị trấn (qua phòng Nông nghiệp và Phát triển nông thôn)"
    collections = {
        "legal_bases": [
            {
                "verb": "Thực hiện", "kind": LegalBasisKind.PLAN, "number": "4025/KH-UBND",
                "date": datetime.date(2023, 12, 1), "issuer": "Ủy ban nhân dân tỉnh Kon Tum",
                "title": "về củng cố, kiện toàn, phát triển hợp tác xã nông nghiệp trên địa bàn tỉnh Kon Tum giai đoạn 2023-2025",
            }
        ],
        "sections": _sections("001"),
        "targets": [
            _target("T1", "Củng cố, kiện toàn các hợp tác xã hiện có, thành lập mới và nâng tổng số hợp tác xã nông nghiệp",
                    "=", 17, "HTX", 2025, subject="HTX nông nghiệp", baseline=15, baseline_year=2023,
                    source_text="nâng tổng số lên 17 hợp tác xã nông nghiệp (hiện nay có 15 hợp tác xã hoạt động trong lĩnh vực nông nghiệp)"),
            _target("T2", "Tổ chức kinh tế tập thể đạt loại tốt, khá", ">", 60, "%", 2025, subject="tổ chức KTTT",
                    scope=TargetScope.SHARE, aggregation=Aggregation.WEIGHTED_AVERAGE,
                    source_text="Bảo đảm trên 60% tổ chức kinh tế tập thể đạt loại tốt, khá"),
            _target("T3", "Tổ chức kinh tế tập thể tham gia liên kết theo chuỗi giá trị", ">=", 30, "%", 2025,
                    subject="tổ chức KTTT", scope=TargetScope.SHARE, aggregation=Aggregation.WEIGHTED_AVERAGE,
                    source_text="có ít nhất 30% tổ chức kinh tế tập thể tham gia liên kết theo chuỗi giá trị"),
            _target("T4", "Hợp tác xã ứng dụng công nghệ cao vào sản xuất và tiêu thụ nông sản", ">=", 1, "HTX", 2025,
                    subject="HTX", source_text="Có ít nhất 01 hợp tác xã ứng dụng công nghệ cao vào sản xuất và tiêu thụ nông sản"),
            _target("T5", "Mỗi xã có hợp tác xã nông nghiệp", ">=", 1, "HTX/xã", 2025, subject="HTX nông nghiệp",
                    aggregation=Aggregation.MIN,
                    source_text="phấn đấu mỗi xã có ít nhất 01 hợp tác xã nông nghiệp"),
        ],
        "tasks": [
            {"group": group3, "number": f"III.{t['number']}", "title": t["heading"], "text": "\n".join(t["lines"])}
            for t in tasks3
        ]
        + [
            {"group": group4, "number": "IV.1", "title": tasks4[0]["heading"], "text": "\n".join(tasks4[0]["lines"]),
             "lead_agency": nn, "coordinating_agencies": [tckh, *communes],
             "agencies_text": "Phòng Nông nghiệp và Phát triển nông thôn, phòng Tài chính-Kế hoạch và Ủy ban nhân dân các xã, thị trấn.",
             **yrs},
            {"group": group4, "number": "IV.2", "title": tasks4[1]["heading"], "text": "\n".join(tasks4[1]["lines"]),
             "lead_agency": nn, "coordinating_agencies": [kthd, *communes],
             "agencies_text": "Phòng Nông nghiệp và Phát triển nông thôn; Phòng Kinh tế và Hạ tầng; Ủy ban nhân dân các xã, thị trấn.",
             **yrs},
            {"group": group4, "number": "IV.3", "title": tasks4[2]["heading"], "text": "\n".join(tasks4[2]["lines"]),
             "lead_agency": nn, "coordinating_agencies": [kthd, tckh, *communes],
             "agencies_text": "Phòng Nông nghiệp và Phát triển nông thôn; Phòng Kinh tế và Hạ tầng; phòng Tài chính - Kế hoạch; Ủy ban nhân dân các xã, thị trấn.",
             **yrs},
            {"group": group4, "number": "IV.4", "title": tasks4[3]["heading"], "text": "\n".join(tasks4[3]["lines"]),
             "coordinating_agencies": communes,
             "agencies_text": "Các phòng, ban, ngành và Ủy ban nhân dân các xã, thị trấn.", **yrs},
        ],
        "budget_lines": [],
        "responsibilities": [
            {"agency": agency, "agency_text": r["heading"], "text": "\n".join(r["lines"])}
            for r, agency in zip(resp, resp_agencies, strict=True)
        ],
        "reporting_requirements": [
            {"ref": "q", "name": "Báo cáo quý của UBND các xã, thị trấn", "reporters": communes, "reporters_text": communes_text,
             "receiver": nn, "frequency": Frequency.QUARTERLY, "due_rule": DueRule.DAY_OF_LAST_MONTH, "due_day": 25,
             "due_text": "trước ngày 25 tháng cuối quý"},
            {"ref": "h", "name": "Báo cáo 6 tháng của UBND các xã, thị trấn", "reporters": communes, "reporters_text": communes_text,
             "receiver": nn, "frequency": Frequency.HALF_YEAR, "due_rule": DueRule.DAY_MONTH, "due_day": 15, "due_month": 6,
             "due_text": "trước ngày 15 tháng 6"},
            {"ref": "y", "name": "Báo cáo năm của UBND các xã, thị trấn", "reporters": communes, "reporters_text": communes_text,
             "receiver": nn, "frequency": Frequency.ANNUAL, "due_rule": DueRule.DAY_MONTH, "due_day": 15, "due_month": 12,
             "due_text": "trước ngày 15/12"},
            {"name": "Báo cáo quý của Phòng NN&PTNT (tham mưu UBND huyện)", "reporters": [nn],
             "reporters_text": "Phòng Nông nghiệp và Phát triển nông thôn", "receiver": ubnd,
             "frequency": Frequency.QUARTERLY, "due_rule": DueRule.DAY_OF_LAST_MONTH, "due_day": 25,
             "due_text": quarterly, "consolidates": "q"},
            {"name": "Báo cáo 6 tháng của Phòng NN&PTNT (tham mưu UBND huyện)", "reporters": [nn],
             "reporters_text": "Phòng Nông nghiệp và Phát triển nông thôn", "receiver": ubnd,
             "frequency": Frequency.HALF_YEAR, "due_rule": DueRule.DAY_MONTH, "due_day": 15, "due_month": 6,
             "due_text": "6 tháng (trước ngày 15 tháng 6)", "consolidates": "h"},
            {"name": "Báo cáo năm của Phòng NN&PTNT (tham mưu UBND huyện)", "reporters": [nn],
             "reporters_text": "Phòng Nông nghiệp và Phát triển nông thôn", "receiver": ubnd,
             "frequency": Frequency.ANNUAL, "due_rule": DueRule.DAY_MONTH, "due_day": 15, "due_month": 12,
             "due_text": "năm (trước ngày 15 tháng 12)", "consolidates": "y"},
        ],
    }
    return data, collections, {}


# ---------------------------------------------------------------------------
# seed 002 — UBND huyện Sơn Hà, annual plan 2024 (no header in the text)
# ---------------------------------------------------------------------------
def _seed_002():
    ubnd = directory_demo.agency("ubnd_sonha")
    tckh = directory_demo.agency("tckh_sonha")
    district = ubnd.unit
    nn = _agency("Phòng Nông nghiệp và Phát triển nông thôn huyện Sơn Hà", district, "NNPTNT", AgencyKind.OFFICE, parent=ubnd)
    kthd = _agency("Phòng Kinh tế và Hạ tầng huyện Sơn Hà", district, "KTHT", AgencyKind.OFFICE, parent=ubnd)
    media = _agency("Trung tâm Truyền thông - Văn hóa - Thể thao huyện Sơn Hà", district, "TTVHTT", AgencyKind.SERVICE_UNIT, parent=ubnd)
    mttq = _agency("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Sơn Hà", district, "MTTQ", AgencyKind.FATHERLAND_FRONT)
    communes = _commune_committees("sonha")
    tasks = _subsections("002", "III")
    resp = _subsections("002", "IV")
    group = "III. Nhiệm vụ và giải pháp chủ yếu"
    data = {
        "issuer": ubnd,
        "document_year": 2024,
        "title": TITLES["002"],
        "kind": PlanKind.ANNUAL,
        "period_start": datetime.date(2024, 1, 1),
        "period_end": datetime.date(2024, 12, 31),
        "implements_reference": (
            "Công văn số 993/UBND-KTN ngày 28/2/2024 của UBND tỉnh Quảng Ngãi về việc triển khai thực hiện kế hoạch "
            "phát triển kinh tế tập thể, hợp tác xã năm 2024"
        ),
        "preamble": (
            "Ủy ban nhân dân huyện Sơn Hà xây dựng kế hoạch phát triển kinh tế tập thể (KTTT), hợp tác xã (HTX) năm "
            "2024 như sau:"
        ),
        "signer_name": "Phan Anh Quang",
        "recipients": "\n".join(_texts()["002"]["recipients"]),
        "in_force": True,
    }
    per_org = {"scope": TargetScope.PER_ORGANISATION, "aggregation": Aggregation.AVERAGE}
    share = {"scope": TargetScope.SHARE, "aggregation": Aggregation.WEIGHTED_AVERAGE}
    collections = {
        "legal_bases": [
            {
                "verb": "Thực hiện", "kind": LegalBasisKind.OFFICIAL_LETTER, "number": "993/UBND-KTN",
                "date": datetime.date(2024, 2, 28), "issuer": "UBND tỉnh Quảng Ngãi",
                "title": "về việc triển khai thực hiện kế hoạch phát triển kinh tế tập thể, hợp tác xã năm 2024",
            }
        ],
        "sections": _sections("002"),
        "targets": [
            _target("T1", "Duy trì hoạt động của các HTX hiện có", "=", 23, "HTX", 2024, subject="HTX",
                    baseline=23, baseline_year=2023, source_text="Tiếp tục duy trì hoạt động của 23 HTX hiện có."),
            _target("T2", "Kết nạp thành viên mới trong năm 2024", "range", 1, "thành viên/HTX", 2024, value_max=5,
                    subject="thành viên HTX", cumulative=False, **per_org,
                    source_text="Phấn đấu kết nạp từ 01 đến 05 thành viên/HTX trong năm 2024."),
            _target("T3", "HTX hoạt động từ loại khá trở lên", "~", 70, "%", 2024, subject="HTX", **share,
                    source_text="Có khoảng 70% tổng số HTX hoạt động từ loại khá trở lên."),
            _target("T4", "Tổng số lao động thường xuyên trong HTX (kể cả quản lý)", "~", 230, "người", 2024,
                    subject="lao động thường xuyên",
                    source_text="Tổng số lao động thường xuyên trong HTX đạt khoảng 230 người (kể cả số lượng quản lý trong HTX)."),
            _target("T5", "Cán bộ quản lý HTX tốt nghiệp cao đẳng, đại học", ">=", 20, "%", 2024, subject="cán bộ quản lý HTX",
                    **share, source_text="Tỷ lệ cán bộ quản lý HTX tốt nghiệp cao đẳng, đại học đạt 20%"),
            _target("T6", "Cán bộ quản lý HTX được đào tạo sơ cấp, trung cấp", ">=", 80, "%", 2024, subject="cán bộ quản lý HTX",
                    **share, source_text="được đào tạo sơ cấp, trung cấp đạt 80%."),
            _target("T7", "Doanh thu bình quân của HTX", ">=", 900, "triệu đồng/HTX/năm", 2024, subject="HTX",
                    cumulative=False, **per_org, source_text="Doanh thu bình quân của HTX đạt 900 triệu đồng/HTX/năm."),
            _target("T8", "Lợi nhuận bình quân của HTX", ">=", 150, "triệu đồng/HTX/năm", 2024, subject="HTX",
                    cumulative=False, **per_org, source_text="Lợi nhuận bình quân của HTX đạt 150 triệu đồng/HTX/năm."),
            _target("T9", "Thu nhập bình quân của thành viên HTX", ">=", 45, "triệu đồng/người/năm", 2024,
                    subject="thành viên HTX", scope=TargetScope.PER_PERSON, aggregation=Aggregation.AVERAGE,
                    cumulative=False, source_text="Thu nhập bình quân của các thành viên HTX 45 triệu đồng/người/năm."),
        ],
        "tasks": [
            {"group": group, "number": "1", "text": tasks[0]["heading"], "lead_agency": mttq,
             "coordinating_agencies": [tckh, nn, media, *communes],
             "agencies_text": ("Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội huyện; các phòng, đơn vị: Tài chính – "
                               "Kế hoạch, Nông nghiệp và PTNT, Trung tâm Truyền thông – Văn hóa - Thể thao; UBND các xã, thị "
                               "trấn và các cơ quan có liên quan."), **ONGOING},
            {"group": group, "number": "2", "text": tasks[1]["heading"], "lead_agency": tckh,
             "coordinating_agencies": [nn, kthd, *communes],
             "agencies_text": ("Các phòng: Tài chính – Kế hoạch, Nông nghiệp và PTNT, Kinh tế và Hạ tầng; các cơ quan, đơn "
                               "vị có liên quan; UBND các xã, thị trấn."), **ONGOING},
            {"group": group, "number": "3", "text": tasks[2]["heading"], "lead_agency": tckh, "coordinating_agencies": [nn, kthd],
             "agencies_text": ("Các phòng: Tài chính - Kế hoạch, Nông nghiệp và PTNT, Kinh tế và Hạ tầng; các cơ quan, đơn "
                               "vị có liên quan."), **ONGOING},
            {"group": group, "number": "4", "text": tasks[3]["heading"], "lead_agency": mttq,
             "agencies_text": "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội huyện.", **ONGOING},
        ],
        "budget_lines": [],
        "responsibilities": [
            {"agency": None, "agency_text": "Thủ trưởng các phòng, ban, đơn vị thuộc huyện; Chủ tịch UBND các xã, thị trấn",
             "text": resp[0]["heading"]},
            {"agency": mttq, "agency_text": "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội huyện",
             "text": resp[1]["heading"]},
            {"agency": tckh, "agency_text": "Phòng Tài chính - Kế hoạch", "text": resp[2]["heading"]},
        ],
        "reporting_requirements": [
            {"ref": "units", "name": "Báo cáo kết quả thực hiện năm 2024 của các phòng, ban, đơn vị và UBND các xã, thị trấn",
             "reporters": [nn, kthd, media, mttq, *communes],
             "reporters_text": "Thủ trưởng các phòng, ban, đơn vị thuộc huyện; Chủ tịch UBND các xã, thị trấn",
             "receiver": tckh, "frequency": Frequency.ANNUAL, "due_rule": DueRule.FIXED_DATE,
             "due_date": datetime.date(2024, 12, 5), "cutoff_rule": CutoffRule.DUE_DATE,
             "due_text": "báo cáo kết quả thực hiện cho UBND huyện (qua phòng Tài chính - Kế hoạch) trước ngày 05/12/2024"},
            {"name": "Báo cáo tổng hợp kết quả thực hiện Kế hoạch năm 2024", "reporters": [tckh],
             "reporters_text": "Phòng Tài chính - Kế hoạch", "receiver": ubnd, "frequency": Frequency.ANNUAL,
             "due_rule": DueRule.FIXED_DATE, "due_date": datetime.date(2024, 12, 10), "cutoff_rule": CutoffRule.DUE_DATE,
             "due_text": "tổng hợp, tham mưu UBND huyện báo cáo kết quả thực hiện trước ngày 10/12/2024",
             "consolidates": "units"},
        ],
    }
    return data, collections, {}


# ---------------------------------------------------------------------------
# seed 003 — UBND huyện (Tháp Mười, Đồng Tháp), Hội quán 2021–2025
# ---------------------------------------------------------------------------
def _seed_003():
    ubnd = directory_demo.agency("ubnd_dt_huyen")
    nn = directory_demo.agency("nn_dt_huyen")
    district = ubnd.unit
    kthd = _agency("Phòng Kinh tế và Hạ tầng huyện Tháp Mười", district, "KTHT", AgencyKind.OFFICE, parent=ubnd)
    vhtt = _agency("Phòng Văn hóa và Thông tin huyện Tháp Mười", district, "VHTT", AgencyKind.OFFICE, parent=ubnd)
    tckh = _agency("Phòng Tài chính - Kế hoạch huyện Tháp Mười", district, "TCKH", AgencyKind.OFFICE, parent=ubnd)
    dvnn = _agency("Trung tâm Dịch vụ Nông nghiệp huyện Tháp Mười", district, "TTDVNN", AgencyKind.SERVICE_UNIT, parent=ubnd)
    mttq = _agency("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tháp Mười", district, "MTTQ", AgencyKind.FATHERLAND_FRONT)
    communes = _commune_committees("thapmuoi")
    solutions = _subsections("003", "III")
    resp = _subsections("003", "V")
    resp_agencies = [nn, kthd, vhtt, tckh, dvnn, mttq, None, None]
    reporters = [kthd, vhtt, tckh, dvnn, *communes]
    reporters_text = "Các cơ quan Huyện có liên quan, Ủy ban nhân dân xã, thị trấn"
    data = {
        "issuer": ubnd,
        "issuer_text": "Ủy ban nhân dân Huyện",
        "document_year": 2021,
        "title": TITLES["003"],
        "kind": PlanKind.PHASE,
        "period_start": datetime.date(2021, 1, 1),
        "period_end": datetime.date(2025, 12, 31),
        "implements_reference": (
            "Kế hoạch số 128/KH-UBND ngày 22 tháng 4 năm 2021 của Ủy ban nhân dân tỉnh Đồng Tháp về việc hỗ trợ phát "
            "triển và nâng cao chất lượng Hội quán trên địa bàn tỉnh Đồng Tháp giai đoạn 2021 - 2025"
        ),
        "preamble": "Ủy ban nhân dân Huyện xây dựng kế hoạch thực hiện như sau:",
        "signer_authority": "TM. ỦY BAN NHÂN DÂN",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Lê Chí Thiện",
        "recipients": "\n".join(_texts()["003"]["recipients"]),
    }
    collections = {
        "legal_bases": [
            {
                "verb": "Thực hiện", "kind": LegalBasisKind.PLAN, "number": "128/KH-UBND",
                "date": datetime.date(2021, 4, 22), "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
                "title": ("về việc hỗ trợ phát triển và nâng cao chất lượng Hội quán trên địa bàn tỉnh Đồng Tháp giai "
                          "đoạn 2021 - 2025"),
            }
        ],
        "sections": _sections("003"),
        "targets": [
            _target("T1", "Hợp tác xã thành lập trên nền tảng Hội quán nông dân", ">=", 1, "HTX", 2025, subject="HTX",
                    source_text="Vận động thành lập ít nhất 01 Hợp tác xã trên nền tảng Hội quán nông dân."),
            _target("T2", "Mã số vùng trồng được cấp cho các Hội quán gắn với HTX, THT có vùng trồng cây ăn trái", ">=", 8,
                    "mã số vùng trồng", 2025, subject="mã số vùng trồng",
                    source_text=("Phân đấu được cơ quan có thẩm quyền cấp ít nhất 08 mã số vùng trồng cho các Hội quán gắn "
                                 "với Hợp tác xã, Tổ hợp tác có vùng trồng cây ăn trái.")),
            _target("T3", "Chuỗi liên kết tiêu thụ nông sản có mã số vùng trồng gắn với truy xuất nguồn gốc", "=", 1, "chuỗi",
                    2025, subject="chuỗi liên kết",
                    source_text=("Hỗ trợ Hội quán thực hiện 01 chuỗi liên kết tiêu thụ nông sản có mã số vùng trồng gắn với "
                                 "truy xuất nguồn gốc sản phẩm.")),
            _target("T4", "Hội quán có hoạt động du lịch nông thôn", ">=", 1, "Hội quán", 2025, subject="Hội quán",
                    source_text="Phân đấu có ít nhất 01 Hội quán có hoạt động du lịch nông thôn."),
        ],
        "tasks": [
            {"group": "III. Giải pháp thực hiện", "number": s["number"], "title": s["heading"], "text": "\n".join(s["lines"])}
            for s in solutions
        ],
        "budget_lines": [
            {
                "description": "Kinh phí thực hiện",
                "amount": None,
                "source": BudgetSource.INTEGRATED,
                "source_text": _section_body("003", "IV"),
            }
        ],
        "responsibilities": [
            {"agency": agency, "agency_text": r["heading"], "text": "\n".join(r["lines"])}
            for r, agency in zip(resp, resp_agencies, strict=True)
        ],
        "reporting_requirements": [
            {"name": "Báo cáo 6 tháng", "reporters": reporters, "reporters_text": reporters_text, "receiver": nn,
             "frequency": Frequency.HALF_YEAR, "due_rule": DueRule.DAY_MONTH, "due_day": 20, "due_month": 5,
             "due_text": "Định kỳ 06 tháng (vào ngày 20 tháng 5)"},
            {"name": "Báo cáo năm", "reporters": reporters, "reporters_text": reporters_text, "receiver": nn,
             "frequency": Frequency.ANNUAL, "due_rule": DueRule.DAY_MONTH, "due_day": 20, "due_month": 11,
             "due_text": "hàng năm (vào ngày 20 tháng 11)"},
        ],
    }
    return data, collections, {}


# ---------------------------------------------------------------------------
# seed 004 — UBND tỉnh Lai Châu, implementing QĐ 182/QĐ-TTg, to 2030
# ---------------------------------------------------------------------------
def _seed_004():
    ubnd = directory_demo.agency("ubnd_laichau")
    hnd = directory_demo.agency("hnd_laichau")
    province = ubnd.unit

    def so(name, short):
        return _agency(f"{name} tỉnh Lai Châu", province, short, AgencyKind.DEPARTMENT, parent=ubnd)

    bodies = [
        hnd,
        so("Sở Kế hoạch và Đầu tư", "SKHĐT"),
        so("Sở Tài chính", "STC"),
        so("Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT"),
        so("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
        so("Sở Thông tin và Truyền thông", "STTTT"),
        so("Sở Công Thương", "SCT"),
        so("Ban Dân tộc", "BDT"),
        _agency("Liên minh Hợp tác xã tỉnh Lai Châu", province, "LMHTX", AgencyKind.COOP_ALLIANCE),
        _agency("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lai Châu", province, "MTTQ", AgencyKind.FATHERLAND_FRONT),
        None,  # "Ủy ban nhân dân các huyện, thành phố"
    ]
    groups = _subsections("004", "IV")
    resp = _subsections("004", "VI")
    share = {"scope": TargetScope.SHARE, "aggregation": Aggregation.WEIGHTED_AVERAGE}

    def pair(code, description, unit, v2025, v2030, subject, **extra):
        (c25, n25), (c30, n30) = v2025, v2030
        return [
            _target(code, description, c25, n25, unit, 2025, subject=subject, **extra),
            _target(code, description, c30, n30, unit, 2030, subject=subject, **extra),
        ]

    targets_2025 = [
        _target("T1", "Hợp tác xã nông nghiệp được tư vấn, hỗ trợ thành lập", ">", 3, "HTX", 2025, subject="HTX nông nghiệp"),
        _target("T2", "Tổ hợp tác nông nghiệp được tư vấn, hỗ trợ thành lập", ">", 10, "THT", 2025, subject="THT nông nghiệp"),
        _target("T3", "HTX nông nghiệp do Hội Nông dân hỗ trợ thành lập được củng cố, nâng cao chất lượng hoạt động", "=",
                100, "%", 2025, subject="HTX do Hội Nông dân hỗ trợ", **share),
        _target("T4", "Hộ hội viên nông dân tham gia thêm các tổ chức kinh tế tập thể trong nông nghiệp", ">", 200, "hộ",
                2025, subject="hộ hội viên nông dân"),
        _target("T5", "Chi, tổ Hội Nông dân nghề nghiệp phát triển thành HTX, THT nông nghiệp", ">", 10, "%", 2025,
                subject="chi, tổ Hội Nông dân nghề nghiệp", **share),
        _target("T6", "HTX nông nghiệp do Hội Nông dân hỗ trợ thành lập tham gia liên kết với doanh nghiệp", ">", 30, "%",
                2025, subject="HTX do Hội Nông dân hỗ trợ", **share),
        _target("T7", "HTX nông nghiệp được hỗ trợ tiếp cận các nguồn vốn tín dụng", ">", 50, "%", 2025,
                subject="HTX nông nghiệp", **share),
        _target("T8", "Cán bộ Hội Nông dân làm công tác hỗ trợ phát triển KTTT được bồi dưỡng, tập huấn", "=", 100, "%",
                2025, subject="cán bộ Hội Nông dân", **share),
        _target("T9", "Cán bộ chủ chốt HTX nông nghiệp do Hội Nông dân hỗ trợ thành lập được đào tạo, bồi dưỡng", ">=", 70,
                "%", 2025, subject="cán bộ chủ chốt HTX", **share),
    ]
    targets_2030 = [
        _target("T1", "Hợp tác xã nông nghiệp được tư vấn, hỗ trợ thành lập mới", ">=", 10, "HTX", 2030, subject="HTX nông nghiệp"),
        _target("T2", "Tổ hợp tác nông nghiệp được tư vấn, hỗ trợ thành lập mới", ">=", 40, "THT", 2030, subject="THT nông nghiệp"),
        _target("T3", "HTX nông nghiệp do Hội Nông dân hỗ trợ thành lập được củng cố, nâng cao chất lượng và hiệu quả hoạt động",
                ">", 15, "HTX", 2030, subject="HTX do Hội Nông dân hỗ trợ"),
        _target("T4", "Hộ hội viên nông dân tham gia các tổ chức kinh tế tập thể trong nông nghiệp", ">", 1200, "hộ", 2030,
                subject="hộ hội viên nông dân"),
        _target("T5", "Chi, tổ Hội Nông dân nghề nghiệp phát triển thành HTX, THT nông nghiệp", ">", 15, "%", 2030,
                subject="chi, tổ Hội Nông dân nghề nghiệp", **share),
        _target("T6", "HTX nông nghiệp do Hội Nông dân hỗ trợ thành lập tham gia liên kết với doanh nghiệp", ">", 50, "%",
                2030, subject="HTX do Hội Nông dân hỗ trợ", **share),
        _target("T7", "HTX nông nghiệp được hỗ trợ tiếp cận các nguồn vốn tín dụng", ">", 70, "%", 2030,
                subject="HTX nông nghiệp", **share),
        _target("T8", "Cán bộ Hội Nông dân làm công tác hỗ trợ phát triển KTTT được bồi dưỡng, tập huấn", "=", 100, "%",
                2030, subject="cán bộ Hội Nông dân", **share),
        _target("T9", "Cán bộ chủ chốt HTX nông nghiệp do Hội Nông dân hỗ trợ thành lập được đào tạo, bồi dưỡng", ">=", 90,
                "%", 2030, subject="cán bộ chủ chốt HTX", **share),
    ]
    data = {
        "issuer": ubnd,
        "symbol": "KH-UBND",
        "place": "Lai Châu",
        "document_year": 2024,
        "title": TITLES["004"],
        "kind": PlanKind.IMPLEMENTING,
        "period_start": datetime.date(2024, 1, 1),
        "period_end": datetime.date(2030, 12, 31),
        "implements_reference": (
            "Quyết định số 182/QĐ-TTg ngày 20 tháng 2 năm 2024 của Thủ tướng Chính phủ về việc phê duyệt Đề án “Hội "
            "Nông dân Việt Nam tham gia phát triển kinh tế tập thể trong nông nghiệp đến năm 2030”"
        ),
        "preamble": "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
        "signer_authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Hà Trọng Hải",
        "recipients": "\n".join(_texts()["004"]["recipients"]),
    }
    budget_text = _section_body("004", "V")
    collections = {
        "legal_bases": [
            {
                "verb": "Thực hiện", "kind": LegalBasisKind.DECISION, "number": "182/QĐ-TTg",
                "date": datetime.date(2024, 2, 20), "issuer": "Thủ tướng Chính phủ",
                "title": ("về việc phê duyệt Đề án “Hội Nông dân Việt Nam tham gia phát triển kinh tế tập thể trong nông "
                          "nghiệp đến năm 2030”"),
            }
        ],
        "sections": _sections("004"),
        "targets": targets_2025 + targets_2030,
        "tasks": [
            {"group": "IV. Nhiệm vụ và giải pháp trọng tâm", "number": g["number"], "title": g["heading"],
             "text": "\n".join(g["lines"]), "lead_agency": hnd, "agencies_text": "Hội Nông dân tỉnh (chủ trì)",
             **_years(2024, 2030)}
            for g in groups
        ],
        "budget_lines": [
            {"description": "Ngân sách nhà nước hằng năm", "amount": None, "source": BudgetSource.PROVINCIAL,
             "source_text": "Được bố trí từ nguồn ngân sách nhà nước hằng năm theo quy định về phân cấp ngân sách nhà nước hiện hành",
             "legal_basis": budget_text},
            {"description": "Lồng ghép các chương trình, đề án, kế hoạch", "amount": None, "source": BudgetSource.INTEGRATED,
             "source_text": "lồng ghép từ các chương trình, đề án, kế hoạch liên quan đã được phê duyệt"},
            {"description": "Huy động hợp pháp khác", "amount": None, "source": BudgetSource.SOCIALISED,
             "source_text": "huy động từ các tổ chức và các nguồn vốn hợp pháp khác."},
        ],
        "responsibilities": [
            {"agency": agency, "agency_text": r["heading"], "text": "\n".join(r["lines"])}
            for r, agency in zip(resp, bodies, strict=True)
        ],
        # "chế độ thông tin, báo cáo định kỳ, đột xuất theo quy định": no frequency or deadline to compute.
        "reporting_requirements": [],
    }
    return data, collections, {}


SEEDS = {"000": _seed_000, "001": _seed_001, "002": _seed_002, "003": _seed_003, "004": _seed_004}


def _exists(code: str) -> bool:
    return Plan.objects.filter(issuer=directory_demo.agency(ISSUERS[code]), title=TITLES[code]).exists()


def load(*, stdout, today: datetime.date) -> None:
    """Enter every seed plan that is not there yet (idempotent: existing ones are left alone)."""
    created = []
    for code, build in SEEDS.items():
        if _exists(code):
            continue
        data, collections, extra = build()
        plan = services.plan_create(acting_user=None, data=data, **collections)
        if "issue" in extra:
            number, issue_date = extra["issue"]
            services.plan_issue(plan=plan, acting_user=None, number=number, issue_date=issue_date)
        created.append(code)
    summary = ", ".join(created) if created else "none (already loaded)"
    stdout.write(f"plans: seed plans created: {summary}\n")
    # The seeds' district offices and old communes' committees ended with their units on
    # 30/06/2025 (DOMAIN.md); before the report history is generated, so no obligation falls
    # outside their life.
    result = agencies_end_with_units()
    stdout.write(f"plans: seed agencies ended with their units: {result['ended']}, successors named: {result['successors']}\n")


__all__ = ["load", "seed_plan"]
