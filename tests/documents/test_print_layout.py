"""Measured layout of the printed documents (issue 13): the number and date the clerk's step
fills in print at their size, the annex heading is centred on its page, no heading is the last
line of a page, and the signature block never stands alone at the top of the last page."""

import subprocess

import pytest

from documents.services import render_pdf_bytes, snapshot_for
from plans.models import PlanSection
from tests.documents.conftest import make_plan, make_report, sign_both_steps

pytestmark = pytest.mark.django_db
MM = 72 / 25.4  # points per millimetre
TOP_MARGIN = 20 * MM  # the page number lives above it


def _lines(data: bytes):
    """[(page width, [line dict with text, x0, x1, top, chars]…)] for every page."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(page.width, page.extract_text_lines(return_chars=True)) for page in pdf.pages]


def _body_lines(lines):
    """The lines below the top margin (the page number is above it)."""
    return [line for line in lines if line["top"] > TOP_MARGIN]


def _find(lines, text):
    return next(line for line in lines if line["text"].startswith(text))


def _read(field) -> bytes:
    with field.open("rb") as fh:
        return fh.read()


def _words(data: bytes, tmp_path) -> list[list[tuple[str, float, float, float, float]]]:
    """Per page, (word, xMin, yMin, xMax, yMax) as poppler reads them — form field appearances
    included (pdfplumber reads only the page content, not the fields the clerk's step fills)."""
    import re

    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [
        [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(pattern, page)]
        for page in html.split("<page ")[1:]
    ]


def test_the_number_and_date_filled_at_signing_print_at_13pt(plan, reporting_agency, receiver, demo_keys, tmp_path):
    """The clerk's step writes "Số: 01/BC-UBND" and the date into form fields; they print at the
    13 pt of the header (they once shrank to 5.6 pt inside pyHanko's default 10 pt text margins),
    on one line (number left, date right), and the annex reference at 14 pt, centred."""
    report = make_report(plan, reporting_agency, receiver)
    type(report).objects.filter(pk=report.pk).update(number=None)
    report.refresh_from_db()
    signed = sign_both_steps(report)
    pages = _words(_read(signed.file), tmp_path)
    first = pages[0]

    def word(start, page=first):
        # poppler gives a filled field's text as one "word"
        return next(w for w in page if w[0].startswith(start))

    def height(w):
        return w[4] - w[2]

    motto = word("Độc")  # 13 pt bold, page content
    number = word("Số: 01/BC-UBND")
    date = next(w for w in first if "ngày" in w[0] and "năm" in w[0])
    assert 0.9 <= height(number) / height(motto) <= 1.1, (number, motto)
    assert 0.9 <= height(date) / height(motto) <= 1.1, (date, motto)
    assert abs(number[2] - date[2]) < 2  # one line
    annex = pages[-1]
    label = word("lục", annex)  # "Phụ lục", 14 pt page content
    reference = word("(Kèm theo Báo cáo số 01/BC-UBND", annex)
    assert 0.9 <= height(reference) / height(label) <= 1.1, (reference, label)
    assert abs((reference[1] + reference[3]) / 2 - 297 * MM / 2) <= 1 * MM
    # Each field is tall enough for the line with its descenders ("ngày", the dot of "ạ"), which
    # were once clipped at the field's edge: the glyphs' extent fits in the appearance box.
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(_read(signed.file)))
    for ref in reader.root["/AcroForm"]["/Fields"]:
        field = ref.get_object()
        if str(field.get("/T", "")).startswith("CoopPlanSlot_"):
            x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
            assert y2 - y1 >= 1.2 * 13, (str(field["/T"]), y2 - y1)


def test_the_annex_heading_is_centred_on_its_page(plan, report):
    """"Phụ lục" and the annex title sit on the landscape page's centre line (within 1 mm):
    they inherited the body's 1 cm first-line indent, which moved them 5 mm right."""
    pages = _lines(render_pdf_bytes(snapshot_for(report)).pdf)
    width, annex = pages[-1]
    assert width > 800  # landscape
    for text in ("Phụ lục", "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU"):
        line = _find(annex, text)
        off = (line["x0"] + line["x1"]) / 2 - width / 2
        assert abs(off) <= 1 * MM, f"{text}: {off / MM:.1f} mm off centre"


FILLER = (
    "Tiếp tục tuyên truyền, phổ biến chủ trương của Đảng, chính sách, pháp luật của Nhà nước về kinh tế tập thể, "
    "hợp tác xã đến cán bộ, đảng viên và Nhân dân; nâng cao nhận thức về vai trò, vị trí của hợp tác xã."
)


def _long_plan(issuer, shift: int):
    """A multi-page plan whose many headings fall at every height of the page as ``shift`` grows."""
    plan = make_plan(issuer, targets=2, tasks=1)
    plan.preamble = " ".join([FILLER] * (1 + shift))
    plan.save(update_fields=["preamble"])
    PlanSection.objects.filter(plan=plan).delete()
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    for i, roman in enumerate(romans):
        items = "\n".join(f"{k}. Nội dung trọng tâm số {k}\n" + "\n".join([FILLER] * (1 + (i + k) % 3)) for k in (1, 2))
        PlanSection.objects.create(plan=plan, order=i, number=roman, title=f"Nhóm nhiệm vụ thứ {i + 1}", kind="other",
                                   body=items)
    return plan


def _headings(snapshot) -> list[str]:
    found = []
    for section in snapshot["sections"]:
        if section.get("heading"):
            found.append(section["heading"])
        found.extend(block["text"] for block in section["blocks"] if block["style"] in ("heading", "item-title"))
    return found


def test_no_heading_is_the_last_line_of_a_page(issuer):
    """Ten sections with numbered items, the text shifted by a paragraph at a time: on no page
    is the last line a heading (it goes to the next page with its text)."""
    stranded, checked = [], 0
    for shift in range(6):
        plan = _long_plan(issuer, shift)
        snapshot = snapshot_for(plan)
        headings = _headings(snapshot)
        assert len(headings) >= 30
        pages = [_body_lines(lines) for _, lines in _lines(render_pdf_bytes(snapshot).pdf)]
        assert len(pages) >= 4
        for number, lines in enumerate(pages[:-1], start=1):
            last = lines[-1]["text"]
            checked += 1
            if any(heading.startswith(last) or last.startswith(heading) for heading in headings):
                stranded.append(f"shift {shift}, page {number}: {last}")
    assert checked >= 20
    assert not stranded, stranded


def test_the_signature_block_never_stands_alone_on_the_last_page(issuer):
    """The body's end moved down two paragraphs at a time over more than a page: the page with
    "Nơi nhận" and the signature always carries the end of the body too (the block is never
    pushed alone onto a new page), and the block is never split."""
    lonely, variants = [], 0
    plan = make_plan(issuer, targets=2, tasks=1)
    section = plan.sections.order_by("order").last()
    for extra in range(0, 20, 2):
        section.body = "\n".join([FILLER] * (1 + extra))
        section.save(update_fields=["body"])
        pages = [_body_lines(lines) for _, lines in _lines(render_pdf_bytes(snapshot_for(plan)).pdf)]
        for number, lines in enumerate(pages, start=1):
            texts = [line["text"] for line in lines]
            at = next((i for i, t in enumerate(texts) if t.startswith("Nơi nhận")), None)
            if at is None:
                continue
            variants += 1
            assert any("Hồ Quý Nhân" in t for t in texts[at:])  # name on the same page: not split
            if at == 0:
                lonely.append(f"{extra} paragraphs: page {number} starts with the signature block")
    assert variants == 10
    assert not lonely, lonely


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="poppler-utils missing")
def test_pdftotext_bbox_agrees_on_the_annex_centre(plan, report, tmp_path):
    """The same centring measured by poppler (pdftotext -bbox), independent of pdfplumber."""
    import re

    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf_bytes(snapshot_for(report)).pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = html.split("<page ")[1:]
    annex = pages[-1]
    width = float(re.search(r'width="([\d.]+)"', annex).group(1))
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', annex)
    first, second = words[0], words[1]
    assert (first[2], second[2]) == ("Phụ", "lục")
    centre = (float(first[0]) + float(second[1])) / 2
    assert abs(centre - width / 2) <= 1 * MM


def test_the_leader_and_seal_texts_do_not_overlap(plan, reporting_agency, receiver, demo_keys, tmp_path):
    """The leader's "<name> / Thời gian ký: …" and the seal's "<agency> / <time>" under the seal
    were drawn over each other (17 pt overlap); the leader's text now goes right, the seal's
    stays under the seal on the left."""
    report = make_report(plan, reporting_agency, receiver)
    type(report).objects.filter(pk=report.pk).update(number=None)
    report.refresh_from_db()
    signed = sign_both_steps(report)
    words = _words(_read(signed.file), tmp_path)[0]
    leader = [w for w in words if w[0].startswith("Thời gian ký:")]
    seal = [w for w in words if w[0] == reporting_agency.name]
    assert len(leader) == 1 and len(seal) == 1, (leader, seal)
    (_, lx1, ly1, lx2, ly2), (_, sx1, sy1, sx2, sy2) = leader[0], seal[0]
    apart = sx2 < lx1 or lx2 < sx1 or sy2 < ly1 or ly2 < sy1
    assert apart, (leader, seal)
    assert sx2 + 5 < lx1  # the seal's text left of the leader's, with a gap
