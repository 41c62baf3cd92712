"""Filters of the directory lists (agencies, units)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.text import fold

from .models import AdministrativeUnit, Agency, AgencyKind, UnitLevel

VALIDITY_CHOICES = [("current", _("In force")), ("ended", _("Ended"))]


def filter_validity(queryset, name, value):
    if value == "current":
        return queryset.filter(valid_to__isnull=True)
    if value == "ended":
        return queryset.filter(valid_to__isnull=False)
    return queryset


class AgencyFilterSet(django_filters.FilterSet):
    """Search agencies by name or short name (accents optional), kind and validity."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=AgencyKind.choices)
    validity = django_filters.ChoiceFilter(label=_("Validity"), choices=VALIDITY_CHOICES, method=lambda qs, n, v: filter_validity(qs, n, v))

    class Meta:
        model = Agency
        fields = ["q", "kind", "validity"]

    def filter_q(self, queryset, name, value):
        folded = fold(value)
        return queryset.filter(search_text__contains=folded) if folded else queryset


class UnitFilterSet(django_filters.FilterSet):
    """Search units by name or official code, level and validity."""

    q = django_filters.CharFilter(label=_("Name or code"), method="filter_q")
    level = django_filters.ChoiceFilter(label=_("Level"), choices=UnitLevel.choices)
    validity = django_filters.ChoiceFilter(label=_("Validity"), choices=VALIDITY_CHOICES, method=lambda qs, n, v: filter_validity(qs, n, v))

    class Meta:
        model = AdministrativeUnit
        fields = ["q", "level", "validity"]

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if value.isdigit():
            return queryset.filter(code__startswith=value)
        return queryset.filter(search_text__contains=fold(value))
