"""Helpers of the outage tests: point Celery at a broker (a dead port, or a live Redis) for a while."""

import contextlib

DEAD_BROKER = "redis://127.0.0.1:6399/0"  # nothing listens on 6399


@contextlib.contextmanager
def celery_broker(url: str):
    """Send tasks to ``url`` instead of running them eagerly (as in production with REDIS_URL)."""
    from coopplan.celery import app

    saved = app.conf.task_always_eager, app.conf.broker_url

    def reset_pools():
        app._pool = None
        app.amqp._producer_pool = None

    app.conf.task_always_eager, app.conf.broker_url = False, url
    reset_pools()
    try:
        yield app
    finally:
        app.conf.task_always_eager, app.conf.broker_url = saved
        reset_pools()
