#ifndef NF_UI_JOBS_H
#define NF_UI_JOBS_H

/*
 * Fetching inside the reader: feed reloads and read-more pages. http(s)
 * goes through the fetcher's multi handle, which the main loop waits on;
 * file:// feeds are read one per loop turn, so a long list of local
 * feeds never freezes the screen either. Each finished feed goes to the
 * sync stage (src/sync.h) at once; the screens reload when a batch ends.
 */

#include "ui/ui.h"

/* What the screens ask of fetching. */

/* Queues a reload of one feed (feed_id), or every feed (0). */
void ui_reload(struct ui *ui, int64_t feed_id);
/* Starts fetching url for read more; returns the request number that the
 * top screen's page() receives, or 0 when it could not start. */
unsigned ui_fetch_page(struct ui *ui, const char *url);
/* Whether feed_id has a reload queued or running. */
int ui_feed_is_fetching(const struct ui *ui, int64_t feed_id);

/* What the reader's loop drives. */

/* The fetcher's done callback (ctx is the struct ui). */
void jobs_on_done(void *ctx, struct fetch_result *result);

/* Starts what may start and reads one queued file:// feed. Returns
 * nonzero when more local work waits, so the loop must not block. */
int jobs_pump(struct ui *ui);

/* Frees the queue. */
void jobs_free(struct ui *ui);

#endif
