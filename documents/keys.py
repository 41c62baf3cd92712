"""Secrets of the signing certificates: passphrase encryption and PKCS#12 parsing.

Passphrases are never stored in clear. They are either read from the environment
(``SIGNING_PASSPHRASE_<AGENCY_ID>``, for deployments that keep secrets out of the
database) or stored encrypted with Fernet under a key derived from SECRET_KEY by HKDF
(so a database dump alone does not open the keys; rotating SECRET_KEY means re-entering
the passphrases).
"""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import pkcs12
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_INFO = b"coopplan.documents.pkcs12-passphrase.v1"


def _fernet() -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"coopplan-documents", info=_INFO).derive(
        settings.SECRET_KEY.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt_secret(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def decrypt_secret(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ValidationError(
            _("The stored passphrase cannot be decrypted (was SECRET_KEY changed?). Upload the certificate again."),
            code="passphrase_undecryptable",
        )


def passphrase_for(certificate) -> bytes | None:
    """The environment wins over the database, so operators can keep secrets outside it.

    A variable set to an empty value counts as unset (as for the settings' variables:
    coopplan/settings/environment.py): a template's ``SIGNING_PASSPHRASE_7=`` used to replace
    the stored passphrase by an empty one, and signing failed with "wrong passphrase"."""
    env_value = os.environ.get(f"SIGNING_PASSPHRASE_{certificate.agency_id}")
    if env_value:
        return env_value.encode()
    if certificate.passphrase_encrypted:
        return decrypt_secret(certificate.passphrase_encrypted).encode()
    return None


def load_pkcs12(data: bytes, passphrase: bytes | None):
    """(key, cert, additional certs) or a ValidationError with a clear message."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(bytes(data), passphrase)
    except ValueError:
        raise ValidationError(
            _("The PKCS#12 file cannot be opened: wrong passphrase or damaged file."), code="pkcs12_invalid"
        )
    if key is None or cert is None:
        raise ValidationError(
            _("The PKCS#12 file must contain a private key and its certificate."), code="pkcs12_incomplete"
        )
    return key, cert, list(extra or [])


def certificate_fields(cert) -> dict:
    """Descriptive fields stored with an AgencyCertificate."""
    der = cert.public_bytes(serialization.Encoding.DER)
    return {
        "subject": cert.subject.rfc4514_string()[:500],
        "issuer_name": cert.issuer.rfc4514_string()[:500],
        "serial": format(cert.serial_number, "x")[:100],
        "fingerprint": hashlib.sha256(der).hexdigest(),
        "not_before": cert.not_valid_before_utc,
        "not_after": cert.not_valid_after_utc,
    }
