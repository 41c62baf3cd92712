"""The Decree 30 PDFs read back: page size, fonts, strings, page numbers, annex, draft, fetching."""

import io
import re
import subprocess

import pytest
from django.template.loader import render_to_string

from documents import pdf as pdf_module
from documents.services import render_pdf_bytes, snapshot_for
from tests.documents.conftest import make_plan, pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

A4 = (595.28, 841.89)


def _size(page):
    box = page.mediabox
    return float(box.width), float(box.height)


@pytest.fixture
def long_plan(issuer):
    """Enough targets and tasks for three or more pages."""
    return make_plan(issuer, targets=30, tasks=20)


class TestPlanPdf:
    def test_a4_portrait_with_embedded_tinos(self, long_plan, tmp_path):
        """Every body page is A4 portrait; every font is an embedded subset of Tinos."""
        result = render_pdf_bytes(snapshot_for(long_plan))
        pages = pdf_pages(result.pdf)
        assert len(pages) >= 2
        for page in pages:
            w, h = _size(page)
            assert abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1
        path = tmp_path / "plan.pdf"
        path.write_bytes(result.pdf)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = out.strip().splitlines()[2:]
        assert rows, out
        for row in rows:
            assert "CoopTinos" in row, row
            assert re.search(r"\byes\s+yes\s+yes\b", row), row  # embedded, subset, unicode map

    def test_required_strings_with_diacritics(self, plan):
        text = "\n".join(pdf_text(render_pdf_bytes(snapshot_for(plan)).pdf))
        for expected in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 567/KH-LMHTX",
            "Quảng Ngãi, ngày 10 tháng 10 năm 2024",
            "KẾ HOẠCH",
            "UBND TỈNH QUẢNG NGÃI",
            "LIÊN MINH HỢP TÁC XÃ",
            "Nơi nhận:",
            "- Lưu: VT, CSHT.",
            "./.",
            "TM. THƯỜNG TRỰC",
            "PHÓ CHỦ TỊCH",
            "Hồ Quý Nhân",
            "Căn cứ Quyết định số 1368/QĐ-UBND ngày 12 tháng 12 năm 2023",
        ):
            assert expected in text, expected
        assert text.count("PHÓ CHỦ TỊCH") == 1  # the signer's title, printed once (issue 18)

    def test_number_and_date_on_one_line(self, plan):
        first = pdf_text(render_pdf_bytes(snapshot_for(plan)).pdf)[0]
        assert any("Số: 567/KH-LMHTX" in line and "ngày 10 tháng 10 năm 2024" in line for line in first.splitlines())

    def test_date_zero_padding_rule(self, issuer):
        """Days 1–9 and months 1–2 are zero-padded, other months are not."""
        import datetime

        p = make_plan(issuer, number=5, issue_date=datetime.date(2026, 3, 5))
        text = pdf_text(render_pdf_bytes(snapshot_for(p)).pdf)[0]
        assert "ngày 05 tháng 3 năm 2026" in text
        assert "Số: 05/KH-LMHTX" in text

    def test_page_number_hidden_on_first_page_and_2_on_second(self, long_plan):
        import pdfplumber

        data = render_pdf_bytes(snapshot_for(long_plan)).pdf
        with pdfplumber.open(io.BytesIO(data)) as doc:

            def top_words(page):
                return [w["text"] for w in page.extract_words() if w["top"] < 20 * 72 / 25.4]

            assert top_words(doc.pages[0]) == []
            assert top_words(doc.pages[1]) == ["2"]
            assert top_words(doc.pages[2]) == ["3"]

    def test_draft_shows_blank_number_date_and_mark(self, issuer):
        p = make_plan(issuer)
        p.status = "draft"
        p.save()
        text = pdf_text(render_pdf_bytes(snapshot_for(p)).pdf)[0]
        assert "DỰ THẢO" in text
        assert re.search(r"Số:\s+/KH-LMHTX", text)
        assert "567" not in text.split("KẾ HOẠCH")[0]
        assert re.search(r"Quảng Ngãi, ngày\s+tháng\s+năm 2024", text)

    def test_signature_slot_is_located(self, plan):
        result = render_pdf_bytes(snapshot_for(plan))
        box = result.signature_box
        assert box is not None
        assert box["x2"] > box["x1"] > 595.28 / 2 - 40  # right column
        assert 0 < box["y1"] < box["y2"] < 841.89


class TestReportPdf:
    def test_report_has_kinh_gui_and_landscape_annex(self, report):
        result = render_pdf_bytes(snapshot_for(report))
        pages = pdf_pages(result.pdf)
        texts = pdf_text(result.pdf)
        assert "BÁO CÁO" in texts[0]
        assert "Kính gửi: Ủy ban nhân dân huyện Sơn Hà." in texts[0]
        assert "- Như trên;" in "\n".join(texts)
        annex_index = next(i for i, t in enumerate(texts) if "BIỂU TỔNG HỢP" in t)
        w, h = _size(pages[annex_index])
        assert w > h, "the annex is on a landscape page"
        annex = texts[annex_index]
        assert "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU" in annex
        assert (
            "(Kèm theo Báo cáo số 12/BC-UBND ngày 20 tháng 9 năm 2025 của Ủy ban nhân dân xã Sơn Hạ)"
            in annex.replace("\n", " ")
        )
        assert "% so với" in annex and "Đánh giá" in annex
        assert "1.080" in annex and "90%" in annex.replace(",0%", "%")
        # The annex is numbered on its own: no number on its first page.
        assert not annex.splitlines()[0].strip().isdigit()

    def test_unapproved_report_is_a_draft(self, plan, reporting_agency, receiver):
        from tests.documents.conftest import make_report

        submitted = make_report(plan, reporting_agency, receiver, status="submitted")
        text = pdf_text(render_pdf_bytes(snapshot_for(submitted)).pdf)[0]
        assert "DỰ THẢO" in text
        assert re.search(r"Số:\s+/BC-UBND", text)


class TestFetching:
    def test_hostile_title_prints_as_text_and_nothing_is_fetched(self, issuer, monkeypatch):
        """Markup and file paths in user text are escaped; the fetcher only sees the portal's static files."""
        title = 'Kế hoạch <img src="http://evil.example/x.png"> <link rel=stylesheet href="file:///etc/passwd"> file:///etc/passwd'
        p = make_plan(issuer, title=title)
        seen = []
        original = pdf_module.StaticOnlyURLFetcher.fetch

        def spy(self, url, headers=None):
            seen.append(url)
            return original(self, url, headers)

        monkeypatch.setattr(pdf_module.StaticOnlyURLFetcher, "fetch", spy)
        result = render_pdf_bytes(snapshot_for(p))
        text = " ".join(pdf_text(result.pdf)).replace("\n", " ")
        assert '<img src="http://evil.example/x.png">' in text
        assert "file:///etc/passwd" in text
        assert seen, "the stylesheet and fonts were fetched through the fetcher"
        assert all(url.startswith(pdf_module.STATIC_PREFIX) for url in seen), seen
        assert not any("evil" in url or "passwd" in url for url in seen)
        assert result.fetcher.refused == []

    def test_fetcher_refuses_everything_outside_static(self):
        fetcher = pdf_module.StaticOnlyURLFetcher()
        for url in (
            "http://evil.example/x.png",
            "https://evil.example/x.png",
            "file:///etc/passwd",
            "data:text/plain,hello",
            pdf_module.BASE_URL + "media/attachments/x.pdf",
            pdf_module.STATIC_PREFIX + "../../coopplan/settings/base.py",
            pdf_module.STATIC_PREFIX + "%2e%2e/secret",
        ):
            with pytest.raises(pdf_module.RefusedURL):
                fetcher.fetch(url)
        assert len(fetcher.refused) == 7
        response = fetcher.fetch(pdf_module.STATIC_PREFIX + "css/pdf.css")
        assert b"@page" in response.read()

    def test_an_injected_img_in_raw_html_is_refused(self):
        """Even markup that bypassed escaping could not reach the network or the disk."""
        html = render_to_string(
            "documents/pdf/document.html", {"doc": {"draft": False, "issuer": {}, "sections": [], "signer": {}}}
        )
        html = html.replace("<body>", '<body><img src="http://evil.example/x.png"><img src="file:///etc/hostname">')
        result = pdf_module.html_to_pdf(html)
        assert "http://evil.example/x.png" in result.fetcher.refused
        assert "file:///etc/hostname" in result.fetcher.refused
