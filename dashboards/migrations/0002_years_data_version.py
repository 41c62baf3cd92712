"""The year picker's data version (issue 17): PostgreSQL triggers that move one number each
time a transaction that changed what ``selectors.years_with_data`` reads commits.

* Every statement that inserts, deletes or truncates registry records, reports or plans, and
  every row update that changes a column the years are computed from (a record's year or
  organisation, an organisation's commune, a report's agency or period, a period's due date,
  a plan's status, force, span or issuer, an agency's unit, a unit's path), marks its
  transaction: ``dashboards_years_mark`` sets the transaction-local setting
  ``coopplan.years_changed`` and adds one row to ``dashboards_years_changed`` (once per
  transaction; a rolled-back savepoint takes both back).
* That row's constraint trigger is deferred: at commit it stores a new value of the
  sequence ``dashboards_years_version_seq`` in ``dashboards_years_version`` and removes the
  row. The version row is written (and locked) only while the transaction commits, so
  writers do not wait on each other for the rest of their transactions, and the new value
  becomes visible with the writes themselves. A sequence never gives a value twice, even
  after a rollback.

Row triggers fire for every write path (services, admin, imports, ``bulk_create``,
``QuerySet.update``, raw SQL and ``COPY`` for the statement triggers); see
``dashboards.selectors.years_with_data`` for the reader and
tests/dashboards/test_years_version.py. PostgreSQL only: on other databases the years are
computed on every request and nothing is created.
"""

from django.db import migrations

# (table, columns whose change changes the years, whether inserts and deletes do)
WATCHED = (
    ("cooperatives_yearlyrecord", ("year", "organisation_id"), True),
    ("reports_obligation", ("agency_id", "period_id"), True),
    ("plans_plan", ("status", "in_force", "period_start", "period_end", "issuer_id"), True),
    ("cooperatives_organisation", ("commune_id",), False),
    ("reports_reportingperiod", ("due_date",), False),
    ("directory_agency", ("unit_id",), False),
    ("directory_administrativeunit", ("path",), False),
)

INSTALL = [
    "CREATE SEQUENCE dashboards_years_version_seq",
    "CREATE TABLE dashboards_years_version (id smallint PRIMARY KEY CHECK (id = 1), value bigint NOT NULL)",
    "CREATE TABLE dashboards_years_changed (id bigserial PRIMARY KEY)",
    """
CREATE FUNCTION dashboards_years_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('coopplan.years_changed', true) IS DISTINCT FROM 'on' THEN
        PERFORM set_config('coopplan.years_changed', 'on', true);
        INSERT INTO dashboards_years_changed DEFAULT VALUES;
    END IF;
    RETURN NULL;
END
$$""",
    """
CREATE FUNCTION dashboards_years_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dashboards_years_version (id, value) VALUES (1, nextval('dashboards_years_version_seq'))
        ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value;
    DELETE FROM dashboards_years_changed WHERE id = NEW.id;
    RETURN NULL;
END
$$""",
    "CREATE CONSTRAINT TRIGGER dashboards_years_bump AFTER INSERT ON dashboards_years_changed"
    " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboards_years_bump()",
    "INSERT INTO dashboards_years_version (id, value) VALUES (1, nextval('dashboards_years_version_seq'))",
]
UNINSTALL = []
for table, columns, rows in WATCHED:
    events = "INSERT OR DELETE OR TRUNCATE" if rows else "TRUNCATE"
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    INSTALL += [
        f"CREATE TRIGGER dashboards_years_stmt AFTER {events} ON {table}"
        " FOR EACH STATEMENT EXECUTE FUNCTION dashboards_years_mark()",
        f"CREATE TRIGGER dashboards_years_row AFTER UPDATE ON {table}"
        f" FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION dashboards_years_mark()",
    ]
    UNINSTALL += [
        f"DROP TRIGGER IF EXISTS dashboards_years_stmt ON {table}",
        f"DROP TRIGGER IF EXISTS dashboards_years_row ON {table}",
    ]
UNINSTALL += [
    "DROP TABLE IF EXISTS dashboards_years_changed",
    "DROP TABLE IF EXISTS dashboards_years_version",
    "DROP FUNCTION IF EXISTS dashboards_years_bump()",
    "DROP FUNCTION IF EXISTS dashboards_years_mark()",
    "DROP SEQUENCE IF EXISTS dashboards_years_version_seq",
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

    dependencies = [
        ("dashboards", "0001_target_period_value"),
        ("cooperatives", "0010_org_commune_kind_status_agri"),
        ("reports", "0009_period_label_start_idx"),
        ("plans", "0004_requirement_early_submission"),
        ("directory", "0005_unitsuccession"),
    ]

    operations = [migrations.RunPython(create, drop)]
