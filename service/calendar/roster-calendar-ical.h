/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* libical-glib 3.0 asks its users to say they accept an unstable API */
#define LIBICAL_GLIB_UNSTABLE_API 1
#include <libical-glib/libical-glib.h>

G_BEGIN_DECLS

/* libical-glib 3.0 declares no cleanup functions of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ICalProperty, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ICalParameter, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ICalTime, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ICalDuration, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ICalTrigger, g_object_unref)

G_END_DECLS
