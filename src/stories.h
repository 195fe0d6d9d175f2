#ifndef NF_SRC_STORIES_H
#define NF_SRC_STORIES_H

/*
 * The front page's stories kept in the store: folded once after the
 * items change (a refresh, a reload in the reader), then listed by
 * `--headlines` and the screens without folding. The kept fold is the
 * one frontpage_build() makes of stories_load()'s items, so a page
 * printed from it is the page folded in memory.
 */

#include <stddef.h>

#include "config/config.h"
#include "src/error.h"
#include "src/item.h"
#include "src/store.h"

/* The items of every feed the dotfile lists that filter lets through
 * (NULL: all), in dotfile order, each feed's in the store's order, as a
 * page reads them (STORE_LOAD_PAGE) and through the text gate: what the
 * front page folds. Reads only. A new array in *items; free with
 * store_items_free(). */
enum nf_status stories_load(struct store *s, const struct config *cfg,
                            const struct store_filter *filter,
                            struct nf_item ***items, size_t *n,
                            struct nf_error *err);

/* What the kept fold of cfg's front page must have been made from
 * besides the items: the program's version, fold-threshold and the
 * dotfile's feeds in order. A new string in *out (free() it), or NULL
 * when cfg's page cannot be kept (`ignore` lines hide items by rules
 * that change with the clock) and is folded each time instead. */
enum nf_status stories_signature(struct store *s, const struct config *cfg,
                                 char **out, struct nf_error *err);

/* Folds cfg's front page and keeps it, unless the kept fold is current
 * (or the page cannot be kept, or the store is read-only). */
enum nf_status stories_update(struct store *s, const struct config *cfg,
                              struct nf_error *err);

/* The front page's rows read while a refresh stores its feeds, so that
 * the refold after the last transfer has little left to read. */
struct stories_rows;

/* Returns a new, empty reading for cfg's page of s, whose fold
 * generation it starts from (read before the batches); free with
 * stories_rows_free() (NULL is a no-op). NULL when the page is never
 * kept (nothing to read for) or out of memory: a refold then reads its
 * rows itself. */
struct stories_rows *stories_rows_new(const struct config *cfg,
                                      struct store *s);
void stories_rows_free(struct stories_rows *rows);

/* syncq's batch hook (src/syncq.h): reads the rows of the n feeds a
 * batch synced on s, the worker's handle, before the batch commits,
 * once the page is known to be folded again (until then unchanged
 * feeds wait for the batch that tells). A reading that cannot be
 * trusted to be the feeds' rows at the refold is dropped, and the
 * refold reads every row itself. */
void stories_rows_synced(struct stories_rows *rows, struct store *s,
                         const int64_t *feed_ids, size_t n);
void stories_rows_committed(struct stories_rows *rows, int ok);

/* stories_update() taking the rows read (NULL: none) where they are
 * still the store's; it empties them. */
enum nf_status stories_update_read(struct store *s, const struct config *cfg,
                                   struct stories_rows *read,
                                   struct nf_error *err);

#endif
