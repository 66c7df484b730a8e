#!/usr/bin/env python3
"""Runs one command and measures the whole process, for bench/run.sh.

    python3 bench/measure.py OUT.json -- COMMAND [ARGS...]

The command's stdout and stderr pass through. OUT.json gets one line: wallSeconds (monotonic clock around the child,
start-up and exit included, microsecond resolution), userSeconds and systemSeconds (CPU time of the child and of
anything it waited for), maxRssKb (its peak resident set), and exitCode. Unlike GNU time's %e (10 ms steps), this
resolves a cold start of a few tens of milliseconds. Exits with the command's exit code. Standard library only.
"""
import json
import os
import sys
import time


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        print("usage: measure.py OUT.json -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    out, command = sys.argv[1], sys.argv[3:]
    started = time.perf_counter_ns()
    try:
        pid = os.posix_spawnp(command[0], command, os.environ)
    except OSError as error:
        print(f"measure.py: cannot start {command[0]}: {error}", file=sys.stderr)
        return 127
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter_ns() - started) / 1e9
    code = os.waitstatus_to_exitcode(status)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"wallSeconds": round(wall, 6), "userSeconds": round(usage.ru_utime, 6),
                   "systemSeconds": round(usage.ru_stime, 6), "maxRssKb": usage.ru_maxrss, "exitCode": code}, handle)
        handle.write("\n")
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
