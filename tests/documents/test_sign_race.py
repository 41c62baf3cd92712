"""Concurrent signing on PostgreSQL (issue 11, issue 13): one winner, clear refusals, no orphan files.

Three threads, each with its own database connection, do the same signing step on one
approved report at once. Before the row locks, two of three sign requests ended in a
server error (IntegrityError on the one-to-one) and left six signed files (PDF, workbook,
.p7s each) behind.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from documents import services
from documents.models import RegisterEntry, SignedDocument, SigningRequest, private_root
from documents.pki import issue_demo_personal_certificate
from reports.models import Obligation
from tests.directory.factories import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

ATTEMPTS = 3


def _files() -> set:
    return {p for p in private_root().rglob("*") if p.is_file()}


def _race(fn) -> list:
    barrier = threading.Barrier(ATTEMPTS)
    results: list = []
    lock = threading.Lock()

    def worker():
        try:
            barrier.wait(timeout=30)
            outcome = ("ok", fn())
        except ValidationError as exc:
            outcome = ("refused", exc.code, " ".join(exc.messages))
        except Exception as exc:  # a server error: the test reports it
            outcome = ("error", repr(exc))
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(ATTEMPTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not [r for r in results if r[0] == "error"], results
    assert len([r for r in results if r[0] == "ok"]) == 1, results
    assert len([r for r in results if r[0] == "refused"]) == ATTEMPTS - 1, results
    return [r for r in results if r[0] == "refused"]


@pytest.fixture
def people(report):
    Obligation.objects.filter(pk=report.pk).update(number=None)
    agency = report.agency
    leader = UserFactory(username="ct", agency=agency, is_leader=True, full_name="Trần Thị Bình", position="Phó Chủ tịch")
    issue_demo_personal_certificate(leader)
    reporter = UserFactory(username="bc", agency=agency, is_reporter=True)
    clerk = UserFactory(username="vt", agency=agency, is_clerk=True)
    return leader, reporter, clerk


def test_three_leader_signatures_at_once(report, demo_keys, people):
    leader, reporter, _clerk = people
    request = services.signing_submit(source=report, leader=leader, acting_user=reporter)
    before = _files()
    losers = _race(lambda: services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True).pk)
    assert all(r[1] == "state" and "đã ký" in r[2] for r in losers), losers
    request.refresh_from_db()
    assert {p.name for p in _files() - before} == {request.leader_pdf.name.rsplit("/", 1)[-1]}


def test_three_issues_at_once_one_number_no_orphans(report, demo_keys, people):
    leader, reporter, clerk = people
    request = services.signing_submit(source=report, leader=leader, acting_user=reporter)
    services.signing_leader_sign(request_id=request.pk, acting_user=leader, confirmed=True)
    before = _files()
    losers = _race(lambda: services.signing_issue(request_id=request.pk, acting_user=clerk).pk)
    assert all(r[1] == "state" and "đã được ban hành" in r[2] for r in losers), losers
    signed = SignedDocument.objects.get()
    assert signed.document_number == "01/BC-UBND"
    assert RegisterEntry.objects.count() == 1
    assert SigningRequest.objects.get().state == "issued"
    # Exactly the winner's three files (PDF, workbook, .p7s): no orphans.
    assert {p.name for p in _files() - before} == {
        f.name.rsplit("/", 1)[-1] for f in (signed.file, signed.xlsx_file, signed.p7s_file)
    }


def test_concurrent_issues_of_different_documents_get_consecutive_numbers(plan, reporting_agency, receiver, demo_keys):
    """Three reports of one agency issued at once: numbers 01, 02, 03 — no duplicate, no gap."""
    from tests.documents.conftest import make_report

    leader = UserFactory(username="ct2", agency=reporting_agency, is_leader=True, position="Chủ tịch")
    issue_demo_personal_certificate(leader)
    reporter = UserFactory(username="bc2", agency=reporting_agency, is_reporter=True)
    clerk = UserFactory(username="vt2", agency=reporting_agency, is_clerk=True)
    requests = []
    for _ in range(ATTEMPTS):
        report = make_report(plan, reporting_agency, receiver)
        Obligation.objects.filter(pk=report.pk).update(number=None)
        req = services.signing_submit(source=report, leader=leader, acting_user=reporter)
        services.signing_leader_sign(request_id=req.pk, acting_user=leader, confirmed=True)
        requests.append(req.pk)
    pending = list(requests)
    lock = threading.Lock()
    barrier = threading.Barrier(ATTEMPTS)
    errors = []

    def worker():
        with lock:
            pk = pending.pop()
        try:
            barrier.wait(timeout=30)
            services.signing_issue(request_id=pk, acting_user=clerk)
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(ATTEMPTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert sorted(RegisterEntry.objects.values_list("number", flat=True)) == [1, 2, 3]
