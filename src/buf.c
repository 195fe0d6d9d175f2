#include "autoconfig.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/buf.h"

void
buf_init(struct buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

static enum nf_status
buf_grow(struct buf *b, size_t need)
{
	size_t cap;
	char *p;

	if (need > b->max) {
		return NF_ERR_TOO_LARGE;
	}
	if (need + 1 <= b->cap) {
		return NF_OK;
	}
	cap = b->cap ? b->cap : 64;
	while (cap < need + 1) {
		cap *= 2;
	}
	if (cap > b->max + 1) {
		cap = b->max + 1;
	}
	p = realloc(b->data, cap);
	if (p == NULL) {
		return NF_ERR_NOMEM;
	}
	b->data = p;
	b->cap = cap;
	return NF_OK;
}

enum nf_status
buf_add(struct buf *b, const void *data, size_t n)
{
	enum nf_status st;

	if (n > b->max - b->len) {
		return NF_ERR_TOO_LARGE;
	}
	/* the room is there most times: no call then */
	if (b->len + n + 1 > b->cap && (st = buf_grow(b, b->len + n)) != NF_OK) {
		return st;
	}
	if (n > 0) {
		memcpy(b->data + b->len, data, n);
	}
	b->len += n;
	b->data[b->len] = '\0';
	return NF_OK;
}

enum nf_status
buf_add_str(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

enum nf_status
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	enum nf_status st;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		return NF_ERR_IO;
	}
	st = buf_grow(b, b->len + (size_t)n);
	if (st != NF_OK) {
		return st;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return NF_OK;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL) {
		b->data[0] = '\0';
	}
}

char *
buf_take(struct buf *b)
{
	char *p = b->data;

	if (p == NULL) {
		p = calloc(1, 1);
	}
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}
