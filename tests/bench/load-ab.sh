#!/bin/bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# interleaved A/B runs of the load benchmark, to compare daemons (before and after a
# change) on a machine that is not quiet: the wrk runs of tests/bench/load.sh, short
# and without the soak, on each daemon in turn, ROUNDS times over one prepared
# database; then per daemon and run the medians of requests/s, p50 and p99 (with the
# p99 of every round) and the sum of errors and time-outs
#
# usage: tests/bench/load-ab.sh BUILD_DIR SECONDS ROUNDS DAEMON…
#   BUILD_DIR  holds the tool that prepares the database
#   SECONDS    each wrk run, e.g. 10
#   ROUNDS     how many times each daemon runs, e.g. 3
#   DAEMON     roster-daemon executables, e.g. one built from the base and one from the change
# environment: ROSTER_BENCH_CONNECTIONS (default 256), as for tests/bench/load.sh
set -euo pipefail

if [ $# -lt 4 ]; then
	sed -n 's/^# usage: //p' "$0" >&2
	exit 2
fi
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
seconds=$2
rounds=$3
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export ROSTER_BENCH_CONNECTIONS=${ROSTER_BENCH_CONNECTIONS:-256}
export ROSTER_BENCH_SEED=$work/seed.db
for round in $(seq 1 "$rounds"); do
	for daemon in "$@"; do
		ROSTER_BENCH_DAEMON=$daemon bash "$repo/tests/bench/load.sh" "$build" "$seconds" 0 0 |
			grep ' conn ' | sed "s|^|$daemon\t$round\t|" | tee -a "$work/runs"
	done
done

python3 - "$work/runs" <<'PY'
import re, statistics, sys

def ms(text):
    number, unit = re.fullmatch(r"([0-9.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

runs = {}
for line in open(sys.argv[1]):
    daemon, _, rest = line.rstrip("\n").split("\t")
    m = re.match(r"(.*?)\s+(\d+) conn\s+(\d+) req/s\s+p50\s+(\S+)\s+p99\s+(\S+)\s+errors (\d+)\s+time-outs (\d+)", rest)
    label, conn, rps, p50, p99, errors, timeouts = m.groups()
    runs.setdefault((label, int(conn), daemon), []).append(
        (int(rps), ms(p50), ms(p99), int(errors) + int(timeouts)))
print("\nmedians of the rounds (p99 of each round in brackets)")
for (label, conn, daemon), rows in runs.items():
    p99s = ", ".join(f"{r[2]:.1f}" for r in rows)
    print(f"{label:24} {conn:4d} conn  {daemon}: {statistics.median(r[0] for r in rows):7.0f} req/s"
          f"  p50 {statistics.median(r[1] for r in rows):6.1f} ms"
          f"  p99 {statistics.median(r[2] for r in rows):6.1f} ms ({p99s})"
          f"  errors and time-outs {sum(r[3] for r in rows)}")
PY
