#ifndef NF_UI_JOBS_H
#define NF_UI_JOBS_H

/*
 * Fetching inside the reader: feed reloads and read-more pages. http(s)
 * goes through the fetcher's multi handle, which the main loop waits on;
 * file:// feeds and finished transfers go to the sync stage's worker
 * thread (src/syncq.h), which reads, parses and stores them while the
 * loop goes on answering keys; the screens reload when a batch ends.
 */

#include "ui/ui.h"

/* What the screens ask of fetching. */

/* Queues a reload of one feed (feed_id), or every feed (0). */
void ui_reload(struct ui *ui, int64_t feed_id);
/* Starts fetching url for read more; returns the request number that the
 * top screen's page() receives, or 0 when it could not start. */
unsigned ui_fetch_page(struct ui *ui, const char *url);
/* Downloads url (an enclosure, http or https) into download-dir (else
 * $XDG_DATA_HOME/newsfold/downloads)
 * on a thread of its own (src/download.h): the status line shows its
 * progress, then the finished file's path or why it failed. The same
 * URL is not downloaded twice at once. */
void ui_download(struct ui *ui, const char *url);
/* Whether feed_id has a reload queued or running. */
int ui_feed_is_fetching(const struct ui *ui, int64_t feed_id);

/* What the reader's loop drives. */

/* The fetcher's done callback (ctx is the struct ui). */
void jobs_on_done(void *ctx, struct fetch_result *result);

/* Takes the feeds the worker has finished and starts what may start.
 * Returns nonzero when the loop must not block (never, now: the worker's
 * descriptor wakes it). */
int jobs_pump(struct ui *ui);

/* A descriptor the loop waits on with the others: readable when the
 * worker has finished a feed. -1 before the first feed is synced. */
int jobs_fd(const struct ui *ui);

/* Frees the queue, after the feed the worker is syncing, if any, and
 * stops the downloads (their parts stay, to be continued). */
void jobs_free(struct ui *ui);

#endif
