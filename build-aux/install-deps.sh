#!/usr/bin/env bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# installs the Debian 12 packages Hotline Roster needs, and only those missing;
# quiet when everything is present
set -euo pipefail

packages=(
  # build
  gcc meson ninja-build pkg-config gettext
  # libraries (see README: why each one)
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libsoup-3.0-dev libsqlite3-dev libsodium-dev
  libical-dev libgtk-4-dev libadwaita-1-dev libsecret-1-dev libglpk-dev libpwquality-dev
  libxlsxwriter-dev
  # the dictionary behind the password strength check (libcrack2 only recommends it)
  cracklib-runtime
  # the notifier's SMTP and webhook transports
  libcurl4-gnutls-dev
  # validation of data/ and the tests
  desktop-file-utils appstream systemd sqlite3 python3 python3-icalendar python3-aiosmtpd openssl curl time
  xvfb xauth fonts-noto-cjk poppler-utils
  # real key presses sent through the X server in the UI test of the keyboard
  xdotool
  # the browser test of the volunteers' page (puppeteer-core comes from npm at test time)
  chromium
)
# npm: Debian's package, unless the machine's own Node.js already brings it (NodeSource's
# nodejs includes npm and conflicts with Debian's npm package)
if ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# refresh the package lists once when they are missing or a day old
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -1)" ]; then
  $sudo apt-get update -qq
fi
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
