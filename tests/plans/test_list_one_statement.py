"""Issue 17: the plan list reads its page as tuples (``plans.lists.PlanRow``) and, for a user
who is not an administrator, the count and the page in one statement (``count(*) OVER ()``,
``core.pagination.CountedRowsPaginator``) instead of the ORM's COUNT and page of model
instances. Checked against the ORM (Django's ``Paginator`` on the same filtered, ordered
queryset, the former path): the same plans in the same order with the same values and the same
count, page for page, for every user of the reform world (administrator included), every
filter and sort order, pages past the last, 0, negative, not a number and "last" — on
PostgreSQL and SQLite alike; one statement for the page and its count, two past the last."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.pagination import CountedRowsPaginator
from plans.filtersets import PlanFilterSet
from plans.lists import PLAN_ROW_COLUMNS, PlanRow, plan_rows_html
from plans.models import Plan, PlanKind, PlanStatus
from plans.selectors import plans_visible_to
from tests import reform_world
from tests.directory.factories import AgencyFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory
from tests.reform_world import fresh

pytestmark = pytest.mark.django_db

QUERIES = [
    {},
    {"ordering": "title"},
    {"ordering": "-issuer"},
    {"ordering": "status"},
    {"ordering": "-number"},
    {"ordering": "modified"},
    {"status": "draft"},
    {"status": "issued", "ordering": "-period_start"},
    {"kind": "annual"},
    {"kind": "other", "ordering": "-issue_date"},
    {"year": "2025"},
    {"q": "kế hoạch"},
    {"q": "không có chữ này"},
]


@pytest.fixture
def world(db):
    w = reform_world.build_with_assignments()
    ag = w["agencies"]
    # Enough plans for several pages of 3, with ties on every sort key and values to escape.
    odd = AgencyFactory(unit=ag["laichau"].unit, name='UBND <"tỉnh"> & B')
    for i in range(7):
        IssuedPlanFactory(
            issuer=odd if i % 2 else ag["laichau"], title=f"Kế hoạch <{i % 3}> & HTX", number=10 + i % 2,
            period_start=datetime.date(2024 + i % 2, 1, 1), period_end=datetime.date(2025 + i % 3, 12, 31),
            issue_date=datetime.date(2024, 1 + i % 2, 1),
        )
    PlanFactory(issuer=odd, in_force=True, symbol="", kind=PlanKind.OTHER, title="Dự thảo " + "dài " * 40)
    return w


def _filtered(user, query):
    request = RequestFactory().get("/plans/", query)
    request.user = fresh(user)
    qs = plans_visible_to(request.user)
    filterset = PlanFilterSet(request.GET or None, qs, request=request)
    assert not filterset.is_bound or filterset.is_valid(), filterset.errors
    return filterset.qs


def _values(plan) -> tuple:
    unit = plan.issuer.unit
    return (
        plan.pk, plan.reference, plan.title, plan.short_title, plan.kind, plan.status, plan.in_force, plan.issue_date,
        plan.period_start, plan.period_end, plan.issuer.pk, plan.issuer.name, str(unit), plan.get_absolute_url(),
        plan.get_status_display(), plan.get_kind_display(),
    )


def _types(values) -> tuple:
    return tuple(type(v) for v in values)


def _page(paginator, number):
    try:
        page = paginator.page(number)
    except Exception as exc:  # noqa: BLE001 — the error's class is what is compared
        return type(exc).__name__, paginator.__dict__.get("count")
    return [_values(p) for p in page.object_list], page.number, paginator.count, paginator.num_pages


@pytest.mark.parametrize("window", [True, False])
def test_same_pages_as_the_orm(world, window):
    """Every user, filter, order and page: the tuples' rows are the ORM's instances, value for
    value and type for type; the count, the page shown and the number of pages are Django's."""
    compared = 0
    for name, user in world["users"].items():
        for query in QUERIES:
            qs = _filtered(user, query)
            expected_count = qs.count()
            last = max(1, -(-expected_count // 3))
            for number in (1, 2, last, last + 1, 0, -1, 10**6, 10**20, 2.0, 2.5):
                new = _page(CountedRowsPaginator(qs, 3, columns=PLAN_ROW_COLUMNS, make_row=PlanRow, window=window), number)
                former = _page(Paginator(_filtered(user, query), 3), number)
                if isinstance(former, tuple) and isinstance(former[0], str):
                    assert new[0] == former[0], (name, query, number)  # the same refusal
                    continue
                assert new == former, (name, query, number)
                rows = CountedRowsPaginator(qs, 3, columns=PLAN_ROW_COLUMNS, make_row=PlanRow, window=window).page(number)
                assert [_types(_values(p)) for p in rows] == [_types(_values(p)) for p in Paginator(qs, 3).page(number)]
                compared += len(new[0])
    assert compared > 300


def test_the_view_pages(world, client):
    """The page as the view serves it: the same plans as the ORM's page; 404 past the last, for
    0 and for a page that is not a number; "last" is the last page."""
    for name, user in world["users"].items():
        if not user.is_active:
            continue
        client.force_login(user)
        expected = list(_filtered(user, {}).values_list("pk", flat=True))
        response = client.get(reverse("plans:plan_list"), {"per_page": 25})
        if response.status_code != 200:  # a user without a role here
            assert response.status_code in (302, 403), name
            continue
        assert [p.pk for p in response.context["plans"]] == expected[:25], name
        assert response.context["page_obj"].paginator.count == len(expected), name
        last_number = max(1, -(-len(expected) // 25))
        assert client.get(reverse("plans:plan_list"), {"page": last_number + 1}).status_code == 404, name
        # a page number past any OFFSET the database can hold (bigint / SQLite INTEGER) is a 404 too, never a 500
        for bad in ("0", "-1", "abc", "2.5", str(10**20), str(2**63 // 25 + 2)):
            assert client.get(reverse("plans:plan_list"), {"page": bad}).status_code == 404, (name, bad)
        last = client.get(reverse("plans:plan_list"), {"page": "last"})
        assert last.status_code == 200 and last.context["page_obj"].number == last_number, name


def test_one_statement_for_a_scoped_users_page(world, client):
    """A scoped user's list: the page and its count are one statement (the visibility UNION
    appears once in it); a page past the last needs the count alone too, then is refused."""
    qs = _filtered(world["users"]["leader_lc"], {})
    total = qs.count()
    assert total > 6
    paginator = CountedRowsPaginator(qs, 3, columns=PLAN_ROW_COLUMNS, make_row=PlanRow)
    with CaptureQueriesContext(connection) as ctx:
        page = paginator.page(2)
        assert paginator.count == total and paginator.num_pages == -(-total // 3)
    assert len(ctx.captured_queries) == 1 and "OVER ()" in ctx.captured_queries[0]["sql"]
    assert len(page.object_list) == 3 and page.number == 2
    paginator = CountedRowsPaginator(qs, 3, columns=PLAN_ROW_COLUMNS, make_row=PlanRow)
    with CaptureQueriesContext(connection) as ctx:
        with pytest.raises(Exception) as refused:
            paginator.page(10**6)
    assert type(refused.value).__name__ == "EmptyPage" and len(ctx.captured_queries) == 2


def test_rows_write_the_same_html_as_instances(world):
    """The row writer writes the same text for the tuples' rows as for the ORM's instances."""
    from core.listtools import set_choice_labels

    show = {key: True for key in ("number", "title", "kind", "issuer", "period", "issue_date", "status")}
    for user in world["users"].values():
        qs = _filtered(user, {"ordering": "title"})
        rows = list(CountedRowsPaginator(qs, 50, columns=PLAN_ROW_COLUMNS, make_row=PlanRow).page(1).object_list)
        instances = list(Paginator(qs, 50).page(1).object_list)
        set_choice_labels(rows, kind=PlanKind.choices, status=PlanStatus.choices)
        set_choice_labels(instances, kind=PlanKind.choices, status=PlanStatus.choices)
        assert str(plan_rows_html(rows, show, 7)) == str(plan_rows_html(instances, show, 7))
    assert Plan.objects.filter(title__contains="<").exists()
