/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* too few volunteers: every slot and night still covered as far as it goes, seat class minimums and
 * a stable re-solve */

#include "config.h"

#include "roster-rosters-test-common.h"

/* shortage: the slot index (0 is 08:00, 5 to 7 are the nights 23:00-08:00) */
#define N_SLOTS 8

#define FIRST_NIGHT_SLOT 5

#define SHORTAGE_SOLVE_S 4.0

static guint
slot_index(JsonObject *a)
{
	gint m = minutes_of(json_object_get_string_member(a, ROSTER_KEY_SLOT));
	return (guint)(((m - 480 + 1440) % 1440) / 180);
}

/* filled seats per (day, slot) of one seat class (0 for every class) */
static void
count_cover(JsonArray *items, gint64 seat, gint64 skip_volunteer, guint counts[7][N_SLOTS])
{
	memset(counts, 0, sizeof(guint) * 7 * N_SLOTS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		if (seat != 0 && json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID) != seat)
			continue;
		if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) == skip_volunteer)
			continue;
		counts[day_of(json_object_get_string_member(a, ROSTER_KEY_DATE))][slot_index(a)]++;
	}
}

static gint64
add_short_volunteers(Fixture *f, guint n, guint max_shifts, gint64 *ids)
{
	for (guint i = 0; i < n; i++) {
		g_autofree gchar *number = g_strdup_printf("S%02u", i);
		g_autofree gchar *extra = g_strdup_printf("\"max_shifts_month\":%u", max_shifts);
		ids[i] = add_volunteer(f, number, "counsellor", extra);
	}
	return ids[0];
}

/*
 * 20 volunteers of 6 shifts for 4 cloud seats 24/7 (120 shifts for 224 seats): every
 * slot keeps a seat, the nights get as many seats as the days (within a fifth), and
 * every volunteer works nights (none has a limit against them), the most and the
 * fewest nights at most 2 apart
 */
static void
test_shortage_every_slot_and_nights(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "cloud", "cloud", "counsellor", FALSE);
	gint64 ids[20];
	guint counts[7][N_SLOTS];
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(GHashTable) nights = g_hash_table_new(g_int64_hash, g_int64_equal);
	JsonArray *items;
	guint night_seats = 0;
	guint day_seats = 0;
	guint fewest = G_MAXUINT;
	guint most = 0;
	gint64 id;

	add_rule(f, seat, "08:00", "08:00", 4);
	add_short_volunteers(f, G_N_ELEMENTS(ids), 6, ids);
	for (guint i = 0; i < G_N_ELEMENTS(ids); i++)
		g_hash_table_insert(nights, &ids[i], GUINT_TO_POINTER(0));
	id = add_roster(f, NULL);
	score = roster_engine_solve_roster(f->engine, f->admin, id, SHORTAGE_SOLVE_S, 1, &error);
	g_assert_no_error(error);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	roster = get_roster(f, id);
	items = assignments_of(roster);
	g_assert_cmpuint(json_array_get_length(items), ==, 120);
	count_cover(items, 0, 0, counts);
	for (guint d = 0; d < 7; d++) {
		for (guint k = 0; k < N_SLOTS; k++) {
			g_assert_cmpuint(counts[d][k], >=, 1);
			if (k >= FIRST_NIGHT_SLOT)
				night_seats += counts[d][k];
			else
				day_seats += counts[d][k];
		}
	}
	/* seats per slot: nights (3 slots a day) against days (5 slots a day) */
	g_assert_cmpfloat((gdouble)night_seats / 3, >=, 0.8 * day_seats / 5);
	g_assert_cmpfloat((gdouble)night_seats / 3, <=, 1.2 * day_seats / 5);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		gint64 *key = NULL;
		gpointer n = NULL;
		if (slot_index(a) < FIRST_NIGHT_SLOT)
			continue;
		g_assert_true(g_hash_table_lookup_extended(nights, &v, (gpointer *)&key, &n));
		g_hash_table_insert(nights, key, GUINT_TO_POINTER(GPOINTER_TO_UINT(n) + 1));
	}
	for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
		guint n = GPOINTER_TO_UINT(g_hash_table_lookup(nights, &ids[i]));
		fewest = MIN(fewest, n);
		most = MAX(most, n);
	}
	g_assert_cmpuint(fewest, >=, 1);
	g_assert_cmpuint(most - fewest, <=, 2);
}

/*
 * min_seats of a seat class: class A keeps 2 of its 3 seats in every slot before
 * class B (min_seats 0) gets any; the field is stored, and out of range is refused
 */
static void
test_shortage_seat_class_minimum(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) bad =
	    roster_test_json_printf("{\"code\":\"bad\",\"name\":\"bad\",\"mode\":\"cloud\","
				    "\"min_tier\":\"counsellor\",\"min_seats\":201}");
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) read = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	gint64 a =
	    create(f,
		   ROSTER_COLLECTION_SEAT_CLASSES,
		   roster_test_json_printf("{\"code\":\"a\",\"name\":\"A\",\"mode\":\"cloud\","
					   "\"min_tier\":\"counsellor\",\"min_seats\":2}"));
	gint64 b =
	    create(f,
		   ROSTER_COLLECTION_SEAT_CLASSES,
		   roster_test_json_printf("{\"code\":\"b\",\"name\":\"B\",\"mode\":\"cloud\","
					   "\"min_tier\":\"counsellor\",\"min_seats\":0}"));
	gint64 plain = add_seat(f, "plain", "cloud", "counsellor", FALSE);
	gint64 ids[20];
	guint counts[7][N_SLOTS];
	gint64 id;

	read = roster_engine_get(f->engine, f->admin, ROSTER_COLLECTION_SEAT_CLASSES, 0, a, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(read), ROSTER_KEY_MIN_SEATS), ==, 2);
	g_clear_pointer(&read, json_node_unref);
	read = roster_engine_get(f->engine,
				 f->admin,
				 ROSTER_COLLECTION_SEAT_CLASSES,
				 0,
				 plain,
				 &error);
	g_assert_no_error(error);
	g_assert_true(json_object_get_null_member(obj(read), ROSTER_KEY_MIN_SEATS));
	refused = roster_engine_create(f->engine,
				       f->admin,
				       ROSTER_COLLECTION_SEAT_CLASSES,
				       0,
				       bad,
				       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(refused);
	g_clear_error(&error);
	list = roster_engine_list(f->engine,
				  f->admin,
				  ROSTER_COLLECTION_SEAT_CLASSES,
				  0,
				  NULL,
				  &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(list), ROSTER_KEY_TOTAL), ==, 3);

	add_rule(f, a, "08:00", "08:00", 3);
	add_rule(f, b, "08:00", "08:00", 3);
	add_short_volunteers(f, G_N_ELEMENTS(ids), 6, ids);
	id = add_roster(f, NULL);
	score = roster_engine_solve_roster(f->engine, f->admin, id, SHORTAGE_SOLVE_S, 1, &error);
	g_assert_no_error(error);
	roster = get_roster(f, id);
	count_cover(assignments_of(roster), a, 0, counts);
	for (guint d = 0; d < 7; d++) {
		for (guint k = 0; k < N_SLOTS; k++)
			g_assert_cmpuint(counts[d][k], >=, 2);
	}
}

/* the value of @key of every assignment of volunteer @v as "date slot seat" strings */
static GHashTable *
shifts_of(JsonArray *items, gint64 v)
{
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) != v)
			continue;
		g_hash_table_add(
		    set,
		    g_strdup_printf("%s %s",
				    json_object_get_string_member(a, ROSTER_KEY_DATE),
				    json_object_get_string_member(a, ROSTER_KEY_SLOT)));
	}
	return set;
}

static gboolean
same_shifts(GHashTable *x, GHashTable *y)
{
	GHashTableIter iter;
	gpointer key;
	if (g_hash_table_size(x) != g_hash_table_size(y))
		return FALSE;
	g_hash_table_iter_init(&iter, x);
	while (g_hash_table_iter_next(&iter, &key, NULL)) {
		if (!g_hash_table_contains(y, key))
			return FALSE;
	}
	return TRUE;
}

/* filled seats, and slots left without any seat, of per-(day, slot) counts */
static void
cover_figures(guint counts[7][N_SLOTS], guint *filled, guint *dark)
{
	*filled = 0;
	*dark = 0;
	for (guint d = 0; d < 7; d++) {
		for (guint k = 0; k < N_SLOTS; k++) {
			*filled += counts[d][k];
			*dark += counts[d][k] == 0 ? 1 : 0;
		}
	}
}

/*
 * one volunteer of a short-staffed line drops out (made inactive) and the draft is
 * solved again: another volunteer's shifts change only where that regains a seat:
 * putting any one changed volunteer's shifts back as they were leaves fewer seats
 * filled or a slot without a seat, at most one volunteer changes per seat regained
 * or slot the dropout left without a seat, and no seat is lost
 */
static void
test_shortage_resolve_churn(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "cloud", "cloud", "counsellor", FALSE);
	gint64 ids[12];
	guint before[7][N_SLOTS];
	guint after[7][N_SLOTS];
	guint filled_before;
	guint dark_before;
	guint filled_after;
	guint dark_after;
	guint changed = 0;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) first = NULL;
	g_autoptr(JsonNode) second = NULL;
	g_autoptr(JsonNode) volunteer = NULL;
	g_autoptr(JsonNode) updated = NULL;
	g_autoptr(JsonNode) patch = NULL;
	JsonArray *old_items;
	JsonArray *new_items;
	gint64 dropout;
	gint64 id;

	/* 12 volunteers of 6 shifts for 2 seats 24/7: 72 shifts for 112 seats */
	add_rule(f, seat, "08:00", "08:00", 2);
	add_short_volunteers(f, G_N_ELEMENTS(ids), 6, ids);
	dropout = ids[3];
	id = add_roster(f, NULL);
	score = roster_engine_solve_roster(f->engine, f->admin, id, SHORTAGE_SOLVE_S, 1, &error);
	g_assert_no_error(error);
	first = get_roster(f, id);
	old_items = assignments_of(first);

	volunteer = roster_engine_get(f->engine,
				      f->admin,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      dropout,
				      &error);
	g_assert_no_error(error);
	patch = roster_test_json_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"active\":false}",
	    json_object_get_int_member(obj(volunteer), ROSTER_KEY_REVISION));
	updated = roster_engine_update(f->engine,
				       f->admin,
				       ROSTER_COLLECTION_VOLUNTEERS,
				       0,
				       dropout,
				       patch,
				       &error);
	g_assert_no_error(error);
	g_clear_pointer(&score, json_node_unref);
	score = roster_engine_solve_roster(f->engine, f->admin, id, SHORTAGE_SOLVE_S, 2, &error);
	g_assert_no_error(error);
	second = get_roster(f, id);
	new_items = assignments_of(second);

	count_cover(old_items, 0, dropout, before);
	count_cover(new_items, 0, 0, after);
	cover_figures(before, &filled_before, &dark_before);
	cover_figures(after, &filled_after, &dark_after);
	g_assert_cmpuint(filled_after, >=, filled_before);
	g_assert_cmpuint(dark_after, <=, dark_before);
	for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
		g_autoptr(GHashTable) was = NULL;
		g_autoptr(GHashTable) is = NULL;
		guint reverted[7][N_SLOTS];
		guint filled;
		guint dark;
		if (ids[i] == dropout)
			continue;
		was = shifts_of(old_items, ids[i]);
		is = shifts_of(new_items, ids[i]);
		if (same_shifts(was, is))
			continue;
		changed++;
		/* the volunteer's old shifts instead of the new ones */
		count_cover(new_items, 0, ids[i], reverted);
		for (guint j = 0; j < json_array_get_length(old_items); j++) {
			JsonObject *a = json_array_get_object_element(old_items, j);
			if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) != ids[i])
				continue;
			reverted[day_of(json_object_get_string_member(a, ROSTER_KEY_DATE))]
				[slot_index(a)]++;
		}
		cover_figures(reverted, &filled, &dark);
		g_assert_true(filled < filled_after || dark > dark_after);
	}
	g_test_message("%u of %u others changed; %u slots left without a seat, %u seats "
		       "regained",
		       changed,
		       (guint)G_N_ELEMENTS(ids) - 1,
		       dark_before,
		       filled_after - filled_before);
	/* one volunteer moved or added per slot the dropout left without a seat or per
	 * seat regained, no more */
	g_assert_cmpuint(changed, <=, dark_before + filled_after - filled_before);
}

void
roster_test_add_rosters_shortage(void)
{
	ROSTERS_TEST_ADD("/roster/rosters/shortage/every-slot-and-nights",
			 test_shortage_every_slot_and_nights);
	ROSTERS_TEST_ADD("/roster/rosters/shortage/seat-class-minimum",
			 test_shortage_seat_class_minimum);
	ROSTERS_TEST_ADD("/roster/rosters/shortage/resolve-churn", test_shortage_resolve_churn);
}
