"""The portal starts: login page, health check, home page redirects anonymous users."""

import pytest

pytestmark = pytest.mark.django_db


def test_login_page_is_vietnamese(client):
    """The login page renders in Vietnamese by default."""
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()


def test_home_requires_login(client):
    """Anonymous visitors of the home page are sent to the login page."""
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_healthz_ok(client):
    """/healthz answers 200 with the database state when everything is up."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"]["ok"] is True
