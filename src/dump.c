#include "autoconfig.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "feeds/feed.h"
#include "src/date.h"
#include "src/buf.h"
#include "src/dump.h"
#include "src/fetch.h"
#include "src/fold.h"
#include "src/title.h"
#include "src/url.h"

#define CHUNK_SIZE (64 * 1024)
#define SUMMARY_KEPT 256	/* bytes of summary kept per item for folding */

/*
 * --dump prints the JSON as the items arrive: the header with the channel
 * metadata when the first item is done, each item on its own line, and at
 * the end the stories folded from the little that was kept per item. So a
 * feed of any size dumps in bounded memory.
 */
/*
 * The strings kept per item live in an arena of ARENA_BLOCK blocks, freed
 * all at once: four mallocs per item cost more in headers and rounding
 * than the strings themselves.
 */
#define ARENA_BLOCK (64 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	char data[];
};

struct dump {
	FILE *out;
	int started;
	size_t nitems;
	struct fold_entry *entries;
	size_t cap;
	int failed;		/* out of memory or stdout closed */
	struct jbuf *line;	/* one item's JSON; reused */
	struct arena_block *arena;	/* newest block first */
};

/*
 * JSON written straight into a buffer, byte for byte as
 * cJSON_PrintUnformatted() writes it: strings escape '"', '\\', \b \f
 * \n \r \t and other bytes below 0x20 as \u00xx (lower case), and keep
 * every other byte; numbers are cJSON's own.
 */
struct jbuf {
	struct buf b;
	int bad;		/* an allocation failed */
};

static void
jadd(struct jbuf *j, const void *s, size_t n)
{
	if (buf_add(&j->b, s, n) != NF_OK) {
		j->bad = 1;
	}
}

static void
jadd_str(struct jbuf *j, const char *s)
{
	jadd(j, s, strlen(s));
}

static void
json_string(struct jbuf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)nf_str(s), *run = p;
	char esc[6] = { '\\', 'u', '0', '0', 0, 0 };

	jadd(b, "\"", 1);
	for (; *p != '\0'; p++) {
		const char *e = NULL;
		size_t n = 2;

		if (*p >= 0x20 && *p != '"' && *p != '\\') {
			continue;
		}
		switch (*p) {
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		default:
			esc[4] = hex[*p >> 4];
			esc[5] = hex[*p & 15];
			e = esc;
			n = 6;
		}
		jadd(b, run, (size_t)(p - run));
		jadd(b, e, n);
		run = p + 1;
	}
	jadd(b, run, (size_t)(p - run));
	jadd(b, "\"", 1);
}

/* ,"key": (or {"key": for the first member) */
static void
json_key(struct jbuf *b, const char *key, int first)
{
	jadd_str(b, first ? "{\"" : ",\"");
	jadd_str(b, key);
	jadd(b, "\":", 2);
}

static void
json_member(struct jbuf *b, const char *key, const char *value, int first)
{
	json_key(b, key, first);
	json_string(b, value);
}

/* A number as cJSON prints it. */
static void
json_number(struct jbuf *b, double v)
{
	cJSON *n = cJSON_CreateNumber(v);
	char *text = n != NULL ? cJSON_PrintUnformatted(n) : NULL;

	if (text == NULL) {
		b->bad = 1;
	} else {
		jadd_str(b, text);
	}
	free(text);
	cJSON_Delete(n);
}

static void
put_string(FILE *out, const char *s)
{
	struct jbuf b = { { NULL, 0, 0, 0 }, 0 };

	buf_init(&b.b, SIZE_MAX / 2);
	json_string(&b, s);
	if (b.bad || b.b.data == NULL) {
		fputs("\"\"", out);
	} else {
		fwrite(b.b.data, 1, b.b.len, out);
	}
	buf_free(&b.b);
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
json_date(struct jbuf *b, const char *key, int64_t t)
{
	char date[32];

	json_key(b, key, 0);
	if (t == NF_NO_DATE) {
		jadd(b, "null", 4);
	} else {
		json_string(b, date_format_rfc3339(t, date));
	}
}

static void
json_related(struct jbuf *b, const struct nf_related *r, int with_copies)
{
	size_t i;

	json_member(b, "title", r->title, 1);
	json_member(b, "link", r->link, 0);
	json_member(b, "source", r->source, 0);
	if (with_copies) {
		json_key(b, "copies", 0);
		jadd(b, "[", 1);
		for (i = 0; i < r->ncopies; i++) {
			jadd_str(b, i > 0 ? "," : "");
			json_related(b, &r->copies[i], 0);
		}
		jadd(b, "]", 1);
	}
	jadd(b, "}", 1);
}

static void
json_item(struct jbuf *b, const struct nf_item *it)
{
	size_t i, n = 0;

	json_member(b, "id", it->id, 1);
	json_member(b, "title", it->title, 0);
	json_member(b, "link", it->link, 0);
	json_member(b, "author", it->author, 0);
	json_date(b, "published", it->published);
	json_date(b, "updated", it->updated);
	json_member(b, "summary", it->summary, 0);
	json_member(b, "content", it->content, 0);
	json_key(b, "image", 0);
	if (it->image == NULL) {
		jadd(b, "null", 4);
	} else {
		json_member(b, "url", it->image->url, 1);
		json_member(b, "caption", it->image->caption, 0);
		json_member(b, "credit", it->image->credit, 0);
		jadd(b, "}", 1);
	}
	json_key(b, "enclosures", 0);
	jadd(b, "[", 1);
	for (i = 0; i < it->nenclosures; i++) {
		jadd_str(b, i > 0 ? "," : "");
		json_member(b, "url", it->enclosures[i].url, 1);
		json_member(b, "type", it->enclosures[i].type, 0);
		json_key(b, "length", 0);
		json_number(b, (double)it->enclosures[i].length);
		jadd(b, "}", 1);
	}
	jadd_str(b, "],\"categories\":[");
	for (i = 0; i < it->ncategories; i++) {
		/* cJSON leaves out a category it cannot create */
		if (it->categories[i] != NULL) {
			jadd_str(b, n++ > 0 ? "," : "");
			json_string(b, it->categories[i]);
		}
	}
	jadd_str(b, "],\"related\":[");
	for (i = 0; i < it->nrelated; i++) {
		jadd_str(b, i > 0 ? "," : "");
		json_related(b, &it->related[i], 1);
	}
	jadd(b, "]}", 2);
}

/* A copy of the n bytes at s, NUL added, in d's arena; NULL when out of
 * memory. A string longer than a block gets a block of its own. */
static char *
arena_strndup(struct dump *d, const char *s, size_t n)
{
	struct arena_block *b = d->arena;
	char *copy;

	if (b == NULL || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > ARENA_BLOCK - sizeof(*b) ? n + 1 : ARENA_BLOCK - sizeof(*b);

		if ((b = malloc(sizeof(*b) + cap)) == NULL) {
			return NULL;
		}
		b->used = 0;
		b->cap = cap;
		if (d->arena != NULL && cap > ARENA_BLOCK - sizeof(*b)) {
			/* an outsize block goes behind the current one */
			b->next = d->arena->next;
			d->arena->next = b;
		} else {
			b->next = d->arena;
			d->arena = b;
		}
	}
	copy = b->data + b->used;
	memcpy(copy, s, n);
	copy[n] = '\0';
	b->used += n + 1;
	return copy;
}

static void
arena_free(struct dump *d)
{
	struct arena_block *b, *next;

	for (b = d->arena; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	d->arena = NULL;
}

/* s (NULL stays NULL) cut to at most max bytes without splitting a UTF-8
 * character, copied into the arena. Returns -1 when out of memory. */
static int
keep_string(struct dump *d, const char *s, size_t max, const char **out)
{
	size_t n;

	*out = NULL;
	if (s == NULL) {
		return 0;
	}
	n = strlen(s);
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
			n--;
		}
	}
	return (*out = arena_strndup(d, s, n)) != NULL ? 0 : -1;
}

/* Keeps what folding needs of one item. The entries grow by half, so
 * that the spare room at the end stays small for a long feed. */
static int
keep_entry(struct dump *d, const struct nf_item *it)
{
	struct fold_entry *e;

	if (d->nitems == d->cap) {
		size_t cap = d->cap > 0 ? d->cap + d->cap / 2 : 256;

		if ((e = realloc(d->entries, cap * sizeof(*e))) == NULL) {
			return -1;
		}
		d->entries = e;
		d->cap = cap;
	}
	e = &d->entries[d->nitems];
	memset(e, 0, sizeof(*e));
	e->time = it->published;
	e->text_len = item_text_length(it);
	if (keep_string(d, nf_str(it->title), SIZE_MAX, &e->title) != 0 ||
	    keep_string(d, it->id, SIZE_MAX, &e->id) != 0 ||
	    keep_string(d, it->link, SIZE_MAX, &e->link) != 0 ||
	    keep_string(d, it->summary, SUMMARY_KEPT, &e->summary) != 0) {
		return -1;
	}
	d->nitems++;
	return 0;
}

static int
on_item(void *ctx, const struct nf_feed *meta, struct nf_item *item)
{
	struct dump *d = ctx;
	struct jbuf *b = d->line;

	if (!d->started) {
		print_header(d, meta);
	}
	buf_reset(&b->b);
	b->bad = 0;
	json_item(b, item);
	if (b->bad || b->b.data == NULL || keep_entry(d, item) != 0) {
		d->failed = 1;
	} else {
		fputs(d->nitems > 1 ? ",\n" : "", d->out);
		fwrite(b->b.data, 1, b->b.len, d->out);
		d->failed = ferror(d->out) != 0;
	}
	item_free(item);
	return d->failed;
}

static enum nf_status
print_stories(struct dump *d, const char *source, struct nf_error *err)
{
	struct fold_result res = { NULL, 0 };
	enum nf_status st;
	size_t i, j;

	for (i = 0; i < d->nitems; i++) {
		d->entries[i].source = source;
	}
	if ((st = fold_stories(d->entries, d->nitems, TITLE_DEFAULT_THRESHOLD, &res, err)) != NF_OK) {
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
	arena_free(d);
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

/* The file:// URL of a path, the base for a local feed's relative links. */
static char *
path_url(const char *path)
{
	char abs[PATH_MAX];

	if (realpath(path, abs) == NULL) {
		return NULL;
	}
	return url_of_path(abs);
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
	if (url_is_file(source)) {
		if ((path = url_file_path(source)) == NULL) {
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
	struct feed_options opts = { source, NULL, NULL, TITLE_DEFAULT_THRESHOLD, 0 };
	struct feed_parser *p = NULL;
	char *base = NULL, *charset = NULL;
	enum nf_status st;
	int fd = -1;

	if (url_is_http(source)) {
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

		const char *title;
		char *source = NULL;

		if (!d->started) {
			print_header(d, feed_parser_feed(p));
		}
		/* The parser goes before folding, so that their memory peaks do
		 * not add up. */
		title = feed_parser_feed(p)->title;
		if (title != NULL && (source = strdup(title)) == NULL) {
			st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
		feed_parser_free(p);
		p = NULL;
		fst = print_stories(d, source, err);
		st = st != NF_OK ? st : fst;
		free(source);
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
	struct jbuf line = { { NULL, 0, 0, 0 }, 0 };
	struct dump d = { stdout, 0, 0, NULL, 0, 0, &line, NULL };
	struct nf_error err;
	enum nf_status st;
	const char *source = args->args[0];

	nf_error_clear(&err);
	buf_init(&line.b, SIZE_MAX / 2);
	st = dump_source(source, &d, &err);
	dump_clear(&d);
	buf_free(&line.b);
	if (fflush(stdout) != 0 && st == NF_OK) {
		st = nf_error_set(&err, NF_ERR_IO, "cannot write the output: %s", strerror(errno));
	}
	if (st != NF_OK) {
		fprintf(stderr, "%s: %s\n", source, err.msg);
		return 1;
	}
	return 0;
}
