"""Issue 11, "two users editing the same draft plan or registry organisation from stale forms":
the second save is refused with both versions shown, never a silent overwrite."""

import pytest
from django.urls import reverse
from django.utils import translation

from cooperatives import services as coop_services
from cooperatives.models import Organisation
from core.models import AuditLog
from core.transitions import StaleEdit
from plans import services
from plans.models import Plan
from tests.cooperatives.factories import OrganisationFactory, sector
from tests.plans.factories import PlanFactory, PlanTargetFactory
from tests.plans.helpers import page_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(agency_a):
    plan = PlanFactory(issuer=agency_a, title="Kế hoạch gốc")
    PlanTargetFactory(plan=plan, milestone_year=2024, description="HTX hoạt động hiệu quả")
    return plan


@pytest.fixture
def second_planner_a(agency_a):
    from tests.directory.factories import UserFactory

    return UserFactory(username="planner_a2", first_name="Minh", last_name="Lê", agency=agency_a, is_planner=True)


def _url(plan):
    return reverse("plans:plan_update", args=[plan.pk])


class TestPlanStaleForms:
    def test_case_second_stale_plan_form_is_refused_with_both_versions(self, client_for, planner_a, second_planner_a, draft):
        """Two planners open the same draft; the first saves; the second's save is refused (409) showing both titles."""
        first, second = client_for(planner_a), client_for(second_planner_a)
        form_1 = page_form_data(first, _url(draft), "targets-TOTAL_FORMS")
        form_2 = page_form_data(second, _url(draft), "targets-TOTAL_FORMS")
        form_1["title"] = "Tiêu đề của người thứ nhất"
        assert first.post(_url(draft), form_1).status_code == 302
        form_2["title"] = "Tiêu đề của người thứ hai"
        with translation.override("vi"):
            response = second.post(_url(draft), form_2, HTTP_ACCEPT_LANGUAGE="vi")
        body = response.content.decode()
        assert response.status_code == 409
        assert "Không có gì được lưu" in body
        assert "Tiêu đề của người thứ nhất" in body and "Tiêu đề của người thứ hai" in body
        draft.refresh_from_db()
        assert draft.title == "Tiêu đề của người thứ nhất"
        assert AuditLog.objects.filter(action="plan.update").count() == 1

    def test_saving_again_after_the_conflict_is_deliberate(self, client_for, planner_a, second_planner_a, draft):
        """The conflict page carries the saved version: saving it again replaces the first save, knowingly."""
        first, second = client_for(planner_a), client_for(second_planner_a)
        form_1 = page_form_data(first, _url(draft), "targets-TOTAL_FORMS")
        form_2 = page_form_data(second, _url(draft), "targets-TOTAL_FORMS")
        form_1["title"] = "Một"
        first.post(_url(draft), form_1)
        form_2["title"] = "Hai"
        conflict = second.post(_url(draft), form_2)
        assert conflict.status_code == 409
        form_3 = page_form_data(second, _url(draft), "targets-TOTAL_FORMS")  # reload, as the message says
        form_3["title"] = "Hai"
        assert second.post(_url(draft), form_3).status_code == 302
        draft.refresh_from_db()
        assert draft.title == "Hai"

    def test_service_refuses_a_stale_version(self, planner_a, draft):
        """plan_update with the version the form was opened on: stale → StaleEdit, nothing written."""
        opened = draft.version
        services.plan_update(plan=draft, acting_user=planner_a, data={"title": "Một"}, version=opened)
        with pytest.raises(StaleEdit) as exc:
            services.plan_update(plan=draft, acting_user=planner_a, data={"title": "Hai"}, version=opened)
        assert exc.value.code == "stale" and exc.value.current.version == opened + 1
        assert Plan.objects.get(pk=draft.pk).title == "Một"

    def test_workflow_steps_also_make_old_forms_stale(self, planner_a, draft):
        """Issuing (or any save through the services) moves the version on."""
        before = Plan.objects.get(pk=draft.pk).version
        services.plan_update(plan=draft, acting_user=planner_a, data={"title": "Một"})
        assert Plan.objects.get(pk=draft.pk).version == before + 1


@pytest.fixture
def org_a(commune_a):
    return OrganisationFactory(name="HTX Nông nghiệp Sơn Hạ", commune=commune_a, registration_code="4300100001",
                               sectors=[sector("nong-nghiep")])


def _org_url(org):
    return reverse("cooperatives:organisation_update", args=[org.pk])


class TestOrganisationStaleForms:
    def test_case_second_stale_organisation_form_is_refused_with_both_versions(
        self, client_for, planner_a, second_planner_a, org_a
    ):
        """Two editors open the same organisation; the second save is refused (409) with both names shown."""
        first, second = client_for(planner_a), client_for(second_planner_a)
        form_1 = page_form_data(first, _org_url(org_a), "name")
        form_2 = page_form_data(second, _org_url(org_a), "name")
        form_1["name"] = "HTX Sơn Hạ (người thứ nhất)"
        assert first.post(_org_url(org_a), form_1).status_code == 302
        form_2["name"] = "HTX Sơn Hạ (người thứ hai)"
        form_2["address"] = "Thôn 2"
        with translation.override("vi"):
            response = second.post(_org_url(org_a), form_2, HTTP_ACCEPT_LANGUAGE="vi")
        body = response.content.decode()
        assert response.status_code == 409
        assert "HTX Sơn Hạ (người thứ nhất)" in body and "HTX Sơn Hạ (người thứ hai)" in body
        assert "Không có gì được lưu" in body
        org_a.refresh_from_db()
        assert org_a.name == "HTX Sơn Hạ (người thứ nhất)" and org_a.address != "Thôn 2"
        assert AuditLog.objects.filter(action="organisation.update").count() == 1

    def test_dissolving_makes_an_open_edit_form_stale(self, client_for, planner_a, org_a):
        """An edit form opened before a dissolution cannot bring the organisation back to active."""
        client = client_for(planner_a)
        form = page_form_data(client, _org_url(org_a), "name")
        import datetime

        coop_services.organisation_dissolve(organisation=org_a, acting_user=planner_a, dissolved=datetime.date(2025, 7, 1))
        response = client.post(_org_url(org_a), form)
        assert response.status_code == 409
        assert Organisation.objects.get(pk=org_a.pk).status == "dissolved"
