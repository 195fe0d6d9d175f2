#ifndef NF_FEEDS_OPML_H
#define NF_FEEDS_OPML_H

/*
 * OPML feed lists: read (libxml2, no network, no entity substitution),
 * written as OPML 2.0, and merged into a dotfile.
 *
 * A feed is an <outline> with an xmlUrl; the text (or title) of the
 * outlines around it become its tags, outermost first. Only http and
 * https feeds are taken from an OPML file: a list from elsewhere must not
 * make newsfold read local files.
 */

#include <stddef.h>

#include "config/config.h"
#include "src/buf.h"
#include "src/error.h"

struct opml_list {
	struct config_feed *feeds;	/* line is the feed's position, from 1 */
	size_t nfeeds;
	size_t nskipped;		/* outlines whose URL was not http(s) */
};

/* Parses an OPML document. NF_ERR_PARSE when it is not OPML. Free the
 * list with opml_list_free(), also after failure. */
enum nf_status opml_parse(const char *data, size_t len, struct opml_list *out,
                          struct nf_error *err);
enum nf_status opml_read_file(const char *path, struct opml_list *out,
                              struct nf_error *err);
void opml_list_free(struct opml_list *list);

/* Appends the OPML 2.0 document of feeds to out, nested by tags
 * (consecutive feeds with the same tags share their outlines). */
enum nf_status opml_write(const struct config_feed *feeds, size_t n,
                          const char *title, struct buf *out,
                          struct nf_error *err);

/* Appends to the dotfile at path the feeds of list that it does not list
 * yet, keeping every byte already there, through a temporary file in the
 * same folder, fsync and rename. Creates the file (and its folders) when
 * it does not exist. *added is the number of feeds written. A dotfile
 * with an error is left alone (NF_ERR_CONFIG). */
enum nf_status opml_merge_into(const char *path, const struct opml_list *list,
                               const char *origin, size_t *added,
                               struct nf_error *err);

#endif
