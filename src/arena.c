#include <stdlib.h>
#include <string.h>

#include "src/arena.h"
#include "src/digest.h"
#include "src/utf8.h"

#define ARENA_DEFAULT_BLOCK (64 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t used, cap;
	char data[];
};

const char *
arena_keep(struct arena *a, const char *s, size_t n)
{
	size_t block = a->block != 0 ? a->block : ARENA_DEFAULT_BLOCK;
	struct arena_block *b = a->head;
	char *copy;

	if (b == NULL || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > block ? n + 1 : block;

		if ((b = malloc(sizeof(*b) + cap)) == NULL) {
			return NULL;
		}
		b->used = 0;
		b->cap = cap;
		if (a->head != NULL && cap > block) {
			/* an outsize block goes behind the current one, whose
			 * spare room stays in use */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	copy = b->data + b->used;
	memcpy(copy, s, n);
	copy[n] = '\0';
	b->used += n + 1;
	return copy;
}

int
arena_keep_cut(struct arena *a, const char *s, size_t max, const char **out)
{
	size_t n;

	*out = NULL;
	if (s == NULL) {
		return 0;
	}
	n = strlen(s);
	if (n > max) {
		n = utf8_char_start(s, max);
	}
	return (*out = arena_keep(a, s, n)) != NULL ? 0 : -1;
}

int
arena_keep_key(struct arena *a, const char *s, const char **out)
{
	char digest[DIGEST_LEN];
	const char *form;
	size_t n;

	*out = NULL;
	if (s == NULL) {
		return 0;
	}
	form = digest_form(s, strlen(s), digest, &n);
	return (*out = arena_keep(a, form, n)) != NULL ? 0 : -1;
}

void
arena_free(struct arena *a)
{
	while (a->head != NULL) {
		struct arena_block *next = a->head->next;

		free(a->head);
		a->head = next;
	}
}
