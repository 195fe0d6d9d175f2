#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feeds/feed.h"
#include "feeds/jsonfeed.h"
#include "feeds/xmlfeed.h"
#include "src/buf.h"

#define DEFAULT_MAX_SIZE (16u << 20)
#define SNIFF_SIZE 512

enum feed_mode { MODE_SNIFF, MODE_XML, MODE_JSON, MODE_DONE };

struct feed_parser {
	const struct feed_options *opts;
	feed_item_fn on_item;
	void *ctx;
	struct nf_feed *meta;
	enum feed_mode mode;
	struct buf head;	/* the first bytes, or the whole JSON document */
	struct xmlfeed *xml;
};

struct feed_parser *
feed_parser_new(const struct feed_options *opts, feed_item_fn on_item, void *ctx)
{
	struct feed_parser *p = calloc(1, sizeof(*p));

	if (p == NULL) {
		return NULL;
	}
	p->opts = opts;
	p->on_item = on_item;
	p->ctx = ctx;
	buf_init(&p->head, opts->max_size > 0 ? opts->max_size : DEFAULT_MAX_SIZE);
	if ((p->meta = feed_new()) == NULL ||
	    nf_strset(&p->meta->source, opts->source) != 0) {
		feed_parser_free(p);
		return NULL;
	}
	return p;
}

/* Whether the XML declaration names an encoding. */
static int
declares_encoding(const char *s, size_t n)
{
	const char *end;

	if (n < 5 || memcmp(s, "<?xml", 5) != 0 || (end = memmem(s, n, "?>", 2)) == NULL) {
		return 0;
	}
	return memmem(s, (size_t)(end - s), "encoding", 8) != NULL;
}

int
feed_names_encoding(const char *head, size_t len)
{
	const unsigned char *s = (const unsigned char *)head;
	size_t i = 0;

	if (len >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) || (s[0] == 0xFF && s[1] == 0xFE))) {
		return 1;
	}
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		return 1;
	}
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
		i++;
	}
	return (i < len && s[i] == '{') || declares_encoding(head + i, len - i);
}

/* Decides the format from the first bytes. A UTF-8 BOM and blank lines
 * before "<" are dropped: libxml2 rejects an XML declaration that does not
 * open the document, and feeds in the wild have both. */
static enum nf_status
sniff(struct feed_parser *p, size_t *skip, struct nf_error *err)
{
	const unsigned char *s = (const unsigned char *)p->head.data;
	size_t n = p->head.len, i = 0;
	const char *charset = p->opts->charset;

	if (n >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) || (s[0] == 0xFF && s[1] == 0xFE))) {
		*skip = 0;	/* UTF-16: libxml2 reads the BOM itself */
		p->mode = MODE_XML;
		p->xml = xmlfeed_new(p->opts, p->meta, NULL, p->on_item, p->ctx);
		return p->xml != NULL ? NF_OK : nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		i = 3;
		charset = NULL;
	}
	while (i < n && strchr(" \t\r\n", s[i]) != NULL && s[i] != '\0') {
		i++;
	}
	*skip = i;
	if (i == n) {
		return nf_error_set(err, NF_ERR_PARSE, "not a feed: %s",
		                    n == 0 ? "the document is empty" : "the document is blank");
	}
	if (s[i] == '{') {
		p->mode = MODE_JSON;
		return NF_OK;
	}
	if (s[i] != '<') {
		return nf_error_set(err, NF_ERR_PARSE, "not a feed: neither XML nor JSON");
	}
	if (n - i >= 14 && strncasecmp((const char *)s + i, "<!doctype html", 14) == 0) {
		/* HTML5's doctype, which libxml2 would call an invalid tag */
		return nf_error_set(err, NF_ERR_PARSE,
		                    "not a feed: the document is <html> (a web page)");
	}
	if (declares_encoding((const char *)s + i, n - i)) {
		charset = NULL;	/* the document's own word wins */
	}
	p->mode = MODE_XML;
	p->xml = xmlfeed_new(p->opts, p->meta, charset, p->on_item, p->ctx);
	return p->xml != NULL ? NF_OK : nf_error_set(err, NF_ERR_NOMEM, "out of memory");
}

static enum nf_status
push_head(struct feed_parser *p, int final, struct nf_error *err)
{
	size_t skip = 0;
	enum nf_status st;

	if (p->head.len < SNIFF_SIZE && !final) {
		return NF_OK;
	}
	if ((st = sniff(p, &skip, err)) != NF_OK) {
		p->mode = MODE_DONE;
		return st;
	}
	if (p->mode == MODE_JSON) {
		return final ? jsonfeed_parse(p->head.data + skip, p->head.len - skip,
		                              p->opts, p->meta, p->on_item, p->ctx, err) : NF_OK;
	}
	st = xmlfeed_push(p->xml, p->head.data + skip, p->head.len - skip, final, err);
	buf_free(&p->head);
	return st;
}

enum nf_status
feed_parser_push(struct feed_parser *p, const char *chunk, size_t len, int final,
                 struct nf_error *err)
{
	enum nf_status st = NF_OK;

	switch (p->mode) {
	case MODE_SNIFF:
	case MODE_JSON:
		if (buf_add(&p->head, chunk, len) != NF_OK) {
			p->mode = MODE_DONE;
			return nf_error_set(err, NF_ERR_TOO_LARGE, "the feed is larger than %zu bytes",
			                    p->head.max);
		}
		if (p->mode == MODE_SNIFF) {
			st = push_head(p, final, err);
		} else if (final) {
			st = jsonfeed_parse(p->head.data, p->head.len, p->opts, p->meta,
			                    p->on_item, p->ctx, err);
		}
		break;
	case MODE_XML:
		st = xmlfeed_push(p->xml, chunk, len, final, err);
		break;
	case MODE_DONE:
		break;
	}
	if (final || st != NF_OK) {
		p->mode = MODE_DONE;
	}
	return st;
}

const struct nf_feed *
feed_parser_feed(const struct feed_parser *p)
{
	return p->meta;
}

void
feed_parser_free(struct feed_parser *p)
{
	if (p == NULL) {
		return;
	}
	xmlfeed_free(p->xml);
	buf_free(&p->head);
	feed_free(p->meta);
	free(p);
}

static int
collect_item(void *ctx, const struct nf_feed *meta, struct nf_item *item)
{
	struct nf_feed *out = ctx;

	(void)meta;
	if (feed_add_item(out, item) != 0) {
		item_free(item);
		return 1;
	}
	return 0;
}

enum nf_status
feed_parse(const char *buf, size_t len, const struct feed_options *opts,
           struct nf_feed **feed, struct nf_error *err)
{
	struct nf_feed *out = feed_new();
	struct feed_parser *p = out != NULL ? feed_parser_new(opts, collect_item, out) : NULL;
	enum nf_status st;

	*feed = NULL;
	if (p == NULL) {
		feed_free(out);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	st = feed_parser_push(p, buf, len, 1, err);
	if (st == NF_OK) {
		/* The metadata moves over: the parser's copy goes with it. */
		out->source = p->meta->source;
		out->format = p->meta->format;
		out->title = p->meta->title;
		out->link = p->meta->link;
		out->description = p->meta->description;
		out->author = p->meta->author;
		memset(p->meta, 0, sizeof(*p->meta));
		*feed = out;
		out = NULL;
	}
	feed_parser_free(p);
	feed_free(out);
	return st;
}
