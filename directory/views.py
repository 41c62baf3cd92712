"""Directory pages: agencies and administrative units, each limited to the user's area."""

from django.db.models import Count, Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.autocomplete import AutocompleteView
from core.permissions import RoleRequiredMixin, scoped

from .filtersets import AgencyFilterSet, UnitFilterSet
from .models import AdministrativeUnit, Agency, SuccessionRule, UnitLevel, User
from .selectors import filter_units_for, formerly_prefetch


def _visible_units(user):
    return scoped(AdministrativeUnit.objects.all(), user, unit_field="")


class AgencyListView(RoleRequiredMixin, FilterView):
    """Agencies in the user's area (everything for an administrator)."""

    model = Agency
    filterset_class = AgencyFilterSet
    template_name = "directory/agency_list.html"
    context_object_name = "agencies"
    paginate_by = 50

    def get_queryset(self):
        qs = Agency.objects.select_related("unit", "parent").prefetch_related(formerly_prefetch())
        return scoped(qs, self.request.user, unit_field="unit").order_by("unit__path", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [(_("Agencies"), "")]
        return context


class AgencyDetailView(RoleRequiredMixin, DetailView):
    """One agency: its unit, governing body, subordinate bodies and accounts."""

    model = Agency
    template_name = "directory/agency_detail.html"
    context_object_name = "agency"

    def get_queryset(self):
        qs = Agency.objects.select_related("unit", "unit__parent", "parent", "successor").prefetch_related(
            Prefetch("children", queryset=Agency.objects.select_related("unit").order_by("name")),
            Prefetch("users", queryset=User.objects.filter(is_active=True).order_by("username")),
            formerly_prefetch(),
        )
        return scoped(qs, self.request.user, unit_field="unit")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [(_("Agencies"), reverse("directory:agency_list")), (self.object.name, "")]
        # Related agencies are linked only when the reader may open them (a successor or the
        # governing body can lie outside the reader's area: name them, never link to a 404).
        agency = self.object
        related = {agency.parent_id, agency.successor_id}
        related |= {p.pk for p in agency.predecessors.all()} | {c.pk for c in agency.children.all()}
        related.discard(None)
        context["linkable"] = set(
            scoped(Agency.objects.filter(pk__in=related), self.request.user, unit_field="unit").values_list("pk", flat=True)
        ) if related else set()
        return context


class UnitListView(RoleRequiredMixin, FilterView):
    """Administrative units of the user's area, including those that ended in 2025."""

    model = AdministrativeUnit
    filterset_class = UnitFilterSet
    template_name = "directory/unit_list.html"
    context_object_name = "units"
    paginate_by = 50

    def get_queryset(self):
        return _visible_units(self.request.user).select_related("parent").order_by("path")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [(_("Administrative units"), "")]
        return context


class UnitDetailView(RoleRequiredMixin, DetailView):
    """One unit: the units directly below it, its agencies, and what it became or came from."""

    model = AdministrativeUnit
    template_name = "directory/unit_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        return _visible_units(self.request.user).select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        user = self.request.user
        visible = _visible_units(user)
        context["children"] = unit.children.order_by("name").annotate(n_children=Count("children"))
        context["agencies"] = scoped(unit.agencies.order_by("name"), user, unit_field="unit")
        successors, predecessors = list(unit.successors.all()), list(unit.predecessors.all())
        links = successors + predecessors
        visible_ids = set(visible.filter(pk__in=[u.pk for u in links]).values_list("pk", flat=True)) if links else set()

        def listed(units):
            # Provinces before districts before communes: "formed from tỉnh Kon Tum, …, huyện …".
            rank = {UnitLevel.PROVINCE: 0, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 2}
            return [(u, u.pk in visible_ids) for u in sorted(units, key=lambda u: (rank.get(u.level, 3), u.name))]

        context["successors"] = listed(successors)
        split = set(
            unit.succession_links.filter(rule=SuccessionRule.SPLIT).values_list("to_administrativeunit_id", flat=True)
        ) if successors else set()
        context["split_successors"] = split
        context["predecessors"] = listed(predecessors)
        context["parent_visible"] = bool(unit.parent_id) and visible.filter(pk=unit.parent_id).exists()
        context["breadcrumbs"] = [(_("Administrative units"), reverse("directory:unit_list")), (str(unit), "")]
        return context


class UnitAutocompleteView(AutocompleteView):
    """Provinces and districts of the user's area, for the list filters (issue 17)."""

    def get_queryset(self):
        return filter_units_for(self.request.user)

    def sub(self, obj):
        return obj.parent.full_name if obj.parent_id else ""
