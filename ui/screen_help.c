#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui/draw.h"
#include "ui/keys.h"
#include "ui/list.h"
#include "ui/screen_help.h"

struct help {
	struct screen base;
	struct ui *ui;
	const struct screen_ops *of;	/* the screen the keys are for */
	int actions[CONFIG_ACTION_COUNT];	/* the rows: actions it answers */
	size_t nactions;
	struct list list;
};

/* What every screen answers through the reader (ui/reader.c). */
static const enum config_action help_everywhere[] = {
	CONFIG_ACTION_RELOAD_ALL, CONFIG_ACTION_UNDO, CONFIG_ACTION_FEEDS,
	CONFIG_ACTION_BACK, CONFIG_ACTION_QUIT, CONFIG_ACTION_HELP,
};

/* Whether action does something on a screen with these ops. */
static int
help_answers(const struct screen_ops *ops, int has_list, int action)
{
	size_t i;

	if (ops->handlers[action] != NULL) {
		return 1;
	}
	if (has_list && (action <= CONFIG_ACTION_BOTTOM ||
	                 (action == CONFIG_ACTION_FILTER && ops->set_filter != NULL))) {
		return 1;
	}
	for (i = 0; i < sizeof(help_everywhere) / sizeof(help_everywhere[0]); i++) {
		if ((int)help_everywhere[i] == action) {
			return 1;
		}
	}
	return 0;
}

static struct help *
help_of(struct screen *s)
{
	return (struct help *)s;
}

static size_t
help_count(void *ctx)
{
	return ((struct help *)ctx)->nactions;
}

static void
help_draw_row(void *ctx, WINDOW *w, int y, int width, size_t row, int selected)
{
	struct help *h = ctx;
	int action = h->actions[row];
	const char *text = h->of->help[action] != NULL ? h->of->help[action] :
	                   config_action_help(action);
	char keys[128];
	int x = 0;
	attr_t base = selected ? draw_attr(CONFIG_ELEMENT_SELECTED) : A_NORMAL;

	keys_bound_to(h->ui->cfg, action, keys, sizeof(keys));
	x += draw_text(w, y, x, width < 16 ? width : 16, keys,
	               base | draw_attr(CONFIG_ELEMENT_TITLE), 1);
	x += draw_text(w, y, x, width - x < 16 ? width - x : 16,
	               config_action_name(action), base, 1);
	x += draw_text(w, y, x, width - x, text, base, 1);
}

static const struct list_ops help_list_ops = {
	.count = help_count,
	.draw_row = help_draw_row,
};

static void
help_draw(struct screen *s, struct ui *ui, WINDOW *w, int height, int width)
{
	(void)ui;
	werase(w);
	list_set_height(&help_of(s)->list, height);
	list_draw(&help_of(s)->list, w, 0, width);
}

static void
help_title(struct screen *s, struct ui *ui, char *out, size_t size)
{
	struct help *h = help_of(s);

	(void)ui;
	snprintf(out, size, "newsfold — Keys on %s (q or Esc to go back)",
	         h->of->help_title != NULL ? h->of->help_title : "this screen");
}

/* Help has nothing to fold: toggle-fold (space) pages down, as in a
 * pager. */
static int
help_page_down(struct screen *s, struct ui *ui)
{
	(void)ui;
	return list_act(&help_of(s)->list, CONFIG_ACTION_PAGE_DOWN);
}

static void
help_free(struct screen *s)
{
	list_free(&help_of(s)->list);
	free(s);
}

static const struct screen_ops help_ops = {
	.name = "help",
	.draw = help_draw,
	.title = help_title,
	.handlers = {
		[CONFIG_ACTION_TOGGLE_FOLD] = help_page_down,
	},
	.help_title = "the Keys screen",
	.help = {
		[CONFIG_ACTION_TOGGLE_FOLD] = "page down",
	},
	.free = help_free,
};

struct screen *
help_new(struct ui *ui)
{
	struct help *h = calloc(1, sizeof(*h));
	int a;

	if (h == NULL) {
		ui_status(ui, 1, "out of memory");
		return NULL;
	}
	h->base.ops = &help_ops;
	h->base.list = &h->list;
	h->ui = ui;
	h->of = ui->depth > 0 ? ui_top(ui)->ops : &help_ops;
	for (a = 1; a < CONFIG_ACTION_COUNT; a++) {
		if (help_answers(h->of, ui->depth > 0 && ui_top(ui)->list != NULL, a)) {
			h->actions[h->nactions++] = a;
		}
	}
	list_init(&h->list, &help_list_ops, h);
	list_refilter(&h->list);
	return &h->base;
}
