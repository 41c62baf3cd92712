"""Match names read from a document to agencies and plans already in the portal.

The reader returns agency names as written ("Phòng Nông nghiệp và Phát triển nông thôn",
"UBND huyện Ngọc Hồi", "Thường trực Liên minh Hợp tác xã tỉnh Quảng Ngãi"). Matching works
on the accent-folded form (``core.text.fold``) after expanding the usual abbreviations, and
prefers agencies inside the importing user's area. A match below the threshold is not
used: the name is proposed as a new agency instead, and the form marks it for attention.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from core.text import fold
from directory.models import Agency

ABBREVIATIONS = {
    r"\bubnd\b": "uy ban nhan dan",
    r"\bhdnd\b": "hoi dong nhan dan",
    r"\blmhtx\b": "lien minh hop tac xa",
    r"\bhtx\b": "hop tac xa",
    r"\bnn ?& ?ptnt\b": "nong nghiep va phat trien nong thon",
    r"\bnn - ptnt\b": "nong nghiep va phat trien nong thon",
    r"\btc ?- ?kh\b": "tai chinh - ke hoach",
    r"\bkt ?- ?ht\b": "kinh te va ha tang",
    r"\bmttq\b": "mat tran to quoc",
    r"\buBMTTQVN\b": "uy ban mat tran to quoc viet nam",
    r"\bkh ?& ?dt\b": "ke hoach va dau tu",
}
NOISE = re.compile(r"^(thuong truc|de nghi|giao|yeu cau)\s+")
THRESHOLD = 0.82


def normalise_name(name: str) -> str:
    text = fold(name)
    for pattern, replacement in ABBREVIATIONS.items():
        text = re.sub(pattern, replacement, text, flags=re.I)
    text = NOISE.sub("", text)
    text = re.sub(r"[^\w\s&-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class AgencyMatch:
    name: str
    agency: Agency | None
    score: float

    @property
    def unsure(self) -> bool:
        return self.agency is None or self.score < 0.95


def match_agencies(names: list[str], candidates: list[Agency]) -> dict[str, AgencyMatch]:
    """Best match for each name among ``candidates`` (one pass, no queries)."""
    prepared = [(normalise_name(a.name), a) for a in candidates]
    result = {}
    for name in names:
        key = normalise_name(name)
        best, best_score = None, 0.0
        if key:
            for cand_key, agency in prepared:
                if cand_key == key:
                    best, best_score = agency, 1.0
                    break
                score = SequenceMatcher(None, key, cand_key).ratio()
                # A name written without its place ("Phòng Nông nghiệp và PTNT") matches the
                # agency of the same name in the issuer's area ("… huyện Ngọc Hồi").
                if cand_key.startswith(key + " ") and len(key) > 12:
                    score = max(score, 0.9)
                if score > best_score:
                    best, best_score = agency, score
        result[name] = AgencyMatch(name, best if best_score >= THRESHOLD else None, round(best_score, 3))
    return result
