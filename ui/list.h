#ifndef NF_UI_LIST_H
#define NF_UI_LIST_H

/*
 * The one list widget every screen uses: scrolling, selection, paging and
 * a filter. A screen hands it callbacks over its own rows; the widget
 * keeps only positions, so a screen may rebuild its rows at any time and
 * then call list_refilter() and list_select_row().
 *
 * The widget answers the movement actions itself (list_act()), from one
 * table, so every screen that shows a list moves the same way and a
 * screen's own handlers are only for what it alone does.
 *
 * Rows are the screen's ("model rows"); the widget shows the subset that
 * passes the filter ("visible rows"), in order.
 */

#include <stddef.h>

#include <curses.h>

#include "config/config.h"

struct list_ops {
	/* Number of model rows. */
	size_t (*count)(void *ctx);
	/* Draws model row `row` on line y of w, width columns from x 0. */
	void (*draw_row)(void *ctx, WINDOW *w, int y, int width, size_t row,
	                 int selected);
	/* Whether model row `row` passes the filter (needle is never empty);
	 * NULL means every row passes. */
	int (*match)(void *ctx, size_t row, const char *needle);
};

struct list {
	struct list_ops ops;
	void *ctx;
	size_t *map;		/* visible row -> model row */
	size_t nmap;
	size_t cap;
	size_t top;		/* first visible row on screen */
	size_t sel;		/* selected visible row */
	int height;
	char filter[256];	/* "" = no filter */
	int dirty;
};

void list_init(struct list *l, const struct list_ops *ops, void *ctx);
void list_free(struct list *l);
/* Rebuilds the visible rows after the model changed or the filter did,
 * keeping the selection on the same model row when it is still visible. */
void list_refilter(struct list *l);
void list_set_filter(struct list *l, const char *needle);
void list_set_height(struct list *l, int height);

/* The selected model row, or (size_t)-1 when the list is empty. */
size_t list_selected(const struct list *l);
/* Selects the visible row showing model row `row`; 0 when it is hidden. */
int list_select_row(struct list *l, size_t row);
/* Does a movement action (up, down, page-up, page-down, top, bottom) on
 * l and returns 1; returns 0 for any other action, which is then the
 * screen's or the reader's to answer. */
int list_act(struct list *l, enum config_action action);

/* Draws the visible window onto w from line y0, height lines. */
void list_draw(struct list *l, WINDOW *w, int y0, int width);

#endif
