-- The contract's CSV files of the generated dataset into a SQLite database with the sqlite3 CLI
-- (Debian's): .import into text staging tables, then typed tables (empty field = NULL) and the
-- indexes the report's joins need. {{DIR}} is the CSV directory. For information only.
CREATE TABLE s_enterprises(uscc TEXT, name TEXT, industry TEXT, region TEXT, park TEXT,
                           chains TEXT, key TEXT);
CREATE TABLE s_monthly(uscc TEXT, period TEXT, output TEXT, value_added TEXT, electricity TEXT,
                       output_prev TEXT, value_added_prev TEXT, electricity_prev TEXT,
                       in_scope TEXT);
CREATE TABLE s_deflators(industry TEXT, period TEXT, ppi TEXT);
CREATE TABLE s_va_ratios(industry TEXT, year TEXT, ratio TEXT);
CREATE TABLE s_projects(id TEXT, name TEXT, region TEXT, total_investment TEXT, industry TEXT,
                        chain TEXT, park TEXT, year_plan_investment TEXT, planned_start TEXT,
                        actual_start TEXT, planned_completion TEXT, actual_completion TEXT);
CREATE TABLE s_project_progress(id TEXT, period TEXT, investment TEXT);
.import --csv --skip 1 {{DIR}}/enterprises.csv s_enterprises
.import --csv --skip 1 {{DIR}}/monthly.csv s_monthly
.import --csv --skip 1 {{DIR}}/deflators.csv s_deflators
.import --csv --skip 1 {{DIR}}/va_ratios.csv s_va_ratios
.import --csv --skip 1 {{DIR}}/projects.csv s_projects
.import --csv --skip 1 {{DIR}}/project_progress.csv s_project_progress
BEGIN;
CREATE TABLE enterprises(uscc TEXT PRIMARY KEY, name TEXT, industry TEXT, division TEXT,
                         industrial INTEGER, region TEXT, park TEXT, chains TEXT, is_key INTEGER);
INSERT INTO enterprises
SELECT uscc, name, industry, substr(industry, 1, 2),
       CASE WHEN CAST(substr(industry, 1, 2) AS INTEGER) BETWEEN 6 AND 46 THEN 1 ELSE 0 END,
       region, NULLIF(park, ''), NULLIF(chains, ''), COALESCE(CAST(NULLIF(key, '') AS INTEGER), 0)
FROM s_enterprises;
CREATE TABLE monthly(uscc TEXT, y INTEGER, mo INTEGER, output REAL, value_added REAL,
                     electricity REAL, output_prev REAL, value_added_prev REAL,
                     electricity_prev REAL, in_scope INTEGER);
INSERT INTO monthly
SELECT uscc, CAST(substr(period, 1, 4) AS INTEGER), CAST(substr(period, 6, 2) AS INTEGER),
       CAST(NULLIF(output, '') AS REAL), CAST(NULLIF(value_added, '') AS REAL),
       CAST(NULLIF(electricity, '') AS REAL), CAST(NULLIF(output_prev, '') AS REAL),
       CAST(NULLIF(value_added_prev, '') AS REAL), CAST(NULLIF(electricity_prev, '') AS REAL),
       COALESCE(CAST(NULLIF(in_scope, '') AS INTEGER), 1)
FROM s_monthly;
CREATE TABLE deflators AS
SELECT substr(industry, 1, 2) AS division, CAST(substr(period, 1, 4) AS INTEGER) AS y,
       CAST(substr(period, 6, 2) AS INTEGER) AS mo, CAST(ppi AS REAL) AS ppi
FROM s_deflators;
CREATE TABLE va_ratios AS
SELECT substr(industry, 1, 2) AS division, CAST(year AS INTEGER) AS year,
       CAST(ratio AS REAL) AS ratio
FROM s_va_ratios;
CREATE TABLE projects AS
SELECT id, NULLIF(planned_start, '') AS planned_start, NULLIF(actual_start, '') AS actual_start,
       NULLIF(planned_completion, '') AS planned_completion,
       NULLIF(actual_completion, '') AS actual_completion
FROM s_projects;
CREATE TABLE project_progress AS
SELECT id, CAST(substr(period, 1, 4) AS INTEGER) AS y, CAST(substr(period, 6, 2) AS INTEGER) AS mo,
       CAST(investment AS REAL) AS investment
FROM s_project_progress;
CREATE INDEX monthly_by_key ON monthly(uscc, y, mo);
CREATE INDEX monthly_by_month ON monthly(y, mo);
DROP TABLE s_enterprises;
DROP TABLE s_monthly;
DROP TABLE s_deflators;
DROP TABLE s_va_ratios;
DROP TABLE s_projects;
DROP TABLE s_project_progress;
COMMIT;
