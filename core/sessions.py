"""The portal's session engine: Django's database sessions, read with a statement built once.

Every signed-in request reads its session row first. ``django.contrib.sessions.backends.db``
reads it with ``Session.objects.get(session_key=…, expire_date__gt=now)``, which builds and
compiles the query through the ORM on every request (~0.4 ms of CPU for a primary-key lookup
of ~0.05 ms; issue 17). This store runs the same lookup — same table, same key, same expiry
test — as one statement built once per process; everything else (saving, rotating the key on
sign-in, deleting on sign-out, ``clearsessions``) is Django's own, so sessions keep their
security: a session deleted or expired in the database is gone at the next request, on every
worker, which a cache-first engine (``cached_db``) would not guarantee while the cache is down
during a sign-out.
"""

from functools import cache

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


@cache
def _load_sql(alias: str) -> str:
    from django.contrib.sessions.models import Session

    meta, qn = Session._meta, connections[alias].ops.quote_name
    return (
        f"SELECT {qn(meta.get_field('session_data').column)} FROM {qn(meta.db_table)}"
        f" WHERE {qn(meta.get_field('session_key').column)} = %s"
        f" AND {qn(meta.get_field('expire_date').column)} > %s"
    )


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        """The session row if it exists and has not expired (only its data is read: ``load``
        needs nothing else); else ``None``, and the key is dropped as Django's store does."""
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(
                _load_sql(alias), [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())]
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return self.model(session_key=self.session_key, session_data=row[0])
