/* HTML to text, as tables of cases. */
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

#include "src/htmltext.h"

struct text_case {
	const char *name;
	const char *in;
	size_t len;		/* 0: strlen(in) */
	const char *want;
};

#define CASE(n, i, w) { n, i, 0, w }
#define CASE_N(n, i, w) { n, i, sizeof(i) - 1, w }

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
	CASE("entity c1 as windows-1252", "a&#133;b", "a\xe2\x80\xa6" "b"),
	CASE("entity 8-bit csi as windows-1252", "a&#155;31mb", "a\xe2\x80\xba" "31mb"),
	CASE("undefined windows-1252 c1 removed", "a&#129;b", "ab"),
	CASE("windows-1252 apostrophe", "don&#146;t &#x93;x&#x94;", "don\xe2\x80\x99t \xe2\x80\x9cx\xe2\x80\x9d"),
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
	CASE("embed is void", "safe<embed src=\"https://v.example/m\"> <b>words</b> stay",
	     "safe words stay"),
	CASE("object fallback kept", "a<object data=\"m.swf\"> fallback text", "a fallback text"),
	CASE("object params dropped", "a <object><param name=m value=v><embed src=m></embed></object> b",
	     "a b"),
	CASE("iframe fallback kept", "a<iframe src=\"x\"> no frames</iframe> b", "a no frames b"),
	CASE("self-closed iframe", "a<iframe src=\"x\"/> b", "a b"),
	CASE("applet fallback kept", "a<applet code=\"c\"></applet> b", "a b"),
	CASE("unclosed script keeps what follows", "a <script>b c", "a b c"),
	CASE("unclosed noscript keeps what follows", "a<noscript>b", "ab"),
	CASE("script with markup inside", "a<script>if (x<y) w('</p><!--')</script> b", "a b"),
	CASE("comment ends at first gt when unclosed", "sa<!-- -- x >fe<script>1</script>", "safe"),
	CASE("comment to the end when no gt", "safe<!-- rest", "safe"),
	CASE("not a doctype", "<!' <a href=\"x\">", "<!'"),
	CASE("bare doctype is text", " <!DOCTYPE ", "<!DOCTYPE"),
	CASE("doctype dropped", "<!DOCTYPE html><p>body</p>", "body"),
	CASE("cdata is text", "a <![CDATA[ b < c ]]> d", "a b < c d"),
	CASE("svg title and desc shown", "x <svg><title>Tide chart</title><desc>High at noon</desc>"
	     "<circle r=\"1\"></circle></svg> y", "x Tide chart High at noon y"),
	CASE("page title dropped", "<title>Page</title><p>body</p>", "body"),
	CASE("text after leading script", "<script>s()</script><x-card> kept</x-card>", "kept"),
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

		got = htmltext_from_html(c->in, strlen(c->in));
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
		got = htmltext_from_html(html, strlen(html));
		assert_non_null(got);
		assert_true(strncmp(got, "top", 3) == 0);
		if (n < 2048) {
			assert_string_equal(got, "top\n\ndeep");
		}
		free(got);
		free(html);
	}
}
/* The article text (htmltext.h): W ends a wrapped line's prefix, P a
 * preformatted line's, L starts the links. NULL: the plain text says it
 * all. Each case is read as given (simple HTML: the fast reader) and
 * inside a <section> (libxml2), and both must agree. */
#define W "\x1f"
#define P "\x1e"
#define L "\x1d"

struct article_case {
	const char *name;
	const char *in;
	const char *want;
};

static const struct article_case article_cases[] = {
	{ "paragraphs only", "<p>One.</p><p>Two.</p>", NULL },
	{ "bullets", "<p>Steps:</p><ul><li>Close</li><li>Open</li></ul><p>End</p>",
	  "Steps:\n\n• " W "Close\n• " W "Open\n\nEnd" },
	{ "numbered", "<ol><li>a</li><li>b</li></ol>", "1. " W "a\n2. " W "b" },
	{ "numbered from start", "<ol start=\"9\"><li>a</li><li>b</li></ol>",
	  "9. " W "a\n10. " W "b" },
	{ "nested list indent", "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>",
	  "• " W "a\n  • " W "b\n  • " W "c\n• " W "d" },
	{ "numbered inside bullets", "<ul><li>a<ol><li>b</li></ol></li></ul>",
	  "• " W "a\n  1. " W "b" },
	{ "second line of an item", "<ol><li>a<br>more</li></ol>", "1. " W "a\n   " W "more" },
	{ "blockquote", "<p>He said:</p><blockquote><p>One.</p><p>Two.</p></blockquote><p>End</p>",
	  "He said:\n\n│ " W "One.\n\n│ " W "Two.\n\nEnd" },
	{ "list in a quote", "<blockquote><ul><li>a</li></ul></blockquote>", "│ • " W "a" },
	{ "pre keeps spaces", "<p>Code:</p><pre>int  main()\n{\n\treturn 0;\n}</pre>",
	  "Code:\n\n" P "int  main()\n" P "{\n" P "        return 0;\n" P "}" },
	{ "pre long line", "<pre>" "0123456789012345678901234567890123456789012345678901234567890123456789"
	  "0123456789</pre>", P "0123456789012345678901234567890123456789012345678901234567890123456789"
	  "0123456789" },
	{ "pre escapes stripped", "<pre>ok\x1b[31mred\x1b]0;pwned\x07 end</pre>", P "okred end" },
	{ "pre entity escape stripped", "<pre>a&#27;[2Jb</pre>", P "a[2Jb" },
	{ "links numbered", "<p><a href=\"https://a.example/\">A</a> and <a href=\"https://b.example/\">B</a></p>",
	  "A[1] and B[2]" L "https://a.example/\nhttps://b.example/" },
	{ "duplicate link one number",
	  "<p><a href=\"https://a.example/\">A</a>, <a href=\"https://b.example/\">B</a>,"
	  " <a href=\"https://a.example/\">A again</a></p>",
	  "A[1], B[2], A again[1]" L "https://a.example/\nhttps://b.example/" },
	{ "relative link kept for later", "<p>See <a href=\"/more\">more</a>.</p>",
	  "See more[1]." L "/more" },
	{ "link text ending in space", "<p><a href=\"https://a.example/\">A </a>b</p>",
	  "A[1] b" L "https://a.example/" },
	{ "script link no number", "<p><a href=\"javascript:alert(1)\">x</a></p>", NULL },
	{ "fragment link no number", "<p><a href=\"#top\">top</a></p>", NULL },
	{ "link without text no number", "<p>a<a href=\"https://a.example/\"></a>b</p>", NULL },
	{ "link in a list", "<ul><li><a href=\"https://a.example/\">A</a></li></ul>",
	  "• " W "A[1]" L "https://a.example/" },
};

static void
check_article(const char *name, const char *html, const char *want)
{
	char *text = NULL, *article = NULL, *plain;

	assert_int_equal(htmltext_article_from_html(html, strlen(html), &text, &article), 0);
	plain = htmltext_from_html(html, strlen(html));
	assert_non_null(plain);
	if (strcmp(text, plain) != 0) {
		print_error("case '%s': plain text '%s' want '%s'\n", name, text, plain);
	}
	assert_string_equal(text, plain);
	if ((want == NULL) != (article == NULL) ||
	    (want != NULL && strcmp(article, want) != 0)) {
		print_error("case '%s': got '%s' want '%s'\n", name,
		            article != NULL ? article : "(null)", want != NULL ? want : "(null)");
	}
	if (want == NULL) {
		assert_null(article);
	} else {
		assert_non_null(article);
		assert_string_equal(article, want);
	}
	free(text);
	free(article);
	free(plain);
}

static void
test_article(void **state)
{
	char wrapped[4096];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(article_cases) / sizeof(article_cases[0]); i++) {
		const struct article_case *c = &article_cases[i];

		check_article(c->name, c->in, c->want);
		snprintf(wrapped, sizeof(wrapped), "<section>%s</section>", c->in);
		check_article(c->name, wrapped, c->want);
	}
}

struct resolve_case {
	const char *name;
	const char *in;
	const char *base;
	const char *want;
};

static const struct resolve_case resolve_cases[] = {
	{ "no links", "text", "https://n.example/a/b", "text" },
	{ "relative to the item", "x[1] y[2]" L "/c\nd.html", "https://n.example/a/b",
	  "x[1] y[2]" L "https://n.example/c\nhttps://n.example/a/d.html" },
	{ "absolute kept", "x[1]" L "https://o.example/", "https://n.example/",
	  "x[1]" L "https://o.example/" },
	{ "no base", "x[1]" L "/c", NULL, "x[1]" L "/c" },
};

static void
test_article_resolve(void **state)
{
	size_t i;
	char *a;

	(void)state;
	for (i = 0; i < sizeof(resolve_cases) / sizeof(resolve_cases[0]); i++) {
		const struct resolve_case *c = &resolve_cases[i];

		a = strdup(c->in);
		assert_int_equal(htmltext_article_resolve(&a, c->base), 0);
		if (strcmp(a, c->want) != 0) {
			print_error("case '%s': got '%s'\n", c->name, a);
		}
		assert_string_equal(a, c->want);
		free(a);
	}
	a = NULL;
	assert_int_equal(htmltext_article_resolve(&a, "https://n.example/"), 0);
	assert_null(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_from_html),
		cmocka_unit_test(test_from_html_deep),
		cmocka_unit_test(test_article),
		cmocka_unit_test(test_article_resolve),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
