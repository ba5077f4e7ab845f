/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-csv.h"
#include "roster-datetime.h"
#include "roster-engine-hours-private.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-hotline-model.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-store-rosters.h"

/*
 * Seat coverage of a roster: the required seat-slots come from the demand rules
 * resolved by the hotline model (the same resolution the solver sees: dated rules
 * override weekly ones, manned windows), the filled ones from the last published
 * version (or the draft of a roster never published). Each required seat-slot counts
 * once, however many people sit there.
 */

static void
add_share(JsonBuilder *b, const gchar *name, guint64 required, guint64 filled)
{
	json_builder_set_member_name(b, name);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_REQUIRED);
	json_builder_add_int_value(b, (gint64)required);
	json_builder_set_member_name(b, ROSTER_KEY_FILLED);
	json_builder_add_int_value(b, (gint64)filled);
	json_builder_set_member_name(b, ROSTER_KEY_SHARE);
	if (required > 0)
		json_builder_add_double_value(b, (gdouble)filled / (gdouble)required);
	else
		json_builder_add_null_value(b);
	json_builder_end_object(b);
}

/**
 * roster_engine_report_coverage:
 * @self: an engine
 * @principal: managers, coordinators and admins
 * @roster_id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"roster_id", "published", "total": {required, filled, share},
 *   "crisis": {…}, "seat_classes": [{seat_class_id, code, crisis, required, filled, share}]}
 *
 * Since: 0.1
 **/
JsonNode *
roster_engine_report_coverage(RosterEngine *self,
			      RosterPrincipal *principal,
			      gint64 roster_id,
			      GError **error)
{
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterHotline) h = NULL;
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autofree guint *taken = NULL;
	g_autofree guint64 *required = NULL;
	g_autofree guint64 *filled = NULL;
	guint64 crisis_required = 0;
	guint64 crisis_filled = 0;
	guint64 all_required = 0;
	guint64 all_filled = 0;
	gboolean published = FALSE;
	guint32 first = 0;
	guint32 last = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_STAFF,
					    "reports",
					    "only managers, coordinators and admins read reports",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	roster = roster_store_get_roster(roster_engine_get_store(self), roster_id, error);
	if (roster == NULL)
		return NULL;
	roster_datetime_parse_date(roster->period_start, &first);
	roster_datetime_parse_date(roster->period_end, &last);
	h = roster_engine_new_hotline(self, first, last - first + 1, error);
	if (h == NULL)
		return NULL;
	model = roster_hotline_model_new(h, error);
	if (model == NULL)
		return NULL;
	assignments = roster_store_list_published_assignments(roster_engine_get_store(self),
							      roster,
							      &published,
							      error);
	if (assignments == NULL)
		return NULL;
	taken = g_new0(guint, (gsize)h->n_days * model->n_slots * model->n_classes + 1);
	for (guint i = 0; i < assignments->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		gint slot = roster_hotline_model_find_slot(model, a->slot_start);
		gint c = roster_hotline_model_find_class(model, a->seat_class_id);
		/* a trainee place fills no seat */
		if (slot < 0 || c < 0 || a->date < first || a->date > last ||
		    roster_hotline_model_is_trainee_place(model, a))
			continue;
		taken[((gsize)(a->date - first) * model->n_slots + (guint)slot) * model->n_classes +
		      (guint)c]++;
	}
	required = g_new0(guint64, model->n_classes + 1);
	filled = g_new0(guint64, model->n_classes + 1);
	for (guint d = 0; d < h->n_days; d++) {
		for (guint k = 0; k < model->n_slots; k++) {
			for (guint c = 0; c < model->n_classes; c++) {
				guint need = roster_hotline_model_get_requirement(model, d, k, c);
				guint have =
				    taken[((gsize)d * model->n_slots + k) * model->n_classes + c];
				required[c] += need;
				filled[c] += MIN(need, have);
			}
		}
	}
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ROSTER_ID);
	json_builder_add_int_value(b, roster_id);
	json_builder_set_member_name(b, "published");
	json_builder_add_boolean_value(b, published);
	json_builder_set_member_name(b, ROSTER_KEY_SEAT_CLASSES);
	json_builder_begin_array(b);
	for (guint c = 0; c < model->n_classes; c++) {
		const RosterHotlineSeatClass *sc = g_ptr_array_index(h->seat_classes, c);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_SEAT_CLASS_ID);
		json_builder_add_int_value(b, sc->id);
		json_builder_set_member_name(b, ROSTER_KEY_CODE);
		json_builder_add_string_value(b, sc->code);
		json_builder_set_member_name(b, ROSTER_KEY_CRISIS);
		json_builder_add_boolean_value(b, sc->crisis);
		json_builder_set_member_name(b, ROSTER_KEY_REQUIRED);
		json_builder_add_int_value(b, (gint64)required[c]);
		json_builder_set_member_name(b, ROSTER_KEY_FILLED);
		json_builder_add_int_value(b, (gint64)filled[c]);
		json_builder_set_member_name(b, ROSTER_KEY_SHARE);
		if (required[c] > 0)
			json_builder_add_double_value(b, (gdouble)filled[c] / (gdouble)required[c]);
		else
			json_builder_add_null_value(b);
		json_builder_end_object(b);
		all_required += required[c];
		all_filled += filled[c];
		if (sc->crisis) {
			crisis_required += required[c];
			crisis_filled += filled[c];
		}
	}
	json_builder_end_array(b);
	add_share(b, ROSTER_KEY_TOTAL, all_required, all_filled);
	add_share(b, ROSTER_KEY_CRISIS, crisis_required, crisis_filled);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

static gchar *
format_share(JsonObject *o)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];

	if (json_object_get_null_member(o, ROSTER_KEY_SHARE))
		return g_strdup("");
	return g_strdup(g_ascii_formatd(buf,
					sizeof(buf),
					"%.4f",
					json_object_get_double_member(o, ROSTER_KEY_SHARE)));
}

static void
append_coverage_row(GString *out,
		    const gchar *id,
		    const gchar *code,
		    gboolean crisis,
		    JsonObject *o)
{
	g_autofree gchar *required =
	    g_strdup_printf("%" G_GINT64_FORMAT,
			    json_object_get_int_member(o, ROSTER_KEY_REQUIRED));
	g_autofree gchar *filled =
	    g_strdup_printf("%" G_GINT64_FORMAT, json_object_get_int_member(o, ROSTER_KEY_FILLED));
	g_autofree gchar *share = format_share(o);
	const gchar *fields[] = {id, code, crisis ? "1" : "0", required, filled, share};
	/* the seat class code is text a coordinator typed */
	const RosterCsvCell cells[] = {ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_TEXT,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER};

	roster_csv_append_row(out, fields, cells, G_N_ELEMENTS(fields));
}

/**
 * roster_engine_report_coverage_csv:
 * @self: an engine
 * @principal: managers, coordinators and admins
 * @roster_id: the roster
 * @chinese: Chinese headers
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the coverage as CSV, UTF-8 with a BOM: a row per seat class,
 *   then the crisis seats and the total
 *
 * Since: 0.1
 **/
gchar *
roster_engine_report_coverage_csv(RosterEngine *self,
				  RosterPrincipal *principal,
				  gint64 roster_id,
				  gboolean chinese,
				  GError **error)
{
	const gchar *const en[] =
	    {"seat_class_id", "code", "crisis", "required", "filled", "share"};
	const gchar *const zh[] =
	    {"席位类别编号", "代码", "危机专席", "需求席位时段", "已排席位时段", "覆盖率"};
	g_autoptr(JsonNode) report =
	    roster_engine_report_coverage(self, principal, roster_id, error);
	JsonObject *root;
	JsonArray *classes;
	GString *out;

	if (report == NULL)
		return NULL;
	root = json_node_get_object(report);
	out = g_string_new("\xEF\xBB\xBF");
	roster_csv_append_row(out, chinese ? zh : en, NULL, G_N_ELEMENTS(en));
	classes = json_object_get_array_member(root, ROSTER_KEY_SEAT_CLASSES);
	for (guint i = 0; i < json_array_get_length(classes); i++) {
		JsonObject *o = json_array_get_object_element(classes, i);
		g_autofree gchar *id =
		    g_strdup_printf("%" G_GINT64_FORMAT,
				    json_object_get_int_member(o, ROSTER_KEY_SEAT_CLASS_ID));
		append_coverage_row(out,
				    id,
				    json_object_get_string_member(o, ROSTER_KEY_CODE),
				    json_object_get_boolean_member(o, ROSTER_KEY_CRISIS),
				    o);
	}
	append_coverage_row(out,
			    "",
			    chinese ? "危机专席合计" : "crisis",
			    TRUE,
			    json_object_get_object_member(root, ROSTER_KEY_CRISIS));
	append_coverage_row(out,
			    "",
			    chinese ? "合计" : "total",
			    FALSE,
			    json_object_get_object_member(root, ROSTER_KEY_TOTAL));
	return g_string_free(out, FALSE);
}
