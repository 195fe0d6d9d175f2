#ifndef NF_TESTS_FOLDARCHIVE_H
#define NF_TESTS_FOLDARCHIVE_H

/*
 * What the second and third labelled archives (tests/second,
 * tests/third) share: an item with its truth, its entries for folding,
 * its truth for the scorer, and the pairs to read when a figure falls.
 */

#include <stddef.h>
#include <stdint.h>

#include "src/fold.h"
#include "tests/scale/foldscore.h"

struct foldarchive_item {
	char *title, *summary, *link, *guid, *source;	/* owned by the archive */
	int64_t time;
	uint32_t story;		/* the truth */
	uint32_t dontcare;	/* 0, or the group its stories share (a match's
				 * preview and report) */
	unsigned char family;	/* the archive's own families */
	unsigned char copy;	/* 0 for the first telling */
};

/* Frees the strings of n items (not the array). */
void foldarchive_free_items(struct foldarchive_item *items, size_t n);

/* printf into out[cap], cut to fit: a generator's titles and summaries
 * have fixed room, and a cut one is one more shape of text. */
void foldarchive_put(char *out, size_t cap, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Entry i for item i, pointing into items; a new array (free()), NULL
 * when out of memory. */
struct fold_entry *foldarchive_entries(const struct foldarchive_item *items, size_t n);

/* The scorer's truth of n items; a new array (free()), NULL when out of
 * memory. */
struct foldscore_item *foldarchive_truth(const struct foldarchive_item *items, size_t n);

/* Prints up to show pairs that res joined across stories or left apart
 * within one (items in time order); family_name names a family. */
void foldarchive_show_pairs(const struct foldarchive_item *items, size_t n,
                            const struct fold_result *res, long show,
                            const char *(*family_name)(int family));

/* Folds the n items at the default threshold, scores the folding against
 * their truth into *score and prints the score table, then up to show
 * pairs it got wrong (show 0: none). NF_ERR_NOMEM when out of memory. */
enum nf_status foldarchive_score(const struct foldarchive_item *items, size_t n,
                                 size_t nfamilies,
                                 const char *(*family_name)(int family),
                                 long show, struct foldscore *score,
                                 struct nf_error *err);

#endif
