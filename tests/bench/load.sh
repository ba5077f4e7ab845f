#!/bin/bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# load on the daemon with wrk, the client beside it on the same machine: 64 and 256
# connections on a read route (one volunteer) and on a volunteer's calendar feed, idle
# and while a province month is solved; then a soak of connections opened and closed,
# and of connections left idle (silent, or kept alive after a request) and dropped,
# after which /health must still answer fast and the daemon's descriptors be back
#
# usage: tests/bench/load.sh [BUILD_DIR] [SECONDS] [SOAK_CONNECTIONS] [IDLE_CONNECTIONS]
#   BUILD_DIR         default _build; must hold service/roster-daemon and the tool
#   SECONDS           each wrk run, default 30
#   SOAK_CONNECTIONS  connections opened and closed, default 100000
#   IDLE_CONNECTIONS  connections opened, left idle, then dropped, default 10000
# environment:
#   ROSTER_BENCH_DAEMON       the daemon measured, default BUILD_DIR/service/roster-daemon
#   ROSTER_BENCH_CONNECTIONS  the wrk runs' connections, default "64 256"
#   ROSTER_BENCH_SEED         a file that keeps the prepared database: made on the first
#                             run, copied on the next ones (for A/B runs, tests/bench/load-ab.sh)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$repo/_build}
seconds=${2:-30}
soak=${3:-100000}
idle=${4:-10000}
tool=$build/service/tool/roster-tool
daemon=${ROSTER_BENCH_DAEMON:-$build/service/roster-daemon}
connections=${ROSTER_BENCH_CONNECTIONS:-64 256}
seed=${ROSTER_BENCH_SEED:-}
port=${ROSTER_BENCH_PORT:-18356}
base=http://127.0.0.1:$port/api/v1
password=Load-Tide-Harbour-7319

for exe in "$tool" "$daemon"; do
	if [ ! -x "$exe" ]; then
		echo "error: $exe not found; build it first (ninja -C $build)" >&2
		exit 1
	fi
done
for program in wrk python3 curl sqlite3; do
	if ! command -v "$program" >/dev/null; then
		echo "error: $program is missing (apt-get install wrk python3 curl sqlite3)" >&2
		exit 1
	fi
done
# the idle connections need descriptors on the client's side too
ulimit -n "$(ulimit -Hn)"

work=$(mktemp -d)
pid=
cleanup() {
	if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

if [ -n "$seed" ] && [ -f "$seed" ]; then
	echo "== a province hotline with a published month, from $seed"
	cp "$seed" "$work/r.db"
else
	echo "== preparing a province hotline with a published month"
	"$tool" seed-demo --scale province -d "$work/r.db" >/dev/null
	id=$("$tool" solve-roster -d "$work/r.db" --from 2027-01-01 --to 2027-01-31 -l 10 |
		sed -n 's/^roster //p')
	"$tool" publish-roster -d "$work/r.db" -i "$id" >/dev/null
	if [ -n "$seed" ]; then
		sqlite3 "$work/r.db" "VACUUM INTO '$seed'"
	fi
fi
# the volunteer with the most shifts in the month
volunteer=$(sqlite3 "$work/r.db" \
	"SELECT volunteer_id FROM assignments GROUP BY volunteer_id ORDER BY count(*) DESC LIMIT 1")
printf '%s\n' "$password" >"$work/password"
"$daemon" --database "$work/r.db" --port "$port" --admin-user bench \
	--admin-password-file "$work/password" >"$work/daemon.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
	curl -sf "$base/health" >/dev/null 2>&1 && break
	sleep 0.1
done
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
	-d "{\"username\":\"bench\",\"password\":\"$password\"}" "$base/login" |
	sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
auth="Authorization: Bearer $token"
feed_path=$(curl -sf -X POST -H "$auth" "$base/calendar-tokens/$volunteer" |
	sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
feed=http://127.0.0.1:$port$feed_path
if [ -z "$feed_path" ]; then
	echo "error: no calendar feed for volunteer $volunteer" >&2
	exit 1
fi
events=$(curl -sf "$feed" | grep -c '^BEGIN:VEVENT' || true)
echo "read route: GET /api/v1/volunteers/$volunteer; feed: $events events"

# wrk's figures on one line: requests/s, p50, p99, errors (socket errors and non-2xx)
run_wrk() {
	local label=$1 connections=$2 url=$3
	shift 3
	wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" "$url" >"$work/wrk.out" 2>&1
	awk -v label="$label" -v c="$connections" '
		/Requests\/sec/ { rps = $2 }
		$1 == "50%" { p50 = $2 }
		$1 == "99%" { p99 = $2 }
		/Socket errors/ { gsub(",", ""); errors += $4 + $6 + $8; timeouts += $10 }
		/Non-2xx/ { errors += $NF }
		END { printf "%-34s %4d conn  %9.0f req/s  p50 %8s  p99 %8s  errors %d  time-outs %d\n",
			label, c, rps, p50, p99, errors + 0, timeouts + 0 }' "$work/wrk.out"
}

run_all() {
	local phase=$1
	for c in $connections; do
		run_wrk "$phase: GET volunteer" "$c" "$base/volunteers/$volunteer" -H "$auth"
	done
	for c in $connections; do
		run_wrk "$phase: GET feed" "$c" "$feed"
	done
}

echo "== wrk, ${seconds} s per run, 2 client threads"
run_all idle

curl -sf -X POST -H "$auth" -H 'Content-Type: application/json' \
	-d '{"name":"load","period_start":"2027-02-01","period_end":"2027-02-28"}' \
	"$base/rosters" >"$work/roster.json"
solve_id=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$work/roster.json" | head -1)
curl -sf -X POST -H "$auth" -H 'Content-Type: application/json' \
	-d "{\"time_limit\":$((4 * seconds + 30))}" "$base/rosters/$solve_id/solve" >/dev/null
sleep 2
run_all "solving"
state=$(curl -s -H "$auth" "$base/rosters/$solve_id/solve" | sed -n 's/.*"state":"\([^"]*\)".*/\1/p')
echo "(the solve was $state at the end)"
curl -s -X DELETE -H "$auth" "$base/rosters/$solve_id/solve" >/dev/null

echo "== soak: $soak connections opened and closed, $idle left idle and dropped"
python3 - "$port" "$soak" "$idle" "$pid" <<'EOF'
import os, socket, statistics, sys, time

port, soak, idle, pid = (int(a) for a in sys.argv[1:5])
request = b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
# a probe on a new connection of its own, read to its end
probe = b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"

def descriptors():
    return len(os.listdir(f"/proc/{pid}/fd"))

def settled_descriptors(target):
    # the daemon sees the last closes a moment after the client makes them
    for _ in range(40):
        if descriptors() <= target:
            break
        time.sleep(0.05)
    return descriptors()

def health_ms():
    start = time.perf_counter()
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(probe)
    data = b""
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    s.close()
    assert data.startswith(b"HTTP/1.1 200"), data[:40]
    return (time.perf_counter() - start) * 1000

before = descriptors()
start = time.perf_counter()
failed = 0
for i in range(soak):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        # every third one sends a request, the others close without a word
        if i % 3 == 0:
            s.sendall(request)
            s.recv(4096)
        s.close()
    except OSError:
        failed += 1
elapsed = time.perf_counter() - start
print(f"opened and closed {soak} connections in {elapsed:.1f} s, {failed} failed; "
      f"daemon descriptors {before} before, {settled_descriptors(before)} after")

held = []
kept = 0
for i in range(idle):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        # every other one idles after a response (kept alive), the others before a request
        if i % 2 == 0:
            s.sendall(request)
            s.recv(4096)
            kept += 1
        held.append(s)
    except OSError:
        failed += 1
time.sleep(1)
during = descriptors()
latencies = [health_ms() for _ in range(21)]
print(f"{len(held)} idle connections held ({kept} kept alive after a request): daemon descriptors {during}, "
      f"/health median {statistics.median(latencies):.2f} ms, max {max(latencies):.2f} ms")
for s in held:
    s.close()
after = settled_descriptors(before)
latencies = [health_ms() for _ in range(21)]
print(f"after dropping them: daemon descriptors {after}, "
      f"/health median {statistics.median(latencies):.2f} ms, max {max(latencies):.2f} ms")
EOF
