"""``manage.py load_units``: load the official administrative units (idempotent, never deletes a unit)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand

from directory.units import PRE2025_FILE, units_load


class Command(BaseCommand):
    help = (
        "Load the administrative units in force since 01/07/2025 (vietnam-provinces), the earlier provinces, "
        "districts and communes of the whole country and their successors (vietnamadminunits). Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--current", type=Path, help="nested-divisions.json to read instead of the installed package's")
        parser.add_argument("--previous", type=Path, default=PRE2025_FILE, help="pre-07/2025 units (JSON)")
        parser.add_argument("--no-previous", action="store_true", help="load only the current units")
        parser.add_argument(
            "--no-library", action="store_true",
            help="leave out vietnamadminunits (old units of the whole country, successor links old → new)",
        )

    def handle(self, *args, current=None, previous=None, no_previous=False, no_library=False, **options):
        started = time.monotonic()
        result = units_load(
            current_path=current, previous_path=None if no_previous else previous, with_library=not no_library
        )
        self.stdout.write(self.style.SUCCESS(f"Units: {result} ({time.monotonic() - started:.1f} s)"))
        for code, ((province, name, kind), candidates) in result.ambiguous.items():
            self.stderr.write(
                f"Ambiguous: the library's {kind} {name} ({code}, province {province}) matches "
                f"{', '.join(candidates)} without diacritics and none exactly: no successor link to it."
            )
