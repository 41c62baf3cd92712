"""Plan edit page and plan list: bytes, server time and queries (issue 17).

Runs Django's test client in-process against the configured database (the demo, or the
national-scale data of ``generate_scale_data``), as an administrator and as a planner who may
edit the plan. Server time = the client's wall time for one GET (no network).

    DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python benchmarks/plan_form_bench.py [--runs 5] [--list]
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


def measure(client, url, runs):
    client.get(url)  # warm: session, content types, templates
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    body = response.content
    return {
        "kib": len(body) / 1024,
        "median_ms": statistics.median(times),
        "max_ms": max(times),
        "queries": len(ctx.captured_queries),
        "options": len(re.findall(rb"<option", body)),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--list", action="store_true", help="also the plan list as the administrator")
    parser.add_argument("--plans", type=int, default=5, help="the N plans with the most rows (default 5)")
    args = parser.parse_args()

    admin = User.objects.filter(is_superuser=True, is_active=True).first()
    if admin is None:
        admin = User.objects.create_superuser("bench_admin", password=None)
    from django.db.models import Count

    rows = Count("tasks", distinct=True) + Count("targets", distinct=True) + Count("responsibilities", distinct=True)
    plans = [p for p in Plan.objects.annotate(rows=rows).order_by("-rows")[:50] if plan_is_editable(p)][: args.plans]
    planners = list(User.objects.filter(is_planner=True, is_active=True, agency__isnull=False).select_related("agency__unit"))
    print(f"{'plan':<28} {'user':<14} {'KiB':>7} {'median ms':>10} {'max ms':>8} {'queries':>8} {'<option>':>9}")
    for plan in plans:
        editor = next((u for u in planners if plan_can_edit(u, plan)), None)
        for label, user in (("admin", admin), ("planner", editor)):
            if user is None:
                continue
            client = Client()
            client.force_login(user)
            r = measure(client, reverse("plans:plan_update", args=[plan.pk]), args.runs)
            name = f"{plan.pk}: {plan.title[:14]} ({plan.rows} rows)"[:28]
            print(f"{name:<28} {label:<14} {r['kib']:>7.1f} {r['median_ms']:>10.0f} {r['max_ms']:>8.0f} {r['queries']:>8} {r['options']:>9}")
    if args.list:
        client = Client()
        client.force_login(admin)
        r = measure(client, reverse("plans:plan_list"), args.runs)
        print(f"{'plan list':<28} {'admin':<14} {r['kib']:>7.1f} {r['median_ms']:>10.0f} {r['max_ms']:>8.0f} {r['queries']:>8} {r['options']:>9}")


if __name__ == "__main__":
    main()
