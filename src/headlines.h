#ifndef NF_SRC_HEADLINES_H
#define NF_SRC_HEADLINES_H

/*
 * `newsfold --headlines`: the folded front page (src/frontpage.h) printed
 * as plain text.
 */

#include <stdio.h>

#include "src/cli.h"
#include "src/error.h"
#include "src/item.h"

/* newsfold --headlines [SOURCE...]: the folded front page as text. A
 * failure past the dotfile has had its line on stderr: err is empty then
 * (src/cli.h). */
enum nf_status headlines_run(const struct nf_args *args, struct nf_error *err);

/* Folds n items (each with ->source set to its feed's title) at
 * threshold and prints the front page, width columns wide, to out. */
enum nf_status headlines_print(FILE *out, struct nf_item *const *items,
                               size_t n, double threshold, int width,
                               struct nf_error *err);

struct store;
struct config;

/* Prints the front page of cfg's feeds as the store keeps it folded
 * (src/stories.h), width columns wide, to out, when the kept page is
 * current and not empty; *printed says whether it was (else nothing was
 * printed). Reads only. */
enum nf_status headlines_print_kept(FILE *out, struct store *s,
                                    const struct config *cfg, int width,
                                    int *printed, struct nf_error *err);

#endif
