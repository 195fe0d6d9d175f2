#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <libxml/uri.h>

#include "feeds/feed.h"
#include "src/date.h"
#include "src/buf.h"
#include "src/dump.h"
#include "src/fetch.h"
#include "src/fold.h"

#define CHUNK_SIZE (64 * 1024)
#define SUMMARY_KEPT 256	/* bytes of summary kept per item for folding */

/*
 * --dump prints the JSON as the items arrive: the header with the channel
 * metadata when the first item is done, each item on its own line, and at
 * the end the stories folded from the little that was kept per item. So a
 * feed of any size dumps in bounded memory.
 */
struct dump {
	FILE *out;
	int started;
	size_t nitems;
	struct fold_entry *entries;
	size_t cap;
	int failed;		/* out of memory or stdout closed */
};

static void
put_string(FILE *out, const char *s)
{
	cJSON *str = cJSON_CreateString(nf_str(s));
	char *text = str != NULL ? cJSON_PrintUnformatted(str) : NULL;

	fputs(text != NULL ? text : "\"\"", out);
	free(text);
	cJSON_Delete(str);
}

static void
print_header(struct dump *d, const struct nf_feed *meta)
{
	static const char *const keys[] = { "source", "format", "title", "link", "description" };
	const char *values[] = { meta->source, meta->format, meta->title, meta->link,
	                         meta->description };
	size_t i;

	for (i = 0; i < 5; i++) {
		fputs(i == 0 ? "{\"" : ",\"", d->out);
		fputs(keys[i], d->out);
		fputs("\":", d->out);
		put_string(d->out, values[i]);
	}
	fputs(",\n\"items\":[\n", d->out);
	d->started = 1;
}

static void
add_date(cJSON *obj, const char *key, int64_t t)
{
	char buf[32];

	if (t == NF_NO_DATE) {
		cJSON_AddNullToObject(obj, key);
	} else {
		cJSON_AddStringToObject(obj, key, date_format_rfc3339(t, buf));
	}
}

static cJSON *
related_json(const struct nf_related *r, int with_copies)
{
	cJSON *o = cJSON_CreateObject(), *copies;
	size_t i;

	cJSON_AddStringToObject(o, "title", nf_str(r->title));
	cJSON_AddStringToObject(o, "link", nf_str(r->link));
	cJSON_AddStringToObject(o, "source", nf_str(r->source));
	if (with_copies) {
		copies = cJSON_AddArrayToObject(o, "copies");
		for (i = 0; i < r->ncopies; i++) {
			cJSON_AddItemToArray(copies, related_json(&r->copies[i], 0));
		}
	}
	return o;
}

static cJSON *
item_json(const struct nf_item *it)
{
	cJSON *o = cJSON_CreateObject(), *a, *e;
	size_t i;

	cJSON_AddStringToObject(o, "id", nf_str(it->id));
	cJSON_AddStringToObject(o, "title", nf_str(it->title));
	cJSON_AddStringToObject(o, "link", nf_str(it->link));
	cJSON_AddStringToObject(o, "author", nf_str(it->author));
	add_date(o, "published", it->published);
	add_date(o, "updated", it->updated);
	cJSON_AddStringToObject(o, "summary", nf_str(it->summary));
	cJSON_AddStringToObject(o, "content", nf_str(it->content));
	if (it->image == NULL) {
		cJSON_AddNullToObject(o, "image");
	} else if ((e = cJSON_AddObjectToObject(o, "image")) != NULL) {
		cJSON_AddStringToObject(e, "url", nf_str(it->image->url));
		cJSON_AddStringToObject(e, "caption", nf_str(it->image->caption));
		cJSON_AddStringToObject(e, "credit", nf_str(it->image->credit));
	}
	a = cJSON_AddArrayToObject(o, "enclosures");
	for (i = 0; a != NULL && i < it->nenclosures; i++) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "url", nf_str(it->enclosures[i].url));
		cJSON_AddStringToObject(e, "type", nf_str(it->enclosures[i].type));
		cJSON_AddNumberToObject(e, "length", (double)it->enclosures[i].length);
		cJSON_AddItemToArray(a, e);
	}
	a = cJSON_AddArrayToObject(o, "categories");
	for (i = 0; a != NULL && i < it->ncategories; i++) {
		cJSON_AddItemToArray(a, cJSON_CreateString(it->categories[i]));
	}
	a = cJSON_AddArrayToObject(o, "related");
	for (i = 0; a != NULL && i < it->nrelated; i++) {
		cJSON_AddItemToArray(a, related_json(&it->related[i], 1));
	}
	return o;
}

/* A prefix of s of at most max bytes, not splitting a UTF-8 character. */
static char *
prefix_dup(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
			n--;
		}
	}
	return strndup(s, n);
}

/* Keeps what folding needs of one item. */
static int
keep_entry(struct dump *d, const struct nf_item *it)
{
	struct fold_entry *e;

	if (d->nitems == d->cap) {
		size_t cap = d->cap > 0 ? d->cap * 2 : 256;

		if ((e = realloc(d->entries, cap * sizeof(*e))) == NULL) {
			return -1;
		}
		d->entries = e;
		d->cap = cap;
	}
	e = &d->entries[d->nitems];
	memset(e, 0, sizeof(*e));
	e->title = strdup(nf_str(it->title));
	e->id = it->id != NULL ? strdup(it->id) : NULL;
	e->link = it->link != NULL ? strdup(it->link) : NULL;
	e->summary = it->summary != NULL ? prefix_dup(it->summary, SUMMARY_KEPT) : NULL;
	e->time = it->published;
	e->text_len = item_text_length(it);
	d->nitems++;
	if (e->title == NULL || (it->id != NULL && e->id == NULL) ||
	    (it->link != NULL && e->link == NULL) ||
	    (it->summary != NULL && e->summary == NULL)) {
		return -1;
	}
	return 0;
}

static int
on_item(void *ctx, const struct nf_feed *meta, struct nf_item *item)
{
	struct dump *d = ctx;
	cJSON *o = item_json(item);
	char *text = o != NULL ? cJSON_PrintUnformatted(o) : NULL;

	if (!d->started) {
		print_header(d, meta);
	}
	if (text == NULL || keep_entry(d, item) != 0) {
		d->failed = 1;
	} else {
		fputs(d->nitems > 1 ? ",\n" : "", d->out);
		fputs(text, d->out);
		d->failed = ferror(d->out) != 0;
	}
	free(text);
	cJSON_Delete(o);
	item_free(item);
	return d->failed;
}

static enum nf_status
print_stories(struct dump *d, const struct nf_feed *meta, struct nf_error *err)
{
	struct fold_result res = { NULL, 0 };
	enum nf_status st;
	size_t i, j;

	for (i = 0; i < d->nitems; i++) {
		d->entries[i].source = meta->title;
	}
	if ((st = fold_stories(d->entries, d->nitems, FOLD_DEFAULT_THRESHOLD, &res, err)) != NF_OK) {
		return st;
	}
	fputs("\n],\n\"stories\":[", d->out);
	for (i = 0; i < res.nstories; i++) {
		fprintf(d->out, "%s{\"lead\":%zu,\"similar\":[", i > 0 ? ",\n" : "\n",
		        res.stories[i].lead);
		for (j = 0; j < res.stories[i].nsimilar; j++) {
			fprintf(d->out, "%s%zu", j > 0 ? "," : "", res.stories[i].similar[j]);
		}
		fputs("]}", d->out);
	}
	fputs("\n]}\n", d->out);
	fold_result_free(&res);
	return NF_OK;
}

static void
dump_clear(struct dump *d)
{
	size_t i;

	for (i = 0; i < d->nitems; i++) {
		free((char *)d->entries[i].title);
		free((char *)d->entries[i].id);
		free((char *)d->entries[i].link);
		free((char *)d->entries[i].summary);
	}
	free(d->entries);
}

/* Reads fd in chunks into the parser. */
static enum nf_status
push_fd(struct feed_parser *p, int fd, struct nf_error *err)
{
	static char chunk[CHUNK_SIZE];
	enum nf_status st;
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			return nf_error_set(err, NF_ERR_IO, "read error: %s", strerror(errno));
		}
		st = feed_parser_push(p, chunk, (size_t)n, n == 0, err);
		if (st != NF_OK || n == 0) {
			return st;
		}
	}
}

static int
has_prefix(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* The path a file:// URL names, %xx decoded; a new string or NULL. */
static char *
file_url_path(const char *url)
{
	const char *p = url + strlen("file://");

	if (has_prefix(p, "localhost/")) {
		p += strlen("localhost");
	}
	if (*p != '/') {
		return NULL;
	}
	return xmlURIUnescapeString(p, 0, NULL);
}

/* The file:// URL of a path, the base for a local feed's relative links. */
static char *
path_url(const char *path)
{
	char abs[PATH_MAX], *url = NULL;
	xmlChar *esc;
	size_t n;

	if (realpath(path, abs) == NULL) {
		return NULL;
	}
	esc = xmlURIEscapeStr((const xmlChar *)abs, (const xmlChar *)"/");
	if (esc != NULL) {
		n = strlen((const char *)esc) + sizeof("file://");
		if ((url = malloc(n)) != NULL) {
			snprintf(url, n, "file://%s", (const char *)esc);
		}
		xmlFree(esc);
	}
	return url;
}

/* Opens SOURCE for reading (path, file:// URL, "-"); sets *base to a new
 * base URL for its relative links (or NULL). Returns an fd or -1. */
static int
open_source(const char *source, char **base, struct nf_error *err)
{
	char *path = NULL;
	int fd;

	*base = NULL;
	if (strcmp(source, "-") == 0) {
		return STDIN_FILENO;
	}
	if (has_prefix(source, "file://")) {
		if ((path = file_url_path(source)) == NULL) {
			nf_error_set(err, NF_ERR_USAGE, "not a local file URL");
			return -1;
		}
		*base = strdup(source);
	}
	fd = open(path != NULL ? path : source, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		nf_error_set(err, NF_ERR_IO, "cannot open: %s", strerror(errno));
	} else if (*base == NULL) {
		*base = path_url(source);
	}
	free(path);
	return fd;
}

/*
 * An http(s) body. fetch_url_stream() tells the Content-Type (and so the
 * charset) only when the transfer is over, so a body whose first bytes
 * settle its encoding streams into the parser at once, and one that does
 * not (no declaration, no BOM) is held back, within the fetch size
 * ceiling, until the HTTP charset is known.
 */
struct http_body {
	struct feed_options *opts;
	struct dump *d;
	struct feed_parser *p;
	struct buf held;
	int holding;		/* 1: hold the whole body back */
	enum nf_status st;
	struct nf_error *err;
};

static int
http_chunk(void *ctx, const char *data, size_t len)
{
	struct http_body *h = ctx;

	if (h->p == NULL && !h->holding) {
		if (buf_add(&h->held, data, len) != NF_OK) {
			h->st = nf_error_set(h->err, NF_ERR_NOMEM, "out of memory");
			return 1;
		}
		if (h->held.len < 512) {
			return 0;
		}
		if (!feed_names_encoding(h->held.data, h->held.len)) {
			h->holding = 1;
			return 0;
		}
		if ((h->p = feed_parser_new(h->opts, on_item, h->d)) == NULL) {
			h->st = nf_error_set(h->err, NF_ERR_NOMEM, "out of memory");
			return 1;
		}
		data = h->held.data;
		len = h->held.len;
	} else if (h->holding) {
		if (buf_add(&h->held, data, len) != NF_OK) {
			h->st = nf_error_set(h->err, NF_ERR_TOO_LARGE, "too large");
			return 1;
		}
		return 0;
	}
	h->st = feed_parser_push(h->p, data, len, 0, h->err);
	buf_free(&h->held);
	return h->st != NF_OK || h->d->failed;
}

/* Fetches and parses; on NF_OK *parser is the parser that read the body
 * (the caller frees it). */
static enum nf_status
dump_http(const char *url, struct feed_options *opts, struct dump *d,
          struct feed_parser **parser, char **charset_out, struct nf_error *err)
{
	struct http_body h = { opts, d, NULL, { NULL, 0, 0, 0 }, 0, NF_OK, err };
	char *type = NULL, *charset = NULL;
	enum nf_status st;

	buf_init(&h.held, 64u << 20);
	if ((st = fetch_global_init(err)) != NF_OK) {
		return st;
	}
	st = fetch_url_stream(url, NULL, http_chunk, &h, &type, err);
	if (st == NF_OK && h.st != NF_OK) {
		st = h.st;
	}
	if (st == NF_OK && h.p == NULL) {
		charset = type != NULL ? fetch_content_charset(type) : NULL;
		opts->charset = charset;
		if ((h.p = feed_parser_new(opts, on_item, d)) == NULL) {
			st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		} else {
			st = feed_parser_push(h.p, h.held.data, h.held.len, 1, err);
		}
	} else if (st == NF_OK) {
		st = feed_parser_push(h.p, NULL, 0, 1, err);
	}
	*parser = h.p;
	*charset_out = charset;	/* opts->charset points here */
	buf_free(&h.held);
	free(type);
	fetch_global_cleanup();
	return st;
}

static enum nf_status
dump_source(const char *source, struct dump *d, struct nf_error *err)
{
	struct feed_options opts = { source, NULL, NULL, FOLD_DEFAULT_THRESHOLD, 0 };
	struct feed_parser *p = NULL;
	char *base = NULL, *charset = NULL;
	enum nf_status st;
	int fd = -1;

	if (fetch_is_http(source)) {
		opts.base_url = source;
		st = dump_http(source, &opts, d, &p, &charset, err);
	} else {
		if ((fd = open_source(source, &base, err)) < 0) {
			return err->code;
		}
		opts.base_url = base;
		p = feed_parser_new(&opts, on_item, d);
		st = p != NULL ? push_fd(p, fd, err) : nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (st == NF_OK && d->failed) {
		st = nf_error_set(err, NF_ERR_IO, "cannot write the output");
	}
	if (p != NULL && (st == NF_OK || d->started)) {
		enum nf_status fst;

		if (!d->started) {
			print_header(d, feed_parser_feed(p));
		}
		fst = print_stories(d, feed_parser_feed(p), err);
		st = st != NF_OK ? st : fst;
	}
	feed_parser_free(p);
	if (fd > STDIN_FILENO) {
		close(fd);
	}
	free(base);
	free(charset);
	return st;
}

int
dump_main(const struct nf_args *args)
{
	struct dump d = { stdout, 0, 0, NULL, 0, 0 };
	struct nf_error err;
	enum nf_status st;
	const char *source = args->args[0];

	nf_error_clear(&err);
	st = dump_source(source, &d, &err);
	dump_clear(&d);
	if (fflush(stdout) != 0 && st == NF_OK) {
		st = nf_error_set(&err, NF_ERR_IO, "cannot write the output: %s", strerror(errno));
	}
	if (st != NF_OK) {
		fprintf(stderr, "%s: %s\n", source, err.msg);
		return 1;
	}
	return 0;
}
