#!/usr/bin/env python3
"""Writes the synthetic sample files the README uses. No real people: names are random combinations of common
characters, IDs are made up. Deterministic (fixed seed): run it again and the files are identical.

  roster.csv                 120 students, two schools, statuses in Chinese (在籍 / 休学 / 实习)
  paper-results.csv          PHQ-9 + GAD-7 paper forms for most of them, UTF-8, with blanks and deliberate errors
  paper-results-gb18030.csv  a class's forms as Chinese Excel saves them (GB18030, CRLF)
"""
import random
from pathlib import Path

here = Path(__file__).resolve().parent
rng = random.Random(20260901)
surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
given = "明华伟芳娜敏静丽强磊军洋勇艳杰涛超秀霞平刚桂英玲婷宇浩然欣怡子涵梓轩"
schools = [("第一职业中专", "一职"), ("城南职业技术学校", "城南")]
majors = ["数控技术", "电子商务", "护理", "汽车维修", "会计事务", "计算机应用"]

students = []
serial = 0
for school, short in schools:
    for grade in ("2025", "2026"):
        for number in (1, 2, 3):
            size = 8 if (short, grade, number) == ("城南", "2026", 3) else 11 if number != 2 else 10
            for _ in range(size):
                serial += 1
                sid = f"{'A' if short == '一职' else 'B'}{grade}{serial:04d}"
                name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))
                status = rng.choices(["在籍", "休学", "实习"], [0.93, 0.03, 0.04])[0]
                students.append(dict(student_id=sid, name=name, school=school, grade=grade,
                                     **{"class": f"{grade}级{number}班"}, gender=rng.choice("男女"),
                                     status=status, major=rng.choice(majors)))

def items(k, weights=(0.55, 0.27, 0.12, 0.06)):
    return [str(v) for v in rng.choices(range(4), weights, k=k)]

def phq9():
    # Item 9 (thoughts of death or self-harm) is endorsed far less often than the others.
    return items(8) + items(1, (0.88, 0.08, 0.03, 0.01))

with open(here / "roster.csv", "w", encoding="utf-8", newline="") as f:
    f.write("student_id,name,school,grade,class,gender,status,major\n")
    for s in students:
        f.write(",".join(s[c] for c in ("student_id", "name", "school", "grade", "class", "gender", "status", "major")) + "\n")

header = "student_id,name,class," + ",".join(f"phq9_{i}" for i in range(1, 10)) + "," + ",".join(f"gad7_{i}" for i in range(1, 8))
rows = []
screened = [s for s in students if rng.random() < 0.9]
for s in screened:
    phq, gad = phq9(), items(7)
    if rng.random() < 0.03:
        phq[rng.randrange(9)] = ""          # a blank: still scored (prorated)
    rows.append([s["student_id"], s["name"], s["class"]] + phq + gad)
# Deliberate problems, each reported by line and column while the good rows are kept:
rows[3][3 + 8] = "2"                          # item 9 endorsed: crisis flag, red
rows[5][3 + 9] = "4"                          # GAD-7 item 1 = 4: not an option
rows[7][3 + 2] = "二"                         # not a number
rows[9] = rows[9][:-2]                        # a record with too few fields
rows[12][3:12] = ["", "", "", "3", "", "", "", "", "1"]   # too many blanks but item 9 endorsed: unscored, still red
rows[15][1] = '"=HYPERLINK(""http://example.com"")"'       # a formula typed into the name column
rows[17][1] = '"王小明\n(转学生)"'                           # a name with a line break inside quotes
rows.insert(20, list(rows[19]))               # the same sheet keyed in twice: repeated student_id
rows.insert(25, ["Z20269999", "陌生人", "2026级9班"] + phq9() + items(7))  # not on the roster
with open(here / "paper-results.csv", "w", encoding="utf-8", newline="") as f:
    f.write(header + "\n")
    for r in rows:
        f.write(",".join(r) + "\n")

# One class as GB18030 with CRLF, as Excel on a Chinese Windows machine saves "CSV (逗号分隔)".
one_class = [s for s in students if s["school"] == "城南职业技术学校" and s["class"] == "2025级1班"]
with open(here / "paper-results-gb18030.csv", "w", encoding="gb18030", newline="") as f:
    f.write(header + "\r\n")
    for s in one_class:
        f.write(",".join([s["student_id"], s["name"], s["class"]] + phq9() + items(7)) + "\r\n")
print(f"{len(students)} students, {len(rows)} paper rows, {len(one_class)} GB18030 rows")
