#!/bin/sh
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# the demo hotlines solved by roster-tool solve-roster, several seeds, one line each
#
# usage: tests/bench/hotline.sh [BUILD_DIR] [RUNS] [CITY_LIMIT] [PROVINCE_LIMIT]
#   BUILD_DIR       default _build; must hold service/tool/roster-tool
#   RUNS            seeds 1..RUNS, default 3
#   CITY_LIMIT      seconds per city run, default 5
#   PROVINCE_LIMIT  seconds per province run, default 60
# the province runs weigh an uncovered crisis seat 50,000 (weights stay below the
# solver's 100,000 for one broken hard rule), so that a feasible
# roster below that objective has every crisis seat covered: the time of the first
# such roster is "crisis-covered-at"
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/_build}
runs=${2:-3}
city_limit=${3:-5}
province_limit=${4:-60}
tool=$build/service/tool/roster-tool

if [ ! -x "$tool" ]; then
	echo "error: $tool not found; build it first (ninja -C $build service/tool/roster-tool)" >&2
	exit 1
fi
if [ ! -x /usr/bin/time ]; then
	echo "error: GNU time is missing (apt-get install time)" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() {
	# the value of "key": in a JSON line
	sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p"
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

"$tool" seed-demo --scale city -d "$work/city.db" >/dev/null
echo "city month (60 volunteers), $city_limit s per run"
printf '%-5s %-9s %-9s %-10s %-10s %-10s\n' seed feasible hard required uncovered objective
for seed in $(seq 1 "$runs"); do
	cp "$work/city.db" "$work/run.db"
	"$tool" solve-roster -d "$work/run.db" -l "$city_limit" -s "$seed" >"$work/out"
	score=$(sed -n 's/^score //p' "$work/out")
	printf '%-5s %-9s %-9s %-10s %-10s %-10s\n' "$seed" \
		"$(echo "$score" | field feasible)" "$(echo "$score" | field hard_violations)" \
		"$(echo "$score" | field required)" "$(echo "$score" | field uncovered)" \
		"$(echo "$score" | field objective)" | tee -a "$work/city"
done
echo "median objective: $(awk '{ print $6 }' "$work/city" | median)"
echo

"$tool" seed-demo --scale province -d "$work/province.db" >/dev/null
echo "province month (2,000 volunteers, 4 sites), $province_limit s per run"
printf '%-5s %-12s %-17s %-9s %-10s %-17s %-10s %-8s\n' seed feasible-at crisis-covered-at hard uncovered uncovered-crisis objective peak-MB
for seed in $(seq 1 "$runs"); do
	cp "$work/province.db" "$work/run.db"
	/usr/bin/time -v -o "$work/time" "$tool" solve-roster -d "$work/run.db" -l "$province_limit" \
		-s "$seed" --settings '{"uncovered_crisis":50000}' >"$work/out"
	score=$(sed -n 's/^score //p' "$work/out")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
	printf '%-5s %-12s %-17s %-9s %-10s %-17s %-10s %-8s\n' "$seed" \
		"$(sed -n 's/^feasible-at //p' "$work/out")" \
		"$(sed -n 's/^crisis-covered-at //p' "$work/out")" \
		"$(echo "$score" | field hard_violations)" "$(echo "$score" | field uncovered)" \
		"$(echo "$score" | field uncovered_crisis)" "$(echo "$score" | field objective)" \
		"$((rss / 1024))" | tee -a "$work/province"
done
echo "median crisis-covered-at: $(awk '{ print $3 }' "$work/province" | median) s;" \
	"median objective: $(awk '{ print $7 }' "$work/province" | median);" \
	"median peak: $(awk '{ print $8 }' "$work/province" | median) MB"
