-- The contract's indicator definitions (/work/shared/data-contract.md) as SQL, translated from
-- the independent oracle tools/reference/reference_report.py (months paired one to one: the
-- generated data has no January–February fold). Run by bench/duckdb_report.mjs on DuckDB and by
-- the sqlite3 CLI on SQLite: the same text, with {{Y}}, {{M}}, {{P}} (the period) and {{SUM}}
-- (DuckDB: fsum, a compensated sum like zhizao's and the oracle's math.fsum; SQLite 3.40: sum)
-- filled in by bench/bench.sh. Statements are separated by lines starting with "-- @@".
-- Every result row carries its section in column q; bench/assemble_report.py builds the
-- contract's JSON from the rows.
-- @@ the window's comparable pairs: one row per in-scope (enterprise, month) of the window
CREATE TEMP TABLE sc AS
SELECT uscc, division, region, park, chains, is_key,
       CASE WHEN pva IS NOT NULL THEN cva END AS va_c,
       CASE WHEN cva IS NOT NULL THEN pva END AS va_p,
       CASE WHEN out_p IS NOT NULL THEN out_now END AS out_c,
       out_p,
       CASE WHEN el_p IS NOT NULL THEN el_now END AS el_c,
       CASE WHEN el_now IS NOT NULL THEN el_p END AS el_p
FROM (
  SELECT c.uscc AS uscc, e.division AS division, e.region AS region, e.park AS park,
         e.chains AS chains, e.is_key AS is_key,
         -- cva = va / (ppi / 100), va = value_added else output × ratio(division, Y)
         COALESCE(c.value_added, c.output * rc.ratio) / (COALESCE(d.ppi, 100.0) / 100.0) AS cva,
         -- prev_va = value_added_prev, else output_prev × ratio(Y−1), else va of m−12 (ratio Y−1)
         COALESCE(c.value_added_prev, c.output_prev * rp.ratio, l.value_added,
                  l.output * rp.ratio) AS pva,
         c.output AS out_now,
         COALESCE(c.output_prev, l.output) AS out_p,
         c.electricity AS el_now,
         COALESCE(c.electricity_prev, l.electricity) AS el_p
  FROM monthly c
  JOIN enterprises e ON e.uscc = c.uscc
  LEFT JOIN monthly l ON l.uscc = c.uscc AND l.y = c.y - 1 AND l.mo = c.mo
  LEFT JOIN va_ratios rc ON rc.division = e.division AND rc.year = c.y
  LEFT JOIN va_ratios rp ON rp.division = e.division AND rp.year = c.y - 1
  LEFT JOIN deflators d ON d.division = e.division AND d.y = c.y AND d.mo = c.mo
  WHERE c.y = {{Y}} AND c.mo BETWEEN 1 AND {{M}} AND c.in_scope = 1 AND e.industrial = 1
) AS v;
-- @@ the industrial total T
CREATE TEMP TABLE tot AS
SELECT {{SUM}}(va_c) AS vc, {{SUM}}(va_p) AS vp, count(va_c) AS vn,
       {{SUM}}(CASE WHEN division BETWEEN '13' AND '43' THEN va_c END) AS mc,
       {{SUM}}(CASE WHEN division BETWEEN '13' AND '43' THEN va_p END) AS mp,
       count(CASE WHEN division BETWEEN '13' AND '43' THEN va_c END) AS mn,
       {{SUM}}(out_c) AS oc, {{SUM}}(out_p) AS op, count(out_c) AS onum,
       {{SUM}}(el_c) AS ec, {{SUM}}(el_p) AS ep, count(el_c) AS en,
       count(DISTINCT uscc) AS enterprises
FROM sc;
-- @@
SELECT 'industry' AS q,
       CASE WHEN vn > 0 AND vp <> 0 THEN 100.0 * (vc / vp - 1.0) END AS value_added_growth,
       CASE WHEN mn > 0 AND mp <> 0 THEN 100.0 * (mc / mp - 1.0) END
         AS manufacturing_value_added_growth,
       CASE WHEN onum > 0 AND op <> 0 THEN 100.0 * (oc / op - 1.0) END AS output_growth,
       CASE WHEN en > 0 AND ep <> 0 THEN 100.0 * (ec / ep - 1.0) END AS electricity_growth,
       enterprises
FROM tot;
-- @@ breadth: manufacturing divisions with a comparable pair; growing G > 0; double digit G ≥ 10
SELECT 'breadth' AS q, count(*) AS with_data,
       sum(CASE WHEN g > 0 THEN 1 ELSE 0 END) AS growing,
       sum(CASE WHEN g >= 10 THEN 1 ELSE 0 END) AS double_digit,
       CASE WHEN count(*) > 0
            THEN 100.0 * sum(CASE WHEN g > 0 THEN 1 ELSE 0 END) / count(*) END AS share
FROM (SELECT CASE WHEN vp <> 0 THEN 100.0 * (vc / vp - 1.0) END AS g
      FROM (SELECT {{SUM}}(va_c) AS vc, {{SUM}}(va_p) AS vp, count(va_c) AS vn FROM sc
            WHERE division BETWEEN '13' AND '43' GROUP BY division) AS per_division
      WHERE vn > 0) AS grown;
-- @@ divisions: growth, contribution (贡献率) and pull (拉动) against the industrial total
SELECT 'divisions' AS q, s.division AS code,
       CASE WHEN s.vn > 0 AND s.vp <> 0 THEN 100.0 * (s.vc / s.vp - 1.0) END AS value_added_growth,
       CASE WHEN s.vn > 0 AND t.vn > 0 AND t.vc - t.vp <> 0
            THEN 100.0 * (s.vc - s.vp) / (t.vc - t.vp) END AS contribution,
       CASE WHEN s.vn > 0 AND t.vn > 0 AND t.vp <> 0 THEN 100.0 * (s.vc - s.vp) / t.vp END AS pull
FROM (SELECT division, {{SUM}}(va_c) AS vc, {{SUM}}(va_p) AS vp, count(va_c) AS vn
      FROM sc GROUP BY division) AS s CROSS JOIN tot AS t
ORDER BY code;
-- @@ regions (county-level units), as divisions
SELECT 'regions' AS q, s.region AS code,
       CASE WHEN s.vn > 0 AND s.vp <> 0 THEN 100.0 * (s.vc / s.vp - 1.0) END AS value_added_growth,
       CASE WHEN s.vn > 0 AND t.vn > 0 AND t.vc - t.vp <> 0
            THEN 100.0 * (s.vc - s.vp) / (t.vc - t.vp) END AS contribution,
       CASE WHEN s.vn > 0 AND t.vn > 0 AND t.vp <> 0 THEN 100.0 * (s.vc - s.vp) / t.vp END AS pull
FROM (SELECT region, {{SUM}}(va_c) AS vc, {{SUM}}(va_p) AS vp, count(va_c) AS vn
      FROM sc GROUP BY region) AS s CROSS JOIN tot AS t
ORDER BY code;
-- @@ provinces (the first two digits of the county code), as divisions
SELECT 'provinces' AS q, s.province AS code,
       CASE WHEN s.vn > 0 AND s.vp <> 0 THEN 100.0 * (s.vc / s.vp - 1.0) END AS value_added_growth,
       CASE WHEN s.vn > 0 AND t.vn > 0 AND t.vc - t.vp <> 0
            THEN 100.0 * (s.vc - s.vp) / (t.vc - t.vp) END AS contribution,
       CASE WHEN s.vn > 0 AND t.vn > 0 AND t.vp <> 0 THEN 100.0 * (s.vc - s.vp) / t.vp END AS pull
FROM (SELECT substr(region, 1, 2) || '0000' AS province, {{SUM}}(va_c) AS vc,
             {{SUM}}(va_p) AS vp, count(va_c) AS vn
      FROM sc GROUP BY substr(region, 1, 2)) AS s CROSS JOIN tot AS t
ORDER BY code;
-- @@ parks
SELECT 'parks' AS q, park AS id,
       CASE WHEN count(va_c) > 0 AND {{SUM}}(va_p) <> 0
            THEN 100.0 * ({{SUM}}(va_c) / {{SUM}}(va_p) - 1.0) END AS value_added_growth
FROM sc WHERE park IS NOT NULL GROUP BY park ORDER BY id;
-- @@ chains: an enterprise names at most two (the generator's promise, checked below)
SELECT 'chains' AS q, chain AS id,
       CASE WHEN count(va_c) > 0 AND {{SUM}}(va_p) <> 0
            THEN 100.0 * ({{SUM}}(va_c) / {{SUM}}(va_p) - 1.0) END AS value_added_growth
FROM (SELECT CASE WHEN instr(chains, ';') > 0 THEN substr(chains, 1, instr(chains, ';') - 1)
                  ELSE chains END AS chain, va_c, va_p
      FROM sc WHERE chains IS NOT NULL
      UNION ALL
      SELECT substr(chains, instr(chains, ';') + 1) AS chain, va_c, va_p
      FROM sc WHERE instr(chains, ';') > 0) AS named
GROUP BY chain ORDER BY id;
-- @@ key enterprises: each one's own output growth g_e over its comparable pairs
CREATE TEMP TABLE own AS
SELECT uscc, CASE WHEN count(out_c) > 0 AND {{SUM}}(out_p) <> 0
                  THEN 100.0 * ({{SUM}}(out_c) / {{SUM}}(out_p) - 1.0) END AS g
FROM sc WHERE is_key = 1 GROUP BY uscc;
-- @@ key enterprises: count of all with key = 1, output growth, g_e > 50, g_e ≥ 100
SELECT 'key_enterprises' AS q,
       (SELECT count(*) FROM enterprises WHERE is_key = 1) AS count,
       (SELECT CASE WHEN count(out_c) > 0 AND {{SUM}}(out_p) <> 0
                    THEN 100.0 * ({{SUM}}(out_c) / {{SUM}}(out_p) - 1.0) END
        FROM sc WHERE is_key = 1) AS output_growth,
       (SELECT count(*) FROM own WHERE g > 50) AS over_50,
       (SELECT count(*) FROM own WHERE g >= 100) AS doubled,
       (SELECT count(*) FROM enterprises WHERE chains LIKE '%;%;%') AS chains_over_two;
-- @@ projects, year to date: 1 January of Y to the last day of month M
SELECT 'projects' AS q,
       (SELECT COALESCE({{SUM}}(investment), 0.0) FROM project_progress
        WHERE y = {{Y}} AND mo BETWEEN 1 AND {{M}}) AS investment,
       (SELECT count(*) FROM projects
        WHERE substr(planned_start, 1, 7) BETWEEN '{{Y}}-01' AND '{{P}}') AS planned_starts,
       (SELECT count(*) FROM projects
        WHERE substr(actual_start, 1, 7) BETWEEN '{{Y}}-01' AND '{{P}}') AS actual_starts,
       (SELECT count(*) FROM projects
        WHERE substr(planned_start, 1, 4) = '{{Y}}') AS year_planned_starts,
       (SELECT count(*) FROM projects
        WHERE substr(planned_completion, 1, 7) BETWEEN '{{Y}}-01' AND '{{P}}')
         AS planned_completions,
       (SELECT count(*) FROM projects
        WHERE substr(actual_completion, 1, 7) BETWEEN '{{Y}}-01' AND '{{P}}')
         AS actual_completions;
-- @@ projects lagging (data contract, v2 additions): with D the last day of month M of Y, a
-- planned start on or before D without an actual start on or before D, or the same for the
-- completion. Dates are ISO text, so '{{P}}-31' bounds every day of month M; empty cells are
-- NULL in DuckDB's copy and '' in SQLite's.
SELECT 'lagging' AS q, id FROM projects
WHERE (NULLIF(planned_start, '') <= '{{P}}-31'
       AND (NULLIF(actual_start, '') IS NULL OR actual_start > '{{P}}-31'))
   OR (NULLIF(planned_completion, '') <= '{{P}}-31'
       AND (NULLIF(actual_completion, '') IS NULL OR actual_completion > '{{P}}-31'))
ORDER BY id;
