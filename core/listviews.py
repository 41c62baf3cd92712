"""The list tools' pages (``core.listtools``): save the columns and page size, save, re-apply
and delete a named filter, export what the list shows. Every change is a POST with CSRF, in
one transaction locking the user's row (two tabs saving at once cannot pass the limit of saved
filters nor lose a preference); every bad input is a Vietnamese message, never an error page.
Saved filters are the user's own: another user's id is a 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from . import listservices, workbook
from .formatting import format_number
from .listtools import PAGE_SIZES, clean_query, describe_filters, get_spec, visible_columns
from .models import SavedFilter
from .permissions import RoleRequiredMixin, has_any_role


def _back(request, spec, query: str = ""):
    """Back to the list the form was on (``next``, only a path of this list), else the list."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    list_path = spec.url()
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) and (
        target == list_path or target.startswith(list_path + "?")
    ):
        return redirect(target)
    return redirect(spec.url(query))


class PreferencesForm(forms.Form):
    page_size = forms.TypedChoiceField(
        coerce=int, choices=[(n, n) for n in PAGE_SIZES],
        error_messages={"invalid_choice": gettext_lazy("Choose 25, 50 or 100 rows per page."),
                        "required": gettext_lazy("Choose 25, 50 or 100 rows per page.")},
    )
    columns = forms.MultipleChoiceField(
        required=False, error_messages={"invalid_choice": gettext_lazy("Unknown column: %(value)s.")}
    )

    def __init__(self, *args, spec, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["columns"].choices = [(c.key, c.label) for c in spec.columns]


class ListPreferencesView(RoleRequiredMixin, View):
    """lists:preferences — POST the page size and the columns to show, for one list."""

    http_method_names = ["post"]

    def post(self, request, list_key):
        spec = get_spec(list_key)
        form = PreferencesForm(request.POST, spec=spec)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return _back(request, spec)
        listservices.list_preferences_save(
            user=request.user, spec=spec, page_size=form.cleaned_data["page_size"], shown=set(form.cleaned_data["columns"])
        )
        messages.success(request, _("Display settings saved."))
        return _back(request, spec)


class SavedFilterForm(forms.Form):
    name = forms.CharField(
        max_length=80, strip=True,
        error_messages={"required": gettext_lazy("Give the filter a name."),
                        "max_length": gettext_lazy("The name is too long (at most 80 characters).")},
    )
    query = forms.CharField(required=False, max_length=2000,
                            error_messages={"max_length": gettext_lazy("These filters are too long to save.")})


class SavedFilterSaveView(RoleRequiredMixin, View):
    """lists:filter_save — POST a name and the list's current query string."""

    http_method_names = ["post"]

    def post(self, request, list_key):
        spec = get_spec(list_key, full=True)
        form = SavedFilterForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return _back(request, spec)
        name = form.cleaned_data["name"]
        try:
            saved = listservices.saved_filter_create(user=request.user, spec=spec, name=name, query=form.cleaned_data["query"])
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
            return _back(request, spec, clean_query(spec, form.cleaned_data["query"]))
        query = saved.query
        messages.success(request, _("Filter “%(name)s” saved.") % {"name": name})
        return redirect(spec.url(query))


class SavedFilterApplyView(RoleRequiredMixin, View):
    """lists:filter_apply — the list with one of the user's saved filters."""

    def get(self, request, pk):
        saved = get_object_or_404(SavedFilter, pk=pk, user=request.user)
        spec = get_spec(saved.list_key)
        return redirect(spec.url(clean_query(spec, saved.query)))


class SavedFilterDeleteView(RoleRequiredMixin, View):
    """lists:filter_delete — POST: delete one of the user's saved filters."""

    http_method_names = ["post"]

    def post(self, request, pk):
        saved = listservices.saved_filter_delete(user=request.user, pk=pk)
        if saved is None:
            raise Http404
        spec = get_spec(saved.list_key)
        name = saved.name
        messages.success(request, _("Saved filter “%(name)s” deleted.") % {"name": name})
        return _back(request, spec)


class ListExportView(RoleRequiredMixin, View):
    """lists:export — the list as .xlsx: its filters, ordering and chosen columns, every page;
    the list view's own queryset and filterset (same scoping), streamed as it is written."""

    def get(self, request, list_key):
        spec = get_spec(list_key, full=True)
        view = spec.view_class()()
        view.setup(request)
        if not has_any_role(request.user, view.required_roles):
            raise PermissionDenied
        filterset = view.export_filterset()
        if not filterset.is_valid():
            messages.error(request, _("The filters are not valid; nothing was exported."))
            return redirect(spec.url())
        # The list's rows in the list's order; without the prefetches that only the page's
        # "trước đây / nay là" lines use (two queries and thousands of objects per chunk).
        rows_qs = filterset.qs.prefetch_related(None)
        columns = visible_columns(spec, view.get_list_preference())
        today = timezone.localdate()
        agency = request.user.agency
        filters = describe_filters(filterset)
        total = rows_qs.count()
        title = str(spec.title)

        def rows():
            for obj in rows_qs.iterator(chunk_size=1000):
                yield [column.value(obj) for column in columns]

        response = StreamingHttpResponse(
            workbook.stream_xlsx(
                rows(),
                sheet_name=title[:31],
                columns=[workbook.StreamColumn(c.width, c.kind) for c in columns],
                header=[str(c.label) for c in columns],
                top_rows=[
                    ((agency.name if agency else "").upper(), "bold"),
                    (title.upper(), "title"),
                    (_("Filters: %(filters)s") % {"filters": filters or _("none (everything you can see)")}, "normal"),
                    (_("Exported on %(date)s; %(count)s rows.") % {"date": today.strftime("%d/%m/%Y"), "count": format_number(total)}, "italic"),
                ],
                freeze_columns=1,
                title=title,
                subject=filters,
            ),
            content_type=workbook.XLSX_CONTENT_TYPE,
        )
        response["Content-Disposition"] = content_disposition_header(True, f"{spec.filename}-{today:%Y%m%d}.xlsx")
        response["X-Accel-Buffering"] = "no"
        return response
