"""Reading a plan document and turning the user's reviewed version into a draft plan.

Flow of the page "Nhập kế hoạch từ văn bản":

1. ``import_session_create`` stores the uploaded file (or pasted text) and queues its
   reading; ``import_session_read`` (the Celery task) reads it with the pure-Python reader
   (``planimport.reader``) in a limited child process (``core.sandbox``) and keeps the
   extraction in the ``ImportSession``. No plan exists yet.
2. ``import_prefill`` maps the extraction to the initial values of the plan page's forms
   (``plans.forms.import_initial``) and improves the agency matching with
   ``planimport.matching`` (names written without their place, abbreviations, the user's
   area first), links legal bases to plans already in the portal by number and symbol, and
   keeps, for every row, the ``span`` of the source text it came from and the reader's
   ``unsure`` flag for the review page.
3. ``import_session_confirm`` validates the reviewed forms and saves them through
   ``plans.services.plan_create`` as a draft — in one transaction with the optional new
   issuing agency, so an invalid form leaves nothing behind.

``plan_from_extraction_save`` is the command line's way (``manage.py import_plan``): the
same mapping, without forms; rows that cannot be saved as read are skipped and reported.
"""

from __future__ import annotations

import datetime
import logging
import os
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import transitions, uploads
from core.audit import audit
from core.text import fold, nfc
from directory.models import AdministrativeUnit, Agency, AgencyKind, User
from directory.selectors import unit_area_q
from plans.models import (
    BudgetLine,
    DueRule,
    Frequency,
    LegalBasis,
    LegalBasisKind,
    Plan,
    PlanSection,
    PlanTarget,
    PlanTask,
    ReportingRequirement,
    Responsibility,
    SectionKind,
    TargetScope,
    TimeframeKind,
)

from .matching import AgencyMatch, match_agency, match_plan
from .models import ImportSession, ImportSource

logger = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ACCEPTED_EXTENSIONS = (".docx", ".doc", ".pdf", ".txt", ".md")
MAX_PASTED_CHARS = 500_000
# A planner may only create plans for issuers whose plans they write; a new agency is nobody's.
NEW_ISSUER_ADMIN_ONLY = gettext_lazy(
    "Only an administrator can add an agency to the portal. Choose one of the issuing agencies you enter plans for."
)

# The reader writes the Vietnamese document type; the plan stores the portal's code.
LEGAL_KINDS = {
    "luat": LegalBasisKind.LAW,
    "bo luat": LegalBasisKind.LAW,
    "nghi quyet": LegalBasisKind.RESOLUTION,
    "nghi dinh": LegalBasisKind.DECREE,
    "quyet dinh": LegalBasisKind.DECISION,
    "chi thi": LegalBasisKind.DIRECTIVE,
    "thong tu": LegalBasisKind.CIRCULAR,
    "ke hoach": LegalBasisKind.PLAN,
    "chuong trinh": LegalBasisKind.PROGRAMME,
    "de an": LegalBasisKind.PROGRAMME,
    "cong van": LegalBasisKind.OFFICIAL_LETTER,
}
VERBS = {"can_cu": "Căn cứ", "thuc_hien": "Thực hiện"}
SCOPES = {
    "area": TargetScope.AREA,
    "per_htx": TargetScope.PER_ORGANISATION,
    "per_commune": TargetScope.PER_ORGANISATION,
    "per_person": TargetScope.PER_PERSON,
    "per_org": TargetScope.PER_ORGANISATION,
    "share": TargetScope.SHARE,
}
ROW_MODELS = {
    "legal_bases": LegalBasis,
    "sections": PlanSection,
    "targets": PlanTarget,
    "tasks": PlanTask,
    "budget_lines": BudgetLine,
    "responsibilities": Responsibility,
    "reporting_requirements": ReportingRequirement,
}
# Which list of the extraction each collection's rows come from (same order, one row each).
ROW_SOURCES = {
    "legal_bases": "legal_bases",
    "sections": "sections",
    "targets": "targets",
    "tasks": "tasks",
    "responsibilities": "responsibilities",
    "reporting_requirements": "reporting",
}


def max_upload_bytes() -> int:
    return getattr(settings, "PLANIMPORT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


# ---------------------------------------------------------------------------
# 1. read
# ---------------------------------------------------------------------------
def _source_of(filename: str) -> str:
    ext = os.path.splitext(filename)[1].lower()
    # a .doc is converted to .docx by LibreOffice before reading (planimport.reader.sources.read_doc)
    return {".docx": ImportSource.DOCX, ".doc": ImportSource.DOCX, ".pdf": ImportSource.PDF}.get(ext, ImportSource.TEXT)


def import_upload_check(upload) -> None:
    """The content checks of core.uploads before the reader opens the file: the content
    matches the extension, no zip bomb, the text part and the PDF within limits the reader
    handles within seconds (python-docx takes about a second per MB of document.xml)."""
    import_file_check(
        filename=os.path.basename(getattr(upload, "name", "") or ""), size=getattr(upload, "size", 0) or 0
    )
    uploads.check_upload(
        upload,
        allowed=tuple(e.lstrip(".") for e in ACCEPTED_EXTENSIONS),
        max_bytes=max_upload_bytes(),
        max_uncompressed=settings.PLANIMPORT_MAX_UNCOMPRESSED_BYTES,
        max_main_part=settings.PLANIMPORT_MAX_DOCUMENT_XML_BYTES,
        pdf_encrypted=False,
        pdf_max_pages=settings.PLANIMPORT_MAX_PDF_PAGES,
        pdf_max_inflated=settings.PLANIMPORT_MAX_PDF_INFLATED_BYTES,
    )


def import_file_check(*, filename: str, size: int) -> None:
    """Refuse files the reader cannot take before reading them (extension, size)."""
    ext = os.path.splitext(filename or "")[1].lower()
    if ext not in ACCEPTED_EXTENSIONS:
        raise ValidationError(
            _("Files of type %(ext)s cannot be read. Upload a .docx, .doc, .pdf or .txt file."),
            code="unsupported",
            params={"ext": ext or _("(no extension)")},
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_upload_bytes():
        raise ValidationError(
            _("The file is too large (%(size)s MB). The limit is %(limit)s MB."),
            code="too_large",
            params={"size": round(size / 1024 / 1024, 1), "limit": max_upload_bytes() // (1024 * 1024)},
        )


def import_session_create(*, acting_user, file=None, text: str = "") -> ImportSession:
    """Store ``file`` (an uploaded .docx/.doc/.pdf/.txt, after the content checks) or the pasted
    ``text`` in private storage and queue its reading: a new session "uploaded" whose task
    (``planimport.tasks.read_import_session``) is sent after commit. Nothing is parsed here
    (issue 12); with the broker down the session waits for ``import_sessions_sweep``.

    Raises ``ValidationError`` with a Vietnamese message when the file is refused up front.
    """
    from django.core.files.base import ContentFile

    from core.dispatch import dispatch

    from .tasks import read_import_session

    if file is not None:
        filename = os.path.basename(getattr(file, "name", "") or "")
        import_upload_check(file)
        source = _source_of(filename)
        content, stored_name = file, filename
        file.seek(0)
    else:
        text = (text or "").strip()
        if not text:
            raise ValidationError(_("Upload a file or paste the text of the plan."), code="nothing")
        if len(text) > MAX_PASTED_CHARS:
            raise ValidationError(
                _("The pasted text is too long (at most %(limit)s characters)."),
                code="too_long",
                params={"limit": MAX_PASTED_CHARS},
            )
        filename = ""
        source = ImportSource.PASTED
        content, stored_name = ContentFile(text.encode("utf-8")), "pasted.txt"
    with transaction.atomic():
        session = ImportSession(
            created_by=acting_user, filename=filename[:255], source=source, status=ImportSession.Status.UPLOADED
        )
        session.file.save(stored_name, content, save=False)
        session.save()
        audit(actor=acting_user, action="planimport.upload", obj=session, summary=filename or _("Pasted text"))
        dispatch(read_import_session, session.pk)
    return session


def parse_timeout() -> int:
    return int(getattr(settings, "PLANIMPORT_PARSE_TIMEOUT_SECONDS", 120))


def import_session_read(*, session_id: int) -> ImportSession | None:
    """The task's work: claim an "uploaded" session ("reading"), read its file in a child
    process under ``UPLOAD_PARSE_MEMORY_BYTES`` and ``PLANIMPORT_PARSE_TIMEOUT_SECONDS``
    (``core.sandbox``), store the extraction ("read") or the reason ("failed", in Vietnamese,
    naming the limit). A session no longer "uploaded" (read twice, discarded) is left alone:
    returns None."""
    from django.utils import translation

    from core import sandbox

    Status = ImportSession.Status
    if not ImportSession.objects.filter(pk=session_id, status=Status.UPLOADED).update(
        status=Status.READING, message="", modified=timezone.now()
    ):
        return None
    session = ImportSession.objects.select_related("created_by").get(pk=session_id)
    data, message, code = None, "", ""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            ext = os.path.splitext(session.file.name)[1].lower() or ".txt"
            result = sandbox.run_parser(
                "planimport.parsing.read_document",
                session.file.path,
                "document" + ext,
                session.source == ImportSource.PASTED,
                timeout=parse_timeout(),
            )
            error = result.get("error") or {}
            if error.get("code") == "no_text_layer" and ocr_enabled():
                result = _read_scanned(session, pages=int(error.get("pages") or 0)) or result
        except sandbox.ParseFailed as exc:
            message, code = exc.message, exc.reason
        except OSError:
            logger.exception("planimport: the file of session %s cannot be opened", session_id)
            message, code = _("The uploaded file is no longer available. Upload it again."), "missing"
        else:
            error = result.get("error")
            if error and error.get("message"):
                message, code = _("The document could not be read: %(reason)s") % {"reason": error["message"]}, error["code"]
            elif error:
                logger.error("planimport: reading session %s failed: %s", session_id, error.get("detail"))
                message, code = _("The document could not be read. Save it again as .docx or paste its text."), "crash"
            elif not ((result.get("data") or {}).get("source_text") or "").strip():
                message, code = _("The document contains no text."), "empty"
            else:
                data = result["data"]
                if result.get("ocr_pages"):
                    data["ocr_pages"] = result["ocr_pages"]
    now = timezone.now()
    with transaction.atomic():
        if data is not None:
            done = ImportSession.objects.filter(pk=session_id, status=Status.READING).update(
                status=Status.READ, data=data, message="", modified=now
            )
        else:
            done = ImportSession.objects.filter(pk=session_id, status=Status.READING).update(
                status=Status.FAILED, message=message, modified=now
            )
        if done:
            session.refresh_from_db()
            summary = session.filename or _("Pasted text")
            if data is not None:
                counts = {"targets": len(data.get("targets") or []), "tasks": len(data.get("tasks") or [])}
                audit(actor=session.created_by, action="planimport.read", obj=session, summary=summary, data=counts)
            else:
                audit(actor=session.created_by, action="planimport.read_failed", obj=session, summary=summary,
                      data={"reason": code})  # fmt: skip
    return session


def ocr_enabled() -> bool:
    """Scanned PDFs are read through OCR (``PLANIMPORT_OCR``, on by default) when the machine
    has ocrmypdf and Tesseract (scripts/install.sh installs them)."""
    from .reader.ocr import available

    return bool(getattr(settings, "PLANIMPORT_OCR", True)) and available()


def _ocr_progress(session_id: int, done: int, total: int) -> None:
    """What the upload page shows while a scan is being recognised (the session's message
    while it is "reading"; the page polls it)."""
    ImportSession.objects.filter(pk=session_id, status=ImportSession.Status.READING).update(
        message=_("Scanned document: recognising the text (OCR), %(done)s of %(total)s pages done…")
        % {"done": done, "total": total},
        modified=timezone.now(),
    )


def _read_scanned(session: ImportSession, *, pages: int) -> dict | None:
    """A PDF without a text layer: OCR it a few pages at a time in the child process (each call
    under the memory limit and ``PLANIMPORT_OCR_SECONDS_PER_PAGE`` per page), telling the page
    how far it got, then read the recognised document like any PDF. Returns the reading's
    result with ``ocr_pages``, an ``{"error": …}`` the reader or OCR gave, or None to keep the
    first answer (no pages to recognise)."""
    import tempfile

    from core import sandbox

    if pages <= 0:
        return None
    limit = int(getattr(settings, "PLANIMPORT_OCR_MAX_PAGES", 60))
    if pages > limit:
        return {"error": {"code": "ocr_pages", "message": _(
            "The PDF is a scan of %(pages)s pages; the portal recognises the text of scans of at most "
            "%(limit)s pages. Upload the document as .docx, or a PDF with a text layer."
        ) % {"pages": pages, "limit": limit}}}  # fmt: skip
    batch = max(1, int(getattr(settings, "PLANIMPORT_OCR_PAGES_PER_STEP", 4)))
    per_page = int(getattr(settings, "PLANIMPORT_OCR_SECONDS_PER_PAGE", 40))
    with tempfile.TemporaryDirectory(prefix="coopplan-ocr-") as tmp:
        current = session.file.path
        _ocr_progress(session.pk, 0, pages)
        for step, first in enumerate(range(1, pages + 1, batch)):
            last = min(pages, first + batch - 1)
            out = os.path.join(tmp, f"step-{step}.pdf")
            seconds = per_page * (last - first + 1) + 15
            answer = sandbox.run_parser(
                "planimport.parsing.ocr_document", current, out, first, last, seconds, timeout=seconds + 10
            )
            if answer.get("error"):
                return answer
            current = out
            _ocr_progress(session.pk, last, pages)
        result = sandbox.run_parser(
            "planimport.parsing.read_document", current, "document.pdf", False, timeout=parse_timeout()
        )
    if not result.get("error"):
        result["ocr_pages"] = pages
    elif result["error"].get("code") == "no_text_layer":
        result = {"error": {"code": "ocr_empty", "message": _(
            "No text could be recognised in the scan. Scan it again at 300 dpi, or upload the document as .docx."
        )}}  # fmt: skip
    return result


def import_session_retry(*, session: ImportSession, acting_user) -> bool:
    """Read a session again whose reading failed (a worker killed, a limit reached after the
    limits were raised): back to "uploaded", the task sent after commit. False when it is no
    longer failed (a double click)."""
    from core.dispatch import dispatch

    from .tasks import read_import_session

    if session.status != ImportSession.Status.FAILED:
        raise ValidationError(_("Only a document that could not be read can be read again."), code="not_failed")
    if acting_user.pk != session.created_by_id and not acting_user.is_superuser:
        raise PermissionDenied
    if not session.file:
        raise ValidationError(_("The uploaded file is no longer available. Upload it again."), code="missing")
    with transaction.atomic():
        again = ImportSession.objects.filter(pk=session.pk, status=ImportSession.Status.FAILED).update(
            status=ImportSession.Status.UPLOADED, message="", modified=timezone.now()
        )
        if not again:
            return False
        audit(actor=acting_user, action="planimport.retry", obj=session, summary=session.filename or _("Pasted text"))
        dispatch(read_import_session, session.pk)
    return True


def import_sessions_sweep(*, now) -> dict:
    """For ``core.dispatch.sweep``: send again the readings still "uploaded" after
    ``DISPATCH_PENDING_SECONDS`` (never queued, or lost); a reading still "reading" after
    ``PLANIMPORT_STUCK_SECONDS`` (its worker was killed) becomes "failed" with a message saying
    it can be read again (``core.dispatch.sweep_uploads``)."""
    from django.utils import translation

    from core.dispatch import sweep_uploads

    from .tasks import read_import_session

    with translation.override(settings.LANGUAGE_CODE):
        message = _("The reading was interrupted (the background worker stopped). You can read the document again.")
    return sweep_uploads(
        ImportSession,
        now=now,
        task=read_import_session,
        stuck_seconds=int(getattr(settings, "PLANIMPORT_STUCK_SECONDS", 600)),
        message=message,
        audit_action="planimport.interrupted",
    )


# ---------------------------------------------------------------------------
# 2. prefill (matching)
# ---------------------------------------------------------------------------
@dataclass
class RowNote:
    """What the review page shows beside a prefilled row."""

    span: list | None = None
    unsure: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class Prefill:
    """Initial values of the plan forms plus what the review page explains about them."""

    header: dict
    rows: dict  # prefix -> [row dict]; each may carry "unsure"
    row_notes: dict  # prefix -> [RowNote] (same order as rows)
    field_notes: dict  # header field -> RowNote
    issuer_match: AgencyMatch
    proposed_issuer: str  # name to create when nothing matched ("" otherwise)
    warnings: list[str]
    # The document's issuer when it is an agency of the area whose plans the user does not write.
    others_issuer: Agency | None = None


class _Everyone:
    """The command line's acting identity when no --username is given: sees every agency."""

    is_authenticated = False
    is_active = True
    is_superuser = True
    agency_id = None
    agency = None

    def has_role(self, role):
        return True


def _earlier_units(user) -> list:
    """Units of the agencies the user's agency succeeded (Phòng NN&PTNT huyện Tháp Mười's district
    for Phòng Kinh tế xã Tháp Mười): the context of documents from before 07/2025."""
    from directory.selectors import agency_lineage

    agency = getattr(user, "agency", None)
    return [a.unit for a in agency_lineage(agency)[1:] if a.unit_id] if agency is not None else []


def _issuers(user) -> list[Agency]:
    """The agencies the user may create plans for (``plans.selectors.issuers_for``)."""
    from plans.selectors import issuers_for

    return list(issuers_for(user))


def _area_issuers(user) -> list[Agency]:
    """Every agency of the user's area: what a document's issuer is matched against when it is
    none of the user's own issuers, to say whose document it is."""
    from plans.selectors import issuers_in_area

    return list(issuers_in_area(user))


def _assignable(user) -> list[Agency]:
    from plans.selectors import agencies_for_assignment

    return list(agencies_for_assignment(user))


def _user_area_unit_ids(user) -> set:
    if getattr(user, "is_superuser", False) or not getattr(user, "agency_id", None):
        return set()
    return set(AdministrativeUnit.objects.filter(unit_area_q(user.agency.unit)).values_list("pk", flat=True))


def _fit(model: type[models.Model], row: dict) -> dict:
    """Cut strings to their column's length (a long 'as written' text must not block saving)."""
    for name, value in list(row.items()):
        if not isinstance(value, str):
            continue
        try:
            f = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a key that is not a field (e.g. "unsure")
            continue
        if getattr(f, "max_length", None) and len(value) > f.max_length:
            row[name] = value[: f.max_length - 1].rstrip() + "…"
    return row


def _iso(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _vn_date(value) -> str:
    d = _iso(value)
    return d.strftime("%d/%m/%Y") if d else ""


def _implements_text(imp: dict | None) -> str:
    """ "Kế hoạch số 4025/KH-UBND ngày 01/12/2023 của Ủy ban nhân dân tỉnh Kon Tum về …"."""
    if not imp:
        return ""
    if isinstance(imp, str):
        return imp
    parts = [imp.get("kind") or ""]
    if imp.get("number"):
        parts.append(f"số {imp['number']}")
    if imp.get("date"):
        parts.append(f"ngày {_vn_date(imp['date'])}")
    if imp.get("issuer"):
        parts.append(f"của {imp['issuer']}")
    if imp.get("title"):
        parts.append(f"về {imp['title']}")
    return " ".join(p for p in parts if p).strip()


def _legal_kind(kind: str | None, number: str | None) -> str:
    key = fold(kind or "")
    if key in LEGAL_KINDS:
        return LEGAL_KINDS[key]
    from plans.forms import _legal_kind as plans_legal_kind  # symbol-based fallback (QĐ, KH, NĐ…)

    return plans_legal_kind(kind, number)


SECTION_KINDS = (
    ("to chuc thuc hien", SectionKind.IMPLEMENTATION),
    ("che do bao cao", SectionKind.REPORTING),
    ("bao cao", SectionKind.REPORTING),
    ("kinh phi", SectionKind.BUDGET),
    ("muc dich", SectionKind.PURPOSE),
    ("muc tieu", SectionKind.OBJECTIVES),
    ("pham vi", SectionKind.SCOPE),
    ("doi tuong", SectionKind.SCOPE),
    ("nhiem vu", SectionKind.TASKS),
    ("giai phap", SectionKind.TASKS),
    ("noi dung", SectionKind.CONTENT),
)


RUN_IN_HEADING_MAX = 60  # "Mục tiêu chung", "Mục tiêu cụ thể đến năm 2025": short headings


def _split_run_in_heading(row: dict) -> None:
    """A numbered line "1. Mục tiêu chung: Tiếp tục củng cố, …" is a short heading followed by its
    text on the same line (a run-in heading). The reader keeps the whole line as the heading,
    which the plan page then shows as a paragraph in capitals, cut at 255 characters: keep the
    words before the colon as the heading and move the rest to the start of the body."""
    title = (row.get("title") or "").strip()
    head, sep, rest = title.partition(":")
    if not sep or not rest.strip() or len(head.strip()) > RUN_IN_HEADING_MAX or len(title) <= RUN_IN_HEADING_MAX:
        return
    body = (row.get("body") or "").strip()
    row["title"] = head.strip()
    row["body"] = rest.strip() + ("\n" + body if body else "")


def section_kind(title: str) -> str:
    """The section's kind from its heading words ("II. MỤC TIÊU" → objectives)."""
    key = fold(title)
    return next(
        (kind for words, kind in SECTION_KINDS if key.startswith(words) or f" {words}" in f" {key}"[:40]),
        SectionKind.OTHER,
    )


def _split_names(text: str | None) -> list[str]:
    # ";" separates bodies; " và " does not ("Nông nghiệp và Phát triển nông thôn").
    return [p.strip() for p in (text or "").split(";") if p.strip()]


# Plural People's Committees a plan addresses, and the level of the units they sit at.
PLURAL_COMMITTEES = (
    (("cac xa", "xa, thi tran", "cac phuong", "cac thi tran"), "commune"),
    (("cac huyen", "huyen, thanh pho", "huyen, thi xa", "cac quan"), "district"),
)


def _plural_committees(name: str, agencies: list[Agency], context_unit) -> list[Agency]:
    """The People's Committees of the units below ``context_unit`` when ``name`` is a plural
    "Ủy ban nhân dân các xã, thị trấn" (communes) or "… các huyện, thành phố" (districts);
    [] for any other name."""
    key = fold(name)
    if context_unit is None or not key.startswith(("uy ban nhan dan", "ubnd")):
        return []
    level = next((lvl for words, lvl in PLURAL_COMMITTEES if any(w in key for w in words)), None)
    if level is None:
        return []
    return [
        a
        for a in agencies
        if a.kind == AgencyKind.PEOPLES_COMMITTEE
        and a.unit.level == level
        and a.unit.path.startswith(context_unit.path)
        and a.unit_id != context_unit.pk
    ]


RECIPIENTS_HEADING = re.compile(r"N[oơ]i nh[aậ]n\s*:?", re.I)


def _recipients_span(data: dict) -> list[int] | None:
    """The reader lists recipients without a span: the "Nơi nhận" block is from its heading
    to the last recipient found after it."""
    source = data.get("source_text") or ""
    recipients = [r for r in data.get("recipients") or [] if r]
    # The last heading: the block sits at the end of the document.
    match = next(reversed(list(RECIPIENTS_HEADING.finditer(source))), None)
    if not match or not recipients:
        return None
    end = match.end()
    for name in recipients:
        found = source.find(name, end)
        if found >= 0:
            end = found + len(name)
    return [match.start(), end]


def import_prefill(*, data: dict, user, issuer: Agency | None = None) -> Prefill:
    """Initial values for the plan forms from an extraction, with agencies and plans matched.

    The issuer is matched among the agencies the user may issue for (``issuer`` overrides
    it); other agencies among those the user may assign, completing names written without
    their place with the issuer's unit and preferring the user's area.
    """
    from plans.forms import import_initial
    from plans.selectors import plans_visible_to

    header, rows = import_initial(data, user=user)
    area_ids = frozenset(_user_area_unit_ids(user))
    user_unit = getattr(getattr(user, "agency", None), "unit", None)

    issuer_name = data.get("issuer") or ""
    if issuer is not None:
        issuer_match = AgencyMatch(issuer_name, issuer, 1.0)
    else:
        issuer_match = match_agency(
            issuer_name, _issuers(user), context_unit=user_unit, preferred_unit_ids=area_ids,
            earlier_units=_earlier_units(user),
        )
    # A document issued by another agency of the area (not the user's agency, one it succeeded or
    # its governing body) is not the user's to enter (issue 12): named, never offered or created.
    others_issuer = None
    if issuer_match.agency is None and issuer_name and not getattr(user, "is_superuser", False):
        other = match_agency(
            issuer_name, _area_issuers(user), context_unit=user_unit, preferred_unit_ids=area_ids,
            earlier_units=_earlier_units(user),
        )
        if other.agency is not None and not other.unsure:
            others_issuer = other.agency
    header["issuer"] = issuer_match.agency
    header["issuer_text"] = "" if issuer_match.agency and issuer_match.score >= 1.0 else issuer_name
    context_unit = issuer_match.agency.unit if issuer_match.agency else user_unit
    agencies = (
        _assignable(user)
        if not getattr(user, "is_superuser", False)
        else list(Agency.objects.select_related("unit").order_by("unit__path", "name"))
    )

    def agency_for(name):
        return match_agency(name, agencies, context_unit=context_unit, preferred_unit_ids=area_ids)

    def agencies_for_names(text) -> list[Agency]:
        """Each ";"-separated body; "UBND các xã, thị trấn" → every commune People's Committee
        below the context unit (the plan's own communes), likewise for districts."""
        found = []
        for name in _split_names(text):
            match = agency_for(name)
            if match.agency:
                found.append(match.agency)
            else:
                found.extend(_plural_committees(name, agencies, context_unit))
        return list(dict.fromkeys(found))

    plan_qs = Plan.objects.all() if isinstance(user, _Everyone) else plans_visible_to(user)
    plans = list(plan_qs.select_related(None).only("id", "number", "symbol", "issue_date", "title"))

    implements = data.get("implements")
    header["implements_reference"] = _implements_text(implements)
    linked = (
        match_plan((implements or {}).get("number"), plans, date=_iso((implements or {}).get("date")))
        if isinstance(implements, dict)
        else None
    )
    header["implements_plan"] = linked
    if linked:
        header["implements_reference"] = ""
    if not header.get("period_start") or not header.get("period_end"):
        year = data.get("year") or (header.get("issue_date").year if header.get("issue_date") else None)
        if year:
            header["period_start"] = header.get("period_start") or datetime.date(int(year), 1, 1)
            header["period_end"] = header.get("period_end") or datetime.date(int(year), 12, 31)
    if not header.get("document_year") and data.get("year"):
        header["document_year"] = data.get("year")
    header.pop("in_force", None)

    row_notes: dict[str, list[RowNote]] = {}

    def note_for(item: dict) -> RowNote:
        return RowNote(
            span=item.get("span"), unsure=bool(item.get("unsure")), notes=[item["note"]] if item.get("note") else []
        )

    for prefix, key in ROW_SOURCES.items():
        items = data.get(key) or []
        row_notes[prefix] = [note_for(item) if isinstance(item, dict) else RowNote() for item in items][
            : len(rows.get(prefix) or [])
        ]

    # legal bases: Vietnamese kind, the verb as written, the plan in the portal
    for row, item in zip(rows.get("legal_bases") or [], data.get("legal_bases") or [], strict=False):
        row["kind"] = _legal_kind(item.get("kind"), item.get("number"))
        row["verb"] = VERBS.get(item.get("relation"), row.get("verb") or "Căn cứ")
        row["linked_plan"] = match_plan(item.get("number"), plans, date=_iso(item.get("date")))

    for row in rows.get("sections") or []:
        _split_run_in_heading(row)
        row["kind"] = section_kind(row.get("title") or "")

    for row, item in zip(rows.get("targets") or [], data.get("targets") or [], strict=False):
        row["scope"] = SCOPES.get(item.get("scope"), TargetScope.AREA)
        row["source_text"] = item.get("text") or ""
        if not row.get("milestone_year") and header.get("period_end"):
            row["milestone_year"] = header["period_end"].year

    for i, (row, item) in enumerate(zip(rows.get("tasks") or [], data.get("tasks") or [], strict=False)):
        notes = row_notes["tasks"][i]
        lead = agency_for(item.get("lead")) if item.get("lead") else None
        row["lead_agency"] = lead.agency if lead else None
        coordinating = [a for name in item.get("coordinating") or [] for a in agencies_for_names(name)]
        row["coordinating_agencies"] = [a for a in dict.fromkeys(coordinating) if a != row["lead_agency"]]
        if item.get("lead") and not row["lead_agency"]:
            notes.notes.append(_("Lead agency not found in the portal: %(name)s") % {"name": item["lead"]})
        if item.get("timeframe") and item["timeframe"].startswith(("until:", "text:")):
            year = item["timeframe"].split(":", 1)[1]
            if item["timeframe"].startswith("until:") and year.isdigit() and header.get("period_start"):
                row.update(
                    timeframe_kind=TimeframeKind.YEARS, start_year=header["period_start"].year, end_year=int(year)
                )

    for i, (row, item) in enumerate(
        zip(rows.get("responsibilities") or [], data.get("responsibilities") or [], strict=False)
    ):
        m = agency_for(item.get("agency"))
        row["agency"] = m.agency
        if not m.agency and item.get("agency"):
            row_notes["responsibilities"][i].notes.append(
                _("Agency not found in the portal: the name is kept as written.")
            )

    for i, (row, item) in enumerate(
        zip(rows.get("reporting_requirements") or [], data.get("reporting") or [], strict=False)
    ):
        notes = row_notes["reporting_requirements"][i]
        receiver = agency_for(item.get("receiver")) if item.get("receiver") else None
        row["receiver"] = receiver.agency if receiver else None
        row["reporters"] = agencies_for_names(item.get("reporters"))
        if not row["reporters"]:
            row["unsure"] = True
            notes.unsure = True
            notes.notes.append(
                _("Choose the reporting agencies (as written: %(names)s).") % {"names": item.get("reporters") or "—"}
            )
        if (
            item.get("frequency") == Frequency.ONCE
            and row.get("due_rule") != DueRule.FIXED_DATE
            and item.get("due_dates")
        ):
            row.update(due_rule=DueRule.FIXED_DATE, due_date=_iso(item["due_dates"][0]))
        # "Quarterly: Phòng Nông nghiệp…" tells the rules of one plan apart in lists.
        label = Frequency(row["frequency"]).label if row.get("frequency") in Frequency.values else ""
        row["name"] = f"{label}: {item.get('reporters')}" if label and item.get("reporters") else str(label)
        if row["receiver"] is None:
            row["unsure"] = True
            notes.unsure = True
            notes.notes.append(_("Choose the receiving agency."))
        if not row.get("due_rule"):
            row["unsure"] = True
            notes.unsure = True
            notes.notes.append(_("The deadline could not be read: choose the rule."))

    budget = data.get("budget") or {}
    if rows.get("budget_lines"):
        row_notes["budget_lines"] = [
            RowNote(
                span=budget.get("span"),
                unsure=bool(budget.get("approximate")),
                notes=[_("Approximate amount (khoảng).")] if budget.get("approximate") else [],
            )
        ]
        if budget.get("approximate"):
            rows["budget_lines"][0]["unsure"] = True
    else:
        row_notes["budget_lines"] = []
    for prefix, notes in row_notes.items():
        for row, note in zip(rows.get(prefix) or [], notes, strict=False):
            if note.unsure:
                row["unsure"] = True
    for prefix, model in ROW_MODELS.items():
        rows[prefix] = [_fit(model, row) for row in rows.get(prefix) or []]
    _fit(Plan, header)

    field_notes = {
        name: RowNote(span=f.get("span"), unsure=bool(f.get("unsure")), notes=[f["note"]] if f.get("note") else [])
        for name, f in (data.get("fields") or {}).items()
        if isinstance(f, dict)
    }
    signer = data.get("signer") or {}
    if signer.get("span"):
        field_notes["signer"] = RowNote(span=signer.get("span"))
    recipients_span = _recipients_span(data)
    if recipients_span:
        field_notes["recipients"] = RowNote(span=recipients_span)
    issuer_note = field_notes.setdefault("issuer", RowNote())
    warnings = list(data.get("warnings") or [])
    if others_issuer is not None:
        issuer_note.unsure = True
        message = _(
            "This document was issued by %(agency)s, whose plans you do not enter: a planner of that agency "
            "(or of its advising office) imports it. Choose one of your issuing agencies only if the plan is yours."
        ) % {"agency": others_issuer.name}
        issuer_note.notes.append(message)
        warnings.append(message)
    elif issuer_match.agency is None:
        issuer_note.unsure = True
        issuer_note.notes.append(_("No agency in the portal matches the issuer: choose one or create it."))
    elif issuer_match.unsure:
        issuer_note.unsure = True
        issuer_note.notes.append(_("The issuer was matched approximately: check it."))
    return Prefill(
        header=header,
        rows=rows,
        row_notes=row_notes,
        field_notes=field_notes,
        issuer_match=issuer_match,
        proposed_issuer=issuer_name if issuer_match.agency is None and others_issuer is None else "",
        warnings=_ocr_warning(data) + warnings + [w for w in (_same_number_warning(header),) if w],
        others_issuer=others_issuer,
    )


def _ocr_warning(data: dict) -> list[str]:
    if not data.get("ocr_pages"):
        return []
    return [_(
        "This text was recognised from a scan (OCR, %(pages)s pages): check the number, the date, "
        "the names and every figure against the original before saving."
    ) % {"pages": data["ocr_pages"]}]  # fmt: skip


# ---------------------------------------------------------------------------
# 3. confirm
# ---------------------------------------------------------------------------
def _guess_agency_kind(name: str) -> str:
    key = fold(name)
    for prefix, kind in (
        ("uy ban nhan dan", AgencyKind.PEOPLES_COMMITTEE),
        ("ubnd", AgencyKind.PEOPLES_COMMITTEE),
        ("so ", AgencyKind.DEPARTMENT),
        ("phong ", AgencyKind.OFFICE),
        ("lien minh hop tac xa", AgencyKind.COOP_ALLIANCE),
        ("hoi nong dan", AgencyKind.FARMERS_UNION),
    ):
        if key.startswith(prefix):
            return kind
    return AgencyKind.OTHER


@transaction.atomic
def import_issuer_create(*, acting_user, name: str, unit: AdministrativeUnit, short_name: str = "") -> Agency:
    """Create the issuing agency the document names when the portal does not have it yet.

    The unit must lie in the acting user's area; an agency of that name at that unit is
    reused rather than duplicated.
    """
    if not getattr(acting_user, "is_superuser", False):
        # A planner creates plans only for issuers whose plans they write (issue 12); a new
        # agency is nobody's governing body yet, so only an administrator adds one.
        raise PermissionDenied(NEW_ISSUER_ADMIN_ONLY)
    name = nfc((name or "").strip())
    if not name:
        raise ValidationError({"new_issuer_name": ValidationError(_("Enter the agency's name."), code="required")})
    if (
        not acting_user.is_superuser
        and not AdministrativeUnit.objects.filter(pk=unit.pk)
        .filter(unit_area_q(acting_user.agency.unit if acting_user.agency_id else None))
        .exists()
    ):
        raise ValidationError(
            {"new_issuer_unit": ValidationError(_("Choose a unit in your area."), code="out_of_area")}
        )
    existing = Agency.objects.filter(name=name, unit=unit).first()
    if existing:
        return existing
    kind = _guess_agency_kind(name)
    agency = Agency(
        name=name,
        unit=unit,
        short_name=(short_name or ("UBND" if kind == AgencyKind.PEOPLES_COMMITTEE else "")).strip()[:30] or "KH",
        kind=kind,
        search_text=fold(f"{name} {short_name}"),
    )
    agency.full_clean()
    agency.save()
    audit(actor=acting_user, action="planimport.agency_create", obj=agency, summary=name)
    return agency


@transaction.atomic
def import_session_confirm(*, session: ImportSession, acting_user, header: dict, collections: dict) -> Plan:
    """Save the reviewed forms' data as a draft plan and close the session.

    ``header`` and ``collections`` are what the plan page's forms cleaned
    (``PlanFormBundle.header_data()`` / ``.collections()``).
    """
    from plans.services import plan_create

    session = transitions.lock(ImportSession, pk=session.pk)  # a second confirm waits, then sees it confirmed
    if session.is_confirmed:
        raise transitions.TransitionConflict(
            _("This document has already been saved as a plan."), code="already_confirmed"
        )
    existing = _duplicate_locked(header)
    if existing is None:
        _refuse_register_clash(header)
    plan = existing or plan_create(acting_user=acting_user, data=header, **collections)
    session.plan = plan
    session.confirmed_at = timezone.now()
    session.save(update_fields=["plan", "confirmed_at", "modified"])
    audit(
        actor=acting_user,
        action="planimport.link_existing" if existing else "planimport.confirm",
        obj=plan,
        summary=session.filename or plan.short_title,
        data={"session": session.pk},
    )
    plan.import_duplicate = existing is not None
    return plan


def _refuse_register_clash(header: dict) -> None:
    """The document's own number and date against its issuer's register (issue 13): a number
    the issuer already used that year, or a date in the future, is refused on its field."""
    from plans.selectors import plan_issue_refusals

    refusals = plan_issue_refusals(
        plan=Plan(issuer=header.get("issuer")), number=header.get("number"), day=header.get("issue_date")
    )
    if refusals:
        raise ValidationError({name: ValidationError(message, code="register") for name, message in refusals.items()})


def _same_number_warning(header: dict) -> str | None:
    """A warning when the issuer already has a plan (draft or issued) with this number that year."""
    from plans.selectors import plan_same_number

    other = plan_same_number(
        issuer=header.get("issuer"), number=header.get("number"), day=header.get("issue_date"), issued_only=False
    )
    if other is None:
        return None
    return _(
        "%(issuer)s already has a plan numbered %(reference)s in %(year)s (%(title)s, %(status)s). "
        "Check that this is not the same document before saving."
    ) % {
        "issuer": other.issuer.name,
        "reference": other.reference,
        "year": header["issue_date"].year,
        "title": other.short_title,
        "status": other.get_status_display(),
    }


def _duplicate_locked(header: dict) -> Plan | None:
    """The plan already holding this document (issuer + number/symbol), found while the issuer's
    row is locked so that two imports of the same document at once cannot both create a plan."""
    from .selectors import plan_duplicate_find

    issuer = header.get("issuer")
    if issuer is None or not header.get("number") or not header.get("symbol"):
        return None
    Agency.objects.select_for_update().filter(pk=issuer.pk).first()
    return plan_duplicate_find(
        issuer=issuer, number=header.get("number"), symbol=header.get("symbol"), issue_date=header.get("issue_date")
    )


@transaction.atomic
def import_session_discard(*, session: ImportSession, acting_user) -> None:
    """Forget a document read but not saved (a confirmed session stays: it records the import)."""
    session = ImportSession.objects.select_for_update().get(pk=session.pk)
    if session.is_confirmed:
        raise ValidationError(_("This document has already been saved as a plan."), code="already_confirmed")
    audit(actor=acting_user, action="planimport.discard", obj=session, summary=session.filename or _("Pasted text"))
    stored = session.file.name
    session.delete()
    if stored:
        transaction.on_commit(lambda: session.file.storage.delete(stored))


# ---------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------
def _service_rows(prefill: Prefill, skipped: list[str]) -> dict:
    """Rows the plans service accepts; rows that would fail validation are skipped."""
    out: dict[str, list[dict]] = {}
    period_start, period_end = prefill.header.get("period_start"), prefill.header.get("period_end")
    for prefix, rows in prefill.rows.items():
        model = ROW_MODELS[prefix]
        kept = []
        for i, raw in enumerate(rows):
            row = {k: v for k, v in raw.items() if k != "unsure" and v is not None}
            for m2m in ("coordinating_agencies", "reporters", "targets"):
                if m2m in row:
                    row[m2m] = [a for a in row[m2m] if a is not None]
            instance = model(
                **{k: v for k, v in row.items() if k not in ("coordinating_agencies", "reporters", "targets")}
            )
            if prefix == "targets" and period_start and period_end:
                instance.plan = Plan(period_start=period_start, period_end=period_end)
            try:
                instance.full_clean(exclude=["plan"])
                if (
                    prefix == "targets"
                    and row.get("milestone_year")
                    and period_start
                    and not (period_start.year <= row["milestone_year"] <= period_end.year)
                ):
                    raise ValidationError("milestone outside period")
            except ValidationError as exc:
                skipped.append(f"{prefix}[{i}]: {'; '.join(exc.messages)}")
                continue
            if prefix == "reporting_requirements" and not row.get("reporters"):
                # Kept (the rule matters) with the bodies as written; the plan page asks for them.
                skipped.append(
                    f"{prefix}[{i}]: "
                    + _("saved without reporting agencies (as written: %(names)s); choose them in the plan page.")
                    % {"names": row.get("reporters_text") or "—"}
                )
            kept.append(row)
        out[prefix] = kept
    return out


def plan_from_extraction_save(*, data: dict, issuer_id: int | None = None, username: str | None = None) -> Plan:
    """Save an extraction (``Extraction.to_dict()``) as a draft plan, without review.

    The issuer is agency ``issuer_id`` or the agency matched by name (among the user's
    issuers when ``username`` is given, else among all agencies). Rows that cannot be
    saved as read (a target without a value, a report without a receiver…) are skipped;
    their list is on the returned plan as ``import_skipped``.
    """
    user = None
    if username:
        try:
            user = User.objects.select_related("agency__unit").get(username=username)
        except User.DoesNotExist:
            raise ValidationError(_("No user %(username)s."), code="no_user", params={"username": username}) from None
    actor = user or _Everyone()
    issuer = None
    if issuer_id is not None:
        issuer = Agency.objects.select_related("unit").filter(pk=issuer_id).first()
        if issuer is None:
            raise ValidationError(_("No agency with id %(id)s."), code="no_agency", params={"id": issuer_id})
    prefill = import_prefill(data=data, user=actor, issuer=issuer)
    if prefill.header.get("issuer") is None and prefill.others_issuer is not None:
        raise PermissionDenied(
            _("The document was issued by %(agency)s, whose plans %(username)s does not enter.")
            % {"agency": prefill.others_issuer.name, "username": username}
        )
    if prefill.header.get("issuer") is None:
        raise ValidationError(
            _("No agency matches the issuer “%(name)s”: give the agency with --issuer-id."),
            code="no_issuer",
            params={"name": data.get("issuer") or "—"},
        )
    if not prefill.header.get("period_start") or not prefill.header.get("period_end"):
        raise ValidationError(_("The plan's period could not be read."), code="no_period")
    skipped: list[str] = []
    collections = _service_rows(prefill, skipped)
    header = {k: v for k, v in prefill.header.items() if v is not None or k in ("number", "issue_date")}
    header = {
        k: (
            ""
            if v is None and k not in ("number", "issue_date", "document_year", "implements_plan", "signer_user")
            else v
        )
        for k, v in header.items()
    }
    if not header.get("title"):
        header["title"] = data.get("title") or _("Imported plan")
    from plans.services import plan_create

    with transaction.atomic():
        existing = _duplicate_locked(header)
        plan = existing or plan_create(acting_user=user, data=header, **collections)
        audit(
            actor=user,
            action="planimport.link_existing" if existing else "planimport.command_save",
            obj=plan,
            summary=plan.short_title,
            data={"skipped": skipped},
        )
    plan.import_skipped = [] if existing else skipped
    plan.import_duplicate = existing is not None
    return plan
