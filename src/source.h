#ifndef NF_SRC_SOURCE_H
#define NF_SRC_SOURCE_H

/*
 * Reading a SOURCE, the one way --dump and --headlines take the feed they
 * are given: a path, "-" for standard input, a file:// URL (decoded here
 * and nowhere else in the command-line modes) or an http(s) URL.
 *
 * The bytes stream to a consumer in chunks as they arrive; nothing is
 * held back. The encoding is known before the first byte: an http(s)
 * response names its charset in its headers, which come first, and a
 * document's own word (BOM, XML declaration, JSON), which wins over the
 * HTTP charset, is read by the parser from the bytes it is handed.
 *
 * max-size bounds what a SOURCE may cost in memory, which is what only
 * the network can make unbounded: an http(s) body, counted decompressed
 * (as for the dotfile's feeds). A local file or standard input streams
 * through whole, whatever its size (a parser that must hold a document,
 * JSON, bounds it with the same setting).
 */

#include <stddef.h>

#include "src/fetch.h"
#include "src/error.h"

/* What the consumer learns before the first byte. Filled by
 * source_read(); its strings are freed by source_head_free(). */
struct source_head {
	char *base_url;	/* what relative links resolve against: a path's
			 * file:// URL; NULL for "-"; for http(s) the
			 * Content-Location read against the URL after
			 * redirects, else that URL */
	char *charset;	/* the HTTP charset, or NULL */
};

struct source_ops {
	/* Once, before any chunk (also for an empty source). */
	int (*start)(void *ctx, const struct source_head *head);
	/* The bytes in order; final is set on the last call (len may be 0
	 * then). Not called with final when reading fails half-way. */
	int (*chunk)(void *ctx, const char *data, size_t len, int final);
	/* A nonzero return from either stops the reading: source_read()
	 * then returns NF_OK, and the consumer knows why it stopped. */
};

/* Reads source through ops, within limits (max-size and timeout) for
 * an http(s) URL. head must be zeroed; it stays valid after the call
 * (whatever it returns) until source_head_free(head). Errors: "cannot
 * open: REASON", "read error: REASON" (NF_ERR_IO), "not a local file URL"
 * (NF_ERR_USAGE), and fetch's reasons (NF_ERR_NET, NF_ERR_TOO_LARGE). */
enum nf_status source_read(const char *source, const struct fetch_limits *limits,
                           const struct source_ops *ops, void *ctx,
                           struct source_head *head, struct nf_error *err);
void source_head_free(struct source_head *head);


#endif
