"""Demo PKI, passphrase protection and certificate upload."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from documents import keys, pki, services
from documents.models import AgencyCertificate, SignatureImage, TrustedCA
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_directory(monkeypatch, issuer, agency_a):
    """directory.demo answering for two of our fixture agencies."""
    from directory import demo as directory_demo

    mapping = {"lmhtx_qn": issuer, "tckh_sonha": agency_a}
    monkeypatch.setattr(directory_demo, "AGENCIES", {k: {} for k in mapping})
    monkeypatch.setattr(directory_demo, "agency", lambda key: mapping[key])
    UserFactory(username="lanhdao", agency=issuer, is_leader=True)
    return mapping


class TestDemoPki:
    def test_command_is_idempotent_and_marked_demo(self, demo_directory, settings):
        settings.DEBUG = True
        call_command("create_demo_pki")
        call_command("create_demo_pki")
        assert TrustedCA.objects.filter(is_demo=True).count() == 1
        assert "DEMO" in TrustedCA.objects.get().name
        certs = AgencyCertificate.objects.all()
        assert certs.count() == 2
        assert all("DEMO" in c.subject and c.is_demo and c.seal_image for c in certs)
        assert SignatureImage.objects.filter(user__username="lanhdao", is_demo=True).count() == 1

    def test_command_refuses_without_debug(self, demo_directory, settings):
        from django.core.management.base import CommandError

        settings.DEBUG = False
        with pytest.raises(CommandError):
            call_command("create_demo_pki")

    def test_demo_load(self, demo_directory):
        import datetime
        import io

        from documents import demo

        demo.load(stdout=io.StringIO(), today=datetime.date(2026, 11, 25))
        demo.load(stdout=io.StringIO(), today=datetime.date(2026, 11, 25))
        assert AgencyCertificate.objects.count() == 2

    def test_long_agency_names_keep_the_demo_mark(self):
        name = pki._demo_common_name("Phòng Nông nghiệp và Phát triển nông thôn huyện Ngọc Hồi")
        assert name.endswith("(DEMO)") and len(name.encode()) <= 64


class TestPassphrase:
    def test_passphrase_is_encrypted_not_stored_in_clear(self, issuer):
        cert = pki.issue_demo_certificate(issuer)
        assert cert.passphrase_encrypted
        clear = keys.decrypt_secret(cert.passphrase_encrypted)
        assert clear not in cert.passphrase_encrypted
        assert keys.passphrase_for(cert) == clear.encode()

    def test_environment_wins(self, issuer, monkeypatch):
        cert = pki.issue_demo_certificate(issuer)
        monkeypatch.setenv(f"SIGNING_PASSPHRASE_{issuer.pk}", "from-env")
        assert keys.passphrase_for(cert) == b"from-env"

    def test_an_empty_environment_variable_counts_as_unset(self, issuer, monkeypatch):
        """``SIGNING_PASSPHRASE_<id>=`` left empty in a template: the stored passphrase is used."""
        cert = pki.issue_demo_certificate(issuer)
        monkeypatch.setenv(f"SIGNING_PASSPHRASE_{issuer.pk}", "")
        assert keys.passphrase_for(cert) == keys.decrypt_secret(cert.passphrase_encrypted).encode()

    def test_changed_secret_key_gives_a_clear_error(self, issuer, settings):
        cert = pki.issue_demo_certificate(issuer)
        settings.SECRET_KEY = "another-secret-key-entirely-different"
        with pytest.raises(ValidationError):
            keys.passphrase_for(cert)


class TestUpload:
    def test_upload_checks_the_passphrase_and_replaces_the_active_certificate(self, issuer, agency_a, admin_user):
        from cryptography.hazmat.primitives.serialization import pkcs12

        first = pki.issue_demo_certificate(issuer)
        key, cert, extra = pkcs12.load_key_and_certificates(bytes(first.pkcs12), keys.passphrase_for(first))
        from cryptography.hazmat.primitives import serialization

        data = pkcs12.serialize_key_and_certificates(
            name=b"x",
            key=key,
            cert=cert,
            cas=extra,
            encryption_algorithm=serialization.BestAvailableEncryption(b"pw-123"),
        )
        with pytest.raises(ValidationError):
            services.certificate_upload(
                agency=issuer, pkcs12_bytes=data, passphrase="wrong", seal_png=None, acting_user=admin_user
            )
        new = services.certificate_upload(
            agency=issuer, pkcs12_bytes=data, passphrase="pw-123", seal_png=None, acting_user=admin_user
        )
        assert new.active
        first.refresh_from_db()
        assert not first.active
        assert AgencyCertificate.objects.filter(agency=issuer, active=True).count() == 1


class TestAdmin:
    def test_admin_uploads_a_certificate(self, client_for, admin_user, issuer):
        """The admin form opens the PKCS#12 with the passphrase and stores it encrypted."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.serialization import pkcs12
        from django.core.files.uploadedfile import SimpleUploadedFile

        source = pki.issue_demo_certificate(issuer)
        key, cert, extra = pkcs12.load_key_and_certificates(bytes(source.pkcs12), keys.passphrase_for(source))
        AgencyCertificate.objects.all().delete()
        data = pkcs12.serialize_key_and_certificates(
            name=b"x",
            key=key,
            cert=cert,
            cas=extra,
            encryption_algorithm=serialization.BestAvailableEncryption(b"pw-123"),
        )
        client = client_for(admin_user)
        url = "/admin/documents/agencycertificate/add/"
        assert client.get(url).status_code == 200
        bad = client.post(
            url, {"agency": issuer.pk, "pkcs12_file": SimpleUploadedFile("a.p12", data), "passphrase": "nope"}
        )
        assert bad.status_code == 200 and not AgencyCertificate.objects.exists()
        ok = client.post(
            url,
            {
                "agency": issuer.pk,
                "pkcs12_file": SimpleUploadedFile("a.p12", data),
                "passphrase": "pw-123",
                "store_passphrase": "on",
            },
        )
        assert ok.status_code == 302, ok.content[:500]
        stored = AgencyCertificate.objects.get()
        assert stored.active and "pw-123" not in stored.passphrase_encrypted
        assert keys.passphrase_for(stored) == b"pw-123"

    def test_admin_pages_render(self, client_for, admin_user, issuer):
        pki.issue_demo_certificate(issuer)
        client = client_for(admin_user)
        for model in ("agencycertificate", "trustedca", "rendereddocument", "signeddocument", "signatureimage"):
            assert client.get(f"/admin/documents/{model}/").status_code == 200
        cert = AgencyCertificate.objects.get()
        assert client.get(f"/admin/documents/agencycertificate/{cert.pk}/change/").status_code == 200
        assert client.get("/admin/documents/trustedca/add/").status_code == 200
