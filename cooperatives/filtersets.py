"""Filters of the registry list (kind, status, area, sector, year, rating, text, ordering)."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from core.autocomplete import AutocompleteSelect
from core.filtersets import LeanFilterSet
from core.listtools import stable_ordering_filter
from core.text import fold
from directory.models import AdministrativeUnit
from directory.selectors import unit_area_q

from .models import Organisation, OrganisationKind, OrganisationStatus, Rating, Sector, YearlyRecord
from .selectors import filter_units_for


class OrganisationFilterSet(LeanFilterSet):
    """``year`` keeps organisations with figures for that year (and chooses the figures the
    list shows); ``rating`` looks at the rating of that year, or of any year without one."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganisationKind.choices, empty_label=_("All kinds"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=OrganisationStatus.choices, empty_label=_("All statuses")
    )
    # Thousands of units for an administrator: the select holds only the chosen one, the rest
    # come from the autocomplete endpoint, which reads the same queryset (issue 17).
    unit = django_filters.ModelChoiceFilter(
        label=_("Area"), queryset=AdministrativeUnit.objects.none(), method="filter_unit", empty_label=_("Whole area"),
        widget=AutocompleteSelect("cooperatives:autocomplete_units"),
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"), queryset=Sector.objects.all(), field_name="sectors", empty_label=_("All sectors")
    )
    agricultural = django_filters.BooleanFilter(
        label=_("Agricultural"),
        field_name="is_agricultural",
        widget=forms.Select(choices=[("", _("Any")), ("true", _("Yes")), ("false", _("No"))]),
    )
    year = django_filters.NumberFilter(label=_("Year of figures"), method="filter_year", min_value=1990, max_value=2100)
    rating = django_filters.ChoiceFilter(
        label=_("Rating"), choices=Rating.choices, method="filter_rating", empty_label=_("Any rating")
    )
    ordering = stable_ordering_filter(
        fields=(
            ("name", "name"),
            ("kind", "kind"),
            ("commune__name", "commune"),
            ("founded", "founded"),
            ("status", "status"),
            ("registration_code", "registration_code"),
        ),
        field_labels={"name": _("Name"), "kind": _("Kind"), "commune__name": _("Commune"), "founded": _("Founded")},
        label=_("Sort by"),
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "status", "unit", "sector", "agricultural", "year", "rating"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            # Provinces, old districts and today's communes (selectors.filter_units_for).
            self.filters["unit"].queryset = filter_units_for(user)
            self.form.fields["unit"].queryset = self.filters["unit"].queryset

    def filter_q(self, queryset, name, value):
        for word in fold(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit_area_q(value, "commune"))

    def filter_year(self, queryset, name, value):
        return queryset.filter(Exists(YearlyRecord.objects.filter(organisation=OuterRef("pk"), year=int(value))))

    def filter_rating(self, queryset, name, value):
        records = YearlyRecord.objects.filter(organisation=OuterRef("pk"), rating=value)
        year = self.form.cleaned_data.get("year")
        if year:
            records = records.filter(year=int(year))
        return queryset.filter(Exists(records))
