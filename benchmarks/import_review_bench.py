"""The plan import's review page: server time, bytes and queries (issue 16: < 0.5 s for a
30-page plan, the whole document visible).

Reads each seed (and a long document: the five seeds' bodies one after another, ~74,000
characters, about 30 A4 pages in 13 pt) with the reader, stores it as a read ImportSession of a
planner, then GETs the review page with Django's test client in-process (server time = wall
time of one GET, no network), cold (first GET) and warm (median of the next runs).

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python benchmarks/import_review_bench.py [--runs 5] [--user quangngai]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from directory.models import User  # noqa: E402
from planimport.models import ImportSession  # noqa: E402
from planimport.reader import read_text  # noqa: E402

SEEDS = Path(os.environ.get("COOPPLAN_SHARED_DIR") or ROOT.parent / "shared") / "seeds"


def documents() -> dict[str, str]:
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt"))}
    texts["long (5 seeds, ~30 pages)"] = "\n\n".join(texts[k] for k in sorted(texts))
    return texts


def measure(client, url, runs):
    start = time.perf_counter()
    response = client.get(url)
    cold = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return (
        cold,
        statistics.median(times),
        max(times),
        statistics.median(cpu),
        len(response.content) / 1024,
        len(ctx.captured_queries),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--user", default="quangngai")
    args = parser.parse_args()
    user = User.objects.get(username=args.user)
    client = Client()
    client.force_login(user)
    print(f"load average {os.getloadavg()[0]:.1f}; user {user.username}")
    # wall time depends on the machine's load (shared 2-core machine); the process's CPU time per
    # request (Python only: the database's own work is not in it) much less
    print("| document | characters | targets | tasks | cold ms | warm median ms | warm max ms | warm CPU ms | KiB | queries |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    made = []
    try:
        for name, text in documents().items():
            data = read_text(text).to_dict()
            session = ImportSession.objects.create(
                created_by=user, filename=f"{name}.txt", source="pasted", status="read", data=data
            )
            made.append(session.pk)
            cold, warm, worst, cpu, kib, queries = measure(
                client, reverse("planimport:review", args=[session.pk]), args.runs
            )
            print(f"| {name} | {len(text):,} | {len(data.get('targets') or [])} | {len(data.get('tasks') or [])} "
                  f"| {cold:.0f} | {warm:.0f} | {worst:.0f} | {cpu:.0f} | {kib:.0f} | {queries} |")  # fmt: skip
    finally:
        ImportSession.objects.filter(pk__in=made).delete()
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
