"""Header classes seen in real documents from other provinces (issue 16), on short texts written for
the test (not the corpus texts): flattened "|" headers, hard-wrapped headers, a bare "ỦY BAN NHÂN DÂN"."""

from planimport.reader import read_text


def _head(text):
    d = read_text(text).to_dict()
    return {f: d[f] for f in ("number", "symbol", "date", "place", "issuer")}, d


def test_flattened_header_with_bare_agency_takes_the_unit_from_the_body():
    text = (
        "ỦY BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM |\nSố: 1234/KH-UBND |\n"
        "Hà Nam, ngày 05 tháng 9 năm 2022 |\nPHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2023\n"
        "Thực hiện Công văn số 1/BKHĐT-HTX; Ủy ban nhân dân tỉnh Hà Nam xây dựng Kế hoạch như sau:\n"
        "ĐÁNH GIÁ TÌNH HÌNH NĂM 2022\nI. TÌNH HÌNH\n- Có 20 HTX.\n"
    )
    head, d = _head(text)
    assert head == {
        "number": 1234,
        "symbol": "KH-UBND",
        "date": "2022-09-05",
        "place": "Hà Nam",
        "issuer": "Ủy ban nhân dân tỉnh Hà Nam",
    }
    assert d["fields"]["issuer"]["unsure"] is True


def test_hard_wrapped_header_with_year_in_the_symbol():
    text = (
        "HỘI ĐỒNG\nNHÂN DÂN\nTỈNH HÀ NAM\n--------\n|\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố:\n15/2020/NQ-HĐND\n|\nHà Nam, ngày\n"
        "09 tháng 12 năm 2020\n|\nNGHỊ QUYẾT\nVỀ NHIỆM VỤ NĂM 2021\nHỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    )
    head, _ = _head(text)
    assert head == {
        "number": 15,
        "symbol": "2020/NQ-HĐND",
        "date": "2020-12-09",
        "place": "Hà Nam",
        "issuer": "Hội đồng nhân dân tỉnh Hà Nam",
    }


def test_bare_agency_completed_from_the_deciding_authority_line_not_absorbing_it():
    text = (
        "|\nUỶ BAN NHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\n|\nSố: 147/QĐ-UBND |\n"
        "Ninh Bình, ngày 12 tháng 01 năm 2026 |\nỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n"
        "Căn cứ Luật Hợp tác xã số 17/2023/QH15 ngày 20/6/2023;\n"
    )
    head, _ = _head(text)
    assert head["issuer"] == "Ủy ban nhân dân tỉnh Ninh Bình"
    assert head["date"] == "2026-01-12" and head["place"] == "Ninh Bình"


def test_symbol_typed_with_spaces_or_another_dash_is_read_as_the_register_writes_it():
    """ "Số: 2949/KH - UBND" and "Số: 12/QĐ–UBND" give "KH-UBND" and "QĐ-UBND"; the place after a
    spaced dash on the same line is not part of the symbol."""
    for written, symbol in (
        ("Số: 2949/KH - UBND", "KH-UBND"),
        ("Số: 2949/KH– UBND", "KH-UBND"),
        ("Số: 12/QĐ–UBND", "QĐ-UBND"),
        ("Số: 3594/QĐ-BNN-KTHT", "QĐ-BNN-KTHT"),
    ):
        text = f"ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n{written}\nHà Nam, ngày 05 tháng 9 năm 2022\nKẾ HOẠCH\nPhát triển HTX\n"
        head, _ = _head(text)
        assert head["symbol"] == symbol, written
    head, _ = _head("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/KH-UBND - Hà Nam, ngày 05 tháng 9 năm 2022\nKẾ HOẠCH\n")
    assert head["number"] == 12 and head["symbol"] == "KH-UBND"


def test_a_summary_reporting_on_a_plan_has_no_issuer():
    """A newspaper's sentence about a plan names the plan's issuer, not the author of the text: "vừa ban
    hành", "ban hành Kế hoạch số …", a sentence opening with a date, or a decision number before
    "ban hành kế hoạch" give no issuer (the summary has none)."""
    for text in (
        "UBND tỉnh vừa ban hành Kế hoạch phát triển kinh tế tập thể, HTX của tỉnh năm 2023.\n"
        "Năm 2023, tỉnh phấn đấu thành lập mới 15 HTX.\n",
        "Ngày 14/10/2022, Ủy ban nhân dân tỉnh Hà Nam ban hành Kế hoạch về phát triển kinh tế tập thể.\n"
        "Theo đó, phấn đấu có khoảng 235 tổ hợp tác.\n",
        "Tỉnh đề ra mục tiêu năm 2025 sẽ có 290 HTX.\n"
        "UBND tỉnh Hà Nam ban hành Kế hoạch số 141, ngày 30/7/2024 về phát triển kinh tế tập thể.\n",
        "UBND thành phố Hà Nội vừa có Quyết định 4010/QĐ-UBND về ban hành kế hoạch củng cố hợp tác xã.\n",
    ):
        head, d = _head(text)
        assert head["issuer"] is None, text
        assert head["number"] is None and head["date"] is None


def test_a_plan_without_its_header_still_takes_the_issuer_of_its_own_preamble():
    """Negative case: the plan's own sentence "<cơ quan> xây dựng kế hoạch … như sau:" (no number, no
    news verb) still gives the issuer, marked unsure."""
    text = (
        "KẾ HOẠCH\nPhát triển kinh tế tập thể năm 2024\n"
        "Thực hiện Công văn số 993/UBND-KTN ngày 28/2/2024 của UBND tỉnh Quảng Ngãi; Ủy ban nhân dân huyện "
        "Sơn Hà xây dựng kế hoạch phát triển kinh tế tập thể năm 2024 như sau:\nI. MỤC TIÊU\n"
    )
    head, d = _head(text)
    assert head["issuer"] == "Ủy ban nhân dân huyện Sơn Hà"
    assert d["fields"]["issuer"]["unsure"] is True


def test_the_title_of_a_resolution_gives_its_year():
    """ "NGHỊ QUYẾT / VỀ NHIỆM VỤ … NĂM 2021" issued in 12/2020: the title is read (up to the council
    line) and the resolution's year is 2021, so a "phấn đấu" target without a year is a 2021 target."""
    text = (
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH HÀ NAM\nSố: 15/2020/NQ-HĐND\nHà Nam, ngày 09 tháng 12 năm 2020\n"
        "NGHỊ QUYẾT\nVỀ NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI TỈNH HÀ NAM NĂM 2021\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM,\nKHÓA IX - KỲ HỌP THỨ 18\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "QUYẾT NGHỊ:\nĐiều 1. Thống nhất các mục tiêu năm 2021 như sau:\n"
        "1. Nhiệm vụ trọng tâm\nPhấn đấu tốc độ tăng trưởng GRDP từ 11% trở lên so với năm 2020.\n"
    )
    _, d = _head(text)
    assert d["title"] == "VỀ NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI TỈNH HÀ NAM NĂM 2021"
    assert d["period_start"] == "2021-01-01" and d["period_end"] == "2021-12-31"
    assert [(t["year"], t["comparator"], t["value"], t["unit"]) for t in d["targets"]] == [(2021, ">=", 11, "%")]


def test_a_decision_title_stops_at_the_deciding_authority():
    """Negative case: the authority line under a decision's title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") and
    the bases are not part of the title; a decision of 2024 "giai đoạn 2021 - 2025" has that period."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/QĐ-UBND\nHà Nam, ngày 05 tháng 3 năm 2024\n"
        "QUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch phát triển hợp tác xã giai đoạn 2021 - 2025\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nCăn cứ Luật Hợp tác xã ngày 20 tháng 11 năm 2012;\n"
    )
    head, d = _head(text)
    assert d["title"] == "Về việc phê duyệt Kế hoạch phát triển hợp tác xã giai đoạn 2021 - 2025"
    assert (d["period_start"], d["period_end"]) == ("2021-01-01", "2025-12-31")
    assert head["issuer"] == "Ủy ban nhân dân tỉnh Hà Nam"


def test_a_title_stops_at_the_authority_line_a_letters_greeting_or_a_part_heading():
    """The capitals under a title that name the deciding authority ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM"), a
    letter's "Kính gửi:" and "Phần thứ nhất" are not part of it; "QUYẾT ĐỊNH:" (the operative word, with
    its colon) is no title line. Negative case: a title on two lines is still read whole."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 05 tháng 9 năm 2022\nKẾ HOẠCH\n"
    for after in (
        "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n",
        "Kính gửi: Bộ Kế hoạch và Đầu tư.\n",
        "Phần thứ nhất\nTÌNH HÌNH NĂM 2022\n",
    ):
        _, d = _head(head + "PHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2023\n" + after + "Căn cứ Luật Hợp tác xã năm 2012;\n")
        assert d["title"] == "PHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2023", after
    _, d = _head(head + "PHÁT TRIỂN KINH TẾ TẬP THỂ\nTỈNH HÀ NAM NĂM 2023\nCăn cứ Luật Hợp tác xã năm 2012;\n")
    assert d["title"] == "PHÁT TRIỂN KINH TẾ TẬP THỂ TỈNH HÀ NAM NĂM 2023"
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/2006/QĐ-UBND\nHà Nam, ngày 05 tháng 9 năm 2006\n"
        "QUYẾT ĐỊNH:\n(Kèm Quy định chính sách hỗ trợ hợp tác xã).\n"
    )
    _, d = _head(text)
    assert d["title"] is None


def test_a_date_in_figures_and_a_bare_agency_completed_from_the_place():
    """ "Bình Lục, ngày 10-3-2024" / "Hà Nam, ngày 03/02/2025" (dates in figures, as websites write them) give
    the place and date; a bare "ỦY BAN NHÂN DÂN" takes its level from the place named with it in the text
    ("… huyện Bình Lục năm 2024"), unsure. Negative case: with no level named anywhere the name stays bare,
    flagged unsure with a warning (it was taken as sure)."""
    flat = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Số: 210/KH-UBND | Bình Lục, ngày 10-3-2024 |\n"
    head, d = _head(flat + "KẾ HOẠCH\nPhát triển HTX huyện Bình Lục năm 2024\nI. MỤC TIÊU\n")
    assert head == {
        "number": 210,
        "symbol": "KH-UBND",
        "date": "2024-03-10",
        "place": "Bình Lục",
        "issuer": "Ủy ban nhân dân huyện Bình Lục",
    }
    assert d["fields"]["issuer"]["unsure"] is True
    head, d = _head(flat + "KẾ HOẠCH\nPhát triển HTX năm 2024\nI. MỤC TIÊU\n")
    assert head["issuer"] == "Ủy ban nhân dân" and d["fields"]["issuer"]["unsure"] is True
    assert any("không ghi tên đơn vị hành chính" in w for w in d["warnings"])
    text = "UBND TỈNH HÀ NAM\nLIÊN MINH HỢP TÁC XÃ\nSố: 45/KH-LMHTX\nHà Nam, ngày 03/02/2025\nKẾ HOẠCH\nPhát triển HTX\n"
    head, _ = _head(text)
    assert (head["date"], head["place"], head["number"]) == ("2025-02-03", "Hà Nam", 45)


def _decision(agency_lines, place="Quảng Trị", authority="ỦY BAN NHÂN DÂN TỈNH"):
    return (
        f"{agency_lines}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
        f"Số: 45/QĐ-UBND\n{place}, ngày 19 tháng 01 năm 2019\nQUYẾT ĐỊNH\n"
        f"VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN HỢP TÁC XÃ NÔNG NGHIỆP GIAI ĐOẠN 2019-2020\n{authority}\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
    )


def test_a_glued_or_cut_agency_line_and_a_bare_authority_line_take_the_unit_from_the_place():
    """A website glued the agency lines and cut the unit's name ("ỦY BAN NHÂN DÂNTỈNH QUẢNG TR": the issuer was
    "… tỉnh Quảng Tr"), or left only the level ("ỦY BAN NHÂN DÂN TỈNH", which stayed the issuer), or only
    "ỦY BAN NHÂN DÂN" above a bare "ỦY BAN NHÂN DÂN TỈNH" authority line (left bare): the unit is the place
    line's ("Quảng Trị, ngày …"), marked unsure with a warning."""
    for lines in ("ỦY BAN NHÂN DÂNTỈNH QUẢNG TR", "ỦY BAN NHÂN DÂN TỈNH", "ỦY BAN NHÂN DÂN"):
        head, d = _head(_decision(lines))
        assert head["issuer"] == "Ủy ban nhân dân tỉnh Quảng Trị", lines
        assert d["fields"]["issuer"]["unsure"] is True and d["warnings"], lines
    head, d = _head(_decision("HỘI ĐỒNG NHÂN DÂNHUYỆN CAM L", place="Cam Lộ", authority="HỘI ĐỒNG NHÂN DÂN HUYỆN"))
    assert head["issuer"] == "Hội đồng nhân dân huyện Cam Lộ"


def test_a_whole_agency_line_is_not_changed_by_the_place_and_councils_are_not_mixed():
    """Negative cases: a whole unit name that is not the beginning of the place's ("TỈNH QUẢNG TRỊ" dated in
    "Đông Hà") stays as written and sure; a bare "HỘI ĐỒNG NHÂN DÂN" does not take the level of a People's
    Committee's authority line (it stays bare, with the warning)."""
    head, d = _head(_decision("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", place="Đông Hà"))
    assert head["issuer"] == "Ủy ban nhân dân tỉnh Quảng Trị" and d["fields"]["issuer"]["unsure"] is False
    head, d = _head(_decision("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ"))
    assert head["issuer"] == "Ủy ban nhân dân tỉnh Quảng Trị" and d["fields"]["issuer"]["unsure"] is False
    head, d = _head(_decision("HỘI ĐỒNG NHÂN DÂN"))
    assert head["issuer"] == "Hội đồng nhân dân" and d["fields"]["issuer"]["unsure"] is True


def _plan(agency_lines, number_line="Số: 25/KH-UBND", place="Sơn Hà", motto="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"):
    return (
        f"{agency_lines}\n*\n{number_line}\n{motto}\n{place}, ngày 12 tháng 9 năm 2025\nKẾ HOẠCH\n"
        "Phát triển kinh tế tập thể, hợp tác xã năm 2026\nI. MỤC TIÊU\n"
    )


def test_a_communes_committee_under_the_line_of_its_new_province():
    """Commune documents after 01/07/2025 may put the (new) province above the committee: "TỈNH QUẢNG NGÃI /
    ỦY BAN NHÂN DÂN XÃ SƠN HÀ" gave "tỉnh Quảng Ngãi Ủy Ban Nhân Dân xã Sơn Hà", "UBND TỈNH QUẢNG NGÃI / UBND XÃ
    SƠN HÀ" "… Ubnd xã Sơn Hà". The committee (or council) is the issuer, the province line its parent.
    Negative cases: the classic two lines "ỦY BAN NHÂN DÂN / XÃ SƠN HÀ" and a department under its committee
    keep their reading."""
    for lines, parent in (
        ("TỈNH QUẢNG NGÃI\nỦY BAN NHÂN DÂN XÃ SƠN HÀ", "Tỉnh Quảng Ngãi"),
        ("TỈNH QUẢNG NGÃI\nỦY BAN NHÂN DÂN\nXÃ SƠN HÀ", "Tỉnh Quảng Ngãi"),
        ("UBND TỈNH QUẢNG NGÃI\nUBND XÃ SƠN HÀ", "Ủy ban nhân dân tỉnh Quảng Ngãi"),
    ):
        head, d = _head(_plan(lines))
        assert (head["issuer"], d["parent_issuer"]) == ("Ủy ban nhân dân xã Sơn Hà", parent), lines
        assert (head["number"], head["date"], head["place"]) == (25, "2025-09-12", "Sơn Hà")
    head, d = _head(_plan("TỈNH QUẢNG NGÃI\nHỘI ĐỒNG NHÂN DÂN XÃ SƠN HÀ", number_line="Số: 07/NQ-HĐND"))
    assert head["issuer"] == "Hội đồng nhân dân xã Sơn Hà" and head["symbol"] == "NQ-HĐND"
    head, d = _head(_plan("ỦY BAN NHÂN DÂN\nXÃ SƠN HÀ"))
    assert (head["issuer"], d["parent_issuer"]) == ("Ủy ban nhân dân xã Sơn Hà", None)
    head, d = _head(_plan("ỦY BAN NHÂN DÂN XÃ SƠN HÀ\nPHÒNG KINH TẾ"))
    assert (head["issuer"], d["parent_issuer"]) == ("Phòng Kinh tế", "Ủy ban nhân dân xã Sơn Hà")


def test_a_party_committees_header_its_number_and_the_party_line():
    """A Party document: "ĐẢNG BỘ TỈNH QUẢNG TRỊ / TỈNH ỦY / *", "Số 12-NQ/TU" (no colon, the number joined by a
    hyphen) and "ĐẢNG CỘNG SẢN VIỆT NAM" in the place of the Quốc hiệu gave no number and the issuer "Đảng Bộ
    tỉnh Quảng Trị tỉnh Ủy Đảng Cộng Sản Việt Nam". The committee is the issuer, named as it signs ("Tỉnh ủy
    Quảng Trị", "Huyện ủy Cam Lộ", "Đảng ủy xã Sơn Hà" under "Đảng bộ tỉnh Quảng Ngãi", "Ban Thường vụ Tỉnh ủy
    …"), the number 12 and the symbol "NQ/TU"."""
    party = "ĐẢNG CỘNG SẢN VIỆT NAM"
    for lines, issuer, parent in (
        ("ĐẢNG BỘ TỈNH QUẢNG TRỊ\nTỈNH ỦY", "Tỉnh ủy Quảng Trị", None),
        ("TỈNH ỦY QUẢNG TRỊ", "Tỉnh ủy Quảng Trị", None),
        ("ĐẢNG BỘ TỈNH QUẢNG TRỊ\nBAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy Quảng Trị", None),
        ("ĐẢNG BỘ HUYỆN CAM LỘ\nHUYỆN ỦY", "Huyện ủy Cam Lộ", None),
        ("ĐẢNG BỘ TỈNH QUẢNG NGÃI\nĐẢNG ỦY XÃ SƠN HÀ", "Đảng ủy xã Sơn Hà", "Đảng bộ tỉnh Quảng Ngãi"),
    ):
        head, d = _head(_plan(lines, number_line="Số 12-NQ/TU", place="Quảng Trị", motto=party))
        assert head == {
            "number": 12,
            "symbol": "NQ/TU",
            "date": "2025-09-12",
            "place": "Quảng Trị",
            "issuer": issuer,
        }, lines
        assert d["parent_issuer"] == parent, lines


def test_a_special_zone_and_a_province_line_under_a_communes_name():
    """Since 01/07/2025 a special zone ("ĐẶC KHU PHÚ QUỐC") is a commune-level unit: it gave "Ủy ban nhân dân
    Đặc KHU Phú Quốc", and a bare or cut header was not completed from it. A province line under a commune's
    name ("ỦY BAN NHÂN DÂN / XÃ SƠN HÀ / TỈNH QUẢNG NGÃI") was read into the issuer's name; it is the parent.
    Negative case: "ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI" is the province's committee, no parent."""
    head, d = _head(_plan("ỦY BAN NHÂN DÂN\nĐẶC KHU PHÚ QUỐC", place="Phú Quốc"))
    assert head["issuer"] == "Ủy ban nhân dân đặc khu Phú Quốc" and d["fields"]["issuer"]["unsure"] is False
    head, d = _head(_plan("ỦY BAN NHÂN DÂN ĐẶC KHU PHÚ QU", place="Phú Quốc"))
    assert head["issuer"] == "Ủy ban nhân dân đặc khu Phú Quốc" and d["fields"]["issuer"]["unsure"] is True
    head, d = _head(_plan("ỦY BAN NHÂN DÂN\nXÃ SƠN HÀ\nTỈNH QUẢNG NGÃI"))
    assert (head["issuer"], d["parent_issuer"]) == ("Ủy ban nhân dân xã Sơn Hà", "Tỉnh Quảng Ngãi")
    head, d = _head(_plan("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", place="Quảng Ngãi"))
    assert (head["issuer"], d["parent_issuer"]) == ("Ủy ban nhân dân tỉnh Quảng Ngãi", None)


def test_national_bodies_and_fronts_are_named_with_their_official_capitals():
    """ "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" gave "Bộ Nông Nghiệp và Môi Trường", "LIÊN MINH HỢP TÁC XÃ VIỆT NAM" "… Việt
    NAM", "THỦ TƯỚNG CHÍNH PHỦ" "Thủ Tướng Chính Phủ"; the issuer shown to the reviewer (and created as a new
    agency) is written as the body writes itself. Negative case: provincial names keep their reading."""
    for lines, issuer in (
        ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Bộ Nông nghiệp và Môi trường"),
        ("LIÊN MINH HỢP TÁC XÃ VIỆT NAM", "Liên minh Hợp tác xã Việt Nam"),
        ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
        ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH QUẢNG NAM", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Nam"),
        ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM", "Ủy ban nhân dân tỉnh Quảng Nam"),
    ):
        head, _ = _head(_plan(lines, number_line="Số: 12/KH-BNNMT", place="Hà Nội"))
        assert head["issuer"] == issuer, lines


def test_a_mass_organisations_national_line_and_its_signing_organ():
    """ "HỘI NÔNG DÂN VIỆT NAM / BCH HỘI NÔNG DÂN TỈNH LAI CHÂU" gave "Hội Nông dân Việt Nam BCH Hội Nông Dân tỉnh
    Lai Châu", "… / BAN CHẤP HÀNH HỘI …" "BAN Chấp Hành Hội …", "HỘI NÔNG DÂN TỈNH LAI CHÂU / BAN THƯỜNG VỤ" "BAN
    Thường Vụ": the organisation is the issuer (the agency the portal knows), its national line the parent, the
    signing organ dropped; "LHPN" and "HTX" are written out. Negative cases: a single line and a department
    under a People's Committee keep their reading."""
    for lines, issuer, parent in (
        ("HỘI NÔNG DÂN VIỆT NAM\nBCH HỘI NÔNG DÂN TỈNH LAI CHÂU", "Hội Nông dân tỉnh Lai Châu", "Hội Nông dân Việt Nam"),
        ("HỘI NÔNG DÂN VIỆT NAM\nBAN CHẤP HÀNH HỘI NÔNG DÂN TỈNH LAI CHÂU", "Hội Nông dân tỉnh Lai Châu", "Hội Nông dân Việt Nam"),
        ("HỘI NÔNG DÂN TỈNH LAI CHÂU\nBAN THƯỜNG VỤ", "Hội Nông dân tỉnh Lai Châu", None),
        ("HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM\nBCH HỘI LHPN TỈNH LAI CHÂU", "Hội Liên hiệp Phụ nữ tỉnh Lai Châu", "Hội Liên hiệp Phụ nữ Việt Nam"),
        ("LIÊN MINH HTX VIỆT NAM\nLIÊN MINH HTX TỈNH LAI CHÂU", "Liên minh Hợp tác xã tỉnh Lai Châu", "Liên minh Hợp tác xã Việt Nam"),
        ("HỘI NÔNG DÂN TỈNH LAI CHÂU", "Hội Nông dân tỉnh Lai Châu", None),
        ("UBND TỈNH LAI CHÂU\nSỞ TÀI CHÍNH", "Sở Tài chính", "Ủy ban nhân dân tỉnh Lai Châu"),
    ):
        head, d = _head(_plan(lines, number_line="Số: 123-KH/HNDT", place="Lai Châu"))
        assert (head["issuer"], d["parent_issuer"]) == (issuer, parent), lines
        assert (head["number"], head["symbol"]) == (123, "KH/HNDT"), lines


def _wrapped_place_plan(place_lines):
    return (
        "ỦY\nBAN NHÂN DÂN\nTỈNH CAO BẰNG\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 3170/KH-UBND\n|\n" + place_lines + "\n|\n"
        "KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ TẬP THỂ NĂM 2019\nThực hiện Quyết định số 63/QĐ-TTg ngày 12 tháng 01 năm 2018;\n"
        "I. MỤC TIÊU\n- Năm 2019 thành lập mới 10 HTX.\n"
    )


def test_a_place_name_hard_wrapped_by_the_website_is_joined_across_the_wrap():
    """ "Cao\\nBằng, ngày 09 tháng 10 năm 2018" (fresh4's c60, c61) gave the place "Bằng": a place name that a
    website wrapped inside itself is joined back before the date line is read. Negative cases: an agency line
    in capitals, the tiêu ngữ, the number line and a whole place line before the date keep their reading."""
    for lines, place in (
        ("Cao\nBằng, ngày 09 tháng 10 năm 2018", "Cao Bằng"),
        ("Hưng\nYên, ngày 09 tháng 10 năm 2018", "Hưng Yên"),
        ("Thừa Thiên\nHuế, ngày 09 tháng 10 năm 2018", "Thừa Thiên Huế"),
        ("TP. Hồ Chí\nMinh, ngày 09 tháng 10 năm 2018", "Hồ Chí Minh"),  # as "TP. Hồ Chí Minh, ngày …" is read
        ("Cao Bằng, ngày\n09 tháng 10 năm 2018", "Cao Bằng"),
        ("Cao Bằng, ngày 09 tháng 10 năm 2018", "Cao Bằng"),
    ):
        head, _ = _head(_wrapped_place_plan(lines))
        assert (head["place"], head["date"]) == (place, "2018-10-09"), lines
        assert head["issuer"] == "Ủy ban nhân dân tỉnh Cao Bằng" and head["number"] == 3170, lines
    # the lines before the date that are not a piece of a place name stay apart
    text = _wrapped_place_plan("Cao Bằng, ngày 09 tháng 10 năm 2018").replace(
        "Số: 3170/KH-UBND\n|\n", "Số: 3170/KH-UBND\n|\nDỰ THẢO\n|\n"
    )
    assert _head(text)[0]["place"] == "Cao Bằng"
    text = _wrapped_place_plan("Cao Bằng, ngày 09 tháng 10 năm 2018").replace(
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố: 3170/KH-UBND\n|\n",
        "Số: 3170/KH-UBND\n|\nĐộc lập - Tự do - Hạnh phúc\n",
    )
    assert _head(text)[0]["place"] == "Cao Bằng"


def _letter(agency: str, subject: str) -> str:
    return (
        f"{agency}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
        f"Số: 4246/BKHĐT-KTHT\n{subject}\nHà Nội, ngày 06 tháng 6 năm 2023\n\nKính gửi:\n"
        "- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;\n- Liên minh Hợp tác xã Việt Nam.\n"
        "Tại Quyết định số 445/QĐ-TTg ngày 21/3/2016, Thủ tướng Chính phủ đã phê duyệt đề án thí điểm.\n"
        "Đề nghị Quý cơ quan gửi báo cáo về Bộ Kế hoạch và Đầu tư trước ngày 30/6/2023.\n"
    )


def test_an_official_letters_header_with_its_subject_line_and_a_ministry_named_ke_hoach():
    """A công văn (fresh5's c87): "Số: 4246/BKHĐT-KTHT", then the "V/v …" subject line (possibly wrapped), then
    "Hà Nội, ngày 06 tháng 6 năm 2023" — the date, place and issuer were all missed: "V/v" was taken for the
    Roman heading "V." (so the header ended there), and "BỘ KẾ HOẠCH VÀ ĐẦU TƯ" for a plan's title "KẾ HOẠCH".
    Negative cases: a real heading "V. TỔ CHỨC THỰC HIỆN" stays a section; a plan's "KẾ HOẠCH" title under an
    agency line stays its title; "PHÒNG TÀI CHÍNH - KẾ HOẠCH" is an agency, not a title."""
    want = {
        "number": 4246,
        "symbol": "BKHĐT-KTHT",
        "date": "2023-06-06",
        "place": "Hà Nội",
        "issuer": "Bộ Kế hoạch và Đầu tư",
    }
    for subject in (
        "V/v tổng kết Quyết định số 445/QĐ-TTg ngày 21/3/2016 của Thủ tướng Chính phủ",
        "V/v tổng kết Quyết định số 445/QĐ-TTg\nngày 21/3/2016 của Thủ tướng Chính phủ",  # wrapped
        "V/V báo cáo tình hình kinh tế tập thể",
    ):
        head, d = _head(_letter("BỘ KẾ HOẠCH VÀ ĐẦU TƯ", subject))
        assert head == want, subject
        assert not any(s["number"] == "V" for s in d["sections"]), subject
    # a provincial department of the same name is its own agency line, not a title either
    head, _ = _head(_letter("UBND TỈNH QUẢNG NAM\nSỞ KẾ HOẠCH VÀ ĐẦU TƯ", "V/v báo cáo kinh tế tập thể"))
    assert (head["date"], head["place"]) == ("2023-06-06", "Hà Nội") and "Kế hoạch và Đầu tư" in head["issuer"]
    # negatives: a plan's title and its Roman heading V
    plan = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND\nQuảng Nam, ngày 06 tháng 6 năm 2023\nKẾ HOẠCH\nPhát triển kinh tế tập thể năm 2024\n"
        "I. MỤC TIÊU\n- Năm 2024 thành lập mới 10 HTX.\nV. TỔ CHỨC THỰC HIỆN\n- Sở Kế hoạch và Đầu tư chủ trì.\n"
    )
    head, d = _head(plan)
    assert head["issuer"] == "Ủy ban nhân dân tỉnh Quảng Nam" and head["date"] == "2023-06-06"
    assert d["title"].startswith("Phát triển kinh tế tập thể năm 2024")
    assert [s["number"] for s in d["sections"] if s["level"] == 1] == ["I", "V"]
    head, d = _head(plan.replace("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM", "UBND HUYỆN ĐẠI LỘC\nPHÒNG TÀI CHÍNH - KẾ HOẠCH"))
    assert d["title"].startswith("Phát triển kinh tế tập thể năm 2024") and head["date"] == "2023-06-06"


def test_a_summarys_sentence_linked_to_the_one_before_gives_no_issuer():
    """A news summary (fresh5's c91) told "Theo đó, Hội LHPN Việt Nam ban hành kế hoạch triển khai thực hiện đề án
    …" and got that association as its issuer: a sentence a newspaper links to the one before ("Theo đó", "Sau đó",
    "Được biết" …) reports on a plan, as "vừa ban hành" does — the summary has no issuer of its own. Negative case:
    a plan without its header whose preamble says "Hội Liên hiệp Phụ nữ tỉnh Hà Nam xây dựng Kế hoạch …" keeps
    that issuer (inferred, marked unsure)."""
    summary = (
        "Ngày 17/3, Hội LHPN Việt Nam tổ chức hội nghị khởi động Đề án hỗ trợ hợp tác xã do phụ nữ tham gia quản lý.\n\n"
        "Mục tiêu cụ thể đến năm 2030 là củng cố, nâng cao hiệu quả hoạt động cho ít nhất 1.500 HTX.\n\n"
        "Tư vấn, hỗ trợ thành lập mới 750 HTX do phụ nữ tham gia quản lý. {link} Hội LHPN Việt Nam ban hành kế hoạch "
        "triển khai thực hiện đề án để cụ thể hóa nội dung và nhiệm vụ trọng tâm.\n"
    )
    for link in ("Theo đó,", "Sau đó,", "Được biết,"):
        head, _ = _head(summary.format(link=link))
        assert head == {"number": None, "symbol": None, "date": None, "place": None, "issuer": None}, link
    plan = (
        "Thực hiện Đề án hỗ trợ hợp tác xã do phụ nữ tham gia quản lý, Hội Liên hiệp Phụ nữ tỉnh Hà Nam xây dựng "
        "Kế hoạch triển khai thực hiện như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n- Hỗ trợ thành lập mới 10 HTX.\n"
    )
    head, d = _head(plan)
    assert head["issuer"] == "Hội Liên hiệp Phụ nữ tỉnh Hà Nam" and d["fields"]["issuer"]["unsure"] is True


def test_a_summarys_upper_case_lines_without_an_agency_and_a_cited_plan_give_no_issuer():
    """A page's summary has upper-case lines that are no agency: a byline ("TRẦN MINH"), a date line ("14-5-2027,
    09:40 GMT+7"), a site's section ("TIN TỨC - SỰ KIỆN"), a ticker ("SJC"); they became the issuer. And a sentence
    citing the plan by its number ("UBND tỉnh ban hành Kế hoạch … (Kế hoạch số 45/KH-UBND, ngày 3/4/2026)") reports
    on it, as "vừa ban hành" does. Negatives: an agency line without number or date ("ỦY BAN NHÂN DÂN TỈNH NINH
    BÌNH") still gives the issuer; a headerless plan's "Ủy ban nhân dân huyện Tân Lạc xây dựng Kế hoạch … như sau:"
    keeps its inferred issuer."""
    body = "Theo kế hoạch, đến năm 2028 toàn tỉnh có 300 hợp tác xã hoạt động hiệu quả.\n"
    for top in ("TRẦN MINH\n", "14-5-2027, 09:40 GMT+7\n", "TIN TỨC - SỰ KIỆN\n", "SJC\n"):
        head, _ = _head(top + body)
        assert head["issuer"] is None, top
    head, _ = _head(
        "Kinh tế\n\nUBND tỉnh ban hành Kế hoạch phát triển hợp tác xã nông nghiệp đến năm 2028 (Kế hoạch số 45/KH-UBND, "
        "ngày 3/4/2026).\n" + body
    )
    assert head["issuer"] is None
    head, _ = _head("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n" + body)
    assert head["issuer"] == "Ủy ban nhân dân tỉnh Ninh Bình"
    head, _ = _head(
        "Thực hiện Chương trình phát triển kinh tế tập thể, Ủy ban nhân dân huyện Tân Lạc xây dựng Kế hoạch triển khai "
        "như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n- Thành lập mới 5 HTX.\n"
    )
    assert head["issuer"].startswith("Ủy ban nhân dân huyện")


# --- eighth pass (issue 16): header shapes uploads bring that no rule read ------------------------------------------

_QH = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
_PLAN = "KẾ HOẠCH\nPhát triển kinh tế tập thể năm 2026\nI. MỤC TIÊU\n- Thành lập mới 10 hợp tác xã.\n"


def test_a_decision_with_its_plan_attached_keeps_its_own_date():
    """A decision approving a plan, uploaded with the plan attached: the header runs to the plan's "KẾ HOẠCH", so
    the decision's "Căn cứ Luật … ngày 19 tháng 02 năm 2025;" sat in it and gave the issue date (2025-02-19). A date in
    a sentence is no issue date once the place and date line has given one. And a date line without a place, which
    the line joining puts after the number ("Số: 250/KH-UBND ngày 10 tháng 3 năm 2026"), gave no date at all."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n" + _QH + "Số: 250/QĐ-UBND\nQuảng Ngãi, ngày 10 tháng 3 năm 2026\n"
        "QUYẾT ĐỊNH\nPhê duyệt Kế hoạch phát triển kinh tế tập thể năm 2026\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\n"
        "Điều 1. Phê duyệt Kế hoạch kèm theo.\n" + _PLAN
    )
    head, _d = _head(text)
    assert (head["number"], head["symbol"], head["date"], head["place"]) == (250, "QĐ-UBND", "2026-03-10", "Quảng Ngãi")
    text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n" + _QH + "Số: 250/KH-UBND\nngày 10 tháng 3 năm 2026\n" + _PLAN
    assert _head(text)[0]["date"] == "2026-03-10"


def test_a_place_named_with_a_dash():
    """ "Bà Rịa - Vũng Tàu, ngày 10 tháng 3 năm 2024" gave the place "Vũng Tàu" ("Phan Rang - Tháp Chàm" gave
    "Tháp Chàm"): the header split walked back over capitalised words only and stopped at the dash. Negatives: a
    flattened line "Số: 99/KH-UBND - Hà Nội, ngày …" keeps its number apart, and the tiêu ngữ's dashes stay its own."""
    for place, unit in (("Bà Rịa - Vũng Tàu", "TỈNH BÀ RỊA - VŨNG TÀU"), ("Phan Rang - Tháp Chàm", "TỈNH NINH THUẬN")):
        text = f"ỦY BAN NHÂN DÂN\n{unit}\n" + _QH + f"Số: 99/KH-UBND\n{place}, ngày 10 tháng 3 năm 2024\n" + _PLAN
        head, _d = _head(text)
        assert (head["place"], head["date"], head["number"]) == (place, "2024-03-10", 99), place
    text = "ỦY BAN NHÂN DÂN | " + _QH.replace("\n", " | ") + "Số: 99/KH-UBND - Hà Nội, ngày 10 tháng 3 năm 2024 |\n" + _PLAN
    head, _d = _head(text)
    assert (head["number"], head["symbol"], head["place"], head["date"]) == (99, "KH-UBND", "Hà Nội", "2024-03-10")


def test_a_capitalised_ngày_and_an_ocr_số():
    """ "Quảng Ngãi, Ngày 10 tháng 03 năm 2026" (and "NGÀY … THÁNG … NĂM") gave neither date nor place, and "Sô:
    123/KH-UBND" — "Số" as OCR of a scan leaves it — no number: the header's words are read in the case and spelling
    the rules expect, the text's length unchanged. Negatives: "Sổ tay hướng dẫn" and a sentence "Ngày 10 tháng 3 năm
    2026, Sở … tổ chức" are left as they are."""
    for line in ("Quảng Ngãi, Ngày 10 tháng 03 năm 2026", "Quảng Ngãi, NGÀY 10 THÁNG 03 NĂM 2026"):
        text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n" + _QH + f"Sô: 123/KH-UBND\n{line}\n" + _PLAN
        head, d = _head(text)
        assert (head["number"], head["symbol"], head["date"], head["place"]) == (123, "KH-UBND", "2026-03-10", "Quảng Ngãi")
        assert len(d["source_text"]) == len(read_text(text.replace("Sô:", "Số:")).to_dict()["source_text"])
    text = "Sổ tay hướng dẫn thành lập hợp tác xã.\nNgày 10 tháng 3 năm 2026, Sở Nông nghiệp tổ chức hội nghị.\n"
    assert "Sổ tay" in read_text(text).to_dict()["source_text"] and read_text(text).to_dict()["number"] is None


def test_a_summarys_headline_in_capitals_naming_an_agency_in_passing_gives_no_issuer():
    """Twelfth pass (fresh7's c247, c293): without a number or a date, a page's headline in capitals is an agency's
    header line only when it looks like one (opens with an agency's word, no figure, short); a headline that names an
    agency in passing, states a count or a period, gives no issuer. A summary's real agency lines still give theirs."""
    for headline in (
        "CHÍNH PHỦ PHÊ DUYỆT CHIẾN LƯỢC PHÁT TRIỂN NÔNG NGHIỆP GIAI ĐOẠN 2021 – 2030",
        "TOÀN TỈNH CÓ 931 TỔ HỢP TÁC VÀ 833 HỢP TÁC XÃ",
        "UBND TỈNH PHÊ DUYỆT KẾ HOẠCH PHÁT TRIỂN HỢP TÁC XÃ",
        "TỈNH ĐẶT MỤC TIÊU THÀNH LẬP MỚI 40 HỢP TÁC XÃ MỖI NĂM",
        "MỤC TIÊU HAI GIAI ĐOẠN 2026 - 2030 VÀ 2031 - 2035: MỖI GIAI ĐOẠN THÀNH LẬP MỚI 40 HỢP TÁC XÃ",
    ):
        head, _d = _head(headline + "\n\n12/03/2024\n\nTheo đó, đến năm 2030 toàn tỉnh có 900 hợp tác xã.\n")
        assert head["issuer"] is None, headline
    head, _d = _head(
        "LIÊN MINH HỢP TÁC XÃ\nTỈNH NAM ĐỊNH\nPhấn đấu đến năm 2030 toàn tỉnh có 900 hợp tác xã.\n"
    )
    assert head["issuer"] == "Liên minh Hợp tác xã tỉnh Nam Định"


def test_a_level_without_its_unit_in_a_page_without_header_or_title_gives_no_issuer():
    """Twelfth pass (fresh7's c270): a page serving a plan's opening paragraph without header or title, "…, Ủy ban
    nhân dân tỉnh xây dựng Kế hoạch triển khai …", names no agency (the level without its unit): no issuer, and a
    Vietnamese warning asks for one. Under the plan's title (the document itself) the bare name stays, unsure."""
    text = (
        "Thực hiện Nghị quyết số 09/NQ-CP ngày 02/02/2023 của Chính phủ, Ủy ban nhân dân tỉnh xây dựng Kế hoạch triển "
        "khai thực hiện, với các nội dung chính như sau:\n"
    )
    head, d = _head(text)
    assert head["issuer"] is None
    assert any("không nêu tên đơn vị hành chính" in w for w in d["warnings"])
    head, d = _head("KẾ HOẠCH\nPhát triển hợp tác xã năm 2024\n" + text)
    assert head["issuer"] == "Ủy ban nhân dân tỉnh"
    assert d["fields"]["issuer"]["unsure"] is True


def test_a_text_layer_that_lost_its_accented_letters_is_said_so_and_nothing_is_guessed():
    """Twelfth pass (fresh7's c294): a PDF text layer that lost every letter of a legacy font gives no number, date,
    place or issuer (none can be read back without guessing) and a Vietnamese warning says why and what to upload;
    the same header whole reads its four fields and warns nothing of it."""
    lost = (
        "B NÔNG NGHI P VÀ PHÁT TRI N NÔNG THÔN C NG HOÀ XÃ H I CH NGHĨA VI T NAM ******** c l p - T do - H nh phúc "
        "******** S : 12/2001/Q -BNN Hà N i, ngày 5 tháng 3 năm 2001 QUY T NNH V vi c phê duy t Chương trình\n"
    )
    head, d = _head(lost)
    assert head == {"number": None, "symbol": None, "date": None, "place": None, "issuer": None}
    assert any("mất các chữ cái có dấu" in w for w in d["warnings"])
    whole = (
        "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/2001/QĐ-BNN\nHà Nội, ngày 5 tháng 3 năm 2001\nQUYẾT ĐỊNH\nVề việc phê duyệt Chương trình\n"
    )
    head, d = _head(whole)
    assert head["number"] == 12 and head["date"] == "2001-03-05"
    assert not any("mất các chữ cái có dấu" in w for w in d["warnings"])
