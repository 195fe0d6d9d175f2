/* Display width, fit and wrap, as tables of cases. */
#include "autoconfig.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/width.h"

struct width_case {
	const char *name;
	const char *in;
	int want;
};

static const struct width_case width_cases[] = {
	{ "ascii", "Harbour", 7 },
	{ "empty", "", 0 },
	{ "japanese", "日本語", 6 },
	{ "mixed", "NHK ニュース", 12 },
	{ "fullwidth latin", "ＡＢ", 4 },
	{ "hangul", "뉴스", 4 },
	{ "emoji", "\xf0\x9f\x98\x80", 2 },
	{ "combining", "e\xcc\x81", 1 },
	{ "ellipsis", "\xe2\x80\xa6", 1 },
	{ "invalid byte", "\xff", 1 },
	{ "zwj sequence", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", 2 },
	{ "zwj family", "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7", 2 },
	{ "flag", "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", 2 },
	{ "two flags", "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", 4 },
	{ "lone regional indicator", "\xf0\x9f\x87\xaf", 1 },
	{ "skin tone", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 2 },
	{ "skin tone and zwj", "\xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd\xe2\x80\x8d\xf0\x9f\x92\xbb", 2 },
	{ "heart on fire", "\xe2\x9d\xa4\xef\xb8\x8f\xe2\x80\x8d\xf0\x9f\x94\xa5", 2 },
	{ "subdivision flag", "\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xa5\xf3\xa0\x81\xae\xf3\xa0\x81\xa7\xf3\xa0\x81\xbf", 2 },
	{ "zwj in text", "a\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" "b", 4 },
	{ "joiner between kanji", "日\xe2\x80\x8d本", 4 },
};

static void
run_width_cases(const char *locale)
{
	size_t i;
	int got;

	for (i = 0; i < sizeof(width_cases) / sizeof(width_cases[0]); i++) {
		got = width_columns(width_cases[i].in);
		if (got != width_cases[i].want) {
			print_error("locale %s case '%s': got %d want %d\n", locale,
			            width_cases[i].name, got, width_cases[i].want);
		}
		assert_int_equal(got, width_cases[i].want);
	}
}

static void
test_width(void **state)
{
	(void)state;
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL) {
		run_width_cases("C.UTF-8");
	}
	setlocale(LC_CTYPE, "C");
	run_width_cases("C");
	setlocale(LC_CTYPE, "C.UTF-8");
}

struct fit_case {
	const char *name;
	const char *in;
	int width;
	int pad;
	const char *want;
};

static const struct fit_case fit_cases[] = {
	{ "fits", "Port", 10, 0, "Port" },
	{ "fits padded", "Port", 6, 1, "Port  " },
	{ "exact", "Harbour", 7, 0, "Harbour" },
	{ "cut ascii", "Harbour reopens", 8, 0, "Harbour…" },
	{ "japanese 7", "日本語のニュース", 7, 0, "日本語…" },
	{ "japanese 8 unpadded", "日本語のニュース", 8, 0, "日本語…" },
	{ "japanese 8 padded", "日本語のニュース", 8, 1, "日本語… " },
	{ "japanese exact", "日本語", 6, 1, "日本語" },
	{ "emoji cut", "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 4, 0,
	  "\xf0\x9f\x98\x80…" },
	{ "width 1", "Harbour", 1, 0, "…" },
	{ "width 0", "Harbour", 0, 1, "" },
	{ "wide in width 1", "日本", 1, 1, "…" },
	{ "newline to space", "a\nb", 5, 0, "a b" },
	{ "empty padded", "", 3, 1, "   " },
	{ "zwj fits", "a\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" "b", 4, 1, "a\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" "b" },
	{ "zwj padded", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", 4, 1, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb  " },
	{ "zwj cut whole", "ab\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" "cd", 4, 0, "ab\xe2\x80\xa6" },
	{ "family cut before", "abc\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7", 4, 1, "abc\xe2\x80\xa6" },
	{ "flag kept whole", "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", 5, 0, "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\xe2\x80\xa6" },
	{ "skin tone kept whole", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 3, 1, "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\xe2\x80\xa6" },
};

static void
test_fit(void **state)
{
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(fit_cases) / sizeof(fit_cases[0]); i++) {
		const struct fit_case *c = &fit_cases[i];

		got = width_fit(c->in, c->width, c->pad);
		assert_non_null(got);
		if (strcmp(got, c->want) != 0) {
			print_error("case '%s': got '%s' want '%s'\n", c->name, got, c->want);
		}
		assert_string_equal(got, c->want);
		assert_true(width_columns(got) <= (c->width > 0 ? c->width : 0));
		free(got);
	}
}

struct wrap_case {
	const char *name;
	const char *in;
	int width;
	const char *want;
};

static const struct wrap_case wrap_cases[] = {
	{ "short", "Harbour reopens", 20, "Harbour reopens" },
	{ "two lines", "Harbour reopens after storm", 15, "Harbour reopens\nafter storm" },
	{ "long word broken", "abcdefghij", 4, "abcd\nefgh\nij" },
	{ "word kept whole", "from the Kestrel yard", 12, "from the\nKestrel yard" },
	{ "word moved down", "to replace its", 6, "to\nreplac\ne its" },
	{ "paragraphs kept", "one two\n\nthree", 5, "one\ntwo\n\nthree" },
	{ "spaces folded at break", "aa   bb", 3, "aa\nbb" },
	{ "japanese any char", "日本語のニュース", 6, "日本語\nのニュ\nース" },
	{ "kinsoku period", "港が再開。船が出る", 8, "港が再\n開。船が\n出る" },
	{ "mixed", "NHK ニュース速報", 8, "NHK ニュ\nース速報" },
	{ "emoji", "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 4,
	  "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\n\xf0\x9f\x98\x80" },
	{ "zwj one wide character", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", 4, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7\n\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5" },
	{ "flags and words", "go \xf0\x9f\x87\xaf\xf0\x9f\x87\xb5 now", 5, "go \xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\nnow" },
	{ "width below 1", "ab", 0, "a\nb" },
	{ "empty", "", 10, "" },
};

static void
test_wrap(void **state)
{
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(wrap_cases) / sizeof(wrap_cases[0]); i++) {
		const struct wrap_case *c = &wrap_cases[i];

		got = width_wrap(c->in, c->width);
		assert_non_null(got);
		if (strcmp(got, c->want) != 0) {
			print_error("case '%s': got '%s' want '%s'\n", c->name, got, c->want);
		}
		assert_string_equal(got, c->want);
		free(got);
	}
}
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_wrap),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
