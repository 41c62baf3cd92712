"""Rendering, caching and signing of official documents (every write goes through here).

* ``document_request`` — snapshot the plan/report, hash it, and return the existing
  ``RenderedDocument`` for that content or create one and send the render task after
  commit. The same content is never rendered twice.
* ``document_render`` — the task's work: HTML → PDF (or the workbook), file + SHA-256.
* Trình ký and the two-step signature (``signing_submit`` → ``signing_leader_sign`` /
  ``signing_return`` → ``signing_issue``): the leader's personal PAdES signature, then the
  clerk's organisation signature with the register number and date; for a report also a
  detached CAdES on its workbook. The result is stored once, immutably.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit
from directory.models import Role

from . import excel, render
from .models import (
    OPEN_SIGNING_STATES,
    AgencyCertificate,
    DocumentKind,
    DocumentRegister,
    RegisterEntry,
    RenderedDocument,
    RenderStatus,
    SignatureImage,
    SignedDocument,
    SigningRequest,
    SigningState,
)

logger = logging.getLogger(__name__)

PDF = "pdf"
XLSX = "xlsx"


def _is_plan(source) -> bool:
    return source._meta.label_lower == "plans.plan"


def source_kind(source, fmt: str) -> str:
    if _is_plan(source):
        return DocumentKind.PLAN_PDF if fmt == PDF else DocumentKind.PLAN_XLSX
    return DocumentKind.REPORT_PDF if fmt == PDF else DocumentKind.REPORT_XLSX


def snapshot_for(source) -> dict:
    """The frozen content of a plan or report (see ``documents.render``)."""
    if _is_plan(source):
        return render.plan_snapshot(source)
    return render.obligation_snapshot(source)


def signed_document_for(source) -> SignedDocument | None:
    field = "plan" if _is_plan(source) else "obligation"
    return SignedDocument.objects.filter(**{field: source}).select_related("certificate").first()


def _source_fields(source) -> dict:
    return {"plan": source} if _is_plan(source) else {"obligation": source}


# --------------------------------------------------------------------------- rendering


@transaction.atomic
def document_request(*, source, fmt: str, acting_user=None, snapshot: dict | None = None) -> RenderedDocument:
    """The rendered document for ``source``'s current content, rendering it if needed."""
    if fmt not in (PDF, XLSX):
        raise ValidationError(_("Unknown document format."), code="format")
    snapshot = snapshot if snapshot is not None else snapshot_for(source)
    digest = render.content_hash(snapshot, fmt)
    document = RenderedDocument.objects.select_for_update().filter(content_hash=digest).first()
    if document is not None:
        if document.status == RenderStatus.FAILED:
            document.status, document.progress, document.error = RenderStatus.PENDING, 0, ""
            document.save(update_fields=["status", "progress", "error", "modified"])
            _send_render(document.pk)
        return document
    try:
        with transaction.atomic():
            document = RenderedDocument.objects.create(
                kind=source_kind(source, fmt),
                snapshot=snapshot,
                template_version=render.TEMPLATE_VERSION,
                content_hash=digest,
                requested_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
                **_source_fields(source),
            )
    except IntegrityError:
        # Another request created it between our read and write: use theirs.
        return RenderedDocument.objects.get(content_hash=digest)
    _send_render(document.pk)
    return document


def _send_render(document_id: int) -> None:
    """Queue the render after commit; with the broker down the document stays "pending" (the
    page says so) and ``documents_sweep`` sends it again."""
    from core.dispatch import dispatch

    from .tasks import render_document

    dispatch(render_document, document_id)


def documents_sweep(*, now) -> dict:
    """For ``core.dispatch.sweep``: send again the renders still pending after
    ``DISPATCH_PENDING_SECONDS`` (their task was never queued, or was lost), and start again
    those "running" without progress for ``RENDER_STUCK_SECONDS`` (their worker died)."""
    from datetime import timedelta

    from django.conf import settings

    from core.dispatch import pending_seconds, send

    from .tasks import render_document

    stuck_before = now - timedelta(seconds=int(getattr(settings, "RENDER_STUCK_SECONDS", 600)))
    restarted = RenderedDocument.objects.filter(status=RenderStatus.RUNNING, modified__lt=stuck_before).update(
        status=RenderStatus.PENDING, progress=0, modified=now - timedelta(days=1)
    )
    pending_before = now - timedelta(seconds=pending_seconds())
    ids = list(
        RenderedDocument.objects.filter(status=RenderStatus.PENDING, modified__lt=pending_before)
        .order_by("modified")
        .values_list("pk", flat=True)[:500]
    )
    sent = 0
    for document_id in ids:
        # Touch first: the next sweep waits another interval before sending it again.
        RenderedDocument.objects.filter(pk=document_id, status=RenderStatus.PENDING).update(modified=now)
        sent += send(render_document, document_id)
    if restarted or ids:
        logger.info("documents sweep: %s restarted, %s of %s pending sent", restarted, sent, len(ids))
    return {"restarted": restarted, "pending": len(ids), "sent": sent}


def render_pdf_bytes(snapshot: dict, *, progress=None):
    """Snapshot → PDF (``documents.pdf.RenderResult``)."""
    from .pdf import html_to_pdf

    html = render_to_string("documents/pdf/document.html", {"doc": snapshot})
    if progress:
        progress(30)
    return html_to_pdf(html, progress=progress)


SLOT_STYLES = {"number": (13, "400Regular"), "date": (13, "400Regular_Italic"), "annex_ref": (14, "400Regular_Italic")}


def slot_texts(snapshot: dict) -> dict:
    """{slot: (text, size, font)} of the number, date and annex reference of ``snapshot``."""
    texts = {"number": snapshot["number_line"], "date": snapshot["date_line"]}
    if snapshot.get("annex"):
        texts["annex_ref"] = snapshot["annex"]["reference"]
    return {name: (text, *SLOT_STYLES[name]) for name, text in texts.items()}


def _with_slots(pdf: bytes, snapshot: dict, boxes: dict) -> bytes:
    from .signing import add_slots

    specs = {}
    for name, (text, size, font) in slot_texts(snapshot).items():
        if name in boxes:
            specs[name] = {**boxes[name], "text": text, "size": size, "font": font}
    return add_slots(pdf, specs)


def render_xlsx_bytes(snapshot: dict, properties: dict | None = None) -> bytes:
    if snapshot["kind"] == render.KIND_PLAN:
        return excel.plan_workbook(snapshot, properties)
    return excel.report_workbook(snapshot, properties)


def _set_progress(document_id: int, value: int) -> None:
    RenderedDocument.objects.filter(pk=document_id).update(progress=value, modified=timezone.now())


def document_render(*, document_id: int) -> RenderedDocument:
    """Render one document (idempotent: a ready document is left alone)."""
    document = RenderedDocument.objects.get(pk=document_id)
    if document.is_ready:
        return document
    # Claim it: a copy of the task sent again by the sweep must not render it a second time.
    claimed = RenderedDocument.objects.filter(
        pk=document_id, status__in=(RenderStatus.PENDING, RenderStatus.FAILED)
    ).update(status=RenderStatus.RUNNING, progress=10, modified=timezone.now())
    if not claimed:
        document.refresh_from_db()
        return document
    started = time.perf_counter()
    try:
        if document.is_pdf:
            result = render_pdf_bytes(document.snapshot, progress=lambda v: _set_progress(document_id, v))
            data, pages, box = result.pdf, result.page_count, result.signature_box
            if document.snapshot.get("register_slots") and box is not None:
                data = _with_slots(data, document.snapshot, result.slots)
                box = {**box, "slots": result.slots}
        else:
            data, pages, box = render_xlsx_bytes(document.snapshot), 0, None
    except Exception as exc:  # the page must show a failure, not spin forever
        logger.exception("rendering document %s failed", document_id)
        RenderedDocument.objects.filter(pk=document_id).update(
            status=RenderStatus.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000], modified=timezone.now()
        )
        document.refresh_from_db()
        return document
    with transaction.atomic():
        document = RenderedDocument.objects.select_for_update().get(pk=document_id)
        document.file.save(document.filename, ContentFile(data), save=False)
        document.sha256 = hashlib.sha256(data).hexdigest()
        document.size = len(data)
        document.page_count = pages
        document.signature_box = box
        document.render_seconds = round(time.perf_counter() - started, 3)
        document.status = RenderStatus.READY
        document.progress = 100
        document.error = ""
        document.save()
    return document


# --------------------------------------------------------------------------- signing
#
# Trình ký and the two-step electronic signature (Decree 30, Điều 5, 15, 32–33):
#
#   drafter: signing_submit  → SUBMITTED (the exact PDF the leader will sign is rendered)
#   leader:  signing_leader_sign → LEADER_SIGNED (personal certificate, own name and title)
#            or signing_return   → RETURNED (with a reason; the drafter may send it again)
#   clerk:   signing_issue   → ISSUED (register number and date filled in, organisation's
#            certificate and seal; the SignedDocument every later download returns)
#
# Every step is one transaction that locks the plan or report row and then the request
# row (always in this order), so concurrent clicks give one winner and the others a clear
# message. Files reach the storage only after the checks and are removed if the
# transaction fails, so no orphan file is left behind.


def issuing_agency(source):
    return source.issuer if _is_plan(source) else source.agency


def _locked_source(source):
    """``source`` re-read under a row lock: concurrent steps on one document queue here."""
    return type(source).objects.select_for_update().get(pk=source.pk)


def _run_cleaning_files(fn, **kwargs):
    """Run ``fn(written=[...], **kwargs)`` in a transaction; delete the files it wrote if it fails."""
    written: list = []
    try:
        with transaction.atomic():
            return fn(written=written, **kwargs)
    except BaseException:
        for storage, name in written:
            try:
                storage.delete(name)
            except OSError:  # already gone, or the disk is the problem: the rows were rolled back anyway
                logger.warning("could not remove %s after a failed signature", name)
        raise


def _store(field, name: str, data: bytes, written: list) -> None:
    field.save(name, ContentFile(data), save=False)
    written.append((field.storage, field.name))


def already_signed_message(signed: SignedDocument) -> str:
    from .signing import human_time

    return _("This document was already signed by %(name)s at %(when)s; the signed file was not changed.") % {
        "name": signed.signer_display,
        "when": human_time(signed.signed_at),
    }


def open_signing_request(source) -> SigningRequest | None:
    field = "plan" if _is_plan(source) else "obligation"
    return (
        SigningRequest.objects.filter(**{field: source}, state__in=OPEN_SIGNING_STATES)
        .select_related("leader", "clerk", "rendered")
        .first()
    )


def organisation_certificate(agency) -> AgencyCertificate | None:
    return AgencyCertificate.objects.filter(agency=agency, active=True, holder__isnull=True).first()


def personal_certificate(user) -> AgencyCertificate | None:
    """The user's active personal certificate issued for the agency they belong to now.

    A certificate made out for another agency (the commune's key given to a provincial leader,
    or the key of a body the user's agency succeeded) is never used: staff of a successor read
    their predecessors' records but sign with their own agency's certificate (issue 12)."""
    if not getattr(user, "agency_id", None):
        return None
    return AgencyCertificate.objects.filter(holder=user, active=True, agency_id=user.agency_id).first()


def _check_signing_certificate(certificate, *, agency, holder=None) -> None:
    """The last check before a key signs: it belongs to ``agency`` (the issuing agency) and,
    for a personal signature, to ``holder``. Raises ``PermissionDenied`` otherwise; the
    lookups above never return such a certificate, so this guards against a future caller."""
    if certificate.agency_id != agency.pk or certificate.holder_id != (holder.pk if holder is not None else None):
        raise PermissionDenied
    if certificate.revoked_at is not None:
        from .signing import _revoked

        raise _revoked()


def can_submit(user, source) -> bool:
    """The issuing agency's planners (plans) or the reporting agency's reporters and planners."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    roles = (Role.PLANNER,) if _is_plan(source) else (Role.REPORTER, Role.PLANNER)
    return user.agency_id == issuing_agency(source).pk and any(user.has_role(r) for r in roles)


def signing_leaders(source):
    """The leaders who may sign for the issuing agency: its own leaders (they sign in its name)."""
    from directory.models import User

    return User.objects.filter(is_leader=True, is_active=True, agency=issuing_agency(source)).order_by("full_name")


def _state_refusal(source, *, plan: str, report: str) -> str | None:
    """What both signing in the portal and registering a file signed elsewhere require: a draft
    or issued plan (``plan`` otherwise), an approved report (``report``), not signed yet."""
    if _is_plan(source):
        if source.status not in ("draft", "issued"):
            return plan
    elif source.status != "approved":
        return report
    signed = signed_document_for(source)
    return already_signed_message(signed) if signed is not None else None


def sign_refusal(source, user=None) -> str | None:
    """Why ``source`` cannot be sent for signature now (None when it can)."""
    # A draft is issued by the clerk's step (number and date from the register); a plan issued
    # earlier with its own number is signed and entered with that number.
    refusal = _state_refusal(
        source,
        plan=_("Only a draft or an issued plan can be signed."),
        report=_("Only an approved report can be signed."),
    )
    if refusal:
        return refusal
    agency = issuing_agency(source)
    if organisation_certificate(agency) is None:
        return _("%(agency)s has no signing certificate. Ask an administrator to upload one.") % {"agency": agency.name}
    return None


def _document_number(snapshot: dict) -> str:
    """ "567/KH-LMHTX"; empty when the document has no number (yet)."""
    if not snapshot.get("number"):
        return ""
    return f"{int(snapshot['number']):02d}/{snapshot['symbol']}"


def _signature_png(user, certificate) -> bytes | None:
    from .signing import demo_image

    image = SignatureImage.objects.filter(user=user).first()
    if image is not None:
        return bytes(image.image)
    # Demo certificates sign with the demo signature image; a real one needs the leader's own.
    return demo_image("demo-signature.png") if certificate.is_demo else None


def _locked_request(request_id: int) -> tuple[SigningRequest, object]:
    """The request and its source, both locked (source first, as every step does)."""
    request = SigningRequest.objects.select_related("plan", "obligation").get(pk=request_id)
    source = _locked_source(request.source)
    request = SigningRequest.objects.select_for_update().get(pk=request_id)
    return request, source


def _state_message(request: SigningRequest) -> str:
    from .signing import human_time

    if request.state == SigningState.RETURNED:
        return _("This document was returned to the drafter on %(when)s.") % {"when": human_time(request.returned_at)}
    if request.state == SigningState.LEADER_SIGNED:
        return _("%(name)s already signed this document at %(when)s.") % {
            "name": request.leader,
            "when": human_time(request.leader_signed_at),
        }
    if request.state == SigningState.ISSUED:
        return _("This document was already issued as number %(number)s at %(when)s.") % {
            "number": request.signed_document.document_number if request.signed_document_id else "",
            "when": human_time(request.issued_at),
        }
    return _("This document is waiting for the leader's signature.")


def _snapshot_to_sign(source, leader) -> dict:
    snapshot = render.with_signer(snapshot_for(source), leader, issuing_agency(source))
    if not snapshot.get("number"):
        # Numbered by the register at the clerk's step: number and date become fillable slots.
        snapshot = render.for_register(snapshot)
    return snapshot


def _check_unchanged(request: SigningRequest, source) -> None:
    """The plan or report still says what the PDF sent for signature says."""
    current = render.content_hash(_snapshot_to_sign(source, request.leader), PDF)
    if current != request.rendered.content_hash:
        raise ValidationError(
            _("The document was changed after it was sent for signature. Return it and send it again."),
            code="changed",
        )


@transaction.atomic
def signing_submit(*, source, leader, acting_user, note: str = "") -> SigningRequest:
    """Trình ký: send ``source`` to ``leader``; the PDF they will sign is rendered now."""
    if not can_submit(acting_user, source):
        raise PermissionDenied
    source = _locked_source(source)
    refusal = sign_refusal(source, acting_user)
    if refusal:
        raise ValidationError(refusal, code="cannot_sign")
    current = open_signing_request(source)
    if current is not None:
        raise ValidationError(_state_message(current), code="already_submitted")
    agency = issuing_agency(source)
    if leader is None or not signing_leaders(source).filter(pk=leader.pk).exists():
        raise ValidationError(
            _("Choose a leader of %(agency)s to sign this document.") % {"agency": agency.name}, code="leader"
        )
    if personal_certificate(leader) is None:
        raise ValidationError(
            _("%(name)s has no personal signing certificate. Ask an administrator to add one.") % {"name": leader},
            code="no_personal_certificate",
        )
    snapshot = _snapshot_to_sign(source, leader)
    rendered = document_request(source=source, fmt=PDF, acting_user=acting_user, snapshot=snapshot)
    if not rendered.is_ready:
        rendered = document_render(document_id=rendered.pk)
    if not rendered.is_ready or not rendered.signature_box:
        raise ValidationError(_("The document could not be rendered; try again later."), code="render_failed")
    request = SigningRequest.objects.create(
        submitted_by=acting_user if acting_user.is_authenticated else None,
        note=note.strip(),
        leader=leader,
        rendered=rendered,
        **_source_fields(source),
    )
    audit(
        actor=acting_user,
        action="signing_submit",
        obj=source,
        summary=f"{snapshot['doc_type']} → {leader}",
        data={"request": request.pk, "sha256": rendered.sha256},
    )
    return request


def can_leader_sign(user, request: SigningRequest) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_role(Role.LEADER) and user.pk == request.leader_id)


def can_clerk_sign(user, request: SigningRequest) -> bool:
    """The issuing agency's văn thư; never the leader who signed (two different people)."""
    if not getattr(user, "is_authenticated", False) or not user.has_role(Role.CLERK):
        return False
    if user.pk == request.leader_id:
        return False
    return user.is_superuser or user.agency_id == issuing_agency(request.source).pk


def signing_leader_sign(
    *, request_id: int, acting_user, confirmed: bool, comment: str = "", expected_sha256: str = ""
) -> SigningRequest:
    """The leader's personal signature on the exact PDF they were shown (needs ``confirmed``)."""
    return _run_cleaning_files(
        _leader_sign,
        request_id=request_id,
        acting_user=acting_user,
        confirmed=confirmed,
        comment=comment,
        expected_sha256=expected_sha256,
    )


def _leader_sign(*, written, request_id, acting_user, confirmed, comment, expected_sha256):
    from . import signing

    request, source = _locked_request(request_id)
    if not can_leader_sign(acting_user, request):
        raise PermissionDenied
    if request.state != SigningState.SUBMITTED:
        raise ValidationError(_state_message(request), code="state")
    if not confirmed:
        raise ValidationError(
            _("Confirm that you have read the document before signing it."), code="not_confirmed"
        )
    agency = issuing_agency(source)
    if acting_user.agency_id != agency.pk:
        # The leader signs in the name of the agency they belong to, with its certificate:
        # a leader who moved elsewhere since the request was sent cannot sign it (issue 12).
        raise ValidationError(
            _("Only a leader of %(agency)s can sign this document; you belong to another agency.") % {"agency": agency.name},
            code="other_agency",
        )
    refusal = sign_refusal(source, acting_user)
    if refusal:
        raise ValidationError(refusal, code="cannot_sign")
    rendered = request.rendered
    _check_unchanged(request, source)
    if expected_sha256 and expected_sha256 != rendered.sha256:
        raise ValidationError(
            _("The document changed after you opened it. Open it again before signing."), code="changed"
        )
    certificate = personal_certificate(acting_user)
    if certificate is None and AgencyCertificate.objects.filter(holder=acting_user, revoked_at__isnull=False).exists():
        raise ValidationError(
            _("Your personal signing certificate was revoked. Ask an administrator for a new one."),
            code="certificate_revoked",
        )
    if certificate is None:
        raise ValidationError(
            _("You have no personal signing certificate. Ask an administrator to add one."),
            code="no_personal_certificate",
        )
    _check_signing_certificate(certificate, agency=agency, holder=acting_user)
    with rendered.file.open("rb") as fh:
        pdf = fh.read()
    if hashlib.sha256(pdf).hexdigest() != rendered.sha256:
        raise ValidationError(_("The stored document is damaged; send it for signature again."), code="damaged")
    snapshot = rendered.snapshot
    box = {k: v for k, v in rendered.signature_box.items() if k != "slots"}
    signed_pdf, when = signing.sign_pdf(
        pdf,
        certificate=certificate,
        box=box,
        agency_name=snapshot["issuer"]["name"],
        signer_name=snapshot["signer"]["name"],
        reason=f"{snapshot['doc_type']} {_document_number(snapshot)}".strip(),
        location=snapshot["place"],
        signature_png=_signature_png(acting_user, certificate),
        seal_png=None,
        field_name="LeaderSignature",
        stamp_text="%(name)s\nThời gian ký: %(when)s",
        text_align="right",  # clear of the seal's text, which the clerk's step puts on the left
    )
    sha = hashlib.sha256(signed_pdf).hexdigest()
    _store(request.leader_pdf, f"lanh-dao-ky-{sha[:16]}.pdf", signed_pdf, written)
    request.leader_pdf_sha256 = sha
    request.leader_signed_at = when
    request.leader_comment = comment.strip()
    request.leader_certificate = certificate
    request.state = SigningState.LEADER_SIGNED
    request.save()
    audit(
        actor=acting_user,
        action="signing_leader_sign",
        obj=source,
        summary=f"{snapshot['doc_type']}",
        data={"request": request.pk, "sha256": sha, "certificate": certificate.fingerprint},
    )
    return request


@transaction.atomic
def signing_return(*, request_id: int, acting_user, reason: str) -> SigningRequest:
    """The leader sends the document back to the drafter with a reason."""
    request, source = _locked_request(request_id)
    if not can_leader_sign(acting_user, request):
        raise PermissionDenied
    if request.state != SigningState.SUBMITTED:
        raise ValidationError(_state_message(request), code="state")
    if not reason.strip():
        raise ValidationError(_("Give a reason for returning the document."), code="reason")
    request.state = SigningState.RETURNED
    request.return_reason = reason.strip()
    request.returned_at = timezone.now()
    request.save()
    audit(actor=acting_user, action="signing_return", obj=source, summary=reason.strip()[:200],
          data={"request": request.pk})
    return request


def _register_for(agency, year: int) -> DocumentRegister:
    """The agency's register for ``year``, created if needed, locked."""
    if not DocumentRegister.objects.filter(agency=agency, year=year).exists():
        try:
            with transaction.atomic():
                DocumentRegister.objects.create(agency=agency, year=year)
        except IntegrityError:
            pass  # created concurrently: use that one
    return DocumentRegister.objects.select_for_update().get(agency=agency, year=year)


def register_assign(*, agency, day, symbol: str, source, acting_user) -> RegisterEntry:
    """The next number of the agency's register for ``day``'s year (call inside a transaction).

    The register row is locked, so concurrent issues queue; a rollback gives the number
    back, so the sequence has no gaps. Numbers already recorded (documents issued outside
    the portal) are skipped.
    """
    register = _register_for(agency, day.year)
    number = register.last_number + 1
    taken = set(register.entries.filter(number__gte=number).values_list("number", flat=True))
    while number in taken:
        number += 1
    register.last_number = number
    register.save(update_fields=["last_number"])
    return RegisterEntry.objects.create(
        register=register, number=number, symbol=symbol, issued_on=day, entered_by=acting_user, **_source_fields(source)
    )


def register_refusal(*, agency, number, day, exclude=None) -> str | None:
    """Why a document's own number and date cannot be entered (None when they can)."""
    if day is not None and day > timezone.localdate():
        return _("The issue date %(date)s is in the future.") % {"date": day.strftime("%d/%m/%Y")}
    if not number or day is None:
        return None
    clash = RegisterEntry.objects.filter(register__agency=agency, register__year=day.year, number=number)
    if exclude is not None:
        clash = clash.exclude(**_source_fields(exclude))
    clash = clash.first()
    if clash is not None:
        return _("Number %(number)s is already used in the %(year)s register of %(agency)s (%(reference)s).") % {
            "number": f"{int(number):02d}",
            "year": day.year,
            "agency": agency.name,
            "reference": clash.reference,
        }
    return None


def register_record(*, agency, number: int, symbol: str, day, source, acting_user) -> RegisterEntry:
    """Enter a document that keeps its own number (imported or historical) in the register."""
    refusal = register_refusal(agency=agency, number=number, day=day, exclude=source)
    if refusal:
        raise ValidationError(refusal, code="register")
    register = _register_for(agency, day.year)
    # Again under the register's lock: an entry of the same number made concurrently was
    # committed while we waited (without this, the second ended in an IntegrityError).
    refusal = register_refusal(agency=agency, number=number, day=day, exclude=source)
    if refusal:
        raise ValidationError(refusal, code="register")
    field = "plan" if _is_plan(source) else "obligation"
    existing = register.entries.filter(**{field: source}).first()
    if existing is not None:
        return existing
    return RegisterEntry.objects.create(
        register=register,
        number=number,
        symbol=symbol,
        issued_on=day,
        origin=RegisterEntry.Origin.RECORDED,
        entered_by=acting_user,
        **_source_fields(source),
    )


def signing_issue(*, request_id: int, acting_user) -> SignedDocument:
    """The clerk's step: register number and date, the organisation's signature and seal."""
    return _run_cleaning_files(_issue, request_id=request_id, acting_user=acting_user)


def _issue(*, written, request_id, acting_user):
    from datetime import date

    from . import signing

    request, source = _locked_request(request_id)
    if not can_clerk_sign(acting_user, request):
        raise PermissionDenied
    if request.state != SigningState.LEADER_SIGNED:
        raise ValidationError(_state_message(request), code="state")
    existing = signed_document_for(source)
    if existing is not None:
        raise ValidationError(already_signed_message(existing), code="already_signed")
    agency = issuing_agency(source)
    certificate = organisation_certificate(agency)
    if certificate is None:
        raise ValidationError(
            _("%(agency)s has no signing certificate. Ask an administrator to upload one.") % {"agency": agency.name},
            code="no_certificate",
        )
    _check_signing_certificate(certificate, agency=agency)
    _check_unchanged(request, source)
    with request.leader_pdf.open("rb") as fh:
        pdf = fh.read()
    if hashlib.sha256(pdf).hexdigest() != request.leader_pdf_sha256:
        raise ValidationError(_("The stored document is damaged; send it for signature again."), code="damaged")
    now = timezone.now()
    today = timezone.localtime(now).date()
    snapshot = request.rendered.snapshot
    fill = None
    if snapshot.get("register_slots"):
        entry = register_assign(agency=agency, day=today, symbol=snapshot["symbol"], source=source,
                                acting_user=acting_user)
        snapshot = render.with_register(snapshot, number=entry.number, day=today)
        slots = request.rendered.signature_box.get("slots", {})
        fill = {name: spec for name, spec in slot_texts(snapshot).items() if name in slots}
    else:
        day = date.fromisoformat(snapshot["date"]) if snapshot.get("date") else today
        entry = register_record(agency=agency, number=int(snapshot["number"]), symbol=snapshot["symbol"], day=day,
                                source=source, acting_user=acting_user)
    number = entry.reference
    leader_box = {k: v for k, v in request.rendered.signature_box.items() if k != "slots"}
    signed_pdf, when = signing.sign_pdf(
        pdf,
        certificate=certificate,
        box=signing.seal_box(leader_box),
        agency_name=snapshot["issuer"]["name"],
        signer_name=snapshot["issuer"]["name"],
        reason=f"{snapshot['doc_type']} {number}",
        location=snapshot["place"],
        signature_png=None,
        seal_png=bytes(certificate.seal_image) if certificate.seal_image else None,
        when=now,
        field_name="OrganisationSignature",
        stamp_text="%(agency)s\n%(when)s",
        fill=fill,
    )
    pdf_sha = hashlib.sha256(signed_pdf).hexdigest()
    workbook = p7s = None
    if not _is_plan(source):
        workbook = render_xlsx_bytes(
            snapshot,
            properties={
                "DocumentNumber": number,
                "SignedPdfSha256": pdf_sha,
                "SignedAt": signing.iso_vn(when),
                "Issuer": snapshot["issuer"]["name"],
            },
        )
        p7s = signing.sign_detached(workbook, certificate=certificate)
    signed = SignedDocument(
        rendered=request.rendered,
        certificate=certificate,
        signed_by=request.leader,
        signed_at=when,
        document_number=number,
        snapshot=snapshot,
        sha256=pdf_sha,
        size=len(signed_pdf),
        **_source_fields(source),
    )
    stem = "ke-hoach" if _is_plan(source) else "bao-cao"
    _store(signed.file, f"{stem}-{pdf_sha[:16]}.pdf", signed_pdf, written)
    if workbook is not None:
        _store(signed.xlsx_file, f"bao-cao-{pdf_sha[:16]}.xlsx", workbook, written)
        signed.xlsx_sha256 = hashlib.sha256(workbook).hexdigest()
        _store(signed.p7s_file, f"bao-cao-{pdf_sha[:16]}.xlsx.p7s", p7s, written)
    signed.save()
    if snapshot.get("register_slots"):
        # The plan or report now carries the number and date it was issued with.
        if _is_plan(source):
            from plans.services import plan_issue

            plan_issue(
                plan=source, acting_user=acting_user, number=entry.number, issue_date=entry.issued_on,
                registered_by_clerk=True,  # the clerk registers what the issuer's planner sent (checked above)
            )
        else:
            type(source).objects.filter(pk=source.pk).update(number=entry.number)
    request.state = SigningState.ISSUED
    request.clerk = acting_user
    request.issued_at = when
    request.signed_document = signed
    request.save()
    audit(
        actor=acting_user,
        action="signing_issue",
        obj=source,
        summary=f"{snapshot['doc_type']} {number}",
        data={"request": request.pk, "sha256": pdf_sha, "certificate": certificate.fingerprint, "number": number},
    )
    return signed


@transaction.atomic
def certificate_upload(
    *, agency, pkcs12_bytes: bytes, passphrase: str, seal_png: bytes | None, acting_user, store_passphrase: bool = True
):
    """Store an agency's PKCS#12 (checked by opening it); deactivate its previous certificate."""
    from .keys import certificate_fields, encrypt_secret, load_pkcs12

    _key, cert, _extra = load_pkcs12(pkcs12_bytes, passphrase.encode() if passphrase else None)
    AgencyCertificate.objects.filter(agency=agency, active=True, holder__isnull=True).update(active=False)
    certificate = AgencyCertificate(
        agency=agency,
        pkcs12=pkcs12_bytes,
        passphrase_encrypted=encrypt_secret(passphrase) if (passphrase and store_passphrase) else "",
        seal_image=seal_png,
        active=True,
        **certificate_fields(cert),
    )
    certificate.full_clean(exclude=["pkcs12", "seal_image"])
    certificate.save()
    audit(actor=acting_user, action="certificate_upload", obj=certificate, summary=certificate.subject)
    return certificate


# --------------------------------------------------------------------------- signed elsewhere
#
# A document signed outside the portal (the leader's USB token and the vendor's signing tool,
# or a file that came back signed on paper-less channels) is uploaded by the issuing agency's
# clerk: the upload is checked (core.uploads), its signatures verified against the trusted CAs
# (documents.verify: only a green verdict is accepted), and the document is entered in the
# agency's register with its own number and date (register_record: a duplicate number or a
# future date is refused). The file is stored privately as the plan's or report's
# SignedDocument, so every later download returns it, like a document signed in the portal.

EXTERNAL_MAX_BYTES = 30 * 1024 * 1024


def can_register_external(user, source) -> bool:
    """The issuing agency's văn thư (or an administrator)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return user.has_role(Role.CLERK) and user.agency_id == issuing_agency(source).pk


def external_refusal(source) -> str | None:
    """Why a file signed elsewhere cannot be registered for ``source`` now (None when it can)."""
    refusal = _state_refusal(
        source,
        plan=_("Only a draft or an issued plan can be registered."),
        report=_("Only an approved report can be registered."),
    )
    if refusal:
        return refusal
    pending = open_signing_request(source)
    if pending is not None:
        return _(
            "This document is being signed in the portal (%(state)s). Finish or return that request first."
        ) % {"state": pending.get_state_display()}
    return None


def external_defaults(source) -> dict:
    """Number, symbol and date the registration form starts with (the document's own, if any)."""
    day = getattr(source, "issue_date", None)
    return {"number": source.number, "symbol": source.symbol or snapshot_for(source)["symbol"], "issue_date": day}


def _verdict_message(report) -> str:
    from .verify import AMBER

    if report.verdict == AMBER:
        return _("Something was added to the file after its last signature (%(what)s).") % {
            "what": "; ".join(report.later_additions)
        }
    problems = [problem for sig in report.signatures for problem in sig.problems]
    return "; ".join(dict.fromkeys(str(p) for p in problems)) or _("no valid signature")


def register_external(
    *, source, upload, number: int, symbol: str, day, acting_user
) -> SignedDocument:
    """Check, verify and register a PDF signed outside the portal for ``source`` (see above)."""
    return _run_cleaning_files(
        _register_external, source=source, upload=upload, number=number, symbol=symbol, day=day, acting_user=acting_user
    )


def _register_external(*, written, source, upload, number, symbol, day, acting_user):
    from core.uploads import check_upload

    from .verify import GREEN, VerificationError, verify_pdf

    source = _locked_source(source)
    if not can_register_external(acting_user, source):
        raise PermissionDenied
    refusal = external_refusal(source)
    if refusal:
        raise ValidationError(refusal, code="cannot_register")
    symbol = (symbol or "").strip()
    if not symbol:
        raise ValidationError({"symbol": ValidationError(_("Enter the document's symbol (e.g. KH-UBND)."), code="symbol")})
    if _is_plan(source) and source.status == "issued" and (
        source.number != number or source.issue_date != day or (source.symbol and source.symbol != symbol)
    ):
        raise ValidationError(
            _("This plan was issued as number %(number)s on %(date)s; the signed file must carry that number and date.")
            % {"number": f"{source.number:02d}/{source.symbol}", "date": source.issue_date.strftime("%d/%m/%Y")},
            code="issued_number",
        )
    check_upload(upload, allowed=("pdf",), max_bytes=EXTERNAL_MAX_BYTES)
    upload.seek(0)
    data = upload.read()
    try:
        report = verify_pdf(data)
    except VerificationError as exc:
        raise ValidationError(str(exc), code="unverifiable") from exc
    if report.verdict != GREEN:
        raise ValidationError(
            _("The file was not registered: its signatures do not pass verification (%(why)s).")
            % {"why": _verdict_message(report)},
            code="not_valid",
        )
    if report.portal_document is not None:
        raise ValidationError(already_signed_message(report.portal_document), code="already_registered")
    agency = issuing_agency(source)
    if _is_plan(source):
        if source.symbol != symbol:
            type(source).objects.filter(pk=source.pk).update(symbol=symbol)
            source.symbol = symbol
        if source.status == "draft":
            from plans.services import plan_issue

            # The issuing agency's văn thư registers the plan its leader signed elsewhere
            # (can_register_external above); the clerk is not a planner (issue 12).
            plan_issue(plan=source, acting_user=acting_user, number=number, issue_date=day, registered_by_clerk=True)
    else:
        type(source).objects.filter(pk=source.pk).update(number=number, symbol=symbol)
    source.refresh_from_db()
    entry = register_record(agency=agency, number=number, symbol=symbol, day=day, source=source, acting_user=acting_user)
    if entry.number != number or entry.issued_on != day:
        raise ValidationError(
            _("This document is already in the register as %(reference)s.") % {"reference": entry.reference},
            code="registered_otherwise",
        )
    sha = report.sha256
    last = report.signatures[-1]
    signed_at = last.timestamp_time or last.signing_time or timezone.now()
    signers = list(dict.fromkeys(s.signer for s in report.signatures if s.signer))
    snapshot = render.with_register({**snapshot_for(source), "symbol": symbol}, number=number, day=day)
    snapshot["external"] = {
        "signers": [
            {
                "name": s.signer,
                "organisation": s.signer_organisation,
                "issuer": s.issuer,
                "signing_time": s.signing_time.isoformat() if s.signing_time else None,
                "timestamp": s.timestamp_time.isoformat() if s.timestamp_time else None,
            }
            for s in report.signatures
        ],
        "uploaded_name": str(getattr(upload, "name", ""))[:200],
    }
    signed = SignedDocument(
        origin=SignedDocument.Origin.EXTERNAL,
        certificate=None,
        signed_by=None,
        signer_names="; ".join(signers)[:500],
        registered_by=acting_user if acting_user.is_authenticated else None,
        signed_at=signed_at,
        document_number=entry.reference,
        snapshot=snapshot,
        sha256=sha,
        size=len(data),
        **_source_fields(source),
    )
    stem = "ke-hoach" if _is_plan(source) else "bao-cao"
    _store(signed.file, f"{stem}-ky-ngoai-{sha[:16]}.pdf", data, written)
    signed.save()
    audit(
        actor=acting_user,
        action="signing_register_external",
        obj=source,
        summary=f"{snapshot['doc_type']} {entry.reference}",
        data={"sha256": sha, "number": entry.reference, "signers": signers},
    )
    return signed
