#!/usr/bin/env python3
"""Fills a migrated, empty psyscreen database with a synthetic screening wave, written straight into the tables.

  gen_cohort.py DB ATTEMPTS [--wave W] [--schools N] [--seed S]

Writes students until ATTEMPTS screening attempts (one per screened student) are stored. Students are spread
over N schools x 3 grades x classes of about 48 (one major per class, two genders), one class of 6; about 4 %
are on leave or internship, 5 % are not screened. Everyone screened answered PHQ-9 and GAD-7 completely (the
annual battery): per attempt two instrument results (each with its scale scores) and 16 answers. Scores,
bands and levels follow the shipped keys and policy. Synthetic people only: no names, made-up IDs.
"""
import argparse
import random
import sqlite3

parser = argparse.ArgumentParser()
parser.add_argument("db")
parser.add_argument("attempts", type=int)
parser.add_argument("--wave", default="2026-autumn")
parser.add_argument("--schools", type=int, default=100)
parser.add_argument("--seed", type=int, default=20261129)
args = parser.parse_args()

rng = random.Random(args.seed)
db = sqlite3.connect(args.db)
db.execute("PRAGMA journal_mode = OFF")
db.execute("PRAGMA synchronous = OFF")
db.execute("PRAGMA foreign_keys = OFF")
now = "2026-11-29 08:00:00.000"
db.execute("INSERT OR IGNORE INTO wave (id, created_at) VALUES (?, ?)", (args.wave, now))

majors = ["数控技术", "电子商务", "护理", "汽车维修", "会计事务", "计算机应用"]
per_school = -(-int(args.attempts / 0.95 / 0.96 * 1.02) // args.schools)
classes_per_grade = max(1, round(per_school / 3 / 48))

def band_phq(total):
    return "minimal" if total <= 4 else "mild" if total <= 9 else "moderate" if total <= 14 else \
        "moderately-severe" if total <= 19 else "severe"

def band_gad(total):
    return "minimal" if total <= 4 else "mild" if total <= 9 else "moderate" if total <= 14 else "severe"

weights = (0.55, 0.27, 0.12, 0.06)
values = (0, 1, 2, 3)
students, attempts, answers = [], [], []
attempt_id = 0

def flush():
    db.executemany("INSERT INTO student VALUES (?,?,?,?,?,?,?,NULL,?,NULL,NULL,?)", students)
    db.executemany("INSERT INTO attempt (id, wave_id, student_id, battery_id, battery_version, source, state,"
                   " started_at, finished_at, level, reasons, scored, validity, results)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", attempts)
    db.executemany("INSERT INTO answer (attempt_id, instrument_id, item_id, position, value) VALUES (?,?,?,?,?)",
                   answers)
    for chunk in (students, attempts, answers):
        chunk.clear()

serial = 0
for s in range(args.schools):
    school = f"第{s + 1:03d}职业学校"
    for g, grade in enumerate(("2024", "2025", "2026")):
        for c in range(classes_per_grade):
            class_name = f"{grade}级{c + 1}班"
            major = majors[(s + g + c) % len(majors)]
            size = 6 if (s, g, c) == (0, 2, classes_per_grade - 1) else rng.randint(40, 56)
            for _ in range(size):
                if attempt_id >= args.attempts:
                    break
                serial += 1
                sid = f"S{serial:08d}"
                status = rng.choices(("enrolled", "leave", "internship"), (0.96, 0.015, 0.025))[0]
                students.append((sid, f"学生{serial}", school, grade, class_name, rng.choice("男女"), status, major, now))
                if rng.random() < 0.05:
                    continue
                attempt_id += 1
                phq = rng.choices(values, weights, k=8) + rng.choices(values, (0.9, 0.07, 0.02, 0.01), k=1)
                gad = rng.choices(values, weights, k=7)
                pt, gt = sum(phq), sum(gad)
                pb, gb = band_phq(pt), band_gad(gt)
                level = "red" if phq[8] >= 1 else \
                    "orange" if pb in ("moderately-severe", "severe") or gb == "severe" else \
                    "yellow" if pb == "moderate" or gb == "moderate" else "none"
                # The results column as psyscreen writes it (ResultColumn): a line per instrument of id, version,
                # status, flags, crisis, validity, answers and scales (ScaleColumn: id,score,band,answered,items,status).
                results = "\n".join((
                    "\t".join(("phq9", "1.0", "complete", "item9" if phq[8] else "", "1" if phq[8] else "0", "",
                               ",".join(map(str, phq)), f"total,{pt},{pb},9,9,complete")),
                    "\t".join(("gad7", "1.0", "complete", "", "0", "", ",".join(map(str, gad)),
                               f"total,{gt},{gb},7,7,complete"))))
                attempts.append((attempt_id, args.wave, sid, "annual", "1.0", "paper", "finished", now, now, level,
                                 "", 1, "", results))
                answers.extend((attempt_id, "phq9", str(i + 1), i, v) for i, v in enumerate(phq))
                answers.extend((attempt_id, "gad7", str(i + 1), i, v) for i, v in enumerate(gad))
            if len(answers) > 400_000:
                flush()
flush()
db.commit()
print(f"{serial} roster students, {attempt_id} attempts ({2 * attempt_id} instrument results) in wave {args.wave}")
