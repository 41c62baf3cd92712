"""Target fuzz (issue 16): target sentences written in the shapes Vietnamese plans use, each re-written the ways
other provinces write the same target, must give the same targets; the same quantities stated as results must give
none.

A sentence is built from a **lead** (how the plan opens it: "Phấn đấu", "Mục tiêu … là", "Tập trung …", "tỉnh đặt
mục tiêu", "Chỉ tiêu …:", a year opening an annual plan's sentence), a **milestone** ("đến năm 2030", "tới năm
2030", "vào năm 2030") and its **place** (before the lead, right after it, after the quantities), and one or two
**quantities** of the kinds plans set (cooperatives founded, groups with a floor, members, federations, shares with
"trên"/"dưới"/"khoảng", growth in "%/năm", ranges). Each quantity has its **number shapes** ("1.200" and "1200";
"7,5"; ranges "từ 70 đến 80", "70-80", "70 – 80", "từ 70% đến 80%", "70% - 80%"), and two quantities are joined by
"; ", ", " or " và ". The sentence is read in two **frames**: a page's summary (a title line, then the sentence) and a
plan's "Mục tiêu cụ thể" section under its header. The negatives put the same quantities in result sentences
("Năm 2024, toàn tỉnh đã …", "Giai đoạn 2021-2025, … đạt 105% kế hoạch", "Lũy kế đến nay …", "ước đạt") in the same
frames: nothing may be read from them.

The sentences are written for the fuzz (none is copied from the corpus) and the expected targets follow from the
quantities alone, so a variant passes only when the reader gives exactly those targets (year, comparator, value,
upper bound, unit) and, for a negative, none. ``python -m tests.planimport.target_fuzz`` prints the pass rate per
dimension and the failures; ``test_target_fuzz.py`` runs every variant against a floor.
"""

from __future__ import annotations

import itertools
import sys
from collections import defaultdict
from dataclasses import dataclass

from planimport.reader import read_text

YEAR = 2030


@dataclass(frozen=True)
class Quantity:
    name: str
    shapes: tuple[tuple[str, str], ...]  # (shape name, the quantity's text)
    expected: tuple  # (comparator, value, value_max, unit)
    result: str  # the same quantity as a result (past tense), for the negatives


def _range_shapes(lo: str, hi: str, unit: str) -> tuple[tuple[str, str], ...]:
    return (
        ("từ a đến b", f"từ {lo} đến {hi}{unit}"),
        ("a-b", f"{lo}-{hi}{unit}"),
        ("a – b", f"{lo} – {hi}{unit}"),
        ("từ a% đến b%", f"từ {lo}{unit} đến {hi}{unit}"),
        ("a% - b%", f"{lo}{unit} - {hi}{unit}"),
    )


QUANTITIES = (
    Quantity(
        "founded",
        (("1.200", "thành lập mới 1.200 hợp tác xã"), ("1200", "thành lập mới 1200 hợp tác xã")),
        ("=", 1200, None, "HTX"),
        "đã thành lập mới 1.200 hợp tác xã",
    ),
    Quantity(
        "floor",
        (("1.500", "có ít nhất 1.500 tổ hợp tác"), ("tối thiểu", "có tối thiểu 1.500 tổ hợp tác")),
        (">=", 1500, None, "THT"),
        "đã có 1.500 tổ hợp tác",
    ),
    Quantity(
        "members",
        (
            ("25.000", "thu hút 25.000 thành viên tham gia hợp tác xã"),
            ("25000", "thu hút 25000 thành viên tham gia hợp tác xã"),
        ),
        ("=", 25000, None, "thành viên"),
        "đã thu hút 25.000 thành viên tham gia hợp tác xã",
    ),
    Quantity(
        "federations",
        (
            ("05", "thành lập 05 liên hiệp hợp tác xã"),
            ("5", "thành lập 5 liên hiệp hợp tác xã"),
            ("05 (năm)", "thành lập 05 (năm) liên hiệp hợp tác xã"),
        ),
        ("=", 5, None, "LHHTX"),
        "đã thành lập 05 liên hiệp hợp tác xã",
    ),
    Quantity(
        "share over",
        (
            ("trên 80%", "có trên 80% hợp tác xã đạt loại khá, tốt"),
            ("80,5%", "có trên 80,5% hợp tác xã đạt loại khá, tốt"),
        ),
        (">", 80, None, "%"),
        "đã có 80% hợp tác xã đạt loại khá, tốt",
    ),
    Quantity(
        "share under",
        (
            ("dưới 5%", "tỷ lệ hợp tác xã yếu kém giảm xuống dưới 5%"),
            ("dưới 5,0%", "tỷ lệ hợp tác xã yếu kém dưới 5,0%"),
        ),
        ("<", 5, None, "%"),
        "tỷ lệ hợp tác xã yếu kém đã giảm còn 5%",
    ),
    Quantity(
        "about",
        (("khoảng 150", "có khoảng 150 hợp tác xã ứng dụng công nghệ cao"),),
        ("~", 150, None, "HTX"),
        "đã có 150 hợp tác xã ứng dụng công nghệ cao",
    ),
    Quantity(
        "growth",
        (
            ("7,5%/năm", "doanh thu bình quân của hợp tác xã tăng 7,5%/năm"),
            ("7,5 %/năm", "doanh thu bình quân của hợp tác xã tăng 7,5 %/năm"),
        ),
        ("=", 7.5, None, "%/năm"),
        "doanh thu bình quân của hợp tác xã đã tăng 7,5%/năm",
    ),
    Quantity(
        "share range",
        tuple((n, "tỷ lệ hợp tác xã hoạt động hiệu quả đạt " + t) for n, t in _range_shapes("70", "80", "%")),
        ("range", 70, 80, "%"),
        "tỷ lệ hợp tác xã hoạt động hiệu quả đã đạt 75%",
    ),
    Quantity(
        "growth range",
        tuple((n, "doanh thu của hợp tác xã tăng " + t) for n, t in _range_shapes("10", "15", "%/năm")[:3]),
        ("range", 10, 15, "%/năm"),
        "doanh thu của hợp tác xã đã tăng 12%/năm",
    ),
)
# the expected value of "trên 80,5%" and "dưới 5,0%" shapes
_VALUE_OF_SHAPE = {"80,5%": 80.5, "dưới 5,0%": 5}


def _expected(q: Quantity, shape: str, year: int) -> tuple:
    comp, value, vmax, unit = q.expected
    return (year, comp, _VALUE_OF_SHAPE.get(shape, value), vmax, unit)


# leads: how the sentence opens, with {M} the milestone's place when it is put right after the lead and {Q} the
# quantities; "before"/"inside"/"after" name the milestone's place
MILESTONES = ("đến năm {y}", "tới năm {y}", "vào năm {y}")
LEADS = (
    # (lead name, with the milestone before the lead, right after it, after the quantities)
    ("phấn đấu", "{M}, phấn đấu {Q}.", "Phấn đấu {M}, {Q}.", "Phấn đấu {Q} {M}."),
    (
        "phấn đấu toàn tỉnh",
        "{M}, toàn tỉnh phấn đấu {Q}.",
        "Phấn đấu {M} toàn tỉnh {Q}.",
        "Toàn tỉnh phấn đấu {Q} {M}.",
    ),
    ("mục tiêu là", "{M}, mục tiêu của tỉnh là {Q}.", "Mục tiêu {M} là {Q}.", "Mục tiêu của tỉnh là {Q} {M}."),
    (
        "tập trung",
        "{M}, tập trung phát triển kinh tế tập thể, {Q}.",
        "Tập trung phát triển kinh tế tập thể, phấn đấu {M} {Q}.",
        "Tập trung phát triển kinh tế tập thể, phấn đấu {Q} {M}.",
    ),
    ("đặt mục tiêu", "{M}, tỉnh đặt mục tiêu {Q}.", "Tỉnh đặt mục tiêu {M} {Q}.", "Tỉnh đặt mục tiêu {Q} {M}."),
    ("chỉ tiêu", "{M}, các chỉ tiêu chủ yếu: {Q}.", "Chỉ tiêu {M}: {Q}.", "Các chỉ tiêu chủ yếu: {Q} {M}."),
    (
        "đạt",
        "{M}, phấn đấu đạt các chỉ tiêu: {Q}.",
        "Phấn đấu {M} đạt các chỉ tiêu: {Q}.",
        "Phấn đấu đạt các chỉ tiêu: {Q} {M}.",
    ),
)
MILESTONE_LEADS = (
    "Theo đó, đến năm {y}, {Q}.",
    "Thời gian tới, đến năm {y}, tỉnh {Q}.",
    "Dự kiến đến năm {y}, {Q}.",
    "Theo kế hoạch, đến năm {y} toàn tỉnh {Q}.",
    "Hướng tới năm {y}, {Q}.",
)
JOINS = ("; ", ", ", " và ")
# the quantities' pairs read together: one of each kind of neighbour
PAIRS = (
    ("founded", "members"),
    ("floor", "share over"),
    ("federations", "growth"),
    ("share range", "share under"),
    ("about", "growth range"),
)

FRAMES = {
    "summary": "Phát triển kinh tế tập thể, hợp tác xã giai đoạn 2026 - 2030\n{S}\n",
    "plan": (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND\nHà Nam, ngày 10 tháng 8 năm 2025\nKẾ HOẠCH\n"
        "Phát triển kinh tế tập thể, hợp tác xã giai đoạn 2026 - 2030\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao hiệu quả hoạt động của kinh tế tập thể.\n"
        "II. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển kinh tế tập thể bền vững.\n2. Mục tiêu cụ thể\n{S}\n"
        "III. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền, nâng cao nhận thức về kinh tế tập thể.\n"
    ),
}

# results: the same quantities in sentences that report what was done; nothing may be read from them
RESULT_LEADS = (
    ("đã … năm 2024", "Năm 2024, toàn tỉnh {R}."),
    ("giai đoạn qua, đạt … kế hoạch", "Giai đoạn 2021 - 2025, toàn tỉnh {R}, đạt 105% kế hoạch."),
    ("lũy kế đến nay", "Lũy kế đến nay, toàn tỉnh {R}."),
    ("tính đến ngày", "Tính đến ngày 30/6/2025, toàn tỉnh {R}."),
    ("nhiệm kỳ qua", "Nhiệm kỳ qua, toàn tỉnh {R}."),
)
RESULT_FRAMES = {
    "summary": "Kết quả phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021 - 2025\n{S}\n",
    "plan": (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND\nHà Nam, ngày 10 tháng 8 năm 2025\nKẾ HOẠCH\n"
        "Phát triển kinh tế tập thể, hợp tác xã giai đoạn 2026 - 2030\n"
        "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021 - 2025\n{S}\n"
        "II. MỤC TIÊU\nPhát triển kinh tế tập thể bền vững.\n"
    ),
}


@dataclass(frozen=True)
class Variant:
    dims: tuple[tuple[str, str], ...]  # (dimension, value) for the rate per dimension
    text: str
    expected: tuple


def _quantity(name: str) -> Quantity:
    return next(q for q in QUANTITIES if q.name == name)


def _sentence(lead: tuple, place: int, milestone: str, qtext: str) -> str:
    s = lead[1 + place].replace("{M}", milestone).replace("{Q}", qtext)
    return s[0].upper() + s[1:]


def variants() -> list[Variant]:
    out: list[Variant] = []
    places = ("before", "after lead", "after quantities")
    for frame, ftext in FRAMES.items():
        for lead in LEADS:
            for place in range(3):
                for mi, milestone in enumerate(MILESTONES):
                    if mi and (place != 1 or lead[0] != "phấn đấu"):  # the other words only in one position
                        if not (mi == 2 and place == 2):
                            continue
                    m = milestone.format(y=YEAR)
                    dims0 = (
                        ("frame", frame),
                        ("lead", lead[0]),
                        ("milestone place", places[place]),
                        ("milestone", milestone.split()[0]),
                    )
                    for q in QUANTITIES:  # one quantity, every shape
                        for shape, qtext in q.shapes:
                            dims = (*dims0, ("quantity", q.name), ("shape", f"{q.name}: {shape}"))
                            out.append(
                                Variant(
                                    dims, ftext.format(S=_sentence(lead, place, m, qtext)), (_expected(q, shape, YEAR),)
                                )
                            )
                    for (a, b), join in itertools.product(PAIRS, JOINS):  # two quantities, first shapes
                        qa, qb = _quantity(a), _quantity(b)
                        qtext = qa.shapes[0][1] + join + qb.shapes[0][1]
                        dims = (*dims0, ("quantity", "pair"), ("join", repr(join)), ("pair", f"{a} + {b}"))
                        exp = (_expected(qa, qa.shapes[0][0], YEAR), _expected(qb, qb.shapes[0][0], YEAR))
                        out.append(Variant(dims, ftext.format(S=_sentence(lead, place, m, qtext)), exp))
    for frame, ftext in RESULT_FRAMES.items():
        for (lname, lead), q in itertools.product(RESULT_LEADS, QUANTITIES):
            dims = (("frame", frame), ("result lead", lname), ("result quantity", q.name))
            out.append(Variant(dims, ftext.format(S=lead.format(R=q.result)), ()))
    # a milestone opening a summary's sentence behind the plan's frame ("Theo đó,", "Dự kiến", "Theo kế hoạch,",
    # "Hướng tới năm 2030,"): a target; the same behind a past milestone or with "đã": a result
    for frame, ftext in FRAMES.items():
        for lead, q in itertools.product(MILESTONE_LEADS, QUANTITIES):
            shape, qtext = q.shapes[0]
            dims = (("frame", frame), ("milestone lead", lead.split(",")[0].split(" {")[0]), ("quantity", q.name))
            out.append(Variant(dims, ftext.format(S=lead.format(y=YEAR, Q=qtext)), (_expected(q, shape, YEAR),)))
            neg = lead.format(y=2024, Q=q.result)
            dims = (
                ("frame", frame),
                ("milestone lead, past", lead.split(",")[0].split(" {")[0]),
                ("result quantity", q.name),
            )
            out.append(Variant(dims, RESULT_FRAMES[frame].format(S=neg), ()))
    # an annual plan: "Năm 2026, phấn đấu …" in a summary, the year opening the sentence
    for q in QUANTITIES:
        shape, qtext = q.shapes[0]
        for lead in ("Năm 2026, phấn đấu {Q}.", "Năm 2026, toàn tỉnh phấn đấu {Q}.", "Trong năm 2026, phấn đấu {Q}."):
            dims = (("frame", "annual summary"), ("lead", lead.split(",")[0]), ("quantity", q.name))
            text = FRAMES["summary"].format(S=lead.format(Q=qtext))
            out.append(Variant(dims, text, (_expected(q, shape, 2026),)))
    out += _past_plan_variants()
    out += _listed_variants()
    # items that open with their year, under a plan's "Mục tiêu cụ thể" and a summary's "…, trong đó:"
    for k, (frame, lead) in enumerate(
        (("plan", ""), ("summary", "Phấn đấu giai đoạn 2026 - 2030 thành lập mới 220 hợp tác xã, trong đó:\n"))
    ):
        for q in QUANTITIES:
            shape, qtext = q.shapes[0]
            body = lead + f"- Năm 2027: {qtext};\n- Năm 2028: {qtext}.\n"
            exp = (_expected(q, shape, 2027), _expected(q, shape, 2028)) + (
                (((2030, "=", 220, None, "HTX")),) if k else ()
            )
            dims = (("frame", frame), ("year items", frame), ("quantity", q.name))
            out.append(Variant(dims, FRAMES[frame].format(S=body.rstrip("\n")), exp))
    for title, body in REVIEWS:  # whole result texts: nothing may be read
        out.append(Variant((("frame", "review"), ("review", title.split()[0])), f"{title}\n{body}\n", ()))
    return out


# twelfth pass: a summary without a date framing its own plan ("Mục tiêu năm 2026:", "Năm 2026, tỉnh phấn đấu …",
# "Mục tiêu giai đoạn 2026 - 2030:") after a past plan's target — a milestone lead of an earlier year, a past
# programme's target with its outcome, last year's assignment —: only the own plan's targets are read
OWN_FRAMES = (
    ("annual", "Mục tiêu năm 2026: {Q}.", 2026),
    ("annual phấn đấu", "Năm 2026, tỉnh phấn đấu {Q}.", 2026),
    ("period", "Mục tiêu giai đoạn 2026 - 2030: {Q}.", 2030),
)
PAST_PLANS = (
    ("dự kiến", "Dự kiến đến năm 2024, {Q}."),
    ("theo kế hoạch", "Theo kế hoạch, đến năm 2024 toàn tỉnh {Q}."),
    ("theo đó", "Theo đó, đến năm 2025, {Q}."),
    ("programme reviewed", "Chương trình giai đoạn 2016 - 2020 đặt mục tiêu {Q}; kết quả đã đạt 90% mục tiêu."),
    ("programme has", "Kế hoạch giai đoạn 2021 - 2025 có mục tiêu {Q}, đến nay đã hoàn thành."),
)


def _past_plan_variants() -> list[Variant]:
    out: list[Variant] = []
    for (fname, frame, fyear), (pname, past) in itertools.product(OWN_FRAMES, PAST_PLANS):
        for k, q in enumerate(QUANTITIES):
            shape, qtext = q.shapes[0]
            own = QUANTITIES[(k + 1) % len(QUANTITIES)]
            oshape, otext = own.shapes[0]
            for join in (" ", "\n"):
                text = "Phát triển kinh tế tập thể, hợp tác xã\n" + past.format(Q=qtext) + join + frame.format(Q=otext)
                dims = (("frame", "past plan, then own"), ("past plan", pname), ("own frame", fname),
                        ("quantity", q.name))
                out.append(Variant(dims, text + "\n", (_expected(own, oshape, fyear),)))
    # last year's assignment handed down, before this year's targets
    q = _quantity("founded")
    for lead in ("Năm 2025, UBND tỉnh giao các huyện {Q}.", "Năm 2025, tỉnh giao chỉ tiêu {Q}."):
        for frame in ("Năm 2026, tỉnh phấn đấu thành lập mới 90 hợp tác xã.", "Mục tiêu năm 2026: thành lập mới 90 hợp tác xã."):
            text = "Phát triển kinh tế tập thể, hợp tác xã\n" + lead.format(Q=q.shapes[0][1]) + " " + frame + "\n"
            dims = (("frame", "past plan, then own"), ("past plan", "last year's assignment"))
            out.append(Variant(dims, text, ((2026, "=", 90, None, "HTX"),)))
    return out


# result texts of the shapes reviews, congress reports and news items use (written for the fuzz)
REVIEWS = (
    (
        "Kết quả 5 năm thực hiện Nghị quyết về kinh tế tập thể",
        "Sau 5 năm thực hiện Nghị quyết, toàn tỉnh có 1.200 hợp tác xã, vượt 20% chỉ tiêu đề ra; 85% hợp tác xã hoạt động "
        "hiệu quả.",
    ),
    (
        "Kết quả 5 năm thực hiện Nghị quyết về kinh tế tập thể",
        "Giai đoạn 2021 - 2025, toàn tỉnh thành lập mới 320 hợp tác xã, bình quân mỗi năm thành lập 64 hợp tác xã; doanh "
        "thu bình quân đạt 3,1 tỷ đồng/hợp tác xã/năm.",
    ),
    (
        "Kết quả 5 năm thực hiện Nghị quyết về kinh tế tập thể",
        "Đến hết năm 2025, toàn tỉnh có 1.200 hợp tác xã với 45.000 thành viên, tăng 320 hợp tác xã so với năm 2020.",
    ),
    (
        "Đại hội Liên minh Hợp tác xã tỉnh lần thứ VI",
        "Nhiệm kỳ qua, Liên minh HTX tỉnh đã hỗ trợ thành lập mới 280 hợp tác xã, đạt 112% chỉ tiêu Đại hội; tổ chức 150 "
        "lớp tập huấn cho 6.000 lượt cán bộ.",
    ),
    (
        "Tổng kết năm 2025",
        "Năm 2025, kinh tế tập thể tiếp tục phát triển. Toàn tỉnh có 750 hợp tác xã, 1.100 tổ hợp tác; 65% hợp tác xã "
        "xếp loại khá, tốt; thu nhập bình quân của thành viên đạt 62 triệu đồng/người/năm.",
    ),
    ("Tổng kết năm 2025", "Trong năm 2025, toàn tỉnh thành lập mới 58 hợp tác xã, giải thể 12 hợp tác xã yếu kém."),
    (
        "Hội nghị sơ kết 6 tháng đầu năm 2026",
        "6 tháng đầu năm, toàn tỉnh thành lập mới 25 hợp tác xã, bằng 42% kế hoạch năm.",
    ),
    (
        "Kinh tế tập thể tỉnh Nam Định",
        "Hiện nay, toàn tỉnh có 420 hợp tác xã nông nghiệp, trong đó 60% hoạt động khá, tốt; doanh thu bình quân 2,5 tỷ "
        "đồng/năm.",
    ),
    (
        "Kinh tế tập thể tỉnh Nam Định",
        "Theo báo cáo, năm 2025 toàn tỉnh có 420 hợp tác xã nông nghiệp với hơn 30.000 thành viên.",
    ),
)


# lists: a lead line and one item per quantity, with the markers plans and pages use
MARKERS = ("- ", "+ ", "• ", "* ", "{a}) ", "({n}) ")  # numbered markers count up: a), b), c); (1), (2), (3)
LIST_LEADS = ("Mục tiêu cụ thể đến năm {y}:", "Phấn đấu đến năm {y}:", "Các chỉ tiêu chủ yếu đến năm {y}:")
# "<label>: <number>" items, the unit in the label or after the number
LABELLED = (
    ("Số hợp tác xã thành lập mới: 1.200", ("=", 1200, None, "HTX")),
    ("Tổng số thành viên: 25.000", ("=", 25000, None, "thành viên")),
    ("Số tổ hợp tác: 1.500 tổ hợp tác", ("=", 1500, None, "THT")),
    ("Tỷ lệ hợp tác xã đạt loại khá, tốt: trên 80%", (">", 80, None, "%")),
    ("Doanh thu bình quân: 3,5 tỷ đồng/hợp tác xã/năm", ("=", 3500000000, None, "đồng/HTX/năm")),
)
# a summary's headline restating its body's target in other words
HEADLINES = (
    (
        "{P} đặt mục tiêu trên 60% hợp tác xã hoạt động khá, tốt",
        "số hợp tác xã đạt loại khá, tốt chiếm từ 60% trở lên",
        (">=", 60, None, "%"),
    ),
    ("{P}: phấn đấu thành lập mới khoảng 1.200 hợp tác xã", "thành lập mới 1.200 hợp tác xã", ("=", 1200, None, "HTX")),
    (
        "{P} phấn đấu có ít nhất 30% hợp tác xã tham gia chuỗi",
        "có ít nhất 30% hợp tác xã nông nghiệp tham gia chuỗi liên kết",
        (">=", 30, None, "%"),
    ),
)


def _mark(marker: str, i: int) -> str:
    return marker.format(a="abcdefgh"[i], n=i + 1)


def _listed_variants() -> list[Variant]:
    out: list[Variant] = []
    title = "Phát triển kinh tế tập thể, hợp tác xã giai đoạn 2026 - 2030\n"
    items = [(q.shapes[0][1], _expected(q, q.shapes[0][0], YEAR)) for q in QUANTITIES]
    for lead, marker in itertools.product(LIST_LEADS, MARKERS):
        for k in range(0, len(items), 3):  # three items a list, every quantity in turn
            chunk = items[k : k + 3]
            body = "".join(f"{_mark(marker, i)}{t[0].upper()}{t[1:]};\n" for i, (t, _) in enumerate(chunk))
            dims = (("frame", "list"), ("list lead", lead.split(" đến")[0]), ("marker", _mark(marker, 0).strip()))
            out.append(Variant(dims, title + lead.format(y=YEAR) + "\n" + body, tuple(e for _, e in chunk)))
    for marker in MARKERS[:3]:
        body = "".join(f"{_mark(marker, i)}{t};\n" for i, (t, _) in enumerate(LABELLED))
        exp = tuple((YEAR, *e) for _, e in LABELLED)
        dims = (("frame", "list"), ("list lead", "label: number"), ("marker", _mark(marker, 0).strip()))
        out.append(Variant(dims, title + "Các chỉ tiêu cụ thể đến năm 2030:\n" + body, exp))
    # a summary's horizon stated in its title only: "Phấn đấu …" with no year takes the period's end
    for q in QUANTITIES:
        shape, qtext = q.shapes[0]
        for lead in ("Phấn đấu {Q}.", "Tỉnh đặt mục tiêu {Q}.", "Mục tiêu là {Q}."):
            dims = (("frame", "horizon in the title"), ("lead", lead.split(" {")[0]), ("quantity", q.name))
            out.append(Variant(dims, title + lead.format(Q=qtext) + "\n", (_expected(q, shape, YEAR),)))
    for (head, body, exp), place in itertools.product(HEADLINES, ("Hà Tĩnh", "Tỉnh Đắk Lắk")):
        text = (
            head.format(P=place) + "\nCập nhật: 12/03/2026 - 09:15\n"
            f"UBND tỉnh vừa ban hành Kế hoạch phát triển kinh tế tập thể. Theo đó, đến năm {YEAR}, tỉnh phấn đấu {body}.\n"
        )
        dims = (("frame", "headline and body"), ("headline", head.split(" ")[1]))
        out.append(Variant(dims, text, ((YEAR, *exp),)))
    return out


def read(text: str) -> tuple:
    return tuple(
        sorted(
            (t["year"], t["comparator"], t["value"], t.get("value_max"), t["unit"])
            for t in read_text(text).to_dict()["targets"]
        )
    )


def run(every: int = 1) -> dict:
    vs = variants()[::every]
    per: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    fails = []
    for v in vs:
        got = read(v.text)
        ok = got == tuple(sorted(v.expected))
        for d in v.dims:
            per[d][0] += ok
            per[d][1] += 1
        if not ok:
            fails.append(
                (
                    v.text.strip().split("\n")[-1] if "summary" in dict(v.dims).get("frame", "") else v.text,
                    v.expected,
                    got,
                )
            )
    passed = sum(1 for _ in vs) - len(fails)
    return {"variants": len(vs), "passed": passed, "rate": passed / len(vs), "per": dict(per), "fails": fails}


def main(argv: list[str]) -> None:
    res = run()
    print(f"{res['passed']}/{res['variants']} variants read right ({res['rate']:.1%})")
    for (dim, val), (ok, n) in sorted(res["per"].items()):
        if ok < n or "-v" in argv:
            print(f"  {dim:16} {val:40} {ok:5}/{n:<5} {ok / n:6.1%}")
    if "--fails" in argv:
        for text, exp, got in res["fails"]:
            print("-", text[-300:].replace("\n", " ⏎ "), "\n    expected", exp, "\n    got     ", got)


if __name__ == "__main__":
    main(sys.argv[1:])
