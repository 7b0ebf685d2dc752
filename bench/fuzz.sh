#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/) and runs each for a while; exits non-zero on the first crash.
#
#   bench/fuzz.sh [SECONDS] [TARGET...]     default 600 s each; targets: instruments csv exchange workbook pattern (all)
#   bench/fuzz.sh build                      only build
#
# The targets are declared only when PSYSCREEN_FUZZ is set (Package.swift) and built with -sanitize=fuzzer,address
# into .build-fuzz/, so the normal build and `swift test` never see them. Debug build: Swift's overflow and bounds
# checks stay on, and they are what the fuzzers look for. Each target starts from the committed seeds
# (Fuzz/corpus/KIND, the shipped instruments/ and samples/) and keeps what it learns in .build-fuzz/corpus/TARGET,
# so longer runs build on earlier ones. A crash is written to .build-fuzz/crashes/TARGET-crash-…; replay it with
#   .build-fuzz/debug/fuzz-TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=600
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
only_build=false
if [ "${1:-}" = build ]; then only_build=true; shift; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(instruments csv exchange workbook pattern)

scratch=.build-fuzz
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
for target in "${targets[@]}"; do
  echo "fuzz: building fuzz-$target"
  mkdir -p "$scratch"
  if ! PSYSCREEN_FUZZ=1 swift build --scratch-path "$scratch" --product "fuzz-$target" "${flags[@]}" \
    >"$scratch/build-$target.log" 2>&1; then
    grep -v "Cannot export local symbol" "$scratch/build-$target.log" | tail -n 30 >&2
    echo "fuzz: fuzz-$target did not build" >&2
    exit 2
  fi
done
$only_build && exit 0

# Swift's own backtracer would hold the crash for seconds and print it again: libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no
# Leaks: the Swift runtime keeps caches for the process's lifetime, which LeakSanitizer would report.
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1

for target in "${targets[@]}"; do
  case $target in
    instruments) seeds=(Fuzz/corpus/instrument instruments); dict=Fuzz/instruments.dict; max_len=32768 ;;
    csv) seeds=(Fuzz/corpus/csv samples); dict=Fuzz/csv.dict; max_len=16384 ;;
    exchange) seeds=(Fuzz/corpus/exchange); dict=Fuzz/exchange.dict; max_len=65536 ;;
    workbook) seeds=(Fuzz/corpus/workbook); dict=Fuzz/workbook.dict; max_len=16384 ;;
    pattern) seeds=(Fuzz/corpus/pattern); dict=Fuzz/pattern.dict; max_len=16384 ;;
    *) echo "fuzz: unknown target '$target' (instruments, csv, exchange, workbook, pattern)" >&2; exit 2 ;;
  esac
  corpus=$scratch/corpus/$target
  mkdir -p "$corpus" "$scratch/crashes"
  log=$scratch/fuzz-$target.log
  echo "fuzz: fuzz-$target for ${seconds} s (log: $log)"
  status=0
  "$scratch/debug/fuzz-$target" "$corpus" "${seeds[@]}" -dict="$dict" -max_len="$max_len" \
    -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$scratch/crashes/$target-" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  features=$(grep -Eo 'ft: [0-9]+' "$log" | tail -n 1 || true)
  echo "fuzz: fuzz-$target: ${runs:-0} inputs run, $(find "$corpus" -type f | wc -l) in its corpus, coverage ${features:-?}"
  if [ $status -ne 0 ]; then
    echo "fuzz: fuzz-$target FOUND A CRASH (exit $status):" >&2
    grep -E -A 12 'ERROR: libFuzzer|Fatal error|runtime failure|ERROR: AddressSanitizer' "$log" | head -n 40 >&2 || tail -n 40 "$log" >&2
    grep -E '^artifact_prefix|Test unit written' "$log" >&2 || true
    exit 1
  fi
  if [ -z "$runs" ] || [ "$runs" -eq 0 ]; then
    echo "fuzz: fuzz-$target ran no input" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
done
echo "fuzz: no crash"
