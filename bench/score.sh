#!/usr/bin/env bash
# psyscreen score vs the pandas peer, end to end, on N generated paper results (default 1,000,000).
#
#   bench/score.sh             # 1M rows, 3 runs of each, alternating
#   bench/score.sh 10000000    # the 10M figure
#   RUNS=5 bench/score.sh      # more runs; SKIP_PANDAS=1 times psyscreen alone
#
# Builds the release binary, installs pandas if it is missing, generates the input once (cached in bench/out/),
# runs psyscreen and pandas alternately (so that load from other work on the machine hits both alike), checks
# that both agree on every total, band and item-9 flag, and prints both medians, the ratio and psyscreen's peak
# RSS. The generator and the peers are in bench/peers/ (gen_responses.py writes the synthetic results;
# pandas_score.py is what an analyst would write in pandas for the same job, polars_score.py the same in polars);
# $PSYSCREEN_BENCH_DIR points at another copy.
set -euo pipefail

N=${1:-1000000}
RUNS=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
peer_dir=${PSYSCREEN_BENCH_DIR:-$here/peers}
out=${BENCH_OUT:-$here/out}
mkdir -p "$out"

for file in gen_responses.py pandas_score.py; do
  [ -f "$peer_dir/$file" ] || { echo "bench: $peer_dir/$file not found (set PSYSCREEN_BENCH_DIR)" >&2; exit 2; }
done

(cd "$repo" && swift build -c release --product psyscreen >&2)
bin=$(cd "$repo" && swift build -c release --show-bin-path)/psyscreen
if [ "${SKIP_PANDAS:-0}" != 1 ] && ! python3 -c "import pandas" 2>/dev/null; then
  echo "bench: installing pandas" >&2
  pip install pandas >&2
fi

input=$out/responses-$N.csv
if [ ! -f "$input" ]; then
  echo "bench: generating $N rows" >&2
  python3 "$peer_dir/gen_responses.py" "$N" "$input.tmp" && mv "$input.tmp" "$input"
fi
export PSYSCREEN_INSTRUMENTS=$repo/instruments

# Runs a command under /usr/bin/time -v; prints "seconds peak-kB".
timed() {
  local log=$out/time.log
  /usr/bin/time -v -o "$log" "$@" >/dev/null 2>>"$out/stderr.log"
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { kb = $2 }
    END { printf "%.3f %d\n", s, kb }' "$log"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$out/stderr.log"
ours=() theirs=() peaks=()
for run in $(seq "$RUNS"); do
  rm -f "$out/psyscreen.csv" "$out/pandas.csv"
  read -r seconds peak < <(timed "$bin" score --battery annual "$input" -o "$out/psyscreen.csv")
  ours+=("$seconds"); peaks+=("$peak")
  line="run $run: psyscreen ${seconds}s (peak RSS $((peak / 1024)) MB)"
  if [ "${SKIP_PANDAS:-0}" != 1 ]; then
    read -r seconds _ < <(timed python3 "$peer_dir/pandas_score.py" "$input" "$out/pandas.csv")
    theirs+=("$seconds")
    line="$line, pandas ${seconds}s"
  fi
  echo "$line (load: $(cut -d' ' -f1-3 /proc/loadavg))"
done
tail -n 1 "$out/stderr.log"

ours_median=$(printf '%s\n' "${ours[@]}" | median)
peak_max=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -n 1)
echo "rows: $N"
echo "psyscreen median: ${ours_median}s; peak RSS: $((peak_max / 1024)) MB ($peak_max kB)"
if [ "${SKIP_PANDAS:-0}" != 1 ]; then
  python3 "$here/check_agreement.py" "$out/psyscreen.csv" "$out/pandas.csv"
  theirs_median=$(printf '%s\n' "${theirs[@]}" | median)
  echo "pandas median:    ${theirs_median}s"
  awk -v a="$theirs_median" -v b="$ours_median" 'BEGIN { printf "ratio: psyscreen is %.1fx faster\n", a / b }'
fi
