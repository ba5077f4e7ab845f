/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the notifier's settings (secrets write-only), quiet hours, the list of messages with
 * resend, and the volunteers' opt-outs per kind */

#include "config.h"

#include <stdlib.h>

#include "roster-engine-notify.h"
#include "roster-engine-private.h"
#include "roster-store-hours.h"

#define SETTINGS_KEY "notifier"
#define AREA	     "messages"

/* the secrets: written through the API, never shown, never logged */
static const gchar *const secret_keys[] = {"smtp_password", "webhook_token", NULL};
static const gchar *const string_keys[] = {"smtp_server",
					   "smtp_user",
					   "smtp_password",
					   "smtp_password_file",
					   "smtp_from",
					   "smtp_tls",
					   "smtp_ca_file",
					   "webhook_url",
					   "webhook_token",
					   "public_url",
					   "quiet_start",
					   "quiet_end",
					   "time_zone",
					   NULL};
static const struct {
	const gchar *key;
	gint min;
	gint max;
	gint fallback;
} int_keys[] = {
    {"smtp_port", 1, 65535, 587},
    {"max_attempts", 1, 20, 5},
    {"backoff_seconds", 1, 86400, 60},
    {"timeout_seconds", 1, 300, 30},
    /* an unconfirmed crisis seat goes to the coordinators this long before it starts */
    {"escalation_minutes", 5, 1440, 120},
};
static const gchar *const kinds[] = {ROSTER_NOTIFY_KIND_PUBLISH,
				     ROSTER_NOTIFY_KIND_REMINDER,
				     ROSTER_NOTIFY_KIND_REQUEST,
				     ROSTER_NOTIFY_KIND_ESCALATION,
				     ROSTER_NOTIFY_KIND_UNCOVERED,
				     NULL};
static const gchar *const states[] = {ROSTER_OUTBOX_STATE_PENDING,
				      ROSTER_OUTBOX_STATE_SENDING,
				      ROSTER_OUTBOX_STATE_SENT,
				      ROSTER_OUTBOX_STATE_FAILED,
				      NULL};

/**
 * roster_notify_kind_is_alert:
 * @kind: (nullable): a kind of message
 *
 * Returns: whether @kind is an alert to the coordinators (an unconfirmed crisis seat, an
 *   uncovered seat): never held by quiet hours, never refused
 */
gboolean
roster_notify_kind_is_alert(const gchar *kind)
{
	return g_strcmp0(kind, ROSTER_NOTIFY_KIND_ESCALATION) == 0 ||
	       g_strcmp0(kind, ROSTER_NOTIFY_KIND_UNCOVERED) == 0;
}

static gboolean
invalid(GError **error, const gchar *field, const gchar *message)
{
	roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, field, "%s", message);
	return FALSE;
}

static JsonObject *
stored_object(RosterStore *store, GError **error)
{
	g_autofree gchar *text = NULL;
	g_autoptr(JsonNode) node = NULL;

	if (!roster_store_get_setting(store, SETTINGS_KEY, &text, error))
		return NULL;
	if (text != NULL)
		node = json_from_string(text, NULL);
	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
		return json_object_new();
	return json_object_ref(json_node_get_object(node));
}

static gchar *
dup_string(JsonObject *obj, const gchar *key, const gchar *fallback)
{
	JsonNode *node = json_object_get_member(obj, key);

	if (node != NULL && JSON_NODE_HOLDS_VALUE(node) &&
	    json_node_get_value_type(node) == G_TYPE_STRING &&
	    json_node_get_string(node)[0] != '\0')
		return g_strdup(json_node_get_string(node));
	return g_strdup(fallback);
}

static gint
get_int(JsonObject *obj, guint i)
{
	JsonNode *node = json_object_get_member(obj, int_keys[i].key);

	if (node != NULL && JSON_NODE_HOLDS_VALUE(node) &&
	    json_node_get_value_type(node) == G_TYPE_INT64)
		return (gint)json_node_get_int(node);
	return int_keys[i].fallback;
}

/* minutes after midnight of "HH:MM", or -1 */
static gint
parse_clock(const gchar *text)
{
	guint h = 0;
	guint m = 0;

	if (text == NULL || strlen(text) != 5 || text[2] != ':' || !g_ascii_isdigit(text[0]) ||
	    !g_ascii_isdigit(text[1]) || !g_ascii_isdigit(text[3]) || !g_ascii_isdigit(text[4]))
		return -1;
	h = (guint)(text[0] - '0') * 10 + (guint)(text[1] - '0');
	m = (guint)(text[3] - '0') * 10 + (guint)(text[4] - '0');
	if (h > 23 || m > 59)
		return -1;
	return (gint)(h * 60 + m);
}

static gint
reminder_compare_cb(gconstpointer a, gconstpointer b)
{
	return *(const gint *)b - *(const gint *)a;
}

/* the reminder offsets, largest first; [1440, 120] when unset */
static void
read_reminders(RosterNotifySettings *s, JsonObject *obj)
{
	JsonNode *node = json_object_get_member(obj, "reminder_minutes");
	JsonArray *array;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node)) {
		s->reminder_minutes[0] = 24 * 60;
		s->reminder_minutes[1] = 2 * 60;
		s->n_reminders = 2;
		return;
	}
	array = json_node_get_array(node);
	for (guint i = 0;
	     i < json_array_get_length(array) && s->n_reminders < ROSTER_NOTIFY_MAX_REMINDERS;
	     i++)
		s->reminder_minutes[s->n_reminders++] = (gint)json_array_get_int_element(array, i);
	qsort(s->reminder_minutes, s->n_reminders, sizeof(gint), reminder_compare_cb);
}

static RosterNotifySettings *
settings_from_object(JsonObject *obj)
{
	RosterNotifySettings *s = g_new0(RosterNotifySettings, 1);
	g_autofree gchar *quiet_start = dup_string(obj, "quiet_start", NULL);
	g_autofree gchar *quiet_end = dup_string(obj, "quiet_end", NULL);

	s->smtp_server = dup_string(obj, "smtp_server", NULL);
	s->smtp_port = get_int(obj, 0);
	s->smtp_user = dup_string(obj, "smtp_user", NULL);
	s->smtp_password = dup_string(obj, "smtp_password", NULL);
	s->smtp_password_file = dup_string(obj, "smtp_password_file", NULL);
	s->smtp_from = dup_string(obj, "smtp_from", NULL);
	s->smtp_tls = dup_string(obj, "smtp_tls", "starttls");
	s->smtp_ca_file = dup_string(obj, "smtp_ca_file", NULL);
	s->webhook_url = dup_string(obj, "webhook_url", NULL);
	s->webhook_token = dup_string(obj, "webhook_token", NULL);
	s->public_url = dup_string(obj, "public_url", "http://127.0.0.1:8355");
	s->time_zone = dup_string(obj, "time_zone", "Asia/Shanghai");
	s->quiet_start = MAX(parse_clock(quiet_start), 0);
	s->quiet_end = MAX(parse_clock(quiet_end), 0);
	s->max_attempts = get_int(obj, 1);
	s->backoff_seconds = get_int(obj, 2);
	s->timeout_seconds = get_int(obj, 3);
	s->escalation_minutes = get_int(obj, 4);
	read_reminders(s, obj);
	return s;
}

/**
 * roster_notify_settings_load:
 * @store: an open store
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the notifier's settings, defaults for what is unset
 */
RosterNotifySettings *
roster_notify_settings_load(RosterStore *store, GError **error)
{
	g_autoptr(JsonObject) obj = stored_object(store, error);

	if (obj == NULL)
		return NULL;
	return settings_from_object(obj);
}

/**
 * roster_notify_settings_free:
 * @settings: (nullable): settings
 *
 * Frees @settings, wiping the secrets.
 */
void
roster_notify_settings_free(RosterNotifySettings *settings)
{
	if (settings == NULL)
		return;
	if (settings->smtp_password != NULL)
		memset(settings->smtp_password, 0, strlen(settings->smtp_password));
	if (settings->webhook_token != NULL)
		memset(settings->webhook_token, 0, strlen(settings->webhook_token));
	g_free(settings->smtp_server);
	g_free(settings->smtp_user);
	g_free(settings->smtp_password);
	g_free(settings->smtp_password_file);
	g_free(settings->smtp_from);
	g_free(settings->smtp_tls);
	g_free(settings->smtp_ca_file);
	g_free(settings->webhook_url);
	g_free(settings->webhook_token);
	g_free(settings->public_url);
	g_free(settings->time_zone);
	g_free(settings);
}

/**
 * roster_notify_settings_quiet_until:
 * @settings: the settings
 * @now: seconds since the epoch
 *
 * Returns: @now outside the quiet hours, else the end of the quiet hours
 */
gint64
roster_notify_settings_quiet_until(const RosterNotifySettings *settings, gint64 now)
{
	g_autoptr(GTimeZone) tz = NULL;
	g_autoptr(GDateTime) utc = NULL;
	g_autoptr(GDateTime) local = NULL;
	gint start = settings->quiet_start;
	gint end = settings->quiet_end;
	gint minute;
	gboolean quiet;

	if (start == end)
		return now;
	tz = g_time_zone_new_identifier(settings->time_zone);
	if (tz == NULL)
		tz = g_time_zone_new_utc();
	utc = g_date_time_new_from_unix_utc(now);
	local = g_date_time_to_timezone(utc, tz);
	minute = g_date_time_get_hour(local) * 60 + g_date_time_get_minute(local);
	quiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
	if (!quiet)
		return now;
	return now - g_date_time_get_second(local) + (gint64)((end - minute + 1440) % 1440) * 60;
}

static JsonNode *
public_settings(JsonObject *stored)
{
	g_autoptr(RosterNotifySettings) s = settings_from_object(stored);
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	for (guint i = 0; string_keys[i] != NULL; i++) {
		const gchar *key = string_keys[i];
		g_autofree gchar *value = dup_string(stored, key, NULL);
		if (g_strv_contains(secret_keys, key)) {
			g_autofree gchar *is_set = g_strconcat(key, "_set", NULL);
			json_builder_set_member_name(b, is_set);
			json_builder_add_boolean_value(b, value != NULL);
			continue;
		}
		json_builder_set_member_name(b, key);
		if (g_strcmp0(key, "smtp_tls") == 0)
			json_builder_add_string_value(b, s->smtp_tls);
		else if (g_strcmp0(key, "public_url") == 0)
			json_builder_add_string_value(b, s->public_url);
		else if (g_strcmp0(key, "time_zone") == 0)
			json_builder_add_string_value(b, s->time_zone);
		else
			json_builder_add_string_value(b, value);
	}
	for (guint i = 0; i < G_N_ELEMENTS(int_keys); i++) {
		json_builder_set_member_name(b, int_keys[i].key);
		json_builder_add_int_value(b, get_int(stored, i));
	}
	json_builder_set_member_name(b, "reminder_minutes");
	json_builder_begin_array(b);
	for (guint i = 0; i < s->n_reminders; i++)
		json_builder_add_int_value(b, s->reminder_minutes[i]);
	json_builder_end_array(b);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/**
 * roster_engine_get_notifier_settings:
 * @self: an engine
 * @principal: an admin or coordinator
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the settings; a secret shows only as `<key>_set`
 */
JsonNode *
roster_engine_get_notifier_settings(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	g_autoptr(JsonObject) stored = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_PLANNERS,
					    AREA,
					    "only admins and coordinators see the notifier",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	stored = stored_object(roster_engine_get_store(self), error);
	return stored != NULL ? public_settings(stored) : NULL;
}

static gboolean
check_string(const gchar *key, const gchar *value, GError **error)
{
	if (g_strcmp0(key, "smtp_tls") == 0 && !g_str_equal(value, "starttls") &&
	    !g_str_equal(value, "tls") && !g_str_equal(value, "none"))
		return invalid(error, key, "must be starttls, tls or none");
	if ((g_strcmp0(key, "webhook_url") == 0 || g_strcmp0(key, "public_url") == 0) &&
	    value[0] != '\0' && !g_str_has_prefix(value, "http://") &&
	    !g_str_has_prefix(value, "https://"))
		return invalid(error, key, "must be an http or https URL");
	if ((g_strcmp0(key, "quiet_start") == 0 || g_strcmp0(key, "quiet_end") == 0) &&
	    value[0] != '\0' && parse_clock(value) < 0)
		return invalid(error, key, "must be a time HH:MM");
	if (g_strcmp0(key, "time_zone") == 0) {
		g_autoptr(GTimeZone) tz = g_time_zone_new_identifier(value);
		if (tz == NULL)
			return invalid(error, key, "must be a time zone such as Asia/Shanghai");
	}
	if (g_strcmp0(key, "smtp_from") == 0 && value[0] != '\0' && strchr(value, '@') == NULL)
		return invalid(error, key, "must be an e-mail address");
	if (strpbrk(value, "\r\n") != NULL)
		return invalid(error, key, "must be one line");
	return TRUE;
}

/* one to ROSTER_NOTIFY_MAX_REMINDERS distinct offsets of 5 minutes to 7 days */
static gboolean
check_reminders(const gchar *key, JsonNode *node, GError **error)
{
	JsonArray *array;
	guint n;

	if (JSON_NODE_HOLDS_NULL(node))
		return TRUE;
	if (!JSON_NODE_HOLDS_ARRAY(node))
		return invalid(error, key, "must be a list of minutes");
	array = json_node_get_array(node);
	n = json_array_get_length(array);
	if (n == 0 || n > ROSTER_NOTIFY_MAX_REMINDERS)
		return invalid(error, key, "must hold one to four reminders");
	for (guint i = 0; i < n; i++) {
		JsonNode *e = json_array_get_element(array, i);
		if (!JSON_NODE_HOLDS_VALUE(e) || json_node_get_value_type(e) != G_TYPE_INT64 ||
		    json_node_get_int(e) < 5 || json_node_get_int(e) > 7 * 24 * 60)
			return invalid(error, key, "must be minutes from 5 to 10080");
		for (guint j = 0; j < i; j++) {
			if (json_array_get_int_element(array, j) == json_node_get_int(e))
				return invalid(error, key, "must not repeat a reminder");
		}
	}
	return TRUE;
}

static gboolean
check_member(const gchar *key, JsonNode *node, GError **error)
{
	if (g_strcmp0(key, "reminder_minutes") == 0)
		return check_reminders(key, node, error);
	if (g_strv_contains(string_keys, key)) {
		if (JSON_NODE_HOLDS_NULL(node))
			return TRUE;
		if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING)
			return invalid(error, key, "must be a string or null");
		return check_string(key, json_node_get_string(node), error);
	}
	for (guint i = 0; i < G_N_ELEMENTS(int_keys); i++) {
		gint64 value;
		if (g_strcmp0(key, int_keys[i].key) != 0)
			continue;
		if (JSON_NODE_HOLDS_NULL(node))
			return TRUE;
		if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_INT64)
			return invalid(error, key, "must be a whole number");
		value = json_node_get_int(node);
		if (value < int_keys[i].min || value > int_keys[i].max)
			return invalid(error, key, "is out of range");
		return TRUE;
	}
	return invalid(error, key, "is not a notifier setting");
}

/**
 * roster_engine_update_notifier_settings:
 * @self: an engine
 * @principal: an admin
 * @body: the settings to change; null resets one to its default
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the settings as roster_engine_get_notifier_settings() shows them
 */
JsonNode *
roster_engine_update_notifier_settings(RosterEngine *self,
				       RosterPrincipal *principal,
				       JsonNode *body,
				       GError **error)
{
	RosterStore *store;
	JsonObject *obj;
	g_autoptr(GList) members = NULL;
	g_autoptr(JsonObject) stored = NULL;
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) after = NULL;
	g_autoptr(JsonNode) merged = NULL;
	g_autofree gchar *text = NULL;
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLE_BIT(ROSTER_ROLE_ADMIN),
					    AREA,
					    "only admins change the notifier",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	if (body == NULL || !JSON_NODE_HOLDS_OBJECT(body)) {
		invalid(error, "body", "must be an object");
		return NULL;
	}
	obj = json_node_get_object(body);
	members = json_object_get_members(obj);
	for (GList *l = members; l != NULL; l = l->next) {
		if (!check_member(l->data, json_object_get_member(obj, l->data), error))
			return NULL;
	}
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	stored = stored_object(store, error);
	if (stored == NULL) {
		roster_store_rollback(store);
		return NULL;
	}
	before = public_settings(stored);
	for (GList *l = members; l != NULL; l = l->next) {
		JsonNode *value = json_object_get_member(obj, l->data);
		if (JSON_NODE_HOLDS_NULL(value))
			json_object_remove_member(stored, l->data);
		else
			json_object_set_member(stored, l->data, json_node_copy(value));
	}
	merged = json_node_new(JSON_NODE_OBJECT);
	json_node_set_object(merged, stored);
	text = json_to_string(merged, FALSE);
	/* the audit row holds the public view: a secret shows as set or not */
	after = public_settings(stored);
	ok = roster_store_set_setting(store, SETTINGS_KEY, text, error) &&
	     roster_engine_add_audit(self, principal, "update", AREA, 0, before, after, error);
	memset(text, 0, strlen(text));
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	return g_steal_pointer(&after);
}

/**
 * roster_engine_list_messages:
 * @self: an engine
 * @principal: an admin or coordinator
 * @state: (nullable): pending, sending, sent or failed
 * @kind: (nullable): publish, reminder, request or escalation
 * @volunteer_id: one volunteer's messages, or 0
 * @offset: messages to skip
 * @limit: most messages, 1 to 500
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [message], "total": N}, newest first
 */
JsonNode *
roster_engine_list_messages(RosterEngine *self,
			    RosterPrincipal *principal,
			    const gchar *state,
			    const gchar *kind,
			    gint64 volunteer_id,
			    gint64 offset,
			    gint64 limit,
			    GError **error)
{
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(JsonArray) items = json_array_new();
	gint64 total = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_PLANNERS,
					    AREA,
					    "only admins and coordinators see the messages",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	if (state != NULL && !g_strv_contains(states, state)) {
		invalid(error, "state", "must be pending, sending, sent or failed");
		return NULL;
	}
	if (kind != NULL && !g_strv_contains(kinds, kind)) {
		invalid(error, "kind", "must be publish, reminder, request or escalation");
		return NULL;
	}
	if (offset < 0 || limit < 1 || limit > 500) {
		invalid(error, "limit", "must be 1 to 500, with an offset of 0 or more");
		return NULL;
	}
	rows = roster_store_outbox_list(roster_engine_get_store(self),
					state,
					kind,
					volunteer_id,
					offset,
					limit,
					&total,
					error);
	if (rows == NULL)
		return NULL;
	for (guint i = 0; i < rows->len; i++)
		json_array_add_element(items,
				       roster_outbox_message_to_node(g_ptr_array_index(rows, i)));
	return roster_engine_new_list(items, total);
}

/**
 * roster_engine_resend_message:
 * @self: an engine
 * @principal: an admin or coordinator
 * @id: a message
 * @error: (nullable): return location for a #GError
 *
 * Makes a sent or failed message pending again, due now, with its attempts reset.
 *
 * Returns: (transfer full): the message
 */
JsonNode *
roster_engine_resend_message(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     GError **error)
{
	RosterStore *store;
	g_autoptr(RosterOutboxMessage) message = NULL;
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_PLANNERS,
					    AREA,
					    "only admins and coordinators resend messages",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	ok = roster_store_outbox_resend(store, id, g_get_real_time() / G_USEC_PER_SEC, error) &&
	     roster_engine_add_audit(self, principal, "resend", AREA, id, NULL, NULL, error);
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	message = roster_store_outbox_get(store, id, error);
	return message != NULL ? roster_outbox_message_to_node(message) : NULL;
}

static gboolean
check_own(RosterEngine *self, RosterPrincipal *principal, gint64 volunteer_id, GError **error)
{
	gboolean exists = FALSE;

	if (!roster_engine_check_permission(
		principal,
		roster_engine_roles_or_own(principal, ROSTER_ROLES_PLANNERS, volunteer_id),
		AREA,
		"a volunteer sets only its own messages",
		error) ||
	    !roster_engine_ensure_open(self, error))
		return FALSE;
	if (!roster_store_record_exists(roster_engine_get_store(self),
					"volunteers",
					volunteer_id,
					&exists,
					error))
		return FALSE;
	if (!exists) {
		g_set_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND, "volunteer not found");
		return FALSE;
	}
	return TRUE;
}

static JsonNode *
optouts_node(gint64 volunteer_id, GStrv optouts)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "volunteer_id");
	json_builder_add_int_value(b, volunteer_id);
	json_builder_set_member_name(b, "opt_out");
	json_builder_begin_array(b);
	for (guint i = 0; optouts[i] != NULL; i++)
		json_builder_add_string_value(b, optouts[i]);
	json_builder_end_array(b);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/**
 * roster_engine_get_notify_optouts:
 * @self: an engine
 * @principal: the volunteer itself, an admin or a coordinator
 * @volunteer_id: a volunteer
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"volunteer_id", "opt_out": [kind]}
 */
JsonNode *
roster_engine_get_notify_optouts(RosterEngine *self,
				 RosterPrincipal *principal,
				 gint64 volunteer_id,
				 GError **error)
{
	g_auto(GStrv) optouts = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!check_own(self, principal, volunteer_id, error))
		return NULL;
	optouts =
	    roster_store_notify_get_optouts(roster_engine_get_store(self), volunteer_id, error);
	return optouts != NULL ? optouts_node(volunteer_id, optouts) : NULL;
}

/**
 * roster_engine_set_notify_optouts:
 * @self: an engine
 * @principal: the volunteer itself, an admin or a coordinator
 * @volunteer_id: a volunteer
 * @body: {"opt_out": [kind]}; escalations cannot be refused
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"volunteer_id", "opt_out": [kind]}
 */
JsonNode *
roster_engine_set_notify_optouts(RosterEngine *self,
				 RosterPrincipal *principal,
				 gint64 volunteer_id,
				 JsonNode *body,
				 GError **error)
{
	g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
	g_auto(GStrv) wanted = NULL;
	g_auto(GStrv) optouts = NULL;
	JsonNode *list;
	JsonArray *array;
	RosterStore *store;
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!check_own(self, principal, volunteer_id, error))
		return NULL;
	list = body != NULL && JSON_NODE_HOLDS_OBJECT(body)
		   ? json_object_get_member(json_node_get_object(body), "opt_out")
		   : NULL;
	if (list == NULL || !JSON_NODE_HOLDS_ARRAY(list)) {
		invalid(error, "opt_out", "must be an array of kinds");
		return NULL;
	}
	array = json_node_get_array(list);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonNode *e = json_array_get_element(array, i);
		const gchar *kind =
		    JSON_NODE_HOLDS_VALUE(e) && json_node_get_value_type(e) == G_TYPE_STRING
			? json_node_get_string(e)
			: NULL;
		if (kind == NULL || !g_strv_contains(kinds, kind)) {
			invalid(error, "opt_out", "must hold publish, reminder or request");
			return NULL;
		}
		if (roster_notify_kind_is_alert(kind)) {
			invalid(error, "opt_out", "escalations cannot be refused");
			return NULL;
		}
		g_strv_builder_add(builder, kind);
	}
	wanted = g_strv_builder_end(builder);
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	ok = roster_store_notify_set_optouts(store,
					     volunteer_id,
					     (const gchar *const *)wanted,
					     error);
	if (ok) {
		g_autoptr(JsonNode) after = optouts_node(volunteer_id, wanted);
		ok = roster_engine_add_audit(self,
					     principal,
					     "update",
					     "notify_optouts",
					     volunteer_id,
					     NULL,
					     after,
					     error);
	}
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	optouts = roster_store_notify_get_optouts(store, volunteer_id, error);
	return optouts != NULL ? optouts_node(volunteer_id, optouts) : NULL;
}

/**
 * roster_engine_dup_public_link:
 * @self: an engine
 * @path: a path on the daemon, e.g. `/calendar/….ics`
 *
 * The link to hand out for @path: under the notifier's public address when one is set
 * (the address volunteers reach the daemon at), else @path alone, for the caller to put
 * under the address it used.
 *
 * Returns: (transfer full): the link
 */
gchar *
roster_engine_dup_public_link(RosterEngine *self, const gchar *path)
{
	g_autoptr(JsonObject) obj = stored_object(roster_engine_get_store(self), NULL);
	const gchar *base = NULL;
	gsize len;

	if (obj != NULL)
		base = json_object_get_string_member_with_default(obj, "public_url", NULL);
	if (base == NULL || base[0] == '\0')
		return g_strdup(path);
	len = strlen(base);
	while (len > 0 && base[len - 1] == '/')
		len--;
	return g_strdup_printf("%.*s%s", (gint)len, base, path);
}
