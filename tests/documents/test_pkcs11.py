"""The organisation's key in an HSM through PKCS#11: SoftHSM2 in a temporary directory."""

import shutil
import subprocess

import pytest

from documents.keys import encrypt_secret
from documents.models import AgencyCertificate
from documents.verify import verify_pdf

from .conftest import sign_both_steps

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("softhsm2-util"), reason="SoftHSM2 is not installed"),
]

PIN = "246810"


@pytest.fixture
def softhsm(tmp_path, monkeypatch):
    """An initialised token "coopplan-test" in tmp_path (SOFTHSM2_CONF points at it)."""
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", "coopplan-test", "--pin", PIN, "--so-pin", "13579"],
        check=True, capture_output=True,
    )
    return tmp_path


def test_organisation_signature_through_pkcs11(softhsm, plan, province_leader, issuer, demo_keys):
    """The agency's key is imported into the token and used from there; the PDF verifies green."""
    from cryptography.hazmat.primitives import serialization

    from documents.pki import build_signing_certificate, demo_ca, new_key

    _row, ca_key, ca_cert = demo_ca()
    key = new_key()
    cert = build_signing_certificate(key, "HSM test (DEMO)", ca_key=ca_key, ca_cert=ca_cert)
    key_file = softhsm / "key.pem"
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    subprocess.run(
        ["softhsm2-util", "--import", str(key_file), "--token", "coopplan-test", "--label", "org-key", "--id", "01",
         "--pin", PIN],
        check=True, capture_output=True,
    )
    key_file.unlink()  # only the token holds the key now
    from documents.keys import certificate_fields

    AgencyCertificate.objects.filter(agency=issuer, holder__isnull=True).update(active=False)
    AgencyCertificate.objects.create(
        agency=issuer,
        pkcs12=b"",
        pkcs11_token="coopplan-test",
        pkcs11_key="org-key",
        certificate_pem=cert.public_bytes(serialization.Encoding.PEM).decode(),
        passphrase_encrypted=encrypt_secret(PIN),
        active=True,
        **certificate_fields(cert),
    )
    signed = sign_both_steps(plan, province_leader)
    with signed.file.open("rb") as fh:
        report = verify_pdf(fh.read())
    assert report.verdict == "green", report
    assert report.signatures[-1].signer == "HSM test (DEMO)"
