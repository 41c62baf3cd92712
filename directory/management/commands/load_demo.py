"""``manage.py load_demo``: the demo data set (units, agencies, accounts, then every app's data).

Each app contributes ``<app>/demo.py`` with ``load(*, stdout, today)``; they run in the order
below because later ones use earlier ones' data (plans need agencies, reports need plans).
An app without a demo module yet is skipped. Every loader is idempotent, so a second run
changes nothing. Never for production: it refuses when DEBUG is off unless ``--force``.
"""

from datetime import date
from importlib import import_module
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

APPS = ["directory", "plans", "cooperatives", "reports", "documents", "dashboards"]


def demo_today() -> date:
    """Today in Vietnam (the demo's reference date when ``--today`` is not given)."""
    return timezone.now().astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).date()


class Command(BaseCommand):
    help = "Load the demo data set (seed plans, agencies, accounts with password coopplan-demo). Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off (never on a real portal)")
        parser.add_argument("--today", type=date.fromisoformat, help="reference date YYYY-MM-DD (default: today in Vietnam)")

    def handle(self, *args, force=False, today=None, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo creates accounts with a public password and refuses to run with DEBUG off. "
                "Use --force only on a throw-away database."
            )
        today = today or demo_today()
        from directory.units import units_loaded

        if units_loaded():
            self.stdout.write("units: already loaded")
        else:
            call_command("load_units", stdout=self.stdout)
        for app in APPS:
            try:
                module = import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo":
                    raise
                self.stdout.write(f"{app}: no demo data yet")
                continue
            module.load(stdout=self.stdout, today=today)
        self.print_accounts()

    def print_accounts(self):
        from directory.demo import account_rows

        rows = account_rows()
        width = max(len(r["username"]) for r in rows)
        role_width = max(len(r["roles"]) for r in rows)
        self.stdout.write(self.style.SUCCESS("\nDemo accounts (password: coopplan-demo)"))
        for r in rows:
            formerly = f" (formerly {r['formerly']})" if r["formerly"] else ""
            self.stdout.write(f"  {r['username']:<{width}}  {r['roles']:<{role_width}}  {r['agency']}{formerly}")
