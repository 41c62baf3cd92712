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
        return {"error": {"code": error.code, "message": str(error)}}
    except Exception as error:  # noqa: BLE001 - python-docx/pdfplumber on a document nobody has seen yet
        return {"error": {"code": "crash", "message": "", "detail": f"{type(error).__name__}: {error}"[:1000]}}
    return {"data": extraction.to_dict()}
