"""A small concurrency client (issue 17): N clients hammer pages of a running portal.

Standard library only (threads + ``http.client``). It logs each user in once through the
login form (GET the form for the CSRF cookie and token, POST the credentials, keep the
session cookie), then runs ``--clients`` threads for ``--seconds`` against each URL in turn
(``--mode each``, the default: one clean measurement per URL) or against all URLs mixed
(``--mode mix``). A client sends one request at a time on a new connection (gunicorn's sync
workers close the connection after each response). Reported per URL: requests, req/s, p50,
p95 and max latency, and errors (status ≠ 200, redirects to the login page, exceptions).

Run it against gunicorn as docker-compose runs it, with 4 sync workers (production settings:
DEBUG off, collected static files)::

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/coopplan_scale REDIS_URL=redis://127.0.0.1:6379/7
    export DEBUG=0 HTTPS=0 SECRET_KEY=benchmark-only ALLOWED_HOSTS=127.0.0.1,localhost
    python manage.py collectstatic --noinput -v0
    python benchmarks/load.py --prepare-users scale_leader_51,bench_admin --password bench-pass
    gunicorn coopplan.wsgi --bind 127.0.0.1:8017 --workers 4 --timeout 120 &
    python benchmarks/load.py --base http://127.0.0.1:8017 --password bench-pass --clients 20 --seconds 60 \\
        --markdown scale_leader_51:/plans/ scale_leader_51:/reports/ scale_leader_51:/dashboards/ bench_admin:/plans/

Each target is ``username:path``. ``--prepare-users`` (needs Django and the database) gives
the named users the password and creates ``bench_admin`` (a superuser without an agency) if
missing; never run it on a real portal.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def percentile(values, pct):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


class Site:
    def __init__(self, base: str, timeout: float = 120):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.timeout = timeout
        self.netloc = parts.netloc

    def request(self, method, path, *, cookies: dict | None = None, body: str | None = None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            h = {"Host": self.netloc, "Connection": "close", **(headers or {})}
            if cookies:
                h["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
            if body is not None:
                h["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, path, body=body, headers=h)
            response = conn.getresponse()
            data = response.read()
            set_cookies = {}
            for header in response.msg.get_all("Set-Cookie") or []:
                jar = SimpleCookie()
                jar.load(header)
                set_cookies.update({k: m.value for k, m in jar.items()})
            return response.status, response.getheader("Location") or "", data, set_cookies
        finally:
            conn.close()

    def login(self, username: str, password: str, login_path: str = "/accounts/login/") -> dict:
        """The session cookies of ``username`` after the login form (CSRF cookie and token)."""
        status, _loc, body, cookies = self.request("GET", login_path)
        match = TOKEN_RE.search(body.decode("utf-8", "replace"))
        if status != 200 or not match or "csrftoken" not in cookies:
            raise RuntimeError(f"login form: status {status}, token {'found' if match else 'missing'}")
        form = urlencode({"csrfmiddlewaretoken": match.group(1), "username": username, "password": password})
        status, location, _body, new = self.request(
            "POST", login_path, cookies=cookies, body=form, headers={"Referer": f"http://{self.netloc}{login_path}"}
        )
        cookies.update(new)
        if status != 302 or "sessionid" not in cookies:
            raise RuntimeError(f"login of {username} failed: status {status} (wrong password or locked out?)")
        return cookies


def hammer(site: Site, targets: list[tuple[str, str, dict]], clients: int, seconds: float) -> dict:
    """``clients`` threads request the targets round robin for ``seconds``; results per target."""
    results = {(u, p): {"times": [], "errors": 0, "examples": set()} for u, p, _c in targets}
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker(offset):
        i = offset
        while time.perf_counter() < stop_at:
            user, path, cookies = targets[i % len(targets)]
            i += 1
            t0 = time.perf_counter()
            try:
                status, location, _body, _c = site.request("GET", path, cookies=cookies)
                error = None if status == 200 else f"{status} {location}".strip()
            except Exception as exc:  # noqa: BLE001 - counted and reported, the run goes on
                error = type(exc).__name__
            elapsed = (time.perf_counter() - t0) * 1000
            with lock:
                r = results[(user, path)]
                if error:
                    r["errors"] += 1
                    r["examples"].add(error)
                else:
                    r["times"].append(elapsed)

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    for r in results.values():
        r["wall"] = wall
    return results


def prepare_users(usernames: list[str], password: str):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")
    import django

    django.setup()
    from directory.models import User

    for name in usernames:
        user = User.objects.filter(username=name).first()
        if user is None and name == "bench_admin":
            user = User(username=name, is_superuser=True, is_staff=True, full_name="Benchmark admin")
        if user is None:
            sys.exit(f"no user {name!r}")
        user.set_password(password)
        user.save()
        print(f"password set for {name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="*", help="username:/path/ to request")
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--password", default=os.environ.get("BENCH_PASSWORD", ""))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--mode", choices=("each", "mix"), default="each")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--prepare-users", default="", help="comma-separated usernames to give --password")
    args = parser.parse_args()
    if args.prepare_users:
        prepare_users(args.prepare_users.split(","), args.password)
        if not args.targets:
            return
    site = Site(args.base)
    sessions: dict[str, dict] = {}
    targets = []
    for spec in args.targets:
        user, _sep, path = spec.partition(":")
        if user not in sessions:
            sessions[user] = site.login(user, args.password)
        targets.append((user, path or "/", sessions[user]))
    load_start = os.getloadavg()
    groups = [[t] for t in targets] if args.mode == "each" else [targets]
    rows = []
    for group in groups:
        results = hammer(site, group, args.clients, args.seconds)
        for (user, path), r in results.items():
            times = r["times"]
            row = {
                "user": user,
                "path": path,
                "n": len(times),
                "rps": len(times) / r["wall"],
                "p50": statistics.median(times) if times else float("nan"),
                "p95": percentile(times, 95),
                "max": max(times) if times else float("nan"),
                "errors": r["errors"],
                "examples": ", ".join(sorted(r["examples"]))[:80],
                "load": os.getloadavg()[0],
            }
            rows.append(row)
            print(
                f"{user:18s} {path:32s} n={row['n']:6d} {row['rps']:7.1f} req/s  p50={row['p50']:7.0f} "
                f"p95={row['p95']:7.0f} max={row['max']:7.0f} ms  errors={row['errors']} {row['examples']} "
                f"load(1 min)={row['load']:.1f}",
                flush=True,
            )
    if args.markdown:
        print()
        print(
            f"{args.clients} clients × {args.seconds:.0f} s per URL ({args.mode}); load average at the start "
            f"{load_start[0]:.1f} / {load_start[1]:.1f} / {load_start[2]:.1f} (1 / 5 / 15 min), {os.cpu_count()} cores."
        )
        print()
        print("| user | URL | requests | req/s | p50 (ms) | p95 (ms) | max (ms) | errors | load (1 min, at end) |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            print(
                f"| {r['user']} | `{r['path']}` | {r['n']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | "
                f"{r['max']:.0f} | {r['errors']} | {r['load']:.1f} |"
            )


if __name__ == "__main__":
    main()
