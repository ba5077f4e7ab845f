/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-csv.h"
#include "roster-engine-rosters.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-volunteer-csv.h"

typedef enum {
	COLUMN_TEXT,
	COLUMN_NUMBER,
	COLUMN_BOOLEAN,
	COLUMN_LIST,
	COLUMN_TIER,
	COLUMN_MODES,
	COLUMN_TEAM,
} ColumnKind;

typedef struct {
	const gchar *key;
	const gchar *english;
	/* the first Chinese name is the one written on export; the rest are accepted */
	const gchar *chinese[3];
	ColumnKind kind;
} Column;

/* the columns with their own words; every other field of the volunteer kind is a
 * column too, named by its key and its label (see all_columns()) */
static const Column fixed_columns[] = {
    {ROSTER_KEY_COUNSELLOR_NO, "counsellor_no", {"工号", "咨询师编号", NULL}, COLUMN_TEXT},
    {ROSTER_KEY_NAME, "name", {"姓名", "名字", NULL}, COLUMN_TEXT},
    {ROSTER_KEY_TIER, "tier", {"级别", "等级", NULL}, COLUMN_TIER},
    {ROSTER_KEY_MODES, "modes", {"坐席方式", "方式", NULL}, COLUMN_MODES},
    {ROSTER_KEY_SKILLS, "skills", {"技能", NULL, NULL}, COLUMN_LIST},
    {ROSTER_KEY_TEAM_ID, "team", {"团队", "班组", NULL}, COLUMN_TEAM},
    {ROSTER_KEY_ACTIVE, "active", {"在岗", "启用", NULL}, COLUMN_BOOLEAN},
    {ROSTER_KEY_PHONE, "phone", {"电话", "手机", NULL}, COLUMN_TEXT},
    {ROSTER_KEY_EMAIL, "email", {"邮箱", "电子邮箱", NULL}, COLUMN_TEXT},
    {ROSTER_KEY_MAX_HOURS_WEEK, "max_hours_week", {"每周最多小时", NULL, NULL}, COLUMN_NUMBER},
    {ROSTER_KEY_MAX_HOURS_MONTH, "max_hours_month", {"每月最多小时", NULL, NULL}, COLUMN_NUMBER},
    {ROSTER_KEY_MAX_SHIFTS_MONTH, "max_shifts_month", {"每月最多班次", NULL, NULL}, COLUMN_NUMBER},
    {ROSTER_KEY_MIN_SHIFTS_MONTH, "min_shifts_month", {"每月最少班次", NULL, NULL}, COLUMN_NUMBER},
    {ROSTER_KEY_MAX_CONSECUTIVE_DAYS,
     "max_consecutive_days",
     {"最多连续天数", NULL, NULL},
     COLUMN_NUMBER},
    {ROSTER_KEY_MAX_NIGHTS_MONTH, "max_nights_month", {"每月最多夜班", NULL, NULL}, COLUMN_NUMBER},
    {ROSTER_KEY_HONOUR_ROLL_CONSENT,
     "honour_roll_consent",
     {"同意公示", "光荣榜公示", NULL},
     COLUMN_BOOLEAN},
    {ROSTER_KEY_NOTE, "note", {"备注", NULL, NULL}, COLUMN_TEXT},
};

/* the words a Chinese spreadsheet uses, and the codes the API takes */
static const struct {
	const gchar *code;
	const gchar *words[3];
} tier_words[] = {
    {"trainee", {"见习", "实习", "见习咨询师"}},
    {"counsellor", {"咨询师", "普通", NULL}},
    {"senior", {"资深", "资深咨询师", "高级"}},
    {"expert", {"专家", "督导专家", NULL}},
};

static const struct {
	const gchar *code;
	const gchar *words[3];
} mode_words[] = {
    {"on-site", {"坐班", "现场", "驻场"}},
    {"cloud", {"云坐席", "云端", "居家"}},
};

#define COLUMNS_MAX 64

static ColumnKind
kind_of_field(const RosterField *field)
{
	switch (field->type) {
	case ROSTER_FIELD_TYPE_INT:
		return COLUMN_NUMBER;
	case ROSTER_FIELD_TYPE_BOOL:
		return COLUMN_BOOLEAN;
	case ROSTER_FIELD_TYPE_ARRAY:
		return COLUMN_LIST;
	case ROSTER_FIELD_TYPE_STRING:
	default:
		return COLUMN_TEXT;
	}
}

static gboolean
is_fixed(const gchar *key)
{
	for (guint i = 0; i < G_N_ELEMENTS(fixed_columns); i++) {
		if (g_strcmp0(fixed_columns[i].key, key) == 0)
			return TRUE;
	}
	return FALSE;
}

/* the fixed columns, then the volunteer kind's other fields, made once: a new field
 * of the kind is a column of the file without a word here */
static const Column *
all_columns(guint *n_columns)
{
	static Column columns[COLUMNS_MAX];
	static gsize n_all = 0;

	if (g_once_init_enter(&n_all)) {
		const RosterKind *kind = roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS);
		gsize n = 0;
		for (guint i = 0; i < G_N_ELEMENTS(fixed_columns); i++)
			columns[n++] = fixed_columns[i];
		for (guint i = 0; i < kind->n_fields && n < COLUMNS_MAX; i++) {
			const RosterField *field = &kind->fields[i];
			Column column = {field->key,
					 field->key,
					 {field->label},
					 kind_of_field(field)};
			if (is_fixed(field->key) || (field->flags & (ROSTER_FIELD_FLAG_READ_ONLY |
								     ROSTER_FIELD_FLAG_WRITE_ONLY)))
				continue;
			if (column.chinese[0] == NULL)
				column.chinese[0] = field->key;
			columns[n++] = column;
		}
		g_once_init_leave(&n_all, n);
	}
	*n_columns = (guint)n_all;
	return columns;
}

static gint
find_column(const gchar *header)
{
	guint n_columns = 0;
	const Column *columns = all_columns(&n_columns);
	g_autofree gchar *name = g_strstrip(g_strdup(header));
	g_autofree gchar *lower = g_ascii_strdown(name, -1);

	for (guint i = 0; i < n_columns; i++) {
		if (g_strcmp0(lower, columns[i].english) == 0)
			return (gint)i;
		for (guint j = 0; j < G_N_ELEMENTS(columns[i].chinese); j++) {
			if (g_strcmp0(name, columns[i].chinese[j]) == 0)
				return (gint)i;
		}
	}
	return -1;
}

static const gchar *
tier_from_word(const gchar *word)
{
	for (guint i = 0; i < G_N_ELEMENTS(tier_words); i++) {
		if (g_ascii_strcasecmp(word, tier_words[i].code) == 0)
			return tier_words[i].code;
		for (guint j = 0; j < G_N_ELEMENTS(tier_words[i].words); j++) {
			if (g_strcmp0(word, tier_words[i].words[j]) == 0)
				return tier_words[i].code;
		}
	}
	return NULL;
}

static const gchar *
mode_from_word(const gchar *word)
{
	for (guint i = 0; i < G_N_ELEMENTS(mode_words); i++) {
		if (g_ascii_strcasecmp(word, mode_words[i].code) == 0)
			return mode_words[i].code;
		for (guint j = 0; j < G_N_ELEMENTS(mode_words[i].words); j++) {
			if (g_strcmp0(word, mode_words[i].words[j]) == 0)
				return mode_words[i].code;
		}
	}
	return NULL;
}

/* lists are separated by ";", "；", "、" or "|" so that a comma never needs quoting */
static GStrv
split_list(const gchar *value)
{
	g_autofree gchar *copy = g_strdup(value);
	g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
	g_auto(GStrv) parts = NULL;
	const gchar *separators[] = {"；", "、", "|"};

	for (guint i = 0; i < G_N_ELEMENTS(separators); i++) {
		g_auto(GStrv) pieces = g_strsplit(copy, separators[i], -1);
		g_free(copy);
		copy = g_strjoinv(";", pieces);
	}
	parts = g_strsplit(copy, ";", -1);
	for (guint i = 0; parts[i] != NULL; i++) {
		g_strstrip(parts[i]);
		if (parts[i][0] != '\0')
			g_strv_builder_add(builder, parts[i]);
	}
	return g_strv_builder_end(builder);
}

static gboolean
parse_boolean(const gchar *value, gboolean *result)
{
	const gchar *yes[] = {"true", "yes", "1", "是", "y"};
	const gchar *no[] = {"false", "no", "0", "否", "n"};

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

/* adds one cell to the object; returns an error message, or NULL when the cell is good */
static gchar *
add_cell(JsonBuilder *builder, const Column *column, const gchar *raw, GHashTable *teams)
{
	g_autofree gchar *value = g_strstrip(g_strdup(raw));

	/* an empty cell means "not given": the engine's default applies */
	if (value[0] == '\0')
		return NULL;
	switch (column->kind) {
	case COLUMN_TEXT:
		json_builder_set_member_name(builder, column->key);
		json_builder_add_string_value(builder, value);
		return NULL;
	case COLUMN_NUMBER: {
		guint64 number = 0;
		if (!g_ascii_string_to_unsigned(value, 10, 0, G_MAXINT32, &number, NULL))
			return g_strdup_printf("%s: “%s” is not a whole number",
					       column->english,
					       value);
		json_builder_set_member_name(builder, column->key);
		json_builder_add_int_value(builder, (gint64)number);
		return NULL;
	}
	case COLUMN_BOOLEAN: {
		gboolean flag = FALSE;
		if (!parse_boolean(value, &flag))
			return g_strdup_printf("%s: “%s” is not yes or no", column->english, value);
		json_builder_set_member_name(builder, column->key);
		json_builder_add_boolean_value(builder, flag);
		return NULL;
	}
	case COLUMN_TIER: {
		const gchar *tier = tier_from_word(value);
		if (tier == NULL)
			return g_strdup_printf("%s: unknown tier “%s”", column->english, value);
		json_builder_set_member_name(builder, column->key);
		json_builder_add_string_value(builder, tier);
		return NULL;
	}
	case COLUMN_LIST:
	case COLUMN_MODES: {
		g_auto(GStrv) items = split_list(value);
		json_builder_set_member_name(builder, column->key);
		json_builder_begin_array(builder);
		for (guint i = 0; items[i] != NULL; i++) {
			const gchar *item = items[i];
			if (column->kind == COLUMN_MODES) {
				item = mode_from_word(items[i]);
				if (item == NULL) {
					json_builder_end_array(builder);
					return g_strdup_printf("%s: unknown mode “%s”",
							       column->english,
							       items[i]);
				}
			}
			json_builder_add_string_value(builder, item);
		}
		json_builder_end_array(builder);
		return NULL;
	}
	case COLUMN_TEAM: {
		gpointer id = g_hash_table_lookup(teams, value);
		if (id == NULL)
			return g_strdup_printf("%s: no team is called “%s”",
					       column->english,
					       value);
		json_builder_set_member_name(builder, column->key);
		json_builder_add_int_value(builder, GPOINTER_TO_INT(id));
		return NULL;
	}
	default:
		return g_strdup_printf("%s: unsupported column", column->english);
	}
}

/* every record of a collection, following the pages */
static JsonArray *
list_all(RosterEngine *engine, RosterPrincipal *principal, const gchar *collection, GError **error)
{
	g_autoptr(JsonArray) all = json_array_new();
	guint offset = 0;

	for (;;) {
		g_autoptr(GHashTable) params =
		    g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
		g_autoptr(JsonNode) page = NULL;
		JsonArray *items;

		g_hash_table_insert(params,
				    (gpointer)ROSTER_KEY_OFFSET,
				    g_strdup_printf("%u", offset));
		g_hash_table_insert(params, (gpointer)ROSTER_KEY_LIMIT, g_strdup("500"));
		page = roster_engine_list(engine, principal, collection, 0, params, error);
		if (page == NULL)
			return NULL;
		items = json_object_get_array_member(json_node_get_object(page), ROSTER_KEY_ITEMS);
		for (guint i = 0; i < json_array_get_length(items); i++)
			json_array_add_element(all,
					       json_node_copy(json_array_get_element(items, i)));
		if (json_array_get_length(items) < 500)
			break;
		offset += 500;
	}
	return g_steal_pointer(&all);
}

static GHashTable *
team_ids_by_name(RosterEngine *engine, RosterPrincipal *principal, GError **error)
{
	g_autoptr(GHashTable) teams = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(JsonArray) items = list_all(engine, principal, ROSTER_COLLECTION_TEAMS, error);

	if (items == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *team = json_array_get_object_element(items, i);
		g_hash_table_insert(
		    teams,
		    g_strdup(json_object_get_string_member(team, ROSTER_KEY_NAME)),
		    GINT_TO_POINTER(json_object_get_int_member(team, ROSTER_KEY_ID)));
	}
	return g_steal_pointer(&teams);
}

/* maps the header to column indexes; returns FALSE with every problem in @problems */
static GArray *
read_header(RosterCsvRecord *header, GPtrArray *problems)
{
	g_autoptr(GArray) map = g_array_new(FALSE, FALSE, sizeof(gint));
	gboolean seen[COLUMNS_MAX] = {FALSE};
	guint n_columns = 0;
	const Column *columns = all_columns(&n_columns);

	for (guint i = 0; header->fields[i] != NULL; i++) {
		gint column = find_column(header->fields[i]);
		if (column < 0) {
			g_ptr_array_add(problems,
					g_strdup_printf("line %u: unknown column “%s”",
							header->line,
							header->fields[i]));
		} else if (seen[column]) {
			g_ptr_array_add(problems,
					g_strdup_printf("line %u: column “%s” appears twice",
							header->line,
							header->fields[i]));
		} else {
			seen[column] = TRUE;
		}
		g_array_append_val(map, column);
	}
	for (guint i = 0; i < 2; i++) {
		if (!seen[i]) {
			g_ptr_array_add(problems,
					g_strdup_printf("line %u: the column “%s” (%s) is missing",
							header->line,
							columns[i].english,
							columns[i].chinese[0]));
		}
	}
	return g_steal_pointer(&map);
}

/* the engine names items by index; the user wants the line of the file */
static void
add_item_errors(GPtrArray *problems, GPtrArray *item_errors, GArray *lines)
{
	for (guint i = 0; i < item_errors->len; i++) {
		const gchar *item_error = g_ptr_array_index(item_errors, i);
		g_auto(GStrv) parts = g_strsplit(item_error, "\t", 2);
		guint64 index = 0;
		if (g_strv_length(parts) == 2 && lines->len > 0 &&
		    g_ascii_string_to_unsigned(parts[0], 10, 0, lines->len - 1, &index, NULL)) {
			g_ptr_array_add(problems,
					g_strdup_printf("line %u: %s",
							g_array_index(lines, guint, index),
							parts[1]));
		} else {
			g_ptr_array_add(problems, g_strdup(item_error));
		}
	}
}

/**
 * roster_volunteer_csv_import:
 * @engine: a #RosterEngine
 * @principal: who imports
 * @text: the CSV file (UTF-8, with or without a byte-order mark)
 * @length: the length of @text
 * @n_imported: (out) (optional): how many volunteers were imported
 * @line_errors: (out) (optional) (transfer full): one message per bad row
 * @error: (nullable): return location for a #GError
 *
 * Imports volunteers from CSV. Header names may be English (`counsellor_no`, `name`,
 * `tier` …) or Chinese (`工号`, `姓名`, `级别` …); tiers and modes may be codes or
 * Chinese words. Any bad row makes the whole import fail, and nothing is imported.
 *
 * Returns: %TRUE when every row was imported
 *
 * Since: 0.1
 **/
gboolean
roster_volunteer_csv_import(RosterEngine *engine,
			    RosterPrincipal *principal,
			    const gchar *text,
			    gsize length,
			    guint *n_imported,
			    GPtrArray **line_errors,
			    GError **error)
{
	return roster_volunteer_csv_import_full(engine,
						principal,
						text,
						length,
						n_imported,
						line_errors,
						NULL,
						error);
}

static gchar *
volunteer_key(JsonObject *obj)
{
	const gchar *number =
	    json_object_get_string_member_with_default(obj, ROSTER_KEY_COUNSELLOR_NO, NULL);
	if (number != NULL && number[0] != '\0')
		return g_strconcat("no:", number, NULL);
	return g_strconcat("name:",
			   json_object_get_string_member_with_default(obj, ROSTER_KEY_NAME, ""),
			   NULL);
}

/* the stored volunteers of the import who fit no seat class */
static JsonNode *
dup_warnings(RosterEngine *engine, RosterPrincipal *principal, JsonArray *items, GError **error)
{
	g_autoptr(GHashTable) imported =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(JsonArray) stored =
	    list_all(engine, principal, ROSTER_COLLECTION_VOLUNTEERS, error);
	g_autoptr(JsonArray) matched = json_array_new();

	if (stored == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(items); i++)
		g_hash_table_add(imported, volunteer_key(json_array_get_object_element(items, i)));
	for (guint i = 0; i < json_array_get_length(stored); i++) {
		g_autofree gchar *key = volunteer_key(json_array_get_object_element(stored, i));
		if (g_hash_table_contains(imported, key))
			json_array_add_element(matched,
					       json_node_copy(json_array_get_element(stored, i)));
	}
	return roster_engine_check_seatable(engine, matched, error);
}

/**
 * roster_volunteer_csv_import_full:
 * @engine: a #RosterEngine
 * @principal: who imports
 * @text: the CSV text
 * @length: its length in bytes
 * @n_imported: (out) (optional): how many volunteers were imported
 * @line_errors: (out) (optional) (transfer full): one "line N: message" per bad row
 * @warnings: (out) (optional) (transfer full): after an import, the imported
 *   volunteers who fit no seat class, as roster_engine_check_seatable() lists them
 * @error: (nullable): return location for a #GError
 *
 * Like roster_volunteer_csv_import(), and names the people the import leaves without
 * a seat they could take.
 *
 * Returns: %TRUE when every row was imported
 *
 * Since: 0.1
 **/
gboolean
roster_volunteer_csv_import_full(RosterEngine *engine,
				 RosterPrincipal *principal,
				 const gchar *text,
				 gsize length,
				 guint *n_imported,
				 GPtrArray **line_errors,
				 JsonNode **warnings,
				 GError **error)
{
	g_autoptr(GPtrArray) records = NULL;
	g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) item_errors = NULL;
	g_autoptr(GHashTable) teams = NULL;
	g_autoptr(GArray) map = NULL;
	g_autoptr(GArray) lines = g_array_new(FALSE, FALSE, sizeof(guint));
	g_autoptr(JsonArray) items = json_array_new();
	g_autoptr(GError) error_local = NULL;
	guint n_columns = 0;
	const Column *columns = all_columns(&n_columns);

	g_return_val_if_fail(ROSTER_IS_ENGINE(engine), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	records = roster_csv_parse(text, length, error);
	if (records == NULL)
		return FALSE;
	if (records->len == 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "line 1: the file is empty");
		return FALSE;
	}
	teams = team_ids_by_name(engine, principal, error);
	if (teams == NULL)
		return FALSE;
	map = read_header(g_ptr_array_index(records, 0), problems);

	for (guint r = 1; r < records->len; r++) {
		RosterCsvRecord *record = g_ptr_array_index(records, r);
		g_autoptr(JsonBuilder) builder = json_builder_new();
		guint n_fields = g_strv_length(record->fields);
		gboolean bad = FALSE;

		if (n_fields != map->len) {
			g_ptr_array_add(
			    problems,
			    g_strdup_printf("line %u: %u fields where the header has %u",
					    record->line,
					    n_fields,
					    map->len));
			continue;
		}
		json_builder_begin_object(builder);
		for (guint i = 0; i < n_fields; i++) {
			gint column = g_array_index(map, gint, i);
			g_autofree gchar *problem = NULL;
			if (column < 0)
				continue;
			problem = add_cell(builder, &columns[column], record->fields[i], teams);
			if (problem != NULL) {
				g_ptr_array_add(
				    problems,
				    g_strdup_printf("line %u: %s", record->line, problem));
				bad = TRUE;
			}
		}
		json_builder_end_object(builder);
		if (bad)
			continue;
		json_array_add_element(items, json_builder_get_root(builder));
		g_array_append_val(lines, record->line);
	}

	/* the engine validates the rows that converted; it writes nothing unless all of
	 * them are good, so it only runs when the conversion found no problem */
	if (problems->len == 0 && !roster_engine_create_many(engine,
							     principal,
							     ROSTER_COLLECTION_VOLUNTEERS,
							     items,
							     &item_errors,
							     &error_local)) {
		if (item_errors == NULL || item_errors->len == 0) {
			g_propagate_error(error, g_steal_pointer(&error_local));
			return FALSE;
		}
		add_item_errors(problems, item_errors, lines);
	}
	if (problems->len > 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "%u bad rows, nothing imported",
			    problems->len);
		if (line_errors != NULL)
			*line_errors = g_steal_pointer(&problems);
		return FALSE;
	}
	if (n_imported != NULL)
		*n_imported = json_array_get_length(items);
	if (warnings != NULL) {
		/* the import is written: a failure to check it only loses the warnings */
		*warnings = dup_warnings(engine, principal, items, &error_local);
		if (*warnings == NULL) {
			g_warning("checking the imported volunteers: %s", error_local->message);
			*warnings = json_node_new(JSON_NODE_ARRAY);
			json_node_take_array(*warnings, json_array_new());
		}
	}
	return TRUE;
}

static const gchar *
chinese_word(const gchar *code)
{
	for (guint i = 0; i < G_N_ELEMENTS(tier_words); i++) {
		if (g_strcmp0(code, tier_words[i].code) == 0)
			return tier_words[i].words[0];
	}
	for (guint i = 0; i < G_N_ELEMENTS(mode_words); i++) {
		if (g_strcmp0(code, mode_words[i].code) == 0)
			return mode_words[i].words[0];
	}
	return code;
}

static gchar *
format_cell(JsonObject *volunteer, const Column *column, GHashTable *team_names, gboolean chinese)
{
	JsonNode *node = json_object_get_member(volunteer, column->key);

	if (node == NULL || JSON_NODE_HOLDS_NULL(node))
		return g_strdup("");
	switch (column->kind) {
	case COLUMN_TEXT:
		return g_strdup(json_node_get_string(node));
	case COLUMN_NUMBER:
		return g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(node));
	case COLUMN_BOOLEAN:
		if (chinese)
			return g_strdup(json_node_get_boolean(node) ? "是" : "否");
		return g_strdup(json_node_get_boolean(node) ? "true" : "false");
	case COLUMN_TIER:
		return g_strdup(chinese ? chinese_word(json_node_get_string(node))
					: json_node_get_string(node));
	case COLUMN_LIST:
	case COLUMN_MODES: {
		JsonArray *array = json_node_get_array(node);
		g_autoptr(GString) text = g_string_new(NULL);
		for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
			const gchar *item = json_array_get_string_element(array, i);
			if (i > 0)
				g_string_append_c(text, ';');
			if (column->kind == COLUMN_MODES && chinese)
				item = chinese_word(item);
			g_string_append(text, item);
		}
		return g_string_free(g_steal_pointer(&text), FALSE);
	}
	case COLUMN_TEAM:
		return g_strdup(
		    g_hash_table_lookup(team_names, GINT_TO_POINTER(json_node_get_int(node))));
	default:
		return g_strdup("");
	}
}

/**
 * roster_volunteer_csv_export:
 * @engine: a #RosterEngine
 * @principal: who exports; personal fields appear only when it may see them
 * @chinese_headers: write Chinese column names and words instead of codes
 * @error: (nullable): return location for a #GError
 *
 * Writes every volunteer as CSV that roster_volunteer_csv_import() reads back.
 *
 * Returns: (transfer full): UTF-8 text with a byte-order mark, or %NULL
 *
 * Since: 0.1
 **/
gchar *
roster_volunteer_csv_export(RosterEngine *engine,
			    RosterPrincipal *principal,
			    gboolean chinese_headers,
			    GError **error)
{
	g_autoptr(JsonArray) volunteers = NULL;
	g_autoptr(JsonArray) teams = NULL;
	g_autoptr(GHashTable) team_names = g_hash_table_new(g_direct_hash, g_direct_equal);
	g_autoptr(GString) out = g_string_new("\xEF\xBB\xBF");
	guint n_columns = 0;
	const Column *columns = all_columns(&n_columns);
	const gchar *header[COLUMNS_MAX];
	RosterCsvCell kinds[COLUMNS_MAX];

	g_return_val_if_fail(ROSTER_IS_ENGINE(engine), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	teams = list_all(engine, principal, ROSTER_COLLECTION_TEAMS, error);
	if (teams == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(teams); i++) {
		JsonObject *team = json_array_get_object_element(teams, i);
		g_hash_table_insert(
		    team_names,
		    GINT_TO_POINTER(json_object_get_int_member(team, ROSTER_KEY_ID)),
		    (gpointer)json_object_get_string_member(team, ROSTER_KEY_NAME));
	}
	volunteers = list_all(engine, principal, ROSTER_COLLECTION_VOLUNTEERS, error);
	if (volunteers == NULL)
		return NULL;

	for (guint i = 0; i < n_columns; i++) {
		header[i] = chinese_headers ? columns[i].chinese[0] : columns[i].english;
		kinds[i] = columns[i].kind == COLUMN_NUMBER ? ROSTER_CSV_CELL_NUMBER
							    : ROSTER_CSV_CELL_TEXT;
	}
	roster_csv_append_row(out, header, NULL, n_columns);
	for (guint r = 0; r < json_array_get_length(volunteers); r++) {
		JsonObject *volunteer = json_array_get_object_element(volunteers, r);
		gchar *cells[COLUMNS_MAX];
		for (guint i = 0; i < n_columns; i++)
			cells[i] = format_cell(volunteer, &columns[i], team_names, chinese_headers);
		roster_csv_append_row(out, (const gchar *const *)cells, kinds, n_columns);
		for (guint i = 0; i < n_columns; i++)
			g_free(cells[i]);
	}
	return g_string_free(g_steal_pointer(&out), FALSE);
}
