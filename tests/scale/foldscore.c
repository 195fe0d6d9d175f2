/*
 * Pairwise scoring by counting. Within one folded story C, the pairs that
 * are right are sum over true stories T of C(|C and T|, 2); the pairs
 * left out are those inside one dontcare group G across two of its
 * stories, C(|C and G|, 2) minus the right ones in G; the rest are wrong.
 * Sorting the items by (folded story, dontcare, story) makes each of
 * these a run, and the families of a run's items give the per-template
 * counts.
 */
#include "autoconfig.h"

#include <stdlib.h>
#include <string.h>

#include "src/item.h"
#include "tests/scale/foldscore.h"

#define UNPLACED UINT32_MAX

struct record {
	uint32_t folded, dontcare, story, family;
};

static uint64_t
pairs_of(uint64_t n)
{
	return n * (n - (n > 0)) / 2;
}

static int
record_order(const void *x, const void *y)
{
	const struct record *a = x, *b = y;

	if (a->folded != b->folded) {
		return a->folded < b->folded ? -1 : 1;
	}
	if (a->dontcare != b->dontcare) {
		return a->dontcare < b->dontcare ? -1 : 1;
	}
	return (a->story > b->story) - (a->story < b->story);
}

/* Which folded story each item is in; -1 unless every index is placed
 * exactly once. */
static int
place_items(const struct fold_result *res, size_t n, uint32_t *folded)
{
	size_t placed = 0;

	for (size_t i = 0; i < n; i++) {
		folded[i] = UNPLACED;
	}
	for (size_t s = 0; s < res->nstories; s++) {
		const struct fold_story *st = &res->stories[s];

		for (size_t k = 0; k <= st->nsimilar; k++) {
			size_t i = k == 0 ? st->lead : st->similar[k - 1];

			if (i >= n || folded[i] != UNPLACED) {
				return -1;
			}
			folded[i] = (uint32_t)s;
			placed++;
		}
	}
	return placed == n ? 0 : -1;
}

/* The folded stories' sizes and time spans. */
static void
score_folded(const struct foldscore_item *truth, const struct fold_result *res,
             struct foldscore *out)
{
	out->nstories = res->nstories;
	for (size_t s = 0; s < res->nstories; s++) {
		const struct fold_story *st = &res->stories[s];
		int64_t lo = INT64_MAX, hi = INT64_MIN;

		if (st->nsimilar + 1 > out->largest) {
			out->largest = st->nsimilar + 1;
		}
		out->folded_pairs += pairs_of(st->nsimilar + 1);
		for (size_t k = 0; k <= st->nsimilar; k++) {
			int64_t t = truth[k == 0 ? st->lead : st->similar[k - 1]].time;

			if (t != NF_NO_DATE) {
				lo = t < lo ? t : lo;
				hi = t > hi ? t : hi;
			}
		}
		if (hi > lo && hi - lo > out->longest_span) {
			out->longest_span = hi - lo;
		}
		out->wide += hi > lo && hi - lo > FOLDSCORE_WIDE;
	}
}

/* The true stories' sizes; -1 when a story's items disagree on their
 * dontcare group or a family is out of range. */
static int
score_truth(const struct foldscore_item *truth, size_t n, struct foldscore *out,
            uint32_t *size, uint32_t *group)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t s = truth[i].story;

		if (truth[i].family >= out->nfamilies
		    || (size[s] > 0 && group[s] != truth[i].dontcare)) {
			return -1;
		}
		group[s] = truth[i].dontcare;
		size[s]++;
		out->items_by[truth[i].family]++;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t s = truth[i].story;

		if (size[s] == 0) {
			continue;	/* counted already */
		}
		out->ntrue++;
		out->true_pairs += pairs_of(size[s]);
		out->true_by[truth[i].family] += pairs_of(size[s]);
		if (size[s] > out->largest_true) {
			out->largest_true = size[s];
		}
		size[s] = 0;
	}
	return 0;
}

/* Counts per family in one run of records, with the right pairs among
 * them, and the families the run touches. */
struct tally {
	uint64_t count[FOLDSCORE_MAX_FAMILIES];
	uint64_t right[FOLDSCORE_MAX_FAMILIES];
	unsigned touched[FOLDSCORE_MAX_FAMILIES];
	size_t ntouched;
};

static void
tally_add(struct tally *t, unsigned family, uint64_t items, uint64_t right)
{
	if (t->count[family] == 0) {
		t->touched[t->ntouched++] = family;
	}
	t->count[family] += items;
	t->right[family] += right;
}

/* Adds the tally's pairs by family pair into m: pairs within a family
 * less its right ones when less_right, and pairs across families. */
static void
tally_pairs(const struct tally *t, uint64_t m[][FOLDSCORE_MAX_FAMILIES],
            int less_right)
{
	for (size_t a = 0; a < t->ntouched; a++) {
		unsigned f = t->touched[a];

		m[f][f] += pairs_of(t->count[f]) - (less_right ? t->right[f] : 0);
		for (size_t b = a + 1; b < t->ntouched; b++) {
			unsigned g = t->touched[b];

			m[f < g ? f : g][f < g ? g : f] += t->count[f] * t->count[g];
		}
	}
}

/* Walks one folded story's records from i; returns where the next one
 * starts. */
static size_t
score_one(const struct record *r, size_t n, size_t i, struct foldscore *out,
          uint64_t all[][FOLDSCORE_MAX_FAMILIES],
          uint64_t ignored[][FOLDSCORE_MAX_FAMILIES])
{
	struct tally story_tally = { { 0 }, { 0 }, { 0 }, 0 };
	uint32_t folded = r[i].folded;

	while (i < n && r[i].folded == folded) {
		struct tally group = { { 0 }, { 0 }, { 0 }, 0 };
		uint32_t dontcare = r[i].dontcare;

		while (i < n && r[i].folded == folded && r[i].dontcare == dontcare) {
			size_t j = i;

			while (j < n && r[j].folded == folded && r[j].story == r[i].story) {
				j++;
			}
			out->right_by[r[i].family] += pairs_of(j - i);
			tally_add(&group, r[i].family, j - i, pairs_of(j - i));
			tally_add(&story_tally, r[i].family, j - i, 0);
			i = j;
		}
		if (dontcare != 0) {
			tally_pairs(&group, ignored, 1);
		}
	}
	tally_pairs(&story_tally, all, 0);
	return i;
}

/* Right, wrong and don't-care pairs from the (folded, truth) overlaps. */
static int
score_pairs(const struct foldscore_item *truth, const uint32_t *folded,
            size_t n, struct foldscore *out)
{
	struct record *r = malloc((n ? n : 1) * sizeof(*r));
	uint64_t all[FOLDSCORE_MAX_FAMILIES][FOLDSCORE_MAX_FAMILIES] = { { 0 } };
	uint64_t ignored[FOLDSCORE_MAX_FAMILIES][FOLDSCORE_MAX_FAMILIES] = { { 0 } };
	size_t i, f, g;

	if (r == NULL) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		r[i] = (struct record){ folded[i], truth[i].dontcare, truth[i].story,
		                        truth[i].family };
	}
	qsort(r, n, sizeof(*r), record_order);
	for (i = 0; i < n; ) {
		i = score_one(r, n, i, out, all, ignored);
	}
	free(r);
	for (f = 0; f < out->nfamilies; f++) {
		out->right_pairs += out->right_by[f];
		for (g = f; g < out->nfamilies; g++) {
			out->wrong_by[f][g] = all[f][g] - ignored[f][g]
			                      - (f == g ? out->right_by[f] : 0);
			out->wrong_pairs += out->wrong_by[f][g];
			out->dontcare_pairs += ignored[f][g];
		}
	}
	return 0;
}

enum nf_status
foldscore_run(const struct foldscore_item *truth, size_t n, size_t nfamilies,
              const struct fold_result *res, struct foldscore *out,
              struct nf_error *err)
{
	uint32_t *folded = malloc((n ? n : 1) * sizeof(*folded)), top = 0;
	uint32_t *size = NULL, *group = NULL;
	enum nf_status st = NF_OK;

	memset(out, 0, sizeof(*out));
	out->nitems = n;
	out->nfamilies = nfamilies < FOLDSCORE_MAX_FAMILIES ? nfamilies
	                 : FOLDSCORE_MAX_FAMILIES;
	for (size_t i = 0; i < n; i++) {
		top = truth[i].story > top ? truth[i].story : top;
	}
	size = calloc((size_t)top + 1, sizeof(*size));
	group = calloc((size_t)top + 1, sizeof(*group));
	if (folded == NULL || size == NULL || group == NULL) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory scoring %zu items", n);
		goto out;
	}
	if (place_items(res, n, folded) != 0) {
		st = nf_error_set(err, NF_ERR_PARSE, "the folding does not place each of %zu items once", n);
		goto out;
	}
	if (score_truth(truth, n, out, size, group) != 0) {
		st = nf_error_set(err, NF_ERR_PARSE, "a story's items disagree on their group, or a family is out of range");
		goto out;
	}
	score_folded(truth, res, out);
	if (score_pairs(truth, folded, n, out) != 0) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory scoring %zu items", n);
		goto out;
	}
	out->precision = out->right_pairs + out->wrong_pairs == 0 ? 1.0
	                 : (double)out->right_pairs / (double)(out->right_pairs + out->wrong_pairs);
	out->recall = out->true_pairs == 0 ? 1.0
	              : (double)out->right_pairs / (double)out->true_pairs;
out:
	free(folded);
	free(size);
	free(group);
	return st;
}

/* The wrong pairs that involve family f, counted once each. */
static uint64_t
wrong_with(const struct foldscore *s, size_t f)
{
	uint64_t n = 0;

	for (size_t g = 0; g < s->nfamilies; g++) {
		n += f <= g ? s->wrong_by[f][g] : s->wrong_by[g][f];
	}
	return n;
}

struct family_pair {
	uint64_t wrong;
	unsigned f, g;
};

static int
most_wrong_first(const void *x, const void *y)
{
	const struct family_pair *a = x, *b = y;

	if (a->wrong != b->wrong) {
		return a->wrong > b->wrong ? -1 : 1;
	}
	return a->f != b->f ? (int)a->f - (int)b->f : (int)a->g - (int)b->g;
}

static void
print_worst_pairs(FILE *out, const struct foldscore *s, const char *const *names)
{
	struct family_pair v[FOLDSCORE_MAX_FAMILIES * FOLDSCORE_MAX_FAMILIES];
	size_t n = 0, k;
	char both[64];

	for (unsigned f = 0; f < s->nfamilies; f++) {
		for (unsigned g = f; g < s->nfamilies; g++) {
			if (s->wrong_by[f][g] > 0) {
				v[n++] = (struct family_pair){ s->wrong_by[f][g], f, g };
			}
		}
	}
	qsort(v, n, sizeof(v[0]), most_wrong_first);
	fprintf(out, "wrong pairs by template: %s\n", n == 0 ? "none" : "");
	for (k = 0; k < n && k < 8; k++) {
		snprintf(both, sizeof(both), "%s + %s", names[v[k].f], names[v[k].g]);
		fprintf(out, "  %-28s %10llu  %5.1f%%\n", both,
		        (unsigned long long)v[k].wrong,
		        100.0 * (double)v[k].wrong / (double)s->wrong_pairs);
	}
}

void
foldscore_print(FILE *out, const struct foldscore *s, const char *const *names)
{
	fprintf(out, "items %zu in %zu true stories, folded into %zu\n",
	        s->nitems, s->ntrue, s->nstories);
	fprintf(out, "pairs: true %llu, folded %llu, right %llu, wrong %llu, "
	        "missed %llu, don't care %llu\n",
	        (unsigned long long)s->true_pairs, (unsigned long long)s->folded_pairs,
	        (unsigned long long)s->right_pairs, (unsigned long long)s->wrong_pairs,
	        (unsigned long long)(s->true_pairs - s->right_pairs),
	        (unsigned long long)s->dontcare_pairs);
	fprintf(out, "precision %.4f  recall %.4f\n", s->precision, s->recall);
	fprintf(out, "largest story %zu (largest true %zu), longest span %.1f days, "
	        "%zu stories over %d days\n", s->largest, s->largest_true,
	        (double)s->longest_span / 86400.0, s->wide, FOLDSCORE_WIDE / 86400);
	fprintf(out, "%-14s %8s %8s %8s %8s %10s\n", "template", "items",
	        "true", "found", "missed", "wrong");
	for (size_t f = 0; f < s->nfamilies; f++) {
		fprintf(out, "%-14s %8llu %8llu %8llu %8llu %10llu\n", names[f],
		        (unsigned long long)s->items_by[f], (unsigned long long)s->true_by[f],
		        (unsigned long long)s->right_by[f],
		        (unsigned long long)(s->true_by[f] - s->right_by[f]),
		        (unsigned long long)wrong_with(s, f));
	}
	print_worst_pairs(out, s, names);
}

int
foldscore_meets(const struct foldscore *s, enum foldscore_target target,
                char *msg, size_t size)
{
	switch (target) {
	case FOLDSCORE_PRECISION:
		snprintf(msg, size, "precision %.4f < 0.995 (%llu wrong pairs)",
		         s->precision, (unsigned long long)s->wrong_pairs);
		return s->precision >= 0.995;
	case FOLDSCORE_RECALL:
		snprintf(msg, size, "recall %.4f < 0.95 (%llu pairs missed)", s->recall,
		         (unsigned long long)(s->true_pairs - s->right_pairs));
		return s->recall >= 0.95;
	case FOLDSCORE_SIZE:
		snprintf(msg, size, "a folded story of %zu items, the largest true one has %zu",
		         s->largest, s->largest_true);
		return s->largest <= s->largest_true;
	case FOLDSCORE_SPAN:
		snprintf(msg, size, "%zu folded stories span more than 3 days (the widest %.1f days)",
		         s->wide, (double)s->longest_span / 86400.0);
		return s->wide == 0;
	}
	snprintf(msg, size, "no such target");
	return 0;
}
