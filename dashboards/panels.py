"""The leader's panel on the portal's home page: this year's key figures of their area."""

from django.urls import reverse
from django.utils import timezone

from directory.models import Role

from . import selectors as s


def home_panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not user.has_role(Role.LEADER) or user.is_superuser:
        return []
    unit = s.user_home_unit(user)
    if unit is None:
        return []
    today = timezone.localdate()
    window = s.Window(today.year)
    area = s.Area.of(unit)
    targets = s.target_status_counts(area, window, today)
    reports = s.compliance_counts(area, window, today)
    url = reverse("dashboards:home")
    return [
        {
            "template": "dashboards/partials/home_panel.html",
            "order": 5,
            "context": {
                "area_name": str(unit),
                "window": window,
                "plans": s.plan_figures(area, window),
                "targets": targets,
                "reports": reports,
                "budget": s.budget_figures(area, window),
                "url": url,
                "targets_url": f"{reverse('dashboards:targets')}?status=behind",
                "missing_url": f"{reverse('dashboards:obligations')}?state=missing",
            },
        }
    ]
