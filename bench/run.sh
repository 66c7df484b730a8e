#!/usr/bin/env bash
# End-to-end benchmark (issue 5): list every run of one data source, page size 50, from the local emulator
# (Release build, SigV4 checks on, loopback) with
#   datazone-gen   this project's generated paginator   (bench/Consumer, .NET, Release)
#   aws-sdk-js-v3  @aws-sdk/client-datazone             (bench/peers/js, paginateListDataSourceRuns)
#   boto3          Debian's python3-boto3               (bench/peers/python, get_paginator)
#   raw-floor      HttpClient + SigV4Signer, no parsing (bench/RawFloor)
#   datazone-gen-nopgo, raw-floor-nopgo: the same two .NET programs with DOTNET_TieredPGO=0
#   datazone-gen-aot, raw-floor-aot: the same two .NET programs published as Native AOT (no JIT)
# alternating clients, several repetitions; every client must return the same items (count and SHA-256 of the ids)
# or the script fails. Then the consumer's memory at scale (10,000 vs 1,000,000 runs). Writes bench/results.md
# (its end-to-end, memory and machine sections), bench/results.json and bench/items-per-second.svg.
#
#   bash bench/run.sh                 # the full run (installs what it needs; about 10 minutes on 2 cores)
#   bash bench/run.sh --smoke         # seconds: 2,000 runs, 1 repetition, no installs, peers whose tools are
#                                     # missing are skipped; results go to a temporary folder, not bench/
#   options: --runs N  --reps N  --memory-runs "10000 1000000"  --memory-reps N  --out DIR  --no-install  --no-aot
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
COMMAND="bash bench/run.sh${*:+ $*}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export AWS_EC2_METADATA_DISABLED=true NODE_NO_WARNINGS=1
# No stray credentials, profiles or endpoints from the environment: every client is given the emulator's.
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_DATAZONE AWS_SESSION_TOKEN \
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI AWS_CONTAINER_CREDENTIALS_FULL_URI AWS_CONTAINER_AUTHORIZATION_TOKEN \
  AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE AWS_WEB_IDENTITY_TOKEN_FILE AWS_ROLE_ARN || true

SMOKE=0 INSTALL=1 AOT=1 RUNS=100000 REPS=5 MEMORY_RUNS="10000 1000000" MEMORY_REPS=3 OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=1 INSTALL=0 AOT=0 RUNS=2000 REPS=1 MEMORY_RUNS="" ;;
    --runs) RUNS=$2; shift ;;
    --reps) REPS=$2; shift ;;
    --memory-runs) MEMORY_RUNS=$2; shift ;;
    --memory-reps) MEMORY_REPS=$2; shift ;;
    --out) OUT=$2; shift ;;
    --no-install) INSTALL=0 ;;
    --no-aot) AOT=0 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
PAGE_SIZE=50
if [ -z "$OUT" ]; then
  if [ "$SMOKE" = 1 ]; then OUT=$(mktemp -d /tmp/datazone-gen-bench.XXXXXX); else OUT="$ROOT/bench"; fi
fi
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/datazone-gen-bench-work.XXXXXX)
EMULATOR_PID=""
stop_emulator() {
  if [ -n "$EMULATOR_PID" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
    kill -TERM "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  EMULATOR_PID=""
}
trap 'stop_emulator; rm -rf "$WORK"' EXIT
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- tools
DEBIAN_PYTHON=/usr/bin/python3   # Debian's python3-boto3 lives in the system interpreter
SHARED_MODELS=$(cd "$ROOT/.." && pwd)/shared/models
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}
if [ "$INSTALL" = 1 ]; then
  if [ ! -x /usr/bin/time ]; then log "installing time (Debian)"; apt_install time; fi
  if ! "$DEBIAN_PYTHON" -c 'import boto3' 2>/dev/null; then log "installing python3-boto3 (Debian)"; apt_install python3-boto3; fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then log "installing nodejs and npm (Debian)"; apt_install nodejs npm; fi
  # Native AOT links with clang and needs zlib's headers.
  if [ "$AOT" = 1 ] && { ! command -v clang >/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; }; then
    log "installing clang and zlib1g-dev (Debian) for Native AOT"; apt_install clang zlib1g-dev
  fi
  log "installing @aws-sdk/client-datazone (npm) into bench/peers/js"
  (cd bench/peers/js && npm install --no-package-lock --no-audit --no-fund --loglevel=error >&2)
fi
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

CLIENTS=(datazone-gen raw-floor datazone-gen-nopgo raw-floor-nopgo)
SKIPPED=()
if [ "$AOT" = 1 ]; then
  if command -v clang >/dev/null; then CLIENTS+=(datazone-gen-aot raw-floor-aot)
  else echo "run.sh: Native AOT needs clang (drop --no-install, or pass --no-aot)" >&2; exit 1; fi
fi
if command -v node >/dev/null && [ -d bench/peers/js/node_modules/@aws-sdk/client-datazone ]; then
  CLIENTS+=(aws-sdk-js-v3)
elif [ "$SMOKE" = 1 ]; then SKIPPED+=("aws-sdk-js-v3 (node or bench/peers/js/node_modules missing)")
else echo "run.sh: the JavaScript peer is not installed (drop --no-install)" >&2; exit 1; fi
if "$DEBIAN_PYTHON" -c 'import boto3' 2>/dev/null && [ -f "$SHARED_MODELS/datazone/2018-05-10/service-2.json" ]; then
  CLIENTS+=(boto3)
elif [ "$SMOKE" = 1 ]; then SKIPPED+=("boto3 (python3-boto3 or ../shared/models missing)")
else echo "run.sh: boto3 needs Debian's python3-boto3 and $SHARED_MODELS" >&2; exit 1; fi
for s in "${SKIPPED[@]}"; do log "skipping $s"; done

# ---------------------------------------------------------------- build (Release)
log "building emulator, consumer and raw floor (Release)"
for project in emulator/DataZone.Gen.Emulator.csproj bench/Consumer/Consumer.csproj bench/RawFloor/RawFloor.csproj; do
  if ! dotnet build "$project" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1; then
    cat "$WORK/build.log" >&2; echo "run.sh: building $project failed" >&2; exit 1
  fi
done
if [ "$AOT" = 1 ]; then
  log "publishing consumer and raw floor as Native AOT"
  for project in Consumer RawFloor; do
    if ! dotnet publish "bench/$project/$project.csproj" -c Release -r linux-x64 -p:PublishAot=true \
        -o "bench/$project/bin/Release/aot" -nologo -v quiet >"$WORK/build.log" 2>&1; then
      cat "$WORK/build.log" >&2; echo "run.sh: publishing bench/$project as Native AOT failed" >&2; exit 1
    fi
  done
fi
EMULATOR=emulator/bin/Release/net10.0/DataZone.Gen.Emulator
CONSUMER=bench/Consumer/bin/Release/net10.0/DataZone.Gen.Bench.Consumer
FLOOR=bench/RawFloor/bin/Release/net10.0/DataZone.Gen.Bench.RawFloor

# ---------------------------------------------------------------- emulator
start_emulator() { # runs -> sets ENDPOINT
  local runs=$1 out="$WORK/emulator-$1.out"
  "$EMULATOR" --port 0 --runs "$runs" >"$out" 2>"$WORK/emulator-$1.err" &
  EMULATOR_PID=$!
  for _ in $(seq 1 300); do
    ENDPOINT=$(sed -n 's|.*listening on \(http://127\.0\.0\.1:[0-9]*/\).*|\1|p' "$out" | head -1)
    [ -n "$ENDPOINT" ] && { log "emulator: $runs runs at $ENDPOINT (SigV4 checks on)"; return 0; }
    kill -0 "$EMULATOR_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "run.sh: the emulator did not start:" >&2; cat "$out" "$WORK/emulator-$1.err" >&2; exit 1
}

# One client run under /usr/bin/time; appends {"phase":..,"rep":..,"result":{client's line},"time":{..}} to samples.
run_client() { # phase rep client [extra consumer args...]
  local phase=$1 rep=$2 client=$3; shift 3
  local cmd
  case "$client" in
    datazone-gen) cmd=("$CONSUMER" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE" "$@") ;;
    raw-floor) cmd=("$FLOOR" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
    datazone-gen-nopgo) cmd=(env DOTNET_TieredPGO=0 "$CONSUMER" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE" "$@") ;;
    raw-floor-nopgo) cmd=(env DOTNET_TieredPGO=0 "$FLOOR" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
    datazone-gen-aot) cmd=(bench/Consumer/bin/Release/aot/DataZone.Gen.Bench.Consumer --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE" "$@") ;;
    raw-floor-aot) cmd=(bench/RawFloor/bin/Release/aot/DataZone.Gen.Bench.RawFloor --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
    aws-sdk-js-v3) cmd=(node bench/peers/js/list-runs.mjs --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
    boto3) cmd=(env AWS_DATA_PATH="$SHARED_MODELS" "$DEBIAN_PYTHON" bench/peers/python/list_runs.py --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
  esac
  if ! /usr/bin/time -f '{"wallSeconds":%e,"maxRssKb":%M,"userSeconds":%U,"systemSeconds":%S}' -o "$WORK/time.json" \
      "${cmd[@]}" >"$WORK/out.json" 2>"$WORK/err.txt"; then
    echo "run.sh: $client failed:" >&2; cat "$WORK/err.txt" "$WORK/out.json" >&2; exit 1
  fi
  local line; line=$(grep '^{' "$WORK/out.json" | tail -1)
  [ -n "$line" ] || { echo "run.sh: $client printed no result:" >&2; cat "$WORK/out.json" "$WORK/err.txt" >&2; exit 1; }
  printf '{"client":"%s","phase":"%s","rep":%s,"runs":%s,"result":%s,"time":%s}\n' "$client" "$phase" "$rep" "${RUNS_NOW}" "$line" "$(tail -1 "$WORK/time.json")" >>"$WORK/samples.jsonl"
  log "$phase rep $rep $client: $(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(r["items"], "items in", round(r["elapsedMs"]), "ms")' "$line")"
}

: >"$WORK/samples.jsonl"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- end-to-end
RUNS_NOW=$RUNS
start_emulator "$RUNS"
log "warm-up (not counted): one full listing by the raw floor, so no client pays for the emulator's JIT"
run_client warmup 0 raw-floor
n=${#CLIENTS[@]}
for rep in $(seq 1 "$REPS"); do
  # Alternate clients and rotate who goes first, so no client always follows the same one.
  for i in $(seq 0 $((n - 1))); do
    run_client e2e "$rep" "${CLIENTS[$(( (i + rep - 1) % n ))]}"
  done
done
stop_emulator

# ---------------------------------------------------------------- memory at scale (DataZone.Gen only)
for runs in $MEMORY_RUNS; do
  RUNS_NOW=$runs
  start_emulator "$runs"
  run_client warmup 0 raw-floor
  for rep in $(seq 1 "$MEMORY_REPS"); do
    run_client memory "$rep" datazone-gen
    if [ "$AOT" = 1 ]; then run_client memory "$rep" datazone-gen-aot; fi
  done
  stop_emulator
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- machine
versions() {
  printf '{'
  printf '"date":"%s",' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '"command":"%s",' "$COMMAND"
  printf '"nproc":"%s",' "$(nproc)"
  printf '"cpu":"%s",' "$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  printf '"memory":"%s",' "$(free -h | awk '/^Mem:/ {print $2}')"
  printf '"os":"%s",' "$(. /etc/os-release && echo "$PRETTY_NAME") / $(uname -r)"
  printf '"dotnet":"%s",' "$(dotnet --version)"
  printf '"node":"%s",' "$(node --version 2>/dev/null || echo missing)"
  printf '"awsSdkJs":"%s",' "$(node -p 'require("./bench/peers/js/node_modules/@aws-sdk/client-datazone/package.json").version' 2>/dev/null || echo missing)"
  printf '"python":"%s",' "$("$DEBIAN_PYTHON" --version 2>&1 | cut -d' ' -f2)"
  printf '"boto3":"%s",' "$("$DEBIAN_PYTHON" -c 'import boto3,botocore; print(boto3.__version__ + " (botocore " + botocore.__version__ + ")")' 2>/dev/null || echo missing)"
  printf '"loadBefore":"%s","loadAfter":"%s",' "$LOAD_BEFORE" "$LOAD_AFTER"
  printf '"clang":"%s",' "$(clang --version 2>/dev/null | head -1 || echo missing)"
  printf '"runs":%s,"reps":%s,"pageSize":%s,"smoke":%s,"aot":%s,' "$RUNS" "$REPS" "$PAGE_SIZE" "$SMOKE" "$AOT"
  printf '"skipped":"%s"' "${SKIPPED[*]:-}"
  printf '}\n'
}
versions >"$WORK/machine.json"

# ---------------------------------------------------------------- verify, tabulate, chart
python3 bench/report.py --samples "$WORK/samples.jsonl" --machine "$WORK/machine.json" --out "$OUT"
log "done: $OUT/results.md, $OUT/results.json, $OUT/items-per-second.svg"
