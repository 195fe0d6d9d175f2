#ifndef NF_FEEDS_ITEMPIPE_H
#define NF_FEEDS_ITEMPIPE_H

/*
 * Items built on a second thread while the parser reads on: the parser
 * puts each raw entry in at its end tag, and the pipe's thread builds it
 * (entry_build(): its HTML read, its text cleaned) and hands the item to
 * on_item, in the order they were put. Building is some half of what
 * reading a feed costs, so that the two cores share the work.
 * feed_options.pipeline asks for it (--dump); the parser builds the
 * first item itself.
 *
 * What a thread allocates, that thread frees: the pipe's thread builds
 * from the parser's strings, only reading them, into memory of its own
 * (entry_build_shared()), and the parser's thread frees each entry it
 * put once its item is built. A free of another thread's memory takes
 * the lock of that thread's malloc arena, which the other thread holds at
 * nearly every moment: a pipe that freed the parser's strings spent more
 * in waiting than it saved, and one that copied them spent a tenth of
 * its time copying.
 */

#include "feeds/entry.h"
#include "feeds/options.h"
#include "src/error.h"

struct itempipe;

/* A pipe handing items to on_item(ctx, feed, item) on a thread of its
 * own, or NULL when out of memory or no thread starts (the caller then
 * builds its items itself). on_item must not read feed's strings, which
 * the parser may be writing as it runs. opts and feed outlive the pipe.
 * End with itempipe_close(). */
struct itempipe *itempipe_open(const struct feed_options *opts,
                               const struct nf_feed *feed,
                               feed_item_fn on_item, void *ctx);

/* Puts raw in (taken: *raw is left empty) with the feed's author as it
 * is now (copied; may be NULL). Returns 0; 1 once the pipe has stopped
 * (on_item asked to stop, or building failed) and -1 when out of memory,
 * raw then freed: nothing put after a stop reaches on_item. */
int itempipe_put(struct itempipe *p, struct entry_raw *raw,
                 const char *feed_author);

/* Waits until every item put has been handed on, ends the thread and
 * frees p. NF_OK, or the first building error's status (err set). */
enum nf_status itempipe_close(struct itempipe *p, struct nf_error *err);

#endif
