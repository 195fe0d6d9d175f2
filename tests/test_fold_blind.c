/*
 * Blind evaluation of story folding: a labelled set written from SPEC's
 * Folding section alone, without looking at the rules in src/fold.c or at
 * the sets they were tuned on, so its figures say how folding does on
 * feeds it has never seen. The fixture's README says how it was labelled.
 *
 * Pairwise precision and recall: every pair of items is "same story" in
 * the truth or not, and folded together or not.
 *
 * Targets from the folding issue: precision >= 0.98, recall >= 0.95.
 * Measured on this set at TITLE_DEFAULT_THRESHOLD (0.6) when it was
 * written: precision 1.000 (no wrong fold), recall 0.893 (167 of 187
 * same-story pairs), every missed pair a rewritten headline (few words in
 * common with the wire's) whose copies share only the summary. Folding
 * then learned that a lead copied nearly whole lets titles share fewer
 * words, and Japanese rewrites other words (fold_verify_lead): precision
 * 1.000, recall 0.973 (182 of 187); the set is no longer blind to that
 * rule. Both targets are met here; the misses left are one rewrite whose
 * lead was edited too, against its five copies. The floors below are the
 * figures rounded down to 0.01, so the test guards against regressions
 * rather than enforcing the targets.
 */
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

#define BLIND_DIR SRCDIR "/tests/fixtures/fold-blind/"
#define MAX_LINE 512

static const char *const feed_files[] = {
	"meridian-wire.rss", "harbor-times.atom", "valley-ledger.rss",
	"daily-compass.atom", "newsloop.rss", "toto-nippo.rss",
	"minato-shimbun.atom", "hokusei-times.rss", "europa-kurier.atom",
};
#define NFEEDS (sizeof(feed_files) / sizeof(feed_files[0]))

struct truth_row {
	char feed[64];
	char guid[128];
	char label[64];
};

/* The whole labelled set, loaded once for every case. */
struct blind_set {
	struct nf_feed *feeds[NFEEDS];
	struct fold_entry *entries;
	const char **labels;	/* story label of each entry */
	size_t n;
	struct truth_row *truth;
	size_t ntruth;
};

struct pr {
	size_t tp, fp, fn;
};

static char *
read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long size;

	if (f == NULL) {
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0
	    || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	buf = malloc((size_t)size + 1);
	if (buf != NULL && fread(buf, 1, (size_t)size, f) != (size_t)size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf != NULL) {
		buf[size] = '\0';
		*len = (size_t)size;
	}
	return buf;
}

/* Splits "feed\tguid\tlabel" into row; 0 on success. */
static int
parse_truth_line(char *line, struct truth_row *row)
{
	char *tab1 = strchr(line, '\t');
	char *tab2 = tab1 != NULL ? strchr(tab1 + 1, '\t') : NULL;

	if (tab2 == NULL) {
		return -1;
	}
	*tab1 = '\0';
	*tab2 = '\0';
	line[strcspn(line, "\r\n")] = '\0';
	tab2[1 + strcspn(tab2 + 1, "\r\n")] = '\0';
	if (strlen(line) >= sizeof(row->feed)
	    || strlen(tab1 + 1) >= sizeof(row->guid)
	    || strlen(tab2 + 1) >= sizeof(row->label)) {
		return -1;
	}
	memcpy(row->feed, line, strlen(line) + 1);
	memcpy(row->guid, tab1 + 1, strlen(tab1 + 1) + 1);
	memcpy(row->label, tab2 + 1, strlen(tab2 + 1) + 1);
	return 0;
}

static void
load_truth(struct blind_set *set)
{
	FILE *f = fopen(BLIND_DIR "truth.tsv", "r");
	char line[MAX_LINE];
	size_t cap = 0;

	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (line[0] == '#' || line[0] == '\n') {
			continue;
		}
		if (set->ntruth == cap) {
			cap = cap != 0 ? cap * 2 : 256;
			set->truth = realloc(set->truth,
			                     cap * sizeof(*set->truth));
			assert_non_null(set->truth);
		}
		assert_int_equal(parse_truth_line(line,
		                 &set->truth[set->ntruth]), 0);
		set->ntruth++;
	}
	fclose(f);
}

static const char *
truth_label(const struct blind_set *set, const char *feed, const char *guid)
{
	for (size_t i = 0; i < set->ntruth; i++) {
		if (strcmp(set->truth[i].feed, feed) == 0
		    && strcmp(set->truth[i].guid, guid) == 0) {
			return set->truth[i].label;
		}
	}
	return NULL;
}

static void
add_feed_entries(struct blind_set *set, size_t fi)
{
	const struct nf_feed *feed = set->feeds[fi];

	set->entries = realloc(set->entries, (set->n + feed->nitems)
	                       * sizeof(*set->entries));
	set->labels = realloc(set->labels, (set->n + feed->nitems)
	                      * sizeof(*set->labels));
	assert_non_null(set->entries);
	assert_non_null(set->labels);
	for (size_t i = 0; i < feed->nitems; i++) {
		const struct nf_item *it = feed->items[i];

		set->entries[set->n] = fold_entry_of(it, feed->title);
		set->labels[set->n] = truth_label(set, feed_files[fi],
		                                  nf_str(it->id));
		if (set->labels[set->n] == NULL) {
			fail_msg("%s: item %s has no label", feed_files[fi],
			         nf_str(it->id));
		}
		set->n++;
	}
}

static int
setup(void **state)
{
	struct blind_set *set = calloc(1, sizeof(*set));

	assert_non_null(set);
	load_truth(set);
	for (size_t fi = 0; fi < NFEEDS; fi++) {
		char path[512];
		struct feed_options opts = { 0 };
		struct nf_error err = { 0 };
		size_t len = 0;
		char *buf;

		snprintf(path, sizeof(path), "%s%s", BLIND_DIR,
		         feed_files[fi]);
		buf = read_whole(path, &len);
		assert_non_null(buf);
		opts.source = path;
		opts.fold_threshold = TITLE_DEFAULT_THRESHOLD;
		assert_int_equal(feed_parse(buf, len, &opts, &set->feeds[fi],
		                            &err), NF_OK);
		free(buf);
		add_feed_entries(set, fi);
	}
	*state = set;
	return 0;
}

static int
teardown(void **state)
{
	struct blind_set *set = *state;

	for (size_t fi = 0; fi < NFEEDS; fi++) {
		feed_free(set->feeds[fi]);
	}
	free(set->entries);
	free(set->labels);
	free(set->truth);
	free(set);
	return 0;
}

/* Story number of each entry under fold_stories() at threshold. */
static size_t *
fold_at(const struct blind_set *set, double threshold)
{
	struct fold_result res = { 0 };
	struct nf_error err = { 0 };
	size_t *story = malloc(set->n * sizeof(*story));

	assert_non_null(story);
	assert_int_equal(fold_stories(set->entries, set->n, threshold, &res,
	                              &err), NF_OK);
	for (size_t i = 0; i < set->n; i++) {
		story[i] = SIZE_MAX;
	}
	for (size_t s = 0; s < res.nstories; s++) {
		story[res.stories[s].lead] = s;
		for (size_t k = 0; k < res.stories[s].nsimilar; k++) {
			story[res.stories[s].similar[k]] = s;
		}
	}
	fold_result_free(&res);
	for (size_t i = 0; i < set->n; i++) {
		assert_true(story[i] != SIZE_MAX);
	}
	return story;
}

/* Counts pair outcomes; with verbose, prints each missed pair and each
 * wrong fold by title so a regression can be read off the log. */
static struct pr
measure(const struct blind_set *set, const size_t *story, int verbose)
{
	struct pr pr = { 0, 0, 0 };

	for (size_t i = 0; i < set->n; i++) {
		for (size_t j = i + 1; j < set->n; j++) {
			int same = strcmp(set->labels[i], set->labels[j]) == 0;
			int folded = story[i] == story[j];
			const char *what = NULL;

			if (same && folded) {
				pr.tp++;
			} else if (same) {
				pr.fn++;
				what = "missed";
			} else if (folded) {
				pr.fp++;
				what = "wrong fold";
			}
			if (verbose && what != NULL) {
				printf("  %s: [%s] %s | [%s] %s\n", what,
				       set->labels[i],
				       nf_str(set->entries[i].title),
				       set->labels[j],
				       nf_str(set->entries[j].title));
			}
		}
	}
	return pr;
}

static double
precision(struct pr pr)
{
	return pr.tp + pr.fp != 0 ? (double)pr.tp / (double)(pr.tp + pr.fp)
	                          : 1.0;
}

static double
recall(struct pr pr)
{
	return pr.tp + pr.fn != 0 ? (double)pr.tp / (double)(pr.tp + pr.fn)
	                          : 1.0;
}

static void
test_labels_complete(void **state)
{
	const struct blind_set *set = *state;

	/* every truth row names a parsed item, and the set is as large as
	 * its README says */
	assert_int_equal(set->n, set->ntruth);
	assert_true(set->n >= 160);
}

static void
test_sweep(void **state)
{
	const struct blind_set *set = *state;

	printf("threshold  precision  recall   tp   fp   fn\n");
	for (int t = 40; t <= 90; t += 5) {
		size_t *story = fold_at(set, t / 100.0);
		struct pr pr = measure(set, story, 0);

		printf("     %.2f      %.3f   %.3f  %3zu  %3zu  %3zu\n",
		       t / 100.0, precision(pr), recall(pr), pr.tp, pr.fp,
		       pr.fn);
		free(story);
	}
}

struct floor_case {
	const char *name;
	double threshold;
	double min_precision;
	double min_recall;
};

static const struct floor_case floor_cases[] = {
	{ "default threshold", TITLE_DEFAULT_THRESHOLD, 1.00, 0.97 },
};

static void
test_floors(void **state)
{
	const struct blind_set *set = *state;

	for (size_t c = 0; c < sizeof(floor_cases) / sizeof(floor_cases[0]);
	     c++) {
		const struct floor_case *fc = &floor_cases[c];
		size_t *story = fold_at(set, fc->threshold);
		struct pr pr;

		printf("%s (%.2f):\n", fc->name, fc->threshold);
		pr = measure(set, story, 1);
		free(story);
		printf("%s: precision %.3f recall %.3f (tp %zu fp %zu fn %zu)\n",
		       fc->name, precision(pr), recall(pr), pr.tp, pr.fp,
		       pr.fn);
		if (precision(pr) < fc->min_precision
		    || recall(pr) < fc->min_recall) {
			fail_msg("%s: precision %.3f (floor %.2f), recall %.3f "
			         "(floor %.2f)", fc->name, precision(pr),
			         fc->min_precision, recall(pr),
			         fc->min_recall);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels_complete),
		cmocka_unit_test(test_sweep),
		cmocka_unit_test(test_floors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
