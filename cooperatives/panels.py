"""Home-page panel: registry counts in the user's area (planners and reporters)."""

from directory.models import Role

from . import indicators, selectors, services


def home_panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not (user.has_role(Role.PLANNER) or user.has_role(Role.REPORTER)):
        return []
    if not user.is_superuser and not user.agency_id:
        return []
    counts = selectors.registry_counts_for(user)
    latest = selectors.latest_year(user)
    good_share = None
    if latest and user.agency_id:
        good_share = indicators.compute("htx_rated_good_share", unit=user.agency.unit, year=latest)
    return [
        {
            "template": "cooperatives/panels/home_registry.html",
            "context": {
                "counts": counts,
                "latest_year": latest,
                "good_share": good_share,
                "can_edit": services.user_can_edit(user),
            },
            "order": 40,
        }
    ]
