"""Submit, approve, return and reopen ask for confirmation (issue 15): the first POST (the
report page's button) or a GET shows what will happen and changes nothing; only the
confirmation page's button (``confirmed=1``) runs the step. Works without JavaScript."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.models import AuditLog
from reports import services
from reports.models import Notification, Obligation, ObligationStatus
from tests.reports.factories import full_data

pytestmark = pytest.mark.django_db


def _url(name, ob):
    return reverse(f"reports:{name}", args=[ob.pk])


@pytest.fixture
def draft(cycle, reporter_a):
    ob = cycle["ob_a"]
    services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=full_data(cycle))
    ob.refresh_from_db()
    return ob


@pytest.fixture
def submitted(draft, reporter_a):
    return services.obligation_submit(obligation=draft, acting_user=reporter_a)


def _status(ob):
    return Obligation.objects.get(pk=ob.pk).status


class TestSubmit:
    def test_post_without_confirmation_changes_nothing(self, client_for, draft, reporter_a, planner):
        """The report page's "Submit" shows the confirmation page: receiver, who is notified, what is locked; still a draft."""
        audits = AuditLog.objects.count()
        with translation.override("vi"):
            response = client_for(reporter_a).post(_url("obligation_submit", draft), HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        page = response.content.decode()
        assert 'id="confirm-summary"' in page and 'name="confirmed"' in page
        assert draft.period.requirement.receiver.name in page
        assert planner.get_full_name() in page  # the reviewer who will be notified
        assert _status(draft) == ObligationStatus.DRAFT
        assert AuditLog.objects.count() == audits and not Notification.objects.filter(user=planner).exists()

    def test_get_shows_the_confirmation_page(self, client_for, draft, reporter_a):
        """A GET (where "Save and submit" leads) shows the same page and changes nothing."""
        response = client_for(reporter_a).get(_url("obligation_submit", draft))
        assert response.status_code == 200 and response.context["action"] == "submit"
        assert _status(draft) == ObligationStatus.DRAFT

    def test_confirmed_post_submits(self, client_for, draft, reporter_a, planner):
        """With confirmed=1 the report is submitted and the reviewer notified."""
        response = client_for(reporter_a).post(_url("obligation_submit", draft), {"confirmed": "1"})
        assert response.status_code == 302
        assert _status(draft) == ObligationStatus.SUBMITTED
        assert Notification.objects.filter(user=planner, obligation=draft).exists()

    def test_incomplete_report_lists_what_blocks_and_disables_confirm(self, client_for, cycle, reporter_a):
        """A report missing its results shows the blocker and a disabled confirm button."""
        ob = cycle["ob_a"]
        data = full_data(cycle, results="")
        services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=0, data=data)
        page = client_for(reporter_a).get(_url("obligation_submit", ob)).content.decode()
        assert 'id="confirm-blockers"' in page
        button = page.split('name="confirmed"')[1].split(">")[0]
        assert "disabled" in button

    def test_reviewer_cannot_open_the_submit_confirmation(self, client_for, draft, planner):
        """The confirmation page is as protected as the step: a reviewer gets 403."""
        assert client_for(planner).get(_url("obligation_submit", draft)).status_code == 403
        assert client_for(planner).post(_url("obligation_submit", draft)).status_code == 403


class TestApprove:
    def test_post_without_confirmation_changes_nothing(self, client_for, submitted, planner, reporter_a):
        """"Approve" shows the page: locked after, the reporter notified; still submitted."""
        with translation.override("vi"):
            response = client_for(planner).post(_url("obligation_approve", submitted), HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200
        page = response.content.decode()
        assert reporter_a.get_full_name() in page and 'id="confirm-effects"' in page
        assert response.context["status_after"] == ObligationStatus.APPROVED
        assert _status(submitted) == ObligationStatus.SUBMITTED

    def test_confirmed_post_approves(self, client_for, submitted, planner):
        client_for(planner).post(_url("obligation_approve", submitted), {"confirmed": "1"})
        assert _status(submitted) == ObligationStatus.APPROVED

    def test_stale_confirmation_page_says_already_approved(self, client_for, submitted, planner):
        """Opening the confirmation of an already approved report goes back to the report with a message."""
        services.obligation_approve(obligation=submitted, acting_user=planner)
        response = client_for(planner).post(_url("obligation_approve", submitted), follow=True)
        assert response.redirect_chain[-1][0] == submitted.get_absolute_url()
        assert [str(m) for m in response.context["messages"]]

    def test_reporter_cannot_open_the_approve_confirmation(self, client_for, submitted, reporter_a):
        assert client_for(reporter_a).get(_url("obligation_approve", submitted)).status_code == 403


class TestReturn:
    def test_post_without_confirmation_keeps_the_reason_and_changes_nothing(self, client_for, cycle, submitted, planner):
        """The reason and ticked fields come back on the confirmation page; the report stays submitted."""
        field = f"target:{cycle['t_sum'].pk}"
        response = client_for(planner).post(_url("obligation_return", submitted), {"reason": "Kiểm tra lại số HTX", "fields": [field]})
        assert response.status_code == 200
        page = response.content.decode()
        assert "Kiểm tra lại số HTX" in page and f'value="{field}"' in page and "checked" in page
        assert _status(submitted) == ObligationStatus.SUBMITTED

    def test_confirmed_post_returns(self, client_for, cycle, submitted, planner):
        field = f"target:{cycle['t_sum'].pk}"
        client_for(planner).post(
            _url("obligation_return", submitted), {"reason": "Kiểm tra lại", "fields": [field], "confirmed": "1"}
        )
        ob = Obligation.objects.get(pk=submitted.pk)
        assert ob.status == ObligationStatus.RETURNED and ob.return_fields == [field]

    def test_empty_reason_is_shown_as_a_form_error(self, client_for, submitted, planner):
        """Without a reason the confirmation page marks the field; nothing changes."""
        response = client_for(planner).post(_url("obligation_return", submitted), {"reason": ""})
        assert response.status_code == 200 and response.context["form"].errors["reason"]
        assert _status(submitted) == ObligationStatus.SUBMITTED


class TestReopen:
    def test_post_without_confirmation_changes_nothing(self, client_for, submitted, planner):
        services.obligation_approve(obligation=submitted, acting_user=planner)
        response = client_for(planner).post(_url("obligation_reopen", submitted), {"reason": "Bổ sung kinh phí"})
        assert response.status_code == 200 and "Bổ sung kinh phí" in response.content.decode()
        assert response.context["status_after"] == ObligationStatus.RETURNED
        assert _status(submitted) == ObligationStatus.APPROVED

    def test_confirmed_post_reopens(self, client_for, submitted, planner):
        services.obligation_approve(obligation=submitted, acting_user=planner)
        client_for(planner).post(_url("obligation_reopen", submitted), {"reason": "Bổ sung kinh phí", "confirmed": "1"})
        ob = Obligation.objects.get(pk=submitted.pk)
        assert ob.status == ObligationStatus.RETURNED and ob.return_reason == "Bổ sung kinh phí"


class TestOwnConsolidation:
    def test_finalise_names_nobody_to_notify(self, client_for, cycle, planner):
        """Finalising the agency's own consolidation: title "Finalise", nobody notified, draft → approved only when confirmed."""
        cons = cycle["cons"]
        services.obligation_save_draft(obligation=cons, acting_user=planner, version=0, data=full_data(cycle))
        response = client_for(planner).post(_url("obligation_approve", cons))
        assert response.status_code == 200
        assert response.context["notified"] == [] and response.context["standalone"]
        assert _status(cons) == ObligationStatus.DRAFT
        client_for(planner).post(_url("obligation_approve", cons), {"confirmed": "1"})
        assert _status(cons) == ObligationStatus.APPROVED


def test_data_window_reads_as_one_vietnamese_phrase(client_for, draft, reporter_a):
    """The confirmation and report pages say "Số liệu từ ngày 15/12/2023 đến ngày 14/03/2024"
    (the project catalogue's "to" = "gửi đến", for recipients, made it "… gửi đến 14/03/2024")."""
    c = client_for(reporter_a)
    with translation.override("vi"):
        for url in (_url("obligation_submit", draft), draft.get_absolute_url(), _url("obligation_edit", draft)):
            page = c.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
            assert "Số liệu từ ngày 15/12/2023 đến ngày 14/03/2024" in page, url
            assert "gửi đến 14/03/2024" not in page
