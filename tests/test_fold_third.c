/*
 * Folding against a third labelled archive (tests/third: French, Italian
 * and simplified Chinese titles beside English; fixtures "A 2-1 B"
 * across leagues, weather warnings by region and level, prices, court
 * rulings, product recalls by brand and model, school closures by town,
 * rail and flight disruptions by route, "Day 12 of" series, "Top 10"
 * lists, numbered editions; copies with a changed verb, a quote-led
 * title, a dateline "PARIS —", Title Case, "(updated)"/"[video]"/"- live",
 * a glued summary or an outlet's tail), written apart from tests/scale
 * and tests/second so that the rules are held to templates their authors
 * did not write them against. The targets are the issue's: at 20,000
 * items pairwise precision >= 0.995 and recall >= 0.95, no folded story
 * larger than the largest true one, and none spanning more than 3 days
 * (no two of the archive's items share a link or GUID).
 *
 * When it was written (seed 11) folding took a word swapped in a title
 * ("... new funding for the library in Harwick", "... for the bus depot
 * ...") over leads telling each its own event for a rewrite: precision
 * 0.967, recall 0.969, largest story 7. Parting such pairs, and titles
 * alike but for figures that moved (地铁8号线5日起, 地铁5号线8日起), led to
 * precision 0.9998, recall 0.971, largest story 5, widest 0.2 days
 * (seeds 1-20: precision 0.997-0.9998, recall 0.952-0.980; at seed 7
 * one story of 6 where the largest true one has 5: a word swapped in
 * the title and in its lead alike, as an outlet's synonym is).
 *
 * With THIRD_SHOW=N in the environment the first N wrongly joined and
 * missed pairs are printed with their titles, and with THIRD_SEED=S the
 * archive is built from seed S instead.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "src/fold.h"
#include "src/title.h"
#include "tests/scale/foldscore.h"
#include "tests/scale/foldtargets.h"
#include "tests/third/thirdgen.h"

#define SIZE 20000
#define SEED 11

static struct foldscore score;

static int
group_setup(void **state)
{
	struct thirdgen_archive a;
	struct nf_error err;
	const char *show = getenv("THIRD_SHOW"), *other = getenv("THIRD_SEED");
	unsigned long long seed = other != NULL ? strtoull(other, NULL, 10) : SEED;
	enum nf_status st;

	(void)state;
	if (thirdgen_build(SIZE, seed, &a, &err) != NF_OK) {
		fprintf(stderr, "third archive: %s\n", err.msg);
		return -1;
	}
	printf("== third archive: %zu items, seed %llu: %zu stories, %zu told by "
	       "2-5 outlets\n", a.n, seed, a.nstories, a.ncopied);
	st = foldarchive_score(a.items, a.n, TG_NFAMILIES, thirdgen_family_name,
	                       show != NULL ? strtol(show, NULL, 10) : 0, &score, &err);
	if (st != NF_OK) {
		fprintf(stderr, "third archive: %s\n", err.msg);
	}
	thirdgen_free(&a);
	return st == NF_OK ? 0 : -1;
}

int
main(void)
{
	return foldtargets_run("fold third archive", &score, group_setup);
}
