#!/usr/bin/env python3
"""Checks that psyscreen's and the pandas peer's outputs agree on every total, band and item-9 flag.
Usage: check_agreement.py PSYSCREEN.csv PANDAS.csv
pandas writes band labels ("moderately severe"), psyscreen band ids ("moderately-severe"). Streams both files."""
import csv
import sys

COLUMNS = ["student_id", "phq9.total", "phq9.total.band", "gad7.total", "gad7.total.band", "phq9.flags"]


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        index = [header.index(c) for c in COLUMNS]
        for row in reader:
            yield [row[i] for i in index]


count = 0
mismatches = 0
for ours, theirs in zip(rows(sys.argv[1]), rows(sys.argv[2]), strict=True):
    count += 1
    theirs = [value.replace(" ", "-") for value in theirs]
    if ours != theirs:
        mismatches += 1
        if mismatches <= 10:
            print(f"row {count}: psyscreen {ours} != pandas {theirs}", file=sys.stderr)
if mismatches:
    sys.exit(f"agreement: {mismatches} of {count} rows differ")
print(f"agreement: all {count} rows equal on every total, band and item-9 flag")
