/*
 * newsfold --headlines: read every source given, fold across all of
 * them, and print the front page (src/frontpage.h) as plain text: the
 * lead story's block (headline, source, time, photo caption, two lines
 * of summary), then one line per other story, a folded one followed by
 * its copies.
 */
#include "autoconfig.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "config/config.h"
#include "feeds/feed.h"
#include "src/fetch.h"
#include "src/frontpage.h"
#include "src/headlines.h"
#include "src/refresh.h"
#include "src/source.h"
#include "src/stories.h"
#include "src/store.h"
#include "src/sync.h"
#include "src/text.h"
#include "src/title.h"
#include "src/url.h"
#include "src/width.h"

/* Whether s is printable ASCII only, as most stored lines are: then it
 * passes the text gate as it is, takes a column a byte, and width_fit()
 * gives it back unchanged when it fits. *len is its length. */
static int
is_plain(const char *s, size_t *len)
{
	/* eight bytes at a time: any below 0x20, any above 0x7E */
	const uint64_t ones = UINT64_MAX / 255, highs = ones * 0x80;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	uint64_t w;

	*len = n;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		if ((((w - ones * 0x20) & ~w) | ((w + ones * (127 - 0x7E)) | w)) &
		    highs) {
			return 0;
		}
	}
	for (; i < n; i++) {
		if (p[i] < 0x20 || p[i] > 0x7E) {
			return 0;
		}
	}
	return 1;
}

/* Appends s to the line in buf (size bytes, *at used), cut as snprintf()
 * would cut it. */
static void
append(char *buf, size_t size, size_t *at, const char *s)
{
	size_t n = strlen(s);

	n = n < size - 1 - *at ? n : size - 1 - *at;
	memcpy(buf + *at, s, n);
	*at += n;
	buf[*at] = '\0';
}

static void
put_indent(FILE *out, int indent)
{
	static const char spaces[] = "                ";

	for (; indent > 0; indent -= (int)sizeof(spaces) - 1) {
		fwrite(spaces, 1, indent < (int)sizeof(spaces) - 1 ? (size_t)indent :
		       sizeof(spaces) - 1, out);
	}
}

/* s after indent spaces; the line's end is the caller's. */
static void
put_text(FILE *out, int indent, const char *s, size_t len)
{
	put_indent(out, indent);
	fwrite(s, 1, len, out);
}

/* Prints s cut to width columns ("…" at the cut) after indent spaces. */
static void
put_line(FILE *out, int indent, const char *s, int width)
{
	int room = width - indent > 1 ? width - indent : 1;
	size_t len;
	char *fit;

	if (is_plain(s, &len) && len <= (size_t)room) {
		put_text(out, indent, s, len);
		fputc('\n', out);
		return;
	}
	fit = width_fit(s, room, 0);
	put_text(out, indent, fit != NULL ? fit : "", fit != NULL ? strlen(fit) : 0);
	fputc('\n', out);
	free(fit);
}

/* The columns of s: its length when it is plain ASCII. */
static int
columns_of(const char *s)
{
	size_t len;

	return is_plain(s, &len) && len < INT_MAX / 2 ? (int)len : width_columns(s);
}

/* "headline — source" with the tail kept whole and the headline cut to
 * make room, so every line of the page fits width. */
static void
put_story_line(FILE *out, int indent, const char *mark, const char *headline,
               const char *from, const char *extra, int width)
{
	char tail[512], *head;
	size_t len, at = 0;
	int room;

	tail[0] = '\0';
	append(tail, sizeof(tail), &at, from[0] != '\0' ? " \xe2\x80\x94 " : "");
	append(tail, sizeof(tail), &at, from);
	append(tail, sizeof(tail), &at, extra);
	room = width - indent - columns_of(mark) - columns_of(tail);
	if (room < 12) {
		char line[1024 + sizeof(tail) + 16];

		snprintf(line, sizeof(line), "%s%s%s", mark, headline, tail);
		put_line(out, indent, line, width);
		return;
	}
	if (is_plain(headline, &len) && len <= (size_t)room) {
		head = NULL;
	} else {
		head = width_fit(headline, room, 0);
		len = head != NULL ? strlen(head) : 0;
	}
	put_text(out, indent, mark, strlen(mark));
	fwrite(head != NULL ? head : headline, 1, len, out);
	fputs(tail, out);
	fputc('\n', out);
	free(head);
}

/* A copy of a story: its own headline and source, then its link. */
static void
put_copy(FILE *out, const struct nf_item *it, int width)
{
	char head[1024], from[256];

	frontpage_copy_line(it, head, sizeof(head), from, sizeof(from));
	put_story_line(out, 4, "", head, from, "", width);
	put_line(out, 6, nf_str(it->link), width);
}

static void
format_time(int64_t t, char *out, size_t n)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (t == NF_NO_DATE || gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, n, "%Y-%m-%d %H:%M UTC", &tm) == 0) {
		out[0] = '\0';
	}
}

/* Prints at most two lines of text wrapped to width; the second ends in
 * "…" when the text goes on. */
static void
put_two_lines(FILE *out, int indent, const char *text, int width)
{
	char *wrapped = width_wrap(text, width - indent), *nl, *rest;
	size_t i;

	if (wrapped == NULL) {
		return;
	}
	nl = strchr(wrapped, '\n');
	if (nl != NULL) {
		*nl = '\0';
	}
	fprintf(out, "%*s%s\n", indent, "", wrapped);
	if (nl != NULL) {
		rest = nl + 1;
		for (i = 0; rest[i] != '\0'; i++) {
			rest[i] = rest[i] == '\n' ? ' ' : rest[i];
		}
		while (*rest == ' ') {
			rest++;
		}
		if (*rest != '\0') {
			put_line(out, indent, rest, width);
		}
	}
	free(wrapped);
}

static void
put_wrapped(FILE *out, int indent, const char *text, int width)
{
	char *wrapped = width_wrap(text, width - indent), *line, *save = NULL;

	if (wrapped == NULL) {
		return;
	}
	for (line = strtok_r(wrapped, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		fprintf(out, "%*s%s\n", indent, "", line);
	}
	free(wrapped);
}

static void
put_caption(FILE *out, const struct nf_image *photo, int width)
{
	size_t n = strlen(photo->caption) + 16;
	char *cap = malloc(n);

	if (cap != NULL) {
		snprintf(cap, n, "%s%s", image_caption_labelled(photo->caption) ? ""
		         : "Photo: ", photo->caption);
		fputc('\n', out);
		put_wrapped(out, 2, cap, width);
		free(cap);
	}
}

static void
put_lead(FILE *out, const struct frontpage *page,
         const struct frontpage_story *st, int width)
{
	const struct nf_item *it = page->items[st->members[0]];
	const char *text = it->summary != NULL ? it->summary : nf_str(it->content);
	const struct nf_image *photo = frontpage_photo(page, st);
	char when[64], line[512], head[1024], from[256];
	size_t k;

	frontpage_story_line(page, st, head, sizeof(head), from, sizeof(from));
	put_wrapped(out, 0, head, width);
	format_time(it->published, when, sizeof(when));
	snprintf(line, sizeof(line), "%s%s%s", from,
	         when[0] != '\0' && from[0] != '\0' ? " \xc2\xb7 " : "", when);
	put_line(out, 0, line, width);
	if (photo != NULL) {
		put_caption(out, photo, width);
	}
	if (text[0] != '\0') {
		fputc('\n', out);
		put_two_lines(out, 0, text, width);
	}
	for (k = 1; k < st->n; k++) {
		if (k == 1) {
			fprintf(out, "\n%zu similar:\n", st->n - 1);
		}
		put_copy(out, page->items[st->members[k]], width);
	}
}

static void
put_story(FILE *out, const struct frontpage *page,
          const struct frontpage_story *st, int width)
{
	char extra[64], head[1024], from[256];
	size_t k;

	frontpage_story_line(page, st, head, sizeof(head), from, sizeof(from));
	if (st->n == 1) {
		put_story_line(out, 2, "", head, from, "", width);
		return;
	}
	snprintf(extra, sizeof(extra), " (+%zu similar)", st->n - 1);
	put_story_line(out, 0, "\xe2\x96\xb8 ", head, from, extra, width);
	for (k = 1; k < st->n; k++) {
		put_copy(out, page->items[st->members[k]], width);
	}
}

enum nf_status
headlines_print(FILE *out, struct nf_item *const *items, size_t n,
                double threshold, int width, struct nf_error *err)
{
	struct frontpage page;
	enum nf_status st;
	size_t i;

	st = frontpage_build(items, n, threshold, FRONTPAGE_ALL_FEEDS, &page, err);
	if (st != NF_OK) {
		return st;
	}
	for (i = 0; i < page.nstories; i++) {
		if (i == 0) {
			put_lead(out, &page, &page.stories[0], width);
			fputc('\n', out);
		} else {
			put_story(out, &page, &page.stories[i], width);
		}
	}
	frontpage_free(&page);
	return NF_OK;
}

/* The items read so far, from every source. */
struct collect {
	struct nf_item **items;
	size_t n, cap;
};

/* Appends item to c, taking it. Returns nonzero when out of memory. */
static int
collect_add(struct collect *c, struct nf_item *item)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct nf_item **grown = realloc(c->items, cap * sizeof(*grown));

		if (grown == NULL) {
			item_free(item);
			return 1;
		}
		c->items = grown, c->cap = cap;
	}
	c->items[c->n++] = item;
	return 0;
}

static void
collect_free(struct collect *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		item_free(c->items[i]);
	}
	free(c->items);
	c->items = NULL;
	c->n = c->cap = 0;
}

/* One source on its way from source_read() into a parser. */
struct collect_read {
	struct collect *c;
	const char *name;	/* the source as given, when the feed has no title */
	struct feed_options opts;
	struct feed_parser *parser;
	enum nf_status st;	/* the parser's */
	struct nf_error *err;
};

static int
collect_item(void *ctx, const struct nf_feed *feed, struct nf_item *item)
{
	struct collect_read *r = ctx;
	const char *source = feed->title != NULL && feed->title[0] != '\0' ?
	                     feed->title : r->name;

	if (item->source == NULL && nf_strset(&item->source, source) != 0) {
		item_free(item);
		return 1;
	}
	return collect_add(r->c, item);
}

static int
collect_start(void *ctx, const struct source_head *head)
{
	struct collect_read *r = ctx;

	r->opts.base_url = head->base_url;
	r->opts.charset = head->charset;
	if ((r->parser = feed_parser_new(&r->opts, collect_item, r)) == NULL) {
		r->st = nf_error_set(r->err, NF_ERR_NOMEM, "out of memory");
	}
	return r->st != NF_OK;
}

static int
collect_chunk(void *ctx, const char *data, size_t len, int final)
{
	struct collect_read *r = ctx;

	r->st = feed_parser_push(r->parser, data, len, final, r->err);
	return r->st != NF_OK;
}

static const struct source_ops collect_ops = {
	.start = collect_start,
	.chunk = collect_chunk,
};

/* Reads one source (path, "-", file:// or http(s) URL) into c. */
static enum nf_status
read_source(struct collect *c, const char *source, const struct config *cfg,
            struct nf_error *err)
{
	struct collect_read r = { c, source, { .source = source,
	                                       .fold_threshold = cfg->fold_threshold,
	                                       .max_size = (size_t)cfg->max_size },
	                          NULL, NF_OK, err };
	struct fetch_limits lim = { 0, cfg->timeout * 1000L, (size_t)cfg->max_size };
	struct source_head head = { NULL, NULL };
	enum nf_status st;

	st = source_read(source, &lim, &collect_ops, &r, &head, err);
	st = st != NF_OK ? st : r.st;
	feed_parser_free(r.parser);
	source_head_free(&head);
	return st;
}

/* Columns: $COLUMNS, else the terminal's width, else 80. Not on a
 * terminal, lines are never cut, so grep sees every word (SPEC). */
static int
page_width(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	long w = 0;

	if (!isatty(STDOUT_FILENO)) {
		return INT_MAX / 4;
	}
	if (env != NULL && *env != '\0') {
		char *end;

		w = strtol(env, &end, 10);
		w = *end == '\0' ? w : 0;
	}
	if (w <= 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) {
		w = ws.ws_col;
	}
	if (w <= 0) {
		w = 80;
	}
	return w < 20 ? 20 : w > 1000 ? 1000 : (int)w;
}

/* Prints the page of what c holds. Returns the exit status (0 or 1). */
static int
print_page(const struct collect *c, const struct config *cfg)
{
	struct nf_error err;
	int status = 0;

	nf_error_clear(&err);
	if (headlines_print(stdout, c->items, c->n, cfg->fold_threshold,
	                    page_width(), &err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		status = 1;
	}
	if (fflush(stdout) != 0) {
		status = 1;
	}
	return status;
}

/* Reads every source, printing "SOURCE: reason" for those that fail, and
 * prints the page of what could be read. Returns the exit status. */
static int
headlines_sources(char *const *sources, size_t nsources,
                  const struct config *cfg)
{
	struct collect c;
	struct nf_error err;
	size_t i;
	int status = 0;

	memset(&c, 0, sizeof(c));
	for (i = 0; i < nsources; i++) {
		nf_error_clear(&err);
		if (read_source(&c, sources[i], cfg, &err) != NF_OK) {
			fprintf(stderr, "%s: %s\n", sources[i], err.msg);
			status = 1;
		}
	}
	status |= print_page(&c, cfg);
	collect_free(&c);
	return status;
}

/* Appends to c the stored items of every configured feed that filter
 * lets through, in dotfile order, as a page lists them (stories_load()).
 * Reads only: the store is not written. */
static enum nf_status
load_configured(struct store *s, const struct config *cfg,
                const struct store_filter *filter, struct collect *c,
                struct nf_error *err)
{
	enum nf_status st = stories_load(s, cfg, filter, &c->items, &c->n, err);

	c->cap = c->n;
	return st;
}

/* The kept page printed line by line as store_fold_walk() reads it. */
struct kept_print {
	FILE *out;
	int width;
	size_t lines;		/* rows printed */
};

/* A kept line's strings through the text gate again: the store keeps
 * them gated, but a database may have been written by something else,
 * and nothing that reaches stdout may move the terminal. */
struct kept_text {
	const char *head, *source, *caption, *copy_head, *copy_source, *link,
	           *text;
	char *owned[7];		/* gated copies, or NULL */
};

/* s, or a gated copy in *tmp when it is not clean ("" out of memory). */
static const char *
gated(const char *s, int one_line, char **tmp)
{
	size_t len;

	*tmp = NULL;
	if (s == NULL || is_plain(s, &len) || text_is_clean(s, len)) {
		return nf_str(s);
	}
	*tmp = one_line ? text_clean_line(s, strlen(s)) : text_sanitize(s, strlen(s));
	return nf_str(*tmp);
}

static void
kept_text_of(const struct store_fold_row *r, struct kept_text *t)
{
	t->head = gated(r->head, 1, &t->owned[0]);
	t->source = gated(r->source, 1, &t->owned[1]);
	t->caption = gated(r->caption, 0, &t->owned[2]);
	t->copy_head = gated(r->copy_head, 1, &t->owned[3]);
	t->copy_source = gated(r->copy_source, 1, &t->owned[4]);
	t->link = gated(r->link, 1, &t->owned[5]);
	t->text = gated(r->text, 0, &t->owned[6]);
}

static void
kept_text_free(struct kept_text *t)
{
	for (size_t i = 0; i < sizeof(t->owned) / sizeof(t->owned[0]); i++) {
		free(t->owned[i]);
	}
}

static void
put_kept_copy(struct kept_print *p, const struct kept_text *t)
{
	put_story_line(p->out, 4, "", t->copy_head, t->copy_source, "", p->width);
	put_line(p->out, 6, t->link, p->width);
}

/* The lead story's block, as put_lead() prints it. */
static void
put_kept_lead(struct kept_print *p, const struct store_fold_row *r,
              const struct kept_text *t)
{
	char when[64], line[512];
	struct nf_image photo = { NULL, (char *)t->caption, NULL };

	put_wrapped(p->out, 0, t->head, p->width);
	format_time(r->published, when, sizeof(when));
	snprintf(line, sizeof(line), "%s%s%s", t->source,
	         when[0] != '\0' && t->source[0] != '\0' ? " \xc2\xb7 " : "", when);
	put_line(p->out, 0, line, p->width);
	if (t->caption[0] != '\0') {
		put_caption(p->out, &photo, p->width);
	}
	if (t->text[0] != '\0') {
		fputc('\n', p->out);
		put_two_lines(p->out, 0, t->text, p->width);
	}
}

static int
put_kept_row(void *ctx, const struct store_fold_row *r)
{
	struct kept_print *p = ctx;
	struct kept_text t;
	char extra[64];

	p->lines++;
	kept_text_of(r, &t);
	if (r->place == 0 && r->member == 0) {
		put_kept_lead(p, r, &t);
	} else if (r->place == 0) {
		if (r->member == 1) {
			fprintf(p->out, "\n%zu similar:\n", r->members - 1);
		}
		put_kept_copy(p, &t);
	} else if (r->member > 0) {
		put_kept_copy(p, &t);
	} else if (r->members == 1) {
		put_story_line(p->out, 2, "", t.head, t.source, "", p->width);
	} else {
		snprintf(extra, sizeof(extra), " (+%zu similar)", r->members - 1);
		put_story_line(p->out, 0, "\xe2\x96\xb8 ", t.head, t.source, extra,
		               p->width);
	}
	if (r->place == 0 && r->member + 1 == r->members) {
		fputc('\n', p->out);
	}
	kept_text_free(&t);
	return 0;
}

enum nf_status
headlines_print_kept(FILE *out, struct store *s, const struct config *cfg,
                     int width, int *printed, struct nf_error *err)
{
	struct kept_print p = { out, width, 0 };
	char *signature = NULL;
	int current = 0;
	enum nf_status st = stories_signature(s, cfg, &signature, err);

	*printed = 0;
	/* an empty page is the one case that refreshes: left to the caller */
	if (st == NF_OK && signature != NULL) {
		st = store_fold_walk(s, signature, 0, SIZE_MAX, STORE_FOLD_COPIES,
		                     put_kept_row, &p, &current, err);
		*printed = st == NF_OK && current && p.lines > 0;
	}
	free(signature);
	return st;
}

/* After a quiet refresh: "TITLE: REASON" on stderr for each configured
 * feed whose fetch failed, as the store recorded it. */
static void
report_failures(struct store *s, const struct config *cfg)
{
	struct store_feed_info *feeds = NULL;
	struct nf_error err;
	size_t nfeeds = 0, i, j;

	if (store_feed_list(s, &feeds, &nfeeds, &err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		return;
	}
	for (i = 0; i < cfg->nfeeds; i++) {
		for (j = 0; j < nfeeds; j++) {
			if (strcmp(feeds[j].url, cfg->feeds[i].url) == 0 &&
			    feeds[j].last_error != NULL) {
				fprintf(stderr, "%s: %s\n", feeds[j].title,
				        feeds[j].last_error);
			}
		}
	}
	store_feed_list_free(feeds, nfeeds);
}

/* Fills an empty store with a quiet refresh. Returns the exit status so
 * far: 0, or 1 when a feed failed or the refresh could not run. */
static int
refresh_quietly(struct store *s, const struct config *cfg)
{
	struct nf_error err;
	size_t nfailed = 0;
	int status = 0;

	nf_error_clear(&err);
	if (fetch_global_init(&err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		return 1;
	}
	if (refresh_feeds(cfg, s, NULL, &nfailed, &err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		status = 1;
	} else if (nfailed > 0) {
		report_failures(s, cfg);
		status = 1;
	}
	fetch_global_cleanup();
	return status;
}

/* What --tag or --query narrows the page to, or NULL for the whole
 * page; tag_node is filled for --tag. A query title the dotfile lacks,
 * or a tag no feed carries, is a usage error. */
static enum nf_status
narrowing(const struct nf_args *args, const struct config *cfg,
          struct query *tag_node, const struct query **match,
          struct nf_error *err)
{
	size_t i, j;

	*match = NULL;
	for (i = 0; args->query != NULL && i < cfg->nqueries; i++) {
		if (strcmp(cfg->queries[i].title, args->query) == 0) {
			*match = cfg->queries[i].expr;
			return NF_OK;
		}
	}
	if (args->query != NULL) {
		return nf_error_set(err, NF_ERR_USAGE, "--query: %s has no query"
		                    " titled \"%.80s\"", cfg->path, args->query);
	}
	for (i = 0; args->tag != NULL && i < cfg->nfeeds; i++) {
		for (j = 0; j < cfg->feeds[i].ntags; j++) {
			if (strcmp(cfg->feeds[i].tags[j], args->tag) == 0) {
				tag_node->kind = QUERY_TAG;
				tag_node->text = (char *)args->tag;
				*match = tag_node;
				return NF_OK;
			}
		}
	}
	if (args->tag != NULL) {
		return nf_error_set(err, NF_ERR_USAGE, "--tag: no feed of %s"
		                    " carries the tag \"%.80s\"", cfg->path, args->tag);
	}
	return NF_OK;
}

/* --headlines without sources: the configured feeds as the store holds
 * them, less what the dotfile's ignore lines hide, narrowed by --tag or
 * --query; after a refresh when the whole page is empty (a narrowing
 * that finds nothing refreshes nothing). */
static int
headlines_store(const struct nf_args *args, const struct config *cfg,
                const struct query *match)
{
	struct collect c;
	struct store *s = NULL;
	struct sync_filter sf;
	struct nf_error err;
	int status = 0, printed = 0;

	memset(&c, 0, sizeof(c));
	nf_error_clear(&err);
	if (sync_filter_init(&sf, cfg, match, &err) != NF_OK ||
	    store_open(args->db_path, &s, &err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		sync_filter_clear(&sf);
		return 1;
	}
	if (match == NULL && headlines_print_kept(stdout, s, cfg, page_width(),
	                                          &printed, &err) == NF_OK &&
	    printed) {
		sync_filter_clear(&sf);
		store_close(s);
		return fflush(stdout) != 0;
	}
	nf_error_clear(&err);
	if (load_configured(s, cfg, &sf.filter, &c, &err) == NF_OK && c.n == 0 &&
	    cfg->nfeeds > 0 && match == NULL) {
		status = refresh_quietly(s, cfg);
		collect_free(&c);
		load_configured(s, cfg, &sf.filter, &c, &err);
	}
	sync_filter_clear(&sf);
	if (err.code != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		status = 1;
	} else {
		status |= print_page(&c, cfg);
	}
	collect_free(&c);
	store_close(s);
	return status;
}

/* The dotfile's settings. With sources, the demo feed list is not
 * needed (source_settings); without, the feeds are the page. */
static enum nf_status
load_settings(const struct nf_args *args, struct config *cfg,
              struct nf_error *err)
{
	if (args->nargs > 0) {
		return config_load_settings(args->config_path, cfg, err);
	}
	return config_load(args->config_path, cfg, err);
}

enum nf_status
headlines_run(const struct nf_args *args, struct nf_error *err)
{
	struct config cfg;
	struct query tag_node = { .kind = QUERY_TAG };
	const struct query *match = NULL;
	enum nf_status st;
	int status;

	if ((st = load_settings(args, &cfg, err)) != NF_OK) {
		config_free(&cfg);
		return st;
	}
	if (args->nargs > 0 && (args->tag != NULL || args->query != NULL)) {
		config_free(&cfg);
		return nf_error_set(err, NF_ERR_USAGE, "--tag and --query narrow"
		                    " the stored page, not a SOURCE");
	}
	if ((st = narrowing(args, &cfg, &tag_node, &match, err)) != NF_OK) {
		config_free(&cfg);
		return st;
	}
	if (args->nargs > 0) {
		status = headlines_sources(args->args, (size_t)args->nargs, &cfg);
	} else {
		status = headlines_store(args, &cfg, match);
	}
	config_free(&cfg);
	/* every failure has had its own line on stderr */
	return status == 0 ? NF_OK : cli_reported(err, NF_ERR_IO);
}
