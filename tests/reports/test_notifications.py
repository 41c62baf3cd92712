"""Notifications resolve themselves when what they ask for is done, and show the state of
their report and their real time (issue 18)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import Notification, NotificationAsk, ReminderKind
from tests.reports.factories import full_data


def _submit(cycle, ob, reporter):
    services.obligation_save_draft(obligation=ob, acting_user=reporter, version=ob.version, data=full_data(cycle))
    ob.refresh_from_db()
    return services.obligation_submit(obligation=ob, acting_user=reporter)


def _review_note(planner, ob):
    return Notification.objects.get(user=planner, obligation=ob, asks=NotificationAsk.REVIEW)


@pytest.mark.django_db
class TestResolution:
    def test_review_request_resolved_by_approval(self, cycle, reporter_a, planner):
        """"Please review" becomes resolved and read once the report is approved; the count drops."""
        ob = _submit(cycle, cycle["ob_a"], reporter_a)
        note = _review_note(planner, ob)
        assert note.resolved_at is None and note.read_at is None
        services.obligation_approve(obligation=ob, acting_user=planner)
        note.refresh_from_db()
        assert note.resolved_at is not None and note.read_at == note.resolved_at
        assert not Notification.objects.filter(user=planner, read_at__isnull=True).exists()

    def test_review_request_resolved_by_return_and_new_one_on_resubmit(self, cycle, reporter_a, planner):
        """Returning resolves the review request; the reporter's "correct it" is resolved by the
        resubmission, which asks the reviewer again (a new open notification)."""
        ob = _submit(cycle, cycle["ob_a"], reporter_a)
        first = _review_note(planner, ob)
        services.obligation_return(obligation=ob, acting_user=planner, reason="Thiếu số liệu")
        first.refresh_from_db()
        assert first.resolved_at is not None
        correct = Notification.objects.get(user=reporter_a, obligation=ob, asks=NotificationAsk.SUBMIT)
        assert correct.resolved_at is None
        ob.refresh_from_db()
        services.obligation_submit(obligation=ob, acting_user=reporter_a)
        correct.refresh_from_db()
        assert correct.resolved_at is not None and correct.read_at is not None
        open_reviews = Notification.objects.filter(user=planner, obligation=ob, asks=NotificationAsk.REVIEW, resolved_at__isnull=True)
        assert open_reviews.count() == 1

    def test_reminder_resolved_by_submission_but_not_other_reports(self, cycle, reporter_a, reporter_b, planner):
        """A reminder to submit is resolved by that report's submission only."""
        services.reminder_send(obligation=cycle["ob_a"], kind=ReminderKind.BEFORE)
        services.reminder_send(obligation=cycle["ob_b"], kind=ReminderKind.BEFORE)
        _submit(cycle, cycle["ob_a"], reporter_a)
        assert Notification.objects.get(user=reporter_a, obligation=cycle["ob_a"]).resolved_at is not None
        assert Notification.objects.get(user=reporter_b, obligation=cycle["ob_b"]).resolved_at is None

    def test_information_only_notification_is_not_resolved(self, cycle, reporter_a, planner):
        """"Report approved" asks nothing: it stays unread until the reporter reads it."""
        ob = _submit(cycle, cycle["ob_a"], reporter_a)
        services.obligation_approve(obligation=ob, acting_user=planner)
        note = Notification.objects.get(user=reporter_a, obligation=ob, asks="")
        assert note.read_at is None and note.resolved_at is None

    def test_failed_approval_resolves_nothing(self, cycle, reporter_a, planner):
        """The resolution is in the approval's transaction: a refused approval leaves it open."""
        ob = _submit(cycle, cycle["ob_a"], reporter_a)
        with pytest.raises(ValidationError):
            services.obligation_approve(obligation=ob, acting_user=reporter_a)
        assert _review_note(planner, ob).resolved_at is None


@pytest.mark.django_db
def test_notification_centre_shows_state_and_time(client_for, cycle, reporter_a, planner):
    """The list shows each report's current state, "done" for resolved ones, and the time."""
    ob = _submit(cycle, cycle["ob_a"], reporter_a)
    services.obligation_approve(obligation=ob, acting_user=planner)
    note = _review_note(planner, ob)
    page = client_for(planner).get(reverse("reports:notification_list")).content.decode()
    assert "Báo cáo hiện ở trạng thái:" in page and "Đã duyệt" in page
    assert "data-resolved" in page and "Đã xong" in page
    assert timezone.localtime(note.created).strftime("%H:%M %d/%m/%Y") in page
    assert client_for(planner).get(reverse("reports:notification_list")).context["unread_notifications"] == 0


@pytest.mark.django_db
def test_weight_is_explained_on_the_report_form(client_for, cycle, reporter_a):
    """"Trọng số" under a percentage target says what it is (issue 18); it is not pre-filled:
    the first period has no last weight to show, and the field is empty."""
    page = client_for(reporter_a).get(reverse("reports:obligation_edit", args=[cycle["ob_a"].pk]), HTTP_ACCEPT_LANGUAGE="vi")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("data-weight-help") == 1  # one weighted-average target in the cycle
    assert "Trọng số: số đơn vị làm cơ sở tính tỷ lệ %" in html and "chép từ kỳ trước" not in html
    field = re.search(rf'<input[^>]*name="weight_{cycle["t_avg"].pk}"[^>]*>', html).group(0)
    assert "value=" not in field and "data-weight-last" not in html


@pytest.mark.django_db
def test_mark_read_ignores_odd_ids(client_for, cycle, reporter_a, planner):
    """``id=²`` (a digit to ``str.isdigit`` that ``int`` refuses) was a 500 on marking notifications read;
    odd ids are ignored, the good ones marked."""
    ob = _submit(cycle, cycle["ob_a"], reporter_a)
    note = _review_note(planner, ob)
    response = client_for(planner).post(reverse("reports:notification_list"), {"id": ["²", "x", str(10**23), str(note.pk)]})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.read_at is not None
