#!/usr/bin/env bash
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# the first README command: install what is missing, build, create a demo database
# when none exists, and start the daemon on 127.0.0.1 (ROSTER_PORT, default 8355)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/install-deps.sh
if [ -f _build/build.ninja ]; then
  meson setup --reconfigure _build >/dev/null
else
  meson setup _build >/dev/null
fi
ninja -C _build >/dev/null

port=${ROSTER_PORT:-8355}
data=${ROSTER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/hotline-roster}
db=$data/roster.db
login=$data/demo-login.txt
mkdir -p "$data"
chmod 700 "$data"

# the demo's mail (publish digests, reminders) goes to a test SMTP server on loopback
# that keeps every message in a Maildir, when Debian's python3-aiosmtpd is installed
mail_port=${ROSTER_MAIL_PORT:-8025}
mail_dir=$data/mail
mail_pid=
start_mail() {
  if /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
    /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$mail_port" \
      -c aiosmtpd.handlers.Mailbox "$mail_dir" &
    mail_pid=$!
    sleep 1
  fi
}
start_mail
mail_args=()
if [ -n "$mail_pid" ]; then
  mail_args=(--mail-server "127.0.0.1:$mail_port" --public-url "http://127.0.0.1:$port")
fi

admin_args=()
if [ ! -f "$db" ]; then
  echo "creating a demo hotline in $db"
  # three demo volunteers get accounts (c021, c040, c048) with a password made up here,
  # and a roster of the next four weeks is solved and published for their page
  volunteer_password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=' | head -c 16)
  (umask 077 && printf '%s\n' "$volunteer_password" > "$data/volunteer-password")
  ./_build/service/tool/roster-tool seed-demo --database "$db" \
    --volunteer-password-file "$data/volunteer-password" "${mail_args[@]}"
  rm -f "$data/volunteer-password"
  echo "solving and publishing a roster of the next four weeks"
  roster=$(./_build/service/tool/roster-tool solve-roster --database "$db" \
    --from "$(date -d tomorrow +%F)" --to "$(date -d '+28 days' +%F)" --time-limit 10 |
    sed -n 's/^roster //p')
  ./_build/service/tool/roster-tool publish-roster --database "$db" --id "$roster" >/dev/null
  password=$(head -c 12 /dev/urandom | base64 | tr -d '/+=' | head -c 16)
  (umask 077 && printf 'username: admin\npassword: %s\nvolunteers: c021 c040 c048\nvolunteer password: %s\n' \
    "$password" "$volunteer_password" > "$login")
  # the password goes through a file readable only by us, never the command line
  # (ps shows that to every user)
  (umask 077 && printf '%s\n' "$password" > "$data/admin-password")
  admin_args=(--admin-user admin --admin-password-file "$data/admin-password")
fi

url="http://127.0.0.1:$port/api/v1"
echo
echo "Hotline Roster daemon: $url"
if [ -f "$login" ]; then
  echo "log in as $(sed -n 's/^username: //p' "$login") with password $(sed -n 's/^password: //p' "$login") (kept in $login)"
  echo "  curl -s -X POST $url/login -H 'Content-Type: application/json' \\"
  echo "       -d '{\"username\":\"admin\",\"password\":\"…\"}'"
fi
echo "volunteers' page: http://127.0.0.1:$port/my/"
if [ -f "$login" ] && grep -q '^volunteer password: ' "$login"; then
  echo "  sign in as c021, c040 or c048 with password $(sed -n 's/^volunteer password: //p' "$login")"
fi
if [ -n "$mail_pid" ]; then
  echo "demo mail: the daemon sends the published roster's digests and the reminders to a"
  echo "  test server on 127.0.0.1:$mail_port, which keeps them in $mail_dir (ls $mail_dir/new)"
fi
echo "press Ctrl+C to stop"
echo

app=./_build/app/roster-app
if [ -x "$app" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  ./_build/service/roster-daemon --database "$db" --address 127.0.0.1 --port "$port" \
    "${admin_args[@]}" &
  daemon=$!
  trap 'kill $daemon $mail_pid 2>/dev/null; wait $daemon 2>/dev/null' EXIT INT TERM
  sleep 1
  # run from the build folder, the app finds the translations and settings schema
  # built there; --server points it at this daemon whatever port was chosen
  "$app" --server "http://127.0.0.1:$port" || true
  exit 0
fi
if [ -n "$mail_pid" ]; then
  trap 'kill $mail_pid 2>/dev/null' EXIT
  ./_build/service/roster-daemon --database "$db" --address 127.0.0.1 --port "$port" \
    "${admin_args[@]}"
  exit $?
fi
exec ./_build/service/roster-daemon --database "$db" --address 127.0.0.1 --port "$port" \
  "${admin_args[@]}"
