"""The e-mail outbox (issue 11): no e-mail is lost while SMTP or the broker is down.

``enqueue()`` writes an ``OutboxEmail`` row in the caller's transaction (the same one as the
state change the e-mail announces: a rolled-back step leaves no e-mail) and sends
``core.tasks.send_outbox_email`` after the commit through ``core.dispatch.dispatch``.

``deliver()`` sends one row under its row lock (``SELECT … FOR UPDATE SKIP LOCKED``): a second
sender at the same time skips it, a later one finds it "sent", so each e-mail leaves once.
An SMTP failure marks it "failed" with the error and the attempt count.

``outbox_sweep()`` (in ``DISPATCH_SWEEPERS``) sends again the e-mails still pending after
``DISPATCH_PENDING_SECONDS`` (their task was never queued or was lost) and retries failed
ones every ``DISPATCH_PENDING_SECONDS`` until ``EMAIL_OUTBOX_MAX_ATTEMPTS`` attempts; then
they stay "failed", visible in the admin (Hộp thư đi), which can send them again.
"""

from __future__ import annotations

import contextvars
import logging
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import OutboxEmail

logger = logging.getLogger(__name__)

_muted = contextvars.ContextVar("outbox_muted", default=False)


def max_attempts() -> int:
    return int(getattr(settings, "EMAIL_OUTBOX_MAX_ATTEMPTS", 5))


@contextmanager
def muted():
    """E-mails asked for inside the block are not recorded (demo data: nobody is to get them)."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def enqueue(*, subject: str, body: str, to, cc=()) -> OutboxEmail | None:
    """Record one e-mail in the current transaction; it is sent after the commit."""
    from . import dispatch
    from .tasks import send_outbox_email

    to, cc = sorted(set(to)), sorted(set(cc) - set(to))
    if not to and cc:
        to, cc = cc, []
    if not to or _muted.get():
        return None
    email = OutboxEmail.objects.create(subject=subject[:255], body=body, to=to, cc=cc)
    dispatch.dispatch(send_outbox_email, email.pk)
    return email


def deliver(email_id: int) -> bool:
    """Send the e-mail ``email_id`` if it is still to be sent; True when this call sent it."""
    with transaction.atomic():
        # Wait for a lock held elsewhere rather than skip the row: a sweep whose claim lost
        # (its conditional UPDATE re-checked the row and matched nothing) holds the row's lock
        # for a moment without sending it, and skipping then left the e-mail unsent until the
        # next sweep. After the wait the filter is re-checked on the committed row, so one that
        # another sender has just sent is not sent twice.
        email = (
            OutboxEmail.objects.select_for_update()
            .filter(pk=email_id)
            .filter(Q(status=OutboxEmail.Status.PENDING) | Q(status=OutboxEmail.Status.FAILED, attempts__lt=max_attempts()))
            .first()
        )
        if email is None:  # sent already (possibly by the sender we waited for), or given up
            return False
        email.attempts += 1
        email.updated = timezone.now()
        try:
            EmailMessage(subject=email.subject, body=email.body, to=email.to, cc=email.cc).send()
        except Exception as exc:  # noqa: BLE001 - SMTP down, refused…: kept for the sweep, never lost
            email.status = OutboxEmail.Status.FAILED
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            email.save(update_fields=["status", "attempts", "last_error", "updated"])
            logger.warning("outbox: e-mail #%s (%r) failed, attempt %s: %s", email.pk, email.subject, email.attempts,
                           email.last_error)
            return False
        email.status = OutboxEmail.Status.SENT
        email.sent_at = email.updated
        email.last_error = ""
        email.save(update_fields=["status", "attempts", "last_error", "updated", "sent_at"])
    return True


def outbox_sweep(*, now) -> dict:
    """For ``core.dispatch.sweep``: send again the e-mails pending or failed for longer than
    ``DISPATCH_PENDING_SECONDS`` (failed ones until ``EMAIL_OUTBOX_MAX_ATTEMPTS`` attempts)."""
    from .dispatch import pending_seconds, send
    from .tasks import send_outbox_email

    before = now - timedelta(seconds=pending_seconds())
    due = Q(status=OutboxEmail.Status.PENDING) | Q(status=OutboxEmail.Status.FAILED, attempts__lt=max_attempts())
    ids = list(OutboxEmail.objects.filter(due, updated__lt=before).order_by("updated").values_list("pk", flat=True)[:500])
    sent = 0
    for email_id in ids:
        # Claim it for this interval (a conditional UPDATE: a sweep running at the same time
        # gets 0 rows and leaves it); the next sweep waits another interval before trying again.
        if OutboxEmail.objects.filter(due, pk=email_id, updated__lt=before).update(updated=now):
            sent += send(send_outbox_email, email_id)
    if ids:
        logger.info("outbox sweep: %s of %s e-mails queued again", sent, len(ids))
    return {"pending": len(ids), "sent": sent}


def retry(email_ids) -> int:
    """Admin: give e-mails that ran out of attempts a new round; they are sent after the commit."""
    from . import dispatch
    from .tasks import send_outbox_email

    with transaction.atomic():
        ids = list(
            OutboxEmail.objects.select_for_update()
            .filter(pk__in=list(email_ids), status=OutboxEmail.Status.FAILED)
            .values_list("pk", flat=True)
        )
        OutboxEmail.objects.filter(pk__in=ids).update(status=OutboxEmail.Status.PENDING, attempts=0,
                                                      updated=timezone.now())
        for email_id in ids:
            dispatch.dispatch(send_outbox_email, email_id)
    return len(ids)
