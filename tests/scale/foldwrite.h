#ifndef NF_TESTS_FOLDWRITE_H
#define NF_TESTS_FOLDWRITE_H

/*
 * The scale archive on disk, so that it can go through newsfold end to
 * end (--refresh, --headlines) and be scored against its truth:
 *
 *   DIR/feed-NN.rss  one RSS 2.0 feed per outlet, newest item first
 *   DIR/truth.tsv    guid TAB story TAB dontcare TAB template TAB link
 *                    (after one "#" line naming the columns)
 *   DIR/newsfoldrc   a dotfile listing the feeds as file:// URLs, with
 *                    max-items and max-size large enough for all of them
 */

#include "src/error.h"
#include "tests/scale/foldgen.h"

/* Writes a into dir, which must exist. */
enum nf_status foldwrite_archive(const struct foldgen_archive *a,
                                 const char *dir, struct nf_error *err);

#endif
