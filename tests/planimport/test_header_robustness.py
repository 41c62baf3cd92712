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


def test_line_breaks_inside_the_number_and_the_date():
    """Sites and PDF text layers break a header line anywhere: inside the symbol ("Số: 312/" / "KH-UBND", "Số:
    312/KH-" / "UBND", "Số: 48" / "/KH-UBND" — "48/KH-UBND" alone was taken for heading 48), inside the date ("Hà
    Nam, ngày 05 tháng" / "10 năm 2023", "… năm" / "2023"), after the place's comma ("Hà Nam," / "ngày 05 …"). Each
    gave no number or no date. Negatives: a number line followed by the place is not glued to it; a heading "1/
    Mục tiêu" is still a heading."""
    for number in ("Số: 312/\nKH-UBND", "Số: 312/KH-\nUBND", "Số: 312\n/KH-UBND", "Số:\n312/KH-UBND"):
        head, _ = _head(_doc(number=number))
        assert head == HEAD, number
    for place_date in (
        "Hà Nam, ngày 05 tháng\n10 năm 2023",
        "Hà Nam, ngày 05 tháng 10 năm\n2023",
        "Hà Nam, ngày 05\ntháng 10 năm 2023",
        "Hà Nam,\nngày 05 tháng 10 năm 2023",
        "Hà\nNam, ngày 05 tháng 10 năm 2023",
    ):
        head, _ = _head(_doc(place_date=place_date))
        assert head == HEAD, place_date
    head, _ = _head(_doc(number="Số: 15/\n2011/NQ-HĐND"))
    assert (head["number"], head["symbol"]) == (15, "2011/NQ-HĐND")
    head, _ = _head(_doc(number="Số: 28/\nCTr-UBND"))
    assert (head["number"], head["symbol"]) == (28, "CTr-UBND")
    # negatives
    head, _ = _head(_doc(number="Số: 312", place_date="Hà Nam, ngày 05 tháng 10 năm 2023"))
    assert head["place"] == "Hà Nam" and head["date"] == "2023-10-05"
    d = read_text("KẾ HOẠCH\nPhát triển HTX năm 2024\n1/ Mục tiêu\n- Thành lập mới 10 HTX.\n").to_dict()
    assert "1. Mục tiêu" in d["source_text"]


def test_a_bordered_row_wrapped_inside_a_cell_stays_one_row():
    """"| Số: 312/KH-UBND | Hà Nam, ngày 05 tháng" / "10 năm 2023 |": the wrapped rest of the cell was read as
    another row's first column, before the date's beginning."""
    text = (
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| TỈNH HÀ NAM | Độc lập - Tự do - Hạnh phúc |\n"
        "| Số: 312/KH-UBND | Hà Nam, ngày 05 tháng\n10 năm 2023 |\n" + BODY
    )
    head, _ = _head(text)
    assert head == HEAD
    # a data table's rows keep their cells
    d = read_text("KẾ HOẠCH\nPhát triển HTX\n| Chỉ tiêu | 2024 |\n| Số HTX | 20 |\n").to_dict()
    assert "Số HTX | 20" in d["source_text"]


def test_the_quoc_hieu_cut_in_two_beside_the_agency_lines_is_not_part_of_the_issuer():
    """The columns flattened side by side with the Quốc hiệu cut in two ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ" /
    "TỈNH HÀ NAM | NGHĨA VIỆT NAM", or with tabs, or on one line) gave the issuer "Ủy ban nhân dân Cộng Hòa xã Hội
    Chủ …". Negative: an agency that ends in "VIỆT NAM" keeps it."""
    for sep in (" | ", "\t", " "):
        text = (
            f"ỦY BAN NHÂN DÂN{sep}CỘNG HÒA XÃ HỘI CHỦ\nTỈNH HÀ NAM{sep}NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 312/KH-UBND\nHà Nam, ngày 05 tháng 10 năm 2023\n" + BODY
        )
        head, _ = _head(text)
        assert head == HEAD, repr(sep)
    head, _ = _head(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ TỈNH HÀ NAM NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 312/KH-UBND "
        "Hà Nam, ngày 05 tháng 10 năm 2023\n" + BODY
    )
    assert head == HEAD
    head, _ = _head(_doc(agency="LIÊN MINH HỢP TÁC XÃ VIỆT NAM", number="Số: 312/KH-LMHTX", place_date="Hà Nội, ngày 05 tháng 10 năm 2023"))
    assert head["issuer"] == "Liên minh Hợp tác xã Việt Nam"


def test_a_session_line_under_the_header_does_not_replace_its_date():
    """"KỲ HỌP THỨ 12 (từ ngày 07 đến ngày 09 tháng 12 năm 2015)" under the header replaced the header's date."""
    head, _ = _head(_doc() .replace(BODY, "KỲ HỌP THỨ 12 (từ ngày 07 đến ngày 09 tháng 12 năm 2015)\n" + BODY))
    assert head == HEAD


def test_agency_lines_as_typed_or_title_cased():
    """A .docx whose header is styled in capitals keeps the typed text ("Ủy ban nhân dân" / "tỉnh Hà Nam"); sites
    title-case it ("Ủy Ban Nhân Dân" / "Tỉnh Hà Nam"). Those lines were not agency lines: the issuer came from the
    body or was missing. Negatives: a sentence or a line with a figure is no agency line."""
    for agency in ("Ủy ban nhân dân\ntỉnh Hà Nam", "Ủy Ban Nhân Dân\nTỉnh Hà Nam", "Ủy ban nhân dân tỉnh Hà Nam"):
        head, _ = _head(_doc(agency=agency))
        assert head == HEAD, agency
    head, _ = _head(_doc(agency="Bộ Kế hoạch và Đầu tư", number="Số: 312/BKHĐT-KTHT", place_date="Hà Nội, ngày 05 tháng 10 năm 2023"))
    assert head["issuer"] == "Bộ Kế hoạch và Đầu tư"
    from planimport.reader.text import is_agency_as_typed

    assert not is_agency_as_typed("Ủy ban nhân dân tỉnh xây dựng kế hoạch như sau:")
    assert not is_agency_as_typed("Sở Tài chính có 12 cán bộ")
    assert not is_agency_as_typed("Tỉnh Hà Nam phấn đấu năm 2024")


def test_a_symbol_whose_hyphen_a_text_layer_lost_or_turned_into_a_space():
    """"Số: 437/QĐUBND" (a .doc's text layer dropped the hyphen) and "Số: 437/QĐ UBND" gave the symbols "QĐUBND" and
    "QĐ". The hyphen is put back between a document kind and a known body's code only. Negatives: a symbol that is
    not kind + code stays as written; a place after the symbol is not taken into it."""
    for number in ("Số: 312/KHUBND", "Số: 312/KH UBND", "Số: 312/KH–UBND", "Số: 312/KH - UBND"):
        head, _ = _head(_doc(number=number))
        assert head == HEAD, number
    head, _ = _head(_doc(number="Số: 15/2011/NQHĐND"))
    assert head["symbol"] == "2011/NQ-HĐND"
    head, _ = _head(_doc(number="Số: 3594/QĐBNN-KTHT"))
    assert head["symbol"] == "QĐ-BNN-KTHT"
    from planimport.reader.header import _symbol

    assert _symbol("BKHĐT-KTHT") == "BKHĐT-KTHT" and _symbol("KHCN") == "KHCN" and _symbol("NQ/TU") == "NQ/TU"
    head, _ = _head(_doc(number="Số: 312/KH UBND Hà Nam, ngày 05 tháng 10 năm 2023", place_date=""))
    assert head == HEAD


def test_a_ministry_name_wrapped_around_its_ke_hoach_and_typed_beside_the_quoc_hieu():
    """"BỘ" / "KẾ HOẠCH VÀ" / "ĐẦU TƯ": the ministry's "KẾ HOẠCH" was split off as the plan's title (no number, date
    or place read after it, issuer "Bộ"); "| Bộ Nông nghiệp | CỘNG HÒA … |" / "| và Phát triển nông thôn | Độc lập … |"
    glued "và Phát triển nông thôn" to the Quốc hiệu (issuer "Bộ Nông Nghiệp"). Negative: a plan's own "KẾ HOẠCH"
    after its header is still its title."""
    head, d = _head(_doc(agency="BỘ\nKẾ HOẠCH VÀ\nĐẦU TƯ", number="Số: 312/BKHĐT-KTHT", place_date="Hà Nội, ngày 05 tháng 10 năm 2023"))
    assert head == {**HEAD, "symbol": "BKHĐT-KTHT", "place": "Hà Nội", "issuer": "Bộ Kế hoạch và Đầu tư"}
    assert d["title"] == "Phát triển kinh tế tập thể, hợp tác xã năm 2024"
    text = (
        "| Bộ Nông nghiệp | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| và Phát triển nông thôn | Độc lập - Tự do - Hạnh phúc |\n"
        "| Số: 312/KH-BNN-KTHT | Hà Nội, ngày 05 tháng 10 năm 2023 |\n" + BODY
    )
    head, _ = _head(text)
    assert head["issuer"] == "Bộ Nông nghiệp và Phát triển nông thôn" and head["symbol"] == "KH-BNN-KTHT"


def test_a_lower_case_số_inside_a_site_line_is_left_as_written():
    """Only a line's (or a cell's) own label "số:" becomes "Số:"; "Quyết định số 1804/QĐ-TTg" in a related-documents
    list above the header stays as written."""
    assert header_case("Quyết định số 1804/QĐ-TTg ngày 13/11/2020") == "Quyết định số 1804/QĐ-TTg ngày 13/11/2020"
    assert header_case("| số: 12/KH-UBND |") == "| Số: 12/KH-UBND |"
