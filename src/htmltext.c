/*
 * HTML to plain text by one set of rules, whoever reads the HTML:
 * libxml2's SAX parser, its tree (for callers that hold one), or the
 * events of htmlfast.c for the simple HTML most items carry. Every piece
 * of text passes the gate (text.h) on its way out.
 */
#include "autoconfig.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "src/buf.h"
#include "src/htmlfast.h"
#include "src/htmlprep.h"
#include "src/htmltext.h"
#include "src/text.h"
#include "src/url.h"

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

/* Sorted by name for tag_rule_find(). <head> is dropped only from whole pages:
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

/* strcmp() of two short names, without a call. */
static int
name_cmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

/* The rule for name, or NULL: a binary search with its comparison
 * inline, since every element of every item's HTML is looked up here,
 * twice. */
static const struct tag_rule *
tag_rule_find(const char *name)
{
	size_t lo = 0, hi = sizeof(tag_rules) / sizeof(tag_rules[0]), mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = name_cmp(name, tag_rules[mid].name);
		if (c == 0) {
			return &tag_rules[mid];
		}
		if (c < 0) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	return NULL;
}

static enum tag_kind
tag_kind_of(const xmlChar *name, unsigned flags)
{
	const struct tag_rule *r;

	if (name == NULL) {
		return TAG_INLINE;
	}
	r = tag_rule_find((const char *)name);
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

/* Lists and quotes deeper than this are drawn at this depth. */
#define RICH_DEPTH 16
/* Links past this many keep their text but get no number. */
#define RICH_LINKS 9999

/* One open list or quote, which gives each line inside it a prefix. */
struct rich_level {
	char kind;		/* 'q' <blockquote>, 'u' <ul>, 'o' <ol> */
	int in_item;		/* a list's <li> is open */
	int marked;		/* and its marker has been drawn */
	long n;			/* <ol>: the number of the open item */
};

/* The article text (htmltext.h), built beside the plain text from the
 * same events. */
struct rich {
	struct buf t;
	struct buf links;	/* each link as written, ended by "\n" */
	size_t nlinks;
	struct rich_level lv[RICH_DEPTH];
	int depth;		/* open levels; past RICH_DEPTH, counted only */
	char *href;		/* the open <a>'s link, or NULL */
	int a_depth;		/* <a> inside <a> is one link */
	size_t a_start;		/* t's length when it opened */
	int col;		/* columns on the current <pre> line */
};

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
	struct rich *rich;	/* the article text too, or NULL */
	enum nf_status rc;
};

static void
out_break(struct out *o, enum brk k)
{
	if (k > o->pending) {
		o->pending = k;
	}
}

static const char *const brk_text[] = { "", " ", "\n", "\n\n" };

/* Writes break k into b by the rules of out_flush(). */
static void
brk_write(struct out *o, struct buf *b, enum brk k)
{
	if (b->len == 0 || k == BRK_NONE) {
		return;
	}
	if (k == BRK_SPACE && b->data[b->len - 1] == '\n') {
		return;
	}
	if (o->rc == NF_OK) {
		o->rc = buf_add_str(b, brk_text[k]);
	}
}

static void rich_add(struct out *o, const char *s, size_t n);

static void
out_flush(struct out *o)
{
	enum brk k = o->pending;

	o->pending = BRK_NONE;
	brk_write(o, &o->b, k);
	if (o->rich != NULL) {
		brk_write(o, &o->rich->t, k);
	}
}

static void
out_add(struct out *o, const char *s, size_t n)
{
	out_flush(o);
	if (o->rc == NF_OK) {
		o->rc = buf_add(&o->b, s, n);
	}
	if (o->rich != NULL) {
		rich_add(o, s, n);
	}
}

/* ---- the article text --------------------------------------------- */

static int
rich_at_line_start(const struct rich *r)
{
	return r->t.len == 0 || r->t.data[r->t.len - 1] == '\n';
}

static void
rich_put(struct out *o, const char *s, size_t n)
{
	if (o->rc == NF_OK) {
		o->rc = buf_add(&o->rich->t, s, n);
	}
}

/* A list level's part of a line's prefix: its item's marker on the
 * item's first line, else as many spaces. */
static void
rich_list_prefix(struct out *o, struct rich_level *lv)
{
	char mark[32];
	size_t n;

	if (lv->kind == 'o') {
		snprintf(mark, sizeof(mark), "%ld. ", lv->n);
	} else {
		snprintf(mark, sizeof(mark), "%s", lv->in_item ? "• " : "  ");
	}
	if (lv->in_item && !lv->marked) {
		lv->marked = 1;
		rich_put(o, mark, strlen(mark));
		return;
	}
	n = lv->kind == 'o' ? strlen(mark) : 2;
	rich_put(o, "                                ", n < 32 ? n : 32);
}

/* The prefix of a new line: a bar for each quote, an indent or marker
 * for each list, then the mark that says how the rest is laid out. A
 * plain line outside lists, quotes and <pre> has none. */
static void
rich_prefix(struct out *o, int pre)
{
	struct rich *r = o->rich;
	int i, n = r->depth < RICH_DEPTH ? r->depth : RICH_DEPTH;

	for (i = 0; i < n; i++) {
		if (r->lv[i].kind == 'q') {
			rich_put(o, "│ ", strlen("│ "));
		} else {
			rich_list_prefix(o, &r->lv[i]);
		}
	}
	if (pre) {
		rich_put(o, (const char[]){ HTMLTEXT_PRE }, 1);
	} else if (n > 0) {
		rich_put(o, (const char[]){ HTMLTEXT_WRAP }, 1);
	}
	r->col = 0;
}

/* Preformatted text, line by line: each line after its prefix, tabs
 * expanded to stops of 8, since the screen cuts rather than wraps. */
static void
rich_add_pre(struct out *o, const char *s, size_t n)
{
	struct rich *r = o->rich;
	size_t i, start = 0;

	for (i = 0; i <= n && o->rc == NF_OK; i++) {
		if (i < n && s[i] != '\n' && s[i] != '\t') {
			continue;
		}
		if (i > start || (i < n && s[i] == '\t')) {
			if (rich_at_line_start(r)) {
				rich_prefix(o, 1);
			}
		}
		rich_put(o, s + start, i - start);
		for (; start < i; start++) {
			r->col += ((unsigned char)s[start] & 0xC0) != 0x80;
		}
		if (i < n && s[i] == '\t') {
			do {
				rich_put(o, " ", 1);
			} while (++r->col % 8 != 0);
		} else if (i < n) {
			rich_put(o, "\n", 1);
		}
		start = i + 1;
	}
}

static void
rich_add(struct out *o, const char *s, size_t n)
{
	if (o->pre > 0) {
		rich_add_pre(o, s, n);
		return;
	}
	if (rich_at_line_start(o->rich)) {
		rich_prefix(o, 0);
	}
	rich_put(o, s, n);
}

static void
rich_push(struct rich *r, char kind, long start)
{
	if (r->depth < RICH_DEPTH) {
		r->lv[r->depth] = (struct rich_level){ kind, 0, 0, start - 1 };
	}
	r->depth++;
}

static void
rich_pop(struct rich *r, char kind)
{
	if (r->depth > RICH_DEPTH) {
		r->depth--;
	} else if (r->depth > 0 && r->lv[r->depth - 1].kind == kind) {
		r->depth--;
	}
}

/* The innermost open level when it is a list, else NULL. */
static struct rich_level *
rich_list(struct rich *r)
{
	struct rich_level *lv;

	if (r->depth == 0 || r->depth > RICH_DEPTH) {
		return NULL;
	}
	lv = &r->lv[r->depth - 1];
	return lv->kind == 'q' ? NULL : lv;
}

/* Whether an <a>'s href is worth a number: a web or mail address, or a
 * reference resolved later against the item's link; not a fragment of
 * this page, nor script. */
static int
rich_is_link(const char *href)
{
	static const char *const schemes[] = { "http:", "https:", "ftp:", "mailto:" };
	size_t i, n = strcspn(href, ":/?#");

	if (href[0] == '\0' || href[0] == '#') {
		return 0;
	}
	if (href[n] != ':') {
		return 1;	/* relative */
	}
	for (i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		if (strncasecmp(href, schemes[i], strlen(schemes[i])) == 0) {
			return 1;
		}
	}
	return 0;
}

static void
rich_open_link(struct rich *r, const char *href)
{
	char *clean;

	if (r->a_depth++ > 0 || href == NULL) {
		return;
	}
	clean = text_clean_line(href, strlen(href));
	if (clean != NULL && rich_is_link(clean)) {
		r->href = clean;
		r->a_start = r->t.len;
	} else {
		free(clean);
	}
}

/* The number of link, 1 for the first; an address already listed keeps
 * its number. 0 when out of memory or past RICH_LINKS. */
static size_t
rich_link_number(struct out *o, const char *link)
{
	struct rich *r = o->rich;
	size_t n = 1, len = strlen(link);
	const char *p = r->links.data, *end = p != NULL ? p + r->links.len : p, *nl;

	for (; p != NULL && p < end; p = nl + 1, n++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if ((size_t)(nl - p) == len && memcmp(p, link, len) == 0) {
			return n;
		}
	}
	if (r->nlinks >= RICH_LINKS || o->rc != NF_OK ||
	    (o->rc = buf_add(&r->links, link, len)) != NF_OK ||
	    (o->rc = buf_add(&r->links, "\n", 1)) != NF_OK) {
		return 0;
	}
	return ++r->nlinks;
}

/* The link closes: "[N]" follows its text, when it had any. */
static void
rich_close_link(struct out *o)
{
	struct rich *r = o->rich;
	char mark[32];
	size_t n;

	if (r->a_depth == 0 || --r->a_depth > 0 || r->href == NULL) {
		return;
	}
	if (r->t.len > r->a_start && (n = rich_link_number(o, r->href)) > 0) {
		snprintf(mark, sizeof(mark), "[%zu]", n);
		rich_put(o, mark, strlen(mark));
	}
	free(r->href);
	r->href = NULL;
}

/* An element opens or closes (open nonzero) in the article text; attr
 * is its href (<a>) or start (<ol>), or NULL. */
static void
rich_element(struct out *o, const char *name, int open, const char *attr)
{
	struct rich *r = o->rich;
	struct rich_level *lv;
	char *end;
	long start;

	if (strcmp(name, "a") == 0) {
		open ? rich_open_link(r, attr) : rich_close_link(o);
	} else if (strcmp(name, "blockquote") == 0) {
		open ? rich_push(r, 'q', 0) : rich_pop(r, 'q');
	} else if (strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0) {
		start = attr != NULL ? strtol(attr, &end, 10) : 1;
		if (attr != NULL && (end == attr || start < -999999 || start > 999999)) {
			start = 1;
		}
		open ? rich_push(r, name[0], start) : rich_pop(r, name[0]);
	} else if (strcmp(name, "li") == 0 && (lv = rich_list(r)) != NULL) {
		lv->n += open && lv->kind == 'o';
		lv->in_item = open;
		lv->marked = 0;
	}
}

/* The attribute rich_element() wants of name among atts (SAX order:
 * name, value, ..., NULL), or NULL. */
static const char *
rich_attr_name(const char *name)
{
	return strcmp(name, "a") == 0 ? "href" : strcmp(name, "ol") == 0 ? "start" : NULL;
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
		n = text_fold_spaces(o->scratch.data, o->scratch.len, &lead, &trail);
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
elem_open(struct out *o, const char *name, enum tag_kind k, const char *attr)
{
	if (is_svg_words(o, name)) {
		k = TAG_CELL;
	}
	o->svg += strcmp(name, "svg") == 0;
	if (k == TAG_SKIP) {
		return 0;
	}
	if (o->rich != NULL) {
		rich_element(o, name, 1, attr);
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
	if (o->rich != NULL) {
		rich_element(o, name, 0, NULL);
	}
	if (k == TAG_PRE && o->pre > 0) {
		o->pre--;
	}
	out_break(o, kind_break(k));
}

/* elem_open() for an element of a tree, with the attribute the article
 * text wants of it. */
static int
walk_open(struct out *o, const xmlNode *n, enum tag_kind k)
{
	const char *want = o->rich != NULL ? rich_attr_name((const char *)n->name) : NULL;
	xmlChar *attr = want != NULL ? xmlGetProp(n, (const xmlChar *)want) : NULL;
	int rc = elem_open(o, (const char *)n->name, k, (const char *)attr);

	xmlFree(attr);
	return rc;
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
	return walk_open(o, n, tag_kind_of(n->name, flags));
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
	o->rich = NULL;
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

/* The attribute the article text wants of an element, from its SAX
 * attributes; NULL when there is none or no article is being built. */
static const char *
sax_attr(const struct out *o, const xmlChar *name, const xmlChar **atts)
{
	const char *want = o->rich != NULL ? rich_attr_name((const char *)name) : NULL;

	for (; want != NULL && atts != NULL && atts[0] != NULL; atts += 2) {
		if (strcasecmp((const char *)atts[0], want) == 0) {
			return (const char *)atts[1];
		}
	}
	return NULL;
}
static void
sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct out *o = ctx;

	o->starts++;
	if (o->skip > 0 || o->starts == o->drop
	    || !elem_open(o, (const char *)name, tag_kind_of(name, 0), sax_attr(o, name, atts))) {
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

/* Reads html into o: plain text as is, simple HTML with htmlfast.c,
 * the rest with libxml2. */
static void
read_html(struct out *o, const char *html, size_t len)
{
	enum htmlfast_status st;

	if (o->lines && !has_byte(html, len, '&')) {
		/* Plain text: no parser needed. */
		out_text(o, html, len);
	} else if (len > 0) {
		st = htmlfast_read(html, len, NULL, &events_sax, o);
		if (st == HTMLFAST_DECLINED) {
			sax_parse(o, html, len);
		} else if (st == HTMLFAST_NOMEM) {
			o->rc = NF_ERR_NOMEM;
		}
	}
}

char *
htmltext_from_html(const char *html, size_t len)
{
	struct out o;

	out_init(&o, !has_byte(html, len, '<'));
	read_html(&o, html, len);
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

/* ---- the article text: entry points ------------------------------- */

static void
rich_start(struct out *o, struct rich *r)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->t, HTMLTEXT_MAX);
	buf_init(&r->links, HTMLTEXT_MAX);
	o->rich = r;
}

/* The article text from r, NULL in *article when it says no more than
 * the plain text; the plain text in *text. -1 when out of memory. */
static int
rich_finish(struct out *o, struct rich *r, char **text, char **article)
{
	*article = NULL;
	free(r->href);
	if (o->rc == NF_OK && r->nlinks > 0) {
		r->links.len--;		/* the last link's newline */
		if ((o->rc = buf_add(&r->t, (const char[]){ HTMLTEXT_LINKS }, 1)) == NF_OK) {
			o->rc = buf_add(&r->t, r->links.data, r->links.len);
		}
	}
	buf_free(&r->links);
	*text = out_finish(o);
	if (*text == NULL) {
		buf_free(&r->t);
		return -1;
	}
	if (r->t.len == strlen(*text) &&
	    (r->t.len == 0 || memcmp(r->t.data, *text, r->t.len) == 0)) {
		buf_free(&r->t);
		return 0;
	}
	if ((*article = buf_take(&r->t)) == NULL) {
		free(*text);
		*text = NULL;
		return -1;
	}
	return 0;
}

int
htmltext_article_from_html(const char *html, size_t len, char **text, char **article)
{
	struct out o;
	struct rich r;

	out_init(&o, !has_byte(html, len, '<'));
	rich_start(&o, &r);
	read_html(&o, html, len);
	return rich_finish(&o, &r, text, article);
}

int
htmltext_article_from_events(const struct htmlfast_doc *doc, size_t drop, char **text,
                             char **article)
{
	struct out o;
	struct rich r;

	out_init(&o, 0);
	rich_start(&o, &r);
	o.drop = drop;
	htmlfast_replay(doc, &events_sax, &o);
	return rich_finish(&o, &r, text, article);
}

int
htmltext_article_from_tree(const xmlNode *node, char **text, char **article)
{
	struct out o;
	struct rich r;

	out_init(&o, 0);
	rich_start(&o, &r);
	walk(&o, node, 0);
	return rich_finish(&o, &r, text, article);
}

int
htmltext_article_resolve(char **article, const char *base)
{
	char *links = *article != NULL ? strchr(*article, HTMLTEXT_LINKS) : NULL;
	const char *p, *nl;
	char *one, *abs;
	struct buf b;

	if (links == NULL || base == NULL || base[0] == '\0') {
		return 0;
	}
	buf_init(&b, HTMLTEXT_MAX);
	if (buf_add(&b, *article, (size_t)(links - *article) + 1) != NF_OK) {
		goto fail;
	}
	for (p = links + 1; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		one = strndup(p, (size_t)(nl - p));
		abs = one != NULL ? url_resolve(one, base) : NULL;
		if (abs == NULL || buf_printf(&b, "%s%s", p == links + 1 ? "" : "\n",
		                              abs) != NF_OK) {
			free(one);
			free(abs);
			goto fail;
		}
		free(one);
		free(abs);
	}
	free(*article);
	*article = buf_take(&b);
	return *article != NULL ? 0 : -1;
fail:
	buf_free(&b);
	return -1;
}
