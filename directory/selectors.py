"""Reads over units and agencies that every app uses for scoping."""

from dataclasses import dataclass
from functools import cache, reduce
from operator import or_
from types import SimpleNamespace

from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from .models import AdministrativeUnit, Agency

_LINEAGE_SQL = (
    "WITH RECURSIVE lineage(id) AS ("
    " SELECT id FROM directory_administrativeunit WHERE id = %s"
    " UNION SELECT s.from_administrativeunit_id FROM directory_administrativeunit_successors s"
    " JOIN lineage l ON s.to_administrativeunit_id = l.id"
    ") SELECT id FROM lineage"
)


def unit_lineage(unit: AdministrativeUnit) -> list[AdministrativeUnit]:
    """``unit`` plus every earlier unit that became it (transitively), e.g. the new
    province of Quảng Ngãi and the old provinces of Quảng Ngãi and Kon Tum. Data of
    2021–2025 is filed under the old units, so an area always includes its predecessors.

    One query (a recursive CTE over the succession links, ``UNION`` stops at cycles), and
    remembered on the unit object: the user's unit is loaded once per request (with the
    user, see ``core.auth``), so the dashboards' area, the plan scope and the breadcrumbs
    of one request share it.

    On PostgreSQL the predecessors are also kept per process for each lineage version
    (migration directory.0006): the same one statement reads the version and walks the links
    only when the version is not the one this process knows for the unit, or when the
    reader's own transaction changed links or units (``_lineage_by_version``)."""
    cached = unit.__dict__.get("_lineage")
    if cached is None:
        from django.db import connection

        if connection.vendor == "postgresql":
            cached = [unit, *_lineage_by_version(connection, unit)]
        else:
            cached = [unit, *AdministrativeUnit.objects.raw(_lineage_units_sql(), [unit.pk, unit.pk])]
        unit.__dict__["_lineage"] = cached
    return list(cached)


# Each unit's predecessors by lineage version (issue 17): unit id → (version, the predecessors'
# rows: every concrete field's value, by id). A version answers one state of the committed
# links and units, so the rows read under it are that state's; they are made into new model
# instances for each request. Bounded: emptied when full.
_LINEAGE_MEMO: dict[int, tuple[int, tuple[tuple, ...]]] = {}
_LINEAGE_MEMO_SIZE = 20_000


def _lineage_by_version(connection, unit: AdministrativeUnit) -> list[AdministrativeUnit]:
    """The predecessors of ``unit`` on PostgreSQL: one statement that reads the lineage version
    and whether this transaction changed links or units, and walks the links only when the
    process does not know the unit's predecessors under that version (its gate, a condition on
    the version alone, stops the walk before it starts). A transaction that changed them walks
    (its writes are not committed) and keeps nothing."""
    known = _LINEAGE_MEMO.get(unit.pk)
    with connection.cursor() as cursor:
        cursor.execute(_lineage_versioned_sql(), [unit.pk, known[0] if known else None, unit.pk])
        rows = cursor.fetchall()
    changed, version = rows[0][0], rows[0][1]
    current = version is not None and changed != "on"
    if current and known is not None and known[0] == version:
        values = known[1]
    else:
        values = tuple(row[2:] for row in rows if row[2] is not None)
        if current:
            if len(_LINEAGE_MEMO) >= _LINEAGE_MEMO_SIZE:
                _LINEAGE_MEMO.clear()
            _LINEAGE_MEMO[unit.pk] = (version, values)
    names = _unit_attnames()
    return [AdministrativeUnit.from_db(connection.alias, names, list(v)) for v in values]


@cache
def _unit_attnames() -> list[str]:
    return [f.attname for f in AdministrativeUnit._meta.concrete_fields]


@cache
def _lineage_versioned_sql() -> str:
    """``_lineage_units_sql`` behind the lineage version: the version row and the transaction's
    mark first (``v``), then the predecessors, walked only when the version is not the one
    passed (or the transaction wrote). Parameters: the unit, the version known for it (or
    None), the unit. Always one row at least (the version's, without a unit when there is no
    predecessor or the walk was not needed)."""
    from django.db import connection

    columns = ", ".join(f"u.{connection.ops.quote_name(f.column)}" for f in AdministrativeUnit._meta.concrete_fields)
    return (
        "WITH RECURSIVE v AS MATERIALIZED (SELECT current_setting('coopplan.lineage_changed', true) AS changed,"
        " (SELECT value FROM directory_lineage_version WHERE id = 1) AS version),"
        " lineage(id) AS ("
        " SELECT u.id FROM directory_administrativeunit u, v WHERE u.id = %s"
        " AND (v.version IS DISTINCT FROM %s OR v.changed IS NOT DISTINCT FROM 'on')"
        " UNION SELECT s.from_administrativeunit_id FROM directory_administrativeunit_successors s"
        " JOIN lineage l ON s.to_administrativeunit_id = l.id"
        f") SELECT v.changed, v.version, p.* FROM v LEFT JOIN LATERAL (SELECT {columns}"
        " FROM directory_administrativeunit u WHERE u.id IN (SELECT id FROM lineage) AND u.id <> %s) p ON true"
        " ORDER BY p.id"
    )


@cache
def _lineage_units_sql() -> str:
    """The units of ``_LINEAGE_SQL`` but the first, sorted by id, every column of the model: run
    through ``Manager.raw`` (Django's converters and ``from_db``), which costs half the CPU of
    building ``filter(pk__in=RawSQL(…)).exclude(…).order_by(…)`` on every dashboard request
    (~0.5 ms; issue 17)."""
    from django.db import connection

    columns = ", ".join(f"u.{connection.ops.quote_name(f.column)}" for f in AdministrativeUnit._meta.concrete_fields)
    return (
        f"{_LINEAGE_SQL.removesuffix(' SELECT id FROM lineage')}"
        f" SELECT {columns} FROM directory_administrativeunit u"
        " WHERE u.id IN (SELECT id FROM lineage) AND u.id <> %s ORDER BY u.id"
    )


# A chain of mergers is short (a commune merged in 2019, then again on 01/07/2025); a longer
# one means a cycle entered by hand in the succession table, and the walk stops there.
MAX_SUCCESSION_STEPS = 32

_CHAIN_SQL = (
    "WITH RECURSIVE chain(start_id, unit_id, depth) AS ("
    " SELECT {first}, {second}, 1 FROM directory_administrativeunit_successors"
    " WHERE is_default AND {first} IN ({ids})"
    " UNION SELECT c.start_id, s.{second}, c.depth + 1 FROM directory_administrativeunit_successors s"
    " JOIN chain c ON s.{first} = c.unit_id WHERE s.is_default AND c.depth < %s"
    ") SELECT g.start_id, g.unit_id, (SELECT u.path FROM directory_administrativeunit u WHERE u.id = g.unit_id), g.depth"
    " FROM (SELECT start_id, unit_id, MIN(depth) AS depth FROM chain WHERE unit_id <> start_id"
    " GROUP BY start_id, unit_id) g ORDER BY 4, 1, 2"
)
# Each unit's path is read by its key once the chain is grouped (issue 17): the planner cannot
# estimate a recursive CTE (30,000 rows for 273) and joined the chain to every unit by a
# sequential scan and a hash of 14,888 rows (a province's home page: 8–17 ms for this
# statement). A link's units are foreign keys, so each unit exists: the same rows as the join.
# On PostgreSQL each step of the walk also reads the links of the units reached by an index
# probe (``LATERAL``; ``OFFSET 0`` keeps the planner from turning it back into a join): with the
# join, the same estimate made it merge the step with the whole link table's index (10,833
# links read for 273). Other databases run ``_CHAIN_SQL`` (SQLite has no ``LATERAL``);
# tests/dashboards/test_succession_chain.py compares the two.
_CHAIN_SQL_POSTGRESQL = _CHAIN_SQL.replace(
    " UNION SELECT c.start_id, s.{second}, c.depth + 1 FROM directory_administrativeunit_successors s"
    " JOIN chain c ON s.{first} = c.unit_id WHERE s.is_default AND c.depth < %s",
    " UNION SELECT c.start_id, s.{second}, c.depth + 1 FROM chain c CROSS JOIN LATERAL ("
    "SELECT l.{second} FROM directory_administrativeunit_successors l"
    " WHERE l.{first} = c.unit_id AND l.is_default OFFSET 0) s WHERE c.depth < %s",
)
assert _CHAIN_SQL_POSTGRESQL != _CHAIN_SQL


def succession_chain(unit_ids, *, backward: bool) -> list[tuple[int, int, str, int]]:
    """The whole chain of default succession links (``UnitSuccession.is_default``) from each
    of ``unit_ids``, transitively: ``backward`` every unit that became it (a commune merged
    in 2019 into a commune that was merged again in 07/2025 is two steps behind today's
    commune), else every unit it became. Rows ``(start_id, unit_id, unit_path, steps)``,
    nearest first; a cycle (impossible in the library's data, but the table is editable in
    the admin) ends the walk: a unit is never its own predecessor and no chain goes beyond
    ``MAX_SUCCESSION_STEPS``. One query (a recursive CTE)."""
    from django.db import connection

    ids = sorted({int(pk) for pk in unit_ids})
    if not ids:
        return []
    first, second = (
        ("to_administrativeunit_id", "from_administrativeunit_id") if backward
        else ("from_administrativeunit_id", "to_administrativeunit_id")
    )
    chain_sql = _CHAIN_SQL_POSTGRESQL if connection.vendor == "postgresql" else _CHAIN_SQL
    sql = chain_sql.format(first=first, second=second, ids=", ".join(["%s"] * len(ids)))
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ids, MAX_SUCCESSION_STEPS])
        return [(a, b, path or "", depth) for a, b, path, depth in cursor.fetchall()]


def unit_area_q(unit: AdministrativeUnit | None, field: str = "") -> Q:
    """A Q object matching rows whose unit lies in ``unit``'s area (itself, the units
    below it, and its predecessors' subtrees). ``field`` is the path to the unit from the
    filtered model, e.g. ``"commune"`` or ``"issuer__unit"``; empty for units themselves."""
    if unit is None:
        return Q(pk__in=[])
    return area_paths_q(unit_area_paths(unit), field)


def unit_area_paths(unit: AdministrativeUnit) -> list[str]:
    """The subtree paths making up ``unit``'s area (its own and its predecessors')."""
    return minimal_paths(u.path for u in unit_lineage(unit))


def area_paths_q(paths: list[str], field: str = "") -> Q:
    """Q matching rows whose unit (at ``field``) lies under one of ``paths``."""
    if not paths:  # a unit saved without its path: match nothing rather than everything
        return Q(pk__in=[])
    prefix = f"{field}__" if field else ""
    return reduce(or_, (Q(**{f"{prefix}path__startswith": p}) for p in paths))


def minimal_paths(paths) -> list[str]:
    """Drop paths that lie under another one of the set: an old district below an old
    province adds nothing to the province's subtree, and fewer OR terms keep the SQL small."""
    kept: list[str] = []
    for p in sorted(set(paths)):
        if p and not any(p.startswith(k) for k in kept):
            kept.append(p)
    return kept


def units_in_area(unit: AdministrativeUnit | None) -> QuerySet[AdministrativeUnit]:
    return AdministrativeUnit.objects.filter(unit_area_q(unit))


_AGENCY_LINEAGE_SQL = (
    "WITH RECURSIVE agencies(id) AS ("
    " SELECT id FROM directory_agency WHERE id = %s"
    " UNION SELECT a.id FROM directory_agency a JOIN agencies p ON a.successor_id = p.id"
    ") SELECT id FROM agencies"
)


def agency_lineage(agency: Agency | None) -> list[Agency]:
    """``agency`` plus every agency it succeeded, transitively (Phòng TC-KH huyện Sơn Hà for
    UBND xã Sơn Hà). A successor reads its predecessors' records: what they issued, received
    and reported stays visible to the staff who took their work over.

    One query (a recursive CTE over ``Agency.successor``; ``UNION`` stops at a cycle entered
    in the admin), the predecessors with their units, sorted by id after ``agency``."""
    if agency is None:
        return []
    others = (
        Agency.objects.select_related("unit")
        .filter(pk__in=RawSQL(_AGENCY_LINEAGE_SQL, [agency.pk]))
        .exclude(pk=agency.pk)
        .order_by("pk")
    )
    return [agency, *others]


# The whole area of an agency in one statement (issue 17): the agencies it succeeded
# (transitively), then the units of all of them and every unit that became one of those units
# (transitively), and the paths of those units. Both CTEs are plain SQL that PostgreSQL and
# SQLite run alike; ``UNION`` (not ``UNION ALL``) ends the walks at a cycle.
_AGENCY_AREA_SQL = (
    "WITH RECURSIVE agencies(id) AS ("
    " SELECT id FROM directory_agency WHERE id = %s"
    " UNION SELECT a.id FROM directory_agency a JOIN agencies p ON a.successor_id = p.id"
    "), units(id) AS ("
    " SELECT a.unit_id FROM directory_agency a WHERE a.id IN (SELECT id FROM agencies)"
    " UNION SELECT s.from_administrativeunit_id FROM directory_administrativeunit_successors s"
    " JOIN units u ON s.to_administrativeunit_id = u.id"
    ") SELECT a.id, a.parent_id, NULL FROM directory_agency a WHERE a.id IN (SELECT id FROM agencies)"
    " UNION ALL SELECT NULL, NULL, u.path FROM directory_administrativeunit u WHERE u.id IN (SELECT id FROM units)"
)


@dataclass(frozen=True)
class AgencyArea:
    """What scoping needs of an agency's lineage: the ids of the agency and of every agency it
    succeeded, their governing bodies (``Agency.parent``), and the minimal subtree paths of the
    area (every unit of those agencies with its predecessors, see ``agency_area_paths``)."""

    agency_ids: tuple[int, ...]
    parent_ids: tuple[int, ...]
    paths: tuple[str, ...]


def agency_area(agency: Agency) -> AgencyArea:
    """The lineage and area of ``agency`` in one query, whatever the number of generations of
    agencies and units behind it (a commune that took over a district office whose district had
    merged several: one query instead of one per generation and one per unit)."""
    from django.db import connection

    agency_ids, parent_ids, paths = set(), set(), []
    with connection.cursor() as cursor:
        cursor.execute(_AGENCY_AREA_SQL, [agency.pk])
        for agency_id, parent_id, path in cursor.fetchall():
            if agency_id is not None:
                agency_ids.add(agency_id)
                if parent_id is not None:
                    parent_ids.add(parent_id)
            elif path:
                paths.append(path)
    return AgencyArea(tuple(sorted(agency_ids)), tuple(sorted(parent_ids)), tuple(minimal_paths(paths)))


def user_agency_area(user) -> AgencyArea | None:
    """``agency_area(user.agency)`` once per user object, i.e. once per request (the portal's
    ``request.user`` lives for one request); ``None`` without an agency."""
    if not getattr(user, "agency_id", None):
        return None
    cached = user.__dict__.get("_coopplan_area")
    if cached is None or cached[0] != user.agency_id:
        cached = user.__dict__["_coopplan_area"] = (user.agency_id, agency_area(user.agency))
    return cached[1]


def agency_area_paths(agency: Agency) -> list[str]:
    """The subtree paths of an agency's area: its unit's area and the areas of the units of
    the agencies it succeeded (a commune that took over a district office reads the records
    of that district)."""
    return list(agency_area(agency).paths)


def agencies_visible_to(user) -> QuerySet[Agency]:
    """Agencies a user may see: all for admins, else those in their agency's area."""
    qs = Agency.objects.select_related("unit", "parent")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    if not user.agency_id:
        return qs.none()
    return qs.filter(area_paths_q(list(user_agency_area(user).paths), "unit"))


def units_visible_to(user) -> QuerySet[AdministrativeUnit]:
    if not user.is_authenticated:
        return AdministrativeUnit.objects.none()
    if user.is_superuser:
        return AdministrativeUnit.objects.all()
    if not user.agency_id:
        return AdministrativeUnit.objects.none()
    return AdministrativeUnit.objects.filter(area_paths_q(list(user_agency_area(user).paths)))


def agencies_in_province_of(user) -> QuerySet[Agency]:
    """Agencies a form may name as a partner of the user's work (a registry organisation's
    supporting agency): those of the user's province — its whole tree, with the old units it
    took over — and of the areas of the agencies the user's agency succeeded. All for admins,
    none without an agency. A commune's cooperative is often supported by a provincial body
    (Liên minh HTX tỉnh), so the province, not only the user's own area."""
    qs = Agency.objects.select_related("unit")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    if not user.agency_id:
        return qs.none()
    unit = user.agency.unit
    root_pk = int(unit.path.strip("/").split("/")[0]) if unit.path else unit.pk
    root = unit if root_pk == unit.pk else AdministrativeUnit.objects.get(pk=root_pk)
    return qs.filter(area_paths_q(minimal_paths(unit_area_paths(root) + list(user_agency_area(user).paths)), "unit"))


# --------------------------------------------------------------------------- life (valid_from/valid_to)
# A body is alive on a day when it had begun (no ``valid_from`` means "since before the
# portal's records") and not yet ended (``valid_to`` is its last day: 30/06/2025 for the bodies
# the 2025 reform abolished). Forms and generation use these, never their own date tests.


def alive_on_q(day, field: str = "") -> Q:
    """Q for units or agencies (at ``field``, e.g. ``"unit"``) alive on ``day``."""
    return alive_between_q(day, day, field)


def alive_between_q(start, end=None, field: str = "") -> Q:
    """Q for bodies alive at some moment of [start, end] (``end`` None: from ``start`` on)."""
    prefix = f"{field}__" if field else ""
    q = Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": start})
    if end is not None:
        q &= Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": end})
    return q


def agencies_alive_on(day, qs: QuerySet[Agency] | None = None) -> QuerySet[Agency]:
    """Agencies (of ``qs``, default all) alive on ``day``: after 30/06/2025 no abolished district
    office or old commune's People's Committee, before it none of the bodies created by the reform."""
    return (Agency.objects.all() if qs is None else qs).filter(alive_on_q(day))


def units_alive_on(day, qs: QuerySet[AdministrativeUnit] | None = None) -> QuerySet[AdministrativeUnit]:
    """Administrative units (of ``qs``, default all) in force on ``day``."""
    return (AdministrativeUnit.objects.all() if qs is None else qs).filter(alive_on_q(day))


def is_alive_between(obj, start, end=None) -> bool:
    """The same test as ``alive_between_q`` on one loaded unit or agency (no query)."""
    if obj.valid_to is not None and obj.valid_to < start:
        return False
    return not (end is not None and obj.valid_from is not None and obj.valid_from > end)


def alive_during_q(field: str, start_field: str, end_field: str) -> Q:
    """Q for rows whose body at ``field`` (e.g. ``"agency"``) was alive at some moment between
    two date columns of the same row (e.g. ``"period__start"``, ``"period__end"``)."""
    from django.db.models import F

    return (Q(**{f"{field}__valid_to__isnull": True}) | Q(**{f"{field}__valid_to__gte": F(start_field)})) & (
        Q(**{f"{field}__valid_from__isnull": True}) | Q(**{f"{field}__valid_from__lte": F(end_field)})
    )


def formerly_prefetch(path: str = "", *, units: bool = False):
    """The Prefetch a list needs for ``{{ obj|formerly }}`` on the agency (or, ``units=True``,
    the administrative unit) at ``path`` ("agency", "commune"; "" for the listed objects)."""
    from django.db.models import Prefetch

    lookup = f"{path}__predecessors" if path else "predecessors"
    if units:
        qs = AdministrativeUnit.objects.only("id", "name", "kind", "code").order_by("name")
    else:
        qs = Agency.objects.only("id", "name", "successor_id").order_by("name")
    return Prefetch(lookup, queryset=qs)


def successors_prefetch(path: str = ""):
    """The Prefetch for ``{{ unit|now_part_of }}`` on the unit at ``path`` ("commune")."""
    from django.db.models import Prefetch

    lookup = f"{path}__successors" if path else "successors"
    return Prefetch(lookup, queryset=AdministrativeUnit.objects.filter(valid_to__isnull=True).only("id", "name", "kind", "code").order_by("name"))
def unit_hints(units) -> dict[int, str]:
    """``{unit id: hint}`` for ``units`` (a list page's communes): what ``{{ unit|now_part_of }}``
    writes for a unit that ended ("(nay: xã Sơn Hà)") and ``{{ unit|formerly }}`` for one in force
    ("(trước đây: …)"), units without one left out. One statement for the page, the names in the
    prefetches' order (by name; ties by id), instead of the two prefetches of every unit's
    successors and predecessors: ~6 ms of CPU for the registry list's 50 rows, most of it the
    related managers and the prefetch machinery (issue 17). Same text as the filters:
    tests/directory/test_unit_hints.py."""
    from django.db import connection

    from .models import UnitSuccession
    from .templatetags.directory_tags import formerly_text, now_part_of_text

    current = sorted({u.pk for u in units if u.valid_to is None})
    ended = sorted({u.pk for u in units if u.valid_to is not None})
    if not current and not ended:
        return {}
    links, unit = UnitSuccession._meta.db_table, AdministrativeUnit._meta.db_table
    parts, params = [], []
    if current:  # their predecessors
        parts.append(
            f'SELECT s."to_administrativeunit_id", 0, u."name", u."kind", u."id" FROM {links} s'
            f' INNER JOIN {unit} u ON u."id" = s."from_administrativeunit_id"'
            f' WHERE s."to_administrativeunit_id" IN ({", ".join(["%s"] * len(current))})'
        )
        params += current
    if ended:  # their successors in force
        parts.append(
            f'SELECT s."from_administrativeunit_id", 1, u."name", u."kind", u."id" FROM {links} s'
            f' INNER JOIN {unit} u ON u."id" = s."to_administrativeunit_id"'
            f' WHERE s."from_administrativeunit_id" IN ({", ".join(["%s"] * len(ended))}) AND u."valid_to" IS NULL'
        )
        params += ended
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts) + " ORDER BY 3, 5", params)
        rows = cursor.fetchall()
    full_name = AdministrativeUnit.full_name.fget
    names: dict[tuple[int, int], list[str]] = {}
    for unit_id, successors, name, kind, _pk in rows:
        names.setdefault((unit_id, successors), []).append(full_name(SimpleNamespace(name=name, kind=kind)) or name)
    hints = {}
    for (unit_id, successors), found in names.items():
        hints[unit_id] = now_part_of_text(found) if successors else formerly_text(found, units=True)
    return hints


def filter_units_for(user) -> QuerySet[AdministrativeUnit]:
    """Units a list can be filtered by: the provinces and districts the user sees (communes
    would be thousands; a district already includes its communes). The plan and registry
    filters and their autocomplete endpoint read this same queryset (issue 17)."""
    from .models import UnitLevel

    return (
        units_visible_to(user)
        .filter(level__in=[UnitLevel.PROVINCE, UnitLevel.DISTRICT])
        .select_related("parent")
        .order_by("path")
    )
