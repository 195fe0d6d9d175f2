/*
 * Near-duplicate Similar News entries folded into copies: which entries
 * fold, in what order, and the cut of a glued CJK summary.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/relmerge.h"
#include "src/title.h"

#define MAX_ENTRIES 6

struct merge_case {
	const char *name;
	const char *titles[MAX_ENTRIES];	/* NULL ends */
	const char *want;	/* per kept entry: its index, then its copies' */
	const char *first_copy;	/* the first kept entry's first copy's title, or NULL */
};

static const struct merge_case cases[] = {
	{ "identical copies fold into the first",
	  { "Harbour board approves 40 new berths for Pelling marina",
	    "Harbour board approves 40 new berths for Pelling marina",
	    "Harbour board approves 40 new berths for Pelling marina" },
	  "0:1,2", NULL },
	{ "case and width fold",
	  { "Harbour board approves 40 new berths for Pelling marina",
	    "HARBOUR BOARD APPROVES 40 NEW BERTHS FOR PELLING MARINA",
	    "Harbour board approves \xef\xbc\x94\xef\xbc\x90 new berths for Pelling marina" },
	  "0:1,2", NULL },
	{ "a different number is another story",
	  { "Harbour board approves 40 new berths for Pelling marina",
	    "Harbour board approves 30 new berths for Pelling marina" },
	  "0: 1:", NULL },
	{ "stories interleaved keep their order",
	  { "Harbour board approves 40 new berths for Pelling marina",
	    "Storm closes Dunmere coast road for three days",
	    "HARBOUR BOARD APPROVES 40 NEW BERTHS FOR PELLING MARINA",
	    "Storm closes Dunmere coast road for three days",
	    "Lantern festival moves to the old harbour" },
	  "0:2 1:3 4:", NULL },
	{ "half-width katakana folds",
	  { "\xe6\xb3\x8a\xe6\xb8\xaf\xe3\x81\xab\xe3\x82\xaf\xe3\x83\xab\xe3\x83\xbc\xe3\x82\xba"
	    "\xe8\x88\xb9\xe3\x81\x8c\x34\x30\xe9\x9a\xbb\xe5\x85\xa5\xe6\xb8\xaf",
	    "\xe6\xb3\x8a\xe6\xb8\xaf\xe3\x81\xab\xef\xbd\xb8\xef\xbe\x99\xef\xbd\xb0\xef\xbd\xbd"
	    "\xef\xbe\x9e\xe8\x88\xb9\xe3\x81\x8c\x34\x30\xe9\x9a\xbb\xe5\x85\xa5\xe6\xb8\xaf" },
	  "0:1", NULL },
	{ "a glued japanese summary is cut back",
	  { "\xe6\xb3\x8a\xe6\xb8\xaf\xe3\x81\xab\xe3\x82\xaf\xe3\x83\xab\xe3\x83\xbc\xe3\x82\xba"
	    "\xe8\x88\xb9\xe3\x81\x8c\x34\x30\xe9\x9a\xbb\xe5\x85\xa5\xe6\xb8\xaf\xe3\x80\x80"
	    "\xe8\xa6\xb3\xe5\x85\x89\xe5\xae\xa2\xe3\x81\x8c\xe9\x81\x8e\xe5\x8e\xbb\xe6\x9c\x80"
	    "\xe5\xa4\x9a\xe3\x81\xab",
	    "\xe6\xb3\x8a\xe6\xb8\xaf\xe3\x81\xab\xe3\x82\xaf\xe3\x83\xab\xe3\x83\xbc\xe3\x82\xba"
	    "\xe8\x88\xb9\xe3\x81\x8c\x34\x30\xe9\x9a\xbb\xe5\x85\xa5\xe6\xb8\xaf\xe3\x80\x80"
	    "\xe8\xa6\xb3\xe5\x85\x89\xe5\xae\xa2\xe3\x81\x8c\xe9\x81\x8e\xe5\x8e\xbb\xe6\x9c\x80"
	    "\xe5\xa4\x9a\xe3\x81\xab\xe7\x94\xba\xe3\x81\xab\xe3\x82\x88\xe3\x82\x8b\xe3\x81\xa8" },
	  "0:1",
	  "\xe6\xb3\x8a\xe6\xb8\xaf\xe3\x81\xab\xe3\x82\xaf\xe3\x83\xab\xe3\x83\xbc\xe3\x82\xba"
	  "\xe8\x88\xb9\xe3\x81\x8c\x34\x30\xe9\x9a\xbb\xe5\x85\xa5\xe6\xb8\xaf\xe3\x80\x80"
	  "\xe8\xa6\xb3\xe5\x85\x89\xe5\xae\xa2\xe3\x81\x8c\xe9\x81\x8e\xe5\x8e\xbb\xe6\x9c\x80"
	  "\xe5\xa4\x9a\xe3\x81\xab" },
	{ "short titles stay apart", { "Weather", "Weather" }, "0: 1:", NULL },
};

/* The folded list written as "kept:copy,copy kept:..." by the entries'
 * first indices (each entry's link holds its index). */
static void
describe(const struct nf_related *v, size_t n, char *out, size_t size)
{
	size_t i, j, len = 0;

	out[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		len += (size_t)snprintf(out + len, size - len, "%s%s:", i > 0 ? " " : "", v[i].link);
		for (j = 0; j < v[i].ncopies && len < size; j++) {
			len += (size_t)snprintf(out + len, size - len, "%s%s", j > 0 ? "," : "",
			                        v[i].copies[j].link);
		}
	}
}

static void
test_cases(void **state)
{
	size_t i, k, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct merge_case *c = &cases[i];
		struct nf_related v[MAX_ENTRIES];
		char got[256], num[8];

		memset(v, 0, sizeof(v));
		for (n = 0; n < MAX_ENTRIES && c->titles[n] != NULL; n++) {
			snprintf(num, sizeof(num), "%zu", n);
			v[n].title = strdup(c->titles[n]);
			v[n].link = strdup(num);
		}
		assert_int_equal(relmerge_copies(v, &n, TITLE_DEFAULT_THRESHOLD), 0);
		describe(v, n, got, sizeof(got));
		if (strcmp(got, c->want) != 0) {
			fail_msg("%s: got \"%s\", want \"%s\"", c->name, got, c->want);
		}
		if (c->first_copy != NULL && strcmp(v[0].copies[0].title, c->first_copy) != 0) {
			fail_msg("%s: copy \"%s\"", c->name, v[0].copies[0].title);
		}
		for (k = 0; k < n; k++) {
			related_clear(&v[k]);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
