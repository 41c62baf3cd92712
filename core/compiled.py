"""ORM queries compiled once per process and database, run again with another value (issue 17).

Building and compiling a small queryset (``filter``, ``select_related``, ``order_by``, the
compiler's select list and joins) costs ~0.5–1 ms of CPU on every request, several times
what running it costs the database: the target progress page spent ~2 ms so on its plan and
its plan's targets. ``CompiledQuery`` compiles the queryset once with a marker in place of
its one parameter and then sends the compiled statement with the value given, turning the
rows into model instances as ``QuerySet`` iteration does (the compiler's converters,
``Model.from_db``, Django's related populators for ``select_related``). The queryset stays
the ORM's own: the same SQL, the same instances (tests compare them field for field).

``core.auth.user_with_agency`` does the same for the signed-in user.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connections, router
from django.db.models import QuerySet
from django.db.models.query import get_related_populators

# The value compiled in place of the parameter: an integer no key reaches in practice, and
# the compiled parameters are checked to be exactly it (else the queryset runs as usual).
MARKER = 987_654_323


class CompiledQuery:
    """``build(value)`` — a queryset of model instances whose one SQL parameter is ``value``
    (an integer: a key) — compiled once per database alias; ``fetch(value)`` is
    ``list(build(value))``."""

    def __init__(self, build: Callable[[int], QuerySet]):
        self.build = build
        self._model_class = None
        self._compiled: dict[str, tuple | None] = {}

    def _compile(self, alias: str):
        queryset = self.build(MARKER)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        if list(params) != [MARKER] or queryset._known_related_objects or queryset._prefetch_related_lookups:
            return None
        klass_info, select = compiler.klass_info, compiler.select
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        init_list = [column[0].target.attname for column in select[start:end]]
        converters = compiler.get_converters([column[0] for column in select[: compiler.col_count]])
        populators = get_related_populators(klass_info, select, alias)
        return compiler, converters, sql, klass_info["model"], start, end, init_list, populators

    def fetch(self, value: int) -> list:
        alias = router.db_for_read(self._model())
        if alias not in self._compiled:
            self._compiled[alias] = self._compile(alias)
        compiled = self._compiled[alias]
        if compiled is None:
            return list(self.build(value).using(alias))
        compiler, converters, sql, model, start, end, init_list, populators = compiled
        value = int(value)
        if not -(2**63) <= value < 2**63:
            return []  # as the ORM: a key out of any integer column's range matches nothing
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, [value])
            rows = cursor.fetchall()
        if converters:
            rows = compiler.apply_converters(rows, converters)
        objects = []
        for row in rows:
            obj = model.from_db(alias, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects

    def _model(self):
        if self._model_class is None:
            self._model_class = self.build(MARKER).model
        return self._model_class
