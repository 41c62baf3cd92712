"""Header, title, legal bases, kind, period, signer and recipients.

Rules (all explainable from the ``fields`` provenance in the output):

* **issuer** — the header's agency lines (upper case, before ``KẾ HOẠCH``, not the Quốc hiệu),
  converted to official capitalisation. With two agency lines where the second is a complete
  agency (``SỞ …``, ``PHÒNG …``, ``HỘI …``), the first is the parent (``parent_issuer``). Without a
  header, the issuer is inferred from the preamble sentence "``<X> ban hành / xây dựng kế hoạch``"
  (``Thường trực`` dropped) and flagged ``unsure``; a bare "Ủy ban nhân dân tỉnh" is completed with
  the place ("Lai Châu"). A symbol ``KH-LMHTX``/``KH-UBND`` is used as a last resort. A sentence that
  reports on a plan ("UBND tỉnh vừa ban hành Kế hoạch …", "… ban hành Kế hoạch số 248/KH-UBND",
  "Ngày 14/10/2022, … ban hành Kế hoạch") is a newspaper's, not the plan's own preamble: it gives no
  issuer (a summary has none).
* **number/symbol** — ``Số: 567 /KH-LMHTX`` → 567, ``KH-LMHTX``; "KH - UBND" / "KH–UBND" → "KH-UBND";
  a blank draft number gives null; a Party document's "Số 12-NQ/TU" → 12, "NQ/TU".
* **issuer, more shapes** — a People's Committee or Council under another line ("TỈNH QUẢNG NGÃI / ỦY BAN
  NHÂN DÂN XÃ SƠN HÀ", communes after 01/07/2025) or above a province line ("… / XÃ SƠN HÀ / TỈNH QUẢNG NGÃI")
  is the issuer, the province its ``parent_issuer``; a Party committee is named as it signs ("ĐẢNG BỘ TỈNH
  QUẢNG TRỊ / TỈNH ỦY" → "Tỉnh ủy Quảng Trị", "ĐẢNG CỘNG SẢN VIỆT NAM" and "*" skipped); a unit name a website
  cut off ("… TỈNH THỪA THIÊN HU") or a header naming only the level ("ỦY BAN NHÂN DÂN TỈNH", or a bare agency
  over a bare "ỦY BAN NHÂN DÂN TỈNH" authority line) takes the unit from the place line, unsure, with a
  warning; "đặc khu" is a unit level; a mass organisation's national line ("HỘI NÔNG DÂN VIỆT NAM") is the
  parent of the body under it, whose signing organ ("BCH", "BAN THƯỜNG VỤ") is dropped.
* **place/date** — ``<Place>, ngày dd tháng mm năm yyyy``; a blank date gives null and the year is
  kept in ``year``. A place that differs from the issuer's unit name only by diacritics
  ("Ngọc Hôi" vs "Ngọc Hồi") is corrected with a warning.
* **title** — the lines after ``KẾ HOẠCH`` until a Căn cứ line, a preamble sentence ("… như sau:",
  "… ban hành Kế hoạch …") or a heading. A first line starting with "Thực hiện" is the title when it
  follows ``KẾ HOẠCH`` directly (seed 004). It ends before the deciding authority in capitals ("ỦY BAN NHÂN
  DÂN TỈNH …", "CHỦ TỊCH …"), a letter's "Kính gửi:" or "Phần thứ nhất". Without a ``KẾ HOẠCH`` line, the lines after a ``NGHỊ
  QUYẾT`` / ``QUYẾT ĐỊNH`` / ``CHƯƠNG TRÌNH`` / ``ĐỀ ÁN`` line below the number and date, up to the
  deciding authority ("HỘI ĐỒNG NHÂN DÂN TỈNH …,", "CHỦ TỊCH ỦY BAN NHÂN DÂN …"), the session or the
  first basis; its "NĂM 2021" or "GIAI ĐOẠN 2021 - 2025" gives the period like a plan's title.
* **legal bases** — every "Căn cứ …" / "Thực hiện …" reference in the preamble: kind (Quyết định,
  Kế hoạch, Công văn …), number ``1368/QĐ-UBND``, date, issuer ("của …"), title ("về việc …" with
  "về việc"/"về" dropped). ``relation`` is ``thuc_hien`` for "Thực hiện"; the first one is also
  ``implements``.
* **kind** — ``event`` (title names a conference/workshop/ceremony, or the plan has Thời gian +
  Địa điểm parts), ``implementing`` (title starts "Thực hiện"/"Triển khai"), ``phase`` (a year range),
  ``annual`` (one year), else ``other``.
* **period** — event day; "giai đoạn 2023 - 2025" → 2023-01-01/2025-12-31; "Thời gian thực hiện:
  Đến năm 2030" → issue year-01-01/2030-12-31; "năm 2024" → the year.
* **signer** — in the tail, lines ``TM./KT./Q./TL./TUQ.`` and upper-case titles are the authority
  lines; the last line that looks like a person's name is the name.
* **recipients** — the ``- …`` items after ``Nơi nhận:``; a line without the dash continues the
  previous item; the ``Lưu …`` item goes to ``filing``.
"""

from __future__ import annotations

import re

from . import agencies
from .model import Extraction, Field, LegalBasis, Signer
from .numbers import find_dates, iso
from .structure import PLACE_DATE_RE, Document, is_person_name, is_signer_line
from .text import (
    QUOC_HIEU_RE,
    TIEU_NGU_RE,
    Line,
    fold,
    header_anchor,
    is_agency_as_typed,
    is_quoc_hieu_part,
    is_upper_text,
)

DOC_KINDS = (
    "Bộ luật",
    "Luật",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư liên tịch",
    "Thông tư",
    "Kế hoạch",
    "Công văn",
    "Văn bản",
    "Chương trình",
    "Đề án",
    "Hướng dẫn",
    "Thông báo",
    "Kết luận",
    "Pháp lệnh",
)
_KIND_RE = re.compile(r"\b(" + "|".join(sorted(DOC_KINDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_DOCNUM_RE = re.compile(r"(?:số\s*)?(\d+[\w]*(?:/\d{4})?/[A-ZĐ][\wĐđ&]*(?:-[\wĐđ&]+)*)")
_ISSUE_VERB_RE = re.compile(r"\b(ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch)", re.IGNORECASE)
_EVENT_WORDS = (
    "hoi nghi",
    "hoi thao",
    "toa dam",
    "dien dan",
    "le ky niem",
    "le trao",
    "hoi cho",
    "tap huan",
    "giao luu",
    "hoi thi",
)


def _span(line: Line, start: int = 0, end: int | None = None) -> tuple[int, int]:
    return (line.start + start, line.start + (len(line.text) if end is None else end))


# --- header ------------------------------------------------------------------------------------


def read_header(doc: Document, ex: Extraction) -> None:
    agency_lines: list[Line] = []
    seen_number_or_date = date_read = False
    # a site's lines above the header (its name, "Thứ ba, ngày 06 tháng 01 năm 2026", related documents with their
    # own "Số: …" and dates) are not the header's: it begins at its first agency line or the Quốc hiệu
    anchor = header_anchor([ln.text for ln in doc.header])
    for line in doc.header[anchor:]:
        t = line.text
        if QUOC_HIEU_RE.search(t) or TIEU_NGU_RE.search(t) or _PARTY_MOTTO_RE.match(t) or is_quoc_hieu_part(t):
            continue
        m = _NUMBER_LINE_RE.match(t)
        if m:
            seen_number_or_date = True
            ex.number, ex.symbol = _number_symbol(m)
            ex.fields["number"] = Field(
                _span(line), "header: Số", ex.number is None, "số để trống (dự thảo)" if ex.number is None else ""
            )
            ex.fields["symbol"] = Field(_span(line), "header: Số")
            # "Số: 250/KH-UBND ngày 10 tháng 3 năm 2026": a date line without a place joined to the number's line
            for date, year, dm in find_dates(t[m.end() :]):
                if not date_read and re.match(r"\s*,?\s*ngày\b", t[m.end() : m.end() + dm.end()], re.IGNORECASE):
                    ex.date, ex.year, date_read = iso(date), year, True
                    ex.fields["date"] = Field(_span(line, m.end() + dm.start(), m.end() + dm.end()), "header: Số … ngày …")
                break
            continue
        # "Hà Nam, ngày 05 tháng 9 năm 2022" — or written in figures by a website: "Hà Nam, ngày 05/9/2022"
        if (re.search(r"\bngày\b.*\bnăm\s+\d{4}", t) or re.match(_PLACE_DATE_FIGURES, t)) and not _WEEKDAY_RE.match(t):
            seen_number_or_date = True
            # a decision with its plan attached: the header runs to the plan's "KẾ HOẠCH", so the decision's
            # "Căn cứ Luật … ngày 19 tháng 02 năm 2025;" is in it — a date in a sentence is no issue date once the
            # place and date line has given one
            if not date_read or PLACE_DATE_RE.match(t):
                _read_place_date(line, ex)
                date_read = True
            continue
        # the agency lines come before the number and date; upper-case lines after them are the
        # title, the deciding authority ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA") or a section heading
        if is_upper_text(t) and len(t) < 120 and not seen_number_or_date:
            agency_lines.append(line)
        elif not seen_number_or_date and (
            is_agency_as_typed(t) or (agency_lines and re.fullmatch(r"[Vv]à\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ ]{2,50}", t))
        ):
            # typed in its own case ("Ủy ban nhân dân" / "tỉnh Hà Nam", "Bộ Nông nghiệp" / "và Phát triển nông thôn"):
            # read like the capitals it is shown in
            agency_lines.append(Line(t.upper(), line.start, line.end, line.index))
    # a number or date given elsewhere in the first lines (no header table)
    if ex.symbol is None:
        for line in doc.preamble[:3]:
            m = _NUMBER_LINE_RE.match(line.text)
            if m:
                ex.number, ex.symbol = _number_symbol(m)
    if agency_lines and not seen_number_or_date and not any(_AGENCY_WORD_RE.search(ln.text) for ln in agency_lines):
        # a text without a header's number or date (a page's summary) whose upper-case lines name no agency: a
        # byline ("VŨ VĂN"), a date line ("30-8-2021, 14:15 GMT+7"), a site's section ("CHUYÊN MỤC") or ticker
        # ("BIDV") — no issuer is invented from them
        agency_lines = []
    if agency_lines and not seen_number_or_date:
        # twelfth pass: a page's headline in capitals names an agency only in passing ("CHÍNH PHỦ PHÊ DUYỆT CHIẾN LƯỢC
        # … GIAI ĐOẠN 2021 – 2030", "TOÀN TỈNH CÓ 931 TỔ HỢP TÁC VÀ 833 HỢP TÁC XÃ"): without a number or a date, only
        # the leading lines that look like an agency's (opening with its word, no figure, short) are the header's
        kept = []
        for ln in agency_lines:
            t = ln.text.strip()
            if re.search(r"\d", t) or len(t) > 80 or not _AGENCY_START_RE.match(t) or _HEADLINE_VERB_RE.search(t):
                break
            kept.append(ln)
        agency_lines = kept
    if agency_lines:
        _issuer_from_header(agency_lines, ex)
        _complete_cut_unit(ex)
    if ex.issuer and _BARE_COUNCIL_RE.fullmatch(ex.issuer):
        _complete_bare_issuer(doc, ex)
    if ex.number is None and ex.date is None:
        _warn_letters_lost(doc, ex)


# twelfth pass (fresh7's c294): a PDF whose text layer lost every letter of a legacy font ("TH TƯ NG CHÍNH PH", "C
# NG HOÀ XÃ H I CH NGHĨA VI T NAM", "c l p - T do - H nh phúc", "S : 135/1998/Q -TTg Hà N i, ngày …"): its number,
# place and issuer cannot be read back without guessing — the reader reads none and says why
_LETTERS_LOST_RE = re.compile(
    r"\bC\s+NG\s+H[OÒ]A\s+XÃ\s+H\s+I\b|\bc\s+l\s+p\s*-\s*T\s+do\s*-\s*H\s+nh\s+phúc|(?:^|\s)S\s+:\s*\d+\s*/"
)


def _warn_letters_lost(doc: Document, ex: Extraction) -> None:
    head = "\n".join(ln.text for ln in doc.lines[:40])[:4000]
    if ("NG HO" in head or " l p" in head or "S :" in head) and _LETTERS_LOST_RE.search(head):
        ex.warnings.append(
            "Lớp chữ của văn bản bị mất các chữ cái có dấu (ví dụ “C NG HOÀ XÃ H I CH NGHĨA”, “S : …”), thường do phông "
            "chữ cũ của tệp PDF: không đọc được số, ngày, nơi và cơ quan ban hành. Hãy tải lên bản .docx hoặc bản PDF "
            "đã nhận dạng chữ (OCR), hoặc nhập các trường này bằng tay."
        )


# a word that names an agency or its level, in an upper-case header line
_AGENCY_WORD_RE = re.compile(
    r"\b(?:ỦY|UỶ|UBND|HĐND|HỘI|BAN|BỘ|SỞ|PHÒNG|CỤC|CHI CỤC|TỔNG CỤC|LIÊN MINH|LIÊN HIỆP|LIÊN ĐOÀN|ĐOÀN|ĐẢNG|TỈNH ỦY"
    r"|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|CHÍNH PHỦ|THỦ TƯỚNG|VĂN PHÒNG|TRUNG TÂM|THƯỜNG TRỰC|MẶT TRẬN"
    r"|QUỸ|VIỆN|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|BCH|BTV|LMHTX|HTX)\b"
)


# the word an agency's header line opens with (a summary's lines in capitals: see ``read_header``)
_AGENCY_START_RE = re.compile(
    r"(?:ỦY|UỶ|UBND|HĐND|HỘI|BAN|BỘ|SỞ|PHÒNG|CỤC|CHI CỤC|TỔNG CỤC|LIÊN MINH|LIÊN HIỆP|LIÊN ĐOÀN|ĐOÀN|ĐẢNG|TỈNH ỦY"
    r"|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|CHÍNH PHỦ|THỦ TƯỚNG|VĂN PHÒNG|TRUNG TÂM|THƯỜNG TRỰC|MẶT TRẬN"
    r"|QUỸ|VIỆN|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|BCH|BTV|LMHTX|CHỦ TỊCH|TRƯỜNG|HỢP TÁC XÃ"
    r"|TỔNG LIÊN ĐOÀN|CÔNG TY|NGÂN HÀNG|KHO BẠC)\b"
)
# … and the verbs of a headline, which no agency's name holds
_HEADLINE_VERB_RE = re.compile(
    r"\b(?:CÓ|ĐÃ|SẼ|VỪA|PHÊ DUYỆT|BAN HÀNH|PHẤN ĐẤU|ĐẶT|THÔNG QUA|TRIỂN KHAI|ĐẠT|TỔ CHỨC|HƯỚNG TỚI|KÝ)\b"
)


# "Số: 2949/KH-UBND"; websites and typists also write "KH - UBND", "KH– UBND": a part after a spaced
# dash is upper case ("Số: 12/KH-UBND - Hà Nội" is not read as one symbol), and ``_symbol`` joins them
# the issuing bodies' codes that close a symbol ("…-UBND"): a text layer that lost the hyphen ("QĐUBND") or turned it
# into a space ("QĐ UBND") is put back only when what follows the kind is one of them
_SYMBOL_KINDS = r"(?:QĐ|KH|NQ|CTr|CT|BC|TB|TTr|HD|ĐA|KL|QC|CV)"
_SYMBOL_CODES = r"(?:UBND|HĐND|LMHTX|BNN|BKHĐT|SKHĐT|SNN|TTg|CP|HND|BCĐ|BTC|STC|SCT|BCT|MTTQ)"
_LOST_HYPHEN_RE = re.compile(r"^((?:\d{4}/)?" + _SYMBOL_KINDS + r")(" + _SYMBOL_CODES + r"(?:-.*)?)$")
_NUMBER_LINE_RE = re.compile(
    r"^Số\s*:?\s*(\d*)\s*/\s*((?:\d{4}\s*/\s*)?[A-ZĐ][\wĐđ&.-]*(?:(?:\s*[-–—]\s*|(?<=-)\s+|\s+(?="
    + _SYMBOL_CODES
    + r"(?![\w])))[A-ZĐ0-9][A-ZĐ0-9&.]*(?![\w]))*)"
    # a Party document numbers itself "Số 12-NQ/TU" (number, hyphen, kind/committee): symbol "NQ/TU"
    r"|^Số\s*:?\s*(\d+)\s*-\s*([A-ZĐ]{1,6}/[A-ZĐ]{1,8}(?:/[A-ZĐ]{1,8})?)\b"
)
# the Party's line in the place of the Quốc hiệu, and the "*" under a Party committee's name
_PARTY_MOTTO_RE = re.compile(r"^\s*ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM\s*$|^\s*\*+\s*$", re.IGNORECASE)


def _number_symbol(m: re.Match) -> tuple[int | None, str]:
    """(number, symbol) of a "Số: 12/KH-UBND" or a Party's "Số 12-NQ/TU" line."""
    if m.group(3):
        return int(m.group(3)), m.group(4)
    return (int(m.group(1)) if m.group(1) else None), _symbol(m.group(2))


def _symbol(written: str) -> str:
    """A symbol as the register writes it: "KH - UBND" / "KH–UBND" / "KH UBND" / "KHUBND" → "KH-UBND", "2011/ NQ-HĐND"
    → "2011/NQ-HĐND" (a lost hyphen is put back only between a kind and a known body's code)."""
    symbol = re.sub(r"\s+", "-", re.sub(r"\s*/\s*", "/", re.sub(r"\s*[-–—]\s*", "-", written.strip()))).strip(".-")
    m = _LOST_HYPHEN_RE.match(symbol)
    return f"{m.group(1)}-{m.group(2)}" if m else symbol


# a site's top bar dates the page, "Thứ ba, ngày 06 tháng 01 năm 2026": a weekday is never the document's place
_WEEKDAY_RE = re.compile(r"^\W*(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|Chủ\s+nhật)\b", re.IGNORECASE)
_PLACE_DATE_FIGURES = r"^[^,;:.]{2,40},\s*ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}\b"
_LEVEL = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
# "ỦY BAN NHÂN DÂN" alone, or with its level but not its unit's name ("ỦY BAN NHÂN DÂN TỈNH")
_BARE_COUNCIL_RE = re.compile(r"(?:(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân)(?:\s+" + _LEVEL + r")?", re.IGNORECASE)
_AUTHORITY_RE = re.compile(
    r"^(?:CHỦ TỊCH\s+)?((?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(" + _LEVEL.upper()[3:-1] + r")\s+([^,;:]+?)\s*,?$"
)
_BODY_COUNCIL_RE = re.compile(
    r"\b((?:Ủy|Uỷ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+("
    + _LEVEL[3:-1]
    + r")(?:\s+((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\wÀ-ỹ]*\s?){1,4}))?"
)


def _complete_bare_issuer(doc: Document, ex: Extraction) -> None:
    """A header that names only "ỦY BAN NHÂN DÂN" (the province line lost when a website flattened
    the header): the unit comes from the deciding-authority line under the title ("ỦY BAN NHÂN DÂN
    TỈNH THANH HÓA", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG"), else from the body ("Ủy ban nhân dân
    tỉnh Bình Thuận xây dựng …", "Ủy ban nhân dân quận" + the place), else from the place named with its
    level in the first lines ("… huyện Bình Lục năm 2024"). Marked unsure; left bare (and unsure, with a
    warning) when nothing names the unit."""
    council = "Hội đồng nhân dân" if fold(ex.issuer).startswith("hoi") else "Ủy ban nhân dân"
    known = ex.issuer[len(council) :].strip().lower()  # "tỉnh" when the header names the level only
    for line in doc.lines[:25]:
        m = _AUTHORITY_RE.match(line.text.strip())
        if m and fold(m.group(1)).startswith(fold(council)[:3]) and (not known or m.group(2).lower() == known):
            name = agencies.header_to_name(f"{m.group(1)} {m.group(2)} {m.group(3)}")
            name = council + name[len(council) :]
            _set_inferred_issuer(ex, name, (line.start, line.end), "dòng thẩm quyền ban hành dưới tiêu đề")
            return
    for line in doc.lines[:40]:
        for m in _BODY_COUNCIL_RE.finditer(line.text):
            if fold(m.group(1))[:3] not in (fold(council)[:3], "ubn" if council.startswith("Ủy") else "hdn"):
                continue
            level, unit = m.group(2), (m.group(3) or "").strip()
            if known and level.lower() != known:
                continue
            if not unit or fold(unit).split(" ")[0] in ("xay", "ban", "ve", "da", "thuc", "tinh", "huyen"):
                unit = ex.place or ""
            if not unit:
                continue
            name = f"{council} {level} {unit}"
            _set_inferred_issuer(ex, name, (line.start + m.start(), line.start + m.end()), "nội dung văn bản")
            return
    # the header names the level ("ỦY BAN NHÂN DÂN TỈNH", the unit's line lost or glued by a website), or the
    # deciding-authority line does ("ỦY BAN NHÂN DÂN TỈNH" under the title), and the place line names the
    # unit: "Thừa Thiên Huế, ngày …"
    if not known:
        bare_level = re.compile(
            r"^(?:CHỦ TỊCH\s+)?(?:(?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(" + _LEVEL.upper()[3:-1] + r")\s*,?$"
        )
        for line in doc.lines[:25]:
            m = bare_level.match(line.text.strip())
            if m and fold(line.text.strip()).replace("chu tich ", "").startswith(fold(council)):
                known = m.group(1).lower()
                break
    if known and ex.place:
        place_field = ex.fields.get("place", Field())
        _set_inferred_issuer(ex, f"{council} {known} {ex.place}", place_field.span, "địa danh ở dòng ngày tháng")
        return
    # the place with its level named anywhere in the first lines ("Phát triển HTX huyện Bình Lục năm 2024"
    # under "Bình Lục, ngày …"): the unit whose People's Committee or Council wrote it
    if ex.place:
        level_place = re.compile(
            r"\b(" + _LEVEL[3:-1] + r")\s+" + re.escape(ex.place) + r"(?![\wÀ-ỹ])", re.IGNORECASE
        )
        for line in doc.lines[:40]:
            m = level_place.search(line.text)
            if m:
                name = f"{council} {m.group(1).lower()} {ex.place}"
                _set_inferred_issuer(ex, name, (line.start + m.start(), line.start + m.end()), "địa danh trong văn bản")
                return
    # nothing names the unit: keep the bare name, flagged for the reviewer
    old = ex.fields.get("issuer", Field())
    ex.fields["issuer"] = Field(old.span, old.rule + " (bare)", True, "tiêu đề không ghi tên đơn vị hành chính")
    ex.warnings.append("Tiêu đề văn bản không ghi tên đơn vị hành chính của cơ quan ban hành; hãy chọn cơ quan ban hành.")


def _complete_cut_unit(ex: Extraction) -> None:
    """A header whose unit name a website cut off ("ỦY BAN NHÂN DÂNTỈNH THỪA THIÊN HU") under a place line
    that names it whole ("Thừa Thiên Huế, ngày …"): the unit's name is the place's, marked unsure with a
    warning. A name that is not the beginning of the place's ("Quảng Trị" under "Đông Hà") is left alone."""
    if not ex.issuer or not ex.place:
        return
    m = re.search(r"\b" + _LEVEL + r"\s+(.+)$", ex.issuer)
    if not m:
        return
    unit, place = m.group(1).strip(), ex.place.strip()
    if len(fold(unit)) < 2 or len(unit) >= len(place) or not fold(place).startswith(fold(unit)):
        return
    ex.issuer = ex.issuer[: m.start(1)] + place
    old = ex.fields.get("issuer", Field())
    ex.fields["issuer"] = Field(
        old.span, old.rule + " (unit completed from the place)", True, f"tiêu đề ghi “{unit}”, bị cắt; lấy theo địa danh"
    )
    ex.warnings.append(
        f"Tên đơn vị hành chính trong tiêu đề (“{unit}”) bị cắt; đã lấy theo địa danh “{place}”, hãy kiểm tra."
    )


def _set_inferred_issuer(ex: Extraction, name: str, span: tuple[int, int], where: str) -> None:
    ex.issuer = name
    ex.fields["issuer"] = Field(
        span,
        f"header: bare agency line completed from {where}",
        True,
        f"tiêu đề chỉ ghi “{ex.issuer.split(' ')[0]} …”; tên đơn vị lấy từ {where}",
    )
    ex.warnings.append(
        "Tiêu đề văn bản không ghi tên đơn vị hành chính của cơ quan ban hành; đã suy ra từ " + where + "."
    )


def _read_place_date(line: Line, ex: Extraction) -> None:
    t = line.text
    m = re.match(r"^(.*?),\s*ngày", t)
    if m and m.group(1).strip():
        ex.place = m.group(1).strip()
        ex.fields["place"] = Field(_span(line, 0, m.end(1)), "header: <nơi>, ngày …")
    for date, year, dm in find_dates(t):
        ex.date = iso(date)
        ex.year = year
        ex.fields["date"] = Field(
            _span(line, dm.start(), dm.end()),
            "header: ngày … tháng … năm …",
            date is None,
            "ngày để trống (dự thảo)" if date is None else "",
        )
        break


_PARTY_COMMITTEE_RE = re.compile(
    r"^(?:(BAN THƯỜNG VỤ|BAN CHẤP HÀNH)\s+)?(TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)(?:\s+(.+))?$"
)
_PARTY_BRANCH_RE = re.compile(r"^ĐẢNG BỘ\s+(.+)$")


def _party_issuer(texts: list[str]) -> tuple[str, str | None] | None:
    """(issuer, parent) of a Party committee's header: "ĐẢNG BỘ TỈNH QUẢNG TRỊ / TỈNH ỦY" → "Tỉnh ủy Quảng Trị";
    "TỈNH ỦY QUẢNG TRỊ" → the same; "ĐẢNG BỘ TỈNH QUẢNG NGÃI / ĐẢNG ỦY XÃ SƠN HÀ" → "Đảng ủy xã Sơn Hà" under
    "Đảng bộ tỉnh Quảng Ngãi"; "BAN THƯỜNG VỤ TỈNH ỦY" → "Ban Thường vụ Tỉnh ủy Quảng Trị". None for another
    header."""
    committee = next((m for t in reversed(texts) if (m := _PARTY_COMMITTEE_RE.match(t.strip()))), None)
    if committee is None:
        return None
    branch = next((m for t in texts if (m := _PARTY_BRANCH_RE.match(t.strip()))), None)
    branch_unit = agencies.header_to_name(branch.group(1)) if branch else ""  # "tỉnh Quảng Trị"
    kind = committee.group(2)
    body = {"TỈNH": "Tỉnh ủy", "THÀNH": "Thành ủy", "HUYỆN": "Huyện ủy", "QUẬN": "Quận ủy", "THỊ": "Thị ủy"}.get(
        kind, "Đảng ủy"
    )
    board = {"BAN THƯỜNG VỤ": "Ban Thường vụ ", "BAN CHẤP HÀNH": "Ban Chấp hành "}.get(committee.group(1) or "", "")
    own = committee.group(3)
    if own:
        unit = agencies.header_to_name(own)
        if kind != "ĐẢNG" and not re.match(_LEVEL, unit):
            unit = unit.title() if own.isupper() else unit
    else:
        unit = branch_unit
    if kind != "ĐẢNG":  # "Tỉnh ủy Quảng Trị": the level is in the committee's name
        unit = re.sub(r"^" + _LEVEL + r"\s+", "", unit)
    if not unit:
        return None
    parent = f"Đảng bộ {branch_unit}" if kind == "ĐẢNG" and branch_unit and fold(branch_unit) != fold(unit) else None
    return f"{board}{body} {unit}", parent


# a mass organisation's national line above its provincial (or lower) body: "HỘI NÔNG DÂN VIỆT NAM / BCH HỘI
# NÔNG DÂN TỈNH LAI CHÂU", "LIÊN MINH HTX VIỆT NAM / LIÊN MINH HTX TỈNH …", "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM / …"
_NATIONAL_ORG_RE = re.compile(r"^(?:HỘI|LIÊN MINH|ĐOÀN|TỔNG LIÊN ĐOÀN)\b.*\bVIỆT NAM$|^ĐOÀN TNCS HỒ CHÍ MINH$")
# the organ that signs for the organisation ("BCH", "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ"): the organisation is the
# issuer the portal knows ("Hội Nông dân tỉnh Lai Châu")
_ORGAN_RE = re.compile(r"^(?:BCH|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|BTV)\s*(?=(?:HỘI|LIÊN MINH|ĐOÀN|TỈNH ĐOÀN)\b|$)")
_ORG_ABBREVIATIONS = (("HỘI LHPN", "HỘI LIÊN HIỆP PHỤ NỮ"), ("HỘI ND ", "HỘI NÔNG DÂN "), ("LIÊN MINH HTX", "LIÊN MINH HỢP TÁC XÃ"))


def _organisation_issuer(texts: list[str]) -> tuple[str, str | None] | None:
    """(issuer, parent) of a mass organisation's header: its national line is the parent, the organ's prefix
    is dropped ("HỘI NÔNG DÂN VIỆT NAM / BCH HỘI NÔNG DÂN TỈNH LAI CHÂU" → "Hội Nông dân tỉnh Lai Châu" under
    "Hội Nông dân Việt Nam"; "HỘI NÔNG DÂN TỈNH LAI CHÂU / BAN THƯỜNG VỤ" → "Hội Nông dân tỉnh Lai Châu"). None
    for another header."""
    parent = None
    rest = [t.strip() for t in texts]
    if len(rest) >= 2 and _NATIONAL_ORG_RE.match(rest[0]):
        parent, rest = agencies.header_to_name(rest[0]), rest[1:]
    elif len(rest) >= 2 and _ORGAN_RE.fullmatch(rest[-1]) and re.match(r"^(?:HỘI|LIÊN MINH|TỈNH ĐOÀN)\b", rest[0]):
        rest = rest[:-1]  # "HỘI NÔNG DÂN TỈNH LAI CHÂU / BAN THƯỜNG VỤ"
    else:
        return None
    name = _ORGAN_RE.sub("", " ".join(rest)).strip()
    for short, whole in _ORG_ABBREVIATIONS:
        name = name.replace(short, whole)
    if not name or not re.match(r"^(?:HỘI|LIÊN MINH|ĐOÀN|TỈNH ĐOÀN|TỔNG LIÊN ĐOÀN)\b", name):
        return None
    return agencies.header_to_name(name), parent


def _issuer_from_header(lines: list[Line], ex: Extraction) -> None:
    texts = [ln.text for ln in lines]
    span = (lines[0].start, lines[-1].end)
    party = _party_issuer(texts)
    if party:
        ex.issuer, ex.parent_issuer = party
        ex.fields["issuer"] = Field(span, "header: Party committee lines")
        return
    organisation = _organisation_issuer(texts)
    if organisation:
        ex.issuer, ex.parent_issuer = organisation
        ex.fields["issuer"] = Field(span, "header: organisation lines (national line, organ dropped)")
        return
    org_start = re.compile(r"^(SỞ|PHÒNG|HỘI|BAN|LIÊN MINH|TRUNG TÂM|VĂN PHÒNG|THƯỜNG TRỰC|CHI CỤC|CỤC)\b")
    # a commune's committee under the line of its (new) province: "TỈNH QUẢNG NGÃI / ỦY BAN NHÂN DÂN XÃ SƠN HÀ",
    # "UBND TỈNH QUẢNG NGÃI / UBND XÃ SƠN HÀ": the committee is the issuer, the province line its parent
    council_at = next(
        (i for i, t in enumerate(texts) if i and re.match(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\b", t)),
        None,
    )
    # "ỦY BAN NHÂN DÂN / XÃ SƠN HÀ / TỈNH QUẢNG NGÃI": the province line under a commune's name is its parent
    below = re.compile(r"\b(?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|HUYỆN|QUẬN|THỊ XÃ)\s+\S")
    if (
        council_at is None
        and len(texts) >= 2
        and re.match(r"^(?:TỈNH|THÀNH PHỐ)\s+\S", texts[-1])
        and below.search(" ".join(texts[:-1]))
        and re.match(r"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\b", texts[0])
    ):
        parent = agencies.header_to_name(texts[-1])
        ex.parent_issuer = parent[:1].upper() + parent[1:]
        ex.issuer = agencies.header_to_name(" ".join(texts[:-1]))
        ex.fields["issuer"] = Field((lines[0].start, lines[-2].end), "header: agency lines (province line below)")
        return
    if council_at is not None:
        parent = agencies.header_to_name(" ".join(texts[:council_at]))
        ex.parent_issuer = parent[:1].upper() + parent[1:]
        ex.issuer = agencies.header_to_name(" ".join(texts[council_at:]))
        ex.fields["issuer"] = Field(
            (lines[council_at].start, lines[-1].end), "header: People's Committee or Council (province line above)"
        )
        return
    if len(texts) >= 2 and org_start.match(texts[-1]):
        ex.parent_issuer = agencies.header_to_name(" ".join(texts[:-1]))
        ex.issuer = agencies.header_to_name(texts[-1])
        ex.fields["issuer"] = Field((lines[-1].start, lines[-1].end), "header: agency line (parent above)")
        return
    ex.issuer = agencies.header_to_name(" ".join(texts))
    ex.fields["issuer"] = Field(span, "header: agency lines")


# A sentence *about* a plan, as a newspaper or a portal writes it, names the agency that issued that plan,
# not the author of the text being read: "UBND tỉnh vừa ban hành Kế hoạch …", "Ngày 14/10/2022, Ủy ban
# nhân dân tỉnh Quảng Ninh ban hành Kế hoạch số 248/KH-UBND …", "UBND tỉnh Bình Định ban hành Kế hoạch
# số 141, ngày 30/7/2024", "UBND thành phố Hà Nội vừa có Quyết định 4010/QĐ-UBND về ban hành kế hoạch".
# A plan's own preamble speaks in its own voice and does not number itself: "Ủy ban nhân dân huyện Sơn
# Hà xây dựng kế hoạch … như sau:".
_REPORTED_BEFORE_RE = re.compile(r"\b(?:vừa|đã|mới|cũng|sẽ|chính thức)\s*$|\d|/", re.IGNORECASE)
_REPORTED_AFTER_RE = re.compile(r"^\s*(?:số\s*)?\d", re.IGNORECASE)
_DATED_SENTENCE_RE = re.compile(r"(?:^|[.;]\s+)(?:Ngày|Vào ngày|Hôm)\s+\d{1,2}(?:/|\s+tháng)", re.IGNORECASE)
# a sentence a newspaper links to the one before: "Theo đó, Hội LHPN Việt Nam ban hành kế hoạch triển khai …"
_LINKED_SENTENCE_RE = re.compile(
    r"(?:^|[.;]\s+)(?:Theo\s+đó|Sau\s+đó|Tiếp\s+đó|Trước\s+đó|Được\s+biết|Cùng\s+với\s+đó|Bên\s+cạnh\s+đó)\s*,",
    re.IGNORECASE,
)


_CITED_NUMBER_RE = re.compile(r"\bsố\s*:?\s*\d+(?:/\d{4})?/(?:KH|QĐ|NQ|CTr|ĐA|CT)[-–]?[A-ZĐ]", re.IGNORECASE)


def _reports_on_a_plan(line_text: str, name_start: int, verb: re.Match) -> bool:
    """True when "<X> ban hành Kế hoạch" is a sentence about a plan (a news summary), not the plan's
    own preamble: a verb of news before it ("vừa/đã ban hành"), a number after "Kế hoạch" ("Kế hoạch
    số 248/KH-UBND", "Kế hoạch số 141"), a date opening the sentence ("Ngày 14/10/2022, …"), or a
    name that holds a number (the decision that issued the plan), or a sentence linked to the one before
    ("Theo đó, <X> ban hành kế hoạch triển khai …")."""
    name = line_text[name_start : verb.start()]
    if _REPORTED_BEFORE_RE.search(name):
        return True
    if _REPORTED_AFTER_RE.match(line_text[verb.end() :]):
        return True
    sentence_start = max(line_text.rfind(". ", 0, name_start), line_text.rfind("; ", 0, name_start))
    sentence_end = line_text.find(". ", verb.end())
    # the plan cited by its number further in the sentence: "UBND tỉnh ban hành Kế hoạch triển khai … (Kế hoạch
    # số 33/KH-UBND, ngày 11/2/2019)." — a plan's own preamble does not cite its own number
    if _CITED_NUMBER_RE.search(line_text, verb.end(), sentence_end if sentence_end >= 0 else len(line_text)):
        return True
    return bool(
        _DATED_SENTENCE_RE.match(line_text, max(sentence_start, 0))
        or _LINKED_SENTENCE_RE.match(line_text, max(sentence_start, 0))
    )


def issuer_from_body(doc: Document, ex: Extraction) -> None:
    """Infer the issuer from "<X> ban hành/xây dựng kế hoạch" when the header has none — never from a
    sentence that reports on a plan (``_reports_on_a_plan``): a summary published by a newspaper
    has no issuer of its own."""
    candidates = doc.preamble + [ln for ln in doc.lines[:60] if ln not in doc.preamble]
    for line in candidates:
        m = _ISSUE_VERB_RE.search(line.text)
        if not m:
            continue
        before = line.text[: m.start()]
        cut = max(before.rfind(";"), before.rfind(","), before.rfind(". "), before.rfind(":"))
        name = before[cut + 1 :].strip()
        start = line.start + cut + 1 + (len(before[cut + 1 :]) - len(before[cut + 1 :].lstrip()))
        if _reports_on_a_plan(line.text, start - line.start, m):
            continue
        name = re.sub(r"^Thường trực\s+", "", name)
        if not name or not agencies.looks_like_agency(name):
            continue
        name = agencies.tidy(name)
        note = "suy ra từ câu “… ban hành/xây dựng kế hoạch” vì văn bản không có tiêu đề cơ quan"
        if re.search(r"\b(tỉnh|huyện|Huyện|xã|thành phố|thị xã)$", name):
            if ex.place:
                name = f"{name} {ex.place}"
                note += f"; tên địa phương lấy từ địa danh “{ex.place}”"
            elif not ex.title:
                # twelfth pass (fresh7's c270): a page serving a plan's opening paragraph, with neither header nor
                # title ("…, Ủy ban nhân dân tỉnh xây dựng Kế hoạch triển khai …"): a level without its unit, in a
                # text that is not the document itself, names no agency — no issuer rather than a guessed one
                ex.warnings.append(
                    f"Văn bản ghi “{name}” xây dựng kế hoạch nhưng không nêu tên đơn vị hành chính; "
                    "hãy chọn cơ quan ban hành."
                )
                return
            else:
                name = re.sub(r"Huyện$", "huyện", name)
                note += "; văn bản không nêu tên địa phương"
                ex.warnings.append("Không tìm thấy tên đơn vị hành chính của cơ quan ban hành.")
        ex.issuer = name
        ex.fields["issuer"] = Field(
            (start, line.start + len(before.rstrip())), "body: “<cơ quan> ban hành/xây dựng kế hoạch”", True, note
        )
        ex.warnings.append("Văn bản không có tiêu đề cơ quan ban hành; cơ quan ban hành được suy ra từ nội dung.")
        return
    if ex.symbol:
        suffix = ex.symbol.split("-")[-1]
        names = {"UBND": "Ủy ban nhân dân", "LMHTX": "Liên minh Hợp tác xã", "HND": "Hội Nông dân"}
        if suffix in names:
            ex.issuer = names[suffix] + (f" {ex.place}" if ex.place else "")
            ex.fields["issuer"] = Field(None, "symbol suffix", True, f"suy ra từ ký hiệu {ex.symbol}")


def check_place(ex: Extraction) -> None:
    """Correct a place that differs from the issuer's unit name only by diacritics (seed 001)."""
    if not ex.place or not ex.issuer:
        return
    m = re.search(r"\b(?:tỉnh|huyện|xã|thành phố|thị xã|thị trấn|quận|phường)\s+(.+)$", ex.issuer)
    if not m:
        return
    unit = m.group(1).strip()
    if fold(unit) == fold(ex.place) and unit != ex.place:
        ex.warnings.append(f"Địa danh “{ex.place}” khác tên cơ quan ban hành “{unit}”; đã sửa thành “{unit}”.")
        old = ex.fields.get("place", Field())
        ex.fields["place"] = Field(
            old.span, old.rule + " (sửa theo tên cơ quan ban hành)", True, f"văn bản ghi “{ex.place}”"
        )
        ex.place = unit


# --- title ------------------------------------------------------------------------------------


# the title line of a document that is not a KẾ HOẠCH: a resolution, decision, programme, scheme
# ("QUYẾT ĐỊNH:" with its colon is the operative word of a decision, not its title line)
_KIND_TITLE_RE = re.compile(r"^(?:NGHỊ QUYẾT|QUYẾT ĐỊNH|CHỈ THỊ|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|ĐỀ ÁN)(?!\s*:)\s*(?P<rest>.*)$")
# what ends a title in any document: the deciding authority in capitals under it ("ỦY BAN NHÂN DÂN TỈNH
# QUẢNG TRỊ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG"), a letter's "Kính gửi:", a part heading "Phần thứ
# nhất" (case-sensitive: a title line never opens with these)
_TITLE_END_RE = re.compile(
    r"^(?:(?:CHỦ TỊCH\s+)?(?:ỦY|UỶ) BAN NHÂN DÂN\b|HỘI ĐỒNG NHÂN DÂN\b|CHỦ TỊCH\b|BỘ TRƯỞNG\b|THỦ TƯỚNG\b"
    r"|KHÓA\b|KHOÁ\b|Kính gửi\b|Phần thứ\b|PHẦN THỨ\b)"
)
# what follows the trích yếu: the deciding authority ("HỘI ĐỒNG NHÂN DÂN TỈNH TRÀ VINH,", "CHỦ TỊCH ỦY
# BAN NHÂN DÂN TỈNH …"), the session ("KHÓA IX - KỲ HỌP THỨ 18"), the bases and the operative words
_AFTER_TITLE_RE = re.compile(
    r"^(?:(?:CHỦ TỊCH\s+)?(?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BỘ TRƯỞNG|CHỦ TỊCH|THỦ TƯỚNG|KHÓA|KHOÁ|KỲ HỌP"
    r"|QUYẾT NGHỊ|QUYẾT ĐỊNH\s*:|Căn cứ|Thực hiện|Xét|Theo đề nghị|Sau khi)",
    re.IGNORECASE,
)


def _read_kind_title(doc: Document, ex: Extraction) -> None:
    """No "KẾ HOẠCH" line: the title of a resolution or decision ("NGHỊ QUYẾT" / "VỀ NHIỆM VỤ PHÁT TRIỂN
    KINH TẾ - XÃ HỘI TỈNH TRÀ VINH NĂM 2021"), the lines after its kind line up to the deciding
    authority, the session or the first basis. Only after the header's number or date, so an agency
    line is never taken."""
    after = max((f.span[1] for k in ("number", "date") if (f := ex.fields.get(k)) and f.span), default=None)
    if after is None:
        return
    lines = [ln for ln in doc.lines[:40] if ln.start >= after]
    for i, line in enumerate(lines):
        m = _KIND_TITLE_RE.match(line.text.strip())
        if not m:
            continue
        parts = [line] if m.group("rest") else []
        for nxt in lines[i + 1 : i + 5]:
            t = nxt.text.strip()
            if not t or _AFTER_TITLE_RE.match(t) or re.match(r"^(?:[IVX]+|\d+)\.\s", t) or len(t) > 300:
                break
            parts.append(nxt)
            if not is_upper_text(t) and t.endswith("."):
                break
        if not parts:
            return
        texts = [m.group("rest") if p is line else p.text.strip() for p in parts]
        ex.title = re.sub(r"\s+", " ", " ".join(texts)).strip().rstrip(".")
        ex.fields["title"] = Field((parts[0].start, parts[-1].end), "lines after the document kind (NGHỊ QUYẾT …)")
        return


def read_title(doc: Document, ex: Extraction) -> None:
    if doc.title_index is None:
        _read_kind_title(doc, ex)
        return
    title_line = doc.lines[doc.title_index]
    parts: list[Line] = []
    rest = re.sub(r"^KẾ\s+HOẠCH\s*", "", title_line.text).strip()
    if rest:
        parts.append(title_line)
    for line in doc.preamble:
        t = line.text
        if parts and t.startswith(("Căn cứ", "Thực hiện", "Triển khai")):
            break
        if t.startswith("Căn cứ") or t.rstrip().endswith(("như sau:", ";")) or _ISSUE_VERB_RE.search(t):
            break
        if _TITLE_END_RE.match(t):
            break
        if len(t) > 400:
            break
        parts.append(line)
        if t.endswith("."):
            break
    if not parts:
        return
    texts = [re.sub(r"^KẾ\s+HOẠCH\s*", "", p.text).strip() if p is title_line else p.text for p in parts]
    ex.title = re.sub(r"\s+", " ", " ".join(texts)).strip()
    ex.fields["title"] = Field((parts[0].start, parts[-1].end), "lines after KẾ HOẠCH")


# --- legal bases --------------------------------------------------------------------------------


def _cut_title(text: str) -> str:
    """Cut a trích yếu where the preamble sentence continues (", Ủy ban nhân dân … xây dựng …")."""
    m = re.search(
        r"[,;]\s*(?:(?:Thường trực\s+)?(?:Ủy ban|UBND|Liên minh|Sở|Hội|Ban|Phòng)\b[^,;]*?)\s+(?:ban hành|xây dựng)\b",
        text,
    )
    if m:
        text = text[: m.start()]
    text = re.split(r";", text)[0]
    return text.strip().rstrip(".,:").strip()


def parse_reference(text: str, relation: str) -> LegalBasis | None:
    """Parse "Quyết định số 1368/QĐ-UBND ngày 12 tháng 12 năm 2023 của … về việc …"."""
    km = _KIND_RE.search(text)
    if not km or km.start() > 20:
        return None
    kind = km.group(1)
    kind = next((k for k in DOC_KINDS if k.lower() == kind.lower()), kind)
    rest = text[km.end() :]
    number = None
    nm = _DOCNUM_RE.match(rest.strip())
    if nm:
        number = nm.group(1)
        rest = rest.strip()[nm.end() :]
    date = None
    dates = list(find_dates(rest[:80]))
    if dates and dates[0][2].start() < 15:
        date = iso(dates[0][0])
        rest = rest[dates[0][2].end() :]
    rest = rest.lstrip(" ,")
    issuer = None
    im = re.match(r"của\s+(.+?)(?=\s+(?:về\s+việc|về|V/v|phê duyệt|ban hành|quy định)\b|[,;]|$)", rest)
    if im:
        issuer = im.group(1).strip()
        rest = rest[im.end() :].lstrip(" ,")
    title = re.sub(r"^(?:về\s+việc|V/v|về)\s+", "", rest.strip(), flags=re.IGNORECASE)
    title = _cut_title(title) or None
    if kind in ("Luật", "Bộ luật") and number is None:
        tm = re.match(r"([^;,]+?)(?:\s+(?:số|ngày)\b|[;,]|$)", text[km.end() :].strip())
        title = tm.group(1).strip() if tm else title
    return LegalBasis(kind, number, date, issuer, title, relation)


def read_legal_bases(doc: Document, ex: Extraction) -> None:
    title_span = ex.fields.get("title").span if ex.fields.get("title") else None
    seen: set[str] = set()
    for line in doc.preamble:
        if title_span and title_span[0] <= line.start <= title_span[1]:
            continue
        for m in re.finditer(r"(?:^|;\s*|\.\s+)(Căn cứ|Thực hiện|Triển khai)\s+", line.text):
            relation = "can_cu" if m.group(1) == "Căn cứ" else "thuc_hien"
            start = m.end()
            nxt = re.search(r";\s*(?:Căn cứ|Thực hiện|Triển khai)\s+", line.text[start:])
            end = start + nxt.start() if nxt else len(line.text)
            segment = line.text[start:end]
            basis = parse_reference(segment, relation)
            if basis is None:
                continue
            key = basis.number or f"{basis.kind}:{basis.title}"
            if key in seen:
                continue
            seen.add(key)
            basis.text = line.text[m.start(1) : end].rstrip(" ;.")
            basis.span = (line.start + m.start(1), line.start + end)
            ex.legal_bases.append(basis)
    ex.implements = next((b for b in ex.legal_bases if b.relation == "thuc_hien"), None)
    if ex.implements is None and ex.title and re.match(r"^(Thực hiện|Triển khai)\s", ex.title):
        basis = parse_reference(re.sub(r"^(Thực hiện|Triển khai)\s+", "", ex.title), "thuc_hien")
        if basis:
            basis.text = ex.title
            basis.span = ex.fields["title"].span
            ex.implements = basis


# --- kind and period -----------------------------------------------------------------------------


def read_kind_and_period(doc: Document, ex: Extraction) -> None:
    title = ex.title or ""
    ftitle = fold(title)
    has_place = bool(doc.find("dia diem"))
    time_nodes = [n for n in doc.find("thoi gian") if not n.key.startswith("noi dung")]
    event = (
        any(w in ftitle for w in _EVENT_WORDS)
        and (ftitle.startswith("to chuc") or has_place)
        or (has_place and time_nodes)
    )
    year = ex.year or (int(ex.date[:4]) if ex.date else None)
    if ex.year is None and year:
        ex.year = year
    range_m = re.search(
        r"(?:giai đoạn|từ năm|thời kỳ)?\s*((?:19|20)\d{2})\s*(?:-|đến|–)\s*((?:19|20)\d{2})", title, re.IGNORECASE
    )
    if event:
        ex.kind = "event"
        for node in time_nodes:
            text = " ".join(ln.text for ln in node.lines())
            for date, _, _m in find_dates(text):
                if date:
                    ex.period_start = ex.period_end = iso(date)
                    hm = re.search(r"(\d{1,2})\s*(?:h|giờ)\s*(\d{2})?", text)
                    ex.event = {
                        "date": iso(date),
                        "time": f"{int(hm.group(1)):02d}:{hm.group(2) or '00'}" if hm else None,
                        "place": None,
                    }
                    break
            if ex.period_start:
                break
        for node in doc.find("dia diem"):
            if ex.event is not None:
                place = " ".join([node.title] + [ln.text for ln in node.body_lines()])
                place = re.sub(r"^Địa điểm\s*:?\s*(?:tại\s+)?", "", place, flags=re.IGNORECASE)
                ex.event["place"] = place.strip().rstrip(".")
        ex.fields["period"] = Field(time_nodes[0].span if time_nodes else None, "event: Thời gian")
        return
    if re.match(r"^(thuc hien|trien khai)\b", ftitle):
        ex.kind = "implementing"
    elif range_m:
        ex.kind = "phase"
    elif re.search(r"\bnăm\s+(19|20)\d{2}\b", title, re.IGNORECASE):
        ex.kind = "annual"
    if range_m:
        ex.period_start, ex.period_end = f"{range_m.group(1)}-01-01", f"{range_m.group(2)}-12-31"
        ex.fields["period"] = Field(ex.fields["title"].span, "title: giai đoạn YYYY - YYYY")
        return
    # "Thời gian thực hiện: Đến năm 2030" at plan level (not inside a task)
    for line in doc.lines:
        lm = re.search(r"Thời gian thực hiện\s*:\s*(.+)$", line.text, re.IGNORECASE)
        if not lm:
            continue
        owner = next((n for n in doc.walk() if n.line is line), None)
        if owner is None and not any(line in n.body for n in doc.find("thoi gian", "pham vi")):
            continue
        value = lm.group(1)
        rm = re.search(r"((?:19|20)\d{2})\s*(?:-|đến)\s*(?:năm\s+)?((?:19|20)\d{2})", value)
        um = re.search(r"(?:đến|tới)\s+năm\s+((?:19|20)\d{2})", value, re.IGNORECASE)
        if rm:
            ex.period_start, ex.period_end = f"{rm.group(1)}-01-01", f"{rm.group(2)}-12-31"
        elif um and year:
            ex.period_start, ex.period_end = f"{year}-01-01", f"{um.group(1)}-12-31"
        else:
            continue
        if ex.kind == "other":
            ex.kind = "phase"
        ex.fields["period"] = Field((line.start, line.end), "Thời gian thực hiện")
        return
    ym = re.search(r"\bnăm\s+((?:19|20)\d{2})\b", title, re.IGNORECASE)
    um = re.search(r"đến năm\s+((?:19|20)\d{2})", title, re.IGNORECASE)
    if um and year:
        ex.period_start, ex.period_end = f"{year}-01-01", f"{um.group(1)}-12-31"
        ex.fields["period"] = Field(ex.fields["title"].span, "title: đến năm YYYY", True)
    elif ym:
        ex.period_start, ex.period_end = f"{ym.group(1)}-01-01", f"{ym.group(1)}-12-31"
        ex.fields["period"] = Field(ex.fields["title"].span, "title: năm YYYY")


# --- signer and recipients -------------------------------------------------------------------------


def read_tail(doc: Document, ex: Extraction) -> None:
    tail = doc.tail
    authority: list[Line] = []
    name_line: Line | None = None
    for line in tail:
        if is_signer_line(line.text):
            authority.append(line)
    for line in reversed(tail):
        if is_person_name(line.text):
            name_line = line
            break
    signer_lines = {id(x) for x in authority} | ({id(name_line)} if name_line else set())
    if authority or name_line:
        spans = [ln for ln in tail if id(ln) in signer_lines]
        ex.signer = Signer(
            [ln.text for ln in authority], name_line.text if name_line else None, (spans[0].start, spans[-1].end)
        )
        if not authority:
            ex.warnings.append("Không có dòng thẩm quyền ký (TM./KT./chức vụ) trên chữ ký.")
    items: list[str] = []
    in_list = False
    for line in tail:
        t = line.text
        if fold(t).startswith("noi nhan"):
            in_list = True
            rest = re.sub(r"^Nơi nhận\s*:?\s*", "", t, flags=re.IGNORECASE).strip()
            if rest:
                items.append(rest)
            continue
        if not in_list or id(line) in signer_lines:
            continue
        if t.startswith("- "):
            items.append(t[2:].strip())
        elif items:
            items[-1] = items[-1] + " " + t
    for item in items:
        item = item.strip().rstrip(";.").strip()
        if re.match(r"^Lưu\b", item):
            ex.filing = re.sub(r"^Lưu\s*:?\s*", "", item)
            continue
        if item:
            ex.recipients.append(item)
