"""Pages of the reporting cycle. Thin views: the form validates, the service acts, the
selector reads. Every view is role-protected and builds its queryset with
``obligations_visible_to`` (objects outside the user's scope are 404)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from core import uploads
from core.autocomplete import AutocompleteView
from core.dispatch import reading_progress, reading_progress_response
from core.listhtml import QueryReplacer, pagination_html
from core.listtools import ListToolsMixin, set_choice_labels
from core.pagination import DeferredJoinPaginator
from core.permissions import PlannerRequiredMixin, RoleRequiredMixin
from directory.models import Role
from directory.selectors import formerly_prefetch

from . import excel, selectors, services, validation
from .filtersets import ObligationFilterSet
from .forms import (
    AttachmentForm,
    ExcelUploadForm,
    ObligationForm,
    ReopenForm,
    ReturnForm,
    return_field_choices,
)
from .lists import LIST_FIELDS, obligation_head_html, obligation_rows_html
from .models import Attachment, ExcelUpload, Notification, Obligation, ObligationKind, ObligationStatus

ANY_ROLE = (Role.PLANNER, Role.REPORTER, Role.LEADER, Role.CLERK)  # read access; editing checks its own role


def _errors(exc: ValidationError) -> list[str]:
    return list(exc.messages)


def flagged_fields(obligation) -> dict:
    """The fields a reviewer marked when returning: {"target": {ids}, "task": …, "budget": …, "text": {names}}."""
    flagged = {"target": set(), "task": set(), "budget": set(), "text": set()}
    for item in obligation.return_fields or []:
        kind, _sep, ident = str(item).partition(":")
        if kind in ("target", "task", "budget") and ident.isdigit():
            flagged[kind].add(int(ident))
        elif not ident:
            flagged["text"].add(kind)
    return flagged


class ObligationMixin(RoleRequiredMixin):
    """Loads the obligation from the user's visible reports (404 outside the scope)."""

    required_roles = ANY_ROLE

    def get_obligation(self) -> Obligation:
        if not hasattr(self, "_obligation"):
            self._obligation = get_object_or_404(selectors.obligations_visible_to(self.request.user), pk=self.kwargs["pk"])
        return self._obligation

    def crumbs(self, obligation, *extra):
        return [
            (_("Reports"), reverse("reports:obligation_list")),
            (str(obligation), obligation.get_absolute_url()),
            *extra,
        ]


# --------------------------------------------------------------------------- lists
class ObligationListView(RoleRequiredMixin, ListToolsMixin, FilterView):
    """reports:obligation_list — the agency's reports (reporters) or every visible report."""

    required_roles = ANY_ROLE
    template_name = "reports/obligation_list.html"
    filterset_class = ObligationFilterSet
    list_key = "reports"  # core.listtools: page size (50 by default), columns, saved filters, export
    paginator_class = DeferredJoinPaginator

    def get_queryset(self):
        # Only what the rows and the export read (``reports.lists``): the visible reports'
        # querysets join the issuer, the agency's unit and the two users and load every column
        # (the report's texts and JSON) for the report pages; for a page of 50 that was ~450
        # model instances and most of the list's ORM time (issue 17).
        qs = self.list_columns(selectors.obligations_visible_to(self.request.user).select_related(None))
        if self.request.GET.get("mine") == "1" and self.request.user.agency_id:
            qs = qs.filter(agency_id=self.request.user.agency_id)
        return selectors.order_actionable_first(qs)

    @staticmethod
    def list_columns(qs):
        return (
            qs.select_related("period__requirement__plan", "period__requirement__receiver", "agency")
            .only(*LIST_FIELDS)
            .prefetch_related(formerly_prefetch("agency"))
        )

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # The page's 50 rows are read by the ids the scoped, filtered list picked: without the
        # scope's UNION a second time in the same statement (core.pagination, issue 17).
        kwargs.setdefault("rows", self.list_columns(Obligation.objects.all()))
        if self.shows_every_visible_report():
            kwargs.setdefault("count", selectors.obligations_visible_count(self.request.user))
        return super().get_paginator(queryset, per_page, orphans, allow_empty_first_page, **kwargs)

    def shows_every_visible_report(self) -> bool:
        """Whether the list is every report the user sees: no filter set (an unbound form, or a
        valid one whose every filter is empty; the ordering changes no count) and not "mine".
        Its count is then the scope's own (``obligations_visible_count``)."""
        if self.request.GET.get("mine") == "1" and self.request.user.agency_id:
            return False
        filterset = getattr(self, "filterset", None)
        if filterset is None:
            return False
        if not filterset.is_bound:
            return True
        if not filterset.is_valid():
            return False
        return all(value in (None, "", [], (), False) for name, value in filterset.form.cleaned_data.items() if name != "ordering")

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["plans"] = selectors.obligation_filter_plans(self.request.user)
        kwargs["agencies"] = selectors.obligation_filter_agencies(self.request.user)
        kwargs["periods"] = selectors.obligation_filter_periods(self.request.user)
        kwargs["today"] = timezone.localdate()
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["breadcrumbs"] = [(_("Reports"), "")]
        ctx["today"] = timezone.localdate()
        set_choice_labels(ctx["object_list"], status=ObligationStatus.choices)
        tools = ctx["list_tools"]
        ctx["rows_html"] = obligation_rows_html(ctx["object_list"], tools["show"], ctx["today"], tools["visible_count"])
        # The header and the pager written in Python (core.listhtml), the query string copied once.
        query = QueryReplacer(self.request.GET)
        ctx["head_html"] = obligation_head_html(self.request, query, tools["show"])
        ctx["pagination_html"] = mark_safe(pagination_html(query, ctx.get("page_obj")))
        return ctx


class ReviewListView(PlannerRequiredMixin, TemplateView):
    """reports:review_list — the receiving agency's planners' inbox and consolidations."""

    template_name = "reports/review_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["inbox"] = list(selectors.review_inbox(user).prefetch_related(formerly_prefetch("agency"))[:200])
        ctx["consolidations"] = list(selectors.consolidations_to_build(user)[:100])
        ctx["today"] = timezone.localdate()
        ctx["breadcrumbs"] = [(_("Review"), "")]
        return ctx


class NotificationListView(RoleRequiredMixin, ListView):
    """reports:notification_list — the user's notifications, newest first; POST marks read."""

    required_roles = ANY_ROLE
    template_name = "reports/notification_list.html"
    paginate_by = 30

    def get_queryset(self):
        return selectors.notifications_for(self.request.user)

    def post(self, request, *args, **kwargs):
        ids = request.POST.getlist("id")
        # ``isdecimal``: what ``int`` reads ("²" is a digit to ``isdigit``: a 500); an id past a bigint is none
        ids = [int(i) for i in ids if i.isdecimal() and len(i) <= 18]
        services.notifications_mark_read(user=request.user, ids=ids or None)
        return redirect("reports:notification_list")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["breadcrumbs"] = [(_("Notifications"), "")]
        return ctx


class NotificationOpenView(RoleRequiredMixin, View):
    """Marks one notification read and follows its link (only the user's own)."""

    required_roles = ANY_ROLE

    def post(self, request, pk):
        note = get_object_or_404(Notification, pk=pk, user=request.user)
        services.notifications_mark_read(user=request.user, ids=[note.pk])
        url = note.url if note.url.startswith("/") and not note.url.startswith("//") else reverse("reports:notification_list")
        return HttpResponseRedirect(url)


# --------------------------------------------------------------------------- one report
class ObligationDetailView(ObligationMixin, DetailView):
    """reports:obligation_detail — the report with its status, content, actions and attachments."""

    template_name = "reports/obligation_detail.html"
    context_object_name = "obligation"

    def get_object(self, queryset=None):
        return self.get_obligation()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ob = self.object
        user = self.request.user
        lines = selectors.form_lines(ob)
        standalone = services.is_standalone_consolidation(ob)
        # Stored at submission for a report waiting for review or approved; recomputed for drafts.
        flags, flag_rows = validation.review_flags(ob, lines)
        problems = []
        if ob.status in services.EDITABLE_STATUSES:
            problems = services.submission_problems(ob, lines)
            if not standalone:
                problems += services.unexplained_problems(ob, lines, flags)
        ctx.update(
            lines=lines,
            value_flags=flags,
            # Flagged values with their explanations: the box at the top and the approve step.
            flag_rows=flag_rows,
            flags_stored=validation.uses_stored(ob),
            can_edit=services.can_edit(user, ob),
            can_review=services.can_review(user, ob),
            standalone=standalone,
            attachments=list(ob.attachments.select_related("uploaded_by")),
            attachment_form=AttachmentForm(),
            return_form=ReturnForm(choices=return_field_choices(lines)),
            reopen_form=ReopenForm(),
            problems=problems,
            flagged=flagged_fields(ob),
            today=timezone.localdate(),
            # The period's calendar: the form opens on its first day, submitting and approving
            # from the data cut-off (or earlier when the plan allows it).
            is_open=services.is_open(ob),
            can_submit_now=services.can_submit_now(ob),
            submission_opens=services.submission_opens_on(ob.period),
            breadcrumbs=self.crumbs(ob)[:-1] + [(str(ob), "")],
        )
        return ctx


class ObligationEditView(ObligationMixin, TemplateView):
    """reports:obligation_edit — the fill-in form (save draft / submit), with optimistic locking."""

    template_name = "reports/obligation_form.html"

    def check_editable(self, ob):
        if not services.can_edit(self.request.user, ob):
            raise PermissionDenied(_("You may not edit this report."))

    def refused_by_status(self, ob):
        """Its own agency's editor meets a report that is not open for editing (approved, waiting
        for review): say why on the report's page instead of a bare "access denied"."""
        user = self.request.user
        if ob.status in services.EDITABLE_STATUSES and not services.is_open(ob) and services.can_edit(user, ob):
            messages.error(
                self.request,
                _("This report opens on %(date)s, when its period (%(period)s) begins.")
                % {"date": ob.period.start.strftime("%d/%m/%Y"), "period": ob.period.label},
            )
            return redirect(ob.get_absolute_url())
        if ob.status in services.EDITABLE_STATUSES or not (user.is_superuser or user.agency_id == ob.agency_id):
            return None
        if ob.is_locked:
            messages.error(self.request, _("This report is approved and locked. A reviewer may reopen it with a reason."))
        else:
            messages.error(
                self.request, _("This report has been submitted and is waiting for review; it cannot be edited now.")
            )
        return redirect(ob.get_absolute_url())

    def get_context_data(self, form=None, conflict=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ob = self.get_obligation()
        lines = form.lines if form else selectors.form_lines(ob)
        flags = form.flags if form else validation.line_flags(ob, lines)
        missing = None
        if self.request.GET.get("check"):
            # After a refused submit, the rows still missing a value or an explanation are marked.
            missing = services.submission_missing(ob, lines)
            missing["explain"] = {line.target.pk for line, _f in validation.unexplained(ob, lines, flags)}
        ctx.update(
            obligation=ob,
            form=form or ObligationForm(lines=lines, obligation=ob, flags=flags),
            conflict=conflict,
            standalone=services.is_standalone_consolidation(ob),
            can_submit_now=services.can_submit_now(ob),
            submission_opens=services.submission_opens_on(ob.period),
            flagged=flagged_fields(ob),
            missing=missing,
            breadcrumbs=self.crumbs(ob, (_("Fill in"), "")),
        )
        return ctx

    def get(self, request, *args, **kwargs):
        refused = self.refused_by_status(self.get_obligation())
        if refused:
            return refused
        self.check_editable(self.get_obligation())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        ob = self.get_obligation()
        refused = self.refused_by_status(ob)
        if refused:
            return refused
        self.check_editable(ob)
        lines = selectors.form_lines(ob)
        flags = validation.line_flags(ob, lines)
        form = ObligationForm(request.POST, lines=lines, obligation=ob, flags=flags)
        if not form.is_valid():
            messages.error(request, _("Please correct the errors below."))
            return self.render_to_response(self.get_context_data(form=form))
        try:
            services.obligation_save_draft(
                obligation=ob, acting_user=request.user, version=form.cleaned_data["version"], data=form.service_data()
            )
        except services.StaleVersion as exc:
            messages.error(request, exc.messages[0])
            current = exc.current
            theirs = ObligationForm.initial_from(current, selectors.form_lines(current))
            # Who saved the other version and when: the reporter can call that colleague.
            last = current.history.select_related("history_user").order_by("-history_date").first()
            conflict = {
                "theirs": theirs,
                "version": current.version,
                "by": last.history_user if last else None,
                "at": last.history_date if last else None,
            }
            # Keep what this editor typed, but let the next save target the current version.
            data = request.POST.copy()
            data["version"] = current.version
            form = ObligationForm(data, lines=lines, obligation=ob, flags=flags)
            form.is_valid()
            form.theirs = theirs
            return self.render_to_response(self.get_context_data(form=form, conflict=conflict), status=409)
        except ValidationError as exc:
            for m in _errors(exc):
                messages.error(request, m)
            return self.render_to_response(self.get_context_data(form=form))
        if "submit" in request.POST:
            # Saved; submitting is a second, confirmed step (the confirmation page says what
            # will happen). What still blocks it is said here, on the form.
            ob.refresh_from_db()
            problems = services.submission_problems(ob) + services.unexplained_problems(ob)
            if problems or not services.can_submit_now(ob):
                messages.warning(request, _("The draft was saved, but the report cannot be submitted yet:"))
                if not services.can_submit_now(ob):
                    problems.insert(0, services.before_cutoff_message(ob, approving=False))
                for m in problems:
                    messages.error(request, m)
                return redirect(reverse("reports:obligation_edit", kwargs={"pk": ob.pk}) + "?check=1")
            messages.success(request, _("Draft saved. Check and confirm the submission below."))
            return redirect("reports:obligation_submit", pk=ob.pk)
        messages.success(request, _("Draft saved."))
        return redirect("reports:obligation_edit", pk=ob.pk)


class ObligationActionView(ObligationMixin, View):
    """Base of the POST-only workflow actions; subclasses call one service."""

    def post(self, request, pk):
        ob = self.get_obligation()
        try:
            done = self.act(ob)
        except ValidationError as exc:
            if getattr(exc, "code", None) == "forbidden":
                raise PermissionDenied
            for m in _errors(exc):
                messages.error(request, m)
            return redirect(ob.get_absolute_url())
        if done:
            messages.success(request, done)
        return redirect(ob.get_absolute_url())


class ConfirmedActionView(ObligationActionView):
    """A workflow step that asks for confirmation first (issue 15), without JavaScript.

    GET, or a POST without ``confirmed=1`` (the buttons on the report page), shows
    ``reports/obligation_confirm.html``: which report, what will happen, what becomes locked
    and who will be notified, with the step's form (reason, fields) to check or complete.
    Nothing changes until that page's "Confirm" button posts ``confirmed=1``; the service
    then runs the step in its own transaction (``core.transitions``)."""

    template_name = "reports/obligation_confirm.html"
    action = ""
    form_class = None

    def allowed(self, ob) -> bool:
        return services.can_review(self.request.user, ob)

    def not_now(self, ob) -> str | None:
        """Why the step cannot run in the report's current state (a stale page), else None."""
        return None

    def make_form(self, ob, data=None):
        return None

    def get(self, request, pk):
        return self.confirm(self.get_obligation(), None)

    def post(self, request, pk):
        if request.POST.get("confirmed") == "1":
            return super().post(request, pk)
        return self.confirm(self.get_obligation(), request.POST)

    def confirm(self, ob, data):
        if not self.allowed(ob):
            raise PermissionDenied
        refused = self.not_now(ob)
        if refused:
            messages.error(self.request, refused)
            return redirect(ob.get_absolute_url())
        form = self.make_form(ob, data)
        if form is not None and data is not None:
            form.is_valid()  # show what is missing (the reason) on the confirmation page
        ctx = {
            "obligation": ob,
            "action": self.action,
            "form": form,
            "standalone": services.is_standalone_consolidation(ob),
            "breadcrumbs": self.crumbs(ob, (self.title(), "")),
            "title": self.title(),
            **selectors.transition_summary(ob, self.action),
        }
        return TemplateResponse(self.request, self.template_name, ctx)


class ObligationSubmitView(ConfirmedActionView):
    action = "submit"

    def title(self):
        return _("Submit the report")

    def allowed(self, ob):
        return services.can_edit(self.request.user, ob)

    def not_now(self, ob):
        if ob.status not in services.EDITABLE_STATUSES:
            return _("This report has already been submitted.")
        return None

    def act(self, ob):
        if not services.can_edit(self.request.user, ob):
            raise PermissionDenied
        services.obligation_submit(obligation=ob, acting_user=self.request.user)
        return _("The report was submitted.")


class ObligationReturnView(ConfirmedActionView):
    """reports:obligation_return — reason + fields concerned."""

    action = "return"

    def title(self):
        return _("Return the report for correction")

    def not_now(self, ob):
        if ob.status != "submitted":
            return _("Only a submitted report can be returned.")
        return None

    def make_form(self, ob, data=None):
        return ReturnForm(data, choices=return_field_choices(selectors.form_lines(ob)))

    def act(self, ob):
        if not services.can_review(self.request.user, ob):
            raise PermissionDenied
        form = self.make_form(ob, self.request.POST)
        if not form.is_valid():
            raise ValidationError(_("Give the reason for returning the report."), code="reason_required")
        services.obligation_return(
            obligation=ob, acting_user=self.request.user, reason=form.cleaned_data["reason"], fields=form.cleaned_data["fields"]
        )
        return _("The report was returned to %(agency)s.") % {"agency": ob.agency}


class ObligationApproveView(ConfirmedActionView):
    action = "approve"

    def title(self):
        if services.is_standalone_consolidation(self.get_obligation()):
            return _("Finalise the consolidated report")
        return _("Approve the report")

    def not_now(self, ob):
        if ob.status == "approved":
            return _("This report is already approved.")
        if ob.status != "submitted" and not services.is_standalone_consolidation(ob):
            return _("Only a submitted report can be approved.")
        return None

    def act(self, ob):
        if not services.can_review(self.request.user, ob):
            raise PermissionDenied
        services.obligation_approve(obligation=ob, acting_user=self.request.user)
        return _("The report was approved and is now locked.")


class ObligationReopenView(ConfirmedActionView):
    action = "reopen"

    def title(self):
        return _("Reopen the approved report")

    def not_now(self, ob):
        if ob.status != "approved":
            return _("Only an approved report can be reopened.")
        return None

    def make_form(self, ob, data=None):
        return ReopenForm(data)

    def act(self, ob):
        if not services.can_review(self.request.user, ob):
            raise PermissionDenied
        form = ReopenForm(self.request.POST)
        if not form.is_valid():
            raise ValidationError(_("Give the reason for reopening the report."), code="reason_required")
        services.obligation_reopen(obligation=ob, acting_user=self.request.user, reason=form.cleaned_data["reason"])
        return _("The report was reopened.")


class ObligationRemindView(ObligationActionView):
    """A reviewer sends a reminder by hand (once per day)."""

    def act(self, ob):
        if not services.can_review(self.request.user, ob):
            raise PermissionDenied
        sent = services.reminder_send(obligation=ob, kind="manual", acting_user=self.request.user)
        return _("Reminder sent.") if sent else _("A reminder was already sent today.")


# --------------------------------------------------------------------------- attachments
class AttachmentAddView(ObligationActionView):
    def act(self, ob):
        if not services.can_edit(self.request.user, ob):
            raise PermissionDenied
        form = AttachmentForm(self.request.POST, self.request.FILES)
        if not form.is_valid():
            raise ValidationError(_("Choose a file to attach."), code="no_file")
        services.attachment_add(obligation=ob, acting_user=self.request.user, upload=form.cleaned_data["file"])
        return _("File attached.")


class AttachmentDeleteView(ObligationActionView):
    def act(self, ob):
        att = get_object_or_404(Attachment, pk=self.kwargs["attachment_pk"], obligation=ob)
        if not services.can_edit(self.request.user, ob):
            raise PermissionDenied
        services.attachment_delete(attachment=att, acting_user=self.request.user)
        return _("Attachment removed.")

    def post(self, request, pk, attachment_pk):
        return super().post(request, pk)


class AttachmentDownloadView(ObligationMixin, View):
    def get(self, request, pk, attachment_pk):
        ob = self.get_obligation()
        att = get_object_or_404(Attachment, pk=attachment_pk, obligation=ob)
        try:
            handle = att.file.open("rb")
        except FileNotFoundError:
            raise Http404
        return uploads.download_response(handle, filename=att.original_name, content_type=att.content_type)


# --------------------------------------------------------------------------- consolidation and history
class ConsolidationView(ObligationMixin, TemplateView):
    """reports:consolidation — combined values, progress, compliance, gathered narratives."""

    template_name = "reports/consolidation.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ob = self.get_obligation()
        if ob.kind != ObligationKind.CONSOLIDATION:
            raise Http404
        ctx.update(selectors.consolidation_overview(ob))
        ctx.update(
            obligation=ob,
            can_edit=services.can_edit(self.request.user, ob),
            breadcrumbs=self.crumbs(ob, (_("Consolidation"), "")),
        )
        return ctx

    def post(self, request, pk):
        ob = self.get_obligation()
        if ob.kind != ObligationKind.CONSOLIDATION:
            raise Http404
        if not services.can_edit(request.user, ob):
            raise PermissionDenied
        try:
            services.consolidation_build(obligation=ob, acting_user=request.user, version=int(request.POST.get("version", ob.version)))
        except ValidationError as exc:
            for m in _errors(exc):
                messages.error(request, m)
            return redirect("reports:consolidation", pk=ob.pk)
        messages.success(request, _("The consolidated values were computed from the approved submissions."))
        return redirect("reports:obligation_edit", pk=ob.pk)


class ObligationHistoryView(ObligationMixin, TemplateView):
    """reports:obligation_history — who changed what and when."""

    template_name = "reports/obligation_history.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ob = self.get_obligation()
        ctx.update(obligation=ob, events=selectors.obligation_history(ob), breadcrumbs=self.crumbs(ob, (_("Change history"), "")))
        return ctx


# --------------------------------------------------------------------------- offline Excel
class ExcelDownloadView(ObligationMixin, View):
    """reports:obligation_excel — the report as an Excel form to fill offline."""

    def get(self, request, pk):
        ob = self.get_obligation()
        content = excel.build_workbook(ob, selectors.form_lines(ob))
        response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="bao-cao-{ob.pk}-v{ob.version}.xlsx"'
        return response


class ExcelUploadView(ObligationMixin, TemplateView):
    """reports:obligation_excel_upload — upload the filled form. The request only checks and
    stores it; the reading is a Celery task (issue 12) and the upload's page
    (``obligation_excel_review``) shows its progress, then the preview to confirm."""

    template_name = "reports/excel_upload.html"

    def check_editable(self):
        ob = self.get_obligation()
        if not services.can_edit(self.request.user, ob):
            raise PermissionDenied
        return ob

    def get(self, request, *args, **kwargs):
        self.check_editable()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ob = self.get_obligation()
        ctx.setdefault("form", ExcelUploadForm())
        ctx.update(
            obligation=ob,
            recent=_excel_uploads(self.request.user, ob).exclude(status=ExcelUpload.Status.APPLIED)[:5],
            breadcrumbs=self.crumbs(ob, (_("Excel form"), "")),
        )
        return ctx

    def post(self, request, pk):
        ob = self.check_editable()
        form = ExcelUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            row = services.excel_upload_create(obligation=ob, acting_user=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error("file", exc)
            return self.render_to_response(self.get_context_data(form=form))
        return redirect("reports:obligation_excel_review", pk=ob.pk, upload_pk=row.pk)


def _excel_uploads(user, ob):
    """Uploads of this report the user may open: their own (admins: all)."""
    qs = ExcelUpload.objects.filter(obligation=ob).select_related("obligation")
    return qs if user.is_superuser else qs.filter(uploaded_by=user)


def _excel_progress(ob, row) -> dict:
    url = reverse("reports:obligation_excel_status", args=[ob.pk, row.pk])
    return {"obligation": ob, "upload": row, **reading_progress(row, status_url=url)}


class ExcelUploadReviewView(ExcelUploadView):
    """reports:obligation_excel_review — one uploaded form: the reading's progress, why it
    failed (read again / discard), its problems, or the preview to confirm (POST ``action``)."""

    template_name = "reports/excel_review.html"

    def get_upload(self):
        ob = self.check_editable()
        return ob, get_object_or_404(_excel_uploads(self.request.user, ob), pk=self.kwargs["upload_pk"])

    def get(self, request, *args, **kwargs):
        ob, row = self.get_upload()
        if row.status == ExcelUpload.Status.APPLIED:
            messages.info(request, _("These values have already been saved."))
            return redirect("reports:obligation_edit", pk=ob.pk)
        ctx = _excel_progress(ob, row)
        if row.status == ExcelUpload.Status.READ:
            data = excel.data_from_json(row.data) if row.data else {}
            ctx.update(
                problems=row.problems,
                parsed=row.can_apply,
                preview=excel.diff_preview(data, selectors.form_lines(ob), ob) if data else [],
            )
        ctx.update(
            breadcrumbs=self.crumbs(
                ob, (_("Excel form"), reverse("reports:obligation_excel_upload", args=[ob.pk])), (row.original_name, "")
            )
        )
        return self.render_to_response(ctx)

    def post(self, request, pk, upload_pk):
        ob, row = self.get_upload()
        action = request.POST.get("action")
        try:
            if action == "confirm":
                services.excel_upload_apply(upload=row, acting_user=request.user)
                messages.success(request, _("The values from the Excel form were saved as a draft."))
                return redirect("reports:obligation_edit", pk=ob.pk)
            if action == "retry":
                services.excel_upload_retry(upload=row, acting_user=request.user)
            elif action == "discard":
                services.excel_upload_discard(upload=row, acting_user=request.user)
                messages.success(request, _("The uploaded file was discarded."))
                return redirect("reports:obligation_excel_upload", pk=ob.pk)
        except ValidationError as exc:
            for m in _errors(exc):
                messages.error(request, m)
        return redirect("reports:obligation_excel_review", pk=ob.pk, upload_pk=row.pk)


class ExcelUploadStatusView(ExcelUploadReviewView):
    """reports:obligation_excel_status — small htmx endpoint: the reading's progress; tells the
    page to reload when it ends."""

    def get(self, request, *args, **kwargs):
        ob, row = self.get_upload()
        return reading_progress_response(request, _excel_progress(ob, row))

    def post(self, request, *args, **kwargs):
        raise Http404


class PlanGenerateView(PlannerRequiredMixin, View):
    """reports:plan_generate — create a plan's periods and obligations now (the daily job
    does it too), for the issuing agency's planners once the plan is in force."""

    def post(self, request, plan_pk):
        from plans.selectors import plan_can_edit, plans_visible_to

        plan = get_object_or_404(plans_visible_to(request.user), pk=plan_pk)
        if not plan_can_edit(request.user, plan):  # the plan-write row of the permission table
            raise PermissionDenied
        try:
            result = services.obligations_generate(plan=plan, acting_user=request.user)
        except ValidationError as exc:
            for m in _errors(exc):
                messages.error(request, m)
        else:
            messages.success(
                request,
                _("%(periods)s reporting periods and %(reports)s reports were created.")
                % {"periods": result.periods_created, "reports": result.obligations_created},
            )
            for err in result.errors:
                messages.warning(request, err)
        return redirect(plan.get_absolute_url())


class PlanFilterAutocompleteView(AutocompleteView):
    """The report list's plan filter (issue 17): plans of the reports the user sees."""

    required_roles = ANY_ROLE

    def get_queryset(self):
        return selectors.obligation_filter_plans(self.request.user)

    def sub(self, obj):
        return obj.issuer.name if obj.issuer_id else ""


class AgencyFilterAutocompleteView(AutocompleteView):
    """The report list's agency filter (issue 18): agencies of the reports the user sees."""

    required_roles = ANY_ROLE

    def get_queryset(self):
        return selectors.obligation_filter_agencies(self.request.user)

    def sub(self, obj):
        return obj.unit.full_name
