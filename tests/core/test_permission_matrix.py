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


# --- whose objects: plan writes (issue 12) -----------------------------------------------------
#
# The rows whose objects are PLAN_WRITE (edit, delete, issue, close, copy, supersede, amend,
# generate the reports) are taken from the table itself: a new plan-write URL is tested here
# without editing this file. Object scoping: in one province, the People's Committee's plan is
# written by its own planners, by those of a department it governs (Agency.parent: Sở Tài chính
# drafts for UBND tỉnh) and by the successor of a body it took over; never by another agency of
# the same area (Liên minh HTX tỉnh), which reads it but gets 403 on every write.

import datetime  # noqa: E402

from core.permissions import PLAN_WRITE  # noqa: E402
from tests.directory.factories import AgencyFactory, ProvinceFactory  # noqa: E402
from tests.plans.factories import IssuedPlanFactory, PlanFactory  # noqa: E402

PLAN_WRITE_URLS = sorted(name for name, rule in URL_PERMISSIONS.items() if PLAN_WRITE in rule.whose)


def test_plan_write_rows_are_found():
    assert {"plans:plan_update", "plans:plan_close", "plans:plan_supersede", "plans:plan_amendment_open",
            "reports:plan_generate"} <= set(PLAN_WRITE_URLS)


@pytest.fixture
def province_cast(db):
    province = ProvinceFactory(name="Quảng Ngãi (ma trận)")
    ubnd = AgencyFactory(name="Ủy ban nhân dân tỉnh (ma trận)", short_name="UBND", kind="ubnd", unit=province)
    so = AgencyFactory(name="Sở Tài chính (ma trận)", short_name="STC", kind="so", unit=province, parent=ubnd)
    old_so = AgencyFactory(
        name="Sở Kế hoạch và Đầu tư (ma trận)", short_name="SKHĐT", kind="so", unit=province,
        valid_to=datetime.date(2025, 6, 30), successor=so,
    )
    lmhtx = AgencyFactory(name="Liên minh HTX tỉnh (ma trận)", short_name="LMHTX", kind="lmhtx", unit=province)
    planners = {
        key: UserFactory(username=f"pw_{key}", agency=agency, is_planner=True)
        for key, agency in (("ubnd", ubnd), ("so", so), ("lmhtx", lmhtx))
    }
    return {"ubnd": ubnd, "so": so, "old_so": old_so, "lmhtx": lmhtx, "planners": planners}


def _plan_url(name, plan):
    return reverse(name, kwargs={p: plan.pk for p in URLS[name]})


def _outcome(client, url):
    response = client.get(url)
    if response.status_code == 405:  # POST-only action
        response = client.post(url)
    return _classify(response)


@pytest.mark.parametrize("name", PLAN_WRITE_URLS)
@pytest.mark.parametrize(
    ("issuer", "planner", "expected"),
    [
        ("ubnd", "ubnd", "pass"),  # the issuing agency's own planner
        ("ubnd", "so", "pass"),  # a department the issuer governs (Agency.parent)
        ("old_so", "so", "pass"),  # the successor of the body that issued it
        ("ubnd", "lmhtx", "deny"),  # another agency of the same province: reads, never writes
        ("so", "lmhtx", "deny"),
        ("lmhtx", "so", "deny"),
        ("lmhtx", "ubnd", "deny"),  # governing is not the other way round
    ],
)
def test_plan_writes_are_scoped_to_the_issuer(client, province_cast, name, issuer, planner, expected):
    plan = PlanFactory(issuer=province_cast[issuer])
    client.force_login(province_cast["planners"][planner])
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 200  # same area: readable
    outcome = _outcome(client, _plan_url(name, plan))
    assert outcome[0] == expected, f"{name}: {planner} on {issuer}'s plan → {outcome}"


@pytest.mark.parametrize("name", ["plans:plan_close", "plans:plan_amendment_open", "plans:plan_supersede"])
def test_coop_alliance_planner_cannot_close_amend_or_supersede_the_committees_plan(client, province_cast, name):
    """The review's finding: Liên minh HTX posts the action on UBND tỉnh's issued plan → 403, unchanged."""
    plan = IssuedPlanFactory(issuer=province_cast["ubnd"])
    own = IssuedPlanFactory(issuer=province_cast["lmhtx"])
    client.force_login(province_cast["planners"]["lmhtx"])
    response = client.post(_plan_url(name, plan), {"reason": "Sửa", "by": own.pk})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == "issued" and plan.superseded_by_id is None and not plan.amendments.exists()


def test_docs_table_is_the_code_table():
    """docs/security.md shows exactly core.permissions.URL_PERMISSIONS (regenerate it as the doc says)."""
    from pathlib import Path

    from core.permissions import permission_table_markdown

    doc = (Path(__file__).resolve().parents[2] / "docs" / "security.md").read_text(encoding="utf-8")
    assert permission_table_markdown() in doc, "docs/security.md's permission table differs from the code's"
