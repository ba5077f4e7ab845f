#!/usr/bin/env bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# fails when a source file has translatable strings but po/POTFILES.in does not list it,
# or when POTFILES.in lists a file that does not exist
set -euo pipefail
cd "${1:-$(dirname "$0")/../..}"
status=0
while IFS= read -r f; do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "$f has translatable strings but is not in po/POTFILES.in" >&2
    status=1
  fi
done < <(grep -rlE '_\("|N_\("|TRANSLATORS|translatable="yes"' app service ui 2>/dev/null | sort)
while IFS= read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist" >&2
    status=1
  fi
done < po/POTFILES.in
if ! sort -c po/POTFILES.in 2>/dev/null; then
  echo "po/POTFILES.in is not sorted" >&2
  status=1
fi
exit $status
