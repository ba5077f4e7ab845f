/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-demo.h"
#include "roster-engine-duty.h"
#include "roster-engine-notify.h"
#include "roster-json-keys.h"

/* a city line as the public record describes it: 3 seats around the clock (2 on-site,
 * 1 cloud), a crisis seat for experts in the evening peak, a core team of about 60 in
 * 4 rotating teams; beside the on-site and the cloud seats of each slot a place for a
 * trainee, who sits there only with a senior or expert of the same mode on duty */

static const gchar *surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
				  "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
static const gchar *given_names[] = {
    "静",   "敏", "伟",	  "芳",	  "娜",	  "秀英", "磊",	  "洋",	  "婷",	  "杰",	  "丽",	  "强",
    "晓燕", "文", "欣然", "子涵", "浩然", "雨桐", "思远", "嘉怡", "宇航", "一鸣", "梓萱", "俊杰"};

static JsonNode *
parse_json(const gchar *text, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new();

	if (!json_parser_load_from_data(parser, text, -1, error))
		return NULL;
	return json_node_copy(json_parser_get_root(parser));
}

/* creates one record and returns its id, or 0 with @error set */
static gint64
create(RosterEngine *engine,
       RosterPrincipal *principal,
       const gchar *collection,
       gint64 parent_id,
       const gchar *json,
       GError **error)
{
	g_autoptr(JsonNode) body = parse_json(json, error);
	g_autoptr(JsonNode) record = NULL;

	if (body == NULL)
		return 0;
	record = roster_engine_create(engine, principal, collection, parent_id, body, error);
	if (record == NULL) {
		g_prefix_error(error, "%s %s: ", collection, json);
		return 0;
	}
	return json_object_get_int_member(json_node_get_object(record), ROSTER_KEY_ID);
}

static gboolean
seed_seats(RosterEngine *engine, RosterPrincipal *principal, GError **error)
{
	gint64 onsite;
	gint64 cloud;
	gint64 crisis;
	g_autofree gchar *rule = NULL;

	onsite = create(
	    engine,
	    principal,
	    ROSTER_COLLECTION_SEAT_CLASSES,
	    0,
	    "{\"code\":\"counsel-onsite\",\"name\":\"咨询专席（坐班）\",\"mode\":\"on-site\","
	    "\"min_tier\":\"counsellor\",\"skills\":[\"counselling\"],\"trainee_places\":1,"
	    "\"location\":\"市心理援助中心 3 楼热线室\",\"colour\":\"#3584e4\"}",
	    error);
	if (onsite == 0)
		return FALSE;
	cloud =
	    create(engine,
		   principal,
		   ROSTER_COLLECTION_SEAT_CLASSES,
		   0,
		   "{\"code\":\"counsel-cloud\",\"name\":\"咨询专席（云坐席）\",\"mode\":\"cloud\","
		   "\"min_tier\":\"counsellor\",\"skills\":[\"counselling\"],\"trainee_places\":1,"
		   "\"colour\":\"#33d17a\"}",
		   error);
	if (cloud == 0)
		return FALSE;
	crisis = create(
	    engine,
	    principal,
	    ROSTER_COLLECTION_SEAT_CLASSES,
	    0,
	    "{\"code\":\"crisis\",\"name\":\"高危专席\",\"mode\":\"on-site\","
	    "\"min_tier\":\"expert\",\"skills\":[\"counselling\",\"crisis\"],\"crisis\":true,"
	    "\"location\":\"市心理援助中心 3 楼热线室\",\"colour\":\"#e01b24\"}",
	    error);
	if (crisis == 0)
		return FALSE;

	/* around the clock: a window from the first slot to the same time next day */
	rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"08:00\",\"end\":\"08:00\",\"seats\":2,"
			       "\"note\":\"全天 2 个坐班咨询席\"}",
			       onsite);
	if (create(engine, principal, ROSTER_COLLECTION_DEMAND_RULES, 0, rule, error) == 0)
		return FALSE;
	g_free(rule);
	rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"08:00\",\"end\":\"08:00\",\"seats\":1,"
			       "\"note\":\"全天 1 个云坐席\"}",
			       cloud);
	if (create(engine, principal, ROSTER_COLLECTION_DEMAND_RULES, 0, rule, error) == 0)
		return FALSE;
	g_free(rule);
	rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"19:00\",\"end\":\"02:00\",\"seats\":1,"
			       "\"note\":\"晚高峰高危专席\"}",
			       crisis);
	return create(engine, principal, ROSTER_COLLECTION_DEMAND_RULES, 0, rule, error) != 0;
}

/* an expert of the duty rota: reachable within 10 to 24 minutes, at most 8 blocks */
static gboolean
seed_reach(RosterEngine *engine,
	   RosterPrincipal *principal,
	   JsonNode *record,
	   guint i,
	   GError **error)
{
	gint64 id = json_object_get_int_member(json_node_get_object(record), ROSTER_KEY_ID);
	g_autofree gchar *json =
	    g_strdup_printf("{\"response_minutes\":%u,\"max_blocks_month\":8}", 10 + 2 * i);
	g_autoptr(JsonNode) body = parse_json(json, error);
	g_autoptr(JsonNode) reach = NULL;

	if (body == NULL)
		return FALSE;
	reach = roster_engine_set_duty_reach(engine, principal, id, body, error);
	return reach != NULL;
}

static gboolean
seed_volunteers(RosterEngine *engine,
		RosterPrincipal *principal,
		const gint64 *teams,
		guint n_teams,
		GRand *rand,
		GError **error)
{
	for (guint i = 0; i < 60; i++) {
		g_autoptr(JsonBuilder) builder = json_builder_new();
		g_autoptr(JsonNode) body = NULL;
		g_autoptr(JsonNode) record = NULL;
		g_autofree gchar *name = NULL;
		g_autofree gchar *number = g_strdup_printf("C%03u", i + 1);
		g_autofree gchar *email = g_strdup_printf("c%03u@demo.example.org", i + 1);
		g_autofree gchar *phone = NULL;
		/* 8 experts, 12 seniors, 32 counsellors and 8 trainees */
		const gchar *tier = i < 8    ? "expert"
				    : i < 20 ? "senior"
				    : i < 52 ? "counsellor"
					     : "trainee";
		/* experts can take the on-site crisis seat */
		guint modes = i < 8 ? 2 : g_rand_int_range(rand, 0, 3);

		name =
		    g_strconcat(surnames[g_rand_int_range(rand, 0, G_N_ELEMENTS(surnames))],
				given_names[g_rand_int_range(rand, 0, G_N_ELEMENTS(given_names))],
				NULL);
		phone = g_strdup_printf("138%08d", g_rand_int_range(rand, 0, 100000000));
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, ROSTER_KEY_NAME);
		json_builder_add_string_value(builder, name);
		json_builder_set_member_name(builder, ROSTER_KEY_COUNSELLOR_NO);
		json_builder_add_string_value(builder, number);
		json_builder_set_member_name(builder, ROSTER_KEY_PHONE);
		json_builder_add_string_value(builder, phone);
		/* a reserved domain: the demo's mail goes only to a test server */
		json_builder_set_member_name(builder, ROSTER_KEY_EMAIL);
		json_builder_add_string_value(builder, email);
		json_builder_set_member_name(builder, ROSTER_KEY_TIER);
		json_builder_add_string_value(builder, tier);
		json_builder_set_member_name(builder, ROSTER_KEY_SKILLS);
		json_builder_begin_array(builder);
		json_builder_add_string_value(builder, "counselling");
		if (i < 8)
			json_builder_add_string_value(builder, "crisis");
		json_builder_end_array(builder);
		json_builder_set_member_name(builder, ROSTER_KEY_MODES);
		json_builder_begin_array(builder);
		if (modes != 1)
			json_builder_add_string_value(builder, "on-site");
		if (modes != 0)
			json_builder_add_string_value(builder, "cloud");
		json_builder_end_array(builder);
		json_builder_set_member_name(builder, ROSTER_KEY_TEAM_ID);
		json_builder_add_int_value(builder, teams[i % n_teams]);
		json_builder_set_member_name(builder, ROSTER_KEY_MAX_SHIFTS_MONTH);
		/* 60 people at about 18 shifts cover the 27 seat-slots of each day with room */
		json_builder_add_int_value(builder, g_rand_int_range(rand, 16, 21));
		json_builder_set_member_name(builder, ROSTER_KEY_MIN_SHIFTS_MONTH);
		json_builder_add_int_value(builder, 4);
		json_builder_set_member_name(builder, ROSTER_KEY_HONOUR_ROLL_CONSENT);
		json_builder_add_boolean_value(builder, g_rand_int_range(rand, 0, 4) != 0);
		json_builder_end_object(builder);
		body = json_builder_get_root(builder);
		record = roster_engine_create(engine,
					      principal,
					      ROSTER_COLLECTION_VOLUNTEERS,
					      0,
					      body,
					      error);
		if (record == NULL)
			return FALSE;
		if (i < 8 && !seed_reach(engine, principal, record, i, error))
			return FALSE;
	}
	return TRUE;
}

/* the duty expert's rota: 12-hour blocks, the 30-minute crisis SLA, two backups */
static gboolean
seed_duty(RosterEngine *engine, RosterPrincipal *principal, GError **error)
{
	g_autoptr(JsonNode) body =
	    parse_json("{\"block_hours\":12,\"sla_minutes\":30,\"n_backups\":2}", error);
	g_autoptr(JsonNode) settings = NULL;

	if (body == NULL)
		return FALSE;
	settings = roster_engine_set_duty_settings(engine, principal, body, error);
	return settings != NULL;
}

/**
 * roster_demo_seed:
 * @engine: an open #RosterEngine on an empty database
 * @seed: the seed of the generator: the same seed gives the same hotline
 * @error: (nullable): return location for a #GError
 *
 * Fills the database with a demo city hotline: seat classes, demand, 4 teams and
 * 60 volunteers, through the engine as the command-line tool.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_demo_seed(RosterEngine *engine, guint32 seed, GError **error)
{
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
	const gchar *team_names[] = {"甲组", "乙组", "丙组", "丁组"};
	gint64 teams[G_N_ELEMENTS(team_names)];

	g_return_val_if_fail(ROSTER_IS_ENGINE(engine), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	principal = roster_engine_dup_local_principal(engine);
	if (!seed_seats(engine, principal, error))
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(team_names); i++) {
		g_autofree gchar *json = g_strdup_printf("{\"name\":\"%s\"}", team_names[i]);
		teams[i] = create(engine, principal, ROSTER_COLLECTION_TEAMS, 0, json, error);
		if (teams[i] == 0)
			return FALSE;
	}
	if (!seed_volunteers(engine, principal, teams, G_N_ELEMENTS(teams), rand, error))
		return FALSE;
	return seed_duty(engine, principal, error);
}

/* the demo's volunteer accounts: three counsellors (an expert's or a senior's shift is
 * often the one a trainee needs, so nobody could take it), username their counsellor
 * number in lower case */
static const gchar *const demo_accounts[] = {"C021", "C040", "C048", NULL};

/**
 * roster_demo_seed_accounts:
 * @engine: an engine on a database roster_demo_seed() filled
 * @password: the password of every demo volunteer account
 * @error: (nullable): return location for a #GError
 *
 * Gives the demo counsellors C021, C040 and C048 volunteer accounts c021, c040 and
 * c048 with @password, so that the volunteers' page can be tried on the demo. Only for a
 * demo database: the caller makes @password up for it.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.3
 **/
gboolean
roster_demo_seed_accounts(RosterEngine *engine, const gchar *password, GError **error)
{
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(GPtrArray) found = g_ptr_array_new();
	JsonArray *items;

	g_return_val_if_fail(ROSTER_IS_ENGINE(engine), FALSE);
	g_return_val_if_fail(password != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	principal = roster_engine_dup_local_principal(engine);
	list = roster_engine_list(engine, principal, ROSTER_COLLECTION_VOLUNTEERS, 0, NULL, error);
	if (list == NULL)
		return FALSE;
	/* all of them first: a database without them gets no account */
	items = json_object_get_array_member(json_node_get_object(list), "items");
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *v = json_array_get_object_element(items, i);
		const gchar *number =
		    json_object_get_string_member_with_default(v, ROSTER_KEY_COUNSELLOR_NO, "");
		if (g_strv_contains((const gchar *const *)demo_accounts, number))
			g_ptr_array_add(found, v);
	}
	if (found->len < G_N_ELEMENTS(demo_accounts) - 1) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "demo: %u of the %u demo volunteers found",
			    found->len,
			    (guint)G_N_ELEMENTS(demo_accounts) - 1);
		return FALSE;
	}
	for (guint i = 0; i < found->len; i++) {
		JsonObject *v = g_ptr_array_index(found, i);
		g_autofree gchar *username =
		    g_ascii_strdown(json_object_get_string_member(v, ROSTER_KEY_COUNSELLOR_NO), -1);
		g_autoptr(JsonObject) obj = json_object_new();
		g_autoptr(JsonNode) body = NULL;
		g_autoptr(JsonNode) account = NULL;

		json_object_set_string_member(obj, ROSTER_KEY_USERNAME, username);
		json_object_set_string_member(obj, ROSTER_KEY_PASSWORD, password);
		json_object_set_string_member(obj, ROSTER_KEY_ROLE, "volunteer");
		json_object_set_int_member(obj,
					   ROSTER_KEY_VOLUNTEER_ID,
					   json_object_get_int_member(v, ROSTER_KEY_ID));
		body = json_node_init_object(json_node_alloc(), obj);
		account = roster_engine_create(engine,
					       principal,
					       ROSTER_COLLECTION_ACCOUNTS,
					       0,
					       body,
					       error);
		if (account == NULL)
			return FALSE;
	}
	return TRUE;
}

/* a province line: several sites with on-site seats, a large cloud pool and crisis seats
 * for experts on site and in the cloud; about 30 seats in the evening peak */

static const gchar *const province_sites[] = {"a", "b", "c", "d"};
static const gchar *const province_site_names[] = {"省会中心",
						   "东部分中心",
						   "西部分中心",
						   "南部分中心"};

static gboolean
seed_rule(RosterEngine *engine,
	  RosterPrincipal *principal,
	  gint64 seat,
	  const gchar *start,
	  const gchar *end,
	  guint seats,
	  GError **error)
{
	g_autofree gchar *rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
						 ",\"start\":\"%s\",\"end\":\"%s\",\"seats\":%u}",
						 seat,
						 start,
						 end,
						 seats);
	return create(engine, principal, ROSTER_COLLECTION_DEMAND_RULES, 0, rule, error) != 0;
}

static gboolean
seed_province_seats(RosterEngine *engine, RosterPrincipal *principal, GError **error)
{
	gint64 cloud;
	gint64 crisis_onsite;
	gint64 crisis_cloud;

	for (guint i = 0; i < G_N_ELEMENTS(province_sites); i++) {
		g_autofree gchar *json = g_strdup_printf(
		    "{\"code\":\"onsite-%s\",\"name\":\"咨询专席（%s）\",\"mode\":\"on-site\","
		    "\"min_tier\":\"counsellor\",\"skills\":[\"counselling\",\"site-%s\"],"
		    "\"location\":\"%s\"}",
		    province_sites[i],
		    province_site_names[i],
		    province_sites[i],
		    province_site_names[i]);
		gint64 seat =
		    create(engine, principal, ROSTER_COLLECTION_SEAT_CLASSES, 0, json, error);
		if (seat == 0 || !seed_rule(engine, principal, seat, "08:00", "23:00", 3, error) ||
		    !seed_rule(engine, principal, seat, "19:00", "02:00", 1, error))
			return FALSE;
	}
	cloud =
	    create(engine,
		   principal,
		   ROSTER_COLLECTION_SEAT_CLASSES,
		   0,
		   "{\"code\":\"counsel-cloud\",\"name\":\"咨询专席（云坐席）\",\"mode\":\"cloud\","
		   "\"min_tier\":\"counsellor\",\"skills\":[\"counselling\"]}",
		   error);
	if (cloud == 0 || !seed_rule(engine, principal, cloud, "08:00", "08:00", 6, error) ||
	    !seed_rule(engine, principal, cloud, "19:00", "02:00", 6, error))
		return FALSE;
	crisis_onsite = create(engine,
			       principal,
			       ROSTER_COLLECTION_SEAT_CLASSES,
			       0,
			       "{\"code\":\"crisis-onsite\",\"name\":\"高危专席（坐班）\","
			       "\"mode\":\"on-site\",\"min_tier\":\"expert\","
			       "\"skills\":[\"crisis\",\"site-a\"],\"crisis\":true}",
			       error);
	if (crisis_onsite == 0 ||
	    !seed_rule(engine, principal, crisis_onsite, "19:00", "02:00", 2, error))
		return FALSE;
	crisis_cloud = create(engine,
			      principal,
			      ROSTER_COLLECTION_SEAT_CLASSES,
			      0,
			      "{\"code\":\"crisis-cloud\",\"name\":\"高危专席（云坐席）\","
			      "\"mode\":\"cloud\",\"min_tier\":\"expert\","
			      "\"skills\":[\"crisis\"],\"crisis\":true}",
			      error);
	return crisis_cloud != 0 &&
	       seed_rule(engine, principal, crisis_cloud, "08:00", "08:00", 1, error) &&
	       seed_rule(engine, principal, crisis_cloud, "19:00", "02:00", 2, error);
}

static void
add_province_volunteer(JsonBuilder *builder,
		       guint i,
		       const gint64 *teams,
		       guint n_teams,
		       GRand *rand)
{
	g_autofree gchar *name = NULL;
	g_autofree gchar *number = g_strdup_printf("P%04u", i + 1);
	guint roll = g_rand_int_range(rand, 0, 100);
	/* 12 % experts, 18 % seniors, 60 % counsellors, 10 % trainees */
	const gchar *tier = roll < 12	? "expert"
			    : roll < 30 ? "senior"
			    : roll < 90 ? "counsellor"
					: "trainee";
	guint site = g_rand_int_range(rand, 0, G_N_ELEMENTS(province_sites));
	guint modes = g_rand_int_range(rand, 0, 3);
	g_autofree gchar *site_skill = g_strdup_printf("site-%s", province_sites[site]);

	name = g_strconcat(surnames[g_rand_int_range(rand, 0, G_N_ELEMENTS(surnames))],
			   given_names[g_rand_int_range(rand, 0, G_N_ELEMENTS(given_names))],
			   NULL);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_NAME);
	json_builder_add_string_value(builder, name);
	json_builder_set_member_name(builder, ROSTER_KEY_COUNSELLOR_NO);
	json_builder_add_string_value(builder, number);
	json_builder_set_member_name(builder, ROSTER_KEY_TIER);
	json_builder_add_string_value(builder, tier);
	json_builder_set_member_name(builder, ROSTER_KEY_SKILLS);
	json_builder_begin_array(builder);
	json_builder_add_string_value(builder, "counselling");
	json_builder_add_string_value(builder, site_skill);
	if (roll < 12)
		json_builder_add_string_value(builder, "crisis");
	json_builder_end_array(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_MODES);
	json_builder_begin_array(builder);
	if (modes != 1)
		json_builder_add_string_value(builder, "on-site");
	if (modes != 0)
		json_builder_add_string_value(builder, "cloud");
	json_builder_end_array(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_TEAM_ID);
	json_builder_add_int_value(builder, teams[i % n_teams]);
	json_builder_set_member_name(builder, ROSTER_KEY_MAX_SHIFTS_MONTH);
	json_builder_add_int_value(builder, g_rand_int_range(rand, 4, 9));
	/* one in ten can give at most a few hours a week */
	if (g_rand_int_range(rand, 0, 10) == 0) {
		json_builder_set_member_name(builder, ROSTER_KEY_MAX_HOURS_WEEK);
		json_builder_add_int_value(builder, 6);
	}
	json_builder_set_member_name(builder, ROSTER_KEY_MAX_CONSECUTIVE_DAYS);
	json_builder_add_int_value(builder, 3);
	json_builder_set_member_name(builder, ROSTER_KEY_MIN_SHIFTS_MONTH);
	json_builder_add_int_value(builder, 2);
	json_builder_end_object(builder);
}

static gboolean
seed_province(RosterEngine *engine, RosterPrincipal *principal, GRand *rand, GError **error)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) items = NULL;
	g_autoptr(GPtrArray) item_errors = NULL;
	gint64 teams[8];

	if (!seed_province_seats(engine, principal, error))
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(teams); i++) {
		g_autofree gchar *json = g_strdup_printf("{\"name\":\"第%u组\"}", i + 1);
		teams[i] = create(engine, principal, ROSTER_COLLECTION_TEAMS, 0, json, error);
		if (teams[i] == 0)
			return FALSE;
	}
	json_builder_begin_array(builder);
	for (guint i = 0; i < 2000; i++)
		add_province_volunteer(builder, i, teams, G_N_ELEMENTS(teams), rand);
	json_builder_end_array(builder);
	items = json_builder_get_root(builder);
	if (!roster_engine_create_many(engine,
				       principal,
				       ROSTER_COLLECTION_VOLUNTEERS,
				       json_node_get_array(items),
				       &item_errors,
				       error)) {
		if (item_errors != NULL && item_errors->len > 0)
			g_prefix_error(error,
				       "%s: ",
				       (const gchar *)g_ptr_array_index(item_errors, 0));
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_demo_seed_scale:
 * @engine: an open #RosterEngine on an empty database
 * @scale: "city" or "province"
 * @seed: the seed of the generator: the same seed gives the same hotline
 * @error: (nullable): return location for a #GError
 *
 * Fills the database with a demo hotline: the city of roster_demo_seed(), or a province
 * line of 2,000 volunteers over 4 sites with about 30 seats in the evening peak
 * (on-site, cloud and crisis seats).
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_demo_seed_scale(RosterEngine *engine, const gchar *scale, guint32 seed, GError **error)
{
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GRand) rand = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(engine), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (scale == NULL || g_strcmp0(scale, "city") == 0)
		return roster_demo_seed(engine, seed, error);
	if (g_strcmp0(scale, "province") != 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "scale: must be city or province, not %s",
			    scale);
		return FALSE;
	}
	principal = roster_engine_dup_local_principal(engine);
	rand = g_rand_new_with_seed(seed);
	return seed_province(engine, principal, rand, error);
}

/**
 * roster_demo_seed_mail:
 * @engine: an engine
 * @server: a mail server, `HOST:PORT`, without TLS (a test server on this machine)
 * @public_url: (nullable): the daemon's address for the links in the messages
 * @error: (nullable): return location for a #GError
 *
 * Points the notifier at @server, so that the demo's messages (the digest of a published
 * roster, reminders) go to the demo volunteers' addresses there.
 *
 * Returns: %TRUE on success
 */
gboolean
roster_demo_seed_mail(RosterEngine *engine,
		      const gchar *server,
		      const gchar *public_url,
		      GError **error)
{
	g_autoptr(RosterPrincipal) principal = roster_engine_dup_local_principal(engine);
	g_autoptr(JsonObject) obj = json_object_new();
	g_autoptr(JsonNode) body = json_node_new(JSON_NODE_OBJECT);
	g_autoptr(JsonNode) settings = NULL;
	g_auto(GStrv) parts = g_strsplit(server, ":", 2);
	guint64 port = 0;

	if (g_strv_length(parts) != 2 || parts[0][0] == '\0' ||
	    !g_ascii_string_to_unsigned(parts[1], 10, 1, 65535, &port, NULL)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "mail server: must be HOST:PORT, not %s",
			    server);
		return FALSE;
	}
	json_object_set_string_member(obj, "smtp_server", parts[0]);
	json_object_set_int_member(obj, "smtp_port", (gint64)port);
	json_object_set_string_member(obj, "smtp_tls", "none");
	json_object_set_string_member(obj, "smtp_from", "roster@demo.example.org");
	if (public_url != NULL)
		json_object_set_string_member(obj, "public_url", public_url);
	json_node_set_object(body, obj);
	settings = roster_engine_update_notifier_settings(engine, principal, body, error);
	return settings != NULL;
}
