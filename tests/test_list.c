/*
 * The list widget's movement actions (list_act()), which every screen
 * that shows a list shares: where the selection and the first line on
 * screen end up, and which actions the widget leaves to others.
 * No terminal is needed: moving never draws.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "ui/list.h"

struct rows {
	size_t n;
};

static size_t
rows_count(void *ctx)
{
	return ((struct rows *)ctx)->n;
}

static void
rows_draw(void *ctx, WINDOW *w, int y, int width, size_t row, int selected)
{
	(void)ctx;
	(void)w;
	(void)y;
	(void)width;
	(void)row;
	(void)selected;
	fail_msg("moving drew a row");
}

/* The filter keeps the even rows. */
static int
rows_match_even(void *ctx, size_t row, const char *needle)
{
	(void)ctx;
	(void)needle;
	return row % 2 == 0;
}

static const struct list_ops rows_ops = {
	.count = rows_count,
	.draw_row = rows_draw,
	.match = rows_match_even,
};

struct move_case {
	const char *name;
	size_t nrows;
	int height;
	int filtered;		/* only the even rows are shown */
	size_t start;		/* model row selected first */
	enum config_action action;
	int handled;
	size_t sel;		/* model row selected after, (size_t)-1 none */
	size_t top;		/* first visible row on screen after */
};

static const struct move_case cases[] = {
	{ "down moves one line", 10, 4, 0, 0, CONFIG_ACTION_DOWN, 1, 1, 0 },
	{ "up moves one line", 10, 4, 0, 5, CONFIG_ACTION_UP, 1, 4, 2 },
	{ "up on the first line stays", 10, 4, 0, 0, CONFIG_ACTION_UP, 1, 0, 0 },
	{ "down on the last line stays", 10, 4, 0, 9, CONFIG_ACTION_DOWN, 1, 9, 6 },
	{ "down scrolls the line into view", 10, 4, 0, 3, CONFIG_ACTION_DOWN, 1, 4, 1 },
	{ "page down keeps one line of context", 10, 4, 0, 0,
	  CONFIG_ACTION_PAGE_DOWN, 1, 3, 3 },
	{ "page down stops at the end", 10, 4, 0, 8, CONFIG_ACTION_PAGE_DOWN, 1,
	  9, 6 },
	{ "page up from the end", 10, 4, 0, 9, CONFIG_ACTION_PAGE_UP, 1, 6, 3 },
	{ "page up stops at the start", 10, 4, 0, 1, CONFIG_ACTION_PAGE_UP, 1,
	  0, 0 },
	{ "top goes to the first line", 10, 4, 0, 7, CONFIG_ACTION_TOP, 1, 0, 0 },
	{ "bottom goes to the last line", 10, 4, 0, 0, CONFIG_ACTION_BOTTOM, 1,
	  9, 6 },
	{ "bottom of a filtered list is its last match", 10, 4, 1, 0,
	  CONFIG_ACTION_BOTTOM, 1, 8, 1 },
	{ "down in a filtered list skips hidden rows", 10, 4, 1, 2,
	  CONFIG_ACTION_DOWN, 1, 4, 0 },
	{ "a list taller than its rows does not scroll", 3, 10, 0, 0,
	  CONFIG_ACTION_BOTTOM, 1, 2, 0 },
	{ "an empty list takes the move", 0, 4, 0, 0, CONFIG_ACTION_BOTTOM, 1,
	  (size_t)-1, 0 },
	{ "open is the screen's", 10, 4, 0, 5, CONFIG_ACTION_OPEN, 0, 5, 2 },
	{ "toggle-fold is the screen's", 10, 4, 0, 5, CONFIG_ACTION_TOGGLE_FOLD,
	  0, 5, 2 },
	{ "back is the reader's", 10, 4, 0, 5, CONFIG_ACTION_BACK, 0, 5, 2 },
	{ "no action", 10, 4, 0, 5, CONFIG_ACTION_NONE, 0, 5, 2 },
	{ "past the table", 10, 4, 0, 5, CONFIG_ACTION_COUNT, 0, 5, 2 },
};

static void
moves(void **state)
{
	const struct move_case *c = *state;
	struct rows rows = { c->nrows };
	struct list l;
	int handled;

	list_init(&l, &rows_ops, &rows);
	list_set_height(&l, c->height);
	list_set_filter(&l, c->filtered ? "even" : "");
	if (c->nrows > 0) {
		assert_true(list_select_row(&l, c->start));
	}
	handled = list_act(&l, c->action);
	assert_int_equal(handled, c->handled);
	assert_int_equal(list_selected(&l), c->sel);
	assert_int_equal(l.top, c->top);
	list_free(&l);
}

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	struct CMUnitTest tests[NCASES(cases)];
	size_t i;

	for (i = 0; i < NCASES(cases); i++) {
		tests[i] = (struct CMUnitTest){ .name = cases[i].name,
			.test_func = moves, .initial_state = (void *)&cases[i] };
	}
	return _cmocka_run_group_tests("list", tests, NCASES(cases), NULL, NULL);
}
