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
