"""The data cut-off (issue 15): a report is submitted and approved from its period's data
cut-off on (the plan's requirement may allow it earlier), and its form opens when the
period begins. Time is frozen by replacing ``django.utils.timezone.now``."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from reports import periods, services
from reports.models import Obligation, ObligationStatus
from tests.reports.factories import full_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def q4(cycle, agency_a):
    """Quý IV/2025 of the shared cycle: data cut-off 14/12/2025, deadline 25/12/2025."""
    ob = Obligation.objects.get(period__requirement=cycle["req"], period__label="Quý IV/2025", agency=agency_a, kind="submission")
    assert (ob.period.cutoff_end, ob.period.due_date) == (datetime.date(2025, 12, 14), datetime.date(2025, 12, 25))
    return ob


def _fill(cycle, ob, user):
    services.obligation_save_draft(obligation=ob, acting_user=user, version=None, data=full_data(cycle))
    ob.refresh_from_db()
    return ob


class TestSubmissionOpens:
    def test_from_the_cutoff(self):
        """Without early submission a report opens for submission on its data cut-off."""
        assert periods.submission_opens(
            period_start=datetime.date(2025, 10, 1), cutoff_end=datetime.date(2025, 12, 14)
        ) == datetime.date(2025, 12, 14)

    def test_earlier_when_allowed_never_before_the_period(self):
        """Early days move the day earlier, but never before the period begins."""
        start, cutoff = datetime.date(2025, 10, 1), datetime.date(2025, 12, 14)
        assert periods.submission_opens(period_start=start, cutoff_end=cutoff, early_days=10) == datetime.date(2025, 12, 4)
        assert periods.submission_opens(period_start=start, cutoff_end=cutoff, early_days=300) == start


class TestObservedCase:
    def test_case_q4_submitted_on_06_12_before_the_14_12_cutoff_is_refused(self, cycle, q4, reporter_a, freeze):
        """Observed: a Q4 report submitted on 06/12 before its 14/12 cut-off. Now refused, in Vietnamese; nothing changes."""
        freeze(datetime.date(2025, 12, 6))
        ob = _fill(cycle, q4, reporter_a)
        with translation.override("vi"), pytest.raises(services.ValidationError) as exc:
            services.obligation_submit(obligation=ob, acting_user=reporter_a)
        assert exc.value.code == "before_cutoff"
        assert "14/12/2025" in exc.value.messages[0] and "chỉ được gửi từ ngày" in exc.value.messages[0]
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.DRAFT and ob.submitted_at is None

    def test_submit_on_the_cutoff_day_is_accepted(self, cycle, q4, reporter_a, freeze):
        """On the cut-off day itself the report can be submitted."""
        freeze(datetime.date(2025, 12, 14))
        ob = _fill(cycle, q4, reporter_a)
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.SUBMITTED

    def test_case_q4_approved_on_06_12_is_refused(self, cycle, q4, reporter_a, planner, freeze):
        """Observed: the same report approved on 06/12. A report already submitted (before the rule) cannot be approved before 14/12."""
        freeze(datetime.date(2025, 12, 6))
        ob = _fill(cycle, q4, reporter_a)
        Obligation.objects.filter(pk=ob.pk).update(status=ObligationStatus.SUBMITTED, submitted_by=reporter_a,
                                                    submitted_at=timezone.now())
        with translation.override("vi"), pytest.raises(services.ValidationError) as exc:
            services.obligation_approve(obligation=ob, acting_user=planner)
        assert exc.value.code == "before_cutoff" and "chỉ được duyệt từ ngày 14/12/2025" in exc.value.messages[0]
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.SUBMITTED
        freeze(datetime.date(2025, 12, 15))
        services.obligation_approve(obligation=ob, acting_user=planner)
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.APPROVED

    def test_own_consolidation_is_not_finalised_before_the_cutoff(self, cycle, planner, freeze):
        """The receiving agency's own consolidation is not finalised before the cut-off either."""
        cons = Obligation.objects.get(period__requirement=cycle["req"], period__label="Quý IV/2025", kind="consolidation")
        freeze(datetime.date(2025, 12, 6))
        services.obligation_save_draft(obligation=cons, acting_user=planner, version=None, data=full_data(cycle))
        with pytest.raises(services.ValidationError) as exc:
            services.obligation_approve(obligation=cons, acting_user=planner)
        assert exc.value.code == "before_cutoff"
        cons.refresh_from_db()
        assert cons.status == ObligationStatus.DRAFT


class TestPlanAllowsEarlier:
    def test_early_submission_days(self, cycle, q4, reporter_a, planner, freeze):
        """A requirement allowing 10 days early opens submission (and approval) on 04/12, not on 03/12."""
        cycle["req"].early_submission_days = 10
        cycle["req"].save()
        freeze(datetime.date(2025, 12, 3))
        ob = _fill(cycle, q4, reporter_a)
        with pytest.raises(services.ValidationError) as exc:
            services.obligation_submit(obligation=ob, acting_user=reporter_a)
        assert exc.value.code == "before_cutoff" and "04/12/2025" in exc.value.messages[0]
        freeze(datetime.date(2025, 12, 6))
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        services.obligation_approve(obligation=ob, acting_user=planner)
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.APPROVED


class TestFormOpensWithItsPeriod:
    def test_next_quarter_cannot_be_saved_before_it_begins(self, cycle, q4, reporter_a, freeze):
        """On 20/09/2025 the Q4 form is not open: a save is refused (code not_open) and nothing is written."""
        freeze(datetime.date(2025, 9, 20))
        with translation.override("vi"), pytest.raises(services.ValidationError) as exc:
            services.obligation_save_draft(obligation=q4, acting_user=reporter_a, version=None, data=full_data(cycle))
        assert exc.value.code == "not_open" and "01/10/2025" in exc.value.messages[0]
        q4.refresh_from_db()
        assert q4.status == ObligationStatus.NOT_STARTED and not q4.values.exists()

    def test_edit_page_before_the_period_redirects_with_a_message(self, client_for, q4, reporter_a, freeze):
        """The form page of a period not yet begun sends the reporter back to the report, saying when it opens."""
        freeze(datetime.date(2025, 9, 20))
        response = client_for(reporter_a).get(reverse("reports:obligation_edit", args=[q4.pk]), HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 302 and response.url == q4.get_absolute_url()
        texts = [str(m) for m in get_messages(response.wsgi_request)]
        assert any("01/10/2025" in t for t in texts), texts

    def test_detail_page_hides_fill_in_and_submit_before_the_period(self, client_for, q4, reporter_a, freeze):
        """The report page offers neither "Fill in" nor "Submit" before its period begins, and says when it opens."""
        freeze(datetime.date(2025, 9, 20))
        page = client_for(reporter_a).get(q4.get_absolute_url()).content.decode()
        assert reverse("reports:obligation_edit", args=[q4.pk]) not in page
        assert reverse("reports:obligation_submit", args=[q4.pk]) not in page
        assert 'id="period-not-open"' in page


class TestButtons:
    def test_submit_button_disabled_before_the_cutoff(self, cycle, client_for, q4, reporter_a, freeze):
        """Before the cut-off the submit button is disabled and the page names the day it opens."""
        freeze(datetime.date(2025, 12, 6))
        _fill(cycle, q4, reporter_a)
        page = client_for(reporter_a).get(q4.get_absolute_url()).content.decode()
        assert 'id="before-cutoff"' in page and "14/12/2025" in page
        submit_form = page.split(reverse("reports:obligation_submit", args=[q4.pk]))[1].split("</form>")[0]
        assert "disabled" in submit_form
        edit = client_for(reporter_a).get(reverse("reports:obligation_edit", args=[q4.pk])).content.decode()
        assert 'name="submit"' not in edit and 'id="before-cutoff"' in edit

    def test_submit_button_enabled_from_the_cutoff(self, cycle, client_for, q4, reporter_a, freeze):
        """From the cut-off day the submit button is active on both pages."""
        freeze(datetime.date(2025, 12, 14))
        _fill(cycle, q4, reporter_a)
        page = client_for(reporter_a).get(q4.get_absolute_url()).content.decode()
        submit_form = page.split(reverse("reports:obligation_submit", args=[q4.pk]))[1].split("</form>")[0]
        assert "disabled" not in submit_form and 'id="before-cutoff"' not in page
        edit = client_for(reporter_a).get(reverse("reports:obligation_edit", args=[q4.pk])).content.decode()
        assert 'name="submit"' in edit

    def test_approve_button_disabled_before_the_cutoff(self, cycle, client_for, q4, reporter_a, planner, freeze):
        """A reviewer sees the approve button disabled before the cut-off."""
        freeze(datetime.date(2025, 12, 6))
        _fill(cycle, q4, reporter_a)
        Obligation.objects.filter(pk=q4.pk).update(status=ObligationStatus.SUBMITTED, submitted_by=reporter_a)
        page = client_for(planner).get(q4.get_absolute_url()).content.decode()
        approve_form = page.split(reverse("reports:obligation_approve", args=[q4.pk]))[1].split("</form>")[0]
        assert "disabled" in approve_form


class TestConfirmationPage:
    def test_confirmation_before_the_cutoff_names_it_and_disables_confirm(self, cycle, client_for, q4, reporter_a, freeze):
        """The submit confirmation on 06/12 lists the cut-off as what blocks it; its confirm button is disabled."""
        freeze(datetime.date(2025, 12, 6))
        _fill(cycle, q4, reporter_a)
        with translation.override("vi"):
            page = client_for(reporter_a).get(
                reverse("reports:obligation_submit", args=[q4.pk]), HTTP_ACCEPT_LANGUAGE="vi"
            ).content.decode()
        blockers = page.split('id="confirm-blockers"')[1].split("</div>")[0]
        assert "14/12/2025" in blockers
        assert "disabled" in page.split('name="confirmed"')[1].split(">")[0]

    def test_save_and_submit_before_the_cutoff_stays_on_the_form(self, cycle, client_for, q4, reporter_a, freeze):
        """"Save and submit" posted before the cut-off (a stale page) saves the draft and says why it was not submitted."""
        freeze(datetime.date(2025, 12, 6))
        ob = _fill(cycle, q4, reporter_a)
        data = {
            "version": ob.version,
            f"value_{cycle['t_sum'].pk}": "12",
            f"value_{cycle['t_avg'].pk}": "55,5",
            f"weight_{cycle['t_avg'].pk}": "3",
            f"task_status_{cycle['task'].pk}": "in_progress",
            f"task_account_{cycle['task'].pk}": "",
            f"spent_{cycle['line'].pk}": "",
            "results": "Thành lập mới 01 HTX",
            "submit": "1",
        }
        response = client_for(reporter_a).post(reverse("reports:obligation_edit", args=[ob.pk]), data,
                                               HTTP_ACCEPT_LANGUAGE="vi", follow=True)
        assert any("14/12/2025" in str(m) for m in response.context["messages"])
        ob.refresh_from_db()
        assert ob.status == ObligationStatus.DRAFT and ob.values.get(target=cycle["t_sum"]).value == 12


def test_plan_page_states_the_submission_rule(client_for, cycle, planner):
    """The plan's reporting requirements say from when reports may be submitted."""
    url = cycle["plan"].get_absolute_url()
    with translation.override("vi"):
        page = client_for(planner).get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Gửi từ ngày chốt số liệu" in page
    cycle["req"].early_submission_days = 10
    cycle["req"].save()
    with translation.override("vi"):
        page = client_for(planner).get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Được gửi sớm tối đa 10 ngày trước ngày chốt số liệu" in page
