/*
 * The front page: fold -> order -> lead -> headline -> photo, decided
 * here once for `newsfold --headlines` and the Headlines screen.
 */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "src/frontpage.h"
#include "src/text.h"
#include "src/title.h"

#define FRONTPAGE_DAY 86400
/* The headline rule compares copies pairwise: a story's first this many
 * copies are enough to tell which title they share. */
#define FRONTPAGE_HEADLINE_COPIES 64

/* The member k of story st: its lead first, then its similar copies. */
static size_t
story_member(const struct fold_story *st, size_t k)
{
	return k == 0 ? st->lead : st->similar[k - 1];
}

static int64_t
story_newest(const struct fold_entry *e, const struct fold_story *st)
{
	int64_t t = NF_NO_DATE;
	size_t k;

	for (k = 0; k <= st->nsimilar; k++) {
		int64_t m = e[story_member(st, k)].time;

		t = m != NF_NO_DATE && (t == NF_NO_DATE || m > t) ? m : t;
	}
	return t;
}

/* How many distinct sources carry the story (entries without a source
 * count as one each). */
static size_t
story_outlets(const struct fold_entry *e, const struct fold_story *st)
{
	size_t k, j, n = 0;

	for (k = 0; k <= st->nsimilar; k++) {
		const char *s = e[story_member(st, k)].source;

		for (j = 0; s != NULL && j < k; j++) {
			const char *o = e[story_member(st, j)].source;

			if (o != NULL && strcmp(o, s) == 0) {
				break;
			}
		}
		n += s == NULL || j == k;
	}
	return n;
}

size_t
frontpage_pick_lead(const struct fold_entry *entries,
                    const struct fold_result *res)
{
	int64_t newest = NF_NO_DATE, best_time = NF_NO_DATE;
	size_t i, best = 0, best_outlets = 0;

	for (i = 0; i < res->nstories; i++) {
		int64_t t = story_newest(entries, &res->stories[i]);

		newest = t != NF_NO_DATE && (newest == NF_NO_DATE || t > newest) ? t : newest;
	}
	for (i = 0; i < res->nstories; i++) {
		int64_t t = story_newest(entries, &res->stories[i]);
		size_t outlets;

		/* "the last day" is relative to the newest item, not the clock */
		if (newest != NF_NO_DATE && (t == NF_NO_DATE || newest - t > FRONTPAGE_DAY)) {
			continue;
		}
		outlets = story_outlets(entries, &res->stories[i]);
		if (best_outlets == 0 || outlets > best_outlets ||
		    (outlets == best_outlets && t != NF_NO_DATE &&
		     (best_time == NF_NO_DATE || t > best_time))) {
			best = i, best_outlets = outlets, best_time = t;
		}
	}
	return best;
}

struct order_key {
	int64_t t;
	size_t i;
};

/* Newest first; undated stories last, in story order. */
static int
order_cmp(const void *x, const void *y)
{
	const struct order_key *a = x, *b = y;

	if (a->t != b->t) {
		if (a->t == NF_NO_DATE || b->t == NF_NO_DATE) {
			return a->t == NF_NO_DATE ? 1 : -1;
		}
		return a->t > b->t ? -1 : 1;
	}
	return (a->i > b->i) - (a->i < b->i);
}

/* Fills order with story indexes in display order, the lead first.
 * Returns -1 when out of memory. */
static int
page_order(const struct fold_entry *e, const struct fold_result *res,
           enum frontpage_kind kind, size_t *order)
{
	struct order_key *k;
	size_t i, lead, at = 0;

	for (i = 0; i < res->nstories; i++) {
		order[i] = i;
	}
	if (kind == FRONTPAGE_ONE_FEED || res->nstories == 0) {
		return 0;
	}
	if ((k = malloc(res->nstories * sizeof(*k))) == NULL) {
		return -1;
	}
	for (i = 0; i < res->nstories; i++) {
		k[i].t = story_newest(e, &res->stories[i]);
		k[i].i = i;
	}
	qsort(k, res->nstories, sizeof(*k), order_cmp);
	lead = frontpage_pick_lead(e, res);
	order[0] = lead;
	for (i = 0; i < res->nstories; i++) {
		if (k[i].i != lead) {
			order[++at] = k[i].i;
		}
	}
	free(k);
	return 0;
}

/* A title as the headline rule reads it: outlet tail removed, whether it
 * was cut with "…", and its folded form (case, width, punctuation), read
 * with the scratch w (NULL, out of memory: no folded form). */
struct headline_form {
	char *folded;		/* NULL when out of memory */
	size_t len;
	int cut;
};

static void
headline_form_of(const struct nf_item *it, struct title_words *w,
                 struct headline_form *f)
{
	const char *outlet, *title = nf_str(it->title);
	size_t len = title_outlet_cut(title, it->outlet, it->source, &outlet);
	char *head = NULL;

	while (len > 0 && title[len - 1] == ' ') {
		len--;
	}
	f->cut = (len >= 3 && memcmp(title + len - 3, "\xe2\x80\xa6", 3) == 0) ||
	         (len >= 3 && memcmp(title + len - 3, "...", 3) == 0);
	f->folded = NULL;
	f->len = 0;
	if (w != NULL && (head = strndup(title, len)) != NULL) {
		f->folded = title_normalize_with(w, head, NULL);
		f->len = f->folded != NULL ? strlen(f->folded) : 0;
	}
	free(head);
}

/* Whether a's folded title begins with all of b's and goes on. */
static int
runs_on_past(const struct headline_form *a, const struct headline_form *b)
{
	return b->len > 0 && a->len > b->len &&
	       memcmp(a->folded, b->folded, b->len) == 0;
}

/* Whether copy c carries title t: the same, t with more glued on, or t
 * cut short with "…". */
static int
carries(const struct headline_form *c, const struct headline_form *t)
{
	return (c->len == t->len && memcmp(c->folded, t->folded, t->len) == 0) ||
	       runs_on_past(c, t) || (c->cut && runs_on_past(t, c));
}

/* Whether f may head its story: a title, not cut, no summary glued on
 * (it does not run on past another uncut copy's whole title). */
static int
is_clean(const struct headline_form *f, const struct headline_form *all,
         size_t n)
{
	size_t j;

	if (f->folded == NULL || f->len == 0 || f->cut) {
		return 0;
	}
	for (j = 0; j < n; j++) {
		if (!all[j].cut && runs_on_past(f, &all[j])) {
			return 0;
		}
	}
	return 1;
}

/*
 * The headline rule, decided here once for every view: a story's
 * headline is the cleanest title that most copies share; never a copy
 * with a summary glued on (a title that runs on past another copy's
 * whole title), never one cut with "…", outlet tail removed. Titles are
 * compared folded (case, width, punctuation). Among the clean titles the
 * one the most copies carry wins (a copy carries a title when its own is
 * that title, that title with more glued on, or that title cut with
 * "…"); ties go to the earlier copy, the lead copy first. When no title
 * is clean, the lead copy's. The lead copy (the longest text) still
 * supplies the article body.
 */
size_t
frontpage_headline(struct nf_item *const *items, const size_t *members,
                   size_t n)
{
	struct headline_form f[FRONTPAGE_HEADLINE_COPIES];
	struct title_words *w;
	size_t k, j, best = 0, best_count = 0;

	n = n < FRONTPAGE_HEADLINE_COPIES ? n : FRONTPAGE_HEADLINE_COPIES;
	if (n < 2) {
		return members[0];
	}
	w = title_words_new();
	for (k = 0; k < n; k++) {
		headline_form_of(items[members[k]], w, &f[k]);
	}
	title_words_free(w);
	for (k = 0; k < n; k++) {
		size_t count = 0;

		if (!is_clean(&f[k], f, n)) {
			continue;
		}
		for (j = 0; j < n; j++) {
			count += f[j].folded != NULL && carries(&f[j], &f[k]);
		}
		if (count > best_count) {
			best = k, best_count = count;
		}
	}
	for (k = 0; k < n; k++) {
		free(f[k].folded);
	}
	return members[best];
}

/* Fills the page's stories from res in order. Every story's members lie
 * in one array, in display order, so stories[0].members owns it. */
static enum nf_status
page_fill(struct frontpage *page, const struct fold_result *res,
          const size_t *order, size_t nitems, struct nf_error *err)
{
	size_t *pool, i, k, at = 0;

	page->stories = calloc(res->nstories + 1, sizeof(*page->stories));
	pool = malloc((nitems + 1) * sizeof(*pool));
	if (page->stories == NULL || pool == NULL) {
		free(pool);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < res->nstories; i++) {
		const struct fold_story *fs = &res->stories[order[i]];
		struct frontpage_story *st = &page->stories[i];

		st->members = pool + at;
		st->n = fs->nsimilar + 1;
		for (k = 0; k < st->n; k++) {
			pool[at++] = story_member(fs, k);
		}
	}
	page->nstories = res->nstories;
	if (page->nstories == 0) {
		free(pool);
	}
	return NF_OK;
}

enum nf_status
frontpage_fold(const struct fold_entry *e, size_t n, double threshold,
               enum frontpage_kind kind, struct frontpage *page,
               struct nf_error *err)
{
	struct fold_result res = { NULL, 0 };
	size_t *order = NULL;
	enum nf_status st;

	memset(page, 0, sizeof(*page));
	if ((st = fold_stories(e, n, threshold, &res, err)) != NF_OK) {
		goto out;
	}
	order = malloc((res.nstories + 1) * sizeof(*order));
	if (order == NULL || page_order(e, &res, kind, order) != 0) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory");
		goto out;
	}
	st = page_fill(page, &res, order, n, err);
out:
	if (st != NF_OK) {
		frontpage_free(page);
	}
	free(order);
	fold_result_free(&res);
	return st;
}

enum nf_status
frontpage_build(struct nf_item *const *items, size_t n, double threshold,
                enum frontpage_kind kind, struct frontpage *page,
                struct nf_error *err)
{
	struct fold_entry *e = calloc(n + 1, sizeof(*e));
	enum nf_status st;
	size_t i;

	memset(page, 0, sizeof(*page));
	if (e == NULL) {
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	for (i = 0; i < n; i++) {
		/* an aggregator's item: its outlet is its source, and the
		 * title's tail that names it is no part of the headline */
		e[i] = fold_entry_of(items[i], items[i]->outlet != NULL ? items[i]->outlet
		                                                        : items[i]->source);
	}
	st = frontpage_fold(e, n, threshold, kind, page, err);
	page->items = items;
	free(e);
	return st;
}

enum nf_status
frontpage_from_stories(struct nf_item *const *items, const size_t *members,
                       const size_t *counts, size_t nstories,
                       struct frontpage *page, struct nf_error *err)
{
	size_t i, total = 0, *pool;

	memset(page, 0, sizeof(*page));
	page->items = items;
	for (i = 0; i < nstories; i++) {
		total += counts[i];
	}
	page->stories = calloc(nstories + 1, sizeof(*page->stories));
	pool = malloc((total + 1) * sizeof(*pool));
	if (page->stories == NULL || pool == NULL) {
		free(pool);
		frontpage_free(page);
		return nf_error_set(err, NF_ERR_NOMEM, "out of memory");
	}
	memcpy(pool, members, total * sizeof(*pool));
	for (i = 0, total = 0; i < nstories; i++) {
		page->stories[i].members = pool + total;
		page->stories[i].n = counts[i];
		total += counts[i];
	}
	page->nstories = nstories;
	if (nstories == 0) {
		free(pool);
	}
	return NF_OK;
}

void
frontpage_free(struct frontpage *page)
{
	if (page->stories != NULL && page->nstories > 0) {
		free(page->stories[0].members);
	}
	free(page->stories);
	page->stories = NULL;
	page->nstories = 0;
}

/* An item without a title is headed by the start of its text rather
 * than by nothing. 1 when it is, else 0. */
static int
headline_or_text(const struct nf_item *it, char *head, size_t hsize)
{
	if (head == NULL || hsize == 0 || strspn(head, " ") != strlen(head)) {
		return 0;
	}
	snprintf(head, hsize, "%s", nf_str(it->summary)[0] != '\0' ? it->summary :
	         nf_str(it->content)[0] != '\0' ? it->content : "(no title)");
	return 1;
}

void
frontpage_story_line(const struct frontpage *page,
                     const struct frontpage_story *st, char *head,
                     size_t hsize, char *source, size_t ssize)
{
	const struct nf_item *lead = page->items[st->members[0]];
	const struct nf_item *top =
		page->items[frontpage_headline(page->items, st->members, st->n)];

	title_headline_named(top->title, top->outlet, top->source, head, hsize, NULL, 0);
	headline_or_text(top, head, hsize);
	title_headline_named(lead->title, lead->outlet, lead->source, NULL, 0, source, ssize);
}

int
frontpage_copy_line(const struct nf_item *it, char *head, size_t hsize,
                    char *source, size_t ssize)
{
	title_headline_named(it->title, it->outlet, it->source, head, hsize, source, ssize);
	return headline_or_text(it, head, hsize);
}

/* The lead copy's photo, else the first copy's that has a caption (the
 * copies tell one story, so its photo is theirs too). */
const struct nf_image *
frontpage_photo(const struct frontpage *page, const struct frontpage_story *st)
{
	size_t k;

	for (k = 0; k < st->n; k++) {
		const struct nf_image *img = page->items[st->members[k]]->image;

		if (img != NULL && img->caption != NULL && img->caption[0] != '\0') {
			return img;
		}
	}
	return NULL;
}

/* One story with what it is sorted by. */
struct sort_key {
	struct frontpage_story story;
	size_t place;		/* in the page's order: ties keep it */
	int64_t newest;
	const char *text;	/* feed or headline */
	size_t outlets;
	enum frontpage_order order;
	int reverse;
};

static int
sort_cmp(const void *x, const void *y)
{
	const struct sort_key *a = x, *b = y;
	int c = 0;

	switch (a->order) {
	case FRONTPAGE_ORDER_DATE:
		c = a->newest == b->newest ? 0 : a->newest == NF_NO_DATE ? 1 :
		    b->newest == NF_NO_DATE ? -1 : a->newest > b->newest ? -1 : 1;
		break;
	case FRONTPAGE_ORDER_FEED:
	case FRONTPAGE_ORDER_TITLE:
		c = strcasecmp(a->text, b->text);
		break;
	case FRONTPAGE_ORDER_OUTLETS:
		c = a->outlets == b->outlets ? 0 : a->outlets > b->outlets ? -1 : 1;
		break;
	case FRONTPAGE_ORDER_PAGE:
		break;
	}
	if (c == 0) {
		c = a->place < b->place ? -1 : a->place > b->place;
	}
	return a->reverse ? -c : c;
}

/* Fills k with what story st is sorted by. */
static void
sort_key_fill(const struct frontpage *page, const struct frontpage_story *st,
              struct sort_key *k)
{
	const struct nf_item *lead = page->items[st->members[0]];
	size_t i, j;

	k->story = *st;
	k->newest = NF_NO_DATE;
	k->outlets = 0;
	for (i = 0; i < st->n; i++) {
		const struct nf_item *it = page->items[st->members[i]];

		if (it->published != NF_NO_DATE &&
		    (k->newest == NF_NO_DATE || it->published > k->newest)) {
			k->newest = it->published;
		}
		for (j = 0; j < i; j++) {
			if (strcmp(nf_str(page->items[st->members[j]]->source),
			           nf_str(it->source)) == 0) {
				break;
			}
		}
		k->outlets += j == i;
	}
	k->text = k->order == FRONTPAGE_ORDER_FEED ? nf_str(lead->source) :
	          k->order == FRONTPAGE_ORDER_TITLE ?
	          nf_str(page->items[frontpage_headline(page->items, st->members,
	                                                st->n)]->title) : "";
}

int
frontpage_sort(struct frontpage *page, enum frontpage_order order, int reverse)
{
	struct sort_key *keys;
	size_t i, n = page->nstories > 1 ? page->nstories - 1 : 0;

	if (n < 2 && !(n == 1 && reverse)) {
		return 0;
	}
	if ((keys = calloc(n, sizeof(*keys))) == NULL) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		keys[i].place = i;
		keys[i].order = order;
		keys[i].reverse = reverse;
		sort_key_fill(page, &page->stories[i + 1], &keys[i]);
	}
	qsort(keys, n, sizeof(*keys), sort_cmp);
	for (i = 0; i < n; i++) {
		page->stories[i + 1] = keys[i].story;
	}
	free(keys);
	return 0;
}
