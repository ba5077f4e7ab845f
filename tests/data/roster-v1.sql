-- Copyright 2026 Hotline Roster developers
-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- A roster database of schema version 1, as the first release wrote it, with data.
-- Made with the sqlite3 command-line tool:
--   rm -f tests/data/roster-v1.db && sqlite3 tests/data/roster-v1.db < tests/data/roster-v1.sql
-- The schema below is schema_v1 of service/store/roster-store.c; never change either.

CREATE TABLE calendars ( id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, modified TEXT NOT NULL, name TEXT NOT NULL, line TEXT NOT NULL, time_zone TEXT NOT NULL, slot_minutes INTEGER NOT NULL, first_slot_start TEXT NOT NULL, manned_windows TEXT NOT NULL DEFAULT '[]', duty_contact TEXT);
CREATE TABLE seat_classes ( id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, modified TEXT NOT NULL, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, mode TEXT NOT NULL, min_tier TEXT NOT NULL, skills TEXT NOT NULL DEFAULT '[]', crisis INTEGER NOT NULL DEFAULT 0, location TEXT, colour TEXT);
CREATE TABLE demand_rules ( id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, modified TEXT NOT NULL, seat_class_id INTEGER NOT NULL REFERENCES seat_classes(id) ON DELETE RESTRICT, weekdays TEXT NOT NULL DEFAULT '[]', date_from TEXT, date_to TEXT, start_time TEXT NOT NULL, end_time TEXT NOT NULL, seats INTEGER NOT NULL, note TEXT);
CREATE INDEX demand_rules_seat_class ON demand_rules(seat_class_id);
CREATE TABLE teams ( id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, modified TEXT NOT NULL, name TEXT NOT NULL UNIQUE, colour TEXT, note TEXT);
CREATE TABLE volunteers ( id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, modified TEXT NOT NULL, name TEXT NOT NULL, counsellor_no TEXT NOT NULL UNIQUE, phone TEXT, email TEXT, tier TEXT NOT NULL, skills TEXT NOT NULL DEFAULT '[]', modes TEXT NOT NULL DEFAULT '["on-site","cloud"]', team_id INTEGER REFERENCES teams(id) ON DELETE RESTRICT, active INTEGER NOT NULL DEFAULT 1, max_hours_week INTEGER, max_hours_month INTEGER, max_shifts_month INTEGER, max_consecutive_days INTEGER, max_nights_month INTEGER, min_shifts_month INTEGER, note TEXT);
CREATE INDEX volunteers_team ON volunteers(team_id);
CREATE TABLE availability ( id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, modified TEXT NOT NULL, volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE, kind TEXT NOT NULL, date TEXT, weekday INTEGER, start_time TEXT, end_time TEXT, note TEXT);
CREATE INDEX availability_volunteer ON availability(volunteer_id);
CREATE TABLE accounts ( id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, modified TEXT NOT NULL, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL, volunteer_id INTEGER REFERENCES volunteers(id) ON DELETE RESTRICT, password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1);
CREATE INDEX accounts_volunteer ON accounts(volunteer_id);
CREATE TABLE tokens ( hash BLOB PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, created INTEGER NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX tokens_account ON tokens(account_id);
CREATE TABLE audit ( id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, actor_id INTEGER NOT NULL, action TEXT NOT NULL, collection TEXT NOT NULL, record_id INTEGER NOT NULL, before_json TEXT, after_json TEXT);
CREATE INDEX audit_record ON audit(collection, record_id);
INSERT INTO calendars (created, modified, name, line, time_zone, slot_minutes, first_slot_start) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '12355 青少年服务热线', '12355', 'Asia/Shanghai', 180, '08:00');
INSERT INTO seat_classes (created, modified, code, name, mode, min_tier, skills, crisis)
 VALUES ('2025-01-05T08:00:00Z', '2025-01-05T08:00:00Z', 'crisis', '高危专席', 'on-site', 'expert', '["crisis"]', 1);
INSERT INTO demand_rules (created, modified, seat_class_id, weekdays, start_time, end_time, seats)
 VALUES ('2025-01-05T08:00:00Z', '2025-01-05T08:00:00Z', 1, '[1,2,3,4,5]', '19:00', '02:00', 1);
INSERT INTO teams (created, modified, name, colour) VALUES ('2025-01-05T08:00:00Z', '2025-01-05T08:00:00Z', '夜班组', '#223344');
INSERT INTO volunteers (revision, created, modified, name, counsellor_no, phone, email, tier, skills, modes, team_id, max_hours_month, note)
 VALUES (3, '2025-01-06T09:00:00Z', '2025-02-01T10:30:00Z', '王芳', 'SZ-001', '13800000001', 'wang@example.org', 'expert', '["crisis","youth"]', '["on-site"]', 1, 40, '老志愿者');
INSERT INTO volunteers (created, modified, name, counsellor_no, tier)
 VALUES ('2025-01-06T09:00:00Z', '2025-01-06T09:00:00Z', '陈明', 'SZ-002', 'trainee');
INSERT INTO availability (created, modified, volunteer_id, kind, weekday, start_time, end_time)
 VALUES ('2025-01-07T09:00:00Z', '2025-01-07T09:00:00Z', 1, 'unavailable', 7, '08:00', '14:00');
INSERT INTO audit (at, actor, actor_id, action, collection, record_id, before_json, after_json)
 VALUES ('2025-01-06T09:00:00Z', 'roster-tool', 0, 'create', 'volunteers', 2, NULL, '{"name":"陈明"}');
PRAGMA user_version = 1;
