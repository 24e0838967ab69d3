#!/usr/bin/env bash
# azd postprovision hook (azure.yaml), also runnable by hand with the azd environment exported
# (set -a; eval "$(azd env get-values)"; set +a; infra/scripts/postprovision.sh):
#   1. the az CLI login reaches the subscription;
#   2. Key Vault holds the app's secrets, none ever overwritten (ensure-secrets.sh);
#   3. the Entra app registration has the coordinator role, the redirect URI, and you as coordinator (entra-app.sh;
#      an operator's run only, a pipeline skips it);
#   4. the app's Key Vault references are refreshed and checked (key-vault-references.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"

require_az_login
"$here/ensure-secrets.sh"
"$here/entra-app.sh"
"$here/key-vault-references.sh"
say "Done. Open $(printf '%s' "${APP_URL:-the app}")/status and sign in; scripts/smoke.sh ${APP_URL:-<app-url>} checks the deployment."
