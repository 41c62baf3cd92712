"""Notifications that resolve themselves (issue 18).

A notification that asks for something about a report — "please review" to the reviewers,
"please submit / correct" to the reporters — is resolved once that is done: it stops
counting as unread and the notification centre says so. The report services call
``notifications_resolve`` inside their own transaction, right after the state change, so
the notification and the report never disagree.
"""

from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Notification, NotificationAsk, Obligation, ObligationStatus

# After a report moves to a state, what its notifications no longer need to ask.
DONE_BY_STATUS = {
    ObligationStatus.SUBMITTED: [NotificationAsk.SUBMIT],
    ObligationStatus.RETURNED: [NotificationAsk.REVIEW],
    ObligationStatus.APPROVED: [NotificationAsk.REVIEW, NotificationAsk.SUBMIT],
}


def notifications_resolve(*, obligation: Obligation) -> int:
    """Resolve (and mark read) the open notifications that asked for what ``obligation``'s
    current status shows done. Returns how many were resolved."""
    done = DONE_BY_STATUS.get(obligation.status)
    if not done:
        return 0
    now = timezone.now()
    return Notification.objects.filter(obligation=obligation, asks__in=done, resolved_at__isnull=True).update(
        resolved_at=now, read_at=Coalesce("read_at", now)
    )
