"""Home-page panel of the directory: the user's agency and the area they work in."""

from django.db.models import Count

from core.permissions import scoped

from .models import AdministrativeUnit, Agency, User


def home_panels(request) -> list[dict]:
    """One panel for every logged-in user: agency and area (an overview for administrators)."""
    user = request.user
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        levels = dict(AdministrativeUnit.objects.values_list("level").annotate(n=Count("pk")).values_list("level", "n"))
        context = {
            "is_admin": True,
            "units_by_level": levels,
            "n_current_units": AdministrativeUnit.objects.filter(valid_to__isnull=True).count(),
            "n_agencies": Agency.objects.count(),
            "n_users": User.objects.filter(is_active=True).count(),
        }
        return [{"template": "directory/panels/area.html", "context": context, "order": 90}]
    if not user.agency_id:
        return []
    agency = Agency.objects.select_related("unit", "unit__parent", "parent").get(pk=user.agency_id)
    units = scoped(AdministrativeUnit.objects.all(), user, unit_field="")
    levels = dict(units.order_by().values_list("level").annotate(n=Count("pk")).values_list("level", "n"))
    context = {
        "is_admin": False,
        "agency": agency,
        "units_by_level": levels,
        "n_agencies": scoped(Agency.objects.all(), user, unit_field="unit").count(),
        "colleagues": list(User.objects.filter(agency_id=user.agency_id, is_active=True).exclude(pk=user.pk).order_by("username")[:5]),
    }
    return [{"template": "directory/panels/area.html", "context": context, "order": 90}]
