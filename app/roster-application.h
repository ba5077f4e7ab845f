/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ROSTER_TYPE_APPLICATION (roster_application_get_type())
G_DECLARE_FINAL_TYPE(RosterApplication, roster_application, ROSTER, APPLICATION, AdwApplication)

RosterApplication *
roster_application_new(void);

G_END_DECLS
