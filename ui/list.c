#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/list.h"

void
list_init(struct list *l, const struct list_ops *ops, void *ctx)
{
	memset(l, 0, sizeof(*l));
	l->ops = *ops;
	l->ctx = ctx;
	l->height = 1;
	l->dirty = 1;
}

void
list_free(struct list *l)
{
	free(l->map);
	l->map = NULL;
	l->nmap = l->cap = 0;
}

/* Keeps the selection inside the rows and on screen. */
static void
list_clamp(struct list *l)
{
	size_t h = l->height > 0 ? (size_t)l->height : 1;

	if (l->nmap == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->nmap) {
		l->sel = l->nmap - 1;
	}
	if (l->sel < l->top) {
		l->top = l->sel;
	}
	if (l->sel >= l->top + h) {
		l->top = l->sel - h + 1;
	}
	if (l->top + h > l->nmap) {
		l->top = l->nmap > h ? l->nmap - h : 0;
	}
}

void
list_refilter(struct list *l)
{
	size_t n = l->ops.count(l->ctx), i, keep = list_selected(l);
	size_t *map = l->map;

	if (n > l->cap) {
		map = realloc(l->map, n * sizeof(*map));
		if (map == NULL) {
			return;	/* the old map stays; shows stale rows, no crash */
		}
		l->map = map;
		l->cap = n;
	}
	l->nmap = 0;
	for (i = 0; i < n; i++) {
		if (l->filter[0] == '\0' || l->ops.match == NULL ||
		    l->ops.match(l->ctx, i, l->filter)) {
			l->map[l->nmap++] = i;
		}
	}
	if (keep == (size_t)-1 || !list_select_row(l, keep)) {
		list_clamp(l);
	}
	l->dirty = 1;
}

void
list_set_filter(struct list *l, const char *needle)
{
	snprintf(l->filter, sizeof(l->filter), "%s", needle != NULL ? needle : "");
	list_refilter(l);
}

void
list_set_height(struct list *l, int height)
{
	l->height = height > 0 ? height : 1;
	list_clamp(l);
	l->dirty = 1;
}

size_t
list_selected(const struct list *l)
{
	return l->sel < l->nmap ? l->map[l->sel] : (size_t)-1;
}

int
list_select_row(struct list *l, size_t row)
{
	size_t lo = 0, hi = l->nmap;

	/* map is increasing: binary search. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (l->map[mid] < row) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	if (lo >= l->nmap || l->map[lo] != row) {
		return 0;
	}
	l->sel = lo;
	list_clamp(l);
	l->dirty = 1;
	return 1;
}

static void
list_move(struct list *l, long delta)
{
	if (l->nmap == 0) {
		return;
	}
	if (delta < 0 && (size_t)-delta > l->sel) {
		l->sel = 0;
	} else {
		l->sel += delta;
	}
	list_clamp(l);
	l->dirty = 1;
}

static void
list_page(struct list *l, int direction)
{
	long h = l->height > 1 ? l->height - 1 : 1;

	/* Like less: the page moves and the selection moves with it. */
	if (direction > 0) {
		l->top += (size_t)h;
	} else {
		l->top = l->top > (size_t)h ? l->top - (size_t)h : 0;
	}
	list_move(l, direction > 0 ? h : -h);
}

static void
list_top(struct list *l)
{
	l->sel = l->top = 0;
	list_clamp(l);
	l->dirty = 1;
}

static void
list_bottom(struct list *l)
{
	l->sel = l->nmap > 0 ? l->nmap - 1 : 0;
	list_clamp(l);
	l->dirty = 1;
}

static void
list_up(struct list *l)
{
	list_move(l, -1);
}

static void
list_down(struct list *l)
{
	list_move(l, 1);
}

static void
list_page_up(struct list *l)
{
	list_page(l, -1);
}

static void
list_page_down(struct list *l)
{
	list_page(l, 1);
}

/* The movement actions, the same on every screen that shows a list. */
static void (*const list_actions[CONFIG_ACTION_COUNT])(struct list *l) = {
	[CONFIG_ACTION_UP] = list_up,
	[CONFIG_ACTION_DOWN] = list_down,
	[CONFIG_ACTION_PAGE_UP] = list_page_up,
	[CONFIG_ACTION_PAGE_DOWN] = list_page_down,
	[CONFIG_ACTION_TOP] = list_top,
	[CONFIG_ACTION_BOTTOM] = list_bottom,
};

int
list_act(struct list *l, enum config_action action)
{
	if ((unsigned)action >= CONFIG_ACTION_COUNT ||
	    list_actions[action] == NULL) {
		return 0;
	}
	list_actions[action](l);
	return 1;
}

void
list_draw(struct list *l, WINDOW *w, int y0, int width)
{
	int y;

	list_clamp(l);
	for (y = 0; y < l->height; y++) {
		size_t v = l->top + (size_t)y;

		wmove(w, y0 + y, 0);
		if (v < l->nmap) {
			l->ops.draw_row(l->ctx, w, y0 + y, width, l->map[v],
			                v == l->sel);
		} else {
			wclrtoeol(w);
		}
	}
	l->dirty = 0;
}
