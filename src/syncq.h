#ifndef NF_SRC_SYNCQ_H
#define NF_SRC_SYNCQ_H

/*
 * The sync stage (src/sync.h) on a worker thread: finished transfers and
 * local feeds go in, outcomes come out in the order they finish. So a
 * parse never runs inside a transfer callback: the transfers go on while
 * a large body is parsed and stored, and the reader's loop never waits
 * for one. The worker has its own store handle; the caller's thread
 * keeps its own, and SQLite's locking orders their writes.
 *
 * One worker: the store takes one writer at a time anyway, and parsing is
 * a small share of a refresh next to the network. Each feed's parse is
 * bounded by sync_settings.parse_budget_ms.
 */

#include <stddef.h>

#include "src/error.h"
#include "src/fetch.h"
#include "src/store.h"
#include "src/sync.h"

struct syncq;

/* Returns a new queue whose worker syncs into store, which the queue
 * takes: syncq_free() closes it, also when this fails. set is copied.
 * NULL with err set. */
struct syncq *syncq_new(struct store *store, const struct sync_settings *set,
                        struct nf_error *err);

/* What a caller learns of each batch on the worker (src/stories.h reads
 * the front page's rows of its feeds while the transfers go on):
 * synced() gets the feeds the batch synced, their writes visible on
 * store (the worker's handle, inside the batch's transaction), just
 * before it commits; committed() then says whether it did (0: the
 * batch's writes are lost, or synced() could not be told them). Both
 * run on the worker. */
struct syncq_batch_hook {
	void (*synced)(void *ctx, struct store *store, const int64_t *feed_ids,
	               size_t n);
	void (*committed)(void *ctx, int ok);
	void *ctx;
};

/* Sets the hook (copied) before the first feed is added. */
void syncq_set_batch_hook(struct syncq *q, const struct syncq_batch_hook *hook);

/* Queues a finished transfer of feed (feed->url and filter_cmd are
 * copied); user comes
 * back with its outcome. Takes result's body and strings: they are NULL
 * in *result afterwards, whatever the status. */
enum nf_status syncq_add_fetched(struct syncq *q, const struct sync_feed *feed,
                                 void *user, struct fetch_result *result,
                                 struct nf_error *err);

/* Queues a file:// feed, read by the worker (sync_local()). */
enum nf_status syncq_add_local(struct syncq *q, const struct sync_feed *feed,
                               void *user, struct nf_error *err);

/* A descriptor that is readable while a finished feed waits to be taken,
 * for the caller's poll(). */
int syncq_fd(const struct syncq *q);

/* Takes the first finished feed: *user as it was added, and its outcome
 * (the caller clears it with sync_outcome_clear()). Returns 1, or 0 when
 * none has finished; with wait nonzero it blocks until one finishes, and
 * returns 0 only when nothing is queued. */
int syncq_take(struct syncq *q, int wait, void **user,
               struct sync_outcome *out);

/* The worker commits the feeds it has synced in batches (store.h) and
 * hands their outcomes out when a batch commits: after 250 ms, or 256
 * feeds, or before a local feed. A caller with nothing more to add for
 * now says so here, and the batch commits as soon as the queued feeds
 * are synced, without waiting out the 250 ms. */
void syncq_flush(struct syncq *q);

/* Feeds added and not yet taken. */
size_t syncq_pending(const struct syncq *q);

/* Bytes of fetched bodies queued and not yet parsed: a caller that
 * fetches faster than the worker parses waits (syncq_take() with wait)
 * past its own ceiling, so memory stays bounded. */
size_t syncq_queued_bytes(const struct syncq *q);

/* Lets the feed being synced finish (an exec or filter program it runs
 * is killed at once: the reader quits without waiting out a hanging
 * program's timeout), drops the ones not started and the outcomes not
 * taken, stops the worker and closes the store. NULL is a no-op. */
void syncq_free(struct syncq *q);

#endif
