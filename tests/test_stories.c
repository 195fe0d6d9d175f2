/*
 * The front page kept in the store (src/stories.h) against the page
 * folded in memory: over generated feeds, after a second sync that
 * brings late copies, across the three-day edge of a story, and after
 * the threshold or the dotfile's feeds change, the kept page prints
 * byte for byte what the fold in memory prints, and a stale one prints
 * nothing.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/config.h"
#include "src/frontpage.h"
#include "src/headlines.h"
#include "src/stories.h"
#include "src/store.h"
#include "tests/testdir.h"

#define DAY 86400
#define T0 1795852800
#define NFEEDS 3

/* Headlines the generator tells again and again, so that stories fold;
 * a number in one makes it another story. */
static const char *const bases[] = {
	"Harbour council approves new ferry line to the islands",
	"Bridge opens six months early after mild winter",
	"Storm closes the coastal railway for two days",
	"港湾都市で新フェリー航路が承認、離島へ1日2便",
	"駅前の噴水が十年ぶりに復活、市民が祝う",
	"Library extends opening hours during exam season",
	"Orchard festival draws record crowds to the valley",
	"Weather update",
};
#define NBASES (sizeof(bases) / sizeof(bases[0]))

static const char *const outlets[] = { "Coast Herald", "Valley Post", "朝凪新聞" };

static unsigned long
next_random(unsigned long *seed)
{
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	return *seed >> 33;
}

/* One generated item of feed f: a told-again headline in one of its
 * forms (as is, with an outlet tail, with a summary glued on, cut with
 * "…", with another number, no title at all), a date within a week,
 * sometimes a photo caption, a shared link or no summary. */
static struct nf_item *
gen_item(unsigned long *seed, size_t f, size_t k, int64_t base_time)
{
	struct nf_item *it = item_new();
	unsigned long r = next_random(seed);
	const char *b = bases[r % NBASES];
	char buf[512];

	assert_non_null(it);
	switch ((r >> 4) % 7) {
	case 0:
		snprintf(buf, sizeof(buf), "%s - %s", b, outlets[(r >> 8) % 3]);
		if ((r >> 10) % 2 == 0) {
			/* an aggregator names the outlet, as RSS <source> */
			assert_int_equal(nf_strset(&it->outlet,
			                           outlets[(r >> 8) % 3]), 0);
		}
		break;
	case 1:
		snprintf(buf, sizeof(buf), "%s %s", b, "Officials said on Monday the plan goes ahead.");
		break;
	case 2:
		snprintf(buf, sizeof(buf), "%.20s\xe2\x80\xa6", b);
		break;
	case 3:
		snprintf(buf, sizeof(buf), "%s in %lu", b, 1990 + (r >> 8) % 30);
		break;
	default:
		snprintf(buf, sizeof(buf), "%s", b);
	}
	if ((r >> 12) % 17 != 0) {
		assert_int_equal(nf_strset(&it->title, buf), 0);
	}
	snprintf(buf, sizeof(buf), "https://f%zu.example/%lu/%zu",
	         (r >> 16) % 9 == 0 ? (size_t)9 : f, (r >> 16) % 9 == 0 ? r % 5 : r, k);
	assert_int_equal(nf_strset(&it->link, buf), 0);
	snprintf(buf, sizeof(buf), "f%zu-%zu-%lu", f, k, r);
	assert_int_equal(nf_strset(&it->id, buf), 0);
	if ((r >> 20) % 4 != 0) {
		snprintf(buf, sizeof(buf), "What the %zu-th copy says about it, at length %lu.",
		         k, (r >> 22) % 50);
		assert_int_equal(nf_strset(&it->summary, buf), 0);
	}
	if ((r >> 24) % 5 == 0) {
		assert_int_equal(nf_strset(&it->content, "A longer body of the story. "
		                           "It goes on for a while."), 0);
	}
	if ((r >> 26) % 6 == 0) {
		it->image = image_new("https://img.example/1.jpg",
		                      "In this photo, the harbour at dawn.", "Staff");
	}
	it->published = (r >> 28) % 11 == 0 ? NF_NO_DATE :
	                base_time + (int64_t)((r >> 8) % (7 * DAY));
	return it;
}

/* A store and the dotfile that lists its feeds, in a folder of its own. */
struct fixture {
	char dir[256], db[300], rc[300];
	struct store *s;
	int64_t feed_ids[NFEEDS];
	struct config cfg;
	int have_cfg;
};

/* Writes the dotfile: the feeds in order (feeds: a string of indexes,
 * "012"), at threshold. */
static void
write_dotfile(struct fixture *f, const char *feeds, const char *threshold)
{
	FILE *rc = fopen(f->rc, "w");
	struct nf_error err;
	size_t i;

	assert_non_null(rc);
	for (i = 0; feeds[i] != '\0'; i++) {
		fprintf(rc, "feed file:///nonexistent/feed%c.xml \"Feed %c\"\n",
		        feeds[i], feeds[i]);
	}
	fprintf(rc, "fold-threshold %s\n", threshold);
	fclose(rc);
	if (f->have_cfg) {
		config_free(&f->cfg);
	}
	assert_int_equal(config_load(f->rc, &f->cfg, &err), NF_OK);
	f->have_cfg = 1;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct nf_error err;
	char url[128];
	size_t i;

	assert_non_null(f);
	assert_int_equal(testdir_make(f->dir, sizeof(f->dir), "stories"), 0);
	snprintf(f->db, sizeof(f->db), "%s/db", f->dir);
	snprintf(f->rc, sizeof(f->rc), "%s/rc", f->dir);
	assert_int_equal(store_open(f->db, &f->s, &err), NF_OK);
	for (i = 0; i < NFEEDS; i++) {
		snprintf(url, sizeof(url), "file:///nonexistent/feed%zu.xml", i);
		assert_int_equal(store_feed_ensure(f->s, url, NULL, &f->feed_ids[i],
		                                   &err), NF_OK);
	}
	write_dotfile(f, "012", "0.6");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	if (f->have_cfg) {
		config_free(&f->cfg);
	}
	testdir_remove(f->dir);
	free(f);
	return 0;
}

/* Stores n generated items in feed fi, as one fetch of it. */
static void
sync_feed(struct fixture *f, size_t fi, size_t n, unsigned long *seed,
          int64_t base_time)
{
	struct nf_feed *feed = feed_new();
	struct nf_error err;
	size_t k;

	assert_non_null(feed);
	for (k = 0; k < n; k++) {
		assert_int_equal(feed_add_item(feed, gen_item(seed, fi, k, base_time)), 0);
	}
	assert_int_equal(store_feed_update(f->s, f->feed_ids[fi], feed, NULL, NULL,
	                                   &err), NF_OK);
	feed_free(feed);
}

/* The page folded in memory over items (taken and freed), width columns
 * wide. */
static char *
page_of(struct fixture *f, struct nf_item **items, size_t n, int width)
{
	struct nf_error err;
	char *page = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&page, &len);

	assert_non_null(out);
	assert_int_equal(headlines_print(out, items, n, f->cfg.fold_threshold, width,
	                                 &err), NF_OK);
	fclose(out);
	store_items_free(items, n);
	return page;
}

/* The page as the fold in memory prints it, width columns wide. */
static char *
page_in_memory(struct fixture *f, int width)
{
	struct nf_item **items = NULL;
	struct nf_error err;
	size_t n = 0;

	assert_int_equal(stories_load(f->s, &f->cfg, NULL, &items, &n, &err), NF_OK);
	return page_of(f, items, n, width);
}

/* The page folded in memory over items loaded whole (every field), in
 * the store's order, which is the dotfile's while its feeds are listed
 * in the order they were added: what a listing leaves out must not
 * change a line. */
static char *
page_of_whole_items(struct fixture *f, int width)
{
	struct nf_item **items = NULL;
	struct nf_error err;
	size_t n = 0;

	assert_int_equal(store_items_query(f->s, 0, STORE_LOAD_FULL, NULL,
	                                   &items, &n, &err), NF_OK);
	return page_of(f, items, n, width);
}

/* The page as the store keeps it, or NULL when the kept one is stale. */
static char *
page_kept(struct fixture *f, int width)
{
	struct nf_error err;
	char *page = NULL;
	size_t len = 0;
	int printed = 0;
	FILE *out = open_memstream(&page, &len);

	assert_non_null(out);
	assert_int_equal(headlines_print_kept(out, f->s, &f->cfg, width, &printed,
	                                      &err), NF_OK);
	fclose(out);
	if (!printed) {
		assert_int_equal(len, 0);
		free(page);
		return NULL;
	}
	return page;
}

/* The walk's copies, one after the other, for the members check. */
struct walked {
	int64_t rowids[512];
	size_t n, stories;
};

static int
walk_collect(void *ctx, const struct store_fold_row *r)
{
	struct walked *w = ctx;

	assert_true(w->n < sizeof(w->rowids) / sizeof(w->rowids[0]));
	w->rowids[w->n++] = r->rowid;
	w->stories += r->member == 0;
	return 0;
}

/* store_fold_members() gives the walk's copies, in its order. */
static void
assert_members_match_walk(struct fixture *f, const char *name)
{
	struct walked w = { .n = 0 };
	struct nf_error err;
	char *signature = NULL;
	int64_t *rowids = NULL;
	size_t *counts = NULL, n = 0, nstories = 0, i, total = 0;
	int current = 0;

	assert_int_equal(stories_signature(f->s, &f->cfg, &signature, &err), NF_OK);
	assert_non_null(signature);
	assert_int_equal(store_fold_walk(f->s, signature, 0, SIZE_MAX,
	                                 STORE_FOLD_COPIES, walk_collect, &w,
	                                 &current, &err), NF_OK);
	assert_true(current);
	assert_int_equal(store_fold_members(f->s, signature, &rowids, &n, &counts,
	                                    &nstories, &current, &err), NF_OK);
	assert_true(current);
	if (n != w.n || nstories != w.stories ||
	    (n > 0 && memcmp(rowids, w.rowids, n * sizeof(*rowids)) != 0)) {
		fail_msg("%s: store_fold_members() differs from the walk", name);
	}
	for (i = 0; i < nstories; i++) {
		total += counts[i];
	}
	assert_int_equal(total, n);
	free(rowids);
	free(counts);
	free(signature);
}

/* The story lines store_fold_stories() gives, for the screens. */
struct lines {
	int64_t leads[256];
	size_t places[256];
	int unread[256];
	size_t n;
};

static int
lines_collect(void *ctx, const struct store_fold_row *r)
{
	struct lines *l = ctx;

	assert_true(l->n < sizeof(l->leads) / sizeof(l->leads[0]));
	assert_int_equal(r->member, 0);
	l->places[l->n] = r->place;
	l->unread[l->n] = r->story_unread;
	l->leads[l->n++] = r->rowid;
	return 0;
}

/* store_fold_matching() finds the stories a copy of which has the
 * needle in its title or summary, in any case (the generated source
 * lines never have it). */
static void
assert_matching_matches_memory(struct fixture *f, struct nf_item **items,
                               const struct frontpage *page, const char *name)
{
	static const char *const needles[] = { "HARBOUR", "at length 1", "100%",
	                                       "港湾", "nothing like this" };
	struct nf_error err;
	size_t i, k, j;

	for (j = 0; j < sizeof(needles) / sizeof(needles[0]); j++) {
		int64_t *places = NULL;
		size_t n = 0, want = 0;

		assert_int_equal(store_fold_matching(f->s, needles[j], &places, &n,
		                                     &err), NF_OK);
		for (i = 0; i < page->nstories; i++) {
			const struct frontpage_story *st = &page->stories[i];
			int match = 0;

			for (k = 0; k < st->n; k++) {
				const struct nf_item *it = items[st->members[k]];

				match |= (it->title != NULL &&
				          strcasestr(it->title, needles[j]) != NULL) ||
				         (it->summary != NULL &&
				          strcasestr(it->summary, needles[j]) != NULL);
			}
			if (match && (want >= n || places[want] != (int64_t)i)) {
				fail_msg("%s: \"%s\" misses story %zu", name, needles[j], i);
			}
			want += match;
		}
		if (want != n) {
			fail_msg("%s: \"%s\" finds %zu stories, not %zu", name,
			         needles[j], n, want);
		}
		free(places);
	}
}

/* store_fold_first() gives the first lines of store_fold_stories() (in
 * l), with the same unread state, whatever the count. */
static void
assert_first_lines_match(struct fixture *f, const char *signature,
                         enum store_fold_order order, int reverse,
                         const struct lines *l, const char *name)
{
	const size_t counts[] = { 0, 1, 2, l->n / 2, l->n, l->n + 5 };
	struct nf_error err;
	size_t c, i;
	int current = 0;

	for (c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
		struct lines first = { .n = 0 };
		size_t want = counts[c] < l->n ? counts[c] : l->n;

		assert_int_equal(store_fold_first(f->s, signature, order, reverse,
		                                  counts[c], lines_collect, &first,
		                                  &current, &err), NF_OK);
		assert_true(current);
		if (first.n != want) {
			fail_msg("%s: order %d, %zu first lines: %zu", name, (int)order,
			         counts[c], first.n);
		}
		for (i = 0; i < first.n; i++) {
			if (first.places[i] != l->places[i] ||
			    first.leads[i] != l->leads[i] ||
			    first.unread[i] != l->unread[i]) {
				fail_msg("%s: order %d%s, first line %zu differs", name,
				         (int)order, reverse ? " reversed" : "", i);
			}
		}
	}
}

/* Marks every copy of the story at place read or unread. */
static void
mark_story(struct fixture *f, size_t place, int read)
{
	struct nf_error err;
	int64_t *rowids = NULL;
	size_t n = 0;

	assert_int_equal(store_fold_story_rowids(f->s, place, &rowids, &n, &err),
	                 NF_OK);
	assert_int_equal(store_mark_read(f->s, rowids, n, read, &err), NF_OK);
	free(rowids);
}

/* The kept page's story lines in order (store_fold_stories()). */
static void
lines_of(struct fixture *f, const char *signature, enum store_fold_order order,
         int reverse, struct lines *l)
{
	struct nf_error err;
	int current = 0;

	l->n = 0;
	assert_int_equal(store_fold_stories(f->s, signature, order, reverse,
	                                    lines_collect, l, &current, &err),
	                 NF_OK);
	assert_true(current);
}

/* With every other story read, store_fold_first() still tells the read
 * ones from the others as store_fold_stories() does; then unread again. */
static void
assert_first_lines_when_some_read(struct fixture *f, const char *signature,
                                  const char *name)
{
	struct lines l, newest;
	size_t i;

	lines_of(f, signature, STORE_FOLD_PAGE, 0, &l);
	for (i = 1; i < l.n; i += 2) {
		mark_story(f, l.places[i], 1);
	}
	lines_of(f, signature, STORE_FOLD_PAGE, 0, &l);
	for (i = 0; i < l.n; i++) {
		if (l.unread[i] != (i % 2 == 0)) {
			fail_msg("%s: story %zu is %s", name, i,
			         l.unread[i] ? "unread" : "read");
		}
	}
	assert_first_lines_match(f, signature, STORE_FOLD_PAGE, 0, &l, name);
	lines_of(f, signature, STORE_FOLD_NEWEST, 1, &newest);
	assert_first_lines_match(f, signature, STORE_FOLD_NEWEST, 1, &newest, name);
	for (i = 1; i < l.n; i += 2) {
		mark_story(f, l.places[i], 0);
	}
}

/* In each order the store sorts by, the kept story lines come as
 * frontpage_sort() puts the page folded in memory, each knowing whether
 * a copy is unread, its copies and the place of its lead. */
static void
assert_lines_match_memory(struct fixture *f, const char *name)
{
	static const struct {
		enum store_fold_order store;
		enum frontpage_order memory;
	} orders[] = {
		{ STORE_FOLD_PAGE, FRONTPAGE_ORDER_PAGE },
		{ STORE_FOLD_NEWEST, FRONTPAGE_ORDER_DATE },
		{ STORE_FOLD_OUTLETS, FRONTPAGE_ORDER_OUTLETS },
	};
	struct nf_item **items = NULL;
	struct frontpage page;
	struct nf_error err;
	char *signature = NULL;
	size_t n = 0, o, i, k;
	int current = 0, reverse;

	assert_int_equal(stories_signature(f->s, &f->cfg, &signature, &err), NF_OK);
	assert_int_equal(stories_load(f->s, &f->cfg, NULL, &items, &n, &err), NF_OK);
	for (o = 0; o < sizeof(orders) / sizeof(orders[0]); o++) {
		for (reverse = 0; reverse < 2; reverse++) {
			struct lines l = { .n = 0 };

			assert_int_equal(frontpage_build(items, n, f->cfg.fold_threshold,
			                                 FRONTPAGE_ALL_FEEDS, &page,
			                                 &err), NF_OK);
			assert_int_equal(frontpage_sort(&page, orders[o].memory,
			                                reverse), 0);
			assert_int_equal(store_fold_stories(f->s, signature,
			                                    orders[o].store, reverse,
			                                    lines_collect, &l, &current,
			                                    &err), NF_OK);
			assert_true(current);
			assert_first_lines_match(f, signature, orders[o].store, reverse,
			                         &l, name);
			if (l.n != page.nstories) {
				fail_msg("%s: %zu story lines, %zu stories", name, l.n,
				         page.nstories);
			}
			for (i = 0; i < l.n; i++) {
				const struct frontpage_story *st = &page.stories[i];
				int64_t *rowids = NULL;
				size_t nr = 0, place = 0;
				int unread = 0, found = 0;

				for (k = 0; k < st->n; k++) {
					unread |= !items[st->members[k]]->read;
				}
				if (l.leads[i] != items[st->members[0]]->rowid ||
				    l.unread[i] != unread) {
					fail_msg("%s: order %zu%s, story %zu differs", name, o,
					         reverse ? " reversed" : "", i);
				}
				assert_int_equal(store_fold_story_rowids(f->s, l.places[i],
				                                         &rowids, &nr,
				                                         &err), NF_OK);
				assert_int_equal(nr, st->n);
				assert_int_equal(rowids[0], l.leads[i]);
				assert_int_equal(store_fold_place_of(f->s, rowids[nr - 1],
				                                     &place, &found, &err),
				                 NF_OK);
				assert_true(found);
				assert_int_equal(place, l.places[i]);
				free(rowids);
			}
			if (o == 0 && reverse == 0) {
				assert_matching_matches_memory(f, items, &page, name);
			}
			frontpage_free(&page);
		}
	}
	assert_first_lines_when_some_read(f, signature, name);
	store_items_free(items, n);
	free(signature);
}

/* The kept fold is stale now; made again, it prints what memory does. */
static void
assert_kept_equals_memory(struct fixture *f, const char *name)
{
	static const int widths[] = { 60, 100, 1 << 20 };
	struct nf_error err;
	size_t i;

	if (page_kept(f, 80) != NULL) {
		fail_msg("%s: the kept page was current before stories_update()", name);
	}
	assert_int_equal(stories_update(f->s, &f->cfg, &err), NF_OK);
	assert_members_match_walk(f, name);
	assert_lines_match_memory(f, name);
	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		char *mem = page_in_memory(f, widths[i]);
		char *kept = page_kept(f, widths[i]);

		if (kept == NULL) {
			fail_msg("%s: no kept page after stories_update()", name);
		}
		if (strcmp(mem, kept) != 0) {
			fail_msg("%s (%d columns): the kept page differs\n--- memory\n%s"
			         "--- kept\n%s", name, widths[i], mem, kept);
		}
		free(mem);
		free(kept);
	}
}

/* Generated feeds of several seeds, each synced once. */
static void
test_generated(void **state)
{
	static const struct { const char *name; unsigned long seed; size_t n; }
	cases[] = {
		{ "seed 1, 40 items a feed", 1, 40 },
		{ "seed 7, 25 items a feed", 7, 25 },
		{ "seed 42, 60 items a feed", 42, 60 },
		{ "seed 1234, 5 items a feed", 1234, 5 },
	};
	size_t c, fi;

	(void)state;
	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		struct fixture *f;
		unsigned long seed = cases[c].seed;

		setup((void **)&f);
		for (fi = 0; fi < NFEEDS; fi++) {
			sync_feed(f, fi, cases[c].n, &seed, T0);
		}
		assert_kept_equals_memory(f, cases[c].name);
		{
			char *mem = page_in_memory(f, 80);
			char *whole = page_of_whole_items(f, 80);

			if (strcmp(mem, whole) != 0) {
				print_message("%s: the listing's page differs from"
				              " the whole items' page\n", cases[c].name);
			}
			assert_string_equal(mem, whole);
			free(mem);
			free(whole);
		}
		if (cases[c].n > 20) {
			/* the generator makes stories with copies */
			char *page = page_in_memory(f, 80);

			assert_non_null(strstr(page, " similar"));
			free(page);
		}
		teardown((void **)&f);
	}
}

/* Copies that come in a later sync join the kept stories: the second
 * sync makes the kept fold stale, and the new one matches memory. */
static void
test_late_copies(void **state)
{
	struct fixture *f = *state;
	unsigned long seed = 99, again = 99;

	sync_feed(f, 0, 30, &seed, T0);
	sync_feed(f, 1, 30, &seed, T0);
	assert_kept_equals_memory(f, "first sync");
	/* feed 2 tells the same headlines as feed 0, later */
	sync_feed(f, 2, 30, &again, T0 + DAY / 2);
	assert_kept_equals_memory(f, "late copies in a second sync");
	/* a feed listing its items again, in another order, restales too */
	again = 5;
	sync_feed(f, 0, 10, &again, T0 + DAY);
	assert_kept_equals_memory(f, "feed 0 listed again");
}

/* Stores the same n generated items of feed fi again, from seed, in
 * their order or reversed. */
static void
relist_feed(struct fixture *f, size_t fi, size_t n, unsigned long seed,
            int reversed)
{
	struct nf_feed *feed = feed_new();
	struct nf_item **items = calloc(n, sizeof(*items));
	struct nf_error err;
	size_t k;

	assert_non_null(feed);
	assert_non_null(items);
	for (k = 0; k < n; k++) {
		items[k] = gen_item(&seed, fi, k, T0);
	}
	for (k = 0; k < n; k++) {
		assert_int_equal(feed_add_item(feed, items[reversed ? n - 1 - k : k]), 0);
	}
	assert_int_equal(store_feed_update(f->s, f->feed_ids[fi], feed, NULL, NULL,
	                                   &err), NF_OK);
	feed_free(feed);
	free(items);
}

/* The kept page is current still, and what memory prints. */
static void
assert_still_current(struct fixture *f, const char *name)
{
	char *kept = page_kept(f, 80), *mem = page_in_memory(f, 80);

	if (kept == NULL) {
		fail_msg("%s: the kept page went stale", name);
	}
	if (strcmp(kept, mem) != 0) {
		fail_msg("%s: the kept page stayed current but differs", name);
	}
	free(kept);
	free(mem);
}

/* A feed that lists again what it listed last time, or the start of it
 * (the rest keeps its place behind), leaves the kept page current and
 * right; the same items in another order make it stale. */
static void
test_relisted(void **state)
{
	struct fixture *f = *state;

	relist_feed(f, 0, 30, 21, 0);
	relist_feed(f, 1, 30, 22, 0);
	assert_kept_equals_memory(f, "first listing");
	relist_feed(f, 0, 30, 21, 0);
	assert_still_current(f, "the same listing again");
	relist_feed(f, 0, 30, 21, 1);
	assert_kept_equals_memory(f, "the same items reversed");
	relist_feed(f, 1, 20, 22, 0);
	assert_still_current(f, "the last ten left out of the listing");
	relist_feed(f, 1, 30, 22, 0);
	assert_kept_equals_memory(f, "the ten listed again");
}

/* One headline told on both sides of the three-day bound. */
static void
test_three_day_edge(void **state)
{
	static const int64_t at[] = {
		T0, T0 + 3 * DAY - 60, T0 + 3 * DAY + 60, T0 + 6 * DAY,
		T0 + 6 * DAY + 1, T0 - 3 * DAY,
	};
	struct fixture *f = *state;
	struct nf_error err;
	size_t k;

	for (k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
		struct nf_feed *feed = feed_new();
		struct nf_item *it = item_new();
		char link[64];

		assert_non_null(feed);
		assert_non_null(it);
		nf_strset(&it->title, "Harbour council approves new ferry line to the islands");
		snprintf(link, sizeof(link), "https://edge.example/%zu", k);
		nf_strset(&it->link, link);
		nf_strset(&it->summary, "The council voted on Tuesday.");
		it->published = at[k];
		assert_int_equal(feed_add_item(feed, it), 0);
		assert_int_equal(store_feed_update(f->s, f->feed_ids[k % NFEEDS], feed,
		                                   NULL, NULL, &err), NF_OK);
		feed_free(feed);
		assert_kept_equals_memory(f, "three-day edge");
	}
}

/* Another fold-threshold, or other feeds in the dotfile, make the kept
 * page stale without any item changing. */
static void
test_settings_change(void **state)
{
	struct fixture *f = *state;
	unsigned long seed = 3;
	size_t fi;

	for (fi = 0; fi < NFEEDS; fi++) {
		sync_feed(f, fi, 30, &seed, T0);
	}
	assert_kept_equals_memory(f, "threshold 0.6");
	write_dotfile(f, "012", "0.9");
	assert_kept_equals_memory(f, "threshold changed to 0.9");
	write_dotfile(f, "01", "0.9");
	assert_kept_equals_memory(f, "a feed dropped from the dotfile");
	write_dotfile(f, "201", "0.9");
	assert_kept_equals_memory(f, "the dotfile's feeds reordered");
}

/* Read flags are no part of the fold: marking leaves the kept page
 * current, and the same. */
static void
test_marks_keep_it_current(void **state)
{
	struct fixture *f = *state;
	struct nf_error err;
	unsigned long seed = 11;
	int64_t rowid = 0;
	char *kept;

	sync_feed(f, 0, 20, &seed, T0);
	assert_kept_equals_memory(f, "before marking");
	assert_int_equal(store_items_last_rowid(f->s, &rowid, &err), NF_OK);
	assert_int_equal(store_mark_read(f->s, &rowid, 1, 1, &err), NF_OK);
	assert_int_equal(store_mark_all_read(f->s, 0, &err), NF_OK);
	kept = page_kept(f, 80);
	assert_non_null(kept);
	free(kept);
}

/* A text of len bytes: words, then a sentence's end, again and again. */
static void
long_text(char *buf, size_t len, const char *word)
{
	size_t at = 0;

	while (at + strlen(word) + 3 < len) {
		at += (size_t)snprintf(buf + at, len - at, "%s%s", word,
		                       at % 7 == 0 ? ". " : " ");
	}
	buf[at] = '\0';
}

/* The refold reads summaries and text cut short (compact rows): items
 * without a title, headed by a long summary or a long text, and copies
 * whose lead is picked by the length of a long summary or text, print
 * what the fold of the whole texts prints. */
static void
test_long_texts(void **state)
{
	static const struct { size_t summary, content; int titled; } forms[] = {
		{ 3000, 0, 0 }, { 0, 5000, 0 }, { 2500, 0, 1 }, { 1030, 0, 1 },
		{ 0, 1200, 1 }, { 900, 0, 1 }, { 1500, 1100, 1 }, { 1020, 0, 0 },
	};
	static char summary[8192], content[8192];
	struct fixture *f = *state;
	struct nf_error err;
	size_t k, fi;

	for (fi = 0; fi < NFEEDS; fi++) {
		struct nf_feed *feed = feed_new();

		assert_non_null(feed);
		for (k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
			struct nf_item *it = item_new();
			char link[64];

			assert_non_null(it);
			if (forms[k].titled) {
				nf_strset(&it->title, bases[k % NBASES]);
			}
			snprintf(link, sizeof(link), "https://long.example/%zu/%zu", fi, k);
			nf_strset(&it->link, link);
			if (forms[k].summary > 0) {
				long_text(summary, forms[k].summary + fi * 7, "harbour");
				nf_strset(&it->summary, summary);
			}
			if (forms[k].content > 0) {
				long_text(content, forms[k].content - fi * 5, "ferry");
				nf_strset(&it->content, content);
			}
			it->published = T0 + (int64_t)(k * 600 + fi * 60);
			assert_int_equal(feed_add_item(feed, it), 0);
		}
		assert_int_equal(store_feed_update(f->s, f->feed_ids[fi], feed, NULL,
		                                   NULL, &err), NF_OK);
		feed_free(feed);
	}
	assert_kept_equals_memory(f, "long summaries and texts");
}

/* Summary leads the compact rows' tests tell again: one starts with a
 * label sentence the lead rule skips, one is Japanese (a cut must fall
 * between characters). */
static const char *const leads[] = {
	"FOR IMMEDIATE RELEASE. The harbour council approved a new ferry line"
	" to the islands on Monday, with two crossings a day from spring.",
	"港湾都市の議会は月曜日、離島へのフェリー航路を承認した。来春から一日二便が"
	"運航される予定で、住民からは歓迎の声が上がっている。",
	"The coastal railway stays closed for two days while crews clear the"
	" line after the storm, the operator said.",
	"UPDATE: Library opening hours are extended during the exam season, the"
	" city said in a statement on Tuesday morning.",
};
#define NLEADS (sizeof(leads) / sizeof(leads[0]))

/* How the compact rows' items differ from the generator's. */
struct compact_form {
	const char *name;
	size_t summary;		/* bytes of summary, past the lead; 0: as
				 * the generator made it */
	const char *tail;	/* what the summary goes on with */
	int long_keys;		/* GUIDs and links of hundreds of bytes,
				 * some GUIDs shared across feeds */
	int cjk_titles;		/* titles in Japanese */
};

/* Makes item it of feed fi as form says. */
static void
compact_item(struct nf_item *it, const struct compact_form *form,
             unsigned long *seed, size_t fi, size_t k)
{
	static char buf[8192];
	unsigned long r = next_random(seed);
	size_t at, i;

	if (form->summary > 0 && r % 5 != 0) {
		at = (size_t)snprintf(buf, sizeof(buf), "%s ", leads[r % NLEADS]);
		while (at + strlen(form->tail) + 1 < form->summary &&
		       at + strlen(form->tail) + 1 < sizeof(buf)) {
			at += (size_t)snprintf(buf + at, sizeof(buf) - at, "%s", form->tail);
		}
		/* copies differ only past what a row keeps */
		snprintf(buf + at, sizeof(buf) - at, " %zu-%zu", fi, k);
		assert_int_equal(nf_strset(&it->summary, buf), 0);
	}
	if (form->long_keys) {
		at = (size_t)snprintf(buf, sizeof(buf), "https://news.example/%zu/", fi);
		for (i = 0; i < 40; i++) {
			at += (size_t)snprintf(buf + at, sizeof(buf) - at, "segment-%zu/", i);
		}
		snprintf(buf + at, sizeof(buf) - at, "%zu-%lu", k, r % 1000);
		assert_int_equal(nf_strset(&it->link, buf), 0);
		at = (size_t)snprintf(buf, sizeof(buf), "tag:wire.example,2026:");
		for (i = 0; i < 30; i++) {
			at += (size_t)snprintf(buf + at, sizeof(buf) - at, "%02zu", i);
		}
		/* a wire's GUID that several feeds carry, else the link */
		if ((r >> 8) % 3 == 0) {
			snprintf(buf + at, sizeof(buf) - at, ":story-%lu", (r >> 10) % 6);
			assert_int_equal(nf_strset(&it->id, buf), 0);
		} else {
			assert_int_equal(nf_strset(&it->id, it->link), 0);
		}
	}
	if (form->cjk_titles && it->title != NULL && (r >> 12) % 2 == 0) {
		snprintf(buf, sizeof(buf), "%s", bases[3 + (r >> 14) % 2]);
		assert_int_equal(nf_strset(&it->title, buf), 0);
	}
}

/* The refold reads compact rows (a summary's first 256 bytes, a long
 * GUID as its digest, no item built): over stores of long summaries,
 * label-first and Japanese leads, long GUIDs and links and Japanese
 * titles, the kept page prints what the fold of whole items prints. */
static void
test_compact_rows(void **state)
{
	static const struct compact_form forms[] = {
		{ "summaries past 1,024 bytes", 3000, " The plan goes ahead.", 0, 0 },
		{ "Japanese summaries past 1,024 bytes", 2000,
		  "計画は予定どおり進む。", 0, 1 },
		{ "label-first leads, long GUIDs and links", 300, " More.", 1, 0 },
		{ "long keys, Japanese titles, generated summaries", 0, "", 1, 1 },
		{ "summaries just past what a row keeps", 262, "x", 0, 0 },
	};
	size_t c, fi, k;

	(void)state;
	for (c = 0; c < sizeof(forms) / sizeof(forms[0]); c++) {
		struct fixture *f;
		unsigned long seed = 17 + c, again = 5 + c;
		struct nf_error err;

		setup((void **)&f);
		for (fi = 0; fi < NFEEDS; fi++) {
			struct nf_feed *feed = feed_new();

			assert_non_null(feed);
			for (k = 0; k < 30; k++) {
				struct nf_item *it = gen_item(&seed, fi, k, T0);

				compact_item(it, &forms[c], &again, fi, k);
				assert_int_equal(feed_add_item(feed, it), 0);
			}
			assert_int_equal(store_feed_update(f->s, f->feed_ids[fi], feed,
			                                   NULL, NULL, &err), NF_OK);
			feed_free(feed);
		}
		assert_kept_equals_memory(f, forms[c].name);
		{
			char *kept = page_kept(f, 1 << 20);
			char *whole = page_of_whole_items(f, 1 << 20);

			if (strcmp(kept, whole) != 0) {
				fail_msg("%s: the kept page differs from the whole items'"
				         "\n--- whole\n%s--- kept\n%s", forms[c].name,
				         whole, kept);
			}
			free(kept);
			free(whole);
		}
		teardown((void **)&f);
	}
}

/* Stores n generated items in each feed of fis ("01": feeds 0 and 1;
 * "ab": feeds 0 and 1 synced unchanged, nothing written) through handle
 * w in one batch, as a refresh's worker does, telling rows of the batch
 * before it commits (the hook's order). */
static void
batch_sync(struct fixture *f, struct store *w, struct stories_rows *rows,
           const char *fis, size_t n, unsigned long *seed, int64_t base_time)
{
	int64_t ids[NFEEDS];
	struct nf_error err;
	size_t i, k;

	assert_int_equal(store_batch_begin(w, &err), NF_OK);
	for (i = 0; fis[i] != '\0'; i++) {
		struct nf_feed *feed;
		size_t fi = (size_t)(fis[i] - '0');

		if (fis[i] >= 'a') {
			ids[i] = f->feed_ids[fis[i] - 'a'];
			continue;	/* not modified */
		}
		assert_non_null(feed = feed_new());
		for (k = 0; k < n; k++) {
			assert_int_equal(feed_add_item(feed, gen_item(seed, fi, k,
			                                              base_time)), 0);
		}
		assert_int_equal(store_feed_update(w, f->feed_ids[fi], feed, NULL,
		                                   NULL, &err), NF_OK);
		feed_free(feed);
		ids[i] = f->feed_ids[fi];
	}
	stories_rows_synced(rows, w, ids, i);
	stories_rows_committed(rows, store_batch_commit(w, &err) == NF_OK);
}

/* The refold after a refresh takes the rows its worker read as each
 * batch stored its feeds (stories_update_read()), and reads the rest;
 * rows that another handle's write may have made stale are read again.
 * Each way, the kept page is the one folded in memory. */
static void
test_rows_read_while_stored(void **state)
{
	static const struct {
		const char *name;
		const char *before;	/* feeds synced before, no reading */
		const char *batch1, *between, *batch2;	/* between: by the
				 * reader's handle, after the first batch */
		int lost;	/* the second batch is told it did not commit */
		const char *after;	/* by the reader's handle, after all */
		int kept;	/* the page is kept after "before" and
				 * before the refresh starts */
	} cases[] = {
		{ "every feed read in its batch", "", "01", "", "2", 0, "", 0 },
		{ "one feed read, the rest at the refold", "12", "0", "", "", 0, "", 0 },
		{ "a read feed written again by another handle between batches",
		  "", "0", "0", "12", 0, "", 0 },
		{ "a read feed written again by another handle at the end",
		  "", "01", "", "2", 0, "1", 0 },
		{ "a batch that did not commit", "", "01", "", "2", 1, "", 0 },
		{ "nothing read", "012", "", "", "", 0, "", 0 },
		{ "unchanged feeds wait for the batch that changes one",
		  "012", "ab", "", "2", 0, "", 1 },
		{ "unchanged feeds, the kept page stale: read in their batch",
		  "012", "ab", "", "c", 0, "", 0 },
		{ "unchanged feeds, the kept page current: nothing read",
		  "012", "ab", "", "c", 0, "", 1 },
		{ "a waiting feed written by another handle before it is read",
		  "012", "ab", "0", "2", 0, "", 1 },
	};
	size_t c, i;

	(void)state;
	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		struct stories_rows *rows;
		struct store *w = NULL;
		struct fixture *f;
		unsigned long seed = 31 + c, other = 77 + c;
		struct nf_error err;

		setup((void **)&f);
		if (cases[c].kept) {
			for (i = 0; cases[c].before[i] != '\0'; i++) {
				sync_feed(f, (size_t)(cases[c].before[i] - '0'), 30,
				          &seed, T0);
			}
			assert_int_equal(stories_update(f->s, &f->cfg, &err), NF_OK);
		}
		assert_non_null(rows = stories_rows_new(&f->cfg, f->s));
		assert_int_equal(store_open_again(f->s, &w, &err), NF_OK);
		for (i = 0; !cases[c].kept && cases[c].before[i] != '\0'; i++) {
			sync_feed(f, (size_t)(cases[c].before[i] - '0'), 30, &seed, T0);
		}
		if (cases[c].batch1[0] != '\0') {
			batch_sync(f, w, rows, cases[c].batch1, 30, &seed, T0);
		}
		for (i = 0; cases[c].between[i] != '\0'; i++) {
			sync_feed(f, (size_t)(cases[c].between[i] - '0'), 20, &other,
			          T0 + DAY);
		}
		if (cases[c].batch2[0] != '\0') {
			batch_sync(f, w, rows, cases[c].batch2, 30, &seed, T0);
		}
		if (cases[c].lost) {
			stories_rows_committed(rows, 0);
		}
		for (i = 0; cases[c].after[i] != '\0'; i++) {
			sync_feed(f, (size_t)(cases[c].after[i] - '0'), 20, &other,
			          T0 + DAY);
		}
		store_close(w);
		assert_int_equal(stories_update_read(f->s, &f->cfg, rows, &err), NF_OK);
		stories_rows_free(rows);
		{
			char *mem = page_in_memory(f, 1 << 20);
			char *kept = page_kept(f, 1 << 20);

			if (kept == NULL || strcmp(mem, kept) != 0) {
				fail_msg("%s: the kept page differs\n--- memory\n%s"
				         "--- kept\n%s", cases[c].name, mem,
				         kept != NULL ? kept : "(stale)\n");
			}
			free(mem);
			free(kept);
		}
		assert_members_match_walk(f, cases[c].name);
		teardown((void **)&f);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generated),
		cmocka_unit_test_setup_teardown(test_late_copies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_relisted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_three_day_edge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_settings_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_marks_keep_it_current, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_long_texts, setup, teardown),
		cmocka_unit_test(test_compact_rows),
		cmocka_unit_test(test_rows_read_while_stored),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
