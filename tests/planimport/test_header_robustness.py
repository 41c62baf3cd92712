"""Header robustness (issue 16): shapes that sites, PDF text layers and copy-paste give an official header, on short
texts written for the test (never a corpus text), each with its negative. The fuzz over every keyed header is
``test_header_fuzz.py``."""

from planimport.reader import read_text
from planimport.reader.text import header_case


def _head(text):
    d = read_text(text).to_dict()
    return {f: d[f] for f in ("number", "symbol", "date", "place", "issuer")}, d


HEAD = {
    "number": 312,
    "symbol": "KH-UBND",
    "date": "2023-10-05",
    "place": "Hà Nam",
    "issuer": "Ủy ban nhân dân tỉnh Hà Nam",
}
BODY = (
    "KẾ HOẠCH\nPhát triển kinh tế tập thể, hợp tác xã năm 2024\n"
    "Thực hiện Công văn số 5529/BKHĐT-HTX ngày 08/8/2023 của Bộ Kế hoạch và Đầu tư.\n"
    "I. MỤC TIÊU\n- Năm 2024 thành lập mới 10 HTX.\n"
)


def _doc(agency="ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM", number="Số: 312/KH-UBND", place_date="Hà Nam, ngày 05 tháng 10 năm 2023"):
    return (
        f"{agency}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
        f"{number}\n{place_date}\n{BODY}"
    )


def test_the_number_label_and_the_place_date_line_in_capitals_or_lower_case():
    """A site's style sheet kept as text ("SỐ: 312/KH-UBND", "HÀ NAM, NGÀY 05 THÁNG 10 NĂM 2023") or a typist's
    "số:" gave no number (the line became part of the issuer: "… Số: 312/kh-ubnd") and no place or date."""
    for number, place_date in (
        ("SỐ: 312/KH-UBND", "Hà Nam, ngày 05 tháng 10 năm 2023"),
        ("số: 312/KH-UBND", "Hà Nam, ngày 05 tháng 10 năm 2023"),
        ("Số: 312/KH-UBND", "HÀ NAM, NGÀY 05 THÁNG 10 NĂM 2023"),
        ("SỐ: 312/KH-UBND", "HÀ NAM, NGÀY 05/10/2023"),
    ):
        head, _ = _head(_doc(number=number, place_date=place_date))
        assert head == HEAD, (number, place_date)
    # flattened on one line, capitals too
    head, _ = _head(
        "ỦY BAN NHÂN DÂN TỈNH HÀ NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | SỐ: 312/KH-UBND | "
        "HÀ NAM, NGÀY 05 THÁNG 10 NĂM 2023\n" + BODY
    )
    assert head == HEAD
    # the place keeps its words' capitals, an abbreviation its dot
    assert header_case("TP. HỒ CHÍ MINH, NGÀY 14 THÁNG 4 NĂM 2009") == "TP. Hồ Chí Minh, ngày 14 tháng 4 năm 2009"
    # negatives: agency lines and titles keep their capitals; a symbol glued before the place is not a place word;
    # "số" inside a sentence is not a label
    assert header_case("ỦY BAN NHÂN DÂN TỈNH HÀ NAM") == "ỦY BAN NHÂN DÂN TỈNH HÀ NAM"
    assert header_case("Số: 12/KH-UBND HÀ NAM, NGÀY 05 THÁNG 10 NĂM 2023") == (
        "Số: 12/KH-UBND Hà Nam, ngày 05 tháng 10 năm 2023"
    )
    assert header_case("theo văn bản số 12 của Sở") == "theo văn bản số 12 của Sở"


def test_site_lines_above_the_header_are_not_read_as_its_number_date_or_issuer():
    """A site puts its name, a top bar's date ("Thứ ba, ngày 06 tháng 01 năm 2026"), "Cập nhật …" and the related
    documents with their own numbers and dates above the document: the header begins at its first agency line
    (or the Quốc hiệu). Before, the top bar's date stopped the agency lines ("Ủy ban nhân dân Hà Nam" from the body)
    and a related document's "Số: 12/KH-UBND" or date could be taken."""
    noise = (
        "Thư Viện Pháp Luật\nTrang chủ > Văn bản pháp luật > Kế hoạch\nThứ ba, ngày 06 tháng 01 năm 2026\n"
        "Cập nhật: 08:15 ngày 12/3/2023\nVăn bản liên quan\n"
        "Số: 12/KH-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh Sóc Trăng\n"
        "Sóc Trăng, ngày 05 tháng 01 năm 2021 - Kế hoạch phát triển hợp tác xã\n"
        "Quyết định số 1804/QĐ-TTg ngày 13/11/2020 của Thủ tướng Chính phủ\nNgày ban hành: 05/01/2021\n"
    )
    head, _ = _head(noise + _doc())
    assert head == HEAD
    # a province line in capitals right above the committee belongs to the header
    head, d = _head(noise + _doc(agency="TỈNH HÀ NAM\nỦY BAN NHÂN DÂN XÃ KIM BẢNG", place_date="Kim Bảng, ngày 05 tháng 10 năm 2023"))
    assert head["issuer"] == "Ủy ban nhân dân xã Kim Bảng" and d["parent_issuer"] == "Tỉnh Hà Nam"
    # negative: without any header below it, a page's top bar date is no document date and a weekday no place
    head, _ = _head("Thứ ba, ngày 06 tháng 01 năm 2026\nTỉnh Hà Nam phấn đấu năm 2024 thành lập mới 10 HTX.\n")
    assert head["date"] is None and head["place"] is None
