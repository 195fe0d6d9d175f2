#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "feeds/xmlfilter.h"
#include "src/buf.h"
#include "src/utf8.h"

/*
 * What feeds write and libxml2 loses. Its recover mode drops every entity
 * reference after the first well-formedness error, and stops at a "<"
 * that opens no tag, at a byte that is no UTF-8 inside CDATA, and after
 * an end tag that closes the root early. So before the parser sees the
 * bytes:
 * - outside CDATA sections, each reference is rewritten as a character
 *   reference (&eacute; -> &#233;, through libxml2's HTML entity table),
 *   which the parser always honours even after an error; an "&" that
 *   starts no reference becomes "&#38;", so undefined names stay as text;
 * - a "<" that opens no markup ("3 < 5", "<3") becomes "&#60;";
 * - terminal escape sequences are dropped (escape_length);
 * - in a UTF-8 document, bytes that are no UTF-8 become U+FFFD and C1
 *   controls windows-1252 punctuation (filter_run);
 * - tags are balanced as their author meant (filter_tag): an end tag
 *   closes the element it names and whatever was left open inside it,
 *   one that names no open element is dropped, and an item that starts
 *   inside another closes it.
 * "&" and "<" are ASCII in every ASCII-compatible encoding (Shift_JIS and
 * EUC-JP trail bytes never take those values), so this works on the
 * undecoded bytes.
 */

/* Entities a document declares for itself in its DOCTYPE (see
 * entity_declare); only plain text values, so nothing nests. */
#define ENTITY_MAX 32
#define ENTITY_VALUE_MAX 256
#define ENTITY_DECL_MAX 1024
#define ENTITY_EXPANSION_MAX ((size_t)1 << 20)

struct declared_entity {
	char name[41];
	char value[ENTITY_VALUE_MAX + 1];
};

/* Open elements are tracked up to this depth and these bytes of names;
 * past them, tags are passed on as they are (see filter_tag). */
#define OPEN_MAX 256
#define NAMES_MAX 8192
#define NAME_MAX_LEN 128
#define TAG_MAX ((size_t)64 << 10)	/* a tag longer than this is passed on */

struct xmlfilter {
	xmlfilter_sink sink;
	void *ctx;
	int off;		/* UTF-16 documents are passed through */
	int utf8;		/* the document is read as UTF-8 (see filter_run) */
	const char *section_end;	/* "]]>" in CDATA, "-->" in a comment */
	char names[NAMES_MAX];	/* the open elements' names, each NUL-ended */
	size_t name_at[OPEN_MAX];
	size_t name_len[OPEN_MAX];	/* each name's length: compared first */
	int nopen;
	int balance_off;	/* nested too deep: tags pass unchanged */
	struct declared_entity entities[ENTITY_MAX];
	int nentities;
	size_t expanded;	/* bytes of entity values written so far */
	struct buf pending;	/* an unfinished reference or marker */
	struct buf out;
	/* 0 while the bytes scanned so far pass unchanged: out stays empty
	 * and the input goes to libxml2 as it is, without a copy */
	int dirty;
};

#define REF_MAX 40

static int
is_name_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

static int
is_xml_char(unsigned long c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * Windows-1252 punctuation in the code points of the C1 controls: feeds
 * written on Windows carry "don&#146;t", or the UTF-8 of U+0092, for
 * "don’t". No feed means a C1 control there, and the text gate would
 * drop it, so they are read as windows-1252, as HTML5 and feedparser do.
 * The five code points windows-1252 leaves undefined stay as they are.
 */
static unsigned long
cp1252_c1(unsigned long c)
{
	return c <= 0x10FFFF ? utf8_c1_as_cp1252((uint32_t)c) : c;
}

static unsigned long
predefined_entity(const char *name, size_t n)
{
	static const struct { const char *name; unsigned long c; } pre[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' },
		{ "quot", '"' }, { "apos", '\'' },
	};
	size_t i;

	for (i = 0; i < 5; i++) {
		if (strlen(pre[i].name) == n && memcmp(pre[i].name, name, n) == 0) {
			return pre[i].c;
		}
	}
	return 0;
}

/* Reads the reference at s (s[0] == '&'); returns the bytes it spans, or
 * 0 when it is no reference, or -1 when more input could complete it. */
static long
ref_value(const char *s, size_t n, int final, unsigned long *c)
{
	size_t i = 1, start;
	int hex = 0;
	char name[REF_MAX + 1];
	const htmlEntityDesc *d;

	if (i < n && s[i] == '#') {
		i++;
		if (i < n && (s[i] == 'x' || s[i] == 'X')) {
			hex = 1;
			i++;
		}
	}
	start = i;
	while (i < n && i < REF_MAX && is_name_char((unsigned char)s[i])) {
		i++;
	}
	if (i == n && !final) {
		return -1;
	}
	if (i == start || i >= n || s[i] != ';') {
		return 0;
	}
	memcpy(name, s + start, i - start);
	name[i - start] = '\0';
	if (start > 1) {
		char *end;

		*c = cp1252_c1(strtoul(name, &end, hex ? 16 : 10));
		if (*end != '\0' || !is_xml_char(*c)) {
			*c = 0xFFFD;
		}
		return (long)i + 1;
	}
	if ((*c = predefined_entity(name, i - start)) != 0) {
		return (long)i + 1;
	}
	if ((d = htmlEntityLookup((const xmlChar *)name)) != NULL) {
		*c = d->value;
		return (long)i + 1;
	}
	return 0;
}

/*
 * Raw terminal sequences (ESC [ ... m, ESC ] ... BEL) are not legal XML:
 * libxml2 would drop the ESC byte and leave "[31m" or "]0;title" in the
 * text, out of the text gate's reach. So the filter drops the whole
 * sequence. Other ESC uses (ISO-2022-JP shifts) pass untouched. Returns
 * the bytes to drop, 0 to keep the ESC, -1 when more input is needed.
 */
#define ESCAPE_MAX 512

static long
escape_length(const char *s, size_t n, int final)
{
	size_t k = 2;

	if (n < 2) {
		return final ? 0 : -1;
	}
	if (s[1] == '[') {
		while (k < n && k < ESCAPE_MAX && s[k] >= 0x20 && s[k] <= 0x3F) {
			k++;
		}
		if (k == n && !final) {
			return -1;
		}
		return k < n && s[k] >= 0x40 && s[k] <= 0x7E ? (long)k + 1 : (long)k;
	}
	if (s[1] != ']' && s[1] != 'P' && s[1] != '_' && s[1] != '^') {
		return 0;
	}
	for (; k < n && k < ESCAPE_MAX && s[k] != '<'; k++) {
		if (s[k] == 0x07) {
			return (long)k + 1;
		}
		if (s[k] == 0x1B && k + 1 < n && s[k + 1] == '\\') {
			return (long)k + 2;
		}
	}
	return k == n && !final ? -1 : (long)k;
}

/* Whether the "<" at s opens markup: a tag, an end tag, a comment, CDATA,
 * a declaration or a processing instruction. */
static int
starts_markup(const char *s, size_t n)
{
	unsigned char c = n > 1 ? (unsigned char)s[1] : '\0';

	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
	       c == '_' || c == ':' || c == '/' || c == '!' || c == '?';
}
static const char entity_open[] = "<!ENTITY";

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Reads "<!ENTITY name 'value'>" at s and records it. Feeds that declare
 * entities in an internal DOCTYPE (&site;, or &nbsp; under its own name)
 * expect them expanded, and libxml2 expands none for us (no entity
 * substitution, so nothing external is ever read). Only a general entity
 * with a literal value of plain text is kept: no "&name;" or "<" inside,
 * so expansions cannot nest (billion laughs) and stay linear in the input.
 * Returns the bytes the declaration spans, 0 when s holds none, -1 when
 * more input could complete it.
 */
static long
entity_declare(struct xmlfilter *f, const char *s, size_t n, int final)
{
	const char *end, *p, *name, *value;
	size_t k = sizeof(entity_open) - 1, nlen, vlen;
	struct declared_entity *e;
	char quote;

	/* most tags are no declaration: told by their second byte */
	if ((n >= 2 && s[1] != '!') || memcmp(s, entity_open, n < k ? n : k) != 0) {
		return 0;
	}
	end = memchr(s, '>', n < ENTITY_DECL_MAX ? n : ENTITY_DECL_MAX);
	if (n < k || end == NULL) {
		return n < ENTITY_DECL_MAX && !final ? -1 : 0;
	}
	for (p = s + k; p < end && is_space(*p); p++) {
		continue;
	}
	for (name = p; p < end && (is_name_char((unsigned char)*p) ||
	     *p == '_' || *p == '-' || *p == '.'); p++) {
		continue;
	}
	nlen = (size_t)(p - name);
	while (p < end && is_space(*p)) {
		p++;
	}
	if (nlen == 0 || nlen >= sizeof(e->name) || p >= end ||
	    (*p != '"' && *p != '\'') || f->nentities == ENTITY_MAX) {
		return (long)(end - s) + 1;
	}
	quote = *p++;
	for (value = p; p < end && *p != quote && *p != '<' &&
	     (*p != '&' || p[1] == '#') && *p != '%'; p++) {
		continue;
	}
	vlen = (size_t)(p - value);
	if (p < end && *p == quote && vlen <= ENTITY_VALUE_MAX) {
		e = &f->entities[f->nentities++];
		memcpy(e->name, name, nlen);
		e->name[nlen] = '\0';
		memcpy(e->value, value, vlen);
		e->value[vlen] = '\0';
	}
	return (long)(end - s) + 1;
}

/* The value of the declared entity referenced at s (s[0] == '&') and the
 * bytes the reference spans, or NULL. */
static const char *
entity_value(struct xmlfilter *f, const char *s, size_t n, size_t *len)
{
	size_t i = 1;
	int k;

	while (i < n && i < REF_MAX && (is_name_char((unsigned char)s[i]) ||
	       s[i] == '_' || s[i] == '-' || s[i] == '.')) {
		i++;
	}
	if (i == 1 || i >= n || s[i] != ';' || f->expanded > ENTITY_EXPANSION_MAX) {
		return NULL;
	}
	for (k = 0; k < f->nentities; k++) {
		if (strlen(f->entities[k].name) == i - 1 &&
		    memcmp(f->entities[k].name, s + 1, i - 1) == 0) {
			*len = i + 1;
			f->expanded += strlen(f->entities[k].value);
			return f->entities[k].value;
		}
	}
	return NULL;
}

/* s[i..j), unchanged, to the output: copied only once something before
 * it has changed. */
static void
filter_keep(struct xmlfilter *f, const char *s, size_t i, size_t j)
{
	if (f->dirty) {
		buf_add(&f->out, s + i, j - i);
	}
}

/* v[0..n) to the output in place of s[at..): everything before at, which
 * passed unchanged so far, is copied first. */
static void
filter_change(struct xmlfilter *f, const char *s, size_t at, const char *v, size_t n)
{
	if (!f->dirty) {
		f->dirty = 1;
		buf_add(&f->out, s, at);
	}
	buf_add(&f->out, v, n);
}

/* The length of the UTF-8 character at s (n bytes at hand, s[0] >= 0x80):
 * 2..4, 0 when the bytes are no UTF-8, -1 when they are cut short. */
static int
utf8_length(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	int need, k;

	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 2;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 3;
		lo = s[0] == 0xE0 ? 0xA0 : 0x80;	/* overlong */
		hi = s[0] == 0xED ? 0x9F : 0xBF;	/* surrogates */
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 4;
		lo = s[0] == 0xF0 ? 0x90 : 0x80;
		hi = s[0] == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 0;
	}
	for (k = 1; k < need; k++) {
		if ((size_t)k == n) {
			return -1;
		}
		if (s[k] < lo || s[k] > hi) {
			return 0;
		}
		lo = 0x80;
		hi = 0xBF;
	}
	return need;
}

/* Writes c (below U+10000) as UTF-8; returns the bytes written. */
static size_t
utf8_put_bmp(unsigned long c, char *out)
{
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | c >> 12);
	out[1] = (char)(0x80 | (c >> 6 & 0x3F));
	out[2] = (char)(0x80 | (c & 0x3F));
	return 3;
}

/* The end of the ASCII bytes at u[k..j): eight at a look, since most
 * of a feed is ASCII. */
static size_t
ascii_end(const unsigned char *u, size_t k, size_t j)
{
	uint64_t w;

	for (; j - k >= 8; k += 8) {
		memcpy(&w, u + k, 8);
		if (w & 0x8080808080808080ULL) {
			break;
		}
	}
	while (k < j && u[k] < 0x80) {
		k++;
	}
	return k;
}

/*
 * Passes s[i..j) on. In a UTF-8 document, a byte that is no UTF-8
 * becomes U+FFFD, since libxml2 stops reading at the first one inside
 * CDATA and the rest of the feed would be lost; and a C1 control is read
 * as windows-1252 (see cp1252_c1). Returns where it stopped: j, or the
 * start of a character cut by the end of the input when more may come.
 */
static size_t
filter_run(struct xmlfilter *f, const char *s, size_t i, size_t j, int more)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = i;
	int len;
	char out[3];

	while (f->utf8 && k < j) {
		if (u[k] < 0x80) {
			k = ascii_end(u, k, j);
			continue;
		}
		if ((len = utf8_length(u + k, j - k)) < 0 && more) {
			filter_keep(f, s, i, k);
			return k;
		}
		if (len > 0 && (u[k] != 0xC2 || cp1252_c1(u[k + 1]) == u[k + 1])) {
			k += (size_t)len;
			continue;
		}
		filter_keep(f, s, i, k);
		if (len <= 0) {
			filter_change(f, s, k, "\xEF\xBF\xBD", 3);
			k++;
		} else {
			filter_change(f, s, k, out, utf8_put_bmp(cp1252_c1(u[k + 1]), out));
			k += 2;
		}
		i = k;
	}
	filter_keep(f, s, i, j);
	return j;
}

/* The first three-byte marker m ("]]>", "-->") in s[0..n), or NULL:
 * memchr() for its first byte, which is rare in text, is faster here
 * than memmem(). */
static const char *
find_marker(const char *s, size_t n, const char *m)
{
	const char *p = s, *end = s + n;

	while (end - p >= 3 && (p = memchr(p, m[0], (size_t)(end - p - 2))) != NULL) {
		if (p[1] == m[1] && p[2] == m[2]) {
			return p;
		}
		p++;
	}
	return NULL;
}

/* Inside a CDATA section or a comment: passes bytes on up to its end.
 * Returns how many of s[i..n) were taken. */
static size_t
filter_section(struct xmlfilter *f, const char *s, size_t i, size_t n, int final)
{
	const char *end = find_marker(s + i, n - i, f->section_end);
	size_t j;

	if (end == NULL) {
		/* Keep two bytes back: they may start the end marker. */
		j = final ? n : (n - i > 2 ? n - 2 : i);
		return filter_run(f, s, i, j, !final);
	}
	j = (size_t)(end - s);
	filter_run(f, s, i, j, 0);
	filter_keep(f, s, j, j + 3);
	f->section_end = NULL;
	return j + 3;
}

/* ---- tags ------------------------------------------------------------ */

/* What filter_lt knows of the chunk being scanned. */
struct scan {
	const char *s;
	size_t n;
	int final;
	size_t tag_until;	/* inside a tag up to here: a "<" is text */
	size_t decl_until;	/* inside a DOCTYPE up to here: no tags */
};

/* The index of the ">" that ends the tag whose name ends at s[k], or 0
 * when the input ends first. Quoted attribute values may hold ">". */
static size_t
tag_end(const char *s, size_t k, size_t n)
{
	char quote = 0;

	for (; k < n; k++) {
		if (quote != 0) {
			quote = s[k] == quote ? 0 : quote;
		} else if (s[k] == '"' || s[k] == '\'') {
			quote = s[k];
		} else if (s[k] == '>') {
			return k;
		}
	}
	return 0;
}

/* The innermost open element named name[0..len), or -1. Names match
 * without regard to case: libxml2 closes <Title> at </title> too, and
 * feeds write both. */
static int
open_find(const struct xmlfilter *f, const char *name, size_t len)
{
	int k;

	for (k = f->nopen - 1; k >= 0; k--) {
		if (f->name_len[k] == len && strncasecmp(f->names + f->name_at[k], name, len) == 0) {
			return k;
		}
	}
	return -1;
}

/* Writes end tags, before s[at], for the open elements down to and
 * including index k, and forgets them. */
static void
open_close_to(struct xmlfilter *f, const char *s, size_t at, int k)
{
	while (f->nopen > k) {
		const char *v = f->names + f->name_at[--f->nopen];

		filter_change(f, s, at, "</", 2);
		filter_change(f, s, at, v, f->name_len[f->nopen]);
		filter_change(f, s, at, ">", 1);
	}
}

static void
open_push(struct xmlfilter *f, const char *name, size_t len)
{
	size_t at = f->nopen > 0 ? f->name_at[f->nopen - 1] + f->name_len[f->nopen - 1] + 1 : 0;

	if (f->nopen == OPEN_MAX || at + len + 1 > NAMES_MAX) {
		f->balance_off = 1;	/* deeper than any feed: stop balancing */
		return;
	}
	memcpy(f->names + at, name, len);
	f->names[at + len] = '\0';
	f->name_len[f->nopen] = len;
	f->name_at[f->nopen++] = at;
}

/* Whether a qualified name's local part is "item" or "entry". */
static int
is_item_name(const char *name, size_t len)
{
	const char *colon = memchr(name, ':', len);

	if (colon != NULL) {
		len -= (size_t)(colon + 1 - name);
		name = colon + 1;
	}
	return (len == 4 && strncasecmp(name, "item", 4) == 0) ||
	       (len == 5 && strncasecmp(name, "entry", 5) == 0);
}

/*
 * A tag at s[j], whole in the chunk up to its ">" at s[e]. An end tag
 * closes the element it names and, first, whatever is still open inside
 * it (an unclosed <p> or <br> in a description); one that names no open
 * element ("</p>" with no <p>) is dropped, since libxml2 would close the
 * element that is open, and with enough of them the root. Items never
 * nest, so an item that starts inside another closes it (a missing or
 * misspelt </item>). Returns where scanning goes on.
 */
static size_t
filter_tag(struct xmlfilter *f, const char *s, size_t j, size_t e,
           const char *name, size_t len)
{
	int k = open_find(f, name, len);

	if (s[j + 1] == '/') {
		if (k < 0) {
			filter_change(f, s, j, "", 0);
			return e + 1;
		}
		open_close_to(f, s, j, k + 1);
		f->nopen = k;
	} else {
		if (k >= 0 && is_item_name(name, len)) {
			open_close_to(f, s, j, k);
		}
		if (s[e - 1] != '/') {
			open_push(f, name, len);
		}
	}
	filter_keep(f, s, j, j + 1);
	return j + 1;
}

/* The end of the DOCTYPE at s[j] (the index after its ">"), or 0 when the
 * input ends first. Its internal subset, in brackets, holds ">"s. */
static size_t
doctype_end(const char *s, size_t j, size_t n)
{
	int depth = 0;
	char quote = 0;
	size_t k;

	for (k = j + 2; k < n; k++) {
		if (quote != 0) {
			quote = s[k] == quote ? 0 : quote;
		} else if (s[k] == '"' || s[k] == '\'') {
			quote = s[k];
		} else if (s[k] == '[' || s[k] == ']') {
			depth += s[k] == '[' ? 1 : -1;
		} else if (s[k] == '>' && depth <= 0) {
			return k + 1;
		}
	}
	return 0;
}

/* "<!" at s[j]: CDATA, a comment, a DOCTYPE or another declaration. */
static long
filter_bang(struct xmlfilter *f, struct scan *sc, size_t j)
{
	static const struct { const char *open, *end; } sections[] = {
		{ "<![CDATA[", "]]>" }, { "<!--", "-->" },
	};
	const char *s = sc->s;
	size_t i, m;

	if (sc->n - j < 9 && !sc->final) {
		return -1;
	}
	for (i = 0; i < 2; i++) {
		m = strlen(sections[i].open);
		if (sc->n - j >= m && memcmp(s + j, sections[i].open, m) == 0) {
			f->section_end = sections[i].end;
			filter_keep(f, s, j, j + m);
			return (long)(j + m);
		}
	}
	if (sc->n - j >= 9 && memcmp(s + j, "<!DOCTYPE", 9) == 0) {
		size_t end = doctype_end(s, j, sc->n);

		if (end == 0 && !sc->final && sc->n - j < TAG_MAX) {
			return -1;
		}
		sc->decl_until = end != 0 ? end : sc->n;
	}
	filter_keep(f, s, j, j + 1);
	return (long)j + 1;
}

/* Whether c ends a tag's name (NUL included, as strchr() has it). */
static int
ends_tag_name(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>' ||
	       c == '\0';
}

/* "<" at s[j]. Returns where scanning goes on, or -1 for more input. */
static long
filter_lt(struct xmlfilter *f, struct scan *sc, size_t j)
{
	const char *s = sc->s;
	size_t n = sc->n, name, k, e;

	if (entity_declare(f, s + j, n - j, sc->final) < 0 || (j + 1 == n && !sc->final)) {
		return -1;
	}
	if (!starts_markup(s + j, n - j) || j < sc->tag_until) {
		/* "x < y", "<3", a "<" inside a tag: text, where libxml2 would stop */
		filter_change(f, s, j, "&#60;", 5);
		return (long)j + 1;
	}
	if (s[j + 1] == '!') {
		return filter_bang(f, sc, j);
	}
	name = j + 1 + (s[j + 1] == '/');
	for (k = name; k < n && !ends_tag_name(s[k]); k++) {
		continue;
	}
	e = tag_end(s, k, n);
	if (e == 0 && !sc->final && n - j < TAG_MAX) {
		return -1;
	}
	if (s[j + 1] == '?' || j < sc->decl_until || f->balance_off || e == 0 ||
	    k == name || k - name > NAME_MAX_LEN) {
		filter_keep(f, s, j, j + 1);
		return (long)j + 1;
	}
	sc->tag_until = e;
	return (long)filter_tag(f, s, j, e, s + name, k - name);
}

/* "&#c;" into ref (16 bytes); returns its length. Written by hand: a
 * feed of escaped HTML has several on every line. */
static size_t
char_ref(unsigned long c, char *ref)
{
	char digits[20];
	size_t n = 0, len = 0;

	do {
		digits[n++] = (char)('0' + c % 10);
		c /= 10;
	} while (c > 0 && n < 12);
	ref[len++] = '&';
	ref[len++] = '#';
	while (n > 0) {
		ref[len++] = digits[--n];
	}
	ref[len++] = ';';
	return len;
}

/* "&" at s[j]: a reference rewritten as a character reference, a declared
 * entity expanded, or a bare "&" kept as text. */
static long
filter_amp(struct xmlfilter *f, const char *s, size_t j, size_t n, int final)
{
	unsigned long c = 0;
	long len = ref_value(s + j, n - j, final, &c);
	size_t vlen = 0;
	const char *v = len >= 0 ? entity_value(f, s + j, n - j, &vlen) : NULL;
	char ref[16];

	if (v != NULL) {
		filter_change(f, s, j, v, strlen(v));
		return (long)(j + vlen);
	}
	if (len < 0) {
		return -1;
	}
	if (len == 0) {
		filter_change(f, s, j, "&#38;", 5);
		return (long)j + 1;
	}
	filter_change(f, s, j, ref, char_ref(c, ref));
	return (long)j + len;
}

/* ESC at s[j]: a terminal sequence dropped, or another ESC kept. */
static long
filter_escape(struct xmlfilter *f, const char *s, size_t j, size_t n, int final)
{
	long len = escape_length(s + j, n - j, final);

	if (len < 0) {
		return -1;
	}
	if (len == 0) {
		filter_keep(f, s, j, j + 1);
		return (long)j + 1;
	}
	filter_change(f, s, j, "", 0);
	return (long)j + len;
}

/* Copies s[0..n) to the filter's output, rewritten as the file's head
 * says; returns how many bytes were taken (the rest waits for more
 * input). While nothing changes, the output is s itself (f->dirty 0). */
/* Where the next '&', '<' or ESC is in s[i..n), n when none: each found
 * with memchr() and kept in next_at (SIZE_MAX: not looked for yet) until
 * the scan passes it, so the chunk is searched once. */
static size_t
next_special(const char *s, size_t i, size_t n, size_t next_at[3])
{
	static const char special[3] = { '&', '<', 0x1B };
	size_t j = n, k;
	const char *p;

	for (k = 0; k < 3; k++) {
		if (next_at[k] == SIZE_MAX || next_at[k] < i) {
			p = memchr(s + i, special[k], n - i);
			next_at[k] = p != NULL ? (size_t)(p - s) : n;
		}
		j = next_at[k] < j ? next_at[k] : j;
	}
	return j;
}

static size_t
filter_scan(struct xmlfilter *f, const char *s, size_t n, int final)
{
	struct scan sc = { s, n, final, 0, 0 };
	size_t i = 0, j, k;
	size_t next_at[3] = { SIZE_MAX, SIZE_MAX, SIZE_MAX };
	long next;

	while (i < n) {
		if (f->section_end != NULL) {
			j = filter_section(f, s, i, n, final);
			if (f->section_end != NULL) {
				return j;
			}
			i = j;
			continue;
		}
		j = next_special(s, i, n, next_at);
		if ((k = filter_run(f, s, i, j, j == n && !final)) < j) {
			return k;
		}
		if (j == n) {
			return n;
		}
		next = s[j] == 0x1B ? filter_escape(f, s, j, n, final) :
		       s[j] == '<' ? filter_lt(f, &sc, j) : filter_amp(f, s, j, n, final);
		if (next < 0) {
			return j;
		}
		i = (size_t)next;
	}
	return n;
}

struct xmlfilter *
xmlfilter_new(int utf8, int passthrough, xmlfilter_sink sink, void *ctx)
{
	struct xmlfilter *f = calloc(1, sizeof(*f));

	if (f == NULL) {
		return NULL;
	}
	f->sink = sink;
	f->ctx = ctx;
	f->utf8 = utf8;
	f->off = passthrough;
	buf_init(&f->pending, (size_t)1 << 30);
	buf_init(&f->out, (size_t)1 << 30);
	return f;
}

void
xmlfilter_push(struct xmlfilter *f, const char *data, size_t len, int final)
{
	size_t used;

	buf_reset(&f->out);
	f->dirty = 0;
	if (f->off) {
		f->sink(f->ctx, data != NULL ? data : "", len, final);
		return;
	}
	if (f->pending.len > 0) {
		size_t rest;

		buf_add(&f->pending, data, len);
		used = filter_scan(f, f->pending.data, f->pending.len, final);
		if (!f->dirty) {
			f->sink(f->ctx, f->pending.data, used, final);
		}
		rest = f->pending.len - used;
		memmove(f->pending.data, f->pending.data + used, rest);
		f->pending.len = rest;
		f->pending.data[rest] = '\0';
	} else {
		used = filter_scan(f, data, len, final);
		if (!f->dirty) {
			/* data may be NULL on a final empty push */
			f->sink(f->ctx, used > 0 ? data : "", used, final);
		}
		if (len > used) {
			buf_add(&f->pending, data + used, len - used);
		}
	}
	if (f->dirty) {
		f->sink(f->ctx, f->out.data != NULL ? f->out.data : "", f->out.len, final);
	}
}

void
xmlfilter_free(struct xmlfilter *f)
{
	if (f == NULL) {
		return;
	}
	buf_free(&f->pending);
	buf_free(&f->out);
	free(f);
}
