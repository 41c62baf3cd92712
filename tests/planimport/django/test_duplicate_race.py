"""Duplicate detection under a race (issue 16): the same document imported twice at the same
moment — two command-line saves, two confirmations of review sessions — gives one plan, the other
import is linked to it (the issuer's row is locked while the duplicate is looked for). On
PostgreSQL, with real threads and their own connections."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from core.models import AuditLog
from plans.models import Plan
from tests.races import race

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)"),
]


def _save(path, issuer_id):
    out = StringIO()
    call_command("import_plan", str(path), "--issuer-id", str(issuer_id), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_same_document_saved_twice_at_once_gives_one_plan(cast, seed_path):
    lmhtx = cast["agencies"]["lmhtx_qn"]
    results = race(*(lambda: _save(seed_path("000"), lmhtx.pk) for _ in range(2)))
    assert [outcome for outcome, _ in results] == ["ok", "ok"]
    plan = Plan.objects.get()
    assert plan.reference == "567/KH-LMHTX"
    assert AuditLog.objects.filter(action="planimport.link_existing").count() == 1
    assert AuditLog.objects.filter(action="planimport.command_save").count() == 1
    assert sum("không tạo kế hoạch thứ hai" in out for _, out in results) == 1
