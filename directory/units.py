"""Loading the official administrative units (``manage.py load_units``).

Two sources, both from the ``vietnam-provinces`` package (codes of the General Statistics
Office):

* the units in force since 01/07/2025 — 34 provinces and 3,321 communes, with no district
  level — from the installed release's ``data/nested-divisions.json``;
* the provinces, districts and communes that ended on 30/06/2025 for the four provinces of the
  seed plans, extracted from release 0.6.0 into ``directory/data/pre2025_units.json`` (see
  ``scripts/extract_pre2025_units.py``).

The load is idempotent: a unit is identified by (code, level, valid_from), rows are created
or updated in bulk, nothing is ever deleted (plans and reports point to old units), and
successor links are only added. Paths (``AdministrativeUnit.path``) are set for every unit
the load touches, so scoping works as soon as it returns.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from .models import AdministrativeUnit, UnitLevel

CURRENT_VALID_FROM = date(2025, 7, 1)
PREVIOUS_VALID_TO = date(2025, 6, 30)
PRE2025_FILE = Path(__file__).resolve().parent / "data" / "pre2025_units.json"
CODE_WIDTH = {UnitLevel.PROVINCE: 2, UnitLevel.DISTRICT: 3, UnitLevel.COMMUNE: 5}

# division_type of the 2025 data → the generic noun used as ``kind`` (and in full names).
CURRENT_KINDS = {"thành phố trung ương": "thành phố"}


def current_units_file() -> Path:
    """The installed package's nested list of the units in force."""
    import vietnam_provinces

    return Path(vietnam_provinces.__file__).resolve().parent / "data" / "nested-divisions.json"


@dataclass
class UnitRow:
    """One unit as the sources describe it (before it becomes a model instance)."""

    code: str
    name: str
    kind: str
    level: str
    valid_from: date | None
    valid_to: date | None
    parent_key: tuple | None = None
    successor_keys: list[tuple] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        return (self.code, self.level, self.valid_from)


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    links_added: int = 0

    def __str__(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.links_added} successor links added"
        )


def _strip_kind(full_name: str, kind: str) -> str:
    """"Tỉnh Quảng Ngãi" → "Quảng Ngãi": the model keeps the kind apart from the name."""
    for noun in {kind, "thành phố"}:
        if full_name.lower().startswith(noun + " "):
            return full_name[len(noun) + 1 :].strip()
    return full_name


def _code(value, level) -> str:
    return str(value).zfill(CODE_WIDTH[level])


def read_current(path: Path) -> list[UnitRow]:
    """Rows of the units in force from a ``nested-divisions.json`` of vietnam-provinces ≥ 2025."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = []
    for p in data:
        kind = CURRENT_KINDS.get(p["division_type"], p["division_type"])
        province = UnitRow(
            code=_code(p["code"], UnitLevel.PROVINCE),
            name=_strip_kind(p["name"], kind),
            kind=kind,
            level=UnitLevel.PROVINCE,
            valid_from=CURRENT_VALID_FROM,
            valid_to=None,
        )
        rows.append(province)
        for w in p.get("wards", []):
            wkind = CURRENT_KINDS.get(w["division_type"], w["division_type"])
            rows.append(
                UnitRow(
                    code=_code(w["code"], UnitLevel.COMMUNE),
                    name=_strip_kind(w["name"], wkind),
                    kind=wkind,
                    level=UnitLevel.COMMUNE,
                    valid_from=CURRENT_VALID_FROM,
                    valid_to=None,
                    parent_key=province.key,
                )
            )
    return rows


def read_previous(path: Path, current_rows: list[UnitRow]) -> list[UnitRow]:
    """Rows of the units that ended on 30/06/2025, from ``pre2025_units.json``.

    Successors: an old province → the new province named in the file; an old district → the
    new province its old province became part of (districts were abolished, their area went
    to communes of that province); an old commune → the new commune with the same code, when
    there is one (a merged commune usually took the code of one of the communes it absorbed).
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    valid_to = date.fromisoformat(data.get("valid_to", PREVIOUS_VALID_TO.isoformat()))
    current_communes = {r.code for r in current_rows if r.level == UnitLevel.COMMUNE}
    current_provinces = {r.code for r in current_rows if r.level == UnitLevel.PROVINCE}
    rows = []
    for p in data["provinces"]:
        new_province = p.get("successor")
        new_key = (new_province, UnitLevel.PROVINCE, CURRENT_VALID_FROM) if new_province in current_provinces else None
        province = UnitRow(
            code=p["code"],
            name=p["name"],
            kind=p["kind"],
            level=UnitLevel.PROVINCE,
            valid_from=None,
            valid_to=valid_to,
            successor_keys=[new_key] if new_key else [],
        )
        rows.append(province)
        for d in p["districts"]:
            district = UnitRow(
                code=d["code"],
                name=d["name"],
                kind=d["kind"],
                level=UnitLevel.DISTRICT,
                valid_from=None,
                valid_to=valid_to,
                parent_key=province.key,
                successor_keys=[new_key] if new_key else [],
            )
            rows.append(district)
            for c in d["communes"]:
                successor = (c["code"], UnitLevel.COMMUNE, CURRENT_VALID_FROM)
                rows.append(
                    UnitRow(
                        code=c["code"],
                        name=c["name"],
                        kind=c["kind"],
                        level=UnitLevel.COMMUNE,
                        valid_from=None,
                        valid_to=valid_to,
                        parent_key=district.key,
                        successor_keys=[successor] if c["code"] in current_communes else [],
                    )
                )
    return rows


def _existing(rows: list[UnitRow]) -> dict[tuple, AdministrativeUnit]:
    codes = {r.code for r in rows}
    found = {}
    # Chunked so the IN list stays under SQLite's variable limit on any build.
    code_list = sorted(codes)
    for i in range(0, len(code_list), 900):
        for u in AdministrativeUnit.objects.filter(code__in=code_list[i : i + 900]):
            found[(u.code, u.level, u.valid_from)] = u
    return found


@transaction.atomic
def units_load(*, current_path: Path | None = None, previous_path: Path | None = PRE2025_FILE) -> LoadResult:
    """Create or update every unit of the two sources; add successor links. Never deletes.

    Runs level by level (provinces, districts, communes) so parents have primary keys
    before their children are written; each level is one bulk insert and one bulk update.
    """
    current = read_current(current_path or current_units_file())
    rows = list(current)
    if previous_path is not None:
        rows += read_previous(previous_path, current)
    result = LoadResult()
    units = _existing(rows)
    fields = ("name", "kind", "parent", "valid_to", "path", "search_text")

    for level in (UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE):
        level_rows = [r for r in rows if r.level == level]
        to_create, to_update = [], []
        for r in level_rows:
            parent = units[r.parent_key] if r.parent_key else None
            unit = units.get(r.key)
            if unit is None:
                unit = AdministrativeUnit(
                    code=r.code, name=r.name, kind=r.kind, level=r.level, parent=parent,
                    valid_from=r.valid_from, valid_to=r.valid_to,
                )
                unit.search_text = unit.build_search_text()
                to_create.append(unit)
                units[r.key] = unit
                continue
            compared = ("name", "kind", "parent_id", "valid_to", "path", "search_text")
            before = tuple(getattr(unit, f) for f in compared)
            unit.name, unit.kind, unit.parent, unit.valid_to = r.name, r.kind, parent, r.valid_to
            unit.rebuild_path()
            unit.search_text = unit.build_search_text()
            if before != tuple(getattr(unit, f) for f in compared):
                to_update.append(unit)
            else:
                result.unchanged += 1
        if to_create:
            AdministrativeUnit.objects.bulk_create(to_create, batch_size=500)
            if any(u.pk is None for u in to_create):  # a backend that does not return ids
                fresh = _existing([r for r in level_rows])
                for u in to_create:
                    u.pk = fresh[(u.code, u.level, u.valid_from)].pk
            for u in to_create:
                u.rebuild_path()
            AdministrativeUnit.objects.bulk_update(to_create, ["path"], batch_size=500)
        if to_update:
            AdministrativeUnit.objects.bulk_update(to_update, list(fields), batch_size=500)
        result.created += len(to_create)
        result.updated += len(to_update)

    through = AdministrativeUnit.successors.through
    wanted = {
        (units[r.key].pk, units[s].pk) for r in rows for s in r.successor_keys if s in units
    }
    have = set(
        through.objects.filter(from_administrativeunit_id__in={a for a, _ in wanted}).values_list(
            "from_administrativeunit_id", "to_administrativeunit_id"
        )
    ) if wanted else set()
    missing = [
        through(from_administrativeunit_id=a, to_administrativeunit_id=b) for a, b in sorted(wanted - have)
    ]
    through.objects.bulk_create(missing, batch_size=500, ignore_conflicts=True)
    result.links_added = len(missing)
    return result


def units_loaded(*, current_path: Path | None = None, previous_path: Path | None = PRE2025_FILE) -> bool:
    """Cheap check (two counts) that the sources' units are all in the database."""
    current = read_current(current_path or current_units_file())
    expected_current = len(current)
    expected_previous = len(read_previous(previous_path, current)) if previous_path else 0
    have_current = AdministrativeUnit.objects.filter(valid_from=CURRENT_VALID_FROM).count()
    have_previous = AdministrativeUnit.objects.filter(valid_from__isnull=True, valid_to=PREVIOUS_VALID_TO).count()
    return have_current >= expected_current and have_previous >= expected_previous
