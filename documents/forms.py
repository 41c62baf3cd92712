"""Forms of the documents app."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import NOT_AVAILABLE, HumaneFormMixin

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


class SubmitForSignatureForm(forms.Form):
    """Trình ký: the leader who signs, and a note for them."""

    leader = forms.ModelChoiceField(label=_("Leader who signs"), queryset=None, empty_label=None, error_messages={"invalid_choice": NOT_AVAILABLE})
    note = forms.CharField(label=_("Note to the leader"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, leaders=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders


class LeaderSignForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have read the document above and sign it with my personal digital signature."),
        error_messages={"required": _("Confirm that you have read the document before signing it.")},
    )
    comment = forms.CharField(label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    sha256 = forms.CharField(widget=forms.HiddenInput, required=False)


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Reason for returning"), widget=forms.Textarea(attrs={"rows": 2}))


class IssueForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Assign the next number of the register and apply the organisation's signature and seal."),
        error_messages={"required": _("Confirm the number and the organisation's signature first.")},
    )


class ExternalSignedForm(HumaneFormMixin, forms.Form):
    """A PDF signed outside the portal, with the number and date it was issued under (the
    date a dd/mm/yyyy box with a calendar: core.forms.DatePickerInput, issue 18)."""

    document = forms.FileField(
        label=_("Signed PDF"),
        help_text=_("The PDF signed with a USB token or another signing tool; its signatures are verified before it is registered."),
    )
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=999999)
    symbol = forms.CharField(label=_("Symbol"), max_length=40, help_text=_("e.g. KH-UBND"))
    issue_date = forms.DateField(label=_("Issue date"))

    def clean_document(self):
        f = self.cleaned_data["document"]
        if not f.name.lower().endswith(".pdf"):
            raise forms.ValidationError(_("Upload the signed document as a PDF file."), code="extension")
        return f
