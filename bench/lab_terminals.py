#!/usr/bin/env python3
"""Lab terminals answering at once: TERMINALS `psyscreen take --kiosk` processes, each seeing STUDENTS students in
turn through a pipe, every line typed only once the previous prompt is on the screen.

  lab_terminals.py BIN DB WAVE TERMINALS STUDENTS --ids FILE [--pause SECONDS] [--env NAME=VALUE ...]

FILE lists student IDs, one a line; terminal t takes the IDs t, t + TERMINALS, … Each student: ID, y (it is me),
y (consent), 16 answers (PHQ-9 + GAD-7, values 0-3 from a fixed sequence), Enter. An answer's latency is the time
from writing its line to reading the next prompt: the answer was committed by then (take saves it before it shows
anything else). Prints one line of JSON: sessions finished, answers sent, failed terminals (exit status, or a
"not saved" line), latency p50/p99/max in seconds, and the answers each student was sent (for the caller to check
against the database)."""
import argparse
import json
import os
import pty
import subprocess
import sys
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument("bin")
parser.add_argument("db")
parser.add_argument("wave")
parser.add_argument("terminals", type=int)
parser.add_argument("students", type=int)
parser.add_argument("--ids", required=True)
parser.add_argument("--pause", type=float, default=0.0)
parser.add_argument("--env", action="append", default=[])
args = parser.parse_args()

ids = [line.strip() for line in open(args.ids, encoding="utf-8") if line.strip()]
environment = dict(os.environ)
for pair in args.env:
    name, value = pair.split("=", 1)
    environment[name] = value

PROMPTS = {
    "id": b"Your student ID: ",
    "confirm": b"Is this you? (y/n) ",
    "consent": b"Do you agree to take part? (y/n) ",
    "answer": b"): ",
    "dismiss": b"Press Enter to finish.",
}

latencies = []
failures = []
sent = {}
finished = [0]
lock = threading.Lock()


def terminal(number):
    # A kiosk's screen must be a terminal (it clears it between students): a pseudo-terminal, read here; the
    # typed lines still go through a pipe.
    screen, screen_side = pty.openpty()
    process = subprocess.Popen(
        [args.bin, "take", "--battery", "annual", "--wave", args.wave, "--db", args.db, "--lang", "en", "--kiosk"],
        stdin=subprocess.PIPE, stdout=screen_side, stderr=subprocess.PIPE, env=environment, bufsize=0)
    os.close(screen_side)
    seen = bytearray()

    def read_screen():
        try:
            return os.read(screen, 1)
        except OSError:  # the kiosk exited: Linux reports EIO on the pseudo-terminal
            return b""

    def wait_for(*names):
        """Reads until one of the prompts ends the output so far; returns its name."""
        while True:
            for name in names:
                if seen.endswith(PROMPTS[name]) or (name == "dismiss" and PROMPTS[name] in seen[-200:]):
                    seen.clear()
                    return name
            chunk = read_screen()
            if not chunk:
                raise EOFError(bytes(seen[-300:]).decode("utf-8", "replace"))
            seen.extend(chunk)
            if b"not saved" in seen[-200:]:
                raise RuntimeError("not saved: " + bytes(seen[-300:]).decode("utf-8", "replace"))

    def type_line(text):
        if args.pause:
            time.sleep(args.pause)
        process.stdin.write((text + "\n").encode())

    mine = ids[number::args.terminals][: args.students]
    try:
        wait_for("id")
        for index, student in enumerate(mine):
            answers = [str((number + index + item) % 4 if item != 8 else 0) for item in range(16)]
            type_line(student)
            wait_for("confirm")
            type_line("y")
            wait_for("consent")
            type_line("y")
            wait_for("answer")
            for position, answer in enumerate(answers):
                start = time.monotonic()
                type_line(answer)
                wait_for("answer" if position < 15 else "dismiss")
                with lock:
                    latencies.append(time.monotonic() - start - args.pause)
            type_line("")
            wait_for("id")
            with lock:
                sent[student] = answers
                finished[0] += 1
        process.stdin.close()
        status = process.wait(timeout=60)
        if status != 0:
            raise RuntimeError(f"exit status {status}: {process.stderr.read().decode('utf-8', 'replace')[-300:]}")
    except Exception as error:  # noqa: BLE001 - every failure is reported
        with lock:
            failures.append(f"terminal {number}: {error}")
        process.kill()
        process.wait()
    finally:
        os.close(screen)


threads = [threading.Thread(target=terminal, args=(number,)) for number in range(args.terminals)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
latencies.sort()


def quantile(q):
    return latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else 0.0


print(json.dumps({
    "sessions": finished[0], "answers": len(latencies), "failed": len(failures), "failures": failures[:5],
    "p50": round(quantile(0.5), 4), "p99": round(quantile(0.99), 4), "max": round(latencies[-1] if latencies else 0.0, 4),
    "sent": sent,
}, ensure_ascii=False))
sys.exit(1 if failures else 0)
