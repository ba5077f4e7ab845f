/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>

G_BEGIN_DECLS

#define ROSTER_TYPE_CLIENT (roster_client_get_type())
G_DECLARE_FINAL_TYPE(RosterClient, roster_client, ROSTER, CLIENT, GObject)

RosterClient *
roster_client_new(const gchar *base_url);
const gchar *
roster_client_get_base_url(RosterClient *self);
void
roster_client_set_base_url(RosterClient *self, const gchar *base_url);
const gchar *
roster_client_get_token(RosterClient *self);
void
roster_client_set_token(RosterClient *self, const gchar *token);
const gchar *
roster_client_get_username(RosterClient *self);
const gchar *
roster_client_get_role(RosterClient *self);
gboolean
roster_client_get_logged_in(RosterClient *self);

void
roster_client_login_async(RosterClient *self,
			  const gchar *username,
			  const gchar *password,
			  GCancellable *cancellable,
			  GAsyncReadyCallback callback,
			  gpointer user_data);
gboolean
roster_client_login_finish(RosterClient *self, GAsyncResult *result, GError **error);

void
roster_client_resume_async(RosterClient *self,
			   const gchar *token,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data);
gboolean
roster_client_resume_finish(RosterClient *self, GAsyncResult *result, GError **error);

void
roster_client_call_async(RosterClient *self,
			 const gchar *method,
			 const gchar *path,
			 JsonNode *body,
			 GCancellable *cancellable,
			 GAsyncReadyCallback callback,
			 gpointer user_data);
void
roster_client_call_bytes_async(RosterClient *self,
			       const gchar *method,
			       const gchar *path,
			       const gchar *content_type,
			       GBytes *body,
			       GCancellable *cancellable,
			       GAsyncReadyCallback callback,
			       gpointer user_data);
JsonNode *
roster_client_call_finish(RosterClient *self, GAsyncResult *result, gchar **field, GError **error);
JsonObject *
roster_client_call_finish_object(RosterClient *self, GAsyncResult *result, GError **error);
JsonArray *
roster_client_call_finish_items(RosterClient *self, GAsyncResult *result, GError **error);
gboolean
roster_client_call_get_overridable(RosterClient *self, GAsyncResult *result);
JsonObject *
roster_client_call_get_error_object(RosterClient *self, GAsyncResult *result);

void
roster_client_get_bytes_async(RosterClient *self,
			      const gchar *path,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data);
GBytes *
roster_client_get_bytes_finish(RosterClient *self, GAsyncResult *result, GError **error);

void
roster_client_add_nullable_string(JsonBuilder *builder, const gchar *key, const gchar *value);
gchar *
roster_client_build_query(const gchar *path, const gchar *first_key, ...) G_GNUC_NULL_TERMINATED;
gchar *
roster_client_build_query_valist(const gchar *path, const gchar *first_key, va_list args);
gchar *
roster_client_dup_error_message(const gchar *code, const gchar *field);
gboolean
roster_client_field_is_hard_rule(const gchar *field);
const gchar *
roster_client_get_field_label(const gchar *field);

G_END_DECLS
