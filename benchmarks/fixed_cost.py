"""What every authenticated page pays before it does its own work (issue 17).

Requests, through the Django test client (DEBUG off, production middleware, the manifest-less
static storage as ``profile_page.py``), a ladder of reference views, interleaved request by
request so that the machine's load affects each rung alike, and prints the median CPU and wall
time per request of each rung and the queries of its last request:

* ``bare, no middleware``    — a view returning ``HttpResponse("ok")``, ``MIDDLEWARE = []``;
* ``bare, middleware``       — the same view through ``settings.MIDDLEWARE``, signed in (the
  session is read; the user is not, nothing asks for it);
* ``bare, user``             — the same, the view reads ``request.user.agency`` (the user query);
* ``layout``                 — the base layout (``base.html``) with an empty content block, as
  every page renders it (context processors: menu, unread notices; the navigation bar);
* ``password change``        — ``/accounts/password_change/``, the lightest real page (a form);
* ``layout + floor``          — the layout rung whose view first runs a page's floor
  (``benchmarks/floors.py``, ``--floor``, the plan list's by default) on the request's
  connection: the least an authenticated page of this site can cost when it does the floor's
  SQL and no other work (no filter form, no list tools, no rows written). Its ratio to the
  floor alone (printed) is the bound "≤ 2× floor" meets or not before the page's own work.

::

    DATABASE_URL=postgres://…/coopplan_speed python benchmarks/fixed_cost.py --user scale_leader_51 --repeat 200
    python benchmarks/fixed_cost.py --user bench_admin --only layout --profile --sort tottime

The differences between rungs are the costs of the middleware stack, the user, and the layout.
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

RUNGS = ("bare, no middleware", "bare, middleware", "bare, user", "layout", "password change", "layout + floor")
FLOOR = {"key": "plan_list"}


def _bare(request):
    from django.http import HttpResponse

    return HttpResponse("ok")


def _bare_user(request):
    from django.http import HttpResponse

    return HttpResponse(str(request.user.agency_id or ""))


def _layout(request):
    from django.shortcuts import render

    return render(request, "base.html", {})


def _scope(user):
    from django.conf import settings
    from django.utils import timezone

    from benchmarks import floors

    today = timezone.localdate()
    return floors.Scope(
        agency_id=user.agency_id, unit_id=user.agency.unit_id if user.agency_id else None,
        year=today.year, today=today, tz=settings.TIME_ZONE,
    )


def _layout_floor(request):
    from django.db import connection
    from django.shortcuts import render

    from benchmarks import floors

    with connection.cursor() as cursor:
        floors.FLOORS[FLOOR["key"]](cursor, _scope(request.user))
    return render(request, "base.html", {})


def _urlpatterns():
    from django.urls import include, path

    return [
        path("__fixed/bare/", _bare),
        path("__fixed/user/", _bare_user),
        path("__fixed/layout/", _layout),
        path("__fixed/floor/", _layout_floor),
        path("", include("coopplan.urls")),
    ]


urlpatterns: list = []


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--user", default="scale_leader_51", help="username (bench_admin: the whole country)")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--only", default="", help="comma-separated rung numbers (1–6) or names")
    parser.add_argument("--profile", action="store_true", help="cProfile the chosen rungs")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--match", default="")
    parser.add_argument("--lang", default="vi")
    parser.add_argument("--floor", default="plan_list", help="the page whose floor the last rung runs (floors.FLOORS)")
    parser.add_argument("--storage", default="", help="--layout-ab: the staticfiles storage backend")
    parser.add_argument(
        "--layout-ab",
        action="store_true",
        help="render the former base layout and menu (tests/core/reference) and the current one alternately",
    )
    args = parser.parse_args()

    import django

    django.setup()
    urlpatterns[:] = _urlpatterns()
    FLOOR["key"] = args.floor
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from benchmarks import pages_bench
    from directory.models import User

    if args.user == "bench_admin":
        user = pages_bench.admin_user()
    else:
        user = User.objects.filter(username=args.user).first()
        if user is None:
            sys.exit(f"No user {args.user!r}.")
    if args.layout_ab:
        layout_ab(user, args)
        return
    chosen = list(RUNGS)
    if args.only:
        wanted = [w.strip() for w in args.only.split(",")]
        chosen = [r for i, r in enumerate(RUNGS, 1) if str(i) in wanted or r in wanted]
    urls = {
        RUNGS[0]: "/__fixed/bare/",
        RUNGS[1]: "/__fixed/bare/",
        RUNGS[2]: "/__fixed/user/",
        RUNGS[3]: "/__fixed/layout/",
        RUNGS[4]: "/accounts/password_change/",
        RUNGS[5]: "/__fixed/floor/",
    }
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    common = dict(DEBUG=False, STORAGES=storages, DASHBOARDS_CACHE_SECONDS=0, ROOT_URLCONF=__name__)
    clients = {}
    for rung in chosen:
        middleware = [] if rung == RUNGS[0] else settings.MIDDLEWARE
        with override_settings(MIDDLEWARE=middleware, **common):
            client = Client()
            client.force_login(user)
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = args.lang
            response = client.get(urls[rung])  # builds the handler with this middleware
            assert response.status_code == 200, (rung, response.status_code)
            clients[rung] = client
    times = {r: [] for r in chosen}
    queries = {}
    profiler = cProfile.Profile()
    with override_settings(**common):
        for _ in range(args.repeat):
            for rung in chosen:
                client = clients[rung]
                cpu0, t0 = time.process_time(), time.perf_counter()
                if args.profile:
                    profiler.enable()
                client.get(urls[rung])
                if args.profile:
                    profiler.disable()
                times[rung].append(((time.process_time() - cpu0) * 1000, (time.perf_counter() - t0) * 1000))
        for rung in chosen:
            with CaptureQueriesContext(connection) as ctx:
                clients[rung].get(urls[rung])
            queries[rung] = len(ctx.captured_queries)
    one, five, _ = os.getloadavg()
    print(f"# as {user.username} ({args.lang}), {args.repeat} requests per rung, interleaved; load {one:.1f} / {five:.1f}")
    print(f"{'rung':24s} {'CPU p50':>9s} {'wall p50':>9s} {'queries':>8s}")
    for rung in chosen:
        cpu = statistics.median(t[0] for t in times[rung])
        wall = statistics.median(t[1] for t in times[rung])
        print(f"{rung:24s} {cpu:8.2f}  {wall:8.2f}  {queries[rung]:8d}")
    if RUNGS[5] in chosen:
        floor_alone(user, args, times[RUNGS[5]])
    if args.profile:
        stats = pstats.Stats(profiler)
        restrictions = [args.match, args.limit] if args.match else [args.limit]
        stats.sort_stats(args.sort).print_stats(*restrictions)


def floor_alone(user, args, rung_times):
    """The floor alone on a cursor (wall p50 of ``--repeat`` runs, as ``pages_bench`` times it),
    and the ratio of the "layout + floor" rung's wall p50 to it."""
    from django.db import connection

    from benchmarks import floors

    scope = _scope(user)
    walls = []
    with connection.cursor() as cursor:
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            floors.FLOORS[args.floor](cursor, scope)
            walls.append((time.perf_counter() - t0) * 1000)
    floor, rung = statistics.median(walls), statistics.median(t[1] for t in rung_times)
    print(f"floor {args.floor!r} alone: wall p50 {floor:.2f} ms; 'layout + floor' / floor = {rung / floor:.1f}x")


def layout_ab(user, args):
    """The base layout alone (context processors included), former against current, one render
    of each in turn, in this process: CPU per render, p50."""
    from django.conf import settings
    from django.template import engines
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.test.utils import override_settings
    from django.utils import translation

    from core.auth import UserWithAgencyBackend
    from tests.core.test_base_layout import REFERENCE, former_nav_for

    user = UserWithAgencyBackend().get_user(user.pk)
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": args.storage}} if args.storage else settings.STORAGES
    former_template = engines["django"].from_string(REFERENCE.read_text())
    times = {"former": [], "current": []}
    with override_settings(DEBUG=False, STORAGES=storages), translation.override(args.lang):
        request = RequestFactory().get("/plans/")
        request.user = user
        for _ in range(args.repeat + 5):
            for name in times:
                cpu0 = time.process_time()
                if name == "former":
                    former_template.render({"nav_items": former_nav_for(user, request.path)}, request)
                else:
                    render_to_string("base.html", {}, request)
                times[name].append((time.process_time() - cpu0) * 1000)
    one, five, _ = os.getloadavg()
    print(f"# base layout as {user.username} ({args.lang}), storage {storages['staticfiles']['BACKEND']}, load {one:.1f} / {five:.1f}")
    for name, values in times.items():
        values = values[5:]
        print(f"{name:8s} CPU p50 {statistics.median(values):6.3f} ms  min {min(values):6.3f}")


if __name__ == "__main__":
    main()
