"""Vietnamese text typed in the legacy TCVN3 (ABC) encoding, found and converted to Unicode before reading.

Old provincial documents were typed with the ".Vn…" fonts (.VnTime, .VnArial) of TCVN 5712:1993 (VN3, the "ABC"
code): one byte a letter, the Vietnamese letters on the upper half of the byte table. Such text reaches the
reader in two shapes:

* **as typed** — a .docx or .doc whose runs use a .Vn font, text pasted from it, or a .txt saved in that code:
  each letter is the Latin-1 character of its TCVN3 byte ("Céng hßa x· héi chñ nghÜa", "ph¸t triÓn"). It is
  converted byte for byte with the published table (``TCVN3``), exactly.
* **converted twice** — a converter that read Unicode text as if it were TCVN3: every Latin-1 letter (á, â, ê,
  ô, ó …) became the letter of its code point in TCVN3 ("Mục tiờu", "trở lờn", "cú", "nghỡn": ê → ờ, ó → ú, ì →
  ỡ), the other letters (ụ, ộ, ư …) staying right. The Latin-1 letters left in such text (ó, õ, ú …) can only
  come from that shift and are put back exactly; a Vietnamese letter that may be either a shifted one or
  itself (ờ: "lờn" → "lên" but "thời", "người") is put back only where the letters around it make the other
  reading impossible or rare in Vietnamese syllables ("ờn/ờm/ờt/ờch/ờu", "iờ/yờ/uờ" are "ên …"; "ười",
  "ời" stay) — rules given in ``_SHIFTED`` — so a few words may stay wrong, and the review page says so.

Text typed in **VNI** (VNI-Windows, the "VNI-Times" fonts) writes a letter as its base letter and one or two
Latin-1 marks ("Xin chaøo caùc baïn", "Coäng hoøa"): converted exactly (``is_vni``, ``_VNI_RE``).

``convert_legacy(text)`` returns ``(text, None)`` for Unicode text — never converted: a text is taken as
TCVN3 only when the signs of it are many and varied and outnumber the Unicode Vietnamese letters many times over (``is_tcvn3``,
``_is_shifted``), checked on every seed and corpus text — and ``(converted, kind)`` otherwise, ``kind`` being
"vni", "tcvn3" or "tcvn3-shifted" for the warning.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN 5712:1993, VN3 (the "ABC" code of the .Vn fonts): byte → letter. The capitals with a tone mark have no
# code of their own (they are typed with the lower-case codes in a capitals font, .VnTimeH).
TCVN3 = {
    0xB5: "à", 0xB8: "á", 0xB6: "ả", 0xB7: "ã", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBE: "ắ", 0xBC: "ẳ", 0xBD: "ẵ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xCA: "ấ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è", 0xD0: "é", 0xCE: "ẻ", 0xCF: "ẽ", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD5: "ế", 0xD3: "ể", 0xD4: "ễ", 0xD6: "ệ",
    0xD7: "ì", 0xDD: "í", 0xD8: "ỉ", 0xDC: "ĩ", 0xDE: "ị",
    0xDF: "ò", 0xE3: "ó", 0xE1: "ỏ", 0xE2: "õ", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE8: "ố", 0xE6: "ổ", 0xE7: "ỗ", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xED: "ớ", 0xEB: "ở", 0xEC: "ỡ", 0xEE: "ợ",
    0xEF: "ù", 0xF3: "ú", 0xF1: "ủ", 0xF2: "ũ", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF8: "ứ", 0xF6: "ử", 0xF7: "ữ", 0xF9: "ự",
    0xFA: "ỳ", 0xFD: "ý", 0xFB: "ỷ", 0xFC: "ỹ", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA7: "Đ", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư",
}  # fmt: skip
_AS_TYPED = {chr(b): u for b, u in TCVN3.items()}
# the Latin-1 letters Vietnamese Unicode text is written with: never a sign of TCVN3 by themselves
_LATIN1_VIETNAMESE = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# the characters of TCVN3 text that Vietnamese Unicode text does not use ("¸", "µ", "ß", "Ö" …)
_TCVN3_SIGNS = frozenset(_AS_TYPED) - _LATIN1_VIETNAMESE
_VIETNAMESE_UNICODE = re.compile(r"[ăđơưĂĐƠƯĩũĨŨ\u1ea0-\u1ef9]")
_TCVN3_SIGN_RE = re.compile("[" + re.escape("".join(sorted(_TCVN3_SIGNS))) + "]")
_LETTER_RE = re.compile(r"[^\W\d_]")


def _letters(text: str) -> int:
    return len(_LETTER_RE.findall(text))


def is_tcvn3(text: str) -> bool:
    """Text typed in TCVN3 and read as Latin-1: its signs are many and the letters of Unicode Vietnamese few."""
    found = _TCVN3_SIGN_RE.findall(text)
    if len(found) < 8 or len(set(found)) < 3:
        # every Unicode text stops here, after one pass; so does a Windows-1258 text read as Latin-1 (its
        # combining tilde "Þ" and "Ð" are two signs only, however many "xã" it has)
        return False
    return len(found) >= 0.03 * _letters(text) and len(found) >= 10 * len(_VIETNAMESE_UNICODE.findall(text))


# --- converted twice ----------------------------------------------------------------------------------------
# a Latin-1 letter x became TCVN3[ord(x)]: "ê" (0xEA) → "ờ". Letters whose shifted form is Latin-1 again are
# certain (only the shift can have left a Latin-1 letter in such text); the others need their context.
_SHIFT_OF = {TCVN3[ord(c)]: c for c in "àáâãèéêìíòóôõùúý" if ord(c) in TCVN3}
_CERTAIN = {shifted: c for shifted, c in _SHIFT_OF.items() if shifted in _LATIN1_VIETNAMESE}
_VOWELS = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
# shifted letter → (its Latin-1 origin, the letters after it in the syllable — or before it, with "<" — that
# only the origin can have: "ờn" is "ên", "ười" stays). A bare shifted letter with no rule stays as it is.
_SHIFTED = {
    "ờ": ("ê", r"(?:nh|n|m|u)\b", r"[iyu]"),  # lên, kênh, thêm, nêu; tiêu, yêu, quê (not "thời", "người", "vườn")
    "ỡ": ("ì", r"(?:nh|n|m|a)\b", None),  # bình, nghìn, hình, thìa (not "dưỡng")
    "ỏ": ("á", r"(?:c|ch|t|p|nh|ng|n|m|u|o|y)\b", r"o"),  # các, phát, khánh, áp, sáng, bán; thoát (not "giỏi", "thỏa")
    "ộ": ("é", r"(?:m|p|o|n)\b", None),  # kém, phép, kéo (not "một", "cộng", "hội", "tộc")
    "ụ": ("ô", r"(?:n|m|i|ng)\b", None),  # nông, không, công, hôm, tôi (not "dụng", "phụng", "mục")
    "ớ": ("í", r"(?:ch|nh|u|t)\b", None),  # chính, tính, ích, ít (not "mới", "lớn", "lớp")
    "ự": ("ù", r"(?:ng|y|a|i|n)\b", None),  # cùng, vùng, tùy (not "dựng", "dựa", "thực", "lực")
    "ỳ": ("ú", r"(?:c|t|p|ng|n|i|a)\b", None),  # đúng, giúp, chút, lúa
    "ũ": ("ò", r"(?:a|n|ng|i|m|e)\b", None),  # hòa, còn, phòng, vòng (not "cũng")
    "ố": ("è", r"o\b", None),  # nghèo, kèo ("ốo" is no syllable; not "tốt", "số")
}
# onsets with which the shifted letter is the letter itself before "ng"/"a" ("dụng", "phụng", "dựng", "cũng")
_KEEP_ONSET = {"ụ": ("d", "ph"), "ự": ("d", "đ", "ch", "x"), "ũ": ("c",)}
# a shifted letter ending its syllable: put back after these onsets only ("giá", "khá", "quá"; "thì", "gì", "vì";
# "chí", "phí", "trí"; "chú", "phú"; "vai trò") — after the others it is the letter itself ("nhỏ", "bỏ", "kỳ")
_OPEN_ORIGIN_ONSETS = {
    "ỏ": ("gi", "kh", "qu", "l", "x", "m", "h", "ph", "s", "r", "v", "tr"),
    "ỡ": ("th", "g", "gh", "v", "tr", "ch", "k", "h", "l"),
    "ớ": ("ch", "ph", "tr", "l", "k", "b", "t", "h", "s", "x", "r", "qu"),
    "ỳ": ("ch", "ph", "t", "b", "c", "gi", "th", "h", "m", "l", "s"),
    "ũ": ("tr", "l", "b", "đ"),
    "ụ": ("m", "kh", "l", "h", "ng"),
}
_CIRCUMFLEX = set("âêôÂÊÔ")
_SHIFTED_CIRCUMFLEX = set("õờụ")
_WORD = re.compile(r"[^\W\d_]+")


def _is_shifted(text: str) -> bool:
    """Unicode text shifted through TCVN3: â, ê and ô — in every Vietnamese paragraph — are gone, their shifted
    forms (õ, ờ, ụ) plentiful."""
    shifted = sum(text.count(c) for c in _SHIFTED_CIRCUMFLEX)
    if shifted < 10 or sum(text.count(c) for c in _CIRCUMFLEX) * 20 > shifted:
        return False  # every Unicode text stops here
    return _letters(text) >= 100


def _unshift_word(word: str) -> str:
    low = word.lower()
    out = list(word)
    for i, ch in enumerate(low):
        if ch in _CERTAIN:
            out[i] = _CERTAIN[ch]
            continue
        rule = _SHIFTED.get(ch)
        if not rule:
            continue
        origin, after_re, before_re = rule
        before, after = low[:i], low[i + 1 :]
        if before.endswith("ư") or (after and after[0] in _VOWELS and not re.match(after_re, after)):
            continue  # "người", "mười", "thời": the letter itself
        onset = before if before in ("gi", "qu") else re.match(r"[^" + _VOWELS + r"]*", before).group(0)
        if onset in _KEEP_ONSET.get(ch, ()) and re.match(r"(?:ng|a)\b", after):
            continue
        if before_re and before and re.search(before_re + r"$", before):
            out[i] = origin
        elif after and re.match(after_re, after):
            out[i] = origin
        elif not after and before == onset and onset in _OPEN_ORIGIN_ONSETS.get(ch, ()):
            out[i] = origin
    for i, c in enumerate(word):  # keep the capitals as written
        if c.isupper():
            out[i] = out[i].upper()
    return "".join(out)


# --- VNI (VNI-Windows, the "VNI-Times" fonts) -------------------------------------------------------------
# a letter is its base letter and one or two Latin-1 marks after it: "aù" á, "eâ" ê, "eá" ế, "aê" ă, "oâ" ô, "ô"
# ơ, "ö" ư, "ôø" ờ, "ñ" đ; "i" and "y" with a dot have letters of their own ("ò" ị, "î" ỵ).
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_VNI_TONE = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRCUMFLEX = {"â": "", "à": _GRAVE, "á": _ACUTE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}  # after a, e, o
_VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}  # after a
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_RE = re.compile(
    r"(?P<c>[aeoAEO])(?P<cm>[âàáåãäÂÀÁÅÃÄ])|(?P<b>[aA])(?P<bm>[êèéúüëÊÈÉÚÜË])"
    r"|(?P<h>[ôöÔÖ])(?P<hm>[øùûõïØÙÛÕÏ])?|(?P<t>[aeiouyAEIOUY])(?P<tm>[øùûõïØÙÛÕÏ])|(?P<s>[ñìíæóòîÑÌÍÆÓÒÎ])"
)
# the pairs no Unicode text has: a vowel and a VNI mark after it ("aù", "eâ", "oá", "öø")
_VNI_PAIR_RE = re.compile(r"[aeoAEO][âàáåãäÂÀÁÅÃÄ]|[aA][êèéúüëÊÈÉÚÜË]|[aeiouyôöAEIOUYÔÖ][øùûõïØÙÛÕÏ]|[ñÑ]")


# the marks of VNI that Unicode Vietnamese never uses: the grave, hook and dot marks, "ñ" (đ), "ö" (ư) …
_VNI_ONLY_RE = re.compile(r"[øûïñöåäëüæîØÛÏÑÖÅÄËÜÆÎ]")


def _vni_letter(m: re.Match) -> str:
    if m.group("c"):
        mark = m.group("cm").lower()
        return unicodedata.normalize("NFC", m.group("c") + "\u0302" + _VNI_CIRCUMFLEX[mark])
    if m.group("b"):
        mark = m.group("bm").lower()
        return unicodedata.normalize("NFC", m.group("b") + "\u0306" + _VNI_BREVE[mark])
    if m.group("h"):
        base = _VNI_SINGLE[m.group("h").lower()]
        base = base.upper() if m.group("h").isupper() else base
        tone = _VNI_TONE[m.group("hm").lower()] if m.group("hm") else ""
        return unicodedata.normalize("NFC", base + tone)
    if m.group("t"):
        return unicodedata.normalize("NFC", m.group("t") + _VNI_TONE[m.group("tm").lower()])
    letter = _VNI_SINGLE[m.group("s").lower()]
    return letter.upper() if m.group("s").isupper() else letter


def is_vni(text: str) -> bool:
    """Text typed in VNI: its mark pairs are many, the Unicode Vietnamese letters (and TCVN3's "¸ µ ¶ · ¹ ®") few."""
    if len(_VNI_ONLY_RE.findall(text)) < 8:
        return False  # every Unicode text stops here, after one pass
    pairs = len(_VNI_PAIR_RE.findall(text))
    others = len(_VIETNAMESE_UNICODE.findall(text)) + sum(text.count(c) for c in "¸µ¶·¹®")
    return pairs >= 0.02 * _letters(text) and pairs >= 10 * others


def convert_legacy(text: str) -> tuple[str, str | None]:
    """``(text, None)`` for Unicode text; ``(converted, "vni" | "tcvn3" | "tcvn3-shifted")`` for legacy text."""
    if is_vni(text):
        return _VNI_RE.sub(_vni_letter, text), "vni"
    if is_tcvn3(text):
        return "".join(_AS_TYPED.get(c, c) for c in text), "tcvn3"
    if _is_shifted(text):
        return _WORD.sub(lambda m: _unshift_word(m.group(0)), text), "tcvn3-shifted"
    return text, None
