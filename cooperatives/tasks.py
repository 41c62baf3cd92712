"""Celery tasks of the registry: they take ids, call one service, and are safe to re-run
(a batch that is no longer in the expected state is left alone)."""

from celery import shared_task

from directory.models import User

from . import services
from .models import ImportBatch


@shared_task(name="cooperatives.tasks.check_import_batch", time_limit=30 * 60, soft_time_limit=25 * 60)
def check_import_batch(batch_id: int) -> str:
    """Read and validate an uploaded workbook; store its preview and errors."""
    batch = ImportBatch.objects.select_related("uploaded_by").filter(pk=batch_id).first()
    if batch is None or batch.status not in (ImportBatch.Status.UPLOADED, ImportBatch.Status.CHECKING):
        return "skipped"
    return services.import_batch_check(batch=batch).status


@shared_task(name="cooperatives.tasks.confirm_import_batch", time_limit=30 * 60, soft_time_limit=25 * 60)
def confirm_import_batch(batch_id: int, user_id: int | None = None) -> str:
    """Write a checked batch in one transaction (all or nothing)."""
    batch = ImportBatch.objects.select_related("uploaded_by").filter(pk=batch_id).first()
    # "importing" means another copy of this task runs (or ran in a killed worker): never twice.
    if batch is None or batch.status not in (ImportBatch.Status.CHECKED, ImportBatch.Status.QUEUED):
        return "skipped"
    user = User.objects.filter(pk=user_id).first() if user_id else batch.uploaded_by
    return services.import_batch_confirm(batch=batch, acting_user=user).status
