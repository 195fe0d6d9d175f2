/* OPML: reading feed lists, and the list itself. */
#include "autoconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "feeds/opml.h"
#include "src/text.h"
#include "src/url.h"

/* Deeper nesting than this is not a feed list anyone wrote by hand. */
#define OPML_MAX_DEPTH 32
/* The largest OPML file read. */
#define OPML_MAX_SIZE (16L * 1024 * 1024)

struct walk {
	struct opml_list *list;
	char *tags[OPML_MAX_DEPTH];
	int depth;
};

/* Returns s through the text gate (invalid UTF-8, controls, escape
 * sequences and bidi overrides out: titles and tags end up on the screen
 * and in the dotfile) with runs of blanks made one space, trimmed; with
 * as_tag, spaces become '-' and quotes and a leading '#' are dropped, so
 * that a tag stays one dotfile word. NULL when nothing is left or out of
 * memory. */
static char *
clean_text(const xmlChar *s, int as_tag)
{
	char *out, *d, *p;
	int space = 0;

	if (s == NULL ||
	    (out = text_clean_line((const char *)s, strlen((const char *)s))) == NULL) {
		return NULL;
	}
	/* In place: d never passes p. */
	for (d = out, p = out; *p != 0; p++) {
		if (*p == ' ') {
			space = d > out;
			continue;
		}
		if (as_tag && (*p == '"' || (*p == '#' && d == out))) {
			continue;
		}
		if (space) {
			*d++ = as_tag ? '-' : ' ';
			space = 0;
		}
		*d++ = *p;
	}
	*d = 0;
	if (d == out) {
		free(out);
		return NULL;
	}
	return out;
}

static xmlChar *
get_attr(xmlNode *n, const char *name, const char *alt)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);

	if (v == NULL && alt != NULL) {
		v = xmlGetProp(n, (const xmlChar *)alt);
	}
	return v;
}

static int
is_element(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	       xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

/* An http(s) URL with something after the scheme. */
static int
opml_is_remote(const char *url)
{
	return url_is_http(url) && url[strcspn(url, ":") + 3] != 0;
}

/* Adds the feed of outline n, found inside the folders of w. Takes url. */
static enum nf_status
add_feed(struct walk *w, xmlNode *n, char *url, struct nf_error *err)
{
	char *tags[OPML_MAX_DEPTH], *title;
	xmlChar *attr = get_attr(n, "title", "text");
	size_t ntags = 0;
	int i;
	enum nf_status st;

	title = clean_text(attr, 0);
	xmlFree(attr);
	/* An outline must have text, so a feed without a title is exported
	 * with its URL as the text: that is no title. */
	if (title != NULL && strcmp(title, url) == 0) {
		free(title);
		title = NULL;
	}
	for (i = 0; i < w->depth; i++) {
		if (w->tags[i] != NULL) {
			tags[ntags++] = w->tags[i];
		}
	}
	st = opml_list_add(w->list, url, title, tags, ntags, err);
	free(title);
	free(url);
	return st;
}

static enum nf_status walk_outlines(struct walk *w, xmlNode *parent,
                                    struct nf_error *err);

/* One outline: a feed when it has an xmlUrl, else a folder whose text is
 * a tag of everything inside it. */
static enum nf_status
walk_outline(struct walk *w, xmlNode *n, struct nf_error *err)
{
	xmlChar *url = get_attr(n, "xmlUrl", "xmlurl"), *text;
	char *clean = clean_text(url, 0);
	enum nf_status st = NF_OK;

	xmlFree(url);
	if (clean != NULL && opml_is_remote(clean)) {
		st = add_feed(w, n, clean, err);
	} else if (clean != NULL) {
		w->list->nskipped++;
		free(clean);
	}
	if (st != NF_OK || n->children == NULL) {
		return st;
	}
	if (w->depth == OPML_MAX_DEPTH) {
		return nf_error_set(err, NF_ERR_PARSE, "outlines nested too deeply");
	}
	text = get_attr(n, "text", "title");
	w->tags[w->depth++] = clean_text(text, 1);
	xmlFree(text);
	st = walk_outlines(w, n, err);
	free(w->tags[--w->depth]);
	return st;
}

static enum nf_status
walk_outlines(struct walk *w, xmlNode *parent, struct nf_error *err)
{
	xmlNode *n;
	enum nf_status st = NF_OK;

	for (n = parent->children; n != NULL && st == NF_OK; n = n->next) {
		if (is_element(n, "outline")) {
			st = walk_outline(w, n, err);
		}
	}
	return st;
}

enum nf_status
opml_parse(const char *data, size_t len, struct opml_list *out,
           struct nf_error *err)
{
	struct walk w = { out, { NULL }, 0 };
	xmlDoc *doc;
	xmlNode *root, *n;
	enum nf_status st;

	memset(out, 0, sizeof(*out));
	if (len > (size_t)OPML_MAX_SIZE) {
		return nf_error_set(err, NF_ERR_TOO_LARGE, "larger than 16 MiB");
	}
	/* No XML_PARSE_NOENT or DTDLOAD: external entities are never read,
	 * and NONET keeps the parser off the network. RECOVER: exported
	 * lists often carry a bare & in a URL. */
	doc = xmlReadMemory(data, (int)len, NULL, NULL,
	                    XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
	                    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL || !is_element(root, "opml")) {
		xmlFreeDoc(doc);
		return nf_error_set(err, NF_ERR_PARSE, "not an OPML document");
	}
	st = NF_OK;
	for (n = root->children; n != NULL && st == NF_OK; n = n->next) {
		if (is_element(n, "body")) {
			st = walk_outlines(&w, n, err);
		}
	}
	xmlFreeDoc(doc);
	return st;
}

enum nf_status
opml_read_file(const char *path, struct opml_list *out, struct nf_error *err)
{
	struct buf b;
	char chunk[8192];
	size_t n;
	FILE *f;
	enum nf_status st = NF_OK;

	memset(out, 0, sizeof(*out));
	if ((f = fopen(path, "rb")) == NULL) {
		return nf_error_set(err, NF_ERR_IO, "%s", strerror(errno));
	}
	buf_init(&b, OPML_MAX_SIZE);
	while (st == NF_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		st = buf_add(&b, chunk, n);
	}
	if (st == NF_OK && ferror(f)) {
		st = nf_error_set(err, NF_ERR_IO, "%s", strerror(errno));
	} else if (st != NF_OK) {
		nf_error_set(err, st, st == NF_ERR_TOO_LARGE ?
		             "larger than 16 MiB" : "out of memory");
	}
	fclose(f);
	if (st == NF_OK) {
		st = opml_parse(b.data != NULL ? b.data : "", b.len, out, err);
	}
	buf_free(&b);
	return st;
}

static void
feed_free(struct opml_feed *f)
{
	size_t i;

	for (i = 0; i < f->ntags; i++) {
		free(f->tags[i]);
	}
	free(f->tags);
	free(f->title);
	free(f->url);
}

/* Fills f with copies; on failure f holds what was copied, for feed_free(). */
static enum nf_status
feed_copy(struct opml_feed *f, const char *url, const char *title,
          char *const *tags, size_t ntags)
{
	memset(f, 0, sizeof(*f));
	if ((f->url = strdup(url)) == NULL ||
	    (title != NULL && (f->title = strdup(title)) == NULL) ||
	    (ntags > 0 && (f->tags = calloc(ntags, sizeof(char *))) == NULL)) {
		return NF_ERR_NOMEM;
	}
	for (; f->ntags < ntags; f->ntags++) {
		if ((f->tags[f->ntags] = strdup(tags[f->ntags])) == NULL) {
			return NF_ERR_NOMEM;
		}
	}
	return NF_OK;
}

enum nf_status
opml_list_add(struct opml_list *list, const char *url, const char *title,
              char *const *tags, size_t ntags, struct nf_error *err)
{
	struct opml_feed f, *grown = list->feeds;
	size_t n = list->nfeeds;

	/* The array doubles when the count reaches a power of two (only this
	 * function grows it), so a list of 50,000 feeds is not copied 50,000
	 * times. */
	if (feed_copy(&f, url, title, tags, ntags) != NF_OK ||
	    ((n & (n - 1)) == 0 &&
	     (grown = realloc(list->feeds, (n > 0 ? 2 * n : 1) * sizeof(f))) == NULL)) {
		feed_free(&f);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	list->feeds = grown;
	list->feeds[list->nfeeds++] = f;
	return NF_OK;
}

void
opml_list_free(struct opml_list *list)
{
	size_t i;

	if (list == NULL) {
		return;
	}
	for (i = 0; i < list->nfeeds; i++) {
		feed_free(&list->feeds[i]);
	}
	free(list->feeds);
	memset(list, 0, sizeof(*list));
}
