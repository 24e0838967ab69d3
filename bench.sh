#!/usr/bin/env bash
# Measures TetReadiness against raw storage on this machine and writes docs/benchmarks.md (not part of ./test.sh).
# Installs the pinned Azurite if missing, builds Release, then Benchmarks/ starts its own in-memory Azurite on free
# loopback ports (a raw baseline, 600 and 6,000 units), a counting proxy and a SendGrid capture, and the app in local mode.
#   ./bench.sh                      600 and 6,000 units (about 6 minutes on 2 cores, plus ./run.sh timed in a fresh clone), then the
#                                   page loads at 600, 6,000 and 60,000 units (the time each size took is in its table)
#   ./bench.sh --only page-load     only the page-load section: rewrites that section of docs/benchmarks.md, keeps the rest
#   ./bench.sh --only page-load --page-sizes 600,6000   page loads at these roster sizes (default 600,6000,60000)
#       --page-loads 5              warm loads per page for the median latency;  --page-max-submissions N  fewer submissions
#       (every 10th unit reports by default; with N, 2 units of the fixed area and every k-th other unit, about N in all)
#   ./bench.sh --skip-page-load     everything but the page loads
#   ./bench.sh --small 100 --large 1000   a quicker run (figures still written to docs/benchmarks.md)
#   ./bench.sh --skip-ingest              without the ingest cells;  --skip-run-sh  without timing ./run.sh
#   ./bench.sh --split-azurite            azurite-table and azurite-queue as two processes (default: one, as the tests)
#   BENCH_AZURITE_DEBUG=/tmp/q.log ./bench.sh   keeps azurite-queue's debug log (its GC pauses are logged there)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null || { echo "The .NET SDK is required (dotnet not found)." >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js is required for Azurite (node not found)." >&2; exit 1; }

azurite="$(scripts/azurite.sh)"
echo "== build (Release)"
dotnet build TetReadiness.sln -c Release -nologo -v quiet -clp:ErrorsOnly

work="$(mktemp -d)"

# Start-up as an engineer meets it: ./run.sh in a fresh clone of HEAD (cold: npm ci of Azurite, restore, build, demo
# seed; the NuGet and npm caches of this machine are already filled), then ./run.sh again in that clone (warm).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
time_run_sh() {
  local dir="$1" log="$1/../run-sh.log" started pid
  started=$(date +%s%N)
  setsid bash -c "cd '$dir' && exec ./run.sh" >>"$log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:7071/api/health 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || [ $(( ($(date +%s%N) - started) / 1000000000 )) -gt 900 ]; then
      kill -TERM -- -"$pid" 2>/dev/null || true
      echo "./run.sh did not become healthy; see $log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
  kill -TERM -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do port_open 7071 || port_open 10002 || break; sleep 0.1; done
}
run_sh_args=()
if [[ " $* " != *" --skip-run-sh "* && " $* " != *" --only "* ]]; then
  if port_open 7071 || port_open 10000 || port_open 10001 || port_open 10002; then
    echo "== ./run.sh start-up not timed: ports 7071 or 10000-10002 are in use"
  else
    echo "== ./run.sh start-up (fresh clone of HEAD in $work/clone)"
    git clone -q "$root" "$work/clone"
    cold="$(time_run_sh "$work/clone")" && warm="$(time_run_sh "$work/clone")" \
      && run_sh_args=(--run-sh-cold-ms "$cold" --run-sh-warm-ms "$warm") \
      && echo "   cold $cold ms, warm $warm ms"
  fi
fi

echo "== benchmark (app logs in $work)"
dotnet Benchmarks/bin/Release/net10.0/TetReadiness.Benchmarks.dll \
  --azurite "$azurite" \
  --app "$root/LocalHost/bin/Release/net10.0" \
  --checklist "$root/LocalHost/Demo/tet-checklist.json" \
  --notes "$root/Benchmarks/reading.md" \
  --out "$root/docs/benchmarks.md" \
  --work "$work" \
  --command "./bench.sh $*" \
  --revision "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Functions LocalHost Benchmarks 2>/dev/null || echo ' with uncommitted changes')" \
  "${run_sh_args[@]}" \
  "$@"
