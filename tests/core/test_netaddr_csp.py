"""Client address behind proxies (login lockout), CSP/Permissions-Policy, no inline scripts."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory

from core.netaddr import client_ip

ROOT = Path(django_settings.BASE_DIR)


def _request(remote="10.0.0.2", xff=None):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


def test_forwarded_for_ignored_without_a_trusted_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request(xff="1.2.3.4")) == "10.0.0.2"


def test_client_is_the_nth_entry_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_IPS = []
    # The attacker forges the first entry; our proxy appended the address it really saw.
    assert client_ip(_request(xff="6.6.6.6, 203.0.113.7")) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request(xff="6.6.6.6, 203.0.113.7, 10.0.0.9")) == "203.0.113.7"
    assert client_ip(_request(xff="203.0.113.7")) == "10.0.0.2"  # fewer entries than proxies
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(xff="not-an-ip")) == "10.0.0.2"


def test_trusted_proxy_addresses(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_IPS = ["172.16.0.0/12"]
    assert client_ip(_request(remote="172.18.0.5", xff="203.0.113.7")) == "203.0.113.7"
    assert client_ip(_request(remote="198.51.100.1", xff="203.0.113.7")) == "198.51.100.1"


@pytest.mark.django_db
def test_lockout_is_per_client_behind_the_proxy(client, settings, django_user_model):
    """Ten wrong passwords from one client behind the proxy do not lock out the victim elsewhere."""
    from directory.models import User

    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_IPS = []
    User.objects.create_user(username="victim", password="right-password-123")
    for _ in range(4):
        client.post("/accounts/login/", {"username": "victim", "password": "wrong"},
                    REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66")
    locked = client.post("/accounts/login/", {"username": "victim", "password": "right-password-123"},
                         REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert locked.status_code in (403, 429)
    ok = client.post("/accounts/login/", {"username": "victim", "password": "right-password-123"},
                     REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert ok.status_code == 302


@pytest.mark.django_db
def test_security_headers(client):
    response = client.get("/accounts/login/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "camera=()" in response["Permissions-Policy"]


def test_templates_have_no_inline_scripts():
    """The CSP allows scripts only from static files: no <script> without src (JSON data is fine)."""
    offenders = []
    for path in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and "application/json" not in tag:
                offenders.append(f"{path.relative_to(ROOT)}: {tag}")
        if re.search(r"\son(click|load|submit|change|input)\s*=", text):
            offenders.append(f"{path.relative_to(ROOT)}: inline event handler")
    assert not offenders, offenders
