"""Loading the official administrative units (``manage.py load_units``).

Two sources, both from the ``vietnam-provinces`` package (codes of the General Statistics
Office):

* the units in force since 01/07/2025 — 34 provinces and 3,321 communes, with no district
  level — from the installed release's ``data/nested-divisions.json``;
* the provinces, districts and communes that ended on 30/06/2025 for the four provinces of the
  seed plans, extracted from release 0.6.0 into ``directory/data/pre2025_units.json`` (see
  ``scripts/extract_pre2025_units.py``).

And one from the ``vietnamadminunits`` package (its data set and its 2025 converter's tables):

* the provinces, districts and communes that ended on 30/06/2025 for the rest of the country
  (the same official codes; the seed provinces keep the names of the file above), with the
  coordinates of every commune, old and new;
* every successor link: old commune → the new commune(s) the converter names ("merged" when
  the whole commune went into one new commune, "split" with one row per new commune and the
  converter's default one marked ``is_default``), old province → new province ("province"),
  old district → new province ("district": districts were abolished, their communes carry
  the detail), an island district without communes → its special zone ("merged").

The load is idempotent: a unit is identified by (code, level, valid_from), rows are created
or updated in bulk, no unit is ever deleted (plans and reports point to old units), and
successor links are added or corrected — with the library, a link it no longer names (an
earlier load's wrong match) is removed, a hand-made ("manual") one is kept. Paths (``AdministrativeUnit.path``) are set for every unit
the load touches, so scoping works as soon as it returns.
"""

import json
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from .models import AdministrativeUnit, SuccessionRule, UnitLevel, UnitSuccession

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
    # successor key → (rule, is_default); keys missing here are "manual", default
    successor_rules: dict = field(default_factory=dict)
    latitude: float | None = None
    longitude: float | None = None

    @property
    def key(self) -> tuple:
        return (self.code, self.level, self.valid_from)


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    links_added: int = 0
    links_updated: int = 0
    links_removed: int = 0
    # the library's new commune code → (its name, the unit list's codes it folds to): no link
    ambiguous: dict = field(default_factory=dict)

    def __str__(self):
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.links_added} successor links added, {self.links_updated} corrected, "
            f"{self.links_removed} removed"
        )


def _strip_kind(full_name: str, kind: str) -> str:
    """"Tỉnh Quảng Ngãi" → "Quảng Ngãi": the model keeps the kind apart from the name."""
    for noun in {kind, "thành phố"}:
        if full_name.lower().startswith(noun + " "):
            return full_name[len(noun) + 1 :].strip()
    return full_name


def exact_name(kind: str, name: str) -> str:
    """ "Xã  Sơn Hạ" → "xã sơn hạ": NFC, lower case, single spaces, diacritics kept."""
    return " ".join(unicodedata.normalize("NFC", f"{kind} {name}").lower().split())


def _code(value, level) -> str:
    return str(value).zfill(CODE_WIDTH[level])


@dataclass
class Library:
    """What ``vietnamadminunits`` says about the units before and after 01/07/2025."""

    source: str
    old_provinces: dict  # code → (name, kind)
    old_districts: dict  # code → (name, kind, province code)
    old_communes: dict  # code → (name, kind, district code, lat, lon)
    new_coordinates: dict  # new commune code → (lat, lon)
    province_successor: dict  # old province code → new province code
    commune_successors: dict  # old commune code → [(new commune code, rule, is_default)]
    district_successors: dict  # old island district code → [(new commune code, rule, is_default)]
    new_names: dict = field(default_factory=dict)  # new commune code → (province code, name, kind)
    # the library's new commune code → the unit list's code, where the two differ (same
    # province, same name): set by ``reconcile``
    code_map: dict = field(default_factory=dict)
    # the library's new commune code → the unit list's codes its name folds to, where the name
    # is not found exactly and folds to several communes (no link is made): set by ``reconcile``
    ambiguous: dict = field(default_factory=dict)

    def reconcile(self, current_rows: list) -> int:
        """Match the library's new communes to the unit list (vietnam-provinces) by province
        and name — the two packages give 114 communes of Hà Nội and other cities different
        codes, and some codes name different communes in each (00226 is phường Văn Miếu -
        Quốc Tử Giám in one, phường Kim Liên in the other) — and by code only where the name
        is not found. Returns how many library codes map to another code.

        The exact name (NFC, diacritics included) wins: xã Sơn Hạ is xã Sơn Hạ (21292), not
        xã Sơn Hà (21289) of the same province. The name without diacritics ("son ha") is
        used only where it is unambiguous — one commune of the province folds to it and no
        other library commune has it as its exact name — which covers the spellings that
        differ only by the tone's place ("Thanh Thủy" / "Thanh Thuỷ"). An ambiguous folded
        name gets no link and is listed in ``ambiguous`` (reported by ``load_units``)."""
        from core.text import fold

        communes = [r for r in current_rows if r.level == UnitLevel.COMMUNE and r.parent_key]
        codes = {r.code for r in current_rows if r.level == UnitLevel.COMMUNE}
        by_exact = {(r.parent_key[0], exact_name(r.kind, r.name)): r.code for r in communes}
        by_folded: dict[tuple, list[str]] = {}
        for r in communes:
            by_folded.setdefault((r.parent_key[0], fold(f"{r.kind} {r.name}")), []).append(r.code)
        claimed = {
            by_exact[(pcode, exact_name(kind, name))]
            for pcode, name, kind in self.new_names.values()
            if (pcode, exact_name(kind, name)) in by_exact
        }
        self.code_map, self.ambiguous = {}, {}
        for code, (pcode, name, kind) in sorted(self.new_names.items()):
            match = by_exact.get((pcode, exact_name(kind, name)))
            if match is None:
                candidates = by_folded.get((pcode, fold(f"{kind} {name}")), [])
                free = [c for c in candidates if c not in claimed]
                if len(candidates) == 1 and len(free) == 1:
                    match = free[0]
                elif candidates:
                    # Several communes fold to this name: recorded, never resolved by a guess.
                    self.ambiguous[code] = sorted(candidates)
                    self.code_map[code] = ""
                    continue
            if match is None and code in codes:
                match = code
            if match is not None and match != code:
                self.code_map[code] = match
            elif match is None:
                self.code_map[code] = ""  # not in the unit list: no link rather than a guess
        return sum(1 for v in self.code_map.values() if v)

    def current_code(self, code: str) -> str:
        return self.code_map.get(code, code)


def _split_type(full: str, kind: str | None) -> tuple[str, str]:
    """("Xã Sơn Hạ", "Xã") → ("Sơn Hạ", "xã")."""
    if kind and full.lower().startswith(kind.lower() + " "):
        return full[len(kind) + 1 :].strip(), kind.lower()
    for noun in ("Thành phố", "Tỉnh"):
        if full.startswith(noun + " "):
            return full[len(noun) + 1 :].strip(), noun.lower()
    return full, (kind or "").lower()


def read_library() -> Library:
    """Read the package's data set (SQLite, read-only) and its converter tables."""
    from importlib.metadata import version

    import vietnamadminunits

    base = Path(vietnamadminunits.__file__).resolve().parent / "data"
    conn = sqlite3.connect(f"file:{base / 'dataset.db'}?mode=ro", uri=True)
    try:
        legacy = conn.execute(
            "SELECT provinceCode, province, districtCode, district, districtType, wardCode, ward, wardType, "
            "provinceKey, districtKey, wardKey, wardLat, wardLon FROM admin_units_legacy"
        ).fetchall()
        new = conn.execute(
            "SELECT provinceCode, provinceKey, wardCode, wardKey, wardLat, wardLon, ward, wardType FROM admin_units"
        ).fetchall()
    finally:
        conn.close()
    converter = json.loads((base / "converter_2025.json").read_text(encoding="utf-8"))

    lib = Library(source=f"vietnamadminunits {version('vietnamadminunits')}", old_provinces={}, old_districts={},
                  old_communes={}, new_coordinates={}, province_successor={}, commune_successors={},
                  district_successors={})
    new_ward_code = {(pk, wk): code for _, pk, code, wk, *_ in new}
    new_province_code = {pk: pcode for pcode, pk, *_ in new}
    lib.new_coordinates = {code: (lat, lon) for _, _, code, _, lat, lon, *_ in new}
    lib.new_names = {code: (pcode, *_split_type(name, kind)) for pcode, _, code, _, _, _, name, kind in new}
    old_key_to_code: dict[str, tuple[str, str]] = {}  # "prov_dist_ward" → (level, code)
    old_province_code: dict[str, str] = {}
    for pcode, pname, dcode, dname, dtype, wcode, wname, wtype, pkey, dkey, wkey, lat, lon in legacy:
        lib.old_provinces[pcode] = _split_type(pname, None)
        old_province_code[pkey] = pcode
        lib.old_districts[dcode] = (*_split_type(dname, dtype), pcode)
        if wcode:
            lib.old_communes[wcode] = (*_split_type(wname, wtype), dcode, lat, lon)
            old_key_to_code[f"{pkey}_{dkey}_{wkey}"] = (UnitLevel.COMMUNE, wcode)
        else:  # an island district without communes
            old_key_to_code[f"{pkey}_{dkey}_"] = (UnitLevel.DISTRICT, dcode)
    for new_pkey, old_pkeys in converter["DICT_PROVINCE"].items():
        for old_pkey in old_pkeys:
            if old_pkey in old_province_code:
                lib.province_successor[old_province_code[old_pkey]] = new_province_code[new_pkey]

    def add(old_key, new_pkey, new_wkey, rule, is_default):
        level, code = old_key_to_code[old_key]
        target = lib.commune_successors if level == UnitLevel.COMMUNE else lib.district_successors
        target.setdefault(code, []).append((new_ward_code[(new_pkey, new_wkey)], rule, is_default))

    for new_pkey, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, old_keys in wards.items():
            for old_key in old_keys:
                add(old_key, new_pkey, new_wkey, SuccessionRule.MERGED, True)
    for new_pkey, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in olds.items():
            for part in parts:
                add(old_key, new_pkey, part["newWardKey"], SuccessionRule.SPLIT, bool(part["isDefaultNewWard"]))
    return lib


def read_library_previous(lib: Library, current_rows: list[UnitRow], skip_provinces: set[str]) -> list[UnitRow]:
    """Rows of the units that ended on 30/06/2025 from the library, for every old province
    not in ``skip_provinces`` (those come from ``pre2025_units.json``)."""
    rows = []
    current_keys = {r.key for r in current_rows}
    provinces = {}
    for code, (name, kind) in sorted(lib.old_provinces.items()):
        if code in skip_provinces:
            continue
        row = UnitRow(code=code, name=name, kind=kind, level=UnitLevel.PROVINCE, valid_from=None, valid_to=PREVIOUS_VALID_TO)
        _link_province(row, lib, current_keys)
        provinces[code] = row
        rows.append(row)
    districts = {}
    for code, (name, kind, pcode) in sorted(lib.old_districts.items()):
        if pcode not in provinces:
            continue
        row = UnitRow(code=code, name=name, kind=kind, level=UnitLevel.DISTRICT, valid_from=None,
                      valid_to=PREVIOUS_VALID_TO, parent_key=provinces[pcode].key)
        _link_district(row, lib, current_keys, provinces[pcode])
        districts[code] = row
        rows.append(row)
    for code, (name, kind, dcode, lat, lon) in sorted(lib.old_communes.items()):
        if dcode not in districts:
            continue
        row = UnitRow(code=code, name=name, kind=kind, level=UnitLevel.COMMUNE, valid_from=None,
                      valid_to=PREVIOUS_VALID_TO, parent_key=districts[dcode].key, latitude=lat, longitude=lon)
        _link_commune(row, lib, current_keys)
        rows.append(row)
    return rows


def _new_key(code: str, level: str) -> tuple:
    return (code, level, CURRENT_VALID_FROM)


def _link(row: UnitRow, key: tuple, rule: str, is_default: bool, current_keys: set) -> None:
    if key in current_keys and key not in row.successor_rules:
        row.successor_keys.append(key)
        row.successor_rules[key] = (rule, is_default)


def _link_province(row: UnitRow, lib: Library, current_keys: set) -> None:
    new = lib.province_successor.get(row.code)
    if new:
        _link(row, _new_key(new, UnitLevel.PROVINCE), SuccessionRule.PROVINCE, True, current_keys)


def _link_district(row: UnitRow, lib: Library, current_keys: set, province: UnitRow) -> None:
    for key in province.successor_keys:
        _link(row, key, SuccessionRule.DISTRICT, True, current_keys)
    for new, rule, is_default in lib.district_successors.get(row.code, []):
        _link(row, _new_key(lib.current_code(new), UnitLevel.COMMUNE), rule, is_default, current_keys)


def _link_commune(row: UnitRow, lib: Library, current_keys: set) -> None:
    for new, rule, is_default in lib.commune_successors.get(row.code, []):
        _link(row, _new_key(lib.current_code(new), UnitLevel.COMMUNE), rule, is_default, current_keys)


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


def read_previous(path: Path, current_rows: list[UnitRow], lib: Library | None = None) -> list[UnitRow]:
    """Rows of the units that ended on 30/06/2025, from ``pre2025_units.json``.

    Successors, with the library (``lib``): as ``vietnamadminunits`` names them (see
    ``read_library``). Without it (small test data): an old province → the new province named
    in the file; an old district → the new province its old province became part of; an old
    commune → the new commune with the same code, when there is one.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    valid_to = date.fromisoformat(data.get("valid_to", PREVIOUS_VALID_TO.isoformat()))
    current_communes = {r.code for r in current_rows if r.level == UnitLevel.COMMUNE}
    current_provinces = {r.code for r in current_rows if r.level == UnitLevel.PROVINCE}
    current_keys = {r.key for r in current_rows}
    rows = []
    for p in data["provinces"]:
        province = UnitRow(code=p["code"], name=p["name"], kind=p["kind"], level=UnitLevel.PROVINCE,
                           valid_from=None, valid_to=valid_to)
        new_province = p.get("successor")
        if lib is not None:
            _link_province(province, lib, current_keys)
        if new_province in current_provinces:
            _link(province, _new_key(new_province, UnitLevel.PROVINCE), SuccessionRule.PROVINCE, True, current_keys)
        rows.append(province)
        for d in p["districts"]:
            district = UnitRow(code=d["code"], name=d["name"], kind=d["kind"], level=UnitLevel.DISTRICT,
                               valid_from=None, valid_to=valid_to, parent_key=province.key)
            if lib is not None:
                _link_district(district, lib, current_keys, province)
            else:
                for key in province.successor_keys:
                    _link(district, key, SuccessionRule.DISTRICT, True, current_keys)
            rows.append(district)
            for c in d["communes"]:
                commune = UnitRow(code=c["code"], name=c["name"], kind=c["kind"], level=UnitLevel.COMMUNE,
                                  valid_from=None, valid_to=valid_to, parent_key=district.key)
                if lib is not None:
                    _link_commune(commune, lib, current_keys)
                    commune.latitude, commune.longitude = (lib.old_communes.get(c["code"]) or (None,) * 5)[3:5]
                elif c["code"] in current_communes:
                    _link(commune, _new_key(c["code"], UnitLevel.COMMUNE), SuccessionRule.MERGED, True, current_keys)
                rows.append(commune)
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


def commune_coordinates(lib: Library, current: list[UnitRow]) -> dict[str, tuple]:
    """The library's coordinates by the unit list's commune code.

    Where the library's own code names the same commune in the unit list (same name, diacritics
    included), the point is that code's (before ``Library.reconcile`` preferred exact names,
    xã Sơn Hạ (21292) was read as xã Sơn Hà (21289) of the same province — Sơn Hạ got no
    coordinates and Sơn Hà got Sơn Hạ's). The other communes (codes that differ between the
    packages) keep ``current_code``'s match."""
    exact = exact_name
    names = {r.code: exact(r.kind, r.name) for r in current if r.level == UnitLevel.COMMUNE}
    coordinates, own = {}, set()
    for code, point in lib.new_coordinates.items():
        pcode_name = lib.new_names.get(code)
        if pcode_name and names.get(code) == exact(pcode_name[2], pcode_name[1]):
            coordinates[code] = point
            own.add(code)
    for code, point in lib.new_coordinates.items():
        target = lib.current_code(code)
        if target and target not in own:
            coordinates.setdefault(target, point)
    return coordinates


def _all_rows(current_path: Path | None, previous_path: Path | None, with_library: bool) -> tuple[list[UnitRow], str]:
    rows, lib = _rows_and_library(current_path, previous_path, with_library)
    return rows, lib.source if lib else ""


def _rows_and_library(current_path: Path | None, previous_path: Path | None, with_library: bool):
    current = read_current(current_path or current_units_file())
    lib = read_library() if with_library else None
    if lib is not None:
        lib.reconcile(current)
        coordinates = commune_coordinates(lib, current)
        for r in current:
            if r.level == UnitLevel.COMMUNE and r.code in coordinates:
                r.latitude, r.longitude = coordinates[r.code]
    rows = list(current)
    if previous_path is not None:
        previous = read_previous(previous_path, current, lib)
        rows += previous
    else:
        previous = []
    if lib is not None:
        in_file = {r.code for r in previous if r.level == UnitLevel.PROVINCE}
        rows += read_library_previous(lib, current, in_file)
    return rows, lib


@transaction.atomic
def units_load(
    *, current_path: Path | None = None, previous_path: Path | None = PRE2025_FILE, with_library: bool = True
) -> LoadResult:
    """Create or update every unit of the sources; add (or correct the rule of) successor
    links (removing the library links it no longer names). Never deletes a unit.

    Runs level by level (provinces, districts, communes) so parents have primary keys
    before their children are written; each level is one bulk insert and one bulk update.
    ``with_library=False`` leaves out ``vietnamadminunits`` (the old units of the other
    provinces and its successor links): small test data sets.
    """
    rows, lib = _rows_and_library(current_path, previous_path, with_library)
    source = lib.source if lib else ""
    ambiguous = {code: (lib.new_names[code], codes) for code, codes in sorted(lib.ambiguous.items())} if lib else {}
    result = LoadResult()
    units = _existing(rows)
    fields = ("name", "kind", "parent", "valid_to", "path", "search_text", "latitude", "longitude")

    for level in (UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE):
        level_rows = [r for r in rows if r.level == level]
        to_create, to_update = [], []
        for r in level_rows:
            parent = units[r.parent_key] if r.parent_key else None
            unit = units.get(r.key)
            if unit is None:
                unit = AdministrativeUnit(
                    code=r.code, name=r.name, kind=r.kind, level=r.level, parent=parent,
                    valid_from=r.valid_from, valid_to=r.valid_to, latitude=r.latitude, longitude=r.longitude,
                )
                unit.search_text = unit.build_search_text()
                to_create.append(unit)
                units[r.key] = unit
                continue
            compared = ("name", "kind", "parent_id", "valid_to", "path", "search_text", "latitude", "longitude")
            before = tuple(getattr(unit, f) for f in compared)
            unit.name, unit.kind, unit.parent, unit.valid_to = r.name, r.kind, parent, r.valid_to
            unit.latitude, unit.longitude = r.latitude, r.longitude
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

    wanted = {}
    for r in rows:
        for key in r.successor_keys:
            if key in units:
                rule, is_default = r.successor_rules.get(key, (SuccessionRule.MANUAL, True))
                wanted[(units[r.key].pk, units[key].pk)] = (rule, is_default)
    have = {}
    from_ids = sorted({a for a, _ in wanted})
    for i in range(0, len(from_ids), 900):
        for link in UnitSuccession.objects.filter(from_administrativeunit_id__in=from_ids[i : i + 900]):
            have[(link.from_administrativeunit_id, link.to_administrativeunit_id)] = link
    missing, changed = [], []
    for (a, b), (rule, is_default) in sorted(wanted.items()):
        link = have.get((a, b))
        if link is None:
            missing.append(UnitSuccession(from_administrativeunit_id=a, to_administrativeunit_id=b, rule=rule,
                                          is_default=is_default, source=source))
        elif (link.rule, link.is_default, link.source) != (rule, is_default, source):
            # The source decides the rule of the links it names (links made before the rule
            # was kept, or by an earlier release of the library, are corrected).
            link.rule, link.is_default, link.source = rule, is_default, source
            changed.append(link)
    # With the library, its links are the whole succession of the units it names: a link it
    # no longer names (made by an earlier load that matched names without diacritics, or by
    # an equal code) is removed. A link someone made by hand (rule "manual") stays.
    stale = []
    if source:
        stale = [
            link.pk for pair, link in sorted(have.items())
            if pair not in wanted
            and (link.source.startswith("vietnamadminunits") or link.rule != SuccessionRule.MANUAL)
        ]
    UnitSuccession.objects.filter(pk__in=stale).delete()
    UnitSuccession.objects.bulk_create(missing, batch_size=500, ignore_conflicts=True)
    UnitSuccession.objects.bulk_update(changed, ["rule", "is_default", "source"], batch_size=500)
    result.links_added = len(missing)
    result.links_updated = len(changed)
    result.links_removed = len(stale)
    result.ambiguous = ambiguous
    return result


def units_loaded(*, current_path: Path | None = None, previous_path: Path | None = PRE2025_FILE, with_library: bool = True) -> bool:
    """Cheap check (counts) that the sources' units and successor links are all in the database."""
    rows, _ = _all_rows(current_path, previous_path, with_library)
    expected_current = sum(1 for r in rows if r.valid_from == CURRENT_VALID_FROM)
    expected_previous = len(rows) - expected_current
    expected_links = sum(len(r.successor_keys) for r in rows)
    have_current = AdministrativeUnit.objects.filter(valid_from=CURRENT_VALID_FROM).count()
    have_previous = AdministrativeUnit.objects.filter(valid_from__isnull=True, valid_to=PREVIOUS_VALID_TO).count()
    have_links = UnitSuccession.objects.exclude(source="").count() if with_library else expected_links
    return have_current >= expected_current and have_previous >= expected_previous and have_links >= expected_links
