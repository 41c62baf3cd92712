"""The compliance page reads its agency count, its page of agencies × periods and its counts by
state together (issue 17): on PostgreSQL one hand-written statement, elsewhere the four
selectors it replaces (``compliance_agency_count``, ``compliance_matrix``, ``compliance_counts``),
which stay the reference — the same rows, cells, columns, order, counts and page number."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from dashboards import selectors as s
from tests.dashboards.conftest import TODAY, make_obligation
from tests.dashboards.test_views import _grow
from tests.dashboards.years_queries import YEARS_VERSION

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the statement is PostgreSQL's")


@pytest.fixture
def edges(world, agency_a):
    """Submissions near midnight of the due day in the portal's time zone (the day decides on
    time or late), one approved without a submission time, an agency abolished before the
    period (owes nothing), and more agencies than a page."""
    from tests.directory.factories import AgencyFactory

    period = world["periods"][3]  # due 25/09/2025
    tz = timezone.get_current_timezone()
    agencies = {}
    for name, status, submitted in (
        ("evening", "submitted", datetime.datetime(2025, 9, 25, 23, 30, tzinfo=tz)),  # 16:30 UTC: on time
        ("after_midnight", "submitted", datetime.datetime(2025, 9, 26, 0, 30, tzinfo=tz)),  # 17:30 UTC on the 25th: late
        ("no_time", "approved", None),  # approved without a submission time: on time
    ):
        agency = agencies[name] = AgencyFactory(unit=agency_a.unit)
        ob = make_obligation(period, agency, status)
        type(ob).objects.filter(pk=ob.pk).update(submitted_at=submitted)
    gone = AgencyFactory(unit=agency_a.unit, valid_to=datetime.date(2024, 12, 31))
    make_obligation(period, gone, "not_started")
    _grow(world, 7)
    return agencies


def _cases(world, leader, agency_a):
    areas = [s.Area.of(leader.agency.unit), s.Area.of(agency_a.unit), s.Area.of(None)]
    windows = [s.Window(2025), s.Window(2025, 1), s.Window(2025, 3), s.Window(2024), s.Window(2026)]
    return areas, windows


@postgresql_only
def test_statement_equals_the_four_selectors(world, edges, leader, agency_a):
    """Every area, window, sort and page (past the last, below 1, not a number) alike."""
    areas, windows = _cases(world, leader, agency_a)
    compared = 0
    for area in areas:
        for window in windows:
            for sort in s.MATRIX_SORTS:
                for per_page, page in ((50, None), (4, "2"), (4, "3"), (4, "999"), (4, "0"), (4, "-1"), (4, "abc"), (4, "2.0")):
                    args = (area, window, TODAY)
                    kwargs = {"sort": sort, "per_page": per_page, "page": page}
                    expected = s._compliance_page_orm(*args, **kwargs)
                    assert s.compliance_page(*args, **kwargs) == expected, (area.unit, window, kwargs)
                    compared += bool(expected["rows"])
    assert compared > 100
    # The edges are in the figures: the submission day is the portal's, not UTC's.
    shown = s.compliance_page(areas[0], s.Window(2025, 3), TODAY, sort="worst", per_page=50, page=None)
    rows = {r.agency_id: r.totals for r in shown["rows"]}
    assert rows[edges["evening"].pk]["on_time"] == 1 and rows[edges["after_midnight"].pk]["late"] == 1
    assert rows[edges["no_time"].pk]["on_time"] == 1
    assert shown["agencies"] == 2 + 3 + 7  # agencies A and B, the three above, the grown ones (not the abolished)


@postgresql_only
def test_page_past_the_last_reads_the_last_page(world, edges, leader, django_assert_num_queries):
    area = s.Area.of(leader.agency.unit)
    with django_assert_num_queries(1):
        first = s.compliance_page(area, s.Window(2025), TODAY, sort="name", per_page=4, page="1")
    with django_assert_num_queries(2):  # the count tells which page is the last: read again
        last = s.compliance_page(area, s.Window(2025), TODAY, sort="name", per_page=4, page="999")
    assert first["agencies"] == 12
    assert last["number"] == 3 and len(last["rows"]) == 4
    assert {r.agency_id for r in last["rows"]}.isdisjoint(r.agency_id for r in first["rows"])


@postgresql_only
def test_area_paths_are_escaped_for_like(world, edges, leader):
    area = s.Area.of(leader.agency.unit)
    odd = s.Area(area.unit, ("%",) + tuple(p.replace("/", "_") for p in area.paths))
    shown = s.compliance_page(odd, s.Window(2025), TODAY, sort="worst", per_page=50, page=None)
    assert shown["agencies"] == 0 and shown["rows"] == [] and shown["counts"]["total"] == 0


@postgresql_only
def test_compliance_page_query_count_on_postgresql(client_for, world, edges, leader, django_assert_max_num_queries, monkeypatch):
    """7, was 10: session, user, lineage, years, the user's page size, the matrix with its
    counts (was the agency count, the rows, the cells and the counts), notices."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    c = client_for(leader)
    with django_assert_max_num_queries(7 + YEARS_VERSION):
        response = c.get(f"{reverse('dashboards:compliance')}?year=2025")
    assert response.status_code == 200 and len(response.context["matrix"]["rows"]) == 12
    assert response.context["counts"] == s.compliance_counts(s.Area.of(leader.agency.unit), s.Window(2025), TODAY)
    # A page past the last shows the last (here the only) one.
    response = c.get(f"{reverse('dashboards:compliance')}?year=2025&page=2")
    assert response.context["page_obj"].number == 1 and len(response.context["matrix"]["rows"]) == 12


def _former_body(matrix, title, names, button, button_end, obligations_url):
    """The matrix body as the page wrote it before each distinct cell was rendered once."""
    from django.utils.html import format_html, format_html_join
    from django.utils.safestring import mark_safe

    from dashboards.views import _cell, _title_attr

    body = []
    for row in matrix["rows"]:
        cells = format_html_join(
            "",
            '<td class="cell {}"{}>{}</td>',
            (
                (css, _title_attr(t), text)
                for css, text, t in (_cell(row.cells.get(c["key"]), title, names) for c in matrix["columns"])
            ),
        )
        totals = format_html_join(
            "", '<td class="num">{}</td>', ((row.totals[k],) for k in (s.ON_TIME, s.LATE, s.MISSING, s.RETURNED))
        )
        action = (
            format_html('{}<input type="hidden" name="agency" value="{}">{}', button, row.agency_id, button_end)
            if row.overdue
            else ""
        )
        body.append(
            format_html(
                '<tr><th scope="row" class="sticky"><a href="{}">{}</a><div class="small text-muted fw-normal">{}</div></th>'
                '{}{}<td class="d-print-none">{}</td></tr>',
                f"{obligations_url}&agency={row.agency_id}",
                row.agency_name,
                row.unit_name,
                cells,
                totals,
                action,
            )
        )
    return mark_safe("\n".join(body))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_matrix_body_equals_the_former_loop(world, edges, leader, agency_a, language):
    """Each distinct cell is rendered once per page: the same markup, byte for byte, as rendering
    every cell (every state, several reports in a cell, empty cells, escaping of names)."""
    from django.utils import translation
    from django.utils.html import format_html

    from dashboards.views import compliance_body_html

    type(agency_a).objects.filter(pk=agency_a.pk).update(name='Phòng <Kinh tế> & "Hạ tầng"')
    title = "%(on_time)s / %(late)s / %(missing)s / %(returned)s / %(pending)s <b>"
    button, button_end = format_html("<form>{}", "x"), format_html("{}</form>", "y")
    with translation.override(language):
        names = {state: str(label) for state, label in s.COMPLIANCE_LABELS.items()}
        for area in (s.Area.of(leader.agency.unit), s.Area.of(None)):
            for window in (s.Window(2025), s.Window(2025, 3)):
                matrix = s.compliance_page(area, window, TODAY, sort="worst", per_page=50, page=None)
                args = (matrix, title, names, button, button_end, "/dashboards/obligations/?year=2025")
                body = compliance_body_html(*args)
                assert body == _former_body(*args)
                assert body.count("<tr>") == len(matrix["rows"]) > 0
    assert "Phòng &lt;Kinh tế&gt; &amp; &quot;Hạ tầng&quot;" in body


@postgresql_only
def test_scoped_statement_reads_the_areas_agencies_and_reports_by_index(world, edges, leader, django_assert_num_queries):
    """A scoped user's statement finds the area's agencies by the unit index (the units by their
    paths inside ``ANY(ARRAY(…))``), not by joining every agency of the country to its unit and
    testing the path, and reads the window's periods once (``win``) for the reports' join; the
    whole country's statement keeps its joins (issue 17). Same figures: the test above."""
    from django.test.utils import CaptureQueriesContext

    for area, scoped in ((s.Area.of(leader.agency.unit), True), (s.Area.of(None), False)):
        with CaptureQueriesContext(connection) as ctx:
            s.compliance_page(area, s.Window(2025), TODAY, sort="worst", per_page=50, page=None)
        (sql,) = [q["sql"] for q in ctx.captured_queries]
        agencies = sql[sql.index("area_agencies AS MATERIALIZED") : sql.index("obs AS MATERIALIZED")]
        if scoped:
            assert 'WHERE g."unit_id" = ANY(ARRAY(SELECT au."id" FROM "directory_administrativeunit" au WHERE au."path"' in agencies
            assert ' u."path"' not in sql and "win AS MATERIALIZED" in agencies and "INNER JOIN win r" in sql
        else:
            assert "ANY(ARRAY" not in agencies and "LIKE" not in sql and "win AS" not in sql
