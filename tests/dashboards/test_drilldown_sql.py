"""The drill-down of reports (``dashboards:obligations``) reads its count and its page in one
hand-written statement on PostgreSQL (``selectors._drilldown_page_postgresql``, issue 17); the
ORM form it replaces (``selectors._drilldown_page_orm``: ``obligations_by_state`` through
Django's paginator) stays the reference and the other databases' path. Both are compared here
row for row — the same reports in the same order, the same count and page shown, the same
state, labels, dates, plan reference, agency, days late — and the rows' HTML string for string,
over every state, area, window, agency filter and page (past the last, below 1, not a number)."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from dashboards import selectors as s
from dashboards.views import days_late, drilldown_rows_html
from tests.dashboards.conftest import TODAY, make_obligation
from tests.dashboards.test_views import _grow
from tests.dashboards.years_queries import YEARS_VERSION

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the statement is PostgreSQL's")

STATES = ["", None, "bogus", *s.COMPLIANCE_STATES]
PAGES = [(50, None), (3, "2"), (3, "3"), (3, "999"), (3, "0"), (3, "-1"), (3, "abc"), (3, "2.0"), (3, "99999999999999999999999")]


@pytest.fixture
def edges(world, agency_a):
    """Submissions either side of midnight of the due day in the portal's time zone, one approved
    without a submission time, a returned report, an agency abolished before the period (owes
    nothing), names that sort alike and must be escaped, and more reports than a small page."""
    from tests.directory.factories import AgencyFactory

    period = world["periods"][3]  # due 25/09/2025
    tz = timezone.get_current_timezone()
    agencies = {}
    for name, status, submitted in (
        ("Phòng <Kinh tế> & \"Hạ tầng\"", "submitted", datetime.datetime(2025, 9, 25, 23, 30, tzinfo=tz)),  # on time
        ("phòng kinh tế", "submitted", datetime.datetime(2025, 9, 26, 0, 30, tzinfo=tz)),  # 17:30 UTC the 25th: late
        ("Ban A", "approved", None),  # approved without a submission time: on time
        ("Ban B", "returned", None),
        ("Ban C", "draft", None),  # missing
    ):
        agency = agencies[name] = AgencyFactory(unit=agency_a.unit, name=name)
        ob = make_obligation(period, agency, status)
        type(ob).objects.filter(pk=ob.pk).update(submitted_at=submitted)
    gone = AgencyFactory(unit=agency_a.unit, valid_to=datetime.date(2024, 12, 31))
    make_obligation(period, gone, "not_started")
    _grow(world, 4)
    return agencies


def _row(ob, today):
    return (
        ob.pk,
        ob.agency_id,
        ob.period_id,
        ob.status,
        ob.submitted_at,
        ob.state,
        ob.period.id,
        ob.period.label,
        ob.period.due_date,
        ob.period.requirement.plan.reference,
        ob.agency.id,
        ob.agency.name,
        days_late(ob, today),
    )


def _shown(page, today):
    return page.paginator.count, page.number, page.paginator.num_pages, [_row(ob, today) for ob in page.object_list]


@postgresql_only
def test_statement_equals_the_orm_form(world, edges, leader, agency_a, agency_b):
    areas = [s.Area.of(leader.agency.unit), s.Area.of(agency_a.unit), s.Area.of(None)]
    windows = [s.Window(2025), s.Window(2025, 3), s.Window(2024), s.Window(2026)]
    compared = rows = 0
    for area in areas:
        for window in windows:
            for state in STATES:
                # every page without an agency; one agency (the area's, another, one past any id)
                # on a first and a middle page
                cases = [(None, per_page, number) for per_page, number in PAGES]
                cases += [(agency, 3, number) for agency in (agency_a.pk, edges["Ban C"].pk, 10**30) for number in ("1", "2")]
                for agency, per_page, number in cases:
                    args = (area, window, TODAY, state, agency, number, per_page)
                    expected = _shown(s._drilldown_page_orm(*args), TODAY)
                    assert _shown(s.drilldown_page(*args), TODAY) == expected, args
                    compared += 1
                    rows += len(expected[3])
    assert compared == 3 * 4 * 8 * (9 + 6) and rows > 500
    # The edges are in the rows: the day of submission is the portal's, not UTC's.
    states = {ob.agency.name: ob.state for ob in s.drilldown_page(areas[1], s.Window(2025, 3), TODAY, None, None, None, 50)}
    assert states['Phòng <Kinh tế> & "Hạ tầng"'] == s.ON_TIME and states["phòng kinh tế"] == s.LATE
    assert states["Ban A"] == s.ON_TIME and states["Ban B"] == s.RETURNED and states["Ban C"] == s.MISSING


@postgresql_only
@pytest.mark.parametrize("language", ["vi", "en"])
def test_rows_html_is_the_orm_rows_html(world, edges, leader, language):
    states = list(s.COMPLIANCE_LABELS.items())
    area = s.Area.of(leader.agency.unit)
    with translation.override(language):
        for state in STATES:
            for window in (s.Window(2025), s.Window(2025, 3), s.Window(2026)):
                pages = [f(area, window, TODAY, state, None, None, 50) for f in (s._drilldown_page_orm, s.drilldown_page)]
                for page in pages:
                    for ob in page.object_list:
                        ob.days_late = days_late(ob, TODAY)
                assert drilldown_rows_html(pages[1].object_list, states) == drilldown_rows_html(pages[0].object_list, states)


@postgresql_only
def test_page_past_the_last_reads_the_last_page(world, edges, leader, django_assert_num_queries):
    area = s.Area.of(leader.agency.unit)
    with django_assert_num_queries(1):
        first = s.drilldown_page(area, s.Window(2025), TODAY, None, None, "1", 3)
    with django_assert_num_queries(2):  # the count tells which page is the last: read again
        last = s.drilldown_page(area, s.Window(2025), TODAY, None, None, "999", 3)
    with django_assert_num_queries(1):  # nothing at all: page 1, empty
        empty = s.drilldown_page(area, s.Window(2030), TODAY, None, None, "5", 3)
    assert last.number == last.paginator.num_pages > 1 and 1 <= len(last.object_list) <= 3
    assert {ob.pk for ob in last.object_list}.isdisjoint(ob.pk for ob in first.object_list)
    assert empty.number == 1 and empty.paginator.count == 0 and list(empty.object_list) == []


@postgresql_only
def test_area_paths_are_escaped_for_like(world, edges, leader):
    area = s.Area.of(leader.agency.unit)
    odd = s.Area(area.unit, ("%",) + tuple(p.replace("/", "_") for p in area.paths))
    assert s.drilldown_page(odd, s.Window(2025), TODAY, None, None, None, 50).paginator.count == 0


@postgresql_only
def test_statement_is_written_once_per_area_shape_and_state(world, edges, leader):
    s._drilldown_sql.cache_clear()
    area = s.Area.of(leader.agency.unit)
    for _ in range(3):
        for state in STATES:
            s.drilldown_page(area, s.Window(2025), TODAY, state, None, None, 50)
    # "", None and "bogus" are every state: one statement for the three.
    assert s._drilldown_sql.cache_info().currsize == 1 + len(s.COMPLIANCE_STATES)


@postgresql_only
def test_drilldown_page_query_count(client_for, world, edges, leader, django_assert_num_queries, monkeypatch):
    """6, was 7: session, user, lineage, years, the page with its count (was the COUNT, then the
    page), notices."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    c = client_for(leader)
    with django_assert_num_queries(6 + YEARS_VERSION):
        response = c.get(f"{reverse('dashboards:obligations')}?year=2025&state=missing")
    assert response.status_code == 200 and response.context["page_obj"].paginator.count > 0


@pytest.mark.parametrize("agency", ["²", "1e3", "-1", "99999999999999999999999", " 1", "abc"])
def test_bad_agency_or_page_is_no_error(client_for, world, leader, agency, monkeypatch):
    """An agency that is not a decimal number is no filter ("²".isdigit() is true, and int("²")
    raised: a 500); a number no agency has lists nothing."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    c = client_for(leader)
    response = c.get(f"{reverse('dashboards:obligations')}?year=2025&agency={agency}&page={agency}")
    assert response.status_code == 200
    everything = c.get(f"{reverse('dashboards:obligations')}?year=2025").context["page_obj"].paginator.count
    shown = response.context["page_obj"].paginator.count
    assert shown == (0 if agency == "99999999999999999999999" else everything) and everything > 0
