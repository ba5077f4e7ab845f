/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty expert of each day (值班专家), marked in the heading of a week or month
 * grid's day: one line naming the primary of every duty block that starts that day,
 * in red when a block has nobody */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "roster-duty-marks.h"
#include "roster-seat.h"

/**
 * roster_duty_marks_dup_text:
 * @blocks: (nullable): the roster's duty blocks, as the API lists them
 * @date: the day, YYYY-MM-DD
 * @uncovered: (out): whether a block of the day has no duty expert
 *
 * Returns: (transfer full) (nullable): e.g. "Duty 20:00 Wang Fang", one block after the
 *   other, or %NULL when no block starts that day
 *
 * Since: 0.1
 */
gchar *
roster_duty_marks_dup_text(JsonArray *blocks, const gchar *date, gboolean *uncovered)
{
	g_autoptr(GString) text = NULL;

	*uncovered = FALSE;
	for (guint i = 0; blocks != NULL && i < json_array_get_length(blocks); i++) {
		JsonObject *block = json_array_get_object_element(blocks, i);
		const gchar *starts =
		    json_object_get_string_member_with_default(block, "starts", "");
		JsonNode *primary = json_object_get_member(block, "primary");
		g_autofree gchar *line = NULL;

		if (strlen(starts) < 16 || strncmp(starts, date, 10) != 0)
			continue;
		if (primary != NULL && JSON_NODE_HOLDS_OBJECT(primary)) {
			/* TRANSLATORS: the duty expert of a day in the roster grid; the
			 * first %s is the block's start (20:00), the second the expert */
			line = g_strdup_printf(_("Duty %s %s"),
					       starts + 11,
					       json_object_get_string_member_with_default(
						   json_node_get_object(primary),
						   "name",
						   ""));
		} else {
			/* TRANSLATORS: a duty block of the day nobody can hold; %s is its start */
			line = g_strdup_printf(_("Duty %s: nobody"), starts + 11);
			*uncovered = TRUE;
		}
		if (text == NULL)
			text = g_string_new(line);
		else
			g_string_append_printf(text, "\n%s", line);
	}
	return text != NULL ? g_string_free(g_steal_pointer(&text), FALSE) : NULL;
}

/**
 * roster_duty_marks_add:
 * @box: the heading of a day
 * @blocks: (nullable): the roster's duty blocks
 * @date: the day, YYYY-MM-DD
 *
 * Appends the day's duty experts to @box, when the line keeps a duty rota.
 *
 * Since: 0.1
 */
void
roster_duty_marks_add(GtkBox *box, JsonArray *blocks, const gchar *date)
{
	gboolean uncovered = FALSE;
	g_autofree gchar *text = roster_duty_marks_dup_text(blocks, date, &uncovered);

	if (text == NULL)
		return;
	gtk_box_append(box,
		       roster_seat_new_label(text, uncovered ? "duty-uncovered" : "duty-mark"));
}
