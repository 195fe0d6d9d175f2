#ifndef NF_FEEDS_ENTRY_H
#define NF_FEEDS_ENTRY_H

/*
 * One item as a parser collects it (raw strings straight from the feed),
 * and the field rules that turn it into an nf_item: the text gate, HTML
 * taken apart by html_extract(), dates, and the picture. Shared by the
 * XML and the JSON Feed parsers so both follow the same rules.
 */

#include "feeds/options.h"
#include "src/error.h"
#include "src/item.h"

/* How a text field is to be read. ENTRY_GUESS is what RSS gives: text
 * that may hold tags or entities, read as HTML when it looks like it.
 * ENTRY_PLAIN is what the feed says is text (Atom type="text"): a "<"
 * in it is a character, never a tag. */
enum entry_markup { ENTRY_GUESS, ENTRY_HTML, ENTRY_PLAIN };

struct entry_raw {
	char *id;
	char *title;
	char *link;		/* already absolute where a base was known */
	char *author;
	char *published;	/* date strings as the feed wrote them */
	char *updated;
	char *summary;
	char *content;
	enum entry_markup title_markup;
	enum entry_markup summary_markup;
	enum entry_markup content_markup;
	char *base;		/* base URL for links inside the HTML */
	char *media_url;	/* media:content of an image type */
	char *thumb_url;	/* media:thumbnail */
	char *enclosure_image;	/* first enclosure of an image type */
	char *json_image;	/* JSON Feed image, else banner_image */
	char *media_description;
	char *media_title;
	char *media_credit;
	char *outlet;		/* RSS <source>: the outlet the item is from */
	struct nf_item *item;	/* enclosures and categories go straight here */
};

/* Starts a raw entry with a new empty item; 0, or -1 when out of memory. */
int entry_init(struct entry_raw *raw);
/* Frees the raw strings and the item (when not taken); raw is reusable. */
void entry_clear(struct entry_raw *raw);

/* Sets *field to a copy of s when *field is still NULL ("first wins");
 * 0, or -1 when out of memory. */
int entry_set_first(char **field, const char *s);

/* Adds a category through the text gate (blank ones are dropped). */
int entry_add_category(struct entry_raw *raw, const char *s);

/* Applies the field rules and hands out the item in *out (the caller
 * frees it with item_free()); raw is cleared. feed_author is the feed's
 * author, inherited by an item without one (may be NULL). */
enum nf_status entry_build(struct entry_raw *raw, const struct feed_options *opts,
                           const char *feed_author, struct nf_item **out,
                           struct nf_error *err);
/* entry_build() of a raw entry that another thread owns: its strings are
 * only read and stay the caller's, and the item is made wholly of the
 * calling thread's memory (its categories and enclosures copied), so that
 * the thread that frees each allocation is the one that made it. */
enum nf_status entry_build_shared(const struct entry_raw *raw,
                                  const struct feed_options *opts,
                                  const char *feed_author, struct nf_item **out,
                                  struct nf_error *err);

/* A one-line text field through the gate: HTML (or, with ENTRY_GUESS,
 * text that looks like HTML) to text, then whitespace folded. Returns a
 * new string (free()), NULL for NULL input, blank text, or out of memory. */
char *entry_clean_line(const char *s, enum entry_markup markup);

/* Whether text holds markup or an entity: "<b>", "</p>", "&amp;". */
int entry_looks_like_html(const char *s);

#endif
