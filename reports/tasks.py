"""Celery tasks of the reporting cycle (beat runs them daily, see CELERY_BEAT_SCHEDULE).

Each task takes an optional ISO date (default: today in the portal's time zone), calls one
service and is idempotent: running it twice the same day sends nothing more, because every
reminder is guarded by a unique ``ReminderLog`` row.
"""

from datetime import date

from celery import shared_task
from django.utils import timezone

from documents.tasks import render_document  # noqa: F401

from . import services


def _day(iso: str | None) -> date:
    return date.fromisoformat(iso) if iso else timezone.localdate()


@shared_task(name="reports.tasks.generate_periods")
def generate_periods(day: str | None = None) -> dict:
    """Create missing periods and obligations for every plan still being reported on."""
    result = services.obligations_generate_all(day=_day(day))
    return {"periods": result.periods_created, "obligations": result.obligations_created, "errors": result.errors}


@shared_task(name="reports.tasks.send_deadline_reminders")
def send_deadline_reminders(day: str | None = None) -> dict:
    """Reminders N days before and on the deadline, returned reports, waiting reviews."""
    return services.reminders_send_due(day=_day(day))


@shared_task(name="reports.tasks.escalate_overdue")
def escalate_overdue(day: str | None = None) -> int:
    """Overdue reports every few days, copying the reviewer, up to the configured rounds."""
    return services.overdue_escalate(day=_day(day))


@shared_task(name="reports.tasks.send_reminder")
def send_reminder(obligation_id: int, kind: str, day: str | None = None, acting_user_id: int | None = None) -> bool:
    """One reminder (exactly once per obligation, kind and day)."""
    from directory.models import User

    from .models import Obligation

    obligation = Obligation.objects.filter(pk=obligation_id).first()
    if obligation is None:
        return False
    user = User.objects.filter(pk=acting_user_id).first() if acting_user_id else None
    return services.reminder_send(obligation=obligation, kind=kind, acting_user=user, day=_day(day))


# The child process reading the form is stopped after REPORT_FORM_PARSE_TIMEOUT_SECONDS (60 s);
# these limits only stop a task stuck outside it.
@shared_task(name="reports.tasks.read_excel_upload", time_limit=5 * 60, soft_time_limit=4 * 60)
def read_excel_upload(upload_id: int) -> str:
    """Read an uploaded offline form in a limited child process; store what it holds."""
    row = services.excel_upload_read(upload_id=upload_id)
    return row.status if row is not None else "skipped"
