"""Celery tasks of the plan import: they take ids, call one service, and are safe to re-run
(a session that is no longer "uploaded" is left alone)."""

from celery import shared_task

from . import services


# The child process reading the file is stopped after PLANIMPORT_PARSE_TIMEOUT_SECONDS (120 s);
# these limits only stop a task stuck outside it.
@shared_task(name="planimport.tasks.read_import_session", time_limit=5 * 60, soft_time_limit=4 * 60)
def read_import_session(session_id: int) -> str:
    """Read an uploaded plan document in a limited child process; store the extraction."""
    session = services.import_session_read(session_id=session_id)
    return session.status if session is not None else "skipped"
