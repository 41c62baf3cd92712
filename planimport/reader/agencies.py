"""Agency names: tidy one name, split a list of names, and turn an upper-case header into a name.

Rules:

* ``UBND`` → ``Ủy ban nhân dân``; the first letter is capitalised (``phòng Tài chính`` → ``Phòng …``);
  dashes between words get spaces (``Tài chính-Kế hoạch`` → ``Tài chính - Kế hoạch``) but acronyms
  keep theirs (``TC-KH``); parenthesised examples are dropped; ``Đề nghị``/``Giao``/``Yêu cầu``/
  ``Thủ trưởng``/``Chủ tịch`` in front of a name are dropped.
* Lists are split on ``;`` first, then on ``,`` and ``và`` only where the next words start a new
  agency (an organisation word such as Phòng, Sở, Ủy ban, UBND, Hội, các …). Collective phrases
  that contain commas are protected: ``các xã, thị trấn``, ``huyện, thành phố``, ``sở, ban, ngành``,
  ``cơ quan, đơn vị`` …
* ``các phòng[, đơn vị]: A, B, C`` distributes the noun: ``Phòng A``, ``Phòng B``, ``C`` (C kept when
  it already names its own kind, e.g. ``Trung tâm …``).
* Header agencies in capitals are converted to the official capitalisation
  (``ỦY BAN NHÂN DÂN HUYỆN NGỌC HỒI`` → ``Ủy ban nhân dân huyện Ngọc Hồi``).
"""

from __future__ import annotations

import re

ORG_WORDS = (
    "Ủy ban",
    "Uỷ ban",
    "UBND",
    "Phòng",
    "phòng",
    "Sở",
    "Hội",
    "Ban",
    "Liên minh",
    "Trung tâm",
    "Các",
    "các",
    "Văn phòng",
    "Ngân hàng",
    "Chi nhánh",
    "HTX",
    "Hợp tác xã",
    "Đài",
    "Báo",
    "Công an",
    "Mặt trận",
    "MTTQ",
    "Thường trực",
    "Bộ",
    "Cục",
    "Chi cục",
    "Quỹ",
    "Kho bạc",
    "Huyện",
    "Tỉnh",
    "Thành đoàn",
    "Huyện đoàn",
    "Tỉnh đoàn",
    "Đoàn",
    "Liên đoàn",
    "Kế toán",
    "Tổ",
    "Viện",
    "Trường",
    "Đảng",
)
_ORG_START_RE = re.compile(r"^(?:" + "|".join(re.escape(w) for w in sorted(ORG_WORDS, key=len, reverse=True)) + r")\b")

PROTECTED = (
    "xã, phường, thị trấn",
    "xã, thị trấn",
    "phường, xã",
    "huyện, thị xã, thành phố",
    "huyện, thành phố",
    "sở, ban, ngành",
    "sở, ngành",
    "phòng, ban, đơn vị",
    "phòng, ban, ngành",
    "phòng, ban",
    "phòng, đơn vị",
    "cơ quan, đơn vị",
    "ban, ngành",
    "đơn vị, địa phương",
    "cơ quan, đơn vị, địa phương",
    "các cấp, các ngành",
    "chính trị - xã hội",
    "đoàn thể, chính trị",
    "tổ chức, cá nhân",
)

_PREFIX_DROP_RE = re.compile(r"^(?:Đề nghị|Giao|Yêu cầu|Thủ trưởng|Chủ tịch|Lãnh đạo)\s+(?=\S)", re.IGNORECASE)
_LOWER_UNIT_WORDS = {"tỉnh", "huyện", "xã", "thị", "trấn", "thành", "phố", "quận", "phường"}
_HEADER_FIXED = [
    # national bodies and other agencies whose official capitalisation (NĐ 30/2020, Phụ lục II: the first
    # letter of each word naming the kind of body and of its field, as the body writes itself) a word-by-word
    # rule cannot give ("Bộ Nông Nghiệp …" was read for "BỘ NÔNG NGHIỆP …"); longer names first
    ("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Bộ Nông nghiệp và Môi trường"),
    ("BỘ KẾ HOẠCH VÀ ĐẦU TƯ", "Bộ Kế hoạch và Đầu tư"),
    ("BỘ TÀI CHÍNH", "Bộ Tài chính"),
    ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
    ("VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"),
    ("CHÍNH PHỦ", "Chính phủ"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("UỶ BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("HỘI LIÊN HIỆP PHỤ NỮ", "Hội Liên hiệp Phụ nữ"),
    ("LIÊN MINH HỢP TÁC XÃ VIỆT NAM", "Liên minh Hợp tác xã Việt Nam"),
    ("HỘI NÔNG DÂN VIỆT NAM", "Hội Nông dân Việt Nam"),
    ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Tài nguyên và Môi trường"),
    ("SỞ CÔNG THƯƠNG", "Sở Công Thương"),
    ("PHÒNG KINH TẾ, HẠ TẦNG VÀ ĐÔ THỊ", "Phòng Kinh tế, Hạ tầng và Đô thị"),
    ("VĂN PHÒNG ỦY BAN NHÂN DÂN", "Văn phòng Ủy ban nhân dân"),
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
    ("UỶ BAN NHÂN DÂN", "Ủy ban nhân dân"),
    ("UBND", "Ủy ban nhân dân"),
    ("HỘI NÔNG DÂN", "Hội Nông dân"),
    ("LIÊN MINH HỢP TÁC XÃ", "Liên minh Hợp tác xã"),
    ("LIÊN MINH HTX", "Liên minh Hợp tác xã"),
    ("HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"),
    ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Sở Nông nghiệp và Môi trường"),
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư"),
    ("SỞ TÀI CHÍNH", "Sở Tài chính"),
    ("PHÒNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Phòng Nông nghiệp và Phát triển nông thôn"),
    ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "Phòng Tài chính - Kế hoạch"),
    ("PHÒNG KINH TẾ", "Phòng Kinh tế"),
    ("THƯỜNG TRỰC", "Thường trực"),
]


def _title_word(word: str) -> str:
    if not word:
        return word
    if (
        len(word) <= 4
        and word.isupper()
        and not any(c in "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ" for c in word[1:])
        and word.lower() not in _LOWER_UNIT_WORDS
        and len(word) > 1
        and word not in {"HÀ", "LÊ", "NAM"}
    ):
        return word  # acronym (HTX, TC-KH …)
    return word[:1].upper() + word[1:].lower()


def header_to_name(text: str) -> str:
    """``ỦY BAN NHÂN DÂN HUYỆN NGỌC HỒI`` → ``Ủy ban nhân dân huyện Ngọc Hồi``."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text.isupper():
        return tidy(text)
    head = ""
    for upper, proper in _HEADER_FIXED:
        if text.startswith(upper):
            head, text = proper, text[len(upper) :].strip()
            break
    words = text.split(" ")
    out = []
    i = 0
    place = False  # after a unit word the words are a place name ("TỈNH TRÀ VINH"), never an acronym
    while i < len(words):
        w = words[i]
        low = w.lower()
        if low in ("tỉnh", "huyện", "xã", "quận", "phường"):
            out.append(low)
            place = True
        elif low == "thị" and i + 1 < len(words) and words[i + 1].lower() in ("trấn", "xã"):
            out.append(f"thị {words[i + 1].lower()}")
            i += 1
            place = True
        elif low == "thành" and i + 1 < len(words) and words[i + 1].lower() == "phố":
            out.append("thành phố")
            i += 1
            place = True
        elif low == "đặc" and i + 1 < len(words) and words[i + 1].lower() == "khu":
            out.append("đặc khu")  # a special zone, a commune-level unit since 01/07/2025 ("ĐẶC KHU PHÚ QUỐC")
            i += 1
            place = True
        elif low in ("và",):
            out.append(low)
        elif place and w.isupper() and w.isalpha():
            out.append(w[:1] + w[1:].lower())
        else:
            out.append(_title_word(w))
        i += 1
    return " ".join(x for x in [head, " ".join(out)] if x).strip()


def tidy(name: str) -> str:
    """Tidy one agency name (see module docstring)."""
    name = re.sub(r"\([^)]*\)", " ", name or "")
    name = re.sub(r"\s+", " ", name).strip(" ,;.:-")
    name = _PREFIX_DROP_RE.sub("", name)
    name = re.sub(r"\bUBND\b", "Ủy ban nhân dân", name)
    name = re.sub(r"\bUỷ ban\b", "Ủy ban", name)
    # dash spacing: keep TC-KH, fix "chính-Kế" and "Tài chính – Kế"
    name = re.sub(r"(?<=[a-zà-ỹđ])-(?=[A-ZÀ-ỸĐ])", " - ", name)
    name = re.sub(r"\s+-\s*|\s*-\s+", " - ", name)
    name = re.sub(r"\s+", " ", name).strip(" ,;.:")
    if name[:1].islower():
        name = name[0].upper() + name[1:]
    return name


def _protect(text: str) -> tuple[str, dict[str, str]]:
    table: dict[str, str] = {}
    for i, phrase in enumerate(sorted(PROTECTED, key=len, reverse=True)):
        key = f"\x00{i}\x00"
        pattern = re.compile(re.escape(phrase).replace(r"\ ", r"\s*"), re.IGNORECASE)

        def repl(m, key=key):
            table[key] = m.group(0)
            return key

        text = pattern.sub(repl, text)
    return text, table


def _unprotect(text: str, table: dict[str, str]) -> str:
    for key, value in table.items():
        text = text.replace(key, value)
    return text


_DISTRIBUTE_RE = re.compile(
    r"^(?:các\s+)?(phòng|sở|ban|cơ quan|đơn vị)(?:\s*,\s*(?:đơn vị|ban|ngành))?(?:\s+chuyên môn)?\s*:\s*(.+)$",
    re.IGNORECASE,
)
_OWN_KIND_RE = re.compile(r"^(Trung tâm|Văn phòng|Ban|Ủy ban|UBND|Hội|Đài|Ngân hàng|Chi nhánh|Công an|Các)\b")


def split_agencies(text: str) -> list[str]:
    """Split an enumeration of agencies into tidy names (see module docstring)."""
    text = re.sub(r"\([^)]*\)", " ", text or "")
    text = re.sub(r"\s+", " ", text).strip(" .;,")
    if not text:
        return []
    names: list[str] = []
    for part in re.split(r"\s*;\s*", text):
        if not part:
            continue
        m = _DISTRIBUTE_RE.match(part)
        if m:
            noun = m.group(1).capitalize()
            protected, table = _protect(m.group(2))
            for item in re.split(r"\s*,\s*", protected):
                item = _unprotect(item, table).strip()
                if not item:
                    continue
                names.append(tidy(item if _OWN_KIND_RE.match(item) else f"{noun} {item}"))
            continue
        protected, table = _protect(part)
        pieces = re.split(r"\s*,\s*|\s+và\s+(?=(?:" + "|".join(re.escape(w) for w in ORG_WORDS) + r")\b)", protected)
        merged: list[str] = []
        for piece in pieces:
            piece_plain = _unprotect(piece, table).strip()
            if not piece_plain:
                continue
            if merged and not _ORG_START_RE.match(piece_plain) and not piece_plain[:1].isupper():
                merged[-1] = merged[-1] + ", " + piece_plain
            else:
                merged.append(piece_plain)
        names.extend(tidy(p) for p in merged)
    seen, out = set(), []
    for n in names:
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


def looks_like_agency(text: str) -> bool:
    """A short heading that names an agency ("2. Phòng Kinh tế và Hạ tầng")."""
    text = (text or "").strip()
    t = _PREFIX_DROP_RE.sub("", text)
    return (
        bool(_ORG_START_RE.match(t))
        and len(re.sub(r"\([^)]*\)|\s-\s", " ", t).split()) <= 20
        and not t.endswith((".", ";"))
    )
