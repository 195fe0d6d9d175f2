/*
 * Near-duplicate Similar News entries folded into copies, in time near
 * linear in the length of the list (src/relmerge.h).
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/relmerge.h"
#include "src/title.h"

/* Whether the UTF-8 character at s (or ending just before s, with back)
 * is a CJK ideograph or kana. */
static int
is_cjk_at(const char *s, int back)
{
	const unsigned char *u = (const unsigned char *)s;

	if (back) {
		u -= 3;
	}
	/* U+3040..U+30FF kana, U+3400..U+9FFF ideographs: E3 81..E9 BF;
	 * U+AC00..U+D7A3 Hangul syllables: EA..ED */
	return (u[0] >= 0xE3 && u[0] <= 0xE9 && (u[0] != 0xE3 || u[1] >= 0x81)) ||
	       (u[0] >= 0xEA && u[0] <= 0xED);
}

/* Japanese has no case to show where a headline ends and a summary glued
 * onto it begins ("…来春開業へ運賃は片道300円…"): a copy that runs on from
 * its entry's whole title, ideograph, kana or Hangul straight after one,
 * is cut back to that title. */
static void
cut_cjk_glue(const char *entry, char *copy)
{
	size_t n = strlen(entry);

	if (n >= 6 && strlen(copy) >= n + 3 && strncmp(copy, entry, n) == 0 &&
	    is_cjk_at(copy + n, 1) && is_cjk_at(copy + n, 0)) {
		copy[n] = '\0';
	}
}

/*
 * Near-duplicate entries become copies of the first of them, in order.
 * A list may hold tens of thousands of entries, so an entry is compared
 * only with the few kept entries that share a shingle of its normalised
 * title (a pair of words, or of characters in a CJK run, or the whole
 * title): each shingle lists at most MERGE_POSTINGS kept entries, and
 * at most MERGE_TRIES of them are compared, those sharing the most
 * shingles first (then the earliest).
 */
#define MERGE_POSTINGS 32
#define MERGE_TRIES 4
#define MERGE_CANDIDATES 64

struct merge_slot {
	uint64_t hash;		/* 0: empty */
	size_t head;		/* first posting + 1; 0: none */
	size_t count;
};

struct merge_posting {
	size_t kept, next;	/* next: posting + 1; 0: end */
};

struct merge_index {
	struct merge_slot *slot;
	size_t mask, used;
	struct merge_posting *post;
	size_t npost, cappost;
};

static uint64_t
merge_hash(const char *s, size_t n, uint64_t h)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	}
	return h != 0 ? h : 1;
}

/* The units of a normalised title: its words, and each character of a
 * word in a script written without spaces. Returns the number found
 * (at most max), each as (start, length) in at/len. */
static size_t
merge_units(const char *key, size_t *at, size_t *len, size_t max)
{
	size_t i = 0, n = 0, end;

	while (key[i] != '\0' && n < max) {
		if (key[i] == ' ') {
			i++;
			continue;
		}
		for (end = i; key[end] != '\0' && key[end] != ' '; end++) {
		}
		if ((unsigned char)key[i] >= 0xE1) {
			while (i < end && n < max) {
				size_t k = 1;

				while (i + k < end && ((unsigned char)key[i + k] & 0xC0) == 0x80) {
					k++;
				}
				at[n] = i, len[n++] = k;
				i += k;
			}
		} else {
			at[n] = i, len[n++] = end - i;
		}
		i = end;
	}
	return n;
}

/* The shingles of a normalised title into out (at most max). */
static size_t
merge_shingles(const char *key, uint64_t *out, size_t max)
{
	enum { UNITS = 64 };
	size_t at[UNITS], len[UNITS], n = merge_units(key, at, len, UNITS), i, k = 0;

	out[k++] = merge_hash(key, strlen(key), 0x9e3779b97f4a7c15ULL);
	for (i = 0; i + 1 < n && k < max; i++) {
		uint64_t h = merge_hash(key + at[i], len[i], 0xcbf29ce484222325ULL);

		out[k++] = merge_hash(key + at[i + 1], len[i + 1], h ^ 0x20);
	}
	if (n == 1 && k < max) {
		out[k++] = merge_hash(key + at[0], len[0], 0xcbf29ce484222325ULL);
	}
	return k;
}

static struct merge_slot *
merge_find(struct merge_index *x, uint64_t h)
{
	size_t i = (size_t)h & x->mask;

	while (x->slot[i].hash != 0 && x->slot[i].hash != h) {
		i = (i + 1) & x->mask;
	}
	return &x->slot[i];
}

/* Doubles the table when half full. */
static int
merge_grow(struct merge_index *x)
{
	struct merge_index old = *x;
	size_t i;

	if ((x->used + 1) * 2 <= x->mask + 1) {
		return 0;
	}
	x->slot = calloc((old.mask + 1) * 2, sizeof(*x->slot));
	if (x->slot == NULL) {
		x->slot = old.slot;
		return -1;
	}
	x->mask = old.mask * 2 + 1;
	for (i = 0; i <= old.mask; i++) {
		if (old.slot[i].hash != 0) {
			*merge_find(x, old.slot[i].hash) = old.slot[i];
		}
	}
	free(old.slot);
	return 0;
}

/* Records that kept entry k has shingle h. */
static int
merge_insert(struct merge_index *x, uint64_t h, size_t k)
{
	struct merge_slot *s;

	if (merge_grow(x) != 0) {
		return -1;
	}
	s = merge_find(x, h);

	if (s->count >= MERGE_POSTINGS) {
		return 0;	/* a shingle this common picks nothing out */
	}
	if (x->npost == x->cappost) {
		size_t cap = x->cappost != 0 ? x->cappost * 2 : 256;
		struct merge_posting *p = realloc(x->post, cap * sizeof(*p));

		if (p == NULL) {
			return -1;
		}
		x->post = p;
		x->cappost = cap;
	}
	x->used += s->hash == 0;
	s->hash = h;
	x->post[x->npost].kept = k;
	x->post[x->npost].next = s->head;
	s->head = ++x->npost;
	s->count++;
	return 0;
}

struct merge_candidate {
	size_t kept, shared;
};

/* Most shingles shared first, then the earliest kept. */
static int
merge_compare(const void *a, const void *b)
{
	const struct merge_candidate *x = a, *y = b;

	if (x->shared != y->shared) {
		return x->shared > y->shared ? -1 : 1;
	}
	return x->kept < y->kept ? -1 : x->kept > y->kept;
}

/* The kept entries that share a shingle with sh[0..n), the likeliest
 * first, into cand (at most MERGE_CANDIDATES); seen[k] holds where kept
 * entry k is in cand, plus one, while its mark is current. */
static size_t
merge_candidates(struct merge_index *x, const uint64_t *sh, size_t n, size_t *seen,
                 size_t *seen_mark, size_t mark, struct merge_candidate *cand)
{
	size_t i, p, k = 0;

	for (i = 0; i < n; i++) {
		struct merge_slot *s = merge_find(x, sh[i]);

		for (p = s->hash != 0 ? s->head : 0; p != 0; p = x->post[p - 1].next) {
			size_t kept = x->post[p - 1].kept;

			if (seen_mark[kept] == mark) {
				cand[seen[kept] - 1].shared++;
			} else if (k < MERGE_CANDIDATES) {
				seen_mark[kept] = mark;
				seen[kept] = k + 1;
				cand[k].kept = kept;
				cand[k++].shared = 1;
			}
		}
	}
	qsort(cand, k, sizeof(*cand), merge_compare);
	return k;
}

/* Whether entry e is a copy of one of the kept entries: its index in *j. */
static int
merge_match(const struct nf_related *v, size_t nv, struct merge_index *x,
            const struct nf_related *e, const uint64_t *sh, size_t nsh, size_t *seen,
            size_t mark, double threshold, size_t *j)
{
	struct merge_candidate cand[MERGE_CANDIDATES];
	size_t n = merge_candidates(x, sh, nsh, seen, seen + nv + 1, mark, cand), i;

	for (i = 0; i < n && i < MERGE_TRIES; i++) {
		if (title_similar(v[cand[i].kept].title, e->title, threshold)) {
			*j = cand[i].kept;
			return 1;
		}
	}
	return 0;
}

int
relmerge_copies(struct nf_related *v, size_t *n, double threshold)
{
	enum { SHINGLES = 64 };
	struct merge_index x = { NULL, 63, 0, NULL, 0, 0 };
	size_t i, j, kept = 0, *seen = calloc(2 * (*n + 1), sizeof(*seen));
	uint64_t sh[SHINGLES];
	struct title_words *w = title_words_new();
	int rc = -1;

	x.slot = calloc(x.mask + 1, sizeof(*x.slot));
	for (i = 0; seen != NULL && x.slot != NULL && w != NULL && i < *n; i++) {
		char *key = title_normalize_with(w, v[i].title, NULL);
		size_t nsh = key != NULL ? merge_shingles(key, sh, SHINGLES) : 0;

		free(key);
		if (nsh == 0) {
			goto out;
		}
		if (merge_match(v, *n, &x, &v[i], sh, nsh, seen, i + 1, threshold, &j)) {
			cut_cjk_glue(v[j].title, v[i].title);
			if (related_add_copy(&v[j], &v[i]) != 0) {
				goto out;
			}
			continue;
		}
		for (j = 0; j < nsh; j++) {
			if (merge_insert(&x, sh[j], kept) != 0) {
				goto out;
			}
		}
		v[kept++] = v[i];
	}
	rc = seen != NULL && x.slot != NULL && w != NULL ? 0 : -1;
out:
	if (rc != 0) {
		for (; i < *n; i++) {
			related_clear(&v[i]);
		}
	}
	*n = kept;
	title_words_free(w);
	free(seen);
	free(x.slot);
	free(x.post);
	return rc;
}
