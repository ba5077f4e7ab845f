#!/usr/bin/env bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# check-translations.sh SRCDIR BUILDDIR
# fails when po/zh_CN.po misses or leaves untranslated (or fuzzy) any string of the
# current sources, or when msgfmt finds an error in it
set -euo pipefail
src=$1 build=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
bash build-aux/make-pot.sh "$tmp/all.pot"
msgfmt --check -o /dev/null po/zh_CN.po
msgmerge -q --no-fuzzy-matching -o "$tmp/merged.po" po/zh_CN.po "$tmp/all.pot"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "zh_CN: $stats"
if printf '%s' "$stats" | grep -qE 'untranslated|fuzzy'; then
  echo "po/zh_CN.po is incomplete; untranslated strings:" >&2
  msgattrib --untranslated "$tmp/merged.po" | grep -E '^msgid' | head -40 >&2
  exit 1
fi
