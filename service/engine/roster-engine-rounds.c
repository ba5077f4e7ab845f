/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* availability rounds: a coordinator asks for a period's availability by a deadline;
 * each volunteer's answer replaces its dated availability rows of the period, the very
 * rows the solver reads, and marks that clash with a published shift are flagged */

#include "config.h"

#include <string.h>

#include "roster-datetime.h"
#include "roster-engine-private.h"
#include "roster-engine-web-private.h"
#include "roster-json-keys.h"
#include "roster-store-web.h"

/* the longest period a round asks about, in days, and the most marks of one answer */
#define ROUND_MAX_DAYS	92
#define ROUND_MAX_MARKS 3000

static gboolean
check_planner(RosterPrincipal *principal, GError **error)
{
	return roster_engine_check_permission(principal,
					      ROSTER_ROLES_PLANNERS,
					      "rounds",
					      "only coordinators and admins open rounds",
					      error);
}

static gboolean
is_staff(RosterPrincipal *principal)
{
	return (ROSTER_ROLES_STAFF & ROSTER_ROLE_BIT(roster_principal_get_role(principal))) != 0;
}

static const gchar *
get_string(JsonObject *object, const gchar *key, gint max_length, GError **error)
{
	JsonNode *node = json_object_get_member(object, key);
	const gchar *value;

	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_STRING) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       key,
				       "a string is required");
		return NULL;
	}
	value = json_node_get_string(node);
	if (value[0] == '\0' || g_utf8_strlen(value, -1) > max_length) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       key,
				       "must have 1 to %d characters",
				       max_length);
		return NULL;
	}
	return value;
}

/* a deadline in ISO 8601, read in the hotline's time zone when it names none, as UTC */
static gchar *
dup_deadline(const gchar *text, const RosterServiceCalendar *calendar, GError **error)
{
	g_autoptr(GTimeZone) tz =
	    calendar->time_zone != NULL ? g_time_zone_new_identifier(calendar->time_zone) : NULL;
	const gchar *time = strchr(text, 'T');
	g_autofree gchar *full = NULL;
	g_autoptr(GDateTime) local = NULL;
	g_autoptr(GDateTime) utc = NULL;

	/* GLib wants seconds; 2027-01-20T18:00 is what people write */
	if (time != NULL && strlen(time) >= 6 && time[6] != ':')
		full = g_strdup_printf("%.*s:00%s", (gint)(time + 6 - text), text, time + 6);
	local = g_date_time_new_from_iso8601(full != NULL ? full : text, tz);

	if (local == NULL) {
		roster_error_set_field(
		    error,
		    ROSTER_ERROR_INVALID_DATA,
		    ROSTER_WEB_KEY_DEADLINE,
		    "must be a date and time in ISO 8601, e.g. 2027-01-20T18:00");
		return NULL;
	}
	utc = g_date_time_to_utc(local);
	return g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
check_round_keys(JsonObject *object, GError **error)
{
	static const gchar *const keys[] = {ROSTER_KEY_NAME,
					    ROSTER_KEY_PERIOD_START,
					    ROSTER_KEY_PERIOD_END,
					    ROSTER_WEB_KEY_DEADLINE,
					    NULL};
	g_autoptr(GList) members = json_object_get_members(object);

	for (GList *l = members; l != NULL; l = l->next) {
		if (!g_strv_contains(keys, l->data)) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       l->data,
					       "unknown field");
			return FALSE;
		}
	}
	return TRUE;
}

/* the round as the API answers it, with whether it still takes answers */
static JsonNode *
round_node(JsonObject *round)
{
	g_autofree gchar *now = roster_engine_dup_now();
	JsonNode *node = json_node_new(JSON_NODE_OBJECT);
	JsonObject *copy = json_object_new();
	g_autoptr(GList) members = json_object_get_members(round);

	for (GList *l = members; l != NULL; l = l->next)
		json_object_set_member(copy,
				       l->data,
				       json_node_copy(json_object_get_member(round, l->data)));
	json_object_set_boolean_member(
	    copy,
	    ROSTER_WEB_KEY_OPEN,
	    g_strcmp0(now, json_object_get_string_member(round, ROSTER_WEB_KEY_DEADLINE)) < 0);
	json_node_take_object(node, copy);
	return node;
}

/**
 * roster_engine_create_round:
 * @self: a #RosterEngine
 * @principal: a coordinator or an admin
 * @body: `{"name", "period_start", "period_end", "deadline"}`
 * @error: a #GError, or %NULL
 *
 * Opens a round asking every volunteer for its availability from period_start to
 * period_end (both included, at most 92 days) until the deadline (ISO 8601; without a
 * zone it is the hotline's time).
 *
 * Returns: (transfer full): the round, with `open`
 *
 * Since: 0.3
 **/
JsonNode *
roster_engine_create_round(RosterEngine *self,
			   RosterPrincipal *principal,
			   JsonNode *body,
			   GError **error)
{
	JsonObject *object = json_node_get_object(body);
	g_autoptr(RosterServiceCalendar) calendar = NULL;
	g_autoptr(JsonObject) round = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autofree gchar *deadline = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	const gchar *name;
	const gchar *start;
	const gchar *end;
	const gchar *deadline_text;
	guint32 first = 0;
	guint32 last = 0;
	gint64 id;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_ensure_open(self, error) || !check_planner(principal, error) ||
	    !check_round_keys(object, error))
		return NULL;
	if ((name = get_string(object, ROSTER_KEY_NAME, 200, error)) == NULL ||
	    (start = get_string(object, ROSTER_KEY_PERIOD_START, 10, error)) == NULL ||
	    (end = get_string(object, ROSTER_KEY_PERIOD_END, 10, error)) == NULL ||
	    (deadline_text = get_string(object, ROSTER_WEB_KEY_DEADLINE, 40, error)) == NULL)
		return NULL;
	if (!roster_datetime_parse_date(start, &first)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_PERIOD_START,
				       "must be a date YYYY-MM-DD");
		return NULL;
	}
	if (!roster_datetime_parse_date(end, &last) || last < first ||
	    last - first >= ROUND_MAX_DAYS) {
		roster_error_set_field(
		    error,
		    ROSTER_ERROR_INVALID_DATA,
		    ROSTER_KEY_PERIOD_END,
		    "must be a date YYYY-MM-DD from period_start to %d days later",
		    ROUND_MAX_DAYS - 1);
		return NULL;
	}
	calendar = roster_engine_load_service_calendar(self, error);
	if (calendar == NULL)
		return NULL;
	deadline = dup_deadline(deadline_text, calendar, error);
	if (deadline == NULL)
		return NULL;
	if (!roster_store_begin(roster_engine_get_store(self), error))
		return NULL;
	id = roster_store_insert_round(roster_engine_get_store(self),
				       name,
				       start,
				       end,
				       deadline,
				       now,
				       roster_principal_get_username(principal),
				       error);
	round = id > 0 ? roster_store_get_round(roster_engine_get_store(self), id, error) : NULL;
	if (round == NULL) {
		roster_engine_end_write(self, FALSE, NULL);
		return NULL;
	}
	result = round_node(round);
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     "create",
					     "rounds",
					     id,
					     NULL,
					     result,
					     error))
		return NULL;
	return g_steal_pointer(&result);
}

/* the answer of @volunteer_id among @answers, or NULL */
static JsonObject *
find_answer(JsonArray *answers, gint64 volunteer_id)
{
	for (guint i = 0; i < json_array_get_length(answers); i++) {
		JsonObject *row = json_array_get_object_element(answers, i);
		if (json_object_get_int_member(row, ROSTER_KEY_VOLUNTEER_ID) == volunteer_id)
			return row;
	}
	return NULL;
}

/* a volunteer's own answer time, or staff's count of answers, on @node */
static gboolean
add_answer_summary(RosterEngine *self, RosterPrincipal *principal, JsonNode *node, GError **error)
{
	JsonObject *object = json_node_get_object(node);
	g_autoptr(JsonArray) answers =
	    roster_store_list_round_answers(roster_engine_get_store(self),
					    json_object_get_int_member(object, ROSTER_KEY_ID),
					    error);
	gint64 me = roster_principal_get_volunteer_id(principal);
	guint answered = 0;
	JsonObject *mine;

	if (answers == NULL)
		return FALSE;
	for (guint i = 0; i < json_array_get_length(answers); i++) {
		JsonObject *row = json_array_get_object_element(answers, i);
		answered += json_object_get_null_member(row, ROSTER_WEB_KEY_ANSWERED_AT) ? 0 : 1;
	}
	if (is_staff(principal)) {
		json_object_set_int_member(object, "answered", answered);
		json_object_set_int_member(object, "volunteers", json_array_get_length(answers));
	}
	mine = me > 0 ? find_answer(answers, me) : NULL;
	if (mine != NULL)
		json_object_set_member(
		    object,
		    ROSTER_WEB_KEY_ANSWERED_AT,
		    json_node_copy(json_object_get_member(mine, ROSTER_WEB_KEY_ANSWERED_AT)));
	return TRUE;
}

static gboolean
check_reader(RosterPrincipal *principal, GError **error)
{
	if (is_staff(principal))
		return TRUE;
	return roster_engine_web_get_volunteer_id(principal, error) > 0;
}

/**
 * roster_engine_list_rounds:
 * @self: a #RosterEngine
 * @principal: staff, or a volunteer
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): `{"items": [round]}`, the latest period first; a
 *   volunteer's rounds carry its `answered_at`, staff's the count of answers
 *
 * Since: 0.3
 **/
JsonNode *
roster_engine_list_rounds(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	g_autoptr(JsonArray) rounds = NULL;
	g_autoptr(JsonArray) items = json_array_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_ensure_open(self, error) || !check_reader(principal, error))
		return NULL;
	rounds = roster_store_list_rounds(roster_engine_get_store(self), error);
	if (rounds == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(rounds); i++) {
		JsonNode *node = round_node(json_array_get_object_element(rounds, i));
		json_array_add_element(items, node);
		if (!add_answer_summary(self, principal, node, error))
			return NULL;
	}
	return roster_engine_new_list(items, -1);
}

/* the marks of unavailable or avoid that overlap a published shift of the same date */
static JsonArray *
find_clashes(JsonArray *marks, GPtrArray *shifts, const RosterServiceCalendar *calendar)
{
	JsonArray *clashes = json_array_new();

	for (guint i = 0; i < json_array_get_length(marks); i++) {
		JsonObject *mark = json_array_get_object_element(marks, i);
		const gchar *kind = json_object_get_string_member(mark, ROSTER_KEY_KIND);
		guint32 date = 0;
		gint start = 0;
		gint end = 1440;

		if (g_strcmp0(kind, ROSTER_AVAILABILITY_PREFERRED) == 0 ||
		    !roster_datetime_parse_date(
			json_object_get_string_member(mark, ROSTER_KEY_DATE),
			&date))
			continue;
		if (!json_object_get_null_member(mark, ROSTER_KEY_START) &&
		    (!roster_datetime_parse_time(
			 json_object_get_string_member(mark, ROSTER_KEY_START),
			 &start) ||
		     !roster_datetime_parse_end_time(
			 json_object_get_string_member(mark, ROSTER_KEY_END),
			 &end)))
			continue;
		for (guint j = 0; j < shifts->len; j++) {
			RosterWebShift *shift = g_ptr_array_index(shifts, j);
			gint s = shift->assignment.slot_start;
			JsonObject *clash;

			if (shift->assignment.date != date ||
			    MIN(end, s + calendar->slot_minutes) <= MAX(start, s))
				continue;
			clash = json_object_new();
			json_object_set_member(
			    clash,
			    ROSTER_KEY_DATE,
			    json_node_copy(json_object_get_member(mark, ROSTER_KEY_DATE)));
			json_object_set_member(
			    clash,
			    ROSTER_KEY_START,
			    json_node_copy(json_object_get_member(mark, ROSTER_KEY_START)));
			json_object_set_string_member(clash, ROSTER_KEY_KIND, kind);
			json_object_set_int_member(clash, ROSTER_KEY_ROSTER_ID, shift->roster_id);
			json_object_set_int_member(clash,
						   ROSTER_KEY_ASSIGNMENT_ID,
						   shift->assignment.id);
			json_array_add_object_element(clashes, clash);
		}
	}
	return clashes;
}

/* the slots of a day on the grid: their starts */
static JsonNode *
slots_node(const RosterServiceCalendar *calendar)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	gint n = calendar->slot_minutes > 0 ? 1440 / calendar->slot_minutes : 1;

	json_builder_begin_array(b);
	for (gint i = 0; i < n; i++) {
		gint start = (calendar->first_slot_start + i * calendar->slot_minutes) % 1440;
		gint end = start + calendar->slot_minutes;
		g_autofree gchar *start_text = roster_datetime_format_time(start);
		g_autofree gchar *end_text = roster_datetime_format_time(MIN(end, 1440));

		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_START);
		json_builder_add_string_value(b, start_text);
		/* a slot that runs past midnight is marked on its date up to 24:00 */
		json_builder_set_member_name(b, ROSTER_KEY_END);
		json_builder_add_string_value(b, end_text);
		json_builder_set_member_name(b, ROSTER_WEB_KEY_NIGHT);
		json_builder_add_boolean_value(b, roster_engine_web_is_night(calendar, start));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	return json_builder_get_root(b);
}

/* a volunteer's marks, published shifts and clashes in the round's period */
static gboolean
add_volunteer_view(RosterEngine *self,
		   JsonObject *object,
		   gint64 volunteer_id,
		   const RosterServiceCalendar *calendar,
		   GError **error)
{
	const gchar *start = json_object_get_string_member(object, ROSTER_KEY_PERIOD_START);
	const gchar *end = json_object_get_string_member(object, ROSTER_KEY_PERIOD_END);
	g_autoptr(JsonArray) marks = NULL;
	g_autoptr(GPtrArray) shifts = NULL;
	g_autoptr(GHashTable) cache = roster_engine_web_new_record_cache();
	g_autoptr(JsonBuilder) b = json_builder_new();
	guint32 first = 0;
	guint32 last = 0;

	roster_datetime_parse_date(start, &first);
	roster_datetime_parse_date(end, &last);
	marks = roster_store_list_dated_availability(roster_engine_get_store(self),
						     volunteer_id,
						     start,
						     end,
						     error);
	if (marks == NULL)
		return FALSE;
	shifts = roster_engine_web_list_published(self, volunteer_id, first, last, error);
	if (shifts == NULL)
		return FALSE;
	json_builder_begin_array(b);
	for (guint i = 0; i < shifts->len; i++) {
		json_builder_begin_object(b);
		roster_engine_web_add_shift(self, b, calendar, cache, g_ptr_array_index(shifts, i));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_object_set_member(object, ROSTER_WEB_KEY_SHIFTS, json_builder_get_root(b));
	json_object_set_array_member(object,
				     ROSTER_WEB_KEY_CLASHES,
				     find_clashes(marks, shifts, calendar));
	for (guint i = 0; i < json_array_get_length(marks); i++)
		json_object_remove_member(json_array_get_object_element(marks, i), ROSTER_KEY_ID);
	json_object_set_array_member(object, ROSTER_WEB_KEY_MARKS, g_steal_pointer(&marks));
	return TRUE;
}

/* what the caller sees of round @id */
static JsonNode *
round_view(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error)
{
	g_autoptr(JsonObject) round =
	    roster_store_get_round(roster_engine_get_store(self), id, error);
	g_autoptr(RosterServiceCalendar) calendar = NULL;
	g_autoptr(JsonNode) node = NULL;
	gint64 me = roster_principal_get_volunteer_id(principal);
	JsonObject *object;

	if (round == NULL)
		return NULL;
	calendar = roster_engine_load_service_calendar(self, error);
	if (calendar == NULL)
		return NULL;
	node = round_node(round);
	object = json_node_get_object(node);
	json_object_set_member(object, ROSTER_WEB_KEY_SLOTS, slots_node(calendar));
	if (!add_answer_summary(self, principal, node, error))
		return NULL;
	if (me > 0 && !add_volunteer_view(self, object, me, calendar, error))
		return NULL;
	if (is_staff(principal)) {
		JsonArray *answers =
		    roster_store_list_round_answers(roster_engine_get_store(self), id, error);
		if (answers == NULL)
			return NULL;
		json_object_set_array_member(object, ROSTER_WEB_KEY_ANSWERS, answers);
	}
	return g_steal_pointer(&node);
}

/**
 * roster_engine_get_round:
 * @self: a #RosterEngine
 * @principal: staff, or a volunteer
 * @id: the round
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the round with the slots of a day; a volunteer's also
 *   with its `marks`, its published `shifts` of the period and the `clashes`
 *   between them; staff's with the `answers` of every active volunteer
 *
 * Since: 0.3
 **/
JsonNode *
roster_engine_get_round(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_ensure_open(self, error) || !check_reader(principal, error))
		return NULL;
	return round_view(self, principal, id, error);
}

/* the marks of an answer as availability records of @volunteer_id, all checked */
static GPtrArray *
read_marks(JsonNode *body, JsonObject *round, gint64 volunteer_id, GError **error)
{
	const RosterKind *kind = roster_kind_lookup(ROSTER_COLLECTION_AVAILABILITY);
	JsonObject *object = json_node_get_object(body);
	JsonNode *marks = json_object_get_member(object, ROSTER_WEB_KEY_MARKS);
	const gchar *first = json_object_get_string_member(round, ROSTER_KEY_PERIOD_START);
	const gchar *last = json_object_get_string_member(round, ROSTER_KEY_PERIOD_END);
	g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func(g_object_unref);
	JsonArray *array;

	if (marks == NULL || !JSON_NODE_HOLDS_ARRAY(marks) || json_object_get_size(object) != 1) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_WEB_KEY_MARKS,
				       "the body is {\"marks\": [...]} and nothing else");
		return NULL;
	}
	array = json_node_get_array(marks);
	if (json_array_get_length(array) > ROUND_MAX_MARKS) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_WEB_KEY_MARKS,
				       "at most %d marks",
				       ROUND_MAX_MARKS);
		return NULL;
	}
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonNode *mark = json_array_get_element(array, i);
		g_autoptr(RosterRecord) record = NULL;
		JsonNode *owner;
		const gchar *date;

		if (!JSON_NODE_HOLDS_OBJECT(mark) ||
		    json_object_has_member(json_node_get_object(mark), ROSTER_KEY_WEEKDAY)) {
			roster_error_set_field(
			    error,
			    ROSTER_ERROR_INVALID_DATA,
			    ROSTER_WEB_KEY_MARKS,
			    "mark %u: an object with date, kind and optional start "
			    "and end",
			    i);
			return NULL;
		}
		record = roster_record_from_json(kind, mark, NULL, error);
		if (record == NULL) {
			g_prefix_error(error, "mark %u: ", i);
			return NULL;
		}
		date = roster_record_get_string(record, ROSTER_KEY_DATE);
		if (date == NULL || g_strcmp0(date, first) < 0 || g_strcmp0(date, last) > 0) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       ROSTER_KEY_DATE,
					       "mark %u: the date must be in the round's period",
					       i);
			return NULL;
		}
		owner = json_node_new(JSON_NODE_VALUE);
		json_node_set_int(owner, volunteer_id);
		roster_record_set_value(record, ROSTER_KEY_VOLUNTEER_ID, owner);
		g_ptr_array_add(records, g_steal_pointer(&record));
	}
	return g_steal_pointer(&records);
}

/* replaces the volunteer's dated availability of the period with @records */
static gboolean
replace_marks(RosterEngine *self,
	      JsonObject *round,
	      gint64 volunteer_id,
	      GPtrArray *records,
	      JsonArray **before,
	      GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	const RosterKind *kind = roster_kind_lookup(ROSTER_COLLECTION_AVAILABILITY);
	g_autofree gchar *now = roster_engine_dup_now();

	*before = roster_store_list_dated_availability(
	    store,
	    volunteer_id,
	    json_object_get_string_member(round, ROSTER_KEY_PERIOD_START),
	    json_object_get_string_member(round, ROSTER_KEY_PERIOD_END),
	    error);
	if (*before == NULL)
		return FALSE;
	for (guint i = 0; i < json_array_get_length(*before); i++) {
		JsonObject *row = json_array_get_object_element(*before, i);
		if (!roster_store_delete_record(store,
						kind,
						json_object_get_int_member(row, ROSTER_KEY_ID),
						error))
			return FALSE;
	}
	for (guint i = 0; i < records->len; i++) {
		if (!roster_store_insert_record(store, g_ptr_array_index(records, i), now, error))
			return FALSE;
	}
	return TRUE;
}

/**
 * roster_engine_answer_round:
 * @self: a #RosterEngine
 * @principal: a volunteer
 * @id: the round
 * @body: `{"marks": [{"date", "kind", "start", "end"}]}`: kind unavailable, avoid or
 *   preferred; without start and end a mark is the whole day
 * @error: a #GError, or %NULL
 *
 * Answers a round: the caller's dated availability of the round's period becomes the
 * marks given, in one transaction with its audit row. After the deadline the round is
 * read-only: %ROSTER_ERROR_LOCKED, and nothing changes.
 *
 * Returns: (transfer full): the round as roster_engine_get_round() shows it
 *
 * Since: 0.3
 **/
JsonNode *
roster_engine_answer_round(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 id,
			   JsonNode *body,
			   GError **error)
{
	gint64 me = roster_engine_web_get_volunteer_id(principal, error);
	RosterStore *store;
	g_autoptr(JsonObject) round = NULL;
	g_autoptr(JsonNode) open = NULL;
	g_autoptr(GPtrArray) records = NULL;
	g_autoptr(JsonArray) before = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) after = NULL;
	g_autofree gchar *now = roster_engine_dup_now();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (me == 0 || !roster_engine_ensure_open(self, error))
		return NULL;
	store = roster_engine_get_store(self);
	round = roster_store_get_round(store, id, error);
	if (round == NULL)
		return NULL;
	open = round_node(round);
	if (!json_object_get_boolean_member(json_node_get_object(open), ROSTER_WEB_KEY_OPEN)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_LOCKED,
			    "rounds: the deadline %s has passed; the round is read-only",
			    json_object_get_string_member(round, ROSTER_WEB_KEY_DEADLINE));
		return NULL;
	}
	records = read_marks(body, round, me, error);
	if (records == NULL || !roster_store_begin(store, error))
		return NULL;
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, me);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_MARKS);
	json_builder_add_int_value(b, records->len);
	json_builder_end_object(b);
	after = json_builder_get_root(b);
	if (!replace_marks(self, round, me, records, &before, error) ||
	    !roster_store_put_round_answer(store, id, me, now, records->len, error)) {
		roster_engine_end_write(self, FALSE, NULL);
		return NULL;
	}
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     "answer",
					     "rounds",
					     id,
					     NULL,
					     after,
					     error))
		return NULL;
	return round_view(self, principal, id, error);
}
