#!/usr/bin/env bash
# Measures TetReadiness against raw storage on this machine and writes docs/benchmarks.md (not part of ./test.sh).
# Installs the pinned Azurite if missing, builds Release, then Benchmarks/ starts its own in-memory Azurite on free
# loopback ports (twice: 600 and 6,000 units), a counting proxy and a SendGrid capture, and the app in local mode.
#   ./bench.sh                      600 and 6,000 units (about 5 minutes on 2 cores)
#   ./bench.sh --small 100 --large 1000   a quicker run (figures still written to docs/benchmarks.md)
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
echo "== benchmark (app logs in $work)"
dotnet Benchmarks/bin/Release/net10.0/TetReadiness.Benchmarks.dll \
  --azurite "$azurite" \
  --app "$root/Functions/bin/Release/net10.0" \
  --checklist "$root/Functions/Demo/tet-checklist.json" \
  --notes "$root/Benchmarks/reading.md" \
  --out "$root/docs/benchmarks.md" \
  --work "$work" \
  --command "./bench.sh $*" \
  "$@"
