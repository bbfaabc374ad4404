#!/usr/bin/env bash
# Runs every benchmark of bench/ and prints one table (bench/README.md explains each part):
#   1. MeetingBot against a Bot Framework SDK bot on the same 20-question dialog: turns/s (also in
#      the first 10 s after a start), latency (also at 1 and 128 users), errors, peak RSS and cold
#      start, RUNS runs of each, alternating, the servers pinned to one core and the load driver
#      to the other; then one run of each measured by a second, independent client (Node.js);
#   2. microbenchmarks of the parts of a turn (BenchmarkDotNet);
#   3. Cosmos DB calls and request units per turn and per self-check, against cosmosdb-server.
# About 18 minutes on 2 cores. Results go to bench/out/ (results.md is the table).
#
#   bash bench/run.sh            # measure and print
#   bash bench/run.sh --readme   # also put the table into README.md's performance section
#
# Knobs (environment): RUNS=3 USERS=32 WARMUP=30 DURATION=20 LEVELS=1,128 LEVEL_DURATION=10 SERVER_CPU=0 DRIVER_CPU=1
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/bench/out
RUNS=${RUNS:-3} USERS=${USERS:-32} WARMUP=${WARMUP:-30} DURATION=${DURATION:-20} LEVELS=${LEVELS:-1,128} LEVEL_DURATION=${LEVEL_DURATION:-10}
SERVER_CPU=${SERVER_CPU:-0} DRIVER_CPU=${DRIVER_CPU:-1}
update_readme=false
[ "${1:-}" = "--readme" ] && update_readme=true

if [ "$(nproc)" -lt 2 ]; then
  echo "bench/run.sh needs 2 cores: one for the bot under test, one for the load driver." >&2
  exit 1
fi

mkdir -p "$out"
work=$(mktemp -d)
cleanup() {
  # A server whose driver died must not outlive the run.
  local pidfile pid
  for pidfile in "$work"/*.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if grep -qa -e MeetingBot.Web -e index.js -e driver.mjs "/proc/$pid/cmdline" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

step() { echo "== $*" >&2; }
quietly() {
  local log=$out/build.log
  if ! "$@" >>"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "failed: $*" >&2
    exit 1
  fi
}

# --artifacts-path keeps these Release builds out of src/*/obj and bin, which the normal Debug
# build and the tests (perhaps running at the same time) use.
step "Building (Release; log in bench/out/build.log)"
: >"$out/build.log"
# The bot as the README's deployment section publishes it: self-contained, one composite
# ReadyToRun image of the app and the framework (the start-up figures in bench/README.md).
quietly dotnet publish src/MeetingBot.Web/MeetingBot.Web.csproj -c Release --use-current-runtime --self-contained true \
  -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true --artifacts-path "$out/artifacts" --nologo -o "$out/meetingbot"
quietly dotnet publish bench/LoadDriver/LoadDriver.csproj -c Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true --artifacts-path "$out/artifacts" --nologo -o "$out/driver"
quietly dotnet build bench/MicroBenchmarks/MicroBenchmarks.csproj -c Release --artifacts-path "$out/artifacts" --nologo
quietly dotnet build bench/CosmosCost/CosmosCost.csproj -c Release --artifacts-path "$out/artifacts" --nologo
quietly dotnet build bench/ReminderRound/ReminderRound.csproj -c Release --artifacts-path "$out/artifacts" --nologo
# npm ci writes node_modules/.package-lock.json last; an older one means the lock file changed since.
for package in PeerBot CrossCheck; do
  if [ ! "bench/$package/node_modules/.package-lock.json" -nt "bench/$package/package-lock.json" ]; then
    step "Installing bench/$package (npm ci)"
    (cd "bench/$package" && quietly npm ci --no-audit --no-fund --loglevel=error)
  fi
done

driver=("$out/driver/LoadDriver")
ours=("$out/meetingbot/MeetingBot.Web" --urls "http://127.0.0.1:{port}" --Content:SelfCheckFile="$root/bench/bench.yaml" --Logging:LogLevel:Default=Warning --BotFramework:DevelopmentOnlyAllowAnonymous=true --WebChat:Authentication:DevelopmentOnlyAllowAnonymous=true)
peer=(node index.js --port "{port}" --bank ../bench.yaml)
runs=$out/runs.jsonl
: >"$runs"

run_ours() {
  local dir=$work/ours-$1
  mkdir -p "$dir"
  taskset -c "$DRIVER_CPU" "${driver[@]}" run --bot ours --run "$1" --users "$USERS" --warmup "$WARMUP" --duration "$DURATION" \
    --levels "$LEVELS" --level-duration "$LEVEL_DURATION" --bank bench/bench.yaml --cpu "$SERVER_CPU" --dir "$dir" --pidfile "$work/ours-$1.pid" --out "$runs" \
    -- "${ours[@]}" --Storage:Embedded:Path="$dir/bot.db"
  rm -rf "$dir" "$work/ours-$1.pid"
}

run_peer() {
  NODE_ENV=production taskset -c "$DRIVER_CPU" "${driver[@]}" run --bot peer --run "$1" --users "$USERS" --warmup "$WARMUP" --duration "$DURATION" \
    --levels "$LEVELS" --level-duration "$LEVEL_DURATION" --bank bench/bench.yaml --cpu "$SERVER_CPU" --dir "$root/bench/PeerBot" --pidfile "$work/peer-$1.pid" --out "$runs" \
    -- "${peer[@]}"
  rm -f "$work/peer-$1.pid"
}

step "Comparison: $RUNS runs per bot, $USERS users, ${WARMUP} s warm-up + ${DURATION} s each"
for run in $(seq 1 "$RUNS"); do
  # Alternate which bot goes first, so a slow drift of the machine falls on both.
  if [ $((run % 2)) -eq 1 ]; then run_ours "$run"; run_peer "$run"; else run_peer "$run"; run_ours "$run"; fi
done
# The independent client: the server started here (not by the driver), pinned the same way, and
# measured by bench/CrossCheck/driver.mjs with the same users, warm-up and window.
cross=$out/crosscheck.jsonl
: >"$cross"
cross_check() {
  local bot=$1 dir=$2 pid port
  shift 2
  port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')
  (cd "$dir" && NODE_ENV=production exec taskset -c "$SERVER_CPU" "${@//\{port\}/$port}" >/dev/null 2>&1) &
  pid=$!
  echo "$pid" >"$work/cross-$bot.pid"
  for _ in $(seq 600); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  taskset -c "$DRIVER_CPU" node bench/CrossCheck/driver.mjs --bot "$bot" --url "http://127.0.0.1:$port" \
    --users "$USERS" --warmup "$WARMUP" --duration "$DURATION" >>"$cross"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$work/cross-$bot.pid"
}
step "Independent client: one run per bot"
mkdir -p "$work/cross"
cross_check ours "$root" "${ours[@]}" --Storage:Embedded:Path="$work/cross/bot.db"
cross_check peer "$root/bench/PeerBot" "${peer[@]}"
"${driver[@]}" report --results "$runs" --cross "$cross" >"$out/comparison.md"

# Not pinned: on one core .NET delays tier-up for as long as new code keeps being compiled, and
# these measure the steady state of each operation; nothing else runs at this point.
step "Microbenchmarks (BenchmarkDotNet; log in bench/out/micro.log)"
if ! "$out/artifacts/bin/MicroBenchmarks/release/MicroBenchmarks" --out "$out/micro.md" --artifacts "$work/micro" >"$out/micro.log" 2>&1; then
  tail -40 "$out/micro.log" >&2
  exit 1
fi

step "Cosmos DB cost (cosmosdb-server)"
"$out/artifacts/bin/CosmosCost/release/CosmosCost" --out "$out/cosmos.md" >/dev/null

step "A round of reminders to 1,000 members (stand-in Connector)"
"$out/artifacts/bin/ReminderRound/release/ReminderRound" --members 1000 --out "$out/reminders.md" >/dev/null

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
{
  echo "Measured $(date +%Y-%m-%d) with \`bash bench/run.sh\` on $(nproc) cores ($cpu), $memory, $os;"
  echo ".NET $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }'), Node.js $(node --version | tr -d v), botbuilder $(node -p 'require("./bench/PeerBot/node_modules/botbuilder/package.json").version')."
  echo
  echo "**Comparison · 对比** (bench/bench.yaml on both bots)"
  echo
  cat "$out/comparison.md"
  echo
  echo "**Microbenchmarks · 微基准** (BenchmarkDotNet in process, not pinned, so the steady state; real content and the golden self-check)"
  echo
  cat "$out/micro.md"
  echo
  echo "**Cosmos DB cost · Cosmos DB 开销** (the store's request charge histogram; cosmosdb-server charges a nominal 1 RU per call, so calls are what to read)"
  echo
  cat "$out/cosmos.md"
  echo
  echo "**A round of reminders · 一轮提醒** (提醒 to 1,000 members on the embedded store; the stand-in Connector answers every 25th call 429, Retry-After: 1)"
  echo
  cat "$out/reminders.md"
} >"$out/results.md"

if $update_readme; then
  # Between the two markers of README.md's performance section; the rest of README.md is kept.
  awk -v results="$out/results.md" '
    /<!-- bench:results:start -->/ { print; while ((getline line < results) > 0) print line; skipping = 1; next }
    /<!-- bench:results:end -->/ { skipping = 0 }
    !skipping { print }' README.md >"$work/README.md"
  cp "$work/README.md" README.md
  step "README.md updated"
fi

echo
cat "$out/results.md"
