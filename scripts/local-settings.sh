#!/usr/bin/env bash
# Makes Functions/local.settings.json ready for a local run: created from local.settings.example.json when missing,
# and given a random unit-link signing key (UnitLinks__PrimaryKey) once, so local reminders carry working signed
# links. An existing key is never replaced: links already in the local outbox keep working. The file is ignored by
# git; the key never leaves this machine. A setting the example has and the file lacks (one a newer version of the
# app added, e.g. a timer's schedule) is copied in; a value already in the file is never changed.
#   scripts/local-settings.sh                  the app's own Functions/local.settings.json
#   scripts/local-settings.sh PATH [EXAMPLE]   another file (tests)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
settings="${1:-$root/Functions/local.settings.json}"
example="${2:-$root/Functions/local.settings.example.json}"

[ -f "$settings" ] || cp "$example" "$settings"

node - "$settings" "$example" <<'JS'
const fs = require('fs');
const crypto = require('crypto');
const path = process.argv[2];
const example = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const text = fs.readFileSync(path, 'utf8');
let settings;
try {
  settings = JSON.parse(text);
} catch (error) {
  console.error(`${path} is not valid JSON (${error.message}); fix or delete it and run again.`);
  process.exit(1);
}
settings.Values = settings.Values ?? {};
const added = Object.keys(example.Values ?? {}).filter(name => !(name in settings.Values));
for (const name of added) settings.Values[name] = example.Values[name];
if (added.length > 0) console.error(`Added settings new in local.settings.example.json to ${path}: ${added.join(', ')}`);
const key = settings.Values['UnitLinks__PrimaryKey'];
if (typeof key === 'string' && key.trim().length > 0) {
  if (added.length > 0) fs.writeFileSync(path, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
  process.exit(0);
}
// 64 random bytes, as the Key Vault secret the post-provision hook creates in Azure.
settings.Values['UnitLinks__PrimaryKey'] = crypto.randomBytes(64).toString('base64');
fs.writeFileSync(path, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
console.error(`Created a local unit-link signing key in ${path} (ignored by git).`);
JS
