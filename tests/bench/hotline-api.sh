#!/bin/sh
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# API latency while a province month is solved: the daemon runs a solve job while a
# client reads one volunteer again and again; median and 99th percentile in ms
#
# usage: tests/bench/hotline-api.sh [BUILD_DIR] [SECONDS] [CLIENTS]
#   BUILD_DIR  default _build; must hold service/roster-daemon and the tool
#   SECONDS    how long to measure, default 40 (the solve runs 10 s longer)
#   CLIENTS    concurrent request loops, default 2
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/_build}
seconds=${2:-40}
clients=${3:-2}
tool=$build/service/tool/roster-tool
daemon=$build/service/roster-daemon
port=${ROSTER_BENCH_PORT:-18355}
base=http://127.0.0.1:$port/api/v1

for exe in "$tool" "$daemon"; do
	if [ ! -x "$exe" ]; then
		echo "error: $exe not found; build it first (ninja -C $build)" >&2
		exit 1
	fi
done

work=$(mktemp -d)
pid=
cleanup() {
	if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

"$tool" seed-demo --scale province -d "$work/r.db" >/dev/null
printf '%s\n' 'Bench-Meadow-Lark-35' | "$daemon" --database "$work/r.db" --port "$port" \
	--admin-user bench --admin-password-file - >"$work/daemon.log" 2>&1 &
pid=$!
for _ in $(seq 1 50); do
	curl -sf "$base/health" >/dev/null 2>&1 && break
	sleep 0.1
done
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
	-d '{"username":"bench","password":"Bench-Meadow-Lark-35"}' "$base/login" |
	sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
auth="Authorization: Bearer $token"
curl -sf -X POST -H "$auth" -H 'Content-Type: application/json' \
	-d '{"name":"bench","period_start":"2026-12-01","period_end":"2026-12-31"}' "$base/rosters" >/dev/null
curl -sf -X POST -H "$auth" -H 'Content-Type: application/json' \
	-d "{\"time_limit\":$((seconds + 10))}" "$base/rosters/1/solve" >/dev/null
# the model is built before the job starts; measure while the search runs
sleep 1
end=$(($(date +%s) + seconds))
clients_pids=
for c in $(seq 1 "$clients"); do
	(
		while [ "$(date +%s)" -lt "$end" ]; do
			curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "$auth" "$base/volunteers/1"
		done >"$work/lat.$c"
	) &
	clients_pids="$clients_pids $!"
done
for c in $clients_pids; do
	wait "$c"
done
state=$(curl -s -H "$auth" "$base/rosters/1/solve" | sed -n 's/.*"state":"\([^"]*\)".*/\1/p')
curl -s -X DELETE -H "$auth" "$base/rosters/1/solve" >/dev/null
cat "$work"/lat.* >"$work/all"
bad=$(awk '$1 != 200' "$work/all" | wc -l)
awk '{ print $2 * 1000 }' "$work/all" | sort -n >"$work/ms"
n=$(wc -l <"$work/ms")
p50=$(awk -v n="$n" 'NR == int((n + 1) / 2) { print; exit }' "$work/ms")
p99=$(awk -v n="$n" 'NR == int(n * 0.99 + 0.999) { print; exit }' "$work/ms")
echo "GET /api/v1/volunteers/1 during a province solve ($state): $n requests," \
	"$clients clients, $bad not 200, median ${p50} ms, p99 ${p99} ms"
