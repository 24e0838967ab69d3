#!/usr/bin/env bash
# Prepares the Entra app registration used for sign-in (ENTRA_CLIENT_ID), idempotently, with the rights of the
# person who runs it:
#   - the app role `coordinator` (the only role the app checks; district coordinators are recognised by their
#     email in the roster, officers by theirs, neither needs a role);
#   - ID tokens on, and the app's sign-in redirect URI (ENTRA_REDIRECT_URI);
#   - the enterprise application (service principal), and `coordinator` assigned to the person running this.
# Changing an app registration needs rights on it (its owner, or Application Administrator) that a pipeline scoped
# to a resource group does not have, so a pipeline (a service principal login) skips this with a note; the
# operator's first `azd up` does it once, and later runs find nothing to change.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

client_id="${ENTRA_CLIENT_ID:?ENTRA_CLIENT_ID is not set: azd env set ENTRA_CLIENT_ID <appId>}"
redirect_uri="${ENTRA_REDIRECT_URI:-}"
# Fixed so every run (and every environment) refers to the same role; app role ids are per app registration.
coordinator_role_id="6f1f2c8e-7a52-4c1b-9d7e-3b0c5a9e4d21"

if [ "${SKIP_ENTRA_SETUP:-false}" = true ]; then
  say "Entra app registration: skipped (SKIP_ENTRA_SETUP=true)."
  exit 0
fi
if [ "$(az_identity_type)" = servicePrincipal ]; then
  say "Entra app registration: skipped for a service principal (a pipeline); an operator's azd up sets it up once."
  exit 0
fi

graph="$(az cloud show --query endpoints.microsoftGraphResourceId --output tsv)"
graph="${graph%/}/v1.0"

# App role: add `coordinator` beside whatever roles the registration already has (az replaces the whole list).
if [ "$(az ad app show --id "$client_id" --query "length(appRoles[?value=='coordinator'])" --output tsv)" = 0 ]; then
  existing="$(az ad app show --id "$client_id" --query appRoles --output json)"
  role='{"id":"'"$coordinator_role_id"'","value":"coordinator","displayName":"City coordinator","description":"Imports the roster, defines campaigns, sees every area, mints and revokes unit links.","allowedMemberTypes":["User"],"isEnabled":true}'
  trimmed="$(printf '%s' "$existing" | tr -d '\n')"
  trimmed="${trimmed%]*}"
  case "$trimmed" in
    *'{'*) roles="$trimmed,$role]" ;;
    *) roles="[$role]" ;;
  esac
  roles_file="$(mktemp)"
  trap 'rm -f "$roles_file"' EXIT
  printf '%s' "$roles" >"$roles_file"
  az ad app update --id "$client_id" --app-roles "@$roles_file"
  say "Entra app registration: app role 'coordinator' created."
else
  say "Entra app registration: app role 'coordinator' already there."
fi
role_id="$(az ad app show --id "$client_id" --query "appRoles[?value=='coordinator'].id | [0]" --output tsv)"

# Sign-in: ID tokens (Easy Auth uses the ID token, no client secret) and the app's callback.
az ad app update --id "$client_id" --enable-id-token-issuance true
if [ -n "$redirect_uri" ]; then
  redirect_uris=()
  while IFS= read -r uri; do
    [ -n "$uri" ] && redirect_uris+=("$uri")
  done < <(az ad app show --id "$client_id" --query "web.redirectUris[]" --output tsv)
  if printf '%s\n' "${redirect_uris[@]+"${redirect_uris[@]}"}" | grep -qxF "$redirect_uri"; then
    say "Entra app registration: redirect URI already there."
  else
    az ad app update --id "$client_id" --web-redirect-uris ${redirect_uris[@]+"${redirect_uris[@]}"} "$redirect_uri"
    say "Entra app registration: redirect URI $redirect_uri added."
  fi
fi

# The enterprise application, which holds the role assignments.
if ! sp_id="$(az ad sp show --id "$client_id" --query id --output tsv 2>/dev/null)" || [ -z "$sp_id" ]; then
  sp_id="$(az ad sp create --id "$client_id" --query id --output tsv)"
  say "Entra app registration: enterprise application created."
fi

# The person running azd up becomes the first city coordinator.
user_id="$(az ad signed-in-user show --query id --output tsv)"
assigned="$(az rest --method get \
  --url "$graph/users/$user_id/appRoleAssignments?\$filter=resourceId eq $sp_id" \
  --query "length(value[?appRoleId=='$role_id'])" --output tsv)"
if [ "${assigned:-0}" = 0 ]; then
  body="$(mktemp)"
  printf '{"principalId":"%s","resourceId":"%s","appRoleId":"%s"}' "$user_id" "$sp_id" "$role_id" >"$body"
  az rest --method post --url "$graph/servicePrincipals/$sp_id/appRoleAssignedTo" \
    --headers "Content-Type=application/json" --body "@$body" --output none
  rm -f "$body"
  say "Entra app registration: you are now a city coordinator (sign out and in again to get the role)."
else
  say "Entra app registration: you already are a city coordinator."
fi
