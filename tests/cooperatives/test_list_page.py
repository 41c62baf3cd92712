"""The registry list page with its header, pager and list tools bar written in Python
(``cooperatives.lists.organisation_head_html``, ``core.listhtml``, issue 17) is the page the former
template wrote (kept in ``reference/organisation_list_before.html``): the whole page compared as
parsed HTML once the CSRF tokens (random masks) are set aside, in Vietnamese and English, for
every sort state, hidden columns (each one, the figures, all optional ones), the first, a middle
and the last page, filters in the query string, saved filters and no result."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.test.html import parse_html

from cooperatives.lists import REGISTRY_LIST
from tests import former_pages
from tests.cooperatives.factories import OrganisationFactory, YearlyRecordFactory
from tests.directory.factories import CommuneFactory, DistrictFactory

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "organisation_list_before.html"


@pytest.fixture
def organisations(db):
    district = DistrictFactory(name="Huyện <Sơn> & Hà")
    communes = [CommuneFactory(name=f"Xã \"{n}\" & <B>", parent=district) for n in range(3)]
    for i in range(9):
        org = OrganisationFactory(name=f"HTX <{i}> & \"Bông\" hợp tác", commune=communes[i % 3],
                                  founded=datetime.date(2010 + i, 1, 1) if i % 4 else None)
        if i % 3:
            YearlyRecordFactory(organisation=org, year=2024, members=1000 * i + 7, revenue=Decimal("1234567891.5") * i)


def former_and_new(client, query, language):
    return former_pages.former_and_new(client, "cooperatives:organisation_list", REFERENCE, query, language)


QUERIES = [
    "", "?ordering=name", "?ordering=-name", "?ordering=kind", "?ordering=-commune&per_page=25", "?ordering=status",
    "?ordering=-founded", "?ordering=founded&q=h%E1%BB%A3p+t%C3%A1c", "?q=kh%C3%B4ng+c%C3%B3", "?year=abc",
    "?year=2024&kind=htx", "?page=last", "?ordering=members",
]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_page_is_the_former_templates(organisations, admin_user, client_for, language):
    client = client_for(admin_user)
    for query in QUERIES:
        new, former = former_and_new(client, query, language)
        assert parse_html(new) == parse_html(former), query
        assert "<thead" in new
        if "ordering=" in query and "members" not in query:  # a sortable column: its state is shown
            assert "aria-sort" in new, query


@pytest.mark.parametrize("language", ["vi", "en"])
def test_pages_and_hidden_columns(organisations, admin_user, client_for, language):
    client = client_for(admin_user)
    former_pages.assert_pages_and_hidden_columns(
        admin_user,
        compare=lambda query: former_and_new(client, query, language),
        list_key="registry",
        optional=REGISTRY_LIST.optional_keys,
        hidden_sets=[[], ["kind"], ["commune", "status"], ["founded", "members", "workers", "revenue", "rating"]],
        sort_query="?ordering=-status",
        saved_query="kind=htx",
        make_more_rows=lambda: OrganisationFactory.create_batch(110),  # three pages of 50
        page_queries=["", "?page=2", "?page=3&ordering=-name", "?page=2&q=&status=active"],
    )
