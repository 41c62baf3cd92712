"""Home-page panel of planimport: a planner's documents read but not saved yet."""

from django.urls import reverse

from directory.models import Role


def home_panels(request) -> list[dict]:
    """Planners only: the upload link and up to five unsaved documents (one query)."""
    user = request.user
    if not user.is_authenticated or not user.has_role(Role.PLANNER):
        return []
    from .views import sessions_of

    pending = list(sessions_of(user).filter(plan__isnull=True)[:5])
    return [
        {
            "template": "planimport/panels/pending.html",
            "context": {"pending": pending, "upload_url": reverse("planimport:upload")},
            "order": 60,
        }
    ]
