"""Independent floors: hand-written SQL returning the figures or rows each page shows (issue 17).

A page is compared with what a DBA would write to get the same content straight from the
tables — not with the queries the page happens to send (``dashboards_bench.py`` does that,
and so cannot see a slow query). Each ``floor_<page>`` function runs its statements on a
PostgreSQL cursor and returns the figures; ``pages_bench.py`` times it (median of runs) and
``check_<page>`` compares the figures with the page's context, so a floor that returned less
than the page shows would be caught (tests/benchmarks/test_floors.py, and ``--check``).

The area is resolved by SQL too (a recursive lineage over the unit successions, then the
units whose path lies under one of the lineage's paths) and passed to the other statements
as an array of unit or agency ids; the whole country (an administrator) has no area filter.
The status of a target (achieved, on track, at risk, behind) is classified by
``plans.progress.evaluate`` in Python: the rule lives in that one module (the floor includes
that time). Filter drop-downs are not part of a floor: a page should not need them (issue 17
asks for autocomplete instead).

PostgreSQL only (``DISTINCT ON``, ``FILTER``, arrays).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

# ------------------------------------------------------------------------------------ area

# The paths of an area's lineage: the roots and the units that became them (transitively).
# %(roots)s: unit ids. The units of the area are then those under one of these paths, by
# constant prefixes (``area_units``): an indexed range scan per prefix, where a join on
# ``u.path LIKE a.path || '%'`` compares every unit with every path (0.25 s for a province).
LINEAGE_PATHS = """
WITH RECURSIVE lineage(id) AS (
    SELECT unnest(%(roots)s::bigint[])
    UNION
    SELECT s.from_administrativeunit_id
      FROM directory_administrativeunit_successors s JOIN lineage l ON s.to_administrativeunit_id = l.id
)
SELECT path FROM directory_administrativeunit WHERE id IN (SELECT id FROM lineage) AND path <> ''
"""
UNITS_UNDER = "SELECT id FROM directory_administrativeunit WHERE {prefixes}"


def area_units(cursor, roots) -> list[int]:
    """Ids of every unit of the area of ``roots`` (their lineage's subtrees)."""
    paths: list[str] = []
    for (path,) in sorted(_all(cursor, LINEAGE_PATHS, {"roots": list(roots)})):
        if not any(path.startswith(p) for p in paths):  # a path under another adds nothing
            paths.append(path)
    if not paths:
        return []
    prefixes = " OR ".join(["path LIKE %s"] * len(paths))
    cursor.execute(UNITS_UNDER.format(prefixes=prefixes), [p.replace("%", r"\%").replace("_", r"\_") + "%" for p in paths])
    return [r[0] for r in cursor.fetchall()]


# An agency and the agencies it succeeded, transitively (their records are the user's).
AGENCY_LINEAGE = """
WITH RECURSIVE lineage(id, unit_id) AS (
    SELECT id, unit_id FROM directory_agency WHERE id = %(agency)s
    UNION
    SELECT a.id, a.unit_id FROM directory_agency a JOIN lineage l ON a.successor_id = l.id
)
SELECT id, unit_id FROM lineage
"""

AREA_AGENCIES = "SELECT id FROM directory_agency WHERE unit_id = ANY(%(units)s)"

# --------------------------------------------------------------------------- shared pieces

# The compliance state of a report (reports.compliance): the day of submission in the
# portal's time zone against the period's due date.
_SDAY = "(o.submitted_at AT TIME ZONE %(tz)s)::date"
STATES = {
    "returned": "o.status = 'returned'",
    "late": f"o.status IN ('submitted', 'approved') AND {_SDAY} > r.due_date",
    "on_time": f"o.status IN ('submitted', 'approved') AND (o.submitted_at IS NULL OR {_SDAY} <= r.due_date)",
    "missing": "o.status IN ('not_started', 'draft') AND r.due_date < %(today)s",
    "pending": "o.status IN ('not_started', 'draft') AND r.due_date >= %(today)s",
}
_STATE_COUNTS = ",\n       ".join(f"count(*) FILTER (WHERE {cond}) AS {name}" for name, cond in STATES.items())
# A report counts only when its agency ``g`` was alive during its period ``r`` (the pages'
# ``obligations_in_window``: a report left on an abolished office is owed by nobody). Every
# floor of a report figure — the compliance matrix, the home page's counts and drill-down
# table, the reports behind a figure — uses this one condition.
_ALIVE = '(g.valid_to IS NULL OR g.valid_to >= r.start) AND (g.valid_from IS NULL OR g.valid_from <= r."end")'
_ACTIVE = "p.status = 'issued' AND p.period_start <= %(y1)s AND p.period_end >= %(y0)s"


def _in_area(column: str, ids: str = "agencies") -> str:
    """``column`` (an agency or unit id) inside the area; the whole country has no filter."""
    return f"(%(country)s OR {column} = ANY(%({ids})s))"


PLAN_FIGURES = f"""
SELECT count(*) FILTER (WHERE {_ACTIVE}) AS active,
       count(*) FILTER (WHERE p.status = 'draft' AND p.period_start <= %(y1)s AND p.period_end >= %(y0)s) AS draft,
       count(*) FILTER (WHERE p.status IN ('closed', 'superseded')
                          AND p.period_start <= %(y1)s AND p.period_end >= %(y0)s) AS closed
  FROM plans_plan p
 WHERE {_in_area("p.issuer_id")}
"""

COMPLIANCE_COUNTS = f"""
SELECT count(*) AS total,
       {_STATE_COUNTS}
  FROM reports_obligation o JOIN reports_reportingperiod r ON r.id = o.period_id
  JOIN directory_agency g ON g.id = o.agency_id
 WHERE r.due_date BETWEEN %(y0)s AND %(y1)s AND {_in_area("o.agency_id")} AND {_ALIVE}
"""

# Budget lines of active plans for the year (a line without a year spread over the plan's years).
_LINES = f"""
SELECT b.id, b.plan_id,
       CASE WHEN b.year IS NOT NULL THEN b.amount
            ELSE b.amount * 1.0000 / (extract(year FROM p.period_end) - extract(year FROM p.period_start) + 1)
       END AS share
  FROM plans_budgetline b JOIN plans_plan p ON p.id = b.plan_id
 WHERE {_ACTIVE} AND (b.year = %(year)s OR b.year IS NULL) AND {_in_area("p.issuer_id")}
"""
_SPENT = """
SELECT s.budget_line_id, s.amount
  FROM reports_budgetspending s
  JOIN reports_obligation o ON o.id = s.obligation_id
  JOIN reports_reportingperiod r ON r.id = o.period_id
 WHERE o.status = 'approved' AND o.kind = 'submission' AND r."end" BETWEEN %(y0)s AND %(y1)s
"""
BUDGET_FIGURES = f"""
WITH lines AS ({_LINES})
SELECT (SELECT sum(share) FROM lines) AS allocated,
       (SELECT count(*) FROM lines) AS lines,
       (SELECT sum(s.amount) FROM ({_SPENT}) s WHERE s.budget_line_id IN (SELECT id FROM lines)) AS spent
"""
BUDGET_BY_PLAN = f"""
WITH lines AS ({_LINES}),
     alloc AS (SELECT plan_id, sum(share) AS allocated FROM lines GROUP BY plan_id),
     spent AS (SELECT l.plan_id, sum(s.amount) AS spent FROM ({_SPENT}) s JOIN lines l ON l.id = s.budget_line_id
                GROUP BY l.plan_id)
SELECT p.id, p.symbol, p.number, p.title, g.name AS issuer,
       coalesce(a.allocated, 0) AS allocated, coalesce(sp.spent, 0) AS spent
  FROM plans_plan p
  LEFT JOIN directory_agency g ON g.id = p.issuer_id
  LEFT JOIN alloc a ON a.plan_id = p.id
  LEFT JOIN spent sp ON sp.plan_id = p.id
 WHERE {_ACTIVE} AND {_in_area("p.issuer_id")}
 ORDER BY allocated DESC, p.id
"""

# Targets of the area's active plans (milestone not before the window's year) with the value
# they stand at: the latest consolidated period's, else the latest period's submissions
# combined by the target's rule (dashboards.selectors.latest_values). The approved values are
# read from the read model the report transitions maintain in their own transaction
# (``dashboards_targetperiodvalue``: per target, period and report kind, the count, sum, min,
# max and weights of the approved values), as the pages read them — one probe of its index
# (target, consolidated DESC, period_end DESC, period DESC) per target. Until issue 17's
# ``heavy`` branch this floor grouped the 500,000 reported values themselves (0.42 s for the
# whole country) while the page read the read model: a floor may read a table maintained on
# write when the page does (docs/benchmarks.md).
AREA_TARGETS = f"""
WITH t AS (
    SELECT t.id, t.plan_id, t.comparator, t.value, t.value_max, t.baseline, t.milestone_year, t.direction,
           t.aggregation, p.period_start, g.unit_id AS issuer_unit_id
      FROM plans_plantarget t
      JOIN plans_plan p ON p.id = t.plan_id
      LEFT JOIN directory_agency g ON g.id = p.issuer_id
     WHERE {_ACTIVE} AND t.milestone_year >= %(year)s AND {_in_area("p.issuer_id")}
)
SELECT t.id, t.plan_id, t.comparator, t.value, t.value_max, t.baseline, t.milestone_year, t.direction,
       t.period_start, t.issuer_unit_id,
       CASE WHEN l.n IS NULL OR l.n = 0 THEN NULL
            WHEN l.consolidated OR t.aggregation = 'avg' THEN l.s / l.n
            WHEN t.aggregation = 'min' THEN l.mn
            WHEN t.aggregation = 'max' THEN l.mx
            WHEN t.aggregation = 'wavg' THEN CASE WHEN l.sw <> 0 THEN l.swv / l.sw ELSE l.s / l.n END
            WHEN t.aggregation = 'any' THEN CASE WHEN l.mx > 0 THEN 1 ELSE 0 END
            ELSE l.s END AS actual
  FROM t LEFT JOIN LATERAL (
        SELECT v.consolidated, v.n, v.s, v.mn, v.mx, v.sw, v.swv
          FROM dashboards_targetperiodvalue v
         WHERE v.target_id = t.id AND v.period_end <= %(y1)s
         ORDER BY v.consolidated DESC, v.period_end DESC, v.period_id DESC
         LIMIT 1
       ) l ON TRUE
"""

# The drill-down's children: the units one level down (today's, for a window after the
# reorganisation) and, for each unit of the area, the child its rows count for (its own path
# under the child's, or filed under an old unit whose default successor is the child).
CHILDREN_OF_UNIT = """
SELECT id, path, name FROM directory_administrativeunit WHERE parent_id = %(unit)s AND valid_to IS NULL
"""
CHILDREN_OF_COUNTRY = "SELECT id, path, name FROM directory_administrativeunit WHERE parent_id IS NULL"
UNIT_CHILD = """
WITH keys AS (
    SELECT path, id AS child_id FROM directory_administrativeunit WHERE id = ANY(%(children)s)
    UNION ALL
    SELECT f.path, s.to_administrativeunit_id
      FROM directory_administrativeunit_successors s
      JOIN directory_administrativeunit f ON f.id = s.from_administrativeunit_id
     WHERE s.to_administrativeunit_id = ANY(%(children)s) AND s.is_default
)
SELECT DISTINCT ON (u.id) u.id, k.child_id
  FROM directory_administrativeunit u JOIN keys k ON u.path LIKE k.path || '%%'
 WHERE u.id = ANY(%(units)s)
 ORDER BY u.id, length(k.path)
"""
# The whole country: a unit counts for the top-level unit of its path ("/12/345/" → 12).
UNIT_CHILD_COUNTRY = "SELECT id, split_part(path, '/', 2)::int FROM directory_administrativeunit"
CHILD_ORGS = """
SELECT o.commune_id, count(*),
       count(*) FILTER (WHERE o.kind = 'htx' AND o.is_agricultural AND o.status = 'active')
  FROM cooperatives_organisation o
 WHERE (%(country)s OR o.commune_id = ANY(%(units)s))
 GROUP BY o.commune_id
"""
CHILD_PLANS = f"""
SELECT g.unit_id, count(*) FROM plans_plan p JOIN directory_agency g ON g.id = p.issuer_id
 WHERE {_ACTIVE} AND {_in_area("p.issuer_id")} GROUP BY g.unit_id
"""
CHILD_REPORTS = f"""
SELECT g.unit_id, count(*), count(*) FILTER (WHERE {STATES["missing"]}), count(*) FILTER (WHERE {STATES["late"]})
  FROM reports_obligation o
  JOIN reports_reportingperiod r ON r.id = o.period_id
  JOIN directory_agency g ON g.id = o.agency_id
 WHERE r.due_date BETWEEN %(y0)s AND %(y1)s AND NOT ({STATES["pending"]}) AND {_in_area("o.agency_id")} AND {_ALIVE}
 GROUP BY g.unit_id
"""

# ------------------------------------------------------------------------ plan progress

# The page's plan (its header, placed in the viewer's area: a plan outside it is a 404), its
# targets with every period's combined value, in one statement: one ``plan`` row, then one row
# per target and period (a target without values: one row without a period). The area test is
# the page's: the issuer's unit lies under the path of the viewer's unit or of a unit that
# became it (the lineage, walked here; nothing for the whole country).
PLAN_PROGRESS = """
WITH RECURSIVE lineage(id) AS (
    SELECT %(unit)s::bigint WHERE NOT %(country)s
    UNION
    SELECT s.from_administrativeunit_id
      FROM directory_administrativeunit_successors s JOIN lineage l ON s.to_administrativeunit_id = l.id
), plan AS (
    SELECT p.id, p.number, p.symbol, p.title, p.period_start, p.period_end, g.name AS issuer
      FROM plans_plan p
      JOIN directory_agency g ON g.id = p.issuer_id
      JOIN directory_administrativeunit u ON u.id = g.unit_id
     WHERE p.id = %(plan)s
       AND (%(country)s OR EXISTS (SELECT 1 FROM lineage l JOIN directory_administrativeunit a ON a.id = l.id
                                    WHERE a.path <> '' AND starts_with(u.path, a.path)))
), t AS (
    SELECT t.id, t.code, t.description, t.unit, t.comparator, t.value, t.value_max, t.baseline, t.milestone_year,
           t.direction, t.aggregation, t."order", i.name AS indicator
      FROM plans_plantarget t LEFT JOIN cooperatives_indicator i ON i.id = t.indicator_id
     WHERE t.plan_id = (SELECT id FROM plan)
), grouped AS (
    SELECT v.target_id, o.period_id, r.label, r."end", r.due_date,
           bool_or(o.kind = 'consolidation') AS consolidated,
           avg(v.value) FILTER (WHERE o.kind = 'consolidation') AS cons,
           sum(v.value) FILTER (WHERE o.kind = 'submission') AS s,
           avg(v.value) FILTER (WHERE o.kind = 'submission') AS a,
           min(v.value) FILTER (WHERE o.kind = 'submission') AS mn,
           max(v.value) FILTER (WHERE o.kind = 'submission') AS mx,
           sum(v.weight) FILTER (WHERE o.kind = 'submission') AS sw,
           sum(v.value * v.weight) FILTER (WHERE o.kind = 'submission') AS swv
      FROM reports_reportedvalue v
      JOIN reports_obligation o ON o.id = v.obligation_id
      JOIN reports_reportingperiod r ON r.id = o.period_id
      JOIN plans_reportingrequirement q ON q.id = r.requirement_id
     WHERE q.plan_id = %(plan)s AND o.status = 'approved' AND v.value IS NOT NULL
       AND v.target_id IN (SELECT id FROM t)
     GROUP BY v.target_id, o.period_id, r.label, r."end", r.due_date
)
SELECT 'plan' AS kind, p.id, NULL::int, NULL::int, p.symbol, p.title, p.issuer, p.number, NULL::bigint, NULL::bool,
       NULL::numeric, NULL, NULL::numeric, NULL::numeric, NULL::numeric, p.period_start, p.period_end
  FROM plan p
 UNION ALL
SELECT 'target', t.id, t.milestone_year, t."order", g.label, t.comparator, t.direction, NULL, g.period_id,
       g.consolidated,
       CASE WHEN g.consolidated THEN g.cons
            WHEN t.aggregation = 'avg' THEN g.a
            WHEN t.aggregation = 'min' THEN g.mn
            WHEN t.aggregation = 'max' THEN g.mx
            WHEN t.aggregation = 'wavg' THEN CASE WHEN g.sw <> 0 THEN g.swv / g.sw ELSE g.a END
            WHEN t.aggregation = 'any' THEN CASE WHEN g.mx > 0 THEN 1 ELSE 0 END
            ELSE g.s END AS value,
       NULL, t.value, t.value_max, t.baseline, g."end", g.due_date
  FROM t LEFT JOIN grouped g ON g.target_id = t.id
 ORDER BY 1, 3, 4, 2, 16, 17, 9  -- the plan, then milestone, order, target, period end, due date, period
"""

# ---------------------------------------------------------------------------- compliance

MATRIX_ROWS = 50  # the compliance matrix's default page size (dashboards/lists.py)
_SUMS = ", ".join(f"sum({name})::bigint AS {name}" for name in ("total", *STATES))
_COLS = ", ".join(("total", *STATES))
# The whole matrix in one statement, as the page reads it (issue 17): the window's reports of
# the area counted once per agency × period (``cell``), the agencies' totals summed from their
# cells, the page's agencies worst first (ties by name, then id), and one result set of three
# kinds of row: ``agency`` (a row of the page: id, name, its unit's kind and name, counts),
# ``cell`` (a period of an agency of the page: label, end, counts) and ``all`` (the number of
# agencies and the area's counts). Written for the floor, not taken from the page. Only reports
# of agencies alive during their period count, as on the page (``obligations_in_window``: a
# report left on an abolished office is owed by nobody); the floor once counted them too.
COMPLIANCE_MATRIX = f"""
WITH cell AS MATERIALIZED (
    SELECT o.agency_id, r.label, r."end", count(*) AS total,
           {_STATE_COUNTS}
      FROM reports_obligation o JOIN reports_reportingperiod r ON r.id = o.period_id
      JOIN directory_agency g ON g.id = o.agency_id
     WHERE r.due_date BETWEEN %(y0)s AND %(y1)s AND {_in_area("o.agency_id")} AND {_ALIVE}
     GROUP BY o.agency_id, r.label, r."end"
), agency AS MATERIALIZED (
    SELECT agency_id, {_SUMS} FROM cell GROUP BY agency_id
), page AS MATERIALIZED (
    SELECT a.*, g.name, u.kind AS unit_kind, u.name AS unit_name
      FROM agency a
      JOIN directory_agency g ON g.id = a.agency_id
      LEFT JOIN directory_administrativeunit u ON u.id = g.unit_id
     ORDER BY a.missing DESC, a.late DESC, a.returned DESC, a.on_time, g.name, a.agency_id
     LIMIT %(matrix_rows)s
)
SELECT 'agency', agency_id, name, unit_kind, unit_name, NULL::date, {_COLS} FROM page
 UNION ALL
SELECT 'cell', c.agency_id, c.label, NULL, NULL, c."end", {", ".join("c." + n for n in ("total", *STATES))}
  FROM cell c WHERE c.agency_id IN (SELECT agency_id FROM page)
 UNION ALL
SELECT 'all', count(*), NULL, NULL, NULL, NULL, {", ".join(f"coalesce(sum({n}), 0)::bigint" for n in ("total", *STATES))}
  FROM agency
"""

# --------------------------------------------------------------------------- registry

REGISTRY_KINDS = """
SELECT kind, status, count(*) FROM cooperatives_organisation o
 WHERE (%(country)s OR o.commune_id = ANY(%(units)s)) GROUP BY kind, status
"""
# The area's organisations first (materialised for an area: the planner then probes the
# records by organisation, instead of hashing all 400,000 records); ``{mat}`` is filled by
# ``_orgs_cte`` (NOT MATERIALIZED for the whole country, where plain scans are best).
_ORGS = """orgs AS {mat} (
    SELECT id, kind FROM cooperatives_organisation o WHERE (%(country)s OR o.commune_id = ANY(%(units)s))
)"""
REGISTRY_RATINGS = f"""
WITH {_ORGS}
SELECT y.rating, count(*)
  FROM orgs o JOIN cooperatives_yearlyrecord y ON y.organisation_id = o.id
 WHERE y.year = %(rating_year)s AND o.kind = 'htx'
 GROUP BY y.rating
"""
REGISTRY_FLOWS = """
SELECT 'founded', extract(year FROM founded)::int AS y, count(*) FROM cooperatives_organisation o
 WHERE founded BETWEEN %(first)s AND %(y1)s AND (%(country)s OR o.commune_id = ANY(%(units)s)) GROUP BY y
UNION ALL
SELECT 'dissolved', extract(year FROM dissolved)::int AS y, count(*) FROM cooperatives_organisation o
 WHERE dissolved BETWEEN %(first)s AND %(y1)s AND (%(country)s OR o.commune_id = ANY(%(units)s)) GROUP BY y
"""
REGISTRY_FINANCE = f"""
WITH {_ORGS}
SELECT y.year, count(*), sum(y.revenue), avg(y.revenue), avg(y.profit), avg(y.avg_income)
  FROM orgs o JOIN cooperatives_yearlyrecord y ON y.organisation_id = o.id
 WHERE y.year BETWEEN %(first_year)s AND %(year)s
 GROUP BY y.year
"""
# Current communes with an active agricultural HTX in them or in a commune merged into them:
# a UNION of the two ways, not an OR inside EXISTS (issue 17: 42 s → 30 ms for the country).
REGISTRY_COVERAGE = """
WITH communes AS (
    SELECT id FROM directory_administrativeunit
     WHERE level = 'commune' AND valid_to IS NULL AND (%(country)s OR id = ANY(%(units)s))
), agri AS (
    SELECT commune_id FROM cooperatives_organisation
     WHERE kind = 'htx' AND is_agricultural AND status = 'active' AND (%(country)s OR commune_id = ANY(%(units)s))
), covered AS (
    SELECT commune_id AS id FROM agri
    UNION
    SELECT s.to_administrativeunit_id FROM agri JOIN directory_administrativeunit_successors s
        ON s.from_administrativeunit_id = agri.commune_id
)
SELECT count(*), count(*) FILTER (WHERE id IN (SELECT id FROM covered)) FROM communes
"""

# ------------------------------------------------------------------------------ lists

# The reports behind a compliance figure (dashboards:obligations?state=…), 50 a page: the count
# and the page in one statement (the page reads both in one since issue 17's drill branch; two
# statements made the floor slower by design). ``count(*) OVER ()`` is taken before the LIMIT;
# the plan's symbol is joined for the 50 rows only.
OBLIGATIONS_PAGE = f"""
WITH shown AS (
    SELECT o.id, o.status, o.submitted_at, g.name, r.label, r.due_date, r.requirement_id, count(*) OVER () AS total
      FROM reports_obligation o
      JOIN reports_reportingperiod r ON r.id = o.period_id
      JOIN directory_agency g ON g.id = o.agency_id
     WHERE r.due_date BETWEEN %(y0)s AND %(y1)s AND {_in_area("o.agency_id")} AND {_ALIVE} AND ({{state}})
     ORDER BY r.due_date, g.name, o.id
     LIMIT 50
)
SELECT s.id, s.status, s.submitted_at, s.name, s.label, s.due_date, p.id, p.symbol, s.total
  FROM shown s
  JOIN plans_reportingrequirement q ON q.id = s.requirement_id
  JOIN plans_plan p ON p.id = q.plan_id
 ORDER BY s.due_date, s.name, s.id
"""

# plans:plan_list — plans issued in the user's area, or in which one of the user's agencies
# (its lineage) has a role, or on which an agency of the area reports: a UNION of the ways.
VISIBLE_PLANS = """
SELECT p.id FROM plans_plan p WHERE p.issuer_id = ANY(%(agencies)s) OR p.issuer_id = ANY(%(own)s)
UNION SELECT plan_id FROM plans_plantask WHERE lead_agency_id = ANY(%(own)s)
UNION SELECT t.plan_id FROM plans_plantask t JOIN plans_plantask_coordinating_agencies c ON c.plantask_id = t.id
       WHERE c.agency_id = ANY(%(own)s)
UNION SELECT plan_id FROM plans_responsibility WHERE agency_id = ANY(%(own)s)
UNION SELECT q.plan_id FROM plans_reportingrequirement q WHERE q.receiver_id = ANY(%(own)s)
UNION SELECT q.plan_id FROM plans_reportingrequirement q
        JOIN plans_reportingrequirement_reporters r ON r.reportingrequirement_id = q.id
       WHERE r.agency_id = ANY(%(agencies)s) OR r.agency_id = ANY(%(own)s)
"""
PLAN_LIST_COUNT = "SELECT count(*) FROM plans_plan p WHERE {visible}"
PLAN_LIST_PAGE = """
SELECT p.id, p.number, p.symbol, p.title, p.kind, p.status, p.issue_date, p.period_start, p.period_end,
       g.name, g.short_name, u.name, u.kind
  FROM plans_plan p
  LEFT JOIN directory_agency g ON g.id = p.issuer_id
  LEFT JOIN directory_administrativeunit u ON u.id = g.unit_id
 WHERE {visible}
 ORDER BY p.period_start DESC, p.issue_date DESC, p.id DESC
 LIMIT 25
"""

PLAN_LIST_COUNTED_PAGE = f"""
WITH visible AS MATERIALIZED ({VISIBLE_PLANS})
SELECT p.id, p.number, p.symbol, p.title, p.kind, p.status, p.issue_date, p.period_start, p.period_end,
       g.name, g.short_name, u.name, u.kind, (SELECT count(*) FROM visible)
  FROM plans_plan p
  JOIN visible v ON v.id = p.id
  LEFT JOIN directory_agency g ON g.id = p.issuer_id
  LEFT JOIN directory_administrativeunit u ON u.id = g.unit_id
 ORDER BY p.period_start DESC, p.issue_date DESC, p.id DESC
 LIMIT 25
"""

# reports:obligation_list — reports of the area's agencies, or sent to / about a plan issued by
# one of the user's agencies; still-to-do first (soonest deadline), then the latest periods.
VISIBLE_REPORTS = """
SELECT o.id FROM reports_obligation o WHERE o.agency_id = ANY(%(agencies)s) OR o.agency_id = ANY(%(own)s)
UNION
SELECT o.id FROM reports_obligation o JOIN reports_reportingperiod r ON r.id = o.period_id
  JOIN plans_reportingrequirement q ON q.id = r.requirement_id WHERE q.receiver_id = ANY(%(own)s)
UNION
SELECT o.id FROM reports_obligation o JOIN reports_reportingperiod r ON r.id = o.period_id
  JOIN plans_reportingrequirement q ON q.id = r.requirement_id
  JOIN plans_plan p ON p.id = q.plan_id WHERE p.issuer_id = ANY(%(own)s)
"""
REPORT_LIST_COUNT = "SELECT count(*) FROM reports_obligation o WHERE {visible}"
REPORT_LIST_PAGE = """
WITH page AS (
    SELECT o.id, row_number() OVER () AS n FROM (
        SELECT o.id
          FROM reports_obligation o
          JOIN reports_reportingperiod r ON r.id = o.period_id
          JOIN directory_agency g ON g.id = o.agency_id
         WHERE {visible}
         ORDER BY (o.status NOT IN ('not_started', 'draft', 'returned')),
                  CASE WHEN o.status IN ('not_started', 'draft', 'returned') THEN r.due_date END ASC NULLS LAST,
                  r.due_date DESC, g.name, o.id
         LIMIT 50) o
)
SELECT o.id, o.kind, o.status, o.submitted_at, g.name, u.name, r.label, r.due_date, p.id, p.symbol, p.number,
       rg.name
  FROM page JOIN reports_obligation o ON o.id = page.id
  JOIN reports_reportingperiod r ON r.id = o.period_id
  JOIN plans_reportingrequirement q ON q.id = r.requirement_id
  JOIN plans_plan p ON p.id = q.plan_id
  JOIN directory_agency g ON g.id = o.agency_id
  LEFT JOIN directory_administrativeunit u ON u.id = g.unit_id
  LEFT JOIN directory_agency rg ON rg.id = q.receiver_id
 ORDER BY page.n
"""

# cooperatives:organisation_list — organisations of the area with the latest year's figures.
# The latest year with a record of the area's organisations: the registry's few years, newest
# first (a loose scan of the (year, rating) index), the first one for which an organisation of
# one of the area's units has a record (a probe of the (organisation, year) index from each
# unit); the whole country takes the first. The MAX over the area's records read all of them
# (~9,500 for a province, 21 ms quiet); the page reads the year as fast since issue 17's drill
# branch, so the floor must too.
REGISTRY_YEAR = """
WITH RECURSIVE years(y) AS (
    SELECT max(year) FROM cooperatives_yearlyrecord
    UNION ALL
    SELECT (SELECT max(r.year) FROM cooperatives_yearlyrecord r WHERE r.year < years.y) FROM years WHERE y IS NOT NULL
)
SELECT y FROM years
 WHERE y IS NOT NULL
   AND (%(country)s OR (
        SELECT 1 FROM unnest(%(units)s::bigint[]) AS a(unit_id)
         CROSS JOIN LATERAL (SELECT 1 FROM cooperatives_organisation o
                               JOIN cooperatives_yearlyrecord r ON r.organisation_id = o.id AND r.year = years.y
                              WHERE o.commune_id = a.unit_id LIMIT 1) AS hit
         LIMIT 1) IS NOT NULL)
 LIMIT 1
"""
REGISTRY_LIST_COUNT = (
    "SELECT count(*) FROM cooperatives_organisation o WHERE (%(country)s OR o.commune_id = ANY(%(units)s))"
)
# The page's 50 organisations, then for each its commune's former names (a commune in force: the
# units merged into it) or present ones (a commune that ended: its successors in force), which
# the page writes after the commune (issue 14); by name.
REGISTRY_LIST_PAGE = """
WITH page AS (
    SELECT o.id, o.name, o.kind, o.status, o.registration_code, o.founded, c.name AS commune, d.name AS district,
           y.members, y.revenue, y.rating, c.id AS commune_id, c.valid_to IS NOT NULL AS ended
      FROM cooperatives_organisation o
      JOIN directory_administrativeunit c ON c.id = o.commune_id
      LEFT JOIN directory_administrativeunit d ON d.id = c.parent_id
      LEFT JOIN cooperatives_yearlyrecord y ON y.organisation_id = o.id AND y.year = %(list_year)s
     WHERE (%(country)s OR o.commune_id = ANY(%(units)s))
     ORDER BY o.name, o.id
     LIMIT 50
)
SELECT p.*,
       CASE WHEN p.ended
            THEN ARRAY(SELECT ARRAY[u.name, u.kind] FROM directory_administrativeunit_successors s
                         JOIN directory_administrativeunit u ON u.id = s.to_administrativeunit_id
                        WHERE s.from_administrativeunit_id = p.commune_id AND u.valid_to IS NULL ORDER BY u.name, u.id)
            ELSE ARRAY(SELECT ARRAY[u.name, u.kind] FROM directory_administrativeunit_successors s
                         JOIN directory_administrativeunit u ON u.id = s.from_administrativeunit_id
                        WHERE s.to_administrativeunit_id = p.commune_id ORDER BY u.name, u.id)
       END
  FROM page p
 ORDER BY p.name, p.id
"""

# ================================================================================ runner


@dataclass
class Scope:
    """Who looks: a user's agency (None: an administrator, the whole country) and the window."""

    agency_id: int | None
    unit_id: int | None
    year: int
    today: datetime.date
    tz: str = "Asia/Ho_Chi_Minh"
    plan_id: int | None = None
    state: str = "missing"
    extra: dict = field(default_factory=dict)

    @property
    def country(self) -> bool:
        return self.agency_id is None

    def base_params(self) -> dict:
        y0, y1 = datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)
        return {"y0": y0, "y1": y1, "year": self.year, "today": self.today, "tz": self.tz, "country": self.country}


def _all(cursor, sql, params):
    cursor.execute(sql, params)
    return cursor.fetchall()


def _one(cursor, sql, params):
    cursor.execute(sql, params)
    return cursor.fetchone()


def dashboard_params(cursor, scope: Scope) -> dict:
    """The window and the area of the user's unit (dashboards: the unit and its predecessors)."""
    params = scope.base_params()
    if scope.country:
        return params | {"units": [], "agencies": []}
    units = area_units(cursor, [scope.unit_id])
    agencies = [r[0] for r in _all(cursor, AREA_AGENCIES, {"units": units})]
    return params | {"units": units, "agencies": agencies}


def list_params(cursor, scope: Scope) -> dict:
    """The area of the lists: the areas of the user's agency and of the agencies it succeeded."""
    params = scope.base_params()
    if scope.country:
        return params | {"units": [], "agencies": [], "own": []}
    lineage = _all(cursor, AGENCY_LINEAGE, {"agency": scope.agency_id})
    units = area_units(cursor, [u for _a, u in lineage if u])
    agencies = [r[0] for r in _all(cursor, AREA_AGENCIES, {"units": units})]
    return params | {"units": units, "agencies": agencies, "own": [a for a, _u in lineage]}


def _status_rows(rows, as_of):
    """``(id, issuer unit, status)`` of each target row of ``AREA_TARGETS``: the status alone
    (``progress.evaluate(..., percent=False)``, without the percentage's formula text), as the
    pages that count or sort by status."""
    from plans import progress

    evaluate = progress.evaluate
    return [
        (pk, unit_id, evaluate(comparator=comparator, value=value, value_max=value_max, baseline=baseline,
                               milestone_year=milestone, start=start, actual=actual, as_of=as_of,
                               direction=direction, percent=False).status)
        for pk, _plan, comparator, value, value_max, baseline, milestone, direction, start, unit_id, actual in rows
    ]


def _as_of(scope: Scope) -> datetime.date:
    return min(scope.today, datetime.date(scope.year, 12, 31))


def floor_home(cursor, scope: Scope) -> dict:
    """dashboards:home — plans, target statuses, reports, budget, and the drill-down table."""
    from plans import progress

    p = dashboard_params(cursor, scope)
    plans = dict(zip(("active", "draft", "closed"), _one(cursor, PLAN_FIGURES, p), strict=True))
    reports = dict(zip(("total", *STATES), _one(cursor, COMPLIANCE_COUNTS, p), strict=True))
    allocated, lines, spent = _one(cursor, BUDGET_FIGURES, p)
    statuses = _status_rows(_all(cursor, AREA_TARGETS, p), _as_of(scope))
    targets = dict.fromkeys(progress.STATUS_ORDER, 0)
    for _pk, _u, st in statuses:
        targets[st] += 1
    # Drill-down (after the 07/2025 reorganisation: today's units).
    if scope.country:
        children = _all(cursor, CHILDREN_OF_COUNTRY, p)
        unit_child = dict(_all(cursor, UNIT_CHILD_COUNTRY, p))
    else:
        children = _all(cursor, CHILDREN_OF_UNIT, p | {"unit": scope.unit_id})
        unit_child = dict(_all(cursor, UNIT_CHILD, p | {"children": [c[0] for c in children]}))
    counts = {c[0]: dict.fromkeys(("org_count", "agri_htx", "active_plans", "reports_due", "missing_reports",
                                   "late_reports", "targets_behind", "targets_at_risk"), 0) for c in children}

    def add(unit_id, **values):
        child = counts.get(unit_child.get(unit_id))
        if child is not None:
            for k, v in values.items():
                child[k] += v

    for unit_id, n, agri in _all(cursor, CHILD_ORGS, p):
        add(unit_id, org_count=n, agri_htx=agri)
    for unit_id, n in _all(cursor, CHILD_PLANS, p):
        add(unit_id, active_plans=n)
    for unit_id, n, missing, late in _all(cursor, CHILD_REPORTS, p):
        add(unit_id, reports_due=n, missing_reports=missing, late_reports=late)
    for _pk, unit_id, st in statuses:
        if st == progress.BEHIND:
            add(unit_id, targets_behind=1)
        elif st == progress.AT_RISK:
            add(unit_id, targets_at_risk=1)
    return {
        "plans": plans,
        "reports": reports,
        "budget": {"allocated": allocated, "spent": spent or Decimal(0), "lines": lines},
        "targets": targets,
        "children": counts,
    }


def floor_targets(cursor, scope: Scope) -> dict:
    """dashboards:targets — every target of the area's active plans, by status then id; page 1
    with each shown target's percentage and formula (``progress.evaluate``)."""
    from plans import progress

    p = dashboard_params(cursor, scope)
    rows = _all(cursor, AREA_TARGETS, p)
    as_of = _as_of(scope)
    statuses = _status_rows(rows, as_of)
    order = {st: i for i, st in enumerate(progress.STATUS_ORDER)}
    ids = [pk for pk, _u, st in sorted(statuses, key=lambda r: (order[r[2]], r[0]))]
    shown = set(ids[:50])
    percents = {
        pk: progress.evaluate(comparator=c, value=v, value_max=vmax, baseline=b, milestone_year=m, start=start,
                              actual=actual, as_of=as_of, direction=d).percent_of_plan
        for pk, _plan, c, v, vmax, b, m, d, start, _u, actual in rows
        if pk in shown
    }
    page = _all(
        cursor,
        """SELECT t.id, t.code, t.description, t.unit, t.value, p.id, p.symbol, g.name
             FROM plans_plantarget t JOIN plans_plan p ON p.id = t.plan_id
             LEFT JOIN directory_agency g ON g.id = p.issuer_id WHERE t.id = ANY(%(ids)s)""",
        {"ids": ids[:50]},
    )
    return {"count": len(ids), "page_ids": ids[:50], "rows": len(page), "percents": [percents[pk] for pk in ids[:50]]}


def floor_progress(cursor, scope: Scope) -> dict:
    """dashboards:plan_progress — the plan (placed in the viewer's area, in the same statement),
    its targets with their history and latest value, and each target's status
    (``plans.progress.evaluate`` on the page's day, as every floor classifies targets)."""
    from plans import progress

    rows = _all(cursor, PLAN_PROGRESS, scope.base_params() | {"plan": scope.plan_id, "unit": scope.unit_id or 0})
    if not rows or rows[0][0] != "plan":
        return {"plan": None, "target_ids": [], "latest": {}, "periods": 0, "statuses": []}
    start = rows[0][15]
    targets: dict[int, list] = {}
    rules = {}
    for _k, pk, milestone, _o, label, comparator, direction, _n, period_id, consolidated, value, _x, target_value, \
            value_max, baseline, _end, _due in rows[1:]:
        history = targets.setdefault(pk, [])
        rules[pk] = (comparator, target_value, value_max, baseline, milestone, direction)
        if period_id is not None:
            history.append((label, value, consolidated))
    latest = {}
    for pk, history in targets.items():
        consolidated = [h for h in history if h[2]]
        latest[pk] = (consolidated or history)[-1][1] if history else None
    as_of = _as_of(scope)
    statuses = []
    for pk, (comparator, value, value_max, baseline, milestone, direction) in rules.items():
        statuses.append(progress.evaluate(
            comparator=comparator, value=value, value_max=value_max, baseline=baseline, milestone_year=milestone,
            start=start, actual=latest[pk], as_of=as_of, direction=direction,
        ).status)
    return {"plan": rows[0][1], "target_ids": list(targets), "latest": latest,
            "periods": sum(len(h) for h in targets.values()), "statuses": statuses}


def floor_compliance(cursor, scope: Scope) -> dict:
    """dashboards:compliance — the number of agencies, the first page of agencies × periods
    (worst first, ``MATRIX_ROWS`` agencies) and the counts: one statement (``COMPLIANCE_MATRIX``)."""
    p = dashboard_params(cursor, scope) | {"matrix_rows": MATRIX_ROWS}
    names = ("total", *STATES)
    rows, cells, columns = [], 0, set()
    agencies, reports = 0, dict.fromkeys(names, 0)
    for kind, agency_id, label, _kind, _unit, end, *counts in _all(cursor, COMPLIANCE_MATRIX, p):
        if kind == "agency":
            rows.append((agency_id, dict(zip(names, counts, strict=True))))
        elif kind == "cell":
            cells += 1
            columns.add((end, label))
        else:
            agencies, reports = agency_id, dict(zip(names, counts, strict=True))
    return {"agencies": agencies, "rows": rows, "columns": len(columns), "cells": cells, "reports": reports}


def _orgs_cte(sql: str, scope: Scope) -> str:
    return sql.replace("{mat}", "NOT MATERIALIZED" if scope.country else "MATERIALIZED")


def floor_registry(cursor, scope: Scope) -> dict:
    """dashboards:registry — kinds × statuses, ratings, founded/dissolved, finance, coverage."""
    p = dashboard_params(cursor, scope)
    rating_year = scope.year - 1 if scope.year >= scope.today.year else scope.year
    p |= {"rating_year": rating_year, "first": datetime.date(scope.year - 4, 1, 1), "first_year": scope.year - 4}
    kinds: dict = {}
    for kind, status, n in _all(cursor, REGISTRY_KINDS, p):
        kinds.setdefault(kind, {})[status] = n
    ratings = dict(_all(cursor, _orgs_cte(REGISTRY_RATINGS, scope), p))
    flows: dict = {}
    for what, year, n in _all(cursor, REGISTRY_FLOWS, p):
        flows[(what, year)] = n
    finance = {r[0]: r[1:] for r in _all(cursor, _orgs_cte(REGISTRY_FINANCE, scope), p)}
    total, covered = _one(cursor, REGISTRY_COVERAGE, p)
    return {"kinds": kinds, "ratings": ratings, "flows": flows, "finance": finance,
            "coverage": {"total": total, "covered": covered}}


def floor_budget(cursor, scope: Scope) -> dict:
    """dashboards:budget — allocated vs spent per active plan (50 a page) and the totals."""
    p = dashboard_params(cursor, scope)
    plans = _all(cursor, BUDGET_BY_PLAN, p)
    allocated, lines, spent = _one(cursor, BUDGET_FIGURES, p)
    return {
        "count": len(plans),
        "page": [(r[0], r[5], r[6]) for r in plans[:50]],
        "budget": {"allocated": allocated, "spent": spent or Decimal(0), "lines": lines},
    }


def floor_drilldown(cursor, scope: Scope) -> dict:
    """dashboards:obligations?state=… — the reports behind a compliance figure, page 1, and their count."""
    p = dashboard_params(cursor, scope)
    page = _all(cursor, OBLIGATIONS_PAGE.format(state=STATES[scope.state]), p)
    return {"count": page[0][-1] if page else 0, "page_ids": [r[0] for r in page]}


def floor_plan_list(cursor, scope: Scope) -> dict:
    p = list_params(cursor, scope)
    if scope.country:  # every plan: the COUNT reads an index alone, the page the first rows of another
        count = _one(cursor, PLAN_LIST_COUNT.format(visible="TRUE"), p)[0]
        page = _all(cursor, PLAN_LIST_PAGE.format(visible="TRUE"), p)
        return {"count": count, "page_ids": [r[0] for r in page]}
    # A scoped user's page and count in one statement, the visible plans computed once, as the
    # page reads them since issue 17 (``core.pagination.CountedRowsPaginator``).
    page = _all(cursor, PLAN_LIST_COUNTED_PAGE, p)
    return {"count": page[0][-1] if page else 0, "page_ids": [r[0] for r in page]}


def floor_report_list(cursor, scope: Scope) -> dict:
    p = list_params(cursor, scope)
    visible = "TRUE" if scope.country else f"o.id IN ({VISIBLE_REPORTS})"
    count = _one(cursor, REPORT_LIST_COUNT.format(visible=visible), p)[0]
    page = _all(cursor, REPORT_LIST_PAGE.format(visible=visible), p)
    return {"count": count, "page_ids": [r[0] for r in page]}


def floor_registry_list(cursor, scope: Scope) -> dict:
    p = list_params(cursor, scope)
    row = _one(cursor, REGISTRY_YEAR, p)
    year = row[0] if row else None
    count = _one(cursor, REGISTRY_LIST_COUNT, p)[0]
    page = _all(cursor, REGISTRY_LIST_PAGE, p | {"list_year": year})
    return {"year": year, "count": count, "page_names": [r[1] for r in page], "hints": _unit_hints(page)}


def _unit_hints(page) -> dict[int, str]:
    """The communes' hints as the page words them ("(trước đây: …)", "(nay: …)")."""
    from directory.models import AdministrativeUnit
    from directory.templatetags.directory_tags import formerly_text, now_part_of_text

    full_name = AdministrativeUnit.full_name.fget
    hints = {}
    for row in page:
        commune_id, ended, names = row[-3], row[-2], row[-1]
        names = [full_name(SimpleNamespace(name=n, kind=k)) or n for n, k in names]
        if names:
            hints[commune_id] = now_part_of_text(names) if ended else formerly_text(names, units=True)
    return hints


FLOORS = {
    "home": floor_home,
    "targets": floor_targets,
    "progress": floor_progress,
    "compliance": floor_compliance,
    "registry": floor_registry,
    "budget": floor_budget,
    "drilldown": floor_drilldown,
    "plan_list": floor_plan_list,
    "report_list": floor_report_list,
    "registry_list": floor_registry_list,
}

# ================================================================================ checks
#
# Each check reads the page's own context (the Django test client keeps it) and returns the
# list of differences with the floor's figures: empty when the floor is honest.


def _vnd(value) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal(1))


def _diff(name, page, floor) -> list[str]:
    return [] if page == floor else [f"{name}: page {page!r} ≠ floor {floor!r}"]


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return abs(Decimal(str(a)) - Decimal(str(b))) <= Decimal("0.0001") * max(1, abs(Decimal(str(b))))


def check_home(ctx, f) -> list[str]:
    from plans import progress

    out = _diff("plans", {k: ctx["plans"][k] for k in ("active", "draft", "closed")}, f["plans"])
    out += _diff("reports", {k: ctx["reports"][k] for k in f["reports"]}, f["reports"])
    b = ctx["budget"]
    out += _diff("budget", (_vnd(b["allocated"]), Decimal(b["spent"]), b["lines"]),
                 (_vnd(f["budget"]["allocated"]), Decimal(f["budget"]["spent"]), f["budget"]["lines"]))
    out += _diff("targets", {k: ctx["targets"][k] for k in progress.STATUS_ORDER}, f["targets"])
    page_children = {c.pk: {k: getattr(c, k) for k in f["children"].get(c.pk, {})} for c in ctx["children"]}
    out += _diff("children", page_children, f["children"])
    return out


def check_targets(ctx, f) -> list[str]:
    page = ctx["page_obj"]
    out = _diff("count", page.paginator.count, f["count"])
    out += _diff("page ids", [r["target"].pk for r in ctx["rows"]], f["page_ids"])
    bad = [r["target"].pk for r, pct in zip(ctx["rows"], f["percents"], strict=False)
           if not _close(r["progress"].percent_of_plan, pct)]
    return out + ([f"percentages differ for targets {bad[:5]}"] if bad else [])


def check_progress(ctx, f) -> list[str]:
    rows = ctx["rows"]
    out = _diff("plan", ctx["plan"].pk, f["plan"])
    out += _diff("targets", [r["target"].pk for r in rows], f["target_ids"])
    out += _diff("statuses", [r["progress"].status for r in rows], f["statuses"])
    out += _diff("periods", sum(len(r["history"]) for r in rows), f["periods"])
    bad = [r["target"].pk for r in rows if not _close(r["actual"], f["latest"].get(r["target"].pk))]
    return out + ([f"latest values differ for targets {bad[:5]}"] if bad else [])


def check_compliance(ctx, f) -> list[str]:
    m = ctx["matrix"]
    page_rows = sorted((r.agency_id, {k: r.totals[k] for k in ("total", *STATES)}) for r in m["rows"])
    out = _diff("rows", page_rows, sorted(f["rows"]))
    out += _diff("agencies", ctx["page_obj"].paginator.count, f["agencies"])
    out += _diff("columns", len(m["columns"]), f["columns"])
    out += _diff("cells", sum(len(r.cells) for r in m["rows"]), f["cells"])
    return out + _diff("reports", {k: ctx["counts"][k] for k in f["reports"]}, f["reports"])


def check_registry(ctx, f) -> list[str]:
    kinds = {k["kind"]: {s: k[s] for s in ("active", "suspended", "dissolved", "planned") if k[s]} for k in ctx["kinds"]}
    out = _diff("kinds", kinds, f["kinds"])
    out += _diff("ratings", {r["rating"]: r["count"] for r in ctx["ratings"] if r["count"]}, f["ratings"])
    flows = {}
    for r in ctx["flows"]:
        for what in ("founded", "dissolved"):
            if r[what]:
                flows[(what, r["year"])] = r[what]
    out += _diff("flows", flows, f["flows"])
    fin = {r["year"]: r["records"] for r in ctx["finance"] if r["records"]}
    out += _diff("finance records", fin, {y: v[0] for y, v in f["finance"].items()})
    bad = [r["year"] for r in ctx["finance"] if r["records"] and not _close(r["revenue_avg"], f["finance"][r["year"]][2])]
    out += [f"finance revenue differs in {bad}"] if bad else []
    return out + _diff("coverage", {k: ctx["coverage"][k] for k in ("total", "covered")}, f["coverage"])


def check_budget(ctx, f) -> list[str]:
    page = ctx["page_obj"]
    out = _diff("count", page.paginator.count, f["count"])
    out += _diff("page", [(p.pk, _vnd(p.allocated), _vnd(p.spent)) for p in page.object_list],
                 [(pk, _vnd(a), _vnd(s)) for pk, a, s in f["page"]])
    b = ctx["budget"]
    return out + _diff("budget", (_vnd(b["allocated"]), _vnd(b["spent"]), b["lines"]),
                       (_vnd(f["budget"]["allocated"]), _vnd(f["budget"]["spent"]), f["budget"]["lines"]))


def _list_check(ctx, f, key="page_ids", attr="pk") -> list[str]:
    page = ctx["page_obj"]
    return _diff("count", page.paginator.count, f["count"]) + _diff(
        key, [getattr(o, attr) for o in page.object_list], f[key]
    )


def check_registry_list(ctx, f) -> list[str]:
    from core.listtools import esc

    out = _diff("year", ctx["year"], f["year"]) + _list_check(ctx, f, "page_names", "name")
    if ctx["list_tools"]["show"].get("commune"):
        out += _diff("hints missing from the rows", [h for h in f["hints"].values() if esc(h) not in ctx["rows_html"]], [])
    return out


CHECKS = {
    "home": check_home,
    "targets": check_targets,
    "progress": check_progress,
    "compliance": check_compliance,
    "registry": check_registry,
    "budget": check_budget,
    "drilldown": _list_check,
    "plan_list": _list_check,
    "report_list": _list_check,
    "registry_list": check_registry_list,
}
