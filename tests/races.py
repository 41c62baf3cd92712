"""Two (or more) users at once, on PostgreSQL: the one helper every race test uses."""

import threading

from django.core.exceptions import ValidationError
from django.db import connection


def race(*calls, timeout: float = 120):
    """Run ``calls`` at the same moment in threads (each on its own connection, closed after);
    [(outcome, value)] in order: ("ok", result), ("refused", ValidationError). Anything else a
    call raises fails the test."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = ("ok", call())
        except ValidationError as exc:
            results[i] = ("refused", exc)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[i] = ("error", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    assert all(r is not None and r[0] != "error" for r in results), results
    return results
