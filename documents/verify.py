"""Verification of uploaded PDFs and of workbook + detached signature (.p7s) pairs.

For each PDF signature pyHanko reports: the cryptographic integrity (the signed bytes
were not changed), trust (the chain ends at a CA the portal trusts: the demo CA and any
CA certificate an admin uploaded), who signed and when, and what happened after signing
(the coverage of the signed revision and the modification analysis of later incremental
updates). The upload's SHA-256 is looked up among the documents the portal issued.
Network fetching (OCSP/CRL) is off: the check must work offline and fast.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import RenderedDocument, SignedDocument
from .pki import trusted_roots


class VerificationError(Exception):
    """A bad upload; the message is shown to the user as is."""


@dataclass
class SignatureReport:
    field_name: str
    signer: str
    signer_organisation: str
    signing_time: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    covers_whole_file: bool
    modified_after_signing: bool
    modification_level: str
    summary: str
    issuer: str = ""


@dataclass
class VerificationReport:
    kind: str  # "pdf" or "xlsx"
    sha256: str
    signatures: list[SignatureReport] = field(default_factory=list)
    portal_document: SignedDocument | None = None
    portal_rendered: RenderedDocument | None = None
    workbook_matches_signed: bool = False

    @property
    def all_valid(self) -> bool:
        return bool(self.signatures) and all(
            s.intact and s.valid and s.trusted and not s.modified_after_signing for s in self.signatures
        )


def _validation_context():
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=trusted_roots(), allow_fetching=False, revocation_mode="soft-fail")


def _name(cert) -> tuple[str, str]:
    subject = cert.subject.native
    return subject.get("common_name", "") or cert.subject.human_friendly, subject.get("organization_name", "") or ""


def _local(moment):
    if moment is None:
        return None
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def verify_pdf(data: bytes) -> VerificationReport:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError

    if not data.startswith(b"%PDF"):
        raise VerificationError(_("The file is not a PDF document."))
    report = VerificationReport(kind="pdf", sha256=hashlib.sha256(data).hexdigest())
    _match(report)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError) as exc:
        raise VerificationError(
            _("The PDF file is damaged and cannot be read (%(error)s).") % {"error": str(exc)[:200]}
        )
    if not embedded:
        raise VerificationError(_("The PDF file has no digital signature."))
    context = _validation_context()
    for sig in embedded:
        try:
            status = validate_pdf_signature(sig, context)
        except (
            SignatureValidationError,
            PdfReadError,
            ValueError,
            KeyError,
            TypeError,
            IndexError,
            AttributeError,
        ) as exc:
            report.signatures.append(
                SignatureReport(
                    field_name=str(sig.field_name),
                    signer="",
                    signer_organisation="",
                    signing_time=None,
                    intact=False,
                    valid=False,
                    trusted=False,
                    covers_whole_file=False,
                    modified_after_signing=True,
                    modification_level="",
                    summary=_("The signature cannot be checked: %(error)s") % {"error": str(exc)[:200]},
                )
            )
            continue
        cert = status.signing_cert
        name, org = _name(cert) if cert is not None else ("", "")
        level = getattr(status, "modification_level", None)
        coverage = getattr(status, "coverage", None)
        covers_whole = coverage is not None and coverage.name == "ENTIRE_FILE"
        modified = not covers_whole and (
            level is None or level not in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES)
        )
        report.signatures.append(
            SignatureReport(
                field_name=str(sig.field_name),
                signer=name,
                signer_organisation=org,
                signing_time=_local(status.signer_reported_dt),
                intact=bool(status.intact),
                valid=bool(status.valid),
                trusted=bool(status.trusted),
                covers_whole_file=covers_whole,
                modified_after_signing=modified or not status.intact,
                modification_level=level.name if level is not None else "",
                summary=status.summary(),
                issuer=cert.issuer.human_friendly if cert is not None else "",
            )
        )
    return report


def verify_workbook(xlsx: bytes, p7s: bytes) -> VerificationReport:
    """Check a detached CAdES signature (.p7s) over a workbook."""
    from asn1crypto import cms
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms

    if not xlsx.startswith(b"PK"):
        raise VerificationError(_("The workbook is not an .xlsx file."))
    try:
        content_info = cms.ContentInfo.load(p7s)
        signed_data = content_info["content"]
        signed_data.native  # noqa: B018 - force parsing: a damaged file fails here, not later
    except (ValueError, TypeError, KeyError):
        raise VerificationError(_("The signature file (.p7s) is damaged or not a CMS signature."))
    report = VerificationReport(kind="xlsx", sha256=hashlib.sha256(xlsx).hexdigest())
    status = asyncio.run(
        async_validate_detached_cms(xlsx, signed_data, signer_validation_context=_validation_context())
    )
    cert = status.signing_cert
    name, org = _name(cert) if cert is not None else ("", "")
    report.signatures.append(
        SignatureReport(
            field_name="p7s",
            signer=name,
            signer_organisation=org,
            signing_time=_local(status.signer_reported_dt),
            intact=bool(status.intact),
            valid=bool(status.valid),
            trusted=bool(status.trusted),
            covers_whole_file=bool(status.intact),
            modified_after_signing=not status.intact,
            modification_level="",
            summary=status.summary(),
            issuer=cert.issuer.human_friendly if cert is not None else "",
        )
    )
    report.portal_document = SignedDocument.objects.filter(xlsx_sha256=report.sha256).first()
    report.workbook_matches_signed = report.portal_document is not None
    return report


def _match(report: VerificationReport) -> None:
    report.portal_document = SignedDocument.objects.filter(sha256=report.sha256).select_related("signed_by").first()
    if report.portal_document is None:
        report.portal_rendered = RenderedDocument.objects.filter(sha256=report.sha256).first()
