#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "src/frontpage.h"
#include "src/stories.h"
#include "src/sync.h"
#include "src/text.h"
#include "src/width.h"
#include "ui/draw.h"
#include "ui/jobs.h"
#include "ui/list.h"
#include "ui/save.h"
#include "ui/screen_article.h"
#include "ui/screen_headlines.h"

/* A story of the page as this screen shows it. On a page folded here,
 * fs->members[0] is its lead copy (an index into items), the rest its
 * copies. On the kept page (the store's fold, src/stories.h) the screen
 * holds only its place and counts; its line is read when it is drawn
 * (struct hl_lines), its copies when it is unfolded, opened or marked
 * (struct hl_loaded). */
struct hl_story {
	const struct frontpage_story *fs;	/* folded here; NULL when kept */
	uint32_t place;		/* kept: its place on the kept page */
	uint32_t n;		/* copies */
	unsigned expanded : 1;
	unsigned unread : 1;	/* some copy is unread */
};

/* A line of the list: the story line (member 0) or one of its copies. */
struct hl_row {
	uint32_t story;
	uint32_t member;
};

/* The copies of a kept story, loaded: a page of one story over them. */
struct hl_loaded {
	uint32_t place;
	struct nf_item **items;
	size_t *members;	/* 0 .. n-1 */
	size_t n;
	struct frontpage page;
};

/* The kept page's story lines (headline and source) are read when drawn,
 * a block of places at a time, and a few blocks are kept: the screen
 * holds the lines it shows, not the page's. Enough blocks for a screen
 * of stories from as many places (a page sorted by date). */
#define HL_LINE_BLOCK 32
#define HL_LINE_BLOCKS 64

struct hl_line_block {
	size_t from;		/* its first place */
	size_t n;		/* 0: empty */
	char *head[HL_LINE_BLOCK], *source[HL_LINE_BLOCK];	/* NULL: none */
	unsigned long used;	/* lines.clock when last read */
};

struct hl_lines {
	struct hl_line_block *blocks;	/* HL_LINE_BLOCKS, or NULL */
	unsigned long clock;
	char *signature;	/* the kept page's (stories_signature()) */
};

struct headlines {
	struct screen base;
	int64_t feed_id;	/* 0 = every feed (the front page) */
	const struct query *match;	/* a query feed's, or NULL: borrowed
					 * from the dotfile, or owned_match */
	struct query *owned_match;	/* a tag narrowing made here */
	int show_read;		/* read stories listed (show-read, per screen) */
	int64_t play_rowid;	/* the item e played last, and which of its */
	size_t play_next;	/* enclosures comes next */
	enum config_sort sort;	/* sort, per screen */
	int sort_reverse;
	char *title;
	struct nf_item **items;	/* folded here: every item; kept: NULL */
	size_t nitems;
	struct frontpage page;	/* over items */
	int kept;		/* the stories are the store's kept page */
	int partial;		/* kept: only its first stories are read yet
				 * (hl_load_first(), hl_finish()) */
	size_t kept_total;	/* kept: its stories, while partial */
	size_t nkept_items;	/* kept: copies on the page */
	struct hl_lines lines;	/* kept */
	struct hl_loaded *loaded;	/* kept: stories whose copies are loaded */
	size_t nloaded;
	int64_t *matching;	/* kept: places of the stories the filter
				 * matches, sorted */
	size_t nmatching;
	struct hl_story *stories;	/* page.stories, lead story first */
	size_t nstories, cap_stories;
	int has_lead;		/* stories[0] is shown in the panel */
	struct hl_row *rows;
	size_t nrows;
	int64_t *expanded;	/* lead rowids of unfolded stories */
	size_t nexpanded;
	struct ui *ui;
	struct list list;
};

static const struct screen_ops headlines_ops;

static struct headlines *
hl_of(struct screen *s)
{
	return (struct headlines *)s;
}

/* ---- the kept page's story lines --------------------------------- */

static void
hl_line_block_clear(struct hl_line_block *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->head[i]);
		free(b->source[i]);
	}
	memset(b, 0, sizeof(*b));
}

static void
hl_lines_free(struct hl_lines *l)
{
	size_t i;

	for (i = 0; l->blocks != NULL && i < HL_LINE_BLOCKS; i++) {
		hl_line_block_clear(&l->blocks[i]);
	}
	free(l->blocks);
	free(l->signature);
	memset(l, 0, sizeof(*l));
}

/* One story line of a block being read (store_fold_walk()). */
static int
hl_line_read(void *ctx, const struct store_fold_row *row)
{
	struct hl_line_block *b = ctx;
	size_t at = row->place - b->from;

	if (row->place < b->from || at >= HL_LINE_BLOCK || b->head[at] != NULL) {
		return 0;
	}
	b->head[at] = strdup(nf_str(row->head));
	b->source[at] = strdup(nf_str(row->source));
	return 0;
}

/* The block of place, read into the least recently used one if need be;
 * NULL out of memory. A page the store no longer keeps (refolded, the
 * screen not yet reloaded) reads as empty lines. */
static struct hl_line_block *
hl_line_block_of(struct headlines *h, size_t place)
{
	struct hl_lines *l = &h->lines;
	struct hl_line_block *b, *lru;
	size_t from = place - place % HL_LINE_BLOCK, i;
	struct nf_error err;
	int current;

	if (l->blocks == NULL &&
	    (l->blocks = calloc(HL_LINE_BLOCKS, sizeof(*l->blocks))) == NULL) {
		return NULL;
	}
	l->clock++;
	for (i = 0, lru = l->blocks; i < HL_LINE_BLOCKS; i++) {
		b = &l->blocks[i];
		if (b->n > 0 && b->from == from) {
			b->used = l->clock;
			return b;
		}
		lru = b->used < lru->used ? b : lru;
	}
	hl_line_block_clear(lru);
	lru->from = from;
	lru->n = HL_LINE_BLOCK;
	lru->used = l->clock;
	if (l->signature != NULL) {
		store_fold_walk(h->ui->store, l->signature, from, HL_LINE_BLOCK, 0,
		                hl_line_read, lru, &current, &err);
	}
	return lru;
}

/* The headline and source line of the kept story at place ("" when they
 * cannot be read), copied into head and source. */
static void
hl_kept_line(struct headlines *h, size_t place, char *head, size_t hsize,
             char *source, size_t ssize)
{
	struct hl_line_block *b = hl_line_block_of(h, place);
	size_t at = place % HL_LINE_BLOCK;

	snprintf(head, hsize, "%s", b != NULL ? nf_str(b->head[at]) : "");
	snprintf(source, ssize, "%s", b != NULL ? nf_str(b->source[at]) : "");
}

/* ---- a kept story's copies ------------------------------------------ */

static void
hl_loaded_free(struct hl_loaded *ld)
{
	frontpage_free(&ld->page);
	store_items_free(ld->items, ld->n);
	free(ld->members);
}

/* Loads the copies of the kept story at place (a copy gone since the
 * fold is left out); NULL when none can be. */
static struct hl_loaded *
hl_load_story(struct headlines *h, uint32_t place)
{
	struct hl_loaded ld, *v;
	int64_t *rowids = NULL;
	size_t n = 0, i, counts[1];
	struct nf_error err;

	memset(&ld, 0, sizeof(ld));
	memset(&err, 0, sizeof(err));
	ld.place = place;
	if (store_fold_story_rowids(h->ui->store, place, &rowids, &n, &err) != NF_OK ||
	    n == 0 || (ld.items = calloc(n, sizeof(*ld.items))) == NULL ||
	    (ld.members = calloc(n, sizeof(*ld.members))) == NULL) {
		goto fail;
	}
	for (i = 0; i < n; i++) {
		if (store_item_load(h->ui->store, rowids[i], &ld.items[ld.n],
		                    &err) == NF_OK) {
			ld.members[ld.n] = ld.n;
			ld.n++;
		}
	}
	counts[0] = ld.n;
	if (ld.n == 0 || frontpage_from_stories(ld.items, ld.members, counts, 1,
	                                        &ld.page, &err) != NF_OK ||
	    (v = realloc(h->loaded, (h->nloaded + 1) * sizeof(*v))) == NULL) {
		goto fail;
	}
	free(rowids);
	h->loaded = v;
	h->loaded[h->nloaded] = ld;
	return &h->loaded[h->nloaded++];
fail:
	ui_status(h->ui, 1, "%s", err.msg[0] != '\0' ? err.msg :
	          "cannot load the story's copies");
	free(rowids);
	hl_loaded_free(&ld);
	return NULL;
}

/* The loaded copies of kept story i, loaded now if need be. */
static struct hl_loaded *
hl_loaded_of(struct headlines *h, size_t story)
{
	uint32_t place = h->stories[story].place;
	size_t i;

	for (i = 0; i < h->nloaded; i++) {
		if (h->loaded[i].place == place) {
			return &h->loaded[i];
		}
	}
	return hl_load_story(h, place);
}

/* Copy member of story: NULL when it cannot be had (a kept story's copy
 * gone since the fold). */
static struct nf_item *
hl_item(struct headlines *h, size_t story, size_t member)
{
	const struct hl_story *st = &h->stories[story];
	struct hl_loaded *ld;

	if (st->fs != NULL) {
		return member < st->fs->n ? h->items[st->fs->members[member]] : NULL;
	}
	ld = hl_loaded_of(h, story);
	return ld != NULL && member < ld->n ? ld->items[member] : NULL;
}

/* ---- model --------------------------------------------------------- */

static void
hl_clear(struct headlines *h)
{
	size_t i;

	frontpage_free(&h->page);
	free(h->stories);
	free(h->rows);
	store_items_free(h->items, h->nitems);
	for (i = 0; i < h->nloaded; i++) {
		hl_loaded_free(&h->loaded[i]);
	}
	free(h->loaded);
	free(h->matching);
	hl_lines_free(&h->lines);
	h->loaded = NULL;
	h->matching = NULL;
	h->stories = NULL;
	h->rows = NULL;
	h->items = NULL;
	h->nstories = h->cap_stories = h->nrows = h->nitems = 0;
	h->nloaded = h->nmatching = h->nkept_items = 0;
	h->kept = h->partial = 0;
	h->kept_total = 0;
}

static int
hl_is_expanded(const struct headlines *h, const struct hl_story *st)
{
	size_t i, k;

	for (i = 0; i < h->nexpanded; i++) {
		for (k = 0; k < st->n; k++) {
			if (h->items[st->fs->members[k]]->rowid == h->expanded[i]) {
				return 1;
			}
		}
	}
	return 0;
}

/* Remembers which stories are unfolded by their lead's rowid, so that a
 * reload that regroups items keeps them unfolded. */
static void
hl_save_expanded(struct headlines *h)
{
	size_t i, n = 0;
	int64_t *ids = calloc(h->nstories + 1, sizeof(*ids));

	if (ids == NULL) {
		return;
	}
	for (i = 0; i < h->nstories; i++) {
		const struct nf_item *lead;

		if (h->stories[i].expanded && (lead = hl_item(h, i, 0)) != NULL) {
			ids[n++] = lead->rowid;
		}
	}
	free(h->expanded);
	h->expanded = ids;
	h->nexpanded = n;
}

/* The screen's stories over the front page, which decides their order,
 * lead, headlines and photos. */
static int
hl_make_stories(struct headlines *h)
{
	size_t i, k;

	h->stories = calloc(h->page.nstories + 1, sizeof(*h->stories));
	if (h->stories == NULL) {
		return -1;
	}
	for (i = 0; i < h->page.nstories; i++) {
		struct hl_story *st = &h->stories[h->nstories++];

		st->fs = &h->page.stories[i];
		st->n = (uint32_t)st->fs->n;
		for (k = 0; k < st->n; k++) {
			st->unread |= !h->items[st->fs->members[k]]->read;
		}
		st->expanded = hl_is_expanded(h, st);
	}
	return 0;
}

/* The list rows from the stories: each story line, then its copies when
 * it is unfolded. */
static int
hl_make_rows(struct headlines *h)
{
	size_t i, k, n = 0;
	struct hl_row *rows;

	for (i = 0; i < h->nstories; i++) {
		n += h->stories[i].expanded ? h->stories[i].n : 1;
	}
	rows = realloc(h->rows, (n + 1) * sizeof(*rows));
	if (rows == NULL) {
		return -1;
	}
	h->rows = rows;
	h->nrows = 0;
	for (i = 0; i < h->nstories; i++) {
		size_t m = h->stories[i].expanded ? h->stories[i].n : 1;

		for (k = 0; k < m; k++) {
			h->rows[h->nrows++] = (struct hl_row){ .story = (uint32_t)i,
			                                       .member = (uint32_t)k };
		}
	}
	return 0;
}

/* The rowid under the cursor, to find the same story after a rebuild. */
static int64_t
hl_selected_rowid(struct headlines *h, int *is_copy)
{
	size_t r = list_selected(&h->list);
	const struct nf_item *it;

	*is_copy = 0;
	if (r == (size_t)-1 || r >= h->nrows) {
		return 0;
	}
	*is_copy = h->rows[r].member != 0;
	it = hl_item(h, h->rows[r].story, h->rows[r].member);
	return it != NULL ? it->rowid : 0;
}

/* The row of story's member (its story line for member 0). */
static int
hl_select_member(struct headlines *h, size_t story, size_t member)
{
	size_t r;

	for (r = 0; r < h->nrows; r++) {
		if (h->rows[r].story == story && h->rows[r].member == member) {
			return list_select_row(&h->list, r);
		}
	}
	return 0;
}

/* The kept page's story holding rowid, or (size_t)-1. */
static size_t
hl_kept_story_of(struct headlines *h, int64_t rowid)
{
	struct nf_error err;
	size_t place, i;
	int found;

	if (store_fold_place_of(h->ui->store, rowid, &place, &found, &err) != NF_OK ||
	    !found) {
		return (size_t)-1;
	}
	for (i = 0; i < h->nstories; i++) {
		if (h->stories[i].place == place) {
			return i;
		}
	}
	return (size_t)-1;
}

/* On the kept page: the copy line of rowid when its story is unfolded,
 * else its story line. */
static void
hl_reselect_kept(struct headlines *h, int64_t rowid)
{
	size_t i = hl_kept_story_of(h, rowid), k;

	if (i == (size_t)-1) {
		return;
	}
	for (k = 0; h->stories[i].expanded && k < h->stories[i].n; k++) {
		const struct nf_item *it = hl_item(h, i, k);

		if (it != NULL && it->rowid == rowid && hl_select_member(h, i, k)) {
			return;
		}
	}
	hl_select_member(h, i, 0);
}

/* Puts the cursor back on the line of rowid: its copy line when visible,
 * else the line of its story. */
static void
hl_reselect(struct headlines *h, int64_t rowid)
{
	size_t r;

	if (rowid == 0) {
		return;
	}
	if (h->kept) {
		hl_reselect_kept(h, rowid);
		return;
	}
	for (r = 0; r < h->nrows; r++) {
		if (hl_item(h, h->rows[r].story, h->rows[r].member)->rowid == rowid &&
		    list_select_row(&h->list, r)) {
			return;
		}
	}
	for (r = 0; r < h->nrows; r++) {
		const struct hl_story *st = &h->stories[h->rows[r].story];
		size_t k;

		for (k = 0; k < st->n && h->rows[r].member == 0; k++) {
			if (h->items[st->fs->members[k]]->rowid == rowid &&
			    list_select_row(&h->list, r)) {
				return;
			}
		}
	}
}

/* The front page shows the dotfile's feeds only: a feed dropped from it
 * keeps its items in the store, out of sight. */
static void
hl_keep_listed(struct headlines *h, const struct ui *ui)
{
	size_t i, kept = 0;
	int64_t last = 0;
	int listed = 0;

	/* items come grouped by feed: one look-up per feed, not per item */
	for (i = 0; i < h->nitems; i++) {
		if (i == 0 || h->items[i]->feed_id != last) {
			last = h->items[i]->feed_id;
			listed = ui_feed_is_listed(ui, last);
		}
		if (listed) {
			h->items[kept++] = h->items[i];
		} else {
			item_free(h->items[i]);
		}
	}
	h->nitems = kept;
}

/* The page in this screen's order; config_sort and frontpage_order
 * name the same orders. */
static int
hl_sort(struct headlines *h)
{
	static const enum frontpage_order orders[CONFIG_SORT_COUNT] = {
		[CONFIG_SORT_PAGE] = FRONTPAGE_ORDER_PAGE,
		[CONFIG_SORT_DATE] = FRONTPAGE_ORDER_DATE,
		[CONFIG_SORT_FEED] = FRONTPAGE_ORDER_FEED,
		[CONFIG_SORT_TITLE] = FRONTPAGE_ORDER_TITLE,
		[CONFIG_SORT_OUTLETS] = FRONTPAGE_ORDER_OUTLETS,
	};

	if (h->sort == CONFIG_SORT_PAGE && !h->sort_reverse) {
		return 0;
	}
	return frontpage_sort(&h->page, orders[h->sort], h->sort_reverse);
}

/* With show-read off, a story every copy of which is read is not listed. */
static void
hl_drop_read(struct headlines *h)
{
	size_t i, kept = 0;

	for (i = 0; !h->show_read && i < h->nstories; i++) {
		if (h->stories[i].unread) {
			h->stories[kept++] = h->stories[i];
		}
	}
	if (!h->show_read) {
		h->nstories = kept;
	}
}

/* The items of this screen: its feed or query, less what the dotfile's
 * ignore lines hide, so a killed copy never heads a story. */
static enum nf_status
hl_items_load(struct headlines *h, struct ui *ui, struct nf_error *err)
{
	struct sync_filter f;
	enum nf_status st;

	if ((st = sync_filter_init(&f, ui->cfg, h->match, err)) != NF_OK) {
		return st;
	}
	/* text~ reads the search index: in step first (a failure only
	 * makes the query scan what the index lacks) */
	if (h->match != NULL || ui->cfg->nignores > 0) {
		struct nf_error ignored;

		store_search_catch_up(ui->store, 0, NULL, &ignored);
	}
	st = store_items_query(ui->store, h->feed_id, STORE_LOAD_LIST, &f.filter,
	                       &h->items, &h->nitems, err);
	sync_filter_clear(&f);
	return st;
}

static int
hl_rowid_compare(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Sets the read flag of the items whose rowids are in ids (sorted). */
static void
hl_set_read(struct headlines *h, const int64_t *ids, size_t n, int read)
{
	size_t i;

	for (i = 0; i < h->nitems && n > 0; i++) {
		if (bsearch(&h->items[i]->rowid, ids, n, sizeof(*ids),
		            hl_rowid_compare) != NULL) {
			h->items[i]->read = read;
		}
	}
	for (i = 0; i < h->nloaded && n > 0; i++) {
		for (size_t k = 0; k < h->loaded[i].n; k++) {
			struct nf_item *it = h->loaded[i].items[k];

			if (bsearch(&it->rowid, ids, n, sizeof(*ids),
			            hl_rowid_compare) != NULL) {
				it->read = read;
			}
		}
	}
}

/* The front page folds every feed: it tells the store which items are
 * one story, so that marks reach every copy and a copy that arrived
 * since a story was read is read too. Other screens fold one feed (or a
 * query's, a tag's or a search's part of the store), and leave the
 * stories as the front page made them. */
static void
hl_join_stories(struct headlines *h, struct ui *ui)
{
	struct store_story *stories;
	int64_t *ids = NULL, *newly = NULL;
	size_t i, k, n = 0, nnew = 0;
	struct nf_error err;

	if (h->feed_id != 0 || h->match != NULL || h->page.nstories == 0) {
		return;
	}
	stories = calloc(h->page.nstories, sizeof(*stories));
	ids = calloc(h->nitems + 1, sizeof(*ids));
	for (i = 0; stories != NULL && ids != NULL && i < h->page.nstories; i++) {
		const struct frontpage_story *fs = &h->page.stories[i];

		stories[i].rowids = ids + n;
		stories[i].n = fs->n;
		for (k = 0; k < fs->n; k++) {
			ids[n++] = h->items[fs->members[k]]->rowid;
		}
	}
	if (stories == NULL || ids == NULL) {
		ui_status(ui, 1, "out of memory");
	} else if (store_stories_join(ui->store, stories, h->page.nstories,
	                              &newly, &nnew, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
	} else if (nnew > 0) {
		qsort(newly, nnew, sizeof(*newly), hl_rowid_compare);
		hl_set_read(h, newly, nnew, 1);
	}
	free(newly);
	free(ids);
	free(stories);
}

/* The kept page's stories as rowids (store_fold_members()). */
struct hl_kept {
	int64_t *rowids;	/* every copy, story after story */
	size_t n;
	size_t *counts;		/* copies per story */
	size_t nstories;
};

/* An item's rowid with its index in h->items, sorted by rowid. */
struct hl_rowid_index {
	int64_t rowid;
	size_t at;
};

static int
hl_rowid_index_compare(const void *a, const void *b)
{
	int64_t x = ((const struct hl_rowid_index *)a)->rowid;
	int64_t y = ((const struct hl_rowid_index *)b)->rowid;

	return (x > y) - (x < y);
}

/* Turns the kept rowids into item indexes in place of counts' members;
 * -1 when a kept copy is not among the items (a refresh in between). */
static int
hl_kept_members(const struct headlines *h, const struct hl_kept *k,
                size_t *members)
{
	struct hl_rowid_index *by = malloc((h->nitems + 1) * sizeof(*by)), key;
	size_t i;
	int rc = 0;

	if (by == NULL || k->n != h->nitems) {
		free(by);
		return -1;
	}
	for (i = 0; i < h->nitems; i++) {
		by[i] = (struct hl_rowid_index){ h->items[i]->rowid, i };
	}
	qsort(by, h->nitems, sizeof(*by), hl_rowid_index_compare);
	for (i = 0; rc == 0 && i < k->n; i++) {
		const struct hl_rowid_index *found;

		key.rowid = k->rowids[i];
		found = bsearch(&key, by, h->nitems, sizeof(*by),
		                hl_rowid_index_compare);
		rc = found != NULL ? (members[i] = found->at, 0) : -1;
	}
	free(by);
	return rc;
}

/* The front page as the store keeps it folded (src/stories.h), kept
 * first when it is stale: the fold runs where items change, not each
 * time the page is shown. -1 when there is no kept page to use (ignore
 * lines, a read-only store with a stale one, a kept page of other
 * items): the caller folds in memory. */
static int
hl_page_kept(struct headlines *h, struct ui *ui)
{
	struct hl_kept k;
	struct nf_error err;
	char *signature = NULL;
	size_t *members = NULL;
	int current = 0, rc = -1;

	memset(&k, 0, sizeof(k));
	if (stories_update(ui->store, ui->cfg, &err) != NF_OK ||
	    stories_signature(ui->store, ui->cfg, &signature, &err) != NF_OK ||
	    signature == NULL ||
	    store_fold_members(ui->store, signature, &k.rowids, &k.n, &k.counts,
	                       &k.nstories, &current, &err) != NF_OK || !current) {
		goto out;
	}
	members = malloc((k.n + 1) * sizeof(*members));
	if (members != NULL && hl_kept_members(h, &k, members) == 0 &&
	    frontpage_from_stories(h->items, members, k.counts, k.nstories,
	                           &h->page, &err) == NF_OK) {
		rc = 0;
	}
out:
	free(members);
	free(k.rowids);
	free(k.counts);
	free(signature);
	return rc;
}

/* The page of h->items: the front page from the store's kept fold when
 * it can be, else folded here. */
static enum nf_status
hl_build_page(struct headlines *h, struct ui *ui, struct nf_error *err)
{
	if (h->feed_id == 0 && h->match == NULL && hl_page_kept(h, ui) == 0) {
		return NF_OK;
	}
	return frontpage_build(h->items, h->nitems, ui->cfg->fold_threshold,
	                       h->feed_id != 0 ? FRONTPAGE_ONE_FEED :
	                       FRONTPAGE_ALL_FEEDS, &h->page, err);
}

/* ---- the kept page, a line per story -------------------------------- */

/* One story line of the kept page into h->stories. */
static int
hl_kept_row(void *ctx, const struct store_fold_row *row)
{
	struct headlines *h = ctx;
	struct hl_story *st;

	if (h->nstories == h->cap_stories) {
		size_t cap = h->cap_stories ? h->cap_stories * 2 : 1024;
		struct hl_story *v = realloc(h->stories, cap * sizeof(*v));

		if (v == NULL) {
			h->nstories = (size_t)-1;	/* out of memory: stop */
			return -1;
		}
		h->stories = v;
		h->cap_stories = cap;
	}
	st = &h->stories[h->nstories];
	memset(st, 0, sizeof(*st));
	st->place = (uint32_t)row->place;
	st->n = (uint32_t)row->members;
	st->unread = row->story_unread != 0;
	h->nkept_items += st->n;
	h->nstories++;
	return 0;
}

/* Unfolds again the stories unfolded before the reload, found by a
 * copy's rowid (the kept page may have regrouped them). */
static void
hl_kept_expand(struct headlines *h)
{
	size_t i, at;

	for (i = 0; i < h->nexpanded; i++) {
		if ((at = hl_kept_story_of(h, h->expanded[i])) != (size_t)-1) {
			h->stories[at].expanded = 1;
		}
	}
}

/* The places the filter matches on the kept page (hl_match). */
static void
hl_kept_filter(struct headlines *h, const char *needle)
{
	struct nf_error err;

	free(h->matching);
	h->matching = NULL;
	h->nmatching = 0;
	if (h->kept && needle != NULL && needle[0] != '\0' &&
	    store_fold_matching(h->ui->store, needle, &h->matching, &h->nmatching,
	                        &err) != NF_OK) {
		ui_status(h->ui, 1, "%s", err.msg);
	}
}

/* The orders the store sorts the kept page by; -1: folded in memory. */
static const int hl_store_orders[CONFIG_SORT_COUNT] = {
	[CONFIG_SORT_PAGE] = STORE_FOLD_PAGE,
	[CONFIG_SORT_DATE] = STORE_FOLD_NEWEST,
	[CONFIG_SORT_FEED] = -1,
	[CONFIG_SORT_TITLE] = -1,
	[CONFIG_SORT_OUTLETS] = STORE_FOLD_OUTLETS,
};

/* The front page from the store's kept fold, a line per story, when it
 * is current (kept first when stale, as hl_page_kept()) and this screen's
 * order is one the store sorts by. -1: the caller folds in memory. */
static int
hl_load_kept(struct headlines *h, struct ui *ui)
{
	const int *orders = hl_store_orders;
	struct nf_error err;
	char *signature = NULL;
	int current = 0;
	enum nf_status st;

	if (h->feed_id != 0 || h->match != NULL || orders[h->sort] < 0 ||
	    stories_update(ui->store, ui->cfg, &err) != NF_OK ||
	    stories_signature(ui->store, ui->cfg, &signature, &err) != NF_OK ||
	    signature == NULL) {
		free(signature);
		return -1;
	}
	st = store_fold_stories(ui->store, signature,
	                        (enum store_fold_order)orders[h->sort],
	                        h->sort_reverse, hl_kept_row, h, &current, &err);
	if (st != NF_OK || !current || h->nstories == (size_t)-1) {
		free(signature);
		h->nstories = 0;
		hl_clear(h);
		return -1;
	}
	h->lines.signature = signature;
	h->kept = 1;
	hl_kept_expand(h);
	hl_kept_filter(h, h->list.filter);
	return 0;
}

/* The page folded here (or rebuilt from the kept fold's rowids), over
 * every item of the screen. */
static int
hl_load_items(struct headlines *h, struct ui *ui)
{
	struct nf_error err;

	if (hl_items_load(h, ui, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
		h->items = NULL;
		h->nitems = 0;
		return -1;
	}
	hl_keep_listed(h, ui);
	if (hl_build_page(h, ui, &err) != NF_OK) {
		ui_status(ui, 1, "out of memory");
		return -1;
	}
	hl_join_stories(h, ui);
	if (hl_sort(h) != 0 || hl_make_stories(h) != 0) {
		ui_status(ui, 1, "out of memory");
		return -1;
	}
	return 0;
}

/* Loads the stories and rebuilds everything, keeping the selection. */
static int
hl_load(struct headlines *h, struct ui *ui)
{
	int is_copy, rc = -1;
	int64_t keep = hl_selected_rowid(h, &is_copy);

	hl_save_expanded(h);
	hl_clear(h);
	if (hl_load_kept(h, ui) != 0 && hl_load_items(h, ui) != 0) {
		goto out;
	}
	hl_drop_read(h);
	h->has_lead = h->nstories > 0;
	rc = hl_make_rows(h);
out:
	list_refilter(&h->list);
	hl_reselect(h, keep);
	return rc;
}

/* A large kept page's first frame needs only its first stories: they
 * are read alone (store_fold_first()), and the rest once the reader has
 * drawn them (hl_finish()). Memory and time at start then follow the
 * screen, not the store. */
#define HL_FIRST_STORIES 512

/* The first HL_FIRST_STORIES stories of the kept page in this screen's
 * order, when the page has more and the store sorts by that order. -1:
 * the caller loads the whole page. */
static int
hl_load_window(struct headlines *h, struct ui *ui)
{
	struct nf_error err;
	char *signature = NULL;
	size_t total = 0;
	int current = 0;

	if (h->feed_id != 0 || h->match != NULL || hl_store_orders[h->sort] < 0 ||
	    stories_update(ui->store, ui->cfg, &err) != NF_OK ||
	    stories_signature(ui->store, ui->cfg, &signature, &err) != NF_OK ||
	    signature == NULL ||
	    store_fold_count(ui->store, &total, &err) != NF_OK ||
	    total <= HL_FIRST_STORIES ||
	    store_fold_first(ui->store, signature,
	                     (enum store_fold_order)hl_store_orders[h->sort],
	                     h->sort_reverse, HL_FIRST_STORIES, hl_kept_row, h,
	                     &current, &err) != NF_OK || !current ||
	    h->nstories == (size_t)-1) {
		free(signature);
		h->nstories = 0;
		hl_clear(h);
		return -1;
	}
	h->lines.signature = signature;
	h->kept = h->partial = 1;
	h->kept_total = total;
	hl_drop_read(h);
	h->has_lead = h->nstories > 0;
	if (h->nstories == 0 || hl_make_rows(h) != 0) {
		hl_clear(h);	/* none unread among them: the whole page */
		return -1;
	}
	list_refilter(&h->list);
	return 0;
}

/* A new screen's stories: the first window of a large kept page, else
 * every story. */
static void
hl_load_first(struct headlines *h, struct ui *ui)
{
	if (hl_load_window(h, ui) != 0) {
		hl_load(h, ui);
	}
}

/* The rest of a page shown from its first stories, read whole as a
 * reload reads it (the selection and unfolded stories kept). */
static int
hl_finish(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);

	if (!h->partial) {
		return 0;
	}
	hl_load(h, ui);
	return 1;
}

/* ---- list callbacks ------------------------------------------------ */

static size_t
hl_count(void *ctx)
{
	return ((struct headlines *)ctx)->nrows;
}

static int
hl_contains(const char *hay, const char *needle)
{
	return hay != NULL && strcasestr(hay, needle) != NULL;
}

static int
hl_match(void *ctx, size_t row, const char *needle)
{
	struct headlines *h = ctx;
	const struct hl_story *st = &h->stories[h->rows[row].story];
	size_t k;

	if (h->kept) {
		int64_t place = st->place;

		return h->matching != NULL &&
		       bsearch(&place, h->matching, h->nmatching, sizeof(place),
		               hl_rowid_compare) != NULL;
	}
	for (k = 0; k < st->n; k++) {
		const struct nf_item *it = h->items[st->fs->members[k]];

		if (hl_contains(it->title, needle) || hl_contains(it->source, needle) ||
		    hl_contains(it->summary, needle)) {
			return 1;
		}
	}
	return 0;
}

/* The story line: "▸ headline — source (+N similar)". The suffix keeps
 * its place and the headline gives way when the line is too narrow; when
 * even the headline is cut, the rest would only be more "…". */
static void
hl_draw_story(struct headlines *h, WINDOW *w, int y, int width,
              const struct hl_story *st, attr_t base)
{
	char suffix[64] = "", head[1024], source[512];
	int x = 0, tail, src_w, room;
	attr_t title_attr = base | (st->unread ? draw_attr(CONFIG_ELEMENT_UNREAD) :
	                            draw_attr(CONFIG_ELEMENT_READ));
	const char *marker = st->n > 1 ? (st->expanded ? "▾ " : "▸ ") : "  ";

	if (st->n > 1) {
		snprintf(suffix, sizeof(suffix), " (+%zu similar)", (size_t)st->n - 1);
	}
	if (st->fs != NULL) {
		frontpage_story_line(&h->page, st->fs, head, sizeof(head), source,
		                     sizeof(source));
	} else {
		hl_kept_line(h, st->place, head, sizeof(head), source,
		             sizeof(source));
	}
	x += draw_text(w, y, x, width - x, marker,
	               base | draw_attr(CONFIG_ELEMENT_FOLD_MARKER), 0);
	src_w = source[0] != '\0' ? width_columns(source) + 3 : 0;
	tail = src_w + width_columns(suffix);
	if (width - x - tail < 12) {
		tail = 0;	/* too narrow: the headline first */
	}
	room = width - x - tail;
	x += draw_text(w, y, x, room, head, title_attr, 0);
	if (tail == 0 && width_columns(head) > room) {
		draw_fill(w, y, x, width - x, base);
		return;
	}
	if (source[0] != '\0') {
		x += draw_text(w, y, x, width - x, " — ", base, 0);
		x += draw_text(w, y, x, width - x, source,
		               base | draw_attr(CONFIG_ELEMENT_SOURCE), 0);
	}
	x += draw_text(w, y, x, width - x, suffix,
	               base | draw_attr(CONFIG_ELEMENT_SIMILAR_COUNT), 0);
	draw_fill(w, y, x, width - x, base);
}

/* A copy line: indented, its source and time, then its headline. */
static void
hl_draw_copy(WINDOW *w, int y, int width, const struct nf_item *it,
             attr_t base)
{
	char when[32], head[1024], source[512];
	int x = 0;

	draw_time(it->published, when, sizeof(when));
	frontpage_copy_line(it, head, sizeof(head), source, sizeof(source));
	x += draw_text(w, y, x, width, "    ", base, 0);
	x += draw_text(w, y, x, width - x, source[0] != '\0' ? source : "?",
	               base | draw_attr(CONFIG_ELEMENT_SOURCE), 0);
	if (when[0] != '\0') {
		x += draw_text(w, y, x, width - x, " · ", base, 0);
		x += draw_text(w, y, x, width - x, when,
		               base | draw_attr(CONFIG_ELEMENT_TIME), 0);
	}
	x += draw_text(w, y, x, width - x, "  ", base, 0);
	x += draw_text(w, y, x, width - x, head,
	               base | (it->read ? draw_attr(CONFIG_ELEMENT_READ) :
	                       draw_attr(CONFIG_ELEMENT_UNREAD)), 0);
	draw_fill(w, y, x, width - x, base);
}

static void
hl_draw_row(void *ctx, WINDOW *w, int y, int width, size_t row, int selected)
{
	struct headlines *h = ctx;
	const struct hl_row *r = &h->rows[row];
	attr_t base = selected ? draw_attr(CONFIG_ELEMENT_SELECTED) : A_NORMAL;
	const struct nf_item *it;

	if (r->member == 0) {
		hl_draw_story(h, w, y, width, &h->stories[r->story], base);
	} else if ((it = hl_item(h, r->story, r->member)) != NULL) {
		hl_draw_copy(w, y, width, it, base);
	} else {
		draw_fill(w, y, 0, width, base);	/* gone since the fold */
	}
}

static const struct list_ops hl_list_ops = {
	.count = hl_count,
	.draw_row = hl_draw_row,
	.match = hl_match,
};

/* ---- drawing ------------------------------------------------------- */

/* Lines of the summary, wrapped; at most max of them drawn. */
static int
hl_draw_summary(WINDOW *w, int y, int width, const struct nf_item *it, int max)
{
	const char *text = it->summary != NULL ? it->summary : it->content;
	char *wrapped, *line, *save = NULL;
	int n = 0;

	if (text == NULL || text[0] == '\0' || max <= 0) {
		return 0;
	}
	wrapped = width_wrap(text, width);
	if (wrapped == NULL) {
		return 0;
	}
	for (line = strtok_r(wrapped, "\n", &save); line != NULL && n < max;
	     line = strtok_r(NULL, "\n", &save)) {
		draw_text(w, y + n, 0, width, line, A_NORMAL, 1);
		n++;
	}
	free(wrapped);
	return n;
}

/* The caption, set apart with a bar and marked as a caption, wrapped
 * on at most max lines; the last one ends in "…" when it goes on. */
static int
hl_draw_caption(WINDOW *w, int y, int width, const struct nf_image *img,
                const char *from, int max)
{
	char cap[768], line[1024], *wrapped, *p;
	int n = 0;

	draw_caption(img, cap, sizeof(cap));
	if (from != NULL) {
		size_t len = strlen(cap);

		snprintf(cap + len, sizeof(cap) - len, " — photo from %s", from);
	}
	wrapped = width > 9 ? width_wrap(cap, width - 1) : NULL;
	for (p = wrapped; p != NULL && *p != '\0' && n < max; n++) {
		char *nl = strchr(p, '\n');

		if (nl != NULL && n + 1 < max) {
			*nl = '\0';
		} else {
			for (char *q = p; (q = strchr(q, '\n')) != NULL;) {
				*q = ' ';	/* the rest on the last line, cut */
			}
			nl = NULL;
		}
		snprintf(line, sizeof(line), "▌%s", p);
		draw_text(w, y + n, 0, width, line, draw_attr(CONFIG_ELEMENT_CAPTION), 1);
		p = nl != NULL ? nl + 1 : p + strlen(p);
	}
	if (wrapped == NULL) {
		snprintf(line, sizeof(line), "▌%s", cap);
		draw_text(w, y, 0, width, line, draw_attr(CONFIG_ELEMENT_CAPTION), 1);
		n = 1;
	}
	free(wrapped);
	return n;
}

/* The lead panel; returns the lines it took. Small windows get the
 * headline, source and caption only, tiny ones nothing. */
static int
hl_draw_panel(struct headlines *h, WINDOW *w, int height, int width)
{
	const struct frontpage *page = &h->page;
	const struct frontpage_story *fs;
	const struct nf_item *it;
	const struct nf_image *photo;
	const char *from = NULL;
	int has_cap;
	int summary = height >= 12 ? 2 : 0, y = 0;
	char line[1024], when[32], head[1024], source[512];

	if (!h->has_lead || height < 7) {
		return 0;
	}
	if (h->stories[0].fs != NULL) {
		fs = h->stories[0].fs;
	} else {
		/* the lead story's copies are loaded: it is shown whole */
		struct hl_loaded *ld = hl_loaded_of(h, 0);

		if (ld == NULL) {
			return 0;
		}
		page = &ld->page;
		fs = &ld->page.stories[0];
	}
	it = page->items[fs->members[0]];
	photo = frontpage_photo(page, fs);
	has_cap = photo != NULL;
	frontpage_story_line(page, fs, head, sizeof(head), source, sizeof(source));
	if (h->stories[0].fs == NULL) {
		/* the kept page's own line, as the story's row shows it: the
		 * copies loaded alone may pick another of their titles */
		hl_kept_line(h, h->stories[0].place, head, sizeof(head), source,
		             sizeof(source));
	}
	draw_text(w, y++, 0, width, head, draw_attr(CONFIG_ELEMENT_LEAD), 1);
	draw_time(it->published, when, sizeof(when));
	snprintf(line, sizeof(line), "%s%s%s", source,
	         when[0] != '\0' ? " · " : "", when);
	draw_text(w, y++, 0, width, line, draw_attr(CONFIG_ELEMENT_SOURCE), 1);
	/* A photo of another copy is credited to its outlet, not to the
	 * lead's named just above it. */
	for (size_t k = 1; has_cap && k < fs->n; k++) {
		const struct nf_item *c = page->items[fs->members[k]];

		if (c->image == photo && strcmp(nf_str(c->source), nf_str(it->source)) != 0) {
			from = nf_str(c->source);
		}
	}
	if (has_cap) {
		y += hl_draw_caption(w, y, width, photo, from, height >= 16 ? 2 : 1);
	}
	y += hl_draw_summary(w, y, width, it, summary);
	draw_rule(w, y++, width);
	return y;
}

/* An empty page says what to do: a dotfile without feeds needs a feed
 * line, which R cannot give it. */
static void
hl_draw_empty(struct headlines *h, struct ui *ui, WINDOW *w, int width)
{
	char line[1024];

	if (ui->nfeed_ids == 0) {
		snprintf(line, sizeof(line), "No feeds: %s has no feed lines.",
		         ui->cfg->path != NULL ? ui->cfg->path : "the dotfile");
		draw_text(w, 0, 0, width, line, A_NORMAL, 1);
		draw_text(w, 2, 0, width, "Add one line per feed, for example:",
		          A_NORMAL, 1);
		draw_text(w, 3, 0, width, "    feed https://example.org/news.rss",
		          A_NORMAL, 1);
		draw_text(w, 5, 0, width, "or import a list: newsfold --import-opml"
		          " FILE.opml; then start newsfold again.", A_NORMAL, 1);
		return;
	}
	draw_text(w, 0, 0, width, ui_feed_is_fetching(ui, h->feed_id) ||
	          ui->njobs > 0 ? "Fetching the feeds…" :
	          "No stories yet: press R to reload all feeds.", A_NORMAL, 1);
}

static void
hl_draw(struct screen *s, struct ui *ui, WINDOW *w, int height, int width)
{
	struct headlines *h = hl_of(s);
	int panel;

	(void)ui;
	werase(w);
	if (h->nstories == 0) {
		hl_draw_empty(h, ui, w, width);
		return;
	}
	panel = hl_draw_panel(h, w, height, width);
	list_set_height(&h->list, height - panel);
	list_draw(&h->list, w, panel, width);
}

static void
hl_title(struct screen *s, struct ui *ui, char *out, size_t size)
{
	struct headlines *h = hl_of(s);
	size_t unread = 0, i;
	char counts[64];

	(void)ui;
	for (i = 0; i < h->nstories; i++) {
		unread += h->stories[i].unread;
	}
	if (h->partial) {
		snprintf(counts, sizeof(counts), "%zu stories, counting unread…",
		         h->kept_total);
	} else {
		snprintf(counts, sizeof(counts), "%zu stories, %zu unread",
		         h->nstories, unread);
	}
	snprintf(out, size, "newsfold — %s — %s%s%s%s%s%s%s",
	         h->title, counts,
	         h->show_read ? "" : " — unread only",
	         h->sort != CONFIG_SORT_PAGE || h->sort_reverse ? " — by " : "",
	         h->sort != CONFIG_SORT_PAGE || h->sort_reverse ?
	         config_sort_names[h->sort] : "", h->sort_reverse ? " reversed" : "",
	         h->list.filter[0] != '\0' ? " — filter: " : "", h->list.filter);
}

static void
hl_refresh(struct screen *s, struct ui *ui)
{
	hl_load(hl_of(s), ui);
}

/* The kept page's stories with a copy among rowids (sorted) learn
 * whether they are still unread: a few from their own copies, many (A)
 * from one pass over the store. */
static void
hl_kept_marked(struct headlines *h, const int64_t *rowids, size_t n)
{
	unsigned char *unread = NULL;
	struct nf_error err;
	size_t i, at, nplaces = 0;
	int u;

	for (i = 0; n <= 64 && i < n; i++) {
		if ((at = hl_kept_story_of(h, rowids[i])) != (size_t)-1 &&
		    store_fold_unread_of(h->ui->store, h->stories[at].place, &u,
		                         &err) == NF_OK) {
			h->stories[at].unread = u != 0;
		}
	}
	if (n <= 64 || store_fold_unread(h->ui->store, &unread, &nplaces,
	                                 &err) != NF_OK) {
		return;
	}
	for (i = 0; i < h->nstories; i++) {
		if (h->stories[i].place < nplaces) {
			h->stories[i].unread = unread[h->stories[i].place] != 0;
		}
	}
	free(unread);
}

/* Reading a story must not reload a large store: the flags change in
 * place. */
static void
hl_marked(struct screen *s, const int64_t *rowids, size_t n, int read)
{
	struct headlines *h = hl_of(s);
	int64_t *sorted = n > 0 ? malloc(n * sizeof(*sorted)) : NULL;
	size_t i, k;

	if (sorted == NULL) {
		return;
	}
	memcpy(sorted, rowids, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), hl_rowid_compare);
	hl_set_read(h, sorted, n, read);
	if (h->kept) {
		hl_kept_marked(h, sorted, n);
	}
	free(sorted);
	for (i = 0; !h->kept && i < h->nstories; i++) {
		struct hl_story *st = &h->stories[i];

		st->unread = 0;
		for (k = 0; k < st->n; k++) {
			st->unread |= !h->items[st->fs->members[k]]->read;
		}
	}
	h->list.dirty = 1;
}

static void
hl_filter(struct screen *s, struct ui *ui, const char *needle)
{
	(void)ui;
	hl_kept_filter(hl_of(s), needle);
	list_set_filter(&hl_of(s)->list, needle);
}

/* ---- actions ------------------------------------------------------- */

/* The line under the cursor, NULL when none (or its copy is gone since
 * the kept fold was made). A kept story's copies load here. */
static struct hl_row *
hl_current(struct headlines *h)
{
	size_t r = list_selected(&h->list);

	return r < h->nrows && hl_item(h, h->rows[r].story,
	                               h->rows[r].member) != NULL ?
	       &h->rows[r] : NULL;
}

/* Scrolls so that the n lines from the selected one (a story just
 * unfolded and its copies) are in sight, the story line first when they
 * do not all fit. */
static void
hl_show_copies(struct list *l, size_t n)
{
	size_t last = l->sel + n - 1, height = l->height > 0 ? (size_t)l->height : 1;

	if (last >= l->nmap) {
		last = l->nmap > 0 ? l->nmap - 1 : 0;
	}
	if (last >= l->top + height) {
		l->top = last - height + 1 > l->sel ? l->sel : last - height + 1;
		l->dirty = 1;
	}
}

/* Folds or unfolds the story under the cursor in place; the cursor stays
 * on the story line. */
static int
hl_set_fold(struct headlines *h, int how)
{
	struct hl_row *r = hl_current(h);
	struct hl_story *st;
	size_t story;

	if (r == NULL || h->stories[r->story].n < 2) {
		return 0;
	}
	story = r->story;
	st = &h->stories[story];
	st->expanded = how < 0 ? !st->expanded : how;
	if (hl_make_rows(h) != 0) {
		return 0;
	}
	list_refilter(&h->list);
	for (size_t i = 0; i < h->nrows; i++) {
		if (h->rows[i].story == story && h->rows[i].member == 0) {
			list_select_row(&h->list, i);
			break;
		}
	}
	if (st->expanded) {
		hl_show_copies(&h->list, st->n);
	}
	return 1;
}

static int
hl_toggle_fold(struct screen *s, struct ui *ui)
{
	(void)ui;
	return hl_set_fold(hl_of(s), -1);
}

static int
hl_expand(struct screen *s, struct ui *ui)
{
	(void)ui;
	return hl_set_fold(hl_of(s), 1);
}

static int
hl_collapse(struct screen *s, struct ui *ui)
{
	(void)ui;
	return hl_set_fold(hl_of(s), 0);
}

/* Every copy of the story, in every feed: the store knows the copies
 * the front page folded together, this screen its own. */
static void
hl_mark_story(struct headlines *h, struct ui *ui, size_t story, int read)
{
	const struct hl_story *st = &h->stories[story];
	int64_t *ids = NULL;
	size_t k, n = st->n;
	struct nf_error err;

	if (st->fs == NULL) {
		/* the kept story's copies as the store keeps them */
		if (store_fold_story_rowids(ui->store, st->place, &ids, &n,
		                            &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
			return;
		}
	} else if ((ids = calloc(st->n, sizeof(*ids))) != NULL) {
		for (k = 0; k < st->n; k++) {
			ids[k] = h->items[st->fs->members[k]]->rowid;
		}
	}
	if (ids == NULL && n > 0) {
		ui_status(ui, 1, "out of memory");
		return;
	}
	ui_mark_story(ui, ids, n, read);
	free(ids);
}

static int
hl_open(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);
	struct hl_row *r = hl_current(h);
	const struct nf_item *it;
	struct screen *a;

	if (r == NULL || (it = hl_item(h, r->story, r->member)) == NULL) {
		return 0;
	}
	if (h->stories[r->story].fs != NULL) {
		a = article_new(ui, it->rowid, (const struct nf_item *const *)h->items,
		                h->stories[r->story].fs->members,
		                h->stories[r->story].n);
	} else {
		struct hl_loaded *ld = hl_loaded_of(h, r->story);

		a = article_new(ui, it->rowid,
		                (const struct nf_item *const *)ld->items,
		                ld->members, ld->n);
	}
	if (a == NULL) {
		return 1;
	}
	hl_mark_story(h, ui, r->story, 1);
	ui_push(ui, a);
	return 1;
}

static int
hl_open_browser(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);
	struct hl_row *r = hl_current(h);
	const struct nf_item *it;

	if (r == NULL) {
		return 0;
	}
	it = hl_item(h, r->story, r->member);
	if (it->link == NULL) {
		ui_status(ui, 1, "this story has no link");
		return 1;
	}
	ui_open_browser(ui, it->link);
	return 1;
}

/* s: the story under the cursor (a copy: that copy), whole, as a text
 * file at the path the status line asks for (ui/save.h). */
static int
hl_save(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);
	struct hl_row *r = hl_current(h);
	struct nf_item *item = NULL;
	struct nf_error err;

	if (r == NULL) {
		return 0;
	}
	if (store_item_load(ui->store, hl_item(h, r->story, r->member)->rowid,
	                    &item, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
	} else {
		save_ask(ui, item);
	}
	item_free(item);
	return 1;
}

/* D: the enclosures of the story (or copy) under the cursor downloaded,
 * the next one on each press. */
static int
hl_download(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);
	struct hl_row *r = hl_current(h);

	if (r != NULL) {
		save_enclosure(ui, hl_item(h, r->story, r->member), 1);
	}
	return r != NULL;
}

/* e: the enclosures of the story (or copy) under the cursor to player,
 * the next one on each press. */
static int
hl_play(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);
	struct hl_row *r = hl_current(h);
	const struct nf_item *it;

	if (r == NULL) {
		return 0;
	}
	it = hl_item(h, r->story, r->member);
	if (it->nenclosures == 0) {
		ui_status(ui, 1, "this story has no enclosure");
		return 1;
	}
	if (h->play_rowid != it->rowid) {
		h->play_rowid = it->rowid;
		h->play_next = 0;
	}
	save_play(ui, &it->enclosures[h->play_next++ % it->nenclosures]);
	return 1;
}

/* b: the story under the cursor to bookmark-cmd. */
static int
hl_bookmark(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);
	struct hl_row *r = hl_current(h);

	if (r != NULL) {
		save_bookmark(ui, hl_item(h, r->story, r->member));
	}
	return r != NULL;
}

/* r reloads this feed; on the front page, which shows every feed, the
 * feed of the story or copy under the cursor (R is there for all). */
static int
hl_reload(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);
	struct hl_row *r = hl_current(h);
	int64_t feed_id = h->feed_id;

	if (feed_id == 0 && r != NULL) {
		feed_id = hl_item(h, r->story, r->member)->feed_id;
	}
	ui_reload(ui, feed_id);
	return 1;
}

static int
hl_row_is_unread(struct headlines *h, size_t v)
{
	const struct hl_row *r = &h->rows[h->list.map[v]];
	const struct nf_item *it;

	if (r->member == 0) {
		return h->stories[r->story].unread;
	}
	it = hl_item(h, r->story, r->member);
	return it != NULL && !it->read;
}

/* Moves to the next (dir 1) or previous (-1) unread story line, going
 * round past the end, as a reader working through the news expects. */
static int
hl_find_unread(struct headlines *h, struct ui *ui, int dir)
{
	size_t n = h->list.nmap, from = h->list.sel, k, v;

	for (k = 1; k < n; k++) {
		v = dir > 0 ? (from + k) % n : (from + n - k) % n;
		if (hl_row_is_unread(h, v)) {
			list_select_row(&h->list, h->list.map[v]);
			if (dir > 0 ? v < from : v > from) {
				ui_status(ui, 0, "went round to the %s",
				          dir > 0 ? "top" : "bottom");
			}
			return 1;
		}
	}
	ui_status(ui, 0, "no more unread stories");
	return 1;
}

static int
hl_next_unread(struct screen *s, struct ui *ui)
{
	return hl_find_unread(hl_of(s), ui, 1);
}

static int
hl_prev_unread(struct screen *s, struct ui *ui)
{
	return hl_find_unread(hl_of(s), ui, -1);
}

/* m: on a story line toggles every copy; on a copy line just that one. */
static int
hl_toggle_read(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);
	struct hl_row *r = hl_current(h);

	if (r == NULL) {
		return 0;
	}
	if (r->member == 0) {
		hl_mark_story(h, ui, r->story, h->stories[r->story].unread);
	} else {
		const struct nf_item *it = hl_item(h, r->story, r->member);

		ui_mark(ui, &it->rowid, 1, !it->read);
	}
	return 1;
}

/* A on the kept page: the copies of the stories shown, as the store
 * keeps them (one pass over its members). */
static void
hl_kept_mark_all_read(struct headlines *h, struct ui *ui)
{
	int64_t *rowids = NULL, *ids = NULL;
	size_t *counts = NULL, *start = NULL, n = 0, nst = 0, v, i, k, m = 0;
	size_t last = (size_t)-1;
	char *signature = NULL;
	struct nf_error err;
	int current = 0;

	if (stories_signature(ui->store, ui->cfg, &signature, &err) != NF_OK ||
	    signature == NULL ||
	    store_fold_members(ui->store, signature, &rowids, &n, &counts, &nst,
	                       &current, &err) != NF_OK || !current) {
		ui_status(ui, 1, "the page has changed: reload it first");
		goto out;
	}
	start = calloc(nst + 1, sizeof(*start));
	ids = calloc(n + 1, sizeof(*ids));
	if (start == NULL || ids == NULL) {
		ui_status(ui, 1, "out of memory");
		goto out;
	}
	for (i = 0; i < nst; i++) {
		start[i + 1] = start[i] + counts[i];
	}
	for (v = 0; v < h->list.nmap; v++) {
		const struct hl_row *r = &h->rows[h->list.map[v]];
		size_t place = h->stories[r->story].place;

		if (r->story == last || place >= nst) {
			continue;	/* an unfolded story's copy lines */
		}
		last = r->story;
		for (k = start[place]; k < start[place + 1]; k++) {
			ids[m++] = rowids[k];
		}
	}
	ui_mark_all(ui, ids, m);
out:
	free(ids), free(start), free(rowids), free(counts), free(signature);
}

/* A: the stories shown (the filter's, when one is set), with their
 * copies in other feeds; u undoes it. */
static int
hl_mark_all_read(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);
	int64_t *ids;
	size_t v, k, n = 0, last = (size_t)-1;

	if (h->kept) {
		hl_kept_mark_all_read(h, ui);
		return 1;
	}
	if ((ids = calloc(h->nitems + 1, sizeof(*ids))) == NULL) {
		ui_status(ui, 1, "out of memory");
		return 1;
	}
	for (v = 0; v < h->list.nmap; v++) {
		const struct hl_row *r = &h->rows[h->list.map[v]];
		const struct hl_story *st = &h->stories[r->story];

		if (r->story == last) {
			continue;	/* an unfolded story's copy lines */
		}
		last = r->story;
		for (k = 0; k < st->n; k++) {
			ids[n++] = h->items[st->fs->members[k]]->rowid;
		}
	}
	ui_mark_all(ui, ids, n);
	free(ids);
	return 1;
}

/* H: read stories shown or hidden, on this screen only. */
static int
hl_toggle_show_read(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);

	h->show_read = !h->show_read;
	hl_load(h, ui);
	ui_status(ui, 0, h->show_read ? "showing read stories" :
	          "hiding read stories");
	ui->dirty_top = ui->dirty_body = 1;
	return 1;
}

/* S: the next sort order, on this screen only. */
static int
hl_cycle_sort(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);

	h->sort = (enum config_sort)((h->sort + 1) % CONFIG_SORT_COUNT);
	hl_load(h, ui);
	ui_status(ui, 0, "sorted by %s%s", config_sort_names[h->sort],
	          h->sort_reverse ? ", reversed" : "");
	ui->dirty_top = ui->dirty_body = 1;
	return 1;
}

/* V: the sort order turned around. */
static int
hl_reverse_sort(struct screen *s, struct ui *ui)
{
	struct headlines *h = hl_of(s);

	h->sort_reverse = !h->sort_reverse;
	hl_load(h, ui);
	ui_status(ui, 0, "sorted by %s%s", config_sort_names[h->sort],
	          h->sort_reverse ? ", reversed" : "");
	ui->dirty_top = ui->dirty_body = 1;
	return 1;
}

static struct screen *hl_new_owned(struct ui *ui, enum query_kind kind,
                                   const char *text, const char *title);

/* F: the filter's words looked up in every stored item, titles and full
 * text, through the store's full-text index; the results fold like any
 * list. */
static int
hl_search(struct screen *s, struct ui *ui)
{
	struct screen *found;
	char title[300];

	(void)s;
	if (ui->filter[strspn(ui->filter, " \t")] == '\0') {
		ui_status(ui, 0, "type / and the words first, then F searches every story");
		return 1;
	}
	snprintf(title, sizeof(title), "search: %s", ui->filter);
	if ((found = hl_new_owned(ui, QUERY_TEXT, ui->filter, title)) != NULL) {
		ui_push(ui, found);
	}
	return 1;
}

static void
hl_free(struct screen *s)
{
	struct headlines *h = hl_of(s);

	hl_clear(h);
	list_free(&h->list);
	free(h->expanded);
	free(h->title);
	query_free(h->owned_match);
	free(h);
}

static const struct screen_ops headlines_ops = {
	.name = "headlines",
	.draw = hl_draw,
	.title = hl_title,
	.reload = hl_refresh,
	.marked = hl_marked,
	.set_filter = hl_filter,
	.handlers = {
		[CONFIG_ACTION_OPEN] = hl_open,
		[CONFIG_ACTION_TOGGLE_FOLD] = hl_toggle_fold,
		[CONFIG_ACTION_EXPAND] = hl_expand,
		[CONFIG_ACTION_COLLAPSE] = hl_collapse,
		[CONFIG_ACTION_OPEN_IN_BROWSER] = hl_open_browser,
		[CONFIG_ACTION_RELOAD] = hl_reload,
		[CONFIG_ACTION_NEXT_UNREAD] = hl_next_unread,
		[CONFIG_ACTION_PREV_UNREAD] = hl_prev_unread,
		[CONFIG_ACTION_TOGGLE_READ] = hl_toggle_read,
		[CONFIG_ACTION_MARK_ALL_READ] = hl_mark_all_read,
		[CONFIG_ACTION_SEARCH] = hl_search,
		[CONFIG_ACTION_SAVE] = hl_save,
		[CONFIG_ACTION_BOOKMARK] = hl_bookmark,
		[CONFIG_ACTION_PLAY_ENCLOSURE] = hl_play,
		[CONFIG_ACTION_DOWNLOAD_ENCLOSURE] = hl_download,
		[CONFIG_ACTION_TOGGLE_SHOW_READ] = hl_toggle_show_read,
		[CONFIG_ACTION_CYCLE_SORT] = hl_cycle_sort,
		[CONFIG_ACTION_REVERSE_SORT] = hl_reverse_sort,
	},
	.help_title = "the Headlines screen",
	.help = {
		[CONFIG_ACTION_OPEN] = "read the story (or the copy) under the cursor",
		[CONFIG_ACTION_RELOAD] = "reload this feed; on the front page, the feed of the line under the cursor",
		[CONFIG_ACTION_NEXT_UNREAD] = "go to the next unread story, round past the end",
		[CONFIG_ACTION_TOGGLE_READ] = "mark the story (every copy) read or unread; on a copy line, that copy",
	},
	.finish = hl_finish,
	.free = hl_free,
};

/* A Headlines screen over one feed (feed_id, 0 for all) or the items
 * that match (NULL: no condition). */
static struct screen *
hl_new(struct ui *ui, int64_t feed_id, const struct query *match,
       const char *title)
{
	struct headlines *h = calloc(1, sizeof(*h));

	if (h == NULL || (h->title = strdup(title)) == NULL) {
		free(h);
		ui_status(ui, 1, "out of memory");
		return NULL;
	}
	h->base.ops = &headlines_ops;
	h->base.list = &h->list;
	h->feed_id = feed_id;
	h->ui = ui;
	h->match = match;
	h->show_read = ui->cfg->show_read;
	h->sort = ui->cfg->sort;
	h->sort_reverse = ui->cfg->sort_reverse;
	list_init(&h->list, &hl_list_ops, h);
	hl_load_first(h, ui);
	return &h->base;
}

struct screen *
headlines_new(struct ui *ui, int64_t feed_id, const char *title)
{
	return hl_new(ui, feed_id, NULL, title);
}

/* Whether s is a Headlines screen, for the exported helpers. */
static struct headlines *
hl_checked(struct screen *s)
{
	return s != NULL && s->ops == &headlines_ops ? hl_of(s) : NULL;
}

size_t
headlines_count(struct screen *s)
{
	struct headlines *h = hl_checked(s);

	return h == NULL ? 0 : h->kept ? h->nkept_items : h->nitems;
}

struct screen *
headlines_new_query(struct ui *ui, const struct query *match, const char *title)
{
	return hl_new(ui, 0, match, title);
}

/* A screen over one condition of kind on text, which it owns. */
static struct screen *
hl_new_owned(struct ui *ui, enum query_kind kind, const char *text,
             const char *title)
{
	struct query *q = calloc(1, sizeof(*q));
	struct screen *s;

	if (q == NULL || (q->text = strdup(text)) == NULL) {
		free(q);
		ui_status(ui, 1, "out of memory");
		return NULL;
	}
	q->kind = kind;
	if ((s = headlines_new_query(ui, q, title)) == NULL) {
		query_free(q);
		return NULL;
	}
	hl_of(s)->owned_match = q;
	return s;
}

struct screen *
headlines_new_tag(struct ui *ui, const char *tag)
{
	char title[256];

	snprintf(title, sizeof(title), "tag %s", tag);
	return hl_new_owned(ui, QUERY_TAG, tag, title);
}

size_t
headlines_unread_stories(struct screen *s)
{
	struct headlines *h = hl_checked(s);
	size_t i, n = 0;

	if (h != NULL) {
		hl_finish(s, h->ui);	/* every story's flag */
	}
	for (i = 0; h != NULL && i < h->nstories; i++) {
		n += h->stories[i].unread != 0;
	}
	return n;
}
