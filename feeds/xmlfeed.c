#include "autoconfig.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "feeds/entry.h"
#include "feeds/xmlfeed.h"
#include "src/buf.h"
#include "src/url.h"
#include "src/utf8.h"

enum xml_ns {
	NS_NONE, NS_ATOM, NS_CONTENT, NS_DC, NS_ITUNES, NS_MEDIA, NS_RDF, NS_OTHER
};

enum field {
	FIELD_NONE, FIELD_TITLE, FIELD_LINK, FIELD_ID, FIELD_AUTHOR,
	FIELD_PUBLISHED, FIELD_UPDATED, FIELD_SUMMARY, FIELD_CONTENT,
	FIELD_CATEGORY, FIELD_MEDIA_DESCRIPTION, FIELD_MEDIA_TITLE,
	FIELD_MEDIA_CREDIT, FIELD_COUNT
};

enum element {
#define ELEMENT(id, ns, name, field, rank) EL_##id,
#include "feeds/elements.def"
#undef ELEMENT
	EL_COUNT
};

struct element_def {
	enum xml_ns ns;
	const char *name;
	enum element id;
	enum field field;
	int rank;
};

static const struct element_def elements[] = {
#define ELEMENT(id, ns, name, field, rank) { ns, name, EL_##id, field, rank },
#include "feeds/elements.def"
#undef ELEMENT
};

#define NELEMENTS (sizeof(elements) / sizeof(elements[0]))

/* Namespaces that mean the same map to one id. */
static const struct {
	const char *uri;
	enum xml_ns ns;
} namespaces[] = {
	{ "http://purl.org/rss/1.0/", NS_NONE },
	{ "http://my.netscape.com/rdf/simple/0.9/", NS_NONE },
	{ "http://backend.userland.com/rss2", NS_NONE },
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
};

/* How captured text is to be read. */
enum capture_kind { CAPTURE_TEXT, CAPTURE_HTML, CAPTURE_XHTML, CAPTURE_SKIP };

struct capture {
	int depth;		/* of the element being captured; 0 = none */
	enum field field;
	int rank;
	enum capture_kind kind;
	int markup;		/* child elements were serialised into text */
	int permalink;		/* guid isPermaLink is not "false" */
	struct buf text;
};

struct frame {
	char *base;		/* xml:base in effect, or NULL */
	int owns_base;
};

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

/* The ampersand filter (see filter_push). */
struct amp_filter {
	int off;		/* UTF-16 documents are passed through */
	int in_cdata;
	struct declared_entity entities[ENTITY_MAX];
	int nentities;
	size_t expanded;	/* bytes of entity values written so far */
	struct buf pending;	/* an unfinished reference or marker */
	struct buf out;
	/* 0 while the bytes scanned so far pass unchanged: out stays empty
	 * and the input goes to libxml2 as it is, without a copy */
	int dirty;
};

struct xmlfeed {
	const struct feed_options *opts;
	struct nf_feed *meta;
	const char *charset;
	feed_item_fn on_item;
	void *ctx;
	xmlParserCtxtPtr xml;

	int depth;
	struct frame *frames;
	size_t nframes;
	int root_ok;		/* the root element is a feed's */
	char *not_feed;		/* the root element when it is not */
	int skip_depth;		/* inside <image>, <textinput>, <atom:source> */
	int author_depth;	/* inside <atom:author> */
	int item_depth;		/* inside <item>/<entry> */
	int stopped;
	struct entry_raw raw;
	int item_rank[FIELD_COUNT];
	int feed_rank[FIELD_COUNT];
	char *feed_author;
	struct capture cap;
	struct amp_filter filter;
	char first_error[160];
	int first_error_code;	/* its xmlParserErrors code */
	size_t nitems;		/* items handed on */
	enum nf_status status;	/* out of memory or a callback error */
	struct nf_error cb_err;
};

int
xmlfeed_table_is_sorted(void)
{
	size_t i;

	for (i = 1; i < NELEMENTS; i++) {
		if (elements[i - 1].ns > elements[i].ns ||
		    (elements[i - 1].ns == elements[i].ns &&
		     strcmp(elements[i - 1].name, elements[i].name) >= 0)) {
			return 0;
		}
	}
	return 1;
}

static int
element_cmp(const void *key, const void *member)
{
	const struct element_def *a = key, *b = member;

	if (a->ns != b->ns) {
		return a->ns < b->ns ? -1 : 1;
	}
	return strcmp(a->name, b->name);
}

static enum xml_ns
ns_of(const xmlChar *uri)
{
	size_t i;

	if (uri == NULL) {
		return NS_NONE;
	}
	for (i = 0; i < sizeof(namespaces) / sizeof(namespaces[0]); i++) {
		if (strcmp((const char *)uri, namespaces[i].uri) == 0) {
			return namespaces[i].ns;
		}
	}
	return NS_OTHER;
}

static const struct element_def *
element_find(const xmlChar *uri, const xmlChar *local)
{
	struct element_def key = { ns_of(uri), (const char *)local, EL_COUNT, FIELD_NONE, 0 };

	if (key.ns == NS_OTHER) {
		return NULL;
	}
	return bsearch(&key, elements, NELEMENTS, sizeof(elements[0]), element_cmp);
}

static void
fail_nomem(struct xmlfeed *x)
{
	if (x->status == NF_OK) {
		x->status = nf_error_set(&x->cb_err, NF_ERR_NOMEM, "out of memory");
	}
	xmlStopParser(x->xml);
	x->stopped = 1;
}

/* Attribute values come with "&" kept as "&#38;" since entities are not
 * substituted; undo that one escape. Returns a new string or NULL. */
static char *
attr_get(const xmlChar **attrs, int n, const char *uri, const char *local)
{
	int i;

	for (i = 0; i < n; i++) {
		const xmlChar **a = attrs + 5 * i;
		const char *v = (const char *)a[3], *end = (const char *)a[4];
		char *out, *o;

		if (strcmp((const char *)a[0], local) != 0 ||
		    (uri == NULL) != (a[2] == NULL) ||
		    (uri != NULL && strcmp((const char *)a[2], uri) != 0)) {
			continue;
		}
		if ((out = malloc((size_t)(end - v) + 1)) == NULL) {
			return NULL;
		}
		for (o = out; v < end; v++) {
			if (*v == '&' && end - v >= 5 && memcmp(v, "&#38;", 5) == 0) {
				v += 4;
			}
			*o++ = *v;
		}
		*o = '\0';
		return out;
	}
	return NULL;
}

static int
attr_is(const xmlChar **attrs, int n, const char *local, const char *value)
{
	char *v = attr_get(attrs, n, NULL, local);
	int is = v != NULL && strcasecmp(v, value) == 0;

	free(v);
	return is;
}

/* The base for relative links: xml:base in effect, else the feed's link,
 * else the URL the feed came from. */
static const char *
base_now(const struct xmlfeed *x)
{
	const char *b = x->nframes > 0 ? x->frames[x->nframes - 1].base : NULL;

	if (b == NULL) {
		b = x->meta->link != NULL ? x->meta->link : x->opts->base_url;
	}
	return b;
}

static int
frame_push(struct xmlfeed *x, const xmlChar **attrs, int nattrs)
{
	struct frame f = { NULL, 0 };
	char *xb = attr_get(attrs, nattrs, (const char *)XML_XML_NAMESPACE, "base");

	if (x->nframes > 0) {
		f.base = x->frames[x->nframes - 1].base;
	}
	if (xb != NULL) {
		const char *parent = f.base != NULL ? f.base : x->opts->base_url;

		f.base = url_resolve(xb, parent);
		f.owns_base = 1;
		free(xb);
		if (f.base == NULL) {
			return -1;
		}
	}
	if ((x->nframes & 15) == 0) {
		struct frame *v = realloc(x->frames, (x->nframes + 16) * sizeof(*v));

		if (v == NULL) {
			if (f.owns_base) {
				free(f.base);
			}
			return -1;
		}
		x->frames = v;
	}
	x->frames[x->nframes++] = f;
	return 0;
}

static void
frame_pop(struct xmlfeed *x)
{
	if (x->nframes == 0) {
		return;
	}
	x->nframes--;
	if (x->frames[x->nframes].owns_base) {
		free(x->frames[x->nframes].base);
	}
}

/*
 * The ampersand filter. libxml2's recover mode drops every entity
 * reference after the first well-formedness error, and feeds carry HTML
 * entities XML does not define (&nbsp;) and bare "&" in URLs. So before
 * the parser sees the bytes, outside CDATA sections, each reference is
 * rewritten as a character reference (&eacute; -> &#233;, through
 * libxml2's HTML entity table), which the parser always honours even
 * after an error; an "&" that starts no reference becomes "&#38;", so
 * undefined names stay as text. "&" and "<" are ASCII in every ASCII-compatible
 * encoding (Shift_JIS and EUC-JP trail bytes never take those values),
 * so this works on the undecoded bytes.
 */
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

		*c = strtoul(name, &end, hex ? 16 : 10);
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

static const char cdata_open[] = "<![CDATA[";
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
entity_declare(struct amp_filter *f, const char *s, size_t n, int final)
{
	const char *end, *p, *name, *value;
	size_t k = sizeof(entity_open) - 1, nlen, vlen;
	struct declared_entity *e;
	char quote;

	if (memcmp(s, entity_open, n < k ? n : k) != 0) {
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
entity_value(struct amp_filter *f, const char *s, size_t n, size_t *len)
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
filter_keep(struct amp_filter *f, const char *s, size_t i, size_t j)
{
	if (f->dirty) {
		buf_add(&f->out, s + i, j - i);
	}
}

/* v[0..n) to the output in place of s[at..): everything before at, which
 * passed unchanged so far, is copied first. */
static void
filter_change(struct amp_filter *f, const char *s, size_t at, const char *v, size_t n)
{
	if (!f->dirty) {
		f->dirty = 1;
		buf_add(&f->out, s, at);
	}
	buf_add(&f->out, v, n);
}

/* Copies s[0..n) to the filter's output with references rewritten;
 * returns how many bytes were taken (the rest waits for more input).
 * While nothing changes, the output is s itself (f->dirty stays 0). */
static size_t
filter_scan(struct amp_filter *f, const char *s, size_t n, int final)
{
	size_t i = 0, j;
	char ref[16];

	while (i < n) {
		if (f->in_cdata) {
			const char *end = memmem(s + i, n - i, "]]>", 3);

			if (end == NULL) {
				/* Keep two bytes back: they may start "]]>". */
				j = final ? n : (n - i > 2 ? n - 2 : i);
				filter_keep(f, s, i, j);
				return j;
			}
			j = (size_t)(end - s) + 3;
			filter_keep(f, s, i, j);
			f->in_cdata = 0;
			i = j;
			continue;
		}
		for (j = i; j < n && s[j] != '&' && s[j] != '<' && s[j] != 0x1B; j++) {
			continue;
		}
		filter_keep(f, s, i, j);
		if (j == n) {
			return n;
		}
		if (s[j] == 0x1B) {
			long len = escape_length(s + j, n - j, final);

			if (len < 0) {
				return j;
			}
			if (len == 0) {
				filter_keep(f, s, j, j + 1);
			} else {
				filter_change(f, s, j, "", 0);
			}
			i = j + (len > 0 ? (size_t)len : 1);
			continue;
		}
		if (s[j] == '<') {
			size_t m = n - j < 9 ? n - j : 9;

			long decl = entity_declare(f, s + j, n - j, final);

			if (decl < 0) {
				return j;
			}
			if (memcmp(s + j, cdata_open, m) != 0) {
				filter_keep(f, s, j, j + 1);
				i = j + 1;
			} else if (m < 9 && !final) {
				return j;
			} else {
				f->in_cdata = m == 9;
				filter_keep(f, s, j, j + m);
				i = j + m;
			}
			continue;
		}
		{
			unsigned long c = 0;
			long len = ref_value(s + j, n - j, final, &c);
			size_t vlen = 0;
			const char *v = len >= 0 ? entity_value(f, s + j, n - j, &vlen) : NULL;

			if (v != NULL) {
				filter_change(f, s, j, v, strlen(v));
				i = j + vlen;
				continue;
			}
			if (len < 0) {
				return j;
			}
			if (len == 0) {
				filter_change(f, s, j, "&#38;", 5);
				i = j + 1;
			} else {
				snprintf(ref, sizeof(ref), "&#%lu;", c);
				filter_change(f, s, j, ref, strlen(ref));
				i = j + (size_t)len;
			}
		}
	}
	return n;
}

/* Filters one chunk and hands the result to libxml2: the filter's output
 * when something changed, else the scanned input itself. */
static void
filter_push(struct xmlfeed *x, const char *data, size_t len, int final)
{
	struct amp_filter *f = &x->filter;
	size_t used;

	buf_reset(&f->out);
	f->dirty = 0;
	if (f->off) {
		xmlParseChunk(x->xml, data, (int)len, final);
		return;
	}
	if (f->pending.len > 0) {
		size_t rest;

		buf_add(&f->pending, data, len);
		used = filter_scan(f, f->pending.data, f->pending.len, final);
		if (!f->dirty) {
			xmlParseChunk(x->xml, f->pending.data, (int)used, final);
		}
		rest = f->pending.len - used;
		memmove(f->pending.data, f->pending.data + used, rest);
		f->pending.len = rest;
		f->pending.data[rest] = '\0';
	} else {
		used = filter_scan(f, data, len, final);
		if (!f->dirty) {
			/* data may be NULL on a final empty push */
			xmlParseChunk(x->xml, used > 0 ? data : "", (int)used, final);
		}
		if (len > used) {
			buf_add(&f->pending, data + used, len - used);
		}
	}
	if (f->dirty) {
		xmlParseChunk(x->xml, f->out.data != NULL ? f->out.data : "",
		              (int)f->out.len, final);
	}
}

/* Replaces *field with a copy of s when rank beats the rank it was set
 * with (ties: the first one read stays). */
static int
set_ranked(char **field, int *have, int rank, const char *s)
{
	if (rank >= *have) {
		return 0;
	}
	*have = rank;
	return nf_strset(field, s);
}

/* A copy of s without leading and trailing whitespace. */
static char *
trimmed(const char *s)
{
	size_t n;

	s += strspn(s, " \t\r\n");
	n = strlen(s);
	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL) {
		n--;
	}
	return strndup(s, n);
}

/* A link as written, made absolute against the base in effect. */
static char *
link_resolve(const struct xmlfeed *x, const char *s)
{
	char *t = trimmed(s), *abs;

	if (t == NULL) {
		return NULL;
	}
	abs = url_resolve(t, base_now(x));
	free(t);
	return abs;
}

/* Channel metadata goes through the gate as it is stored, so that the
 * caller can print it as soon as the first item is done. */
static int
store_channel(struct xmlfeed *x, enum field field, int rank, const char *text,
              int is_html)
{
	char **slot = NULL;
	char *v = NULL;

	switch (field) {
	case FIELD_TITLE:
		slot = &x->meta->title;
		v = entry_clean_line(text, is_html);
		break;
	case FIELD_LINK:
		slot = &x->meta->link;
		v = link_resolve(x, text);
		break;
	case FIELD_SUMMARY:
		slot = &x->meta->description;
		v = entry_clean_line(text, is_html);
		break;
	case FIELD_AUTHOR:
		if (rank < x->feed_rank[FIELD_AUTHOR] && nf_strset(&x->feed_author, text) != 0) {
			return -1;
		}
		slot = &x->meta->author;
		v = entry_clean_line(text, 0);
		break;
	default:
		return 0;
	}
	if (v == NULL || rank >= x->feed_rank[field]) {
		free(v);
		return 0;
	}
	x->feed_rank[field] = rank;
	free(*slot);
	*slot = v;
	return 0;
}

static char **
item_slot(struct entry_raw *raw, enum field field)
{
	switch (field) {
	case FIELD_TITLE: return &raw->title;
	case FIELD_LINK: return &raw->link;
	case FIELD_ID: return &raw->id;
	case FIELD_AUTHOR: return &raw->author;
	case FIELD_PUBLISHED: return &raw->published;
	case FIELD_UPDATED: return &raw->updated;
	case FIELD_SUMMARY: return &raw->summary;
	case FIELD_CONTENT: return &raw->content;
	case FIELD_MEDIA_DESCRIPTION: return &raw->media_description;
	case FIELD_MEDIA_TITLE: return &raw->media_title;
	case FIELD_MEDIA_CREDIT: return &raw->media_credit;
	default: return NULL;
	}
}

static int
store_item(struct xmlfeed *x, const struct capture *cap, const char *text)
{
	struct entry_raw *raw = &x->raw;
	int is_html = cap->kind != CAPTURE_TEXT || cap->markup;
	int *rank = &x->item_rank[cap->field];
	char **slot, *v;
	int rc;

	if (cap->field == FIELD_CATEGORY) {
		return entry_add_category(raw, text);
	}
	if (cap->field == FIELD_LINK) {
		if ((v = link_resolve(x, text)) == NULL) {
			return -1;
		}
		rc = set_ranked(&raw->link, rank, cap->rank, v);
		free(v);
		return rc;
	}
	slot = item_slot(raw, cap->field);
	if (slot == NULL || cap->rank >= *rank) {
		return 0;
	}
	if (set_ranked(slot, rank, cap->rank, text) != 0) {
		return -1;
	}
	if (cap->field == FIELD_TITLE) {
		raw->title_html = is_html;
	} else if (cap->field == FIELD_SUMMARY) {
		raw->summary_html = is_html;
	} else if (cap->field == FIELD_CONTENT) {
		raw->content_html = is_html;
	}
	if ((cap->field == FIELD_SUMMARY || cap->field == FIELD_CONTENT) &&
	    raw->base == NULL && base_now(x) != NULL) {
		return nf_strset(&raw->base, base_now(x));
	}
	if (cap->field == FIELD_ID && cap->permalink) {
		/* A permalink GUID is the link when the item has none. */
		if ((v = trimmed(text)) == NULL) {
			return -1;
		}
		rc = url_is_http(v) ? set_ranked(&raw->link, &x->item_rank[FIELD_LINK], 5, v) : 0;
		free(v);
		return rc;
	}
	return 0;
}

static void
capture_finish(struct xmlfeed *x)
{
	struct capture *cap = &x->cap;
	const char *text = cap->text.data != NULL ? cap->text.data : "";
	int rc;

	cap->depth = 0;
	if (cap->kind == CAPTURE_SKIP) {
		return;
	}
	if (x->item_depth > 0) {
		rc = store_item(x, cap, text);
	} else {
		rc = store_channel(x, cap->field, cap->rank, text,
		                   cap->kind != CAPTURE_TEXT || cap->markup);
	}
	if (rc != 0) {
		fail_nomem(x);
	}
}

/* How an element's text is to be read: Atom's type (and Atom 0.3's mode)
 * attributes, else the element's own default. */
static enum capture_kind
capture_kind_of(const xmlChar **attrs, int n, enum capture_kind dflt)
{
	char *mode = attr_get(attrs, n, NULL, "mode");
	char *type = attr_get(attrs, n, NULL, "type");
	enum capture_kind kind = dflt;

	if (mode != NULL) {
		kind = strcmp(mode, "escaped") == 0 ? CAPTURE_HTML :
		       strcmp(mode, "xml") == 0 ? CAPTURE_XHTML : CAPTURE_SKIP;
	} else if (type != NULL) {
		if (strcasecmp(type, "html") == 0 || strcasecmp(type, "text/html") == 0) {
			kind = CAPTURE_HTML;
		} else if (strcasecmp(type, "xhtml") == 0 || strstr(type, "xml") != NULL) {
			kind = CAPTURE_XHTML;
		} else if (strcasecmp(type, "text") == 0 || strncasecmp(type, "text/", 5) == 0 ||
		           strcasecmp(type, "plain") == 0) {
			kind = CAPTURE_TEXT;
		} else {
			kind = CAPTURE_SKIP;	/* base64 pictures and the like */
		}
	}
	free(mode);
	free(type);
	return kind;
}

static void
capture_begin(struct xmlfeed *x, const struct element_def *def,
              const xmlChar **attrs, int n)
{
	struct capture *cap = &x->cap;
	enum capture_kind dflt = CAPTURE_TEXT;

	if (def->id == EL_DESCRIPTION || def->id == EL_CONTENT_ENCODED ||
	    def->id == EL_DC_DESCRIPTION) {
		dflt = CAPTURE_HTML;	/* RSS descriptions are HTML by custom */
	}
	cap->depth = x->depth;
	cap->field = def->field;
	cap->rank = def->rank;
	cap->kind = capture_kind_of(attrs, n, dflt);
	cap->markup = 0;
	cap->permalink = def->id == EL_GUID && !attr_is(attrs, n, "isPermaLink", "false");
	buf_reset(&cap->text);
}

static void
capture_add(struct xmlfeed *x, const char *s, size_t n, int escape)
{
	struct buf *b = &x->cap.text;
	size_t i, start = 0;

	if (!escape) {
		if (buf_add(b, s, n) != NF_OK) {
			x->cap.kind = CAPTURE_SKIP;	/* past the ceiling: drop it */
		}
		return;
	}
	for (i = 0; i < n; i++) {
		const char *e = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" :
		                s[i] == '>' ? "&gt;" : s[i] == '"' ? "&quot;" : NULL;

		if (e != NULL) {
			buf_add(b, s + start, i - start);
			buf_add(b, e, strlen(e));
			start = i + 1;
		}
	}
	if (buf_add(b, s + start, n - start) != NF_OK) {
		x->cap.kind = CAPTURE_SKIP;
	}
}

/* A child element inside captured text is kept as markup: XHTML content,
 * or HTML that a feed put in unescaped. */
static void
capture_tag(struct xmlfeed *x, const xmlChar *local, const xmlChar **attrs,
            int n, int end)
{
	int i;

	if (x->cap.kind == CAPTURE_SKIP) {
		return;
	}
	x->cap.markup = 1;
	capture_add(x, end ? "</" : "<", end ? 2 : 1, 0);
	capture_add(x, (const char *)local, strlen((const char *)local), 0);
	for (i = 0; !end && i < n; i++) {
		char *v = attr_get(attrs + 5 * i, 1, (const char *)attrs[5 * i + 2],
		                   (const char *)attrs[5 * i]);

		capture_add(x, " ", 1, 0);
		capture_add(x, (const char *)attrs[5 * i], strlen((const char *)attrs[5 * i]), 0);
		capture_add(x, "=\"", 2, 0);
		if (v != NULL) {
			capture_add(x, v, strlen(v), 1);
		}
		capture_add(x, "\"", 1, 0);
		free(v);
	}
	capture_add(x, ">", 1, 0);
}

static int
add_enclosure(struct xmlfeed *x, const char *url, const char *type,
              const char *length)
{
	struct entry_raw *raw = &x->raw;
	long long n = length != NULL ? strtoll(length, NULL, 10) : 0;

	if (url == NULL || url[0] == '\0') {
		return 0;
	}
	if (type != NULL && strncasecmp(type, "image/", 6) == 0 &&
	    entry_set_first(&raw->enclosure_image, url) != 0) {
		return -1;
	}
	return item_add_enclosure(raw->item, url, type, n > 0 ? n : 0);
}

/* Elements whose value is in their attributes. */
static int
attr_element(struct xmlfeed *x, enum element id, const xmlChar **attrs, int n)
{
	const char *name = id == EL_ENCLOSURE || id == EL_MEDIA_CONTENT ||
	                   id == EL_MEDIA_THUMBNAIL ? "url" :
	                   id == EL_ATOM_CATEGORY ? "term" : "href";
	char *v = attr_get(attrs, n, NULL, name), *url = NULL;
	char *rel = attr_get(attrs, n, NULL, "rel");
	char *type = attr_get(attrs, n, NULL, "type");
	char *extra = attr_get(attrs, n, NULL, id == EL_MEDIA_CONTENT ? "medium" : "length");
	int in_item = x->item_depth > 0, rc = 0;
	int alternate = rel == NULL || strcmp(rel, "alternate") == 0;

	if (v == NULL) {
		goto out;
	}
	if (id == EL_ATOM_CATEGORY) {
		rc = in_item ? entry_add_category(&x->raw, v) : 0;
		goto out;
	}
	if ((url = link_resolve(x, v)) == NULL) {
		rc = -1;
	} else if (id == EL_ATOM_LINK && alternate && (type == NULL ||
	           strstr(type, "html") != NULL)) {
		int rank = x->meta->format != NULL && strcmp(x->meta->format, "atom") == 0 ? 0 : 1;

		rc = in_item ? set_ranked(&x->raw.link, &x->item_rank[FIELD_LINK], rank, url) :
		     store_channel(x, FIELD_LINK, rank, url, 0);
	} else if (!in_item) {
		rc = 0;
	} else if (id == EL_ENCLOSURE || (id == EL_ATOM_LINK && rel != NULL &&
	           strcmp(rel, "enclosure") == 0)) {
		rc = add_enclosure(x, url, type, extra);
	} else if (id == EL_MEDIA_THUMBNAIL) {
		rc = entry_set_first(&x->raw.thumb_url, url);
	} else if (id == EL_MEDIA_CONTENT && ((extra != NULL && strcmp(extra, "image") == 0) ||
	           (type != NULL && strncasecmp(type, "image/", 6) == 0) ||
	           (extra == NULL && type == NULL))) {
		rc = entry_set_first(&x->raw.media_url, url);
	}
out:
	free(v);
	free(url);
	free(rel);
	free(type);
	free(extra);
	return rc;
}

static void
item_begin(struct xmlfeed *x, const xmlChar **attrs, int n)
{
	char *about;
	size_t i;

	if (entry_init(&x->raw) != 0) {
		fail_nomem(x);
		return;
	}
	x->item_depth = x->depth;
	for (i = 0; i < FIELD_COUNT; i++) {
		x->item_rank[i] = INT_MAX;
	}
	about = attr_get(attrs, n, "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "about");
	if (about != NULL && set_ranked(&x->raw.id, &x->item_rank[FIELD_ID], 1, about) != 0) {
		fail_nomem(x);
	}
	free(about);
}

static void
item_end(struct xmlfeed *x)
{
	struct nf_item *item = NULL;
	struct nf_error err;

	x->item_depth = 0;
	if (entry_build(&x->raw, x->opts, x->feed_author, &item, &err) != NF_OK) {
		fail_nomem(x);
		return;
	}
	x->nitems++;
	if (x->on_item(x->ctx, x->meta, item) != 0) {
		xmlStopParser(x->xml);
		x->stopped = 1;
	}
}

/* The root element decides the format; anything else is not a feed. */
static void
root_check(struct xmlfeed *x, const struct element_def *def, const xmlChar *local)
{
	enum element id = def != NULL ? def->id : EL_COUNT;

	if (id == EL_RSS || id == EL_RDF_RDF || id == EL_ATOM_FEED) {
		x->meta->format = id == EL_RSS ? "rss" : id == EL_RDF_RDF ? "rdf" : "atom";
		x->root_ok = 1;
		return;
	}
	x->not_feed = strdup((const char *)local);
	xmlStopParser(x->xml);
	x->stopped = 1;
}

static void
sax_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
          const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
          int ndefaulted, const xmlChar **attrs)
{
	struct xmlfeed *x = ctx;
	const struct element_def *def;

	(void)prefix; (void)nns; (void)ns; (void)ndefaulted;
	x->depth++;
	if (frame_push(x, attrs, nattrs) != 0) {
		fail_nomem(x);
		return;
	}
	if (x->cap.depth > 0) {
		capture_tag(x, local, attrs, nattrs, 0);
		return;
	}
	if (x->skip_depth > 0) {
		return;
	}
	def = element_find(uri, local);
	if (x->depth == 1) {
		root_check(x, def, local);
		return;
	}
	if (def == NULL) {
		return;
	}
	switch (def->id) {
	case EL_ITEM:
	case EL_ATOM_ENTRY:
		if (x->item_depth == 0) {
			item_begin(x, attrs, nattrs);
		}
		return;
	case EL_IMAGE:
	case EL_TEXTINPUT:
	case EL_TEXTINPUT_CAMEL:
	case EL_ATOM_SOURCE:
		x->skip_depth = x->depth;
		return;
	case EL_ATOM_AUTHOR:
		x->author_depth = x->depth;
		return;
	case EL_ATOM_NAME:
		if (x->author_depth > 0) {
			capture_begin(x, def, attrs, nattrs);
		}
		return;
	case EL_ATOM_LINK:
	case EL_ATOM_CATEGORY:
	case EL_ENCLOSURE:
	case EL_MEDIA_CONTENT:
	case EL_MEDIA_THUMBNAIL:
		if (attr_element(x, def->id, attrs, nattrs) != 0) {
			fail_nomem(x);
		}
		return;
	default:
		if (def->field != FIELD_NONE) {
			capture_begin(x, def, attrs, nattrs);
		}
		return;
	}
}

static void
sax_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	struct xmlfeed *x = ctx;

	(void)prefix; (void)uri;
	if (x->cap.depth == x->depth) {
		capture_finish(x);
	} else if (x->cap.depth > 0) {
		capture_tag(x, local, NULL, 0, 1);
	}
	if (x->skip_depth == x->depth) {
		x->skip_depth = 0;
	}
	if (x->author_depth == x->depth) {
		x->author_depth = 0;
	}
	if (x->item_depth == x->depth && !x->stopped) {
		item_end(x);
	}
	frame_pop(x);
	x->depth--;
}

static void
sax_characters(void *ctx, const xmlChar *s, int len)
{
	struct xmlfeed *x = ctx;

	if (x->cap.depth > 0 && x->cap.kind != CAPTURE_SKIP) {
		capture_add(x, (const char *)s, (size_t)len, x->cap.kind == CAPTURE_XHTML);
	}
}

static void
sax_error(void *ctx, xmlErrorPtr e)
{
	struct xmlfeed *x = ctx;
	size_t n;

	if (x->first_error[0] != '\0' || e == NULL || e->message == NULL) {
		return;
	}
	snprintf(x->first_error, sizeof(x->first_error), "line %d: %s", e->line, e->message);
	x->first_error_code = e->code;
	n = strlen(x->first_error);
	while (n > 0 && x->first_error[n - 1] == '\n') {
		x->first_error[--n] = '\0';
	}
}

/* Undefined entities are rewritten before the parser sees them; this only
 * answers for names still left, and never with an external entity. */
static xmlEntityPtr
sax_get_entity(void *ctx, const xmlChar *name)
{
	(void)ctx;
	return xmlGetPredefinedEntity(name);
}

static void
sax_init(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof(*sax));
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = sax_start;
	sax->endElementNs = sax_end;
	sax->characters = sax_characters;
	sax->cdataBlock = sax_characters;
	sax->getEntity = sax_get_entity;
	sax->serror = sax_error;
}

struct xmlfeed *
xmlfeed_new(const struct feed_options *opts, struct nf_feed *meta,
            const char *charset, feed_item_fn on_item, void *ctx)
{
	struct xmlfeed *x = calloc(1, sizeof(*x));
	size_t i;

	if (x == NULL) {
		return NULL;
	}
	x->opts = opts;
	x->meta = meta;
	x->charset = charset;
	x->on_item = on_item;
	x->ctx = ctx;
	for (i = 0; i < FIELD_COUNT; i++) {
		x->feed_rank[i] = INT_MAX;
	}
	buf_init(&x->cap.text, opts->max_size > 0 ? opts->max_size : 16u << 20);
	buf_init(&x->filter.pending, (size_t)1 << 30);
	buf_init(&x->filter.out, (size_t)1 << 30);
	return x;
}

/*
 * Feeds name the standard charset and write its vendor superset: curly
 * quotes and the euro sign (0x80-0x9F in windows-1252) in "ISO-8859-1"
 * feeds, NEC and IBM characters (circled digits, Roman numerals) in
 * "Shift_JIS" and "EUC-JP" ones. Read strictly, the first become C1
 * controls that the text gate removes, and the second stop the decoder
 * and lose the rest of the feed. Browsers and feedparser read the
 * superset, and so do we; the supersets agree with the standard on every
 * byte the standard defines.
 */
static const char *
charset_superset(const char *name, size_t n)
{
	static const struct { const char *name, *superset; } map[] = {
		{ "ISO-8859-1", "WINDOWS-1252" }, { "ISO8859-1", "WINDOWS-1252" },
		{ "ISO_8859-1", "WINDOWS-1252" }, { "LATIN1", "WINDOWS-1252" },
		{ "US-ASCII", "WINDOWS-1252" }, { "ASCII", "WINDOWS-1252" },
		{ "SHIFT_JIS", "CP932" }, { "SHIFT-JIS", "CP932" },
		{ "SJIS", "CP932" }, { "X-SJIS", "CP932" },
		{ "EUC-JP", "EUC-JP-MS" }, { "EUCJP", "EUC-JP-MS" },
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (strlen(map[i].name) == n && strncasecmp(map[i].name, name, n) == 0) {
			return map[i].superset;
		}
	}
	return NULL;
}

/* The encoding the XML declaration at data names, as a pointer into data
 * and its length; NULL when there is none. */
static const char *
declared_encoding(const char *data, size_t len, size_t *n)
{
	const char *end, *p;
	char quote;

	if (len < 5 || memcmp(data, "<?xml", 5) != 0 ||
	    (end = memmem(data, len, "?>", 2)) == NULL ||
	    (p = memmem(data, (size_t)(end - data), "encoding", 8)) == NULL) {
		return NULL;
	}
	for (p += 8; p < end && strchr(" \t\r\n=", *p) != NULL; p++) {
		continue;
	}
	if (p >= end || (*p != '"' && *p != '\'')) {
		return NULL;
	}
	quote = *p++;
	for (*n = 0; p + *n < end && p[*n] != quote; (*n)++) {
		continue;
	}
	return p;
}

/*
 * Whether bytes that should be UTF-8 are an 8-bit charset instead: they
 * hold bytes that are no UTF-8 and not one well-formed multibyte
 * sequence. Feeds saved from a Windows editor carry no declaration or a
 * wrong "UTF-8" one; feedparser then reads windows-1252, and so do we.
 * One stray byte among real UTF-8 text still becomes U+FFFD. A sequence
 * cut by the end of data counts as neither.
 */
static int
reads_as_8bit(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	size_t i = 0, n;
	uint32_t cp;
	int bad = 0;

	while (i < len) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(data + i, len - i, &cp);
		if (cp != UTF8_INVALID) {
			return 0;	/* a real multibyte character: UTF-8 */
		}
		/* a lead byte whose sequence runs into the end is no evidence */
		if (i + n < len || u[i] < 0xC2 || u[i] > 0xF4) {
			bad = 1;
		}
		i += n;
	}
	return bad;
}

static int
is_utf8_name(const char *name, size_t n)
{
	return (n == 5 && strncasecmp(name, "UTF-8", 5) == 0) ||
	       (n == 4 && strncasecmp(name, "UTF8", 4) == 0);
}

/* Reads the document in the superset of its declared charset (or of the
 * caller's, when it declares none), or as windows-1252 when its "UTF-8"
 * is not (see reads_as_8bit), telling libxml2 to ignore the declaration,
 * which would switch back. */
static void
use_superset(struct xmlfeed *x, const char *data, size_t len)
{
	const char *name = x->charset, *superset;
	size_t n = name != NULL ? strlen(name) : 0;
	xmlCharEncodingHandlerPtr h;

	if (name == NULL) {
		name = declared_encoding(data, len, &n);
	}
	if ((name == NULL || is_utf8_name(name, n)) && reads_as_8bit(data, len)) {
		name = "ISO-8859-1";
		n = strlen(name);
	}
	if (name == NULL || (superset = charset_superset(name, n)) == NULL ||
	    (h = xmlFindCharEncodingHandler(superset)) == NULL) {
		return;
	}
	xmlCtxtUseOptions(x->xml, XML_PARSE_NONET | XML_PARSE_RECOVER |
	                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC);
	xmlSwitchToEncoding(x->xml, h);
	x->charset = NULL;
}

/* Creates the libxml2 context on the first bytes, where the encoding is
 * still to be decided. */
static int
xml_start(struct xmlfeed *x, const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	xmlSAXHandler sax;

	sax_init(&sax);
	x->filter.off = len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) ||
	                (u[0] == 0xFF && u[1] == 0xFE) || u[0] == 0 || u[1] == 0);
	x->xml = xmlCreatePushParserCtxt(&sax, x, NULL, 0, x->opts->source);
	if (x->xml == NULL) {
		return -1;
	}
	xmlCtxtUseOptions(x->xml, XML_PARSE_NONET | XML_PARSE_RECOVER |
	                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!x->filter.off) {
		use_superset(x, data, len);
	}
	if (x->charset != NULL) {
		xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(x->charset);

		if (h != NULL) {
			xmlSwitchToEncoding(x->xml, h);
		}
	}
	return 0;
}

enum nf_status
xmlfeed_push(struct xmlfeed *x, const char *data, size_t len, int final,
             struct nf_error *err)
{
	if (x->xml == NULL && !x->stopped) {
		if (xml_start(x, data, len) != 0) {
			return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
	}
	if (!x->stopped) {
		filter_push(x, data, len, final);
	}
	if (final && x->item_depth > 0 && !x->stopped && x->status == NF_OK &&
	    (x->raw.title != NULL || x->raw.link != NULL)) {
		/* A file cut off inside an item: keep what was read of it, as
		 * feedparser does, when it has at least a title or a link. */
		item_end(x);
	}
	if (x->status != NF_OK) {
		return nf_error_set(err, x->status, "%s", x->cb_err.msg);
	}
	if (x->not_feed != NULL) {
		return nf_error_set(err, NF_ERR_PARSE, "not a feed: the document is <%s>%s",
		                    x->not_feed, strcasecmp(x->not_feed, "html") == 0 ?
		                    " (a web page)" : "");
	}
	if (final && !x->root_ok) {
		return nf_error_set(err, NF_ERR_PARSE, "not a feed: %s",
		                    x->first_error[0] ? x->first_error : "no XML element found");
	}
	if (final && x->nitems == 0 && x->first_error[0] != '\0' &&
	    x->first_error_code != XML_ERR_DOCUMENT_END) {
		/* broken before its first item: an error, not an empty feed
		 * (text after a closed root is only noise) */
		return nf_error_set(err, NF_ERR_PARSE, "not a feed: %s",
		                    x->first_error);
	}
	return NF_OK;
}

void
xmlfeed_free(struct xmlfeed *x)
{
	if (x == NULL) {
		return;
	}
	if (x->xml != NULL) {
		/* Entity declarations land in a stand-in document even in SAX
		 * mode (never used here: getEntity answers only the XML five). */
		if (x->xml->myDoc != NULL) {
			xmlFreeDoc(x->xml->myDoc);
		}
		xmlFreeParserCtxt(x->xml);
	}
	while (x->nframes > 0) {
		frame_pop(x);
	}
	free(x->frames);
	entry_clear(&x->raw);
	free(x->not_feed);
	free(x->feed_author);
	buf_free(&x->cap.text);
	buf_free(&x->filter.pending);
	buf_free(&x->filter.out);
	free(x);
}
