/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* where the app finds its translations and settings schema: installed, or the build
 * folder's own when the program runs from the build folder */

#include "config.h"

#include "roster-app-config.h"
#include "roster-build-dirs.h"
#include "roster-data-dirs.h"

/**
 * roster_data_dirs_uninstalled:
 *
 * Whether the running program lives in the build folder it was built in, as the app
 * does when started by the README's first command; it then uses the translations and
 * the settings schema built there, not an installed (perhaps older, perhaps absent)
 * copy.
 *
 * Returns: %TRUE when run from the build folder
 *
 * Since: 0.1
 */
gboolean
roster_data_dirs_uninstalled(void)
{
	return roster_build_dirs_uninstalled();
}

/**
 * roster_data_dirs_locale_dir:
 *
 * Returns: the folder to bind the text domain to
 *
 * Since: 0.1
 */
const gchar *
roster_data_dirs_locale_dir(void)
{
	return roster_build_dirs_locale_dir();
}

static GSettingsSchema *
lookup_build_schema(GSettingsSchemaSource *parent)
{
	g_autoptr(GSettingsSchemaSource) source = NULL;
	g_autoptr(GError) error = NULL;

	source = g_settings_schema_source_new_from_directory(ROSTER_BUILD_SCHEMADIR,
							     parent,
							     FALSE,
							     &error);
	if (source == NULL) {
		g_debug("no schema in the build folder: %s", error->message);
		return NULL;
	}
	return g_settings_schema_source_lookup(source, APP_ID, FALSE);
}

/**
 * roster_data_dirs_new_settings:
 *
 * The app's settings, from the schema built in the build folder when the program runs
 * from there, else from the installed one.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when no schema is found
 *
 * Since: 0.1
 */
GSettings *
roster_data_dirs_new_settings(void)
{
	GSettingsSchemaSource *source = g_settings_schema_source_get_default();
	g_autoptr(GSettingsSchema) schema = NULL;

	if (roster_data_dirs_uninstalled())
		schema = lookup_build_schema(source);
	if (schema == NULL && source != NULL)
		schema = g_settings_schema_source_lookup(source, APP_ID, TRUE);
	if (schema == NULL)
		return NULL;
	return g_settings_new_full(schema, NULL, NULL);
}
