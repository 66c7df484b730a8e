#!/usr/bin/env python3
"""The reading end of bench/run.sh's datazone-gen-cli client: the README's command-line tool
(samples/DataSourceRuns `list-runs --output json`, one run per line) pipes its output here, and this prints the same
one-line result as the other clients: the count and SHA-256 of the ids joined by "\\n", and the time from this
process's start (beside the tool's) to the tool's last line, which is the tool's whole run, start-up included.
Standard library only.
"""
import hashlib
import json
import sys
import time

PREFIX = b'{"id":"'


def main() -> int:
    started = time.perf_counter()
    digest = hashlib.sha256()
    items = 0
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        if items:
            digest.update(b"\n")
        # The tool writes "id" first; reading it without parsing the rest keeps this reader's CPU out of the race.
        if line.startswith(PREFIX) and (end := line.find(b'"', len(PREFIX))) > 0 and b"\\" not in line[:end]:
            digest.update(line[len(PREFIX):end])
        else:
            digest.update(json.loads(line)["id"].encode("utf-8"))
        items += 1
    elapsed_ms = (time.perf_counter() - started) * 1000
    print(json.dumps({"client": "datazone-gen-cli", "items": items, "sha256": digest.hexdigest(),
                      "elapsedMs": round(elapsed_ms, 3), "peakWorkingSetBytes": 0}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
