#!/usr/bin/env bash
# Makes sure the Key Vault holds the app's secrets without ever replacing one:
#   UnitLinksPrimaryKey, FeedPrimaryKey  generated (64 random bytes) only when Key Vault answers "not found"
#   SendGridApiKey                       taken from SENDGRID_API_KEY, only when Key Vault answers "not found"
# Any other answer (403 while the deployer's new Key Vault Secrets Officer role propagates, throttling, a network
# error) is retried, and a secret is written only after a fresh "not found": an existing key is never overwritten,
# so links already emailed and Power BI reports keep working after every azd up, pipeline run and operator.
# A secret deleted by mistake (soft-deleted, purge protection on) is recovered with its old value, not replaced.
# Secret values go through a 0600 temporary file, never a command line, the log or the repository.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

vault="${AZURE_KEY_VAULT_NAME:?AZURE_KEY_VAULT_NAME is not set: run azd provision first}"
subscription="${AZURE_SUBSCRIPTION_ID:?AZURE_SUBSCRIPTION_ID is not set}"

secret_file="$(mktemp)"
chmod 600 "$secret_file"
trap 'rm -f "$secret_file"' EXIT

# Prints "exists", "missing" (404: no such secret) or "error <first line of the answer>".
secret_state() {
  local answer
  if answer="$(az keyvault secret show --subscription "$subscription" --vault-name "$vault" --name "$1" --query id --output tsv 2>&1)"; then
    say exists
    return
  fi
  case "$answer" in
    *SecretNotFound* | *"(NotFound)"* | *"was not found in this key vault"*) say missing ;;
    *) say "error $(first_line "$answer")" ;;
  esac
}

# Writes the file's content as the secret; prints "written", "deleted" (it sits soft-deleted) or "error ...".
write_secret() {
  local answer
  if answer="$(az keyvault secret set --subscription "$subscription" --vault-name "$vault" --name "$1" --file "$secret_file" --encoding utf-8 --query id --output tsv 2>&1)"; then
    say written
    return
  fi
  case "$answer" in
    *ObjectIsDeletedButRecoverable* | *"deleted but recoverable"*) say deleted ;;
    *) say "error $(first_line "$answer")" ;;
  esac
}

explain() {
  case "$1" in
    *Forbidden* | *403* | *"not authorized"*)
      say "$2: Key Vault refused ($1). A new role assignment can take a few minutes to apply; retrying in ${HOOK_RETRY_SECONDS}s." ;;
    *) say "$2: Key Vault did not answer clearly ($1); retrying in ${HOOK_RETRY_SECONDS}s." ;;
  esac
}

# ensure_secret NAME SOURCE: SOURCE is "random" or the name of an environment variable holding the value.
ensure_secret() {
  local name="$1" source="$2" attempt state result
  for ((attempt = 1; attempt <= HOOK_ATTEMPTS; attempt++)); do
    state="$(secret_state "$name")"
    case "$state" in
      exists)
        say "$name: already set, left unchanged."
        return 0 ;;
      missing)
        if [ "$source" = random ]; then
          head -c 64 /dev/urandom | base64 | tr -d '\n' >"$secret_file"
        elif [ -n "${!source:-}" ]; then
          printf '%s' "${!source}" >"$secret_file"
        else
          warn "$name: NOT SET. Emails fail until you set it: read -rs KEY && az keyvault secret set --vault-name $vault --name $name --value \"\$KEY\" --output none"
          return 0
        fi
        result="$(write_secret "$name")"
        : >"$secret_file"
        case "$result" in
          written)
            say "$name: created."
            return 0 ;;
          deleted)
            say "$name: was deleted; recovering the previous value instead of creating a new one."
            az keyvault secret recover --subscription "$subscription" --vault-name "$vault" --name "$name" --output none || true ;;
          *) explain "${result#error }" "$name" ;;
        esac ;;
      *) explain "${state#error }" "$name" ;;
    esac
    [ "$attempt" -lt "$HOOK_ATTEMPTS" ] && sleep "$HOOK_RETRY_SECONDS"
  done
  warn "$name: gave up after $HOOK_ATTEMPTS attempts; nothing was overwritten. Check that you hold Key Vault Secrets Officer on $vault"
  warn "(az role assignment list --scope \$(az keyvault show --name $vault --query id --output tsv) --assignee <you>) and run azd provision again."
  return 1
}

status=0
ensure_secret UnitLinksPrimaryKey random || status=1
ensure_secret FeedPrimaryKey random || status=1
ensure_secret SendGridApiKey SENDGRID_API_KEY || status=1
exit "$status"
