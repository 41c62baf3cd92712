"""Hostile files for the upload tests (issue 12): built in memory, in about a second each.

* ``zip_bomb(kind)``       — a valid-looking .xlsx/.docx whose main part inflates to 200 MB.
* ``million_row_xlsx()``   — a real workbook with 1,000,000 rows (about 2 MB on disk, 40 MB unpacked).
* ``huge_docx()``          — a .docx whose document.xml is 60 MB of ordinary (varied) text.
* ``pdf_bomb()``           — a 1-page PDF whose content stream inflates to 150 MB.
* ``macro_xlsx()``         — a macro-enabled workbook (.xlsm) renamed .xlsx.
* ``real_xlsx()``/``real_docx()``/``real_pdf()`` — small genuine files.
"""

from __future__ import annotations

import functools
import io
import zipfile
import zlib

XLSX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="{main}"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="{target}"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Chi tieu" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"
DOC_HEAD = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
DOC_TAIL = "</w:body></w:document>"


def _write_chunks(archive: zipfile.ZipFile, name: str, head: str, chunks, tail: str, level: int = 6):
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.compresslevel = level
    with archive.open(info, "w", force_zip64=True) as handle:
        handle.write(head.encode())
        for chunk in chunks:
            handle.write(chunk)
        handle.write(tail.encode())


def _xlsx(sheet_chunks, *, main=XLSX_MAIN, extra=(), level=1) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", XLSX_TYPES.format(main=main))
        archive.writestr("_rels/.rels", RELS.format(target="xl/workbook.xml"))
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        for name, data in extra:
            archive.writestr(name, data)
        _write_chunks(archive, "xl/worksheets/sheet1.xml", SHEET_HEAD, sheet_chunks, SHEET_TAIL, level=level)
    return buffer.getvalue()


def _docx(body_chunks) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", DOCX_TYPES)
        archive.writestr("_rels/.rels", RELS.format(target="word/document.xml"))
        _write_chunks(archive, "word/document.xml", DOC_HEAD, body_chunks, DOC_TAIL)
    return buffer.getvalue()


@functools.lru_cache
def zip_bomb(kind: str = "xlsx", megabytes: int = 200) -> bytes:
    """The main part is ``megabytes`` MB of the same row/paragraph: ratio in the hundreds."""
    if kind == "xlsx":
        unit = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20000
        return _xlsx(unit for _ in range(megabytes * 1048576 // len(unit)))
    unit = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30000
    return _docx(unit for _ in range(megabytes * 1048576 // len(unit)))


@functools.lru_cache
def million_row_xlsx(rows: int = 1_000_000) -> bytes:
    def chunks():
        for start in range(1, rows + 1, 10000):
            yield "".join(
                f'<row r="{r}"><c r="F{r}"><v>1</v></c></row>' for r in range(start, min(start + 10000, rows + 1))
            ).encode()

    return _xlsx(chunks(), level=6)


@functools.lru_cache
def huge_docx(megabytes: int = 60) -> bytes:
    """Ordinary-looking text (compresses only ~10×, so no ratio alarm): only the size limits it."""
    def chunks():
        n = 0
        written = 0
        while written < megabytes * 1048576:
            block = "".join(
                f"<w:p><w:r><w:t>Chỉ tiêu {i} năm {2000 + i % 30}: {i * 7919 % 100003} hợp tác xã</w:t></w:r></w:p>"
                for i in range(n, n + 5000)
            ).encode()
            n += 5000
            written += len(block)
            yield block

    return _docx(chunks())


def macro_xlsx() -> bytes:
    row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    return _xlsx(iter([row]), main=XLSM_MAIN, extra=[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\x00" * 100)])


@functools.lru_cache
def pdf_bomb(megabytes: int = 150) -> bytes:
    compressor = zlib.compressobj(9)
    block = b"0 0 m 1 1 l S\n" * 4096
    parts = [compressor.compress(block) for _ in range(megabytes * 1048576 // len(block))]
    stream = b"".join(parts) + compressor.flush()
    return _pdf(stream, b"/Filter /FlateDecode")


def _pdf(content: bytes, filters: bytes = b"") -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length " + str(len(content)).encode() + b" " + filters + b" >>\nstream\n" + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def real_pdf() -> bytes:
    stream = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Ke hoach) Tj ET")
    return _pdf(stream, b"/Filter /FlateDecode")


def real_xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Số liệu", 1])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def real_docx(text: str = "KẾ HOẠCH phát triển kinh tế tập thể") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SHARED_STRINGS_TYPES = XLSX_TYPES.replace(
    "</Types>",
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
)
SHARED_STRINGS_RELS = WORKBOOK_RELS.replace(
    "</Relationships>",
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>',
)


@functools.lru_cache
def shared_strings_xlsx(megabytes: int = 1, rows: int = 1000, columns: int = 10) -> bytes:
    """A workbook whose ``rows`` × ``columns`` cells all show one shared string of ``megabytes`` MB
    (two letters at random: ~7× compression). 0.2 MB packed and ~1.3 MB unpacked — within every
    zip check and the row limit — but every cell is the whole string once a reader copies the
    values out (10,000 cells × 1 MB = 10 GB): far more than 512 MiB."""
    import random

    table = bytes((ord("a") if b & 1 else ord("b")) for b in range(256))
    text = random.Random(12).randbytes(megabytes * 1048576).translate(table)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", SHARED_STRINGS_TYPES.format(main=XLSX_MAIN))
        archive.writestr("_rels/.rels", RELS.format(target="xl/workbook.xml"))
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", SHARED_STRINGS_RELS)
        archive.writestr(
            "xl/sharedStrings.xml",
            b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'count="1" uniqueCount="1"><si><t>' + text + b"</t></si></sst>",
        )
        cells = (
            f'<row r="{r}">' + "".join(f'<c r="{letters[c]}{r}" t="s"><v>0</v></c>' for c in range(columns)) + "</row>"
            for r in range(1, rows + 1)
        )
        archive.writestr("xl/worksheets/sheet1.xml", SHEET_HEAD + "".join(cells) + SHEET_TAIL)
    return buffer.getvalue()
