"""Pages of the registry. Thin views: forms validate, services write, selectors read.

Everyone with a portal role reads the registry of their area; planners and reporters also
write (``EditorRequiredMixin``). Objects outside the user's area are 404s because every
queryset comes from ``selectors.organisations_visible_to`` (``core.permissions.scoped``).
"""

import tempfile

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView
from django_filters.views import FilterView

from core.autocomplete import AutocompleteView
from core.dispatch import dispatch, poll_seconds, waiting_long
from core.formatting import format_number
from core.listhtml import QueryReplacer, pagination_html
from core.listtools import ListToolsMixin, set_choice_labels
from core.permissions import RoleRequiredMixin
from core.transitions import StaleEdit, conflict_rows
from directory.models import Role
from directory.selectors import unit_hints
from directory.templatetags.directory_tags import formerly, now_part_of
from directory.views import UnitAutocompleteView

from . import excel, selectors, services
from .filtersets import OrganisationFilterSet
from .forms import (
    DissolveForm,
    ImportUploadForm,
    OrganisationForm,
    YearlyRecordForm,
    commune_label,
)
from .importing import progress_key
from .lists import LIST_FIELDS, organisation_head_html, organisation_rows_html
from .models import ImportBatch, Organisation, OrganisationKind, OrganisationStatus, Rating, Sector, YearlyRecord


class EditorRequiredMixin(RoleRequiredMixin):
    """Planners only (issue 12: the README gives the registry to planners); others read it."""

    required_roles = (Role.PLANNER,)


def _list_crumb():
    return (gettext_lazy("Registry"), reverse("cooperatives:organisation_list"))


class OrganisationQuerysetMixin:
    def get_queryset(self):
        return selectors.organisations_visible_to(self.request.user).select_related("commune", "commune__parent")


# --- list and export --------------------------------------------------------------------------


class FilteredListMixin:
    def get_year(self):
        raw = self.request.GET.get("year", "")
        # ``isdecimal``: what ``int`` reads ("²" is a digit to ``isdigit`` and made ``int`` raise: a 500)
        if raw.isdecimal() and 1990 <= int(raw) <= 2100:
            return int(raw)
        return selectors.latest_year(self.request.user)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["user"] = self.request.user
        return kwargs

    def get_queryset(self):
        self.year = self.get_year()
        # The commune of today beside an old one, the old names beside today's (issue 14): the
        # list reads them for its page in one query (``directory.selectors.unit_hints``).
        return selectors.organisation_list(user=self.request.user, year=self.year)


class OrganisationListView(RoleRequiredMixin, ListToolsMixin, FilteredListMixin, FilterView):
    """The registry list: filters, sorting, pagination; one year's figures beside each row."""

    template_name = "cooperatives/organisation_list.html"
    filterset_class = OrganisationFilterSet
    list_key = "registry"  # core.listtools: page size (50 by default), columns, saved filters, export
    context_object_name = "organisations"

    def get_queryset(self):
        # Only what the rows and the list tools' export read (``lists.LIST_FIELDS``); the
        # re-import export (``OrganisationExportView``) reads every field and keeps them all.
        return super().get_queryset().only(*LIST_FIELDS)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = {key: str(label) for key, label in Rating.choices}
        organisations = set_choice_labels(context["organisations"], kind=OrganisationKind.choices, status=OrganisationStatus.choices)
        for org in organisations:
            revenue = getattr(org, "yr_revenue", None)
            org.yr_revenue_m = revenue / 1_000_000 if revenue is not None else None
            org.yr_rating_label = labels.get(getattr(org, "yr_rating", None), "")
        context.update(
            year=self.year,
            can_edit=services.user_can_edit(self.request.user),
            breadcrumbs=[(_("Registry"), "")],
            export_query=self.request.GET.urlencode(),
        )
        tools = context["list_tools"]
        # The communes' former or present names: one query for the page, only when shown.
        hints = unit_hints([org.commune for org in organisations]) if tools["show"].get("commune") else {}
        context["rows_html"] = organisation_rows_html(organisations, tools["show"], tools["visible_count"], hints)
        # The header and the pager written in Python (core.listhtml), the query string copied once.
        query = QueryReplacer(self.request.GET)
        context["head_html"] = organisation_head_html(self.request, query, tools["show"])
        context["pagination_html"] = mark_safe(pagination_html(query, context.get("page_obj")))
        return context


class UnitFilterAutocompleteView(UnitAutocompleteView):
    """The registry list's area filter: provinces, old districts and today's communes of the
    user's area, the filter's own queryset (``selectors.filter_units_for``; issue 17)."""

    def get_queryset(self):
        return selectors.filter_units_for(self.request.user)


class CommuneAutocompleteView(AutocompleteView):
    """The organisation form's commune: the communes of the user's area it accepts
    (``selectors.communes_for``), labelled as the form labels them (issue 17)."""

    required_roles = (Role.PLANNER,)

    def get_queryset(self):
        return selectors.communes_for(self.request.user).order_by("parent__name", "name")

    def label(self, obj):
        return commune_label(obj)


class OriginAutocompleteView(AutocompleteView):
    """The organisation form's "grew from": the groups of the user's area it accepts
    (``selectors.origins_for``), without the organisation being edited (``?exclude=``)."""

    required_roles = (Role.PLANNER,)

    def get_queryset(self):
        exclude = (self.request.GET.get("exclude") or "").strip()
        # bad input (not an id, or past a 64-bit integer) excludes nothing and is no error
        pk = int(exclude) if exclude.isdigit() and len(exclude) < 19 else None
        # the second line names the commune with its parent: read with the page, not per row
        qs = selectors.origins_for(self.request.user, exclude=pk).select_related("commune__parent")
        return qs.order_by("name", "id")

    def sub(self, obj):
        return commune_label(obj.commune) if obj.commune_id else ""


class OrganisationExportView(RoleRequiredMixin, FilteredListMixin, FilterView):
    """The filtered list as .xlsx, streamed as it is written (``excel.export_stream``): the
    first bytes leave at once, rows are read with a server-side cursor, memory stays flat."""

    filterset_class = OrganisationFilterSet

    def get_filterset_kwargs(self, filterset_class):
        # Always bound: the list as first opened (no query string) exports everything in scope,
        # where an unbound filterset would be "invalid" and export nothing.
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["data"] = self.request.GET
        return kwargs

    def get(self, request, *args, **kwargs):
        filterset = self.get_filterset(self.get_filterset_class())
        if not filterset.is_valid():
            messages.error(request, _("The filters are not valid; nothing was exported."))
            return redirect("cooperatives:organisation_list")
        qs = filterset.qs
        today = timezone.localdate()
        agency = request.user.agency
        subtitle = _describe_filters(filterset, self.year)
        response = StreamingHttpResponse(
            excel.export_stream(
                selectors.export_rows(qs, year=self.year),
                agency_name=agency.name if agency else "",
                title="DANH SÁCH TỔ CHỨC KINH TẾ TẬP THỂ",
                subtitle=subtitle,
                today=today,
            ),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = content_disposition_header(True, f"danh-sach-kttt-{today:%Y%m%d}.xlsx")
        # Proxies must pass the chunks on as they come (nginx buffers responses by default).
        response["X-Accel-Buffering"] = "no"
        return response


def _describe_filters(filterset, year) -> str:
    parts = [f"Số liệu năm {year}" if year else "Chưa có số liệu năm"]
    data = filterset.form.cleaned_data
    for key in ("kind", "status", "unit", "sector", "rating", "q"):
        value = data.get(key)
        if value:
            field = filterset.form.fields[key]
            label = (
                dict(getattr(field, "choices", [])).get(value, value) if key in ("kind", "status", "rating") else value
            )
            parts.append(f"{field.label}: {label}")
    return "; ".join(str(p) for p in parts)


# --- organisation pages ---------------------------------------------------------------------------


class OrganisationDetailView(RoleRequiredMixin, DetailView):
    """One organisation: details, its years side by side, a small trend chart (its numbers
    are also in the table, for screen readers and print)."""

    template_name = "cooperatives/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return (
            selectors.organisations_visible_to(self.request.user)
            .select_related(
                "commune", "commune__parent", "founded_from", "supporting_agency", "supporting_agency__unit"
            )
            .prefetch_related("sectors", "records", "grew_into")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Today's commune beside an old one, or the old names beside today's: one query.
        commune = self.object.commune
        context["commune_hint"] = now_part_of(commune) if commune.valid_to else formerly(commune)
        records = sorted(self.object.records.all(), key=lambda r: r.year)
        rows = []
        spec = [
            ("members", _("Members"), None),
            ("households", _("Member households"), None),
            ("workers", _("Regular workers"), None),
            ("managers", _("Managers"), None),
            ("managers_degree", _("Managers with college/university degree"), None),
            ("managers_trained", _("Managers with elementary/intermediate training"), None),
            ("revenue", _("Revenue (million VND)"), 1_000_000),
            ("profit", _("Profit (million VND)"), 1_000_000),
            ("avg_income", _("Average member income (million VND/person/year)"), 1_000_000),
            ("charter_capital", _("Charter capital (million VND)"), 1_000_000),
            ("ocop_products", _("Number of OCOP products"), None),
            ("growing_area_codes", _("Growing-area codes"), None),
        ]
        for field, label, scale in spec:
            values = []
            for record in records:
                value = getattr(record, field)
                values.append(
                    "–" if value is None else format_number(value / scale if scale else value, None if scale else 0)
                )
            rows.append((label, values))
        flags = [
            ("rating", _("Rating")),
            ("value_chain", _("Value-chain link")),
            ("high_tech", _("Applies high technology")),
            ("traceability", _("Traceability")),
            ("credit_access", _("Access to credit")),
            ("tourism", _("Rural tourism")),
        ]
        for field, label in flags:
            if field == "rating":
                rows.append((label, [r.get_rating_display() for r in records]))
            else:
                rows.append((label, [_("Yes") if getattr(r, field) else _("No") for r in records]))
        chart = {
            "labels": [str(r.year) for r in records],
            "revenue": [float(r.revenue / 1_000_000) if r.revenue is not None else None for r in records],
            "profit": [float(r.profit / 1_000_000) if r.profit is not None else None for r in records],
            "members": [r.members for r in records],
            "revenue_label": _("Revenue (million VND)"),
            "profit_label": _("Profit (million VND)"),
            "members_label": _("Members"),
        }
        can_edit = services.user_can_edit(self.request.user)
        context.update(
            records=records,
            figure_rows=rows,
            chart_data=chart,
            has_chart=len(records) >= 2,
            can_edit=can_edit,
            breadcrumbs=[_list_crumb(), (self.object.name, "")],
        )
        return context


class OrganisationCreateView(EditorRequiredMixin, FormView):
    template_name = "cooperatives/organisation_form.html"
    form_class = OrganisationForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        try:
            organisation = services.organisation_create(acting_user=self.request.user, **data)
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The organisation was recorded."))
        return redirect(organisation)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("New collective organisation")
        context["breadcrumbs"] = [_list_crumb(), (context["title"], "")]
        return context


class OrganisationUpdateView(EditorRequiredMixin, OrganisationQuerysetMixin, FormView):
    template_name = "cooperatives/organisation_form.html"
    form_class = OrganisationForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["instance"] = Organisation.objects.get(pk=self.object.pk)
        return kwargs

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        sectors = data.pop("sectors")
        version = data.pop("version", None)
        organisation = Organisation.objects.select_related("commune").get(pk=self.object.pk)
        try:
            services.organisation_update(
                organisation=organisation, acting_user=self.request.user, sectors=sectors, version=version, **data
            )
        except StaleEdit as exc:
            # Nothing saved: show both versions, keep what was typed, let the next save target
            # the saved version (as reports do).
            messages.error(self.request, exc.messages[0])
            conflict = {
                "rows": conflict_rows(form, exc.current),
                "by": exc.saved_by,
                "at": exc.saved_at,
                "history_url": "",
            }
            post = self.request.POST.copy()
            post["version"] = exc.current.version
            fresh = self.get_form_class()(post, user=self.request.user, instance=Organisation.objects.get(pk=organisation.pk))
            fresh.is_valid()
            response = self.render_to_response(self.get_context_data(form=fresh, conflict=conflict))
            response.status_code = 409
            return response
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The changes were saved."))
        return redirect(organisation)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = _("Edit %(name)s") % {"name": self.object.name}
        context["organisation"] = self.object
        context["breadcrumbs"] = [_list_crumb(), (self.object.name, self.object.get_absolute_url()), (_("Edit"), "")]
        return context


class OrganisationDissolveView(EditorRequiredMixin, OrganisationQuerysetMixin, FormView):
    template_name = "cooperatives/organisation_dissolve.html"
    form_class = DissolveForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            services.organisation_dissolve(
                organisation=self.object,
                acting_user=self.request.user,
                dissolved=form.cleaned_data["dissolved"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The organisation was marked as dissolved."))
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.object
        context["breadcrumbs"] = [
            _list_crumb(),
            (self.object.name, self.object.get_absolute_url()),
            (_("Dissolve"), ""),
        ]
        return context


class RecordFormView(EditorRequiredMixin, OrganisationQuerysetMixin, FormView):
    """Create (no ``year`` in the URL) or edit one year's figures of an organisation."""

    template_name = "cooperatives/record_form.html"
    form_class = YearlyRecordForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
            self.record = None
            if "year" in kwargs:
                self.record = get_object_or_404(YearlyRecord, organisation=self.object, year=kwargs["year"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["organisation"] = self.object
        if self.record is not None:
            kwargs["instance"] = YearlyRecord.objects.get(pk=self.record.pk)
        return kwargs

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        year = self.record.year if self.record else data["year"]
        data.pop("year", None)
        try:
            services.record_upsert(organisation=self.object, year=year, acting_user=self.request.user, **data)
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The figures of %(year)s were saved.") % {"year": year})
        return redirect(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.object
        context["record"] = self.record
        title = _("Figures of %(year)s") % {"year": self.record.year} if self.record else _("Add a year's figures")
        context["title"] = title
        context["breadcrumbs"] = [_list_crumb(), (self.object.name, self.object.get_absolute_url()), (title, "")]
        return context


def _add_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


# --- import ---------------------------------------------------------------------------------------


class ImportTemplateView(EditorRequiredMixin, View):
    """The empty import workbook with dropdowns and instructions."""

    def get(self, request, *args, **kwargs):
        handle = tempfile.TemporaryFile(suffix=".xlsx")
        communes = list(selectors.communes_for(request.user).order_by("code", "valid_from"))
        excel.write_template(handle, communes=communes, sectors=list(Sector.objects.all()))
        handle.seek(0)
        return FileResponse(
            handle,
            as_attachment=True,
            filename="mau-nhap-danh-sach-kttt.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )


class ImportUploadView(EditorRequiredMixin, FormView):
    """Upload a filled workbook; the check runs as a Celery task (eager without Redis)."""

    template_name = "cooperatives/import_upload.html"
    form_class = ImportUploadForm

    def form_valid(self, form):
        from .tasks import check_import_batch

        try:
            with transaction.atomic():
                batch = services.import_batch_create(
                    uploaded_file=form.cleaned_data["file"], acting_user=self.request.user
                )
                # After commit; with the broker down the batch waits ("uploaded") for the sweep.
                dispatch(check_import_batch, batch.pk)
        except ValidationError as exc:
            form.add_error("file", exc)
            return self.form_invalid(form)
        return redirect("cooperatives:import_detail", pk=batch.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["batches"] = selectors.import_batches_for(self.request.user)[:10]
        context["max_mb"] = format_number(excel._max_upload() / 1048576, 0)
        context["max_rows"] = format_number(excel.max_rows(), 0)
        context["breadcrumbs"] = [_list_crumb(), (_("Import from Excel"), "")]
        return context


class ImportBatchMixin(EditorRequiredMixin):
    def get_batch(self):
        return get_object_or_404(selectors.import_batches_for(self.request.user), pk=self.kwargs["pk"])


RUNNING = (
    ImportBatch.Status.UPLOADED,
    ImportBatch.Status.CHECKING,
    ImportBatch.Status.QUEUED,
    ImportBatch.Status.IMPORTING,
)
WAITING = (ImportBatch.Status.UPLOADED, ImportBatch.Status.QUEUED)


def _progress_context(batch: ImportBatch) -> dict:
    running = batch.status in RUNNING
    return {
        "batch": batch,
        "running": running,
        "progress": _progress(batch),
        "waiting": batch.status in WAITING,
        "waiting_long": batch.status in WAITING and waiting_long(batch.modified),
        "poll_seconds": poll_seconds(batch.modified) if running else None,
    }


def _progress(batch: ImportBatch) -> int:
    from django.core.cache import cache

    if batch.status in RUNNING:
        return int(cache.get(progress_key(batch.pk), batch.progress) or 0)
    return 100


class ImportBatchDetailView(ImportBatchMixin, TemplateView):
    """Progress while running; then the preview (per row: created / updated / unchanged and
    the changed columns) and every error; the confirm button when the file has none."""

    template_name = "cooperatives/import_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = self.get_batch()
        preview = batch.preview or []
        context.update(
            _progress_context(batch),
            preview=preview,
            preview_truncated=batch.total_rows > len(preview),
            summary=batch.summary or {},
            breadcrumbs=[
                _list_crumb(),
                (_("Import from Excel"), reverse("cooperatives:import_upload")),
                (batch.original_name, ""),
            ],
        )
        return context


class ImportBatchStatusView(ImportBatchMixin, View):
    """Small htmx endpoint: the progress bar; tells the page to reload when the step ends."""

    def get(self, request, *args, **kwargs):
        batch = self.get_batch()
        context = _progress_context(batch)
        html = render_to_string("cooperatives/partials/import_progress.html", context, request=request)
        response = HttpResponse(html)
        if not context["running"]:
            response["HX-Refresh"] = "true"
        return response


class ImportBatchConfirmView(ImportBatchMixin, View):
    """Confirm a checked batch (or try a failed one again): the write runs as a Celery task in
    one transaction; a failed check is run again instead."""

    def post(self, request, *args, **kwargs):
        batch = self.get_batch()
        try:
            if batch.status == ImportBatch.Status.FAILED and not batch.passed_check:
                services.import_batch_recheck(batch=batch, acting_user=request.user)
            else:
                services.import_batch_start(batch=batch, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("cooperatives:import_detail", pk=batch.pk)

    def get(self, request, *args, **kwargs):
        raise Http404
