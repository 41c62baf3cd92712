"""Registry benchmark: import 50,000 rows, export 100,000 rows, indicators over 100,000 organisations.

Usage (PostgreSQL; use a database of its own, it is filled with synthetic data)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coopplan_registry_bench \\
        python benchmarks/registry_bench.py            # setup + every step
    python benchmarks/registry_bench.py --step export  # one step (after setup)

Each step runs in a fresh subprocess so its peak memory (``ru_maxrss``) is its own; times are
wall-clock of the step only (Django start-up excluded). The setup is rerunnable: it creates the
database tables (migrate) and a synthetic province with 700 communes and 100,000 organisations
with one 2024 record each, unless they are already there. Steps:

* ``baseline`` — openpyxl write-only, 100,000 × 12 plain values (the PERFORMANCE.md anchor,
  measured in the same run so the ratio is fair);
* ``export`` / ``export25k`` — the registry export (31 columns, styled cells, header block) of
  100,000 / 25,000 organisations, streamed from the database (memory should not grow);
* ``import`` — a 50,000-row workbook (new organisations with 2024 figures): check, then confirm
  (one transaction), then a re-import check of the same file (everything "unchanged");
* ``indicators`` — every catalogue indicator for the province, 2024 (100,000 organisations);
* ``import_floor`` / ``import_read`` / ``import_check`` — the import's floor (one read-only
  openpyxl pass over the 50,000-row file), its reading alone (the sandboxed reader and the rows
  read back) and the whole check (issue 17: check ≤ 1.5× floor).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopplan.settings.base")

# Smaller numbers for a smoke test: BENCH_ORGS=2000 BENCH_IMPORT=1000 python benchmarks/registry_bench.py
N_ORGS = int(os.environ.get("BENCH_ORGS", 100_000))
N_IMPORT = int(os.environ.get("BENCH_IMPORT", 50_000))
PROVINCE_CODE = "B9"  # not an official code: the synthetic province never collides with real units
IMPORT_PREFIX = "IMP"  # registration codes of the import step's organisations (removed after the step)
STEPS = [
    "baseline", "export25k", "export_floor25k", "export", "export_floor", "indicators",
    "import_floor", "import_read", "import_check", "import",
]  # fmt: skip


def _django():
    import django

    django.setup()
    from django.conf import settings

    # As in production: with DEBUG on, Django keeps the SQL of the last 9,000 queries (bulk
    # inserts of 500 rows each), which would be counted in the step's peak memory.
    settings.DEBUG = False


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- setup ------------------------------------------------------------------------------------


def _drop_imported() -> None:
    """Remove the import step's organisations with plain DELETEs (no per-row signals or history:
    this is benchmark housekeeping, not a user action)."""
    from cooperatives.models import Organisation, YearlyRecord

    ids = Organisation.objects.filter(registration_code__startswith=IMPORT_PREFIX).values("pk")
    YearlyRecord.objects.filter(organisation__in=ids)._raw_delete(YearlyRecord.objects.db)
    through = Organisation.sectors.through
    through.objects.filter(organisation__in=ids)._raw_delete(through.objects.db)
    Organisation.objects.filter(founded_from__in=ids).update(founded_from=None)
    Organisation.objects.filter(registration_code__startswith=IMPORT_PREFIX)._raw_delete(Organisation.objects.db)


def setup() -> dict:
    _django()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from cooperatives.models import Organisation, Sector, YearlyRecord
    from core.text import fold
    from directory.models import AdministrativeUnit, Agency, User

    def analyze():
        # Fresh bulk-loaded tables have no planner statistics yet (autovacuum comes later);
        # without them PostgreSQL picks nested loops and the aggregates run 5× slower.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    # Organisations left by an interrupted import step would inflate every other measurement.
    _drop_imported()
    province = AdministrativeUnit.objects.filter(code=PROVINCE_CODE, level="province").first()
    if province and Organisation.objects.filter(commune__path__startswith=province.path).count() >= N_ORGS:
        analyze()
        return {"setup": "already there", "vendor": connection.vendor}
    started = time.perf_counter()
    if province is None:
        province = AdministrativeUnit.objects.create(
            code=PROVINCE_CODE, name="Tỉnh Thử Nghiệm", kind="tỉnh", level="province"
        )
        province.rebuild_path()
        province.save(update_fields=["path"])
    communes = []
    for d in range(10):
        district, _ = AdministrativeUnit.objects.get_or_create(
            code=f"B9{d}",
            level="district",
            valid_from=None,
            defaults={"name": f"Huyện Thử {d}", "kind": "huyện", "parent": province},
        )
        district.rebuild_path()
        district.save(update_fields=["path"])
        for c in range(70):
            commune, _ = AdministrativeUnit.objects.get_or_create(
                code=f"9{d}{c:03d}",
                level="commune",
                valid_from=None,
                defaults={"name": f"Xã Thử {d}-{c}", "kind": "xã", "parent": district},
            )
            if not commune.path:
                commune.rebuild_path()
                commune.save(update_fields=["path"])
            communes.append(commune)
    agency, _ = Agency.objects.get_or_create(
        name="Liên minh HTX tỉnh Thử Nghiệm", unit=province, defaults={"short_name": "LMHTX"}
    )
    user, _ = User.objects.get_or_create(username="bench_planner", defaults={"agency": agency, "is_planner": True})
    rng = random.Random(7)
    agri = Sector.objects.get(code="nong-nghiep")
    existing = Organisation.objects.filter(commune__path__startswith=province.path).count()
    kinds = ["htx"] * 6 + ["tht"] * 3 + ["hoiquan"]
    batch = 5000
    for start in range(existing, N_ORGS, batch):
        orgs = []
        for i in range(start, min(start + batch, N_ORGS)):
            commune = communes[i % len(communes)]
            kind = kinds[i % len(kinds)]
            name = f"{'HTX' if kind == 'htx' else 'Tổ chức'} Thử nghiệm số {i}"
            orgs.append(
                Organisation(
                    kind=kind,
                    name=name,
                    registration_code=f"B{i:08d}" if kind == "htx" else "",
                    commune=commune,
                    status="active" if i % 17 else "suspended",
                    is_agricultural=i % 3 != 0,
                    founded=f"{2005 + i % 20}-0{1 + i % 9}-15",
                    main_products="Lúa, cà phê",
                    search_text=fold(name),
                )
            )
        Organisation.objects.bulk_create(orgs)
        through = Organisation.sectors.through
        through.objects.bulk_create(
            [through(organisation_id=o.pk, sector_id=agri.pk) for o in orgs if o.is_agricultural]
        )
        YearlyRecord.objects.bulk_create(
            [
                YearlyRecord(
                    organisation=o,
                    year=2024,
                    members=rng.randint(5, 80),
                    workers=rng.randint(2, 20),
                    managers=4,
                    managers_degree=rng.randint(0, 2),
                    managers_trained=rng.randint(2, 4),
                    revenue=rng.randint(100, 3000) * 1_000_000,
                    profit=rng.randint(-50, 400) * 1_000_000,
                    avg_income=rng.randint(30, 60) * 1_000_000,
                    rating=rng.choice(["tot", "kha", "tb", "yeu", "none"]),
                    value_chain=rng.random() < 0.3,
                    high_tech=rng.random() < 0.05,
                    growing_area_codes=rng.choice([0, 0, 0, 1, 2]),
                )
                for o in orgs
            ]
        )
    analyze()
    return {"setup_seconds": round(time.perf_counter() - started, 1), "vendor": connection.vendor}


# --- steps --------------------------------------------------------------------------------------


def step_baseline() -> dict:
    from openpyxl import Workbook

    started = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    row = [
        "Hợp tác xã Nông nghiệp",
        "4300123456",
        "21301",
        2024,
        25,
        12,
        900000000,
        150000000,
        45000000,
        "Khá",
        "Có",
        "ghi chú",
    ]
    for _ in range(N_ORGS):
        ws.append(row)
    with tempfile.TemporaryFile() as handle:
        wb.save(handle)
        size = handle.tell()
    return {"seconds": round(time.perf_counter() - started, 2), "rows": N_ORGS, "cells": N_ORGS * 12, "bytes": size}


def _export_queryset(limit: int):
    from cooperatives.models import Organisation
    from directory.models import AdministrativeUnit

    province = AdministrativeUnit.objects.get(code=PROVINCE_CODE, level="province")
    qs = (
        Organisation.objects.filter(commune__path__startswith=province.path)
        .exclude(registration_code__startswith=IMPORT_PREFIX)
        .order_by("id")
    )
    if limit < N_ORGS:
        last = qs.values_list("id", flat=True)[limit - 1]
        qs = qs.filter(id__lte=last)
    return qs


def _export(limit: int) -> dict:
    """The registry export as the view streams it: time to the first chunk (what the browser
    waits for), to the first chunk holding rows, and to the last byte; RSS before and after."""
    _django()
    import datetime

    from cooperatives import excel, selectors

    qs = _export_queryset(limit)
    rss_before = _peak_mib()
    started = time.perf_counter()
    first = first_rows = None
    counter = []
    size = 0
    with tempfile.TemporaryFile() as handle:
        for chunk in excel.export_stream(
            selectors.export_rows(qs, year=2024),
            agency_name="Liên minh HTX tỉnh Thử Nghiệm",
            title="DANH SÁCH TỔ CHỨC KINH TẾ TẬP THỂ",
            subtitle="Số liệu năm 2024",
            today=datetime.date.today(),
            counter=counter,
        ):
            now = time.perf_counter() - started
            if first is None:
                first = now
            elif first_rows is None:
                first_rows = now
            size += len(chunk)
            handle.write(chunk)
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "first_byte_seconds": round(first, 3),
        "first_rows_seconds": round(first_rows or 0, 3),
        "rows": counter[0],
        "cells": counter[0] * len(excel.COLUMNS),
        "bytes": size,
        "rss_before_mib": round(rss_before, 1),
    }


def step_export() -> dict:
    return _export(N_ORGS)


def step_export25k() -> dict:
    return _export(N_ORGS // 4)


def step_export_floor() -> dict:
    return _export_floor(N_ORGS)


def step_export_floor25k() -> dict:
    return _export_floor(N_ORGS // 4)


def _export_floor(limit: int) -> dict:
    """The export floor: the same rows from the same query written by xlsxwriter in
    ``constant_memory`` mode (31 columns, the same number formats, strings as strings, no
    header block). xlsxwriter is an optional benchmark dependency (``pip install xlsxwriter``);
    it writes the whole file before the first byte can be sent."""
    _django()
    import datetime

    import xlsxwriter

    from cooperatives import excel, selectors
    from core import workbook

    qs = _export_queryset(limit)
    rss_before = _peak_mib()
    started = time.perf_counter()
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as tmp:
        book = xlsxwriter.Workbook(tmp.name, {"constant_memory": True, "strings_to_formulas": False,
                                              "strings_to_numbers": False, "strings_to_urls": False})
        sheet = book.add_worksheet(excel.SHEET_NAME)
        formats = {
            "int": book.add_format({"num_format": workbook.FMT_INT}),
            "money": book.add_format({"num_format": workbook.FMT_INT}),
            "date": book.add_format({"num_format": workbook.FMT_DATE}),
        }
        header = book.add_format({"bold": True, "text_wrap": True, "border": 1})
        columns = [(c.key, formats.get(c.type)) for c in excel.COLUMNS]
        sheet.write_row(0, 0, [c.header for c in excel.COLUMNS], header)
        row_number = 0
        for row in selectors.export_rows(qs, year=2024):
            row_number += 1
            for col, (key, fmt) in enumerate(columns):
                value = excel.display_value(excel.COLUMN_BY_KEY[key], row.get(key))
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(row_number, col, value)
                elif isinstance(value, datetime.date):
                    sheet.write_datetime(row_number, col, value, fmt)
                else:
                    sheet.write_number(row_number, col, value, fmt)
        book.close()
        size = Path(tmp.name).stat().st_size
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "first_byte_seconds": round(time.perf_counter() - started, 2),
        "rows": row_number,
        "bytes": size,
        "rss_before_mib": round(rss_before, 1),
    }


def _import_file() -> bytes:
    """The 50,000-row workbook of the import step (new organisations with 2024 figures)."""
    from openpyxl import Workbook

    from cooperatives import excel

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(excel.SHEET_NAME)
    ws.append([c.header for c in excel.COLUMNS])
    rng = random.Random(11)
    for i in range(N_IMPORT):
        values = {
            "kind": "HTX",
            "name": f"HTX Nhập thử số {i}",
            "registration_code": f"{IMPORT_PREFIX}{i:07d}",
            "commune_code": f"9{i % 10}{(i // 10) % 70:03d}",
            "status": "Đang hoạt động",
            "sectors": "Nông nghiệp",
            "founded": "15/03/2019",
            "main_products": "Lúa",
            "year": 2024,
            "members": rng.randint(5, 80),
            "workers": rng.randint(2, 20),
            "managers": 4,
            "managers_degree": 1,
            "managers_trained": 3,
            "revenue": rng.randint(100, 3000) * 1_000_000,
            "profit": rng.randint(0, 300) * 1_000_000,
            "avg_income": 45_000_000,
            "rating": "Khá",
            "value_chain": "Có",
        }
        ws.append([values.get(c.key) for c in excel.COLUMNS])
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as tmp:
        wb.save(tmp.name)
        data = Path(tmp.name).read_bytes()
    return data


def step_import_floor() -> dict:
    """The import floor: one read-only openpyxl pass over the same 50,000-row file (every
    cell's value read, nothing checked)."""
    import io

    from openpyxl import load_workbook

    _django()
    data = _import_file()
    rss_before = _peak_mib()
    started = time.perf_counter()
    wb = load_workbook(io.BytesIO(data), read_only=True)
    cells = 0
    for values in wb.worksheets[0].iter_rows(values_only=True):
        cells += sum(1 for v in values if v is not None)
    wb.close()
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "rows": N_IMPORT,
        "cells": cells,
        "rss_before_mib": round(rss_before, 1),
    }


def _children_peak_mib() -> float:
    """Peak RSS of the largest waited-for child: the sandboxed reader of the import steps."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def step_import_read() -> dict:
    """The import's reading alone: the sandboxed child (``excel_cells.read_rows``) writes the
    rows, the parent reads them back (``excel.read_sheet``); nothing is checked."""
    _django()
    from cooperatives import excel

    data = _import_file()
    with tempfile.NamedTemporaryFile(suffix=".xlsx") as tmp:
        tmp.write(data)
        tmp.flush()
        rss_before = _peak_mib()
        started = time.perf_counter()
        _columns, rows, _progress = excel.read_sheet(tmp.name)
        cells = sum(len(cells) for _number, cells in rows)
        seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "rows": N_IMPORT,
        "cells": cells,
        "rss_before_mib": round(rss_before, 1),
        "child_peak_rss_mib": round(_children_peak_mib(), 1),
    }


def step_import_check() -> dict:
    """The import check alone (the step issue 17 measures against the floor), its own peak RSS."""
    _django()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cooperatives import services
    from cooperatives.models import ImportBatch
    from directory.models import User

    user = User.objects.get(username="bench_planner")
    _drop_imported()
    data = _import_file()
    batch = services.import_batch_create(uploaded_file=SimpleUploadedFile("bench.xlsx", data), acting_user=user)
    rss_before = _peak_mib()
    started = time.perf_counter()
    batch = services.import_batch_check(batch=batch)
    seconds = time.perf_counter() - started
    assert batch.status == ImportBatch.Status.CHECKED, batch.errors[:5]
    return {
        "check_seconds": round(seconds, 2),
        "rows": N_IMPORT,
        "rss_before_mib": round(rss_before, 1),
        "child_peak_rss_mib": round(_children_peak_mib(), 1),
    }


def step_import() -> dict:
    _django()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cooperatives import services
    from cooperatives.models import ImportBatch
    from directory.models import User

    user = User.objects.get(username="bench_planner")
    # Start from the same state each run: drop what an earlier run imported.
    _drop_imported()
    data = _import_file()
    result = {"rows": N_IMPORT, "file_bytes": len(data), "rss_before_mib": round(_peak_mib(), 1)}

    def upload():
        return services.import_batch_create(uploaded_file=SimpleUploadedFile("bench.xlsx", data), acting_user=user)

    started = time.perf_counter()
    batch = services.import_batch_check(batch=upload())
    result["check_seconds"] = round(time.perf_counter() - started, 2)
    assert batch.status == ImportBatch.Status.CHECKED, batch.errors[:5]
    started = time.perf_counter()
    batch = services.import_batch_confirm(batch=batch, acting_user=user)
    result["confirm_seconds"] = round(time.perf_counter() - started, 2)
    assert batch.status == ImportBatch.Status.DONE, batch.message
    started = time.perf_counter()
    again = services.import_batch_check(batch=upload())
    result["recheck_seconds"] = round(time.perf_counter() - started, 2)
    result["recheck_unchanged"] = again.summary.get("org_unchanged")
    _drop_imported()
    return result


def step_indicators() -> dict:
    _django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cooperatives import indicators
    from cooperatives.models import Indicator
    from directory.models import AdministrativeUnit

    province = AdministrativeUnit.objects.get(code=PROVINCE_CODE, level="province")
    codes = list(Indicator.objects.values_list("code", flat=True))
    indicators.compute_many(codes, unit=province, year=2024)  # warm caches
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            values = indicators.compute_many(codes, unit=province, year=2024)
        timings.append(time.perf_counter() - started)
    single = []
    for _ in range(3):
        started = time.perf_counter()
        indicators.compute("htx_rated_good_share", unit=province, year=2024)
        single.append(time.perf_counter() - started)
    return {
        "indicators": len(codes),
        "all_seconds_median": round(sorted(timings)[1], 3),
        "queries": len(queries),
        "share_good_seconds_median": round(sorted(single)[1], 3),
        "htx_active": str(values["htx_active"]),
        "htx_rated_good_share": str(values["htx_rated_good_share"]),
    }


def run_step(name: str) -> dict:
    started = time.perf_counter()
    result = globals()[f"step_{name}"]()
    result["peak_rss_mib"] = round(_peak_mib(), 1)
    result["step_wall_seconds"] = round(time.perf_counter() - started, 2)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--step", choices=["setup", *STEPS])
    parser.add_argument("--allow-sqlite", action="store_true")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") and not args.allow_sqlite:
        sys.exit("Set DATABASE_URL to a PostgreSQL database of its own (or pass --allow-sqlite).")
    if args.step == "setup":
        print(json.dumps(setup()))
        return
    if args.step:
        print(json.dumps(run_step(args.step)))
        return
    results = {}
    for name in ["setup", *STEPS]:
        cmd = [sys.executable, __file__, "--step", name] + (["--allow-sqlite"] if args.allow_sqlite else [])
        started = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        results[name] = json.loads(out)
        print(f"{name:12s} {time.perf_counter() - started:7.1f} s  {out}", flush=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
