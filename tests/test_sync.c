/*
 * The sync stage against a real SQLite file in a temporary folder: bodies
 * fetched from the loopback server (tests/server.py) and handed to
 * sync_fetched() from the fetcher's done callback, as --refresh and the
 * reader do, and local files read by sync_local(). One table of named
 * cases; each checks the outcome, then reopens the database and checks
 * what it kept (items, validators, last error).
 */
#include "autoconfig.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <setjmp.h>
#include <cmocka.h>

#include "src/fetch.h"
#include "src/store.h"
#include "src/sync.h"
#include "src/url.h"
#include "tests/testdir.h"
#include "tests/testserver.h"

static struct testserver server;

/* Every case's files, written into its own folder. */
#define QUAY_FEED \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<rss version=\"2.0\"><channel><title>Quay Notes</title>\n" \
	"<item><title>Harbour crane returns to service</title>" \
	"<link>http://quay.example/crane</link></item>\n" \
	"<item><title>Fish market opens an hour earlier</title>" \
	"<link>http://quay.example/market</link></item>\n" \
	"</channel></rss>\n"
#define CEILING 4096	/* the max-size of the cases */
/* A web page that names its feeds (autodiscovery), one that does not,
 * and a feed broken before its first item. */
#define WEB_PAGE \
	"<!DOCTYPE html>\n<html><head><title>Quay Notes</title>\n" \
	"<link rel=\"stylesheet\" href=\"/site.css\">\n" \
	"<link rel=\"alternate\" type=\"application/rss+xml\"" \
	" href=\"https://quay.example/feed.xml?a=1&amp;b=2\">\n" \
	"<LINK REL=alternate TYPE='application/atom+xml'" \
	" HREF='https://quay.example/atom'>\n" \
	"</head><body><p>Welcome</p></body></html>\n"
#define PLAIN_PAGE "<!doctype html>\n<html><body><p>Hello</p></body></html>\n"
#define BROKEN_FEED \
	"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>X</title>\n" \
	"<<<garbage"

struct sync_case {
	const char *name;
	const char *source;	/* a path on the server, or file:NAME in the
				 * case's folder */
	const char *then;	/* a second sync of the same feed: "again",
				 * "failed" (a transfer that failed), "bare" (a
				 * 200 without validators), "removed" (the
				 * file deleted first); NULL for none */
	enum sync_state state;	/* of the last sync */
	size_t new_count;
	const char *reason;	/* exact, when state is SYNC_ERROR */
	const char *title;	/* the outcome's feed title, or NULL */
	int etag;		/* an ETag is stored afterwards */
	size_t nitems;		/* items stored afterwards */
};

static const struct sync_case cases[] = {
	{ .name = "loopback_feed_stored_with_validators",
	  .source = "/feed/world.xml", .state = SYNC_OK, .new_count = 3,
	  .title = "Harbour Gazette", .etag = 1, .nitems = 3 },
	{ .name = "loopback_gzip_atom", .source = "/gzip/tokyo.atom",
	  .state = SYNC_OK, .new_count = 2, .title = "みなと新聞", .etag = 1,
	  .nitems = 2 },
	{ .name = "loopback_304_unchanged", .source = "/feed/world.xml",
	  .then = "again", .state = SYNC_UNCHANGED, .title = "Harbour Gazette",
	  .etag = 1, .nitems = 3 },
	{ .name = "failed_transfer_keeps_validators", .source = "/feed/world.xml",
	  .then = "failed", .state = SYNC_ERROR, .reason = "HTTP 500",
	  .title = "Harbour Gazette", .etag = 1, .nitems = 3 },
	{ .name = "200_without_validators_clears_them",
	  .source = "/feed/world.xml", .then = "bare", .state = SYNC_OK,
	  .title = "Harbour Gazette", .nitems = 3 },
	{ .name = "loopback_web_page_not_a_feed", .source = "/html",
	  .state = SYNC_ERROR,
	  .reason = "not a feed: the document is <html> (a web page)" },
	{ .name = "loopback_http_404", .source = "/status/404",
	  .state = SYNC_ERROR, .reason = "HTTP 404" },
	{ .name = "local_file", .source = "file:feed.xml", .state = SYNC_OK,
	  .new_count = 2, .title = "Quay Notes", .nitems = 2 },
	{ .name = "local_file_again_nothing_new", .source = "file:feed.xml",
	  .then = "again", .state = SYNC_OK, .title = "Quay Notes",
	  .nitems = 2 },
	{ .name = "local_file_of_exactly_max_size", .source = "file:exact.xml",
	  .state = SYNC_OK, .new_count = 2, .title = "Quay Notes", .nitems = 2 },
	{ .name = "local_file_over_max_size", .source = "file:over.xml",
	  .state = SYNC_ERROR, .reason = "too large (over 4 KiB)" },
	{ .name = "local_web_page_names_its_feeds", .source = "file:page.html",
	  .state = SYNC_ERROR,
	  .reason = "not a feed: the document is <html> (a web page); web page:"
	            " found feed https://quay.example/feed.xml?a=1&b=2,"
	            " https://quay.example/atom" },
	{ .name = "local_web_page_without_feeds", .source = "file:plain.html",
	  .state = SYNC_ERROR,
	  .reason = "not a feed: the document is <html> (a web page)" },
	{ .name = "local_feed_broken_before_its_items_is_an_error",
	  .source = "file:broken.xml", .state = SYNC_ERROR,
	  .reason = "not a feed: line 2: Couldn't find end of Start Tag garbage" },
	{ .name = "local_file_not_a_feed", .source = "file:garbage.bin",
	  .state = SYNC_ERROR, .reason = "not a feed: neither XML nor JSON" },
	{ .name = "local_file_empty", .source = "file:empty.xml",
	  .state = SYNC_ERROR, .reason = "not a feed: the document is empty" },
	{ .name = "local_file_missing", .source = "file:missing.xml",
	  .state = SYNC_ERROR,
	  .reason = "cannot open: No such file or directory" },
	{ .name = "local_file_gone_keeps_stored_items", .source = "file:feed.xml",
	  .then = "removed", .state = SYNC_ERROR,
	  .reason = "cannot open: No such file or directory",
	  .title = "Quay Notes", .nitems = 2 },
	/* A feed never fetched is not "unchanged" because a server says 304. */
	{ .name = "loopback_304_to_a_first_request", .source = "/notmodified",
	  .state = SYNC_ERROR,
	  .reason = "304 Not Modified to a request without validators" },
	{ .name = "loopback_truncated_gzip_not_stored",
	  .source = "/truncated/world.xml", .state = SYNC_ERROR,
	  .reason = "truncated compressed body" },
	{ .name = "loopback_206_not_stored", .source = "/partial/world.xml",
	  .state = SYNC_ERROR,
	  .reason = "HTTP 206 Partial Content to a request without a range" },
	/* A FIFO with no writer would block a reading open() forever. */
	{ .name = "local_fifo_refused", .source = "file:fifo.xml",
	  .state = SYNC_ERROR, .reason = "not a regular file" },
	{ .name = "local_folder_refused", .source = "file:folder",
	  .state = SYNC_ERROR, .reason = "not a regular file" },
	{ .name = "local_device_refused", .source = "file:/dev/zero",
	  .state = SYNC_ERROR, .reason = "not a regular file" },
};

/* ---- One case's world ---------------------------------------------------- */

struct run {
	char dir[256];
	char db[300];
	char url[512];
	struct store *store;
	struct sync_feed feed;
	struct sync_settings set;
	struct sync_outcome out;
};

static void
write_file(const struct run *r, const char *name, const char *data,
           size_t len, size_t pad_to)
{
	char path[400];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", r->dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	for (; len < pad_to; len++) {
		assert_int_not_equal(fputc('\n', f), EOF);
	}
	assert_int_equal(fclose(f), 0);
}

static void
run_open(struct run *r, const struct sync_case *c)
{
	struct nf_error err;
	char path[400];

	assert_int_equal(testdir_make(r->dir, sizeof(r->dir), "nf-sync"), 0);
	write_file(r, "feed.xml", QUAY_FEED, strlen(QUAY_FEED), 0);
	write_file(r, "exact.xml", QUAY_FEED, strlen(QUAY_FEED), CEILING);
	write_file(r, "over.xml", QUAY_FEED, strlen(QUAY_FEED), CEILING + 1);
	write_file(r, "garbage.bin", "\x01\x02\x03 not text", 12, 0);
	write_file(r, "empty.xml", "", 0, 0);
	write_file(r, "page.html", WEB_PAGE, strlen(WEB_PAGE), 0);
	write_file(r, "plain.html", PLAIN_PAGE, strlen(PLAIN_PAGE), 0);
	write_file(r, "broken.xml", BROKEN_FEED, strlen(BROKEN_FEED), 0);
	snprintf(path, sizeof(path), "%s/fifo.xml", r->dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	snprintf(path, sizeof(path), "%s/folder", r->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(r->db, sizeof(r->db), "%s/db/newsfold.db", r->dir);
	if (strncmp(c->source, "file:/", 6) == 0) {
		snprintf(r->url, sizeof(r->url), "file://%s", c->source + 5);
	} else if (strncmp(c->source, "file:", 5) == 0) {
		snprintf(r->url, sizeof(r->url), "file://%s/%s", r->dir, c->source + 5);
	} else {
		snprintf(r->url, sizeof(r->url), "http://127.0.0.1:%d%s", server.port,
		         c->source);
	}
	assert_int_equal(store_open(r->db, &r->store, &err), NF_OK);
	assert_int_equal(store_feed_ensure(r->store, r->url, NULL, &r->feed.id,
	                                   &err), NF_OK);
	r->feed.url = r->url;
	r->set = (struct sync_settings){ .max_size = CEILING, .max_items = 500,
	                                 .fold_threshold = 0.6 };
}

/* The fetcher's done callback hands the result to sync, as callers do. */
static void
on_done(void *ctx, struct fetch_result *res)
{
	struct run *r = ctx;

	sync_fetched(r->store, &r->feed, &r->set, res, &r->out);
}

/* Fetches the feed with its stored validators, then syncs it. */
static void
sync_over_http(struct run *r)
{
	struct store_feed_meta meta;
	struct fetch_request req = { .url = r->url };
	struct nf_error err;
	struct fetch_multi *m = fetch_multi_new(NULL, on_done, r, &err);

	assert_non_null(m);
	assert_int_equal(store_feed_meta_get(r->store, r->feed.id, &meta, &err),
	                 NF_OK);
	req.etag = meta.etag;
	req.last_modified = meta.last_modified;
	assert_int_equal(fetch_multi_add(m, &req, &err), NF_OK);
	assert_int_equal(fetch_multi_run(m, &err), NF_OK);
	fetch_multi_free(m);
	store_feed_meta_clear(&meta);
}

/* A result filled by hand: a failed transfer, or a 200 with the body of
 * tests/fixtures/http/world.xml and no validators. */
static void
sync_made_up(struct run *r, int failed)
{
	struct fetch_result res = { .url = r->url };
	char body[4096];
	FILE *f;

	if (failed) {
		res.outcome = FETCH_FAILED;
		nf_error_set(&res.err, NF_ERR_NET, "HTTP 500");
		res.http_status = 500;
	} else {
		f = fopen(SRCDIR "/tests/fixtures/http/world.xml", "rb");
		assert_non_null(f);
		res.len = fread(body, 1, sizeof(body) - 1, f);
		fclose(f);
		body[res.len] = '\0';
		res.body = body;
		res.outcome = FETCH_OK;
		res.http_status = 200;
	}
	sync_fetched(r->store, &r->feed, &r->set, &res, &r->out);
}

static void
sync_step(struct run *r, const struct sync_case *c, const char *how)
{
	char path[400];

	sync_outcome_clear(&r->out);
	if (how != NULL && strcmp(how, "removed") == 0) {
		snprintf(path, sizeof(path), "%s/%s", r->dir, c->source + 5);
		assert_int_equal(unlink(path), 0);
	}
	if (how != NULL && strcmp(how, "failed") == 0) {
		sync_made_up(r, 1);
	} else if (how != NULL && strcmp(how, "bare") == 0) {
		sync_made_up(r, 0);
	} else if (strncmp(c->source, "file:", 5) == 0) {
		sync_local(r->store, &r->feed, &r->set, &r->out);
	} else {
		sync_over_http(r);
	}
}

/* ---- Checks --------------------------------------------------------------- */

static void
check_outcome(const struct sync_case *c, const struct sync_outcome *out)
{
	assert_int_equal(out->state, c->state);
	assert_int_equal(out->new_count, c->new_count);
	if (c->state == SYNC_ERROR) {
		assert_string_equal(out->error.msg, c->reason);
		assert_int_not_equal(out->error.code, NF_OK);
	} else {
		assert_int_equal(out->error.code, NF_OK);
	}
	if (c->title != NULL) {
		assert_non_null(out->feed_title);
		assert_string_equal(out->feed_title, c->title);
	} else {
		assert_null(out->feed_title);
	}
}

/* What a fresh handle on the database file reads. */
static void
check_stored(struct run *r, const struct sync_case *c)
{
	struct store_feed_meta meta;
	struct nf_item **items = NULL;
	struct nf_error err;
	size_t n = 0;

	store_close(r->store);
	assert_int_equal(store_open(r->db, &r->store, &err), NF_OK);
	assert_int_equal(store_feed_meta_get(r->store, r->feed.id, &meta, &err),
	                 NF_OK);
	assert_true(meta.last_fetch > 0);
	if (c->state == SYNC_ERROR) {
		assert_non_null(meta.last_error);
		assert_string_equal(meta.last_error, c->reason);
	} else {
		assert_null(meta.last_error);
	}
	assert_int_equal(meta.etag != NULL, c->etag);
	assert_int_equal(meta.last_modified != NULL, c->etag);
	store_feed_meta_clear(&meta);
	assert_int_equal(store_items_load(r->store, r->feed.id, STORE_LOAD_LIST,
	                                  &items, &n, &err), NF_OK);
	assert_int_equal(n, c->nitems);
	store_items_free(items, n);
}

static void
test_case(void **state)
{
	const struct sync_case *c = *state;
	struct run r = { 0 };

	/* A sync that blocks (a FIFO opened for reading) fails the case
	 * instead of hanging the suite. */
	alarm(20);
	run_open(&r, c);
	sync_step(&r, c, NULL);
	if (c->then != NULL) {
		assert_int_not_equal(r.out.state, SYNC_ERROR);
		sync_step(&r, c, c->then);
	}
	check_outcome(c, &r.out);
	sync_outcome_clear(&r.out);
	check_stored(&r, c);
	store_close(r.store);
	assert_int_equal(testdir_remove(r.dir), 0);
	alarm(0);
}

/* Which URLs sync reads from disk: file:// only, in any case. */
static void
test_is_local(void **state)
{
	static const struct {
		const char *url;
		int local;
	} urls[] = {
		{ "file:///home/me/local.xml", 1 },
		{ "FILE:///home/me/local.xml", 1 },
		{ "file://localhost/tmp/a.xml", 1 },
		{ "file:/home/me/local.xml", 0 },
		{ "file:local.xml", 0 },
		{ "http://127.0.0.1/file:///x", 0 },
		{ "https://example.org/feed", 0 },
		{ "", 0 },
		{ NULL, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		assert_int_equal(url_is_file(urls[i].url), urls[i].local);
	}
}

/* A feed fetched with a password in its URL: a relative link resolves
 * against that URL, and what is stored (and later shown) has the
 * password starred out. */
static void
test_no_password_in_links(void **state)
{
	const struct sync_case c = { .source = "/auth/members.xml" };
	struct nf_item **items = NULL;
	struct nf_error err;
	struct run r = { 0 };
	char want[256];
	size_t n = 0;

	(void)state;
	run_open(&r, &c);
	snprintf(r.url, sizeof(r.url), "http://alice:s3cret@127.0.0.1:%d%s",
	         server.port, c.source);
	assert_int_equal(store_feed_ensure(r.store, r.url, NULL, &r.feed.id,
	                                   &err), NF_OK);
	sync_over_http(&r);
	assert_int_equal(r.out.state, SYNC_OK);
	sync_outcome_clear(&r.out);
	assert_int_equal(store_items_load(r.store, r.feed.id, STORE_LOAD_FULL,
	                                  &items, &n, &err), NF_OK);
	assert_int_equal(n, 1);
	snprintf(want, sizeof(want), "http://alice:***@127.0.0.1:%d"
	         "/notices/boathouse-keys", server.port);
	assert_string_equal(items[0]->link, want);
	store_items_free(items, n);
	store_close(r.store);
	assert_int_equal(testdir_remove(r.dir), 0);
}

/* Links resolve against the Content-Location the server names, read
 * against the URL fetched; a javascript: one is ignored. */
static void
test_content_location(void **state)
{
	static const struct { const char *at, *want; } cases[] = {
		{ "https://mirror.example/club/all.xml", "https://mirror.example/notices/boathouse-keys" },
		{ "javascript:alert(1)", "http://127.0.0.1:%d/notices/boathouse-keys" },
	};
	struct nf_item **items = NULL;
	struct nf_error err;
	char want[256];
	size_t i, n = 0;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct sync_case c = { .source = "/feed/members.xml" };
		struct run r = { 0 };

		run_open(&r, &c);
		snprintf(r.url, sizeof(r.url), "http://127.0.0.1:%d/located?at=%s&feed=members.xml",
		         server.port, cases[i].at);
		assert_int_equal(store_feed_ensure(r.store, r.url, NULL, &r.feed.id, &err), NF_OK);
		sync_over_http(&r);
		assert_int_equal(r.out.state, SYNC_OK);
		sync_outcome_clear(&r.out);
		assert_int_equal(store_items_load(r.store, r.feed.id, STORE_LOAD_FULL,
		                                  &items, &n, &err), NF_OK);
		assert_int_equal(n, 1);
		snprintf(want, sizeof(want), cases[i].want, server.port);
		assert_string_equal(items[0]->link, want);
		store_items_free(items, n);
		store_close(r.store);
		assert_int_equal(testdir_remove(r.dir), 0);
	}
}

/* A feed the store does not know fails, and nothing is written. */
static void
test_unknown_feed(void **state)
{
	const struct sync_case c = { .source = "file:feed.xml" };
	struct run r = { 0 };

	(void)state;
	run_open(&r, &c);
	r.feed.id += 1000;
	sync_local(r.store, &r.feed, &r.set, &r.out);
	assert_int_equal(r.out.state, SYNC_ERROR);
	assert_int_equal(r.out.error.code, NF_ERR_DB);
	assert_int_equal(r.out.new_count, 0);
	sync_outcome_clear(&r.out);
	sync_outcome_clear(NULL);
	store_close(r.store);
	assert_int_equal(testdir_remove(r.dir), 0);
}

static int
setup(void **state)
{
	(void)state;
	if (testserver_start(&server) != 0) {
		return -1;
	}
	return fetch_global_init(NULL) == NF_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	fetch_global_cleanup();
	testserver_stop(&server);
	return 0;
}

int
main(void)
{
	enum { NCASES = sizeof(cases) / sizeof(cases[0]) };
	struct CMUnitTest tests[NCASES + 4];
	size_t i, n = 0;

	for (i = 0; i < NCASES; i++) {
		tests[n++] = (struct CMUnitTest){
			.name = cases[i].name,
			.test_func = test_case,
			.initial_state = (void *)&cases[i],
		};
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_is_local);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_unknown_feed);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_no_password_in_links);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_content_location);
	return _cmocka_run_group_tests("sync", tests, n, setup, teardown);
}
