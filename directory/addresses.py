"""Old-style addresses ("xã X, huyện Y, tỉnh Z") → the commune of today.

Spreadsheets kept before 01/07/2025 write an organisation's place as the old three-level
address, often without diacritics or with abbreviations ("X. Sơn Hạ, H. Sơn Hà, T. Quảng
Ngãi", "TT Plei Kan, H. Ngoc Hoi, Kon Tum", "Phường 1, TP. Cao Lãnh, Đồng Tháp"). The old
commune is read by ``vietnamadminunits``' legacy parser (``parse_address(..., mode=LEGACY)``,
offline: no street, so no geocoding), and its commune of today is the successor that
``load_units`` stored from the same package's 2025 converter tables (``UnitSuccession``).

Nothing is guessed:
- an address in which the parser finds no old commune (unknown name, missing district) is
  refused with the reason;
- an old commune divided between several communes of today is refused, naming them (the
  library's "default part" is where an address without a street *probably* goes, which is a
  guess for a registry);
- an address already in today's form ("xã Sơn Hà, tỉnh Quảng Ngãi") is taken only when it
  names exactly one commune of today of that province.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.text import fold, nfc

from .models import AdministrativeUnit, UnitLevel, UnitSuccession

REFORM_DAY_TEXT = "01/07/2025"


@dataclass
class Conversion:
    """The result for one address: ``commune`` (of today) or ``error`` (a Vietnamese reason)."""

    address: str
    commune: AdministrativeUnit | None = None
    old_commune: AdministrativeUnit | None = None
    error: str = ""
    candidates: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.commune is not None

    @property
    def text(self) -> str:
        """The conversion as the preview shows it: "xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi → xã
        Sơn Hà, tỉnh Quảng Ngãi" (the commune of today alone for an address in today's form)."""
        if self.commune is None:
            return ""
        new = chain_name(self.commune)
        if self.old_commune is None:
            return new
        return f"{chain_name(self.old_commune)} → {new}"


def chain_name(unit: AdministrativeUnit) -> str:
    """The unit and the units above it: "xã Sơn Hạ, huyện Sơn Hà, tỉnh Quảng Ngãi"."""
    names = []
    while unit is not None:
        names.append(unit.full_name)
        unit = unit.parent
    return ", ".join(names)


@functools.lru_cache(maxsize=8192)
def parse_old(address: str) -> tuple[str | None, str | None, str | None]:
    """(old commune code, old district name, old province name) as the library's legacy parser
    reads ``address``; None where it found nothing. Pure and cached (the parser is regex work)."""
    from vietnamadminunits import ParseMode, parse_address

    unit = parse_address(address, mode=ParseMode.LEGACY, keep_street=False, level=3)
    return unit.ward_code or None, unit.district or None, unit.province or None


def _key(text: str, accented: bool) -> str:
    return " ".join(nfc(text).casefold().split()) if accented else fold(text)


def _today_form(address: str) -> tuple[AdministrativeUnit | None, str]:
    """The commune of today an address in today's form names ("xã Sơn Hà, tỉnh Quảng Ngãi",
    "Son Ha, Quang Ngai"), when exactly one matches (None otherwise), and an error when the
    address could as well name an old commune (written without diacritics: "xa Son Ha" is both
    today's xã Sơn Hà and the former xã Sơn Hạ)."""
    parts = [p.strip() for p in address.replace(";", ",").split(",") if p.strip()]
    if len(parts) != 2:
        return None, ""
    accented = not address.isascii()
    commune_part, province_part = (_key(p, accented) for p in parts)
    provinces = [
        p
        for p in AdministrativeUnit.objects.filter(
            level=UnitLevel.PROVINCE, valid_to__isnull=True, valid_from__isnull=False
        ).only("id", "name", "kind", "path")
        if province_part in (_key(p.full_name, accented), _key(p.name, accented))
    ]
    if len(provinces) != 1:
        return None, ""
    found = [
        c
        for c in AdministrativeUnit.objects.filter(
            level=UnitLevel.COMMUNE, parent=provinces[0], valid_to__isnull=True
        ).select_related("parent")
        if commune_part in (_key(c.full_name, accented), _key(c.name, accented))
    ]
    if len(found) > 1 and not accented:
        return None, _(
            "“%(address)s” (without diacritics) may be any of %(communes)s; write the name with its diacritics"
            " or enter the commune code (Mã xã)"
        ) % {"address": address[:120], "communes": "; ".join(chain_name(c) for c in found)}
    if len(found) != 1:
        return None, ""
    commune = found[0]
    if not accented:
        old_provinces = AdministrativeUnit.objects.filter(
            succession_links__to_administrativeunit=provinces[0], level=UnitLevel.PROVINCE
        ).values_list("path", flat=True)
        others = [
            old
            for path in old_provinces
            for old in AdministrativeUnit.objects.filter(
                level=UnitLevel.COMMUNE,
                valid_to__isnull=False,
                path__startswith=path,
                search_text__contains=fold(commune.name),
            ).select_related("parent__parent")
            if fold(old.name) == fold(commune.name) and old.name != commune.name
        ]
        if others:
            return None, _(
                "“%(address)s” (without diacritics) may be %(today)s or the former %(old)s; write the name"
                " with its diacritics or enter the commune code (Mã xã)"
            ) % {
                "address": address[:120],
                "today": chain_name(commune),
                "old": "; ".join(chain_name(o) for o in others),
            }
    return commune, ""


def convert_old_address(address: str) -> Conversion:
    """The commune of today for an address (old-style or today's form); see the module doc."""
    address = " ".join(str(address).split())
    return convert_old_addresses([address])[address]


def convert_old_addresses(addresses) -> dict[str, Conversion]:
    """``convert_old_address`` for many distinct addresses (space-normalised) at once: the
    successors of every old commune read from them come in one query (a file's chunk)."""
    results: dict[str, Conversion] = {}
    codes: dict[str, list[Conversion]] = {}
    for address in dict.fromkeys(addresses):
        result = results[address] = Conversion(address)
        today, error = _today_form(address)
        if today is not None or error:
            result.commune, result.error = today, error
            continue
        code, district, province = parse_old(address)
        if code is not None:
            codes.setdefault(code, []).append(result)
        elif district:
            result.error = _(
                "no commune of %(district)s (%(province)s) was recognised in “%(address)s”; write the old address"
                " as “xã X, huyện Y, tỉnh Z” or enter the commune code (Mã xã)"
            ) % {"district": district.lower(), "province": (province or "").lower(), "address": address[:120]}
        else:
            result.error = _(
                "the address “%(address)s” was not recognised; write the old address as “xã X, huyện Y, tỉnh Z”"
                " or enter the commune code (Mã xã)"
            ) % {"address": address[:120]}
    if not codes:
        return results
    links_by_code: dict[str, list[UnitSuccession]] = {}
    for link in (
        UnitSuccession.objects.filter(
            from_administrativeunit__code__in=list(codes),
            from_administrativeunit__level=UnitLevel.COMMUNE,
            from_administrativeunit__valid_to__isnull=False,
            to_administrativeunit__level=UnitLevel.COMMUNE,
        )
        .select_related("from_administrativeunit__parent__parent", "to_administrativeunit__parent")
        .order_by("to_administrativeunit__name", "pk")
    ):
        links_by_code.setdefault(link.from_administrativeunit.code, []).append(link)
    for code, waiting in codes.items():
        links = links_by_code.get(code, [])
        for result in waiting:
            _apply_links(result, code, links)
    return results


def _apply_links(result: Conversion, code: str, links: list[UnitSuccession]) -> None:
    if not links:
        result.error = _(
            "the old commune %(code)s read from “%(address)s” has no commune of today in the unit list;"
            " enter the commune code (Mã xã)"
        ) % {"code": code, "address": result.address[:120]}
        return
    result.old_commune = links[0].from_administrativeunit
    successors = [link.to_administrativeunit for link in links]
    if len(successors) > 1:
        result.candidates = successors
        result.error = _(
            "%(old)s was divided on %(day)s between %(new)s; enter the commune code (Mã xã) of today"
            " of the organisation's place"
        ) % {
            "old": chain_name(result.old_commune),
            "day": REFORM_DAY_TEXT,
            "new": "; ".join(f"{c.full_name} ({c.code})" for c in successors),
        }
        return
    result.commune = successors[0]
