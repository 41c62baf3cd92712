"""Writes for units and agencies (idempotent, so reference data and demo loaders can re-run)."""

from django.db import transaction
from django.db.models import Q

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
    if unit.search_text != unit.build_search_text():
        unit.search_text = unit.build_search_text()
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


AGENCY_FIELDS = ("short_name", "kind", "parent", "header_name", "place_name", "email", "valid_from", "valid_to", "successor")


@transaction.atomic
def agency_upsert(*, name: str, unit: AdministrativeUnit, short_name: str, kind: str = AgencyKind.OTHER, **fields) -> tuple[Agency, bool]:
    """Create or update the agency called ``name`` at ``unit`` (reference and demo data).

    Only saves when something differs, so re-running a loader leaves rows (and their
    ``modified`` time) untouched. ``fields`` are any of ``AGENCY_FIELDS``.
    """
    unknown = set(fields) - set(AGENCY_FIELDS)
    if unknown:
        raise TypeError(f"unknown agency fields: {sorted(unknown)}")
    values = {"short_name": short_name, "kind": kind, **fields}
    agency = Agency.objects.filter(name=name, unit=unit).first()
    created = agency is None
    if created:
        agency = Agency(name=name, unit=unit)
    changed = created
    for field, value in values.items():
        if getattr(agency, field) != value:
            setattr(agency, field, value)
            changed = True
    search_text = fold(f"{name} {short_name}")
    if agency.search_text != search_text:
        agency.search_text = search_text
        changed = True
    if changed:
        agency.full_clean()
        agency.save()
    return agency, created


USER_FIELDS = ("full_name", "position", "email", "agency", "is_planner", "is_reporter", "is_leader", "is_clerk", "is_staff", "is_superuser", "is_active")


@transaction.atomic
def user_upsert(*, username: str, password: str | None = None, **fields):
    """Create or update a portal user; the password is set only when the user is created.

    Setting it on every run would store a new salted hash each time; a loader re-run must
    change nothing, and an administrator may have changed the password on purpose.
    """
    from .models import User

    unknown = set(fields) - set(USER_FIELDS)
    if unknown:
        raise TypeError(f"unknown user fields: {sorted(unknown)}")
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        user = User(username=username)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
    changed = created
    for field, value in fields.items():
        if getattr(user, field) != value:
            setattr(user, field, value)
            changed = True
    if changed:
        user.full_clean()
        user.save()
    return user, created


@transaction.atomic
def unit_save(*, unit: AdministrativeUnit) -> AdministrativeUnit:
    """Save a unit edited by hand (the admin) and keep the paths of it and its subtree right.

    A new unit needs its primary key before its path can be set; a unit moved to another
    parent carries its whole subtree, whose paths are rewritten with one UPDATE per row
    (subtrees are small: a district has a few dozen communes).
    """
    old_path = unit.path
    unit.search_text = unit.build_search_text()
    unit.full_clean(validate_constraints=False, validate_unique=False)
    unit.save()
    unit.rebuild_path()
    if unit.path != old_path:
        AdministrativeUnit.objects.filter(pk=unit.pk).update(path=unit.path)
        if old_path:
            descendants = list(AdministrativeUnit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk))
            for d in descendants:
                d.path = unit.path + d.path[len(old_path):]
            AdministrativeUnit.objects.bulk_update(descendants, ["path"], batch_size=500)
    return unit


# Kinds that do not end with their administrative unit: a bank branch or a cooperative keeps
# working after its district or commune was merged (it is renamed or re-attached, not abolished).
_OUTLIVE_UNIT = (AgencyKind.BANK, AgencyKind.COLLECTIVE)
# A district office whose work passes to the commune's Phòng Kinh tế (where the commune has one).
_ECONOMIC_WORDS = ("nong nghiep", "kinh te", "tai chinh", "ke hoach", "dich vu nong nghiep")


# Mass organisations (Ủy ban MTTQ, Hội Nông dân…): the reform ended them at the district level
# (and merged the provinces' ones); their work passed to the same organisation of the province
# of today (docs/directory.md, "Agency succession").
_MASS_ORGANISATIONS = (AgencyKind.FATHERLAND_FRONT, AgencyKind.FARMERS_UNION)
# Bodies that end with their unit WITHOUT a successor, and why (docs/directory.md lists these
# reasons; tests/plans/test_demo.py checks every seed agency that ended has a successor or one).
NO_SUCCESSOR_REASONS = {
    AgencyKind.PARTY_COUNCIL: (
        "a district People's Council or Party committee ended with the district level: an elected or"
        " Party body has no successor agency"
    ),
}


def _province_organisation(agency: Agency, valid_from) -> Agency | None:
    """The same mass organisation of the province of today that the agency's ended district or
    province went into ("Ủy ban MTTQ Việt Nam huyện Sơn Hà" → "Ủy ban MTTQ Việt Nam tỉnh Quảng
    Ngãi"), created when missing; None when the name does not end with its unit's name."""
    unit = agency.unit
    province = (
        unit.successors.filter(level="province", valid_to__isnull=True).order_by("code").first()
        if unit.level in ("district", "province")
        else None
    )
    suffix = unit.full_name
    if province is None or not agency.name.endswith(" " + suffix):
        return None
    name = agency.name[: -len(suffix)] + province.full_name
    existing = (
        Agency.objects.filter(unit=province, kind=agency.kind, name=name, valid_to__isnull=True).order_by("id").first()
    )
    if existing is not None:
        return existing
    header = agency.header_name
    if header and header.endswith(suffix.upper()):
        header = header[: -len(suffix)] + province.full_name.upper()
    return agency_get_or_create(
        name=name, unit=province, short_name=agency.short_name, kind=agency.kind, header_name=header,
        place_name=province.name, valid_from=valid_from,
    )


def _default_successor_unit(unit: AdministrativeUnit) -> AdministrativeUnit | None:
    link = (
        unit.succession_links.filter(to_administrativeunit__valid_to__isnull=True)
        .select_related("to_administrativeunit")
        .order_by("-is_default", "to_administrativeunit__code")
        .first()
    )
    return link.to_administrativeunit if link else None


def _commune_committee(unit: AdministrativeUnit, valid_from) -> Agency:
    """The People's Committee of a commune of today (created as the demo names them)."""
    existing = Agency.objects.filter(unit=unit, kind=AgencyKind.PEOPLES_COMMITTEE, valid_to__isnull=True).order_by("id").first()
    return existing or agency_get_or_create(
        name=f"Ủy ban nhân dân {unit.full_name}", unit=unit, short_name="UBND", kind=AgencyKind.PEOPLES_COMMITTEE,
        header_name=f"ỦY BAN NHÂN DÂN\n{unit.full_name.upper()}", place_name=unit.name, valid_from=valid_from,
    )


@transaction.atomic
def agencies_end_with_units() -> dict:
    """End every agency whose unit ended (the 2025 reform's district offices, district and old
    commune People's Committees) on its unit's last day, and name its successor where the rule
    is known; idempotent (an agency already ended or with a successor is left as it is).

    Successors: an old commune's People's Committee → the People's Committee of the commune
    its unit went into (the library's default successor; created when missing); a district
    body with a parent (a Phòng under UBND huyện) → the Phòng Kinh tế under the parent's
    successor for the economic offices where that commune has one, else the parent's successor
    itself; a mass organisation of a district or merged province (Ủy ban MTTQ, Hội Nông dân) →
    the same organisation of the province of today (created when missing). Bodies without
    such a rule end without a successor, for a reason in ``NO_SUCCESSOR_REASONS``.
    Bank branches and collective organisations are left alive (``_OUTLIVE_UNIT``).
    """
    from .units import CURRENT_VALID_FROM

    ended = succeeded = 0
    pending = list(
        Agency.objects.filter(unit__valid_to__isnull=False)
        .exclude(kind__in=_OUTLIVE_UNIT)
        .filter(Q(valid_to__isnull=True) | Q(successor__isnull=True))
        .select_related("unit", "parent")
        .order_by("unit__level", "id")  # communes' and districts' committees before their offices
    )
    # Parents first: an office's successor follows its parent's.
    pending.sort(key=lambda a: a.parent_id is not None)
    by_pk = {a.pk: a for a in pending}
    for agency in pending:
        changed = []
        if agency.valid_to is None:
            agency.valid_to = agency.unit.valid_to
            changed.append("valid_to")
            ended += 1
        if agency.successor_id is None:
            successor = None
            if agency.kind == AgencyKind.PEOPLES_COMMITTEE and agency.unit.level == "commune":
                unit = _default_successor_unit(agency.unit)
                successor = _commune_committee(unit, CURRENT_VALID_FROM) if unit else None
            elif agency.kind in _MASS_ORGANISATIONS and agency.parent_id is None:
                successor = _province_organisation(agency, CURRENT_VALID_FROM)
            elif agency.parent_id:
                parent = by_pk.get(agency.parent_id, agency.parent)
                head = parent.successor if parent.successor_id else None
                if head is not None:
                    successor = head
                    if any(w in fold(agency.name) for w in _ECONOMIC_WORDS):
                        successor = Agency.objects.filter(
                            parent=head, kind=AgencyKind.OFFICE, short_name="PKT", valid_to__isnull=True
                        ).first() or head
            if successor is not None and successor.pk != agency.pk:
                agency.successor = successor
                changed.append("successor")
                succeeded += 1
        if changed:
            agency.full_clean(validate_unique=False, validate_constraints=False)
            agency.save(update_fields=[*changed, "modified"])
    return {"ended": ended, "successors": succeeded}
