#ifndef NF_FEEDS_JSONFEED_H
#define NF_FEEDS_JSONFEED_H

/*
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with cJSON,
 * which does not stream: feed.c buffers the document (up to max_size)
 * and hands it over whole.
 */

#include <stddef.h>

#include "feeds/options.h"

/* Parses buf; the channel metadata goes into *meta (the caller's), each
 * item to on_item in order. NF_ERR_PARSE when buf is not a JSON Feed. */
enum nf_status jsonfeed_parse(const char *buf, size_t len,
                              const struct feed_options *opts,
                              struct nf_feed *meta, feed_item_fn on_item,
                              void *ctx, struct nf_error *err);

#endif
