"""Filters of the reports list (NetBox naming: ``<Model>FilterSet``)."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.autocomplete import AutocompleteSelect
from core.filtersets import LeanFilterSet
from core.listtools import stable_ordering_filter
from directory.models import Agency
from plans.models import Plan

from .models import Obligation, ObligationStatus


class ObligationFilterSet(LeanFilterSet):
    """Filters of the reports list: status, plan, reporting agency, year, period, late only.

    The plan and agency choices and the period labels are those of the reports the user
    sees (``reports.selectors.obligation_filter_*``), so a filter never names, let alone
    reveals, a report outside the user's scope; an id outside them is refused.
    """

    status = django_filters.ChoiceFilter(label=_("Status"), choices=ObligationStatus.choices)
    plan = django_filters.ModelChoiceFilter(
        empty_label=_("— All —"),
        label=_("Plan"), field_name="period__requirement__plan", queryset=Plan.objects.none(),
        widget=AutocompleteSelect("reports:autocomplete_plans"),  # issue 17: never every plan as an <option>
    )
    agency = django_filters.ModelChoiceFilter(
        empty_label=_("— All —"),
        label=_("Reporting agency"), queryset=Agency.objects.none(),
        widget=AutocompleteSelect("reports:autocomplete_agencies"),
    )
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year", min_value=1990, max_value=2100)
    period = django_filters.ChoiceFilter(
        label=_("Reporting period"), field_name="period__label", choices=(), empty_label=_("— All —")
    )
    late = django_filters.BooleanFilter(label=_("Overdue only"), method="filter_late", widget=forms.CheckboxInput)
    # The sortable headers (issue 18); without ?ordering= the view's own order (to do first).
    ordering = stable_ordering_filter(
        label=_("Sort by"),
        fields=(
            ("period__start", "period"),
            ("period__requirement__plan__title", "plan"),
            ("agency__name", "agency"),
            ("period__requirement__receiver__name", "receiver"),
            ("period__due_date", "due_date"),
            ("status", "status"),
        ),
        field_labels={
            "period__start": _("Reporting period"),
            "period__requirement__plan__title": _("Plan"),
            "agency__name": _("Reporting agency"),
            "period__requirement__receiver__name": _("Sent to"),
            "period__due_date": _("Deadline"),
            "status": _("Status"),
        },
    )

    class Meta:
        model = Obligation
        fields = ["status", "plan", "agency", "year", "period"]

    def __init__(self, *args, plans=None, agencies=None, periods=None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if plans is not None:
            self.filters["plan"].queryset = plans
        if agencies is not None:
            self.filters["agency"].queryset = agencies
        if periods is not None:
            self.filters["period"].extra["choices"] = [(label, label) for label in periods]

    def filter_year(self, queryset, name, value):
        """Reports whose period overlaps the year (as the plan list's year filter)."""
        if value is None:
            return queryset
        year = int(value)
        return queryset.filter(
            Q(period__start__lte=datetime.date(year, 12, 31)) & Q(period__end__gte=datetime.date(year, 1, 1))
        )

    def filter_late(self, queryset, name, value):
        if not value:
            return queryset
        from django.utils import timezone

        return queryset.filter(
            status__in=(ObligationStatus.NOT_STARTED, ObligationStatus.DRAFT, ObligationStatus.RETURNED),
            period__due_date__lt=self.today or timezone.localdate(),
        )
