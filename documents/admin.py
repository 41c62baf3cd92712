"""Admin: upload agencies' certificates and trusted CAs; read-only views of documents."""

import hashlib

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.admin import ReadOnlyAdminMixin
from core.forms import HumaneFormMixin

from . import services
from .models import AgencyCertificate, RenderedDocument, SignatureImage, SignedDocument, TrustedCA

MAX_PNG = 2 * 1024 * 1024


def _png(upload):
    if not upload:
        return None
    data = upload.read()
    if len(data) > MAX_PNG or not data.startswith(b"\x89PNG"):
        raise ValidationError(_("Upload a PNG image (at most 2 MB)."), code="png")
    return data


class AgencyCertificateForm(HumaneFormMixin, forms.ModelForm):
    pkcs12_file = forms.FileField(label=_("PKCS#12 file (.p12, .pfx)"))
    passphrase = forms.CharField(label=_("Passphrase"), widget=forms.PasswordInput, required=False)
    store_passphrase = forms.BooleanField(
        label=_("Store the passphrase (encrypted)"),
        required=False,
        initial=True,
        help_text=_("Untick to supply it from the environment variable SIGNING_PASSPHRASE_<agency id> instead."),
    )
    seal_file = forms.FileField(label=_("Seal image (red, transparent PNG)"), required=False)

    class Meta:
        model = AgencyCertificate
        fields = ["agency"]

    def clean(self):
        data = super().clean()
        upload = data.get("pkcs12_file")
        if upload:
            if upload.size > 1024 * 1024:
                raise ValidationError(_("The PKCS#12 file is too large."), code="too_large")
            data["pkcs12_bytes"] = upload.read()
            from .keys import load_pkcs12

            load_pkcs12(data["pkcs12_bytes"], (data.get("passphrase") or "").encode() or None)
        data["seal_bytes"] = _png(data.get("seal_file"))
        return data


@admin.register(AgencyCertificate)
class AgencyCertificateAdmin(admin.ModelAdmin):
    list_display = ("agency", "holder", "subject", "not_after", "is_demo", "active", "revoked_at")
    list_filter = ("active", "is_demo")
    search_fields = ("agency__name", "subject")
    readonly_fields = (
        "subject", "issuer_name", "serial", "fingerprint", "not_before", "not_after", "is_demo", "revoked_at",
        "revocation_reason",
    )
    actions = ["revoke_selected"]

    @admin.action(description=_("Revoke the selected certificates (key lost or compromised)"), permissions=["change"])
    def revoke_selected(self, request, queryset):
        from .pki import revoke_certificate

        count = 0
        for certificate in queryset.filter(revoked_at__isnull=True):
            revoke_certificate(certificate, reason="key_compromise", acting_user=request.user)
            count += 1
        self.message_user(request, _("%(count)s certificate(s) revoked; the CRL lists them from now on.") % {"count": count})

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = AgencyCertificateForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["agency", "pkcs12_file", "passphrase", "store_passphrase", "seal_file"]
        return ["agency", "active", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return ("agency", *self.readonly_fields) if obj else ()

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        data = form.cleaned_data
        created = services.certificate_upload(
            agency=data["agency"],
            pkcs12_bytes=data["pkcs12_bytes"],
            passphrase=data.get("passphrase") or "",
            seal_png=data.get("seal_bytes"),
            acting_user=request.user,
            store_passphrase=data.get("store_passphrase", True),
        )
        obj.pk = created.pk
        obj.__dict__.update(created.__dict__)


class TrustedCAForm(HumaneFormMixin, forms.ModelForm):
    class Meta:
        model = TrustedCA
        fields = ["name", "certificate_pem"]

    def clean_certificate_pem(self):
        text = self.cleaned_data["certificate_pem"].strip()
        try:
            cert = x509.load_pem_x509_certificate(text.encode())
        except ValueError:
            raise ValidationError(_("Paste a CA certificate in PEM format (-----BEGIN CERTIFICATE-----)."), code="pem")
        self.instance.fingerprint = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
        return text


@admin.register(TrustedCA)
class TrustedCAAdmin(admin.ModelAdmin):
    form = TrustedCAForm
    list_display = ("name", "is_demo", "fingerprint")
    readonly_fields = ("is_demo", "fingerprint")


class SignatureImageForm(HumaneFormMixin, forms.ModelForm):
    image_file = forms.FileField(label=_("Signature image (blue, transparent PNG)"))

    class Meta:
        model = SignatureImage
        fields = ["user"]

    def clean(self):
        data = super().clean()
        data["image_bytes"] = _png(data.get("image_file"))
        return data

    def save(self, commit=True):
        self.instance.image = self.cleaned_data["image_bytes"]
        return super().save(commit)


@admin.register(SignatureImage)
class SignatureImageAdmin(admin.ModelAdmin):
    form = SignatureImageForm
    list_display = ("user", "is_demo", "modified")
    autocomplete_fields = ()


@admin.register(RenderedDocument)
class RenderedDocumentAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "plan", "obligation", "status", "page_count", "render_seconds", "created")
    list_filter = ("kind", "status")
    readonly_fields = [f.name for f in RenderedDocument._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SignedDocument)
class SignedDocumentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("document_number", "plan", "obligation", "origin", "signed_by", "signed_at", "sha256")
    readonly_fields = [f.name for f in SignedDocument._meta.fields]
