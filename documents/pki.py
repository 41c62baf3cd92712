"""The demo PKI: a CA and one PKCS#12 certificate per demo agency, all marked DEMO.

Real deployments upload the agencies' certificates (issued by a licensed CA, e.g. the
Government Cipher Committee's CA for chữ ký số chuyên dùng công vụ) through the admin and
add the CA certificates the verification page should trust. The demo exists so signing
and verification work after ``load_demo`` without any real key; every subject name says
DEMO and "không có giá trị pháp lý" (no legal value).
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.db import transaction

from .keys import certificate_fields, decrypt_secret, encrypt_secret
from .models import AgencyCertificate, TrustedCA
from .signing import demo_image

DEMO_CA_NAME = "CoopPlan DEMO CA - KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"
DEMO_MARK = "DEMO - không có giá trị pháp lý"


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _fingerprint(cert) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def _demo_common_name(name: str) -> str:
    """ "<agency> (DEMO)" within X.520's 64-byte (UTF-8) limit, the DEMO mark always kept."""
    suffix = " (DEMO)"
    while len((name + suffix).encode()) > 64:
        name = name[:-1].rstrip()
    return name + suffix


def build_ca_certificate(key, common_name: str, *, days: int = 3650) -> x509.Certificate:
    """A self-signed DEMO CA certificate for ``key`` (no database; the benchmark uses it too)."""
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CoopPlan DEMO"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )


def _demo_subject(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CoopPlan DEMO"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, DEMO_MARK),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _issue_end_entity(key, common_name: str, *, ca_key, ca_cert, days: int, usage, usage_critical: bool):
    """An end-entity certificate for ``key`` issued by the DEMO CA, subject marked DEMO, with the
    extended key ``usage``, the CRL distribution point and both key identifiers."""
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(_demo_subject(common_name))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=usage_critical)
        .add_extension(_crl_distribution_points(), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


def build_signing_certificate(key, common_name: str, *, ca_key, ca_cert, days: int = 1825) -> x509.Certificate:
    """A document-signing certificate for ``key``, issued by the DEMO CA, subject marked DEMO."""
    return _issue_end_entity(
        key, common_name, ca_key=ca_key, ca_cert=ca_cert, days=days,
        usage=ExtendedKeyUsageOID.EMAIL_PROTECTION, usage_critical=False,
    )  # fmt: skip


def build_tsa_certificate(key, common_name: str, *, ca_key, ca_cert, days: int = 1825) -> x509.Certificate:
    """A timestamp authority's certificate (RFC 3161 §2.3: the only, critical, usage is
    timeStamping), issued by the DEMO CA; the tests' local TSA signs its tokens with it."""
    return _issue_end_entity(
        key, common_name, ca_key=ca_key, ca_cert=ca_cert, days=days,
        usage=ExtendedKeyUsageOID.TIME_STAMPING, usage_critical=True,
    )  # fmt: skip


def demo_crl_url() -> str:
    """Where the demo CA's certificates say its CRL is published (``SIGNING_DEMO_CRL_URL``).

    The portal serves the CRL itself (``documents:demo_crl``); the default names a host under
    ``.invalid`` (never resolvable), since the validator never fetches: it is given the CRL."""
    from django.conf import settings

    return getattr(settings, "SIGNING_DEMO_CRL_URL", "") or "http://crl.coopplan.invalid/documents/pki/demo-ca.crl"


def _crl_distribution_points() -> x509.CRLDistributionPoints:
    return x509.CRLDistributionPoints(
        [
            x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(demo_crl_url())],
                relative_name=None,
                reasons=None,
                crl_issuer=None,
            )
        ]
    )


def pkcs12_bundle(key, cert, ca_cert, passphrase: str, *, name: str) -> bytes:
    """The PKCS#12 file an agency's certificate is stored as (key, certificate and CA)."""
    return pkcs12.serialize_key_and_certificates(
        name=name.encode(),
        key=key,
        cert=cert,
        cas=[ca_cert],
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode()),
    )


def _key_usage(*, cert_sign: bool) -> x509.KeyUsage:
    """CA certificates sign certificates; signing certificates sign documents (non-repudiation)."""
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=not cert_sign,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def demo_ca() -> tuple[TrustedCA, object, x509.Certificate]:
    """The demo CA row, its key and certificate (created on first use)."""
    row = TrustedCA.objects.filter(is_demo=True).exclude(private_key_encrypted="").first()
    if row is not None:
        key = serialization.load_pem_private_key(decrypt_secret(row.private_key_encrypted).encode(), password=None)
        cert = x509.load_pem_x509_certificate(row.certificate_pem.encode())
        return row, key, cert
    key = new_key()
    cert = build_ca_certificate(key, DEMO_CA_NAME)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    row = TrustedCA.objects.create(
        name=DEMO_CA_NAME,
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode(),
        is_demo=True,
        private_key_encrypted=encrypt_secret(key_pem.decode()),
        fingerprint=_fingerprint(cert),
    )
    return row, key, cert


@transaction.atomic
def issue_demo_certificate(agency) -> AgencyCertificate:
    """An active demo certificate for ``agency`` (kept if one exists: idempotent)."""
    existing = AgencyCertificate.objects.filter(agency=agency, active=True, holder__isnull=True).first()
    if existing is not None:
        return existing
    _row, ca_key, ca_cert = demo_ca()
    key = new_key()
    cert = build_signing_certificate(key, _demo_common_name(agency.name), ca_key=ca_key, ca_cert=ca_cert)
    passphrase = secrets.token_urlsafe(18)
    data = pkcs12_bundle(key, cert, ca_cert, passphrase, name=f"demo-{agency.pk}")
    return AgencyCertificate.objects.create(
        agency=agency,
        pkcs12=data,
        passphrase_encrypted=encrypt_secret(passphrase),
        seal_image=demo_image("demo-seal.png") or None,
        is_demo=True,
        active=True,
        **certificate_fields(cert),
    )


@transaction.atomic
def issue_demo_personal_certificate(user) -> AgencyCertificate:
    """An active demo personal certificate for a leader (their name, their agency); idempotent."""
    existing = AgencyCertificate.objects.filter(holder=user, active=True).first()
    if existing is not None:
        return existing
    _row, ca_key, ca_cert = demo_ca()
    key = new_key()
    name = user.full_name or user.get_full_name() or user.username
    cert = build_signing_certificate(key, _demo_common_name(name), ca_key=ca_key, ca_cert=ca_cert)
    passphrase = secrets.token_urlsafe(18)
    data = pkcs12_bundle(key, cert, ca_cert, passphrase, name=f"demo-user-{user.pk}")
    return AgencyCertificate.objects.create(
        agency=user.agency,
        holder=user,
        pkcs12=data,
        passphrase_encrypted=encrypt_secret(passphrase),
        is_demo=True,
        active=True,
        **certificate_fields(cert),
    )


def trusted_roots() -> list:
    """asn1crypto certificates of every trusted CA (for pyHanko's ValidationContext)."""
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    roots = []
    for ca in TrustedCA.objects.all():
        data = ca.certificate_pem.encode()
        if pem.detect(data):
            _t, _h, data = pem.unarmor(data)
        roots.append(asn1_x509.Certificate.load(data))
    return roots


# --------------------------------------------------------------------------- revocation
#
# The demo CA publishes a certificate revocation list (CRL, RFC 5280) generated by the portal
# from the certificates an administrator revoked (``revoke_certificate``): no network, signed
# with the CA's key on demand, valid ``CRL_VALID_DAYS``. The signer embeds it (PAdES B-LT: the
# document security store of the signed revision) and the verification page checks every
# signature against it.

CRL_VALID_DAYS = 7
REVOCATION_REASONS = {
    "unspecified": x509.ReasonFlags.unspecified,
    "key_compromise": x509.ReasonFlags.key_compromise,
    "affiliation_changed": x509.ReasonFlags.affiliation_changed,
    "superseded": x509.ReasonFlags.superseded,
    "cessation_of_operation": x509.ReasonFlags.cessation_of_operation,
}


def build_crl(ca_key, ca_cert, revoked: list[tuple[int, datetime.datetime, str]], *, now=None) -> x509.CertificateRevocationList:
    """A CRL of ``ca_cert`` listing ``revoked`` ([(serial, revoked at, reason key)])."""
    now = now or datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(now - datetime.timedelta(minutes=5))
        .next_update(now + datetime.timedelta(days=CRL_VALID_DAYS))
        .add_extension(x509.CRLNumber(int(now.timestamp())), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
    )
    for serial, when, reason in revoked:
        entry = x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when)
        flag = REVOCATION_REASONS.get(reason)
        if flag is not None and flag is not x509.ReasonFlags.unspecified:
            entry = entry.add_extension(x509.CRLReason(flag), critical=False)
        builder = builder.add_revoked_certificate(entry.build())
    return builder.sign(ca_key, hashes.SHA256())


# Loading the CA's key costs ~150 ms (RSA key checks), so a CRL is built once per revocation
# state and process and rebuilt after CRL_REBUILD_SECONDS (well within its validity).
CRL_REBUILD_SECONDS = 6 * 3600
_crl_cache: dict = {}


def demo_crl() -> x509.CertificateRevocationList | None:
    """The demo CA's current CRL (None when there is no demo CA with its key)."""
    import time

    row = TrustedCA.objects.filter(is_demo=True).exclude(private_key_encrypted="").first()
    if row is None:
        return None
    cert = x509.load_pem_x509_certificate(row.certificate_pem.encode())
    issuer = cert.subject.rfc4514_string()[:500]
    revoked = sorted(
        (int(c.serial, 16), c.revoked_at, c.revocation_reason)
        for c in AgencyCertificate.objects.filter(revoked_at__isnull=False, issuer_name=issuer).exclude(serial="")
    )
    key = (row.pk, row.fingerprint, tuple(revoked))
    cached = _crl_cache.get(key)
    if cached is not None and time.monotonic() - cached[1] < CRL_REBUILD_SECONDS:
        return cached[0]
    _row, ca_key, ca_cert = demo_ca()
    crl = build_crl(ca_key, ca_cert, revoked)
    _crl_cache.clear()
    _crl_cache[key] = (crl, time.monotonic())
    return crl


def current_crls() -> list:
    """asn1crypto CRLs the portal holds (its demo CA's), for pyHanko's ValidationContext."""
    from asn1crypto import crl as asn1_crl

    found = demo_crl()
    if found is None:
        return []
    return [asn1_crl.CertificateList.load(found.public_bytes(serialization.Encoding.DER))]


@transaction.atomic
def revoke_certificate(certificate: AgencyCertificate, *, reason: str = "unspecified", acting_user=None, when=None):
    """Mark ``certificate`` revoked (and inactive): the portal no longer signs with it, the
    demo CA's CRL lists it, and verification calls its signatures revoked. Idempotent."""
    from django.core.exceptions import ValidationError
    from django.utils import timezone
    from django.utils.translation import gettext as _

    from core.audit import audit

    if reason not in REVOCATION_REASONS:
        raise ValidationError(_("Unknown revocation reason."), code="reason")
    certificate = AgencyCertificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        return certificate
    certificate.revoked_at = when or timezone.now()
    certificate.revocation_reason = reason
    certificate.active = False
    certificate.save(update_fields=["revoked_at", "revocation_reason", "active", "modified"])
    audit(actor=acting_user, action="certificate_revoke", obj=certificate, summary=certificate.subject, data={"reason": reason})
    return certificate
