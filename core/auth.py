"""Authentication backend: the signed-in user is read with their agency and its unit.

Almost every page needs ``request.user.agency.unit`` (scoping, the dashboards' area, the
menu); Django's ``ModelBackend`` reads the user alone and the agency and unit follow as two
more queries. ``get_user`` here joins them: one query per request instead of three.

That query is the ORM's own (``select_related("agency__unit")``), compiled once per process
and database: building and compiling it took ~0.6 ms of CPU on every request, against ~0.1 ms
for running it (issue 17). The rows become model instances as ``QuerySet`` iteration makes
them (``Model.from_db``, the compiler's converters, Django's related populators).
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db import connections, router
from django.db.models.query import get_related_populators


@cache
def _compiled_user_query(alias: str):
    """(compiler, its column converters, sql, slice of the user's columns, their attnames,
    related populators) of
    ``User.objects.select_related("agency__unit").filter(pk=…)`` on ``alias``; ``None`` if the
    compiled statement does not take the primary key as its only parameter."""
    user_model = get_user_model()
    queryset = user_model._default_manager.select_related("agency__unit").filter(pk=0)
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    if list(params) != [0]:
        return None
    klass_info, select = compiler.klass_info, compiler.select
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    init_list = [column[0].target.attname for column in select[start:end]]
    converters = compiler.get_converters([column[0] for column in select[: compiler.col_count]])
    return compiler, converters, sql, start, end, init_list, get_related_populators(klass_info, select, alias)


def user_with_agency(user_id):
    """The user ``user_id`` with ``agency`` and ``agency.unit`` loaded (one query), or ``None``."""
    user_model = get_user_model()
    alias = router.db_for_read(user_model)
    compiled = _compiled_user_query(alias)
    if compiled is None:
        return user_model._default_manager.select_related("agency__unit").filter(pk=user_id).first()
    compiler, converters, sql, start, end, init_list, populators = compiled
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [user_model._meta.pk.get_db_prep_value(user_id, connections[alias])])
        row = cursor.fetchone()
    if row is None:
        return None
    if converters:
        row = next(iter(compiler.apply_converters([row], converters)))
    user = user_model.from_db(alias, init_list, row[start:end])
    for populator in populators:
        populator.populate(row, user)
    return user


class UserWithAgencyBackend(ModelBackend):
    def get_user(self, user_id):
        user = user_with_agency(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
