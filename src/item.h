#ifndef NF_ITEM_H
#define NF_ITEM_H

/*
 * The item model: what every parser produces, the store keeps, fold
 * clusters and the screens show.
 *
 * Strings are UTF-8 that has passed text_sanitize(): no control
 * characters, no escape sequences. A string field is NULL when the feed
 * lacks it; nf_str() reads it as "". Every object owns its strings and
 * children: freeing the parent frees them. Every x_free(NULL) is a no-op.
 * Dates are seconds since the epoch, UTC, or NF_NO_DATE.
 */

#include <stddef.h>
#include <stdint.h>

#define NF_NO_DATE INT64_MIN

struct nf_image {
	char *url;
	char *caption;
	char *credit;
};

struct nf_enclosure {
	char *url;
	char *type;
	long long length;
};

/* A "Similar News" entry found in an item's HTML. Its near-duplicates are
 * kept in copies, in order; a copy has no copies of its own. */
struct nf_related {
	char *title;
	char *link;
	char *source;
	char *summary;		/* the text printed under its headline, or NULL */
	struct nf_related *copies;
	size_t ncopies;
};

struct nf_item {
	char *id;		/* GUID / Atom id / JSON id */
	char *title;
	char *link;		/* absolute */
	char *author;
	int64_t published;	/* an item with only "updated" has it here too */
	int64_t updated;
	char *summary;		/* plain text */
	char *content;		/* plain text, caption and related taken out */
	char *article;		/* the text shown (content, else summary)
				 * with its lists, quotes, <pre> and links
				 * kept (htmltext.h), or NULL when that is
				 * the plain text itself */
	struct nf_image *image;	/* NULL when there is neither picture nor caption */
	struct nf_enclosure *enclosures;
	size_t nenclosures;
	char **categories;
	size_t ncategories;
	struct nf_related *related;
	size_t nrelated;
	char *outlet;		/* the outlet the feed names for the item (RSS
				 * <source>, or the name an aggregator sets in
				 * <font> beside the headline), or NULL: what
				 * a trailing " - X" may be (title.h) */

	/* Filled by the store and the screens, never by parsers. */
	int64_t rowid;		/* 0 when not stored */
	int64_t feed_id;
	char *source;		/* the feed's title, for display */
	int read;
	size_t text_len;	/* content's length in bytes, also when a
				 * listing leaves content out (0: none) */
};

struct nf_feed {
	char *source;		/* what the user gave: URL, path or "-" */
	const char *format;	/* static: "rss", "rdf", "atom", "jsonfeed" */
	char *title;
	char *link;
	char *description;
	char *author;		/* feed-level author (Atom entries inherit it) */
	struct nf_item **items;
	size_t nitems;
	size_t fields_dropped;	/* fields left out for passing max-size */
};

static inline const char *
nf_str(const char *s)
{
	return s != NULL ? s : "";
}

/* Returns a new empty item (dates NF_NO_DATE), or NULL when out of
 * memory; free with item_free(). */
struct nf_item *item_new(void);
void item_free(struct nf_item *item);

/* Replaces *field with a copy of s (NULL clears it). 0, or -1 when out of
 * memory (the field is then unchanged). */
int nf_strset(char **field, const char *s);

/* Append copies of the given values; 0, or -1 when out of memory. */
int item_add_category(struct nf_item *item, const char *category);
int item_add_enclosure(struct nf_item *item, const char *url,
                       const char *type, long long length);
/* Takes ownership of *entry's members (entry itself stays the caller's);
 * 0, or -1 when out of memory (nothing taken). */
int item_add_related(struct nf_item *item, struct nf_related *entry);
int related_add_copy(struct nf_related *entry, struct nf_related *copy);
/* Frees the members of one entry (not the struct itself). */
void related_clear(struct nf_related *entry);

/* Returns a new image with copies of the strings; free with image_free(). */
struct nf_image *image_new(const char *url, const char *caption,
                           const char *credit);
void image_free(struct nf_image *image);

/* Whether a picture's caption opens with its own label ("Photo: Name",
 * "Photograph by", 写真, "In this photo"), before which no "Photo: " goes:
 * the screens and --headlines print "Photo: " before the others. */
int image_caption_labelled(const char *caption);

/* Length in bytes of the item's longest text: content, else summary. */
size_t item_text_length(const struct nf_item *item);

/* Returns a new empty feed; free with feed_free() (frees its items). */
struct nf_feed *feed_new(void);
void feed_free(struct nf_feed *feed);
/* Takes ownership of item; 0, or -1 when out of memory (item untouched). */
int feed_add_item(struct nf_feed *feed, struct nf_item *item);

#endif
