#ifndef NF_TESTS_TESTFEED_H
#define NF_TESTS_TESTFEED_H

/*
 * For the feed parser's tests: a file read whole, and a document pushed
 * into a parser in chunks of a given size (then the final push).
 */

#include <stdio.h>
#include <stdlib.h>

#include "feeds/feed.h"

/* The bytes of the file at path, NUL-ended, *len of them; free(). */
static inline char *
testfeed_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return data;
}

/* Pushes len bytes of data into p, chunk bytes at a time, then the final
 * push, stopping at the first error; frees p. */
static inline enum nf_status
testfeed_push(struct feed_parser *p, const char *data, size_t len, size_t chunk,
              struct nf_error *err)
{
	enum nf_status st = NF_OK;
	size_t off = 0;

	while (st == NF_OK && off < len) {
		size_t n = len - off < chunk ? len - off : chunk;

		st = feed_parser_push(p, data + off, n, 0, err);
		off += n;
	}
	if (st == NF_OK) {
		st = feed_parser_push(p, NULL, 0, 1, err);
	}
	feed_parser_free(p);
	return st;
}

#endif
