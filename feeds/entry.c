#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>


#include "feeds/entry.h"
#include "src/date.h"
#include "src/html.h"
#include "src/htmltext.h"
#include "src/related.h"
#include "src/text.h"
#include "src/title.h"

int
entry_init(struct entry_raw *raw)
{
	memset(raw, 0, sizeof(*raw));
	raw->item = item_new();
	return raw->item != NULL ? 0 : -1;
}

void
entry_clear(struct entry_raw *raw)
{
	char **strings[] = {
		&raw->id, &raw->title, &raw->link, &raw->author,
		&raw->published, &raw->updated, &raw->summary, &raw->content,
		&raw->base, &raw->media_url, &raw->thumb_url,
		&raw->enclosure_image, &raw->json_image,
		&raw->media_description, &raw->media_title, &raw->media_credit,
		&raw->outlet,
	};
	size_t i;

	for (i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
		free(*strings[i]);
	}
	item_free(raw->item);
	memset(raw, 0, sizeof(*raw));
}

int
entry_set_first(char **field, const char *s)
{
	if (*field != NULL || s == NULL) {
		return 0;
	}
	return nf_strset(field, s);
}

int
entry_looks_like_html(const char *s)
{
	const char *p;

	for (p = s; (p = strpbrk(p, "<&")) != NULL; p++) {
		if (p[0] == '<' && ((p[1] >= 'a' && p[1] <= 'z') ||
		    (p[1] >= 'A' && p[1] <= 'Z') || p[1] == '/' || p[1] == '!')) {
			return 1;
		}
		if (p[0] == '&') {
			size_t n = strspn(p + 1, "#abcdefghijklmnopqrstuvwxyz"
			                  "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

			if (n > 0 && p[1 + n] == ';') {
				return 1;
			}
		}
	}
	return 0;
}

/* Blank results become NULL: an absent field and an empty one read the
 * same downstream. */
static char *
drop_blank(char *s)
{
	if (s != NULL && s[0] == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* Whether text of this markup is to be read as HTML. */
static int
reads_as_html(const char *s, enum entry_markup markup)
{
	return markup == ENTRY_HTML || (markup == ENTRY_GUESS && entry_looks_like_html(s));
}

char *
entry_clean_line(const char *s, enum entry_markup markup)
{
	char *text, *line;

	if (s == NULL) {
		return NULL;
	}
	if (!reads_as_html(s, markup)) {
		return drop_blank(text_clean_line(s, strlen(s)));
	}
	text = htmltext_from_html(s, strlen(s));
	if (text == NULL) {
		return NULL;
	}
	line = text_clean_line(text, strlen(text));
	free(text);
	return drop_blank(line);
}

int
entry_add_category(struct entry_raw *raw, const char *s)
{
	char *c = entry_clean_line(s, ENTRY_GUESS);
	int rc = 0;

	if (c != NULL) {
		rc = item_add_category(raw->item, c);
	}
	free(c);
	return rc;
}

/* One text body (summary or content): HTML goes through html_extract(),
 * which also yields the picture and related entries; plain text only
 * through the gate. parts is zeroed when there was no HTML. Without
 * picture, a reader without article text need not read the HTML's
 * picture (html_extract_text()). */
static enum nf_status
build_body(const char *s, enum entry_markup markup, const char *base,
           const struct feed_options *opts, int picture, char **out,
           struct html_parts *parts, struct nf_error *err)
{
	enum nf_status st;

	memset(parts, 0, sizeof(*parts));
	*out = NULL;
	if (s == NULL) {
		return NF_OK;
	}
	if (!reads_as_html(s, markup)) {
		*out = drop_blank(text_clean_line(s, strlen(s)));
		return NF_OK;
	}
	st = opts->no_article
	     ? html_extract_text(s, strlen(s), base, opts->fold_threshold, picture, parts, err)
	     : html_extract(s, strlen(s), base, opts->fold_threshold, parts, err);
	if (st == NF_ERR_NOMEM) {
		return st;
	}
	if (st != NF_OK) {
		/* Not worth losing the item over: fall back to plain text. */
		memset(parts, 0, sizeof(*parts));
		if (opts->no_article) {
			*out = htmltext_from_html(s, strlen(s));
		}
		if (opts->no_article ? *out == NULL
		    : htmltext_article_from_html(s, strlen(s), out, &parts->article) != 0) {
			return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		}
		*out = drop_blank(*out);
		return NF_OK;
	}
	/* the text is the caller's now: no copy */
	*out = drop_blank(parts->text);
	parts->text = NULL;
	return NF_OK;
}

static const char *
first_of(const char *a, const char *b, const char *c)
{
	return a != NULL ? a : b != NULL ? b : c;
}

/* The picture's address as the feed's own fields give it (media,
 * enclosure, JSON Feed), or NULL. */
static const char *
feed_image_url(const struct entry_raw *raw)
{
	return first_of(raw->media_url, raw->thumb_url,
	                first_of(raw->enclosure_image, raw->json_image, NULL));
}

/* The picture: the feed's own media fields first, then image enclosures,
 * JSON Feed images, and last what html_extract found in the HTML.
 * caption and credit are the feed's own (entry_clean_line(), NULL when
 * none); freed here. */
static int
build_image(struct entry_raw *raw, const struct html_parts *cp,
            const struct html_parts *sp, char *caption, char *credit)
{
	const struct nf_image *h = cp->image != NULL ? cp->image : sp->image;
	const char *url = first_of(feed_image_url(raw), h != NULL ? h->url : NULL, NULL);
	char *clean_url = url != NULL ? drop_blank(text_clean_line(url, strlen(url))) : NULL;
	int rc = 0;

	if (caption == NULL && h != NULL && h->caption != NULL && h->caption[0]) {
		caption = strdup(h->caption);
	}
	if (credit == NULL && h != NULL && h->credit != NULL && h->credit[0]) {
		credit = strdup(h->credit);
	}
	if (clean_url != NULL || caption != NULL) {
		raw->item->image = image_new(clean_url, caption, credit);
		rc = raw->item->image != NULL ? 0 : -1;
	}
	free(clean_url);
	free(caption);
	free(credit);
	return rc;
}

static int
take_related(struct nf_item *item, struct html_parts *parts)
{
	size_t i;

	for (i = 0; i < parts->nrelated; i++) {
		if (item_add_related(item, &parts->related[i]) != 0) {
			return -1;
		}
	}
	return 0;
}

/* Whether some <font> in html holds exactly name: an aggregator (Google
 * News) sets the outlet's name in one beside the headline. */
static int
font_holds(const char *html, const char *name)
{
	const char *p = html, *open, *close;
	char *text;
	int found = 0;

	while (!found && (p = strstr(p, "<font")) != NULL) {
		open = strchr(p, '>');
		close = open != NULL ? strstr(open, "</font>") : NULL;
		if (close == NULL) {
			break;
		}
		text = htmltext_from_html(open + 1, (size_t)(close - open - 1));

		found = text != NULL && strcasecmp(text, name) == 0;
		free(text);
		p = close;
	}
	return found;
}

/* The outlet the feed names for the item: its RSS <source>, else the
 * title's trailing name when the item's HTML sets that name in <font>
 * (see title.h for what a named outlet does). NULL when none. */
static char *
named_outlet(const struct entry_raw *raw, const char *title)
{
	const char *tail;
	const char *html = raw->summary != NULL ? raw->summary : raw->content;

	if (raw->outlet != NULL) {
		return entry_clean_line(raw->outlet, ENTRY_GUESS);
	}
	if (title == NULL || html == NULL || strstr(html, "<font") == NULL) {
		return NULL;
	}
	title_outlet_tail(title, &tail);
	return tail != NULL && font_holds(html, tail) ? strdup(tail) : NULL;
}

/* The article text of the body shown (content, else summary), its
 * links made absolute against the item's link (else the base in
 * effect). 0, or -1 out of memory. */
static int
take_article(struct entry_raw *raw, struct html_parts *body)
{
	struct nf_item *item = raw->item;

	item->article = body->article;
	body->article = NULL;
	return htmltext_article_resolve(&item->article,
	                                item->link != NULL ? item->link : raw->base);
}

static int
build_lines(struct entry_raw *raw, const char *feed_author)
{
	struct nf_item *item = raw->item;
	const char *author = raw->author != NULL ? raw->author : feed_author;

	item->id = entry_clean_line(raw->id, ENTRY_GUESS);
	item->title = entry_clean_line(raw->title, raw->title_markup);
	if (item->title == NULL) {
		/* A video or podcast item may name itself only in media:title. */
		item->title = entry_clean_line(raw->media_title, ENTRY_GUESS);
	}
	item->author = entry_clean_line(author, ENTRY_GUESS);
	item->outlet = named_outlet(raw, item->title);
	if (raw->link != NULL) {
		item->link = drop_blank(text_clean_line(raw->link, strlen(raw->link)));
	}
	item->published = raw->published != NULL ? date_parse(raw->published) : NF_NO_DATE;
	item->updated = raw->updated != NULL ? date_parse(raw->updated) : NF_NO_DATE;
	if (item->published == NF_NO_DATE) {
		item->published = item->updated;
	}
	return 0;
}

/* entry_build() into raw->item, taken on success: raw's strings are only
 * read, never freed nor replaced, so that another thread may own them. */
static enum nf_status
build_item(struct entry_raw *raw, const struct feed_options *opts,
           const char *feed_author, struct nf_item **out, struct nf_error *err)
{
	struct html_parts sp, cp;
	enum nf_status st;
	char *caption, *credit;
	const char *summary = raw->summary;
	int picture, rc_image;

	*out = NULL;
	build_lines(raw, feed_author);
	caption = entry_clean_line(first_of(raw->media_description, raw->media_title, NULL),
	                           ENTRY_GUESS);
	credit = entry_clean_line(raw->media_credit, ENTRY_GUESS);
	/* the HTML's picture fills only what the feed's own fields leave */
	picture = feed_image_url(raw) == NULL || caption == NULL || credit == NULL;
	if (summary == NULL && raw->content == NULL) {
		/* A video feed's only text is the media:description, which is
		 * the item's summary then as well as the picture's caption. */
		summary = raw->media_description;
	}
	/* With HTML content, the picture and related entries come from it,
	 * and the summary (a teaser) only needs its text: html_extract() on
	 * both would double the cost of every item. */
	if (raw->content != NULL && summary != NULL &&
	    reads_as_html(raw->content, raw->content_markup) &&
	    reads_as_html(summary, raw->summary_markup)) {
		memset(&sp, 0, sizeof(sp));
		raw->item->summary = drop_blank(htmltext_from_html(summary, strlen(summary)));
		st = NF_OK;
	} else {
		st = build_body(summary, raw->summary_markup, raw->base, opts, picture,
		                &raw->item->summary, &sp, err);
	}
	if (st != NF_OK) {
		goto out_summary;
	}
	st = build_body(raw->content, raw->content_markup, raw->base, opts, picture,
	                &raw->item->content, &cp, err);
	if (st != NF_OK) {
		goto out;
	}
	rc_image = build_image(raw, &cp, &sp, caption, credit);
	caption = credit = NULL;
	if (rc_image != 0 ||
	    take_related(raw->item, cp.nrelated > 0 ? &cp : &sp) != 0) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		goto out;
	}
	if (take_article(raw, raw->item->content != NULL ? &cp : &sp) != 0) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		goto out;
	}
	related_drop_own(raw->item, opts->fold_threshold);
	*out = raw->item;
	raw->item = NULL;
out:
	html_parts_free(&cp);
out_summary:
	html_parts_free(&sp);
	free(caption);
	free(credit);
	return st;
}

enum nf_status
entry_build(struct entry_raw *raw, const struct feed_options *opts,
            const char *feed_author, struct nf_item **out, struct nf_error *err)
{
	enum nf_status st = build_item(raw, opts, feed_author, out, err);

	entry_clear(raw);
	return st;
}

/* A new item holding copies of raw's categories and enclosures, or NULL
 * when out of memory. */
static struct nf_item *
item_lists_copy(const struct entry_raw *raw)
{
	const struct nf_item *from = raw->item;
	struct nf_item *item = item_new();
	size_t i;
	int rc = item != NULL ? 0 : -1;

	for (i = 0; rc == 0 && from != NULL && i < from->ncategories; i++) {
		rc = item_add_category(item, from->categories[i]);
	}
	for (i = 0; rc == 0 && from != NULL && i < from->nenclosures; i++) {
		rc = item_add_enclosure(item, from->enclosures[i].url,
		                        from->enclosures[i].type, from->enclosures[i].length);
	}
	if (rc != 0) {
		item_free(item);
		return NULL;
	}
	return item;
}

enum nf_status
entry_build_shared(const struct entry_raw *raw, const struct feed_options *opts,
                   const char *feed_author, struct nf_item **out,
                   struct nf_error *err)
{
	struct entry_raw view = *raw;	/* its strings are read, not owned */
	enum nf_status st;

	*out = NULL;
	if ((view.item = item_lists_copy(raw)) == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	st = build_item(&view, opts, feed_author, out, err);
	item_free(view.item);	/* NULL once taken */
	return st;
}
