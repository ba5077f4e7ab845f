/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "roster-json-keys.h"
#include "roster-volunteer-import.h"

/*
 * Importing volunteers from a CSV file in the app: the file is read here (UTF-8, with
 * or without a BOM, headers in English or Chinese as roster-tool accepts them), each
 * row becomes the body of one POST /volunteers, and every row the daemon refuses is
 * reported with its line number and the translated reason.
 */

struct _RosterVolunteerImport {
	GObject parent_instance;
	GPtrArray *rows;   /* JsonNode */
	GArray *lines;	   /* guint, the line of each row */
	GPtrArray *errors; /* gchar */
};

G_DEFINE_FINAL_TYPE(RosterVolunteerImport, roster_volunteer_import, G_TYPE_OBJECT)

typedef enum { COLUMN_STRING, COLUMN_INT, COLUMN_BOOL, COLUMN_TIER, COLUMN_MODES } ColumnType;

static const struct {
	const gchar *english;
	const gchar *chinese;
	const gchar *key;
	ColumnType type;
} columns[] = {
    {"counsellor_no", "工号", ROSTER_KEY_COUNSELLOR_NO, COLUMN_STRING},
    {"name", "姓名", ROSTER_KEY_NAME, COLUMN_STRING},
    {"tier", "级别", ROSTER_KEY_TIER, COLUMN_TIER},
    {"modes", "坐席方式", ROSTER_KEY_MODES, COLUMN_MODES},
    {"phone", "电话", ROSTER_KEY_PHONE, COLUMN_STRING},
    {"email", "邮箱", ROSTER_KEY_EMAIL, COLUMN_STRING},
    {"active", "在岗", ROSTER_KEY_ACTIVE, COLUMN_BOOL},
    {"max_hours_week", "每周最多小时", ROSTER_KEY_MAX_HOURS_WEEK, COLUMN_INT},
    {"max_hours_month", "每月最多小时", ROSTER_KEY_MAX_HOURS_MONTH, COLUMN_INT},
    {"max_shifts_month", "每月最多班次", ROSTER_KEY_MAX_SHIFTS_MONTH, COLUMN_INT},
    {"min_shifts_month", "每月最少班次", ROSTER_KEY_MIN_SHIFTS_MONTH, COLUMN_INT},
    {"max_consecutive_days", "最多连续天数", ROSTER_KEY_MAX_CONSECUTIVE_DAYS, COLUMN_INT},
    {"max_nights_month", "每月最多夜班", ROSTER_KEY_MAX_NIGHTS_MONTH, COLUMN_INT},
    {"honour_roll_consent", "同意公示", ROSTER_KEY_HONOUR_ROLL_CONSENT, COLUMN_BOOL},
    {"note", "备注", ROSTER_KEY_NOTE, COLUMN_STRING},
};

static void
roster_volunteer_import_finalize(GObject *object)
{
	RosterVolunteerImport *self = ROSTER_VOLUNTEER_IMPORT(object);

	g_ptr_array_unref(self->rows);
	g_array_unref(self->lines);
	g_ptr_array_unref(self->errors);
	G_OBJECT_CLASS(roster_volunteer_import_parent_class)->finalize(object);
}

static void
roster_volunteer_import_class_init(RosterVolunteerImportClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = roster_volunteer_import_finalize;
}

static void
roster_volunteer_import_init(RosterVolunteerImport *self)
{
	self->rows = g_ptr_array_new_with_free_func((GDestroyNotify)json_node_unref);
	self->lines = g_array_new(FALSE, FALSE, sizeof(guint));
	self->errors = g_ptr_array_new_with_free_func(g_free);
}

RosterVolunteerImport *
roster_volunteer_import_new(void)
{
	return g_object_new(ROSTER_TYPE_VOLUNTEER_IMPORT, NULL);
}

static void
add_error(RosterVolunteerImport *self, guint line, const gchar *message)
{
	/* TRANSLATORS: a row error of a CSV import: the line number and the reason */
	g_ptr_array_add(self->errors, g_strdup_printf(_("line %u: %s"), line, message));
}

/* splits CSV text into records of fields; quoted fields may hold commas, quotes and
 * newlines; @record_lines gets the line each record starts on */
static GPtrArray *
split_csv(const gchar *text, gsize length, GArray *record_lines)
{
	GPtrArray *records = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
	GPtrArray *fields = g_ptr_array_new_with_free_func(g_free);
	GString *field = g_string_new(NULL);
	gboolean quoted = FALSE;
	guint line = 1;
	guint record_line = 1;

	for (gsize i = 0; i < length; i++) {
		gchar c = text[i];

		if (quoted) {
			if (c == '"' && i + 1 < length && text[i + 1] == '"') {
				g_string_append_c(field, '"');
				i++;
			} else if (c == '"') {
				quoted = FALSE;
			} else {
				if (c == '\n')
					line++;
				g_string_append_c(field, c);
			}
			continue;
		}
		if (c == '"') {
			quoted = TRUE;
		} else if (c == ',') {
			g_ptr_array_add(fields, g_string_free(field, FALSE));
			field = g_string_new(NULL);
		} else if (c == '\n' || c == '\r') {
			if (c == '\r' && i + 1 < length && text[i + 1] == '\n')
				i++;
			g_ptr_array_add(fields, g_string_free(field, FALSE));
			field = g_string_new(NULL);
			g_ptr_array_add(records, fields);
			g_array_append_val(record_lines, record_line);
			fields = g_ptr_array_new_with_free_func(g_free);
			line++;
			record_line = line;
		} else {
			g_string_append_c(field, c);
		}
	}
	if (field->len > 0 || fields->len > 0) {
		g_ptr_array_add(fields, g_string_free(field, FALSE));
		g_ptr_array_add(records, fields);
		g_array_append_val(record_lines, record_line);
	} else {
		g_string_free(field, TRUE);
		g_ptr_array_unref(fields);
	}
	return records;
}

static gboolean
parse_bool(const gchar *value, gboolean *result)
{
	const gchar *yes[] = {"true", "yes", "1", "是", "在岗", "同意"};
	const gchar *no[] = {"false", "no", "0", "否", "停用", "不同意"};

	for (guint i = 0; i < G_N_ELEMENTS(yes); i++) {
		if (g_ascii_strcasecmp(value, yes[i]) == 0) {
			*result = TRUE;
			return TRUE;
		}
		if (g_ascii_strcasecmp(value, no[i]) == 0) {
			*result = FALSE;
			return TRUE;
		}
	}
	return FALSE;
}

static const gchar *
parse_tier(const gchar *value)
{
	const gchar *tiers[][2] = {{ROSTER_TIER_TRAINEE, "见习"},
				   {ROSTER_TIER_COUNSELLOR, "咨询师"},
				   {ROSTER_TIER_SENIOR, "资深"},
				   {ROSTER_TIER_EXPERT, "专家"}};

	for (guint i = 0; i < G_N_ELEMENTS(tiers); i++) {
		if (g_strcmp0(value, tiers[i][0]) == 0 || g_strcmp0(value, tiers[i][1]) == 0)
			return tiers[i][0];
	}
	return NULL;
}

/* "on-site;cloud" or "坐班、云坐席" */
static gboolean
add_modes(JsonBuilder *builder, const gchar *value)
{
	g_autofree gchar *normalised = g_strdup(value);
	g_auto(GStrv) parts = NULL;
	gchar *separator;

	while ((separator = strstr(normalised, "、")) != NULL) {
		memmove(separator + 1,
			separator + strlen("、"),
			strlen(separator + strlen("、")) + 1);
		*separator = ';';
	}
	parts = g_strsplit(normalised, ";", -1);
	json_builder_begin_array(builder);
	for (guint i = 0; parts[i] != NULL; i++) {
		const gchar *mode = g_strstrip(parts[i]);
		if (mode[0] == '\0')
			continue;
		if (g_strcmp0(mode, ROSTER_MODE_ON_SITE) == 0 || g_strcmp0(mode, "坐班") == 0)
			json_builder_add_string_value(builder, ROSTER_MODE_ON_SITE);
		else if (g_strcmp0(mode, ROSTER_MODE_CLOUD) == 0 || g_strcmp0(mode, "云坐席") == 0)
			json_builder_add_string_value(builder, ROSTER_MODE_CLOUD);
		else {
			json_builder_end_array(builder);
			return FALSE;
		}
	}
	json_builder_end_array(builder);
	return TRUE;
}

/**
 * roster_volunteer_import_parse:
 * @self: a #RosterVolunteerImport
 * @text: the CSV file's contents
 * @length: its length in bytes
 * @error: a #GError
 *
 * Reads the rows; rows with values that cannot be read are left out and reported in
 * roster_volunteer_import_get_errors().
 *
 * Returns: %FALSE when the file itself cannot be used (no header, no name column)
 *
 * Since: 0.1
 */
gboolean
roster_volunteer_import_parse(RosterVolunteerImport *self,
			      const gchar *text,
			      gsize length,
			      GError **error)
{
	g_autoptr(GArray) record_lines = g_array_new(FALSE, FALSE, sizeof(guint));
	g_autoptr(GPtrArray) records = NULL;
	g_autofree gint *column_of = NULL;
	GPtrArray *header;
	gboolean has_name = FALSE;

	g_return_val_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		length -= 3;
	}
	if (!g_utf8_validate(text, (gssize)length, NULL)) {
		g_set_error_literal(error,
				    G_IO_ERROR,
				    G_IO_ERROR_INVALID_DATA,
				    _("The file is not UTF-8 text"));
		return FALSE;
	}
	records = split_csv(text, length, record_lines);
	if (records->len == 0) {
		g_set_error_literal(error,
				    G_IO_ERROR,
				    G_IO_ERROR_INVALID_DATA,
				    _("The file is empty"));
		return FALSE;
	}
	header = g_ptr_array_index(records, 0);
	column_of = g_new0(gint, header->len);
	for (guint c = 0; c < header->len; c++) {
		const gchar *name = g_strstrip((gchar *)g_ptr_array_index(header, c));
		column_of[c] = -1;
		for (guint k = 0; k < G_N_ELEMENTS(columns); k++) {
			if (g_strcmp0(name, columns[k].english) == 0 ||
			    g_strcmp0(name, columns[k].chinese) == 0) {
				column_of[c] = (gint)k;
				has_name |= columns[k].type == COLUMN_STRING &&
					    g_strcmp0(columns[k].key, ROSTER_KEY_NAME) == 0;
			}
		}
		if (column_of[c] < 0 && name[0] != '\0') {
			/* TRANSLATORS: %s is a column heading of the CSV file */
			g_autofree gchar *message =
			    g_strdup_printf(_("unknown column “%s” is ignored"), name);
			add_error(self, 1, message);
		}
	}
	if (!has_name) {
		g_set_error_literal(error,
				    G_IO_ERROR,
				    G_IO_ERROR_INVALID_DATA,
				    _("The file has no name column (name or 姓名)"));
		return FALSE;
	}
	for (guint r = 1; r < records->len; r++) {
		GPtrArray *fields = g_ptr_array_index(records, r);
		guint line = g_array_index(record_lines, guint, r);
		g_autoptr(JsonBuilder) builder = json_builder_new();
		gboolean ok = TRUE;
		gboolean empty = TRUE;

		json_builder_begin_object(builder);
		for (guint c = 0; c < fields->len && c < header->len && ok; c++) {
			const gchar *value = g_strstrip((gchar *)g_ptr_array_index(fields, c));
			gint k = column_of[c];
			g_autofree gchar *message = NULL;

			if (k < 0 || value[0] == '\0')
				continue;
			empty = FALSE;
			json_builder_set_member_name(builder, columns[k].key);
			switch (columns[k].type) {
			case COLUMN_INT: {
				gint64 number = 0;
				if (!g_ascii_string_to_signed(value,
							      10,
							      0,
							      100000,
							      &number,
							      NULL)) {
					/* TRANSLATORS: the first %s is a column, the second its
					 * value */
					message = g_strdup_printf(_("“%s” is not a number: %s"),
								  columns[k].english,
								  value);
					ok = FALSE;
				}
				json_builder_add_int_value(builder, number);
				break;
			}
			case COLUMN_BOOL: {
				gboolean flag = FALSE;
				if (!parse_bool(value, &flag)) {
					message = g_strdup_printf(_("“%s” is not yes or no: %s"),
								  columns[k].english,
								  value);
					ok = FALSE;
				}
				json_builder_add_boolean_value(builder, flag);
				break;
			}
			case COLUMN_TIER:
				if (parse_tier(value) == NULL) {
					message = g_strdup_printf(_("unknown tier: %s"), value);
					ok = FALSE;
				}
				json_builder_add_string_value(
				    builder,
				    parse_tier(value) != NULL ? parse_tier(value) : value);
				break;
			case COLUMN_MODES:
				if (!add_modes(builder, value)) {
					message =
					    g_strdup_printf(_("unknown seat mode in: %s"), value);
					ok = FALSE;
				}
				break;
			case COLUMN_STRING:
			default:
				json_builder_add_string_value(builder, value);
				break;
			}
			if (message != NULL)
				add_error(self, line, message);
		}
		json_builder_end_object(builder);
		if (empty || !ok)
			continue;
		g_ptr_array_add(self->rows, json_builder_get_root(builder));
		g_array_append_val(self->lines, line);
	}
	return TRUE;
}

guint
roster_volunteer_import_get_n_rows(RosterVolunteerImport *self)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self), 0);
	return self->rows->len;
}

/* the body of row @index (borrowed) */
JsonNode *
roster_volunteer_import_get_row(RosterVolunteerImport *self, guint index)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self), NULL);
	g_return_val_if_fail(index < self->rows->len, NULL);
	return g_ptr_array_index(self->rows, index);
}

/* the row errors so far, "line N: reason" (borrowed) */
GPtrArray *
roster_volunteer_import_get_errors(RosterVolunteerImport *self)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self), NULL);
	return self->errors;
}

typedef struct {
	RosterClient *client;
	guint next;
	guint n_created;
} RunData;

static void
run_data_free(RunData *data)
{
	g_object_unref(data->client);
	g_free(data);
}

static void
post_next(GTask *task);

static void
post_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	RosterVolunteerImport *self = g_task_get_source_object(task);
	RunData *data = g_task_get_task_data(task);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
			g_task_return_error(task, g_steal_pointer(&error));
			return;
		}
		add_error(self, g_array_index(self->lines, guint, data->next), error->message);
	} else {
		data->n_created++;
	}
	data->next++;
	post_next(g_steal_pointer(&task));
}

static void
post_next(GTask *task)
{
	RosterVolunteerImport *self = g_task_get_source_object(task);
	RunData *data = g_task_get_task_data(task);

	if (data->next >= self->rows->len) {
		g_task_return_boolean(task, TRUE);
		g_object_unref(task);
		return;
	}
	roster_client_call_async(data->client,
				 "POST",
				 "/" ROSTER_COLLECTION_VOLUNTEERS,
				 g_ptr_array_index(self->rows, data->next),
				 g_task_get_cancellable(task),
				 post_cb,
				 task);
}

/**
 * roster_volunteer_import_run_async:
 * @self: a #RosterVolunteerImport with parsed rows
 * @client: a logged-in client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every row has been sent
 * @user_data: data for @callback
 *
 * Creates the volunteers one row at a time; refused rows join the row errors.
 *
 * Since: 0.1
 */
void
roster_volunteer_import_run_async(RosterVolunteerImport *self,
				  RosterClient *client,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data)
{
	GTask *task;
	RunData *data;

	g_return_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self));
	g_return_if_fail(ROSTER_IS_CLIENT(client));
	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, roster_volunteer_import_run_async);
	data = g_new0(RunData, 1);
	data->client = g_object_ref(client);
	g_task_set_task_data(task, data, (GDestroyNotify)run_data_free);
	post_next(task);
}

gboolean
roster_volunteer_import_run_finish(RosterVolunteerImport *self,
				   GAsyncResult *result,
				   guint *n_created,
				   GError **error)
{
	RunData *data;

	g_return_val_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self), FALSE);
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	data = g_task_get_task_data(G_TASK(result));
	if (n_created != NULL)
		*n_created = data->n_created;
	return g_task_propagate_boolean(G_TASK(result), error);
}
