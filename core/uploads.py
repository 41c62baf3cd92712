"""Uploads and stored files: the checks every uploaded file passes BEFORE any parser sees it,
private storage under random names, and the download response.

Why: a crafted 0.8 MB .xlsx expanded to gigabytes in openpyxl, a 0.7 MB .docx kept
python-docx busy for minutes, a 1 MB PDF whose stream inflates to 150 MB killed the process.
Everything here looks only at the container (ZIP directory, PDF stream headers), with bounded
work, and refuses with a Vietnamese message naming the limit (``ValidationError``, never a 500).

* ``check_upload(upload, allowed=…, max_bytes=…)`` — extension allowed, size within the limit,
  magic bytes matching the extension, then per type:
  - OOXML (.xlsx/.docx/.pptx) and OpenDocument: a real ZIP; at most ``MAX_ZIP_MEMBERS`` parts;
    total uncompressed size ≤ ``max_uncompressed``; no part expanding more than
    ``MAX_RATIO``× (zip bomb); no encrypted parts; the main part of the claimed type (a
    macro-enabled workbook renamed .xlsx is refused: its main content type says so); no VBA
    project.
  - PDF: ``%PDF-`` header; every Flate stream inflated with a hard output budget (a
    decompression bomb stops at the budget, in well under a second); at most
    ``PDF_MAX_PAGES`` pages.
  - Legacy Office (OLE): refused when it carries a VBA project (macros); .doc must contain a
    WordDocument stream and .xls a Workbook stream.
* ``private_storage`` — a FileSystemStorage outside MEDIA_ROOT (never served by the
  development server or whitenoise); ``RandomName`` — ``upload_to`` giving
  ``<prefix>/<yyyy>/<mm>/<uuid>.<ext>`` (never the uploaded name).
* ``download_response`` — ``Content-Disposition: attachment``, ``X-Content-Type-Options:
  nosniff`` and a sandboxing CSP, for views that have already applied the page's scoping.
"""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
import zipfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject
from django.utils.translation import gettext as _

from core.formatting import format_number

MAX_ZIP_MEMBERS = 2000
MAX_RATIO = 100  # real office files compress 3-40×; a bomb compresses hundreds to thousands of times
RATIO_MIN_BYTES = 1024 * 1024  # small parts may compress well (an empty sheet); ratio checked above this
PDF_MAX_PAGES = 500
PDF_MAX_INFLATED = 64 * 1024 * 1024

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC = b"%PDF-"

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain",
}
MAGIC = {
    "pdf": (PDF_MAGIC,),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (ZIP_MAGIC,),
    "xlsx": (ZIP_MAGIC,),
    "pptx": (ZIP_MAGIC,),
    "odt": (ZIP_MAGIC,),
    "ods": (ZIP_MAGIC,),
    "doc": (OLE_MAGIC,),
    "xls": (OLE_MAGIC,),
}
# OOXML: the part that must exist and the content type its main part must declare.
OOXML_MAIN = {
    "xlsx": ("xl/workbook.xml", b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "docx": ("word/document.xml", b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "pptx": (
        "ppt/presentation.xml",
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
}
ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text", "ods": b"application/vnd.oasis.opendocument.spreadsheet"}
MACRO_EXTENSIONS = ("xlsm", "xltm", "xlam", "docm", "dotm", "pptm", "potm", "ppsm", "xlsb")
OLE_STREAMS = {"doc": "WordDocument", "xls": "Workbook"}


def refuse(message: str, code: str, params: dict | None = None):
    raise ValidationError(message % params if params else message, code=code)


def mb(n: int) -> str:
    """Bytes as megabytes for messages ("5", "1,5")."""
    return format_number(n / 1048576, None)


def extension(name: str) -> str:
    base = os.path.basename(name or "")
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def safe_display_name(name: str, limit: int = 200) -> str:
    """The uploaded name for display and Content-Disposition: no path, no control characters."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C")
    base = base.strip().strip(".") or "file"
    if len(base) > limit:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: limit - len(ext) - 1] + "." + ext) if dot and len(ext) < 10 else base[:limit]
    return base


def _read_all(upload, limit: int) -> bytes:
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    return data


# --- containers ---------------------------------------------------------------------------------


def check_zip(upload, ext: str, *, max_uncompressed: int, max_main_part: int | None = None) -> None:
    """Refuse a ZIP-based office file that is not what it claims or would expand too far.

    ``max_main_part`` bounds the unpacked size of the main XML part (word/document.xml…)
    where a parser's time grows with it (python-docx: ~1 s per MB)."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ZIP_MEMBERS:
                refuse(
                    _("The file has too many internal parts (at most %(n)s); it is not accepted."),
                    "zip_members",
                    {"n": format_number(MAX_ZIP_MEMBERS, 0)},
                )
            total = 0
            for info in infos:
                if info.flag_bits & 0x1:
                    refuse(_("The file is password-protected (encrypted). Remove the password and upload it again."), "encrypted")
                total += info.file_size
                if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    refuse(
                        _("The file is not accepted: its content expands more than %(ratio)s times its size (zip bomb)."),
                        "zip_bomb",
                        {"ratio": MAX_RATIO},
                    )
            if total > max_uncompressed:
                refuse(
                    _("The file is not accepted: its content would take %(size)s MB once unpacked (at most %(limit)s MB)."),
                    "zip_bomb",
                    {"size": mb(total), "limit": mb(max_uncompressed)},
                )
            names = {i.filename for i in infos}
            lower = {n.lower() for n in names}
            if any(n.endswith("vbaproject.bin") or n.endswith("vbadata.xml") for n in lower):
                refuse(_("Files with macros are not accepted. Save the file without macros (.xlsx, .docx)."), "macros")
            if ext in OOXML_MAIN:
                part, main_type = OOXML_MAIN[ext]
                if "[Content_Types].xml" not in names or part not in names:
                    refuse(_("The file's content does not match its extension .%(ext)s."), "mismatch", {"ext": ext})
                with archive.open("[Content_Types].xml") as handle:
                    content_types = handle.read(512 * 1024)
                if b"macroenabled" in content_types.lower():
                    refuse(_("Files with macros are not accepted. Save the file without macros (.xlsx, .docx)."), "macros")
                if main_type not in content_types:
                    refuse(_("The file's content does not match its extension .%(ext)s."), "mismatch", {"ext": ext})
                main_size = archive.getinfo(part).file_size
                if max_main_part is not None and main_size > max_main_part:
                    refuse(
                        _("The document is too long: its text part takes %(size)s MB (at most %(limit)s MB). Split it or paste its text."),
                        "too_long",
                        {"size": mb(main_size), "limit": mb(max_main_part)},
                    )
            elif ext in ODF_MIMETYPES:
                if "mimetype" not in names or archive.read("mimetype")[:200].strip() != ODF_MIMETYPES[ext]:
                    refuse(_("The file's content does not match its extension .%(ext)s."), "mismatch", {"ext": ext})
    except zipfile.BadZipFile:
        refuse(_("The file is damaged or not a .%(ext)s file."), "bad_zip", {"ext": ext})
    except (OSError, NotImplementedError, RuntimeError, EOFError, zlib.error):
        refuse(_("The file is damaged or not a .%(ext)s file."), "bad_zip", {"ext": ext})
    finally:
        upload.seek(0)


_STREAM = re.compile(rb"stream\r?\n")
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def check_pdf(
    upload,
    *,
    max_bytes: int,
    max_pages: int = PDF_MAX_PAGES,
    max_inflated: int = PDF_MAX_INFLATED,
    allow_encrypted: bool = True,
) -> None:
    """Inflate every Flate stream with a hard output budget and count the pages.

    Encrypted PDFs (often only "owner-password" restricted) cannot be inflated here: they are
    accepted only where the file is stored, never parsed (``allow_encrypted``)."""
    data = _read_all(upload, max_bytes)
    if not data.startswith(PDF_MAGIC):
        refuse(_("The file's content does not match its extension .%(ext)s."), "mismatch", {"ext": "pdf"})
    if not allow_encrypted and b"/Encrypt" in data:
        refuse(_("The file is password-protected (encrypted). Remove the password and upload it again."), "encrypted")
    budget = max_inflated
    pages = len(_PAGE.findall(data))
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        head = data[max(0, match.start() - 2048) : match.start()]
        head = head[head.rfind(b"obj") :] if b"obj" in head else head
        if b"/Fl" not in head and data[start : start + 1] != b"x":  # /FlateDecode, /Fl, or a zlib header
            continue
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(data[start:end], budget + 1)
        except zlib.error:
            continue  # a damaged stream: the reader will say so; it cannot expand
        if len(out) > budget or inflater.unconsumed_tail:
            refuse(
                _("The PDF is not accepted: its content expands beyond %(limit)s MB (decompression bomb)."),
                "pdf_bomb",
                {"limit": mb(max_inflated)},
            )
        budget -= len(out)
        if b"/ObjStm" in head:
            pages += len(_PAGE.findall(out))
    if pages > max_pages:
        refuse(_("The PDF has too many pages (%(n)s; at most %(limit)s)."), "pdf_pages", {"n": pages, "limit": max_pages})


def check_ole(upload, ext: str, *, max_bytes: int) -> None:
    data = _read_all(upload, max_bytes)
    if "_VBA_PROJECT".encode("utf-16-le") in data:
        refuse(_("Files with macros are not accepted. Save the file without macros (.xlsx, .docx)."), "macros")
    if "EncryptedPackage".encode("utf-16-le") in data:
        refuse(_("The file is password-protected (encrypted). Remove the password and upload it again."), "encrypted")
    stream = OLE_STREAMS.get(ext)
    if stream and stream.encode("utf-16-le") not in data and not (ext == "xls" and "Book".encode("utf-16-le") in data):
        refuse(_("The file's content does not match its extension .%(ext)s."), "mismatch", {"ext": ext})


def check_upload(
    upload,
    *,
    allowed,
    max_bytes: int,
    max_uncompressed: int | None = None,
    max_main_part: int | None = None,
    pdf_encrypted: bool = True,
    pdf_max_pages: int = PDF_MAX_PAGES,
    pdf_max_inflated: int = PDF_MAX_INFLATED,
) -> str:
    """All checks for one uploaded file; returns its content type or raises ValidationError."""
    ext = extension(getattr(upload, "name", "") or "")
    if ext in MACRO_EXTENSIONS:
        refuse(_("Files with macros are not accepted. Save the file without macros (.xlsx, .docx)."), "macros")
    if ext not in allowed:
        refuse(
            _("Files of type .%(ext)s are not accepted here. Accepted: %(allowed)s."),
            "extension",
            {"ext": ext or "?", "allowed": ", ".join("." + a for a in allowed)},
        )
    size = getattr(upload, "size", None) or 0
    if size <= 0:
        refuse(_("The file is empty."), "empty")
    if size > max_bytes:
        refuse(
            _("The file is too large (%(size)s MB; at most %(limit)s MB)."),
            "too_large",
            {"size": mb(size), "limit": mb(max_bytes)},
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    magics = MAGIC.get(ext)
    if magics is not None and not any(head.startswith(m) for m in magics):
        if head.startswith(OLE_MAGIC) and ext in ("xlsx", "docx", "pptx"):
            refuse(
                _("The file is password-protected or in an old format (.xls, .doc). Remove the password and save it as .%(ext)s."),
                "ole",
                {"ext": ext},
            )
        refuse(_("The file's content does not match its extension .%(ext)s."), "mismatch", {"ext": ext})
    if ext in ("txt", "md") and b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        refuse(_("The file's content does not match its extension .%(ext)s."), "mismatch", {"ext": ext})
    if ext in OOXML_MAIN or ext in ODF_MIMETYPES:
        check_zip(upload, ext, max_uncompressed=max_uncompressed or 10 * max_bytes, max_main_part=max_main_part)
    elif ext == "pdf":
        check_pdf(
            upload,
            max_bytes=max_bytes,
            allow_encrypted=pdf_encrypted,
            max_pages=pdf_max_pages,
            max_inflated=pdf_max_inflated,
        )
    elif ext in OLE_STREAMS:
        check_ole(upload, ext, max_bytes=max_bytes)
    return CONTENT_TYPES.get(ext, "application/octet-stream")


# --- private storage ----------------------------------------------------------------------------


def private_root() -> Path:
    """Directory for uploaded and generated files, outside MEDIA_ROOT.

    A DEBUG server serves MEDIA_ROOT to anyone; private files only leave through the
    permission-checked download views."""
    configured = getattr(settings, "DOCUMENTS_PRIVATE_ROOT", None)
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT)
    if media == Path(settings.BASE_DIR) / "media":
        return Path(settings.BASE_DIR) / "var" / "documents"
    return media.with_name(media.name + "-private")


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = FileSystemStorage(location=private_root(), base_url=None)


private_storage = _PrivateStorage()


def get_private_storage():
    return private_storage


@deconstructible
class RandomName:
    """``upload_to`` for private files: ``<prefix>/<yyyy>/<mm>/<uuid>.<ext>``; the uploaded name
    is kept in the model (for display), never in the path."""

    def __init__(self, prefix: str):
        self.prefix = prefix.strip("/")

    def __call__(self, instance, filename: str) -> str:
        ext = extension(filename)
        ext = ext if re.fullmatch(r"[a-z0-9]{1,8}", ext or "") else "bin"
        return f"{self.prefix}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{ext}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.prefix == self.prefix


def download_response(handle, *, filename: str, content_type: str) -> FileResponse:
    """A stored file as a download: never rendered inline, never sniffed, scripts sandboxed."""
    response = FileResponse(
        handle, as_attachment=True, filename=safe_display_name(filename), content_type=content_type or "application/octet-stream"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


def move_public_files_to_private(model, field_name: str, prefix: str) -> int:
    """Data-migration helper: files of ``model.field_name`` still under MEDIA_ROOT (public,
    uploaded names) move to private storage under a random name. Returns how many moved."""
    from django.core.files.storage import default_storage

    namer = RandomName(prefix)
    moved = 0
    for obj in model.objects.exclude(**{field_name: ""}).iterator():
        name = getattr(obj, field_name).name
        if not name or not default_storage.exists(name):
            continue
        with default_storage.open(name, "rb") as handle:
            new_name = private_storage.save(namer(obj, name), handle)
        model.objects.filter(pk=obj.pk).update(**{field_name: new_name})
        default_storage.delete(name)
        moved += 1
    return moved
