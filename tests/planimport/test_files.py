"""Reading .docx, .pdf and .txt files, and refusing what cannot be read (with Vietnamese messages)."""

import html
import io
import re

import pytest

from planimport.reader import ReaderError, read_docx, read_file, read_pdf, read_text

from .expected_seeds import EXPECTED, seed_text

try:  # WeasyPrint needs Pango; skip the PDF tests where it cannot render
    import weasyprint

    weasyprint.HTML(string="<p>x</p>").write_pdf()
    HAVE_WEASYPRINT = True
except Exception:  # noqa: BLE001 - any import/render failure means "not available here"
    HAVE_WEASYPRINT = False

needs_weasyprint = pytest.mark.skipif(not HAVE_WEASYPRINT, reason="WeasyPrint (with Pango) is not available")


def _body_of_seed_001():
    """Seed 001 from the title on, without Markdown markers, one paragraph per item."""
    text = seed_text("001")
    body = text[text.index("KẾ HOẠCH") : text.index("Nơi nhận:")]
    body = body.replace("**", "").replace("*", "")
    return [p.strip() for p in body.split("\n") if p.strip()]


RECIPIENTS_001 = ["Nơi nhận:", "- UBND tỉnh;", "- Sở NN&PTNT tỉnh;", "- UBND các xã, thị trấn;", "- Lưu: VT-TH."]
SIGNER_001 = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Văn Việt"]


def _targets(ex):
    return [(t.year, t.comparator, t.value, t.value_max, t.unit) for t in ex.targets]


def _expected_targets(key):
    return [(t["year"], t["comparator"], t["value"], t["value_max"], t["unit"]) for t in EXPECTED[key]["targets"]]


# --- docx -------------------------------------------------------------------------------------------


def _build_docx() -> bytes:
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)  # borderless by default: the usual header block
    left, right = header.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN\nHUYỆN NGỌC HỒI"
    left.add_paragraph("Số: 42/KH-UBND")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    right.add_paragraph("Ngọc Hồi, ngày 15 tháng 12 năm 2023")
    for paragraph in _body_of_seed_001():
        document.add_paragraph(paragraph)
    sign = document.add_table(rows=1, cols=2)
    sign.rows[0].cells[0].text = "\n".join(RECIPIENTS_001)
    sign.rows[0].cells[1].text = "\n".join(SIGNER_001)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_with_header_table_and_signature_table():
    """A .docx built with python-docx: header in a 2-column table, body paragraphs, signature table."""
    ex = read_file(io.BytesIO(_build_docx()), "ke-hoach.docx")
    assert ex.issuer == "Ủy ban nhân dân huyện Ngọc Hồi"
    assert ex.fields["issuer"].unsure is False
    assert (ex.number, ex.symbol, ex.place, ex.date) == (42, "KH-UBND", "Ngọc Hồi", "2023-12-15")
    assert ex.title.startswith("Củng cố, kiện toàn, phát triển các hợp tác xã nông nghiệp")
    assert _targets(ex) == _expected_targets("001")
    assert [t.number for t in ex.tasks] == [t["number"] for t in EXPECTED["001"]["tasks"]]
    assert len(ex.reporting) == 6
    assert ex.signer.authority_lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert ex.signer.name == "Nguyễn Văn Việt"
    assert ex.recipients == ["UBND tỉnh", "Sở NN&PTNT tỉnh", "UBND các xã, thị trấn"]


def test_docx_from_path(tmp_path):
    """read_docx accepts a path as well as a file object."""
    path = tmp_path / "kh.docx"
    path.write_bytes(_build_docx())
    assert read_docx(path).number == 42
    assert read_file(str(path)).number == 42


def test_docx_data_table_keeps_rows():
    """A data table in a .docx (tasks) is kept one row per line and read as tasks."""
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Phát triển hợp tác xã năm 2025")
    document.add_paragraph("I. NHIỆM VỤ VÀ GIẢI PHÁP")
    table = document.add_table(rows=3, cols=4)
    for row, values in zip(
        table.rows,
        [
            ["STT", "Nhiệm vụ", "Chủ trì", "Thời gian"],
            ["1", "Rà soát hợp tác xã", "Phòng Kinh tế", "Quý III/2025"],
            ["2", "Tập huấn cán bộ", "Phòng Nông nghiệp và PTNT", "Thường xuyên"],
        ],
        strict=True,
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    ex = read_docx(io.BytesIO(buffer.getvalue()))
    assert [(t.number, t.lead, t.timeframe) for t in ex.tasks] == [
        ("I.1", "Phòng Kinh tế", "2025-Q3"),
        ("I.2", "Phòng Nông nghiệp và PTNT", "ongoing"),
    ]


# --- pdf --------------------------------------------------------------------------------------------


def _seed_html() -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in _body_of_seed_001()[2:])
    recipients = "<br>".join(html.escape(r) for r in RECIPIENTS_001)
    return f"""<html><head><style>
      @page {{ size: A4; margin: 20mm 15mm 20mm 30mm; }}
      body {{ font-family: 'DejaVu Serif', serif; font-size: 12pt; }}
      p {{ text-align: justify; margin: 0 0 6pt 0; }}
      td {{ vertical-align: top; text-align: center; }}
    </style></head><body>
    <table style="width:100%"><tr>
      <td style="width:40%">ỦY BAN NHÂN DÂN<br>HUYỆN NGỌC HỒI<br><br>Số: 42/KH-UBND</td>
      <td style="width:60%">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br><br>
        <i>Ngọc Hồi, ngày 15 tháng 12 năm 2023</i></td>
    </tr></table>
    <p style="text-align:center"><b>KẾ HOẠCH</b></p>
    <p style="text-align:center">{html.escape(_body_of_seed_001()[1])}</p>
    {paragraphs}
    <table style="width:100%"><tr>
      <td style="width:50%; text-align:left; font-size:10pt">{recipients}</td>
      <td style="width:50%"><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b><br><br><br><br>
        <b>Nguyễn Văn Việt</b></td>
    </tr></table></body></html>"""


@needs_weasyprint
def test_pdf_rendered_with_weasyprint():
    """A PDF (two-column header and signature, justified body) reads like the text seed."""
    pdf = weasyprint.HTML(string=_seed_html()).write_pdf()
    ex = read_file(io.BytesIO(pdf), "ke-hoach.pdf")
    assert ex.issuer == "Ủy ban nhân dân huyện Ngọc Hồi"
    assert (ex.number, ex.symbol, ex.place, ex.date) == (42, "KH-UBND", "Ngọc Hồi", "2023-12-15")
    assert ex.title.startswith("Củng cố, kiện toàn, phát triển các hợp tác xã nông nghiệp")
    assert _targets(ex) == _expected_targets("001")
    assert [t.number for t in ex.tasks] == [t["number"] for t in EXPECTED["001"]["tasks"]]
    assert [(r.frequency, r.due_rule) for r in ex.reporting] == [
        (r["frequency"], r["due_rule"]) for r in EXPECTED["001"]["reporting"]
    ]
    assert ex.signer.authority_lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert ex.signer.name == "Nguyễn Văn Việt"
    assert ex.recipients == ["UBND tỉnh", "Sở NN&PTNT tỉnh", "UBND các xã, thị trấn"]


@needs_weasyprint
def test_pdf_without_text_layer_is_refused():
    """A PDF with no text (a scan) → ReaderError asking for a .docx or an OCR'd PDF."""
    svg = (
        "data:image/svg+xml;utf8," + "<svg xmlns='http://www.w3.org/2000/svg' width='400' height='300'>"
        "<rect width='400' height='300' fill='gray'/></svg>"
    )
    pdf = weasyprint.HTML(string=f'<img src="{svg}" style="width:150mm">').write_pdf()
    with pytest.raises(ReaderError) as info:
        read_pdf(io.BytesIO(pdf))
    assert info.value.code == "no_text_layer"
    assert "không có lớp văn bản" in str(info.value)


# --- refusals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\x00\x01\x02", "KẾ HOẠCH"])
def test_empty_or_tiny_text_is_refused(text):
    """Empty or near-empty text → ReaderError with a Vietnamese message."""
    with pytest.raises(ReaderError) as info:
        read_text(text)
    assert "Văn bản trống" in str(info.value)


def test_binary_junk_named_docx_is_refused():
    """Random bytes with a .docx name → ReaderError, never a traceback."""
    with pytest.raises(ReaderError) as info:
        read_file(io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20), "ke-hoach.docx")
    assert "Tệp .docx bị hỏng" in str(info.value)


def test_zip_that_is_not_a_docx_is_refused():
    """A valid zip without Word content → ReaderError."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(ReaderError):
        read_file(io.BytesIO(buffer.getvalue()), "a.DOCX")


def test_corrupt_pdf_is_refused():
    """A truncated or fake PDF → ReaderError."""
    for data in (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n", b"not a pdf at all"):
        with pytest.raises(ReaderError) as info:
            read_file(io.BytesIO(data), "x.pdf")
        assert "PDF" in str(info.value)


def test_unsupported_extension_is_refused():
    """Anything but .docx/.doc/.pdf/.txt → 'Định dạng tệp không được hỗ trợ'."""
    for name in ("bang.xlsx", "anh.png", "khong-duoi"):
        with pytest.raises(ReaderError) as info:
            read_file(io.BytesIO(b"abc"), name)
        assert str(info.value).startswith("Định dạng tệp không được hỗ trợ")
        assert info.value.code == "unsupported"


def test_txt_file_in_utf8_and_utf16(tmp_path):
    """A .txt seed reads the same from UTF-8 (with BOM) and UTF-16."""
    text = seed_text("002")
    for encoding in ("utf-8-sig", "utf-16"):
        path = tmp_path / f"kh-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        ex = read_file(path)
        assert _targets(ex) == _expected_targets("002")


def test_reader_error_messages_are_vietnamese():
    """Every refusal message has Vietnamese diacritics (shown to users as is)."""
    messages = []
    for call in (
        lambda: read_text(""),
        lambda: read_file(io.BytesIO(b"x"), "a.xls"),
        lambda: read_file(io.BytesIO(b"junk"), "a.docx"),
        lambda: read_file(io.BytesIO(b"junk"), "a.pdf"),
    ):
        with pytest.raises(ReaderError) as info:
            call()
        messages.append(str(info.value))
    assert all(re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", m) for m in messages), messages
