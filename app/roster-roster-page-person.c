/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster page's per-person view: roster.show-person opens one volunteer's month
 * (RosterPersonView) from a seat's popover, the header's button or a person's
 * explanation, keeps it up to date with the roster, and a shift chosen there selects
 * its seat in the grid */

#include "config.h"

#include "roster-person-view.h"
#include "roster-roster-page-private.h"

static void
person_seat_activated_cb(RosterPersonView *view,
			 const gchar *date,
			 const gchar *slot,
			 gint64 assignment_id,
			 RosterRosterPage *self)
{
	roster_roster_page_select_seat(self, date, slot, assignment_id);
}

/**
 * roster_roster_page_update_person:
 * @self: a #RosterRosterPage
 * @data: the roster shown
 *
 * Shows the roster as it is now in the per-person view, if it is open.
 *
 * Since: 0.4
 */
void
roster_roster_page_update_person(RosterRosterPage *self, const RosterGridData *data)
{
	if (self->person_view != NULL && data->roster != NULL)
		roster_person_view_set_data(self->person_view, data);
}

/**
 * roster_roster_page_show_person:
 * @self: a #RosterRosterPage
 * @volunteer_id: the volunteer, or 0 for the first one of the picker
 *
 * Opens one volunteer's month in the roster shown.
 *
 * Since: 0.4
 */
void
roster_roster_page_show_person(RosterRosterPage *self, gint64 volunteer_id)
{
	RosterGridData data;

	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (self->roster == NULL)
		return;
	roster_roster_page_get_grid_data(self, &data);
	if (self->person_view == NULL) {
		self->person_view =
		    roster_person_view_new(GTK_WINDOW(gtk_widget_get_root(GTK_WIDGET(self))));
		g_object_add_weak_pointer(G_OBJECT(self->person_view),
					  (gpointer *)&self->person_view);
		g_signal_connect_object(self->person_view,
					"seat-activated",
					G_CALLBACK(person_seat_activated_cb),
					self,
					0);
	}
	roster_person_view_set_data(self->person_view, &data);
	roster_person_view_set_volunteer(self->person_view, volunteer_id);
	gtk_window_present(GTK_WINDOW(self->person_view));
}

/* the per-person view open, or NULL */
GtkWindow *
roster_roster_page_get_person_view(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), NULL);
	return self->person_view != NULL ? GTK_WINDOW(self->person_view) : NULL;
}

static void
show_person_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	roster_roster_page_show_person(ROSTER_ROSTER_PAGE(widget), g_variant_get_int64(parameter));
}

/**
 * roster_roster_page_person_dispose:
 * @self: a #RosterRosterPage
 *
 * Closes the per-person view with the page.
 *
 * Since: 0.4
 */
void
roster_roster_page_person_dispose(RosterRosterPage *self)
{
	if (self->person_view != NULL) {
		GtkWindow *view = GTK_WINDOW(self->person_view);
		g_object_remove_weak_pointer(G_OBJECT(view), (gpointer *)&self->person_view);
		self->person_view = NULL;
		gtk_window_destroy(view);
	}
}

/**
 * roster_roster_page_person_class_init:
 * @widget_class: the roster page's class
 *
 * Installs roster.show-person, whose parameter is a volunteer's id (0: the first).
 *
 * Since: 0.4
 */
void
roster_roster_page_person_class_init(GtkWidgetClass *widget_class)
{
	gtk_widget_class_install_action(widget_class,
					"roster.show-person",
					"x",
					show_person_action_cb);
}
