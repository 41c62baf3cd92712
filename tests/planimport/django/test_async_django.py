"""Issue 12: the plan document is read by a Celery task in a limited child process, never in
the request. The upload stores the file and answers at once; the session's page shows the
progress, then the review — or why the reading failed (naming the limit), with "read again"
and "discard"."""


import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.uploads import private_root
from planimport import services
from planimport.models import ImportSession
from tests import hostile
from tests.work import no_parsing

UPLOAD = "planimport:upload"


@pytest.fixture
def dispatch_at_once():
    """Here the real order: the reading is sent after the upload's commit (captured below)."""


def _post(client, name, content):
    return client.post(reverse(UPLOAD), {"file": SimpleUploadedFile(name, content)}, HTTP_ACCEPT_LANGUAGE="vi")


def test_the_upload_only_stores_the_file(client_for, cast, seed_path, django_capture_on_commit_callbacks):
    """The request stores the file (private storage, random name) and an "uploaded" session;
    the reading is sent after the commit, and the page polls until it is read."""
    client = client_for(cast["users"]["ngochoi"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _post(client, "Kế hoạch 001.txt", seed_path("001").read_bytes())
    assert response.status_code == 302
    session = ImportSession.objects.get()
    assert (session.status, session.data, session.filename) == ("uploaded", {}, "Kế hoạch 001.txt")
    assert session.file.name.startswith("imports/plans/") and "001" not in session.file.name
    assert (private_root() / session.file.name).exists()
    assert len(callbacks) == 1

    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200
    html = page.content.decode()
    assert reverse("planimport:status", args=[session.pk]) in html and "hx-trigger" in html
    assert "<script>" not in html  # CSP: no inline script, htmx polls from attributes
    status = client.get(reverse("planimport:status", args=[session.pk]))
    assert status.status_code == 200 and "HX-Refresh" not in status

    callbacks[0]()  # the task (eager), as the worker runs it after the commit
    session.refresh_from_db()
    assert session.status == "read"
    assert session.data["source_text"]
    assert client.get(reverse("planimport:status", args=[session.pk]))["HX-Refresh"] == "true"
    review = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
    assert review.status_code == 200 and "bundle" in review.context
    assert "planimport_session" not in dict(client.session)  # results live in the database


def test_huge_docx_times_out_in_the_child_and_can_be_retried_or_discarded(
    client_for, cast, settings, django_capture_on_commit_callbacks
):
    """A .docx just under the checks (3,4 MB of document.xml: ~25 s of python-docx) is answered
    at once; the reading stops at the time limit with a Vietnamese message naming it; the
    uploader can read it again or discard it (the stored file goes too)."""
    settings.PLANIMPORT_PARSE_TIMEOUT_SECONDS = 2
    client = client_for(cast["users"]["quangngai"])
    content = hostile.huge_docx(3)
    assert client.get(reverse(UPLOAD)).status_code == 200  # warm: templates, URLs
    # answered at once: the request stores the file, nothing parses it (the task, after commit, does)
    with no_parsing(), django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _post(client, "dai.docx", content)
    assert response.status_code == 302
    session = ImportSession.objects.get()
    assert session.status == "uploaded"
    for callback in callbacks:
        callback()
    session.refresh_from_db()
    assert session.status == "failed"
    assert "2 giây" in session.message
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
    assert page.status_code == 200 and session.message in page.content.decode()
    assert reverse("planimport:retry", args=[session.pk]) in page.content.decode()

    other = client_for(cast["users"]["ngochoi"])
    assert other.post(reverse("planimport:retry", args=[session.pk])).status_code == 404
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(reverse("planimport:retry", args=[session.pk])).status_code == 302
    session.refresh_from_db()
    assert (session.status, session.message, len(callbacks)) == ("uploaded", "", 1)
    # A second click while it waits changes nothing.
    assert client.post(reverse("planimport:retry", args=[session.pk])).status_code == 302

    stored = private_root() / session.file.name
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("planimport:discard", args=[session.pk])).status_code == 302
    assert not ImportSession.objects.exists()
    assert not stored.exists()


def test_a_reading_over_the_memory_limit_kills_only_the_child(client_for, cast, settings):
    """Under a (lowered) memory limit the child dies of MemoryError; this process carries on
    and the session says which limit stopped it."""
    settings.UPLOAD_PARSE_MEMORY_BYTES = 96 * 1024 * 1024
    client = client_for(cast["users"]["quangngai"])
    response = _post(client, "dai.docx", hostile.huge_docx(3))
    assert response.status_code == 302
    session = ImportSession.objects.get()
    services.import_session_read(session_id=session.pk)
    session.refresh_from_db()
    assert session.status == "failed"
    assert "96 MB" in session.message and "bộ nhớ" in session.message


def test_the_sweep_sends_waiting_readings_and_fails_stuck_ones(cast, seed_path, settings, monkeypatch):
    """Broker down: the session waits "uploaded" and the beat sweep sends it again; a reading
    whose worker was killed ("reading" too long) becomes "failed, read it again"."""
    import datetime

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from core import dispatch

    sent = []
    monkeypatch.setattr(dispatch, "send", lambda task, *args, **kw: sent.append((task.name, args)) or True)
    monkeypatch.setattr(dispatch, "dispatch", lambda task, *args, **kw: None)  # the broker is down
    user = cast["users"]["quangngai"]
    waiting = services.import_session_create(
        acting_user=user, file=SimpleUploadedFile("a.txt", seed_path("001").read_bytes())
    )
    stuck = services.import_session_create(acting_user=user, text="Kế hoạch")
    old = timezone.now() - datetime.timedelta(hours=1)
    ImportSession.objects.filter(pk=waiting.pk).update(modified=old)
    ImportSession.objects.filter(pk=stuck.pk).update(status="reading", modified=old)
    counts = services.import_sessions_sweep(now=timezone.now())
    assert counts == {"failed": 1, "sent": 1, "pending": 1}
    assert sent == [("planimport.tasks.read_import_session", (waiting.pk,))]
    stuck.refresh_from_db()
    assert stuck.status == "failed" and stuck.message
    assert services.import_sessions_sweep(now=timezone.now())["sent"] == 0  # touched: not again at once
