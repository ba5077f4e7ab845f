/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the window's sidebar: the views of a view stack in the groups a coordinator thinks in,
 * each row shown while its page is, and kept in step with the stack's visible child */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-sidebar.h"

struct _RosterSidebar {
	GtkWidget parent_instance;
	GtkWidget *scrolled;
	GtkWidget *separator;
	GtkListBox *list;
	AdwViewStack *stack;
	/* set while the list follows the stack, so that its selection does not go back */
	gboolean syncing;
};

G_DEFINE_FINAL_TYPE(RosterSidebar, roster_sidebar, GTK_TYPE_WIDGET)

/* the groups, in the order they are listed */
static const gchar *const groups[] = {
    /* TRANSLATORS: a group of views in the window's sidebar: the roster and its seats,
     * rounds, swaps and publishing */
    N_("Rostering"),
    /* TRANSLATORS: a group of views in the window's sidebar: volunteers, teams and
     * accounts */
    N_("People"),
    /* TRANSLATORS: a group of views in the window's sidebar: service records, logged
     * hours and reports */
    N_("Records and Hours"),
    /* TRANSLATORS: a group of views in the window's sidebar: messages, settings and the
     * audit log */
    N_("Administration"),
};

/* the views by the stack's child names, in the order they are listed; a view the table
 * does not name (a volunteer's pointer to their own page) gets no row */
static const struct {
	const gchar *name;
	guint group;
} views[] = {
    {"roster", 0},
    {"seats", 0},
    {"rounds", 0},
    {"requests", 0},
    {"publish", 0},
    {"volunteers", 1},
    {"teams", 1},
    {"accounts", 1},
    {"records", 2},
    {"approvals", 2},
    {"reports", 2},
    {"messages", 3},
    {"record-settings", 3},
    {"audit", 3},
};

static AdwViewStackPage *
row_get_page(GtkListBoxRow *row)
{
	return g_object_get_data(G_OBJECT(row), "roster-sidebar-page");
}

static gboolean
row_is_shown(GtkListBoxRow *row)
{
	return adw_view_stack_page_get_visible(row_get_page(row));
}

static gboolean
filter_func(GtkListBoxRow *row, gpointer user_data)
{
	return row_is_shown(row);
}

static guint
row_get_group(GtkListBoxRow *row)
{
	return GPOINTER_TO_UINT(g_object_get_data(G_OBJECT(row), "roster-sidebar-group"));
}

/* a group's name above its first shown row */
static void
header_func(GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
	GtkWidget *label;

	if (before != NULL && row_get_group(before) == row_get_group(row)) {
		gtk_list_box_row_set_header(row, NULL);
		return;
	}
	label = gtk_label_new(_(groups[row_get_group(row)]));
	gtk_label_set_xalign(GTK_LABEL(label), 0);
	gtk_widget_add_css_class(label, "heading");
	gtk_widget_add_css_class(label, "dim-label");
	gtk_widget_add_css_class(label, "sidebar-group");
	gtk_widget_set_margin_start(label, 12);
	gtk_widget_set_margin_top(label, before == NULL ? 6 : 18);
	gtk_widget_set_margin_bottom(label, 6);
	gtk_list_box_row_set_header(row, label);
}

/**
 * roster_sidebar_get_n_shown:
 * @self: a #RosterSidebar
 *
 * Returns: how many views the sidebar lists for the account of the moment
 *
 * Since: 0.4
 */
guint
roster_sidebar_get_n_shown(RosterSidebar *self)
{
	guint n = 0;
	GtkListBoxRow *row;

	g_return_val_if_fail(ROSTER_IS_SIDEBAR(self), 0);
	for (guint i = 0; (row = gtk_list_box_get_row_at_index(self->list, i)) != NULL; i++) {
		if (row_is_shown(row))
			n++;
	}
	return n;
}

/**
 * roster_sidebar_get_nth_shown:
 * @self: a #RosterSidebar
 * @n: a position among the views listed, from 0
 *
 * Returns: (nullable): the stack's name of the view listed at @n, or %NULL when fewer
 *   are listed
 *
 * Since: 0.4
 */
const gchar *
roster_sidebar_get_nth_shown(RosterSidebar *self, guint n)
{
	GtkListBoxRow *row;

	g_return_val_if_fail(ROSTER_IS_SIDEBAR(self), NULL);
	for (guint i = 0; (row = gtk_list_box_get_row_at_index(self->list, i)) != NULL; i++) {
		if (!row_is_shown(row))
			continue;
		if (n == 0)
			return adw_view_stack_page_get_name(row_get_page(row));
		n--;
	}
	return NULL;
}

/* the row of the stack's visible child is the one selected */
static void
visible_child_cb(RosterSidebar *self)
{
	GtkWidget *child;
	GtkListBoxRow *row;

	if (self->stack == NULL)
		return;
	child = adw_view_stack_get_visible_child(self->stack);
	self->syncing = TRUE;
	gtk_list_box_unselect_all(self->list);
	for (guint i = 0; (row = gtk_list_box_get_row_at_index(self->list, i)) != NULL; i++) {
		if (adw_view_stack_page_get_child(row_get_page(row)) == child) {
			gtk_list_box_select_row(self->list, row);
			break;
		}
	}
	self->syncing = FALSE;
}

static void
row_selected_cb(RosterSidebar *self, GtkListBoxRow *row)
{
	if (self->syncing || row == NULL || self->stack == NULL)
		return;
	adw_view_stack_set_visible_child(self->stack,
					 adw_view_stack_page_get_child(row_get_page(row)));
}

/* a role change shows and hides pages: the rows and group names follow, and a sidebar
 * with nothing to list (a volunteer's account) takes no room */
static void
page_visible_cb(RosterSidebar *self)
{
	gtk_list_box_invalidate_filter(self->list);
	gtk_list_box_invalidate_headers(self->list);
	gtk_widget_set_visible(GTK_WIDGET(self), roster_sidebar_get_n_shown(self) > 0);
}

static GtkWidget *
row_new(RosterSidebar *self, AdwViewStackPage *page, guint group)
{
	GtkWidget *row = gtk_list_box_row_new();
	GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 12);
	GtkWidget *image = gtk_image_new();
	GtkWidget *label = gtk_label_new(NULL);

	gtk_label_set_xalign(GTK_LABEL(label), 0);
	gtk_label_set_ellipsize(GTK_LABEL(label), PANGO_ELLIPSIZE_END);
	g_object_bind_property(page, "title", label, "label", G_BINDING_SYNC_CREATE);
	g_object_bind_property(page, "icon-name", image, "icon-name", G_BINDING_SYNC_CREATE);
	gtk_box_append(GTK_BOX(box), image);
	gtk_box_append(GTK_BOX(box), label);
	gtk_list_box_row_set_child(GTK_LIST_BOX_ROW(row), box);
	/* the view's name, by which the UI tests find its row */
	gtk_widget_set_name(row, adw_view_stack_page_get_name(page));
	g_object_set_data(G_OBJECT(row), "roster-sidebar-page", page);
	g_object_set_data(G_OBJECT(row), "roster-sidebar-group", GUINT_TO_POINTER(group));
	g_signal_connect_object(page,
				"notify::visible",
				G_CALLBACK(page_visible_cb),
				self,
				G_CONNECT_SWAPPED);
	return row;
}

/**
 * roster_sidebar_new:
 * @stack: the view stack whose pages it lists
 *
 * Makes a sidebar for the views @stack holds now; pages added later are not listed.
 *
 * Returns: (transfer floating): a #RosterSidebar
 *
 * Since: 0.4
 */
GtkWidget *
roster_sidebar_new(AdwViewStack *stack)
{
	RosterSidebar *self;

	g_return_val_if_fail(ADW_IS_VIEW_STACK(stack), NULL);
	self = g_object_new(ROSTER_TYPE_SIDEBAR, NULL);
	self->stack = g_object_ref(stack);
	for (guint i = 0; i < G_N_ELEMENTS(views); i++) {
		GtkWidget *child = adw_view_stack_get_child_by_name(stack, views[i].name);
		if (child == NULL)
			continue;
		gtk_list_box_append(
		    self->list,
		    row_new(self, adw_view_stack_get_page(stack, child), views[i].group));
	}
	g_signal_connect_object(stack,
				"notify::visible-child",
				G_CALLBACK(visible_child_cb),
				self,
				G_CONNECT_SWAPPED);
	page_visible_cb(self);
	visible_child_cb(self);
	return GTK_WIDGET(self);
}

static void
roster_sidebar_dispose(GObject *object)
{
	RosterSidebar *self = ROSTER_SIDEBAR(object);

	g_clear_pointer(&self->scrolled, gtk_widget_unparent);
	g_clear_pointer(&self->separator, gtk_widget_unparent);
	g_clear_object(&self->stack);
	G_OBJECT_CLASS(roster_sidebar_parent_class)->dispose(object);
}

static void
roster_sidebar_class_init(RosterSidebarClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

	object_class->dispose = roster_sidebar_dispose;
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BOX_LAYOUT);
	gtk_widget_class_set_css_name(widget_class, "rostersidebar");
}

static void
roster_sidebar_init(RosterSidebar *self)
{
	self->list = GTK_LIST_BOX(gtk_list_box_new());
	gtk_list_box_set_selection_mode(self->list, GTK_SELECTION_SINGLE);
	gtk_list_box_set_filter_func(self->list, filter_func, NULL, NULL);
	gtk_list_box_set_header_func(self->list, header_func, NULL, NULL);
	gtk_widget_add_css_class(GTK_WIDGET(self->list), "navigation-sidebar");
	g_signal_connect_swapped(self->list, "row-selected", G_CALLBACK(row_selected_cb), self);
	self->scrolled = gtk_scrolled_window_new();
	gtk_scrolled_window_set_policy(GTK_SCROLLED_WINDOW(self->scrolled),
				       GTK_POLICY_NEVER,
				       GTK_POLICY_AUTOMATIC);
	gtk_scrolled_window_set_propagate_natural_width(GTK_SCROLLED_WINDOW(self->scrolled), TRUE);
	gtk_widget_set_size_request(self->scrolled, 180, -1);
	gtk_scrolled_window_set_child(GTK_SCROLLED_WINDOW(self->scrolled), GTK_WIDGET(self->list));
	gtk_widget_set_parent(self->scrolled, GTK_WIDGET(self));
	self->separator = gtk_separator_new(GTK_ORIENTATION_VERTICAL);
	gtk_widget_set_parent(self->separator, GTK_WIDGET(self));
}
