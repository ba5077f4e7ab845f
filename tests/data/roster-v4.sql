-- Copyright 2026 Hotline Roster developers
-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- a schema version 4 database with a roster published twice (a shift moved, another
-- removed): the migration to version 5 indexes its history. Made with sqlite3:
--   rm -f tests/data/roster-v4.db && sqlite3 tests/data/roster-v4.db < tests/data/roster-v4.sql
-- The schema below is schema_v1 to schema_v4 of service/store/roster-store.c.
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
PRAGMA user_version = 1;

ALTER TABLE volunteers ADD COLUMN honour_roll_consent INTEGER NOT NULL DEFAULT 0;
CREATE INDEX audit_actor ON audit(actor_id);
CREATE UNIQUE INDEX volunteers_counsellor_no_nocase ON volunteers(counsellor_no COLLATE NOCASE);
PRAGMA user_version = 2;

CREATE TABLE rosters ( id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1, created TEXT NOT NULL, modified TEXT NOT NULL, name TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'draft', settings TEXT NOT NULL DEFAULT '{}', score TEXT, n_versions INTEGER NOT NULL DEFAULT 0);
CREATE TABLE assignments ( id INTEGER PRIMARY KEY AUTOINCREMENT, roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE, date TEXT NOT NULL, slot_start TEXT NOT NULL, seat_class_id INTEGER NOT NULL REFERENCES seat_classes(id) ON DELETE RESTRICT, seat_no INTEGER NOT NULL, volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT, pinned INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT 'manual', UNIQUE (roster_id, date, slot_start, seat_class_id, seat_no));
CREATE INDEX assignments_volunteer ON assignments(volunteer_id);
CREATE TABLE roster_versions ( id INTEGER PRIMARY KEY AUTOINCREMENT, roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE, number INTEGER NOT NULL, created TEXT NOT NULL, actor TEXT NOT NULL, score TEXT, assignments TEXT NOT NULL, UNIQUE (roster_id, number));
PRAGMA user_version = 3;

CREATE TABLE calendar_tokens ( volunteer_id INTEGER PRIMARY KEY REFERENCES volunteers(id) ON DELETE CASCADE, hash BLOB NOT NULL UNIQUE, created TEXT NOT NULL);
CREATE TABLE attendance ( assignment_id INTEGER PRIMARY KEY, roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE, volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT, date TEXT NOT NULL, slot TEXT NOT NULL, seat_class_id INTEGER NOT NULL, status TEXT NOT NULL, late_minutes INTEGER NOT NULL DEFAULT 0, early_minutes INTEGER NOT NULL DEFAULT 0, minutes INTEGER NOT NULL, recorded_by TEXT NOT NULL, modified TEXT NOT NULL);
CREATE INDEX attendance_volunteer ON attendance(volunteer_id, date);
CREATE TABLE service_logs ( id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL, volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT, date TEXT NOT NULL, minutes INTEGER NOT NULL, kind TEXT NOT NULL, description TEXT, state TEXT NOT NULL DEFAULT 'pending', approver TEXT, decided TEXT);
CREATE INDEX service_logs_volunteer ON service_logs(volunteer_id, date);
CREATE TABLE training_records ( id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL, volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT, kind TEXT NOT NULL, minutes INTEGER NOT NULL, date TEXT NOT NULL, verified_by TEXT, note TEXT);
CREATE INDEX training_records_volunteer ON training_records(volunteer_id, date);
CREATE TABLE ratings ( id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL, volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT, dimension TEXT NOT NULL, score INTEGER NOT NULL, rater TEXT NOT NULL, date TEXT NOT NULL, note TEXT);
CREATE INDEX ratings_volunteer ON ratings(volunteer_id, date);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE promotions ( id INTEGER PRIMARY KEY AUTOINCREMENT, volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT, from_tier TEXT NOT NULL, to_tier TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL, evidence TEXT);
PRAGMA user_version = 4;
UPDATE calendars SET created = '2026-01-01T00:00:00Z', modified = '2026-01-01T00:00:00Z';
INSERT INTO teams (created, modified, name) VALUES ('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '一组');
INSERT INTO seat_classes (created, modified, code, name, mode, min_tier, crisis) VALUES ('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'crisis', '危机专席', 'cloud', 'senior', 1);
INSERT INTO volunteers (created, modified, name, counsellor_no, tier, team_id, honour_roll_consent) VALUES ('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '张三', 'A001', 'senior', 1, 1);
INSERT INTO volunteers (created, modified, name, counsellor_no, tier, team_id, honour_roll_consent) VALUES ('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '李四', 'A002', 'senior', 1, 0);
INSERT INTO rosters (created, modified, name, period_start, period_end, state, n_versions) VALUES ('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '三月', '2026-03-01', '2026-03-31', 'published', 2);
INSERT INTO assignments (roster_id, date, slot_start, seat_class_id, seat_no, volunteer_id) VALUES (1, '2026-03-07', '20:00', 1, 1, 1);
INSERT INTO assignments (roster_id, date, slot_start, seat_class_id, seat_no, volunteer_id) VALUES (1, '2026-03-08', '08:00', 1, 1, 2);
INSERT INTO roster_versions (roster_id, number, created, actor, assignments) VALUES (1, 1, '2026-02-20T08:00:00Z', 'admin', '[{"id":1,"date":"2026-03-05","slot":"20:00","seat_class_id":1,"seat_no":1,"volunteer_id":1,"pinned":false,"source":"manual"},{"id":2,"date":"2026-03-06","slot":"08:00","seat_class_id":1,"seat_no":1,"volunteer_id":1,"pinned":false,"source":"manual"}]');
INSERT INTO roster_versions (roster_id, number, created, actor, assignments) VALUES (1, 2, '2026-02-25T08:00:00Z', 'admin', '[{"id":1,"date":"2026-03-07","slot":"20:00","seat_class_id":1,"seat_no":1,"volunteer_id":1,"pinned":false,"source":"manual"},{"id":3,"date":"2026-03-08","slot":"08:00","seat_class_id":1,"seat_no":1,"volunteer_id":2,"pinned":false,"source":"manual"}]');
