"""Where a page's time goes: SQL against Python, and a cProfile of the Python (issue 17).

Requests one page of ``pages_bench.py`` (or any URL) through the Django test client, DEBUG
off, the dashboards' cache off (``DASHBOARDS_CACHE_SECONDS=0``) unless ``--warm``, after one
warm-up request, ``--repeat`` times, and prints per request the wall time, the number of
queries and the time spent in them (a ``connection.execute_wrapper``), so "Python" = wall −
SQL; then, with ``--profile``, the cProfile statistics of those requests (``--sort``,
``--limit``)::

    DATABASE_URL=postgres://…/coopplan_speed python benchmarks/profile_page.py --user scale_leader_51 \\
        --page progress --repeat 10 --profile --sort tottime --limit 40
    python benchmarks/profile_page.py --user bench_admin --url /dashboards/budget/?year=2026

``--page`` takes the keys of ``pages_bench.PAGES`` (home, progress, compliance, registry,
targets, budget, drilldown, plan_list, report_list, registry_list) and ``portal_home`` (/).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--user", default="scale_leader_51", help="username (bench_admin: the whole country)")
    parser.add_argument("--page", default="", help="a page key of pages_bench.py, or portal_home")
    parser.add_argument("--url", default="", help="any URL instead of --page")
    parser.add_argument("--year", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--warm", action="store_true", help="keep the dashboards' cache on")
    parser.add_argument("--profile", action="store_true", help="print the cProfile statistics")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (cumulative, tottime, …)")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--match", default="", help="only functions whose file:line matches this regex")
    parser.add_argument("--queries", action="store_true", help="print each query's time of the last request")
    parser.add_argument("--no-freeze", action="store_true", help="do not start as coopplan/wsgi.py does (gc.freeze)")
    args = parser.parse_args()

    import django

    django.setup()
    from benchmarks.pages_bench import start_as_a_worker

    start_as_a_worker(not args.no_freeze)
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings
    from django.utils import timezone

    from benchmarks import pages_bench
    from directory.models import User

    if args.user == "bench_admin":
        user = pages_bench.admin_user()
    else:
        user = User.objects.select_related("agency__unit").filter(username=args.user).first()
        if user is None:
            sys.exit(f"No user {args.user!r}.")
    year = args.year or timezone.localdate().year
    if args.url:
        url = args.url
    elif args.page == "portal_home":
        url = "/"
    else:
        leader = User.objects.select_related("agency__unit").filter(username="scale_leader_51").first()
        unit = user.agency.unit if user.agency_id else (leader.agency.unit if leader else None)
        plan_id = pages_bench.pick_plan(unit) if unit is not None else None
        url = pages_bench.urls(year, plan_id).get(args.page or "home")
        if url is None:
            sys.exit(f"Unknown page {args.page!r}.")

    queries: list[tuple[float, str]] = []

    def timer(execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - t0) * 1000, sql))

    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    cache_seconds = getattr(settings, "DASHBOARDS_CACHE_SECONDS", 600) if args.warm else 0
    profiler = cProfile.Profile()
    rows = []
    with override_settings(DEBUG=False, STORAGES=storages, DASHBOARDS_CACHE_SECONDS=cache_seconds):
        client = Client()
        client.force_login(user)
        response = client.get(url)  # warm-up (templates, connection, cache in --warm)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
        size = len(response.content)
        with connection.execute_wrapper(timer):
            for _ in range(args.repeat):
                queries.clear()
                cpu0, t0 = time.process_time(), time.perf_counter()
                if args.profile:
                    profiler.enable()
                client.get(url)
                if args.profile:
                    profiler.disable()
                wall = (time.perf_counter() - t0) * 1000
                cpu = (time.process_time() - cpu0) * 1000
                sql = sum(q[0] for q in queries)
                rows.append((wall, cpu, len(queries), sql))
    one, five, _fifteen = os.getloadavg()
    print(f"# {url} as {user.username}: {size / 1024:.0f} KiB, load {one:.1f} / {five:.1f}")
    for name, i in (("wall", 0), ("cpu", 1), ("sql", 3)):
        values = [r[i] for r in rows]
        print(f"{name:5s} median {statistics.median(values):8.1f} ms  min {min(values):8.1f}  max {max(values):8.1f}")
    print(f"queries {rows[-1][2]}  python (wall − sql) median {statistics.median(r[0] - r[3] for r in rows):.1f} ms")
    if args.queries:
        for ms, sql in queries:
            print(f"{ms:8.1f} ms  {sql[:160]}")
    if args.profile:
        stats = pstats.Stats(profiler)
        restrictions = [args.match, args.limit] if args.match else [args.limit]
        stats.sort_stats(args.sort).print_stats(*restrictions)


if __name__ == "__main__":
    main()
