"""Issue 11 on PostgreSQL: an import whose worker is killed mid-write, and the same import
task run twice at once (the sweep may send it again; Redis redelivers unacknowledged tasks).

The killed worker is a real process (``python -c``) on the same test database, stopped with
SIGKILL while its write transaction is open: PostgreSQL rolls it back, the batch stays
"importing"; the sweep makes it "failed, can be retried" and the retry imports it.
"""

import datetime
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, connections

from cooperatives import services
from cooperatives.models import ImportBatch, Organisation
from core import dispatch
from core.models import AuditLog
from core.uploads import private_root
from tests.cooperatives.conftest import xlsx_upload  # noqa: F401
from tests.cooperatives.test_import import good_rows, workbook

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
ROOT = Path(__file__).resolve().parents[2]

WORKER = r"""
import os, sys, time
import django
django.setup()
from django.conf import settings
from django.utils.functional import empty
from core import uploads
settings.DOCUMENTS_PRIVATE_ROOT = sys.argv[1]  # the test process's private files
uploads.private_storage._wrapped = empty
from cooperatives import importing
from cooperatives.models import ImportBatch, Organisation
from cooperatives.tasks import confirm_import_batch

real = importing.Importer.run_chunk

def run_chunk_then_hang(self, rows):
    real(self, rows)
    print("WROTE", Organisation.objects.count(), flush=True)  # inside the open transaction
    time.sleep(120)

importing.Importer.run_chunk = run_chunk_then_hang
batch_id = int(sys.argv[2])
print("RESULT", confirm_import_batch.run(batch_id, None), ImportBatch.objects.get(pk=batch_id).errors, flush=True)
"""


@pytest.fixture(autouse=True)
def sectors(db):
    """The sectors the data migration loads (a transactional test's flush removes them)."""
    import importlib

    from cooperatives.models import Sector

    migration = importlib.import_module("cooperatives.migrations.0003_sectors_and_indicators")
    for code, name, agricultural in migration.SECTORS:
        Sector.objects.update_or_create(code=code, defaults={"name": name, "is_agricultural": agricultural})


def _queued_batch(user, xlsx_upload):  # noqa: F811
    batch = services.import_batch_check(
        batch=services.import_batch_create(uploaded_file=xlsx_upload(workbook(good_rows())), acting_user=user)
    )
    assert batch.status == ImportBatch.Status.CHECKED, batch.errors
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.QUEUED)
    return batch


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def test_killed_worker_leaves_nothing_written_then_fails_and_retries(planner_a, commune_a, xlsx_upload):  # noqa: F811
    batch = _queued_batch(planner_a, xlsx_upload)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coopplan.settings.test",
        "DATABASE_URL": _database_url(),
        "PYTHONPATH": str(ROOT),
    }
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKER, str(private_root()), str(batch.pk)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = worker.stdout.readline()
        if not line.startswith("WROTE"):
            worker.wait(timeout=60)
            pytest.fail(f"the worker ended before writing: {line} {worker.stdout.read()} {worker.stderr.read()[-3000:]}")
        assert int(line.split()[1]) == 2  # the worker had written both organisations…
        assert Organisation.objects.count() == 0  # …in a transaction nobody else sees
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.stdout.close()
        worker.stderr.close()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.IMPORTING and Organisation.objects.count() == 0
    # Redelivered after the kill (acks_late), the task does not start a second write.
    from cooperatives.tasks import confirm_import_batch

    assert confirm_import_batch.run(batch.pk, None) == "skipped"

    stuck = datetime.timedelta(seconds=settings.IMPORT_STUCK_SECONDS + 60)
    ImportBatch.objects.filter(pk=batch.pk).update(modified=batch.modified - stuck)
    assert dispatch.sweep()["cooperatives.services.import_batches_sweep"]["failed"] == 1
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.FAILED and batch.passed_check

    assert services.import_batch_start(batch=batch, acting_user=planner_a) is True  # eager: runs on commit
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE and Organisation.objects.count() == 2


def test_the_same_import_task_twice_at_once_writes_once(planner_a, commune_a, xlsx_upload):  # noqa: F811
    from cooperatives.tasks import confirm_import_batch

    batch = _queued_batch(planner_a, xlsx_upload)
    barrier = threading.Barrier(2)
    results, lock = [], threading.Lock()

    def worker():
        try:
            barrier.wait(timeout=30)
            outcome = confirm_import_batch.run(batch.pk, planner_a.pk)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcome = f"error {exc!r}"
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results.count("done") == 1 and not [r for r in results if r.startswith("error")], results
    assert Organisation.objects.count() == 2
    assert AuditLog.objects.filter(action="import.confirm", object_id=str(batch.pk)).count() == 1
