#include "autoconfig.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "config/config.h"
#include "feeds/feed.h"
#include "src/date.h"
#include "src/buf.h"
#include "src/arena.h"
#include "src/dump.h"
#include "src/fold.h"
#include "src/source.h"

/* Folding compares a GUID or link only for equality (digest.h) and reads
 * only the start of a summary (fold_summary_needed()): a fold that reads
 * more must say so there, or --dump folds otherwise than the screens. */


/*
 * --dump prints the JSON as the items arrive: the header with the channel
 * metadata when the first item is done, each item on its own line, and at
 * the end the stories folded from the little that was kept per item. So
 * no item's text outlives its line; what grows with the feed is what
 * folding needs of each item (title, GUID, link, summary lead), since a
 * story may join items any distance apart, and folding's own work. The
 * parser is told not to make the article text (feed_options.no_article),
 * which the JSON does not hold.
 */
/* The strings kept per item live in an arena (src/arena.h). */

/* stdout's buffer when it is no terminal */
#define DUMP_OUT_BUFFER (256 * 1024)

struct dump {
	FILE *out;
	int started;
	size_t nitems;
	struct fold_entry *entries;
	size_t cap;
	_Atomic int failed;	/* out of memory or stdout closed; set on
				 * the parser's item thread too */
	struct jbuf *line;	/* one item's JSON; reused */
	struct arena arena;
	size_t dropped;		/* fields over max-size, left out */
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

/* Most pieces fit in the room the line already has: copied here,
 * without a call (the buffer stays NUL-ended, as buf.h promises). */
static inline void
jadd(struct jbuf *j, const void *s, size_t n)
{
	struct buf *b = &j->b;

	if (b->cap - b->len > n) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else if (buf_add(b, s, n) != NF_OK) {
		j->bad = 1;
	}
}

/* A string literal, its length known when compiled. */
#define JADD_LIT(j, lit) jadd((j), (lit), sizeof(lit) - 1)

static void
jadd_str(struct jbuf *j, const char *s)
{
	jadd(j, s, strlen(s));
}

/* Whether one of the eight bytes of w is below 0x20, '"' or '\\' (the
 * bit tricks of "Bit Twiddling Hacks": a byte below n, a zero byte). */
static int
word_needs_escape(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');

	return ((((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
	        ((backslash - ones) & ~backslash)) & highs) != 0;
}

/* The first byte at p (before end, where the NUL is) that a JSON string
 * must escape, or the NUL: eight bytes at a look. */
static const unsigned char *
plain_end(const unsigned char *p, const unsigned char *end)
{
	uint64_t w;

	for (; end - p >= 8; p += 8) {
		memcpy(&w, p, 8);
		if (word_needs_escape(w)) {
			break;
		}
	}
	while (*p >= 0x20 && *p != '"' && *p != '\\') {
		p++;
	}
	return p;
}

/* The inside of a JSON string: s escaped, no quotes. */
static void
json_string_body(struct jbuf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)nf_str(s), *run = p;
	const unsigned char *end = p + strlen((const char *)p);
	char esc[6] = { '\\', 'u', '0', '0', 0, 0 };

	for (; *(p = plain_end(p, end)) != '\0'; p++) {
		const char *e = NULL;
		size_t n = 2;

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
}

static void
json_string(struct jbuf *b, const char *s)
{
	jadd(b, "\"", 1);
	json_string_body(b, s);
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

/* ,"key":"value" for a key known when compiled: its opening written as
 * one piece. lead is "{" for the first member, else ",". */
#define JSON_MEMBER(b, lead, key, value) do { \
		JADD_LIT((b), lead "\"" key "\":\""); \
		json_string_body((b), (value)); \
		jadd((b), "\"", 1); \
	} while (0)

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
	json_member(b, "summary", r->summary, 0);
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

	JSON_MEMBER(b, "{", "id", it->id);
	JSON_MEMBER(b, ",", "title", it->title);
	JSON_MEMBER(b, ",", "link", it->link);
	JSON_MEMBER(b, ",", "author", it->author);
	json_date(b, "published", it->published);
	json_date(b, "updated", it->updated);
	JSON_MEMBER(b, ",", "summary", it->summary);
	JSON_MEMBER(b, ",", "content", it->content);
	if (it->image == NULL) {
		JADD_LIT(b, ",\"image\":null");
	} else {
		JSON_MEMBER(b, ",\"image\":{", "url", it->image->url);
		JSON_MEMBER(b, ",", "caption", it->image->caption);
		JSON_MEMBER(b, ",", "credit", it->image->credit);
		jadd(b, "}", 1);
	}
	JADD_LIT(b, ",\"enclosures\":[");
	for (i = 0; i < it->nenclosures; i++) {
		jadd_str(b, i > 0 ? "," : "");
		JSON_MEMBER(b, "{", "url", it->enclosures[i].url);
		JSON_MEMBER(b, ",", "type", it->enclosures[i].type);
		JADD_LIT(b, ",\"length\":");
		json_number(b, (double)it->enclosures[i].length);
		jadd(b, "}", 1);
	}
	JADD_LIT(b, "],\"categories\":[");
	for (i = 0; i < it->ncategories; i++) {
		/* cJSON leaves out a category it cannot create */
		if (it->categories[i] != NULL) {
			jadd_str(b, n++ > 0 ? "," : "");
			json_string(b, it->categories[i]);
		}
	}
	JADD_LIT(b, "],\"related\":[");
	for (i = 0; i < it->nrelated; i++) {
		jadd_str(b, i > 0 ? "," : "");
		json_related(b, &it->related[i], 1);
	}
	jadd(b, "]}", 2);
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
	if (arena_keep_cut(&d->arena, nf_str(it->title), SIZE_MAX, &e->title) != 0 ||
	    arena_keep_key(&d->arena, it->id, &e->id) != 0 ||
	    arena_keep_cut(&d->arena, fold_summary_of(it),
	                   fold_summary_needed(strlen(e->title)), &e->summary) != 0) {
		return -1;
	}
	/* a permalink GUID is often the link: kept once */
	if (it->id != NULL && it->link != NULL && strcmp(it->id, it->link) == 0) {
		e->link = e->id;
	} else if (arena_keep_key(&d->arena, it->link, &e->link) != 0) {
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
	/* the separator goes in the line: one locked stdio call an item */
	if (d->nitems > 0) {
		JADD_LIT(b, ",\n");
	}
	json_item(b, item);
	if (b->bad || b->b.data == NULL || keep_entry(d, item) != 0) {
		d->failed = 1;
	} else {
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

	/* folding's own memory comes on top: the spare room goes first */
	if (d->cap > d->nitems && d->nitems > 0) {
		struct fold_entry *e = realloc(d->entries, d->nitems * sizeof(*e));

		if (e != NULL) {
			d->entries = e;
			d->cap = d->nitems;
		}
	}
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
	arena_free(&d->arena);
	free(d->entries);
}

/* The parser the source's bytes go into, made once the encoding is known. */
struct dump_read {
	struct dump *d;
	struct feed_options opts;
	struct feed_parser *p;
	enum nf_status st;	/* the parser's */
	struct nf_error *err;
};

static int
dump_start(void *ctx, const struct source_head *head)
{
	struct dump_read *r = ctx;

	r->opts.base_url = head->base_url;
	r->opts.charset = head->charset;
	if ((r->p = feed_parser_new(&r->opts, on_item, r->d)) == NULL) {
		r->st = nf_error_set(r->err, NF_ERR_NOMEM, "out of memory");
	}
	return r->st != NF_OK;
}

static int
dump_chunk(void *ctx, const char *data, size_t len, int final)
{
	struct dump_read *r = ctx;

	r->st = feed_parser_push(r->p, data, len, final, r->err);
	return r->st != NF_OK || r->d->failed;
}

/* The end of the JSON once the items are out: the header when no item
 * printed it, then the stories. The parser goes before folding, so that
 * their memory peaks do not add up. */
static enum nf_status
dump_finish(struct dump *d, struct feed_parser *p, struct nf_error *err)
{
	const char *title;
	char *source = NULL;
	enum nf_status st = NF_OK;

	if (!d->started) {
		print_header(d, feed_parser_feed(p));
	}
	title = feed_parser_feed(p)->title;
	d->dropped = feed_parser_feed(p)->fields_dropped;
	if (title != NULL && (source = strdup(title)) == NULL) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	feed_parser_free(p);
	if (st == NF_OK) {
		st = print_stories(d, source, err);
	}
	free(source);
	return st;
}

static const struct source_ops dump_source_ops = {
	.start = dump_start,
	.chunk = dump_chunk,
};

/*
 * Reads SOURCE with the dotfile's max-size and timeout when there is a
 * dotfile, the defaults when there is none (--dump needs none); the JSON,
 * folding included, does not depend on it.
 */
static enum nf_status
dump_source(const struct nf_args *args, struct dump *d, struct nf_error *err)
{
	const char *source = args->args[0];
	/* no article text: the JSON has none; items are built and printed
	 * on a second core as parsing goes on (on_item reads the channel's
	 * metadata only at the first item, which the parser builds itself) */
	struct dump_read r = { d, { .source = source,
	                            .fold_threshold = TITLE_DEFAULT_THRESHOLD,
	                            .no_article = 1, .pipeline = 1 },
	                       NULL, NF_OK, err };
	struct source_head head = { NULL, NULL };
	struct fetch_limits lim = { 0, 0, 0 };
	struct config cfg;
	enum nf_status st, fst;

	if ((st = config_load_settings(args->config_path, &cfg, err)) != NF_OK) {
		config_free(&cfg);
		return st;
	}
	r.opts.max_size = (size_t)cfg.max_size;
	lim.timeout_ms = cfg.timeout * 1000L;
	lim.max_size = (size_t)cfg.max_size;
	st = source_read(source, &lim, &dump_source_ops, &r, &head, err);
	config_free(&cfg);
	st = st != NF_OK ? st : r.st;
	if (st == NF_OK && d->failed) {
		st = nf_error_set(err, NF_ERR_IO, "cannot write the output");
	}
	/* A feed cut short still ends as valid JSON, with what it gave. */
	if (r.p != NULL && (st == NF_OK || d->started)) {
		fst = dump_finish(d, r.p, err);
		st = st != NF_OK ? st : fst;
	} else {
		feed_parser_free(r.p);
	}
	source_head_free(&head);
	return st;
}

/* Into a file or a pipe, the JSON goes out in large writes: stdio's
 * own buffer is a page or two, so most items were a write each. A
 * terminal keeps its line buffering. The buffer is static: stdout is
 * flushed at exit, after dump_run() returns. */
static void
buffer_stdout(void)
{
	static char out_buffer[DUMP_OUT_BUFFER];

	if (!isatty(STDOUT_FILENO)) {
		setvbuf(stdout, out_buffer, _IOFBF, sizeof(out_buffer));
	}
}

enum nf_status
dump_run(const struct nf_args *args, struct nf_error *err)
{
	struct jbuf line = { { NULL, 0, 0, 0 }, 0 };
	struct dump d = { stdout, 0, 0, NULL, 0, 0, &line, { NULL, 0 }, 0 };
	enum nf_status st;

	buf_init(&line.b, SIZE_MAX / 2);
	buffer_stdout();
	st = dump_source(args, &d, err);
	/* A warning, not a failure: the JSON is whole, without those fields. */
	if (d.dropped > 0) {
		fprintf(stderr, "%s: %zu field%s over max-size left out\n",
		        args->args[0], d.dropped, d.dropped == 1 ? "" : "s");
	}
	dump_clear(&d);
	buf_free(&line.b);
	if (fflush(stdout) != 0 && st == NF_OK) {
		st = nf_error_set(err, NF_ERR_IO, "cannot write the output: %s", strerror(errno));
	}
	return st;
}
