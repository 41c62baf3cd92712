"""Header fuzz (issue 16): every keyed header of the tuned corpus sets and the seeds, rebuilt from its key and
re-written in the shapes websites, PDF text layers and copy-paste give it, in front of the document's own body.

For each document with a keyed header (number, symbol, date, place, issuer) among c01–c101 (``LAST_FUZZED``: the
sets tuned on before the fuzz was written; fresh6, c102 and above, is never read here, released or not) and each seed with a full header, the header is built from
the key (agency lines in capitals, the Quốc hiệu and tiêu ngữ, "Số: …", "<Nơi>, ngày … tháng … năm …"), the text's
original header (everything up to its place/date line) is replaced by it, and the distortions below are applied,
alone and in combination. The reader must then give the same four header fields (``evaluate.header_field_ok``).

Distortions (``variants``):

* layouts — the two columns one after the other (as most sites serve them), flattened into rows with "|"
  (with or without the outer borders), with tabs, with runs of spaces (a PDF text layer), the whole header on one
  line ("|" or spaces), the columns interleaved line by line;
* line breaks inside a field — inside the place, after "Số:", inside the symbol, inside the date, inside each agency
  line (every word boundary);
* spaces — no-break spaces, doubled spaces around every element;
* site noise above the header — the site's name, breadcrumbs, "Cập nhật …", a top bar's date ("Thứ ba, ngày 06
  tháng 01 năm 2026"), lists of related documents with their own numbers and dates;
* spelling — old/new tone placement (UỶ/ỦY, HOÀ/HÒA), upper/lower case of "Số", of the place/date line, the
  agency lines as typed ("Ủy ban nhân dân" / "tỉnh Hà Nam") or title-cased;
* symbols — "QĐ - UBND", "QĐ– UBND", en dashes, the hyphen lost ("QĐUBND") or a space ("QĐ UBND"), "Số:2949
  /KH-UBND", "Số 2949/KH-UBND";
* the motto lines cut in two or missing;
* a session line ("KHÓA IX, KỲ HỌP THỨ 12", "(Từ ngày 08 đến 10/12/2015)") under the header;
* dates "ngày 07/9/2022", "ngày 7-9-2022", "ngày  15   tháng  01  năm 2022", without leading zeros.

``python -m tests.planimport.header_fuzz`` prints the pass rate per distortion and the failures.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from planimport.reader import read_text
from planimport.reader.evaluate import HEADER_FIELDS, header_field_ok

from .corpus_keys import DEFAULT_SPLITS, DOCUMENTS, KEPT_ASIDE, corpus_text
from .expected_seeds import EXPECTED, SEED_FILES, seed_text

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
_LEVELS = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)"


@dataclass
class Header:
    """The header of one document, element by element, and the body that follows it."""

    name: str
    key: dict
    agency: list[str]  # the left column's agency lines, in capitals
    motto: list[str] = field(default_factory=lambda: [QUOC_HIEU, TIEU_NGU])
    number: str = ""  # "Số: 2949/KH-UBND"
    place_date: str = ""  # "Bình Thuận, ngày 07 tháng 9 năm 2022"
    body: str = ""
    above: list[str] = field(default_factory=list)  # site noise above the header
    below: list[str] = field(default_factory=list)  # a session line under the header


def _agency_lines(issuer: str, upper: bool = True) -> list[str]:
    m = re.match(r"^(.*?)\s+(" + _LEVELS + r"\s+.+)$", issuer)
    m2 = re.match(r"^(Bộ \S+ \S+)\s+(và .+)$", issuer)
    lines = [m.group(1), m.group(2)] if m else [m2.group(1), m2.group(2)] if m2 and len(issuer) > 30 else [issuer]
    return [x.upper() for x in lines] if upper else lines


def _place_date(place: str, iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{place}, ngày {d} tháng {int(m)} năm {y}"


def _body(text: str, key: dict) -> str | None:
    """The text after its own header: everything after the first place/date line that carries the key's year."""
    year = key["date"][:4]
    lines = text.split("\n")
    for i, line in enumerate(lines[:40]):
        if not re.search(r"\bngày\b", line):
            continue
        if year in line:
            return "\n".join(lines[i + 1 :])
        if i + 1 < len(lines) and year in lines[i + 1] and re.search(r"ngày\s*\|?\s*$", line):  # "…, ngày" / "13 tháng …"
            return "\n".join(lines[i + 2 :])
    return None


# the texts the fuzz takes: c01–c101 (the sets tuned on before it was written); c102 and above (fresh6 and any later
# set) are left for an honest score of the header rules, even once released for tuning
LAST_FUZZED = 101


def _tuned(key: str) -> bool:
    return key[:1] == "c" and key[1:].isdigit() and int(key[1:]) <= LAST_FUZZED


def documents() -> list[Header]:
    """Every keyed header of the sets scored by default (never a split kept aside) and the seeds with a full one."""
    out: list[Header] = []
    splits = {s for s, _ in DEFAULT_SPLITS}
    items = []
    for k in sorted(DOCUMENTS):
        d = DOCUMENTS[k]
        if d["split"] in KEPT_ASIDE or d["split"] not in splits or d["header"] is None or not _tuned(k):
            continue
        items.append((k, d["header"], lambda k=k: corpus_text(k)))
    for k in sorted(SEED_FILES):
        e = EXPECTED[k]
        h = {f: e.get(f) for f in ("number", "symbol", "date", "place", "issuer")}
        if all(h.values()):
            items.append((f"seed{k}", h, lambda k=k: seed_text(k)))
    for name, key, text in items:
        if not (key["number"] and key["symbol"] and key["date"] and key["place"] and key["issuer"]):
            continue
        body = _body(text(), key)
        if body is None:
            continue
        out.append(
            Header(
                name,
                key,
                _agency_lines(key["issuer"]),
                number=f"Số: {key['number']}/{key['symbol']}",
                place_date=_place_date(key["place"], key["date"]),
                body=body,
            )
        )
    return out


# --- layouts: the header's elements as lines of text -----------------------------------------------


def columns(h: Header) -> list[str]:
    return [*h.agency, "-------", "", *h.motto, "---------------", "", h.number, "", h.place_date, ""]


def _rows(h: Header) -> list[tuple[str, str]]:
    left = [*h.agency]
    right = [*h.motto]
    n = max(len(left), len(right))
    left += [""] * (n - len(left))
    right += [""] * (n - len(right))
    return [*zip(left, right, strict=True), (h.number, h.place_date)]


def rows_bar(h: Header) -> list[str]:
    return [f"| {a} | {b} |" for a, b in _rows(h)]


def rows_bar_inner(h: Header) -> list[str]:
    return [f"{a} | {b}" if a else b for a, b in _rows(h)]


def rows_tab(h: Header) -> list[str]:
    return [f"{a}\t{b}" for a, b in _rows(h)]


def rows_spaces(h: Header) -> list[str]:
    return [f"{a}          {b}".strip() for a, b in _rows(h)]


def one_line_bar(h: Header) -> list[str]:
    return [" | ".join(x for a, b in _rows(h) for x in (a, b) if x)]


def one_line_spaces(h: Header) -> list[str]:
    return [" ".join(x for a, b in _rows(h) for x in (a, b) if x)]


def interleaved(h: Header) -> list[str]:
    return [x for a, b in _rows(h) for x in (a, b) if x]


LAYOUTS: dict[str, Callable[[Header], list[str]]] = {
    "columns": columns,
    "rows |": rows_bar,
    "rows a | b": rows_bar_inner,
    "rows tab": rows_tab,
    "rows spaces": rows_spaces,
    "one line |": one_line_bar,
    "one line": one_line_spaces,
    "interleaved": interleaved,
}


def render(h: Header, layout: Callable[[Header], list[str]]) -> str:
    return "\n".join([*h.above, *layout(h), *h.below, h.body])


# --- element distortions ---------------------------------------------------------------------------


def _sub_number(h: Header, fn: Callable[[str], str]) -> Header:
    return replace(h, number=fn(h.number))


def _date_parts(h: Header) -> tuple[str, int, int, str]:
    y, m, d = h.key["date"].split("-")
    return y, int(m), int(d), d


def date_figures(h: Header) -> Header:
    y, m, d, _ = _date_parts(h)
    return replace(h, place_date=f"{h.key['place']}, ngày {d:02d}/{m}/{y}")


def date_figures_dash(h: Header) -> Header:
    y, m, d, _ = _date_parts(h)
    return replace(h, place_date=f"{h.key['place']}, ngày {d}-{m}-{y}")


def date_spaces(h: Header) -> Header:
    y, m, _, d = _date_parts(h)
    return replace(h, place_date=f"{h.key['place']}, ngày  {d}   tháng  {m:02d}  năm  {y}")


def date_no_zero(h: Header) -> Header:
    y, m, d, _ = _date_parts(h)
    return replace(h, place_date=f"{h.key['place']}, ngày {d} tháng {m} năm {y}")


def nbsp(h: Header) -> Header:
    def f(s: str) -> str:
        return s.replace(" ", "\u00a0")

    return replace(h, agency=[f(a) for a in h.agency], number=f(h.number), place_date=f(h.place_date))


def double_spaces(h: Header) -> Header:
    def f(s: str) -> str:
        return "  " + s.replace(" ", "  ") + " "

    return replace(h, agency=[f(a) for a in h.agency], number=f(h.number), place_date=f(h.place_date))


def old_tones(h: Header) -> Header:
    return replace(
        h,
        agency=[a.replace("ỦY", "UỶ").replace("HÒA", "HOÀ") for a in h.agency],
        motto=[m.replace("HÒA", "HOÀ") for m in h.motto],
    )


def so_upper(h: Header) -> Header:
    return _sub_number(h, lambda s: s.replace("Số:", "SỐ:"))


def so_lower(h: Header) -> Header:
    return _sub_number(h, lambda s: s.replace("Số:", "số:"))


def so_no_colon(h: Header) -> Header:
    return _sub_number(h, lambda s: s.replace("Số: ", "Số "))


def so_tight(h: Header) -> Header:
    return _sub_number(h, lambda s: re.sub(r"Số: (\d+)/", r"Số:\1 /", s))


def place_date_upper(h: Header) -> Header:
    return replace(h, place_date=h.place_date.upper())


def agency_as_typed(h: Header) -> Header:
    """The agency lines in the case they were typed in (a .docx styled in capitals, the style lost): "Ủy ban nhân
    dân" / "tỉnh Hà Nam"."""
    return replace(h, agency=_agency_lines(h.key["issuer"], upper=False))


def agency_title_case(h: Header) -> Header:
    """… or title-cased by a site: "Ủy Ban Nhân Dân" / "Tỉnh Hà Nam"."""
    return replace(h, agency=[" ".join(w[:1].upper() + w[1:] for w in a.split(" ")) for a in agency_as_typed(h).agency])


def _symbol_dash(h: Header, dash: str) -> Header:
    def f(s: str) -> str:
        head, _, sym = s.rpartition("/")
        return head + "/" + sym.replace("-", dash)

    return _sub_number(h, f)


def symbol_spaced(h: Header) -> Header:
    return _symbol_dash(h, " - ")


def symbol_en_dash(h: Header) -> Header:
    return _symbol_dash(h, "–")


def symbol_en_dash_spaced(h: Header) -> Header:
    return _symbol_dash(h, "– ")


def symbol_hyphen_lost(h: Header) -> Header:
    """A text layer that dropped the symbol's first hyphen: "437/QĐUBND"."""

    def f(s: str) -> str:
        head, _, sym = s.rpartition("/")
        return head + "/" + sym.replace("-", "", 1)

    return _sub_number(h, f)


def symbol_hyphen_space(h: Header) -> Header:
    return _symbol_dash(h, " ")


def motto_cut(h: Header) -> Header:
    return replace(h, motto=["CỘNG HÒA XÃ HỘI CHỦ", "NGHĨA VIỆT NAM", TIEU_NGU])


def motto_no_tieu_ngu(h: Header) -> Header:
    return replace(h, motto=[QUOC_HIEU])


def motto_missing(h: Header) -> Header:
    return replace(h, motto=[])


NOISE = [
    "Thư Viện Pháp Luật",
    "Trang chủ > Văn bản pháp luật > Kế hoạch",
    "Thứ ba, ngày 06 tháng 01 năm 2026",
    "Cập nhật: 08:15 ngày 12/3/2023",
    "Văn bản liên quan",
    "Kế hoạch 45/KH-UBND năm 2021 phát triển kinh tế tập thể tỉnh Sóc Trăng",
    "Quyết định số 1804/QĐ-TTg ngày 13/11/2020 của Thủ tướng Chính phủ",
    "Ngày ban hành: 05/01/2021",
    "Số hiệu: 99/2021/NQ-HĐND",
]


def noise_above(h: Header) -> Header:
    return replace(h, above=list(NOISE))


def noise_related_numbers(h: Header) -> Header:
    return replace(
        h,
        above=[
            "Cổng thông tin điện tử",
            "Các văn bản khác",
            "Số: 12/KH-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh Sóc Trăng",
            "Sóc Trăng, ngày 05 tháng 01 năm 2021 - Kế hoạch phát triển hợp tác xã",
        ],
    )


def session_line(h: Header) -> Header:
    return replace(h, below=["KHÓA IX, KỲ HỌP THỨ 12", "(Từ ngày 08 đến 10/12/2015)"])


def session_line_dated(h: Header) -> Header:
    return replace(h, below=["KỲ HỌP THỨ 12 (từ ngày 07 đến ngày 09 tháng 12 năm 2015)"])


TRANSFORMS: dict[str, Callable[[Header], Header]] = {
    "clean": lambda h: h,
    "date dd/m/yyyy": date_figures,
    "date d-m-yyyy": date_figures_dash,
    "date extra spaces": date_spaces,
    "date no zeros": date_no_zero,
    "no-break spaces": nbsp,
    "double spaces": double_spaces,
    "old tones": old_tones,
    "SỐ:": so_upper,
    "số:": so_lower,
    "Số without colon": so_no_colon,
    "Số:N /": so_tight,
    "place/date upper": place_date_upper,
    "agency as typed": agency_as_typed,
    "agency title case": agency_title_case,
    "symbol ' - '": symbol_spaced,
    "symbol en dash": symbol_en_dash,
    "symbol '– '": symbol_en_dash_spaced,
    "symbol hyphen lost": symbol_hyphen_lost,
    "symbol hyphen as space": symbol_hyphen_space,
    "motto cut": motto_cut,
    "no tiêu ngữ": motto_no_tieu_ngu,
    "no motto": motto_missing,
    "noise above": noise_above,
    "related numbers above": noise_related_numbers,
    "session line": session_line,
    "session line dated": session_line_dated,
}
# combinations of two element distortions (every layout)
COMBOS = [
    ("noise above", "old tones"),
    ("noise above", "date dd/m/yyyy"),
    ("related numbers above", "symbol ' - '"),
    ("no-break spaces", "symbol en dash"),
    ("old tones", "no motto"),
    ("motto cut", "date extra spaces"),
    ("session line", "noise above"),
    ("agency as typed", "date no zeros"),
]


# --- line breaks inside a field ------------------------------------------------------------------


def _breaks(text: str) -> list[int]:
    """Every place a site may break the element: each space, and after "/" and "-" in a symbol."""
    return [i for i, c in enumerate(text) if c == " " and 0 < i < len(text) - 1] + [
        i + 1 for i, c in enumerate(text) if c in "/-" and 0 < i < len(text) - 1
    ]


def wraps(h: Header) -> Iterator[tuple[str, Header]]:
    """The header with one line break moved or inserted inside one element (every position of every element)."""
    for k, a in enumerate(h.agency):
        for i in _breaks(a):
            agency = h.agency[:k] + [a[:i].rstrip(), a[i:].lstrip()] + h.agency[k + 1 :]
            yield "wrap agency", replace(h, agency=agency)
    if len(h.agency) == 2:  # the two agency lines joined
        yield "wrap agency", replace(h, agency=[" ".join(h.agency)])
    for i in _breaks(h.number):
        yield "wrap Số", replace(h, number=h.number[:i].rstrip() + "\n" + h.number[i:].lstrip())
    for i in _breaks(h.place_date):
        kind = "wrap place" if i < h.place_date.index(",") else "wrap date"
        yield kind, replace(h, place_date=h.place_date[:i].rstrip() + "\n" + h.place_date[i:].lstrip())


def variants(h: Header) -> Iterator[tuple[str, str]]:
    """(distortion, text) for one document: every layout with every element distortion and the combinations,
    and every line break inside a field in the two commonest layouts."""
    for lname, layout in LAYOUTS.items():
        for tname, tf in TRANSFORMS.items():
            yield f"{lname} / {tname}", render(tf(h), layout)
        for a, b in COMBOS:
            yield f"{lname} / {a} + {b}", render(TRANSFORMS[b](TRANSFORMS[a](h)), layout)
    for lname in ("columns", "rows |"):
        for kind, w in wraps(h):
            yield f"{lname} / {kind}", render(w, LAYOUTS[lname])
        for kind, w in wraps(noise_above(old_tones(h))):
            yield f"{lname} / {kind} + noise + old tones", render(w, LAYOUTS[lname])


def check(h: Header, text: str) -> list[str]:
    """The header fields the reader gets wrong on ``text``."""
    got = read_text(text).to_dict()
    return [f for f in HEADER_FIELDS if not header_field_ok(f, got, h.key)]


def run(docs: list[Header] | None = None, every: int = 1) -> dict:
    """Pass rate of every distortion over the documents (``every``: take one variant in so many)."""
    docs = documents() if docs is None else docs
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    fails: list[tuple[str, str, list[str]]] = []
    n = ok = 0
    for h in docs:
        for i, (name, text) in enumerate(variants(h)):
            if i % every:
                continue
            wrong = check(h, text)
            group = name.split(" / ", 1)[1].split(" + ")[0] if " / " in name else name
            for g in {group, name.split(" / ")[0]}:
                per[g][1] += 1
                per[g][0] += not wrong
            n += 1
            ok += not wrong
            if wrong:
                fails.append((h.name, name, wrong))
    return {"docs": len(docs), "variants": n, "passed": ok, "rate": ok / n if n else 1.0, "per": dict(per), "fails": fails}


def main(argv: list[str]) -> None:
    every = int(argv[0]) if argv else 1
    result = run(every=every)
    print(f"documents {result['docs']}, variants {result['variants']}, passed {result['passed']} ({result['rate']:.3f})")
    for g, (ok, n) in sorted(result["per"].items(), key=lambda x: x[1][0] / x[1][1]):
        print(f"  {g:40} {ok:5}/{n:<5} {ok / n:.3f}")
    by: dict[tuple[str, str], int] = defaultdict(int)
    for _doc, name, wrong in result["fails"]:
        by[(name, ",".join(wrong))] += 1
    for (name, wrong), c in sorted(by.items(), key=lambda x: -x[1])[:60]:
        print(f"  FAIL {c:3} {name}: {wrong}")


if __name__ == "__main__":
    main(sys.argv[1:])
