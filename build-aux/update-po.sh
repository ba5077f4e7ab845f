#!/usr/bin/env bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# brings po/zh_CN.po up to date with the sources (new strings arrive untranslated)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash build-aux/make-pot.sh "$tmp/hotline-roster.pot"
msgmerge -q --update --backup=none --no-fuzzy-matching po/zh_CN.po "$tmp/hotline-roster.pot"
msgattrib --no-obsolete -o po/zh_CN.po po/zh_CN.po
LC_ALL=C msgfmt --statistics -o /dev/null po/zh_CN.po
