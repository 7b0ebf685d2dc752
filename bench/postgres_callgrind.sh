#!/usr/bin/env bash
# What PostgreSQL's server spends writing a paper import's rows, in instructions (repeatable on a busy machine,
# where wall-clock times are not): `valgrind --tool=callgrind` around a single-user backend (`postgres --single`)
# inserting the first SHEETS sheets of an import of the 100,000 sheets of bench/postgres.sh, in one transaction,
# `INSERT … SELECT` from copies of the rows the import stored. One database per layout, made from the same
# template; the backend's start (a `SELECT 1`) is subtracted.
#
#   bench/postgres_callgrind.sh [SHEETS]     default 10000
#   PSYSCREEN_BENCH_BIN=/path/to/psyscreen   another build makes the schema and the rows (default: this checkout's)
#
# Layouts (each row: millions of instructions for SHEETS sheets):
#   results-column  the results inside the attempt row (schema v7): one text column `results` (ResultColumn), no
#                   second table
#   attempts        the attempts with an empty `results` (what the results cost is the difference)
# and with a build from before v7 (PSYSCREEN_BENCH_BIN), whose import wrote the results as rows of their own:
#   results-table   the attempts, then their results in `instrument_result` (two rows per sheet, its primary key and
#                   its key check, PostgresKeyChecks)
#   no-check        the same without the results' key check (its trigger dropped)
#   results-column  the same rows written into a `results` column added to `attempt` (ResultColumn's format)
#   attempts        the attempts alone
# Needs valgrind and Debian's PostgreSQL; starts a throw-away server (.ci/postgres-server) and removes it at the end.
set -euo pipefail

SHEETS=${1:-10000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/lib.sh"
command -v valgrind >/dev/null || { echo "bench: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
inputs=$here/out/postgres-100000
if [ ! -f "$inputs/sheets.csv" ] || [ ! -f "$inputs/roster.csv" ]; then
  echo "bench: generating the 100,000 sheets once (bench/postgres.sh 100000 0)" >&2
  RUNS=1 bash "$here/postgres.sh" 100000 0 >/dev/null
fi
if [ -n "${PSYSCREEN_BENCH_BIN:-}" ]; then  # another build: this checkout's is not built
  bin=$PSYSCREEN_BENCH_BIN
  export PSYSCREEN_INSTRUMENTS=$repo/instruments
else
  bench_release_build
fi

eval "$(bash "$repo/.ci/postgres-server" start)"
trap 'bash "$repo/.ci/postgres-server" stop "$PSYSCREEN_CI_PGDIR"' EXIT
server=$PSYSCREEN_TEST_POSTGRES
base=${server%/*}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_server=()
if [ "$(id -u)" -eq 0 ]; then as_server=(runuser -u postgres --); fi
work=$PSYSCREEN_CI_PGDIR/callgrind
mkdir -p "$work"
chmod 777 "$work"
sql() { psql -X -q -v ON_ERROR_STOP=1 "$base/$1" -c "$2" >/dev/null; }

# The rows of a real import, kept as source tables; the tables the import wrote emptied again.
sql postgres "CREATE DATABASE source"
{ "$bin" roster import --db "$base/source" "$inputs/roster.csv" &&
  "$bin" import --db "$base/source" --wave 2026-autumn --battery annual "$inputs/sheets.csv"; } >"$work/import.log" 2>&1 ||
  { cat "$work/import.log" >&2; exit 1; }
older=$(psql -X -At "$base/source" -c "SELECT to_regclass('instrument_result') IS NOT NULL")
columns="id, wave_id, student_id, battery_id, battery_version, source, state, started_at, finished_at, import_id, source_line, level, reasons, scored, validity, crisis_at"
if [ "$older" = t ]; then
  psql -X -q -v ON_ERROR_STOP=1 "$base/source" >/dev/null <<EOF
CREATE TABLE src_attempt AS SELECT * FROM attempt WHERE id IN (SELECT id FROM attempt ORDER BY id LIMIT $SHEETS);
CREATE TABLE src_result AS SELECT r.* FROM instrument_result r JOIN src_attempt a ON a.id = r.attempt_id;
CREATE TABLE src_folded AS SELECT a.*, (
    SELECT string_agg(concat_ws(E'\t', r.instrument_id, r.instrument_version, r.status, r.flags,
        CASE WHEN r.crisis THEN '1' ELSE '0' END, r.validity, r.answers, r.scales), E'\n' ORDER BY r.position)
    FROM instrument_result r WHERE r.attempt_id = a.id) AS results
FROM src_attempt a;
TRUNCATE instrument_result, answer, attempt;
VACUUM ANALYZE;
EOF
  layouts=(results-table no-check attempts results-column)
else
  psql -X -q -v ON_ERROR_STOP=1 "$base/source" >/dev/null <<EOF
CREATE TABLE src_folded AS SELECT * FROM attempt WHERE id IN (SELECT id FROM attempt ORDER BY id LIMIT $SHEETS);
CREATE TABLE src_attempt AS SELECT $columns FROM src_folded;
TRUNCATE answer, attempt;
VACUUM ANALYZE;
EOF
  layouts=(results-column attempts)
fi

results="attempt_id, instrument_id, instrument_version, position, status, flags, crisis, validity, answers, scales"
attempts="INSERT INTO attempt ($columns) SELECT $columns FROM src_attempt;"
printf 'SELECT 1;\n' >"$work/start.sql"
printf 'BEGIN;\n%s\nINSERT INTO instrument_result (%s) SELECT %s FROM src_result;\nCOMMIT;\n' "$attempts" "$results" "$results" \
  >"$work/results-table.sql"
cp "$work/results-table.sql" "$work/no-check.sql"
printf 'BEGIN;\n%s\nCOMMIT;\n' "$attempts" >"$work/attempts.sql"
printf 'BEGIN;\nINSERT INTO attempt (%s, results) SELECT %s, results FROM src_folded;\nCOMMIT;\n' "$columns" "$columns" \
  >"$work/results-column.sql"
for layout in "${layouts[@]}"; do
  db=layout_${layout//-/_}
  sql postgres "CREATE DATABASE $db TEMPLATE source"
  case $layout in
  no-check) sql "$db" "DROP TRIGGER psyscreen_parents_insert ON instrument_result" ;;
  results-column) if [ "$older" = t ]; then sql "$db" "ALTER TABLE attempt ADD COLUMN results text COLLATE \"C\" NOT NULL DEFAULT ''"; fi ;;
  esac
done
sql postgres CHECKPOINT
"${as_server[@]}" "$pgbin/pg_ctl" -D "$PSYSCREEN_CI_PGDIR/data" -m fast stop >/dev/null

instructions() {  # DATABASE SCRIPT: the instructions of a single-user backend running the script
  "${as_server[@]}" valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$2" \
    "$pgbin/postgres" --single -D "$PSYSCREEN_CI_PGDIR/data" "$1" <"$work/$2.sql" >"$work/$2.out" 2>"$work/$2.err"
  if grep -q ERROR "$work/$2.out" "$work/$2.err"; then echo "bench: $2 failed:" >&2; grep ERROR "$work/$2.out" "$work/$2.err" >&2; exit 1; fi
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/$2.err"
}
start=$(instructions source start)
printf '\n%-12s %28s\n' layout "M instructions, $SHEETS sheets"
for layout in "${layouts[@]}"; do
  count=$(instructions "layout_${layout//-/_}" "$layout")
  printf '%-12s %28d\n' "$layout" $(((count - start) / 1000000))
done
