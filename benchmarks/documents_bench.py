"""Benchmark of the documents app: render, the LibreOffice comparison, sign and verify.

    python benchmarks/documents_bench.py [--repeat 5] [--no-libreoffice]

Measures, in one process (warm, as a Celery worker is), median of ``--repeat`` runs:

* WeasyPrint render of a 2-page BÁO CÁO (body + 8-row annex) and of a ~20-page one
  (long body + 400-row landscape annex), from a snapshot (template + layout + PDF write);
* the same two documents made the way offices do today: a .docx written with python-docx
  and converted by LibreOffice headless (a cold ``soffice`` process per document, as a
  user's "export to PDF" is) — skipped with a note when ``soffice`` is not installed;
* PAdES signing with the visible Decree 30 stamp (key loaded once and reused), and the
  validation of that signature by pyHanko against the CA.

No database is needed: snapshots are synthetic but shaped exactly like
``documents.render.obligation_snapshot``. Results go to stdout as a Markdown table;
docs/documents.md quotes a run next to /work/shared/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")
os.environ.setdefault("DATABASE_URL", "sqlite:///:memory:")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from documents import render, services, signing  # noqa: E402


def report_snapshot(paragraphs: int, rows: int) -> dict:
    body = [{"style": "item-title", "text": "1. Kết quả thực hiện các chỉ tiêu"}]
    sentence = (
        "Trong kỳ báo cáo, các hợp tác xã trên địa bàn tiếp tục củng cố tổ chức, nâng cao chất lượng hoạt động, "
        "mở rộng liên kết sản xuất và tiêu thụ sản phẩm theo chuỗi giá trị; một số hợp tác xã đã ứng dụng công nghệ cao."
    )
    body += [{"style": "para", "text": f"{sentence} ({i + 1})"} for i in range(paragraphs)]
    annex_rows = [
        {
            "no": i + 1,
            "description": f"Số HTX nông nghiệp hoạt động hiệu quả, nhóm {i + 1}",
            "unit": "HTX",
            "year": "2025",
            "plan": f"≥ {1000 + i}",
            "value": str(1000 + i),
            "achieved": f"{900 + i}",
            "achieved_raw": str(900 + i),
            "percent": "90,0",
            "percent_raw": "90.0",
            "status": "on_track",
            "status_label": "Đúng tiến độ",
            "note": "",
            "id": i,
        }
        for i in range(rows)
    ]
    sections = [
        {"heading": "I. KẾT QUẢ THỰC HIỆN", "blocks": body, "kind": "results", "tables": []},
        {
            "heading": "II. TỒN TẠI, HẠN CHẾ",
            "blocks": [{"style": "para", "text": "Nguồn vốn còn hạn chế."}],
            "kind": "x",
            "tables": [],
        },
        {
            "heading": "III. KIẾN NGHỊ, ĐỀ XUẤT",
            "blocks": [{"style": "para", "text": "Đề nghị hỗ trợ tín dụng."}],
            "kind": "y",
            "tables": [],
        },
    ]
    render.mark_end(sections)
    return {
        "kind": "report",
        "doc_type": "BÁO CÁO",
        "type_code": "BC",
        "object_id": 1,
        "draft": False,
        "consolidated": False,
        "issuer": {
            "id": 1,
            "name": "Ủy ban nhân dân xã Sơn Hạ",
            "short_name": "UBND",
            "header_lines": ["ỦY BAN NHÂN DÂN", "XÃ SƠN HẠ"],
            "parent_line": "",
        },
        "place": "Sơn Hạ",
        "number": 12,
        "symbol": "BC-UBND",
        "number_line": "Số: 12/BC-UBND",
        "date": "2025-09-20",
        "date_line": "Sơn Hạ, ngày 20 tháng 9 năm 2025",
        "year": 2025,
        "title": "Kết quả thực hiện Kế hoạch phát triển kinh tế tập thể, hợp tác xã, quý III/2025",
        "addressees": ["Ủy ban nhân dân huyện Sơn Hà."],
        "legal_bases": [],
        "preamble": "Thực hiện Kế hoạch số 567/KH-LMHTX, Ủy ban nhân dân xã Sơn Hạ báo cáo như sau:",
        "sections": sections,
        "targets": [],
        "tasks": [],
        "budget": [],
        "signer": {
            "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
            "title": "PHÓ CHỦ TỊCH",
            "name": "Trần Thị Bình",
        },
        "recipients": ["- Như trên;", "- Lưu: VT."],
        "annex": {
            "label": "Phụ lục",
            "title": "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
            "reference": "(Kèm theo Báo cáo số 12/BC-UBND ngày 20 tháng 9 năm 2025 của Ủy ban nhân dân xã Sơn Hạ)",
            "unit_note": "",
            "rows": annex_rows,
            "as_of": "14/09/2025",
        },
    }


def docx_of(snapshot: dict, path: Path) -> None:
    """The same content as an office would type it in Word: header table, body, annex section."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "\n".join(snapshot["issuer"]["header_lines"])
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = snapshot["number_line"]
    header.cell(1, 1).text = snapshot["date_line"]
    doc.add_paragraph(snapshot["doc_type"]).runs[0].bold = True
    doc.add_paragraph(snapshot["title"]).runs[0].bold = True
    doc.add_paragraph("Kính gửi: " + snapshot["addressees"][0])
    for section in snapshot["sections"]:
        doc.add_paragraph(section["heading"]).runs[0].bold = True
        for block in section["blocks"]:
            p = doc.add_paragraph(block["text"])
            p.paragraph_format.first_line_indent = Mm(10)
            p.paragraph_format.space_after = Pt(6)
    sign = doc.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n" + "\n".join(snapshot["recipients"])
    sign.cell(0, 1).text = "\n".join(
        snapshot["signer"]["authority"] + [snapshot["signer"]["title"], "", "", snapshot["signer"]["name"]]
    )
    annex = doc.add_section()
    annex.orientation = WD_ORIENT.LANDSCAPE
    annex.page_width, annex.page_height = Mm(297), Mm(210)
    doc.add_paragraph("Phụ lục").runs[0].bold = True
    doc.add_paragraph(snapshot["annex"]["title"]).runs[0].bold = True
    doc.add_paragraph(snapshot["annex"]["reference"]).runs[0].italic = True
    rows = snapshot["annex"]["rows"]
    table = doc.add_table(rows=len(rows) + 1, cols=7)
    table.style = "Table Grid"
    for i, head in enumerate(
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "% so với kế hoạch", "Đánh giá"]
    ):
        table.cell(0, i).text = head
    for r, row in enumerate(rows, start=1):
        cells = table.rows[r].cells
        for i, value in enumerate(
            [
                row["no"],
                row["description"],
                row["unit"],
                row["plan"],
                row["achieved"],
                row["percent"] + "%",
                row["status_label"],
            ]
        ):
            cells[i].text = str(value)
    doc.save(str(path))


CPU: dict[str, float] = {}


def timed(fn, repeat: int, label: str = "") -> tuple[float, object]:
    """Median wall time; the median CPU time of this process goes to ``CPU[label]``.

    On a shared machine the wall time includes waiting for a core; CPU time does not, so
    both are reported (LibreOffice runs in a child process: wall time only).
    """
    times, cpu, result = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    if label:
        CPU[label] = statistics.median(cpu)
    return statistics.median(times), result


def demo_certificate():
    """An in-memory CA and agency certificate shaped like an AgencyCertificate row."""
    from documents.keys import encrypt_secret
    from documents.pki import build_ca_certificate, build_signing_certificate, new_key, pkcs12_bundle

    ca_key = new_key()
    ca = build_ca_certificate(ca_key, "Bench DEMO CA", days=30)
    key = new_key()
    cert = build_signing_certificate(key, "Bench agency (DEMO)", ca_key=ca_key, ca_cert=ca, days=30)
    data = pkcs12_bundle(key, cert, ca, "bench-pw", name="bench")
    row = SimpleNamespace(
        pk=-1,
        modified=timezone.now(),
        fingerprint="bench",
        pkcs12=data,
        agency_id=-1,
        passphrase_encrypted=encrypt_secret("bench-pw"),
        is_demo=True,
    )
    return row, ca


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    results = []

    docs = {
        "2-page report": report_snapshot(paragraphs=3, rows=8),
        "~20-page report": report_snapshot(paragraphs=40, rows=300),
    }
    services.render_pdf_bytes(docs["2-page report"])  # warm-up: imports, fonts, templates
    rendered = {}
    for label, snap in docs.items():
        name = f"{label}: WeasyPrint, warm"
        median, result = timed(lambda snap=snap: services.render_pdf_bytes(snap), args.repeat, name)
        rendered[label] = result
        results.append((f"{name} ({result.page_count} pages)", median, f"CPU {CPU[name]:.3f} s"))

    soffice = shutil.which("soffice")
    lo = {}
    if soffice and not args.no_libreoffice:
        with tempfile.TemporaryDirectory() as tmp:
            for label, snap in docs.items():
                path = Path(tmp) / f"{label.replace(' ', '_').replace('~', '')}.docx"
                t0 = time.perf_counter()
                docx_of(snap, path)
                build = time.perf_counter() - t0

                def convert(path=path):
                    subprocess.run(
                        [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(path)],
                        check=True,
                        capture_output=True,
                        env={**os.environ, "HOME": tmp},
                    )
                    return path.with_suffix(".pdf")

                import resource

                runs = max(1, min(args.repeat, 3))
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                median, pdf_path = timed(convert, runs)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                # soffice's own CPU (user + system), averaged over the runs
                child_cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) / runs
                from pypdf import PdfReader

                pages = len(PdfReader(str(pdf_path)).pages)
                lo[label] = (median + build, child_cpu + build)
                results.append(
                    (
                        f"{label}: python-docx + LibreOffice headless, cold ({pages} pages)",
                        median + build,
                        f"CPU {child_cpu + build:.3f} s (soffice {child_cpu:.3f} s + docx build {build:.2f} s)",
                    )
                )
    else:
        results.append(("LibreOffice comparison", float("nan"), "soffice not installed: skipped"))

    certificate, ca = demo_certificate()
    signing.signer_for(certificate)  # load the key once, as a worker does
    pdf = rendered["2-page report"].pdf
    box = rendered["2-page report"].signature_box
    sig_png, seal_png = signing.demo_image("demo-signature.png"), signing.demo_image("demo-seal.png")

    def sign():
        return signing.sign_pdf(
            pdf,
            certificate=certificate,
            box=box,
            agency_name="Ủy ban nhân dân xã Sơn Hạ",
            signer_name="Trần Thị Bình",
            reason="BÁO CÁO 12/BC-UBND",
            location="Sơn Hạ",
            signature_png=sig_png,
            seal_png=seal_png,
        )[0]

    median, signed = timed(sign, args.repeat, "sign")
    results.append(("PAdES sign, visible Decree 30 stamp (key reused)", median, f"CPU {CPU['sign']:.3f} s"))

    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(ca.public_bytes(serialization.Encoding.DER))

    def verify():
        reader = PdfFileReader(io.BytesIO(signed))
        context = ValidationContext(trust_roots=[root], allow_fetching=False)
        status = validate_pdf_signature(reader.embedded_signatures[0], context)
        assert status.bottom_line, status.summary()
        return status

    median, _ = timed(verify, args.repeat, "verify")
    results.append(("validate the signature (pyHanko, incl. diff analysis)", median, f"CPU {CPU['verify']:.3f} s"))

    median, _ = timed(lambda: signing.sign_detached(b"x" * 20000, certificate=certificate), args.repeat, "cades")
    results.append(("CAdES detached signature of a workbook", median, f"CPU {CPU['cades']:.3f} s"))

    print("| measurement | median wall (s) | note |\n|---|---|---|")
    for label, seconds, note in results:
        print(f"| {label} | {seconds:.3f} | {note} |")
    for label in docs:
        if label in lo:
            weasy = next(s for lab, s, _n in results if lab.startswith(f"{label}: WeasyPrint"))
            wall, cpu = lo[label]
            weasy_cpu = CPU[f"{label}: WeasyPrint, warm"]
            print(f"\n{label}: WeasyPrint / LibreOffice = {weasy / wall:.2f} (wall), {weasy_cpu / cpu:.2f} (CPU)")


if __name__ == "__main__":
    main()
