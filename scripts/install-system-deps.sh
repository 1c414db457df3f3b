#!/usr/bin/env bash
# Installs the Debian packages the tests use, idempotently: a real keychain
# (gnome-keyring over D-Bus, libsecret for keytar's build), a real NTP server
# (chrony, faketime for a skewed one, ntpdig and oathtool as reference peers)
# and Debian's Chromium for Playwright.
set -euo pipefail
pkgs=(chromium libsecret-1-dev gnome-keyring dbus dbus-x11 python3-dbus chrony faketime ntpsec-ntpdig oathtool xvfb imagemagick openssl python3)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system deps: installed ${missing[*]}"
