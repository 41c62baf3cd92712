"""Filters of the reports list (NetBox naming: ``<Model>FilterSet``)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.autocomplete import AutocompleteSelect
from plans.models import Plan

from .models import Obligation, ObligationStatus


class ObligationFilterSet(django_filters.FilterSet):
    """Filters of the reports list: status, plan, period text, late only."""

    status = django_filters.ChoiceFilter(label=_("Status"), choices=ObligationStatus.choices)
    plan = django_filters.ModelChoiceFilter(
        empty_label=_("— All —"),
        label=_("Plan"), field_name="period__requirement__plan", queryset=Plan.objects.none(),
        widget=AutocompleteSelect("reports:autocomplete_plans"),  # issue 17: never every plan as an <option>
    )
    late = django_filters.BooleanFilter(label=_("Overdue only"), method="filter_late", widget=forms.CheckboxInput)

    class Meta:
        model = Obligation
        fields = ["status", "plan"]

    def __init__(self, *args, plans=None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if plans is not None:
            self.filters["plan"].queryset = plans

    def filter_late(self, queryset, name, value):
        if not value:
            return queryset
        from django.utils import timezone

        return queryset.filter(
            status__in=(ObligationStatus.NOT_STARTED, ObligationStatus.DRAFT, ObligationStatus.RETURNED),
            period__due_date__lt=self.today or timezone.localdate(),
        )
