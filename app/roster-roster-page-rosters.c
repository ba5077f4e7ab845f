/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster page's rosters: the list (each roster by its name or its period in the
 * language of the moment, with its period and state), the new-roster dialog and the
 * settings of the roster shown (rename, rotation, weights, delete a draft) */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-json-keys.h"
#include "roster-roster-page-private.h"

/* "name · period · state", as the roster list shows a roster */
static gchar *
dup_roster_label(RosterItem *item)
{
	const gchar *start = roster_item_get_string(item, ROSTER_KEY_PERIOD_START);
	const gchar *end = roster_item_get_string(item, ROSTER_KEY_PERIOD_END);
	const gchar *name = roster_item_get_string(item, ROSTER_KEY_NAME);
	g_autofree gchar *title = roster_roster_dup_display_name(name, start, end);
	g_autofree gchar *period = roster_roster_dup_period_text(start, end);
	gboolean published =
	    g_strcmp0(roster_item_get_string(item, ROSTER_KEY_STATE), ROSTER_STATE_PUBLISHED) == 0;
	const gchar *state = published ? _("published") : _("draft");

	/* a name made from the period says the period already */
	if (name == NULL || name[0] == '\0')
		/* TRANSLATORS: a roster in the roster list: its name, then its state */
		return g_strdup_printf(_("%s · %s"), title, state);
	/* TRANSLATORS: a roster in the roster list: its name, period and state */
	return g_strdup_printf(_("%s · %s · %s"), title, period, state);
}

static void
setup_label_cb(GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
	GtkWidget *label = gtk_label_new(NULL);

	gtk_label_set_xalign(GTK_LABEL(label), 0);
	gtk_label_set_ellipsize(GTK_LABEL(label), PANGO_ELLIPSIZE_END);
	/* the closed list shows the roster in view: room for a month's name at least
	 * (ellipsized, the label would shrink to "2026 …" in a full toolbar) */
	gtk_label_set_width_chars(GTK_LABEL(label), 12);
	gtk_label_set_max_width_chars(GTK_LABEL(label), 40);
	gtk_widget_add_css_class(label, "roster-list-label");
	gtk_list_item_set_child(list_item, label);
}

static void
bind_label_cb(GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
	RosterItem *item = gtk_list_item_get_item(list_item);
	g_autofree gchar *text = item != NULL ? dup_roster_label(item) : NULL;

	gtk_label_set_text(GTK_LABEL(gtk_list_item_get_child(list_item)), text != NULL ? text : "");
}

static void
dialog_saved_cb(RosterRosterDialog *dialog, gint64 roster_id, RosterRosterPage *self)
{
	self->select_roster_id = roster_id;
	roster_page_show_toast(ROSTER_PAGE(self), _("Roster saved"));
	roster_page_reload(ROSTER_PAGE(self));
}

static void
dialog_deleted_cb(RosterRosterDialog *dialog, gint64 roster_id, RosterRosterPage *self)
{
	self->select_roster_id = 0;
	gtk_drop_down_set_selected(self->roster_dropdown, 0);
	roster_page_show_toast(ROSTER_PAGE(self), _("Draft deleted"));
	roster_page_reload(ROSTER_PAGE(self));
}

static void
dialog_destroyed_cb(RosterRosterDialog *dialog, RosterRosterPage *self)
{
	if (self->roster_dialog == dialog)
		self->roster_dialog = NULL;
}

static void
show_dialog(RosterRosterPage *self, RosterRosterDialog *dialog)
{
	if (self->roster_dialog != NULL)
		gtk_window_destroy(GTK_WINDOW(self->roster_dialog));
	self->roster_dialog = dialog;
	g_signal_connect_object(dialog, "saved", G_CALLBACK(dialog_saved_cb), self, 0);
	g_signal_connect_object(dialog, "deleted", G_CALLBACK(dialog_deleted_cb), self, 0);
	g_signal_connect_object(dialog, "destroy", G_CALLBACK(dialog_destroyed_cb), self, 0);
	gtk_window_present(GTK_WINDOW(dialog));
}

static GtkWindow *
get_window(RosterRosterPage *self)
{
	GtkRoot *root = gtk_widget_get_root(GTK_WIDGET(self));
	return GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL;
}

static void
new_roster_clicked_cb(RosterRosterPage *self)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	GDate today;

	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL)
		return;
	g_date_clear(&today, 1);
	g_date_set_dmy(&today,
		       (GDateDay)g_date_time_get_day_of_month(now),
		       (GDateMonth)g_date_time_get_month(now),
		       (GDateYear)g_date_time_get_year(now));
	show_dialog(self,
		    roster_roster_dialog_new_create(get_window(self),
						    roster_page_get_client(ROSTER_PAGE(self)),
						    G_LIST_MODEL(self->rosters),
						    &today));
}

static void
roster_settings_clicked_cb(RosterRosterPage *self)
{
	if (self->roster == NULL || roster_page_get_client(ROSTER_PAGE(self)) == NULL) {
		roster_page_show_toast(ROSTER_PAGE(self), _("Create a roster first"));
		return;
	}
	show_dialog(self,
		    roster_roster_dialog_new_settings(get_window(self),
						      roster_page_get_client(ROSTER_PAGE(self)),
						      roster_roster_get_id(self->roster)));
}

/**
 * roster_roster_page_get_roster_dialog:
 * @self: a #RosterRosterPage
 *
 * Returns: (transfer none) (nullable): the new-roster or settings dialog open
 */
GtkWindow *
roster_roster_page_get_roster_dialog(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), NULL);
	return self->roster_dialog != NULL ? GTK_WINDOW(self->roster_dialog) : NULL;
}

void
roster_roster_page_rosters_init(RosterRosterPage *self)
{
	g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new();

	g_signal_connect(factory, "setup", G_CALLBACK(setup_label_cb), NULL);
	g_signal_connect(factory, "bind", G_CALLBACK(bind_label_cb), NULL);
	gtk_drop_down_set_factory(self->roster_dropdown, factory);
}

void
roster_roster_page_rosters_dispose(RosterRosterPage *self)
{
	if (self->roster_dialog != NULL)
		gtk_window_destroy(GTK_WINDOW(self->roster_dialog));
	self->roster_dialog = NULL;
}

void
roster_roster_page_rosters_class_init(GtkWidgetClass *widget_class)
{
	gtk_widget_class_bind_template_callback(widget_class, new_roster_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, roster_settings_clicked_cb);
}
