"""Demo data of the reporting cycle (``manage.py load_demo`` runs it after the plans demo).

1. A report history for seeds 001 (Ngọc Hồi, quarterly / 6-month / annual, 2023–2025) and 002
   (Sơn Hà, annual 2024, consolidated by Phòng TC-KH): every past period, with approved
   (mostly on time, some late), returned-then-corrected and missing submissions, and the
   receiving office's consolidated reports. Seeds 001 and 002 are drafts held ``in_force``
   by the plans demo (their copies have blank numbers), which ``obligations_generate``
   accepts as plans being implemented: they are **not** issued here.
2. One current plan written in the seeds' style: "Kế hoạch phát triển kinh tế tập thể, hợp
   tác xã tỉnh Quảng Ngãi giai đoạn 2026–2027" of UBND tỉnh Quảng Ngãi (the province after
   the 2025 merger), naming only bodies alive today. Sở ngành and xã/phường report quarterly
   to the Liên minh HTX tỉnh (the demo planner ``quangngai`` reviews), which consolidates for
   Sở Tài chính (``sotaichinh`` reviews); the communes' thematic one-off report on the
   cooperatives after the reorganisation goes to Sở Tài chính, falls due five days after
   ``today``, and three communes have sent it already (one approved, two waiting for
   ``sotaichinh``). The state of the latest past quarter is
   laid out relative to ``today`` so a new user meets a live cycle: one report overdue
   (``xa_ngochoi``, UBND xã Bờ Y), one returned (``sonha``, UBND xã Sơn Hà), two waiting for review (``quangngai``), one
   due within 7 days, and the leader ``lanhdao`` sees all of it on the dashboards.

Everything goes through ``reports.services`` (so audit rows, history and notifications are
real); the historical dates are then written back onto the rows (submitted/reviewed time,
audit time) because the services stamp "now". Historical notifications are marked read.
E-mail is switched off while loading. Idempotent: a plan whose reports already have content
is left alone, and the current plan is found again by its issuer and title.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from core import outbox
from core.models import AuditLog
from directory import demo as directory_demo
from directory.models import AdministrativeUnit, AgencyKind, UnitLevel
from directory.services import agency_get_or_create
from directory.units import CURRENT_VALID_FROM
from plans import demo as plans_demo
from plans.models import (
    Aggregation,
    BudgetSource,
    CutoffRule,
    DueRule,
    Frequency,
    LegalBasisKind,
    Plan,
    PlanKind,
    SectionKind,
    TargetScope,
    TimeframeKind,
)

from . import selectors, services, validation
from .models import (
    BudgetSpending,
    Notification,
    Obligation,
    ObligationKind,
    ObligationStatus,
    ReportedValue,
    TaskProgress,
    TaskStatus,
)

CURRENT_TITLE = "Phát triển kinh tế tập thể, hợp tác xã tỉnh Quảng Ngãi giai đoạn 2026 - 2027"

DEMO_EXPLANATION = "Số liệu đã rà soát, đối chiếu với sổ theo dõi của đơn vị; đúng với thực tế."

RESULTS = [
    "Tổ chức tuyên truyền Luật Hợp tác xã năm 2023 và các văn bản hướng dẫn đến cán bộ, thành viên HTX; "
    "hướng dẫn {n} tổ hợp tác, nhóm hộ hoàn thiện hồ sơ thành lập hợp tác xã.",
    "Các HTX duy trì hoạt động ổn định, tập trung cung ứng vật tư đầu vào và bao tiêu sản phẩm cho thành viên; "
    "{n} HTX ký hợp đồng liên kết tiêu thụ sản phẩm với doanh nghiệp.",
    "Phối hợp rà soát, đánh giá, xếp loại HTX theo Thông tư 01/2020/TT-BKHĐT; hỗ trợ {n} HTX xây dựng phương án "
    "sản xuất, kinh doanh gắn với chuỗi giá trị.",
]
DIFFICULTIES = [
    "Quy mô HTX nhỏ, vốn hoạt động hạn chế; khó tiếp cận tín dụng do thiếu tài sản bảo đảm.",
    "Trình độ cán bộ quản lý HTX còn hạn chế; một số HTX hoạt động cầm chừng, chưa tổ chức đại hội thường niên.",
    "Liên kết tiêu thụ sản phẩm chưa bền vững; giá nông sản biến động ảnh hưởng đến doanh thu của HTX.",
]
PROPOSALS = [
    "Đề nghị bố trí kinh phí hỗ trợ đào tạo, bồi dưỡng cán bộ quản lý HTX và hỗ trợ HTX tham gia hội chợ, xúc tiến thương mại.",
    "Đề nghị ngân hàng chính sách xem xét cho HTX vay vốn ưu đãi theo Nghị định 113/2024/NĐ-CP.",
    "Đề nghị hướng dẫn thống nhất biểu mẫu báo cáo và cơ sở dữ liệu HTX sau sắp xếp đơn vị hành chính.",
]
TASK_ACCOUNTS = [
    "Đã triển khai theo kế hoạch; tổ chức {n} hội nghị, lớp tập huấn.",
    "Đang phối hợp với các ngành thực hiện; đã khảo sát {n} HTX.",
    "Thực hiện thường xuyên; lồng ghép với Chương trình MTQG xây dựng nông thôn mới.",
]


# =========================================================================== helpers
def _admin():
    return get_user_model().objects.get(username="admin")


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _aware(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _backdate(ob: Obligation, action: str, when: datetime.datetime, **fields) -> None:
    """Services stamp "now"; history happened on its own dates. The audit rows of this step
    and every history row written since the load began (values, tasks, spending, the report
    itself) move to ``when`` — the draft a little before the step."""
    if fields:
        Obligation.objects.filter(pk=ob.pk).update(**fields)
    AuditLog.objects.filter(object_type="reports.obligation", object_id=str(ob.pk), action=action).update(at=when)
    earlier = when - datetime.timedelta(minutes=40)
    AuditLog.objects.filter(
        object_type="reports.obligation", object_id=str(ob.pk), action__in=("reports.save", "reports.consolidate"),
        at__gte=_LOAD_STARTED[0],
    ).update(at=earlier)
    for model in (ReportedValue, TaskProgress, BudgetSpending):
        model.history.filter(obligation_id=ob.pk, history_date__gte=_LOAD_STARTED[0]).update(history_date=earlier)
    latest = ob.history.order_by("-history_id").first()
    ob.history.filter(history_date__gte=_LOAD_STARTED[0]).exclude(pk=latest.pk if latest else None).update(history_date=earlier)
    if latest is not None:
        ob.history.filter(pk=latest.pk).update(history_date=when)
    # The step's notifications (written "now") carry its time, a few minutes after it as
    # a person would have clicked, so the notification centre shows distinct, real times.
    sent = when + datetime.timedelta(minutes=1 + (ob.pk * 7) % 43, seconds=(ob.pk * 13) % 60)
    Notification.objects.filter(obligation=ob, created__gte=_LOAD_STARTED[0]).update(created=sent)


# When this load began: rows stamped after it are the ones the demo writes now.
_LOAD_STARTED = [timezone.now()]


def _round(value: Decimal, unit: str) -> Decimal:
    return value.quantize(Decimal("0.1") if unit == "%" else Decimal(1))


def _fill(ob: Obligation, actor, progress: float, rng: random.Random, *, share: float = 1.0) -> None:
    """Plausible values for every target in scope: a point on the path from the baseline to
    the target value (``progress`` 0–1), this agency's ``share`` of additive totals, noise."""
    plan = ob.period.requirement.plan
    values = {}
    for target in services.targets_in_scope(plan.targets.all(), ob.period):
        base = target.baseline if target.baseline is not None else Decimal(0)
        goal = target.value_max if target.comparator == "range" else target.value
        point = base + (goal - base) * Decimal(str(progress * rng.uniform(0.85, 1.12)))
        if target.aggregation == Aggregation.SUM:
            point = point * Decimal(str(share))
        elif target.aggregation == Aggregation.MIN:
            point = Decimal(rng.choice([0, 1, 1, 1, 2]))
        if target.comparator == "range":
            point = max(target.value, min(target.value_max, point))
        item = {"value": max(Decimal(0), _round(point, target.unit)), "note": ""}
        if target.aggregation == Aggregation.WEIGHTED_AVERAGE:
            item["weight"] = Decimal(rng.randint(3, 25))
        values[target.pk] = item
    n = rng.randint(1, 4)
    data = {
        "values": values,
        "tasks": {
            t.pk: {
                "status": rng.choice([TaskStatus.IN_PROGRESS, TaskStatus.ONGOING, TaskStatus.DONE if progress > 0.8 else TaskStatus.IN_PROGRESS]),
                "account": rng.choice(TASK_ACCOUNTS).format(n=n),
            }
            for t in plan.tasks.all()
        },
        "spending": {
            b.pk: (b.amount * Decimal(str(min(1.0, progress) * share * rng.uniform(0.6, 1.0)))).quantize(Decimal(1))
            for b in plan.budget_lines.all()
            if b.amount
        },
        "results": rng.choice(RESULTS).format(n=n),
        "difficulties": rng.choice(DIFFICULTIES),
        "proposals": rng.choice(PROPOSALS),
    }
    services.obligation_save_draft(obligation=ob, acting_user=actor, version=None, data=data)


def _submit(ob, actor, when):
    # A value flagged by the validation rules (a jump, a registry difference…) is explained,
    # as the reporter would have to before submitting.
    ob.refresh_from_db()
    unexplained = validation.unexplained(ob, selectors.form_lines(ob))
    if unexplained:
        services.obligation_save_draft(obligation=ob, acting_user=actor, version=None, data={"values": {
            line.target.pk: {"value": line.value, "explanation": DEMO_EXPLANATION} for line, _flags in unexplained
        }})
    services.obligation_submit(obligation=ob, acting_user=actor)
    _backdate(ob, "reports.submit", when, submitted_at=when)


def _approve(ob, actor, when):
    services.obligation_approve(obligation=ob, acting_user=actor)
    _backdate(ob, "reports.approve", when, reviewed_at=when)


def _return(ob, actor, when, reason, fields):
    services.obligation_return(obligation=ob, acting_user=actor, reason=reason, fields=fields)
    _backdate(ob, "reports.return", when, reviewed_at=when)


def _progress(plan: Plan, day: datetime.date) -> float:
    span = (plan.period_end - plan.period_start).days or 1
    return max(0.05, min(1.0, (day - plan.period_start).days / span))


def _paper_clerk():
    """The account that types in, on an agency's behalf, the paper reports of agencies without a
    demo reporter. It is not the administrator, who reviews for agencies without a demo planner:
    separation of duties (docs/reporting.md) forbids approving what one submitted. Nobody can
    log in with it (inactive, no usable password)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="demo_nhap_ho",
        defaults={"first_name": "Nhập hộ", "last_name": "báo cáo giấy", "is_superuser": True, "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _reporter_for(agency, fallback=None):
    """The agency's demo reporter when it has one (xa_ngochoi, sonha), else the paper-entry
    account typing in the paper report on its behalf (``fallback`` is no longer used: the
    administrator reviews, so it must not also submit)."""
    user = get_user_model().objects.filter(agency=agency, is_reporter=True, is_active=True).order_by("pk").first()
    return user or _paper_clerk()


def _reviewer_for(ob, fallback):
    """A planner of the reviewing agency other than whoever submitted the report (separation of
    duties, docs/reporting.md), else ``fallback`` (the administrator)."""
    agency_id = services.reviewer_agency_id(ob) or ob.agency_id
    submitter = Obligation.objects.filter(pk=ob.pk).values_list("submitted_by_id", flat=True).first()
    users = get_user_model().objects.filter(agency_id=agency_id, is_planner=True, is_active=True)
    if submitter:
        users = users.exclude(pk=submitter)
    return users.order_by("pk").first() or fallback


# =========================================================================== a past period
def _history_period(period, today, admin, rng, *, missing_rate=0.1, late_rate=0.15, returned_rate=0.1) -> list[int]:
    """Fill one past period's submissions (and then its consolidations); returns obligation ids."""
    plan = period.requirement.plan
    subs = list(period.obligations.filter(kind=ObligationKind.SUBMISSION).select_related("agency", "period"))
    share = 1.0 / max(1, len(subs))
    progress = _progress(plan, period.cutoff_end)
    touched = []
    for ob in subs:
        roll = rng.random()
        if roll < missing_rate:
            continue  # never sent: shows as missing in the compliance table
        reporter = _reporter_for(ob.agency, admin)
        _fill(ob, reporter, progress, rng, share=share)
        late = roll > 1 - late_rate
        sent = period.due_date + datetime.timedelta(days=rng.randint(2, 12)) if late else period.due_date - datetime.timedelta(days=rng.randint(0, 6))
        sent = min(sent, today - datetime.timedelta(days=1))
        _submit(ob, reporter, _aware(sent, 10))
        reviewer = _reviewer_for(ob, admin)  # after the submission: never the submitter
        if rng.random() < returned_rate:
            first = plan.targets.order_by("order", "pk").first()
            _return(ob, reviewer, _aware(sent + datetime.timedelta(days=1), 14),
                    "Số liệu chỉ tiêu chưa khớp với báo cáo kỳ trước, đề nghị rà soát lại.",
                    [f"target:{first.pk}"] if first else [])
            ob.refresh_from_db()
            _submit(ob, reporter, _aware(sent + datetime.timedelta(days=2), 10))
            sent = sent + datetime.timedelta(days=2)
        _approve(ob, reviewer, _aware(min(sent + datetime.timedelta(days=rng.randint(1, 3)), today), 15))
        touched.append(ob.pk)
    return touched


def _consolidate_period(period, today, admin, *, submit=True) -> list[int]:
    """The consolidations of a period whose sources are approved: the next level's report
    (built, submitted, approved) and the receiver's own (built, finalised)."""
    touched = []
    conss = list(period.obligations.filter(kind=ObligationKind.CONSOLIDATION).select_related("agency", "period__requirement"))
    # The next level's report first: the receiver's own consolidation draws on it.
    conss.sort(key=services.is_standalone_consolidation)
    for cons in conss:
        if not any(s.status == ObligationStatus.APPROVED for s in services.consolidation_sources(cons)):
            continue
        editor = _reviewer_for(cons, admin) if services.is_standalone_consolidation(cons) else (
            get_user_model().objects.filter(agency=cons.agency, is_active=True).order_by("-is_planner", "pk").first()
            or _paper_clerk()
        )
        services.consolidation_build(obligation=cons, acting_user=editor)
        when = _aware(min(period.due_date, today - datetime.timedelta(days=1)), 16)
        if services.is_standalone_consolidation(cons):
            services.obligation_approve(obligation=cons, acting_user=_reviewer_for(cons, admin))
            _backdate(cons, "reports.approve", when, reviewed_at=when, submitted_at=when)
        elif submit:
            cons.refresh_from_db()
            reviewer = _reviewer_for(cons, admin)
            # Separation of duties: the one who sends a report does not approve it (Sở Tài
            # chính's consolidation is reviewed by its own planner ``sotaichinh``).
            sender = editor if editor != reviewer else _paper_clerk()
            _submit(cons, sender, when)
            _approve(cons, reviewer, when + datetime.timedelta(days=2))
        touched.append(cons.pk)
    return touched


def _chain_order(plan):
    """Periods in deadline order, consolidating requirements after the ones they consolidate."""
    from .models import ReportingPeriod

    return list(
        ReportingPeriod.objects.filter(requirement__plan=plan)
        .select_related("requirement")
        .order_by("due_date", "requirement__consolidates_id", "pk")
    )


def _seed_history(plan, today, admin, seed: str) -> int:
    if Obligation.objects.filter(period__requirement__plan=plan).exclude(status=ObligationStatus.NOT_STARTED).exists():
        return 0
    rng = random.Random(f"coopplan-reports-{seed}")
    touched: list[int] = []
    periods = [p for p in _chain_order(plan) if p.due_date < today]
    own = [p for p in periods if not p.requirement.consolidates_id]
    for period in own:
        touched += _history_period(period, today, admin, rng)
    if own:
        # The last period with an approved report keeps one returned and not yet corrected
        # (the seeds' bodies ended on 30/06/2025 and owe nothing for the periods after it).
        ob = None
        for last in reversed(own):
            ob = last.obligations.filter(status=ObligationStatus.APPROVED, kind=ObligationKind.SUBMISSION).order_by("pk").last()
            if ob is not None:
                break
        if ob is not None:
            reviewer = _reviewer_for(ob, admin)
            services.obligation_reopen(obligation=ob, acting_user=reviewer,
                                       reason="Đề nghị bổ sung số liệu thành viên, lao động của HTX và thuyết minh nguyên nhân chưa đạt chỉ tiêu.")
            _backdate(ob, "reports.reopen", _aware(last.due_date + datetime.timedelta(days=3), 9),
                      reviewed_at=_aware(last.due_date + datetime.timedelta(days=3), 9))
    for period in periods:
        touched += _consolidate_period(period, today, admin)
    _mark_read(touched)
    return len(touched)


def _mark_read(obligation_ids) -> None:
    urls = [f"/reports/{pk}/" for pk in obligation_ids]
    Notification.objects.filter(url__in=urls, read_at__isnull=True).update(read_at=timezone.now())


# =========================================================================== the current plan
def _commune(code: str) -> AdministrativeUnit:
    return AdministrativeUnit.objects.filter(code=code, level=UnitLevel.COMMUNE, valid_to__isnull=True).order_by("-valid_from").first()


def _current_agencies():
    """The live plan's bodies: all alive today (DOMAIN.md: a plan made after 01/07/2025 names
    only bodies alive on its date). UBND xã Sơn Hà and UBND xã Bờ Y are the directory demo's
    successors of Phòng TC-KH huyện Sơn Hà and UBND thị trấn Plei Kần."""
    ubnd = directory_demo.agency("ubnd_qn")
    so_tc = directory_demo.agency("stc_qn")
    so_nn = directory_demo.agency("snnmt_qn")
    communes = []
    for code in ("21289", "23377", "21025", "23293", "21235"):  # xã Sơn Hà, xã Bờ Y, phường Cẩm Thành, phường Kon Tum, xã Tư Nghĩa
        unit = _commune(code)
        if unit is None:
            continue
        communes.append(agency_get_or_create(
            name=f"Ủy ban nhân dân {unit.full_name}", unit=unit, short_name="UBND", kind=AgencyKind.PEOPLES_COMMITTEE,
            header_name=f"ỦY BAN NHÂN DÂN\n{unit.full_name.upper()}", place_name=unit.name,
            valid_from=CURRENT_VALID_FROM,
        ))
    return ubnd, so_tc, so_nn, communes


HALF_YEAR_NAME = "Báo cáo 6 tháng tình hình thực hiện Kế hoạch (Sở Tài chính tham mưu UBND tỉnh báo cáo Bộ Tài chính)"


def _current_plan_data(today):
    ubnd, so_tc, so_nn, communes = _current_agencies()
    lmhtx = directory_demo.agency("lmhtx_qn")
    reporters = [so_nn, *communes]
    reporters_text = ("Sở Nông nghiệp và Môi trường; Ủy ban nhân dân các xã, phường; các đơn vị được giao nhiệm vụ "
                      "theo dõi hợp tác xã trên địa bàn")
    lanhdao = _user("lanhdao")
    data = {
        "issuer": ubnd,
        "symbol": "KH-UBND",
        "place": "Quảng Ngãi",
        "title": CURRENT_TITLE,
        "kind": PlanKind.PHASE,
        "period_start": datetime.date(2026, 1, 1),
        "period_end": datetime.date(2027, 12, 31),
        "implements_reference": "",
        "preamble": "Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh Quảng Ngãi giai đoạn 2026 - 2027 như sau:",
        "signer_authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": lanhdao.full_name if lanhdao else "Trần Văn Phúc",
        "signer_user": lanhdao,
        "recipients": "\n".join([
            "Bộ Tài chính;", "Thường trực Tỉnh ủy;", "Thường trực HĐND tỉnh;", "CT, các PCT UBND tỉnh;",
            "Liên minh Hợp tác xã tỉnh;", "Các sở, ban, ngành tỉnh;", "UBND các xã, phường, đặc khu;", "Lưu: VT, KTTH.",
        ]),
    }
    d = Decimal
    targets = [
        {"code": "T1", "description": "Thành lập mới hợp tác xã", "comparator": ">=", "value": d(80), "unit": "HTX",
         "milestone_year": 2027, "baseline": d(0), "baseline_year": 2025, "subject": "HTX", "aggregation": Aggregation.SUM,
         "source_text": "Phấn đấu giai đoạn 2026 - 2027 thành lập mới ít nhất 80 hợp tác xã."},
        {"code": "T2", "description": "Thành lập mới tổ hợp tác", "comparator": ">=", "value": d(200), "unit": "THT",
         "milestone_year": 2027, "baseline": d(0), "baseline_year": 2025, "subject": "THT", "aggregation": Aggregation.SUM,
         "source_text": "Thành lập mới ít nhất 200 tổ hợp tác."},
        {"code": "T3", "description": "Hợp tác xã hoạt động đạt loại tốt, khá", "comparator": ">", "value": d(60), "unit": "%",
         "milestone_year": 2027, "baseline": d(45), "baseline_year": 2025, "subject": "HTX", "scope": TargetScope.SHARE,
         "aggregation": Aggregation.WEIGHTED_AVERAGE, "source_text": "Trên 60% hợp tác xã hoạt động đạt loại tốt, khá."},
        {"code": "T4", "description": "Hợp tác xã nông nghiệp liên kết sản xuất gắn với tiêu thụ sản phẩm theo chuỗi giá trị",
         "comparator": ">=", "value": d(35), "unit": "%", "milestone_year": 2027, "baseline": d(25), "baseline_year": 2025,
         "subject": "HTX nông nghiệp", "scope": TargetScope.SHARE, "aggregation": Aggregation.WEIGHTED_AVERAGE,
         "source_text": "Ít nhất 35% hợp tác xã nông nghiệp liên kết theo chuỗi giá trị."},
        {"code": "T5", "description": "Thu nhập bình quân của thành viên, người lao động thường xuyên trong hợp tác xã",
         "comparator": ">=", "value": d(60), "unit": "triệu đồng/người/năm", "milestone_year": 2027, "baseline": d(48),
         "baseline_year": 2025, "subject": "thành viên HTX", "scope": TargetScope.PER_PERSON, "cumulative": False,
         "aggregation": Aggregation.AVERAGE, "source_text": "Thu nhập bình quân đạt 60 triệu đồng/người/năm vào năm 2027."},
        {"code": "T6", "description": "Hợp tác xã ứng dụng công nghệ cao, chuyển đổi số trong sản xuất, kinh doanh",
         "comparator": ">=", "value": d(30), "unit": "HTX", "milestone_year": 2027, "baseline": d(8), "baseline_year": 2025,
         "subject": "HTX", "aggregation": Aggregation.SUM,
         "source_text": "Có ít nhất 30 hợp tác xã ứng dụng công nghệ cao, chuyển đổi số."},
    ]
    years = {"timeframe_kind": TimeframeKind.YEARS, "start_year": 2026, "end_year": 2027}
    group = "III. Nhiệm vụ, giải pháp"
    tasks = [
        {"group": group, "number": "1", "title": "Tuyên truyền, phổ biến Luật Hợp tác xã năm 2023 và các văn bản hướng dẫn",
         "text": "Đa dạng hình thức tuyên truyền; nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về vai trò của kinh tế tập thể.",
         "lead_agency": lmhtx, "coordinating_agencies": [so_tc, *communes], "timeframe_kind": TimeframeKind.ONGOING,
         "agencies_text": "Liên minh Hợp tác xã tỉnh chủ trì; Sở Tài chính, UBND các xã, phường phối hợp."},
        {"group": group, "number": "2", "title": "Rà soát, củng cố, tổ chức lại hợp tác xã sau sắp xếp đơn vị hành chính",
         "text": "Cập nhật cơ sở dữ liệu hợp tác xã theo địa bàn xã, phường mới; giải thể hợp tác xã ngừng hoạt động theo quy định.",
         "lead_agency": so_tc, "coordinating_agencies": [lmhtx, *communes], **years,
         "agencies_text": "Sở Tài chính chủ trì; Liên minh Hợp tác xã tỉnh, UBND các xã, phường phối hợp."},
        {"group": group, "number": "3", "title": "Phát triển hợp tác xã nông nghiệp gắn với chuỗi giá trị",
         "text": "Hỗ trợ xây dựng vùng nguyên liệu, liên kết tiêu thụ, sản phẩm OCOP; ứng dụng công nghệ cao trong sản xuất.",
         "lead_agency": so_nn, "coordinating_agencies": [lmhtx, *communes], **years,
         "agencies_text": "Sở Nông nghiệp và Môi trường chủ trì; Liên minh Hợp tác xã tỉnh, UBND các xã, phường phối hợp."},
        {"group": group, "number": "4", "title": "Đào tạo, bồi dưỡng nguồn nhân lực hợp tác xã",
         "text": "Tổ chức các lớp bồi dưỡng cán bộ quản lý, kế toán hợp tác xã; đưa lao động trẻ có trình độ về làm việc tại hợp tác xã.",
         "lead_agency": lmhtx, "coordinating_agencies": [so_tc], **years,
         "agencies_text": "Liên minh Hợp tác xã tỉnh chủ trì; Sở Tài chính phối hợp."},
    ]
    budget = [
        {"description": "Hỗ trợ thành lập mới, tổ chức lại hợp tác xã", "amount": d(2400000000), "source": BudgetSource.PROVINCIAL,
         "year": 2026, "legal_basis": "Nghị định số 113/2024/NĐ-CP ngày 12/9/2024 của Chính phủ"},
        {"description": "Đào tạo, bồi dưỡng cán bộ quản lý hợp tác xã", "amount": d(850000000), "source": BudgetSource.PROVINCIAL,
         "year": 2026},
        {"description": "Lồng ghép Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "amount": None,
         "source": BudgetSource.INTEGRATED, "source_text": "Lồng ghép từ các chương trình, dự án"},
    ]
    sections = [
        {"number": "I", "title": "MỤC ĐÍCH, YÊU CẦU", "kind": SectionKind.PURPOSE,
         "body": "1. Mục đích\nPhát triển kinh tế tập thể, hợp tác xã trên địa bàn tỉnh sau hợp nhất đơn vị hành chính, "
                 "nâng cao chất lượng hoạt động của hợp tác xã.\n2. Yêu cầu\nCác sở, ngành, địa phương triển khai đồng bộ, "
                 "báo cáo đúng thời hạn."},
        {"number": "II", "title": "MỤC TIÊU", "kind": SectionKind.OBJECTIVES,
         "body": "Đến năm 2027: thành lập mới ít nhất 80 hợp tác xã, 200 tổ hợp tác; trên 60% hợp tác xã đạt loại tốt, khá."},
        {"number": "III", "title": "NHIỆM VỤ, GIẢI PHÁP", "kind": SectionKind.TASKS, "body": ""},
        {"number": "IV", "title": "KINH PHÍ THỰC HIỆN", "kind": SectionKind.BUDGET,
         "body": "Ngân sách tỉnh bố trí hằng năm và lồng ghép các chương trình, dự án."},
        {"number": "V", "title": "TỔ CHỨC THỰC HIỆN", "kind": SectionKind.IMPLEMENTATION,
         "body": "Định kỳ hằng quý (trước ngày 20 tháng cuối quý), các sở, ngành, UBND các xã, phường báo cáo kết quả "
                 "thực hiện về Liên minh Hợp tác xã tỉnh; Liên minh Hợp tác xã tỉnh tổng hợp, gửi Sở Tài chính trước "
                 "ngày 25 tháng cuối quý để tham mưu UBND tỉnh."},
    ]
    thematic_due = today + datetime.timedelta(days=5)
    requirements = [
        {"ref": "q", "name": "Báo cáo quý của các sở, ngành, UBND các xã, phường", "reporters": reporters,
         "reporters_text": reporters_text, "receiver": lmhtx, "frequency": Frequency.QUARTERLY,
         "due_rule": DueRule.DAY_OF_LAST_MONTH, "due_day": 20, "cutoff_rule": CutoffRule.DECREE_09,
         "due_text": "Định kỳ hằng quý (trước ngày 20 tháng cuối quý)"},
        {"name": "Báo cáo quý tổng hợp của Liên minh Hợp tác xã tỉnh", "reporters": [lmhtx],
         "reporters_text": "Liên minh Hợp tác xã tỉnh", "receiver": so_tc, "frequency": Frequency.QUARTERLY,
         "due_rule": DueRule.DAY_OF_LAST_MONTH, "due_day": 25, "cutoff_rule": CutoffRule.DECREE_09,
         "due_text": "tổng hợp, gửi Sở Tài chính trước ngày 25 tháng cuối quý", "consolidates": "q"},
        {"name": "Báo cáo chuyên đề tình hình hoạt động hợp tác xã sau sắp xếp đơn vị hành chính",
         "reporters": communes, "reporters_text": "UBND các xã, phường",
         "receiver": so_tc, "frequency": Frequency.ONCE, "due_rule": DueRule.FIXED_DATE, "due_date": thematic_due,
         "cutoff_rule": CutoffRule.DUE_DATE, "due_text": f"trước ngày {thematic_due:%d/%m/%Y}",
         # Its data run to the deadline; the communes may send it as soon as it is ready.
         "early_submission_days": 30},
        # Sở Tài chính (cơ quan thường trực) reports to UBND tỉnh every half-year; UBND tỉnh's
        # own consolidation of it is the report UBND tỉnh signs and sends to Bộ Tài chính
        # (a ministry is outside the portal: agencies belong to a province, district or commune).
        {"name": HALF_YEAR_NAME, "reporters": [so_tc], "reporters_text": "Sở Tài chính",
         "receiver": ubnd, "frequency": Frequency.HALF_YEAR, "due_rule": DueRule.DAY_OF_LAST_MONTH, "due_day": 28,
         "cutoff_rule": CutoffRule.DECREE_09,
         "due_text": "Sở Tài chính tổng hợp kết quả 6 tháng, tham mưu UBND tỉnh báo cáo Bộ Tài chính trước ngày 28 tháng 6"},
    ]
    if today <= datetime.date(2026, 3, 20):
        # Before the first quarterly deadline there is no past quarter to be late with: an
        # opening report of the registry's figures, due ten days ago, carries the live cycle.
        requirements.append(
            {"ref": "baseline", "name": "Báo cáo số liệu hợp tác xã đầu kỳ kế hoạch", "reporters": reporters,
             "reporters_text": reporters_text, "receiver": lmhtx, "frequency": Frequency.ONCE,
             "due_rule": DueRule.FIXED_DATE, "due_date": today - datetime.timedelta(days=10),
             "cutoff_rule": CutoffRule.DUE_DATE, "due_text": "báo cáo số liệu đầu kỳ"}
        )
    collections = {
        "legal_bases": [
            {"verb": "Căn cứ", "kind": LegalBasisKind.LAW, "number": "17/2023/QH15", "date": datetime.date(2023, 6, 20),
             "issuer": "Quốc hội", "title": "Luật Hợp tác xã"},
            {"verb": "Căn cứ", "kind": LegalBasisKind.DECREE, "number": "113/2024/NĐ-CP", "date": datetime.date(2024, 9, 12),
             "issuer": "Chính phủ", "title": "quy định chi tiết một số điều của Luật Hợp tác xã"},
        ],
        "sections": sections,
        "targets": targets,
        "tasks": tasks,
        "budget_lines": budget,
        "responsibilities": [
            {"agency": so_tc, "agency_text": "Sở Tài chính",
             "text": "Cơ quan thường trực; tổng hợp kết quả thực hiện, tham mưu UBND tỉnh báo cáo Bộ Tài chính."},
            {"agency": lmhtx, "agency_text": "Liên minh Hợp tác xã tỉnh",
             "text": "Đầu mối theo dõi, tổng hợp báo cáo quý của các sở, ngành, địa phương; hỗ trợ thành lập mới hợp tác xã."},
            {"agency": None, "agency_text": "UBND các xã, phường",
             "text": "Xây dựng kế hoạch cụ thể; báo cáo định kỳ hằng quý về Liên minh Hợp tác xã tỉnh."},
        ],
        "reporting_requirements": requirements,
    }
    return data, collections


def current_plan() -> Plan | None:
    """The live 2026–2027 plan of UBND tỉnh Quảng Ngãi (also ``plans.demo.seed_plan("current")``)."""
    return Plan.objects.filter(issuer=directory_demo.agency("ubnd_qn"), title=CURRENT_TITLE).first()


def _create_current(today) -> Plan:
    from plans import services as plan_services

    data, collections = _current_plan_data(today)
    plan = plan_services.plan_create(acting_user=None, data=data, **collections)
    issue_date = min(datetime.date(2026, 1, 15), today)
    return plan_services.plan_issue(plan=plan, acting_user=None, number=45, issue_date=issue_date)


def _live_cycle(plan, today, admin) -> dict:
    """Past quarters approved; the latest past quarter live: overdue, returned, waiting."""
    rng = random.Random("coopplan-reports-current")
    quarterly = plan.reporting_requirements.get(frequency=Frequency.QUARTERLY, consolidates__isnull=True)
    past = list(quarterly.periods.filter(due_date__lt=today).order_by("due_date"))
    touched: list[int] = []
    for period in past[:-1]:
        touched += _history_period(period, today, admin, rng, missing_rate=0.0, returned_rate=0.05)
        for cons_period in plan.reporting_requirements.exclude(pk=quarterly.pk).filter(consolidates=quarterly):
            for p in cons_period.periods.filter(start=period.start, end=period.end):
                touched += _consolidate_period(p, today, admin)
    touched += _half_year_history(plan, today, admin)
    _mark_read(touched)
    state = {"overdue": None, "returned": None, "waiting": []}
    if not past:
        baseline = plan.reporting_requirements.filter(name="Báo cáo số liệu hợp tác xã đầu kỳ kế hoạch").first()
        past = list(baseline.periods.filter(due_date__lt=today)) if baseline else []
    if not past:
        return state
    latest = past[-1]
    progress = _progress(plan, latest.cutoff_end)
    reviewer = _user("quangngai") or admin
    pleikan, tckh = directory_demo.agency("ubnd_boy"), directory_demo.agency("ubnd_xa_sonha")
    subs = list(latest.obligations.filter(kind=ObligationKind.SUBMISSION).select_related("agency", "period").order_by("agency__name"))
    share = 1.0 / max(1, len(subs))
    others = [o for o in subs if o.agency_id not in (pleikan.pk, tckh.pk)]
    waiting = others[:2]
    missing = others[-1:] if len(others) > 3 else []
    for ob in subs:
        reporter = _reporter_for(ob.agency, admin)
        if ob.agency_id == pleikan.pk:
            # Overdue: a draft started but never sent.
            _fill(ob, reporter, progress, rng, share=share)
            state["overdue"] = ob.pk
            continue
        if ob in missing:
            continue
        _fill(ob, reporter, progress, rng, share=share)
        # The live items happened in the last days; the others were sent before the deadline.
        if ob.agency_id == tckh.pk:
            sent = max(latest.due_date - datetime.timedelta(days=1), today - datetime.timedelta(days=6))
        elif ob in waiting:
            sent = max(latest.due_date - datetime.timedelta(days=1), today - datetime.timedelta(days=4 + waiting.index(ob)))
        else:
            sent = latest.due_date - datetime.timedelta(days=rng.randint(1, 4))
        sent = min(sent, today - datetime.timedelta(days=1))
        _submit(ob, reporter, _aware(sent, 10))
        if ob.agency_id == tckh.pk:
            first = plan.targets.order_by("order", "pk").first()
            ob.refresh_from_db()
            _return(ob, reviewer, _aware(min(sent + datetime.timedelta(days=4), today), 14),
                    "Số HTX thành lập mới chưa khớp với danh sách đăng ký tại cơ quan đăng ký kinh doanh; đề nghị rà "
                    "soát, bổ sung danh sách kèm theo.", [f"target:{first.pk}", "results"])
            state["returned"] = ob.pk
        elif ob in waiting:
            state["waiting"].append(ob.pk)
        else:
            _approve(ob, reviewer, _aware(min(sent + datetime.timedelta(days=1), today), 15))
            touched.append(ob.pk)
    state["thematic"] = _thematic_early(plan, today, admin, rng, skip=(pleikan.pk, tckh.pk))
    return state


def _half_year_history(plan, today, admin) -> list[int]:
    """Past half-years: Sở Tài chính's report approved, then UBND tỉnh's own consolidation of
    it built and approved (the report of UBND tỉnh that ``documents.demo`` signs and numbers)."""
    rng = random.Random("coopplan-reports-half-year")  # its own: the quarters' draws stay as they were
    touched: list[int] = []
    for req in plan.reporting_requirements.filter(name=HALF_YEAR_NAME):
        for period in req.periods.filter(due_date__lt=today).order_by("due_date"):
            touched += _history_period(period, today, admin, rng, missing_rate=0.0, late_rate=0.0, returned_rate=0.0)
            touched += _consolidate_period(period, today, admin)
    return touched


def _thematic_early(plan, today, admin, rng, *, skip) -> list[int]:
    """Communes that sent the thematic report to Sở Tài chính before its deadline: the first
    approved by the demo planner ``sotaichinh``, the next two waiting in their inbox (the
    demo reporters' communes still owe theirs, due within 7 days)."""
    thematic = plan.reporting_requirements.filter(frequency=Frequency.ONCE, receiver=directory_demo.agency("stc_qn")).first()
    period = thematic.periods.first() if thematic else None
    if period is None:
        return []
    subs = list(period.obligations.filter(kind=ObligationKind.SUBMISSION, status=ObligationStatus.NOT_STARTED)
                .exclude(agency_id__in=skip).select_related("agency", "period").order_by("agency__name"))[:3]
    reviewer = _user("sotaichinh") or admin
    progress = _progress(plan, min(period.cutoff_end, today))
    sent_ids = []
    for i, ob in enumerate(subs):
        reporter = _reporter_for(ob.agency, admin)
        _fill(ob, reporter, progress, rng, share=1.0 / max(1, len(subs)))
        sent = today - datetime.timedelta(days=3 - i)
        _submit(ob, reporter, _aware(sent, 10))
        if i == 0:
            _approve(ob, reviewer, _aware(today - datetime.timedelta(days=1), 15))
        sent_ids.append(ob.pk)
    return sent_ids


@transaction.atomic
def _load_current(today, admin) -> str:
    plan = current_plan()
    if plan is not None:
        return "current plan already loaded"
    plan = _create_current(today)
    services.obligations_generate(plan=plan, acting_user=None)
    state = _live_cycle(plan, today, admin)
    return (f"current plan {plan.reference} created; live cycle: overdue #{state['overdue']}, "
            f"returned #{state['returned']}, waiting {state['waiting']}")


def load(*, stdout, today: datetime.date) -> None:
    """Report history for seeds 001 and 002, and the live 2026–2027 plan (idempotent)."""
    admin = _admin()
    _LOAD_STARTED[0] = timezone.now()
    # No e-mail from demo data: the console backend would print hundreds of messages, and a
    # worker would send the outbox rows later (core.outbox.muted records none).
    # The workflow's calendar checks (form open, data cut-off) run as of the demo's own date.
    with (override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), outbox.muted(),
          services.as_of(today)):
        for code in ("001", "002"):
            try:
                plan = plans_demo.seed_plan(code)
            except Plan.DoesNotExist:
                stdout.write(f"reports: seed {code} not loaded, no history\n")
                continue
            with transaction.atomic():
                generated = services.obligations_generate(plan=plan, acting_user=None)
                filled = _seed_history(plan, today, admin, code)
            stdout.write(
                f"reports: seed {code}: {generated.periods_created} periods, {generated.obligations_created} reports "
                f"created, {filled} filled\n"
            )
        stdout.write(f"reports: {_load_current(today, admin)}\n")
