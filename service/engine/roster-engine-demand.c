/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-hotline-model.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-store-rosters.h"

/*
 * The seats the line needs on given dates, resolved by the hotline model exactly as a
 * solve resolves them (clock-time windows, dated rules, calendar overrides), so that
 * the app's preview shows what the solver will be asked for instead of repeating the
 * rules itself.
 */

/* the longest preview: two months */
#define DEMAND_MAX_DAYS 62

/**
 * roster_engine_report_demand:
 * @self: an engine
 * @principal: managers, coordinators and admins
 * @from: the first operational day, `YYYY-MM-DD`
 * @n_days: how many days, 1 to 62
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"from", "days", "slot_minutes", "slots": ["HH:MM", …],
 *   "seat_classes": [{"id", "code"}], "seats": [[[n per seat class] per slot] per day]}
 *
 * Since: 0.2
 **/
JsonNode *
roster_engine_report_demand(RosterEngine *self,
			    RosterPrincipal *principal,
			    const gchar *from,
			    guint n_days,
			    GError **error)
{
	g_autoptr(RosterHotline) h = NULL;
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	guint32 first = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_STAFF,
					    "reports",
					    "only managers, coordinators and admins read reports",
					    error))
		return NULL;
	if (!roster_datetime_parse_date(from, &first)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_PARAM_FROM,
				       "must be a date YYYY-MM-DD");
		return NULL;
	}
	if (n_days < 1 || n_days > DEMAND_MAX_DAYS) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "days",
				       "must be 1 to %u",
				       (guint)DEMAND_MAX_DAYS);
		return NULL;
	}
	if (!roster_engine_ensure_open(self, error))
		return NULL;
	h = roster_engine_new_hotline(self, first, n_days, error);
	if (h == NULL)
		return NULL;
	model = roster_hotline_model_new(h, error);
	if (model == NULL)
		return NULL;

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_PARAM_FROM);
	json_builder_add_string_value(b, from);
	json_builder_set_member_name(b, "days");
	json_builder_add_int_value(b, n_days);
	json_builder_set_member_name(b, ROSTER_KEY_SLOT_MINUTES);
	json_builder_add_int_value(b, h->slot_minutes);
	json_builder_set_member_name(b, "slots");
	json_builder_begin_array(b);
	for (guint k = 0; k < model->n_slots; k++) {
		gint start = roster_hotline_model_slot_start(model, k);
		g_autofree gchar *text = roster_datetime_format_time(start);
		json_builder_add_string_value(b, text);
	}
	json_builder_end_array(b);
	json_builder_set_member_name(b, ROSTER_KEY_SEAT_CLASSES);
	json_builder_begin_array(b);
	for (guint c = 0; c < model->n_classes; c++) {
		const RosterHotlineSeatClass *sc = g_ptr_array_index(h->seat_classes, c);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_ID);
		json_builder_add_int_value(b, sc->id);
		json_builder_set_member_name(b, ROSTER_KEY_CODE);
		json_builder_add_string_value(b, sc->code);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_set_member_name(b, "seats");
	json_builder_begin_array(b);
	for (guint d = 0; d < n_days; d++) {
		json_builder_begin_array(b);
		for (guint k = 0; k < model->n_slots; k++) {
			json_builder_begin_array(b);
			for (guint c = 0; c < model->n_classes; c++)
				json_builder_add_int_value(
				    b,
				    roster_hotline_model_get_requirement(model, d, k, c));
			json_builder_end_array(b);
		}
		json_builder_end_array(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}
