#ifndef NF_FEEDS_ENTRYQ_H
#define NF_FEEDS_ENTRYQ_H

/*
 * Items built on a second thread: the XML parser hands each raw entry
 * over at its end tag and reads on, while the queue's thread applies the
 * field rules (entry_build(): HTML taken apart, the text gate, dates).
 * The built items go back to on_item on the parser's thread, in the
 * order the entries came, as later entries are put and at a drain. A
 * caller that drains at the end of each push sees the same items, in the
 * same order, at the same points as with items built in line, and
 * on_item needs no locks.
 */

#include "feeds/entry.h"
#include "feeds/options.h"
#include "src/error.h"
#include "src/item.h"

struct entryq;

/* Returns a new queue with its thread running, or NULL when out of
 * memory or no thread could start. opts must outlive it. Free with
 * entryq_free(). */
struct entryq *entryq_new(const struct feed_options *opts, feed_item_fn on_item,
                          void *ctx);

/* Hands out the items built so far, then hands raw's entry over (raw is
 * left empty, as entry_clear() leaves it) with the feed's author and
 * metadata as they are now, which the queue copies (on_item gets that
 * copy). Waits while the queue is full. Returns 0, or -1 when the queue
 * has stopped (on_item asked to, or building failed): raw is then
 * cleared and nothing more is built or handed out. */
int entryq_put(struct entryq *q, struct entry_raw *raw, const char *feed_author,
               const struct nf_feed *meta);

/* Waits until every entry handed over is built and handed out. Returns
 * NF_OK, or the failure of building one (err filled); *stopped says
 * whether the queue has stopped. */
enum nf_status entryq_drain(struct entryq *q, int *stopped, struct nf_error *err);

/* Stops the thread, dropping what it has not built. NULL is a no-op. */
void entryq_free(struct entryq *q);

#endif
