/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-engine-rosters.h"
#include "roster-hotline-check.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-solver-search.h"
#include "roster-solver-state.h"
#include "roster-store-rosters.h"

/*
 * Rosters in the engine: the hotline data is read from the store and translated into
 * the solver model on the calling thread; a solve job runs the search in a worker
 * thread and writes its best roster back in the caller's main context. Every write and
 * its audit row share one transaction. A daemon that stops asks every running job to
 * stop and waits: each writes its best roster so far, as a cancel does, and its audit
 * row says the stop cut it short.
 */

#define SOLVES_KEY	"roster-engine-solves"
#define MAX_PERIOD_DAYS 62
#define RECORDS_MAX	1000000
#define DEFAULT_SOLVE_S 10.0
#define MAX_SOLVE_S	600.0
/* below the solver's weight of one broken hard rule (100,000) */
#define MAX_SETTING 50000

/* settings members */
#define SETTING_MIN_REST "min_rest_minutes"
/* {"team id": ["HH:MM", …]}: the slots each team prefers */
#define SETTING_TEAM_SLOTS "team_slots"
/* {"mode": "hard"|"soft", "weight": N, "cycle_start": "YYYY-MM-DD", "rules": [{"team_id",
 * "weekdays"?, "slots"?, "cycle_weeks"?, "cycle_week"?}, …]}: the cells each team holds */
#define SETTING_TEAM_ROTATION "team_rotation"
#define ROTATION_MODE	      "mode"
#define ROTATION_WEIGHT	      "weight"
#define ROTATION_CYCLE_START  "cycle_start"
#define ROTATION_RULES	      "rules"
#define RULE_WEEKDAYS	      "weekdays"
#define RULE_SLOTS	      "slots"
#define RULE_CYCLE_WEEKS      "cycle_weeks"
#define RULE_CYCLE_WEEK	      "cycle_week"
/* a cycle longer than a year is no rotation a coordinator keeps in mind */
#define MAX_CYCLE_WEEKS 52
/* rules of one rotation, far above a real line's teams */
#define MAX_ROTATION_RULES 200

typedef struct {
	const gchar *key;
	gsize offset;
} SettingField;

static const SettingField setting_fields[] = {
    {SETTING_MIN_REST, G_STRUCT_OFFSET(RosterHotlineSettings, min_rest_minutes)},
    {"uncovered", G_STRUCT_OFFSET(RosterHotlineSettings, w_uncovered)},
    {"uncovered_crisis", G_STRUCT_OFFSET(RosterHotlineSettings, w_uncovered_crisis)},
    {"over", G_STRUCT_OFFSET(RosterHotlineSettings, w_over)},
    {"avoid", G_STRUCT_OFFSET(RosterHotlineSettings, w_avoid)},
    {"preferred", G_STRUCT_OFFSET(RosterHotlineSettings, w_preferred)},
    {"night", G_STRUCT_OFFSET(RosterHotlineSettings, w_night)},
    {"weekend", G_STRUCT_OFFSET(RosterHotlineSettings, w_weekend)},
    {"commitment", G_STRUCT_OFFSET(RosterHotlineSettings, w_commitment)},
    {"stability", G_STRUCT_OFFSET(RosterHotlineSettings, w_stability)},
    {"team", G_STRUCT_OFFSET(RosterHotlineSettings, w_team)},
    {"trainee_place", G_STRUCT_OFFSET(RosterHotlineSettings, w_trainee_place)},
};

/* why a job's cancel flag was raised: the solver stops on any of them */
typedef enum {
	JOB_RUN = 0,
	JOB_CANCEL_BY_CALLER = 1,
	JOB_CANCEL_BY_SHUTDOWN = 2,
} JobCancel;

/* one solve of one roster */
typedef struct {
	gint64 id;
	gint64 roster_id;
	GMutex lock;
	const gchar *state;
	gdouble elapsed;
	gboolean has_best;
	gint64 best_objective;
	guint best_violations;
	/* empty seats of the best roster so far, -1 before the first */
	gint best_uncovered;
	gint best_uncovered_crisis;
	/* the best roster reported so far, in the order (hard violations, objective) */
	RosterSolverRoster *best_roster;
	guint64 iterations;
	gint cancel;
	gdouble time_limit;
	guint32 seed;
	gint64 start_time;
	gchar *message;
	JsonNode *score;
	RosterHotline *hotline;
	RosterHotlineModel *model;
	RosterPrincipal *principal;
} RosterJob;

static void
job_clear(RosterJob *job)
{
	g_mutex_clear(&job->lock);
	g_free(job->message);
	if (job->score != NULL)
		json_node_unref(job->score);
	roster_hotline_model_free(job->model);
	roster_hotline_free(job->hotline);
	roster_solver_roster_free(job->best_roster);
	if (job->principal != NULL)
		roster_principal_unref(job->principal);
}

static RosterJob *
job_ref(RosterJob *job)
{
	return g_atomic_rc_box_acquire(job);
}

static void
job_unref(RosterJob *job)
{
	g_atomic_rc_box_release_full(job, (GDestroyNotify)job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterJob, job_unref)

/* the jobs of an engine: the last one of each roster, and how many may run at once */
typedef struct {
	GHashTable *jobs;
	gint max_solves;
	gboolean stopping;
} Solves;

static void
solves_free(Solves *solves)
{
	g_hash_table_unref(solves->jobs);
	g_free(solves);
}

static Solves *
get_solves(RosterEngine *self)
{
	Solves *solves = g_object_get_data(G_OBJECT(self), SOLVES_KEY);
	if (solves == NULL) {
		solves = g_new0(Solves, 1);
		solves->jobs = g_hash_table_new_full(g_int64_hash,
						     g_int64_equal,
						     g_free,
						     (GDestroyNotify)job_unref);
		/* each job's search runs on up to two threads; more jobs than cores only
		 * share the cores and add a model's memory each */
		solves->max_solves = (gint)MAX(g_get_num_processors(), 1);
		g_object_set_data_full(G_OBJECT(self),
				       SOLVES_KEY,
				       solves,
				       (GDestroyNotify)solves_free);
	}
	return solves;
}

static GHashTable *
get_jobs(RosterEngine *self)
{
	return get_solves(self)->jobs;
}

static RosterJob *
lookup_job(RosterEngine *self, gint64 roster_id)
{
	return g_hash_table_lookup(get_jobs(self), &roster_id);
}

static gboolean
job_is_running(RosterJob *job)
{
	gboolean running;

	g_mutex_lock(&job->lock);
	running = g_strcmp0(job->state, ROSTER_JOB_RUNNING) == 0;
	g_mutex_unlock(&job->lock);
	return running;
}

/**
 * roster_engine_is_solving:
 * @self: an engine
 * @id: a roster id
 *
 * Returns: whether a solve job of the roster is running
 */
gboolean
roster_engine_is_solving(RosterEngine *self, gint64 id)
{
	RosterJob *job = lookup_job(self, id);

	return job != NULL && job_is_running(job);
}

/**
 * roster_engine_get_n_solves:
 * @self: an engine
 *
 * A job counts until its thread has returned and its roster is written, so that a
 * cancelled job still counts while it winds down.
 *
 * Returns: the number of running solve jobs
 */
guint
roster_engine_get_n_solves(RosterEngine *self)
{
	GHashTableIter iter;
	gpointer value;
	guint n = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 0);
	g_hash_table_iter_init(&iter, get_jobs(self));
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		if (job_is_running(value))
			n++;
	}
	return n;
}

/**
 * roster_engine_get_max_solves:
 * @self: an engine
 *
 * Returns: how many solve jobs may run at once
 */
guint
roster_engine_get_max_solves(RosterEngine *self)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 0);
	return (guint)g_atomic_int_get(&get_solves(self)->max_solves);
}

/**
 * roster_engine_set_max_solves:
 * @self: an engine
 * @max_solves: at least 1
 *
 * Sets how many solve jobs may run at once; jobs already running are left alone.
 */
void
roster_engine_set_max_solves(RosterEngine *self, guint max_solves)
{
	g_return_if_fail(ROSTER_IS_ENGINE(self));
	g_return_if_fail(max_solves > 0 && max_solves <= G_MAXINT);
	g_atomic_int_set(&get_solves(self)->max_solves, (gint)max_solves);
}

/**
 * roster_engine_get_solve_retry_after:
 * @self: an engine
 *
 * Returns: whole seconds until the first running job reaches its time limit, at
 *   least 1: when a caller refused for too many jobs may try again
 */
guint
roster_engine_get_solve_retry_after(RosterEngine *self)
{
	GHashTableIter iter;
	gpointer value;
	gdouble soonest = G_MAXDOUBLE;
	gint64 now = g_get_monotonic_time();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 1);
	g_hash_table_iter_init(&iter, get_jobs(self));
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		RosterJob *job = value;
		gdouble left;
		if (!job_is_running(job))
			continue;
		left = job->time_limit - (gdouble)(now - job->start_time) / G_USEC_PER_SEC;
		soonest = MIN(soonest, left);
	}
	if (soonest == G_MAXDOUBLE || soonest < 1)
		return 1;
	return (guint)ceil(MIN(soonest, MAX_SOLVE_S));
}

/**
 * roster_engine_stop_solves:
 * @self: an engine
 *
 * For a daemon that stops: refuses new jobs and asks every running one to stop. Each
 * writes its best roster so far when its thread returns, as a cancel does, and is
 * recorded (job state and audit row) as stopped. The caller keeps the main context of
 * the jobs running until roster_engine_get_n_solves() is 0.
 *
 * Returns: the number of running jobs
 */
guint
roster_engine_stop_solves(RosterEngine *self)
{
	Solves *solves;
	GHashTableIter iter;
	gpointer value;
	guint n = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 0);
	solves = get_solves(self);
	solves->stopping = TRUE;
	g_hash_table_iter_init(&iter, solves->jobs);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		RosterJob *job = value;
		if (!job_is_running(job))
			continue;
		/* a job its caller cancelled already stays cancelled */
		g_atomic_int_compare_and_exchange(&job->cancel, JOB_RUN, JOB_CANCEL_BY_SHUTDOWN);
		n++;
	}
	if (n > 0)
		g_message("stopping %u running solve(s); each writes its best roster first", n);
	return n;
}

static gboolean
require_role(RosterPrincipal *principal, gboolean write, GError **error)
{
	RosterRole role = roster_principal_get_role(principal);

	if (role == ROSTER_ROLE_ADMIN || role == ROSTER_ROLE_COORDINATOR)
		return TRUE;
	if (!write && role != ROSTER_ROLE_NONE)
		return TRUE;
	g_set_error_literal(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_PERMISSION_DENIED,
			    write ? "rosters: only admins and coordinators may change rosters"
				  : "rosters: not allowed");
	return FALSE;
}

/* reads that show everybody's shifts: not for volunteers */
static gboolean
require_staff(RosterPrincipal *principal, GError **error)
{
	if (roster_principal_get_role(principal) == ROSTER_ROLE_VOLUNTEER) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_PERMISSION_DENIED,
				    "rosters: a volunteer sees only its own assignments");
		return FALSE;
	}
	return require_role(principal, FALSE, error);
}

static gboolean
require_open(RosterEngine *self, GError **error)
{
	return roster_engine_ensure_open(self, error);
}

static gboolean
add_audit(RosterEngine *self,
	  RosterPrincipal *principal,
	  const gchar *action,
	  const gchar *collection,
	  gint64 record_id,
	  JsonNode *before,
	  JsonNode *after,
	  GError **error)
{
	g_autofree gchar *now = roster_engine_dup_now();
	RosterStoreAudit entry = {
	    .actor = roster_principal_get_username(principal),
	    .actor_id = roster_principal_get_account_id(principal),
	    .action = action,
	    .collection = collection,
	    .record_id = record_id,
	    .before = before,
	    .after = after,
	};
	return roster_store_add_audit(roster_engine_get_store(self), &entry, now, error);
}

/* the audit row of a write, then the commit; rolls the transaction back when either fails */
static gboolean
audit_and_commit(RosterEngine *self,
		 RosterPrincipal *principal,
		 const gchar *action,
		 const gchar *collection,
		 gint64 record_id,
		 JsonNode *before,
		 JsonNode *after,
		 GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	if (!add_audit(self, principal, action, collection, record_id, before, after, error) ||
	    !roster_store_commit(store, error)) {
		roster_store_rollback(store);
		return FALSE;
	}
	return TRUE;
}

static gboolean
parse_time(const gchar *text, gint *minutes)
{
	return text != NULL && roster_check_time(text, minutes);
}

/* the end of a time window: up to 24:00, 1440 minutes */
static gboolean
parse_end_time(const gchar *text, gint *minutes)
{
	return text != NULL && roster_check_end_time(text, minutes);
}

static gchar *
time_to_string(gint minutes)
{
	return g_strdup_printf("%02d:%02d", minutes / 60, minutes % 60);
}

static gint64
get_int(JsonObject *obj, const gchar *key, gint64 default_value)
{
	JsonNode *node = obj != NULL ? json_object_get_member(obj, key) : NULL;
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_INT64)
		return default_value;
	return json_node_get_int(node);
}

/* settings: defaults overridden by the roster's stored members */
static void
load_settings(const gchar *text, RosterHotlineSettings *settings)
{
	g_autoptr(JsonNode) node = text != NULL ? json_from_string(text, NULL) : NULL;
	JsonObject *obj = node != NULL && JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node)
								       : NULL;

	roster_hotline_settings_init(settings);
	for (guint i = 0; i < G_N_ELEMENTS(setting_fields); i++) {
		guint *field = G_STRUCT_MEMBER_P(settings, setting_fields[i].offset);
		*field = (guint)get_int(obj, setting_fields[i].key, *field);
	}
}

static void
load_team_slots(const gchar *text, GArray *team_slots)
{
	g_autoptr(JsonNode) node = text != NULL ? json_from_string(text, NULL) : NULL;
	JsonObject *obj = node != NULL && JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node)
								       : NULL;
	JsonObject *teams = NULL;
	g_autoptr(GList) members = NULL;

	if (obj != NULL && json_object_has_member(obj, SETTING_TEAM_SLOTS))
		teams = json_object_get_object_member(obj, SETTING_TEAM_SLOTS);
	if (teams == NULL)
		return;
	members = json_object_get_members(teams);
	for (GList *l = members; l != NULL; l = l->next) {
		JsonArray *slots = json_object_get_array_member(teams, l->data);
		for (guint i = 0; slots != NULL && i < json_array_get_length(slots); i++) {
			RosterHotlineTeamSlot t = {g_ascii_strtoll(l->data, NULL, 10), 0};
			if (roster_check_time(json_array_get_string_element(slots, i),
					      &t.slot_start))
				g_array_append_val(team_slots, t);
		}
	}
}

/* the team rotation, validated when the roster was created; the weight defaults to the
 * team weight */
static void
load_team_rotation(const gchar *text, RosterHotline *h)
{
	g_autoptr(JsonNode) node = text != NULL ? json_from_string(text, NULL) : NULL;
	JsonObject *obj = node != NULL && JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node)
								       : NULL;
	JsonObject *rotation = NULL;
	JsonArray *rules = NULL;

	if (obj != NULL && json_object_has_member(obj, SETTING_TEAM_ROTATION))
		rotation = json_object_get_object_member(obj, SETTING_TEAM_ROTATION);
	if (rotation == NULL)
		return;
	h->rotation.mode =
	    g_strcmp0(json_object_get_string_member_with_default(rotation, ROTATION_MODE, NULL),
		      "hard") == 0
		? ROSTER_HOTLINE_ROTATION_HARD
		: ROSTER_HOTLINE_ROTATION_SOFT;
	h->rotation.weight = (guint)get_int(rotation, ROTATION_WEIGHT, h->settings.w_team);
	h->rotation.cycle_start = roster_store_date_from_string(
	    json_object_get_string_member_with_default(rotation, ROTATION_CYCLE_START, NULL));
	if (json_object_has_member(rotation, ROTATION_RULES))
		rules = json_object_get_array_member(rotation, ROTATION_RULES);
	for (guint i = 0; rules != NULL && i < json_array_get_length(rules); i++) {
		JsonObject *r = json_array_get_object_element(rules, i);
		RosterHotlineTeamRule *rule =
		    roster_hotline_add_team_rule(h, get_int(r, ROSTER_KEY_TEAM_ID, 0));
		JsonArray *weekdays = json_object_has_member(r, RULE_WEEKDAYS)
					  ? json_object_get_array_member(r, RULE_WEEKDAYS)
					  : NULL;
		JsonArray *slots = json_object_has_member(r, RULE_SLOTS)
				       ? json_object_get_array_member(r, RULE_SLOTS)
				       : NULL;
		for (guint j = 0; weekdays != NULL && j < json_array_get_length(weekdays); j++)
			rule->weekdays |= 1u << json_array_get_int_element(weekdays, j);
		for (guint j = 0; slots != NULL && j < json_array_get_length(slots); j++) {
			gint start = 0;
			if (roster_check_time(json_array_get_string_element(slots, j), &start))
				roster_hotline_team_rule_add_slot(rule, start);
		}
		rule->cycle_weeks = (guint)get_int(r, RULE_CYCLE_WEEKS, 0);
		rule->cycle_week = (guint)get_int(r, RULE_CYCLE_WEEK, 1);
	}
}

static GPtrArray *
list_all(RosterEngine *self, const gchar *collection, GError **error)
{
	RosterStoreFilter filter;
	gint64 total = 0;

	roster_store_filter_init(&filter);
	filter.limit = RECORDS_MAX;
	return roster_store_list_records(roster_engine_get_store(self),
					 roster_kind_lookup(collection),
					 &filter,
					 &total,
					 error);
}

/* the strings of a JSON array, other items left out */
static gchar **
dup_strv_node(JsonNode *node)
{
	g_autoptr(GStrvBuilder) builder = g_strv_builder_new();

	if (node != NULL && JSON_NODE_HOLDS_ARRAY(node)) {
		JsonArray *array = json_node_get_array(node);
		for (guint i = 0; i < json_array_get_length(array); i++) {
			JsonNode *item = json_array_get_element(array, i);
			if (JSON_NODE_HOLDS_VALUE(item) &&
			    json_node_get_value_type(item) == G_TYPE_STRING)
				g_strv_builder_add(builder, json_node_get_string(item));
		}
	}
	return g_strv_builder_end(builder);
}

static gchar **
dup_strv(RosterRecord *record, const gchar *key)
{
	return dup_strv_node(roster_record_get_value(record, key));
}

static gchar **
dup_strv_member(JsonObject *obj, const gchar *key)
{
	return dup_strv_node(json_object_get_member(obj, key));
}

/* the calendar's dated overrides of its manned hours, as validated by its kind */
static void
load_overrides(RosterHotline *h, JsonNode *overrides)
{
	JsonArray *array;

	if (overrides == NULL || !JSON_NODE_HOLDS_ARRAY(overrides))
		return;
	array = json_node_get_array(overrides);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonObject *o = json_array_get_object_element(array, i);
		guint32 from = 0;
		guint32 to = 0;
		JsonArray *windows;
		RosterHotlineOverride *override;
		if (o == NULL || !json_object_has_member(o, ROSTER_KEY_WINDOWS))
			continue;
		from = roster_store_date_from_string(
		    json_object_get_string_member_with_default(o, ROSTER_KEY_DATE_FROM, NULL));
		to = roster_store_date_from_string(
		    json_object_get_string_member_with_default(o, ROSTER_KEY_DATE_TO, NULL));
		if (from == 0 || to < from)
			continue;
		override = roster_hotline_add_override(h, from, to);
		windows = json_object_get_array_member(o, ROSTER_KEY_WINDOWS);
		for (guint j = 0; windows != NULL && j < json_array_get_length(windows); j++) {
			JsonObject *w = json_array_get_object_element(windows, j);
			gint start = 0;
			gint end = 0;
			if (w != NULL &&
			    parse_time(json_object_get_string_member_with_default(w,
										  ROSTER_KEY_START,
										  NULL),
				       &start) &&
			    parse_end_time(
				json_object_get_string_member_with_default(w, ROSTER_KEY_END, NULL),
				&end))
				roster_hotline_override_add_window(override, start, end);
		}
	}
}

/* the service calendar's slots, manned windows and their overrides, and its night (also
 * the coverage report's) */
gboolean
roster_engine_load_hotline_calendar(RosterEngine *self, RosterHotline *h, GError **error)
{
	g_autoptr(GPtrArray) calendars = list_all(self, ROSTER_COLLECTION_CALENDARS, error);
	RosterRecord *cal;
	JsonNode *windows;
	gint first = 480;
	gint night = 0;

	if (calendars == NULL)
		return FALSE;
	if (calendars->len == 0)
		return TRUE;
	cal = g_ptr_array_index(calendars, 0);
	h->slot_minutes = (guint)roster_record_get_int(cal, ROSTER_KEY_SLOT_MINUTES, 180);
	if (parse_time(roster_record_get_string(cal, ROSTER_KEY_FIRST_SLOT_START), &first))
		h->first_slot_start = first;
	if (parse_time(roster_record_get_string(cal, ROSTER_KEY_NIGHT_START), &night))
		h->night_start = night;
	if (parse_end_time(roster_record_get_string(cal, ROSTER_KEY_NIGHT_END), &night))
		h->night_end = night;
	load_overrides(h, roster_record_get_value(cal, ROSTER_KEY_OVERRIDES));
	windows = roster_record_get_value(cal, ROSTER_KEY_MANNED_WINDOWS);
	if (windows != NULL && JSON_NODE_HOLDS_ARRAY(windows)) {
		JsonArray *array = json_node_get_array(windows);
		for (guint i = 0; i < json_array_get_length(array); i++) {
			JsonObject *w = json_array_get_object_element(array, i);
			RosterHotlineWindow window = {0};
			if (w == NULL)
				continue;
			window.weekday = (guint)get_int(w, ROSTER_KEY_WEEKDAY, 0);
			if (!parse_time(json_object_get_string_member_with_default(w,
										   ROSTER_KEY_START,
										   NULL),
					&window.start) ||
			    !parse_end_time(
				json_object_get_string_member_with_default(w, ROSTER_KEY_END, NULL),
				&window.end))
				continue;
			g_array_append_val(h->windows, window);
		}
	}
	return TRUE;
}

/* the seat classes and the demand rules (also the coverage report's) */
gboolean
roster_engine_load_hotline_seats(RosterEngine *self, RosterHotline *h, GError **error)
{
	g_autoptr(GPtrArray) classes = list_all(self, ROSTER_COLLECTION_SEAT_CLASSES, error);
	g_autoptr(GPtrArray) rules = NULL;

	if (classes == NULL)
		return FALSE;
	for (guint i = 0; i < classes->len; i++) {
		RosterRecord *r = g_ptr_array_index(classes, i);
		RosterHotlineSeatClass *c =
		    roster_hotline_add_seat_class(h,
						  roster_record_get_id(r),
						  roster_record_get_string(r, ROSTER_KEY_CODE));
		c->cloud =
		    g_strcmp0(roster_record_get_string(r, ROSTER_KEY_MODE), ROSTER_MODE_CLOUD) == 0;
		c->min_tier =
		    (RosterHotlineTier)MAX(0,
					   roster_hotline_tier_from_string(
					       roster_record_get_string(r, ROSTER_KEY_MIN_TIER)));
		g_strfreev(c->skills);
		c->skills = dup_strv(r, ROSTER_KEY_SKILLS);
		c->crisis = roster_record_get_bool(r, ROSTER_KEY_CRISIS, FALSE);
		c->min_seats = (guint)roster_record_get_int(r, ROSTER_KEY_MIN_SEATS, 1);
		c->trainee_places = (guint)roster_record_get_int(r, ROSTER_KEY_TRAINEE_PLACES, 0);
	}
	rules = list_all(self, ROSTER_COLLECTION_DEMAND_RULES, error);
	if (rules == NULL)
		return FALSE;
	for (guint i = 0; i < rules->len; i++) {
		RosterRecord *r = g_ptr_array_index(rules, i);
		JsonNode *weekdays = roster_record_get_value(r, ROSTER_KEY_WEEKDAYS);
		RosterHotlineDemand *d;
		gint start = 0;
		gint end = 0;
		if (!parse_time(roster_record_get_string(r, ROSTER_KEY_START), &start) ||
		    !parse_end_time(roster_record_get_string(r, ROSTER_KEY_END), &end))
			continue;
		d = roster_hotline_add_demand(h,
					      roster_record_get_int(r, ROSTER_KEY_SEAT_CLASS_ID, 0),
					      start,
					      end,
					      (guint)roster_record_get_int(r, ROSTER_KEY_SEATS, 0));
		d->date_from = roster_store_date_from_string(
		    roster_record_get_string(r, ROSTER_KEY_DATE_FROM));
		d->date_to =
		    roster_store_date_from_string(roster_record_get_string(r, ROSTER_KEY_DATE_TO));
		if (weekdays != NULL && JSON_NODE_HOLDS_ARRAY(weekdays)) {
			JsonArray *array = json_node_get_array(weekdays);
			for (guint j = 0; j < json_array_get_length(array); j++) {
				gint64 wd = json_array_get_int_element(array, j);
				if (wd >= 1 && wd <= 7)
					d->weekdays |= 1u << wd;
			}
		}
	}
	return TRUE;
}

static gint
limit_of(RosterRecord *r, const gchar *key)
{
	return (gint)roster_record_get_int(r, key, ROSTER_HOTLINE_NO_LIMIT);
}

static gboolean
load_people(RosterEngine *self, RosterHotline *h, GError **error)
{
	g_autoptr(GPtrArray) volunteers = list_all(self, ROSTER_COLLECTION_VOLUNTEERS, error);
	g_autoptr(GPtrArray) availability = NULL;
	g_autoptr(GHashTable) untrained = NULL;

	if (volunteers == NULL)
		return FALSE;
	untrained = roster_engine_dup_untrained_volunteers(self, error);
	if (untrained == NULL)
		return FALSE;
	for (guint i = 0; i < volunteers->len; i++) {
		RosterRecord *r = g_ptr_array_index(volunteers, i);
		RosterHotlineVolunteer *v =
		    roster_hotline_add_volunteer(h,
						 roster_record_get_id(r),
						 roster_record_get_string(r, ROSTER_KEY_NAME));
		g_auto(GStrv) modes = dup_strv(r, ROSTER_KEY_MODES);
		v->tier = (RosterHotlineTier)MAX(
		    0,
		    roster_hotline_tier_from_string(roster_record_get_string(r, ROSTER_KEY_TIER)));
		/* below the minimum of verified pre-job training: only a paired trainee */
		if (g_hash_table_contains(untrained, &v->id))
			v->tier = ROSTER_HOTLINE_TIER_TRAINEE;
		g_strfreev(v->skills);
		v->skills = dup_strv(r, ROSTER_KEY_SKILLS);
		v->on_site = g_strv_contains((const gchar *const *)modes, ROSTER_MODE_ON_SITE);
		v->cloud = g_strv_contains((const gchar *const *)modes, ROSTER_MODE_CLOUD);
		v->active = roster_record_get_bool(r, ROSTER_KEY_ACTIVE, TRUE);
		v->team_id = roster_record_get_int(r, ROSTER_KEY_TEAM_ID, 0);
		v->max_hours_week = limit_of(r, ROSTER_KEY_MAX_HOURS_WEEK);
		v->max_hours_month = limit_of(r, ROSTER_KEY_MAX_HOURS_MONTH);
		v->max_shifts_month = limit_of(r, ROSTER_KEY_MAX_SHIFTS_MONTH);
		v->max_consecutive_days = limit_of(r, ROSTER_KEY_MAX_CONSECUTIVE_DAYS);
		v->max_nights_month = limit_of(r, ROSTER_KEY_MAX_NIGHTS_MONTH);
		v->min_shifts_month = limit_of(r, ROSTER_KEY_MIN_SHIFTS_MONTH);
	}
	availability = list_all(self, ROSTER_COLLECTION_AVAILABILITY, error);
	if (availability == NULL)
		return FALSE;
	for (guint i = 0; i < availability->len; i++) {
		RosterRecord *r = g_ptr_array_index(availability, i);
		const gchar *kind = roster_record_get_string(r, ROSTER_KEY_KIND);
		RosterHotlineAvailability *a = roster_hotline_add_availability(
		    h,
		    roster_record_get_int(r, ROSTER_KEY_VOLUNTEER_ID, 0),
		    g_strcmp0(kind, ROSTER_AVAILABILITY_AVOID) == 0
			? ROSTER_HOTLINE_AVAILABILITY_AVOID
		    : g_strcmp0(kind, ROSTER_AVAILABILITY_PREFERRED) == 0
			? ROSTER_HOTLINE_AVAILABILITY_PREFERRED
			: ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
		a->date =
		    roster_store_date_from_string(roster_record_get_string(r, ROSTER_KEY_DATE));
		a->weekday = (guint)roster_record_get_int(r, ROSTER_KEY_WEEKDAY, 0);
		if (!parse_time(roster_record_get_string(r, ROSTER_KEY_START), &a->start) ||
		    !parse_end_time(roster_record_get_string(r, ROSTER_KEY_END), &a->end)) {
			a->start = -1;
			a->end = -1;
		}
	}
	return TRUE;
}

static RosterHotlineAssignment *
assignment_from_object(JsonObject *obj)
{
	RosterHotlineAssignment *a = roster_hotline_assignment_new();
	gint slot = 0;
	a->id = get_int(obj, ROSTER_KEY_ID, 0);
	a->date = roster_store_date_from_string(
	    json_object_get_string_member_with_default(obj, ROSTER_KEY_DATE, NULL));
	if (parse_time(json_object_get_string_member_with_default(obj, ROSTER_KEY_SLOT, NULL),
		       &slot))
		a->slot_start = slot;
	a->seat_class_id = get_int(obj, ROSTER_KEY_SEAT_CLASS_ID, 0);
	a->seat_no = (guint)get_int(obj, ROSTER_KEY_SEAT_NO, 0);
	a->volunteer_id = get_int(obj, ROSTER_KEY_VOLUNTEER_ID, 0);
	a->pinned = json_object_get_boolean_member_with_default(obj, ROSTER_KEY_PINNED, FALSE);
	a->source = roster_hotline_source_from_string(
	    json_object_get_string_member_with_default(obj, ROSTER_KEY_SOURCE, NULL));
	return a;
}

static GPtrArray *
assignments_from_text(const gchar *text, GError **error)
{
	g_autoptr(JsonNode) node = json_from_string(text, error);
	GPtrArray *result = g_ptr_array_new_with_free_func(g_free);
	JsonArray *array;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node)) {
		g_ptr_array_unref(result);
		if (error != NULL && *error == NULL)
			g_set_error_literal(error,
					    ROSTER_ERROR,
					    ROSTER_ERROR_INTERNAL,
					    "versions: stored assignments are no array");
		else if (error != NULL)
			roster_error_convert(error);
		return NULL;
	}
	array = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonObject *obj = json_array_get_object_element(array, i);
		if (obj != NULL)
			g_ptr_array_add(result, assignment_from_object(obj));
	}
	return result;
}

static void
add_assignment_json(JsonBuilder *b, const RosterHotlineAssignment *a)
{
	g_autofree gchar *date = roster_store_date_to_string(a->date);
	g_autofree gchar *slot = time_to_string(a->slot_start);

	json_builder_begin_object(b);
	if (a->id > 0) {
		json_builder_set_member_name(b, ROSTER_KEY_ID);
		json_builder_add_int_value(b, a->id);
	}
	json_builder_set_member_name(b, ROSTER_KEY_DATE);
	json_builder_add_string_value(b, date);
	json_builder_set_member_name(b, ROSTER_KEY_SLOT);
	json_builder_add_string_value(b, slot);
	json_builder_set_member_name(b, ROSTER_KEY_SEAT_CLASS_ID);
	json_builder_add_int_value(b, a->seat_class_id);
	json_builder_set_member_name(b, ROSTER_KEY_SEAT_NO);
	json_builder_add_int_value(b, a->seat_no);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, a->volunteer_id);
	json_builder_set_member_name(b, ROSTER_KEY_PINNED);
	json_builder_add_boolean_value(b, a->pinned);
	json_builder_set_member_name(b, ROSTER_KEY_SOURCE);
	json_builder_add_string_value(b, roster_hotline_source_to_string(a->source));
	json_builder_end_object(b);
}

static JsonNode *
assignment_to_node(const RosterHotlineAssignment *a)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	add_assignment_json(b, a);
	return json_builder_get_root(b);
}

static JsonNode *
assignments_to_node(GPtrArray *assignments)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	json_builder_begin_array(b);
	for (guint i = 0; i < assignments->len; i++)
		add_assignment_json(b, g_ptr_array_index(assignments, i));
	json_builder_end_array(b);
	return json_builder_get_root(b);
}

/* the whole hotline of a roster: calendar, seats, demand, people, pins, the current
 * assignments and the last published version */
static RosterHotline *
load_hotline(RosterEngine *self, RosterStoreRoster *roster, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	guint32 first = roster_store_date_from_string(roster->period_start);
	guint32 last = roster_store_date_from_string(roster->period_end);
	g_autoptr(RosterHotline) h = roster_hotline_new(first, last - first + 1);
	g_autoptr(GPtrArray) current = NULL;

	load_settings(roster->settings, &h->settings);
	load_team_slots(roster->settings, h->team_slots);
	load_team_rotation(roster->settings, h);
	if (!roster_engine_load_hotline_calendar(self, h, error) ||
	    !roster_engine_load_hotline_seats(self, h, error) || !load_people(self, h, error))
		return NULL;
	current = roster_store_list_assignments(store, roster->id, 0, error);
	if (current == NULL)
		return NULL;
	for (guint i = 0; i < current->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(current, i);
		if (a->pinned)
			g_ptr_array_add(h->pinned, roster_hotline_assignment_copy(a));
		g_ptr_array_add(h->current, roster_hotline_assignment_copy(a));
	}
	if (roster->n_versions > 0) {
		g_autofree gchar *text = roster_store_dup_version_assignments(store,
									      roster->id,
									      roster->n_versions,
									      error);
		g_autoptr(GPtrArray) previous = NULL;
		if (text == NULL)
			return NULL;
		previous = assignments_from_text(text, error);
		if (previous == NULL)
			return NULL;
		for (guint i = 0; i < previous->len; i++)
			g_ptr_array_add(
			    h->previous,
			    roster_hotline_assignment_copy(g_ptr_array_index(previous, i)));
	}
	return g_steal_pointer(&h);
}

/*
 * The score stored with a roster carries the number of audit rows when it was
 * computed: every write of the daemon (volunteers, availability, training, seats,
 * demand, the roster itself) adds an audit row in its own transaction, so a count that
 * moved on says that an input may have changed and the score is computed again on read
 */
#define SCORE_INPUTS_STAMP "inputs_stamp"

/* the score of a roster: the solver's objective and the hard rules it breaks, each
 * counted once as the explanations list them */
static JsonNode *
score_node(const RosterHotlineModel *model, const RosterSolverRoster *roster)
{
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(model->solver, roster);
	g_autoptr(GPtrArray) problems = roster_hotline_list_problems(model, roster);
	g_autoptr(JsonBuilder) b = json_builder_new();
	guint required = 0;
	guint uncovered = 0;
	guint uncovered_crisis = 0;

	roster_hotline_count_uncovered(model, roster, &required, &uncovered, &uncovered_crisis);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_FEASIBLE);
	json_builder_add_boolean_value(b, problems->len == 0);
	json_builder_set_member_name(b, ROSTER_KEY_OBJECTIVE);
	json_builder_add_int_value(b, ev->objective);
	json_builder_set_member_name(b, ROSTER_KEY_HARD_VIOLATIONS);
	json_builder_add_int_value(b, problems->len);
	json_builder_set_member_name(b, "required");
	json_builder_add_int_value(b, required);
	json_builder_set_member_name(b, ROSTER_KEY_UNCOVERED);
	json_builder_add_int_value(b, uncovered);
	json_builder_set_member_name(b, ROSTER_KEY_UNCOVERED_CRISIS);
	json_builder_add_int_value(b, uncovered_crisis);
	json_builder_set_member_name(b, ROSTER_KEY_VIOLATIONS);
	json_builder_begin_array(b);
	for (guint i = 0; i < problems->len && i < 50; i++) {
		RosterHotlineProblem *p = g_ptr_array_index(problems, i);
		g_autofree gchar *text = g_strdup_printf("%s: %s", p->rule, p->text);
		json_builder_add_string_value(b, text);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/* the number of audit rows: the stamp of the inputs a score was computed from */
static gboolean
get_inputs_stamp(RosterEngine *self, gint64 *stamp, GError **error)
{
	g_autoptr(GPtrArray) rows = roster_store_list_audit(roster_engine_get_store(self),
							    NULL,
							    0,
							    NULL,
							    0,
							    0,
							    stamp,
							    error);
	return rows != NULL;
}

/* the score as stored: with the stamp of its inputs, one more than the audit rows so
 * far for the audit row that the write about to store it adds */
static gchar *
dup_stored_score(RosterEngine *self, JsonNode *score, GError **error)
{
	g_autofree gchar *text = json_to_string(score, FALSE);
	/* a deep copy: json_node_copy() shares the object, and the caller's score shows
	 * no stamp */
	g_autoptr(JsonNode) copy = json_from_string(text, NULL);
	gint64 stamp = 0;

	if (!get_inputs_stamp(self, &stamp, error))
		return NULL;
	json_object_set_int_member(json_node_get_object(copy), SCORE_INPUTS_STAMP, stamp + 1);
	return json_to_string(copy, FALSE);
}

static JsonNode *
roster_to_node(RosterStoreRoster *r, GPtrArray *assignments)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) settings = json_from_string(r->settings, NULL);
	g_autoptr(JsonNode) score = r->score != NULL ? json_from_string(r->score, NULL) : NULL;

	if (score != NULL && JSON_NODE_HOLDS_OBJECT(score))
		json_object_remove_member(json_node_get_object(score), SCORE_INPUTS_STAMP);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ID);
	json_builder_add_int_value(b, r->id);
	json_builder_set_member_name(b, ROSTER_KEY_REVISION);
	json_builder_add_int_value(b, r->revision);
	json_builder_set_member_name(b, ROSTER_KEY_CREATED);
	json_builder_add_string_value(b, r->created);
	json_builder_set_member_name(b, ROSTER_KEY_MODIFIED);
	json_builder_add_string_value(b, r->modified);
	json_builder_set_member_name(b, ROSTER_KEY_NAME);
	json_builder_add_string_value(b, r->name);
	json_builder_set_member_name(b, ROSTER_KEY_PERIOD_START);
	json_builder_add_string_value(b, r->period_start);
	json_builder_set_member_name(b, ROSTER_KEY_PERIOD_END);
	json_builder_add_string_value(b, r->period_end);
	json_builder_set_member_name(b, ROSTER_KEY_STATE);
	json_builder_add_string_value(b, r->state);
	json_builder_set_member_name(b, ROSTER_KEY_N_VERSIONS);
	json_builder_add_int_value(b, r->n_versions);
	json_builder_set_member_name(b, ROSTER_KEY_SETTINGS);
	if (settings != NULL)
		json_builder_add_value(b, g_steal_pointer(&settings));
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_SCORE);
	if (score != NULL)
		json_builder_add_value(b, g_steal_pointer(&score));
	else
		json_builder_add_null_value(b);
	if (assignments != NULL) {
		json_builder_set_member_name(b, ROSTER_KEY_ASSIGNMENTS);
		json_builder_add_value(b, assignments_to_node(assignments));
	}
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

static gboolean
invalid(GError **error, const gchar *message)
{
	g_set_error_literal(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA, message);
	return FALSE;
}

static JsonObject *
body_object(JsonNode *body, GError **error)
{
	if (body == NULL || !JSON_NODE_HOLDS_OBJECT(body)) {
		invalid(error, "body: must be a JSON object");
		return NULL;
	}
	return json_node_get_object(body);
}

static gboolean
is_int_member(JsonObject *obj, const gchar *key)
{
	JsonNode *node = json_object_get_member(obj, key);
	return node != NULL && JSON_NODE_HOLDS_VALUE(node) &&
	       json_node_get_value_type(node) == G_TYPE_INT64;
}

static const gchar *
string_member(JsonObject *obj, const gchar *key)
{
	JsonNode *node = json_object_get_member(obj, key);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_STRING)
		return NULL;
	return json_node_get_string(node);
}

/* {"team id": ["HH:MM", …], …} */
static gboolean
validate_team_slots(JsonNode *node, GError **error)
{
	JsonObject *teams;
	g_autoptr(GList) members = NULL;

	if (!JSON_NODE_HOLDS_OBJECT(node))
		return invalid(error, "settings: team_slots must map team ids to lists of HH:MM");
	teams = json_node_get_object(node);
	members = json_object_get_members(teams);
	for (GList *l = members; l != NULL; l = l->next) {
		JsonNode *slots = json_object_get_member(teams, l->data);
		guint64 id = 0;
		if (!g_ascii_string_to_unsigned(l->data, 10, 1, G_MAXINT64, &id, NULL) ||
		    !JSON_NODE_HOLDS_ARRAY(slots))
			return invalid(error,
				       "settings: team_slots must map team ids to lists of HH:MM");
		for (guint i = 0; i < json_array_get_length(json_node_get_array(slots)); i++) {
			JsonNode *item = json_array_get_element(json_node_get_array(slots), i);
			if (!JSON_NODE_HOLDS_VALUE(item) ||
			    json_node_get_value_type(item) != G_TYPE_STRING ||
			    !roster_check_time(json_node_get_string(item), NULL))
				return invalid(error, "settings: team_slots: each slot is HH:MM");
		}
	}
	return TRUE;
}

static gboolean
rule_invalid(GError **error, guint index, const gchar *member, const gchar *message)
{
	g_set_error(error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_INVALID_DATA,
		    "settings: team_rotation.rules[%u].%s: %s",
		    index,
		    member,
		    message);
	return FALSE;
}

/* a non-empty array whose every element passes @check */
static gboolean
is_array_of(JsonNode *node, gboolean (*check)(JsonNode *item))
{
	JsonArray *array;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return FALSE;
	array = json_node_get_array(node);
	if (json_array_get_length(array) == 0)
		return FALSE;
	for (guint i = 0; i < json_array_get_length(array); i++) {
		if (!check(json_array_get_element(array, i)))
			return FALSE;
	}
	return TRUE;
}

static gboolean
is_weekday(JsonNode *item)
{
	return JSON_NODE_HOLDS_VALUE(item) && json_node_get_value_type(item) == G_TYPE_INT64 &&
	       json_node_get_int(item) >= 1 && json_node_get_int(item) <= 7;
}

static gboolean
is_slot(JsonNode *item)
{
	return JSON_NODE_HOLDS_VALUE(item) && json_node_get_value_type(item) == G_TYPE_STRING &&
	       roster_check_time(json_node_get_string(item), NULL);
}

/* one rule: a team that exists, and weekdays, slots or a cycle week that narrow it */
static gboolean
validate_team_rule(RosterEngine *self, JsonNode *node, guint index, GError **error)
{
	JsonObject *r;
	g_autoptr(GList) members = NULL;
	gboolean exists = FALSE;
	gint64 team_id;
	gint64 cycle_weeks;
	gint64 cycle_week;

	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "settings: team_rotation.rules[%u]: must be an object",
			    index);
		return FALSE;
	}
	r = json_node_get_object(node);
	members = json_object_get_members(r);
	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		if (g_strcmp0(key, ROSTER_KEY_TEAM_ID) != 0 && g_strcmp0(key, RULE_WEEKDAYS) != 0 &&
		    g_strcmp0(key, RULE_SLOTS) != 0 && g_strcmp0(key, RULE_CYCLE_WEEKS) != 0 &&
		    g_strcmp0(key, RULE_CYCLE_WEEK) != 0)
			return rule_invalid(error, index, key, "unknown member");
	}
	team_id = get_int(r, ROSTER_KEY_TEAM_ID, 0);
	if (team_id <= 0)
		return rule_invalid(error, index, ROSTER_KEY_TEAM_ID, "required, a team id");
	if (!roster_store_record_exists(roster_engine_get_store(self),
					ROSTER_COLLECTION_TEAMS,
					team_id,
					&exists,
					error))
		return FALSE;
	if (!exists)
		return rule_invalid(error, index, ROSTER_KEY_TEAM_ID, "no such team");
	if (json_object_has_member(r, RULE_WEEKDAYS) &&
	    !is_array_of(json_object_get_member(r, RULE_WEEKDAYS), is_weekday))
		return rule_invalid(error, index, RULE_WEEKDAYS, "a list of weekdays from 1 to 7");
	if (json_object_has_member(r, RULE_SLOTS) &&
	    !is_array_of(json_object_get_member(r, RULE_SLOTS), is_slot))
		return rule_invalid(error, index, RULE_SLOTS, "a list of slot starts HH:MM");
	cycle_weeks = get_int(r, RULE_CYCLE_WEEKS, -1);
	cycle_week = get_int(r, RULE_CYCLE_WEEK, -1);
	if (json_object_has_member(r, RULE_CYCLE_WEEKS) &&
	    (cycle_weeks < 1 || cycle_weeks > MAX_CYCLE_WEEKS)) {
		g_autofree gchar *message =
		    g_strdup_printf("an integer from 1 to %d", MAX_CYCLE_WEEKS);
		return rule_invalid(error, index, RULE_CYCLE_WEEKS, message);
	}
	if (json_object_has_member(r, RULE_CYCLE_WEEKS) !=
	    json_object_has_member(r, RULE_CYCLE_WEEK))
		return rule_invalid(error,
				    index,
				    RULE_CYCLE_WEEK,
				    "cycle_weeks and cycle_week go together");
	if (json_object_has_member(r, RULE_CYCLE_WEEK) &&
	    (cycle_week < 1 || cycle_week > cycle_weeks))
		return rule_invalid(error, index, RULE_CYCLE_WEEK, "from 1 to cycle_weeks");
	/* a rule with no criterion would hand every cell to one team */
	if (!json_object_has_member(r, RULE_WEEKDAYS) && !json_object_has_member(r, RULE_SLOTS) &&
	    !json_object_has_member(r, RULE_CYCLE_WEEKS))
		return rule_invalid(error, index, RULE_WEEKDAYS, "weekdays, slots or cycle_weeks");
	return TRUE;
}

/* {"mode", "weight", "cycle_start", "rules"}: only known members, every rule valid */
static gboolean
validate_team_rotation(RosterEngine *self, JsonNode *node, GError **error)
{
	JsonObject *rotation;
	JsonNode *rules;
	const gchar *mode;
	g_autoptr(GList) members = NULL;

	if (!JSON_NODE_HOLDS_OBJECT(node))
		return invalid(error, "settings: team_rotation: must be an object");
	rotation = json_node_get_object(node);
	members = json_object_get_members(rotation);
	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		if (g_strcmp0(key, ROTATION_MODE) != 0 && g_strcmp0(key, ROTATION_WEIGHT) != 0 &&
		    g_strcmp0(key, ROTATION_CYCLE_START) != 0 &&
		    g_strcmp0(key, ROTATION_RULES) != 0) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "settings: team_rotation.%s: unknown member",
				    key);
			return FALSE;
		}
	}
	mode = string_member(rotation, ROTATION_MODE);
	if (json_object_has_member(rotation, ROTATION_MODE) && g_strcmp0(mode, "hard") != 0 &&
	    g_strcmp0(mode, "soft") != 0)
		return invalid(error, "settings: team_rotation.mode: hard or soft");
	if (json_object_has_member(rotation, ROTATION_WEIGHT) &&
	    (!is_int_member(rotation, ROTATION_WEIGHT) ||
	     get_int(rotation, ROTATION_WEIGHT, -1) < 0 ||
	     get_int(rotation, ROTATION_WEIGHT, -1) > MAX_SETTING)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "settings: team_rotation.weight: an integer from 0 to %d",
			    MAX_SETTING);
		return FALSE;
	}
	if (json_object_has_member(rotation, ROTATION_CYCLE_START) &&
	    roster_store_date_from_string(string_member(rotation, ROTATION_CYCLE_START)) == 0)
		return invalid(error, "settings: team_rotation.cycle_start: a date YYYY-MM-DD");
	rules = json_object_get_member(rotation, ROTATION_RULES);
	if (rules == NULL || !JSON_NODE_HOLDS_ARRAY(rules) ||
	    json_array_get_length(json_node_get_array(rules)) > MAX_ROTATION_RULES)
		return invalid(error, "settings: team_rotation.rules: required, a list of rules");
	for (guint i = 0; i < json_array_get_length(json_node_get_array(rules)); i++) {
		if (!validate_team_rule(self,
					json_array_get_element(json_node_get_array(rules), i),
					i,
					error))
			return FALSE;
	}
	return TRUE;
}

/* the settings a coordinator may change: known members, non-negative integers, the
 * slots teams prefer and the team rotation */
static gchar *
validate_settings(RosterEngine *self, JsonNode *node, GError **error)
{
	JsonObject *obj;
	g_autoptr(GList) members = NULL;

	if (node == NULL || JSON_NODE_HOLDS_NULL(node))
		return g_strdup("{}");
	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		invalid(error, "settings: must be an object");
		return NULL;
	}
	obj = json_node_get_object(node);
	members = json_object_get_members(obj);
	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		gboolean known = FALSE;
		gint64 value;
		if (g_strcmp0(key, SETTING_TEAM_SLOTS) == 0) {
			if (!validate_team_slots(json_object_get_member(obj, key), error))
				return NULL;
			continue;
		}
		if (g_strcmp0(key, SETTING_TEAM_ROTATION) == 0) {
			if (!validate_team_rotation(self, json_object_get_member(obj, key), error))
				return NULL;
			continue;
		}
		for (guint i = 0; i < G_N_ELEMENTS(setting_fields); i++)
			known |= g_strcmp0(key, setting_fields[i].key) == 0;
		if (!known) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "settings: unknown member %s",
				    key);
			return NULL;
		}
		value = get_int(obj, key, -1);
		if (!is_int_member(obj, key) || value < 0 || value > MAX_SETTING) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "settings: %s must be an integer from 0 to %d",
				    key,
				    MAX_SETTING);
			return NULL;
		}
	}
	return json_to_string(node, FALSE);
}

/**
 * roster_engine_create_roster:
 * @self: an engine
 * @principal: the caller
 * @body: {"name", "period_start", "period_end", "settings"?}
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the new roster, or %NULL with @error set
 */
JsonNode *
roster_engine_create_roster(RosterEngine *self,
			    RosterPrincipal *principal,
			    JsonNode *body,
			    GError **error)
{
	RosterStore *store;
	JsonObject *obj;
	const gchar *name;
	const gchar *start;
	const gchar *end;
	guint32 first;
	guint32 last;
	g_autofree gchar *settings = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	g_autoptr(RosterStoreRoster) roster = g_new0(RosterStoreRoster, 1);
	g_autoptr(JsonNode) result = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!require_role(principal, TRUE, error) || !require_open(self, error))
		return NULL;
	obj = body_object(body, error);
	if (obj == NULL)
		return NULL;
	name = string_member(obj, ROSTER_KEY_NAME);
	start = string_member(obj, ROSTER_KEY_PERIOD_START);
	end = string_member(obj, ROSTER_KEY_PERIOD_END);
	if (name == NULL || g_utf8_strlen(name, -1) < 1 || g_utf8_strlen(name, -1) > 100) {
		invalid(error, "name: required, 1 to 100 characters");
		return NULL;
	}
	first = roster_store_date_from_string(start);
	last = roster_store_date_from_string(end);
	if (first == 0 || last == 0) {
		invalid(error,
			first == 0 ? "period_start: required, a date YYYY-MM-DD"
				   : "period_end: required, a date YYYY-MM-DD");
		return NULL;
	}
	if (last < first || last - first + 1 > MAX_PERIOD_DAYS) {
		invalid(error, "period_end: must be on or after period_start, at most 62 days");
		return NULL;
	}
	settings = validate_settings(self, json_object_get_member(obj, ROSTER_KEY_SETTINGS), error);
	if (settings == NULL)
		return NULL;
	store = roster_engine_get_store(self);
	roster->name = g_strdup(name);
	roster->period_start = g_strdup(start);
	roster->period_end = g_strdup(end);
	roster->state = g_strdup(ROSTER_STATE_DRAFT);
	roster->settings = g_steal_pointer(&settings);
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_insert_roster(store, roster, now, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	result = roster_to_node(roster, NULL);
	if (!audit_and_commit(self,
			      principal,
			      ROSTER_ACTION_CREATE,
			      ROSTER_COLLECTION_ROSTERS,
			      roster->id,
			      NULL,
			      result,
			      error))
		return NULL;
	return g_steal_pointer(&result);
}

static gboolean
ensure_score(RosterEngine *self, RosterStoreRoster *roster, GError **error);

/**
 * roster_engine_list_rosters:
 * @self: an engine
 * @principal: the caller
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [...], "total": N}, without assignments
 */
JsonNode *
roster_engine_list_rosters(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!require_role(principal, FALSE, error) || !require_open(self, error))
		return NULL;
	rows = roster_store_list_rosters(roster_engine_get_store(self), error);
	if (rows == NULL)
		return NULL;
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ITEMS);
	json_builder_begin_array(b);
	for (guint i = 0; i < rows->len; i++) {
		if (!ensure_score(self, g_ptr_array_index(rows, i), error))
			return NULL;
	}
	for (guint i = 0; i < rows->len; i++)
		json_builder_add_value(b, roster_to_node(g_ptr_array_index(rows, i), NULL));
	json_builder_end_array(b);
	json_builder_set_member_name(b, ROSTER_KEY_TOTAL);
	json_builder_add_int_value(b, rows->len);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/**
 * roster_engine_get_roster:
 * @self: an engine
 * @principal: the caller; a volunteer sees only its own assignments
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the roster with its assignments and score
 */
JsonNode *
roster_engine_get_roster(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error)
{
	RosterStore *store;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(GPtrArray) assignments = NULL;
	gint64 only = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!require_role(principal, FALSE, error) || !require_open(self, error))
		return NULL;
	if (roster_principal_get_role(principal) == ROSTER_ROLE_VOLUNTEER) {
		only = roster_principal_get_volunteer_id(principal);
		if (only <= 0) {
			g_set_error_literal(error,
					    ROSTER_ERROR,
					    ROSTER_ERROR_PERMISSION_DENIED,
					    "rosters: the account is linked to no volunteer");
			return NULL;
		}
	}
	store = roster_engine_get_store(self);
	roster = roster_store_get_roster(store, id, error);
	if (roster == NULL || !ensure_score(self, roster, error))
		return NULL;
	assignments = roster_store_list_assignments(store, id, only, error);
	if (assignments == NULL)
		return NULL;
	return roster_to_node(roster, assignments);
}

/* the roster row, its hotline and the solver model of it */
static gboolean
prepare(RosterEngine *self,
	gint64 id,
	gboolean for_solve,
	RosterStoreRoster **roster_out,
	RosterHotline **hotline_out,
	RosterHotlineModel **model_out,
	GError **error)
{
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterHotline) hotline = NULL;
	g_autoptr(RosterHotlineModel) model = NULL;

	roster = roster_store_get_roster(roster_engine_get_store(self), id, error);
	if (roster == NULL)
		return FALSE;
	hotline = load_hotline(self, roster, error);
	if (hotline == NULL)
		return FALSE;
	/* a solve needs no (slot, seat class) that nobody needs or holds: a smaller model */
	hotline->only_needed = for_solve;
	model = roster_hotline_model_new(hotline, error);
	if (model == NULL)
		return FALSE;
	*roster_out = g_steal_pointer(&roster);
	*hotline_out = g_steal_pointer(&hotline);
	*model_out = g_steal_pointer(&model);
	return TRUE;
}

/*
 * the score of @roster as it is now: the stored one while no input changed since it
 * was computed, else computed again from the stored assignments (not written back, so
 * that a read changes no revision); a roster the model cannot hold keeps its stored
 * score
 */
static gboolean
ensure_score(RosterEngine *self, RosterStoreRoster *roster, GError **error)
{
	g_autoptr(JsonNode) stored = NULL;
	g_autoptr(RosterStoreRoster) fresh = NULL;
	g_autoptr(RosterHotline) hotline = NULL;
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterSolverRoster) current = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(GError) error_local = NULL;
	gint64 stamp = 0;

	if (!get_inputs_stamp(self, &stamp, error))
		return FALSE;
	stored = roster->score != NULL ? json_from_string(roster->score, NULL) : NULL;
	if (stored != NULL && JSON_NODE_HOLDS_OBJECT(stored) &&
	    json_object_get_int_member_with_default(json_node_get_object(stored),
						    SCORE_INPUTS_STAMP,
						    -1) == stamp)
		return TRUE;
	if (!prepare(self, roster->id, FALSE, &fresh, &hotline, &model, &error_local)) {
		g_debug("scoring roster %" G_GINT64_FORMAT ": %s",
			roster->id,
			error_local->message);
		return TRUE;
	}
	current = roster_hotline_model_from_assignments(model, hotline->current, &error_local);
	if (current == NULL) {
		g_debug("scoring roster %" G_GINT64_FORMAT ": %s",
			roster->id,
			error_local->message);
		return TRUE;
	}
	score = score_node(model, current);
	json_object_set_int_member(json_node_get_object(score), SCORE_INPUTS_STAMP, stamp);
	g_free(roster->score);
	roster->score = json_to_string(score, FALSE);
	return TRUE;
}

static gchar *
dup_score_without_stamp(const gchar *score)
{
	g_autoptr(JsonNode) node = score != NULL ? json_from_string(score, NULL) : NULL;

	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
		return g_strdup(score);
	json_object_remove_member(json_node_get_object(node), SCORE_INPUTS_STAMP);
	return json_to_string(node, FALSE);
}

static gchar *
seat_key(const RosterHotlineAssignment *a, guint seat_no)
{
	return g_strdup_printf("%u|%d|%" G_GINT64_FORMAT "|%u",
			       a->date,
			       a->slot_start,
			       a->seat_class_id,
			       seat_no);
}

static gchar *
person_day_key(gint64 volunteer_id, guint32 date)
{
	return g_strdup_printf("%" G_GINT64_FORMAT "|%u", volunteer_id, date);
}

/* replaces the unpinned assignments by the solver's roster, in one transaction; the
 * audit row's "after" is the score, with the ending of the job that solved it, if any */
static JsonNode *
write_result(RosterEngine *self,
	     RosterPrincipal *principal,
	     gint64 roster_id,
	     const RosterHotlineModel *model,
	     const RosterSolverRoster *solved,
	     JsonNode *job_node,
	     guint *n_written,
	     GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	const RosterHotline *h = model->hotline;
	g_autoptr(GPtrArray) assignments = roster_hotline_model_to_assignments(model, solved);
	g_autoptr(GHashTable) pinned_days =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(GHashTable) seats = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(JsonNode) score = score_node(model, solved);
	g_autoptr(JsonNode) audit_after = json_node_copy(score);
	g_autofree gchar *now = roster_engine_dup_now();
	guint written = 0;

	if (job_node != NULL)
		json_object_set_member(json_node_get_object(audit_after),
				       ROSTER_KEY_JOB,
				       json_node_copy(job_node));
	for (guint i = 0; i < h->pinned->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(h->pinned, i);
		g_hash_table_add(pinned_days, person_day_key(a->volunteer_id, a->date));
		g_hash_table_add(seats, seat_key(a, a->seat_no));
	}
	if (!roster_store_begin(store, error))
		return NULL;
	roster = roster_store_get_roster(store, roster_id, error);
	if (roster == NULL || !roster_store_delete_assignments(store, roster_id, TRUE, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	for (guint i = 0; i < assignments->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		g_autofree gchar *pd = person_day_key(a->volunteer_id, a->date);
		/* from the model's number: trainee places come after the seats */
		guint seat = MAX(a->seat_no, 1);
		if (g_hash_table_contains(pinned_days, pd))
			continue;
		for (;; seat++) {
			g_autofree gchar *key = seat_key(a, seat);
			if (!g_hash_table_contains(seats, key)) {
				g_hash_table_add(seats, g_steal_pointer(&key));
				break;
			}
		}
		a->seat_no = seat;
		a->pinned = FALSE;
		a->source = ROSTER_HOTLINE_SOURCE_SOLVER;
		if (!roster_store_insert_assignment(store, roster_id, a, error)) {
			roster_store_rollback(store);
			return NULL;
		}
		written++;
	}
	g_free(roster->score);
	roster->score = dup_stored_score(self, score, error);
	g_free(roster->state);
	roster->state = g_strdup(ROSTER_STATE_DRAFT);
	if (roster->score == NULL || !roster_store_update_roster(store, roster, now, error) ||
	    !add_audit(self,
		       principal,
		       "solve",
		       ROSTER_COLLECTION_ROSTERS,
		       roster_id,
		       NULL,
		       audit_after,
		       error) ||
	    !roster_store_commit(store, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	if (n_written != NULL)
		*n_written = written;
	return g_steal_pointer(&score);
}

/* the nice value of the solver's threads: a solve uses every core it may, and the
 * daemon's answers to people come first */
#define SOLVE_THREAD_NICE 10

static void
lower_thread_priority(gpointer user_data)
{
	/* a thread's nice value is per thread on Linux; where it is not allowed (a
	 * sandbox) the solve runs at the normal priority */
	if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), SOLVE_THREAD_NICE) != 0)
		g_debug("cannot lower the priority of a solver thread: %s", g_strerror(errno));
}

static void
init_options(RosterSolverOptions *options,
	     const RosterHotlineModel *model,
	     gdouble time_limit,
	     guint32 seed)
{
	roster_solver_options_init(options);
	options->time_limit = time_limit;
	options->seed = seed;
	options->n_threads = CLAMP(g_get_num_processors(), 1, 2);
	options->initial = model->initial;
	options->thread_setup = lower_thread_priority;
}

/**
 * roster_engine_solve_roster:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @time_limit: seconds
 * @seed: the search's seed
 * @error: (nullable): return location for a #GError
 *
 * Solves in the calling thread and writes the best roster found.
 *
 * Returns: (transfer full): the score, or %NULL with @error set
 */
JsonNode *
roster_engine_solve_roster(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 id,
			   gdouble time_limit,
			   guint32 seed,
			   GError **error)
{
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterHotline) hotline = NULL;
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterSolverResult) result = NULL;
	RosterSolverOptions options;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!require_role(principal, TRUE, error) || !require_open(self, error))
		return NULL;
	if (roster_engine_is_solving(self, id)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_CONFLICT,
				    "rosters: a solve of this roster is running");
		return NULL;
	}
	if (!prepare(self, id, TRUE, &roster, &hotline, &model, error))
		return NULL;
	init_options(&options, model, time_limit, seed);
	result = roster_solver_solve(model->solver, &options, error);
	if (result == NULL) {
		roster_error_convert(error);
		return NULL;
	}
	return write_result(self, principal, id, model, result->roster, NULL, NULL, error);
}

/* whether (@violations, @objective) comes before the job's best: fewer hard
 * violations first, then a lower objective */
static gboolean
job_is_better(RosterJob *job, guint violations, gint64 objective)
{
	if (!job->has_best)
		return TRUE;
	if (violations != job->best_violations)
		return violations < job->best_violations;
	return objective < job->best_objective;
}

static void
job_progress_cb(const RosterSolverProgress *progress, gpointer user_data)
{
	RosterJob *job = user_data;
	g_autoptr(RosterSolverRoster) copy = NULL;
	guint required = 0;
	guint uncovered = 0;
	guint uncovered_crisis = 0;
	gboolean better;

	g_mutex_lock(&job->lock);
	job->iterations = progress->iterations;
	better = job_is_better(job, progress->n_violations, progress->objective);
	g_mutex_unlock(&job->lock);
	/* the best reported never gets worse: a roster the search prefers for a smaller
	 * hard penalty but with more broken rules is not reported */
	if (!better)
		return;
	/* the model belongs to this worker thread until the job ends */
	if (progress->roster != NULL) {
		roster_hotline_count_uncovered(job->model,
					       progress->roster,
					       &required,
					       &uncovered,
					       &uncovered_crisis);
		copy = roster_solver_roster_copy(progress->roster);
	}
	g_mutex_lock(&job->lock);
	job->has_best = TRUE;
	job->best_objective = progress->objective;
	job->best_violations = progress->n_violations;
	if (progress->roster != NULL) {
		job->best_uncovered = (gint)uncovered;
		job->best_uncovered_crisis = (gint)uncovered_crisis;
		roster_solver_roster_free(job->best_roster);
		job->best_roster = g_steal_pointer(&copy);
	}
	g_mutex_unlock(&job->lock);
}

static void
solve_thread(GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
	RosterJob *job = data;
	RosterSolverOptions options;
	GError *error = NULL;
	RosterSolverResult *result;

	init_options(&options, job->model, job->time_limit, job->seed);
	options.cancel = &job->cancel;
	options.progress = job_progress_cb;
	options.progress_data = job;
	result = roster_solver_solve(job->model->solver, &options, &error);
	if (result == NULL) {
		g_task_return_error(task, error);
		return;
	}
	g_task_return_pointer(task, result, (GDestroyNotify)roster_solver_result_free);
}

/* how a job ended, for the audit row of its write */
static JsonNode *
job_ending_node(RosterJob *job, const gchar *state, gdouble elapsed, const gchar *message)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_JOB_ID);
	json_builder_add_int_value(b, job->id);
	json_builder_set_member_name(b, ROSTER_KEY_STATE);
	json_builder_add_string_value(b, state);
	json_builder_set_member_name(b, ROSTER_KEY_ELAPSED);
	json_builder_add_double_value(b, elapsed);
	json_builder_set_member_name(b, ROSTER_KEY_TIME_LIMIT);
	json_builder_add_double_value(b, job->time_limit);
	json_builder_set_member_name(b, ROSTER_KEY_SEED);
	json_builder_add_int_value(b, job->seed);
	if (message != NULL) {
		json_builder_set_member_name(b, ROSTER_KEY_MESSAGE);
		json_builder_add_string_value(b, message);
	}
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

static void
solve_done_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	RosterEngine *self = ROSTER_ENGINE(source);
	g_autoptr(RosterJob) job = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverResult) result = g_task_propagate_pointer(G_TASK(res), &error);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) ending = NULL;
	g_autofree gchar *message = NULL;
	const gchar *state = ROSTER_JOB_FAILED;
	gint cancel = g_atomic_int_get(&job->cancel);
	gdouble elapsed = (gdouble)(g_get_monotonic_time() - job->start_time) / G_USEC_PER_SEC;
	guint n_written = 0;

	if (result != NULL) {
		const gchar *written_state;
		const RosterSolverRoster *best = result->roster;
		/* the roster written is the best reported, unless the search ended on a
		 * better one in the order (hard violations, objective) */
		if (job->best_roster != NULL &&
		    job_is_better(job, result->n_violations, result->objective)) {
			job->best_objective = result->objective;
			job->best_violations = result->n_violations;
		} else if (job->best_roster != NULL) {
			best = job->best_roster;
		}
		if (cancel == JOB_CANCEL_BY_SHUTDOWN) {
			written_state = ROSTER_JOB_STOPPED;
			message = g_strdup_printf("the daemon stopped after %.1f of %.1f s; the "
						  "best roster so far was written",
						  elapsed,
						  job->time_limit);
		} else if (result->cancelled || cancel != JOB_RUN) {
			written_state = ROSTER_JOB_CANCELLED;
		} else {
			written_state = ROSTER_JOB_DONE;
		}
		ending = job_ending_node(job, written_state, elapsed, message);
		score = write_result(self,
				     job->principal,
				     job->roster_id,
				     job->model,
				     best,
				     ending,
				     &n_written,
				     &error);
		if (score != NULL)
			state = written_state;
	}
	if (error != NULL) {
		g_warning("solving roster %" G_GINT64_FORMAT ": %s%s",
			  job->roster_id,
			  error->message,
			  cancel == JOB_CANCEL_BY_SHUTDOWN ? "; the stopped solve's roster is lost"
							   : "");
		g_clear_pointer(&message, g_free);
	} else if (cancel == JOB_CANCEL_BY_SHUTDOWN) {
		JsonObject *obj = json_node_get_object(score);
		g_message("roster %" G_GINT64_FORMAT ": solve job %" G_GINT64_FORMAT
			  " stopped by the daemon stop after %.1f of %.1f s; wrote its best "
			  "roster: %u assignments, objective %" G_GINT64_FORMAT
			  ", %" G_GINT64_FORMAT " hard violations, %" G_GINT64_FORMAT
			  " seats uncovered",
			  job->roster_id,
			  job->id,
			  elapsed,
			  job->time_limit,
			  n_written,
			  json_object_get_int_member(obj, ROSTER_KEY_OBJECTIVE),
			  json_object_get_int_member(obj, ROSTER_KEY_HARD_VIOLATIONS),
			  json_object_get_int_member(obj, ROSTER_KEY_UNCOVERED));
	}
	g_mutex_lock(&job->lock);
	job->state = state;
	job->elapsed = elapsed;
	if (result != NULL) {
		if (job->best_roster == NULL) {
			job->best_objective = result->objective;
			job->best_violations = result->n_violations;
		}
		/* the written roster's broken rules, each counted once, are never more than
		 * the solver's count of the same roster */
		if (score != NULL)
			job->best_violations =
			    MIN(job->best_violations,
				(guint)json_object_get_int_member(json_node_get_object(score),
								  ROSTER_KEY_HARD_VIOLATIONS));
		job->has_best = TRUE;
		job->iterations = result->iterations;
	}
	job->score = g_steal_pointer(&score);
	job->message = error != NULL ? g_strdup(error->message) : g_steal_pointer(&message);
	g_mutex_unlock(&job->lock);
	/* the model is no longer needed once the roster is written */
	g_clear_pointer(&job->model, roster_hotline_model_free);
	g_clear_pointer(&job->hotline, roster_hotline_free);
}

static JsonNode *
job_to_node(RosterJob *job)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	gboolean running;

	g_mutex_lock(&job->lock);
	running = g_strcmp0(job->state, ROSTER_JOB_RUNNING) == 0;
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_JOB_ID);
	json_builder_add_int_value(b, job->id);
	json_builder_set_member_name(b, ROSTER_KEY_ROSTER_ID);
	json_builder_add_int_value(b, job->roster_id);
	json_builder_set_member_name(b, ROSTER_KEY_STATE);
	json_builder_add_string_value(b, job->state);
	json_builder_set_member_name(b, ROSTER_KEY_ELAPSED);
	json_builder_add_double_value(
	    b,
	    running ? (gdouble)(g_get_monotonic_time() - job->start_time) / G_USEC_PER_SEC
		    : job->elapsed);
	json_builder_set_member_name(b, ROSTER_KEY_TIME_LIMIT);
	json_builder_add_double_value(b, job->time_limit);
	json_builder_set_member_name(b, ROSTER_KEY_SEED);
	json_builder_add_int_value(b, job->seed);
	json_builder_set_member_name(b, ROSTER_KEY_BEST_SCORE);
	if (job->has_best)
		json_builder_add_int_value(b, job->best_objective);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_HARD_VIOLATIONS);
	if (job->has_best)
		json_builder_add_int_value(b, job->best_violations);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_ITERATIONS);
	json_builder_add_int_value(b, (gint64)job->iterations);
	/* live while the job runs, from the final score once it is written */
	json_builder_set_member_name(b, ROSTER_KEY_UNCOVERED);
	if (job->score != NULL)
		json_builder_add_int_value(
		    b,
		    json_object_get_int_member(json_node_get_object(job->score),
					       ROSTER_KEY_UNCOVERED));
	else if (job->best_uncovered >= 0)
		json_builder_add_int_value(b, job->best_uncovered);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_UNCOVERED_CRISIS);
	if (job->score != NULL)
		json_builder_add_int_value(
		    b,
		    json_object_get_int_member(json_node_get_object(job->score),
					       ROSTER_KEY_UNCOVERED_CRISIS));
	else if (job->best_uncovered_crisis >= 0)
		json_builder_add_int_value(b, job->best_uncovered_crisis);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_SCORE);
	if (job->score != NULL)
		json_builder_add_value(b, json_node_copy(job->score));
	else
		json_builder_add_null_value(b);
	if (job->message != NULL) {
		json_builder_set_member_name(b, ROSTER_KEY_MESSAGE);
		json_builder_add_string_value(b, job->message);
	}
	json_builder_end_object(b);
	g_mutex_unlock(&job->lock);
	return json_builder_get_root(b);
}

/**
 * roster_engine_start_solve:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @body: (nullable): {"time_limit"?: seconds, "seed"?: integer}
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the job, or %NULL with @error set
 */
JsonNode *
roster_engine_start_solve(RosterEngine *self,
			  RosterPrincipal *principal,
			  gint64 id,
			  JsonNode *body,
			  GError **error)
{
	static gint64 next_job_id = 0;
	JsonObject *obj = NULL;
	gdouble time_limit = DEFAULT_SOLVE_S;
	gint64 seed = 1;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterJob) job = NULL;
	g_autoptr(GTask) task = NULL;
	guint n_running;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!require_role(principal, TRUE, error) || !require_open(self, error))
		return NULL;
	if (body != NULL && !JSON_NODE_HOLDS_NULL(body)) {
		JsonNode *limit;
		obj = body_object(body, error);
		if (obj == NULL)
			return NULL;
		limit = json_object_get_member(obj, ROSTER_KEY_TIME_LIMIT);
		if (limit != NULL) {
			if (!JSON_NODE_HOLDS_VALUE(limit) ||
			    (json_node_get_value_type(limit) != G_TYPE_INT64 &&
			     json_node_get_value_type(limit) != G_TYPE_DOUBLE)) {
				invalid(error, "time_limit: must be a number of seconds");
				return NULL;
			}
			time_limit = json_node_get_double(limit);
			if (time_limit <= 0 || time_limit > MAX_SOLVE_S) {
				invalid(error, "time_limit: must be more than 0 and at most 600");
				return NULL;
			}
		}
		seed = get_int(obj, ROSTER_KEY_SEED, 1);
		if (json_object_has_member(obj, ROSTER_KEY_SEED) &&
		    (!is_int_member(obj, ROSTER_KEY_SEED) || seed < 0 || seed > G_MAXUINT32)) {
			invalid(error, "seed: must be an integer from 0 to 4294967295");
			return NULL;
		}
	}
	if (get_solves(self)->stopping) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_BUSY,
				    "rosters: the daemon is stopping");
		return NULL;
	}
	if (roster_engine_is_solving(self, id)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_CONFLICT,
				    "rosters: a solve of this roster is running");
		return NULL;
	}
	n_running = roster_engine_get_n_solves(self);
	if (n_running >= roster_engine_get_max_solves(self)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_TOO_MANY_REQUESTS,
			    "rosters: %u solves are running, as many as may run at once; try again "
			    "when one has ended",
			    n_running);
		return NULL;
	}
	job = g_atomic_rc_box_new0(RosterJob);
	g_mutex_init(&job->lock);
	if (!prepare(self, id, TRUE, &roster, &job->hotline, &job->model, error))
		return NULL;
	job->id = ++next_job_id;
	job->roster_id = id;
	job->state = ROSTER_JOB_RUNNING;
	job->time_limit = time_limit;
	job->seed = (guint32)seed;
	job->best_uncovered = -1;
	job->best_uncovered_crisis = -1;
	job->start_time = g_get_monotonic_time();
	job->principal = roster_principal_ref(principal);
	g_hash_table_replace(get_jobs(self), g_memdup2(&id, sizeof(id)), job_ref(job));
	task = g_task_new(self, NULL, solve_done_cb, job_ref(job));
	g_task_set_source_tag(task, roster_engine_start_solve);
	g_task_set_task_data(task, job_ref(job), (GDestroyNotify)job_unref);
	g_task_run_in_thread(task, solve_thread);
	return job_to_node(job);
}

/**
 * roster_engine_get_solve:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the roster's last job; none is ROSTER_ERROR_NOT_FOUND
 */
JsonNode *
roster_engine_get_solve(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error)
{
	RosterJob *job;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!require_staff(principal, error))
		return NULL;
	job = lookup_job(self, id);
	if (job == NULL) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "rosters: no solve of roster %" G_GINT64_FORMAT,
			    id);
		return NULL;
	}
	return job_to_node(job);
}

/**
 * roster_engine_cancel_solve:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Asks the running job to stop; the best roster so far is written when it has.
 *
 * Returns: (transfer full): the job
 */
JsonNode *
roster_engine_cancel_solve(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 id,
			   GError **error)
{
	RosterJob *job;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!require_role(principal, TRUE, error))
		return NULL;
	job = lookup_job(self, id);
	if (job == NULL) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "rosters: no solve of roster %" G_GINT64_FORMAT,
			    id);
		return NULL;
	}
	g_atomic_int_compare_and_exchange(&job->cancel, JOB_RUN, JOB_CANCEL_BY_CALLER);
	return job_to_node(job);
}

/* the rules an edit may break, and whether "override" accepts them */
static const struct {
	const gchar *rule;
	gboolean overridable;
} edit_rules[] = {
    {"not-eligible", TRUE},
    {"unavailable", TRUE},
    {"min-rest", TRUE},
    {"max-shifts-month", TRUE},
    {"max-hours-month", TRUE},
    {"max-hours-week", TRUE},
    {"max-nights-month", TRUE},
    {"max-consecutive-days", TRUE},
    {"trainee-alone", TRUE},
    {"pinned", TRUE},
    /* the roster holds one shift per person and operational day */
    {"one-shift-per-day", FALSE},
};

/**
 * roster_engine_is_rule_refusal:
 * @error: (nullable): the error of an edit
 * @overridable: (out) (optional): whether "override" would accept the edit
 *
 * Returns: whether @error refuses an edit for a hard rule
 */
gboolean
roster_engine_is_rule_refusal(const GError *error, gboolean *overridable)
{
	const gchar *colon;

	if (error == NULL || !g_error_matches(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA))
		return FALSE;
	colon = strchr(error->message, ':');
	if (colon == NULL)
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(edit_rules); i++) {
		if (strlen(edit_rules[i].rule) == (gsize)(colon - error->message) &&
		    strncmp(error->message, edit_rules[i].rule, colon - error->message) == 0) {
			if (overridable != NULL)
				*overridable = edit_rules[i].overridable;
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * roster_engine_check_seatable:
 * @self: an engine
 * @volunteers: volunteers as JSON objects
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): an array of warnings, one per active volunteer who fits
 *   no seat class, or %NULL with @error set
 */
JsonNode *
roster_engine_check_seatable(RosterEngine *self, JsonArray *volunteers, GError **error)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(1, 1);
	g_autoptr(JsonBuilder) b = json_builder_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!require_open(self, error) || !roster_engine_load_hotline_seats(self, h, error))
		return NULL;
	json_builder_begin_array(b);
	for (guint i = 0; i < json_array_get_length(volunteers); i++) {
		JsonObject *obj = json_array_get_object_element(volunteers, i);
		RosterHotlineVolunteer *v;
		g_auto(GStrv) modes = NULL;
		g_auto(GStrv) reasons = NULL;
		g_autofree gchar *joined = NULL;
		g_autofree gchar *message = NULL;
		if (obj == NULL ||
		    !json_object_get_boolean_member_with_default(obj, ROSTER_KEY_ACTIVE, TRUE))
			continue;
		v = roster_hotline_add_volunteer(h,
						 get_int(obj, ROSTER_KEY_ID, 0),
						 string_member(obj, ROSTER_KEY_NAME));
		v->tier = (RosterHotlineTier)MAX(
		    0,
		    roster_hotline_tier_from_string(string_member(obj, ROSTER_KEY_TIER)));
		g_strfreev(v->skills);
		v->skills = dup_strv_member(obj, ROSTER_KEY_SKILLS);
		modes = dup_strv_member(obj, ROSTER_KEY_MODES);
		v->on_site = g_strv_contains((const gchar *const *)modes, ROSTER_MODE_ON_SITE);
		v->cloud = g_strv_contains((const gchar *const *)modes, ROSTER_MODE_CLOUD);
		reasons = roster_hotline_dup_unfit_reasons(v, h->seat_classes);
		if (reasons == NULL)
			continue;
		joined = g_strjoinv(", ", reasons);
		message = g_strdup_printf("%s can sit in no seat: no seat class fits their %s",
					  v->name,
					  joined);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_CODE);
		json_builder_add_string_value(b, "unseatable-volunteer");
		if (v->id > 0) {
			json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
			json_builder_add_int_value(b, v->id);
		}
		json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER);
		json_builder_add_string_value(b, v->name);
		json_builder_set_member_name(b, ROSTER_KEY_REASONS);
		json_builder_begin_array(b);
		for (guint k = 0; reasons[k] != NULL; k++)
			json_builder_add_string_value(b, reasons[k]);
		json_builder_end_array(b);
		json_builder_set_member_name(b, ROSTER_KEY_MESSAGE);
		json_builder_add_string_value(b, message);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	return json_builder_get_root(b);
}

/* an edit: the roster at the caller's revision with its model, no solve running */
typedef struct {
	RosterStoreRoster *roster;
	RosterHotline *hotline;
	RosterHotlineModel *model;
	RosterSolverRoster *before;
} Edit;

static void
edit_clear(Edit *edit)
{
	roster_solver_roster_free(edit->before);
	roster_hotline_model_free(edit->model);
	roster_hotline_free(edit->hotline);
	roster_store_roster_free(edit->roster);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Edit, edit_clear)

static gboolean
begin_edit(RosterEngine *self,
	   RosterPrincipal *principal,
	   gint64 roster_id,
	   gint64 revision,
	   Edit *edit,
	   GError **error)
{
	if (!require_role(principal, TRUE, error) || !require_open(self, error))
		return FALSE;
	if (revision <= 0)
		return invalid(error, "revision: required, the roster revision that was read");
	if (roster_engine_is_solving(self, roster_id)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_CONFLICT,
				    "rosters: a solve of this roster is running");
		return FALSE;
	}
	if (!prepare(self, roster_id, FALSE, &edit->roster, &edit->hotline, &edit->model, error))
		return FALSE;
	if (edit->roster->revision != revision) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_CONFLICT,
			    "rosters: record %" G_GINT64_FORMAT
			    " was changed by someone else (revision %" G_GINT64_FORMAT
			    " is not current)",
			    roster_id,
			    revision);
		return FALSE;
	}
	edit->before =
	    roster_hotline_model_from_assignments(edit->model, edit->hotline->current, error);
	return edit->before != NULL;
}

/* writes the roster's new revision and the audit row, then commits */
static gboolean
finish_edit(RosterEngine *self,
	    RosterPrincipal *principal,
	    Edit *edit,
	    const gchar *action,
	    gint64 record_id,
	    JsonNode *before,
	    JsonNode *after,
	    GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autofree gchar *now = roster_engine_dup_now();
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(RosterSolverRoster) after_roster = NULL;
	g_autoptr(JsonNode) score = NULL;

	/* the score of the roster as the edit leaves it, inside the edit's transaction */
	assignments = roster_store_list_assignments(store, edit->roster->id, 0, error);
	if (assignments != NULL)
		after_roster =
		    roster_hotline_model_from_assignments(edit->model, assignments, error);
	if (after_roster == NULL) {
		roster_store_rollback(store);
		return FALSE;
	}
	score = score_node(edit->model, after_roster);
	g_free(edit->roster->score);
	edit->roster->score = dup_stored_score(self, score, error);
	if (edit->roster->score == NULL) {
		roster_store_rollback(store);
		return FALSE;
	}
	g_free(edit->roster->state);
	edit->roster->state = g_strdup(ROSTER_STATE_DRAFT);
	if (!roster_store_update_roster(store, edit->roster, now, error) ||
	    !add_audit(self,
		       principal,
		       action,
		       ROSTER_COLLECTION_ASSIGNMENTS,
		       record_id,
		       before,
		       after,
		       error) ||
	    !roster_store_commit(store, error)) {
		roster_store_rollback(store);
		return FALSE;
	}
	return TRUE;
}

/* the problems that a change of (person, day) cells brings, as one refusal */
static gboolean
check_change(const Edit *edit,
	     const RosterSolverRoster *after,
	     const guint *people,
	     const guint *days,
	     guint n,
	     GError **error)
{
	g_autoptr(GPtrArray) before_problems =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_hotline_problem_free);
	g_autoptr(GPtrArray) after_problems =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_hotline_problem_free);
	g_autoptr(GPtrArray) fresh = NULL;
	g_autoptr(GString) message = NULL;

	for (guint i = 0; i < n; i++) {
		g_autoptr(GPtrArray) b =
		    roster_hotline_check_day(edit->model, edit->before, people[i], days[i]);
		g_autoptr(GPtrArray) a =
		    roster_hotline_check_day(edit->model, after, people[i], days[i]);
		g_ptr_array_extend_and_steal(before_problems, g_steal_pointer(&b));
		g_ptr_array_extend_and_steal(after_problems, g_steal_pointer(&a));
	}
	fresh = roster_hotline_new_problems(before_problems, after_problems);
	if (fresh->len == 0)
		return TRUE;
	message = g_string_new(NULL);
	for (guint i = 0; i < fresh->len; i++) {
		RosterHotlineProblem *p = g_ptr_array_index(fresh, i);
		g_string_append_printf(message, "%s%s: %s", i > 0 ? "; " : "", p->rule, p->text);
	}
	g_set_error_literal(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA, message->str);
	return FALSE;
}

/* reads date, slot, seat class and volunteer of @obj into @a, each optional */
static gboolean
read_placement(const Edit *edit, JsonObject *obj, RosterHotlineAssignment *a, GError **error)
{
	const RosterHotline *h = edit->hotline;
	JsonNode *node;

	if (json_object_has_member(obj, ROSTER_KEY_DATE)) {
		guint32 date = roster_store_date_from_string(string_member(obj, ROSTER_KEY_DATE));
		if (date == 0 || date < h->first_day || date >= h->first_day + h->n_days)
			return invalid(error,
				       "date: must be a date YYYY-MM-DD in the roster's period");
		a->date = date;
	}
	if (json_object_has_member(obj, ROSTER_KEY_SLOT)) {
		gint start = -1;
		if (!parse_time(string_member(obj, ROSTER_KEY_SLOT), &start) ||
		    roster_hotline_model_find_slot(edit->model, start) < 0)
			return invalid(error, "slot: must be the start HH:MM of a slot");
		a->slot_start = start;
	}
	if (json_object_has_member(obj, ROSTER_KEY_SEAT_CLASS_ID)) {
		a->seat_class_id = get_int(obj, ROSTER_KEY_SEAT_CLASS_ID, 0);
		if (roster_hotline_model_find_class(edit->model, a->seat_class_id) < 0)
			return invalid(error, "seat_class_id: no such seat class");
	}
	if (json_object_has_member(obj, ROSTER_KEY_VOLUNTEER_ID)) {
		a->volunteer_id = get_int(obj, ROSTER_KEY_VOLUNTEER_ID, 0);
		if (roster_hotline_model_find_person(edit->model, a->volunteer_id) < 0)
			return invalid(error, "volunteer_id: no such volunteer");
	}
	if (json_object_has_member(obj, ROSTER_KEY_SEAT_NO)) {
		gint64 seat = get_int(obj, ROSTER_KEY_SEAT_NO, 0);
		if (seat < 1 || seat > 1000)
			return invalid(error, "seat_no: must be an integer from 1 to 1000");
		a->seat_no = (guint)seat;
	}
	node = json_object_get_member(obj, ROSTER_KEY_PINNED);
	if (node != NULL) {
		if (!JSON_NODE_HOLDS_VALUE(node) ||
		    json_node_get_value_type(node) != G_TYPE_BOOLEAN)
			return invalid(error, "pinned: must be true or false");
		a->pinned = json_node_get_boolean(node);
	}
	return TRUE;
}

static gboolean
read_override(JsonObject *obj, gboolean *override, GError **error)
{
	JsonNode *node = json_object_get_member(obj, ROSTER_KEY_OVERRIDE);
	*override = FALSE;
	if (node == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_BOOLEAN)
		return invalid(error, "override: must be true or false");
	*override = json_node_get_boolean(node);
	return TRUE;
}

/* the first seat number of the cell nobody else holds */
static guint
free_seat(const Edit *edit, const RosterHotlineAssignment *a)
{
	guint seat = 1;
	gboolean taken = TRUE;
	while (taken) {
		taken = FALSE;
		for (guint i = 0; i < edit->hotline->current->len; i++) {
			const RosterHotlineAssignment *b =
			    g_ptr_array_index(edit->hotline->current, i);
			taken |= b->id != a->id && b->date == a->date &&
				 b->slot_start == a->slot_start &&
				 b->seat_class_id == a->seat_class_id && b->seat_no == seat;
		}
		if (taken)
			seat++;
	}
	return seat;
}

/* places @a in a copy of the roster: FALSE when its volunteer already works that day */
static RosterSolverRoster *
place_in(const Edit *edit,
	 const RosterSolverRoster *base,
	 const RosterHotlineAssignment *a,
	 guint *person,
	 guint *day,
	 GError **error)
{
	g_autoptr(RosterSolverRoster) after = roster_solver_roster_copy(base);
	gint p = roster_hotline_model_find_person(edit->model, a->volunteer_id);
	gint slot = roster_hotline_model_find_slot(edit->model, a->slot_start);
	gint c = roster_hotline_model_find_class(edit->model, a->seat_class_id);
	guint d = a->date - edit->hotline->first_day;

	if (roster_solver_roster_get(after, (guint)p, d) >= 0) {
		const RosterHotlineVolunteer *v =
		    roster_hotline_model_get_volunteer(edit->model, (guint)p);
		g_autofree gchar *date = roster_store_date_to_string(a->date);
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "one-shift-per-day: %s already works on the operational day %s",
			    v->name,
			    date);
		return NULL;
	}
	roster_solver_roster_set(after,
				 (guint)p,
				 d,
				 roster_hotline_model_seat_type(edit->model,
								(guint)p,
								d,
								(guint)slot,
								(guint)c,
								a->seat_no));
	*person = (guint)p;
	*day = d;
	return g_steal_pointer(&after);
}

static JsonNode *
edit_answer(RosterHotlineAssignment *a, gint64 roster_revision)
{
	JsonNode *node = assignment_to_node(a);
	/* the revision of an edit's answer is the roster's, for the next edit */
	json_object_set_int_member(json_node_get_object(node),
				   ROSTER_KEY_REVISION,
				   roster_revision);
	return node;
}

/* writes @a (a new row when @old is %NULL, else over @old), audits the edit and
 * commits it with the roster's new revision */
static JsonNode *
write_assignment(RosterEngine *self,
		 RosterPrincipal *principal,
		 Edit *edit,
		 const RosterHotlineAssignment *old,
		 RosterHotlineAssignment *a,
		 const gchar *action,
		 GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(JsonNode) before_node = NULL;
	g_autoptr(JsonNode) after_node = NULL;
	gboolean written;

	if (!roster_store_begin(store, error))
		return NULL;
	written = old == NULL ? roster_store_insert_assignment(store, edit->roster->id, a, error)
			      : roster_store_update_assignment(store, edit->roster->id, a, error);
	if (!written) {
		roster_store_rollback(store);
		return NULL;
	}
	if (old != NULL)
		before_node = assignment_to_node(old);
	after_node = assignment_to_node(a);
	if (!finish_edit(self, principal, edit, action, a->id, before_node, after_node, error))
		return NULL;
	return edit_answer(a, edit->roster->revision);
}

/**
 * roster_engine_assign:
 * @self: an engine
 * @principal: the caller
 * @roster_id: the roster
 * @body: the assignment with the roster revision read
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the assignment with the roster's new revision
 */
JsonNode *
roster_engine_assign(RosterEngine *self,
		     RosterPrincipal *principal,
		     gint64 roster_id,
		     JsonNode *body,
		     GError **error)
{
	g_auto(Edit) edit = {0};
	g_autofree RosterHotlineAssignment *a = roster_hotline_assignment_new();
	g_autoptr(RosterSolverRoster) after = NULL;
	JsonObject *obj;
	gboolean override = FALSE;
	guint person = 0;
	guint day = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	obj = body_object(body, error);
	if (obj == NULL)
		return NULL;
	if (!begin_edit(self,
			principal,
			roster_id,
			get_int(obj, ROSTER_KEY_REVISION, 0),
			&edit,
			error))
		return NULL;
	for (guint i = 0; i < 4; i++) {
		const gchar *required[] = {ROSTER_KEY_DATE,
					   ROSTER_KEY_SLOT,
					   ROSTER_KEY_SEAT_CLASS_ID,
					   ROSTER_KEY_VOLUNTEER_ID};
		if (!json_object_has_member(obj, required[i])) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "%s: required",
				    required[i]);
			return NULL;
		}
	}
	if (!read_placement(&edit, obj, a, error) || !read_override(obj, &override, error))
		return NULL;
	a->source = override ? ROSTER_HOTLINE_SOURCE_OVERRIDE : ROSTER_HOTLINE_SOURCE_MANUAL;
	if (a->seat_no == 0)
		a->seat_no = free_seat(&edit, a);
	after = place_in(&edit, edit.before, a, &person, &day, error);
	if (after == NULL)
		return NULL;
	if (!override && !check_change(&edit, after, &person, &day, 1, error))
		return NULL;
	return write_assignment(self,
				principal,
				&edit,
				NULL,
				a,
				override ? "override" : ROSTER_ACTION_CREATE,
				error);
}

/**
 * roster_engine_update_assignment:
 * @self: an engine
 * @principal: the caller
 * @roster_id: the roster
 * @assignment_id: the assignment
 * @body: the members to change with the roster revision read
 * @error: (nullable): return location for a #GError
 *
 * Moves (another date, slot, seat class, seat or volunteer), pins or unpins.
 *
 * Returns: (transfer full): the assignment with the roster's new revision
 */
JsonNode *
roster_engine_update_assignment(RosterEngine *self,
				RosterPrincipal *principal,
				gint64 roster_id,
				gint64 assignment_id,
				JsonNode *body,
				GError **error)
{
	g_auto(Edit) edit = {0};
	g_autofree RosterHotlineAssignment *old = NULL;
	g_autofree RosterHotlineAssignment *a = NULL;
	JsonObject *obj;
	gboolean override = FALSE;
	gboolean moved;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	obj = body_object(body, error);
	if (obj == NULL)
		return NULL;
	if (!begin_edit(self,
			principal,
			roster_id,
			get_int(obj, ROSTER_KEY_REVISION, 0),
			&edit,
			error))
		return NULL;
	old = roster_store_get_assignment(roster_engine_get_store(self),
					  roster_id,
					  assignment_id,
					  error);
	if (old == NULL)
		return NULL;
	a = roster_hotline_assignment_copy(old);
	if (!read_placement(&edit, obj, a, error) || !read_override(obj, &override, error))
		return NULL;
	moved = a->date != old->date || a->slot_start != old->slot_start ||
		a->seat_class_id != old->seat_class_id || a->volunteer_id != old->volunteer_id;
	if (moved && old->pinned && a->pinned && !override) {
		invalid(error, "pinned: the assignment is pinned; unpin it first");
		return NULL;
	}
	if (moved) {
		g_autoptr(RosterSolverRoster) without = roster_solver_roster_copy(edit.before);
		g_autoptr(RosterSolverRoster) after = NULL;
		gint p_old = roster_hotline_model_find_person(edit.model, old->volunteer_id);
		guint people[2];
		guint days[2];
		if (p_old >= 0 && old->date >= edit.hotline->first_day &&
		    old->date < edit.hotline->first_day + edit.hotline->n_days) {
			roster_solver_roster_set(without,
						 (guint)p_old,
						 old->date - edit.hotline->first_day,
						 ROSTER_SOLVER_OFF);
		}
		after = place_in(&edit, without, a, &people[0], &days[0], error);
		if (after == NULL)
			return NULL;
		people[1] = (guint)MAX(p_old, 0);
		days[1] = old->date - edit.hotline->first_day;
		if (!override && !check_change(&edit, after, people, days, 2, error))
			return NULL;
		if (!json_object_has_member(obj, ROSTER_KEY_SEAT_NO))
			a->seat_no = free_seat(&edit, a);
		a->source = override ? ROSTER_HOTLINE_SOURCE_OVERRIDE
				     : ROSTER_HOTLINE_SOURCE_MANUAL;
	}
	return write_assignment(self,
				principal,
				&edit,
				old,
				a,
				override ? "override" : ROSTER_ACTION_UPDATE,
				error);
}

/* the two assignment ids of a swap: {"assignments": [A, B]}, distinct */
static gboolean
read_swap_ids(JsonObject *obj, gint64 *first, gint64 *second, GError **error)
{
	JsonNode *node = json_object_get_member(obj, ROSTER_KEY_ASSIGNMENTS);
	JsonArray *ids;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node) ||
	    json_array_get_length(json_node_get_array(node)) != 2)
		return invalid(error, "assignments: must be the ids of two assignments");
	ids = json_node_get_array(node);
	for (guint i = 0; i < 2; i++) {
		JsonNode *id = json_array_get_element(ids, i);
		if (!JSON_NODE_HOLDS_VALUE(id) || json_node_get_value_type(id) != G_TYPE_INT64 ||
		    json_node_get_int(id) <= 0)
			return invalid(error, "assignments: must be the ids of two assignments");
	}
	*first = json_array_get_int_element(ids, 0);
	*second = json_array_get_int_element(ids, 1);
	if (*first == *second)
		return invalid(error, "assignments: must be two different assignments");
	return TRUE;
}

/* the roster without the volunteer of @a on its day, when that day is in the period */
static void
clear_cell(const Edit *edit, RosterSolverRoster *roster, const RosterHotlineAssignment *a)
{
	gint p = roster_hotline_model_find_person(edit->model, a->volunteer_id);

	if (p >= 0 && a->date >= edit->hotline->first_day &&
	    a->date < edit->hotline->first_day + edit->hotline->n_days)
		roster_solver_roster_set(roster,
					 (guint)p,
					 a->date - edit->hotline->first_day,
					 ROSTER_SOLVER_OFF);
}

/**
 * roster_engine_swap_assignments:
 * @self: an engine
 * @principal: the caller
 * @roster_id: the roster
 * @body: {"revision", "assignments": [A, B], "override"?}
 * @error: (nullable): return location for a #GError
 *
 * Exchanges the volunteers of two assignments in one transaction: each seat keeps its
 * date, slot, seat class and number and takes the other's volunteer. The hard rules
 * are checked on the result as a whole, so a swap of two people on the same day is
 * not refused for the moment in between; "override" accepts a broken rule and is
 * audited as such. Pinned assignments are not swapped without it.
 *
 * Returns: (transfer full): {"revision": the roster's new revision, "assignments":
 *   [A, B] as they are now}
 */
JsonNode *
roster_engine_swap_assignments(RosterEngine *self,
			       RosterPrincipal *principal,
			       gint64 roster_id,
			       JsonNode *body,
			       GError **error)
{
	g_auto(Edit) edit = {0};
	RosterStore *store;
	g_autofree RosterHotlineAssignment *old_a = NULL;
	g_autofree RosterHotlineAssignment *old_b = NULL;
	g_autofree RosterHotlineAssignment *a = NULL;
	g_autofree RosterHotlineAssignment *b = NULL;
	g_autoptr(RosterSolverRoster) without = NULL;
	g_autoptr(RosterSolverRoster) half = NULL;
	g_autoptr(RosterSolverRoster) after = NULL;
	g_autoptr(JsonNode) before_a = NULL;
	g_autoptr(JsonNode) after_a = NULL;
	g_autoptr(JsonNode) before_b = NULL;
	g_autoptr(JsonNode) after_b = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	const gchar *action;
	JsonObject *obj;
	gboolean override = FALSE;
	gint64 id_a = 0;
	gint64 id_b = 0;
	guint people[4];
	guint days[4];

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	obj = body_object(body, error);
	if (obj == NULL)
		return NULL;
	if (!read_swap_ids(obj, &id_a, &id_b, error) || !read_override(obj, &override, error))
		return NULL;
	if (!begin_edit(self,
			principal,
			roster_id,
			get_int(obj, ROSTER_KEY_REVISION, 0),
			&edit,
			error))
		return NULL;
	store = roster_engine_get_store(self);
	old_a = roster_store_get_assignment(store, roster_id, id_a, error);
	if (old_a == NULL)
		return NULL;
	old_b = roster_store_get_assignment(store, roster_id, id_b, error);
	if (old_b == NULL)
		return NULL;
	if (old_a->volunteer_id == old_b->volunteer_id) {
		invalid(error, "assignments: both have the same volunteer");
		return NULL;
	}
	if ((old_a->pinned || old_b->pinned) && !override) {
		invalid(error, "pinned: an assignment of the swap is pinned; unpin it first");
		return NULL;
	}
	a = roster_hotline_assignment_copy(old_a);
	b = roster_hotline_assignment_copy(old_b);
	a->volunteer_id = old_b->volunteer_id;
	b->volunteer_id = old_a->volunteer_id;
	a->source = b->source = override ? ROSTER_HOTLINE_SOURCE_OVERRIDE
					 : ROSTER_HOTLINE_SOURCE_MANUAL;

	/* both people leave their shifts, then each takes the other's */
	without = roster_solver_roster_copy(edit.before);
	clear_cell(&edit, without, old_a);
	clear_cell(&edit, without, old_b);
	half = place_in(&edit, without, a, &people[0], &days[0], error);
	if (half == NULL)
		return NULL;
	after = place_in(&edit, half, b, &people[1], &days[1], error);
	if (after == NULL)
		return NULL;
	people[2] = people[1];
	days[2] = days[0];
	people[3] = people[0];
	days[3] = days[1];
	if (!override && !check_change(&edit, after, people, days, 4, error))
		return NULL;

	action = override ? "override" : ROSTER_ACTION_UPDATE;
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_update_assignment(store, roster_id, a, error) ||
	    !roster_store_update_assignment(store, roster_id, b, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	before_a = assignment_to_node(old_a);
	after_a = assignment_to_node(a);
	before_b = assignment_to_node(old_b);
	after_b = assignment_to_node(b);
	if (!add_audit(self,
		       principal,
		       action,
		       ROSTER_COLLECTION_ASSIGNMENTS,
		       a->id,
		       before_a,
		       after_a,
		       error)) {
		roster_store_rollback(store);
		return NULL;
	}
	if (!finish_edit(self, principal, &edit, action, b->id, before_b, after_b, error))
		return NULL;
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, edit.roster->revision);
	json_builder_set_member_name(builder, ROSTER_KEY_ASSIGNMENTS);
	json_builder_begin_array(builder);
	json_builder_add_value(builder, g_steal_pointer(&after_a));
	json_builder_add_value(builder, g_steal_pointer(&after_b));
	json_builder_end_array(builder);
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

/**
 * roster_engine_unassign:
 * @self: an engine
 * @principal: the caller
 * @roster_id: the roster
 * @assignment_id: the assignment
 * @revision: the roster revision read
 * @override: remove even when a hard rule breaks (a trainee left alone) or it is pinned
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"revision": the roster's new revision}
 */
JsonNode *
roster_engine_unassign(RosterEngine *self,
		       RosterPrincipal *principal,
		       gint64 roster_id,
		       gint64 assignment_id,
		       gint64 revision,
		       gboolean override,
		       GError **error)
{
	g_auto(Edit) edit = {0};
	g_autofree RosterHotlineAssignment *old = NULL;
	g_autoptr(JsonNode) before_node = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	gint p;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!begin_edit(self, principal, roster_id, revision, &edit, error))
		return NULL;
	old = roster_store_get_assignment(roster_engine_get_store(self),
					  roster_id,
					  assignment_id,
					  error);
	if (old == NULL)
		return NULL;
	if (old->pinned && !override) {
		invalid(error, "pinned: the assignment is pinned; unpin it first");
		return NULL;
	}
	p = roster_hotline_model_find_person(edit.model, old->volunteer_id);
	if (p >= 0 && !override) {
		g_autoptr(RosterSolverRoster) after = roster_solver_roster_copy(edit.before);
		guint person = (guint)p;
		guint day = old->date - edit.hotline->first_day;
		roster_solver_roster_set(after, person, day, ROSTER_SOLVER_OFF);
		if (!check_change(&edit, after, &person, &day, 1, error))
			return NULL;
	}
	if (!roster_store_begin(roster_engine_get_store(self), error))
		return NULL;
	if (!roster_store_delete_assignment(roster_engine_get_store(self),
					    roster_id,
					    assignment_id,
					    error)) {
		roster_store_rollback(roster_engine_get_store(self));
		return NULL;
	}
	before_node = assignment_to_node(old);
	if (!finish_edit(self,
			 principal,
			 &edit,
			 override ? "override" : ROSTER_ACTION_DELETE,
			 assignment_id,
			 before_node,
			 NULL,
			 error))
		return NULL;
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_REVISION);
	json_builder_add_int_value(b, edit.roster->revision);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/* the model and the current roster, for reading */
static gboolean
load_current(RosterEngine *self,
	     RosterPrincipal *principal,
	     gint64 id,
	     gboolean write,
	     Edit *edit,
	     GError **error)
{
	if (!require_role(principal, write, error) || !require_open(self, error))
		return FALSE;
	if (roster_principal_get_role(principal) == ROSTER_ROLE_VOLUNTEER)
		return require_role(principal, TRUE, error);
	if (!prepare(self, id, FALSE, &edit->roster, &edit->hotline, &edit->model, error))
		return FALSE;
	edit->before =
	    roster_hotline_model_from_assignments(edit->model, edit->hotline->current, error);
	return edit->before != NULL;
}

/**
 * roster_engine_explain_roster:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): every uncovered seat and broken rule with a stable code,
 * the date, slot and seat class, its reason in data and an English sentence
 */
JsonNode *
roster_engine_explain_roster(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     GError **error)
{
	g_auto(Edit) edit = {0};

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!load_current(self, principal, id, FALSE, &edit, error))
		return NULL;
	return roster_hotline_explain(edit.model, edit.before);
}

typedef struct {
	guint person;
	gint64 hard;
	gint64 soft;
	GPtrArray *problems;
} Candidate;

static gint
candidate_compare(gconstpointer a, gconstpointer b)
{
	const Candidate *x = a;
	const Candidate *y = b;
	if ((x->problems->len > 0) != (y->problems->len > 0))
		return x->problems->len > 0 ? 1 : -1;
	if (x->hard != y->hard)
		return x->hard < y->hard ? -1 : 1;
	if (x->soft != y->soft)
		return x->soft < y->soft ? -1 : 1;
	return (gint)x->person - (gint)y->person;
}

/**
 * roster_engine_suggest:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @date: the date YYYY-MM-DD of the seat
 * @slot: its slot start HH:MM
 * @seat_class: its seat class, by id or code
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the eligible volunteers free that day, those who break no
 * hard rule first, then by the change of the roster's score
 */
JsonNode *
roster_engine_suggest(RosterEngine *self,
		      RosterPrincipal *principal,
		      gint64 id,
		      const gchar *date,
		      const gchar *slot,
		      const gchar *seat_class,
		      GError **error)
{
	g_auto(Edit) edit = {0};
	g_autoptr(GArray) candidates = g_array_new(FALSE, TRUE, sizeof(Candidate));
	g_autoptr(RosterSearchState) state = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	guint32 julian = roster_store_date_from_string(date);
	gint start = -1;
	gint k;
	gint c = -1;
	guint day;
	gint16 value;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!load_current(self, principal, id, FALSE, &edit, error))
		return NULL;
	if (julian < edit.hotline->first_day ||
	    julian >= edit.hotline->first_day + edit.hotline->n_days) {
		invalid(error, "date: must be a date YYYY-MM-DD in the roster's period");
		return NULL;
	}
	k = parse_time(slot, &start) ? roster_hotline_model_find_slot(edit.model, start) : -1;
	if (k < 0) {
		invalid(error, "slot: must be the start HH:MM of a slot");
		return NULL;
	}
	for (guint i = 0; seat_class != NULL && i < edit.model->n_classes; i++) {
		const RosterHotlineSeatClass *sc =
		    roster_hotline_model_get_seat_class(edit.model, i);
		g_autofree gchar *id_text = g_strdup_printf("%" G_GINT64_FORMAT, sc->id);
		if (g_strcmp0(sc->code, seat_class) == 0 || g_strcmp0(id_text, seat_class) == 0)
			c = (gint)i;
	}
	if (c < 0) {
		invalid(error, "seat_class: no such seat class");
		return NULL;
	}
	day = julian - edit.hotline->first_day;
	value = (gint16)roster_hotline_model_shift_type(edit.model, (guint)k, (guint)c);
	state = roster_search_state_new(edit.model->solver, edit.before->cells);
	for (guint p = 0; p < edit.before->n_people; p++) {
		g_autoptr(RosterSolverRoster) after = NULL;
		RosterMove move = {1, {p, 0}, day, day, {&value, NULL}};
		RosterCost delta;
		Candidate cand = {0};
		if (!roster_hotline_model_is_eligible(edit.model, p, (guint)c) ||
		    roster_solver_roster_get(edit.before, p, day) >= 0)
			continue;
		after = roster_solver_roster_copy(edit.before);
		roster_solver_roster_set(after, p, day, value);
		delta = roster_search_state_delta(state, &move);
		cand.person = p;
		cand.hard = delta.hard;
		cand.soft = delta.soft;
		cand.problems = roster_hotline_check_day(edit.model, after, p, day);
		g_array_append_val(candidates, cand);
	}
	g_array_sort(candidates, candidate_compare);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ITEMS);
	json_builder_begin_array(b);
	for (guint i = 0; i < candidates->len; i++) {
		Candidate *cand = &g_array_index(candidates, Candidate, i);
		const RosterHotlineVolunteer *v =
		    roster_hotline_model_get_volunteer(edit.model, cand->person);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
		json_builder_add_int_value(b, v->id);
		json_builder_set_member_name(b, ROSTER_KEY_NAME);
		json_builder_add_string_value(b, v->name);
		json_builder_set_member_name(b, ROSTER_KEY_TIER);
		json_builder_add_string_value(b, roster_hotline_tier_to_string(v->tier));
		json_builder_set_member_name(b, ROSTER_KEY_COST);
		json_builder_add_int_value(b, cand->soft);
		json_builder_set_member_name(b, ROSTER_KEY_VIOLATIONS);
		json_builder_begin_array(b);
		for (guint j = 0; j < cand->problems->len; j++) {
			RosterHotlineProblem *pr = g_ptr_array_index(cand->problems, j);
			json_builder_add_string_value(b, pr->rule);
		}
		json_builder_end_array(b);
		json_builder_end_object(b);
		g_ptr_array_unref(cand->problems);
	}
	json_builder_end_array(b);
	json_builder_set_member_name(b, ROSTER_KEY_TOTAL);
	json_builder_add_int_value(b, candidates->len);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/**
 * roster_engine_publish_roster:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @revision: the roster revision read
 * @error: (nullable): return location for a #GError
 *
 * Copies the assignments into the next immutable version.
 *
 * Returns: (transfer full): the roster, now published
 */
JsonNode *
roster_engine_publish_roster(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     gint64 revision,
			     GError **error)
{
	RosterStore *store;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(JsonNode) copy = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *version_score = NULL;
	g_autoptr(JsonNode) result = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!require_role(principal, TRUE, error) || !require_open(self, error))
		return NULL;
	if (roster_engine_is_solving(self, id)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_CONFLICT,
				    "rosters: a solve of this roster is running");
		return NULL;
	}
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	roster = roster_store_get_roster(store, id, error);
	if (roster != NULL && roster->revision != revision) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_CONFLICT,
			    "rosters: record %" G_GINT64_FORMAT
			    " was changed by someone else (revision %" G_GINT64_FORMAT
			    " is not current)",
			    id,
			    revision);
		g_clear_pointer(&roster, roster_store_roster_free);
	}
	/* the version keeps the score of the roster as it is published */
	if (roster != NULL && ensure_score(self, roster, error))
		assignments = roster_store_list_assignments(store, id, 0, error);
	if (assignments == NULL) {
		roster_store_rollback(store);
		return NULL;
	}
	copy = assignments_to_node(assignments);
	text = json_to_string(copy, FALSE);
	version_score = dup_score_without_stamp(roster->score);
	roster->n_versions++;
	g_free(roster->state);
	roster->state = g_strdup(ROSTER_STATE_PUBLISHED);
	if (!roster_store_insert_version(store,
					 id,
					 roster->n_versions,
					 now,
					 roster_principal_get_username(principal),
					 version_score,
					 text,
					 error) ||
	    !roster_store_update_roster(store, roster, now, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	result = roster_to_node(roster, NULL);
	if (!audit_and_commit(self,
			      principal,
			      "publish",
			      ROSTER_COLLECTION_ROSTERS,
			      id,
			      NULL,
			      result,
			      error))
		return NULL;
	return g_steal_pointer(&result);
}

/**
 * roster_engine_list_versions:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [{number, created, actor, score}], "total": N}
 */
JsonNode *
roster_engine_list_versions(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    GError **error)
{
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(JsonNode) items = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	guint n;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!require_staff(principal, error) || !require_open(self, error))
		return NULL;
	roster = roster_store_get_roster(roster_engine_get_store(self), id, error);
	if (roster == NULL)
		return NULL;
	items = roster_store_list_versions(roster_engine_get_store(self), id, error);
	if (items == NULL)
		return NULL;
	n = json_array_get_length(json_node_get_array(items));
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ITEMS);
	json_builder_add_value(b, g_steal_pointer(&items));
	json_builder_set_member_name(b, ROSTER_KEY_TOTAL);
	json_builder_add_int_value(b, n);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

static GPtrArray *
version_assignments(RosterEngine *self, gint64 id, gint64 number, GError **error)
{
	g_autofree gchar *text = NULL;
	if (number == 0)
		return roster_store_list_assignments(roster_engine_get_store(self), id, 0, error);
	text =
	    roster_store_dup_version_assignments(roster_engine_get_store(self), id, number, error);
	if (text == NULL)
		return NULL;
	return assignments_from_text(text, error);
}

static gchar *
shift_key(const RosterHotlineAssignment *a)
{
	return g_strdup_printf("%" G_GINT64_FORMAT "|%u|%d|%" G_GINT64_FORMAT,
			       a->volunteer_id,
			       a->date,
			       a->slot_start,
			       a->seat_class_id);
}

static void
add_shift(JsonBuilder *b, const RosterHotlineAssignment *a)
{
	g_autofree gchar *date = roster_store_date_to_string(a->date);
	g_autofree gchar *slot = time_to_string(a->slot_start);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_DATE);
	json_builder_add_string_value(b, date);
	json_builder_set_member_name(b, ROSTER_KEY_SLOT);
	json_builder_add_string_value(b, slot);
	json_builder_set_member_name(b, ROSTER_KEY_SEAT_CLASS_ID);
	json_builder_add_int_value(b, a->seat_class_id);
	json_builder_end_object(b);
}

/* the shifts of @a whose key @b lacks, per volunteer */
static void
collect_missing(GPtrArray *a, GHashTable *b_keys, GHashTable *per_volunteer, guint which)
{
	for (guint i = 0; i < a->len; i++) {
		RosterHotlineAssignment *x = g_ptr_array_index(a, i);
		g_autofree gchar *key = shift_key(x);
		GPtrArray **lists;
		if (g_hash_table_contains(b_keys, key))
			continue;
		lists = g_hash_table_lookup(per_volunteer, &x->volunteer_id);
		if (lists == NULL) {
			lists = g_new0(GPtrArray *, 2);
			lists[0] = g_ptr_array_new();
			lists[1] = g_ptr_array_new();
			g_hash_table_insert(per_volunteer,
					    g_memdup2(&x->volunteer_id, sizeof(gint64)),
					    lists);
		}
		g_ptr_array_add(lists[which], x);
	}
}

static void
lists_free(gpointer data)
{
	GPtrArray **lists = data;
	g_ptr_array_unref(lists[0]);
	g_ptr_array_unref(lists[1]);
	g_free(lists);
}

static GHashTable *
key_set(GPtrArray *assignments)
{
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < assignments->len; i++)
		g_hash_table_add(set, shift_key(g_ptr_array_index(assignments, i)));
	return set;
}

static void
collect_key_cb(gpointer key, gpointer value, gpointer user_data)
{
	g_ptr_array_add(user_data, key);
}

static gint
compare_int64(gconstpointer a, gconstpointer b)
{
	gint64 x = **(gint64 **)a;
	gint64 y = **(gint64 **)b;
	return x < y ? -1 : x > y;
}

/**
 * roster_engine_diff_versions:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @from: a version number, or 0 for the draft
 * @to: a version number, or 0 for the draft
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"from", "to", "items": [{volunteer_id, added, removed}],
 * "total"}
 */
JsonNode *
roster_engine_diff_versions(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    gint64 from,
			    gint64 to,
			    GError **error)
{
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(GPtrArray) a = NULL;
	g_autoptr(GPtrArray) b_list = NULL;
	g_autoptr(GHashTable) a_keys = NULL;
	g_autoptr(GHashTable) b_keys = NULL;
	g_autoptr(GHashTable) per_volunteer =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, lists_free);
	g_autoptr(GPtrArray) ids = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!require_staff(principal, error) || !require_open(self, error))
		return NULL;
	if (from < 0 || to < 0) {
		invalid(error, "from: version numbers are 0 (the draft) or more");
		return NULL;
	}
	roster = roster_store_get_roster(roster_engine_get_store(self), id, error);
	if (roster == NULL)
		return NULL;
	a = version_assignments(self, id, from, error);
	if (a == NULL)
		return NULL;
	b_list = version_assignments(self, id, to, error);
	if (b_list == NULL)
		return NULL;
	a_keys = key_set(a);
	b_keys = key_set(b_list);
	collect_missing(b_list, a_keys, per_volunteer, 0);
	collect_missing(a, b_keys, per_volunteer, 1);
	ids = g_ptr_array_new();
	g_hash_table_foreach(per_volunteer, collect_key_cb, ids);
	g_ptr_array_sort(ids, compare_int64);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_FROM);
	json_builder_add_int_value(b, from);
	json_builder_set_member_name(b, ROSTER_KEY_TO);
	json_builder_add_int_value(b, to);
	json_builder_set_member_name(b, ROSTER_KEY_ITEMS);
	json_builder_begin_array(b);
	for (guint i = 0; i < ids->len; i++) {
		gint64 *vid = g_ptr_array_index(ids, i);
		GPtrArray **lists = g_hash_table_lookup(per_volunteer, vid);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
		json_builder_add_int_value(b, *vid);
		for (guint w = 0; w < 2; w++) {
			json_builder_set_member_name(b,
						     w == 0 ? ROSTER_KEY_ADDED
							    : ROSTER_KEY_REMOVED);
			json_builder_begin_array(b);
			for (guint j = 0; j < lists[w]->len; j++)
				add_shift(b, g_ptr_array_index(lists[w], j));
			json_builder_end_array(b);
		}
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_set_member_name(b, ROSTER_KEY_TOTAL);
	json_builder_add_int_value(b, ids->len);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}
