#!/usr/bin/env python3
# Copyright 2026 Hotline Roster developers
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# writes a random instance in the Curtois & Qu format, shaped like the benchmark's
# (people with a subset of shift types, a few rare types capped low, runs of 2 to 5
# or 6 working days, weekends capped at about half, blocks of days off, requests to
# work or not, cover asking for a little less than the staff can give), so that the
# solver can be tried on sizes the shared folder does not hold: the largest published
# instances have 150 people, 32 shift types and 364 days
#
# usage: tests/bench/nrp-generate.py STAFF DAYS TYPES [SEED [mixed]] > instance.txt
#   every shift lasts 8 hours as in the published files, or with "mixed" 6 to 12 hours

import random
import sys


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: nrp-generate.py STAFF DAYS TYPES [SEED]")
    n_staff, n_days, n_types = (int(a) for a in sys.argv[1:4])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    mixed = len(sys.argv) > 5 and sys.argv[5] == "mixed"
    if n_staff < 1 or n_days < 7 or n_days % 7 != 0 or not 1 <= n_types <= 200:
        sys.exit("STAFF >= 1, DAYS a multiple of 7, 1 <= TYPES <= 200")
    rng = random.Random(seed)
    weeks = n_days // 7
    out = []

    out += ["SECTION_HORIZON", str(n_days), ""]

    # shift types in four bands through the day; a later band may not be followed by
    # an earlier one the next day, as in the published files
    bands = ["e", "d", "l", "n"]
    types = []
    for i in range(n_types):
        band = min(i * len(bands) // n_types, len(bands) - 1)
        types.append((f"{bands[band]}{i + 1}", band))
    lengths = [480] * n_types
    if mixed:
        lengths = [rng.choice([360, 480, 480, 600, 720]) for _ in types]
    out.append("SECTION_SHIFTS")
    for (name, band), length in zip(types, lengths):
        earlier = [n for n, b in types if b < band]
        out.append(f"{name},{length},{'|'.join(earlier)}")
    out.append("")

    # minutes: at most about 3 shifts of 8 hours in 5 days, so that even runs of 5
    # working days with 3 days off between them reach the minimum
    max_minutes = round(n_days * 480 * 0.58 / 60) * 60
    min_minutes = max_minutes - 480 * max(2, n_days // 14)
    out.append("SECTION_STAFF")
    names = []
    for p in range(n_staff):
        name = f"P{p}"
        names.append(name)
        allowed = rng.sample(range(n_types), max(1, (n_types * 2 + 2) // 3))
        caps = []
        for s in range(n_types):
            if s not in allowed:
                caps.append(f"{types[s][0]}=0")
            elif types[s][1] == 3 or rng.random() < 0.15:
                caps.append(f"{types[s][0]}={max(1, n_days // 7)}")
            else:
                caps.append(f"{types[s][0]}={n_days}")
        part = rng.random() < 0.15
        hi = max_minutes // 2 if part else max_minutes
        lo = min_minutes // 2 if part else min_minutes
        out.append(
            f"{name},{'|'.join(caps)},{hi},{lo},{rng.choice([5, 5, 6])},2,"
            f"{rng.choice([2, 2, 3])},{max(1, weeks // 2)}"
        )
    out.append("")

    out.append("SECTION_DAYS_OFF")
    for name in names:
        days = set()
        for _ in range(max(1, n_days // 56)):
            start = rng.randrange(n_days)
            days.update(range(start, min(n_days, start + rng.randint(1, 4))))
        out.append(",".join([name] + [str(d) for d in sorted(days)]))
    out.append("")

    def requests(header):
        out.append(header)
        for name in names:
            for _ in range(rng.randint(0, max(1, n_days // 14))):
                d = rng.randrange(n_days)
                s = rng.randrange(n_types)
                for k in range(rng.randint(1, 3)):
                    if d + k < n_days:
                        out.append(f"{name},{d + k},{types[s][0]},{rng.randint(1, 3)}")
        out.append("")

    requests("SECTION_SHIFT_ON_REQUESTS")
    requests("SECTION_SHIFT_OFF_REQUESTS")

    # cover: a little under what the staff can work, spread over the types
    per_day = n_staff * 0.55 * 0.9
    out.append("SECTION_COVER")
    for d in range(n_days):
        weights = [rng.random() + 0.2 for _ in types]
        total = sum(weights)
        for s, (name, _) in enumerate(types):
            req = int(per_day * weights[s] / total + rng.random())
            out.append(f"{d},{name},{req},100,1")
    print("\n".join(out))


if __name__ == "__main__":
    main()
