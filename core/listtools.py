"""The portal's list tools (issue 18): one component for every long list.

A list view (a django-filter ``FilterView``) adds ``ListToolsMixin`` and names its
``list_key``; ``<app>/lists.py`` registers the list's ``ListSpec`` (its columns, which of them
cannot be hidden, how each is written to Excel). ``templates/includes/_list_tools.html`` then
gives the list, with no further code:

* **rows per page** — 25, 50 or 100 (``PAGE_SIZES``), remembered per user per list
  (``core.models.ListPreference``); ``?per_page=`` in a link wins for that page; anything
  else falls back to the saved choice, then the list's default;
* **columns** ("Cột hiển thị") — checkboxes, remembered per user per list; the required
  columns (the title or name) cannot be hidden; a hidden column is not rendered at all (the
  templates test ``list_tools.show.<key>``), so neither the table nor the phone cards show it;
* **saved filters** ("Bộ lọc đã lưu") — the current query string (filters and ordering,
  never the page), under a name unique per user and list, at most ``MAX_SAVED_FILTERS``;
  another user's saved filter is a 404;
* **"Xuất Excel"** of exactly what is shown: the same view's queryset and filterset (the same
  scoping, filters and ordering), every page, the chosen columns in their order, streamed
  through the one workbook writer (``core.workbook.stream_xlsx``) with a title row naming the
  filters. The filterset is always bound, so the list as first opened exports everything in
  scope (an unbound django-filter form is "invalid", which once refused the registry export).

A matrix that is not a filtered list (the compliance matrix, ``dashboards:compliance``) takes
only the page size: its ``ListSpec`` is ``page_size_only`` (no columns to choose, no filterset
to save or export: those pages are a 404 for it), its view has ``PageSizeMixin`` and its
template includes ``includes/_page_size_form.html``.

This replaces django-tables2 (see docs/lists.md): the lists keep their own templates (phone
cards, badges, links), and only what every list shares lives here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from html import escape as _html_escape
from typing import Any

from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.module_loading import import_string

PAGE_SIZES = (25, 50, 100)
MAX_SAVED_FILTERS = 20
# Never part of a saved filter or an export link: where the user was, not what they chose.
VOLATILE_PARAMS = ("page", "per_page")


def choice_label(attr: str, choices) -> Callable[[Any], str]:
    """A column value: the label of ``obj.<attr>`` among ``choices``, in the active language.
    The labels are translated once per language, not once per row: ``get_FOO_display`` on lazy
    labels cost 0.4 ms a row (15 s of a 20,000-row export under load)."""
    from django.utils.translation import get_language

    by_language: dict = {}

    def value(obj):
        language = get_language()
        labels = by_language.get(language)
        if labels is None:
            labels = by_language[language] = {key: str(label) for key, label in choices}
        raw = getattr(obj, attr)
        return labels.get(raw, raw)

    return value


def esc(value) -> str:
    """``{{ value }}`` under autoescape, for the list pages' row writers (issue 17): Django's
    ``conditional_escape`` (HTML-safe values as they are, anything else ``str()`` then escaped,
    quotes included) without its lazy-string wrappers, which cost more than the escaping on a
    page of 50 rows × 6–10 cells."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return _html_escape(str(value))


_PK_MARKER = 987654321


def url_around_pk(viewname: str) -> tuple[str, str]:
    """The detail URL of ``viewname`` split around its one primary-key argument, both parts
    escaped, so a row writer reverses once per page and writes ``f"{head}{pk}{tail}"`` for each
    row (a ``reverse`` per row cost more than the row's other cells; issue 17)."""
    head, tail = reverse(viewname, args=[_PK_MARKER]).split(str(_PK_MARKER))
    return esc(head), esc(tail)


def set_choice_labels(objects, **choices_by_field):
    """Set ``<field>_label`` on each object: the label of its ``<field>`` among the choices,
    translated once per call. A list page's rows read these instead of ``get_FOO_display``,
    which builds the choices dict and casts every lazy label on each call (16 µs per cell; a
    50-row registry page called it 100 times, issue 17). Same text as ``get_FOO_display``."""
    tables = {field: {key: str(label) for key, label in choices} for field, choices in choices_by_field.items()}
    for obj in objects:
        for field, labels in tables.items():
            raw = getattr(obj, field)
            setattr(obj, f"{field}_label", labels.get(raw, raw))
    return objects


@dataclass(frozen=True)
class Column:
    """One column of a list: ``value(obj)`` is what the export writes (typed: numbers stay
    numbers, dates stay dates), ``kind`` the export's number format (``core.workbook``).
    ``value`` reads the row and its ``select_related`` relations only: the export drops the
    list's display prefetches (former names), which cost a third of its time."""

    key: str
    label: Any
    value: Callable[[Any], Any]
    kind: str = "text"
    width: float = 18
    required: bool = False


@dataclass(frozen=True)
class ListSpec:
    key: str
    url_name: str
    view: str  # dotted path of the list view (a FilterView with ListToolsMixin)
    title: str  # the export's title line and sheet name (translated: a lazy string)
    filename: str  # the export's file name, without the date and extension
    columns: tuple[Column, ...]
    default_page_size: int = 25
    extra_params: tuple[str, ...] = ()  # query parameters the view reads besides its filters
    # Only the page size (a matrix, not a FilterView): no columns, saved filters or export.
    page_size_only: bool = False

    def column(self, key):
        return next((c for c in self.columns if c.key == key), None)

    @property
    def optional_keys(self) -> list[str]:
        return [c.key for c in self.columns if not c.required]

    def view_class(self):
        return import_string(self.view)

    def url(self, query: str = "") -> str:
        base = reverse(self.url_name)
        return f"{base}?{query}" if query else base


_REGISTRY: dict[str, ListSpec] = {}


def register(spec: ListSpec) -> ListSpec:
    if spec.default_page_size not in PAGE_SIZES:
        raise ValueError(f"{spec.key}: default page size {spec.default_page_size} not in {PAGE_SIZES}")
    _REGISTRY[spec.key] = spec
    return spec


def get_spec(key: str, *, full: bool = False) -> ListSpec:
    """The registered list ``key`` (``Http404`` for anything else); with ``full``, only a list
    with every tool (saved filters and the export need its filterset)."""
    try:
        spec = _REGISTRY[key]
    except KeyError:
        raise Http404 from None
    if full and spec.page_size_only:
        raise Http404
    return spec


def parse_page_size(raw) -> int | None:
    """25, 50 or 100 from ``raw``; None for anything else (never an error)."""
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return value if value in PAGE_SIZES else None


def clean_query(spec: ListSpec, query: str | QueryDict) -> str:
    """The part of a query string worth keeping: the parameters the list understands (its
    filters, ordering and ``extra_params``), without the page and the page size."""
    data = query if isinstance(query, QueryDict) else QueryDict(query or "")
    allowed = set(spec.view_class().filterset_class.base_filters) | set(spec.extra_params)
    kept = QueryDict(mutable=True)
    for key in data:
        if key in allowed and key not in VOLATILE_PARAMS:
            values = [v for v in data.getlist(key) if v != ""]
            if values:
                kept.setlist(key, values)
    return kept.urlencode()


def hidden_columns(spec: ListSpec, preference) -> list[str]:
    """The optional columns the user hid (unknown or required keys are ignored)."""
    if preference is None:
        return []
    optional = set(spec.optional_keys)
    return [k for k in (preference.hidden_columns or []) if k in optional]


def visible_columns(spec: ListSpec, preference) -> list[Column]:
    hidden = set(hidden_columns(spec, preference))
    return [c for c in spec.columns if c.key not in hidden]


def describe_filters(filterset) -> str:
    """The filters of a bound, valid filterset in words: "Trạng thái: Đã ban hành; Năm: 2025"."""
    from django.forms import ModelChoiceField
    from django.utils.translation import gettext as _

    parts = []
    form = filterset.form
    for name, form_field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", [], (), False):
            continue
        if isinstance(value, (list, tuple)):  # the ordering: ["-title"]
            choices = dict(getattr(form_field, "choices", []))
            shown = ", ".join(str(choices.get(v, v)) for v in value)
        elif value is True:
            shown = _("yes")
        elif isinstance(value, datetime.date):
            shown = value.strftime("%d/%m/%Y")
        elif isinstance(form_field, ModelChoiceField):
            shown = str(value)
        elif getattr(form_field, "choices", None):
            shown = str(dict(form_field.choices).get(value, value))
        else:
            shown = str(value)
        parts.append(f"{form_field.label}: {shown}")
    return "; ".join(parts)


# --- the mixin ----------------------------------------------------------------------------------


class PageSizeMixin:
    """A view's rows per page: ``?per_page=`` (25, 50 or 100) for this page, else the user's
    saved choice for ``list_key`` (``core.models.ListPreference``), else the list's default.
    ``page_size_context`` is what ``includes/_page_size_form.html`` needs to change it."""

    list_key: str = ""

    def get_list_spec(self) -> ListSpec:
        return get_spec(self.list_key)

    def get_list_preference(self):
        from .models import ListPreference

        if not hasattr(self, "_list_preference"):
            user = self.request.user
            self._list_preference = (
                ListPreference.objects.filter(user=user, list_key=self.list_key).first() if user.is_authenticated else None
            )
        return self._list_preference

    def get_page_size(self) -> int:
        chosen = parse_page_size(self.request.GET.get("per_page"))
        if chosen is None:
            preference = self.get_list_preference()
            chosen = parse_page_size(preference.page_size) if preference and preference.page_size else None
        return chosen or self.get_list_spec().default_page_size

    def page_size_context(self, page_size: int) -> dict:
        key = self.get_list_spec().key
        return {
            "key": key,
            "page_size": page_size,
            "page_sizes": PAGE_SIZES,
            "next": self.request.get_full_path(),
            "preferences_url": reverse("lists:preferences", args=[key]),
        }


def _list_settings_statement(connection) -> str:
    """The user's preference for one list and their saved filters of it, in one PostgreSQL
    statement (issue 17: two ORM queries built and compiled on every list request). Columns:
    kind (0 preference, 1 saved filter), id, page_size, hidden_columns, modified, name, name_key,
    query, created; the preference first, then the filters in ``SavedFilter``'s order (name, id)."""
    from .models import ListPreference, SavedFilter

    q = connection.ops.quote_name
    pref, saved = ListPreference._meta, SavedFilter._meta

    def col(meta, name):
        return q(meta.get_field(name).column)

    return (
        f"SELECT 0 AS k, {col(pref, 'id')}, {col(pref, 'page_size')}, {col(pref, 'hidden_columns')}, {col(pref, 'modified')}, "
        f"NULL::varchar AS n, NULL::varchar, NULL::varchar, NULL::timestamptz FROM {q(pref.db_table)} "
        f"WHERE {col(pref, 'user')} = %s AND {col(pref, 'list_key')} = %s "
        f"UNION ALL SELECT 1, {col(saved, 'id')}, NULL, NULL, NULL, {col(saved, 'name')}, {col(saved, 'name_key')}, "
        f"{col(saved, 'query')}, "
        f"{col(saved, 'created')} FROM {q(saved.db_table)} WHERE {col(saved, 'user')} = %s AND {col(saved, 'list_key')} = %s "
        "ORDER BY 1, 6, 2"
    )


_STATEMENTS: dict = {}


def read_list_settings(user, list_key: str):
    """``(preference or None, [saved filters])`` of ``user`` for the list ``list_key``: on
    PostgreSQL one statement written once per process, the model instances made as the ORM
    makes them (``Model.from_db``, the JSON field's own conversion); elsewhere the two ORM
    queries. tests/core/test_list_settings.py compares both, field for field."""
    from django.db import connections, router

    from .models import ListPreference, SavedFilter

    if not user.is_authenticated:
        return None, []
    alias = router.db_for_read(SavedFilter)
    connection = connections[alias]
    if connection.vendor != "postgresql":
        preference = ListPreference.objects.filter(user=user, list_key=list_key).first()
        return preference, list(SavedFilter.objects.filter(user=user, list_key=list_key))
    sql = _STATEMENTS.get(alias)
    if sql is None:
        sql = _STATEMENTS[alias] = _list_settings_statement(connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, list_key, user.pk, list_key])
        rows = cursor.fetchall()
    hidden_field = ListPreference._meta.get_field("hidden_columns")
    preference, saved = None, []
    for kind, pk, page_size, hidden, modified, name, name_key, query, created in rows:
        if kind == 0:
            hidden = hidden_field.from_db_value(hidden, None, connection)
            preference = ListPreference.from_db(
                alias, ["id", "user_id", "list_key", "page_size", "hidden_columns", "modified"],
                [pk, user.pk, list_key, page_size, hidden, modified],
            )
        else:
            saved.append(SavedFilter.from_db(
                alias, ["id", "user_id", "list_key", "name", "name_key", "query", "created"],
                [pk, user.pk, list_key, name, name_key, query, created],
            ))
    return preference, saved


class ListToolsMixin(PageSizeMixin):
    """For a django-filter ``FilterView``: page size and columns from the user's preference,
    the ``list_tools`` context of ``includes/_list_tools.html``, and ``export_filterset`` for
    the export (``core.listviews.ListExportView``). The preference and the saved filters are
    read together (``read_list_settings``: one statement on PostgreSQL)."""

    _bind_filters = False

    def _list_settings(self):
        if not hasattr(self, "_list_settings_memo"):
            self._list_settings_memo = read_list_settings(self.request.user, self.list_key)
        return self._list_settings_memo

    def get_list_preference(self):
        return self._list_settings()[0]

    def get_paginate_by(self, queryset):
        return self.get_page_size()

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        if self._bind_filters:
            kwargs["data"] = self.request.GET
        return kwargs

    def export_filterset(self):
        """The list's filterset, always bound (no query string = no filter), on the list's own
        queryset: what the list shows, every page."""
        self._bind_filters = True
        return self.get_filterset(self.get_filterset_class())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        spec = self.get_list_spec()
        preference = self.get_list_preference()
        hidden = set(hidden_columns(spec, preference))
        query = clean_query(spec, self.request.GET)
        paginator = context.get("paginator")
        context["list_tools"] = {
            **self.page_size_context(paginator.per_page if paginator else self.get_page_size()),
            "columns": [{"key": c.key, "label": c.label, "required": c.required, "visible": c.key not in hidden} for c in spec.columns],
            "show": {c.key: c.key not in hidden for c in spec.columns},
            "visible_count": sum(1 for c in spec.columns if c.key not in hidden),
            "saved_filters": list(self._list_settings()[1]),
            "max_saved": MAX_SAVED_FILTERS,
            "query": query,
            "export_url": reverse("lists:export", args=[spec.key]) + (f"?{query}" if query else ""),
            "save_url": reverse("lists:filter_save", args=[spec.key]),
        }
        return context


def stable_ordering_filter(**kwargs):
    """django-filter's ``OrderingFilter`` that breaks ties by primary key: pages of a list
    sorted on a column with equal values (status, deadline) never repeat or skip a row, and
    the export has the same order as the pages."""
    import django_filters

    class StableOrderingFilter(django_filters.OrderingFilter):
        def filter(self, qs, value):
            qs = super().filter(qs, value)
            if value and qs.query.order_by and "pk" not in qs.query.order_by:
                qs = qs.order_by(*qs.query.order_by, "pk")
            return qs

    return StableOrderingFilter(**kwargs)
