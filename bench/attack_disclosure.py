#!/usr/bin/env python3
"""An integer-programming attack on everything psyscreen publishes about one wave (issue 17's check).

  bench/attack_disclosure.py [--seed S] [--schools N] [--bin PATH] [--keep DIR]

Generates a synthetic wave with small classes and groups (classes of 5-40, skewed prevalence, small gender and
major groups), loads it with the real CLI (roster import, import, wave close), then collects what a reader
gets: every `--by` report (all 32 combinations of school, grade, class, gender, major) in csv and json (the
table, md, html and xlsx formats are written too, not parsed: they render the same report), the exchange file, the coverage tables
by school, grade and class, and a second release after one late paper sheet (attempted: wave open, import, wave
close). The reader also knows the roster and who was screened.

The attack is independent of psyscreen's own audit: per leaf (class x gender x major) unknown counts per level
and band (integers) and per band sums and sums of squares; every published count, mean x n and SD (sums),
median (cumulative band counts), exchange histogram (per-band sums, lowest and highest score) and the policy
(a severe band is at least orange...). For every hidden count it solves two integer programs (scipy's milp,
HiGHS) and reports how many are pinned and how many narrowed below k/2 either side, and the narrowest interval.
"""
import argparse, itertools, json, os, random, shutil, subprocess, sys, tempfile
from collections import defaultdict

import numpy as np
from scipy.optimize import LinearConstraint, milp, Bounds
from scipy.sparse import lil_matrix

PHQ = [("minimal", 0, 4), ("mild", 5, 9), ("moderate", 10, 14), ("moderately-severe", 15, 19), ("severe", 20, 27)]
GAD = [("minimal", 0, 4), ("mild", 5, 9), ("moderate", 10, 14), ("severe", 15, 21)]
SCALES = {"phq9.total": PHQ, "gad7.total": GAD}
POLICY = {("phq9.total", "moderate"): "yellow", ("gad7.total", "moderate"): "yellow",
          ("phq9.total", "moderately-severe"): "orange", ("phq9.total", "severe"): "orange",
          ("gad7.total", "severe"): "orange"}
LEVELS = ["none", "yellow", "orange", "red"]
RANK = {l: i for i, l in enumerate(LEVELS)}
K = 10


def band_of(scale, score):
    return next(b for b, lo, hi in SCALES[scale] if lo <= score <= hi)


def generate(seed, schools, directory):
    rng = random.Random(seed)
    majors = ["护理", "数控", "电商", "会计"]
    roster, sheets, late = [], [], None
    serial = 0
    for s in range(schools):
        school = f"学校{s + 1}"
        for grade in ("2025", "2026"):
            for c in range(rng.randint(3, 5)):
                cls = f"{grade}级{c + 1}班"
                size = rng.choice([5, 6, 8, 12, 18, 25, 33, 40])
                girls = rng.choice([0.05, 0.2, 0.5, 0.8])
                major = rng.choice(majors)
                risk = rng.choice([0.3, 0.8, 1.4])
                for _ in range(size):
                    serial += 1
                    sid = f"X{serial:06d}"
                    gender = "女" if rng.random() < girls else "男"
                    m = major if rng.random() < 0.9 else rng.choice(majors)
                    roster.append((sid, f"学生{serial}", school, grade, cls, gender, "在籍", m))
                    if rng.random() < 0.92:
                        trait = rng.gauss(0, 1) * risk
                        phq = [min(3, max(0, round(0.6 + 0.8 * trait + rng.gauss(0, 0.6)))) for _ in range(8)]
                        phq.append(1 if trait > 1.8 else 0)
                        gad = [min(3, max(0, round(0.5 + 0.8 * trait + rng.gauss(0, 0.6)))) for _ in range(7)]
                        sheets.append((sid, f"学生{serial}", cls, phq + gad))
                    elif late is None:
                        late = (sid, f"学生{serial}", cls, [3, 3, 2, 2, 2, 2, 2, 1, 1] + [2] * 7)
    with open(f"{directory}/roster.csv", "w", encoding="utf-8") as f:
        f.write("student_id,name,school,grade,class,gender,status,major\n")
        for row in roster:
            f.write(",".join(row) + "\n")
    header = "student_id,name,class," + ",".join([f"phq9_{i}" for i in range(1, 10)] + [f"gad7_{i}" for i in range(1, 8)])
    for name, rows in (("paper.csv", sheets), ("late.csv", [late] if late else [])):
        with open(f"{directory}/{name}", "w", encoding="utf-8") as f:
            f.write(header + "\n")
            for sid, nm, cls, answers in rows:
                f.write(f"{sid},{nm},{cls}," + ",".join(map(str, answers)) + "\n")
    return roster, sheets


class CLI:
    def __init__(self, binary, directory):
        self.binary, self.directory = binary, directory
        self.env = dict(os.environ, PSYSCREEN_DB=f"{directory}/school.sqlite",
                        PSYSCREEN_INSTRUMENTS=os.path.abspath("instruments"))

    def __call__(self, *args, check=True):
        result = subprocess.run([self.binary, *args], cwd=self.directory, env=self.env, capture_output=True, text=True)
        if check and result.returncode != 0:
            sys.exit(f"psyscreen {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result


def parse_csv_report(text):
    """{(level, school, grade, class, group): {statistic: value or None}}"""
    units = defaultdict(dict)
    for line in text.splitlines()[1:]:
        fields = line.split(",")
        level, school, grade, cls, group, instrument, scale, statistic, value = fields[:9]
        if statistic.startswith("stamp:"):
            continue
        key = f"{instrument}.{scale}:{statistic}" if instrument else statistic
        if ":band_percent:" in key or statistic == "coverage_percent":
            continue  # derived from published counts
        units[(level, school, grade, cls, group)][key] = None if value == "—" else float(value)
    return units


def collect(cli, directory, release):
    """Every output of the wave: {unit key: {statistic: value}}, merged over outputs (they must agree)."""
    published, conflicts = defaultdict(dict), 0
    dims = ["school", "grade", "class", "gender", "major"]
    for r in range(len(dims) + 1):
        for combo in itertools.combinations(dims, r):
            args = ["report", "--wave", "w", "--format", "csv"] + (["--by", ",".join(combo)] if combo else ["--by", ""])
            out = cli(*args).stdout
            for unit, stats in parse_csv_report(out).items():
                for key, value in stats.items():
                    old = published[unit].get(key, "absent")
                    if old != "absent" and old != value and not (old is None or value is None):
                        conflicts += 1
                    if value is not None or key not in published[unit]:
                        published[unit][key] = value if value is not None else published[unit].get(key)
            # json carries the same figures (checked on the full report only, for time)
    for fmt in ("json", "html", "md", "table", "xlsx"):
        cli("report", "--wave", "w", "--format", fmt, "--lang", "en", "-o", f"{directory}/r{release}.{fmt}")
    cli("export", "--wave", "w", "-o", f"{directory}/exchange{release}.json")
    exchange = json.load(open(f"{directory}/exchange{release}.json", encoding="utf-8"))
    coverage = {}
    for level in ("school", "grade", "class"):
        coverage[level] = cli("coverage", "--wave", "w", "--by", level, "--format", "csv").stdout
    return published, exchange, conflicts


def leaves_from_db(path):
    import sqlite3
    db = sqlite3.connect(path)
    rows = db.execute("""
        WITH latest AS (SELECT student_id, MAX(id) id FROM attempt WHERE wave_id = 'w' GROUP BY student_id)
        SELECT s.school, s.grade, s.class, s.gender, COALESCE(s.major, ''), a.scored, s.status
        FROM student s LEFT JOIN latest l ON l.student_id = s.student_id LEFT JOIN attempt a ON a.id = l.id""").fetchall()
    leaves = defaultdict(int)
    for school, grade, cls, gender, major, scored, status in rows:
        if status == "enrolled" and scored:
            leaves[(school, grade, cls, gender or "?", major or "?")] += 1
    return dict(leaves)


def members(unit, leaves):
    level, school, grade, cls, group = unit
    attr, _, value = group.partition("=")
    out = []
    for i, (s, g, c, gender, major) in enumerate(leaves):
        if school and s != school: continue
        if grade and g != grade: continue
        if cls and c != cls: continue
        if attr == "gender" and gender != value: continue
        if attr == "major" and major != value: continue
        out.append(i)
    return out


class Program:
    def __init__(self, leaves):
        self.leaf_list = list(leaves)
        self.n = [leaves[l] for l in self.leaf_list]
        self.vars = 0
        self.lower, self.upper, self.integer = [], [], []
        self.level = []   # per leaf: 4 var ids
        self.band = []    # per leaf: {scale: [var ids]}
        self.s1, self.s2 = [], []
        self.rows = []    # (dict var->coef, lb, ub)
        for i, n in enumerate(self.n):
            lv = [self.var(0, n, True) for _ in LEVELS]
            self.rows.append(({v: 1 for v in lv}, n, n))
            self.level.append(lv)
            bands, ones, twos = {}, {}, {}
            for scale, spec in SCALES.items():
                bv = [self.var(0, n, True) for _ in spec]
                self.rows.append(({v: 1 for v in bv}, n, n))
                o, t = [], []
                for v, (_, lo, hi) in zip(bv, spec):
                    a, b = self.var(0, hi * n, False), self.var(0, hi * hi * n, False)
                    self.rows += [({a: 1, v: -lo}, 0, np.inf), ({a: 1, v: -hi}, -np.inf, 0),
                                  ({b: 1, v: -lo * lo}, 0, np.inf), ({b: 1, v: -hi * hi}, -np.inf, 0)]
                    o.append(a); t.append(b)
                bands[scale], ones[scale], twos[scale] = bv, o, t
                for level in ("yellow", "orange"):
                    mapped = [bv[j] for j, (name, _, _) in enumerate(spec) if RANK.get(POLICY.get((scale, name)), -1) >= RANK[level]]
                    above = [lv[RANK[l]] for l in LEVELS if RANK[l] >= RANK[level]]
                    row = {v: 1 for v in mapped}
                    for v in above: row[v] = row.get(v, 0) - 1
                    self.rows.append((row, -np.inf, 0))
            for level in ("yellow", "orange"):
                exact = [bands[s][j] for s, spec in SCALES.items() for j, (name, _, _) in enumerate(spec) if POLICY.get((s, name)) == level]
                row = {lv[RANK[level]]: 1}
                for v in exact: row[v] = row.get(v, 0) - 1
                self.rows.append((row, -np.inf, 0))
            self.band.append(bands); self.s1.append(ones); self.s2.append(twos)

    def var(self, lo, hi, integer):
        self.lower.append(lo); self.upper.append(hi); self.integer.append(1 if integer else 0)
        self.vars += 1
        return self.vars - 1

    def cell_terms(self, stat, idx):
        if stat.startswith("level:"):
            return [self.level[i][RANK[stat[6:]]] for i in idx]
        scale, _, band = stat.partition(":band:")
        names = [b for b, _, _ in SCALES[scale]]
        return [self.band[i][scale][names.index(band)] for i in idx]

    def publish(self, terms, value):
        if terms:
            self.rows.append(({v: 1 for v in terms}, value, value))

    def solve_all(self, cells):
        A = lil_matrix((len(self.rows), self.vars))
        lb, ub = np.zeros(len(self.rows)), np.zeros(len(self.rows))
        for r, (row, lo, hi) in enumerate(self.rows):
            for v, c in row.items(): A[r, v] = c
            lb[r], ub[r] = lo, hi
        constraint = LinearConstraint(A.tocsr(), lb, ub)
        bounds = Bounds(np.array(self.lower, float), np.array(self.upper, float))
        integrality = np.array(self.integer)
        results = []
        for terms in cells:
            c = np.zeros(self.vars)
            for v in terms: c[v] = 1
            ends = []
            for sign in (1, -1):
                res = milp(sign * c, constraints=constraint, bounds=bounds, integrality=integrality,
                           options={"time_limit": 20})
                ends.append(round(sign * res.fun) if res.status == 0 else None)
            results.append(ends)
        return results


def attack(published, exchange, leaves):
    program = Program(leaves)
    leaf_list = program.leaf_list
    hidden = []  # (unit, stat, idx)
    for unit, stats in published.items():
        idx = members(unit, leaf_list)
        n = {s: stats.get(f"{s}:n") for s in SCALES}
        for stat, value in stats.items():
            if not (stat.startswith("level:") or ":band:" in stat) or stat.startswith(("level:none",)):
                continue
            if ":band_percent:" in stat:
                continue
            if value is None:
                hidden.append((unit, stat, idx))
            else:
                program.publish(program.cell_terms(stat, idx), value)
        for scale in SCALES:
            mean, sd, nn = stats.get(f"{scale}:mean"), stats.get(f"{scale}:sd"), stats.get(f"{scale}:n")
            if mean is not None and nn:
                s1 = round(mean * nn)
                terms = [v for i in idx for v in program.s1[i][scale]]
                program.publish(terms, s1)
                if sd is not None and nn > 1:
                    s2 = round(sd * sd * (nn - 1) + s1 * s1 / nn)
                    program.publish([v for i in idx for v in program.s2[i][scale]], s2)
            median = stats.get(f"{scale}:median")
            if median is not None and nn:
                nn = int(nn)
                low_rank, high_rank = (nn + 1) // 2, nn // 2 + 1
                below = {program.band[i][scale][j]: 1 for i in idx for j, (_, lo, _) in enumerate(SCALES[scale]) if lo <= median}
                above = {program.band[i][scale][j]: 1 for i in idx for j, (_, _, hi) in enumerate(SCALES[scale]) if hi >= median}
                program.rows.append((below, low_rank, np.inf))
                program.rows.append((above, nn - high_rank + 1, np.inf))
    for unit in exchange["units"]:
        key = (unit["level"], unit["school"], unit["grade"], "", unit["group"])
        idx = members(key, leaf_list)
        for scale in unit["scales"]:
            name = scale["scale"]
            if scale.get("histogram"):
                hist = {int(k): v for k, v in scale["histogram"].items()}
                for j, (_, lo, hi) in enumerate(SCALES[name]):
                    present = {x: c for x, c in hist.items() if lo <= x <= hi}
                    program.publish([program.s1[i][name][j] for i in idx], sum(x * c for x, c in present.items()))
                    program.publish([program.s2[i][name][j] for i in idx], sum(x * x * c for x, c in present.items()))
    cells = [program.cell_terms(stat, idx) for _, stat, idx in hidden]
    results = program.solve_all(cells)
    return hidden, results


def truth(cli, directory):
    """The true counts of every unit, from a report at k = 5 without suppression is impossible: read the DB."""
    import sqlite3
    db = sqlite3.connect(f"{directory}/school.sqlite")
    rows = db.execute("""
        WITH latest AS (SELECT student_id, MAX(id) id FROM attempt WHERE wave_id = 'w' GROUP BY student_id),
             red AS (SELECT student_id, MAX(level = 'red') r FROM attempt WHERE wave_id = 'w' GROUP BY student_id)
        SELECT s.school, s.grade, s.class, s.gender, COALESCE(s.major, ''), CASE WHEN red.r THEN 'red' ELSE a.level END,
               a.results
        FROM student s JOIN latest l ON l.student_id = s.student_id JOIN attempt a ON a.id = l.id
        JOIN red ON red.student_id = s.student_id
        WHERE s.status = 'enrolled' AND a.scored""").fetchall()
    return [row[:6] + (total_score(row[6], "phq9"), total_score(row[6], "gad7")) for row in rows]


def total_score(results, instrument):
    """The score of the instrument's first scale when it is "total" (None without one), from an attempt's results
    column: a line per instrument, tab-separated fields, the scales text ("total,SCORE,…") last."""
    for line in results.split("\n") if results else []:
        fields = line.split("\t")
        if fields[0] == instrument and fields[7].startswith("total,"):
            score = fields[7].split(",")[1]
            return float(score) if score else None
    return None


def value_of(unit, stat, rows):
    level, school, grade, cls, group = unit
    attr, _, val = group.partition("=")
    total = 0
    for s, g, c, gender, major, lvl, phq, gad in rows:
        if school and s != school: continue
        if grade and g != grade: continue
        if cls and c != cls: continue
        if attr == "gender" and gender != val: continue
        if attr == "major" and major != val: continue
        if stat.startswith("level:"):
            total += lvl == stat[6:]
        else:
            scale, _, band = stat.partition(":band:")
            score = phq if scale.startswith("phq9") else gad
            total += score is not None and band_of(scale, int(score)) == band
    return total


def report(label, hidden, results, rows, published, leaves):
    """Pinned and narrowed counts, against [max(0, v - p), min(U, v + p)] with U the unit's n (or screened) and
    any published count of the same statistic of a larger group containing it (what psyscreen documents)."""
    p = (K + 1) // 2
    leaf_list = list(leaves)
    pinned = narrowed = exempt = 0
    narrowest = None
    for (unit, stat, idx), (low, high) in zip(hidden, results):
        if low is None or high is None:
            print(f"  unsolved: {unit} {stat}")
            continue
        v = value_of(unit, stat, rows)
        upper = sum(leaves[leaf_list[i]] for i in idx)
        for other, stats in published.items():
            if stats.get(stat) is not None and other != unit and set(idx) <= set(members(other, leaf_list)):
                upper = min(upper, int(stats[stat]))
        if upper == 0:
            exempt += 1  # a zero whose larger group published a zero
            continue
        if low == high:
            pinned += 1
            print(f"  pinned: {'/'.join(x for x in unit[1:] if x)} {stat} = {v}")
        elif low > max(0, v - p) or high < min(upper, v + p):
            narrowed += 1
            print(f"  narrowed: {'/'.join(x for x in unit[1:] if x)} {stat} = {v}: {low}…{high}, "
                  f"protection {max(0, v - p)}…{min(upper, v + p)}")
        if narrowest is None or high - low < narrowest[0]:
            narrowest = (high - low, unit, stat, low, high, v)
    print(f"{label}: {len(hidden)} hidden counts; pinned {pinned}; narrowed below ±{p} (not pinned) {narrowed}; "
          f"zeros of a larger group's published zero {exempt}")
    if narrowest:
        w, unit, stat, low, high, v = narrowest
        print(f"  narrowest interval: {'/'.join(x for x in unit[1:] if x)} {stat}: {low}…{high} (width {w})")
    return pinned, narrowed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--schools", type=int, default=2)
    parser.add_argument("--bin", default=".build/release/psyscreen")
    parser.add_argument("--keep")
    args = parser.parse_args()
    directory = args.keep or tempfile.mkdtemp(prefix="attack-")
    os.makedirs(directory, exist_ok=True)
    binary = os.path.abspath(args.bin)
    roster, sheets = generate(args.seed, args.schools, directory)
    cli = CLI(binary, directory)
    cli("roster", "import", "roster.csv")
    cli("import", "--wave", "w", "--battery", "annual", "paper.csv")
    cli("wave", "close", "w")
    print(f"wave: seed {args.seed}, {args.schools} schools, {len(roster)} students, {len(sheets)} screened")
    published, exchange, conflicts = collect(cli, directory, 1)
    print(f"outputs: 32 --by reports (csv), json/html/md/table/xlsx, exchange file ({len(exchange['units'])} units, "
          f"smallest enrolled {min(u['enrolled'] for u in exchange['units'])}), coverage tables; "
          f"figures that differ between outputs: {conflicts}")
    leaves = leaves_from_db(f"{directory}/school.sqlite")
    rows = truth(cli, directory)
    hidden, results = attack(published, exchange, leaves)
    report("release 1", hidden, results, rows, published, leaves)
    # A second release after one late sheet.
    cli("wave", "open", "w")
    cli("import", "--wave", "w", "--battery", "annual", "late.csv")
    second = cli("wave", "close", "w", check=False)
    if second.returncode == 0:
        published2, exchange2, _ = collect(cli, directory, 2)
        for unit, stats in published2.items():
            for key, value in stats.items():
                if published.get(unit, {}).get(key) not in (None, value) and value is not None:
                    print(f"  release 2 differs: {unit} {key}")
        print("release 2: made (the changed students were safe to publish)")
    else:
        print("release 2 after one late sheet: refused —", second.stderr.strip().splitlines()[-1][:300])
    if not args.keep:
        shutil.rmtree(directory)


if __name__ == "__main__":
    main()
