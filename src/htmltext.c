/*
 * HTML to plain text by one set of rules, whoever reads the HTML:
 * libxml2's SAX parser, its tree (for callers that hold one), or the
 * events of htmlfast.c for the simple HTML most items carry. Every piece
 * of text passes the gate (text.h) on its way out.
 */
#include "autoconfig.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "src/buf.h"
#include "src/htmlfast.h"
#include "src/htmlprep.h"
#include "src/htmltext.h"
#include "src/text.h"

/* The text is never longer than a few bytes per input byte, so this
 * ceiling only stops arithmetic from wrapping. */
#define HTMLTEXT_MAX (SIZE_MAX / 4)

/* How feed HTML is read: never from the network, silently, as far as it
 * goes. */
/* XML_PARSE_HUGE lifts libxml2's nesting limit from 256 to 2048: feeds
 * nest deeper than 256 and lost their whole text. The tree walkers here
 * do not recurse, and input size is bounded by the feed's max-size. */
#define HTMLTEXT_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR \
                          | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER \
                          | XML_PARSE_HUGE)

/* How an element shapes the text around it. */
enum tag_kind {
	TAG_INLINE,	/* not in the table */
	TAG_SKIP,	/* dropped with everything inside */
	TAG_PAGE_SKIP,	/* dropped only from whole web pages */
	TAG_PARA,	/* a paragraph break before and after */
	TAG_LINE,	/* a line break before and after */
	TAG_CELL,	/* a space before and after */
	TAG_PRE		/* a paragraph whose whitespace is kept */
};

struct tag_rule {
	const char *name;
	enum tag_kind kind;
};

/* Sorted by name for bsearch(). <head> is dropped only from whole pages:
 * in an item's HTML, libxml2 files the text after a leading <script>
 * under the <head> it implies. */
static const struct tag_rule tag_rules[] = {
	{ "address", TAG_PARA }, { "article", TAG_PARA },
	{ "aside", TAG_PAGE_SKIP }, { "audio", TAG_SKIP },
	{ "blockquote", TAG_PARA }, { "br", TAG_LINE }, { "button", TAG_SKIP },
	{ "canvas", TAG_SKIP }, { "caption", TAG_LINE }, { "dd", TAG_LINE },
	{ "details", TAG_PARA }, { "div", TAG_LINE }, { "dl", TAG_LINE },
	{ "dt", TAG_LINE }, { "embed", TAG_SKIP }, { "fieldset", TAG_PARA },
	{ "figcaption", TAG_LINE }, { "figure", TAG_PARA },
	{ "footer", TAG_PAGE_SKIP }, { "form", TAG_PAGE_SKIP },
	{ "h1", TAG_PARA }, { "h2", TAG_PARA }, { "h3", TAG_PARA },
	{ "h4", TAG_PARA }, { "h5", TAG_PARA }, { "h6", TAG_PARA },
	{ "head", TAG_PAGE_SKIP }, { "header", TAG_PAGE_SKIP }, { "hr", TAG_PARA },
	{ "li", TAG_LINE }, { "main", TAG_PARA },
	{ "nav", TAG_PAGE_SKIP }, { "noscript", TAG_SKIP },
	{ "ol", TAG_LINE }, { "p", TAG_PARA },
	{ "pre", TAG_PRE }, { "script", TAG_SKIP }, { "section", TAG_PARA },
	{ "select", TAG_SKIP }, { "style", TAG_SKIP }, { "summary", TAG_LINE },
	{ "table", TAG_PARA }, { "td", TAG_CELL },
	{ "template", TAG_SKIP }, { "textarea", TAG_SKIP }, { "th", TAG_CELL },
	{ "title", TAG_SKIP }, { "tr", TAG_LINE }, { "ul", TAG_LINE },
	{ "video", TAG_SKIP },
};

static int
tag_rule_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag_rule *)elem)->name);
}

static enum tag_kind
tag_kind_of(const xmlChar *name, unsigned flags)
{
	const struct tag_rule *r;

	if (name == NULL) {
		return TAG_INLINE;
	}
	r = bsearch(name, tag_rules, sizeof(tag_rules) / sizeof(tag_rules[0]),
	            sizeof(tag_rules[0]), tag_rule_cmp);
	if (r == NULL) {
		return TAG_INLINE;
	}
	if (r->kind == TAG_PAGE_SKIP) {
		return (flags & HTMLTEXT_PAGE) ? TAG_SKIP : TAG_PARA;
	}
	return r->kind;
}

/* Breaks wait in out.pending until text follows, so that nested and empty
 * blocks never pile up blank lines and the text never ends in one. */
enum brk { BRK_NONE, BRK_SPACE, BRK_LINE, BRK_PARA };

struct out {
	struct buf b;
	struct buf scratch;	/* one text node, sanitised; reused */
	enum brk pending;
	int pre;		/* depth of <pre> */
	int svg;		/* depth of <svg> */
	int lines;		/* plain text: newlines are line breaks */
	int skip;		/* depth inside a dropped element (SAX) */
	size_t starts;		/* start events so far (SAX) */
	size_t drop;		/* the start event whose element is dropped */
	struct text_gate esc;	/* an escape sequence split across text runs */
	enum nf_status rc;
};

static void
out_break(struct out *o, enum brk k)
{
	if (k > o->pending) {
		o->pending = k;
	}
}

static void
out_flush(struct out *o)
{
	static const char *const text[] = { "", " ", "\n", "\n\n" };
	enum brk k = o->pending;

	o->pending = BRK_NONE;
	if (o->b.len == 0 || k == BRK_NONE) {
		return;
	}
	if (k == BRK_SPACE && o->b.data[o->b.len - 1] == '\n') {
		return;
	}
	if (o->rc == NF_OK) {
		o->rc = buf_add_str(&o->b, text[k]);
	}
}

static void
out_add(struct out *o, const char *s, size_t n)
{
	out_flush(o);
	if (o->rc == NF_OK) {
		o->rc = buf_add(&o->b, s, n);
	}
}

/* Folds whitespace runs in s[0..n) to single spaces in place; returns the
 * new length and tells whether s began or ended with whitespace. */
static size_t
fold_spaces(char *s, size_t n, int *lead, int *trail)
{
	size_t i, j = 0, sp;
	int gap = 0;

	*lead = 0;
	for (i = 0; i < n; ) {
		sp = text_space_len(s + i, n - i);
		if (sp > 0) {
			if (j == 0) {
				*lead = 1;
			} else {
				gap = 1;
			}
			i += sp;
			continue;
		}
		if (gap) {
			s[j++] = ' ';
			gap = 0;
		}
		s[j++] = s[i++];
	}
	*trail = gap;
	return j;
}

/* Plain text: a newline is a line break, a blank line a paragraph. */
static void
out_lines(struct out *o, const char *s, size_t n)
{
	size_t i, j, sp;

	for (i = 0; i < n; ) {
		sp = text_space_len(s + i, n - i);
		if (sp > 0) {
			if (s[i] == '\n') {
				out_break(o, o->pending >= BRK_LINE ? BRK_PARA : BRK_LINE);
			} else {
				out_break(o, BRK_SPACE);
			}
			i += sp;
			continue;
		}
		for (j = i + 1; j < n && text_space_len(s + j, n - j) == 0; j++) {
			;
		}
		out_add(o, s + i, j - i);
		i = j;
	}
}

/* Adds one run of text: sanitised, whitespace folded (kept inside
 * <pre>), with a break pending where the run began or ended in space. */
static void
out_text(struct out *o, const char *raw, size_t rawlen)
{
	size_t n;
	int lead, trail;

	buf_reset(&o->scratch);
	if (o->rc == NF_OK) {
		o->rc = text_gate_add(&o->esc, &o->scratch, raw, rawlen);
	}
	if (o->rc != NF_OK || o->scratch.len == 0) {
		return;
	}
	if (o->pre > 0) {
		out_add(o, o->scratch.data, o->scratch.len);
	} else if (o->lines) {
		out_lines(o, o->scratch.data, o->scratch.len);
	} else {
		n = fold_spaces(o->scratch.data, o->scratch.len, &lead, &trail);
		if (lead) {
			out_break(o, BRK_SPACE);
		}
		if (n > 0) {
			out_add(o, o->scratch.data, n);
		}
		if (trail) {
			out_break(o, BRK_SPACE);
		}
	}
}

static enum brk
kind_break(enum tag_kind k)
{
	switch (k) {
	case TAG_PARA:
	case TAG_PRE:
		return BRK_PARA;
	case TAG_LINE:
		return BRK_LINE;
	case TAG_CELL:
		return BRK_SPACE;
	default:
		return BRK_NONE;
	}
}

/* A picture drawn in SVG says what it shows in its <title> and <desc>,
 * the text a screen reader speaks for it; a reader that cannot draw it
 * shows that text, as it would the words of a <text>. */
static int
is_svg_words(const struct out *o, const char *name)
{
	return o->svg > 0 && (strcmp(name, "title") == 0 || strcmp(name, "desc") == 0);
}

/* An element opens: its break goes pending. Returns zero when the
 * element is dropped with its content. */
static int
elem_open(struct out *o, const char *name, enum tag_kind k)
{
	if (is_svg_words(o, name)) {
		k = TAG_CELL;
	}
	o->svg += strcmp(name, "svg") == 0;
	if (k == TAG_SKIP) {
		return 0;
	}
	/* <br> is a line break of its own: two in a row make a paragraph. */
	if (strcmp(name, "br") == 0) {
		out_break(o, o->pending >= BRK_LINE ? BRK_PARA : BRK_LINE);
		return 1;
	}
	out_break(o, kind_break(k));
	if (k == TAG_PRE) {
		o->pre++;
	}
	return 1;
}

static void
elem_close(struct out *o, const char *name, enum tag_kind k)
{
	if (strcmp(name, "svg") == 0 && o->svg > 0) {
		o->svg--;
	}
	if (is_svg_words(o, name)) {
		k = TAG_CELL;
	}
	if (k == TAG_SKIP || strcmp(name, "br") == 0) {
		return;
	}
	if (k == TAG_PRE && o->pre > 0) {
		o->pre--;
	}
	out_break(o, kind_break(k));
}

/* Opens node; returns nonzero when its children are to be walked. */
static int
walk_enter(struct out *o, const xmlNode *n, unsigned flags)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL) {
			out_text(o, (const char *)n->content, strlen((const char *)n->content));
		}
		return 0;
	}
	if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) {
		return 1;
	}
	if (n->type != XML_ELEMENT_NODE) {
		return 0;
	}
	return elem_open(o, (const char *)n->name, tag_kind_of(n->name, flags));
}

static void
walk_leave(struct out *o, const xmlNode *n, unsigned flags)
{
	if (n->type == XML_ELEMENT_NODE) {
		elem_close(o, (const char *)n->name, tag_kind_of(n->name, flags));
	}
}

/* Walks the subtree without recursion: hostile HTML can nest deeper than
 * the stack would like. */
static void
walk(struct out *o, const xmlNode *top, unsigned flags)
{
	const xmlNode *n = top;

	while (n != NULL && o->rc == NF_OK) {
		if (walk_enter(o, n, flags) && n->children != NULL) {
			n = n->children;
			continue;
		}
		for (;;) {
			walk_leave(o, n, flags);
			if (n == top) {
				return;
			}
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

static void
out_init(struct out *o, int lines)
{
	buf_init(&o->b, HTMLTEXT_MAX);
	buf_init(&o->scratch, HTMLTEXT_MAX);
	o->pending = BRK_NONE;
	o->pre = 0;
	o->svg = 0;
	o->lines = lines;
	o->skip = 0;
	o->starts = 0;
	o->drop = 0;
	o->esc = (struct text_gate)TEXT_GATE_INIT;
	o->rc = NF_OK;
}

static char *
out_finish(struct out *o)
{
	buf_free(&o->scratch);
	if (o->rc != NF_OK) {
		buf_free(&o->b);
		return NULL;
	}
	return buf_take(&o->b);
}

char *
htmltext_from_range(const xmlNode *first, const xmlNode *last, unsigned flags)
{
	struct out o;
	const xmlNode *n;

	out_init(&o, 0);
	for (n = first; n != NULL; n = n->next) {
		walk(&o, n, flags);
		if (n == last) {
			break;
		}
	}
	return out_finish(&o);
}

char *
htmltext_from_tree(const xmlNode *node, unsigned flags)
{
	return htmltext_from_range(node, node, flags);
}

static int
has_byte(const char *s, size_t n, int c)
{
	return memchr(s, c, n) != NULL;
}

/* html made ready for libxml2: valid UTF-8 (invalid bytes would make it
 * read the whole rest of the input as Latin-1), then rewritten so that
 * it loses no text there (htmlprep.h). Returns a new string (free() it), its length in *len;
 * NULL when out of memory. */
static char *
parser_input(const char *html, size_t *len)
{
	char *copy = NULL, *ready;

	if (!text_is_clean(html, *len)) {
		html = copy = text_sanitize(html, *len);
		if (copy == NULL) {
			return NULL;
		}
		*len = strlen(copy);
	}
	ready = htmlprep_rewrite(html, *len, len);
	free(copy);
	return ready;
}

htmlDocPtr
htmltext_parse(const char *html, size_t len)
{
	htmlDocPtr doc;
	char *ready = parser_input(html, &len);

	if (ready == NULL) {
		return NULL;
	}
	/* COMPACT keeps short text inside its node: fewer allocations. */
	doc = htmlReadMemory(ready, len > INT_MAX ? INT_MAX : (int)len, NULL, "UTF-8",
	                     HTMLTEXT_OPTIONS | HTML_PARSE_COMPACT);
	free(ready);
	return doc;
}

/* SAX callbacks: htmltext_from_html() needs no tree, and not building one
 * halves the work per item. */
static void
sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct out *o = ctx;

	(void)atts;
	o->starts++;
	if (o->skip > 0 || o->starts == o->drop
	    || !elem_open(o, (const char *)name, tag_kind_of(name, 0))) {
		o->skip++;
	}
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	struct out *o = ctx;

	if (o->skip > 0) {
		o->skip--;
		return;
	}
	elem_close(o, (const char *)name, tag_kind_of(name, 0));
}

static void
sax_text(void *ctx, const xmlChar *ch, int len)
{
	struct out *o = ctx;

	if (o->skip == 0 && len > 0) {
		out_text(o, (const char *)ch, (size_t)len);
	}
}

static void
sax_parse(struct out *o, const char *html, size_t len)
{
	htmlParserCtxtPtr ctxt;
	htmlDocPtr doc;
	char *ready = parser_input(html, &len);

	ctxt = ready != NULL ? htmlNewParserCtxt() : NULL;
	if (ctxt == NULL) {
		free(ready);
		o->rc = NF_ERR_NOMEM;
		return;
	}
	memset(ctxt->sax, 0, sizeof(*ctxt->sax));
	ctxt->sax->startElement = sax_start;
	ctxt->sax->endElement = sax_end;
	ctxt->sax->characters = sax_text;
	ctxt->sax->ignorableWhitespace = sax_text;
	ctxt->sax->cdataBlock = sax_text;
	ctxt->userData = o;
	doc = htmlCtxtReadMemory(ctxt, ready, len > INT_MAX ? INT_MAX : (int)len, NULL,
	                         "UTF-8", HTMLTEXT_OPTIONS);
	xmlFreeDoc(doc);	/* none is built; NULL is a no-op */
	htmlFreeParserCtxt(ctxt);
	free(ready);
}

static const struct htmlfast_sax events_sax = { sax_start, sax_end, sax_text };

char *
htmltext_from_html(const char *html, size_t len)
{
	struct out o;
	int tags = has_byte(html, len, '<');
	enum htmlfast_status st;

	out_init(&o, !tags);
	if (!tags && !has_byte(html, len, '&')) {
		/* Plain text: no parser needed. */
		out_text(&o, html, len);
	} else if (len > 0) {
		st = htmlfast_read(html, len, NULL, &events_sax, &o);
		if (st == HTMLFAST_DECLINED) {
			sax_parse(&o, html, len);
		} else if (st == HTMLFAST_NOMEM) {
			o.rc = NF_ERR_NOMEM;
		}
	}
	return out_finish(&o);
}

char *
htmltext_from_events(const struct htmlfast_doc *doc, size_t drop)
{
	struct out o;

	out_init(&o, 0);
	o.drop = drop;
	htmlfast_replay(doc, &events_sax, &o);
	return out_finish(&o);
}
