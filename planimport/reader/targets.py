"""Targets (chỉ tiêu / mục tiêu cụ thể).

Where: the section whose folded title contains "muc tieu cu the" / "chi tieu cu the" / "cac chi tieu", or
starts with "chi tieu" ("1. Chỉ tiêu", "II. CHỈ TIÊU KẾ HOẠCH NĂM 2026"; not "Chỉ tiêu thực hiện …") (or, when
there is none, the "Mục tiêu" section minus its "Mục tiêu chung/tổng quát" part). Outside it, only a clause with
"phấn đấu … <comparator> <number>" is a target (seed 001 V.5 "phấn đấu mỗi xã có ít nhất 01 hợp tác
xã"); such targets are ``unsure``. "phấn đấu" covers the ';'-clauses after it up to the end of
its sentence; in a text without numbered sections (a newspaper summary) the preamble's paragraphs are
read, and "Năm 2023, tỉnh phấn đấu …" / "phấn đấu đến năm 2025" give the year. In such a summary other
lead-ins announce targets too ("đề ra/đặt (ra)/xác định (một số) mục tiêu" but not "… mục tiêu tổng
quát/chung", "mục tiêu cụ thể", "mục tiêu trong 5 năm tới", "mục tiêu năm 2025", "chỉ tiêu cụ thể",
and a sentence opening with "Mỗi năm/Hằng năm/Bình quân mỗi năm" and a verb of founding, training or
growing: "Mỗi năm thành lập mới 11 HTX" — not "Hằng năm, tỉnh bố trí 2 tỷ đồng" nor "mỗi năm qua";
"đặt/đề ra/giao chỉ tiêu" like "đặt mục tiêu"; a lead-in's "giai đoạn 2021 - 2025" gives 2025);
their year is the one named in the lead-in's sentence ("Năm 2022 Liên minh HTX đặt mục tiêu …", "mục
tiêu cụ thể trong năm 2023 như …", never "so với năm 2022"), else the rules below, else the first
"đến năm YYYY" of the text after it (the plan's horizon). The sentences after the lead-in's go on
while each states a target (a quantity with its unit, no result clause, no earlier year), and so do
the paragraphs after it (cut at "đến năm YYYY"; a short sub-heading line is passed over) up to one that
states none, names an earlier year or is a lead-in of its own. Event plans have no targets: the "30 cán bộ" in seed 000's
"Thành phần" is a participant count and goes to ``participants``.

A target still without a year at the end takes the document's default horizon (``_default_horizon``): the
period its own sentence names after it, else the nearest horizon stated above it (up to the headline: "… năm
2026", "Năm 2026, …", "nhiệm kỳ 2025-2030", "Đề án … đến năm 2020 đã được phê duyệt"), else the first stated
below it; never a past term, a results sentence or a comparison base.

A milestone "đến năm 2030" named before a clause's first quantity is the year of that clause and of the
clauses after it ("… có 1.200 HTX; đến năm 2030 có 1.500 HTX").

Milestone year: a sub-heading "2.1. Đến năm 2025" / "Mục tiêu cụ thể đến năm 2025" / "Năm 2025" sets
the year of the targets under it; otherwise the year of ``period_end`` (the plan year for an annual
plan). A "phấn đấu" sentence without a year of its own takes the section heading's milestone, else
``period_end``, else the nearest "đến năm YYYY" in the paragraphs above it in the same part, else the
document's year.

Without a "Mục tiêu" section, a run-in line "Mục tiêu cụ thể đến năm 2025, …" holds targets, and so do
the lines it governs: the items ("- …", "+ …", "a) …") after a lead line ending in ":" ("… mục tiêu
cụ thể đến năm 2025 như sau:") up to the first line that is not an item, and the plain paragraphs
right after a run-in paragraph as long as each states a quantity (up to a heading or a "phấn đấu"
paragraph).

Each paragraph or bullet is cut into clauses at ``;`` and at sentence ends (never inside
parentheses). In a clause every *quantity* — ``[comparator] number [unit]`` — is one target, so
"trên 03 hợp tác xã, trên 10 tổ hợp tác" gives two targets, each with the clause's lead-in
("Tư vấn, hỗ trợ thành lập") as its text.

Comparators: "từ A đến B" → range (value A, value_max B), also "A - B" / "A đến B" without "từ" when B > A, neither
is a year and a unit follows ("3.000 - 3.500 tỷ đồng"; "2021 - 2025" is a period); "trên/hơn/vượt" → ">"; "ít nhất/tối
thiểu/không dưới/từ … trở lên/≥" → ">="; "khoảng/gần/xấp xỉ/~" → "~"; "dưới/<" → "<"; "tối đa/không
quá/≤" → "<="; "đạt/bằng/lên" or nothing → "=". A number without a comparator word right after a
number that had one in the same enumeration ("ít nhất từ 10 hợp tác xã, 40 tổ hợp tác", "khoảng 160 tổ
hợp tác, với 4.000 thành viên") inherits it, also across ";" when the next clause starts with the
number itself ("…; 240 hợp tác xã với 50.000 thành viên; 02 liên hiệp …") and that number is of the same kind
(a count after a count: "thu hút khoảng 8 triệu thành viên; 100% số HTX …" states the share exactly); a clause
with a lead-in of its own, a new comparator word (including "đạt"), or a sentence end stops it. A comparator stated once
before a list — "có khoảng: 120 THT; 300 HTX", or a lead line ending "có khoảng:" above "- 120 tổ hợp
tác;" items — goes to each item that opens with its number and has no comparator of its own.

Not targets: years and dates, document numbers (anything with "/"), durations ("6 tháng"), phone
numbers, results already achieved ("đã hỗ trợ 1.500 triệu đồng", "đã thành lập được 05 HTX"),
numbers inside a parenthesis that quotes a baseline or another programme ("(Chương trình … 2 tỷ
đồng)", "(hiện nay có 15 …)", "(kể cả …)"),
numbers inside a parenthesis opened right after a quantity (a breakdown of that total: "190 HTX (115
hợp tác xã nông nghiệp, 75 HTX phi nông nghiệp)"),
a number after "chiếm" (a description: "có người đồng bào dân tộc thiểu số chiếm trên 80%") unless
the clause speaks of a share to reach ("đóng góp … vào GRDP … chiếm 0,3% GRDP", "tỷ trọng … chiếm") or
the percentage is a share of a total ("chiếm khoảng 36% tổng số HTX" → ≈ 36 %), a number after
"theo" ("hoạt động theo 12 mô hình của Đề án"), a number inside a programme's name ("Đề án phát
triển 15.000 HTX") or after a legal document's "số" ("Nghị quyết số 20"), the score that defines a
rating ("xếp loại Tốt, đạt từ 80 điểm trở lên"), the rank of counted products ("20 sản phẩm OCOP đạt 3 sao
trở lên": 20 sản phẩm is the target), and
a number after "hiện nay có / hiện có / hiện tại có / đã có" — that one is the **baseline** of the
target in the same paragraph (``baseline_year`` = the document's year).

A growth per year written in words is a rate like "7%/năm": "tăng bình quân mỗi năm 8%", "mỗi năm
tăng 6%", "tăng 5% mỗi năm" → unit "%/năm"; a share reached each year ("mỗi năm có 100% HTX …") stays "%".

Units are canonical: "%", "HTX" (hợp tác xã), "THT" (tổ hợp tác), "LHHTX", "hộ", "người",
"thành viên", "mã số vùng trồng", "chuỗi", "Hội quán", "lần" (a ratio), "lượt" ("lượt người") …
("liên hiệp HTX", "liên HTX", "LH HTX" are "LHHTX"; a bracketed abbreviation "(THT)" after the unit
belongs to it), with "/HTX", "/người/năm" kept ("hợp tác
xã/liên hiệp hợp tác xã" is one unit, "HTX", not a per-unit); money is
converted to đồng ("900 triệu đồng/HTX/năm" → 900000000, unit "đồng/HTX/năm"); a count with
"triệu/nghìn/vạn" before its unit is multiplied ("1,8 triệu thành viên" → 1800000 thành viên,
"2,5 - 3,5 vạn người" → 25000–35000 người). "trở lên" binds to the nearest quantity only ("60 THT và
40 HTX trở lên": 40). A bracket opening with a verb after a total ("700 thành viên (thành lập mới từ
15 - 20 THT)") is a target of its own with its own comparator, and the enumeration's comparator goes
on past it; a limit to avoid ("hạn chế việc thành lập nhiều hơn 1 HTX") is no target. ``unit_text`` keeps
the words as written; ``scope`` is "per_htx", "per_person", "per_commune" or "area".

Targets given as a ``|`` table (header row with "Chỉ tiêu"/"Nội dung", "ĐVT", and year columns
such as "2025", "Năm 2030") give one target per value cell — in a plan's targets section, or under a
summary's lead-in ("… đặt ra các chỉ tiêu cụ thể như sau:") that does not announce results; a column of
results or estimates ("Thực hiện năm 2025", "Ước TH 2025", "Kết quả …") or of a year before the plan's first
gives none.

Fifth pass (issue 16, fresh3's classes and nearby shapes): a range may be written with any dash, with a "%"
on each bound ("4% - 5%/năm") or the unit on each bound ("từ 40 HTX đến 50 HTX"); a run-in "mục tiêu cụ thể
đến năm 2025:" line above plain paragraphs reads them while each states a quantity; "- " items flattened
into a paragraph are clauses of their own; a "Phấn đấu" sentence without a year takes the end of a period
"giai đoạn 2022 - 2025" named above it (sixth pass: or a term "nhiệm kỳ 2020 - 2025" its own paragraph opens with,
before the paragraphs above; a date trailing a clause's statement, "… nâng cao vào cuối năm 2020", is no horizon); "xác định / sẽ / có kế hoạch" + a verb of founding is a summary's
lead-in, and so are "Các chỉ tiêu chủ yếu / Chỉ tiêu đến năm 2030 / Chỉ tiêu năm 2026"; after a summary's
lead-in an objective without numbers opening with its verb ("Mở rộng …") does not end the targets; a
milestone opening the next item of a clause ("…, đến năm 2030 có …") or "vào năm 2030" right after a
quantity gives its year, and "đến hết/cuối năm" is a milestone (sixth pass: not in a paragraph telling a term past, "Nhiệm kỳ qua, …", nor after
objectives reached, "đạt và vượt mục tiêu"); "quỹ tín dụng nhân dân" is "QTDND"; the next
items of a count of today ("hiện có 537 tổ hợp tác, 300 hợp tác xã") are baselines; money given (after "hỗ
trợ / kinh phí / bố trí / ngân sách / nguồn vốn") is no target — but a revenue ("Thu ngân sách … đạt trên 2 tỷ
đồng") or a total investment that "đạt" an amount is (sixth pass).
"""

from __future__ import annotations

import bisect
import re
from contextvars import ContextVar
from dataclasses import replace

from .model import Extraction, Target
from .numbers import NUMBER_RE, money_to_vnd, parse_number
from .structure import Document, Node
from .text import Line, fold

UNITS = [
    ("mã số vùng trồng", "mã số vùng trồng"),
    ("liên hiệp hợp tác xã", "LHHTX"),
    ("liên hiệp HTX", "LHHTX"),
    ("liên HTX", "LHHTX"),  # "thành lập 1 liên HTX nông nghiệp"
    ("LH HTX", "LHHTX"),
    # a people's credit fund (a cooperative credit institution) is counted under the abbreviation the sector
    # and the State Bank use, as HTX and THT are; unit_text keeps "quỹ tín dụng nhân dân" as written
    ("quỹ tín dụng nhân dân", "QTDND"),
    ("quỹ TDND", "QTDND"),
    ("QTDND", "QTDND"),
    ("hợp tác xã", "HTX"),
    ("LHHTX", "LHHTX"),
    ("HTX", "HTX"),
    ("tổ hợp tác", "THT"),
    ("THT", "THT"),
    ("hội quán", "Hội quán"),
    ("chuỗi liên kết", "chuỗi"),
    ("chuỗi giá trị", "chuỗi"),
    ("chuỗi", "chuỗi"),
    ("thành viên", "thành viên"),
    ("hội viên", "hội viên"),
    # the members of the Party, of the Youth Union, and trainees, counted in Party congress and association
    # texts ("Hàng năm kết nạp mới từ 25 đảng viên trở lên")
    ("đảng viên", "đảng viên"),
    ("đoàn viên", "đoàn viên"),
    ("học viên", "học viên"),
    # eleventh pass (fresh7's mass-organisation texts): the people a union's or a programme's target counts —
    # "hỗ trợ 12.000 thanh niên khởi nghiệp", "nâng cao năng lực cho 17.000 phụ nữ là chủ doanh nghiệp", "5.000 nông
    # dân được tập huấn" — and the household farms counted beside farms ("1.670 gia trại")
    ("thanh niên", "thanh niên"),
    ("phụ nữ", "phụ nữ"),
    ("nông dân", "nông dân"),
    ("trang trại", "trang trại"),
    ("gia trại", "gia trại"),
    ("hộ", "hộ"),
    ("người", "người"),
    ("lao động", "lao động"),
    ("cán bộ", "cán bộ"),
    ("sản phẩm", "sản phẩm"),
    ("mô hình", "mô hình"),
    ("doanh nghiệp", "doanh nghiệp"),
    ("xã", "xã"),
    ("tổ chức", "tổ chức"),
    ("lớp", "lớp"),
    ("lượt người", "lượt"),
    ("lượt", "lượt"),
    ("lần", "lần"),  # a ratio: "thu nhập … bằng 1,5 lần so với năm 2010"
    ("ha", "ha"),
    ("hécta", "ha"),
    ("héc-ta", "ha"),
    ("héc ta", "ha"),
    ("hecta", "ha"),
    ("tấn", "tấn"),
    ("câu lạc bộ", "câu lạc bộ"),
    ("chi hội", "chi hội"),
    ("tổ hội", "tổ hội"),
    ("điểm phần trăm", "điểm phần trăm"),  # "tăng 10 điểm phần trăm": percentage points, not a score
    ("điểm %", "điểm phần trăm"),
    ("điểm", "điểm"),
    ("sao", "sao"),
    # head of livestock and poultry, a commune's agricultural targets ("Tổng đàn gia súc: 3.200 con"), only where no
    # word follows it: "300 con em", "500 con bò" stay a filler and its words (``_FILLER_RE``)
    ("con", "con"),
]
_FILLER_RE = re.compile(r"^(?:số|các|cái|con)\s+", re.IGNORECASE)
# the dashes a range is written with: hyphen, non-breaking hyphen, figure dash, en and em dash, minus
_DASH = "[-‐‑‒–—−]"
_QTY_RE = re.compile(
    r"(?<![\w/.,-])(?:(?P<from>từ\s+)(?P<lo>"
    + NUMBER_RE
    # "tăng từ 1,5 lên 3 lần": a multiple (of something else) from … up to … is a range; "từ 40% lên 60%" is not
    + r")\s*(?:%\s*)?(?:đến|tới|lên(?=\s*(?:"
    + NUMBER_RE
    + r")\s*lần\b)|"
    + _DASH
    + r")\s*(?P<hi>"
    + NUMBER_RE
    + r")|(?P<blo>"
    + NUMBER_RE
    # "4% - 5%/năm": the low bound may carry its own "%"
    + r")(?P<blopct>\s*%)?\s*(?:"
    + _DASH
    + r"|\s(?:đến|tới)\s)\s*(?P<bhi>"
    + NUMBER_RE
    + r")(?(blopct)(?=\s*%))|(?P<num>"
    + NUMBER_RE
    + r"))(?P<pct>\s*%(?:\s*/\s*năm\b)?)?(?![\w/])",
    re.IGNORECASE,
)
_COMPARATORS = [
    (r"(?:ít nhất|tối thiểu|không dưới|không ít hơn)(?:\s+là)?(?:\s+từ)?", ">="),
    (r"(?:≥|>=)", ">="),
    (r"(?:khoảng|gần|xấp xỉ|chừng|~|≈)", "~"),
    (r"(?:trên|hơn|vượt|>)", ">"),
    (r"(?:tối đa|không quá|không vượt quá|≤|<=)", "<="),
    (r"(?:dưới|ít hơn|<)", "<"),
    (r"(?:từ)", ">="),
    (r"(?:đạt|bằng|lên|là)", "="),
]
# "năm" as a word of a quantity's name, not a year's: "hằng năm", "hàng năm", "mỗi năm", "lâu năm" (perennial crops)
_PER_YEAR_WORD_RE = re.compile(r"\b(?:hằng|hàng|mỗi|lâu)\s*$", re.IGNORECASE)
_BASE_OF_TOTAL_RE = re.compile(r"\btrong\s+tổng\s+số\s*$", re.IGNORECASE)
_NOT_TARGET_BEFORE = re.compile(
    r"(?:chiếm|theo|hiện nay có|hiện có|hiện tại có|đã có|đến nay có|năm|giai đoạn|khoản|(?<!thí\s)điểm|Điều|điều|lần thứ|thứ|ngày|tháng|quý|Quyết định|Kế hoạch|điện thoại|ĐT|fax|hotline|di động)\s*:?\s*$",
    re.IGNORECASE,
)
# "chiếm" describes a share ("dân tộc thiểu số chiếm trên 80%") unless the clause speaks of a share to
# reach: "đóng góp … vào GRDP … chiếm 0,3%", "tỷ trọng … chiếm 5%", a sector's share of the economy's structure
# ("Cơ cấu kinh tế: ngành nông-lâm nghiệp chiếm 38%; ngành công nghiệp chiếm 36%").
# A share of the cooperatives of a rating ("số HTX đạt loại tốt, khá chiếm từ 60% trở lên") is one to reach too.
_SHARE_RE = re.compile(r"\b(?:đóng góp|tỷ trọng|tỉ trọng|cơ cấu|ngành|loại\s+(?:tốt|khá|giỏi))\b", re.IGNORECASE)
# … or a share *of a total* ("số HTX đạt loại tốt, khá chiếm khoảng 36% tổng số HTX"): the base of the
# share is named right after the percentage
_SHARE_OF_TOTAL_RE = re.compile(
    r"^\s*(?:trở\s+(?:lên|xuống)\s+)?(?:của\s+|trong\s+|trên\s+|so\s+với\s+)?"
    r"(?:tổng\s+số\b|số\s+(?:các\s+)?(?:hợp\s+tác\s+xã|HTX|tổ\s+hợp\s+tác|THT)\b"
    # … or the economy's product: "giá trị sản xuất của khu vực HTX chiếm từ 1,5 - 2% GRDP của tỉnh"
    r"|(?:tổng\s+sản\s+phẩm|GRDP|GDP)\b)",
    re.IGNORECASE,
)
# the score that defines a rating ("được đánh giá xếp loại Tốt, đạt từ 80 điểm trở lên") is a criterion
_RATING_RE = re.compile(r"\bxếp\s+loại\b", re.IGNORECASE)
# a number inside the name of a programme ("Đề án phát triển 15.000 HTX nông nghiệp", "Chương trình
# 135") or the number of a legal document ("Nghị quyết số 20", "Luật Hợp tác xã số 17")
_NAME_BEFORE_RE = re.compile(
    r"(?:\b(?:Đề án|Chương trình|Dự án)\b[^,;:.()]{0,40}"
    r"|\b(?:Luật|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Quyết định|Kế hoạch|Công văn|Văn bản)\b[^,;:.()]{0,40}\bsố)\s*$"
)
# (not "đã qua đào tạo", trained: "Tỷ lệ cán bộ chủ chốt hợp tác xã đã qua đào tạo khoảng 20%" — eleventh pass, c266)
_PAST_RE = re.compile(r"\bđã(?!\s+qua\s+đào\s+tạo\b)(?:\s+[\wÀ-ỹ]+){0,4}\s*$", re.IGNORECASE)
_BASELINE_RE = re.compile(r"(?:hiện nay|hiện tại|hiện|đến nay|đã)\s+có\s+(?P<num>" + NUMBER_RE + r")\b", re.IGNORECASE)
# the next items of a count of today: "hiện có 537 tổ hợp tác, 300 hợp tác xã" — 300 is a baseline as 537 is
_BASELINE_LIST_RE = re.compile(
    r"\b(?:hiện\s+nay|hiện\s+tại|hiện|đến\s+nay|đã)\s+có\s+(?:"
    + NUMBER_RE
    + r")[^\d;:.()]{1,40}?(?:(?:,|\svà)\s*(?:"
    + NUMBER_RE
    + r")[^\d;:.()]{1,40}?)*(?:,|\svà)\s*$",
    re.IGNORECASE,
)
_PCT_YEAR_RE = re.compile(r"\s*năm\b(?!\s*(?:(?:19|20)\d{2}|sau|nay|tới|trước|qua|đầu|cuối)\b)", re.IGNORECASE)
# ("tuổi": an age — "thanh niên dưới 35 tuổi" — qualifies who is counted, it is no quantity)
_DURATION_AFTER = re.compile(r"^\s*(?:ngày|tháng|năm|giờ|h\d|phút|tuần|quý|tuổi)\b", re.IGNORECASE)


# a clause that opens with a count of today — "Hiện cả nước đang có 193 HTX …, trong số đó có 155 …, 18 … và 20 …",
# "Hiện nay toàn tỉnh có 120 HTX", "Đến nay, toàn tỉnh có …" — states baselines, not targets, up to a target's own
# words in the same clause ("…, phấn đấu đến năm 2025 có 150 HTX"); "Hiện đại hóa …", "Hiện thực hóa …" are verbs
_TODAY_LEAD_RE = re.compile(
    r"^\s*(?:[-+•]\s*)?(?:(?:Hiện\s+nay|Hiện\s+tại|Hiện(?!\s+(?:đại|thực))|Đến\s+nay|Tính\s+đến\s+nay)\s*,?\s+"
    r"(?:[^\d;:()]{0,40}?\s)?(?:đang\s+)?có\s"
    # "Tổng số hợp tác xã trên địa bàn tỉnh là 280 HTX, trong đó …": the count of today (a milestone or a target word
    # in the clause makes it a target: "Tổng số HTX đến năm 2025 là 300")
    r"|Tổng\s+số\b[^\d;:()]{0,60}?\s(?:là|có)\s)",
    re.IGNORECASE,
)
_TARGET_WORDS_RE = re.compile(
    r"\b(?:phấn\s+đấu|mục\s+tiêu|đến\s+năm|tới\s+năm|đến\s+hết\s+năm|đến\s+cuối\s+năm|sẽ|dự\s+kiến|kế\s+hoạch|"
    r"thành\s+lập\s+mới|tăng\s+lên|nâng\s+lên|cần)\b",
    re.IGNORECASE,
)


def _counts_of_today_end(clause: str) -> int:
    """Where the counts of today that open ``clause`` end (0 when it opens with none): at the first word of a
    target in the clause, else at its end."""
    m = _TODAY_LEAD_RE.match(clause)
    if not m:
        return 0
    target = _TARGET_WORDS_RE.search(clause, m.end())
    return target.start() if target else len(clause)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Split at ';' and sentence ends outside parentheses; return (start, end) offsets."""
    out, depth, start = [], 0, 0
    i = 0
    while i < len(text):
        c = text[i]
        if c in "(“":
            depth += 1
        elif c in ")”" and depth:
            depth -= 1
        elif depth == 0 and (
            c == ";"
            or (
                c == "."
                and (
                    i + 1 == len(text)
                    or (text[i + 1] == " " and text[i + 2 : i + 3][:1].isupper())
                    # list items flattened into one paragraph: "… 2% - 3%/năm. - HTX hoạt động …"
                    or text[i + 1 : i + 4] in (" - ", " + ")
                )
            )
        ):
            out.append((start, i))
            start = i + 1
        i += 1
    out.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out if text[s:e].strip()]


def _unit_after(text: str) -> tuple[str | None, str | None, int]:
    """Return (canonical unit, unit as written, length consumed) for the words after a number."""
    if text[:3].lstrip().startswith("("):
        # "01 (một) liên hiệp hợp tác xã", "02 (hai) hợp tác xã": the number again in words, as legal texts write it
        wm = _IN_WORDS_RE.match(text)
        if wm and all(w in _NUMBER_WORDS for w in wm.group(1).lower().split()):
            unit, unit_text, used = _unit_after(text[wm.end() :])
            return (unit, unit_text, wm.end() + used) if unit else (None, None, 0)
    m = _MONEY_UNIT_RE.match(text)
    if m and m.group(0).strip():
        return "đồng" + _per(m.group("per")), m.group(0).strip(), m.end()
    if "USD" in text[:16]:
        m = _USD_UNIT_RE.match(text)
        if m:  # "đạt trên 6,0 tỷ USD/năm": export values of a national strategy (eleventh pass, c254)
            return "USD" + _per(m.group("per")), m.group(0).strip(), m.end()
    lead = len(text) - len(text.lstrip())
    rest = text.lstrip()
    fm = _FILLER_RE.match(rest)
    skip = fm.end() if fm else 0
    low = rest[skip:].lower()
    if rest[:3].lower() == "con" and not rest[3:4].isalpha() and not re.match(r"\s+[^\W\d]", rest[3:]):
        skip, low = 0, rest.lower()  # "3.200 con, (trong đó …", "5000 con.": "con" is the unit itself
    for words, canon in UNITS:
        if low.startswith(words.lower()) and (len(low) == len(words) or not low[len(words)].isalpha()):
            end = skip + len(words)
            end += _alternative_unit(rest[end:], canon)
            pm = _PER_RE.match(rest[end:])
            per = _per(pm.group(0)) if pm else ""
            end += pm.end() if pm else 0
            # the unit's abbreviation in brackets belongs to it: "235 tổ hợp tác (THT) với 700 thành viên"
            ab = re.match(r"\s*\([A-ZĐ]{2,8}\)", rest[end:])
            return canon + per, rest[:end], lead + end + (ab.end() if ab else 0)
    return None, None, 0


_COOP_UNITS = ("HTX", "LHHTX", "THT")
_IN_WORDS_RE = re.compile(r"\s*\(\s*((?:[^\W\d]+\s*){1,8})\)")
_NUMBER_WORDS = {
    "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "bẩy", "tám", "chín", "mười", "mươi",
    "trăm", "linh", "lẻ", "nghìn", "ngàn", "không",
}  # fmt: skip
# "… tỷ đồng/hợp tác xã/năm", "… triệu đồng/thành viên/năm": a unit of several words after "/" is one part of the
# rate, written as its canonical name ("đồng/HTX/năm"); one word ("/năm", "/người", "/ha") as written
_PER_UNITS = {fold(w): c for w, c in UNITS if " " in w}
_PER_PART = "(?:" + "|".join(re.escape(w) for w, _ in sorted(UNITS, key=lambda u: -len(u[0])) if " " in w) + r"|[\wÀ-ỹ]+)"
_PER_RE = re.compile(r"(?:\s*/\s*" + _PER_PART + r"(?![\wÀ-ỹ]))+", re.IGNORECASE)
_MONEY_UNIT_RE = re.compile(
    r"\s*(?P<mult>tỷ|tỉ|triệu|nghìn|ngàn)?\s*(?:đồng|VNĐ|VND)(?P<per>" + _PER_RE.pattern + r")?", re.IGNORECASE
)

_MONEY_PER_RE = re.compile(r"\s*(?:tỷ|tỉ|triệu)(?=\s*/\s*[^\W\d])", re.IGNORECASE)
_USD_UNIT_RE = re.compile(r"\s*(?P<mult>tỷ|tỉ|triệu|nghìn|ngàn)?\s*USD(?P<per>" + _PER_RE.pattern + r")?(?![\wÀ-ỹ])")


def _per(text: str | None) -> str:
    if not text:
        return ""
    parts = [p.strip() for p in text.split("/")[1:]]
    return "".join("/" + _PER_UNITS.get(fold(p), re.sub(r"\s+", "", p)) for p in parts)


def _alternative_unit(text: str, canon: str) -> int:
    """Length of "/liên hiệp hợp tác xã" after "hợp tác xã": an alternative of the same kind of
    organisation ("300 hợp tác xã/liên hiệp hợp tác xã"), not a per-unit ("thành viên/HTX")."""
    m = re.match(r"\s*/\s*", text)
    if not m or canon not in _COOP_UNITS:
        return 0
    low = text[m.end() :].lower()
    for words, other in UNITS:
        if other in _COOP_UNITS and low.startswith(words.lower()) and not low[len(words) : len(words) + 1].isalpha():
            return m.end() + len(words)
    return 0


def _comparator(before: str) -> tuple[str | None, int]:
    """Comparator from the words right before a number; returns (comparator, length of words)."""
    tail = before[-40:]
    # "ít nhất có 2 hợp tác xã/năm", "tối thiểu phải đạt 80%": a floor said before the verb of having or reaching
    floor = _FLOOR_BEFORE_VERB_RE.search(tail) if ("ít" in tail or "tối" in tail or "không" in tail) else None
    if floor:
        return ">=", len(tail) - floor.start()
    for pattern, comp in _COMPARATORS:
        # "có khoảng: 120 tổ hợp tác; 300 hợp tác xã": a colon may stand between the word and the list
        m = re.search(r"(?:^|(?<=\s)|(?<=\())(?:đạt\s+|là\s+)?" + pattern + r"\s*:?\s*$", tail, re.IGNORECASE)
        if m:
            # "Tối thiểu sẽ có khoảng 3 HTX": a floor said before "khoảng" is the comparator
            floor = comp == "~" and _FLOOR_BEFORE_RE.search(tail[: m.start()])
            if floor:
                return ">=", len(tail) - floor.start()
            return comp, len(tail) - m.start()
    return None, 0


_FLOOR_BEFORE_VERB_RE = re.compile(
    r"(?:^|(?<=\s))(?:ít\s+nhất|tối\s+thiểu|không\s+dưới)(?:\s+(?:sẽ|phải|cần|có|đạt)){1,3}\s*:?\s*$", re.IGNORECASE
)
_FLOOR_BEFORE_RE = re.compile(
    r"(?:^|(?<=\s))(?:ít\s+nhất|tối\s+thiểu|không\s+dưới)(?:\s+(?:sẽ|phải|cần|có|là|đạt)){0,3}\s*$", re.IGNORECASE
)


def _list_comparator(text: str) -> str | None:
    """The comparator a lead line ending in "<word>:" states for the list items under it ("Phấn đấu đến
    năm 2030 có khoảng:" → "~", "… đạt tối thiểu:" → ">="); None for "như sau:", "đạt:" or no colon."""
    m = re.search(r"\s*:\s*$", text)
    if not m:
        return None
    comp, _ = _comparator(text[: m.start()])
    return comp if comp not in (None, "=") else None


def _trailing(after: str) -> str | None:
    """The comparator of "trở lên/trở xuống" after the quantity's words; never across another number: in "60 tổ hợp tác
    và 40 HTX trở lên" it binds to 40 only. A rating or a level named before it takes it ("80% HTX đạt loại khá trở
    lên", "cán bộ có trình độ trung cấp trở lên"): the words qualify the rating, and the count or share is exact —
    the corpus keys' convention (c64, c70, c77), as for "20 sản phẩm OCOP đạt 3 sao trở lên"."""
    # (twelfth pass, fresh7's c289: up to twelve words of the thing counted, "3 chuỗi giá trị sản phẩm nông sản hàng hóa
    # chủ lực trở lên")
    m = re.match(r"\s*((?:[^\W\d]|[/ ]){0,60}?)\btrở (lên|xuống)\b", after[:75])
    if m and len(m.group(1).split()) > 12:
        return None
    if not m or _RATING_WORDS_RE.search(m.group(1)):
        return None
    return ">=" if m.group(2) == "lên" else "<="


# a rating or a level that "trở lên" may qualify: "loại khá", "xếp loại", "hạng 3", "trình độ", "bậc 4", "trung cấp",
# "cao đẳng", "đại học", "3 sao"
_RATING_WORDS_RE = re.compile(
    r"\b(?:loại|hạng|trình\s+độ|bậc|trung\s+cấp|sơ\s+cấp|cao\s+đẳng|đại\s+học|khá|giỏi|tốt)\b", re.IGNORECASE
)


# a count or an amount written in words ("hai triệu thành viên", "mười lăm HTX", "hai trăm hộ"): the digit words
# ("năm" and "tư" only inside a number: alone they are "year" and "fourth")
_DIGIT_WORDS = {
    "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9,
}
_D = "(?:" + "|".join(_DIGIT_WORDS) + ")"
_WORD_NUMBER_RE = re.compile(
    r"(?<![\wÀ-ỹ])(?:(?P<h>" + _D + r")\s+trăm(?:\s+(?:linh|lẻ)\s+(?P<hu>" + _D + r")|\s+(?=mười|" + _D + r"\s+mươi))?\s*)?"
    r"(?:(?P<ten>mười)(?:\s+(?P<tu>" + _D + r"))?|(?P<t>" + _D + r")\s+mươi(?:\s+(?P<tu2>" + _D + r"))?|(?P<u>" + _D + r"))?"
    r"(?![\wÀ-ỹ])",
    re.IGNORECASE,
)
# a lone "một" is a count only after a word that counts ("có ít nhất một HTX", "thành lập mới một HTX")
_ONE_COUNTED_RE = re.compile(
    r"(?:ít\s+nhất|tối\s+thiểu|có|thêm|mới|thành\s+lập|xây\s+dựng|đạt|phát\s+triển)\s+$", re.IGNORECASE
)
_WORD_MULT_RE = re.compile(r"\s+(?:tỷ|tỉ|triệu|nghìn|ngàn|vạn)(?![\wÀ-ỹ])", re.IGNORECASE)


def _word_number(m: re.Match) -> int | None:
    """The value of a number in words matched by ``_WORD_NUMBER_RE``; None when it is a lone "năm"/"tư"/"mốt"/
    "lăm" (not a number there) or nothing."""
    g = {k: (v.lower() if v else None) for k, v in m.groupdict().items()}
    if not m.group(0).strip():
        return None
    if g["u"] in ("năm", "tư", "mốt", "lăm") and not g["h"]:
        return None
    value = _DIGIT_WORDS[g["h"]] * 100 if g["h"] else 0
    if g["hu"]:
        value += _DIGIT_WORDS[g["hu"]]
    if g["ten"]:
        value += 10 + (_DIGIT_WORDS[g["tu"]] if g["tu"] else 0)
    elif g["t"]:
        value += _DIGIT_WORDS[g["t"]] * 10 + (_DIGIT_WORDS[g["tu2"]] if g["tu2"] else 0)
    elif g["u"]:
        value += _DIGIT_WORDS[g["u"]]
    return value or None


def figures_for_words(clause: str) -> str:
    """The clause with each number written in words that a unit (or "triệu/nghìn/tỷ" and a unit) follows
    written in figures, padded with spaces to the same length so that every position in it is the same as
    in the clause: "với hai triệu thành viên" → "với 2   triệu thành viên". A number word before anything
    else ("một số HTX", "hai bên", "năm 2025", "lần thứ hai") is left as it is."""
    if not re.search(r"(?<![\wÀ-ỹ])(?:" + _D + r"|mười)(?![\wÀ-ỹ])", clause, re.IGNORECASE):
        return clause
    out, last = [], 0
    for m in _WORD_NUMBER_RE.finditer(clause):
        value = _word_number(m)
        if value is None or m.start() < last:
            continue
        words = m.group(0).rstrip()
        after = clause[m.start() + len(words) :]
        mult = _WORD_MULT_RE.match(after)
        rest = after[mult.end() :] if mult else after
        if _FILLER_RE.match(rest.lstrip()) or re.match(r"\s*trong\b", rest, re.IGNORECASE):
            continue  # "một số HTX", "một trong những …": no count
        if not (mult and re.match(r"\s*(?:đồng|VNĐ|VND)\b", rest)) and _unit_after(rest)[0] is None:
            continue
        if value == 1 and not mult and not _ONE_COUNTED_RE.search(clause[: m.start()]):
            continue  # "trên cùng một xã", "của một hợp tác xã": the article "a", not a count
        figure = str(value)
        out.append(clause[last : m.start()] + figure + " " * (len(words) - len(figure)))
        last = m.start() + len(words)
    return "".join(out) + clause[last:] if out else clause


def _kind(q: dict) -> str:
    """A quantity's kind for an enumeration: a share ("%") or a count/amount."""
    return "%" if (q["unit"] or "").startswith("%") else "count"


def quantities(clause: str, carry: str | None = None, carry_kind: str | None = None) -> list[dict]:
    """All target quantities in one clause, in order (see module docstring). ``carry`` is the
    comparator of an enumeration continued from the previous ';'-clause: it goes to the first
    quantity when the clause starts with it and has no comparator of its own — and, when ``carry_kind``
    is given (the kind of the quantity that stated it), is of the same kind: "thu hút khoảng 8 triệu thành
    viên; 100% số HTX … hoạt động theo …" states the share exactly, "khoảng 160 THT; 240 HTX" goes on. A number written in words
    before its unit counts as its figures (``figures_for_words``: positions are kept)."""
    clause = figures_for_words(clause)
    found = []
    skip_to = _counts_of_today_end(clause)  # "Hiện cả nước đang có 193 HTX, trong số đó có 155 …": baselines
    for m in _QTY_RE.finditer(clause):
        if m.start() < skip_to:
            continue
        before = clause[: m.start()]
        after = clause[m.end() :]
        token = m.group("num") or m.group("lo") or m.group("blo")
        hi = m.group("hi") or m.group("bhi")
        if m.group("num") and re.fullmatch(r"(19|20)\d{2}", token) and not m.group("pct"):
            continue
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})*\.\d{1,2}", token) and not clause[m.end() :].strip(" .…"):
            continue  # twelfth pass (fresh7's c257): "Đào tạo được khoảng 40.0" — a number cut in its digits
        if m.group("lo") and re.fullmatch(r"(19|20)\d{2}", token) and re.fullmatch(r"(19|20)\d{2}", hi or ""):
            if not m.group("pct"):
                continue  # "từ 2021 đến 2025" is a period, not a range to reach
        if m.group("blo") and (
            re.fullmatch(r"(19|20)\d{2}", token)
            or parse_number(hi) <= parse_number(token)
            or not (m.group("pct") or re.match(r"\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|vạn)?\s*[^\W\d]", after))
        ):
            continue  # "2021 - 2025" is a period; a range without "từ" needs rising bounds and a unit
        comp, comp_len = _comparator(before)
        nt = _NOT_TARGET_BEFORE.search(before[: len(before) - comp_len])
        if nt is None and "tổng số" in before and _BASE_OF_TOTAL_RE.search(before[: len(before) - comp_len]):
            continue  # "… 5.400 HTX hoạt động hiệu quả trong tổng số hơn 6.400 HTX": the base of a count or share
        if (
            nt
            and nt.group(0).lower().startswith("chiếm")
            and (_SHARE_RE.search(before[: nt.start()]) or (m.group("pct") and _SHARE_OF_TOTAL_RE.match(after)))
        ):
            nt = None  # "đóng góp … chiếm 0,3% GRDP", "chiếm khoảng 36% tổng số HTX": a share to reach
        share_of_count = bool(
            nt
            and m.group("pct")
            and _SHARE_IN_BRACKET_RE.search(before[: len(before) - comp_len])
            and any(q["unit"] in _COOP_UNITS for q in found)
        )
        if share_of_count:
            nt = None  # "195 hợp tác xã … hoạt động có hiệu quả (chiếm 89%)": the count restated as a share (c283)
        if nt and m.group("pct") and re.search(r"\b(?:mỗi|hằng|hàng|bình\s+quân)\s+năm\s*:?\s*$", nt.string[: nt.end()]):
            nt = None  # "tăng bình quân mỗi năm 8%": a yearly rate, not a year
        if (
            nt
            and nt.group(0)[:3].lower() == "năm"
            and _PER_YEAR_WORD_RE.search(nt.string[: nt.start()])
            and not re.fullmatch(r"(?:19|20)\d{2}", token)
        ):
            nt = None  # "Tổng diện tích gieo trồng hằng năm: 3.830 ha", "cây lâu năm đạt 1.250 ha": no year
        # (a share is no duration: "đạt khoảng 5,5% năm", "đạt 5,5% năm 2025" — eleventh pass, c245)
        if nt or (_DURATION_AFTER.match(after) and not m.group("pct")) or _BASELINE_LIST_RE.search(before):
            continue
        if _NAME_BEFORE_RE.search(before[: len(before) - comp_len]):
            continue  # a programme's name or a legal document's number
        open_at = _open_paren(before)
        # "235 THT với 700 thành viên (thành lập mới từ 15 - 20 THT)": a parenthesis that opens with a
        # verb of its own states a target of its own (the new foundations), not a part of the total
        sub_target = open_at >= 0 and (
            share_of_count
            or bool(_SUB_TARGET_RE.match(before[open_at + 1 :]))
            # a growth against a base beside a count: "804 HTX (tăng 380 HTX so với năm 2020)" — its own target, as
            # c76's "tăng 30 % so với năm 2005" outside a bracket, not a part of the total
            or bool(_GROWTH_IN_BRACKET_RE.match(before[open_at + 1 :]) and re.match(r"[^()]*\bso\s+với\b", after))
        )
        if not sub_target and _in_breakdown(before, found):
            continue  # "190 HTX (115 hợp tác xã nông nghiệp, 75 HTX phi nông nghiệp)": parts of a total
        if (
            not sub_target
            and re.search(r"\(\s*[^)]*$", before)
            and re.search(
                # "(năm 2010 thu nhập …)" quotes another year; "đồng/năm" inside the bracket is a unit's
                r"hiện|kể cả|trong đó|theo|của|Chương trình|Đề án|Quyết định|Kế hoạch|Nghị quyết|(?<![/\w])năm",
                before[before.rfind("(") :],
            )
        ):
            continue  # a parenthesis quoting a baseline or another programme
        if _PAST_RE.search(before[: len(before) - comp_len]):
            continue  # a result already achieved ("đã hỗ trợ 1.500 triệu đồng")
        if _LIMIT_RE.search(before):
            continue  # "Hạn chế việc thành lập nhiều hơn 1 HTX …": a limit to avoid, not a level to reach
        if _SIZE_OR_PROGRESS_OBJECT_RE.search(before):
            continue  # "03 hợp tác xã có quy mô từ trên 100 thành viên", "Hoàn thành 50% tiến độ xây dựng 02 mô hình"
        pct = bool(m.group("pct"))
        if pct:
            yearly = (
                "năm" in m.group("pct")
                or bool(_YEARLY_RATE_RE.search(before[-60:]))
                or bool(
                    re.match(r"\s*(?:mỗi|hằng|hàng|một)\s+năm\b", after, re.IGNORECASE) and _GROWTH_RE.search(before)
                )
            )
            unit = "%/năm" if yearly else "%"
            unit_text, used = unit, 0
            if (pn := _PCT_YEAR_RE.match(after)) and (yearly or _GROWTH_RE.search(before) or "tăng trưởng" in before):
                # "tốc độ tăng trưởng bình quân đạt khoảng 5,5% năm": a yearly rate written without its slash
                unit, unit_text, used = "%/năm", "%/năm", pn.end()
        else:
            unit, unit_text, used = _unit_after(after)
        count_mult = None
        if not pct and unit is None and (mm := _MONEY_PER_RE.match(after)):
            # twelfth pass (fresh7's c265): money written without "đồng" but per something, "đạt 450 triệu/ hợp tác
            # xã", "2 tỷ/HTX/năm" (a bare "3 triệu" stays no unit)
            pm = _PER_RE.match(after, mm.end())
            unit, unit_text, used = "đồng" + _per(pm.group(0)), after[: pm.end()].strip(), pm.end()
        if not pct and unit is None:
            cm = re.match(r"\s*(triệu|nghìn|ngàn|vạn)\b", after, re.IGNORECASE)
            if cm:
                unit, unit_text, used = _unit_after(after[cm.end() :])
                if unit and not unit.startswith("đồng"):
                    count_mult, used = cm.group(1), cm.end() + used
                else:
                    unit, unit_text, used = None, None, 0
        if hi:
            comp = "range"
            comp_len = 0
        trailing = _trailing(after)
        by_trailing = bool(trailing and comp in (None, "="))
        if by_trailing:
            comp = trailing
        elif (
            comp == ">="
            and not hi
            and re.search(r"\btừ\s+$", before, re.IGNORECASE)
            and re.match(r"[^\d;]{0,100}?\btrở\s+lên\b", after[used:], re.IGNORECASE)
        ):
            # "Có từ 45% số HTX … thành lập trở lên tham gia …; 30% số HTX …": the floor closed by its own "trở
            # lên" binds this quantity only, not the next ';'-item (eleventh pass, c227)
            by_trailing = True
        value = _count_value(token, unit, count_mult)
        value_max = _count_value(hi, unit, count_mult) if hi else None
        if count_mult:  # "1,8 triệu thành viên" → 1800000 thành viên; "2,5 - 3,5 vạn người" → 25000–35000
            value = money_to_vnd(token, count_mult)
            if value_max is not None:
                value_max = money_to_vnd(hi, count_mult)
        elif unit and unit.startswith(("đồng", "USD")):
            mm = re.match(r"\s*(tỷ|tỉ|triệu|nghìn|ngàn)", after, re.IGNORECASE)
            mult = mm.group(1) if mm else None
            value = money_to_vnd(token, mult)
            if value_max is not None:
                value_max = money_to_vnd(hi, mult)
        if (
            unit is None
            and not pct
            and not hi
            and before.rstrip().endswith("lên")
            and (named := _UNIT_NAMED_BEFORE_RE.search(before[-120:]))
        ):
            # "phấn đấu đưa tổng số hợp tác xã lên 300 vào năm 2030": the count's unit named before "lên"
            unit, unit_text, _used = _unit_after(named.group(1))
        if (
            unit is None
            and not pct
            and before.rstrip().endswith(":")
            and not re.match(r"\s*[^\W\d]", after)
            and (named := _LABEL_UNIT_RE.search(before[-90:]))
        ):
            # "- Số hợp tác xã: 1.200;", "trong đó HTX nông nghiệp: 450, HTX phi nông nghiệp: 480": the count's unit is
            # its label's first words (no word after the number)
            unit, unit_text, _used = _unit_after(named.group(1))
        if unit is None and comp is None:
            continue
        if unit and unit.startswith(("đồng", "USD")) and _SUPPORT_MONEY_RE.search(before) and not _MONEY_REACHED_RE.search(before):
            continue  # "hỗ trợ mỗi HTX thành lập mới 30 triệu đồng", "bố trí kinh phí 2 tỷ đồng": support, a budget
        if unit and unit.startswith(("đồng", "USD")) and (_BUDGET_RE.search(before) or _BUDGET_SOURCE_RE.match(after[used:])):
            continue  # "Nhu cầu vốn … để thực hiện chiến lược là 4.310 tỷ đồng", "khoảng 680 tỷ đồng là nguồn ngân sách"
        if unit == "điểm" and _RATING_RE.search(before):
            continue  # "xếp loại Tốt, đạt từ 80 điểm trở lên": the rating's threshold, not a target
        if unit == "sao" and any(q["unit"] for q in found):
            continue  # "20 sản phẩm OCOP đạt 3 sao trở lên": the counted products' rank, not a target
        if m.group("num") and unit and not pct and re.search(r"\btừ\s+$", before, re.IGNORECASE):
            upper = _upper_bound(after[used:], unit, count_mult)
            if upper and upper[0] > value:  # "từ 50 HTX đến 60 HTX": a range with the unit on both sides
                comp, comp_len, value_max = "range", 0, upper[0]
                used += upper[1]
                skip_to = m.end() + used
        found.append(
            {
                "start": m.start() - comp_len,
                "num_start": m.start(),
                "end": m.end() + used,
                "comparator": comp,
                "value": value,
                "value_max": value_max,
                "unit": unit,
                "unit_text": unit_text,
                "explicit": comp is not None,
                "in_paren": open_at >= 0,
                # "70% trở lên": the comparator binds to its own number only, never carried to the next item
                "trailing": by_trailing,
            }
        )
    if (
        carry
        and found
        and not found[0]["explicit"]
        and found[0]["start"] == 0
        and found[0]["unit"]
        and (carry_kind is None or _kind(found[0]) == carry_kind)
    ):
        found[0]["comparator"] = carry
        found[0]["inherited"] = True
    # inherit a comparator across an enumeration: "ít nhất từ 10 hợp tác xã, 40 tổ hợp tác", also past
    # the first item's qualifier ("ít nhất 30 HTX trong lĩnh vực nông nghiệp và 01 liên hiệp HTX"); a
    # sub-target in brackets neither gives nor takes one
    items = [q for q in found if not q["in_paren"]]
    for prev, cur in zip(items, items[1:], strict=False):
        gap = clause[prev["end"] : cur["num_start"]]
        if "(" in gap:  # "khoảng 390 HTX, 529 tổ hợp tác (trong đó …), 3 liên hiệp HTX": a bracket between items
            gap = re.sub(r"\s*\([^()]*\)", "", gap)
        if (
            not cur["explicit"]
            and prev["comparator"] not in (None, "=", "range")
            and not prev["trailing"]
            and (re.fullmatch(r"\s*(?:,|và|,\s*và|,?\s*với)\s*", gap) or _qualifier_gap(gap))
            # "thành lập mới trên 70 HTX … và 1 liên hiệp HTX": "more than one" is never said of a lone one — the
            # strict "trên/hơn" stops before a count of 1 ("ít nhất … và 1 liên hiệp" and "khoảng" still go on)
            and not (prev["comparator"] == ">" and cur["value"] == 1 and cur["value_max"] is None)
        ):
            cur["comparator"] = prev["comparator"]
            cur["inherited"] = True
    for q in found:
        q["comparator"] = q["comparator"] or "="
    return found


# "đưa/nâng tổng số hợp tác xã (toàn tỉnh) lên 300": the unit of a count named before "lên" (a few words between)
_UNIT_NAMED_BEFORE_RE = re.compile(
    r"\b(?:đưa|nâng)\s+(?:tổng\s+)?số\s+((?:hợp\s+tác\s+xã|HTX|tổ\s+hợp\s+tác|THT|thành\s+viên|hội\s+viên|lao\s+động)"
    r")(?:\s+[^\W\d]+){0,4}\s+lên\s*$",
    re.IGNORECASE,
)


# a label naming the unit of the count after its colon: "Số hợp tác xã:", "Tổng số thành viên:", "HTX nông nghiệp:"
# (up to five words qualify the unit; the label opens its item, its clause or a "trong đó")
# a label's qualifier words never "đã"/"hiện": "Số hợp tác xã đã thành lập: 50" and "… hiện có: 1.100"
# state what was done or exists, not a target (review of e5b4dcb)
_LABEL_UNIT_RE = re.compile(
    r"(?:^|[-–•+*,;(]\s*|\btrong\s+đó\s*,?\s*)(?:(?:tổng\s+)?số(?:\s+lượng)?\s+)?"
    r"((?:liên\s+hiệp\s+(?:hợp\s+tác\s+xã|HTX)|LHHTX|hợp\s+tác\s+xã|HTX|tổ\s+hợp\s+tác|THT|thành\s+viên|hội\s+viên"
    r"|lao\s+động|quỹ\s+tín\s+dụng\s+nhân\s+dân|QTDND))(?:\s+(?!(?:đã|hiện)\b)[^\W\d]+){0,5}\s*:\s*$",
    re.IGNORECASE,
)


# units counted in whole things: a value of one of them can have no fraction
_WHOLE_UNITS = {
    "HTX", "THT", "LHHTX", "QTDND", "thành viên", "hội viên", "hộ", "người", "lao động", "lượt", "cán bộ",
    "sản phẩm", "mô hình", "doanh nghiệp", "tổ chức", "lớp", "xã", "chuỗi", "Hội quán", "câu lạc bộ",
    "chi hội", "tổ hội", "mã số vùng trồng", "đảng viên", "đoàn viên", "học viên", "trang trại",
    "thanh niên", "phụ nữ", "nông dân", "gia trại",
}


def _count_value(token: str, unit: str | None, count_mult: str | None) -> int | float | None:
    """The value of a number token; a count of whole things written with a comma grouping thousands, as
    websites in English style write it ("1,500 HTX", "150,000 thành viên"), is 1500 / 150000 — not 1.5 HTX (a
    count has no fraction; "1,5 triệu thành viên" and "2,5%" keep their decimal comma)."""
    if unit in _WHOLE_UNITS and not count_mult and re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):
        return int(token.replace(",", ""))
    return parse_number(token)


def _upper_bound(text: str, unit: str, count_mult: str | None) -> tuple[int | float, int] | None:
    """The upper bound of "từ 50 HTX đến 60 HTX" / "từ 2 tỷ đồng đến 3 tỷ đồng" / "từ 200 tổ hợp tác - 250 tổ
    hợp tác" written after the first bound's unit: (value, length read) when ``text`` opens with "đến/tới/–"
    and a number with the same unit, else None."""
    m = re.match(r"\s*(?:đến|tới|" + _DASH + r")\s*(" + NUMBER_RE + r")(?![\w/%])", text, re.IGNORECASE)
    if not m:
        return None
    rest = text[m.end() :]
    mult = None
    if count_mult:
        cm = re.match(r"\s*(triệu|nghìn|ngàn|vạn)\b", rest, re.IGNORECASE)
        if not cm:
            return None
        mult, skip = cm.group(1), cm.end()
    else:
        skip = 0
    other, _written, used = _unit_after(rest[skip:])
    if other != unit:
        return None
    if unit.startswith("đồng"):
        mm = re.match(r"\s*(tỷ|tỉ|triệu|nghìn|ngàn)", rest, re.IGNORECASE)
        mult = mm.group(1) if mm else None
    value = money_to_vnd(m.group(1), mult) if mult else parse_number(m.group(1))
    return (value, m.end() + skip + used) if value is not None else None


# a parenthesis that states a target of its own: "(thành lập mới từ 15 - 20 THT)", "(trong đó phát triển
# mới 5 HTX)" — not a breakdown "(115 hợp tác xã nông nghiệp, …)" nor a baseline "(hiện có 15 …)"
# twelfth pass (fresh7's c283): a bracket restating the count before it as its share, "(chiếm 89%)"
_SHARE_IN_BRACKET_RE = re.compile(r"\(\s*chiếm\s*$", re.IGNORECASE)
_GROWTH_IN_BRACKET_RE = re.compile(r"\s*(?:tăng|giảm)(?:\s+thêm)?\s*$", re.IGNORECASE)
_SUB_TARGET_RE = re.compile(
    r"\s*(?:trong\s+đó\s+)?(?:thành\s+lập|phát\s+triển|xây\s+dựng|củng\s+cố|tăng\s+thêm|nâng\s+cấp)\b", re.IGNORECASE
)
# a growth rate per year written before the number: "doanh thu tăng bình quân mỗi năm 10%", "mỗi năm tăng
# 8%", "tăng trưởng bình quân hằng năm đạt 7%" are "%/năm" like "7%/năm"; a share stated for each year
# ("Mỗi năm, 100% HTX mới được tập huấn") stays "%": the rate needs "tăng/giảm" after the yearly words or
# before "bình quân … năm"
_YEARLY_RATE_RE = re.compile(
    r"(?:\b(?:mỗi|hằng|hàng)\s+năm\b[^;:.()%]{0,30}?\b(?:tăng|giảm)(?:\s+trưởng)?"
    r"|\b(?:tăng|giảm)(?:\s+trưởng)?\b[^;:.()%]{0,40}?\bbình\s+quân\s+(?:(?:mỗi|hằng|hàng)\s+)?năm"
    r"|\b(?:tăng|giảm)(?:\s+trưởng)?\b[^;:.()%]{0,40}?\b(?:mỗi|hằng|hàng)\s+năm)"
    r"[^;:.()%\d]{0,30}$",
    re.IGNORECASE,
)
# … or after it: "tăng trưởng 10% mỗi năm"
_GROWTH_RE = re.compile(r"\b(?:tăng|giảm)\b", re.IGNORECASE)
# money given, not money to reach: a support level or a budget ("hỗ trợ mỗi HTX thành lập mới 30 triệu đồng",
# "mức hỗ trợ tối đa 50 triệu đồng/HTX", "bố trí kinh phí 2 tỷ đồng") — the plan's budget, read apart
# (tasks.read_budget), never a target; revenue and income ("doanh thu … 1,5 tỷ đồng/HTX/năm") are targets
_SUPPORT_MONEY_RE = re.compile(
    r"\b(?:hỗ\s+trợ|kinh\s+phí|bố\s+trí|ngân\s+sách|cấp\s+vốn|nguồn\s+vốn|tổng\s+vốn|chi\s+phí)\b[^;:()]{0,50}$",
    re.IGNORECASE,
)
# the plan's budget stated as a need or a total cost, or money named by its source after it (eleventh pass, c245):
# "Nhu cầu vốn cho cả giai đoạn 2021 – 2025 để thực hiện chiến lược là 4.310 tỷ đồng. Trong đó có khoảng 680 tỷ
# đồng là nguồn ngân sách" — never a target (a revenue, an income or a total investment to reach still is)
_BUDGET_RE = re.compile(
    r"\b(?:nhu\s+cầu\s+(?:về\s+)?vốn|tổng\s+mức\s+đầu\s+tư|tổng\s+(?:nhu\s+cầu\s+)?kinh\s+phí|vốn\s+(?:để\s+)?thực\s+hiện)\b"
    r"[^;:()]{0,100}$",
    re.IGNORECASE,
)
_BUDGET_SOURCE_RE = re.compile(
    r"\s*(?:là|từ|thuộc)\s+(?:các\s+)?(?:nguồn\s+)?(?:vốn\s+)?(?:ngân\s+sách|vốn\s+(?:đối\s+ứng|huy\s+động|vay|xã\s+hội\s+hóa))\b",
    re.IGNORECASE,
)
# … but a revenue or a total to reach is a target: "Thu ngân sách Nhà nước tăng bình quân 30%/năm, đạt trên 2 tỷ
# đồng", "tổng vốn đầu tư toàn xã hội đạt trên 2.500 tỷ đồng" (not "bố trí ngân sách 2 tỷ đồng", "kinh phí hỗ trợ
# 30 triệu đồng")
_MONEY_REACHED_RE = re.compile(
    r"\bthu\s+ngân\s+sách\b[^;:()]{0,60}$|\b(?:tổng\s+vốn\s+đầu\s+tư|vốn\s+đầu\s+tư\s+toàn\s+xã\s+hội)\b[^;:()]{0,40}"
    r"\bđạt\s+(?:trên|hơn|khoảng|ít\s+nhất|tối\s+thiểu|từ)?\s*$",
    re.IGNORECASE,
)
# eleventh pass (c265): a size that qualifies the things counted ("Xây dựng 03 hợp tác xã có quy mô từ trên 100
# thành viên") and the object of a progress target ("Hoàn thành 50% tiến độ xây dựng thí điểm 02 mô hình …") are no
# targets of their own
_SIZE_OR_PROGRESS_OBJECT_RE = re.compile(
    r"\bquy\s+mô\s+(?:từ\s+)?(?:trên|dưới|khoảng|ít\s+nhất|tối\s+thiểu|hơn)?\s*$"
    r"|\d\s*%\s+tiến\s+độ\b[^;:.()%]{0,80}$",
    re.IGNORECASE,
)
# a limit stated as something to avoid: "Hạn chế việc thành lập nhiều hơn 1 HTX …", "không để quá 2 …"
_LIMIT_RE = re.compile(r"\b(?:hạn\s+chế|tránh|không\s+để)\b[^;()]{0,80}\b(?:nhiều\s+hơn|quá)\s*$", re.IGNORECASE)
# words that open a new statement: an item after them is not the enumeration's next item
_NEW_STATEMENT_RE = re.compile(
    r"\b(?:thành\s+lập|phát\s+triển|xây\s+dựng|có|đạt|tăng|giảm|hỗ\s+trợ|đào\s+tạo|nâng|thu\s+hút|tổ\s+chức"
    r"|củng\s+cố|giải\s+thể|tạo|là|được|duy\s+trì|trong\s+đó|phấn\s+đấu)\b",
    re.IGNORECASE,
)


def _qualifier_gap(gap: str) -> bool:
    """True for "trong lĩnh vực nông nghiệp và": the previous item's qualifier (a few words, no number,
    no bracket, no verb opening a new statement) ending with "và" or ","."""
    # (eleventh pass, c227: also a qualifier glued to its comma, "ít nhất 16 Chi hội Nông dân nghề nghiệp, 135 Tổ Hội")
    m = re.fullmatch(r"\s*((?:[^\W\d]+\s+){1,6}?)(?:,\s*và|,|và)\s*", gap) or re.fullmatch(
        r"\s*((?:[^\W\d]+\s+){0,5}[^\W\d]+),\s*", gap
    )
    return bool(m) and not _NEW_STATEMENT_RE.search(m.group(1))


def _open_paren(before: str) -> int:
    """Where the parenthesis still open at the end of ``before`` starts, or -1."""
    depth, open_at = 0, -1
    for i, c in enumerate(before):
        if c == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif c == ")" and depth:
            depth -= 1
    return open_at if depth else -1


def _in_breakdown(before: str, found: list[dict]) -> bool:
    """True when the number stands in a parenthesis opened right after a quantity with its unit:
    the parenthesis breaks that total down ("190 HTX (115 hợp tác xã nông nghiệp, 75 HTX …)")."""
    open_at = _open_paren(before)
    if open_at < 0:
        return False
    # "3.830 ha. (trong đó: …", "3.200 con, (trong đó: …": a full stop or a comma may stand before a bracket that
    # says it breaks the total down; a bracket never closed runs to the paragraph's end
    said = _BREAKDOWN_OPEN_RE.match(before, open_at + 1) is not None
    return any(
        q["unit"] and q["end"] <= open_at and not before[q["end"] : open_at].strip(" .," if said else " ") for q in found
    )


_BREAKDOWN_OPEN_RE = re.compile(r"\s*(?:trong\s+đó|bao\s+gồm|gồm|cụ\s+thể)\b", re.IGNORECASE)


def _milestone_year(node: Node | None, default: int | None) -> int | None:
    while node is not None:
        m = re.search(
            r"(?:đến|tới|trong|giai đoạn)?\s*(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2})\s*$", node.title, re.IGNORECASE
        ) or re.fullmatch(r"(?:Đến|Năm)\s+(?:năm\s+)?((?:19|20)\d{2})[:.]?", node.title.strip(), re.IGNORECASE)
        if m:
            return int(m.group(1))
        node = node.parent
    return default


def _scope(unit: str | None, text: str) -> str:
    if unit and "/HTX" in unit:
        return "per_htx"
    if unit and "/người" in unit:
        return "per_person"
    if re.search(r"\bmỗi\s+(xã|phường|thị trấn)\b", text, re.IGNORECASE):
        return "per_commune"
    return "area"


_EARLIER_YEAR_RE = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def _names_an_earlier_year(text: str, year: int | None) -> bool:
    """True when ``text`` speaks of a year before the targets' ("Năm 2022, toàn tỉnh có …" under
    targets of 2023) other than as a comparison base ("tăng 10% so với năm 2022", or in brackets)."""
    if not year:
        return False
    return any(
        int(m.group(1)) < year
        and not re.search(r"(?:so\s+với|từ)\s*$", text[: m.start()], re.IGNORECASE)
        and _open_paren(text[: m.start()]) < 0  # "(năm 2010 thu nhập bình quân … đạt …)": a base in brackets
        for m in _EARLIER_YEAR_RE.finditer(text)
    ) or (
        # "… giới thiệu những kết quả đạt được trong giai đoạn 2016 - 2020" under targets of 2025: a period that
        # ended before the targets' year is what was done
        ("đoạn" in text or "kỳ" in text or "ĐOẠN" in text or "KỲ" in text)
        and any(
            int(m.group(1)) < year and not re.search(r"so\s+với\s*$", text[: m.start()], re.IGNORECASE)
            for m in _PERIOD_RE.finditer(text)
        )
    )


def _state_of_an_earlier_year(clause: str, year: int | None) -> bool:
    """A clause telling the state of a year before its targets' ("Doanh thu bình quân … năm 2024 đạt 3,5 tỷ đồng"
    among targets of 2025, "Trong năm 2024, tỉnh hỗ trợ thành lập 20 HTX"): no target word in it ("phấn đấu", "đến
    năm", "tăng lên" …), a year that is neither a comparison base ("so với năm 2024") nor in brackets."""
    if not year:
        return False
    earlier = [m for m in _EARLIER_YEAR_RE.finditer(clause) if int(m.group(1)) < year]
    if not earlier or _TARGET_WORDS_RE.search(clause):
        return False
    # a base ("so với năm 2024", "so năm 2015", "bằng 2,5 lần năm 2020"), a milestone of its own ("vào năm 2025"), a
    # law's or a resolution's year are no state of that year
    return any(
        not re.search(
            r"(?:so\s+với|so|từ|lần|vào(?:\s+cuối)?|Luật[^,;]{0,40}|Nghị\s+quyết[^,;]{0,40})\s*$",
            clause[: m.start()],
            re.IGNORECASE,
        )
        and _open_paren(clause[: m.start()]) < 0
        for m in earlier
    )


def _states_targets(clauses: list[str], doc_year: int | None, year: int | None) -> bool:
    """A sentence that goes on a summary's targets: a quantity with its unit outside a result clause,
    and no earlier year of its own."""
    if _names_an_earlier_year(" ".join(clauses), year):
        return False
    return any(not is_result_clause(c, doc_year) and any(q["unit"] for q in quantities(c)) for c in clauses)


# a sentence detailing what the one before announced: "Cụ thể, …", "Cụ thể là: …", "Trong đó: …", "Gồm: …"
_DETAIL_RE = re.compile(r"\s*(?:Cụ\s+thể(?:\s+là)?|Trong\s+đó|Bao\s+gồm|Gồm)\s*[,:]", re.IGNORECASE)


# the verbs an objective opens with ("Mở rộng quy mô …", "Nâng cao chất lượng …", "Bảo đảm …")
_OBJECTIVE_RE = re.compile(
    r"\s*(?:Mở\s+rộng|Nâng\s+cao|Phát\s+triển|Đẩy\s+mạnh|Tăng\s+cường|Tiếp\s+tục|Củng\s+cố|Xây\s+dựng|Đổi\s+mới"
    r"|Khuyến\s+khích|Thu\s+hút|Bảo\s+đảm|Đảm\s+bảo|Góp\s+phần|Hình\s+thành|Kiện\s+toàn)\b"
)


# a group's label in a list of indicators: "Về kinh tế (11 chỉ tiêu) 1.", "II. Về văn hóa - xã hội (10 chỉ tiêu)"
# (a short label with no number but the group's count of indicators and the next item's number)
_GROUP_LABEL_RE = re.compile(
    r"(?:[IVX]{1,4}\.\s*)?(?:Về\s+[^\d.;:()]{2,40}|[^\d.;:()]{2,50}\(\s*\d{1,2}\s+chỉ\s+tiêu\s*\))"
    r"(?:\s*\(\s*\d{1,2}\s+chỉ\s+tiêu\s*\))?\s*(?:\d{1,2}\.?)?"
    r"|[IVX]{1,4}"  # the group's numeral alone ("… 31.000 tấn. II. Về văn hóa …" splits after it)
)


def _targets_from_paragraph(
    line: Line,
    text_offset: int,
    text: str,
    year: int | None,
    doc_year: int | None,
    confidence: float,
    unsure: bool,
    note: str,
    require: re.Pattern | None = None,
    follow: bool = False,
    carry_in: str | None = None,
    past: tuple[int | None, bool] | None = None,
) -> list[Target]:
    """The targets of one paragraph or list item. ``carry_in``: the comparator of the lead line a list item
    stands under ("… có khoảng:"), given to the item's first quantity when it opens the item without a
    comparator of its own (as a ';'-enumeration's comparator goes to the next clause). ``past``: the plan's own
    first year and whether it is an annual frame's (``_own_first_year``): a sentence with a lead-in of its own that
    tells a past plan's target (``_past_lead_sentence``) is passed over, and one that names its own year ("… . Mục
    tiêu năm 2023: …") gives it to its targets."""
    out: list[Target] = []
    baseline = None
    bm = _BASELINE_RE.search(text)
    if bm:
        baseline = parse_number(bm.group("num"))
    carry, carry_kind = carry_in, None
    required_seen = False  # "phấn đấu" governs the ';'-clauses after it in the same sentence
    clauses = _clauses(text)
    sentence_of, sid = [], 0
    for _cs, ce in clauses:
        sentence_of.append(sid)
        sid += text[ce : ce + 1] != ";"
    for k, (cs, ce) in enumerate(clauses):
        clause = text[cs:ce]
        prev_carry, prev_kind, carry, carry_kind = carry, carry_kind, None, None
        if require:
            new_sentence = k == 0 or sentence_of[k] != sentence_of[k - 1]
            lead = require.search(clause)
            if lead and past is not None and new_sentence:
                whole = " ".join(text[a:b] for (a, b), n in zip(clauses, sentence_of, strict=True) if n == sentence_of[k])
                if _past_lead_sentence(whole, whole.find(clause) + lead.start(), *past):
                    required_seen = False
                    continue
                if k and ("ăm" in whole or "đoạn" in whole or "kỳ" in whole) and (sy := _lead_year(whole, require, doc_year)):
                    year = sy
            if lead:
                required_seen = True
            elif new_sentence and required_seen:
                # ``follow`` (a summary): the sentences after the lead-in's go on while each states
                # targets ("… tăng tối thiểu 10% so với năm 2022. Thu nhập … tăng 10% …")
                sentence = [text[a:b] for (a, b), n in zip(clauses, sentence_of, strict=True) if n == sentence_of[k]]
                # an objective without any number between two sentences of targets, opening with its verb as
                # objectives do ("Mở rộng quy mô hoạt động …. Bảo đảm trên 90% …"), is passed over; a
                # description ("Các HTX được hỗ trợ vay vốn.") or what was done ends them
                whole = " ".join(sentence)
                plain = follow and _OBJECTIVE_RE.match(whole) and not re.search(r"\d", whole)
                # "… thông qua 16 chỉ tiêu nhiệm kỳ 2020-2025. Cụ thể, bình quân thu nhập …": the sentence that
                # details the targets just announced goes on whatever dates its clauses name (each clause is still
                # checked for results)
                detail = follow and _DETAIL_RE.match(whole)
                required_seen = (
                    bool(detail)
                    # eleventh pass (c237): a group's label inside a list flattened onto one line, "… nhiệm kỳ
                    # 2020-2025 I. Về kinh tế (11 chỉ tiêu) 1. Tốc độ …", is passed over
                    or bool(follow and _GROUP_LABEL_RE.fullmatch(whole.strip()))
                    or bool(plain and not _DONE_RE.search(whole))
                    or _states_targets(sentence, doc_year, year)
                )
            ends_sentence = text[ce : ce + 1] != ";"
            if not required_seen:
                continue
            if ends_sentence and not follow:
                required_seen = False
        if is_result_clause(clause, doc_year) or _state_of_an_earlier_year(clause, year):
            continue
        qs = quantities(clause, prev_carry, prev_kind)
        if not qs:
            continue
        # "phấn đấu đến năm 2025 có 1.200 HTX; đến năm 2030 có 1.500 HTX": a milestone named before a
        # clause's first quantity is the year of that clause and of the clauses after it
        switch = _milestone_in(clause[: qs[0]["start"]], doc_year, last=True)
        if switch:
            year = switch
        last = next((q for q in reversed(qs) if not q["in_paren"]), None)
        if text[ce : ce + 1] == ";" and last and last["comparator"] not in ("=", "range") and not last.get("trailing"):
            # "khoảng 160 tổ hợp tác, với 4.000 thành viên; 240 hợp tác xã …": the list goes on
            carry, carry_kind = last["comparator"], _kind(last)
        lead_in = clause[: qs[0]["start"]].rstrip()
        for k, q in enumerate(qs):
            if k and (sw := _ITEM_MILESTONE_RE.search(clause[qs[k - 1]["end"] : q["start"]])):
                # "… có 1.200 HTX, đến năm 2030 có 1.500 HTX": a milestone opening the next item of the
                # clause is its year (not one trailing a quantity: "đạt 50% vào năm 2025, 70% …")
                if not doc_year or int(sw.group(1)) >= doc_year:
                    year = int(sw.group(1))
            seg_start = q["start"] if k else 0
            seg_end = qs[k + 1]["start"] if k + 1 < len(qs) else len(clause)
            # "60 triệu đồng/người/năm vào năm 2025, 80 triệu … vào năm 2030": "vào năm" right after a
            # quantity (before the next item) is that quantity's year only ("hoạt động đến năm 2030" after a
            # quantity may mean "until": it moves nothing)
            own = _TRAILING_MILESTONE_RE.match(clause[q["end"] : seg_end])
            if not own and q["unit"] == "%" and not _GROWTH_RE.search(clause[: q["start"]]):
                own = _BARE_YEAR_AFTER_RE.match(clause[q["end"] : seg_end])  # a share, not a growth against a base
            q_year = int(own.group(1)) if own and (not doc_year or int(own.group(1)) >= doc_year) else year
            state = _STATE_OF_YEAR_RE.search(clause[qs[k - 1]["end"] if k else 0 : q["num_start"]])
            if state and q_year and int(state.group(1)) < q_year:
                continue  # "Năm 2025 toàn tỉnh có 300 HTX, năm 2026 tăng lên 320 HTX": 300 is the count of 2025
            segment = clause[seg_start:seg_end].rstrip(" ,;.")
            segment = re.sub(r"(?:,|\s+và)\s*$", "", segment).rstrip(" ,")
            if k:
                segment = re.sub(r"^(?:và|,)\s*", "", segment)
            target_text = (lead_in + " " + segment).strip() if k else segment
            subject = clause[q["end"] : seg_end].strip(" ,;.") or None
            t = Target(
                text=re.sub(r"\s+", " ", target_text),
                comparator=q["comparator"],
                value=q["value"],
                value_max=q["value_max"],
                unit=q["unit"],
                year=q_year,
                unit_text=q["unit_text"],
                subject=subject[:160] if subject else None,
                scope=_scope(q["unit"], clause),
                span=(line.start + text_offset + cs + seg_start, line.start + text_offset + cs + seg_end),
                confidence=confidence if q["unit"] else confidence - 0.2,
                unsure=unsure or not q["unit"],
                note=note if q["unit"] else (note + "; " if note else "") + "không nhận ra đơn vị",
            )
            if q.get("inherited"):
                t.note = (t.note + "; " if t.note else "") + "so sánh kế thừa từ chỉ tiêu đứng trước"
            if (
                baseline is not None
                and q["unit"]
                and bm
                and (q["unit"] in ("HTX", "THT", "LHHTX") or q["unit"] == "%")
                and re.search(r"tổng số|nâng|tăng", clause[: q["num_start"]], re.IGNORECASE)
            ):
                t.baseline, t.baseline_year = baseline, doc_year
            out.append(t)
    return out


# --- tables ---------------------------------------------------------------------------------------


# a table column of results or estimates, not of targets: "Thực hiện năm 2025", "Ước TH 2025", "Kết quả năm
# 2025", "Lũy kế đến 2025", "Hiện trạng năm 2025", "Năm 2025 (ước đạt)"
_RESULT_COLUMN_RE = re.compile(r"\b(?:thuc hien|uoc|ket qua|luy ke|da dat|hien trang|hien co|hien nay)\b|^th\b")


def _table_targets(lines: list[Line], default_year: int | None, first_year: int | None = None) -> list[Target]:
    """One target per value cell of a "|" table under a header row naming "Chỉ tiêu/Nội dung" (see the module
    docstring); a column of results ("Thực hiện năm 2025", "Ước TH 2025") or of a year before the plan's
    first year (``first_year``: the baseline a plan for 2026 shows beside it) gives none."""
    out: list[Target] = []
    header: list[str] | None = None
    for line in lines:
        if " | " not in line.text:
            header = None if not line.text.startswith("|") else header
            continue
        cells = [c.strip() for c in line.text.split(" | ")]
        folded = [fold(c) for c in cells]
        if any(k in f for f in folded for k in ("chi tieu", "noi dung", "muc tieu")) and not any(
            re.search(r"\d", c) and "/" not in c and not re.search(r"(19|20)\d{2}", c) for c in cells[1:] if c
        ):
            header = folded
            continue
        if header is None:
            continue
        desc_i = next((i for i, f in enumerate(header) if any(k in f for k in ("chi tieu", "noi dung", "muc tieu"))), 1)
        unit_i = next((i for i, f in enumerate(header) if f in ("dvt", "don vi tinh", "don vi")), None)
        dated = [(i, f, int(m.group(1))) for i, f in enumerate(header) if (m := re.search(r"((?:19|20)\d{2})", f))]
        year_cols = [
            (i, y) for i, f, y in dated if not _RESULT_COLUMN_RE.search(f) and not (first_year and y < first_year)
        ]
        value_cols = year_cols if dated else [
            (i, default_year)
            for i, f in enumerate(header)
            if f in ("gia tri", "ke hoach", "chi tieu ke hoach", "so luong")
        ]
        desc = cells[desc_i] if desc_i < len(cells) else ""
        unit_written = cells[unit_i] if unit_i is not None and unit_i < len(cells) else None
        for i, year in value_cols:
            if i >= len(cells) or not cells[i]:
                continue
            probe = cells[i] + (" " + unit_written if unit_written and unit_written not in cells[i] else "")
            qs = quantities(probe if re.search(r"\d", probe) else "")
            if not qs:
                continue
            q = qs[0]
            start = line.start + line.text.find(cells[i])
            out.append(
                Target(
                    text=f"{desc}: {cells[i]}",
                    comparator=q["comparator"],
                    value=q["value"],
                    value_max=q["value_max"],
                    unit=q["unit"] or (unit_written or None),
                    year=year,
                    unit_text=unit_written,
                    subject=desc,
                    scope=_scope(q["unit"], desc),
                    span=(start, start + len(cells[i])),
                    confidence=0.8,
                )
            )
    return out


# --- entry point ----------------------------------------------------------------------------------


# "Năm 2023, tỉnh phấn đấu …": the year a paragraph opens with
_LEAD_YEAR_RE = re.compile(r"\s*(?:Trong\s+)?năm\s+((?:19|20)\d{2})\s*,", re.IGNORECASE)
_PHAN_DAU_RE = re.compile(r"ph[aấầâ]n\s+đ[ấầâ]u", re.IGNORECASE)

# --- results are not targets (issue 16) ---------------------------------------------------------
# Sections assessing the past ("ĐÁNH GIÁ TÌNH HÌNH … NĂM 2022", "Kết quả thực hiện", "Tình hình
# phát triển …") hold results, whatever words ("các chỉ tiêu") their titles use.
_ASSESSMENT_KEYS = ("danh gia", "tinh hinh", "ket qua", "thuc trang")
# Clauses reporting a result or an estimate: "ước đạt/ước thực hiện/ước đến", "đạt 98% (so với) kế
# hoạch", "tính đến ngày", "lũy kế đến nay", "6 tháng đầu năm", "Hiện nay, có", a full date of the
# document's year or earlier ("Đến 30/6/2022 …").
_RESULT_RE = re.compile(
    r"\b(?:ước\s+(?:đạt|thực hiện|tính|đến|cả năm|cuối năm)|đạt(?:\s+và\s+vượt)?\s+[\d.,]+\s*%\s*(?:so\s+với\s+)?(?:kế hoạch|KH|chỉ tiêu)"
    r"|tính\s+đến|lũy\s+kế\s+(?:đến\s+(?:nay|ngày|hết|thời điểm|\d)|số\s+\S+\s+(?:là|đến\s+(?:nay|ngày|\d)))"
    r"|(?:6|sáu)\s+tháng\s+đầu\s+năm|hiện\s+nay,\s+(?:có|toàn)|trong\s+năm\s+qua)",
    re.IGNORECASE,
)
_FULL_DATE_RE = re.compile(r"\b\d{1,2}/\d{1,2}/((?:19|20)\d{2})\b")
# … and the other ways reports tell what was done (eighth pass): the time passed ("Qua 5 năm thực hiện", "Sau hơn 2
# năm triển khai", "Năm qua", "Những năm gần đây", "Thời gian qua", "Từ đầu năm (đến nay)", "9 tháng đầu năm", "6
# tháng cuối năm 2024", "so với cùng kỳ"), a plan overshot ("vượt 25% so với mục tiêu/kế hoạch"), an outcome
# opening the clause ("Kết quả, …", "Theo báo cáo …") — never words a target is stated with
_RESULT_MORE_RE = re.compile(
    r"\b(?:(?:qua|sau)(?:\s+(?:hơn|gần))?\s+(?:\d+|hai|ba|bốn|năm|mười)\s+năm\s+(?:thực\s+hiện|triển\s+khai|hoạt\s+động|xây\s+dựng|áp\s+dụng)"
    r"|(?<!mỗi\s)(?<!hằng\s)(?<!hàng\s)năm\s+qua\b|những\s+năm\s+(?:qua|gần\s+đây|vừa\s+qua)\b|thời\s+gian\s+(?:qua|vừa\s+qua|gần\s+đây)\b"
    r"|từ\s+đầu\s+năm\b|(?:\d{1,2}|ba|sáu|chín)\s+tháng\s+(?:đầu|cuối)\s+năm"
    r"|vượt\s+[\d.,]+\s*%\s*(?:so\s+với\s+)?(?:mục\s+tiêu|kế\s+hoạch|KH|chỉ\s+tiêu))"
    r"|^\W*(?:Kết\s+quả\s*(?:là\s*)?,|Theo\s+báo\s+cáo\b|(?:Cho\s+)?đến\s+nay\s*,)",
    re.IGNORECASE,
)
# "so với cùng kỳ (năm trước)": a report's comparison — a target may say it too ("phấn đấu … tăng 10% so với cùng kỳ")
_SAME_PERIOD_RE = re.compile(r"\bcùng\s+kỳ\b", re.IGNORECASE)
# "Năm 2024 thành lập được 42 HTX": a verb with "được" before a number tells what was achieved — unless the clause
# states a target ("phấn đấu xây dựng được ít nhất 01 mô hình")
_ACHIEVED_VERB_RE = re.compile(
    r"\b(?:thành\s+lập|xây\s+dựng|phát\s+triển|hỗ\s+trợ|kết\s+nạp|vận\s+động|tổ\s+chức|đào\s+tạo|tập\s+huấn|thu\s+hút"
    r"|giải\s+quyết|tạo)(?:\s+mới)?\s+được\s+(?:thêm\s+)?(?:khoảng\s+|trên\s+|gần\s+|hơn\s+)?\d",
    re.IGNORECASE,
)


# words one of which every _RESULT_MORE_RE alternative holds: a clause with none is not searched (a substring test
# costs a fraction of the regex's scan, and few clauses hold one)
_RESULT_MORE_WORDS = (
    "qua ", "qua,", "sau ", "gần đây", "đầu năm", "tháng đầu", "tháng cuối", "vượt", "kết quả", "báo cáo", "đến nay",
)


def is_result_clause(clause: str, doc_year: int | None) -> bool:
    rm = _RESULT_RE.search(clause)
    if rm and not _expected_value_of_a_plan(clause, rm):
        return True
    low = clause.lower()
    if (low.endswith("qua") or any(w in low for w in _RESULT_MORE_WORDS)) and _RESULT_MORE_RE.search(clause):
        return True
    am = _ACHIEVED_VERB_RE.search(clause) if "được" in low else None
    # (twelfth pass, fresh7's c254: a clause opening with the verb, "Thu hút được khoảng 5 triệu lao động …", is an
    # objective's wording: what was achieved names who or when before it — "Năm 2024 thành lập được 42 HTX")
    if am and not clause[: am.start()].strip(" -+•*\t"):
        am = None
    if (am or ("cùng kỳ" in low and _SAME_PERIOD_RE.search(clause))) and not _TARGET_WORDS_RE.search(clause):
        return True
    if doc_year:
        for m in _FULL_DATE_RE.finditer(clause):
            if int(m.group(1)) <= doc_year and not re.search(
                r"(?:trước|chậm nhất|hạn)\s*(?:ngày)?\s*$", clause[: m.start()]
            ):
                return True
    return False


def _expected_value_of_a_plan(clause: str, rm: re.Match) -> bool:
    """Twelfth pass (fresh7's c245): "ước đạt" in a plan's own sentence, "Giá trị sản xuất … ước đạt 12.000 tỷ đồng,
    tạo việc làm cho khoảng 16.000 lao động, phấn đấu đạt thu nhập … 35 triệu đồng/năm", is the value the plan
    expects, not an estimate of a year gone: the clause goes on with "phấn đấu", names no year or date before it and
    no other result word."""
    return (
        rm.group(0).lower().startswith("ước đạt")
        and bool(_PHAN_DAU_RE.search(clause, rm.end()))
        and not re.search(r"(?:19|20)\d{2}|\d/\d", clause[: rm.start()])
        and not _RESULT_RE.search(clause, rm.end())
    )


def in_assessment(node: Node | None) -> bool:
    while node is not None:
        if any(k in node.key for k in _ASSESSMENT_KEYS) and "muc tieu" not in node.key:
            return True
        node = node.parent
    return False


# "đạt 62% năm 2030": a bare year right after the quantity is its year (eleventh pass)
_BARE_YEAR_AFTER_RE = re.compile(r"\s*năm\s+((?:19|20)\d{2})\b(?!\s*[-–])", re.IGNORECASE)
_TRAILING_MILESTONE_RE = re.compile(
    r"(?:(?!\bvà\b)[^,;:()\d]){0,40}?\bvào\s+(?:cuối\s+)?năm\s+((?:19|20)\d{2})\b", re.IGNORECASE
)
# "đến năm 2030", also "đến hết năm 2025", "đến cuối năm 2030", "vào cuối năm 2026"
# the count of an earlier year: "Năm 2025 toàn tỉnh có 300 HTX" before "năm 2026 tăng lên 320 HTX", "so với năm
# 2025 có 300 HTX" (a base), never a milestone ("đến năm 2030 có …")
_STATE_OF_YEAR_RE = re.compile(
    r"(?<!đến )(?<!tới )(?<!từ )\b[Nn]ăm\s+((?:19|20)\d{2})\b[^;\d]{0,40}\bcó\s+(?:[^\W\d]+\s+){0,3}$"
)
_ITEM_MILESTONE_RE = re.compile(
    r"(?:[,;]|\bvà)\s*(?:(?:và|còn)\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2})\b", re.IGNORECASE
)
_YEAR_SWITCH_RE = re.compile(r"(?:đến|tới|vào)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2}\d?)(?!\d)", re.IGNORECASE)

# A year typed with a digit too many ("đến năm 20230", a site's typo) was read as its first four digits (2023). Such
# a five-digit "năm 20xxx" is the year, among those one deleted digit gives, that the text names elsewhere after
# "năm" or as a period's end ("… đến năm 2030" above it → 2030); none or several such years: no year is read from it.
_TYPO_YEARS: ContextVar[dict[str, int] | None] = ContextVar("typo_years", default=None)
_TYPO_RE = re.compile(r"\bnăm\s+((?:19|20)\d{3})(?!\d)", re.IGNORECASE)
_NAMED_YEAR_RE = re.compile(r"\bnăm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)


_FIVE_DIGITS_RE = re.compile(r"(?<!\d)(?:19|20)\d{3}(?!\d)")


def _typo_years(text: str) -> dict[str, int]:
    if not _FIVE_DIGITS_RE.search(text):
        return {}  # no five-digit "year" at all (nearly every text): nothing to resolve
    typos = set(_TYPO_RE.findall(text))
    if not typos:
        return {}
    named = {int(y) for y in _NAMED_YEAR_RE.findall(text)} | {int(m.group(1)) for m in _PERIOD_RE.finditer(text)}
    out = {}
    for token in typos:
        years = {int(token[:k] + token[k + 1 :]) for k in range(len(token))} & named
        if len(years) == 1:
            out[token] = years.pop()
    return out


def _switches(text: str):
    """The milestones "đến/tới/vào (hết/cuối) năm YYYY" of ``text`` with their years (a typo resolved, an
    unresolved one left out)."""
    for m in _YEAR_SWITCH_RE.finditer(text):
        token = m.group(1)
        year = int(token) if len(token) == 4 else (_TYPO_YEARS.get() or {}).get(token)
        if year is not None:
            yield m, year
_RUN_IN_RE = re.compile(r"\bmục\s+tiêu\b(?!\s+(?:chung|tổng quát))", re.IGNORECASE)


def _year_segments(text: str, year: int | None, doc_year: int | None) -> list[tuple[int, str, int | None]]:
    """Cut a paragraph where a milestone "đến/tới năm 2030" starts; each piece gets its year."""
    cuts = [
        (m.start(), y)
        for m, y in _switches(text)
        if not doc_year or y >= doc_year
    ]
    if not cuts:
        return [(0, text, year)]
    out = [(0, text[: cuts[0][0]], year)] if cuts[0][0] > 0 else []
    for k, (start, y) in enumerate(cuts):
        end = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        out.append((start, text[start:end], y))
    return out


def read_targets(doc: Document, ex: Extraction) -> None:
    token = _TYPO_YEARS.set(_typo_years("\n".join(ln.text for ln in doc.lines)))
    try:
        _read_targets(doc, ex)
    finally:
        _TYPO_YEARS.reset(token)


def _read_targets(doc: Document, ex: Extraction) -> None:
    default_year = int(ex.period_end[:4]) if ex.period_end else ex.year
    first_year = int(ex.period_start[:4]) if ex.period_start else None
    if ex.kind == "event":
        return
    sections = [s for s in doc.find("muc tieu cu the", "chi tieu cu the", "cac chi tieu") if not in_assessment(s)]
    # a section titled with its targets' own word: "1. Chỉ tiêu" under "NHIỆM VỤ VÀ CHỈ TIÊU NĂM 2026", "II. CHỈ
    # TIÊU KẾ HOẠCH NĂM 2026", "2. Chỉ tiêu chủ yếu" — not one of results ("Chỉ tiêu thực hiện năm 2025")
    sections += [
        n
        for n in doc.walk()
        if n.key.startswith("chi tieu")
        and not re.search(r"\b(?:thuc hien|ket qua|uoc|da dat|tong quat|chung)\b", n.key)
        and not in_assessment(n)
        and n not in sections
        and not any(n in list(s.walk()) for s in sections)
    ]
    if not sections:
        sections = [n for n in doc.find("muc tieu") if (n.level == 1 or n.parent is None) and not in_assessment(n)]
    used: set[int] = set()
    for section in sections:
        list_comp = None  # "- Phấn đấu đến năm 2025 có khoảng:" → its items "+ 120 THT;" are "~"
        for line in section.lines():
            if id(line) in used:
                continue
            used.add(id(line))
            item_carry = list_comp if _ITEM_RE.match(line.text) else None
            list_comp = _list_comparator(line.text) or (list_comp if item_carry else None)
            owner = next((n for n in section.walk() if n.line is line), None)
            if (
                owner is not None
                and owner is not section
                and owner.key.startswith(("muc tieu chung", "muc tieu tong quat"))
            ):
                continue
            if any(
                n.key.startswith(("muc tieu chung", "muc tieu tong quat")) and line in n.lines()
                for n in section.walk()
                if n is not section
            ):
                continue
            text = line.text
            offset = 0
            if owner is not None:
                # a heading: only its text after the number, and only when it is not a milestone heading
                if _milestone_year(owner, None) and len(owner.title) < 40:
                    continue
                m = re.match(r"^\S+\s", text)
                offset = m.end() if m else 0
                text = text[offset:]
                if owner is section and ":" not in text:
                    continue
            elif text.startswith("- "):
                offset, text = 2, text[2:]
            if " | " in text:
                continue
            holder = owner or next((n for n in reversed(list(section.walk())) if line in n.body), section)
            year = _milestone_year(holder, default_year)
            if (iy := _item_year(text, ex.year)) is not None:
                year = iy
            ex.targets.extend(
                _targets_from_paragraph(line, offset, text, year, ex.year, 0.9, False, "", carry_in=item_carry)
            )
        ex.targets.extend(_table_targets(section.lines(), default_year, first_year))
    in_targets = {id(ln) for s in sections for ln in s.lines()}
    if not sections:
        _run_in_targets(doc, ex, default_year, in_targets)
    # "phấn đấu … ít nhất 01 …" outside the targets part; a text without numbered sections (a plan's
    # targets as published in a newspaper) has its paragraphs in the preamble
    # (twelfth pass: a summary's list heading in capitals, "MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030:", is kept in the header's
    # zone by the structure; it heads the preamble's items all the same)
    heads = [ln for ln in doc.header if ln.text.rstrip().endswith(":") and _LIST_HEAD_RE.match(ln.text)]
    groups = [(None, sorted(doc.preamble + heads, key=lambda ln: ln.start) if heads else doc.preamble)] if not sections else []
    groups += [(node, [node.line, *node.body]) for node in doc.walk()]
    for node, group in groups:
        if node is not None and (node.key.startswith(("muc dich", "yeu cau", "muc tieu")) or in_assessment(node)):
            continue
        # a summary (no numbered section) announces its targets in other words too: "đề ra mục tiêu",
        # "đặt mục tiêu", "mục tiêu trong 5 năm tới", "mục tiêu cụ thể trong năm 2023 như …"
        summary = node is None
        lead_re = _LEAD_RE if summary else _PHAN_DAU_RE
        own = None  # the plan's own first year, found when a lead-in is first met (``_own_first_year``)
        for idx, line in enumerate(group):
            if (
                summary
                and line is not None
                and id(line) not in in_targets
                and (
                    _LIST_HEAD_RE.match(line.text)
                    or _list_head_sentence(line.text)
                    or _CU_THE_HEAD_RE.match(line.text)
                    or _milestone_head(line.text, group, ex.year)
                )
            ):
                # "* Mục tiêu:" / "Nhiệm vụ cụ thể:" above "- " items in a summary: the items are its targets
                in_targets.add(id(line))
                after = group[idx + 1 :]
                if node is None and not any(ln is not None for ln in after):
                    # the list's items numbered "1. … 2. …" are headings to the structure: the roots right after
                    # the preamble's last line, each a one-line item ("Các chỉ tiêu chủ yếu nhiệm kỳ 2025 - 2030:")
                    after = []
                    for r in doc.roots:  # consecutive one-line roots; a paragraph under one ends the list after it
                        if r.children or r.level != 1:
                            break
                        after.append(r.line)
                        if r.body:
                            break
                    # a past term's list: ended before the document's year, reported, or before a later term the
                    # page names ("Đại hội … nhiệm kỳ 2025 - 2030" over "Các chỉ tiêu chủ yếu nhiệm kỳ 2020 - 2025:")
                    ends = [int(y) for ln in group if ln is not None for y in _PERIOD_END_RE.findall(ln.text)]
                    pm = _PERIOD_END_RE.search(line.text)
                    if _past_term_lead(line.text, ex.year, head=True) or (pm and ends and int(pm.group(1)) < max(ends)):
                        after = []
                _listed_targets(after, _milestone_in(line.text, ex.year) or _head_period_end(line.text, ex.year),
                                default_year, ex, in_targets)
                continue
            if line is None or id(line) in in_targets or not lead_re.search(line.text):
                continue
            if summary and (
                _yearly_average_of_a_review(line.text, group)
                or _past_milestone_lead(line.text, ex.year)
                or _past_term_lead(line.text, ex.year)
                or _reported_term_list(line.text)
            ):
                continue
            fm = _FLOOR_MILESTONE_RE.search(line.text) if summary else None
            if fm and ex.year and int(fm.group(1)) < ex.year and not _LEAD_RE.search(line.text, fm.end()):
                continue  # "Đến năm 2023, có ít nhất 10 HTX …" in a text of 2024: a result
            pe = _PERIOD_EACH_YEAR_RE.search(line.text) if summary else None
            if pe and ex.year and int(pe.group(1)) < ex.year and not _LEAD_WORDS_RE.search(line.text):
                continue  # "Giai đoạn 2021 - 2025, mỗi năm thành lập mới 20 HTX" in a plan of 2026: the term before
            text = line.text[2:] if line.text.startswith("- ") else line.text
            offset = 2 if line.text.startswith("- ") else 0
            if own is None:
                own = (ex.year, False) if ex.year else _own_first_year(group)
            if summary and _issuance_leads(text):
                lead_re = _LEAD_OR_THEO_DO  # (this line only: "Theo đó," after news of a plan's issuance)
            live = _live_lead_start(text, lead_re, *own)
            if live is None:
                continue  # twelfth pass: a past plan's target, a past milestone, last year's assignment
            year = (
                _lead_year(text[live:], lead_re, ex.year)
                or _next_years_horizon(text[live:], lead_re, ex, summary and group)
                or _phan_dau_year(text[live:], node, group[:idx], ex)
            )
            if summary and year is None:
                # "Kế hoạch đề ra một số mục tiêu … như: Mỗi năm thành lập mới 11 HTX" before "Phấn đấu
                # đến năm 2020, …": the plan's horizon named below
                year = next(
                    (y for ln in group[idx + 1 :] if ln is not None and (y := _milestone_in(ln.text, ex.year))),
                    None,
                )
            in_targets.add(id(line))
            found = _targets_from_paragraph(
                line,
                offset,
                text,
                year,
                ex.year,
                0.6,
                True,
                "ngoài mục Mục tiêu cụ thể (câu “phấn đấu …”)"
                if not summary
                else "câu “phấn đấu/đề ra mục tiêu …” của bản tóm tắt",
                require=lead_re,
                follow=summary,
                past=own,
            )
            ex.targets.extend(t for t in found if t.comparator != "=" or t.unit)
            lead_re = _LEAD_RE if summary else _PHAN_DAU_RE
            if summary:
                # "… đặt ra các chỉ tiêu cụ thể như sau:" above a "|" table: the table's value cells
                table = []
                for ln in group[idx + 1 :]:
                    if ln is None or " | " not in ln.text:
                        break
                    table.append(ln)
                if table and not re.search(r"\b(?:kết\s+quả|đã\s+đạt|đạt\s+được|ước)\b", text, re.IGNORECASE):
                    in_targets.update(id(ln) for ln in table)
                    ex.targets.extend(_table_targets(table, year or default_year, first_year))
                    continue
                if _is_title_line(line.text):
                    # a headline or a pull-quote ("Phấn đấu đến năm 2030 thu nhập bình quân … đạt 90 triệu đồng"
                    # between a report's paragraphs) governs no paragraph after it
                    continue
                last = _milestone_in(text, ex.year, last=True) or year
                _summary_following(
                    group[idx + 1 :], last, ex, in_targets, _list_comparator(text), listing=_announces_a_list(text)
                )
    _default_horizon(doc, ex)
    _per_period(doc, ex)
    ex.targets[:] = _without_restated(_without_headline_restated(doc, _without_ranks(doc, ex.targets)))


_COUNTED_BEFORE_RE = re.compile(
    r"\d\s*(?:" + "|".join(re.escape(w) for w, c in sorted(UNITS, key=lambda u: -len(u[0])) if c != "sao") + r")(?![\wÀ-ỹ])",
    re.IGNORECASE,
)


def _without_ranks(doc: Document, targets: list[Target]) -> list[Target]:
    """An OCOP star rating is the rank of the things counted before it in its sentence, not a target of its own:
    "nâng cấp 8 mô hình du lịch cộng đồng, phấn đấu đến năm 2025 đạt từ 4 đến 5 sao" (the clause's own rule,
    "20 sản phẩm OCOP đạt 3 sao trở lên", misses it when a milestone cuts the sentence in two)."""
    if not any(t.unit == "sao" for t in targets):
        return targets
    out = []
    for t in targets:
        if t.unit == "sao" and t.span:
            line = next((ln for ln in doc.lines if ln.start <= t.span[0] < ln.end), None)
            if line is not None:
                before = line.text[: t.span[0] - line.start] + t.text.split("sao")[0]
                sentence = before[max(before.rfind(". "), 0) :]
                if _COUNTED_BEFORE_RE.search(sentence):
                    continue
        out.append(t)
    return out


_EACH_PERIOD_RE = re.compile(r"\bmỗi\s+giai\s+đoạn\b", re.IGNORECASE)
_LISTED_PERIOD_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})(?!\d)")


def _per_period(doc: Document, ex: Extraction) -> None:
    """A quantity after "mỗi giai đoạn" in a sentence that lists two periods or more is one target per period, at each
    period's end: "Mục tiêu 2 giai đoạn năm 2024-2025 và năm 2026-2030, mỗi giai đoạn thành lập ít nhất 24 hợp tác
    xã" → 2025 and 2030. A "mỗi giai đoạn" with one period named, or none, changes nothing."""
    if not ex.targets:
        return
    # any case: "MỖI GIAI ĐOẠN" in a heading typed in capitals, "Mỗi Giai Đoạn" title-cased by a site (twelfth pass)
    found = [ln for ln in doc.lines if ("oạn" in ln.text or "OẠN" in ln.text) and _EACH_PERIOD_RE.search(ln.text)]
    if not found:
        return
    out: list[Target] = []
    for t in ex.targets:
        out.append(t)
        if not t.span:
            continue
        line = next((ln for ln in found if ln.start <= t.span[0] < ln.end), None)
        if line is None:
            continue
        # the target's clause, from its sentence's start (the periods are listed before "mỗi giai đoạn")
        before = line.text[: t.span[0] - line.start]
        sentence = (
            before[max(before.rfind(". "), before.rfind("; ")) + 1 :]
            + line.text[t.span[0] - line.start : t.span[1] - line.start]
        )
        each = _EACH_PERIOD_RE.search(t.text)
        if not each:
            continue
        at = len(sentence) - len(t.text) + each.start()
        ends = [int(m.group(1)) for m in _LISTED_PERIOD_RE.finditer(sentence[:at])]
        if len(ends) < 2:
            continue
        t.year = ends[0]
        out.extend(replace(t, year=y) for y in ends[1:])
    ex.targets[:] = out


# the comparators that state the same target in a headline and in the body: "trên 60%" over "từ 60% trở lên"
_SAME_DIRECTION = {">": ">", ">=": ">", "<": "<", "<=": "<", "=": "=", "~": "=", "range": "range"}


def _without_headline_restated(doc: Document, targets: list[Target]) -> list[Target]:
    """A summary's headline restates the body's main target in its own words: "Bắc Giang đặt mục tiêu trên 60% HTX
    nông nghiệp hoạt động khá, tốt" over "số HTX nông nghiệp đạt loại tốt, khá chiếm từ 60% trở lên"; "…: Đến năm
    2025, phấn đấu ít nhất 30% hợp tác xã tham gia chuỗi liên kết" over "… có ít nhất 30% hợp tác xã nông nghiệp
    tham gia chuỗi liên kết". A target read in a title line above the text's first sentence (a line ending a
    sentence, or a long one) is dropped when the body has one of the same year, value, upper bound and unit, with a
    comparator of the same direction ("trên"/"từ … trở lên", "khoảng"/"đạt") — or any comparator when the headline
    says none ("có 300 sản phẩm OCOP" over "có tối thiểu 300 sản phẩm"); a headline's target the body does not state
    again stays."""
    if len(targets) < 2:
        return targets
    first = next(
        # (a site's "|" after the sentence is no part of it)
        (ln.start for ln in doc.lines if len(ln.text) > 160 or ln.text.rstrip(" |").endswith((".", ";", "!", "?", "…"))),
        None,
    )
    lines = [ln for ln in doc.lines if ln.text.strip()]
    if (
        first is not None
        and len(lines) > 1
        and lines[0].start == first
        and len(lines[0].text) <= 160
        and not re.search(r"[.!?;]\s", lines[0].text.rstrip())
    ):
        # twelfth pass (fresh7's c245): a headline written as one short sentence with its full stop ("Phấn đấu giá trị
        # sản xuất … đến năm 2025 đạt 12.000 tỷ đồng.") over the body that states it again
        first = lines[1].start
    if first is None:
        return targets
    head = [t for t in targets if t.span and t.span[0] < first]
    if not head:
        return targets

    def key(t: Target) -> tuple:
        return (t.year, t.value, t.value_max, t.unit, _SAME_DIRECTION.get(t.comparator, t.comparator))

    body = {key(t) for t in targets if t.span and t.span[0] >= first}
    said = {key(t)[:4] for t in targets if t.span and t.span[0] >= first}
    return [
        t
        for t in targets
        if not (t.span and t.span[0] < first and (key(t) in body or (t.comparator == "=" and key(t)[:4] in said)))
    ]


# an item of the targets' section that opens with its year or its period: "- Năm 2026: thành lập mới 40 HTX, 100
# THT;", "- Giai đoạn 2026-2027: mỗi năm thành lập mới 40 HTX" (the period's end)
_ITEM_YEAR_RE = re.compile(
    r"\s*(?:(?:Trong\s+)?năm\s+((?:19|20)\d{2})|(?:Trong\s+)?giai\s+đoạn\s+(?:(?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2}))"
    r"\s*[:,]",
    re.IGNORECASE,
)


def _item_year(text: str, doc_year: int | None) -> int | None:
    """The year an item of the targets' section opens with ("Năm 2026:", "Giai đoạn 2026-2027:"), none before the
    document's year (a past year's item keeps the section's)."""
    m = _ITEM_YEAR_RE.match(text) if ("ăm" in text[:16] or "đoạn" in text[:24]) else None
    if not m:
        return None
    y = int(m.group(1) or m.group(2))
    return y if not doc_year or y >= doc_year else None


def _target_words(text: str) -> str:
    return re.sub(r"^(?:phan dau|nghi quyet neu ro,?|muc tieu:?)\s+", "", re.sub(r"[^\w%]+", " ", fold(text)).strip())


def _without_restated(targets: list[Target]) -> list[Target]:
    """A headline that restates a target of the body ("Phấn đấu xây dựng ít nhất 300 mô hình hợp tác xã nông
    nghiệp điển hình hoạt động hiệu quả" over "Xây dựng ít nhất 300 mô hình … hoạt động hiệu quả, có nhiều thành
    viên tham gia", fresh4's c77) is one target: of two with the same year, comparator, value and unit whose
    words are the same or one's are inside the other's, the shorter (or the first) is dropped. Two targets with the same
    value and other words ("… đạt 100%" for health insurance, then for the mass organisations) stay."""
    key = [(t.year, t.comparator, t.value, t.value_max, t.unit) for t in targets]
    same: dict[tuple, list[int]] = {}
    for k, kk in enumerate(key):
        same.setdefault(kk, []).append(k)
    drop: set[int] = set()
    for ks in same.values():
        if len(ks) < 2:
            continue
        words = {k: _target_words(targets[k].text) for k in ks}
        for k in ks:
            w = words[k]
            if len(w) >= 20 and any(
                j not in drop and w in words[j] and (len(words[j]) > len(w) or j > k) for j in ks if j != k
            ):
                drop.add(k)
    return [t for k, t in enumerate(targets) if k not in drop]


# a milestone opening a sentence (a headline, a summary's first line) and a floor to reach: "Đến năm 2020, có ít
# nhất 10% tổng số HTX ứng dụng công nghệ cao" — "ít nhất/tối thiểu" states a requirement, not a count reached; a
# milestone before the document's year is what was done (checked where it is read)
_FLOOR_MILESTONE = (
    r"(?:^|(?<=[.!?]\s))(?:Đến|Tới)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2})\s*,?\s+[^.;:]{0,60}?"
    r"\b(?:ít\s+nhất|tối\s+thiểu)\b"
)
_FLOOR_MILESTONE_RE = re.compile(_FLOOR_MILESTONE, re.IGNORECASE)
_LEAD_WORDS_RE = re.compile(
    r"ph[aấầâ]n\s+đ[ấầâ]u"
    r"|\b(?:đề\s+ra|đặt\s+ra|đặt|xác\s+định|giao)\s+(?:(?:một\s+số|các|những|\d+)\s+)?(?:nhóm\s+)?(?:mục|chỉ)\s+tiêu\b"
    r"(?!\s+(?:chung|tổng\s+quát))"

    # a congress or a council adopting its targets: "các đại biểu đã biểu quyết thông qua 16 chỉ tiêu nhiệm kỳ
    # 2020-2025. Cụ thể, …", "Nghị quyết đề ra 15 chỉ tiêu" (above: adopted, not reached — "đã" governs the vote)
    r"|\bthông\s+qua\s+(?:\d+\s+|các\s+|những\s+)?(?:nhóm\s+)?(?:mục|chỉ)\s+tiêu\b"
    # (… and "Phương hướng, mục tiêu của Liên minh HTX trong 5 năm tới là …": whose objectives, then the coming years)
    r"|\bmục\s+tiêu\s+(?:cụ\s+thể|trong\s+(?:\d+|năm)|năm\s+(?:19|20)\d{2}|đến\s+năm"
    r"|(?:của|cho)\s+[^.;:]{0,50}?\btrong\s+\d+\s+năm\s+tới\b)"
    # "Mục tiêu của tỉnh là đến năm 2025 …", "Mục tiêu là …" (not "mục tiêu chung/tổng quát là")
    r"|\bmục\s+tiêu\s+(?:của\s+(?:[\wÀ-ỹ]+\s+){1,4}?)?là\b"
    # eleventh pass (c297): "Theo kế hoạch này, từ nay đến cuối năm 2023, Liên minh HTX TP … hỗ trợ thành lập mới 12
    # HTX; …" — "từ nay" makes the year's end a horizon, not the state at it
    r"|\bTheo\s+kế\s+hoạch(?:\s+này)?,?\s+từ\s+nay\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d{2}\s*,?\s+"
    r"(?=[^.;:]{0,160}?\b(?:có|thành\s+lập|phát\s+triển|xây\s+dựng|thu\s+hút|tăng|giảm|đạt)\b)"
    # eleventh pass (c248): "Chương trình … giai đoạn 2026-2030 có mục tiêu có khoảng 90% số xã đạt chuẩn …"
    r"|\bcó\s+mục\s+tiêu\b(?!\s+(?:chung|tổng\s+quát)\b)"
    # eleventh pass (c266): news of a plan's issuance, "Đây là mục tiêu quan trọng được đề ra trong kế hoạch phát
    # triển kinh tế tập thể … năm 2024 vừa được … ký ban hành." over "Theo đó, thu nhập … đạt trên 50 triệu đồng. …"
    r"|\b(?:mục|chỉ)\s+tiêu\s+(?:[\wÀ-ỹ]+\s+){0,3}?(?:được\s+)?(?:đề\s+ra|đặt\s+ra|xác\s+định)\s+(?:trong|tại)\s+"
    r"(?:bản\s+)?(?:kế\s+hoạch|đề\s+án|chương\s+trình|nghị\s+quyết)\b"
    # eleventh pass (c259): "Bên cạnh đó là các chỉ tiêu: Tổng sản phẩm trong nước (GDP) tăng khoảng 6,8%; …",
    # "gồm 12 chỉ tiêu chủ yếu sau:"
    r"|\b(?:là|gồm|với)\s+(?:các|những|\d{1,2})\s+chỉ\s+tiêu(?:\s+(?:chủ\s+yếu|chính|cụ\s+thể))?(?:\s+sau)?\s*:"
    # a term's or a period's targets: "Mục tiêu nhiệm kỳ 2025 - 2030: …", "chỉ tiêu chủ yếu giai đoạn 2026-2030 là"
    # (not after "kết quả / thực hiện / đánh giá" in its sentence, nor a term that ended before the document's year:
    # see ``_past_term_lead``)
    r"|\b(?:mục|chỉ)\s+tiêu\s+(?:(?:chủ\s+yếu|cụ\s+thể)\s+)?(?:(?:của\s+)?nhiệm\s+kỳ|giai\s+đoạn)\s+"
    r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\s*(?::|là\b)"
    r"|\bchỉ\s+tiêu\s+(?:cụ\s+thể|chủ\s+yếu|chính|đến\s+năm|năm\s+(?:19|20)\d{2}|trong\s+(?:\d+|năm))"
    # the field between: "Các chỉ tiêu kinh tế-xã hội chủ yếu năm 2024 là:", "các chỉ tiêu phát triển kinh tế tập
    # thể chủ yếu đến năm 2030"
    r"|\bchỉ\s+tiêu\s+(?:[\wÀ-ỹ]+(?:\s*-\s*|\s+)){1,7}?chủ\s+yếu\b"
    # an intention with a verb of founding or building: "Năm 2026, Liên minh HTX xác định thành lập ít nhất 80
    # HTX", "trong giai đoạn 2022 - 2025, tỉnh sẽ tiến hành sáp nhập từ 50 đến 60 hợp tác xã" — not a support
    # budget ("sẽ hỗ trợ 2 tỷ đồng") nor what was done ("đã thành lập")
    r"|\b(?:sẽ|xác\s+định|có\s+kế\s+hoạch)\s+(?:(?:tiến\s+hành|tập\s+trung|tiếp\s+tục)\s+)?"
    r"(?:thành\s+lập|sáp\s+nhập|hợp\s+nhất|phát\s+triển|xây\s+dựng|củng\s+cố|đào\s+tạo|tập\s+huấn|thu\s+hút"
    r"|kết\s+nạp)\b"
    # a milestone "đến năm YYYY" (not "đến hết/cuối năm", the state at a year's end) opening a sentence of a
    # summary after "Theo đó," / "Trong tương lai (gần)," / "Thời gian tới,", before a verb of having, founding or
    # building: "Theo đó, đến năm 2025, tỉnh thành lập mới 140 hợp tác xã", "Trong tương lai gần, đến năm 2025 cả
    # nước có 130.000 tổ hợp tác" (a milestone before the document's year, and a sentence with "đã", are results:
    # see ``_past_milestone_lead``)
    # (… and after "Dự kiến," / "Theo kế hoạch," / "Hướng tới năm 2030," — an intention or the plan's own frame)
    r"|(?:^|(?<=[.:!?])\s*)(?:(?:Theo\s+đó|Trong\s+tương\s+l[aạ]i(?:\s+gần)?|Thời\s+gian\s+tới|Dự\s+kiến"
    r"|Theo\s+kế\s+hoạch),?\s+(?:đến|tới)|Hướng\s+(?:đến|tới))\s+năm\s+(?:19|20)\d{2}\s*,?\s+"
    # (twelfth pass, the wide fuzz: "giải quyết việc làm cho …", "đào tạo, bồi dưỡng …", "kết nạp …")
    r"(?=[^.;:]{0,60}?\b(?:có|thành\s+lập|phát\s+triển|xây\s+dựng|thu\s+hút|tăng|giảm|đạt|giải\s+quyết\s+việc\s+làm"
    r"|tạo\s+việc\s+làm|đào\s+tạo|bồi\s+dưỡng|kết\s+nạp)\b"
    r"|(?:(?:ít\s+nhất|tối\s+thiểu|không\s+dưới|trên|hơn|khoảng|từ|dưới)\s+)?\d+(?:,\d+)?\s*%\s+(?:số\s+)?"
    r"(?:hợp\s+tác\s+xã|HTX|tổ\s+hợp\s+tác|THT)\b)"
    # a per-year target opening its sentence: "Mỗi năm thành lập mới 11 HTX", "Bình quân mỗi năm phát triển
    # mới 20 tổ hợp tác", "Hằng năm, đào tạo 500 lượt cán bộ" — with a verb of building, training or
    # growing; not "Hằng năm, tỉnh bố trí 2 tỷ đồng" (a budget) nor "mỗi năm qua" (the past)
    r"|(?:^|(?<=[.:!?])\s*)(?:bình\s+quân\s+)?(?:mỗi|hằng|hàng)\s+năm\b(?!\s+(?:qua|trước)\b),?"
    r"(?=[^.;:]{0,40}?\b(?:thành\s+lập|phát\s+triển|xây\s+dựng|đào\s+tạo|tập\s+huấn|bồi\s+dưỡng|tăng|giảm"
    r"|củng\s+cố|có\s+thêm|tạo\s+việc\s+làm|thu\s+hút|kết\s+nạp)\b)",
    re.IGNORECASE,
)


# the eighth pass's lead-ins, searched apart and only in a text holding one of their words (in ``_LEAD_MORE_WORDS``):
# an intention "… tỉnh sẽ có 500 HTX", "sẽ hỗ trợ thành lập mới 15 HTX", "Năm 2026 phải/cần thành lập mới tối thiểu
# 20 HTX" ("sẽ hỗ trợ 2 tỷ đồng" stays money given, "phải có ít nhất 5 thành viên" a law's requirement); a requirement
# or a task with its milestone "đặt ra yêu cầu / đề ra nhiệm vụ đến (hết) năm 2026 …"; "Định hướng đến năm 2030, …"
# opening its sentence (not "… giai đoạn 2016 - 2020 và định hướng đến năm 2025", a programme's name)
_LEAD_MORE_RE = re.compile(
    r"\b(?:sẽ|phải|cần)\s+(?:hỗ\s+trợ\s+)?(?:thành\s+lập|sáp\s+nhập|hợp\s+nhất|phát\s+triển|xây\s+dựng|củng\s+cố"
    r"|đào\s+tạo|tập\s+huấn|thu\s+hút|kết\s+nạp)\b"
    r"|\bsẽ\s+có\s+(?=(?:thêm\s+|khoảng\s+|trên\s+|ít\s+nhất\s+|tối\s+thiểu\s+)?\d)"
    r"|\b(?:đề\s+ra|đặt\s+ra)\s+(?:yêu\s+cầu|nhiệm\s+vụ)\s+(?=(?:đến|tới|trong)\s+(?:hết\s+)?năm\s+(?:19|20)\d{2})"
    r"|định\s+hướng\s+(?:đến|tới)\s+năm\s+(?:19|20)\d{2}\s*,"
    # the province handing its targets down: "giao UBND các huyện, thị xã, thành phố triển khai kế hoạch thành lập mới
    # tổng số 80 HTX trong năm 2019", "giao các huyện thành lập mới ít nhất 30 HTX" (not "đã/được giao": done or
    # received; not "giao Sở Tài chính bố trí 2 tỷ đồng": no verb of founding before the number)
    r"|\bgiao\s+(?:cho\s+)?(?=[^.;:]{0,100}?\b(?:thành\s+lập|phát\s+triển)(?:\s+mới)?\s+"
    r"(?:(?:tổng\s+số|ít\s+nhất|tối\s+thiểu|khoảng|thêm|từ)\s+)?\d)"
    # a per-year target after the period or the year it belongs to: "Trong giai đoạn 2026 - 2030, mỗi năm thành lập
    # mới ít nhất 20 HTX", "Năm 2026, hằng năm …" — the per-year lead-in above, behind its frame (a verb of building
    # after it, as there; "Giai đoạn 2021 - 2025, mỗi năm đã thành lập …" is what was done)
    r"|(?:trong\s+)?(?:giai\s+đoạn|nhiệm\s+kỳ)\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\s*,\s*(?:bình\s+quân\s+)?"
    r"(?:mỗi|hằng|hàng)\s+năm\b,?(?=\s+(?:thành\s+lập|phát\s+triển|xây\s+dựng|đào\s+tạo|tập\s+huấn|kết\s+nạp"
    r"|thu\s+hút|có\s+thêm|tăng)\b)",
    re.IGNORECASE,
)
_PERIOD_EACH_YEAR_RE = re.compile(
    r"(?:giai\s+đoạn|nhiệm\s+kỳ)\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})\s*,\s*(?:bình\s+quân\s+)?(?:mỗi|hằng|hàng)\s+năm\b",
    re.IGNORECASE,
)
# the words those lead-ins open with: the regex is tried only where one of them stands (a find per word costs far
# less than the regex's scan of every position of a long paragraph)
_LEAD_MORE_WORDS = (
    "sẽ", "Sẽ", "phải", "Phải", "cần", "Cần", "đề ra", "Đề ra", "đặt ra", "Đặt ra", "định hướng", "Định hướng",
    "Trong giai đoạn", "Giai đoạn", "Trong nhiệm kỳ", "Nhiệm kỳ", "giao", "Giao",
)


_DONE_OR_GIVEN_RE = re.compile(r"\b(?:đã|được|vừa)\s+$", re.IGNORECASE)


def _lead_more_search(text: str, pos: int = 0):
    """The first of ``_LEAD_MORE_RE``'s lead-ins in ``text`` from ``pos``, tried at each of its opening words."""
    best = None
    for w in _LEAD_MORE_WORDS:
        i = text.find(w, pos)
        while i >= 0 and (best is None or i < best.start()):
            if i == 0 or not text[i - 1].isalnum():
                m = _LEAD_MORE_RE.match(text, i)
                if m and w in ("giao", "Giao") and _DONE_OR_GIVEN_RE.search(text, max(0, i - 12), i):
                    m = None  # "đã giao …", "được giao …": done, or a target received
                # "Định hướng đến năm 2030, …" opens its sentence
                if m and (not w.endswith("hướng") or not text[:i].strip() or text[:i].rstrip()[-1] in ".:!?"):
                    best = m
                    break
            i = text.find(w, i + 1)
    return best


# twelfth pass (the wide fuzz): news of a plan's issuance, "UBND tỉnh vừa ban hành Kế hoạch phát triển kinh tế tập
# thể giai đoạn 2026 - 2030. Theo đó, thành lập mới 1.200 hợp tác xã." — the "Theo đó," right after it opens the
# plan's targets (not after any other sentence: "Theo đó," also goes on a report)
_THEO_DO_RE = re.compile(r"(?:^|(?<=[.!?])\s)Theo\s+đó\s*,")
_THEO_DO_WORDS_RE = re.compile(r"(?<![\wÀ-ỹ])Theo\s+đó\s*,")
_ISSUANCE_RE = re.compile(
    r"\b(?:vừa|mới)\s+(?:được\s+)?(?:[\wÀ-ỹ]+\s+){0,4}?(?:ban\s+hành|phê\s+duyệt|thông\s+qua)\s+(?:[\wÀ-ỹ]+\s+){0,3}?"
    r"(?:kế\s+hoạch|đề\s+án|chương\s+trình|nghị\s+quyết)\b(?![^.]*\b(?:kết\s+quả|tổng\s+kết|sơ\s+kết)\b)",
    re.IGNORECASE,
)


def _issuance_leads(text: str) -> list[re.Match]:
    if "Theo đó" not in text:
        return []
    out = []
    for m in _THEO_DO_RE.finditer(text):
        prev = text[: m.start()].rstrip()
        start = max(prev.rfind(". ", 0, len(prev) - 1), prev.rfind("! "), prev.rfind("? ")) + 1
        if prev and _ISSUANCE_RE.search(prev[start:]):
            out.append(m)
    return out


class _LeadIn:
    """The lead-ins of a summary: ``_LEAD_WORDS_RE`` and the milestone with a floor (``_FLOOR_MILESTONE_RE``),
    searched apart and only in a text holding "ít nhất/tối thiểu" — one regex of both cost a third more on every
    line; ``search`` returns the first match of either, as one regex would."""

    def search(self, text: str, pos: int = 0):
        m = _LEAD_WORDS_RE.search(text, pos)
        if "ít nhất" in text or "tối thiểu" in text or "Ít nhất" in text or "Tối thiểu" in text:
            f = _FLOOR_MILESTONE_RE.search(text, pos)
            if f and (m is None or f.start() < m.start()):
                m = f
        f = _lead_more_search(text, pos)
        if f and (m is None or f.start() < m.start()):
            m = f
        f = next((i for i in _issuance_leads(text) if i.start() >= pos), None)
        if f and (m is None or f.start() < m.start()):
            m = f
        return m


    def finditer(self, text: str):
        """The matches of either, left to right and not overlapping, as one regex's ``finditer``."""
        found = list(_LEAD_WORDS_RE.finditer(text))
        if "ít nhất" in text or "tối thiểu" in text or "Ít nhất" in text or "Tối thiểu" in text:
            found += _FLOOR_MILESTONE_RE.finditer(text)
        pos = 0
        while (f := _lead_more_search(text, pos)) is not None:
            found.append(f)
            pos = f.end()
        found += _issuance_leads(text)
        found.sort(key=lambda m: m.start())
        end = -1
        for m in found:
            if m.start() >= end:
                end = m.end()
                yield m


_LEAD_RE = _LeadIn()


class _LeadOrTheoDo:
    """A summary's lead-ins and "Theo đó," — for a line holding news of a plan's issuance (``_issuance_leads``),
    whose clauses and sentences are searched one by one (the news is no longer beside them)."""

    def search(self, text: str, pos: int = 0):
        m = _LEAD_RE.search(text, pos)
        t = _THEO_DO_WORDS_RE.search(text, pos)
        return t if t and (m is None or t.start() < m.start()) else m

    def finditer(self, text: str):
        return _LEAD_RE.finditer(text)


_LEAD_OR_THEO_DO = _LeadOrTheoDo()


def _lead_year(text: str, lead_re: re.Pattern, doc_year: int | None) -> int | None:
    """The year named in the lead-in's sentence, before it or just after it: "Năm 2022 Liên minh HTX đặt
    mục tiêu …", "… mục tiêu cụ thể trong năm 2023 như phấn đấu …", "đề ra mục tiêu năm 2025 sẽ có …";
    never a comparison base ("so với năm 2022") nor a year before the document's."""
    m = lead_re.search(text)
    if not m:
        return None
    start = max(text.rfind(". ", 0, m.start()) + 2, 0) if text.rfind(". ", 0, m.start()) >= 0 else 0
    window = text[start : m.end() + 40].split(";")[0]
    for ym in _EARLIER_YEAR_RE.finditer(window):
        if re.search(r"(?:so\s+với|từ|Luật[^,;]{0,40})\s*$", window[: ym.start()], re.IGNORECASE):
            continue
        if (pe := re.match(r"\s*[-–]\s*((?:19|20)\d{2})\b", window[ym.end() :])) and int(pe.group(1)) > int(ym.group(1)):
            # "Dự kiến trong 5 năm 2020 – 2025, tỉnh … sẽ phát triển mới 75 hợp tác xã": a period without "giai
            # đoạn", its end (eleventh pass, c268)
            if doc_year and int(pe.group(1)) < doc_year:
                continue
            return int(pe.group(1))
        if doc_year and int(ym.group(1)) < doc_year:
            continue
        return int(ym.group(1))
    # "phấn đấu trong giai đoạn 2021 - 2025 thành lập mới 100 HTX": the period's last year
    pm = re.search(r"\b(?:giai\s+đoạn|nhiệm\s+kỳ)\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})\b", window, re.IGNORECASE)
    if pm and (not doc_year or int(pm.group(1)) >= doc_year):
        return int(pm.group(1))
    # "UBND tỉnh giao chỉ tiêu cho các huyện thành lập mới 30 HTX trong năm 2026": the year the lead-in's sentence
    # dates its targets with, after them ("trong/vào năm"; not "so với năm", not a year before the document's)
    end = text.find(". ", m.end())
    ty = re.search(r"\b(?:trong|vào)\s+năm\s+((?:19|20)\d{2})\b", text[m.end() : end if end >= 0 else len(text)], re.IGNORECASE)
    if not ty and _NAMED_PLAN_LEAD_RE.match(m.group(0)):
        # "mục tiêu … được đề ra trong kế hoạch phát triển kinh tế tập thể … năm 2024 vừa được … ký ban hành": the
        # plan's year or the end of its period, named in the plan's name
        ty = re.search(
            r"\b(?:năm|giai\s+đoạn\s+(?:19|20)\d{2}\s*[-–]\s*|đến\s+năm)\s*((?:19|20)\d{2})\b",
            text[m.end() : end if end >= 0 else len(text)],
            re.IGNORECASE,
        )
    return int(ty.group(1)) if ty and (not doc_year or int(ty.group(1)) >= doc_year) else None


_NAMED_PLAN_LEAD_RE = re.compile(
    r"(?:mục|chỉ)\s+tiêu\s+(?:[\wÀ-ỹ]+\s+){0,3}?(?:được\s+)?(?:đề\s+ra|đặt\s+ra|xác\s+định)\s+(?:trong|tại)\s+",
    re.IGNORECASE,
)


# a horizon counted from the document: "trong 5 năm tới", "5 năm tới"
_NEXT_YEARS_RE = re.compile(r"\b(\d{1,2})\s+năm\s+tới\b", re.IGNORECASE)


def _next_years_horizon(text: str, lead_re: re.Pattern, ex: Extraction, group) -> int | None:
    """The year of a lead-in that counts its horizon in years from now ("mục tiêu … trong 5 năm tới là …"): the
    plan's period end when it has one; else the document's year + N (an article of 12/2020 → 2025); else, in a
    summary without a date, the end of the period it reports as past + N ("kết quả đạt được … trong giai đoạn 2016
    - 2020" → 2025); else None (no year is guessed)."""
    m = lead_re.search(text)
    if not m:
        return None
    start = text.rfind(". ", 0, m.start()) + 1
    end = text.find(". ", m.end())
    nm = _NEXT_YEARS_RE.search(text[start : end if end >= 0 else len(text)])
    if not nm:
        return None
    n = int(nm.group(1))
    if ex.period_end and (not ex.year or int(ex.period_end[:4]) >= ex.year):
        return int(ex.period_end[:4])
    if ex.year:
        return ex.year + n
    past = []
    for line in group or []:
        if line is None:
            continue
        for pm in _PERIOD_RE.finditer(line.text):
            s0 = max(line.text.rfind(". ", 0, pm.start()), line.text.rfind(";", 0, pm.start())) + 1
            e0 = [e for e in (line.text.find(". ", pm.end()), line.text.find(";", pm.end())) if e >= 0]
            sentence = line.text[s0 : min(e0) if e0 else len(line.text)]
            if _DONE_RE.search(sentence) or re.search(r"\bkết\s+quả\b|\bđạt\s+được\b", sentence, re.IGNORECASE):
                past.append(int(pm.group(1)))
    return max(past) + n if past else None


def _is_subheading(text: str) -> bool:
    """A short title line between a summary's paragraphs ("Phát triển làng nghề")."""
    t = text.strip()
    return 0 < len(t) <= 60 and not re.search(r"\d", t) and not t.endswith((".", ":", ";", ","))


def _announces_a_list(text: str) -> bool:
    """A paragraph ending with a colon whose last sentence is no results heading ("…, trong đó:", not "Kết quả các
    năm trước:")."""
    t = text.rstrip()
    return t.endswith(":") and not _REVIEW_RE.search(t[t.rfind(". ") + 1 :])


def _summary_following(
    after: list, year: int | None, ex: Extraction, used: set[int], list_comp: str | None = None, listing: bool = False
) -> None:
    """The paragraphs after a summary's lead-in ("Mục tiêu trong 5 năm tới, …") that state targets
    ("Đến năm 2015 mức thu nhập … bằng 1,5 lần …"), cut at "đến năm YYYY", up to a paragraph that
    states none, names an earlier year or is a lead-in of its own; short sub-headings are passed over.
    ``list_comp``: the comparator of a lead-in ending in "có khoảng:" for the list items ("- 120 tổ hợp
    tác;") right under it."""
    # ``listing``: the line above announces a list (``_announces_a_list``) or is an item that opens with its year
    for line in after:
        if line is None:
            continue
        item = _ITEM_RE.match(line.text)
        # "…, trong đó:" / "- Năm 2026: thành lập mới 40 HTX;" / "- Năm 2027: …": an item that opens with a year
        # within the horizon is that year's target, not a report of an earlier year
        iy = _item_year(line.text[item.end() :], ex.year) if item and listing else None
        if iy is not None and year and iy > year:
            iy = None
        listing = iy is not None or _announces_a_list(line.text)
        lead = _LEAD_RE.search(line.text)
        if id(line) in used or (lead and not _states_before(line.text[: lead.start()])):
            # a lead-in of its own starts its own targets — unless the paragraph states targets before it ("Tỷ lệ
            # cán bộ … đạt ít nhất 25%; khoảng 80% giám đốc …; đẩy mạnh …, phấn đấu …": it goes on the list above)
            break
        if _is_subheading(line.text):
            continue
        if iy is None and _names_an_earlier_year(line.text, year):
            break
        carry = list_comp if item else None
        list_comp = _list_comparator(line.text) or carry
        bullet = item.end() if item else 0
        segments = _year_segments(line.text[bullet:], iy or year, ex.year)
        found = []
        for k, (start, segment, y) in enumerate(segments):
            found += _targets_from_paragraph(
                line,
                bullet + start,
                segment,
                y,
                ex.year,
                0.6,
                True,
                "sau câu “mục tiêu …” của bản tóm tắt",
                carry_in=carry if k == 0 else None,
            )
        found = [t for t in found if t.unit]
        if not found:
            break
        used.add(id(line))
        ex.targets.extend(found)
        if iy is None:
            year = segments[-1][2]


# a summary's heading line announcing a list of targets: "* Mục tiêu:", "Mục tiêu cụ thể đến năm 2025:", "Các chỉ
# tiêu chủ yếu:", "Nhiệm vụ cụ thể:", "Nhiệm vụ, chỉ tiêu:" — a short line of its own ending in a colon (not
# "Mục tiêu chung/tổng quát:", not a results heading)
_LIST_HEAD_RE = re.compile(
    # (eleventh pass, c265: a site's font that lost its letters with a dot below, " Mc tiêu c thể năm 2024:")
    r"^\s?(?:- )?(?:(?:Các|Những)\s+)?(?:M[ụu]?c\s+tiêu(?:\s+c[ụu]?\s+thể)?|Chỉ\s+tiêu(?:\s+(?:cụ\s+thể|chủ\s+yếu|chính))?"
    r"|Nhiệm\s+vụ\s+cụ\s+thể|Nhiệm\s+vụ,?\s+(?:và\s+)?chỉ\s+tiêu|Mục\s+tiêu,?\s+(?:và\s+)?nhiệm\s+vụ)"
    r"(?:\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d{2}"
    r"|\s+(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}|\s+(?:trong\s+)?năm\s+(?:19|20)\d{2})?\s*:\s*$",
    re.IGNORECASE,
)


# eleventh pass (c242): a summary's sentence announcing its list, "Theo đó, mục tiêu Chương trình “Hỗ trợ thanh niên
# khởi nghiệp giai đoạn 2022 - 2030” như sau:" over "- " items — not "mục tiêu chung/tổng quát … như sau:", nor a
# review ("Kết quả thực hiện các mục tiêu … như sau:", "… đã đạt được như sau:")
_LIST_HEAD_SENTENCE_RE = re.compile(
    r"\bmục\s+tiêu\s+(?!chung\b|tổng\s+quát\b)[^.;:!?]{0,160}?\bnhư\s+sau\s*:\s*$", re.IGNORECASE
)
_LIST_HEAD_REVIEW_RE = re.compile(
    r"\b(?:kết\s+quả|thực\s+hiện|đánh\s+giá|tổng\s+kết|sơ\s+kết|đạt\s+được|đã\s+đạt)\b", re.IGNORECASE
)


# eleventh pass (c247): "Cụ thể đến năm 2030:", "Cụ thể năm 2030 định hướng:" over "- " items (a milestone or
# "định hướng" required: "Cụ thể năm 2023:" may open a year's results)
_CU_THE_HEAD_RE = re.compile(
    r"^\s?(?:- )?Cụ\s+thể,?\s+(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d{2}"
    r"|năm\s+(?:19|20)\d{2}\s*,?\s*định\s+hướng)\s*:\s*$",
    re.IGNORECASE,
)


# twelfth pass (the wide fuzz): "Đến năm 2030:" alone on its line over "- " items, in a summary — not "Đến hết/cuối
# năm 2025:" (the state at a year's end), not a year before the document's or the summary's own frame, not in a
# summary that reviews ("Kết quả …", "Tổng kết …" in its first lines)
_MILESTONE_HEAD_RE = re.compile(r"^\s?(?:- )?(?:Đến|Tới)\s+năm\s+((?:19|20)\d{2})\s*:\s*$", re.IGNORECASE)


def _milestone_head(text: str, group: list, doc_year: int | None) -> bool:
    if len(text) > 24 or "năm" not in text:
        return False
    m = _MILESTONE_HEAD_RE.match(text)
    if not m:
        return False
    first = doc_year or _own_first_year(group)[0]
    if first and int(m.group(1)) < first:
        return False
    head = " ".join(ln.text for ln in group[:3] if ln is not None)
    return not (_REVIEW_RE.search(head) or _REVIEW_TEXT_RE.search(head))


def _list_head_sentence(text: str) -> bool:
    if "như sau" not in text:
        return False
    m = _LIST_HEAD_SENTENCE_RE.search(text)
    if not m:
        return False
    start = max(text.rfind(". ", 0, m.start()), text.rfind(";", 0, m.start())) + 1
    return not _LIST_HEAD_REVIEW_RE.search(text[start:])


def _head_period_end(text: str, doc_year: int | None) -> int | None:
    """The end of the one period or term a list's heading names ("… giai đoạn 2022 - 2030” như sau:"), never one
    before the document's year."""
    ends = {int(m.group(1)) for m in _PERIOD_RE.finditer(text)}
    if not ends and len(text) < 80:
        # a short heading's one year: " Mc tiêu c thể năm 2024:" (c265)
        ends = {int(y) for y in re.findall(r"\bnăm\s+((?:19|20)\d{2})\b", text)}
    if len(ends) != 1:
        return None
    end = ends.pop()
    return None if doc_year and end < doc_year else end


# the items of a summary's list: "- ", "a) ", and the numbered "(1) " of a commune's or a page's list
_LIST_ITEM_RE = re.compile(
    r"^(?:- |-(?=\d{1,3}\s*%)|[a-zđ]\) |\(\d{1,2}\) |\d{1,2}\. "  # "-100% các tỉnh …" (c242)
    r"|\+ |• |\* |Chỉ\s+tiêu\s+\d{1,2}\s*[:.]\s*)"  # twelfth pass: "+ ", "• ", "Chỉ tiêu 1: …" (the wide fuzz)
)


def _listed_targets(after: list, year: int | None, default_year: int | None, ex: Extraction, used: set[int]) -> None:
    """The "- " items under a summary's list heading ("* Mục tiêu:"), up to the first line that is not an item
    (another list heading goes on: "* Nhiệm vụ cụ thể:" after the objectives' items). Each item states its
    targets — those with a unit —, an item without one (an objective in words) is passed over. Their year: a
    milestone of the item ("để đến năm 2010, toàn tỉnh có 930 HTX"), else the heading's, else the first
    milestone named in the list (the plan's horizon), else the plan's."""
    items = []
    for line in after:
        if line is None:
            continue
        if id(line) in used:
            break
        if _LIST_HEAD_RE.match(line.text):
            used.add(id(line))
            continue
        item = _LIST_ITEM_RE.match(line.text)
        if not item:
            break
        items.append((line, item.end()))
    horizon = year or next((y for line, _ in items if (y := _milestone_in(line.text, ex.year))), None) or default_year
    for line, bullet in items:
        found = []
        for start, segment, y in _year_segments(line.text[bullet:], horizon, ex.year):
            found += _targets_from_paragraph(
                line, bullet + start, segment, y, ex.year, 0.6, True, "mục “Mục tiêu:” của bản tóm tắt"
            )
        used.add(id(line))
        ex.targets.extend(t for t in found if t.unit)


def _states_before(text: str) -> bool:
    """True when ``text`` (a paragraph's words before a lead-in) states a quantity with its unit."""
    return bool(re.search(r"\d", text)) and any(q["unit"] for c in _clauses(text) for q in quantities(text[c[0] : c[1]]))


def _milestone_in(text: str, doc_year: int | None, last: bool = False) -> int | None:
    """The year of a "đến/tới năm YYYY" milestone in ``text`` (the last one with ``last``), never
    one before the document's year."""
    years = [y for _m, y in _switches(text)]
    years = [y for y in years if not doc_year or y >= doc_year]
    return (years[-1] if last else years[0]) if years else None


def _phan_dau_year(text: str, node: Node | None, before: list, ex: Extraction) -> int | None:
    """The milestone of a "phấn đấu" paragraph: the year it names ("Năm 2023, tỉnh phấn đấu …",
    "phấn đấu đến năm 2025 …"); else the section heading's milestone ("2. Đến năm 2025"); else the
    plan's period end; else the nearest "đến năm YYYY" in the paragraphs above it in the same part
    (the "Mục tiêu cụ thể đến năm 2025" paragraph a summary's later sentences belong to); else the
    document's year."""
    ym = _LEAD_YEAR_RE.match(text)
    if ym and (not ex.year or int(ym.group(1)) >= ex.year):
        return int(ym.group(1))
    own = _milestone_in(text, ex.year)
    if own:
        return own
    heading = _milestone_year(node, None)
    if heading:
        return heading
    if ex.period_end:
        return int(ex.period_end[:4])
    # "Nhiệm kỳ 2020 - 2025, Liên minh HTX tỉnh tiếp tục …. Phấn đấu mỗi năm …": the term or period the
    # paragraph itself opens with, before the paragraphs above (which may tell the term before)
    lead = text[: _PHAN_DAU_RE.search(text).start()] if _PHAN_DAU_RE.search(text) else ""
    if lead and (near := _horizon_in(lead, ex.year)):
        return near
    for line in reversed(before):
        if line is not None and (near := _horizon_in(line.text, ex.year)):
            return near
    return ex.year


# a period or a term ("giai đoạn 2022 - 2025", "nhiệm kỳ 2020 - 2025"): its end is the horizon of what it plans
_PERIOD_RE = re.compile(
    r"\b(?:giai\s+đoạn|nhiệm\s+kỳ)\s+(?:19|20)\d{2}\s*" + _DASH + r"\s*((?:19|20)\d{2})\b", re.IGNORECASE
)
_DONE_RE = re.compile(r"\b(?:đã|(?:vừa|năm|thời\s+gian|giai\s+đoạn|nhiệm\s+kỳ)\s+qua)\b", re.IGNORECASE)


# a one-year plan named before the period it sits in: "Kế hoạch … năm 2024 …, nằm trong kế hoạch … giai đoạn"
_FRAMED_YEAR_RE = re.compile(
    r"\b[Kk]ế\s+hoạch\b[^.;]{0,150}?\bnăm\s+((?:19|20)\d{2})\b(?![^.;]*\bnăm\s+(?:19|20)\d{2})[^.;]{0,150}?"
    r"\b(?:nằm\s+trong|thuộc|trong\s+khuôn\s+khổ|là\s+một\s+phần\s+của)\b[^.;]{0,100}$",
    re.IGNORECASE,
)


def _horizon_in(text: str, doc_year: int | None) -> int | None:
    """The last horizon a paragraph above a "phấn đấu" sentence names: a milestone "đến năm 2025" or the end
    of a period "giai đoạn 2022 - 2025" (a summary states its plan's period in its title line or first
    sentence), never in a sentence telling what was done ("giai đoạn 2016 - 2020 đã thành lập …") nor before
    the document's year. A date trailing a clause's own statement ("… đạt xã nông thôn mới nâng cao vào cuối
    năm 2020; …") dates that clause alone: it is no horizon for the sentences after it."""
    found = []
    for m, year in (*_switches(text), *((p, int(p.group(1))) for p in _PERIOD_RE.finditer(text))):
        start = max(text.rfind(". ", 0, m.start()), text.rfind(";", 0, m.start())) + 1
        if m.group(0).lower().startswith("vào") and len(text[start : m.start()].split()) > 3:
            continue
        ends = [e for e in (text.find(". ", m.end()), text.find(";", m.end())) if e >= 0]
        sentence = text[start : min(ends) if ends else len(text)]
        if (doc_year and year < doc_year) or _DONE_RE.search(sentence) or is_result_clause(sentence, doc_year):
            continue
        # "Kế hoạch … năm 2024 là cơ sở …, nằm trong kế hoạch … giai đoạn 2021 – 2025": the period frames a
        # one-year plan, whose targets are for its own year
        frame = _FRAMED_YEAR_RE.search(text[start : m.start()])
        if frame and m.re is _PERIOD_RE and int(frame.group(1)) <= year:
            year = int(frame.group(1))
        found.append((m.start(), year))
    return max(found)[1] if found else None


_SPECIFIC_RE = re.compile(r"\b(?:mục\s+tiêu|chỉ\s+tiêu)\s+cụ\s+thể\b", re.IGNORECASE)
_ITEM_RE = re.compile(r"^(?:- |[a-zđ]\) )")


# a paragraph telling the term, period or year that has passed ("Nhiệm kỳ qua, Đảng bộ xã … đã triển khai …",
# "Giai đoạn 2016 - 2020 vừa qua"), and objectives reached ("đạt và vượt mục tiêu Nghị quyết"): results
_PAST_TERM_RE = re.compile(
    r"^\W*(?:trong\s+)?(?:nhiệm\s+kỳ|giai\s+đoạn|năm|thời\s+gian|\d+\s+năm)(?:\s+(?:19|20)\d{2}\s*"
    + _DASH
    + r"\s*(?:19|20)\d{2})?\s+(?:vừa\s+)?qua\b",
    re.IGNORECASE,
)
_ACHIEVED_RE = re.compile(r"\b(?:đạt|vượt|hoàn\s+thành)(?:\s+và\s+vượt)?(?:\s+(?:các|những))?\s+$", re.IGNORECASE)


def _run_in_targets(doc: Document, ex: Extraction, default_year: int | None, used: set[int]) -> None:
    """No "Mục tiêu" section: a paragraph that says "Mục tiêu cụ thể đến năm 2030, …" or "mục tiêu
    … : Đến năm 2030 có …" holds the targets, cut at each "đến/tới năm YYYY" (its milestone year)."""
    owners = {id(ln): n for n in doc.walk() for ln in [n.line, *n.body] if ln is not None}
    headings = {id(n.line) for n in doc.walk() if n.line is not None}
    lines = doc.preamble + [ln for n in doc.walk() for ln in [n.line, *n.body] if ln is not None]
    own = None
    for i, line in enumerate(lines):
        if id(line) in used or in_assessment(owners.get(id(line))):
            continue
        m = _RUN_IN_RE.search(line.text)
        if not m or not _YEAR_SWITCH_RE.search(line.text, m.end()):
            continue
        if _PAST_TERM_RE.match(line.text) or _ACHIEVED_RE.search(line.text[: m.start()]):
            continue  # "Nhiệm kỳ qua, … các chỉ tiêu đều đạt và vượt mục tiêu Nghị quyết. Đến cuối năm 2024, …": results
        s0 = line.text.rfind(". ", 0, m.start()) + 1
        s1 = line.text.find(". ", m.end())
        if own is None:
            own = (ex.year, False) if ex.year else _own_first_year(lines)
        if _past_lead_sentence(line.text[s0 : s1 if s1 >= 0 else len(line.text)], m.start() - s0, *own):
            continue  # twelfth pass: "Tỉnh đặt mục tiêu đến năm 2025 có 500 HTX, kết quả đến nay đã có 420 HTX"
        used.add(id(line))
        text = line.text[m.start() :]
        segments = _year_segments(text, default_year, ex.year)
        for start, segment, year in segments:
            ex.targets.extend(
                _targets_from_paragraph(
                    line,
                    m.start() + start,
                    segment,
                    year,
                    ex.year,
                    0.7,
                    True,
                    "câu “Mục tiêu … đến năm …” ngoài mục Mục tiêu",
                )
            )
        _following_targets(lines[i + 1 :], line, segments[-1][2], ex, used, headings)


def _following_targets(
    after: list[Line], lead: Line, year: int | None, ex: Extraction, used: set[int], headings: set[int]
) -> None:
    """The paragraphs a run-in "Mục tiêu cụ thể đến năm 2025 …" line governs, with its milestone:

    * a lead line ending in ":" ("… mục tiêu cụ thể đến năm 2025 như sau:"): every following item
      ("- …", "+ …", "a) …") up to the first line that is not an item or is a numbered heading;
    * a run-in paragraph ("Mục tiêu cụ thể đến năm 2025, cả nước có …"): the plain paragraphs right
      after it that state quantities ("Số hợp tác xã … chiếm trên 60% tổng số hợp tác xã."), up to a
      heading, a paragraph without one, or a "phấn đấu" paragraph (read by its own rule, which takes
      this milestone as the nearest one above it).
    """
    listing = lead.text.rstrip().endswith(":") and _SPECIFIC_RE.search(lead.text)
    list_comp = _list_comparator(lead.text)  # "Mục tiêu cụ thể đến năm 2025, có khoảng:"
    for n, line in enumerate(after):
        if id(line) in used:
            break
        item = _ITEM_RE.match(line.text)
        is_heading = id(line) in headings
        if listing and n == 0 and not item and not is_heading:
            # "Theo kế hoạch, mục tiêu cụ thể đến năm 2025:" above plain paragraphs, not "- " items: they are
            # read as the paragraphs after a run-in line, while each states a quantity
            listing, list_comp = False, None
        if listing:
            if not item or (is_heading and not re.match(r"^[a-zđ]\) ", line.text)):
                break
        elif is_heading or item:
            break
        elif (lead := _PHAN_DAU_RE.search(line.text) or _RUN_IN_RE.search(line.text)) and not _states_before(
            line.text[: lead.start()]
        ):
            break  # its own lead-in — unless it states targets before it (then it goes on this list)
        if not listing and _names_an_earlier_year(line.text, year):
            break  # "Đến cuối năm 2024, toàn tỉnh có 245 HTX." after targets of 2025: what was done
        offset = item.end() if item else 0
        found = _targets_from_paragraph(
            line,
            offset,
            line.text[offset:],
            year,
            ex.year,
            0.7,
            True,
            "sau câu “Mục tiêu cụ thể … đến năm …”",
            carry_in=list_comp if listing else None,
        )
        found = [t for t in found if t.unit]
        if not found and not listing:
            break
        used.add(id(line))
        ex.targets.extend(found)


# --- the default horizon of a target that names no year (issue 16, ninth pass) ---------------------------
# A plan's horizon is often stated once, away from its targets: in the headline ("… giao ước thi đua năm 2026"),
# the first paragraph ("Đại hội … nhiệm kỳ 2025-2030 đã bế mạc"), the sentence issuing the plan ("Đề án … đến
# năm 2020 đã được Thủ tướng phê duyệt") or a list's heading ("Các chỉ tiêu chủ yếu (giai đoạn 2021-2025)").
# "đã" before a verb of issuing, approving, adopting or closing a meeting tells that the plan exists, not
# that its targets were reached; "đã tổng kết nhiệm kỳ 2020-2025", "giai đoạn 2016-2020 đã thành lập" stay past.
_ISSUED_RE = re.compile(
    r"\bđã\s+(?:được\s+(?:[\wÀ-ỹ]+\s+){0,6}?)?(?:ban\s+hành|phê\s+duyệt|ký|đặt|đề\s+ra|xác\s+định|thông\s+qua"
    # eleventh pass (c222): "Đại hội … đã họp phiên bế mạc, thông qua nghị quyết … nhiệm kỳ 2022 – 2027"
    r"|(?:họp\s+(?:phiên\s+)?)?(?:bế\s+mạc|khai\s+mạc)|diễn\s+ra|triển\s+khai\s+xây\s+dựng)\b",
    re.IGNORECASE,
)
_REVIEW_RE = re.compile(r"\b(?:tổng\s+kết|sơ\s+kết|kết\s+quả|đánh\s+giá|nhìn\s+lại|báo\s+cáo)\b", re.IGNORECASE)
# "Năm 2026, …" / "Trong năm 2026 …" opening a sentence; "năm 2026" in a title line (no sentence end)
_OPENING_YEAR_RE = re.compile(r"(?:^|(?<=[.!?:])\s)\W*(?:Trong\s+)?[Nn]ăm\s+((?:19|20)\d{2})\b(?!\s*(?:qua|trước)\b)")
_TITLE_YEAR_RE = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def _stated_horizon(text: str, doc_year: int | None) -> int | None:
    """The horizon a paragraph states for the plan, the last one it names: a milestone "đến năm 2030", the end of
    a period or a term "giai đoạn 2021-2025" / "nhiệm kỳ 2025-2030", a year opening a sentence ("Năm 2026, …"),
    or the year of a title line ("… giao ước thi đua năm 2026", no sentence end). Never in a sentence telling what
    was done ("đã thành lập", "nhiệm kỳ qua", "tổng kết nhiệm kỳ 2020-2025", a result clause) — "đã" issuing or
    adopting a plan is no result —, never a comparison base ("so với năm 2020") nor before the document's year."""
    found = []
    title = len(text) <= 160 and not text.rstrip().endswith((".", ";", "!", "?", ":"))
    others = [*_PERIOD_RE.finditer(text), *_OPENING_YEAR_RE.finditer(text)]
    if title:
        others += list(_TITLE_YEAR_RE.finditer(text))
    for m, year in (*_switches(text), *((o, int(o.group(1))) for o in others)):
        start = max(text.rfind(". ", 0, m.start()), text.rfind(";", 0, m.start())) + 1
        ends = [e for e in (text.find(". ", m.end()), text.find(";", m.end())) if e >= 0]
        sentence = text[start : min(ends) if ends else len(text)]
        if doc_year and year < doc_year:
            continue
        if re.search(r"(?:so\s+với|từ|trước|sau)\s*$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
            continue
        if _DONE_RE.search(_ISSUED_RE.sub(" ", sentence)) or _REVIEW_RE.search(sentence):
            continue
        if is_result_clause(sentence, doc_year):
            continue
        found.append((m.start(), year))
    return max(found)[1] if found else None


def _default_horizon(doc: Document, ex: Extraction) -> None:
    """A target read without a year (a summary names its horizon once, away from its targets) takes, in this
    order: the horizon its own sentence names after it ("… cho giai đoạn 2015 – 2020 là 1%/năm"), the nearest one
    stated above it (the earlier sentences of its paragraph, then the paragraphs above, up to the headline),
    else the first one stated below it (the plan's period named after its targets). A horizon in a sentence of
    results or of a past term is none; a target that has a year keeps it."""
    pending = [t for t in ex.targets if t.year is None and t.span]
    if not pending:
        return
    lines = doc.lines
    starts = [ln.start for ln in lines]
    for t in pending:
        pos = t.span[0]
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0 or pos > lines[i].end:
            continue
        line, at = lines[i], pos - lines[i].start
        s_start = max(line.text.rfind(". ", 0, at), line.text.rfind(";", 0, at)) + 1
        ends = [e for e in (line.text.find(". ", at), line.text.find(";", at)) if e >= 0]
        year = _stated_horizon(line.text[s_start : min(ends) if ends else len(line.text)], ex.year)
        if year is None and s_start > 0:
            year = _stated_horizon(line.text[:s_start], ex.year)
        if year is None:
            year = next((y for ln in reversed(lines[:i]) if (y := _stated_horizon(ln.text, ex.year))), None)
        if year is None:
            year = next((y for ln in lines[i + 1 :] if (y := _stated_horizon(ln.text, ex.year))), None)
        if year is not None:
            t.year = year


# --- a review's yearly averages; a headline's lead (issue 16, ninth pass) ---------------------------------------
# "Bình quân mỗi năm, có khoảng 40 hợp tác xã được thành lập" in a report of a conference reviewing a period
# ("Hội nghị tổng kết …", "Sau 5 năm triển khai, …") is the average of what was done: the per-year lead counts only
# in a text that states an intention somewhere (a plan's summary always does: "phấn đấu", "mục tiêu", "chỉ tiêu",
# "kế hoạch", "đề ra", "định hướng", "sẽ", "dự kiến").
_PER_YEAR_LEAD_RE = re.compile(r"\s*(?:bình\s+quân\s+)?(?:mỗi|hằng|hàng)\s+năm\b", re.IGNORECASE)
_INTENTION_RE = re.compile(
    r"ph[aấầâ]n\s+đ[ấầâ]u|\b(?:mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|đề\s+ra|định\s+hướng|sẽ|dự\s+kiến)\b", re.IGNORECASE
)
_REVIEW_TEXT_RE = re.compile(
    r"\b(?:tổng\s+kết|sơ\s+kết|sau\s+\d+\s+năm\s+(?:triển\s+khai|thực\s+hiện)|(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?:vừa\s+)?qua)\b",
    re.IGNORECASE,
)


def _yearly_average_of_a_review(text: str, group: list) -> bool:
    low = text.lower()
    if "mỗi năm" not in low and "hằng năm" not in low and "hàng năm" not in low:
        return False  # no per-year lead (checked first: this runs for every summary line with a lead-in)
    leads = list(_LEAD_RE.finditer(text))
    if not leads or not all(_PER_YEAR_LEAD_RE.match(m.group(0)) for m in leads):
        return False
    whole = "\n".join(ln.text for ln in group if ln is not None)
    return not _INTENTION_RE.search(whole) and bool(_REVIEW_TEXT_RE.search(whole))


def _is_title_line(text: str) -> bool:
    """A headline or a pull-quote: a short line with no sentence end."""
    t = text.strip()
    return 0 < len(t) <= 160 and not t.endswith((".", ":", ";", "!", "?", "…", ","))


_MILESTONE_LEAD_RE = re.compile(
    r"\s*(?:(?:Theo\s+đó|Trong\s+tương\s+l[aạ]i(?:\s+gần)?|Thời\s+gian\s+tới|Dự\s+kiến|Theo\s+kế\s+hoạch),?\s+(?:đến|tới)"
    r"|Hướng\s+(?:đến|tới))\s+năm\s+((?:19|20)\d{2})",
    re.IGNORECASE,
)


_TERM_LEAD_RE = re.compile(
    r"\b(?:mục|chỉ)\s+tiêu\s+(?:(?:chủ\s+yếu|cụ\s+thể)\s+)?(?:(?:của\s+)?nhiệm\s+kỳ|giai\s+đoạn)\s+"
    r"(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})\s*(?::|là\b)",
    re.IGNORECASE,
)
_PERIOD_END_RE = re.compile(r"(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})", re.IGNORECASE)
_REPORTED_RE = re.compile(r"\b(?:kết\s+quả|thực\s+hiện|đánh\s+giá|tổng\s+kết|sơ\s+kết|đạt\s+được)\b", re.IGNORECASE)


_TERM_LIST_RE = re.compile(
    r"\b(?:mục|chỉ)\s+tiêu\s+(?:(?:chủ\s+yếu|cụ\s+thể)\s+)?(?:trong\s+)?(?:của\s+)?(?:nhiệm\s+kỳ|giai\s+đoạn)\s+"
    r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}",
    re.IGNORECASE,
)


def _reported_term_list(text: str) -> bool:
    """Eleventh pass: a line whose first lead-in is a term's list of indicators without a colon, "Kết quả thực hiện
    các chỉ tiêu chủ yếu nhiệm kỳ 2020-2025 1. … 2. …" (a list flattened onto the line), reports results when its
    sentence says "kết quả / thực hiện / đánh giá" before it."""
    if "tiêu" not in text:
        return False
    lead = _LEAD_RE.search(text)
    if not lead:
        return False
    m = _TERM_LIST_RE.search(text)
    if m and m.start() <= lead.start() < m.end():
        start = max(text.rfind(". ", 0, m.start()), text.rfind(";", 0, m.start())) + 1
        return bool(_REPORTED_RE.search(text[start : m.start()]))
    # "… gồm các chỉ tiêu: …" (eleventh pass) after what was done or reached in its sentence: "Năm 2025, tỉnh đã
    # hoàn thành và vượt 14 chỉ tiêu, trong đó nổi bật là các chỉ tiêu: …", "Kết quả thực hiện là các chỉ tiêu: …"
    m = _INDICATORS_LEAD_RE.match(text, lead.start())
    if m:
        start = max(text.rfind(". ", 0, m.start()), text.rfind(";", 0, m.start())) + 1
        before = text[start : m.start()]
        return bool(_REPORTED_RE.search(before) or _DONE_RE.search(before) or _REACHED_WORDS_RE.search(before))
    return False


_INDICATORS_LEAD_RE = re.compile(
    r"\b(?:là|gồm|với)\s+(?:các|những|\d{1,2})\s+chỉ\s+tiêu(?:\s+(?:chủ\s+yếu|chính|cụ\s+thể))?(?:\s+sau)?\s*:",
    re.IGNORECASE,
)
_REACHED_WORDS_RE = re.compile(r"\b(?:hoàn\s+thành|vượt|nổi\s+bật|ước\s+đạt)\b", re.IGNORECASE)


def _past_term_lead(text: str, doc_year: int | None, head: bool = False) -> bool:
    """A line whose only lead-ins are a term's or a period's targets ("Mục tiêu nhiệm kỳ 2025 - 2030: …") reports
    results when the term ended before the document's year or its sentence says "kết quả / thực hiện / đánh giá"
    ("Kết quả thực hiện các chỉ tiêu nhiệm kỳ 2020 - 2025: …"). ``head``: a list's heading line, whose term is
    matched anywhere in it."""
    if "tiêu" not in text:
        return False
    if head:
        pm = _PERIOD_END_RE.search(text)
        return bool(pm and doc_year and int(pm.group(1)) < doc_year) or bool(_REPORTED_RE.search(text))
    if ("nhiệm kỳ" not in text and "giai đoạn" not in text) or not _TERM_LEAD_RE.search(text):
        return False
    leads = list(_LEAD_RE.finditer(text))
    if not leads:
        return False
    for m in leads:
        tm = _TERM_LEAD_RE.match(text, m.start())
        if not tm:
            return False
        start = text.rfind(". ", 0, m.start())
        if not ((doc_year and int(tm.group(1)) < doc_year) or _REPORTED_RE.search(text[start + 1 : m.start()])):
            return False
    return True


def _past_milestone_lead(text: str, doc_year: int | None) -> bool:
    """A line whose only lead-ins are milestones opening a sentence ("Đến năm 2025, toàn tỉnh có …") states a
    result when the milestone is before the document's year or its sentence says "đã" / reports a result."""
    if not _MILESTONE_LEAD_RE.search(text):
        return False
    leads = list(_LEAD_RE.finditer(text))
    if not leads:
        return False
    for m in leads:
        mm = _MILESTONE_LEAD_RE.match(m.group(0))
        if not mm:
            return False
        end = text.find(". ", m.end())
        sentence = text[m.start() : end if end >= 0 else len(text)]
        year = int(mm.group(1))
        if not ((doc_year and year < doc_year) or _DONE_RE.search(sentence) or is_result_clause(sentence, doc_year)):
            return False
    return True


# --- twelfth pass: a past milestone, a past programme's target, last year's assignment -------------------------------
# A summary rarely has a date, so "before the document's year" cannot say that "Dự kiến đến năm 2021 có 200 HTX" is
# the state a report expected, not a target of the plan of 2023 it sits in. The plan's own frame says it instead:
# the start of the period its targets are framed by ("Mục tiêu giai đoạn 2021 - 2025: …", "Kế hoạch … giai đoạn
# 2021-2025", "giai đoạn 2026 - 2030, phấn đấu …") or the year of an annual plan ("Mục tiêu năm 2023: …", "Kế hoạch
# … năm 2023", "Năm 2023, tỉnh phấn đấu …"). A lead-in sentence whose years are all before it is what was planned
# before; so is a past programme's target in its review ("Chương trình giai đoạn 2016-2020 đặt mục tiêu thành lập
# 200 HTX; kết quả đã thành lập 180 HTX") and last year's assignment ("Năm 2022, UBND tỉnh giao các huyện thành lập
# mới 80 HTX, đến nay đã thành lập được 65 HTX").
_OWN_PERIOD_RE = re.compile(
    r"\b(?:(?:mục|chỉ)\s+tiêu|kế\s+hoạch|phấn\s+đấu)\b[^.;:!?]{0,80}?\b(?:giai\s+đoạn|nhiệm\s+kỳ)\s+((?:19|20)\d{2})"
    r"\s*" + _DASH + r"\s*(?:19|20)\d{2}\b"
    r"|(?:^|(?<=[.!?:])\s)\W*(?:Trong\s+)?(?:giai\s+đoạn|nhiệm\s+kỳ)\s+((?:19|20)\d{2})\s*" + _DASH
    + r"\s*(?:19|20)\d{2}\s*,\s*(?=[^.;:]{0,40}\bph[aấầâ]n\s+đ[ấầâ]u\b)",
    re.IGNORECASE,
)
_OWN_YEAR_RE = re.compile(
    r"\b(?:(?:mục|chỉ)\s+tiêu(?:\s+(?:cụ\s+thể|chủ\s+yếu|kế\s+hoạch))?\s+|kế\s+hoạch\s+(?:[^\W\d]+\s+){0,8}?)"
    r"(?:trong\s+)?năm\s+((?:19|20)\d{2})\b(?!\s*[-–])"
    r"|\bph[aấầâ]n\s+đ[ấầâ]u\s+(?:trong\s+)?năm\s+((?:19|20)\d{2})\b(?!\s*[-–])"
    r"|(?:^|(?<=[.!?:])\s)\W*(?:Trong\s+)?[Nn]ăm\s+((?:19|20)\d{2})\s*,?\s+(?=[^.;:]{0,60}?\b(?:ph[aấầâ]n\s+đ[ấầâ]u"
    r"|đặt\s+mục\s+tiêu|(?:mục|chỉ)\s+tiêu)\b)",
    re.IGNORECASE,
)
# a sentence telling how a lead-in's target came out: "…; kết quả đã thành lập 180 HTX", "…, đến nay đã …"
_OUTCOME_RE = re.compile(
    r"\b(?:kết\s+quả(?:\s+thực\s+hiện)?\s*(?:,\s*)?(?:đã|đạt|mới|được|là)|(?:đến|tới)\s+nay\s*,?\s*(?:đã|mới|đạt)"
    r"|đã\s+(?:đạt|thực\s+hiện|hoàn\s+thành)\s+(?:được\s+)?[\d.,]+\s*%|đạt\s+[\d.,]+\s*%\s*(?:so\s+với\s+)?(?:mục\s+tiêu|kế\s+hoạch))",
    re.IGNORECASE,
)
_YEAR_NAMED_RE = re.compile(
    r"(?<![\d/])(?:19|20)\d{2}(?![\d/])"
)


def _sentences_of(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _own_first_year(lines) -> tuple[int | None, bool]:
    """The first year of the plan a summary states targets for (see above), None when it names none, and whether it
    is an annual frame's year (not a period's start). Only sentences that report nothing count."""
    years: list[tuple[int, bool]] = []
    for line in lines:
        if line is None:
            continue
        t = line.text
        if "năm" not in t and "Năm" not in t and "đoạn" not in t and "kỳ" not in t:
            continue
        if not _YEAR_NAMED_RE.search(t):
            continue
        for s in _sentences_of(t):
            if not _YEAR_NAMED_RE.search(s):
                continue
            periods = [(int(m.group(1) or m.group(2)), False) for m in _OWN_PERIOD_RE.finditer(s)]
            # (an assignment handed down, "Năm 2022, tỉnh giao chỉ tiêu …", frames no plan of its own)
            annual = [] if re.search(r"\bgiao\b", s, re.IGNORECASE) else [
                (int(next(g for g in m.groups() if g)), True) for m in _OWN_YEAR_RE.finditer(s)
            ]
            if (periods or annual) and not (_DONE_RE.search(s) or _REPORTED_RE.search(s) or _OUTCOME_RE.search(s)):
                years += periods + annual
    if not years:
        return None, False
    first = min(y for y, _a in years)
    return first, all(a for y, a in years if y == first)


def _live_lead_start(text: str, lead_re, own_year: int | None, annual: bool) -> int | None:
    """Where ``text`` goes on after the lead-in sentences of a past plan (``_past_lead_sentence``) it opens with (0
    when it opens with none); None when every lead-in sentence is a past plan's."""
    pos, start = 0, 0
    while (m := lead_re.search(text, pos)) is not None:
        s0 = max(text.rfind(". ", 0, m.start()), text.rfind("! ", 0, m.start()), text.rfind("? ", 0, m.start())) + 1
        ends = [e for e in (text.find(". ", m.end()), text.find("! ", m.end()), text.find("? ", m.end())) if e >= 0]
        s1 = min(ends) + 1 if ends else len(text)
        sentence = text[s0:s1].strip()
        if not _past_lead_sentence(sentence, m.start() - s0 - (len(text[s0:s1]) - len(text[s0:s1].lstrip())), own_year, annual):
            return start
        start = pos = s1
        if pos >= len(text):
            break
    return None


# the years of a sentence that frame it (not a comparison base, a law's or a resolution's year)
_BASE_BEFORE_RE = re.compile(r"(?:so\s+với|so|từ|lần|Luật[^,;]{0,40}|Nghị\s+quyết[^,;]{0,40}|số\s+[^,;\s]{0,20})\s*(?:năm\s*)?$", re.IGNORECASE)


def _past_lead_sentence(sentence: str, lead_start: int, own_year: int | None, annual: bool) -> bool:
    """A lead-in sentence that tells a past plan's target: every year it names before its first number is before
    the plan's own first year (a round annual frame's year only within three years: "Năm 2030, …" may be a
    milestone),
    or its target's outcome is told after it ("…; kết quả đã thành lập 180 HTX")."""
    if _OUTCOME_RE.search(sentence, lead_start):
        return True
    if not own_year:
        return False
    first_num = re.search(r"(?<![\d/])\d", _YEAR_NAMED_RE.sub(lambda m: "Y" * len(m.group(0)), sentence))
    head = sentence[: first_num.start()] if first_num else sentence
    years = [
        int(m.group(0))
        for m in _YEAR_NAMED_RE.finditer(head)
        if not _BASE_BEFORE_RE.search(head[: m.start()])
    ]
    if not years or max(years) >= own_year:
        return False
    # a round year ("Năm 2030, phấn đấu …") may be a milestone beside an intermediate one ("Dự kiến đến năm 2025 …")
    return not annual or own_year % 5 != 0 or own_year - max(years) <= 3
