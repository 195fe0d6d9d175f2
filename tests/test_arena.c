/* The arena that --dump and the refold keep strings in: copies survive
 * later keeps (outsize ones too), cuts never split a character, keys
 * take digest_form()'s form. */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/arena.h"
#include "src/digest.h"

/* Many strings of every size up to three blocks stay intact. */
static void
test_keep(void **state)
{
	struct arena a = { NULL, 256 };
	const char *kept[600];
	char buf[800];
	size_t i, k;

	(void)state;
	for (i = 0; i < 600; i++) {
		for (k = 0; k < i + 1 && k < sizeof(buf); k++) {
			buf[k] = (char)('a' + (i + k) % 26);
		}
		kept[i] = arena_keep(&a, buf, i + 1);
		assert_non_null(kept[i]);
	}
	for (i = 0; i < 600; i++) {
		assert_int_equal(strlen(kept[i]), i + 1);
		for (k = 0; k <= i; k++) {
			assert_int_equal(kept[i][k], (char)('a' + (i + k) % 26));
		}
	}
	arena_free(&a);
	assert_null(a.head);
}

struct cut_case {
	const char *name, *in;
	size_t max;
	const char *want;	/* NULL: NULL */
};

static const struct cut_case cut_cases[] = {
	{ "null", NULL, 4, NULL },
	{ "short", "news", 10, "news" },
	{ "exact", "news", 4, "news" },
	{ "ascii cut", "newsfold", 4, "news" },
	{ "inside a character", "\xe6\x97\xa5\xe6\x9c\xac", 4, "\xe6\x97\xa5" },
	{ "at a character", "\xe6\x97\xa5\xe6\x9c\xac", 3, "\xe6\x97\xa5" },
	{ "zero", "news", 0, "" },
};

static void
test_cut(void **state)
{
	struct arena a = { NULL, 0 };
	const char *out;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cut_cases) / sizeof(cut_cases[0]); i++) {
		const struct cut_case *c = &cut_cases[i];

		assert_int_equal(arena_keep_cut(&a, c->in, c->max, &out), 0);
		if (c->want == NULL ? out != NULL : out == NULL || strcmp(out, c->want) != 0) {
			fail_msg("%s: got \"%s\"", c->name, out != NULL ? out : "(null)");
		}
	}
	arena_free(&a);
}

static void
test_key(void **state)
{
	struct arena a = { NULL, 0 };
	const char *longkey = "https://news.example/2026/12/03/harbour-bridge-reopens";
	char d[DIGEST_LEN];
	const char *out;

	(void)state;
	assert_int_equal(arena_keep_key(&a, NULL, &out), 0);
	assert_null(out);
	assert_int_equal(arena_keep_key(&a, "item-42", &out), 0);
	assert_string_equal(out, "item-42");
	assert_int_equal(arena_keep_key(&a, longkey, &out), 0);
	digest_key(longkey, strlen(longkey), d);
	assert_int_equal(strlen(out), DIGEST_LEN);
	assert_memory_equal(out, d, DIGEST_LEN);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
