"""Issue 17: the year picker's answers kept per data version (migration dashboards.0002,
``selectors._YEARS_MEMO``).

Every write that changes what the years are computed from must move the version when it
commits, or a process would go on serving the years of the former data. Each test below
fills the processes' memo for every area of the reform world, makes one kind of write
through the path the portal uses (model ``save``/``delete``, ``bulk_create``,
``QuerySet.update``/``delete``, raw SQL) in its own committed transaction, and checks that
every area's years equal the former definition's (a UNION over every row, computed afresh:
``test_query_rewrites.years_before_issue_17``) — which fails if the version did not move.
Writes that cannot change the years (a plan's title, a report's status) leave the version
as it was: the memo keeps serving. PostgreSQL only (the triggers are PostgreSQL's; other
databases compute the years on every call)."""

import datetime
import re

import pytest
from django.db import connection, transaction

from cooperatives.models import Organisation, YearlyRecord
from dashboards import selectors as s
from directory.models import AdministrativeUnit, Agency
from plans.models import Plan, PlanStatus
from reports.models import Obligation, ReportingPeriod
from tests import reform_world
from tests.dashboards.test_query_rewrites import _areas, years_before_issue_17
from tests.directory.factories import CommuneFactory
from tests.plans.factories import PlanFactory
from tests.reports.factories import ObligationFactory

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the version's triggers are PostgreSQL's")

DAYS = (datetime.date(2026, 11, 25), datetime.date(2024, 6, 1))


def version():
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM dashboards_years_version WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else None


@pytest.fixture
def world(transactional_db):
    w = reform_world.build()
    w["areas"] = _areas(w) | {"empty commune": s.Area.of(CommuneFactory(name="Trống", parent=w["units"]["qn"]))}
    return w


def fill_and_check(world):
    """Every area's years equal the former definition's; fills the memo for the next write."""
    for day in DAYS:
        for name, area in world["areas"].items():
            assert s.years_with_data(area, day) == years_before_issue_17(area, day), (name, day)


def assert_write_moves_version(world, write):
    fill_and_check(world)
    before = version()
    with transaction.atomic():
        write()
    assert version() != before, write.__doc__
    fill_and_check(world)


def test_every_write_path_moves_the_version(world):
    u, ag = world["units"], world["agencies"]
    org = Organisation.objects.get(name="HTX Ngọc Wang")  # no record yet
    assert connection.get_autocommit()

    def record_saved():
        """A registry record added by save()."""
        YearlyRecord.objects.create(organisation=org, year=2019)

    def record_year_updated():
        """A record's year changed by QuerySet.update()."""
        YearlyRecord.objects.filter(organisation=org).update(year=2018)

    def records_bulk_created():
        """Records added by bulk_create (the registry import's path)."""
        YearlyRecord.objects.bulk_create([YearlyRecord(organisation=org, year=y) for y in (2016, 2017)])

    def record_moved_to_another_organisation():
        """A record's organisation changed by save()."""
        record = YearlyRecord.objects.get(organisation=org, year=2016)
        record.organisation = Organisation.objects.get(name="HTX Tam Đường")
        record.save()

    def organisation_moved():
        """An organisation moved to another commune (Lai Châu → Quảng Ngãi's N4)."""
        moved = Organisation.objects.get(name="HTX Tam Đường")
        moved.commune = u["n4"]
        moved.save()

    def records_deleted():
        """Records removed by QuerySet.delete()."""
        YearlyRecord.objects.filter(year__in=(2016, 2017, 2018)).delete()

    def record_inserted_by_sql():
        """A record inserted by raw SQL (as COPY or a DBA would)."""
        columns = [f.column for f in YearlyRecord._meta.concrete_fields if not f.primary_key]
        copied = ", ".join("%s" if c == "organisation_id" else "2015" if c == "year" else c for c in columns)
        table = YearlyRecord._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) SELECT {copied} FROM {table} WHERE id = %s",
                [org.pk, YearlyRecord.objects.order_by("pk").first().pk],
            )

    def report_added():
        """A report owed by an agency of Lai Châu for a period of Quảng Ngãi's 2025 plan."""
        ObligationFactory(period=ReportingPeriod.objects.filter(due_date__year=2025).first(), agency=ag["laichau"])

    def report_moved_to_another_agency():
        """A report's agency changed by save()."""
        report = Obligation.objects.filter(agency=ag["dakha"]).first()
        report.agency = ag["laichau"]
        report.save()

    def period_due_date_moved():
        """A period's due date moved to another year."""
        period = ReportingPeriod.objects.filter(due_date__year=2023).first()
        period.due_date = datetime.date(2022, 12, 30)
        period.save()

    def reports_deleted():
        """Reports removed (the cascade of a deleted requirement's periods takes the same path)."""
        Obligation.objects.filter(agency=ag["laichau"]).delete()

    def plan_issued():
        """A draft plan of Quảng Ngãi issued (drafts do not count)."""
        plan = PlanFactory(issuer=ag["qn"], title="Nháp", status=PlanStatus.DRAFT,
                           period_start=datetime.date(2012, 1, 1), period_end=datetime.date(2013, 12, 31))
        Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.ISSUED, number=990, issue_date=datetime.date(2012, 1, 5))

    def plan_span_changed():
        """An issued plan's span moved."""
        plan = Plan.objects.get(title="Nháp")
        plan.period_start = datetime.date(2010, 1, 1)
        plan.save()

    def plan_held_in_force():
        """A draft held in force counts."""
        Plan.objects.filter(title="Nháp").update(status=PlanStatus.DRAFT, in_force=True, number=None, issue_date=None)

    def plan_issuer_changed():
        """A plan given to another province's agency."""
        Plan.objects.filter(title="Nháp").update(issuer=ag["laichau"])

    def plan_deleted():
        """A plan removed."""
        Plan.objects.filter(title="Nháp").delete()

    def agency_moved():
        """An agency moved to another unit (its reports and plans move with it)."""
        Agency.objects.filter(pk=ag["laichau"].pk).update(unit=u["n3"])

    def unit_path_changed():
        """A unit re-parented: its path, and its subtree's, changed."""
        unit = AdministrativeUnit.objects.get(pk=u["qc"].pk)
        AdministrativeUnit.objects.filter(pk=unit.pk).update(path=u["qn"].path + f"{unit.pk}/")

    for write in (record_saved, record_year_updated, records_bulk_created, record_moved_to_another_organisation,
                  organisation_moved, records_deleted, record_inserted_by_sql, report_added,
                  report_moved_to_another_agency, period_due_date_moved, reports_deleted, plan_issued,
                  plan_span_changed, plan_held_in_force, plan_issuer_changed, plan_deleted, agency_moved,
                  unit_path_changed):
        assert_write_moves_version(world, write)


def test_writes_that_cannot_change_the_years_keep_the_version(world, django_assert_num_queries):
    """A plan's title, a report's status, a record's figures, an organisation's name: the version
    stays and the memo answers with one statement (the version's), the same years."""
    fill_and_check(world)
    before = version()
    with transaction.atomic():
        Plan.objects.filter(pk=world["plans"][0].pk).update(title="Tên mới")
        Obligation.objects.filter(agency=world["agencies"]["qc"]).update(status="submitted")
        YearlyRecord.objects.update(members=99)
        Organisation.objects.filter(name="HTX N4").update(name="HTX N4 mới")
    assert version() == before
    for day in DAYS:
        for name, area in world["areas"].items():
            with django_assert_num_queries(1):
                years = s.years_with_data(area, day)
            assert years == years_before_issue_17(area, day), name


def test_a_rolled_back_write_keeps_the_version(world):
    fill_and_check(world)
    before = version()
    with pytest.raises(RuntimeError), transaction.atomic():
        YearlyRecord.objects.create(organisation=Organisation.objects.get(name="HTX N4"), year=2011)
        raise RuntimeError
    assert version() == before
    fill_and_check(world)


def test_a_transaction_that_wrote_computes_its_own_years(world):
    """Inside a transaction that changed the data (not committed yet, so the version has not
    moved), the years are computed afresh, with the transaction's own writes; once it is rolled
    back, the memo's years (of the committed data) are right again."""
    fill_and_check(world)
    area = world["areas"]["new province"]
    day = DAYS[0]
    committed = s.years_with_data(area, day)
    assert 2009 not in committed
    with pytest.raises(RuntimeError), transaction.atomic():
        YearlyRecord.objects.create(organisation=Organisation.objects.get(name="HTX N4"), year=2009)
        years = s.years_with_data(area, day)
        assert 2009 in years
        assert years == years_before_issue_17(area, day)
        with transaction.atomic():  # a savepoint inside: still the transaction's own data
            assert s.years_with_data(area, day) == years
        raise RuntimeError
    assert s.years_with_data(area, day) == committed


def test_a_savepoint_rolled_back_keeps_the_transaction_clean(world, django_assert_num_queries):
    """A write undone by its savepoint leaves nothing changed: the transaction reads the memo."""
    fill_and_check(world)
    area = world["areas"]["new province"]
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            YearlyRecord.objects.create(organisation=Organisation.objects.get(name="HTX N4"), year=2008)
            raise RuntimeError
        with django_assert_num_queries(1):
            years = s.years_with_data(area, DAYS[0])
    assert years == years_before_issue_17(area, DAYS[0])


def test_truncate_moves_the_version(world):
    fill_and_check(world)
    before = version()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {YearlyRecord._meta.db_table}")
    assert version() != before
    fill_and_check(world)


def test_every_watched_column_has_its_trigger(db):
    """The migration's list of watched tables and columns is what the statement reads: each
    table has its statement trigger and its row trigger, and each row trigger's condition names
    exactly the watched columns."""
    import importlib

    migration = importlib.import_module("dashboards.migrations.0002_years_data_version")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger"
            " WHERE tgname LIKE 'dashboards_years_%%' AND NOT tgisinternal"
        )
        found = {(table, name): definition for table, name, definition in cursor.fetchall()}
    for table, columns, rows in migration.WATCHED:
        statement = found[(table, "dashboards_years_stmt")]
        assert "TRUNCATE" in statement
        assert ("INSERT OR DELETE" in statement) is rows
        row = found[(table, "dashboards_years_row")]
        for column in columns:
            assert re.search(rf"\(?old\.{column}\)?(::text)? IS DISTINCT FROM \(?new\.{column}\)?", row), (table, column)
    sql = s._years_sql_postgresql(False, 1) + s._years_sql_postgresql(True, 0)
    for table in (YearlyRecord, Organisation, Obligation, ReportingPeriod, Plan, Agency, AdministrativeUnit):
        assert table._meta.db_table in {t for t, _c, _r in migration.WATCHED}
        assert table._meta.db_table in sql
