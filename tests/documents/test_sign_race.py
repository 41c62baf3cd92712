"""Concurrent signing on PostgreSQL (issue 11): one winner, clear refusals, no orphan files.

Three threads, each with its own database connection, sign the same approved report at
once. Before the row lock, two requests ended in a server error (IntegrityError on the
one-to-one) and left six signed files (PDF, workbook, .p7s each) behind.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from documents import services
from documents.models import SignedDocument, private_root
from reports.models import Obligation

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def _signed_files() -> set:
    root = private_root()
    return {p for p in root.rglob("*") if p.is_file() and "signed" in p.relative_to(root).parts}


@pytest.mark.parametrize("attempts", [3])
def test_three_concurrent_signatures_one_winner(report, province_leader, demo_keys, attempts):
    before = _signed_files()
    barrier = threading.Barrier(attempts)
    results: list = []
    lock = threading.Lock()

    def worker():
        try:
            source = Obligation.objects.get(pk=report.pk)
            barrier.wait(timeout=30)
            signed = services.document_sign(source=source, acting_user=province_leader)
            outcome = ("signed", signed.pk)
        except ValidationError as exc:
            outcome = ("refused", exc.code, " ".join(exc.messages))
        except Exception as exc:  # a server error: the test reports it
            outcome = ("error", repr(exc))
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert not [r for r in results if r[0] == "error"], results
    winners = [r for r in results if r[0] == "signed"]
    losers = [r for r in results if r[0] == "refused"]
    assert len(winners) == 1, results
    assert len(losers) == attempts - 1
    assert all(r[1] == "already_signed" for r in losers)
    assert all("đã được ký" in r[2] for r in losers), losers
    signed = SignedDocument.objects.get()
    # Exactly the winner's three files (PDF, workbook, .p7s): no orphans.
    new_files = _signed_files() - before
    assert {p.name for p in new_files} == {
        signed.file.name.rsplit("/", 1)[-1],
        signed.xlsx_file.name.rsplit("/", 1)[-1],
        signed.p7s_file.name.rsplit("/", 1)[-1],
    }
