/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* RosterPage: what every page of the window repeats — the client, a cancellable that
 * dies with the page, the busy state of the calls under way, reload and toasts */

#include "config.h"

#include "roster-page.h"

typedef struct {
	RosterClient *client;
	GCancellable *cancellable;
	guint n_pending;
} RosterPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE(RosterPage, roster_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_CLIENT, PROP_BUSY, N_PROPS };

static GParamSpec *properties[N_PROPS];

/**
 * roster_page_set_client:
 * @self: a #RosterPage
 * @client: (nullable): the client of the session
 *
 * Gives the page its client; a different client tells the subclass through
 * #RosterPageClass.client_changed.
 *
 * Since: 0.1
 */
void
roster_page_set_client(RosterPage *self, RosterClient *client)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(self);

	g_return_if_fail(ROSTER_IS_PAGE(self));
	g_return_if_fail(client == NULL || ROSTER_IS_CLIENT(client));
	if (!g_set_object(&priv->client, client))
		return;
	if (ROSTER_PAGE_GET_CLASS(self)->client_changed != NULL)
		ROSTER_PAGE_GET_CLASS(self)->client_changed(self);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_CLIENT]);
}

/* the client of the session, or NULL before the coordinator has logged in */
RosterClient *
roster_page_get_client(RosterPage *self)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(self);

	g_return_val_if_fail(ROSTER_IS_PAGE(self), NULL);
	return priv->client;
}

/* cancelled when the page goes, so that no answer arrives at a page that is gone */
GCancellable *
roster_page_get_cancellable(RosterPage *self)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(self);

	g_return_val_if_fail(ROSTER_IS_PAGE(self), NULL);
	return priv->cancellable;
}

/**
 * roster_page_reload:
 * @self: a #RosterPage
 *
 * Loads again what the page shows; a page without a client, or one the client's
 * account is not shown, has nothing to load.
 *
 * Since: 0.1
 */
void
roster_page_reload(RosterPage *self)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(self);

	g_return_if_fail(ROSTER_IS_PAGE(self));
	if (priv->client == NULL || ROSTER_PAGE_GET_CLASS(self)->reload == NULL)
		return;
	/* a page the account may not see would only be refused */
	if (!roster_page_is_shown_to(self, priv->client))
		return;
	ROSTER_PAGE_GET_CLASS(self)->reload(self);
}

/**
 * roster_page_call:
 * @self: a #RosterPage with a client
 * @method: the HTTP method
 * @path: the path under the API, e.g. `/rounds`
 * @body: (nullable): the JSON body
 * @callback: called with a reference to the page as its data, which it drops, and
 *   which calls roster_page_release()
 *
 * Sends a call with the page's client and cancellable, counted as under way.
 *
 * Since: 0.4
 */
void
roster_page_call(RosterPage *self,
		 const gchar *method,
		 const gchar *path,
		 JsonNode *body,
		 GAsyncReadyCallback callback)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(self);

	g_return_if_fail(ROSTER_IS_PAGE(self));
	roster_page_hold(self);
	roster_client_call_async(priv->client,
				 method,
				 path,
				 body,
				 priv->cancellable,
				 callback,
				 g_object_ref(self));
}

/* whether a call of the page is under way */
gboolean
roster_page_get_busy(RosterPage *self)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(self);

	g_return_val_if_fail(ROSTER_IS_PAGE(self), FALSE);
	return priv->n_pending > 0;
}

/**
 * roster_page_hold:
 * @self: a #RosterPage
 *
 * Counts one more call under way; the page is busy until each is released.
 *
 * Since: 0.1
 */
void
roster_page_hold(RosterPage *self)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(self);

	g_return_if_fail(ROSTER_IS_PAGE(self));
	if (priv->n_pending++ == 0)
		g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_BUSY]);
}

/**
 * roster_page_release:
 * @self: a #RosterPage
 *
 * Counts a call as ended; the last one makes the page idle.
 *
 * Since: 0.1
 */
void
roster_page_release(RosterPage *self)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(self);

	g_return_if_fail(ROSTER_IS_PAGE(self));
	g_return_if_fail(priv->n_pending > 0);
	if (--priv->n_pending == 0)
		g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_BUSY]);
}

/* a short message at the bottom of the window */
void
roster_page_show_toast(RosterPage *self, const gchar *message)
{
	g_return_if_fail(ROSTER_IS_PAGE(self));
	gtk_widget_activate_action(GTK_WIDGET(self), "win.toast", "s", message);
}

/**
 * roster_page_show_error:
 * @self: a #RosterPage
 * @error: the error of a call
 *
 * Shows the error as a toast, unless the call was cancelled (the page is going).
 *
 * Returns: %FALSE for a cancelled call, whose page must not be touched
 *
 * Since: 0.1
 */
gboolean
roster_page_show_error(RosterPage *self, const GError *error)
{
	g_return_val_if_fail(ROSTER_IS_PAGE(self), FALSE);
	g_return_val_if_fail(error != NULL, FALSE);
	if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		return FALSE;
	roster_page_show_toast(self, error->message);
	return TRUE;
}

/* whether the window shows the page to @client's account (see RosterPageClass) */
gboolean
roster_page_is_shown_to(RosterPage *self, RosterClient *client)
{
	g_return_val_if_fail(ROSTER_IS_PAGE(self), FALSE);
	if (ROSTER_PAGE_GET_CLASS(self)->shown_to == NULL)
		return TRUE;
	return ROSTER_PAGE_GET_CLASS(self)->shown_to(self, client);
}

static void
roster_page_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterPage *self = ROSTER_PAGE(object);

	switch (prop_id) {
	case PROP_CLIENT:
		g_value_set_object(value, roster_page_get_client(self));
		break;
	case PROP_BUSY:
		g_value_set_boolean(value, roster_page_get_busy(self));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_page_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
	switch (prop_id) {
	case PROP_CLIENT:
		roster_page_set_client(ROSTER_PAGE(object), g_value_get_object(value));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_page_dispose(GObject *object)
{
	RosterPage *self = ROSTER_PAGE(object);
	RosterPagePrivate *priv = roster_page_get_instance_private(self);
	GtkWidget *child;

	if (priv->cancellable != NULL)
		g_cancellable_cancel(priv->cancellable);
	/* the root of a subclass's template is not a bound child, so nobody unparents it */
	while ((child = gtk_widget_get_first_child(GTK_WIDGET(self))) != NULL)
		gtk_widget_unparent(child);
	g_clear_object(&priv->client);
	G_OBJECT_CLASS(roster_page_parent_class)->dispose(object);
}

static void
roster_page_finalize(GObject *object)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(ROSTER_PAGE(object));

	g_clear_object(&priv->cancellable);
	G_OBJECT_CLASS(roster_page_parent_class)->finalize(object);
}

static void
roster_page_class_init(RosterPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

	object_class->get_property = roster_page_get_property;
	object_class->set_property = roster_page_set_property;
	object_class->dispose = roster_page_dispose;
	object_class->finalize = roster_page_finalize;
	properties[PROP_CLIENT] = g_param_spec_object("client",
						      NULL,
						      NULL,
						      ROSTER_TYPE_CLIENT,
						      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
							  G_PARAM_STATIC_STRINGS);
	properties[PROP_BUSY] = g_param_spec_boolean("busy",
						     NULL,
						     NULL,
						     FALSE,
						     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
roster_page_init(RosterPage *self)
{
	RosterPagePrivate *priv = roster_page_get_instance_private(self);

	priv->cancellable = g_cancellable_new();
}
