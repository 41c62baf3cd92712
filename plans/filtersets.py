"""The plan list's filters (django-filter)."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.text import fold
from directory.models import AdministrativeUnit, Agency, UnitLevel
from directory.selectors import unit_area_q

from .models import Plan, PlanKind, PlanStatus


class PlanFilterSet(django_filters.FilterSet):
    """Issuer, administrative unit (with the units below), year, kind, status, text, order.

    The text search is accent-insensitive on every database: it matches the folded query
    against ``Plan.search_text`` (folded by the services), word by word.
    """

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    issuer = django_filters.ModelChoiceFilter(empty_label=_("— All —"), label=_("Issuing agency"), queryset=Agency.objects.none())
    unit = django_filters.ModelChoiceFilter(
        empty_label=_("— All —"),
        label=_("Administrative unit"), queryset=AdministrativeUnit.objects.none(), method="filter_unit"
    )
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year", min_value=1990, max_value=2100)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PlanKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PlanStatus.choices)
    ordering = django_filters.OrderingFilter(
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
        agencies = Agency.objects.select_related("unit").order_by("name")
        # Units for the filter: provinces and districts only (communes would make the
        # drop-down thousands long; a district already includes its communes).
        units = AdministrativeUnit.objects.filter(level__in=[UnitLevel.PROVINCE, UnitLevel.DISTRICT]).order_by("path")
        if user is not None and not user.is_superuser:
            if user.is_authenticated and user.agency_id:
                area = user.agency.unit
                agencies = agencies.filter(pk__in=self.queryset.values("issuer_id"))
                units = units.filter(unit_area_q(area))
            else:
                agencies, units = agencies.none(), units.none()
        else:
            agencies = agencies.filter(pk__in=Plan.objects.values("issuer_id"))
        self.filters["issuer"].queryset = agencies
        self.filters["unit"].queryset = units
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
