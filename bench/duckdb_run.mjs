// The DuckDB peer of `make bench`: runs an SQL file on a DuckDB database file in one process.
//   node duckdb_run.mjs import DB SQL_FILE      (creates DB afresh; statements end with ";\n")
//   node duckdb_run.mjs report DB SQL_FILE      (statements separated by "-- @@" lines; prints
//                                                the rows of every SELECT as one JSON array)
// The SQL is already filled in (bench.sh substitutes the placeholders), so that what is timed is
// DuckDB's own work: open the file, run the statements, print the rows.
import { readFileSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [mode, dbPath, sqlPath] = process.argv.slice(2);
if (!['import', 'report'].includes(mode) || !dbPath || !sqlPath) {
  console.error('usage: node duckdb_run.mjs import|report DB SQL_FILE');
  process.exit(1);
}
const text = readFileSync(sqlPath, 'utf8');
if (mode === 'import') {
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.wal`, { force: true });
}
const instance = await DuckDBInstance.create(dbPath);
const connection = await instance.connect();
const statements =
  mode === 'import'
    ? text.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter(Boolean)
    : text.split(/^-- @@.*$/m).map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter(Boolean);
const rows = [];
for (const statement of statements) {
  const reader = await connection.runAndReadAll(statement);
  if (/^\s*SELECT/i.test(statement)) rows.push(...reader.getRowObjectsJson());
}
if (mode === 'report') process.stdout.write(`${JSON.stringify(rows)}\n`);
connection.closeSync();
instance.closeSync();
