/*
 * The sanitising gate, HTML to plain text, and display width.
 *
 * All three work on code points decoded here rather than through the C
 * library's multibyte functions: feed text must be cleaned the same way
 * whatever locale the reader runs under.
 */
#include "autoconfig.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include <libxml/HTMLparser.h>

#include "src/buf.h"
#include "src/htmlfast.h"
#include "src/item.h"
#include "src/text.h"
#include "src/utf8.h"

/* Output is never longer than 3 bytes per input byte (U+FFFD for one bad
 * byte), so this ceiling only stops arithmetic from wrapping. */
#define TEXT_MAX (SIZE_MAX / 4)

static const char replacement[] = "\xEF\xBF\xBD";

/* How feed HTML is read: never from the network, silently, as far as it
 * goes. */
/* XML_PARSE_HUGE lifts libxml2's nesting limit from 256 to 2048: feeds
 * nest deeper than 256 and lost their whole text. The tree walkers here
 * do not recurse, and input size is bounded by the feed's max-size. */
#define TEXT_HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR \
                           | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER \
                           | XML_PARSE_HUGE)

static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Code points from U+00A0 up that the gate changes or drops. */
static int
is_special(uint32_t cp)
{
	return (cp >= 0x2028 && cp <= 0x2069) || cp == 0xFEFF || cp == 0xFFFD
	       || cp == UTF8_INVALID;
}

/* Nonzero when text_sanitize() would return s unchanged: then the HTML
 * parser can read it in place. */
static int
is_clean(const unsigned char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		if ((s[i] >= 0x20 && s[i] < 0x7F) || s[i] == '\n' || s[i] == '\t') {
			i++;
			continue;
		}
		n = utf8_decode((const char *)s + i, len - i, &cp);
		if (cp < 0xA0 || is_special(cp)) {
			return 0;
		}
		i += n;
	}
	return 1;
}

/* States of the escape-sequence recogniser (ECMA-48 shapes). */
enum esc_state {
	ST_TEXT,
	ST_ESC,		/* after ESC */
	ST_ESC_INTER,	/* ESC and intermediate bytes, before the final */
	ST_CSI,		/* parameters and intermediates, before the final */
	ST_STRING,	/* OSC, DCS, SOS, PM, APC body, before ST or BEL */
	ST_STRING_ESC	/* ESC inside a string: ST if a backslash follows */
};

/* What to do with one code point: keep it, drop it, or write another
 * string instead. */
struct verdict {
	int keep;
	const char *subst;
};

static enum esc_state
esc_step(enum esc_state st, uint32_t cp, int *reprocess)
{
	*reprocess = 0;
	switch (st) {
	case ST_ESC:
		if (cp == '[') {
			return ST_CSI;
		}
		if (cp == ']' || cp == 'P' || cp == 'X' || cp == '^' || cp == '_') {
			return ST_STRING;
		}
		if (cp == 0x1B) {
			return ST_ESC;
		}
		if (cp >= 0x20 && cp <= 0x2F) {
			return ST_ESC_INTER;
		}
		if (cp >= 0x30 && cp <= 0x7E) {
			return ST_TEXT;
		}
		break;
	case ST_ESC_INTER:
		if (cp >= 0x20 && cp <= 0x2F) {
			return ST_ESC_INTER;
		}
		if (cp >= 0x30 && cp <= 0x7E) {
			return ST_TEXT;
		}
		break;
	case ST_CSI:
		if (cp >= 0x20 && cp <= 0x3F) {
			return ST_CSI;
		}
		if (cp >= 0x40 && cp <= 0x7E) {
			return ST_TEXT;
		}
		if (cp == 0x1B) {
			return ST_ESC;
		}
		if (cp < 0x20 && cp != '\n' && cp != 0x18 && cp != 0x1A) {
			return ST_CSI;	/* a terminal runs C0 inside CSI; we drop it */
		}
		break;
	case ST_STRING:
		if (cp == 0x07 || cp == 0x9C || cp == 0x18 || cp == 0x1A) {
			return ST_TEXT;
		}
		if (cp == 0x1B) {
			return ST_STRING_ESC;
		}
		if (cp == '\n') {
			break;	/* keeps the newline and what follows */
		}
		return ST_STRING;
	case ST_STRING_ESC:
		if (cp == '\\') {
			return ST_TEXT;
		}
		*reprocess = 1;
		return ST_ESC;
	case ST_TEXT:
		break;
	}
	/* The sequence is broken: it ends, and this code point is text. */
	*reprocess = 1;
	return ST_TEXT;
}

/* The verdict on a code point in text. Sets *st when it opens a sequence. */
static struct verdict
judge(uint32_t cp, const unsigned char *next, size_t nleft, enum esc_state *st)
{
	struct verdict v = { 0, NULL };

	if (cp == 0x1B) {
		*st = ST_ESC;
	} else if (cp == 0x9B) {
		*st = ST_CSI;
	} else if (cp == 0x90 || cp == 0x98 || cp == 0x9D || cp == 0x9E || cp == 0x9F) {
		*st = ST_STRING;
	} else if (cp == '\n' || cp == '\t') {
		v.keep = 1;
	} else if (cp == '\r') {
		v.subst = (nleft > 0 && next[0] == '\n') ? NULL : "\n";
	} else if (cp == '\v' || cp == '\f') {
		v.subst = " ";
	} else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp)
	           || cp == 0xFEFF) {
		/* dropped; a BOM inside text is junk from concatenated files */
	} else if (cp == 0x2028 || cp == 0x2029) {
		v.subst = "\n";
	} else if (cp == 0xFFFD || cp == UTF8_INVALID) {
		v.subst = replacement;	/* the bytes may have been invalid */
	} else {
		v.keep = 1;
	}
	return v;
}

/* Appends the sanitised form of s to b. Clean runs are copied whole.
 * *state carries an escape sequence across calls, for text that arrives
 * in pieces; start it at ST_TEXT. */
static enum nf_status
sanitize_into(struct buf *b, const char *str, size_t len, enum esc_state *state)
{
	const unsigned char *s = (const unsigned char *)str;
	enum esc_state st = *state;
	size_t i = 0, run = 0, n;
	uint32_t cp;
	int again;
	struct verdict v;
	enum nf_status rc = NF_OK;

	while (i < len && rc == NF_OK) {
		if (s[i] >= 0x20 && s[i] < 0x7F && st == ST_TEXT) {
			i++;
			continue;
		}
		n = utf8_decode((const char *)s + i, len - i, &cp);
		if (st == ST_TEXT && cp >= 0xA0 && !is_special(cp)) {
			i += n;		/* the common case for non-Latin text */
			continue;
		}
		if (st != ST_TEXT) {
			st = esc_step(st, cp, &again);
			if (!again) {
				i += n;
				run = i;
				continue;
			}
			if (st != ST_TEXT) {
				continue;	/* reprocess in the new state */
			}
		}
		v = judge(cp, s + i + n, len - i - n, &st);
		if (v.keep) {
			i += n;
			continue;
		}
		rc = buf_add(b, s + run, i - run);
		if (rc == NF_OK && v.subst != NULL) {
			rc = buf_add_str(b, v.subst);
		}
		i += n;
		run = i;
	}
	if (rc == NF_OK && st == ST_TEXT) {
		rc = buf_add(b, s + run, len - run);
	}
	*state = st;
	return rc;
}

char *
text_sanitize(const char *s, size_t len)
{
	struct buf b;
	enum esc_state st = ST_TEXT;

	buf_init(&b, TEXT_MAX);
	if (sanitize_into(&b, s, len, &st) != NF_OK) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

static inline int
is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Length of the whitespace at s (0 when none): ASCII spaces and U+00A0,
 * which feeds use as padding far more often than as a real no-break. */
static inline size_t
space_len(const char *s, size_t n)
{
	if (is_space_byte((unsigned char)s[0])) {
		return 1;
	}
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
		return 2;
	}
	return 0;
}

char *
text_clean_line(const char *s, size_t len)
{
	struct buf b;
	size_t i, w, out = 0, sp;
	int pending = 0;
	enum esc_state st = ST_TEXT;

	buf_init(&b, TEXT_MAX);
	if (sanitize_into(&b, s, len, &st) != NF_OK) {
		buf_free(&b);
		return NULL;
	}
	/* Folds in place: the result is never longer than the input. */
	for (i = 0; i < b.len; i += w) {
		sp = space_len(b.data + i, b.len - i);
		if (sp > 0) {
			pending = out > 0;
			w = sp;
			continue;
		}
		if (pending) {
			b.data[out++] = ' ';
			pending = 0;
		}
		b.data[out++] = b.data[i];
		w = 1;
	}
	b.len = out;
	if (b.data != NULL) {
		b.data[out] = '\0';
	}
	return buf_take(&b);
}

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

/* Sorted by name for bsearch(). */
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
	{ "head", TAG_SKIP }, { "header", TAG_PAGE_SKIP }, { "hr", TAG_PARA },
	{ "iframe", TAG_SKIP }, { "li", TAG_LINE }, { "main", TAG_PARA },
	{ "nav", TAG_PAGE_SKIP }, { "noscript", TAG_SKIP },
	{ "object", TAG_SKIP }, { "ol", TAG_LINE }, { "p", TAG_PARA },
	{ "pre", TAG_PRE }, { "script", TAG_SKIP }, { "section", TAG_PARA },
	{ "select", TAG_SKIP }, { "style", TAG_SKIP }, { "summary", TAG_LINE },
	{ "svg", TAG_SKIP }, { "table", TAG_PARA }, { "td", TAG_CELL },
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
		return (flags & TEXT_TREE_PAGE) ? TAG_SKIP : TAG_PARA;
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
	int lines;		/* plain text: newlines are line breaks */
	int skip;		/* depth inside a dropped element (SAX) */
	size_t starts;		/* start events so far (SAX) */
	size_t drop;		/* the start event whose element is dropped */
	enum esc_state esc;	/* an escape sequence split across text runs */
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
		sp = space_len(s + i, n - i);
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
		sp = space_len(s + i, n - i);
		if (sp > 0) {
			if (s[i] == '\n') {
				out_break(o, o->pending >= BRK_LINE ? BRK_PARA : BRK_LINE);
			} else {
				out_break(o, BRK_SPACE);
			}
			i += sp;
			continue;
		}
		for (j = i + 1; j < n && space_len(s + j, n - j) == 0; j++) {
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
		o->rc = sanitize_into(&o->scratch, raw, rawlen, &o->esc);
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

/* An element opens: its break goes pending. Returns zero when the
 * element is dropped with its content. */
static int
elem_open(struct out *o, const char *name, enum tag_kind k)
{
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
	buf_init(&o->b, TEXT_MAX);
	buf_init(&o->scratch, TEXT_MAX);
	o->pending = BRK_NONE;
	o->pre = 0;
	o->lines = lines;
	o->skip = 0;
	o->starts = 0;
	o->drop = 0;
	o->esc = ST_TEXT;
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
text_from_range(const xmlNode *first, const xmlNode *last, unsigned flags)
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
text_from_tree(const xmlNode *node, unsigned flags)
{
	return text_from_range(node, node, flags);
}

static int
has_byte(const char *s, size_t n, int c)
{
	return memchr(s, c, n) != NULL;
}

htmlDocPtr
text_html_parse(const char *html, size_t len)
{
	htmlDocPtr doc;
	char *copy = NULL;

	/* Invalid UTF-8 would make libxml2 switch the whole rest of the
	 * input to Latin-1, so such input is made valid first. */
	if (!is_clean((const unsigned char *)html, len)) {
		html = copy = text_sanitize(html, len);
		if (copy == NULL) {
			return NULL;
		}
		len = strlen(copy);
	}
	/* COMPACT keeps short text inside its node: fewer allocations. */
	doc = htmlReadMemory(html, len > INT_MAX ? INT_MAX : (int)len, NULL, "UTF-8",
	                     TEXT_HTML_OPTIONS | HTML_PARSE_COMPACT);
	free(copy);
	return doc;
}

/* SAX callbacks: text_from_html() needs no tree, and not building one
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
	char *copy = NULL;
	const char *clean = html;

	/* Invalid UTF-8 would make libxml2 switch the whole rest of the
	 * input to Latin-1, so such input is made valid first. */
	if (!is_clean((const unsigned char *)html, len)) {
		clean = copy = text_sanitize(html, len);
		len = copy != NULL ? strlen(copy) : 0;
	}
	ctxt = clean != NULL ? htmlNewParserCtxt() : NULL;
	if (ctxt == NULL) {
		free(copy);
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
	doc = htmlCtxtReadMemory(ctxt, clean, len > INT_MAX ? INT_MAX : (int)len, NULL,
	                         "UTF-8", TEXT_HTML_OPTIONS);
	xmlFreeDoc(doc);	/* none is built; NULL is a no-op */
	htmlFreeParserCtxt(ctxt);
	free(copy);
}

/* The same events from htmlfast.c, for the simple HTML it reads. */
static enum htmlfast_status
fast_parse(struct out *o, const char *html, size_t len, unsigned flags)
{
	static const struct htmlfast_sax sax = { sax_start, sax_end, sax_text };
	enum htmlfast_status st = htmlfast_read(html, len, flags, &sax, o);

	if (st == HTMLFAST_NOMEM) {
		o->rc = NF_ERR_NOMEM;
	}
	return st;
}

char *
text_from_html(const char *html, size_t len)
{
	struct out o;
	int tags = has_byte(html, len, '<');

	out_init(&o, !tags);
	if (!tags && !has_byte(html, len, '&')) {
		/* Plain text: no parser needed. */
		out_text(&o, html, len);
	} else if (len > 0 && fast_parse(&o, html, len, 0) == HTMLFAST_DECLINED) {
		sax_parse(&o, html, len);
	}
	return out_finish(&o);
}

char *
text_from_simple_html_dropping(const char *html, size_t len, size_t drop)
{
	struct out o;

	out_init(&o, 0);
	o.drop = drop;
	fast_parse(&o, html, len, HTMLFAST_NO_RELATED | HTMLFAST_CHECKED);
	return out_finish(&o);
}

char *
text_from_simple_html(const char *html, size_t len, int *declined)
{
	struct out o;

	out_init(&o, 0);
	*declined = fast_parse(&o, html, len, HTMLFAST_NO_RELATED) == HTMLFAST_DECLINED;
	if (*declined) {
		buf_free(&o.b);
		buf_free(&o.scratch);
		return NULL;
	}
	return out_finish(&o);
}

struct range {
	uint32_t lo, hi;
};

/* East Asian Wide and Fullwidth blocks and the emoji blocks, for when
 * wcwidth() knows nothing (a C or Latin-1 locale): Japanese must still
 * measure two columns a character. */
static const struct range wide_ranges[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x26AA, 0x26AB }, { 0x26BD, 0x26BE },
	{ 0x26C4, 0x26C5 }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x2753, 0x2757 },
	{ 0x2795, 0x2797 }, { 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B55 },
	{ 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
	{ 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xA960, 0xA97F },
	{ 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 },
	{ 0x16FE0, 0x18CFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F251 }, { 0x1F300, 0x1F64F }, { 0x1F680, 0x1F6FF },
	{ 0x1F7E0, 0x1F7EB }, { 0x1F900, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

/* Combining marks and invisible joiners that take no column. */
static const struct range zero_ranges[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x0E31, 0x0E31 },
	{ 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x2060, 0x2064 },
	{ 0x20D0, 0x20FF }, { 0x3099, 0x309A }, { 0xFE00, 0xFE0F },
	{ 0xFE20, 0xFE2F }, { 0xE0100, 0xE01EF },
};

static int
range_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key;
	const struct range *r = elem;

	return cp < r->lo ? -1 : cp > r->hi ? 1 : 0;
}

static int
in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	return bsearch(&cp, r, n, sizeof(*r), range_cmp) != NULL;
}

static int
cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x80 || cp == UTF8_INVALID) {
		return 1;	/* drawn as U+FFFD */
	}
	w = wcwidth((wchar_t)cp);
	if (w >= 0) {
		return w;
	}
	if (in_ranges(cp, zero_ranges, sizeof(zero_ranges) / sizeof(zero_ranges[0]))) {
		return 0;
	}
	if (in_ranges(cp, wide_ranges, sizeof(wide_ranges) / sizeof(wide_ranges[0]))) {
		return 2;
	}
	return 1;
}

int
text_width(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = strlen(str), i, n;
	uint32_t cp;
	int w = 0;

	for (i = 0; i < len; i += n) {
		n = utf8_decode((const char *)s + i, len - i, &cp);
		w += cp_width(cp);
	}
	return w;
}

/* Appends one character of s for a single screen line. */
static enum nf_status
add_char(struct buf *b, const unsigned char *s, size_t n, uint32_t cp)
{
	if (cp == '\n' || cp == '\t') {
		return buf_add(b, " ", 1);
	}
	if (cp == UTF8_INVALID) {
		return buf_add_str(b, replacement);
	}
	return buf_add(b, s, n);
}

static enum nf_status
add_spaces(struct buf *b, int n)
{
	enum nf_status rc = NF_OK;

	for (; n > 0 && rc == NF_OK; n--) {
		rc = buf_add(b, " ", 1);
	}
	return rc;
}

char *
text_fit(const char *str, int width, int pad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = strlen(str), i, n;
	uint32_t cp;
	int col = 0, cw, limit, ell = cp_width(0x2026);
	int cut = text_width(str) > width;
	struct buf b;
	enum nf_status rc = NF_OK;

	buf_init(&b, TEXT_MAX);
	limit = cut ? width - ell : width;
	for (i = 0; i < len && rc == NF_OK; i += n) {
		n = utf8_decode((const char *)s + i, len - i, &cp);
		cw = cp_width(cp);
		if (col + cw > limit) {
			break;
		}
		rc = add_char(&b, s + i, n, cp);
		col += cw;
	}
	if (cut && width >= ell && rc == NF_OK) {
		rc = buf_add_str(&b, "\xE2\x80\xA6");
		col += ell;
	}
	if (pad && rc == NF_OK) {
		rc = add_spaces(&b, width - col);
	}
	if (rc != NF_OK) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Characters that must not begin a line: they stay with the character
 * before them. Only punctuation, as in the loose kinsoku rules: small kana
 * and the long-vowel mark may start a line, which keeps lines full. */
static const char no_line_start[] =
	"、。，．・：；？！」』）】〕〉》〙〗"
	")]}.,:;!?";

static int
is_no_line_start(const unsigned char *s, size_t n)
{
	char c[5];

	memcpy(c, s, n);
	c[n] = '\0';
	return strstr(no_line_start, c) != NULL;
}

struct wrap {
	struct buf b;
	int width;
	int col;
	enum nf_status rc;
};

/* Places one unbreakable token, breaking it only when it is wider than a
 * whole line. */
static void
wrap_token(struct wrap *w, const unsigned char *s, size_t n, int tw, int space)
{
	size_t i, cn;
	uint32_t cp;
	int cw;

	if (w->col > 0 && w->col + space + tw > w->width) {
		w->rc = buf_add(&w->b, "\n", 1);
		w->col = 0;
	} else if (w->col > 0 && space) {
		w->rc = buf_add(&w->b, " ", 1);
		w->col++;
	}
	if (w->rc != NF_OK) {
		return;
	}
	if (w->col + tw <= w->width) {
		w->rc = buf_add(&w->b, s, n);
		w->col += tw;
		return;
	}
	for (i = 0; i < n && w->rc == NF_OK; i += cn) {
		cn = utf8_decode((const char *)s + i, n - i, &cp);
		cw = cp_width(cp);
		if (w->col > 0 && w->col + cw > w->width) {
			w->rc = buf_add(&w->b, "\n", 1);
			w->col = 0;
		}
		if (w->rc == NF_OK) {
			w->rc = buf_add(&w->b, s + i, cn);
			w->col += cw;
		}
	}
}

/* Wraps one line (no newline inside) onto w. */
static void
wrap_line(struct wrap *w, const unsigned char *s, size_t len)
{
	size_t i = 0, start, n;
	uint32_t cp;
	int space = 0, tw, cw, wide;

	while (i < len && w->rc == NF_OK) {
		if (s[i] == ' ' || s[i] == '\t') {
			space = 1;
			i++;
			continue;
		}
		/* A token: one wide character, or a run of narrow ones, with
		 * any characters that may not start a line glued on. */
		start = i;
		n = utf8_decode((const char *)s + i, len - i, &cp);
		tw = cp_width(cp);
		wide = tw >= 2;
		i += n;
		while (i < len && s[i] != ' ' && s[i] != '\t') {
			n = utf8_decode((const char *)s + i, len - i, &cp);
			cw = cp_width(cp);
			if ((wide || cw >= 2) && !is_no_line_start(s + i, n)) {
				break;
			}
			tw += cw;
			i += n;
		}
		wrap_token(w, s + start, i - start, tw, space);
		space = 0;
	}
}

char *
text_wrap(const char *str, int width)
{
	const unsigned char *s = (const unsigned char *)str;
	const unsigned char *nl;
	size_t len = strlen(str), i = 0, n;
	struct wrap w;

	buf_init(&w.b, TEXT_MAX);
	w.width = width < 1 ? 1 : width;
	w.rc = NF_OK;
	for (;;) {
		nl = memchr(s + i, '\n', len - i);
		n = nl != NULL ? (size_t)(nl - (s + i)) : len - i;
		w.col = 0;
		wrap_line(&w, s + i, n);
		if (nl == NULL || w.rc != NF_OK) {
			break;
		}
		w.rc = buf_add(&w.b, "\n", 1);
		i += n + 1;
	}
	if (w.rc != NF_OK) {
		buf_free(&w.b);
		return NULL;
	}
	return buf_take(&w.b);
}

/* Whether the len bytes at s read as an outlet's name: at most five
 * words, each capitalised (or in a script without case, or a short
 * joining word such as "of"), and no sentence punctuation. "Live
 * updates" or "3 dead" stay part of the headline. */
static int
text_is_outlet(const char *s, size_t len)
{
	static const char *const small[] = { "of", "the", "and", "on", "de", "&" };
	size_t i = 0, words = 0;

	if (len == 0 || len > 48) {
		return 0;
	}
	while (i < len) {
		size_t end = i, k;
		int ok = 0;

		while (end < len && s[end] != ' ') {
			end++;
		}
		if (end == i) {
			return 0;	/* two spaces in a row */
		}
		for (k = 0; k < sizeof(small) / sizeof(small[0]); k++) {
			ok |= strlen(small[k]) == end - i &&
			      memcmp(s + i, small[k], end - i) == 0;
		}
		ok |= (s[i] >= 'A' && s[i] <= 'Z') || (unsigned char)s[i] >= 0x80;
		if (!ok || strcspn(s + i, "?!:;,\"") < end - i) {
			return 0;
		}
		words++;
		i = end < len ? end + 1 : end;
	}
	return words <= 5 && s[len - 1] != '.';
}

size_t
text_outlet_tail(const char *title, const char **outlet)
{
	static const char *const seps[] = {
		" - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " | ",
	};
	size_t len = strlen(title), cut = len, i;

	*outlet = NULL;
	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		const char *p = title, *last = NULL;
		size_t n = strlen(seps[i]);

		while ((p = strstr(p, seps[i])) != NULL) {
			last = p;
			p += n;
		}
		/* The headline before it must still say something. */
		if (last != NULL && last - title >= 12 && (size_t)(last - title) < cut &&
		    text_is_outlet(last + n, len - (size_t)(last - title) - n)) {
			cut = (size_t)(last - title);
			*outlet = last + n;
		}
	}
	return cut;
}

/* Compares outlet names the way people write them: case and a leading
 * "The " do not count ("Harbour Gazette" is "The Harbour Gazette"). */
static int
text_same_outlet(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);

	if (alen >= 4 && strncasecmp(a, "the ", 4) == 0) {
		a += 4, alen -= 4;
	}
	if (blen >= 4 && strncasecmp(b, "the ", 4) == 0) {
		b += 4, blen -= 4;
	}
	return alen == blen && strncasecmp(a, b, alen) == 0;
}

void
text_headline(const char *title, const char *feed, char *head, size_t hsize,
              char *source, size_t ssize)
{
	const char *t = nf_str(title), *tail = NULL;
	size_t cut = text_outlet_tail(t, &tail);

	if (head != NULL && hsize > 0) {
		if (cut >= hsize) {
			/* Too long for the buffer: end on a whole character. */
			for (cut = hsize - 1; cut > 0 && (t[cut] & 0xC0) == 0x80; cut--) {
				continue;
			}
		}
		memcpy(head, t, cut);
		head[cut] = '\0';
	}
	if (source == NULL || ssize == 0) {
		return;
	}
	if (tail == NULL || (feed != NULL &&
	                     text_same_outlet(tail, strlen(tail), feed))) {
		snprintf(source, ssize, "%s", nf_str(feed));
	} else if (feed != NULL && feed[0] != '\0') {
		snprintf(source, ssize, "%s via %s", tail, feed);
	} else {
		snprintf(source, ssize, "%s", tail);
	}
}
