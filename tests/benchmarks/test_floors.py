"""The floors of benchmarks/floors.py return the figures their pages show (issue 17).

A floor that returned less than its page would flatter every ratio; this runs each floor
on a tiny generate_scale_data set and compares it with the page's context, for a province
leader and for an administrator (the whole country). The floors are PostgreSQL SQL.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from benchmarks import floors
from benchmarks.pages_bench import PAGES, pick_plan, urls
from directory.models import User
from tests.directory.factories import CommuneFactory, ProvinceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def scale_data(db):
    if connection.vendor != "postgresql":
        pytest.skip("the floors are PostgreSQL SQL")
    for i in (1, 2):
        p = ProvinceFactory(code=f"{i:02d}", valid_from=datetime.date(2025, 7, 1))
        for _ in range(5):
            CommuneFactory(parent=p, valid_from=datetime.date(2025, 7, 1))
    out = io.StringIO()
    call_command("generate_scale_data", "--scale=0.002", "--skip-units", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("who", ["leader", "admin"])
def test_every_floor_matches_its_page(scale_data, client, admin_user, who):
    assert "ANALYZE of" in scale_data  # inside the test's transaction VACUUM is not possible
    leader = User.objects.select_related("agency__unit").get(username="scale_leader_01")
    user = leader if who == "leader" else admin_user
    today = timezone.localdate()
    plan_id = pick_plan(leader.agency.unit)
    assert plan_id
    scope = floors.Scope(
        agency_id=user.agency_id,
        unit_id=user.agency.unit_id if user.agency_id else None,
        year=today.year,
        today=today,
        plan_id=plan_id,
    )
    client.force_login(user)
    page_urls = urls(today.year, plan_id)
    problems = {}
    for key, _label, _dash in PAGES:
        with override_settings(DASHBOARDS_CACHE_SECONDS=0):
            response = client.get(page_urls[key])
        assert response.status_code == 200, key
        with connection.cursor() as cursor:
            figures = floors.FLOORS[key](cursor, scope)
        if diff := floors.CHECKS[key](response.context, figures):
            problems[key] = diff
    assert problems == {}


@pytest.mark.parametrize("who", ["leader", "admin"])
def test_compliance_floor_is_one_statement(scale_data, admin_user, who):
    """The page reads the matrix in one statement; its floor must not be slower by design (four)."""
    from django.test.utils import CaptureQueriesContext

    leader = User.objects.select_related("agency__unit").get(username="scale_leader_01")
    user = leader if who == "leader" else admin_user
    today = timezone.localdate()
    scope = floors.Scope(
        agency_id=user.agency_id,
        unit_id=user.agency.unit_id if user.agency_id else None,
        year=today.year,
        today=today,
    )
    with CaptureQueriesContext(connection) as area, connection.cursor() as cursor:
        floors.dashboard_params(cursor, scope)
    with CaptureQueriesContext(connection) as matrix, connection.cursor() as cursor:
        figures = floors.floor_compliance(cursor, scope)
    assert len(matrix) - len(area) == 1
    assert figures["agencies"] > 0 and figures["rows"] and figures["cells"] >= len(figures["rows"])


@pytest.mark.parametrize("who", ["leader", "admin"])
def test_drilldown_floor_is_one_statement(scale_data, admin_user, who):
    """The page reads its count and its page of reports in one statement; so does its floor (it
    sent two). Its count against the page's: ``test_every_floor_matches_its_page``."""
    from django.test.utils import CaptureQueriesContext

    leader = User.objects.select_related("agency__unit").get(username="scale_leader_01")
    user = leader if who == "leader" else admin_user
    today = timezone.localdate()
    counts = {}
    for state in floors.STATES:
        scope = floors.Scope(
            agency_id=user.agency_id,
            unit_id=user.agency.unit_id if user.agency_id else None,
            year=today.year,
            today=today,
            state=state,
        )
        with CaptureQueriesContext(connection) as area, connection.cursor() as cursor:
            floors.dashboard_params(cursor, scope)
        with CaptureQueriesContext(connection) as page, connection.cursor() as cursor:
            figures = floors.floor_drilldown(cursor, scope)
        assert len(page) - len(area) == 1
        assert len(figures["page_ids"]) == min(figures["count"], 50)
        counts[state] = figures["count"]
    assert sum(counts.values()) > 0


def test_plan_list_floor_is_one_statement_for_a_scoped_user(scale_data):
    """A scoped user's plan list reads its page and count in one statement since issue 17; so
    does its floor (it sent two), with the same count and page as the former two statements."""
    from django.test.utils import CaptureQueriesContext

    today = timezone.localdate()
    compared = 0
    for leader in User.objects.select_related("agency__unit").filter(username__startswith="scale_", agency__isnull=False):
        scope = floors.Scope(agency_id=leader.agency_id, unit_id=leader.agency.unit_id, year=today.year, today=today)
        with CaptureQueriesContext(connection) as area, connection.cursor() as cursor:
            params = floors.list_params(cursor, scope)
        with CaptureQueriesContext(connection) as page, connection.cursor() as cursor:
            figures = floors.floor_plan_list(cursor, scope)
        assert len(page) - len(area) == 1
        visible = f"p.id IN ({floors.VISIBLE_PLANS})"
        with connection.cursor() as cursor:
            count = floors._one(cursor, floors.PLAN_LIST_COUNT.format(visible=visible), params)[0]
            ids = [r[0] for r in floors._all(cursor, floors.PLAN_LIST_PAGE.format(visible=visible), params)]
        assert figures == {"count": count, "page_ids": ids}, leader.username
        compared += count
    assert compared > 0


@pytest.mark.parametrize("who", ["leader", "admin"])
def test_report_floors_skip_reports_of_abolished_agencies(scale_data, client, admin_user, who):
    """The pages count only reports of agencies alive during their period (an abolished
    office's leftover report is owed by nobody: ``obligations_in_window``); every floor of a
    report figure must do the same work and return the same figures — the compliance matrix,
    the home page's counts and drill-down table, and the reports behind each state's figure.
    They once counted those reports (the checks then differ; the home and drill-down floors
    until branch sdash)."""
    from reports.models import Obligation

    leader = User.objects.select_related("agency__unit").get(username="scale_leader_01")
    user = leader if who == "leader" else admin_user
    today = timezone.localdate()
    reports = (
        Obligation.objects.filter(agency__unit__path__startswith=leader.agency.unit.path,
                                  period__due_date__year=today.year)
        .select_related("agency", "period")
        .order_by("period__start", "pk")
    )
    report = reports.first()
    assert report is not None
    # The abolished agency's reports of the year: some counted by the floors before.
    left = reports.filter(agency=report.agency_id).count()
    assert left > 0
    type(report.agency).objects.filter(pk=report.agency_id).update(
        valid_from=None, valid_to=report.period.start - datetime.timedelta(days=1)
    )
    page_urls = urls(today.year, None)
    client.force_login(user)
    checked = []
    for key, states in (("compliance", [None]), ("home", [None]), ("drilldown", list(floors.STATES))):
        for state in states:
            scope = floors.Scope(
                agency_id=user.agency_id, unit_id=user.agency.unit_id if user.agency_id else None,
                year=today.year, today=today, state=state or "missing",
            )
            url = page_urls[key] if state is None else page_urls[key].replace("state=missing", f"state={state}")
            with override_settings(DASHBOARDS_CACHE_SECONDS=0):
                response = client.get(url)
            assert response.status_code == 200
            with connection.cursor() as cursor:
                figures = floors.FLOORS[key](cursor, scope)
            assert floors.CHECKS[key](response.context, figures) == [], (key, state)
            checked.append((key, state))
    assert len(checked) == 2 + len(floors.STATES)


def test_progress_floor_places_the_plan_and_classifies_its_targets(scale_data, client):
    """The progress page shows its plan only inside the viewer's area (else a 404) and each
    target's status: its floor places the plan in the area and classifies the targets (the
    former floor did neither, and matched any plan), in one statement."""
    from django.test.utils import CaptureQueriesContext

    leader = User.objects.select_related("agency__unit").get(username="scale_leader_01")
    other = User.objects.select_related("agency__unit").get(username="scale_leader_02")
    today = timezone.localdate()
    plan_id = pick_plan(leader.agency.unit)

    def scope(user):
        return floors.Scope(agency_id=user.agency_id, unit_id=user.agency.unit_id, year=today.year, today=today,
                            plan_id=plan_id)

    with CaptureQueriesContext(connection) as run, connection.cursor() as cursor:
        figures = floors.floor_progress(cursor, scope(leader))
    assert len(run) == 1  # the area, the plan, its targets and their history in one statement
    assert figures["plan"] == plan_id and figures["target_ids"]
    assert len(figures["statuses"]) == len(figures["target_ids"])
    with connection.cursor() as cursor:
        outside = floors.floor_progress(cursor, scope(other))
    assert outside == {"plan": None, "target_ids": [], "latest": {}, "periods": 0, "statuses": []}
    client.force_login(other)
    with override_settings(DASHBOARDS_CACHE_SECONDS=0):
        assert client.get(urls(today.year, plan_id)["progress"]).status_code == 404
