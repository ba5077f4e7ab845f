/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* who may do what in the engine: roles, logins, tokens, the audit trail, batch creates and backups
 */

#include "config.h"

#include "roster-engine-test-common.h"

static void
assert_denied(GError *error, JsonNode *result)
{
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
	g_assert_null(result);
}

static void
test_permissions_manager(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterPrincipal) manager = login_as(fixture, "manager", 0);
	gint64 vol = add_volunteer(fixture, "M-1");
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) got = roster_engine_get(fixture->engine,
						    manager,
						    ROSTER_COLLECTION_VOLUNTEERS,
						    0,
						    vol,
						    &error);
	g_autoptr(JsonNode) body = roster_test_json("{\"name\":\"C 组\"}");
	g_autoptr(JsonNode) result = NULL;

	g_assert_no_error(error);
	/* no personal data for managers */
	g_assert_false(json_object_has_member(obj(got), ROSTER_KEY_PHONE));
	g_assert_false(json_object_has_member(obj(got), ROSTER_KEY_EMAIL));
	g_assert_true(json_object_has_member(obj(got), ROSTER_KEY_NAME));
	result = roster_engine_create(fixture->engine,
				      manager,
				      ROSTER_COLLECTION_TEAMS,
				      0,
				      body,
				      &error);
	assert_denied(error, result);
	g_clear_error(&error);
	result = roster_engine_list(fixture->engine,
				    manager,
				    ROSTER_COLLECTION_ACCOUNTS,
				    0,
				    NULL,
				    &error);
	assert_denied(error, result);
	g_clear_error(&error);
	g_assert_false(roster_engine_delete(fixture->engine,
					    manager,
					    ROSTER_COLLECTION_VOLUNTEERS,
					    0,
					    vol,
					    -1,
					    &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

static void
test_permissions_coordinator(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterPrincipal) coordinator = login_as(fixture, "coordinator", 0);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json(VOLUNTEER_BODY);
	g_autoptr(JsonNode) created = roster_engine_create(fixture->engine,
							   coordinator,
							   ROSTER_COLLECTION_VOLUNTEERS,
							   0,
							   body,
							   &error);
	g_autoptr(JsonNode) account = roster_test_json(
	    "{\"username\":\"sneaky\",\"role\":\"admin\",\"password\":\"12345678\"}");
	g_autoptr(JsonNode) result = NULL;

	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(created), ROSTER_KEY_PHONE),
			==,
			"+86 138-0000-0000");
	result = roster_engine_create(fixture->engine,
				      coordinator,
				      ROSTER_COLLECTION_ACCOUNTS,
				      0,
				      account,
				      &error);
	assert_denied(error, result);
	g_clear_error(&error);
	result = roster_engine_list(fixture->engine,
				    coordinator,
				    ROSTER_COLLECTION_AUDIT,
				    0,
				    NULL,
				    &error);
	assert_denied(error, result);
}

static void
test_permissions_volunteer(RosterTestFixture *fixture, gconstpointer user_data)
{
	gint64 own = add_volunteer(fixture, "V-1");
	gint64 other = add_volunteer(fixture, "V-2");
	g_autoptr(RosterPrincipal) volunteer = login_as(fixture, "volunteer", own);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(JsonNode) mine = NULL;
	g_autoptr(JsonNode) self_edit =
	    roster_test_json("{\"revision\":1,\"phone\":\"555\",\"honour_roll_consent\":true}");
	g_autoptr(JsonNode) promote = roster_test_json("{\"revision\":2,\"tier\":\"expert\"}");
	g_autoptr(JsonNode) same_tier =
	    roster_test_json("{\"revision\":2,\"tier\":\"senior\",\"note\":\"hi\"}");
	g_autoptr(JsonNode) avail = roster_test_json("{\"kind\":\"unavailable\",\"weekday\":3}");

	/* a list shows only its own record, with its personal data */
	list = roster_engine_list(fixture->engine,
				  volunteer,
				  ROSTER_COLLECTION_VOLUNTEERS,
				  0,
				  NULL,
				  &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(list), ROSTER_KEY_TOTAL), ==, 1);
	mine = roster_engine_get(fixture->engine,
				 volunteer,
				 ROSTER_COLLECTION_VOLUNTEERS,
				 0,
				 own,
				 &error);
	g_assert_no_error(error);
	g_assert_true(json_object_has_member(obj(mine), ROSTER_KEY_PHONE));
	result = roster_engine_get(fixture->engine,
				   volunteer,
				   ROSTER_COLLECTION_VOLUNTEERS,
				   0,
				   other,
				   &error);
	assert_denied(error, result);
	g_clear_error(&error);

	result = roster_engine_update(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      own,
				      self_edit,
				      &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);
	result = roster_engine_update(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      own,
				      promote,
				      &error);
	assert_denied(error, result);
	g_assert_true(g_str_has_prefix(error->message, "tier: "));
	g_clear_error(&error);
	/* sending back an unchanged value is fine */
	result = roster_engine_update(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      own,
				      same_tier,
				      &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);

	result = roster_engine_create(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_AVAILABILITY,
				      own,
				      avail,
				      &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);
	result = roster_engine_create(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_AVAILABILITY,
				      other,
				      avail,
				      &error);
	assert_denied(error, result);
	g_clear_error(&error);
	result = roster_engine_list(fixture->engine,
				    volunteer,
				    ROSTER_COLLECTION_CALENDARS,
				    0,
				    NULL,
				    &error);
	assert_denied(error, result);
	g_clear_error(&error);
	g_assert_false(roster_engine_delete(fixture->engine,
					    volunteer,
					    ROSTER_COLLECTION_VOLUNTEERS,
					    0,
					    own,
					    -1,
					    &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

static void
test_login(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *password = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *bad_user = NULL;
	g_autofree gchar *bad_pass = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	gint64 expires = 0;
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;

	g_assert_true(roster_engine_ensure_admin(fixture->engine, NULL, NULL, &password, &error));
	g_assert_no_error(error);
	g_assert_nonnull(password);
	g_assert_cmpint(strlen(password), >=, 16);
	token = roster_engine_login(fixture->engine, "admin", password, &expires, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(strlen(token), ==, 64);
	g_assert_cmpint(expires, >=, now + 24 * 3600 - 5);
	principal = roster_engine_authenticate(fixture->engine, token, &error);
	g_assert_no_error(error);
	g_assert_cmpint(roster_principal_get_role(principal), ==, ROSTER_ROLE_ADMIN);
	g_assert_cmpstr(roster_principal_get_username(principal), ==, "admin");

	bad_user = roster_engine_login(fixture->engine, "nobody", password, NULL, NULL, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_null(bad_user);
	{
		g_autoptr(GError) error2 = NULL;
		bad_pass = roster_engine_login(fixture->engine,
					       "admin",
					       "wrong password",
					       NULL,
					       NULL,
					       &error2);
		g_assert_error(error2, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
		g_assert_cmpstr(error->message, ==, error2->message);
		g_assert_null(bad_pass);
	}
}

static void
test_ensure_admin_once(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *first = NULL;
	g_autofree gchar *second = NULL;

	g_assert_true(roster_engine_ensure_admin(fixture->engine,
						 "root",
						 "Amber-Ridge-Falcon-63",
						 &first,
						 &error));
	g_assert_cmpstr(first, ==, "Amber-Ridge-Falcon-63");
	g_assert_true(roster_engine_ensure_admin(fixture->engine, "root", NULL, &second, &error));
	g_assert_no_error(error);
	g_assert_null(second);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_ACCOUNTS, 0), ==, 1);
}

static void
test_token_expired(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;

	g_assert_true(roster_engine_ensure_admin(fixture->engine,
						 "admin",
						 "Amber-Ridge-Falcon-63",
						 NULL,
						 &error));
	roster_engine_set_token_lifetime(fixture->engine, 0);
	token = roster_engine_login(fixture->engine,
				    "admin",
				    "Amber-Ridge-Falcon-63",
				    NULL,
				    NULL,
				    &error);
	g_assert_no_error(error);
	principal = roster_engine_authenticate(fixture->engine, token, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_null(principal);
}

static void
test_token_logout(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;

	g_assert_true(roster_engine_ensure_admin(fixture->engine,
						 "admin",
						 "Amber-Ridge-Falcon-63",
						 NULL,
						 &error));
	token = roster_engine_login(fixture->engine,
				    "admin",
				    "Amber-Ridge-Falcon-63",
				    NULL,
				    NULL,
				    &error);
	g_assert_true(roster_engine_logout(fixture->engine, token, &error));
	g_assert_no_error(error);
	principal = roster_engine_authenticate(fixture->engine, token, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_null(principal);
	g_clear_error(&error);
	g_assert_null(roster_engine_authenticate(fixture->engine, "not-a-token", &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
}

static void
test_token_inactive(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) patch = roster_test_json("{\"revision\":1,\"active\":false}");
	g_autoptr(JsonNode) result = NULL;
	gint64 id = roster_test_create(
	    fixture,
	    ROSTER_COLLECTION_ACCOUNTS,
	    0,
	    "{\"username\":\"temp\",\"role\":\"manager\",\"password\":\"Amber-Ridge-Falcon-63\"}");

	token = roster_engine_login(fixture->engine,
				    "temp",
				    "Amber-Ridge-Falcon-63",
				    NULL,
				    NULL,
				    &error);
	g_assert_no_error(error);
	result = roster_engine_update(fixture->engine,
				      fixture->admin,
				      ROSTER_COLLECTION_ACCOUNTS,
				      0,
				      id,
				      patch,
				      &error);
	g_assert_no_error(error);
	principal = roster_engine_authenticate(fixture->engine, token, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_null(principal);
	g_clear_error(&error);
	g_assert_null(roster_engine_login(fixture->engine,
					  "temp",
					  "Amber-Ridge-Falcon-63",
					  NULL,
					  NULL,
					  &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
}

static void
test_audit(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	gint64 id = add_volunteer(fixture, "AU-1");
	g_autoptr(JsonNode) patch = roster_test_json("{\"revision\":1,\"name\":\"改名\"}");
	g_autoptr(JsonNode) result = roster_engine_update(fixture->engine,
							  fixture->admin,
							  ROSTER_COLLECTION_VOLUNTEERS,
							  0,
							  id,
							  patch,
							  &error);
	g_autoptr(RosterPrincipal) manager = login_as(fixture, "manager", 0);
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	g_autofree gchar *id_str = g_strdup_printf("%" G_GINT64_FORMAT, id);
	g_autoptr(JsonNode) admin_view = NULL;
	g_autoptr(JsonNode) manager_view = NULL;
	JsonArray *items;
	JsonObject *update;

	g_assert_no_error(error);
	g_assert_true(roster_engine_delete(fixture->engine,
					   fixture->admin,
					   ROSTER_COLLECTION_VOLUNTEERS,
					   0,
					   id,
					   -1,
					   &error));
	g_hash_table_insert(params, (gpointer) "collection", (gpointer) "volunteers");
	g_hash_table_insert(params, (gpointer) "record_id", (gpointer)id_str);
	admin_view = roster_engine_list(fixture->engine,
					fixture->admin,
					ROSTER_COLLECTION_AUDIT,
					0,
					params,
					&error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(admin_view), ROSTER_KEY_ITEMS);
	g_assert_cmpint(json_array_get_length(items), ==, 3);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(items, 0),
						      ROSTER_KEY_ACTION),
			==,
			"create");
	g_assert_true(json_object_get_null_member(json_array_get_object_element(items, 0),
						  ROSTER_KEY_BEFORE));
	update = json_array_get_object_element(items, 1);
	g_assert_cmpstr(json_object_get_string_member(update, ROSTER_KEY_ACTION), ==, "update");
	g_assert_cmpstr(json_object_get_string_member(update, ROSTER_KEY_ACTOR), ==, "roster-tool");
	g_assert_cmpint(json_object_get_int_member(update, ROSTER_KEY_ACTOR_ID), ==, 0);
	g_assert_cmpstr(
	    json_object_get_string_member(json_object_get_object_member(update, ROSTER_KEY_BEFORE),
					  ROSTER_KEY_NAME),
	    ==,
	    "志愿者 AU-1");
	g_assert_cmpstr(
	    json_object_get_string_member(json_object_get_object_member(update, ROSTER_KEY_AFTER),
					  ROSTER_KEY_NAME),
	    ==,
	    "改名");
	g_assert_true(
	    json_object_has_member(json_object_get_object_member(update, ROSTER_KEY_AFTER),
				   ROSTER_KEY_PHONE));
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(items, 2),
						      ROSTER_KEY_ACTION),
			==,
			"delete");
	g_assert_true(
	    json_object_get_null_member(json_array_get_object_element(items, 2), ROSTER_KEY_AFTER));

	/* managers read the log without personal data */
	manager_view = roster_engine_list(fixture->engine,
					  manager,
					  ROSTER_COLLECTION_AUDIT,
					  0,
					  params,
					  &error);
	g_assert_no_error(error);
	update = json_array_get_object_element(
	    json_object_get_array_member(obj(manager_view), ROSTER_KEY_ITEMS),
	    1);
	g_assert_false(
	    json_object_has_member(json_object_get_object_member(update, ROSTER_KEY_BEFORE),
				   ROSTER_KEY_PHONE));
	g_assert_false(
	    json_object_has_member(json_object_get_object_member(update, ROSTER_KEY_AFTER),
				   ROSTER_KEY_EMAIL));
	g_assert_true(
	    json_object_has_member(json_object_get_object_member(update, ROSTER_KEY_AFTER),
				   ROSTER_KEY_NAME));
}

static void
test_audit_no_password(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(JsonNode) audit = NULL;
	g_autofree gchar *text = NULL;

	roster_test_create(
	    fixture,
	    ROSTER_COLLECTION_ACCOUNTS,
	    0,
	    "{\"username\":\"pw.test\",\"role\":\"manager\",\"password\":\"secret-pass-1\"}");
	g_hash_table_insert(params, (gpointer) "collection", (gpointer) "accounts");
	audit = roster_engine_list(fixture->engine,
				   fixture->admin,
				   ROSTER_COLLECTION_AUDIT,
				   0,
				   params,
				   &error);
	g_assert_no_error(error);
	text = json_to_string(audit, FALSE);
	g_assert_null(strstr(text, "secret-pass-1"));
	g_assert_null(strstr(text, "argon2"));
	g_assert_nonnull(strstr(text, "pw.test"));
}

static void
test_create_many_all_or_nothing(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) item_errors = NULL;
	g_autoptr(JsonNode) items =
	    roster_test_json("[{\"name\":\"甲\",\"counsellor_no\":\"B-1\",\"tier\":\"trainee\"},"
			     "{\"name\":\"乙\",\"counsellor_no\":\"B-2\",\"tier\":\"guru\"},"
			     "{\"name\":\"丙\",\"counsellor_no\":\"B-3\",\"tier\":\"senior\"},"
			     "{\"name\":\"丁\",\"counsellor_no\":\"b-1\",\"tier\":\"senior\"},"
			     "{\"name\":\"戊\",\"counsellor_no\":\"EX-1\",\"tier\":\"senior\"}]");

	add_volunteer(fixture, "EX-1");
	g_assert_false(roster_engine_create_many(fixture->engine,
						 fixture->admin,
						 ROSTER_COLLECTION_VOLUNTEERS,
						 json_node_get_array(items),
						 &item_errors,
						 &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_cmpint(item_errors->len, ==, 3);
	g_assert_cmpstr(g_ptr_array_index(item_errors, 0),
			==,
			"1\ttier: must be one of trainee, counsellor, senior, expert");
	g_assert_true(g_str_has_prefix(g_ptr_array_index(item_errors, 1), "3\tcounsellor_no: "));
	g_assert_true(g_str_has_prefix(g_ptr_array_index(item_errors, 2), "4\tcounsellor_no: "));
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 1);
}

static void
test_create_many_good(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) item_errors = NULL;
	g_autoptr(JsonNode) items =
	    roster_test_json("[{\"name\":\"甲\",\"counsellor_no\":\"C-1\",\"tier\":\"trainee\"},"
			     "{\"name\":\"乙\",\"counsellor_no\":\"C-2\",\"tier\":\"expert\"}]");

	g_assert_true(roster_engine_create_many(fixture->engine,
						fixture->admin,
						ROSTER_COLLECTION_VOLUNTEERS,
						json_node_get_array(items),
						&item_errors,
						&error));
	g_assert_no_error(error);
	g_assert_cmpint(item_errors->len, ==, 0);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 2);
}

static void
test_backup_restore(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *backup = g_build_filename(fixture->tmpdir, "backup.db", NULL);
	gint64 kept = add_volunteer(fixture, "BK-1");
	gint64 later;

	g_assert_true(roster_engine_backup(fixture->engine, backup, &error));
	g_assert_no_error(error);
	later = add_volunteer(fixture, "BK-2");
	g_assert_true(roster_engine_delete(fixture->engine,
					   fixture->admin,
					   ROSTER_COLLECTION_VOLUNTEERS,
					   0,
					   kept,
					   -1,
					   &error));
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 1);

	g_assert_true(roster_engine_restore(fixture->engine, backup, &error));
	g_assert_no_error(error);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 1);
	{
		g_autoptr(JsonNode) got = roster_engine_get(fixture->engine,
							    fixture->admin,
							    ROSTER_COLLECTION_VOLUNTEERS,
							    0,
							    kept,
							    &error);
		g_assert_no_error(error);
		g_assert_nonnull(got);
	}
	{
		g_autoptr(JsonNode) gone = roster_engine_get(fixture->engine,
							     fixture->admin,
							     ROSTER_COLLECTION_VOLUNTEERS,
							     0,
							     later,
							     &error);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
		g_assert_null(gone);
		g_clear_error(&error);
	}
	/* the engine keeps working after a restore */
	add_volunteer(fixture, "BK-3");
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 2);
}

static void
test_restore_refuses_junk(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *junk = g_build_filename(fixture->tmpdir, "junk.db", NULL);
	g_autofree gchar *missing = g_build_filename(fixture->tmpdir, "missing.db", NULL);

	add_volunteer(fixture, "J-1");
	g_assert_true(g_file_set_contents(junk,
					  "this is not a database, just some text to be restored\n",
					  -1,
					  NULL));
	g_assert_false(roster_engine_restore(fixture->engine, junk, &error));
	g_assert_nonnull(error);
	g_clear_error(&error);
	g_assert_false(roster_engine_restore(fixture->engine, missing, &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 1);
}

static void
test_audit_read_only(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json("{}");
	g_autoptr(JsonNode) result = roster_engine_create(fixture->engine,
							  fixture->admin,
							  ROSTER_COLLECTION_AUDIT,
							  0,
							  body,
							  &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_SUPPORTED);
	g_assert_null(result);
}

static void
test_body_not_object(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json("[1,2]");
	g_autoptr(JsonNode) result = roster_engine_create(fixture->engine,
							  fixture->admin,
							  ROSTER_COLLECTION_TEAMS,
							  0,
							  body,
							  &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_MALFORMED);
	g_assert_null(result);
}

void
roster_test_add_engine_access(void)
{
	ROSTER_ENGINE_TEST_ADD("/roster/engine/permissions/manager", test_permissions_manager);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/permissions/coordinator",
			       test_permissions_coordinator);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/permissions/volunteer", test_permissions_volunteer);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/login", test_login);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/ensure-admin-once", test_ensure_admin_once);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/token/expired", test_token_expired);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/token/logout", test_token_logout);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/token/inactive", test_token_inactive);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/audit", test_audit);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/audit-no-password", test_audit_no_password);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/audit-read-only", test_audit_read_only);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/body-not-object", test_body_not_object);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/create-many/all-or-nothing",
			       test_create_many_all_or_nothing);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/create-many/good", test_create_many_good);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/backup-restore", test_backup_restore);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/restore-refuses-junk", test_restore_refuses_junk);
}
