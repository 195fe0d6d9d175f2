#ifndef NF_BUF_H
#define NF_BUF_H

#include <stddef.h>

#include "src/error.h"

/*
 * A growing byte buffer with a ceiling, after curl's dynbuf: feed bodies,
 * titles and dotfile lines are unbounded input, so every buffer says how
 * large it may grow and fails loudly past that.
 *
 * The contents are always NUL-terminated. The buffer owns its memory:
 * release it with buf_free(), or take it with buf_take().
 */
struct buf {
	char *data;
	size_t len;
	size_t cap;
	size_t max;	/* ceiling on len; 0 is not allowed */
};

void buf_init(struct buf *b, size_t max);
/* Appends n bytes; NF_ERR_TOO_LARGE past the ceiling, NF_ERR_NOMEM. */
enum nf_status buf_add(struct buf *b, const void *data, size_t n);
enum nf_status buf_add_str(struct buf *b, const char *s);
enum nf_status buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
/* Returns the contents (never NULL; "" when empty) and leaves b empty.
 * The caller frees the result with free(). */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

#endif
