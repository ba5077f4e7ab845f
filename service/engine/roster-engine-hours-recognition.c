/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the hours engine's recognition records: service logs and their approval, training,
 * ratings, the pre-job training rule and promotions with their evidence */

#include "config.h"

#include <math.h>

#include "roster-engine-hours-private.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys-requests.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-store-hours.h"
#include "roster-store-requests.h"

/* service logs, training and ratings */

/* the body of a new service log, training record or rating, validated by the
 * collection's kind (service/model/roster-kind.c), with its volunteer_id set as the
 * first member of @row; @own lets a volunteer write its own (checked once the volunteer
 * is known, before the other fields), otherwise only writers pass, checked first */
static JsonObject *
read_new_row(RosterPrincipal *principal,
	     JsonNode *body,
	     const gchar *collection,
	     gboolean own,
	     JsonObject *row,
	     gint64 *volunteer_id,
	     GError **error)
{
	const RosterKind *kind = roster_kind_lookup(collection);
	const RosterField *field = roster_kind_get_field(kind, ROSTER_KEY_VOLUNTEER_ID);
	RosterRole role = roster_principal_get_role(principal);
	JsonObject *obj;
	JsonNode *value;

	if (!own && !roster_engine_hours_check_write(principal, collection, FALSE, error))
		return NULL;
	obj = roster_engine_hours_body_object(body, error);
	if (obj == NULL)
		return NULL;
	value = json_object_get_member(obj, ROSTER_KEY_VOLUNTEER_ID);
	if (value == NULL || JSON_NODE_HOLDS_NULL(value)) {
		roster_engine_hours_invalid(error, ROSTER_KEY_VOLUNTEER_ID, "required");
		return NULL;
	}
	if (!roster_field_validate(field, value, error))
		return NULL;
	*volunteer_id = json_node_get_int(value);
	if (own &&
	    !(role == ROSTER_ROLE_VOLUNTEER &&
	      roster_principal_get_volunteer_id(principal) == *volunteer_id) &&
	    !roster_engine_hours_check_write(principal, collection, FALSE, error))
		return NULL;
	if (!roster_kind_validate_members(kind, obj, error))
		return NULL;
	json_object_set_int_member(row, ROSTER_KEY_VOLUNTEER_ID, *volunteer_id);
	return obj;
}

/* the hours of a valid body in whole minutes, at least one */
static gboolean
read_minutes(JsonObject *obj, gint64 *minutes, GError **error)
{
	*minutes = (gint64)llround(json_object_get_double_member(obj, ROSTER_KEY_HOURS) * 60);
	if (*minutes <= 0)
		return roster_engine_hours_invalid(error,
						   ROSTER_KEY_HOURS,
						   "must be at least one minute");
	return TRUE;
}

/* an optional text member of a valid body, or NULL */
static const gchar *
get_text(JsonObject *obj, const gchar *key)
{
	JsonNode *node = json_object_get_member(obj, key);

	return node != NULL && !JSON_NODE_HOLDS_NULL(node) ? json_node_get_string(node) : NULL;
}

/* inserts @row, sets its id and writes its audit row, inside the caller's transaction */
static gboolean
insert_audited(RosterEngine *self,
	       RosterPrincipal *principal,
	       const gchar *collection,
	       JsonObject *row,
	       gint64 (*insert_func)(RosterStore *, JsonObject *, GError **),
	       GError **error)
{
	g_autoptr(JsonNode) after = NULL;
	gint64 id = insert_func(roster_engine_get_store(self), row, error);

	if (id <= 0)
		return FALSE;
	json_object_set_int_member(row, ROSTER_KEY_ID, id);
	after = roster_engine_hours_object_node(row);
	return roster_engine_add_audit(self,
				       principal,
				       "create",
				       collection,
				       id,
				       NULL,
				       after,
				       error);
}

/* writes a new row of @volunteer_id (which must exist) with its audit row */
static JsonNode *
insert_with_audit(RosterEngine *self,
		  RosterPrincipal *principal,
		  const gchar *collection,
		  gint64 volunteer_id,
		  JsonObject *row,
		  gint64 (*insert_func)(RosterStore *, JsonObject *, GError **),
		  GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(JsonNode) after = NULL;
	gboolean ok;

	if (!roster_engine_ensure_open(self, error) ||
	    !roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	if (!roster_store_begin(store, error))
		return NULL;
	ok = insert_audited(self, principal, collection, row, insert_func, error);
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	after = roster_engine_hours_object_node(row);
	if (json_object_has_member(row, ROSTER_KEY_MINUTES)) {
		json_object_set_double_member(row,
					      ROSTER_KEY_HOURS,
					      json_object_get_int_member(row, ROSTER_KEY_MINUTES) /
						  60.0);
	}
	return g_steal_pointer(&after);
}

/* a new service log, training record or rating: the body's fields as the collection's
 * kind lists them, its hours in minutes, then what the engine adds (@own: a volunteer
 * may write its own) */
static JsonNode *
create_entry(RosterEngine *self,
	     RosterPrincipal *principal,
	     JsonNode *body,
	     const gchar *collection,
	     gboolean own,
	     gint64 (*insert_func)(RosterStore *, JsonObject *, GError **),
	     GError **error)
{
	const RosterKind *kind = roster_kind_lookup(collection);
	JsonObject *obj;
	gint64 volunteer_id = 0;
	const gchar *date = NULL;
	g_autoptr(JsonObject) row = json_object_new();
	g_autofree gchar *now = roster_engine_dup_now();

	obj = read_new_row(principal, body, collection, own, row, &volunteer_id, error);
	if (obj == NULL || !roster_engine_hours_read_date(obj, ROSTER_KEY_DATE, &date, error))
		return NULL;
	for (guint i = 0; i < kind->n_fields; i++) {
		const gchar *key = kind->fields[i].key;
		JsonNode *value = json_object_get_member(obj, key);
		gint64 minutes = 0;
		if (g_strcmp0(key, ROSTER_KEY_VOLUNTEER_ID) == 0)
			continue;
		if (g_strcmp0(key, ROSTER_KEY_HOURS) == 0) {
			if (!read_minutes(obj, &minutes, error))
				return NULL;
			json_object_set_int_member(row, ROSTER_KEY_MINUTES, minutes);
			continue;
		}
		/* an empty verifier is no verification */
		if (value != NULL && g_strcmp0(key, ROSTER_KEY_VERIFIED_BY) == 0 &&
		    g_strcmp0(get_text(obj, key), "") == 0)
			value = NULL;
		if (value != NULL)
			json_object_set_member(row, key, json_node_copy(value));
		else
			json_object_set_null_member(row, key);
	}
	if (g_strcmp0(collection, ROSTER_COLLECTION_RATINGS) == 0)
		json_object_set_string_member(row,
					      ROSTER_KEY_RATER,
					      roster_principal_get_username(principal));
	json_object_set_string_member(row, ROSTER_KEY_CREATED, now);
	if (g_strcmp0(collection, ROSTER_COLLECTION_SERVICE_LOGS) == 0)
		json_object_set_string_member(row, ROSTER_KEY_STATE, ROSTER_LOG_PENDING);
	return insert_with_audit(self,
				 principal,
				 collection,
				 volunteer_id,
				 row,
				 insert_func,
				 error);
}

JsonNode *
roster_engine_create_service_log(RosterEngine *self,
				 RosterPrincipal *principal,
				 JsonNode *body,
				 GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	/* a volunteer logs its own service; approval is still someone else's */
	return create_entry(self,
			    principal,
			    body,
			    ROSTER_COLLECTION_SERVICE_LOGS,
			    TRUE,
			    roster_store_insert_service_log,
			    error);
}

JsonNode *
roster_engine_decide_service_log(RosterEngine *self,
				 RosterPrincipal *principal,
				 gint64 id,
				 gboolean approve,
				 GError **error)
{
	return roster_engine_decide_service_log_with_reason(self,
							    principal,
							    id,
							    approve,
							    NULL,
							    error);
}

JsonNode *
roster_engine_decide_service_log_with_reason(RosterEngine *self,
					     RosterPrincipal *principal,
					     gint64 id,
					     gboolean approve,
					     const gchar *reason,
					     GError **error)
{
	const gchar *c = ROSTER_COLLECTION_SERVICE_LOGS;
	RosterStore *store;
	g_autoptr(JsonObject) log = NULL;
	g_autoptr(JsonObject) decided = NULL;
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) after = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_hours_check_write(principal, c, FALSE, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	if (reason != NULL && g_utf8_strlen(reason, -1) > 500) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_REASON,
					    "must be text of at most 500 characters");
		return NULL;
	}
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	log = roster_store_get_service_log(store, id, error);
	ok = log != NULL;
	if (ok && g_strcmp0(json_object_get_string_member(log, ROSTER_KEY_STATE),
			    ROSTER_LOG_PENDING) != 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_CONFLICT,
			    "%s: record %" G_GINT64_FORMAT " was already %s",
			    c,
			    id,
			    json_object_get_string_member(log, ROSTER_KEY_STATE));
		ok = FALSE;
	}
	if (ok) {
		before = roster_engine_hours_object_node(log);
		ok = roster_store_decide_service_log(store,
						     id,
						     approve ? ROSTER_LOG_APPROVED
							     : ROSTER_LOG_REJECTED,
						     roster_principal_get_username(principal),
						     now,
						     error) &&
		     roster_store_set_service_log_reason(store, id, reason, error);
	}
	if (ok) {
		decided = roster_store_get_service_log(store, id, error);
		ok = decided != NULL;
	}
	if (ok) {
		after = roster_engine_hours_object_node(decided);
		ok = roster_engine_add_audit(self,
					     principal,
					     approve ? "approve" : "reject",
					     c,
					     id,
					     before,
					     after,
					     error);
	}
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	json_object_set_double_member(decided,
				      ROSTER_KEY_HOURS,
				      json_object_get_int_member(decided, ROSTER_KEY_MINUTES) /
					  60.0);
	return g_steal_pointer(&after);
}

JsonNode *
roster_engine_list_service_logs(RosterEngine *self,
				RosterPrincipal *principal,
				GHashTable *params,
				GError **error)
{
	const gchar *c = ROSTER_COLLECTION_SERVICE_LOGS;
	const gchar *const states[] = {ROSTER_LOG_PENDING,
				       ROSTER_LOG_APPROVED,
				       ROSTER_LOG_REJECTED,
				       NULL};
	gint64 volunteer_id = 0;
	const gchar *from = NULL;
	const gchar *to = NULL;
	const gchar *state = params != NULL ? g_hash_table_lookup(params, ROSTER_KEY_STATE) : NULL;
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_hours_open_list(self,
					   principal,
					   params,
					   c,
					   &volunteer_id,
					   &from,
					   &to,
					   error))
		return NULL;
	if (state != NULL && !g_strv_contains(states, state)) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_STATE,
					    "must be one of pending, approved, rejected");
		return NULL;
	}
	rows = roster_store_list_service_logs(roster_engine_get_store(self),
					      volunteer_id,
					      from,
					      to,
					      state,
					      error);
	if (rows == NULL)
		return NULL;
	return roster_engine_new_list(roster_engine_hours_with_hours(rows), -1);
}

JsonNode *
roster_engine_create_training(RosterEngine *self,
			      RosterPrincipal *principal,
			      JsonNode *body,
			      GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return create_entry(self,
			    principal,
			    body,
			    ROSTER_COLLECTION_TRAINING,
			    FALSE,
			    roster_store_insert_training,
			    error);
}

JsonNode *
roster_engine_list_training(RosterEngine *self,
			    RosterPrincipal *principal,
			    GHashTable *params,
			    GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return roster_engine_hours_list_rows(self,
					     principal,
					     params,
					     ROSTER_COLLECTION_TRAINING,
					     roster_store_list_training,
					     TRUE,
					     error);
}

JsonNode *
roster_engine_create_rating(RosterEngine *self,
			    RosterPrincipal *principal,
			    JsonNode *body,
			    GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return create_entry(self,
			    principal,
			    body,
			    ROSTER_COLLECTION_RATINGS,
			    FALSE,
			    roster_store_insert_rating,
			    error);
}

JsonNode *
roster_engine_list_ratings(RosterEngine *self,
			   RosterPrincipal *principal,
			   GHashTable *params,
			   GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return roster_engine_hours_list_rows(self,
					     principal,
					     params,
					     ROSTER_COLLECTION_RATINGS,
					     roster_store_list_ratings,
					     FALSE,
					     error);
}

/* training hours, the pre-job rule and promotions */

/* volunteer id -> verified minutes of @kind */
static GHashTable *
verified_training(RosterEngine *self, const gchar *kind, GError **error)
{
	g_autoptr(JsonArray) rows =
	    roster_store_list_training(roster_engine_get_store(self), 0, NULL, NULL, error);
	g_autoptr(JsonArray) items = json_array_new();

	if (rows == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(rows); i++) {
		JsonObject *row = json_array_get_object_element(rows, i);
		if (g_strcmp0(json_object_get_string_member(row, ROSTER_KEY_KIND), kind) != 0 ||
		    json_object_get_null_member(row, ROSTER_KEY_VERIFIED_BY))
			continue;
		json_array_add_object_element(items, json_object_ref(row));
	}
	return roster_engine_hours_minutes_by_volunteer(items);
}

static gdouble
setting_double(RosterEngine *self, const gchar *key, gboolean *ok, GError **error)
{
	g_autoptr(JsonNode) node = roster_engine_hours_dup_setting(self, key, error);

	*ok = node != NULL;
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node))
		return 0;
	return json_node_get_double(node);
}

GHashTable *
roster_engine_dup_untrained_volunteers(RosterEngine *self, GError **error)
{
	g_autoptr(GHashTable) trained = NULL;
	g_autoptr(GPtrArray) volunteers = NULL;
	GHashTable *result;
	gboolean ok = FALSE;
	gdouble min_hours;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_ensure_open(self, error))
		return NULL;
	min_hours = setting_double(self, ROSTER_KEY_PRE_JOB_MIN_HOURS, &ok, error);
	if (!ok)
		return NULL;
	trained = verified_training(self, ROSTER_TRAINING_PRE_JOB, error);
	if (trained == NULL)
		return NULL;
	volunteers = roster_engine_hours_list_volunteers(self, error);
	if (volunteers == NULL)
		return NULL;
	result = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	for (guint i = 0; i < volunteers->len; i++) {
		gint64 id = roster_record_get_id(g_ptr_array_index(volunteers, i));
		gint64 *minutes = g_hash_table_lookup(trained, &id);
		if ((minutes != NULL ? *minutes : 0) < llround(min_hours * 60))
			g_hash_table_add(result, g_memdup2(&id, sizeof(id)));
	}
	return result;
}

typedef struct {
	GHashTable *service;
	GHashTable *supervision;
	GHashTable *no_shows;
	/* volunteer id -> JsonArray of scores, newest first */
	GHashTable *ratings;
} Evidence;

static void
evidence_clear(Evidence *e)
{
	g_clear_pointer(&e->service, g_hash_table_unref);
	g_clear_pointer(&e->supervision, g_hash_table_unref);
	g_clear_pointer(&e->no_shows, g_hash_table_unref);
	g_clear_pointer(&e->ratings, g_hash_table_unref);
}

static gboolean
evidence_load(RosterEngine *self, Evidence *e, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(JsonArray) items = roster_engine_hours_collect_items(self, 0, NULL, NULL, error);
	g_autoptr(JsonArray) attendance = NULL;
	g_autoptr(JsonArray) ratings = NULL;
	g_autoptr(JsonArray) no_shows = json_array_new();

	if (items == NULL)
		return FALSE;
	e->service = roster_engine_hours_minutes_by_volunteer(items);
	e->supervision = verified_training(self, ROSTER_TRAINING_SUPERVISION, error);
	if (e->supervision == NULL)
		return FALSE;
	attendance = roster_store_list_attendance(store, 0, NULL, NULL, error);
	if (attendance == NULL)
		return FALSE;
	for (guint i = 0; i < json_array_get_length(attendance); i++) {
		JsonObject *row = json_array_get_object_element(attendance, i);
		JsonObject *one;
		if (g_strcmp0(json_object_get_string_member(row, ROSTER_KEY_STATUS),
			      ROSTER_STATUS_NO_SHOW) != 0)
			continue;
		/* counted as "minutes" 1 each so the same sum serves */
		one = json_object_new();
		json_object_set_int_member(
		    one,
		    ROSTER_KEY_VOLUNTEER_ID,
		    json_object_get_int_member(row, ROSTER_KEY_VOLUNTEER_ID));
		json_object_set_int_member(one, ROSTER_KEY_MINUTES, 1);
		json_array_add_object_element(no_shows, one);
	}
	e->no_shows = roster_engine_hours_minutes_by_volunteer(no_shows);
	ratings = roster_store_list_ratings(store, 0, NULL, NULL, error);
	if (ratings == NULL)
		return FALSE;
	e->ratings = g_hash_table_new_full(g_int64_hash,
					   g_int64_equal,
					   g_free,
					   (GDestroyNotify)json_array_unref);
	for (guint i = 0; i < json_array_get_length(ratings); i++) {
		JsonObject *row = json_array_get_object_element(ratings, i);
		gint64 id = json_object_get_int_member(row, ROSTER_KEY_VOLUNTEER_ID);
		JsonArray *scores = g_hash_table_lookup(e->ratings, &id);
		if (scores == NULL) {
			scores = json_array_new();
			g_hash_table_insert(e->ratings, g_memdup2(&id, sizeof(id)), scores);
		}
		json_array_add_int_element(scores,
					   json_object_get_int_member(row, ROSTER_KEY_SCORE));
	}
	return TRUE;
}

static gint64
lookup_sum(GHashTable *table, gint64 id)
{
	gint64 *sum = g_hash_table_lookup(table, &id);
	return sum != NULL ? *sum : 0;
}

/* the evidence of one volunteer against @rule; returns whether it qualifies */
static gboolean
evaluate_rule(Evidence *e, gint64 id, JsonObject *rule, JsonObject *evidence)
{
	gdouble service = lookup_sum(e->service, id) / 60.0;
	gdouble supervision = lookup_sum(e->supervision, id) / 60.0;
	gint64 no_shows = lookup_sum(e->no_shows, id);
	gint64 last_n = json_object_get_int_member_with_default(rule, ROSTER_KEY_LAST_N_RATINGS, 0);
	gdouble min_average =
	    json_object_get_double_member_with_default(rule, ROSTER_KEY_MIN_AVERAGE, 0);
	JsonArray *scores = g_hash_table_lookup(e->ratings, &id);
	guint n = 0;
	gdouble total = 0;
	gdouble average = 0;
	gboolean ok = TRUE;

	for (guint i = 0; scores != NULL && i < json_array_get_length(scores) &&
			  (last_n <= 0 || i < (guint)last_n);
	     i++) {
		total += json_array_get_int_element(scores, i);
		n++;
	}
	if (n > 0)
		average = total / n;
	json_object_set_double_member(evidence, ROSTER_KEY_SERVICE_HOURS, service);
	json_object_set_double_member(evidence, ROSTER_KEY_SUPERVISION_HOURS, supervision);
	json_object_set_int_member(evidence, ROSTER_KEY_NO_SHOWS, no_shows);
	json_object_set_int_member(evidence, ROSTER_KEY_RATINGS_COUNT, n);
	if (n > 0)
		json_object_set_double_member(evidence, ROSTER_KEY_AVERAGE_RATING, average);
	else
		json_object_set_null_member(evidence, ROSTER_KEY_AVERAGE_RATING);
	if (service < json_object_get_double_member_with_default(rule, ROSTER_KEY_SERVICE_HOURS, 0))
		ok = FALSE;
	if (supervision <
	    json_object_get_double_member_with_default(rule, ROSTER_KEY_SUPERVISION_HOURS, 0))
		ok = FALSE;
	if (no_shows >
	    json_object_get_int_member_with_default(rule, ROSTER_KEY_MAX_NO_SHOWS, G_MAXINT))
		ok = FALSE;
	if (min_average > 0 && (n == 0 || average < min_average))
		ok = FALSE;
	return ok;
}

/* the rule that promotes from @tier, or NULL */
static JsonObject *
find_rule(JsonNode *rules, const gchar *tier)
{
	JsonArray *array = JSON_NODE_HOLDS_ARRAY(rules) ? json_node_get_array(rules) : NULL;

	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
		JsonObject *rule = json_array_get_object_element(array, i);
		if (rule != NULL &&
		    g_strcmp0(json_object_get_string_member_with_default(rule, "from", NULL),
			      tier) == 0)
			return rule;
	}
	return NULL;
}

JsonNode *
roster_engine_list_promotion_candidates(RosterEngine *self,
					RosterPrincipal *principal,
					GError **error)
{
	const gchar *c = "promotion-candidates";
	Evidence e = {0};
	g_autoptr(JsonNode) rules = NULL;
	g_autoptr(GPtrArray) volunteers = NULL;
	g_autoptr(JsonArray) rows = json_array_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_STAFF,
					    c,
					    "only managers, coordinators and admins",
					    error))
		return NULL;
	if (!roster_engine_ensure_open(self, error))
		return NULL;
	rules = roster_engine_hours_dup_setting(self, ROSTER_KEY_PROMOTION_RULES, error);
	if (rules == NULL)
		return NULL;
	volunteers = roster_engine_hours_list_volunteers(self, error);
	if (volunteers == NULL || !evidence_load(self, &e, error)) {
		evidence_clear(&e);
		return NULL;
	}
	for (guint i = 0; i < volunteers->len; i++) {
		RosterRecord *v = g_ptr_array_index(volunteers, i);
		const gchar *tier = roster_record_get_string(v, ROSTER_KEY_TIER);
		JsonObject *rule = find_rule(rules, tier);
		JsonObject *evidence;
		JsonObject *row;
		if (rule == NULL || !roster_record_get_bool(v, ROSTER_KEY_ACTIVE, TRUE))
			continue;
		evidence = json_object_new();
		if (!evaluate_rule(&e, roster_record_get_id(v), rule, evidence)) {
			json_object_unref(evidence);
			continue;
		}
		row = json_object_new();
		json_object_set_int_member(row, ROSTER_KEY_VOLUNTEER_ID, roster_record_get_id(v));
		json_object_set_string_member(row,
					      ROSTER_KEY_NAME,
					      roster_record_get_string(v, ROSTER_KEY_NAME));
		json_object_set_string_member(
		    row,
		    ROSTER_KEY_COUNSELLOR_NO,
		    roster_record_get_string(v, ROSTER_KEY_COUNSELLOR_NO));
		json_object_set_string_member(row, ROSTER_KEY_FROM_TIER, tier);
		json_object_set_string_member(row,
					      ROSTER_KEY_TO_TIER,
					      json_object_get_string_member(rule, "to"));
		json_object_set_object_member(row, ROSTER_KEY_EVIDENCE, evidence);
		json_array_add_object_element(rows, row);
	}
	evidence_clear(&e);
	return roster_engine_new_list(rows, -1);
}

JsonNode *
roster_engine_promote(RosterEngine *self,
		      RosterPrincipal *principal,
		      JsonNode *body,
		      GError **error)
{
	const gchar *c = ROSTER_COLLECTION_PROMOTIONS;
	RosterStore *store;
	JsonObject *obj;
	gint64 volunteer_id = 0;
	const gchar *to_tier = NULL;
	g_autofree gchar *from_tier = NULL;
	g_autoptr(JsonNode) rules = NULL;
	g_autoptr(RosterRecord) before = NULL;
	g_autoptr(RosterRecord) after = NULL;
	g_autoptr(JsonObject) evidence = json_object_new();
	g_autoptr(JsonObject) row = json_object_new();
	g_autoptr(JsonObject) change = json_object_new();
	g_autoptr(JsonNode) change_node = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *evidence_text = NULL;
	g_autoptr(JsonNode) evidence_node = NULL;
	Evidence e = {0};
	JsonObject *rule;
	gboolean qualifies;
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_hours_check_write(principal, c, TRUE, error))
		return NULL;
	obj = roster_engine_hours_body_object(body, error);
	if (obj == NULL ||
	    !roster_engine_hours_read_int(obj,
					  ROSTER_KEY_VOLUNTEER_ID,
					  TRUE,
					  1,
					  G_MAXINT64,
					  &volunteer_id,
					  error) ||
	    !roster_engine_hours_read_string(obj,
					     ROSTER_KEY_TO_TIER,
					     TRUE,
					     roster_engine_hours_tier_order,
					     &to_tier,
					     error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	store = roster_engine_get_store(self);
	before = roster_store_get_record(store,
					 roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS),
					 volunteer_id,
					 error);
	if (before == NULL)
		return NULL;
	from_tier = g_strdup(roster_record_get_string(before, ROSTER_KEY_TIER));
	rules = roster_engine_hours_dup_setting(self, ROSTER_KEY_PROMOTION_RULES, error);
	if (rules == NULL)
		return NULL;
	rule = find_rule(rules, from_tier);
	if (rule == NULL || g_strcmp0(json_object_get_string_member(rule, "to"), to_tier) != 0) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_TO_TIER,
					    "is not the next tier of a promotion rule");
		return NULL;
	}
	if (!evidence_load(self, &e, error)) {
		evidence_clear(&e);
		return NULL;
	}
	qualifies = evaluate_rule(&e, volunteer_id, rule, evidence);
	evidence_clear(&e);
	if (!qualifies) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_VOLUNTEER_ID,
					    "does not meet the promotion rule");
		return NULL;
	}
	evidence_node = roster_engine_hours_object_node(evidence);
	evidence_text = json_to_string(evidence_node, FALSE);
	json_object_set_string_member(change, ROSTER_KEY_TIER, to_tier);
	json_object_set_int_member(change, ROSTER_KEY_REVISION, roster_record_get_revision(before));
	change_node = roster_engine_hours_object_node(json_object_ref(change));
	after = roster_record_from_json(roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS),
					change_node,
					before,
					error);
	if (after == NULL)
		return NULL;
	json_object_set_int_member(row, ROSTER_KEY_VOLUNTEER_ID, volunteer_id);
	json_object_set_string_member(row, ROSTER_KEY_FROM_TIER, from_tier);
	json_object_set_string_member(row, ROSTER_KEY_TO_TIER, to_tier);
	json_object_set_string_member(row,
				      ROSTER_KEY_ACTOR,
				      roster_principal_get_username(principal));
	json_object_set_string_member(row, ROSTER_KEY_AT, now);
	json_object_set_string_member(row, ROSTER_KEY_EVIDENCE, evidence_text);
	if (!roster_store_begin(store, error))
		return NULL;
	ok = roster_engine_write_record(self, principal, after, before, error);
	if (ok)
		ok = insert_audited(self, principal, c, row, roster_store_insert_promotion, error);
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	json_object_set_object_member(row, ROSTER_KEY_EVIDENCE, json_object_ref(evidence));
	return roster_engine_hours_object_node(row);
}

JsonNode *
roster_engine_list_promotions(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      GError **error)
{
	const gchar *c = ROSTER_COLLECTION_PROMOTIONS;
	gint64 volunteer_id = roster_engine_hours_param_int(params, "volunteer");
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (volunteer_id < 0) {
		roster_engine_hours_invalid(error, "volunteer", "must be a volunteer id");
		return NULL;
	}
	if (!roster_engine_hours_check_read(principal, c, &volunteer_id, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	rows = roster_store_list_promotions(roster_engine_get_store(self), volunteer_id, error);
	if (rows == NULL)
		return NULL;
	return roster_engine_new_list(rows, -1);
}
