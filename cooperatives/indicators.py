"""Indicators: named computations over the registry by unit area and year.

Every indicator is an ``Indicator`` row (created by a data migration) whose ``computation``
key and ``params`` select one of the builders below. A builder returns a ``_Spec``: the
base table it aggregates ("org", "record" or "commune"), the aggregate expressions, and a
function turning the aggregate results into one ``Decimal``. ``compute_many`` merges the
specs that share a base into ONE ``aggregate()`` query, so a page showing twenty
indicators costs at most three aggregate queries, whatever the number of organisations.

Year semantics (documented in docs/registry.md):

* an organisation *exists* at the end of year Y when it was founded on or before 31/12/Y
  (or its founding date is unknown), it is not "being founded", and it was not dissolved
  on or before 31/12/Y;
* it is *active* in Y when it exists and its status is "active" — or it was dissolved
  later than Y (so it was still working then). A current suspension is not dated, so a
  suspended organisation is counted as suspended, never as active;
* figures (revenue, rating, workers…) come from the organisation's yearly record of Y.

Money is stored in VND; averages are returned in **triệu đồng** (million VND), as plans
write their targets ("900 triệu đồng/HTX/năm"). Shares are percentages (0–100).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Case, Count, Exists, IntegerField, Min, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce

from directory.models import AdministrativeUnit, UnitLevel
from directory.selectors import area_paths_q, unit_area_paths

from .models import Indicator, Organisation, OrganisationStatus, Rating, YearlyRecord

MILLION = Decimal("1000000")
HUNDRED = Decimal("100")


@dataclass
class _Spec:
    base: str
    aggregates: dict
    finish: Callable[[dict], Decimal | None]


def _q(value, places: int) -> Decimal | None:
    if value is None:
        return None
    quant = Decimal(1).scaleb(-places) if places else Decimal(1)
    return Decimal(str(value)).quantize(quant, rounding=ROUND_HALF_UP)


def _share(num, den, places: int = 1) -> Decimal | None:
    if not den:
        return None
    return _q(Decimal(num or 0) * HUNDRED / Decimal(den), places)


# --- area and state filters -------------------------------------------------------------


def area_paths(unit: AdministrativeUnit) -> list[str]:
    """The materialised paths whose subtrees form ``unit``'s area (itself and predecessors)."""
    return unit_area_paths(unit)


def _path_q(paths: list[str], field: str) -> Q:
    return area_paths_q(paths, field)


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def existing_q(year: int, prefix: str = "") -> Q:
    """Organisations that exist on 31/12/``year`` (see the module docstring)."""
    _start, end = _year_bounds(year)
    p = prefix
    return (
        (Q(**{f"{p}founded__isnull": True}) | Q(**{f"{p}founded__lte": end}))
        & ~Q(**{f"{p}status": OrganisationStatus.PLANNED})
        & (Q(**{f"{p}dissolved__isnull": True}) | Q(**{f"{p}dissolved__gt": end}))
        & ~Q(**{f"{p}status": OrganisationStatus.DISSOLVED, f"{p}dissolved__isnull": True})
    )


def state_q(state: str, year: int, prefix: str = "") -> Q:
    start, end = _year_bounds(year)
    p = prefix
    if state == "existing":
        return existing_q(year, p)
    if state == "active":
        return existing_q(year, p) & (
            Q(**{f"{p}status": OrganisationStatus.ACTIVE}) | Q(**{f"{p}dissolved__isnull": False})
        )
    if state == "suspended":
        return existing_q(year, p) & Q(**{f"{p}status": OrganisationStatus.SUSPENDED})
    if state == "new":
        return Q(**{f"{p}founded__gte": start, f"{p}founded__lte": end}) & ~Q(
            **{f"{p}status": OrganisationStatus.PLANNED}
        )
    if state == "dissolved":
        return Q(**{f"{p}dissolved__gte": start, f"{p}dissolved__lte": end})
    raise ValueError(f"unknown state {state!r}")


def _org_filter(params: dict, year: int, prefix: str = "") -> Q:
    """Kind/sector/origin filters shared by organisation and record indicators."""
    q = Q()
    kinds = params.get("kinds")
    if kinds:
        q &= Q(**{f"{prefix}kind__in": kinds})
    if params.get("agricultural") is not None:
        q &= Q(**{f"{prefix}is_agricultural": params["agricultural"]})
    if params.get("founded_from_kind"):
        q &= Q(**{f"{prefix}founded_from__kind": params["founded_from_kind"]})
    if params.get("supported_by_kind"):
        q &= Q(**{f"{prefix}supporting_agency__kind": params["supported_by_kind"]})
    return q


# --- builders -----------------------------------------------------------------------------


def _org_count(key: str, params: dict, year: int) -> _Spec:
    cond = _org_filter(params, year) & state_q(params.get("state", "active"), year)
    return _Spec("org", {key: Count("pk", filter=cond)}, lambda r: Decimal(r[key] or 0))


def _record_q(params: dict, year: int) -> Q:
    return Q(year=year) & _org_filter(params, year, "organisation__")


def _record_count(key: str, params: dict, year: int) -> _Spec:
    cond = _record_q(params, year) & Q(**{params["flag"]: True})
    return _Spec("record", {key: Count("pk", filter=cond)}, lambda r: Decimal(r[key] or 0))


def _record_share(key: str, params: dict, year: int) -> _Spec:
    base = _record_q(params, year)
    if params.get("ratings"):
        # Share among RATED records: "not rated" records are left out of the denominator.
        den = base & ~Q(rating=Rating.UNRATED)
        num = den & Q(rating__in=params["ratings"])
    else:
        den = base
        num = base & Q(**{params["flag"]: True})
    aggs = {f"{key}__n": Count("pk", filter=num), f"{key}__d": Count("pk", filter=den)}
    return _Spec("record", aggs, lambda r: _share(r[f"{key}__n"], r[f"{key}__d"]))


def _record_avg(key: str, params: dict, year: int) -> _Spec:
    field = params["field"]
    cond = _record_q(params, year) & Q(**{f"{field}__isnull": False})
    scale = Decimal(str(params.get("scale", 1)))

    def finish(r):
        value = r[key]
        return None if value is None else _q(Decimal(str(value)) / scale, int(params.get("places", 2)))

    return _Spec("record", {key: Avg(field, filter=cond)}, finish)


def _record_sum(key: str, params: dict, year: int) -> _Spec:
    field = params["field"]
    cond = _record_q(params, year)
    return _Spec("record", {key: Sum(field, filter=cond)}, lambda r: Decimal(r[key] or 0))


def _record_ratio(key: str, params: dict, year: int) -> _Spec:
    num, den = params["numerator"], params["denominator"]
    cond = _record_q(params, year) & Q(**{f"{num}__isnull": False, f"{den}__isnull": False})
    aggs = {f"{key}__n": Sum(num, filter=cond), f"{key}__d": Sum(den, filter=cond)}
    return _Spec("record", aggs, lambda r: _share(r[f"{key}__n"], r[f"{key}__d"]))


def _commune_coverage(key: str, params: dict, year: int) -> _Spec:
    org_cond = _org_filter(params, year) & state_q("active", year)
    has_org = Exists(Organisation.objects.filter(org_cond, commune=OuterRef("pk")))
    aggs = {
        f"{key}__n": Sum(Case(When(has_org, then=Value(1)), default=Value(0), output_field=IntegerField())),
        f"{key}__d": Count("pk"),
    }
    if params.get("mode") == "share":
        return _Spec("commune", aggs, lambda r: _share(r[f"{key}__n"], r[f"{key}__d"]))
    return _Spec("commune", aggs, lambda r: Decimal(r[f"{key}__n"] or 0))


def _commune_min(key: str, params: dict, year: int) -> _Spec:
    """The fewest organisations any commune of the area has (e.g. "≥ 1 HTX nông nghiệp/xã")."""
    org_cond = _org_filter(params, year) & state_q("active", year)
    count = (
        Organisation.objects.filter(org_cond, commune=OuterRef("pk"))
        .order_by()
        .values("commune")
        .annotate(n=Count("pk"))
        .values("n")
    )
    annotation = Coalesce(Subquery(count, output_field=IntegerField()), Value(0))
    return _Spec("commune_min", {key: Min(annotation)}, lambda r: None if r[key] is None else Decimal(r[key]))


COMPUTATIONS: dict[str, Callable[[str, dict, int], _Spec]] = {
    "org_count": _org_count,
    "record_count": _record_count,
    "record_share": _record_share,
    "record_avg": _record_avg,
    "record_sum": _record_sum,
    "record_ratio": _record_ratio,
    "commune_coverage": _commune_coverage,
    "commune_min": _commune_min,
}


# --- running ------------------------------------------------------------------------------


def _base_queryset(base: str, paths: list[str], year: int):
    if base == "org":
        return Organisation.objects.filter(_path_q(paths, "commune"))
    if base == "record":
        return YearlyRecord.objects.filter(_path_q(paths, "organisation__commune"), year=year)
    if base in ("commune", "commune_min"):
        # Communes of the area in force on 1 January of the year (old communes for 2021–2025).
        jan1 = datetime.date(year, 1, 1)
        return AdministrativeUnit.objects.filter(
            _path_q(paths, ""),
            Q(valid_from__isnull=True) | Q(valid_from__lte=jan1),
            Q(valid_to__isnull=True) | Q(valid_to__gte=jan1),
            level=UnitLevel.COMMUNE,
        )
    raise ValueError(base)


def evaluate(indicators: Iterable[Indicator], *, paths: list[str], year: int) -> dict[str, Decimal | None]:
    """Compute ``indicators`` for the area given by ``paths`` in ``year``: one aggregate
    query per base table used (at most four)."""
    specs: dict[str, _Spec] = {}
    for i, indicator in enumerate(indicators):
        builder = COMPUTATIONS.get(indicator.computation)
        if builder is None:
            raise ValueError(f"unknown computation {indicator.computation!r} for indicator {indicator.code!r}")
        specs[indicator.code] = builder(f"i{i}", indicator.params or {}, year)
    results: dict[str, Decimal | None] = {}
    for base in ("org", "record", "commune", "commune_min"):
        group = {code: spec for code, spec in specs.items() if spec.base == base}
        if not group:
            continue
        aggregates = {}
        for spec in group.values():
            aggregates.update(spec.aggregates)
        row = _base_queryset(base, paths, year).aggregate(**aggregates)
        for code, spec in group.items():
            results[code] = spec.finish(row)
    return results


def compute_many(codes: Iterable[str], *, unit: AdministrativeUnit, year: int) -> dict[str, Decimal | None]:
    """``{code: value}`` for the indicators ``codes`` over ``unit``'s area in ``year``.
    Unknown codes map to None."""
    codes = list(codes)
    indicators = list(Indicator.objects.filter(code__in=codes))
    values = evaluate(indicators, paths=area_paths(unit), year=year) if indicators else {}
    return {code: values.get(code) for code in codes}


def compute(code: str, *, unit: AdministrativeUnit, year: int) -> Decimal | None:
    """The value of indicator ``code`` over ``unit``'s area (with its predecessors) in ``year``;
    None when the indicator does not exist or has no data (e.g. an average of no records)."""
    return compute_many([code], unit=unit, year=year)[code]


def latest_record_year(paths: list[str], *, up_to: int | None = None) -> int | None:
    """The latest year with a yearly record in the area (optionally not after ``up_to``)."""
    qs = YearlyRecord.objects.filter(_path_q(paths, "organisation__commune"))
    if up_to is not None:
        qs = qs.filter(year__lte=up_to)
    return qs.order_by("-year").values_list("year", flat=True).first()


# --- the plans provider ---------------------------------------------------------------------


def target_values(plan, targets, *, today: datetime.date | None = None) -> dict:
    """Provider for ``plans.providers``: ``{target_id: TargetValue}`` for targets linked to an
    indicator, computed over the area of the plan's issuer for the milestone year (or, when the
    milestone is still in the future, the latest year with records).

    Queries: the issuer's unit lineage, at most one "latest year" query, then at most three
    aggregate queries per distinct year — constant in the number of targets.
    """
    from django.utils import timezone
    from django.utils.translation import gettext as _

    from plans.providers import TargetValue

    linked = [t for t in targets if getattr(t, "indicator_id", None)]
    if not linked:
        return {}
    today = today or timezone.localdate()
    unit = plan.issuer.unit
    paths = area_paths(unit)
    indicator_ids = {t.indicator_id for t in linked}
    descriptor = type(linked[0]).indicator
    cached = {t.indicator_id: t.indicator for t in linked if descriptor.is_cached(t)}
    missing = indicator_ids - cached.keys()
    if missing:
        cached.update({i.pk: i for i in Indicator.objects.filter(pk__in=missing)})
    latest = None
    if any(t.milestone_year > today.year for t in linked):
        latest = latest_record_year(paths, up_to=today.year)
    by_year: dict[int, list] = {}
    for target in linked:
        year = target.milestone_year
        if year > today.year:
            year = latest or today.year
        by_year.setdefault(year, []).append(target)
    result = {}
    for year, year_targets in by_year.items():
        indicators = {t.indicator_id: cached[t.indicator_id] for t in year_targets if t.indicator_id in cached}
        values = evaluate(indicators.values(), paths=paths, year=year)
        for target in year_targets:
            indicator = indicators.get(target.indicator_id)
            if indicator is None:
                continue
            result[target.pk] = TargetValue(values.get(indicator.code), label=_("year %(year)s") % {"year": year})
    return result


def area_target_values(targets, *, unit: AdministrativeUnit, year: int) -> dict:
    """Provider for ``plans.providers.area_values``: the registry's value of each target linked
    to an indicator over ``unit``'s own area (with its predecessors) for ``year`` — the hint on
    a report form, named "Sổ đăng ký HTX – <unit>, năm <year>" (issue 15: a commune's Q1/2023
    form was hinted with the whole district's 2025 count). A year without records gives no
    value. Queries: the unit's lineage, then at most four aggregates."""
    from django.utils.translation import gettext as _

    from plans.providers import TargetValue

    linked = [t for t in targets if getattr(t, "indicator_id", None)]
    if not linked:
        return {}
    indicators = {i.pk: i for i in Indicator.objects.filter(pk__in={t.indicator_id for t in linked})}
    values = evaluate(indicators.values(), paths=area_paths(unit), year=year)
    label = _("cooperative registry – %(unit)s, year %(year)s") % {"unit": unit, "year": year}
    return {
        t.pk: TargetValue(values.get(indicators[t.indicator_id].code), label=label)
        for t in linked
        if t.indicator_id in indicators
    }
