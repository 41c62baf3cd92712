"""Run the reporting cycle's daily jobs by hand for a given date (what beat runs at 07:00)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports import tasks


class Command(BaseCommand):
    help = "Generate periods, send deadline reminders and escalate overdue reports for a date."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="YYYY-MM-DD (default: today)")
        parser.add_argument("--only", choices=["generate", "remind", "escalate"], help="Run one job only")

    def handle(self, *args, **options):
        raw = options.get("date")
        try:
            day = date.fromisoformat(raw) if raw else timezone.localdate()
        except ValueError:
            raise CommandError(f"--date must be YYYY-MM-DD, not {raw!r}")
        only = options.get("only")
        iso = day.isoformat()
        # Called directly (not .delay) so the command works without a broker.
        if only in (None, "generate"):
            self.stdout.write(f"generate_periods {iso}: {tasks.generate_periods(iso)}")
        if only in (None, "remind"):
            self.stdout.write(f"send_deadline_reminders {iso}: {tasks.send_deadline_reminders(iso)}")
        if only in (None, "escalate"):
            self.stdout.write(f"escalate_overdue {iso}: {tasks.escalate_overdue(iso)}")
