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

from core.dispatch import poll_seconds, waiting_long
from core.permissions import RoleRequiredMixin
from directory.models import Role

from . import services
from .forms import ExternalSignedForm, IssueForm, LeaderSignForm, ReturnForm, SubmitForSignatureForm, VerifyForm
from .models import RenderedDocument, RenderStatus, SignedDocument, SigningRequest, SigningState
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
        context = {
            "document": document,
            "source": source,
            "source_url": source_url(source),
            # Slower polls as the wait grows; "waiting to be processed" once it has waited a while.
            "poll_seconds": poll_seconds(document.created),
            "waiting_long": document.status == RenderStatus.PENDING and waiting_long(document.created),
        }
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


class SubmitForSignatureView(RoleRequiredMixin, _SourceMixin, View):
    """Trình ký: choose the leader, add a note, send. The leader then sees the exact PDF."""

    template_name = "documents/signing/submit.html"

    def _context(self, source, form):
        return {
            "source": source,
            "form": form,
            "refusal": services.sign_refusal(source, self.request.user),
            "current": services.open_signing_request(source),
            "breadcrumbs": [(str(source), source_url(source)), (_("Send for signature"), "")],
        }

    def _form(self, source, data=None):
        leaders = services.signing_leaders(source)
        initial = {}
        designated = getattr(source, "signer_user_id", None)
        if designated and leaders.filter(pk=designated).exists():
            initial["leader"] = designated
        return SubmitForSignatureForm(data, leaders=leaders, initial=initial)

    def get(self, request, *args, **kwargs):
        source = self.get_source()
        if not services.can_submit(request.user, source):
            raise PermissionDenied
        return TemplateResponse(request, self.template_name, self._context(source, self._form(source)))

    def post(self, request, *args, **kwargs):
        source = self.get_source()
        if not services.can_submit(request.user, source):
            raise PermissionDenied
        form = self._form(source, request.POST)
        if form.is_valid():
            try:
                signing_request = services.signing_submit(
                    source=source,
                    leader=form.cleaned_data["leader"],
                    acting_user=request.user,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request, _("Sent to %(name)s for signature.") % {"name": signing_request.leader}
                )
                return redirect("documents:signing_detail", pk=signing_request.pk)
        return TemplateResponse(request, self.template_name, self._context(source, form))


class ExternalSignedView(RoleRequiredMixin, _SourceMixin, View):
    """The clerk registers a PDF signed outside the portal (USB token) for a plan or report of
    their agency: checked, verified against the trusted CAs, numbered with its own number."""

    required_roles = (Role.CLERK,)
    template_name = "documents/signing/external.html"

    def _source(self):
        source = self.get_source()
        if not services.can_register_external(self.request.user, source):
            raise PermissionDenied
        return source

    def _context(self, source, form):
        return {
            "source": source,
            "form": form,
            "refusal": services.external_refusal(source),
            "breadcrumbs": [(str(source), source_url(source)), (_("Register a document signed elsewhere"), "")],
        }

    def get(self, request, *args, **kwargs):
        source = self._source()
        form = ExternalSignedForm(initial=services.external_defaults(source))
        return TemplateResponse(request, self.template_name, self._context(source, form))

    def post(self, request, *args, **kwargs):
        source = self._source()
        form = ExternalSignedForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                signed = services.register_external(
                    source=source,
                    upload=data["document"],
                    number=data["number"],
                    symbol=data["symbol"],
                    day=data["issue_date"],
                    acting_user=request.user,
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, errors in exc.error_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None if exc.code in EXTERNAL_REGISTER_ERRORS else "document", exc.messages)
            else:
                messages.success(
                    request,
                    _("Registered as number %(number)s; the signed file is now the document's official copy.")
                    % {"number": signed.document_number},
                )
                return redirect(source_url(source))
        return TemplateResponse(request, self.template_name, self._context(source, form))


# Refusals about the number, date or the document's state (shown above the form); every
# other refusal is about the uploaded file (shown under it).
EXTERNAL_REGISTER_ERRORS = {"register", "cannot_register", "issued_number", "registered_otherwise"}


class SigningQueueView(RoleRequiredMixin, View):
    """The leader's "Chờ tôi ký", the clerk's "Chờ cấp số" and the user's own submissions."""

    def get(self, request, *args, **kwargs):
        from . import selectors

        mine = selectors.requests_visible_to(request.user).filter(submitted_by=request.user)
        context = {
            "to_sign": selectors.waiting_for_leader(request.user),
            "to_issue": selectors.waiting_for_clerk(request.user),
            "mine": mine.select_related("plan", "obligation", "leader").order_by("-created")[:30],
            "breadcrumbs": [(_("Documents to sign"), "")],
        }
        return TemplateResponse(request, "documents/signing/queue.html", context)


class _SigningRequestMixin(RoleRequiredMixin):
    def get_signing_request(self) -> SigningRequest:
        from . import selectors

        return get_object_or_404(
            selectors.requests_visible_to(self.request.user).select_related(
                "plan", "obligation", "leader", "clerk", "submitted_by", "rendered", "signed_document"
            ),
            pk=self.kwargs["pk"],
        )


class SigningDetailView(_SigningRequestMixin, View):
    """The document as it will be signed (embedded PDF), its history, and the step's buttons."""

    def get(self, request, *args, **kwargs):
        return self.render(self.get_signing_request())

    def render(self, signing_request, *, sign_form=None, return_form=None, issue_form=None):
        user = self.request.user
        source = signing_request.source
        leader_turn = signing_request.state == SigningState.SUBMITTED and services.can_leader_sign(
            user, signing_request
        )
        clerk_turn = signing_request.state == SigningState.LEADER_SIGNED and services.can_clerk_sign(
            user, signing_request
        )
        context = {
            "req": signing_request,
            "source": source,
            "source_url": source_url(source),
            "leader_turn": leader_turn,
            "clerk_turn": clerk_turn,
            "sign_form": sign_form or LeaderSignForm(initial={"sha256": signing_request.rendered.sha256}),
            "return_form": return_form or ReturnForm(),
            "issue_form": issue_form or IssueForm(),
            "breadcrumbs": [(_("Documents to sign"), reverse("documents:signing_queue")), (str(source), "")],
        }
        return TemplateResponse(self.request, "documents/signing/detail.html", context)


class SigningPdfView(_SigningRequestMixin, View):
    """The PDF at the request's current stage, shown inline (what the leader or clerk signs)."""

    def get(self, request, *args, **kwargs):
        signing_request = self.get_signing_request()
        if signing_request.signed_document_id:
            field = signing_request.signed_document.file
        elif signing_request.leader_pdf:
            field = signing_request.leader_pdf
        else:
            field = signing_request.rendered.file
        response = FileResponse(field.open("rb"), content_type=PDF_TYPE)
        response["Content-Disposition"] = "inline"
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        # Shown in the signing page's frame: framing by the portal itself only.
        response["X-Frame-Options"] = "SAMEORIGIN"
        response["Content-Security-Policy"] = "default-src 'self'; object-src 'self'; frame-ancestors 'self'"
        return response


class LeaderSignView(SigningDetailView):
    http_method_names = ["post"]
    required_roles = (Role.LEADER,)

    def post(self, request, *args, **kwargs):
        signing_request = self.get_signing_request()
        form = LeaderSignForm(request.POST)
        if not form.is_valid():
            return self.render(signing_request, sign_form=form)
        try:
            services.signing_leader_sign(
                request_id=signing_request.pk,
                acting_user=request.user,
                confirmed=form.cleaned_data["confirm"],
                comment=form.cleaned_data["comment"],
                expected_sha256=form.cleaned_data["sha256"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("You signed the document. It now goes to the clerk for its number and seal."))
        return redirect("documents:signing_detail", pk=signing_request.pk)


class ReturnView(SigningDetailView):
    http_method_names = ["post"]
    required_roles = (Role.LEADER,)

    def post(self, request, *args, **kwargs):
        signing_request = self.get_signing_request()
        form = ReturnForm(request.POST)
        if not form.is_valid():
            return self.render(signing_request, return_form=form)
        try:
            services.signing_return(
                request_id=signing_request.pk, acting_user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The document was returned to the drafter."))
        return redirect("documents:signing_detail", pk=signing_request.pk)


class IssueView(SigningDetailView):
    http_method_names = ["post"]
    required_roles = (Role.CLERK,)

    def post(self, request, *args, **kwargs):
        signing_request = self.get_signing_request()
        form = IssueForm(request.POST)
        if not form.is_valid():
            return self.render(signing_request, issue_form=form)
        try:
            signed = services.signing_issue(request_id=signing_request.pk, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Issued as number %(number)s.") % {"number": signed.document_number})
        return redirect("documents:signing_detail", pk=signing_request.pk)


class RegisterView(RoleRequiredMixin, View):
    """The register of outgoing documents (sổ văn bản đi) of the user's agency."""

    required_roles = (Role.CLERK, Role.LEADER, Role.PLANNER)

    def get(self, request, *args, **kwargs):
        from . import selectors

        year = request.GET.get("year")
        year = int(year) if year and year.isdigit() else None
        context = {
            "entries": selectors.register_entries(request.user, year)[:500],
            "year": year,
            "breadcrumbs": [(_("Register of outgoing documents"), "")],
        }
        return TemplateResponse(request, "documents/signing/register.html", context)


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


class DemoCrlView(View):
    """The demo CA's certificate revocation list (DER), as its certificates' CRL distribution
    point names it: public, like any CA's CRL; generated from the revoked certificates."""

    def get(self, request, *args, **kwargs):
        from cryptography.hazmat.primitives import serialization

        from .pki import demo_crl

        crl = demo_crl()
        if crl is None:
            raise Http404
        response = HttpResponse(crl.public_bytes(serialization.Encoding.DER), content_type="application/pkix-crl")
        response["Content-Disposition"] = 'attachment; filename="demo-ca.crl"'
        response["Cache-Control"] = "public, max-age=300"
        return response
