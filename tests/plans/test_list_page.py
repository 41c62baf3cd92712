"""The plan list page with its header, pager and list tools bar written in Python
(``plans.lists.plan_head_html``, ``core.listhtml``, issue 17) is the page the former template wrote (kept in
``reference/plan_list_before.html``): the whole page compared as parsed HTML once the CSRF
tokens (random masks) are set aside, in Vietnamese and English, for every sort state, hidden
columns, the first, a middle and the last page, filters in the query string, saved filters and
no result."""

import datetime
from pathlib import Path

import pytest
from django.test.html import parse_html

from plans.lists import PLAN_LIST
from tests import former_pages
from tests.directory.factories import AgencyFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "plan_list_before.html"


@pytest.fixture
def plans(db):
    issuer = AgencyFactory(name="UBND <tỉnh> & \"Quảng Ngãi\"")
    for i in range(7):
        IssuedPlanFactory(issuer=issuer, title=f"Kế hoạch {i} hợp tác xã", period_start=datetime.date(2021 + i % 3, 1, 1),
                          period_end=datetime.date(2025, 12, 31), issue_date=datetime.date(2020, 1 + i, 2))
    PlanFactory(issuer=issuer, in_force=True, title="Dự thảo hợp tác xã")


def former_and_new(client, query, language):
    return former_pages.former_and_new(client, "plans:plan_list", REFERENCE, query, language)


QUERIES = [
    "", "?ordering=title", "?ordering=-title", "?ordering=-period_start&per_page=25", "?ordering=issuer&q=h%E1%BB%A3p+t%C3%A1c",
    "?ordering=status", "?ordering=-issue_date", "?ordering=number", "?q=kh%C3%B4ng+c%C3%B3", "?year=abc", "?page=last",
]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_page_is_the_former_templates(plans, admin_user, client_for, language):
    client = client_for(admin_user)
    for query in QUERIES:
        new, former = former_and_new(client, query, language)
        assert parse_html(new) == parse_html(former), query
        assert "<thead" in new


@pytest.mark.parametrize("language", ["vi", "en"])
def test_pages_and_hidden_columns(plans, admin_user, client_for, language):
    client = client_for(admin_user)
    former_pages.assert_pages_and_hidden_columns(
        admin_user,
        compare=lambda query: former_and_new(client, query, language),
        list_key="plans",
        optional=PLAN_LIST.optional_keys,
        hidden_sets=[[], ["number"], ["issuer", "status"]],
        sort_query="?ordering=title",
        saved_query="status=issued",
        make_more_rows=lambda: PlanFactory.create_batch(60),  # three pages of 25
        page_queries=["", "?page=2", "?page=3&ordering=-title", "?page=2&q=&status=draft"],
    )
