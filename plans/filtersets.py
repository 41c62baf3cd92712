"""The plan list's filters (django-filter)."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.autocomplete import AutocompleteSelect
from core.filtersets import LeanFilterSet
from core.listtools import stable_ordering_filter
from core.text import fold
from directory.models import AdministrativeUnit, Agency, UnitLevel
from directory.selectors import filter_units_for, unit_area_q

from .models import Plan, PlanKind, PlanStatus
from .selectors import plan_filter_issuers


class PlanFilterSet(LeanFilterSet):
    """Issuer, administrative unit (with the units below), year, kind, status, text, order.

    The text search is accent-insensitive on every database: it matches the folded query
    against ``Plan.search_text`` (folded by the services), word by word.
    """

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    # Thousands of agencies and units at national scale: the select holds only the chosen one;
    # the rest come from the autocomplete endpoints, which read the same querysets (issue 17).
    issuer = django_filters.ModelChoiceFilter(
        empty_label=_("— All —"), label=_("Issuing agency"), queryset=Agency.objects.none(),
        widget=AutocompleteSelect("plans:autocomplete_filter_issuers"),
    )
    unit = django_filters.ModelChoiceFilter(
        empty_label=_("— All —"),
        label=_("Administrative unit"), queryset=AdministrativeUnit.objects.none(), method="filter_unit",
        widget=AutocompleteSelect("directory:autocomplete_units"),
    )
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year", min_value=1990, max_value=2100)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PlanKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PlanStatus.choices)
    ordering = stable_ordering_filter(
        label=_("Sort by"),
        fields=(
            ("issue_date", "issue_date"),
            ("number", "number"),
            ("title", "title"),
            ("period_start", "period_start"),
            ("status", "status"),
            ("issuer__name", "issuer"),
            ("modified", "modified"),
        ),
        field_labels={
            "issue_date": _("Issue date"),
            "number": _("Number"),
            "title": _("Title"),
            "period_start": _("Period"),
            "status": _("Status"),
            "issuer__name": _("Issuing agency"),
            "modified": _("Last changed"),
        },
    )

    class Meta:
        model = Plan
        fields = ["q", "issuer", "unit", "year", "kind", "status"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        user = getattr(request, "user", None)
        if user is not None:
            self.filters["issuer"].queryset = plan_filter_issuers(user)
            self.filters["unit"].queryset = filter_units_for(user)
        else:  # no request (scripts, tests): every issuer and unit
            self.filters["issuer"].queryset = Agency.objects.filter(pk__in=Plan.objects.values("issuer_id")).order_by("name")
            self.filters["unit"].queryset = AdministrativeUnit.objects.filter(level__in=[UnitLevel.PROVINCE, UnitLevel.DISTRICT]).order_by("path")
        self.form.fields["q"].widget = forms.TextInput(attrs={"placeholder": _("hop tac xa, 567/KH…"), "type": "search"})

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit_area_q(value, "issuer__unit")) if value else queryset

    def filter_year(self, queryset, name, value):
        if value is None:
            return queryset
        year = int(value)
        return queryset.filter(Q(period_start__lte=datetime.date(year, 12, 31)) & Q(period_end__gte=datetime.date(year, 1, 1)))
