"""Legacy Word .doc through LibreOffice (issue 16): a real .doc made from a corpus text
(c02, Lạng Sơn 180/KH-UBND) by ``soffice --convert-to doc``, read back like the text."""

import io
import shutil
import subprocess

import pytest

from planimport.reader import ReaderError, read_file, read_text

from .corpus_keys import corpus_text

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (scripts/install.sh) missing")


@needs_soffice
def test_a_real_doc_reads_like_its_text(tmp_path):
    source = tmp_path / "ke-hoach-180.txt"
    source.write_text(corpus_text("c02"), encoding="utf-8")
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    data = (tmp_path / "ke-hoach-180.doc").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # a real Word 97–2003 (OLE) file
    got = read_file(io.BytesIO(data), "ke-hoach-180.doc").to_dict()
    want = read_text(corpus_text("c02")).to_dict()
    for field in ("number", "symbol", "date", "place", "issuer"):
        assert got[field] == want[field], field
    assert got["issuer"] == "Ủy ban nhân dân tỉnh Lạng Sơn" and got["date"] == "2022-08-17"
    assert got["targets"] == []  # the 2022 results stay results


def test_a_broken_doc_gives_a_vietnamese_message():
    with pytest.raises(ReaderError) as info:
        read_file(io.BytesIO(b"not a word file"), "hong.doc")
    assert info.value.code == "corrupt" and ".doc" in str(info.value)


@needs_soffice
def test_an_ole_file_libreoffice_cannot_open_gives_a_vietnamese_message():
    with pytest.raises(ReaderError) as info:
        read_file(io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "hong.doc")
    assert "Tệp .doc" in str(info.value) or "docx" in str(info.value)
