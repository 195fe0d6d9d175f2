#ifndef NF_UI_SCREEN_FEEDS_H
#define NF_UI_SCREEN_FEEDS_H

/*
 * The Feeds screen: "All feeds", then each feed with its title, unread
 * count and state (fetching, or error with the reason in the status line
 * when selected). Enter opens a feed's Headlines.
 */

#include "ui/ui.h"

/* Returns a new screen, or NULL with a status message. */
struct screen *feeds_new(struct ui *ui);

#endif
