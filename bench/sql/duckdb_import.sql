-- The contract's CSV files of the generated dataset into a DuckDB database file, typed by
-- read_csv as it parses (DuckDB at its best: no staging, all threads). {{DIR}} is the CSV
-- directory. The generator writes the columns in this order; the contract's other spellings
-- (Chinese headers, GB18030, YYYYMM periods) are not needed here. Statements end with ";" at the
-- end of a line.
CREATE TABLE enterprises AS
SELECT uscc, name, industry, substr(industry, 1, 2) AS division,
       CASE WHEN CAST(substr(industry, 1, 2) AS INTEGER) BETWEEN 6 AND 46 THEN 1 ELSE 0 END
         AS industrial,
       region, park, chains, COALESCE(key, 0) AS is_key
FROM read_csv('{{DIR}}/enterprises.csv', header = true,
              columns = {'uscc': 'VARCHAR', 'name': 'VARCHAR', 'industry': 'VARCHAR',
                         'region': 'VARCHAR', 'park': 'VARCHAR', 'chains': 'VARCHAR',
                         'key': 'INTEGER'});
CREATE TABLE monthly AS
SELECT uscc, CAST(substr(period, 1, 4) AS INTEGER) AS y, CAST(substr(period, 6, 2) AS INTEGER) AS mo,
       output, value_added, electricity, output_prev, value_added_prev, electricity_prev,
       COALESCE(in_scope, 1) AS in_scope
FROM read_csv('{{DIR}}/monthly.csv', header = true,
              columns = {'uscc': 'VARCHAR', 'period': 'VARCHAR', 'output': 'DOUBLE',
                         'value_added': 'DOUBLE', 'electricity': 'DOUBLE',
                         'output_prev': 'DOUBLE', 'value_added_prev': 'DOUBLE',
                         'electricity_prev': 'DOUBLE', 'in_scope': 'INTEGER'});
CREATE TABLE deflators AS
SELECT substr(industry, 1, 2) AS division, CAST(substr(period, 1, 4) AS INTEGER) AS y,
       CAST(substr(period, 6, 2) AS INTEGER) AS mo, ppi
FROM read_csv('{{DIR}}/deflators.csv', header = true,
              columns = {'industry': 'VARCHAR', 'period': 'VARCHAR', 'ppi': 'DOUBLE'});
CREATE TABLE va_ratios AS
SELECT substr(industry, 1, 2) AS division, year, ratio
FROM read_csv('{{DIR}}/va_ratios.csv', header = true,
              columns = {'industry': 'VARCHAR', 'year': 'INTEGER', 'ratio': 'DOUBLE'});
CREATE TABLE projects AS
SELECT id, planned_start, actual_start, planned_completion, actual_completion
FROM read_csv('{{DIR}}/projects.csv', header = true, all_varchar = true);
CREATE TABLE project_progress AS
SELECT id, CAST(substr(period, 1, 4) AS INTEGER) AS y, CAST(substr(period, 6, 2) AS INTEGER) AS mo,
       investment
FROM read_csv('{{DIR}}/project_progress.csv', header = true,
              columns = {'id': 'VARCHAR', 'period': 'VARCHAR', 'investment': 'DOUBLE'});
