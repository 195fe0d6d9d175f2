/*
 * Simple item HTML read without libxml2's parser and tree. The input is
 * read once, into a list of events that may still be declined at the
 * end (by markup this reader does not know, or by the caller's decline
 * tests), and that readers take afterwards. The reading follows what
 * libxml2 (2.9) does with these tags: html and body implied before the first tag, a <p>
 * implied before text that comes first, its table of start tags that
 * close the open element (a new <p> closes <p>, <b> and <i>; <li> closes
 * <li>; <div>, lists and <li> close <p>), and end tags that close the
 * elements above theirs unless one of those outranks them (<div>).
 */
#include "autoconfig.h"

#include <pthread.h>

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "src/buf.h"
#include "src/htmlfast.h"
#include "src/utf8.h"

/* Deeper nesting goes to libxml2. */
#define FAST_DEPTH 32

/* The attributes an <img> may carry into its event. */
#define FAST_ATTS 8

enum tag {
	TAG_A, TAG_B, TAG_BR, TAG_CITE, TAG_DIV, TAG_EM, TAG_FIGCAPTION,
	TAG_FIGURE, TAG_I, TAG_IMG, TAG_LI, TAG_OL, TAG_P, TAG_SMALL, TAG_SPAN,
	TAG_STRONG, TAG_UL, TAG_NONE
};

static const char *const tag_names[] = {
	"a", "b", "br", "cite", "div", "em", "figcaption", "figure", "i", "img",
	"li", "ol", "p", "small", "span", "strong", "ul",
};

#define BIT(t) (1u << (t))

/* For each open element, the start tags that close it first: libxml2's
 * own table (it varies between versions), read once through
 * htmlAutoCloseTag(), which answers only for two different names; of
 * the same name, a new <a>, <li> or <p> closes the open one. */
static unsigned closed_by[TAG_NONE];
static pthread_once_t closed_by_once = PTHREAD_ONCE_INIT;	/* read-only after */

static void
closed_by_init(void)
{
	xmlNode n;
	int old, t;

	for (old = 0; old < TAG_NONE; old++) {
		closed_by[old] = 0;
		for (t = 0; t < TAG_NONE; t++) {
			memset(&n, 0, sizeof(n));
			n.type = XML_ELEMENT_NODE;
			n.name = (const xmlChar *)tag_names[t];
			if (t == old ? (t == TAG_A || t == TAG_LI || t == TAG_P)
			    : htmlAutoCloseTag(NULL, (const xmlChar *)tag_names[old], &n)) {
				closed_by[old] |= BIT(t);
			}
		}
	}
}

enum event_kind { EV_START, EV_END, EV_TEXT };

struct event {
	enum event_kind kind;
	const char *name;	/* start and end: a static tag name */
	size_t off, len;	/* text: bytes at off in src, or in arena */
	int own;		/* text in arena (a reference read) */
	size_t att, natts;	/* an <img>'s start: its names and values at
				 * atts[2 * att ...], offsets into arena */
};

struct htmlfast_doc {
	const char *src;
	struct event *ev;
	size_t nev, cap;
	struct buf arena;	/* references read; <img> names and values */
	size_t *atts;
	size_t natts, capatts;
};

struct fast {
	const unsigned char *s;
	size_t len, pos;
	const struct htmlfast_decline *decline;	/* may be NULL */
	struct htmlfast_doc *doc;
	enum tag stack[FAST_DEPTH];
	size_t a_start[FAST_DEPTH];	/* content offset where an <a> began */
	int depth;
	int started;			/* html and body are open */
	int declined;
	int nomem;
	struct buf content;		/* text less blanks, for the tests */
	/* the attributes of the <img> being read: names, and their values'
	 * offsets into the arena */
	char names[FAST_ATTS][16];
	size_t natts_read;
};

static int
is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Bytes of a tag or attribute name after its first, as libxml2 reads
 * them; and of an unquoted attribute value this reader trusts. */
static int
is_name_byte(unsigned char c)
{
	return is_letter(c) || is_digit(c) || c == ':' || c == '_' || c == '.' || c == '-';
}

static int
is_bare_value_byte(unsigned char c)
{
	return is_letter(c) || is_digit(c) || c == '_' || c == '.' || c == '/' || c == ':'
	       || c == '#' || c == '?' || c == '%' || c == '+' || c == '-';
}

static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Code points the sanitising gate changes or libxml2 treats apart: such
 * input goes the slow way. */
static int
is_plain_cp(uint32_t cp)
{
	if (cp < 0x80) {
		return cp >= 0x20 && cp < 0x7F;
	}
	return cp >= 0xA0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)
	       && !(cp >= 0x2028 && cp <= 0x2069) && cp != 0xFEFF
	       && (cp < 0xFFFD || cp > 0xFFFF);
}

/* Whether the eight bytes of w are all printable ASCII (0x20-0x7E): a
 * byte below 0x20, at or above 0x7F sets a high bit in one of the three
 * words (a false alarm only ever follows a byte that is not printable). */
static int
word_is_printable(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL;

	return (((w - ones * 0x20) | w | (w + ones)) & (ones * 0x80)) == 0;
}

/* Valid UTF-8 of plain code points, newline and tab. Printable ASCII
 * passes eight bytes at a look. */
static int
is_plain_text(const unsigned char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;
	uint64_t w;

	while (i < len) {
		unsigned char c = s[i];

		if (len - i >= 8 && (memcpy(&w, s + i, 8), word_is_printable(w))) {
			i += 8;
			continue;
		}
		if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
			i++;
			continue;
		}
		i += utf8_decode((const char *)s + i, len - i, &cp);
		if (!is_plain_cp(cp)) {
			return 0;	/* UTF8_INVALID is no plain code point */
		}
	}
	return 1;
}

/* Appends an event; a full list stops the reading. */
static struct event *
add_event(struct fast *f, enum event_kind kind, const char *name)
{
	struct htmlfast_doc *d = f->doc;
	struct event *e;

	if (d->nev == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		struct event *grown = realloc(d->ev, cap * sizeof(*grown));

		if (grown == NULL) {
			f->nomem = f->declined = 1;
			return NULL;
		}
		d->ev = grown;
		d->cap = cap;
	}
	e = &d->ev[d->nev++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->name = name;
	return e;
}

static void
send_start(struct fast *f, const char *name, size_t att, size_t natts)
{
	struct event *e = add_event(f, EV_START, name);

	if (e != NULL) {
		e->att = att;
		e->natts = natts;
	}
}

static void
send_end(struct fast *f, const char *name)
{
	add_event(f, EV_END, name);
}

/* Keeps text for the decline tests: ASCII blanks and no-break spaces
 * left out, as struct htmlfast_decline promises. */
static void
keep_content(struct fast *f, const char *s, size_t n)
{
	size_t i, j = f->content.len;
	char *d;

	if (buf_add(&f->content, s, n) != NF_OK) {
		f->nomem = f->declined = 1;
		return;
	}
	d = f->content.data;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			i++;
			continue;
		}
		/* every byte is written, a blank then overwritten: no branch
		 * on the blanks, which come every few bytes */
		d[j] = (char)c;
		j += !is_blank(c);
	}
	f->content.len = j;
}

/* Text: n bytes at s, which is in the input when own is zero, else a
 * reference read (copied to the arena). Text first in the document sits
 * in an implied <p>. */
static void
send_text(struct fast *f, const char *s, size_t n, int own)
{
	struct htmlfast_doc *d = f->doc;
	struct event *e;

	if (!f->started) {
		send_start(f, "html", 0, 0);
		send_start(f, "body", 0, 0);
		send_start(f, "p", 0, 0);
		f->started = 1;
		f->stack[0] = TAG_P;
		f->a_start[0] = 0;
		f->depth = 1;
	}
	if ((e = add_event(f, EV_TEXT, NULL)) == NULL) {
		return;
	}
	e->own = own;
	e->len = n;
	e->off = own ? d->arena.len : (size_t)((const unsigned char *)s - f->s);
	if (own && buf_add(&d->arena, s, n) != NF_OK) {
		f->nomem = f->declined = 1;
	}
	if (f->decline != NULL) {
		keep_content(f, s, n);
	}
}

static void
pop(struct fast *f)
{
	enum tag t = f->stack[--f->depth];
	const struct htmlfast_decline *no = f->decline;

	if (t == TAG_A && no != NULL && no->link != NULL
	    && f->content.len > f->a_start[f->depth]
	    && no->link(f->content.data + f->a_start[f->depth],
	                f->content.len - f->a_start[f->depth])) {
		f->declined = 1;
	}
	send_end(f, tag_names[t]);
}

static enum tag
tag_lookup(const unsigned char *name, size_t n)
{
	char low[16];
	size_t i;

	if (n == 0 || n >= sizeof(low)) {
		return TAG_NONE;
	}
	for (i = 0; i < n; i++) {
		low[i] = (char)(name[i] | (is_letter(name[i]) ? 0x20 : 0));
	}
	low[n] = '\0';
	for (i = 0; i < TAG_NONE; i++) {
		if (tag_names[i][0] == low[0] && strcmp(low, tag_names[i]) == 0) {
			return (enum tag)i;
		}
	}
	return TAG_NONE;
}

/* The name at pos as libxml2 reads a tag name; its tag or TAG_NONE. */
static enum tag
read_tag_name(struct fast *f)
{
	size_t start = f->pos;

	while (f->pos < f->len && is_name_byte(f->s[f->pos])) {
		f->pos++;
	}
	return tag_lookup(f->s + start, f->pos - start);
}

static void
skip_blanks(struct fast *f)
{
	while (f->pos < f->len && is_blank(f->s[f->pos])) {
		f->pos++;
	}
}

/* One attribute; zero when it is not one this reader trusts. */
static int
skip_attribute(struct fast *f)
{
	const unsigned char *s = f->s;
	size_t start = f->pos;
	unsigned char q;

	if (!is_letter(s[f->pos]) && s[f->pos] != '_' && s[f->pos] != ':') {
		return 0;
	}
	while (f->pos < f->len && is_name_byte(s[f->pos])) {
		f->pos++;
	}
	if (f->pos - start > 64) {
		return 0;
	}
	skip_blanks(f);
	if (f->pos >= f->len || s[f->pos] != '=') {
		return 1;
	}
	f->pos++;
	skip_blanks(f);
	if (f->pos >= f->len) {
		return 0;
	}
	q = s[f->pos];
	if (q == '"' || q == '\'') {
		const unsigned char *end = memchr(s + f->pos + 1, q, f->len - f->pos - 1);

		if (end == NULL) {
			return 0;
		}
		f->pos = (size_t)(end - s) + 1;
		return 1;
	}
	start = f->pos;
	while (f->pos < f->len && is_bare_value_byte(s[f->pos])) {
		f->pos++;
	}
	return f->pos > start && f->pos < f->len
	       && (is_blank(s[f->pos]) || s[f->pos] == '>');
}

/* One attribute of an <img>, kept as libxml2 would hand it over: the
 * name in lower case, the value with "&amp;" read (into the arena, its
 * offset in offsets); zero (decline) for anything else: no value,
 * another reference, '<', a name seen before, too many. */
static int
read_img_attribute(struct fast *f, size_t *natts, size_t *offsets)
{
	struct buf *values = &f->doc->arena;
	const unsigned char *s = f->s, *v, *end;
	size_t start = f->pos, n, i;
	unsigned char q = 0;

	if (*natts == FAST_ATTS || !skip_attribute(f) || s[start] == '_' || s[start] == ':') {
		return 0;
	}
	/* The attribute is s[start, f->pos): nothing past f->pos is read, as
	 * the input need not end in NUL. */
	for (n = 0; n < sizeof(f->names[0]) - 1 && start + n < f->pos &&
	     (is_letter(s[start + n]) || is_digit(s[start + n]) || s[start + n] == '-'); n++) {
		f->names[*natts][n] = (char)(s[start + n] | (is_letter(s[start + n]) ? 0x20 : 0));
	}
	f->names[*natts][n] = '\0';
	v = memchr(s + start, '=', f->pos - start);
	for (i = start + n; i < f->pos && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'); i++) {
	}
	if (v == NULL || (size_t)(v - s) != i) {
		return 0;	/* no value, or a name outside [a-z0-9-] */
	}
	for (i = 0; i < *natts; i++) {
		if (strcmp(f->names[i], f->names[*natts]) == 0) {
			return 0;
		}
	}
	for (v++; is_blank(*v); v++) {
	}
	end = s + f->pos;
	if (*v == '"' || *v == '\'') {
		q = *v++;
		end--;
	}
	offsets[*natts] = values->len;
	for (; v < end; v++) {
		if (*v == '<' || (*v == '&' && (end - v < 5 || memcmp(v, "&amp;", 5) != 0))) {
			return 0;
		}
		if (buf_add(values, v, 1) != NF_OK) {
			return 0;
		}
		v += *v == '&' ? 4 : 0;
	}
	(void)q;
	(*natts)++;
	return buf_add(values, "", 1) == NF_OK;
}

/* Keeps the attributes read for the tag's start event: their names go to
 * the arena beside their values. */
static void
set_atts(struct fast *f, size_t natts, const size_t *offsets)
{
	struct htmlfast_doc *d = f->doc;
	size_t i, need = d->natts + 2 * natts;

	f->natts_read = 0;
	if (need > d->capatts) {
		size_t cap = need * 2;
		size_t *grown = realloc(d->atts, cap * sizeof(*grown));

		if (grown == NULL) {
			f->nomem = f->declined = 1;
			return;
		}
		d->atts = grown;
		d->capatts = cap;
	}
	for (i = 0; i < natts; i++) {
		d->atts[d->natts + 2 * i] = d->arena.len;
		d->atts[d->natts + 2 * i + 1] = offsets[i];
		if (buf_add(&d->arena, f->names[i], strlen(f->names[i]) + 1) != NF_OK) {
			f->nomem = f->declined = 1;
			return;
		}
	}
	f->natts_read = natts;
}

/* A start tag has been read: close what it closes, open it. */
static void
open_tag(struct fast *f, enum tag t, int empty)
{
	while (f->depth > 0 && (closed_by[f->stack[f->depth - 1]] & BIT(t))) {
		pop(f);
	}
	if (!f->started) {
		send_start(f, "html", 0, 0);
		send_start(f, "body", 0, 0);
		f->started = 1;
	}
	if (f->depth == FAST_DEPTH) {
		f->declined = 1;
		return;
	}
	f->stack[f->depth] = t;
	f->a_start[f->depth] = f->content.len;
	f->depth++;
	if (f->natts_read > 0) {
		send_start(f, tag_names[t], (f->doc->natts / 2), f->natts_read);
		f->doc->natts += 2 * f->natts_read;
	} else {
		send_start(f, tag_names[t], 0, 0);
	}
	if (empty || t == TAG_BR || t == TAG_IMG) {
		pop(f);
	}
}

static int
priority(enum tag t)
{
	return t == TAG_DIV ? 150 : 100;
}

/* An end tag closes its element and those above it, unless one of them
 * outranks it; one without an open element is declined. */
static void
close_tag(struct fast *f, enum tag t)
{
	int i;

	for (i = f->depth - 1; i >= 0 && f->stack[i] != t; i--) {
		if (priority(f->stack[i]) > priority(t)) {
			f->declined = 1;
			return;
		}
	}
	if (i < 0 || t == TAG_BR) {
		f->declined = 1;
		return;
	}
	while (f->depth > i) {
		pop(f);
	}
}

/* Whether the attribute at pos goes into the start event: all of an
 * <img>'s (the picture), an <a>'s href and an <ol>'s start (the
 * article text's links and numbers). */
static int
keeps_attribute(const struct fast *f, enum tag t)
{
	const char *want = t == TAG_A ? "href" : t == TAG_OL ? "start" : NULL;
	size_t n = want != NULL ? strlen(want) : 0;

	if (t == TAG_IMG) {
		return 1;
	}
	return want != NULL && f->pos + n < f->len
	       && strncasecmp((const char *)f->s + f->pos, want, n) == 0
	       && (f->s[f->pos + n] == '=' || is_blank(f->s[f->pos + n]));
}

/* At '<'. */
static void
read_tag(struct fast *f)
{
	enum tag t;
	int end = f->pos + 1 < f->len && f->s[f->pos + 1] == '/';
	size_t natts = 0, offsets[FAST_ATTS];

	f->pos += 1 + end;
	if (f->pos >= f->len || !is_letter(f->s[f->pos])
	    || (t = read_tag_name(f)) == TAG_NONE) {
		f->declined = 1;
		return;
	}
	for (;;) {
		skip_blanks(f);
		if (f->pos >= f->len) {
			f->declined = 1;
			return;
		}
		if (f->s[f->pos] == '>' || (!end && f->s[f->pos] == '/' && f->pos + 1 < f->len
		                            && f->s[f->pos + 1] == '>')) {
			int empty = f->s[f->pos] == '/';

			f->pos += 1 + empty;
			set_atts(f, natts, offsets);
			end ? close_tag(f, t) : open_tag(f, t, empty);
			return;
		}
		if (end || !(keeps_attribute(f, t) ? read_img_attribute(f, &natts, offsets)
		                                   : skip_attribute(f))) {
			f->declined = 1;
			return;
		}
	}
}

/* The value of a numeric reference at pos (after "&#"), or 0. */
static uint32_t
read_char_ref(struct fast *f)
{
	int hex = f->pos < f->len && (f->s[f->pos] == 'x' || f->s[f->pos] == 'X');
	uint32_t v = 0;
	int digits = 0;

	f->pos += hex;
	for (; f->pos < f->len && digits < 8; f->pos++, digits++) {
		unsigned char c = f->s[f->pos];

		if (is_digit(c)) {
			v = v * (hex ? 16 : 10) + (c - '0');
		} else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
			v = v * 16 + ((c | 0x20) - 'a' + 10);
		} else {
			break;
		}
	}
	if (digits == 0 || f->pos >= f->len || f->s[f->pos] != ';') {
		return 0;
	}
	f->pos++;
	return v;
}

/* The value of a named entity at pos (after "&"), or 0. */
static uint32_t
read_entity(struct fast *f)
{
	char name[33];
	size_t n = 0;
	const htmlEntityDesc *e;

	while (f->pos < f->len && n < sizeof(name) - 1
	       && (is_letter(f->s[f->pos]) || is_digit(f->s[f->pos]))) {
		name[n++] = (char)f->s[f->pos++];
	}
	if (n == 0 || f->pos >= f->len || f->s[f->pos] != ';') {
		return 0;
	}
	f->pos++;
	name[n] = '\0';
	if (strcmp(name, "amp") == 0) {
		return '&';
	}
	if (strcmp(name, "nbsp") == 0) {
		return 0xA0;
	}
	e = htmlEntityLookup((const xmlChar *)name);
	return e != NULL ? e->value : 0;
}

/* The length of a name at s (n bytes) that libxml2 reads as a reference
 * without its ';' ("AT&T", "?a=1&b=2", "&r." at a sentence's end),
 * which it keeps as the text "&" and the name: its name bytes are
 * libxml2's (htmlParseName(): letters, digits, '.', '-', '_', ':'). 0
 * when s holds no such name, or one it would read further than this
 * reader does (a byte outside ASCII may continue it). */
static size_t
bare_name_length(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 32 && is_name_byte(s[i])) {
		i++;
	}
	if (i == 0 || i == 32 || (i < n && (s[i] == ';' || s[i] >= 0x80))) {
		return 0;
	}
	return i;
}

/* At '&': a reference, a name without its ';' or a lone '&' before a
 * blank or the end, as libxml2 reads them. */
static void
read_reference(struct fast *f)
{
	char out[4];
	uint32_t cp;
	size_t bare;

	f->pos++;
	if (f->pos >= f->len || is_blank(f->s[f->pos])) {
		send_text(f, (const char *)f->s + f->pos - 1, 1, 0);
		return;
	}
	if (f->s[f->pos] == '#') {
		f->pos++;
		cp = read_char_ref(f);
	} else if (is_letter(f->s[f->pos]) &&
	           (bare = bare_name_length(f->s + f->pos, f->len - f->pos)) > 0) {
		send_text(f, (const char *)f->s + f->pos - 1, bare + 1, 0);
		f->pos += bare;
		return;
	} else if (is_letter(f->s[f->pos])) {
		cp = read_entity(f);
	} else {
		cp = 0;
	}
	if (!is_plain_cp(cp)) {
		f->declined = 1;
		return;
	}
	send_text(f, out, utf8_encode(cp, out), 1);
}

static void
read_all(struct fast *f)
{
	const unsigned char *lt, *amp;
	size_t end;

	skip_blanks(f);
	while (f->pos < f->len && !f->declined) {
		if (f->s[f->pos] == '<') {
			read_tag(f);
			continue;
		}
		if (f->s[f->pos] == '&') {
			read_reference(f);
			continue;
		}
		lt = memchr(f->s + f->pos, '<', f->len - f->pos);
		end = lt != NULL ? (size_t)(lt - f->s) : f->len;
		amp = memchr(f->s + f->pos, '&', end - f->pos);
		end = amp != NULL ? (size_t)(amp - f->s) : end;
		send_text(f, (const char *)f->s + f->pos, end - f->pos, 0);
		f->pos = end;
	}
	while (f->depth > 0 && !f->declined) {
		pop(f);
	}
	if (f->started) {
		send_end(f, "body");
		send_end(f, "html");
	}
}

void
htmlfast_doc_free(struct htmlfast_doc *doc)
{
	if (doc == NULL) {
		return;
	}
	free(doc->ev);
	free(doc->atts);
	buf_free(&doc->arena);
	free(doc);
}

enum htmlfast_status
htmlfast_lex(const char *html, size_t len, const struct htmlfast_decline *decline,
             struct htmlfast_doc **doc)
{
	struct fast f;
	int declined;

	*doc = NULL;
	pthread_once(&closed_by_once, closed_by_init);
	if (len == 0 || len > INT_MAX || !is_plain_text((const unsigned char *)html, len)) {
		return HTMLFAST_DECLINED;
	}
	memset(&f, 0, sizeof(f));
	f.s = (const unsigned char *)html;
	f.len = len;
	f.decline = decline;
	if ((f.doc = calloc(1, sizeof(*f.doc))) == NULL) {
		return HTMLFAST_NOMEM;
	}
	f.doc->src = html;
	buf_init(&f.doc->arena, 2 * len + 64);	/* references read are shorter */
	buf_init(&f.content, len + 1);
	read_all(&f);
	declined = f.declined || (decline != NULL && decline->text != NULL
	                          && f.content.len > 0
	                          && decline->text(f.content.data, f.content.len));
	buf_free(&f.content);
	if (declined) {
		htmlfast_doc_free(f.doc);
		return f.nomem ? HTMLFAST_NOMEM : HTMLFAST_DECLINED;
	}
	*doc = f.doc;
	return HTMLFAST_OK;
}

void
htmlfast_replay(const struct htmlfast_doc *d, const struct htmlfast_sax *sax, void *ctx)
{
	const xmlChar *atts[2 * FAST_ATTS + 1];
	const struct event *e;
	size_t i, k;

	for (i = 0; i < d->nev; i++) {
		e = &d->ev[i];
		if (e->kind == EV_TEXT) {
			sax->text(ctx, (const xmlChar *)(e->own ? d->arena.data : d->src) + e->off,
			          (int)e->len);
		} else if (e->kind == EV_END) {
			sax->end(ctx, (const xmlChar *)e->name);
		} else if (e->natts == 0) {
			sax->start(ctx, (const xmlChar *)e->name, NULL);
		} else {
			for (k = 0; k < e->natts; k++) {
				atts[2 * k] = (const xmlChar *)d->arena.data + d->atts[2 * (e->att + k)];
				atts[2 * k + 1] = (const xmlChar *)d->arena.data
				                  + d->atts[2 * (e->att + k) + 1];
			}
			atts[2 * e->natts] = NULL;
			sax->start(ctx, (const xmlChar *)e->name, atts);
		}
	}
}

enum htmlfast_status
htmlfast_read(const char *html, size_t len, const struct htmlfast_decline *decline,
              const struct htmlfast_sax *sax, void *ctx)
{
	struct htmlfast_doc *doc;
	enum htmlfast_status st = htmlfast_lex(html, len, decline, &doc);

	if (st == HTMLFAST_OK) {
		htmlfast_replay(doc, sax, ctx);
		htmlfast_doc_free(doc);
	}
	return st;
}
