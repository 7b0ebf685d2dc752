#!/usr/bin/env bash
# Times `psyscreen report` over a generated wave (release build).
#
#   bench/report.sh [ATTEMPTS] [SCHOOLS]      default 1000000 attempts over 330 schools
#
# The database is generated once into bench/out/ (gen_cohort.py writes rows straight into the tables of a
# database psyscreen created and migrated) and kept for later runs. One attempt = one student's PHQ-9 + GAD-7
# sitting: 2 instrument results, 2 scale scores, 16 answers. Prints the wall time of each report.
#
# Against another build, on a database already closed (nothing is generated or closed, the file is only read):
#
#   REPORT_DB=closed.sqlite REPORT_BASE=path/to/other/psyscreen [RUNS=5] bench/report.sh
#
# runs both binaries alternately, RUNS times each, per output (csv, table, `--by school,grade`), prints the median
# wall time, user CPU and peak RSS of each, and checks that both write the same bytes (the generation time aside).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/lib.sh"
cd "$repo"
bench_release_build

if [ -n "${REPORT_DB:-}" ]; then
  base=${REPORT_BASE:?REPORT_BASE: the psyscreen binary to compare with}
  runs=${RUNS:-5}
  out=$here/out/report-compare
  mkdir -p "$out"
  median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  printf '%-34s %-6s %8s %9s %9s\n' output build wall user "peak RSS"
  for spec in "csv|--format csv" "table|--format table" "by-school-grade|--by school,grade --format table" \
    "by-school-grade-csv|--by school,grade --format csv"; do
    name=${spec%%|*}
    read -r -a args <<<"${spec#*|}"
    : >"$out/$name.base.times"
    : >"$out/$name.this.times"
    for ((i = 0; i < runs; i++)); do
      for which in base this; do
        program=$bin
        [ "$which" = base ] && program=$base
        /usr/bin/time -f "%e %U %M" -a -o "$out/$name.$which.times" \
          "$program" report --db "$REPORT_DB" --wave 2026-autumn "${args[@]}" -o "$out/$name.$which.out"
      done
    done
    for which in base this; do
      printf '%-34s %-6s %7.2fs %8.2fs %6d MB\n' "$name" "$which" \
        "$(cut -d' ' -f1 "$out/$name.$which.times" | median)" "$(cut -d' ' -f2 "$out/$name.$which.times" | median)" \
        "$(($(cut -d' ' -f3 "$out/$name.$which.times" | median | cut -d. -f1) / 1024))"
      # The stamp's generation time differs from run to run.
      sed -i -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/TIME/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC/TIME/g' \
        "$out/$name.$which.out"
    done
    cmp -s "$out/$name.base.out" "$out/$name.this.out" || { echo "$name: the outputs differ" >&2; exit 1; }
  done
  echo "every output byte for byte the same"
  exit 0
fi

attempts=${1:-1000000}
schools=${2:-330}
bench_cohort_db "$attempts" "$schools"
# Reports come from a closed wave: closing decides and audits the pattern once (timed by bench/wave_close.sh; 330
# schools take most of an hour). On a later run the wave is closed and unchanged, and closing it again does nothing.
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
