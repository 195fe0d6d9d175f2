/*
 * Differential test of the simple-HTML reader: wherever htmlfast reads an
 * input, its events equal libxml2's SAX events (adjacent text joined),
 * the text equals text_from_tree() on libxml2's document, and
 * html_extract() gives what the tree would: no picture, no related
 * entries, the same text. Inputs: every fixture file, the HTML inside it
 * (CDATA sections, escaped descriptions), and seeded random simple HTML.
 */
#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <libxml/HTMLparser.h>

#include "src/buf.h"
#include "src/html.h"
#include "src/htmlfast.h"
#include "src/related.h"
#include "src/text.h"

struct tally {
	size_t inputs, accepted;
};

/* Events as one string: "<p", ">p", "text" (adjacent text joined). */
struct events {
	struct buf b;
	int in_text;
};

static void
ev_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct events *e = ctx;

	(void)atts;
	buf_add_str(&e->b, "\n<");
	buf_add_str(&e->b, (const char *)name);
	e->in_text = 0;
}

static void
ev_end(void *ctx, const xmlChar *name)
{
	struct events *e = ctx;

	buf_add_str(&e->b, "\n>");
	buf_add_str(&e->b, (const char *)name);
	e->in_text = 0;
}

static void
ev_text(void *ctx, const xmlChar *s, int len)
{
	struct events *e = ctx;

	if (!e->in_text) {
		buf_add_str(&e->b, "\n\"");
	}
	buf_add(&e->b, s, (size_t)len);
	e->in_text = 1;
}

static char *
libxml_events(const char *html, size_t len)
{
	struct events e = { { NULL, 0, 0, SIZE_MAX / 2 }, 0 };
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	htmlDocPtr doc;

	assert_non_null(ctxt);
	memset(ctxt->sax, 0, sizeof(*ctxt->sax));
	ctxt->sax->startElement = ev_start;
	ctxt->sax->endElement = ev_end;
	ctxt->sax->characters = ev_text;
	ctxt->sax->ignorableWhitespace = ev_text;
	ctxt->sax->cdataBlock = ev_text;
	ctxt->userData = &e;
	doc = htmlCtxtReadMemory(ctxt, html, (int)len, NULL, "UTF-8",
	                         HTML_PARSE_NONET | HTML_PARSE_NOERROR
	                         | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	xmlFreeDoc(doc);
	htmlFreeParserCtxt(ctxt);
	buf_add_str(&e.b, "");
	return buf_take(&e.b);
}

static int
has_caption_word(const char *s)
{
	return strcasestr(s, "photo") != NULL || strcasestr(s, "image") != NULL
	       || strcasestr(s, "pictured") != NULL || strstr(s, "写真") != NULL
	       || strstr(s, "撮影") != NULL;
}

/* Checks one input; counts it when htmlfast reads it. */
static void
check_one(const char *html, size_t len, struct tally *t)
{
	static const struct htmlfast_sax sax = { ev_start, ev_end, ev_text };
	struct events e = { { NULL, 0, 0, SIZE_MAX / 2 }, 0 };
	char *want, *fast, *tree;
	htmlDocPtr doc;
	struct nf_related *rel = NULL;
	struct html_parts parts;
	struct nf_error err;
	int declined;

	t->inputs++;
	if (htmlfast_read(html, len, 0, &sax, &e) != HTMLFAST_OK) {
		buf_free(&e.b);
		return;
	}
	t->accepted++;
	buf_add_str(&e.b, "");
	want = libxml_events(html, len);
	if (strcmp(want, e.b.data) != 0) {
		print_error("input: [%.*s]\nlibxml2:%s\nhtmlfast:%s\n", (int)len, html,
		            want, e.b.data);
		fail();
	}
	free(want);
	buf_free(&e.b);

	fast = text_from_simple_html(html, len, &declined);
	if (declined) {
		return;		/* may hold a related block */
	}
	assert_non_null(fast);
	doc = text_html_parse(html, len);
	assert_int_equal(doc != NULL ? related_extract(doc, NULL, 0.6, &rel) : 0, 0);
	tree = doc != NULL ? text_from_tree((xmlNode *)doc, 0) : strdup("");
	if (strcmp(tree, fast) != 0) {
		print_error("input: [%.*s]\ntree: [%s]\nfast: [%s]\n", (int)len, html, tree, fast);
		fail();
	}
	/* a caption word sends html_extract() the slow way */
	if (!has_caption_word(fast)) {
		assert_int_equal(html_extract(html, len, NULL, 0.6, &parts, &err), NF_OK);
		assert_null(parts.image);
		assert_int_equal(parts.nrelated, 0);
		assert_string_equal(parts.text, tree);
		html_parts_free(&parts);
	}
	xmlFreeDoc(doc);
	free(tree);
	free(fast);
}

/* &lt;p&gt; back to <p>: an RSS description's escaped HTML. */
static char *
unescape(const char *s, size_t n)
{
	static const char *const from[] = { "&lt;", "&gt;", "&quot;", "&amp;" };
	static const char to[] = "<>\"&";
	char *out = malloc(n + 1);
	size_t i, j = 0, k;

	assert_non_null(out);
	for (i = 0; i < n; ) {
		for (k = 0; k < 4; k++) {
			if (strncmp(s + i, from[k], strlen(from[k])) == 0) {
				break;
			}
		}
		if (k < 4) {
			out[j++] = to[k];
			i += strlen(from[k]);
		} else {
			out[j++] = s[i++];
		}
	}
	out[j] = '\0';
	return out;
}

/* Every text between open and close in s, unescaped when asked. */
static void
check_sections(const char *s, const char *open, const char *close, int esc,
               struct tally *t)
{
	const char *p = s, *end;
	char *u;

	while ((p = strstr(p, open)) != NULL) {
		p += strlen(open);
		if ((end = strstr(p, close)) == NULL) {
			break;
		}
		if (esc) {
			u = unescape(p, (size_t)(end - p));
			check_one(u, strlen(u), t);
			free(u);
		} else {
			check_one(p, (size_t)(end - p), t);
		}
		p = end;
	}
}

static void
check_file(const char *path, struct tally *t)
{
	FILE *f = fopen(path, "rb");
	char *data;
	size_t n;
	struct stat st;

	assert_non_null(f);
	assert_int_equal(fstat(fileno(f), &st), 0);
	data = malloc((size_t)st.st_size + 1);
	assert_non_null(data);
	n = fread(data, 1, (size_t)st.st_size, f);
	fclose(f);
	data[n] = '\0';
	n = strlen(data);
	check_one(data, n, t);
	check_sections(data, "<![CDATA[", "]]>", 0, t);
	check_sections(data, "<description>", "</description>", 1, t);
	check_sections(data, "<summary type=\"html\">", "</summary>", 1, t);
	check_sections(data, "<content type=\"html\">", "</content>", 1, t);
	free(data);
}

static void
walk_dir(const char *dir, struct tally *t)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct stat st;
	char path[PATH_MAX];

	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.') {
			continue;
		}
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (stat(path, &st) != 0) {
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			walk_dir(path, t);
		} else if (S_ISREG(st.st_mode)) {
			check_file(path, t);
		}
	}
	closedir(d);
}

static void
test_fixtures(void **state)
{
	struct tally t = { 0, 0 };

	(void)state;
	walk_dir(SRCDIR "/tests/fixtures", &t);
	walk_dir(SRCDIR "/feeds/demo", &t);
	print_message("fixtures: %zu inputs, %zu read by htmlfast\n", t.inputs, t.accepted);
	assert_true(t.inputs > 100);
	assert_true(t.accepted > 20);
}

static uint64_t rng_state;

static uint32_t
rng(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

/* Pieces of simple HTML; the odd ones (from ODD on) are broken or
 * outside what htmlfast reads, on purpose. */
static const char *const opens[] = {
	"p", "b", "i", "em", "strong", "span", "ul", "ol", "li", "div", "a",
	"P class=\"lead\"", "div id=x", "a href=\"https://example.org/a\"",
	"a href='/b' title=\"t\"", "a href=/c", "span\nclass='a'\n", "li ",
};
static const char *const texts[] = {
	"harbour", "ferry", "council", " ", "  ", "\n", "\t", " \n ", "The",
	"bridge.", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&eacute;",
	"&#8212;", "&#x2014;", "&#65;", "& ", "港町", "の橋が開通", "、", "。",
	"\xc2\xa0", "<br>", "<br/>", "<br />", "<BR>", "<p/>", ">", "\"",
	"More", "Read more", "Photo: ", "Related", "Similar News",
#define ODD 37
	"<font>", "<img src=x>", "<!-- c -->", "<", "</br>", "&bogus;", "&#1;",
	"&", "<a href=x/>", "</p >", "</div>", "</li>",
};

/* One random document: tags mostly closed in order, some left open or
 * closed out of order, text and entities between. */
static size_t
random_html(char *s, size_t cap)
{
	const char *stack[16];
	size_t len = 0, depth = 0, n = 1 + rng(30), k;
	int w;

	for (k = 0; k < n; k++) {
		char piece[96];
		uint32_t r = rng(10);

		if (r < 3 && depth < 16) {
			const char *o = opens[rng(sizeof(opens) / sizeof(opens[0]))];

			snprintf(piece, sizeof(piece), "<%s>", o);
			stack[depth++] = o;
		} else if (r < 5 && depth > 0) {
			const char *o = stack[rng(6) == 0 ? rng((uint32_t)depth) : depth - 1];

			snprintf(piece, sizeof(piece), "</%.*s>", (int)strcspn(o, " \n"), o);
			depth--;
		} else {
			snprintf(piece, sizeof(piece), "%s",
			         texts[rng(rng(8) == 0 ? sizeof(texts) / sizeof(texts[0]) : ODD)]);
		}
		w = (int)strlen(piece);
		if (len + (size_t)w >= cap) {
			break;
		}
		memcpy(s + len, piece, (size_t)w);
		len += (size_t)w;
	}
	s[len] = '\0';
	return len;
}

static void
test_random(void **state)
{
	struct tally t = { 0, 0 };
	char s[2048];
	size_t i, len;

	(void)state;
	rng_state = 0x9E3779B97F4A7C15ULL;
	for (i = 0; i < 5000; i++) {
		len = random_html(s, sizeof(s));
		check_one(s, len, &t);
	}
	print_message("random: %zu inputs, %zu read by htmlfast\n", t.inputs, t.accepted);
	assert_true(t.accepted > 2000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
