#!/usr/bin/env bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# validate-unit.sh UNIT INSTALLED_DAEMON BUILT_DAEMON
# runs systemd-analyze verify on a copy of UNIT whose ExecStart names the daemon in
# the build folder (verify insists that the executable exists)
set -euo pipefail
unit=$1 installed=$2 built=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed "s|$installed|$built|" "$unit" > "$tmp/roster-daemon.service"
out=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$tmp/roster-daemon.service" 2>&1 || true)
# verify also complains about units elsewhere on a container host: keep only our lines
ours=$(printf '%s\n' "$out" | grep -F 'roster-daemon.service' || true)
if [ -n "$ours" ]; then
  printf '%s\n' "$ours" >&2
  exit 1
fi
echo "roster-daemon.service: ok"
