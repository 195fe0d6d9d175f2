/* The text gate, HTML to text, width, fit and wrap, as tables of cases. */
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

#include "src/text.h"

struct text_case {
	const char *name;
	const char *in;
	size_t len;		/* 0: strlen(in) */
	const char *want;
};

#define CASE(n, i, w) { n, i, 0, w }
#define CASE_N(n, i, w) { n, i, sizeof(i) - 1, w }

static const struct text_case sanitize_cases[] = {
	CASE("plain ascii", "Harbour reopens", "Harbour reopens"),
	CASE("newline and tab kept", "a\tb\nc", "a\tb\nc"),
	CASE("crlf to lf", "one\r\ntwo\rthree", "one\ntwo\nthree"),
	CASE("c0 removed", "a\x01\x02\x08z", "az"),
	CASE("bel removed", "ding\x07" "dong", "dingdong"),
	CASE("del removed", "a\x7f" "b", "ab"),
	CASE("vt ff to space", "a\vb\fc", "a b c"),
	CASE_N("nul removed", "a\0b", "ab"),
	CASE("csi colour", "\x1b[31mred\x1b[0m text", "red text"),
	CASE("csi private", "\x1b[?1049hscreen", "screen"),
	CASE("csi intermediate", "x\x1b[1 qy", "xy"),
	CASE("osc title bel", "\x1b]0;pwned\x07Title", "Title"),
	CASE("osc title st", "\x1b]2;pwned\x1b\\Title", "Title"),
	CASE("osc 8 hyperlink", "\x1b]8;;http://e.example/\x1b\\link\x1b]8;;\x1b\\",
	     "link"),
	CASE("osc 52 clipboard", "a\x1b]52;c;ZWNobyBoaQ==\x07" "b", "ab"),
	CASE("dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"),
	CASE("apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"),
	CASE("pm and sos", "a\x1b^secret\x1b\\b\x1bXmore\x1b\\c", "abc"),
	CASE("esc charset", "a\x1b(0b", "ab"),
	CASE("esc single", "a\x1b" "7b\x1b" "cc", "abc"),
	CASE("esc at end", "tail\x1b", "tail"),
	CASE("csi unterminated", "tail\x1b[12;", "tail"),
	CASE("osc ends at newline", "a\x1b]0;junk\nrest", "a\nrest"),
	CASE("csi aborted by utf8", "a\x1b[1\xc3\xa9", "a\xc3\xa9"),
	CASE("8-bit csi", "a\xc2\x9b" "31mb", "ab"),
	CASE("8-bit osc st", "a\xc2\x9d" "0;t\xc2\x9c" "b", "ab"),
	CASE("8-bit osc bel", "a\xc2\x9d" "0;t\x07" "b", "ab"),
	CASE("c1 removed", "a\xc2\x85" "b\xc2\x80" "c", "abc"),
	CASE("raw 8-bit csi byte", "a\x9b" "31mb", "a\xef\xbf\xbd" "31mb"),
	CASE("truncated 2-byte", "a\xc3", "a\xef\xbf\xbd"),
	CASE("truncated 3-byte one fffd", "a\xe6\x97z", "a\xef\xbf\xbdz"),
	CASE("lone continuation", "\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd"),
	CASE("overlong slash", "\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd"),
	CASE("overlong 3-byte", "\xe0\x80\xaf", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"),
	CASE("overlong esc", "\xc0\x9b[31m", "\xef\xbf\xbd\xef\xbf\xbd[31m"),
	CASE("surrogate", "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"),
	CASE("past 10ffff", "\xf4\x90\x80\x80",
	     "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"),
	CASE("ff byte", "\xff", "\xef\xbf\xbd"),
	CASE("japanese kept", "日本語のニュース", "日本語のニュース"),
	CASE("emoji kept", "rain \xf0\x9f\x98\x80", "rain \xf0\x9f\x98\x80"),
	CASE("bidi override", "abc\xe2\x80\xae" "fdp.exe", "abcfdp.exe"),
	CASE("bidi embed pop", "\xe2\x80\xaa" "x\xe2\x80\xac", "x"),
	CASE("bidi isolates", "\xe2\x81\xa6" "a\xe2\x81\xa9" "b\xe2\x81\xa7", "ab"),
	CASE("bom dropped", "\xef\xbb\xbfTitle", "Title"),
	CASE("line separator", "a\xe2\x80\xa8" "b", "a\nb"),
	CASE("existing fffd kept", "a\xef\xbf\xbd" "b", "a\xef\xbf\xbd" "b"),
};

static void
test_sanitize(void **state)
{
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(sanitize_cases) / sizeof(sanitize_cases[0]); i++) {
		const struct text_case *c = &sanitize_cases[i];
		size_t len = c->len ? c->len : strlen(c->in);

		got = text_sanitize(c->in, len);
		assert_non_null(got);
		if (strcmp(got, c->want) != 0) {
			print_error("case '%s': got '%s' want '%s'\n", c->name, got, c->want);
		}
		assert_string_equal(got, c->want);
		free(got);
	}
}

/* Whatever the input, no byte that a terminal acts on survives. */
static void
test_sanitize_no_control_bytes(void **state)
{
	static const char *const hostile[] = {
		"\x1b]0;evil title\x07Real title",
		"\x1b]0;evil title\x1b\\Real",
		"\x1b\x1b]0;x\x1b\x1b\\\x07\x1b[",
		("\xc2\x9d" "0;x\xc2\x9b\x1b"),
		"a\x1b]0;x\x1b[31m\x07z",
	};
	size_t i, j;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		got = text_sanitize(hostile[i], strlen(hostile[i]));
		assert_non_null(got);
		for (j = 0; got[j] != '\0'; j++) {
			unsigned char c = (unsigned char)got[j];

			if (c == 0x1b || c == 0x07 || (c < 0x20 && c != '\n' && c != '\t')) {
				print_error("input %zu: control byte 0x%02x at %zu\n", i, c, j);
				fail();
			}
			if (c == 0xc2 && ((unsigned char)got[j + 1] & 0xe0) == 0x80) {
				print_error("input %zu: C1 code point at %zu\n", i, j);
				fail();
			}
		}
		free(got);
	}
	got = text_sanitize(hostile[0], strlen(hostile[0]));
	assert_string_equal(got, "Real title");
	free(got);
}

static const struct text_case clean_line_cases[] = {
	CASE("trim and fold", "  Storm\n\n closes\tbridge  ", "Storm closes bridge"),
	CASE("nbsp folded", "a\xc2\xa0\xc2\xa0" "b", "a b"),
	CASE("escape then fold", "\x1b[1m Bold \x1b[0m title", "Bold title"),
	CASE("empty", "", ""),
	CASE("only spaces", " \n\t ", ""),
	CASE("japanese", "　港が再開　", "　港が再開　"),
};

static void
test_clean_line(void **state)
{
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(clean_line_cases) / sizeof(clean_line_cases[0]); i++) {
		const struct text_case *c = &clean_line_cases[i];

		got = text_clean_line(c->in, strlen(c->in));
		assert_non_null(got);
		if (strcmp(got, c->want) != 0) {
			print_error("case '%s': got '%s' want '%s'\n", c->name, got, c->want);
		}
		assert_string_equal(got, c->want);
		free(got);
	}
}

static const struct text_case html_cases[] = {
	CASE("paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
	CASE("nested blocks no pile-up", "<div><p>One.</p></div><div><div><p>Two.</p></div></div>",
	     "One.\n\nTwo."),
	CASE("br", "line one<br>line two<br/>line three", "line one\nline two\nline three"),
	CASE("double br paragraph", "a<br><br>b", "a\n\nb"),
	CASE("list", "<p>Steps:</p><ul><li>Close</li><li>Open</li></ul><p>End</p>",
	     "Steps:\n\nClose\nOpen\n\nEnd"),
	CASE("ordered nested list", "<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol>", "a\nb\nc"),
	CASE("entities", "Caf&eacute; &amp; bar &mdash; open &lt;24h&gt;",
	     "Caf\xc3\xa9 & bar \xe2\x80\x94 open <24h>"),
	CASE("numeric entities", "&#169; &#x263A; &#8230;", "\xc2\xa9 \xe2\x98\xba \xe2\x80\xa6"),
	CASE("nbsp collapsed", "a&nbsp;&nbsp; b", "a b"),
	CASE("double-escaped nbsp", "&nbsp;Harbour&nbsp;news&nbsp;", "Harbour news"),
	CASE("whitespace collapsed", "<p>  many\n   spaces\there </p>", "many spaces here"),
	CASE("script dropped", "<p>a</p><script>alert('x')</script><p>b</p>", "a\n\nb"),
	CASE("style dropped", "<style>p{color:red}</style>text", "text"),
	CASE("noscript dropped", "text<noscript>enable js</noscript>", "text"),
	CASE("comment dropped", "a<!-- hidden -->b", "ab"),
	CASE("inline tags", "The <b>bold</b> and <a href='x'>linked</a> word",
	     "The bold and linked word"),
	CASE("headings", "<h2>Title</h2>Body", "Title\n\nBody"),
	CASE("pre kept", "<pre>a  b\n  c</pre>after", "a  b\n  c\n\nafter"),
	CASE("table cells", "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>",
	     "1 2\n3"),
	CASE("entity escape removed", "a&#27;[31mb", "a[31mb"),
	CASE("entity c1 removed", "a&#133;b", "ab"),
	CASE("entity 8-bit csi removed", "a&#155;31mb", "ab"),
	CASE("raw escape in html", "<p>\x1b]0;t\x07ok</p>", "ok"),
	CASE("plain text passes", "Just text, no tags.", "Just text, no tags."),
	CASE("plain text lines kept", "Line one\nline two\n\n\nNew para",
	     "Line one\nline two\n\nNew para"),
	CASE("plain text entity lines", "Fish &amp; chips\n\nNext", "Fish & chips\n\nNext"),
	CASE("less than not a tag", "1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
	CASE("bare ampersand", "AT&T buys", "AT&T buys"),
	CASE("japanese", "<p>港が再開</p><p>午後から運航</p>", "港が再開\n\n午後から運航"),
	CASE("invalid utf8 stays utf8", "<p>caf\xe9 ol\xc3\xa9</p>",
	     "caf\xef\xbf\xbd ol\xc3\xa9"),
	CASE("empty", "", ""),
	CASE("only tags", "<p></p><div><br></div>", ""),
	CASE("img dropped", "<p>a<img src='x.jpg' alt='pic'>b</p>", "ab"),
};

static void
test_from_html(void **state)
{
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(html_cases) / sizeof(html_cases[0]); i++) {
		const struct text_case *c = &html_cases[i];

		got = text_from_html(c->in, strlen(c->in));
		assert_non_null(got);
		if (strcmp(got, c->want) != 0) {
			print_error("case '%s': got '%s' want '%s'\n", c->name, got, c->want);
		}
		assert_string_equal(got, c->want);
		free(got);
	}
}

/* Deep nesting must neither exhaust the stack nor lose shallow text;
 * text down to 2048 elements deep is kept (libxml2's limit with
 * XML_PARSE_HUGE; without it, 256), deeper text may be dropped. */
static void
test_from_html_deep(void **state)
{
	static const size_t depths[] = { 200, 300, 1500, 100000 };
	size_t d, i, n;
	char *html, *p, *got;

	(void)state;
	for (d = 0; d < sizeof(depths) / sizeof(depths[0]); d++) {
		n = depths[d];
		html = malloc(n * 5 + 16);
		assert_non_null(html);
		memcpy(html, "top", 3);
		p = html + 3;
		for (i = 0; i < n; i++) {
			memcpy(p, "<div>", 5);
			p += 5;
		}
		memcpy(p, "deep", 5);
		got = text_from_html(html, strlen(html));
		assert_non_null(got);
		assert_true(strncmp(got, "top", 3) == 0);
		if (n < 2048) {
			assert_string_equal(got, "top\n\ndeep");
		}
		free(got);
		free(html);
	}
}

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
};

static void
run_width_cases(const char *locale)
{
	size_t i;
	int got;

	for (i = 0; i < sizeof(width_cases) / sizeof(width_cases[0]); i++) {
		got = text_width(width_cases[i].in);
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
};

static void
test_fit(void **state)
{
	size_t i;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(fit_cases) / sizeof(fit_cases[0]); i++) {
		const struct fit_case *c = &fit_cases[i];

		got = text_fit(c->in, c->width, c->pad);
		assert_non_null(got);
		if (strcmp(got, c->want) != 0) {
			print_error("case '%s': got '%s' want '%s'\n", c->name, got, c->want);
		}
		assert_string_equal(got, c->want);
		assert_true(text_width(got) <= (c->width > 0 ? c->width : 0));
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

		got = text_wrap(c->in, c->width);
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
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_sanitize_no_control_bytes),
		cmocka_unit_test(test_clean_line),
		cmocka_unit_test(test_from_html),
		cmocka_unit_test(test_from_html_deep),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_wrap),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
