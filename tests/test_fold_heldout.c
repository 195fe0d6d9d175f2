/*
 * Story folding on the held-out set in tests/fixtures/fold-heldout: feeds
 * written apart from the set the rules were tuned on, read through the
 * real feed parser, folded as the front page folds them, and scored by
 * pairwise precision and recall against truth.tsv.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "feeds/feed.h"
#include "src/fold.h"
#include "src/item.h"
#include "src/title.h"

#define SET_DIR SRCDIR "/tests/fixtures/fold-heldout/"
#define MAX_FEEDS 32

/* One row of truth.tsv; strings point into line. */
struct truth {
	char *line;
	const char *feed, *key, *story;
	int found;
};

struct heldout {
	struct truth *rows;
	size_t nrows;
	struct nf_feed *feeds[MAX_FEEDS];
	const char *feed_names[MAX_FEEDS];
	size_t nfeeds;
	struct fold_entry *e;
	const char **story;	/* per entry: its label */
	size_t n;
};

static char *
next_field(char **p)
{
	char *s = *p, *tab = strchr(s, '\t');

	if (tab != NULL) {
		*tab = '\0';
		*p = tab + 1;
	} else {
		*p = s + strlen(s);
	}
	return s;
}

static void
load_truth(struct heldout *h)
{
	FILE *f = fopen(SET_DIR "truth.tsv", "r");
	char line[2048];

	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		struct truth *t;
		char *p;

		if (line[0] == '#' || line[0] == '\n') {
			continue;
		}
		h->rows = realloc(h->rows, (h->nrows + 1) * sizeof(*h->rows));
		assert_non_null(h->rows);
		t = &h->rows[h->nrows++];
		t->line = strdup(line);
		assert_non_null(t->line);
		t->line[strcspn(t->line, "\n")] = '\0';
		p = t->line;
		t->feed = next_field(&p);
		t->key = next_field(&p);
		t->story = next_field(&p);
		t->found = 0;
	}
	fclose(f);
}

static struct nf_feed *
parse_file(const char *name)
{
	char path[512];
	struct feed_options opts = { .source = name, .fold_threshold = 0.6 };
	struct nf_feed *feed = NULL;
	struct nf_error err;
	FILE *f;
	char *buf;
	long len;

	snprintf(path, sizeof(path), "%s%s", SET_DIR, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	assert_true(len > 0);
	rewind(f);
	buf = malloc((size_t)len);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	assert_int_equal(feed_parse(buf, (size_t)len, &opts, &feed, &err), NF_OK);
	free(buf);
	return feed;
}

/* The truth row of an item: keyed by GUID, else link, else title. */
static struct truth *
find_truth(struct heldout *h, const char *feed, const struct nf_item *it)
{
	const char *key = it->id != NULL && it->id[0] != '\0' ? it->id :
	                  it->link != NULL && it->link[0] != '\0' ? it->link :
	                  nf_str(it->title);
	size_t i;

	for (i = 0; i < h->nrows; i++) {
		if (strcmp(h->rows[i].feed, feed) == 0 &&
		    strcmp(h->rows[i].key, key) == 0) {
			return &h->rows[i];
		}
	}
	return NULL;
}

static void
add_feed(struct heldout *h, const char *name)
{
	struct nf_feed *feed;
	size_t i;

	for (i = 0; i < h->nfeeds; i++) {
		if (strcmp(h->feed_names[i], name) == 0) {
			return;
		}
	}
	assert_true(h->nfeeds < MAX_FEEDS);
	feed = parse_file(name);
	h->feeds[h->nfeeds] = feed;
	h->feed_names[h->nfeeds++] = name;
	h->e = realloc(h->e, (h->n + feed->nitems) * sizeof(*h->e));
	h->story = realloc(h->story, (h->n + feed->nitems) * sizeof(*h->story));
	assert_non_null(h->e);
	assert_non_null(h->story);
	for (i = 0; i < feed->nitems; i++) {
		const struct nf_item *it = feed->items[i];
		struct truth *t = find_truth(h, name, it);
		if (t == NULL) {
			fail_msg("%s: no truth for \"%s\"", name, nf_str(it->title));
		}
		assert_int_equal(t->found, 0);
		t->found = 1;
		h->e[h->n] = fold_entry_of(it, it->outlet != NULL ? it->outlet : feed->title);
		h->story[h->n++] = t->story;
	}
}

static void
load_heldout(struct heldout *h)
{
	size_t i;

	memset(h, 0, sizeof(*h));
	load_truth(h);
	for (i = 0; i < h->nrows; i++) {
		add_feed(h, h->rows[i].feed);
	}
}

static void
free_heldout(struct heldout *h)
{
	size_t i;

	for (i = 0; i < h->nrows; i++) {
		free(h->rows[i].line);
	}
	for (i = 0; i < h->nfeeds; i++) {
		feed_free(h->feeds[i]);
	}
	free(h->rows);
	free(h->e);
	free(h->story);
}

struct quality {
	size_t tp, fp, fn;
	double precision, recall;
};

static struct quality
measure(const struct heldout *h, double threshold, int show_errors)
{
	struct fold_result r;
	struct nf_error err;
	struct quality q = { 0, 0, 0, 0, 0 };
	size_t *of = calloc(h->n, sizeof(*of)), i, j;

	assert_non_null(of);
	assert_int_equal(fold_stories(h->e, h->n, threshold, &r, &err), NF_OK);
	for (i = 0; i < r.nstories; i++) {
		of[r.stories[i].lead] = i;
		for (j = 0; j < r.stories[i].nsimilar; j++) {
			of[r.stories[i].similar[j]] = i;
		}
	}
	for (i = 0; i < h->n; i++) {
		for (j = i + 1; j < h->n; j++) {
			int truth = strcmp(h->story[i], h->story[j]) == 0;
			int got = of[i] == of[j];

			q.tp += truth && got;
			q.fp += !truth && got;
			q.fn += truth && !got;
			if (show_errors && truth != got) {
				printf("# %s: %s | %s\n", got ? "wrongly folded" : "missed",
				       h->e[i].title, h->e[j].title);
			}
		}
	}
	q.precision = q.tp + q.fp ? (double)q.tp / (double)(q.tp + q.fp) : 1.0;
	q.recall = q.tp + q.fn ? (double)q.tp / (double)(q.tp + q.fn) : 1.0;
	free(of);
	fold_result_free(&r);
	return q;
}

/* Every labelled item is in a feed and every feed item is labelled, over
 * at least 200 items and 8 feeds. */
static void
test_heldout_complete(void **state)
{
	struct heldout h;
	size_t i;

	(void)state;
	load_heldout(&h);
	assert_true(h.n >= 200);
	assert_true(h.nfeeds >= 8);
	assert_int_equal(h.n, h.nrows);
	for (i = 0; i < h.nrows; i++) {
		if (!h.rows[i].found) {
			fail_msg("%s: item %s not in the feed", h.rows[i].feed,
			         h.rows[i].key);
		}
	}
	free_heldout(&h);
}

/* The sweep is printed for the record. The target is precision 0.98 and
 * recall 0.95; with the lead rule (rewrites that keep the wire's summary)
 * this set reaches 0.9625. Still missed: a rewrite whose summary is the
 * outlet's own, a German paraphrase with a shortened lead, and a German
 * copy of an English story. */
static void
test_heldout_quality(void **state)
{
	struct heldout h;
	struct quality q;
	int step;

	(void)state;
	load_heldout(&h);
	for (step = 8; step <= 18; step++) {
		double t = step / 20.0;

		q = measure(&h, t, 0);
		printf("# held-out threshold %.2f: precision %.4f recall %.4f "
		       "(tp %zu fp %zu fn %zu)\n",
		       t, q.precision, q.recall, q.tp, q.fp, q.fn);
	}
	q = measure(&h, TITLE_DEFAULT_THRESHOLD, 1);
	printf("# held-out default %.2f over %zu items: precision %.4f "
	       "recall %.4f\n", TITLE_DEFAULT_THRESHOLD, h.n, q.precision,
	       q.recall);
	assert_true(q.precision >= 0.98);
	assert_true(q.recall >= 0.96);
	free_heldout(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heldout_complete),
		cmocka_unit_test(test_heldout_quality),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
