#ifndef NF_FEEDS_XMLFEED_H
#define NF_FEEDS_XMLFEED_H

/*
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 through a libxml2 SAX2
 * push parser: no tree, each item handed out at its end tag. Used by
 * feed.c, which sniffs the format and strips a BOM and leading blanks.
 */

#include <stddef.h>

#include "feeds/options.h"

struct xmlfeed;

/* Returns a new parser writing channel metadata into *meta (the caller's,
 * which frees its strings), or NULL when out of memory. charset names the
 * encoding to assume when the document declares none (NULL: UTF-8). Free
 * with xmlfeed_free(). */
struct xmlfeed *xmlfeed_new(const struct feed_options *opts, struct nf_feed *meta,
                            const char *charset, feed_item_fn on_item, void *ctx);
/* Pushes bytes; final on the last call. NF_ERR_PARSE when the document is
 * not a feed (an HTML page, another XML vocabulary, not XML at all); a
 * broken feed is read as far as it goes. */
enum nf_status xmlfeed_push(struct xmlfeed *x, const char *data, size_t len,
                            int final, struct nf_error *err);
void xmlfeed_free(struct xmlfeed *x);

/* Whether the element table is in bsearch order (for the tests). */
int xmlfeed_table_is_sorted(void);

#endif
