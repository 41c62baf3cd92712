"""Home-page panel: registry counts in the user's area (planners and reporters)."""

from django.utils import timezone

from directory.models import Role

from . import selectors, services


def home_panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not (user.has_role(Role.PLANNER) or user.has_role(Role.REPORTER)):
        return []
    if not user.is_superuser and not user.agency_id:
        return []
    counts = selectors.registry_counts_for(user)
    latest = selectors.latest_year(user)
    good_share = rating_year = rated = None
    if latest and user.agency_id:
        # The share of the registry dashboard, same definition and same year rule (the latest
        # complete year with ratings), labelled with its year and denominator (issue 15).
        from dashboards import selectors as dashboards

        area = dashboards.Area.of(user.agency.unit)
        rating_year, ratings = dashboards.latest_ratings(area, timezone.localdate().year, timezone.localdate())
        good_share, rated = dashboards.good_fair_share(ratings), dashboards.rated_count(ratings)
    return [
        {
            "template": "cooperatives/panels/home_registry.html",
            "context": {
                "counts": counts,
                "latest_year": latest,
                "good_share": good_share,
                "rating_year": rating_year,
                "rated": rated,
                "can_edit": services.user_can_edit(user),
            },
            "order": 40,
        }
    ]
