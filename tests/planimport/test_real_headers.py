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
