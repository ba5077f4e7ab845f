/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster page during a solve: the grids show the best roster the search has found
 * so far, marked as being solved, with the manual edits disabled until the solve ends */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-rosters.h"
#include "roster-roster-page-private.h"

/* the actions that change the roster: none while a solve rewrites it */
static const gchar *const edit_actions[] = {
    "roster.unassign",
    "roster.pin",
    "roster.move",
    "roster.assign",
    "roster.drop-seat",
    "roster.duty-primary",
};

static void
load_best(RosterRosterPage *self);

static void
best_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterRoster) roster =
	    roster_client_get_roster_finish(ROSTER_CLIENT(source), result, &error);

	self->live_in_flight = FALSE;
	if (!roster_roster_page_get_solving(self))
		return;
	/* not-found before the search has a roster, conflict once the job has ended: the
	 * solve bar reports the job itself, and its end reloads the stored roster */
	if (roster == NULL) {
		g_debug("no live roster: %s", error->message);
	} else {
		g_set_object(&self->live_roster, roster);
		roster_roster_page_rebuild(self);
	}
	if (self->live_pending) {
		self->live_pending = FALSE;
		load_best(self);
	}
}

static void
load_best(RosterRosterPage *self)
{
	RosterClient *client = roster_page_get_client(ROSTER_PAGE(self));

	if (client == NULL)
		return;
	if (self->live_in_flight) {
		self->live_pending = TRUE;
		return;
	}
	self->live_in_flight = TRUE;
	roster_client_get_solve_best_async(client,
					   roster_solve_bar_get_roster_id(self->solve_bar),
					   roster_page_get_cancellable(ROSTER_PAGE(self)),
					   best_cb,
					   g_object_ref(self));
}

/* the solve bar saw a better roster: show it */
static void
solve_improved_cb(RosterRosterPage *self)
{
	load_best(self);
}

/**
 * roster_roster_page_get_live:
 * @self: a #RosterRosterPage
 *
 * Returns: whether the grids show the best roster of a solve under way
 *
 * Since: 0.5
 */
gboolean
roster_roster_page_get_live(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), FALSE);
	return self->live_roster != NULL && self->roster != NULL &&
	       roster_roster_get_id(self->live_roster) == roster_roster_get_id(self->roster);
}

/**
 * roster_roster_page_live_grid_data:
 * @self: a #RosterRosterPage
 * @data: what the grids show, changed to the solve's roster while one is shown
 *
 * The roster found so far has no explanation list yet (the solve bar counts its
 * gaps): the grids show its seats without the stored roster's gaps.
 */
void
roster_roster_page_live_grid_data(RosterRosterPage *self, RosterGridData *data)
{
	if (!roster_roster_page_get_live(self))
		return;
	data->roster = self->live_roster;
	data->explanations = G_LIST_MODEL(self->live_explanations);
}

/**
 * roster_roster_page_live_solving_changed:
 * @self: a #RosterRosterPage
 * @solving: whether a solve runs
 *
 * Disables the edits while a solve runs; once it has stopped the roster found so
 * far is dropped: the stored roster, reloaded at the solve's end, replaces it.
 */
void
roster_roster_page_live_solving_changed(RosterRosterPage *self, gboolean solving)
{
	gboolean can_plan = roster_roster_page_get_can_plan(self);

	for (guint i = 0; i < G_N_ELEMENTS(edit_actions); i++)
		gtk_widget_action_set_enabled(GTK_WIDGET(self),
					      edit_actions[i],
					      !solving && can_plan);
	roster_roster_page_update_undo(self);
	if (solving) {
		gtk_widget_add_css_class(GTK_WIDGET(self->view_stack), "being-solved");
		return;
	}
	gtk_widget_remove_css_class(GTK_WIDGET(self->view_stack), "being-solved");
	self->live_pending = FALSE;
	if (self->live_roster == NULL)
		return;
	g_clear_object(&self->live_roster);
	/* the grids keep the roster found until the stored one, being loaded, replaces it */
	if (!roster_page_get_busy(ROSTER_PAGE(self)))
		roster_roster_page_rebuild(self);
}

/**
 * roster_roster_page_live_dup_summary:
 * @self: a #RosterRosterPage
 * @name: the roster's name as shown
 *
 * Returns: (transfer full) (nullable): the summary line while the grids show a solve's
 *   roster, or %NULL
 */
gchar *
roster_roster_page_live_dup_summary(RosterRosterPage *self, const gchar *name)
{
	if (!roster_roster_page_get_live(self))
		return NULL;
	/* TRANSLATORS: the summary line while a solve runs: the roster's name, then the
	 * shifts of the best roster the solver has found so far */
	return g_strdup_printf(_("%s · being solved: the best roster so far, %u shifts · edits "
				 "wait until the solve has ended"),
			       name,
			       roster_roster_get_n_assignments(self->live_roster));
}

void
roster_roster_page_live_class_init(GtkWidgetClass *widget_class)
{
	gtk_widget_class_bind_template_callback(widget_class, solve_improved_cb);
}

void
roster_roster_page_live_init(RosterRosterPage *self)
{
	self->live_explanations = g_list_store_new(ROSTER_TYPE_EXPLANATION);
}

void
roster_roster_page_live_dispose(RosterRosterPage *self)
{
	g_clear_object(&self->live_roster);
	g_clear_object(&self->live_explanations);
}
