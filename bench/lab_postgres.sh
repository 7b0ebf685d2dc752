#!/usr/bin/env bash
# A district's lab hour on one PostgreSQL server (release build): TERMINALS lab PCs (kiosks, logged in with the
# terminal role) each screening STUDENTS students, answer by answer, while a counselor imports IMPORT paper sheets.
#
#   bench/lab_postgres.sh [TERMINALS] [STUDENTS] [IMPORT]      default 200 terminals (5 labs of 40), 5 students
#                                                                each, 100000 sheets
#   PAUSE=0.2 bench/lab_postgres.sh                              seconds a student takes per line (default 0.1)
#   PSYSCREEN_BENCH_POSTGRES=postgresql://…                      a server of your own (a superuser; max_connections
#                                                                above TERMINALS + 10); otherwise a throw-away one
#
# Checks that every session finished, that every answer a terminal was sent is in the database with its value (0
# lost), that no terminal failed (on a lock or anything else), and that the import stored every sheet. Prints the
# answer-commit latency seen at the terminals (from typing an answer to the next question: take commits before it
# shows anything else): p50, p99, max.
set -euo pipefail

TERMINALS=${1:-200}
STUDENTS=${2:-5}
IMPORT=${3:-100000}
PAUSE=${PAUSE:-0.1}
WAVE=2026-autumn
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out=$here/out/lab-postgres
mkdir -p "$out"
. "$here/lib.sh"
bench_release_build

bench_postgres_server
hostport=${base#*@}

# The sheets to import and a roster holding their students and the lab's.
sheets=$out/sheets-$IMPORT.csv
[ -f "$sheets" ] || python3 "$here/peers/gen_responses.py" "$IMPORT" "$sheets"
lab=$((TERMINALS * STUDENTS))
seq -f "L%06g" 1 "$lab" >"$out/lab-ids.txt"
{
  echo "student_id,name,school,grade,class,gender,status"
  awk -F, 'NR > 1 { printf "%s,学生%d,%s,%s,%s,%s,enrolled\n", $1, NR, $2, $3, $4, $5 }' "$sheets"
  awk '{ printf "%s,机房%d,实验中学,2026,机房%d班,女,enrolled\n", $1, NR, NR % 5 + 1 }' "$out/lab-ids.txt"
} >"$out/roster.csv"

psql_run "DROP DATABASE IF EXISTS psyscreen_bench_lab"
psql_run "CREATE DATABASE psyscreen_bench_lab"
owner=$base/psyscreen_bench_lab
"$bin" db init --roles --db "$owner" >/dev/null
"$bin" roster import --db "$owner" "$out/roster.csv" >/dev/null
password=lab-$RANDOM$RANDOM
psql_run "DROP ROLE IF EXISTS psyscreen_bench_lab_pc"
psql_run "CREATE ROLE psyscreen_bench_lab_pc LOGIN PASSWORD '$password'"
"$bin" db grant psyscreen_bench_lab_pc --terminal --db "$owner" >/dev/null
terminal_url="postgresql://psyscreen_bench_lab_pc@$hostport/psyscreen_bench_lab"

# The import starts once the terminals are under way.
(
  sleep 3
  start=$(date +%s%N)
  status=0
  "$bin" import --db "$owner" --wave $WAVE --battery annual "$sheets" >"$out/import.out" 2>&1 || status=$?
  end=$(date +%s%N)
  echo "$status $(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')" >"$out/import.status"
) &
importer=$!

echo "bench: $TERMINALS terminals x $STUDENTS students (pause $PAUSE s per line) and an import of $IMPORT sheets" >&2
result=$(python3 "$here/lab_terminals.py" "$bin" "$terminal_url" $WAVE "$TERMINALS" "$STUDENTS" --ids "$out/lab-ids.txt" \
  --pause "$PAUSE" --env "PGPASSWORD=$password") || true
wait "$importer"
echo "$result" >"$out/terminals.json"
read -r import_status import_seconds <"$out/import.status"

# What the database holds against what the terminals were sent.
psql -X -At "$owner" -c "
  SELECT a.student_id || ' ' || string_agg(x.value::text, ',' ORDER BY x.instrument_id DESC, x.position)
  FROM attempt a JOIN answer x ON x.attempt_id = a.id
  WHERE a.source = 'terminal' AND a.state = 'finished' GROUP BY a.student_id" >"$out/stored.txt"
stored_sheets=$(psql -X -At "$owner" -c "SELECT count(*) FROM attempt WHERE source = 'paper'")
python3 - "$out/terminals.json" "$out/stored.txt" "$TERMINALS" "$STUDENTS" "$import_status" "$import_seconds" "$stored_sheets" "$IMPORT" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
stored = dict(line.split(" ", 1) for line in open(sys.argv[2]).read().split("\n") if line)
terminals, students = int(sys.argv[3]), int(sys.argv[4])
import_status, import_seconds, stored_sheets, sheets = sys.argv[5], sys.argv[6], int(sys.argv[7]), int(sys.argv[8])
lost = 0
for student, answers in result["sent"].items():
    kept = stored.get(student, "").split(",") if student in stored else []
    lost += sum(1 for index, value in enumerate(answers) if index >= len(kept) or kept[index] != value)
expected = terminals * students
print(f"sessions finished       {result['sessions']} of {expected}")
print(f"answers sent            {result['answers']}")
print(f"answers lost            {lost + (expected - result['sessions']) * 16}")
print(f"failed terminals        {result['failed']}" + ("" if not result["failures"] else f"  e.g. {result['failures'][0][:200]}"))
print(f"answer commit latency   p50 {result['p50']:.3f} s, p99 {result['p99']:.3f} s, max {result['max']:.3f} s")
print(f"import                  exit {import_status}, {import_seconds} s, {stored_sheets} of {sheets} sheets stored")
ok = result["sessions"] == expected and lost == 0 and result["failed"] == 0 and stored_sheets == sheets and import_status == "0"
sys.exit(0 if ok else 1)
PY
psql_run "DROP DATABASE IF EXISTS psyscreen_bench_lab"
psql_run "DROP ROLE IF EXISTS psyscreen_bench_lab_pc"
