#!/bin/sh
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# time to produce calendars with roster-tool calendar: each timing line gives the first
# run of a fresh process (cold: nothing cached, the time zone not yet loaded) and the
# median of several runs in that process (warm, as a daemon serving a feed again):
#   1. one volunteer's feed for a year of shifts (the demo city line, 12 monthly
#      rosters solved and published), then the cold first run for five more volunteers,
#      each in a fresh process
#   2. a whole province roster's month as one file (the demo province line)
#
# usage: tests/bench/calendar.sh [BUILD_DIR] [RUNS] [PROVINCE_LIMIT]
#   BUILD_DIR       default _build; must hold service/tool/roster-tool
#   RUNS            runs per timing, default 21
#   PROVINCE_LIMIT  seconds to solve the province month, default 20
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/_build}
runs=${2:-21}
province_limit=${3:-20}
tool=$build/service/tool/roster-tool

if [ ! -x "$tool" ]; then
	echo "error: $tool not found; build it first (ninja -C $build service/tool/roster-tool)" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the city line: a roster per month of 2027, each solved for 1 s and published
"$tool" seed-demo -d "$work/city.db" >/dev/null
for month in 01 02 03 04 05 06 07 08 09 10 11 12; do
	last=$(date -d "2027-$month-01 +1 month -1 day" +%Y-%m-%d)
	id=$("$tool" solve-roster -d "$work/city.db" --from "2027-$month-01" --to "$last" -l 1 |
		sed -n 's/^roster //p')
	"$tool" publish-roster -d "$work/city.db" -i "$id" >/dev/null
done
# the volunteer with the most shifts in the year
volunteer=$(sqlite3 "$work/city.db" \
	"SELECT volunteer_id FROM assignments GROUP BY volunteer_id ORDER BY count(*) DESC LIMIT 1")
cmd="$tool calendar -d $work/city.db --volunteer $volunteer --repeat $runs -o $work/volunteer.ics"
echo "volunteer-year: $cmd"
# shellcheck disable=SC2086
$cmd
for other in $(sqlite3 "$work/city.db" \
	"SELECT volunteer_id FROM assignments GROUP BY volunteer_id ORDER BY count(*) DESC LIMIT 5 OFFSET 1"); do
	echo "volunteer-year cold: $tool calendar -d $work/city.db --volunteer $other --repeat 2"
	"$tool" calendar -d "$work/city.db" --volunteer "$other" --repeat 2 -o /dev/null
done

# the province line: one month solved and published
"$tool" seed-demo -d "$work/province.db" --scale province >/dev/null
id=$("$tool" solve-roster -d "$work/province.db" --from 2027-03-01 --to 2027-03-31 \
	-l "$province_limit" | sed -n 's/^roster //p')
"$tool" publish-roster -d "$work/province.db" -i "$id" >/dev/null
cmd="$tool calendar -d $work/province.db --roster $id --repeat $runs -o $work/province.ics"
echo "province-month: $cmd"
# shellcheck disable=SC2086
$cmd
