"""Snapshots: everything a document is rendered from, frozen as plain JSON.

A ``RenderedDocument`` keeps the snapshot it was made from (issuer, parent agency, place,
number and date, title, legal bases, body, tables, signer, recipients), so a PDF issued in
2024 can be re-rendered byte-for-byte in content even after the agency was renamed or
merged in 2025. The templates read only the snapshot, never the live models, and the
content hash is taken over the snapshot plus ``TEMPLATE_VERSION``: the same content is
never rendered twice.

The builders apply Decree 30's presentation rules (see docs/documents.md): the header
lines of the issuer and its parent agency, "Số: …/KH-…" with the draft blank, the
zero-padding of the date, "Căn cứ …;" with the last one ending in ".", the body's
I./1./a) structure, "Nơi nhận:" ending with "- Lưu: VT, …".
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import date
from decimal import Decimal

from django.utils import timezone, translation

from core.formatting import format_date, format_doc_date, format_number

#: Bump when a template or pdf.css changes the output, so cached files are not reused.
TEMPLATE_VERSION = "2026-12-07.1"

KIND_PLAN = "plan"
KIND_REPORT = "report"

LEGAL_KIND_VI = {
    "law": "Luật",
    "resolution": "Nghị quyết",
    "decree": "Nghị định",
    "decision": "Quyết định",
    "directive": "Chỉ thị",
    "circular": "Thông tư",
    "plan": "Kế hoạch",
    "programme": "Chương trình",
    "letter": "Công văn",
    "other": "",
}

STATUS_VI = {
    "achieved": "Đạt",
    "on_track": "Đúng tiến độ",
    "at_risk": "Có nguy cơ không đạt",
    "behind": "Chậm tiến độ",
    "no_data": "Chưa có số liệu",
}

TASK_STATUS_VI = {
    "not_started": "chưa triển khai",
    "in_progress": "đang triển khai",
    "done": "đã hoàn thành",
    "ongoing": "thực hiện thường xuyên",
    "delayed": "chậm tiến độ",
}

BUDGET_SOURCE_VI = {
    "central": "Ngân sách Trung ương",
    "provincial": "Ngân sách tỉnh",
    "district": "Ngân sách huyện",
    "commune": "Ngân sách xã",
    "integrated": "Lồng ghép các chương trình",
    "socialised": "Huy động hợp pháp khác",
    "other": "Nguồn khác",
}

COMPARATOR_SIGN = {">=": "≥", ">": ">", "=": "", "~": "≈", "<=": "≤", "<": "<"}

_LOCALITY = re.compile(r"\s(?=(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s)", re.IGNORECASE)
_ROMAN = re.compile(r"^(?:[IVXLC]+)\.\s")
_ARABIC = re.compile(r"^\d+(?:\.\d+)*\.\s")
_LETTER = re.compile(r"^[a-zđ]\)\s")
_BULLET = re.compile(r"^[-+•–]\s*")


def nfc(text) -> str:
    return unicodedata.normalize("NFC", str(text or "")).strip()


def upper_vi(text: str) -> str:
    return nfc(text).upper()


def lcfirst(text: str) -> str:
    text = nfc(text)
    # Keep acronyms ("HTX", "UBND") as written; lower only a capitalised ordinary word.
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _split_locality(name: str) -> tuple[str, str]:
    """ "Liên minh Hợp tác xã tỉnh Quảng Ngãi" → ("Liên minh Hợp tác xã", "tỉnh Quảng Ngãi")."""
    matches = list(_LOCALITY.finditer(" " + name + " "))
    if not matches:
        return name, ""
    m = matches[-1]
    cut = m.start()  # index in the padded string == index of the space before the noun in name
    org, locality = name[:cut].strip(), name[cut:].strip()
    if not org:
        return name, ""
    return org, locality


def agency_header_lines(agency) -> list[str]:
    """Upper-case header lines of the issuing agency (ô 2, bold)."""
    if agency.header_name.strip():
        return [upper_vi(line) for line in agency.header_name.splitlines() if line.strip()]
    org, locality = _split_locality(nfc(agency.name))
    if (
        agency.kind in ("so", "phong")
        and agency.parent_id
        and locality
        and locality.lower() in nfc(agency.parent.name).lower()
    ):
        # "Sở Tài chính" under "UBND tỉnh Quảng Ngãi", "Phòng Tài chính - Kế hoạch" under
        # "UBND huyện Sơn Hà": the parent line already names the place (OFFICIAL_FORMAT §8).
        return [upper_vi(org)]
    return [upper_vi(org)] + ([upper_vi(locality)] if locality else [])


def parent_header_line(agency) -> str:
    """The parent agency (cơ quan chủ quản) in one upper-case line, "UBND TỈNH QUẢNG NGÃI"."""
    parent = agency.parent if agency.parent_id else None
    if parent is None:
        return ""
    text = " ".join(line.strip() for line in parent.header_name.splitlines() if line.strip()) or parent.name
    text = upper_vi(text)
    # Decree 30 PL I II.2 allows the common abbreviation of the parent's name.
    return text.replace("ỦY BAN NHÂN DÂN", "UBND").replace("UỶ BAN NHÂN DÂN", "UBND")


def place_of(agency, explicit: str = "") -> str:
    if explicit.strip():
        return nfc(explicit)
    if agency.place_name.strip():
        return nfc(agency.place_name)
    return nfc(agency.unit.name)


def number_line(number, symbol: str, draft: bool) -> str:
    """ "Số: 567/KH-LMHTX"; a draft or an unnumbered document keeps the number blank."""
    if number and not draft:
        return f"Số: {int(number):02d}/{symbol}"
    return f"Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/{symbol}"


def date_line(place: str, day: date | None, year: int | None, draft: bool) -> str:
    if draft or day is None:
        return f"{place}, {format_doc_date(None, year or (day.year if day else timezone.localdate().year))}"
    return f"{place}, {format_doc_date(day)}"


# Issuers a law's or code's name already implies (omitted from the citation).
IMPLIED_ISSUERS = {"quốc hội"}


def legal_basis_text(basis) -> str:
    """ "Căn cứ Quyết định số 1368/QĐ-UBND ngày 12 tháng 12 năm 2023 của … về …" (no final mark).

    A law is cited by type and name first (Decree 30 PL I II.5): "Căn cứ Luật Hợp tác xã số
    17/2023/QH15 ngày 20 tháng 6 năm 2023", the issuer omitted where the name implies it
    (Quốc hội), however the parts were entered ("Luật" typed in the title or not).
    """
    kind = LEGAL_KIND_VI.get(basis.kind, "")
    title = nfc(basis.title).strip()
    verb = nfc(basis.verb) or "Căn cứ"
    if basis.kind == "law":
        name = title if title.lower().startswith(kind.lower()) else f"{kind} {title}".strip()
        parts = [verb, name]
        if basis.number:
            parts.append(f"số {nfc(basis.number)}")
        if basis.date:
            parts.append(format_doc_date(basis.date))
        issuer = nfc(basis.issuer).strip()
        if issuer and issuer.lower() not in IMPLIED_ISSUERS:
            parts.append(f"của {issuer}")
        return " ".join(p for p in parts if p).rstrip(" ;.,")
    parts = [verb]
    if kind and not title.lower().startswith(kind.lower()):
        parts.append(kind)
    if basis.number:
        parts.append(f"số {nfc(basis.number)}")
    if basis.date:
        parts.append(format_doc_date(basis.date))
    if basis.issuer:
        parts.append(f"của {nfc(basis.issuer)}")
    if title:
        parts.append(title)
    return " ".join(parts).rstrip(" ;.,")


def with_endings(lines: list[str], sep: str = ";", last: str = ".") -> list[str]:
    """Every line ends in ``sep`` and the last in ``last`` (Decree 30 PL I II.5, II.9)."""
    clean = [line.rstrip(" ;.,") for line in lines if line.strip()]
    return [line + (last if i == len(clean) - 1 else sep) for i, line in enumerate(clean)]


def recipient_lines(lines: list[str], *, first: str | None = None, archive: str = "VT", unit: str = "") -> list[str]:
    """ "- …;" items ending with "- Lưu: VT, <unit>." (added when the document does not have one;
    ``unit``, the drafting unit's short name, completes an archive line that names none —
    Decree 30 PL I II.9)."""
    items = []
    for line in lines:
        text = _BULLET.sub("", nfc(line)).rstrip(" ;.,")
        if text:
            items.append(text)
    if first and not any(i.lower() == first.lower() for i in items):
        items.insert(0, first)
    if not any(i.lower().startswith("lưu") for i in items):
        items.append(f"Lưu: {archive}")
    archive_items = [archive_line(i, archive, unit) for i in items if i.lower().startswith("lưu")]
    items = [i for i in items if not i.lower().startswith("lưu")] + archive_items[-1:]
    return ["- " + line for line in with_endings(items)]


def archive_line(text: str, archive: str = "VT", unit: str = "") -> str:
    """ "Lưu VT", "lưu: vt,KTHT" → "Lưu: VT, KTHT" (Decree 30 PL I II.9: "- Lưu: VT, <unit>.");
    "Lưu: VT" with ``unit`` "STC" → "Lưu: VT, STC"."""
    rest = re.sub(r"^lưu\s*:?\s*", "", text.strip(), flags=re.IGNORECASE).rstrip(" ;.,")
    parts = [p.strip() for p in re.split(r"[,;]", rest) if p.strip()]
    units = [p for p in parts if p.upper() != archive.upper()]
    if not units and unit.strip():
        units = [unit.strip()]
    return "Lưu: " + ", ".join([archive, *units])


def drafting_unit(user, agency) -> str:
    """The short name of the unit that drafted a document for ``agency``: the drafter's own
    agency when it drafts for another (Sở Tài chính → "STC" for UBND tỉnh's report), else the
    issuing agency's short name."""
    drafter_agency = getattr(user, "agency", None) if user is not None else None
    if drafter_agency is not None and drafter_agency.pk != agency.pk and drafter_agency.short_name:
        return drafter_agency.short_name
    return agency.short_name or ""


def body_blocks(text: str) -> list[dict]:
    """Plain section text → paragraphs typed for the I./1./a)/- presentation."""
    blocks = []
    for raw in nfc(text).replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if _ROMAN.match(line):
            blocks.append({"style": "heading", "text": line})
        elif _ARABIC.match(line):
            # A short line without final punctuation is a titled khoản ("1. Mục đích"): bold.
            titled = len(line) <= 120 and not line.endswith((".", ";", ":", ","))
            blocks.append({"style": "item-title" if titled else "item", "text": line})
        elif _LETTER.match(line):
            blocks.append({"style": "point", "text": line})
        elif _BULLET.match(line) and line[:1] in "-+•–":
            blocks.append({"style": "bullet", "text": "- " + _BULLET.sub("", line) if line[0] != "+" else line})
        else:
            blocks.append({"style": "para", "text": line})
    return blocks


ROMANS = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
]


def mark_end(sections: list[dict]) -> None:
    """ "./." ends the body (every PL III sample): after the last paragraph, or on its own
    line when the body ends with a table; never twice when the text already has it."""
    for section in sections:
        section["end_mark"] = False
    if not sections:
        return
    last = sections[-1]
    if last["tables"] or not last["blocks"]:
        last["end_mark"] = True
        return
    block = last["blocks"][-1]
    text = block["text"].rstrip()
    if not text.endswith("./."):
        block["text"] = text.rstrip(".") + "./."


def _num(value) -> str:
    return "" if value is None else str(Decimal(value).normalize()) if isinstance(value, Decimal) else str(value)


def target_plan_display(target) -> str:
    """ "≥ 17", "từ 1 đến 5", "70" with Vietnamese numbers (``plans.progress.target_plan_text``;
    an exact value is written without "=", as official tables do)."""
    from plans.progress import target_plan_text

    with translation.override("vi"):
        return target_plan_text(target, equal_sign=False)


# --------------------------------------------------------------------------- plans


def plan_snapshot(plan) -> dict:
    """Snapshot of a plan for KẾ HOẠCH (PDF) and the plan workbook."""
    issuer = plan.issuer
    draft = plan.status == "draft"
    place = place_of(issuer, plan.place)
    year = plan.document_year or (plan.issue_date.year if plan.issue_date else plan.period_start.year)
    symbol = plan.symbol or f"KH-{issuer.short_name}"
    bases = [legal_basis_text(b) for b in plan.legal_bases.all()]

    targets = list(plan.targets.all())
    tasks = list(plan.tasks.all())
    budget = list(plan.budget_lines.all())
    responsibilities = list(plan.responsibilities.all())

    target_rows = [
        {
            "id": t.pk,
            "no": i,
            "description": nfc(t.description),
            "unit": nfc(t.unit),
            "year": str(t.milestone_year),
            "plan": target_plan_display(t),
            "comparator": t.comparator,
            "value": _num(t.value),
            "value_max": _num(t.value_max),
            "baseline": format_number(t.baseline) if t.baseline is not None else "",
            "baseline_raw": _num(t.baseline),
            "baseline_year": str(t.baseline_year or ""),
        }
        for i, t in enumerate(targets, start=1)
    ]
    task_rows = [
        {
            "id": t.pk,
            "no": nfc(t.number) or str(i),
            "group": nfc(t.group),
            "title": nfc(t.title),
            "text": nfc(t.text),
            "lead": nfc(t.lead_agency.name) if t.lead_agency_id else "",
            "agencies": nfc(t.agencies_text),
            "timeframe": t.timeframe_display,
        }
        for i, t in enumerate(tasks, start=1)
    ]
    budget_rows = [
        {
            "no": i,
            "description": nfc(b.description) or BUDGET_SOURCE_VI.get(b.source, ""),
            "amount": _num(b.amount),
            "amount_million": format_number(b.amount / Decimal(1_000_000)) if b.amount is not None else "",
            "source": BUDGET_SOURCE_VI.get(b.source, ""),
            "source_text": nfc(b.source_text) or BUDGET_SOURCE_VI.get(b.source, ""),
            "year": str(b.year or ""),
        }
        for i, b in enumerate(budget, start=1)
    ]
    budget_total = sum((b.amount for b in budget if b.amount is not None), Decimal(0))

    sections = []
    placed = set()
    for s in plan.sections.all():
        heading = f"{s.number}. {upper_vi(s.title)}" if s.number else upper_vi(s.title)
        section = {"heading": heading, "blocks": body_blocks(s.body), "kind": s.kind, "tables": []}
        if s.kind == "objectives" and target_rows and "targets" not in placed:
            section["tables"].append("targets")
            placed.add("targets")
        if s.kind in ("tasks", "content") and task_rows and "tasks" not in placed and not s.body.strip():
            section["tables"].append("tasks")
            placed.add("tasks")
        if s.kind == "budget" and budget_rows and "budget" not in placed:
            section["tables"].append("budget")
            placed.add("budget")
        if s.kind == "implementation" and not s.body.strip() and responsibilities:
            section["blocks"] = [
                {
                    "style": "item",
                    "text": f"{i}. {nfc(r.agency_text or (r.agency.name if r.agency_id else ''))}: {nfc(r.text)}",
                }
                for i, r in enumerate(responsibilities, start=1)
            ]
        sections.append(section)
    # A plan entered in the portal without narrative text still prints its structured parts.
    # When the document's own text exists it already describes its tasks and budget, so
    # only targets (which the text seldom tabulates) get a section of their own.
    has_text = any(s["blocks"] for s in sections)
    extra = [("targets", "CHỈ TIÊU", target_rows)]
    if not has_text:
        extra += [("tasks", "NHIỆM VỤ, GIẢI PHÁP", task_rows), ("budget", "KINH PHÍ THỰC HIỆN", budget_rows)]
    numbered = [s for s in sections if re.match(r"^[IVXLC]+\.", s["heading"])]
    closing = [s for s in sections if s["kind"] == "closing" or not s["heading"]]
    body = [s for s in sections if s not in closing]
    for key, title, rows in extra:
        if rows and key not in placed:
            body.append({"heading": f"{ROMANS[len(numbered)]}. {title}", "blocks": [], "kind": key, "tables": [key]})
            numbered.append(body[-1])
    sections = body + closing
    mark_end(sections)

    return {
        "kind": KIND_PLAN,
        "doc_type": "KẾ HOẠCH",
        "type_code": "KH",
        "object_id": plan.pk,
        "draft": draft,
        "issuer": {
            "id": issuer.pk,
            "name": nfc(plan.issuer_text or issuer.name),
            "short_name": issuer.short_name,
            "header_lines": agency_header_lines(issuer),
            "parent_line": parent_header_line(issuer),
        },
        "place": place,
        "number": plan.number if not draft else None,
        "symbol": symbol,
        "number_line": number_line(plan.number, symbol, draft),
        "date": plan.issue_date.isoformat() if plan.issue_date and not draft else None,
        "date_line": date_line(place, plan.issue_date, year, draft),
        "year": year,
        "title": nfc(plan.title),
        "addressees": [],
        "legal_bases": with_endings(bases),
        "preamble": nfc(plan.preamble),
        "sections": sections,
        "targets": target_rows,
        "tasks": task_rows,
        "budget": budget_rows,
        "budget_total": _num(budget_total) if budget_rows else "",
        "budget_total_million": format_number(budget_total / Decimal(1_000_000)) if budget_rows else "",
        "signer": {
            "authority": [upper_vi(x) for x in plan.authority_lines],
            "title": upper_vi(plan.signer_title),
            "name": nfc(plan.signer_name),
        },
        "recipients": recipient_lines(plan.recipient_lines, unit=drafting_unit(plan.created_by, plan.issuer)),
        "annex": None,
        "period": f"{plan.period_start.year}"
        if plan.period_start.year == plan.period_end.year
        else f"{plan.period_start.year} - {plan.period_end.year}",
    }


# --------------------------------------------------------------------------- reports


def obligation_snapshot(obligation, *, as_of: date | None = None) -> dict:
    """Snapshot of a submission or consolidated report for BÁO CÁO and its annex."""
    from plans.progress import evaluate_target

    period = obligation.period
    requirement = period.requirement
    plan = requirement.plan
    agency = obligation.agency
    receiver = requirement.receiver
    approved = obligation.status == "approved"
    draft = not approved
    place = place_of(agency)
    sent = timezone.localtime(obligation.submitted_at).date() if obligation.submitted_at else None
    doc_date = sent or (timezone.localtime(obligation.reviewed_at).date() if obligation.reviewed_at else None)
    year = (doc_date or period.due_date).year
    symbol = obligation.symbol or f"BC-{agency.short_name}"
    as_of = as_of or period.cutoff_end

    values = {v.target_id: v for v in obligation.values.all()}
    annex_rows = []
    counts = {key: 0 for key in STATUS_VI}
    for i, target in enumerate(plan.targets.all(), start=1):
        reported = values.get(target.pk)
        actual = reported.value if reported else None
        progress = evaluate_target(target, actual, as_of)
        counts[progress.status] += 1
        annex_rows.append(
            {
                "id": target.pk,
                "no": i,
                "description": nfc(target.description),
                "unit": nfc(target.unit),
                "year": str(target.milestone_year),
                "plan": target_plan_display(target),
                "comparator": target.comparator,
                "value": _num(target.value),
                "achieved": format_number(actual) if actual is not None else "",
                "achieved_raw": _num(actual),
                "percent": format_number(progress.percent_of_plan, 1) if progress.percent_of_plan is not None else "",
                "percent_raw": _num(progress.percent_of_plan),
                "status": progress.status,
                "status_label": STATUS_VI[progress.status],
                "note": nfc(reported.note) if reported else "",
            }
        )

    plan_ref = f"số {plan.reference}" if plan.number else ""
    plan_when = f" ngày {format_date(plan.issue_date)}" if plan.issue_date else ""
    consolidated = obligation.kind == "consolidation"
    title = (
        f"Kết quả thực hiện Kế hoạch {plan_ref}{plan_when} về {lcfirst(plan.title)}, {lcfirst(period.label)}".replace(
            "  ", " "
        )
    )
    if consolidated:
        title = "Tổng hợp " + lcfirst(title)

    summary_parts = [
        f"{STATUS_VI[key].lower()} {counts[key]}"
        for key in ("achieved", "on_track", "at_risk", "behind", "no_data")
        if counts[key]
    ]
    results_blocks = [{"style": "item-title", "text": "1. Kết quả thực hiện các chỉ tiêu"}]
    results_blocks.append(
        {
            "style": "para",
            "text": (
                f"Kế hoạch có {len(annex_rows)} chỉ tiêu; đến hết kỳ báo cáo ({format_date(period.cutoff_end)}): "
                + ", ".join(summary_parts)
                + " (chi tiết tại Phụ lục kèm theo)."
            )
            if annex_rows
            else "Kế hoạch không có chỉ tiêu định lượng.",
        }
    )
    results_blocks += body_blocks(obligation.results)
    progress_items = list(obligation.task_progress.all())
    if progress_items:
        results_blocks.append({"style": "item-title", "text": "2. Tình hình thực hiện nhiệm vụ, giải pháp"})
        for tp in progress_items:
            task = tp.task
            label = nfc(task.title or task.text[:200])
            account = nfc(tp.account).rstrip(".")
            text = f"- {label}: {TASK_STATUS_VI.get(tp.status, tp.status)}" + (f". {account}" if account else "") + "."
            results_blocks.append({"style": "bullet", "text": text})
    spending = list(obligation.spending.all())
    if spending:
        results_blocks.append(
            {"style": "item-title", "text": f"{3 if progress_items else 2}. Tình hình sử dụng kinh phí"}
        )
        for sp in spending:
            line = sp.budget_line
            desc = nfc(line.description) or BUDGET_SOURCE_VI.get(line.source, "")
            amount = (
                format_number(sp.amount / Decimal(1_000_000)) + " triệu đồng"
                if sp.amount is not None
                else "chưa có số liệu"
            )
            results_blocks.append({"style": "bullet", "text": f"- {desc}: {amount}."})

    sections = [
        {"heading": "I. KẾT QUẢ THỰC HIỆN", "blocks": results_blocks, "kind": "results", "tables": []},
        {
            "heading": "II. TỒN TẠI, HẠN CHẾ",
            "blocks": body_blocks(obligation.difficulties) or [{"style": "para", "text": "Không có."}],
            "kind": "difficulties",
            "tables": [],
        },
        {
            "heading": "III. KIẾN NGHỊ, ĐỀ XUẤT",
            "blocks": body_blocks(obligation.proposals) or [{"style": "para", "text": "Không có."}],
            "kind": "proposals",
            "tables": [],
        },
    ]
    mark_end(sections)
    number = obligation.number if approved else None
    ref_number = f"{int(number):02d}" if number else "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
    ref_date = format_doc_date(doc_date if not draft else None, year)
    annex_ref = f"(Kèm theo Báo cáo số {ref_number}/{symbol} {ref_date} của {nfc(agency.name)})"
    return {
        "kind": KIND_REPORT,
        "doc_type": "BÁO CÁO",
        "type_code": "BC",
        "object_id": obligation.pk,
        "draft": draft,
        "consolidated": consolidated,
        "issuer": {
            "id": agency.pk,
            "name": nfc(agency.name),
            "short_name": agency.short_name,
            "header_lines": agency_header_lines(agency),
            "parent_line": parent_header_line(agency),
        },
        "place": place,
        "number": number,
        "symbol": symbol,
        "number_line": number_line(number, symbol, draft),
        "date": doc_date.isoformat() if doc_date and not draft else None,
        "date_line": date_line(place, doc_date, year, draft),
        "year": year,
        "title": title,
        "period_label": nfc(period.label),
        "plan_title": nfc(plan.title),
        "plan_reference": plan.reference,
        "addressees": with_endings([nfc(receiver.name)]),
        "legal_bases": [],
        "preamble": (
            f"Thực hiện Kế hoạch {plan_ref}{plan_when} của {nfc(plan.issuer_display)}, "
            f"{nfc(agency.name)} báo cáo kết quả thực hiện {lcfirst(period.label)} như sau:"
        ).replace("  ", " "),
        "sections": sections,
        "targets": [],
        "tasks": [],
        "budget": [],
        "signer": {
            "authority": [upper_vi(x) for x in obligation.signer_authority.splitlines() if x.strip()],
            "title": upper_vi(obligation.signer_title),
            "name": nfc(obligation.signer_name),
        },
        "recipients": recipient_lines([], first="Như trên", unit=drafting_unit(obligation.submitted_by, agency)),
        "annex": {
            "label": "Phụ lục",
            "title": "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
            "reference": annex_ref,
            "unit_note": "",
            "rows": annex_rows,
            # Milestone years matter only when the plan has several (seed 004: 2025 and 2030).
            "show_year": len({r["year"] for r in annex_rows}) > 1,
            "as_of": format_date(as_of),
        },
    }


# The collective an authority line speaks for (TM. …), by the issuing agency's kind (PL I II.7).
COLLECTIVE_AUTHORITY = {"ubnd": "TM. ỦY BAN NHÂN DÂN", "lmhtx": "TM. THƯỜNG TRỰC", "hnd": "TM. BAN THƯỜNG VỤ"}


def signer_block(user, agency) -> dict:
    """The signature block of ``user`` signing for ``agency``: their own name and title, and the
    authority lines derived from the title (Decree 30 PL I II.7; OFFICIAL_FORMAT.md 1.6).

    A deputy ("Phó Chủ tịch", "Phó Giám đốc") signs "KT. <head's title>"; a collective body
    (UBND, Thường trực Liên minh HTX) adds "TM. <collective>" above; "Q." (acting) is kept
    when the position says so.
    """
    name = nfc(user.full_name or user.get_full_name() or user.username)
    title = upper_vi(nfc(user.position or ""))
    authority: list[str] = []
    collective = COLLECTIVE_AUTHORITY.get(getattr(agency, "kind", ""), "")
    if collective:
        authority.append(collective)
    if title.startswith("Q. "):
        title = title[3:].strip()
        authority.append(f"Q. {title}")
        title = ""
    elif title.startswith("PHÓ "):
        authority.append(f"KT. {title[4:].strip()}")
    return {"authority": authority, "title": title, "name": name}


def with_signer(snapshot: dict, user, agency=None) -> dict:
    """The snapshot signed by ``user``: the signature block is always the signer's own.

    Without ``agency`` (the issuing agency) only the name and title are taken from the user
    and the document's authority lines are kept.
    """
    if agency is None:
        signer = dict(snapshot["signer"])
        signer["name"] = nfc(user.full_name or user.get_full_name() or user.username)
        if user.position:
            signer["title"] = upper_vi(user.position)
        return {**snapshot, "signer": signer}
    return {**snapshot, "signer": signer_block(user, agency)}


def for_register(snapshot: dict) -> dict:
    """The snapshot as sent for signature: number and date blank, drawn by fillable slots."""
    return {**snapshot, "register_slots": True, "draft": False}


def with_register(snapshot: dict, *, number: int, day: date) -> dict:
    """The snapshot once the clerk registered it: number, date (the signing date), annex reference."""
    symbol = snapshot["symbol"]
    place = snapshot["place"]
    issued = {
        **snapshot,
        "number": number,
        "number_line": number_line(number, symbol, False),
        "date": day.isoformat(),
        "date_line": date_line(place, day, day.year, False),
        "year": day.year,
    }
    if snapshot.get("annex"):
        annex = dict(snapshot["annex"])
        ref = annex.get("reference", "")
        issuer = snapshot["issuer"]["name"]
        annex["reference"] = (
            f"(Kèm theo {'Báo cáo' if snapshot['kind'] == KIND_REPORT else 'Kế hoạch'} số {int(number):02d}/{symbol} "
            f"{format_doc_date(day)} của {issuer})"
            if ref
            else ref
        )
        issued["annex"] = annex
    return issued


def content_hash(snapshot: dict, fmt: str) -> str:
    """SHA-256 over the canonical snapshot JSON, the output format and the template version."""
    payload = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{TEMPLATE_VERSION}|{fmt}|{payload}".encode()).hexdigest()
