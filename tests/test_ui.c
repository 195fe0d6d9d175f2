/*
 * The reader's shared state (ui/ui.c) without a terminal: the stack of
 * screens, the status line, the dotfile's feeds, marks reaching the store
 * and every screen, and links the browser must never get. Screens here
 * are stand-ins that count what the reader asks of them.
 */
#include "autoconfig.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tests/testdir.h"
#include "config/keys.h"
#include "ui/ui.h"

static int freed;	/* screens freed so far */

struct fake {
	struct screen base;
	int reloads;
	size_t marked;		/* rowids in the last marked() */
	int read;		/* its read flag */
};

static void
fake_free(struct screen *s)
{
	freed++;
	free(s);
}

static void
fake_reload(struct screen *s, struct ui *ui)
{
	(void)ui;
	((struct fake *)s)->reloads++;
}

static void
fake_marked(struct screen *s, const int64_t *rowids, size_t n, int read)
{
	(void)rowids;
	((struct fake *)s)->marked = n;
	((struct fake *)s)->read = read;
}

static const struct screen_ops fake_ops = {
	.name = "fake",
	.reload = fake_reload,
	.marked = fake_marked,
	.free = fake_free,
};

/* A screen with neither reload() nor marked(). */
static const struct screen_ops bare_ops = {
	.name = "bare",
	.free = fake_free,
};

static struct fake *
fake_new(const struct screen_ops *ops)
{
	struct fake *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->base.ops = ops;
	return f;
}

struct fixture {
	struct config cfg;
	struct ui ui;
	char dir[64];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->ui.cfg = &f->cfg;
	freed = 0;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	while (f->ui.depth > 0) {
		struct screen *s = f->ui.stack[--f->ui.depth];

		s->ops->free(s);
	}
	store_close(f->ui.store);
	free(f->ui.undo);
	if (f->dir[0] != '\0') {
		testdir_remove(f->dir);
	}
	free(f);
	return 0;
}

static void
push_puts_on_top_and_pop_frees_it(void **state)
{
	struct fixture *f = *state;
	struct fake *front = fake_new(&fake_ops), *next = fake_new(&fake_ops);

	ui_push(&f->ui, &front->base);
	ui_push(&f->ui, &next->base);
	assert_ptr_equal(ui_top(&f->ui), &next->base);
	assert_true(f->ui.dirty_top && f->ui.dirty_body && f->ui.dirty_status);
	ui_pop(&f->ui);
	assert_int_equal(freed, 1);
	assert_ptr_equal(ui_top(&f->ui), &front->base);
}

static void
pop_never_takes_the_front_page(void **state)
{
	struct fixture *f = *state;

	ui_push(&f->ui, &fake_new(&fake_ops)->base);
	ui_pop(&f->ui);
	ui_pop(&f->ui);
	assert_int_equal(f->ui.depth, 1);
	assert_int_equal(freed, 0);
}

static void
a_full_stack_frees_the_screen_and_says_so(void **state)
{
	struct fixture *f = *state;
	int cap = (int)(sizeof(f->ui.stack) / sizeof(f->ui.stack[0])), i;

	for (i = 0; i < cap; i++) {
		ui_push(&f->ui, &fake_new(&fake_ops)->base);
	}
	assert_int_equal(freed, 0);
	ui_push(&f->ui, &fake_new(&fake_ops)->base);
	assert_int_equal(f->ui.depth, cap);
	assert_int_equal(freed, 1);
	assert_true(f->ui.status_error);
	assert_string_equal(f->ui.status, "too many screens open: press q");
}

static void
status_formats_and_flags_errors(void **state)
{
	struct fixture *f = *state;

	ui_status(&f->ui, 1, "%s: %d failed", "feeds", 2);
	assert_string_equal(f->ui.status, "feeds: 2 failed");
	assert_true(f->ui.status_error);
	assert_true(f->ui.dirty_status);
	ui_status(&f->ui, 0, "opened %s", "x");
	assert_string_equal(f->ui.status, "opened x");
	assert_false(f->ui.status_error);
}

static void
refresh_all_reloads_every_screen(void **state)
{
	struct fixture *f = *state;
	struct fake *a = fake_new(&fake_ops), *b = fake_new(&bare_ops);
	struct fake *c = fake_new(&fake_ops);

	ui_push(&f->ui, &a->base);
	ui_push(&f->ui, &b->base);
	ui_push(&f->ui, &c->base);
	ui_refresh_all(&f->ui);
	assert_int_equal(a->reloads, 1);
	assert_int_equal(c->reloads, 1);
}

static void
listed_feeds_are_the_dotfile_ones(void **state)
{
	struct fixture *f = *state;
	int64_t ids[] = { 3, 7 };

	f->ui.feed_ids = ids;
	f->ui.nfeed_ids = 2;
	assert_true(ui_feed_is_listed(&f->ui, 3));
	assert_true(ui_feed_is_listed(&f->ui, 7));
	assert_false(ui_feed_is_listed(&f->ui, 5));
	f->ui.feed_ids = NULL;
	f->ui.nfeed_ids = 0;
	assert_false(ui_feed_is_listed(&f->ui, 3));
}

/* Stores a feed at url with two unread items (opening the store first
 * when needed); returns its id, and the items' rowids in rowids. */
static int64_t
store_feed(struct fixture *f, const char *url, int64_t rowids[2])
{
	struct nf_error err;
	struct nf_feed *feed = feed_new();
	struct nf_item **items;
	char path[128];
	int64_t id = 0;
	size_t n, i;

	if (f->ui.store == NULL) {
		assert_int_equal(testdir_make(f->dir, sizeof(f->dir), "nf-ui"), 0);
		snprintf(path, sizeof(path), "%s/news.db", f->dir);
		assert_int_equal(store_open(path, &f->ui.store, &err), NF_OK);
	}
	assert_int_equal(store_feed_ensure(f->ui.store, url, NULL, &id, &err),
	                 NF_OK);
	assert_non_null(feed);
	for (i = 0; i < 2; i++) {
		struct nf_item *it = item_new();

		assert_non_null(it);
		assert_int_equal(nf_strset(&it->id, i == 0 ? "one" : "two"), 0);
		assert_int_equal(nf_strset(&it->title, i == 0 ? "One" : "Two"), 0);
		assert_int_equal(feed_add_item(feed, it), 0);
	}
	assert_int_equal(store_feed_update(f->ui.store, id, feed, NULL, NULL,
	                                   &err), NF_OK);
	feed_free(feed);
	assert_int_equal(store_items_load(f->ui.store, id, STORE_LOAD_LIST, &items,
	                                  &n, &err), NF_OK);
	assert_int_equal(n, 2);
	rowids[0] = items[0]->rowid;
	rowids[1] = items[1]->rowid;
	store_items_free(items, n);
	return id;
}

/* How many items of feed_id are unread. */
static size_t
unread_in(struct fixture *f, int64_t feed_id)
{
	struct nf_item **items;
	struct nf_error err;
	size_t n, i, unread = 0;

	assert_int_equal(store_items_load(f->ui.store, feed_id, STORE_LOAD_LIST,
	                                  &items, &n, &err), NF_OK);
	for (i = 0; i < n; i++) {
		unread += !items[i]->read;
	}
	store_items_free(items, n);
	return unread;
}

static void
mark_reaches_the_store_and_every_screen(void **state)
{
	struct fixture *f = *state;
	struct fake *a = fake_new(&fake_ops), *b = fake_new(&bare_ops);
	struct fake *c = fake_new(&fake_ops);
	int64_t rowids[2], id;

	id = store_feed(f, "https://example.org/a", rowids);
	ui_push(&f->ui, &a->base);
	ui_push(&f->ui, &b->base);
	ui_push(&f->ui, &c->base);
	ui_mark(&f->ui, rowids, 2, 1);
	assert_int_equal(a->marked, 2);
	assert_int_equal(c->marked, 2);
	assert_int_equal(a->read, 1);
	assert_int_equal(f->ui.status[0], '\0');
	assert_int_equal(unread_in(f, id), 0);
	ui_mark(&f->ui, rowids, 1, 0);
	assert_int_equal(c->marked, 1);
	assert_int_equal(c->read, 0);
	assert_int_equal(unread_in(f, id), 1);
}

/* Mark all read on the front page marks the dotfile's feeds only: a feed
 * dropped from the dotfile keeps its read flags for when it comes back. */
static void
mark_all_read_leaves_dropped_feeds(void **state)
{
	struct fixture *f = *state;
	struct fake *a = fake_new(&fake_ops);
	int64_t rowids[2], listed, dropped, other;

	listed = store_feed(f, "https://example.org/listed", rowids);
	dropped = store_feed(f, "https://example.org/dropped", rowids);
	other = store_feed(f, "https://example.org/other", rowids);
	f->ui.feed_ids = calloc(2, sizeof(*f->ui.feed_ids));
	assert_non_null(f->ui.feed_ids);
	f->ui.feed_ids[0] = listed;
	f->ui.feed_ids[1] = other;
	f->ui.nfeed_ids = 2;
	ui_push(&f->ui, &a->base);
	ui_mark_all_read(&f->ui, other);
	assert_int_equal(unread_in(f, other), 0);
	assert_int_equal(unread_in(f, listed), 2);
	assert_int_equal(a->reloads, 1);
	ui_mark_all_read(&f->ui, 0);
	assert_int_equal(unread_in(f, listed), 0);
	assert_int_equal(unread_in(f, dropped), 2);
	assert_int_equal(a->reloads, 2);
	free(f->ui.feed_ids);
	f->ui.feed_ids = NULL;
}

/* A feed chooses its links; only http(s) reaches the browser. These are
 * refused before the terminal is touched. */
static void
browser_gets_only_http_links(void **state)
{
	static const char *const refused[] = {
		"javascript:alert(1)", "file:///etc/passwd",
		"data:text/html,hi", "", "httpx://example.org/",
	};
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		f->ui.status[0] = '\0';
		ui_open_browser(&f->ui, refused[i]);
		assert_true(f->ui.status_error);
		assert_non_null(strstr(f->ui.status, "not opening a link"));
	}
}

/* ---- the status line's prompt ---- */

static char answered[1100];
static int answers;	/* done calls */
static int answered_null;

static void
prompt_done(struct ui *ui, const char *answer, void *ctx)
{
	(void)ui;
	(void)ctx;
	answers++;
	answered_null = answer == NULL;
	snprintf(answered, sizeof(answered), "%s", answer != NULL ? answer : "");
}

struct prompt_case {
	const char *name;
	const char *initial;
	int keys[8];		/* ends with 0 */
	const char *want;	/* NULL: Esc, no answer */
};

static const struct prompt_case prompt_cases[] = {
	{ "Enter keeps the default", "/d/a.txt", { CONFIG_KEY_ENTER }, "/d/a.txt" },
	{ "Esc answers nothing", "/d/a.txt", { 'x', CONFIG_KEY_ESC }, NULL },
	{ "Backspace removes a whole character", "/d/\u00e9",
	  { CONFIG_KEY_BACKSPACE, 'x', CONFIG_KEY_ENTER }, "/d/x" },
	{ "wide characters are typed whole", "",
	  { 0x65e5, 0x672c, CONFIG_KEY_BACKSPACE, CONFIG_KEY_ENTER }, "\u65e5" },
	{ "^U clears", "abc", { 'U' - '@', 'z', CONFIG_KEY_ENTER }, "z" },
	{ "Backspace on nothing", "", { CONFIG_KEY_BACKSPACE, CONFIG_KEY_ENTER }, "" },
	{ "controls and movement keys are not text", "a",
	  { '\t', 1, CONFIG_KEY_UP, CONFIG_KEY_ENTER }, "a" },
};

static void
prompt_answers_as_edited(void **state)
{
	struct fixture *f = *state;
	size_t i, k;

	for (i = 0; i < sizeof(prompt_cases) / sizeof(prompt_cases[0]); i++) {
		const struct prompt_case *c = &prompt_cases[i];

		answers = 0;
		ui_prompt(&f->ui, "Save to: ", c->initial, prompt_done, NULL);
		for (k = 0; c->keys[k] != 0; k++) {
			assert_true(ui_prompt_key(&f->ui, c->keys[k]));
		}
		if (answers != 1 || f->ui.prompt.active ||
		    answered_null != (c->want == NULL) ||
		    (c->want != NULL && strcmp(answered, c->want) != 0)) {
			fail_msg("%s: %d answers, \"%s\"", c->name, answers, answered);
		}
	}
	assert_false(ui_prompt_key(&f->ui, 'q'));	/* none open: not taken */
}

/* A second prompt cancels the first: its done runs once, with NULL. */
static void
prompt_replaced_cancels(void **state)
{
	struct fixture *f = *state;

	answers = 0;
	ui_prompt(&f->ui, "A: ", "one", prompt_done, NULL);
	ui_prompt(&f->ui, "B: ", "two", prompt_done, NULL);
	assert_int_equal(answers, 1);
	assert_true(answered_null);
	ui_prompt_key(&f->ui, CONFIG_KEY_ENTER);
	assert_int_equal(answers, 2);
	assert_string_equal(answered, "two");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define CASE(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		CASE(push_puts_on_top_and_pop_frees_it),
		CASE(pop_never_takes_the_front_page),
		CASE(a_full_stack_frees_the_screen_and_says_so),
		CASE(status_formats_and_flags_errors),
		CASE(refresh_all_reloads_every_screen),
		CASE(listed_feeds_are_the_dotfile_ones),
		CASE(mark_reaches_the_store_and_every_screen),
		CASE(mark_all_read_leaves_dropped_feeds),
		CASE(browser_gets_only_http_links),
		CASE(prompt_answers_as_edited),
		CASE(prompt_replaced_cancels),
#undef CASE
	};

	setlocale(LC_ALL, "C.UTF-8");	/* the prompt types wide characters */
	return cmocka_run_group_tests_name("ui", tests, NULL, NULL);
}
