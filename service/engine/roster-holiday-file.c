/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the parser of the public holiday calendar files (holiday-cn and chinese-days): no
 * I/O, a refusal names the member and its line */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "roster-datetime.h"
#include "roster-error.h"
#include "roster-holiday-file.h"

/* far above a year's notice (about 40 dates) */
#define HOLIDAY_DAYS_MAX 400
#define HOLIDAY_NAME_MAX 40
#define HOLIDAY_FILE_MAX (1024 * 1024)

/**
 * roster_holiday_file_free:
 * @file: (nullable): a parsed file
 *
 * Frees the file.
 *
 * Since: 0.3
 **/
void
roster_holiday_file_free(RosterHolidayFile *file)
{
	if (file == NULL)
		return;
	g_strfreev(file->papers);
	g_ptr_array_unref(file->days);
	g_free(file);
}

/* the line (from 1) of the first @needle in @data, 0 when it is not there */
static guint
line_of(const gchar *data, gsize length, const gchar *needle)
{
	const gchar *at;
	guint line = 1;

	if (needle == NULL || needle[0] == '\0')
		return 0;
	at = g_strstr_len(data, (gssize)length, needle);
	if (at == NULL)
		return 0;
	for (const gchar *p = data; p < at; p++)
		line += *p == '\n';
	return line;
}

/* refuses the file: @field names the member, the message starts with the line of the
 * text @needle (a quoted value or key) when it is found */
G_GNUC_PRINTF(6, 7)
static gboolean
refuse(GError **error,
       const gchar *data,
       gsize length,
       const gchar *needle,
       const gchar *field,
       const gchar *format,
       ...)
{
	va_list args;
	g_autofree gchar *message = NULL;
	guint line = line_of(data, length, needle);

	va_start(args, format);
	message = g_strdup_vprintf(format, args);
	va_end(args);
	if (line > 0)
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       field,
				       "line %u: %s",
				       line,
				       message);
	else
		roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, field, "%s", message);
	return FALSE;
}

static gboolean
node_is_string(JsonNode *node)
{
	return node != NULL && JSON_NODE_HOLDS_VALUE(node) &&
	       json_node_get_value_type(node) == G_TYPE_STRING;
}

/* a holiday's name: 1 to 40 characters */
static gboolean
name_ok(const gchar *name)
{
	glong n = name != NULL ? g_utf8_strlen(name, -1) : 0;
	return n >= 1 && n <= HOLIDAY_NAME_MAX;
}

static gint
compare_days_cb(gconstpointer a, gconstpointer b)
{
	const RosterStoreHoliday *x = *(RosterStoreHoliday *const *)a;
	const RosterStoreHoliday *y = *(RosterStoreHoliday *const *)b;
	return strcmp(x->date, y->date);
}

/* adds one date, refusing one given twice or outside the year: a notice names the
 * dates of its year and, for a New Year's Day that starts in December, the last days
 * of the year before */
static gboolean
add_day(RosterHolidayFile *file,
	const gchar *data,
	gsize length,
	const gchar *field,
	const gchar *date,
	RosterStoreHolidayKind kind,
	const gchar *name,
	GHashTable *seen,
	GError **error)
{
	g_autofree gchar *quoted = g_strdup_printf("\"%s\"", date != NULL ? date : "");
	g_autofree gchar *december = g_strdup_printf("%04d-12-01", file->year - 1);
	g_autofree gchar *last = g_strdup_printf("%04d-12-31", file->year);
	RosterStoreHoliday *day;

	if (!roster_datetime_parse_date(date, NULL)) {
		refuse(error, data, length, quoted, field, "date must be a date YYYY-MM-DD");
		return FALSE;
	}
	if (strcmp(date, december) < 0 || strcmp(date, last) > 0) {
		refuse(error,
		       data,
		       length,
		       quoted,
		       field,
		       "%s is not in %d (or the December before)",
		       date,
		       file->year);
		return FALSE;
	}
	if (!name_ok(name)) {
		refuse(error, data, length, quoted, field, "name must be 1 to 40 characters");
		return FALSE;
	}
	if (g_hash_table_contains(seen, date)) {
		refuse(error, data, length, quoted, field, "%s is given twice", date);
		return FALSE;
	}
	if (file->days->len >= HOLIDAY_DAYS_MAX) {
		refuse(error, data, length, NULL, field, "more than %d dates", HOLIDAY_DAYS_MAX);
		return FALSE;
	}
	day = g_new0(RosterStoreHoliday, 1);
	day->date = g_strdup(date);
	day->kind = kind;
	day->name = g_strdup(name);
	day->year = file->year;
	g_hash_table_add(seen, day->date);
	g_ptr_array_add(file->days, day);
	return TRUE;
}

static gboolean
parse_holiday_cn(RosterHolidayFile *file,
		 JsonObject *root,
		 const gchar *data,
		 gsize length,
		 GHashTable *seen,
		 GError **error)
{
	JsonNode *year = json_object_get_member(root, "year");
	JsonNode *papers = json_object_get_member(root, "papers");
	JsonArray *days = json_object_get_array_member(root, "days");
	g_autoptr(GStrvBuilder) urls = g_strv_builder_new();

	file->format = "holiday-cn";
	if (year == NULL || !JSON_NODE_HOLDS_VALUE(year) ||
	    json_node_get_value_type(year) != G_TYPE_INT64 || json_node_get_int(year) < 1900 ||
	    json_node_get_int(year) > 2200)
		return refuse(error, data, length, "\"year\"", "year", "must be a year");
	if (file->year != 0 && json_node_get_int(year) != file->year)
		return refuse(error,
			      data,
			      length,
			      "\"year\"",
			      "year",
			      "the file is for %" G_GINT64_FORMAT ", not %d",
			      json_node_get_int(year),
			      file->year);
	file->year = (gint)json_node_get_int(year);
	if (papers != NULL && !JSON_NODE_HOLDS_ARRAY(papers))
		return refuse(error,
			      data,
			      length,
			      "\"papers\"",
			      "papers",
			      "must be an array of URLs");
	for (guint i = 0; papers != NULL && i < json_array_get_length(json_node_get_array(papers));
	     i++) {
		JsonNode *url = json_array_get_element(json_node_get_array(papers), i);
		g_autofree gchar *field = g_strdup_printf("papers[%u]", i);
		if (!node_is_string(url) ||
		    (!g_str_has_prefix(json_node_get_string(url), "https://") &&
		     !g_str_has_prefix(json_node_get_string(url), "http://")))
			return refuse(error,
				      data,
				      length,
				      "\"papers\"",
				      field,
				      "must be an http or https URL");
		g_strv_builder_add(urls, json_node_get_string(url));
	}
	file->papers = g_strv_builder_end(urls);
	for (guint i = 0; i < json_array_get_length(days); i++) {
		JsonNode *item = json_array_get_element(days, i);
		JsonObject *obj = JSON_NODE_HOLDS_OBJECT(item) ? json_node_get_object(item) : NULL;
		JsonNode *date = obj != NULL ? json_object_get_member(obj, "date") : NULL;
		JsonNode *name = obj != NULL ? json_object_get_member(obj, "name") : NULL;
		JsonNode *off = obj != NULL ? json_object_get_member(obj, "isOffDay") : NULL;
		g_autofree gchar *field = g_strdup_printf("days[%u]", i);
		g_autofree gchar *quoted =
		    g_strdup_printf("\"%s\"",
				    node_is_string(date) ? json_node_get_string(date) : "");
		if (obj == NULL || !node_is_string(date))
			return refuse(error,
				      data,
				      length,
				      NULL,
				      field,
				      "must be an object with a date, a name and isOffDay");
		if (off == NULL || !JSON_NODE_HOLDS_VALUE(off) ||
		    json_node_get_value_type(off) != G_TYPE_BOOLEAN)
			return refuse(error,
				      data,
				      length,
				      quoted,
				      field,
				      "isOffDay must be true or false");
		if (!add_day(file,
			     data,
			     length,
			     field,
			     json_node_get_string(date),
			     json_node_get_boolean(off) ? ROSTER_STORE_HOLIDAY_OFF
							: ROSTER_STORE_HOLIDAY_WORKING,
			     node_is_string(name) ? json_node_get_string(name) : NULL,
			     seen,
			     error))
			return FALSE;
	}
	return TRUE;
}

/* the Chinese name of a chinese-days value "English,中文,N" */
static gchar *
dup_chinese_name(const gchar *value)
{
	g_auto(GStrv) parts = g_strsplit(value, ",", -1);
	guint n = g_strv_length(parts);

	if (n >= 3)
		return g_strdup(parts[n - 2]);
	return g_strdup(n > 0 ? parts[n - 1] : NULL);
}

/* one map of chinese-days, only the dates of the year asked for (a file may hold
 * every year since 2004); a map of one year only gives the year when none is asked */
static gboolean
parse_chinese_days_map(RosterHolidayFile *file,
		       JsonObject *root,
		       const gchar *member,
		       RosterStoreHolidayKind kind,
		       const gchar *data,
		       gsize length,
		       GHashTable *seen,
		       GError **error)
{
	JsonNode *node = json_object_get_member(root, member);
	g_autoptr(GList) keys = NULL;
	g_autofree gchar *prefix = NULL;

	if (node == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		g_autofree gchar *quoted = g_strdup_printf("\"%s\"", member);
		return refuse(error, data, length, quoted, member, "must be an object of dates");
	}
	prefix = g_strdup_printf("%04d-", file->year);
	keys = json_object_get_members(json_node_get_object(node));
	for (GList *l = keys; l != NULL; l = l->next) {
		const gchar *date = l->data;
		JsonNode *value = json_object_get_member(json_node_get_object(node), date);
		g_autofree gchar *field = g_strdup_printf("%s.%s", member, date);
		g_autofree gchar *quoted = g_strdup_printf("\"%s\"", date);
		g_autofree gchar *name = NULL;
		/* a file of every year: only the dates of the year asked for */
		if (!g_str_has_prefix(date, prefix))
			continue;
		if (!node_is_string(value))
			return refuse(error,
				      data,
				      length,
				      quoted,
				      field,
				      "must be a string \"English,中文,days\"");
		name = dup_chinese_name(json_node_get_string(value));
		if (!add_day(file, data, length, field, date, kind, name, seen, error))
			return FALSE;
	}
	return TRUE;
}

/* the one year of a chinese-days file's dates, 0 when they span several */
static gint
chinese_days_year(JsonObject *root)
{
	const gchar *members[] = {"holidays", "workdays"};
	gint year = 0;

	for (guint i = 0; i < G_N_ELEMENTS(members); i++) {
		JsonNode *node = json_object_get_member(root, members[i]);
		g_autoptr(GList) keys = NULL;
		if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
			continue;
		keys = json_object_get_members(json_node_get_object(node));
		for (GList *l = keys; l != NULL; l = l->next) {
			gint y = (gint)g_ascii_strtoll(l->data, NULL, 10);
			if (year != 0 && y != year)
				return 0;
			year = y;
		}
	}
	return year;
}

static gboolean
parse_chinese_days(RosterHolidayFile *file,
		   JsonObject *root,
		   const gchar *data,
		   gsize length,
		   GHashTable *seen,
		   GError **error)
{
	file->format = "chinese-days";
	file->papers = g_new0(gchar *, 1);
	if (file->year == 0)
		file->year = chinese_days_year(root);
	if (file->year < 1900 || file->year > 2200)
		return refuse(error,
			      data,
			      length,
			      NULL,
			      "year",
			      "the file holds several years: name the year to import");
	return parse_chinese_days_map(file,
				      root,
				      "holidays",
				      ROSTER_STORE_HOLIDAY_OFF,
				      data,
				      length,
				      seen,
				      error) &&
	       parse_chinese_days_map(file,
				      root,
				      "workdays",
				      ROSTER_STORE_HOLIDAY_WORKING,
				      data,
				      length,
				      seen,
				      error);
}

/* the source kept with every date: the format and the notice's URLs */
static gchar *
dup_source(const RosterHolidayFile *file)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) root = NULL;

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "format");
	json_builder_add_string_value(b, file->format);
	json_builder_set_member_name(b, "papers");
	json_builder_begin_array(b);
	for (guint i = 0; file->papers[i] != NULL; i++)
		json_builder_add_string_value(b, file->papers[i]);
	json_builder_end_array(b);
	json_builder_end_object(b);
	root = json_builder_get_root(b);
	return json_to_string(root, FALSE);
}

/**
 * roster_holiday_file_parse:
 * @data: the file's text
 * @length: its length in bytes
 * @year: the year to import, or 0 for the file's own
 * @error: a #GError, or %NULL
 *
 * Reads a year's holiday calendar in the holiday-cn or the chinese-days format; a
 * holiday-cn file for another year than @year is refused, a chinese-days file gives
 * the dates of @year only.
 *
 * Returns: (transfer full): the year's dates, or %NULL with @error set
 *
 * Since: 0.3
 **/
RosterHolidayFile *
roster_holiday_file_parse(const gchar *data, gsize length, gint year, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(RosterHolidayFile) file = g_new0(RosterHolidayFile, 1);
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(GError) error_local = NULL;
	g_autofree gchar *source = NULL;
	JsonNode *root;
	JsonObject *obj;

	g_return_val_if_fail(data != NULL || length == 0, NULL);

	file->year = year;
	file->days = g_ptr_array_new_with_free_func((GDestroyNotify)roster_store_holiday_free);
	if (length > HOLIDAY_FILE_MAX || !g_utf8_validate(data, (gssize)length, NULL)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_MALFORMED,
			    "the file must be UTF-8 JSON of at most %d bytes",
			    HOLIDAY_FILE_MAX);
		return NULL;
	}
	if (!json_parser_load_from_data(parser, data, (gssize)length, &error_local)) {
		/* json-glib's message is "<data>:LINE:COLUMN: Parse error: …" */
		const gchar *colon = strchr(error_local->message, ':');
		guint64 line = colon != NULL ? g_ascii_strtoull(colon + 1, NULL, 10) : 0;
		const gchar *what = strstr(error_local->message, "error: ");
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_MALFORMED,
			    "line %u: the file is no JSON: %s",
			    (guint)line,
			    what != NULL ? what + 7 : error_local->message);
		return NULL;
	}
	root = json_parser_get_root(parser);
	if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
		refuse(error, data, length, NULL, "file", "must be a JSON object");
		return NULL;
	}
	obj = json_node_get_object(root);
	if (json_object_has_member(obj, "days") &&
	    JSON_NODE_HOLDS_ARRAY(json_object_get_member(obj, "days"))) {
		if (!parse_holiday_cn(file, obj, data, length, seen, error))
			return NULL;
	} else if (json_object_has_member(obj, "holidays") ||
		   json_object_has_member(obj, "workdays")) {
		if (!parse_chinese_days(file, obj, data, length, seen, error))
			return NULL;
	} else {
		{
			refuse(error,
			       data,
			       length,
			       NULL,
			       "file",
			       "is neither a holiday-cn file (days) nor a chinese-days file "
			       "(holidays, workdays)");
			return NULL;
		}
	}
	if (file->days->len == 0) {
		refuse(error,
		       data,
		       length,
		       NULL,
		       "days",
		       "no dates for %d: the notice is not published yet",
		       file->year);
		return NULL;
	}
	g_ptr_array_sort(file->days, compare_days_cb);
	source = dup_source(file);
	for (guint i = 0; i < file->days->len; i++) {
		RosterStoreHoliday *day = g_ptr_array_index(file->days, i);
		day->source = g_strdup(source);
	}
	return g_steal_pointer(&file);
}
