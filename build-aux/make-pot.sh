#!/usr/bin/env bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# make-pot.sh OUT.pot: extracts every translatable string that po/POTFILES.in lists
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
c_files=() desktop_files=() xml_files=()
while IFS= read -r f; do
  case "$f" in
    ''|'#'*) ;;
    *.desktop.in.in|*.desktop.in) desktop_files+=("$f") ;;
    *.xml|*.xml.in|*.xml.in.in|*.ui) xml_files+=("$f") ;;
    *) c_files+=("$f") ;;
  esac
done < po/POTFILES.in
common=(--from-code=UTF-8 --add-comments=TRANSLATORS --package-name=hotline-roster --sort-by-file)
: > "$out"
if [ ${#c_files[@]} -gt 0 ]; then
  xgettext "${common[@]}" -L C --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
    -j -o "$out" "${c_files[@]}"
fi
if [ ${#desktop_files[@]} -gt 0 ]; then
  xgettext "${common[@]}" -L Desktop -j -o "$out" "${desktop_files[@]}"
fi
for f in "${xml_files[@]}"; do
  case "$f" in
    *.metainfo.xml*) xgettext "${common[@]}" --its=/usr/share/gettext/its/metainfo.its -j -o "$out" "$f" ;;
    *.gschema.xml) xgettext "${common[@]}" --its=/usr/share/gettext/its/gschema.its -j -o "$out" "$f" ;;
    *) xgettext "${common[@]}" -L Glade -j -o "$out" "$f" ;;
  esac
done
