"""Normalisation: turn any plan text (typed, pasted Markdown, from .docx or .pdf) into one canonical
text, one paragraph per line, that every rule in the reader runs on and every ``span`` indexes into.

Steps, in order (each is a small function below, so each can be tested and explained):

1. Unicode NFC; non-breaking and other odd spaces → " "; zero-width characters and soft hyphens
   removed; tabs → space; CR/LF → LF; en/em dashes and minus → "-".
2. Markdown: ``**bold**``, ``__bold__`` and ``*italic*`` markers removed; ``#`` heading marks
   removed; table rule rows (``|---|---|``) dropped.
3. ``|`` tables: a *layout* table (the two-column header with the Quốc hiệu, or the Nơi nhận /
   signature block) is read column by column, one cell per line, so the left column's lines stay
   together; a *data* table keeps one row per line with cells joined by ``" | "`` (the target and
   task rules read those rows).
4. Bullets ``*``, ``•``, ``+``, ``–``, ``·`` at line start → ``"- "``.
5. Numbering variants at line start → canonical: ``"I-"``, ``"I/"``, ``"I)"``, ``"II.MỤC"`` → ``"I. "``,
   ``"1/"``, ``"1)"``, ``"1-"`` → ``"1. "``, ``"2.1"``/``"2.1."`` → ``"2.1. "``; ``"a)"`` stays.
6. Header lines are split where a flattened header runs several elements together
   (``"Số: /KH-UBND Lai Châu, ngày tháng năm 2024"`` → two lines; ``"ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI…"``
   → two lines; ``"… năm 2024 KẾ HOẠCH"`` → two lines).
7. Paragraphs broken mid-sentence (page breaks, PDF line ends, hyphenation) are re-joined: a line
   that does not end in ``. ; : ! ?`` is joined to the next line when the next starts with a lower-case
   letter; ``"phát-"`` + ``"triển"`` loses the hyphen.
8. Spaces collapsed; blank lines dropped. The result has exactly one paragraph per line.

Authority prefixes are also tidied (``"TM.ỦY BAN"`` → ``"TM. ỦY BAN"``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from unidecode import unidecode

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000\u205f"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")

QUOC_HIEU_RE = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|CONG\s+HOA\s+XA\s+HOI\s+CHU\s+NGHIA\s+VIET\s+NAM",
    re.IGNORECASE,
)
TIEU_NGU_RE = re.compile(
    r"Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc|Doc\s+lap\s*-\s*Tu\s+do\s*-\s*Hanh\s+phuc", re.IGNORECASE
)
AUTHORITY_RE = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*(?=\S)")
LAYOUT_TABLE_HINT = re.compile(
    r"CỘNG\s+H|Độc\s+lập|Nơi\s+nhận|^\s*(TM|KT|TL|TUQ)\.|Số\s*:", re.IGNORECASE | re.MULTILINE
)


def fold(text: str) -> str:
    """Lower-case ASCII folding used to match headings and keywords without diacritics."""
    return re.sub(r"\s+", " ", unidecode(text or "").lower()).strip()


def is_upper_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@dataclass
class Line:
    """One paragraph of the normalised text and its offsets."""

    text: str
    start: int
    end: int
    index: int


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        lines.append(Line(raw, pos, pos + len(raw), i))
        pos += len(raw) + 1
    return lines


# --- step 1 ----------------------------------------------------------------------------------


def clean_characters(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if "\t" in text:
        text = _tab_tables(text)
    text = text.replace("\t", " ").replace("\x0c", "\n")
    text = text.translate(_SPACES).translate(_ZERO_WIDTH).translate(_DASHES)
    return "".join(c for c in text if c == "\n" or unicodedata.category(c)[0] != "C")


def _tab_tables(text: str) -> str:
    """Twelfth pass: a table pasted from Word or a spreadsheet as text keeps its cells apart with tabs ("TT⇥Chỉ
    tiêu⇥Đơn vị tính⇥Năm 2030" / "1⇥Số hợp tác xã thành lập mới⇥HTX⇥1.200"); read as spaces, the row's number
    became a count ("1 … HTX"). Two lines or more in a row with three cells or more each become a "|" table (a
    header's two columns, one tab a line, are left to the header's reading)."""
    lines = text.split("\n")
    wide = [len([c for c in re.split(r"\t+", ln.strip()) if c.strip()]) >= 3 and "\t" in ln for ln in lines]
    for i, ln in enumerate(lines):
        if wide[i] and ((i and wide[i - 1]) or (i + 1 < len(lines) and wide[i + 1])):
            lines[i] = "| " + " | ".join(c.strip() for c in re.split(r"\t+", ln.strip())) + " |"
    return "\n".join(lines)


# --- steps 2-3 -------------------------------------------------------------------------------


def _is_rule_row(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\|?[\s:|-]*-{2,}[\s:|-]*\|?\s*", line))


def _cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return [c.strip() for c in stripped.split("|")]


def _tables(lines: list[str]) -> list[str]:
    """Expand ``|`` tables (see module docstring, step 3)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].count("|") >= 1 and (lines[i].strip().startswith("|") or lines[i].count("|") >= 2):
            rows: list[str] = []
            bordered = lines[i].strip().startswith("|")
            while i < len(lines) and lines[i].count("|") >= 1 and lines[i].strip():
                raw = lines[i].strip()
                if bordered and rows and not rows[-1].endswith("|") and not raw.startswith("|"):
                    # a bordered row hard-wrapped inside a cell ("| Số: 12/KH- " / "UBND | Hà Nam, ngày … |"): one row
                    rows[-1] = rows[-1] + " " + raw
                elif not _is_rule_row(raw):
                    rows.append(raw)
                i += 1
            block = [_cells(r) for r in rows]
            joined = "\n".join(" ".join(r) for r in block)
            width = max((len(r) for r in block), default=0)
            if LAYOUT_TABLE_HINT.search(joined) or width == 1:
                for col in range(width):
                    for row in block:
                        if col < len(row) and row[col]:
                            out.extend(part.strip() for part in re.split(r"<br\s*/?>", row[col]))
            else:
                for row in block:
                    if any(row):
                        out.append(" | ".join(row))
            continue
        out.append(lines[i])
        i += 1
    return out


def strip_markdown(line: str) -> str:
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"^\s*[*•·▪●◦+]\s+", "- ", line)
    line = re.sub(r"^\s*-\s*(?=\S)", "- ", line)
    line = line.replace("*", "")
    return line


# --- step 5 ----------------------------------------------------------------------------------

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
# a document number and symbol at the start of a line ("48/KH-UBND", "15/2020/NQ-HĐND"): a "Số:" line hard-wrapped
_NUMBER_SYMBOL_RE = re.compile(r"^\d+\s*/\s*(?:\d{4}\s*/\s*)?[A-ZĐ][A-ZĐa-zđ&]{0,5}\s*-\s*[A-ZĐ]")
_SUBJECT_LINE_RE = re.compile(r"^V\s*/\s*[vV](?=[\s:.,]|$)")
_ROMAN_HEAD_RE = re.compile(r"^(" + _ROMAN + r")\s*[-.)/:]\s*(?=\S)")
_ARABIC_MULTI_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\s*[.)/-]?\s*(?=\S)")
_ARABIC_RE = re.compile(r"^(\d{1,2})\s*(?:[.)/]|-(?!\d))\s*(?=[^\d\s.,%])")


def canonical_numbering(line: str) -> str:
    if _SUBJECT_LINE_RE.match(line):  # an official letter's "V/v …" (về việc: its subject), not heading V
        return line
    if _NUMBER_SYMBOL_RE.match(line):  # "48/KH-UBND" wrapped from its "Số:", not heading 48
        return line
    m = _ROMAN_HEAD_RE.match(line)
    if m and m.group(1):
        rest = line[m.end() :]
        # "I." followed by a lower-case word is not a heading ("I. là" never happens in plans)
        return f"{m.group(1)}. {rest}"
    m = _ARABIC_MULTI_RE.match(line)
    if m and not re.match(r"^\d{1,3}(?:\.\d{3})+", line) and line[m.end() :][:1].isupper():
        return f"{m.group(1)}. {line[m.end() :].lstrip()}"
    m = _ARABIC_RE.match(line)
    if m:
        return f"{m.group(1)}. {line[m.end() :].lstrip()}"
    return line


# --- step 6 ----------------------------------------------------------------------------------


def _place_date_start(line: str) -> int | None:
    """Index where a "<Place>, ngày … năm YYYY" element starts inside a longer line."""
    for m in re.finditer(r",\s*ngày\b", line):
        # walk back over capitalised words (the place name)
        words = line[: m.start()].split(" ")
        k = len(words)
        while k > 0 and len(words) - k < 7:
            w = words[k - 1]
            if w and w[0].isupper() and not is_upper_text(w) and len(words) - k < 5:
                k -= 1
            elif (
                # a place named with a dash between its parts: "Bà Rịa - Vũng Tàu", "Phan Rang - Tháp Chàm"
                w in ("-", "–")
                and k < len(words)
                and k >= 2
                and words[k - 2][:1].isupper()
                and not is_upper_text(words[k - 2])
            ):
                k -= 1
            else:
                break
        if k < len(words):
            start = len(" ".join(words[:k])) + (1 if k else 0)
            if start > 0:
                return start
    return None


# the type "KẾ HOẠCH" inside a flattened header line — not the name of an agency: "BỘ KẾ HOẠCH VÀ ĐẦU TƯ",
# "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "PHÒNG TÀI CHÍNH - KẾ HOẠCH" stay one agency line
AGENCY_KE_HOACH_RE = re.compile(r"^KẾ\s+HOẠCH\s+(?:VÀ|&|-)\s*ĐẦU\s+TƯ\b", re.IGNORECASE)
TITLE_IN_LINE_RE = re.compile(
    r"(?<![-–&]\s)(?<![-–&])(?<!BỘ\s)(?<!SỞ\s)\bKẾ\s+HOẠCH\b(?!\s+(?:VÀ|&|-)\s*(?:ĐẦU\s+TƯ\b|$))"
)


# the Quốc hiệu cut in two by a narrow column and its halves put beside the agency lines ("ỦY BAN NHÂN DÂN | CỘNG HÒA
# XÃ HỘI CHỦ", "TỈNH HÀ NAM NGHĨA VIỆT NAM"): its head from "CỘNG HÒA", its tail up to "VIỆT NAM" at the line's end
_QH_HEAD_RE = re.compile(r"(?<![\wÀ-ỹ])CỘNG\s+H(?:ÒA|OÀ|OA)(?:\s+X[ÃA](?:\s+HỘI(?:\s+CHỦ(?:\s+NGHĨA)?)?)?)?(?![\wÀ-ỹ])")
_QH_TAIL_RE = re.compile(r"(?<=\s)(?:(?:(?:H(?:ÒA|OÀ)\s+)?X[ÃA]\s+)?HỘI\s+)?(?:CHỦ\s+)?NGHĨA\s+VIỆT\s+NAM\s*\|?\s*$")


def _split_cut_quoc_hieu(part: str) -> list[str]:
    """"ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ TỈNH HÀ NAM NGHĨA VIỆT NAM" (the columns interleaved with the Quốc hiệu cut
    in two) → the agency lines and the two halves, each its own line; a whole Quốc hiệu is left to the other rules."""
    if ("CỘNG" not in part and "NGHĨA" not in part) or QUOC_HIEU_RE.search(part):
        return [part]
    h = _QH_HEAD_RE.search(part)
    t = _QH_TAIL_RE.search(part, h.end() if h else 0)
    cuts = sorted({0, len(part)} | ({h.start(), h.end()} if h else set()) | ({t.start()} if t else set()))
    return [part[a:b].strip(" |") for a, b in zip(cuts, cuts[1:], strict=False) if part[a:b].strip(" |")]


_QH_WORDS = " cong hoa xa hoi chu nghia viet nam "


def is_quoc_hieu_part(text: str) -> bool:
    """A piece of the Quốc hiệu on its own line ("CỘNG HÒA XÃ HỘI CHỦ", "NGHĨA VIỆT NAM"): two words or more of it,
    in order, in capitals (never an agency line)."""
    t = text.strip(" |")
    if ("NGHĨA" not in t and "CỘNG" not in t and "HỘI" not in t) or not is_upper_text(t):
        return False
    f = fold(t)
    return len(f.split()) >= 2 and f != "viet nam" and f" {f} " in _QH_WORDS


def split_header_line(line: str) -> list[str]:
    """Split a flattened header line into its elements (step 6)."""
    parts = [line]
    parts = [p for part in parts for p in _split_cut_quoc_hieu(part)]
    for regex in (QUOC_HIEU_RE, TIEU_NGU_RE, re.compile(r"\bSố\s*:"), TITLE_IN_LINE_RE):
        new = []
        for part in parts:
            m = regex.search(part)
            if m and m.start() > 0:
                new.extend([part[: m.start()].strip(), part[m.start() :].strip()])
            else:
                new.append(part)
        parts = new
    new = []
    for part in parts:
        # after the Quốc hiệu / tiêu ngữ the rest of the line is another element
        for regex in (QUOC_HIEU_RE, TIEU_NGU_RE):
            m = regex.match(part)
            if m and part[m.end() :].strip():
                new.extend([part[: m.end()].strip(), part[m.end() :].strip()])
                break
        else:
            new.append(part)
    parts = new
    new = []
    for part in parts:
        idx = _place_date_start(part)
        if idx:
            new.extend([part[:idx].strip(), part[idx:].strip()])
        else:
            new.append(part)
    parts = new
    new = []
    for part in parts:
        # "… năm 2024 KẾ HOẠCH …" and "KẾ HOẠCH Thực hiện …" (title in mixed case after the type)
        m = re.match(r"^(KẾ\s+HOẠCH)\s+(.+)$", part)
        if m and not is_upper_text(m.group(2)):
            new.extend([m.group(1), m.group(2)])
            continue
        m = re.match(r"^((?:[^,\d]{1,40},\s*)?ngày[\s\d/tháng]*năm\s+\d{4})\s+(\S.*)$", part)
        if m:
            new.extend([m.group(1), m.group(2)])
            continue
        new.append(part)
    new = [re.sub(r"^\|\s*|\s*\|$", "", p.strip()).strip() for p in new]
    return [p for p in new if p]


# "SỐ: 12/KH-UBND", "số: 12/KH-UBND" (a site's capitals or a typist's lower case) — the number's label
_SO_CASE_RE = re.compile(r"(?<![\w])SỐ(?=\s*:|\s*\d+\s*/)|(?:^|(?<=\|\s)|(?<=\|))số(?=\s*:|\s*\d+\s*/)")
# "BÌNH THUẬN, NGÀY 07 THÁNG 9 NĂM 2022": a place/date line in capitals (a site's style sheet kept as text);
# the place is up to five words (letters and the dot of "TP."), not glued to a symbol before it ("…/KH-UBND")
_UPPER_PLACE_DATE_RE = re.compile(
    r"(?<![\w/.-])((?:[A-ZĐÀ-Ỹ]+\.?\s+){0,4}[A-ZĐÀ-Ỹ]+),(\s*)NGÀY\b([\d\s/.-]*(?:THÁNG\b[\d\s]*)?(?:NĂM\b\s*\d{4})?)"
)


def _place_title(words: str) -> str:
    """"BÌNH THUẬN" → "Bình Thuận"; an abbreviation with its dot ("TP.") stays."""
    return " ".join(w if w.endswith(".") else w[:1] + w[1:].lower() for w in words.split())


def header_case(line: str) -> str:
    """A header line's label and place/date in the case the rules read: "SỐ:"/"số:" → "Số:", "BÌNH THUẬN, NGÀY 07
    THÁNG 9 NĂM 2022" → "Bình Thuận, ngày 07 tháng 9 năm 2022" (only in the header zone; agency lines keep their
    capitals)."""
    if "SỐ" in line or "số" in line:
        line = _SO_CASE_RE.sub("Số", line)
    if "NGÀY" not in line:
        return line
    return _UPPER_PLACE_DATE_RE.sub(lambda m: f"{_place_title(m.group(1))},{m.group(2)}ngày{m.group(3).lower()}", line)


def _is_place_words(text: str, most: int) -> bool:
    """One to ``most`` words written as a place name is ("Cao", "Thành phố Hồ", "TP. Hồ Chí"): each begins
    with a capital and is not all capitals (an agency line) unless it is an abbreviation with its dot ("TP."), and
    holds nothing but letters."""
    words = text.split(" ")
    return 0 < len(words) <= most and all(
        w[0].isupper() and w.rstrip(".").isalpha() and (any(c.islower() for c in w) or (w.endswith(".") and len(w) <= 4))
        for w in words
    )


def _place_wrapped_before(prev: str, line: str) -> bool:
    """"Cao" / "Bằng, ngày 09 tháng 10 năm 2018": a place name hard-wrapped by a website before its date line;
    the place, both parts together, is at most five words."""
    m = re.match(r"^([^,]{1,40}),\s*ngày\b", line)
    if not m or not _is_place_words(m.group(1).strip(), 4) or not _is_place_words(prev, 4):
        return False
    return len(prev.split(" ")) + len(m.group(1).split()) <= 5


def _join_header_wraps(lines: list[str]) -> list[str]:
    """Header lines as websites flatten or hard-wrap them: a stray "|" cell border at either end or
    alone, a "- -------" rule, "Số:" on its own line before the number, "<Nơi>, ngày" (or
    "… ngày 26") wrapped before the rest of the date ("tháng 8 năm 2021"), and a place name wrapped
    inside itself ("Hưng" / "Yên, ngày 18 tháng 02 năm 2022")."""
    out: list[str] = []
    for line in lines:
        line = re.sub(r"^\|\s*|\s*\|$", "", line).strip()
        if not line or re.fullmatch(r"[-\s|]*-{3,}[-\s|]*", line):
            continue
        if out and re.fullmatch(r"Số\s*:?", out[-1]):
            out[-1] = out[-1] + " " + line
            continue
        if out and (
            re.fullmatch(r"(?:BỘ|SỞ|PHÒNG)", out[-1])
            or (re.search(r"\bKẾ\s+HOẠCH$", out[-1]) and re.match(r"^(?:VÀ|&)\s*ĐẦU\s+TƯ\b", line))
        ):
            out[-1] = out[-1] + " " + line  # "BỘ" / "KẾ HOẠCH" / "VÀ ĐẦU TƯ": the ministry's name, not a plan's title
            continue
        if out and _place_wrapped_before(out[-1], line):
            out[-1] = out[-1] + " " + line
            continue
        if out and _date_cut(out[-1]) and re.match(r"^(?:\d|tháng\b|năm\b|[/.-]\s*\d)", line):
            out[-1] = out[-1] + " " + line
            continue
        if out and re.match(r"^ngày\s+\d", line) and _is_place_words(out[-1].rstrip(",").strip(), 5):
            out[-1] = out[-1].rstrip(",").strip() + ", " + line  # "Hà Nam," / "ngày 05 tháng 10 năm 2023"
            continue
        if out and _NUMBER_CUT_RE.match(out[-1]) and _symbol_rest(out[-1], line):
            out[-1] = out[-1] + line  # "Số: 12/" / "KH-UBND", "Số: 12/KH-" / "UBND", "Số: 12" / "/KH-UBND"
            continue
        out.append(line)
    return out


# a number line cut by a wrap: after the number ("Số: 12") or inside the symbol, after its "/" or a "-"
_NUMBER_CUT_RE = re.compile(r"^Số\s*:?\s*\d*\s*(?:/\s*(?:[\wĐđ&.]+\s*[/-]\s*)*|\d+)$")


def _symbol_rest(cut: str, line: str) -> bool:
    """``line`` goes on the symbol a wrap cut in ``cut``: "/KH-UBND" after "Số: 12", "KH-UBND" / "UBND" /
    "2011/NQ-HĐND" / "CTr-UBND" after "Số: 12/" or "Số: 12/KH-" (capitals and digits, or a word with its "-"/"/");
    never a place ("Hà Nam, ngày …")."""
    if cut[-1].isdigit():
        return bool(re.match(r"^/\s*[\dA-ZĐ]", line))
    token = line.split(" ")[0]
    return bool(re.match(r"^[\dA-ZĐ]", token)) and (not any(c.islower() for c in token) or bool(re.search(r"[/-]", token)))


def _date_cut(line: str) -> bool:
    """"Hà Nam, ngày 05 tháng" (a place/date line cut before its year): "ngày" with no year after it yet."""
    m = re.search(r"(?:^|,\s*)ngày\b(.*)$", line)
    return bool(m) and not re.search(r"\b(?:19|20)\d{2}\b", m.group(1)) and bool(re.fullmatch(r"[\s\d/.-]*(?:tháng[\s\d]*)?(?:năm\s*)?", m.group(1)))


# the first line of an official header: an agency in capitals ("ỦY BAN NHÂN DÂN", "UBND TỈNH …", "HỘI ĐỒNG NHÂN
# DÂN", "BỘ …", "SỞ …", "LIÊN MINH …", a Party committee) or the Quốc hiệu
AGENCY_START_RE = re.compile(
    r"^\|?\s*(?:(?:ỦY|UỶ)\s+BAN\b|UBND\b|HĐND\b|HỘI\s+ĐỒNG\b|BỘ\s|SỞ\s|LIÊN\s+MINH\b|HỘI\s|BAN\s|PHÒNG\s|CỤC\s"
    r"|CHI\s+CỤC\b|VĂN\s+PHÒNG\b|TRUNG\s+TÂM\b|THỦ\s+TƯỚNG\b|CHÍNH\s+PHỦ\b|(?:TỈNH|THÀNH|HUYỆN|ĐẢNG)\s+(?:ỦY|UỶ)\b"
    r"|ĐẢNG\s+BỘ\b|ĐẢNG\s+CỘNG\s+SẢN\b)"
)


_UNIT_WORDS = r"(?:[Tt]ỉnh|[Tt]hành phố|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường|[Tt]hị trấn|[Đđ]ặc khu)"
# the agency lines as typed (a .docx styled in capitals, a site that dropped the style): "Ủy ban nhân dân" /
# "tỉnh Hà Nam", "Hội đồng nhân dân tỉnh Hà Nam", "Bộ Kế hoạch và Đầu tư"
_AGENCY_TYPED_RE = re.compile(
    r"^(?:(?:(?i:(?:ủy|uỷ) ban nhân dân|hội đồng nhân dân|liên minh hợp tác xã)|UBND|HĐND)(?:\s+(?:" + _UNIT_WORDS[3:-1]
    + r"|[A-ZĐÀ-Ỹ][\wÀ-ỹ]*))*|(?:Bộ|Sở)\s+[A-ZĐ][\wÀ-ỹ ,-]*)$"
)
_UNIT_TYPED_RE = re.compile(r"^" + _UNIT_WORDS + r"(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,4}$")


def is_agency_as_typed(text: str, unit: bool = True) -> bool:
    """An agency line of a header in its typed case ("Ủy ban nhân dân", "Bộ Kế hoạch và Đầu tư") or, with
    ``unit``, the unit line under it ("tỉnh Hà Nam", "Thành phố Cần Thơ"): short, no figure, no sentence."""
    t = text.strip(" |")
    if not t or len(t) > 70 or re.search(r"[\d:;.?!]", t) or is_upper_text(t):
        return False
    return bool(_AGENCY_TYPED_RE.match(t) or (unit and _UNIT_TYPED_RE.match(t)))


def header_anchor(lines: list[str], most: int = 30) -> int:
    """Index of the line where the official header begins: its first agency line in capitals or, without one
    before it, the Quốc hiệu; 0 when neither is among the first ``most`` lines. The lines above it are the site's
    (name, breadcrumbs, "Cập nhật …", related documents with their own numbers and dates), never the header's; lines
    in capitals right above the first agency line are agency lines too (a province over its commune's committee)."""
    for i, line in enumerate(lines[:most]):
        if (
            QUOC_HIEU_RE.search(line)
            or (AGENCY_START_RE.match(line) and is_upper_text(line.split("|")[0]))
            or is_agency_as_typed(line.split("|")[0], unit=False)
        ):
            # lines in capitals right above it belong to it ("TỈNH QUẢNG NGÃI" over "ỦY BAN NHÂN DÂN XÃ SƠN HÀ")
            while i > 0 and is_upper_text(lines[i - 1]) and len(lines[i - 1]) < 120:
                i -= 1
            return i
    return 0


def _header_end(lines: list[str]) -> int:
    """Index of the first line that is surely body (a Roman heading or a Căn cứ/Thực hiện line); without one, the
    twelfth line after the header's first (site lines above it do not count)."""
    for i, line in enumerate(lines[:40]):
        if re.match(r"^(I|II)\.\s", line) or (i > 0 and re.match(r"^(Căn cứ|Thực hiện)\s", line)):
            return i
    return min(len(lines), 12 + header_anchor(lines))


# --- step 7 ----------------------------------------------------------------------------------

_STRUCTURAL_RE = re.compile(r"^(- |\d{1,2}(\.\d{1,2})*\. |[IVX]+\. |[a-zđ]\) |Nơi nhận|(TM|KT|TL|TUQ|Q)\. )")


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.;:!?]\s*[\"”’)]?$", line)) or line.endswith("./.")


def join_broken(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and line:
            prev = out[-1]
            first = line[0]
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and first.islower():
                out[-1] = prev[:-1] + line
                continue
            if (
                not _ends_sentence(prev)
                and (first.islower() or first in ",)")
                and not QUOC_HIEU_RE.fullmatch(prev)
                and not TIEU_NGU_RE.fullmatch(prev)
                and not _STRUCTURAL_RE.match(line)
                and not re.match(r"^[a-zđ]\)", line)
            ):
                out[-1] = prev + ("" if first in ",)" else " ") + line
                continue
        out.append(line)
    return out


# --- the header's words as the rules expect them --------------------------------------------------------------------

# "Quảng Ngãi, Ngày 10 tháng 03 năm 2026", "… NGÀY 10 THÁNG 3 NĂM 2026": the date line's words in lower case
_PLACE_DATE_CASE_RE = re.compile(
    r"^([^,;:.]{2,40},\s*)(ngày)(\s*\d{0,2}\s*)(tháng)(\s*\d{0,2}\s*)(năm)(\s*\d{4})", re.IGNORECASE
)
# "Sô: 123/KH-UBND", "Sổ: …", "Só: …" — "Số" as OCR and hurried typing leave it, before a number and a symbol
_NUMBER_WORD_RE = re.compile(r"^S[ôổỗóòọ](?=\s*:?\s*\d*\s*/\s*[A-ZĐ])")


def _header_words(line: str) -> str:
    """The header's words as the rules read them, the line's length unchanged: "Ngày/Tháng/Năm" of a place and
    date line in lower case, an OCR'd "Sô:" before a number and a symbol as "Số:"."""
    m = _PLACE_DATE_CASE_RE.match(line)
    if m and not (m.group(2) == "ngày" and m.group(4) == "tháng" and m.group(6) == "năm"):
        g = m.groups()
        line = g[0] + g[1].lower() + g[2] + g[3].lower() + g[4] + g[5].lower() + g[6] + line[m.end() :]
    if line[:1] == "S" and _NUMBER_WORD_RE.match(line):
        line = "Số" + line[2:]
    return line


# --- the whole pipeline ----------------------------------------------------------------------


def normalize(text: str) -> str:
    """Return the canonical text (see module docstring)."""
    text = clean_characters(text)
    # the Quốc hiệu and tiêu ngữ wrapped over two lines (narrow PDF/docx column) become one line each
    for regex in (QUOC_HIEU_RE, TIEU_NGU_RE):
        text = regex.sub(lambda m: "\n" + re.sub(r"\s+", " ", m.group(0)) + "\n", text)
    raw_lines = text.split("\n")
    raw_lines = _tables(raw_lines)
    lines = []
    for raw in raw_lines:
        line = strip_markdown(raw)
        line = re.sub(r"[ ]{2,}", " ", line).strip()
        if line:
            lines.append(line)
    lines = [_header_words(canonical_numbering(line)) for line in lines]
    end = _header_end(lines)
    head: list[str] = []
    for line in _join_header_wraps([header_case(line) for line in lines[:end]]):
        head.extend(split_header_line(line))
    lines = head + lines[end:]
    lines = [AUTHORITY_RE.sub(lambda m: m.group(1) + ". ", line) for line in lines]
    lines = join_broken(lines)
    lines = [re.sub(r"\s+([,;:.])(?=\s|$)", r"\1", re.sub(r"[ ]{2,}", " ", ln)).strip() for ln in lines]
    return "\n".join(ln for ln in lines if ln)
