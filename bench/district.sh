#!/usr/bin/env bash
# District scale: import, the identified lists, coverage, history, audit, the cohort report and bulk scoring over a
# generated roster of STUDENTS students with one paper sheet each (release build).
#
#   bench/district.sh [STUDENTS]                 default 100000; 3 runs of each command, alternating with its peer
#   RUNS=5 bench/district.sh 1000000             more runs
#   BASELINE=/path/to/old/psyscreen bench/district.sh 100000
#                                                 also times another build (e.g. main's) in the same run, and checks
#                                                 that its outputs are the same as this build's (timestamps aside)
#   BASELINE_RUNS=1 …                            how many of the runs also time the baseline (default: all)
#   ONLY="import results" …                      a subset of the commands (import always runs: the others read its
#                                                 database)
#
# The roster and the sheets are generated once and cached under bench/out/district-STUDENTS/. Every run imports the
# sheets into a fresh copy of a database holding only the roster, then runs the read commands on that database.
# Peers, run alternately with psyscreen so that load from other work on the machine hits both alike:
#   import  `sqlite3 .import` of the same CSV into a new database (the bare work; sqlite3 installed if missing)
#   score   polars (bench/peers/polars_score.py, or $PSYSCREEN_BENCH_DIR; polars installed if missing)
# Checks: the import stored one attempt per sheet and sqlite3 read as many rows; psyscreen's and polars's scores
# agree; with BASELINE, every output equals the baseline's once ISO timestamps are masked.
# Prints a table of medians, ratios and peak RSS (/usr/bin/time -v).
set -euo pipefail

N=${1:-100000}
RUNS=${RUNS:-3}
BASELINE=${BASELINE:-}
BASELINE_RUNS=${BASELINE_RUNS:-$RUNS}
ONLY=${ONLY:-import results warnings unscreened coverage history audit report score}
WAVE=2026-autumn
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
peer_dir=${PSYSCREEN_BENCH_DIR:-$here/peers}
for file in gen_responses.py polars_score.py; do
  [ -f "$peer_dir/$file" ] || { echo "bench: $peer_dir/$file not found (set PSYSCREEN_BENCH_DIR)" >&2; exit 2; }
done
out=${BENCH_OUT:-$here/out}/district-$N
mkdir -p "$out"

(cd "$repo" && swift build -c release --product psyscreen >&2)
bin=$(cd "$repo" && swift build -c release --show-bin-path)/psyscreen
command -v sqlite3 >/dev/null || { echo "bench: installing sqlite3" >&2; apt-get install -y -qq sqlite3 >&2; }
python3 -c "import polars" 2>/dev/null || { echo "bench: installing polars" >&2; pip install -q polars >&2; }
export PSYSCREEN_INSTRUMENTS=$repo/instruments

# The inputs, once: N sheets (the peers' generator) and a roster of the same students (4 % on leave).
sheets=$out/sheets.csv
if [ ! -f "$sheets" ]; then
  echo "bench: generating $N sheets and their roster" >&2
  python3 "$peer_dir/gen_responses.py" "$N" "$sheets.tmp" && mv "$sheets.tmp" "$sheets"
fi
roster=$out/roster.csv
if [ ! -f "$roster" ]; then
  awk -F, 'NR == 1 { print "student_id,name,school,grade,class,gender,status,major,dorm"; next }
    { printf "%s,学生%d,%s,%s,%s,%s,%s,专业%d,%d号楼\n", $1, NR - 1, $2, $3, $4, $5, (NR % 25 == 0 ? "leave" : "enrolled"),
      NR % 6 + 1, NR % 9 + 1 }' "$sheets" >"$roster.tmp" && mv "$roster.tmp" "$roster"
fi
history_id=$(awk -F, -v n=$(( N / 2 + 1 )) 'NR == n { print $1; exit }' "$sheets")

# A database holding only the roster, per binary (a newer build may migrate its schema further).
template() {  # BINARY NAME
  local db=$out/$2-roster.sqlite
  if [ ! -f "$db" ] || [ "$1" -nt "$db" ]; then
    rm -f "$db"
    "$1" roster import --db "$db" "$roster" >/dev/null
  fi
  echo "$db"
}

# Runs a command under /usr/bin/time -v in folder $dir; prints "seconds peak-kB". Exit status 1 is taken (import
# says 1 when some records were not stored); anything else stops the benchmark.
timed() {
  local log=$out/time.log status=0
  (cd "$dir" && /usr/bin/time -v -o "$log" "$@" >"$dir/stdout" 2>"$dir/stderr") || status=$?
  if [ "$status" -gt 1 ]; then
    echo "bench: $* failed ($status):" >&2; tail -n 5 "$dir/stderr" >&2; exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { kb = $2 }
    END { printf "%.3f %d\n", s, kb }' "$log"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wanted() { [[ " $ONLY " == *" $1 "* ]]; }

# The commands: a label, then the arguments after the binary. Run in the side's folder, on run.sqlite.
labels=(import results warnings unscreened coverage history audit report score)
declare -A args=(
  [import]="import --db run.sqlite --wave $WAVE --battery annual sheets.csv"
  [results]="results --db run.sqlite --wave $WAVE -o results.csv"
  [warnings]="warnings --db run.sqlite --wave $WAVE -o warnings.txt"
  [unscreened]="unscreened --db run.sqlite --wave $WAVE -o unscreened.txt"
  [coverage]="coverage --db run.sqlite --wave $WAVE --by class -o coverage.txt"
  [history]="history --db run.sqlite $history_id"
  [audit]="audit --db run.sqlite"
  # The wave stays open here (closing it is bench/wave_close.sh's): the owner-only draft reads, sums and renders
  # as the released report does (bench/report.sh times that one, on a closed wave).
  [report]="report --db run.sqlite --wave $WAVE --draft -o report.txt"
  [score]="score --battery annual sheets.csv -o scored.csv"
)
# What each command writes (compared with the baseline's).
declare -A outputs=(
  [import]=import.stderr [results]=results.csv [warnings]=warnings.txt [unscreened]=unscreened.txt
  [coverage]=coverage.txt [history]=history.stdout [audit]=audit.stdout [report]=report.txt [score]=scored.csv
)

declare -A times peaks
sides=(ours)
[ -n "$BASELINE" ] && sides+=(base)
for side in "${sides[@]}" peer; do
  mkdir -p "$out/$side"
  ln -sf "$sheets" "$out/$side/sheets.csv"
done

mask() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?/TIME/g' "$1"; }

run_side() {  # SIDE BINARY LABEL
  local side=$1 binary=$2 label=$3 dir=$out/$1 seconds peak
  if [ "$label" = import ]; then cp "$(template "$binary" "$side")" "$dir/run.sqlite"; rm -f "$dir/run.sqlite-wal" "$dir/run.sqlite-shm"; fi
  # shellcheck disable=SC2086
  read -r seconds peak < <(dir=$dir timed "$binary" ${args[$label]})
  mv "$dir/stdout" "$dir/$label.stdout"; mv "$dir/stderr" "$dir/$label.stderr"
  times[$side.$label]+="$seconds "
  peaks[$side.$label]=$(( ${peaks[$side.$label]:-0} > peak ? ${peaks[$side.$label]:-0} : peak ))
  printf ' %s %-10s %7.3fs %6d MB\n' "$side" "$label" "$seconds" $(( peak / 1024 ))
}

run_peer() {  # LABEL
  local label=$1 dir=$out/peer seconds peak
  case $label in
    import)
      rm -f "$dir/peer.sqlite"
      read -r seconds peak < <(dir=$dir timed sqlite3 peer.sqlite -cmd '.mode csv' ".import sheets.csv sheets") ;;
    score)
      rm -f "$dir/polars.csv"
      read -r seconds peak < <(dir=$dir timed python3 "$peer_dir/polars_score.py" sheets.csv polars.csv) ;;
    *) return ;;
  esac
  times[peer.$label]+="$seconds "
  peaks[peer.$label]=$(( ${peaks[peer.$label]:-0} > peak ? ${peaks[peer.$label]:-0} : peak ))
  printf ' %s %-10s %7.3fs %6d MB\n' peer "$label" "$seconds" $(( peak / 1024 ))
}

echo "district: $N students, $N sheets; $RUNS runs; $bin${BASELINE:+; baseline $BASELINE}"
for run in $(seq "$RUNS"); do
  echo "run $run (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  for label in "${labels[@]}"; do
    [ "$label" = import ] || wanted "$label" || continue
    run_side ours "$bin" "$label"
    run_peer "$label"
    if [ -n "$BASELINE" ] && [ "$run" -le "$BASELINE_RUNS" ]; then run_side base "$BASELINE" "$label"; fi
  done
done

# Checks.
failed=0
stored=$(sqlite3 "$out/ours/run.sqlite" "SELECT COUNT(*) FROM attempt WHERE wave_id = '$WAVE'")
peer_rows=$(sqlite3 "$out/peer/peer.sqlite" "SELECT COUNT(*) FROM sheets")
if [ "$stored" != "$N" ] || [ "$peer_rows" != "$N" ]; then
  echo "check: import stored $stored attempts, sqlite3 read $peer_rows rows, of $N sheets" >&2; failed=1
else
  echo "check: import stored $stored attempts; sqlite3 read $peer_rows rows"
fi
if wanted score; then
  if python3 "$here/check_agreement.py" "$out/ours/scored.csv" "$out/peer/polars.csv"; then
    echo "check: score agrees with polars on every total, band and flag"
  else failed=1; fi
fi
if [ -n "$BASELINE" ]; then
  for label in "${labels[@]}"; do
    [ "$label" = import ] || wanted "$label" || continue
    if cmp -s <(mask "$out/ours/${outputs[$label]}") <(mask "$out/base/${outputs[$label]}"); then
      echo "check: $label output identical to the baseline's ($(wc -l <"$out/ours/${outputs[$label]}") lines)"
    else
      echo "check: $label output differs from the baseline's:" >&2
      diff <(mask "$out/base/${outputs[$label]}") <(mask "$out/ours/${outputs[$label]}") | head -n 6 >&2 || true
      failed=1
    fi
  done
fi

# The table.
echo
printf '| command (%s students) | psyscreen | peak RSS | peer | ratio |%s\n' "$N" "${BASELINE:+ baseline | baseline RSS | speed-up |}"
printf '|---|---|---|---|---|%s\n' "${BASELINE:+---|---|---|}"
for label in "${labels[@]}"; do
  [ "$label" = import ] || wanted "$label" || continue
  ours=$(printf '%s\n' ${times[ours.$label]} | median)
  line=$(printf '| %s | %.3f s | %d MB |' "$label" "$ours" $(( peaks[ours.$label] / 1024 )))
  if [ -n "${times[peer.$label]:-}" ]; then
    peer=$(printf '%s\n' ${times[peer.$label]} | median)
    name=$([ "$label" = import ] && echo "sqlite3 .import" || echo polars)
    line+=$(awk -v a="$ours" -v b="$peer" -v n="$name" -v m=$(( peaks[peer.$label] / 1024 )) \
      'BEGIN { printf " %s %.3f s (%d MB) | %.2f× |", n, b, m, a / b }')
  else
    line+=" — | — |"
  fi
  if [ -n "$BASELINE" ]; then
    base=$(printf '%s\n' ${times[base.$label]} | median)
    line+=$(awk -v a="$ours" -v b="$base" -v m=$(( peaks[base.$label] / 1024 )) \
      'BEGIN { printf " %.3f s | %d MB | %.1f× |", b, m, (a > 0 ? b / a : 0) }')
  fi
  echo "$line"
done
echo "(ratio: psyscreen's time ÷ the peer's; speed-up: the baseline's time ÷ psyscreen's; medians of the runs)"
exit $failed
