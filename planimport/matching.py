"""Match names read from a document to agencies and plans already in the portal.

The reader returns agency names as written ("Phòng Nông nghiệp và Phát triển nông thôn",
"UBND huyện Ngọc Hồi", "Thường trực Liên minh Hợp tác xã tỉnh Quảng Ngãi", "Ủy ban nhân dân
huyện"). Matching works on the accent-folded form (``core.text.fold``) after expanding the
usual abbreviations:

* an exact folded name wins;
* a name without its place ("Phòng Tài chính - Kế hoạch", "Ủy ban nhân dân huyện") is read as
  the agency of that name at the *context unit* (the issuer's unit, else the user's unit):
  documents name their own district's offices that way;
* otherwise a similarity ratio, with a small bonus for agencies in the context unit and in
  the user's area, so the nearer of two equally named agencies wins;
* plural names ("Ủy ban nhân dân các xã, thị trấn", "Các phòng, ban, ngành") never match a
  single agency: they stay as written.

A match below ``THRESHOLD`` is not used: the name is proposed as a new agency (the issuer) or
kept in the "as written" field, and the review page marks it for attention.
"""

import functools
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from core.text import fold, symbol_key
from directory.models import Agency

ABBREVIATIONS = {
    r"\bubnd\b": "uy ban nhan dan",
    r"\bhdnd\b": "hoi dong nhan dan",
    r"\blmhtx\b": "lien minh hop tac xa",
    r"\bhtx\b": "hop tac xa",
    r"\bnn ?& ?ptnt\b": "nong nghiep va phat trien nong thon",
    r"\bnn ?- ?ptnt\b": "nong nghiep va phat trien nong thon",
    r"\bptnt\b": "phat trien nong thon",
    r"\btc ?- ?kh\b": "tai chinh - ke hoach",
    r"\bkt ?- ?ht\b": "kinh te va ha tang",
    r"\bubmttqvn\b": "uy ban mat tran to quoc viet nam",
    r"\bmttq\b": "mat tran to quoc",
    r"\bkh ?& ?dt\b": "ke hoach va dau tu",
    r"\bhnd\b": "hoi nong dan",
}
NOISE = re.compile(r"^(thuong truc|de nghi|giao|yeu cau)\s+")
# Generic unit words a name may end with when it leaves the place out ("UBND huyện").
UNIT_WORDS = ("tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran", "dac khu")
PLURAL = re.compile(r"(^|\s)(cac|nhung)\s")
THRESHOLD = 0.82
SURE = 0.95


@functools.lru_cache(maxsize=16384)
def normalise_name(name: str) -> str:
    """Folded name with abbreviations expanded and punctuation reduced to spaces. Pure, so
    cached: the review page matches every name of a document against every agency of the
    area, the same few hundred names each time (issue 16: 0.45 s of a seed's review page)."""
    text = fold(name)
    for pattern, replacement in ABBREVIATIONS.items():
        text = re.sub(pattern, replacement, text, flags=re.I)
    text = NOISE.sub("", text)
    text = text.replace("&", " va ")
    text = re.sub(r"[^\w\s-]", " ", text)
    text = re.sub(r"\s*-\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


def _unit_suffix(unit) -> str:
    """The folded "<kind> <name>" of a unit ("huyen ngoc hoi"), as names end with it."""
    if unit is None:
        return ""
    return normalise_name(unit.full_name)


@dataclass(frozen=True)
class AgencyMatch:
    """The agency chosen for one name (or None) and how close the match was (0–1)."""

    name: str
    agency: Agency | None
    score: float

    @property
    def unsure(self) -> bool:
        return self.agency is None or self.score < SURE


def split_place(key: str) -> tuple[str, str]:
    """ "uy ban nhan dan huyen ngoc hoi" → ("uy ban nhan dan", "huyen ngoc hoi");
    "phong tai chinh - ke hoach" → (…, ""). The place starts at the first unit word;
    the "xa" of "hop tac xa" is not one."""
    words = key.split(" ")
    for i in range(1, len(words)):
        for unit_word in UNIT_WORDS:
            parts = unit_word.split(" ")
            if words[i : i + len(parts)] != parts:
                continue
            if unit_word == "xa" and words[i - 1] in ("tac", "thi"):
                continue
            return " ".join(words[:i]).strip(" -"), " ".join(words[i:])
    return key, ""


@dataclass(frozen=True)
class _Candidate:
    agency: Agency
    key: str
    base: str
    place: str


def _prepare(agency: Agency) -> _Candidate:
    key = normalise_name(agency.name)
    suffix = _unit_suffix(agency.unit) if agency.unit_id else ""
    if suffix and key.endswith(" " + suffix):
        return _Candidate(agency, key, key[: -len(suffix)].strip(), suffix)
    base, place = split_place(key)
    return _Candidate(agency, key, base, place)


def match_agencies(
    names: list[str],
    candidates: list[Agency],
    *,
    context_unit=None,
    preferred_unit_ids: frozenset | set = frozenset(),
    earlier_units=(),
) -> dict[str, AgencyMatch]:
    """Best match for each name among ``candidates`` (one pass over a list, no queries).

    A name is split into its body and its place ("Ủy ban nhân dân" + "huyện Ngọc Hồi").
    The places must agree exactly once folded (similar place names — Sơn Hà, Sơn Tây — are
    different agencies); a name without a place, or with a bare "huyện", takes the
    ``context_unit``'s place. The bodies are compared by similarity (abbreviations and
    small typos pass). Agencies at the context unit, then in ``preferred_unit_ids``, win ties.
    ``earlier_units``: units the context succeeded (the districts whose offices a commune took
    over in 2025): a bare "huyện" in a document of before 07/2025 is one of them, never the
    commune that exists today.
    """
    earlier_places = [_unit_suffix(u) for u in earlier_units if u is not None]
    prepared = [_prepare(a) for a in candidates]
    context_place = _unit_suffix(context_unit)
    context_id = getattr(context_unit, "pk", None)
    result = {}
    for name in names:
        if name in result or not name:
            continue
        key = normalise_name(name)
        best, best_score = None, 0.0
        if key and not PLURAL.search(" " + key + " "):
            base, place = split_place(key)
            inferred = not place
            target_place = place or context_place
            if place in UNIT_WORDS:  # "UBND huyện": the context's district (or a former one), if any
                word = place
                place = next((p for p in (context_place, *earlier_places) if p.startswith(word + " ")), "")
                inferred = True
                # No district in the context: the name matches no placed agency, never the
                # context's commune of the same name.
                target_place = place or (context_place if not context_place else f"{word} ?")
            for cand in prepared:
                if cand.key == key:
                    score = 1.0
                else:
                    factor = 1.0
                    if cand.place and target_place:
                        if cand.place != target_place:
                            continue
                    elif cand.place and not target_place:
                        factor = 0.9  # the document does not say where: plausible, not sure
                    elif place and not cand.place:
                        factor = 0.9
                    if inferred and cand.place:
                        factor = min(factor, 0.97)  # the place was supplied by the context
                    body = 1.0 if cand.base == base else SequenceMatcher(None, base, cand.base).ratio()
                    score = body * factor
                    if score < 1.0:
                        if cand.agency.unit_id == context_id:
                            score += 0.02
                        if cand.agency.unit_id in preferred_unit_ids:
                            score += 0.01
                        score = min(score, 0.99)
                if score > best_score:
                    best, best_score = cand.agency, score
        result[name] = AgencyMatch(name, best if best_score >= THRESHOLD else None, round(best_score, 3))
    return result


def match_agency(name: str | None, candidates: list[Agency], **kwargs) -> AgencyMatch:
    """``match_agencies`` for one name; an empty name gives no agency."""
    if not name:
        return AgencyMatch(name or "", None, 0.0)
    return match_agencies([name], candidates, **kwargs)[name]


# the symbol may be written with spaces around its dashes ("4025/KH - UBND"); a part after a spaced dash
# is upper case, so "4025/KH-UBND - ngày …" stops before the date; a year may lead it ("15/2020/NQ-HĐND")
REFERENCE = re.compile(
    r"^\s*(?:số\s*)?(\d+)\s*/\s*"
    r"([\wĐđ.–—-]+(?:/[\wĐđ.–—-]+)?(?:(?:\s*[-–—]\s*|(?<=-)\s+)(?-i:[A-ZĐÐ0-9][A-ZĐÐ0-9.]*)(?!\w))*)",
    re.I,
)


def split_reference(reference: str | None) -> tuple[int | None, str]:
    """ "4025/KH-UBND" → (4025, "KH-UBND"), "Số 12/QĐ - UBND" → (12, "QĐ-UBND"); anything else →
    (None, ""). The symbol is ``core.text.symbol_key``'s form (upper case, no spaces, one kind of
    dash and of Đ), the form plans' symbols are compared in."""
    match = REFERENCE.match(reference or "")
    if not match:
        return None, ""
    return int(match.group(1)), symbol_key(match.group(2))


def match_plan(reference: str | None, plans, *, date=None):
    """The plan in ``plans`` (a list) with the reference's number and symbol; when several
    share them (every district writes KH-UBND), the one with the same issue date; None when
    still ambiguous or absent."""
    number, symbol = split_reference(reference)
    if number is None:
        return None
    found = [p for p in plans if p.number == number and symbol_key(p.symbol) == symbol]
    if len(found) > 1 and date:
        found = [p for p in found if p.issue_date == date]
    return found[0] if len(found) == 1 else None
