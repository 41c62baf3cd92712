"""Issue 17: each unit's predecessors kept per lineage version (migration directory.0006,
``directory.selectors._LINEAGE_MEMO``).

Every write that changes a lineage — a succession link added, removed or re-pointed, or any
column of a unit changed (a lineage is units with every column) — must move the version when
it commits, or a process would go on serving the former predecessors. Each test below fills
the process's memo for every unit of the reform world, makes one kind of write through one
path the portal or a DBA uses (model ``save``/``delete``, the many-to-many's ``add``/``remove``,
``bulk_create``, ``QuerySet.update``/``delete``, raw SQL, ``TRUNCATE``) in its own committed
transaction, and checks every unit's lineage (ids, every field's value and type) against the
statement read afresh — which fails if the version did not move. Writes that cannot change a
lineage (a link's default flag or rule, a new unit) keep the version. PostgreSQL only (the
triggers are PostgreSQL's; other databases read the lineage on every call)."""

import datetime
import importlib

import pytest
from django.db import connection, transaction

from directory import selectors
from directory.models import AdministrativeUnit, UnitSuccession
from directory.selectors import _lineage_units_sql, unit_lineage
from tests import reform_world
from tests.directory.factories import CommuneFactory

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the version's triggers are PostgreSQL's")


def version():
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM directory_lineage_version WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else None


def values(units):
    return [[(f.attname, getattr(u, f.attname), type(getattr(u, f.attname))) for f in u._meta.concrete_fields] for u in units]


def fresh(unit):
    """The lineage as the statement reads it now, without the version (the SQLite path's)."""
    return [unit, *AdministrativeUnit.objects.raw(_lineage_units_sql(), [unit.pk, unit.pk])]


@pytest.fixture
def world(transactional_db):
    selectors._LINEAGE_MEMO.clear()
    return reform_world.build()


def fill_and_check():
    """Every unit's lineage (a new instance each time, as a request loads it) is the statement's
    read afresh; fills the memo for the next write. Returns the number of units whose lineage
    has a predecessor."""
    with_predecessors = 0
    for pk in AdministrativeUnit.objects.order_by("pk").values_list("pk", flat=True):
        got = unit_lineage(AdministrativeUnit.objects.get(pk=pk))
        assert values(got) == values(fresh(AdministrativeUnit.objects.get(pk=pk))), pk
        with_predecessors += len(got) > 1
    return with_predecessors


def assert_write_moves_version(write):
    fill_and_check()
    before = version()
    with transaction.atomic():
        write()
    assert version() != before, write.__doc__
    fill_and_check()


def test_the_memo_answers_without_walking(world, django_assert_num_queries):
    """Once filled, a unit's lineage under the same version is one statement that does not walk
    the links: the memo's rows, made into new instances with the same values."""
    assert fill_and_check() >= 4
    qn = world["units"]["qn"]
    assert selectors._LINEAGE_MEMO[qn.pk][0] == version()
    unit = AdministrativeUnit.objects.get(pk=qn.pk)
    with django_assert_num_queries(1) as ctx:
        got = unit_lineage(unit)
    assert "directory_lineage_version" in ctx.captured_queries[0]["sql"]
    assert {u.pk for u in got} == {qn.pk, *(world["units"][k].pk for k in ("kontum", "qn_old", "dakha", "sonha"))}
    again = unit_lineage(AdministrativeUnit.objects.get(pk=qn.pk))
    assert all(a is not b for a, b in zip(got[1:], again[1:], strict=True))  # new instances per request
    assert values(got) == values(fresh(unit))


def test_every_write_path_moves_the_version(world):
    u = world["units"]
    assert connection.get_autocommit()

    def link_saved():
        """A link added by save() (N4 took Lai Châu's QC over)."""
        UnitSuccession.objects.create(from_administrativeunit=u["qc"], to_administrativeunit=u["n4"])

    def links_added_by_the_many_to_many():
        """Links added by ``successors.add`` (the demo's and the unit loader's path)."""
        AdministrativeUnit.objects.get(pk=u["laichau"].pk).successors.add(u["n4"], u["n3"])

    def links_bulk_created():
        """Links added by bulk_create (an import)."""
        UnitSuccession.objects.bulk_create([
            UnitSuccession(from_administrativeunit=u["sonha"], to_administrativeunit=u["n1"]),
            UnitSuccession(from_administrativeunit=u["kontum"], to_administrativeunit=u["n2"]),
        ])

    def link_repointed_by_update():
        """A link's successor changed by QuerySet.update()."""
        UnitSuccession.objects.filter(from_administrativeunit=u["qc"], to_administrativeunit=u["n4"]).update(
            to_administrativeunit=u["n2"]
        )

    def link_predecessor_changed_by_save():
        """A link's predecessor changed by save()."""
        link = UnitSuccession.objects.get(from_administrativeunit=u["qc"], to_administrativeunit=u["n2"])
        link.from_administrativeunit = u["c_cross"]
        link.to_administrativeunit = u["n4"]
        link.save()

    def link_deleted():
        """A link removed by delete()."""
        UnitSuccession.objects.get(from_administrativeunit=u["c_cross"], to_administrativeunit=u["n4"]).delete()

    def links_removed_by_the_many_to_many():
        """Links removed by ``successors.remove``."""
        AdministrativeUnit.objects.get(pk=u["laichau"].pk).successors.remove(u["n4"], u["n3"])

    def links_deleted_by_queryset():
        """Links removed by QuerySet.delete()."""
        UnitSuccession.objects.filter(to_administrativeunit__in=[u["n1"], u["n2"]], from_administrativeunit__in=[
            u["sonha"], u["kontum"]]).delete()

    def link_inserted_by_sql():
        """A link inserted by raw SQL (a DBA's fix)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO directory_administrativeunit_successors"
                " (from_administrativeunit_id, to_administrativeunit_id, rule, is_default, source)"
                " VALUES (%s, %s, 'manual', true, '')",
                [u["qc"].pk, u["n3"].pk],
            )

    def predecessor_renamed():
        """A predecessor's name changed by save() (the lineage carries every column)."""
        unit = AdministrativeUnit.objects.get(pk=u["kontum"].pk)
        unit.name = "Kon Tum (tỉnh cũ)"
        unit.save()

    def predecessor_dates_and_path_updated():
        """A predecessor's end and path changed by QuerySet.update()."""
        AdministrativeUnit.objects.filter(pk=u["sonha"].pk).update(
            valid_to=datetime.date(2025, 6, 29), path=u["qn_old"].path + f"{u['sonha'].pk}x/"
        )

    def new_predecessor_linked():
        """A new unit and its link (the unit's own insert writes its path by an update)."""
        old = CommuneFactory(name="Xã cũ Trà Bồng", parent=u["sonha"], valid_to=datetime.date(2025, 6, 30))
        old.successors.add(u["n4"])

    def predecessor_deleted():
        """A predecessor deleted (its links go with it)."""
        AdministrativeUnit.objects.get(name="Xã cũ Trà Bồng").delete()

    for write in (link_saved, links_added_by_the_many_to_many, links_bulk_created, link_repointed_by_update,
                  link_predecessor_changed_by_save, link_deleted, links_removed_by_the_many_to_many,
                  links_deleted_by_queryset, link_inserted_by_sql, predecessor_renamed,
                  predecessor_dates_and_path_updated, new_predecessor_linked, predecessor_deleted):
        assert_write_moves_version(write)


def test_truncate_moves_the_version(world):
    assert fill_and_check() >= 4
    before = version()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE directory_administrativeunit_successors")
    assert version() != before
    assert fill_and_check() == 0


def test_writes_that_cannot_change_a_lineage_keep_the_version(world, django_assert_num_queries):
    """A link's default flag, rule or source: the version stays, the memo serves. (A new unit
    moves it: its path is written by an update after its insert; harmless, one walk a unit.)"""
    fill_and_check()
    before = version()
    with transaction.atomic():
        UnitSuccession.objects.update(is_default=False, rule="merge", source="NQ 1/2025")
    assert version() == before
    for unit in AdministrativeUnit.objects.order_by("pk"):
        with django_assert_num_queries(1):
            got = unit_lineage(unit)
        assert values(got) == values(fresh(unit))


def test_a_rolled_back_write_keeps_the_version(world):
    fill_and_check()
    before = version()
    with pytest.raises(RuntimeError), transaction.atomic():
        UnitSuccession.objects.create(from_administrativeunit=world["units"]["qc"], to_administrativeunit=world["units"]["n4"])
        raise RuntimeError
    assert version() == before
    fill_and_check()


def test_a_transaction_that_wrote_reads_its_own_lineage(world):
    """Inside a transaction that changed links (not committed yet: the version has not moved), the
    lineage is walked with the transaction's own writes and not kept; after the rollback the
    memo's lineage (of the committed links) is right again."""
    fill_and_check()
    u = world["units"]
    committed = [x.pk for x in unit_lineage(AdministrativeUnit.objects.get(pk=u["n4"].pk))]
    assert committed == [u["n4"].pk]
    with pytest.raises(RuntimeError), transaction.atomic():
        UnitSuccession.objects.create(from_administrativeunit=u["qc"], to_administrativeunit=u["n4"])
        got = [x.pk for x in unit_lineage(AdministrativeUnit.objects.get(pk=u["n4"].pk))]
        assert got == [u["n4"].pk, u["qc"].pk]
        with transaction.atomic():  # a savepoint inside: still the transaction's own links
            assert [x.pk for x in unit_lineage(AdministrativeUnit.objects.get(pk=u["n4"].pk))] == got
        raise RuntimeError
    assert [x.pk for x in unit_lineage(AdministrativeUnit.objects.get(pk=u["n4"].pk))] == committed
    fill_and_check()


def test_every_trigger_is_installed(db):
    """The succession table: inserts, deletes, truncates, and updates of either unit of a link;
    the units: deletes, truncates and updates of any column."""
    migration = importlib.import_module("directory.migrations.0006_lineage_version")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger"
            " WHERE tgname LIKE 'directory_lineage_%%' AND NOT tgisinternal"
        )
        found = {(table, name): definition for table, name, definition in cursor.fetchall()}
    links = UnitSuccession._meta.db_table
    units = AdministrativeUnit._meta.db_table
    assert migration.SUCCESSION == links and migration.UNIT == units
    assert "INSERT OR DELETE OR TRUNCATE" in found[(links, "directory_lineage_stmt")]
    for column in ("from_administrativeunit_id", "to_administrativeunit_id"):
        assert f"old.{column} IS DISTINCT FROM new.{column}" in found[(links, "directory_lineage_row")]
    assert "DELETE OR TRUNCATE" in found[(units, "directory_lineage_stmt")]
    assert "old.* IS DISTINCT FROM new.*" in found[(units, "directory_lineage_row")]
    assert "AFTER UPDATE" in found[(units, "directory_lineage_row")]
