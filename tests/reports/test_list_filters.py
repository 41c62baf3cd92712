"""The report list's agency, year and period filters (issue 18): they narrow the list, their
choices are those of the reports the user reads (an out-of-scope agency or period is neither
offered nor accepted), bad input is a Vietnamese message on the page, and the list's query
count does not grow with the number of reports."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from directory.models import Agency
from plans.models import Frequency
from reports import services
from reports.filtersets import ObligationFilterSet
from reports.models import Obligation
from tests.plans.factories import IssuedPlanFactory, ReportingRequirementFactory
from tests.reports.factories import ObligationFactory, ReportingPeriodFactory, build_cycle

pytestmark = pytest.mark.django_db

LIST = "reports:obligation_list"


def _rows(response):
    return list(response.context["object_list"])


@pytest.fixture
def hidden_report(agency_b):
    """A report of district B alone, in a period no report of district A has."""
    plan = IssuedPlanFactory(issuer=agency_b, title="Kế hoạch riêng Ba Tơ")
    req = ReportingRequirementFactory(plan=plan, receiver=agency_b, reporters=[agency_b], frequency=Frequency.MONTHLY)
    period = ReportingPeriodFactory(requirement=req, label="Tháng 5/2023")
    return ObligationFactory(period=period, agency=agency_b)


def test_filterset_narrows_by_agency_year_and_period(cycle, agency_a, agency_b):
    """agency, year (period overlapping it) and period label each narrow the reports."""
    qs = Obligation.objects.all()

    def count(**params):
        fs = ObligationFilterSet(params, qs, agencies=Agency.objects.all(),
                                 periods=["Quý I/2024", "Quý III/2025"])
        assert fs.is_valid(), fs.errors
        return fs.qs.count()

    total = qs.count()
    assert count(agency=agency_b.pk) == qs.filter(agency=agency_b).count() == 8
    assert count(year=2025) == qs.filter(period__start__year=2025).count() < total
    assert count(period="Quý I/2024") == 3  # district A, district B and the province's consolidation
    assert count(period="Quý III/2025", agency=agency_a.pk) == 1
    assert count(year=2023) == 0


def test_planner_filters_the_list(cycle, client_for, planner, agency_b):
    """The receiving planner's list filtered by agency, year and period shows only those reports."""
    c = client_for(planner)
    rows = _rows(c.get(reverse(LIST), {"agency": agency_b.pk, "year": 2024, "period": "Quý II/2024"}))
    assert [(ob.agency_id, ob.period.label) for ob in rows] == [(agency_b.pk, "Quý II/2024")]


def test_agency_endpoint_and_filter_never_reach_out_of_scope(cycle, hidden_report, client_for, reporter_a, agency_a, agency_b):
    """A reporter of district A is offered only agencies of the reports they read; district B's
    id in the URL is refused (no row of B is shown) and B's own period label is not offered."""
    c = client_for(reporter_a)
    found = {int(r["value"]) for r in c.get(reverse("reports:autocomplete_agencies")).json()["results"]}
    assert agency_a.pk in found and agency_b.pk not in found
    searched = c.get(reverse("reports:autocomplete_agencies"), {"q": agency_b.name}).json()["results"]
    assert all(int(r["value"]) != agency_b.pk for r in searched)

    response = c.get(reverse(LIST), {"agency": agency_b.pk})
    assert _rows(response) == []
    assert response.context["filter"].errors
    assert "Kế hoạch riêng Ba Tơ" not in response.content.decode()

    body = c.get(reverse(LIST)).content.decode()
    period_select = re.search(r'<select name="period".*?</select>', body, re.S).group(0)
    assert "Quý I/2024" in period_select and "Tháng 5/2023" not in period_select
    response = c.get(reverse(LIST), {"period": "Tháng 5/2023"})
    assert _rows(response) == [] and response.context["filter"].errors


def test_agency_filter_renders_only_the_chosen_agency(cycle, client_for, planner, agency_a):
    """The agency select holds only the empty and the chosen option; Tom Select asks the endpoint."""
    c = client_for(planner)
    body = c.get(reverse(LIST), {"agency": agency_a.pk}).content.decode()
    select = re.search(r'<select name="agency".*?</select>', body, re.S).group(0)
    assert 'data-autocomplete="/reports/autocomplete/agencies/"' in select
    assert select.count("<option") == 2 and f'value="{agency_a.pk}" selected' in select


def test_bad_year_is_a_vietnamese_message_not_an_error(cycle, client_for, planner):
    """A year that is not a number (or out of range) shows a Vietnamese message on the page."""
    c = client_for(planner)
    with translation.override("vi"):
        for bad in ("abc", "99999"):
            response = c.get(reverse(LIST), {"year": bad}, HTTP_ACCEPT_LANGUAGE="vi")
            assert response.status_code == 200
            errors = " ".join(str(e) for e in response.context["filter"].errors.get("year", []))
            assert errors and re.search(r"[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]", errors), errors


def test_filtered_list_query_count_does_not_grow(cycle, client_for, planner, province_agency, agency_a, agency_b):
    """Filtering by agency, year and period costs the same queries with eight or forty reports."""
    c = client_for(planner)
    params = {"agency": agency_a.pk, "year": 2024, "period": "Quý I/2024", "status": "not_started"}
    c.get(reverse(LIST), params)  # warm the session

    def measure():
        with CaptureQueriesContext(connection) as ctx:
            response = c.get(reverse(LIST), params)
        assert response.status_code == 200
        return len(ctx.captured_queries), len(_rows(response))

    before, rows_before = measure()
    for _ in range(3):
        services.obligations_generate(plan=build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])["plan"])
    after, rows_after = measure()
    assert rows_after == rows_before + 3
    assert after == before


def test_list_count_reads_only_the_reports(cycle, client_for, planner, leader):
    """The list's COUNT joins nothing: the actionable-first order is written in ORDER BY (which
    the COUNT drops), not as annotations, whose join to the periods stayed in the COUNT of every
    request (issue 17). The order itself is unchanged (to do first, soonest deadline first)."""
    from reports import selectors

    for user in (planner, leader):
        c = client_for(user)
        c.get(reverse(LIST))
        # Unfiltered, the count is the scope's UNION counted itself; filtered, the list's own.
        for query in ("?status=draft", ""):
            with CaptureQueriesContext(connection) as ctx:
                response = c.get(reverse(LIST) + query)
            assert response.status_code == 200
            counts = [q["sql"] for q in ctx.captured_queries if 'COUNT(*)' in q["sql"] and "reports_obligation" in q["sql"]]
            assert counts, "no COUNT of the reports"
            outer = re.sub(r"ANY\(ARRAY\(.*\)\)\)", "ANY(…)", counts[0], flags=re.S)  # the visibility branches aside
            outer = re.sub(r"FROM \(.*\) subquery", "FROM (…) subquery", outer, flags=re.S)
            # SQLite: the visibility branches as "id IN (SELECT … UNION SELECT …)"
            outer = re.sub(r"IN \(SELECT .* UNION SELECT .*\)\)", "IN (…))", outer, flags=re.S)
            assert " JOIN " not in outer, outer
        rows = _rows(response)
        todo = [ob for ob in rows if ob.status in ("not_started", "draft", "returned")]
        assert rows[: len(todo)] == todo
        assert [ob.period.due_date for ob in todo] == sorted(ob.period.due_date for ob in todo)
        assert [ob.pk for ob in rows] == list(
            selectors.order_actionable_first(selectors.obligations_visible_to(user)).values_list("pk", flat=True)[:50]
        )


def test_visible_reports_are_built_once_per_request(cycle, planner):
    """``obligations_visible_to`` is memoised on the user object (the list needs it four times):
    the same rules, a fresh queryset each call."""
    from reports import selectors

    first, second = selectors.obligations_visible_to(planner), selectors.obligations_visible_to(planner)
    assert first is not second and str(first.query) == str(second.query)
    assert planner.__dict__["_obligations_visible_qs"] is not None
    assert set(first) == set(second) and first
