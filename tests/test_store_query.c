/*
 * Queries over the store: each named case parses an expression (and a
 * killfile line), runs it on one small store of two tagged feeds, and
 * compares the titles listed, in listing order. Values that look like
 * SQL stay values: they are bound, never spliced into the statement.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "tests/testdir.h"
#include "src/store.h"

#define WORLD "https://example.org/world.rss"
#define SPORT "https://example.org/sport.rss"

struct world {
	char dir[64];
	char path[128];
	struct store *s;
	int64_t world, sport;
	int64_t now;
};

static struct world *w;

static char *const world_tags[] = { "news", "world" };
static char *const sport_tags[] = { "sport" };
static const struct store_feed_tags feed_tags[] = {
	{ WORLD, world_tags, 2 },
	{ SPORT, sport_tags, 1 },
};

static void
add_text(struct nf_feed *feed, const char *title, const char *summary,
         const char *content, int64_t published)
{
	struct nf_item *it = item_new();

	assert_non_null(it);
	assert_int_equal(nf_strset(&it->title, title), 0);
	assert_int_equal(nf_strset(&it->link, title), 0);
	assert_int_equal(nf_strset(&it->summary, summary), 0);
	assert_int_equal(nf_strset(&it->content, content), 0);
	it->published = published;
	assert_int_equal(feed_add_item(feed, it), 0);
}

static void
add(struct nf_feed *feed, const char *title, int64_t published)
{
	add_text(feed, title, NULL, NULL, published);
}

static void
store_feed(int64_t id, struct nf_feed *feed)
{
	struct nf_error err;

	if (store_feed_update(w->s, id, feed, NULL, NULL, &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	feed_free(feed);
}

/* Marks the item titled title read. */
static void
mark(const char *title)
{
	struct nf_item **items;
	struct nf_error err;
	size_t n, i;

	assert_int_equal(store_items_load(w->s, 0, STORE_LOAD_LIST, &items, &n,
	                                  &err), NF_OK);
	for (i = 0; i < n; i++) {
		if (strcmp(items[i]->title, title) == 0) {
			assert_int_equal(store_mark_read(w->s, &items[i]->rowid, 1, 1,
			                                 &err), NF_OK);
		}
	}
	store_items_free(items, n);
}

static int
group_setup(void **state)
{
	struct nf_error err;
	struct nf_feed *feed;
	int64_t h = 3600;

	(void)state;
	w = calloc(1, sizeof(*w));
	assert_non_null(w);
	assert_int_equal(testdir_make(w->dir, sizeof(w->dir), "nf-query"), 0);
	snprintf(w->path, sizeof(w->path), "%s/news.db", w->dir);
	assert_int_equal(store_open(w->path, &w->s, &err), NF_OK);
	assert_int_equal(store_feed_ensure(w->s, WORLD, "World Desk", &w->world,
	                                   &err), NF_OK);
	assert_int_equal(store_feed_ensure(w->s, SPORT, NULL, &w->sport, &err),
	                 NF_OK);
	w->now = (int64_t)time(NULL);
	feed = feed_new();
	add_text(feed, "Election results announced",
	         "The count on the coast road finished late.", NULL, w->now - h);
	add(feed, "Harbor bridge opens - Harbor Wire", w->now - 72 * h);
	add(feed, "Your horoscope for Tuesday", w->now - 2 * h);
	add(feed, "Hostile '); DROP TABLE items; --", w->now - 5 * h);
	store_feed(w->world, feed);
	feed = feed_new();
	assert_int_equal(nf_strset(&feed->title, "Sport Page"), 0);
	add_text(feed, "Kestrel FC wins the cup", NULL,
	         "<p>選挙の日に、港のスタジアムで優勝した。</p>", w->now - h / 2);
	add_text(feed, "選挙の結果が発表された", "開票は深夜まで続いた", NULL,
	         w->now - 24 * h);
	add(feed, "Election night live", NF_NO_DATE);
	store_feed(w->sport, feed);
	mark("Harbor bridge opens - Harbor Wire");
	mark("選挙の結果が発表された");
	return 0;
}

static int
group_teardown(void **state)
{
	(void)state;
	store_close(w->s);
	testdir_remove(w->dir);
	free(w);
	return 0;
}

struct query_case {
	const char *name;
	const char *match;	/* NULL: every item */
	const char *ignore;	/* NULL: no killfile */
	int feed;		/* 0 every feed, 1 world, 2 sport */
	const char *titles;	/* listed, joined by " | " */
};

static const struct query_case query_cases[] = {
	{ "everything", NULL, NULL, 0,
	  "Election results announced | Harbor bridge opens - Harbor Wire | "
	  "Your horoscope for Tuesday | Hostile '); DROP TABLE items; -- | "
	  "Kestrel FC wins the cup | 選挙の結果が発表された | Election night live" },
	{ "unread", "unread", NULL, 0,
	  "Election results announced | Your horoscope for Tuesday | "
	  "Hostile '); DROP TABLE items; -- | Kestrel FC wins the cup | "
	  "Election night live" },
	{ "read", "read", NULL, 0,
	  "Harbor bridge opens - Harbor Wire | 選挙の結果が発表された" },
	{ "tag names the dotfile's feeds", "tag:sport", NULL, 0,
	  "Kestrel FC wins the cup | 選挙の結果が発表された | Election night live" },
	{ "tag nobody carries", "tag:weather", NULL, 0, "" },
	{ "tag that looks like SQL", "tag:\"x' OR 1=1 --\"", NULL, 0, "" },
	{ "title folds ASCII case", "title~ELECTION", NULL, 0,
	  "Election results announced | Election night live" },
	{ "title in Japanese", "title~選挙", NULL, 0, "選挙の結果が発表された" },
	{ "title that looks like SQL", "title~\"'); DROP\"", NULL, 0,
	  "Hostile '); DROP TABLE items; --" },
	{ "title with a LIKE wildcard is literal", "title~\"%\"", NULL, 0, "" },
	{ "source is the feed's own name", "source:\"sport page\"", NULL, 0,
	  "Kestrel FC wins the cup | 選挙の結果が発表された | Election night live" },
	{ "source is an outlet tail", "source:\"Harbor Wire\"", NULL, 0,
	  "Harbor bridge opens - Harbor Wire" },
	{ "feed by URL", "feed:\"" SPORT "\" and unread", NULL, 0,
	  "Kestrel FC wins the cup | Election night live" },
	{ "feed by dotfile title", "feed:\"world desk\" and age>1d", NULL, 0,
	  "Harbor bridge opens - Harbor Wire" },
	{ "younger than two days", "age<2d and tag:world", NULL, 0,
	  "Election results announced | Your horoscope for Tuesday | "
	  "Hostile '); DROP TABLE items; --" },
	{ "an undated item is as old as its first sight", "age<1m and tag:sport",
	  NULL, 0, "Election night live" },
	{ "text in a summary, words in any order", "text~\"ROAD coast\"", NULL, 0,
	  "Election results announced" },
	{ "text in Japanese full text", "text~スタジアム", NULL, 0,
	  "Kestrel FC wins the cup" },
	{ "a two-character Japanese word", "text~選挙", NULL, 0,
	  "Kestrel FC wins the cup | 選挙の結果が発表された" },
	{ "text that looks like FTS5 syntax", "text~\"\\\"a OR b\\\" NEAR(x\"",
	  NULL, 0, "" },
	{ "text that looks like SQL", "text~\"'); DROP TABLE\"", NULL, 0,
	  "Hostile '); DROP TABLE items; --" },
	{ "text with read", "text~深夜 and read", NULL, 0,
	  "選挙の結果が発表された" },
	{ "text in the killfile", NULL, "text~スタジアム", 2,
	  "選挙の結果が発表された | Election night live" },
	{ "not, or, parentheses", "(tag:sport or title~horoscope) and not read",
	  NULL, 0,
	  "Your horoscope for Tuesday | Kestrel FC wins the cup | "
	  "Election night live" },
	{ "killfile hides everywhere", NULL, "title~horoscope or title~drop", 0,
	  "Election results announced | Harbor bridge opens - Harbor Wire | "
	  "Kestrel FC wins the cup | 選挙の結果が発表された | Election night live" },
	{ "killfile under a query", "unread and tag:world", "title~horoscope", 0,
	  "Election results announced | Hostile '); DROP TABLE items; --" },
	{ "killfile in one feed", NULL, "not unread", 2,
	  "Kestrel FC wins the cup | Election night live" },
	{ "one feed", "unread", NULL, 1,
	  "Election results announced | Your horoscope for Tuesday | "
	  "Hostile '); DROP TABLE items; --" },
};

static struct query *
parse(const char *expr)
{
	struct query *q = NULL;
	struct nf_error err;

	if (expr != NULL && query_parse(expr, 1, &q, &err) != NF_OK) {
		fail_msg("%s: %s", expr, err.msg);
	}
	return q;
}

static void
test_query(void **state)
{
	const struct query_case *c = *state;
	struct query *match = parse(c->match), *ignore = parse(c->ignore);
	const struct query *ignores[] = { ignore };
	const struct store_filter filter = {
		.match = match, .ignore = ignores, .nignore = ignore != NULL,
		.feeds = feed_tags, .nfeeds = 2, .now = w->now,
	};
	int64_t feed = c->feed == 1 ? w->world : c->feed == 2 ? w->sport : 0;
	struct nf_item **items;
	struct nf_error err;
	char got[1024] = "";
	size_t n, i, len = 0, total = 99, unread = 99, want_unread = 0;

	if (store_items_query(w->s, feed, STORE_LOAD_LIST, &filter, &items, &n,
	                      &err) != NF_OK) {
		fail_msg("%s: %s", c->name, err.msg);
	}
	for (i = 0; i < n; i++) {
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s",
		                        i > 0 ? " | " : "", items[i]->title);
		want_unread += !items[i]->read;
	}
	if (strcmp(got, c->titles) != 0) {
		fail_msg("%s:\n got  %s\n want %s", c->name, got, c->titles);
	}
	assert_int_equal(store_items_count(w->s, feed, &filter, &total, &unread,
	                                   &err), NF_OK);
	assert_int_equal(total, n);
	assert_int_equal(unread, want_unread);
	store_items_free(items, n);
	query_free(match);
	query_free(ignore);
}

/* The index follows an item's new text, and forgets its old. */
static void
test_text_follows_updates(void **state)
{
	struct nf_feed *feed = feed_new();
	struct query *old = parse("text~\"coast road\""),
	             *new = parse("text~timetable");
	const struct store_filter by_old = { .match = old },
	                          by_new = { .match = new };
	struct nf_error err;
	size_t n_old = 9, n_new = 9;

	(void)state;
	add_text(feed, "Election results announced",
	         "A new ferry timetable from Monday.", NULL, w->now - 3600);
	store_feed(w->world, feed);
	assert_int_equal(store_items_count(w->s, 0, &by_old, &n_old, NULL, &err),
	                 NF_OK);
	assert_int_equal(store_items_count(w->s, 0, &by_new, &n_new, NULL, &err),
	                 NF_OK);
	assert_int_equal(n_old, 0);
	assert_int_equal(n_new, 1);
	query_free(old);
	query_free(new);
}

/* --refresh's count: the killed ones among what one update added. */
static void
test_ignored_after(void **state)
{
	struct query *ignore = parse("title~horoscope");
	const struct query *ignores[] = { ignore };
	const struct store_filter filter = { .ignore = ignores, .nignore = 1 };
	struct nf_feed *feed = feed_new();
	struct nf_error err;
	int64_t last;
	size_t count = 99;

	(void)state;
	assert_int_equal(store_items_last_rowid(w->s, &last, &err), NF_OK);
	assert_true(last >= 7);
	add(feed, "Election results announced", w->now);
	add(feed, "Your horoscope for Wednesday", w->now);
	add(feed, "Your horoscope for Tuesday", w->now - 7200);
	add(feed, "Harbor bridge opens - Harbor Wire", w->now);
	store_feed(w->world, feed);
	assert_int_equal(store_items_ignored(w->s, w->world, last, &filter, &count,
	                                     &err), NF_OK);
	assert_int_equal(count, 1);
	assert_int_equal(store_items_ignored(w->s, w->world, 0, &filter, &count,
	                                     &err), NF_OK);
	assert_int_equal(count, 2);
	assert_int_equal(store_items_ignored(w->s, w->world, 0, NULL, &count,
	                                     &err), NF_OK);
	assert_int_equal(count, 0);
	query_free(ignore);
}

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	struct CMUnitTest tests[NCASES(query_cases) + 2];
	size_t i, n = 0;

	for (i = 0; i < NCASES(query_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = query_cases[i].name,
			.test_func = test_query, .initial_state = (void *)&query_cases[i] };
	}
	/* last: these change the store */
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_text_follows_updates);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_ignored_after);
	return _cmocka_run_group_tests("store-query", tests, n, group_setup,
	                               group_teardown);
}
