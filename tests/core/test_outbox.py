"""Issue 11, e-mails: every e-mail is an outbox row written with the step it announces; SMTP
down keeps it (pending/failed), the sweep sends it later exactly once, and after
EMAIL_OUTBOX_MAX_ATTEMPTS it stays failed, visible in the admin."""

import datetime
import threading
import time

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connection, connections
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core import dispatch, outbox
from core.models import OutboxEmail
from reports import services
from reports.models import ReminderKind
from tests.directory.factories import UserFactory

SWEEPER = "core.outbox.outbox_sweep"


class FailingBackend(LocmemBackend):
    """An SMTP server that is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


class SlowBackend(LocmemBackend):
    """A slow SMTP server: two senders overlap while one is sending."""

    def send_messages(self, messages):
        time.sleep(0.5)
        return super().send_messages(messages)


FAILING = "tests.core.test_outbox.FailingBackend"


def _age(email_id, seconds):
    OutboxEmail.objects.filter(pk=email_id).update(updated=timezone.now() - datetime.timedelta(seconds=seconds))


@pytest.fixture
def reporter(agency_a):
    return UserFactory(username="rep_mail", agency=agency_a, is_reporter=True, email="rep@example.vn")


@pytest.fixture
def obligation_for_mail(province_agency, agency_a, agency_b, reporter):
    from reports.models import Obligation
    from tests.reports.factories import build_cycle

    data = build_cycle(receiver=province_agency, reporters=[agency_a, agency_b])
    services.obligations_generate(plan=data["plan"])
    return Obligation.objects.filter(agency=agency_a).order_by("period__end").first()


@pytest.mark.django_db
def test_smtp_down_mail_kept_then_sent_once_by_the_sweep(reporter, django_capture_on_commit_callbacks):
    mail.outbox = []
    with override_settings(EMAIL_BACKEND=FAILING), django_capture_on_commit_callbacks(execute=True):
        email = outbox.enqueue(subject="Nhắc nộp báo cáo", body="Nội dung", to=["rep@example.vn"])
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.FAILED and email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error and mail.outbox == []
    # Too early: the sweep waits DISPATCH_PENDING_SECONDS after the last attempt.
    assert dispatch.sweep()[SWEEPER] == {"pending": 0, "sent": 0}
    _age(email.pk, 300)
    assert dispatch.sweep()[SWEEPER] == {"pending": 1, "sent": 1}
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT and email.attempts == 2 and email.sent_at and not email.last_error
    assert [m.to for m in mail.outbox] == [["rep@example.vn"]]
    # Sent means sent: later sweeps and a redelivered task send nothing more.
    _age(email.pk, 300)
    assert dispatch.sweep()[SWEEPER] == {"pending": 0, "sent": 0}
    assert outbox.deliver(email.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_reminder_email_is_an_outbox_row_of_the_same_transaction(obligation_for_mail, reporter,
                                                                 django_capture_on_commit_callbacks):
    """The reminder's outbox row is written with its ReminderLog; SMTP down keeps it pending-to-retry."""
    mail.outbox = []
    with override_settings(EMAIL_BACKEND=FAILING), django_capture_on_commit_callbacks(execute=True):
        assert services.reminder_send(obligation=obligation_for_mail, kind=ReminderKind.BEFORE)
    email = OutboxEmail.objects.get()
    assert email.to == ["rep@example.vn"] and email.status == OutboxEmail.Status.FAILED
    _age(email.pk, 300)
    dispatch.sweep()
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == email.subject
    assert OutboxEmail.objects.get().status == OutboxEmail.Status.SENT


@pytest.mark.django_db
def test_rolled_back_step_leaves_no_email(reporter, django_capture_on_commit_callbacks):
    from django.db import transaction

    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            outbox.enqueue(subject="x", body="y", to=["rep@example.vn"])
            raise RuntimeError("the step failed")
    assert OutboxEmail.objects.count() == 0 and mail.outbox == []


@pytest.mark.django_db
def test_pending_mail_whose_task_was_lost_is_sent_by_the_sweep(reporter):
    """Broker down at the commit: the row stays pending; the sweep sends it after the timeout."""
    email = OutboxEmail.objects.create(subject="Chờ gửi", body="b", to=["rep@example.vn"])
    mail.outbox = []
    assert dispatch.sweep()[SWEEPER]["pending"] == 0
    _age(email.pk, 300)
    assert dispatch.sweep()[SWEEPER] == {"pending": 1, "sent": 1}
    assert len(mail.outbox) == 1 and OutboxEmail.objects.get().status == OutboxEmail.Status.SENT


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=FAILING, EMAIL_OUTBOX_MAX_ATTEMPTS=3)
def test_gives_up_after_max_attempts_then_admin_can_send_again(reporter, admin_client,
                                                               django_capture_on_commit_callbacks):
    email = OutboxEmail.objects.create(subject="Hỏng", body="b", to=["rep@example.vn"])
    for _ in range(5):
        _age(email.pk, 300)
        dispatch.sweep()
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.FAILED and email.attempts == 3
    # The admin lists it, in Vietnamese.
    page = admin_client.get(reverse("admin:core_outboxemail_changelist"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Hỏng" in page and "Hộp thư đi" in page and "Gửi lỗi" in page
    mail.outbox = []
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), \
            django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("admin:core_outboxemail_changelist"),
                          {"action": "send_again", "_selected_action": [email.pk]})
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT and email.attempts == 1 and len(mail.outbox) == 1


@pytest.mark.django_db
def test_demo_data_records_no_email(reporter):
    with outbox.muted():
        assert outbox.enqueue(subject="demo", body="b", to=["rep@example.vn"]) is None
    assert OutboxEmail.objects.count() == 0


# --------------------------------------------------------------------------- PostgreSQL races


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)")
@override_settings(EMAIL_BACKEND="tests.core.test_outbox.SlowBackend")
def test_two_sweeps_at_once_send_each_email_once():
    ids = [OutboxEmail.objects.create(subject=f"Thư {i}", body="b", to=["rep@example.vn"]).pk for i in range(3)]
    for pk in ids:
        _age(pk, 300)
    mail.outbox = []
    barrier = threading.Barrier(2)
    errors = []

    def sweep():
        try:
            barrier.wait()
            dispatch.sweep()
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert sorted(m.subject for m in mail.outbox) == ["Thư 0", "Thư 1", "Thư 2"]
    assert set(OutboxEmail.objects.values_list("status", "attempts")) == {(OutboxEmail.Status.SENT, 1)}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)")
def test_a_row_locked_for_a_moment_by_a_non_sender_is_still_sent():
    """A sweep whose claim lost holds the row's lock for a moment without sending it (its
    conditional UPDATE waited, re-checked and matched nothing). The delivery running then must
    wait and send, not take the lock for a sender and give up: that left one e-mail of three
    unsent in test_two_sweeps_at_once_send_each_email_once under load."""
    pk = OutboxEmail.objects.create(subject="Chờ khóa", body="b", to=["rep@example.vn"]).pk
    mail.outbox = []
    locked = threading.Event()

    def hold_lock():
        try:
            from django.db import transaction

            with transaction.atomic():
                list(OutboxEmail.objects.select_for_update().filter(pk=pk))
                locked.set()
                time.sleep(0.5)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_lock)
    holder.start()
    assert locked.wait(10)
    sent = outbox.deliver(pk)
    holder.join(30)
    assert sent is True
    assert [m.subject for m in mail.outbox] == ["Chờ khóa"]
    assert OutboxEmail.objects.get(pk=pk).status == OutboxEmail.Status.SENT


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)")
@override_settings(EMAIL_BACKEND="tests.core.test_outbox.SlowBackend")
def test_two_deliveries_of_one_email_at_once_send_it_once():
    """The task sent after the commit and a sweep (or a redelivered task) at the same moment."""
    pk = OutboxEmail.objects.create(subject="Một lần", body="b", to=["rep@example.vn"]).pk
    mail.outbox = []
    barrier = threading.Barrier(3)
    results = []

    def deliver():
        try:
            barrier.wait()
            results.append(outbox.deliver(pk))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) == [False, False, True]
    assert len(mail.outbox) == 1
