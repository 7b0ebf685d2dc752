#!/usr/bin/env bash
# psyscreen score on an .xlsx workbook vs the same data as CSV, end to end (release build).
#
#   bench/xlsx.sh              # 1,000,000 rows, 3 runs of each, alternating
#   bench/xlsx.sh 100000       # another size
#   RUNS=5 bench/xlsx.sh       # more runs
#   TEXT_IDS=1 bench/xlsx.sh   # student IDs stored as text: a shared-string table of 1,000,000 strings
#
# Generates the CSV once with bench/peers/gen_responses.py (the score benchmark's rows, cached in bench/out/) and
# the same data as a workbook with bench/gen_xlsx.py (as Excel stores it: numbers as numbers, text in the
# shared-string table), runs score on each alternately (so that load from other work on the machine hits both
# alike), checks that both give byte-identical output, and prints the medians, the ratio and the peak RSS of each. For the floor it also times
# inflating the sheet alone (unzip -p), which no reader of the workbook can go below.
set -euo pipefail

N=${1:-1000000}
RUNS=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out=${BENCH_OUT:-$here/out}
mkdir -p "$out"

(cd "$repo" && swift build -c release --product psyscreen >&2)
bin=$(cd "$repo" && swift build -c release --show-bin-path)/psyscreen
export PSYSCREEN_INSTRUMENTS=$repo/instruments

csv=$out/responses-$N.csv
workbook=$out/responses-$N${TEXT_IDS:+-text-ids}.xlsx
if [ ! -f "$csv" ]; then
  echo "bench: generating $N rows" >&2
  python3 "$here/peers/gen_responses.py" "$N" "$csv.tmp" && mv "$csv.tmp" "$csv"
fi
if [ ! -f "$workbook" ]; then
  echo "bench: writing them as a workbook" >&2
  python3 "$here/gen_xlsx.py" "$csv" "$workbook.tmp" ${TEXT_IDS:+--text-ids} && mv "$workbook.tmp" "$workbook"
fi
ls -l "$workbook" "$csv" | awk '{ printf "bench: %s %d bytes\n", $NF, $5 }'

# Runs a command under /usr/bin/time -v; prints "seconds user-seconds peak-kB".
timed() {
  local log=$out/time.log
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>>"$out/stderr.log" || true
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /User time/ { u = $2 }
    /Maximum resident set size/ { kb = $2 }
    END { printf "%.3f %.2f %d\n", s, u, kb }' "$log"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$out/stderr.log"
xs=() cs=() xpeaks=() cpeaks=() inflates=()
for run in $(seq "$RUNS"); do
  read -r xt xu xk < <(timed "$bin" score --battery annual "$workbook" -o "$out/from-xlsx.csv")
  read -r ct cu ck < <(timed "$bin" score --battery annual "$csv" -o "$out/from-csv.csv")
  read -r it _ _ < <(timed sh -c "unzip -p '$workbook' xl/worksheets/sheet1.xml > /dev/null")
  xs+=("$xt"); cs+=("$ct"); xpeaks+=("$xk"); cpeaks+=("$ck"); inflates+=("$it")
  echo "run $run: xlsx ${xt}s (user ${xu}s, peak $((xk / 1024)) MB), csv ${ct}s (user ${cu}s, peak $((ck / 1024)) MB), unzip -p ${it}s (load: $(cut -d' ' -f1-3 /proc/loadavg))"
done
grep -v '^$' "$out/stderr.log" | sort -u | tail -n 2
cmp -s "$out/from-xlsx.csv" "$out/from-csv.csv" && echo "outputs: identical" || { echo "outputs: DIFFER"; exit 1; }

x=$(printf '%s\n' "${xs[@]}" | median)
c=$(printf '%s\n' "${cs[@]}" | median)
i=$(printf '%s\n' "${inflates[@]}" | median)
echo "rows: $N${TEXT_IDS:+ (IDs as text)}"
echo "xlsx median: ${x}s; peak RSS $(( $(printf '%s\n' "${xpeaks[@]}" | sort -n | tail -n 1) / 1024 )) MB"
echo "csv median:  ${c}s; peak RSS $(( $(printf '%s\n' "${cpeaks[@]}" | sort -n | tail -n 1) / 1024 )) MB"
echo "unzip -p of the sheet alone: ${i}s"
awk -v x="$x" -v c="$c" -v i="$i" 'BEGIN { printf "ratio: xlsx takes %.1fx the CSV time (inflating alone: %.1fx)\n", x / c, i / c }'
