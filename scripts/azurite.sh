#!/usr/bin/env bash
# Installs the pinned Azurite (tools/azurite/package-lock.json) into the repo's ignored node_modules, if missing.
# Usage: scripts/azurite.sh install   -> prints the path of the azurite binary
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tools/azurite"
bin="$dir/node_modules/.bin/azurite"
want="$(node -p "require('$dir/package.json').dependencies.azurite")"
have=""
if [ -f "$dir/node_modules/azurite/package.json" ]; then
  have="$(node -p "require('$dir/node_modules/azurite/package.json').version")"
fi
if [ ! -x "$bin" ] || [ "$have" != "$want" ]; then
  echo "Installing Azurite $want (npm ci, pinned by tools/azurite/package-lock.json)..." >&2
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
echo "$bin"
