"""Plan edit page and plan list: bytes, server time and queries (issue 17).

Runs Django's test client in-process against the configured database (the demo, or the
national-scale data of ``generate_scale_data``), as an administrator and as a planner who may
edit the plan. Server time = the client's wall time for one GET (no network): median and p95;
beside it the process's CPU time (what a busy machine inflates least: the wall time of a
loaded 2-core machine waits for the CPU) and the time spent in SQL.

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python benchmarks/plan_form_bench.py [--runs 5] [--list]
    DATABASE_URL=... .venv/bin/python benchmarks/plan_form_bench.py --seed 004 --runs 20   # issue 17's goal
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from directory.models import User  # noqa: E402
from plans.models import Plan  # noqa: E402
from plans.selectors import plan_can_edit  # noqa: E402
from plans.services import plan_is_editable  # noqa: E402


class SqlTimer:
    """Wall time spent in the database during the requests (connection.execute_wrapper)."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(client, url, runs):
    client.get(url)  # warm: session, content types, templates
    times, cpu, sql = [], [], []
    for _ in range(runs):
        timer = SqlTimer()
        with connection.execute_wrapper(timer):
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            cpu.append((time.process_time() - start_cpu) * 1000)
            times.append((time.perf_counter() - start) * 1000)
        sql.append(timer.seconds * 1000)
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    body = response.content
    return {
        "kib": len(body) / 1024,
        "median_ms": statistics.median(times),
        "p95_ms": p95(times),
        "cpu_ms": statistics.median(cpu),
        "sql_ms": statistics.median(sql),
        "queries": len(ctx.captured_queries),
        "options": len(re.findall(rb"<option", body)),
    }


HEADER = f"{'plan':<28} {'user':<10} {'KiB':>7} {'p50 ms':>7} {'p95 ms':>7} {'cpu ms':>7} {'sql ms':>7} {'queries':>8} {'<option>':>9}"


def row(name, label, r):
    return (f"{name:<28} {label:<10} {r['kib']:>7.1f} {r['median_ms']:>7.0f} {r['p95_ms']:>7.0f} {r['cpu_ms']:>7.0f}"
            f" {r['sql_ms']:>7.0f} {r['queries']:>8} {r['options']:>9}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--list", action="store_true", help="also the plan list as the administrator")
    parser.add_argument("--plans", type=int, default=5, help="the N plans with the most rows (default 5)")
    parser.add_argument("--seed", help="only the demo's seed plan with this code (e.g. 004, the largest)")
    args = parser.parse_args()
    with os.popen("uptime") as out:
        print("load:", out.read().strip().split("load average:")[-1].strip(), f"({os.cpu_count()} cores)")

    admin = User.objects.filter(is_superuser=True, is_active=True).first()
    if admin is None:
        admin = User.objects.create_superuser("bench_admin", password=None)
    from django.db.models import Count

    rows = Count("tasks", distinct=True) + Count("targets", distinct=True) + Count("responsibilities", distinct=True)
    plans = Plan.objects.annotate(rows=rows).order_by("-rows")
    if args.seed:
        from plans.demo import seed_plan

        plans = plans.filter(pk=seed_plan(args.seed).pk)
    plans = [p for p in plans[:50] if plan_is_editable(p)][: args.plans]
    planners = list(User.objects.filter(is_planner=True, is_active=True, agency__isnull=False).select_related("agency__unit"))
    print(HEADER)
    for plan in plans:
        editor = next((u for u in planners if plan_can_edit(u, plan)), None)
        for label, user in (("admin", admin), ("planner", editor)):
            if user is None:
                continue
            client = Client()
            client.force_login(user)
            r = measure(client, reverse("plans:plan_update", args=[plan.pk]), args.runs)
            name = f"{plan.pk}: {plan.title[:14]} ({plan.rows} rows)"[:28]
            print(row(name, label, r))
    if args.list:
        client = Client()
        client.force_login(admin)
        r = measure(client, reverse("plans:plan_list"), args.runs)
        print(row("plan list", "admin", r))


if __name__ == "__main__":
    main()
