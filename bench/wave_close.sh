#!/usr/bin/env bash
# Times `psyscreen wave close` — deciding the wave's disclosure pattern (exact elimination, then the audit's
# repair, per group of schools tied by the wave's figures) and proving it with the audit — and the reports of the
# closed wave (release build). PSYSCREEN_AUDIT_TRACE=1 prints, per group, programs, simplex runs, dives and time.
#
#   bench/wave_close.sh [ATTEMPTS] [SCHOOLS]      default 100000 attempts over 30 schools (a district)
#
# The database is generated once into bench/out/ like bench/report.sh's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$here/lib.sh"
cd "$repo"
attempts=${1:-100000}
schools=${2:-30}
bench_release_build
bench_cohort_db "$attempts" "$schools"
"$bin" wave open 2026-autumn --db "$db" >/dev/null 2>&1 || true
/usr/bin/time -f "wave close (pattern, repair and audit): %e s wall, %U s user, max RSS %M KB" "$bin" wave close 2026-autumn --db "$db"
/usr/bin/time -f "report of the closed wave (every level and group, csv): %e s" \
  "$bin" report --db "$db" --wave 2026-autumn --format csv -o bench/out/report.out
/usr/bin/time -f "report --audit (the same audit again): %e s" \
  "$bin" report --db "$db" --wave 2026-autumn --format csv --audit -o bench/out/report.out
