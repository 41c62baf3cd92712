"""Celery tasks of the documents app (ids in, one service call, idempotent)."""

from celery import shared_task

from . import services


# Registered under the name the other apps send (contract: "reports.tasks.render_document").
@shared_task(name="reports.tasks.render_document", soft_time_limit=300, time_limit=360)
def render_document(document_id: int) -> str:
    """Render the RenderedDocument ``document_id`` (a no-op when it is already ready)."""
    document = services.document_render(document_id=document_id)
    return document.status
