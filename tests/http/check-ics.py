#!/usr/bin/python3
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Reads a calendar with python3-icalendar (an independent parser) and compares its
# events with the expected ones, given as JSON:
#   [{"uid", "start": "YYYY-MM-DDTHH:MM", "tzid", "summary", "status", "sequence",
#     "alarms": N}, ...]
# Exit status: 0 when they match, 1 when not, 77 when python3-icalendar is missing.

import json
import sys

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed")
    sys.exit(77)


def main():
    with open(sys.argv[1], "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        expected = {e["uid"]: e for e in json.load(f)}

    zones = [c for c in cal.walk("VTIMEZONE")]
    events = [c for c in cal.walk("VEVENT")]
    problems = []
    if len(events) != len(expected):
        problems.append(f"{len(events)} events, expected {len(expected)}")
    for event in events:
        uid = str(event.get("UID"))
        want = expected.get(uid)
        if want is None:
            problems.append(f"unexpected event {uid}")
            continue
        dtstart = event.get("DTSTART")
        tzid = dtstart.params.get("TZID")
        start = dtstart.dt.strftime("%Y-%m-%dT%H:%M")
        if tzid != want["tzid"]:
            problems.append(f"{uid}: TZID {tzid}, expected {want['tzid']}")
        if not any(str(z.get("TZID")) == tzid for z in zones):
            problems.append(f"{uid}: no VTIMEZONE for {tzid}")
        if start != want["start"]:
            problems.append(f"{uid}: DTSTART {start}, expected {want['start']}")
        if str(event.get("SUMMARY")) != want["summary"]:
            problems.append(f"{uid}: SUMMARY {event.get('SUMMARY')!r}")
        if str(event.get("STATUS")) != want["status"]:
            problems.append(f"{uid}: STATUS {event.get('STATUS')}, expected {want['status']}")
        if int(event.get("SEQUENCE", 0)) != want["sequence"]:
            problems.append(f"{uid}: SEQUENCE {event.get('SEQUENCE')}")
        alarms = [c for c in event.walk("VALARM")]
        if len(alarms) != want["alarms"]:
            problems.append(f"{uid}: {len(alarms)} alarms, expected {want['alarms']}")
        for alarm in alarms:
            if alarm.get("TRIGGER") is None or str(alarm.get("ACTION")) != "DISPLAY":
                problems.append(f"{uid}: a VALARM without TRIGGER or ACTION:DISPLAY")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
