/*
 * Folding does not depend on the order the entries come in: the scale
 * archive (tests/scale, 20,000 items) folded in its own date order, in
 * reverse (as a feed lists newest first) and shuffled (as the store
 * lists by feed) gives the same stories with the same leads. Joins are
 * greedy, so before fold_stories() joined in date order whatever the
 * caller's order, the reversed archive folded into 15 more stories.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "src/fold.h"
#include "src/title.h"
#include "tests/scale/foldgen.h"

#define SIZE 20000
#define SEED 1

/* lead[k]: the lead of entry k's story, both in the archive's indices,
 * from a folding of entries listed as at[0..n-1] */
static size_t *
leads_of(const struct fold_entry *e, const size_t *at, size_t n)
{
	struct fold_entry *listed = malloc(n * sizeof(*listed));
	size_t *lead = malloc(n * sizeof(*lead)), s, k;
	struct fold_result r;
	struct nf_error err;

	assert_non_null(listed);
	assert_non_null(lead);
	for (k = 0; k < n; k++) {
		listed[k] = e[at[k]];
	}
	assert_int_equal(fold_stories(listed, n, TITLE_DEFAULT_THRESHOLD, &r, &err), NF_OK);
	for (s = 0; s < r.nstories; s++) {
		size_t l = at[r.stories[s].lead];

		lead[l] = l;
		for (k = 0; k < r.stories[s].nsimilar; k++) {
			lead[at[r.stories[s].similar[k]]] = l;
		}
	}
	fold_result_free(&r);
	free(listed);
	return lead;
}

static void
test_order(void **state)
{
	struct foldgen_archive a;
	struct fold_entry *e;
	struct nf_error err;
	size_t *at, *want, *got, i, round;
	uint32_t seed = 2026;

	(void)state;
	assert_int_equal(foldgen_build(SIZE, SEED, &a, &err), NF_OK);
	e = foldgen_entries(&a);
	at = malloc(a.n * sizeof(*at));
	assert_non_null(e);
	assert_non_null(at);
	for (i = 0; i < a.n; i++) {
		at[i] = i;
	}
	want = leads_of(e, at, a.n);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < a.n; i++) {
			at[i] = round == 0 ? a.n - 1 - i : i;
		}
		for (i = a.n - 1; round > 0 && i > 0; i--) {
			size_t j, t;

			seed = seed * 1103515245u + 12345u;
			j = (seed >> 8) % (i + 1);
			t = at[i], at[i] = at[j], at[j] = t;
		}
		got = leads_of(e, at, a.n);
		for (i = 0; i < a.n; i++) {
			if (got[i] != want[i]) {
				fail_msg("order %zu: entry %zu leads with %zu, in date order %zu",
				         round, i, got[i], want[i]);
			}
		}
		free(got);
	}
	free(want);
	free(at);
	free(e);
	foldgen_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
