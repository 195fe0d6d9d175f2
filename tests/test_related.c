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

/* Shapes written by other sites' templates, each a named case: how
 * many links went in, the titles that must come out, and what may not
 * be left in the text. */
struct shape_case {
	const char *name, *html;
	size_t nlinks;			/* links that end an entry, all kept */
	size_t nrelated;
	const char *title0, *title1;	/* of the first two entries */
	const char *summary0;		/* of the first, or NULL: not checked */
	const char *gone;		/* not in the remaining text */
	const char *source0;		/* of the first, or NULL: not checked */
};

static const struct shape_case shape_cases[] = {
	{ "div entries, then paragraph entries",
	  "<p>The ferry timetable changes on Monday.</p>"
	  "<div><b>Quarry reopens after flood repairs</b> The quarry at Tallow Edge "
	  "reopened on Friday.<br><a href=\"/q1\">Read more \xc2\xbb</a></div>"
	  "<div><b>Tallow Edge quarry reopens after flood repairs</b> Work resumed "
	  "on Friday.<br><a href=\"/q2\">Read more \xc2\xbb</a></div>"
	  "<div><b>Quarry at Tallow Edge reopens after repairs</b> The site was "
	  "shut for a month.<br><a href=\"/q3\">Read more \xc2\xbb</a></div>"
	  "<p><b>Lantern festival moves to the old harbour</b></p>"
	  "<p>Organisers chose the quay for its space.</p>"
	  "<p><a href=\"/l1\">Read more \xc2\xbb</a></p>"
	  "<p><b>Old harbour to host the lantern festival</b></p>"
	  "<p>The festival needed more room.</p>"
	  "<p><a href=\"/l2\">Read more \xc2\xbb</a></p>"
	  "<p><b>Lantern festival heads for the old harbour</b></p>"
	  "<p>The move was approved on Tuesday.</p>"
	  "<p><a href=\"/l3\">Read more \xc2\xbb</a></p>"
	  "<p>Tickets are on sale now.</p>",
	  6, 0, "Quarry reopens after flood repairs", NULL,
	  "The quarry at Tallow Edge reopened on Friday.", "Read more", NULL },
	{ "japanese entries in one wrapper, more-links between",
	  "<p>\xe6\xb8\xaf\xe3\x81\xae\xe8\xa9\xb1\xe9\xa1\x8c\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82</p>"
	  "<div class=\"rel\">\xe9\x96\xa2\xe9\x80\xa3\xe3\x83\x8b\xe3\x83\xa5\xe3\x83\xbc\xe3\x82\xb9<br>"
	  "\xe6\xb0\xb4\xe7\x94\xa3\xe5\xb8\x82\xe5\xa0\xb4\xe3\x81\x8c\xe6\x96\xb0\xe6\xa3\x9f\xe3\x81\xab\xe7\xa7\xbb\xe8\xbb\xa2<br>"
	  "<a href=\"/j1\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a><br>"
	  "\xe6\xb8\xaf\xe7\x94\xba\xe3\x81\xae\xe6\x9c\x9d\xe5\xb8\x82\xe3\x81\x8c\xe5\x86\x8d\xe9\x96\x8b<br>"
	  "<a href=\"/j2\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a><br>"
	  "\xe7\x81\xaf\xe5\x8f\xb0\xe3\x81\xae\xe4\xb8\x80\xe8\x88\xac\xe5\x85\xac\xe9\x96\x8b\xe3\x81\x8c\xe5\xa7\x8b\xe3\x81\xbe\xe3\x82\x8b<br>"
	  "<a href=\"/j3\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a><br>"
	  "\xe9\x81\x8a\xe8\xa6\xa7\xe8\x88\xb9\xe3\x81\xae\xe6\x96\xb0\xe8\x88\xaa\xe8\xb7\xaf\xe3\x81\x8c\xe6\xb1\xba\xe5\xae\x9a<br>"
	  "<a href=\"/j4\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a><br>"
	  "\xe6\xb8\xaf\xe3\x81\xae\xe6\xa1\x9c\xe4\xb8\xa6\xe6\x9c\xa8\xe3\x81\x8c\xe6\xba\x80\xe9\x96\x8b<br>"
	  "<a href=\"/j5\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a><br>"
	  "\xe5\xb8\x82\xe6\xb0\x91\xe3\x83\x9e\xe3\x83\xa9\xe3\x82\xbd\xe3\x83\xb3\xe3\x81\xae\xe5\x8f\x82\xe5\x8a\xa0\xe8\x80\x85\xe5\x8b\x9f\xe9\x9b\x86<br>"
	  "<a href=\"/j6\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a><br>"
	  "\xe6\x96\xb0\xe3\x81\x97\xe3\x81\x84\xe5\x9b\xb3\xe6\x9b\xb8\xe9\xa4\xa8\xe3\x81\x8c\xe9\x96\x8b\xe9\xa4\xa8<br>"
	  "<a href=\"/j7\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a></div>",
	  7, 7, "\xe6\xb0\xb4\xe7\x94\xa3\xe5\xb8\x82\xe5\xa0\xb4\xe3\x81\x8c\xe6\x96\xb0\xe6\xa3\x9f\xe3\x81\xab\xe7\xa7\xbb\xe8\xbb\xa2",
	  "\xe6\xb8\xaf\xe7\x94\xba\xe3\x81\xae\xe6\x9c\x9d\xe5\xb8\x82\xe3\x81\x8c\xe5\x86\x8d\xe9\x96\x8b",
	  NULL, "\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b", NULL },
	{ "title and summary in spans",
	  "<div class=\"item\"><span class=\"t\">Hafenfest zieht Rekordzahl an Besuchern an</span>"
	  "<span class=\"s\">Mehr als 90.000 Menschen kamen am Wochenende.</span> "
	  "<a href=\"/h1\">Weiterlesen \xc2\xbb</a></div>"
	  "<div class=\"item\"><span class=\"t\">Neue Buslinie f\xc3\xa4hrt ab Montag zum Deich</span>"
	  "<span class=\"s\">Die Linie 14 f\xc3\xa4hrt st\xc3\xbcndlich.</span> "
	  "<a href=\"/h2\">Weiterlesen \xc2\xbb</a></div>",
	  2, 2, "Hafenfest zieht Rekordzahl an Besuchern an",
	  "Neue Buslinie f\xc3\xa4hrt ab Montag zum Deich",
	  "Mehr als 90.000 Menschen kamen am Wochenende.", "Weiterlesen", NULL },
	{ "bold title, summary and read-more in one line",
	  "<p><b>Hafenfest zieht Rekordzahl an Besuchern an</b> Mehr als 90.000 Menschen "
	  "kamen. <a href=\"/b1\">Weiterlesen \xc2\xbb</a></p>"
	  "<p><b>Neue Buslinie f\xc3\xa4hrt ab Montag zum Deich</b> Die Linie 14 f\xc3\xa4hrt "
	  "st\xc3\xbcndlich. <a href=\"/b2\">Weiterlesen \xc2\xbb</a></p>",
	  2, 2, "Hafenfest zieht Rekordzahl an Besuchern an",
	  "Neue Buslinie f\xc3\xa4hrt ab Montag zum Deich",
	  "Mehr als 90.000 Menschen kamen.", "Weiterlesen", NULL },
	{ "japanese entries on one line, more-links between",
	  "<div>\xe9\x96\xa2\xe9\x80\xa3\xe3\x83\x8b\xe3\x83\xa5\xe3\x83\xbc\xe3\x82\xb9<br>"
	  "<a href=\"/k1\">\xe6\xb0\xb4\xe7\x94\xa3\xe5\xb8\x82\xe5\xa0\xb4\xe3\x81\x8c"
	  "\xe6\x96\xb0\xe6\xa3\x9f\xe3\x81\xab\xe7\xa7\xbb\xe8\xbb\xa2</a> "
	  "\xe5\xb8\x82\xe5\xa0\xb4\xe3\x81\xaf\xe6\x9d\xa5\xe6\x9c\x88\xe3\x81\x8b"
	  "\xe3\x82\x89\xe5\x96\xb6\xe6\xa5\xad\xe3\x81\x99\xe3\x82\x8b\xe3\x80\x82 "
	  "<a href=\"/k1\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a> "
	  "<a href=\"/k2\">\xe6\xb8\xaf\xe7\x94\xba\xe3\x81\xae\xe6\x9c\x9d\xe5\xb8\x82"
	  "\xe3\x81\x8c\xe5\x86\x8d\xe9\x96\x8b</a> \xe6\x9c\x9d\xe5\xb8\x82\xe3\x81\xaf"
	  "3\xe5\xb9\xb4\xe3\x81\xb6\xe3\x82\x8a\xe3\x80\x82 "
	  "<a href=\"/k2\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a> "
	  "<a href=\"/k3\">\xe6\x96\xb0\xe3\x81\x97\xe3\x81\x84\xe5\x9b\xb3\xe6\x9b\xb8"
	  "\xe9\xa4\xa8\xe3\x81\x8c\xe9\x96\x8b\xe9\xa4\xa8</a> \xe8\x94\xb5\xe6\x9b\xb8"
	  "\xe3\x81\xaf" "5\xe4\xb8\x87\xe5\x86\x8a\xe3\x80\x82 "
	  "<a href=\"/k3\">\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b</a></div>",
	  3, 3, "\xe6\xb0\xb4\xe7\x94\xa3\xe5\xb8\x82\xe5\xa0\xb4\xe3\x81\x8c\xe6\x96\xb0"
	  "\xe6\xa3\x9f\xe3\x81\xab\xe7\xa7\xbb\xe8\xbb\xa2",
	  "\xe6\xb8\xaf\xe7\x94\xba\xe3\x81\xae\xe6\x9c\x9d\xe5\xb8\x82\xe3\x81\x8c\xe5\x86"
	  "\x8d\xe9\x96\x8b",
	  "\xe5\xb8\x82\xe5\xa0\xb4\xe3\x81\xaf\xe6\x9d\xa5\xe6\x9c\x88\xe3\x81\x8b\xe3\x82"
	  "\x89\xe5\x96\xb6\xe6\xa5\xad\xe3\x81\x99\xe3\x82\x8b\xe3\x80\x82",
	  "\xe3\x82\x82\xe3\x81\xa3\xe3\x81\xa8\xe8\xa6\x8b\xe3\x82\x8b", NULL },
	{ "entries inside one inline wrapper",
	  "<p>Similar News</p><span class=\"list\"><a href=\"/s1\">Quarry reopens after flood "
	  "repairs</a> The site was shut for a month. <a href=\"/s1\">Read more</a> "
	  "<a href=\"/s2\">Lantern festival moves to the old harbour</a> Organisers chose the "
	  "quay. <a href=\"/s2\">Read more</a></span><p>Tickets are on sale now.</p>",
	  2, 2, "Quarry reopens after flood repairs", "Lantern festival moves to the old harbour",
	  "The site was shut for a month.", "Read more", NULL },
	{ "aggregator list with a coverage line",
	  "<ol><li><a href=\"https://wire.example/9\">Rail union agrees to end strike after pay "
	  "deal - Coastal Wire</a>&nbsp;&nbsp;<font color=\"#6f6f6f\">Coastal Wire</font></li>"
	  "<li><a href=\"https://post.example/3\">Rail strike ends as union backs pay offer - "
	  "Meridian Post</a>&nbsp;&nbsp;<font color=\"#6f6f6f\">Meridian Post</font></li>"
	  "<li><strong><a href=\"https://agg.example/stories/1\">View Full Coverage on Google "
	  "News</a></strong></li></ol>",
	  2, 2, "Rail union agrees to end strike after pay deal",
	  "Rail strike ends as union backs pay offer", NULL, "Full Coverage", "Coastal Wire" },
	{ "aggregator single link and outlet",
	  "<a href=\"https://wire.example/9\">Rail union agrees to end strike after pay deal - "
	  "Coastal Wire</a>&nbsp;&nbsp;<font color=\"#6f6f6f\">Coastal Wire</font>",
	  1, 1, "Rail union agrees to end strike after pay deal", NULL, NULL, "Coastal",
	  "Coastal Wire" },
	{ "aggregator list with outlets in <source>",
	  "<ul><li><a href=\"https://wire.example/9\">Ferry fares frozen for another year</a> "
	  "<source url=\"https://wire.example\">Coastal Wire</source></li>"
	  "<li><a href=\"https://post.example/3\">Island ferry fares stay the same in 2027</a> "
	  "<source url=\"https://post.example\">Meridian Post</source></li></ul>",
	  2, 2, "Ferry fares frozen for another year", "Island ferry fares stay the same in 2027",
	  NULL, "Meridian", "Coastal Wire" },
};

static size_t
count_links(const struct nf_related *r, size_t n)
{
	size_t i, all = 0;

	for (i = 0; i < n; i++) {
		all += (r[i].link != NULL) + r[i].ncopies;
	}
	return all;
}

static void
test_shapes(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(shape_cases) / sizeof(shape_cases[0]); i++) {
		const struct shape_case *c = &shape_cases[i];
		struct html_parts p;
		struct nf_error err;

		assert_int_equal(html_extract(c->html, strlen(c->html), BASE,
		                              TITLE_DEFAULT_THRESHOLD, &p, &err), NF_OK);
		if (count_links(p.related, p.nrelated) != c->nlinks ||
		    (c->nrelated != 0 && p.nrelated != c->nrelated) ||
		    p.nrelated < (c->title1 != NULL ? 2 : 1) ||
		    (c->source0 != NULL && strcmp(nf_str(p.related[0].source), c->source0) != 0) ||
		    strcmp(p.related[0].title, c->title0) != 0 ||
		    (c->title1 != NULL && strcmp(p.related[1].title, c->title1) != 0) ||
		    (c->summary0 != NULL &&
		     strcmp(nf_str(p.related[0].summary), c->summary0) != 0) ||
		    strstr(p.text, c->gone) != NULL) {
			fail_msg("%s: %zu entries, %zu links, first \"%s\" (\"%s\"); text \"%s\"",
			         c->name, p.nrelated, count_links(p.related, p.nrelated),
			         p.nrelated > 0 ? p.related[0].title : "",
			         p.nrelated > 0 ? nf_str(p.related[0].summary) : "", p.text);
		}
		html_parts_free(&p);
	}
}

/* An aggregator's item lists its own outlet among the others: entries
 * whose headline is the item's are copies of the item, not related. */
static void
test_drop_own(void **state)
{
	static const struct {
		const char *title;
		int own;
	} entries[] = {
		{ "Rail union agrees to end strike after pay deal", 1 },
		{ "Ferry fares frozen for another year", 0 },
		{ "RAIL UNION AGREES TO END STRIKE AFTER PAY DEAL", 1 },
		{ "Rail union rejects pay deal, strike goes on", 0 },
	};
	struct nf_item *it = item_new();
	size_t i;

	(void)state;
	assert_non_null(it);
	it->title = strdup("Rail union agrees to end strike after pay deal - Coastal Wire");
	for (i = 0; i < sizeof(entries) / sizeof(entries[0]); i++) {
		struct nf_related r = { strdup(entries[i].title), NULL, NULL, NULL, NULL, 0 };

		assert_int_equal(item_add_related(it, &r), 0);
	}
	related_drop_own(it, TITLE_DEFAULT_THRESHOLD);
	assert_int_equal(it->nrelated, 2);
	assert_string_equal(it->related[0].title, "Ferry fares frozen for another year");
	assert_string_equal(it->related[1].title, "Rail union rejects pay deal, strike goes on");
	item_free(it);
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
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_drop_own),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
