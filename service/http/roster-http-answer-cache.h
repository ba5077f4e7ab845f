/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-http-private.h"

G_BEGIN_DECLS

/* the answers of the read routes flagged cached, per caller and URL (see the .c) */

/* the seconds an answer is given again without the caller's token being checked */
#define ROSTER_HTTP_ANSWER_MAX_AGE 10

typedef struct _RosterHttpAnswerCache RosterHttpAnswerCache;

RosterHttpAnswerCache *
roster_http_answer_cache_new(void);
void
roster_http_answer_cache_free(RosterHttpAnswerCache *self);
gchar *
roster_http_answer_cache_dup_key(SoupServerMessage *msg, const gchar *path);
gboolean
roster_http_answer_cache_reply(RosterHttpAnswerCache *self,
			       RosterEngine *engine,
			       const gchar *key,
			       SoupServerMessage *msg);
void
roster_http_answer_cache_reply_new(RosterHttpAnswerCache *self,
				   const gchar *key,
				   SoupServerMessage *msg,
				   JsonNode *node);
gboolean
roster_http_etag_listed(const gchar *if_none_match, const gchar *etag);

G_END_DECLS
