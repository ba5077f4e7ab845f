/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* star levels: the one place the service and the app take the volunteer record
 * rules' hour thresholds from */

#include "config.h"

#include "roster-stars.h"

/* cumulative service hours for one to five stars */
static const guint star_hours[ROSTER_STARS_MAX] = {100, 300, 600, 1000, 1500};

/**
 * roster_stars_threshold_hours:
 * @level: a star level, 1 to %ROSTER_STARS_MAX
 *
 * Returns: the cumulative service hours that reach @level, or 0 for a level out of range
 *
 * Since: 0.1
 **/
guint
roster_stars_threshold_hours(guint level)
{
	if (level < 1 || level > ROSTER_STARS_MAX)
		return 0;
	return star_hours[level - 1];
}

/**
 * roster_stars_for_hours:
 * @hours: a volunteer's service hours over all time
 *
 * China's volunteer record rules grade by cumulative service hours: 100, 300, 600,
 * 1000 and 1500 hours make one to five stars.
 *
 * Returns: the star level, 0 to %ROSTER_STARS_MAX
 *
 * Since: 0.1
 **/
guint
roster_stars_for_hours(gdouble hours)
{
	guint stars = 0;

	while (stars < ROSTER_STARS_MAX && hours >= star_hours[stars])
		stars++;
	return stars;
}
