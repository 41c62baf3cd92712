"""Checking and applying a registry workbook (the business rules of the import).

One pipeline serves both steps: ``check_batch`` runs it without writing and stores the
preview (per row: what happens to the organisation and to the year's figures, with the
changed columns) and every error; ``apply_batch`` runs it again inside ONE transaction and
writes — any error (even one that appeared since the preview) rolls everything back.

Rows are handled in chunks of ``CHUNK`` so memory and query count grow with the number of
chunks, not rows: per chunk one query finds organisations by registration code, one by
name + commune, one loads their records for the years in the chunk, one their sectors.

Matching: by (kind, registration code) when the row has a code; otherwise by name (case-
and space-insensitive) + commune. A file may hold several rows of the same organisation
(one per year); their organisation columns must agree. Re-importing a file changes nothing:
unchanged rows are not written at all.
"""

from __future__ import annotations

import datetime
import functools
import logging
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.audit import audit
from core.permissions import user_area_q
from core.text import fold, fold_cached, nfc
from directory.addresses import Conversion, convert_old_address, convert_old_addresses
from directory.models import AdministrativeUnit, UnitLevel

from . import excel
from .models import ImportBatch, Organisation, OrganisationStatus, Sector, YearlyRecord
from .services import search_text_for
from .validation import FastRules

logger = logging.getLogger(__name__)

CHUNK = 1000
PREVIEW_LIMIT = 1000
ERROR_LIMIT = 2000
ORG_KEYS = [c.key for c in excel.COLUMNS if c.org and c.key not in ("commune_code", "commune_name", "sectors")]
RECORD_KEYS = [c.key for c in excel.COLUMNS if not c.org and c.key != "year"]
MODEL_FIELD_EXCLUDE = ["commune", "founded_from", "supporting_agency", "organisation"]
# Rows are validated with plain checks read from the models (``validation.FastRules``); only a
# row they do not pass goes through the model's own ``full_clean`` (for its exact messages).
# Tests switch this off to compare both ways on a table of bad rows.
FAST_VALIDATION = True


@functools.cache
def _rules() -> tuple[FastRules, FastRules]:
    return FastRules(Organisation, MODEL_FIELD_EXCLUDE), FastRules(YearlyRecord, MODEL_FIELD_EXCLUDE)


class CellError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def progress_key(batch_id: int) -> str:
    return f"coopplan:registry-import:{batch_id}:progress"


def _set_progress(batch: ImportBatch, percent: int) -> None:
    # The cache (Redis in production) is visible to the status endpoint even while the
    # confirm transaction is still open; the row itself is updated when the step ends.
    cache.set(progress_key(batch.pk), int(percent), 3600)


# --- cell parsing -----------------------------------------------------------------------------

_CHOICE_LOOKUP = {
    key: {**{fold(label): value for value, label in labels.items()}, **{fold(value): value for value in labels}}
    for key, labels in excel.CHOICE_LABELS.items()
}
_BOOL_LOOKUP = {
    "co": True,
    "x": True,
    "1": True,
    "true": True,
    "yes": True,
    "khong": False,
    "0": False,
    "false": False,
    "no": False,
}
_DATE_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")


@functools.lru_cache(maxsize=4096)
def _fold(value) -> str:
    """``fold`` for the few distinct labels of choice columns (cached: one call per value)."""
    return fold(value)


def _number(value) -> Decimal:
    if isinstance(value, bool):
        raise CellError(_("not a number"))
    if isinstance(value, int | float | Decimal):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise CellError(_("not a number"))
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        # Vietnamese style: "." groups thousands, "," is the decimal mark.
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text) or re.fullmatch(r"-?\d+(,\d+)?", text):
            text = text.replace(".", "").replace(",", ".")
        elif not re.fullmatch(r"-?\d+(\.\d+)?", text):
            raise CellError(_("not a number"))
        try:
            return Decimal(text)
        except InvalidOperation:
            raise CellError(_("not a number"))
    raise CellError(_("not a number"))


def _whole(value, *, allow_negative=False) -> int:
    if type(value) is int:  # most cells: a number cell holding a whole number
        if value < 0 and not allow_negative:
            raise CellError(_("cannot be negative"))
        if abs(value) >= 10**18:
            raise CellError(_("the number is too large"))
        return value
    number = _number(value)
    if number != number.to_integral_value():
        raise CellError(_("not a whole number"))
    if number < 0 and not allow_negative:
        raise CellError(_("cannot be negative"))
    if abs(number) >= Decimal(10) ** 18:
        raise CellError(_("the number is too large"))
    return int(number)


def parse_cell(column: excel.Column, value, data_type: str):
    """Turn one cell into the model value or raise CellError with a Vietnamese reason."""
    if data_type == "f":
        raise CellError(_("the cell holds a formula; paste the values instead (Paste Values)"))
    if isinstance(value, str):
        value = nfc(value).strip()
        if len(value) > excel.MAX_CELL_CHARS:
            raise CellError(
                _("too long (%(length)s characters, at most %(max)s)")
                % {"length": len(value), "max": column.max_length or excel.MAX_CELL_CHARS}
            )
    kind = column.type
    if kind in ("text", "sectors"):
        text = " ".join(str(value).split()) if column.key != "note" else str(value)
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if column.max_length and len(text) > column.max_length:
            raise CellError(
                _("too long (%(length)s characters, at most %(max)s)") % {"length": len(text), "max": column.max_length}
            )
        return text
    if kind == "commune":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if not text.isdigit() or len(text) > 10:
            raise CellError(_("not a commune code"))
        return text.zfill(5)
    if kind == "choice":
        found = _CHOICE_LOOKUP[column.key].get(_fold(value))
        if found is None:
            raise CellError(
                _("the value “%(value)s” is not in the list (%(choices)s)")
                % {"value": str(value)[:50], "choices": ", ".join(excel.CHOICE_LABELS[column.key].values())}
            )
        return found
    if kind == "bool":
        if isinstance(value, bool):
            return value
        found = _BOOL_LOOKUP.get(_fold(value))
        if found is None:
            raise CellError(_("enter Có or Không"))
        return found
    if kind == "date":
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        match = _DATE_RE.match(str(value))
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return datetime.date(year, month, day)
            except ValueError:
                pass
        raise CellError(_("not a date (dd/mm/yyyy)"))
    if kind == "year":
        year = _whole(value)
        if not 1990 <= year <= 2100:
            raise CellError(_("not a year between 1990 and 2100"))
        return year
    if kind == "int":
        return _whole(value)
    if kind == "money":
        return _whole(value, allow_negative=column.key == "profit")
    raise AssertionError(kind)


_MISSING = object()
MEMO_LIMIT = 4096  # distinct values remembered per column (a list has a few kinds, communes, dates)


def cell_parser(column: excel.Column):
    """``parse_cell`` bound to ``column`` (issue 17): the usual shapes of its type answered at
    once — a whole number within bounds, plain text within its length — and the few distinct
    values of choice, yes/no, commune and date columns remembered after their first parse; any
    other value, and every error, goes through ``parse_cell`` itself, so the values and the
    messages are its own."""
    slow = functools.partial(parse_cell, column)
    kind = column.type
    if kind in ("int", "money", "year"):
        if kind == "year":
            low, high = 1990, 2100
        elif kind == "money" and column.key == "profit":
            low, high = -(10**18) + 1, 10**18 - 1
        else:
            low, high = 0, 10**18 - 1

        def whole(value, data_type):
            if type(value) is int and low <= value <= high and data_type != "f":
                return value
            return slow(value, data_type)

        return whole
    if kind == "text" and column.key != "note":
        max_length = column.max_length or excel.MAX_CELL_CHARS

        def text(value, data_type):
            if type(value) is str and data_type != "f":
                normal = nfc(value)
                cleaned = " ".join(normal.split())
                if len(cleaned) <= max_length and len(normal) <= excel.MAX_CELL_CHARS:
                    return cleaned
            return slow(value, data_type)

        return text
    if kind in ("choice", "bool", "commune", "date"):
        memo: dict = {}

        def remembered(value, data_type):
            key = (value, type(value), data_type)  # 1, 1.0 and True are different cells
            found = memo.get(key, _MISSING)
            if found is _MISSING:
                found = slow(value, data_type)  # an error is raised, never remembered
                if len(memo) < MEMO_LIMIT:
                    memo[key] = found
            return found

        return remembered
    return slow


# --- the pipeline -------------------------------------------------------------------------------


@dataclass
class RowResult:
    number: int
    name: str = ""
    year: int | None = None
    org_action: str = ""  # create, update, unchanged, same (as an earlier row of the file)
    record_action: str = ""  # create, update, unchanged, "" (no year)
    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    conversion: str = ""  # "xã A, huyện B, tỉnh C → xã D, tỉnh E" when the commune came from an address


def _name_key(name: str) -> str:
    return " ".join(nfc(name).split()).casefold()


def _error(row: int, column: str | None, message: str) -> str:
    if column:
        return _("Row %(row)s, column %(column)s: %(message)s") % {"row": row, "column": column, "message": message}
    return _("Row %(row)s: %(message)s") % {"row": row, "message": message}


class Importer:
    """Runs the pipeline for one batch; ``write=True`` applies the rows as it goes (call it
    inside a transaction and roll back when ``errors`` is not empty)."""

    def __init__(self, batch: ImportBatch, *, user, write: bool):
        self.batch = batch
        self.user = user
        self.write = write
        area = AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE)
        if not user.is_superuser:
            area = area.filter(user_area_q(user, ""))
        self.communes_by_code: dict[str, list[AdministrativeUnit]] = {}
        self.communes: dict[int, AdministrativeUnit] = {}
        for commune in area.only("id", "code", "name", "valid_from", "valid_to"):
            self.communes_by_code.setdefault(commune.code, []).append(commune)
            self.communes[commune.pk] = commune
        self.sectors = list(Sector.objects.all())
        self.sector_lookup = {}
        for sector in self.sectors:
            for key in (fold(sector.name), fold(sector.code), fold(sector.name.split(" (")[0])):
                self.sector_lookup.setdefault(key, sector)
        self.seen_rows: dict[tuple, int] = {}  # (org key, year) -> first row
        self.seen_orgs: dict[tuple, tuple[int, int]] = {}  # org key -> (first row, hash of its columns)
        # org key -> the Organisation created by this import (an instance while its chunk is
        # processed, then only its pk, so memory does not hold 50,000 model instances)
        self.created: dict[tuple, object] = {}
        self.chunk_keys: list[tuple] = []
        self.errors: list[str] = []
        self.error_count = 0
        self.preview: list[dict] = []
        self.summary = dict.fromkeys(
            ("rows", "org_create", "org_update", "org_unchanged", "record_create", "record_update", "record_unchanged"),
            0,
        )
        self.columns_present: set[str] = set()
        self.parsers = {column.key: cell_parser(column) for column in excel.COLUMNS}
        self.conversions: dict[str, Conversion] = {}  # distinct address -> its conversion

    # ---- parsing
    def _parse(self, number: int, cells: dict) -> tuple[dict, RowResult]:
        result = RowResult(number)
        parsed = {}
        address = None  # (column, text): the commune written as an address instead of a code
        parsers = self.parsers
        for key, (value, data_type) in cells.items():
            if key == "commune_code" and isinstance(value, str) and any(ch.isalpha() for ch in value):
                address = (excel.COLUMN_BY_KEY[key], value)
                continue
            try:
                parsed[key] = parsers[key](value, data_type)
            except CellError as exc:
                result.errors.append(_error(number, excel.COLUMN_BY_KEY[key].header, exc.message))
        if address is None and "commune_code" not in parsed and not result.errors:
            for key in ("commune_name", "address"):
                if parsed.get(key):
                    address = (excel.COLUMN_BY_KEY[key], parsed[key])
                    break
        if address is not None and "commune_code" not in parsed:
            self._convert_address(number, address, parsed, result)
        for key in ("kind", "name", "commune_code"):
            column = excel.COLUMN_BY_KEY[key]
            if key not in parsed and not any(column.header in e for e in result.errors):
                result.errors.append(_error(number, column.header, _("required")))
        if "sectors" in parsed:
            sectors = []
            for token in [t.strip() for t in re.split(r"[;\n]", parsed["sectors"]) if t.strip()]:
                sector = self.sector_lookup.get(_fold(token))
                if sector is None:
                    result.errors.append(
                        _error(
                            number,
                            excel.COLUMN_BY_KEY["sectors"].header,
                            _("the sector “%(value)s” is not in the list") % {"value": token[:60]},
                        )
                    )
                elif sector not in sectors:
                    sectors.append(sector)
            parsed["sectors"] = sectors
        elif "sectors" in self.columns_present:
            parsed["sectors"] = []
        result.name = parsed.get("name", "")
        result.year = parsed.get("year")
        return parsed, result

    def _convert_address(self, number: int, address: tuple, parsed: dict, result: RowResult) -> None:
        """The commune of today for an old-style address (``directory.addresses``), once per
        distinct address of the file; the row keeps the conversion for the preview."""
        column, text = address
        text = " ".join(nfc(str(text)).split())
        conversion = self.conversions.get(text)
        if conversion is None:  # the chunk's pre-pass (_convert_chunk_addresses) missed it
            conversion = self.conversions[text] = convert_old_address(text)
        if not conversion.ok:
            result.errors.append(_error(number, column.header, conversion.error))
            return
        commune = self.communes.get(conversion.commune.pk)
        if commune is None:
            result.errors.append(
                _error(
                    number,
                    column.header,
                    _("%(commune)s (from “%(address)s”) is not in your area")
                    % {"commune": conversion.commune.full_name, "address": text[:120]},
                )
            )
            return
        parsed["commune_code"] = commune.code
        parsed["converted_commune"] = commune.pk
        parsed["old_commune"] = conversion.old_commune.pk if conversion.old_commune else None
        result.conversion = conversion.text

    def _convert_chunk_addresses(self, rows: list[tuple[int, dict]]) -> None:
        """Convert the chunk's new distinct addresses together (one query for their successors)."""
        if not self.columns_present & {"commune_code", "commune_name", "address"}:
            return
        pending: dict[str, None] = {}
        for _number, cells in rows:
            value = (cells.get("commune_code") or (None,))[0]
            if isinstance(value, str) and any(ch.isalpha() for ch in value):
                text = value
            elif value is None:
                text = (cells.get("commune_name") or cells.get("address") or (None,))[0]
            else:
                continue
            if isinstance(text, str):
                text = " ".join(nfc(text).split())
                if text and text not in self.conversions:
                    pending[text] = None
        if pending:
            self.conversions.update(convert_old_addresses(list(pending)))

    def _org_key(self, parsed: dict) -> tuple:
        if parsed.get("registration_code"):
            return ("code", parsed["kind"], parsed["registration_code"].upper())
        return ("name", _name_key(parsed["name"]), parsed["commune_code"])

    # ---- a chunk
    def run_chunk(self, rows: list[tuple[int, dict]]) -> None:
        self._finished: list[RowResult] = []
        parsed_rows = []
        self._convert_chunk_addresses(rows)
        for number, cells in rows:
            parsed, result = self._parse(number, cells)
            parsed_rows.append((parsed, result))
        valid = [(p, r) for p, r in parsed_rows if not r.errors]
        existing_by_code, existing_by_name = self._load_existing(valid)
        org_ids = {o.pk for o in existing_by_code.values()} | {o.pk for lst in existing_by_name.values() for o in lst}
        years = {p["year"] for p, _r in valid if p.get("year")}
        records = {}
        sector_ids: dict[int, set[int]] = {}
        if org_ids:
            if years:
                for rec in YearlyRecord.objects.filter(organisation_id__in=org_ids, year__in=years):
                    records[(rec.organisation_id, rec.year)] = rec
            if "sectors" in self.columns_present:
                through = Organisation.sectors.through
                for org_id, sector_id in through.objects.filter(organisation_id__in=org_ids).values_list(
                    "organisation_id", "sector_id"
                ):
                    sector_ids.setdefault(org_id, set()).add(sector_id)
        new_orgs, changed_orgs, sector_sets, new_records, changed_records = [], [], [], [], []
        record_fields_changed: set[str] = set()
        org_fields_changed: set[str] = set()
        pending_records = []
        for parsed, result in parsed_rows:
            if result.errors:
                self._finish_row(result)
                continue
            key = self._org_key(parsed)
            org, commune = self._match(parsed, key, existing_by_code, existing_by_name, result)
            if result.errors:
                self._finish_row(result)
                continue
            # Only a hash is kept per organisation, so 50,000 rows do not hold 50,000 tuples.
            signature = hash(
                tuple(
                    (k, tuple(x.pk for x in parsed[k]) if k == "sectors" else parsed[k])
                    for k in sorted(parsed)
                    if k not in RECORD_KEYS + ["year", "commune_name"]
                )
            )
            first = self.seen_orgs.get(key)
            year = parsed.get("year")
            if year is not None and (key, year) in self.seen_rows:
                result.errors.append(
                    _error(
                        result.number,
                        None,
                        _("the same organisation and year as row %(other)s") % {"other": self.seen_rows[(key, year)]},
                    )
                )
                self._finish_row(result)
                continue
            if first is not None and first[1] != signature:
                result.errors.append(
                    _error(
                        result.number,
                        excel.COLUMN_BY_KEY["registration_code"].header if key[0] == "code" else None,
                        _("the organisation is also in row %(other)s with different details") % {"other": first[0]},
                    )
                )
                self._finish_row(result)
                continue
            if year is not None:
                self.seen_rows[(key, year)] = result.number
            if first is not None:
                result.org_action = "same"
                org = org or self.created.get(key)
            else:
                self.seen_orgs[key] = (result.number, signature)
                org = self._diff_org(
                    org,
                    parsed,
                    commune,
                    result,
                    sector_ids,
                    new_orgs,
                    changed_orgs,
                    sector_sets,
                    org_fields_changed,
                    key,
                )
            if result.errors:
                self._finish_row(result)
                continue
            if year is not None:
                pending_records.append((org, parsed, result))
            else:
                self._finish_row(result)
        if self._can_write():
            self._write_orgs(new_orgs, changed_orgs, org_fields_changed, sector_sets)
        for org, parsed, result in pending_records:
            self._diff_record(org, parsed, result, records, new_records, changed_records, record_fields_changed)
            self._finish_row(result)
        if self._can_write():
            self._write_records(new_records, changed_records, record_fields_changed)
        for result in sorted(self._finished, key=lambda r: r.number):
            self._record_result(result)
        for key in self.chunk_keys:
            self.created[key] = getattr(self.created[key], "pk", None)
        self.chunk_keys = []

    def _load_existing(self, valid):
        codes = {}
        for parsed, _r in valid:
            if parsed.get("registration_code"):
                codes.setdefault(parsed["kind"], set()).add(parsed["registration_code"].upper())
        by_code = {}
        if codes:
            all_codes = set().union(*codes.values())
            # kind + code + "code not empty": the unique index org_kind_regcode_uniq (kind,
            # registration_code) WHERE registration_code <> '' answers it; by the code alone
            # PostgreSQL read all the organisations once per chunk (issue 17).
            found = Organisation.objects.filter(kind__in=sorted(codes), registration_code__in=sorted(all_codes)).exclude(
                registration_code=""
            )
            for org in found.select_related("commune").order_by():  # no sort: a dict is built
                if org.registration_code in codes.get(org.kind, ()):
                    by_code[(org.kind, org.registration_code)] = org
        commune_ids = set()
        names = set()
        for parsed, _r in valid:
            if not parsed.get("registration_code"):
                names.add(" ".join(nfc(parsed["name"]).split()))
                commune_ids.update(c.pk for c in self.communes_by_code.get(parsed["commune_code"], []))
                if parsed.get("old_commune"):
                    commune_ids.add(parsed["old_commune"])
        by_name: dict[tuple, list[Organisation]] = {}
        if commune_ids:
            for org in Organisation.objects.filter(commune_id__in=commune_ids, name__in=names).select_related(
                "commune"
            ):
                by_name.setdefault((_name_key(org.name), org.commune.code), []).append(org)
        return by_code, by_name

    def _match(self, parsed, key, by_code, by_name, result):
        code = parsed["commune_code"]
        converted = parsed.get("converted_commune")
        candidates = [self.communes[converted]] if converted else self.communes_by_code.get(code, [])
        header = excel.COLUMN_BY_KEY["commune_code"].header
        if not candidates:
            result.errors.append(
                _error(result.number, header, _("no commune with code %(code)s in your area") % {"code": code})
            )
            return None, None
        if key[0] == "code":
            org = by_code.get((key[1], key[2]))
        else:
            found = by_name.get((key[1], code), [])
            if not found and parsed.get("old_commune") in self.communes:
                # registered under the old commune the address names
                found = by_name.get((key[1], self.communes[parsed["old_commune"]].code), [])
            found = [o for o in found if o.kind == parsed["kind"]] or found
            org = found[0] if found else None
        if org is not None and converted and org.commune_id in (converted, parsed.get("old_commune")):
            # An old-style address names the commune the organisation is registered in, or its
            # successor: it keeps the commune it was registered in (its old years refer to it).
            if org.commune_id in self.communes:
                return org, self.communes[org.commune_id]
        if org is not None and org.commune_id in self.communes and org.commune.code == code:
            return org, self.communes[org.commune_id]
        if org is not None and org.commune_id not in self.communes and not self.user.is_superuser:
            result.errors.append(
                _error(
                    result.number,
                    None,
                    _("this organisation is registered outside your area and cannot be changed here"),
                )
            )
            return None, None
        if len(candidates) == 1:
            return org, candidates[0]
        # The same code before and after the 2025 reform: take the commune in force in the
        # row's year (old communes for 2021–2025 figures), else the current one.
        year = parsed.get("year")
        day = datetime.date(year, 1, 1) if year else datetime.date.today()
        for commune in candidates:
            if (commune.valid_from is None or commune.valid_from <= day) and (
                commune.valid_to is None or commune.valid_to >= day
            ):
                return org, commune
        return org, candidates[0]

    def _diff_org(
        self, org, parsed, commune, result, sector_ids, new_orgs, changed_orgs, sector_sets, fields_changed, key
    ):
        values = {k: parsed[k] if k in parsed else "" for k in ORG_KEYS if k in self.columns_present}
        for k in ("founded", "dissolved"):
            if k in values and values[k] == "":
                values[k] = None
        if "status" in values and not values["status"]:
            values["status"] = OrganisationStatus.ACTIVE
        sectors = parsed.get("sectors") if "sectors" in self.columns_present else None
        if org is None:
            if self.write:
                org = Organisation(commune=commune, status=OrganisationStatus.ACTIVE)
            else:  # the check writes nothing: no model instance per row
                org = _rules()[0].draft(commune_id=commune.pk, status=OrganisationStatus.ACTIVE)
            for k, v in values.items():
                setattr(org, k, v)
            result.org_action = "create"
            changed = ["*"]
        else:
            changed = []
            for k, v in values.items():
                old = getattr(org, k)
                if (old or None) != (v or None):
                    result.changes.append([excel.COLUMN_BY_KEY[k].header, _fmt(old), _fmt(v)])
                    setattr(org, k, v)
                    changed.append(k)
            if org.commune_id != commune.pk:
                result.changes.append([excel.COLUMN_BY_KEY["commune_code"].header, org.commune.code, commune.code])
                org.commune = commune
                changed.append("commune")
            if sectors is not None and sector_ids.get(org.pk, set()) != {s.pk for s in sectors}:
                result.changes.append([excel.COLUMN_BY_KEY["sectors"].header, "", "; ".join(s.name for s in sectors)])
                changed.append("sectors")
            result.org_action = "update" if changed else "unchanged"
        if sectors is not None:
            org.is_agricultural = any(s.is_agricultural for s in sectors)
        org.name = " ".join(nfc(org.name).split())
        org.registration_code = (org.registration_code or "").upper()
        org.search_text = search_text_for(
            name=org.name,
            registration_code=org.registration_code,
            main_products=org.main_products,
            commune_name=commune.name,
            folder=fold_cached,
        )
        if changed:
            if not self._validate(result, org, _rules()[0]):
                return org
            if result.org_action == "create":
                new_orgs.append((org, key))
                self.created[key] = org
                self.chunk_keys.append(key)
            else:
                changed_orgs.append(org)
                fields_changed.update(c for c in changed if c != "sectors")
            if sectors is not None and ("sectors" in changed or result.org_action == "create"):
                sector_sets.append((org, sectors))
        self.summary[f"org_{result.org_action}"] += 1
        return org

    def _diff_record(self, org, parsed, result, records, new_records, changed_records, fields_changed):
        year = parsed["year"]
        org_id = org if isinstance(org, int) else getattr(org, "pk", None)
        record = records.get((org_id, year)) if org_id else None
        values = {}
        for k in RECORD_KEYS:
            if k not in self.columns_present:
                continue
            column = excel.COLUMN_BY_KEY[k]
            if k in parsed:
                values[k] = parsed[k]
            elif column.type == "bool":
                values[k] = False
            elif k in ("ocop_products", "growing_area_codes"):
                values[k] = 0
            elif k == "rating":
                values[k] = "none"
            elif k == "note":
                values[k] = ""
            else:
                values[k] = None
        if record is None:
            record = YearlyRecord(year=year) if self.write else _rules()[1].draft(year=year)
            for k, v in values.items():
                setattr(record, k, v)
            result.record_action = "create"
            changed = True
        else:
            changed = False
            for k, v in values.items():
                old = getattr(record, k)
                if old != v and not (old in (None, "") and v in (None, "")):
                    result.changes.append([excel.COLUMN_BY_KEY[k].header, _fmt(old), _fmt(v)])
                    setattr(record, k, v)
                    fields_changed.add(k)
                    changed = True
            result.record_action = "update" if changed else "unchanged"
        if changed:
            if not self._validate(result, record, _rules()[1]):
                return
            if result.record_action == "create":
                new_records.append((record, org))
            else:
                changed_records.append(record)
        self.summary[f"record_{result.record_action}"] += 1

    def _validate(self, result, obj, rules: FastRules) -> bool:
        """The model's validation of ``obj`` (an instance or a draft): plain checks first; a
        row they do not clear goes through ``full_clean`` for the model's own messages."""
        if FAST_VALIDATION and rules.passes(obj):
            return True
        if not isinstance(obj, rules.model):
            values = {k: v for k, v in vars(obj).items() if k != "pk"}
            obj = rules.model(**values)
        try:
            obj.full_clean(exclude=MODEL_FIELD_EXCLUDE, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            self._model_errors(result, exc)
            return False
        return True

    def _model_errors(self, result, exc: ValidationError):
        for field_name, messages in exc.message_dict.items():
            column = excel.COLUMN_BY_KEY.get(field_name)
            for message in messages:
                result.errors.append(_error(result.number, column.header if column else None, message))

    def _can_write(self) -> bool:
        return self.write and not self.error_count and not any(r.errors for r in self._finished)

    def _finish_row(self, result: RowResult):
        self._finished.append(result)

    def _record_result(self, result: RowResult):
        self.summary["rows"] += 1
        if result.errors:
            self.error_count += len(result.errors)
            room = ERROR_LIMIT - len(self.errors)
            if room > 0:
                self.errors.extend(result.errors[:room])
        if len(self.preview) < PREVIEW_LIMIT:
            self.preview.append(
                {
                    "row": result.number,
                    "name": result.name[:120],
                    "year": result.year,
                    "org": "error" if result.errors else result.org_action,
                    "record": "" if result.errors else result.record_action,
                    "changes": result.changes[:40],
                    "conversion": result.conversion,
                    "errors": result.errors,
                }
            )

    # ---- writing (inside the caller's transaction)
    def _write_orgs(self, new_orgs, changed_orgs, fields_changed, sector_sets):
        if new_orgs:
            objs = [o for o, _k in new_orgs]
            bulk_create_with_history(objs, Organisation, batch_size=500, default_user=self.user)
            if any(o.pk is None for o in objs):  # backends without RETURNING: look the ids up
                raise RuntimeError("bulk_create did not return primary keys")
        if changed_orgs:
            fields = sorted(fields_changed | {"search_text", "is_agricultural", "name", "registration_code"})
            bulk_update_with_history(changed_orgs, Organisation, fields, batch_size=500, default_user=self.user)
            # Edit forms opened before the import are stale now (optimistic locking).
            Organisation.objects.filter(pk__in=[o.pk for o in changed_orgs]).update(version=F("version") + 1)
        if sector_sets:
            through = Organisation.sectors.through
            through.objects.filter(organisation_id__in=[o.pk for o, _s in sector_sets]).delete()
            through.objects.bulk_create(
                [through(organisation_id=o.pk, sector_id=s.pk) for o, sectors in sector_sets for s in sectors],
                batch_size=1000,
            )

    def _write_records(self, new_records, changed_records, fields_changed):
        if new_records:
            objs = []
            for record, org in new_records:
                if isinstance(org, Organisation):
                    record.organisation_id = org.pk
                else:
                    record.organisation_id = org
                objs.append(record)
            bulk_create_with_history(objs, YearlyRecord, batch_size=500, default_user=self.user)
        if changed_records:
            bulk_update_with_history(
                changed_records, YearlyRecord, sorted(fields_changed), batch_size=500, default_user=self.user
            )

    # ---- whole file
    def run(self, path) -> None:
        columns, rows, progress = excel.read_sheet(path)
        self.columns_present = set(columns.values())
        chunk: list = []
        seen = 0
        limit = excel.max_rows()
        for number, cells in rows:
            seen += 1
            if seen > limit:
                raise excel.SheetError(_("The file has too many rows (at most %(n)s).") % {"n": limit}, "too_many_rows")
            chunk.append((number, cells))
            if len(chunk) >= CHUNK:
                self.run_chunk(chunk)
                chunk = []
                _set_progress(self.batch, progress())
        if chunk:
            self.run_chunk(chunk)
        if seen == 0:
            raise excel.SheetError(_("The file has no data rows."), "no_rows")


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return excel.YES if value else excel.NO
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        from core.formatting import format_number

        return format_number(value, 0)
    for labels in excel.CHOICE_LABELS.values():
        if value in labels:
            return labels[value]
    return str(value)


# --- entry points used by the services -------------------------------------------------------


def check_batch(batch: ImportBatch) -> ImportBatch:
    """Validate the file and store what confirming it would do (nothing else is written)."""
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.CHECKING, progress=0, modified=timezone.now()
    )
    importer = Importer(batch, user=batch.uploaded_by, write=False)
    with translation.override("vi"):
        try:
            importer.run(batch.file.path)
        except excel.SheetError as exc:
            # A reading stopped at the child's memory or time limit is "failed" (naming the limit),
            # like the other readers; a file-level problem (no header, too many rows) "invalid".
            batch.status = ImportBatch.Status.FAILED if exc.code in excel.PARSE_FAILURES else ImportBatch.Status.INVALID
            batch.message = exc.message
            batch.errors = [exc.message]
            batch.preview = []
            batch.summary = {}
            batch.progress = 100
            batch.save()
            cache.delete(progress_key(batch.pk))
            return batch
        except Exception:
            # A bug or an unforeseen file shape must not become a 500 in the upload request.
            logger.exception("registry import %s: check failed", batch.pk)
            batch.status = ImportBatch.Status.FAILED
            batch.message = _(
                "The file could not be checked because of an unexpected error. Please contact the administrator."
            )
            batch.progress = 100
            batch.save()
            cache.delete(progress_key(batch.pk))
            return batch
    batch.total_rows = importer.summary["rows"]
    batch.summary = {**importer.summary, "errors": importer.error_count}
    batch.errors = importer.errors
    batch.preview = importer.preview
    batch.progress = 100
    if importer.error_count:
        batch.status = ImportBatch.Status.INVALID
        batch.message = _n_errors(importer.error_count)
    else:
        batch.status = ImportBatch.Status.CHECKED
        batch.message = ""
    batch.save()
    cache.delete(progress_key(batch.pk))
    return batch


def _n_errors(count: int) -> str:
    with translation.override("vi"):
        return _("The file has %(count)s error(s); nothing was imported.") % {"count": count}


class _Rollback(Exception):
    pass


def apply_batch(batch: ImportBatch, *, acting_user) -> ImportBatch:
    """Write the batch in one transaction; on any error nothing is written and the batch
    shows the errors."""
    # Claim it: a copy of the task sent again by the sweep, or redelivered, must not write twice.
    claimed = ImportBatch.objects.filter(
        pk=batch.pk, status__in=(ImportBatch.Status.CHECKED, ImportBatch.Status.QUEUED)
    ).update(status=ImportBatch.Status.IMPORTING, progress=0, modified=timezone.now())
    if not claimed:
        batch.refresh_from_db()
        return batch
    batch.status = ImportBatch.Status.IMPORTING
    importer = Importer(batch, user=acting_user, write=True)
    try:
        with translation.override("vi"), transaction.atomic():
            try:
                importer.run(batch.file.path)
            except excel.SheetError as exc:
                importer.errors.append(exc.message)
                importer.error_count += 1
            if importer.error_count:
                raise _Rollback
            summary = {**importer.summary, "errors": 0}
            audit(actor=acting_user, action="import.confirm", obj=batch, summary=batch.original_name, data=summary)
            batch.status = ImportBatch.Status.DONE
            batch.summary = summary
            batch.progress = 100
            batch.message = ""
            batch.save()
    except _Rollback:
        batch.status = ImportBatch.Status.INVALID
        batch.errors = importer.errors
        batch.summary = {**importer.summary, "errors": importer.error_count}
        batch.message = _n_errors(importer.error_count)
        batch.progress = 100
        batch.save()
    except Exception:
        logger.exception("registry import %s failed", batch.pk)
        batch.status = ImportBatch.Status.FAILED
        with translation.override("vi"):
            batch.message = _(
                "The import failed unexpectedly; nothing was written. Please try again or contact the administrator."
            )
        batch.progress = 100
        batch.save()
    cache.delete(progress_key(batch.pk))
    return batch
