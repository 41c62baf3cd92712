"""Autocomplete selects for long lists (agencies, units, issuers, plans) (issue 17).

A page never renders thousands of ``<option>``s: the select holds only the chosen option(s)
(and the empty one), and ``static/js/autocomplete.js`` turns it into a Tom Select box that asks
a small JSON endpoint as the user types. The form field keeps its scoped queryset, so the
server still refuses an id outside what the form accepts; each endpoint serves exactly that
queryset (built by the same selector), so typing never reveals more than the form would take.

* ``AutocompleteSelect`` / ``AutocompleteSelectMultiple``: the widgets. The chosen labels come
  from the field's queryset (one query per field), or from a shared ``SelectedLabels`` that
  loads the chosen objects of every row of a formset page in one query.
* ``use_autocomplete(form, name, url_name, labels=None)``: swap a form field's widget.
* ``AutocompleteView``: the JSON endpoint, ``{"results": [{"value", "text", "sub"}], "more"}``;
  subclasses give ``get_queryset()`` (scoped) and the role gate.
"""

from urllib.parse import urlencode

from django import forms
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views import View

from core.permissions import RoleRequiredMixin
from core.text import fold


def _pks(values) -> list[int]:
    """The integer ids among ``values`` (strings, ints or objects), in order, without repeats."""
    seen: list[int] = []
    for v in values if isinstance(values, (list, tuple, set)) else [values]:
        v = getattr(v, "pk", v)
        if v in (None, ""):
            continue
        try:
            pk = int(v)
        except (TypeError, ValueError):
            continue
        if pk not in seen:
            seen.append(pk)
    return seen


class SelectedLabels:
    """Labels of the chosen objects of one kind on one page, loaded in one query.

    Forms announce the ids they hold with ``want()`` while they are built; the first ``get()``
    loads every announced id at once (a plan page with 40 rows of agencies: one query, not 40).
    Ids outside ``queryset`` (the field's scoped queryset) get no label and are not shown.
    """

    def __init__(self, queryset, label=str):
        self.queryset = queryset
        self.label = label
        self._labels: dict[int, str | None] = {}
        self._wanted: set[int] = set()

    def want(self, values) -> None:
        self._wanted.update(_pks(values))

    def get(self, values) -> list[tuple[int, str]]:
        pks = _pks(values)
        missing = (set(pks) | self._wanted) - self._labels.keys()
        if set(pks) - self._labels.keys():
            for obj in self.queryset.filter(pk__in=missing):
                self._labels[obj.pk] = self.label(obj)
            for pk in missing:
                self._labels.setdefault(pk, None)
        return [(pk, self._labels[pk]) for pk in pks if self._labels.get(pk) is not None]


class AutocompleteMixin:
    """Render only the selected option(s); Tom Select loads the rest from ``url_name``."""

    def __init__(
        self, url_name: str, *, attrs=None, labels: SelectedLabels | None = None, params=None, send_fields=()
    ):
        super().__init__(attrs=attrs)
        self.url_name = url_name
        self.labels = labels
        # ``params``: fixed query parameters of the endpoint (e.g. the saved plan's dates);
        # ``send_fields``: names of fields of the same <form> whose current values the script
        # sends along (they override ``params``), so the list follows what the user typed.
        self.params = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        self.send_fields = tuple(send_fields)

    def __deepcopy__(self, memo):
        obj = super().__deepcopy__(memo)
        obj.labels = self.labels  # shared by every row of a page, never copied
        return obj

    def selected(self, values) -> list[tuple[object, str]]:
        if self.labels is not None:
            return self.labels.get(values)
        pks = _pks(values)
        if not pks:
            return []
        choices = self.choices
        field = getattr(choices, "field", None)
        queryset = getattr(choices, "queryset", None)
        if field is None or queryset is None:  # plain choices: keep the chosen ones
            wanted = {str(pk) for pk in pks}
            return [(v, label) for v, label in choices if str(getattr(v, "value", v)) in wanted]
        found = {obj.pk: field.label_from_instance(obj) for obj in queryset.filter(pk__in=pks)}
        return [(pk, found[pk]) for pk in pks if pk in found]

    def optgroups(self, name, value, attrs=None):
        options = []
        chosen = self.selected([v for v in value if v not in ("", None)])
        if not self.allow_multiple_selected:
            empty = getattr(getattr(self.choices, "field", None), "empty_label", None)
            options.append(self.create_option(name, "", empty or "", not chosen, 0, attrs=attrs))
        for index, (pk, label) in enumerate(chosen, start=1):
            options.append(self.create_option(name, str(pk), label, True, index, attrs=attrs))
        return [(None, options, 0)]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        url = reverse(self.url_name)
        if self.params:
            url += "?" + urlencode(self.params)
        widget_attrs["data-autocomplete"] = url
        if self.send_fields:
            widget_attrs["data-autocomplete-fields"] = " ".join(self.send_fields)
        widget_attrs.setdefault("data-placeholder", gettext("Type to search…"))
        # setdefault: a lean plan row leaves them out (attrs False), they come from its template.
        widget_attrs.setdefault("data-no-results", gettext("Nothing found"))
        widget_attrs.setdefault("data-loading", gettext("Searching…"))
        widget_attrs.setdefault("data-remove", gettext("Remove"))
        return context


class AutocompleteSelect(AutocompleteMixin, forms.Select):
    pass


class AutocompleteSelectMultiple(AutocompleteMixin, forms.SelectMultiple):
    pass


def use_autocomplete(
    form, name: str, url_name: str, labels: SelectedLabels | None = None, params=None, send_fields=()
) -> None:
    """Give ``form.fields[name]`` (a model choice field) an autocomplete widget. With ``labels``,
    announce the field's current value so the page loads every chosen label in one query;
    ``params`` / ``send_fields`` as ``AutocompleteMixin``."""
    field = form.fields[name]
    cls = AutocompleteSelectMultiple if isinstance(field, forms.ModelMultipleChoiceField) else AutocompleteSelect
    attrs = {k: v for k, v in field.widget.attrs.items() if k != "size"}
    field.widget = cls(url_name, attrs=attrs, labels=labels, params=params, send_fields=send_fields)
    field.widget.choices = field.choices
    if labels is not None:
        labels.want(form[name].value())


class AutocompleteView(RoleRequiredMixin, View):
    """``GET ?q=…`` → the first ``limit`` matches of ``get_queryset()`` (already scoped to the
    user) whose folded ``search_text`` holds every typed word, accents optional."""

    limit = 20
    search_field = "search_text"

    def get_queryset(self):
        raise NotImplementedError

    def label(self, obj) -> str:
        return str(obj)

    def sub(self, obj) -> str:
        """A second line that tells same-named objects apart (the agency's unit)."""
        return ""

    def search(self, queryset, q: str):
        for word in fold(q).split()[:6]:
            queryset = queryset.filter(**{f"{self.search_field}__contains": word})
        return queryset

    def get(self, request, *args, **kwargs):
        q = (request.GET.get("q") or "")[:100]
        rows = list(self.search(self.get_queryset(), q)[: self.limit + 1])
        results = [{"value": str(o.pk), "text": self.label(o), "sub": self.sub(o)} for o in rows[: self.limit]]
        response = JsonResponse({"results": results, "more": len(rows) > self.limit})
        patch_cache_control(response, private=True, no_store=True)
        return response
