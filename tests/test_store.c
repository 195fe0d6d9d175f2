/*
 * The store on real database files in a fresh temporary directory:
 * schema and migrations, item keys, read flags across refreshes, pruning,
 * fetch metadata, listings, and a writer killed with SIGKILL.
 */
#include "autoconfig.h"

#include <errno.h>
#include <ftw.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "tests/testdir.h"
#include <sqlite3.h>

#include "src/store.h"

struct fixture {
	char dir[64];
	char path[128];
	struct store *s;
	struct nf_error err;
	const void *arg;	/* a table case, for the cases that take one */
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	assert_int_equal(testdir_make(f->dir, sizeof(f->dir), "nf-store"), 0);
	snprintf(f->path, sizeof(f->path), "%s/news.db", f->dir);
	*state = f;
	return 0;
}

/* A fixture whose arg is the case cmocka was given as the test's state
 * (a table's row). */
static int
case_setup(void **state)
{
	const void *c = *state;
	struct fixture *f;

	setup(state);
	f = *state;
	f->arg = c;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->s);
	testdir_remove(f->dir);
	free(f);
	return 0;
}

static void
open_store(struct fixture *f)
{
	store_close(f->s);
	f->s = NULL;
	if (store_open(f->path, &f->s, &f->err) != NF_OK) {
		fail_msg("store_open: %s", f->err.msg);
	}
}

/* Runs one SQL statement on the file, outside the store; returns the first
 * column of the first row as an integer (or the text in text, when given). */
static long long
sql_value(const char *path, const char *sql, char *text, size_t size)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
		if (text != NULL) {
			snprintf(text, size, "%s", (const char *)
			         sqlite3_column_text(st, 0));
		}
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void
sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fail_msg("%s: %s", sql, msg);
	}
	sqlite3_close(db);
}

static struct nf_item *
make_item(const char *guid, const char *link, const char *title,
          const char *content, int64_t published)
{
	struct nf_item *it = item_new();

	assert_non_null(it);
	assert_int_equal(nf_strset(&it->id, guid), 0);
	assert_int_equal(nf_strset(&it->link, link), 0);
	assert_int_equal(nf_strset(&it->title, title), 0);
	assert_int_equal(nf_strset(&it->content, content), 0);
	it->published = published;
	return it;
}

static struct nf_feed *
make_feed(const char *title)
{
	struct nf_feed *feed = feed_new();

	assert_non_null(feed);
	assert_int_equal(nf_strset(&feed->title, title), 0);
	return feed;
}

static void
add(struct nf_feed *feed, struct nf_item *item)
{
	assert_int_equal(feed_add_item(feed, item), 0);
}

static int64_t
ensure(struct fixture *f, const char *url, const char *title)
{
	int64_t id = 0;

	if (store_feed_ensure(f->s, url, title, &id, &f->err) != NF_OK) {
		fail_msg("store_feed_ensure: %s", f->err.msg);
	}
	return id;
}

static size_t
update(struct fixture *f, int64_t feed_id, struct nf_feed *feed, int max,
       int prune_unread)
{
	/* keep-unread 0: unread items are never pruned, the rule these
	 * cases were written for. */
	const struct store_keep keep = { .max_items = max,
		.prune_unread = prune_unread };
	size_t added = 99;

	if (store_feed_update(f->s, feed_id, feed, &keep, &added,
	                      &f->err) != NF_OK) {
		fail_msg("store_feed_update: %s", f->err.msg);
	}
	feed_free(feed);
	return added;
}

struct loaded {
	struct nf_item **items;
	size_t n;
};

static struct loaded
load(struct fixture *f, int64_t feed_id, enum store_load what)
{
	struct loaded l;

	if (store_items_load(f->s, feed_id, what, &l.items, &l.n,
	                     &f->err) != NF_OK) {
		fail_msg("store_items_load: %s", f->err.msg);
	}
	return l;
}

static const struct nf_item *
find_title(const struct loaded *l, const char *title)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(nf_str(l->items[i]->title), title) == 0) {
			return l->items[i];
		}
	}
	return NULL;
}

static void
loaded_free(struct loaded *l)
{
	store_items_free(l->items, l->n);
}

/* --- schema ------------------------------------------------------------ */

static void
open_creates_directories(void **state)
{
	struct fixture *f = *state;
	char mode[16];
	struct stat sb;

	snprintf(f->path, sizeof(f->path), "%s/a/b/news.db", f->dir);
	open_store(f);
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sql_value(f->path, "PRAGMA user_version", NULL, 0), 10);
	sql_value(f->path, "PRAGMA journal_mode", mode, sizeof(mode));
	assert_string_equal(mode, "wal");
}

/* One opener of the race: waits at the gate (a pipe that closes when
 * every opener is ready), opens, registers a feed, and exits 0 on
 * success, else prints why and exits 1. */
static void
race_child(const char *path, int gate)
{
	struct store *s = NULL;
	struct nf_error err;
	int64_t id;
	char c;

	(void)read(gate, &c, 1);
	if (store_open(path, &s, &err) != NF_OK ||
	    store_feed_ensure(s, "https://example.org/race.rss", NULL, &id,
	                      &err) != NF_OK) {
		fprintf(stderr, "opener %d: %s\n", (int)getpid(), err.msg);
		_exit(1);
	}
	store_close(s);
	_exit(0);
}

/* Many processes open one database that does not exist yet, at once
 * (two cron jobs, or the reader started while a refresh creates it):
 * every one opens it, none fails with "database is locked". */
static void
concurrent_first_opens_all_succeed(void **state)
{
	enum { ROUNDS = 12, OPENERS = 24 };
	struct fixture *f = *state;
	pid_t pids[OPENERS];
	int gate[2], round, i, status, failed = 0;

	for (round = 0; round < ROUNDS; round++) {
		snprintf(f->path, sizeof(f->path), "%s/race-%d/news.db", f->dir,
		         round);
		assert_int_equal(pipe(gate), 0);
		for (i = 0; i < OPENERS; i++) {
			pids[i] = fork();
			assert_true(pids[i] >= 0);
			if (pids[i] == 0) {
				close(gate[1]);
				race_child(f->path, gate[0]);
			}
		}
		close(gate[0]);
		close(gate[1]);		/* all go */
		for (i = 0; i < OPENERS; i++) {
			assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
			failed += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
		}
		assert_int_equal(sql_value(f->path, "SELECT count(*) FROM feeds",
		                           NULL, 0), 1);
	}
	assert_int_equal(failed, 0);
	open_store(f);
	assert_int_equal(sql_value(f->path, "PRAGMA user_version", NULL, 0), 10);
}

static void
default_path_follows_xdg(void **state)
{
	struct fixture *f = *state;
	char want[160];
	char *path;

	char *home = getenv("HOME") != NULL ? strdup(getenv("HOME")) : NULL;

	setenv("XDG_DATA_HOME", f->dir, 1);
	path = store_default_path();
	snprintf(want, sizeof(want), "%s/newsfold/newsfold.db", f->dir);
	assert_string_equal(path, want);
	free(path);
	assert_int_equal(store_open(NULL, &f->s, &f->err), NF_OK);
	assert_int_equal(access(want, F_OK), 0);

	/* A relative XDG_DATA_HOME is ignored, as the XDG spec says. */
	setenv("XDG_DATA_HOME", "relative/dir", 1);
	setenv("HOME", "/home/reader", 1);
	path = store_default_path();
	assert_string_equal(path, "/home/reader/.local/share/newsfold/newsfold.db");
	free(path);
	unsetenv("XDG_DATA_HOME");
	path = store_default_path();
	assert_string_equal(path, "/home/reader/.local/share/newsfold/newsfold.db");
	free(path);
	if (home != NULL) {
		setenv("HOME", home, 1);
		free(home);
	}
}

static void
migrates_an_empty_file(void **state)
{
	struct fixture *f = *state;
	FILE *fp = fopen(f->path, "w");

	assert_non_null(fp);
	fclose(fp);
	open_store(f);
	assert_int_equal(sql_value(f->path, "PRAGMA user_version", NULL, 0), 10);
	assert_int_equal(sql_value(f->path, "SELECT count(*) FROM sqlite_master"
	                           " WHERE name IN ('feeds', 'items',"
	                           " 'items_order', 'items_unread')", NULL, 0), 4);
}

/* The version 1 schema as it was released; the store must bring such a
 * file forward with its rows and flags. */
static const char schema_v1[] =
	"CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE,"
	" title TEXT, feed_title TEXT, etag TEXT, last_modified TEXT,"
	" last_fetch INTEGER, last_error TEXT,"
	" update_seq INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items (id INTEGER PRIMARY KEY, feed_id INTEGER NOT NULL"
	" REFERENCES feeds(id) ON DELETE CASCADE, key TEXT NOT NULL,"
	" guid TEXT, title TEXT, link TEXT, author TEXT, published INTEGER,"
	" updated INTEGER, summary TEXT, content TEXT, image_url TEXT,"
	" image_caption TEXT, image_credit TEXT, extras TEXT,"
	" read INTEGER NOT NULL DEFAULT 0, first_seen INTEGER NOT NULL,"
	" seen_seq INTEGER NOT NULL, position INTEGER NOT NULL,"
	" UNIQUE (feed_id, key));"
	"INSERT INTO feeds (id, url, title, etag, update_seq) VALUES"
	" (1, 'https://example.org/harbour.rss', 'Harbour Gazette', '\"v7\"', 1);"
	"INSERT INTO items (feed_id, key, guid, title, read, first_seen,"
	" seen_seq, position) VALUES (1, 'g:h-1', 'h-1',"
	" 'Ferry timetable changes for winter', 1, 1700000000, 1, 0);"
	"PRAGMA user_version = 1;";

static void
migrates_from_version_1(void **state)
{
	struct fixture *f = *state;
	struct store_feed_meta meta;
	struct loaded l;

	sql_exec(f->path, schema_v1);
	open_store(f);
	assert_int_equal(sql_value(f->path, "PRAGMA user_version", NULL, 0), 10);
	assert_int_equal(sql_value(f->path, "SELECT count(*) FROM sqlite_master"
	                           " WHERE type = 'index' AND name ="
	                           " 'items_order'", NULL, 0), 1);
	l = load(f, 0, STORE_LOAD_FULL);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->title, "Ferry timetable changes for winter");
	assert_string_equal(l.items[0]->source, "Harbour Gazette");
	assert_int_equal(l.items[0]->read, 1);
	loaded_free(&l);
	assert_int_equal(store_feed_meta_get(f->s, 1, &meta, &f->err), NF_OK);
	assert_string_equal(meta.etag, "\"v7\"");
	store_feed_meta_clear(&meta);
}

/* The article text of an item stored before the article column: none
 * (the screen shows the plain content); once stored it reads back, and a
 * refresh that brings none clears it. */
static void
article_round_trip_across_migration(void **state)
{
	struct fixture *f = *state;
	struct nf_feed *feed;
	struct nf_item *one, *it;
	struct loaded l;
	int64_t rowid;

	sql_exec(f->path, schema_v1);
	open_store(f);
	l = load(f, 0, STORE_LOAD_FULL);
	assert_int_equal(l.n, 1);
	rowid = l.items[0]->rowid;
	loaded_free(&l);
	assert_int_equal(store_item_load(f->s, rowid, &one, &f->err), NF_OK);
	assert_null(one->article);
	assert_string_equal(one->title, "Ferry timetable changes for winter");
	item_free(one);

	feed = make_feed("Harbour Gazette");
	it = make_item("h-1", NULL, "Ferry timetable changes for winter",
	               "Steps:\n\nClose\nOpen", NF_NO_DATE);
	assert_int_equal(nf_strset(&it->article, "Steps:\n\n\u2022 \x1f" "Close[1]\n"
	                           "\u2022 \x1f" "Open\x1dhttps://example.org/close"), 0);
	add(feed, it);
	update(f, 1, feed, 0, 0);
	open_store(f);
	assert_int_equal(store_item_load(f->s, rowid, &one, &f->err), NF_OK);
	assert_string_equal(one->content, "Steps:\n\nClose\nOpen");
	assert_string_equal(one->article, "Steps:\n\n\u2022 \x1f" "Close[1]\n"
	                    "\u2022 \x1f" "Open\x1dhttps://example.org/close");
	assert_int_equal(one->read, 1);
	item_free(one);

	feed = make_feed("Harbour Gazette");
	add(feed, make_item("h-1", NULL, "Ferry timetable changes for winter",
	                    "Plain now", NF_NO_DATE));
	update(f, 1, feed, 0, 0);
	assert_int_equal(store_item_load(f->s, rowid, &one, &f->err), NF_OK);
	assert_null(one->article);
	assert_string_equal(one->content, "Plain now");
	item_free(one);
}

/* The fold's generation of this store, and its count of rows the
 * full-text index lacks. */
static int64_t
generation(struct fixture *f)
{
	int64_t gen = 0;

	assert_int_equal(store_fold_generation(f->s, &gen, &f->err), NF_OK);
	return gen;
}

#define FTS_PENDING "SELECT count(*) FROM fts_pending"
#define FTS_FERRY "SELECT count(*) FROM items_fts WHERE items_fts MATCH" \
	" '\"timetable\"'"
#define FTS_WALL "SELECT count(*) FROM items_fts WHERE items_fts MATCH" \
	" '\"harbour wall\"'"

/* A store from before inserts stopped firing triggers: its indexed item
 * stays indexed; an item added later waits for the catch-up, and adding
 * it moves the fold's generation on; listing it again, unchanged and in
 * place, does not; a changed title does, and waits for the index. */
static void
search_and_generation_across_migration(void **state)
{
	struct fixture *f = *state;
	struct nf_feed *feed;
	int64_t gen;
	int done = 0;

	sql_exec(f->path, schema_v1);
	open_store(f);
	assert_int_equal(sql_value(f->path, FTS_PENDING, NULL, 0), 0);
	assert_int_equal(sql_value(f->path, FTS_FERRY, NULL, 0), 1);
	gen = generation(f);

	feed = make_feed("Harbour Gazette");
	add(feed, make_item("h-2", NULL, "Harbour wall vote draws a crowd",
	                    "The council met.", NF_NO_DATE));
	assert_int_equal(update(f, 1, feed, 0, 0), 1);
	assert_true(generation(f) > gen);
	assert_int_equal(sql_value(f->path, FTS_PENDING, NULL, 0), 1);
	assert_int_equal(sql_value(f->path, FTS_WALL, NULL, 0), 0);
	assert_int_equal(store_search_catch_up(f->s, 0, &done, &f->err), NF_OK);
	assert_true(done);
	assert_int_equal(sql_value(f->path, FTS_PENDING, NULL, 0), 0);
	assert_int_equal(sql_value(f->path, FTS_WALL, NULL, 0), 1);

	gen = generation(f);
	feed = make_feed("Harbour Gazette");
	add(feed, make_item("h-2", NULL, "Harbour wall vote draws a crowd",
	                    "The council met.", NF_NO_DATE));
	assert_int_equal(update(f, 1, feed, 0, 0), 0);
	assert_int_equal(generation(f), gen);

	feed = make_feed("Harbour Gazette");
	add(feed, make_item("h-2", NULL, "Harbour wall vote delayed",
	                    "The council met.", NF_NO_DATE));
	assert_int_equal(update(f, 1, feed, 0, 0), 0);
	assert_true(generation(f) > gen);
	assert_int_equal(sql_value(f->path, FTS_PENDING, NULL, 0), 1);
	assert_int_equal(store_search_catch_up(f->s, 0, &done, &f->err), NF_OK);
	assert_int_equal(sql_value(f->path, "SELECT count(*) FROM items_fts"
	                           " WHERE items_fts MATCH '\"crowd\"'",
	                           NULL, 0), 0);
	assert_int_equal(sql_value(f->path, "SELECT count(*) FROM items_fts"
	                           " WHERE items_fts MATCH '\"delayed\"'",
	                           NULL, 0), 1);
}

static void
refuses_newer_schema(void **state)
{
	struct fixture *f = *state;

	sql_exec(f->path, "CREATE TABLE t (x); PRAGMA user_version = 99;");
	assert_int_equal(store_open(f->path, &f->s, &f->err), NF_ERR_DB);
	assert_null(f->s);
	assert_non_null(strstr(f->err.msg, "newer"));
}

static void
refuses_a_non_database(void **state)
{
	struct fixture *f = *state;
	FILE *fp = fopen(f->path, "w");

	assert_non_null(fp);
	fputs("feed https://example.org/not-a-database.rss\n"
	      "This file is a dotfile, not SQLite, and is long enough to have"
	      " a header that SQLite will read and reject.\n", fp);
	fclose(fp);
	assert_int_equal(store_open(f->path, &f->s, &f->err), NF_ERR_DB);
	assert_null(f->s);
	assert_non_null(strstr(f->err.msg, f->path));
}

/* --- feed updates ------------------------------------------------------ */

static void
refresh_keeps_read_flags_and_takes_new_text(void **state)
{
	struct fixture *f = *state;
	int64_t id, rowid;
	struct nf_feed *feed;
	struct loaded l;
	const struct nf_item *it;

	open_store(f);
	id = ensure(f, "https://example.org/valley.rss", NULL);
	feed = make_feed("Valley Courier");
	add(feed, make_item("v-1", NULL, "Bridge reopens after repairs",
	                    "The old text.", 1700000100));
	add(feed, make_item("v-2", NULL, "Library extends hours", "Text.", 1700000200));
	assert_int_equal(update(f, id, feed, 0, 0), 2);

	l = load(f, id, STORE_LOAD_FULL);
	it = find_title(&l, "Bridge reopens after repairs");
	assert_non_null(it);
	rowid = it->rowid;
	loaded_free(&l);
	assert_int_equal(store_mark_read(f->s, &rowid, 1, 1, &f->err), NF_OK);

	feed = make_feed("Valley Courier");
	add(feed, make_item("v-1", NULL, "Bridge reopens after repairs",
	                    "The corrected text.", 1700000100));
	add(feed, make_item("v-2", NULL, "Library extends hours", "Text.", 1700000200));
	add(feed, make_item("v-3", NULL, "Orchard fair draws crowds", "Text.", 1700000300));
	assert_int_equal(update(f, id, feed, 0, 0), 1);

	open_store(f);		/* what a later run sees */
	l = load(f, id, STORE_LOAD_FULL);
	assert_int_equal(l.n, 3);
	it = find_title(&l, "Bridge reopens after repairs");
	assert_int_equal(it->rowid, rowid);
	assert_int_equal(it->read, 1);
	assert_string_equal(it->content, "The corrected text.");
	assert_int_equal(find_title(&l, "Library extends hours")->read, 0);
	assert_string_equal(it->source, "Valley Courier");
	loaded_free(&l);
}

/* Which items count as the same one. Each case stores "first" and then
 * "second" in one feed and says whether the second is new. */
struct key_case {
	const char *name;
	const char *guid1, *link1, *title1, *content1;
	const char *guid2, *link2, *title2, *content2;
	int second_is_new;
};

static const struct key_case key_cases[] = {
	{ "same guid, new link and title",
	  "k-1", "https://example.org/a", "Dam levels rise", "x",
	  "k-1", "https://example.org/b", "Dam levels rise again", "y", 0 },
	{ "different guid, same link",
	  "k-1", "https://example.org/a", "Dam levels rise", "x",
	  "k-2", "https://example.org/a", "Dam levels rise", "x", 1 },
	{ "no guid, same link",
	  NULL, "https://example.org/a", "Dam levels rise", "x",
	  NULL, "https://example.org/a", "Dam levels rise (updated)", "z", 0 },
	{ "no guid, other link",
	  NULL, "https://example.org/a", "Dam levels rise", "x",
	  NULL, "https://example.org/b", "Dam levels rise", "x", 1 },
	{ "empty guid falls back to link",
	  "", "https://example.org/a", "Dam levels rise", "x",
	  NULL, "https://example.org/a", "Dam levels rise", "x", 0 },
	{ "neither, same title and text",
	  NULL, NULL, "Night market returns", "Stalls open at six.",
	  NULL, NULL, "Night market returns", "Stalls open at six.", 0 },
	{ "neither, text differs",
	  NULL, NULL, "Night market returns", "Stalls open at six.",
	  NULL, NULL, "Night market returns", "Stalls open at seven.", 1 },
	{ "neither, Japanese title",
	  NULL, NULL, "港の花火大会、今夏は二日間", "本文",
	  NULL, NULL, "港の花火大会、今夏は二日間", "本文", 0 },
	{ "guid equal to another item's link",
	  NULL, "https://example.org/a", "Dam levels rise", "x",
	  "https://example.org/a", NULL, "Dam levels rise", "x", 1 },
};

static void
items_keyed_by_guid_link_or_hash(void **state)
{
	struct fixture *f = *state;
	size_t i;

	open_store(f);
	for (i = 0; i < sizeof(key_cases) / sizeof(key_cases[0]); i++) {
		const struct key_case *c = &key_cases[i];
		char url[64];
		struct nf_feed *feed;
		int64_t id;
		size_t added;

		snprintf(url, sizeof(url), "https://example.org/keys/%zu", i);
		id = ensure(f, url, NULL);
		feed = make_feed("Keys");
		add(feed, make_item(c->guid1, c->link1, c->title1, c->content1, 1));
		update(f, id, feed, 0, 0);
		feed = make_feed("Keys");
		add(feed, make_item(c->guid2, c->link2, c->title2, c->content2, 1));
		added = update(f, id, feed, 0, 0);
		if ((int)added != c->second_is_new) {
			fail_msg("case \"%s\": %zu new, want %d", c->name, added,
			         c->second_is_new);
		}
	}
}

/*
 * A site's address on every item, as a property: generated documents of
 * 1 to 40 items whose GUIDs and links come from small pools (none, "",
 * "1", the front page, "#", an item's own) and whose titles repeat now
 * and then. Every title of a document is stored (nothing is lost to an
 * address the items share), and storing the document again adds nothing.
 */
static void
shared_addresses_lose_no_item(void **state)
{
	static const char *const guids[] = { NULL, "", "1", NULL };
	static const char *const links[] = { NULL, "", "https://example.org/",
	                                     "#", NULL, NULL };
	struct fixture *f = *state;
	uint32_t seed = 7;
	int round;

	open_store(f);
	for (round = 0; round < 60; round++) {
		struct nf_feed *feed = make_feed("Site"), *again = make_feed("Site");
		size_t n, i;
		int present[40] = { 0 };	/* bit 1: text "x", bit 2: "y" */
		char url[64], own[64], title[64];
		const char *text;
		struct loaded l;
		int64_t id;

		snprintf(url, sizeof(url), "https://example.org/site/%d", round);
		id = ensure(f, url, NULL);
		seed = seed * 1103515245u + 12345u;
		n = 1 + (seed >> 8) % 40;
		for (i = 0; i < n; i++) {
			const char *g, *k;
			size_t t;

			seed = seed * 1103515245u + 12345u;
			g = guids[(seed >> 8) % 4];
			k = links[(seed >> 12) % 6];
			/* one title in four repeats one before it, as an
			 * item told twice */
			t = i > 0 && (seed >> 16) % 4 == 0 ? (seed >> 18) % i : i;
			/* a repeated title has another text now and then: a
			 * daily notice under one headline */
			text = t != i && (seed >> 24) % 2 == 0 ? "y" : "x";
			present[t] |= text[0] == 'x' ? 1 : 2;
			snprintf(own, sizeof(own), "https://example.org/item/%zu", t);
			snprintf(title, sizeof(title), "Harbour notice number %zu", t);
			add(feed, make_item(g, k != NULL ? k : own, title, text, 1));
			add(again, make_item(g, k != NULL ? k : own, title, text, 1));
		}
		update(f, id, feed, 0, 0);
		l = load(f, id, STORE_LOAD_LIST);
		for (i = 0; i < n; i++) {
			size_t want = (size_t)(present[i] & 1) + (size_t)(present[i] >> 1);
			size_t got = 0, k;

			snprintf(title, sizeof(title), "Harbour notice number %zu", i);
			for (k = 0; k < l.n; k++) {
				got += strcmp(nf_str(l.items[k]->title), title) == 0;
			}
			if (got < want) {
				fail_msg("round %d: \"%s\" of %zu items: %zu stored, want %zu",
				         round, title, n, got, want);
			}
		}
		loaded_free(&l);
		if (update(f, id, again, 0, 0) != 0) {
			fail_msg("round %d: the same %zu items again add some", round, n);
		}
	}
}

static void
same_guid_in_two_feeds_is_two_items(void **state)
{
	struct fixture *f = *state;
	int64_t a, b;
	struct nf_feed *feed;
	struct loaded l;

	open_store(f);
	a = ensure(f, "https://example.org/wire-a.rss", "Wire A");
	b = ensure(f, "https://example.org/wire-b.rss", "Wire B");
	feed = make_feed("A");
	add(feed, make_item("story-1", NULL, "Rail strike ends", "x", 1));
	assert_int_equal(update(f, a, feed, 0, 0), 1);
	feed = make_feed("B");
	add(feed, make_item("story-1", NULL, "Rail strike ends", "x", 1));
	assert_int_equal(update(f, b, feed, 0, 0), 1);
	l = load(f, 0, STORE_LOAD_LIST);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->source, "Wire A");
	assert_string_equal(l.items[1]->source, "Wire B");
	/* a listing leaves the content out but knows its length, so the
	 * longest copy can still lead a story */
	assert_null(l.items[1]->content);
	assert_int_equal(item_text_length(l.items[1]), 1);
	loaded_free(&l);
}

/* Stores ten items t-0..t-9, published in that order, then one update
 * that lists only "t-new"; returns the feed id. Items t-0, t-2, t-4 are
 * read. */
static int64_t
prune_setup(struct fixture *f, int max_items, int prune_unread)
{
	struct nf_feed *feed = make_feed("Tide Tables");
	int64_t id, rowids[3];
	struct loaded l;
	char guid[16];
	size_t i;

	open_store(f);
	id = ensure(f, "https://example.org/tides.rss", NULL);
	for (i = 0; i < 10; i++) {
		snprintf(guid, sizeof(guid), "t-%zu", i);
		add(feed, make_item(guid, NULL, guid, "x", 1700000000 + (int64_t)i));
	}
	update(f, id, feed, 0, 0);
	l = load(f, id, STORE_LOAD_LIST);
	assert_int_equal(l.n, 10);
	for (i = 0; i < 3; i++) {
		rowids[i] = find_title(&l, (const char *[]){ "t-0", "t-2", "t-4" }[i])->rowid;
	}
	loaded_free(&l);
	assert_int_equal(store_mark_read(f->s, rowids, 3, 1, &f->err), NF_OK);
	feed = make_feed("Tide Tables");
	add(feed, make_item("t-new", NULL, "t-new", "x", 1600000000));
	update(f, id, feed, max_items, prune_unread);
	return id;
}

static void
assert_titles(struct fixture *f, int64_t id, const char *want)
{
	char got[256] = "";
	struct loaded l = load(f, id, STORE_LOAD_LIST);
	size_t i;

	for (i = 0; i < l.n; i++) {
		strncat(got, l.items[i]->title, sizeof(got) - strlen(got) - 2);
		strncat(got, " ", sizeof(got) - strlen(got) - 1);
	}
	loaded_free(&l);
	assert_string_equal(got, want);
}

static void
prune_keeps_unread(void **state)
{
	struct fixture *f = *state;
	int64_t id = prune_setup(f, 8, 0);

	/* 11 stored, 8 allowed: only read ones go, oldest first. t-new is
	 * the oldest by date but this update lists it, so it stays. */
	assert_titles(f, id, "t-new t-1 t-3 t-5 t-6 t-7 t-8 t-9 ");
}

static void
prune_keeps_unread_past_the_limit(void **state)
{
	struct fixture *f = *state;
	int64_t id = prune_setup(f, 2, 0);

	assert_titles(f, id, "t-new t-1 t-3 t-5 t-6 t-7 t-8 t-9 ");
}

static void
prune_unread_too(void **state)
{
	struct fixture *f = *state;
	int64_t id = prune_setup(f, 4, 1);

	assert_titles(f, id, "t-new t-7 t-8 t-9 ");
}

static void
no_prune_without_limit(void **state)
{
	struct fixture *f = *state;
	int64_t id = prune_setup(f, 0, 1);
	struct loaded l = load(f, id, STORE_LOAD_LIST);

	assert_int_equal(l.n, 11);
	loaded_free(&l);
}

/* ---- max-items bounds the store ----------------------------------------- */

#define DAY 86400
#define KEEP_UNREAD (90 * DAY)

/* One fetch of a feed that invents new GUIDs every time: n items named
 * churn-ROUND-I, published age_days ago (negative: in the future). */
static struct nf_feed *
churn_feed(int round, int n, int age_days)
{
	struct nf_feed *feed = make_feed("Churn Daily");
	int64_t when = (int64_t)time(NULL) - (int64_t)age_days * DAY;
	char guid[32];
	int i;

	for (i = 0; i < n; i++) {
		snprintf(guid, sizeof(guid), "churn-%d-%d", round, i);
		add(feed, make_item(guid, NULL, guid, "x", when - i));
	}
	return feed;
}

static size_t
update_keep(struct fixture *f, int64_t feed_id, struct nf_feed *feed,
            int max, int prune_unread, int64_t keep_unread)
{
	const struct store_keep keep = { .max_items = max,
		.prune_unread = prune_unread, .keep_unread = keep_unread };
	size_t added = 99;

	if (store_feed_update(f->s, feed_id, feed, &keep, &added,
	                      &f->err) != NF_OK) {
		fail_msg("store_feed_update: %s", f->err.msg);
	}
	feed_free(feed);
	return added;
}

static long long
item_count(struct fixture *f, const char *where)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM items%s%s",
	         where[0] != '\0' ? " WHERE " : "", where);
	return sql_value(f->path, sql, NULL, 0);
}

struct churn_case {
	const char *name;
	int prune_unread;
	int64_t keep_unread;	/* seconds; 0 = forever */
	int age_days;		/* of the items, at their publication */
	int read;		/* each fetch's items are read before the next */
	int first_seen_days;	/* the stored rows first seen this long ago */
	long long rows;		/* after four fetches of 200, max-items 100 */
};

static const struct churn_case churn_cases[] = {
	/* The attack: four fetches of 200 new GUIDs, dated a year ago. */
	{ "churn_old_unread_pruned_to_the_latest_fetch", 0, KEEP_UNREAD, 365,
	  0, 0, 200 },
	{ "churn_read_pruned_past_max_items", 0, KEEP_UNREAD, 1, 1, 0, 200 },
	{ "churn_prune_unread_yes", 1, KEEP_UNREAD, 1, 0, 0, 200 },
	/* Unread and younger than keep-unread: kept past the limit. */
	{ "churn_recent_unread_kept", 0, KEEP_UNREAD, 1, 0, 0, 800 },
	/* A date in the future does not keep an item young: its age counts
	 * from when it was first stored when that is earlier. */
	{ "churn_future_dates_age_from_first_seen", 0, KEEP_UNREAD, -3650, 0,
	  100, 200 },
	{ "churn_future_dates_recently_seen_kept", 0, KEEP_UNREAD, -3650, 0, 0,
	  800 },
	/* keep-unread 0: unread items are kept forever (as before). */
	{ "churn_keep_unread_forever", 0, 0, 365, 0, 0, 800 },
};

static void
churn_is_bounded(void **state)
{
	const struct churn_case *c = *state;
	struct fixture f = { .s = NULL };
	char sql[128];
	int64_t id;
	int round;

	assert_int_equal(testdir_make(f.dir, sizeof(f.dir), "nf-churn"), 0);
	snprintf(f.path, sizeof(f.path), "%s/news.db", f.dir);
	open_store(&f);
	id = ensure(&f, "https://example.org/churn.rss", NULL);
	for (round = 0; round < 4; round++) {
		update_keep(&f, id, churn_feed(round, 200, c->age_days), 100,
		            c->prune_unread, c->keep_unread);
		if (c->read) {
			assert_int_equal(store_mark_all_read(f.s, id, &f.err), NF_OK);
		}
		if (c->first_seen_days > 0) {
			snprintf(sql, sizeof(sql), "UPDATE items SET first_seen ="
			         " first_seen - %d", c->first_seen_days * DAY);
			sql_exec(f.path, sql);
		}
	}
	assert_int_equal(item_count(&f, ""), c->rows);
	/* The latest fetch is never pruned: it would come back as new. */
	assert_int_equal(item_count(&f, "guid LIKE 'churn-3-%'"), 200);
	store_close(f.s);
	testdir_remove(f.dir);
}

/* A feed with neither a dotfile title nor one of its own is named by its
 * URL, on the Feeds screen and as each item's source: never with the
 * password in it. The URL itself stays whole, for fetching. */
static void
feed_named_by_url_hides_its_password(void **state)
{
	static const char url[] = "https://alice:s3cret@example.org/private.rss";
	static const char shown[] = "https://alice:***@example.org/private.rss";
	struct fixture *f = *state;
	struct store_feed_info *feeds;
	struct loaded l;
	size_t n;
	int64_t id;
	struct nf_feed *feed = make_feed(NULL);

	open_store(f);
	id = ensure(f, url, NULL);
	add(feed, make_item("p-1", NULL, "Members' bulletin", "x", 1));
	update(f, id, feed, 0, 0);
	assert_int_equal(store_feed_list(f->s, &feeds, &n, &f->err), NF_OK);
	assert_int_equal(n, 1);
	assert_string_equal(feeds[0].url, url);
	assert_string_equal(feeds[0].title, shown);
	store_feed_list_free(feeds, n);
	l = load(f, id, STORE_LOAD_LIST);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->source, shown);
	loaded_free(&l);
}

/* --- read flags, metadata, listings ------------------------------------ */

static void
mark_read_in_bulk(void **state)
{
	struct fixture *f = *state;
	struct nf_feed *feed;
	int64_t a, b, rowids[4];
	struct store_feed_info *feeds;
	struct loaded l;
	size_t n, i;

	open_store(f);
	a = ensure(f, "https://example.org/a.rss", "A");
	b = ensure(f, "https://example.org/b.rss", "B");
	feed = make_feed("A");
	add(feed, make_item("a-1", NULL, "a-1", "x", 1));
	add(feed, make_item("a-2", NULL, "a-2", "x", 2));
	add(feed, make_item("a-3", NULL, "a-3", "x", 3));
	update(f, a, feed, 0, 0);
	feed = make_feed("B");
	add(feed, make_item("b-1", NULL, "b-1", "x", 1));
	add(feed, make_item("b-2", NULL, "b-2", "x", 2));
	update(f, b, feed, 0, 0);

	l = load(f, 0, STORE_LOAD_LIST);
	assert_int_equal(l.n, 5);
	rowids[0] = find_title(&l, "a-1")->rowid;
	rowids[1] = find_title(&l, "a-3")->rowid;
	rowids[2] = find_title(&l, "b-2")->rowid;
	rowids[3] = 999999;	/* gone since: skipped */
	loaded_free(&l);
	assert_int_equal(store_mark_read(f->s, rowids, 4, 1, &f->err), NF_OK);
	assert_int_equal(store_feed_list(f->s, &feeds, &n, &f->err), NF_OK);
	assert_int_equal(n, 2);
	assert_int_equal(feeds[0].nunread, 1);
	assert_int_equal(feeds[1].nunread, 1);
	store_feed_list_free(feeds, n);

	assert_int_equal(store_mark_read(f->s, rowids, 1, 0, &f->err), NF_OK);
	l = load(f, a, STORE_LOAD_LIST);
	assert_int_equal(find_title(&l, "a-1")->read, 0);
	assert_int_equal(find_title(&l, "a-3")->read, 1);
	loaded_free(&l);

	assert_int_equal(store_mark_all_read(f->s, a, &f->err), NF_OK);
	l = load(f, 0, STORE_LOAD_LIST);
	for (i = 0; i < l.n; i++) {
		assert_int_equal(l.items[i]->read,
		                 l.items[i]->feed_id == a ||
		                 strcmp(l.items[i]->title, "b-2") == 0);
	}
	loaded_free(&l);
	assert_int_equal(store_mark_all_read(f->s, 0, &f->err), NF_OK);
	assert_int_equal(store_feed_list(f->s, &feeds, &n, &f->err), NF_OK);
	assert_int_equal(feeds[0].nunread + feeds[1].nunread, 0);
	assert_int_equal(feeds[0].nitems + feeds[1].nitems, 5);
	store_feed_list_free(feeds, n);
}

static void
fetch_metadata_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store_feed_meta in = {
		.etag = "W/\"5e1-abc\"",
		.last_modified = "Tue, 17 Oct 2023 08:00:00 GMT",
		.last_fetch = 1697529600,
		.last_error = "timeout after 30 s",
		.feed_title = "海辺新聞",
	};
	struct store_feed_meta out;
	struct store_feed_info *feeds;
	size_t n;
	int64_t id;

	open_store(f);
	id = ensure(f, "https://example.org/umibe.xml", NULL);
	assert_int_equal(store_feed_meta_get(f->s, id, &out, &f->err), NF_OK);
	assert_null(out.etag);
	assert_true(out.last_fetch == NF_NO_DATE);
	store_feed_meta_clear(&out);

	assert_int_equal(store_feed_meta_set(f->s, id, &in, &f->err), NF_OK);
	open_store(f);
	assert_int_equal(store_feed_meta_get(f->s, id, &out, &f->err), NF_OK);
	assert_string_equal(out.etag, in.etag);
	assert_string_equal(out.last_modified, in.last_modified);
	assert_true(out.last_fetch == in.last_fetch);
	assert_string_equal(out.last_error, in.last_error);
	assert_string_equal(out.feed_title, in.feed_title);
	store_feed_meta_clear(&out);

	/* The feed list shows the feed's own title and the error. */
	assert_int_equal(store_feed_list(f->s, &feeds, &n, &f->err), NF_OK);
	assert_int_equal(n, 1);
	assert_string_equal(feeds[0].title, "海辺新聞");
	assert_string_equal(feeds[0].last_error, "timeout after 30 s");
	assert_true(feeds[0].last_fetch == 1697529600);
	store_feed_list_free(feeds, n);

	in.last_error = NULL;
	assert_int_equal(store_feed_meta_set(f->s, id, &in, &f->err), NF_OK);
	assert_int_equal(store_feed_meta_get(f->s, id, &out, &f->err), NF_OK);
	assert_null(out.last_error);
	store_feed_meta_clear(&out);

	assert_int_equal(store_feed_meta_set(f->s, id + 7, &in, &f->err),
	                 NF_ERR_DB);
	assert_int_equal(store_feed_meta_get(f->s, id + 7, &out, &f->err),
	                 NF_ERR_DB);
}

static void
dotfile_title_wins_and_can_change(void **state)
{
	struct fixture *f = *state;
	struct store_feed_info *feeds;
	struct nf_feed *feed;
	size_t n;
	int64_t id, again;

	open_store(f);
	id = ensure(f, "https://example.org/hills.rss", NULL);
	feed = make_feed("Hill Country Herald");
	add(feed, make_item("h-1", NULL, "Snow closes the pass", "x", 1));
	update(f, id, feed, 0, 0);
	assert_int_equal(store_feed_list(f->s, &feeds, &n, &f->err), NF_OK);
	assert_string_equal(feeds[0].title, "Hill Country Herald");
	store_feed_list_free(feeds, n);

	again = ensure(f, "https://example.org/hills.rss", "Hills");
	assert_true(again == id);
	assert_int_equal(store_feed_list(f->s, &feeds, &n, &f->err), NF_OK);
	assert_int_equal(n, 1);
	assert_string_equal(feeds[0].title, "Hills");
	assert_int_equal(feeds[0].nitems, 1);
	store_feed_list_free(feeds, n);

	ensure(f, "https://example.org/untitled.rss", NULL);
	assert_int_equal(store_feed_list(f->s, &feeds, &n, &f->err), NF_OK);
	assert_string_equal(feeds[1].title, "https://example.org/untitled.rss");
	assert_true(feeds[1].last_fetch == NF_NO_DATE);
	store_feed_list_free(feeds, n);
}

/* An aggregator item with everything the model can hold. */
static struct nf_item *
rich_item(void)
{
	struct nf_item *it = make_item("agg-1", "https://example.org/agg/1",
	                               "Coastal towns brace for storm",
	                               "Residents stacked sandbags.", 1700000000);
	struct nf_related r = { 0 }, c1 = { 0 }, c2 = { 0 }, plain = { 0 };

	it->updated = 1700003600;
	assert_int_equal(nf_strset(&it->author, "Staff reporter"), 0);
	assert_int_equal(nf_strset(&it->summary, "Storm warning issued."), 0);
	assert_int_equal(nf_strset(&it->outlet, "Coast Wire"), 0);
	it->image = image_new("", "In this photo, waves break over the pier.", NULL);
	assert_int_equal(item_add_enclosure(it, "https://example.org/a.mp3",
	                                    "audio/mpeg", 4096000), 0);
	assert_int_equal(item_add_category(it, "weather"), 0);
	assert_int_equal(item_add_category(it, "天気"), 0);
	nf_strset(&r.title, "Storm nears the coast");
	nf_strset(&r.link, "https://example.net/storm");
	nf_strset(&r.source, "Example Net");
	nf_strset(&c1.title, "Storm nears the coast, say forecasters");
	nf_strset(&c1.link, "https://example.com/storm");
	nf_strset(&c2.title, "Storm nears coast");
	nf_strset(&c2.source, "Example Com");
	assert_int_equal(related_add_copy(&r, &c1), 0);
	assert_int_equal(related_add_copy(&r, &c2), 0);
	assert_int_equal(item_add_related(it, &r), 0);
	nf_strset(&plain.title, "台風情報：沿岸部に警報");
	assert_int_equal(item_add_related(it, &plain), 0);
	return it;
}

static void
assert_rich(const struct nf_item *it, int with_content)
{
	assert_string_equal(it->title, "Coastal towns brace for storm");
	assert_string_equal(it->author, "Staff reporter");
	assert_string_equal(it->summary, "Storm warning issued.");
	assert_string_equal(nf_str(it->outlet), "Coast Wire");	/* the outlet the feed names */
	assert_true(it->published == 1700000000 && it->updated == 1700003600);
	if (with_content) {
		assert_string_equal(it->content, "Residents stacked sandbags.");
	} else {
		assert_null(it->content);
	}
	assert_non_null(it->image);
	assert_string_equal(it->image->url, "");
	assert_string_equal(it->image->caption,
	                    "In this photo, waves break over the pier.");
	assert_null(it->image->credit);
	assert_int_equal(it->nenclosures, 1);
	assert_string_equal(it->enclosures[0].type, "audio/mpeg");
	assert_true(it->enclosures[0].length == 4096000);
	assert_int_equal(it->ncategories, 2);
	assert_string_equal(it->categories[1], "天気");
	assert_int_equal(it->nrelated, 2);
	assert_string_equal(it->related[0].source, "Example Net");
	assert_int_equal(it->related[0].ncopies, 2);
	assert_string_equal(it->related[0].copies[0].link,
	                    "https://example.com/storm");
	assert_null(it->related[0].copies[0].source);
	assert_string_equal(it->related[0].copies[1].source, "Example Com");
	assert_int_equal(it->related[0].copies[1].ncopies, 0);
	assert_string_equal(it->related[1].title, "台風情報：沿岸部に警報");
	assert_null(it->related[1].link);
}

/* A page's listing: the rich item without its author, extras, content
 * (it has a summary) or picture (its caption stays); an item without a summary carries its content's start, and
 * both know their content's whole length. */
static void
page_listing_is_what_a_page_prints(void **state)
{
	struct fixture *f = *state;
	struct nf_feed *feed;
	struct loaded l;
	char *longtext = malloc(6001);
	int64_t a;

	assert_non_null(longtext);
	memset(longtext, 'w', 6000);
	longtext[6000] = '\0';
	open_store(f);
	a = ensure(f, "https://example.org/page.rss", "Page");
	feed = make_feed("Page");
	add(feed, rich_item());
	add(feed, make_item("bare", NULL, "No summary", longtext, 1));
	update(f, a, feed, 0, 0);
	l = load(f, a, STORE_LOAD_PAGE);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->summary, "Storm warning issued.");
	assert_null(l.items[0]->content);
	assert_int_equal(item_text_length(l.items[0]), 27);
	assert_string_equal(l.items[0]->image->caption,
	                    "In this photo, waves break over the pier.");
	assert_null(l.items[0]->image->url);
	assert_null(l.items[0]->author);
	assert_int_equal(l.items[0]->nenclosures, 0);
	assert_int_equal(l.items[0]->ncategories, 0);
	assert_int_equal(l.items[0]->nrelated, 0);
	assert_null(l.items[1]->summary);
	assert_int_equal(strlen(l.items[1]->content), 4000);
	assert_int_equal(item_text_length(l.items[1]), 6000);
	loaded_free(&l);
	free(longtext);
}

static void
load_keeps_related_and_image(void **state)
{
	struct fixture *f = *state;
	struct nf_feed *feed;
	struct nf_item *one;
	struct loaded l;
	int64_t a, b;

	open_store(f);
	a = ensure(f, "https://example.org/agg.rss", "Aggregator");
	b = ensure(f, "https://example.org/plain.rss", NULL);
	feed = make_feed("Plain Feed");
	add(feed, make_item("p-1", NULL, "Plain one", NULL, NF_NO_DATE));
	add(feed, make_item("p-2", NULL, "Plain two", NULL, NF_NO_DATE));
	update(f, b, feed, 0, 0);
	feed = make_feed("Aggregator's own title");
	add(feed, rich_item());
	update(f, a, feed, 0, 0);

	open_store(f);
	l = load(f, 0, STORE_LOAD_FULL);
	assert_int_equal(l.n, 3);
	/* Feeds in the order added, each in its feed's order. */
	assert_true(l.items[0]->feed_id == a);
	assert_rich(l.items[0], 1);
	assert_string_equal(l.items[0]->source, "Aggregator");
	assert_string_equal(l.items[1]->title, "Plain one");
	assert_string_equal(l.items[2]->title, "Plain two");
	assert_string_equal(l.items[2]->source, "Plain Feed");
	assert_null(l.items[2]->image);
	assert_null(l.items[2]->content);
	assert_true(l.items[2]->published == NF_NO_DATE);
	assert_int_equal(l.items[2]->nrelated, 0);

	assert_int_equal(store_item_load(f->s, l.items[0]->rowid, &one, &f->err),
	                 NF_OK);
	assert_rich(one, 1);
	item_free(one);
	assert_int_equal(store_item_load(f->s, 424242, &one, &f->err), NF_ERR_DB);
	assert_null(one);
	loaded_free(&l);

	l = load(f, a, STORE_LOAD_LIST);
	assert_int_equal(l.n, 1);
	assert_rich(l.items[0], 0);
	loaded_free(&l);
}

/* A feed dropped from the dotfile is never deleted: while it is out of
 * the dotfile nobody ensures it, and when its line comes back the same
 * feed id finds its items and their read flags, even across a reopen. */
static void
dropped_feed_keeps_its_items(void **state)
{
	struct fixture *f = *state;
	struct store_feed_info *feeds;
	struct nf_feed *feed;
	struct loaded l;
	int64_t a, b, rowid;
	size_t n;

	open_store(f);
	a = ensure(f, "https://example.org/old.rss", "Old");
	b = ensure(f, "https://example.org/kept.rss", "Kept");
	feed = make_feed("Old");
	add(feed, make_item("o-1", NULL, "Old news", "x", 1));
	add(feed, make_item("o-2", NULL, "Older news", "x", 0));
	update(f, a, feed, 0, 0);
	feed = make_feed("Kept");
	add(feed, make_item("k-1", NULL, "Kept news", "x", 1));
	update(f, b, feed, 0, 0);
	l = load(f, a, STORE_LOAD_LIST);
	assert_int_equal(l.n, 2);
	rowid = find_title(&l, "Old news")->rowid;
	loaded_free(&l);
	assert_int_equal(store_mark_read(f->s, &rowid, 1, 1, &f->err), NF_OK);

	/* A run whose dotfile lists only Kept. */
	open_store(f);
	assert_true(ensure(f, "https://example.org/kept.rss", "Kept") == b);
	assert_int_equal(store_feed_list(f->s, &feeds, &n, &f->err), NF_OK);
	assert_int_equal(n, 2);
	store_feed_list_free(feeds, n);

	/* The line comes back. */
	open_store(f);
	assert_true(ensure(f, "https://example.org/old.rss", "Old") == a);
	l = load(f, a, STORE_LOAD_LIST);
	assert_int_equal(l.n, 2);
	assert_true(find_title(&l, "Old news")->read);
	assert_false(find_title(&l, "Older news")->read);
	loaded_free(&l);
	assert_int_equal(sql_value(f->path, "SELECT count(*) FROM items", NULL, 0),
	                 3);
}

static void
update_of_unknown_feed_fails_whole(void **state)
{
	struct fixture *f = *state;
	struct nf_feed *feed = make_feed("Nowhere");
	struct loaded l;

	open_store(f);
	add(feed, make_item("n-1", NULL, "Lost item", "x", 1));
	assert_int_equal(store_feed_update(f->s, 77, feed, NULL, NULL, &f->err),
	                 NF_ERR_DB);
	feed_free(feed);
	l = load(f, 0, STORE_LOAD_LIST);
	assert_int_equal(l.n, 0);
	loaded_free(&l);
}

/* --- batches ------------------------------------------------------------ */

/* Three feed updates in one batch; the second one named by fail_at (1-3,
 * 0 = none) goes to a feed that does not exist, so its write fails. */
struct batch_case {
	const char *name;
	int fail_at;
	size_t stored;		/* items in the store after the commit */
	enum nf_status commit;
};

static const struct batch_case batch_cases[] = {
	{ "batch_commits_every_update", 0, 4, NF_OK },
	{ "batch_failed_write_takes_the_batch_back", 2, 1, NF_ERR_DB },
	{ "batch_failed_last_write_takes_the_batch_back", 3, 1, NF_ERR_DB },
};

static void
batch_keeps_or_loses_whole(void **state)
{
	struct fixture *f = *state;
	const struct batch_case *c = f->arg;
	struct nf_feed *feed;
	struct loaded l;
	char guid[16];
	int64_t id;
	int i;

	open_store(f);
	id = ensure(f, "https://example.org/feed", NULL);
	feed = make_feed("Before");
	add(feed, make_item("b-0", NULL, "Stored before the batch", "x", 1));
	update(f, id, feed, 0, 0);
	assert_int_equal(store_batch_begin(f->s, &f->err), NF_OK);
	assert_int_equal(store_in_batch(f->s), 1);
	/* no write lock before the batch's first write */
	sql_exec(f->path, "UPDATE feeds SET title = title");
	for (i = 1; i <= 3; i++) {
		enum nf_status st;

		snprintf(guid, sizeof(guid), "b-%d", i);
		feed = make_feed("Batch");
		add(feed, make_item(guid, NULL, guid, "x", 1));
		st = store_feed_update(f->s, i == c->fail_at ? 77 : id, feed,
		                       NULL, NULL, &f->err);
		feed_free(feed);
		assert_int_equal(st, i < c->fail_at || c->fail_at == 0 ?
		                 NF_OK : NF_ERR_DB);
	}
	/* nothing of the batch is seen from outside before the commit */
	assert_int_equal(sql_value(f->path, "SELECT count(*) FROM items",
	                           NULL, 0), 1);
	assert_int_equal(store_batch_commit(f->s, &f->err), c->commit);
	assert_int_equal(store_in_batch(f->s), 0);
	l = load(f, 0, STORE_LOAD_LIST);
	assert_int_equal(l.n, c->stored);
	loaded_free(&l);
	/* the store writes on its own again */
	feed = make_feed("After");
	add(feed, make_item("b-9", NULL, "After the batch", "x", 1));
	assert_int_equal(update(f, id, feed, 0, 0), 1);
}

/* --- kill -9 mid-write ------------------------------------------------- */

#define KILL_RUNS 5
#define ROUND_ITEMS 60
#define ROUND_BASE 1000		/* run r writes rounds r*1000, r*1000+1, ... */
#define MAX_ROUNDS (KILL_RUNS * ROUND_BASE)

struct report {
	int kind;		/* 'U' the round's update committed, 'M' its marks */
	int round;
};

static void
child_report(int fd, int kind, int round)
{
	struct report r = { kind, round };

	/* Under PIPE_BUF: the record arrives whole or not at all. */
	if (write(fd, &r, sizeof(r)) != (ssize_t)sizeof(r)) {
		_exit(5);
	}
}

static int
child_round(struct store *s, int round, int fd)
{
	static const char body[] = "The council met late into the night to"
		" discuss the harbour wall, the ferry timetable and the new"
		" library wing; residents queued outside to speak. ";
	struct nf_error err;
	struct nf_feed *feed = feed_new();
	int64_t id, rowids[ROUND_ITEMS];
	struct nf_item **items;
	char url[64], guid[32];
	size_t n, i, k = 0;

	snprintf(url, sizeof(url), "https://example.org/wire/%d", round);
	if (feed == NULL || store_feed_ensure(s, url, NULL, &id, &err) != NF_OK) {
		return -1;
	}
	nf_strset(&feed->title, "Wire");
	for (i = 0; i < ROUND_ITEMS; i++) {
		struct nf_item *it = item_new();

		snprintf(guid, sizeof(guid), "r%d-%zu", round, i);
		nf_strset(&it->id, guid);
		nf_strset(&it->title, guid);
		nf_strset(&it->content, body);
		feed_add_item(feed, it);
	}
	if (store_feed_update(s, id, feed, NULL, NULL, &err) != NF_OK) {
		return -1;
	}
	feed_free(feed);
	child_report(fd, 'U', round);
	if (store_items_load(s, id, STORE_LOAD_LIST, &items, &n, &err) != NF_OK) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (i % 2 == 0) {
			rowids[k++] = items[i]->rowid;
		}
	}
	store_items_free(items, n);
	if (store_mark_read(s, rowids, k, 1, &err) != NF_OK) {
		return -1;
	}
	child_report(fd, 'M', round);
	return 0;
}

static void
child_writer(const char *path, int base, int fd)
{
	struct nf_error err;
	struct store *s;
	int round;

	if (store_open(path, &s, &err) != NF_OK) {
		_exit(3);
	}
	for (round = base; round < base + ROUND_BASE; round++) {
		if (child_round(s, round, fd) != 0) {
			_exit(4);
		}
	}
	_exit(0);	/* not reached in time: the parent kills first */
}

static int
record_report(const struct report *r, unsigned char *state)
{
	assert_true(r->round >= 0 && r->round < MAX_ROUNDS);
	state[r->round] = r->kind == 'U' ? 1 : 2;
	return 1;
}

/* Kills one writer after delay_ms; records what it reported in state[]
 * (1 update committed, 2 marks committed too). Returns the reports. */
static int
kill_one_writer(const char *path, int run, long delay_ms, unsigned char *state)
{
	struct timespec ts = { delay_ms / 1000, (delay_ms % 1000) * 1000000L };
	struct report r;
	int fds[2], status, reports = 0;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		child_writer(path, run * ROUND_BASE, fds[1]);
	}
	close(fds[1]);
	/* Wait for the first commit, so that the kill lands in the writing
	 * loop however slow the machine is, not in start-up. */
	if (read(fds[0], &r, sizeof(r)) == (ssize_t)sizeof(r)) {
		reports += record_report(&r, state);
	}
	nanosleep(&ts, NULL);
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFSIGNALED(status)) {
		fail_msg("run %d: writer exited with %d before the kill", run,
		         WEXITSTATUS(status));
	}
	while (read(fds[0], &r, sizeof(r)) == (ssize_t)sizeof(r)) {
		reports += record_report(&r, state);
	}
	close(fds[0]);
	return reports;
}

/* Every reported round is there with its flags; an unreported one is all
 * there or not at all (one transaction). */
static void
check_after_kill(struct fixture *f, int run, const unsigned char *state)
{
	struct store_feed_info *feeds;
	char check[64];
	size_t n, i, found = 0, want = 0;

	sql_value(f->path, "PRAGMA integrity_check", check, sizeof(check));
	if (strcmp(check, "ok") != 0) {
		fail_msg("run %d: integrity_check says %s", run, check);
	}
	open_store(f);
	assert_int_equal(store_feed_list(f->s, &feeds, &n, &f->err), NF_OK);
	for (i = 0; i < n; i++) {
		const char *slash = strrchr(feeds[i].url, '/');
		long round = strtol(slash + 1, NULL, 10);
		size_t items = feeds[i].nitems, unread = feeds[i].nunread;

		assert_true(round >= 0 && round < MAX_ROUNDS);
		if (state[round] != 0) {
			found++;
		}
		if (state[round] >= 1 && items != ROUND_ITEMS) {
			fail_msg("run %d: round %ld lost items (%zu)", run, round, items);
		}
		if (state[round] == 2 && unread != ROUND_ITEMS / 2) {
			fail_msg("run %d: round %ld lost flags (%zu unread)", run,
			         round, unread);
		}
		if (items != 0 && items != ROUND_ITEMS) {
			fail_msg("run %d: round %ld half written (%zu)", run, round,
			         items);
		}
		if (unread != items && unread != ROUND_ITEMS / 2) {
			fail_msg("run %d: round %ld half marked", run, round);
		}
	}
	store_feed_list_free(feeds, n);
	store_close(f->s);
	f->s = NULL;
	for (i = 0; i < MAX_ROUNDS; i++) {
		want += state[i] != 0;
	}
	if (found != want) {
		fail_msg("run %d: %zu of %zu reported rounds found", run, found, want);
	}
}

static void
survives_kill_9_mid_write(void **state)
{
	struct fixture *f = *state;
	unsigned char *rounds = calloc(MAX_ROUNDS, 1);
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	int run, reports = 0;

	assert_non_null(rounds);
	srand(seed);
	print_message("kill -9 test: seed %u\n", seed);
	open_store(f);		/* create it before the writers race */
	store_close(f->s);
	f->s = NULL;
	for (run = 0; run < KILL_RUNS; run++) {
		long delay = rand() % 120;

		reports += kill_one_writer(f->path, run, delay, rounds);
		check_after_kill(f, run, rounds);
	}
	print_message("kill -9 test: %d commits reported over %d kills\n",
	              reports, KILL_RUNS);
	assert_true(reports >= KILL_RUNS);	/* else nothing was tested */
	free(rounds);
}


/* --- stories ------------------------------------------------------------ */

/* A story case is a script, one step a line:
 *   add F t1 t2   items titled t1, t2 arrive in feed F (A, B or C)
 *   join t1 t2 | t3   the fold's stories over every feed
 *   read t1 / unread t1   a mark through one copy, as the screens make it
 *   restart       the store closed and opened again
 *   read? t1 t2 / unread? t1   what the store says
 *   joined t1     what the last join marked read ("-" for nothing) */
struct story_case {
	const char *name;
	const char *script;
};

static const struct story_case story_cases[] = {
	{ "reading one copy reads every feed's copy",
	  "add A a1\nadd B b1\nadd C c1\njoin a1 b1 c1\nread b1\n"
	  "read? a1 b1 c1\njoined -" },
	{ "a late copy of a read story is read",
	  "add A a1\nadd B b1\njoin a1 b1\nread a1\nadd C c1\njoin a1 b1 c1\n"
	  "joined c1\nread? a1 b1 c1" },
	{ "a late copy of an unread story is unread",
	  "add A a1\nadd B b1\njoin a1 b1\nadd C c1\njoin a1 b1 c1\n"
	  "joined -\nunread? a1 b1 c1" },
	{ "a story marked unread again takes its late copy unread",
	  "add A a1\nadd B b1\njoin a1 b1\nread a1\nunread b1\nadd C c1\n"
	  "join c1 a1 b1\njoined -\nunread? a1 b1 c1" },
	{ "story state survives a restart",
	  "add A a1\nadd B b1\njoin a1 b1\nread a1\nrestart\nadd C c1\n"
	  "join b1 c1 a1\njoined c1\nread? a1 b1 c1\nrestart\nread? c1" },
	{ "a mark through a story reaches copies not on screen",
	  "add A a1 a2\nadd B b1 b2\njoin a1 b1 | a2 | b2\nrestart\n"
	  "read a1\nread? a1 b1\nunread? a2 b2" },
	{ "two stories folded into one keep their own flags",
	  "add A a1\nadd B b1\njoin a1 | b1\nread a1\njoin a1 b1\njoined -\n"
	  "read? a1\nunread? b1\nadd C c1\njoin a1 b1 c1\njoined -\nunread? c1" },
	{ "a story of new items only is unread",
	  "add A a1\nadd B b1\njoin a1 b1\njoined -\nunread? a1 b1" },
	{ "a late copy of a read story of one copy is read",
	  "add A a1\njoin a1\nread a1\nrestart\nadd B b1\njoin a1 b1\n"
	  "joined b1\nread? a1 b1\nunread b1\nunread? a1 b1" },
	{ "an item no join took is new to the story it joins later",
	  "add A a1\nadd B b1\njoin a1\nread a1\nrestart\njoin a1 b1\n"
	  "joined b1\nread? a1 b1" },
	{ "two stories of two copies folded into one are one story",
	  "add A a1\nadd B b1\nadd C c1\nadd D d1\njoin a1 b1 | c1 d1\n"
	  "join a1 b1 c1 d1\nrestart\nread d1\nread? a1 b1 c1 d1" },
};

static int64_t
story_feed(struct fixture *f, char name)
{
	char url[64];

	snprintf(url, sizeof(url), "https://example.org/%c.rss", name);
	return ensure(f, url, (char[]){ name, '\0' });
}

/* The rowid of the item titled title. */
static int64_t
story_rowid(struct fixture *f, const char *title)
{
	struct loaded l = load(f, 0, STORE_LOAD_LIST);
	const struct nf_item *it = find_title(&l, title);
	int64_t id = it != NULL ? it->rowid : 0;

	loaded_free(&l);
	if (id == 0) {
		fail_msg("no item %s", title);
	}
	return id;
}

static int
story_is_read(struct fixture *f, const char *title)
{
	struct loaded l = load(f, 0, STORE_LOAD_LIST);
	const struct nf_item *it = find_title(&l, title);
	int read = it != NULL ? it->read : -1;

	loaded_free(&l);
	return read;
}

/* Adds to feed F every title after the first word; the feed keeps the
 * items it had (no limit). */
static void
story_add(struct fixture *f, char *args)
{
	char *save = NULL, *t = strtok_r(args, " ", &save);
	int64_t id = story_feed(f, t[0]);
	struct nf_feed *feed = make_feed(t);

	while ((t = strtok_r(NULL, " ", &save)) != NULL) {
		add(feed, make_item(t, NULL, t, "text", 1700000000));
	}
	update(f, id, feed, 0, 0);
}

static void
story_join_step(struct fixture *f, char *args, char *joined, size_t size)
{
	struct store_story stories[8];
	int64_t ids[8][8], *newly;
	size_t ns = 1, i, nread;
	char *save = NULL, *t;

	memset(stories, 0, sizeof(stories));
	stories[0].rowids = ids[0];
	for (t = strtok_r(args, " ", &save); t != NULL;
	     t = strtok_r(NULL, " ", &save)) {
		if (strcmp(t, "|") == 0) {
			stories[ns].rowids = ids[ns];
			ns++;
			continue;
		}
		ids[ns - 1][stories[ns - 1].n++] = story_rowid(f, t);
	}
	if (store_stories_join(f->s, stories, ns, &newly, &nread,
	                       &f->err) != NF_OK) {
		fail_msg("store_stories_join: %s", f->err.msg);
	}
	joined[0] = '\0';
	for (i = 0; i < nread; i++) {
		struct loaded l = load(f, 0, STORE_LOAD_LIST);
		size_t k;

		for (k = 0; k < l.n; k++) {
			if (l.items[k]->rowid == newly[i]) {
				size_t len = strlen(joined);

				snprintf(joined + len, size - len, "%s%s",
				         len > 0 ? " " : "", l.items[k]->title);
			}
		}
		loaded_free(&l);
	}
	if (nread == 0) {
		snprintf(joined, size, "-");
	}
	free(newly);
}

static void
story_mark(struct fixture *f, const char *title, int read)
{
	int64_t id = story_rowid(f, title), *all;
	size_t n;

	if (store_story_rowids(f->s, &id, 1, NULL, 0, &all, &n, &f->err) != NF_OK ||
	    store_mark_read(f->s, all, n, read, &f->err) != NF_OK) {
		fail_msg("marking %s: %s", title, f->err.msg);
	}
	free(all);
}

static void
story_expect(struct fixture *f, const struct story_case *c, char *args,
             int read)
{
	char *save = NULL, *t;

	for (t = strtok_r(args, " ", &save); t != NULL;
	     t = strtok_r(NULL, " ", &save)) {
		if (story_is_read(f, t) != read) {
			fail_msg("%s: %s should be %s", c->name, t,
			         read ? "read" : "unread");
		}
	}
}

static void
story_state_follows_the_story(void **state)
{
	struct fixture *f = *state;
	const struct story_case *c = f->arg;
	char script[1024], joined[256] = "-", *save = NULL, *line;

	open_store(f);
	snprintf(script, sizeof(script), "%s", c->script);
	for (line = strtok_r(script, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		char *sp = strchr(line, ' '), *args = sp != NULL ? sp + 1 : line + strlen(line);

		if (sp != NULL) {
			*sp = '\0';
		}
		if (strcmp(line, "add") == 0) {
			story_add(f, args);
		} else if (strcmp(line, "join") == 0) {
			story_join_step(f, args, joined, sizeof(joined));
		} else if (strcmp(line, "read") == 0 || strcmp(line, "unread") == 0) {
			story_mark(f, args, line[0] == 'r');
		} else if (strcmp(line, "restart") == 0) {
			open_store(f);
		} else if (strcmp(line, "read?") == 0 || strcmp(line, "unread?") == 0) {
			story_expect(f, c, args, line[0] == 'r');
		} else if (strcmp(line, "joined") == 0) {
			if (strcmp(joined, args) != 0) {
				fail_msg("%s: joined \"%s\", want \"%s\"", c->name,
				         joined, args);
			}
		} else {
			fail_msg("%s: bad step %s", c->name, line);
		}
	}
}


static void
feed_unread_lists_a_feed(void **state)
{
	struct fixture *f = *state;
	int64_t *ids, a1;
	size_t n;
	char args[] = "A a1 a2 a3";

	open_store(f);
	story_add(f, args);
	a1 = story_rowid(f, "a1");
	assert_int_equal(store_mark_read(f->s, &a1, 1, 1, &f->err), NF_OK);
	assert_int_equal(store_feed_unread(f->s, story_feed(f, 'A'), &ids, &n,
	                                   &f->err), NF_OK);
	assert_int_equal(n, 2);
	assert_true(ids[0] != a1 && ids[1] != a1);
	free(ids);
}

/* A related entry finds its stored copy by link, else by headline; the
 * copy with the longest text wins. */
static void
item_found_by_link_or_title(void **state)
{
	struct fixture *f = *state;
	int64_t a, b, id;
	struct nf_feed *feed;
	struct loaded l;

	open_store(f);
	a = ensure(f, "https://example.org/a.rss", "A");
	b = ensure(f, "https://example.org/b.rss", "B");
	feed = make_feed("A");
	add(feed, make_item("a1", "https://a.example/1", "Ferry strike ends", "short", 1));
	update(f, a, feed, 0, 0);
	feed = make_feed("B");
	add(feed, make_item("b1", "https://b.example/1", "Ferry strike ends",
	                    "a much longer text about the ferry strike", 1));
	update(f, b, feed, 0, 0);
	id = store_item_find(f->s, "https://a.example/1", NULL);
	l = load(f, a, STORE_LOAD_LIST);
	assert_int_equal(id, l.items[0]->rowid);	/* by link: feed A's */
	loaded_free(&l);
	assert_int_equal(store_item_find(f->s, "https://nowhere.example/", NULL), 0);
	assert_int_equal(store_item_find(f->s, NULL, "No such story"), 0);
	id = store_item_find(f->s, "https://nowhere.example/", "Ferry strike ends");
	l = load(f, b, STORE_LOAD_LIST);
	assert_int_equal(id, l.items[0]->rowid);	/* by title: the longer text */
	loaded_free(&l);
}

#define LOOKUP_INDEXES_SQL "SELECT count(*) FROM sqlite_schema WHERE" \
	" type = 'index' AND name IN ('items_link', 'items_title')"

/* A first refresh drops the look-up indexes inside its batch and makes
 * them after; a store with items keeps them; an open makes them when a
 * refresh left them out. Look-ups find the same items throughout. */
static void
lookup_indexes_made_after_a_first_refresh(void **state)
{
	struct fixture *f = *state;
	struct nf_feed *feed;
	int deferred = -1;
	int64_t a;

	open_store(f);
	a = ensure(f, "https://example.org/a.rss", "A");
	assert_int_equal(store_batch_begin(f->s, &f->err), NF_OK);
	assert_int_equal(store_lookup_defer(f->s, &deferred, &f->err), NF_OK);
	assert_int_equal(deferred, 1);
	feed = make_feed("A");
	add(feed, make_item("a1", "https://a.example/1", "Ferry strike ends", "x", 1));
	update(f, a, feed, 0, 0);
	assert_int_equal(store_batch_commit(f->s, &f->err), NF_OK);
	assert_int_equal(sql_value(f->path, LOOKUP_INDEXES_SQL, NULL, 0), 0);
	assert_true(store_item_find(f->s, NULL, "Ferry strike ends") != 0);
	assert_int_equal(store_lookup_build(f->s, &f->err), NF_OK);
	assert_int_equal(sql_value(f->path, LOOKUP_INDEXES_SQL, NULL, 0), 2);
	assert_true(store_item_find(f->s, "https://a.example/1", NULL) != 0);
	/* items stored: kept */
	assert_int_equal(store_lookup_defer(f->s, &deferred, &f->err), NF_OK);
	assert_int_equal(deferred, 0);
	assert_int_equal(sql_value(f->path, LOOKUP_INDEXES_SQL, NULL, 0), 2);
	/* a refresh killed before it made them: opening writes nothing,
	 * the next refresh makes them */
	store_close(f->s);
	f->s = NULL;
	sql_exec(f->path, "DROP INDEX items_link; DROP INDEX items_title;");
	open_store(f);
	assert_int_equal(sql_value(f->path, LOOKUP_INDEXES_SQL, NULL, 0), 0);
	assert_int_equal(store_lookup_defer(f->s, &deferred, &f->err), NF_OK);
	assert_int_equal(deferred, 0);
	assert_int_equal(sql_value(f->path, LOOKUP_INDEXES_SQL, NULL, 0), 2);
}

/* Story copies can be limited to some feeds: a feed dropped from the
 * dotfile keeps its flags. */
/* Takes a store of this version back to version 9 as it was released:
 * story keys in the items, triggers on every insert, fts_pending a
 * table. */
static const char schema_back_to_v9[] =
	"DROP TRIGGER story_items_delete;"
	"DROP TRIGGER fts_items_delete;"
	"DROP TRIGGER fts_items_update;"
	"DROP VIEW fts_pending;"
	"DROP TABLE fts_mark;"
	"DROP TABLE story_mark;"
	"DROP TABLE item_story;"
	"ALTER TABLE fts_changed RENAME TO fts_pending;"
	"CREATE INDEX items_story ON items (story) WHERE story IS NOT NULL;"
	"CREATE TRIGGER fold_items_insert AFTER INSERT ON items BEGIN"
	" UPDATE fold_state SET gen = gen + 1; END;"
	"CREATE TRIGGER fts_items_insert AFTER INSERT ON items BEGIN"
	" INSERT OR IGNORE INTO fts_pending (id) VALUES (new.id); END;"
	"CREATE TRIGGER fts_items_delete AFTER DELETE ON items BEGIN"
	" INSERT OR IGNORE INTO fts_stale (id, title, summary, content)"
	" SELECT old.id, old.title, old.summary, old.content WHERE NOT EXISTS"
	" (SELECT 1 FROM fts_pending WHERE id = old.id);"
	" DELETE FROM fts_pending WHERE id = old.id; END;"
	"CREATE TRIGGER fts_items_update AFTER UPDATE OF title, summary, content"
	" ON items WHEN old.title IS NOT new.title OR old.summary IS NOT"
	" new.summary OR old.content IS NOT new.content BEGIN"
	" INSERT OR IGNORE INTO fts_stale (id, title, summary, content)"
	" SELECT old.id, old.title, old.summary, old.content WHERE NOT EXISTS"
	" (SELECT 1 FROM fts_pending WHERE id = old.id);"
	" INSERT OR IGNORE INTO fts_pending (id) VALUES (new.id); END;"
	"PRAGMA user_version = 9;"
	/* two feeds; a story of two copies (1, 2) and a read one of one
	 * copy (3), keyed as version 9 keyed them, none indexed yet */
	"INSERT INTO feeds (id, url) VALUES (1, 'https://example.org/a.rss'),"
	" (2, 'https://example.org/b.rss');"
	"INSERT INTO items (id, feed_id, key, title, read, first_seen, seen_seq,"
	" position, story) VALUES"
	" (1, 1, 'g:a1', 'Harbour wall vote', 0, 1700000000, 1, 0, 1),"
	" (2, 2, 'g:b1', 'Harbour wall vote', 0, 1700000000, 1, 0, 1),"
	" (3, 1, 'g:a2', 'Pier lights approved', 1, 1700000000, 1, 1, 3);";

/* A version 9 store: its story keys still reach every copy, a copy that
 * joins its read story of one copy is read, and the items the index
 * lacked are still found by the catch-up. */
static void
stories_and_search_from_version_9(void **state)
{
	struct fixture *f = *state;
	char join[] = "a2 b2", joined[64], b[] = "B b2";
	int64_t id = 1, *ids;
	size_t n;
	int done = 0;

	open_store(f);
	store_close(f->s);
	f->s = NULL;
	sql_exec(f->path, schema_back_to_v9);
	open_store(f);
	assert_int_equal(sql_value(f->path, "PRAGMA user_version", NULL, 0), 10);
	assert_int_equal(sql_value(f->path, FTS_PENDING, NULL, 0), 3);
	assert_int_equal(store_story_rowids(f->s, &id, 1, NULL, 0, &ids, &n,
	                                    &f->err), NF_OK);
	assert_int_equal(n, 2);
	free(ids);

	sql_exec(f->path, "UPDATE items SET title = 'a2' WHERE id = 3");
	story_add(f, b);
	story_join_step(f, join, joined, sizeof(joined));
	assert_string_equal(joined, "b2");
	assert_int_equal(story_is_read(f, "b2"), 1);

	assert_int_equal(store_search_catch_up(f->s, 0, &done, &f->err), NF_OK);
	assert_true(done);
	assert_int_equal(sql_value(f->path, FTS_PENDING, NULL, 0), 0);
	assert_int_equal(sql_value(f->path, "SELECT count(*) FROM items_fts"
	                           " WHERE items_fts MATCH '\"harbour\"'",
	                           NULL, 0), 2);
}

static void
story_copies_within_feeds(void **state)
{
	struct fixture *f = *state;
	char a[] = "A a1", b[] = "B b1", join[] = "a1 b1", joined[64];
	int64_t id, *ids, feeds[1];
	size_t n;
	struct store_feeds only_a = { feeds, 1 };

	open_store(f);
	story_add(f, a);
	story_add(f, b);
	story_join_step(f, join, joined, sizeof(joined));
	feeds[0] = story_feed(f, 'A');
	id = story_rowid(f, "b1");
	assert_int_equal(store_story_rowids(f->s, &id, 1, &only_a, 0, &ids, &n,
	                                    &f->err), NF_OK);
	assert_int_equal(n, 2);	/* b1 itself, asked for, and a1 of feed A */
	free(ids);
	id = story_rowid(f, "a1");
	assert_int_equal(store_story_rowids(f->s, &id, 1, &only_a, 0, &ids, &n,
	                                    &f->err), NF_OK);
	assert_int_equal(n, 1);	/* b1 is in feed B, left out */
	assert_int_equal(ids[0], id);
	free(ids);
}

/* --- read-more pages ---------------------------------------------------- */

static void
pages_are_kept_by_url_and_bounded(void **state)
{
	struct fixture *f = *state;
	struct store_page page = { .text = "The whole article.",
		.etag = "\"p1\"", .fetched = 1000 }, got;
	char url[64];
	int i;

	open_store(f);
	assert_int_equal(store_page_get(f->s, "https://example.org/a", &got,
	                                &f->err), NF_OK);
	assert_null(got.text);
	assert_int_equal(store_page_put(f->s, "https://example.org/a", &page,
	                                &f->err), NF_OK);
	open_store(f);
	assert_int_equal(store_page_get(f->s, "https://example.org/a", &got,
	                                &f->err), NF_OK);
	assert_string_equal(got.text, "The whole article.");
	assert_string_equal(got.etag, "\"p1\"");
	assert_null(got.last_modified);
	assert_int_equal(got.fetched, 1000);
	store_page_clear(&got);
	for (i = 0; i < STORE_PAGE_MAX; i++) {
		snprintf(url, sizeof(url), "https://example.org/p%d", i);
		page.fetched = 2000 + i;
		assert_int_equal(store_page_put(f->s, url, &page, &f->err), NF_OK);
	}
	assert_int_equal(sql_value(f->path, "SELECT count(*) FROM pages", NULL, 0),
	                 STORE_PAGE_MAX);
	assert_int_equal(store_page_get(f->s, "https://example.org/a", &got,
	                                &f->err), NF_OK);
	assert_null(got.text);	/* the oldest went */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define CASE(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		CASE(open_creates_directories),
		CASE(concurrent_first_opens_all_succeed),
		CASE(default_path_follows_xdg),
		CASE(migrates_an_empty_file),
		CASE(migrates_from_version_1),
		CASE(article_round_trip_across_migration),
		CASE(search_and_generation_across_migration),
		CASE(stories_and_search_from_version_9),
		CASE(refuses_newer_schema),
		CASE(refuses_a_non_database),
		CASE(refresh_keeps_read_flags_and_takes_new_text),
		CASE(items_keyed_by_guid_link_or_hash),
		CASE(shared_addresses_lose_no_item),
		CASE(same_guid_in_two_feeds_is_two_items),
		CASE(prune_keeps_unread),
		CASE(prune_keeps_unread_past_the_limit),
		CASE(prune_unread_too),
		CASE(no_prune_without_limit),
		CASE(feed_named_by_url_hides_its_password),
		CASE(mark_read_in_bulk),
		CASE(fetch_metadata_round_trip),
		CASE(dotfile_title_wins_and_can_change),
		CASE(load_keeps_related_and_image),
		CASE(page_listing_is_what_a_page_prints),
		CASE(dropped_feed_keeps_its_items),
		CASE(update_of_unknown_feed_fails_whole),
		CASE(survives_kill_9_mid_write),
		CASE(feed_unread_lists_a_feed),
		CASE(pages_are_kept_by_url_and_bounded),
		CASE(item_found_by_link_or_title),
		CASE(lookup_indexes_made_after_a_first_refresh),
		CASE(story_copies_within_feeds),
#undef CASE
	};

	enum { NCHURN = sizeof(churn_cases) / sizeof(churn_cases[0]),
	       NSTORY = sizeof(story_cases) / sizeof(story_cases[0]),
	       NBATCH = sizeof(batch_cases) / sizeof(batch_cases[0]) };
	struct CMUnitTest all[sizeof(tests) / sizeof(tests[0]) + NCHURN + NSTORY +
	                     NBATCH];
	size_t i, n = 0;

	for (i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		all[n++] = tests[i];
	}
	for (i = 0; i < NCHURN; i++) {
		all[n++] = (struct CMUnitTest){ .name = churn_cases[i].name,
			.test_func = churn_is_bounded,
			.initial_state = (void *)&churn_cases[i] };
	}
	for (i = 0; i < NSTORY; i++) {
		all[n++] = (struct CMUnitTest){ .name = story_cases[i].name,
			.test_func = story_state_follows_the_story,
			.setup_func = case_setup, .teardown_func = teardown,
			.initial_state = (void *)&story_cases[i] };
	}
	for (i = 0; i < NBATCH; i++) {
		all[n++] = (struct CMUnitTest){ .name = batch_cases[i].name,
			.test_func = batch_keeps_or_loses_whole,
			.setup_func = case_setup, .teardown_func = teardown,
			.initial_state = (void *)&batch_cases[i] };
	}
	return _cmocka_run_group_tests("store", all, n, NULL, NULL);
}
