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

/* Returns a new screen over the items match lets through (a `query`
 * line's expression, borrowed: it must outlive the screen), folded
 * across feeds, under title. NULL with a status message as above. */
struct screen *headlines_new_query(struct ui *ui, const struct query *match,
                                   const char *title);

/* Returns a new screen: the front page narrowed to the feeds carrying
 * tag (copied). */
struct screen *headlines_new_tag(struct ui *ui, const char *tag);


/* How many of the screen's stories are unread (0 when s is no Headlines
 * screen): the front page's is the count of every feed. */
size_t headlines_unread_stories(struct screen *s);

/* How many items the screen holds (0 when the store is empty). */
size_t headlines_count(struct screen *s);

#endif
