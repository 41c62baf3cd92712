"""Integration: a real Celery worker against the local Redis delivers a reminder exactly once.

Runs only with REDIS_URL set (e.g. ``REDIS_URL=redis://127.0.0.1:6379/5``). Everything runs
in subprocesses sharing a throw-away SQLite file, so the worker sees the same data as the
process that sends the tasks: migrate, create a plan and its obligations, start
``celery worker``, send ``send_deadline_reminders`` twice (and ``send_reminder`` twice) for
the same day, then count the ReminderLog rows and the e-mails the file backend wrote.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.redis, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]

SETUP = r"""
import datetime, json
from reports import services
from reports.models import Obligation
from tests.directory.factories import AgencyFactory, DistrictFactory, ProvinceFactory, UserFactory
from tests.reports.factories import build_cycle
province = ProvinceFactory(code="91")
district = DistrictFactory(parent=province, code="911")
receiver = AgencyFactory(unit=province, name="Liên minh HTX")
reporter_agency = AgencyFactory(unit=district, name="UBND huyện A")
UserFactory(username="rep", agency=reporter_agency, is_reporter=True)
UserFactory(username="plan", agency=receiver, is_planner=True)
today = datetime.date.today()
cycle = build_cycle(receiver=receiver, reporters=[reporter_agency],
                    start=datetime.date(today.year, 1, 1), end=datetime.date(today.year + 1, 12, 31))
services.obligations_generate(plan=cycle["plan"])
ob = Obligation.objects.filter(agency=reporter_agency, period__due_date__gte=today).order_by("period__due_date").first()
day = ob.period.due_date - datetime.timedelta(days=3)
print(json.dumps({"obligation": ob.pk, "day": day.isoformat()}))
"""

CHECK = r"""
import json
from reports.models import ReminderLog, Notification
print(json.dumps({
    "logs": list(ReminderLog.objects.values_list("obligation_id", "kind", "day")),
    "notifications": Notification.objects.count(),
}, default=str))
"""


def _env(tmp_path):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="coopplan.settings.base",
        DATABASE_URL=f"sqlite:///{tmp_path / 'worker.sqlite3'}",
        EMAIL_URL=f"filemail://{'/' + str(tmp_path / 'mail')}",  # django-environ drops one leading slash
        DEBUG="1",
        AXES_ENABLED="0",
        PYTHONPATH=str(ROOT),
    )
    return env


def _manage(env, *args, timeout=300):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=True
    ).stdout


def _shell(env, code, timeout=180):
    out = _manage(env, "shell", "-c", code, timeout=timeout)
    return json.loads([line for line in out.splitlines() if line.startswith("{")][-1])


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_worker_delivers_reminder_exactly_once(tmp_path):
    """Beat firing twice and a duplicate manual task: one log row, one notice, one e-mail."""
    env = _env(tmp_path)
    (tmp_path / "mail").mkdir()
    _manage(env, "migrate", "-v0", timeout=600)
    setup = _shell(env, SETUP)
    # A queue of its own: nothing else in that Redis database is touched or consumed.
    queue = f"reports-test-{os.getpid()}"
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "coopplan", "worker", "--pool=solo", "--loglevel=WARNING",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-Q", queue, "-n", f"{queue}@%h"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        send = (
            "import json\n"
            "from reports.tasks import send_deadline_reminders, send_reminder\n"
            f"day = {setup['day']!r}\n"
            f"q = {queue!r}\n"
            "r1 = send_deadline_reminders.apply_async((day,), queue=q, ignore_result=False)\n"
            "r2 = send_deadline_reminders.apply_async((day,), queue=q, ignore_result=False)\n"
            f"r3 = send_reminder.apply_async(({setup['obligation']}, 'before', day), queue=q, ignore_result=False)\n"
            "out = [r1.get(timeout=120), r2.get(timeout=120), r3.get(timeout=120)]\n"
            "print(json.dumps({'results': out}))\n"
        )
        results = _shell(env, send, timeout=240)["results"]
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
    assert results[0] == {"before": 1}, results
    assert results[1] == {} and results[2] is False
    state = _shell(env, CHECK)
    assert len(state["logs"]) == 1 and state["logs"][0][1] == "before"
    assert state["notifications"] == 1
    # The e-mail is one outbox row (core/outbox.py); its send task went to the default queue,
    # which this test's worker does not consume: deliver it as that worker would, twice.
    sent = _shell(
        env,
        "import json\nfrom core.models import OutboxEmail\nfrom core.outbox import deliver\n"
        "ids = list(OutboxEmail.objects.values_list('pk', flat=True))\n"
        "print(json.dumps({'ids': ids, 'sent': [deliver(i) for i in ids] + [deliver(i) for i in ids]}))\n",
    )
    assert len(sent["ids"]) == 1 and sent["sent"] == [True, False]
    mails = list((tmp_path / "mail").iterdir())
    assert len(mails) == 1
    assert "rep@example.vn" in mails[0].read_text(encoding="utf-8")
