"""The WSGI module gunicorn loads: the application, and the start-up objects frozen out of the
garbage collector's full collections (issue 17: the pause of a full collection over Django's
and the project's modules landed in one request of about twenty)."""

import gc
import importlib
import sys


def test_the_wsgi_module_loads_the_urlconf_and_freezes_what_is_alive():
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    sys.modules.pop("coopplan.wsgi", None)
    try:
        module = importlib.import_module("coopplan.wsgi")
        assert callable(module.application)
        # Every view module was imported before the freeze, so it is part of what was frozen.
        assert "plans.views" in sys.modules and "reports.views" in sys.modules
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
