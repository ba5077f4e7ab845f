#!/bin/sh
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# the Curtois & Qu benchmark: every instance of the folder, several seeds, one table
#
# usage: tests/bench/curtois.sh [CURTOIS_DIR] [BUILD_DIR] [TIME_LIMIT] [SEEDS] [THREADS]
#   CURTOIS_DIR  default $ROSTER_CURTOIS_DIR, else ../shared/benchmarks/curtois next to the repository;
#                "generated" runs the fixed generated set of nrp-generate.py --list instead, whose
#                reference column is the objective of the planted roster (feasible, an upper bound)
#   BUILD_DIR    default _build; must hold service/tool/roster-tool
#   TIME_LIMIT   seconds per run, default 60
#   SEEDS        runs per instance with seeds 1..SEEDS, default 3
#   THREADS      default 2
# INSTANCES (environment) limits the run to a space-separated list, e.g. "Instance1 Instance8"
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-${ROSTER_CURTOIS_DIR:-$repo/../shared/benchmarks/curtois}}
build=${2:-$repo/_build}
limit=${3:-60}
seeds=${4:-3}
threads=${5:-2}
tool=$build/service/tool/roster-tool

generated=no
if [ "$dir" = generated ]; then
	generated=yes
	dir=$(mktemp -d)
	mkdir "$dir/instances"
	for name in $(python3 "$repo/tests/bench/nrp-generate.py" --list | cut -f1); do
		python3 "$repo/tests/bench/nrp-generate.py" --set "$name" \
			--planted "$dir/instances/$name.planted" >"$dir/instances/$name.txt"
	done
fi
if [ ! -d "$dir/instances" ]; then
	echo "SKIP: no Curtois & Qu folder at $dir (pass it as the first argument or set ROSTER_CURTOIS_DIR)"
	exit 0
fi
if [ ! -x "$tool" ]; then
	echo "error: $tool not found; build it first (ninja -C $build service/tool/roster-tool)" >&2
	exit 1
fi
if [ ! -x /usr/bin/time ]; then
	echo "error: GNU time is missing (apt-get install time)" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"; [ "$generated" = no ] || rm -rf "$dir"' EXIT

# best known values from the README table: "| Instance1 | 8 | 14 | 1 | 607 |"
best_known() {
	if [ "$generated" = yes ]; then
		"$tool" nrp-evaluate "$dir/instances/$1.txt" "$dir/instances/$1.planted" | awk '/^result:/ { print $4 }'
		return
	fi
	# a folder of other instances may have no table
	[ -f "$dir/README.md" ] || return 0
	awk -F'|' -v name="$1" '{ gsub(/ /, "", $2) } $2 == name { gsub(/ /, "", $6); print $6 }' "$dir/README.md"
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "# roster-tool nrp-solve, $limit s, $threads threads, seeds 1..$seeds, $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores"
ref=best-known
[ "$generated" = no ] || ref=planted
# bound: the best lower bound a run proved (the whole horizon's relaxation, priced exactly), and
# gap-b% the median objective's distance above it; "-" when no run proved one
printf '%-18s %10s %10s %8s %10s %8s %9s %9s %9s %8s\n' instance "$ref" median gap% bound gap-b% to-feas-s \
	to-best-s feasible peak-MB

names=${INSTANCES:-$(ls "$dir/instances" | sed -n 's/\.txt$//p' | sort -V)}
for name in $names; do
	inst=$dir/instances/$name.txt
	# held-out instances are only a one-line pointer
	grep -q SECTION_HORIZON "$inst" 2>/dev/null || continue
	best=$(best_known "$name")
	: >"$work/obj"
	: >"$work/tobest"
	: >"$work/tofeas"
	: >"$work/mem"
	: >"$work/bound"
	feasible=yes
	seed=1
	while [ "$seed" -le "$seeds" ]; do
		grid=$work/$name-$seed.grid
		/usr/bin/time -f '%M' -o "$work/time" "$tool" nrp-solve "$inst" \
			--time-limit "$limit" --seed "$seed" --threads "$threads" --output "$grid" \
			>"$work/out" 2>&1 || true
		line=$(grep '^result:' "$work/out" | tail -1)
		tail -1 "$work/time" >>"$work/mem"
		# the first progress line without a broken hard rule; none means never feasible
		awk '/hard violations 0$/ { print $1; found = 1; exit } END { if (!found) print 9999 }' \
			"$work/out" >>"$work/tofeas"
		echo "$line" | awk '{ for (i = 1; i < NF; i++) if ($i == "best-at") print $(i + 1) }' >>"$work/tobest"
		echo "$line" | awk '{ for (i = 1; i < NF; i++) if ($i == "bound") print $(i + 1) }' >>"$work/bound"
		# the final grid is scored again from the file, independently of the search
		if "$tool" nrp-evaluate "$inst" "$grid" >"$work/eval" 2>&1; then
			awk '/^result:/ { print $4 }' "$work/eval" >>"$work/obj"
		else
			feasible=no
		fi
		seed=$((seed + 1))
	done
	med=$(median <"$work/obj")
	tobest=$(median <"$work/tobest")
	tofeas=$(median <"$work/tofeas")
	mem=$(sort -n "$work/mem" | tail -1)
	if [ -n "$best" ] && [ "$med" != "-" ]; then
		gap=$(awk -v m="$med" -v b="$best" 'BEGIN { printf "%.2f", 100 * (m - b) / b }')
	else
		gap=-
	fi
	bound=$(sort -n "$work/bound" | tail -1)
	if [ -n "$bound" ] && [ "$med" != "-" ]; then
		gapb=$(awk -v m="$med" -v b="$bound" 'BEGIN { if (b > 0) printf "%.2f", 100 * (m - b) / b; else print "-" }')
	else
		bound=-
		gapb=-
	fi
	printf '%-18s %10s %10s %8s %10s %8s %9s %9s %9s %8s\n' "$name" "${best:--}" "$med" "$gap" "$bound" "$gapb" \
		"$tofeas" "$tobest" \
		"$feasible" "$(awk -v k="$mem" 'BEGIN { printf "%.1f", k / 1024 }')"
done
