"""Rendering, caching and signing of official documents (every write goes through here).

* ``document_request`` — snapshot the plan/report, hash it, and return the existing
  ``RenderedDocument`` for that content or create one and send the render task after
  commit. The same content is never rendered twice.
* ``document_render`` — the task's work: HTML → PDF (or the workbook), file + SHA-256.
* ``document_sign`` — a leader signs an issued plan or an approved report: PAdES on the
  PDF; for a report also a detached CAdES on its workbook. Stored once, immutably.
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
from .models import AgencyCertificate, DocumentKind, RenderedDocument, RenderStatus, SignatureImage, SignedDocument

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
    from .tasks import render_document

    transaction.on_commit(lambda: render_document.delay(document_id))


def render_pdf_bytes(snapshot: dict, *, progress=None):
    """Snapshot → PDF (``documents.pdf.RenderResult``)."""
    from .pdf import html_to_pdf

    html = render_to_string("documents/pdf/document.html", {"doc": snapshot})
    if progress:
        progress(30)
    return html_to_pdf(html, progress=progress)


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
    RenderedDocument.objects.filter(pk=document_id).update(
        status=RenderStatus.RUNNING, progress=10, modified=timezone.now()
    )
    started = time.perf_counter()
    try:
        if document.is_pdf:
            result = render_pdf_bytes(document.snapshot, progress=lambda v: _set_progress(document_id, v))
            data, pages, box = result.pdf, result.page_count, result.signature_box
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


def can_sign(user, source) -> bool:
    """A leader (or admin) whose area contains the plan's issuer or the report's agency."""
    from directory.models import AdministrativeUnit
    from directory.selectors import unit_area_q

    if not user.is_authenticated or not user.has_role(Role.LEADER):
        return False
    if user.is_superuser:
        return True
    if not user.agency_id:
        return False
    unit_id = source.issuer.unit_id if _is_plan(source) else source.agency.unit_id
    return AdministrativeUnit.objects.filter(unit_area_q(user.agency.unit), pk=unit_id).exists()


def sign_refusal(source, user=None) -> str | None:
    """Why ``source`` cannot be signed now (None when it can)."""
    if _is_plan(source):
        if source.status != "issued":
            return _("Only an issued plan can be signed.")
        designated = source.signer_user_id
        if user is not None and designated and designated != user.pk and not user.is_superuser:
            return _("This plan is to be signed by %(name)s.") % {"name": source.signer_user}
    elif source.status != "approved":
        return _("Only an approved report can be signed.")
    agency = source.issuer if _is_plan(source) else source.agency
    if not AgencyCertificate.objects.filter(agency=agency, active=True).exists():
        return _("%(agency)s has no signing certificate. Ask an administrator to upload one.") % {"agency": agency.name}
    return None


def _document_number(snapshot: dict) -> str:
    """"567/KH-LMHTX"; empty when the document has no number (the report left it blank)."""
    if not snapshot.get("number"):
        return ""
    return snapshot["number_line"].replace("Số:", "").replace("\u00a0", "").strip()


def _signature_png(user, certificate) -> bytes | None:
    from .signing import demo_image

    image = SignatureImage.objects.filter(user=user).first()
    if image is not None:
        return bytes(image.image)
    # Demo certificates sign with the demo signature image; a real one needs the leader's own.
    return demo_image("demo-signature.png") if certificate.is_demo else None


def _locked_source(source):
    """``source`` re-read under a row lock: concurrent signatures of one document queue here."""
    return type(source).objects.select_for_update().get(pk=source.pk)


def already_signed_message(signed: SignedDocument) -> str:
    from .signing import human_time

    return _(
        "This document was already signed by %(name)s at %(when)s; the signed file was not changed."
    ) % {"name": signed.signed_by or signed.certificate.agency, "when": human_time(signed.signed_at)}


def document_sign(*, source, acting_user) -> SignedDocument:
    """Sign an issued plan / approved report with its agency's certificate.

    Exactly one signature per document, also under concurrent requests: the plan or report
    row is locked first, so a second request waits for the first to commit and is then
    refused (``ValidationError`` code ``already_signed``) without signing anything. Signed
    files reach the storage only after the checks passed, and are deleted again if the
    transaction does not complete, so no orphan file is ever left behind.
    """
    written: list = []
    try:
        with transaction.atomic():
            return _document_sign_locked(source=source, acting_user=acting_user, written=written)
    except BaseException:
        for storage, name in written:
            try:
                storage.delete(name)
            except OSError:  # already gone, or the disk is the problem: the row was rolled back anyway
                logger.warning("could not remove %s after a failed signature", name)
        raise


def _store(field, name: str, data: bytes, written: list) -> None:
    field.save(name, ContentFile(data), save=False)
    written.append((field.storage, field.name))


def _document_sign_locked(*, source, acting_user, written: list) -> SignedDocument:
    from . import signing

    if not can_sign(acting_user, source):
        raise PermissionDenied
    source = _locked_source(source)
    existing = signed_document_for(source)
    if existing is not None:
        raise ValidationError(already_signed_message(existing), code="already_signed")
    refusal = sign_refusal(source, acting_user)
    if refusal:
        raise ValidationError(refusal, code="cannot_sign")
    agency = source.issuer if _is_plan(source) else source.agency
    certificate = AgencyCertificate.objects.get(agency=agency, active=True)

    snapshot = render.with_signer(snapshot_for(source), acting_user)
    # Reuse the rendered file when this exact content was rendered before (same hash).
    rendered = document_request(source=source, fmt=PDF, acting_user=acting_user, snapshot=snapshot)
    if not rendered.is_ready:
        rendered = document_render(document_id=rendered.pk)
    if not rendered.is_ready:
        raise ValidationError(_("The document could not be rendered; try again later."), code="render_failed")
    with rendered.file.open("rb") as fh:
        pdf = fh.read()
    box = rendered.signature_box
    if not box:
        raise ValidationError(_("The signature position could not be found in the document."), code="no_box")
    now = timezone.now()
    signed_pdf, when = signing.sign_pdf(
        pdf,
        certificate=certificate,
        box=box,
        agency_name=snapshot["issuer"]["name"],
        signer_name=snapshot["signer"]["name"],
        reason=f"{snapshot['doc_type']} {_document_number(snapshot)}".strip(),
        location=snapshot["place"],
        signature_png=_signature_png(acting_user, certificate),
        seal_png=bytes(certificate.seal_image) if certificate.seal_image else None,
        when=now,
    )
    pdf_sha = hashlib.sha256(signed_pdf).hexdigest()
    number = _document_number(snapshot)
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
    # Everything is computed; only now do files reach the storage (removed again on rollback).
    signed = SignedDocument(
        rendered=rendered,
        certificate=certificate,
        signed_by=acting_user,
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
    audit(
        actor=acting_user,
        action="document_sign",
        obj=source,
        summary=f"{snapshot['doc_type']} {number}",
        data={"sha256": pdf_sha, "certificate": certificate.fingerprint},
    )
    return signed


@transaction.atomic
def certificate_upload(
    *, agency, pkcs12_bytes: bytes, passphrase: str, seal_png: bytes | None, acting_user, store_passphrase: bool = True
):
    """Store an agency's PKCS#12 (checked by opening it); deactivate its previous certificate."""
    from .keys import certificate_fields, encrypt_secret, load_pkcs12

    _key, cert, _extra = load_pkcs12(pkcs12_bytes, passphrase.encode() if passphrase else None)
    AgencyCertificate.objects.filter(agency=agency, active=True).update(active=False)
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
