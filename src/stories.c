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
#include "src/frontpage.h"
#include "src/stories.h"
#include "src/text.h"

/* Part of every kept fold's signature: move it on with any change to
 * what fold_stories() or frontpage.c make of the same items, so that a
 * store kept by an older build is folded again rather than trusted. */
#define STORIES_RULES 4

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

/* Fills out with the items of listed feeds in dotfile order, each
 * feed's items in the store's order (a stable counting sort by rank).
 * items[] comes grouped by feed; what out takes is set to NULL there. */
static int
items_ranked(struct nf_item **out, size_t *nout, struct nf_item **items,
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
		if (k == 0 || items[k]->feed_id != last) {
			last = items[k]->feed_id;
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
			out[at[of[k]]++] = items[k], (*nout)++;
			items[k] = NULL;	/* out has it */
		}
	}
	free(of), free(at);
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

/* stories_load(), with what of each item the store fills. */
static enum nf_status
stories_load_as(struct store *s, const struct config *cfg,
                const struct store_filter *filter, enum store_load what,
                struct nf_item ***items, size_t *n, struct nf_error *err)
{
	struct store_feed_info *feeds = NULL;
	struct nf_item **all = NULL, **out = NULL;
	size_t nfeeds = 0, nall = 0, nout = 0, *rank = NULL;
	enum nf_status st = store_feed_list(s, &feeds, &nfeeds, err);

	*items = NULL;
	*n = 0;
	if (st == NF_OK) {
		st = store_items_query(s, 0, what, filter, &all, &nall, err);
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
stories_load(struct store *s, const struct config *cfg,
             const struct store_filter *filter, struct nf_item ***items,
             size_t *n, struct nf_error *err)
{
	return stories_load_as(s, cfg, filter, STORE_LOAD_PAGE, items, n, err);
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

/* Walks a built page for store_fold_save(), one story at a time. */
struct page_walk {
	const struct frontpage *page;
	size_t next;		/* the next story to give */
	const struct nf_item **copies;	/* the current story's, as large
					 * as its copies */
	char **heads, **sources;
	size_t cap;		/* entries of the three arrays */
	char head[1024], source[256];	/* as --headlines prints them */
};

static void
page_walk_clear(struct page_walk *w)
{
	for (size_t k = 0; k < w->cap; k++) {
		free(w->heads[k]);
		free(w->sources[k]);
		w->heads[k] = w->sources[k] = NULL;
	}
}

static int
page_walk_reserve(struct page_walk *w, size_t n)
{
	size_t cap = w->cap;

	if (n <= cap) {
		return 0;
	}
	page_walk_clear(w);
	free(w->copies), free(w->heads), free(w->sources);
	w->copies = malloc(n * sizeof(*w->copies));
	w->heads = calloc(n, sizeof(*w->heads));
	w->sources = calloc(n, sizeof(*w->sources));
	w->cap = w->copies != NULL && w->heads != NULL && w->sources != NULL ? n : 0;
	return w->cap == n ? 0 : -1;
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

static int
page_walk_next(void *ctx, struct store_fold_story *out)
{
	struct page_walk *w = ctx;
	const struct frontpage_story *st;
	const struct nf_image *photo;
	char head[1024], source[256];
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
		const struct nf_item *it = w->page->items[st->members[k]];

		w->copies[k] = it;
		frontpage_copy_line(it, head, sizeof(head), source, sizeof(source));
		if ((w->heads[k] = strdup(head)) == NULL ||
		    (w->sources[k] = strdup(source)) == NULL) {
			return -1;
		}
	}
	frontpage_story_line(w->page, st, w->head, sizeof(w->head), w->source,
	                     sizeof(w->source));
	photo = frontpage_photo(w->page, st);
	*out = (struct store_fold_story){
		.copies = w->copies, .n = st->n,
		.heads = (const char *const *)w->heads,
		.sources = (const char *const *)w->sources,
		.head = w->head, .source = w->source,
		.caption = photo != NULL ? photo->caption : NULL,
	};
	story_counts(w->page, st, &out->newest, &out->outlets);
	return 1;
}

/* Records the kept page's stories in the store (store_stories_join())
 * where the fold is made, so that marks reach every copy and a copy that
 * joins a read story is read, without a screen reading every item. */
static enum nf_status
stories_join_page(struct store *s, const struct frontpage *page,
                  size_t nitems, struct nf_error *err)
{
	struct store_story *stories = calloc(page->nstories + 1, sizeof(*stories));
	int64_t *ids = calloc(nitems + 1, sizeof(*ids)), *newly = NULL;
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
		for (k = 0; k < fs->n && n < nitems; k++) {
			ids[n++] = page->items[fs->members[k]]->rowid;
		}
	}
	st = store_stories_join(s, stories, page->nstories, &newly, &nnew, err);
	free(newly), free(ids), free(stories);
	return st;
}

/* Folds the items at gen and keeps the page under signature. The items
 * are loaded as folding reads them (STORE_LOAD_FOLD: no full text, no
 * summary past what a lead or a line reads), which is most of the
 * memory a refresh's refold takes besides the fold's own. */
static enum nf_status
stories_fold_and_save(struct store *s, const struct config *cfg,
                      const char *signature, int64_t gen,
                      struct nf_error *err)
{
	struct nf_item **items = NULL;
	struct frontpage page;
	struct page_walk w;
	size_t n = 0;
	enum nf_status st;

	memset(&w, 0, sizeof(w));
	if ((st = stories_load_as(s, cfg, NULL, STORE_LOAD_FOLD, &items, &n,
	                          err)) != NF_OK) {
		return st;
	}
	st = frontpage_build(items, n, cfg->fold_threshold, FRONTPAGE_ALL_FEEDS,
	                     &page, err);
	if (st == NF_OK) {
		w.page = &page;
		st = store_fold_save(s, signature, gen, page_walk_next, &w, err);
		if (st == NF_OK) {
			st = stories_join_page(s, &page, n, err);
		}
		frontpage_free(&page);
	}
	page_walk_clear(&w);
	free(w.copies), free(w.heads), free(w.sources);
	store_items_free(items, n);
	return st;
}

enum nf_status
stories_update(struct store *s, const struct config *cfg,
               struct nf_error *err)
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
		st = stories_fold_and_save(s, cfg, signature, gen, err);
	}
	free(signature);
	return st;
}
