"""The year picker's statements in a test (issue 17).

On PostgreSQL ``selectors.years_with_data`` reads the data version before the years; a test's
transaction has written its data, so the years are computed as well (the version's memo serves
only committed data): one statement more than on SQLite. A request on a portal whose years of
the current version are known sends the version's statement instead of the years'
(tests/dashboards/test_years_version.py)."""

from django.db import connection

YEARS_VERSION = 1 if connection.vendor == "postgresql" else 0
