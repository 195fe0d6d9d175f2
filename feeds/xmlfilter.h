#ifndef NF_FEEDS_XMLFILTER_H
#define NF_FEEDS_XMLFILTER_H

/*
 * The byte filter ahead of libxml2 (see xmlfilter.c): rewrites what
 * feeds write and a recovering XML parser loses, so that the parser sees
 * well-formed XML where it can: HTML entities and bare "&", a "<" that
 * opens no tag, terminal escape sequences, bytes that are no UTF-8, and
 * tags left open or closed twice. Works on the undecoded bytes of any
 * ASCII-compatible encoding; UTF-16 documents are passed through.
 */

#include <stddef.h>

/* Receives the filtered bytes of one push, once per push. data is valid
 * only during the call. */
typedef void (*xmlfilter_sink)(void *ctx, const char *data, size_t len, int final);

struct xmlfilter;

/* Returns a new filter passing its output to sink, or NULL when out of
 * memory; free with xmlfilter_free(). utf8: the document is read as
 * UTF-8, so its bytes are checked; passthrough: hand bytes on unchanged
 * (UTF-16). */
struct xmlfilter *xmlfilter_new(int utf8, int passthrough, xmlfilter_sink sink,
                                void *ctx);
/* Filters the next chunk (final on the last) and calls the sink once. A
 * few bytes may be held back until the next push completes them. */
void xmlfilter_push(struct xmlfilter *f, const char *data, size_t len, int final);
void xmlfilter_free(struct xmlfilter *f);

#endif
