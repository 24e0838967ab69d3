#!/usr/bin/env bash
# Runs TetReadiness locally: Azurite (installed and started if needed), demo data, and the app on
# http://localhost:7071 (loopback only). Uses Azure Functions Core Tools when `func` is on PATH, local mode otherwise.
#   ./run.sh            run with demo data
#   ./run.sh --no-demo  skip the demo data
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
seed=1
for arg in "$@"; do
  case "$arg" in
    --no-demo) seed=0 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

command -v dotnet >/dev/null || { echo "The .NET SDK is required (dotnet not found)." >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js is required for Azurite (node not found)." >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

azurite_pid=""
cleanup() { [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if port_open 10002 && port_open 10001; then
  echo "Using the Azurite already listening on 127.0.0.1:10000-10002."
else
  azurite="$(scripts/azurite.sh)"
  mkdir -p .azurite
  "$azurite" --disableTelemetry --skipApiVersionCheck --silent \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --location .azurite --debug .azurite/debug.log >.azurite/azurite.log 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do port_open 10002 && port_open 10001 && break; sleep 0.1; done
  port_open 10002 || { echo "Azurite did not start; see .azurite/azurite.log" >&2; exit 1; }
  echo "Azurite started (data in .azurite/)."
fi

# local.settings.json from the example, with a random unit-link key made once: local reminders carry signed links.
scripts/local-settings.sh
export Auth__AllowClientPrincipalHeader=true
export SendGrid__OutboxPath="${SendGrid__OutboxPath:-$root/.outbox}"
mkdir -p "$SendGrid__OutboxPath"

echo "Building..."
# LocalHost/ (local mode and the demo seeder, never deployed) builds the app with it; its output holds the app too.
dotnet build LocalHost/TetReadiness.LocalHost.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
app_out="$root/Functions/bin/Release/net10.0"
local_out="$root/LocalHost/bin/Release/net10.0"

if [ "$seed" = 1 ]; then
  echo "Seeding demo data..."
  (cd "$local_out" && dotnet TetReadiness.LocalHost.dll --seed-demo)
fi

cat <<MSG

TetReadiness is starting on http://localhost:7071
  officer form:  http://localhost:7071/form      (sign in with the dev sign-in, e.g. vanphong@ba-dinh-ubnd.hanoi.invalid)
  dashboard:     http://localhost:7071/status    (dev sign-in as a coordinator, e.g. sonoivu@hanoi.invalid)
  admin:         http://localhost:7071/status/admin
  health:        http://localhost:7071/api/health
  campaigns:     http://localhost:7071/api/campaigns
  status:        http://localhost:7071/api/campaigns/demo-ra-soat/status
  non-reporters: http://localhost:7071/api/campaigns/demo-pccc/non-reporters
  run a timer:   curl -X POST http://localhost:7071/admin/functions/ProjectionRepair
  emails go to:  $SendGrid__OutboxPath (no SendGrid key set)
Stop with Ctrl+C.

MSG

if command -v func >/dev/null; then
  cd "$app_out" && exec func host start --port 7071
else
  cd "$local_out" && dotnet TetReadiness.LocalHost.dll --urls http://127.0.0.1:7071
fi
