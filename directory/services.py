"""Writes for units and agencies (idempotent, so reference data and demo loaders can re-run)."""

from django.db import transaction

from core.text import fold

from .models import AdministrativeUnit, Agency, AgencyKind


@transaction.atomic
def unit_upsert(
    *,
    code: str,
    name: str,
    kind: str,
    level: str,
    parent: AdministrativeUnit | None = None,
    valid_from=None,
    valid_to=None,
) -> tuple[AdministrativeUnit, bool]:
    """Create or update the unit identified by (code, level, valid_from); keeps ``path`` right."""
    unit, created = AdministrativeUnit.objects.get_or_create(
        code=code,
        level=level,
        valid_from=valid_from,
        defaults={"name": name, "kind": kind, "parent": parent, "valid_to": valid_to},
    )
    changed = created
    for field, value in (("name", name), ("kind", kind), ("parent", parent), ("valid_to", valid_to)):
        if getattr(unit, field) != value:
            setattr(unit, field, value)
            changed = True
    old_path = unit.path
    unit.rebuild_path()
    if changed or unit.path != old_path:
        unit.full_clean(validate_unique=False, validate_constraints=False)
        unit.save()
    return unit, created


@transaction.atomic
def agency_get_or_create(
    *,
    name: str,
    unit: AdministrativeUnit,
    short_name: str = "",
    kind: str = AgencyKind.OTHER,
    parent: Agency | None = None,
    header_name: str = "",
    place_name: str = "",
    valid_from=None,
    valid_to=None,
) -> Agency:
    """Return the agency called ``name`` at ``unit``, creating it when missing."""
    agency, created = Agency.objects.get_or_create(
        name=name,
        unit=unit,
        defaults={
            "short_name": short_name or "UBND",
            "kind": kind,
            "parent": parent,
            "header_name": header_name,
            "place_name": place_name,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "search_text": fold(f"{name} {short_name}"),
        },
    )
    if created:
        agency.full_clean(validate_unique=False, validate_constraints=False)
    return agency


def agency_refresh_search_text(agency: Agency) -> None:
    Agency.objects.filter(pk=agency.pk).update(search_text=fold(f"{agency.name} {agency.short_name}"))
