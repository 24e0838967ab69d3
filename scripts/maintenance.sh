#!/usr/bin/env bash
# Builds and runs the maintenance tool (Maintenance/, never deployed) with the arguments given; scripts/restore.sh and
# scripts/purge-campaign.sh call it. Storage is read as the app reads it, from the environment:
#   Storage=<connection string>                        e.g. Azurite, or a SAS/key connection string
#   Storage__accountName=<account>                     in Azure: your `az login` identity (DefaultAzureCredential)
#   --settings Functions/local.settings.json           the local app's settings file instead
# plus Storage__TablePrefix, Backups__Container (default backups) and Purge__RetentionDays (default 730).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || { echo "The .NET SDK is required (dotnet not found)." >&2; exit 1; }
if ! build="$(dotnet build "$root/Maintenance/TetReadiness.Maintenance.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly 2>&1)"; then
  echo "$build" >&2
  exit 1
fi
exec dotnet "$root/Maintenance/bin/Release/net10.0/TetReadiness.Maintenance.dll" "$@"
