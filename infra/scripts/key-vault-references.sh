#!/usr/bin/env bash
# Makes the Function App resolve its Key Vault references now, not within 24 hours, and checks that they did.
# App Service re-reads references on a configuration change or on POST .../config/configreferences/appsettings/
# refresh (the documented way to force it); the app identity's Key Vault Secrets User role may still be
# propagating after the first provision, so this refreshes and checks until every reference to a secret that
# exists reads "Resolved". A reference to a secret that is absent on purpose (a secondary key outside a rotation,
# SendGridApiKey not set yet) is reported, not failed.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

subscription="${AZURE_SUBSCRIPTION_ID:?AZURE_SUBSCRIPTION_ID is not set}"
group="${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set}"
app="${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set}"
vault="${AZURE_KEY_VAULT_NAME:?AZURE_KEY_VAULT_NAME is not set}"
# Secrets that exist only during a rotation; their references stay unresolved the rest of the time.
optional_secrets=" UnitLinksSecondaryKey FeedSecondaryKey "
api="api-version=2022-03-01"

arm="$(az cloud show --query endpoints.resourceManager --output tsv)"
site="${arm%/}/subscriptions/$subscription/resourceGroups/$group/providers/Microsoft.Web/sites/$app"

secret_exists() {
  local answer
  if answer="$(az keyvault secret show --subscription "$subscription" --vault-name "$vault" --name "$1" --query id --output tsv 2>&1)"; then
    return 0
  fi
  case "$answer" in
    *SecretNotFound* | *"(NotFound)"* | *"was not found in this key vault"*) return 1 ;;
    *) return 0 ;; # unknown: treat as existing, so its reference is still expected to resolve
  esac
}

pending="(not checked: the refresh or the status read never succeeded)"
for ((attempt = 1; attempt <= HOOK_ATTEMPTS; attempt++)); do
  if ! az rest --method post --url "$site/config/configreferences/appsettings/refresh?$api" --output none; then
    say "Key Vault references: refresh not accepted yet; retrying in ${HOOK_RETRY_SECONDS}s."
    sleep "$HOOK_RETRY_SECONDS"
    continue
  fi
  # Read first, then check: a failed read inside a process substitution would look like "nothing pending".
  if ! references="$(az rest --method get --url "$site/config/configreferences/appsettings?$api" \
    --query "value[].[id, properties.secretName, properties.status]" --output tsv)"; then
    say "Key Vault references: their status could not be read yet; retrying in ${HOOK_RETRY_SECONDS}s."
    sleep "$HOOK_RETRY_SECONDS"
    continue
  fi
  pending=""
  absent=""
  while IFS=$'\t' read -r id secret status; do
    [ -n "$id" ] || continue
    setting="${id##*/}"
    [ "$status" = Resolved ] && continue
    if ! secret_exists "$secret"; then
      case "$optional_secrets" in
        *" $secret "*) ;;
        *) absent="$absent $setting($secret)" ;;
      esac
      continue
    fi
    pending="$pending $setting($status)"
  done <<<"$references"

  if [ -z "$pending" ]; then
    say "Key Vault references: every reference to an existing secret resolved."
    [ -z "$absent" ] || warn "Key Vault references: secrets not set yet:$absent (the app works without them, but see docs/deploy-azure.md)."
    exit 0
  fi
  say "Key Vault references not resolved yet:$pending (the app identity's role can take a few minutes); retrying in ${HOOK_RETRY_SECONDS}s."
  [ "$attempt" -lt "$HOOK_ATTEMPTS" ] && sleep "$HOOK_RETRY_SECONDS"
done
warn "Key Vault references still unresolved:$pending. Check that the Function App's identity holds Key Vault Secrets User on $vault,"
warn "and the portal: Function App → Settings → Environment variables shows each reference's status."
exit 1
