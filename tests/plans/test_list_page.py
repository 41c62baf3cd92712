"""The plan list page with its header, pager and list tools bar written in Python
(``plans.lists.plan_head_html``, ``core.listhtml``, issue 17) is the page the former template wrote (kept in
``reference/plan_list_before.html``): the whole page compared as parsed HTML once the CSRF
tokens (random masks) are set aside, in Vietnamese and English, for every sort state, hidden
columns, the first, a middle and the last page, filters in the query string, saved filters and
no result."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import engines
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

from plans.lists import PLAN_LIST
from tests.directory.factories import AgencyFactory
from tests.plans.factories import IssuedPlanFactory, PlanFactory

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "plan_list_before.html"
TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


@pytest.fixture
def plans(db):
    issuer = AgencyFactory(name="UBND <tỉnh> & \"Quảng Ngãi\"")
    for i in range(7):
        IssuedPlanFactory(issuer=issuer, title=f"Kế hoạch {i} hợp tác xã", period_start=datetime.date(2021 + i % 3, 1, 1),
                          period_end=datetime.date(2025, 12, 31), issue_date=datetime.date(2020, 1 + i, 2))
    PlanFactory(issuer=issuer, in_force=True, title="Dự thảo hợp tác xã")


def former_and_new(client, query, language):
    with translation.override(language):
        response = client.get(reverse("plans:plan_list") + query, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        context = response.context_data
        former = engines["django"].from_string(REFERENCE.read_text(encoding="utf-8")).render(context, response.wsgi_request)
    new = response.content.decode()
    return TOKEN.sub(r"\1…", new), TOKEN.sub(r"\1…", former)


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
    from core.models import ListPreference

    client = client_for(admin_user)
    optional = PLAN_LIST.optional_keys
    for hidden in ([], ["number"], ["issuer", "status"], optional):
        ListPreference.objects.update_or_create(
            user=admin_user, list_key="plans", defaults={"hidden_columns": hidden, "page_size": 25}
        )
        for query in ["", "?ordering=title"]:
            new, former = former_and_new(client, query, language)
            assert parse_html(new) == parse_html(former), (hidden, query)
    ListPreference.objects.filter(user=admin_user).delete()
    from core.models import SavedFilter

    SavedFilter.objects.create(user=admin_user, list_key="plans", name="Quá hạn <năm> & \"nay\"", query="status=issued")
    SavedFilter.objects.create(user=admin_user, list_key="plans", name="Đã ban hành", query="")
    PlanFactory.create_batch(60)  # three pages of 25
    pagers = set()
    for query in ["", "?page=2", "?page=3&ordering=-title", "?page=2&q=&status=draft"]:
        new, former = former_and_new(client, query, language)
        assert parse_html(new) == parse_html(former), query
        pagers.add(("«" in new, "»" in new))
    assert pagers == {(False, True), (True, True), (True, False)}
