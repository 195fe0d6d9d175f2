/* Item HTML taken apart (picture, caption, credit, text) and web pages
 * reduced to their article, as tables of named cases. */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/html.h"

#define BASE "https://ledger.example/news/2023/ferry.html"

struct extract_case {
	const char *name;
	const char *html;
	const char *text;
	const char *url;	/* NULL: no image at all */
	const char *caption;
	const char *credit;
};

static const struct extract_case extract_cases[] = {
	{ "no picture",
	  "<p>The pier reopened.</p><p>Ferries run hourly.</p>",
	  "The pier reopened.\n\nFerries run hourly.", NULL, NULL, NULL },
	{ "figure with figcaption",
	  "<figure><img src=\"/img/pier.jpg\" alt=\"pier\"><figcaption>Workers"
	  " rebuild the pier at Port Alder.</figcaption></figure><p>Body text.</p>",
	  "Body text.", "https://ledger.example/img/pier.jpg",
	  "Workers rebuild the pier at Port Alder.", NULL },
	{ "figcaption wins over alt",
	  "<figure><img src=\"a.jpg\" alt=\"a.jpg\" title=\"t\"><figcaption>The"
	  " caption</figcaption></figure>",
	  "", "https://ledger.example/news/2023/a.jpg", "The caption", NULL },
	{ "figcaption with cite credit",
	  "<figure><img src=\"//cdn.example/p.jpg\"><figcaption>Gulls over the"
	  " harbour. <cite>Jane Roe/Coastal Ledger</cite></figcaption></figure>"
	  "<p>Text.</p>",
	  "Text.", "https://cdn.example/p.jpg", "Gulls over the harbour.",
	  "Jane Roe/Coastal Ledger" },
	{ "figcaption with small credit",
	  "<figure><img src=\"p.jpg\"><figcaption>Gulls. <small>Photo: Ann Lee"
	  "</small></figcaption></figure>",
	  "", "https://ledger.example/news/2023/p.jpg", "Gulls.", "Photo: Ann Lee" },
	{ "figure without caption uses alt",
	  "<figure><img src=\"p.jpg\" alt=\"A crane lifts a beam\"></figure><p>x</p>",
	  "x", "https://ledger.example/news/2023/p.jpg", "A crane lifts a beam", NULL },
	{ "img alt",
	  "<p><img src=\"https://img.example/crane.jpg\" alt=\"A crane on the quay\">"
	  "Repairs began on Monday.</p>",
	  "Repairs began on Monday.", "https://img.example/crane.jpg",
	  "A crane on the quay", NULL },
	{ "img title when no alt",
	  "<img src=\"c.png\" title=\"Quay at dawn\"><p>Text</p>",
	  "Text", "https://ledger.example/news/2023/c.png", "Quay at dawn", NULL },
	{ "tracking pixel skipped",
	  "<img src=\"/px.gif\" width=\"1\" height=\"1\"><img src=\"/real.jpg\" alt=\"Real\">"
	  "<p>Text</p>",
	  "Text", "https://ledger.example/real.jpg", "Real", NULL },
	{ "emoji image skipped",
	  "<p>Good news <img class=\"wp-smiley emoji\" src=\"/e/1f600.png\" alt=\"x\">"
	  "</p><img src=\"/real.jpg\" alt=\"Real\">",
	  "Good news", "https://ledger.example/real.jpg", "Real", NULL },
	{ "srcset only",
	  "<img srcset=\"/s/a-640.jpg 640w, /s/a-1280.jpg 1280w\" alt=\"Set\">",
	  "", "https://ledger.example/s/a-640.jpg", "Set", NULL },
	{ "lazy image data-src",
	  "<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/lazy.jpg\" alt=\"Lazy\">",
	  "", "https://ledger.example/lazy.jpg", "Lazy", NULL },
	{ "caption paragraph removed",
	  "<img src=\"/p.jpg\"><p>In this photo taken Tuesday, a ferry leaves Port"
	  " Alder.</p><p>The service resumed after four days.</p>",
	  "The service resumed after four days.", "https://ledger.example/p.jpg",
	  "In this photo taken Tuesday, a ferry leaves Port Alder.", NULL },
	{ "caption paragraph without picture",
	  "<p>Photo: Volunteers clear the beach.</p><p>Hundreds came.</p>",
	  "Hundreds came.", "", "Photo: Volunteers clear the beach.", NULL },
	{ "caption line before br in implied paragraph",
	  "In this photo, a ferry leaves Port Alder.<br><br>The ferry sailed"
	  " again on Thursday.",
	  "The ferry sailed again on Thursday.", "",
	  "In this photo, a ferry leaves Port Alder.", NULL },
	{ "caption line inside div",
	  "<div><b>Photo:</b> Gulls on the pier.<br/>Story starts here.<p>More.</p></div>",
	  "Story starts here.\n\nMore.", "", "Photo: Gulls on the pier.", NULL },
	{ "caption line in the middle of a paragraph",
	  "<p>First line.<br>(Photo/Harbour Wire)<br>Last line.</p>",
	  "First line.\nLast line.", "", NULL, "Photo/Harbour Wire" },
	{ "ap credit split",
	  "<p>The council met on Monday.</p><p>Workers repair the pier in Port Alder,"
	  " Tuesday, Oct. 17, 2023. (AP Photo/Jane Roe)</p><p>More text.</p>",
	  "The council met on Monday.\n\nMore text.", "",
	  "Workers repair the pier in Port Alder, Tuesday, Oct. 17, 2023.",
	  "AP Photo/Jane Roe" },
	{ "caption paragraph beats alt",
	  "<img src=\"p.jpg\" alt=\"p.jpg\"><p>In this image, the new pier.</p>",
	  "", "https://ledger.example/news/2023/p.jpg", "In this image, the new pier.",
	  NULL },
	{ "figcaption beats caption paragraph; paragraph still removed",
	  "<figure><img src=\"p.jpg\"><figcaption>The pier</figcaption></figure>"
	  "<p>Photo: the pier again</p><p>Body</p>",
	  "Body", "https://ledger.example/news/2023/p.jpg", "The pier", NULL },
	{ "photograph lead-in credit",
	  "<p>Storm clouds over the bay. Photograph: Ann Lee/Harbour Wire</p>"
	  "<p>Body</p>",
	  "Body", "", "Storm clouds over the bay.", "Ann Lee/Harbour Wire" },
	{ "photo by is a credit",
	  "<img src=\"p.jpg\" alt=\"Cliffs\"><p>Photo by Ann Lee</p><p>Body</p>",
	  "Body", "https://ledger.example/news/2023/p.jpg", "Cliffs", "Ann Lee" },
	{ "japanese caption",
	  "<img src=\"/j.jpg\"><p>写真：再開した連絡船＝19日、港町で</p>"
	  "<p>連絡船が4日ぶりに運航を再開した。</p>",
	  "連絡船が4日ぶりに運航を再開した。", "https://ledger.example/j.jpg",
	  "写真：再開した連絡船＝19日、港町で", NULL },
	{ "japanese satsuei caption",
	  "<p>桟橋を修理する作業員＝18日、港町で撮影</p><p>本文です。</p>",
	  "本文です。", "", "桟橋を修理する作業員＝18日、港町で撮影", NULL },
	{ "japanese credit in brackets",
	  "<p>再開した連絡船（写真：港町新報）</p><p>本文。</p>",
	  "本文。", "", "再開した連絡船", "港町新報" },
	{ "agency photo credit",
	  "<p>Lanterns float on the harbour at dusk. (Coastal Wire Photo/Jan Novak)</p>"
	  "<p>Body.</p>",
	  "Body.", "", "Lanterns float on the harbour at dusk.", "Coastal Wire Photo/Jan Novak" },
	{ "agency and name credit",
	  "<p>Lanterns float on the harbour at dusk. (Reuters/Jan Novak)</p><p>Body.</p>",
	  "Body.", "", "Lanterns float on the harbour at dusk.", "Reuters/Jan Novak" },
	{ "photo lead-in in brackets",
	  "<p>Cranes at dawn in Port Alder (Photo: Jan Novak)</p><p>Body.</p>",
	  "Body.", "", "Cranes at dawn in Port Alder", "Jan Novak" },
	{ "photo name and agency closing the paragraph",
	  "<p>Cranes at dawn. Photo: Jan Novak/Coastal Wire</p><p>Body.</p>",
	  "Body.", "", "Cranes at dawn.", "Jan Novak/Coastal Wire" },
	{ "credit opening the paragraph",
	  "<p>(Reuters/Jan Novak) Lanterns float on the harbour.</p><p>Body.</p>",
	  "Body.", "", "Lanterns float on the harbour.", "Reuters/Jan Novak" },
	{ "japanese satsuei credit in brackets",
	  "<p>再開した連絡船（撮影：港町新報）</p><p>本文。</p>",
	  "本文。", "", "再開した連絡船", "港町新報" },
	{ "a paragraph that mentions a photo is no caption",
	  "<p>The council published a photo of the new bridge on Tuesday.</p><p>Body.</p>",
	  "The council published a photo of the new bridge on Tuesday.\n\nBody.",
	  NULL, NULL, NULL },
	{ "in this year's programme is no caption",
	  "<p>In this year's programme the choir sings twelve songs.</p><p>Body.</p>",
	  "In this year's programme the choir sings twelve songs.\n\nBody.", NULL, NULL,
	  NULL },
	{ "numbers in brackets are no credit",
	  "<p>Turnout rose sharply (2019/2023)</p><p>Body.</p>",
	  "Turnout rose sharply (2019/2023)\n\nBody.", NULL, NULL, NULL },
	{ "lower-case words in brackets are no credit",
	  "<p>Visitors may bring food (and/or drink)</p><p>Body.</p>",
	  "Visitors may bring food (and/or drink)\n\nBody.", NULL, NULL, NULL },
	{ "long paragraph is not a caption",
	  "<p>Photo: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</p>",
	  NULL, NULL, NULL, NULL },
	{ "hostile caption sanitised",
	  "<figure><img src=\"p.jpg\"><figcaption>\x1b]0;owned\x07Safe &#27;[2Jcaption"
	  "</figcaption></figure>",
	  "", "https://ledger.example/news/2023/p.jpg", "Safe [2Jcaption", NULL },
	{ "empty input", "", "", NULL, NULL, NULL },
};

static void
check_str(const char *name, const char *field, const char *got, const char *want)
{
	if (want == NULL) {
		return;
	}
	if (got == NULL) {
		got = "";
	}
	if (strcmp(got, want) != 0) {
		print_error("case '%s' %s: got '%s' want '%s'\n", name, field, got, want);
	}
	assert_string_equal(got, want);
}

static void
test_extract(void **state)
{
	struct html_parts parts;
	struct nf_error err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(extract_cases) / sizeof(extract_cases[0]); i++) {
		const struct extract_case *c = &extract_cases[i];

		assert_int_equal(html_extract(c->html, strlen(c->html), BASE, 0.6,
		                              &parts, &err), NF_OK);
		assert_non_null(parts.text);
		check_str(c->name, "text", parts.text, c->text);
		if (c->url == NULL && c->caption == NULL && c->credit == NULL) {
			if (parts.image != NULL) {
				print_error("case '%s': unexpected image\n", c->name);
			}
			assert_null(parts.image);
		} else {
			if (parts.image == NULL) {
				print_error("case '%s': no image\n", c->name);
			}
			assert_non_null(parts.image);
			check_str(c->name, "url", parts.image->url, c->url);
			check_str(c->name, "caption", parts.image->caption, c->caption);
			check_str(c->name, "credit", parts.image->credit,
			          c->credit != NULL ? c->credit : "");
		}
		html_parts_free(&parts);
	}
}

static void
check_same_image(const char *name, const struct nf_image *a, const struct nf_image *b)
{
	if ((a == NULL) != (b == NULL)) {
		print_error("case '%s': image in one only\n", name);
	}
	assert_true((a == NULL) == (b == NULL));
	if (a != NULL) {
		check_str(name, "url", b->url, nf_str(a->url));
		check_str(name, "caption", b->caption, nf_str(a->caption));
		check_str(name, "credit", b->credit, nf_str(a->credit));
	}
}

/* html_extract_text() gives html_extract()'s parts but the article text,
 * on the fast reader's input and on libxml2's (a list, a link, a
 * related block, a caption paragraph). */
static void
test_extract_text(void **state)
{
	static const struct {
		const char *name, *html;
	} more[] = {
		{ "links and a list", "<p>See <a href=\"/a\">this</a>.</p><ul><li>one</li><li>two</li></ul>" },
		{ "quote", "<blockquote><p>Said so.</p></blockquote><p>After.</p>" },
		{ "related block", "<p>Body.</p><p><b>Related:</b></p><ul><li><a href=\"/x\">Harbour "
		  "ferry opens</a></li><li><a href=\"/y\">Bridge closes early</a></li></ul>" },
		{ "caption paragraph", "<img src=\"/p.jpg\"><p>Photo: A harbour at dawn.</p><p>Text.</p>" },
		{ "comment", "<p>One<!-- x --> two <a href=\"/z\">three</a></p>" },
		{ "figure of a tracking pixel, then one of a picture",
		  "<figure><img src=\"t.gif\" width=\"1\"><figcaption>Pixel</figcaption></figure>"
		  "<p>Text.</p><figure><img src=\"p.jpg\"><figcaption>Pier</figcaption></figure>"
		  "<p>More.</p>" },
		{ "emoji figure", "<figure><img class=\"wp-smiley\" src=\"s.png\">Smile</figure>"
		  "<p>Text.</p>" },
		{ "figure in a figure", "<figure><figure><img src=\"p.jpg\"></figure>"
		  "<figcaption>Both</figcaption></figure><p>Text.</p>" },
		{ "figure without a picture", "<figure>Quote</figure><p>Text.</p>" },
		{ "two figures", "<figure><img src=\"a.jpg\">A</figure><figure><img src=\"b.jpg\">B"
		  "</figure><p>Text.</p>" },
	};
	size_t n = sizeof(extract_cases) / sizeof(extract_cases[0]), i, k;

	(void)state;
	for (i = 0; i < n + sizeof(more) / sizeof(more[0]); i++) {
		const char *name = i < n ? extract_cases[i].name : more[i - n].name;
		const char *html = i < n ? extract_cases[i].html : more[i - n].html;
		struct html_parts full, text, bare;
		struct nf_error err;

		assert_int_equal(html_extract(html, strlen(html), BASE, 0.6, &full, &err), NF_OK);
		assert_int_equal(html_extract_text(html, strlen(html), BASE, 0.6, 0, &bare, &err),
		                 NF_OK);
		assert_int_equal(html_extract_text(html, strlen(html), BASE, 0.6, 1, &text, &err),
		                 NF_OK);
		check_str(name, "text", text.text, full.text);
		/* without the picture, the same text: a figure leaves it still */
		check_str(name, "text without the picture", bare.text, full.text);
		html_parts_free(&bare);
		if (text.article != NULL) {
			print_error("case '%s': article text made\n", name);
		}
		assert_null(text.article);
		check_same_image(name, full.image, text.image);
		assert_int_equal(text.nrelated, full.nrelated);
		for (k = 0; k < full.nrelated; k++) {
			check_str(name, "related", text.related[k].link, nf_str(full.related[k].link));
		}
		html_parts_free(&full);
		html_parts_free(&text);
	}
}

/* A caption paragraph is found wherever its word falls in the text,
 * which the fast reader's first look reads eight bytes at a time: the
 * fast way gives what libxml2's tree gives, the word at every offset. */
static void
test_caption_word_at_any_offset(void **state)
{
	static const char *const captions[] = {
		"Photo: Gulls on the pier.", "PICTURED: gulls.", "Image: the pier.",
		"写真：港の朝", "港の朝（撮影）", "Gulls (Harbour Wire/Jane Roe)",
	};
	char html[256], name[64], want[64];
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(captions) / sizeof(captions[0]); i++) {
		for (k = 0; k < 17; k++) {
			struct html_parts fast, tree;
			struct nf_error err;

			snprintf(html, sizeof(html), "<p>%.*s</p><p>%s</p><p>Body.</p>",
			         (int)k, "abcdefghijklmnopq", captions[i]);
			snprintf(name, sizeof(name), "caption %zu at %zu", i, k);
			assert_int_equal(html_extract(html, strlen(html), BASE, 0.6, &fast, &err), NF_OK);
			assert_int_equal(html_extract_tree(html, strlen(html), BASE, 0.6, &tree, &err),
			                 NF_OK);
			/* the caption paragraph is out of the text */
			snprintf(want, sizeof(want), "%.*s%sBody.", (int)k, "abcdefghijklmnopq",
			         k > 0 ? "\n\n" : "");
			check_str(name, "text", fast.text, want);
			check_str(name, "text", tree.text, want);
			check_same_image(name, tree.image, fast.image);
			html_parts_free(&fast);
			html_parts_free(&tree);
		}
	}
}

/* Without a base, a relative address stays as it is. */
static void
test_extract_no_base(void **state)
{
	static const char html[] = "<img src=\"img/a.jpg\" alt=\"A\">";
	struct html_parts parts;
	struct nf_error err;

	(void)state;
	assert_int_equal(html_extract(html, strlen(html), NULL, 0.6, &parts, &err), NF_OK);
	assert_non_null(parts.image);
	assert_string_equal(parts.image->url, "img/a.jpg");
	html_parts_free(&parts);
}

static char *
read_fixture(const char *name, size_t *len)
{
	char path[512];
	FILE *f;
	char *data;
	long n;

	snprintf(path, sizeof(path), "%s/tests/fixtures/html/%s", SRCDIR, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	data = malloc((size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return data;
}

struct page_case {
	const char *file;
	const char *want;
};

static const struct page_case page_cases[] = {
	{ "article-page.html",
	  "The ferry between Port Alder and Gull Island sailed again on Thursday,"
	  " four days after a storm tore part of the pier away.\n\n"
	  "Repairs took three shifts of workers \xe2\x80\x94 and a borrowed crane.\n\n"
	  "港の職員は「予定より早く再開できた」と話した。" },
	{ "plain-page.html",
	  "Orchard opens early\n\n"
	  "The valley orchard opened its gates a week early this year after a"
	  " warm spring.\n\n"
	  "Visitors can pick apples until the end of October, the owners said on"
	  " Monday.\n\nParking is free on weekdays." },
	{ "sjis-page.html",
	  "連絡船、4日ぶりに運航再開\n\n"
	  "嵐で桟橋の一部が壊れた港町と鴎島を結ぶ連絡船が、19日に運航を再開した。\n\n"
	  "港の職員は「予定より早く再開できた」と話した。" },
};

static void
test_article_text(void **state)
{
	size_t i, len;
	char *html, *got;

	(void)state;
	for (i = 0; i < sizeof(page_cases) / sizeof(page_cases[0]); i++) {
		html = read_fixture(page_cases[i].file, &len);
		got = html_article_text(html, len);
		assert_non_null(got);
		if (strcmp(got, page_cases[i].want) != 0) {
			print_error("page '%s': got '%s'\n", page_cases[i].file, got);
		}
		assert_string_equal(got, page_cases[i].want);
		free(got);
		free(html);
	}
}

static void
test_article_text_empty(void **state)
{
	static const char *const pages[] = {
		"", "<html><head><title>t</title></head><body></body></html>",
		"<nav>Home</nav><script>x()</script>",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		assert_null(html_article_text(pages[i], strlen(pages[i])));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract),
		cmocka_unit_test(test_extract_no_base),
		cmocka_unit_test(test_extract_text),
		cmocka_unit_test(test_caption_word_at_any_offset),
		cmocka_unit_test(test_article_text),
		cmocka_unit_test(test_article_text_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
