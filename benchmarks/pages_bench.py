"""Every dashboard and list page against its independent floor (issue 17).

For each page and user (the leader ``scale_leader_51`` of province code 51 and an
administrator without an agency, i.e. the whole country) it requests the page through the
Django test client (DEBUG off):

* **cold** — ``DASHBOARDS_CACHE_SECONDS=0``: every figure computed by its queries (on PostgreSQL
  the year picker's years are still kept per process for each data version, migration
  dashboards.0002, and read again only after a write moves the version: a cold request after
  the first one reads the version, not the years; the floors do not compute the years either);
* **warm** — the normal cache setting (Redis when ``REDIS_URL`` is set), after a warm-up
  request filled the cache;

``--repeat`` timed requests each (fewer when a page exceeds ``--budget`` seconds per mode; at
least 3), reported as p50 / p95. The **floor** is the hand-written SQL of
``benchmarks/floors.py`` returning the same figures or rows, run ``--floor-runs`` times on a
cursor (median). The ratio is cold p50 ÷ floor. The machine's load average is printed before
and after (``os.getloadavg``): on a shared 2-core machine every number scales with it. The
process starts as a production worker does (``coopplan/wsgi.py``: the URLconf imported, then
``gc.freeze()``; ``--no-freeze`` for the former start, whose p95 caught full collections).

``--check`` first compares each floor's figures with the page's (its template context) and
stops on a difference, so the floor cannot be cheaper by returning less.

Usage (PostgreSQL; after ``manage.py generate_scale_data`` or ``load_demo``)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coopplan_scale REDIS_URL=redis://127.0.0.1:6379/7 \\
        python benchmarks/pages_bench.py --scale national --check --markdown

Demo data: ``--leader <username>`` (a leader of the demo, e.g. ``lanhdao.tinh``) and ``--scale demo``.
Goals (issue 17): cold ≤ 2× floor and p95 < 300 ms (whole-country admin pages < 1 s); warm p95 < 100 ms.
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

PAGES = [
    # key, label, dashboard page (uses the dashboard cache)
    ("home", "Dashboards home (+ drill-down table)", True),
    ("progress", "Target progress", True),
    ("compliance", "Compliance matrix", True),
    ("registry", "Registry charts", True),
    ("targets", "Targets list", True),
    ("budget", "Budget", True),
    ("drilldown", "Drill-down: overdue reports", True),
    ("plan_list", "Plan list", False),
    ("report_list", "Report list", False),
    ("registry_list", "Registry list", False),
]


def start_as_a_worker(freeze: bool = True) -> str:
    """Start the benchmark's process as gunicorn starts a worker (``coopplan/wsgi.py``): the
    URLconf and with it every view, form and selector module imported, one collection, then
    ``gc.freeze()``. Without it, a full (generation 2) collection walks every object of Django's
    and the project's modules again, ~50 ms quiet (~450 ms at load 14), and lands in one request
    of about twenty: the p95 of a page with many allocations (the report lists) measured that
    pause, which no production worker pays since 2026-12-07 (issue 17). ``freeze=False`` keeps
    the former start (``--no-freeze``). Returns how the process started, for the output."""
    import gc
    import importlib

    if not freeze:
        return "gc not frozen (--no-freeze)"
    importlib.import_module("coopplan.wsgi")  # imports the URLconf, collects, freezes
    return f"gc frozen at start-up as coopplan/wsgi.py ({gc.get_freeze_count()} objects)"


def percentile(values, pct):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def load_text() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min) on {os.cpu_count()} cores"


def admin_user():
    """An administrator without an agency (the whole country); created on first use."""
    from directory.models import User

    user, created = User.objects.get_or_create(
        username="bench_admin", defaults={"is_superuser": True, "is_staff": True, "full_name": "Benchmark admin"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def pick_plan(unit):
    """The issued plan of the unit's area with the most reported values (the fullest progress page)."""
    from django.db import connection

    from benchmarks import floors

    with connection.cursor() as cursor:
        units = floors.area_units(cursor, [unit.pk])
        cursor.execute(
            """SELECT p.id FROM plans_plan p JOIN directory_agency g ON g.id = p.issuer_id
                 JOIN plans_plantarget t ON t.plan_id = p.id JOIN reports_reportedvalue v ON v.target_id = t.id
                WHERE p.status = 'issued' AND g.unit_id = ANY(%s)
                GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1""",
            [units],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def urls(year: int, plan_id: int | None) -> dict:
    from django.urls import reverse

    q = f"year={year}"
    out = {
        "home": f"{reverse('dashboards:home')}?{q}",
        "compliance": f"{reverse('dashboards:compliance')}?{q}",
        "registry": f"{reverse('dashboards:registry')}?{q}",
        "targets": f"{reverse('dashboards:targets')}?{q}",
        "budget": f"{reverse('dashboards:budget')}?{q}",
        "drilldown": f"{reverse('dashboards:obligations')}?{q}&state=missing",
        "plan_list": reverse("plans:plan_list"),
        "report_list": reverse("reports:obligation_list"),
        "registry_list": reverse("cooperatives:organisation_list"),
    }
    if plan_id:
        out["progress"] = f"{reverse('dashboards:plan_progress', args=[plan_id])}?{q}"
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--leader", default="scale_leader_51", help="the leader (a user with an agency)")
    parser.add_argument("--users", default="leader,admin", help="leader, admin (the whole country) or both")
    parser.add_argument("--scale", default="national", help="label of the data set in the output (demo, national)")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page and mode")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per page and mode before stopping early")
    parser.add_argument("--floor-runs", type=int, default=7)
    parser.add_argument("--year", type=int, default=None)
    parser.add_argument("--only", default="", help="comma-separated page keys")
    parser.add_argument("--check", action="store_true", help="compare each floor's figures with the page's first")
    parser.add_argument("--check-only", action="store_true", help="only the comparison, no timing")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--no-freeze", action="store_true", help="do not start as coopplan/wsgi.py does (gc.freeze)")
    args = parser.parse_args()

    import django

    django.setup()
    started_as = start_as_a_worker(not args.no_freeze)
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment
    from django.utils import timezone

    from benchmarks import floors
    from directory.models import User

    if connection.vendor != "postgresql":
        sys.exit("The floors are PostgreSQL SQL: set DATABASE_URL to a PostgreSQL database.")
    setup_test_environment()  # the test client keeps each response's template context (for --check)
    today = timezone.localdate()
    year = args.year or today.year
    leader = User.objects.select_related("agency__unit").filter(username=args.leader).first()
    if leader is None or not leader.agency_id:
        sys.exit(f"No user {args.leader!r} with an agency (run generate_scale_data, or pass --leader).")
    plan_id = pick_plan(leader.agency.unit)
    users = [(who, leader if who == "leader" else admin_user()) for who in args.users.split(",")]
    wanted = set(args.only.split(",")) if args.only else None
    pages = [p for p in PAGES if wanted is None or p[0] in wanted]
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    cache_seconds = getattr(settings, "DASHBOARDS_CACHE_SECONDS", 600) or 600
    started_load = load_text()
    print(f"# {args.scale} scale, year {year}, load average at start {started_load}; {started_as}", flush=True)

    def scope_of(user):
        return floors.Scope(
            agency_id=user.agency_id,
            unit_id=user.agency.unit_id if user.agency_id else None,
            year=year,
            today=today,
            tz=settings.TIME_ZONE,
            plan_id=plan_id,
        )

    def timed(client, url):
        times = []
        t_end = time.perf_counter() + args.budget
        while len(times) < args.repeat and (len(times) < 3 or time.perf_counter() < t_end):
            t0 = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")
        return statistics.median(times), percentile(times, 95), len(times)

    results, failures = [], []
    with override_settings(DEBUG=False, STORAGES=storages):
        for who, user in users:
            client = Client()
            client.force_login(user)
            page_urls = urls(year, plan_id)
            scope = scope_of(user)
            for key, label, _dash in pages:
                if key not in page_urls:
                    continue
                url = page_urls[key]
                row = {"key": key, "label": label, "who": who, "url": url}
                if args.check or args.check_only:
                    with override_settings(DASHBOARDS_CACHE_SECONDS=0):
                        response = client.get(url)
                    with connection.cursor() as cursor:
                        figures = floors.FLOORS[key](cursor, scope)
                    problems = floors.CHECKS[key](response.context, figures)
                    print(f"check {key:14s} {who:6s} {'ok' if not problems else 'DIFFERS: ' + '; '.join(problems)}",
                          flush=True)
                    if problems:
                        failures.append((key, who, problems))
                    if args.check_only:
                        continue
                floor_times = []
                with connection.cursor() as cursor:
                    for _ in range(args.floor_runs):
                        t0 = time.perf_counter()
                        floors.FLOORS[key](cursor, scope)
                        floor_times.append((time.perf_counter() - t0) * 1000)
                        if sum(floor_times) > args.budget * 1000 and len(floor_times) >= 3:
                            break
                row["floor"] = statistics.median(floor_times)
                for mode, seconds in (("cold", 0), ("warm", cache_seconds)):
                    with override_settings(DASHBOARDS_CACHE_SECONDS=seconds):
                        client.get(url)  # warm-up: fills the cache in warm mode, the connection in both
                        row[mode] = timed(client, url)
                results.append(row)
                limit = 1000 if who == "admin" else 300
                row["limit"] = limit
                cold50, cold95, _n = row["cold"]
                row["ratio"] = cold50 / row["floor"] if row["floor"] else float("inf")
                row["cold_ok"] = row["ratio"] <= 2 and cold95 < limit
                row["warm_ok"] = row["warm"][1] < 100
                print(
                    f"{label:38s} {who:6s} floor={row['floor']:8.1f}  cold p50={cold50:8.1f} p95={cold95:8.1f} "
                    f"(n={row['cold'][2]}) ×{row['ratio']:5.1f}  warm p50={row['warm'][0]:8.1f} "
                    f"p95={row['warm'][1]:8.1f} (n={row['warm'][2]})  "
                    f"{'ok' if row['cold_ok'] else 'MISS'}/{'ok' if row['warm_ok'] else 'MISS'}",
                    flush=True,
                )
    ended_load = load_text()
    print(f"# load average at end {ended_load}", flush=True)
    if args.markdown and results:
        print()
        print(
            f"{args.scale.capitalize()} data, year {year}; leader {leader.username} ({leader.agency.unit}), "
            f"admin = whole country; {connection.vendor}, warm cache "
            f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}; up to {args.repeat} requests per "
            f"page and mode (n below when a page hit the {args.budget:.0f} s budget); {started_as}; load average "
            f"{started_load} at the start, {ended_load} at the end."
        )
        print()
        print("| page | user | floor (ms) | cold p50 / p95 (ms) | ratio | warm p50 / p95 (ms) | goal met (cold / warm) |")
        print("|---|---|---:|---:|---:|---:|---|")
        for r in results:
            n = f" (n={r['cold'][2]})" if r["cold"][2] < args.repeat else ""
            print(
                f"| {r['label']} | {r['who']} | {r['floor']:.1f} | {r['cold'][0]:.1f} / {r['cold'][1]:.1f}{n} | "
                f"{r['ratio']:.1f}× | {r['warm'][0]:.1f} / {r['warm'][1]:.1f} | "
                f"{'yes' if r['cold_ok'] else '**no**'} / {'yes' if r['warm_ok'] else '**no**'} |"
            )
    if failures:
        sys.exit(f"{len(failures)} floor(s) differ from their page: {[(k, w) for k, w, _p in failures]}")


if __name__ == "__main__":
    main()
