"""The page benchmarks start their process as gunicorn starts a worker (``coopplan/wsgi.py``):
without ``gc.freeze()`` a full collection over Django's and the project's modules landed in
about one request of twenty and the benchmark's p95 measured a pause no worker pays (issue 17)."""

import gc
import sys

from benchmarks.pages_bench import start_as_a_worker


def test_the_benchmark_process_freezes_what_a_worker_freezes():
    gc.unfreeze()
    sys.modules.pop("coopplan.wsgi", None)
    try:
        assert start_as_a_worker(freeze=False) == "gc not frozen (--no-freeze)"
        assert gc.get_freeze_count() == 0 and "coopplan.wsgi" not in sys.modules
        started = start_as_a_worker()
        assert "coopplan.wsgi" in sys.modules and "reports.views" in sys.modules
        assert gc.get_freeze_count() > 10_000 and str(gc.get_freeze_count()) in started
    finally:
        gc.unfreeze()
