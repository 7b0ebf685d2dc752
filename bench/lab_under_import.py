#!/usr/bin/env python3
"""Lab terminals answering while a big paper import runs (see lab_under_import.sh, which prepares the files).

  lab_under_import.py PSYSCREEN DB SHEETS.CSV LAB_IDS.TXT [SESSIONS]

SESSIONS (default 40) `take` processes run at once through pipes, each answering the 16 items of the annual
battery one after the other (a new student as soon as one finishes), while `import` stores SHEETS.CSV into the same
database. An answer's commit latency is the time from typing it to the next question (or the end of the sitting)
appearing: take shows the next question only once the answer is committed. Prints the import's time, the number
of answers, failed sessions, lost answers (every answer typed must be in the database afterwards), and the
latency median, p99 and maximum. Exit status 1 when a session failed or an answer was lost.
"""
import os
import select
import sqlite3
import subprocess
import sys
import threading
import time

binary, db, sheets, lab_ids = sys.argv[1:5]
sessions = int(sys.argv[5]) if len(sys.argv) > 5 else 40
wave = "2026-autumn"
ids = [line.strip() for line in open(lab_ids) if line.strip()]
lock = threading.Lock()
latencies, failures, sittings, saving_notices = [], [], [], [0]
stop = threading.Event()
next_student = [0]


def take_student():
    with lock:
        if next_student[0] >= len(ids):
            return None
        next_student[0] += 1
        return ids[next_student[0] - 1]


def read_until(process, buffer, markers, timeout=120):
    """Reads stdout until one of `markers` appears after what was already seen; returns (marker, buffer)."""
    deadline = time.monotonic() + timeout
    start = len(buffer)
    while time.monotonic() < deadline:
        text = buffer[start:]
        for marker in markers:
            if marker in text:
                return marker, buffer
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                return "EOF", buffer
            buffer += chunk
    return None, buffer


def session(number):
    answer_cycle = [(number + k) % 4 for k in range(16)]
    while not stop.is_set():
        student = take_student()
        if student is None:
            return
        process = subprocess.Popen(
            [binary, "take", "--db", db, "--battery", "annual", "--wave", wave, "--lang", "en"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        buffer = b""

        def send(line):
            process.stdin.write((line + "\n").encode())
            process.stdin.flush()

        ok = True
        answers = []
        try:
            send(student)
            marker, buffer = read_until(process, buffer, [b"(y/n)"])
            ok = marker is not None
            if ok:
                send("y")
                marker, buffer = read_until(process, buffer, [b"take part?"])
                ok = marker is not None
            if ok:
                send("y")
                marker, buffer = read_until(process, buffer, [b"[1/16]"])
                ok = marker is not None
            for item in range(16):
                if not ok:
                    break
                value = answer_cycle[item]
                started = time.monotonic()
                send(str(value))
                # The next question, or for the last answer the end of the sitting (the closing text, then EOF).
                expected = [f"[{item + 2}/16]".encode()] if item < 15 else []
                marker, buffer = read_until(process, buffer, expected + [b"went wrong"])
                took = time.monotonic() - started
                if marker is None or marker == b"went wrong" or (item < 15 and marker == "EOF"):
                    ok = False
                    break
                answers.append(value)
                with lock:
                    latencies.append(took)
            process.stdin.close()
        except (BrokenPipeError, OSError):
            ok = False
        status = process.wait()
        stderr = process.stderr.read().decode(errors="replace")
        with lock:
            saving_notices[0] += buffer.count(b"Saving, please wait")
            if not ok or status != 0 or b"went wrong" in buffer:
                failures.append((student, status, stderr.strip()[-300:]))
            sittings.append((student, answers))


threads = [threading.Thread(target=session, args=(n,)) for n in range(sessions)]
for thread in threads:
    thread.start()
time.sleep(3)  # the lab is busy before the import starts
started = time.monotonic()
imported = subprocess.run(
    [binary, "import", "--db", db, "--wave", wave, "--battery", "annual", sheets], capture_output=True, text=True)
import_seconds = time.monotonic() - started
time.sleep(2)
stop.set()
for thread in threads:
    thread.join()

# Every answer typed and acknowledged must be in the database.
connection = sqlite3.connect(db)
lost = 0
for student, answers in sittings:
    stored = connection.execute(
        """SELECT an.instrument_id, an.position, an.value FROM answer an JOIN attempt a ON a.id = an.attempt_id
           WHERE a.student_id = ? AND a.wave_id = ? AND a.source = 'terminal'""", (student, wave)).fetchall()
    by_item = {(instrument, position): value for instrument, position, value in stored}
    order = [("phq9", p) for p in range(9)] + [("gad7", p) for p in range(7)]
    for (key, value) in zip(order, answers):
        if by_item.get(key) != value:
            lost += 1

latencies.sort()


def percentile(fraction):
    return latencies[min(len(latencies) - 1, int(fraction * len(latencies)))] if latencies else float("nan")


print(f"import: {import_seconds:.2f} s, exit {imported.returncode}: {imported.stderr.strip().splitlines()[-1] if imported.stderr.strip() else ''}")
print(f"sessions: {sessions} terminals, {len(sittings)} sittings, {len(failures)} failed")
for student, status, stderr in failures[:5]:
    print(f"  failed: {student} exit {status}: {stderr}")
print(f"answers: {len(latencies)} committed, {lost} lost; 'saving' shown {saving_notices[0]} times")
print(f"answer-commit latency: median {percentile(0.5) * 1000:.0f} ms, p99 {percentile(0.99) * 1000:.0f} ms, "
      f"max {latencies[-1] * 1000 if latencies else float('nan'):.0f} ms")
goal = not failures and lost == 0 and percentile(0.99) <= 1.0 and (latencies[-1] if latencies else 99) <= 2.0
print("goal (0 failed, 0 lost, p99 <= 1 s, max <= 2 s):", "met" if goal else "NOT met")
sys.exit(0 if not failures and lost == 0 else 1)
