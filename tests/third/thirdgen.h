#ifndef NF_TESTS_THIRDGEN_H
#define NF_TESTS_THIRDGEN_H

/*
 * A third labelled archive for folding, apart from tests/scale and
 * tests/second: its own outlets and templates (French, Italian and
 * simplified Chinese titles beside English; fixtures "A 2-1 B" across
 * leagues, weather warnings by region and level, prices "Gold rises to
 * $2,034", court rulings, product recalls by brand and model, school
 * closures by town, rail and flight disruptions by route, "Day 12 of"
 * series, "Top 10" lists, numbered podcast and newsletter editions) and
 * its own copy variations (a wire rewrite with another verb, a
 * quote-led title, a dateline "PARIS —" or "LONDON (Agency) -", Title
 * Case against sentence case, a trailing "(updated)", "[video]" or
 * "- live", a glued summary, an outlet's tail). Some 6 stories in 100
 * are told by 2-5 outlets within hours; every other story is distinct,
 * even where its title is another's word for word. Deterministic: one
 * seed and size give one archive.
 */

#include <stddef.h>
#include <stdint.h>

#include "src/error.h"
#include "src/fold.h"
#include "tests/scale/foldarchive.h"

enum thirdgen_family {
	TG_FIXTURE, TG_WARNING, TG_PRICE, TG_COURT, TG_RECALL, TG_SCHOOL,
	TG_TRAVEL, TG_SERIES, TG_EDITION, TG_FRENCH, TG_ITALIAN, TG_CHINESE,
	TG_NEWS, TG_NFAMILIES
};


struct thirdgen_archive {
	struct foldarchive_item *items;	/* in time order */
	size_t n, nstories, ncopied;	/* ncopied: stories told more than once */
};

/* Builds exactly n items from seed over four weeks. Free with
 * thirdgen_free(). */
enum nf_status thirdgen_build(size_t n, uint64_t seed, struct thirdgen_archive *out,
                              struct nf_error *err);
void thirdgen_free(struct thirdgen_archive *a);

/* The family's name for the score table; static. */
const char *thirdgen_family_name(int family);


#endif
