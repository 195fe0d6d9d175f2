#ifndef NF_UI_SCREEN_HEADLINES_H
#define NF_UI_SCREEN_HEADLINES_H

/*
 * The Headlines screen: the lead-story panel, then one line per story,
 * folded across feeds; a story with copies unfolds in place.
 */

#include <stddef.h>
#include <stdint.h>

#include "ui/ui.h"

/* Returns a new screen over one feed (feed_id) or every feed (0), loaded
 * from the store; NULL with a status message when it cannot load. Freed
 * through its ops. */
struct screen *headlines_new(struct ui *ui, int64_t feed_id, const char *title);

/* How many of the screen's stories are unread (0 when s is no Headlines
 * screen): the front page's is the count of every feed. */
size_t headlines_unread_stories(struct screen *s);

/* How many items the screen holds (0 when the store is empty). */
size_t headlines_count(struct screen *s);

#endif
