#!/usr/bin/env bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# runs the fuzz targets of tests/fuzz under libFuzzer with AddressSanitizer and
# UndefinedBehaviorSanitizer, one target at a time, and prints per target the
# executions, executions per second, crashes (crash, leak, timeout and out-of-memory
# files libFuzzer wrote) and the corpus size at the end
#
# usage: tests/bench/fuzz.sh [SECONDS] [TARGET…]
#   SECONDS  per target, default 60
#   TARGET   json-body, volunteer-csv, nrp-parser, calendar, query (default: all)
# environment: FUZZ_BUILD_DIR (default _build-fuzz), CC (default clang), FUZZ_TIMEOUT
#   (seconds one input may run, default 10: libFuzzer counts wall time, so on a busy
#   machine a fuzzer at a low priority wants more), ASAN_OPTIONS (default below)
#
# the committed corpus is copied, not grown: new inputs stay in
# FUZZ_BUILD_DIR/fuzz-work/TARGET/corpus and crashes in FUZZ_BUILD_DIR/fuzz-work/TARGET/
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
if [ $# -gt 0 ]; then
	targets=("$@")
else
	targets=(json-body volunteer-csv nrp-parser calendar query)
fi
build=${FUZZ_BUILD_DIR:-$repo/_build-fuzz}
export CC=${CC:-clang}

# the sanitizers and -fsanitize=fuzzer-no-link instrument the whole core; the
# targets link libFuzzer (tests/fuzz/meson.build looks for the flag in c_args)
setup_args=(-Dbuildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false
	-Dc_args=-fsanitize=fuzzer-no-link)
if [ -f "$build/build.ninja" ]; then
	meson setup --reconfigure "$build" "${setup_args[@]}" >/dev/null
else
	meson setup "$build" "${setup_args[@]}" >/dev/null
fi
ninja -C "$build" $(printf 'tests/fuzz/roster-fuzz-%s ' "${targets[@]}") >/dev/null

# ASan keeps freed memory in a quarantine of 256 MB by default: each input then writes
# to memory not touched for a while (page faults, cache misses, the allocator asking the
# system for more). 64 MB still catches a use after free across many inputs, and the
# calendar target spends a third less CPU per input with it
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:quarantine_size_mb=64}
export LSAN_OPTIONS=suppressions=$repo/tests/lsan-suppressions.txt
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export G_DEBUG=fatal-criticals
export LANG=C.UTF-8

printf '%-14s %12s %9s %8s %8s\n' target executions exec/s crashes corpus
for target in "${targets[@]}"; do
	work=$build/fuzz-work/$target
	mkdir -p "$work/corpus"
	cp -n "$repo/tests/fuzz/corpus/$target/"* "$work/corpus/" 2>/dev/null || true
	# crashes of earlier runs stay, but only this run's are counted
	touch "$work/start"
	set +e
	"$build/tests/fuzz/roster-fuzz-$target" \
		-max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -print_final_stats=1 \
		-artifact_prefix="$work/" "$work/corpus" >"$work/log" 2>&1
	set -e
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)
	crashes=$(find "$work" -maxdepth 1 -newer "$work/start" \( -name 'crash-*' -o \
		-name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
	corpus=$(find "$work/corpus" -type f | wc -l)
	printf '%-14s %12s %9s %8s %8s\n' "$target" "${runs:-?}" "${rate:-?}" "$crashes" "$corpus"
done
