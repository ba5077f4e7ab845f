/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the audit viewer (admins and managers): who changed what and when, newest first,
 * between two days picked on calendars; the daemon's action and collection codes are
 * shown in words */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "roster-audit-page.h"
#include "roster-client-records.h"
#include "roster-client-roles.h"
#include "roster-date-button.h"
#include "roster-date.h"
#include "roster-form-widgets.h"
#include "roster-json-keys.h"
#include "roster-row-actions.h"

/* the most entries one range shows, the daemon's page size */
#define AUDIT_LIMIT 500

struct _RosterAuditPage {
	RosterPage parent_instance;
	AdwPreferencesGroup *group;
	GtkMenuButton *from_button;
	GtkMenuButton *to_button;
	GtkListBox *list;
	GtkLabel *count_label;
	GDate from;
	GDate to;
	guint n_entries;
	/* the range is being shown on the date buttons, which then tell of it */
	gboolean showing_range;
};

G_DEFINE_FINAL_TYPE(RosterAuditPage, roster_audit_page, ROSTER_TYPE_PAGE)

static const struct {
	const gchar *code;
	const gchar *label;
} actions[] = {
    {"create", N_("created")},
    {"update", N_("changed")},
    {"delete", N_("deleted")},
    {"import", N_("imported")},
    {"publish", N_("published")},
    {"solve", N_("solved")},
    {"approve", N_("approved")},
    {"reject", N_("declined")},
    {"decline", N_("declined")},
    {"accept", N_("accepted")},
    {"withdraw", N_("withdrew")},
    {"revoke", N_("revoked")},
    {"answer", N_("answered")},
    {"resend", N_("sent again")},
    {"confirm-shift", N_("confirmed")},
    {"rotate-calendar-token", N_("renewed the calendar link of")},
};

static const struct {
	const gchar *code;
	const gchar *label;
} collections[] = {
    {"volunteers", N_("a volunteer")},
    {"teams", N_("a team")},
    {"seat-classes", N_("a seat class")},
    {"demand-rules", N_("a demand rule")},
    {"calendars", N_("the service calendar")},
    {"rosters", N_("a roster")},
    {"assignments", N_("an assignment")},
    {"accounts", N_("an account")},
    {"availability", N_("availability")},
    {"attendance", N_("attendance")},
    {"service-logs", N_("service hours")},
    {"training", N_("a training record")},
    {"ratings", N_("a rating")},
    {"promotions", N_("a promotion")},
    {"record-settings", N_("the record settings")},
    {"requests", N_("a request")},
    {"rounds", N_("an availability round")},
    {"holidays", N_("the holidays")},
    {"signin-links", N_("a sign-in link")},
};

/* an action in words; one the app does not know is a change */
static const gchar *
action_label(const gchar *code)
{
	for (guint i = 0; i < G_N_ELEMENTS(actions); i++) {
		if (g_strcmp0(actions[i].code, code) == 0)
			return _(actions[i].label);
	}
	return _("changed");
}

static const gchar *
collection_label(const gchar *code)
{
	for (guint i = 0; i < G_N_ELEMENTS(collections); i++) {
		if (g_strcmp0(collections[i].code, code) == 0)
			return _(collections[i].label);
	}
	return _("a record");
}

/* the name of the record an entry is about, from what it was before or after */
static const gchar *
entry_record_name(JsonObject *entry)
{
	const gchar *const sides[] = {ROSTER_KEY_AFTER, ROSTER_KEY_BEFORE};

	for (guint i = 0; i < G_N_ELEMENTS(sides); i++) {
		JsonNode *node = json_object_get_member(entry, sides[i]);
		if (node != NULL && JSON_NODE_HOLDS_OBJECT(node)) {
			const gchar *name =
			    json_object_get_string_member_with_default(json_node_get_object(node),
								       ROSTER_KEY_NAME,
								       NULL);
			if (name != NULL)
				return name;
		}
	}
	return NULL;
}

static GtkWidget *
new_entry_row(JsonObject *entry)
{
	GtkWidget *row = adw_action_row_new();
	const gchar *name = entry_record_name(entry);
	g_autofree gchar *when = roster_date_format_timestamp(
	    json_object_get_string_member_with_default(entry, ROSTER_KEY_AT, ""));
	g_autofree gchar *what = NULL;
	g_autofree gchar *title = NULL;

	/* TRANSLATORS: what an audit entry is about: a kind of record and its name, e.g.
	 * "a team “Night”" */
	what = name != NULL
		   ? g_strdup_printf(_("%s “%s”"),
				     collection_label(json_object_get_string_member_with_default(
					 entry,
					 ROSTER_KEY_COLLECTION,
					 NULL)),
				     name)
		   : g_strdup(collection_label(
			 json_object_get_string_member_with_default(entry,
								    ROSTER_KEY_COLLECTION,
								    NULL)));
	/* TRANSLATORS: an audit entry: who, did what, to what, e.g. "lin changed a team" */
	title = g_strdup_printf(
	    _("%s %s %s"),
	    json_object_get_string_member_with_default(entry, ROSTER_KEY_ACTOR, "?"),
	    action_label(
		json_object_get_string_member_with_default(entry, ROSTER_KEY_ACTION, NULL)),
	    what);
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), when);
	gtk_widget_add_css_class(row, "audit-row");
	return row;
}

static void
clear_list(RosterAuditPage *self)
{
	GtkListBoxRow *row;

	while ((row = gtk_list_box_get_row_at_index(self->list, 0)) != NULL)
		gtk_list_box_remove(self->list, GTK_WIDGET(row));
	self->n_entries = 0;
}

static void
entries_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterAuditPage) self = ROSTER_AUDIT_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) list =
	    roster_client_call_finish_object(ROSTER_CLIENT(source), result, &error);
	JsonArray *items;
	gint64 total;
	g_autofree gchar *count = NULL;

	roster_page_release(ROSTER_PAGE(self));
	if (list == NULL) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	clear_list(self);
	items = json_object_get_array_member(list, ROSTER_KEY_ITEMS);
	total = json_object_get_int_member_with_default(list, ROSTER_KEY_TOTAL, 0);
	/* newest first */
	for (guint i = items != NULL ? json_array_get_length(items) : 0; i > 0; i--)
		gtk_list_box_append(self->list,
				    new_entry_row(json_array_get_object_element(items, i - 1)));
	self->n_entries = items != NULL ? json_array_get_length(items) : 0;
	if (total > (gint64)self->n_entries)
		/* TRANSLATORS: under the audit log when a range holds more than is shown */
		count = g_strdup_printf(_("The first %u of %u entries; pick fewer days"),
					self->n_entries,
					(guint)total);
	else
		count = g_strdup_printf(ngettext("%u entry", "%u entries", self->n_entries),
					self->n_entries);
	gtk_label_set_text(self->count_label, count);
}

/* local midnight of @date, in UTC as the daemon compares times */
static gchar *
dup_day_start(const GDate *date)
{
	g_autoptr(GDateTime) local = g_date_time_new_local(g_date_get_year(date),
							   g_date_get_month(date),
							   g_date_get_day(date),
							   0,
							   0,
							   0);
	g_autoptr(GDateTime) utc = g_date_time_to_utc(local);

	return g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
roster_audit_page_real_reload(RosterPage *page)
{
	RosterAuditPage *self = ROSTER_AUDIT_PAGE(page);
	GDate after_to = self->to;
	g_autofree gchar *from = dup_day_start(&self->from);
	g_autofree gchar *to = NULL;
	g_autofree gchar *limit = g_strdup_printf("%d", AUDIT_LIMIT);
	g_autofree gchar *path = NULL;

	g_date_add_days(&after_to, 1);
	to = dup_day_start(&after_to);
	path = roster_client_dup_resource_path(ROSTER_RESOURCE_AUDIT,
					       ROSTER_PARAM_FROM,
					       from,
					       ROSTER_PARAM_TO,
					       to,
					       ROSTER_PARAM_LIMIT,
					       limit,
					       NULL);
	roster_page_call(page, "GET", path, NULL, entries_cb);
}

/**
 * roster_audit_page_set_range:
 * @self: a #RosterAuditPage
 * @from: the first day shown
 * @to: the last day shown; a day before @from is taken as @from
 *
 * Shows the entries of the days from @from to @to, as the calendars do.
 *
 * Since: 0.4
 */
void
roster_audit_page_set_range(RosterAuditPage *self, const GDate *from, const GDate *to)
{
	g_return_if_fail(ROSTER_IS_AUDIT_PAGE(self));
	self->from = *from;
	self->to = g_date_compare(to, from) < 0 ? *from : *to;
	self->showing_range = TRUE;
	roster_date_button_set_date(self->from_button, &self->from);
	roster_date_button_set_date(self->to_button, &self->to);
	self->showing_range = FALSE;
	roster_page_reload(ROSTER_PAGE(self));
}

/* the number of entries shown */
guint
roster_audit_page_get_n_entries(RosterAuditPage *self)
{
	g_return_val_if_fail(ROSTER_IS_AUDIT_PAGE(self), 0);
	return self->n_entries;
}

/* a day picked on either calendar: the range it makes, unless it is the one shown */
static void
day_picked_cb(RosterAuditPage *self)
{
	GDate from;
	GDate to;

	if (self->showing_range || !roster_date_button_get_date(self->from_button, &from) ||
	    !roster_date_button_get_date(self->to_button, &to))
		return;
	if (g_date_compare(&from, &self->from) == 0 && g_date_compare(&to, &self->to) == 0)
		return;
	roster_audit_page_set_range(self, &from, &to);
}

static GtkMenuButton *
new_day_button(RosterAuditPage *self, const gchar *label, const gchar *css_class)
{
	GtkWidget *button = roster_date_button_new(label, css_class);

	g_signal_connect_swapped(button, "notify::label", G_CALLBACK(day_picked_cb), self);
	return GTK_MENU_BUTTON(button);
}

static void
roster_audit_page_client_changed(RosterPage *page)
{
	RosterAuditPage *self = ROSTER_AUDIT_PAGE(page);

	clear_list(self);
	gtk_label_set_text(self->count_label, "");
}

static gboolean
roster_audit_page_shown_to(RosterPage *page, RosterClient *client)
{
	return roster_client_can_keep_records(client);
}

static void
roster_audit_page_class_init(RosterAuditPageClass *klass)
{
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	page_class->reload = roster_audit_page_real_reload;
	page_class->client_changed = roster_audit_page_client_changed;
	page_class->shown_to = roster_audit_page_shown_to;
}

static void
roster_audit_page_init(RosterAuditPage *self)
{
	GtkWidget *page = adw_preferences_page_new();
	GtkWidget *range = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6);
	g_autoptr(GDateTime) now = g_date_time_new_now_local();

	self->group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	adw_preferences_group_set_title(self->group, _("Audit Log"));
	adw_preferences_group_set_description(
	    self->group,
	    _("Every change made through the server: who made it and when."));
	self->from_button = new_day_button(self, _("First day"), "audit-from");
	self->to_button = new_day_button(self, _("Last day"), "audit-to");
	gtk_box_append(GTK_BOX(range), GTK_WIDGET(self->from_button));
	gtk_box_append(GTK_BOX(range), gtk_label_new("–"));
	gtk_box_append(GTK_BOX(range), GTK_WIDGET(self->to_button));
	adw_preferences_group_set_header_suffix(self->group, range);
	self->list = roster_form_list_new("audit-list");
	roster_row_set_placeholder(self->list, _("Nothing was changed on these days"));
	adw_preferences_group_add(self->group, GTK_WIDGET(self->list));
	self->count_label = GTK_LABEL(gtk_label_new(NULL));
	gtk_label_set_xalign(self->count_label, 0.0f);
	gtk_widget_set_margin_top(GTK_WIDGET(self->count_label), 6);
	gtk_widget_add_css_class(GTK_WIDGET(self->count_label), "dim-label");
	adw_preferences_group_add(self->group, GTK_WIDGET(self->count_label));
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), self->group);
	gtk_widget_set_parent(page, GTK_WIDGET(self));

	/* the last seven days */
	g_date_clear(&self->to, 1);
	g_date_set_dmy(&self->to,
		       (GDateDay)g_date_time_get_day_of_month(now),
		       (GDateMonth)g_date_time_get_month(now),
		       (GDateYear)g_date_time_get_year(now));
	self->from = self->to;
	g_date_subtract_days(&self->from, 6);
	roster_date_button_set_date(self->from_button, &self->from);
}

/**
 * roster_audit_page_new:
 *
 * Returns: (transfer floating): a new audit viewer
 *
 * Since: 0.4
 */
GtkWidget *
roster_audit_page_new(void)
{
	return g_object_new(ROSTER_TYPE_AUDIT_PAGE, NULL);
}
