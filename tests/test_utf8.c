/* The UTF-8 decoder, validity, encoder and character starts, as tables
 * of cases: Unicode's well-formed sequences and the ways bytes fail to
 * be one (overlong, surrogate, past U+10FFFF, truncated, stray). */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/utf8.h"

struct decode_case {
	const char *name;
	const char *in;
	size_t len;		/* bytes of in offered */
	uint32_t cp;		/* UTF8_INVALID: no character */
	size_t used;
};

#define DECODE(n, i, c, u) { n, i, sizeof(i) - 1, c, u }

static const struct decode_case decode_cases[] = {
	DECODE("ascii", "A", 'A', 1),
	DECODE("nul", "\0", 0, 1),
	DECODE("two bytes", "\xc3\xa9", 0xE9, 2),
	DECODE("smallest two bytes", "\xc2\x80", 0x80, 2),
	DECODE("three bytes", "\xe6\x97\xa5", 0x65E5, 3),
	DECODE("smallest three bytes", "\xe0\xa0\x80", 0x800, 3),
	DECODE("last before surrogates", "\xed\x9f\xbf", 0xD7FF, 3),
	DECODE("first after surrogates", "\xee\x80\x80", 0xE000, 3),
	DECODE("replacement char", "\xef\xbf\xbd", 0xFFFD, 3),
	DECODE("four bytes", "\xf0\x9f\x98\x80", 0x1F600, 4),
	DECODE("largest", "\xf4\x8f\xbf\xbf", 0x10FFFF, 4),
	DECODE("only the first character", "ab", 'a', 1),
	DECODE("lone continuation", "\x80", UTF8_INVALID, 1),
	DECODE("overlong two bytes c0", "\xc0\xaf", UTF8_INVALID, 1),
	DECODE("overlong two bytes c1", "\xc1\xbf", UTF8_INVALID, 1),
	DECODE("overlong three bytes", "\xe0\x80\xaf", UTF8_INVALID, 1),
	DECODE("overlong four bytes", "\xf0\x80\x80\xaf", UTF8_INVALID, 1),
	DECODE("high surrogate", "\xed\xa0\x80", UTF8_INVALID, 1),
	DECODE("low surrogate", "\xed\xbf\xbf", UTF8_INVALID, 1),
	DECODE("past 10ffff", "\xf4\x90\x80\x80", UTF8_INVALID, 1),
	DECODE("f5 lead", "\xf5\x80\x80\x80", UTF8_INVALID, 1),
	DECODE("ff byte", "\xff", UTF8_INVALID, 1),
	DECODE("truncated two bytes", "\xc3", UTF8_INVALID, 1),
	DECODE("truncated three bytes", "\xe6\x97", UTF8_INVALID, 2),
	DECODE("truncated four bytes", "\xf0\x9f\x98", UTF8_INVALID, 3),
	DECODE("broken by ascii", "\xe6\x97z", UTF8_INVALID, 2),
	DECODE("broken by a lead", "\xe6\xe6\x97\xa5", UTF8_INVALID, 1),
	{ "end of data inside", "\xe6\x97\xa5", 2, UTF8_INVALID, 2 },
};

static void
test_decode(void **state)
{
	size_t i, used;
	uint32_t cp;

	(void)state;
	for (i = 0; i < sizeof(decode_cases) / sizeof(decode_cases[0]); i++) {
		const struct decode_case *c = &decode_cases[i];

		used = utf8_decode(c->in, c->len, &cp);
		if (cp != c->cp || used != c->used) {
			fail_msg("%s: got U+%04X in %zu bytes, want U+%04X in %zu",
			         c->name, (unsigned)cp, used, (unsigned)c->cp, c->used);
		}
	}
}

struct valid_case {
	const char *name;
	const char *in;
	int want;
};

static const struct valid_case valid_cases[] = {
	{ "empty", "", 1 },
	{ "ascii", "plain", 1 },
	{ "japanese", "日本語", 1 },
	{ "emoji", "rain \xf0\x9f\x98\x80", 1 },
	{ "replacement char itself", "\xef\xbf\xbd", 1 },
	{ "latin-1 byte", "caf\xe9", 0 },
	{ "shift_jis bytes", "\x93\xfa\x96\x7b", 0 },
	{ "overlong", "\xc0\xaf", 0 },
	{ "overlong three bytes", "\xe0\x80\xaf", 0 },
	{ "surrogate", "\xed\xa0\x80", 0 },
	{ "past 10ffff", "\xf4\x90\x80\x80", 0 },
	{ "truncated", "\xe6\x97", 0 },
	{ "truncated at the end", "abc\xf0\x9f\x98", 0 },
	{ "lone continuation", "a\x80z", 0 },
};

static void
test_is_valid(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++) {
		const struct valid_case *c = &valid_cases[i];
		int got = utf8_is_valid(c->in, strlen(c->in));

		if (got != c->want) {
			fail_msg("%s: got %d, want %d", c->name, got, c->want);
		}
	}
}

struct encode_case {
	const char *name;
	uint32_t cp;
	const char *want;
};

static const struct encode_case encode_cases[] = {
	{ "ascii", 'z', "z" },
	{ "largest one byte", 0x7F, "\x7f" },
	{ "smallest two bytes", 0x80, "\xc2\x80" },
	{ "no-break space", 0xA0, "\xc2\xa0" },
	{ "largest two bytes", 0x7FF, "\xdf\xbf" },
	{ "smallest three bytes", 0x800, "\xe0\xa0\x80" },
	{ "kanji", 0x65E5, "\xe6\x97\xa5" },
	{ "largest three bytes", 0xFFFF, "\xef\xbf\xbf" },
	{ "smallest four bytes", 0x10000, "\xf0\x90\x80\x80" },
	{ "largest", 0x10FFFF, "\xf4\x8f\xbf\xbf" },
};

static void
test_encode(void **state)
{
	size_t i, n;
	char out[4];
	uint32_t back;

	(void)state;
	for (i = 0; i < sizeof(encode_cases) / sizeof(encode_cases[0]); i++) {
		const struct encode_case *c = &encode_cases[i];

		n = utf8_encode(c->cp, out);
		if (n != strlen(c->want) || memcmp(out, c->want, n) != 0) {
			fail_msg("%s: wrong bytes (%zu)", c->name, n);
		}
		/* and back */
		if (utf8_decode(out, n, &back) != n || back != c->cp) {
			fail_msg("%s: does not decode back", c->name);
		}
	}
}

struct start_case {
	const char *name;
	const char *in;
	size_t at, want;
};

static const struct start_case start_cases[] = {
	{ "ascii stays", "abc", 2, 2 },
	{ "at a lead byte", "a\xe6\x97\xa5", 1, 1 },
	{ "inside three bytes", "a\xe6\x97\xa5", 3, 1 },
	{ "inside four bytes", "\xf0\x9f\x98\x80", 2, 0 },
	{ "at the end", "a\xc3\xa9", 3, 3 },
	{ "start of string", "\xc3\xa9", 0, 0 },
};

static void
test_char_start(void **state)
{
	size_t i, got;

	(void)state;
	for (i = 0; i < sizeof(start_cases) / sizeof(start_cases[0]); i++) {
		const struct start_case *c = &start_cases[i];

		got = utf8_char_start(c->in, c->at);
		if (got != c->want) {
			fail_msg("%s: got %zu, want %zu", c->name, got, c->want);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_is_valid),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_char_start),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
