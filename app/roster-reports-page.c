/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-coverage-view.h"
#include "roster-date.h"
#include "roster-item-list.h"
#include "roster-record-rows.h"
#include "roster-reports-page.h"

/*
 * Reports for managers: service hours per volunteer and period as a table and as a bar
 * chart the app draws itself, the honour roll, and the CSV export of the table.
 */

#define CHART_BARS 12

struct _RosterReportsPage {
	RosterPage parent_instance;
	GtkDropDown *period_dropdown;
	GtkColumnView *table;
	RosterCoverageView *coverage_view;
	GtkLabel *chart_title;
	GtkDrawingArea *chart;
	GtkListBox *honour_list;
	GtkMenuButton *from_button;
	GtkMenuButton *to_button;
	GtkCalendar *from_calendar;
	GtkCalendar *to_calendar;
	/* the report's date range; an invalid date leaves that end open */
	GDate from;
	GDate to;
	/* all-time service hours per volunteer id, for the star levels */
	RosterItemList *totals;
	GHashTable *total_hours;
	RosterItemList *rows;
	RosterItemList *honour;
	GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE(RosterReportsPage, roster_reports_page, ROSTER_TYPE_PAGE)

static const gchar *periods[] = {"month", "quarter", "year"};

gboolean
roster_reports_page_get_busy(RosterReportsPage *self)
{
	return roster_page_get_busy(ROSTER_PAGE(self));
}

GListModel *
roster_reports_page_get_model(RosterReportsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_REPORTS_PAGE(self), NULL);
	return self->rows != NULL ? G_LIST_MODEL(self->rows) : NULL;
}

static const gchar *
selected_period(RosterReportsPage *self)
{
	guint index = gtk_drop_down_get_selected(self->period_dropdown);
	return index < G_N_ELEMENTS(periods) ? periods[index] : periods[0];
}

static void
setup_cell_cb(GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
	GtkWidget *label = gtk_label_new(NULL);

	gtk_label_set_xalign(GTK_LABEL(label), GPOINTER_TO_INT(user_data) != 0 ? 1.0f : 0.0f);
	gtk_list_item_set_child(list_item, label);
}

static void
bind_cell_cb(GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
	RosterReportsPage *self = ROSTER_REPORTS_PAGE(user_data);
	RosterHoursColumn column =
	    (RosterHoursColumn)GPOINTER_TO_UINT(g_object_get_data(G_OBJECT(factory), "column"));
	RosterItem *item = gtk_list_item_get_item(list_item);
	g_autofree gchar *text = NULL;

	/* the star level is the volunteer's, over every period, not the row's */
	if (column == ROSTER_HOURS_COLUMN_STARS)
		text = roster_reports_page_dup_stars_text(self,
							  roster_hours_row_get_volunteer_id(item));
	else
		text = roster_hours_row_dup_text(item, column);

	gtk_label_set_text(GTK_LABEL(gtk_list_item_get_child(list_item)), text);
}

/* what a column's sorter compares by */
typedef struct {
	RosterReportsPage *page;
	RosterHoursColumn column;
} ColumnSort;

/* the star level sorts by the all-time hours behind it */
static gdouble
total_hours(RosterReportsPage *self, RosterItem *row)
{
	gint64 id = roster_hours_row_get_volunteer_id(row);
	gdouble *hours = g_hash_table_lookup(self->total_hours, &id);

	return hours != NULL ? *hours : 0;
}

static gint
compare_cells_cb(gconstpointer a, gconstpointer b, gpointer user_data)
{
	ColumnSort *sort = user_data;
	RosterItem *x = ROSTER_ITEM((gpointer)a);
	RosterItem *y = ROSTER_ITEM((gpointer)b);
	gdouble hx;
	gdouble hy;

	if (sort->column != ROSTER_HOURS_COLUMN_STARS)
		return roster_hours_row_compare(x, y, sort->column);
	hx = total_hours(sort->page, x);
	hy = total_hours(sort->page, y);
	return hx < hy ? GTK_ORDERING_SMALLER : hx > hy ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_column(RosterReportsPage *self, const gchar *title, RosterHoursColumn hours_column)
{
	GtkListItemFactory *factory = gtk_signal_list_item_factory_new();
	GtkColumnViewColumn *column;
	gboolean numeric = hours_column >= ROSTER_HOURS_COLUMN_SERVICE_HOURS;
	ColumnSort *sort = g_new0(ColumnSort, 1);
	g_autoptr(GtkCustomSorter) sorter = NULL;

	g_object_set_data(G_OBJECT(factory), "column", GUINT_TO_POINTER(hours_column));
	g_signal_connect(factory, "setup", G_CALLBACK(setup_cell_cb), GINT_TO_POINTER(numeric));
	g_signal_connect(factory, "bind", G_CALLBACK(bind_cell_cb), self);
	column = gtk_column_view_column_new(title, factory);
	gtk_column_view_column_set_expand(column, !numeric);
	/* a click on the header sorts by the column */
	sort->page = self;
	sort->column = hours_column;
	sorter = gtk_custom_sorter_new(compare_cells_cb, sort, g_free);
	gtk_column_view_column_set_sorter(column, GTK_SORTER(sorter));
	gtk_column_view_append_column(self->table, column);
	g_object_unref(column);
}

static gint
compare_hours(gconstpointer a, gconstpointer b)
{
	gdouble ha = roster_hours_row_get_service_hours(*(RosterItem **)a);
	gdouble hb = roster_hours_row_get_service_hours(*(RosterItem **)b);

	return ha < hb ? 1 : ha > hb ? -1 : 0;
}

/* the rows of the latest period, most hours first */
static GPtrArray *
dup_chart_rows(RosterReportsPage *self, const gchar **period)
{
	GPtrArray *rows = g_ptr_array_new_with_free_func(g_object_unref);
	const gchar *latest = NULL;
	guint n = self->rows != NULL ? g_list_model_get_n_items(G_LIST_MODEL(self->rows)) : 0;

	for (guint i = 0; i < n; i++) {
		g_autoptr(RosterItem) item = g_list_model_get_item(G_LIST_MODEL(self->rows), i);
		const gchar *p = roster_hours_row_get_period(item);
		if (p != NULL && g_strcmp0(p, latest) > 0)
			latest = p;
	}
	for (guint i = 0; i < n; i++) {
		RosterItem *item = g_list_model_get_item(G_LIST_MODEL(self->rows), i);
		if (g_strcmp0(roster_hours_row_get_period(item), latest) == 0)
			g_ptr_array_add(rows, item);
		else
			g_object_unref(item);
	}
	g_ptr_array_sort(rows, compare_hours);
	*period = latest;
	return rows;
}

static void
draw_chart_cb(GtkDrawingArea *area, cairo_t *cr, gint width, gint height, gpointer user_data)
{
	RosterReportsPage *self = ROSTER_REPORTS_PAGE(user_data);
	g_autoptr(GPtrArray) rows = NULL;
	GdkRGBA fg;
	GdkRGBA accent = {0.21, 0.52, 0.89, 1.0};
	const gchar *period = NULL;
	const gdouble label_width = 110;
	gdouble max_hours = 0;
	gdouble bar_height;
	guint n_bars;

	gtk_style_context_get_color(gtk_widget_get_style_context(GTK_WIDGET(area)), &fg);
	rows = dup_chart_rows(self, &period);
	n_bars = MIN(rows->len, CHART_BARS);
	if (n_bars == 0)
		return;
	for (guint i = 0; i < n_bars; i++)
		max_hours =
		    MAX(max_hours, roster_hours_row_get_service_hours(g_ptr_array_index(rows, i)));
	if (max_hours <= 0)
		max_hours = 1;
	bar_height = MIN((gdouble)height / n_bars, 30.0);
	for (guint i = 0; i < n_bars; i++) {
		RosterItem *item = g_ptr_array_index(rows, i);
		gdouble hours = roster_hours_row_get_service_hours(item);
		gdouble bar = (width - label_width - 50) * hours / max_hours;
		gdouble y = i * bar_height;
		const gchar *name = roster_hours_row_get_name(item);
		g_autofree gchar *value = g_strdup_printf("%.1f", hours);
		PangoLayout *layout =
		    gtk_widget_create_pango_layout(GTK_WIDGET(area), name != NULL ? name : "");
		gint text_width;
		gint text_height;

		pango_layout_set_width(layout, (gint)(label_width - 8) * PANGO_SCALE);
		pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
		pango_layout_get_pixel_size(layout, &text_width, &text_height);
		gdk_cairo_set_source_rgba(cr, &fg);
		cairo_move_to(cr, 0, y + (bar_height - text_height) / 2);
		pango_cairo_show_layout(cr, layout);
		g_object_unref(layout);

		gdk_cairo_set_source_rgba(cr, &accent);
		cairo_rectangle(cr,
				label_width,
				y + bar_height * 0.15,
				MAX(bar, 1),
				bar_height * 0.7);
		cairo_fill(cr);

		layout = gtk_widget_create_pango_layout(GTK_WIDGET(area), value);
		pango_layout_get_pixel_size(layout, &text_width, &text_height);
		gdk_cairo_set_source_rgba(cr, &fg);
		cairo_move_to(cr, label_width + bar + 6, y + (bar_height - text_height) / 2);
		pango_cairo_show_layout(cr, layout);
		g_object_unref(layout);
	}
}

static GtkWidget *
create_honour_row_cb(gpointer item, gpointer user_data)
{
	RosterItem *row_item = ROSTER_ITEM(item);
	GtkWidget *row = adw_action_row_new();
	const gchar *name = roster_hours_row_get_name(row_item);
	g_autofree gchar *title = NULL;
	g_autofree gchar *hours = roster_honour_row_dup_hours_text(row_item);
	g_autofree gchar *subtitle = NULL;
	gint64 stars = roster_honour_row_get_stars(row_item);
	g_autoptr(GString) star_text = g_string_new(NULL);

	for (gint64 i = 0; i < stars && i < 5; i++)
		g_string_append(star_text, "★");
	/* TRANSLATORS: a line of the honour roll: rank and name; the name is hidden for
	 * volunteers who did not agree to be listed */
	title = g_strdup_printf(_("%d. %s"),
				(gint)roster_honour_row_get_rank(row_item),
				name != NULL ? name : _("(name not shown)"));
	/* TRANSLATORS: service hours and stars on the honour roll */
	subtitle = g_strdup_printf(_("%s hours %s"), hours, star_text->str);
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	return row;
}

/* the table's rows, sorted by the column whose header was clicked */
static void
set_table_model(RosterReportsPage *self)
{
	GtkSortListModel *sorted =
	    gtk_sort_list_model_new(g_object_ref(G_LIST_MODEL(self->rows)),
				    g_object_ref(gtk_column_view_get_sorter(self->table)));
	g_autoptr(GtkNoSelection) selection = gtk_no_selection_new(G_LIST_MODEL(sorted));

	gtk_column_view_set_model(self->table, GTK_SELECTION_MODEL(selection));
}

/* sums each volunteer's service hours over every year, then binds the table again so
 * that its star column reads them */
static void
update_stars(RosterReportsPage *self)
{
	g_hash_table_remove_all(self->total_hours);
	for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->totals)); i++) {
		g_autoptr(RosterItem) row = g_list_model_get_item(G_LIST_MODEL(self->totals), i);
		gint64 id = roster_hours_row_get_volunteer_id(row);
		gdouble *hours = g_hash_table_lookup(self->total_hours, &id);

		if (hours == NULL) {
			hours = g_new0(gdouble, 1);
			g_hash_table_insert(self->total_hours, g_memdup2(&id, sizeof(id)), hours);
		}
		*hours += roster_hours_row_get_service_hours(row);
	}
	set_table_model(self);
}

/* the star column's text for a volunteer */
gchar *
roster_reports_page_dup_stars_text(RosterReportsPage *self, gint64 volunteer_id)
{
	gdouble *hours;

	g_return_val_if_fail(ROSTER_IS_REPORTS_PAGE(self), NULL);
	hours = g_hash_table_lookup(self->total_hours, &volunteer_id);
	return roster_stars_dup_label(roster_stars_for_hours(hours != NULL ? *hours : 0));
}

static void
list_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterReportsPage) self = ROSTER_REPORTS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) rows = NULL;
	const gchar *period = NULL;
	g_autofree gchar *title = NULL;

	roster_page_release(ROSTER_PAGE(self));
	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_toast(ROSTER_PAGE(self), error->message);
	}
	if (!roster_page_get_busy(ROSTER_PAGE(self)))
		update_stars(self);
	rows = dup_chart_rows(self, &period);
	/* TRANSLATORS: the bar chart's heading; %s is a period such as 2026-12 */
	title = g_strdup_printf(_("Most service hours in %s"), period != NULL ? period : "–");
	gtk_label_set_text(self->chart_title, title);
	gtk_widget_queue_draw(GTK_WIDGET(self->chart));
}

static void
roster_reports_page_real_reload(RosterPage *page)
{
	RosterReportsPage *self = ROSTER_REPORTS_PAGE(page);
	g_autofree gchar *path =
	    roster_client_dup_hours_path(selected_period(self), &self->from, &self->to, NULL);
	g_autofree gchar *honour_path = roster_client_dup_honour_roll_path(&self->from, &self->to);

	roster_item_list_set_path(self->rows, path);
	roster_item_list_set_path(self->honour, honour_path);
	for (guint i = 0; i < 3; i++)
		roster_page_hold(ROSTER_PAGE(self));
	roster_item_list_reload_async(self->rows,
				      roster_page_get_cancellable(ROSTER_PAGE(self)),
				      list_cb,
				      g_object_ref(self));
	roster_item_list_reload_async(self->honour,
				      roster_page_get_cancellable(ROSTER_PAGE(self)),
				      list_cb,
				      g_object_ref(self));
	roster_item_list_reload_async(self->totals,
				      roster_page_get_cancellable(ROSTER_PAGE(self)),
				      list_cb,
				      g_object_ref(self));
	roster_coverage_view_reload(self->coverage_view);
}

void
roster_reports_page_reload(RosterReportsPage *self)
{
	roster_page_reload(ROSTER_PAGE(self));
}

/* the records change on other views (attendance, training, promotions): the reports
 * are read again each time they are shown */
static void
map_cb(GtkWidget *widget, gpointer user_data)
{
	roster_page_reload(ROSTER_PAGE(widget));
}

static void
update_range_labels(RosterReportsPage *self)
{
	g_autofree gchar *from = NULL;
	g_autofree gchar *to = NULL;

	from = g_date_valid(&self->from) ? roster_date_to_string(&self->from)
					 : g_strdup(_("the first record"));
	to = g_date_valid(&self->to) ? roster_date_to_string(&self->to)
				     : g_strdup(_("the last record"));
	gtk_menu_button_set_label(self->from_button, from);
	gtk_menu_button_set_label(self->to_button, to);
}

static void
date_from_calendar(GtkCalendar *calendar, GDate *date)
{
	g_autoptr(GDateTime) day = gtk_calendar_get_date(calendar);

	g_date_clear(date, 1);
	g_date_set_dmy(date,
		       (GDateDay)g_date_time_get_day_of_month(day),
		       (GDateMonth)g_date_time_get_month(day),
		       (GDateYear)g_date_time_get_year(day));
}

/**
 * roster_reports_page_set_range:
 * @self: a #RosterReportsPage
 * @from: (nullable): the first day, `YYYY-MM-DD`, or %NULL for no limit
 * @to: (nullable): the last day, or %NULL for no limit
 *
 * Limits the report and the honour roll to a date range and reloads them, as the
 * range buttons do.
 *
 * Since: 0.1
 */
void
roster_reports_page_set_range(RosterReportsPage *self, const gchar *from, const gchar *to)
{
	g_return_if_fail(ROSTER_IS_REPORTS_PAGE(self));
	g_date_clear(&self->from, 1);
	g_date_clear(&self->to, 1);
	if (from != NULL)
		roster_date_parse(from, &self->from, NULL);
	if (to != NULL)
		roster_date_parse(to, &self->to, NULL);
	/* a range given the wrong way round is meant the right way round */
	if (g_date_valid(&self->from) && g_date_valid(&self->to) &&
	    g_date_compare(&self->from, &self->to) > 0) {
		GDate swap = self->from;
		self->from = self->to;
		self->to = swap;
	}
	update_range_labels(self);
	roster_reports_page_reload(self);
}

static void
from_day_selected_cb(RosterReportsPage *self)
{
	g_autofree gchar *from = NULL;
	g_autofree gchar *to = g_date_valid(&self->to) ? roster_date_to_string(&self->to) : NULL;

	date_from_calendar(self->from_calendar, &self->from);
	from = roster_date_to_string(&self->from);
	gtk_menu_button_popdown(self->from_button);
	roster_reports_page_set_range(self, from, to);
}

static void
to_day_selected_cb(RosterReportsPage *self)
{
	g_autofree gchar *from = g_date_valid(&self->from) ? roster_date_to_string(&self->from)
							   : NULL;
	g_autofree gchar *to = NULL;

	date_from_calendar(self->to_calendar, &self->to);
	to = roster_date_to_string(&self->to);
	gtk_menu_button_popdown(self->to_button);
	roster_reports_page_set_range(self, from, to);
}

static void
all_dates_clicked_cb(RosterReportsPage *self)
{
	roster_reports_page_set_range(self, NULL, NULL);
}

static void
period_changed_cb(RosterReportsPage *self)
{
	roster_reports_page_reload(self);
}

typedef struct {
	RosterReportsPage *self;
	GFile *file;
} ExportData;

static void
export_data_free(ExportData *data)
{
	g_object_unref(data->self);
	g_object_unref(data->file);
	g_free(data);
}

static void
csv_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	ExportData *data = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(GBytes) bytes =
	    roster_client_get_bytes_finish(ROSTER_CLIENT(source), result, &error);

	if (bytes == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			roster_page_show_toast(ROSTER_PAGE(data->self), error->message);
		export_data_free(data);
		return;
	}
	if (!g_file_replace_contents(data->file,
				     g_bytes_get_data(bytes, NULL),
				     g_bytes_get_size(bytes),
				     NULL,
				     FALSE,
				     G_FILE_CREATE_NONE,
				     NULL,
				     NULL,
				     &error)) {
		/* TRANSLATORS: %s says why the file could not be written */
		g_autofree gchar *message =
		    g_strdup_printf(_("Cannot save the report: %s"), error->message);
		roster_page_show_toast(ROSTER_PAGE(data->self), message);
	} else {
		roster_page_show_toast(ROSTER_PAGE(data->self), _("Report saved"));
	}
	export_data_free(data);
}

static void
chooser_response_cb(GtkNativeDialog *dialog, gint response, gpointer user_data)
{
	RosterReportsPage *self = ROSTER_REPORTS_PAGE(user_data);
	g_autoptr(GFile) file = NULL;
	g_autofree gchar *path = NULL;
	ExportData *data;

	if (response == GTK_RESPONSE_ACCEPT)
		file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(dialog));
	g_clear_object(&self->chooser);
	if (file == NULL || roster_page_get_client(ROSTER_PAGE(self)) == NULL)
		return;
	path = roster_client_dup_hours_path(
	    selected_period(self),
	    &self->from,
	    &self->to,
	    g_str_has_prefix(g_get_language_names()[0], "zh") ? "zh" : "en");
	data = g_new0(ExportData, 1);
	data->self = g_object_ref(self);
	data->file = g_steal_pointer(&file);
	roster_client_get_bytes_async(roster_page_get_client(ROSTER_PAGE(self)),
				      path,
				      roster_page_get_cancellable(ROSTER_PAGE(self)),
				      csv_cb,
				      data);
}

static void
export_clicked_cb(RosterReportsPage *self)
{
	GtkWidget *root = GTK_WIDGET(gtk_widget_get_root(GTK_WIDGET(self)));

	g_clear_object(&self->chooser);
	self->chooser = gtk_file_chooser_native_new(_("Export Service Hours"),
						    GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL,
						    GTK_FILE_CHOOSER_ACTION_SAVE,
						    _("_Save"),
						    _("_Cancel"));
	/* TRANSLATORS: the suggested file name of the hours report */
	gtk_file_chooser_set_current_name(GTK_FILE_CHOOSER(self->chooser), _("service-hours.csv"));
	g_signal_connect_object(self->chooser,
				"response",
				G_CALLBACK(chooser_response_cb),
				self,
				0);
	gtk_native_dialog_show(GTK_NATIVE_DIALOG(self->chooser));
}

static void
roster_reports_page_client_changed(RosterPage *page)
{
	RosterReportsPage *self = ROSTER_REPORTS_PAGE(page);
	RosterClient *client = roster_page_get_client(page);
	g_autofree gchar *totals_path = roster_client_dup_hours_path("year", NULL, NULL, NULL);

	g_clear_object(&self->rows);
	g_clear_object(&self->honour);
	roster_coverage_view_set_client(self->coverage_view, client);
	/* another account: the previous session's totals go, and its bars with them */
	g_hash_table_remove_all(self->total_hours);
	gtk_widget_queue_draw(GTK_WIDGET(self->chart));
	self->rows = roster_item_list_new_for(client, ROSTER_RESOURCE_HOURS, 0);
	/* every year without a range: the all-time hours behind the star levels */
	g_clear_object(&self->totals);
	self->totals = roster_item_list_new(client, totals_path);
	self->honour = roster_item_list_new_for(client, ROSTER_RESOURCE_HONOUR_ROLL, 0);
	set_table_model(self);
	gtk_list_box_bind_model(self->honour_list,
				G_LIST_MODEL(self->honour),
				create_honour_row_cb,
				self,
				NULL);
}

void
roster_reports_page_set_client(RosterReportsPage *self, RosterClient *client)
{
	roster_page_set_client(ROSTER_PAGE(self), client);
}

static void
roster_reports_page_dispose(GObject *object)
{
	RosterReportsPage *self = ROSTER_REPORTS_PAGE(object);

	if (self->chooser != NULL)
		gtk_native_dialog_destroy(GTK_NATIVE_DIALOG(self->chooser));
	g_clear_object(&self->chooser);
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_REPORTS_PAGE);
	g_clear_object(&self->rows);
	g_clear_object(&self->honour);
	g_clear_object(&self->totals);
	g_clear_pointer(&self->total_hours, g_hash_table_unref);
	G_OBJECT_CLASS(roster_reports_page_parent_class)->dispose(object);
}

static void
roster_reports_page_class_init(RosterReportsPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_reports_page_dispose;
	page_class->reload = roster_reports_page_real_reload;
	page_class->client_changed = roster_reports_page_client_changed;
	g_type_ensure(ROSTER_TYPE_ITEM);
	g_type_ensure(ROSTER_TYPE_COVERAGE_VIEW);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(widget_class,
						    "/cn/hotline/Roster/ui/roster-reports-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, period_dropdown);
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, table);
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, coverage_view);
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, chart_title);
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, chart);
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, honour_list);
	gtk_widget_class_bind_template_callback(widget_class, period_changed_cb);
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, from_button);
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, to_button);
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, from_calendar);
	gtk_widget_class_bind_template_child(widget_class, RosterReportsPage, to_calendar);
	gtk_widget_class_bind_template_callback(widget_class, from_day_selected_cb);
	gtk_widget_class_bind_template_callback(widget_class, to_day_selected_cb);
	gtk_widget_class_bind_template_callback(widget_class, all_dates_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, export_clicked_cb);
}

static void
roster_reports_page_init(RosterReportsPage *self)
{
	gtk_widget_init_template(GTK_WIDGET(self));
	add_column(self, _("Period"), ROSTER_HOURS_COLUMN_PERIOD);
	add_column(self, _("Counsellor number"), ROSTER_HOURS_COLUMN_COUNSELLOR_NO);
	add_column(self, _("Name"), ROSTER_HOURS_COLUMN_NAME);
	add_column(self, _("Service hours"), ROSTER_HOURS_COLUMN_SERVICE_HOURS);
	add_column(self, _("Training hours"), ROSTER_HOURS_COLUMN_TRAINING_HOURS);
	add_column(self, _("Average rating"), ROSTER_HOURS_COLUMN_AVERAGE_RATING);
	add_column(self, _("No-shows"), ROSTER_HOURS_COLUMN_NO_SHOWS);
	/* TRANSLATORS: the column of star levels (一星至五星) by all-time service hours */
	add_column(self, _("Stars"), ROSTER_HOURS_COLUMN_STARS);
	gtk_drawing_area_set_draw_func(self->chart, draw_chart_cb, self, NULL);
	g_signal_connect(self, "map", G_CALLBACK(map_cb), NULL);
	self->total_hours = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
	g_date_clear(&self->from, 1);
	g_date_clear(&self->to, 1);
	update_range_labels(self);
}
