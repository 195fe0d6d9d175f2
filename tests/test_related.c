/*
 * "Similar News" extraction on the fixtures in tests/fixtures/related:
 * the entries found, their copies, absolute links, sources, and what is
 * left of the document.
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
#include <libxml/HTMLparser.h>

#include "src/html.h"
#include "src/related.h"
#include "src/title.h"

#define FIXTURES SRCDIR "/tests/fixtures/related/"
#define BASE "https://news.example/world/item.html"

struct related_case {
	const char *name, *file;
	size_t nrelated;
	size_t ncopies;			/* of the first entry */
	const char *title, *link, *source;	/* of the first entry */
	const char *copy_link;		/* of its last copy */
	const char *gone[4];		/* not in the remaining text */
	const char *kept[3];		/* still in it */
};

static const struct related_case cases[] = {
	{ "six copies under a label", "aggregator-en.html", 1, 5,
	  "Port Avel and island neighbour sign fishing accord, officials say",
	  "https://news.example/r/1", NULL, "https://news.example/r/6",
	  { "Similar News", "Read more", "World headlines", "sign fishing accord" },
	  { "signed a ten-year fishing accord", "In this photo", "smaller than they had hoped" } },
	{ "six copies in japanese", "aggregator-ja.html", 1, 5,
	  "ポートアベルと島の隣町が漁業協定に調印　北の漁場めぐる対立に区切り",
	  "https://asanagi.example/a/1", NULL, "https://asanagi.example/a/6",
	  { "関連ニュース", "続きを読む", "地域 見出し", "対立に区切り" },
	  { "10年間の漁業協定", "写真：", "2つの桟橋" } },
	{ "read-more run without a label", "read-more-run.html", 2, 1,
	  "Hafenau beschließt neue Fährlinie zu den Inseln",
	  "https://hafenau.example/1", NULL, "https://hafenau.example/2",
	  { "Weiterlesen", "Schneefall", NULL, NULL },
	  { "Der Stadtrat von Hafenau", NULL, NULL } },
	{ "aggregator list of outlets", "aggregator-list.html", 2, 1,
	  "Rail workers call off strike after pay deal is reached",
	  "https://harborwire.example/story/9", "Harbor Wire",
	  "https://lantern.example/story/12",
	  { "Rail workers", "Meridian Post", NULL, NULL }, { NULL, NULL, NULL } },
	{ "heading and list", "related-heading.html", 2, 0,
	  "Bridge costs rose by a fifth, auditors find",
	  "https://news.example/world/bridge-costs.html", NULL, NULL,
	  { "Related stories", "auditors", NULL, NULL },
	  { "six months ahead of schedule", NULL, NULL } },
	{ "headline links in a box after a nav line", "boxed-links.html", 1, 3,
	  "Orlova Quay tram depot to close for six weeks of roof repairs",
	  "https://news.example/r/1", NULL, "https://news.example/r/4",
	  { "More on this story", "Read more", "Transport headlines",
	    "Other outlets covered" },
	  { "roof is replaced", "ferry terminal", NULL } },
	{ "nothing related", "no-related.html", 0, 0, NULL, NULL, NULL, NULL,
	  { NULL, NULL, NULL, NULL },
	  { "Red, white and blue flags", "Related: the council", "Read more" } },
};

static htmlDocPtr
read_fixture(const char *file)
{
	char path[512];

	snprintf(path, sizeof(path), "%s%s", FIXTURES, file);
	return htmlReadFile(path, "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                    HTML_PARSE_NONET);
}

static void
check_entries(const struct related_case *c, const struct nf_related *r, size_t n)
{
	if (n != c->nrelated) {
		fail_msg("%s: %zu entries, want %zu", c->name, n, c->nrelated);
	}
	if (n == 0) {
		return;
	}
	if (r[0].ncopies != c->ncopies || strcmp(r[0].title, c->title) != 0 ||
	    strcmp(nf_str(r[0].link), c->link) != 0) {
		fail_msg("%s: first entry \"%s\" <%s> with %zu copies", c->name,
		         r[0].title, nf_str(r[0].link), r[0].ncopies);
	}
	if (c->source != NULL && strcmp(nf_str(r[0].source), c->source) != 0) {
		fail_msg("%s: source \"%s\"", c->name, nf_str(r[0].source));
	}
	if (c->copy_link != NULL && (r[0].ncopies == 0 ||
	    strcmp(nf_str(r[0].copies[r[0].ncopies - 1].link), c->copy_link) != 0)) {
		fail_msg("%s: last copy link wrong", c->name);
	}
}

static void
check_remaining(const struct related_case *c, htmlDocPtr doc)
{
	xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	size_t i;

	assert_non_null(text);
	for (i = 0; i < 4 && c->gone[i] != NULL; i++) {
		if (strstr((const char *)text, c->gone[i]) != NULL) {
			fail_msg("%s: \"%s\" left in the text", c->name, c->gone[i]);
		}
	}
	for (i = 0; i < 3 && c->kept[i] != NULL; i++) {
		if (strstr((const char *)text, c->kept[i]) == NULL) {
			fail_msg("%s: \"%s\" taken from the text", c->name, c->kept[i]);
		}
	}
	xmlFree(text);
}

static void
test_fixtures(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		htmlDocPtr doc = read_fixture(cases[i].file);
		struct nf_related *r = NULL;
		size_t n;

		assert_non_null(doc);
		n = related_extract(doc, BASE, TITLE_DEFAULT_THRESHOLD, &r);
		check_entries(&cases[i], r, n);
		check_remaining(&cases[i], doc);
		for (j = 0; j < n; j++) {
			related_clear(&r[j]);
		}
		free(r);
		xmlFreeDoc(doc);
	}
}

static char *
slurp(const char *file, size_t *len)
{
	char path[512], *buf;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s%s", FIXTURES, file);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Through the html module, as the parsers use it: one story, its caption
 * set apart, one related entry holding the other copies, none of the
 * block left in the text. */
static void
test_through_html(void **state)
{
	static const char *const files[] = { "aggregator-en.html", "aggregator-ja.html" };
	static const char *const gone[] = {
		"Similar News", "Read more", "World latest news", "fishing accord,",
		"関連ニュース", "続きを読む", "地域 最新ニュース", "対立に区切り",
	};
	size_t i, j;

	(void)state;
	for (i = 0; i < 2; i++) {
		struct html_parts parts;
		struct nf_error err;
		size_t len;
		char *html = slurp(files[i], &len);

		assert_int_equal(html_extract(html, len, BASE, TITLE_DEFAULT_THRESHOLD,
		                              &parts, &err), NF_OK);
		assert_int_equal(parts.nrelated, 1);
		assert_int_equal(parts.related[0].ncopies, 5);
		assert_non_null(parts.image);
		assert_non_null(parts.image->caption);
		for (j = 0; j < 4; j++) {
			if (strstr(parts.text, gone[i * 4 + j]) != NULL) {
				fail_msg("%s: \"%s\" left in the text", files[i], gone[i * 4 + j]);
			}
		}
		html_parts_free(&parts);
		free(html);
	}
}

/* Entries closed by read-more lines, in every shape a feed writes them:
 * plain text, lines between <br>s, a <p> per line with the marker as
 * plain text or as a link of its own. Through html_extract(): one entry
 * holding the other five copies, the caption found, the block gone and
 * the story kept. */
struct lines_case {
	const char *name, *file;
	const char *title;		/* of the entry */
	const char *copy_link;		/* of its last copy, or NULL: none */
	const char *gone[6];
	const char *kept[2];
};

#define LINES_EN_TITLE "Larkmoor opens tidal footbridge to marsh trail, council says"
#define LINES_EN_GONE { "Similar News", "gathered from other outlets", \
	"Coast latest news", "Read more", "marsh trail, council", "FOOTBRIDGE" }
#define LINES_EN_KEPT { "opened its new tidal footbridge", "more visitors in winter" }
#define LINES_JA_TITLE "潮見町の潮入り歩道橋が開通　旧港と湿原の遊歩道を40年ぶりに結ぶ"
#define LINES_JA_GONE { "関連ニュース", "同じ話題の記事", "地域 最新ニュース", \
	"続きを読む", "歩道橋が開通", "Similar News" }
#define LINES_JA_KEPT { "新しい潮入り歩道橋を開通", "冬の観光客" }

static const struct lines_case lines_cases[] = {
	{ "plain text lines", "lines-text-en.txt", LINES_EN_TITLE, NULL,
	  LINES_EN_GONE, LINES_EN_KEPT },
	{ "lines between <br>s", "lines-br-en.html", LINES_EN_TITLE, NULL,
	  LINES_EN_GONE, LINES_EN_KEPT },
	{ "a paragraph per line", "lines-p-en.html", LINES_EN_TITLE, NULL,
	  LINES_EN_GONE, LINES_EN_KEPT },
	{ "read-more links in paragraphs", "lines-p-link-en.html", LINES_EN_TITLE,
	  "https://larkmoor.example/r/6", LINES_EN_GONE, LINES_EN_KEPT },
	{ "plain text lines, japanese", "lines-text-ja.txt", LINES_JA_TITLE, NULL,
	  LINES_JA_GONE, LINES_JA_KEPT },
	{ "lines between <br>s, japanese", "lines-br-ja.html", LINES_JA_TITLE, NULL,
	  LINES_JA_GONE, LINES_JA_KEPT },
	{ "glued label, japanese", "lines-br-ja-glued.html", LINES_JA_TITLE, NULL,
	  LINES_JA_GONE, LINES_JA_KEPT },
	{ "a paragraph per line, japanese", "lines-p-ja.html", LINES_JA_TITLE, NULL,
	  LINES_JA_GONE, LINES_JA_KEPT },
	{ "read-more links in paragraphs, japanese", "lines-p-link-ja.html",
	  LINES_JA_TITLE, "https://shiomi.example/r/6", LINES_JA_GONE, LINES_JA_KEPT },
};

static void
check_lines_case(const struct lines_case *c, const struct html_parts *p)
{
	const struct nf_related *r = p->related;
	size_t i;

	if (p->nrelated != 1 || r[0].ncopies != 5) {
		fail_msg("%s: %zu entries, %zu copies", c->name, p->nrelated,
		         p->nrelated > 0 ? r[0].ncopies : 0);
	}
	if (strcmp(r[0].title, c->title) != 0) {
		fail_msg("%s: title \"%s\"", c->name, r[0].title);
	}
	if (c->copy_link == NULL ? r[0].copies[4].link != NULL :
	    strcmp(nf_str(r[0].copies[4].link), c->copy_link) != 0) {
		fail_msg("%s: last copy link <%s>", c->name, nf_str(r[0].copies[4].link));
	}
	if (p->image == NULL || p->image->caption == NULL) {
		fail_msg("%s: no caption", c->name);
	}
	for (i = 0; i < 6; i++) {
		if (strstr(p->text, c->gone[i]) != NULL) {
			fail_msg("%s: \"%s\" left in the text", c->name, c->gone[i]);
		}
	}
	for (i = 0; i < 2; i++) {
		if (strstr(p->text, c->kept[i]) == NULL) {
			fail_msg("%s: \"%s\" taken from the text", c->name, c->kept[i]);
		}
	}
}

static void
test_read_more_lines(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lines_cases) / sizeof(lines_cases[0]); i++) {
		struct html_parts parts;
		struct nf_error err;
		size_t len;
		char *html = slurp(lines_cases[i].file, &len);

		assert_int_equal(html_extract(html, len, BASE, TITLE_DEFAULT_THRESHOLD,
		                              &parts, &err), NF_OK);
		check_lines_case(&lines_cases[i], &parts);
		html_parts_free(&parts);
		free(html);
	}
}

/* Each copy keeps its own headline: a summary glued on after a capitals
 * headline or after an ellipsis is cut off, and a trailing " - Outlet"
 * becomes the copy's source. */
static void
test_copy_titles(void **state)
{
	static const struct {
		const char *title, *source;
	} want[] = {
		{ "ORLOVA QUAY TRAM DEPOT TO CLOSE FOR SIX WEEKS OF ROOF REPAIRS", NULL },
		{ "Orlova Quay tram depot to close for six weeks of roof\xe2\x80\xa6", NULL },
		{ "Orlova Quay tram depot to close for six weeks of roof repairs",
		  "Quayside Courier" },
	};
	htmlDocPtr doc = read_fixture("boxed-links.html");
	struct nf_related *r = NULL;
	size_t n, i;

	(void)state;
	assert_non_null(doc);
	n = related_extract(doc, BASE, TITLE_DEFAULT_THRESHOLD, &r);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].ncopies, 3);
	for (i = 0; i < 3; i++) {
		const struct nf_related *c = &r[0].copies[i];

		assert_string_equal(c->title, want[i].title);
		if (want[i].source == NULL) {
			assert_null(c->source);
		} else {
			assert_string_equal(c->source, want[i].source);
		}
	}
	related_clear(&r[0]);
	free(r);
	xmlFreeDoc(doc);
}

/* A Japanese copy with its summary glued straight on ("…結ぶ町によると…")
 * is cut back to its entry's headline. */
static void
test_japanese_glue(void **state)
{
	struct html_parts parts;
	struct nf_error err;
	size_t len, i;
	char *html = slurp("lines-br-ja.html", &len);

	(void)state;
	assert_int_equal(html_extract(html, len, BASE, TITLE_DEFAULT_THRESHOLD,
	                              &parts, &err), NF_OK);
	assert_int_equal(parts.nrelated, 1);
	assert_int_equal(parts.related[0].ncopies, 5);
	assert_string_equal(parts.related[0].copies[2].title, LINES_JA_TITLE);
	for (i = 0; i < parts.related[0].ncopies; i++) {
		assert_null(strstr(parts.related[0].copies[i].title, "町によると"));
	}
	html_parts_free(&parts);
	free(html);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_through_html),
		cmocka_unit_test(test_copy_titles),
		cmocka_unit_test(test_japanese_glue),
		cmocka_unit_test(test_read_more_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
