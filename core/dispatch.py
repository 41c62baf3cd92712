"""Keeping the portal up while Redis (cache and Celery broker) is down.

Cache fallback — ``FailSafeRedisCache`` is Django's Redis cache backend whose every read
answers "not cached" and every write is skipped when Redis cannot be reached. Pages then
compute what they would have read (the dashboards, the import progress) instead of
answering 500. Short socket timeouts (settings ``CACHES``) bound what one call can cost, and
after a failure the backend does not try Redis again for ``CACHE_RETRY_SECONDS`` (default
30) in this process, so a page with many cache calls pays at most one timeout.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


# =========================================================================== cache fallback


def _redis_errors() -> tuple[type[BaseException], ...]:
    import redis

    # OSError covers sockets closed under us; RedisError covers ConnectionError and TimeoutError.
    return (redis.exceptions.RedisError, OSError)


class FailSafeRedisCache(RedisCache):
    """Redis cache that degrades to "nothing cached" while Redis is unreachable.

    Reads return the default, writes and deletes are skipped, ``incr`` raises ValueError (as
    for a missing key, which callers already handle). The first failure is logged as a
    warning; then Redis is left alone for ``CACHE_RETRY_SECONDS`` and tried again.
    """

    _lock = threading.Lock()

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0

    # -- the circuit breaker ------------------------------------------------------------
    @staticmethod
    def retry_seconds() -> float:
        return float(getattr(settings, "CACHE_RETRY_SECONDS", 30))

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _failed(self, operation: str, exc: BaseException) -> None:
        with self._lock:
            was_up = not self.is_down
            self._down_until = time.monotonic() + self.retry_seconds()
        if was_up:
            logger.warning(
                "cache: Redis unreachable during %s (%s: %s); computing without the cache for %.0f s",
                operation,
                type(exc).__name__,
                exc,
                self.retry_seconds(),
            )

    def _call(self, operation: str, fallback, *args, **kwargs):
        if self.is_down:
            return fallback()
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except _redis_errors() as exc:
            self._failed(operation, exc)
            return fallback()

    # -- every operation of BaseCache that reaches Redis ----------------------------------
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", lambda: False, key, value, timeout=timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout=timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version=version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")

        return self._call("incr", missing, key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout=timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version=version)

    def clear(self):
        return self._call("clear", lambda: False)


# =========================================================================== Celery work after commit
#
# Work that needs a worker is first recorded in the database by the caller (the document's
# "pending" status, the import batch's "uploaded"/"queued" status) and only then sent to the
# broker, after the transaction commits. If the broker cannot be reached the send is logged
# and dropped — the database row still says the work is to be done — and the request answers
# normally ("đang chờ xử lý"). ``sweep()`` (Celery beat, ``core.tasks.redispatch_stuck``)
# sends again whatever has waited longer than ``DISPATCH_PENDING_SECONDS`` and lets each app
# recover work a killed worker left behind.

# One quick retry, then give up: the page must not wait on a broker that is down.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


def _publish_errors() -> tuple[type[BaseException], ...]:
    from kombu.exceptions import OperationalError

    return (OperationalError, *_redis_errors(), ConnectionError, TimeoutError)


def send(task, *args, **kwargs) -> bool:
    """Send ``task(*args, **kwargs)`` to the broker now; False (logged) when it is unreachable.

    With eager Celery (no broker configured) the task runs here and its errors propagate, as
    before. Results are never stored: nobody reads them, and waiting on the result store is
    what made a request hang ~20 s while Redis was down.
    """
    if task.app.conf.task_always_eager:
        task.apply_async(args=args, kwargs=kwargs)
        return True
    try:
        task.apply_async(
            args=args, kwargs=kwargs, ignore_result=True, retry=True, retry_policy=PUBLISH_RETRY_POLICY
        )
    except _publish_errors() as exc:
        logger.warning(
            "dispatch: broker unreachable, %s%r left pending for the sweep (%s: %s)",
            task.name,
            args,
            type(exc).__name__,
            exc,
        )
        return False
    return True


def dispatch(task, *args, **kwargs) -> None:
    """Send ``task`` once the current transaction commits (at once outside a transaction).

    The caller has already recorded the work in the database; a broker outage leaves it
    pending for ``sweep()`` instead of failing the request.
    """
    from django.db import transaction

    transaction.on_commit(lambda: send(task, *args, **kwargs))


def pending_seconds() -> int:
    """Work recorded but not started after this long is sent again."""
    return int(getattr(settings, "DISPATCH_PENDING_SECONDS", 120))


def sweep() -> dict:
    """Run every app's sweeper (settings ``DISPATCH_SWEEPERS``: dotted paths of functions taking
    ``now`` and returning a dict of counts); one failing sweeper does not stop the others."""
    from django.utils import timezone
    from django.utils.module_loading import import_string

    now = timezone.now()
    result = {}
    for path in getattr(settings, "DISPATCH_SWEEPERS", []):
        try:
            result[path] = import_string(path)(now=now)
        except Exception:  # noqa: BLE001 - the next sweep tries again; the others still run
            logger.exception("dispatch: sweeper %s failed", path)
            result[path] = {"error": True}
    return result


def sweep_uploads(model, *, now, task, stuck_seconds: int, message: str, audit_action: str) -> dict:
    """The sweeper of an uploaded file parsed by a task (the plan import's ``ImportSession``, the
    report form's ``ExcelUpload``): rows with ``status`` "uploaded" → "reading" → "read"/"failed"
    and a ``modified`` stamp. Sends again the rows still "uploaded" after ``pending_seconds()``
    (their task never reached the broker, or was lost) — touched first, so a broker still down
    gets them once per interval; a row "reading" for ``stuck_seconds`` (its worker was killed:
    the task's hard limit is far below) becomes "failed" with ``message`` (the user can read it
    again) and an ``audit_action`` audit row."""
    import datetime

    from django.db import transaction

    from core.audit import audit

    stuck_before = now - datetime.timedelta(seconds=stuck_seconds)
    pending_before = now - datetime.timedelta(seconds=pending_seconds())
    counts = {"failed": 0, "sent": 0, "pending": 0}
    for row in model.objects.filter(status="reading", modified__lt=stuck_before):
        with transaction.atomic():
            if model.objects.filter(pk=row.pk, status="reading", modified__lt=stuck_before).update(
                status="failed", message=message, modified=now
            ):
                audit(actor=None, action=audit_action, obj=row, summary=str(row))
                counts["failed"] += 1
    waiting = model.objects.filter(status="uploaded", modified__lt=pending_before)
    for row_id in waiting.order_by("modified").values_list("pk", flat=True)[:200]:
        if not model.objects.filter(pk=row_id, status="uploaded").update(modified=now):
            continue
        counts["pending"] += 1
        counts["sent"] += send(task, row_id)
    return counts


# =========================================================================== pages that wait
# Progress pages poll with htmx; they slow down as the wait gets longer (a page left open on a
# stuck job must not ask every second for ever) and stop on a final state.

WAITING_LONG_SECONDS = 20


def _age_seconds(since) -> float:
    from django.utils import timezone

    return (timezone.now() - since).total_seconds() if since else 0.0


def poll_seconds(since) -> int:
    """Seconds between two polls of a job that started (or last moved) at ``since``."""
    age = _age_seconds(since)
    if age < 15:
        return 1
    if age < 60:
        return 3
    if age < 300:
        return 10
    return 30


def waiting_long(since) -> bool:
    """The job has waited long enough for the page to say it is queued ("đang chờ xử lý")."""
    return _age_seconds(since) >= WAITING_LONG_SECONDS


def reading_progress(item, *, status_url: str) -> dict:
    """Template context for ``includes/reading_progress.html``: the progress of an uploaded
    file being read in the background (a plan document, a report workbook — any row with
    ``is_running``, ``status`` "uploaded" while queued, and ``modified``)."""
    running = item.is_running
    return {
        "item": item,
        "status_url": status_url,
        "running": running,
        "waiting_long": item.status == "uploaded" and waiting_long(item.modified),
        "poll_seconds": poll_seconds(item.modified) if running else None,
    }


def reading_progress_response(request, context: dict):
    """The htmx answer of a reading's status endpoint: the progress fragment, and a reload of
    the page once the reading has ended (to show the review, or why it failed)."""
    from django.http import HttpResponse
    from django.template.loader import render_to_string

    response = HttpResponse(render_to_string("includes/reading_progress.html", context, request=request))
    if not context["running"]:
        response["HX-Refresh"] = "true"
    return response
