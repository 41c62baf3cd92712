"""Tasks, responsibilities, budget and event participants.

**Tasks.** The task sections are those whose folded title contains "nhiem vu" or "giai phap"
("III. Nội dung, nhiệm vụ", "IV. Giải pháp", "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU"). Each numbered
sub-section is one task: ``number`` is its path ("III.1", "IV.3"), ``group`` the section heading,
``text`` the sub-heading (the whole paragraph when the heading is a sentence, seed 002), ``body``
the rest. Labelled lines inside it:

* "Đơn vị/Cơ quan thực hiện:", "Cơ quan/Đơn vị chủ trì:", "Chủ trì:" → agencies; the **first listed
  is the lead**, the rest are ``coordinating`` (documented choice: the plans list the lead first);
* "Cơ quan/Đơn vị phối hợp:", "Phối hợp:" → ``coordinating``;
* "Thời gian thực hiện/hoàn thành:" → ``timeframe``: "Thường xuyên" → "ongoing"; "Từ năm 2023 - 2025"
  → "2023-2025"; "Năm 2024" → "2024"; "trước ngày 05/12/2024" → "deadline:2024-12-05"; "Quý III/2024"
  → "2024-Q3"; anything else is kept as written with the prefix "text:".

A sub-section without any numbered children that only has unnumbered bullets stays one task.
Without any task section (event plans, seed 000), each bullet (or paragraph) under a Tổ chức thực
hiện sub-section is a task led by that sub-section's agency, numbered "IV.1-1", "IV.1-2" … (``-n`` is
the n-th bullet of an unnumbered list); "Phối hợp với X …" makes X coordinating. Paragraphs that start
"Trong quá trình thực hiện" are general notes, not tasks.

Tasks in a ``|`` table with columns like "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian" give one task
per row.

**Responsibilities.** Each sub-section of "Tổ chức thực hiện" is one ``{agency, text}``; the agency is
the heading when it names an agency, else it is taken from "Yêu cầu/Giao/Đề nghị <agency> <verb> …".
A responsibility that starts with "Chủ trì" names the plan's ``lead_agency``.

**Budget.** In the "Kinh phí" section: the first amount of money is ``total_vnd`` ("khoảng" sets
``approximate``); the text is cut at ";" into ``sources`` with a kind: "lồng ghép" → ``integrated``,
"ngân sách" → ``state_budget``, "huy động/xã hội hóa/nguồn vốn hợp pháp khác" → ``mobilized``, else
``other``; a document number in the source is its ``reference``.
"""

from __future__ import annotations

import re

from . import agencies
from .model import Budget, BudgetSource, Extraction, Participant, Responsibility, Task
from .numbers import find_dates, find_money, iso, parse_number
from .structure import Document, Node
from .text import fold

_LEAD_LABEL = re.compile(
    r"^(?:Đơn vị|Cơ quan|Bộ phận)\s+(?:thực hiện|chủ trì)|^Chủ trì|^(?:Cơ quan|Đơn vị)\s+chủ trì", re.IGNORECASE
)
_COORD_LABEL = re.compile(r"^(?:Đơn vị|Cơ quan)\s+phối hợp|^Phối hợp\s*:", re.IGNORECASE)
_TIME_LABEL = re.compile(r"^Thời gian(?:\s+(?:thực hiện|hoàn thành))?\s*:", re.IGNORECASE)
_LABEL_RE = re.compile(r"^-?\s*([^:]{3,40}):\s*(.*)$")
_VERBS = (
    "bố trí",
    "lập",
    "triển khai",
    "tổ chức",
    "thực hiện",
    "xây dựng",
    "chuẩn bị",
    "hướng dẫn",
    "tham mưu",
    "để",
    "trong",
    "tuyên truyền",
    "theo dõi",
    "rà soát",
    "tăng cường",
    "phối hợp",
    "chỉ đạo",
    "hỗ trợ",
    "trên cơ sở",
    "căn cứ",
    "tổng hợp",
    "giám sát",
    "đôn đốc",
    "báo cáo",
    "chủ động",
    "nghiên cứu",
    "thường xuyên",
)
_VERB_RE = re.compile(r"(?<!các)\s+(?:" + "|".join(re.escape(v) for v in _VERBS) + r")\b")


def timeframe(value: str) -> str | None:
    v = value.strip().rstrip(".;")
    if not v:
        return None
    f = fold(v)
    if f.startswith("thuong xuyen") or f.startswith("hang nam") and "thuong xuyen" in f:
        return "ongoing"
    for date, _, _ in find_dates(v):
        if date:
            return f"deadline:{iso(date)}"
    m = re.search(r"((?:19|20)\d{2})\s*(?:-|đến|tới)\s*(?:năm\s+)?((?:19|20)\d{2})", v)
    if m:
        return f"{m.group(1)}-{m.group(2)}"
    m = re.search(r"quý\s+([IV]+|\d)\s*/\s*((?:19|20)\d{2})", v, re.IGNORECASE)
    if m:
        q = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(m.group(1).upper()) or int(m.group(1))
        return f"{m.group(2)}-Q{q}"
    m = re.fullmatch(r"(?:trong\s+)?năm\s+((?:19|20)\d{2})", v, re.IGNORECASE)
    if m:
        return m.group(1)
    m = re.search(r"(?:đến|tới)\s+năm\s+((?:19|20)\d{2})", v, re.IGNORECASE)
    if m:
        return f"until:{m.group(1)}"
    return f"text:{v}"


def _task_from_node(node: Node, group: Node) -> Task:
    lead, coordinating, tf = None, [], None
    body: list[str] = []
    note = ""
    for line in node.body_lines():
        t = re.sub(r"^-\s*", "", line.text)
        if _LEAD_LABEL.match(t) and ":" in t:
            names = agencies.split_agencies(t.split(":", 1)[1])
            if names:
                lead, coordinating = names[0], coordinating + names[1:]
                if len(names) > 1:
                    note = "đơn vị chủ trì là đơn vị được nêu đầu tiên"
            continue
        if _COORD_LABEL.match(t) and ":" in t:
            coordinating += agencies.split_agencies(t.split(":", 1)[1])
            continue
        if _TIME_LABEL.match(t):
            tf = timeframe(t.split(":", 1)[1])
            continue
        body.append(line.text)
    return Task(
        number=node.number,
        text=node.title.rstrip(" :"),
        lead=lead,
        coordinating=coordinating,
        timeframe=tf,
        group=f"{group.number}. {group.title}",
        body="\n".join(body),
        span=node.span,
        confidence=0.9 if lead or not note else 0.8,
        unsure=bool(note),
        note=note,
    )


def _table_tasks(section: Node) -> list[Task]:
    out: list[Task] = []
    header = None
    for line in section.lines():
        if " | " not in line.text:
            continue
        cells = [c.strip() for c in line.text.split(" | ")]
        folded = [fold(c) for c in cells]
        if any("nhiem vu" in f or "noi dung" in f for f in folded) and any(
            "chu tri" in f or "thoi gian" in f for f in folded
        ):
            header = folded
            continue
        if header is None:
            continue

        def col(*keys, header=header, cells=cells):
            i = next((i for i, f in enumerate(header) if any(k in f for k in keys)), None)
            return cells[i] if i is not None and i < len(cells) else ""

        text = col("nhiem vu", "noi dung")
        if not text:
            continue
        number = col("stt", "tt") or str(len(out) + 1)
        leads = agencies.split_agencies(col("chu tri"))
        coord = agencies.split_agencies(col("phoi hop"))
        out.append(
            Task(
                number=f"{section.number}.{number}",
                text=text,
                lead=leads[0] if leads else None,
                coordinating=leads[1:] + coord,
                timeframe=timeframe(col("thoi gian")) if col("thoi gian") else None,
                group=f"{section.number}. {section.title}",
                span=(line.start, line.end),
                confidence=0.8,
            )
        )
    return out


def _phoi_hop(text: str) -> list[str]:
    m = re.search(r"Phối hợp (?:với|cùng)\s+(.+)", text)
    if not m:
        return []
    vm = _VERB_RE.search(m.group(1))
    names = m.group(1)[: vm.start()] if vm else m.group(1)
    return agencies.split_agencies(names)


def read_tasks(doc: Document, ex: Extraction) -> None:
    groups = [n for n in doc.find("nhiem vu", "giai phap") if n.level == 1 or n.parent is None]
    for group in groups:
        table = _table_tasks(group)
        if table:
            ex.tasks.extend(table)
            continue
        children = group.children
        if not children:
            continue
        for child in children:
            ex.tasks.append(_task_from_node(child, group))
    if ex.tasks or not ex.responsibilities:
        return
    # no task section: one task per bullet/paragraph of each responsibility (event plans)
    for node in doc.find("to chuc thuc hien"):
        for child in node.children:
            agency = agency_of(child)
            paras = [ln for ln in child.body if not fold(ln.text).startswith("trong qua trinh thuc hien")]
            bullets = [ln for ln in paras if ln.text.startswith("- ")]
            items = bullets or paras
            for k, line in enumerate(items, 1):
                text = re.sub(r"^-\s*", "", line.text)
                ex.tasks.append(
                    Task(
                        number=child.number if len(items) == 1 else f"{child.number}-{k}",
                        text=text,
                        lead=agency,
                        coordinating=[c for c in _phoi_hop(text) if c != agency],
                        group=f"{node.number}. {node.title}",
                        span=(line.start, line.end),
                        confidence=0.7,
                        unsure=True,
                        note="không có mục nhiệm vụ; lấy từ phần Tổ chức thực hiện",
                    )
                )


# --- responsibilities -------------------------------------------------------------------------------


def agency_of(node: Node) -> str | None:
    title = node.title
    if agencies.looks_like_agency(title) and len(title) < 140:
        return agencies.tidy(title)
    m = re.match(r"^(?:Yêu cầu|Giao|Đề nghị)\s+(.+)", title)
    if m:
        vm = _VERB_RE.search(m.group(1))
        names = m.group(1)[: vm.start()] if vm else m.group(1)
        names = re.sub(r"\b(?:Thủ trưởng|Chủ tịch|Lãnh đạo)\s+", "", names)
        parts = agencies.split_agencies(names)
        return "; ".join(parts) if parts else None
    return None


def read_responsibilities(doc: Document, ex: Extraction) -> None:
    for node in doc.find("to chuc thuc hien"):
        for child in node.children:
            agency = agency_of(child)
            if not agency:
                continue
            text = "\n".join(ln.text for ln in child.body_lines()) or child.title
            ex.responsibilities.append(Responsibility(agency, text, child.number, child.span))
            first = fold(re.sub(r"^-\s*", "", child.body_lines()[0].text)) if child.body_lines() else ""
            if ex.lead_agency is None and first.startswith("chu tri"):
                ex.lead_agency = agency


# --- budget ------------------------------------------------------------------------------------------


def _source_kind(text: str) -> str:
    f = fold(text)
    if "long ghep" in f:
        return "integrated"
    if "huy dong" in f or "xa hoi hoa" in f or "hop phap khac" in f:
        return "mobilized"
    if "ngan sach" in f or re.search(r"quyet dinh|du toan", f):
        return "state_budget"
    return "other"


def read_budget(doc: Document, ex: Extraction) -> None:
    nodes = [n for n in doc.find("kinh phi") if n.parent is None or n.level == 1] or doc.find("kinh phi")[:1]
    if not nodes:
        return
    node = nodes[0]
    budget = Budget(span=node.span)
    lines = [ln for ln in node.lines() if ln is not node.line] or [node.line]
    for line in lines:
        text = re.sub(r"^(?:\S+\.\s+)?(?:Nguồn kinh phí|Kinh phí(?: thực hiện)?)\s*:\s*", "", line.text)
        if budget.total_vnd is None:
            for vnd, m in find_money(text):
                budget.total_vnd = vnd
                budget.approximate = bool(re.search(r"(khoảng|dự kiến|ước)\s*$", text[: m.start()]))
                break
        is_source = re.search(r"nguồn|lồng ghép|ngân sách|huy động|Quyết định|bố trí", text, re.IGNORECASE)
        if not is_source or (line.text.startswith(tuple("123456789")) and "Tổng kinh phí" in line.text):
            continue
        offset = line.text.find(text)
        pos = 0
        for part in re.split(r";", text):
            if part.strip():
                ref = re.search(r"\d+/[A-ZĐ][\wĐđ-]+", part)
                start = line.start + offset + pos + (len(part) - len(part.lstrip()))
                budget.sources.append(
                    BudgetSource(
                        _source_kind(part),
                        part.strip().rstrip("."),
                        ref.group(0) if ref else None,
                        (start, start + len(part.strip())),
                    )
                )
            pos += len(part) + 1
    ex.budget = budget


# --- event participants ------------------------------------------------------------------------------


def read_participants(doc: Document, ex: Extraction) -> None:
    for node in [n for n in doc.walk() if n.key.startswith("thanh phan")]:
        for line in node.body_lines():
            text = re.sub(r"^-\s*", "", line.text).rstrip(";.")
            m = re.match(r"^(\d+)\s+\S", text)
            ex.participants.append(Participant(text, parse_number(m.group(1)) if m else None, (line.start, line.end)))
