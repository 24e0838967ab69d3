#!/usr/bin/env bash
# Restores a day's nightly export (ExportTables) into the app's tables. docs/deploy-azure.md, "Backup, restore and purge".
#   scripts/restore.sh 2027-01-20                                  every table, into empty tables
#   scripts/restore.sh 2027-01-20 --tables Submissions,Answers     only those tables
#   scripts/restore.sh 2027-01-20 --replace                        also tables that have rows: their rows are replaced
# Storage: see scripts/maintenance.sh. Reminders and digests that were on their way come back failed (NeedsReview).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/maintenance.sh" restore "$@"
