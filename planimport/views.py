"""The page "Nhập kế hoạch từ văn bản": upload → review (the plan page's forms beside the
highlighted source) → confirm (a draft plan). Planners only; a session belongs to the user
who uploaded it (another user's session is a 404).

Reading is a Celery task (issue 12: never parse in the request): the upload stores the file
and answers at once with the session's page, which shows the progress (htmx polling, slower
and slower, as the registry import) until the document is read, then the review; when the
reading failed, the reason (naming the limit) with "read again" and "discard". With eager
Celery (no REDIS_URL, the demo) the reading runs right after the upload's commit.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from core.dispatch import reading_progress, reading_progress_response
from core.permissions import PlannerRequiredMixin

from . import services
from .forms import NewIssuerForm, PlanUploadForm
from .highlight import Item, segments
from .models import ImportSession

# Header form fields → the item id of the span they were read from.
HEADER_ITEMS = {
    "issuer": "field-issuer",
    "issuer_text": "field-issuer",
    "number": "field-number",
    "symbol": "field-number",
    "place": "field-place",
    "issue_date": "field-date",
    "document_year": "field-date",
    "title": "field-title",
    "kind": "field-title",
    "period_start": "field-period",
    "period_end": "field-period",
    "signer_authority": "field-signer",
    "signer_title": "field-signer",
    "signer_name": "field-signer",
    "recipients": "field-recipients",
}
ROW_KINDS = {
    "legal_bases": "basis",
    "sections": "section",
    "targets": "target",
    "tasks": "task",
    "budget_lines": "budget",
    "responsibilities": "responsibility",
    "reporting_requirements": "reporting",
}


def sessions_of(user):
    """Sessions a user may open: their own (admins: all)."""
    qs = ImportSession.objects.select_related("created_by", "plan")
    return qs if user.is_superuser else qs.filter(created_by=user)


def _crumbs(*extra):
    return [(gettext_lazy("Plans"), reverse("plans:plan_list")), *extra]


class PlanUploadView(PlannerRequiredMixin, FormView):
    """Upload a .docx/.pdf/.txt or paste text; the reader's failures come back as form errors."""

    template_name = "planimport/upload.html"
    form_class = PlanUploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = _crumbs((_("Import a plan from a document"), ""))
        context["recent"] = sessions_of(self.request.user).filter(plan__isnull=True)[:5]
        context["max_mb"] = services.max_upload_bytes() // (1024 * 1024)
        return context

    def form_valid(self, form):
        try:
            session = services.import_session_create(
                acting_user=self.request.user,
                file=form.cleaned_data.get("file"),
                text=form.cleaned_data.get("text") or "",
            )
        except ValidationError as exc:
            form.add_error("file" if form.cleaned_data.get("file") else None, exc)
            return self.form_invalid(form)
        return redirect(session)


def _progress_context(session: ImportSession) -> dict:
    return {"session": session, **reading_progress(session, status_url=reverse("planimport:status", args=[session.pk]))}


class PlanImportReviewView(PlannerRequiredMixin, TemplateView):
    """The draft plan in the plan page's forms beside the source text; POST saves it.
    Before the document is read: its progress, or why it could not be read."""

    template_name = "planimport/review.html"

    def get_session(self) -> ImportSession:
        if not hasattr(self, "_session"):
            self._session = get_object_or_404(sessions_of(self.request.user), pk=self.kwargs["pk"])
        return self._session

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_role("planner"):
            session = self.get_session()
            if session.plan_id:
                messages.info(request, _("This document has already been saved as a plan."))
                return redirect(session.plan)
            if not session.is_read:
                if request.method != "GET":
                    return redirect(session)
                return self.response_class(
                    request=request,
                    template=["planimport/progress.html"],
                    context={
                        **_progress_context(session),
                        "breadcrumbs": _crumbs(
                            (_("Import a plan from a document"), reverse("planimport:upload")),
                            (session.filename or _("Pasted text"), ""),
                        ),
                    },
                    using=self.template_engine,
                )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        from plans.forms import plan_form_bundle

        session = self.get_session()
        prefill = services.import_prefill(data=session.data, user=request.user)
        bundle = plan_form_bundle(user=request.user, initial=prefill.header, initial_rows=prefill.rows)
        issuer_form = NewIssuerForm(user=request.user, proposed_name=prefill.proposed_issuer)
        return self.render_to_response(self.get_context_data(bundle=bundle, prefill=prefill, issuer_form=issuer_form))

    def post(self, request, *args, **kwargs):
        from plans.forms import plan_form_bundle

        session = self.get_session()
        prefill = services.import_prefill(data=session.data, user=request.user)
        issuer_form = NewIssuerForm(request.POST, user=request.user, proposed_name=prefill.proposed_issuer)
        bundle = None
        plan = None
        # One transaction: a new issuer created for this plan disappears again when the
        # forms are invalid, so nothing is saved before a valid confirmation.
        with transaction.atomic():
            data = request.POST
            if issuer_form.is_valid() and issuer_form.cleaned_data.get("create"):
                try:
                    agency = services.import_issuer_create(
                        acting_user=request.user,
                        name=issuer_form.cleaned_data["name"],
                        unit=issuer_form.cleaned_data["unit"],
                        short_name=issuer_form.cleaned_data.get("short_name") or "",
                    )
                except ValidationError as exc:
                    issuer_form.add_error(None, exc)
                else:
                    data = request.POST.copy()
                    data["issuer"] = str(agency.pk)
            bundle = plan_form_bundle(user=request.user, data=data)
            if issuer_form.is_valid() and bundle.is_valid():
                try:
                    plan = services.import_session_confirm(
                        session=session,
                        acting_user=request.user,
                        header=bundle.header_data(),
                        collections=bundle.collections(),
                    )
                except ValidationError as exc:
                    _apply_errors(bundle.form, exc)
                    transaction.set_rollback(True)
            else:
                transaction.set_rollback(True)
        if plan is not None and getattr(plan, "import_duplicate", False):
            messages.info(
                request,
                _(
                    "This document (%(reference)s) is already in the portal: the import now points to the "
                    "existing plan and no second plan was created."
                )
                % {"reference": plan.reference},
            )
            return redirect(plan)
        if plan is not None:
            messages.success(request, _("The plan was saved as a draft. Check it and issue it when ready."))
            return redirect(plan)
        messages.error(request, bundle.error_message())
        return self.render_to_response(self.get_context_data(bundle=bundle, prefill=prefill, issuer_form=issuer_form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = self.get_session()
        prefill = context["prefill"]
        bundle = context["bundle"]
        data = session.data or {}
        items = _annotate(bundle, prefill, data)
        context.update(
            session=session,
            form=bundle.form,
            segments=segments(data.get("source_text") or "", items),
            header_items=HEADER_ITEMS,
            field_notes={HEADER_ITEMS.get(k, k): v for k, v in prefill.field_notes.items()},
            field_note_by_name={
                name: prefill.field_notes.get(item.removeprefix("field-")) for name, item in HEADER_ITEMS.items()
            },
            counts={
                "targets": len(data.get("targets") or []),
                "tasks": len(data.get("tasks") or []),
                "unsure": sum(1 for i in items if i.unsure),
            },
            breadcrumbs=_crumbs(
                (_("Import a plan from a document"), reverse("planimport:upload")),
                (session.filename or _("Pasted text"), ""),
            ),
        )
        return context


class PlanImportStatusView(PlannerRequiredMixin, View):
    """Small htmx endpoint: the reading's progress; tells the page to reload when it ends."""

    def get(self, request, *args, **kwargs):
        session = get_object_or_404(sessions_of(request.user), pk=kwargs["pk"])
        return reading_progress_response(request, _progress_context(session))


class PlanImportRetryView(PlannerRequiredMixin, View):
    """POST: read again a document whose reading failed."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        session = get_object_or_404(sessions_of(request.user), pk=kwargs["pk"])
        try:
            services.import_session_retry(session=session, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(session)


class PlanImportDiscardView(PlannerRequiredMixin, View):
    """POST: forget a document read but not saved, back to the upload page."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        session = get_object_or_404(sessions_of(request.user), pk=kwargs["pk"])
        try:
            services.import_session_discard(session=session, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(session.plan or "planimport:upload")
        messages.success(request, _("The document was discarded."))
        return redirect("planimport:upload")


def _annotate(bundle, prefill, data) -> list[Item]:
    """Give each prefilled row its item id, span and notes; return the items to highlight."""
    items: list[Item] = []
    for name, note in prefill.field_notes.items():
        if note.span:
            items.append(
                Item(
                    id=f"field-{name}",
                    kind="field",
                    span=tuple(note.span),
                    unsure=note.unsure,
                    visible=name not in ("period",),
                )
            )
    for prefix, formset in bundle.formsets.items():
        notes = prefill.row_notes.get(prefix) or []
        start = formset.initial_form_count()
        for i, form in enumerate(formset.forms[start:]):
            note = notes[i] if i < len(notes) else None
            form.import_item = form.prefix
            form.import_note = note
            if note is not None:
                # After a failed POST the rows are bound: keep the reader's doubts visible.
                form.unsure = form.unsure or note.unsure
                if note.span:
                    items.append(
                        Item(
                            id=form.prefix,
                            kind=ROW_KINDS[prefix],
                            span=tuple(note.span),
                            unsure=note.unsure,
                            visible=prefix not in ("sections", "responsibilities"),
                        )
                    )
    budget = data.get("budget") or {}
    for source in budget.get("sources") or []:
        if (
            isinstance(source, dict)
            and source.get("span")
            and bundle.formsets.get("budget_lines")
            and bundle.formsets["budget_lines"].forms
        ):
            items.append(Item(id="budget_lines-0", kind="budget", span=tuple(source["span"])))
    return items


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
