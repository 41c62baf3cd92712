"""Cut the normalised text into its parts: header, preamble, numbered sections, closing, tail.

* **header**: lines before the title ``KẾ HOẠCH`` (agency, Quốc hiệu, Số, place and date).
* **preamble**: title, Căn cứ / Thực hiện lines, the sentence "… ban hành Kế hoạch …", up to the
  first numbered heading.
* **sections**: a tree. ``I.`` (Roman) is level 1, ``1.`` level 2, ``2.1.`` level 3, ``a)`` one below
  the last numbered level. Numbers are paths: ``II.2.1``, ``IV.3``; without Roman headings the
  Arabic number alone is the path.
* **closing**: from ``Trên đây là …`` (or the line ending in ``./.`` that ends the body) to the tail.
* **tail**: from ``Nơi nhận`` (or the first signer line) to the end.

Sections are recognised by their folded title (no diacritics, lower case), so ``MUC TIEU``,
``Mục tiêu`` and ``MỤC TIÊU`` are the same heading. See ``kind_of``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import AGENCY_KE_HOACH_RE, Line, fold, header_anchor, is_agency_as_typed, is_upper_text

ROMAN_RE = re.compile(r"^([IVX]+)\. (.*)$")
ARABIC_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\. (.*)$")
LETTER_RE = re.compile(r"^([a-zđ])\) (.*)$")
AUTH_LINE_RE = re.compile(r"^(TM|KT|TL|TUQ|Q)\. \S")
SIGNER_TITLES = (
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG",
    "TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN",
    "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG",
    "BÍ THƯ",
    "PHÓ BÍ THƯ",
    "CHỦ NHIỆM",
    "THỦ TRƯỞNG",
    "CỤC TRƯỞNG",
    "CHI CỤC TRƯỞNG",
    "TỔNG GIÁM ĐỐC",
    "PHÓ TỔNG GIÁM ĐỐC",
    "TRƯỞNG ĐOÀN",
)


@dataclass
class Node:
    number: str
    title: str
    level: int
    line: Line
    body: list[Line] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    end: int = 0

    @property
    def key(self) -> str:
        return fold(self.title)

    @property
    def span(self) -> tuple[int, int]:
        return (self.line.start, self.end)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def lines(self) -> list[Line]:
        """Heading, body and all descendants' lines, in order."""
        out = [self.line, *self.body]
        for child in self.children:
            out.extend(child.lines())
        return sorted(out, key=lambda ln: ln.start)

    def body_lines(self) -> list[Line]:
        """Body and descendants' lines without this heading."""
        return [ln for ln in self.lines() if ln is not self.line]


@dataclass
class Document:
    lines: list[Line]
    header: list[Line]
    title_index: int | None
    preamble: list[Line]
    roots: list[Node]
    closing: list[Line]
    tail: list[Line]

    def walk(self):
        for root in self.roots:
            yield from root.walk()

    def find(self, *keys: str, exclude: tuple[str, ...] = ()) -> list[Node]:
        """Sections whose folded title contains any of ``keys`` (and none of ``exclude``)."""
        out = []
        for node in self.walk():
            k = node.key
            if any(key in k for key in keys) and not any(x in k for x in exclude):
                out.append(node)
        return out


PLACE_DATE_RE = re.compile(
    r"^[^,;:.]{2,40},\s*ngày\b(?:.*\bnăm\s+\d{4}|\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2})$"
)


def is_title_line(text: str) -> bool:
    if AGENCY_KE_HOACH_RE.match(text):  # "KẾ HOẠCH VÀ ĐẦU TƯ": the ministry's name wrapped, not a plan's title
        return False
    return bool(re.match(r"^KẾ\s+HOẠCH\b", text)) or fold(text) == "ke hoach"


def is_signer_line(text: str) -> bool:
    if AUTH_LINE_RE.match(text):
        return True
    return is_upper_text(text) and text.strip() in SIGNER_TITLES


def is_person_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or re.search(r"[\d;:,.()/\-]", text):
        return False
    return all(w[:1].isupper() and (w[1:].islower() or len(w) == 1) for w in words)


def _heading(line: Line, in_body: bool):
    text = line.text
    m = ROMAN_RE.match(text)
    if m:
        return "roman", m.group(1), m.group(2)
    m = ARABIC_RE.match(text)
    if m:
        return "arabic", m.group(1), m.group(2)
    m = LETTER_RE.match(text)
    if m and in_body:
        return "letter", m.group(1), m.group(2)
    return None


def parse(lines: list[Line]) -> Document:
    texts = [ln.text for ln in lines]
    title_index = next((i for i, t in enumerate(texts[:40]) if is_title_line(t)), None)
    # tail: Nơi nhận, or the signer block near the end
    tail_start = next((i for i, t in enumerate(texts) if fold(t).startswith("noi nhan")), None)
    if tail_start is None:
        for i in range(len(texts) - 1, max(-1, len(texts) - 10), -1):
            if is_signer_line(texts[i]):
                tail_start = i
        if tail_start is None and texts and is_person_name(texts[-1]) and len(texts) > 3:
            tail_start = len(texts) - 1
    if tail_start is None:
        tail_start = len(texts)
    # a signature placed before Nơi nhận
    half = len(texts) // 2
    for i in range(max(half, tail_start - 8), tail_start):
        if AUTH_LINE_RE.match(texts[i]):
            tail_start = i
            break
    first_body = (title_index + 1) if title_index is not None else 0
    header = lines[:title_index] if title_index is not None else []
    first_heading = next(
        (i for i in range(first_body, tail_start) if ROMAN_RE.match(texts[i]) or ARABIC_RE.match(texts[i])), tail_start
    )
    if title_index is None:
        # no "KẾ HOẠCH" line: header lines are the leading ones that look like a header
        anchor = header_anchor(texts[:first_heading])
        header = [
            ln
            for i, ln in enumerate(lines[:first_heading])
            if is_upper_text(ln.text)
            or fold(ln.text).startswith("so:")
            or (anchor <= i < 8 + anchor and is_agency_as_typed(ln.text))
            or (i < 12 + anchor and PLACE_DATE_RE.match(ln.text))
        ]
        preamble = [ln for ln in lines[:first_heading] if ln not in header]
    else:
        preamble = lines[first_body:first_heading]
    closing: list[Line] = []
    roots: list[Node] = []
    stack: list[Node] = []
    roman_seen = False
    i = first_heading
    body_end = tail_start
    for j in range(first_heading, tail_start):
        t = texts[j]
        if t.startswith("Trên đây là") or fold(t).startswith("tren day la"):
            body_end = j
            break
    closing = lines[body_end:tail_start]
    while i < body_end:
        line = lines[i]
        head = _heading(line, True)
        if head:
            kind, num, title = head
            if kind == "roman":
                level, path = 1, num
                roman_seen = True
            elif kind == "arabic":
                depth = num.count(".") + 1
                level = depth + (1 if roman_seen else 0)
                parent = next((n for n in reversed(stack) if n.level < level), None)
                roman = next((n for n in stack if n.level == 1), None) if roman_seen else None
                path = f"{roman.number}.{num}" if roman else num
                if depth > 1 and parent is None:
                    path = num
            else:
                parent_level = stack[-1].level if stack else 0
                level = parent_level + 1
                parent = stack[-1] if stack else None
                path = f"{parent.number}.{num}" if parent else num
            while stack and stack[-1].level >= level:
                stack.pop()
            node = Node(number=path, title=title.strip(), level=level, line=line)
            if stack:
                node.parent = stack[-1]
                stack[-1].children.append(node)
            else:
                roots.append(node)
            stack.append(node)
        elif stack:
            stack[-1].body.append(line)
        else:
            preamble.append(line)
        i += 1
    end_pos = lines[body_end - 1].end if body_end > 0 and lines else 0

    def set_end(node: Node, end: int):
        node.end = end
        for k, child in enumerate(node.children):
            nxt = node.children[k + 1].line.start - 1 if k + 1 < len(node.children) else end
            set_end(child, nxt)

    for k, root in enumerate(roots):
        nxt = roots[k + 1].line.start - 1 if k + 1 < len(roots) else end_pos
        set_end(root, nxt)
    return Document(lines, header, title_index, preamble, roots, closing, lines[tail_start:])
