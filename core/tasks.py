"""Celery tasks of the core app (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import dispatch


@shared_task(name="core.tasks.redispatch_stuck", ignore_result=True)
def redispatch_stuck() -> dict:
    """Send again the work left pending while the broker was down; recover work a killed worker
    left running (``core.dispatch.sweep``)."""
    return dispatch.sweep()


@shared_task(name="core.tasks.send_outbox_email", ignore_result=True)
def send_outbox_email(email_id: int) -> bool:
    """Send one e-mail of the outbox (``core.outbox.deliver``): at most once, failures kept."""
    from . import outbox

    return outbox.deliver(email_id)
