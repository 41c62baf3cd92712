"""Views: export (PDF/Excel), render progress, download, signing, verification.

Every view is deny-by-default: anonymous → login, wrong role → 403, an object outside the
user's scope → 404 (its querysets come from the plans' and reports' scoping selectors).
"""

from __future__ import annotations

import io
import zipfile

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView

from core.permissions import LeaderRequiredMixin, RoleRequiredMixin

from . import services
from .forms import VerifyForm
from .models import RenderedDocument, SignedDocument
from .verify import VerificationError, verify_pdf, verify_workbook

PDF_TYPE = "application/pdf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def visible_plans(user):
    from plans.selectors import plans_visible_to

    return plans_visible_to(user)


def visible_obligations(user):
    from reports.selectors import obligations_visible_to

    return obligations_visible_to(user)


def source_url(source) -> str:
    try:
        return source.get_absolute_url()
    except (NoReverseMatch, AttributeError):
        return reverse("home")


def _file_response(field, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(field.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _signed_response(signed: SignedDocument) -> FileResponse:
    return _file_response(signed.file, signed.filename, PDF_TYPE)


class _SourceMixin:
    """Resolves ``pk`` to a plan or report the user may see (404 otherwise)."""

    source_type = "plan"

    def get_source(self):
        qs = visible_plans(self.request.user) if self.source_type == "plan" else visible_obligations(self.request.user)
        return get_object_or_404(qs, pk=self.kwargs["pk"])


class ExportView(RoleRequiredMixin, _SourceMixin, View):
    """GET: the signed file when there is one; else the rendered file, or the progress page."""

    fmt = services.PDF

    def get(self, request, *args, **kwargs):
        source = self.get_source()
        signed = services.signed_document_for(source)
        if signed is not None:
            if self.fmt == services.PDF:
                return _signed_response(signed)
            if signed.xlsx_file:  # the workbook its .p7s signs, not a fresh copy
                return _file_response(signed.xlsx_file, signed.filename.replace(".pdf", ".xlsx"), XLSX_TYPE)
        document = services.document_request(source=source, fmt=self.fmt, acting_user=request.user)
        document.refresh_from_db()
        if document.is_ready:
            return _file_response(document.file, document.filename, PDF_TYPE if document.is_pdf else XLSX_TYPE)
        return redirect("documents:document_status", pk=document.pk)


class _RenderedMixin(RoleRequiredMixin):
    def get_document(self) -> RenderedDocument:
        document = get_object_or_404(
            RenderedDocument.objects.select_related("plan", "obligation"), pk=self.kwargs["pk"]
        )
        user = self.request.user
        if document.plan_id:
            allowed = visible_plans(user).filter(pk=document.plan_id).exists()
        else:
            allowed = visible_obligations(user).filter(pk=document.obligation_id).exists()
        if not allowed:
            raise Http404
        return document


class DocumentStatusView(_RenderedMixin, View):
    """The progress page (full page) or, for htmx polling, its progress fragment."""

    def get(self, request, *args, **kwargs):
        document = self.get_document()
        source = document.source
        context = {"document": document, "source": source, "source_url": source_url(source)}
        if request.headers.get("HX-Request"):
            return TemplateResponse(request, "documents/partials/render_progress.html", context)
        context["breadcrumbs"] = [(str(source), source_url(source)), (_("Document"), "")]
        return TemplateResponse(request, "documents/document_status.html", context)


class DocumentDownloadView(_RenderedMixin, View):
    def get(self, request, *args, **kwargs):
        document = self.get_document()
        if not document.is_ready:
            raise Http404
        if document.is_pdf:
            signed = services.signed_document_for(document.source)
            if signed is not None:  # a signed document is never served unsigned again
                return _signed_response(signed)
        return _file_response(document.file, document.filename, PDF_TYPE if document.is_pdf else XLSX_TYPE)


class SignView(LeaderRequiredMixin, _SourceMixin, View):
    """POST: sign the plan or report (leaders of the area only)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        source = self.get_source()
        if not services.can_sign(request.user, source):
            raise PermissionDenied
        try:
            signed = services.document_sign(source=source, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The document %(number)s was signed.") % {"number": signed.document_number or str(source)})
        return redirect(source_url(source))


class _SignedMixin(RoleRequiredMixin):
    def get_signed(self) -> SignedDocument:
        signed = get_object_or_404(SignedDocument.objects.select_related("plan", "obligation"), pk=self.kwargs["pk"])
        user = self.request.user
        if signed.plan_id:
            allowed = visible_plans(user).filter(pk=signed.plan_id).exists()
        else:
            allowed = visible_obligations(user).filter(pk=signed.obligation_id).exists()
        if not allowed:
            raise Http404
        return signed


class SignedPdfView(_SignedMixin, View):
    def get(self, request, *args, **kwargs):
        return _signed_response(self.get_signed())


class SignedZipView(_SignedMixin, View):
    """The signed report's PDF, workbook and the workbook's .p7s in one .zip."""

    def get(self, request, *args, **kwargs):
        signed = self.get_signed()
        if not signed.xlsx_file:
            raise Http404
        stem = signed.filename.removesuffix(".pdf")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for field, name in (
                (signed.file, f"{stem}.pdf"),
                (signed.xlsx_file, f"{stem}.xlsx"),
                (signed.p7s_file, f"{stem}.xlsx.p7s"),
            ):
                with field.open("rb") as fh:
                    archive.writestr(name, fh.read())
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{stem}.zip"'
        response["Cache-Control"] = "private, no-store"
        return response


class VerifyView(LoginRequiredMixin, FormView):
    """Upload a PDF (or .xlsx + .p7s) and see whether its signatures hold."""

    form_class = VerifyForm
    template_name = "documents/verify.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [(_("Verify a signature"), "")]
        return context

    def form_valid(self, form):
        document = form.cleaned_data["document"]
        data = document.read()
        try:
            if document.name.lower().endswith(".xlsx"):
                report = verify_workbook(data, form.cleaned_data["signature"].read())
            else:
                report = verify_pdf(data)
        except VerificationError as exc:
            form.add_error("document", str(exc))
            return self.form_invalid(form)
        return self.render_to_response(
            self.get_context_data(form=VerifyForm(), report=report, uploaded_name=document.name)
        )
