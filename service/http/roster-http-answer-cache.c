/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* answers of read routes kept per caller and URL, with an ETag, until the data changes */

#include "config.h"

#include <string.h>

#include "roster-http-answer-cache.h"

/*
 * A route flagged %ROSTER_HTTP_ROUTE_FLAG_CACHED answers a repeated GET from here: the
 * key is the hash of the caller's token with the path and query, so an answer is only
 * ever given to the token it was built for. Every entry goes when the engine's data
 * stamp moves (any write, by this daemon, a solve's connection or the tool, and a
 * restore). A token that expires or is revoked without a write is the one thing the
 * stamp does not see: an entry is therefore used for at most
 * %ROSTER_HTTP_ANSWER_MAX_AGE seconds after the token was last checked against the
 * store.
 */

/* the most answers kept; the cache is emptied when it is full */
#define ROSTER_HTTP_ANSWER_MAX_ENTRIES 4096
/* an answer longer than this is not kept */
#define ROSTER_HTTP_ANSWER_MAX_BYTES (64 * 1024)

typedef struct {
	GBytes *body;
	gchar *etag;
	/* g_get_monotonic_time() when the token was checked */
	gint64 checked;
} AnswerEntry;

struct _RosterHttpAnswerCache {
	/* key -> AnswerEntry */
	GHashTable *entries;
	guint64 generation;
	gint64 data_version;
};

static void
answer_entry_free(AnswerEntry *entry)
{
	g_bytes_unref(entry->body);
	g_free(entry->etag);
	g_free(entry);
}

/**
 * roster_http_answer_cache_new:
 *
 * Returns: (transfer full): an empty cache
 *
 * Since: 0.3
 **/
RosterHttpAnswerCache *
roster_http_answer_cache_new(void)
{
	RosterHttpAnswerCache *self = g_new0(RosterHttpAnswerCache, 1);

	self->entries = g_hash_table_new_full(g_str_hash,
					      g_str_equal,
					      g_free,
					      (GDestroyNotify)answer_entry_free);
	return self;
}

/**
 * roster_http_answer_cache_free:
 * @self: (nullable): a cache
 *
 * Since: 0.3
 **/
void
roster_http_answer_cache_free(RosterHttpAnswerCache *self)
{
	if (self == NULL)
		return;
	g_hash_table_unref(self->entries);
	g_free(self);
}

/**
 * roster_http_answer_cache_dup_key:
 * @msg: a GET request
 * @path: its path
 *
 * Returns: (transfer full) (nullable): the key of the request's answer, or %NULL when it
 *   carries no token (it is then answered as usual, with its error)
 *
 * Since: 0.3
 **/
gchar *
roster_http_answer_cache_dup_key(SoupServerMessage *msg, const gchar *path)
{
	g_autofree gchar *token = roster_http_dup_session_token(msg, NULL, NULL);
	g_autofree gchar *hash = NULL;
	const gchar *query = g_uri_get_query(soup_server_message_get_uri(msg));

	if (token == NULL)
		return NULL;
	/* the token itself is never kept */
	hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, token, -1);
	return g_strconcat(hash, " ", path, "?", query != NULL ? query : "", NULL);
}

/**
 * roster_http_etag_listed:
 * @if_none_match: (nullable): the value of an If-None-Match header
 * @etag: an entity tag, quoted
 *
 * Returns: whether @if_none_match names @etag (weakly or not) or is `*`
 *
 * Since: 0.3
 **/
gboolean
roster_http_etag_listed(const gchar *if_none_match, const gchar *etag)
{
	g_auto(GStrv) tags = NULL;

	if (if_none_match == NULL)
		return FALSE;
	tags = g_strsplit(if_none_match, ",", -1);
	for (guint i = 0; tags[i] != NULL; i++) {
		g_autofree gchar *tag = g_strstrip(g_strdup(tags[i]));
		if (g_strcmp0(tag, etag) == 0 || g_strcmp0(tag, "*") == 0 ||
		    (g_str_has_prefix(tag, "W/") && g_strcmp0(tag + 2, etag) == 0))
			return TRUE;
	}
	return FALSE;
}

/* a 200 with the entry's body, or a 304 when the client holds it already */
static void
reply_entry(SoupServerMessage *msg, const AnswerEntry *entry)
{
	SoupMessageHeaders *request = soup_server_message_get_request_headers(msg);
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(msg);
	gsize length = 0;
	gconstpointer data = g_bytes_get_data(entry->body, &length);

	roster_http_set_common_headers(msg);
	/* a shared cache must never keep a caller's answer; the client may revalidate */
	soup_message_headers_replace(headers, "Cache-Control", "private, no-cache");
	soup_message_headers_replace(headers, "ETag", entry->etag);
	if (roster_http_etag_listed(soup_message_headers_get_one(request, "If-None-Match"),
				    entry->etag)) {
		soup_server_message_set_status(msg, SOUP_STATUS_NOT_MODIFIED, NULL);
		return;
	}
	soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
	soup_server_message_set_response(msg, "application/json", SOUP_MEMORY_COPY, data, length);
}

/* forgets every answer when the data may have changed since they were built */
static gboolean
validate(RosterHttpAnswerCache *self, RosterEngine *engine)
{
	guint64 generation = 0;
	gint64 data_version = 0;
	g_autoptr(GError) error = NULL;

	if (!roster_engine_get_data_stamp(engine, &generation, &data_version, &error)) {
		/* the route itself will meet and report the store's trouble */
		g_debug("answer cache: %s", error->message);
		g_hash_table_remove_all(self->entries);
		return FALSE;
	}
	if (generation != self->generation || data_version != self->data_version) {
		g_hash_table_remove_all(self->entries);
		self->generation = generation;
		self->data_version = data_version;
	}
	return TRUE;
}

/**
 * roster_http_answer_cache_reply:
 * @self: a cache
 * @engine: the engine whose data the answers come from
 * @key: the request's key from roster_http_answer_cache_dup_key()
 * @msg: the request
 *
 * Answers @msg from the cache when its answer is kept and still current. Call it
 * before the route runs; the route's answer is then kept with
 * roster_http_answer_cache_reply_new().
 *
 * Returns: %TRUE when @msg has been answered
 *
 * Since: 0.3
 **/
gboolean
roster_http_answer_cache_reply(RosterHttpAnswerCache *self,
			       RosterEngine *engine,
			       const gchar *key,
			       SoupServerMessage *msg)
{
	AnswerEntry *entry;

	if (!validate(self, engine))
		return FALSE;
	entry = g_hash_table_lookup(self->entries, key);
	if (entry == NULL)
		return FALSE;
	if (g_get_monotonic_time() - entry->checked > ROSTER_HTTP_ANSWER_MAX_AGE * G_USEC_PER_SEC) {
		g_hash_table_remove(self->entries, key);
		return FALSE;
	}
	reply_entry(msg, entry);
	return TRUE;
}

/**
 * roster_http_answer_cache_reply_new:
 * @self: a cache
 * @key: the request's key
 * @msg: the request
 * @node: the route's answer, built after roster_http_answer_cache_reply() found none
 *
 * Answers @msg with @node (200, with an ETag) and keeps the answer for the next
 * request of @key.
 *
 * Since: 0.3
 **/
void
roster_http_answer_cache_reply_new(RosterHttpAnswerCache *self,
				   const gchar *key,
				   SoupServerMessage *msg,
				   JsonNode *node)
{
	g_autoptr(JsonGenerator) generator = json_generator_new();
	g_autofree gchar *digest = NULL;
	AnswerEntry *entry = g_new0(AnswerEntry, 1);
	gsize length = 0;
	gchar *data;

	json_generator_set_root(generator, node);
	data = json_generator_to_data(generator, &length);
	digest = g_compute_checksum_for_string(G_CHECKSUM_SHA256, data, length);
	entry->body = g_bytes_new_take(data, length);
	/* 128 bits of the body's hash tell two answers apart */
	entry->etag = g_strdup_printf("\"%.32s\"", digest);
	entry->checked = g_get_monotonic_time();
	reply_entry(msg, entry);
	if (length > ROSTER_HTTP_ANSWER_MAX_BYTES) {
		answer_entry_free(entry);
		return;
	}
	if (g_hash_table_size(self->entries) >= ROSTER_HTTP_ANSWER_MAX_ENTRIES)
		g_hash_table_remove_all(self->entries);
	g_hash_table_replace(self->entries, g_strdup(key), entry);
}
