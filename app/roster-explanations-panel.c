/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-explanations-panel.h"

/*
 * The explanation list of the roster shown: every uncovered seat, broken hard rule,
 * soft rule and idle volunteer, filterable by group; the "Conflicts" filter is the
 * conflicts list (the gaps and broken rules together). Activating a row emits
 * ::explanation-activated, and the roster page takes the coordinator to the seat or
 * the person.
 */

struct _RosterExplanationsPanel {
	GtkWidget parent_instance;
	GtkDropDown *filter_dropdown;
	GtkLabel *count_label;
	GtkLabel *empty_label;
	GtkStack *stack;
	GtkListView *list_view;
	GtkFilterListModel *shown;
	GtkCustomFilter *filter;
};

G_DEFINE_FINAL_TYPE(RosterExplanationsPanel, roster_explanations_panel, GTK_TYPE_WIDGET)

enum { SIGNAL_EXPLANATION_ACTIVATED, N_SIGNALS };

static guint signals[N_SIGNALS];

static gboolean
filter_cb(gpointer item, gpointer user_data)
{
	RosterExplanationsPanel *self = ROSTER_EXPLANATIONS_PANEL(user_data);
	guint filter = gtk_drop_down_get_selected(self->filter_dropdown);

	RosterExplanationCategory category =
	    roster_explanation_get_category(ROSTER_EXPLANATION(item));

	if (filter == ROSTER_EXPLANATIONS_FILTER_ALL || filter == GTK_INVALID_LIST_POSITION)
		return TRUE;
	if (filter == ROSTER_EXPLANATIONS_FILTER_CONFLICTS)
		return category == ROSTER_EXPLANATION_GAP ||
		       category == ROSTER_EXPLANATION_BROKEN_RULE;
	/* the filters of one category follow the categories' order */
	return (guint)category + ROSTER_EXPLANATIONS_FILTER_GAPS == filter;
}

static void
update_count(RosterExplanationsPanel *self)
{
	GListModel *all = gtk_filter_list_model_get_model(self->shown);
	guint n_shown = g_list_model_get_n_items(G_LIST_MODEL(self->shown));
	guint n_all = all != NULL ? g_list_model_get_n_items(all) : 0;
	g_autofree gchar *text = NULL;

	if (n_shown < n_all) {
		/* TRANSLATORS: explanations that match the filter, of all of them */
		text = g_strdup_printf(_("%u of %u shown"), n_shown, n_all);
	} else {
		text = g_strdup_printf(ngettext("%u explanation", "%u explanations", n_all), n_all);
	}
	gtk_label_set_text(self->count_label, text);
	gtk_label_set_text(self->empty_label,
			   n_all == 0 ? _("Nothing to explain: every seat is filled and every rule "
					  "kept")
				      : _("No explanation of this kind"));
	gtk_stack_set_visible_child_name(self->stack, n_shown > 0 ? "list" : "empty");
}

static void
items_changed_cb(GListModel *model, guint position, guint removed, guint added, gpointer user_data)
{
	update_count(ROSTER_EXPLANATIONS_PANEL(user_data));
}

static void
filter_selected_cb(RosterExplanationsPanel *self)
{
	gtk_filter_changed(GTK_FILTER(self->filter), GTK_FILTER_CHANGE_DIFFERENT);
	update_count(self);
}

static void
row_activated_cb(RosterExplanationsPanel *self, guint position)
{
	g_autoptr(RosterExplanation) explanation =
	    g_list_model_get_item(G_LIST_MODEL(self->shown), position);

	if (explanation != NULL)
		g_signal_emit(self, signals[SIGNAL_EXPLANATION_ACTIVATED], 0, explanation);
}

/**
 * roster_explanations_panel_set_model:
 * @self: a #RosterExplanationsPanel
 * @model: (nullable): a list of #RosterExplanation
 *
 * Shows the explanations of @model, which the panel follows as it changes.
 *
 * Since: 0.1
 */
void
roster_explanations_panel_set_model(RosterExplanationsPanel *self, GListModel *model)
{
	g_return_if_fail(ROSTER_IS_EXPLANATIONS_PANEL(self));
	g_return_if_fail(model == NULL || G_IS_LIST_MODEL(model));
	gtk_filter_list_model_set_model(self->shown, model);
	update_count(self);
}

/**
 * roster_explanations_panel_get_shown:
 * @self: a #RosterExplanationsPanel
 *
 * Returns: (transfer none): the explanations the filter lets through, as listed
 *
 * Since: 0.1
 */
GListModel *
roster_explanations_panel_get_shown(RosterExplanationsPanel *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATIONS_PANEL(self), NULL);
	return G_LIST_MODEL(self->shown);
}

void
roster_explanations_panel_set_filter(RosterExplanationsPanel *self, RosterExplanationsFilter filter)
{
	g_return_if_fail(ROSTER_IS_EXPLANATIONS_PANEL(self));
	gtk_drop_down_set_selected(self->filter_dropdown, filter);
}

RosterExplanationsFilter
roster_explanations_panel_get_filter(RosterExplanationsPanel *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATIONS_PANEL(self), ROSTER_EXPLANATIONS_FILTER_ALL);
	return (RosterExplanationsFilter)gtk_drop_down_get_selected(self->filter_dropdown);
}

static void
roster_explanations_panel_dispose(GObject *object)
{
	RosterExplanationsPanel *self = ROSTER_EXPLANATIONS_PANEL(object);
	GtkWidget *child;

	/* the page's list outlives the panel: stop following it */
	if (self->shown != NULL) {
		g_signal_handlers_disconnect_by_data(self->shown, self);
		gtk_filter_list_model_set_model(self->shown, NULL);
	}
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_EXPLANATIONS_PANEL);
	/* the root of the template is not a bound child, so it is not unparented for us */
	while ((child = gtk_widget_get_first_child(GTK_WIDGET(self))) != NULL)
		gtk_widget_unparent(child);
	g_clear_object(&self->shown);
	G_OBJECT_CLASS(roster_explanations_panel_parent_class)->dispose(object);
}

static void
roster_explanations_panel_class_init(RosterExplanationsPanelClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

	object_class->dispose = roster_explanations_panel_dispose;

	/**
	 * RosterExplanationsPanel::explanation-activated:
	 * @self: the panel
	 * @explanation: the #RosterExplanation of the row
	 *
	 * A row was activated: take the coordinator to its seat or person.
	 */
	signals[SIGNAL_EXPLANATION_ACTIVATED] = g_signal_new("explanation-activated",
							     G_TYPE_FROM_CLASS(klass),
							     G_SIGNAL_RUN_LAST,
							     0,
							     NULL,
							     NULL,
							     NULL,
							     G_TYPE_NONE,
							     1,
							     ROSTER_TYPE_EXPLANATION);

	g_type_ensure(ROSTER_TYPE_EXPLANATION);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(
	    widget_class,
	    "/cn/hotline/Roster/ui/roster-explanations-panel.ui");
	gtk_widget_class_bind_template_child(widget_class,
					     RosterExplanationsPanel,
					     filter_dropdown);
	gtk_widget_class_bind_template_child(widget_class, RosterExplanationsPanel, count_label);
	gtk_widget_class_bind_template_child(widget_class, RosterExplanationsPanel, empty_label);
	gtk_widget_class_bind_template_child(widget_class, RosterExplanationsPanel, stack);
	gtk_widget_class_bind_template_child(widget_class, RosterExplanationsPanel, list_view);
	gtk_widget_class_bind_template_callback(widget_class, filter_selected_cb);
	gtk_widget_class_bind_template_callback(widget_class, row_activated_cb);
}

static void
roster_explanations_panel_init(RosterExplanationsPanel *self)
{
	g_autoptr(GtkNoSelection) selection = NULL;

	gtk_widget_init_template(GTK_WIDGET(self));
	self->filter = gtk_custom_filter_new(filter_cb, self, NULL);
	self->shown = gtk_filter_list_model_new(NULL, GTK_FILTER(self->filter));
	g_signal_connect(self->shown, "items-changed", G_CALLBACK(items_changed_cb), self);
	selection = gtk_no_selection_new(g_object_ref(G_LIST_MODEL(self->shown)));
	gtk_list_view_set_model(self->list_view, GTK_SELECTION_MODEL(selection));
	update_count(self);
}
