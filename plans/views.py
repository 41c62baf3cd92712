"""Plan pages: thin views over ``plans.selectors`` (reads, scoping) and ``plans.services``
(writes, workflow). Deny by default: every view needs a portal role; objects come from
``plans_visible_to`` (outside the user's scope → 404); changes need a planner whose area
contains the issuing agency (else 403)."""

import datetime
import re
from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView

from core.autocomplete import AutocompleteView
from core.listhtml import QueryReplacer, pagination_html
from core.listtools import ListToolsMixin, set_choice_labels
from core.pagination import CountedRowsPaginator
from core.permissions import PlannerRequiredMixin, RoleRequiredMixin
from core.transitions import StaleEdit, conflict_rows
from directory.selectors import agencies_alive_on, alive_between_q

from . import services
from .filtersets import PlanFilterSet
from .forms import (
    DATE_INPUT_FORMATS,
    PLAN_DATE_FIELDS,
    AmendmentForm,
    CloneForm,
    ConfirmForm,
    PlanIssueForm,
    SupersedeForm,
    plan_form_bundle,
    plan_window,
)
from .history import plan_history
from .lists import PLAN_ROW_COLUMNS, PlanRow, plan_head_html, plan_rows_html
from .models import Plan, PlanKind, PlanStatus
from .selectors import (
    agencies_for_assignment,
    issuers_for,
    plan_budget_total,
    plan_can_edit,
    plan_filter_issuers,
    plan_get_for_detail,
    plan_implements_is_cited,
    plan_open_amendment,
    plan_target_rows,
    plans_visible_to,
)

PARTIALS = {
    "plan_actions_template": "documents/partials/plan_actions.html",
    "plan_schedule_template": "reports/partials/plan_schedule.html",
}


def _existing_template(name: str) -> str | None:
    """Other apps fill these partials; until they exist the plan page leaves them out."""
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return None
    return name


def _list_crumb():
    return (gettext_lazy("Plans"), reverse("plans:plan_list"))


def _apply_errors(form, exc: ValidationError) -> None:
    """Attach a service's ValidationError to ``form`` (per field where the form has it)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _apply_row_errors(bundle, exc) -> None:
    """Put each "row in use" message on the row it concerns (and the header if the row is gone)."""
    for name, pk, message in exc.rows:
        formset = bundle.formsets.get(name)
        form = next((f for f in formset.forms if f.instance.pk == pk), None) if formset is not None else None
        (form or bundle.form).add_error(None, message)


class PlanListView(RoleRequiredMixin, ListToolsMixin, FilterView):
    """All plans the user may see, filtered, sorted and paginated (25 per page unless the user
    chose 50 or 100); columns, saved filters and export from ``core.listtools`` ("plans")."""

    filterset_class = PlanFilterSet
    template_name = "plans/plan_list.html"
    list_key = "plans"
    context_object_name = "plans"

    def get_queryset(self):
        return plans_visible_to(self.request.user).only(
            "id", "number", "symbol", "title", "kind", "status", "issue_date", "document_year", "period_start",
            "period_end", "in_force", "modified", "issuer__id", "issuer__name", "issuer__short_name",
            "issuer__unit__id", "issuer__unit__name", "issuer__unit__kind",
        )

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        """The page as tuples (``PlanRow``s); a scoped user's count and page in one statement,
        which computes the visibility UNION once instead of twice (issue 17). The whole
        country's list has no such subquery: its COUNT reads an index alone and its page the
        first rows of another, cheaper than a window over every plan."""
        return CountedRowsPaginator(
            queryset, per_page, orphans, allow_empty_first_page, columns=PLAN_ROW_COLUMNS, make_row=PlanRow,
            window=not self.request.user.is_superuser, **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [(_("Plans"), "")]
        context["can_create"] = self.request.user.has_role("planner")
        set_choice_labels(context["plans"], kind=PlanKind.choices, status=PlanStatus.choices)
        tools = context["list_tools"]
        context["rows_html"] = plan_rows_html(context["plans"], tools["show"], tools["visible_count"])
        query = QueryReplacer(self.request.GET)
        context["head_html"] = plan_head_html(self.request, query, tools["show"])
        context["pagination_html"] = mark_safe(pagination_html(query, context["page_obj"]))
        return context


class PlanDetailView(RoleRequiredMixin, TemplateView):
    """The plan as it reads in the document, with its data and the actions by role."""

    template_name = "plans/plan_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        plan = plan_get_for_detail(self.kwargs["pk"], user)
        open_amendment = plan_open_amendment(plan)
        can_edit = plan_can_edit(user, plan)
        context.update(
            plan=plan,
            target_table=plan_target_rows(plan, datetime.date.today()),
            budget_total=plan_budget_total(plan),
            implements_cited=plan_implements_is_cited(plan),
            open_amendment=open_amendment,
            can_edit=can_edit,
            editable_now=can_edit and (plan.status == PlanStatus.DRAFT or (plan.status == PlanStatus.ISSUED and open_amendment)),
            breadcrumbs=[_list_crumb(), (plan.reference, "")],
            **{key: _existing_template(name) for key, name in PARTIALS.items()},
        )
        return context


class PlanEditMixin(PlannerRequiredMixin):
    """A plan visible to the user (else 404) that the user may change (else 403)."""

    def get_plan(self) -> Plan:
        if not hasattr(self, "_plan"):
            plan = get_object_or_404(plans_visible_to(self.request.user), pk=self.kwargs["pk"])
            if not plan_can_edit(self.request.user, plan):
                raise PermissionDenied
            self._plan = plan
        return self._plan


class PlanFormPageMixin:
    template_name = "plans/plan_form.html"

    def render_bundle(self, bundle, **extra):
        context = {"bundle": bundle, "form": bundle.form, **extra}
        return self.render_to_response(self.get_context_data(**context))


class PlanCreateView(PlanFormPageMixin, PlannerRequiredMixin, TemplateView):
    """Header and every collection on one page; saved in one transaction."""

    def get(self, request, *args, **kwargs):
        return self.render_bundle(plan_form_bundle(user=request.user, initial=self._initial()), **self._extra())

    def _initial(self) -> dict:
        """The planner's own agency as issuer, with its place name and "KH-<short name>"."""
        agency = self.request.user.agency
        if agency is None:
            return {}
        return {"issuer": agency, "place": agency.place_name, "symbol": f"KH-{agency.short_name}" if agency.short_name else ""}

    def post(self, request, *args, **kwargs):
        bundle = plan_form_bundle(user=request.user, data=request.POST)
        if bundle.is_valid():
            try:
                plan = services.plan_create(acting_user=request.user, data=bundle.header_data(), **bundle.collections())
            except ValidationError as exc:
                _apply_errors(bundle.form, exc)
            else:
                messages.success(request, _("The plan was saved as a draft."))
                return redirect(plan)
        messages.error(request, bundle.error_message())
        return self.render_bundle(bundle, **self._extra())

    def _extra(self):
        return {"breadcrumbs": [_list_crumb(), (_("New plan"), "")], "page_title": _("New plan")}


class PlanUpdateView(PlanFormPageMixin, PlanEditMixin, TemplateView):
    """Edit a draft, or an issued plan while an amendment is open. Frozen plans redirect."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and request.user.has_role("planner"):
            plan = self.get_plan()
            if not services.plan_is_editable(plan):
                messages.error(
                    request, _("This plan is frozen. Open an amendment with a reason before changing it.")
                )
                return redirect(plan)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        plan = self.get_plan()
        return self.render_bundle(plan_form_bundle(user=request.user, plan=plan), **self._extra(plan))

    def post(self, request, *args, **kwargs):
        plan = self.get_plan()
        bundle = plan_form_bundle(user=request.user, plan=plan, data=request.POST)
        if bundle.is_valid():
            try:
                services.plan_update(
                    plan=plan,
                    acting_user=request.user,
                    data=bundle.header_data(),
                    version=bundle.form.cleaned_data.get("version"),
                    **bundle.collections(),
                )
            except StaleEdit as exc:
                return self._stale(request, plan, bundle, exc)
            except services.RowsInUse as exc:
                _apply_row_errors(bundle, exc)
            except ValidationError as exc:
                _apply_errors(bundle.form, exc)
            else:
                messages.success(request, _("The plan was saved."))
                return redirect(plan)
        messages.error(request, bundle.error_message())
        return self.render_bundle(bundle, **self._extra(plan))

    def _stale(self, request, plan, bundle, exc):
        """Someone saved the plan after this page was opened: nothing was saved; show both
        versions of the header, keep what was typed, and let the next save target the saved version."""
        messages.error(request, exc.messages[0])
        conflict = {
            "rows": conflict_rows(bundle.form, exc.current),
            "by": exc.saved_by,
            "at": exc.saved_at,
            "history_url": reverse("plans:plan_history", args=[plan.pk]),
        }
        data = request.POST.copy()
        data["version"] = exc.current.version
        fresh = Plan.objects.get(pk=plan.pk)
        bundle = plan_form_bundle(user=request.user, plan=fresh, data=data)
        bundle.is_valid()
        response = self.render_bundle(bundle, conflict=conflict, **self._extra(fresh))
        response.status_code = 409
        return response

    def _extra(self, plan):
        return {
            "breadcrumbs": [_list_crumb(), (plan.reference, plan.get_absolute_url()), (_("Edit"), "")],
            "page_title": _("Edit plan"),
            "plan": plan,
            "open_amendment": plan.amendments.filter(open=True).first(),
        }


class PlanActionView(PlanEditMixin, FormView):
    """One workflow step on a plan: a small form (GET), the service (POST), back to the plan."""

    template_name = "plans/plan_action.html"
    title = ""
    intro = ""
    submit_label = gettext_lazy("Confirm")
    danger = False

    def get_context_data(self, **kwargs):
        plan = self.get_plan()
        context = super().get_context_data(**kwargs)
        context.update(
            plan=plan,
            title=self.title,
            intro=self.intro,
            submit_label=self.submit_label,
            danger=self.danger,
            breadcrumbs=[_list_crumb(), (plan.reference, plan.get_absolute_url()), (self.title, "")],
        )
        return context

    def form_valid(self, form):
        try:
            with transaction.atomic():
                result = self.act(self.get_plan(), form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect((result or self.get_plan()).get_absolute_url())

    def act(self, plan, data):
        raise NotImplementedError


class PlanIssueView(PlanActionView):
    form_class = PlanIssueForm
    title = gettext_lazy("Issue the plan")
    intro = gettext_lazy("Record the number and the issue date. Afterwards the content is frozen; changes need an amendment with a reason.")
    submit_label = gettext_lazy("Issue")
    success_message = gettext_lazy("The plan was issued.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["plan"] = self.get_plan()
        return kwargs

    def act(self, plan, data):
        return services.plan_issue(plan=plan, acting_user=self.request.user, number=data["number"], issue_date=data["issue_date"])


class PlanCloseView(PlanActionView):
    form_class = ConfirmForm
    title = gettext_lazy("Close the plan")
    intro = gettext_lazy("A closed plan is finished: it stays readable, with its reports, but no longer changes.")
    submit_label = pgettext_lazy("plan action", "Close")
    success_message = gettext_lazy("The plan was closed.")
    danger = True

    def act(self, plan, data):
        return services.plan_close(plan=plan, acting_user=self.request.user)


class PlanCloneView(PlanActionView):
    form_class = CloneForm

    def get_initial(self):
        # Next year's plan: the years in the title move on by one, as the period does.
        plan = self.get_plan()
        return {"year_offset": 1, "title": re.sub(r"\b(?:19|20)\d{2}\b", lambda m: str(int(m.group()) + 1), plan.title)}

    title = gettext_lazy("Copy the plan")
    intro = gettext_lazy("Creates a new draft with every target, task, budget line, responsibility and reporting requirement.")
    submit_label = gettext_lazy("Create the copy")
    success_message = gettext_lazy("A new draft was created from the plan.")

    def act(self, plan, data):
        return services.plan_clone(
            plan=plan, acting_user=self.request.user, year_offset=data["year_offset"], title=data.get("title") or None
        )


class PlanAmendmentOpenView(PlanActionView):
    form_class = AmendmentForm
    title = gettext_lazy("Open an amendment")
    intro = gettext_lazy("While the amendment is open the issued plan can be edited. The reason is kept in the history.")
    submit_label = gettext_lazy("Open the amendment")
    success_message = gettext_lazy("The amendment is open: the plan can be edited.")

    def act(self, plan, data):
        services.plan_amendment_open(plan=plan, acting_user=self.request.user, reason=data["reason"])
        return plan


class PlanAmendmentCloseView(PlanActionView):
    form_class = ConfirmForm
    title = gettext_lazy("Close the amendment")
    intro = gettext_lazy("The plan is frozen again.")
    submit_label = gettext_lazy("Close the amendment")
    success_message = gettext_lazy("The amendment was closed.")

    def act(self, plan, data):
        services.plan_amendment_close(plan=plan, acting_user=self.request.user)
        return plan


class PlanSupersedeView(PlanActionView):
    form_class = SupersedeForm
    title = gettext_lazy("Mark as superseded")
    intro = gettext_lazy("Choose the plan that replaces this one.")
    submit_label = gettext_lazy("Mark as superseded")
    success_message = gettext_lazy("The plan was marked as superseded.")
    danger = True

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(plan=self.get_plan(), user=self.request.user)
        return kwargs

    def act(self, plan, data):
        return services.plan_supersede(plan=plan, by=data["by"], acting_user=self.request.user)


class PlanDeleteView(PlanActionView):
    form_class = ConfirmForm
    title = gettext_lazy("Delete the draft")
    intro = gettext_lazy("The draft and all its rows are deleted. Its history stays in the audit log.")
    submit_label = gettext_lazy("Delete")
    success_message = gettext_lazy("The draft was deleted.")
    danger = True

    def form_valid(self, form):
        plan = self.get_plan()
        try:
            services.plan_delete(plan=plan, acting_user=self.request.user)
        except ValidationError as exc:
            _apply_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect("plans:plan_list")


class PlanHistoryView(RoleRequiredMixin, TemplateView):
    """Who changed what and when, field by field, for the plan and each of its rows."""

    template_name = "plans/plan_history.html"
    # A long-lived plan gathers hundreds of entries: one page of them at a time (issue 18).
    paginate_by = 25

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = get_object_or_404(plans_visible_to(self.request.user), pk=self.kwargs["pk"])
        page_obj = Paginator(plan_history(plan, self.request.user), self.paginate_by).get_page(self.request.GET.get("page"))
        context.update(
            plan=plan,
            page_obj=page_obj,
            entries=page_obj.object_list,
            breadcrumbs=[_list_crumb(), (plan.reference, plan.get_absolute_url()), (pgettext("plan", "History"), "")],
        )
        return context


# --- autocomplete endpoints (issue 17): each serves exactly the queryset its field accepts ---
class _AgencyAutocomplete(AutocompleteView):
    def sub(self, obj):
        return obj.unit.full_name


def _date_param(request, name):
    """The date a select sent as ``name`` (dd/mm/yyyy as typed, or ISO); None when absent or
    not a date (bad input narrows nothing and is never an error: the form's clean() decides)."""
    value = (request.GET.get(name) or "").strip()[:20]
    for fmt in DATE_INPUT_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def plan_window_from_request(request) -> tuple[datetime.date, datetime.date]:
    """The plan window (``plans.forms.plan_window``) of the dates a select sent; today when the
    plan has no date yet."""
    issue_date, start, end = (_date_param(request, name) for name in PLAN_DATE_FIELDS)
    window = plan_window(SimpleNamespace(issue_date=issue_date, period_start=start, period_end=end))
    if window[0] is None:
        today = timezone.localdate()
        return today, today
    return window


class IssuerFilterAutocompleteView(_AgencyAutocomplete):
    """The plan list's issuer filter: agencies that issued a plan the user sees."""

    def get_queryset(self):
        return plan_filter_issuers(self.request.user)


class PlanIssuerAutocompleteView(PlannerRequiredMixin, _AgencyAutocomplete):
    """The plan form's issuer: agencies whose plans the planner writes (``issuers_for``) alive on
    the plan's date (the header's dates sent along; today while it has none)."""

    def get_queryset(self):
        # Alive on the plan's date (issue date, else period start), as PlanForm.clean requires.
        start, _end = plan_window_from_request(self.request)
        return agencies_alive_on(start, issuers_for(self.request.user))


class AgencyAutocompleteView(PlannerRequiredMixin, _AgencyAutocomplete):
    """Agencies a plan can assign (tasks, responsibilities, reporting): ``agencies_for_assignment``
    alive at some moment of the plan's window (the header's dates sent along; today while it
    has none)."""

    def get_queryset(self):
        # Alive at some moment of the plan's window, as BasePlanFormSet.clean requires.
        start, end = plan_window_from_request(self.request)
        return agencies_for_assignment(self.request.user).filter(alive_between_q(start, end))


class PlanAutocompleteView(AutocompleteView):
    """Plans the user sees (``plans_visible_to``): "implements", linked legal bases, report filters."""

    def get_queryset(self):
        return plans_visible_to(self.request.user).order_by("-period_start", "-id")

    def sub(self, obj):
        return obj.issuer.name if obj.issuer_id else ""
