/*
 * The front page's fold kept in the store (src/stories.h): made here
 * from the items as --headlines and the screens read them, written by
 * store_fold_save(), read back by store_fold_walk().
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/buf.h"
#include "src/arena.h"
#include "src/frontpage.h"
#include "src/stories.h"
#include "src/text.h"
#include "src/utf8.h"

/* Part of every kept fold's signature: move it on with any change to
 * what fold_stories() or frontpage.c make of the same items, so that a
 * store kept by an older build is folded again rather than trusted. */
#define STORIES_RULES 11

/* The dotfile position of each stored feed: rank[j] for feeds[j], or
 * SIZE_MAX when the dotfile does not list it (a URL listed twice counts
 * at its first line). */
static size_t *
feed_ranks(const struct store_feed_info *feeds, size_t nfeeds,
           const struct config *cfg)
{
	size_t *rank = malloc((nfeeds + 1) * sizeof(*rank)), i, j;

	for (j = 0; rank != NULL && j < nfeeds; j++) {
		rank[j] = SIZE_MAX;
		for (i = 0; i < cfg->nfeeds; i++) {
			if (strcmp(feeds[j].url, cfg->feeds[i].url) == 0) {
				rank[j] = i;
				break;
			}
		}
	}
	return rank;
}

/* The feed of row k of a listing: an item's, or a compact row's. */
typedef int64_t (*feed_of_fn)(const void *rows, size_t k);

static int64_t
item_feed(const void *rows, size_t k)
{
	return ((struct nf_item *const *)rows)[k]->feed_id;
}

/* Fills perm with the indexes of the n rows of listed feeds in dotfile
 * order, each feed's rows in the store's order (a stable counting sort
 * by rank), and *nout with their count. The rows come grouped by feed. */
static int
ranked_order(size_t *perm, size_t *nout, const void *rows, feed_of_fn feed_of,
             size_t n, const struct store_feed_info *feeds, const size_t *rank,
             size_t nfeeds, size_t nranks)
{
	size_t *of = malloc((n + 1) * sizeof(*of));
	size_t *at = calloc(nranks + 1, sizeof(*at)), r = SIZE_MAX, j = 0, k;
	int64_t last = 0;

	if (of == NULL || at == NULL) {
		free(of), free(at);
		return 1;
	}
	for (k = 0; k < n; k++) {
		if (k == 0 || feed_of(rows, k) != last) {
			last = feed_of(rows, k);
			for (j = 0; j < nfeeds && feeds[j].id != last; j++) {
			}
			r = j < nfeeds ? rank[j] : SIZE_MAX;
		}
		of[k] = r;
		if (r != SIZE_MAX) {
			at[r + 1]++;
		}
	}
	for (r = 0; r < nranks; r++) {
		at[r + 1] += at[r];
	}
	*nout = 0;
	for (k = 0; k < n; k++) {
		if (of[k] != SIZE_MAX) {
			perm[at[of[k]]++] = k, (*nout)++;
		}
	}
	free(of), free(at);
	return 0;
}

/* Fills out with the items of listed feeds in dotfile order (above).
 * What out takes is set to NULL in items. */
static int
items_ranked(struct nf_item **out, size_t *nout, struct nf_item **items,
             size_t n, const struct store_feed_info *feeds, const size_t *rank,
             size_t nfeeds, size_t nranks)
{
	size_t *perm = malloc((n + 1) * sizeof(*perm)), k;

	if (perm == NULL || ranked_order(perm, nout, items, item_feed, n, feeds,
	                                 rank, nfeeds, nranks) != 0) {
		free(perm);
		return 1;
	}
	for (k = 0; k < *nout; k++) {
		out[k] = items[perm[k]];
		items[perm[k]] = NULL;	/* out has it */
	}
	free(perm);
	return 0;
}

/* Passes *field through the text gate again unless it is clean already.
 * The parsers gate everything they store, but a database may have been
 * written by something else: nothing that reaches stdout may move the
 * terminal. 0, or -1 when out of memory. */
static int
regate(char **field, int one_line)
{
	char *safe;

	if (*field == NULL || text_is_clean(*field, strlen(*field))) {
		return 0;
	}
	safe = one_line ? text_clean_line(*field, strlen(*field)) :
	       text_sanitize(*field, strlen(*field));
	if (safe == NULL) {
		return -1;
	}
	free(*field);
	*field = safe;
	return 0;
}

/* Every field of it that a page prints, through the gate. */
static int
regate_item(struct nf_item *it)
{
	int rc = regate(&it->title, 1) | regate(&it->link, 1) |
	         regate(&it->source, 1) | regate(&it->summary, 0) |
	         regate(&it->content, 0);

	if (it->image != NULL) {
		rc |= regate(&it->image->caption, 0) | regate(&it->image->credit, 1);
	}
	return rc;
}

enum nf_status
stories_load(struct store *s, const struct config *cfg,
             const struct store_filter *filter, struct nf_item ***items,
             size_t *n, struct nf_error *err)
{
	struct store_feed_info *feeds = NULL;
	struct nf_item **all = NULL, **out = NULL;
	size_t nfeeds = 0, nall = 0, nout = 0, *rank = NULL;
	enum nf_status st = store_feed_list(s, &feeds, &nfeeds, err);

	*items = NULL;
	*n = 0;
	if (st == NF_OK) {
		st = store_items_query(s, 0, STORE_LOAD_PAGE, filter, &all, &nall,
		                       err);
	}
	for (size_t i = 0; st == NF_OK && i < nall; i++) {
		if (regate_item(all[i]) != 0) {
			st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
	}
	if (st == NF_OK && ((rank = feed_ranks(feeds, nfeeds, cfg)) == NULL ||
	                    (out = malloc((nall + 1) * sizeof(*out))) == NULL ||
	                    items_ranked(out, &nout, all, nall, feeds, rank,
	                                 nfeeds, cfg->nfeeds) != 0)) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	free(rank);
	store_items_free(all, nall);	/* what out did not take */
	store_feed_list_free(feeds, nfeeds);
	if (st != NF_OK) {
		store_items_free(out, nout);
		return st;
	}
	*items = out;
	*n = nout;
	return NF_OK;
}

enum nf_status
stories_signature(struct store *s, const struct config *cfg, char **out,
                  struct nf_error *err)
{
	struct buf b;
	enum nf_status st;
	size_t i, j;

	*out = NULL;
	if (cfg->nignores > 0) {
		return NF_OK;
	}
	buf_init(&b, (size_t)1 << 20);
	st = buf_printf(&b, "newsfold %s rules %d fold-threshold %.17g feeds",
	                PACKAGE_VERSION, STORIES_RULES, cfg->fold_threshold);
	for (i = 0; st == NF_OK && i < cfg->nfeeds; i++) {
		int64_t id = 0;

		for (j = 0; j < i; j++) {
			if (strcmp(cfg->feeds[j].url, cfg->feeds[i].url) == 0) {
				break;
			}
		}
		if (j == i && (st = store_feed_find(s, cfg->feeds[i].url, &id,
		                                    err)) == NF_OK && id != 0) {
			st = buf_printf(&b, " %lld", (long long)id);
		}
	}
	if (st == NF_OK) {
		*out = buf_take(&b);
	} else if (st != NF_ERR_DB) {
		st = nf_error_set(err, st, "out of memory");
	}
	buf_free(&b);
	return st;
}

/*
 * The refold after a refresh reads compact rows (store_fold_items()):
 * of each item what folding and the kept page's lines read, its strings
 * in one arena, no item built. A summary is kept as far as folding
 * reads it (below), a long GUID as its digest. The kept page is the one
 * frontpage_build() makes of the whole items (tests/test_stories.c).
 */



#define ROW_ARENA_BLOCK ((size_t)1 << 20)
/* A kept line's room, as --headlines prints it. */
#define STORIES_HEAD_SIZE 1024
#define STORIES_SOURCE_SIZE 256

/* What a kept line reads of an item besides its fold entry, and the
 * copy's own line (head, line_source), made as the row is read:
 * frontpage_copy_line()'s, the title or feed itself where it is that,
 * or NULL when the copy has no headline and its line needs its whole
 * text (row_text_whole()). */
struct row_extra {
	int64_t rowid, feed_id;
	const char *outlet, *caption, *feed;	/* feed: the feed's title */
	const char *head, *line_source;
};

struct rows {
	struct arena arena;	/* blocks of ROW_ARENA_BLOCK */
	struct fold_entry *e;	/* entries[i] and x[i] are row i */
	struct row_extra *x;
	size_t n, cap;
	int64_t last_feed;	/* the feed whose title last was kept */
	const char *last_source;
};

/* s (NULL stays NULL) kept through the text gate as regate() passes a
 * loaded item's field, cut to max bytes at a character's start. 0, or
 * -1 out of memory. */
static int
rows_keep_text(struct rows *r, const char *s, size_t max, int one_line,
               const char **out)
{
	char *safe = NULL;
	size_t n;

	*out = NULL;
	if (s == NULL) {
		return 0;
	}
	n = strlen(s);
	if (!text_is_clean(s, n)) {
		safe = one_line ? text_clean_line(s, n) : text_sanitize(s, n);
		if (safe == NULL) {
			return -1;
		}
		s = safe, n = strlen(safe);
	}
	if (n > max) {
		n = utf8_char_start(s, max);
	}
	*out = arena_keep(&r->arena, s, n);
	free(safe);
	return *out != NULL ? 0 : -1;
}

static int
rows_grow(struct rows *r)
{
	size_t cap = r->cap > 0 ? r->cap + r->cap / 2 : 1024;
	struct fold_entry *e = realloc(r->e, cap * sizeof(*e));
	struct row_extra *x;

	if (e == NULL) {
		return -1;
	}
	r->e = e;
	if ((x = realloc(r->x, cap * sizeof(*x))) == NULL) {
		return -1;
	}
	r->x = x;
	r->cap = cap;
	return 0;
}

/* Row i as an item of the strings the rows hold (the item owns none). */
static void
row_item(const struct rows *r, size_t i, struct nf_item *it,
         struct nf_image *img)
{
	const struct fold_entry *e = &r->e[i];
	const struct row_extra *x = &r->x[i];

	memset(it, 0, sizeof(*it));
	*img = (struct nf_image){ .caption = (char *)x->caption };
	it->title = (char *)e->title;
	it->link = (char *)e->link;
	it->summary = (char *)e->summary;
	it->outlet = (char *)x->outlet;
	it->source = (char *)x->feed;
	it->published = e->time;
	it->updated = NF_NO_DATE;
	it->rowid = x->rowid;
	it->feed_id = x->feed_id;
	it->text_len = e->text_len;
	it->image = x->caption != NULL ? img : NULL;
}

/* s kept, or same when it is same's text (NULL when out of memory). */
static const char *
rows_keep_same(struct rows *r, const char *s, const char *same)
{
	if (same != NULL && strcmp(s, same) == 0) {
		return same;
	}
	return arena_keep(&r->arena, s, strlen(s));
}

/* Makes row i's own line (struct row_extra). 0, or -1 out of memory. */
static int
rows_copy_line(struct rows *r, size_t i)
{
	struct row_extra *x = &r->x[i];
	struct nf_item it;
	struct nf_image img;
	char head[STORIES_HEAD_SIZE], source[STORIES_SOURCE_SIZE];

	row_item(r, i, &it, &img);
	if (frontpage_copy_line(&it, head, sizeof(head), source,
	                        sizeof(source))) {
		return 0;	/* made from its whole text, when it is kept */
	}
	x->head = rows_keep_same(r, head, r->e[i].title);
	x->line_source = rows_keep_same(r, source, x->feed);
	return x->head != NULL && x->line_source != NULL ? 0 : -1;
}

/* store_fold_items()'s callback: keeps one row. */
static int
rows_add(void *ctx, const struct store_fold_item *it)
{
	struct rows *r = ctx;
	struct fold_entry *e;
	struct row_extra *x;
	size_t title_len;

	if (r->n == r->cap && rows_grow(r) != 0) {
		return -1;
	}
	e = &r->e[r->n];
	x = &r->x[r->n];
	memset(e, 0, sizeof(*e));
	*x = (struct row_extra){ .rowid = it->rowid, .feed_id = it->feed_id };
	e->time = it->published;
	e->text_len = it->text_len;
	if (r->last_source == NULL || it->feed_id != r->last_feed) {
		if (rows_keep_text(r, nf_str(it->source), SIZE_MAX, 1,
		                   &r->last_source) != 0) {
			return -1;
		}
		r->last_feed = it->feed_id;
	}
	x->feed = it->source != NULL ? r->last_source : NULL;
	if (rows_keep_text(r, it->title, SIZE_MAX, 1, &e->title) != 0) {
		return -1;
	}
	title_len = e->title != NULL ? strlen(e->title) : 0;
	if (rows_keep_text(r, it->link, SIZE_MAX, 1, &e->link) != 0 ||
	    rows_keep_text(r, it->summary, fold_summary_needed(title_len), 0,
	                   &e->summary) != 0 ||
	    rows_keep_text(r, it->caption, SIZE_MAX, 0, &x->caption) != 0 ||
	    (it->outlet != NULL &&
	     (x->outlet = arena_keep(&r->arena, it->outlet, strlen(it->outlet))) == NULL)) {
		return -1;
	}
	/* a permalink GUID is often the link: kept once */
	if (it->id != NULL && it->link != NULL && strcmp(it->id, it->link) == 0 &&
	    e->link != NULL && strcmp(e->link, it->link) == 0) {
		e->id = e->link;
	} else if (arena_keep_key(&r->arena, it->id, &e->id) != 0) {
		return -1;
	}
	e->source = x->outlet != NULL ? x->outlet : x->feed;
	if (rows_copy_line(r, r->n) != 0) {
		return -1;
	}
	r->n++;
	return 0;
}

static void
rows_free(struct rows *r)
{
	arena_free(&r->arena);
	free(r->e), free(r->x);
	memset(r, 0, sizeof(*r));
}

static int64_t
row_feed(const void *rows, size_t k)
{
	return ((const struct row_extra *)rows)[k].feed_id;
}

/* Puts the rows read (grouped by feed, each feed's in the store's
 * order) in the order stories_load() gives their items: the configured
 * feeds' in dotfile order; the others' go. */
static enum nf_status
rows_rank(struct store *s, const struct config *cfg, struct rows *r,
          struct nf_error *err)
{
	struct store_feed_info *feeds = NULL;
	struct fold_entry *e = NULL;
	struct row_extra *x = NULL;
	size_t nfeeds = 0, nout = 0, *rank = NULL, *perm = NULL, k;
	enum nf_status st = store_feed_list(s, &feeds, &nfeeds, err);

	if (st == NF_OK && ((rank = feed_ranks(feeds, nfeeds, cfg)) == NULL ||
	                    (perm = malloc((r->n + 1) * sizeof(*perm))) == NULL ||
	                    ranked_order(perm, &nout, r->x, row_feed, r->n, feeds,
	                                 rank, nfeeds, cfg->nfeeds) != 0 ||
	                    (e = malloc((nout + 1) * sizeof(*e))) == NULL ||
	                    (x = malloc((nout + 1) * sizeof(*x))) == NULL)) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (k = 0; st == NF_OK && k < nout; k++) {
		e[k] = r->e[perm[k]];
		x[k] = r->x[perm[k]];
	}
	if (st == NF_OK) {
		free(r->e), free(r->x);
		r->e = e, r->x = x;
		r->n = r->cap = nout;
		e = NULL, x = NULL;
	}
	free(e), free(x), free(perm), free(rank);
	store_feed_list_free(feeds, nfeeds);
	return st;
}

static void
rows_init(struct rows *r)
{
	memset(r, 0, sizeof(*r));
	r->arena.block = ROW_ARENA_BLOCK;
}

/* Reads the rows of the configured feeds in the order stories_load()
 * gives their items. */
static enum nf_status
rows_load(struct store *s, const struct config *cfg, struct rows *r,
          struct nf_error *err)
{
	enum nf_status st;

	rows_init(r);
	st = store_fold_items(s, 0, rows_add, r, err);
	if (st == NF_OK) {
		st = rows_rank(s, cfg, r, err);
	}
	if (st != NF_OK) {
		rows_free(r);
	}
	return st;
}

/*
 * The rows read while a refresh stores its feeds (stories.h): each
 * batch's feeds are read on the worker's handle inside the batch, just
 * before it commits, so that after the last transfer only the feeds not
 * synced are left to read. That is, once the page is known to be folded
 * again (the kept fold was stale at the start, or a batch wrote what
 * folding reads): until then a batch's feeds, unchanged, wait, and are
 * read with the first batch after it, so that a refresh of feeds that
 * all answer "not modified" reads nothing, and one where a few changed
 * has little left to read at the end. Rows read then stay the feed's rows unless
 * another handle writes the feed later: every batch reads the fold's
 * generation and the handle's data version in one snapshot, and a
 * generation that moved while the data version did too (another
 * handle's write that folding sees) spends them; so does a batch that
 * did not commit, or a generation at the refold other than the last
 * batch's. Spent rows are read again whole, as without them.
 */
/* Feed ids past this are not kept in the map below: the rows are then
 * read again whole. A feed's id is its rowid, one past the highest. */
#define ROWS_FEED_ID_MAX ((int64_t)1 << 24)

struct stories_rows {
	struct rows rows;
	unsigned char *have;	/* have[id]: feed id's rows are read */
	size_t nhave;		/* entries of have */
	size_t nfeeds;		/* feeds read */
	int64_t gen, version;	/* at the last batch (gen: or at the
				 * start; version: once rows are read) */
	int marked;		/* gen is read */
	int refold;		/* the page will be folded again */
	int spent;
	int64_t *waiting;	/* feeds synced unchanged before refold */
	size_t nwaiting, capwaiting;
};

/* Whether the kept fold of cfg's page is current on s (0 when it
 * cannot be told). */
static int
stories_fold_is_current(struct store *s, const struct config *cfg)
{
	struct nf_error err;
	char *signature = NULL;
	int current = 0;

	if (stories_signature(s, cfg, &signature, &err) == NF_OK &&
	    signature != NULL &&
	    store_fold_is_current(s, signature, &current, &err) != NF_OK) {
		current = 0;
	}
	free(signature);
	return current;
}

struct stories_rows *
stories_rows_new(const struct config *cfg, struct store *s)
{
	struct stories_rows *c;
	struct nf_error err;

	/* a page of ignore lines is never kept (stories_signature()) */
	if (cfg->nignores > 0 || (c = calloc(1, sizeof(*c))) == NULL) {
		return NULL;
	}
	rows_init(&c->rows);
	/* the generation to start from: a batch that leaves it alone
	 * (every feed unchanged) reads nothing, unless the kept fold is
	 * stale already */
	c->marked = store_fold_generation(s, &c->gen, &err) == NF_OK;
	c->refold = !c->marked || !stories_fold_is_current(s, cfg);
	return c;
}

void
stories_rows_free(struct stories_rows *c)
{
	if (c != NULL) {
		rows_free(&c->rows);
		free(c->have);
		free(c->waiting);
		free(c);
	}
}

static void
rows_spend(struct stories_rows *c)
{
	c->spent = 1;
	rows_free(&c->rows);
	free(c->have);
	free(c->waiting);
	c->have = NULL;
	c->waiting = NULL;
	c->nhave = c->nfeeds = c->nwaiting = c->capwaiting = 0;
}

static int
rows_have_feed(const struct stories_rows *c, int64_t id)
{
	return id > 0 && (size_t)id < c->nhave && c->have[id];
}

/* Notes that feed id's rows are read: 0, or -1 when it cannot. */
static int
rows_mark_feed(struct stories_rows *c, int64_t id)
{
	if (id <= 0 || id > ROWS_FEED_ID_MAX) {
		return -1;
	}
	if ((size_t)id >= c->nhave) {
		size_t n = (size_t)id + 1 > 2 * c->nhave ? (size_t)id + 1 :
		           2 * c->nhave;
		unsigned char *have = realloc(c->have, n);

		if (have == NULL) {
			return -1;
		}
		memset(have + c->nhave, 0, n - c->nhave);
		c->have = have, c->nhave = n;
	}
	c->have[id] = 1;
	c->nfeeds++;
	return 0;
}

/* Reads feed id's rows into r; 0, or -1 when they cannot be kept. */
static int
rows_read_feed(struct stories_rows *c, struct store *s, int64_t id,
               struct rows *r, struct nf_error *err)
{
	if (rows_mark_feed(c, id) != 0) {
		nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		return -1;
	}
	return store_fold_items(s, id, rows_add, r, err) == NF_OK ? 0 : -1;
}

/* Notes n feeds synced unchanged, to read once the page is folded
 * again: 0, or -1 when out of memory. */
static int
rows_wait(struct stories_rows *c, const int64_t *feed_ids, size_t n)
{
	if (c->nwaiting + n > c->capwaiting) {
		size_t cap = 2 * c->capwaiting > c->nwaiting + n ?
		             2 * c->capwaiting : c->nwaiting + n;
		int64_t *w = realloc(c->waiting, cap * sizeof(*w));

		if (w == NULL) {
			return -1;
		}
		c->waiting = w, c->capwaiting = cap;
	}
	memcpy(c->waiting + c->nwaiting, feed_ids, n * sizeof(*feed_ids));
	c->nwaiting += n;
	return 0;
}

/* Reads the rows of n feeds on s: 0, or -1 when they cannot be kept. */
static int
rows_read_feeds(struct stories_rows *c, struct store *s,
                const int64_t *feed_ids, size_t n, struct nf_error *err)
{
	for (size_t i = 0; i < n; i++) {
		/* the rows of a feed met twice would be there twice */
		if (rows_have_feed(c, feed_ids[i]) ||
		    rows_read_feed(c, s, feed_ids[i], &c->rows, err) != 0) {
			return -1;
		}
	}
	return 0;
}

void
stories_rows_synced(struct stories_rows *c, struct store *s,
                    const int64_t *feed_ids, size_t n)
{
	struct nf_error err;
	int64_t gen = 0, version = 0;

	if (c->spent) {
		return;
	}
	if (store_fold_mark(s, &gen, &version, &err) != NF_OK ||
	    (c->marked && gen != c->gen && c->nfeeds > 0 &&
	     version != c->version)) {
		rows_spend(c);
		return;
	}
	/* an unmoved generation: nothing the fold sees was written */
	c->refold = c->refold || !c->marked || gen != c->gen;
	if (!c->refold) {
		if (rows_wait(c, feed_ids, n) != 0) {
			rows_spend(c);
			return;
		}
	} else if (rows_read_feeds(c, s, c->waiting, c->nwaiting, &err) != 0 ||
	           rows_read_feeds(c, s, feed_ids, n, &err) != 0) {
		rows_spend(c);
		return;
	} else {
		c->nwaiting = 0;
	}
	c->gen = gen, c->version = version, c->marked = 1;
}

void
stories_rows_committed(struct stories_rows *c, int ok)
{
	if (!ok && !c->spent) {
		rows_spend(c);
	}
}

/* The rows at gen: those read during the refresh (c, emptied) when they
 * are still the feeds' rows, the configured feeds' others read now;
 * else all of them read now. */
static enum nf_status
rows_finish(struct store *s, const struct config *cfg,
            struct stories_rows *c, int64_t gen, struct rows *r,
            struct nf_error *err)
{
	enum nf_status st = NF_OK;
	int64_t id;
	size_t i;

	if (c == NULL || c->spent || !c->marked || c->gen != gen) {
		if (c != NULL) {
			rows_spend(c);	/* before reading them all again */
		}
		return rows_load(s, cfg, r, err);
	}
	*r = c->rows;
	rows_init(&c->rows);
	/* a URL listed twice is one feed, read once */
	for (i = 0; st == NF_OK && i < cfg->nfeeds; i++) {
		if ((st = store_feed_find(s, cfg->feeds[i].url, &id, err)) == NF_OK &&
		    id != 0 && !rows_have_feed(c, id) &&
		    rows_read_feed(c, s, id, r, err) != 0) {
			st = err->code;
		}
	}
	if (st == NF_OK) {
		st = rows_rank(s, cfg, r, err);
	}
	if (st != NF_OK) {
		rows_free(r);
	}
	return st;
}

/* Walks a page folded over rows for store_fold_save(), one story at a
 * time. Each story's copies are made items that point into the rows
 * (tmp, nothing of theirs owned), so that its lines come from the same
 * frontpage.c calls as a page over whole items. */
struct page_walk {
	struct store *s;
	const struct frontpage *page;	/* members index rows */
	const struct rows *rows;
	size_t next;		/* the next story to give */
	struct nf_item *tmp;	/* the current story's copies, */
	struct nf_image *img;	/* their captions, */
	struct nf_item **loaded;	/* and a copy's whole item where its
					 * line needs its text (owned) */
	const struct nf_item **copies;	/* pointers to tmp */
	size_t *idx;		/* 0, 1, ...: the story over tmp */
	const char **heads, **sources;	/* the copies' lines: into the
					 * rows, or owned, */
	char **owned;		/* 2k and 2k + 1: copy k's, when owned */
	size_t cap;		/* entries of the arrays */
	size_t used;		/* copies of the current story */
	char head[STORIES_HEAD_SIZE], source[STORIES_SOURCE_SIZE];
};

static void
page_walk_clear(struct page_walk *w)
{
	for (size_t k = 0; k < w->used; k++) {
		free(w->owned[2 * k]);
		free(w->owned[2 * k + 1]);
		item_free(w->loaded[k]);
		w->owned[2 * k] = w->owned[2 * k + 1] = NULL;
		w->loaded[k] = NULL;
	}
	w->used = 0;
}

static void
page_walk_free(struct page_walk *w)
{
	page_walk_clear(w);
	free(w->tmp), free(w->img), free(w->loaded), free(w->copies);
	free(w->idx), free(w->heads), free(w->sources), free(w->owned);
	w->tmp = NULL, w->img = NULL, w->loaded = NULL, w->copies = NULL;
	w->idx = NULL, w->heads = w->sources = NULL, w->owned = NULL;
	w->cap = 0;
}

static int
page_walk_reserve(struct page_walk *w, size_t n)
{
	if (n <= w->cap) {
		return 0;
	}
	page_walk_free(w);
	w->tmp = calloc(n, sizeof(*w->tmp));
	w->img = calloc(n, sizeof(*w->img));
	w->loaded = calloc(n, sizeof(*w->loaded));
	w->copies = calloc(n, sizeof(*w->copies));
	w->idx = calloc(n, sizeof(*w->idx));
	w->heads = calloc(n, sizeof(*w->heads));
	w->sources = calloc(n, sizeof(*w->sources));
	w->owned = calloc(2 * n, sizeof(*w->owned));
	if (w->tmp == NULL || w->img == NULL || w->loaded == NULL ||
	    w->copies == NULL || w->idx == NULL || w->heads == NULL ||
	    w->sources == NULL || w->owned == NULL) {
		page_walk_free(w);
		return -1;
	}
	w->cap = n;
	return 0;
}

/* The newest copy's date and the count of distinct sources, as the
 * page's sort orders count them (frontpage_sort()). */
static void
story_counts(const struct frontpage *page, const struct frontpage_story *st,
             int64_t *newest, size_t *outlets)
{
	size_t i, j;

	*newest = NF_NO_DATE;
	*outlets = 0;
	for (i = 0; i < st->n; i++) {
		const struct nf_item *it = page->items[st->members[i]];

		if (it->published != NF_NO_DATE &&
		    (*newest == NF_NO_DATE || it->published > *newest)) {
			*newest = it->published;
		}
		for (j = 0; j < i; j++) {
			if (strcmp(nf_str(page->items[st->members[j]]->source),
			           nf_str(it->source)) == 0) {
				break;
			}
		}
		*outlets += j == i;
	}
}

/* A copy whose title gives no headline is headed by the start of its
 * text (frontpage_copy_line() says so), more of it than a row may keep
 * (and its content, which a row leaves out): its whole item is read for
 * it, through the gate as stories_load() reads it. Such copies are few.
 * 1 when it was read, 0 when the row has all there is, -1 out of
 * memory. */
static int
row_text_whole(struct page_walk *w, size_t k)
{
	struct nf_item *it = &w->tmp[k], *whole = NULL;
	struct nf_error err;

	if (nf_str(it->summary)[0] == '\0' && it->text_len == 0) {
		return 0;	/* no text: "(no title)" */
	}
	if (store_item_load(w->s, it->rowid, &whole, &err) != NF_OK) {
		return err.code == NF_ERR_NOMEM ? -1 : 0;
	}
	w->loaded[k] = whole;
	if (regate(&whole->summary, 0) != 0 || regate(&whole->content, 0) != 0) {
		return -1;
	}
	it->summary = whole->summary;
	it->content = whole->content;
	return 1;
}

/* Copy k's own line into heads[k] and sources[k]: as its row was
 * read, or, for a copy without a headline, from its whole text. */
static int
copy_line(struct page_walk *w, size_t k, size_t row)
{
	const struct row_extra *x = &w->rows->x[row];
	char head[STORIES_HEAD_SIZE], source[STORIES_SOURCE_SIZE];

	if (x->head != NULL) {
		w->heads[k] = x->head;
		w->sources[k] = x->line_source;
		return 0;
	}
	if (frontpage_copy_line(&w->tmp[k], head, sizeof(head), source,
	                        sizeof(source))) {
		/* the line needs the copy's whole text */
		if (row_text_whole(w, k) < 0) {
			return -1;
		}
		frontpage_copy_line(&w->tmp[k], head, sizeof(head), source,
		                    sizeof(source));
	}
	w->heads[k] = w->owned[2 * k] = strdup(head);
	w->sources[k] = w->owned[2 * k + 1] = strdup(source);
	return w->heads[k] != NULL && w->sources[k] != NULL ? 0 : -1;
}

static int
page_walk_next(void *ctx, struct store_fold_story *out)
{
	struct page_walk *w = ctx;
	const struct frontpage_story *st;
	const struct nf_image *photo;
	struct frontpage_story one;
	struct frontpage page;
	const char *head, *source;
	size_t k;

	if (w->next >= w->page->nstories) {
		return 0;
	}
	st = &w->page->stories[w->next++];
	page_walk_clear(w);
	if (page_walk_reserve(w, st->n) != 0) {
		return -1;
	}
	for (k = 0; k < st->n; k++) {
		row_item(w->rows, st->members[k], &w->tmp[k], &w->img[k]);
		w->copies[k] = &w->tmp[k];
		w->idx[k] = k;
		w->used = k + 1;
		if (copy_line(w, k, st->members[k]) != 0) {
			return -1;
		}
	}
	/* the story over its copies alone, as the page over items has it */
	one = (struct frontpage_story){ .members = w->idx, .n = st->n };
	page = (struct frontpage){ .items = (struct nf_item *const *)w->copies,
	                           .stories = &one, .nstories = 1 };
	if (st->n == 1) {
		/* a story of one copy is headed by that copy's title
		 * (frontpage_headline()), so its line is the copy's */
		head = w->heads[0], source = w->sources[0];
	} else {
		frontpage_story_line(&page, &one, w->head, sizeof(w->head),
		                     w->source, sizeof(w->source));
		head = w->head, source = w->source;
	}
	photo = frontpage_photo(&page, &one);
	*out = (struct store_fold_story){
		.copies = w->copies, .n = st->n,
		.heads = w->heads, .sources = w->sources,
		.head = head, .source = source,
		.caption = photo != NULL ? photo->caption : NULL,
	};
	story_counts(&page, &one, &out->newest, &out->outlets);
	return 1;
}

/* Records the kept page's stories in the store (store_stories_join())
 * where the fold is made, so that marks reach every copy and a copy that
 * joins a read story is read, without a screen reading every item. */
static enum nf_status
stories_join_page(struct store *s, const struct frontpage *page,
                  const struct rows *r, struct nf_error *err)
{
	struct store_story *stories = calloc(page->nstories + 1, sizeof(*stories));
	int64_t *ids = calloc(r->n + 1, sizeof(*ids)), *newly = NULL;
	size_t i, k, n = 0, nnew = 0;
	enum nf_status st;

	if (stories == NULL || ids == NULL) {
		free(stories), free(ids);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < page->nstories; i++) {
		const struct frontpage_story *fs = &page->stories[i];

		stories[i].rowids = ids + n;
		stories[i].n = fs->n;
		for (k = 0; k < fs->n && n < r->n; k++) {
			ids[n++] = r->x[fs->members[k]].rowid;
		}
	}
	st = store_stories_join(s, stories, page->nstories, &newly, &nnew, err);
	free(newly), free(ids), free(stories);
	return st;
}

/* Folds the items at gen and keeps the page under signature. The items
 * are read as compact rows (above): no item built, a summary kept as far
 * as folding reads it, which is most of the memory a refresh's refold
 * takes besides the fold's own. */
static enum nf_status
stories_fold_and_save(struct store *s, const struct config *cfg,
                      const char *signature, int64_t gen,
                      struct stories_rows *read, struct nf_error *err)
{
	struct rows rows;
	struct frontpage page;
	struct page_walk w;
	enum nf_status st;

	memset(&w, 0, sizeof(w));
	if ((st = rows_finish(s, cfg, read, gen, &rows, err)) != NF_OK) {
		return st;
	}
	st = frontpage_fold(rows.e, rows.n, cfg->fold_threshold,
	                    FRONTPAGE_ALL_FEEDS, &page, err);
	if (st == NF_OK) {
		w.s = s;
		w.page = &page;
		w.rows = &rows;
		st = store_fold_save(s, signature, gen, page_walk_next, &w, err);
		if (st == NF_OK) {
			st = stories_join_page(s, &page, &rows, err);
		}
		frontpage_free(&page);
	}
	page_walk_free(&w);
	rows_free(&rows);
	return st;
}

enum nf_status
stories_update_read(struct store *s, const struct config *cfg,
                    struct stories_rows *read, struct nf_error *err)
{
	char *signature = NULL;
	int64_t gen = 0;
	int current = 0;
	enum nf_status st;

	if (store_is_read_only(s)) {
		return NF_OK;
	}
	/* the generation first: a change after it leaves the fold stale */
	st = store_fold_generation(s, &gen, err);
	if (st == NF_OK) {
		st = stories_signature(s, cfg, &signature, err);
	}
	if (st == NF_OK && signature != NULL) {
		st = store_fold_is_current(s, signature, &current, err);
	}
	if (st == NF_OK && signature != NULL && !current) {
		st = stories_fold_and_save(s, cfg, signature, gen, read, err);
	}
	free(signature);
	return st;
}

enum nf_status
stories_update(struct store *s, const struct config *cfg,
               struct nf_error *err)
{
	return stories_update_read(s, cfg, NULL, err);
}
