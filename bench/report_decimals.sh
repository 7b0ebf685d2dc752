#!/usr/bin/env bash
# Memory of `psyscreen report` with a mean scale of decimals="6" (issue 10 §4), release build.
#
#   bench/report_decimals.sh [STUDENTS]      default 2800
#
# Copies the shipped instruments into bench/out/decimals/instruments, adds to GAD-7 a mean scale with 6 decimals
# (a grid of 3,000,001 counted scores), generates a roster and GAD-7 paper results, imports them, closes the wave
# and prints the report's wall time and maximum resident memory (GNU time). Scores are counted sparsely, so the
# memory grows with the distinct scores, not with the grid (before: about 24 GB at 2,800 students).
set -euo pipefail
cd "$(dirname "$0")/.."
students=${1:-2800}
out=bench/out/decimals
rm -rf "$out" && mkdir -p "$out/instruments"
swift build -c release --product psyscreen >/dev/null
bin=$PWD/.build/release/psyscreen
cp instruments/*.xml instruments/*.xsd "$out/instruments/"
python3 - "$out" "$students" <<'PY'
import random, sys
out, n = sys.argv[1], int(sys.argv[2])
path = f"{out}/instruments/gad7.xml"
text = open(path, encoding="utf-8").read()
mean = ('  <scale id="mean" method="mean" items="1 2 3 4 5 6 7" decimals="6">\n'
        '    <label xml:lang="zh-Hans">均分</label><label xml:lang="en">Mean</label>\n  </scale>\n\n  <validity>')
open(path, "w", encoding="utf-8").write(text.replace("  <validity>", mean, 1))
rng = random.Random(6)
with open(f"{out}/roster.csv", "w", encoding="utf-8") as roster, open(f"{out}/results.csv", "w", encoding="utf-8") as results:
    roster.write("student_id,name,school,grade,class,gender,status,major\n")
    results.write("student_id,name,class," + ",".join(f"gad7_{i}" for i in range(1, 8)) + "\n")
    for i in range(n):
        grade = 2024 + i % 3
        cls = f"{grade}级{i % 20 + 1}班"
        roster.write(f"D{i:06d},学生{i},第一职业中专,{grade},{cls},{'男女'[i % 2]},在籍,护理\n")
        answers = [min(3, max(0, int(rng.gauss(1, 1)))) for _ in range(7)]
        results.write(f"D{i:06d},学生{i},{cls}," + ",".join(map(str, answers)) + "\n")
PY
export PSYSCREEN_INSTRUMENTS="$PWD/$out/instruments" PSYSCREEN_DB="$PWD/$out/school.sqlite"
"$bin" roster import "$out/roster.csv" >/dev/null
"$bin" import --wave w --instrument gad7 "$out/results.csv" >/dev/null
"$bin" wave close w >/dev/null
/usr/bin/time -f "report over $students students, gad7.mean decimals=6: %e s, max RSS %M KB" \
  "$bin" report --wave w --format csv -o "$out/report.csv"
grep -c ',gad7,mean,' "$out/report.csv" | sed 's/^/gad7.mean rows: /'
