"""The lists' filter sets without django-filter's deep copy of every filter (issue 17).

``django_filters.FilterSet.__init__`` gives each instance its own filters with
``copy.deepcopy(self.base_filters)``: for the registry list's nine filters ~540 ``deepcopy``
calls a request (their choices, lazy labels, widgets and querysets copied object by object),
the largest part of building a list's filter set. ``LeanFilterSet`` copies each filter
shallowly instead and gives the copy what a request may change:

* its own ``extra`` (the form field's arguments: a model choice filter writes the queryset it
  was given for this request into it when it makes its field);
* no ``_field`` (the form field is made for this instance, from this instance's queryset);
* its own ``FilterMethod`` when it filters through a method of the filter set (the copy of a
  ``method=`` filter must call *this* filter set's method, as ``deepcopy`` re-pointed it).

Nothing else of a filter changes after the class is made (django-filter sets ``model`` and
``parent``, which are set here too). ``tests/core/test_lean_filtersets.py`` compares, for the
plan, registry and report lists, the filters, forms (as HTML) and filtered querysets (as SQL)
with django-filter's deep-copying ``__init__`` for scoped users and an administrator over valid
and invalid query strings, and checks that one request's querysets never reach another's
filters or the class's.
"""

from __future__ import annotations

import copy

import django_filters
from django.http import QueryDict
from django_filters.filters import FilterMethod


def copy_filter(filter_):
    """A filter of ``base_filters`` made ready for one filter set (see the module)."""
    new = copy.copy(filter_)
    new.extra = filter_.extra.copy()
    new.__dict__.pop("_field", None)
    if isinstance(filter_.__dict__.get("filter"), FilterMethod):
        new.filter = FilterMethod(new)
    return new


class LeanFilterSet(django_filters.FilterSet):
    """``django_filters.FilterSet`` whose ``__init__`` copies its filters with ``copy_filter``
    (django-filter 26's ``BaseFilterSet.__init__`` otherwise, line for line)."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        model = queryset.model

        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix

        self.filters = type(self.base_filters)((name, copy_filter(f)) for name, f in self.base_filters.items())

        # propagate the model and filterset to the filters
        for filter_ in self.filters.values():
            filter_.model = model
            filter_.parent = self
