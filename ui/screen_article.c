#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/frontpage.h"
#include "src/htmltext.h"
#include "src/title.h"
#include "src/url.h"
#include "src/width.h"
#include "ui/draw.h"
#include "ui/jobs.h"
#include "ui/list.h"
#include "ui/pages.h"
#include "ui/save.h"
#include "ui/screen_article.h"

/* A Similar News entry: a copy of the story (rowid set) or a related
 * entry of the item; depth 1 for a related entry's own copies. */
struct art_entry {
	char *title;
	char *link;
	char *source;
	char *summary;		/* a related entry's own text, or NULL */
	int64_t rowid;		/* its copy in the store, or 0 */
	const struct nf_enclosure *enclosure;	/* an enclosure's line: the
						 * item's, not a related entry */
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
	size_t nsimilar;	/* entries of Similar News; the item's
				 * enclosures follow them */
	int fold_open;
	int focus;		/* selected entry, or -1: the pager scrolls */
	unsigned request;	/* read-more fetch in flight, or 0 */
	char *note;		/* "fetching…" or why the page failed */
	struct art_line *lines;
	size_t nlines;
	int width;		/* the width lines were laid out for; 0 = stale */
	int text_width;		/* the dotfile's text-width; 0 = the window's */
	size_t top;
	int height;
	size_t link_typed;	/* the link number typed so far, or 0 */
	struct nf_image *photo;	/* a story's photo from another copy, when
				 * the copy shown has none (owned), or NULL */
	char *photo_from;	/* that copy's outlet, or NULL */
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

/* Adds text wrapped to width, its first line after first (a list marker,
 * a caption bar) and the others after hang (the indent under it, the
 * same bar); paragraph breaks become empty lines, without the prefix. */
static void
art_add_hanging(struct article *a, const char *text, const char *first,
                const char *hang, enum config_element elem, int width)
{
	int pw = width_columns(first);
	char *wrapped = width_wrap(text, width - pw > 8 ? width - pw : 8);
	const char *p, *nl, *prefix = first;
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
		prefix = hang;
	}
	free(wrapped);
}

/* Adds text wrapped to width, each line after prefix. */
static void
art_add_wrapped(struct article *a, const char *text, const char *prefix,
                enum config_element elem, int width)
{
	art_add_hanging(a, text, prefix, prefix, elem, width);
}

/* Another copy's photo, as the lead panel shows it: credited to that
 * copy's outlet when it is not the outlet of the copy shown. */
static void
art_add_photo(struct article *a, int width)
{
	char cap[1024], line[1200];

	draw_caption(a->photo, cap, sizeof(cap));
	snprintf(line, sizeof(line), "%s%s%s", cap, a->photo_from != NULL ?
	         " — photo from " : "", nf_str(a->photo_from));
	art_add_wrapped(a, line, "▌", CONFIG_ELEMENT_CAPTION, width);
	art_add_line(a, "", 0, CONFIG_ELEMENT_READ, -1);
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
	} else if (a->photo != NULL) {
		art_add_photo(a, width);
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

	for (i = 0; i < a->nsimilar; i++) {
		top += a->entries[i].depth == 0;
	}
	if (top == 0) {
		return;
	}
	art_add_line(a, "", 0, CONFIG_ELEMENT_READ, -1);
	snprintf(line, sizeof(line), "%s Similar News (%zu)",
	         a->fold_open ? "▾" : "▸", top);
	art_add_line(a, line, strlen(line), CONFIG_ELEMENT_FOLD_MARKER, -2);
	for (i = 0; a->fold_open && i < a->nsimilar; i++) {
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

/* A line laid out as the feed wrote it: the text stage keeps <pre>'s
 * spaces, and gives prose single spaces and no indent, so an indented
 * line or a run of spaces is code, a table or verse. */
static int
art_is_preformatted(const char *line, size_t len)
{
	return len > 0 && (line[0] == ' ' || memmem(line, len, "  ", 2) != NULL);
}

/* The body: prose wrapped to width, preformatted lines kept whole and
 * cut at the edge with "…" rather than wrapped. */
static void
art_add_body(struct article *a, const char *body, int width)
{
	const char *p = body, *nl;

	while (*p != '\0') {
		char *line, *cut;
		size_t len;

		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if ((line = strndup(p, len)) == NULL) {
			return;
		}
		if (len == 0) {
			art_add_line(a, "", 0, CONFIG_ELEMENT_READ, -1);
		} else if (art_is_preformatted(line, len) &&
		           (cut = width_fit(line, width, 0)) != NULL) {
			art_add_line(a, cut, strlen(cut), CONFIG_ELEMENT_READ, -1);
			free(cut);
		} else {
			art_add_wrapped(a, line, "", CONFIG_ELEMENT_READ, width);
		}
		free(line);
		p = nl != NULL ? nl + 1 : p + len;
	}
}

/* ---- the article text (htmltext.h) ------------------------------- */

/* The indent that carries a line's prefix under its wrapped rows: the
 * quote bars stay, markers and indents become spaces. New string. */
static char *
art_hanging(const char *prefix, size_t len)
{
	static const char bar[] = "│ ";
	char *out = malloc(len + 1), *o = out;
	size_t i;

	if (out == NULL) {
		return NULL;
	}
	for (i = 0; i < len; ) {
		if (len - i >= sizeof(bar) - 1 && memcmp(prefix + i, bar, sizeof(bar) - 1) == 0) {
			memcpy(o, bar, sizeof(bar) - 1);
			o += sizeof(bar) - 1;
			i += sizeof(bar) - 1;
			continue;
		}
		*o++ = ' ';
		i++;
		while (i < len && ((unsigned char)prefix[i] & 0xC0) == 0x80) {
			i++;	/* "•" is one column, one space */
		}
	}
	*o = '\0';
	return out;
}

/* A preformatted line (len bytes, the mark at cut): its prefix and text
 * kept whole, cut at the edge with "…". */
static void
art_add_cut(struct article *a, const char *line, size_t cut, size_t len, int width)
{
	char *whole = malloc(len), *fit;

	if (whole == NULL) {
		return;
	}
	memcpy(whole, line, cut);
	memcpy(whole + cut, line + cut + 1, len - cut - 1);
	whole[len - 1] = '\0';
	if ((fit = width_fit(whole, width, 0)) != NULL) {
		art_add_line(a, fit, strlen(fit), CONFIG_ELEMENT_READ, -1);
		free(fit);
	}
	free(whole);
}

/* One line of the article text (len bytes): its prefix, then the rest
 * wrapped under a hanging indent, or preformatted and cut. */
static void
art_add_article_line(struct article *a, const char *line, size_t len, int width)
{
	size_t cut;
	char *prefix, *rest, *hang;

	for (cut = 0; cut < len && line[cut] != HTMLTEXT_PRE && line[cut] != HTMLTEXT_WRAP; cut++) {
	}
	if (cut < len && line[cut] == HTMLTEXT_PRE) {
		art_add_cut(a, line, cut, len, width);
		return;
	}
	prefix = strndup(line, cut < len ? cut : 0);
	rest = cut < len ? strndup(line + cut + 1, len - cut - 1) : strndup(line, len);
	hang = art_hanging(line, cut < len ? cut : 0);
	if (prefix != NULL && rest != NULL && hang != NULL) {
		if (rest[0] == '\0') {
			art_add_line(a, prefix, strlen(prefix), CONFIG_ELEMENT_READ, -1);
		} else {
			art_add_hanging(a, rest, prefix, hang, CONFIG_ELEMENT_READ, width);
		}
	}
	free(prefix);
	free(rest);
	free(hang);
}

/* The body from the item's article text, then "[N]: URL" for each of
 * its links. */
static void
art_add_article(struct article *a, const char *article, int width)
{
	const char *end = strchr(article, HTMLTEXT_LINKS), *p, *nl;
	char line[2048], *fit;
	size_t n = 0;

	end = end != NULL ? end : article + strlen(article);
	for (p = article; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl != NULL ? nl : end;
		art_add_article_line(a, p, (size_t)(nl - p), width);
		if (nl == end) {
			break;
		}
	}
	if (*end == '\0') {
		return;
	}
	art_add_line(a, "", 0, CONFIG_ELEMENT_READ, -1);
	for (p = end + 1; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		snprintf(line, sizeof(line), "[%zu]: %.*s", ++n, (int)(nl - p), p);
		if ((fit = width_fit(line, width, 0)) != NULL) {
			art_add_line(a, fit, strlen(fit), CONFIG_ELEMENT_LINK, -1);
			free(fit);
		}
	}
}

/* "1.2 MB" for an enclosure's length; "" when the feed gives none. */
static void
art_size(long long bytes, char *out, size_t size)
{
	static const char *const units[] = { "bytes", "KB", "MB", "GB" };
	double v = (double)bytes;
	size_t u = 0;

	if (bytes <= 0) {
		out[0] = '\0';
		return;
	}
	while (v >= 1024.0 && u + 1 < sizeof(units) / sizeof(units[0])) {
		v /= 1024.0;
		u++;
	}
	snprintf(out, size, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
}

/* "Enclosures (N)", then one line each: type, size and URL. */
static void
art_add_enclosures(struct article *a)
{
	char line[2048], size[32];
	size_t i;

	if (a->nentries == a->nsimilar) {
		return;
	}
	art_add_line(a, "", 0, CONFIG_ELEMENT_READ, -1);
	snprintf(line, sizeof(line), "Enclosures (%zu)", a->nentries - a->nsimilar);
	art_add_line(a, line, strlen(line), CONFIG_ELEMENT_FOLD_MARKER, -1);
	for (i = a->nsimilar; i < a->nentries; i++) {
		const struct nf_enclosure *enc = a->entries[i].enclosure;

		art_size(enc->length, size, sizeof(size));
		snprintf(line, sizeof(line), "  ▶ %s%s%s — %s",
		         enc->type != NULL ? enc->type : "file",
		         size[0] != '\0' ? ", " : "", size, nf_str(enc->url));
		art_add_line(a, line, strlen(line), CONFIG_ELEMENT_READ_MORE, (int)i);
	}
}

static void
art_layout(struct article *a, int width)
{
	const char *body;
	int text = a->text_width > 0 && a->text_width < width ? a->text_width :
	           width;

	art_lines_clear(a);
	a->width = width;
	art_add_header(a, text);
	body = a->item->content != NULL && a->item->content[0] != '\0' ?
	       a->item->content : a->item->summary;
	if (a->item->article != NULL) {
		art_add_article(a, a->item->article, text);
	} else if (body != NULL) {
		art_add_body(a, body, text);
	}
	art_add_enclosures(a);
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
              const char *source, const char *summary, int64_t rowid,
              int depth)
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
	e->summary = summary != NULL && summary[0] != '\0' ? strdup(summary) : NULL;
	e->rowid = rowid;
	e->depth = depth;
	return 0;
}

/* Whether rowid is the article's item or one of its story's copies. */
static int
art_has_copy(const struct article *a, int64_t rowid)
{
	size_t i;

	if (rowid == a->item->rowid) {
		return 1;
	}
	for (i = 0; i < a->nstory; i++) {
		if (a->entries[i].rowid == rowid) {
			return 1;
		}
	}
	return 0;
}

/* A related entry's copy in the store, found by its link, else by its
 * headline (an aggregator's " - Publisher" tail taken off). */
static int64_t
art_find_stored(struct ui *ui, const struct nf_related *r)
{
	char head[1024], src[512];

	title_headline(r->title, r->source != NULL && r->source[0] != '\0' ?
	               r->source : NULL, head, sizeof(head), src, sizeof(src));
	return store_item_find(ui->store, r->link, head);
}

/* Adds one related entry (depth 0) or one of its copies (depth 1); an
 * entry that is a copy of this very story is already listed, once. */
static int
art_add_related(struct article *a, struct ui *ui, const struct nf_related *r,
                int depth)
{
	int64_t rowid = art_find_stored(ui, r);

	if (rowid != 0 && art_has_copy(a, rowid)) {
		return 1;
	}
	return art_add_entry(a, r->title, r->link, r->source, r->summary, rowid,
	                     depth);
}

/* The story's copies first (each another outlet's item), then the
 * item's related entries, each followed by its own copies. */
static void
art_build_entries(struct article *a, struct ui *ui,
                  const struct nf_item *const *items, const size_t *members,
                  size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct nf_item *it = items[members[i]];

		if (it->rowid != a->item->rowid) {
			art_add_entry(a, it->title, it->link, it->source, NULL,
			              it->rowid, 0);
		}
	}
	a->nstory = a->nentries;
	for (i = 0; i < a->item->nrelated; i++) {
		const struct nf_related *r = &a->item->related[i];
		size_t parent = a->nentries;
		int rc = art_add_related(a, ui, r, 0);

		if (rc < 0) {
			return;
		}
		for (k = 0; k < r->ncopies; k++) {
			if (art_add_related(a, ui, &r->copies[k], rc == 0 ? 1 : 0) == 0 &&
			    rc == 0) {
				a->entries[parent].ncopies++;
			}
		}
	}
}

/* The item's enclosures, after the Similar News entries: lines the
 * selection reaches like theirs, which o and Enter play. */
static void
art_build_enclosures(struct article *a)
{
	size_t i;

	a->nsimilar = a->nentries;
	for (i = 0; i < a->item->nenclosures; i++) {
		const struct nf_enclosure *enc = &a->item->enclosures[i];
		struct art_entry *e;

		if (enc->url == NULL ||
		    (e = realloc(a->entries, (a->nentries + 1) * sizeof(*e))) == NULL) {
			continue;
		}
		a->entries = e;
		e = &a->entries[a->nentries++];
		memset(e, 0, sizeof(*e));
		e->enclosure = enc;
		e->link = strdup(enc->url);
	}
}

/* The story's photo when the copy shown has none: the first copy's
 * with a caption, as the lead panel picks it (frontpage_photo()), kept
 * as a copy since the list below may reload its items. */
static void
art_story_photo(struct article *a, const struct nf_item *const *items,
                const size_t *members, size_t n)
{
	const struct nf_image *own = a->item->image;
	size_t k;

	if (own != NULL && own->caption != NULL && own->caption[0] != '\0') {
		return;
	}
	for (k = 0; k < n; k++) {
		const struct nf_item *c = items[members[k]];
		const struct nf_image *img = c->image;

		if (c->rowid == a->item->rowid || img == NULL || img->caption == NULL ||
		    img->caption[0] == '\0') {
			continue;
		}
		a->photo = image_new(img->url, img->caption, img->credit);
		if (a->photo != NULL && strcmp(nf_str(c->source), nf_str(a->item->source)) != 0) {
			a->photo_from = strdup(nf_str(c->source));
		}
		return;
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
	a->item->read = 1;	/* opening a story reads it (the caller marks it) */
	if (n > 1 && items[members[0]]->rowid == rowid) {
		/* a story is headed by its headline; the lead copy's text follows */
		size_t h = frontpage_headline((struct nf_item *const *)items, members, n);

		nf_strset(&a->item->title, items[h]->title);
	}
	art_build_entries(a, ui, items, members, n);
	art_story_photo(a, items, members, n);
	art_build_enclosures(a);
	a->text_width = (int)ui->cfg->text_width;
	return &a->base;
}

/* The text shown becomes text (taken), a fetched page: the item's
 * article text described the text it replaces. */
static void
art_set_text(struct article *a, char *text)
{
	free(a->item->content);
	a->item->content = text;
	free(a->item->article);
	a->item->article = NULL;
}

/* Starts fetching the item's link: the page kept in the store answers
 * at once, else the fetch runs and the text shown so far stays. */
static void
art_fetch(struct article *a, struct ui *ui)
{
	char *cached = pages_fresh(ui->store, a->item->link);

	free(a->note);
	a->note = NULL;
	if (cached != NULL) {
		art_set_text(a, cached);
		return;
	}
	a->request = ui_fetch_page(ui, a->item->link);
	a->note = strdup(a->request != 0 ? "Fetching the page…" :
	                 "Could not start fetching the page.");
}

struct screen *
article_new_page(struct ui *ui, const char *title, const char *link,
                 const char *source, const char *summary)
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
	nf_strset(&a->item->content, summary);
	a->text_width = (int)ui->cfg->text_width;
	if (link != NULL) {
		art_fetch(a, ui);
	} else if (summary == NULL) {
		a->note = strdup("This entry has no link to read more from, and no"
		                 " text of its own.");
	}
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
		wclrtoeol(w);	/* nothing of an earlier frame stays */
	}
}

/* The title is drawn before the body: lay out for the body window as it
 * is now (first frame, after a resize), so the share is right at once. */
static void
art_title(struct screen *s, struct ui *ui, char *out, size_t size)
{
	struct article *a = art_of(s);
	int height = ui->rows > 2 ? ui->rows - 2 : 1;
	size_t pct;

	if (ui->cols > 0 && (a->width != ui->cols || a->height != height)) {
		a->height = height;
		art_relayout(a, ui->cols);
	}
	pct = a->nlines > 0 ? (a->top + (size_t)a->height) * 100 / a->nlines : 100;
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

	a->link_typed = 0;	/* another key than a digit or Enter */
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
	if (a->nsimilar == 0) {
		if (how && a->nentries > 0) {
			a->focus = 0;	/* no Similar News: the first enclosure */
			art_show_focus(a);
			return 1;
		}
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

/* Read more on one entry, answering at once: its copy in the store
 * when there is one, else the entry's own text; either is replaced by the
 * linked page when the text is short and the page arrives. */
static int
art_read_more(struct ui *ui, const struct art_entry *e)
{
	struct screen *next = NULL;

	if (e->rowid != 0 &&
	    (next = article_new(ui, e->rowid, NULL, NULL, 0)) != NULL) {
		struct article *b = art_of(next);

		ui_mark_story(ui, &e->rowid, 1, 1);
		if (item_text_length(b->item) < ARTICLE_ENOUGH_TEXT &&
		    b->item->link != NULL) {
			art_fetch(b, ui);
		}
	}
	if (next == NULL) {
		next = article_new_page(ui, e->title, e->link, e->source, e->summary);
	}
	if (next != NULL) {
		ui_push(ui, next);
	}
	return 1;
}

/* ---- links --------------------------------------------------------- */

/* How many links the article text lists. */
static size_t
art_link_count(const struct article *a)
{
	const char *p = a->item->article != NULL ?
	                strchr(a->item->article, HTMLTEXT_LINKS) : NULL;
	size_t n = 0;

	for (; p != NULL; p = strchr(p + 1, '\n')) {
		n++;
	}
	return n;
}

/* Link n (from 1) of the article text as a new string, or NULL. */
static char *
art_link(const struct article *a, size_t n)
{
	const char *p = a->item->article != NULL ?
	                strchr(a->item->article, HTMLTEXT_LINKS) : NULL;

	for (; p != NULL && --n > 0; p = strchr(p + 1, '\n')) {
	}
	return p != NULL ? strndup(p + 1, strcspn(p + 1, "\n")) : NULL;
}

static void
art_open_link_number(struct article *a, struct ui *ui, size_t n)
{
	char *link = art_link(a, n);

	a->link_typed = 0;
	if (n == 0 || n > art_link_count(a) || link == NULL) {
		ui_status(ui, 1, "no link [%zu] in this article", n);
	} else {
		ui_open_browser(ui, link);
	}
	free(link);
}

/* A digit of a link's number: with fewer than ten links (or when no
 * longer number could follow) it opens the link at once, else Enter
 * opens what was typed. */
static int
art_open_link(struct screen *s, struct ui *ui)
{
	struct article *a = art_of(s);
	size_t count = art_link_count(a), n;

	if (s->key < '0' || s->key > '9') {
		return 0;
	}
	if (count == 0) {
		ui_status(ui, 0, "this article has no links");
		return 1;
	}
	n = a->link_typed * 10 + (size_t)(s->key - '0');
	if (n == 0 || n > count) {
		a->link_typed = 0;
		ui_status(ui, 1, "no link [%zu] in this article (it has %zu)", n, count);
	} else if (n * 10 > count) {
		art_open_link_number(a, ui, n);
	} else {
		a->link_typed = n;
		ui_status(ui, 0, "link [%zu…] (Enter opens it)", n);
	}
	return 1;
}

static int
art_open(struct screen *s, struct ui *ui)
{
	struct article *a = art_of(s);

	if (a->link_typed > 0) {
		art_open_link_number(a, ui, a->link_typed);
		return 1;
	}
	a = art_ready(s, ui);

	if (a->focus >= 0 && a->entries[a->focus].enclosure != NULL) {
		ui_open_enclosure(ui, a->entries[a->focus].link, "opened");
		return 1;
	}
	if (a->focus >= 0) {
		return art_read_more(ui, &a->entries[a->focus]);
	}
	if (item_text_length(a->item) < ARTICLE_ENOUGH_TEXT &&
	    a->item->link != NULL && a->request == 0) {
		art_fetch(a, ui);
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
	if (a->focus >= 0 && a->entries[a->focus].enclosure != NULL) {
		ui_open_enclosure(ui, link, "opened");
		return 1;
	}
	ui_open_browser(ui, link);
	return 1;
}

/* ---- the story leaves the reader (ui/save.h) ------------------------ */

/* s: the story as it reads now, at the path the status line asks for. */
static int
art_save(struct screen *s, struct ui *ui)
{
	save_ask(ui, art_of(s)->item);
	return 1;
}

/* b: the story's link and title to bookmark-cmd. */
static int
art_bookmark(struct screen *s, struct ui *ui)
{
	save_bookmark(ui, art_of(s)->item);
	return 1;
}

/* e and D: the selected enclosure, else the story's in turn. */
static int
art_enclosure(struct ui *ui, struct article *a, int download)
{
	const struct nf_enclosure *enc =
		a->focus >= 0 ? a->entries[a->focus].enclosure : NULL;

	if (enc == NULL) {
		save_enclosure(ui, a->item, download);
	} else if (download) {
		ui_download(ui, nf_str(enc->url));
	} else {
		save_play(ui, enc);
	}
	return 1;
}

static int
art_play(struct screen *s, struct ui *ui)
{
	return art_enclosure(ui, art_of(s), 0);
}

static int
art_download(struct screen *s, struct ui *ui)
{
	return art_enclosure(ui, art_of(s), 1);
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
		art_set_text(a, text);
	} else {
		char why[512];

		snprintf(why, sizeof(why), "Could not fetch the page: %s",
		         reason != NULL ? reason : "it has no article text");
		a->note = strdup(why);
		ui_status(ui, 1, "read more: %s", a->note != NULL ? a->note : "failed");
	}
	art_stale(a);
	return 1;
}

/* The list screen the reader came from (the nearest below that shows a
 * list), which n, N and A act on; NULL when there is none. */
static struct screen *
art_list_below(struct ui *ui)
{
	int i;

	for (i = ui->depth - 2; i >= 0; i--) {
		if (ui->stack[i]->list != NULL) {
			return ui->stack[i];
		}
	}
	return NULL;
}

/* n and N: the next unread story of the list below, read at once. When
 * there is none, the article stays and the list's message says so. */
static int
art_go_unread(struct ui *ui, enum config_action action)
{
	struct screen *below = art_list_below(ui);
	ui_handler go = below != NULL ? below->ops->handlers[action] : NULL;
	ui_handler open = below != NULL ? below->ops->handlers[CONFIG_ACTION_OPEN] : NULL;
	size_t before;

	if (go == NULL || open == NULL) {
		ui_status(ui, 0, "no list of stories to go through from here");
		return 1;
	}
	before = list_selected(below->list);
	go(below, ui);
	if (list_selected(below->list) == before) {
		return 1;
	}
	while (ui_top(ui) != below) {
		ui_pop(ui);	/* this article goes too: s is freed */
	}
	open(below, ui);
	return 1;
}

static int
art_next_unread(struct screen *s, struct ui *ui)
{
	(void)s;
	return art_go_unread(ui, CONFIG_ACTION_NEXT_UNREAD);
}

static int
art_prev_unread(struct screen *s, struct ui *ui)
{
	(void)s;
	return art_go_unread(ui, CONFIG_ACTION_PREV_UNREAD);
}

/* m: the story shown, read or unread again, with all its copies. */
static int
art_toggle_read(struct screen *s, struct ui *ui)
{
	struct article *a = art_of(s);

	if (a->item->rowid == 0) {
		ui_status(ui, 0, "this page is not a stored story");
		return 1;
	}
	a->item->read = !a->item->read;
	ui_mark_story(ui, &a->item->rowid, 1, a->item->read);
	ui_status(ui, 0, "story marked %s", a->item->read ? "read" : "unread");
	return 1;
}

/* A: what the list below shows, marked read, as A there does. */
static int
art_mark_all_read(struct screen *s, struct ui *ui)
{
	struct screen *below = art_list_below(ui);
	ui_handler mark = below != NULL ?
	                  below->ops->handlers[CONFIG_ACTION_MARK_ALL_READ] : NULL;

	(void)s;
	if (mark == NULL) {
		ui_status(ui, 0, "nothing to mark from here");
		return 1;
	}
	return mark(below, ui);
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
		free(a->entries[i].summary);
	}
	free(a->entries);
	art_lines_clear(a);
	item_free(a->item);
	image_free(a->photo);
	free(a->photo_from);
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
		[CONFIG_ACTION_OPEN_LINK] = art_open_link,
		[CONFIG_ACTION_NEXT_UNREAD] = art_next_unread,
		[CONFIG_ACTION_PREV_UNREAD] = art_prev_unread,
		[CONFIG_ACTION_TOGGLE_READ] = art_toggle_read,
		[CONFIG_ACTION_MARK_ALL_READ] = art_mark_all_read,
		[CONFIG_ACTION_SAVE] = art_save,
		[CONFIG_ACTION_BOOKMARK] = art_bookmark,
		[CONFIG_ACTION_PLAY_ENCLOSURE] = art_play,
		[CONFIG_ACTION_DOWNLOAD_ENCLOSURE] = art_download,
	},
	.help_title = "the Article screen",
	.help = {
		[CONFIG_ACTION_UP] = "scroll up a line; in Similar News, the entry above",
		[CONFIG_ACTION_DOWN] = "scroll down a line; in Similar News, the entry below",
		[CONFIG_ACTION_OPEN] = "read more on the selected entry; on a short story, fetch its page; after digits, open that link",
		[CONFIG_ACTION_TOGGLE_FOLD] = "space pages down; Tab opens Similar News or unfolds the selected entry",
		[CONFIG_ACTION_EXPAND] = "open Similar News, or unfold the selected entry",
		[CONFIG_ACTION_COLLAPSE] = "fold the selected entry, or Similar News",
		[CONFIG_ACTION_OPEN_IN_BROWSER] = "open the story's link, or the selected entry's, in the browser",
		[CONFIG_ACTION_OPEN_LINK] = "open link [N] of the text in the browser: type N; with ten links or more, N then Enter",
		[CONFIG_ACTION_NEXT_UNREAD] = "read the next unread story of the list, going round past its end",
		[CONFIG_ACTION_PREV_UNREAD] = "read the previous unread story of the list",
		[CONFIG_ACTION_TOGGLE_READ] = "mark this story (every copy) read or unread",
		[CONFIG_ACTION_MARK_ALL_READ] = "mark every story of the list read, with its copies in other feeds",
		[CONFIG_ACTION_SAVE] = "save this story as it reads now; asks where",
		[CONFIG_ACTION_BOOKMARK] = "hand this story's link and title to bookmark-cmd",
		[CONFIG_ACTION_PLAY_ENCLOSURE] = "play the selected enclosure, else the story's (no player: download)",
		[CONFIG_ACTION_DOWNLOAD_ENCLOSURE] = "download the selected enclosure, else the story's in turn",
	},
	.free = art_free,
};
