#!/usr/bin/env bash
# Installs Debian packages, idempotently (needs root or sudo).
#   install-system-deps.sh app  what the app needs: a compiler and libsecret's
#                               headers to build keytar (its prebuilt download
#                               is unreachable here), and a Secret Service
#                               keychain (gnome-keyring on D-Bus)
#   install-system-deps.sh      that, and what the tests use: Chromium for
#                               Playwright, chrony and faketime (a real and a
#                               skewed NTP server), ntpdig and oathtool as
#                               reference peers, keepassxc (KeePass
#                               databases and their codes, as KeePassXC makes
#                               them), python3-dbus, secret-tool (reads the
#                               keychain around the app), Xvfb and
#                               ImageMagick (a real X display to scan),
#                               openssl (certificates for loopback HTTPS)
#   install-system-deps.sh fixtures  also the tools that remake the import
#                               fixtures (test/fixtures/import/*/make-*):
#                               otpclient-cli (andOTP exports) and argon2
#                               (the reference Argon2 the vectors cite)
set -euo pipefail
app=(g++ make python3 libsecret-1-dev gnome-keyring dbus)
tests=(chromium dbus-x11 python3-dbus libsecret-tools chrony faketime ntpsec-ntpdig oathtool keepassxc xvfb imagemagick openssl)
fixtures=(otpclient-cli argon2)
case "${1:-}" in
  app) pkgs=("${app[@]}") ;;
  '') pkgs=("${app[@]}" "${tests[@]}") ;;
  fixtures) pkgs=("${app[@]}" "${tests[@]}" "${fixtures[@]}") ;;
  *) echo "usage: $0 [app|fixtures]" >&2; exit 2 ;;
esac
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
