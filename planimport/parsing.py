"""What the sandboxed child process runs to read a plan document (``core.sandbox``).

Plain Python, no Django: it imports only the reader. Expected failures (a scanned PDF, an
unreadable file) come back in the result as the reader's Vietnamese message; the caller
(``planimport.services.import_session_read``) turns them into the session's message.
"""

from __future__ import annotations


def read_document(path: str, filename: str, pasted: bool = False) -> dict:
    """``{"data": Extraction.to_dict()}`` or ``{"error": {"code", "message"}}``."""
    from .reader import ReaderError, read_file, read_text

    try:
        if pasted:
            with open(path, encoding="utf-8") as handle:
                extraction = read_text(handle.read())
        else:
            extraction = read_file(path, filename)
    except MemoryError:
        raise
    except ReaderError as error:
        found = {"code": error.code, "message": str(error)}
        if error.code == "no_text_layer":
            found["pages"] = pdf_page_count(path)
        return {"error": found}
    except Exception as error:  # noqa: BLE001 - python-docx/pdfplumber on a document nobody has seen yet
        return {"error": {"code": "crash", "message": "", "detail": f"{type(error).__name__}: {error}"[:1000]}}
    return {"data": extraction.to_dict()}


def pdf_page_count(path: str) -> int:
    """The number of pages of a PDF the reader could open (0 when it cannot)."""
    try:
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - the reader already said what is wrong with the file
        return 0


def ocr_document(src: str, dst: str, first: int, last: int, timeout: float | None = None) -> dict:
    """Give pages ``first``–``last`` of a scanned PDF a text layer (``reader.ocr``), written to
    ``dst``: ``{"ok": True}`` or ``{"error": {"code", "message"}}``."""
    from .reader import ReaderError
    from .reader.ocr import ocr_pages

    try:
        ocr_pages(src, dst, first, last, timeout=timeout)
    except MemoryError:
        raise
    except ReaderError as error:
        return {"error": {"code": error.code, "message": str(error)}}
    return {"ok": True}
