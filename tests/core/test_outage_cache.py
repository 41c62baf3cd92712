"""Issue 11, Redis down: every page that reads the cache computes instead of answering 500.

The cache points at a port where nothing listens (``DEAD_REDIS``). With Django's plain
RedisCache the leader's dashboard raises (the observed outage); with the portal's
``core.dispatch.FailSafeRedisCache`` (what settings use whenever REDIS_URL is set) every
page of the leader answers without a server error and without waiting on Redis.
"""

import time

import pytest
import redis
from django.core.cache import cache, caches
from django.urls import reverse

from core.dispatch import FailSafeRedisCache
from tests.crawl import crawl
from tests.dashboards.conftest import TODAY, world  # noqa: F401  (the dashboards' data set)
from tests.directory.factories import UserFactory
from tests.work import redis_connects

pytestmark = pytest.mark.django_db
DEAD_REDIS = "redis://127.0.0.1:6399/0"  # nothing listens on 6399
TIMEOUTS = {"socket_connect_timeout": 1.0, "socket_timeout": 2.0}


@pytest.fixture
def today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def _cache_at(settings, backend: str, location: str = DEAD_REDIS):
    # Changing CACHES makes Django drop its cache connections: ``cache`` is the new backend.
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": location, "OPTIONS": TIMEOUTS}}
    settings.DASHBOARDS_CACHE_SECONDS = 600


@pytest.fixture
def dead_cache(settings):
    _cache_at(settings, "core.dispatch.FailSafeRedisCache")
    yield cache
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def lanhdao(province_agency):
    return UserFactory(username="lanhdao", agency=province_agency, is_leader=True)


def test_plain_redis_cache_at_a_dead_port_breaks_the_dashboard(settings, client_for, world, lanhdao, today):  # noqa: F811
    """The observed outage: Django's RedisCache raises on the leader's dashboard."""
    _cache_at(settings, "django.core.cache.backends.redis.RedisCache")
    with pytest.raises(redis.exceptions.ConnectionError):
        client_for(lanhdao).get(reverse("dashboards:home") + "?year=2025")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def test_leader_pages_work_with_redis_down(settings, dead_cache, client_for, world, lanhdao, today):  # noqa: F811
    """Crawl the pages the leader reaches from home (home, every dashboard, their exports,
    plans, reports, registry): 0 server errors, and no page waits on Redis: over the whole
    crawl the cache tries to connect once — the first refused connection opens the breaker and
    every later cache call of every page is skipped. (What one attempt can cost is bounded by
    the connect timeout, 1 s by default: tests/core/test_settings.py.)"""
    settings.CACHE_RETRY_SECONDS = 3600  # however slow the machine, the crawl ends before a retry
    with redis_connects() as attempts:
        visited, problems, _slowest = crawl(client_for(lanhdao), max_pages=120)
    assert problems == [], problems
    assert visited >= 100, f"the leader reached only {visited} pages"
    assert [(a.host, a.port) for a in attempts] == [("127.0.0.1", 6399)], attempts
    home = client_for(lanhdao).get(reverse("dashboards:home") + "?year=2025")
    assert home.status_code == 200
    # The figures are computed, the same as with a working cache (tests/dashboards/test_cache.py).
    assert home.context["reports"]["missing"] == 2


def test_failsafe_cache_reads_nothing_and_writes_nothing(dead_cache):
    assert cache.get("k") is None and cache.get("k", 7) == 7
    assert cache.set("k", 1) is None and cache.add("k", 1) is False
    assert cache.get_many(["a", "b"]) == {} and cache.has_key("a") is False
    assert cache.delete("k") is False and cache.touch("k") is False
    assert cache.get_or_set("k", 5) == 5
    with pytest.raises(ValueError):
        cache.incr("k")
    cache.set_many({"a": 1})
    cache.delete_many(["a"])
    cache.clear()


def test_breaker_skips_redis_then_retries(settings, dead_cache, monkeypatch):
    """After one failure Redis is not tried again for CACHE_RETRY_SECONDS; then it is."""
    settings.CACHE_RETRY_SECONDS = 30
    backend = caches["default"]
    assert isinstance(backend, FailSafeRedisCache)
    calls = []
    real_get_client = backend._cache.get_client

    def counting_get_client(*args, **kwargs):
        calls.append(1)
        return real_get_client(*args, **kwargs)

    monkeypatch.setattr(backend._cache, "get_client", counting_get_client)
    with redis_connects() as attempts:
        assert backend.get("a") is None
        assert len(calls) == 1 and backend.is_down and len(attempts) == 1
        for _ in range(50):
            backend.get("a")
            backend.set("a", 1)
        assert len(calls) == 1 and len(attempts) == 1  # none of the 100 calls went to Redis
        backend._down_until = time.monotonic() - 1  # the retry interval has passed
        backend.get("a")
        assert len(calls) == 2 and len(attempts) == 2


@pytest.mark.redis
def test_failsafe_cache_caches_when_redis_is_up(settings):
    """With a Redis that answers (REDIS_URL), the backend is an ordinary Redis cache."""
    import os

    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.skip("REDIS_URL is not set")
    _cache_at(settings, "core.dispatch.FailSafeRedisCache", url)
    try:
        cache.set("outage-test", {"a": 1}, 30)
        assert cache.get("outage-test") == {"a": 1}
        cache.delete("outage-test")
        assert cache.get("outage-test") is None
    finally:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
