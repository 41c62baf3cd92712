"""Issue 11, broker down: work that needs a worker is recorded first, the request answers at
once ("đang chờ xử lý"), and the periodic sweep (core.dispatch.sweep) sends it when the broker
is back; an import whose worker was killed becomes "failed, can be retried".

"The broker is back" is eager Celery here (the sent task runs at once); the ``redis`` test
checks the real queue of a live Redis.
"""

import datetime
import os

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cooperatives.models import ImportBatch, Organisation
from core import dispatch
from documents.models import RenderedDocument, RenderStatus
from tests.cooperatives.conftest import xlsx_upload  # noqa: F401
from tests.cooperatives.test_import import good_rows, workbook
from tests.outage import DEAD_BROKER, celery_broker
from tests.plans.factories import IssuedPlanFactory
from tests.work import redis_connects

pytestmark = pytest.mark.django_db
WAITING_VI = "Đang chờ xử lý"


def _age(model, pk, *, seconds, field="modified"):
    """Pretend the row was last touched ``seconds`` ago."""
    model.objects.filter(pk=pk).update(**{field: timezone.now() - datetime.timedelta(seconds=seconds)})


def _get_vi(client, url, **extra):
    with translation.override("vi"):
        return client.get(url, HTTP_ACCEPT_LANGUAGE="vi", **extra)


def assert_waited_at_most_one_quick_retry(attempts):
    """What a request can wait on a broker that is down, from what it did (not from a clock):
    it tried the broker at most 1 + PUBLISH_RETRY_POLICY's retries times, each connection with a
    short connect timeout (CELERY_BROKER_CONNECTION_TIMEOUT), pausing at most interval_max
    between them — at most ~4 s even for a broker that drops packets instead of refusing.
    Observed before: ~20 s of kombu's default retries and a subscription to the result store."""
    policy = dispatch.PUBLISH_RETRY_POLICY
    assert attempts and {(a.host, a.port) for a in attempts} == {("127.0.0.1", 6399)}, attempts
    assert len(attempts) <= 1 + policy["max_retries"], attempts
    assert all(a.connect_timeout is not None and a.connect_timeout <= 2 for a in attempts), attempts
    worst = sum(a.connect_timeout for a in attempts) + policy["max_retries"] * policy["interval_max"]
    assert worst <= 5, attempts


@pytest.fixture
def plan(province_agency):
    return IssuedPlanFactory(issuer=province_agency)


# --------------------------------------------------------------------------- PDF rendering


def test_pdf_request_with_broker_down_answers_at_once_and_stays_pending(
    plan, planner, client_for, django_capture_on_commit_callbacks
):
    """Observed: a PDF request answered 500 after ~20 s. Now: the progress page, at once, and the
    document waits ("pending"); after a while the page says it is waiting to be processed."""
    c = client_for(planner)
    with redis_connects() as attempts, celery_broker(DEAD_BROKER):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            response = c.get(reverse("documents:plan_pdf", args=[plan.pk]))
    assert response.status_code == 302 and len(callbacks) == 1
    assert_waited_at_most_one_quick_retry(attempts)
    document = RenderedDocument.objects.get()
    assert document.status == RenderStatus.PENDING
    _age(RenderedDocument, document.pk, seconds=30, field="created")
    page = _get_vi(c, response["Location"]).content.decode()
    assert WAITING_VI in page and 'hx-trigger="every 3s"' in page


def test_sweep_renders_pending_pdf_once_the_broker_is_back(plan, planner, client_for, django_capture_on_commit_callbacks):
    c = client_for(planner)
    with celery_broker(DEAD_BROKER), django_capture_on_commit_callbacks(execute=True):
        c.get(reverse("documents:plan_pdf", args=[plan.pk]))
    document = RenderedDocument.objects.get()
    # Broker still down at the first sweep: the document stays pending, the sweep does not fail.
    _age(RenderedDocument, document.pk, seconds=300)
    with celery_broker(DEAD_BROKER):
        result = dispatch.sweep()["documents.services.documents_sweep"]
    assert result == {"restarted": 0, "pending": 1, "sent": 0}
    document.refresh_from_db()
    assert document.status == RenderStatus.PENDING
    # Sent again only after another DISPATCH_PENDING_SECONDS (the failed send touched it).
    assert dispatch.sweep()["documents.services.documents_sweep"]["pending"] == 0
    _age(RenderedDocument, document.pk, seconds=300)
    assert dispatch.sweep()["documents.services.documents_sweep"] == {"restarted": 0, "pending": 1, "sent": 1}
    document.refresh_from_db()
    assert document.is_ready
    page = c.get(reverse("documents:document_status", args=[document.pk]), HTTP_HX_REQUEST="true")
    assert b"hx-trigger" not in page.content


def test_sweep_leaves_fresh_work_alone(plan, planner, client_for, django_capture_on_commit_callbacks):
    with celery_broker(DEAD_BROKER), django_capture_on_commit_callbacks(execute=True):
        client_for(planner).get(reverse("documents:plan_pdf", args=[plan.pk]))
    assert dispatch.sweep()["documents.services.documents_sweep"]["pending"] == 0
    assert RenderedDocument.objects.get().status == RenderStatus.PENDING


def test_render_stuck_running_is_started_again(plan, planner, settings):
    """A worker killed while rendering leaves "running": after RENDER_STUCK_SECONDS without
    progress the sweep renders it again."""
    from documents import services

    with celery_broker(DEAD_BROKER):
        document = services.document_request(source=plan, fmt="pdf", acting_user=planner)
    RenderedDocument.objects.filter(pk=document.pk).update(status=RenderStatus.RUNNING, progress=40)
    _age(RenderedDocument, document.pk, seconds=settings.RENDER_STUCK_SECONDS - 30)
    assert dispatch.sweep()["documents.services.documents_sweep"]["restarted"] == 0
    _age(RenderedDocument, document.pk, seconds=settings.RENDER_STUCK_SECONDS + 30)
    assert dispatch.sweep()["documents.services.documents_sweep"] == {"restarted": 1, "pending": 1, "sent": 1}
    document.refresh_from_db()
    assert document.is_ready


def test_a_second_copy_of_the_render_task_does_nothing(plan, planner):
    """The sweep may send a task twice; a render already running is not started again."""
    from documents import services

    with celery_broker(DEAD_BROKER):
        document = services.document_request(source=plan, fmt="pdf", acting_user=planner)
    RenderedDocument.objects.filter(pk=document.pk).update(status=RenderStatus.RUNNING, progress=40)
    assert services.document_render(document_id=document.pk).status == RenderStatus.RUNNING
    assert not RenderedDocument.objects.get(pk=document.pk).file


# --------------------------------------------------------------------------- registry import


def _upload(client, xlsx_upload, capture):  # noqa: F811
    with redis_connects() as attempts, celery_broker(DEAD_BROKER), capture(execute=True):
        response = client.post(reverse("cooperatives:import_upload"), {"file": xlsx_upload(workbook(good_rows()))})
    return response, attempts


def test_registry_import_with_broker_down_waits_then_runs(
    planner_a, commune_a, client_for, xlsx_upload, django_capture_on_commit_callbacks  # noqa: F811
):
    """Observed: the upload answered 500 and the batch stayed "uploaded". Now: the page, at
    once, saying it waits; the sweep checks it when the broker is back; the confirm likewise."""
    c = client_for(planner_a)
    response, attempts = _upload(c, xlsx_upload, django_capture_on_commit_callbacks)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("cooperatives:import_detail", args=[batch.pk])
    assert_waited_at_most_one_quick_retry(attempts)
    assert batch.status == ImportBatch.Status.UPLOADED
    _age(ImportBatch, batch.pk, seconds=30)
    page = _get_vi(c, response["Location"]).content.decode()
    assert WAITING_VI in page and 'hx-trigger="every 3s"' in page

    _age(ImportBatch, batch.pk, seconds=300)
    assert dispatch.sweep()["cooperatives.services.import_batches_sweep"]["sent"] == 1
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED, batch.errors

    with celery_broker(DEAD_BROKER), django_capture_on_commit_callbacks(execute=True):
        response = c.post(reverse("cooperatives:import_confirm", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.QUEUED and Organisation.objects.count() == 0
    _age(ImportBatch, batch.pk, seconds=300)
    counts = dispatch.sweep()["cooperatives.services.import_batches_sweep"]
    assert counts["sent"] == 1
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE and Organisation.objects.count() == 2


def _stuck_import(planner_a, xlsx_upload):  # noqa: F811
    """A checked batch whose write was started by a worker that was then killed: "importing",
    nothing written (the write is one transaction)."""
    from cooperatives import services

    batch = services.import_batch_check(
        batch=services.import_batch_create(uploaded_file=xlsx_upload(workbook(good_rows())), acting_user=planner_a)
    )
    assert batch.status == ImportBatch.Status.CHECKED
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.IMPORTING)
    return batch


def test_killed_import_becomes_failed_and_can_be_retried(
    planner_a, commune_a, client_for, xlsx_upload, settings, django_capture_on_commit_callbacks  # noqa: F811
):
    """Observed: stuck "importing" for ever, the page polling every second, re-confirming refused."""
    from core.models import AuditLog

    batch = _stuck_import(planner_a, xlsx_upload)
    c = client_for(planner_a)
    # A page left open on it polls less and less often.
    _age(ImportBatch, batch.pk, seconds=600)
    fragment = c.get(reverse("cooperatives:import_status", args=[batch.pk]))
    assert 'hx-trigger="every 30s"' in fragment.content.decode() and "HX-Refresh" not in fragment
    # Before IMPORT_STUCK_SECONDS nothing happens (the task may still be running).
    assert dispatch.sweep()["cooperatives.services.import_batches_sweep"]["failed"] == 0
    _age(ImportBatch, batch.pk, seconds=settings.IMPORT_STUCK_SECONDS + 60)
    assert dispatch.sweep()["cooperatives.services.import_batches_sweep"]["failed"] == 1
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED and batch.passed_check
    assert AuditLog.objects.filter(action="import.interrupted", object_id=str(batch.pk)).count() == 1
    # A final state: the polling page reloads and stops; the retry button is there.
    assert c.get(reverse("cooperatives:import_status", args=[batch.pk]))["HX-Refresh"] == "true"
    page = _get_vi(c, reverse("cooperatives:import_detail", args=[batch.pk])).content.decode()
    assert "hx-trigger" not in page and batch.message in page
    assert reverse("cooperatives:import_confirm", args=[batch.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        c.post(reverse("cooperatives:import_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE and Organisation.objects.count() == 2
    assert AuditLog.objects.filter(action="import.retry", object_id=str(batch.pk)).count() == 1


def test_a_failed_check_is_checked_again(planner_a, commune_a, client_for, xlsx_upload, django_capture_on_commit_callbacks):  # noqa: F811
    """A check that failed (no preview to confirm) is retried as a check, never as the write."""
    from cooperatives import services

    batch = services.import_batch_create(uploaded_file=xlsx_upload(workbook(good_rows())), acting_user=planner_a)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.FAILED, message="x")
    batch.refresh_from_db()
    assert not batch.passed_check
    with pytest.raises(Exception):  # noqa: B017 - ValidationError: not checked
        services.import_batch_start(batch=batch, acting_user=planner_a)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(planner_a).post(reverse("cooperatives:import_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED and Organisation.objects.count() == 0


def test_stuck_check_is_checked_again(planner_a, commune_a, xlsx_upload, settings):  # noqa: F811
    from cooperatives import services

    batch = services.import_batch_create(uploaded_file=xlsx_upload(workbook(good_rows())), acting_user=planner_a)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.CHECKING)
    _age(ImportBatch, batch.pk, seconds=settings.IMPORT_STUCK_SECONDS + 60)
    counts = dispatch.sweep()["cooperatives.services.import_batches_sweep"]
    assert counts["rechecked"] == 1 and counts["sent"] == 1
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED


def test_a_second_copy_of_the_import_task_does_nothing(planner_a, commune_a, xlsx_upload):  # noqa: F811
    """A task sent twice (sweep) or redelivered after a killed worker never writes while the
    batch is importing or done."""
    from cooperatives.tasks import confirm_import_batch

    batch = _stuck_import(planner_a, xlsx_upload)
    assert confirm_import_batch.delay(batch.pk, planner_a.pk).get() == "skipped"
    assert Organisation.objects.count() == 0


# --------------------------------------------------------------------------- the periodic job


def test_sweep_runs_from_celery_beat():
    from django.conf import settings

    from coopplan.celery import app

    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "core.tasks.redispatch_stuck"]
    assert len(entries) == 1
    app.loader.import_default_modules()  # what a worker does at start: autodiscover the tasks
    assert "core.tasks.redispatch_stuck" in app.tasks and "core.tasks.send_outbox_email" in app.tasks
    # every kind of work recorded before it is dispatched has its sweeper, and each one resolves
    assert settings.DISPATCH_SWEEPERS == [
        "documents.services.documents_sweep",
        "cooperatives.services.import_batches_sweep",
        "planimport.services.import_sessions_sweep",
        "reports.services.excel_uploads_sweep",
        "core.outbox.outbox_sweep",
    ]
    from django.utils.module_loading import import_string

    assert all(callable(import_string(path)) for path in settings.DISPATCH_SWEEPERS)


def test_one_failing_sweeper_does_not_stop_the_others(settings, plan, planner):
    from core.tasks import redispatch_stuck
    from documents import services

    with celery_broker(DEAD_BROKER):
        document = services.document_request(source=plan, fmt="pdf", acting_user=planner)
    _age(RenderedDocument, document.pk, seconds=300)
    settings.DISPATCH_SWEEPERS = ["core.dispatch.no_such_sweeper", "documents.services.documents_sweep"]
    result = redispatch_stuck.delay().get()
    assert result["core.dispatch.no_such_sweeper"] == {"error": True}
    assert result["documents.services.documents_sweep"]["sent"] == 1


def test_poll_interval_grows_with_the_wait():
    now = timezone.now()
    ages = [0, 14, 16, 59, 61, 299, 301, 86400]
    assert [dispatch.poll_seconds(now - datetime.timedelta(seconds=s)) for s in ages] == [1, 1, 3, 3, 10, 10, 30, 30]


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_sweep_queues_pending_work_on_a_live_broker(plan, planner):
    """With a real Redis broker back, the sweep puts the render task in Celery's queue."""
    import redis

    from documents import services

    with celery_broker(DEAD_BROKER):
        document = services.document_request(source=plan, fmt="pdf", acting_user=planner)
    _age(RenderedDocument, document.pk, seconds=300)
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    client.delete("celery")
    try:
        with celery_broker(os.environ["REDIS_URL"]):
            assert dispatch.sweep()["documents.services.documents_sweep"]["sent"] == 1
        assert client.llen("celery") == 1
        assert b"reports.tasks.render_document" in client.lindex("celery", 0)
    finally:
        client.delete("celery")
