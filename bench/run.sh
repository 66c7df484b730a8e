#!/usr/bin/env bash
# End-to-end benchmark (issues 5 and 13): the same listings, from the local emulator (Release, SigV4 checks on,
# loopback), by DataZone.Gen and by what users would pick instead, clients alternating over several repetitions.
# Every client must return the same items (count and SHA-256 of the ids joined by "\n") or the script fails.
#
# Workloads (--workloads, comma-separated; default all):
#   datazone  ListDataSourceRuns, 100,000 runs, page size 50, then DataZone.Gen's memory at 10,000 vs 1,000,000 runs:
#               datazone-gen   the generated paginator          (bench/Consumer, .NET, Release)
#               aws-sdk-js-v3  @aws-sdk/client-datazone         (bench/peers/js/list-runs.mjs)
#               boto3          Debian's python3-boto3           (bench/peers/python/list_runs.py)
#               raw-floor      HttpClient + SigV4Signer, no parsing (bench/RawFloor)
#               *-nopgo        the .NET programs with DOTNET_TieredPGO=0 (what samples/DataSourceRuns sets)
#               *-aot          the .NET programs published as Native AOT
#               datazone-gen-cli  the README's tool, samples/DataSourceRuns list-runs --output json (Release, JIT,
#                              its own TieredPGO=false), piped into bench/cli_hash.py; not in --smoke
#   sso       SSO ListAccounts, 50,000 accounts, page size 100 (unsigned, bearer token)
#   kms       KMS ListKeys, 50,000 keys, page size 1000 and page size 100 (json protocol, SigV4)
#               datazone-gen(-aot)  generated paginators    (bench/Services)
#               aws-sdk-net(-aot)   the AWS SDK for .NET v4 (bench/AwsSdk: AWSSDK.SSO, AWSSDK.KeyManagementService)
#               aws-sdk-js-v3, boto3, raw-floor   as above  (list-items.mjs, list_items.py, RawFloor --service)
#   cold      Native AOT builds of bench/Services, bench/AwsSdk (and the raw floor, the size floor): trim/AOT warnings
#             by id, executable size and where its code comes from (bench/aot_size.py), and whole-process time of a
#             cold listing (a fresh process) of 1,000 and of 50,000 SSO accounts and KMS keys
# Writes bench/results.md (only the sections of the workloads run), bench/results.json (keeps the other workloads'
# earlier results) and bench/*.svg.
#
#   bash bench/run.sh                    # everything (installs what it needs; about 15 minutes on 2 quiet cores)
#   bash bench/run.sh --workloads sso    # one workload
#   bash bench/run.sh --smoke            # CI: 2,000 runs and 1,000 SSO accounts and KMS keys (page 1000 only),
#                                        # 1 repetition, JIT only, no installs, peers whose tools are missing are
#                                        # skipped; results go to a temporary folder, not bench/
#   options: --workloads LIST  --runs N  --reps N  --items N  --memory-runs "10000 1000000"  --memory-reps N
#            --cold-items "1000 50000"  --cold-reps N  --out DIR  --no-install  --no-aot
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
WORKLOADS="datazone,sso,kms,cold" ITEMS=50000 COLD_ITEMS="1000 50000" COLD_REPS=5 KMS_PAGE_SIZES="1000 100"
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=1 INSTALL=0 AOT=0 RUNS=2000 REPS=1 MEMORY_RUNS="" ITEMS=1000 WORKLOADS="datazone,sso,kms" KMS_PAGE_SIZES=1000 ;;
    --workloads) WORKLOADS=$2; shift ;;
    --items) ITEMS=$2; shift ;;
    --cold-items) COLD_ITEMS=$2; shift ;;
    --cold-reps) COLD_REPS=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --reps) REPS=$2; shift ;;
    --memory-runs) MEMORY_RUNS=$2; shift ;;
    --memory-reps) MEMORY_REPS=$2; shift ;;
    --out) OUT=$2; shift ;;
    --no-install) INSTALL=0 ;;
    --no-aot) AOT=0 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/!p;}' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
PAGE_SIZE=50
WORKLOADS=",${WORKLOADS// /,},"
for w in $(echo "$WORKLOADS" | tr ',' ' '); do
  case "$w" in datazone|sso|kms|cold) ;; *) echo "run.sh: unknown workload '$w' (datazone, sso, kms, cold)" >&2; exit 2 ;; esac
done
wants() { [[ "$WORKLOADS" == *",$1,"* ]]; }
if wants cold && [ "$AOT" = 0 ]; then echo "run.sh: the cold workload measures Native AOT builds (drop --no-aot)" >&2; exit 2; fi
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
  if ! "$DEBIAN_PYTHON" -c 'import boto3' 2>/dev/null; then log "installing python3-boto3 (Debian)"; apt_install python3-boto3; fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then log "installing nodejs and npm (Debian)"; apt_install nodejs npm; fi
  # Native AOT links with clang and needs zlib's headers.
  if [ "$AOT" = 1 ] && { ! command -v clang >/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; }; then
    log "installing clang and zlib1g-dev (Debian) for Native AOT"; apt_install clang zlib1g-dev
  fi
  log "installing the AWS SDK for JavaScript v3 clients (npm) into bench/peers/js"
  (cd bench/peers/js && npm install --no-package-lock --no-audit --no-fund --loglevel=error >&2)
fi
if [ "$AOT" = 1 ] && ! command -v clang >/dev/null; then
  echo "run.sh: Native AOT needs clang (drop --no-install, or pass --no-aot)" >&2; exit 1
fi

# Peers: in a smoke run a missing tool skips the peer; otherwise it is an error.
HAVE_JS=0 HAVE_BOTO3=0 SKIPPED=()
peer_missing() { # what
  if [ "$SMOKE" = 1 ]; then SKIPPED+=("$1"); else echo "run.sh: $1 (drop --no-install)" >&2; exit 1; fi
}
if command -v node >/dev/null && [ -d bench/peers/js/node_modules/@aws-sdk/client-datazone ] &&
  [ -d bench/peers/js/node_modules/@aws-sdk/client-sso ] && [ -d bench/peers/js/node_modules/@aws-sdk/client-kms ]; then
  HAVE_JS=1
else peer_missing "aws-sdk-js-v3 (node or bench/peers/js/node_modules missing)"; fi
if "$DEBIAN_PYTHON" -c 'import boto3' 2>/dev/null && [ -f "$SHARED_MODELS/datazone/2018-05-10/service-2.json" ]; then
  HAVE_BOTO3=1
else peer_missing "boto3 (python3-boto3 or ../shared/models missing)"; fi
for s in "${SKIPPED[@]}"; do log "skipping $s"; done

CLIENTS=(datazone-gen raw-floor datazone-gen-nopgo raw-floor-nopgo)
[ "$SMOKE" = 0 ] && CLIENTS+=(datazone-gen-cli)
[ "$AOT" = 1 ] && CLIENTS+=(datazone-gen-aot raw-floor-aot)
[ "$HAVE_JS" = 1 ] && CLIENTS+=(aws-sdk-js-v3)
[ "$HAVE_BOTO3" = 1 ] && CLIENTS+=(boto3)
SERVICE_CLIENTS=(datazone-gen aws-sdk-net raw-floor)
[ "$AOT" = 1 ] && SERVICE_CLIENTS+=(datazone-gen-aot aws-sdk-net-aot)
[ "$HAVE_JS" = 1 ] && SERVICE_CLIENTS+=(aws-sdk-js-v3)
[ "$HAVE_BOTO3" = 1 ] && SERVICE_CLIENTS+=(boto3)

# ---------------------------------------------------------------- build (Release)
PROJECTS=(emulator/DataZone.Gen.Emulator.csproj bench/RawFloor/RawFloor.csproj)
AOT_PROJECTS=()
if wants datazone; then PROJECTS+=(bench/Consumer/Consumer.csproj); AOT_PROJECTS+=(Consumer RawFloor); fi
if wants datazone && [ "$SMOKE" = 0 ]; then PROJECTS+=(samples/DataSourceRuns/DataSourceRuns.csproj); fi
if wants sso || wants kms || wants cold; then PROJECTS+=(bench/Services/Services.csproj bench/AwsSdk/AwsSdk.csproj); fi
if wants sso || wants kms; then AOT_PROJECTS+=(Services AwsSdk); fi
if wants cold && [[ " ${AOT_PROJECTS[*]} " != *" Services "* ]]; then AOT_PROJECTS+=(Services AwsSdk); fi
# The raw floor's executable is the size floor: what HttpClient and the signer alone cost.
if wants cold && [[ " ${AOT_PROJECTS[*]} " != *" RawFloor "* ]]; then AOT_PROJECTS+=(RawFloor); fi
log "building ${PROJECTS[*]} (Release)"
for project in "${PROJECTS[@]}"; do
  if ! dotnet build "$project" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1; then
    cat "$WORK/build.log" >&2; echo "run.sh: building $project failed" >&2; exit 1
  fi
done
: >"$WORK/aot.jsonl"
if [ "$AOT" = 1 ]; then
  for project in "${AOT_PROJECTS[@]}"; do
    log "publishing bench/$project as Native AOT (dotnet publish -r linux-x64 -p:PublishAot=true)"
    # A fresh native compile, so its trim and AOT warnings are printed again (an up-to-date one prints none);
    # TrimmerSingleWarn=false gives each warning its own id instead of one IL2104 per assembly; the map says where the
    # executable's code comes from (bench/aot_size.py).
    rm -rf "bench/$project/obj/Release/net10.0/linux-x64/native"
    if ! dotnet publish "bench/$project/$project.csproj" -c Release -r linux-x64 -p:PublishAot=true \
        -p:TrimmerSingleWarn=false -p:IlcGenerateMapFile=true -o "bench/$project/bin/Release/aot" -nologo -v minimal >"$WORK/publish-$project.log" 2>&1; then
      cat "$WORK/publish-$project.log" >&2; echo "run.sh: publishing bench/$project as Native AOT failed" >&2; exit 1
    fi
    name=DataZone.Gen.Bench.$project
    python3 bench/aot_size.py "bench/$project/obj/Release/net10.0/linux-x64/native" "$name" >"$WORK/size-$project.json"
    python3 - "$project" "$WORK/publish-$project.log" "bench/$project/bin/Release/aot/$name" "$WORK/size-$project.json" >>"$WORK/aot.jsonl" <<'PY'
import json, os, re, sys
project, log, binary, size = sys.argv[1:]
ids = {}
# MSBuild repeats each warning in its summary: count distinct warning lines.
for line in sorted(set(open(log, encoding="utf-8", errors="replace"))):
    for match in set(re.findall(r"warning ((?:IL|AOT|NETSDK|CS)\d+)", line)):
        ids[match] = ids.get(match, 0) + 1
print(json.dumps({"project": project, "binaryBytes": os.path.getsize(binary), "warnings": ids, **json.load(open(size))}))
PY
  done
fi
EMULATOR=emulator/bin/Release/net10.0/DataZone.Gen.Emulator
CONSUMER=bench/Consumer/bin/Release/net10.0/DataZone.Gen.Bench.Consumer
FLOOR=bench/RawFloor/bin/Release/net10.0/DataZone.Gen.Bench.RawFloor
CLI=samples/DataSourceRuns/bin/Release/net10.0/DataSourceRuns
SERVICES=bench/Services/bin/Release/net10.0/DataZone.Gen.Bench.Services
AWSSDK=bench/AwsSdk/bin/Release/net10.0/DataZone.Gen.Bench.AwsSdk

# ---------------------------------------------------------------- emulator
start_emulator() { # label [emulator args...] -> sets ENDPOINT
  local label=$1; shift
  local out="$WORK/emulator-$label.out"
  "$EMULATOR" --port 0 "$@" >"$out" 2>"$WORK/emulator-$label.err" &
  EMULATOR_PID=$!
  for _ in $(seq 1 300); do
    ENDPOINT=$(sed -n 's|.*listening on \(http://127\.0\.0\.1:[0-9]*/\).*|\1|p' "$out" | head -1)
    [ -n "$ENDPOINT" ] && { log "emulator ($label $*) at $ENDPOINT (SigV4 checks on)"; return 0; }
    kill -0 "$EMULATOR_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "run.sh: the emulator did not start:" >&2; cat "$out" "$WORK/emulator-$label.err" >&2; exit 1
}

# The command line of one client in the current workload (WORKLOAD, SERVICE, PAGE_SIZE, ENDPOINT).
client_command() { # client [extra consumer args...]
  local client=$1; shift
  if [ "$WORKLOAD" = datazone ]; then
    case "$client" in
      datazone-gen) cmd=("$CONSUMER" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE" "$@") ;;
      raw-floor) cmd=("$FLOOR" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
      datazone-gen-nopgo) cmd=(env DOTNET_TieredPGO=0 "$CONSUMER" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE" "$@") ;;
      raw-floor-nopgo) cmd=(env DOTNET_TieredPGO=0 "$FLOOR" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
      datazone-gen-aot) cmd=(bench/Consumer/bin/Release/aot/DataZone.Gen.Bench.Consumer --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE" "$@") ;;
      # The memory phase's second reading: the same programs with the GC's gen0 budget capped at 2 MiB (the variable is
      # hexadecimal), so a budget the runtime sizes from the CPU cache does not pass for growth.
      datazone-gen-gen0) cmd=(env DOTNET_GCgen0size=0x200000 "$CONSUMER" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE" "$@") ;;
      datazone-gen-aot-gen0) cmd=(env DOTNET_GCgen0size=0x200000 bench/Consumer/bin/Release/aot/DataZone.Gen.Bench.Consumer
        --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE" "$@") ;;
      raw-floor-aot) cmd=(bench/RawFloor/bin/Release/aot/DataZone.Gen.Bench.RawFloor --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
      aws-sdk-js-v3) cmd=(node bench/peers/js/list-runs.mjs --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
      # The tool as a user runs it: credentials and region from the standard chain (here the environment).
      datazone-gen-cli) cmd=(env AWS_ACCESS_KEY_ID=AKIAEMULATOREXAMPLE AWS_SECRET_ACCESS_KEY=emulator/secret/EXAMPLEKEY AWS_REGION=us-east-1
        bash -c 'set -o pipefail; "$0" list-runs --endpoint "$1" --domain dzd_demo01 --data-source demo-data-source --page-size "$2" --output json | python3 bench/cli_hash.py' \
        "$CLI" "$ENDPOINT" "$PAGE_SIZE") ;;
      boto3) cmd=(env AWS_DATA_PATH="$SHARED_MODELS" "$DEBIAN_PYTHON" bench/peers/python/list_runs.py --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE") ;;
    esac
  else
    local flags=(--service "$SERVICE" --endpoint "$ENDPOINT" --page-size "$PAGE_SIZE")
    case "$client" in
      datazone-gen) cmd=("$SERVICES" "${flags[@]}") ;;
      datazone-gen-aot) cmd=(bench/Services/bin/Release/aot/DataZone.Gen.Bench.Services "${flags[@]}") ;;
      aws-sdk-net) cmd=("$AWSSDK" "${flags[@]}") ;;
      aws-sdk-net-aot) cmd=(bench/AwsSdk/bin/Release/aot/DataZone.Gen.Bench.AwsSdk "${flags[@]}") ;;
      raw-floor) cmd=("$FLOOR" "${flags[@]}") ;;
      aws-sdk-js-v3) cmd=(node bench/peers/js/list-items.mjs "${flags[@]}") ;;
      # Debian's botocore carries the SSO and KMS models itself.
      boto3) cmd=("$DEBIAN_PYTHON" bench/peers/python/list_items.py "${flags[@]}") ;;
    esac
  fi
}

# One client run, measured as a whole process by bench/measure.py; appends
# {"workload":..,"client":..,"phase":..,"rep":..,"runs":..,"pageSize":..,"load1":..,"result":{client's line},"time":{..}}
# to samples (load1: the 1-minute load average right after the run, so a noisy sample can be told from a slow one).
run_client() { # phase rep client [extra consumer args...]
  local phase=$1 rep=$2 client=$3; shift 3
  local cmd
  client_command "$client" "$@"
  if ! python3 bench/measure.py "$WORK/time.json" -- "${cmd[@]}" >"$WORK/out.json" 2>"$WORK/err.txt"; then
    echo "run.sh: $client failed ($WORKLOAD):" >&2; cat "$WORK/err.txt" "$WORK/out.json" >&2; exit 1
  fi
  local line; line=$(grep '^{' "$WORK/out.json" | tail -1)
  [ -n "$line" ] || { echo "run.sh: $client printed no result:" >&2; cat "$WORK/out.json" "$WORK/err.txt" >&2; exit 1; }
  printf '{"workload":"%s","client":"%s","phase":"%s","rep":%s,"runs":%s,"pageSize":%s,"load1":%s,"result":%s,"time":%s}\n' \
    "$WORKLOAD" "$client" "$phase" "$rep" "$RUNS_NOW" "$PAGE_SIZE" "$(cut -d' ' -f1 /proc/loadavg)" "$line" "$(tail -1 "$WORK/time.json")" >>"$WORK/samples.jsonl"
  log "$WORKLOAD $phase rep $rep $client: $(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); t=json.loads(sys.argv[2]); print(r["items"], "items in", round(r["elapsedMs"]), "ms, process", round(t["wallSeconds"] * 1000), "ms")' "$line" "$(tail -1 "$WORK/time.json")")"
}

# Alternate clients and rotate who goes first, so no client always follows the same one.
race() { # reps clients...
  local reps=$1; shift
  local clients=("$@") n=$#
  for rep in $(seq 1 "$reps"); do
    for i in $(seq 0 $((n - 1))); do
      run_client e2e "$rep" "${clients[$(( (i + rep - 1) % n ))]}"
    done
  done
}

: >"$WORK/samples.jsonl"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- datazone: end-to-end, then memory at scale
if wants datazone; then
  WORKLOAD=datazone PAGE_SIZE=50 RUNS_NOW=$RUNS
  start_emulator "datazone-$RUNS" --runs "$RUNS"
  log "warm-up (not counted): one full listing by the raw floor, so no client pays for the emulator's JIT"
  run_client warmup 0 raw-floor
  race "$REPS" "${CLIENTS[@]}"
  stop_emulator
  for runs in $MEMORY_RUNS; do
    RUNS_NOW=$runs
    start_emulator "datazone-$runs" --runs "$runs"
    run_client warmup 0 raw-floor
    for rep in $(seq 1 "$MEMORY_REPS"); do
      run_client memory "$rep" datazone-gen
      run_client memory "$rep" datazone-gen-gen0
      if [ "$AOT" = 1 ]; then run_client memory "$rep" datazone-gen-aot; run_client memory "$rep" datazone-gen-aot-gen0; fi
    done
    stop_emulator
  done
fi

# ---------------------------------------------------------------- SSO and KMS: end-to-end next to the AWS SDK for .NET
service_race() { # workload service page-size model
  WORKLOAD=$1 SERVICE=$2 PAGE_SIZE=$3 RUNS_NOW=$ITEMS
  start_emulator "$1-$ITEMS" --model "$SHARED_MODELS/$4" --items "$ITEMS"
  run_client warmup 0 raw-floor
  race "$REPS" "${SERVICE_CLIENTS[@]}"
  stop_emulator
}
if wants sso; then service_race sso sso 100 sso/2019-06-10; fi
if wants kms; then
  for size in $KMS_PAGE_SIZES; do service_race "kms-$size" kms "$size" kms/2014-11-01; done
fi

# ---------------------------------------------------------------- cold: Native AOT, a fresh process per listing
if wants cold; then
  for items in $COLD_ITEMS; do
    for spec in "sso sso 100 sso/2019-06-10" "kms kms 1000 kms/2014-11-01"; do
      set -- $spec
      WORKLOAD="cold-$1" SERVICE=$2 PAGE_SIZE=$3 RUNS_NOW=$items
      start_emulator "cold-$1-$items" --model "$SHARED_MODELS/$4" --items "$items"
      run_client warmup 0 raw-floor
      race "$COLD_REPS" datazone-gen-aot aws-sdk-net-aot datazone-gen aws-sdk-net
      stop_emulator
    done
  done
fi
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
  printf '"runs":%s,"reps":%s,"pageSize":50,"smoke":%s,"aot":%s,' "$RUNS" "$REPS" "$SMOKE" "$AOT"
  printf '"workloads":"%s","items":%s,"coldItems":"%s","coldReps":%s,' "$(echo "$WORKLOADS" | sed 's/^,//; s/,$//')" "$ITEMS" "$COLD_ITEMS" "$COLD_REPS"
  printf '"awsSdkJsSso":"%s","awsSdkJsKms":"%s",' "$(node -p 'require("./bench/peers/js/node_modules/@aws-sdk/client-sso/package.json").version' 2>/dev/null || echo missing)" "$(node -p 'require("./bench/peers/js/node_modules/@aws-sdk/client-kms/package.json").version' 2>/dev/null || echo missing)"
  printf '"skipped":"%s"' "${SKIPPED[*]:-}"
  printf '}\n'
}
versions >"$WORK/machine.json"

# ---------------------------------------------------------------- verify, tabulate, chart
python3 bench/report.py --samples "$WORK/samples.jsonl" --machine "$WORK/machine.json" --aot "$WORK/aot.jsonl" --out "$OUT"
log "done: $OUT/results.md, $OUT/results.json, $OUT/*.svg"
