#!/usr/bin/env bash
# Sourced by the azd hooks in this folder: the login check and the retry settings they share.
# Every subscription-scoped az call names the subscription (--subscription, or the id in an ARM URL), so a
# different default subscription in the operator's az CLI never redirects a hook. Entra ID calls (az ad, Microsoft
# Graph) are tenant-scoped and take no subscription.

# Attempts and seconds between them while Key Vault or a new role assignment catches up (tests set them small).
# shellcheck disable=SC2034 # used by the scripts that source this file
HOOK_ATTEMPTS="${TETREADINESS_HOOK_ATTEMPTS:-20}"
# shellcheck disable=SC2034
HOOK_RETRY_SECONDS="${TETREADINESS_HOOK_RETRY_SECONDS:-15}"

say() { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }
die() {
  warn "$*"
  exit 1
}

# The first line of an az error, without the value of anything it echoed.
first_line() { printf '%s\n' "$1" | sed -n '/[^[:space:]]/{p;q;}'; }

# The hooks run with the az CLI login (azd's own login is separate). Checks it is there and reaches the
# subscription azd deploys to, and says exactly what to run when it does not.
require_az_login() {
  local subscription="${AZURE_SUBSCRIPTION_ID:-}"
  command -v az >/dev/null 2>&1 || die "The Azure CLI (az) is not installed: https://aka.ms/azcli"
  [ -n "$subscription" ] || die "AZURE_SUBSCRIPTION_ID is not set: run the hook through azd (azd provision), or export it."
  local answer
  if ! answer="$(az account show --subscription "$subscription" --query id --output tsv 2>&1)"; then
    warn "The Azure CLI is not signed in to subscription $subscription ($(first_line "$answer"))."
    warn "Run:"
    warn "  az login${AZURE_TENANT_ID:+ --tenant $AZURE_TENANT_ID}"
    warn "  az account set --subscription $subscription"
    warn "then run this again (azd provision)."
    exit 1
  fi
  [ "$answer" = "$subscription" ] || die "az answered subscription '$answer' for '$subscription': check AZURE_SUBSCRIPTION_ID."
}

# "user" or "servicePrincipal" (a pipeline).
az_identity_type() {
  az account show --subscription "$AZURE_SUBSCRIPTION_ID" --query user.type --output tsv
}
