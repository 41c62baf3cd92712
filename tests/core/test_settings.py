"""Settings come from the environment: SQLite by default, PostgreSQL via DATABASE_URL,
a production configuration with DEBUG off, Celery eager without Redis."""

import json
import os
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
    import re

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
