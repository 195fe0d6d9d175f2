/*
 * The sync stage on its worker thread (src/syncq.h), against a real
 * SQLite file in a temporary folder: local feeds and finished transfers
 * go in, outcomes come out with their tags, the descriptor says when one
 * waits, and a parse past its budget fails that feed alone. One table of
 * named cases.
 */
#include "autoconfig.h"

#include <poll.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <setjmp.h>
#include <cmocka.h>

#include "src/store.h"
#include "src/syncq.h"
#include "tests/testdir.h"

enum feed_kind {
	LOCAL_SMALL,		/* a file of two items */
	LOCAL_BIG,		/* a file of BIG_ITEMS items */
	FETCHED_SMALL,		/* a 200 with the two-item body */
	FETCHED_FAILED,		/* a transfer that failed: "HTTP 500" */
	LOCAL_MISSING		/* a file that is not there */
};

#define BIG_ITEMS 20000
#define MAX_FEEDS 4

struct syncq_case {
	const char *name;
	enum feed_kind feeds[MAX_FEEDS];
	size_t nfeeds;
	long budget_ms;		/* the settings' parse_budget_ms */
	int free_early;		/* free the queue without taking anything */
	int flush;		/* syncq_flush() once every feed is added */
	int stored_when_taken;	/* an outcome taken finds its items in the
				 * store through the caller's own handle */
	int hooked;		/* a batch hook is told every feed once,
				 * with its items readable, then commits */
	/* per feed, in the order added */
	enum sync_state want[MAX_FEEDS];
	size_t new_count[MAX_FEEDS];
	const char *reason[MAX_FEEDS];	/* exact, for SYNC_ERROR */
};

static const struct syncq_case cases[] = {
	/* The same file twice is one feed, synced in the order added: the
	 * second time it has nothing new. */
	{ .name = "local_feeds_each_with_its_tag",
	  .feeds = { LOCAL_SMALL, LOCAL_MISSING, LOCAL_SMALL }, .nfeeds = 3,
	  .want = { SYNC_OK, SYNC_ERROR, SYNC_OK }, .new_count = { 2, 0, 0 },
	  .reason = { NULL, "cannot open: No such file or directory", NULL } },
	{ .name = "fetched_body_taken_and_stored",
	  .feeds = { FETCHED_SMALL, FETCHED_FAILED }, .nfeeds = 2,
	  .want = { SYNC_OK, SYNC_ERROR }, .new_count = { 2, 0 },
	  .reason = { NULL, "HTTP 500" } },
	{ .name = "big_feed_within_no_budget",
	  .feeds = { LOCAL_BIG }, .nfeeds = 1,
	  .want = { SYNC_OK }, .new_count = { BIG_ITEMS } },
	/* Five milliseconds of processor time are far too little for
	 * 20,000 items; the small feed after it is not held up. */
	{ .name = "over_budget_fails_that_feed_alone",
	  .feeds = { LOCAL_BIG, LOCAL_SMALL }, .nfeeds = 2, .budget_ms = 5,
	  .want = { SYNC_ERROR, SYNC_OK }, .new_count = { 0, 2 },
	  .reason = { "took too long to parse", NULL } },
	/* Fetched feeds share a batch, which commits before a local feed
	 * runs and before their outcomes are handed out. */
	{ .name = "batched_feeds_stored_before_their_outcomes",
	  .feeds = { FETCHED_SMALL, FETCHED_SMALL, LOCAL_SMALL, FETCHED_FAILED },
	  .nfeeds = 4, .flush = 1, .stored_when_taken = 1,
	  .want = { SYNC_OK, SYNC_OK, SYNC_OK, SYNC_ERROR },
	  .new_count = { 2, 2, 2, 0 }, .reason = { NULL, NULL, NULL, "HTTP 500" } },
	{ .name = "batch_hook_told_every_feed_with_its_items",
	  .feeds = { FETCHED_SMALL, FETCHED_SMALL, LOCAL_SMALL, FETCHED_FAILED },
	  .nfeeds = 4, .flush = 1, .hooked = 1,
	  .want = { SYNC_OK, SYNC_OK, SYNC_OK, SYNC_ERROR },
	  .new_count = { 2, 2, 2, 0 }, .reason = { NULL, NULL, NULL, "HTTP 500" } },
	{ .name = "freed_with_work_pending",
	  .feeds = { LOCAL_BIG, LOCAL_SMALL, LOCAL_SMALL }, .nfeeds = 3,
	  .free_early = 1 },
};

#define SMALL_FEED \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<rss version=\"2.0\"><channel><title>Quay Notes</title>\n" \
	"<item><title>Harbour crane returns to service</title>" \
	"<link>http://quay.example/crane</link></item>\n" \
	"<item><title>Fish market opens an hour earlier</title>" \
	"<link>http://quay.example/market</link></item>\n" \
	"</channel></rss>\n"

struct world {
	char dir[256];
	char path[512];
	struct store *store;	/* the test's own handle */
};

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void
write_big(const char *path)
{
	FILE *f = fopen(path, "w");
	int i;

	assert_non_null(f);
	fputs("<rss version=\"2.0\"><channel><title>Big</title>\n", f);
	for (i = 0; i < BIG_ITEMS; i++) {
		fprintf(f, "<item><title>Story number %d of the long feed</title>"
		        "<link>http://big.example/%d</link><description>&lt;p&gt;"
		        "Some &lt;b&gt;text&lt;/b&gt; of story %d.&lt;/p&gt;"
		        "</description></item>\n", i, i, i);
	}
	fputs("</channel></rss>\n", f);
	assert_int_equal(fclose(f), 0);
}

/* The file:// URL of NAME in the world's folder. */
static void
file_url(const struct world *w, const char *name, char *out, size_t size)
{
	snprintf(out, size, "file://%s/%s", w->dir, name);
}

static void
add_feed(struct world *w, struct syncq *q, enum feed_kind kind, size_t i)
{
	static const char *const names[] = { "small.xml", "big.xml", NULL,
	                                     NULL, "missing.xml" };
	struct fetch_result r = { 0 };
	struct nf_error err;
	char url[600];
	struct sync_feed feed = { .id = 0, .url = url };

	if (names[kind] != NULL) {
		file_url(w, names[kind], url, sizeof(url));
	} else {
		snprintf(url, sizeof(url), "http://127.0.0.1:9/feed-%zu", i);
	}
	assert_int_equal(store_feed_ensure(w->store, url, NULL, &feed.id, &err),
	                 NF_OK);
	if (names[kind] != NULL) {
		assert_int_equal(syncq_add_local(q, &feed, (void *)(uintptr_t)i,
		                                 &err), NF_OK);
		return;
	}
	r.url = url;
	if (kind == FETCHED_SMALL) {
		r.outcome = FETCH_OK;
		r.http_status = 200;
		r.body = strdup(SMALL_FEED);
		r.len = strlen(SMALL_FEED);
		r.etag = strdup("\"v1\"");
	} else {
		r.outcome = FETCH_FAILED;
		r.http_status = 500;
		nf_error_set(&r.err, NF_ERR_NET, "HTTP 500");
	}
	assert_int_equal(syncq_add_fetched(q, &feed, (void *)(uintptr_t)i, &r,
	                                   &err), NF_OK);
	/* the queue took the strings */
	assert_null(r.body);
	assert_null(r.etag);
}

/* Items in the store, as the caller's own handle sees them. */
static size_t
stored_items(struct store *s)
{
	struct store_feed_info *feeds;
	struct nf_error err;
	size_t n, i, items = 0;

	assert_int_equal(store_feed_list(s, &feeds, &n, &err), NF_OK);
	for (i = 0; i < n; i++) {
		items += feeds[i].nitems;
	}
	store_feed_list_free(feeds, n);
	return items;
}

/* What a batch hook was told, on the worker. */
struct hook_log {
	size_t synced, committed, lost, feeds, items;
};

static int
count_item(void *ctx, const struct store_fold_item *it)
{
	(void)it;
	(*(size_t *)ctx)++;
	return 0;
}

/* The batch's items are readable on the worker's handle before it
 * commits. */
static void
hook_synced(void *ctx, struct store *store, const int64_t *feed_ids, size_t n)
{
	struct hook_log *log = ctx;
	struct nf_error err;

	log->synced++;
	log->feeds += n;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(store_fold_items(store, feed_ids[i], count_item,
		                                  &log->items, &err), NF_OK);
	}
}

static void
hook_committed(void *ctx, int ok)
{
	struct hook_log *log = ctx;

	log->committed++;
	log->lost += !ok;
}

/* Waits on the descriptor as a caller's poll() would, then takes. */
static int
take_polled(struct syncq *q, void **user, struct sync_outcome *out)
{
	struct pollfd pfd = { .fd = syncq_fd(q), .events = POLLIN };

	assert_int_equal(poll(&pfd, 1, 30000), 1);
	return syncq_take(q, 0, user, out);
}

static void
run_case(void **state)
{
	const struct syncq_case *c = *state;
	struct sync_settings set = { .max_size = 64 << 20 };
	struct world w;
	struct syncq *q;
	struct store *worker = NULL;
	struct sync_outcome out;
	struct nf_error err;
	int seen[MAX_FEEDS] = { 0 };
	struct hook_log log = { 0 };
	const struct syncq_batch_hook hook = { hook_synced, hook_committed,
	                                       &log };
	void *user = NULL;
	size_t i, k, taken_new = 0;

	assert_int_equal(testdir_make(w.dir, sizeof(w.dir), "nf-syncq"), 0);
	snprintf(w.path, sizeof(w.path), "%s/small.xml", w.dir);
	write_file(w.path, SMALL_FEED);
	snprintf(w.path, sizeof(w.path), "%s/big.xml", w.dir);
	write_big(w.path);
	snprintf(w.path, sizeof(w.path), "%s/db", w.dir);
	assert_int_equal(store_open(w.path, &w.store, &err), NF_OK);
	assert_int_equal(store_open_again(w.store, &worker, &err), NF_OK);
	set.parse_budget_ms = c->budget_ms;
	assert_non_null(q = syncq_new(worker, &set, &err));
	if (c->hooked) {
		syncq_set_batch_hook(q, &hook);
	}
	for (i = 0; i < c->nfeeds; i++) {
		add_feed(&w, q, c->feeds[i], i);
	}
	if (c->flush) {
		syncq_flush(q);
	}
	for (i = 0; !c->free_early && i < c->nfeeds; i++) {
		assert_int_equal(take_polled(q, &user, &out), 1);
		k = (size_t)(uintptr_t)user;
		assert_true(k < c->nfeeds && !seen[k]);
		seen[k] = 1;
		assert_int_equal(out.state, c->want[k]);
		assert_int_equal(out.new_count, c->new_count[k]);
		if (c->reason[k] != NULL) {
			assert_string_equal(out.error.msg, c->reason[k]);
		}
		taken_new += out.new_count;
		if (c->stored_when_taken) {
			assert_true(stored_items(w.store) >= taken_new);
		}
		sync_outcome_clear(&out);
	}
	if (!c->free_early) {
		assert_int_equal(syncq_pending(q), 0);
		assert_int_equal(syncq_queued_bytes(q), 0);
		assert_int_equal(syncq_take(q, 1, &user, &out), 0);
	}
	syncq_free(q);
	if (c->hooked) {
		assert_int_equal(log.feeds, c->nfeeds);
		assert_int_equal(log.items, taken_new);
		assert_int_equal(log.committed, log.synced);
		assert_int_equal(log.lost, 0);
	}
	store_close(w.store);
	assert_int_equal(testdir_remove(w.dir), 0);
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* While the worker parses and stores 20,000 items, the caller's thread
 * is never held: adding more work and asking for outcomes return at once
 * (the reader answers keys between them). */
static void
caller_never_waits_for_a_parse(void **state)
{
	struct sync_settings set = { .max_size = 64 << 20 };
	struct world w;
	struct syncq *q;
	struct store *worker = NULL;
	struct sync_outcome out;
	struct nf_error err;
	int64_t t0, slowest = 0, t;
	void *user = NULL;
	int taken = 0;

	(void)state;
	assert_int_equal(testdir_make(w.dir, sizeof(w.dir), "nf-syncq"), 0);
	snprintf(w.path, sizeof(w.path), "%s/small.xml", w.dir);
	write_file(w.path, SMALL_FEED);
	snprintf(w.path, sizeof(w.path), "%s/big.xml", w.dir);
	write_big(w.path);
	snprintf(w.path, sizeof(w.path), "%s/db", w.dir);
	assert_int_equal(store_open(w.path, &w.store, &err), NF_OK);
	assert_int_equal(store_open_again(w.store, &worker, &err), NF_OK);
	assert_non_null(q = syncq_new(worker, &set, &err));
	add_feed(&w, q, LOCAL_BIG, 0);
	while (!taken) {
		t0 = now_ms();
		taken = syncq_take(q, 0, &user, &out);
		t = now_ms() - t0;
		slowest = t > slowest ? t : slowest;
		if (!taken) {
			struct pollfd pfd = { .fd = syncq_fd(q), .events = POLLIN };

			poll(&pfd, 1, 10);	/* a loop turn's wait */
		}
	}
	assert_int_equal(out.state, SYNC_OK);
	assert_int_equal(out.new_count, BIG_ITEMS);
	sync_outcome_clear(&out);
	assert_true(slowest < 100);
	syncq_free(q);
	store_close(w.store);
	assert_int_equal(testdir_remove(w.dir), 0);
}

int
main(void)
{
	struct CMUnitTest tests[sizeof(cases) / sizeof(cases[0]) + 1];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tests[i] = (struct CMUnitTest){ .name = cases[i].name,
			.test_func = run_case,
			.initial_state = (void *)&cases[i] };
	}
	tests[i++] = (struct CMUnitTest){ .name = "caller_never_waits_for_a_parse",
		.test_func = caller_never_waits_for_a_parse };
	return _cmocka_run_group_tests("syncq", tests, i, NULL, NULL);
}
