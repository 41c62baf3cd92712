"""A wider target fuzz (issue 16, twelfth pass): the shapes real plans state their targets in, beyond the first
fuzz's (``target_fuzz``) leads and milestones — grounded in the seeds' wording (``../shared/seeds``: "Phấn đấu …
nâng tổng số lên 17 hợp tác xã", "Bảo đảm trên 60% …", "Có ít nhất 01 hợp tác xã …", "Doanh thu bình quân của HTX
đạt 900 triệu đồng/HTX/năm", "kết nạp từ 01 đến 05 thành viên/HTX") and in the way plans of other provinces write
them (a milestone heading "Đến năm 2030:" over lines, lettered and numbered lists, tables flattened with "|" or
tabs, "label: number" rows).

A target is one **quantity** (what plans count: cooperatives founded, groups, federations, members, workers, a
share of cooperatives, a yearly growth, a revenue per cooperative, an income per person, a capital per
cooperative, trained managers) under one **comparator** as plans write it ("", "ít nhất", "tối thiểu", "không
dưới", "trên", "hơn", "khoảng", "từ … trở lên", "… trở lên", "dưới"), in one **number shape** ("1.200"/"1200",
"05"/"5", "7,5") and one **layout**:

* a summary's sentence after "Phấn đấu đến năm 2030," / "Mục tiêu đến năm 2030 là" / "Đến năm 2030, phấn đấu";
* a plan's "2. Mục tiêu cụ thể" with the line as "- …;", "+ …;", "a) …;", "(1) …;", "• …;" (and under a "a) Đến năm
  2030:" milestone heading);
* a summary's "Mục tiêu cụ thể đến năm 2030:" / "Đến năm 2030:" heading over "- " lines;
* a plan's targets as a flattened table "| Chỉ tiêu | Đơn vị | Năm 2030 |" with "|" or tab separators.

The sentences are written for this fuzz (none is copied from the corpus); the expected target follows from the
quantity and the comparator alone (year 2030). **Negatives**: the same quantities in a plan's assessment section
("Kết quả năm 2025: …"), with "đã" and a year gone, and as support money or a budget: nothing may be read.
``python -m tests.planimport.target_fuzz_wide [--fails]`` prints the pass rate per dimension; ``test_target_fuzz.py``
holds it against a floor.
"""

from __future__ import annotations

import itertools
import sys
from collections import defaultdict

from tests.planimport.target_fuzz import Variant, read

YEAR = 2030

# (name, text with {c} the comparator's words and {n} the number, number shapes (shape, text, value), unit, result
# words: the same quantity as a result with {n})
QUANTITIES = (
    ("founded", "thành lập mới {c}{n} hợp tác xã", (("1.200", "1.200", 1200), ("1200", "1200", 1200)), "HTX",
     "đã thành lập mới {n} hợp tác xã"),
    ("groups", "phát triển {c}{n} tổ hợp tác", (("350", "350", 350),), "THT", "đã phát triển {n} tổ hợp tác"),
    ("federations", "có {c}{n} liên hiệp hợp tác xã", (("05", "05", 5), ("5", "5", 5)), "LHHTX",
     "đã có {n} liên hiệp hợp tác xã"),
    ("members", "thu hút {c}{n} thành viên tham gia", (("25.000", "25.000", 25000),), "thành viên",
     "đã thu hút {n} thành viên tham gia"),
    ("workers", "giải quyết việc làm cho {c}{n} lao động", (("4.500", "4.500", 4500),), "lao động",
     "đã giải quyết việc làm cho {n} lao động"),
    ("share", "{c}{n}% hợp tác xã hoạt động hiệu quả", (("70", "70", 70), ("72,5", "72,5", 72.5)), "%",
     "đã có {n}% hợp tác xã hoạt động hiệu quả"),
    ("growth", "doanh thu của hợp tác xã tăng bình quân {c}{n}%/năm", (("7,5", "7,5", 7.5), ("8", "8", 8)), "%/năm",
     "doanh thu của hợp tác xã đã tăng bình quân {n}%/năm"),
    ("revenue", "doanh thu bình quân đạt {c}{n} tỷ đồng/hợp tác xã/năm", (("3,5", "3,5", 3.5e9),),
     "đồng/HTX/năm", "doanh thu bình quân đã đạt {n} tỷ đồng/hợp tác xã/năm"),
    ("income", "thu nhập bình quân của thành viên đạt {c}{n} triệu đồng/người/năm", (("65", "65", 65e6),),
     "đồng/người/năm", "thu nhập bình quân của thành viên đã đạt {n} triệu đồng/người/năm"),
    ("managers", "đào tạo, bồi dưỡng {c}{n} cán bộ quản lý hợp tác xã", (("600", "600", 600),), "cán bộ",
     "đã đào tạo, bồi dưỡng {n} cán bộ quản lý hợp tác xã"),
    ("farms", "có {c}{n} trang trại", (("120", "120", 120),), "trang trại", "đã có {n} trang trại"),
)  # fmt: skip

# (name, words before the number, words after the quantity, comparator)
COMPARATORS = (
    ("none", "", "", "="),
    ("ít nhất", "ít nhất ", "", ">="),
    ("tối thiểu", "tối thiểu ", "", ">="),
    ("không dưới", "không dưới ", "", ">="),
    ("trên", "trên ", "", ">"),
    ("hơn", "hơn ", "", ">"),
    ("khoảng", "khoảng ", "", "~"),
    ("từ … trở lên", "từ ", " trở lên", ">="),
    ("… trở lên", "", " trở lên", ">="),
    ("dưới", "dưới ", "", "<"),
)


def _quantity(q: tuple, comp: tuple, shape: tuple) -> str:
    text = q[1].format(c=comp[1], n=shape[1])
    return text + comp[2]


HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND\nHà Nam, ngày 10 tháng 8 năm 2025\nKẾ HOẠCH\n"
    "Phát triển kinh tế tập thể, hợp tác xã giai đoạn 2026 - 2030\n"
    "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao hiệu quả hoạt động của kinh tế tập thể.\n"
)
PLAN = HEADER + (
    "II. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển kinh tế tập thể bền vững.\n2. Mục tiêu cụ thể\n{S}\n"
    "III. NHIỆM VỤ, GIẢI PHÁP\n1. Tuyên truyền, nâng cao nhận thức về kinh tế tập thể.\n"
)
SUMMARY = "Phát triển kinh tế tập thể, hợp tác xã giai đoạn 2026 - 2030\n{S}\n"

# layouts: (name, frame, body with {Q} the quantity, its first letter upper-cased when it opens a line)
LAYOUTS = (
    ("summary: Phấn đấu đến năm 2030,", SUMMARY, "Phấn đấu đến năm 2030, {q}."),
    ("summary: Mục tiêu đến năm 2030 là", SUMMARY, "Mục tiêu đến năm 2030 là {q}."),
    ("summary: Đến năm 2030, phấn đấu", SUMMARY, "Đến năm 2030, phấn đấu {q}."),
    ("summary: Toàn tỉnh phấn đấu … vào năm 2030", SUMMARY, "Toàn tỉnh phấn đấu {q} vào năm 2030."),
    ("summary: Mục tiêu cụ thể đến năm 2030: - ", SUMMARY, "Mục tiêu cụ thể đến năm 2030:\n- {Q};"),
    ("summary: Đến năm 2030: - ", SUMMARY, "Đến năm 2030:\n- {Q};"),
    ("summary: Các chỉ tiêu chủ yếu đến năm 2030: + ", SUMMARY, "Các chỉ tiêu chủ yếu đến năm 2030:\n+ {Q};"),
    ("plan: - ", PLAN, "- {Q};"),
    ("plan: + ", PLAN, "+ {Q};"),
    ("plan: a) ", PLAN, "a) {Q};"),
    ("plan: (1) ", PLAN, "(1) {Q};"),
    ("plan: • ", PLAN, "• {Q};"),
    ("plan: sentence", PLAN, "Đến năm 2030, {q}."),
    ("plan: Phấn đấu … đến năm 2030", PLAN, "Phấn đấu {q} đến năm 2030."),
    ("plan: a) Đến năm 2030: - ", PLAN, "a) Đến năm 2030:\n- {Q};"),
    ("summary: MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030: - ", SUMMARY, "MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030:\n- {Q};"),
    ("summary: Chỉ tiêu 1:", SUMMARY, "Các chỉ tiêu cụ thể đến năm 2030:\nChỉ tiêu 1: {Q}."),
    ("summary: news, Theo đó,", SUMMARY,
     "UBND tỉnh vừa ban hành Kế hoạch phát triển kinh tế tập thể giai đoạn 2026 - 2030. Theo đó, {q}."),
    ("summary: Mục tiêu của tỉnh đến năm 2030 là", SUMMARY, "Mục tiêu của tỉnh đến năm 2030 là {q}."),
    ("summary: Dự kiến đến năm 2030,", SUMMARY, "Dự kiến đến năm 2030, {q}."),
    ("summary: Năm 2025 …, phấn đấu đến năm 2030", SUMMARY,
     "Năm 2025, kinh tế tập thể tiếp tục phát triển ổn định. Phấn đấu đến năm 2030, {q}."),
    ("plan: 2. Mục tiêu cụ thể: run-in", PLAN.replace("2. Mục tiêu cụ thể\n", "2. Mục tiêu cụ thể: "),
     "Đến năm 2030, {q}."),
    ("plan: 3. Chỉ tiêu chủ yếu", PLAN.replace("2. Mục tiêu cụ thể", "3. Các chỉ tiêu chủ yếu đến năm 2030"), "- {Q};"),
    ("plan: phấn đấu in its task", PLAN.replace("2. Mục tiêu cụ thể\n{S}\n", "").replace(
        "1. Tuyên truyền, nâng cao nhận thức về kinh tế tập thể.", "1. Phát triển hợp tác xã: {S}"),
     "phấn đấu đến năm 2030 {q}."),
)

# tables: (name, frame, header row, row with {d} the description, {u} the unit, {v} the value)
TABLES = (
    ("table |", PLAN, "| TT | Chỉ tiêu | Đơn vị tính | Năm 2030 |", "| 1 | {d} | {u} | {v} |"),
    ("table | no borders", PLAN, "TT | Chỉ tiêu | Đơn vị tính | Năm 2030", "1 | {d} | {u} | {v}"),
    ("table tabs", PLAN, "TT\tChỉ tiêu\tĐơn vị tính\tNăm 2030", "1\t{d}\t{u}\t{v}"),
)
TABLE_ROWS = (
    ("Số hợp tác xã thành lập mới", "HTX", "1.200", (YEAR, "=", 1200, None, "HTX")),
    ("Số thành viên hợp tác xã", "Thành viên", "25.000", (YEAR, "=", 25000, None, "thành viên")),
    ("Tỷ lệ hợp tác xã hoạt động hiệu quả", "%", "70", (YEAR, "=", 70, None, "%")),
    ("Số tổ hợp tác", "THT", "350", (YEAR, "=", 350, None, "THT")),
)

# negatives: the quantity reported, in a plan's assessment and in a summary's results
NEGATIVE_FRAMES = (
    ("plan assessment", HEADER + "II. KẾT QUẢ THỰC HIỆN NĂM 2025\n{S}\nIII. MỤC TIÊU\nPhát triển bền vững.\n",
     "Năm 2025, toàn tỉnh {r}."),
    ("summary: năm 2025 đã", SUMMARY.replace("giai đoạn 2026 - 2030", "năm 2025"), "Năm 2025, toàn tỉnh {r}."),
    ("summary: lũy kế", SUMMARY, "Lũy kế đến nay, toàn tỉnh {r}."),
    ("summary: giai đoạn qua", SUMMARY, "Giai đoạn 2021 - 2025 vừa qua, toàn tỉnh {r}."),
)  # fmt: skip
# a past list heading: the state at a year's end in a review, an earlier milestone before the summary's own frame
PAST_LISTS = (
    ("Đến hết năm 2025:", "Kết quả phát triển kinh tế tập thể năm 2025\nĐến hết năm 2025:\n- {R};\n"),
    ("Đến năm 2024: … Mục tiêu giai đoạn 2026 - 2030:", "Phát triển kinh tế tập thể\nĐến năm 2024:\n- {R};\n"
     "Mục tiêu giai đoạn 2026 - 2030: thành lập mới 90 tổ hợp tác.\n"),
)
MONEY_NEGATIVES = (
    "Hỗ trợ mỗi hợp tác xã thành lập mới 30 triệu đồng.",
    "Bố trí kinh phí 2 tỷ đồng để hỗ trợ hợp tác xã.",
    "Tổng kinh phí thực hiện Kế hoạch là 45 tỷ đồng.",
)


def variants() -> list[Variant]:
    out: list[Variant] = []
    for q, comp, (lname, frame, body) in itertools.product(QUANTITIES, COMPARATORS, LAYOUTS):
        name, _t, shapes, unit, _r = q
        if comp[0] == "dưới" and name not in ("share", "growth"):
            continue  # "dưới" is said of shares and rates, not of counts to reach
        for shape in shapes if comp[0] in ("none", "ít nhất") else shapes[:1]:
            qt = _quantity(q, comp, shape)
            text = frame.format(S=body.format(q=qt, Q=qt[0].upper() + qt[1:]))
            dims = (("layout", lname), ("quantity", name), ("comparator", comp[0]), ("shape", f"{name}: {shape[0]}"))
            out.append(Variant(dims, text, ((YEAR, comp[3], shape[2], None, unit),)))
    for (tname, frame, head, row), (desc, unit, value, exp) in itertools.product(TABLES, TABLE_ROWS):
        text = frame.format(S=head + "\n" + row.format(d=desc, u=unit, v=value))
        out.append(Variant((("layout", tname), ("table row", desc)), text, (exp,)))
    for q, (fname, frame, body) in itertools.product(QUANTITIES, NEGATIVE_FRAMES):
        name, _t, shapes, _unit, result = q
        text = frame.format(S=body.format(r=result.format(n=shapes[0][1])))
        out.append(Variant((("negative", fname), ("negative quantity", name)), text, ()))
    for q, (pname, text) in itertools.product(QUANTITIES, PAST_LISTS):
        name, qtext, shapes, _unit, _r = q
        state = qtext.format(c="", n=shapes[0][1])
        exp = ((YEAR, "=", 90, None, "THT"),) if "2026" in text else ()
        out.append(Variant((("negative", pname), ("negative quantity", name)), text.format(R=state), exp))
    for frame, money in itertools.product((PLAN, SUMMARY), MONEY_NEGATIVES):
        out.append(Variant((("negative", "money given"),), frame.format(S=money), ()))
    return out


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
            fails.append((v.text.split("2. Mục tiêu cụ thể\n")[-1][-300:], v.expected, got))
    passed = len(vs) - len(fails)
    return {"variants": len(vs), "passed": passed, "rate": passed / len(vs), "per": dict(per), "fails": fails}


def main(argv: list[str]) -> None:
    res = run()
    print(f"{res['passed']}/{res['variants']} variants read right ({res['rate']:.1%})")
    for (dim, val), (ok, n) in sorted(res["per"].items()):
        if ok < n or "-v" in argv:
            print(f"  {dim:12} {val:48} {ok:5}/{n:<5} {ok / n:6.1%}")
    if "--fails" in argv:
        for text, exp, got in res["fails"]:
            print("-", text.replace("\n", " ⏎ "), "\n    expected", exp, "\n    got     ", got)


if __name__ == "__main__":
    main(sys.argv[1:])
