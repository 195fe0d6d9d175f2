/*
 * No text lost: random HTML (void and unknown elements, comments, CDATA,
 * broken nesting, entities, embedded frames and plug-ins, scripts and
 * styles) through every way HTML becomes text: htmltext_from_html()
 * (the fast reader, else libxml2's SAX parser), the fast reader's events
 * alone, libxml2's tree, and html_extract() with its tree twin. Every
 * visible word must arrive, once, in order. Visible words are "w" and a
 * number; words inside script, style, object, embed, iframe and applet
 * are "h" and a number and may go. The seed is fixed, so a failure
 * names a case that reproduces. (No <figure>: html_extract() takes its
 * text as the picture's caption, by design.)
 */
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

#include "src/html.h"
#include "src/htmlfast.h"
#include "src/htmltext.h"

#define CASES 4000
#define DOC_MAX 4096
#define WORDS_MAX 256

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t
rng(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

/* A document and the visible words it holds, in order. */
struct doc {
	char html[DOC_MAX];
	size_t len;
	unsigned words[WORDS_MAX];
	size_t nwords;
	unsigned next;		/* the next word's number */
};

static int
put(struct doc *d, const char *s)
{
	size_t n = strlen(s);

	if (d->len + n >= DOC_MAX) {
		return -1;
	}
	memcpy(d->html + d->len, s, n + 1);
	d->len += n;
	return 0;
}

static void
put_word(struct doc *d, int visible)
{
	char w[24];

	snprintf(w, sizeof(w), " %c%u ", visible ? 'w' : 'h', d->next);
	if (put(d, w) == 0 && visible && d->nwords < WORDS_MAX) {
		d->words[d->nwords++] = d->next;
	}
	d->next++;
}

/* Elements that hold visible text, known to the HTML reader or not. */
static const char *const opens[] = {
	"p", "b", "i", "em", "strong", "span", "div", "a href=\"/x?a=1&amp;b=2\"",
	"ul", "li", "ol", "blockquote", "h2", "section", "article", "font color=red",
	"x-widget", "foo", "u", "small", "cite", "pre", "code",
	"table", "tr", "td", "th", "dl", "dt", "dd", "center", "abbr title=\"t\"",
	"iframe src=\"https://v.example/e\"", "object data=\"m.swf\"", "applet code=a",
};

/* Markup that holds no visible word. */
static const char *const voids[] = {
	"<br>", "<br/>", "<hr>", "<img src=\"p.jpg\" alt=\"\">", "<wbr>", "<input type=text>",
	"<embed src=\"m.swf\">", "<embed src=x />", "<iframe src=\"f\"/>", "<!-- a comment -->",
	"<!-- <b>markup</b> inside -->", "<!---->", "<meta charset=utf-8>", "<p/>",
	"</nonesuch>", "</b>", "</p>", "</div>", "<param name=a value=b>", "<source src=s>",
	"&amp;", "&nbsp;", "&#8212;", "&#x2019;", "&#146;", "&eacute;", "&lt;", "&gt;",
	"&bogus;", " & ", "&#0;", "\xc2\xa0", "\n", "\t", "<![CDATA[]]>",
	"<object data=x></object>", "<iframe src=y></iframe>",
};

/* Elements whose content may go. */
static const char *const hidden[] = {
	"script", "style", "object", "embed", "iframe", "applet",
};

static void
put_hidden(struct doc *d)
{
	char buf[160];
	const char *e = hidden[rng(sizeof(hidden) / sizeof(hidden[0]))];
	char word[16];

	snprintf(word, sizeof(word), "h%u", d->next++);
	if (strcmp(e, "script") == 0) {
		snprintf(buf, sizeof(buf), "<script>if (a < b && c) { x('%s</p>'); }</script>", word);
	} else if (strcmp(e, "style") == 0) {
		snprintf(buf, sizeof(buf), "<style>p > %s { color: red }</style>", word);
	} else {
		snprintf(buf, sizeof(buf), "<%s src=\"x\">%s</%s>", e, word, e);
	}
	put(d, buf);
}

static void
put_cdata(struct doc *d)
{
	char buf[48];

	snprintf(buf, sizeof(buf), "<![CDATA[ w%u ]]>", d->next);
	if (put(d, buf) == 0 && d->nwords < WORDS_MAX) {
		d->words[d->nwords++] = d->next;
	}
	d->next++;
}

/* One random document: elements opened, closed in order, out of order or
 * never; words, void markup, hidden elements and CDATA between. */
static void
random_doc(struct doc *d)
{
	const char *stack[24];
	size_t depth = 0, k, n = 1 + rng(60);
	char tag[80];

	d->len = 0;
	d->nwords = 0;
	d->html[0] = '\0';
	for (k = 0; k < n; k++) {
		uint32_t r = rng(20);

		if (r < 4 && depth < 24) {
			const char *o = opens[rng(sizeof(opens) / sizeof(opens[0]))];

			snprintf(tag, sizeof(tag), rng(8) == 0 ? "<%s/>" : "<%s>", o);
			stack[depth++] = o;
			put(d, tag);
		} else if (r < 7 && depth > 0) {
			const char *o = stack[rng(5) == 0 ? rng((uint32_t)depth) : depth - 1];

			snprintf(tag, sizeof(tag), "</%.*s>", (int)strcspn(o, " "), o);
			depth--;
			put(d, tag);
		} else if (r < 13) {
			put_word(d, 1);
		} else if (r < 17) {
			put(d, voids[rng(sizeof(voids) / sizeof(voids[0]))]);
		} else if (r < 19) {
			put_hidden(d);
		} else {
			put_cdata(d);
		}
	}
}

/* Whether text holds exactly the document's visible words, in order:
 * every "w" number, none twice, none out of order. */
static int
words_arrive(const struct doc *d, const char *text, char *why, size_t whylen)
{
	const char *p = text;
	size_t i = 0;

	while ((p = strchr(p, 'w')) != NULL) {
		char *end;
		unsigned long v;

		if (p > text && ((p[-1] >= '0' && p[-1] <= '9') || p[-1] == 'h')) {
			p++;
			continue;
		}
		v = strtoul(p + 1, &end, 10);
		if (end == p + 1) {
			p++;
			continue;
		}
		if (i >= d->nwords || v != d->words[i]) {
			snprintf(why, whylen, "word %zu: got w%lu, want %s%u", i, v,
			         i < d->nwords ? "w" : "nothing, not ", i < d->nwords ? d->words[i] : 0);
			return 0;
		}
		i++;
		p = end;
	}
	if (i != d->nwords) {
		snprintf(why, whylen, "w%u lost (%zu of %zu arrived)", d->words[i], i, d->nwords);
		return 0;
	}
	return 1;
}

static void
check(const struct doc *d, unsigned c, const char *path, char *text)
{
	char why[96];

	assert_non_null(text);
	if (!words_arrive(d, text, why, sizeof(why))) {
		print_error("case %u, %s: %s\nhtml: %s\ntext: %s\n", c, path, why, d->html, text);
		fail();
	}
	free(text);
}

static char *
tree_text(const struct doc *d)
{
	htmlDocPtr t = htmltext_parse(d->html, d->len);
	char *text;

	if (t == NULL) {
		return strdup("");
	}
	text = htmltext_from_tree((const xmlNode *)t, 0);
	xmlFreeDoc(t);
	return text;
}

static char *
extract_text(const struct doc *d, int tree)
{
	struct html_parts parts;
	struct nf_error err;
	char *text;
	enum nf_status rc = tree ? html_extract_tree(d->html, d->len, NULL, 0.6, &parts, &err)
	                         : html_extract(d->html, d->len, NULL, 0.6, &parts, &err);

	assert_int_equal(rc, NF_OK);
	text = parts.text;
	parts.text = NULL;
	html_parts_free(&parts);
	return text;
}

static void
test_no_word_lost(void **state)
{
	struct doc d = { .next = 0 };
	struct htmlfast_doc *fast;
	unsigned c, accepted = 0;

	(void)state;
	for (c = 0; c < CASES; c++) {
		random_doc(&d);
		check(&d, c, "htmltext_from_html", htmltext_from_html(d.html, d.len));
		check(&d, c, "libxml2 tree", tree_text(&d));
		check(&d, c, "html_extract", extract_text(&d, 0));
		check(&d, c, "html_extract_tree", extract_text(&d, 1));
		if (htmlfast_lex(d.html, d.len, NULL, &fast) == HTMLFAST_OK) {
			accepted++;
			check(&d, c, "fast reader", htmltext_from_events(fast, 0));
			htmlfast_doc_free(fast);
		}
	}
	printf("# %u random documents, every visible word arrived through 4 paths"
	       " (%u also read by the fast reader)\n", CASES, accepted);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_word_lost),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
