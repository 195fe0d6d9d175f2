#ifndef NF_FEEDS_OPML_H
#define NF_FEEDS_OPML_H

/*
 * OPML feed lists: read (libxml2, no network, no entity substitution)
 * and written as OPML 2.0. Formats only: what a list means to the
 * dotfile is config/import.h's business.
 *
 * A feed is an <outline> with an xmlUrl; the text (or title) of the
 * outlines around it become its tags, outermost first. Only http and
 * https feeds are taken from an OPML file: a list from elsewhere must not
 * make newsfold read local files.
 */

#include <stddef.h>

#include "src/buf.h"
#include "src/error.h"

struct opml_feed {
	char *url;
	char *title;		/* NULL when the outline names none but its URL */
	char **tags;		/* the folders around it, outermost first */
	size_t ntags;
};

struct opml_list {
	struct opml_feed *feeds;	/* in document order */
	size_t nfeeds;
	size_t nskipped;		/* outlines whose URL was not http(s) */
};

/* Parses an OPML document. NF_ERR_PARSE when it is not OPML. Free the
 * list with opml_list_free(), also after failure. */
enum nf_status opml_parse(const char *data, size_t len, struct opml_list *out,
                          struct nf_error *err);
enum nf_status opml_read_file(const char *path, struct opml_list *out,
                              struct nf_error *err);

/* Appends a feed with copies of url, title (may be NULL) and the ntags
 * tags. On failure the list is as it was. */
enum nf_status opml_list_add(struct opml_list *list, const char *url,
                             const char *title, char *const *tags,
                             size_t ntags, struct nf_error *err);
/* Frees the feeds and empties the list; NULL is a no-op. */
void opml_list_free(struct opml_list *list);

/* Appends the OPML 2.0 document of feeds to out, nested by tags
 * (consecutive feeds with the same tags share their outlines). */
enum nf_status opml_write(const struct opml_feed *feeds, size_t n,
                          const char *title, struct buf *out,
                          struct nf_error *err);

#endif
