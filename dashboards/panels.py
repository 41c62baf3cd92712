"""The leader's panel on the portal's home page: the key figures of their area for the latest
year with data (this year when it has any)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from directory.models import Role

from . import selectors as s
from .cache import DashboardCache


def home_panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not user.has_role(Role.LEADER) or user.is_superuser:
        return []
    unit = s.user_home_unit(user)
    if unit is None:
        return []
    today = timezone.localdate()
    area = s.Area.of(unit)
    from .views import home_numbers

    dcache = DashboardCache()
    # The latest year with data, like the dashboard (issue 15): not an empty current year.
    years = dcache.get_or_compute("years", (area.pk, area.paths, today), lambda: s.years_with_data(area, today))
    window = s.Window(s.default_year(years, today))
    # Same cache entry as the dashboard's home page for this area and year.
    numbers = dcache.get_or_compute(
        "home",
        (area.pk, area.paths, window.year, window.quarter, today, get_language()),
        lambda: home_numbers(area, window, today),
    )
    url = reverse("dashboards:home")
    return [
        {
            "template": "dashboards/partials/home_panel.html",
            "order": 5,
            "context": {
                "area_name": str(unit),
                "window": window,
                "plans": numbers["plans"],
                "targets": numbers["targets"],
                "reports": numbers["reports"],
                "budget": numbers["budget"],
                "url": url,
                "targets_url": f"{reverse('dashboards:targets')}?status=behind",
                "missing_url": f"{reverse('dashboards:obligations')}?state=missing",
            },
        }
    ]
