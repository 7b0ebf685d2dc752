#!/usr/bin/env bash
# Times `psyscreen report` over a generated wave (release build).
#
#   bench/report.sh [ATTEMPTS] [SCHOOLS]      default 1000000 attempts over 330 schools
#
# The database is generated once into bench/out/ (gen_cohort.py writes rows straight into the tables of a
# database psyscreen created and migrated) and kept for later runs. One attempt = one student's PHQ-9 + GAD-7
# sitting: 2 instrument results, 2 scale scores, 16 answers. Prints the wall time of each report.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/lib.sh"
cd "$repo"
attempts=${1:-1000000}
schools=${2:-330}
bench_release_build
bench_cohort_db "$attempts" "$schools"
# Reports come from a closed wave: closing decides and audits the pattern once (timed by bench/wave_close.sh).
"$bin" wave close 2026-autumn --db "$db" >/dev/null 2>&1 || "$bin" wave close 2026-autumn --db "$db" 2>&1 | tail -3
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda sql: db.execute(sql).fetchone()[0]
print(f"database: {q('SELECT COUNT(*) FROM student')} students, {q('SELECT COUNT(*) FROM attempt')} attempts, "
      f"{q("SELECT SUM(LENGTH(results) - LENGTH(REPLACE(results, char(10), '')) + (results <> '')) FROM attempt")} instrument results, "
      f"{q('SELECT COUNT(*) FROM answer')} answers")
PY
run() {
  local label=$1; shift
  local start end ms
  start=$(date +%s%N)
  "$bin" report --db "$db" --wave 2026-autumn "$@" -o bench/out/report.out
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  printf '%-48s %3d.%02d s  (%s)\n' "$label" $((ms / 1000)) $(((ms % 1000) / 10)) "$(du -h bench/out/report.out | cut -f1)"
}
run "report --by school,grade --format table" --by school,grade --format table
run "report --by school,grade --format csv" --by school,grade --format csv
run "report (every level and group) --format table" --format table
run "report (every level and group) --format csv" --format csv
