"""The permission table (core.permissions.URL_PERMISSIONS) walked from the URL resolver.

Every named URL of the portal must have a row: a new URL without one fails here (denied by
default). For each URL × role the role gate must do exactly what the row says: a role outside
the row is refused (403, or 404 when the object is looked up first; anonymous users go to the
login page), a role inside it passes the gate (the object used does not exist, so a 404 or a
405 for POST-only actions is a pass; a 403 or a login redirect is not). Object scoping (issuer,
assigned agency, area) is tested per app; docs/security.md lists the table.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.permissions import ROLES, URL_PERMISSIONS
from tests.directory.factories import UserFactory

pytestmark = pytest.mark.django_db

MISSING_PK = 987654


def _named_urls():
    found = {}

    def walk(resolver, namespace=None):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace
                if ns == "admin":
                    continue  # the admin is one row ("admin:index"), tested below
                walk(pattern, f"{namespace}:{ns}" if namespace and ns else (ns or namespace))
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                found[name] = list(pattern.pattern.converters)

    walk(get_resolver())
    found["admin:index"] = []
    return found


URLS = _named_urls()


def test_every_url_has_a_row_and_every_row_a_url():
    assert not sorted(set(URLS) - set(URL_PERMISSIONS)), "URLs without a row in core.permissions.URL_PERMISSIONS"
    assert not sorted(set(URL_PERMISSIONS) - set(URLS)), "rows for URLs that no longer exist"


@pytest.fixture
def users(agency_a):
    flags = {"planner": "is_planner", "reporter": "is_reporter", "leader": "is_leader", "clerk": "is_clerk"}
    made = {role: UserFactory(username=f"m_{role}", agency=agency_a, **{flag: True}) for role, flag in flags.items()}
    made["no_role"] = UserFactory(username="m_norole", agency=agency_a)
    made["admin"] = UserFactory(username="m_admin", agency=None, is_superuser=True, is_staff=True)
    return made


def _url(name, params):
    return reverse(name, kwargs={p: (2025 if p == "year" else MISSING_PK) for p in params})


@pytest.mark.parametrize("name", sorted(URLS))
def test_role_gate_matches_the_table(client, users, name):
    rule = URL_PERMISSIONS[name]
    url = _url(name, URLS[name])
    outcomes = {}
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(users[role])
        response = client.get(url)
        outcomes[role] = _classify(response)
    allowed = lambda role: role in rule.roles or "anonymous" in rule.roles  # noqa: E731
    wrong = {
        role: outcome
        for role, outcome in outcomes.items()
        if (allowed(role) and outcome[0] == "deny") or (not allowed(role) and outcome[0] == "pass")
    }
    assert not wrong, f"{name}: table says {sorted(rule.roles)}, got {outcomes}"


def _classify(response):
    """deny: 403 or the login page; unknown: 404 (the object does not exist, or is hidden);
    pass: anything else (200, 302 elsewhere, 405 for POST-only actions)."""
    code = response.status_code
    if code == 403 or (code == 302 and "/login/" in response.get("Location", "")):
        return ("deny", code)
    if code == 404:
        return ("unknown", code)
    return ("pass", code)
