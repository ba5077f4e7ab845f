/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the volunteers page's layout, shared by roster-volunteers-page.c (the list and the
 * form) and roster-volunteers-page-availability.c (a volunteer's availability) */

#pragma once

#include "roster-item-list.h"
#include "roster-record-fields.h"
#include "roster-volunteers-page.h"

G_BEGIN_DECLS

struct _RosterVolunteersPage {
	RosterPage parent_instance;
	GtkSearchEntry *search_entry;
	GtkDropDown *tier_dropdown;
	GtkCheckButton *active_check;
	GtkListView *list_view;
	GtkLabel *count_label;
	AdwPreferencesGroup *form_group;
	AdwEntryRow *name_row;
	AdwEntryRow *number_row;
	AdwComboRow *tier_row;
	AdwActionRow *modes_row;
	GtkCheckButton *on_site_check;
	GtkCheckButton *cloud_check;
	AdwEntryRow *phone_row;
	AdwEntryRow *email_row;
	AdwActionRow *max_shifts_row;
	GtkSpinButton *max_shifts_spin;
	AdwActionRow *active_row;
	AdwActionRow *calendar_row;
	GtkButton *calendar_button;
	gchar *calendar_url;
	GtkButton *import_button;
	GtkFileChooserNative *chooser;
	gboolean importing;
	GtkSwitch *active_switch;
	/* the team, skills, limits, note and consent (roster-volunteers-page-details.c) */
	AdwPreferencesGroup *details_group;
	AdwComboRow *team_row;
	AdwActionRow *skills_row;
	GtkCheckButton *counselling_check;
	GtkCheckButton *crisis_check;
	AdwEntryRow *other_skills_row;
	AdwEntryRow *max_hours_week_row;
	AdwEntryRow *max_hours_month_row;
	AdwEntryRow *max_consecutive_row;
	AdwEntryRow *max_nights_row;
	AdwEntryRow *min_shifts_row;
	AdwEntryRow *note_row;
	AdwActionRow *consent_row;
	GtkSwitch *consent_switch;
	/* the teams the team row offers, after "no team" */
	RosterItemList *teams;
	/* the skills of the body being sent */
	JsonArray *skills;
	GtkLabel *error_label;
	GtkButton *save_button;
	RosterItemList *list;
	GtkSingleSelection *selection;
	/* the volunteer in the form, or NULL for a new one */
	RosterItem *editing;
	AdwPreferencesGroup *availability_group;
	AdwPreferencesGroup *availability_form_group;
	GtkListBox *availability_list;
	AdwComboRow *availability_kind_row;
	AdwComboRow *availability_day_row;
	AdwEntryRow *availability_date_row;
	AdwEntryRow *availability_start_row;
	AdwEntryRow *availability_end_row;
	AdwEntryRow *availability_note_row;
	GtkLabel *availability_error_label;
	GtkButton *availability_save_button;
	GtkButton *availability_cancel_button;
	/* the availability of the volunteer in the form, and its own cancellable so that
	 * choosing another volunteer drops a load still under way */
	RosterItemList *availability;
	GCancellable *availability_cancellable;
	/* the search under way, which a newer one replaces */
	GCancellable *list_cancellable;
	/* the entry in the availability form, or NULL for a new one */
	RosterItem *editing_availability;
	guint availability_pending;
	/* a volunteer to select once the list has loaded, or 0 */
	gint64 show_id;
};

void
roster_volunteers_page_set_availability_volunteer(RosterVolunteersPage *self);
void
roster_volunteers_page_availability_class_init(GtkWidgetClass *widget_class);

void
roster_volunteers_page_details_class_init(GtkWidgetClass *widget_class);
void
roster_volunteers_page_details_init(RosterVolunteersPage *self);
void
roster_volunteers_page_details_set_client(RosterVolunteersPage *self, RosterClient *client);
void
roster_volunteers_page_details_reload(RosterVolunteersPage *self);
void
roster_volunteers_page_details_fill(RosterVolunteersPage *self,
				    const RosterVolunteerFields *fields);
void
roster_volunteers_page_details_clear_errors(RosterVolunteersPage *self);
void
roster_volunteers_page_details_find_holder(RosterVolunteersPage *self, const gchar *number);
const gchar *
roster_volunteers_page_details_read(RosterVolunteersPage *self, RosterVolunteerFields *fields);
GtkWidget *
roster_volunteers_page_details_row_for_key(RosterVolunteersPage *self, const gchar *key);

G_END_DECLS
