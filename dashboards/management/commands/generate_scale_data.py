"""``manage.py generate_scale_data``: a national data set for measuring the dashboards.

At ``--scale 1`` (the default): the 34 provinces and 3,321 communes in force since
01/07/2025 (from ``load_units``, run first when they are missing), one pre-07/2025
province per current province with about 700 districts in all, ~4,100 agencies,
100,000 organisations with up to 5 years of records (~450,000 rows), 2,000 plans with
40,000 targets, budget lines, quarterly reporting over 20 quarters, ~40,000 reports and
500,000 reported values. Distributions are seeded (``--seed``) and skewed as in life: a
few communes hold many organisations, most HTX are rated khá/trung bình, about a fifth of
reports come late and a fifth never come.

Idempotent: a second run sees the data set (plans with the symbol ``KH-SCL``) and stops;
``--reset`` deletes everything it generated (and only that) and builds it again.
On PostgreSQL the large tables are written with COPY, in chunks (primary keys assigned
here so children can point to parents without reading them back). SQLite is refused
unless ``--force-sqlite`` with ``--scale`` ≤ 0.02 (tests).

Markers of generated rows: plans ``symbol = "KH-SCL"``; organisations ``registration_code``
starting "SCL"; agencies ``email`` ending "@scale.invalid"; users ``scale_…``; units with
codes starting "S" (the pre-07/2025 provinces and districts it invents).
"""

from __future__ import annotations

import io
import json
import math
import random
import time
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.utils import timezone

from cooperatives.models import Organisation, Sector, YearlyRecord
from core.text import fold
from directory.models import AdministrativeUnit, Agency, UnitLevel, User
from plans.models import BudgetLine, Plan, PlanTarget, ReportingRequirement
from reports.models import BudgetSpending, Obligation, ReportedValue, ReportingPeriod

SYMBOL = "KH-SCL"
EMAIL_DOMAIN = "@scale.invalid"
OLD_VALID_TO = date(2025, 6, 30)
NEW_VALID_FROM = date(2025, 7, 1)
MAX_SQLITE_SCALE = 0.02

FULL = {
    "organisations": 100_000,
    "plans": 2_000,
    "targets_per_plan": 20,
    "reported_values": 500_000,
    "districts": 705,
    "record_years": 5,
    "quarters": 20,
}

SECTORS = [
    ("nong-nghiep", "Nông nghiệp", True),
    ("thuy-san", "Thủy sản", True),
    ("lam-nghiep", "Lâm nghiệp", True),
    ("cong-nghiep-xay-dung", "Công nghiệp - xây dựng", False),
    ("thuong-mai-dich-vu", "Thương mại - dịch vụ", False),
    ("van-tai", "Vận tải", False),
    ("tin-dung", "Quỹ tín dụng nhân dân", False),
]
KINDS = [("htx", 45), ("tht", 35), ("hoiquan", 8), ("chihoi", 10), ("lhhtx", 2)]
KIND_PREFIX = {
    "htx": "HTX",
    "tht": "Tổ hợp tác",
    "hoiquan": "Hội quán",
    "chihoi": "Chi hội nghề nghiệp",
    "lhhtx": "Liên hiệp HTX",
}
PRODUCTS = [
    "lúa",
    "cà phê",
    "chè",
    "quế",
    "rau an toàn",
    "nuôi tôm",
    "dịch vụ nông nghiệp",
    "mây tre đan",
    "chăn nuôi bò",
    "sâm",
    "dược liệu",
    "vận tải",
    "điện nước",
    "du lịch cộng đồng",
]
STATUSES = [("active", 80), ("suspended", 7), ("dissolved", 10), ("planned", 3)]
RATINGS = [("tot", 15), ("kha", 35), ("tb", 30), ("yeu", 10), ("none", 10)]

# (description, unit, comparator, value range, aggregation, direction, scope)
TARGET_TEMPLATES = [
    ("Số hợp tác xã thành lập mới", "HTX", ">=", (5, 60), "sum", "higher", "area"),
    ("Tổng số hợp tác xã nông nghiệp", "HTX", ">=", (15, 200), "sum", "higher", "area"),
    ("Số tổ hợp tác thành lập mới", "THT", ">=", (10, 120), "sum", "higher", "area"),
    ("Tỷ lệ HTX xếp loại tốt và khá", "%", ">=", (50, 80), "avg", "higher", "share"),
    ("Doanh thu bình quân của HTX", "triệu đồng/HTX/năm", ">=", (500, 3000), "avg", "higher", "per_org"),
    ("Thu nhập bình quân của thành viên", "triệu đồng/người/năm", ">=", (40, 90), "avg", "higher", "per_person"),
    ("Số thành viên HTX", "người", ">=", (500, 20000), "sum", "higher", "area"),
    ("Số HTX ứng dụng công nghệ cao", "HTX", ">=", (2, 40), "sum", "higher", "area"),
    ("Số HTX liên kết theo chuỗi giá trị", "HTX", ">=", (5, 80), "sum", "higher", "area"),
    ("Số mã số vùng trồng", "mã", ">=", (8, 60), "sum", "higher", "area"),
    ("Số sản phẩm OCOP của HTX", "sản phẩm", ">=", (3, 50), "sum", "higher", "area"),
    ("Tỷ lệ cán bộ quản lý HTX có trình độ cao đẳng, đại học", "%", ">=", (25, 60), "avg", "higher", "share"),
    ("Số HTX yếu kém", "HTX", "<=", (0, 10), "sum", "lower", "area"),
    ("Số HTX ngừng hoạt động chưa giải thể", "HTX", "<", (1, 15), "sum", "lower", "area"),
    ("Tỷ lệ xã có HTX nông nghiệp", "%", ">=", (70, 100), "avg", "higher", "share"),
    ("Số lao động làm việc thường xuyên trong HTX", "người", ">=", (200, 8000), "sum", "higher", "area"),
    ("Số HTX được tiếp cận tín dụng", "HTX", ">=", (5, 60), "sum", "higher", "area"),
    ("Số HTX tham gia du lịch nông thôn", "HTX", ">=", (1, 20), "sum", "higher", "area"),
    ("Số HTX có truy xuất nguồn gốc", "HTX", ">=", (3, 50), "sum", "higher", "area"),
    ("Số Hội quán phát triển thành HTX", "HTX", ">=", (1, 10), "sum", "higher", "area"),
]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


class Writer:
    """Insert rows fast: COPY on PostgreSQL (primary keys given), bulk_create elsewhere.

    Rows are dicts of attnames; columns left out get the field's default (timestamps now).
    """

    def __init__(self, stdout, chunk: int = 50_000):
        self.stdout = stdout
        self.chunk = chunk
        self.postgres = connection.vendor == "postgresql"
        self.now = timezone.now()
        self.next_ids: dict = {}
        self.tables: list[str] = []  # the tables written to, in order (VACUUM ANALYZE after the load)

    def next_id(self, model) -> int:
        if model not in self.next_ids:
            self.next_ids[model] = (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1
        value = self.next_ids[model]
        self.next_ids[model] = value + 1
        return value

    def _defaults(self, model):
        defaults = {}
        for f in model._meta.concrete_fields:
            if f.primary_key:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                defaults[f.attname] = self.now
            elif f.has_default():
                defaults[f.attname] = f.get_default()
            elif f.null:
                defaults[f.attname] = None
            elif isinstance(f, (models.CharField, models.TextField)):
                defaults[f.attname] = ""
        return defaults

    def write(self, model, rows, *, label: str = "") -> int:
        started = time.monotonic()
        defaults = self._defaults(model)
        fields = [f for f in model._meta.concrete_fields]
        count = 0
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) >= self.chunk:
                count += self._flush(model, fields, defaults, batch)
                batch = []
        if batch:
            count += self._flush(model, fields, defaults, batch)
        if count and model._meta.db_table not in self.tables:
            self.tables.append(model._meta.db_table)
        if self.postgres and count:
            table = model._meta.db_table
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT MAX(id) FROM {connection.ops.quote_name(table)}))",
                    [table],
                )
        self.stdout.write(
            f"  {label or model._meta.verbose_name_plural}: {count:,} ({time.monotonic() - started:.1f} s)"
        )
        return count

    def _flush(self, model, fields, defaults, batch) -> int:
        if not self.postgres:
            objs = [model(**{**defaults, **row}) for row in batch]
            model.objects.bulk_create(objs, batch_size=500)
            return len(objs)
        buffer = io.StringIO()
        names = [f.attname for f in fields]
        for row in batch:
            merged = {**defaults, **row}
            buffer.write("\t".join(_copy_text(merged.get(name)) for name in names))
            buffer.write("\n")
        buffer.seek(0)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN", buffer)
        return len(batch)


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value) -> str:
    """One value in COPY's text format (NULL is \\N; backslash, tab and newlines escaped)."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    return str(value).translate(_ESCAPES)


def quarter_bounds(year: int, q: int) -> tuple[date, date]:
    start = date(year, 3 * q - 2, 1)
    end_month = 3 * q
    end = date(year + (end_month == 12), (end_month % 12) + 1, 1) - timedelta(days=1)
    return start, end


class Command(BaseCommand):
    help = "Generate a seeded national-scale data set for the dashboard benchmarks (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = national size; 0.01 for a quick run")
        parser.add_argument("--seed", type=int, default=20251, help="random seed (same seed, same data)")
        parser.add_argument("--reset", action="store_true", help="delete the generated data first")
        parser.add_argument(
            "--force-sqlite", action="store_true", help=f"allow SQLite for scales up to {MAX_SQLITE_SCALE}"
        )
        parser.add_argument("--today", type=date.fromisoformat, default=None, help="reference day (YYYY-MM-DD)")
        parser.add_argument("--skip-units", action="store_true", help="do not run load_units even if units are missing")

    def handle(self, *args, scale, seed, reset, force_sqlite, today, skip_units, **options):
        if scale <= 0 or scale > 2:
            raise CommandError("--scale must be in (0, 2].")
        if connection.vendor != "postgresql":
            if not force_sqlite:
                raise CommandError(
                    "generate_scale_data needs PostgreSQL (set DATABASE_URL); use --force-sqlite for tiny test runs."
                )
            if scale > MAX_SQLITE_SCALE:
                raise CommandError(f"On SQLite the scale may not exceed {MAX_SQLITE_SCALE}.")
        self.rng = random.Random(seed)
        self.today = today or timezone.localdate()
        self.scale = scale
        started = time.monotonic()
        if reset:
            self.reset()
        if Plan.objects.filter(symbol=SYMBOL).exists():
            self.stdout.write("The scale data set is already there (use --reset to rebuild it).")
            return
        if (
            not skip_units
            and AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, valid_to__isnull=True).count() < 34
        ):
            self.stdout.write("Loading administrative units (load_units)…")
            call_command("load_units", stdout=self.stdout)
        self.w = Writer(self.stdout)
        with transaction.atomic():
            self.build()
        from dashboards.models import TargetPeriodValue
        from dashboards.services import target_values_rebuild

        rebuilt = time.monotonic()
        rows = target_values_rebuild()  # COPY bypasses the report transitions that maintain it
        self.stdout.write(f"  approved values per target and period: {rows:,} ({time.monotonic() - rebuilt:.1f} s)")
        if connection.vendor == "postgresql":
            bulk_created = [
                AdministrativeUnit._meta.db_table,
                AdministrativeUnit.successors.through._meta.db_table,
                Agency._meta.db_table,
                User._meta.db_table,
                TargetPeriodValue._meta.db_table,
            ]
            self.vacuum_analyze(bulk_created + self.w.tables)
        from dashboards.cache import bump

        bump()  # COPY leaves no history rows: drop cached dashboard figures explicitly
        self.stdout.write(self.style.SUCCESS(f"Scale data set generated in {time.monotonic() - started:.1f} s."))

    def vacuum_analyze(self, tables):
        """VACUUM ANALYZE the tables the load filled: statistics for the planner, and a visibility map
        so index-only scans do not read the heap. VACUUM cannot run inside a transaction block, so
        inside one (a test's atomic) only ANALYZE is possible."""
        started = time.monotonic()
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"{command} {connection.ops.quote_name(table)}")
        self.stdout.write(f"  {command} of {len(tables)} tables ({time.monotonic() - started:.1f} s)")

    # ------------------------------------------------------------------ reset
    def reset(self):
        started = time.monotonic()
        with transaction.atomic():
            plans = Plan.objects.filter(symbol=SYMBOL)
            obligations = Obligation.objects.filter(period__requirement__plan__in=plans)
            from dashboards.models import TargetPeriodValue

            TargetPeriodValue.objects.filter(target__plan__in=plans)._raw_delete(connection.alias)
            for model in (ReportedValue, BudgetSpending):
                model.objects.filter(obligation__in=obligations)._raw_delete(connection.alias)
            from reports.models import Attachment, ReminderLog, TaskProgress

            for model in (TaskProgress, ReminderLog, Attachment):
                model.objects.filter(obligation__in=obligations)._raw_delete(connection.alias)
            obligations._raw_delete(connection.alias)
            ReportingPeriod.objects.filter(requirement__plan__in=plans)._raw_delete(connection.alias)
            ReportingRequirement.reporters.through.objects.filter(reportingrequirement__plan__in=plans)._raw_delete(
                connection.alias
            )
            ReportingRequirement.objects.filter(plan__in=plans)._raw_delete(connection.alias)
            PlanTarget.objects.filter(plan__in=plans)._raw_delete(connection.alias)
            BudgetLine.objects.filter(plan__in=plans)._raw_delete(connection.alias)
            plans.delete()
            orgs = Organisation.objects.filter(registration_code__startswith="SCL")
            YearlyRecord.objects.filter(organisation__in=orgs)._raw_delete(connection.alias)
            Organisation.sectors.through.objects.filter(organisation__in=orgs)._raw_delete(connection.alias)
            orgs._raw_delete(connection.alias)
            User.objects.filter(username__startswith="scale_").delete()
            Agency.objects.filter(email__endswith=EMAIL_DOMAIN)._raw_delete(connection.alias)
            synthetic = AdministrativeUnit.objects.filter(code__startswith="S", valid_to=OLD_VALID_TO)
            AdministrativeUnit.successors.through.objects.filter(from_administrativeunit__in=synthetic)._raw_delete(
                connection.alias
            )
            synthetic.filter(level=UnitLevel.DISTRICT)._raw_delete(connection.alias)
            synthetic.filter(level=UnitLevel.PROVINCE)._raw_delete(connection.alias)
        self.stdout.write(f"Removed the previous scale data set ({time.monotonic() - started:.1f} s).")

    # ------------------------------------------------------------------ build
    def n(self, key: str, minimum: int = 1) -> int:
        return max(minimum, round(FULL[key] * self.scale))

    def build(self):
        provinces = list(
            AdministrativeUnit.objects.filter(level=UnitLevel.PROVINCE, valid_to__isnull=True).order_by("code")
        )
        if not provinces:
            raise CommandError("No administrative units: run `manage.py load_units` first.")
        communes = list(
            AdministrativeUnit.objects.filter(level=UnitLevel.COMMUNE, valid_to__isnull=True).order_by("code")
        )
        self.stdout.write(f"Units: {len(provinces)} provinces, {len(communes)} communes in force.")
        communes_by_province: dict[int, list] = {}
        for c in communes:
            communes_by_province.setdefault(c.parent_id, []).append(c)
        districts = self.make_old_units(provinces)
        agencies = self.make_agencies(provinces, communes, districts)
        self.make_users(provinces, agencies)
        self.make_registry(communes)
        self.make_plans(provinces, communes_by_province, districts, agencies)

    def make_old_units(self, provinces):
        """One pre-07/2025 province per current province (its predecessor) with districts."""
        rng = self.rng
        total = self.n("districts", minimum=len(provinces))
        old = [
            AdministrativeUnit(
                code=f"S{p.code}"[:10],
                name=f"{p.name} (trước 07/2025)",
                kind=p.kind or "tỉnh",
                level=UnitLevel.PROVINCE,
                valid_to=OLD_VALID_TO,
            )
            for p in provinces
        ]
        self._create_units(old)
        AdministrativeUnit.successors.through.objects.bulk_create(
            [
                AdministrativeUnit.successors.through(from_administrativeunit_id=o.pk, to_administrativeunit_id=p.pk)
                for o, p in zip(old, provinces, strict=True)
            ]
        )
        districts = []
        for i in range(total):
            parent = old[i % len(old)] if i < len(old) else rng.choice(old)
            districts.append(
                AdministrativeUnit(
                    code=f"S{i + 1:04d}",
                    name=f"Huyện {i + 1:03d}",
                    kind="huyện",
                    level=UnitLevel.DISTRICT,
                    parent=parent,
                    valid_to=OLD_VALID_TO,
                )
            )
        self._create_units(districts)
        self.stdout.write(f"  pre-07/2025 provinces: {len(old)}, districts: {len(districts)}")
        self.old_by_new = {p.pk: o for o, p in zip(old, provinces, strict=True)}
        return districts

    def _create_units(self, units):
        AdministrativeUnit.objects.bulk_create(units, batch_size=500)
        if any(u.pk is None for u in units):
            fresh = {
                (u.code, u.level): u.pk for u in AdministrativeUnit.objects.filter(code__in=[u.code for u in units])
            }
            for u in units:
                u.pk = fresh[(u.code, u.level)]
        for u in units:
            if u.parent_id and u.parent is not None:
                u.parent_id = u.parent.pk
            u.rebuild_path()
        AdministrativeUnit.objects.bulk_update(units, ["path", "parent"], batch_size=500)

    def make_agencies(self, provinces, communes, districts):
        specs = []
        for p in provinces:
            specs += [
                ("province_ubnd", p, f"Ủy ban nhân dân {p.full_name}", "UBND", "ubnd"),
                ("province_so", p, f"Sở Nông nghiệp và Môi trường {p.full_name}", "SNNMT", "so"),
                ("province_lm", p, f"Liên minh Hợp tác xã {p.full_name}", "LMHTX", "lmhtx"),
            ]
        for c in communes:
            specs.append(("commune", c, f"Ủy ban nhân dân {c.full_name}", "UBND", "ubnd"))
        for d in districts:
            specs += [
                ("district_ubnd", d, f"Ủy ban nhân dân {d.full_name}", "UBND", "ubnd"),
                ("district_nn", d, f"Phòng Nông nghiệp và PTNT {d.full_name}", "NN", "phong"),
            ]
        existing = {(a.name, a.unit_id): a for a in Agency.objects.filter(unit__in=[s[1] for s in specs])}
        to_create = []
        result: dict[str, list] = {}
        for key, unit, name, short, kind in specs:
            agency = existing.get((name, unit.pk))
            if agency is None:
                agency = Agency(
                    name=name,
                    short_name=short,
                    kind=kind,
                    unit=unit,
                    email=f"a{len(to_create)}{EMAIL_DOMAIN}",
                    place_name=unit.name,
                    search_text=fold(name),
                )
                to_create.append(agency)
            result.setdefault(key, []).append(agency)
        Agency.objects.bulk_create(to_create, batch_size=1000)
        if any(a.pk is None for a in to_create):
            fresh = {(a.name, a.unit_id): a.pk for a in Agency.objects.filter(email__endswith=EMAIL_DOMAIN)}
            for a in to_create:
                a.pk = fresh[(a.name, a.unit_id)]
        self.stdout.write(f"  agencies: {len(to_create):,} new")
        return result

    def make_users(self, provinces, agencies):
        users = []
        for p, ubnd, lm in zip(provinces, agencies["province_ubnd"], agencies["province_lm"], strict=True):
            users.append(
                User(username=f"scale_leader_{p.code}", full_name=f"Lãnh đạo {p.name}", agency=ubnd, is_leader=True)
            )
            users.append(
                User(username=f"scale_planner_{p.code}", full_name=f"Chuyên viên {p.name}", agency=lm, is_planner=True)
            )
        for u in users:
            u.set_unusable_password()
        User.objects.bulk_create(users, batch_size=500, ignore_conflicts=True)
        self.stdout.write(f"  users: {len(users)} (scale_leader_<province code>, scale_planner_<province code>)")

    def make_registry(self, communes):
        rng, w = self.rng, self.w
        sectors = {}
        for code, name, agri in SECTORS:
            sectors[code], _c = Sector.objects.get_or_create(
                code=code, defaults={"name": name, "is_agricultural": agri}
            )
        agri_sectors = [sectors[c] for c, _n, a in SECTORS if a]
        other_sectors = [sectors[c] for c, _n, a in SECTORS if not a]
        # Skewed commune sizes: a few communes hold many organisations.
        weights = [rng.paretovariate(1.6) for _ in communes]
        n_orgs = self.n("organisations")
        last_year = self.today.year - 1
        years = list(range(last_year - FULL["record_years"] + 1, last_year + 1))
        org_rows, sector_rows, record_rows = [], [], []
        chosen = rng.choices(communes, weights=weights, k=n_orgs)
        for i, commune in enumerate(chosen):
            oid = w.next_id(Organisation)
            kind = _weighted(rng, KINDS)
            status = _weighted(rng, STATUSES)
            agricultural = rng.random() < (0.65 if kind in ("htx", "tht", "hoiquan", "chihoi") else 0.3)
            founded_year = min(self.today.year, 1997 + int(29 * rng.random() ** 0.6))
            founded = date(founded_year, rng.randint(1, 12), rng.randint(1, 28))
            if founded > self.today:
                founded = self.today - timedelta(days=rng.randint(1, 300))
            dissolved = None
            if status == "dissolved":
                dissolved = founded + timedelta(days=rng.randint(200, 4000))
                if dissolved > self.today:
                    dissolved = self.today - timedelta(days=rng.randint(1, 100))
                    if dissolved < founded:
                        dissolved = founded
            product = rng.choice(PRODUCTS)
            name = f"{KIND_PREFIX[kind]} {product} {commune.name} {i + 1}"
            org_rows.append(
                {
                    "id": oid,
                    "kind": kind,
                    "name": name,
                    "registration_code": f"SCL{i + 1:07d}",
                    "commune_id": commune.pk,
                    "address": f"Thôn {rng.randint(1, 12)}, {commune.full_name}",
                    "founded": founded,
                    "dissolved": dissolved,
                    "status": status,
                    "is_agricultural": agricultural,
                    "main_products": product,
                    "search_text": fold(name),
                }
            )
            for sector in [rng.choice(agri_sectors)] if agricultural else [rng.choice(other_sectors)]:
                sector_rows.append(
                    {"id": w.next_id(Organisation.sectors.through), "organisation_id": oid, "sector_id": sector.pk}
                )
            if status == "planned":
                continue
            size = rng.lognormvariate(3.2, 0.8)  # members
            revenue_base = rng.lognormvariate(20.5, 1.1)  # ~800 million VND median
            for y in years:
                if y < founded.year or (dissolved and y > dissolved.year):
                    continue
                growth = 1.06 ** (y - years[0])
                members = max(7, int(size * growth))
                managers = rng.randint(3, 7)
                revenue = Decimal(int(revenue_base * growth * rng.uniform(0.8, 1.2) / 1000) * 1000)
                record_rows.append(
                    {
                        "id": w.next_id(YearlyRecord),
                        "organisation_id": oid,
                        "year": y,
                        "members": members,
                        "households": int(members * rng.uniform(0.6, 1.0)),
                        "workers": int(members * rng.uniform(0.1, 0.5)),
                        "managers": managers,
                        "managers_degree": rng.randint(0, managers),
                        "managers_trained": rng.randint(0, managers),
                        "revenue": revenue,
                        "profit": Decimal(int(revenue * Decimal(rng.uniform(-0.05, 0.15)) / 1000) * 1000),
                        "avg_income": Decimal(int(rng.lognormvariate(17.6, 0.35) * growth / 1000) * 1000),
                        "rating": _weighted(rng, RATINGS),
                        "value_chain": rng.random() < 0.3,
                        "high_tech": rng.random() < 0.1,
                        "ocop_products": rng.choice([0, 0, 0, 0, 1, 2]),
                        "growing_area_codes": rng.choice([0, 0, 0, 1, 2]),
                        "traceability": rng.random() < 0.2,
                        "credit_access": rng.random() < 0.35,
                        "tourism": rng.random() < 0.05,
                    }
                )
        w.write(Organisation, org_rows, label="organisations")
        w.write(Organisation.sectors.through, sector_rows, label="organisation sectors")
        w.write(YearlyRecord, record_rows, label=f"yearly records {years[0]}–{years[-1]}")

    def make_plans(self, provinces, communes_by_province, districts, agencies):
        rng, w = self.rng, self.w
        n_plans = self.n("plans", minimum=2)
        last_q_year = self.today.year
        first_q_year = last_q_year - FULL["quarters"] // 4 + 1  # 20 quarters: 5 calendar years
        province_agencies = agencies["province_ubnd"] + agencies["province_so"] + agencies["province_lm"]
        commune_agencies = agencies["commune"]
        district_agencies = agencies["district_ubnd"] + agencies["district_nn"]
        communes_agency_by_province: dict[int, list] = {}
        for a in commune_agencies:
            communes_agency_by_province.setdefault(a.unit.parent_id, []).append(a)
        district_nn_by_unit = {a.unit_id: a for a in agencies["district_nn"]}
        plan_rows, target_rows, line_rows, req_rows, reporter_rows = [], [], [], [], []
        plan_info = []
        for _i in range(n_plans):
            pid = w.next_id(Plan)
            roll = rng.random()
            if roll < 0.3:
                issuer = rng.choice(province_agencies)
                start_year = rng.randint(first_q_year, last_q_year)
                length = rng.choice([1, 1, 2, 3, 5])
                reporters = rng.sample(
                    communes_agency_by_province.get(issuer.unit_id, [issuer]),
                    k=min(len(communes_agency_by_province.get(issuer.unit_id, [issuer])), rng.randint(8, 20)),
                )
            elif roll < 0.8:
                issuer = rng.choice(commune_agencies)
                start_year = rng.randint(max(first_q_year, NEW_VALID_FROM.year), last_q_year)
                length = rng.choice([1, 1, 2])
                reporters = [issuer]
            else:
                issuer = rng.choice(district_agencies)
                start_year = rng.randint(first_q_year, OLD_VALID_TO.year)
                length = rng.choice([1, 2, 3])
                nn = district_nn_by_unit.get(issuer.unit_id)
                reporters = [nn] if nn is not None and nn.pk != issuer.pk else [issuer]
            end_year = start_year + length - 1
            if issuer.unit.valid_to:
                end_year = min(end_year, OLD_VALID_TO.year)
            period_start = (
                date(start_year, 1, 1)
                if not (issuer.unit.valid_from and start_year == NEW_VALID_FROM.year)
                else NEW_VALID_FROM
            )
            period_end = (
                date(end_year, 12, 31) if not issuer.unit.valid_to else min(date(end_year, 12, 31), OLD_VALID_TO)
            )
            ended = period_end < self.today
            status = "draft" if rng.random() < 0.06 else ("closed" if ended and rng.random() < 0.5 else "issued")
            issue_date = period_start - timedelta(days=rng.randint(5, 60))
            title = (
                f"Kế hoạch phát triển kinh tế tập thể, hợp tác xã {issuer.unit.full_name} giai đoạn {start_year}-{end_year}"
                if length > 1
                else f"Kế hoạch phát triển kinh tế tập thể, hợp tác xã năm {start_year} của {issuer.name}"
            )
            plan_rows.append(
                {
                    "id": pid,
                    "issuer_id": issuer.pk,
                    "number": None if status == "draft" else rng.randint(1, 400),
                    "symbol": SYMBOL,
                    "place": issuer.place_name,
                    "issue_date": None if status == "draft" else issue_date,
                    "document_year": start_year,
                    "title": title,
                    "kind": "annual" if length == 1 else "phase",
                    "period_start": period_start,
                    "period_end": period_end,
                    "status": status,
                    "search_text": fold(title),
                    "issued_at": None
                    if status == "draft"
                    else timezone.make_aware(datetime.combine(issue_date, datetime.min.time())),
                }
            )
            targets = []
            for order, tpl in enumerate(TARGET_TEMPLATES[: FULL["targets_per_plan"]]):
                desc, unit, comparator, (lo, hi), aggregation, direction, scope = tpl
                value = Decimal(rng.randint(lo, hi))
                baseline = (
                    (value * Decimal(rng.uniform(0.5, 0.95))).quantize(Decimal("1"))
                    if direction == "higher"
                    else (value * Decimal(rng.uniform(1.2, 2.5))).quantize(Decimal("1"))
                )
                if comparator == "<":
                    value = max(value, Decimal(1))
                milestone = end_year if rng.random() < 0.9 else rng.randint(start_year, end_year)
                tid = w.next_id(PlanTarget)
                targets.append((tid, value, baseline, direction, aggregation, milestone))
                target_rows.append(
                    {
                        "id": tid,
                        "plan_id": pid,
                        "order": order,
                        "code": f"T{order + 1}",
                        "description": desc,
                        "unit": unit,
                        "comparator": comparator,
                        "value": value,
                        "baseline": baseline,
                        "baseline_year": start_year - 1,
                        "milestone_year": milestone,
                        "scope": scope,
                        "direction": direction,
                        "aggregation": aggregation,
                        "cumulative": aggregation == "sum",
                    }
                )
            lines = []
            for order in range(2):
                lid = w.next_id(BudgetLine)
                amount = Decimal(int(rng.lognormvariate(19.5, 1.0) / 1_000_000) * 1_000_000)
                lines.append((lid, amount))
                line_rows.append(
                    {
                        "id": lid,
                        "plan_id": pid,
                        "order": order,
                        "description": rng.choice(
                            ["Hội nghị, tập huấn", "Hỗ trợ thành lập HTX", "Xúc tiến thương mại", "Hỗ trợ hạ tầng"]
                        ),
                        "amount": amount,
                        "source": rng.choice(["provincial", "central", "commune", "district"]),
                        "year": None if order == 0 else start_year,
                    }
                )
            if status == "draft":
                continue
            rid = w.next_id(ReportingRequirement)
            req_rows.append(
                {
                    "id": rid,
                    "plan_id": pid,
                    "order": 0,
                    "name": "Báo cáo quý",
                    "receiver_id": issuer.pk,
                    "frequency": "quarterly",
                    "due_rule": "day_of_last_month",
                    "due_day": 25,
                    "cutoff_rule": "decree09",
                    "reminder_offsets": "7,3,1",
                    "active": True,
                }
            )
            for r in reporters:
                reporter_rows.append(
                    {
                        "id": w.next_id(ReportingRequirement.reporters.through),
                        "reportingrequirement_id": rid,
                        "agency_id": r.pk,
                    }
                )
            plan_info.append((rid, period_start, period_end, reporters, targets, lines))
        w.write(Plan, plan_rows, label="plans")
        w.write(PlanTarget, target_rows, label="targets")
        w.write(BudgetLine, line_rows, label="budget lines")
        w.write(ReportingRequirement, req_rows, label="reporting requirements")
        w.write(ReportingRequirement.reporters.through, reporter_rows, label="requirement reporters")
        self.make_reports(plan_info, first_q_year, last_q_year)

    def make_reports(self, plan_info, first_year, last_year):
        rng, w = self.rng, self.w
        quarters = [(y, q) for y in range(first_year, last_year + 1) for q in range(1, 5)]
        period_rows, obligation_rows, spending_rows = [], [], []
        with_values = []  # (obligation id, targets, fraction of the path, reporters)
        for rid, p_start, p_end, reporters, targets, lines in plan_info:
            for y, q in quarters:
                start, end = quarter_bounds(y, q)
                if end < p_start or start > p_end:
                    continue
                due = date(y, 3 * q, 25)
                cut_start = date(y - (q == 1), 12 if q == 1 else 3 * q - 3, 15)
                cut_end = date(y, 3 * q, 14)
                period_id = w.next_id(ReportingPeriod)
                period_rows.append(
                    {
                        "id": period_id,
                        "requirement_id": rid,
                        "label": f"Quý {ROMAN[q]}/{y}",
                        "start": start,
                        "end": end,
                        "cutoff_start": cut_start,
                        "cutoff_end": cut_end,
                        "due_date": due,
                    }
                )
                span = max(1, (p_end - p_start).days)
                fraction = min(1.0, max(0.0, (end - p_start).days / span))
                for agency in reporters:
                    oid = w.next_id(Obligation)
                    if due >= self.today:
                        status, submitted = ("draft" if rng.random() < 0.3 else "not_started"), None
                    else:
                        status = _weighted(
                            rng,
                            [("approved", 60), ("submitted", 10), ("returned", 5), ("draft", 5), ("not_started", 20)],
                        )
                        submitted = None
                        if status in ("approved", "submitted", "returned"):
                            delay = int(rng.gauss(-4, 6))
                            day = min(due + timedelta(days=delay), self.today - timedelta(days=1))
                            submitted = timezone.make_aware(
                                datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.randint(7, 17))
                            )
                    obligation_rows.append(
                        {
                            "id": oid,
                            "period_id": period_id,
                            "agency_id": agency.pk,
                            "kind": "submission",
                            "status": status,
                            "submitted_at": submitted,
                            "reviewed_at": submitted + timedelta(days=3) if status == "approved" else None,
                            "return_reason": "Bổ sung số liệu" if status == "returned" else "",
                            "version": 1 if submitted else 0,
                        }
                    )
                    if status in ("approved", "submitted", "returned"):
                        with_values.append((oid, targets, fraction, len(reporters)))
                        if status == "approved":
                            for lid, amount in lines:
                                spending_rows.append(
                                    {
                                        "id": w.next_id(BudgetSpending),
                                        "obligation_id": oid,
                                        "budget_line_id": lid,
                                        "amount": Decimal(
                                            int(float(amount) * rng.uniform(0.02, 0.12) / len(reporters) / 1000) * 1000
                                        ),
                                    }
                                )
        w.write(ReportingPeriod, period_rows, label="reporting periods")
        w.write(Obligation, obligation_rows, label="reports")
        w.write(BudgetSpending, spending_rows, label="budget spending")
        budget = self.n("reported_values")
        per_report = min(FULL["targets_per_plan"], math.ceil(budget / max(1, len(with_values))))

        def values():
            produced = 0
            for oid, targets, fraction, n_reporters in with_values:
                for tid, value, baseline, _direction, aggregation, _milestone in rng.sample(
                    targets, k=min(per_report, len(targets))
                ):
                    if produced >= budget:
                        return
                    # Somewhere around the straight path, some ahead and many behind.
                    on_path = float(baseline) + (float(value) - float(baseline)) * fraction
                    actual = on_path * rng.uniform(0.55, 1.2)
                    if aggregation == "sum":
                        actual /= n_reporters
                    produced += 1
                    yield {
                        "id": w.next_id(ReportedValue),
                        "obligation_id": oid,
                        "target_id": tid,
                        "value": Decimal(f"{actual:.2f}"),
                    }

        w.write(ReportedValue, values(), label="reported values")
