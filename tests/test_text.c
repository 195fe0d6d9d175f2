/* The text gate: sanitise and clean a line, as tables of cases. */
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
#include "src/utf8.h"

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
	CASE("ffff is no character", "a\xef\xbf\xbf" "b", "a\xef\xbf\xbd" "b"),
	CASE("fffe is no character", "\xef\xbf\xbe", "\xef\xbf\xbd"),
	CASE("fdd0 is no character", "\xef\xb7\x90", "\xef\xbf\xbd"),
	CASE("plane end", "\xf4\x8f\xbf\xbf", "\xef\xbf\xbd"),
	CASE("fdf0 kept", "\xef\xb7\xb0", "\xef\xb7\xb0"),
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
/* text_fold_spaces() reads eight bytes at a look: the cases put runs of
 * spaces at every place in and across those eight. */
struct fold_case {
	const char *name;
	const char *in;
	const char *want;
	int lead, trail;
};

static const struct fold_case fold_cases[] = {
	{ "empty", "", "", 0, 0 },
	{ "words, one space each", "Storm closes the harbour bridge today", "Storm closes the harbour bridge today", 0, 0 },
	{ "lead and trail", "  Storm closes  ", "Storm closes", 1, 1 },
	{ "double space at byte 7", "abcdefg  hijklmnopq", "abcdefg hijklmnopq", 0, 0 },
	{ "space at byte 7, newline at 8", "abcdefg \nhijklmnop", "abcdefg hijklmnop", 0, 0 },
	{ "space at byte 8 then tab", "abcdefgh \thijklmnop", "abcdefgh hijklmnop", 0, 0 },
	{ "nbsp inside a word run", "abcdefghij\xc2\xa0klmnopqrs", "abcdefghij klmnopqrs", 0, 0 },
	{ "0xC2 not a space", "abcdefghij\xc2\xa9klmnopqrs", "abcdefghij\xc2\xa9klmnopqrs", 0, 0 },
	{ "space then nbsp", "abcdefghij \xc2\xa0klmnopqrs", "abcdefghij klmnopqrs", 0, 0 },
	{ "only spaces", " \n\t \xc2\xa0 ", "", 1, 0 },
	{ "trailing single space", "abcdefghijklmnop ", "abcdefghijklmnop", 0, 1 },
	{ "exclamation after space", "a !b  !c d!  e", "a !b !c d! e", 0, 0 },
};

/* The rule text_fold_spaces() keeps, a byte at a time. */
static size_t
fold_reference(const char *s, size_t n, char *out, int *lead, int *trail)
{
	size_t i = 0, j = 0, sp;
	int gap = 0;

	*lead = 0;
	while (i < n) {
		if ((sp = text_space_len(s + i, n - i)) > 0) {
			*lead |= j == 0;
			gap = j > 0;
			i += sp;
			continue;
		}
		if (gap) {
			out[j++] = ' ';
			gap = 0;
		}
		out[j++] = s[i++];
	}
	*trail = gap;
	return j;
}

static void
test_fold_spaces(void **state)
{
	static const char pieces[] = " \t\n\xc2\xa0\xc2" "ab!\x7f";
	char in[64], got[64], want[64];
	size_t i, k, n, gn, wn;
	int gl, gt, wl, wt;
	unsigned seed = 7;

	(void)state;
	for (i = 0; i < sizeof(fold_cases) / sizeof(fold_cases[0]); i++) {
		const struct fold_case *c = &fold_cases[i];

		n = strlen(c->in);
		memcpy(got, c->in, n);
		gn = text_fold_spaces(got, n, &gl, &gt);
		got[gn] = '\0';
		if (strcmp(got, c->want) != 0 || gl != c->lead || gt != c->trail) {
			print_error("case '%s': got '%s' %d %d\n", c->name, got, gl, gt);
		}
		assert_string_equal(got, c->want);
		assert_int_equal(gl, c->lead);
		assert_int_equal(gt, c->trail);
	}
	/* 20,000 strings of spaces, no-break spaces and letters, each
	 * folded as the byte-at-a-time rule folds it */
	for (i = 0; i < 20000; i++) {
		n = (seed = seed * 1103515245u + 12345u) >> 16 & 31;
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			in[k] = pieces[(seed >> 16) % (sizeof(pieces) - 1)];
		}
		memcpy(got, in, n);
		gn = text_fold_spaces(got, n, &gl, &gt);
		wn = fold_reference(in, n, want, &wl, &wt);
		assert_int_equal(gn, wn);
		assert_memory_equal(got, want, wn);
		assert_int_equal(gl, wl);
		assert_int_equal(gt, wt);
	}
}

/* Text in pieces, as a parser hands it over: an escape sequence split
 * between two pieces is removed whole. */
struct gate_case {
	const char *name;
	const char *pieces[3];	/* NULL-terminated */
	const char *want;
};

static const struct gate_case gate_cases[] = {
	{ "one piece", { "plain", NULL }, "plain" },
	{ "csi split", { "a\x1b[3", "1mred", NULL }, "ared" },
	{ "esc at the end of a piece", { "a\x1b", "[0mb", NULL }, "ab" },
	{ "osc over three pieces", { "a\x1b]0;ti", "tle", "\x07" "b" }, "ab" },
	{ "clean pieces joined", { "Harbour ", "reopens", NULL }, "Harbour reopens" },
};

static void
test_gate_pieces(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(gate_cases) / sizeof(gate_cases[0]); i++) {
		const struct gate_case *c = &gate_cases[i];
		struct text_gate g = TEXT_GATE_INIT;
		struct buf b;

		buf_init(&b, 1 << 20);
		for (k = 0; k < 3 && c->pieces[k] != NULL; k++) {
			assert_int_equal(text_gate_add(&g, &b, c->pieces[k], strlen(c->pieces[k])),
			                 NF_OK);
		}
		if (strcmp(b.data != NULL ? b.data : "", c->want) != 0) {
			fail_msg("%s: got \"%s\", want \"%s\"", c->name, b.data, c->want);
		}
		buf_free(&b);
	}
}

/* A character XML 1.0 allows, and no terminal control: what the gate's
 * output may hold, so that any title can be written to OPML or JSON and
 * read back, and printed. */
static int
is_xml_text_char(uint32_t cp)
{
	if (cp == '\t' || cp == '\n') {
		return 1;
	}
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
	    (cp & 0xFFFE) == 0xFFFE) {
		return 0;
	}
	return (cp < 0x202A || cp > 0x202E) && (cp < 0x2066 || cp > 0x2069);
}

/* One piece of hostile text: a control, an escape sequence's start, a
 * code point from a range the gate treats apart, a surrogate or another
 * byte that is no character, or plain text. */
static size_t
random_piece(uint64_t *state, char *out)
{
	static const uint32_t ranges[][2] = {
		{ 0x00, 0x1F }, { 0x7F, 0x9F }, { 0xA0, 0x2FF }, { 0x2028, 0x2069 },
		{ 0xFDC0, 0xFDFF }, { 0xFEFF, 0xFEFF }, { 0xFFF0, 0xFFFF },
		{ 0x1FFFE, 0x1FFFF }, { 0x10FFFE, 0x10FFFF }, { 0x3040, 0x30FF },
		{ 0x1F600, 0x1F64F }, { 0x20, 0x7E },
	};
	uint64_t r;
	size_t k;

	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	r = *state >> 33;
	k = r % 16;
	if (k < 12) {
		uint32_t lo = ranges[k][0], hi = ranges[k][1];

		return utf8_encode(lo + (uint32_t)((r >> 4) % (hi - lo + 1)), out);
	}
	if (k == 12) {			/* a surrogate, encoded anyway */
		out[0] = (char)0xED;
		out[1] = (char)(0xA0 | ((r >> 4) & 0x1F));
		out[2] = (char)(0x80 | ((r >> 9) & 0x3F));
		return 3;
	}
	if (k == 13) {			/* a lone byte of 0x80-0xFF */
		out[0] = (char)(0x80 | ((r >> 4) & 0x7F));
		return 1;
	}
	memcpy(out, k == 14 ? "\x1b[" : "\x1b]0;", k == 14 ? 2 : 4);
	return k == 14 ? 2 : 4;
}

/* Whatever comes in, the gate's output is valid UTF-8 of allowed
 * characters only, and the gate leaves it as it is. */
static void
test_gate_output_is_xml_text(void **state)
{
	uint64_t seed = 7;
	char in[400];
	size_t round, len, i, n;
	uint32_t cp;

	(void)state;
	for (round = 0; round < 5000; round++) {
		char *got[2], *again;
		int w;

		for (len = 0; len + 8 < sizeof(in) && len < (round % 60) * 6;) {
			len += random_piece(&seed, in + len);
		}
		got[0] = text_sanitize(in, len);
		got[1] = text_clean_line(in, len);
		for (w = 0; w < 2; w++) {
			assert_non_null(got[w]);
			n = strlen(got[w]);
			assert_true(utf8_is_valid(got[w], n));
			for (i = 0; i < n; i += utf8_decode(got[w] + i, n - i, &cp)) {
				utf8_decode(got[w] + i, n - i, &cp);
				if (!is_xml_text_char(cp)) {
					fail_msg("round %zu: U+%04X left in output %d", round,
					         (unsigned)cp, w);
				}
			}
			again = w == 0 ? text_sanitize(got[w], n) : text_clean_line(got[w], n);
			assert_non_null(again);
			assert_string_equal(again, got[w]);
			free(again);
			free(got[w]);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_sanitize_no_control_bytes),
		cmocka_unit_test(test_clean_line),
		cmocka_unit_test(test_fold_spaces),
		cmocka_unit_test(test_gate_pieces),
		cmocka_unit_test(test_gate_output_is_xml_text),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
