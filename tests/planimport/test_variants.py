"""Variants of the seeds' patterns: flattened headers, '|' tables, numbering, odd spaces, no diacritics."""

import unicodedata

from planimport.reader import normalize, read_text

from .expected_seeds import EXPECTED, seed_text


def _targets(ex):
    return [(t["year"], t["comparator"], t["value"], t["value_max"], t["unit"]) for t in ex.to_dict()["targets"]]


def _expected_targets(key):
    return [(t["year"], t["comparator"], t["value"], t["value_max"], t["unit"]) for t in EXPECTED[key]["targets"]]


SEED_001_HEADER = """**ỦY BAN NHÂN DÂN
HUYỆN NGỌC HỒI**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc**

Số: /KH-UBND

Ngọc Hôi, ngày tháng năm 2023"""


def _seed_001_with_header(header: str) -> str:
    text = seed_text("001")
    assert SEED_001_HEADER in text
    return text.replace(SEED_001_HEADER, header)


def test_header_flattened_into_one_line():
    """Agency, Quốc hiệu, tiêu ngữ, Số and place/date on one line are split and read."""
    text = _seed_001_with_header(
        "ỦY BAN NHÂN DÂN HUYỆN NGỌC HỒI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "Số: 125/KH-UBND Ngọc Hồi, ngày 05 tháng 3 năm 2024"
    )
    ex = read_text(text)
    assert ex.issuer == "Ủy ban nhân dân huyện Ngọc Hồi"
    assert (ex.number, ex.symbol, ex.place, ex.date) == (125, "KH-UBND", "Ngọc Hồi", "2024-03-05")
    assert _targets(ex) == _expected_targets("001")


def test_header_and_title_flattened_seed_004_style():
    """'Số: /KH-UBND Lai Châu, ngày tháng năm 2024 KẾ HOẠCH Thực hiện …' on one line."""
    text = seed_text("004").replace(
        "Số: /KH-UBND Lai Châu, ngày tháng năm 2024\n\nKẾ HOẠCH\n\n",
        "Số: /KH-UBND Lai Châu, ngày tháng năm 2024 KẾ HOẠCH\n\n",
    )
    ex = read_text(text)
    assert (ex.symbol, ex.place, ex.year) == ("KH-UBND", "Lai Châu", 2024)
    assert ex.title.startswith("Thực hiện Quyết định số 182/QĐ-TTg")
    assert len(ex.targets) == 18


def test_header_as_pipe_table():
    """A Markdown '|' header table is read column by column."""
    text = _seed_001_with_header(
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "|---|---|\n"
        "| HUYỆN NGỌC HỒI | Độc lập - Tự do - Hạnh phúc |\n"
        "| Số: 07/KH-UBND | Ngọc Hồi, ngày 28 tháng 12 năm 2023 |"
    )
    ex = read_text(text)
    assert ex.issuer == "Ủy ban nhân dân huyện Ngọc Hồi"
    assert (ex.number, ex.date) == (7, "2023-12-28")
    assert _targets(ex) == _expected_targets("001")


def test_header_with_parent_agency():
    """UBND TỈNH … above SỞ … : the second line is the issuer, the first its parent."""
    text = (
        "UBND TỈNH QUẢNG NGÃI\nSỞ TÀI CHÍNH\nSố: 12/KH-STC\nQuảng Ngãi, ngày 02 tháng 01 năm 2025\n"
        + seed_text("002").lstrip()
    )
    ex = read_text(text)
    assert ex.issuer == "Sở Tài chính"
    assert ex.parent_issuer == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert ex.fields["issuer"].unsure is False
    assert (ex.number, ex.symbol, ex.date) == (12, "KH-STC", "2025-01-02")


def test_roman_and_arabic_numbering_variants():
    """'I-', 'II.MỤC TIÊU', '1/', '2)', '2.1 Đến năm 2025' are all headings."""
    text = seed_text("004")
    text = text.replace("I. MỤC ĐÍCH, YÊU CẦU", "I- MỤC ĐÍCH, YÊU CẦU").replace("II. MỤC TIÊU", "II.MỤC TIÊU")
    text = text.replace("2. Mục tiêu cụ thể", "2/ Mục tiêu cụ thể").replace("2.1. Đến năm 2025", "2.1 Đến năm 2025")
    text = text.replace("2.2. Đến năm 2030", "2.2- Đến năm 2030")
    text = text.replace("IV. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM", "IV- NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM")
    text = text.replace("2. Củng cố, nâng cao chất lượng, hiệu quả", "2) Củng cố, nâng cao chất lượng, hiệu quả")
    ex = read_text(text)
    assert _targets(ex) == _expected_targets("004")
    assert [t.number for t in ex.tasks] == ["IV.1", "IV.2", "IV.3", "IV.4", "IV.5", "IV.6"]
    assert "2.1. Đến năm 2025" in ex.source_text


def test_arabic_top_level_numbering_without_roman():
    """A plan numbered 1., 2., 2.1. without Roman headings still gives its targets and tasks."""
    text = """KẾ HOẠCH
Phát triển hợp tác xã năm 2025
1. MỤC TIÊU CỤ THỂ
- Thành lập mới ít nhất 02 hợp tác xã; 50% hợp tác xã đạt loại khá trở lên.
2. NHIỆM VỤ, GIẢI PHÁP
2.1. Tuyên truyền về Luật Hợp tác xã năm 2023
- Cơ quan chủ trì: Phòng Kinh tế; Cơ quan phối hợp: Ủy ban nhân dân các xã, thị trấn.
- Thời gian thực hiện: Quý II/2025.
2.2. Hỗ trợ thành lập hợp tác xã mới
- Thời gian thực hiện: Thường xuyên.
"""
    ex = read_text(text)
    # "50% hợp tác xã đạt loại khá trở lên": "trở lên" qualifies the rating, the share is exact (the keys'
    # convention, docs/import.md "Eighth pass")
    assert _targets(ex) == [(2025, ">=", 2, None, "HTX"), (2025, "=", 50, None, "%")]
    assert [(t.number, t.timeframe) for t in ex.tasks] == [("2.1", "2025-Q2"), ("2.2", "ongoing")]
    assert ex.tasks[0].lead == "Phòng Kinh tế"


def test_non_breaking_and_odd_spaces():
    """NBSP, thin spaces, zero-width spaces and tabs change nothing."""
    text = seed_text("002").replace(" ", "\u00a0", 400).replace("70%", "70\u202f%").replace("HTX", "H\u200bTX", 1)
    text = text.replace("- Doanh thu", "-\tDoanh thu")
    ex = read_text(text)
    assert _targets(ex) == _expected_targets("002")
    assert [t.number for t in ex.tasks] == ["III.1", "III.2", "III.3", "III.4"]


def test_decomposed_unicode_is_nfc():
    """NFD input (as from some PDFs/Mac files) reads like NFC."""
    ex = read_text(unicodedata.normalize("NFD", seed_text("003")))
    assert _targets(ex) == _expected_targets("003")
    assert ex.signer.name == "Lê Chí Thiện"
    assert unicodedata.is_normalized("NFC", ex.source_text)


def test_headings_without_diacritics():
    """'MUC TIEU', 'Muc tieu cu the', 'TO CHUC THUC HIEN', 'To chuc thuc hien' are recognised."""
    text = seed_text("001")
    text = text.replace("II. Mục tiêu", "II. MUC TIEU").replace(
        "2. Mục tiêu cụ thể đến năm 2025", "2. Muc tieu cu the den nam 2025"
    )
    text = text.replace("V. Tổ chức thực hiện", "V. To chuc thuc hien").replace("IV. Giải pháp", "IV. GIAI PHAP")
    ex = read_text(text)
    assert _targets(ex) == _expected_targets("001")
    assert len(ex.reporting) == 6
    assert [t.number for t in ex.tasks][-4:] == ["IV.1", "IV.2", "IV.3", "IV.4"]


def test_bold_italic_markers_and_bullets():
    """'**bold**', '*italic*' and '* ' / '• ' bullets are removed or turned into '- '."""
    norm = normalize("**KẾ HOẠCH**\n* Đơn vị thực hiện: *Phòng Kinh tế*\n• Thời gian: **Thường xuyên**")
    assert norm == "KẾ HOẠCH\n- Đơn vị thực hiện: Phòng Kinh tế\n- Thời gian: Thường xuyên"


def test_hyphenated_line_break_is_joined():
    """A word hyphenated across lines ('Glo-' + 'balGAP') is rejoined; a lower-case continuation joins."""
    assert normalize("áp dụng tiêu chuẩn Glo-\nbalGAP vào sản xuất") == "áp dụng tiêu chuẩn GlobalGAP vào sản xuất"
    assert normalize("Hỗ trợ phát triển hợp\ntác xã nông nghiệp.") == "Hỗ trợ phát triển hợp tác xã nông nghiệp."
    assert normalize("Tài chính -\nKế hoạch") == "Tài chính -\nKế hoạch"


def test_targets_table_given_as_text():
    """A '|' table of targets with year columns gives one target per value cell."""
    text = """KẾ HOẠCH
Phát triển kinh tế tập thể giai đoạn 2026 - 2030
I. MỤC TIÊU
1. Mục tiêu cụ thể
| STT | Chỉ tiêu | ĐVT | Năm 2028 | Năm 2030 |
|---|---|---|---|---|
| 1 | Số hợp tác xã thành lập mới | HTX | ≥ 3 | 5 |
| 2 | Tỷ lệ HTX đạt loại khá trở lên | % | 60 | trên 70 |
| 3 | Thu nhập bình quân thành viên | triệu đồng/người/năm | 50 | khoảng 60 |
II. TỔ CHỨC THỰC HIỆN
1. Phòng Kinh tế
Theo dõi, đôn đốc thực hiện Kế hoạch.
"""
    ex = read_text(text)
    assert ex.period_start == "2026-01-01"
    assert _targets(ex) == [
        (2028, ">=", 3, None, "HTX"),
        (2030, "=", 5, None, "HTX"),
        (2028, "=", 60, None, "%"),
        (2030, ">", 70, None, "%"),
        (2028, "=", 50000000, None, "đồng/người/năm"),
        (2030, "~", 60000000, None, "đồng/người/năm"),
    ]


def test_tasks_table_given_as_text():
    """A '|' task table (Nhiệm vụ, Chủ trì, Phối hợp, Thời gian) gives one task per row."""
    text = """KẾ HOẠCH
Phát triển hợp tác xã năm 2025
I. NHIỆM VỤ, GIẢI PHÁP
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
| --- | --- | --- | --- | --- |
| 1 | Rà soát, đánh giá hợp tác xã | Phòng Kinh tế | UBND các xã, thị trấn | Trước ngày 30/6/2025 |
| 2 | Tuyên truyền Luật Hợp tác xã | Phòng Văn hóa và Thông tin | Hội Nông dân huyện; Liên minh HTX tỉnh | Thường xuyên |
"""
    ex = read_text(text)
    got = [(t.number, t.text, t.lead, t.coordinating, t.timeframe) for t in ex.tasks]
    assert got == [
        (
            "I.1",
            "Rà soát, đánh giá hợp tác xã",
            "Phòng Kinh tế",
            ["Ủy ban nhân dân các xã, thị trấn"],
            "deadline:2025-06-30",
        ),
        (
            "I.2",
            "Tuyên truyền Luật Hợp tác xã",
            "Phòng Văn hóa và Thông tin",
            ["Hội Nông dân huyện", "Liên minh HTX tỉnh"],
            "ongoing",
        ),
    ]


def test_signature_block_before_recipients():
    """The signer is found even when the signature comes before Nơi nhận."""
    text = seed_text("003")
    tail_start = text.index("Nơi nhận:")
    sign = "**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**\n\nLê Chí Thiện\n"
    body, recipients = text[:tail_start], text[tail_start:].replace(sign, "")
    ex = read_text(body + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Chí Thiện\n" + recipients)
    assert ex.signer.authority_lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert ex.signer.name == "Lê Chí Thiện"
    assert len(ex.recipients) == 7


def test_reporting_monthly_and_nine_months():
    """Monthly (day of month) and 9-month deadlines are encoded."""
    text = """KẾ HOẠCH
Phát triển hợp tác xã năm 2025
I. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân các xã, thị trấn
Định kỳ hằng tháng (trước ngày 20 hằng tháng), 9 tháng (trước ngày 15 tháng 9) báo cáo kết quả gửi về Phòng Kinh tế để tổng hợp.
"""
    ex = read_text(text)
    got = [(r.frequency, r.due_rule, r.reporters, r.receiver) for r in ex.reporting]
    assert got == [
        ("monthly", "day_of_month:20", "Ủy ban nhân dân các xã, thị trấn", "Phòng Kinh tế"),
        ("nine_months", "day_month:15/09", "Ủy ban nhân dân các xã, thị trấn", "Phòng Kinh tế"),
    ]
