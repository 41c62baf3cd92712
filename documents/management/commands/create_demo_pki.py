"""``manage.py create_demo_pki``: a demo CA and a PKCS#12 certificate per demo agency.

Everything is marked DEMO ("không có giá trị pháp lý"): the CA's name, every subject, the
seal and signature images. Idempotent: existing certificates are kept. Refuses to run
with DEBUG off unless ``--force`` (a real portal signs with real certificates).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.demo import create_demo_pki


class Command(BaseCommand):
    help = "Create a DEMO certification authority and demo certificates for the demo agencies (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off (never on a real portal)")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "create_demo_pki makes demo keys and refuses to run with DEBUG off; use --force on a test database."
            )
        create_demo_pki(stdout=self.stdout)
