"""Creating a plan is scoped like editing one (issue 12): the plan form, its autocomplete and the
plan import offer, and accept, only issuers whose plans the planner then writes — the planner's
agency, an agency it succeeded, its governing body (Sở Tài chính drafts for UBND tỉnh) — never
any other agency of the same province."""

import pytest
from django.urls import reverse
from django.utils import translation

from plans.forms import plan_form_bundle
from plans.models import Plan
from plans.selectors import issuers_for, plan_can_edit
from tests.directory.factories import AgencyFactory, UserFactory
from tests.plans.helpers import plan_post

pytestmark = pytest.mark.django_db

VI_NOT_AVAILABLE = "Lựa chọn này không dành cho bạn. Hãy chọn một mục trong danh sách."
HEADER = {
    "symbol": "KH-UBND",
    "title": "Kế hoạch phát triển kinh tế tập thể năm 2026",
    "kind": "annual",
    "period_start": "01/01/2026",
    "period_end": "31/12/2026",
}


@pytest.fixture
def ubnd_tinh(province):
    return AgencyFactory(name="Ủy ban nhân dân tỉnh Quảng Ngãi", short_name="UBND", kind="ubnd", unit=province)


@pytest.fixture
def so_tai_chinh(province, ubnd_tinh):
    return AgencyFactory(name="Sở Tài chính tỉnh Quảng Ngãi", short_name="STC", kind="so", unit=province, parent=ubnd_tinh)


@pytest.fixture
def so_planner(so_tai_chinh):
    return UserFactory(username="stc_planner", agency=so_tai_chinh, is_planner=True)


def _post(client, issuer):
    return client.post(reverse("plans:plan_create"), plan_post({"issuer": issuer.pk, **HEADER}))


def test_a_planner_cannot_create_a_plan_for_an_unrelated_issuer_of_the_province(client_for, planner, agency_a):
    """The provincial Liên minh HTX planner and Phòng TC-KH huyện Sơn Hà share the province, but
    the Phòng's plans are not the Liên minh's to write: the form refuses, nothing is saved."""
    assert not plan_can_edit(planner, Plan(issuer=agency_a))
    with translation.override("vi"):
        response = _post(client_for(planner), agency_a)
        assert response.status_code == 200
        assert VI_NOT_AVAILABLE in response.context["bundle"].form.errors["issuer"]
    assert not Plan.objects.exists()


def test_a_planner_creates_plans_for_the_own_agency(client_for, planner, province_agency):
    response = _post(client_for(planner), province_agency)
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.issuer == province_agency and plan_can_edit(planner, plan)


def test_the_finance_department_creates_plans_for_the_peoples_committee(client_for, so_planner, ubnd_tinh, province_agency):
    """Sở Tài chính drafts UBND tỉnh's plans (its governing body), but not the Liên minh HTX's."""
    assert set(issuers_for(so_planner)) == {so_planner.agency, ubnd_tinh}
    client = client_for(so_planner)
    with translation.override("vi"):
        refused = _post(client, province_agency)
        assert VI_NOT_AVAILABLE in refused.context["bundle"].form.errors["issuer"]
    assert not Plan.objects.exists()
    assert _post(client, ubnd_tinh).status_code == 302
    plan = Plan.objects.get()
    assert plan.issuer == ubnd_tinh and plan_can_edit(so_planner, plan)


def test_the_peoples_committee_is_not_offered_to_an_unrelated_planner(planner, ubnd_tinh, so_tai_chinh):
    """The Liên minh HTX is not governed by UBND tỉnh in the directory: neither it nor the Sở
    is offered, in the select or its autocomplete."""
    offered = set(plan_form_bundle(user=planner).form.fields["issuer"].queryset)
    assert offered == {planner.agency}


def test_the_issuer_autocomplete_offers_the_same_issuers(client_for, so_planner, ubnd_tinh, province_agency, agency_a):
    response = client_for(so_planner).get(reverse("plans:autocomplete_issuers"))
    found = {int(r["value"]) for r in response.json()["results"]}
    assert found == {so_planner.agency_id, ubnd_tinh.pk}


def test_a_successor_creates_plans_for_the_body_it_took_over(district_a, agency_a):
    """A successor enters the plans of the agency it took over (dated before the takeover)."""
    successor = AgencyFactory(name="Ủy ban nhân dân xã Sơn Hà", unit=district_a)
    agency_a.successor = successor
    agency_a.save()
    user = UserFactory(username="xa_sonha", agency=successor, is_planner=True)
    assert set(issuers_for(user)) == {successor, agency_a}


def test_an_admin_may_choose_any_issuer(admin_user, agency_a, agency_b, province_agency):
    assert {agency_a, agency_b, province_agency} <= set(issuers_for(admin_user))
