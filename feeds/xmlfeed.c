#include "autoconfig.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "feeds/entry.h"
#include "feeds/itempipe.h"
#include "feeds/xmlfeed.h"
#include "feeds/xmlfilter.h"
#include "src/buf.h"
#include "src/url.h"
#include "src/utf8.h"

enum xml_ns {
	NS_NONE, NS_ATOM, NS_CONTENT, NS_DC, NS_DCTERMS, NS_ITUNES, NS_MEDIA, NS_RDF,
	NS_XHTML, NS_OTHER
};

enum field {
	FIELD_NONE, FIELD_TITLE, FIELD_LINK, FIELD_ID, FIELD_AUTHOR,
	FIELD_PUBLISHED, FIELD_UPDATED, FIELD_SUMMARY, FIELD_CONTENT,
	FIELD_CATEGORY, FIELD_MEDIA_DESCRIPTION, FIELD_MEDIA_TITLE,
	FIELD_MEDIA_CREDIT, FIELD_TAGS, FIELD_OUTLET, FIELD_COUNT
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

/* Added to the rank of an element nested inside one the table does not
 * know: an entry's own <title> beats the <title> of an unknown <image>
 * inside it, in whichever order they come (as feedparser reads them). */
#define FOREIGN_RANK 100

/* Namespaces that mean the same map to one id. Compared without regard
 * to case: podcast feeds write the iTunes one in both spellings. */
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
	{ "http://purl.org/dc/terms/", NS_DCTERMS },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
	{ "http://www.w3.org/1999/xhtml", NS_XHTML },
};

/* How captured text is to be read: text that may hold HTML (RSS), text
 * the feed says is text (Atom type="text"), HTML, XHTML, or not at all. */
enum capture_kind {
	CAPTURE_TEXT, CAPTURE_PLAIN, CAPTURE_HTML, CAPTURE_XHTML, CAPTURE_SKIP
};

struct capture {
	int depth;		/* of the element being captured; 0 = none */
	enum field field;
	int rank;
	enum capture_kind kind;
	int base64;		/* Atom mode="base64": decode before reading */
	int markup;		/* child elements were serialised into text */
	int permalink;		/* guid isPermaLink is not "false" */
	struct buf text;
};

struct frame {
	char *base;		/* xml:base in effect, or NULL */
	int owns_base;
};


/* element_find()'s answers by the addresses of the names asked: libxml2
 * hands every element name and namespace out of its parser's dictionary,
 * one address per string for the parser's life, and a feed repeats a
 * few elements many times. */
#define ELEMENT_MEMO 32
struct element_memo {
	const xmlChar *uri, *local;	/* local NULL: unused */
	const struct element_def *def;
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
	/* A feed root in a namespace of its own (or none): that namespace
	 * is read as the root's (see root_check). */
	int alias_set;
	char *alias_uri;	/* NULL: no namespace */
	enum xml_ns alias_ns;
	int foreign_depth;	/* inside an element the table does not know */
	int outer_foreign_depth;	/* foreign_depth outside the item */
	int skip_depth;		/* inside <image>, <textinput>, <atom:source> */
	int author_depth;	/* inside <atom:author> */
	int item_depth;		/* inside <item>/<entry> */
	int stopped;
	struct element_memo memo[ELEMENT_MEMO];
	struct entry_raw raw;
	int item_rank[FIELD_COUNT];
	int feed_rank[FIELD_COUNT];
	char *feed_author;
	struct capture cap;
	struct xmlfilter *filter;	/* ahead of libxml2, from the first bytes */
	char first_error[160];
	int first_error_code;	/* its xmlParserErrors code */
	int first_error_depth;	/* element depth when it came */
	size_t nitems;		/* items handed on */
	struct itempipe *pipe;	/* opts->pipeline, from the second item */
	int pipe_tried;
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
		     strcasecmp(elements[i - 1].name, elements[i].name) >= 0)) {
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
	return strcasecmp(a->name, b->name);
}

static enum xml_ns
ns_of(const struct xmlfeed *x, const xmlChar *uri)
{
	size_t i;

	if (x->alias_set && (uri == NULL ? x->alias_uri == NULL :
	    x->alias_uri != NULL && strcmp((const char *)uri, x->alias_uri) == 0)) {
		return x->alias_ns;
	}
	if (uri == NULL) {
		return NS_NONE;
	}
	for (i = 0; i < sizeof(namespaces) / sizeof(namespaces[0]); i++) {
		if (strcasecmp((const char *)uri, namespaces[i].uri) == 0) {
			return namespaces[i].ns;
		}
	}
	return NS_OTHER;
}

static const struct element_def *
element_find(const struct xmlfeed *x, const xmlChar *uri, const xmlChar *local)
{
	struct element_def key = { ns_of(x, uri), (const char *)local, EL_COUNT,
	                           FIELD_NONE, 0 };

	if (key.ns == NS_OTHER) {
		return NULL;
	}
	return bsearch(&key, elements, NELEMENTS, sizeof(elements[0]), element_cmp);
}

/* element_find() through x's memo; only below the root, whose namespace
 * (see root_check) the answers depend on. */
static const struct element_def *
element_find_memo(struct xmlfeed *x, const xmlChar *uri, const xmlChar *local)
{
	uintptr_t h = ((uintptr_t)local >> 3) ^ ((uintptr_t)uri >> 5);
	struct element_memo *m = &x->memo[(h ^ h >> 7) % ELEMENT_MEMO];

	if (m->local != local || m->uri != uri) {
		m->def = element_find(x, uri, local);
		m->local = local;
		m->uri = uri;
	}
	return m->def;
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
			*o++ = *v;
			if (*v == '&' && end - v >= 5 && memcmp(v, "&#38;", 5) == 0) {
				v += 4;	/* the "&" is out; skip "#38;" */
			}
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
static int
is_ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Whether url is an absolute http(s) URL of a host and a path of
 * letters, digits, "-", ".", "_", "~" and "/" only, no segment starting
 * with a dot: libxml2 gives such a URL back as it is, whatever the base,
 * so it needs no resolving. */
static int
is_plain_absolute(const char *url)
{
	const char *p = strncmp(url, "https://", 8) == 0 ? url + 8 :
	                strncmp(url, "http://", 7) == 0 ? url + 7 : NULL;

	if (p == NULL || *p == '\0' || *p == '/' || *p == '.') {
		return 0;
	}
	for (; *p != '\0' && *p != '/'; p++) {
		if (!is_ascii_alnum(*p) && *p != '-' && *p != '.') {
			return 0;
		}
	}
	for (; *p != '\0'; p++) {
		if ((!is_ascii_alnum(*p) && strchr("-._~/", *p) == NULL) ||
		    (*p == '.' && p[-1] == '/')) {
			return 0;	/* or a dot segment, to be safe */
		}
	}
	return 1;
}

static char *
link_resolve(const struct xmlfeed *x, const char *s)
{
	char *t = trimmed(s), *abs;

	if (t == NULL || is_plain_absolute(t)) {
		return t;
	}
	abs = url_resolve(t, base_now(x));
	free(t);
	return abs;
}

/* Channel metadata goes through the gate as it is stored, so that the
 * caller can print it as soon as the first item is done. */
static int
store_channel(struct xmlfeed *x, enum field field, int rank, const char *text,
              enum entry_markup markup)
{
	char **slot = NULL;
	char *v = NULL;

	switch (field) {
	case FIELD_TITLE:
		slot = &x->meta->title;
		v = entry_clean_line(text, markup);
		break;
	case FIELD_LINK:
		slot = &x->meta->link;
		v = link_resolve(x, text);
		break;
	case FIELD_SUMMARY:
		slot = &x->meta->description;
		v = entry_clean_line(text, markup);
		break;
	case FIELD_AUTHOR:
		if (rank < x->feed_rank[FIELD_AUTHOR] && nf_strset(&x->feed_author, text) != 0) {
			return -1;
		}
		slot = &x->meta->author;
		v = entry_clean_line(text, ENTRY_GUESS);
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
	case FIELD_OUTLET: return &raw->outlet;
	default: return NULL;
	}
}

/* How captured text is to be read by the field rules. */
static enum entry_markup
capture_markup(const struct capture *cap)
{
	if (cap->markup || cap->kind == CAPTURE_HTML || cap->kind == CAPTURE_XHTML) {
		return ENTRY_HTML;
	}
	return cap->kind == CAPTURE_PLAIN ? ENTRY_PLAIN : ENTRY_GUESS;
}

/* A comma-separated list of categories (<tags>a, b</tags>). */
static int
add_tags(struct entry_raw *raw, const char *text)
{
	char *list = strdup(text), *tag, *save = NULL;
	int rc = list != NULL ? 0 : -1;

	for (tag = list != NULL ? strtok_r(list, ",", &save) : NULL; tag != NULL && rc == 0;
	     tag = strtok_r(NULL, ",", &save)) {
		rc = entry_add_category(raw, tag);
	}
	free(list);
	return rc;
}

static int
store_item(struct xmlfeed *x, const struct capture *cap, const char *text)
{
	struct entry_raw *raw = &x->raw;
	enum entry_markup markup = capture_markup(cap);
	int *rank = &x->item_rank[cap->field];
	char **slot, *v;
	int rc;

	if (cap->field == FIELD_CATEGORY) {
		return entry_add_category(raw, text);
	}
	if (cap->field == FIELD_TAGS) {
		return add_tags(raw, text);
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
		raw->title_markup = markup;
	} else if (cap->field == FIELD_SUMMARY) {
		raw->summary_markup = markup;
	} else if (cap->field == FIELD_CONTENT) {
		raw->content_markup = markup;
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

/* The value of one base64 digit, or -1. */
static int
base64_digit(unsigned char c)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c != '\0' ? strchr(digits, c) : NULL;

	return p != NULL ? (int)(p - digits) : -1;
}

/* Decodes base64 text in place (whitespace and "=" ignored, as are
 * stray characters, so a damaged value yields what it can). */
static void
base64_decode(struct buf *b)
{
	size_t i, o = 0;
	unsigned long acc = 0;
	int bits = 0, d;

	for (i = 0; i < b->len; i++) {
		if ((d = base64_digit((unsigned char)b->data[i])) < 0) {
			continue;
		}
		acc = (acc << 6 | (unsigned long)d) & 0xFFFFFF;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			b->data[o++] = (char)(acc >> bits & 0xFF);
		}
	}
	b->len = o;
	if (b->data != NULL) {
		b->data[o] = '\0';
	}
}

static void
capture_finish(struct xmlfeed *x)
{
	struct capture *cap = &x->cap;
	const char *text;
	int rc;

	cap->depth = 0;
	if (cap->kind == CAPTURE_SKIP) {
		return;
	}
	if (cap->base64) {
		base64_decode(&cap->text);
	}
	text = cap->text.data != NULL ? cap->text.data : "";
	if (x->item_depth > 0) {
		rc = store_item(x, cap, text);
	} else {
		rc = store_channel(x, cap->field, cap->rank, text, capture_markup(cap));
	}
	if (rc != 0) {
		fail_nomem(x);
	}
}

/* How text of an Atom type is read; dflt when the type says nothing. */
static enum capture_kind
kind_of_type(const char *type, enum capture_kind dflt)
{
	if (type == NULL || type[0] == '\0') {
		return dflt;
	}
	if (strcasecmp(type, "html") == 0 || strcasecmp(type, "text/html") == 0) {
		return CAPTURE_HTML;
	}
	if (strcasecmp(type, "xhtml") == 0 || strstr(type, "xml") != NULL) {
		return CAPTURE_XHTML;
	}
	if (strcasecmp(type, "text") == 0 || strncasecmp(type, "text/", 5) == 0 ||
	    strcasecmp(type, "plain") == 0) {
		return CAPTURE_PLAIN;
	}
	return CAPTURE_SKIP;	/* base64 pictures and the like */
}

/* How an element's text is to be read: Atom's type (and Atom 0.3's mode)
 * attributes, else the element's own default. mode="base64" is text of
 * its type once decoded (Atom 0.3 titles, subtitles and content). */
static enum capture_kind
capture_kind_of(const xmlChar **attrs, int n, enum capture_kind dflt, int *base64)
{
	char *mode = attr_get(attrs, n, NULL, "mode");
	char *type = attr_get(attrs, n, NULL, "type");
	enum capture_kind kind = kind_of_type(type, dflt);

	*base64 = mode != NULL && strcasecmp(mode, "base64") == 0;
	if (mode != NULL && !*base64) {
		kind = strcasecmp(mode, "escaped") == 0 ? CAPTURE_HTML :
		       strcasecmp(mode, "xml") == 0 ? CAPTURE_XHTML : CAPTURE_SKIP;
	}
	if (*base64 && kind == CAPTURE_XHTML) {
		kind = CAPTURE_HTML;	/* decoded markup is text, not elements */
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
	} else if (def->id == EL_XHTML_BODY) {
		dflt = CAPTURE_XHTML;
	} else if (def->ns == NS_ATOM && (def->field == FIELD_TITLE ||
	           def->field == FIELD_SUMMARY || def->field == FIELD_CONTENT)) {
		dflt = CAPTURE_PLAIN;	/* Atom text constructs are text by default */
	}
	cap->depth = x->depth;
	cap->field = def->field;
	cap->rank = def->rank + (x->foreign_depth > 0 ? FOREIGN_RANK : 0);
	cap->kind = capture_kind_of(attrs, n, dflt, &cap->base64);
	cap->markup = 0;
	cap->permalink = def->id == EL_GUID && !attr_is(attrs, n, "isPermaLink", "false");
	buf_reset(&cap->text);
}

/* A field past the ceiling is dropped whole, and counted so that the
 * caller can say so. */
static void
capture_drop(struct xmlfeed *x)
{
	if (x->cap.kind != CAPTURE_SKIP) {
		x->cap.kind = CAPTURE_SKIP;
		x->meta->fields_dropped++;
	}
}

static void
capture_add(struct xmlfeed *x, const char *s, size_t n, int escape)
{
	struct buf *b = &x->cap.text;
	size_t i, start = 0;

	if (!escape) {
		if (buf_add(b, s, n) != NF_OK) {
			capture_drop(x);
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
		capture_drop(x);
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
	                   id == EL_ATOM_CATEGORY ? "term" :
	                   id == EL_ITUNES_CATEGORY ? "text" : "href";
	char *v = attr_get(attrs, n, NULL, name), *url = NULL;
	char *rel = attr_get(attrs, n, NULL, "rel");
	char *type = attr_get(attrs, n, NULL, "type");
	char *extra = attr_get(attrs, n, NULL, id == EL_MEDIA_CONTENT ? "medium" : "length");
	int in_item = x->item_depth > 0, rc = 0;
	int alternate = rel == NULL || strcmp(rel, "alternate") == 0;

	if (v == NULL) {
		goto out;
	}
	if (id == EL_ATOM_CATEGORY || id == EL_ITUNES_CATEGORY) {
		rc = in_item ? entry_add_category(&x->raw, v) : 0;
		goto out;
	}
	if ((url = link_resolve(x, v)) == NULL) {
		rc = -1;
	} else if (id == EL_ATOM_LINK && alternate && (type == NULL ||
	           strstr(type, "html") != NULL)) {
		int rank = x->meta->format != NULL && strcmp(x->meta->format, "atom") == 0 ? 0 : 1;

		rc = in_item ? set_ranked(&x->raw.link, &x->item_rank[FIELD_LINK], rank, url) :
		     store_channel(x, FIELD_LINK, rank, url, ENTRY_GUESS);
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
	/* Inside the item, only elements unknown within it lower a rank. */
	x->outer_foreign_depth = x->foreign_depth;
	x->foreign_depth = 0;
	for (i = 0; i < FIELD_COUNT; i++) {
		x->item_rank[i] = INT_MAX;
	}
	about = attr_get(attrs, n, "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "about");
	if (about != NULL && set_ranked(&x->raw.id, &x->item_rank[FIELD_ID], 1, about) != 0) {
		fail_nomem(x);
	}
	free(about);
}

/* Hands the item on to the pipe's thread. */
static void
item_put(struct xmlfeed *x)
{
	int rc = itempipe_put(x->pipe, &x->raw, x->feed_author);

	x->nitems++;
	if (rc < 0) {
		fail_nomem(x);
	} else if (rc > 0) {
		xmlStopParser(x->xml);
		x->stopped = 1;
	}
}

/* Waits for the pipe's items; its error becomes the parser's. */
static void
pipe_close(struct xmlfeed *x)
{
	struct nf_error err;

	if (x->pipe != NULL && itempipe_close(x->pipe, &err) != NF_OK &&
	    x->status == NF_OK) {
		x->status = err.code;
		x->cb_err = err;
	}
	x->pipe = NULL;
}

static void
item_end(struct xmlfeed *x)
{
	struct nf_item *item = NULL;
	struct nf_error err;

	x->item_depth = 0;
	x->foreign_depth = x->outer_foreign_depth;
	if (x->opts->pipeline && x->nitems > 0 && !x->pipe_tried) {
		x->pipe_tried = 1;	/* NULL: built here, as without */
		x->pipe = itempipe_open(x->opts, x->meta, x->on_item, x->ctx);
	}
	if (x->pipe != NULL) {
		item_put(x);
		return;
	}
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

/*
 * The root element decides the format; anything else is not a feed. A
 * <feed> or <rss> in a namespace we do not know, or in none, is still
 * that feed: Atom drafts and pre-1.0 RSS went by several namespaces
 * (purl.org/echo, backend.userland.com/rss2.1), and many Atom feeds
 * forget theirs. Its namespace is then read as Atom's or RSS's.
 */
static void
root_check(struct xmlfeed *x, const struct element_def *def, const xmlChar *uri,
           const xmlChar *local)
{
	enum element id = def != NULL ? def->id : EL_COUNT;

	if (def == NULL && (ns_of(x, uri) == NS_OTHER || ns_of(x, uri) == NS_NONE) &&
	    (strcasecmp((const char *)local, "feed") == 0 ||
	     strcasecmp((const char *)local, "rss") == 0)) {
		x->alias_ns = strcasecmp((const char *)local, "feed") == 0 ? NS_ATOM : NS_NONE;
		x->alias_set = 1;
		if (uri != NULL && (x->alias_uri = strdup((const char *)uri)) == NULL) {
			fail_nomem(x);
			return;
		}
		def = element_find(x, uri, local);
		id = def != NULL ? def->id : EL_COUNT;
	}
	if (id == EL_RSS || id == EL_RDF_RDF || id == EL_ATOM_FEED) {
		x->meta->format = id == EL_RSS ? "rss" : id == EL_RDF_RDF ? "rdf" : "atom";
		x->root_ok = 1;
		return;
	}
	x->not_feed = strdup((const char *)local);
	xmlStopParser(x->xml);
	x->stopped = 1;
}

/* An Atom link with its URL as text instead of an href, as some feeds
 * write it (alternate links only: an enclosure needs its attributes). */
static const struct element_def text_link = {
	NS_ATOM, "link", EL_ATOM_LINK, FIELD_LINK, 1
};

static int
is_text_link(const xmlChar **attrs, int n)
{
	char *href = attr_get(attrs, n, NULL, "href");
	char *rel = attr_get(attrs, n, NULL, "rel");
	int is = href == NULL && (rel == NULL || strcmp(rel, "alternate") == 0);

	free(href);
	free(rel);
	return is;
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
	if (x->depth == 1) {
		memset(x->memo, 0, sizeof(x->memo));
		root_check(x, element_find(x, uri, local), uri, local);
		return;
	}
	def = element_find_memo(x, uri, local);
	if (def == NULL) {
		if (x->foreign_depth == 0) {
			x->foreign_depth = x->depth;
		}
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
		if (is_text_link(attrs, nattrs)) {
			capture_begin(x, &text_link, attrs, nattrs);
			return;
		}
		/* fall through */
	case EL_ATOM_CATEGORY:
	case EL_ITUNES_CATEGORY:
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
	if (x->foreign_depth == x->depth) {
		x->foreign_depth = 0;
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
	x->first_error_depth = x->depth;
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
 * which would switch back. Returns whether the document is read as
 * UTF-8. */
static int
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
		return name == NULL || is_utf8_name(name, n);
	}
	xmlCtxtUseOptions(x->xml, XML_PARSE_NONET | XML_PARSE_RECOVER |
	                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC);
	xmlSwitchToEncoding(x->xml, h);
	x->charset = NULL;
	return 0;
}

static void
parse_chunk(void *ctx, const char *data, size_t len, int final)
{
	struct xmlfeed *x = ctx;

	xmlParseChunk(x->xml, data, (int)len, final);
}

/* Creates the libxml2 context on the first bytes, where the encoding is
 * still to be decided. */
static int
xml_start(struct xmlfeed *x, const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	int utf16 = len >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) ||
	            (u[0] == 0xFF && u[1] == 0xFE) || u[0] == 0 || u[1] == 0);
	int utf8 = 0;
	xmlSAXHandler sax;

	sax_init(&sax);
	x->xml = xmlCreatePushParserCtxt(&sax, x, NULL, 0, x->opts->source);
	if (x->xml == NULL) {
		return -1;
	}
	xmlCtxtUseOptions(x->xml, XML_PARSE_NONET | XML_PARSE_RECOVER |
	                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!utf16) {
		utf8 = use_superset(x, data, len);
	}
	if ((x->filter = xmlfilter_new(utf8, utf16, parse_chunk, x)) == NULL) {
		return -1;
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
		xmlfilter_push(x->filter, data, len, final);
	}
	if (final && x->item_depth > 0 && !x->stopped && x->status == NF_OK) {
		/* A file cut off inside an item: keep what was read of it, as
		 * feedparser does, with the text of the element it stopped in,
		 * when that gives it at least a title or a link. */
		if (x->cap.depth > 0) {
			capture_finish(x);
		}
		if (x->raw.title != NULL || x->raw.link != NULL) {
			item_end(x);
		}
	}
	if (final) {
		pipe_close(x);
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
	    x->first_error_code != XML_ERR_DOCUMENT_END &&
	    x->first_error_depth > 1) {
		/* broken before its first item: an error, not an empty feed
		 * (text after a closed root, or a root end tag cut short
		 * after its channel closed, is only noise) */
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
	pipe_close(x);	/* its thread may still be handing items on */
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
	free(x->alias_uri);
	free(x->feed_author);
	buf_free(&x->cap.text);
	xmlfilter_free(x->filter);
	free(x);
}
