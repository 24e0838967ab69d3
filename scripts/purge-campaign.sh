#!/usr/bin/env bash
# Removes a closed campaign's personal data once its retention period (Purge__RetentionDays, 730) is over, keeping
# every figure. docs/deploy-azure.md, "Backup, restore and purge".
#   scripts/purge-campaign.sh tet-2024 --dry-run     print what would be removed; write nothing
#   scripts/purge-campaign.sh tet-2024               remove it (recorded in AuditLog)
#   scripts/purge-campaign.sh tet-2024 --force       within the retention period (never an open campaign)
# Storage: see scripts/maintenance.sh.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/maintenance.sh" purge-campaign "$@"
