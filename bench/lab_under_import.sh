#!/usr/bin/env bash
# Lab terminals under a district import (issue "never destroy data", bulk writes never starve the lab).
#
#   bench/lab_under_import.sh [SHEETS] [SESSIONS]      default 500000 sheets, 40 terminals
#
# Builds the release binary; generates SHEETS paper results (bench/peers/gen_responses.py) and a roster holding
# their students plus 20,000 lab students, once, cached under bench/out/lab-SHEETS/ (with a database holding only
# the roster); then copies that database and runs bench/lab_under_import.py on it: SESSIONS piped `take` sessions
# answering continuously while `import` stores the sheets. Prints the import's time, failed sessions, lost answers
# and the answer-commit latency (median, p99, max). Goal: 0 failed, 0 lost, p99 <= 1 s, max <= 2 s.
set -euo pipefail
N=${1:-500000}
SESSIONS=${2:-40}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
peer_dir=${PSYSCREEN_BENCH_DIR:-$here/peers}
out=${BENCH_OUT:-$here/out}/lab-$N
mkdir -p "$out"
(cd "$repo" && swift build -c release --product psyscreen >&2)
bin=$(cd "$repo" && swift build -c release --show-bin-path)/psyscreen
export PSYSCREEN_INSTRUMENTS=$repo/instruments

sheets=$out/sheets.csv
if [ ! -f "$sheets" ]; then
  echo "bench: generating $N sheets" >&2
  python3 "$peer_dir/gen_responses.py" "$N" "$sheets.tmp" && mv "$sheets.tmp" "$sheets"
fi
if [ ! -f "$out/lab-ids.txt" ]; then
  seq -f 'LAB%06g' 1 20000 >"$out/lab-ids.txt.tmp" && mv "$out/lab-ids.txt.tmp" "$out/lab-ids.txt"
fi
template=$out/roster.sqlite
if [ ! -f "$template" ] || [ "$bin" -nt "$template" ]; then
  echo "bench: making the roster database" >&2
  {
    echo "student_id,name,school,grade,class,gender,status"
    awk -F, 'NR > 1 { printf "%s,学生,%s,%s,%s,%s,enrolled\n", $1, $2, $3, $4, $5 }' "$sheets"
    awk '{ printf "%s,机房学生,实验中学,2026,机房%d班,F,enrolled\n", $1, NR % 40 + 1 }' "$out/lab-ids.txt"
  } >"$out/roster.csv"
  rm -f "$template"*
  "$bin" roster import --db "$template" "$out/roster.csv" >/dev/null
fi
db=$out/run.sqlite
rm -f "$db" "$db-wal" "$db-shm"
cp "$template" "$db"
echo "lab under import: $N sheets, $SESSIONS terminals (load: $(cut -d' ' -f1-3 /proc/loadavg))"
python3 "$here/lab_under_import.py" "$bin" "$db" "$sheets" "$out/lab-ids.txt" "$SESSIONS"
