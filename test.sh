#!/usr/bin/env bash
# Builds with warnings as errors, checks formatting, and runs every test against a real Azurite that the tests
# start themselves (installed here from the pinned npm package if missing). The last line is the totals.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0 failed=0 skipped=0
totals() { echo "$passed passed, $failed failed, $skipped skipped"; }
fail() { echo "test.sh: $1" >&2; failed=$((failed + 1)); totals; exit 1; }

command -v dotnet >/dev/null || fail "the .NET SDK is required"
command -v node >/dev/null || fail "Node.js is required (Azurite)"

TETREADINESS_AZURITE="$(scripts/azurite.sh)" || fail "could not install Azurite"
export TETREADINESS_AZURITE

# The browser tests (Tests/Web) drive Debian's Chromium through Playwright; Playwright never downloads a browser.
# Without it they fail (they never skip), and this says why.
if ! command -v chromium >/dev/null; then
  echo "== installing Debian's chromium for the browser tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core) >/dev/null 2>&1 \
    || echo "test.sh: could not install chromium (apt-get); the browser tests will fail" >&2
fi

# Tests/Infra lints the hook and smoke scripts with Debian's shellcheck; without it that one test is reported
# skipped, with the reason.
if ! command -v shellcheck >/dev/null; then
  echo "== installing Debian's shellcheck for the script lint"
  if command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck) >/dev/null 2>&1 \
      || echo "test.sh: could not install shellcheck (apt-get); the script lint test will be skipped" >&2
  else
    echo "test.sh: no apt-get here to install shellcheck; the script lint test will be skipped" >&2
  fi
fi

# PowerShell (a .NET tool pinned in dotnet-tools.json, from NuGet) runs the Windows twins of the azd hooks in Tests/Infra.
dotnet tool restore >/dev/null || fail "dotnet tool restore failed (PowerShell for the hook tests)"

echo "== build (warnings are errors)"
dotnet build TetReadiness.sln -c Release -nologo -v quiet -clp:ErrorsOnly || fail "build failed"

echo "== format"
dotnet format TetReadiness.sln --verify-no-changes --no-restore -v quiet || fail "dotnet format found changes to make (run: dotnet format TetReadiness.sln)"

echo "== tests"
results="$root/TestResults/$(date +%Y%m%d-%H%M%S)"
export TETREADINESS_SCREENSHOTS="$results/screenshots"
dotnet test TetReadiness.sln -c Release --no-build --nologo \
  --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=normal" --results-directory "$results" \
  -- RunConfiguration.TestSessionTimeout=1500000
status=$?

trx="$(ls "$results"/*.trx 2>/dev/null | head -n 1)"
if [ -n "$trx" ]; then
  read -r passed failed skipped < <(node -e '
    const xml = require("fs").readFileSync(process.argv[1], "utf8");
    const attr = n => { const m = xml.match(new RegExp("<Counters[^>]*\\s" + n + "=\"(\\d+)\"")); return m ? +m[1] : 0; };
    const total = attr("total"), executed = attr("executed");
    console.log(attr("passed"), attr("failed") + attr("error") + attr("timeout") + attr("aborted"), Math.max(0, total - executed) + attr("notExecuted") * 0);
  ' "$trx")
fi
# Failures again, right above the totals: a CI log that keeps only its tail still names what failed and why.
if [ -n "$trx" ] && [ "$failed" -gt 0 ]; then
  echo "== failed"
  node -e '
    const xml = require("fs").readFileSync(process.argv[1], "utf8");
    const unescape = s => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&apos;/g, "\x27").replace(/&amp;/g, "&");
    // Self-closing results first: a lazy match from one would run on into the next result and borrow its name.
    for (const m of xml.matchAll(/<UnitTestResult\b[^>]*\/>|<UnitTestResult\b[^>]*[^\/]>[\s\S]*?<\/UnitTestResult>/g)) {
      const r = m[0];
      if (!/\soutcome="(Failed|Error|Timeout|Aborted)"/.test(r)) continue;
      const name = unescape((r.match(/\stestName="([^"]*)"/) || [, "?"])[1]);
      const message = unescape((r.match(/<Message>([\s\S]*?)<\/Message>/) || [, ""])[1]).trim();
      const at = unescape((r.match(/<StackTrace>([\s\S]*?)<\/StackTrace>/) || [, ""])[1]).split("\n").map(l => l.trim()).filter(l => l.includes("TetReadiness.Tests")).slice(0, 3);
      console.log("FAILED " + name);
      for (const line of message.split("\n").slice(0, 12)) console.log("    " + line);
      for (const line of at) console.log("    " + line);
    }
  ' "$trx"
fi
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
[ -d "$TETREADINESS_SCREENSHOTS" ] && echo "Screenshots (360 px form and dashboard): $TETREADINESS_SCREENSHOTS"
totals
exit "$status"
