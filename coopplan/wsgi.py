"""WSGI entry point (gunicorn coopplan.wsgi)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")
application = get_wsgi_application()


def _freeze_startup_objects():
    """Import the URLconf (and with it every view, form and selector module) now, then move
    everything alive into the collector's permanent generation: the hundreds of thousands of
    objects of Django and the project's modules are otherwise walked again by every full
    collection, a pause of ~50 ms that lands in one request of about twenty (issue 17, measured
    in docs/benchmarks.md)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imported for its side effect
    gc.collect()
    gc.freeze()


_freeze_startup_objects()
