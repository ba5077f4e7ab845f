#!/usr/bin/python3
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# check-tool-export.py ROSTER_TOOL
#
# Seeds the demo city line, solves a month, publishes it, writes the whole roster, one
# team and one volunteer with `roster-tool calendar`, and reads each file with
# python3-icalendar: every published assignment must be one event with its UID, its
# start in the service calendar's zone, its summary, CONFIRMED, SEQUENCE 0 and two
# reminders; then the hours report as CSV and JSON. Exit status 77 (skip) without python3-icalendar.

import datetime
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed")
    sys.exit(77)


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def events_of(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    zones = [str(z.get("TZID")) for z in cal.walk("VTIMEZONE")]
    return zones, {str(e.get("UID")): e for e in cal.walk("VEVENT")}


def expected(db, where, params):
    con = sqlite3.connect(db)
    first = con.execute("SELECT first_slot_start FROM calendars ORDER BY id LIMIT 1").fetchone()[0]
    names = dict(con.execute("SELECT id, name FROM seat_classes"))
    modes = dict(con.execute("SELECT id, mode FROM seat_classes"))
    rows = con.execute(
        "SELECT a.id, a.volunteer_id, a.roster_id, a.date, a.slot_start, a.seat_class_id"
        " FROM assignments a JOIN volunteers v ON v.id = a.volunteer_id WHERE " + where,
        params,
    ).fetchall()
    con.close()
    result = {}
    for aid, vid, rid, date, slot, seat in rows:
        start = datetime.datetime.strptime(f"{date} {slot}", "%Y-%m-%d %H:%M")
        if slot < first:
            start += datetime.timedelta(days=1)
        mode = "云坐席" if modes[seat] == "cloud" else "坐班"
        # a seat class named with its mode (咨询专席（坐班）) does not get it twice
        words = names[seat] if mode in names[seat] else f"{names[seat]}（{mode}）"
        result[f"{aid}-{vid}@{rid}.hotline-roster"] = (start, f"值班：{words}")
    return result


def compare(path, want, named):
    problems = [] if want else [f"{path}: no published assignments to compare"]
    zones, events = events_of(path)
    if set(events) != set(want):
        problems.append(f"{path}: {len(events)} events, {len(want)} assignments")
    for uid, event in events.items():
        if uid not in want:
            continue
        start, words = want[uid]
        dtstart = event.get("DTSTART")
        tzid = dtstart.params.get("TZID")
        if tzid not in zones:
            problems.append(f"{uid}: TZID {tzid} has no VTIMEZONE")
        if dtstart.dt.replace(tzinfo=None) != start:
            problems.append(f"{uid}: DTSTART {dtstart.dt}, expected {start}")
        summary = str(event.get("SUMMARY"))
        if words not in summary or (named and "—" not in summary):
            problems.append(f"{uid}: SUMMARY {summary!r}")
        if str(event.get("STATUS")) != "CONFIRMED" or int(event.get("SEQUENCE")) != 0:
            problems.append(f"{uid}: STATUS {event.get('STATUS')} SEQUENCE {event.get('SEQUENCE')}")
        if len(event.walk("VALARM")) != 2:
            problems.append(f"{uid}: {len(event.walk('VALARM'))} reminders")
    return problems


def main():
    tool = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "city.db")
        run(tool, "seed-demo", "-d", db)
        # the default period (a month); --from/--to would meet a leak of solve-roster
        # under LeakSanitizer (its option defaults are overwritten without being freed)
        run(tool, "solve-roster", "-d", db, "-l", "1")
        run(tool, "publish-roster", "-d", db, "-i", "1")
        con = sqlite3.connect(db)
        vid, team = con.execute(
            "SELECT a.volunteer_id, v.team_id FROM assignments a"
            " JOIN volunteers v ON v.id = a.volunteer_id WHERE v.team_id IS NOT NULL LIMIT 1"
        ).fetchone()
        con.close()
        problems = []
        out = os.path.join(tmp, "roster.ics")
        run(tool, "calendar", "-d", db, "--roster", "1", "-o", out)
        problems += compare(out, expected(db, "a.roster_id = ?", (1,)), True)
        out = os.path.join(tmp, "team.ics")
        run(tool, "calendar", "-d", db, "--roster", "1", "--team", str(team), "-o", out)
        problems += compare(out, expected(db, "v.team_id = ?", (team,)), True)
        out = os.path.join(tmp, "volunteer.ics")
        run(tool, "calendar", "-d", db, "--volunteer", str(vid), "-o", out)
        problems += compare(out, expected(db, "a.volunteer_id = ?", (vid,)), False)
        # the hours report: CSV with a BOM and Chinese headers, or JSON
        out = os.path.join(tmp, "hours.csv")
        run(tool, "report", "-d", db, "--period", "quarter", "--lang", "zh", "-o", out)
        with open(out, "rb") as f:
            if not f.read().startswith("\ufeff期间,志愿者编号,工号,姓名".encode()):
                problems.append("report: no BOM or no Chinese header")
        report = subprocess.run([tool, "report", "-d", db, "--format", "json"],
                                check=True, capture_output=True).stdout
        if json.loads(report).get("total") != 0:
            problems.append("report: hours without attendance")
        if subprocess.run([tool, "report", "-d", db, "--period", "week"],
                          capture_output=True).returncode == 0:
            problems.append("report: a bad period was accepted")
        print(f"compared {len(expected(db, 'a.roster_id = ?', (1,)))} events")
        for problem in problems[:40]:
            print(problem)
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
