"""Settings come from the environment: SQLite by default, PostgreSQL via DATABASE_URL,
a production configuration with DEBUG off, Celery eager without Redis."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({k: str(getattr(s, k)) for k in %r}))"
)
SECRET = "x7#kq2!vLm9@pZr4$wTy8^bNc3&hJf6*dGs1(eUa5)iOo0-_=+RtYyQq"


def probe(env: dict, *names: str, module: str = "coopplan.settings.base") -> dict:
    """Import the settings in a fresh interpreter with exactly ``env`` (plus PATH) and return ``names``."""
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    clean.update({"DJANGO_SETTINGS_MODULE": module, **env})
    result = subprocess.run(
        [sys.executable, "-c", PROBE % (names,)], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_are_a_local_development_setup():
    """No environment: SQLite next to the code, DEBUG on, Celery eager, Vietnamese, Hồ Chí Minh time."""
    s = probe({}, "DATABASES", "DEBUG", "CELERY_TASK_ALWAYS_EAGER", "LANGUAGE_CODE", "TIME_ZONE", "SESSION_COOKIE_SECURE")
    assert "sqlite3" in s["DATABASES"] and "db.sqlite3" in s["DATABASES"]
    assert s["DEBUG"] == "True" and s["CELERY_TASK_ALWAYS_EAGER"] == "True"
    assert s["LANGUAGE_CODE"] == "vi" and s["TIME_ZONE"] == "Asia/Ho_Chi_Minh"
    assert s["SESSION_COOKIE_SECURE"] == "False"


def test_database_url_selects_postgresql():
    """DATABASE_URL=postgres://… gives the PostgreSQL backend with persistent connections."""
    s = probe({"DATABASE_URL": "postgres://coop:pw@db.example:5432/coopplan"}, "DATABASES")
    db = s["DATABASES"]
    assert "django.db.backends.postgresql" in db and "'NAME': 'coopplan'" in db and "'HOST': 'db.example'" in db
    assert "'CONN_MAX_AGE': 60" in db


def test_redis_url_turns_off_eager_celery():
    """With REDIS_URL, Celery uses Redis as broker and result backend and the cache uses Redis."""
    s = probe({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CELERY_TASK_ALWAYS_EAGER", "CACHES")
    assert s["CELERY_BROKER_URL"] == s["CELERY_RESULT_BACKEND"] == "redis://127.0.0.1:6379/0"
    assert s["CELERY_TASK_ALWAYS_EAGER"] == "False"
    assert "RedisCache" in s["CACHES"]
    # a request waits at most this long on a Redis that does not answer (then the breaker skips it)
    assert "'socket_connect_timeout': 1.0" in s["CACHES"] and "'socket_timeout': 2.0" in s["CACHES"]


def test_production_env_is_secure():
    """DEBUG off + SECRET_KEY + ALLOWED_HOSTS: HTTPS cookies, HSTS, SSL redirect, manifest static files."""
    env = {"DEBUG": "False", "SECRET_KEY": SECRET, "ALLOWED_HOSTS": "example.org"}
    s = probe(
        env, "DEBUG", "ALLOWED_HOSTS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "STORAGES",
    )
    assert s["DEBUG"] == "False" and s["ALLOWED_HOSTS"] == "['example.org']"
    assert s["SESSION_COOKIE_SECURE"] == s["CSRF_COOKIE_SECURE"] == s["SECURE_SSL_REDIRECT"] == "True"
    assert int(s["SECURE_HSTS_SECONDS"]) >= 31536000 and s["SECURE_HSTS_INCLUDE_SUBDOMAINS"] == "True"
    assert "CompressedManifestStaticFilesStorage" in s["STORAGES"]


def test_http_only_intranet_switch():
    """HTTPS=False switches the HTTPS-only flags off for a plain-HTTP intranet."""
    env = {"DEBUG": "False", "SECRET_KEY": SECRET, "ALLOWED_HOSTS": "portal.local", "HTTPS": "False"}
    s = probe(env, "SESSION_COOKIE_SECURE", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS")
    assert s == {"SESSION_COOKIE_SECURE": "False", "SECURE_SSL_REDIRECT": "False", "SECURE_HSTS_SECONDS": "0"}


def test_production_without_secret_key_refuses_to_start():
    """DEBUG off without SECRET_KEY is a configuration error, not a silent insecure default."""
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME")}
    clean.update({"DJANGO_SETTINGS_MODULE": "coopplan.settings.base", "DEBUG": "False"})
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_check_deploy_has_no_warnings():
    """`manage.py check --deploy` under the production environment reports no issue."""
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    clean.update({"DEBUG": "False", "SECRET_KEY": SECRET, "ALLOWED_HOSTS": "example.org"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_env_example_lists_every_variable():
    """.env.example documents every variable the settings read."""

    names = set(re.findall(r'env(?:\.[a-z_]+)?\("([A-Z_0-9]+)"', (ROOT / "coopplan" / "settings" / "base.py").read_text()))
    documented = set(re.findall(r"^(?:# )?([A-Z_0-9]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert names and not names - documented, f"missing in .env.example: {sorted(names - documented)}"


def test_templates_are_compiled_once_per_process():
    """The cached template loader wraps the filesystem and app loaders (issue 17: a page's
    templates — the base layout and its includes — are parsed once per worker, not per
    request). Django adds it when ``TEMPLATES`` names no ``loaders``; naming loaders without
    the cached one would parse every template on every request."""
    from django.template import engines

    loaders = engines["django"].engine.template_loaders
    assert [type(loader).__module__ for loader in loaders] == ["django.template.loaders.cached"]


# --- Empty means unset; an unreadable value names its variable (coopplan/settings/environment.py)

SETTINGS_VARIABLES = sorted(
    set(re.findall(r'env(?:\.[a-z_]+)?\("([A-Z_0-9]+)"', (ROOT / "coopplan" / "settings" / "base.py").read_text()))
)
ALL_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "import re; print(json.dumps({k: re.sub(' at 0x[0-9a-f]+', '', repr(getattr(s, k))) for k in dir(s) if k.isupper()}))"
)


def run_settings(env: dict, code: str = ALL_SETTINGS) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    clean.update({"DJANGO_SETTINGS_MODULE": "coopplan.settings.base", **env})
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)


def test_every_variable_set_empty_gives_the_defaults():
    """An .env template or a compose file leaving every variable empty (``DATABASE_URL=``,
    ``CONN_MAX_AGE=``, ``AXES_ENABLED=``, ``REDIS_URL=``…) gives exactly the settings of an empty
    environment: SQLite, locmem cache, eager Celery, the brute-force lock on — not a KeyError
    'ENGINE', a ValueError on int('') or a silent False. DEBUG is given in both runs (an empty
    DEBUG means off, next test)."""
    assert {"DATABASE_URL", "REDIS_URL", "CONN_MAX_AGE", "AXES_ENABLED", "EMAIL_URL", "ALLOWED_HOSTS"} <= set(
        SETTINGS_VARIABLES
    )
    unset = run_settings({"DEBUG": "True"})
    empty = run_settings({"DEBUG": "True", **{name: "" for name in SETTINGS_VARIABLES if name != "DEBUG"}})
    assert unset.returncode == 0, unset.stderr
    assert empty.returncode == 0, empty.stderr
    defaults = json.loads(unset.stdout.strip().splitlines()[-1])
    emptied = json.loads(empty.stdout.strip().splitlines()[-1])
    assert "sqlite3" in defaults["DATABASES"] and "LocMemCache" in defaults["CACHES"]
    assert {k: v for k, v in emptied.items() if v != defaults.get(k)} == {}
    # blanks count as empty too
    blank = run_settings({"DEBUG": "True", "DATABASE_URL": "  ", "CONN_MAX_AGE": " ", "AXES_ENABLED": " "})
    assert json.loads(blank.stdout.strip().splitlines()[-1]) == defaults


def test_empty_database_url_is_sqlite():
    """The reported crash: ``DATABASE_URL=""`` is the embedded SQLite, as when unset."""
    s = probe({"DATABASE_URL": ""}, "DATABASES")
    assert "django.db.backends.sqlite3" in s["DATABASES"] and "db.sqlite3" in s["DATABASES"]


def test_empty_debug_means_off():
    """An empty DEBUG is off (the safe reading): without SECRET_KEY the portal refuses to start
    instead of running with the development key."""
    result = run_settings({"DEBUG": ""})
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
    s = probe({"DEBUG": "", "SECRET_KEY": SECRET}, "DEBUG", "SESSION_COOKIE_SECURE")
    assert s == {"DEBUG": "False", "SESSION_COOKIE_SECURE": "True"}


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DATABASE_URL", "postgres//coop:s3cretpw@db/coopplan", "not a database URL"),
        ("DATABASE_URL", "postgres://coop:s3cretpw@db:port/coopplan", "cannot be read"),
        ("DATABASE_URL", "postgres://coop:s3cretpw@db:5432/", "names no database"),
        ("REDIS_URL", "coop:s3cretpw@127.0.0.1:6379", "not a Redis URL"),
        ("EMAIL_URL", "smtp-tls://coop:s3cretpw@smtp.example.vn", "not an e-mail URL"),
        ("CONN_MAX_AGE", "sixty", "whole number"),
        ("CACHE_CONNECT_TIMEOUT", "one", "a number"),
        ("AXES_ENABLED", "ture", "True or False"),
    ],
)
def test_malformed_value_is_a_clear_error_naming_the_variable(name, value, expected):
    """A value that cannot be read stops the start with ImproperlyConfigured naming the variable;
    a URL's password never appears in the message (it goes to logs)."""
    # CONN_MAX_AGE is read for a server database, the cache timeouts with Redis
    services = {"DATABASE_URL": "postgres://coop@db/coopplan", "REDIS_URL": "redis://127.0.0.1:6379/0"}
    result = run_settings({"DEBUG": "True", **services, name: value}, "import django; django.setup()")
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("django.core.exceptions.ImproperlyConfigured: ") and name in last and expected in last
    assert "s3cretpw" not in result.stderr


def test_portal_env_rules():
    """PortalEnv itself, on a table of values (no process needed)."""
    from django.core.exceptions import ImproperlyConfigured

    from coopplan.settings.environment import PortalEnv

    def env_with(**values):
        env = PortalEnv()
        env.ENVIRON = values
        return env

    assert env_with(N="").int("N", default=60) == 60
    assert env_with(N=" 42 ").int("N", default=60) == 42
    assert env_with(F="").float("F", default=1.5) == 1.5
    assert env_with(F="0.25").float("F", default=1.5) == 0.25
    assert env_with(B="").bool("B", default=True) is True
    for word, meaning in [("True", True), ("yes", True), ("1", True), ("off", False), ("FALSE", False), ("0", False)]:
        assert env_with(B=word).bool("B", default=not meaning) is meaning
    assert env_with(L="").list("L", default=["a"]) == ["a"]
    assert env_with(L=" a, b ,,").list("L", default=[]) == ["a", "b"]
    assert env_with(S="").str("S", default="CoopPlan") == "CoopPlan"
    assert env_with(S="").is_empty("S") and not env_with(S="x").is_empty("S") and not env_with().is_empty("S")
    assert env_with(R="").redis_url("R") == "" and env_with(R="unix:///run/redis.sock").redis_url("R")
    assert env_with(D="").db("D", default="sqlite:////tmp/x.sqlite3")["ENGINE"] == "django.db.backends.sqlite3"
    with pytest.raises(ImproperlyConfigured, match="S is set but empty"):
        env_with(S="").str("S")
    with pytest.raises(ImproperlyConfigured, match="B='maybe'"):
        env_with(B="maybe").bool("B", default=True)
    with pytest.raises(ImproperlyConfigured, match="N='1.5'"):
        env_with(N="1.5").int("N", default=1)
    with pytest.raises(ImproperlyConfigured, match="R .*not a Redis URL"):
        env_with(R="http://cache:6379").redis_url("R")


@pytest.mark.parametrize(
    "url",
    [
        "postgres://coop:s3cr/etpw@db:5432/coopplan",  # a password's "/" not %-encoded: "s3cr" read as the port
        "postgres://coop:s3cr?etpw@db:5432/coopplan",
        "postgres://coop:s3cretpw@db:54x2/coopplan",
    ],
)
def test_malformed_database_url_echoes_no_part_of_it(url):
    """The message names the variable and its scheme only: a password with a character that
    should have been %-encoded is cut by the URL parser into a "port", which the parser's own
    error quoted (``Port could not be cast to integer value as 's3cr'``)."""
    from django.core.exceptions import ImproperlyConfigured

    from coopplan.settings.environment import PortalEnv

    env = PortalEnv()
    env.ENVIRON = {"DATABASE_URL": url}
    with pytest.raises(ImproperlyConfigured) as refused:
        env.db_url("DATABASE_URL")
    message = str(refused.value)
    assert message.startswith("DATABASE_URL (scheme postgres) cannot be read"), message
    assert "s3cr" not in message and "54x2" not in message and "db:" not in message, message
