#ifndef NF_TESTS_FOLDSCORE_H
#define NF_TESTS_FOLDSCORE_H

/*
 * Scores a folding against the truth: pairwise precision and recall,
 * the largest story, the widest time span, and which template families
 * the wrongly joined pairs come from. Pairs are counted from the sizes of
 * stories and of their overlaps (a sort, not a loop over pairs), so a
 * million items score in about a second.
 */

#include <stdint.h>
#include <stdio.h>

#include "src/error.h"
#include "src/fold.h"

#define FOLDSCORE_MAX_FAMILIES 16
#define FOLDSCORE_WIDE (3 * 86400)	/* a story should span no more */

/* What is true of one item. Items of one story share its dontcare. */
struct foldscore_item {
	uint32_t story;		/* items with one story are one story */
	uint32_t dontcare;	/* 0, or a group whose stories may fold together
				 * or not: pairs across them are not counted */
	unsigned family;	/* below the nfamilies given to foldscore_run() */
	int64_t time;		/* NF_NO_DATE when unknown */
};

struct foldscore {
	uint64_t true_pairs;	/* pairs of copies in the truth */
	uint64_t folded_pairs;	/* pairs in one folded story */
	uint64_t right_pairs;	/* both */
	uint64_t wrong_pairs;	/* folded, different stories, counted */
	uint64_t dontcare_pairs;	/* folded across a dontcare group */
	double precision, recall;
	size_t nitems, nstories, ntrue;
	size_t largest, largest_true;
	int64_t longest_span;	/* seconds from a folded story's first member to its last */
	size_t wide;		/* folded stories spanning more than FOLDSCORE_WIDE */
	size_t nfamilies;
	uint64_t items_by[FOLDSCORE_MAX_FAMILIES];
	uint64_t true_by[FOLDSCORE_MAX_FAMILIES];
	uint64_t right_by[FOLDSCORE_MAX_FAMILIES];
	uint64_t wrong_by[FOLDSCORE_MAX_FAMILIES][FOLDSCORE_MAX_FAMILIES];	/* [f][g], f <= g */
};

/* Scores res, a folding of n items, against truth[0..n-1]. Fails with
 * NF_ERR_PARSE when res does not place every index exactly once or a
 * story's items disagree on dontcare, NF_ERR_NOMEM when out of memory. */
enum nf_status foldscore_run(const struct foldscore_item *truth, size_t n,
                             size_t nfamilies, const struct fold_result *res,
                             struct foldscore *out, struct nf_error *err);

/* The targets every labelled archive holds folding to: pairwise
 * precision >= 0.995 and recall >= 0.95, no story larger than the
 * largest true one, none spanning more than FOLDSCORE_WIDE. */
enum foldscore_target {
	FOLDSCORE_PRECISION, FOLDSCORE_RECALL, FOLDSCORE_SIZE, FOLDSCORE_SPAN
};

/* Whether s meets target; when it does not, msg (size bytes) says by
 * how much. */
int foldscore_meets(const struct foldscore *s, enum foldscore_target target,
                    char *msg, size_t size);

/* Prints the score as a compact table; names[f] names family f. */
void foldscore_print(FILE *out, const struct foldscore *s,
                     const char *const *names);

#endif
