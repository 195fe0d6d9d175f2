/*
 * The full-text index catches up when asked (before the screens search)
 * instead of inside every write. Over generated histories of items added, changed and deleted
 * (rowids reused included), with the index caught up at random points,
 * every text~ search must find exactly what a scan of the items finds,
 * the index behind or in step, and an index that has caught up must pass FTS5's own integrity check
 * against the items it indexes.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "tests/testdir.h"
#include "src/query.h"
#include "src/store.h"

#define FEED "https://example.org/world.rss"

/* Words the texts are made of; each is searched for after every step. */
static const char *const words[] = {
	"harbor", "bridge", "ferry", "timetable", "スタジアム", "深夜便",
	"Coast", "選挙", "road",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

struct history_case {
	const char *name;
	unsigned seed;
	int steps;
	unsigned catch_up;	/* one step in this many catches up a chunk */
};

static const struct history_case history_cases[] = {
	{ "adds, changes and deletes, caught up often", 1, 300, 3 },
	{ "long runs of changes before a catch-up", 2, 300, 40 },
	{ "caught up only before the checks", 3, 200, 1000 },
	{ "another history, caught up often", 77, 300, 2 },
};

struct fixture {
	char dir[64];
	char path[128];
	struct store *s;
	sqlite3 *raw;		/* writes items behind the store's back */
	int64_t feed;
	unsigned seed;
	int64_t next_key;
	const struct history_case *c;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct nf_error err;

	assert_non_null(f);
	f->c = *state;
	assert_int_equal(testdir_make(f->dir, sizeof(f->dir), "nf-fts"), 0);
	snprintf(f->path, sizeof(f->path), "%s/db", f->dir);
	assert_int_equal(store_open(f->path, &f->s, &err), NF_OK);
	assert_int_equal(store_feed_ensure(f->s, FEED, NULL, &f->feed, &err),
	                 NF_OK);
	assert_int_equal(sqlite3_open(f->path, &f->raw), SQLITE_OK);
	sqlite3_busy_timeout(f->raw, 5000);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	sqlite3_close(f->raw);
	store_close(f->s);
	testdir_remove(f->dir);
	free(f);
	return 0;
}

static void
raw_exec(struct fixture *f, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(f->raw, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fail_msg("%s: %s", sql, msg);
	}
}

static long long
raw_value(struct fixture *f, const char *sql, const char *text)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(f->raw, sql, -1, &st, NULL) != SQLITE_OK) {
		fail_msg("%s: %s", sql, sqlite3_errmsg(f->raw));
	}
	if (text != NULL) {
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		v = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return v;
}

static unsigned
next(struct fixture *f, unsigned n)
{
	f->seed = f->seed * 1103515245u + 12345u;
	return (f->seed >> 16) % n;
}

/* A text of up to three words, or NULL (a quarter of the time). */
static void
text_of(struct fixture *f, char *out, size_t size, int *null)
{
	unsigned k, n = 1 + next(f, 3);

	*null = next(f, 4) == 0;
	out[0] = 0;
	for (k = 0; k < n; k++) {
		size_t len = strlen(out);

		snprintf(out + len, size - len, "%s%s", k > 0 ? " " : "",
		         words[next(f, NWORDS)]);
	}
}

static void
bind_text_of(struct fixture *f, sqlite3_stmt *st, int col)
{
	char text[128];
	int null;

	text_of(f, text, sizeof(text), &null);
	if (null) {
		sqlite3_bind_null(st, col);
	} else {
		sqlite3_bind_text(st, col, text, -1, SQLITE_TRANSIENT);
	}
}

static void
add_item(struct fixture *f)
{
	sqlite3_stmt *st;
	char key[32];

	snprintf(key, sizeof(key), "k%lld", (long long)f->next_key++);
	assert_int_equal(sqlite3_prepare_v2(f->raw, "INSERT INTO items"
	                 " (feed_id, key, title, summary, content, first_seen,"
	                 " seen_seq, position) VALUES (?1, ?2, ?3, ?4, ?5, 0, 1,"
	                 " 0)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, f->feed);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
	bind_text_of(f, st, 3);
	bind_text_of(f, st, 4);
	bind_text_of(f, st, 5);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

/* The rowid of a random item, or 0 when there is none; the newest one
 * half the time, whose rowid the next item added takes again. */
static int64_t
some_item(struct fixture *f)
{
	long long n = raw_value(f, "SELECT count(*) FROM items", NULL);
	char sql[96];

	if (n <= 0) {
		return 0;
	}
	if (next(f, 2) == 0) {
		return raw_value(f, "SELECT max(id) FROM items", NULL);
	}
	snprintf(sql, sizeof(sql), "SELECT id FROM items ORDER BY id"
	         " LIMIT 1 OFFSET %u", next(f, (unsigned)n));
	return raw_value(f, sql, NULL);
}

static void
change_item(struct fixture *f)
{
	static const char *const sql[] = {
		"UPDATE items SET title = ?1 WHERE id = ?2",
		"UPDATE items SET summary = ?1 WHERE id = ?2",
		"UPDATE items SET content = ?1 WHERE id = ?2",
	};
	int64_t id = some_item(f);
	sqlite3_stmt *st;

	if (id == 0) {
		return;
	}
	assert_int_equal(sqlite3_prepare_v2(f->raw, sql[next(f, 3)], -1, &st,
	                                    NULL), SQLITE_OK);
	bind_text_of(f, st, 1);
	sqlite3_bind_int64(st, 2, id);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static void
delete_item(struct fixture *f)
{
	char sql[64];
	int64_t id = some_item(f);

	if (id != 0) {
		snprintf(sql, sizeof(sql), "DELETE FROM items WHERE id = %lld",
		         (long long)id);
		raw_exec(f, sql);
	}
}

#define SCAN_COUNT "SELECT count(*) FROM items WHERE" \
	" instr(lower(COALESCE(title, '') || ' ' ||" \
	" COALESCE(summary, '') || ' ' ||" \
	" COALESCE(content, '')), lower(?1)) > 0"

/* Every word: the store's text~ count against a scan of the items. */
static void
searches_agree(struct fixture *f, int step)
{
	size_t k;

	for (k = 0; k < NWORDS; k++) {
		struct query *q = NULL;
		struct nf_error err;
		char expr[64];
		size_t total = 0;
		long long want;

		snprintf(expr, sizeof(expr), "text~%s", words[k]);
		assert_int_equal(query_parse(expr, 1, &q, &err), NF_OK);
		const struct store_filter filter = { .match = q };
		assert_int_equal(store_items_count(f->s, 0, &filter, &total, NULL,
		                                   &err), NF_OK);
		want = raw_value(f, SCAN_COUNT, words[k]);
		if ((long long)total != want) {
			fail_msg("step %d, %s: %zu found, %lld hold it", step,
			         expr, total, want);
		}
		query_free(q);
	}
}

static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != 0; s++) {
		n += ((unsigned char)*s & 0xc0) != 0x80;
	}
	return n;
}

/* Caught up: sound inside, and holding each word exactly where the items
 * do (nothing left of deleted items or of replaced text), read from the
 * index alone. Words shorter than a trigram are never in it. */
static void
index_is_sound(struct fixture *f)
{
	size_t k;

	raw_exec(f, "INSERT INTO items_fts (items_fts) VALUES"
	         " ('integrity-check')");
	for (k = 0; k < NWORDS; k++) {
		char phrase[64];

		if (utf8_chars(words[k]) < 3) {
			continue;
		}
		snprintf(phrase, sizeof(phrase), "\"%s\"", words[k]);
		assert_int_equal(raw_value(f, "SELECT count(*) FROM items_fts"
		                           " WHERE items_fts MATCH ?1", phrase),
		                 raw_value(f, SCAN_COUNT, words[k]));
	}
	assert_int_equal(raw_value(f, "SELECT count(*) FROM fts_pending", NULL), 0);
	assert_int_equal(raw_value(f, "SELECT count(*) FROM fts_stale", NULL), 0);
}

static void
test_history(void **state)
{
	struct fixture *f = *state;
	const struct history_case *c = f->c;
	struct nf_error err;
	int step, done = 0;

	f->seed = c->seed;
	for (step = 0; step < c->steps; step++) {
		unsigned op = next(f, 10);

		if (op < 5) {
			add_item(f);
		} else if (op < 8) {
			change_item(f);
		} else {
			delete_item(f);
		}
		if (next(f, c->catch_up) == 0) {
			assert_int_equal(store_search_catch_up(f->s, 1, NULL, &err),
			                 NF_OK);
		}
		if (step % 25 == 24) {
			/* behind: the query scans what the index lacks */
			searches_agree(f, step);
			assert_int_equal(store_search_catch_up(f->s, 0, &done,
			                                       &err), NF_OK);
			assert_true(done);
			index_is_sound(f);
			searches_agree(f, step);
		}
	}
	assert_int_equal(store_search_catch_up(f->s, 0, &done, &err), NF_OK);
	assert_true(done);
	index_is_sound(f);
}

/* Writing items indexes nothing, and neither does a query: a search
 * behind the index scans, and the catch-up brings the items in. */
static void
test_writes_defer(void **state)
{
	struct fixture *f = *state;
	struct nf_error err;
	int k, done = 0;

	f->seed = 5;
	for (k = 0; k < 40; k++) {
		add_item(f);
	}
	assert_int_equal(raw_value(f, "SELECT count(*) FROM fts_pending", NULL),
	                 40);
	assert_int_equal(raw_value(f, "SELECT count(*) FROM items_fts WHERE"
	                           " items_fts MATCH 'road'", NULL), 0);
	searches_agree(f, 0);
	assert_int_equal(raw_value(f, "SELECT count(*) FROM fts_pending", NULL),
	                 40);
	assert_int_equal(store_search_catch_up(f->s, 0, &done, &err), NF_OK);
	assert_true(done);
	index_is_sound(f);
	assert_true(raw_value(f, "SELECT count(*) FROM items_fts WHERE"
	                      " items_fts MATCH 'road'", NULL) > 0);
	searches_agree(f, 0);
}

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	struct CMUnitTest tests[NCASES(history_cases) + 1];
	size_t i, n = 0;

	for (i = 0; i < NCASES(history_cases); i++) {
		tests[n++] = (struct CMUnitTest){
			.name = history_cases[i].name,
			.test_func = test_history,
			.setup_func = setup, .teardown_func = teardown,
			.initial_state = (void *)&history_cases[i],
		};
	}
	tests[n++] = (struct CMUnitTest){
		.name = "writes and queries leave the index behind",
		.test_func = test_writes_defer,
		.setup_func = setup, .teardown_func = teardown,
		.initial_state = (void *)&history_cases[0],
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
