"""The units' lineage version (issue 17): PostgreSQL triggers that move one number each time a
transaction that changed what ``directory.selectors.unit_lineage`` returns commits, so that a
process keeps each unit's predecessors per version and reads them again only after a change
(the year picker's way, migration dashboards.0002).

* Every statement that inserts, deletes or truncates succession links, and every row update of
  a link that changes its units, marks its transaction (``directory_lineage_mark``: the
  transaction-local setting ``coopplan.lineage_changed`` and one row in
  ``directory_lineage_changed``; a rolled-back savepoint takes both back).
* A lineage is units with every column (name, path, dates, …): every row update that changes
  any column of a unit, and every delete or truncate of units, marks it too. An inserted unit
  has no links yet (linking it inserts a link).
* The marker row's constraint trigger is deferred: at commit it stores a new value of the
  sequence ``directory_lineage_version_seq`` in ``directory_lineage_version`` and removes the
  row. Writers do not wait on each other before their commits; a sequence value is never given
  twice, even after a rollback.

PostgreSQL only: other databases read the lineage on every call and nothing is created.
tests/directory/test_lineage_version.py makes each kind of write and checks every unit's
lineage against a fresh reading.
"""

from django.db import migrations

SUCCESSION = "directory_administrativeunit_successors"
UNIT = "directory_administrativeunit"
LINK_COLUMNS = ("from_administrativeunit_id", "to_administrativeunit_id")

INSTALL = [
    "CREATE SEQUENCE directory_lineage_version_seq",
    "CREATE TABLE directory_lineage_version (id smallint PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)",
    "CREATE TABLE directory_lineage_changed (id bigserial PRIMARY KEY)",
    """
CREATE FUNCTION directory_lineage_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('coopplan.lineage_changed', true) IS DISTINCT FROM 'on' THEN
        PERFORM set_config('coopplan.lineage_changed', 'on', true);
        INSERT INTO directory_lineage_changed DEFAULT VALUES;
    END IF;
    RETURN NULL;
END
$$""",
    """
CREATE FUNCTION directory_lineage_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO directory_lineage_version (id, value) VALUES (1, nextval('directory_lineage_version_seq'))
        ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value;
    DELETE FROM directory_lineage_changed WHERE id = NEW.id;
    RETURN NULL;
END
$$""",
    "CREATE CONSTRAINT TRIGGER directory_lineage_bump AFTER INSERT ON directory_lineage_changed"
    " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_lineage_bump()",
    "INSERT INTO directory_lineage_version (id, value) VALUES (1, nextval('directory_lineage_version_seq'))",
    f"CREATE TRIGGER directory_lineage_stmt AFTER INSERT OR DELETE OR TRUNCATE ON {SUCCESSION}"
    " FOR EACH STATEMENT EXECUTE FUNCTION directory_lineage_mark()",
    f"CREATE TRIGGER directory_lineage_row AFTER UPDATE ON {SUCCESSION} FOR EACH ROW WHEN ("
    + " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in LINK_COLUMNS)
    + ") EXECUTE FUNCTION directory_lineage_mark()",
    f"CREATE TRIGGER directory_lineage_stmt AFTER DELETE OR TRUNCATE ON {UNIT}"
    " FOR EACH STATEMENT EXECUTE FUNCTION directory_lineage_mark()",
    f"CREATE TRIGGER directory_lineage_row AFTER UPDATE ON {UNIT}"
    " FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION directory_lineage_mark()",
]
UNINSTALL = [
    f"DROP TRIGGER IF EXISTS directory_lineage_stmt ON {SUCCESSION}",
    f"DROP TRIGGER IF EXISTS directory_lineage_row ON {SUCCESSION}",
    f"DROP TRIGGER IF EXISTS directory_lineage_stmt ON {UNIT}",
    f"DROP TRIGGER IF EXISTS directory_lineage_row ON {UNIT}",
    "DROP TABLE IF EXISTS directory_lineage_changed",
    "DROP TABLE IF EXISTS directory_lineage_version",
    "DROP FUNCTION IF EXISTS directory_lineage_bump()",
    "DROP FUNCTION IF EXISTS directory_lineage_mark()",
    "DROP SEQUENCE IF EXISTS directory_lineage_version_seq",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in INSTALL:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in UNINSTALL:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [("directory", "0005_unitsuccession")]

    operations = [migrations.RunPython(create, drop)]
