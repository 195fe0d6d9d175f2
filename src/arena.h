#ifndef NF_ARENA_H
#define NF_ARENA_H

/*
 * Strings kept in large blocks and freed all at once: what --dump and the
 * refold keep of each item for folding, where a malloc a string would
 * cost more in headers and rounding than the strings themselves.
 */

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;	/* newest block first; {NULL}: empty */
	size_t block;			/* bytes a block; 0: 64 KiB */
};

/* A copy of the n bytes at s, NUL added; NULL when out of memory. It
 * lives until arena_free(). */
const char *arena_keep(struct arena *a, const char *s, size_t n);

/* s (NULL stays NULL) cut to at most max bytes at a character's start,
 * kept in a (*out). Returns -1 when out of memory, else 0. */
int arena_keep_cut(struct arena *a, const char *s, size_t max, const char **out);

/* s (NULL stays NULL) in the form folding compares (digest_form()), kept
 * in a. Returns -1 when out of memory, else 0. */
int arena_keep_key(struct arena *a, const char *s, const char **out);

/* Frees every string a kept; a is empty again. */
void arena_free(struct arena *a);

#endif
