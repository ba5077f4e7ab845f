/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-application.h"
#include "roster-window.h"

struct _RosterApplication {
	AdwApplication parent_instance;
	/* the daemon named by --server, or NULL for the one used last */
	gchar *server_url;
};

G_DEFINE_FINAL_TYPE(RosterApplication, roster_application, ADW_TYPE_APPLICATION)

static void
roster_application_activate(GApplication *application)
{
	GtkWindow *window = gtk_application_get_active_window(GTK_APPLICATION(application));

	if (window == NULL) {
		window = GTK_WINDOW(roster_window_new(ROSTER_APPLICATION(application)));
		roster_window_set_server_url(ROSTER_WINDOW(window),
					     ROSTER_APPLICATION(application)->server_url);
	}
	gtk_window_present(window);
	/* a second start of the app brings the window forward, still logged in */
	if (roster_window_get_client(ROSTER_WINDOW(window)) == NULL)
		roster_window_resume_session(ROSTER_WINDOW(window));
}

static void
about_activated_cb(GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
	GtkApplication *application = GTK_APPLICATION(user_data);
	const gchar *developers[] = {"Hotline Roster developers", NULL};

	adw_show_about_window(gtk_application_get_active_window(application),
			      "application-name",
			      _("Hotline Roster"),
			      "application-icon",
			      APP_ID,
			      "version",
			      PACKAGE_VERSION,
			      "developers",
			      developers,
			      "license-type",
			      GTK_LICENSE_LGPL_2_1,
			      "comments",
			      _("Plan, publish and record the rotation of a volunteer hotline"),
			      /* TRANSLATORS: put your names here, one a line */
			      "translator-credits",
			      _("translator-credits"),
			      NULL);
}

static void
quit_activated_cb(GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
	g_application_quit(G_APPLICATION(user_data));
}

static void
roster_application_startup(GApplication *application)
{
	const GActionEntry entries[] = {
	    {"about", about_activated_cb, NULL, NULL, NULL, {0}},
	    {"quit", quit_activated_cb, NULL, NULL, NULL, {0}},
	};
	const gchar *quit_accels[] = {"<Control>q", NULL};

	G_APPLICATION_CLASS(roster_application_parent_class)->startup(application);
	g_action_map_add_action_entries(G_ACTION_MAP(application),
					entries,
					G_N_ELEMENTS(entries),
					application);
	gtk_application_set_accels_for_action(GTK_APPLICATION(application),
					      "app.quit",
					      quit_accels);
}

static gint
roster_application_handle_local_options(GApplication *application, GVariantDict *options)
{
	RosterApplication *self = ROSTER_APPLICATION(application);
	const gchar *url = NULL;

	if (g_variant_dict_lookup(options, "server", "&s", &url)) {
		if (!g_str_has_prefix(url, "http://") && !g_str_has_prefix(url, "https://")) {
			/* TRANSLATORS: %s is what was given after --server */
			g_printerr(
			    _("Not a server address: %s (it starts with http:// or https://)\n"),
			    url);
			return EXIT_FAILURE;
		}
		g_free(self->server_url);
		self->server_url = g_strdup(url);
	}
	return -1;
}

static void
roster_application_finalize(GObject *object)
{
	RosterApplication *self = ROSTER_APPLICATION(object);

	g_free(self->server_url);
	G_OBJECT_CLASS(roster_application_parent_class)->finalize(object);
}

static void
roster_application_class_init(RosterApplicationClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GApplicationClass *application_class = G_APPLICATION_CLASS(klass);

	object_class->finalize = roster_application_finalize;
	application_class->activate = roster_application_activate;
	application_class->startup = roster_application_startup;
	application_class->handle_local_options = roster_application_handle_local_options;
}

static void
roster_application_init(RosterApplication *self)
{
	const GOptionEntry entries[] = {
	    {"server",
	     's',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_STRING,
	     NULL,
	     /* TRANSLATORS: the help of the --server option */
	     N_("Connect to the roster daemon at this address"),
	     /* TRANSLATORS: the value of --server in the help, keep it short */
	     N_("URL")},
	    {NULL},
	};

	g_application_add_main_option_entries(G_APPLICATION(self), entries);
	g_application_set_option_context_summary(
	    G_APPLICATION(self),
	    _("Plan, publish and record the rotation of a volunteer hotline"));
}

RosterApplication *
roster_application_new(void)
{
	return g_object_new(ROSTER_TYPE_APPLICATION,
			    "application-id",
			    APP_ID,
			    "flags",
			    G_APPLICATION_DEFAULT_FLAGS,
			    "resource-base-path",
			    "/cn/hotline/Roster",
			    NULL);
}
