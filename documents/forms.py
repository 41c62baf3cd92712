"""Forms of the documents app."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

MAX_VERIFY_BYTES = getattr(settings, "DOCUMENTS_VERIFY_MAX_BYTES", 30 * 1024 * 1024)


class VerifyForm(forms.Form):
    """A signed PDF, or a workbook (.xlsx) with its detached signature (.p7s)."""

    document = forms.FileField(label=_("Document (PDF or .xlsx)"))
    signature = forms.FileField(
        label=_("Signature file (.p7s)"),
        required=False,
        help_text=_("Only for a workbook: the .p7s file that came with it."),
    )

    def clean_document(self):
        f = self.cleaned_data["document"]
        if f.size > MAX_VERIFY_BYTES:
            raise forms.ValidationError(
                _("The file is too large (at most %(mb)s MB)."),
                code="too_large",
                params={"mb": MAX_VERIFY_BYTES // (1024 * 1024)},
            )
        name = f.name.lower()
        if not name.endswith((".pdf", ".xlsx")):
            raise forms.ValidationError(_("Upload a PDF file or an Excel workbook (.xlsx)."), code="extension")
        return f

    def clean_signature(self):
        f = self.cleaned_data.get("signature")
        if f and (f.size > 1024 * 1024 or not f.name.lower().endswith((".p7s", ".p7m"))):
            raise forms.ValidationError(_("The signature file must be a .p7s file."), code="p7s")
        return f

    def clean(self):
        data = super().clean()
        document, signature = data.get("document"), data.get("signature")
        if document and document.name.lower().endswith(".xlsx") and not signature:
            self.add_error(
                "signature",
                forms.ValidationError(_("A workbook is checked with its .p7s signature file."), code="p7s_missing"),
            )
        return data
