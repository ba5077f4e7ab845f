#!/bin/sh
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# the demo hotlines solved by roster-tool solve-roster, several seeds, one line each
#
# usage: tests/bench/hotline.sh [BUILD_DIR] [RUNS] [CITY_LIMIT] [PROVINCE_LIMIT] [SHORT_LIMIT]
#   BUILD_DIR       default _build; must hold service/tool/roster-tool and the daemon
#   RUNS            seeds 1..RUNS, default 3
#   CITY_LIMIT      seconds per city run, default 5
#   PROVINCE_LIMIT  seconds per province run, default 60
#   SHORT_LIMIT     seconds per solve of the short-staffed line, default 20
# the city and province tables end with the job's proven bound and the gap of the
# roster to it in per cent ("none" before a bound or while a hard rule is broken)
# the short-staffed line (20 volunteers of at most 24 shifts for 4 cloud seats 24/7 in
# December, 480 shifts for 992 seats) is solved through the daemon; it prints the
# share of seats filled per 3-hour slot of the day, then marks one volunteer inactive,
# solves again and prints the churn: the other volunteers and shifts that changed
# (set SKIP_CITY_PROVINCE=1 to run only the short-staffed line, SKIP_SHORT=1 to leave it
# out)
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
short_limit=${5:-20}
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
pid=
cleanup() {
	if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

field() {
	# the value of "key": in a JSON line
	sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p"
}

median() {
	sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

if [ "${SKIP_CITY_PROVINCE:-0}" != 1 ]; then
"$tool" seed-demo --scale city -d "$work/city.db" >/dev/null
echo "city month (60 volunteers), $city_limit s per run"
printf '%-5s %-9s %-9s %-10s %-10s %-10s %-10s %-6s\n' seed feasible hard required uncovered objective bound gap-%
for seed in $(seq 1 "$runs"); do
	cp "$work/city.db" "$work/run.db"
	"$tool" solve-roster -d "$work/run.db" -l "$city_limit" -s "$seed" >"$work/out"
	score=$(sed -n 's/^score //p' "$work/out")
	printf '%-5s %-9s %-9s %-10s %-10s %-10s %-10s %-6s\n' "$seed" \
		"$(echo "$score" | field feasible)" "$(echo "$score" | field hard_violations)" \
		"$(echo "$score" | field required)" "$(echo "$score" | field uncovered)" \
		"$(echo "$score" | field objective)" "$(sed -n 's/^bound //p' "$work/out")" \
		"$(sed -n 's/^gap //p' "$work/out")" | tee -a "$work/city"
done
echo "median objective: $(awk '{ print $6 }' "$work/city" | median);" \
	"median gap: $(awk '{ print $8 }' "$work/city" | median) %"
echo

"$tool" seed-demo --scale province -d "$work/province.db" >/dev/null
echo "province month (2,000 volunteers, 4 sites), $province_limit s per run"
printf '%-5s %-12s %-17s %-9s %-10s %-17s %-10s %-8s %-10s %-6s\n' seed feasible-at crisis-covered-at hard uncovered uncovered-crisis objective peak-MB bound gap-%
for seed in $(seq 1 "$runs"); do
	cp "$work/province.db" "$work/run.db"
	/usr/bin/time -v -o "$work/time" "$tool" solve-roster -d "$work/run.db" -l "$province_limit" \
		-s "$seed" --settings '{"uncovered_crisis":50000}' >"$work/out"
	score=$(sed -n 's/^score //p' "$work/out")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
	printf '%-5s %-12s %-17s %-9s %-10s %-17s %-10s %-8s %-10s %-6s\n' "$seed" \
		"$(sed -n 's/^feasible-at //p' "$work/out")" \
		"$(sed -n 's/^crisis-covered-at //p' "$work/out")" \
		"$(echo "$score" | field hard_violations)" "$(echo "$score" | field uncovered)" \
		"$(echo "$score" | field uncovered_crisis)" "$(echo "$score" | field objective)" \
		"$((rss / 1024))" "$(sed -n 's/^bound //p' "$work/out")" \
		"$(sed -n 's/^gap //p' "$work/out")" | tee -a "$work/province"
done
echo "median crisis-covered-at: $(awk '{ print $3 }' "$work/province" | median) s;" \
	"median objective: $(awk '{ print $7 }' "$work/province" | median);" \
	"median peak: $(awk '{ print $8 }' "$work/province" | median) MB;" \
	"median gap: $(awk '{ print $10 }' "$work/province" | median) %"
echo
fi
if [ "${SKIP_SHORT:-0}" = 1 ]; then
	exit 0
fi

# the short-staffed line, through the daemon's API
daemon=$build/service/roster-daemon
port=${ROSTER_BENCH_PORT:-18356}
base=http://127.0.0.1:$port/api/v1
"$daemon" --database "$work/short.db" --port "$port" --admin-user bench \
	--admin-password bench-password-1 >"$work/daemon.log" 2>&1 &
pid=$!
for _ in $(seq 1 50); do
	curl -sf "$base/health" >/dev/null 2>&1 && break
	sleep 0.1
done
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
	-d '{"username":"bench","password":"bench-password-1"}' "$base/login" |
	sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
auth="Authorization: Bearer $token"
post() {
	curl -sf -X "${3:-POST}" -H "$auth" -H 'Content-Type: application/json' -d "$2" "$base/$1"
}
post seat-classes '{"code":"cloud","name":"cloud","mode":"cloud","min_tier":"counsellor"}' >/dev/null
post demand-rules '{"seat_class_id":1,"start":"08:00","end":"08:00","seats":4}' >/dev/null
for i in $(seq 1 20); do
	post volunteers "{\"name\":\"V$i\",\"counsellor_no\":\"S$i\",\"tier\":\"counsellor\",\"max_shifts_month\":24}" >/dev/null
done
post rosters '{"name":"short","period_start":"2026-12-01","period_end":"2026-12-31"}' >/dev/null
solve() {
	post rosters/1/solve "{\"time_limit\":$short_limit,\"seed\":$1}" >/dev/null
	while curl -sf -H "$auth" "$base/rosters/1/solve" | grep -q '"state":"running"'; do
		sleep 1
	done
	curl -sf -H "$auth" "$base/rosters/1" >"$2"
}
solve 1 "$work/short1.json"
# the volunteer with the most shifts drops out
dropout=$(python3 -c '
import json, sys, collections
a = json.load(open(sys.argv[1]))["assignments"]
print(collections.Counter(x["volunteer_id"] for x in a).most_common(1)[0][0])' "$work/short1.json")
revision=$(curl -sf -H "$auth" "$base/volunteers/$dropout" | sed -n 's/.*"revision":\([0-9]*\).*/\1/p')
post "volunteers/$dropout" "{\"revision\":$revision,\"active\":false}" PATCH >/dev/null
solve 2 "$work/short2.json"
echo "short-staffed line (20 volunteers of 24 shifts, 4 cloud seats 24/7, December), $short_limit s per solve"
python3 - "$work/short1.json" "$work/short2.json" "$dropout" <<'PY'
import collections, json, sys
first = json.load(open(sys.argv[1]))["assignments"]
second = json.load(open(sys.argv[2]))["assignments"]
dropout = int(sys.argv[3])
days = 31
slots = ["08:00", "11:00", "14:00", "17:00", "20:00", "23:00", "02:00", "05:00"]
per_slot = collections.Counter(a["slot"] for a in first)
cells = collections.Counter((a["date"], a["slot"]) for a in first)
print("seats filled per slot of the day (share of 4 seats x %d days):" % days)
print("  " + "  ".join("%s %3.0f%%" % (s, 100.0 * per_slot[s] / (4 * days)) for s in slots))
night = sum(per_slot[s] for s in slots[5:]) / (3 * 4 * days)
day = sum(per_slot[s] for s in slots[:5]) / (5 * 4 * days)
empty = 8 * days - len(cells)
nights = collections.Counter(a["volunteer_id"] for a in first if a["slot"] in slots[5:])
people = set(a["volunteer_id"] for a in first)
print("  night (23:00-08:00) %.0f%%, day %.0f%%; %d of %d slots without a seat; "
      "nights per volunteer %d to %d" % (100 * night, 100 * day, empty, 8 * days,
      min(nights.get(p, 0) for p in people), max(nights.get(p, 0) for p in people)))
def shifts(items):
    out = collections.defaultdict(set)
    for a in items:
        out[a["volunteer_id"]].add((a["date"], a["slot"], a["seat_class_id"]))
    return out
before, after = shifts(first), shifts(second)
others = [p for p in before if p != dropout]
changed = [p for p in others if before[p] != after.get(p, set())]
moves = sum(len(before[p] ^ after.get(p, set())) for p in others)
print("re-solve after volunteer %d dropped out (%d shifts): %d of %d others changed, "
      "%d shifts added or removed; seats filled %d -> %d (%d without the dropout)"
      % (dropout, len(before[dropout]), len(changed), len(others), moves, len(first),
         len(second), len(first) - len(before[dropout])))
PY
