"""Home-page panels of the documents app: "Chờ tôi ký" (leaders) and the clerk's queue."""

from . import selectors


def home_panels(request) -> list[dict]:
    user = request.user
    if not user.is_authenticated:
        return []
    panels = []
    if user.has_role("leader"):
        queue = list(selectors.waiting_for_leader(user)[:8])
        panels.append({"template": "documents/panels/to_sign.html", "context": {"queue": queue}, "order": 5})
    if user.has_role("clerk"):
        queue = list(selectors.waiting_for_clerk(user)[:8])
        panels.append({"template": "documents/panels/to_issue.html", "context": {"queue": queue}, "order": 6})
    return panels
