"""What a request or a check may do, counted instead of timed.

Tests used to bound wall time ("answered in < 5 s", "the crawl's slowest page < 5 s") to guard
design properties: an upload is refused before any parser opens it, a page does not wait on a
dead Redis, a parse is stopped by its limit. Wall time fails on a machine under load and passes
a regression on a fast one; these helpers count the work itself (speed is measured in
benchmarks/ against a floor, never in a unit test):

- ``no_parsing()``: while it is open, opening a workbook (openpyxl), a Word document
  (python-docx), a PDF (pypdf) or starting a child process (the sandbox, LibreOffice, OCR) fails
  the test, and every byte zlib inflates (zipfile, ``core.uploads.check_pdf``) is counted;
- ``redis_connects()``: every socket connection redis-py attempts (cache, Celery broker), with
  the connect timeout it was given: what a request can wait on a Redis that does not answer.
"""

from __future__ import annotations

import contextlib
import subprocess
import zlib
from dataclasses import dataclass, field
from typing import NamedTuple
from unittest import mock


class Attempt(NamedTuple):
    host: str | None
    port: int | None
    connect_timeout: float | None  # None: the operating system's (minutes) — never wanted


@dataclass
class Work:
    inflated: int = 0  # bytes zlib produced
    parsers: list = field(default_factory=list)  # what tried to parse (each one also failed the call)


class _CountingInflater:
    """A zlib decompressor object that adds what it produces to ``work.inflated``."""

    def __init__(self, inner, work: Work):
        self._inner, self._work = inner, work

    def decompress(self, *args, **kwargs):
        out = self._inner.decompress(*args, **kwargs)
        self._work.inflated += len(out)
        return out

    def flush(self, *args, **kwargs):
        out = self._inner.flush(*args, **kwargs)
        self._work.inflated += len(out)
        return out

    def __getattr__(self, name):  # unconsumed_tail, unused_data, eof, copy
        return getattr(self._inner, name)


@contextlib.contextmanager
def no_parsing():
    """Fail on any parser or child process; count the bytes inflated. Yields ``Work``."""
    import docx.opc.package
    import openpyxl.reader.excel
    import pypdf

    work = Work()
    real_decompressobj = zlib.decompressobj

    def refuse(what):
        def parser(*args, **kwargs):
            work.parsers.append(what)
            raise AssertionError(f"{what} was called while the upload was being checked")

        return parser

    def counting_decompressobj(*args, **kwargs):
        return _CountingInflater(real_decompressobj(*args, **kwargs), work)

    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(zlib, "decompressobj", counting_decompressobj))
        stack.enter_context(mock.patch.object(openpyxl.reader.excel.ExcelReader, "read", refuse("openpyxl")))
        stack.enter_context(mock.patch.object(docx.opc.package.OpcPackage, "open", refuse("python-docx")))
        stack.enter_context(mock.patch.object(pypdf.PdfReader, "__init__", refuse("pypdf")))
        stack.enter_context(mock.patch.object(subprocess.Popen, "__init__", refuse("a child process")))
        yield work
    assert work.parsers == [], work.parsers


def assert_checks_only(work: Work, *, pdf_max_inflated: int | None = None) -> None:
    """The upload checks (core.uploads) inflated no more than they are built to: a PDF's streams
    up to its budget (+1 byte to see it overflow), a ZIP's [Content_Types].xml (512 KB) and
    ODF mimetype — never a whole part, let alone a bomb. Parsers are refused by ``no_parsing``."""
    from core.uploads import PDF_MAX_INFLATED

    budget = (PDF_MAX_INFLATED if pdf_max_inflated is None else pdf_max_inflated) + 1
    assert work.inflated <= budget + 1024 * 1024, f"{work.inflated} bytes inflated"


@contextlib.contextmanager
def redis_connects():
    """Yield a list that gets an ``Attempt`` per socket connection redis-py attempts."""
    import redis.connection

    attempts = []
    real_connect = redis.connection.Connection._connect  # TCP, and TLS through it

    def counting_connect(self, *args, **kwargs):
        attempts.append(Attempt(self.host, self.port, self.socket_connect_timeout))
        return real_connect(self, *args, **kwargs)

    with mock.patch.object(redis.connection.Connection, "_connect", counting_connect):
        yield attempts
