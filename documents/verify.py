"""Verification of uploaded PDFs and of workbook + detached signature (.p7s) pairs.

For each PDF signature pyHanko reports: the cryptographic integrity (the signed bytes
were not changed), trust (the chain ends at a CA the portal trusts: the demo CA and any
CA certificate an admin uploaded), who signed and when, and what happened after signing
(the coverage of the signed revision and the modification analysis of later incremental
updates). The upload's SHA-256 is looked up among the documents the portal issued.
Network fetching (OCSP/CRL) is off: the check must work offline and fast; revocation is
checked against the CRLs the portal generates itself (its demo CA's, ``pki.current_crls``).
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
from .pki import current_crls, trusted_roots


class VerificationError(Exception):
    """A bad upload; the message is shown to the user as is."""


GREEN, AMBER, RED = "green", "amber", "red"

# What a later revision added, in words a clerk understands (pyHanko's modification levels).
ADDITIONS = {
    "LTA_UPDATES": _("validation data or a timestamp"),
    "FORM_FILLING": _("form fields filled in or further signatures"),
    "ANNOTATIONS": _("comments or annotations"),
}


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
    #: The chain ends at a trusted CA (judged even when the signed bytes were altered).
    issuer_trusted: bool = False
    revoked: bool = False
    #: When the certificate was revoked (from the CRL), in Vietnam time.
    revoked_at: datetime | None = None
    expired: bool = False
    #: The RFC 3161 signature timestamp (the time a TSA vouched for), when the signature has one.
    timestamp_time: datetime | None = None
    #: The token is intact and issued by a TSA whose certificate chains to a trusted CA.
    timestamp_valid: bool = False
    timestamp_authority: str = ""

    @property
    def signed_before_revocation(self) -> bool:
        """The signature is older than the revocation (by the TSA's time when there is one)."""
        moment = self.timestamp_time if self.timestamp_valid else self.signing_time
        return bool(self.revoked_at and moment and moment < self.revoked_at)

    @property
    def revocation_text(self) -> str:
        if self.revoked_at is None:
            return _("the certificate was revoked")
        when = timezone.localtime(self.revoked_at).strftime("%d/%m/%Y %H:%M")
        if self.signed_before_revocation:
            return _(
                "the certificate was revoked on %(when)s, after this signature was made; the signature "
                "no longer counts as valid (ask the signer's agency whether the document still stands)"
            ) % {"when": when}
        return _("the certificate was revoked on %(when)s") % {"when": when}

    @property
    def problems(self) -> list[str]:
        """Why this signature is red: altered, unknown issuer, expired, revoked."""
        found = []
        if not (self.intact and self.valid):
            found.append(_("the signed content was altered or the signature is broken"))
        if self.modified_after_signing:
            found.append(_("the file was changed after signing in a way that is not permitted"))
        if self.revoked:
            found.append(self.revocation_text)
        elif self.expired:
            found.append(_("the certificate had expired or was not yet valid"))
        elif not self.issuer_trusted:
            found.append(_("the certificate was issued by an unknown or untrusted authority"))
        if self.timestamp_time is not None and not self.timestamp_valid:
            found.append(_("the timestamp is invalid or comes from an untrusted timestamp authority"))
        return found


@dataclass
class VerificationReport:
    kind: str  # "pdf" or "xlsx"
    sha256: str
    signatures: list[SignatureReport] = field(default_factory=list)
    portal_document: SignedDocument | None = None
    portal_rendered: RenderedDocument | None = None
    workbook_matches_signed: bool = False
    #: Additions after the last signature (amber): what they were.
    later_additions: list[str] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        """green: valid and unchanged; amber: valid, with permitted additions after the last
        signature; red: altered or untrusted (each signature says why)."""
        if not self.signatures or any(s.problems for s in self.signatures):
            return RED
        return AMBER if self.later_additions else GREEN

    @property
    def all_valid(self) -> bool:
        return self.verdict == GREEN


def _validation_context():
    """The trusted CAs and the CRLs the portal publishes (its demo CA's); nothing is fetched.
    Soft-fail: a certificate whose CA publishes no CRL here is not held against it, but one a
    CRL lists is revoked."""
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(
        trust_roots=trusted_roots(), crls=current_crls(), allow_fetching=False, revocation_mode="soft-fail"
    )


def _name(cert) -> tuple[str, str]:
    subject = cert.subject.native
    return subject.get("common_name", "") or cert.subject.human_friendly, subject.get("organization_name", "") or ""


def _revoked_at(status):
    details = getattr(status, "revocation_details", None)
    return _local(details.revocation_date) if details is not None else None


def _timestamp_fields(status) -> dict:
    """The signature timestamp's time, validity and authority (empty when there is none)."""
    ts = getattr(status, "timestamp_validity", None)
    if ts is None:
        return {}
    tsa_cert = getattr(ts, "signing_cert", None)
    return {
        "timestamp_time": _local(ts.timestamp),
        "timestamp_valid": bool(ts.intact and ts.valid and ts.trusted),
        "timestamp_authority": _name(tsa_cert)[0] if tsa_cert is not None else "",
    }


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
        embedded = sorted(reader.embedded_signatures, key=lambda s: s.signed_revision)
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
        # Later revisions may fill in form fields and add signatures (the clerk's step does);
        # anything beyond that (page content, annotations pyHanko cannot vouch for) is a change.
        permitted = (
            ModificationLevel.NONE,
            ModificationLevel.LTA_UPDATES,
            ModificationLevel.FORM_FILLING,
        )
        modified = not covers_whole and (level is None or level not in permitted or status.docmdp_ok is False)
        indic = getattr(status, "trust_problem_indic", None)
        indic_name = getattr(indic, "name", "") or ""
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
                issuer_trusted=indic is None and status.validation_path is not None,
                revoked=bool(status.revoked),
                revoked_at=_revoked_at(status),
                expired="OUT_OF_BOUNDS" in indic_name or "EXPIRED" in indic_name,
                **_timestamp_fields(status),
            )
        )
    # The last signature covers the file up to its own revision; what comes after it is listed.
    if report.signatures:
        last = max(report.signatures, key=lambda s: s.covers_whole_file)
        if not last.covers_whole_file:
            latest = report.signatures[-1]
            report.later_additions.append(
                str(ADDITIONS.get(latest.modification_level, _("changes after the last signature")))
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
        if content_info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed_data = content_info["content"]
        signed_data.native  # noqa: B018 - force parsing: a damaged file fails here, not later
        if not signed_data["signer_infos"]:
            raise ValueError("no signer")
    except (ValueError, TypeError, KeyError, AttributeError):
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
            issuer_trusted=getattr(status, "trust_problem_indic", None) is None
            and getattr(status, "validation_path", None) is not None,
            revoked=bool(getattr(status, "revoked", False)),
            **_timestamp_fields(status),
        )
    )
    report.portal_document = SignedDocument.objects.filter(xlsx_sha256=report.sha256).first()
    report.workbook_matches_signed = report.portal_document is not None
    return report


def _match(report: VerificationReport) -> None:
    report.portal_document = SignedDocument.objects.filter(sha256=report.sha256).select_related("signed_by").first()
    if report.portal_document is None:
        report.portal_rendered = RenderedDocument.objects.filter(sha256=report.sha256).first()
