#ifndef NF_FEEDS_OPTIONS_H
#define NF_FEEDS_OPTIONS_H

/*
 * What a parser is told about the document it reads, and how it hands
 * out items. Its own header, so that the field rules (feeds/entry.h) and
 * the format parsers share them without including the dispatcher
 * (feeds/feed.h) that calls them.
 */

#include <stddef.h>

#include "src/item.h"

struct feed_options {
	const char *source;	/* for messages, and the last base for links */
	const char *base_url;	/* the URL the feed came from, or NULL */
	const char *charset;	/* e.g. from HTTP Content-Type, or NULL */
	double fold_threshold;	/* for near-duplicate related entries */
	size_t max_size;	/* ceiling on buffered bytes; 0 = 16 MiB */
	int no_article;		/* items without article text (item.h), for
				 * a reader that never shows it */
	int pipeline;		/* XML feeds: items after the first built and
				 * handed on by a second thread, in order, as
				 * parsing goes on (feeds/itempipe.h); the
				 * callback then must not read feed */
};

/* Receives each finished item; takes ownership of item. feed holds the
 * channel's metadata read so far. Return nonzero to stop parsing. */
typedef int (*feed_item_fn)(void *ctx, const struct nf_feed *feed,
                            struct nf_item *item);

#endif
