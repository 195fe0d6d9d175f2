#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/import.h"
#include "src/sync.h"
#include "src/width.h"
#include "ui/keys.h"
#include "src/url.h"
#include "ui/draw.h"
#include "ui/jobs.h"
#include "ui/list.h"
#include "ui/screen_feeds.h"
#include "ui/screen_headlines.h"

/* A row over the store that is no feed: a `query` line, or a tag. */
struct fd_virtual {
	const char *title;		/* borrowed from the dotfile */
	const struct query *match;	/* a query's, or &tag */
	struct query tag;		/* QUERY_TAG, text borrowed */
	size_t unread;
};

struct feeds {
	struct screen base;
	struct ui *ui;
	struct store_feed_info *feeds;
	size_t nfeeds;
	size_t nlisted;		/* the dotfile's feeds, first in feeds */
	struct fd_virtual *virt;	/* the queries, or with by_tag the tags */
	size_t nvirt;
	int by_tag;		/* `t`: tags listed instead of queries and feeds */
	struct list list;	/* row 0 is "All feeds", rows 1..nvirt virt,
				 * then feeds (none with by_tag) */
	char hint[512];
};

static const struct screen_ops feeds_ops;

static struct feeds *
fd_of(struct screen *s)
{
	return (struct feeds *)s;
}

static size_t
fd_count(void *ctx)
{
	struct feeds *f = ctx;

	return 1 + f->nvirt + (f->by_tag ? 0 : f->nlisted);
}

/* The feed on row, or NULL for "All feeds" and the virtual rows. */
static const struct store_feed_info *
fd_feed_at(const struct feeds *f, size_t row)
{
	return row > f->nvirt && !f->by_tag && row - f->nvirt <= f->nlisted ?
	       &f->feeds[row - f->nvirt - 1] : NULL;
}

static const struct fd_virtual *
fd_virtual_at(const struct feeds *f, size_t row)
{
	return row >= 1 && row <= f->nvirt ? &f->virt[row - 1] : NULL;
}

static int
fd_match(void *ctx, size_t row, const char *needle)
{
	struct feeds *f = ctx;
	const struct store_feed_info *fi = fd_feed_at(f, row);
	const struct fd_virtual *v = fd_virtual_at(f, row);

	return row == 0 || (v != NULL && strcasestr(v->title, needle) != NULL) ||
	       (fi != NULL && strcasestr(nf_str(fi->title), needle) != NULL);
}

/* A query or tag row: its title and unread count, and what it is. */
static void
fd_draw_virtual(struct feeds *f, WINDOW *w, int y, int width,
                const struct fd_virtual *v, attr_t base)
{
	char right[64];
	int x;

	snprintf(right, sizeof(right), " %zu unread  %s", v->unread,
	         f->by_tag ? "tag     " : "query   ");
	x = draw_text(w, y, 0, width - width_columns(right), v->title,
	              base | draw_attr(v->unread > 0 ? CONFIG_ELEMENT_UNREAD :
	                               CONFIG_ELEMENT_READ), 1);
	draw_text(w, y, x, width - x, right, base | draw_attr(CONFIG_ELEMENT_READ), 1);
}

static void
fd_draw_row(void *ctx, WINDOW *w, int y, int width, size_t row, int selected)
{
	struct feeds *f = ctx;
	attr_t base = selected ? draw_attr(CONFIG_ELEMENT_SELECTED) : A_NORMAL;
	char right[64];
	size_t unread = 0;
	int rw, x = 0;
	const struct store_feed_info *fi = fd_feed_at(f, row);

	if (fd_virtual_at(f, row) != NULL) {
		fd_draw_virtual(f, w, y, width, fd_virtual_at(f, row), base);
		return;
	}
	/* One rule: unread stories. All feeds counts each story once, as
	 * the front page does; a feed, each story it carries. */
	if (fi == NULL) {
		unread = headlines_unread_stories(f->ui->stack[0]);
	}
	if (fi != NULL && ui_feed_is_fetching(f->ui, fi->id)) {
		snprintf(right, sizeof(right), " %zu unread  fetching", fi->nunread);
	} else if (fi != NULL && fi->last_error != NULL) {
		snprintf(right, sizeof(right), " %zu unread  error   ", fi->nunread);
	} else {
		snprintf(right, sizeof(right), " %zu unread          ",
		         fi != NULL ? fi->nunread : unread);
	}
	rw = width_columns(right);
	x += draw_text(w, y, x, width - rw, fi != NULL ? nf_str(fi->title) : "All feeds",
	               base | draw_attr((fi != NULL ? fi->nunread : unread) > 0 ?
	                                CONFIG_ELEMENT_UNREAD : CONFIG_ELEMENT_READ), 1);
	draw_text(w, y, x, width - x, right, base | draw_attr(fi != NULL &&
	          fi->last_error != NULL ? CONFIG_ELEMENT_ERROR : CONFIG_ELEMENT_READ), 1);
}

static const struct list_ops fd_list_ops = {
	.count = fd_count,
	.draw_row = fd_draw_row,
	.match = fd_match,
};

/* Only the dotfile's feeds are listed; the others stay in the store. */
static void
fd_keep_listed(struct feeds *f, const struct ui *ui)
{
	size_t i, kept = 0;

	for (i = 0; i < f->nfeeds; i++) {
		if (ui_feed_is_listed(ui, f->feeds[i].id)) {
			struct store_feed_info t = f->feeds[kept];

			f->feeds[kept++] = f->feeds[i];
			f->feeds[i] = t;
		}
	}
	/* the dropped ones sit past kept and are freed with the list */
	f->nlisted = kept;
}

/* With ignore lines, a feed's counts leave out what they hide. */
static void
fd_count_killfile(struct feeds *f, struct ui *ui, struct sync_filter *sf)
{
	struct nf_error err;
	size_t i;

	for (i = 0; ui->cfg->nignores > 0 && i < f->nlisted; i++) {
		if (store_items_count(ui->store, f->feeds[i].id, &sf->filter,
		                      &f->feeds[i].nitems, &f->feeds[i].nunread,
		                      &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
			return;
		}
	}
}

/* Adds tag to f->virt unless it is there; f->virt has room. */
static void
fd_add_tag(struct feeds *f, const char *tag)
{
	size_t i;

	for (i = 0; i < f->nvirt; i++) {
		if (strcmp(f->virt[i].title, tag) == 0) {
			return;
		}
	}
	f->virt[f->nvirt].title = tag;
	f->virt[f->nvirt].tag.kind = QUERY_TAG;
	f->virt[f->nvirt].tag.text = (char *)tag;
	f->nvirt++;
}

/* The virtual rows: the dotfile's queries, or its tags in the order they
 * first appear; each counted through the store (killfile applied). */
static void
fd_load_virtual(struct feeds *f, struct ui *ui, struct sync_filter *sf)
{
	const struct config *cfg = ui->cfg;
	struct nf_error err;
	size_t i, j, cap = cfg->nqueries;

	free(f->virt);
	f->nvirt = 0;
	for (i = 0; f->by_tag && i < cfg->nfeeds; i++) {
		cap += cfg->feeds[i].ntags;
	}
	if ((f->virt = calloc(cap + 1, sizeof(*f->virt))) == NULL) {
		ui_status(ui, 1, "out of memory");
		return;
	}
	for (i = 0; !f->by_tag && i < cfg->nqueries; i++) {
		f->virt[f->nvirt].title = cfg->queries[i].title;
		f->virt[f->nvirt++].match = cfg->queries[i].expr;
	}
	for (i = 0; f->by_tag && i < cfg->nfeeds; i++) {
		for (j = 0; j < cfg->feeds[i].ntags; j++) {
			fd_add_tag(f, cfg->feeds[i].tags[j]);
		}
	}
	for (i = 0; i < f->nvirt; i++) {
		sf->filter.match = f->by_tag ? &f->virt[i].tag : f->virt[i].match;
		if (store_items_count(ui->store, 0, &sf->filter, NULL,
		                      &f->virt[i].unread, &err) != NF_OK) {
			ui_status(ui, 1, "%s", err.msg);
			break;
		}
	}
	sf->filter.match = NULL;
}

static void
fd_load(struct feeds *f, struct ui *ui)
{
	struct nf_error err;
	struct sync_filter sf;

	store_feed_list_free(f->feeds, f->nfeeds);
	f->feeds = NULL;
	f->nfeeds = 0;
	f->nlisted = 0;
	if (store_feed_list(ui->store, &f->feeds, &f->nfeeds, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
		f->feeds = NULL;
		f->nfeeds = 0;
	}
	fd_keep_listed(f, ui);
	if (sync_filter_init(&sf, ui->cfg, NULL, &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
	} else {
		/* the counts may read the search index: in step first */
		if (ui->cfg->nignores > 0 || ui->cfg->nqueries > 0) {
			store_search_catch_up(ui->store, 0, NULL, &err);
		}
		fd_count_killfile(f, ui, &sf);
		fd_load_virtual(f, ui, &sf);
		sync_filter_clear(&sf);
	}
	/* Rows are positions: a feed list only grows at its end, so the
	 * selection stays on the same feed. */
	list_refilter(&f->list);
}

static void
fd_draw(struct screen *s, struct ui *ui, WINDOW *w, int height, int width)
{
	struct feeds *f = fd_of(s);

	(void)ui;
	werase(w);
	list_set_height(&f->list, height);
	list_draw(&f->list, w, 0, width);
}

static void
fd_title(struct screen *s, struct ui *ui, char *out, size_t size)
{
	(void)ui;
	if (fd_of(s)->by_tag) {
		snprintf(out, size, "newsfold — Tags — %zu tags", fd_of(s)->nvirt);
		return;
	}
	snprintf(out, size, "newsfold — Feeds — %zu feeds — counts are stories,"
	         " once per feed that carries one", fd_of(s)->nlisted);
}

static void
fd_refresh(struct screen *s, struct ui *ui)
{
	fd_load(fd_of(s), ui);
}

static const struct store_feed_info *
fd_current(struct feeds *f)
{
	size_t r = list_selected(&f->list);

	return r != (size_t)-1 ? fd_feed_at(f, r) : NULL;
}

static const struct fd_virtual *
fd_current_virtual(struct feeds *f)
{
	size_t r = list_selected(&f->list);

	return r != (size_t)-1 ? fd_virtual_at(f, r) : NULL;
}

/* The first feed a web page given as a feed links (sync words its error
 * "...; web page: found feed URL[, URL...]"); 0 when there is none. */
static int
fd_found_feed(const struct store_feed_info *fi, char *url, size_t size)
{
	static const char mark[] = "; web page: found feed ";
	const char *p = fi->last_error != NULL ? strstr(fi->last_error, mark) : NULL;
	size_t n;

	if (p == NULL) {
		return 0;
	}
	p += sizeof(mark) - 1;
	n = strcspn(p, ", ");
	snprintf(url, size, "%.*s", (int)n, p);
	return n > 0 && n < size;
}

/* The selected feed's error, or its URL. */
static const char *
fd_hint(struct screen *s, struct ui *ui)
{
	struct feeds *f = fd_of(s);
	const struct store_feed_info *fi = fd_current(f);
	char url[1024], keys[64];

	(void)ui;
	if (fi == NULL) {
		return NULL;
	}
	if (fd_found_feed(fi, url, sizeof(url))) {
		keys_bound_to(ui->cfg, CONFIG_ACTION_ADD_FEED, keys, sizeof(keys));
		keys[strcspn(keys, " ")] = '\0';
		snprintf(f->hint, sizeof(f->hint), "a web page, not a feed; it links"
		         " the feed %.400s: press %.8s to add it", url, keys);
		return f->hint;
	}
	if (fi->last_error != NULL) {
		snprintf(f->hint, sizeof(f->hint), "error: %s", fi->last_error);
	} else {
		/* a password in the URL stays off the screen */
		char *shown = url_redact(nf_str(fi->url));

		snprintf(f->hint, sizeof(f->hint), "%s", shown != NULL ? shown : "");
		free(shown);
	}
	return f->hint;
}

static void
fd_filter(struct screen *s, struct ui *ui, const char *needle)
{
	(void)ui;
	list_set_filter(&fd_of(s)->list, needle);
}

/* Enter: "All feeds" goes back to the front page; a feed opens its own
 * Headlines on top of this screen. */
static int
fd_open(struct screen *s, struct ui *ui)
{
	const struct store_feed_info *fi = fd_current(fd_of(s));
	const struct fd_virtual *v = fd_current_virtual(fd_of(s));
	struct screen *h;

	if (v != NULL) {
		h = fd_of(s)->by_tag ? headlines_new_tag(ui, v->title) :
		    headlines_new_query(ui, v->match, v->title);
		if (h != NULL) {
			ui_push(ui, h);
		}
		return 1;
	}
	if (fi == NULL) {
		while (ui->depth > 1) {
			ui_pop(ui);
		}
		return 1;
	}
	h = headlines_new(ui, fi->id, nf_str(fi->title));
	if (h != NULL) {
		ui_push(ui, h);
	}
	return 1;
}

static int
fd_reload(struct screen *s, struct ui *ui)
{
	const struct store_feed_info *fi = fd_current(fd_of(s));

	ui_reload(ui, fi != NULL ? fi->id : 0);
	return 1;
}

static int
fd_mark_all_read(struct screen *s, struct ui *ui)
{
	const struct store_feed_info *fi = fd_current(fd_of(s));

	ui_mark_all_read(ui, fi != NULL ? fi->id : 0);
	return 1;
}

/* t: the tags instead of the queries and feeds, and back. */
static int
fd_toggle_tags(struct screen *s, struct ui *ui)
{
	struct feeds *f = fd_of(s);

	f->by_tag = !f->by_tag;
	fd_load(f, ui);
	list_select_row(&f->list, 0);
	ui->dirty_top = ui->dirty_body = 1;
	return 1;
}

/* a: the feed a web page links goes into the dotfile (the dotfile is
 * read at start, so it is read from the next start on). */
static int
fd_add_found(struct screen *s, struct ui *ui)
{
	const struct store_feed_info *fi = fd_current(fd_of(s));
	struct nf_error err;
	char url[1024];
	size_t added = 0;

	if (fi == NULL || !fd_found_feed(fi, url, sizeof(url))) {
		ui_status(ui, 0, "no feed to add: this feed's page links none");
		return 1;
	}
	if (ui->cfg->is_demo || ui->cfg->path == NULL) {
		ui_status(ui, 1, "no dotfile to add %s to: write one with a feed line",
		          url);
		return 1;
	}
	if (config_add_feed(ui->cfg->path, url, nf_str(fi->url), &added,
	                    &err) != NF_OK) {
		ui_status(ui, 1, "%s", err.msg);
		return 1;
	}
	ui_status(ui, 0, "%s %s in %s: start newsfold again to read it",
	          added > 0 ? "added" : "already listed:", url, ui->cfg->path);
	return 1;
}

static void
fd_free(struct screen *s)
{
	struct feeds *f = fd_of(s);

	free(f->virt);
	store_feed_list_free(f->feeds, f->nfeeds);
	list_free(&f->list);
	free(f);
}

static const struct screen_ops feeds_ops = {
	.name = "feeds",
	.draw = fd_draw,
	.title = fd_title,
	.reload = fd_refresh,
	.hint = fd_hint,
	.reload_on_show = 1,
	.set_filter = fd_filter,
	.handlers = {
		[CONFIG_ACTION_OPEN] = fd_open,
		[CONFIG_ACTION_RELOAD] = fd_reload,
		[CONFIG_ACTION_MARK_ALL_READ] = fd_mark_all_read,
		[CONFIG_ACTION_TOGGLE_TAGS] = fd_toggle_tags,
		[CONFIG_ACTION_ADD_FEED] = fd_add_found,
	},
	.help_title = "the Feeds screen",
	.help = {
		[CONFIG_ACTION_OPEN] = "open the feed's headlines (All feeds: the front page)",
		[CONFIG_ACTION_RELOAD] = "reload the feed under the cursor",
		[CONFIG_ACTION_MARK_ALL_READ] = "mark the feed's stories read, with their copies in other feeds",
	},
	.free = fd_free,
};

struct screen *
feeds_new(struct ui *ui)
{
	struct feeds *f = calloc(1, sizeof(*f));

	if (f == NULL) {
		ui_status(ui, 1, "out of memory");
		return NULL;
	}
	f->base.ops = &feeds_ops;
	f->base.list = &f->list;
	f->ui = ui;
	list_init(&f->list, &fd_list_ops, f);
	fd_load(f, ui);
	return &f->base;
}
