#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/frontpage.h"
#include "src/title.h"
#include "src/url.h"
#include "src/width.h"
#include "ui/draw.h"
#include "ui/jobs.h"
#include "ui/screen_article.h"

/* A Similar News entry: a copy of the story (rowid set) or a related
 * entry of the item; depth 1 for a related entry's own copies. */
struct art_entry {
	char *title;
	char *link;
	char *source;
	int64_t rowid;
	int depth;
	size_t ncopies;		/* depth 0: how many depth-1 entries follow */
	int expanded;
};

/* One line of the pager as laid out for the current width. */
struct art_line {
	char *text;
	enum config_element elem;
	int entry;		/* index into entries, -2 the fold line, -1 text */
};

struct article {
	struct screen base;
	struct nf_item *item;
	struct art_entry *entries;
	size_t nentries;
	size_t nstory;		/* how many entries are copies of the story */
	int fold_open;
	int focus;		/* selected entry, or -1: the pager scrolls */
	unsigned request;	/* read-more fetch in flight, or 0 */
	char *note;		/* "fetching…" or why the page failed */
	struct art_line *lines;
	size_t nlines;
	int width;		/* the width lines were laid out for; 0 = stale */
	size_t top;
	int height;
};

static const struct screen_ops article_ops;

static size_t art_max_top(const struct article *a);
static void art_show_focus(struct article *a);

static struct article *
art_of(struct screen *s)
{
	return (struct article *)s;
}

/* ---- layout -------------------------------------------------------- */

static void
art_lines_clear(struct article *a)
{
	size_t i;

	for (i = 0; i < a->nlines; i++) {
		free(a->lines[i].text);
	}
	free(a->lines);
	a->lines = NULL;
	a->nlines = 0;
}

static int
art_add_line(struct article *a, const char *text, size_t len,
             enum config_element elem, int entry)
{
	struct art_line *l = realloc(a->lines, (a->nlines + 1) * sizeof(*l));

	if (l == NULL) {
		return -1;
	}
	a->lines = l;
	l = &a->lines[a->nlines];
	if ((l->text = strndup(text, len)) == NULL) {
		return -1;
	}
	l->elem = elem;
	l->entry = entry;
	a->nlines++;
	return 0;
}

/* Adds text wrapped to width, each line after prefix (e.g. the caption
 * bar); paragraph breaks become empty lines. */
static void
art_add_wrapped(struct article *a, const char *text, const char *prefix,
                enum config_element elem, int width)
{
	int pw = width_columns(prefix);
	char *wrapped = width_wrap(text, width - pw > 8 ? width - pw : 8);
	const char *p, *nl;
	char buf[4096];

	if (wrapped == NULL) {
		return;
	}
	for (p = wrapped; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		nl = nl != NULL ? nl : p + strlen(p);
		snprintf(buf, sizeof(buf), "%s%.*s", nl > p ? prefix : "",
		         (int)(nl - p), p);
		art_add_line(a, buf, strlen(buf), elem, -1);
	}
	free(wrapped);
}

static void
art_add_header(struct article *a, int width)
{
	const struct nf_item *it = a->item;
	char line[1024], when[32], head[1024], source[512];

	title_headline(it->title, it->source, head, sizeof(head), source,
	              sizeof(source));
	art_add_wrapped(a, head, "", CONFIG_ELEMENT_TITLE, width);
	draw_time(it->published, when, sizeof(when));
	snprintf(line, sizeof(line), "%s%s%s%s%s", source,
	         it->author != NULL ? " · " : "", nf_str(it->author),
	         when[0] != '\0' ? " · " : "", when);
	art_add_line(a, line, strlen(line), CONFIG_ELEMENT_SOURCE, -1);
	if (it->link != NULL) {
		art_add_line(a, it->link, strlen(it->link), CONFIG_ELEMENT_LINK, -1);
	}
	art_add_line(a, "", 0, CONFIG_ELEMENT_READ, -1);
	if (it->image != NULL && it->image->caption != NULL) {
		draw_caption(it->image, line, sizeof(line));
		art_add_wrapped(a, line, "▌", CONFIG_ELEMENT_CAPTION, width);
		art_add_line(a, "", 0, CONFIG_ELEMENT_READ, -1);
	}
}

/* An entry's line, "▸ title — source (+N similar)": the title gives way
 * so that the source stays in sight, as on the Headlines screen. */
static void
art_add_entry_line(struct article *a, int i, const char *more, int width)
{
	const struct art_entry *e = &a->entries[i];
	const char *indent = e->depth ? "      " : "  ";
	const char *mark = e->ncopies > 0 ? (e->expanded ? "▾ " : "▸ ") : "• ";
	const char *src = e->source != NULL ? e->source : "read more";
	char line[2048], *title;
	int room = width - width_columns(indent) - 2 - 3 - width_columns(src) -
	           width_columns(more);

	title = width_fit(nf_str(e->title), room >= 12 ? room : 4096, 0);
	snprintf(line, sizeof(line), "%s%s%s — %s%s", indent, mark,
	         title != NULL ? title : nf_str(e->title), src, more);
	free(title);
	art_add_line(a, line, strlen(line), CONFIG_ELEMENT_READ_MORE, i);
}

static void
art_add_similar(struct article *a, int width)
{
	size_t i, top = 0;
	char line[1024];

	for (i = 0; i < a->nentries; i++) {
		top += a->entries[i].depth == 0;
	}
	if (top == 0) {
		return;
	}
	art_add_line(a, "", 0, CONFIG_ELEMENT_READ, -1);
	snprintf(line, sizeof(line), "%s Similar News (%zu)",
	         a->fold_open ? "▾" : "▸", top);
	art_add_line(a, line, strlen(line), CONFIG_ELEMENT_FOLD_MARKER, -2);
	for (i = 0; a->fold_open && i < a->nentries; i++) {
		const struct art_entry *e = &a->entries[i];
		char more[48] = "";

		if (e->ncopies > 0) {
			snprintf(more, sizeof(more), " (+%zu similar)", e->ncopies);
		}
		art_add_entry_line(a, (int)i, more, width);
		if (e->ncopies > 0 && !e->expanded) {
			i += e->ncopies;	/* folded: skip its copies */
		}
	}
}

static void
art_layout(struct article *a, int width)
{
	const char *body;

	art_lines_clear(a);
	a->width = width;
	art_add_header(a, width);
	body = a->item->content != NULL && a->item->content[0] != '\0' ?
	       a->item->content : a->item->summary;
	if (body != NULL) {
		art_add_wrapped(a, body, "", CONFIG_ELEMENT_READ, width);
	}
	if (a->note != NULL) {
		art_add_line(a, "", 0, CONFIG_ELEMENT_READ, -1);
		art_add_wrapped(a, a->note, "", CONFIG_ELEMENT_ERROR, width);
	}
	art_add_similar(a, width);
}

/* ---- entries ------------------------------------------------------- */

/* The host of link without "www.", for an entry that names no outlet:
 * "baltic-wire.example" says more than nothing. */
static void
art_host(const char *link, char *out, size_t size)
{
	char *host = url_host(link);
	const char *h = host != NULL ? host : "";

	if (strncmp(h, "www.", 4) == 0) {
		h += 4;
	}
	snprintf(out, size, "%s", h);
	free(host);
}

/* Adds an entry as the fold shows it: an aggregator's " - Publisher"
 * moves from the title to the source, and an entry without a source
 * shows its link's host. */
static int
art_add_entry(struct article *a, const char *title, const char *link,
              const char *source, int64_t rowid, int depth)
{
	struct art_entry *e = realloc(a->entries,
	                              (a->nentries + 1) * sizeof(*e));
	char head[1024], src[512];

	if (e == NULL) {
		return -1;
	}
	a->entries = e;
	e = &a->entries[a->nentries++];
	memset(e, 0, sizeof(*e));
	title_headline(title, source != NULL && source[0] != '\0' ? source : NULL,
	              head, sizeof(head), src, sizeof(src));
	if (src[0] == '\0') {
		art_host(link, src, sizeof(src));
	}
	e->title = strdup(head);
	e->link = link != NULL ? strdup(link) : NULL;
	e->source = src[0] != '\0' ? strdup(src) : NULL;
	e->rowid = rowid;
	e->depth = depth;
	return 0;
}

/* The story's copies first (each another outlet's item), then the
 * item's related entries, each followed by its own copies. */
static void
art_build_entries(struct article *a, const struct nf_item *const *items,
                  const size_t *members, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct nf_item *it = items[members[i]];

		if (it->rowid != a->item->rowid) {
			art_add_entry(a, it->title, it->link, it->source, it->rowid, 0);
		}
	}
	a->nstory = a->nentries;
	for (i = 0; i < a->item->nrelated; i++) {
		const struct nf_related *r = &a->item->related[i];
		size_t parent = a->nentries;

		if (art_add_entry(a, r->title, r->link, r->source, 0, 0) != 0) {
			return;
		}
		for (k = 0; k < r->ncopies; k++) {
			const struct nf_related *c = &r->copies[k];

			if (art_add_entry(a, c->title, c->link, c->source, 0, 1) == 0) {
				a->entries[parent].ncopies++;
			}
		}
	}
}

static struct article *
art_alloc(void)
{
	struct article *a = calloc(1, sizeof(*a));

	if (a != NULL) {
		a->base.ops = &article_ops;
		a->focus = -1;
	}
	return a;
}

struct screen *
article_new(struct ui *ui, int64_t rowid, const struct nf_item *const *items,
            const size_t *members, size_t n)
{
	struct article *a = art_alloc();
	struct nf_error err;

	if (a == NULL) {
		ui_status(ui, 1, "out of memory");
		return NULL;
	}
	if (store_item_load(ui->store, rowid, &a->item, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
		free(a);
		return NULL;
	}
	if (n > 1 && items[members[0]]->rowid == rowid) {
		/* a story is headed by its headline; the lead copy's text follows */
		size_t h = frontpage_headline((struct nf_item *const *)items, members, n);

		nf_strset(&a->item->title, items[h]->title);
	}
	art_build_entries(a, items, members, n);
	return &a->base;
}

struct screen *
article_new_page(struct ui *ui, const char *title, const char *link,
                 const char *source)
{
	struct article *a = art_alloc();

	if (a == NULL || (a->item = item_new()) == NULL) {
		free(a);
		ui_status(ui, 1, "out of memory");
		return NULL;
	}
	nf_strset(&a->item->title, title);
	nf_strset(&a->item->link, link);
	nf_strset(&a->item->source, source);
	if (link == NULL) {
		a->note = strdup("This entry has no link to read more from.");
		return &a->base;
	}
	a->request = ui_fetch_page(ui, link);
	a->note = strdup(a->request != 0 ? "Fetching the page…" :
	                 "Could not start fetching the page.");
	return &a->base;
}

/* ---- drawing ------------------------------------------------------- */

/* Lays the lines out again for a new width. A resize keeps the place:
 * the selected entry stays in sight, else the same share of the text
 * stays above the window (lines rewrap, so indexes would jump). */
/* The lines changed (a fold, a page arrived): lay them out again at
 * once, not at the next draw, so that keys already waiting (j after
 * Tab, typed faster than a frame) move over the new lines. */
static void
art_stale(struct article *a)
{
	if (a->width > 0) {
		art_layout(a, a->width);
		if (a->focus >= 0) {
			art_show_focus(a);
		}
	}
}

static void
art_relayout(struct article *a, int width)
{
	int resized = a->width != 0 && a->nlines > 0;
	double share = resized ? (double)a->top / (double)a->nlines : 0.0;

	art_layout(a, width);
	if (resized) {
		a->top = (size_t)(share * (double)a->nlines);
	}
	if (a->focus >= 0) {
		art_show_focus(a);
	}
	if (a->top > art_max_top(a)) {
		a->top = art_max_top(a);
	}
}

static void
art_draw(struct screen *s, struct ui *ui, WINDOW *w, int height, int width)
{
	struct article *a = art_of(s);
	int y;

	(void)ui;
	a->height = height;
	if (a->width != width) {
		art_relayout(a, width);
	}
	if (a->top >= a->nlines) {
		a->top = a->nlines > 0 ? a->nlines - 1 : 0;
	}
	werase(w);
	for (y = 0; y < height && a->top + (size_t)y < a->nlines; y++) {
		const struct art_line *l = &a->lines[a->top + (size_t)y];
		attr_t attr = draw_attr(l->elem);

		if (l->entry >= 0 && l->entry == a->focus) {
			attr = draw_attr(CONFIG_ELEMENT_SELECTED);
		}
		draw_text(w, y, 0, width, l->text, attr, l->entry >= 0);
	}
}

static void
art_title(struct screen *s, struct ui *ui, char *out, size_t size)
{
	struct article *a = art_of(s);
	size_t pct = a->nlines > 0 ? (a->top + (size_t)a->height) * 100 / a->nlines : 100;

	(void)ui;
	snprintf(out, size, "newsfold — %s — %zu%%", nf_str(a->item->source),
	         pct > 100 ? 100 : pct);
}

/* ---- actions ------------------------------------------------------- */

static size_t
art_max_top(const struct article *a)
{
	size_t h = a->height > 0 ? (size_t)a->height : 1;

	return a->nlines > h ? a->nlines - h : 0;
}

static void
art_scroll(struct article *a, long delta)
{
	size_t max = art_max_top(a);

	if (delta < 0 && (size_t)-delta > a->top) {
		a->top = 0;
	} else {
		a->top += delta;
	}
	a->top = a->top > max ? max : a->top;
}

/* The line showing entry (or the fold line for -2), or nlines. */
static size_t
art_line_of(const struct article *a, int entry)
{
	size_t i;

	for (i = 0; i < a->nlines; i++) {
		if (a->lines[i].entry == entry) {
			return i;
		}
	}
	return a->nlines;
}

/* Keeps the focused entry on screen. */
static void
art_show_focus(struct article *a)
{
	size_t l = art_line_of(a, a->focus), h = a->height > 0 ? a->height : 1;

	if (l == a->nlines) {
		return;
	}
	if (l < a->top) {
		a->top = l;
	} else if (l >= a->top + h) {
		a->top = l - h + 1;
	}
}

/* Moves the focus to the next/previous entry shown; above the first it
 * goes back to scrolling. */
static void
art_move_focus(struct article *a, int dir)
{
	size_t l = art_line_of(a, a->focus), i;

	if (dir > 0) {
		for (i = l + 1; i < a->nlines; i++) {
			if (a->lines[i].entry >= 0) {
				a->focus = a->lines[i].entry;
				break;
			}
		}
	} else {
		a->focus = -1;
		for (i = l; i-- > 0;) {
			if (a->lines[i].entry >= 0) {
				a->focus = a->lines[i].entry;
				break;
			}
		}
	}
	art_show_focus(a);
}

/* Handlers act on the lines as laid out; a screen pushed by a key in the
 * same burst has not been drawn yet, so lay it out for the body window
 * it is about to get. */
static struct article *
art_ready(struct screen *s, struct ui *ui)
{
	struct article *a = art_of(s);

	if (a->width == 0 && ui->cols > 0) {
		a->height = ui->rows > 2 ? ui->rows - 2 : 1;
		art_layout(a, ui->cols);
	}
	return a;
}

static int
art_up(struct screen *s, struct ui *ui)
{
	struct article *a = art_ready(s, ui);

	(void)ui;
	if (a->focus >= 0) {
		art_move_focus(a, -1);
	} else {
		art_scroll(a, -1);
	}
	return 1;
}

static int
art_down(struct screen *s, struct ui *ui)
{
	struct article *a = art_ready(s, ui);

	(void)ui;
	if (a->focus >= 0) {
		art_move_focus(a, 1);
	} else {
		art_scroll(a, 1);
	}
	return 1;
}

static int
art_page_up(struct screen *s, struct ui *ui)
{
	struct article *a = art_ready(s, ui);

	(void)ui;
	a->focus = -1;
	art_scroll(a, -(long)(a->height > 1 ? a->height - 1 : 1));
	return 1;
}

static int
art_page_down(struct screen *s, struct ui *ui)
{
	struct article *a = art_ready(s, ui);

	(void)ui;
	a->focus = -1;
	art_scroll(a, a->height > 1 ? a->height - 1 : 1);
	return 1;
}

static int
art_top(struct screen *s, struct ui *ui)
{
	(void)ui;
	art_of(s)->top = 0;
	art_of(s)->focus = -1;
	return 1;
}

static int
art_bottom(struct screen *s, struct ui *ui)
{
	struct article *a = art_ready(s, ui);

	a->top = art_max_top(a);
	return 1;
}

/* Opens (or with `how` 0 closes) the Similar News fold; opening moves
 * the selection onto its first entry. */
static int
art_set_fold(struct article *a, int how)
{
	if (a->nentries == 0) {
		return 0;
	}
	a->fold_open = how;
	a->focus = how ? 0 : -1;
	art_stale(a);
	return 1;
}

/* Unfolds or folds the related entry under the focus. */
static int
art_set_entry(struct article *a, int how)
{
	struct art_entry *e;

	if (a->focus < 0) {
		return 0;
	}
	e = &a->entries[a->focus];
	if (e->depth == 1 || e->ncopies == 0) {
		return 0;
	}
	e->expanded = how < 0 ? !e->expanded : how;
	art_stale(a);
	return 1;
}

/* Tab opens the fold and moves into it; space pages down, as in less;
 * inside the fold both unfold the related entry under the selection. */
static int
art_toggle_fold(struct screen *s, struct ui *ui)
{
	struct article *a = art_ready(s, ui);

	if (a->focus >= 0 && a->entries[a->focus].ncopies > 0) {
		return art_set_entry(a, -1);
	}
	if (s->key == ' ') {
		return art_page_down(s, ui);
	}
	if (a->nentries == 0) {
		ui_status(ui, 0, "no similar news for this story");
		return 1;
	}
	art_set_fold(a, 1);
	return 1;
}

static int
art_expand(struct screen *s, struct ui *ui)
{
	struct article *a = art_ready(s, ui);

	(void)ui;
	return a->focus >= 0 ? art_set_entry(a, 1) : art_set_fold(a, 1);
}

static int
art_collapse(struct screen *s, struct ui *ui)
{
	struct article *a = art_ready(s, ui);

	(void)ui;
	if (a->focus >= 0 && a->entries[a->focus].expanded) {
		return art_set_entry(a, 0);
	}
	return art_set_fold(a, 0);
}

/* Read more on one entry: a copy in the store with enough text opens as
 * an article; anything else fetches its linked page. */
static int
art_read_more(struct ui *ui, const struct art_entry *e)
{
	struct screen *next = NULL;
	struct nf_item *it = NULL;
	struct nf_error err;

	if (e->rowid != 0 && store_item_load(ui->store, e->rowid, &it, &err) == NF_OK) {
		if (item_text_length(it) >= ARTICLE_ENOUGH_TEXT || it->link == NULL) {
			next = article_new(ui, e->rowid, NULL, NULL, 0);
			ui_mark(ui, &e->rowid, 1, 1);
		}
		item_free(it);
	}
	if (next == NULL) {
		next = article_new_page(ui, e->title, e->link, e->source);
	}
	if (next != NULL) {
		ui_push(ui, next);
	}
	return 1;
}

static int
art_open(struct screen *s, struct ui *ui)
{
	struct article *a = art_ready(s, ui);

	if (a->focus >= 0) {
		return art_read_more(ui, &a->entries[a->focus]);
	}
	if (item_text_length(a->item) < ARTICLE_ENOUGH_TEXT &&
	    a->item->link != NULL && a->request == 0) {
		a->request = ui_fetch_page(ui, a->item->link);
		free(a->note);
		a->note = strdup("Fetching the page…");
		art_stale(a);
	}
	return 1;
}

static int
art_open_browser(struct screen *s, struct ui *ui)
{
	struct article *a = art_of(s);
	const char *link = a->focus >= 0 ? a->entries[a->focus].link : a->item->link;

	if (link == NULL) {
		ui_status(ui, 1, "no link to open");
		return 1;
	}
	ui_open_browser(ui, link);
	return 1;
}

static int
art_page(struct screen *s, struct ui *ui, unsigned request, char *text,
         const char *reason)
{
	struct article *a = art_of(s);

	if (request == 0 || request != a->request) {
		return 0;
	}
	a->request = 0;
	free(a->note);
	a->note = NULL;
	if (text != NULL) {
		free(a->item->content);
		a->item->content = text;
	} else {
		a->note = strdup(reason != NULL ? reason : "the page has no article text");
		ui_status(ui, 1, "read more: %s", a->note != NULL ? a->note : "failed");
	}
	art_stale(a);
	return 1;
}

static void
art_free(struct screen *s)
{
	struct article *a = art_of(s);
	size_t i;

	for (i = 0; i < a->nentries; i++) {
		free(a->entries[i].title);
		free(a->entries[i].link);
		free(a->entries[i].source);
	}
	free(a->entries);
	art_lines_clear(a);
	item_free(a->item);
	free(a->note);
	free(a);
}

static const struct screen_ops article_ops = {
	.name = "article",
	.draw = art_draw,
	.title = art_title,
	.page = art_page,
	.handlers = {
		[CONFIG_ACTION_UP] = art_up,
		[CONFIG_ACTION_DOWN] = art_down,
		[CONFIG_ACTION_PAGE_UP] = art_page_up,
		[CONFIG_ACTION_PAGE_DOWN] = art_page_down,
		[CONFIG_ACTION_TOP] = art_top,
		[CONFIG_ACTION_BOTTOM] = art_bottom,
		[CONFIG_ACTION_OPEN] = art_open,
		[CONFIG_ACTION_TOGGLE_FOLD] = art_toggle_fold,
		[CONFIG_ACTION_EXPAND] = art_expand,
		[CONFIG_ACTION_COLLAPSE] = art_collapse,
		[CONFIG_ACTION_OPEN_IN_BROWSER] = art_open_browser,
	},
	.free = art_free,
};
