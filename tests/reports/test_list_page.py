"""The report list page with its header, pager and list tools bar written in Python
(``reports.lists.obligation_head_html``, ``core.listhtml``, issue 17) is the page the former
template wrote (kept in ``reference/obligation_list_before.html``): the whole page compared as
parsed HTML once the CSRF tokens (random masks) are set aside, in Vietnamese and English, for
every sort state, hidden columns, "mine", the first, a middle and the last page, filters in the
query string, saved filters and no result; as the administrator and as a reporter."""

import datetime
from pathlib import Path

import pytest
from django.test.html import parse_html

from reports import services
from reports.lists import REPORT_LIST
from tests import former_pages
from tests.directory.factories import AgencyFactory
from tests.plans.factories import PlanFactory, ReportingRequirementFactory
from tests.reports.factories import ObligationFactory, ReportingPeriodFactory, build_cycle

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "obligation_list_before.html"


@pytest.fixture
def obligations(province_agency, agency_a, agency_b):
    cycle = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    services.obligations_generate(plan=cycle["plan"])
    AgencyFactory(name="Phòng Nông nghiệp <cũ> & PTNT", successor=agency_a)
    draft = PlanFactory(issuer=agency_b, number=None, title="Kế hoạch <b>hết</b> & \"HTX\"")
    req = ReportingRequirementFactory(plan=draft, receiver=agency_b, reporters=[agency_b])
    period = ReportingPeriodFactory(requirement=req, label="Đợt <1> & \"2\"", due_date=datetime.date(2025, 5, 9))
    ObligationFactory(period=period, agency=AgencyFactory(name="Hội <Nông dân>", unit=agency_a.unit))


def former_and_new(client, query, language):
    return former_pages.former_and_new(client, "reports:obligation_list", REFERENCE, query, language)


QUERIES = [
    "", "?ordering=period", "?ordering=-period", "?ordering=plan", "?ordering=-agency&per_page=25", "?ordering=receiver",
    "?ordering=-due_date", "?ordering=status&status=approved", "?mine=1", "?mine=1&ordering=-status", "?year=abc",
    "?page=last", "?late=on",
]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_page_is_the_former_templates(obligations, admin_user, reporter_a, client_for, language):
    for user in (admin_user, reporter_a):
        client = client_for(user)
        for query in QUERIES:
            new, former = former_and_new(client, query, language)
            assert parse_html(new) == parse_html(former), (user.username, query)
            assert "<thead" in new
            if "ordering=" in query:
                assert "aria-sort" in new, query


@pytest.mark.parametrize("language", ["vi", "en"])
def test_pages_and_hidden_columns(obligations, admin_user, client_for, language):
    client = client_for(admin_user)
    former_pages.assert_pages_and_hidden_columns(
        admin_user,
        compare=lambda query: former_and_new(client, query, language),
        list_key="reports",
        optional=REPORT_LIST.optional_keys,
        hidden_sets=[[], ["plan"], ["agency", "status"], ["receiver", "due_date"]],
        sort_query="?ordering=-status",
        saved_query="late=on",
        make_more_rows=lambda: ObligationFactory.create_batch(100),  # three pages of 50
        page_queries=["", "?page=2", "?page=3&ordering=-period", "?page=2&status="],
    )
