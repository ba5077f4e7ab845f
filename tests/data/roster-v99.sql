-- Copyright 2026 Hotline Roster developers
-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- A database from a future release (schema version 99) that this one must refuse
-- and leave untouched. Made with the sqlite3 command-line tool:
--   rm -f tests/data/roster-v99.db && sqlite3 tests/data/roster-v99.db < tests/data/roster-v99.sql

CREATE TABLE future (id INTEGER PRIMARY KEY, what TEXT);
INSERT INTO future (what) VALUES ('data from the future');
PRAGMA user_version = 99;
