#!/usr/bin/env bash
# Time from starting `psyscreen take` to its first prompt (the student ID), release build.
#
#   bench/take_startup.sh [RUNS]        (default 50 runs; needs python3 for the timing harness)
#
# Builds the release binary, makes a temporary school database with a 2,000-student roster, then starts
# `take` RUNS times with stdin held open and measures until "Your student ID: " has been written to its stdout
# (the process is then ended). Target: median < 100 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-50}"

swift build -c release --product psyscreen >/dev/null
binary="$(swift build -c release --show-bin-path)/psyscreen"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PSYSCREEN_INSTRUMENTS="$PWD/instruments"
db="$work/school.sqlite"

# Create and migrate the database the way take does, then add a roster (no roster command is needed for this).
"$binary" take --battery annual --wave bench --db "$db" </dev/null >/dev/null
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executemany(
    "INSERT INTO student (student_id, name, school, grade, class, gender, status, updated_at) "
    "VALUES (?, ?, '一中', '2026', ?, ?, 'enrolled', '2026-09-01 00:00:00.000')",
    [(f"2026{n:05d}", f"学生{n}", f"{n % 40 + 1}班", "F" if n % 2 else "M") for n in range(2000)])
db.commit()
PY

python3 - "$binary" "$db" "$runs" <<'PY'
import os, select, statistics, subprocess, sys, time
binary, db, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
prompt = "Your student ID: ".encode()
samples = []
for _ in range(runs):
    start = time.perf_counter()
    process = subprocess.Popen(
        [binary, "take", "--battery", "annual", "--wave", "bench", "--db", db, "--lang", "en"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    seen = b""
    while prompt not in seen:
        ready, _, _ = select.select([process.stdout], [], [], 5)
        chunk = os.read(process.stdout.fileno(), 4096) if ready else b""
        if not chunk:
            sys.exit("take ended or hung before its first prompt")
        seen += chunk
    samples.append((time.perf_counter() - start) * 1000)
    process.stdin.close()
    process.wait()
samples.sort()
print(f"take: time to first prompt over {runs} runs (release, 2,000-student roster)")
print(f"  median {statistics.median(samples):.1f} ms   p90 {samples[int(len(samples) * 0.9) - 1]:.1f} ms   "
      f"min {samples[0]:.1f} ms   max {samples[-1]:.1f} ms")
PY
