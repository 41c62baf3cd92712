"""Issue 17: the reports a user may see, selected by a UNION of one id query per visibility
rule, are exactly those of the former OR-across-joins ``scoped`` definition and of a plain
Python computation, for every kind of user, across the 2025 reform (0 out-of-scope reads)."""

import pytest
from django.urls import reverse

from core.permissions import _user_area_paths, scoped, user_agency_ids
from plans.models import Plan
from reports import selectors
from reports.models import Obligation
from tests import reform_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return reform_world.build()


def visible_before_issue_17(user):
    return scoped(
        Obligation.objects.all(),
        user,
        unit_field="agency__unit",
        agency_fields=("agency", "period__requirement__receiver", "period__requirement__plan__issuer"),
    )


def visible_in_python(user):
    obs = Obligation.objects.select_related("agency__unit", "period__requirement__plan")
    if user.is_superuser:
        return {o.pk for o in obs}
    if not user.agency_id:
        return set()
    paths = _user_area_paths(user)
    ids = set(user_agency_ids(user))
    return {
        o.pk
        for o in obs
        if any(o.agency.unit.path.startswith(p) for p in paths)
        or o.agency_id in ids
        or o.period.requirement.receiver_id in ids
        or o.period.requirement.plan.issuer_id in ids
    }


def test_same_reports_for_every_user(world):
    for name, user in world["users"].items():
        qs = selectors.obligations_visible_to(user)
        expected = visible_in_python(user)
        page = list(selectors.order_actionable_first(qs).values_list("pk", flat=True))
        assert sorted(page) == sorted(expected), name  # no duplicate, nothing missing or extra
        assert qs.count() == len(expected), name
        assert set(visible_before_issue_17(user).values_list("pk", flat=True)) == expected, name
        assert qs.query.is_empty() or "DISTINCT" not in str(qs.query), name
        # The plan filter's choices: the plans of the visible reports, as before.
        plans = set(Plan.objects.filter(pk__in=qs.values("period__requirement__plan_id")).values_list("pk", flat=True))
        assert plans == set(
            Plan.objects.filter(pk__in=visible_before_issue_17(user).values("period__requirement__plan_id")).values_list(
                "pk", flat=True
            )
        ), name


def test_known_answers(world):
    """Spot checks that the world exercises every rule: nobody sees Lai Châu's own plan but
    Lai Châu; N1's planner reads what its predecessor district issued and reported."""
    ag = world["agencies"]
    users = world["users"]
    lc_only = set(Obligation.objects.filter(period__requirement__plan=world["plans"][4]).values_list("pk", flat=True))
    total = Obligation.objects.count()
    seen = {name: set(selectors.obligations_visible_to(u).values_list("pk", flat=True)) for name, u in users.items()}
    assert len(seen["admin"]) == total == 8
    assert seen["no_agency"] == set()
    for name in ("leader", "planner", "reporter"):
        assert not seen[name] & lc_only, name
    assert lc_only <= seen["reporter_lc"] and lc_only <= seen["leader_lc"]
    # The planner of N1: its own reports, those sent to it, those of its predecessor district
    # (agency, issuer and area), but not N2's report to the province.
    planner = seen["planner"]
    assert set(Obligation.objects.filter(agency=ag["dakha"]).values_list("pk", flat=True)) <= planner
    assert set(Obligation.objects.filter(period__requirement__plan__issuer=ag["dakha"]).values_list("pk", flat=True)) <= planner
    assert not Obligation.objects.filter(pk__in=planner, agency=ag["n2"], period__requirement__receiver=ag["qn"]).exists()
    # The province's leader: everything in its area and its predecessors', and the Lai Châu
    # commune's report on the province's plan.
    assert Obligation.objects.filter(pk__in=seen["leader"], agency=ag["qc"]).count() == 1
    # The reporter of N2: its two reports only.
    assert seen["reporter"] == set(Obligation.objects.filter(agency=ag["n2"]).values_list("pk", flat=True))


def test_detail_of_an_out_of_scope_report_is_404(world, client_for):
    other = Obligation.objects.filter(period__requirement__plan=world["plans"][4]).get()
    response = client_for(world["users"]["leader"]).get(other.get_absolute_url())
    assert response.status_code == 404


def test_deferred_join_pages_equal_plain_slices(world, django_assert_max_num_queries):
    """The list's paginator picks each page's ids first: the same rows in the same order as
    slicing the ordered list, page after page, in two queries (count, page)."""
    from core.pagination import DeferredJoinPaginator

    for name, user in world["users"].items():
        qs = selectors.order_actionable_first(selectors.obligations_visible_to(user))
        plain = list(qs.values_list("pk", flat=True))
        paginator = DeferredJoinPaginator(qs, 3)
        assert paginator.count == len(plain), name
        paged = []
        for number in paginator.page_range:
            with django_assert_max_num_queries(1):
                page = paginator.page(number)
                paged += [o.pk for o in page]
                [o.period.requirement.plan.issuer for o in page]  # select_related kept
        assert paged == plain, name


def test_deferred_join_rows_without_the_filters_equal_plain_slices(world, django_assert_max_num_queries):
    """With ``rows`` (the report list's: the same columns, no scope), each page holds the same
    reports in the same order as slicing the scoped, ordered list — every user, every page,
    the list's own ordering and a column ordering with ties broken by key; and the page's
    statement carries the scope's UNION once (the ids), not twice (issue 17)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.pagination import DeferredJoinPaginator
    from reports.views import ObligationListView

    rows = ObligationListView.list_columns(Obligation.objects.all())
    for name, user in world["users"].items():
        scoped_qs = ObligationListView.list_columns(selectors.obligations_visible_to(user))
        for qs in (selectors.order_actionable_first(scoped_qs), scoped_qs.order_by("-agency__name", "pk")):
            plain = list(qs.values_list("pk", flat=True))
            paginator = DeferredJoinPaginator(qs, 3, rows=rows)
            assert paginator.count == len(plain), name
            paged = []
            for number in paginator.page_range:
                with CaptureQueriesContext(connection) as ctx:
                    page = paginator.page(number)
                    paged += [o.pk for o in page]
                    [o.period.requirement.plan for o in page]  # the columns' relations are loaded
                if not plain:
                    continue
                statements = [q["sql"] for q in ctx.captured_queries]
                assert len(statements) == 2, name  # the page, the former agencies (prefetch)
                unions = statements[0].count("UNION")
                assert unions == (0 if user.is_superuser or not user.agency_id else 3), (name, unions)
            assert paged == plain, name


def test_report_list_page_reads_the_scope_once(world, client_for):
    """The report list's page statement (the rows of the page) holds the scope's four branches
    once; the rows are the scoped list's first page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = world["users"]["leader"]
    with CaptureQueriesContext(connection) as ctx:
        response = client_for(user).get(reverse("reports:obligation_list"))
    assert response.status_code == 200
    page_sql = [q["sql"] for q in ctx.captured_queries if "ORDER BY" in q["sql"] and "reports_obligation" in q["sql"]]
    assert page_sql and max(s.count("UNION") for s in page_sql) == 3
    expected = list(selectors.order_actionable_first(selectors.obligations_visible_to(user)).values_list("pk", flat=True))
    assert [o.pk for o in response.context["page_obj"].object_list] == expected[:50]


def test_report_list_count_is_the_lists_for_every_filter(world, client_for):
    """With no filter the report list counts the scope's UNION itself (issue 17); with any
    filter, "mine", an ordering, a page or an invalid value, the count is still exactly the
    number of reports the list holds, for every kind of user."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queries = ["", "page=1", "ordering=-due_date", "status=draft", "status=approved", "mine=1", "late=on",
               "year=2025", "period=Quý I/2025", "status=bogus", "year=abc", "ordering=nonsense", "plan=999999"]
    url = reverse("reports:obligation_list")
    for name, user in world["users"].items():
        if name == "no_agency" or not user.is_superuser and not user.agency_id:
            continue
        client = client_for(user)
        for query in queries:
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(f"{url}?{query}" if query else url)
            assert response.status_code == 200, (name, query)
            listed = response.context["view"].object_list
            assert response.context["page_obj"].paginator.count == listed.count(), (name, query)
            if query in ("", "page=1", "ordering=-due_date") and connection.vendor == "postgresql" and not user.is_superuser:
                counts = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("SELECT COUNT(*)") and "reports_obligation" in q["sql"]]
                # The UNION counted itself, not each id checked again (``"id" = ANY(ARRAY(UNION))``);
                # the area branch's own ``"agency_id" = ANY(ARRAY(…))`` is the area's agencies.
                assert counts and '"id" = ANY(ARRAY' not in counts[0] and "UNION" in counts[0], (name, query)
