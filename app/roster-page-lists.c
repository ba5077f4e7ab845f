/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the reload most pages make: their lists at once, the page busy until all have come,
 * an error shown as a toast, then the page's own follow-up */

#include "config.h"

#include "roster-page-lists.h"

typedef struct {
	RosterPage *page;
	RosterPageLoadedFunc loaded;
} LoadData;

static void
load_data_free(LoadData *data)
{
	g_object_unref(data->page);
	g_free(data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(LoadData, load_data_free)

static void
lists_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(LoadData) data = user_data;
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_all_finish(result, &error)) {
		/* a page that is gone must not be touched */
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_error(data->page, error);
	}
	if (data->loaded != NULL)
		data->loaded(data->page);
	roster_page_release(data->page);
}

/**
 * roster_page_load_lists:
 * @self: a #RosterPage
 * @lists: (array length=n_lists): the lists to reload
 * @n_lists: how many
 * @loaded: (nullable): called once they have come, before the page is idle again
 *
 * Since: 0.4
 */
void
roster_page_load_lists(RosterPage *self,
		       RosterItemList *const *lists,
		       guint n_lists,
		       RosterPageLoadedFunc loaded)
{
	LoadData *data;

	g_return_if_fail(ROSTER_IS_PAGE(self));
	data = g_new0(LoadData, 1);
	data->page = g_object_ref(self);
	data->loaded = loaded;
	roster_page_hold(self);
	roster_item_list_reload_all_async(lists,
					  n_lists,
					  roster_page_get_cancellable(self),
					  lists_cb,
					  data);
}
