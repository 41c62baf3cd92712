"""Reporting regime (chế độ báo cáo): who reports what to whom, how often, by when.

A sentence is a reporting requirement when it contains "báo cáo" and either a deadline ("trước ngày
…", "vào ngày …", a full date) or "định kỳ" followed by a frequency. It is searched in the
implementation part and in a "Chế độ (thông tin,) báo cáo" section (seed 001 V.1 and V.5, seed 002
IV.1 and IV.3, seed 003 VI). "báo cáo định kỳ, đột xuất theo quy định" without a frequency or a
deadline gives nothing (seed 004).

Frequencies: "hằng/hàng tháng" → monthly; "hằng/hàng quý", "quý" → quarterly; "6 tháng", "06 tháng",
"sáu tháng" → half_year; "9 tháng" → nine_months; "năm", "hằng/hàng năm" → annual; "một lần", "01 lần"
→ once. "Định kỳ hằng quý (trước ngày 25 tháng cuối quý), 6 tháng (trước ngày 15 tháng 6) và năm
(trước ngày 15 tháng 12)" gives three requirements, each frequency with its own parenthesised deadline.
A full date with "định kỳ" and no frequency word (seed 002 "định kỳ báo cáo … trước ngày 05/12/2024")
is the report of the plan's year → annual; so is a full date inside the year of an annual plan
(seed 002 IV.3, the consolidated report due 10/12/2024); any other full date → once.

``due_rule`` encodings (machine-readable, one per requirement):

* ``day_of_last_month:25`` — day 25 of the period's last month (quarter: 25/03, 25/06, 25/09, 25/12);
* ``day_of_next_month:10`` — day 10 of the month after the period;
* ``day_of_month:20`` — day 20 of every month (monthly reports);
* ``day_month:15/06`` — a fixed day and month every year;
* ``date:2024-12-05`` — one calendar date (also listed in ``due_dates``).

``due_kind`` is not a separate key: "trước ngày" (before) and "vào ngày" (on) both give the same
rule; the exact words stay in ``text``.

Reporters: the agency of the Tổ chức thực hiện sub-section the sentence sits in (when its heading
names an agency), else "Yêu cầu/Giao <agency> …" at the start of the paragraph, else the subject of
the previous sentence ("Các cơ quan Huyện có liên quan, Ủy ban nhân dân xã, thị trấn triển khai …").
Receiver: "tham mưu <X> báo cáo" → X; "báo cáo … (gửi) về/cho <X>" → X; a following "(qua <Y>)" is
``via``.
"""

from __future__ import annotations

import re

from . import agencies
from .model import Extraction, Reporting
from .numbers import find_dates, iso
from .structure import Document
from .tasks import agency_of

_FREQ_WORDS = [
    (r"(?:hằng|hàng)\s+tháng", "monthly"),
    (r"(?:hằng|hàng)\s+quý|quý", "quarterly"),
    (r"(?:0?6|sáu)\s+tháng(?:\s+đầu\s+năm)?", "half_year"),
    (r"(?:0?9|chín)\s+tháng", "nine_months"),
    (r"(?:hằng|hàng|cả)\s+năm|năm", "annual"),
    (r"(?:một|01)\s+lần", "once"),
]
_FREQ_RE = "|".join(f"(?P<f{i}>{p})" for i, (p, _) in enumerate(_FREQ_WORDS))
_PAIR_RE = re.compile(r"(?:" + _FREQ_RE + r")\s*,?\s*\((?P<deadline>[^)]*(?:ngày|\d)[^)]*)\)", re.IGNORECASE)
_DINH_KY_RE = re.compile(r"định kỳ\s+(?:" + _FREQ_RE + r")", re.IGNORECASE)


def _freq(m: re.Match) -> str:
    for i, (_, name) in enumerate(_FREQ_WORDS):
        if m.group(f"f{i}"):
            return name
    raise AssertionError


def due_rule(text: str, frequency: str | None = None) -> tuple[str | None, list[str]]:
    """Encode a deadline phrase ("trước ngày 25 tháng cuối quý") as ``due_rule`` (see module docstring)."""
    dates = [iso(d) for d, _, _ in find_dates(text) if d]
    if dates:
        return f"date:{dates[0]}", dates
    m = re.search(r"ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:quý|kỳ)", text, re.IGNORECASE)
    if m:
        return f"day_of_last_month:{int(m.group(1))}", []
    m = re.search(
        r"ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+(?:đầu\s+(?:quý|kỳ)\s+sau|sau|tiếp theo|kế tiếp)", text, re.IGNORECASE
    )
    if m:
        return f"day_of_next_month:{int(m.group(1))}", []
    m = re.search(r"ngày\s+(\d{1,2})\s*(?:tháng\s+|/\s*)(\d{1,2})(?!\s*/\s*\d)", text, re.IGNORECASE)
    if m:
        return f"day_month:{int(m.group(1)):02d}/{int(m.group(2)):02d}", []
    m = re.search(r"ngày\s+(\d{1,2})\s+(?:hằng|hàng|mỗi|của)\s+tháng", text, re.IGNORECASE)
    if m:
        return f"day_of_month:{int(m.group(1))}", []
    return None, []


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start, depth = [], 0, 0
    for i, c in enumerate(text):
        if c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
        elif (
            depth == 0
            and c in ".;"
            and (i + 1 == len(text) or text[i + 1] == " " and text[i + 2 : i + 3][:1].isupper())
        ):
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out if text[s:e].strip()]


def _receiver(sentence: str) -> tuple[str | None, str | None]:
    via = None
    vm = re.search(r"\(\s*qua\s+([^)]+)\)", sentence, re.IGNORECASE)
    if vm:
        via = agencies.tidy(vm.group(1))
    m = re.search(r"tham mưu\s+(.+?)\s+báo cáo", sentence, re.IGNORECASE)
    if m:
        return agencies.tidy(m.group(1)), via
    m = re.search(
        r"báo cáo[^()]*?\b(?:gửi về|gửi|về|cho|lên)\s+((?:Ủy ban|UBND|Phòng|phòng|Sở|Ban|Hội|Liên minh|Văn phòng|Thường trực)[^(;,.]*?)(?=\s*\(|\s+(?:để|trước|vào|theo|trong|chậm)\b|[,;.]|$)",
        sentence,
    )
    if m:
        return agencies.tidy(m.group(1)), via
    return None, via


def _subject(sentence: str) -> str | None:
    m = re.match(
        r"^(?:Yêu cầu|Giao|Đề nghị)?\s*(.+?)\s+(?:triển khai|thực hiện|chủ động|có trách nhiệm|trên cơ sở|tổ chức|theo dõi|xây dựng)\b",
        sentence,
    )
    if not m:
        return None
    subject = re.sub(r"\b(?:Thủ trưởng|Chủ tịch|Lãnh đạo)\s+", "", m.group(1))
    if not agencies.looks_like_agency(subject.split(",")[0]):
        return None
    names = agencies.split_agencies(subject)
    return "; ".join(names) if names else None


def read_reporting(doc: Document, ex: Extraction) -> None:
    scopes = doc.find("to chuc thuc hien", "bao cao") or list(doc.walk())
    seen: set[int] = set()
    for scope in scopes:
        for line in scope.lines():
            if id(line) in seen:
                continue
            seen.add(id(line))
            owner = next((n for n in scope.walk() if line in n.body or n.line is line), scope)
            holder = owner
            agency = None
            while holder is not None and agency is None:
                agency = agency_of(holder) if holder.parent is not None or holder is not owner else None
                if holder.parent is None:
                    break
                holder = holder.parent
            text = line.text
            offset = 0
            if owner.line is line:
                m = re.match(r"^\S+\s", text)
                offset = m.end() if m else 0
                text = text[offset:]
            if text.startswith("- "):
                offset, text = offset + 2, text[2:]
            sentences = _sentences(text)
            for k, (s, e) in enumerate(sentences):
                sentence = text[s:e]
                if "báo cáo" not in sentence.lower():
                    continue
                pairs = list(_PAIR_RE.finditer(sentence))
                dinh_ky = _DINH_KY_RE.search(sentence)
                explicit = [d for d, _, _ in find_dates(sentence) if d]
                if not pairs and not explicit and not (dinh_ky and re.search(r"(trước|vào)\s+ngày", sentence)):
                    continue
                reporters = agency
                if reporters is None:
                    reporters = _subject(sentence) or (
                        _subject(text[sentences[k - 1][0] : sentences[k - 1][1]]) if k else None
                    )
                receiver, via = _receiver(sentence)
                span = (line.start + offset + s, line.start + offset + e)
                items: list[tuple[str, str]] = []
                if pairs:
                    items = [(_freq(p), p.group("deadline")) for p in pairs]
                elif dinh_ky and not explicit:
                    items = [(_freq(dinh_ky), sentence[dinh_ky.end() :])]
                else:
                    in_plan_year = (
                        ex.kind == "annual" and ex.period_start and explicit[0].year == int(ex.period_start[:4])
                    )
                    freq = "annual" if "định kỳ" in sentence.lower() or in_plan_year else "once"
                    items = [(freq, sentence)]
                for freq, deadline in items:
                    rule, dates = due_rule(deadline, freq)
                    ex.reporting.append(
                        Reporting(
                            frequency=freq,
                            due_rule=rule,
                            due_dates=dates,
                            reporters=reporters,
                            receiver=receiver,
                            via=via,
                            text=sentence.strip(),
                            span=span,
                            unsure=reporters is None or receiver is None,
                            note="" if reporters and receiver else "không xác định được đơn vị báo cáo hoặc nơi nhận",
                        )
                    )
