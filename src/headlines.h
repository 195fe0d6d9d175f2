#ifndef NF_SRC_HEADLINES_H
#define NF_SRC_HEADLINES_H

/*
 * The folded front page: which story leads, and the page as plain text
 * for `newsfold --headlines`. The reader's Headlines screen reuses
 * headlines_pick_lead() and headlines_order().
 */

#include <stdio.h>

#include "src/cli.h"
#include "src/error.h"
#include "src/fold.h"
#include "src/item.h"

/* newsfold --headlines [SOURCE...]: the folded front page as text. A
 * failure past the dotfile has had its line on stderr: err is empty then
 * (src/cli.h). */
enum nf_status headlines_run(const struct nf_args *args, struct nf_error *err);

/* The lead story of a front page (SPEC): among the stories with a copy
 * dated within a day of the newest dated entry (all of them when nothing
 * is dated), the one carried by the most distinct sources; ties to the
 * story whose newest copy is newest, then to the lower story index.
 * Returns a story index (0 when res has no stories). */
size_t headlines_pick_lead(const struct fold_entry *entries,
                           const struct fold_result *res);

/* Fills order[0..res->nstories) with story indexes, newest story first
 * (by its newest dated copy; undated stories last, in story order). */
void headlines_order(const struct fold_entry *entries,
                     const struct fold_result *res, size_t *order);

/* Folds n items (each with ->source set to its feed's title) at
 * threshold and prints the front page, width columns wide, to out. */
enum nf_status headlines_print(FILE *out, struct nf_item *const *items,
                               size_t n, double threshold, int width,
                               struct nf_error *err);

#endif
