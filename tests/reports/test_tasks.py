"""Reminders and escalation: exactly once per obligation, kind and day (Celery eager)."""

import datetime

import pytest
from django.core.management import call_command

from plans.models import PlanStatus
from reports import services, tasks
from reports.models import Notification, Obligation, ObligationStatus, ReminderKind, ReminderLog
from tests.reports.factories import full_data


@pytest.fixture
def exec_commits(django_capture_on_commit_callbacks):
    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


class TestReminderSend:
    def test_exactly_once_per_day(self, cycle, reporter_a, mailoutbox, exec_commits):
        """Two calls the same day: one log row, one notification, one e-mail; another day sends again."""
        ob = cycle["ob_a"]
        day = datetime.date(2024, 3, 18)
        assert exec_commits(services.reminder_send, obligation=ob, kind=ReminderKind.BEFORE, day=day) is True
        assert exec_commits(services.reminder_send, obligation=ob, kind=ReminderKind.BEFORE, day=day) is False
        assert ReminderLog.objects.filter(obligation=ob).count() == 1
        assert Notification.objects.filter(user=reporter_a).count() == 1
        assert len(mailoutbox) == 1 and mailoutbox[0].to == [reporter_a.email]
        assert "25/03/2024" in mailoutbox[0].body
        assert exec_commits(services.reminder_send, obligation=ob, kind=ReminderKind.BEFORE, day=day + datetime.timedelta(days=1))
        assert len(mailoutbox) == 2

    def test_overdue_copies_the_reviewer(self, cycle, reporter_a, planner, mailoutbox, exec_commits):
        exec_commits(services.reminder_send, obligation=cycle["ob_a"], kind=ReminderKind.OVERDUE, day=datetime.date(2024, 3, 26))
        assert mailoutbox[0].to == [reporter_a.email] and mailoutbox[0].cc == [planner.email]
        assert Notification.objects.filter(user=planner).count() == 1
        cycle["ob_a"].refresh_from_db()
        assert cycle["ob_a"].escalation_rounds == 1

    def test_manual_reminder_is_audited(self, cycle, planner, exec_commits):
        from core.models import AuditLog

        assert exec_commits(services.reminder_send, obligation=cycle["ob_a"], kind="manual", acting_user=planner)
        assert not exec_commits(services.reminder_send, obligation=cycle["ob_a"], kind="manual", acting_user=planner)
        assert AuditLog.objects.filter(action="reports.remind").count() == 1


class TestDailyTasks:
    def test_before_due_and_on_the_day(self, cycle, reporter_a, reporter_b, mailoutbox, exec_commits):
        """7, 3 and 1 days before and on the day; the task twice the same day sends once."""
        for day in ("2024-03-18", "2024-03-18"):
            exec_commits(lambda d=day: tasks.send_deadline_reminders.delay(d).get())
        q1 = [cycle["ob_a"].pk, cycle["ob_b"].pk]
        assert ReminderLog.objects.filter(obligation_id__in=q1, kind=ReminderKind.BEFORE).count() == 2
        assert len(mailoutbox) == 2
        tasks.send_deadline_reminders("2024-03-20")  # 5 days before: not an offset
        assert ReminderLog.objects.filter(obligation_id__in=q1).count() == 2
        tasks.send_deadline_reminders("2024-03-25")
        assert ReminderLog.objects.filter(obligation_id__in=q1, kind=ReminderKind.DUE_TODAY).count() == 2

    def test_submitted_reports_get_no_deadline_reminder(self, cycle, reporter_a):
        services.obligation_save_draft(obligation=cycle["ob_a"], acting_user=reporter_a, version=0, data=full_data(cycle))
        services.obligation_submit(obligation=cycle["ob_a"], acting_user=reporter_a)
        tasks.send_deadline_reminders("2024-03-24")
        assert not ReminderLog.objects.filter(obligation=cycle["ob_a"]).exists()
        assert ReminderLog.objects.filter(obligation=cycle["ob_b"]).exists()

    def test_configurable_offsets(self, cycle):
        cycle["req"].reminder_offsets = "10"
        cycle["req"].save()
        tasks.send_deadline_reminders("2024-03-18")
        assert not ReminderLog.objects.exists()
        tasks.send_deadline_reminders("2024-03-15")
        assert ReminderLog.objects.filter(kind=ReminderKind.BEFORE).count() == 2

    def test_overdue_every_three_days_until_max_rounds(self, cycle, settings):
        """Overdue: day 1, 4, 7 …; no more after ESCALATION_MAX_ROUNDS."""
        settings.ESCALATION_MAX_ROUNDS = 2
        ob = cycle["ob_a"]
        sent_days = []
        for offset in range(1, 12):
            day = datetime.date(2024, 3, 25) + datetime.timedelta(days=offset)
            tasks.escalate_overdue(day.isoformat())
            tasks.escalate_overdue(day.isoformat())
            if ReminderLog.objects.filter(obligation=ob, kind=ReminderKind.OVERDUE, day=day).exists():
                sent_days.append(offset)
        assert sent_days == [1, 4]
        ob.refresh_from_db()
        assert ob.escalation_rounds == 2

    def test_closed_or_ended_plans_are_silent(self, cycle):
        """A closed plan gets no reminders; a plan ended long ago neither."""
        plan = cycle["plan"]
        plan.status = PlanStatus.CLOSED
        plan.save()
        tasks.send_deadline_reminders("2024-03-18")
        tasks.escalate_overdue("2024-03-26")
        assert not ReminderLog.objects.exists()
        plan.status = PlanStatus.ISSUED
        plan.save()
        tasks.escalate_overdue("2026-06-01")  # the plan ended on 31/12/2025
        assert not ReminderLog.objects.exists()

    def test_returned_and_waiting_review(self, cycle, reporter_a, planner):
        """A returned report is reminded 3 days after the return; a submission waiting > 3 days reminds the reviewer."""
        from django.utils import timezone

        today = timezone.localdate()
        cycle["plan"].period_end = today + datetime.timedelta(days=365)
        cycle["plan"].save()
        services.obligation_save_draft(obligation=cycle["ob_a"], acting_user=reporter_a, version=0, data=full_data(cycle))
        ob = services.obligation_submit(obligation=cycle["ob_a"], acting_user=reporter_a)
        tasks.send_deadline_reminders(today.isoformat())
        assert not ReminderLog.objects.filter(kind=ReminderKind.REVIEW_WAITING).exists()
        tasks.send_deadline_reminders((today + datetime.timedelta(days=3)).isoformat())
        assert not ReminderLog.objects.filter(kind=ReminderKind.REVIEW_WAITING).exists()
        tasks.send_deadline_reminders((today + datetime.timedelta(days=4)).isoformat())
        log = ReminderLog.objects.get(kind=ReminderKind.REVIEW_WAITING)
        assert log.recipients == [planner.pk]
        services.obligation_return(obligation=ob, acting_user=planner, reason="Thiếu số liệu")
        tasks.send_deadline_reminders((today + datetime.timedelta(days=2)).isoformat())
        assert not ReminderLog.objects.filter(kind=ReminderKind.RETURNED).exists()
        tasks.send_deadline_reminders((today + datetime.timedelta(days=3)).isoformat())
        assert ReminderLog.objects.filter(kind=ReminderKind.RETURNED).count() == 1

    def test_generate_periods_task(self, cycle, province_agency, agency_a):
        """The generation task picks up a new plan in force and is idempotent."""
        from tests.reports.factories import build_cycle

        other = build_cycle(receiver=province_agency, reporters=[agency_a])
        result = tasks.generate_periods("2024-06-01")
        assert result["periods"] == 8
        assert tasks.generate_periods("2024-06-01")["periods"] == 0
        assert Obligation.objects.filter(period__requirement=other["req"]).count() == 16

    def test_management_command(self, cycle, capsys):
        call_command("run_reporting_jobs", "--date", "2024-03-18")
        out = capsys.readouterr().out
        assert "send_deadline_reminders 2024-03-18" in out and "escalate_overdue" in out
        assert ReminderLog.objects.filter(kind=ReminderKind.BEFORE).count() == 2
        call_command("run_reporting_jobs", "--date", "2024-03-18", "--only", "remind")
        assert ReminderLog.objects.count() == 2

    def test_management_command_bad_date(self):
        from django.core.management.base import CommandError

        with pytest.raises(CommandError):
            call_command("run_reporting_jobs", "--date", "18/03/2024")


def test_approved_report_gets_no_reminder(cycle, reporter_a, planner):
    services.obligation_save_draft(obligation=cycle["ob_a"], acting_user=reporter_a, version=0, data=full_data(cycle))
    ob = services.obligation_submit(obligation=cycle["ob_a"], acting_user=reporter_a)
    services.obligation_approve(obligation=ob, acting_user=planner)
    tasks.escalate_overdue("2024-03-26")
    assert not ReminderLog.objects.filter(obligation=ob).exists()
    assert Obligation.objects.get(pk=ob.pk).status == ObligationStatus.APPROVED
