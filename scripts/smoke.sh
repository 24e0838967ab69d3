#!/usr/bin/env bash
# Smoke test of a deployed TetReadiness: scripts/smoke.sh https://<app>.azurewebsites.net
# Run by the deploy workflow after `azd deploy`, and by ./test.sh against local mode (Tests/Infra/SmokeScriptTests).
# Checks, without any credential:
#   - GET /api/health answers 200 (the app is up and reads its storage);
#   - GET /api/me without an identity answers 401;
#   - GET /api/me with a forged X-MS-CLIENT-PRINCIPAL claiming the coordinator role answers 401 or 403: in Azure,
#     App Service Authentication strips the header from anonymous requests; a 200 means anyone can act as a city
#     coordinator;
#   - GET /api/feed/Units without a key answers 401;
#   - security headers: nosniff, no-referrer and no-store on the API, a Content-Security-Policy without framing on
#     the pages, and (https only) plain http redirected to https.
# Prints one line per check and exits 1 if any failed.
set -uo pipefail

base="${1:-}"
if [ -z "$base" ]; then
  echo "usage: $0 <base-url>   e.g. $0 https://func-abc123.azurewebsites.net" >&2
  exit 2
fi
base="${base%/}"
command -v curl >/dev/null 2>&1 || {
  echo "smoke: curl is required" >&2
  exit 2
}

failures=0
headers_file="$(mktemp)"
trap 'rm -f "$headers_file"' EXIT

ok() { echo "ok:   $*"; }
bad() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# request PATH [curl options...]: sets status and fills headers_file.
request() {
  local path="$1"
  shift
  status="$(curl --silent --show-error --max-time 30 --output /dev/null --dump-header "$headers_file" --write-out '%{http_code}' "$@" "$base$path")" || status="000"
}

header() { grep -i "^$1:" "$headers_file" | head -n 1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'; }

# expect_header WHAT NAME FRAGMENT: the last response carried header NAME containing FRAGMENT.
expect_header() {
  case "$(header "$2")" in
    *"$3"*) ok "$1 sends $2: $3" ;;
    *) bad "$1 lacks $2: $3" ;;
  esac
}

request /api/health
if [ "$status" = 200 ]; then ok "GET /api/health is 200"; else bad "GET /api/health is $status, expected 200"; fi
expect_header /api/health X-Content-Type-Options nosniff
expect_header /api/health Referrer-Policy no-referrer
expect_header /api/health Cache-Control no-store

request /api/me
if [ "$status" = 401 ]; then ok "GET /api/me without an identity is 401"; else bad "GET /api/me without an identity is $status, expected 401"; fi

# A principal anyone could write: the coordinator role, no signature.
forged="$(printf '%s' '{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"preferred_username","val":"smoke-test@forged.invalid"},{"typ":"roles","val":"coordinator"}]}' | base64 | tr -d '\n')"
request /api/me --header "X-MS-CLIENT-PRINCIPAL: $forged"
case "$status" in
  401 | 403) ok "GET /api/me with a forged coordinator principal is $status" ;;
  *) bad "GET /api/me with a forged coordinator principal is $status, expected 401 or 403: the X-MS-CLIENT-PRINCIPAL header is trusted from anyone" ;;
esac

request /api/feed/Units
if [ "$status" = 401 ]; then ok "GET /api/feed/Units without a key is 401"; else bad "GET /api/feed/Units without a key is $status, expected 401"; fi

request /status
if [ "$status" = 200 ]; then ok "GET /status is 200"; else bad "GET /status is $status, expected 200"; fi
expect_header /status Content-Security-Policy "frame-ancestors 'none'"
expect_header /status X-Frame-Options DENY

case "$base" in
  https://*)
    plain="http://${base#https://}"
    status="$(curl --silent --max-time 30 --output /dev/null --write-out '%{http_code}' "$plain/api/health")" || status=000
    case "$status" in
      301 | 302 | 307 | 308) ok "plain http is redirected to https ($status)" ;;
      *) bad "plain http answered $status, expected a redirect to https" ;;
    esac
    ;;
  *) echo "skip: the http-to-https redirect (the base URL is not https)" ;;
esac

if [ "$failures" -gt 0 ]; then
  echo "smoke: $failures check(s) failed against $base"
  exit 1
fi
echo "smoke: every check passed against $base"
