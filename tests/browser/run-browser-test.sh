#!/bin/sh
# the volunteers' page in a real browser: headless Chromium (Debian's chromium) driven by
# puppeteer-core, which this script installs with npm into the build folder on its first
# run; it starts the daemon on a fresh database on loopback, seeds a roster through the
# API and walks the page at a phone's size in Chinese and English, saving screenshots
#
#   run-browser-test.sh DAEMON SCRIPT OUTDIR
#
# exit 77 (skipped) when chromium or npm is missing
set -eu

daemon=$1
script=$2
outdir=$3
chromium=${ROSTER_CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
	echo "skipped: $chromium is missing (apt-get install chromium)"
	exit 77
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
	echo "skipped: node and npm are missing (apt-get install npm)"
	exit 77
fi

mkdir -p "$outdir"
if [ ! -d "$outdir/node_modules/puppeteer-core" ]; then
	echo "installing puppeteer-core into $outdir"
	if ! npm install --prefix "$outdir" --no-save --no-audit --no-fund puppeteer-core@24 >"$outdir/npm.log" 2>&1; then
		echo "skipped: npm could not install puppeteer-core (see $outdir/npm.log)"
		exit 77
	fi
fi

work=$(mktemp -d)
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

password=Blue-Lantern-Roster-91
printf '%s\n' "$password" >"$work/admin-password"
# a free port from the kernel
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$daemon" --database "$work/roster.db" --address 127.0.0.1 --port "$port" \
	--admin-password-file "$work/admin-password" >"$outdir/daemon.log" 2>&1 &
pid=$!
for i in $(seq 1 100); do
	if node -e 'require("http").get(process.argv[1],r=>process.exit(r.statusCode===200?0:1)).on("error",()=>process.exit(1))' \
		"http://127.0.0.1:$port/api/v1/health"; then
		break
	fi
	sleep 0.1
done

NODE_PATH="$outdir/node_modules" ROSTER_URL="http://127.0.0.1:$port" ROSTER_ADMIN_PASSWORD="$password" \
	ROSTER_CHROMIUM="$chromium" ROSTER_SCREENSHOTS="$outdir" \
	node "$script"
