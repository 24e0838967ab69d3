#!/bin/sh
# azd postprovision hook: make sure the Key Vault holds the app's secrets, without ever writing one to a file
# in the repo or to the deployment history.
#   UnitLinksPrimaryKey, FeedPrimaryKey  generated (64 random bytes) when missing; never overwritten
#   SendGridApiKey                       taken from SENDGRID_API_KEY when set (azd env set SENDGRID_API_KEY ...)
# azd exports the template outputs (AZURE_KEY_VAULT_NAME, AZURE_FUNCTION_APP_NAME, AZURE_RESOURCE_GROUP).
set -eu

vault="${AZURE_KEY_VAULT_NAME:?AZURE_KEY_VAULT_NAME is not set: run azd provision first}"
app="${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set}"
group="${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set}"

secret_file="$(mktemp)"
trap 'rm -f "$secret_file"' EXIT
chmod 600 "$secret_file"

secret_exists() {
  az keyvault secret show --vault-name "$vault" --name "$1" --query id --output tsv >/dev/null 2>&1
}

# The deployer's Key Vault Secrets Officer role can take a minute or two to apply after the first provision.
set_secret_from_file() {
  name="$1"
  attempt=1
  until az keyvault secret set --vault-name "$vault" --name "$name" --file "$secret_file" --encoding utf-8 --output none; do
    if [ "$attempt" -ge 10 ]; then
      echo "Could not set $name in $vault: does your account have Key Vault Secrets Officer on it?" >&2
      return 1
    fi
    attempt=$((attempt + 1))
    echo "Waiting for the Key Vault role assignment to apply..."
    sleep 15
  done
}

changed=false

for name in UnitLinksPrimaryKey FeedPrimaryKey; do
  if secret_exists "$name"; then
    echo "$name: already set, left unchanged."
  else
    head -c 64 /dev/urandom | base64 | tr -d '\n' > "$secret_file"
    set_secret_from_file "$name"
    echo "$name: generated."
    changed=true
  fi
done

if secret_exists SendGridApiKey; then
  echo "SendGridApiKey: already set, left unchanged."
elif [ -n "${SENDGRID_API_KEY:-}" ]; then
  printf '%s' "$SENDGRID_API_KEY" > "$secret_file"
  set_secret_from_file SendGridApiKey
  echo "SendGridApiKey: set from SENDGRID_API_KEY."
  changed=true
else
  echo "SendGridApiKey: NOT SET. Emails will fail until you run:" >&2
  echo "  az keyvault secret set --vault-name $vault --name SendGridApiKey --file <file-with-the-key>" >&2
fi

# Key Vault references are re-read when the app's settings change; rewriting one unchanged setting
# makes the app pick up the new secrets now instead of within 24 hours.
if [ "$changed" = true ]; then
  az functionapp config appsettings set --name "$app" --resource-group "$group" \
    --settings AzureWebJobsDisableHomepage=true --output none
  echo "Function App settings refreshed so the new secrets are read."
fi
