"""The report workflow through core.transitions: what the loser of a race is told (SQLite; the
real concurrent runs are tests/reports/test_races.py on PostgreSQL)."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import translation

from core.models import AuditLog
from core.transitions import TransitionConflict
from reports import services
from reports.models import ObligationStatus
from tests.directory.factories import UserFactory
from tests.reports.factories import full_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(cycle, reporter_a):
    ob = cycle["ob_a"]
    services.obligation_save_draft(obligation=ob, acting_user=reporter_a, version=ob.version, data=full_data(cycle))
    return services.obligation_submit(obligation=ob, acting_user=reporter_a)


@pytest.fixture
def other_planner(province_agency):
    return UserFactory(username="planner2", first_name="Lan", last_name="Trần", agency=province_agency, is_planner=True)


def test_late_approver_is_told_someone_else_handled_it(submitted, planner, other_planner):
    """The second approval (from a page loaded before the first) is refused: "đã được xử lý bởi người khác"."""
    services.obligation_approve(obligation=submitted, acting_user=other_planner)
    with translation.override("vi"), pytest.raises(TransitionConflict) as exc:
        services.obligation_approve(obligation=submitted, acting_user=planner)
    assert exc.value.code == "already_approved"
    assert "Báo cáo đã được xử lý bởi người khác" in exc.value.messages[0]
    assert "Đã duyệt" in exc.value.messages[0] and "Lan" in exc.value.messages[0]
    assert AuditLog.objects.filter(action="reports.approve").count() == 1


def test_late_return_after_approval_is_refused_with_who_approved(submitted, planner, other_planner):
    """A return from a stale page after the approval leaves the report approved (locked)."""
    services.obligation_approve(obligation=submitted, acting_user=other_planner)
    with translation.override("vi"), pytest.raises(TransitionConflict) as exc:
        services.obligation_return(obligation=submitted, acting_user=planner, reason="Thiếu")
    assert exc.value.code == "locked" and "người khác" in exc.value.messages[0]
    submitted.refresh_from_db()
    assert submitted.status == ObligationStatus.APPROVED and not submitted.return_reason


def test_own_double_click_is_named_as_such(submitted, planner):
    """Approving twice oneself says "Bạn đã xử lý báo cáo này rồi"."""
    services.obligation_approve(obligation=submitted, acting_user=planner)
    with translation.override("vi"), pytest.raises(TransitionConflict) as exc:
        services.obligation_approve(obligation=submitted, acting_user=planner)
    assert exc.value.messages[0].startswith("Bạn đã xử lý báo cáo này rồi")


def test_approve_page_of_the_loser_is_a_message_not_an_error(client_for, submitted, planner, other_planner):
    """The loser's POST redirects back to the report with the message (no 500), and no second e-mail."""
    services.obligation_approve(obligation=submitted, acting_user=other_planner)
    mail.outbox = []
    client = client_for(planner)
    response = client.post(reverse("reports:obligation_approve", args=[submitted.pk]), {"confirmed": "1"},
                           HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 302
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("người khác" in t for t in texts), texts
    assert mail.outbox == []


def test_emails_leave_after_commit_only(submitted, planner, reporter_a, django_capture_on_commit_callbacks):
    """The approval e-mail is registered for after the commit, and sent once."""
    reporter_a.email = "rep@example.vn"
    reporter_a.save()
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.obligation_approve(obligation=submitted, acting_user=planner)
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rep@example.vn"]
