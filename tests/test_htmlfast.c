/*
 * Differential test of the simple-HTML reader: wherever htmlfast reads an
 * input, its events equal libxml2's SAX events (adjacent text joined),
 * the text equals htmltext_from_tree() on libxml2's document, and
 * html_extract() gives what html_extract_tree() gives on every input
 * (text, picture, caption, credit, related entries). Inputs: every
 * fixture file, the HTML inside it (CDATA sections, escaped
 * descriptions), seeded random simple HTML, and seeded random pictures
 * in <figure>s. related_may_label() is held to a plain search for each
 * label, on the same inputs.
 */
#include "autoconfig.h"

#include <ctype.h>
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
#include "src/htmltext.h"
#include "src/related.h"

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

	buf_add_str(&e->b, "\n<");
	buf_add_str(&e->b, (const char *)name);
	/* attributes count where html.c reads them: <img> */
	for (; strcmp((const char *)name, "img") == 0 && atts != NULL && atts[0] != NULL;
	     atts += 2) {
		buf_add_str(&e->b, " ");
		buf_add_str(&e->b, (const char *)atts[0]);
		buf_add_str(&e->b, "=[");
		buf_add_str(&e->b, atts[1] != NULL ? (const char *)atts[1] : "(none)");
		buf_add_str(&e->b, "]");
	}
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

static void
assert_same_string(const char *what, const char *html, size_t len, const char *want,
                   const char *got)
{
	if ((want == NULL) != (got == NULL) || (want != NULL && strcmp(want, got) != 0)) {
		print_error("input: [%.*s]\n%s: tree [%s] fast [%s]\n", (int)len, html, what,
		            want != NULL ? want : "(null)", got != NULL ? got : "(null)");
		fail();
	}
}

/* html_extract() against html_extract_tree(): every part the same. */
static void
check_extract(const char *html, size_t len)
{
	static const char base[] = "https://news.example.org/section/story.html";
	struct html_parts fast, tree;
	struct nf_error err;
	size_t i;

	assert_int_equal(html_extract(html, len, base, 0.6, &fast, &err), NF_OK);
	assert_int_equal(html_extract_tree(html, len, base, 0.6, &tree, &err), NF_OK);
	assert_same_string("text", html, len, tree.text, fast.text);
	assert_same_string("article", html, len, tree.article, fast.article);
	assert_int_equal(tree.image != NULL, fast.image != NULL);
	if (tree.image != NULL) {
		assert_same_string("url", html, len, tree.image->url, fast.image->url);
		assert_same_string("caption", html, len, tree.image->caption, fast.image->caption);
		assert_same_string("credit", html, len, tree.image->credit, fast.image->credit);
	}
	assert_int_equal(tree.nrelated, fast.nrelated);
	for (i = 0; i < tree.nrelated; i++) {
		assert_same_string("related", html, len, tree.related[i].title,
		                   fast.related[i].title);
		assert_same_string("related", html, len, tree.related[i].link,
		                   fast.related[i].link);
	}
	html_parts_free(&fast);
	html_parts_free(&tree);
}

/* related_may_label() as first written: each label, spaces left out,
 * tried at each position. */
static int
may_label_plain(const char *s, size_t n)
{
	const char *label;
	size_t i, j, k, m;

	for (j = 0; j < n; j++) {
		for (i = 0; (label = related_label_at(i)) != NULL; i++) {
			for (k = 0, m = j; label[k] != '\0'; k++) {
				if (label[k] == ' ') {
					continue;
				}
				if (m >= n || tolower((unsigned char)s[m])
				    != tolower((unsigned char)label[k])) {
					break;
				}
				m++;
			}
			if (label[k] == '\0') {
				return 1;
			}
		}
	}
	return 0;
}

/* The input less ASCII blanks, as related.c hands text to the test, and
 * every suffix of its first bytes. */
static void
check_may_label(const char *html, size_t len)
{
	char *u = malloc(len + 1);
	size_t i, n = 0;

	assert_non_null(u);
	for (i = 0; i < len; i++) {
		if (html[i] != ' ' && html[i] != '\t' && html[i] != '\n' && html[i] != '\r') {
			u[n++] = html[i];
		}
	}
	assert_int_equal(related_may_label(u, n), may_label_plain(u, n));
	for (i = 0; i < n && i < 16; i++) {
		assert_int_equal(related_may_label(u + i, n - i), may_label_plain(u + i, n - i));
	}
	free(u);
}

/* Checks one input; counts it when htmlfast reads it. */
static void
check_one(const char *html, size_t len, struct tally *t)
{
	static const struct htmlfast_sax sax = { ev_start, ev_end, ev_text };
	static const struct htmlfast_decline related = {
		related_may_label, related_may_read_more
	};
	struct events e = { { NULL, 0, 0, SIZE_MAX / 2 }, 0 };
	char *want, *fast, *tree;
	htmlDocPtr doc;
	struct nf_related *rel = NULL;
	struct htmlfast_doc *events;

	t->inputs++;
	check_extract(html, len);
	check_may_label(html, len);
	if (htmlfast_read(html, len, NULL, &sax, &e) != HTMLFAST_OK) {
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

	if (htmlfast_lex(html, len, &related, &events) != HTMLFAST_OK) {
		return;		/* may hold a related block */
	}
	fast = htmltext_from_events(events, 0);
	htmlfast_doc_free(events);
	assert_non_null(fast);
	doc = htmltext_parse(html, len);
	assert_int_equal(doc != NULL ? related_extract(doc, NULL, 0.6, &rel) : 0, 0);
	tree = doc != NULL ? htmltext_from_tree((xmlNode *)doc, 0) : strdup("");
	if (strcmp(tree, fast) != 0) {
		print_error("input: [%.*s]\ntree: [%s]\nfast: [%s]\n", (int)len, html, tree, fast);
		fail();
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
	"AT&T", "&r", "?a=1&b=2", "&amp", "&r.", "&r-x", "&T\xc3\xa9", "&x;",
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

/* Pieces of pictures: <img>s of every kind html.c reads, captions with
 * and without credits. */
static const char *const imgs[] = {
	"<img src=\"/img/1.jpg\" alt=\"Harbour at dawn\">",
	"<img src='pic.png' title=\"The ferry\">",
	"<IMG SRC=\"https://cdn.example.org/a.jpg?w=800&amp;h=600\" ALT=\"Bridge &amp; river\">",
	"<img src=\"x.gif\" width=\"1\" height=\"1\">",
	"<img class=\"wp-smiley emoji\" src=\"e.png\" alt=\":)\">",
	"<img src=c.jpg alt=\"Photo: Kai Mori\">",
	"<img src=\"d.jpg\" alt=\"\">",
	"<img src=\"data:image/gif;base64,R0lG\" data-src=\"lazy.jpg\" alt=\"Lazy\">",
	"<img srcset=\"s1.jpg 1x, s2.jpg 2x\" alt=\"Set\">",
	"<img src=\"f.jpg\"/>",
	"<img src=\"g.jpg\" alt=\"港町の朝\" />",
	"<img\nsrc=\"h.jpg\"\nalt=\"Two\nlines\">",
	"<img src=\"i.jpg\" alt=\"a > b\">",
	"<img src=\"j.jpg\" width=\"0\">",
	"<img src=\"k.jpg\" alt=\"&eacute;t&eacute;\">",
	"<img src=\"l.jpg\" alt>",
	"<img src=\"m.jpg\" src=\"n.jpg\">",
};
static const char *const captions[] = {
	"Harbour at dawn.", "The new bridge. Photograph: Kai Mori/Harbour Times",
	"Crowds at the festival (AP Photo/Ren Ito)", "Photo by Sam Lee",
	"港町の夜景（写真：港町新聞）", "  Spaced   caption  ", "", "&amp; more",
	"Market day <cite>Lin Wu</cite>", "Night ferry <small>Harbour Times</small>",
	"<b>Bold</b> caption <cite>A <i>B</i></cite> tail",
	"<cite>Only a credit</cite>", "<small>S</small><cite>C</cite>",
	"<p>In a paragraph</p>", "Read more", "Related",
};

/* One random document with pictures: text, figures (with or without a
 * picture, a caption, a credit), pictures outside figures, in any order. */
static size_t
random_figure_html(char *s, size_t cap)
{
	struct buf b;
	size_t n = 1 + rng(6), k, len;

	buf_init(&b, cap - 1);
	for (k = 0; k < n; k++) {
		switch (rng(6)) {
		case 0:
			buf_add_str(&b, imgs[rng(sizeof(imgs) / sizeof(imgs[0]))]);
			break;
		case 1:
		case 2:
			buf_add_str(&b, rng(3) == 0 ? "<figure class=\"wide\">" : "<figure>");
			if (rng(5) != 0) {
				buf_add_str(&b, imgs[rng(sizeof(imgs) / sizeof(imgs[0]))]);
			}
			if (rng(4) != 0) {
				buf_add_str(&b, "<figcaption>");
				buf_add_str(&b, captions[rng(sizeof(captions) / sizeof(captions[0]))]);
				buf_add_str(&b, rng(8) != 0 ? "</figcaption>" : "");
			}
			buf_add_str(&b, rng(8) != 0 ? "</figure>" : "");
			break;
		default: {
			char piece[2048];

			random_html(piece, 256);
			buf_add_str(&b, piece);
		}
		}
	}
	len = b.len < cap ? b.len : 0;
	if (b.data != NULL) {
		memcpy(s, b.data, len);
	}
	s[len] = '\0';
	buf_free(&b);
	return len;
}

static void
test_figures(void **state)
{
	struct tally t = { 0, 0 };
	char s[4096];
	size_t i, len;

	(void)state;
	rng_state = 0x2545F4914F6CDD1DULL;
	for (i = 0; i < 3000; i++) {
		len = random_figure_html(s, sizeof(s));
		check_one(s, len, &t);
	}
	print_message("figures: %zu inputs, %zu read by htmlfast\n", t.inputs, t.accepted);
	assert_true(t.accepted > 1000);
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
		cmocka_unit_test(test_figures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
