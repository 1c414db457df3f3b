#!/usr/bin/env bash
# The long form of the reliability suites (npm run test:stress):
#   200 SIGKILLs of the metadata writer, 100 of the whole web-mode process (started as the
#   README starts it) during adds, renames, imports, backups, settings, checklist and delete/undo,
#   30 lock/unlock cycles of the keychain,
#   the real keyring locked at 100 random moments with 300 accounts (figures into
#   bench/results/reliability-keychain.json, then docs/QUALITY.md via npm run quality),
#   25,000 idle connections against web mode (bench/results/reliability-web-flood.json),
#   10,000 hostile frames, a 5,000-request flood, and the parser fuzzers 50× longer.
#   The default `npm test` runs
#   the same files with fewer iterations.
# Seeds can be pinned: CRASH_SEED=<n> HOSTILE_SEED=<n> scripts/stress.sh
# Needs a build (out/main/index.js) for the Electron IPC part of hostile-renderer.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f out/main/index.js ] || npx electron-vite build
export STRESS=1
# Parsers (otpauth URIs, key input, every importer, the SNTP packet decoder) fuzz 50× longer from a fresh seed.
exec bash scripts/with-keyring.sh npx vitest run test/reliability src/main/otp src/main/transfer src/main/clock/sntp-packet.test.ts "$@"
