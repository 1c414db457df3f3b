#!/usr/bin/env bash
# Runs a command inside a fresh D-Bus session with a fresh, unlocked
# gnome-keyring (Secret Service) in a throwaway HOME, so keychain tests use
# the real thing and never touch the user's own keyring.
# Usage: scripts/with-keyring.sh <command> [args...]
set -euo pipefail
if [ "${SELLERGUARD_IN_KEYRING:-}" = 1 ]; then exec "$@"; fi
for bin in dbus-run-session gnome-keyring-daemon; do
  command -v "$bin" >/dev/null || { echo "with-keyring: $bin is missing; run scripts/install-system-deps.sh" >&2; exit 1; }
done
export SELLERGUARD_KEYRING_PASSWORD="${SELLERGUARD_KEYRING_PASSWORD:-sellerguard-ci}"
exec dbus-run-session -- bash -c '
  set -euo pipefail
  export SELLERGUARD_REAL_HOME="$HOME"
  export HOME="$(mktemp -d -t sellerguard-home.XXXXXX)"
  trap "rm -rf \"$HOME\"" EXIT
  mkdir -p "$HOME/.local/share/keyrings"
  printf "%s" "$SELLERGUARD_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  export SELLERGUARD_IN_KEYRING=1
  "$@"
' with-keyring "$@"
