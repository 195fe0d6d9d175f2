#ifndef NF_TESTS_SECONDGEN_H
#define NF_TESTS_SECONDGEN_H

/*
 * A second labelled archive for folding, written apart from tests/scale:
 * its own outlets (24, in English, Japanese, German, Spanish and Korean),
 * its own recurring templates (lottery draws, traffic per road,
 * "Breaking:"/"UPDATE:"/"LIVE:" news, quarterly results, obituaries,
 * election results per district, numbered column series, score lines,
 * ticker moves, earthquake reports, press releases under one boilerplate
 * title, dated CJK notices, emoji and all-caps titles) and its own copy
 * variations (case, width, punctuation, outlet tails, a glued summary,
 * "..." truncation, a swapped word, "A, says B" against "B: A", a
 * "Breaking:" prefix). Some 4 stories in 100 are told by 2-5 outlets
 * within hours; every other story is distinct even where its title is
 * another's word for word. A match's preview and its report share a
 * dontcare group. Deterministic: one seed and size give one archive.
 */

#include <stddef.h>
#include <stdint.h>

#include "src/error.h"
#include "src/fold.h"
#include "tests/scale/foldarchive.h"

enum secondgen_family {
	SG_LOTTERY, SG_TRAFFIC, SG_FLASH, SG_EARNINGS, SG_OBITUARY,
	SG_ELECTION, SG_COLUMN, SG_SCORE, SG_TICKER, SG_QUAKE, SG_PRESS,
	SG_NOTICE, SG_LOUD, SG_NEWS, SG_NFAMILIES
};


struct secondgen_archive {
	struct foldarchive_item *items;	/* in time order */
	size_t n, nstories, ncopied, ncopies;	/* ncopies: items of copied stories */
};

/* Builds exactly n items from seed over four weeks. Free with
 * secondgen_free(). */
enum nf_status secondgen_build(size_t n, uint64_t seed, struct secondgen_archive *out,
                               struct nf_error *err);
void secondgen_free(struct secondgen_archive *a);

/* The family's name for the score table; static. */
const char *secondgen_family_name(int family);


#endif
