"""Home-page panels of the reporting cycle: what the agency owes, and the review inbox."""

from django.utils import timezone

from . import selectors


def home_panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated or not user.agency_id:
        return []
    panels = []
    today = timezone.localdate()
    if user.has_role("reporter") or user.has_role("planner"):
        due = selectors.agency_due(user.agency_id, today)
        if due.upcoming or due.late or due.returned or user.has_role("reporter"):
            panels.append({"template": "reports/panels/agency_due.html", "context": {"due": due, "today": today}, "order": 10})
    if user.has_role("planner"):
        inbox = list(selectors.review_inbox(user)[:6])
        panels.append({"template": "reports/panels/review_inbox.html", "context": {"inbox": inbox, "today": today}, "order": 20})
    return panels
