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
