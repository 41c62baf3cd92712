"""Keeping the portal up while Redis (cache and Celery broker) is down.

Cache fallback — ``FailSafeRedisCache`` is Django's Redis cache backend whose every read
answers "not cached" and every write is skipped when Redis cannot be reached. Pages then
compute what they would have read (the dashboards, the import progress) instead of
answering 500. Short socket timeouts (settings ``CACHES``) bound what one call can cost, and
after a failure the backend does not try Redis again for ``CACHE_RETRY_SECONDS`` (default
30) in this process, so a page with many cache calls pays at most one timeout.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


# =========================================================================== cache fallback


def _redis_errors() -> tuple[type[BaseException], ...]:
    import redis

    # OSError covers sockets closed under us; RedisError covers ConnectionError and TimeoutError.
    return (redis.exceptions.RedisError, OSError)


class FailSafeRedisCache(RedisCache):
    """Redis cache that degrades to "nothing cached" while Redis is unreachable.

    Reads return the default, writes and deletes are skipped, ``incr`` raises ValueError (as
    for a missing key, which callers already handle). The first failure is logged as a
    warning; then Redis is left alone for ``CACHE_RETRY_SECONDS`` and tried again.
    """

    _lock = threading.Lock()

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0

    # -- the circuit breaker ------------------------------------------------------------
    @staticmethod
    def retry_seconds() -> float:
        return float(getattr(settings, "CACHE_RETRY_SECONDS", 30))

    @property
    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _failed(self, operation: str, exc: BaseException) -> None:
        with self._lock:
            was_up = not self.is_down
            self._down_until = time.monotonic() + self.retry_seconds()
        if was_up:
            logger.warning(
                "cache: Redis unreachable during %s (%s: %s); computing without the cache for %.0f s",
                operation,
                type(exc).__name__,
                exc,
                self.retry_seconds(),
            )

    def _call(self, operation: str, fallback, *args, **kwargs):
        if self.is_down:
            return fallback()
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except _redis_errors() as exc:
            self._failed(operation, exc)
            return fallback()

    # -- every operation of BaseCache that reaches Redis ----------------------------------
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", lambda: False, key, value, timeout=timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout=timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version=version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")

        return self._call("incr", missing, key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout=timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version=version)

    def clear(self):
        return self._call("clear", lambda: False)
