"""Target classes seen in real plans of other provinces (issue 16), on short texts written for the
test: assessment sections and result sentences are not targets; run-in "Mục tiêu … đến năm" paragraphs
with several milestones and several targets per sentence; growth rates in "%/năm"."""

from planimport.reader import read_text
from planimport.reader.targets import is_result_clause

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 12/KH-UBND\nHà Nam, ngày 10 tháng 8 năm 2022\nKẾ HOẠCH\nPHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2023\n"
)


def _targets(text):
    return [(t["year"], t["comparator"], t["value"], t["unit"]) for t in read_text(text).to_dict()["targets"]]


def test_assessment_section_with_chi_tieu_in_its_title_gives_no_target():
    text = HEAD + (
        "Phần thứ nhất\nĐÁNH GIÁ TÌNH HÌNH PHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2022\n"
        "I. TÌNH HÌNH NĂM 2022\n1. Đánh giá dựa trên các chỉ tiêu về hoạt động của hợp tác xã\n"
        "- Tổng số hợp tác xã trên địa bàn là 96 HTX, thành lập mới 12 HTX.\n"
        "II. MỤC TIÊU CỤ THỂ NĂM 2023\n- Thành lập mới ít nhất 15 hợp tác xã.\n"
    )
    assert _targets(text) == [(2023, ">=", 15, "HTX")]


def test_result_sentences_are_not_targets():
    for clause in (
        "Ước đến 31/12/2022, có tổng số 226 THT đạt 98% so với kế hoạch",
        "Đến 30/6/2022 lũy kế số tổ hợp tác là 206 THT",
        "thành lập mới 26 HTX (đạt 65% kế hoạch)",
        "Tính đến ngày 30/6/2022 toàn tỉnh có 203 HTX",
        "Sáu tháng đầu năm 2022 thành lập mới là 26 HTX",
    ):
        assert is_result_clause(clause, 2022), clause
    for clause in ("Thành lập mới ít nhất 15 hợp tác xã", "hoàn thành trước ngày 15/12/2022 việc thành lập 3 HTX"):
        assert not is_result_clause(clause, 2022), clause


def test_run_in_targets_with_two_milestones_and_growth_rates():
    text = (
        "Mục tiêu cụ thể đến năm 2030, toàn tỉnh có 700 hợp tác xã, 300 tổ hợp tác; doanh thu tăng bình quân "
        "7,0%/năm; tỷ lệ hợp tác xã yếu kém dưới 2%. Mục tiêu đến năm 2045, thu hút tối thiểu 20% dân số "
        "tham gia tổ chức kinh tế tập thể.\n"
    )
    assert sorted(_targets(text)) == sorted(
        [
            (2030, "=", 700, "HTX"),
            (2030, "=", 300, "THT"),
            (2030, "=", 7, "%/năm"),
            (2030, "<", 2, "%"),
            (2045, ">=", 20, "%"),
        ]
    )


def test_mục_tiêu_tổng_quát_paragraph_and_programme_names_give_no_target():
    text = (
        "Mục tiêu tổng quát đến năm 2030 là phát triển kinh tế tập thể bền vững.\n"
        "Thực hiện Đề án phát triển 15.000 hợp tác xã nông nghiệp hoạt động có hiệu quả đến năm 2020.\n"
    )
    assert _targets(text) == []


def test_comparator_before_the_first_item_covers_the_rest_of_the_enumeration():
    text = (
        "Mục tiêu cụ thể đến năm 2030 có khoảng 120 tổ hợp tác, với 3.000 thành viên; 180 hợp tác xã với "
        "20.000 thành viên; 03 liên hiệp hợp tác xã; trên 70% hợp tác xã đạt loại khá; 25% hợp tác xã "
        "ứng dụng công nghệ cao.\n"
    )
    assert _targets(text) == [
        (2030, "~", 120, "THT"),
        (2030, "~", 3000, "thành viên"),
        (2030, "~", 180, "HTX"),
        (2030, "~", 20000, "thành viên"),
        (2030, "~", 3, "LHHTX"),
        (2030, ">", 70, "%"),  # a new comparator word starts its own run
        (2030, ">", 25, "%"),
    ]


def test_enumeration_comparator_stops_at_a_lead_in_a_sentence_end_or_an_explicit_word():
    # a clause with its own lead-in verb is a new statement, not the list's next item
    text = "Mục tiêu cụ thể đến năm 2030 có khoảng 120 tổ hợp tác; thành lập mới 40 hợp tác xã.\n"
    assert _targets(text) == [(2030, "~", 120, "THT"), (2030, "=", 40, "HTX")]
    # a new sentence ends the list
    text = "Mục tiêu cụ thể đến năm 2030 có khoảng 120 tổ hợp tác. 40 hợp tác xã ứng dụng công nghệ cao.\n"
    assert _targets(text) == [(2030, "~", 120, "THT"), (2030, "=", 40, "HTX")]
    # "đạt" is the item's own comparator
    text = "Mục tiêu cụ thể đến năm 2030 có ít nhất 120 tổ hợp tác; đạt 40 hợp tác xã.\n"
    assert _targets(text) == [(2030, ">=", 120, "THT"), (2030, "=", 40, "HTX")]
    # an "=" list carries nothing
    text = "Mục tiêu cụ thể đến năm 2030 có 120 tổ hợp tác; 40 hợp tác xã.\n"
    assert _targets(text) == [(2030, "=", 120, "THT"), (2030, "=", 40, "HTX")]


def test_parenthesised_breakdown_of_a_total_gives_no_separate_targets():
    text = (
        "Mục tiêu cụ thể đến năm 2025 tổng số HTX là 210 HTX (130 hợp tác xã nông nghiệp, 80 HTX phi nông "
        "nghiệp), 140 THT.\n"
    )
    assert _targets(text) == [(2025, "=", 210, "HTX"), (2025, "=", 140, "THT")]


def test_parenthesis_not_after_a_quantity_still_gives_targets():
    text = "Mục tiêu cụ thể đến năm 2025 thành lập mới các tổ chức kinh tế tập thể (50 hợp tác xã, 20 tổ hợp tác).\n"
    assert _targets(text) == [(2025, "=", 50, "HTX"), (2025, "=", 20, "THT")]


def test_share_to_reach_after_chiếm_is_a_target_but_a_description_is_not():
    text = (
        "Mục tiêu cụ thể đến năm 2025 đóng góp của khu vực kinh tế tập thể vào GRDP của tỉnh chiếm 0,5% "
        "GRDP; tỷ trọng hợp tác xã nông nghiệp chiếm 60% tổng số hợp tác xã.\n"
    )
    assert _targets(text) == [(2025, "=", 0.5, "%"), (2025, "=", 60, "%")]
    text = (
        "Mục tiêu cụ thể đến năm 2025 thành lập 12 hợp tác xã ở vùng có người đồng bào dân tộc thiểu số "
        "chiếm trên 80% dân số.\n"
    )
    assert _targets(text) == [(2025, "=", 12, "HTX")]


def test_counts_with_a_multiplier_word_are_multiplied_and_money_is_unchanged():
    text = (
        "Mục tiêu cụ thể đến năm 2030 có khoảng 5.000 tổ hợp tác với 1,2 triệu thành viên, 900 hợp tác xã; "
        "doanh thu bình quân 1,5 tỷ đồng/HTX/năm; hỗ trợ 2 triệu lượt người.\n"
    )
    assert _targets(text) == [
        (2030, "~", 5000, "THT"),
        (2030, "~", 1200000, "thành viên"),
        (2030, "~", 900, "HTX"),
        (2030, "=", 1500000000, "đồng/HTX/năm"),
        (2030, "=", 2000000, "lượt"),
    ]
    # "triệu" followed by no unit is no target
    assert _targets("Mục tiêu cụ thể đến năm 2030 thu hút 3 triệu từ xã hội.\n") == []


def test_phấn_đấu_paragraphs_of_a_text_without_sections_cover_their_sentence():
    text = (
        "UBND tỉnh vừa ban hành Kế hoạch phát triển kinh tế tập thể năm 2024.\n"
        "Năm 2024, tỉnh phấn đấu thành lập mới 20 HTX, nâng tổng số HTX lên 210 HTX; có trên 40 HTX ứng dụng "
        "công nghệ cao. Thành lập 9 tổ hợp tác.\n"
        "Tính đến hết năm 2023, toàn tỉnh có 190 HTX; thành lập mới 12 HTX.\n"
        "Tăng cường liên kết, phấn đấu đến năm 2030 có khoảng 30% hợp tác xã liên kết với doanh nghiệp.\n"
    )
    assert _targets(text) == [
        (2024, "=", 20, "HTX"),
        (2024, "=", 210, "HTX"),
        (2024, ">", 40, "HTX"),  # the next ';'-clause of the "phấn đấu" sentence
        # the next sentence states a target too and goes on the list (since 07/12/2026, fresh2's c32:
        # "… tăng tối thiểu 10% so với năm 2022. Thu nhập … tăng 10% …" are keyed as targets)
        (2024, "=", 9, "THT"),
        (2030, "~", 30, "%"),  # "phấn đấu đến năm 2030" gives its own year
    ]


# --- 07/12/2026 (issue 16, second pass): the classes seen in c27–c29, on their real sentences -----------


def test_share_of_a_total_after_chiếm_is_a_target_with_its_comparator():
    """c27 (Bà Rịa - Vũng Tàu 2023): "chiếm khoảng 36% tổng số HTX" → ≈ 36 %; c28: "chiếm trên 60%
    tổng số hợp tác xã" → > 60 %. A share that only describes (no "tổng số" after it) stays out, and so
    does a share in a results section."""
    text = (
        "UBND tỉnh vừa ban hành Kế hoạch phát triển kinh tế tập thể (KTTT), HTX của tỉnh năm 2023.\n"
        "Năm 2023, tỉnh phấn đấu thành lập mới 15 HTX; số HTX hoạt động đạt loại tốt, khá chiếm khoảng 36% "
        "tổng số HTX đang hoạt động trên địa bàn tỉnh.\n"
    )
    assert _targets(text) == [(2023, "=", 15, "HTX"), (2023, "~", 36, "%")]
    text = (
        "Mục tiêu cụ thể đến năm 2025, số hợp tác xã hoạt động đạt loại tốt, khá chiếm trên 60% tổng số hợp tác xã.\n"
    )
    assert _targets(text) == [(2025, ">", 60, "%")]
    # a description: "chiếm khoảng 80% dân số" is not a share of a total to reach
    text = (
        "Mục tiêu cụ thể đến năm 2025 thành lập 12 hợp tác xã ở vùng có người dân tộc thiểu số chiếm khoảng "
        "80% dân số.\n"
    )
    assert _targets(text) == [(2025, "=", 12, "HTX")]
    # results: an assessment section, "đạt X% kế hoạch"
    text = HEAD + (
        "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2022\n"
        "- Số HTX hoạt động đạt loại tốt, khá chiếm 34,3% tổng số HTX, đạt 100% kế hoạch năm 2022.\n"
        "II. MỤC TIÊU CỤ THỂ NĂM 2023\n- Số HTX đạt loại tốt, khá chiếm trên 40% tổng số HTX.\n"
    )
    assert _targets(text) == [(2023, ">", 40, "%")]


C29 = (
    "Theo đó, đề ra mục tiêu cụ thể đến năm 2025 như sau:\n"
    "- Lựa chọn được tối thiểu 300 hợp tác xã/liên hiệp hợp tác xã tham gia, hoạt động theo 12 mô hình của Đề án;\n"
    "- 100% hợp tác xã thí điểm hoạt động hiệu quả cao, được đánh giá xếp loại Tốt, đạt từ 80 điểm trở lên theo "
    "Thông tư 01/2020/TT-BKHĐT ngày 19/02/2020.\n"
    "- Xây dựng Phương án nhân rộng các mô hình hợp tác xã kiểu mới hiệu quả trên phạm vi cả nước trong 05 năm "
    "tiếp theo (giai đoạn 2026-2030).\n"
)


def test_items_after_a_mục_tiêu_cụ_thể_như_sau_line_are_targets():
    """c29 (Đề án 167): the bullets after "… mục tiêu cụ thể đến năm 2025 như sau:" are targets of 2025;
    "hợp tác xã/liên hiệp hợp tác xã" is one unit; "theo 12 mô hình", the rating's "80 điểm", the
    "05 năm" and the law's numbers are not targets; the list ends at the first line that is no item."""
    text = C29 + "Đối tượng tham gia Đề án là 15 hợp tác xã của mỗi tỉnh.\n"
    assert _targets(text) == [(2025, ">=", 300, "HTX"), (2025, "=", 100, "%")]
    # items after a results lead-in are not targets
    text = "Kết quả thực hiện năm 2022 như sau:\n- Thành lập mới 26 HTX;\n- 100% HTX được tập huấn.\n"
    assert _targets(text) == []
    # a programme's name and a law's number inside an item are not targets
    text = (
        "Mục tiêu cụ thể đến năm 2025 như sau:\n"
        "- Thực hiện Đề án phát triển 15.000 HTX nông nghiệp; thành lập mới 20 HTX.\n"
        "- Triển khai Nghị quyết số 20 của Trung ương và Luật Hợp tác xã số 17; có 12 HTX kiểu mới.\n"
    )
    assert _targets(text) == [(2025, "=", 20, "HTX"), (2025, "=", 12, "HTX")]


C28 = (
    "Mục tiêu cụ thể đến năm 2025, cả nước có khoảng 134.000 tổ hợp tác với 1,8 triệu thành viên.\n"
    "Số hợp tác xã hoạt động đạt loại tốt, khá chiếm trên 60% tổng số hợp tác xã. Tỉ lệ cán bộ quản lý hợp tác "
    "xã tốt nghiệp cao đẳng, đại học đạt ít nhất 24%.\n"
    "Tăng cường liên kết theo chuỗi giá trị giữa doanh nghiệp và hợp tác xã, phấn đấu có khoảng 35% hợp tác xã "
    "nông nghiệp liên kết với doanh nghiệp theo chuỗi giá trị.\n"
)


def test_sentences_after_a_run_in_mục_tiêu_paragraph_and_a_phấn_đấu_without_year():
    """c28 (national plan 2021–2025): the paragraph right after "Mục tiêu cụ thể đến năm 2025, …" states
    two more targets of 2025; "phấn đấu có khoảng 35% …" has no year and no plan period: it takes the
    nearest "đến năm 2025" above it. A results paragraph after the run-in one ends it."""
    assert _targets(C28) == [
        (2025, "~", 134000, "THT"),
        (2025, "~", 1800000, "thành viên"),
        (2025, ">", 60, "%"),
        (2025, ">=", 24, "%"),
        (2025, "~", 35, "%"),
    ]
    text = (
        "Mục tiêu cụ thể đến năm 2025, cả nước có khoảng 134.000 tổ hợp tác.\n"
        "Tính đến hết năm 2022, trên địa bàn có 140 HTX đang hoạt động, doanh thu ước đạt 3 tỷ đồng/năm.\n"
        "Số hợp tác xã đạt loại tốt chiếm trên 60% tổng số hợp tác xã.\n"
    )
    assert _targets(text) == [(2025, "~", 134000, "THT")]


def test_year_of_a_phấn_đấu_sentence_without_a_year():
    """Order: the section heading's milestone, then the plan's period end, then the nearest
    "đến năm YYYY" above it."""
    head = HEAD.replace("NĂM 2023", "GIAI ĐOẠN 2023 - 2030")
    body = (
        "I. MỤC TIÊU\nMục tiêu tổng quát: phát triển kinh tế tập thể.\n"
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Giai đoạn đến năm 2025\n"
        "- Tăng cường liên kết, phấn đấu có khoảng 35% hợp tác xã liên kết với doanh nghiệp.\n"
        "2. Giải pháp khác\n- Đến năm 2027 hoàn thành số hóa.\n"
        "- Đổi mới quản lý, phấn đấu có trên 50 HTX ứng dụng công nghệ số.\n"
    )
    assert _targets(head + body) == [(2025, "~", 35, "%"), (2030, ">", 50, "HTX")]
    # a results section's "phấn đấu" is no target
    body = "I. KẾT QUẢ THỰC HIỆN NĂM 2022\n- Các HTX phấn đấu và ước đạt 30 HTX loại khá.\n"
    assert _targets(head + body) == []


# --- 07/12/2026 (issue 16, third pass): the classes recorded from fresh2 (c30–c38), on sentences written
# for the test (variants, not the corpus lines), each with cases that must not become targets ---------


def test_units_of_unions_ratios_and_turns_and_counts_in_vạn():
    text = (
        "Mục tiêu cụ thể đến năm 2030 thành lập 2 liên HTX chăn nuôi; có 03 liên hiệp HTX, 1 LH HTX thủy sản; "
        "thu nhập bình quân bằng 2,5 lần năm 2020; đào tạo nghề cho 3.000 lượt người; tạo việc làm cho "
        "1,2 vạn người.\n"
    )
    assert _targets(text) == [
        (2030, "=", 2, "LHHTX"),
        (2030, "=", 3, "LHHTX"),
        (2030, "=", 1, "LHHTX"),
        (2030, "=", 2.5, "lần"),
        (2030, "=", 3000, "lượt"),
        (2030, "=", 12000, "người"),
    ]
    # "liên xã" is a scope, not a union; "lần thứ" is an ordinal
    text = "Mục tiêu cụ thể đến năm 2030 có 5 HTX quy mô liên xã; tổ chức Đại hội lần thứ 3.\n"
    assert _targets(text) == [(2030, "=", 5, "HTX")]


def test_ranges_without_từ_need_rising_bounds_and_a_unit_and_never_span_two_years():
    text = (
        "Mục tiêu cụ thể đến năm 2030 giá trị sản xuất đạt 1.200 - 1.500 tỷ đồng; tăng trưởng 5,5 - 6%/năm; "
        "tạo việc làm cho 1,5 - 2 vạn người, đào tạo 500-700 lượt người.\n"
    )
    assert sorted(_targets(text)) == sorted(
        [
            (2030, "range", 1200000000000, "đồng"),
            (2030, "range", 5.5, "%/năm"),
            (2030, "range", 15000, "người"),
            (2030, "range", 500, "lượt"),
        ]
    )
    d = read_text(text).to_dict()["targets"]
    assert [t["value_max"] for t in d] == [1500000000000, 6, 20000, 700]
    # a period "2026 - 2030", a falling pair and two bare numbers are no range
    text = (
        "Mục tiêu cụ thể đến năm 2030, trong giai đoạn 2026 - 2030 thành lập 40 HTX; mã 15 - 3 không "
        "tính; hỗ trợ 12 - 18.\n"
    )
    assert _targets(text) == [(2030, "=", 40, "HTX")]


def test_trở_lên_binds_to_the_nearest_item_only():
    text = "Mục tiêu cụ thể đến năm 2030 thành lập mới 25 tổ hợp tác và 18 hợp tác xã trở lên.\n"
    assert _targets(text) == [(2030, "=", 25, "THT"), (2030, ">=", 18, "HTX")]
    # "trở lên" after a rating qualifies the rating (the corpus keys' convention, see
    # test_trở_lên_after_a_rating_or_a_level_qualifies_it): the count is exact
    text = "Mục tiêu cụ thể đến năm 2030 có 18 hợp tác xã đạt loại khá trở lên.\n"
    assert _targets(text) == [(2030, "=", 18, "HTX")]


def test_enumeration_comparator_reaches_past_a_bracketed_abbreviation_and_a_qualifier():
    text = (
        "Mục tiêu cụ thể đến năm 2030 có khoảng 150 tổ hợp tác (THT) với 900 thành viên; 320 hợp tác xã (HTX) "
        "với 41.000 thành viên.\n"
    )
    assert _targets(text) == [
        (2030, "~", 150, "THT"),
        (2030, "~", 900, "thành viên"),
        (2030, "~", 320, "HTX"),
        (2030, "~", 41000, "thành viên"),
    ]
    text = "Mục tiêu cụ thể đến năm 2030 có ít nhất 12 HTX trong lĩnh vực dịch vụ và 02 liên hiệp HTX.\n"
    assert _targets(text) == [(2030, ">=", 12, "HTX"), (2030, ">=", 2, "LHHTX")]
    # a verb after the qualifier opens a new statement: nothing is inherited
    text = "Mục tiêu cụ thể đến năm 2030 có ít nhất 12 HTX trong lĩnh vực dịch vụ và thành lập 02 liên hiệp HTX.\n"
    assert _targets(text) == [(2030, ">=", 12, "HTX"), (2030, "=", 2, "LHHTX")]


def test_bracketed_new_foundations_after_a_total_are_targets_of_their_own():
    """In "khoảng 180 THT với 500 thành viên (thành lập mới từ 10 - 12 THT)": the bracket opens with a verb,
    so it is a target of its own with its own comparator (the key of c32 reads it so); the
    enumeration's "khoảng" goes on after it. A breakdown or a baseline in brackets stays out."""
    text = (
        "Mục tiêu cụ thể đến năm 2030 có khoảng 180 tổ hợp tác với 500 thành viên (thành lập mới từ 10 - 12 THT); "
        "410 HTX với 9.000 thành viên (trong đó phát triển mới 25 HTX); 03 liên hiệp HTX (thành lập mới 01 "
        "liên hiệp HTX).\n"
    )
    assert _targets(text) == [
        (2030, "~", 180, "THT"),
        (2030, "~", 500, "thành viên"),
        (2030, "range", 10, "THT"),
        (2030, "~", 410, "HTX"),
        (2030, "~", 9000, "thành viên"),
        (2030, "=", 25, "HTX"),
        (2030, "~", 3, "LHHTX"),
        (2030, "=", 1, "LHHTX"),
    ]
    text = (
        "Mục tiêu cụ thể đến năm 2030 có 210 HTX (130 HTX nông nghiệp, 80 HTX phi nông nghiệp); 95 THT "
        "(hiện có 60 THT).\n"
    )
    assert _targets(text) == [(2030, "=", 210, "HTX"), (2030, "=", 95, "THT")]


def test_a_limit_to_avoid_is_not_a_target():
    text = (
        "Mục tiêu cụ thể đến năm 2030 hạn chế việc thành lập nhiều hơn 2 HTX cùng ngành nghề trên một xã và "
        "100% HTX mới đăng ký đúng quy định; tránh để quá 3 tổ hợp tác trên một thôn.\n"
    )
    assert _targets(text) == [(2030, "=", 100, "%")]


def test_summary_lead_ins_other_than_phấn_đấu():
    # "đề ra mục tiêu năm YYYY …": its ';'-clauses, with the year it names
    text = (
        "Huyện Ba Tơ đề ra mục tiêu năm 2026 sẽ có 150 HTX; hướng dẫn thành lập mới 12 HTX; số thành viên "
        "là 9.500 thành viên; doanh thu bình quân khoảng 2,4 tỷ đồng/HTX.\n"
        "UBND huyện ban hành Kế hoạch số 77, ngày 12/8/2025 với mục tiêu củng cố các HTX hiện có.\n"
    )
    assert _targets(text) == [
        (2026, "=", 150, "HTX"),
        (2026, "=", 12, "HTX"),
        (2026, "=", 9500, "thành viên"),
        (2026, "~", 2400000000, "đồng/HTX"),
    ]
    # "Mục tiêu trong N năm tới": the paragraphs after it that state targets, past a sub-heading line
    text = (
        "Mục tiêu trong 3 năm tới, tỉnh không còn xã trắng về hợp tác xã; góp phần giảm nghèo.\n"
        "Đến năm 2028 thu nhập của thành viên các HTX bằng 2 lần so với năm 2024 (năm 2024 đạt 4 triệu "
        "đồng/người/tháng).\n"
        "Ngành nghề nông thôn\n"
        "Giá trị sản xuất ngành nghề đạt 500 - 650 tỷ đồng; mỗi năm đào tạo nghề từ 1.000 - 1.200 lượt người.\n"
        "Để làm được điều đó, tỉnh tập trung đổi mới quản lý.\n"
        "Tỉnh hiện có 35 làng nghề được công nhận.\n"
    )
    assert _targets(text) == [
        (2028, "=", 2, "lần"),
        (2028, "range", 500000000000, "đồng"),
        (2028, "range", 1000, "lượt"),
    ]
    # "… một số mục tiêu … như: Hằng năm …" before "Phấn đấu đến năm 2027": the horizon named below
    text = (
        "Theo đó, Kế hoạch đặt ra một số mục tiêu như: Hằng năm thành lập mới 8 hợp tác xã (HTX). Hạn chế "
        "việc thành lập nhiều hơn 2 HTX cùng ngành trên một xã và 100% HTX mới được tập huấn.\n"
        "Phấn đấu đến năm 2027, toàn tỉnh có trên 60 HTX hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [(2027, "=", 8, "HTX"), (2027, "=", 100, "%"), (2027, ">", 60, "HTX")]


def test_summary_lead_ins_that_give_no_target():
    # a general aim, a programme's name, a law's number, a period and a result are no targets
    text = (
        "Kế hoạch đề ra mục tiêu tổng quát là phát triển kinh tế tập thể bền vững.\n"
        "Tỉnh đặt mục tiêu tiếp tục thực hiện Đề án phát triển 15.000 HTX nông nghiệp, Luật Hợp tác xã số 17 "
        "trong giai đoạn 2026 - 2030.\n"
        "Mục tiêu trong 5 năm tới, tỉnh đổi mới các HTX.\n"
        "Tính đến ngày 30/6/2025, toàn tỉnh có 210 HTX, ước đạt 95% kế hoạch.\n"
    )
    assert _targets(text) == []
    # in a plan with numbered sections only "phấn đấu" is read outside its "Mục tiêu cụ thể" part
    text = HEAD + (
        "I. MỤC TIÊU CỤ THỂ NĂM 2023\n- Thành lập mới 10 hợp tác xã.\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp\nSở đề ra mục tiêu hỗ trợ 5 hợp tác xã mỗi năm.\n"
    )
    assert _targets(text) == [(2023, "=", 10, "HTX")]


def test_year_of_a_summary_lead_in_named_in_its_sentence():
    text = (
        "Bên cạnh đó, Kế hoạch cũng nêu các mục tiêu cụ thể trong năm 2026 như phấn đấu có khoảng 90 tổ hợp "
        "tác (THT) với 400 thành viên.\n"
    )
    assert _targets(text) == [(2026, "~", 90, "THT"), (2026, "~", 400, "thành viên")]
    text = (
        "Các HTX dần được trẻ hóa. Năm 2026 Hội Nông dân đặt mục tiêu phấn đấu thành lập mới 15 tổ hợp tác "
        "và 9 HTX trở lên; tiếp tục tuyên truyền.\n"
    )
    assert _targets(text) == [(2026, "=", 15, "THT"), (2026, ">=", 9, "HTX")]
    # a comparison base is not the targets' year
    text = "Liên minh HTX đặt mục tiêu doanh thu bình quân của HTX tăng 8% so với năm 2025.\n"
    assert _targets(text) == [(None, "=", 8, "%")]


def test_sentences_after_a_summary_lead_in_sentence_go_on_while_they_state_targets():
    text = (
        "Năm 2026, tỉnh phấn đấu thành lập mới 20 HTX. Doanh thu bình quân của HTX tăng tối thiểu 12% so "
        "với năm 2025. Tỷ lệ cán bộ quản lý HTX có trình độ đại học đạt 40%. Năm 2025 toàn tỉnh có 140 HTX.\n"
    )
    assert _targets(text) == [(2026, "=", 20, "HTX"), (2026, ">=", 12, "%"), (2026, "=", 40, "%")]
    # a sentence without a target ends them: what follows is description
    text = (
        "Năm 2026, tỉnh phấn đấu thành lập mới 20 HTX. Các HTX được hỗ trợ vay vốn ưu đãi. Mỗi HTX có "
        "khoảng 30 thành viên.\n"
    )
    assert _targets(text) == [(2026, "=", 20, "HTX")]


# --- 07/12/2026 (issue 16, fourth pass; fresh2 released for tuning): per-year targets ------------------


def test_a_summary_sentence_opening_with_mỗi_năm_states_per_year_targets():
    """ "Mỗi năm thành lập mới 12 HTX" / "Bình quân mỗi năm phát triển mới 25 tổ hợp tác" in a summary are
    targets (the plan's horizon named in the text is their year) even without "phấn đấu" or "mục tiêu"."""
    text = (
        "Các hợp tác xã được củng cố. Bình quân mỗi năm phát triển mới 25 tổ hợp tác và 12 hợp tác xã.\n"
        "Đến năm 2030, toàn tỉnh có khoảng 400 HTX.\n"
    )
    # the horizon's sentence goes on the list (a summary's sentences go on while they state targets)
    assert _targets(text) == [(2030, "=", 25, "THT"), (2030, "=", 12, "HTX"), (2030, "~", 400, "HTX")]
    # without a horizon in the text the year is left for the reviewer
    text = "Hằng năm, đào tạo, bồi dưỡng cho 600 lượt cán bộ hợp tác xã.\n"
    assert _targets(text) == [(None, "=", 600, "lượt")]


def test_mỗi_năm_that_gives_no_target():
    """A budget each year, the past ("mỗi năm qua") and "mỗi năm" inside a sentence that is no lead-in
    give no target; a plan with numbered sections reads "Mỗi năm" only inside its targets part."""
    text = (
        "Hằng năm, tỉnh bố trí 2 tỷ đồng hỗ trợ hợp tác xã.\n"
        "Mỗi năm qua, toàn tỉnh thành lập mới 15 HTX.\n"
        "Các HTX tổ chức đại hội, mỗi năm tăng 5 thành viên.\n"
    )
    assert _targets(text) == []
    text = HEAD + (
        "I. MỤC TIÊU CỤ THỂ NĂM 2023\n- Thành lập mới 10 hợp tác xã.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n1. Đào tạo\nMỗi năm tổ chức đào tạo cho 200 lượt cán bộ.\n"
    )
    assert _targets(text) == [(2023, "=", 10, "HTX")]


def test_a_growth_rate_each_year_is_a_rate_per_year():
    """ "tăng bình quân mỗi năm 8%", "mỗi năm tăng 6%", "tăng 5% mỗi năm" are "%/năm" like "8%/năm"; a
    share reached each year ("mỗi năm có 100% HTX mới …") or a growth without a yearly word stays "%"."""
    text = (
        "Mục tiêu cụ thể đến năm 2030: doanh thu của HTX tăng bình quân mỗi năm 8%; số thành viên mỗi năm "
        "tăng 6%; thu nhập của người lao động tăng 5% mỗi năm; lợi nhuận tăng 10% so với năm 2025; mỗi năm "
        "có 100% HTX thành lập mới được tập huấn.\n"
    )
    assert _targets(text) == [
        (2030, "=", 8, "%/năm"),
        (2030, "=", 6, "%/năm"),
        (2030, "=", 5, "%/năm"),
        (2030, "=", 10, "%"),
        (2030, "=", 100, "%"),
    ]


def test_a_comparator_stated_once_before_a_list_covers_each_item():
    """ "khoảng" carried over a list: "… có khoảng: 120 tổ hợp tác; 300 hợp tác xã" and a lead line
    ending "có khoảng:" / "có tối thiểu:" above "- 120 tổ hợp tác;" items give each item that comparator —
    in a summary, after a run-in "Mục tiêu cụ thể … :" line, and in a plan's targets section. An item
    with its own comparator keeps it."""
    text = "Năm 2026, tỉnh phấn đấu có khoảng: 120 tổ hợp tác; 300 hợp tác xã; 3 liên hiệp hợp tác xã.\n"
    assert _targets(text) == [(2026, "~", 120, "THT"), (2026, "~", 300, "HTX"), (2026, "~", 3, "LHHTX")]
    text = "Phấn đấu đến năm 2030 có khoảng:\n- 120 tổ hợp tác;\n- 300 hợp tác xã;\n- trên 3 liên hiệp hợp tác xã.\n"
    assert _targets(text) == [(2030, "~", 120, "THT"), (2030, "~", 300, "HTX"), (2030, ">", 3, "LHHTX")]
    text = "Mục tiêu cụ thể đến năm 2030 như sau, có ít nhất:\n- 120 tổ hợp tác;\n- 300 hợp tác xã.\n"
    assert _targets(text) == [(2030, ">=", 120, "THT"), (2030, ">=", 300, "HTX")]
    text = HEAD + (
        "I. MỤC TIÊU CỤ THỂ NĂM 2023\n- Phấn đấu có tối thiểu:\n- 120 tổ hợp tác;\n- 300 hợp tác xã.\n"
        "II. NHIỆM VỤ\n"
    )
    assert _targets(text) == [(2023, ">=", 120, "THT"), (2023, ">=", 300, "HTX")]


def test_a_list_without_a_comparator_word_before_it_carries_none():
    """Negative cases: "như sau:" or "đạt:" before the items, an item with a lead-in of its own
    ("- Thành lập mới 10 HTX"), and items after a plain paragraph stay "="."""
    text = HEAD + (
        "I. MỤC TIÊU CỤ THỂ NĂM 2023\n- Tổng số tổ chức kinh tế tập thể như sau:\n- 120 tổ hợp tác;\n"
        "- 300 hợp tác xã.\n- Số HTX đạt:\n- 40 hợp tác xã loại khá.\n"
        "- Phấn đấu có khoảng:\n- 50 tổ hợp tác;\n- Thành lập mới 10 HTX.\nII. NHIỆM VỤ\n"
    )
    assert _targets(text) == [
        (2023, "=", 120, "THT"),
        (2023, "=", 300, "HTX"),
        (2023, "=", 40, "HTX"),
        (2023, "~", 50, "THT"),
        (2023, "=", 10, "HTX"),
    ]


def test_milestones_periods_and_chỉ_tiêu_in_a_lead_in_sentence():
    """A milestone named before a clause's first quantity is that clause's year ("…; đến năm 2030 có 1.500
    HTX"); a lead-in's "giai đoạn 2021 - 2025" gives 2025; "đặt/đề ra/giao chỉ tiêu" is a lead-in like
    "đặt mục tiêu"."""
    text = "Tỉnh phấn đấu đến năm 2025 có 1.200 HTX; đến năm 2030 có 1.500 HTX.\n"
    assert _targets(text) == [(2025, "=", 1200, "HTX"), (2030, "=", 1500, "HTX")]
    assert _targets("Phấn đấu trong giai đoạn 2021-2025 thành lập mới 100 HTX.\n") == [(2025, "=", 100, "HTX")]
    assert _targets("Năm 2024, tỉnh đặt chỉ tiêu thành lập mới 20 HTX.\n") == [(2024, "=", 20, "HTX")]
    text = "Kế hoạch giao chỉ tiêu đến năm 2025 thành lập mới 20 HTX, nâng tổng số HTX lên 300 HTX.\n"
    assert _targets(text) == [(2025, "=", 20, "HTX"), (2025, "=", 300, "HTX")]


def test_a_comparison_base_or_a_later_milestone_does_not_move_the_year():
    """Negative cases: "so với năm 2020" and a milestone named after the quantity keep the clause's year;
    "chỉ tiêu tổng quát" is no lead-in; a period in a plan's targets section does not move its year."""
    text = "Tỉnh phấn đấu đến năm 2025 có 1.200 HTX, tăng 20% so với năm 2020; 300 THT hoạt động đến năm 2030.\n"
    assert _targets(text) == [(2025, "=", 1200, "HTX"), (2025, "=", 20, "%"), (2025, "=", 300, "THT")]
    assert _targets("Kế hoạch đặt chỉ tiêu tổng quát là phát triển 30 năm bền vững.\n") == []
    text = HEAD + "I. MỤC TIÊU CỤ THỂ NĂM 2023\n- Thành lập mới 10 hợp tác xã trong giai đoạn 2021 - 2025.\n"
    assert _targets(text) == [(2023, "=", 10, "HTX")]


def test_ranges_written_with_đến_and_the_rank_of_counted_products():
    """ "35 đến 40 HTX" without "từ" is a range like "35 - 40 HTX"; in "20 sản phẩm OCOP đạt 3 sao trở lên"
    the target is the 20 products, the stars are their rank; a star rank alone is a target."""
    text = "Phấn đấu đến năm 2025 nâng hạng 2 sản phẩm lên 4 sao; có 35 đến 40 HTX ứng dụng công nghệ cao.\n"
    assert _targets(text) == [(2025, "=", 2, "sản phẩm"), (2025, "range", 35, "HTX")]
    text = "Phấn đấu đến năm 2025 có 20 sản phẩm OCOP của HTX đạt 3 sao trở lên.\n"
    assert _targets(text) == [(2025, "=", 20, "sản phẩm")]
    assert _targets("Phấn đấu đến năm 2025 có sản phẩm của HTX đạt 4 sao.\n") == [(2025, "=", 4, "sao")]


def test_a_period_written_từ_year_đến_year_is_no_range_target():
    """Negative case: "từ 2021 đến 2025" is a period (it gave a range target without a unit); a range of
    members "từ 1500 đến 2000 thành viên" is still one."""
    text = "Phấn đấu đến năm 2030 thành lập từ 2021 đến 2025 là 20 HTX; có từ 1500 đến 2000 thành viên.\n"
    assert _targets(text) == [(2030, "=", 20, "HTX"), (2030, "range", 1500, "thành viên")]


def _ranges(text):
    return [
        (t["year"], t["comparator"], t["value"], t["value_max"], t["unit"])
        for t in read_text(text).to_dict()["targets"]
    ]


def test_ranges_with_any_dash_a_percent_on_each_bound_or_the_unit_on_each_bound():
    """Ranges as summaries and plans write them: "150 – 180 tổ hợp tác" (en dash), "60—70 HTX" (em dash),
    "01 ‑ 02 liên hiệp HTX" (non-breaking hyphen), "6% - 8%/năm" (a "%" on each bound: it gave "~ 6 %" and
    "= 8 %/năm"), "từ 40 HTX đến 50 HTX" and "từ 2 tỷ đồng đến 3 tỷ đồng" (the unit on each bound: it gave
    ">= 40" and "= 50"). Negative cases: two quantities joined by a dash ("giảm 5% - 10 HTX yếu kém"), bounds
    with two different units, a falling pair and a period stay what they were."""
    text = (
        "Mục tiêu cụ thể đến năm 2025: thành lập mới 150 – 180 tổ hợp tác, 60—70 HTX, 01 ‑ 02 liên hiệp HTX; "
        "doanh thu bình quân của HTX tăng 6% - 8%/năm, thu nhập của thành viên tăng 5%—7%/năm; sáp nhập từ 40 "
        "HTX đến 50 HTX; giá trị sản xuất từ 2 tỷ đồng đến 3 tỷ đồng.\n"
    )
    assert _ranges(text) == [
        (2025, "range", 150, 180, "THT"),
        (2025, "range", 60, 70, "HTX"),
        (2025, "range", 1, 2, "LHHTX"),
        (2025, "range", 6, 8, "%/năm"),
        (2025, "range", 5, 7, "%/năm"),
        (2025, "range", 40, 50, "HTX"),
        (2025, "range", 2000000000, 3000000000, "đồng"),
    ]
    text = (
        "Mục tiêu cụ thể đến năm 2025: tỷ lệ HTX yếu kém giảm 5% - 10 HTX được củng cố; sáp nhập từ 40 HTX "
        "đến 50 tổ hợp tác; chuyển đổi từ 60 HTX - 40 HTX; giai đoạn 2021 – 2025 thành lập 12 HTX.\n"
    )
    assert _ranges(text) == [
        (2025, "=", 5, None, "%"),
        (2025, "=", 10, None, "HTX"),
        (2025, ">=", 40, None, "HTX"),
        (2025, "=", 50, None, "THT"),
        (2025, ">=", 60, None, "HTX"),
        (2025, "=", 40, None, "HTX"),
        (2025, "=", 12, None, "HTX"),
    ]


def test_plain_paragraphs_under_a_mục_tiêu_cụ_thể_line_ending_in_a_colon():
    """A summary's "Theo kế hoạch, mục tiêu cụ thể đến năm 2025:" followed by plain paragraphs (not "- "
    items) gave no target: they are read while each states a quantity, with the line's milestone, and
    "- " items flattened into the last paragraph ("… 3%/năm. - HTX hoạt động …") are clauses of their own.
    Negative case: the paragraph that states no quantity ends them; the count of today after it is no
    target."""
    text = (
        "Ngày 28/9, UBND tỉnh có quyết định phê duyệt Kế hoạch phát triển kinh tế tập thể giai đoạn 2021 – 2025.\n\n"
        "Theo kế hoạch, mục tiêu cụ thể đến năm 2025:\n\n"
        "Thành lập mới khoảng 120 - 150 THT, 80 - 100 HTX.\n\n"
        "Lãi bình quân của HTX tăng khoảng 2% - 3%/năm. - HTX hoạt động có hiệu quả đạt trên 60% so với tổng số "
        "HTX.\n\n"
        "Để đạt các mục tiêu trên, tỉnh tập trung tuyên truyền, nâng cao nhận thức về kinh tế tập thể.\n\n"
        "Toàn tỉnh có 412 HTX với 25.000 thành viên.\n"
    )
    got = read_text(text).to_dict()["targets"]
    assert [(t["year"], t["comparator"], t["value"], t["value_max"], t["unit"]) for t in got] == [
        (2025, "range", 120, 150, "THT"),
        (2025, "range", 80, 100, "HTX"),
        (2025, "range", 2, 3, "%/năm"),
        (2025, ">", 60, None, "%"),
    ]
    assert got[-1]["text"].startswith("- HTX hoạt động")


# --- 07/12/2026 afternoon (issue 16, fifth pass; fresh3 released for tuning) ------------------------------


def test_a_phấn_đấu_sentence_without_a_year_takes_the_period_named_above_it():
    """A summary states its plan's period in its title line or first sentence ("… giai đoạn 2023 – 2026"); a
    "Phấn đấu …" sentence below without a year of its own had none. Negative case: a period in a sentence
    telling what was done ("Trong giai đoạn 2016 - 2020, tỉnh đã thành lập …") is no horizon."""
    text = (
        "Kế hoạch củng cố, phát triển hợp tác xã nông nghiệp giai đoạn 2023 – 2026\n"
        "Kế hoạch nhằm nâng cao hiệu quả hoạt động của các hợp tác xã nông nghiệp trên địa bàn tỉnh.\n"
        "Phấn đấu toàn tỉnh có trên 300 hợp tác xã nông nghiệp; có 75% số hợp tác xã hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [(2026, ">", 300, "HTX"), (2026, "=", 75, "%")]
    text = (
        "Trong giai đoạn 2016 - 2020, tỉnh đã thành lập 40 hợp tác xã nông nghiệp.\n"
        "Phấn đấu toàn tỉnh có trên 300 hợp tác xã nông nghiệp.\n"
    )
    assert _targets(text) == [(None, ">", 300, "HTX")]


def test_an_intention_with_a_verb_of_founding_states_a_summarys_target():
    """ "Năm 2027, Hội Nông dân tỉnh xác định thành lập ít nhất 15 HTX" and "trong giai đoạn 2023 - 2026, tỉnh
    sẽ tiến hành sáp nhập từ 30 đến 40 hợp tác xã" state targets without "phấn đấu" or "mục tiêu" (they gave
    none). Negative cases: a support budget ("sẽ hỗ trợ 2 tỷ đồng"), what was done in the year before, and an
    intention without a number give none."""
    text = (
        "Năm 2026, toàn tỉnh đã thành lập mới 85 HTX với 454 thành viên.\n"
        "Năm 2027, Hội Nông dân tỉnh xác định thành lập ít nhất 15 HTX; tăng cường hỗ trợ HTX chuyển đổi số.\n"
    )
    assert _targets(text) == [(2027, ">=", 15, "HTX")]
    text = (
        "Tỉnh cho biết, trong giai đoạn 2023 - 2026, tỉnh sẽ tiến hành sáp nhập từ 30 đến 40 hợp tác xã quy mô "
        "thôn thành hợp tác xã quy mô lớn.\n"
    )
    assert _ranges(text) == [(2026, "range", 30, 40, "HTX")]
    text = (
        "Trong năm 2027, tỉnh sẽ hỗ trợ 2 tỷ đồng cho các hợp tác xã. Tỉnh xác định phát triển hợp tác xã là "
        "nhiệm vụ trọng tâm.\n"
    )
    assert _targets(text) == []


def test_a_peoples_credit_fund_is_a_unit_and_the_items_of_a_count_of_today_are_no_targets():
    """ "2 quỹ tín dụng nhân dân trở lên" was read without a unit; it is counted as "QTDND" (as HTX, THT),
    the words as written kept in unit_text. Negative case: "hiện có 412 tổ hợp tác, 150 hợp tác xã" after the
    targets — the second item of a count of today was read as a target (the first was a baseline)."""
    text = (
        "Tỉnh phấn đấu đến năm 2027 sẽ thành lập mới 120 - 150 tổ hợp tác; 2 quỹ tín dụng nhân dân trở lên; "
        "có trên 60% hợp tác xã làm ăn có lãi.\n"
        "Tỉnh hiện có 412 tổ hợp tác, 150 hợp tác xã và 4 quỹ tín dụng nhân dân, tạo việc làm cho nhiều lao động.\n"
    )
    got = read_text(text).to_dict()["targets"]
    assert [(t["year"], t["comparator"], t["value"], t["unit"]) for t in got] == [
        (2027, "range", 120, "THT"),
        (2027, ">=", 2, "QTDND"),
        (2027, ">", 60, "%"),
    ]
    assert got[1]["unit_text"] == "quỹ tín dụng nhân dân"


def test_a_share_of_a_total_with_trở_lên_before_the_total():
    """ "chiếm từ 70% trở lên trong tổng số HTX" is a share to reach (it gave nothing); a share describing a
    population ("chiếm trên 80% dân số") is still none."""
    text = "Phấn đấu đến năm 2027, số HTX đạt loại tốt, khá chiếm từ 70% trở lên trong tổng số HTX của tỉnh.\n"
    assert _targets(text) == [(2027, ">=", 70, "%")]
    text = "Phấn đấu đến năm 2027 thành lập 12 HTX ở vùng đồng bào dân tộc thiểu số chiếm từ 80% trở lên dân số.\n"
    assert _targets(text) == [(2027, "=", 12, "HTX")]


def test_an_objective_without_numbers_between_two_sentences_of_targets_is_passed_over():
    """ "Đến năm 2040: Phấn đấu … tối thiểu 25% …. Nâng cao chất lượng …. Bảo đảm trên 85% …": the target after
    the objective without numbers was missed. Negative cases: a description or what was done between them
    still ends the targets."""
    text = (
        "Đến năm 2040: Phấn đấu thu hút tối thiểu 25% dân số tham gia kinh tế tập thể. Nâng cao chất lượng "
        "hoạt động của các tổ chức kinh tế tập thể. Bảo đảm trên 85% tổ chức kinh tế tập thể hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [(2040, ">=", 25, "%"), (2040, ">", 85, "%")]
    text = (
        "Năm 2027, tỉnh phấn đấu thành lập mới 20 HTX. Các HTX được hỗ trợ vay vốn ưu đãi. Bảo đảm 90% HTX có "
        "kế toán.\n"
    )
    assert _targets(text) == [(2027, "=", 20, "HTX")]
    text = (
        "Năm 2027, tỉnh phấn đấu thành lập mới 20 HTX. Xây dựng đã hoàn thành nhiều mô hình. Bảo đảm 90% HTX có "
        "kế toán.\n"
    )
    assert _targets(text) == [(2027, "=", 20, "HTX")]


def test_targets_for_2030_in_the_same_sentence_as_2025():
    """ "… đến năm 2025 có 1.200 HTX, đến năm 2030 có trên 1.500 HTX với 200.000 thành viên" gave every target
    2025 (the milestone after a comma, inside one clause, was not read); "đạt 50% và đến năm 2030 đạt 70%"
    likewise; "60 triệu đồng/người/năm vào năm 2025, 80 triệu … vào năm 2030" gave both the clause's year.
    Negative cases: a comparison base ("so với năm 2020") and "hoạt động đến năm 2030" after a quantity move
    nothing."""
    text = "Tỉnh phấn đấu đến năm 2025 có 1.200 HTX, đến năm 2030 có trên 1.500 HTX với 200.000 thành viên.\n"
    assert _targets(text) == [(2025, "=", 1200, "HTX"), (2030, ">", 1500, "HTX"), (2030, ">", 200000, "thành viên")]
    text = (
        "Phấn đấu đến năm 2025, tỷ lệ HTX hoạt động hiệu quả đạt 50% và đến năm 2030 đạt 70%; thu nhập của thành "
        "viên đạt 60 triệu đồng/người/năm vào năm 2025, 80 triệu đồng/người/năm vào năm 2030.\n"
    )
    assert _targets(text) == [
        (2025, "=", 50, "%"),
        (2030, "=", 70, "%"),
        (2025, "=", 60000000, "đồng/người/năm"),
        (2030, "=", 80000000, "đồng/người/năm"),
    ]
    text = "Tỉnh phấn đấu đến năm 2025 có 1.200 HTX, tăng 20% so với năm 2020, 300 THT hoạt động đến năm 2030.\n"
    assert _targets(text) == [(2025, "=", 1200, "HTX"), (2025, "=", 20, "%"), (2025, "=", 300, "THT")]


def test_support_levels_and_budgets_are_not_targets_but_revenue_is():
    """A support level or a budget in a targets section ("hỗ trợ mỗi HTX thành lập mới 30 triệu đồng", "bố trí
    kinh phí 2 tỷ đồng", "mức hỗ trợ tối đa 50 triệu đồng/HTX", as HĐND resolutions on support policies write
    them) became a target; money given is the plan's budget, not a level to reach. Revenue and income stay
    targets."""
    text = (
        "Mục tiêu cụ thể đến năm 2027: thành lập mới 30 HTX; hỗ trợ mỗi HTX thành lập mới 30 triệu đồng; bố trí "
        "kinh phí 2 tỷ đồng hỗ trợ HTX; doanh thu bình quân đạt 1,5 tỷ đồng/HTX/năm; mức hỗ trợ tối đa 50 triệu "
        "đồng/HTX; thu nhập của người lao động đạt 60 triệu đồng/người/năm.\n"
    )
    assert _targets(text) == [
        (2027, "=", 30, "HTX"),
        (2027, "=", 1500000000, "đồng/HTX/năm"),
        (2027, "=", 60000000, "đồng/người/năm"),
    ]


def test_milestones_written_đến_hết_năm_or_đến_cuối_năm():
    """ "Phấn đấu đến hết năm 2025 có 1.200 HTX; đến cuối năm 2030 có 1.500 HTX" gave the second target 2025:
    "đến hết năm" / "đến cuối năm" are milestones like "đến năm". Negative case: "cuối năm" without "đến"
    after a quantity ("… 20 HTX, cuối năm 2024 có …" in a result) moves nothing."""
    text = "Phấn đấu đến hết năm 2025 có 1.200 HTX; đến cuối năm 2030 có 1.500 HTX.\n"
    assert _targets(text) == [(2025, "=", 1200, "HTX"), (2030, "=", 1500, "HTX")]
    text = "Phấn đấu đến hết năm 2025 có 1.200 HTX, đến hết năm 2030 có trên 1.500 HTX.\n"
    assert _targets(text) == [(2025, "=", 1200, "HTX"), (2030, ">", 1500, "HTX")]
    text = "Phấn đấu đến năm 2026 thành lập mới 20 HTX, cuối năm 2030 hoàn thành việc chuyển đổi.\n"
    assert _targets(text) == [(2026, "=", 20, "HTX")]


def test_a_summarys_table_of_targets_and_a_tables_columns_of_results():
    """A "|" table under a summary's "… đặt ra các chỉ tiêu cụ thể như sau:" gave nothing (tables were read in a
    plan's targets section only); a plan's table with a column "Thực hiện năm 2025" (or "Ước TH 2025", or the
    year before the plan's first) beside "Kế hoạch năm 2026" gave the results as targets. Negative cases: a
    table under a sentence announcing results, and the result columns, give none."""
    text = (
        "Theo Kế hoạch, tỉnh đặt ra các chỉ tiêu cụ thể như sau:\n"
        "| Chỉ tiêu | ĐVT | Năm 2025 | Năm 2030 |\n| Số HTX thành lập mới | HTX | 40 | 100 |\n"
        "| Tỷ lệ HTX khá, tốt | % | 60 | 75 |\nNăm 2024 toàn tỉnh có 300 HTX.\n"
    )
    assert _targets(text) == [(2025, "=", 40, "HTX"), (2030, "=", 100, "HTX"), (2025, "=", 60, "%"), (2030, "=", 75, "%")]
    text = (
        "Kết quả thực hiện các chỉ tiêu cụ thể năm 2024 như sau:\n"
        "| Chỉ tiêu | ĐVT | Năm 2024 |\n| Số HTX thành lập mới | HTX | 35 |\n"
    )
    assert _targets(text) == []
    plan = HEAD.replace("NĂM 2023", "NĂM 2026").replace("năm 2022", "năm 2025") + (
        "I. MỤC TIÊU CỤ THỂ\n"
        "| STT | Chỉ tiêu | ĐVT | Thực hiện năm 2025 | Ước TH 2025 | Năm 2025 | Kế hoạch năm 2026 |\n"
        "| 1 | Số HTX | HTX | 300 | 305 | 302 | 320 |\n| 2 | Số THT | THT | 500 | 505 | 502 | 520 |\n"
    )
    assert _targets(plan) == [(2026, "=", 320, "HTX"), (2026, "=", 520, "THT")]


def test_chỉ_tiêu_lead_ins_of_a_summary():
    """ "Các chỉ tiêu chủ yếu đến năm 2030: …", "Chỉ tiêu đến năm 2030: …", "Chỉ tiêu năm 2026: …" announce a
    summary's targets like "chỉ tiêu cụ thể" (they gave none). Negative case: "đạt 98% chỉ tiêu năm 2024" is a
    result."""
    text = "Các chỉ tiêu chủ yếu đến năm 2030: có 1.500 HTX, 3.000 THT.\n"
    assert _targets(text) == [(2030, "=", 1500, "HTX"), (2030, "=", 3000, "THT")]
    text = "Chỉ tiêu đến năm 2030: toàn tỉnh có 1.500 HTX; 80% HTX hoạt động hiệu quả.\n"
    assert _targets(text) == [(2030, "=", 1500, "HTX"), (2030, "=", 80, "%")]
    text = (
        "Năm 2024, toàn tỉnh thành lập mới 40 HTX, đạt 98% chỉ tiêu năm 2024.\n"
        "Chỉ tiêu năm 2026: thành lập mới 35 HTX.\n"
    )
    assert _targets(text) == [(2026, "=", 35, "HTX")]


def test_a_count_written_with_commas_grouping_thousands():
    """Websites in English style write "1,500 HTX", "150,000 thành viên": read as 1.5 HTX and 150 members. A
    count of whole things has no fraction, so a comma grouping three digits there groups thousands. Negative
    cases: money ("1,500 tỷ đồng" is 1.5 billion), a multiplier ("1,5 triệu thành viên") and a percentage keep
    the decimal comma."""
    text = (
        "Phấn đấu đến năm 2030 có 1,500 HTX với 150,000 thành viên; 1,500 - 2,000 THT; doanh thu 1,500 tỷ đồng; "
        "thu hút 1,5 triệu thành viên; doanh thu tăng 2,5%/năm.\n"
    )
    assert _ranges(text) == [
        (2030, "=", 1500, None, "HTX"),
        (2030, "=", 150000, None, "thành viên"),
        (2030, "range", 1500, 2000, "THT"),
        (2030, "=", 1500000000, None, "đồng"),
        (2030, "=", 1500000, None, "thành viên"),
        (2030, "=", 2.5, None, "%/năm"),
    ]


def test_percentage_points_are_a_unit_of_their_own():
    """ "tăng 10 điểm phần trăm so với năm 2025" gave the unit "điểm" (a score); it is "điểm phần trăm" (also
    written "điểm %"). Negative case: the score of a rating ("đạt từ 80 điểm trở lên") is still no target."""
    text = (
        "Phấn đấu năm 2026 có 30% HTX ứng dụng chuyển đổi số, tăng 10 điểm phần trăm so với năm 2025; tỷ lệ HTX "
        "khá, tốt tăng 5 điểm %.\n"
    )
    assert _targets(text) == [(2026, "=", 30, "%"), (2026, "=", 10, "điểm phần trăm"), (2026, "=", 5, "điểm phần trăm")]
    text = "Phấn đấu năm 2026 có 40 HTX được đánh giá xếp loại Tốt, đạt từ 80 điểm trở lên.\n"
    assert _targets(text) == [(2026, "=", 40, "HTX")]


def test_a_section_titled_chỉ_tiêu_holds_the_plans_targets():
    """ "1. Chỉ tiêu" under "II. NHIỆM VỤ VÀ CHỈ TIÊU NĂM 2026" and "II. CHỈ TIÊU KẾ HOẠCH NĂM 2026" gave no
    target (only "Mục tiêu cụ thể" / "Các chỉ tiêu" sections were read). Negative case: a section of results
    ("II. CHỈ TIÊU THỰC HIỆN NĂM 2025") gives none."""
    head = HEAD.replace("NĂM 2023", "NĂM 2026").replace("năm 2022", "năm 2025")
    text = head + (
        "I. ĐÁNH GIÁ TÌNH HÌNH NĂM 2025\nNăm 2025 thành lập mới 18 HTX.\nII. NHIỆM VỤ VÀ CHỈ TIÊU NĂM 2026\n"
        "1. Chỉ tiêu\n- Thành lập mới 20 HTX.\n- Có 70% HTX khá, tốt.\n2. Nhiệm vụ\n- Tuyên truyền về hợp tác xã.\n"
    )
    assert _targets(text) == [(2026, "=", 20, "HTX"), (2026, "=", 70, "%")]
    text = head + "II. CHỈ TIÊU KẾ HOẠCH NĂM 2026\n- Thành lập mới 20 HTX.\n- Có 70% HTX khá, tốt.\n"
    assert _targets(text) == [(2026, "=", 20, "HTX"), (2026, "=", 70, "%")]
    text = head + (
        "II. CHỈ TIÊU THỰC HIỆN NĂM 2025\n- Thành lập mới 18 HTX.\nIII. MỤC TIÊU CỤ THỂ NĂM 2026\n"
        "- Thành lập mới 20 HTX.\n"
    )
    assert _targets(text) == [(2026, "=", 20, "HTX")]


def test_the_count_of_an_earlier_year_in_a_targets_item_is_no_target():
    """ "Năm 2025 toàn tỉnh có 300 HTX, năm 2026 tăng lên 320 HTX" in a plan for 2026 gave 300 as a target, and
    so did a base "so với năm 2025 có 300 HTX". Negative cases: a milestone ("Đến năm 2026 có 320 HTX") and a
    count of the targets' year stay targets."""
    head = HEAD.replace("NĂM 2023", "NĂM 2026").replace("năm 2022", "năm 2025") + "I. MỤC TIÊU CỤ THỂ\n"
    text = head + "- Năm 2025 toàn tỉnh có 300 HTX, năm 2026 tăng lên 320 HTX.\n"
    assert _targets(text) == [(2026, "=", 320, "HTX")]
    text = head + "- Năm 2026 có 320 HTX, tăng 20 HTX so với năm 2025 có 300 HTX.\n"
    assert _targets(text) == [(2026, "=", 320, "HTX"), (2026, "=", 20, "HTX")]
    text = head + "- Đến năm 2026 có 320 HTX; năm 2026 có 45.000 thành viên.\n"
    assert _targets(text) == [(2026, "=", 320, "HTX"), (2026, "=", 45000, "thành viên")]


def test_numbers_written_in_words_and_their_multipliers():
    """ "có khoảng 140 nghìn tổ hợp tác với hai triệu thành viên, 45 nghìn HTX với 8 triệu thành viên" (fresh4's
    c71) missed "hai triệu thành viên" (a number in words) and, the enumeration broken there, gave "=" to the
    items after it: a number in words before its unit ("hai", "mười lăm", "hai mươi mốt", "hai trăm", "một
    trăm linh năm", with "nghìn/triệu/tỷ") counts as its figures, and the target's text keeps the words.
    Negative cases: "một số HTX", "trên cùng một xã", "của một hợp tác xã", "năm 2025", "lần thứ hai",
    "năm người" (a lone "năm" is the year) are no count."""
    head = HEAD.replace("NĂM 2023", "NĂM 2030") + "I. MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030\n"
    text = head + (
        "- Phấn đấu có khoảng 140 nghìn tổ hợp tác với hai triệu thành viên, 45 nghìn HTX với 8 triệu thành viên, "
        "340 liên hiệp HTX với 1.700 hợp tác xã thành viên.\n"
    )
    assert _targets(text) == [
        (2030, "~", 140000, "THT"),
        (2030, "~", 2000000, "thành viên"),
        (2030, "~", 45000, "HTX"),
        (2030, "~", 8000000, "thành viên"),
        (2030, "~", 340, "LHHTX"),
        (2030, "~", 1700, "HTX"),
    ]
    assert any("hai triệu thành viên" in t["text"] for t in read_text(text).to_dict()["targets"])
    for sentence, target in (
        ("Thành lập mới mười lăm hợp tác xã", ("=", 15, "HTX")),
        ("Thành lập mới hai mươi mốt tổ hợp tác", ("=", 21, "THT")),
        ("Hỗ trợ hai trăm hộ tham gia hợp tác xã", ("=", 200, "hộ")),
        ("Kết nạp một trăm linh năm thành viên", ("=", 105, "thành viên")),
        ("Thu hút ba mươi lăm nghìn lao động", ("=", 35000, "lao động")),
        ("Doanh thu bình quân của hợp tác xã đạt hai tỷ đồng", ("=", 2000000000, "đồng")),
        ("Mỗi xã có ít nhất một HTX", (">=", 1, "HTX")),
    ):
        assert _targets(head + f"- {sentence}.\n") == [(2030, *target)], sentence
    for sentence in (
        "- Thành lập mới một số HTX.\n",
        "- Không thành lập nhiều HTX trên cùng một xã.\n",
        "- Nâng cao doanh thu của một hợp tác xã.\n",
        "- Tổ chức Đại hội lần thứ hai.\n",
        "- Trong năm người dân được tuyên truyền.\n",
    ):
        assert _targets(head + sentence) == [], sentence


def test_khoảng_goes_on_over_its_enumeration_but_not_to_a_share_stated_after_it():
    """ "thu hút khoảng 8 triệu thành viên …; 100% số HTX … hoạt động theo …; 60% tổng số HTX …" (fresh4's c70)
    gave "~" to the shares after the count: a comparator carried over ";" goes on to a quantity of the same kind
    (a count after a count: "khoảng 160 tổ hợp tác, với 4.000 thành viên; 240 hợp tác xã …") but not to a
    share that states its own quantity after a count. Negative cases: the enumeration of counts, the list
    under "có khoảng:" and a comparator of the share's own keep their reading."""
    head = HEAD.replace("NĂM 2023", "NĂM 2025") + "I. MỤC TIÊU CỤ THỂ ĐẾN NĂM 2025\n"
    text = head + (
        "- Thành lập mới 10.000 tổ chức kinh tế tập thể; thu hút khoảng 8 triệu thành viên tham gia; 100% số HTX, "
        "liên hiệp HTX tổ chức, hoạt động theo quy định của Luật Hợp tác xã; 60% tổng số HTX hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [
        (2025, "=", 10000, "tổ chức"),
        (2025, "~", 8000000, "thành viên"),
        (2025, "=", 100, "%"),
        (2025, "=", 60, "%"),
    ]
    text = head + "- Phấn đấu có khoảng 160 tổ hợp tác, với 4.000 thành viên; 240 hợp tác xã với 50.000 thành viên.\n"
    assert [c for _, c, _, _ in _targets(text)] == ["~", "~", "~", "~"]
    text = head + "- Phấn đấu đến năm 2025 có khoảng: 120 tổ hợp tác; 300 hợp tác xã; 70% HTX hoạt động khá.\n"
    assert _targets(text)[:2] == [(2025, "~", 120, "THT"), (2025, "~", 300, "HTX")]
    text = head + "- Thu hút khoảng 8 triệu thành viên; trên 60% tổng số HTX hoạt động hiệu quả.\n"
    assert _targets(text) == [(2025, "~", 8000000, "thành viên"), (2025, ">", 60, "%")]


def test_units_of_party_congress_and_association_texts():
    """ "Hàng năm kết nạp mới từ 25 đảng viên trở lên" (fresh4's c79) gave a target without a unit: the members
    of the Party and of the Youth Union, trainees, farms and an area in "hécta" are units, and the units the
    reader had already (thành viên, lao động, mô hình, sản phẩm OCOP, ha, tấn) keep working. Negative case: a
    word that only begins like a unit ("20 đảng bộ") is none."""
    head = HEAD.replace("NĂM 2023", "NĂM 2030") + "I. MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030\n"
    for sentence, target in (
        ("Hàng năm kết nạp mới từ 25 đảng viên trở lên", (">=", 25, "đảng viên")),
        ("Kết nạp 300 đoàn viên", ("=", 300, "đoàn viên")),
        ("Đào tạo 120 học viên", ("=", 120, "học viên")),
        ("Phát triển 40 trang trại", ("=", 40, "trang trại")),
        ("Diện tích liên kết đạt 500 hécta", ("=", 500, "ha")),
        ("Diện tích liên kết đạt 500 héc-ta", ("=", 500, "ha")),
        ("Thu hút 2.000 thành viên", ("=", 2000, "thành viên")),
        ("Tạo việc làm cho 5.000 lao động", ("=", 5000, "lao động")),
        ("Xây dựng 30 mô hình HTX kiểu mới", ("=", 30, "mô hình")),
        ("Có 20 sản phẩm OCOP", ("=", 20, "sản phẩm")),
        ("Diện tích đạt 1.200 ha", ("=", 1200, "ha")),
        ("Sản lượng đạt 3.000 tấn", ("=", 3000, "tấn")),
    ):
        assert _targets(head + f"- {sentence}.\n") == [(2030, *target)], sentence
    assert _targets(head + "- Củng cố 20 đảng bộ.\n") == []


def test_the_year_of_a_term_and_a_date_local_to_its_clause():
    """A congress article (no header): "Nhiệm kỳ 2020 - 2025, Liên minh HTX tỉnh tiếp tục …. Phấn đấu mỗi năm
    thành lập mới 10 HTX trở lên" (fresh4's c73) gave targets without a year: the term the paragraph opens with is
    their horizon (2025), not the term told above it ("Nhiệm kỳ 2016 – 2020, …"). "… đạt xã nông thôn mới nâng cao
    vào cuối năm 2020; …" above "Đồng thời, phấn đấu … đạt 100%" (c81) gave 2020 to the later sentence: a date
    trailing a clause's own statement dates that clause only; the milestone "đến năm 2025" is the horizon.
    Negative cases: a "phấn đấu" sentence naming its own year keeps it, and "giai đoạn" periods keep working."""
    text = (
        "Nhiệm kỳ 2016 – 2020, Liên minh HTX tỉnh triển khai đồng bộ có kết quả. Đến nay, toàn tỉnh có 456 HTX.\n\n"
        "Nhiệm kỳ 2020 - 2025, Liên minh HTX tỉnh tiếp tục đẩy mạnh công tác tuyên truyền. Phấn đấu mỗi năm thành lập "
        "mới 10 HTX trở lên; thu nhập của thành viên HTX tăng 1,5 lần.\n"
    )
    assert _targets(text) == [(2025, ">=", 10, "HTX"), (2025, "=", 1.5, "lần")]
    text = (
        "Tại đại hội, các đại biểu đã biểu quyết thông qua 16 chỉ tiêu nhiệm kỳ 2020-2025. Cụ thể, thu nhập đầu người "
        "đến năm 2025 tăng gấp đôi; giữ vững danh hiệu xã nông thôn mới và đạt xã nông thôn mới nâng cao vào cuối năm 2020.\n"
        "Đồng thời, phấn đấu xây dựng tổ chức mặt trận và các đoàn thể vững mạnh đạt 100%.\n"
    )
    assert _targets(text) == [(2025, "=", 100, "%")]
    text = (
        "Nhiệm kỳ 2020 - 2025, Liên minh HTX tỉnh tiếp tục đẩy mạnh công tác tuyên truyền. Phấn đấu đến năm 2023 "
        "thành lập mới 10 HTX.\n"
    )
    assert _targets(text) == [(2023, "=", 10, "HTX")]
    text = "Kế hoạch phát triển HTX giai đoạn 2021 - 2025 của tỉnh. Phấn đấu mỗi năm thành lập mới 10 HTX.\n"
    assert _targets(text) == [(2025, "=", 10, "HTX")]


def test_a_revenue_or_a_total_investment_to_reach_is_a_money_target():
    """ "Thu ngân sách Nhà nước tăng bình quân 30%/năm, đạt trên 2 tỷ đồng vào năm 2030; tổng vốn đầu tư toàn xã hội
    đạt trên 2.500 tỷ đồng" (fresh4's c80) lost both amounts, taken for money given: a revenue ("thu ngân sách") and
    a total investment that "đạt" an amount are targets. Negative cases: money given ("bố trí ngân sách 2 tỷ đồng",
    "kinh phí hỗ trợ 30 triệu đồng/HTX", "tổng vốn thực hiện kế hoạch là 5 tỷ đồng") is none."""
    head = HEAD.replace("NĂM 2023", "NĂM 2030") + "I. MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030\n"
    text = head + (
        "- Thu ngân sách Nhà nước tăng bình quân 30%/năm, đạt trên 2 tỷ đồng vào năm 2030; tổng vốn đầu tư toàn xã hội "
        "đạt trên 2.500 tỷ đồng.\n"
    )
    assert _targets(text) == [
        (2030, "=", 30, "%/năm"),
        (2030, ">", 2000000000, "đồng"),
        (2030, ">", 2500000000000, "đồng"),
    ]
    for sentence in (
        "- Bố trí ngân sách 2 tỷ đồng cho các HTX.\n",
        "- Kinh phí hỗ trợ 30 triệu đồng/HTX thành lập mới.\n",
        "- Tổng vốn thực hiện kế hoạch là 5 tỷ đồng.\n",
    ):
        assert _targets(head + sentence) == [], sentence


def test_the_results_of_the_term_past_are_no_targets():
    """A congress article (no header): "Nhiệm kỳ qua, … hầu hết các chỉ tiêu đều đạt và vượt mục tiêu Nghị quyết. …
    Đến cuối năm 2024, thu nhập bình quân đầu người đạt 43,7 triệu đồng/năm; tỷ lệ hộ nghèo còn 21,5%" (fresh4's c80)
    gave those results as targets of 2024: "mục tiêu" reached ("đạt và vượt mục tiêu") and a paragraph telling the
    term that has passed ("Nhiệm kỳ qua", "Giai đoạn 2016 - 2020 vừa qua") open no targets. Negative cases: the
    new term's "Mục tiêu cụ thể đến năm 2030" paragraph after them keeps its targets."""
    results = (
        "Nhiệm kỳ qua, Đảng bộ xã đã triển khai toàn diện công tác xây dựng Đảng; hầu hết các chỉ tiêu đều đạt và vượt "
        "mục tiêu Nghị quyết. Đến cuối năm 2024, thu nhập bình quân đầu người đạt 43,7 triệu đồng/năm; tỷ lệ hộ nghèo "
        "còn 21,5%; tỷ lệ người dân tham gia BHYT đạt 97%.\n"
    )
    target = "Mục tiêu cụ thể đến năm 2030, thu nhập bình quân đầu người đạt 80 triệu đồng/năm; tỷ lệ hộ nghèo dưới 5%.\n"
    assert _targets(results) == []
    assert _targets(results.replace("Nhiệm kỳ qua", "Giai đoạn 2020 - 2025 vừa qua")) == []
    assert _targets(results + target) == [(2030, "=", 80000000, "đồng/năm"), (2030, "<", 5, "%")]
    assert _targets(target) == [(2030, "=", 80000000, "đồng/năm"), (2030, "<", 5, "%")]


def test_a_headline_restating_a_target_of_the_body_is_one_target():
    """A news article's subheading "Phấn đấu xây dựng ít nhất 300 mô hình hợp tác xã nông nghiệp điển hình hoạt động
    hiệu quả" above the body's "Xây dựng ít nhất 300 mô hình … hoạt động hiệu quả, có nhiều thành viên tham gia"
    (fresh4's c77) gave the target twice: it is one. Negative case: the same value said of two things ("tham gia
    BHYT đạt 100%", "đoàn thể vững mạnh đạt 100%") stays two targets."""
    text = (
        "Phấn đấu xây dựng ít nhất 300 mô hình hợp tác xã nông nghiệp điển hình hoạt động hiệu quả\n"
        "Nghị quyết nêu rõ, phấn đấu đến năm 2025, xây dựng ít nhất 300 mô hình hợp tác xã nông nghiệp điển hình hoạt "
        "động hiệu quả, có nhiều thành viên tham gia; doanh thu bình quân/hợp tác xã đạt từ 05 tỷ đồng/năm trở lên.\n"
    )
    assert _targets(text) == [(2025, ">=", 300, "mô hình"), (2025, ">=", 5000000000, "đồng/năm")]
    text = (
        "Đại hội đề ra mục tiêu đến năm 2025: tỷ lệ người dân tham gia bảo hiểm y tế đạt 100%; phấn đấu xây dựng mặt "
        "trận và các đoàn thể vững mạnh đạt 100%.\n"
    )
    assert _targets(text) == [(2025, "=", 100, "%"), (2025, "=", 100, "%")]


def test_current_counts_are_baselines_not_targets():
    """A count of today that opens a sentence — "Hiện cả nước đang có 193 hợp tác xã …, trong số đó có 155 …, 18 …
    và 20 …" in a summary after the targets' sentence (fresh5's c89), "Hiện nay toàn tỉnh có …", "Đến nay, toàn tỉnh
    có …" — gave four targets; they are baselines. Negative cases: the targets' sentence before it, a target stated
    later in the same sentence ("…, phấn đấu đến năm 2025 có 150 HTX") and a verb "Hiện đại hóa" keep theirs."""
    targets = "Mục tiêu đến năm 2020 cả nước có 500 hợp tác xã nông nghiệp ứng dụng công nghệ cao.\n"
    for today in (
        "Hiện cả nước đang có 193 hợp tác xã nông nghiệp có ứng dụng công nghệ cao, trong số đó có 155 hợp tác xã "
        "trồng trọt, lâm nghiệp, 18 hợp tác xã chăn nuôi và 20 hợp tác xã thuỷ sản.\n",
        "Hiện nay toàn tỉnh có 120 hợp tác xã và 300 tổ hợp tác.\n",
        "Đến nay, toàn tỉnh có 120 hợp tác xã với 4.000 thành viên.\n",
    ):
        assert _targets(targets + today) == [(2020, "=", 500, "HTX")], today
    text = "Hiện nay toàn tỉnh có 100 hợp tác xã, phấn đấu đến năm 2025 có 150 hợp tác xã.\n"
    assert _targets(text) == [(2025, "=", 150, "HTX")]
    text = "Mục tiêu đến năm 2025: hiện đại hóa 50 hợp tác xã nông nghiệp.\n"
    assert _targets(text) == [(2025, "=", 50, "HTX")]


def test_a_one_year_plan_inside_a_period_gives_its_own_year():
    """"Kế hoạch … năm 2024 là cơ sở …, nằm trong kế hoạch … giai đoạn 2021 – 2025" above "Phấn đấu … thành lập mới
    100 hợp tác xã" (fresh5's c95) gave the targets 2025, the period's end: they are for 2024, the plan's own year.
    Negative cases: a plan of the period itself keeps 2025, and a target naming its own year keeps it."""
    frame = (
        "Ủy ban nhân dân thành phố vừa ban hành Kế hoạch phát triển kinh tế tập thể năm 2024.\n\n"
        "Kế hoạch phát triển kinh tế tập thể, hợp tác xã trên địa bàn thành phố năm 2024 là cơ sở, định hướng phát triển "
        "kinh tế tập thể, nằm trong kế hoạch phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021 – 2025, cụ thể hóa "
        "kế hoạch tổng thể của Thành phố.\n\n"
    )
    target = "Phấn đấu tư vấn, hướng dẫn thành lập mới 100 hợp tác xã, 2 liên hiệp hợp tác xã, 145 tổ hợp tác.\n"
    assert _targets(frame + target) == [(2024, "=", 100, "HTX"), (2024, "=", 2, "LHHTX"), (2024, "=", 145, "THT")]
    period = "Kế hoạch phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021 – 2025 là cơ sở định hướng phát triển.\n\n"
    assert _targets(period + target) == [(2025, "=", 100, "HTX"), (2025, "=", 2, "LHHTX"), (2025, "=", 145, "THT")]
    own = "Phấn đấu đến năm 2025 thành lập mới 100 hợp tác xã.\n"
    assert _targets(frame + own) == [(2025, "=", 100, "HTX")]


def test_a_multiple_from_to_is_a_range_and_a_floor_before_khoang_is_the_comparator():
    """"tăng từ 1,5 lên 3 lần so với …" (fresh5's c89) gave "= 3 lần": a multiple of something else from … up to …
    is a range 1,5–3 lần; "Tối thiểu sẽ có khoảng 3 hợp tác xã" gave "~ 3": the floor said first is the comparator
    (≥ 3). Negative cases: a share "từ 40% lên 60%" is no range (40 % is where it starts), a bare "khoảng 3" stays
    "~" and "tối thiểu 5" stays "≥"."""

    def full(text):
        return [
            (t["year"], t["comparator"], t["value"], t["value_max"], t["unit"])
            for t in read_text(text).to_dict()["targets"]
        ]

    text = "Mục tiêu đến năm 2020, thu nhập trên mỗi đơn vị diện tích tăng từ 1,5 lên 3 lần so với sản phẩm thông thường.\n"
    assert full(text) == [(2020, "range", 1.5, 3, "lần")]
    text = "Mục tiêu đến năm 2025, nâng tỷ lệ hợp tác xã hoạt động hiệu quả từ 40% lên 60%.\n"
    assert "range" not in {c for _, c, *_ in full(text)} and (2025, "=", 60, None, "%") in full(text)
    text = (
        "Mục tiêu đến năm 2020 cả nước sẽ có 500 hợp tác xã ứng dụng công nghệ cao. Tối thiểu sẽ có khoảng 3 hợp tác "
        "xã ứng dụng cao ở các địa phương khác.\n"
    )
    assert full(text) == [(2020, "=", 500, None, "HTX"), (2020, ">=", 3, None, "HTX")]
    text = "Mục tiêu đến năm 2020 có khoảng 3 hợp tác xã ứng dụng cao; tối thiểu 5 tổ hợp tác.\n"
    assert full(text) == [(2020, "~", 3, None, "HTX"), (2020, ">=", 5, None, "THT")]


def test_a_pilot_thi_diem_is_no_point_of_a_legal_article():
    """"xây dựng thí điểm từ 3-5 HTX ứng dụng công nghệ cao" (fresh5's c88) was dropped: "điểm" before a number is a
    point of a legal article ("điểm 3 khoản 2"), but "thí điểm" (a pilot) is not. Negative case: "theo điểm 3
    khoản 2 Điều 5" still gives no target of its numbers."""
    text = "Phấn đấu đến năm 2020 xây dựng thí điểm từ 3-5 hợp tác xã ứng dụng công nghệ cao.\n"
    assert _targets(text) == [(2020, "range", 3, "HTX")]
    text = "Mục tiêu đến năm 2020: xây dựng thí điểm 5 hợp tác xã kiểu mới.\n"
    assert _targets(text) == [(2020, "=", 5, "HTX")]
    text = "Mục tiêu đến năm 2020: hỗ trợ theo điểm 3 hợp tác xã khoản 2 Điều 5 cho 10 hợp tác xã.\n"
    assert _targets(text) == [(2020, "=", 10, "HTX")]


# --- eighth pass (issue 16): classes of fresh4/fresh5's last misses and nearby shapes -------------------------------


def test_trở_lên_after_a_rating_or_a_level_qualifies_it():
    """The keys' convention (c64, c70, c77; docs/import.md, "Eighth pass"): "trở lên" after a rating or a level
    ("đạt loại khá trở lên", "trình độ trung cấp trở lên", "xếp hạng 3 trở lên") qualifies the rating, so the share or
    count is exact; "trở lên" right after the quantity is its floor. "80% HTX đạt loại khá trở lên" gave ">= 80"."""
    text = "Phấn đấu đến năm 2027 có 80% hợp tác xã đạt loại khá trở lên; 45% cán bộ có trình độ cao đẳng trở lên.\n"
    assert _targets(text) == [(2027, "=", 80, "%"), (2027, "=", 45, "%")]
    # negatives: the floor of the quantity itself
    text = "Phấn đấu đến năm 2027, tỷ lệ hợp tác xã xếp loại khá, tốt đạt 70% trở lên; thành lập 12 HTX trở lên.\n"
    assert _targets(text) == [(2027, ">=", 70, "%"), (2027, ">=", 12, "HTX")]


def test_more_than_is_not_carried_to_a_lone_one():
    """ "thành lập mới trên 50 HTX và 1 liên hiệp HTX" gave "> 1 LHHTX": nobody writes "more than one" as "1", so the
    strict "trên/hơn" of an enumeration stops before a count of 1. Negatives: "ít nhất … và 1 liên hiệp" and
    "trên 20 tổ hợp tác và 5 HTX" still carry their comparator."""
    text = "Phấn đấu đến năm 2026 thành lập mới trên 50 HTX nông nghiệp và 1 liên hiệp HTX.\n"
    assert _targets(text) == [(2026, ">", 50, "HTX"), (2026, "=", 1, "LHHTX")]
    text = "Phấn đấu đến năm 2026 thành lập mới ít nhất 50 HTX và 1 liên hiệp HTX; trên 20 tổ hợp tác và 5 HTX.\n"
    assert _targets(text) == [
        (2026, ">=", 50, "HTX"),
        (2026, ">=", 1, "LHHTX"),
        (2026, ">", 20, "THT"),
        (2026, ">", 5, "HTX"),
    ]


def test_a_congress_adopting_its_targets_then_cụ_thể():
    """A congress article: "các đại biểu đã biểu quyết thông qua 15 chỉ tiêu nhiệm kỳ 2025-2030. Cụ thể, …" — the
    past tense governs the vote, not the targets, and the sentence "Cụ thể, …" details them (a date of its own,
    "vào cuối năm 2026", does not stop it); the term gives the year when no milestone does. It gave nothing.
    Negatives: targets reached ("đã hoàn thành 15/16 chỉ tiêu. Cụ thể, …") stay results."""
    text = (
        "Tại đại hội, các đại biểu đã biểu quyết thông qua 15 chỉ tiêu nhiệm kỳ 2025-2030. Cụ thể, thu nhập bình "
        "quân đầu người đạt 95 triệu đồng/người/năm; giữ vững chuẩn nông thôn mới nâng cao vào cuối năm 2026; tỷ lệ "
        "hộ nghèo dưới 0,5%; có 4 hợp tác xã hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [
        (2030, "=", 95000000, "đồng/người/năm"),
        (2030, "<", 0.5, "%"),
        (2030, "=", 4, "HTX"),
    ]
    text = "Đại hội thông qua các chỉ tiêu đến năm 2030. Cụ thể: có 6 hợp tác xã; 100% thôn có tổ hợp tác.\n"
    assert _targets(text) == [(2030, "=", 6, "HTX"), (2030, "=", 100, "%")]
    text = (
        "Nhiệm kỳ qua, Đảng bộ xã đã lãnh đạo hoàn thành 15/16 chỉ tiêu Nghị quyết. Cụ thể, thu nhập bình quân đạt 55 "
        "triệu đồng/người/năm; toàn xã có 3 hợp tác xã.\n"
    )
    assert _targets(text) == []


def test_items_under_a_summarys_mục_tiêu_heading_line():
    """A summary's heading line "* Mục tiêu:" / "Nhiệm vụ cụ thể:" above "- " items (a study quoting a plan): each
    item's quantities are targets, at the item's milestone or the horizon the list names; a second heading goes on.
    Only two items were read (through "phấn đấu" and a milestone); an income in a bracket written "… đồng/năm"
    was dropped as if the bracket quoted a year. Negatives: "Mục tiêu chung:" and a results heading give nothing."""
    text = (
        "* Mục tiêu:\n"
        "- Nâng cao hiệu quả hoạt động của kinh tế tập thể, đóng góp ngày càng lớn vào GRDP.\n"
        "- Đến năm 2028, toàn tỉnh có 400 HTX, trong đó 60% đạt loại khá trở lên.\n"
        "* Nhiệm vụ cụ thể:\n"
        "- Thu hút 70 - 80 % hộ nông dân tham gia các hình thức kinh tế hợp tác.\n"
        "- Thu nhập của thành viên tăng 1,5 lần so với hiện nay (HTX nông nghiệp: 60 triệu đồng/năm, HTX phi nông nghiệp: 72 "
        "triệu đồng/năm).\n"
    )
    assert sorted(_targets(text)) == sorted(
        [
            (2028, "=", 400, "HTX"),
            (2028, "=", 60, "%"),
            (2028, "range", 70, "%"),
            (2028, "=", 1.5, "lần"),
            (2028, "=", 60000000, "đồng/năm"),
            (2028, "=", 72000000, "đồng/năm"),
        ]
    )
    text = "Mục tiêu chung:\n- Đến năm 2028 xây dựng kinh tế tập thể vững mạnh với 400 HTX hoạt động.\n"
    assert _targets(text) == []
    text = "Kết quả thực hiện:\n- Năm 2024 toàn tỉnh có 400 HTX, thu hút 70% hộ nông dân.\n"
    assert _targets(text) == []


def test_a_summarys_default_horizon_stated_away_from_its_targets():
    """A summary states its plan's horizon once, away from the targets: the headline or a sentence opening with the
    year, the congress's term, the sentence that issued the plan ("đã được … phê duyệt" is no result), the period
    named after the targets in their own sentence, else the first one stated below. Targets read with no year took
    none. Negatives: a past term ("tổng kết nhiệm kỳ …", "đã thành lập") and a comparison base ("so với năm …") are
    no horizon; a target naming its own year keeps it."""
    text = (
        "Hội Nông dân tỉnh ký kết giao ước thi đua năm 2027\n\n"
        "Năm 2025, các cơ sở Hội đã đạt được nhiều kết quả trong hỗ trợ nông dân liên kết sản xuất.\n\n"
        "Năm 2027, Hội Nông dân tỉnh tiếp tục đổi mới nội dung, phương thức hoạt động.\n\n"
        "Hội cũng đặt ra một số chỉ tiêu như: vận động thành lập mới 8 - 12 hợp tác xã; kết nạp thêm 2.000 hội viên.\n"
    )
    assert _targets(text) == [(2027, "range", 8, "HTX"), (2027, "=", 2000, "hội viên")]
    text = (
        "Đại hội đại biểu Liên minh Hợp tác xã tỉnh lần thứ VI, nhiệm kỳ 2026-2031 đã khai mạc sáng 12/3.\n\n"
        "Đại hội đã tổng kết nhiệm kỳ 2021-2026 và bầu Ban Chấp hành gồm 35 người.\n\n"
        "Nghị quyết Đại hội đề ra các chỉ tiêu: phát triển mới 300 tổ hợp tác, 90 hợp tác xã; 100% hợp tác xã được "
        "hướng dẫn chuyển đổi số.\n"
    )
    assert _targets(text) == [(2031, "=", 300, "THT"), (2031, "=", 90, "HTX"), (2031, "=", 100, "%")]
    text = "Dự thảo văn kiện đề ra chỉ tiêu tăng thu nhập bình quân cho giai đoạn 2026 – 2030 là 8%/năm.\n"
    assert _targets(text) == [(2030, "=", 8, "%/năm")]
    text = (
        "Đề án nâng cao hiệu quả hợp tác xã nông nghiệp đến năm 2028 đã được UBND tỉnh phê duyệt.\n"
        "Theo đó, phấn đấu có 120 hợp tác xã nông nghiệp hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [(2028, "=", 120, "HTX")]
    text = (
        "Theo đó, tỉnh phấn đấu thành lập mới ít nhất 6 hợp tác xã/năm.\n"
        "Trước đó, tỉnh đã ban hành Đề án hỗ trợ kinh tế tập thể giai đoạn 2026-2030.\n"
    )
    assert _targets(text) == [(2030, ">=", 6, "HTX/năm")]
    # negatives: a past term and a comparison base are no horizon; a target's own year stays
    text = (
        "Giai đoạn 2020 - 2025, toàn tỉnh đã thành lập 210 hợp tác xã.\n"
        "Tỉnh phấn đấu thu nhập của thành viên tăng 20% so với năm 2025.\n"
    )
    assert _targets(text) == [(None, "=", 20, "%")]
    text = "Kế hoạch phát triển hợp tác xã năm 2026\n\nPhấn đấu đến năm 2027 có 50 hợp tác xã kiểu mới.\n"
    assert _targets(text) == [(2027, "=", 50, "HTX")]


def test_a_year_typed_with_a_digit_too_many():
    """A site's typo "đến năm 20208" was read as its first four digits (2020). A five-digit "năm 20xxx" is the year
    that one deleted digit gives and that the text names elsewhere ("… đến năm 2028" in the headline); with no such
    year, or several, no year is read from it (negative: alone, the milestone stays unread)."""
    text = (
        "Tỉnh đề ra chương trình phát triển kinh tế tập thể đến năm 2028\n\n"
        "Mục tiêu đến năm 20208, toàn tỉnh có 450 hợp tác xã, 620 tổ hợp tác.\n"
    )
    assert _targets(text) == [(2028, "=", 450, "HTX"), (2028, "=", 620, "THT")]
    text = "Mục tiêu đến năm 20208, toàn tỉnh có 450 hợp tác xã.\n"
    assert _targets(text) == [(None, "=", 450, "HTX")]
    text = "Kế hoạch giai đoạn 2020 - 2028\n\nMục tiêu đến năm 20208, toàn tỉnh có 450 hợp tác xã.\n"
    assert [t[0] for t in _targets(text)] == [2028]  # 2020 and 2028 both named: the typo gives none, the period does


def test_a_reviews_yearly_average_and_a_headlines_lead_are_no_targets():
    """A report of a conference reviewing a period: "Bình quân mỗi năm, có khoảng 30 hợp tác xã được thành lập" is
    the average of what was done, and the paragraphs after it were read on as targets; the per-year lead counts only
    in a text stating an intention somewhere. A pull-quote "Phấn đấu đến năm 2030 …" between a congress report's
    paragraphs is a target, but governs no paragraph after it (the commune's population and party cells were read
    as 2030 targets). Negatives: the per-year lead of a text with "phấn đấu" stays, and a lead sentence ending with
    a period still governs the paragraph after it."""
    text = (
        "UBND tỉnh vừa tổ chức Hội nghị tổng kết 5 năm thực hiện Chương trình phát triển hợp tác xã giai đoạn "
        "2020–2025.\n"
        "Giai đoạn 2020–2025, toàn tỉnh thành lập mới 150 hợp tác xã. Bình quân mỗi năm, có khoảng 30 hợp tác xã được "
        "thành lập, bảo đảm 100% xã có hợp tác xã.\n"
        "Lao động thường xuyên của hợp tác xã đạt 42.000 người, thu nhập khoảng 6 triệu đồng mỗi tháng.\n"
    )
    assert _targets(text) == []
    text = (
        "UBND tỉnh vừa tổ chức Hội nghị tổng kết 5 năm thực hiện Chương trình phát triển hợp tác xã giai đoạn "
        "2020–2025.\n"
        "Giai đoạn 2026–2030, tỉnh phấn đấu bình quân mỗi năm thành lập mới 30 hợp tác xã.\n"
    )
    assert _targets(text) == [(2030, "=", 30, "HTX")]
    text = (
        "Sáng 5/9, Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 – 2030 diễn ra trang trọng.\n\n"
        "Phấn đấu đến năm 2030 thu nhập bình quân đầu người đạt 85 triệu đồng\n\n"
        "Quang cảnh đại hội\n\n"
        "Xã được thành lập trên cơ sở sáp nhập 2 xã, có dân số 18.400 người, với 28 tổ chức đảng.\n"
    )
    assert _targets(text) == [(2030, "=", 85000000, "đồng")]
    text = (
        "Tỉnh đặt mục tiêu cụ thể đến năm 2030 như sau.\n\n"
        "Toàn tỉnh có 500 hợp tác xã, trong đó 40% hợp tác xã hoạt động khá, tốt.\n"
    )
    assert _targets(text) == [(2030, "=", 500, "HTX"), (2030, "=", 40, "%")]


def test_the_main_indicators_of_a_field_and_a_sectors_share():
    """"Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2027 là: …" (a field's words between "chỉ tiêu" and "chủ yếu") was
    no lead-in: a district's fifteen indicators were not read; a sector's share of the structure ("ngành nông
    nghiệp chiếm 41,5%") was taken for a description. Negatives: a population's share after "chiếm" stays a
    description, and the indicators reached ("ước đạt") stay results."""
    text = (
        "Các chỉ tiêu phát triển kinh tế - xã hội chủ yếu năm 2027 là: tổng giá trị sản xuất đạt 5.120,5 tỷ đồng, "
        "tăng 8,2% so với năm 2026.\n\n"
        "Cơ cấu kinh tế chuyển dịch như sau: ngành nông nghiệp chiếm 41,5%; ngành dịch vụ chiếm 33,2%.\n"
    )
    assert _targets(text) == [
        (2027, "=", 5120500000000, "đồng"),
        (2027, "=", 8.2, "%"),
        (2027, "=", 41.5, "%"),
        (2027, "=", 33.2, "%"),
    ]
    text = (
        "Các chỉ tiêu phát triển kinh tế - xã hội chủ yếu năm 2027 là: thu nhập bình quân đạt 62 triệu đồng/người/năm; "
        "người dân tộc thiểu số chiếm 58% dân số.\n"
    )
    assert _targets(text) == [(2027, "=", 62000000, "đồng/người/năm")]
    text = "Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2026 ước đạt: tổng giá trị sản xuất ước đạt 4.800 tỷ đồng.\n"
    assert _targets(text) == []


def test_a_milestone_opening_a_summarys_sentence_after_theo_đó():
    """"Theo đó, đến năm 2028, tỉnh thành lập mới 90 hợp tác xã …" and "Trong tương lai gần, đến năm 2028 cả nước
    có …" state targets with no "phấn đấu" or "mục tiêu": they were not read. Negatives: the state at a year's end
    ("Theo đó, đến hết năm 2025, toàn tỉnh có …") and a sentence with "đã" are results."""
    text = (
        "UBND tỉnh vừa ban hành kế hoạch phát triển kinh tế tập thể.\n\n"
        "Theo đó, đến năm 2028, tỉnh thành lập mới 90 hợp tác xã (70 hợp tác xã nông nghiệp, 20 hợp tác xã phi nông "
        "nghiệp); thành lập mới ít nhất 3 liên hiệp hợp tác xã.\n"
    )
    assert _targets(text) == [(2028, "=", 90, "HTX"), (2028, ">=", 3, "LHHTX")]
    text = "Trong tương lai gần, đến năm 2028 cả nước có 140.000 tổ hợp tác, thu hút 6 triệu thành viên.\n"
    assert _targets(text) == [(2028, "=", 140000, "THT"), (2028, "=", 6000000, "thành viên")]
    text = "Theo đó, đến hết năm 2025, toàn tỉnh có 310 hợp tác xã, tăng 40 hợp tác xã so với năm 2020.\n"
    assert _targets(text) == []
    text = "Theo đó, đến năm 2025, toàn tỉnh đã thành lập mới 85 hợp tác xã.\n"
    assert _targets(text) == []


def test_a_horizon_counted_in_years_from_the_document():
    """ "Phương hướng, mục tiêu của Liên minh HTX trong 5 năm tới là …" (an association's summary) gave nothing: the
    lead-in names whose objectives before "trong 5 năm tới", and the horizon is counted — from the document's year
    (a plan dated 2024 → 2029), else, in a summary without a date, from the end of the period it reports as past
    ("kết quả đạt được … giai đoạn 2019 - 2023" → 2028); no year is guessed otherwise. A paragraph telling the
    results of a period that ended before the targets' year does not go on the targets."""
    text = HEAD.replace("năm 2022", "năm 2024").replace(" NĂM 2023", "") + (
        "Phương hướng, mục tiêu của Hội Nông dân tỉnh trong 5 năm tới là thành lập mới 40 hợp tác xã, "
        "tỷ lệ hợp tác xã hoạt động hiệu quả đạt 75%.\n"
    )
    assert _targets(text) == [(2029, "=", 40, "HTX"), (2029, "=", 75, "%")]
    text = (
        "Mục tiêu của Liên minh trong 5 năm tới là xây dựng từ 150 - 200 mô hình hợp tác xã kiểu mới; "
        "tỷ lệ thành viên được tập huấn đạt 60%.\n"
        "Bên lề hội nghị, triển lãm giới thiệu hơn 300 sản phẩm của 120 hợp tác xã, là kết quả đạt được trong "
        "giai đoạn 2019 - 2023.\n"
    )
    assert _targets(text) == [(2028, "range", 150, "mô hình"), (2028, "=", 60, "%")]
    # negatives: the years past are no horizon, and nothing dates the coming ones here
    assert _targets("Trong 5 năm qua, Liên minh đã xây dựng 150 mô hình hợp tác xã kiểu mới.\n") == []
    text = "Mục tiêu của Liên minh trong 5 năm tới là xây dựng 150 mô hình hợp tác xã kiểu mới.\n"
    assert _targets(text) == [(None, "=", 150, "mô hình")]


def test_a_paragraph_stating_targets_before_a_lead_in_of_its_own_goes_on_the_list():
    """After "Mục tiêu cụ thể đến năm 2030 phấn đấu …", the next paragraph "Tỷ lệ cán bộ … đạt ít nhất 30%; khoảng 70%
    giám đốc …; đẩy mạnh …, phấn đấu …" was dropped: its trailing "phấn đấu" made it a lead-in of its own, read from
    there on only. A paragraph that states targets before its lead-in goes on the list above (with its year).
    Negative: a paragraph opening with its own lead-in keeps its own year."""
    text = (
        "Mục tiêu cụ thể đến năm 2030 phấn đấu toàn tỉnh có khoảng 600 hợp tác xã với 40 nghìn thành viên.\n"
        "Tỷ lệ cán bộ quản lý hợp tác xã có trình độ đại học đạt ít nhất 30%; khoảng 70% giám đốc được bồi dưỡng; "
        "đẩy mạnh chuyển đổi số, phấn đấu\n"
    )
    assert _targets(text) == [
        (2030, "~", 600, "HTX"),
        (2030, "~", 40000, "thành viên"),
        (2030, ">=", 30, "%"),
        (2030, "~", 70, "%"),
    ]
    text = (
        "Tỉnh phấn đấu đến năm 2030 có 600 hợp tác xã.\n"
        "Tỷ lệ hợp tác xã ứng dụng công nghệ cao đạt 25%; phấn đấu đến năm 2035 có 800 hợp tác xã.\n"
        "Phấn đấu đến năm 2035 có 300 tổ hợp tác.\n"
    )
    assert _targets(text) == [(2030, "=", 600, "HTX"), (2030, "=", 25, "%"), (2035, "=", 800, "HTX"), (2035, "=", 300, "THT")]


def test_a_milestone_with_a_floor_opening_a_headline_states_a_target():
    """A newspaper's headline or first line "Đến năm 2027, có ít nhất 15% tổng số HTX ứng dụng chuyển đổi số" gave
    nothing (no "phấn đấu"): a sentence opening with a milestone and "ít nhất/tối thiểu" states a target. Negatives:
    a milestone with a plain count ("Đến năm 2027, toàn tỉnh có 150 HTX", which a results article writes too) and a
    floor dated before the document's year stay no targets."""
    text = "Đến năm 2027, có ít nhất 15% tổng số HTX ứng dụng chuyển đổi số\n\nTheo Sở Nông nghiệp, đây là mục tiêu lớn.\n"
    assert _targets(text) == [(2027, ">=", 15, "%")]
    assert _targets("Đến năm 2027, toàn tỉnh có 150 hợp tác xã hoạt động.\n") == []
    text = HEAD.replace("năm 2022", "năm 2024") + "Đến năm 2023, có ít nhất 15 hợp tác xã được chứng nhận OCOP.\n"
    assert _targets(text) == []


def test_mục_tiêu_của_x_là_opens_a_summarys_targets():
    """"Mục tiêu của tỉnh là đến năm 2028 …" was no lead-in (only "mục tiêu cụ thể/đến năm/trong N năm" were), so a
    plan's four targets were not read — with its milestone's year cut by the site ("đến năm 202") the plan's period
    above gives the year. Negative: "Mục tiêu chung là …" stays an objective in words."""
    head = "Tỉnh vừa ban hành Kế hoạch phát triển hợp tác xã nông nghiệp giai đoạn 2026-2028.\n\n"
    for year in ("2028", "202"):
        text = head + (
            f"Mục tiêu của tỉnh là đến năm {year} có 45% hợp tác xã đạt loại khá, tốt; mỗi huyện xây dựng ít nhất 2 mô "
            "hình hợp tác xã điển hình.\n"
        )
        assert _targets(text) == [(2028, "=", 45, "%"), (2028, ">=", 2, "mô hình")], year
    text = head + "Mục tiêu chung là xây dựng 300 hợp tác xã nông nghiệp vững mạnh.\n"
    assert _targets(text) == []


def test_lead_ins_of_intention_a_requirement_an_orientation_and_a_count_raised_to():
    """Summaries state targets in more words than "phấn đấu": "tỉnh sẽ có 500 HTX", "sẽ hỗ trợ thành lập mới 15 HTX",
    "Năm 2026 phải/cần thành lập mới tối thiểu 20 HTX", "đặt ra yêu cầu đến hết năm 2026 …", "đề ra nhiệm vụ đến năm
    2030 …", "Định hướng đến năm 2030, …"; "giao chỉ tiêu … trong năm 2026" dates them after the targets; "đưa tổng số
    hợp tác xã lên 300" names the unit before the number. Each gave nothing (or no year). Negatives: a law's
    requirement ("phải có ít nhất 5 thành viên"), a support budget ("sẽ hỗ trợ 2 tỷ đồng"), a programme named "…
    định hướng đến năm 2025" inside a results sentence."""
    for text, expected in (
        ("Đến năm 2030, tỉnh Quảng Ngãi sẽ có 500 hợp tác xã.", [(2030, "=", 500, "HTX")]),
        ("Trong năm 2026, Liên minh HTX tỉnh sẽ hỗ trợ thành lập mới 15 hợp tác xã.", [(2026, "=", 15, "HTX")]),
        ("Năm 2026 phải thành lập mới tối thiểu 20 hợp tác xã.", [(2026, ">=", 20, "HTX")]),
        ("Kế hoạch đặt ra yêu cầu đến hết năm 2026 thành lập mới 25 hợp tác xã.", [(2026, "=", 25, "HTX")]),
        ("Tỉnh cũng đề ra nhiệm vụ đến năm 2030 thu hút 60% số hộ nông dân tham gia hợp tác xã.", [(2030, "=", 60, "%")]),
        ("Định hướng đến năm 2030, toàn tỉnh có khoảng 600 hợp tác xã.", [(2030, "~", 600, "HTX")]),
        ("UBND tỉnh giao chỉ tiêu cho các huyện thành lập mới 30 hợp tác xã trong năm 2026.", [(2026, "=", 30, "HTX")]),
        ("Tỉnh phấn đấu đưa tổng số hợp tác xã lên 300 vào năm 2030.", [(2030, "=", 300, "HTX")]),
        ("Theo Luật, hợp tác xã phải có ít nhất 5 thành viên.", []),
        ("Năm tới, tỉnh sẽ hỗ trợ 2 tỷ đồng cho các hợp tác xã.", []),
        (
            "Qua gần 02 năm thực hiện Nghị quyết giai đoạn 2016 - 2020 và định hướng đến năm 2025, có 03 sản phẩm "
            "hình thành chuỗi.",
            [],
        ),
    ):
        assert _targets(text + "\n") == expected, text


def test_the_base_after_trong_tổng_số_is_no_target():
    """"phấn đấu có 2.300 hợp tác xã hoạt động hiệu quả trong tổng số hơn 2.900 hợp tác xã hiện nay": the number after
    "trong tổng số" is the base of the count (today's total), not a second target ("> 2900" was read). Negatives:
    "tổng số hợp tác xã đạt 300" without "trong" stays a target, and so does a breakdown "trong đó có 40 HTX"."""
    text = "Tỉnh phấn đấu đến năm 2028 có 2.300 hợp tác xã hoạt động hiệu quả trong tổng số hơn 2.900 hợp tác xã hiện nay.\n"
    assert _targets(text) == [(2028, "=", 2300, "HTX")]
    text = "Phấn đấu đến năm 2028 tổng số hợp tác xã đạt 300 HTX, trong đó có 40 HTX ứng dụng công nghệ cao.\n"
    assert _targets(text) == [(2028, "=", 300, "HTX"), (2028, "=", 40, "HTX")]


def test_a_per_year_target_behind_its_period():
    """ "Trong giai đoạn 2026 - 2030, mỗi năm thành lập mới ít nhất 20 HTX" gave nothing: the per-year lead-in
    ("Mỗi năm thành lập mới …") was read only opening its sentence; behind the period it belongs to it states a yearly
    target at the period's end. Negatives: what was done ("mỗi năm đã thành lập", "thành lập được") and, in a plan
    dated 2026, the period before it ("Giai đoạn 2021 - 2025, mỗi năm thành lập mới 20 HTX")."""
    text = "Trong giai đoạn 2026 - 2030, mỗi năm thành lập mới ít nhất 20 hợp tác xã.\n"
    assert _targets(text) == [(2030, ">=", 20, "HTX")]
    assert _targets("Giai đoạn 2021 - 2025, mỗi năm đã thành lập mới 20 hợp tác xã.\n") == []
    assert _targets("Nhiệm kỳ 2020 - 2025, mỗi năm thành lập được 10 hợp tác xã.\n") == []
    text = HEAD.replace("năm 2022", "năm 2026").replace(" NĂM 2023", "") + (
        "Giai đoạn 2021 - 2025, mỗi năm thành lập mới 20 hợp tác xã.\n"
    )
    assert _targets(text) == []


def test_a_share_of_the_cooperatives_of_a_rating_after_chiếm():
    """"số hợp tác xã đạt loại tốt, khá chiếm từ 55% trở lên" and "chiếm trên 50% số hợp tác xã xếp loại khá" are
    shares to reach; "chiếm" was read as a description (as "dân tộc thiểu số chiếm 80%"), unless "tổng số" followed.
    Negative: a population's share "đồng bào dân tộc thiểu số chiếm 70% số hộ" stays a description."""
    text = "Đến năm 2028, tỉnh phấn đấu có số hợp tác xã đạt loại tốt, khá chiếm từ 55% trở lên.\n"
    assert _targets(text) == [(2028, ">=", 55, "%")]
    text = "Phấn đấu đến năm 2028, chiếm trên 50% số hợp tác xã xếp loại hoạt động khá.\n"
    assert _targets(text) == [(2028, ">", 50, "%")]
    text = (
        "Phấn đấu đến năm 2028 có 400 hộ tham gia hợp tác xã, trong đó đồng bào dân tộc thiểu số chiếm 70% số hộ.\n"
    )
    assert [t for t in _targets(text) if t[3] == "%"] == []


def test_a_milestone_behind_dự_kiến_theo_kế_hoạch_hướng_tới_opens_a_summarys_targets():
    """Tenth pass: "Dự kiến đến năm 2030, …", "Theo kế hoạch, đến năm 2030 …", "Hướng tới năm 2030, …" open a summary's
    targets as "Theo đó, đến năm …" does (with a verb of having, founding, growing or reaching after them); behind a
    past milestone, with "đã", or "đến hết năm" (a year's end state) they stay results."""
    title = "Phát triển hợp tác xã nông nghiệp giai đoạn 2026 - 2030\n"
    cases = {
        "Dự kiến đến năm 2030, toàn tỉnh có 420 hợp tác xã nông nghiệp và 95 tổ hợp tác.": [
            (2030, "=", 420, "HTX"),
            (2030, "=", 95, "THT"),
        ],
        "Theo kế hoạch, đến năm 2028 huyện thành lập mới tối thiểu 12 hợp tác xã.": [(2028, ">=", 12, "HTX")],
        "Hướng tới năm 2030, tỷ lệ hợp tác xã xếp loại khá, tốt đạt trên 65%.": [(2030, ">", 65, "%")],
        "Dự kiến tới năm 2030, doanh thu bình quân của hợp tác xã tăng 9,5%/năm.": [(2030, "=", 9.5, "%/năm")],
        "Theo kế hoạch, tới năm 2027 tỷ lệ hợp tác xã ngừng hoạt động giảm xuống dưới 3%.": [(2027, "<", 3, "%")],
    }
    for sentence, expected in cases.items():
        assert sorted(_targets(title + sentence + "\n")) == sorted(expected), sentence
    dated = HEAD.replace("PHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2023", "PHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2023\nI. TÌNH HÌNH")
    for sentence in (
        "Dự kiến đến năm 2021, toàn tỉnh có 310 hợp tác xã nông nghiệp.",  # before the plan's year (2022)
        "Theo kế hoạch, đến năm 2030 toàn tỉnh đã thành lập mới 60 hợp tác xã.",  # "đã": done
        "Dự kiến đến hết năm 2030, toàn tỉnh có 310 hợp tác xã nông nghiệp.",  # a year's end state, no lead
        "Hướng tới năm 2030, tỉnh đã có 85 hợp tác xã ứng dụng công nghệ cao.",
    ):
        if "2021" not in sentence:  # a summary without a date cannot tell a past milestone
            assert _targets(title + sentence + "\n") == [], sentence
        assert _targets(dated + sentence + "\n") == [], sentence


def test_a_floor_said_before_the_verb_of_having_or_reaching():
    """Tenth pass (fresh6's c141 "hỗ trợ ít nhất có 2 hợp tác xã/năm"): "ít nhất/tối thiểu/không dưới" before "có",
    "đạt", "phải có", "sẽ có" is the floor of the number after the verb; a plain "đạt" stays "=", and a floor of
    another thing earlier in the clause ("ít nhất một lần, có 30 hợp tác xã") does not reach the next number."""
    title = "Phát triển kinh tế tập thể giai đoạn 2026 - 2030\n"
    text = title + (
        "Phấn đấu đến năm 2030, tỉnh hỗ trợ ít nhất có 3 hợp tác xã/năm lên loại khá; tối thiểu phải đạt 70% hợp "
        "tác xã có lãi; không dưới sẽ có 40 tổ hợp tác; ít nhất đạt 85% thành viên được tập huấn.\n"
    )
    assert _targets(text) == [
        (2030, ">=", 3, "HTX/năm"),
        (2030, ">=", 70, "%"),
        (2030, ">=", 40, "THT"),
        (2030, ">=", 85, "%"),
    ]
    text = title + (
        "Phấn đấu đến năm 2030, mỗi năm tập huấn ít nhất một lần, có 30 hợp tác xã tham gia; tỷ lệ hợp tác xã có lãi "
        "đạt 85%.\n"
    )
    assert [t for t in _targets(text) if t[3] != "lần"] == [(2030, "=", 30, "HTX"), (2030, "=", 85, "%")]


def test_a_summarys_headline_restating_the_bodys_target_is_one_target():
    """Tenth pass (fresh6's c104, c154, c168, c169): a page's headline states the body's main target in its own words
    ("trên 60%" over "từ 60% trở lên", "khoảng 1.200" over "1.200"); the body's target is kept, the headline's dropped.
    A headline's target the body does not restate (another value, unit or year) stays, as do two body targets."""
    text = (
        "Thái Nguyên đặt mục tiêu trên 65% hợp tác xã hoạt động khá, tốt\n"
        "Cập nhật: 12/03/2025 - 09:15\n"
        "UBND tỉnh vừa ban hành Kế hoạch phát triển hợp tác xã giai đoạn 2025 - 2030. Theo đó, đến năm 2030, tỉnh "
        "phấn đấu số hợp tác xã đạt loại tốt, khá chiếm từ 65% trở lên; thành lập mới 240 hợp tác xã.\n"
    )
    assert sorted(_targets(text)) == [(2030, "=", 240, "HTX"), (2030, ">=", 65, "%")]
    text = (
        "Đến năm 2030, phấn đấu có khoảng 1.200 hợp tác xã nông nghiệp\n"
        "Phấn đấu đến năm 2030, toàn tỉnh có 1.200 hợp tác xã nông nghiệp, trong đó ít nhất 40% ứng dụng công nghệ "
        "cao.\n"
    )
    assert sorted(_targets(text)) == [(2030, "=", 1200, "HTX"), (2030, ">=", 40, "%")]
    # not restated: another value, another year — the headline's target stays
    text = (
        "Phấn đấu đến năm 2030 có 50 liên hiệp hợp tác xã\n"
        "Phấn đấu đến năm 2030, toàn tỉnh có 1.200 hợp tác xã; đến năm 2035 có 50 liên hiệp hợp tác xã.\n"
    )
    assert sorted(_targets(text)) == [(2030, "=", 50, "LHHTX"), (2030, "=", 1200, "HTX"), (2035, "=", 50, "LHHTX")]
    # two body targets of the same value are both kept
    text = "Phát triển hợp tác xã\nPhấn đấu đến năm 2030, 100% hợp tác xã có website; 100% hợp tác xã có kế toán.\n"
    assert _targets(text) == [(2030, "=", 100, "%"), (2030, "=", 100, "%")]


def test_each_period_of_a_listed_pair_is_its_own_target():
    """Tenth pass (fresh6's c102): "mỗi giai đoạn …" after two periods or more listed in its sentence is one target per
    period, at each period's end; one period named (or none) keeps one target, and a target of another clause of the
    sentence is not copied."""
    title = "Phát triển hợp tác xã giai đoạn 2026 - 2035\n"
    text = title + (
        "Phấn đấu trong hai giai đoạn 2026 - 2030 và 2031 - 2035, mỗi giai đoạn thành lập mới tối thiểu 40 hợp tác "
        "xã; đến năm 2035 toàn tỉnh có 900 hợp tác xã.\n"
    )
    assert sorted(_targets(text)) == sorted([(2030, ">=", 40, "HTX"), (2035, ">=", 40, "HTX"), (2035, "=", 900, "HTX")])
    text = title + (
        "Mục tiêu ba giai đoạn 2021-2025, 2026-2030 và 2031-2035, mỗi giai đoạn phấn đấu có thêm 15 liên hiệp hợp "
        "tác xã.\n"
    )
    assert sorted(_targets(text)) == [(2025, "=", 15, "LHHTX"), (2030, "=", 15, "LHHTX"), (2035, "=", 15, "LHHTX")]
    # one period: one target at its end (the default horizon's reading)
    text = title + "Trong giai đoạn 2026 - 2030, phấn đấu mỗi giai đoạn thành lập mới 40 hợp tác xã.\n"
    assert _targets(text) == [(2030, "=", 40, "HTX")]


def test_a_communes_farm_targets_with_breakdowns_never_closed():
    """Tenth pass (fresh6's c159): a commune's main indicators — head of livestock in "con" (a unit, and still a
    filler before another unit), an area named "hằng năm"/"lâu năm" (no year: the number after it is the
    indicator's), a total whose breakdown "(trong đó: …" follows a full stop or a comma, closed or never closed. The
    breakdown's parts are no targets; a bracket after a full stop that does not say "trong đó/gồm" is no breakdown."""
    text = (
        "Chỉ tiêu phát triển kinh tế của xã giai đoạn 2026-2030\n2. Các chỉ tiêu chủ yếu đến năm 2030\n"
        "(1) Tổng diện tích gieo trồng hằng năm: 2.650 ha. (trong đó: lúa 2 vụ 900 ha; ngô 650 ha; sắn (mì) 400; "
        "rau màu 700 ha.\n"
        "(2) Tổng đàn gia súc: 4.100 con, (trong đó: đàn bò: 1.500 con; đàn heo: 2.600 con). Gia cầm:8000 con.\n"
        "(3) Diện tích cây lâu năm đạt 1.250 ha.\n"
        "(4) Thu nhập bình quân đầu người đạt 60 triệu đồng/người/năm.\n"
    )
    assert _targets(text) == [
        (2030, "=", 2650, "ha"),
        (2030, "=", 4100, "con"),
        (2030, "=", 8000, "con"),
        (2030, "=", 1250, "ha"),
        (2030, "=", 60000000, "đồng/người/năm"),
    ]
    # "con" before a unit is a filler; a year after "hằng năm" is still a year; a bracket after a stop that opens a
    # target of its own stays a target
    text = (
        "Chỉ tiêu phát triển kinh tế của xã giai đoạn 2026-2030\n2. Các chỉ tiêu chủ yếu đến năm 2030\n"
        "(1) Thu hút 300 con em hộ thành viên; hằng năm 2027 tổ chức tập huấn.\n"
        "(2) Thành lập mới 12 hợp tác xã. (Phấn đấu thành lập mới 20 tổ hợp tác).\n"
    )
    assert _targets(text) == [(2030, "=", 12, "HTX"), (2030, "=", 20, "THT")]


def test_a_share_of_the_provinces_product_after_chiếm():
    """Tenth pass (fresh6's c117 "giá trị sản xuất của khu vực HTX chiếm từ 1,5 - 2% GRDP"): a percentage of the
    economy's product (GRDP, GDP, "tổng sản phẩm") after "chiếm" is a share to reach, as "tỷ trọng … chiếm" is; the
    present share ("hiện chiếm"), a past one ("đã chiếm") and a population's share stay no targets."""
    title = "Phát triển kinh tế tập thể giai đoạn 2026 - 2030\n"
    cases = {
        "Phấn đấu đến năm 2030, giá trị sản xuất của khu vực hợp tác xã chiếm từ 2,5 - 3% GRDP của tỉnh.": [
            (2030, "range", 2.5, 3, "%")
        ],
        "Mục tiêu đến năm 2030, kinh tế tập thể chiếm khoảng 4,5% tổng sản phẩm trên địa bàn tỉnh.": [
            (2030, "~", 4.5, None, "%")
        ],
        "Khu vực hợp tác xã hiện chiếm 1,2% GRDP; phấn đấu đến năm 2030 khu vực hợp tác xã chiếm 3% GRDP.": [
            (2030, "=", 3, None, "%")
        ],
        "Năm 2025, khu vực hợp tác xã đã chiếm 1,2% GRDP; phấn đấu đến năm 2030 chiếm 3% GRDP.": [
            (2030, "=", 3, None, "%")
        ],
        "Phấn đấu đến năm 2030, có 500 hợp tác xã; đồng bào dân tộc thiểu số chiếm 58% dân số của tỉnh.": [
            (2030, "=", 500, None, "HTX")
        ],
    }
    for sentence, expected in cases.items():
        targets = read_text(title + sentence + "\n").to_dict()["targets"]
        got = [(t["year"], t["comparator"], t["value"], t["value_max"], t["unit"]) for t in targets]
        assert got == expected, sentence


def test_a_growth_in_a_bracket_is_its_own_target_and_a_breakdown_is_not():
    """Tenth pass, the convention for brackets after a count (fresh6's c111 and c142 agree under it): a bracket that
    states a growth against a base — "(tăng 380 HTX so với năm 2020)" — is a target of its own, as the same growth
    outside a bracket is (c76); a bracket that lists the parts of the total — "(105 … nông nghiệp, 35 … phi nông
    nghiệp)", "(trong đó: …)" — holds no target of its own."""
    title = "Phát triển kinh tế tập thể giai đoạn 2026 - 2030\n"
    text = title + (
        "Mục tiêu cụ thể đến năm 2030, toàn tỉnh có 9 liên hiệp hợp tác xã (tăng 4 liên hiệp hợp tác xã so với năm "
        "2025), 950 hợp tác xã (tăng 310 hợp tác xã so với năm 2025) và 620 tổ hợp tác (giảm 40 tổ hợp tác so với "
        "hiện nay).\n"
    )
    assert sorted(_targets(text)) == sorted(
        [
            (2030, "=", 9, "LHHTX"),
            (2030, "=", 4, "LHHTX"),
            (2030, "=", 950, "HTX"),
            (2030, "=", 310, "HTX"),
            (2030, "=", 620, "THT"),
            (2030, "=", 40, "THT"),
        ]
    )
    text = title + (
        "Mục tiêu cụ thể đến năm 2030, toàn tỉnh thành lập mới 180 hợp tác xã (120 hợp tác xã nông nghiệp, 60 hợp tác "
        "xã phi nông nghiệp) và 300 tổ hợp tác (trong đó: 200 tổ hợp tác nông nghiệp); doanh thu tăng 8%/năm (tăng "
        "cao hơn giai đoạn trước).\n"
    )
    assert sorted(_targets(text)) == sorted([(2030, "=", 180, "HTX"), (2030, "=", 300, "THT"), (2030, "=", 8, "%/năm")])


def test_a_trailing_trở_lên_binds_to_its_own_number_only():
    """Tenth pass (fresh6's c111 "tỷ lệ HTX khá, giỏi đạt 70% trở lên, không còn HTX …; 100% cán bộ …" read the
    100% as ">="): "trở lên/trở xuống" after a number is that number's comparator and is carried neither to the
    next item of its clause nor past ";" — a comparator before the first item still is."""
    title = "Phát triển kinh tế tập thể giai đoạn 2026 - 2030\n"
    text = title + (
        "Mục tiêu cụ thể đến năm 2030: tỷ lệ hợp tác xã khá, tốt đạt 75% trở lên; 100% cán bộ quản lý được bồi dưỡng; "
        "doanh thu tăng 9%/năm trở lên, 60 hợp tác xã ứng dụng công nghệ cao; có ít nhất 40 hợp tác xã, 15 liên hiệp "
        "hợp tác xã.\n"
    )
    assert _targets(text) == [
        (2030, ">=", 75, "%"),
        (2030, "=", 100, "%"),
        (2030, ">=", 9, "%/năm"),
        (2030, "=", 60, "HTX"),
        (2030, ">=", 40, "HTX"),
        (2030, ">=", 15, "LHHTX"),
    ]


def test_a_comparator_goes_on_past_a_bracket_between_the_items():
    """Tenth pass (fresh6's c113 "có khoảng 390 HTX với 18.257 thành viên, 529 tổ hợp tác (trong đó …), 3 liên hiệp
    HTX với 13 HTX thành viên"): a bracket between two items of an enumeration does not end it — the comparator before
    the first item still covers the items after the bracket; the bracket's own numbers stay parts, and "=" or a
    restart with "có" after ";" still ends the run."""
    title = "Phát triển kinh tế tập thể năm 2027\n"
    text = title + (
        "Phấn đấu đến cuối năm 2027, toàn tỉnh có khoảng 260 hợp tác xã, 340 tổ hợp tác (trong đó 120 tổ hợp tác nông "
        "nghiệp, 220 tổ hợp tác phi nông nghiệp), 4 liên hiệp hợp tác xã với 15.000 thành viên.\n"
    )
    assert _targets(text) == [
        (2027, "~", 260, "HTX"),
        (2027, "~", 340, "THT"),
        (2027, "~", 4, "LHHTX"),
        (2027, "~", 15000, "thành viên"),
    ]
    text = title + (
        "Phấn đấu đến cuối năm 2027, toàn tỉnh có khoảng 260 hợp tác xã (tăng 20 hợp tác xã so với năm 2026); có 4 "
        "liên hiệp hợp tác xã.\n"
    )
    assert _targets(text) == [(2027, "~", 260, "HTX"), (2027, "=", 20, "HTX"), (2027, "=", 4, "LHHTX")]


def test_a_rate_per_unit_of_several_words():
    """Tenth pass (found by the target fuzz's neighbours, not in the corpus): "tỷ đồng/hợp tác xã/năm" was read as the
    unit "đồng/hợp" (one word after each "/"); a unit of several words after "/" is one part of the rate, written as
    its canonical name ("đồng/HTX/năm", "đồng/thành viên/năm", "HTX/năm"); one-word parts stay as written and the
    words after the unit ("… hợp tác xã nông nghiệp") are not taken into it."""
    text = (
        "Kế hoạch phát triển kinh tế tập thể năm 2026\n"
        "Chỉ tiêu chủ yếu năm 2026: doanh thu bình quân đạt 3,5 tỷ đồng/hợp tác xã/năm; thu nhập của thành viên đạt "
        "72 triệu đồng/thành viên/năm; lãi bình quân 450 triệu đồng/hợp tác xã nông nghiệp; thành lập mới 12 hợp tác "
        "xã/năm; thu nhập của lao động 6,5 triệu đồng/người/tháng.\n"
    )
    assert _targets(text) == [
        (2026, "=", 3500000000, "đồng/HTX/năm"),
        (2026, "=", 72000000, "đồng/thành viên/năm"),
        (2026, "=", 450000000, "đồng/HTX"),
        (2026, "=", 12, "HTX/năm"),
        (2026, "=", 6500000, "đồng/người/tháng"),
    ]


def test_a_count_whose_unit_is_its_labels_first_words():
    """Tenth pass (fresh4's c76 "trong đó HTX nông nghiệp: 450, HTX phi nông nghiệp: 480"): a number with no unit
    after "<label>:" takes its unit from the label when the label opens with a unit ("Số hợp tác xã:", "Tổng số thành
    viên:", "HTX nông nghiệp:"). Not: a label that is no unit ("Quyết định số:", "Điện thoại HTX:" mid-sentence), a
    number followed by a word, a number with a unit of its own."""
    title = "Phát triển kinh tế tập thể giai đoạn 2026 - 2030\n"
    text = title + (
        "Các chỉ tiêu cụ thể đến năm 2030:\n- Số hợp tác xã: 1.200;\n- Tổng số thành viên: 25.000;\n"
        "- Số lượng tổ hợp tác: 1.500;\n- Lao động thường xuyên: 9.000.\n"
    )
    assert _targets(text) == [
        (2030, "=", 1200, "HTX"),
        (2030, "=", 25000, "thành viên"),
        (2030, "=", 1500, "THT"),
        (2030, "=", 9000, "lao động"),
    ]
    text = title + (
        "Phấn đấu đến năm 2030, toàn tỉnh có 1.150 HTX, trong đó HTX nông nghiệp: 700, HTX phi nông nghiệp: 450; "
        "số xã có hợp tác xã: 95 xã.\n"
    )
    assert _targets(text) == [(2030, "=", 1150, "HTX"), (2030, "=", 700, "HTX"), (2030, "=", 450, "HTX"), (2030, "=", 95, "xã")]
    text = title + (
        "Phấn đấu đến năm 2030 có 300 hợp tác xã theo Quyết định số: 1804, hotline Liên minh HTX: 1900; hợp tác xã: "
        "12 năm hoạt động.\n"
    )
    assert _targets(text) == [(2030, "=", 300, "HTX")]


def test_a_summarys_list_numbered_in_brackets():
    """Tenth pass (found by the target fuzz): a page's "Các chỉ tiêu chủ yếu đến năm 2028:" over items numbered
    "(1) … (2) …" or "1) … 2) …" gave nothing (only "- " and "a) " items were read; "1)" items are numbered headings
    to the structure, read as one-line items after the list's heading); the list ends at its first line that is no
    item, and a list under results ("Kết quả đạt được:") stays no target."""
    title = "Phát triển hợp tác xã nông nghiệp giai đoạn 2026 - 2028\n"
    for marks in (("(1) ", "(2) ", "(3) "), ("(01) ", "(02) ", "(03) "), ("1) ", "2) ", "3) "), ("1. ", "2. ", "3. ")):
        text = title + (
            f"Các chỉ tiêu chủ yếu đến năm 2028:\n{marks[0]}Thành lập mới 45 hợp tác xã nông nghiệp;\n"
            f"{marks[1]}Có ít nhất 60% hợp tác xã liên kết tiêu thụ sản phẩm;\n{marks[2]}Đào tạo 900 lượt cán bộ.\n"
            "Tỉnh hiện có 310 hợp tác xã nông nghiệp.\n"
        )
        assert _targets(text) == [(2028, "=", 45, "HTX"), (2028, ">=", 60, "%"), (2028, "=", 900, "lượt")], marks
    text = title + "Kết quả đạt được:\n(1) Đã thành lập mới 45 hợp tác xã;\n(2) Đã đào tạo 900 lượt cán bộ.\n"
    assert _targets(text) == []


def test_an_ocop_summarys_star_rating_and_headline_are_no_targets_of_their_own():
    """Tenth pass (fresh6's c137, c168: the OCOP summaries' single figures): a star rating after things counted in its
    sentence is their rank, also when a milestone cuts the sentence ("nâng cấp 8 mô hình …, phấn đấu đến năm 2025 đạt
    từ 4 đến 5 sao"); a headline that says no comparator ("có 300 sản phẩm") restates the body's "tối thiểu 300", also
    when the site ends the body's sentence with "|". A star rating with nothing counted before it stays read."""
    text = (
        "Quảng Trị: Đến năm 2028, phấn đấu có 120 sản phẩm OCOP từ 3 sao trở lên\n"
        "Phấn đấu đến năm 2028, toàn tỉnh có tối thiểu 120 sản phẩm đạt chuẩn OCOP từ 3 sao trở lên. |\n"
        "Bên cạnh đó, tỉnh nâng cấp 6 điểm du lịch cộng đồng, phấn đấu đến năm 2028 đạt từ 3 đến 4 sao.\n"
    )
    assert _targets(text) == [(2028, ">=", 120, "sản phẩm"), (2028, "=", 6, "điểm")]
    text = "Chương trình OCOP của huyện\nPhấn đấu đến năm 2028, sản phẩm chè của huyện đạt 5 sao.\n"
    assert _targets(text) == [(2028, "=", 5, "sao")]


def test_a_province_handing_its_targets_down_with_giao():
    """Tenth pass (fresh6's c178 "giao UBND các huyện, thị xã, thành phố … triển khai kế hoạch thành lập mới tổng số 80
    HTX trong năm 2019"): "giao <whom> … thành lập/phát triển (mới) <number>" is a lead-in of the province's targets;
    "đã giao" (done), "được giao" (a target received, reported) and "giao <whom> bố trí <money>" (no verb of founding
    before the number) are not."""
    title = "Phát triển hợp tác xã năm 2027\n"
    cases = {
        "UBND tỉnh giao UBND các huyện, thị xã triển khai kế hoạch thành lập mới tổng số 64 hợp tác xã trong năm 2027.": [
            (2027, "=", 64, "HTX")
        ],
        "Tỉnh giao cho các huyện phát triển mới ít nhất 35 tổ hợp tác trong năm 2027.": [(2027, ">=", 35, "THT")],
        "Năm 2026, tỉnh đã giao các huyện thành lập mới 64 hợp tác xã; đến nay đã thành lập 50 hợp tác xã.": [],
        "Năm 2026, huyện được giao thành lập mới 8 hợp tác xã.": [],
        "UBND tỉnh giao Sở Tài chính bố trí 3 tỷ đồng để hỗ trợ thành lập mới hợp tác xã trong năm 2027.": [],
    }
    for sentence, expected in cases.items():
        assert _targets(title + sentence + "\n") == expected, sentence


def test_an_item_that_opens_with_its_year_or_period():
    """Tenth pass (found by probing plans' shapes): an item of the targets that opens with its year or period —
    "- Năm 2026: thành lập mới 40 hợp tác xã, 100 tổ hợp tác;", "- Giai đoạn 2026-2027: mỗi năm …" (the period's end)
    — is that year's target, in a plan's "Mục tiêu cụ thể" (it was read at the plan's end year) and under a summary's
    "…, trong đó:" (it was taken for a report of an earlier year and dropped). Not: a year before the document's in a
    plan (the section's year stays), items under a results heading ("Kết quả các năm trước:")."""
    head = HEAD.replace("NĂM 2023", "GIAI ĐOẠN 2023 - 2026")
    text = head + (
        "II. MỤC TIÊU CỤ THỂ\n- Năm 2023: thành lập mới 40 hợp tác xã, 100 tổ hợp tác;\n- Năm 2024: thành lập mới 45 "
        "hợp tác xã;\n- Giai đoạn 2025-2026: mỗi năm thành lập mới 50 hợp tác xã.\nIII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    )
    assert _targets(text) == [
        (2023, "=", 40, "HTX"),
        (2023, "=", 100, "THT"),
        (2024, "=", 45, "HTX"),
        (2026, "=", 50, "HTX"),
    ]
    title = "Phát triển kinh tế tập thể giai đoạn 2026 - 2030\n"
    text = title + (
        "Phấn đấu giai đoạn 2026 - 2030 thành lập mới 220 hợp tác xã, trong đó:\n- Năm 2026: thành lập mới 40 hợp tác "
        "xã;\n- Năm 2027: thành lập mới 45 hợp tác xã.\n"
    )
    assert _targets(text) == [(2030, "=", 220, "HTX"), (2026, "=", 40, "HTX"), (2027, "=", 45, "HTX")]
    text = title + (
        "Phấn đấu đến năm 2030 thành lập mới 220 hợp tác xã. Kết quả các năm trước:\n- Năm 2024: thành lập mới 40 hợp "
        "tác xã;\n- Năm 2025: thành lập mới 45 hợp tác xã.\n"
    )
    assert _targets(text) == [(2030, "=", 220, "HTX")]


def test_a_number_written_again_in_words_in_brackets():
    """Tenth pass (found by probing number shapes): legal texts write a count twice, "01 (một) liên hiệp hợp tác xã",
    "12 (mười hai) hợp tác xã", "05 (năm) mô hình"; the bracket in words stood between the number and its unit, so
    nothing was read. A bracket of other words (an abbreviation, a year) still ends the quantity."""
    title = "Phát triển kinh tế tập thể giai đoạn 2026 - 2030\n"
    text = title + (
        "Phấn đấu đến năm 2030, thành lập mới 01 (một) liên hiệp hợp tác xã, 12 (mười hai) hợp tác xã và xây dựng "
        "05 (năm) mô hình; thu hút 250 (hai trăm năm mươi) thành viên mới.\n"
    )
    assert _targets(text) == [
        (2030, "=", 1, "LHHTX"),
        (2030, "=", 12, "HTX"),
        (2030, "=", 5, "mô hình"),
        (2030, "=", 250, "thành viên"),
    ]
    text = title + "Phấn đấu đến năm 2030, có 7 (năm 2025: 3) liên hiệp hợp tác xã.\n"
    assert _targets(text) == []  # (its unit is not after the number: not read, as before)


def test_a_terms_or_a_periods_targets_open_a_summarys_targets():
    """Tenth pass (found by probing congress reports): "Mục tiêu nhiệm kỳ 2025 - 2030: …", "… các chỉ tiêu chủ yếu
    giai đoạn 2026-2030 là: …" open a summary's targets, at the term's end. Not: after "kết quả / thực hiện / đánh
    giá" in the sentence ("Kết quả thực hiện các chỉ tiêu nhiệm kỳ 2020 - 2025: …"), nor a term that ended before
    the document's year."""
    title = "Đại hội Liên minh Hợp tác xã tỉnh nhiệm kỳ 2025 - 2030\n"
    text = title + (
        "Mục tiêu nhiệm kỳ 2025 - 2030: thành lập mới 260 hợp tác xã; 75% hợp tác xã đạt loại khá, tốt; kết nạp 40 "
        "thành viên mới của Liên minh.\n"
    )
    assert _targets(text) == [(2030, "=", 260, "HTX"), (2030, "=", 75, "%"), (2030, "=", 40, "thành viên")]
    text = title + "Liên minh xác định các chỉ tiêu chủ yếu giai đoạn 2026-2030 là: thành lập mới 300 tổ hợp tác.\n"
    assert _targets(text) == [(2030, "=", 300, "THT")]
    text = title + "Kết quả thực hiện các chỉ tiêu nhiệm kỳ 2020 - 2025: thành lập mới 240 hợp tác xã, 410 tổ hợp tác.\n"
    assert _targets(text) == []
    dated = HEAD.replace("năm 2022", "năm 2026").replace("NĂM 2023", "NĂM 2026")
    assert _targets(dated + "Mục tiêu nhiệm kỳ 2020 - 2025: thành lập mới 240 hợp tác xã.\n") == []


def test_a_terms_list_of_main_targets_numbered_as_headings():
    """Tenth pass (found by probing congress reports): "Các chỉ tiêu chủ yếu nhiệm kỳ 2025 - 2030:" over items numbered
    "1. … 2. …" (headings to the structure) are the term's targets. Not: a past term's list ("… nhiệm kỳ 2020 - 2025:"
    under a page about the 2025 - 2030 congress), a results heading."""
    title = "Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030\n"
    text = title + (
        "Các chỉ tiêu chủ yếu nhiệm kỳ 2025 - 2030:\n1. Tốc độ tăng trưởng kinh tế bình quân 8%/năm.\n"
        "2. Thu nhập bình quân đầu người đến năm 2030 đạt 85 triệu đồng.\n3. Có 3 hợp tác xã nông nghiệp hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [(2030, "=", 8, "%/năm"), (2030, "=", 85000000, "đồng"), (2030, "=", 3, "HTX")]
    text = title + (
        "Các chỉ tiêu chủ yếu nhiệm kỳ 2020 - 2025:\n1. Tốc độ tăng trưởng kinh tế bình quân 7,5%/năm.\n"
        "2. Có 2 hợp tác xã nông nghiệp hoạt động hiệu quả.\n"
    )
    assert _targets(text) == []
    text = "Phát triển kinh tế tập thể\nKết quả đạt được:\n1. Thành lập mới 40 hợp tác xã.\n2. Thu hút 900 thành viên.\n"
    assert _targets(text) == []
    # the list ends after an item followed by a paragraph: a later numbered heading is no item of it
    text = title + (
        "Các chỉ tiêu chủ yếu nhiệm kỳ 2025 - 2030:\n1. Có 3 hợp tác xã nông nghiệp hoạt động hiệu quả.\n"
        "2. Kết nạp 60 đảng viên.\nĐại hội cũng thảo luận các giải pháp.\n3. Giải pháp: hỗ trợ thành lập 4 hợp tác xã.\n"
    )
    assert _targets(text) == [(2030, "=", 3, "HTX"), (2030, "=", 60, "đảng viên")]


def test_a_plans_budget_stated_as_a_need_or_by_its_source_is_no_target():
    """Eleventh pass (fresh7's class "budget lines taken as targets"): "Nhu cầu vốn … để thực hiện … là 2.150 tỷ
    đồng", "Tổng mức đầu tư …", "Tổng kinh phí …" and money named by its source after it ("khoảng 420 tỷ đồng là
    nguồn ngân sách", "… từ vốn huy động") are the plan's budget. Still targets: a value to reach in the same
    paragraph, a revenue, a total investment that "đạt" an amount, an income."""
    text = (
        "Phấn đấu đến năm 2025 giá trị sản xuất ngành nông nghiệp đạt 9.000 tỷ đồng. Nhu cầu vốn cho cả giai đoạn 2021 "
        "– 2025 để thực hiện đề án là 2.150 tỷ đồng. Trong đó có khoảng 420 tỷ đồng là nguồn ngân sách, còn lại là "
        "vốn huy động.\n"
    )
    assert _targets(text) == [(2025, "=", 9000000000000, "đồng")]
    text = (
        "Mục tiêu đến năm 2030: thu nhập bình quân của thành viên hợp tác xã đạt 80 triệu đồng/năm; tổng mức đầu tư "
        "của chương trình khoảng 640 tỷ đồng; 60% hợp tác xã hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [(2030, "=", 80000000, "đồng/năm"), (2030, "=", 60, "%")]
    text = (
        "Phấn đấu đến năm 2030 doanh thu bình quân đạt 5 tỷ đồng/hợp tác xã, trong đó 300 triệu đồng từ vốn huy động "
        "của thành viên.\n"
    )
    assert _targets(text) == [(2030, "=", 5000000000, "đồng/HTX")]
    # money to reach stays a target
    text = (
        "Mục tiêu đến năm 2030, thu ngân sách trên địa bàn đạt 3.000 tỷ đồng; tổng vốn đầu tư toàn xã hội đạt trên "
        "12.000 tỷ đồng.\n"
    )
    assert _targets(text) == [(2030, "=", 3000000000000, "đồng"), (2030, ">", 12000000000000, "đồng")]


def test_a_congress_closing_session_names_the_term_of_its_targets():
    """Eleventh pass (fresh7's class "targets whose year is only in the title/term"): "Đại hội … đã họp phiên bế mạc,
    thông qua nghị quyết … nhiệm kỳ 2023 – 2028" states the horizon of the items below it ("hằng năm …", "đến cuối
    nhiệm kỳ …"), as "… đã bế mạc" did. Not: a session reviewing a past term ("đã họp phiên tổng kết nhiệm kỳ 2017 –
    2022"), whose end is no horizon of what follows."""
    text = (
        "Sau 2 ngày làm việc, ngày 15/9, Đại hội đại biểu Hội Nông dân tỉnh lần thứ X đã họp phiên bế mạc, thông qua "
        "nghị quyết đại hội với các mục tiêu, chỉ tiêu nhiệm kỳ 2023 – 2028.\nĐại hội xác định 6 chỉ tiêu chính. Thứ "
        "nhất, hằng năm, mỗi cơ sở Hội vận động thêm 10 hộ nông dân sản xuất giỏi.\nThứ hai, đến cuối nhiệm kỳ, hỗ trợ "
        "thành lập mới 120 hợp tác xã do nông dân làm chủ.\n"
    )
    assert _targets(text) == [(2028, "=", 10, "hộ"), (2028, "=", 120, "HTX")]
    text = (
        "Chiều 5/10, Đại hội Hội Liên minh Hợp tác xã tỉnh đã họp phiên khai mạc, thảo luận phương hướng nhiệm kỳ 2025 - "
        "2030. Đại hội xác định 5 chỉ tiêu chính. Trong đó, đến cuối nhiệm kỳ, có 200 hợp tác xã hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [(2030, "=", 200, "HTX")]
    text = (
        "Ngày 20/8, Đại hội Hội Nông dân tỉnh đã họp phiên tổng kết nhiệm kỳ 2017 – 2022. Đại hội xác định 5 chỉ tiêu "
        "chính. Trong đó, đến cuối nhiệm kỳ, hỗ trợ thành lập 40 hợp tác xã.\n"
    )
    assert all(year != 2022 for year, *_ in _targets(text))


def test_a_summarys_sentence_announcing_its_list_of_targets():
    """Eleventh pass (fresh7's class "indicator lists of plans without a lead word per item"): "Theo đó, mục tiêu của
    Kế hoạch “… giai đoạn 2024 - 2030” như sau:" over "- " items (one written "-100%") reads every item with a
    unit, at the period's end, and goes on past an item without one. Not: a review's list ("Theo đó, kết quả thực
    hiện mục tiêu … như sau:"), "mục tiêu chung … như sau:"."""
    head = (
        "Ngày 12 tháng 3 năm 2024, UBND tỉnh đã ban hành Kế hoạch số 45/KH-UBND về hỗ trợ nông dân liên kết sản xuất.\n"
    )
    items = (
        "-100% các huyện có mô hình liên kết sản xuất.\n- Hằng năm, 5.000 nông dân được tập huấn kỹ thuật.\n"
        "- Hỗ trợ 20 sáng kiến về liên kết.\n"
        "- Hỗ trợ thành lập 150 hợp tác xã nông nghiệp, trong đó có 30 hợp tác xã ứng dụng công nghệ cao.\n"
        "- Hỗ trợ duy trì ít nhất 40 chuỗi liên kết.\n"
    )
    text = head + "Theo đó, mục tiêu của Kế hoạch “Hỗ trợ nông dân liên kết sản xuất giai đoạn 2024 - 2030” như sau:\n"
    assert _targets(text + items) == [
        (2030, "=", 100, "%"),
        (2030, "=", 5000, "nông dân"),  # "nông dân" a unit since the rule on people counted by unions
        (2030, "=", 150, "HTX"),
        (2030, "=", 30, "HTX"),
        (2030, ">=", 40, "chuỗi"),
    ]
    text = head + "Theo đó, kết quả thực hiện mục tiêu Kế hoạch giai đoạn 2021 - 2025 như sau:\n"
    assert _targets(text + items) == []
    text = head + "Mục tiêu chung của Kế hoạch giai đoạn 2024 - 2030 như sau:\n"
    assert _targets(text + "- Phát triển 150 hợp tác xã bền vững, hiệu quả.\n") == []


def test_a_congress_list_of_indicators_flattened_with_its_group_labels():
    """Eleventh pass (fresh7's class "indicator lists of plans", a district congress's twenty indicators on one line):
    "CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025-2030 I. Về kinh tế (8 chỉ tiêu) 1. … 2. … II. Về xã hội (5 chỉ tiêu) 3. …"
    reads every numbered item, the group labels passed over. Not: the same list reporting results ("Kết quả thực hiện
    các chỉ tiêu …"), nor a description without numbers between the items (it still ends them)."""
    items = (
        " I. Về kinh tế (8 chỉ tiêu) 1. Tốc độ tăng giá trị sản xuất bình quân hằng năm đạt 9,5%. 2. Thu nhập bình quân "
        "đầu người đến năm 2030: 95 triệu đồng. 3. Tổng sản lượng lương thực bình quân hằng năm: 31.000 tấn. II. Về văn "
        "hóa - xã hội (5 chỉ tiêu) 4. Tỷ lệ lao động qua đào tạo năm 2030: 75%. 5. Có 12 hợp tác xã nông nghiệp hoạt "
        "động hiệu quả.\n"
    )
    text = "Đại hội Đảng bộ huyện nhiệm kỳ 2025-2030\nCÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2025-2030" + items
    assert _targets(text) == [
        (2030, "=", 9.5, "%/năm"),
        (2030, "=", 95000000, "đồng"),
        (2030, "=", 31000, "tấn"),
        (2030, "=", 75, "%"),
        (2030, "=", 12, "HTX"),
    ]
    text = "Đại hội Đảng bộ huyện nhiệm kỳ 2025-2030\nKết quả thực hiện các chỉ tiêu chủ yếu nhiệm kỳ 2020-2025" + items
    assert _targets(text) == []
    text = (
        "Đại hội Đảng bộ huyện nhiệm kỳ 2025-2030\nCÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2025-2030 1. Tốc độ tăng giá "
        "trị sản xuất bình quân hằng năm đạt 9,5%. Các hợp tác xã được hỗ trợ vay vốn. Có 12 hợp tác xã hoạt động.\n"
    )
    assert _targets(text) == [(2030, "=", 9.5, "%/năm")]


def test_a_plans_indicators_announced_as_a_list_after_a_colon():
    """Eleventh pass (fresh7's class "indicator lists of plans", the National Assembly's plan for a year): "… gồm các
    chỉ tiêu: Tổng vốn đầu tư … khoảng 32% GRDP; tỷ lệ hộ nghèo giảm 1,5%; …" reads each ';'-item, at the year the
    plan names. Not: the same list after what was done or reached in its sentence ("đã hoàn thành và vượt 14 chỉ
    tiêu, trong đó nổi bật là các chỉ tiêu: …", "Kết quả thực hiện là các chỉ tiêu: …")."""
    text = (
        "Kế hoạch phát triển kinh tế - xã hội năm 2026 của tỉnh\nNgoài chỉ tiêu về tăng trưởng, Nghị quyết còn gồm các "
        "chỉ tiêu: Tổng vốn đầu tư phát triển toàn xã hội khoảng 32% GRDP; tỷ lệ hộ nghèo giảm 1,5%; tỷ lệ lao động "
        "qua đào tạo đạt 72%; có thêm 15 hợp tác xã nông nghiệp hoạt động hiệu quả.\n"
    )
    assert _targets(text) == [(2026, "~", 32, "%"), (2026, "=", 1.5, "%"), (2026, "=", 72, "%"), (2026, "=", 15, "HTX")]
    report = "Báo cáo kinh tế - xã hội năm 2025 của tỉnh\n"
    text = report + (
        "Năm 2025, tỉnh đã hoàn thành và vượt 14 chỉ tiêu, trong đó nổi bật là các chỉ tiêu: tăng trưởng GRDP đạt "
        "8,2%; tỷ lệ lao động qua đào tạo đạt 71%; thành lập mới 20 hợp tác xã.\n"
    )
    assert _targets(text) == []
    text = report + "Kết quả thực hiện là các chỉ tiêu: tăng trưởng GRDP đạt 8,2%; tỷ lệ lao động qua đào tạo đạt 71%.\n"
    assert _targets(text) == []


def test_news_of_a_plans_issuance_naming_its_targets_below():
    """Eleventh pass (fresh7's class "news of a plan's issuance"): "Đây là mục tiêu quan trọng được đề ra trong kế
    hoạch … năm 2025 vừa được Chủ tịch UBND tỉnh ký ban hành." over "Theo đó, thu nhập … đạt trên 60 triệu đồng. …"
    reads the sentences below at the plan's year; "đã qua đào tạo" (trained) is no past. Not: the same lead over what
    was done ("Qua 3 năm thực hiện, toàn tỉnh đã thành lập mới 45 hợp tác xã"), nor a year's result "tỷ lệ lao động
    đã qua đào tạo đạt 65%" in a report of that year."""
    text = (
        "Phát triển hợp tác xã gắn với sản phẩm chủ lực\nTỉnh đẩy mạnh xây dựng mô hình hợp tác xã gắn với liên kết sản "
        "xuất. Đây là mục tiêu quan trọng được đề ra trong kế hoạch phát triển kinh tế tập thể tỉnh Hậu Giang năm 2025 "
        "vừa được Chủ tịch UBND tỉnh ký ban hành.\nTheo đó, thu nhập bình quân của thành viên hợp tác xã đạt trên 60 "
        "triệu đồng. Doanh thu bình quân của hợp tác xã đạt 1,5 tỷ đồng trở lên. Tỷ lệ cán bộ quản lý hợp tác xã đã "
        "qua đào tạo khoảng 30%.\n"
    )
    assert _targets(text) == [(2025, ">", 60000000, "đồng"), (2025, ">=", 1500000000, "đồng"), (2025, "~", 30, "%")]
    text = (
        "Phát triển hợp tác xã\nĐây là mục tiêu được đề ra trong kế hoạch phát triển kinh tế tập thể giai đoạn "
        "2021-2025 của tỉnh. Qua 3 năm thực hiện, toàn tỉnh đã thành lập mới 45 hợp tác xã, thu nhập bình quân đạt 55 "
        "triệu đồng.\n"
    )
    assert _targets(text) == []
    dated = HEAD.replace("năm 2022", "năm 2024")
    assert _targets(dated + "Năm 2023, tỷ lệ lao động đã qua đào tạo đạt 65%.\n") == []


def test_a_list_heading_with_its_year_or_with_letters_lost_and_sizes_that_qualify():
    """Eleventh pass (fresh7's class "indicator lists of plans"; a site's font that lost its letters with a dot
    below): "Mục tiêu cụ thể năm 2025:" — or " Mc tiêu c thể năm 2025:" as such a page serves it — over "- " items
    reads them at that year. A size that qualifies what is counted ("03 hợp tác xã có quy mô từ trên 100 thành viên")
    and the object of a progress target ("Hoàn thành 50% tiến độ xây dựng 02 mô hình …") are no targets of their
    own; a past year's heading ("Mục tiêu năm 2023:" in a plan of 2024) gives no year to its items."""
    items = (
        "- Hoàn thành 50% tiến độ xây dựng thí điểm 02 mô hình hợp tác xã điểm.\n- Xây dựng 03 hợp tác xã có quy mô "
        "từ trên 100 thành viên.\n- Trên 80% hợp tác xã có hợp đồng liên kết sản xuất với doanh nghiệp.\n"
    )
    expected = [(2025, "=", 50, "%"), (2025, "=", 3, "HTX"), (2025, ">", 80, "%")]
    text = "Phát triển kinh tế tập thể của tỉnh\nTỉnh tập trung phát triển hợp tác xã nông nghiệp.\n"
    assert _targets(text + "Mục tiêu cụ thể năm 2025:\n" + items) == expected
    assert _targets(text + " Mc tiêu c thể năm 2025:\n" + items) == expected
    dated = HEAD.replace("năm 2022", "năm 2024").replace("NĂM 2023", "NĂM 2025")
    assert all(year != 2023 for year, *_ in _targets(dated + "Mục tiêu năm 2023:\n" + items))


def test_a_programme_that_has_as_its_objective():
    """Eleventh pass (fresh7's class "targets without a lead word"): "Chương trình … giai đoạn 2026-2030 có mục tiêu
    có khoảng 80% hợp tác xã hoạt động hiệu quả. Trong đó, … Thu nhập … tăng gấp 2 - 2,5 lần …" reads the sentence
    and the ones after it that state targets, at the period's end. Not: "có mục tiêu chung là …", nor a cooperative
    that "có mục tiêu rõ ràng và đã kết nạp 120 thành viên" (what was done)."""
    text = (
        "Ngành nông nghiệp kỳ vọng 80% hợp tác xã hoạt động hiệu quả\nChương trình phát triển kinh tế tập thể giai đoạn "
        "2026-2030 của tỉnh có mục tiêu có khoảng 80% hợp tác xã hoạt động hiệu quả. Trong đó, có khoảng 40% hợp tác "
        "xã ứng dụng công nghệ cao. Thu nhập bình quân của thành viên năm 2030 tăng gấp 2 - 2,5 lần so với năm 2020.\n"
    )
    assert _targets(text) == [(2030, "~", 80, "%"), (2030, "~", 40, "%"), (2030, "range", 2, "lần")]
    text = "Hợp tác xã điển hình\nHợp tác xã có mục tiêu chung là phát triển bền vững, năm 2023 có 120 thành viên.\n"
    assert _targets(text) == []
    text = "Hợp tác xã điển hình\nNăm 2023, hợp tác xã có mục tiêu rõ ràng và đã kết nạp 120 thành viên.\n"
    assert _targets(text) == []


def test_a_cu_the_list_heading_with_its_milestone():
    """Eleventh pass (fresh7's class "indicator lists of plans"): "Cụ thể đến năm 2030:" or "Cụ thể năm 2030 định
    hướng:" over "•" items (a strategy's summary) reads them at that year, an objective in words passed over. Not:
    "Cụ thể năm 2023:" (no milestone, no "định hướng": it may open a year's results)."""
    items = (
        "  • Tốc độ tăng trưởng giá trị sản xuất nông nghiệp đạt bình quân từ 3 – 3,5%/ năm.\n  • Mở rộng thị trường "
        "tiêu thụ nông sản.\n  • Tỷ lệ hợp tác xã hoạt động hiệu quả trên 60%, tỷ lệ lao động nông nghiệp dưới 25%\n"
    )
    expected = [(2030, "range", 3, "%/năm"), (2030, ">", 60, "%"), (2030, "<", 25, "%")]
    title = "Tỉnh phê duyệt Đề án phát triển nông nghiệp giai đoạn 2021 – 2030\n"
    assert _targets(title + "Cụ thể đến năm 2030:\n" + items) == expected
    assert _targets(title + "Cụ thể năm 2030 định hướng:\n" + items) == expected
    assert _targets(title + "Cụ thể năm 2023:\n" + items) == []


def test_a_period_written_without_giai_doan_gives_its_end():
    """Eleventh pass (fresh7's class "targets whose year is only in the term"): "Dự kiến trong 5 năm 2020 – 2025, tỉnh
    … sẽ phát triển mới 75 hợp tác xã" and "Trong 5 năm 2026 - 2030, tỉnh phấn đấu …" are targets at the period's
    end, not its start. A year opening the sentence stays the year ("Năm 2026, … so với năm 2021 - 2025")."""
    text = "Tin tức\nDự kiến trong 5 năm 2020 – 2025, tỉnh Bến Tre sẽ phát triển mới 75 hợp tác xã, quan tâm liên kết.\n"
    assert _targets(text) == [(2025, "=", 75, "HTX")]
    assert _targets("Tin tức\nTrong 5 năm 2026 - 2030, tỉnh phấn đấu phát triển mới 90 hợp tác xã.\n") == [
        (2030, "=", 90, "HTX")
    ]
    text = "Tin tức\nNăm 2026, tỉnh phấn đấu phát triển mới 75 hợp tác xã, tăng 20% so với năm 2021 - 2025.\n"
    assert [t[0] for t in _targets(text)] == [2026, 2026]


def test_people_counted_by_unions_and_household_farms_are_units():
    """Eleventh pass (fresh7's mass-organisation texts): "thanh niên", "phụ nữ", "nông dân" counted by a union's or a
    programme's target and "gia trại" beside "trang trại" are units. Not: what was done ("đã hỗ trợ 3.000 phụ nữ"),
    today's count ("hiện có 85.000 nông dân"), and "300 hợp tác xã do thanh niên làm chủ" stays a count of HTX."""
    text = (
        "Chương trình hỗ trợ thanh niên khởi nghiệp\nMục tiêu đến năm 2030: hỗ trợ 12.000 thanh niên khởi nghiệp; hỗ "
        "trợ thành lập 300 hợp tác xã do thanh niên làm chủ; nâng cao năng lực cho 17.000 phụ nữ là chủ doanh nghiệp; "
        "tập huấn cho 5.000 nông dân; phát triển 770 trang trại và 1.670 gia trại.\n"
    )
    assert _targets(text) == [
        (2030, "=", 12000, "thanh niên"),
        (2030, "=", 300, "HTX"),
        (2030, "=", 17000, "phụ nữ"),
        (2030, "=", 5000, "nông dân"),
        (2030, "=", 770, "trang trại"),
        (2030, "=", 1670, "gia trại"),
    ]
    text = "Hội Nông dân tỉnh\nNăm 2023, Hội đã hỗ trợ 3.000 phụ nữ khởi nghiệp. Hiện có 85.000 nông dân là hội viên.\n"
    assert _targets(text) == []


def test_money_in_us_dollars_is_a_unit():
    """Eleventh pass (fresh7's class "indicator lists of plans", a national strategy's export value): "đạt trên 6,0 tỷ
    USD/năm" is a target of 6.000.000.000 "USD/năm" — and no longer ends the paragraphs of targets after it. Not:
    money given or a budget in dollars ("nguồn vốn ODA 20 triệu USD"), a year's result in a report."""
    text = (
        "Chiến lược phát triển ngành nghề nông thôn đến năm 2030\nMục tiêu phấn đấu đến năm 2030, tốc độ tăng trưởng "
        "của ngành nghề nông thôn đạt khoảng 6,5%/năm.\nGiá trị xuất khẩu các mặt hàng ngành nghề nông thôn đạt trên "
        "4,5 tỷ USD/năm.\nTỷ lệ lao động qua đào tạo là 75%.\n"
    )
    assert _targets(text) == [(2030, "~", 6.5, "%/năm"), (2030, ">", 4500000000, "USD/năm"), (2030, "=", 75, "%")]
    text = "Dự án phát triển chuỗi giá trị\nMục tiêu đến năm 2030, sử dụng nguồn vốn ODA 20 triệu USD để hỗ trợ 60 hợp tác xã.\n"
    assert _targets(text) == [(2030, "=", 60, "HTX")]
    dated = HEAD.replace("năm 2022", "năm 2024")
    assert _targets(dated + "Năm 2023, kim ngạch xuất khẩu của các hợp tác xã đạt 4,2 tỷ USD.\n") == []


def test_comparators_carried_to_the_right_items():
    """Eleventh pass (fresh7's class "comparators carried to the wrong item"): "ít nhất" before an enumeration covers
    the next item past a qualifier glued to its comma ("ít nhất 16 Chi hội Nông dân nghề nghiệp, 135 Tổ Hội …"); a
    floor closed by its own "trở lên" ("Có từ 45% số HTX … thành lập trở lên tham gia …; 30% số HTX …") binds its
    quantity only. Not carried: past a verb opening a new statement ("ít nhất 20 HTX nông nghiệp, thành lập 5 …")."""
    text = (
        "Chương trình phối hợp\nMục tiêu đến năm 2030: hỗ trợ ít nhất 12 Chi hội Nông dân nghề nghiệp, 90 Tổ Hội Nông "
        "dân nghề nghiệp phát triển thành hợp tác xã; có từ 40% số hợp tác xã do Hội hỗ trợ thành lập trở lên tham gia "
        "liên kết với doanh nghiệp; 25% số hợp tác xã được tiếp cận vốn tín dụng.\n"
    )
    assert _targets(text) == [
        (2030, ">=", 12, "chi hội"),
        (2030, ">=", 90, "tổ hội"),
        (2030, ">=", 40, "%"),
        (2030, "=", 25, "%"),
    ]
    text = "Chương trình phối hợp\nMục tiêu đến năm 2030: củng cố ít nhất 20 HTX nông nghiệp, thành lập 5 tổ hợp tác.\n"
    assert _targets(text) == [(2030, ">=", 20, "HTX"), (2030, "=", 5, "THT")]


def test_a_share_followed_by_nam_is_no_duration():
    """Eleventh pass (fresh7's c245): "phấn đấu tốc độ tăng trưởng bình quân đạt khoảng 5,5% năm" is a yearly rate
    written without its slash ("%/năm"), and "đạt 62% năm 2030" a share at that year — the "năm" after a share is no
    duration ("5 năm" after a count still is). Not a yearly rate: "năm 2030", "năm sau"."""
    text = "Đề án phát triển nông nghiệp giai đoạn 2026 - 2030\nTrong giai đoạn, phấn đấu tốc độ tăng trưởng bình quân đạt khoảng 4,5% năm.\n"
    assert _targets(text) == [(2030, "~", 4.5, "%/năm")]
    text = "Tin tức\nPhấn đấu tỷ lệ hợp tác xã hoạt động hiệu quả đạt 62% năm 2030.\n"
    assert _targets(text) == [(2030, "=", 62, "%")]
    text = "Tin tức\nPhấn đấu đến năm 2030, doanh thu của hợp tác xã tăng 10% năm sau so với năm trước.\n"
    assert [t[3] for t in _targets(text)] == ["%"]
    text = "Tin tức\nPhấn đấu đến năm 2030 thành lập 40 hợp tác xã, hoạt động ổn định 5 năm liên tục.\n"
    assert _targets(text) == [(2030, "=", 40, "HTX")]


def test_a_plans_targets_from_now_to_the_end_of_its_year():
    """Eleventh pass (fresh7's class "news of a plan's issuance"): "Theo kế hoạch này, từ nay đến cuối năm 2024, Liên
    minh HTX … hỗ trợ thành lập mới 15 HTX; … mỗi xã thành lập mới 2 - 4 tổ hợp tác; …" reads the sentence's
    ';'-items at that year. Not: "Theo kế hoạch này, đến cuối năm 2023, toàn tỉnh đã có 300 HTX" (no "từ nay": the
    state at a year's end, here a result)."""
    text = (
        "Tin tức\nTheo kế hoạch này, từ nay đến cuối năm 2024, Liên minh HTX tỉnh tư vấn, hỗ trợ thành lập mới 15 HTX; "
        "đối với mỗi xã xây dựng và thành lập mới 2 - 4 tổ hợp tác điển hình; phấn đấu 100% xã có HTX gắn với Chương "
        "trình OCOP.\n"
    )
    assert _targets(text) == [(2024, "=", 15, "HTX"), (2024, "range", 2, "THT"), (2024, "=", 100, "%")]
    text = "Tin tức\nTheo kế hoạch này, đến cuối năm 2023, toàn tỉnh đã có 300 HTX và 120 tổ hợp tác.\n"
    assert _targets(text) == []


def test_a_label_saying_done_or_existing_gives_no_unit():
    """A list label's unit (e5b4dcb) is no target when the label says what was done ("đã") or what
    exists ("hiện"): 'Số hợp tác xã đã thành lập: 50' and '… hiện có: 1.100' are figures of today, the
    bare label 'Số hợp tác xã: 1.200' under the targets' heading is the target (review finding)."""
    text = "Phát triển kinh tế tập thể giai đoạn 2026 - 2030\n" + (
        "Các chỉ tiêu đến năm 2030:\n- Số hợp tác xã hiện có: 1.100;\n"
        "- Số hợp tác xã đã thành lập: 50;\n- Số hợp tác xã: 1.200.\n"
    )
    assert _targets(text) == [(2030, "=", 1200, "HTX")]


def test_an_age_is_no_quantity():
    """'thanh niên dưới 35 tuổi' says who is counted, not a target (<, 35): only the count is read
    (review finding)."""
    text = "Phát triển kinh tế tập thể giai đoạn 2026 - 2030\n" + (
        "Mục tiêu: phấn đấu đến năm 2030 có 300 hợp tác xã do thanh niên dưới 35 tuổi làm chủ.\n"
    )
    assert _targets(text) == [(2030, "=", 300, "HTX")]


def test_a_past_plans_target_behind_du_kien_theo_ke_hoach_or_a_past_programme_is_no_target():
    """Twelfth pass: a summary without a date that frames its own plan ("Mục tiêu năm 2023:", "Năm 2024, tỉnh phấn
    đấu …", "Mục tiêu giai đoạn 2021-2025:") tells, in a lead-in sentence whose years are all before that frame, a
    past plan's target; so does a past programme's target whose outcome its sentence reports, and last year's
    assignment. Each sentence names its own year when a paragraph holds several lead-ins."""
    cases = {
        "Dự kiến đến năm 2021 có 200 HTX. Mục tiêu năm 2023: thành lập mới 30 HTX.\n": [(2023, "=", 30, "HTX")],
        "Theo kế hoạch, đến năm 2020 có 150 hợp tác xã.\nPhấn đấu năm 2024 thành lập mới 25 hợp tác xã.\n": [
            (2024, "=", 25, "HTX")
        ],
        "Chương trình giai đoạn 2016-2020 đặt mục tiêu thành lập 200 hợp tác xã; kết quả đã thành lập 180 hợp tác "
        "xã. Năm 2023, tỉnh phấn đấu thành lập mới 20 hợp tác xã.\n": [(2023, "=", 20, "HTX")],
        "Chương trình giai đoạn 2016-2020 có mục tiêu thành lập 200 hợp tác xã; kết quả đã thành lập 180 hợp tác xã.\n": [],
        "Năm 2022, tỉnh giao chỉ tiêu thành lập mới 80 HTX. Năm 2023 phấn đấu thành lập mới 90 HTX.\n": [
            (2023, "=", 90, "HTX")
        ],
        "Năm 2022, UBND tỉnh giao các huyện thành lập mới 80 HTX, đến nay đã thành lập được 65 HTX.\n": [],
        "Giai đoạn 2016-2020 đặt mục tiêu thành lập 200 hợp tác xã.\nMục tiêu giai đoạn 2021-2025: thành lập mới 250 "
        "hợp tác xã.\n": [(2025, "=", 250, "HTX")],
        "Tỉnh đặt mục tiêu đến năm 2025 có 500 hợp tác xã, kết quả đến nay đã có 420 hợp tác xã.\n": [],
        # neighbours that stay: an intermediate milestone inside the plan's period, a round year's milestone beside
        # an intermediate one, two horizons, a base after the target, this year's assignment
        "Mục tiêu giai đoạn 2021-2025: thành lập mới 250 hợp tác xã. Dự kiến đến năm 2023 có 180 hợp tác xã.\n": [
            (2025, "=", 250, "HTX"),
            (2023, "=", 180, "HTX"),
        ],
        "Dự kiến đến năm 2025 có 150 hợp tác xã. Năm 2030, tỉnh phấn đấu có 300 hợp tác xã.\n": [
            (2025, "=", 150, "HTX"),
            (2030, "=", 300, "HTX"),
        ],
        "Theo kế hoạch, đến năm 2025 có 150 hợp tác xã. Đến năm 2030 có 300 hợp tác xã.\n": [
            (2025, "=", 150, "HTX"),
            (2030, "=", 300, "HTX"),
        ],
        "Năm 2024, tỉnh phấn đấu thành lập mới 30 hợp tác xã; tăng 10% so với năm 2023.\n": [
            (2024, "=", 30, "HTX"),
            (2024, "=", 10, "%"),
        ],
        "Năm 2024, UBND tỉnh giao các huyện thành lập mới 60 HTX.\n": [(2024, "=", 60, "HTX")],
    }
    for text, expected in cases.items():
        assert _targets(text) == expected, text


def test_each_period_in_capitals_or_title_case_is_its_own_target():
    """Twelfth pass: "MỖI GIAI ĐOẠN" in a line typed in capitals and "Mỗi Giai Đoạn" as a site title-cases it are
    read as "mỗi giai đoạn" is: one target per listed period."""
    title = "Phát triển hợp tác xã giai đoạn 2026 - 2035\n"
    for line in (
        "Phấn đấu trong hai giai đoạn 2026 - 2030 và 2031 - 2035, MỖI GIAI ĐOẠN thành lập mới tối thiểu 40 hợp tác xã.",
        "Phấn Đấu Trong Hai Giai Đoạn 2026 - 2030 Và 2031 - 2035, Mỗi Giai Đoạn Thành Lập Mới Tối Thiểu 40 Hợp Tác Xã.",
    ):
        assert sorted(_targets(title + line + "\n")) == [(2030, ">=", 40, "HTX"), (2035, ">=", 40, "HTX")], line
    plan = HEAD.replace("NĂM 2023", "GIAI ĐOẠN 2026 - 2035").replace("năm 2022", "năm 2025") + (
        "I. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển kinh tế tập thể bền vững.\n2. Mục tiêu cụ thể\n"
        "a) HAI GIAI ĐOẠN 2026 - 2030 VÀ 2031 - 2035, MỖI GIAI ĐOẠN THÀNH LẬP MỚI TỐI THIỂU 40 HỢP TÁC XÃ;\n"
        "b) Đến năm 2035 toàn tỉnh có 900 hợp tác xã.\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    )
    assert sorted(_targets(plan)) == sorted([(2030, ">=", 40, "HTX"), (2035, ">=", 40, "HTX"), (2035, "=", 900, "HTX")])
    # one period named: one target
    assert _targets(title + "Trong giai đoạn 2026 - 2030, phấn đấu MỖI GIAI ĐOẠN thành lập mới 40 hợp tác xã.\n") == [
        (2030, "=", 40, "HTX")
    ]


def test_money_per_unit_without_dong_a_share_restating_a_count_and_a_verb_opening_an_objective():
    """Twelfth pass (fresh7's c265, c283, c254): money written without "đồng" but per something ("450 triệu/ hợp tác
    xã", "2 tỷ/HTX/năm") is money; "(chiếm 89%)" after a count of cooperatives restates it as a share, a target of
    its own; a clause opening with its verb and "được" ("Thu hút được khoảng 5 triệu lao động …") words an
    objective. Neighbours: support money, a bare "3 triệu", a share's breakdown, a description's share, what was
    achieved with its subject or year."""
    lead = "Phấn đấu đến năm 2025:\n"
    assert _targets(lead + "- Vốn điều lệ bình quân đạt 450 triệu/ hợp tác xã.\n- Doanh thu đạt 2 tỷ/HTX/năm.\n") == [
        (2025, "=", 450000000, "đồng/HTX"),
        (2025, "=", 2000000000, "đồng/HTX/năm"),
    ]
    assert _targets(lead + "- Hỗ trợ mỗi hợp tác xã thành lập mới 30 triệu/HTX.\n- Thu hút 3 triệu.\n") == []
    text = (
        "Mục tiêu đến năm 2030, toàn tỉnh có 300 hợp tác xã; trong đó 240 hợp tác xã hoạt động hiệu quả (chiếm "
        "80%).\n"
    )
    assert _targets(text) == [(2030, "=", 300, "HTX"), (2030, "=", 240, "HTX"), (2030, "=", 80, "%")]
    # a share with its breakdown in brackets, a description's share, a result's bracket: no share target
    assert _targets("Phấn đấu đến năm 2030 có 50% (8 xã) đạt chuẩn nông thôn mới.\n") == [(2030, "=", 50, "%")]
    assert _targets("Năm 2024, toàn tỉnh đã có 120 hợp tác xã (chiếm 60%) hoạt động hiệu quả.\n") == []
    text = (
        "Mục tiêu phấn đấu đến năm 2030, tốc độ tăng trưởng đạt khoảng 7%/năm.\nThu hút được khoảng 5 triệu lao "
        "động thường xuyên trong các làng nghề.\n"
    )
    assert _targets(text) == [(2030, "~", 7, "%/năm"), (2030, "~", 5000000, "lao động")]
    for result in (
        "Năm 2024 thành lập được 42 hợp tác xã.",
        "Toàn tỉnh thu hút được khoảng 5.000 lao động.",
    ):
        assert _targets("Mục tiêu phấn đấu đến năm 2030, tốc độ tăng trưởng đạt khoảng 7%/năm.\n" + result + "\n") == [
            (2030, "~", 7, "%/năm")
        ], result


def test_uoc_dat_in_a_plans_sentence_going_on_with_phan_dau_and_a_headline_with_its_full_stop():
    """Twelfth pass (fresh7's c245): "… ước đạt 12.000 tỷ đồng, tạo việc làm cho khoảng 16.000 lao động, phấn đấu đạt
    thu nhập … 35 triệu đồng/năm" after a "phấn đấu" sentence is the plan's expected value, its clause's targets are
    read; a headline written as one short sentence with its full stop restating the body's target is one target.
    Neighbours: "ước đạt" of a year named before it, "ước đạt" without "phấn đấu" after it, two headlines' different
    values."""
    body = (
        "Trong giai đoạn 2021 - 2025, phấn đấu tốc độ tăng trưởng bình quân đạt khoảng 5% năm. Giá trị sản xuất ngành "
        "nông nghiệp ước đạt 9.000 tỷ đồng, tạo việc làm cho khoảng 12.000 lao động, phấn đấu đạt thu nhập bình quân "
        "đạt 40 triệu đồng/năm.\n"
    )
    expected = [(2025, "~", 5, "%/năm"), (2025, "=", 9000000000000, "đồng"), (2025, "~", 12000, "lao động"),
                (2025, "=", 40000000, "đồng/năm")]  # fmt: skip
    assert _targets(body) == expected
    headline = "Phấn đấu giá trị sản xuất ngành nông nghiệp đến năm 2025 đạt 9.000 tỷ đồng.\n"
    assert _targets(headline + body) == expected
    assert _targets(headline.replace("9.000", "9.500") + body) == [(2025, "=", 9500000000000, "đồng"), *expected]
    for result in (
        "Năm 2024, giá trị sản xuất ước đạt 8.000 tỷ đồng, phấn đấu tăng thêm.",
        "Giá trị sản xuất ngành nông nghiệp ước đạt 8.000 tỷ đồng, tạo việc làm cho 10.000 lao động.",
    ):
        assert _targets(body.split(". ")[0] + ". " + result + "\n") == [(2025, "~", 5, "%/năm")], result


def test_a_trailing_tro_len_after_a_long_name_and_a_number_cut_in_its_digits():
    """Twelfth pass (fresh7's c289, c257): "trở lên" closes a count after up to twelve words of what is counted ("3
    chuỗi giá trị sản phẩm nông sản hàng hóa chủ lực trở lên"); a number cut in its digits at the end of a page
    ("khoảng 40.0") is no number. Neighbours: a rating's "trở lên", a whole number at the end."""
    lead = "Phấn đấu đến năm 2025:\n"
    assert _targets(lead + "- Xây dựng được 3 chuỗi giá trị sản phẩm nông sản hàng hóa chủ lực trở lên.\n") == [
        (2025, ">=", 3, "chuỗi")
    ]
    assert _targets(lead + "- Có 80% hợp tác xã đạt loại khá trở lên.\n") == [(2025, "=", 80, "%")]
    assert _targets(lead + "- Đào tạo được khoảng 40.0") == []
    assert _targets(lead + "- Đào tạo được khoảng 40.000 lao động") == [(2025, "~", 40000, "lao động")]


def test_the_wide_fuzz_classes_milestone_headings_news_lists_and_tab_tables():
    """Twelfth pass (classes the wide fuzz found, on new sentences): "Đến năm 2030:" alone over "- " items in a summary,
    a list heading in capitals, "Chỉ tiêu 1: …" items, "Theo đó," right after news of a plan's issuance, a
    milestone lead before "giải quyết việc làm"/"đào tạo" or a share of cooperatives, and a table pasted with tabs
    (its row number is no count). Neighbours: the state at a year's end, an earlier milestone before the summary's
    own frame, a review's "Theo đó,", a header's two columns with one tab."""
    title = "Phát triển kinh tế tập thể, hợp tác xã giai đoạn 2026 - 2030\n"
    assert _targets(title + "Đến năm 2030:\n- Thành lập mới 1.200 hợp tác xã;\n- Có ít nhất 25.000 thành viên.\n") == [
        (2030, "=", 1200, "HTX"),
        (2030, ">=", 25000, "thành viên"),
    ]
    assert _targets("Kết quả phát triển kinh tế tập thể năm 2025\nĐến hết năm 2025:\n- Có 1.200 hợp tác xã;\n") == []
    text = "Phát triển kinh tế tập thể\nĐến năm 2024:\n- Có 900 hợp tác xã;\nMục tiêu giai đoạn 2026 - 2030: thành lập mới 90 tổ hợp tác.\n"
    assert _targets(text) == [(2030, "=", 90, "THT")]
    assert _targets(title + "MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030:\n- Thành lập mới 1.200 hợp tác xã;\n") == [(2030, "=", 1200, "HTX")]
    text = title + "Các chỉ tiêu cụ thể đến năm 2030:\nChỉ tiêu 1: Thành lập mới 1.200 hợp tác xã.\nChỉ tiêu 2: Có 350 tổ hợp tác.\n"
    assert _targets(text) == [(2030, "=", 1200, "HTX"), (2030, "=", 350, "THT")]
    news = "UBND tỉnh vừa ban hành Kế hoạch phát triển kinh tế tập thể giai đoạn 2026 - 2030. Theo đó, thành lập mới 1.200 hợp tác xã.\n"
    assert _targets(title + news) == [(2030, "=", 1200, "HTX")]
    for review in (
        "Hội nghị đánh giá kết quả năm 2025. Theo đó, toàn tỉnh có 500 hợp tác xã.\n",
        "UBND tỉnh vừa tổng kết Kế hoạch giai đoạn 2021 - 2025. Theo đó, toàn tỉnh có 500 hợp tác xã.\n",
    ):
        assert _targets(title + review) == [], review
    for lead, exp in (
        ("Dự kiến đến năm 2030, giải quyết việc làm cho 4.500 lao động.", (2030, "=", 4500, "lao động")),
        ("Dự kiến đến năm 2030, đào tạo 600 cán bộ quản lý hợp tác xã.", (2030, "=", 600, "cán bộ")),
        ("Dự kiến đến năm 2030, trên 70% hợp tác xã hoạt động hiệu quả.", (2030, ">", 70, "%")),
    ):
        assert _targets(title + lead + "\n") == [exp], lead
    plan = HEAD.replace("NĂM 2023", "GIAI ĐOẠN 2026 - 2030") + (
        "I. MỤC TIÊU\n1. Mục tiêu chung\nPhát triển bền vững.\n2. Mục tiêu cụ thể\n"
        "TT\tChỉ tiêu\tĐơn vị tính\tNăm 2030\n1\tSố hợp tác xã thành lập mới\tHTX\t1.200\n"
        "2\tSố thành viên\tThành viên\t25.000\nII. NHIỆM VỤ\n1. Tuyên truyền.\n"
    )
    assert sorted(_targets(plan)) == [(2030, "=", 1200, "HTX"), (2030, "=", 25000, "thành viên")]
    tabbed_header = (
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ NAM\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND\tHà Nam, ngày 10 tháng 8 năm 2022\nKẾ HOẠCH\nPhát triển kinh tế tập thể năm 2023\n"
    )
    d = read_text(tabbed_header)
    assert (d.number, d.symbol, d.issuer) == (12, "KH-UBND", "Ủy ban nhân dân tỉnh Hà Nam")
