-- The leader's dashboard aggregates written by hand: the lower bound for dashboards:home
-- and dashboards:registry, for psql, \timing and EXPLAIN (docs/benchmarks.md).
--
--   psql postgres://postgres@127.0.0.1:5432/coopplan_scale -v code=51 \
--        -v y0=2026-01-01 -v y1=2026-12-31 -v today=2026-11-25 -f benchmarks/dashboards_raw.sql
--
-- The area is the province with official code :code, the units below it and the units
-- that preceded it (as directory.selectors.unit_area_q). It is resolved once into a temp
-- table of unit ids, which is what a hand-tuned query would do; the portal instead sends
-- the same condition as OR-ed "path LIKE 'prefix%'" filters in every query.
\timing on
\set QUIET on
DROP TABLE IF EXISTS area_units;
CREATE TEMP TABLE area_units AS
WITH RECURSIVE lineage(id) AS (
    SELECT id FROM directory_administrativeunit
     WHERE code = :'code' AND level = 'province' AND valid_to IS NULL
    UNION
    SELECT s.from_administrativeunit_id
      FROM directory_administrativeunit_successors s JOIN lineage l ON s.to_administrativeunit_id = l.id
)
SELECT u.id, u.level, u.valid_to
  FROM directory_administrativeunit u
 WHERE EXISTS (SELECT 1 FROM directory_administrativeunit a JOIN lineage l ON l.id = a.id
                WHERE u.path LIKE a.path || '%');
CREATE INDEX ON area_units (id);
ANALYZE area_units;
\set QUIET off

-- 1. Plans: active in the window, drafts.
SELECT count(*) FILTER (WHERE p.status = 'issued' AND p.period_start <= :'y1' AND p.period_end >= :'y0') AS active,
       count(*) FILTER (WHERE p.status = 'draft' AND p.period_start <= :'y1' AND p.period_end >= :'y0') AS draft
  FROM plans_plan p JOIN directory_agency g ON g.id = p.issuer_id
 WHERE g.unit_id IN (SELECT id FROM area_units);

-- 2. Reports due in the window: on time, late, missing, returned, not yet due.
SELECT count(*) AS total,
       count(*) FILTER (WHERE o.status = 'returned') AS returned,
       count(*) FILTER (WHERE o.status IN ('submitted', 'approved')
                          AND (o.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > r.due_date) AS late,
       count(*) FILTER (WHERE o.status IN ('submitted', 'approved')
                          AND (o.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= r.due_date) AS on_time,
       count(*) FILTER (WHERE o.status IN ('not_started', 'draft') AND r.due_date < :'today') AS missing,
       count(*) FILTER (WHERE o.status IN ('not_started', 'draft') AND r.due_date >= :'today') AS pending
  FROM reports_obligation o
  JOIN reports_reportingperiod r ON r.id = o.period_id
  JOIN directory_agency g ON g.id = o.agency_id
 WHERE o.kind = 'submission' AND r.due_date BETWEEN :'y0' AND :'y1'
   AND g.unit_id IN (SELECT id FROM area_units);

-- 3. Budget allocated for the year vs spent in approved reports of the window.
WITH lines AS (
    SELECT b.id, b.amount FROM plans_budgetline b
      JOIN plans_plan p ON p.id = b.plan_id JOIN directory_agency g ON g.id = p.issuer_id
     WHERE p.status = 'issued' AND p.period_start <= :'y1' AND p.period_end >= :'y0'
       AND (b.year = extract(year FROM :'y0'::date) OR b.year IS NULL)
       AND g.unit_id IN (SELECT id FROM area_units)
)
SELECT (SELECT sum(amount) FROM lines) AS allocated,
       (SELECT sum(s.amount) FROM reports_budgetspending s
          JOIN reports_obligation o ON o.id = s.obligation_id JOIN reports_reportingperiod r ON r.id = o.period_id
         WHERE s.budget_line_id IN (SELECT id FROM lines) AND o.status = 'approved' AND o.kind = 'submission'
           AND r."end" BETWEEN :'y0' AND :'y1') AS spent;

-- 4. Latest approved value per target of the area's active plans (submissions summed per
--    period; the status classification itself is plans.progress, in Python).
SELECT DISTINCT ON (v.target_id) v.target_id, r."end", sum(v.value) AS value
  FROM reports_reportedvalue v
  JOIN reports_obligation o ON o.id = v.obligation_id AND o.status = 'approved'
  JOIN reports_reportingperiod r ON r.id = o.period_id
 WHERE r."end" <= :'y1'
   AND v.target_id IN (SELECT t.id FROM plans_plantarget t JOIN plans_plan p ON p.id = t.plan_id
                         JOIN directory_agency g ON g.id = p.issuer_id
                        WHERE p.status = 'issued' AND p.period_start <= :'y1' AND p.period_end >= :'y0'
                          AND t.milestone_year >= extract(year FROM :'y0'::date)
                          AND g.unit_id IN (SELECT id FROM area_units))
 GROUP BY v.target_id, r.id, r."end"
 ORDER BY v.target_id, r."end" DESC;

-- 5. Registry: organisations by kind and status.
SELECT kind, status, count(*) FROM cooperatives_organisation
 WHERE commune_id IN (SELECT id FROM area_units) GROUP BY kind, status ORDER BY kind, status;

-- 6. Registry: rating distribution of last year.
SELECT y.rating, count(*) FROM cooperatives_yearlyrecord y JOIN cooperatives_organisation o ON o.id = y.organisation_id
 WHERE o.commune_id IN (SELECT id FROM area_units) AND y.year = extract(year FROM :'y0'::date) - 1
 GROUP BY y.rating;

-- 7. Registry: revenue and income trends over five years.
SELECT y.year, count(*), sum(y.revenue), avg(y.revenue), avg(y.avg_income)
  FROM cooperatives_yearlyrecord y JOIN cooperatives_organisation o ON o.id = y.organisation_id
 WHERE o.commune_id IN (SELECT id FROM area_units)
   AND y.year BETWEEN extract(year FROM :'y0'::date) - 4 AND extract(year FROM :'y0'::date)
 GROUP BY y.year ORDER BY y.year;

-- 8. Registry: current communes with at least one active agricultural HTX.
SELECT count(*) AS communes,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cooperatives_organisation o
                                       WHERE o.commune_id = a.id AND o.kind = 'htx'
                                         AND o.is_agricultural AND o.status = 'active')) AS covered
  FROM area_units a WHERE a.level = 'commune' AND a.valid_to IS NULL;
