"""Numbers that are not targets never become targets."""

import pytest

from planimport.reader import read_text

from .expected_seeds import SEED_FILES, seed_text

LEGAL_NUMBERS = {1368, 519, 4025, 993, 128, 182, 193}


@pytest.mark.parametrize("key", sorted(SEED_FILES))
def test_no_target_from_legal_basis_numbers_or_years(key):
    """Document numbers (1368/QĐ-UBND, 4025/KH-UBND …) and years (2023, 2024 …) are never target values."""
    for t in read_text(seed_text(key)).targets:
        assert t.value not in LEGAL_NUMBERS
        assert not (isinstance(t.value, int) and 1990 <= t.value <= 2100 and t.unit != "hộ")


def test_current_count_is_a_baseline_not_a_target():
    """Seed 001: 'hiện nay có 15 hợp tác xã' is the baseline of the 17-HTX target, not a target."""
    targets = read_text(seed_text("001")).targets
    assert [t.value for t in targets].count(15) == 0
    assert [(t.value, t.baseline) for t in targets if t.baseline is not None] == [(17, 15)]


def test_descriptive_percentage_is_not_a_target():
    """Seed 001: 'có người đồng bào dân tộc thiểu số chiếm trên 80%' describes an area."""
    assert 80 not in [t.value for t in read_text(seed_text("001")).targets]


def test_event_participants_and_budget_are_not_targets():
    """Seed 000 (event): no targets at all, the 25,27 triệu đồng is the budget."""
    ex = read_text(seed_text("000"))
    assert ex.targets == []
    assert ex.budget.total_vnd == 25270000


MIXED = """KẾ HOẠCH
Phát triển hợp tác xã năm 2025
Căn cứ Quyết định số 1368/QĐ-UBND ngày 12 tháng 12 năm 2023 của Chủ tịch UBND tỉnh;
I. MỤC TIÊU
1. Mục tiêu chung
Phát triển 100 hợp tác xã kiểu mới trong cả nước theo Nghị quyết số 20-NQ/TW.
2. Mục tiêu cụ thể
- Năm 2024, toàn huyện đã hỗ trợ 1.500 triệu đồng từ Chương trình mục tiêu quốc gia xây dựng nông thôn mới.
- Hiện nay có 12 HTX đang hoạt động; phấn đấu đến năm 2025 có thêm 03 HTX thành lập mới.
- Theo Quyết định số 1368/QĐ-UBND ngày 12/12/2023 (Chương trình hỗ trợ với tổng kinh phí 2 tỷ đồng), nâng tỷ lệ HTX khá lên 60%.
- Liên hệ: Phòng Kinh tế, điện thoại 0255 3822 123, thực hiện từ ngày 01/01/2025.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Kinh tế
Chủ trì theo dõi; năm 2023 đã thành lập được 05 HTX.
"""


def test_prior_results_other_programmes_phones_and_dates_are_not_targets():
    """Only '03 HTX' and '60%' are targets in a paragraph full of other numbers."""
    ex = read_text(MIXED)
    got = [(t.year, t.comparator, t.value, t.unit) for t in ex.targets]
    assert got == [(2025, "=", 3, "HTX"), (2025, "=", 60, "%")]
    assert ex.legal_bases[0].number == "1368/QĐ-UBND"


def test_general_objectives_are_not_targets():
    """Numbers in 'Mục tiêu chung' / 'tổng quát' are not targets (seed 002 and the text above)."""
    ex = read_text(MIXED)
    assert 100 not in [t.value for t in ex.targets]
    assert not any(t.value == 20 for t in ex.targets)


def test_truncated_shuffled_or_random_text_never_raises_anything_but_reader_error():
    """Cut, shuffled and random-character versions of the seeds give an extraction or a ReaderError."""
    import random

    from planimport.reader import ReaderError

    rng = random.Random(7)
    texts = [seed_text(k) for k in sorted(SEED_FILES)]
    for i in range(200):
        text = texts[i % len(texts)]
        if i % 3 == 0:
            a = rng.randrange(len(text))
            sample = text[a : rng.randrange(a, len(text) + 1)]
        elif i % 3 == 1:
            lines = text.split("\n")
            rng.shuffle(lines)
            sample = "\n".join(lines)
        else:
            sample = "".join(rng.choice(text) for _ in range(rng.randrange(1, 2000)))
        try:
            read_text(sample).to_dict()
        except ReaderError:
            pass


# eighth pass (issue 16): the ways reports tell what was done, next to a summary's or a plan's targets
REPORTED = [
    "Qua 5 năm thực hiện, số hợp tác xã tăng từ 120 lên 180 HTX.",
    "Sau 3 năm triển khai, toàn tỉnh có 45 hợp tác xã ứng dụng công nghệ cao.",
    "Năm 2024 thành lập được 42 hợp tác xã.",
    "So với cùng kỳ năm trước, tăng 15 hợp tác xã.",
    "Giai đoạn 2021 - 2025, toàn tỉnh thành lập mới 150 hợp tác xã, vượt 25% so với mục tiêu.",
    "Sau hơn 2 năm triển khai Đề án, có 15 hợp tác xã được hỗ trợ.",
    "Trong 9 tháng đầu năm 2024, thành lập mới 18 hợp tác xã.",
    "Từ đầu năm đến nay, thành lập mới 12 hợp tác xã.",
    "Năm qua, toàn tỉnh có thêm 25 hợp tác xã thành lập mới.",
    "Những năm gần đây, kinh tế tập thể có bước phát triển, với 350 hợp tác xã.",
    "Theo báo cáo của Sở, 6 tháng cuối năm 2024 thành lập mới 9 hợp tác xã.",
    "Tổng số hợp tác xã trên địa bàn tỉnh là 280 HTX, trong đó 190 HTX nông nghiệp.",
    "Doanh thu bình quân của hợp tác xã năm 2024 đạt 3,5 tỷ đồng, tăng 12% so với năm 2023.",
    "Trong năm 2024, tỉnh hỗ trợ thành lập 20 hợp tác xã.",
    "Kết quả, đến hết năm 2024 toàn tỉnh có 245 hợp tác xã.",
    "Đến nay, 100% hợp tác xã đã chuyển đổi theo Luật Hợp tác xã năm 2023.",
]
REPORTED_CONTEXTS = {
    # a summary: the targets' sentence, then the report in the same paragraph, or in the next one
    "sentence after": "Năm 2025, tỉnh phấn đấu thành lập mới 30 hợp tác xã, nâng tổng số lên 250 HTX. {p}\n",
    "paragraph after": "Năm 2025, tỉnh phấn đấu thành lập mới 30 hợp tác xã, nâng tổng số lên 250 HTX.\n{p}\n",
    # a run-in targets paragraph and the paragraphs it governs
    "after a run-in": "Mục tiêu cụ thể đến năm 2025, toàn tỉnh có 250 hợp tác xã.\n{p}\n",
    # an item of a plan's targets section
    "targets section": (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 10 tháng 1 năm 2025\nKẾ HOẠCH\nPhát triển kinh "
        "tế tập thể năm 2025\nI. MỤC TIÊU\n1. Mục tiêu cụ thể\n- Thành lập mới 30 hợp tác xã.\n- {p}\nII. NHIỆM VỤ\n"
        "1. Tuyên truyền\n"
    ),
}
REPORTED_TARGETS = {"sentence after": {30, 250}, "paragraph after": {30, 250}, "after a run-in": {250}, "targets section": {30}}


@pytest.mark.parametrize("sentence", REPORTED)
def test_what_was_done_is_no_target_next_to_targets(sentence):
    """What a report tells of the past — the time passed ("Qua 5 năm thực hiện", "Năm qua", "9 tháng đầu năm", "Từ
    đầu năm"), a plan overshot ("vượt 25% so với mục tiêu"), "thành lập được", "so với cùng kỳ", "Kết quả, …",
    "Theo báo cáo", "Đến nay, …", the count of today ("Tổng số … là 280 HTX") and the state of a year before the
    targets' ("năm 2024 đạt …" among targets of 2025) — is no target, next to a summary's targets sentence (in its
    paragraph or the next), after a run-in targets paragraph or as an item of a plan's targets section. Each of these 16
    sentences, written in the shapes of provincial reports, was taken as a target in at least one place by the old
    main."""
    for place, text in REPORTED_CONTEXTS.items():
        values = {t.value for t in read_text(text.format(p=sentence)).targets}
        assert values == REPORTED_TARGETS[place], (place, values - REPORTED_TARGETS[place])


def test_targets_keep_the_words_reports_use_too():
    """Negatives of the rules above: a target may compare with "cùng kỳ", say "xây dựng được", name the count to
    reach as "tổng số … là", or a base "gấp 2 lần năm 2025"."""
    for text, expected in (
        ("Phấn đấu năm 2026 doanh thu của hợp tác xã tăng 10% so với cùng kỳ.", [(2026, "=", 10, "%")]),
        (
            "Phấn đấu xây dựng được ít nhất 01 mô hình hợp tác xã điển hình đến năm 2026.",
            [(2026, ">=", 1, "mô hình")],
        ),
        ("Phấn đấu đến năm 2030, tổng số hợp tác xã trên địa bàn tỉnh là 500 HTX.", [(2030, "=", 500, "HTX")]),
        (
            "Mục tiêu cụ thể đến năm 2030: doanh thu bình quân đạt 5 tỷ đồng/HTX/năm, gấp 2 lần năm 2025.",
            [(2030, "=", 5000000000, "đồng/HTX/năm"), (2030, "=", 2, "lần")],
        ),
    ):
        got = [(t.year, t.comparator, t.value, t.unit) for t in read_text(text + "\n").targets]
        assert got == expected, text
