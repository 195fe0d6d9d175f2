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
	struct list list;	/* row i is action i + 1 */
};

static struct help *
help_of(struct screen *s)
{
	return (struct help *)s;
}

static size_t
help_count(void *ctx)
{
	(void)ctx;
	return CONFIG_ACTION_COUNT - 1;
}

static void
help_draw_row(void *ctx, WINDOW *w, int y, int width, size_t row, int selected)
{
	struct help *h = ctx;
	int action = (int)row + 1;
	char keys[128];
	int x = 0;
	attr_t base = selected ? draw_attr(CONFIG_ELEMENT_SELECTED) : A_NORMAL;

	keys_bound_to(h->ui->cfg, action, keys, sizeof(keys));
	x += draw_text(w, y, x, width < 16 ? width : 16, keys,
	               base | draw_attr(CONFIG_ELEMENT_TITLE), 1);
	x += draw_text(w, y, x, width - x < 16 ? width - x : 16,
	               config_action_name(action), base, 1);
	x += draw_text(w, y, x, width - x, config_action_help(action), base, 1);
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
	(void)s;
	(void)ui;
	snprintf(out, size, "newsfold — Keys (q to go back)");
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
	.free = help_free,
};

struct screen *
help_new(struct ui *ui)
{
	struct help *h = calloc(1, sizeof(*h));

	if (h == NULL) {
		ui_status(ui, 1, "out of memory");
		return NULL;
	}
	h->base.ops = &help_ops;
	h->base.list = &h->list;
	h->ui = ui;
	list_init(&h->list, &help_list_ops, h);
	list_refilter(&h->list);
	return &h->base;
}
