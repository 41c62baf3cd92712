"""Dashboard and list pages at national scale: warm median and p95 through the Django test
client, against the raw SQL of each page run directly as the lower bound.

Usage (after ``manage.py generate_scale_data`` on that database)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coopplan_scale \\
        python benchmarks/dashboards_bench.py [--user scale_leader_51] [--repeat 30] [--year 2026] [--markdown]

For each page it makes 3 warm-up requests, then ``--repeat`` timed requests, and reports
the median and p95 wall time with every figure computed and (second column set) served
from the dashboard cache, the number of SQL queries (it must not depend on the data
size) and the raw-SQL lower bound: the very queries the page sent, captured once and then
executed again directly on a database cursor (median of ``--repeat`` runs). The ratio page
/ raw shows what Django, Python and the templates add on top of the database's work.
Goals (issue 7): dashboard pages ≤ 2× raw and p95 < 300 ms; list pages p95 < 150 ms.

``benchmarks/dashboards_raw.sql`` holds the home page's aggregates written by hand, for
``psql`` and EXPLAIN (see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")


def percentile(values, pct):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--user", default="scale_leader_51", help="a leader created by generate_scale_data, or a superuser without agency"
    )
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--year", type=int, default=None)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--only", default="", help="comma-separated page keys to run")
    parser.add_argument("--no-cache", action="store_true", help="compute every figure (DASHBOARDS_CACHE_SECONDS=0)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone

    from dashboards import selectors as s
    from directory.models import User
    from plans.models import Plan

    if connection.vendor != "postgresql":
        print("warning: not PostgreSQL — the goals are stated for PostgreSQL", file=sys.stderr)
    year = args.year or timezone.localdate().year
    user = (
        User.objects.filter(username=args.user).first()
        or User.objects.filter(username__startswith="scale_leader_").first()
    )
    if user is None:
        sys.exit("No scale_leader_* user: run manage.py generate_scale_data first.")
    area = s.Area.of(user.agency.unit if user.agency_id else None)  # an admin without agency: the country
    plan = (
        s.plans_in_area(area)
        .filter(status="issued", reporting_requirements__periods__obligations__values__isnull=False)
        .annotate(n=Count("reporting_requirements__periods__obligations__values"))
        .order_by("-n")
        .first()
    ) or Plan.objects.filter(symbol="KH-SCL").first()

    q = f"year={year}"
    pages = [
        ("home", "Leader's home (dashboards:home)", f"{reverse('dashboards:home')}?{q}", "dashboard"),
        (
            "progress",
            "Target progress (dashboards:plan_progress)",
            f"{reverse('dashboards:plan_progress', args=[plan.pk])}?{q}",
            "dashboard",
        ),
        (
            "compliance",
            "Compliance matrix (dashboards:compliance)",
            f"{reverse('dashboards:compliance')}?{q}",
            "dashboard",
        ),
        ("registry", "Registry charts (dashboards:registry)", f"{reverse('dashboards:registry')}?{q}", "dashboard"),
        ("targets", "Targets list (dashboards:targets)", f"{reverse('dashboards:targets')}?{q}", "list"),
        ("budget", "Budget by plan (dashboards:budget)", f"{reverse('dashboards:budget')}?{q}", "list"),
    ]
    for key, name, label in (
        ("plan_list", "plans:plan_list", "Plan list (plans:plan_list)"),
        ("org_list", "cooperatives:organisation_list", "Registry list (cooperatives:organisation_list)"),
    ):
        try:
            pages.append((key, label, reverse(name), "list"))
        except NoReverseMatch:
            print(f"skipped {name}: not installed yet", file=sys.stderr)
    if args.only:
        wanted = set(args.only.split(","))
        pages = [p for p in pages if p[0] in wanted]

    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    results = []
    cache_seconds = getattr(settings, "DASHBOARDS_CACHE_SECONDS", 600)
    modes = [("computed", 0)] + ([] if args.no_cache else [("cached", cache_seconds)])

    def timed(client, url):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        return statistics.median(times), percentile(times, 95)

    results = []
    with override_settings(DEBUG=False, STORAGES=storages):
        client = Client()
        client.force_login(user)
        for _key, label, url, kind in pages:
            row = {"label": label, "kind": kind}
            for mode, seconds in modes:
                with override_settings(DASHBOARDS_CACHE_SECONDS=seconds):
                    for _ in range(3):
                        response = client.get(url)
                        if response.status_code != 200:
                            sys.exit(f"{url} answered {response.status_code}")
                    if mode == "computed":
                        with CaptureQueriesContext(connection) as captured:
                            client.get(url)
                        row["queries"] = []
                        for c in captured.captured_queries:
                            sql = c["sql"]
                            if sql.startswith("DECLARE "):  # a server-side cursor (.iterator()): run its SELECT
                                sql = sql[sql.index(" FOR ") + 5 :]
                            row["queries"].append(sql)
                    row[mode] = timed(client, url)
            raw = []
            with connection.cursor() as cursor:
                for _ in range(max(5, args.repeat // 2)):
                    t0 = time.perf_counter()
                    for sql in row["queries"]:
                        if sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
                            continue
                        cursor.execute(sql)
                        if cursor.description:
                            cursor.fetchall()
                    raw.append((time.perf_counter() - t0) * 1000)
            row["raw"] = statistics.median(raw)
            goal = 300 if kind == "dashboard" else 150
            row["goal"] = goal
            for mode, _s in modes:
                med, p95 = row[mode]
                row[f"{mode}_ok"] = p95 < goal and (kind != "dashboard" or med <= 2 * row["raw"])
            results.append(row)
            text = " ".join(
                f"{mode}: median={row[mode][0]:6.1f} p95={row[mode][1]:6.1f} ×{row[mode][0] / row['raw']:4.1f} {'ok' if row[f'{mode}_ok'] else 'MISS'}"
                for mode, _s in modes
            )
            print(f"{label:50s} q={len(row['queries']):3d} raw={row['raw']:6.1f} ms  {text}", flush=True)

    if args.markdown:
        print()
        load = os.getloadavg()[0]
        print(
            f"User {user.username} ({user.agency.unit if user.agency_id else 'whole country'}), year {year}, {args.repeat} warm requests per page, "
            f"database {connection.vendor}, cache {'off' if args.no_cache else settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, "
            f"load average {load:.1f} on {os.cpu_count()} cores."
        )
        print()
        head = "| page | SQL queries | raw SQL (ms) | computed median / p95 (ms) | × raw |"
        sep = "|---|---:|---:|---:|---:|"
        if not args.no_cache:
            head += " cached median / p95 (ms) | × raw |"
            sep += "---:|---:|"
        print(head + " goal | met (computed / cached) |")
        print(sep + "---|---|")
        for r in results:
            goal_text = f"p95 < {r['goal']} ms" + (", ≤ 2× raw" if r["kind"] == "dashboard" else "")
            cells = [r["label"], str(len(r["queries"])), f"{r['raw']:.1f}"]
            met = []
            for mode, _s in modes:
                med, p95 = r[mode]
                cells += [f"{med:.1f} / {p95:.1f}", f"{med / r['raw']:.1f}×"]
                met.append("yes" if r[f"{mode}_ok"] else "**no**")
            print("| " + " | ".join(cells + [goal_text, " / ".join(met)]) + " |")


if __name__ == "__main__":
    main()
