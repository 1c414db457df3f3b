#!/usr/bin/env bash
# The long form of the reliability suites (npm run test:stress):
#   200 SIGKILLs of the metadata writer, 30 lock/unlock cycles of the keychain,
#   10,000 hostile frames and a 5,000-request flood. The default `npm test` runs
#   the same files with fewer iterations.
# Seeds can be pinned: CRASH_SEED=<n> HOSTILE_SEED=<n> scripts/stress.sh
# Needs a build (out/main/index.js) for the Electron IPC part of hostile-renderer.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f out/main/index.js ] || npx electron-vite build
export STRESS=1
exec bash scripts/with-keyring.sh npx vitest run test/reliability "$@"
