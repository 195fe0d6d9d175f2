/*
 * newsfold --headlines: read every source given, fold across all of
 * them, and print the front page as plain text: the lead story's block
 * (headline, source, time, photo caption, two lines of summary), then one
 * line per other story, a folded one followed by its copies.
 */
#include "autoconfig.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "config/config.h"
#include "feeds/feed.h"
#include "src/buf.h"
#include "src/fetch.h"
#include "src/headlines.h"
#include "src/refresh.h"
#include "src/store.h"
#include "src/text.h"

#define HEADLINES_DAY 86400
#define HEADLINES_CHUNK 65536

/* The member k of story st: its lead first, then its similar copies. */
static size_t
story_member(const struct fold_story *st, size_t k)
{
	return k == 0 ? st->lead : st->similar[k - 1];
}

static int64_t
story_newest(const struct fold_entry *e, const struct fold_story *st)
{
	int64_t t = NF_NO_DATE;
	size_t k;

	for (k = 0; k <= st->nsimilar; k++) {
		int64_t m = e[story_member(st, k)].time;

		t = m != NF_NO_DATE && (t == NF_NO_DATE || m > t) ? m : t;
	}
	return t;
}

/* How many distinct sources carry the story (entries without a source
 * count as one each). */
static size_t
story_outlets(const struct fold_entry *e, const struct fold_story *st)
{
	size_t k, j, n = 0;

	for (k = 0; k <= st->nsimilar; k++) {
		const char *s = e[story_member(st, k)].source;

		for (j = 0; s != NULL && j < k; j++) {
			const char *o = e[story_member(st, j)].source;

			if (o != NULL && strcmp(o, s) == 0) {
				break;
			}
		}
		n += s == NULL || j == k;
	}
	return n;
}

/* The headline a story shows: the title most of its copies carry (wire
 * copies agree; glued summaries and publisher tails are one-offs), ties
 * to the lead's. */
static const char *
story_headline(const struct fold_entry *e, const struct fold_story *st)
{
	const char *best = nf_str(e[st->lead].title);
	size_t k, j, best_count = 0;

	for (k = 0; k <= st->nsimilar && k < 64; k++) {
		const char *t = nf_str(e[story_member(st, k)].title);
		size_t count = 0;

		for (j = 0; j <= st->nsimilar && j < 64; j++) {
			count += strcmp(nf_str(e[story_member(st, j)].title), t) == 0;
		}
		if (count > best_count) {
			best = t, best_count = count;
		}
	}
	return best;
}

size_t
headlines_pick_lead(const struct fold_entry *entries,
                    const struct fold_result *res)
{
	int64_t newest = NF_NO_DATE, best_time = NF_NO_DATE;
	size_t i, best = 0, best_outlets = 0;

	for (i = 0; i < res->nstories; i++) {
		int64_t t = story_newest(entries, &res->stories[i]);

		newest = t != NF_NO_DATE && (newest == NF_NO_DATE || t > newest) ? t : newest;
	}
	for (i = 0; i < res->nstories; i++) {
		int64_t t = story_newest(entries, &res->stories[i]);
		size_t outlets;

		/* "the last day" is relative to the newest item, not the clock */
		if (newest != NF_NO_DATE && (t == NF_NO_DATE || newest - t > HEADLINES_DAY)) {
			continue;
		}
		outlets = story_outlets(entries, &res->stories[i]);
		if (best_outlets == 0 || outlets > best_outlets ||
		    (outlets == best_outlets && t != NF_NO_DATE &&
		     (best_time == NF_NO_DATE || t > best_time))) {
			best = i, best_outlets = outlets, best_time = t;
		}
	}
	return best;
}

struct order_key {
	int64_t t;
	size_t i;
};

static int
order_cmp(const void *x, const void *y)
{
	const struct order_key *a = x, *b = y;

	if (a->t != b->t) {
		if (a->t == NF_NO_DATE || b->t == NF_NO_DATE) {
			return a->t == NF_NO_DATE ? 1 : -1;
		}
		return a->t > b->t ? -1 : 1;
	}
	return (a->i > b->i) - (a->i < b->i);
}

void
headlines_order(const struct fold_entry *entries, const struct fold_result *res,
                size_t *order)
{
	struct order_key *k = malloc((res->nstories ? res->nstories : 1) * sizeof(*k));
	size_t i;

	for (i = 0; i < res->nstories; i++) {
		order[i] = i;
	}
	if (k == NULL) {
		return;	/* story order is a fine page too */
	}
	for (i = 0; i < res->nstories; i++) {
		k[i].t = story_newest(entries, &res->stories[i]);
		k[i].i = i;
	}
	qsort(k, res->nstories, sizeof(*k), order_cmp);
	for (i = 0; i < res->nstories; i++) {
		order[i] = k[i].i;
	}
	free(k);
}

/* Prints s cut to width columns ("…" at the cut) after indent spaces. */
static void
put_line(FILE *out, int indent, const char *s, int width)
{
	char *fit = text_fit(s, width - indent > 1 ? width - indent : 1, 0);

	fprintf(out, "%*s%s\n", indent, "", fit != NULL ? fit : "");
	free(fit);
}

/* "headline — source" with the tail kept whole and the headline cut to
 * make room, so every line of the page fits width. */
static void
put_story_line(FILE *out, int indent, const char *mark, const char *headline,
               const char *source, const char *extra, int width)
{
	char tail[512], *head, title[1024], from[256];
	int room;

	/* "Headline - Outlet" from an aggregator reads "Headline — Outlet
	 * via Feed", as on the screens. */
	text_headline(headline, source, title, sizeof(title), from, sizeof(from));
	headline = title;
	snprintf(tail, sizeof(tail), "%s%s%s", from[0] != '\0' ? " \xe2\x80\x94 " : "",
	         from, extra);
	room = width - indent - text_width(mark) - text_width(tail);
	if (room < 12) {
		char line[sizeof(title) + sizeof(tail) + 16];

		snprintf(line, sizeof(line), "%s%s%s", mark, headline, tail);
		put_line(out, indent, line, width);
		return;
	}
	head = text_fit(headline, room, 0);
	fprintf(out, "%*s%s%s%s\n", indent, "", mark, head != NULL ? head : "", tail);
	free(head);
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
	char *wrapped = text_wrap(text, width - indent), *nl, *rest;
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
	char *wrapped = text_wrap(text, width - indent), *line, *save = NULL;

	if (wrapped == NULL) {
		return;
	}
	for (line = strtok_r(wrapped, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		fprintf(out, "%*s%s\n", indent, "", line);
	}
	free(wrapped);
}

/* The story's photo caption: the lead's, else the first copy's that has
 * one (the copies tell one story, so its photo is theirs too). */
static const char *
story_caption(struct nf_item *const *items, const struct fold_story *st)
{
	size_t k;

	for (k = 0; k <= st->nsimilar; k++) {
		const struct nf_image *img = items[story_member(st, k)]->image;

		if (img != NULL && img->caption != NULL && img->caption[0] != '\0') {
			return img->caption;
		}
	}
	return NULL;
}

static void
put_lead(FILE *out, struct nf_item *const *items, const struct fold_entry *e,
         const struct fold_story *st, int width)
{
	const struct nf_item *it = items[st->lead];
	const char *text = it->summary != NULL ? it->summary : nf_str(it->content);
	char when[64], line[512], head[1024], from[256];
	const char *caption = story_caption(items, st);
	size_t k;

	text_headline(story_headline(e, st), e[st->lead].source, head, sizeof(head),
	              from, sizeof(from));
	put_wrapped(out, 0, head, width);
	format_time(e[st->lead].time, when, sizeof(when));
	snprintf(line, sizeof(line), "%s%s%s", from,
	         when[0] != '\0' && from[0] != '\0' ? " \xc2\xb7 " : "", when);
	put_line(out, 0, line, width);
	if (caption != NULL) {
		size_t n = strlen(caption) + 16;
		char *cap = malloc(n);

		if (cap != NULL) {
			snprintf(cap, n, "Photo: %s", caption);
			fputc('\n', out);
			put_wrapped(out, 2, cap, width);
			free(cap);
		}
	}
	if (text[0] != '\0') {
		fputc('\n', out);
		put_two_lines(out, 0, text, width);
	}
	for (k = 0; k < st->nsimilar; k++) {
		const struct fold_entry *c = &e[st->similar[k]];

		if (k == 0) {
			fprintf(out, "\n%zu similar:\n", st->nsimilar);
		}
		put_story_line(out, 4, "", nf_str(c->title), nf_str(c->source), "", width);
		put_line(out, 6, nf_str(c->link), width);
	}
}

static void
put_story(FILE *out, const struct fold_entry *e, const struct fold_story *st, int width)
{
	char extra[64];
	size_t k;

	if (st->nsimilar == 0) {
		put_story_line(out, 2, "", nf_str(e[st->lead].title),
		               nf_str(e[st->lead].source), "", width);
		return;
	}
	snprintf(extra, sizeof(extra), " (+%zu similar)", st->nsimilar);
	put_story_line(out, 0, "\xe2\x96\xb8 ", story_headline(e, st),
	               nf_str(e[st->lead].source), extra, width);
	for (k = 0; k < st->nsimilar; k++) {
		const struct fold_entry *c = &e[st->similar[k]];

		put_story_line(out, 4, "", nf_str(c->title), nf_str(c->source), "", width);
		put_line(out, 6, nf_str(c->link), width);
	}
}

enum nf_status
headlines_print(FILE *out, struct nf_item *const *items, size_t n,
                double threshold, int width, struct nf_error *err)
{
	struct fold_entry *e = calloc(n ? n : 1, sizeof(*e));
	struct fold_result res = { NULL, 0 };
	size_t *order = NULL, i, lead;
	enum nf_status st;

	if (e == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < n; i++) {
		e[i] = fold_entry_of(items[i], items[i]->source);
	}
	st = fold_stories(e, n, threshold, &res, err);
	if (st == NF_OK && res.nstories > 0) {
		order = malloc(res.nstories * sizeof(*order));
		if (order == NULL) {
			st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
			goto out;
		}
		lead = headlines_pick_lead(e, &res);
		headlines_order(e, &res, order);
		put_lead(out, items, e, &res.stories[lead], width);
		fputc('\n', out);
		for (i = 0; i < res.nstories; i++) {
			if (order[i] != lead) {
				put_story(out, e, &res.stories[order[i]], width);
			}
		}
	}
out:
	free(order);
	fold_result_free(&res);
	free(e);
	return st;
}

struct collect {
	struct nf_item **items;
	size_t n, cap;
	const char *name;	/* the source as given, when the feed has no title */
	struct feed_parser *parser;
	struct buf body;	/* an http body, held until its charset is known */
	struct nf_error *err;
	enum nf_status status;
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

static int
collect_item(void *ctx, const struct nf_feed *feed, struct nf_item *item)
{
	struct collect *c = ctx;
	const char *source = feed->title != NULL && feed->title[0] != '\0' ?
	                     feed->title : c->name;

	if (item->source == NULL && nf_strset(&item->source, source) != 0) {
		item_free(item);
		return 1;
	}
	return collect_add(c, item);
}

static int
push_chunk(void *ctx, const char *data, size_t len)
{
	struct collect *c = ctx;

	c->status = feed_parser_push(c->parser, data, len, 0, c->err);
	return c->status != NF_OK;
}

static int
hold_chunk(void *ctx, const char *data, size_t len)
{
	struct collect *c = ctx;

	c->status = buf_add(&c->body, data, len);
	if (c->status != NF_OK) {
		nf_error_set(c->err, c->status, "out of memory");
	}
	return c->status != NF_OK;
}

static enum nf_status
read_file(struct collect *c, const char *path, struct nf_error *err)
{
	static char chunk[HEADLINES_CHUNK];
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t got;

	if (f == NULL) {
		return nf_error_set(err, NF_ERR_IO, "cannot open: %s", strerror(errno));
	}
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (push_chunk(c, chunk, got) != 0) {
			break;
		}
	}
	if (c->status == NF_OK && ferror(f)) {
		c->status = nf_error_set(err, NF_ERR_IO, "read error");
	}
	if (f != stdin) {
		fclose(f);
	}
	return c->status;
}

/*
 * An http(s) source. fetch_url_stream() names the Content-Type only once
 * the transfer is over, and the parser settles the encoding from its
 * first bytes, so the body is held (within the max-size ceiling the
 * fetch enforces anyway) and parsed afterwards with the HTTP charset.
 * A document that declares its own encoding still wins over it.
 */
static enum nf_status
read_http(struct collect *c, struct feed_options *opts,
          const struct fetch_limits *limits, struct nf_error *err)
{
	char *ctype = NULL, *charset = NULL;
	enum nf_status st;

	buf_init(&c->body, limits->max_size);
	st = fetch_url_stream(opts->source, limits, hold_chunk, c, &ctype, err);
	st = c->status != NF_OK ? c->status : st;
	if (st == NF_OK) {
		charset = ctype != NULL ? fetch_content_charset(ctype) : NULL;
		opts->charset = charset;
		if ((c->parser = feed_parser_new(opts, collect_item, c)) == NULL) {
			st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		} else {
			st = feed_parser_push(c->parser, c->body.data != NULL ?
			                      c->body.data : "", c->body.len, 1, err);
		}
	}
	feed_parser_free(c->parser);
	c->parser = NULL;
	opts->charset = NULL;
	buf_free(&c->body);
	free(charset);
	free(ctype);
	return st;
}

/* Reads one source (path, "-", file:// or http(s) URL) into c. */
static enum nf_status
read_source(struct collect *c, const char *source, const struct config *cfg,
            struct nf_error *err)
{
	struct feed_options opts = { source, NULL, NULL, cfg->fold_threshold,
	                             (size_t)cfg->max_size };
	struct fetch_limits limits = { 0, cfg->timeout * 1000,
	                               (size_t)cfg->max_size };
	char *path = NULL;
	enum nf_status st;

	c->name = source;
	c->err = err;
	c->status = NF_OK;
	if (fetch_is_http(source) || strncasecmp(source, "file://", 7) == 0) {
		opts.base_url = source;
	}
	if (fetch_is_http(source)) {
		return read_http(c, &opts, &limits, err);
	}
	if ((c->parser = feed_parser_new(&opts, collect_item, c)) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	if (strncasecmp(source, "file://", 7) == 0) {
		path = fetch_file_path(source);
		st = path != NULL ? read_file(c, path, err) :
		     nf_error_set(err, NF_ERR_USAGE, "not a local file URL");
	} else {
		st = read_file(c, source, err);
	}
	if (st == NF_OK) {
		st = feed_parser_push(c->parser, "", 0, 1, err);
	}
	feed_parser_free(c->parser);
	c->parser = NULL;
	free(path);
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

static int
has_http(char *const *sources, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (fetch_is_http(sources[i])) {
			return 1;
		}
	}
	return 0;
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
	int status = 0, http = has_http(sources, nsources);

	memset(&c, 0, sizeof(c));
	if (http && fetch_global_init(&err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		return 1;
	}
	for (i = 0; i < nsources; i++) {
		nf_error_clear(&err);
		if (read_source(&c, sources[i], cfg, &err) != NF_OK) {
			fprintf(stderr, "%s: %s\n", sources[i], err.msg);
			status = 1;
		}
	}
	status |= print_page(&c, cfg);
	collect_free(&c);
	if (http) {
		fetch_global_cleanup();
	}
	return status;
}

/* Appends to c the stored items of every configured feed, in dotfile
 * order. Feeds the store has but the dotfile no longer lists stay off
 * the page. Reads only: the store is not written. */
static enum nf_status
load_configured(struct store *s, const struct config *cfg, struct collect *c,
                struct nf_error *err)
{
	struct store_feed_info *feeds = NULL;
	struct nf_item **items = NULL;
	size_t nfeeds = 0, n = 0, i, j, k;
	enum nf_status st = store_feed_list(s, &feeds, &nfeeds, err);

	for (i = 0; st == NF_OK && i < cfg->nfeeds; i++) {
		for (j = 0; j < nfeeds; j++) {
			if (strcmp(feeds[j].url, cfg->feeds[i].url) == 0) {
				break;
			}
		}
		if (j == nfeeds || feeds[j].id == 0) {
			continue;	/* never fetched */
		}
		items = NULL, n = 0;
		st = store_items_load(s, feeds[j].id, STORE_LOAD_FULL, &items,
		                      &n, err);
		feeds[j].id = 0;	/* a URL listed twice is read once */
		for (k = 0; st == NF_OK && k < n; k++) {
			if (collect_add(c, items[k]) != 0) {
				st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
			}
			items[k] = NULL;	/* c has it, or it is freed */
		}
		store_items_free(items, n);
	}
	store_feed_list_free(feeds, nfeeds);
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

/* --headlines without sources: the configured feeds as the store holds
 * them, after a refresh when it holds none of their items yet. */
static int
headlines_store(const struct nf_args *args, const struct config *cfg)
{
	struct collect c;
	struct store *s = NULL;
	struct nf_error err;
	int status = 0;

	memset(&c, 0, sizeof(c));
	nf_error_clear(&err);
	if (store_open(args->db_path, &s, &err) != NF_OK) {
		fprintf(stderr, "newsfold: %s\n", err.msg);
		return 1;
	}
	if (load_configured(s, cfg, &c, &err) == NF_OK && c.n == 0 &&
	    cfg->nfeeds > 0) {
		status = refresh_quietly(s, cfg);
		load_configured(s, cfg, &c, &err);
	}
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
 * needed: when no dotfile exists and that list cannot be read either,
 * the compiled defaults do. A named dotfile that is missing, or a broken
 * one, is still an error. */
static enum nf_status
load_settings(const struct nf_args *args, struct config *cfg,
              struct nf_error *err)
{
	enum nf_status st = config_load(args->config_path, cfg, err);

	if (st != NF_OK && args->nargs > 0 && cfg->is_demo) {
		config_free(cfg);
		nf_error_clear(err);
		st = config_init(cfg, err);
	}
	return st;
}

int
headlines_main(const struct nf_args *args)
{
	struct config cfg;
	struct nf_error err;
	int status;

	nf_error_clear(&err);
	if (load_settings(args, &cfg, &err) != NF_OK) {
		/* a dotfile error reads "FILE:LINE: what is wrong" as it is */
		fprintf(stderr, err.code == NF_ERR_CONFIG ? "%s\n" : "newsfold: %s\n",
		        err.msg);
		config_free(&cfg);
		return err.code == NF_ERR_CONFIG ? 2 : 1;
	}
	if (args->nargs > 0) {
		status = headlines_sources(args->args, (size_t)args->nargs, &cfg);
	} else {
		status = headlines_store(args, &cfg);
	}
	config_free(&cfg);
	return status;
}
