/*
 * The scale benchmark's scorer (tests/scale/foldscore): pairwise counts
 * on small foldings whose pairs can be counted by hand, don't-care
 * groups, spans, per-template wrong pairs, and foldings it must refuse.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tests/scale/foldscore.h"

#define DAY 86400
#define MAX_ITEMS 8
#define END 99	/* ends a folded story's member list */

/* A case: up to MAX_ITEMS items and a folding written as member lists
 * (lead first), each ended by END, the list ended by an empty one. */
struct score_case {
	const char *name;
	size_t n;
	uint32_t story[MAX_ITEMS], dontcare[MAX_ITEMS], family[MAX_ITEMS];
	int64_t day[MAX_ITEMS];
	int folding[24];
	uint64_t folded, right, wrong, dontcare_pairs, true_pairs;
	size_t largest, largest_true, wide;
	int64_t span_days;
};

static const struct score_case cases[] = {
	{ "right", 3, { 0, 0, 1 }, { 0 }, { 0 }, { 0 },
	  { 0, 1, END, 2, END, END }, 1, 1, 0, 0, 1, 2, 2, 0, 0 },
	{ "nothing folded", 3, { 0, 0, 1 }, { 0 }, { 0 }, { 0 },
	  { 0, END, 1, END, 2, END, END }, 0, 0, 0, 0, 1, 1, 2, 0, 0 },
	{ "a chain joins three stories", 4, { 0, 0, 1, 2 }, { 0 }, { 0 }, { 0 },
	  { 3, 0, 1, 2, END, END }, 6, 1, 5, 0, 1, 4, 2, 0, 0 },
	{ "preview and report may fold", 3, { 0, 1, 2 }, { 7, 7, 0 }, { 0 }, { 0 },
	  { 0, 1, 2, END, END }, 3, 0, 2, 1, 0, 3, 1, 0, 0 },
	{ "copies of a report with its preview", 4, { 0, 1, 1, 2 }, { 7, 7, 7, 0 }, { 0 }, { 0 },
	  { 0, 1, 2, END, 3, END, END }, 3, 1, 0, 2, 1, 3, 2, 0, 0 },
	{ "a wide story", 3, { 0, 1, 2 }, { 0 }, { 0 }, { 0, 4, 1 },
	  { 0, 1, END, 2, END, END }, 1, 0, 1, 0, 0, 2, 1, 1, 4 },
	{ "three days is not wide", 2, { 0, 0 }, { 0 }, { 0 }, { 0, 3 },
	  { 0, 1, END, END }, 1, 1, 0, 0, 1, 2, 2, 0, 3 },
};

static void
fold_of(const struct score_case *c, struct fold_result *res,
        struct fold_story *stories, size_t *members)
{
	size_t m = 0, k = 0;

	res->stories = stories;
	res->nstories = 0;
	while (c->folding[k] != END) {
		struct fold_story *st = &stories[res->nstories++];

		st->lead = (size_t)c->folding[k++];
		st->similar = &members[m];
		st->nsimilar = 0;
		while (c->folding[k] != END) {
			members[m++] = (size_t)c->folding[k++];
			st->nsimilar++;
		}
		k++;
	}
}

static void
truth_of(const struct score_case *c, struct foldscore_item *t)
{
	for (size_t i = 0; i < c->n; i++) {
		t[i] = (struct foldscore_item){ c->story[i], c->dontcare[i],
		                                c->family[i], c->day[i] * DAY };
	}
}

static void
test_score_case(void **state)
{
	const struct score_case *c = *state;
	struct foldscore_item truth[MAX_ITEMS] = { 0 };
	struct fold_story stories[MAX_ITEMS];
	size_t members[MAX_ITEMS];
	struct fold_result res;
	struct foldscore s;
	struct nf_error err;

	truth_of(c, truth);
	fold_of(c, &res, stories, members);
	assert_int_equal(foldscore_run(truth, c->n, 2, &res, &s, &err), NF_OK);
	assert_int_equal(s.folded_pairs, c->folded);
	assert_int_equal(s.right_pairs, c->right);
	assert_int_equal(s.wrong_pairs, c->wrong);
	assert_int_equal(s.dontcare_pairs, c->dontcare_pairs);
	assert_int_equal(s.true_pairs, c->true_pairs);
	assert_int_equal(s.largest, c->largest);
	assert_int_equal(s.largest_true, c->largest_true);
	assert_int_equal(s.wide, c->wide);
	assert_int_equal(s.longest_span, c->span_days * DAY);
	assert_true(s.precision >= 0.0 && s.precision <= 1.0);
	if (c->right + c->wrong > 0) {
		assert_true(s.precision == (double)c->right / (double)(c->right + c->wrong));
	}
}

/* Two families in one folded story: the wrong pairs land on the pair of
 * families, once. */
static void
test_wrong_by_family(void **state)
{
	static const struct score_case c = { "families", 4, { 0, 0, 1, 2 }, { 0 },
	                                     { 0, 0, 1, 1 }, { 0 },
	                                     { 0, 1, 2, 3, END, END }, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct foldscore_item truth[MAX_ITEMS];
	struct fold_story stories[MAX_ITEMS];
	size_t members[MAX_ITEMS];
	struct fold_result res;
	struct foldscore s;
	struct nf_error err;

	(void)state;
	truth_of(&c, truth);
	fold_of(&c, &res, stories, members);
	assert_int_equal(foldscore_run(truth, c.n, 2, &res, &s, &err), NF_OK);
	assert_int_equal(s.right_by[0], 1);
	assert_int_equal(s.wrong_by[0][0], 0);
	assert_int_equal(s.wrong_by[0][1], 4);
	assert_int_equal(s.wrong_by[1][1], 1);
	assert_int_equal(s.items_by[1], 2);
	assert_int_equal(s.true_by[0], 1);
}

struct bad_case {
	const char *name;
	int folding[12];
	uint32_t dontcare[3];
	unsigned family;
};

static const struct bad_case bad_cases[] = {
	{ "an item left out", { 0, 1, END, END }, { 0 }, 0 },
	{ "an item twice", { 0, 1, END, 1, 2, END, END }, { 0 }, 0 },
	{ "an index past the end", { 0, 1, 2, 3, END, END }, { 0 }, 0 },
	{ "a story in two groups", { 0, 1, 2, END, END }, { 1, 2, 0 }, 0 },
	{ "a family out of range", { 0, 1, 2, END, END }, { 0 }, 5 },
};

static void
test_bad_case(void **state)
{
	const struct bad_case *b = *state;
	struct score_case c = { b->name, 3, { 0, 0, 1 }, { 0 }, { 0 }, { 0 }, { 0 },
	                        0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct foldscore_item truth[MAX_ITEMS];
	struct fold_story stories[MAX_ITEMS];
	size_t members[MAX_ITEMS];
	struct fold_result res;
	struct foldscore s;
	struct nf_error err;

	memcpy(c.folding, b->folding, sizeof(b->folding));
	memcpy(c.dontcare, b->dontcare, sizeof(b->dontcare));
	c.family[2] = b->family;
	truth_of(&c, truth);
	fold_of(&c, &res, stories, members);
	assert_int_equal(foldscore_run(truth, c.n, 2, &res, &s, &err), NF_ERR_PARSE);
}

static void
test_print(void **state)
{
	static const char *const names[] = { "news", "weather" };
	static const struct score_case c = { "print", 3, { 0, 0, 1 }, { 0 },
	                                     { 0, 0, 1 }, { 0 }, { 0, 1, 2, END, END },
	                                     0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct foldscore_item truth[MAX_ITEMS];
	struct fold_story stories[MAX_ITEMS];
	size_t members[MAX_ITEMS];
	struct fold_result res;
	struct foldscore s;
	struct nf_error err;
	char buf[4096] = "";
	FILE *f = tmpfile();

	(void)state;
	assert_non_null(f);
	truth_of(&c, truth);
	fold_of(&c, &res, stories, members);
	assert_int_equal(foldscore_run(truth, c.n, 2, &res, &s, &err), NF_OK);
	foldscore_print(f, &s, names);
	rewind(f);
	assert_true(fread(buf, 1, sizeof(buf) - 1, f) > 0);
	fclose(f);
	assert_non_null(strstr(buf, "precision 0.3333  recall 1.0000"));
	assert_non_null(strstr(buf, "news + weather"));
	assert_non_null(strstr(buf, "largest story 3 (largest true 2)"));
}

int
main(void)
{
	const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_wrong_by_family),
		cmocka_unit_test(test_print),
	};
	struct CMUnitTest tests[sizeof(cases) / sizeof(cases[0])
	                        + sizeof(bad_cases) / sizeof(bad_cases[0]) + 2];
	size_t i, n = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tests[n++] = (struct CMUnitTest){ .name = cases[i].name,
			.test_func = test_score_case, .initial_state = (void *)&cases[i] };
	}
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		tests[n++] = (struct CMUnitTest){ .name = bad_cases[i].name,
			.test_func = test_bad_case, .initial_state = (void *)&bad_cases[i] };
	}
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		tests[n++] = fixed[i];
	}
	return _cmocka_run_group_tests("foldscore", tests, n, NULL, NULL);
}
