/* Keys kept for folding: which stay as they are, and that digests tell
 * equal keys from unequal ones, over a table of shapes and over every
 * one-byte change of long keys. */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/digest.h"

struct raw_case {
	const char *name;
	const char *key;
	int raw;
};

static const struct raw_case raw_cases[] = {
	{ "empty", "", 1 },
	{ "short GUID", "item-42", 1 },
	{ "22 bytes", "abcdefghijklmnopqrstuv", 1 },
	{ "23 bytes", "abcdefghijklmnopqrstuvw", 0 },
	{ "a URL", "https://news.example/2026/12/03/harbour-bridge-reopens", 0 },
	{ "short, starts like a digest", "\x01" "abc", 0 },
	{ "short, starts like a URI's digest", "\x02" "abc", 0 },
	{ "UTF-8", "\xe6\x97\xa5\xe6\x9c\xac", 1 },
};

static void
test_raw(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(raw_cases) / sizeof(raw_cases[0]); i++) {
		const struct raw_case *c = &raw_cases[i];

		if (digest_keeps_raw(c->key, strlen(c->key)) != c->raw) {
			fail_msg("%s: raw %d, wanted %d", c->name, !c->raw, c->raw);
		}
	}
}

/* A digest is DIGEST_LEN bytes: a mark no raw key may start with, then
 * printable base64url, never a NUL. */
static void
check_shape(const char *d)
{
	size_t i;

	assert_false(digest_keeps_raw(d, DIGEST_LEN));
	for (i = 1; i < DIGEST_LEN; i++) {
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", d[i]));
		assert_int_not_equal(d[i], '\0');
	}
}

static void
test_same_key_same_digest(void **state)
{
	const char *k = "https://wire.example/story/harbour-bridge-reopens?ref=rss";
	char a[DIGEST_LEN], b[DIGEST_LEN];

	(void)state;
	digest_key(k, strlen(k), a);
	digest_key(k, strlen(k), b);
	check_shape(a);
	assert_memory_equal(a, b, DIGEST_LEN);
}

/* Every one-byte change (each position, several values), and every
 * length cut, of keys 23 to 80 bytes long gives another digest. */
static void
test_neighbours_differ(void **state)
{
	char key[96], changed[96], d0[DIGEST_LEN], d1[DIGEST_LEN];
	size_t n, i, v;

	(void)state;
	for (n = 23; n <= 80; n++) {
		for (i = 0; i < n; i++) {
			key[i] = (char)('a' + (i * 7 + n) % 26);
		}
		digest_key(key, n, d0);
		check_shape(d0);
		for (i = 0; i < n; i++) {
			for (v = 1; v < 256; v += 37) {
				memcpy(changed, key, n);
				changed[i] = (char)(changed[i] ^ (char)v);
				digest_key(changed, n, d1);
				assert_memory_not_equal(d0, d1, DIGEST_LEN);
			}
		}
		digest_key(key, n - 1, d1);
		assert_memory_not_equal(d0, d1, DIGEST_LEN);
	}
}

/* Keys that differ only past eight bytes of zeros, or in their length
 * with zero padding, are still told apart. */
static void
test_zero_padding(void **state)
{
	char a[40] = { 0 }, da[DIGEST_LEN], db[DIGEST_LEN];

	(void)state;
	memset(a, 'x', 30);
	digest_key(a, 30, da);
	digest_key(a, 32, db);	/* two NULs more */
	assert_memory_not_equal(da, db, DIGEST_LEN);
}

/* digest_form() gives a raw key itself and a long one its digest. */
/* Whether a key names its item everywhere (a URI scheme), the same for a
 * key and for the form kept of it: a GUID of a hundred bytes keeps its
 * "tag:" in its digest's mark, one without a scheme does not gain one. */
static void
test_uri(void **state)
{
	static const struct {
		const char *key;
		int uri;
	} cases[] = {
		{ "100241", 0 },
		{ "item-7", 0 },
		{ "urn:uuid:5a1f0c2e-0b7d-4a57-9e0f-3f1b2c4d5e6f", 1 },
		{ "tag:wire.example,2026:0001020304050607080910111213141516171819", 1 },
		{ "https://news.example/2026/12/03/harbour-bridge-reopens", 1 },
		{ "a:b", 1 },
		{ "1a:b", 0 },
		{ "5a1f0c2e-0b7d-4a57-9e0f-3f1b2c4d5e6f-and-more-bytes", 0 },
		{ ":x", 0 },
		{ "", 0 },
	};
	char scratch[DIGEST_LEN + 1];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *form = digest_form(cases[i].key, strlen(cases[i].key),
		                               scratch, &n);
		char kept[DIGEST_LEN + 64];

		memcpy(kept, form, n);
		kept[n] = '\0';
		if (digest_uri(cases[i].key) != cases[i].uri ||
		    digest_uri(kept) != cases[i].uri) {
			fail_msg("\"%s\": uri %d, kept %d, wanted %d", cases[i].key,
			         digest_uri(cases[i].key), digest_uri(kept), cases[i].uri);
		}
	}
}

static void
test_form(void **state)
{
	const char *shortkey = "item-42", *longkey = "https://news.example/a/long/address";
	char scratch[DIGEST_LEN], d[DIGEST_LEN];
	const char *form;
	size_t n;

	(void)state;
	form = digest_form(shortkey, strlen(shortkey), scratch, &n);
	assert_ptr_equal(form, shortkey);
	assert_int_equal(n, strlen(shortkey));
	form = digest_form(longkey, strlen(longkey), scratch, &n);
	assert_ptr_equal(form, scratch);
	assert_int_equal(n, DIGEST_LEN);
	digest_key(longkey, strlen(longkey), d);
	assert_memory_equal(form, d, DIGEST_LEN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_raw),
		cmocka_unit_test(test_same_key_same_digest),
		cmocka_unit_test(test_neighbours_differ),
		cmocka_unit_test(test_zero_padding),
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_uri),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
