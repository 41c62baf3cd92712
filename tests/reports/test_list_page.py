"""The report list page with its header, pager and list tools bar written in Python
(``reports.lists.obligation_head_html``, ``core.listhtml``, issue 17) is the page the former
template wrote (kept in ``reference/obligation_list_before.html``): the whole page compared as
parsed HTML once the CSRF tokens (random masks) are set aside, in Vietnamese and English, for
every sort state, hidden columns, "mine", the first, a middle and the last page, filters in the
query string, saved filters and no result; as the administrator and as a reporter."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import engines
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

from core.models import ListPreference, SavedFilter
from reports import services
from reports.lists import REPORT_LIST
from tests.directory.factories import AgencyFactory
from tests.plans.factories import PlanFactory, ReportingRequirementFactory
from tests.reports.factories import ObligationFactory, ReportingPeriodFactory, build_cycle

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "obligation_list_before.html"
TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


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
    with translation.override(language):
        response = client.get(reverse("reports:obligation_list") + query, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        former = engines["django"].from_string(REFERENCE.read_text(encoding="utf-8")).render(
            response.context_data, response.wsgi_request
        )
    new = response.content.decode()
    return TOKEN.sub(r"\1…", new), TOKEN.sub(r"\1…", former)


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
    optional = REPORT_LIST.optional_keys
    for hidden in ([], ["plan"], ["agency", "status"], ["receiver", "due_date"], optional):
        ListPreference.objects.update_or_create(
            user=admin_user, list_key="reports", defaults={"hidden_columns": hidden, "page_size": 25}
        )
        for query in ["", "?ordering=-status"]:
            new, former = former_and_new(client, query, language)
            assert parse_html(new) == parse_html(former), (hidden, query)
    ListPreference.objects.filter(user=admin_user).delete()
    SavedFilter.objects.create(user=admin_user, list_key="reports", name="Quá hạn <năm> & \"nay\"", query="late=on")
    SavedFilter.objects.create(user=admin_user, list_key="reports", name="Tất cả", query="")
    ObligationFactory.create_batch(100)  # three pages of 50
    pagers = set()
    for query in ["", "?page=2", "?page=3&ordering=-period", "?page=2&status="]:
        new, former = former_and_new(client, query, language)
        assert parse_html(new) == parse_html(former), query
        pagers.add(("«" in new, "»" in new))
    assert pagers == {(False, True), (True, True), (True, False)}
