"""Reads over the registry: scoping to the user's area, the list with one year's figures,
export rows and home-page counts."""

from __future__ import annotations

import functools

from django.db import connection
from django.db.models import Count, F, FilteredRelation, Max, Q, QuerySet

from core.permissions import scoped, user_area_q
from directory.models import AdministrativeUnit, UnitLevel
from directory.selectors import units_visible_to, user_agency_area

from . import excel
from .models import ImportBatch, Organisation, OrganisationStatus, YearlyRecord

RECORD_VALUE_FIELDS = ("members", "workers", "revenue", "profit", "rating")


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """Organisations whose commune lies in the user's area (all for admins)."""
    return scoped(Organisation.objects.all(), user, unit_field="commune")


def organisation_list(*, user, year: int | None) -> QuerySet[Organisation]:
    """The list queryset: scoped, with commune and district, and the figures of ``year``
    joined in one LEFT JOIN (``yr_*`` annotations), so a page is one query."""
    qs = organisations_visible_to(user).select_related("commune", "commune__parent")
    if year:
        qs = qs.annotate(yr=FilteredRelation("records", condition=Q(records__year=year)))
        qs = qs.annotate(**{f"yr_{f}": F(f"yr__{f}") for f in RECORD_VALUE_FIELDS})
    return qs


def filter_units_for(user) -> QuerySet[AdministrativeUnit]:
    """Units the registry list can be filtered by: the provinces and old districts the user
    sees and today's communes (a commune of today finds the organisations registered under the
    old communes it was formed from: ``unit_area_q``). Thousands for an administrator (4,060 at
    national scale), so the filter is an autocomplete and its endpoint
    (``cooperatives:autocomplete_units``) serves this same queryset (issue 17)."""
    return (
        units_visible_to(user)
        .filter(Q(level__in=[UnitLevel.PROVINCE, UnitLevel.DISTRICT]) | Q(level=UnitLevel.COMMUNE, valid_to__isnull=True))
        .select_related("parent")
        .order_by("path")
    )


def latest_year(user) -> int | None:
    """The latest year with figures in the user's area (the list's default year).

    Both forms are index reads (issue 17): for an administrator the whole registry's
    ``MAX(year)`` is one backward step on the (year, rating) index, where the scoped form
    joined all 403,771 records at national scale on every list and home request. For an area on
    PostgreSQL, ``_latest_year_sql``: the registry's years from the newest down, each kept when
    one organisation of the area has a record that year (stopping at the first); elsewhere the
    MAX over the records of the area's organisations (the reference, tested equal).
    """
    if user.is_authenticated and user.is_active and user.is_superuser:
        return YearlyRecord.objects.aggregate(m=Max("year"))["m"]
    if connection.vendor == "postgresql" and user.is_authenticated and user.is_active and user.agency_id:
        paths = list(user_agency_area(user).paths)  # the paths ``scoped`` filters by
        if not paths:  # (a unit saved without its path: nothing, as ``area_paths_q``)
            return None
        with connection.cursor() as cursor:
            cursor.execute(_latest_year_sql(len(paths)), [connection.ops.prep_for_like_query(p) + "%" for p in paths])
            row = cursor.fetchone()
        return row[0] if row else None
    return _latest_year_orm(user)


def _latest_year_orm(user) -> int | None:
    return YearlyRecord.objects.filter(organisation__in=organisations_visible_to(user).values("pk")).aggregate(
        m=Max("year")
    )["m"]


@functools.cache
def _latest_year_sql(prefixes: int) -> str:
    """``latest_year`` for an area of ``prefixes`` paths, one statement written once per process.

    The area's organisations have ~9,500 records for a province at national scale: their MAX
    read every one (16 ms quiet, 47 ms at load 15; issue 17). The registry has a handful of
    years: they are walked newest first by a recursive loose scan of the (year, rating) index,
    each kept when a record (organisation, year) exists for an organisation of one of the area's
    units (``LATERAL … LIMIT 1`` from each unit: a few index probes); the outer ``LIMIT 1`` stops
    at the first such year, which is the MAX (0.5 ms). The units are a materialised array, as in
    ``dashboards.selectors._years_sql_postgresql``."""
    record, organisation = YearlyRecord._meta.db_table, Organisation._meta.db_table
    unit = AdministrativeUnit._meta.db_table
    units = " OR ".join(['u."path"::text LIKE %s'] * prefixes)
    return f"""
WITH RECURSIVE area_units AS MATERIALIZED (
    SELECT ARRAY(SELECT u."id" FROM {unit} u WHERE {units}) AS ids
), years(y) AS (
    SELECT MAX("year") FROM {record}
    UNION ALL
    SELECT (SELECT MAX(r."year") FROM {record} r WHERE r."year" < years.y) FROM years WHERE years.y IS NOT NULL
)
SELECT y FROM years
 WHERE y IS NOT NULL
   AND (SELECT 1 FROM unnest((SELECT ids FROM area_units)::bigint[]) AS au(id)
         CROSS JOIN LATERAL (SELECT 1 FROM {organisation} o
                               INNER JOIN {record} r ON r."organisation_id" = o."id" AND r."year" = years.y
                              WHERE o."commune_id" = au.id LIMIT 1) AS hit
         LIMIT 1) IS NOT NULL
 LIMIT 1
"""


def organisation_get_for(*, user, pk: int) -> Organisation:
    return (
        organisations_visible_to(user)
        .select_related("commune", "commune__parent", "founded_from", "supporting_agency")
        .prefetch_related("sectors", "records", "grew_into")
        .get(pk=pk)
    )


def communes_for(user) -> QuerySet[AdministrativeUnit]:
    """Communes a user may file organisations under."""
    qs = AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE).select_related("parent")
    if user.is_superuser:
        return qs
    return qs.filter(user_area_q(user, ""))


def origins_for(user, *, exclude=None) -> QuerySet[Organisation]:
    """The groups an organisation of ``user``'s area may have grown from (its hội quán, THT and
    chi hội), without the organisation ``exclude`` itself: the organisation form's field and its
    autocomplete (``views.OriginAutocompleteView``) serve this one queryset."""
    qs = organisations_visible_to(user).filter(kind__in=["hoiquan", "tht", "chihoi"]).select_related("commune")
    return qs.exclude(pk=exclude) if exclude else qs


def import_batches_for(user) -> QuerySet[ImportBatch]:
    """A user's own uploads (admins see every upload)."""
    qs = ImportBatch.objects.select_related("uploaded_by")
    if not user.is_authenticated:
        return qs.none()
    return qs if user.is_superuser else qs.filter(uploaded_by=user)


def export_rows(qs: QuerySet[Organisation], *, year: int | None, chunk_size: int = 2000):
    """Yield one dict per organisation (keys of ``excel.COLUMNS``) with the figures of
    ``year``: one LEFT JOIN query streamed with ``iterator()`` plus one sector query per chunk,
    so memory is bounded by the chunk size."""
    record_keys = [c.key for c in excel.COLUMNS if not c.org and c.key != "year"]
    base = qs.order_by(*(qs.query.order_by or ("name", "id")))
    fields = [
        "pk",
        "kind",
        "name",
        "registration_code",
        "commune__code",
        "commune__name",
        "address",
        "founded",
        "dissolved",
        "status",
        "main_products",
    ]
    if year:
        base = base.annotate(xr=FilteredRelation("records", condition=Q(records__year=year)))
        fields += ["xr__year"] + [f"xr__{k}" for k in record_keys]
    through = Organisation.sectors.through
    buffer = []

    def flush(rows):
        sectors: dict[int, list[str]] = {}
        for org_id, name in (
            through.objects.filter(organisation_id__in=[r["pk"] for r in rows])
            .order_by("sector__name")
            .values_list("organisation_id", "sector__name")
        ):
            sectors.setdefault(org_id, []).append(name)
        for row in rows:
            out = {
                "kind": row["kind"],
                "name": row["name"],
                "registration_code": row["registration_code"] or None,
                "commune_code": row["commune__code"],
                "commune_name": row["commune__name"],
                "address": row["address"] or None,
                "founded": row["founded"],
                "dissolved": row["dissolved"],
                "status": row["status"],
                "sectors": "; ".join(sectors.get(row["pk"], [])) or None,
                "main_products": row["main_products"] or None,
            }
            if year and row.get("xr__year"):
                out["year"] = row["xr__year"]
                for k in record_keys:
                    value = row[f"xr__{k}"]
                    out[k] = value if value != "" else None
            yield out

    for row in base.values(*fields).iterator(chunk_size=chunk_size):
        buffer.append(row)
        if len(buffer) >= chunk_size:
            yield from flush(buffer)
            buffer = []
    if buffer:
        yield from flush(buffer)


def registry_counts_for(user) -> dict:
    """Counts for the home panel: by kind (active), agricultural HTX, dissolved. One query."""
    qs = organisations_visible_to(user)
    active = Q(status=OrganisationStatus.ACTIVE)
    return qs.aggregate(
        total=Count("pk"),
        active=Count("pk", filter=active),
        htx=Count("pk", filter=active & Q(kind="htx")),
        htx_agri=Count("pk", filter=active & Q(kind="htx", is_agricultural=True)),
        tht=Count("pk", filter=active & Q(kind="tht")),
        hoiquan=Count("pk", filter=active & Q(kind="hoiquan")),
        other=Count("pk", filter=active & Q(kind__in=["lhhtx", "chihoi"])),
        suspended=Count("pk", filter=Q(status=OrganisationStatus.SUSPENDED)),
    )
