/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>

#include "roster-datetime.h"
#include "roster-engine-hours.h"
#include "roster-fuzz-common.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-kind.h"

/*
 * A request's query string, decoded as SoupServer decodes it for the handlers
 * (soup_form_decode), then handed to the engine call of one read-only route, picked
 * by the first byte: the record lists with their filters, offset and limit, the
 * service-record lists and reports with their volunteer, from, to and period, and
 * the hours and honour roll with a date range. Every value also goes through the
 * shared date and time validators.
 */

typedef JsonNode *(*ListFunc)(RosterEngine *engine,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      GError **error);

static const gchar *const collections[] = {
    ROSTER_COLLECTION_CALENDARS,
    ROSTER_COLLECTION_SEAT_CLASSES,
    ROSTER_COLLECTION_DEMAND_RULES,
    ROSTER_COLLECTION_TEAMS,
    ROSTER_COLLECTION_VOLUNTEERS,
    ROSTER_COLLECTION_ACCOUNTS,
    ROSTER_COLLECTION_AUDIT,
};

static const ListFunc lists[] = {
    roster_engine_list_attendance,
    roster_engine_list_service_logs,
    roster_engine_list_training,
    roster_engine_list_ratings,
    roster_engine_list_promotions,
    roster_engine_report_hours,
};

static void
check_result(const gchar *what, JsonNode *result, const GError *error)
{
	if (result == NULL && error == NULL) {
		g_printerr("%s failed without an error\n", what);
		abort();
	}
}

static void
check_values(GHashTable *params)
{
	GHashTableIter iter;
	gpointer value;

	g_hash_table_iter_init(&iter, params);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		gint minutes = -1;
		if (roster_datetime_parse_time(value, &minutes) &&
		    (minutes < 0 || minutes > 24 * 60)) {
			g_printerr("time %s gave %d minutes\n", (const gchar *)value, minutes);
			abort();
		}
		if (roster_datetime_parse_date(value, NULL)) {
			guint year = 0;
			guint month = 0;
			guint day = 0;
			if (sscanf(value, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
			    !g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year)) {
				g_printerr("date %s passed but is no date\n", (const gchar *)value);
				abort();
			}
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	RosterFuzzInput input = {data, size};
	guint8 route = roster_fuzz_input_read_byte(&input);
	g_autofree gchar *query = roster_fuzz_input_dup_field(&input);
	g_autoptr(GHashTable) params = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result = NULL;
	RosterEngine *engine = roster_fuzz_get_engine();
	RosterPrincipal *principal = roster_fuzz_get_principal();
	guint n_routes = G_N_ELEMENTS(collections) + G_N_ELEMENTS(lists) + 2;

	params = soup_form_decode(query != NULL ? query : "");
	check_values(params);
	route %= n_routes;
	if (route < G_N_ELEMENTS(collections)) {
		result =
		    roster_engine_list(engine, principal, collections[route], 0, params, &error);
		check_result(collections[route], result, error);
		return 0;
	}
	route -= G_N_ELEMENTS(collections);
	if (route < G_N_ELEMENTS(lists)) {
		result = lists[route](engine, principal, params, &error);
		check_result("a service-record list", result, error);
		return 0;
	}
	route -= G_N_ELEMENTS(lists);
	if (route == 0) {
		result = roster_engine_get_hours(engine,
						 principal,
						 1,
						 g_hash_table_lookup(params, ROSTER_PARAM_FROM),
						 g_hash_table_lookup(params, ROSTER_PARAM_TO),
						 &error);
		check_result("the hours", result, error);
	} else {
		result =
		    roster_engine_get_honour_roll(engine,
						  principal,
						  g_hash_table_lookup(params, ROSTER_PARAM_FROM),
						  g_hash_table_lookup(params, ROSTER_PARAM_TO),
						  &error);
		check_result("the honour roll", result, error);
	}
	return 0;
}
