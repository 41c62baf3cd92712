"""Rendered documents, agencies' signing certificates and signed documents.

* ``RenderedDocument`` — one PDF or workbook made from a frozen snapshot (JSON) of the plan
  or report. ``content_hash`` (snapshot + template version + format) lets the portal reuse
  a file instead of rendering the same content twice. Rendering runs in a Celery task
  that moves ``status`` and ``progress`` forward; the page polls them.
* ``AgencyCertificate`` — an agency's PKCS#12 (key + certificate chain) uploaded by an
  admin or made by ``create_demo_pki``. The PKCS#12 bytes live in the database (never
  under /media/, which a DEBUG server would serve); the passphrase is encrypted with a key
  derived from SECRET_KEY, or taken from the environment (``SIGNING_PASSPHRASE_<id>``).
* ``SignedDocument`` — the signed PDF (and for reports the workbook + detached CAdES
  signature), stored once with its SHA-256 and never changed: every later download of
  the plan or report returns it.
* ``TrustedCA`` — CA certificates the verification page trusts (the demo CA and any CA an
  admin uploads).
* ``SignatureImage`` — a leader's handwritten signature (blue, transparent PNG).
"""


from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import uploads
from core.models import TimeStampedModel

# Rendered and signed files live in the portal's private storage (core.uploads): outside
# MEDIA_ROOT, served only through the permission-checked download views.
private_root = uploads.private_root
private_storage = uploads.private_storage


def get_private_storage():
    return private_storage


class DocumentKind(models.TextChoices):
    PLAN_PDF = "plan_pdf", _("Plan (PDF)")
    PLAN_XLSX = "plan_xlsx", _("Plan (Excel)")
    REPORT_PDF = "report_pdf", _("Report (PDF)")
    REPORT_XLSX = "report_xlsx", _("Report annex (Excel)")


class RenderStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Rendering")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class RenderedDocument(TimeStampedModel):
    """A PDF or workbook rendered from ``snapshot``; reused while the content is the same."""

    kind = models.CharField(_("kind"), max_length=12, choices=DocumentKind.choices)
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rendered_documents",
    )
    obligation = models.ForeignKey(
        "reports.Obligation",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rendered_documents",
    )
    snapshot = models.JSONField(_("snapshot"), default=dict)
    template_version = models.CharField(_("template version"), max_length=40)
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)
    status = models.CharField(_("status"), max_length=8, choices=RenderStatus.choices, default=RenderStatus.PENDING)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(_("file"), storage=get_private_storage, upload_to="rendered/%Y/%m/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    page_count = models.PositiveSmallIntegerField(_("pages"), default=0)
    signature_box = models.JSONField(_("signature position"), null=True, blank=True)
    render_seconds = models.FloatField(_("render time (s)"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("rendered document")
        verbose_name_plural = _("rendered documents")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_hash"],
                name="rendered_content_hash_uniq",
                violation_error_message=_("This content has already been rendered."),
            ),
            models.CheckConstraint(
                condition=(Q(plan__isnull=False) & Q(obligation__isnull=True))
                | (Q(plan__isnull=True) & Q(obligation__isnull=False)),
                name="rendered_one_source",
                violation_error_message=_("A document is made from either a plan or a report."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_pdf(self) -> bool:
        return self.kind.endswith("_pdf")

    @property
    def is_ready(self) -> bool:
        return self.status == RenderStatus.READY and bool(self.file)

    @property
    def source(self):
        return self.plan if self.plan_id else self.obligation

    @property
    def filename(self) -> str:
        snap = self.snapshot or {}
        stem = "ke-hoach" if self.kind.startswith("plan") else "bao-cao"
        number = snap.get("number")
        ident = (
            f"{int(number):02d}-{snap.get('symbol', '')}"
            if number
            else f"du-thao-{self.source.pk if self.source else self.pk}"
        )
        ext = "pdf" if self.is_pdf else "xlsx"
        return f"{stem}-{ident}.{ext}".replace("/", "-")


class TrustedCA(TimeStampedModel):
    """A CA certificate the verification page trusts (the demo CA or one uploaded by an admin)."""

    name = models.CharField(_("name"), max_length=255)
    certificate_pem = models.TextField(_("certificate (PEM)"))
    is_demo = models.BooleanField(_("demo CA"), default=False)
    # Only the demo CA keeps its key (encrypted), so create_demo_pki can certify agencies added later.
    private_key_encrypted = models.TextField(_("private key (encrypted)"), blank=True, editable=False)
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("trusted CA")
        verbose_name_plural = _("trusted CAs")
        ordering = ["name"]

    def __str__(self):
        return self.name


class AgencyCertificate(TimeStampedModel):
    """An agency's signing certificate: PKCS#12 bytes, passphrase encrypted (or from the environment)."""

    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="certificates"
    )
    pkcs12 = models.BinaryField(_("PKCS#12 file"), editable=False)
    passphrase_encrypted = models.TextField(_("passphrase (encrypted)"), blank=True, editable=False)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    issuer_name = models.CharField(_("issuer"), max_length=500, blank=True)
    serial = models.CharField(_("serial number"), max_length=100, blank=True)
    fingerprint = models.CharField(_("SHA-256 fingerprint"), max_length=64, blank=True)
    not_before = models.DateTimeField(_("valid from"), null=True, blank=True)
    not_after = models.DateTimeField(_("valid until"), null=True, blank=True)
    seal_image = models.BinaryField(_("seal image (PNG)"), null=True, blank=True, editable=False)
    is_demo = models.BooleanField(_("demo certificate"), default=False)
    active = models.BooleanField(_("active"), default=True)
    # A key held in an HSM or USB token (PKCS#11, e.g. SoftHSM2): the token's label and the key's
    # label; the PIN is the stored (encrypted) passphrase or SIGNING_PASSPHRASE_<agency id>.
    # The certificate itself is then kept here in PEM (``pkcs12`` stays empty).
    pkcs11_token = models.CharField(_("PKCS#11 token label"), max_length=100, blank=True)
    pkcs11_key = models.CharField(_("PKCS#11 key label"), max_length=100, blank=True)
    certificate_pem = models.TextField(_("certificate (PEM)"), blank=True)
    # Empty: the organisation's certificate (held by the văn thư). Set: a leader's personal one.
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personal certificate of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="personal_certificates",
    )
    # Revoked (documents.pki.revoke_certificate): never used to sign again; the demo CA's CRL
    # lists it and verification reports its signatures as revoked.
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.CharField(_("revocation reason"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("agency certificate")
        verbose_name_plural = _("agency certificates")
        ordering = ["agency__name", "-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency"],
                condition=Q(active=True, holder__isnull=True),
                name="certificate_one_active_per_agency",
                violation_error_message=_("This agency already has an active certificate."),
            ),
            models.UniqueConstraint(
                fields=["holder"],
                condition=Q(active=True, holder__isnull=False),
                name="certificate_one_active_per_holder",
                violation_error_message=_("This person already has an active personal certificate."),
            ),
        ]

    def __str__(self):
        return f"{self.holder or self.agency} – {self.subject}"


class SignatureImage(TimeStampedModel):
    """A leader's handwritten signature: blue ink on a transparent PNG (Decree 30 PL I II.7.d)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="signature_image"
    )
    image = models.BinaryField(_("image (PNG)"), editable=False)
    is_demo = models.BooleanField(_("demo image"), default=False)

    class Meta:
        verbose_name = _("signature image")
        verbose_name_plural = _("signature images")

    def __str__(self):
        return str(self.user)


class SignedDocument(models.Model):
    """The signed PDF of a plan or report, immutable once stored.

    For a report, the workbook of its annex is signed too: ``xlsx_file`` carries the
    document number and the signed PDF's SHA-256 in its properties and ``p7s_file`` is its
    detached CAdES signature made with the same certificate.
    """

    plan = models.OneToOneField(
        "plans.Plan",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_document",
    )
    obligation = models.OneToOneField(
        "reports.Obligation",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_document",
    )
    rendered = models.ForeignKey(
        RenderedDocument,
        verbose_name=_("rendered from"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="signatures",
    )
    class Origin(models.TextChoices):
        PORTAL = "portal", _("Signed in the portal")
        EXTERNAL = "external", _("Signed outside the portal and registered")

    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.PORTAL)
    #: The agency's certificate the portal signed with (empty for a file signed elsewhere).
    certificate = models.ForeignKey(
        AgencyCertificate,
        verbose_name=_("certificate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signed_documents",
    )
    #: Who signed, as the file's certificates name them (for a file signed outside the portal).
    signer_names = models.CharField(_("signers"), max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("signed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField(_("signed at"))
    document_number = models.CharField(_("document number"), max_length=80, blank=True)
    snapshot = models.JSONField(_("snapshot"), default=dict)
    file = models.FileField(_("signed PDF"), storage=get_private_storage, upload_to="signed/%Y/%m/")
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveIntegerField(_("size (bytes)"))
    xlsx_file = models.FileField(_("workbook"), storage=get_private_storage, upload_to="signed/%Y/%m/", blank=True)
    xlsx_sha256 = models.CharField(_("workbook SHA-256"), max_length=64, blank=True, db_index=True)
    p7s_file = models.FileField(
        _("workbook signature"), storage=get_private_storage, upload_to="signed/%Y/%m/", blank=True
    )

    class Meta:
        verbose_name = _("signed document")
        verbose_name_plural = _("signed documents")
        ordering = ["-signed_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(plan__isnull=False) & Q(obligation__isnull=True))
                | (Q(plan__isnull=True) & Q(obligation__isnull=False)),
                name="signed_one_source",
                violation_error_message=_("A signed document belongs to either a plan or a report."),
            ),
        ]

    def __str__(self):
        return f"{self.document_number or self.pk} ({self.signed_at:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        # Immutable: a signed document is written once; corrections need a new document.
        if self.pk and not kwargs.pop("_allow_update", False):
            raise ValidationError(_("A signed document cannot be changed."), code="signed_immutable")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A signed document cannot be deleted."), code="signed_immutable")

    @property
    def source(self):
        return self.plan if self.plan_id else self.obligation

    @property
    def signer_display(self) -> str:
        """The leader who signed in the portal, or the signers named by an external file."""
        if self.signed_by_id:
            return str(self.signed_by)
        return self.signer_names or (str(self.certificate.agency) if self.certificate_id else "")

    @property
    def is_external(self) -> bool:
        return self.origin == self.Origin.EXTERNAL

    @property
    def filename(self) -> str:
        stem = "ke-hoach" if self.plan_id else "bao-cao"
        ident = self.document_number.replace("/", "-") if self.document_number else str(self.pk)
        return f"{stem}-{ident}-da-ky.pdf"


class DocumentRegister(models.Model):
    """The register of outgoing documents (sổ văn bản đi) of one issuing agency for one year.

    One number sequence across all document kinds, from 01 on 01/01 (Decree 30, Điều 15).
    ``last_number`` is only ever moved inside the transaction that registers a document,
    under a row lock on this register, so numbers are unique and gapless.
    """

    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="registers"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("document register")
        verbose_name_plural = _("document registers")
        ordering = ["agency__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"],
                name="register_one_per_agency_year",
                violation_error_message=_("This agency already has a register for this year."),
            ),
        ]

    def __str__(self):
        return f"{self.agency} – {self.year}"


class RegisterEntry(models.Model):
    """One number of a register: a document the portal issued, or one issued elsewhere and recorded."""

    class Origin(models.TextChoices):
        PORTAL = "portal", _("Issued through the portal")
        RECORDED = "recorded", _("Own number (imported or historical)")

    register = models.ForeignKey(
        DocumentRegister, verbose_name=_("register"), on_delete=models.PROTECT, related_name="entries"
    )
    number = models.PositiveIntegerField(_("number"))
    symbol = models.CharField(_("symbol"), max_length=40)
    issued_on = models.DateField(_("issue date"))
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.PORTAL)
    plan = models.OneToOneField(
        "plans.Plan",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="register_entry",
    )
    obligation = models.OneToOneField(
        "reports.Obligation",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="register_entry",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        ordering = ["register", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["register", "number"],
                name="register_number_unique",
                violation_error_message=_("This number is already used in the register."),
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        return f"{self.number:02d}/{self.symbol}"


class SigningState(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for the leader's signature")
    RETURNED = "returned", _("Returned by the leader")
    LEADER_SIGNED = "leader_signed", _("Signed by the leader, waiting for the clerk")
    ISSUED = "issued", _("Issued (numbered and sealed)")


OPEN_SIGNING_STATES = [SigningState.SUBMITTED, SigningState.LEADER_SIGNED, SigningState.ISSUED]


class SigningRequest(TimeStampedModel):
    """Trình ký: a document sent for signature, signed by the leader, then by the clerk.

    ``rendered`` is the exact PDF the leader sees and signs. The leader's personal signature
    is kept in ``leader_pdf``; the clerk's step adds the organisation's signature, fills in
    the register number and date, and produces the ``SignedDocument``.
    """

    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signing_requests",
    )
    obligation = models.ForeignKey(
        "reports.Obligation",
        verbose_name=_("report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signing_requests",
    )
    state = models.CharField(_("state"), max_length=14, choices=SigningState.choices, default=SigningState.SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note to the leader"), blank=True)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leader"),
        on_delete=models.PROTECT,
        related_name="signing_requests_to_sign",
    )
    rendered = models.ForeignKey(
        RenderedDocument, verbose_name=_("document to sign"), on_delete=models.PROTECT, related_name="+"
    )
    leader_signed_at = models.DateTimeField(_("signed by the leader at"), null=True, blank=True)
    leader_comment = models.TextField(_("leader's comment"), blank=True)
    leader_pdf = models.FileField(
        _("PDF signed by the leader"), storage=get_private_storage, upload_to="signing/%Y/%m/", blank=True
    )
    leader_pdf_sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    leader_certificate = models.ForeignKey(
        AgencyCertificate, verbose_name=_("leader's certificate"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("clerk"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    signed_document = models.OneToOneField(
        SignedDocument, verbose_name=_("signed document"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="signing_request",
    )

    class Meta:
        verbose_name = _("signing request")
        verbose_name_plural = _("signing requests")
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(plan__isnull=False) & Q(obligation__isnull=True))
                | (Q(plan__isnull=True) & Q(obligation__isnull=False)),
                name="signing_one_source",
                violation_error_message=_("A signing request is for either a plan or a report."),
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=Q(state__in=OPEN_SIGNING_STATES),
                name="signing_one_open_per_plan",
                violation_error_message=_("This document has already been sent for signature."),
            ),
            models.UniqueConstraint(
                fields=["obligation"],
                condition=Q(state__in=OPEN_SIGNING_STATES),
                name="signing_one_open_per_obligation",
                violation_error_message=_("This document has already been sent for signature."),
            ),
        ]

    def __str__(self):
        return f"{self.source} – {self.get_state_display()}"

    @property
    def source(self):
        return self.plan if self.plan_id else self.obligation
