#!/usr/bin/env bash
# The two stores side by side (release build): import of STUDENTS paper sheets, and the cohort report over a
# generated wave of REPORT students, on a SQLite file and on PostgreSQL.
#
#   bench/postgres.sh [STUDENTS] [REPORT]        default 100000 sheets, 1000000 students in the report
#   bench/postgres.sh 100000 0                   the import only (no report's wave to generate and close)
#   RUNS=5 bench/postgres.sh                     more runs (default 3), SQLite and PostgreSQL alternately
#   PSYSCREEN_BENCH_POSTGRES=postgresql://…      a server of your own (a superuser); otherwise a throw-away one is
#                                                started (.ci/postgres-server) and stopped at the end
#   PSYSCREEN_BENCH_BIN=/path/to/psyscreen       another build to measure (say main's, to compare with this one);
#                                                otherwise this checkout's release build
#
# Inputs are generated once and cached under bench/out/postgres-STUDENTS/: the sheets (bench/peers/gen_responses.py)
# and a roster of the same students; the report's wave with bench/gen_cohort.py into a SQLite file, moved to
# PostgreSQL with `psyscreen db copy` (its time is printed too). Each import starts from a database holding only the
# roster (a copied file; a database made from a template). Checks that both stores stored every sheet and that
# both reports are the same. Prints medians and the PostgreSQL/SQLite ratios.
set -euo pipefail

N=${1:-100000}
REPORT=${2:-1000000}
RUNS=${RUNS:-3}
WAVE=2026-autumn
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out=$here/out/postgres-$N
mkdir -p "$out"
. "$here/lib.sh"
if [ -n "${PSYSCREEN_BENCH_BIN:-}" ]; then  # another build: this checkout's is not built
  bin=$PSYSCREEN_BENCH_BIN
  export PSYSCREEN_INSTRUMENTS=$repo/instruments
else
  bench_release_build
fi

bench_postgres_server
url() { echo "$base/$1"; }

sheets=$out/sheets.csv
roster=$out/roster.csv
if [ ! -f "$sheets" ]; then
  echo "bench: generating $N sheets and their roster" >&2
  python3 "$here/peers/gen_responses.py" "$N" "$sheets.tmp" && mv "$sheets.tmp" "$sheets"
fi
if [ ! -f "$roster" ]; then
  awk -F, 'NR == 1 { print "student_id,name,school,grade,class,gender,status,major,dorm"; next }
    { printf "%s,学生%d,%s,%s,%s,%s,%s,专业%d,%d号楼\n", $1, NR - 1, $2, $3, $4, $5, (NR % 25 == 0 ? "leave" : "enrolled"),
      NR % 6 + 1, NR % 9 + 1 }' "$sheets" >"$roster.tmp" && mv "$roster.tmp" "$roster"
fi

# Roster-only databases: a file to copy, a template database to create from.
rm -f "$out/roster.sqlite"
"$bin" roster import --db "$out/roster.sqlite" "$roster" >/dev/null
psql_run "DROP DATABASE IF EXISTS psyscreen_bench_roster"
psql_run "CREATE DATABASE psyscreen_bench_roster"
"$bin" roster import --db "$(url psyscreen_bench_roster)" "$roster" >/dev/null

seconds() {  # COMMAND… : wall seconds; exit status 0 or 1 (records not stored) taken
  local start end status=0
  start=$(date +%s%N)
  "$@" >"$out/stdout" 2>"$out/stderr" || status=$?
  end=$(date +%s%N)
  if [ "$status" -gt 1 ]; then echo "bench: $* failed ($status):" >&2; tail -n 5 "$out/stderr" >&2; exit 1; fi
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -a sqlite_import postgres_import
for run in $(seq "$RUNS"); do
  cp "$out/roster.sqlite" "$out/run.sqlite"
  sqlite_import+=("$(seconds "$bin" import --db "$out/run.sqlite" --wave $WAVE --battery annual "$sheets")")
  psql_run "DROP DATABASE IF EXISTS psyscreen_bench_run"
  psql_run "CREATE DATABASE psyscreen_bench_run TEMPLATE psyscreen_bench_roster"
  postgres_import+=("$(seconds "$bin" import --db "$(url psyscreen_bench_run)" --wave $WAVE --battery annual "$sheets")")
  echo "bench: import run $run: SQLite ${sqlite_import[-1]} s, PostgreSQL ${postgres_import[-1]} s" >&2
done
stored_sqlite=$(sqlite3 "$out/run.sqlite" "SELECT count(*) FROM attempt" 2>/dev/null || python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM attempt').fetchone()[0])" "$out/run.sqlite")
stored_postgres=$(psql -X -At "$(url psyscreen_bench_run)" -c "SELECT count(*) FROM attempt")
[ "$stored_sqlite" = "$stored_postgres" ] || { echo "bench: SQLite stored $stored_sqlite sheets, PostgreSQL $stored_postgres" >&2; exit 1; }

si=$(printf '%s\n' "${sqlite_import[@]}" | median); pi=$(printf '%s\n' "${postgres_import[@]}" | median)
if [ "$REPORT" = 0 ]; then
  printf '\n%-44s %10s %12s %8s\n' "median of $RUNS runs (release build)" SQLite PostgreSQL ratio
  printf '%-44s %9.2fs %11.2fs %7.2fx\n' "import $N paper sheets ($stored_postgres stored)" "$si" "$pi" "$(awk -v a="$pi" -v b="$si" 'BEGIN { print a / b }')"
  psql_run "DROP DATABASE IF EXISTS psyscreen_bench_run"
  psql_run "DROP DATABASE IF EXISTS psyscreen_bench_roster"
  exit 0
fi

# The report's wave: generated once into SQLite, copied to PostgreSQL.
cohort=$here/out/cohort-$REPORT-postgres.sqlite
if [ ! -f "$cohort" ]; then
  printf 'student_id,name,school,grade,class,gender,status\n' >"$out/empty-roster.csv"
  "$bin" roster import --db "$cohort.tmp" "$out/empty-roster.csv" >/dev/null
  python3 "$here/gen_cohort.py" "$cohort.tmp" "$REPORT" --schools 330
  mv "$cohort.tmp" "$cohort"
fi
psql_run "DROP DATABASE IF EXISTS psyscreen_bench_cohort"
psql_run "CREATE DATABASE psyscreen_bench_cohort"
copy=$(seconds "$bin" db copy --from "$cohort" --to "$(url psyscreen_bench_cohort)")
psql_run "VACUUM ANALYZE" 2>/dev/null || true
psql -X -q "$(url psyscreen_bench_cohort)" -c "VACUUM ANALYZE" >/dev/null
# A report comes from a closed wave (closing it again after the copy changes nothing).
"$bin" wave close --db "$cohort" $WAVE >/dev/null
"$bin" wave close --db "$(url psyscreen_bench_cohort)" $WAVE >/dev/null

declare -a sqlite_report postgres_report
for run in $(seq "$RUNS"); do
  sqlite_report+=("$(seconds "$bin" report --db "$cohort" --wave $WAVE -o "$out/report-sqlite.txt")")
  postgres_report+=("$(seconds "$bin" report --db "$(url psyscreen_bench_cohort)" --wave $WAVE -o "$out/report-postgres.txt")")
  echo "bench: report run $run: SQLite ${sqlite_report[-1]} s, PostgreSQL ${postgres_report[-1]} s" >&2
done
mask() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?/TIME/g' "$1"; }
cmp -s <(mask "$out/report-sqlite.txt") <(mask "$out/report-postgres.txt") || { echo "bench: the two reports differ" >&2; exit 1; }

sr=$(printf '%s\n' "${sqlite_report[@]}" | median); pr=$(printf '%s\n' "${postgres_report[@]}" | median)
printf '\n%-44s %10s %12s %8s\n' "median of $RUNS runs (release build)" SQLite PostgreSQL ratio
printf '%-44s %9.2fs %11.2fs %7.2fx\n' "import $N paper sheets ($stored_postgres stored)" "$si" "$pi" "$(awk -v a="$pi" -v b="$si" 'BEGIN { print a / b }')"
printf '%-44s %9.2fs %11.2fs %7.2fx\n' "report over $REPORT students" "$sr" "$pr" "$(awk -v a="$pr" -v b="$sr" 'BEGIN { print a / b }')"
printf '%-44s %22.2fs\n' "db copy of the $REPORT-student wave to PostgreSQL" "$copy"
psql_run "DROP DATABASE IF EXISTS psyscreen_bench_run"
psql_run "DROP DATABASE IF EXISTS psyscreen_bench_roster"
psql_run "DROP DATABASE IF EXISTS psyscreen_bench_cohort"
