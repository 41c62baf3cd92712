"""Celery tasks of the core app (see CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from . import dispatch


@shared_task(name="core.tasks.redispatch_stuck", ignore_result=True)
def redispatch_stuck() -> dict:
    """Send again the work left pending while the broker was down; recover work a killed worker
    left running (``core.dispatch.sweep``)."""
    return dispatch.sweep()
