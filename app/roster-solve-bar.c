/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* RosterSolveBar: a solve job of the roster shown, started, polled and stopped, with
 * its live progress and an "improved" signal when the search has found a better
 * roster; once it has ended it also says what holds now when a hand edit has changed
 * the roster since */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-rosters.h"
#include "roster-solve-bar.h"
#include "roster-solve-words.h"

#define POLL_INTERVAL_MS 300
/* "improved" at most this often: each one has the page load the roster found */
#define IMPROVED_INTERVAL_US (G_USEC_PER_SEC / 2)

struct _RosterSolveBar {
	GtkBox parent_instance;
	GtkProgressBar *progress_bar;
	GtkLabel *label;
	GtkLabel *gap_label; /* how far the best score may be from the best possible */
	RosterClient *client;
	GCancellable *cancellable;
	gint64 roster_id;
	gboolean solving;
	gboolean poll_in_flight;
	guint poll_source;
	/* the last job the daemon reported, and whether there is one */
	RosterSolveProgress progress;
	gboolean has_progress;
	/* the best roster "improved" last announced, and when */
	gboolean has_announced;
	gint64 announced_score;
	gint64 announced_uncovered;
	gint64 announced_time;
	/* the seats the roster leaves empty now, after any hand edit since the solve */
	guint uncovered_now;
	gboolean has_uncovered_now;
};

G_DEFINE_FINAL_TYPE(RosterSolveBar, roster_solve_bar, GTK_TYPE_BOX)

enum { PROP_0, PROP_SOLVING, N_PROPS };

static GParamSpec *properties[N_PROPS];

enum { SIGNAL_FINISHED, SIGNAL_IMPROVED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
set_solving(RosterSolveBar *self, gboolean solving)
{
	if (self->solving == solving)
		return;
	self->solving = solving;
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_SOLVING]);
}

static void
stop_polling(RosterSolveBar *self)
{
	if (self->poll_source != 0) {
		g_source_remove(self->poll_source);
		self->poll_source = 0;
	}
}

static void
show_error(RosterSolveBar *self, const gchar *message)
{
	gtk_widget_activate_action(GTK_WIDGET(self), "win.toast", "s", message);
}

/* the proven gap beside the score, once the daemon reports one */
static void
update_gap_label(RosterSolveBar *self)
{
	g_autofree gchar *text = NULL;

	gtk_widget_set_visible(GTK_WIDGET(self->gap_label), self->progress.has_gap);
	if (!self->progress.has_gap)
		return;
	text = roster_solve_dup_gap_text(self->progress.gap);
	gtk_label_set_text(self->gap_label, text);
}

static void
update_label(RosterSolveBar *self)
{
	const RosterSolveProgress *progress = &self->progress;
	g_autofree gchar *best_text = NULL;
	g_autofree gchar *uncovered_text = NULL;
	g_autofree gchar *text = NULL;

	if (!self->has_progress)
		return;
	best_text = progress->has_best_score
			? g_strdup_printf("%" G_GINT64_FORMAT, progress->best_score)
			: g_strdup("–");
	uncovered_text = roster_solve_dup_uncovered_text(&self->progress,
							 self->has_uncovered_now,
							 self->uncovered_now);
	gtk_progress_bar_set_fraction(
	    self->progress_bar,
	    progress->time_limit > 0 ? MIN(progress->elapsed / progress->time_limit, 1.0) : 0);
	if (progress->state == ROSTER_SOLVE_RUNNING) {
		/* TRANSLATORS: live progress of a solve; the last %s is the seats it
		 * leaves empty */
		text = g_strdup_printf(_("%.1f s of %.0f s · best score %s · %s"),
				       progress->elapsed,
				       progress->time_limit,
				       best_text,
				       uncovered_text);
	} else if (progress->state == ROSTER_SOLVE_FAILED) {
		text = g_strdup(_("The solve failed"));
	} else {
		/* TRANSLATORS: the result of a solve that ran to its end or was stopped; the
		 * last %s is the seats it left empty */
		text = g_strdup_printf(progress->state == ROSTER_SOLVE_CANCELLED
					   ? _("Stopped after %.1f s · best score %s · %s")
					   : _("Solved in %.1f s · best score %s · %s"),
				       progress->elapsed,
				       best_text,
				       uncovered_text);
	}
	gtk_label_set_text(self->label, text);
	gtk_widget_set_tooltip_text(GTK_WIDGET(self->label), text);
	update_gap_label(self);
	gtk_widget_set_visible(GTK_WIDGET(self), TRUE);
}

/* a running job whose best roster changed since the last "improved", at most every
 * IMPROVED_INTERVAL_US: a change held back is announced by a later poll */
static void
announce_improvement(RosterSolveBar *self)
{
	const RosterSolveProgress *progress = &self->progress;
	gint64 now = g_get_monotonic_time();

	if (progress->state != ROSTER_SOLVE_RUNNING || !progress->has_best_score)
		return;
	if (self->has_announced && self->announced_score == progress->best_score &&
	    self->announced_uncovered == progress->uncovered)
		return;
	if (self->has_announced && now - self->announced_time < IMPROVED_INTERVAL_US)
		return;
	self->has_announced = TRUE;
	self->announced_score = progress->best_score;
	self->announced_uncovered = progress->uncovered;
	self->announced_time = now;
	g_signal_emit(self, signals[SIGNAL_IMPROVED], 0);
}

static gboolean
poll_cb(gpointer user_data);

static void
poll_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSolveBar) self = ROSTER_SOLVE_BAR(user_data);
	g_autoptr(GError) error = NULL;
	RosterSolveProgress progress;

	self->poll_in_flight = FALSE;
	if (!roster_client_solve_finish(ROSTER_CLIENT(source), result, &progress, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		show_error(self, error->message);
		stop_polling(self);
		set_solving(self, FALSE);
		return;
	}
	self->progress = progress;
	self->has_progress = TRUE;
	update_label(self);
	announce_improvement(self);
	if (progress.state != ROSTER_SOLVE_RUNNING) {
		stop_polling(self);
		/* the page starts loading the result before it stops calling itself solving */
		g_signal_emit(self, signals[SIGNAL_FINISHED], 0);
		set_solving(self, FALSE);
	}
}

static gboolean
poll_cb(gpointer user_data)
{
	RosterSolveBar *self = ROSTER_SOLVE_BAR(user_data);

	if (self->poll_in_flight)
		return G_SOURCE_CONTINUE;
	self->poll_in_flight = TRUE;
	roster_client_get_solve_async(self->client,
				      self->roster_id,
				      self->cancellable,
				      poll_done_cb,
				      g_object_ref(self));
	return G_SOURCE_CONTINUE;
}

static void
started_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSolveBar) self = ROSTER_SOLVE_BAR(user_data);
	g_autoptr(GError) error = NULL;
	RosterSolveProgress progress;

	if (!roster_client_solve_finish(ROSTER_CLIENT(source), result, &progress, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		show_error(self, error->message);
		set_solving(self, FALSE);
		return;
	}
	self->progress = progress;
	self->has_progress = TRUE;
	update_label(self);
	stop_polling(self);
	self->poll_source = g_timeout_add(POLL_INTERVAL_MS, poll_cb, self);
}

/**
 * roster_solve_bar_start:
 * @self: a #RosterSolveBar
 * @client: the client
 * @roster_id: the roster to solve
 * @time_limit: the solve's time limit in seconds
 *
 * Starts a solve and shows its progress until it ends, then emits
 * #RosterSolveBar::finished.
 *
 * Since: 0.1
 */
void
roster_solve_bar_start(RosterSolveBar *self,
		       RosterClient *client,
		       gint64 roster_id,
		       gdouble time_limit)
{
	g_return_if_fail(ROSTER_IS_SOLVE_BAR(self));
	g_return_if_fail(ROSTER_IS_CLIENT(client));

	g_set_object(&self->client, client);
	self->roster_id = roster_id;
	self->has_progress = FALSE;
	self->has_uncovered_now = FALSE;
	self->has_announced = FALSE;
	set_solving(self, TRUE);
	gtk_progress_bar_set_fraction(self->progress_bar, 0);
	gtk_label_set_text(self->label, _("Starting…"));
	gtk_widget_set_visible(GTK_WIDGET(self), TRUE);
	roster_client_start_solve_async(client,
					roster_id,
					time_limit,
					self->cancellable,
					started_cb,
					g_object_ref(self));
}

static void
stopped_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSolveBar) self = ROSTER_SOLVE_BAR(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_client_solve_finish(ROSTER_CLIENT(source), result, NULL, &error) &&
	    !g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		show_error(self, error->message);
}

/**
 * roster_solve_bar_stop:
 * @self: a #RosterSolveBar
 *
 * Stops the solve under way; the daemon keeps the best roster found, and the next poll
 * reports the end.
 *
 * Since: 0.1
 */
void
roster_solve_bar_stop(RosterSolveBar *self)
{
	g_return_if_fail(ROSTER_IS_SOLVE_BAR(self));
	if (!self->solving)
		return;
	roster_client_cancel_solve_async(self->client,
					 self->roster_id,
					 self->cancellable,
					 stopped_cb,
					 g_object_ref(self));
}

gboolean
roster_solve_bar_get_solving(RosterSolveBar *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_BAR(self), FALSE);
	return self->solving;
}

/**
 * roster_solve_bar_set_uncovered_now:
 * @self: a #RosterSolveBar
 * @roster_id: the roster loaded
 * @n_uncovered: the seats the roster leaves empty as it is now
 *
 * Tells the bar the truth after the roster was loaded again: when a hand edit has
 * changed it since the solve, the bar gives both figures.
 *
 * Since: 0.1
 */
void
roster_solve_bar_set_uncovered_now(RosterSolveBar *self, gint64 roster_id, guint n_uncovered)
{
	g_return_if_fail(ROSTER_IS_SOLVE_BAR(self));
	if (self->solving || roster_id != self->roster_id)
		return;
	self->uncovered_now = n_uncovered;
	self->has_uncovered_now = TRUE;
	update_label(self);
}

/* the text the bar shows, for the UI test */
const gchar *
roster_solve_bar_get_text(RosterSolveBar *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_BAR(self), NULL);
	return gtk_label_get_text(self->label);
}

/* the roster of the solve shown, 0 before any */
gint64
roster_solve_bar_get_roster_id(RosterSolveBar *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_BAR(self), 0);
	return self->roster_id;
}

static void
roster_solve_bar_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterSolveBar *self = ROSTER_SOLVE_BAR(object);

	switch (prop_id) {
	case PROP_SOLVING:
		g_value_set_boolean(value, self->solving);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_solve_bar_dispose(GObject *object)
{
	RosterSolveBar *self = ROSTER_SOLVE_BAR(object);

	stop_polling(self);
	if (self->cancellable != NULL)
		g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	g_clear_object(&self->client);
	G_OBJECT_CLASS(roster_solve_bar_parent_class)->dispose(object);
}

static void
roster_solve_bar_class_init(RosterSolveBarClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->get_property = roster_solve_bar_get_property;
	object_class->dispose = roster_solve_bar_dispose;
	properties[PROP_SOLVING] = g_param_spec_boolean("solving",
							NULL,
							NULL,
							FALSE,
							G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);
	/**
	 * RosterSolveBar::finished:
	 * @self: the bar
	 *
	 * The solve ended: ran to its end, was stopped or failed.
	 */
	signals[SIGNAL_FINISHED] = g_signal_new("finished",
						G_TYPE_FROM_CLASS(klass),
						G_SIGNAL_RUN_LAST,
						0,
						NULL,
						NULL,
						NULL,
						G_TYPE_NONE,
						0);
	/**
	 * RosterSolveBar::improved:
	 * @self: the bar
	 *
	 * The running solve has found a better roster than the last one announced; at
	 * most twice a second.
	 */
	signals[SIGNAL_IMPROVED] = g_signal_new("improved",
						G_TYPE_FROM_CLASS(klass),
						G_SIGNAL_RUN_LAST,
						0,
						NULL,
						NULL,
						NULL,
						G_TYPE_NONE,
						0);
}

static void
roster_solve_bar_init(RosterSolveBar *self)
{
	self->cancellable = g_cancellable_new();
	self->progress_bar = GTK_PROGRESS_BAR(gtk_progress_bar_new());
	self->label = GTK_LABEL(gtk_label_new(NULL));
	gtk_widget_set_hexpand(GTK_WIDGET(self->progress_bar), TRUE);
	gtk_widget_set_valign(GTK_WIDGET(self->progress_bar), GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(GTK_WIDGET(self->label), "solve-progress");
	/* the progress gives way before the window grows past the screen; the whole text
	 * stays in its tooltip */
	gtk_label_set_ellipsize(self->label, PANGO_ELLIPSIZE_END);
	gtk_box_append(GTK_BOX(self), GTK_WIDGET(self->progress_bar));
	gtk_box_append(GTK_BOX(self), GTK_WIDGET(self->label));
	self->gap_label = GTK_LABEL(gtk_label_new(NULL));
	gtk_widget_add_css_class(GTK_WIDGET(self->gap_label), "dim-label");
	gtk_widget_set_tooltip_text(
	    GTK_WIDGET(self->gap_label),
	    _("The solver has proved that no roster that keeps every hard rule scores better "
	      "than the one found by more than this share. At 0, the roster found is the best "
	      "possible."));
	gtk_widget_set_visible(GTK_WIDGET(self->gap_label), FALSE);
	gtk_box_append(GTK_BOX(self), GTK_WIDGET(self->gap_label));
	gtk_widget_set_visible(GTK_WIDGET(self), FALSE);
}
