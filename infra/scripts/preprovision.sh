#!/usr/bin/env bash
# azd preprovision hook: stops before anything is deployed when the az CLI login the postprovision hook needs is
# missing, or a required value is not set.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

require_az_login

missing=""
for name in ENTRA_CLIENT_ID SENDGRID_FROM_EMAIL ALERT_EMAIL; do
  [ -n "${!name:-}" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
  warn "Not set:$missing. Set each with: azd env set NAME value (docs/deploy-azure.md, step 4)."
  exit 1
fi
say "az CLI signed in to subscription $AZURE_SUBSCRIPTION_ID; required values set."
