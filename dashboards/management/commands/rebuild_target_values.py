"""``manage.py rebuild_target_values``: rebuild the dashboards' read model of approved
target values (``dashboards.models.TargetPeriodValue``) from the reported values.

The report transitions keep it up to date; run this after writing reports or values
outside the services (a bulk load, a restore, SQL by hand). ``--check`` only compares.
"""

from django.core.management.base import BaseCommand, CommandError

from dashboards.services import target_values_expected, target_values_rebuild, target_values_stored


class Command(BaseCommand):
    help = "Rebuild the dashboards' table of approved values per target and period."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="only compare with a computation from scratch")

    def handle(self, *args, check, **options):
        if check:
            expected, stored = target_values_expected(), target_values_stored()
            if expected != stored:
                wrong = len(set(expected.items()) ^ set(stored.items()))
                raise CommandError(f"The table differs from the reported values ({wrong} rows); run without --check.")
            self.stdout.write(f"OK: {len(stored)} rows.")
            return
        self.stdout.write(f"{target_values_rebuild()} rows written.")
        from dashboards.cache import bump

        bump()
