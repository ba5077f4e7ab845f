#!/usr/bin/env bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# the second README command: install, build, and run the whole suite twice, in a
# -Dwerror=true build and in an AddressSanitizer + UndefinedBehaviorSanitizer build
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/install-deps.sh

run_suite() {
  local dir=$1
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
  ninja -C "$dir"
  # GTK tests need a display: give the whole suite a virtual one
  xvfb-run -a -s '-screen 0 1600x1000x24' \
    meson test -C "$dir" --print-errorlogs --num-processes 2
}

start=$(date +%s)
echo "== build and test (-Dwerror=true) =="
run_suite _build-test -Dwerror=true -Dbuildtype=debugoptimized
echo "== build and test (AddressSanitizer + UndefinedBehaviorSanitizer) =="
ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1 \
UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
  run_suite _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized
echo "== all tests passed in $(( $(date +%s) - start )) s =="
