#!/usr/bin/env bash
# The long breadth run for occasional use (issue 12 §5): every rest-json and json service of a botocore data folder,
# every paginator annotated, compiled with zero warnings and zero errors. Prints one line per service (then each
# distinct problem) and writes the full report to breadth-report.txt (or REPORT); with SOURCES, the generated files of
# every service that is not clean are kept there (SOURCES/<service>/). Models are read by path, never copied.
#   bash tests/Generator.Tests/run-breadth.sh [--all-operations] BOTOCORE_DATA_DIR [REPORT] [SOURCES]
# --all-operations also asks for every other operation with [DataZoneOperation] (event streams, streaming bodies, ...).
#   e.g. bash tests/Generator.Tests/run-breadth.sh /usr/lib/python3/dist-packages/botocore/data
set -euo pipefail
if [ "${1:-}" = "--all-operations" ]; then
  export DZGEN_BREADTH_OPERATIONS=all
  shift
fi
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 [--all-operations] BOTOCORE_DATA_DIR [REPORT] [SOURCES]   (the folder holding <service>/<version>/service-2.json)" >&2
  exit 2
fi
export DZGEN_BREADTH_DIR
DZGEN_BREADTH_DIR="$(cd "$1" && pwd)"
export DZGEN_BREADTH_REPORT="${2:-$PWD/breadth-report.txt}"
if [ $# -ge 3 ]; then
  mkdir -p "$3"
  export DZGEN_BREADTH_SOURCES
  DZGEN_BREADTH_SOURCES="$(cd "$3" && pwd)"
fi
cd "$(dirname "$0")/../.."
status=0
dotnet test tests/Generator.Tests --filter "FullyQualifiedName~OtherServicesBreadthTests.Every_paginator_of_every_service" \
  --logger "console;verbosity=normal" >/dev/null 2>&1 || status=$?
grep -E '^(ok  |types|FAIL)|services clean' "$DZGEN_BREADTH_REPORT" || true
echo "full report: $DZGEN_BREADTH_REPORT"
exit "$status"
