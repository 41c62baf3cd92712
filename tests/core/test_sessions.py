"""The portal's session store reads what Django's database store reads (issue 17)."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.sessions import SessionStore
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_portal_uses_it():
    assert settings.SESSION_ENGINE == "core.sessions"


def test_loads_as_djangos_store():
    """A live session gives its data; an expired, deleted or unknown key gives nothing and
    drops the key, as Django's store does."""
    live = DjangoStore()
    live["a"] = {"b": [1, "đ"]}
    live.create()
    live["a"] = {"b": [1, "đ"]}
    live.save()
    expired = DjangoStore()
    expired["x"] = 1
    expired.save()
    Session.objects.filter(pk=expired.session_key).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    gone = DjangoStore()
    gone["y"] = 2
    gone.save()
    gone.delete()
    for key in (live.session_key, expired.session_key, gone.session_key, "nosuchkey12345678", None):
        ours, theirs = SessionStore(key), DjangoStore(key)
        assert ours.load() == theirs.load(), key
        assert ours.session_key == theirs.session_key, key
    assert SessionStore(live.session_key).load() == {"a": {"b": [1, "đ"]}}
    with CaptureQueriesContext(connection) as ctx:
        SessionStore(live.session_key).load()
    assert len(ctx.captured_queries) == 1


def test_sign_in_and_out(client):
    """A signed-in client is recognised, and after signing out the same cookie is not."""
    user = UserFactory(is_planner=True)
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get("/accounts/password_change/").status_code == 200
    client.post("/accounts/logout/")
    assert not Session.objects.filter(pk=cookie).exists()
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    assert client.get("/accounts/password_change/").status_code == 302
