"""The report list's plan filter as an autocomplete (issue 17): the endpoint lists the plans of
the reports the user reads, never another district's; the filter renders only the chosen option
and still refuses an id outside its queryset."""

import re

import pytest
from django.urls import reverse

from tests.plans.factories import IssuedPlanFactory, ReportingRequirementFactory
from tests.reports.factories import ObligationFactory, ReportingPeriodFactory

pytestmark = pytest.mark.django_db


def _report(plan, agency):
    req = ReportingRequirementFactory(plan=plan, receiver=plan.issuer, reporters=[agency])
    return ObligationFactory(period=ReportingPeriodFactory(requirement=req), agency=agency)


@pytest.fixture
def two_plans(agency_a, agency_b):
    mine = IssuedPlanFactory(issuer=agency_a, title="Kế hoạch Sơn Hà")
    other = IssuedPlanFactory(issuer=agency_b, title="Kế hoạch Ba Tơ")
    _report(mine, agency_a)
    _report(other, agency_b)
    return mine, other


def test_endpoint_lists_the_plans_of_the_users_reports(client_for, reporter_a, two_plans, client):
    mine, other = two_plans
    response = client_for(reporter_a).get(reverse("reports:autocomplete_plans"))
    assert response.status_code == 200
    found = {int(r["value"]) for r in response.json()["results"]}
    assert mine.pk in found and other.pk not in found
    assert client.get(reverse("reports:autocomplete_plans")).status_code == 302


def test_list_renders_only_the_chosen_plan_and_refuses_another(client_for, reporter_a, two_plans):
    mine, other = two_plans
    c = client_for(reporter_a)
    body = c.get(reverse("reports:obligation_list")).content.decode()
    select = re.search(r'<select name="plan".*?</select>', body, re.S).group(0)
    assert select.count("<option") == 1 and 'data-autocomplete="/reports/autocomplete/plans/"' in select
    chosen = c.get(reverse("reports:obligation_list"), {"plan": mine.pk}).content.decode()
    select = re.search(r'<select name="plan".*?</select>', chosen, re.S).group(0)
    assert select.count("<option") == 2 and f'value="{mine.pk}" selected' in select
    refused = c.get(reverse("reports:obligation_list"), {"plan": other.pk}).content.decode()
    assert "Kế hoạch Ba Tơ" not in refused
