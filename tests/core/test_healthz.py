"""/healthz: JSON with the database and broker state; 200 when healthy, 503 when not."""

import pytest

from core import views

pytestmark = pytest.mark.django_db


def test_healthy(client):
    """Database answering and Celery eager (no broker needed): 200, status ok."""
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True and body["broker"]["ok"] is True
    assert response["Cache-Control"].startswith("max-age=0")


def test_database_down_is_503(client, monkeypatch):
    """A failing database check makes the whole answer unhealthy."""
    monkeypatch.setattr(views, "_database_ok", lambda: (False, "OperationalError"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == {"ok": False}  # anonymous: no vendor or exception names
    assert response.json()["status"] == "error"


def test_details_only_for_staff(client, admin_user, monkeypatch):
    """Vendor names (sqlite, redis) and exception classes are for staff, never anonymous callers."""
    monkeypatch.setattr(views, "_database_ok", lambda: (False, "OperationalError"))
    anonymous = client.get("/healthz").content.decode()
    assert "OperationalError" not in anonymous and "sqlite" not in anonymous and "eager" not in anonymous
    client.force_login(admin_user)
    assert client.get("/healthz").json()["database"] == {"ok": False, "detail": "OperationalError"}


def test_broker_unreachable_is_503(client, settings):
    """With a Redis broker configured that does not answer, /healthz says so with 503."""
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False


def test_database_failure_is_caught(monkeypatch):
    """The database check turns an exception into (False, its class name) instead of a 500."""

    class Broken:
        def cursor(self):
            raise RuntimeError("down")

    monkeypatch.setattr(views, "connection", Broken())
    assert views._database_ok() == (False, "RuntimeError")
