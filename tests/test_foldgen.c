/*
 * The scale archive (tests/scale/foldgen, foldtext, foldwrite,
 * foldscale): its size, determinism and shape as the folding issue
 * describes it, that its truth is sound (copies within hours at other
 * outlets of one language, no two distinct stories with one text), and
 * that the feeds it writes read back through the feed parser with every
 * item in the truth file.
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
#include "tests/scale/foldgen.h"
#include "tests/scale/foldscale.h"
#include "tests/scale/foldwrite.h"
#include "tests/testdir.h"

#define SIZE 3000
#define SEED 7
#define MAX_TELLERS 5

static struct foldgen_archive archive;

static int
group_setup(void **state)
{
	struct nf_error err;

	(void)state;
	return foldgen_build(SIZE, SEED, &archive, &err) == NF_OK ? 0 : -1;
}

static int
group_teardown(void **state)
{
	(void)state;
	foldgen_free(&archive);
	return 0;
}

static void
test_size_and_order(void **state)
{
	(void)state;
	assert_int_equal(archive.n, SIZE);
	for (size_t i = 0; i < archive.n; i++) {
		const struct foldgen_item *it = &archive.items[i];

		assert_true(i == 0 || archive.items[i - 1].time <= it->time);
		assert_true(it->time >= archive.start);
		assert_true(it->time < archive.start + (archive.days + 1) * 86400LL);
		assert_true(it->story < archive.nstories);
		assert_true(it->title[0] != '\0' && it->summary[0] != '\0');
	}
}

static void
test_same_seed_same_archive(void **state)
{
	struct foldgen_archive again, other;
	struct nf_error err;
	size_t differ = 0;

	(void)state;
	assert_int_equal(foldgen_build(SIZE, SEED, &again, &err), NF_OK);
	assert_int_equal(foldgen_build(SIZE, SEED + 1, &other, &err), NF_OK);
	for (size_t i = 0; i < SIZE; i++) {
		assert_string_equal(again.items[i].title, archive.items[i].title);
		assert_string_equal(again.items[i].summary, archive.items[i].summary);
		assert_string_equal(again.items[i].guid, archive.items[i].guid);
		assert_int_equal(again.items[i].time, archive.items[i].time);
		differ += strcmp(other.items[i].title, archive.items[i].title) != 0;
	}
	assert_true(differ > SIZE / 2);
	foldgen_free(&again);
	foldgen_free(&other);
}

/* Items of each story, by story number: first index and count. */
struct story_span {
	size_t count, items[MAX_TELLERS];
};

static struct story_span *
stories_of(const struct foldgen_archive *a)
{
	struct story_span *s = calloc(a->nstories, sizeof(*s));

	assert_non_null(s);
	for (size_t i = 0; i < a->n; i++) {
		struct story_span *st = &s[a->items[i].story];

		assert_true(st->count < MAX_TELLERS);
		st->items[st->count++] = i;
	}
	return s;
}

/* Copies: 2-5 outlets of one language, each once, within hours of the
 * first telling, with one family and one don't-care group. */
static void
test_copies_are_copies(void **state)
{
	struct story_span *s = stories_of(&archive);
	const struct foldgen_feed *feeds;
	size_t nfeeds, copied = 0;

	(void)state;
	feeds = foldgen_feeds(&nfeeds);
	for (size_t k = 0; k < archive.nstories; k++) {
		const struct foldgen_item *first = &archive.items[s[k].items[0]];

		assert_true(s[k].count >= 1);
		copied += s[k].count > 1;
		assert_int_equal(first->copy, 0);
		for (size_t j = 1; j < s[k].count; j++) {
			const struct foldgen_item *c = &archive.items[s[k].items[j]];

			assert_int_equal(feeds[c->feed].lang, feeds[first->feed].lang);
			assert_int_equal(c->family, first->family);
			assert_int_equal(c->dontcare, first->dontcare);
			assert_true(c->time > first->time && c->time - first->time <= 6 * 3600 + 300);
			for (size_t m = 0; m < j; m++) {
				assert_int_not_equal(archive.items[s[k].items[m]].feed, c->feed);
			}
		}
	}
	assert_int_equal(copied, archive.ncopied);
	/* about one story in ten */
	assert_true(copied * 100 >= archive.nstories * 6);
	assert_true(copied * 100 <= archive.nstories * 16);
	free(s);
}

static int
by_text(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* No two distinct stories have one summary: the truth never asks for a
 * split that nothing could see. Titles do repeat: that is the point. */
static void
test_distinct_stories_differ(void **state)
{
	const char **text = malloc(archive.n * sizeof(*text));
	const char **title = malloc(archive.n * sizeof(*title));
	size_t n = 0, repeats = 0;

	(void)state;
	assert_non_null(text);
	assert_non_null(title);
	for (size_t i = 0; i < archive.n; i++) {
		if (archive.items[i].copy == 0) {
			text[n] = archive.items[i].summary;
			title[n++] = archive.items[i].title;
		}
	}
	assert_int_equal(n, archive.nstories);
	qsort(text, n, sizeof(*text), by_text);
	qsort(title, n, sizeof(*title), by_text);
	for (size_t i = 1; i < n; i++) {
		assert_string_not_equal(text[i - 1], text[i]);
		repeats += strcmp(title[i - 1], title[i]) == 0;
	}
	assert_true(repeats > n / 50);
	free(text);
	free(title);
}

/* Every family and language is there, reserves play, and only a match's
 * preview and report share a don't-care group. */
static void
test_shape(void **state)
{
	const struct foldgen_feed *feeds;
	size_t nfeeds, families[FOLDTEXT_NFAMILIES] = { 0 };
	size_t langs[FOLDTEXT_NLANGS] = { 0 }, reserves = 0, f;

	(void)state;
	feeds = foldgen_feeds(&nfeeds);
	assert_int_equal(nfeeds, 20);
	for (size_t i = 0; i < archive.n; i++) {
		const struct foldgen_item *it = &archive.items[i];

		families[it->family]++;
		langs[feeds[it->feed].lang]++;
		if (it->dontcare != 0) {
			assert_true(it->family == FOLDTEXT_MATCHDAY || it->family == FOLDTEXT_REPORT);
		}
		reserves += strncmp(it->title, "MATCHDAY Jong ", 14) == 0
		            || (strncmp(it->title, "MATCHDAY ", 9) == 0
		                && (strstr(it->title, " II") != NULL
		                    || strstr(it->title, " U2") != NULL));
	}
	for (f = 0; f < FOLDTEXT_NFAMILIES; f++) {
		if (families[f] == 0) {
			fail_msg("no %s items", foldtext_family_name((enum foldtext_family)f));
		}
	}
	for (f = 0; f < FOLDTEXT_NLANGS; f++) {
		assert_true(langs[f] > SIZE / 20);
	}
	assert_true(families[FOLDTEXT_NEWS] < SIZE * 6 / 10);
	assert_true(reserves > 0);
}

static void
test_entries(void **state)
{
	struct fold_entry *e = foldgen_entries(&archive);
	const struct foldgen_feed *feeds;
	size_t nfeeds;

	(void)state;
	assert_non_null(e);
	feeds = foldgen_feeds(&nfeeds);
	for (size_t i = 0; i < archive.n; i++) {
		assert_ptr_equal(e[i].title, archive.items[i].title);
		assert_ptr_equal(e[i].id, archive.items[i].guid);
		assert_string_equal(e[i].source, feeds[archive.items[i].feed].title);
		assert_int_equal(e[i].time, archive.items[i].time);
	}
	free(e);
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (f != NULL && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0
	    && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)size, f);
		buf[*len] = '\0';
	}
	if (f != NULL) {
		fclose(f);
	}
	return buf;
}

/* The truth file: for item i (in archive order) the line "guid\tstory\t". */
static void
check_truth(const char *dir)
{
	char path[512], want[256];
	size_t len = 0;
	char *buf, *line;

	snprintf(path, sizeof(path), "%s/truth.tsv", dir);
	buf = read_file(path, &len);
	assert_non_null(buf);
	line = strchr(buf, '\n') + 1;	/* the column names */
	for (size_t i = 0; i < archive.n; i++) {
		snprintf(want, sizeof(want), "%s\t%u\t", archive.items[i].guid,
		         archive.items[i].story);
		assert_int_equal(strncmp(line, want, strlen(want)), 0);
		line = strchr(line, '\n') + 1;
	}
	assert_int_equal(*line, '\0');
	free(buf);
}

/* Each feed reads back through the parser, its items newest first, its
 * titles and summaries as written. */
static size_t
check_feed(const char *dir, size_t f, const struct foldgen_feed *feed)
{
	struct feed_options opts = { 0 };
	struct nf_feed *parsed = NULL;
	struct nf_error err;
	char path[512];
	size_t len = 0, i = archive.n, k;
	char *buf;

	snprintf(path, sizeof(path), "%s/feed-%02zu.rss", dir, f + 1);
	buf = read_file(path, &len);
	assert_non_null(buf);
	opts.source = path;
	assert_int_equal(feed_parse(buf, len, &opts, &parsed, &err), NF_OK);
	assert_string_equal(parsed->title, feed->title);
	for (k = 0; k < parsed->nitems; k++) {
		while (i-- > 0 && archive.items[i].feed != f) {
		}
		assert_true(i < archive.n);
		assert_string_equal(parsed->items[k]->id, archive.items[i].guid);
		assert_string_equal(parsed->items[k]->title, archive.items[i].title);
		assert_string_equal(parsed->items[k]->summary, archive.items[i].summary);
		assert_int_equal(parsed->items[k]->published, archive.items[i].time);
	}
	feed_free(parsed);
	free(buf);
	return k;
}

static void
test_written_feeds(void **state)
{
	const struct foldgen_feed *feeds;
	struct nf_error err;
	char dir[256], path[512];
	size_t nfeeds, total = 0, len = 0;
	char *rc;

	(void)state;
	assert_int_equal(testdir_make(dir, sizeof(dir), "foldgen"), 0);
	assert_int_equal(foldwrite_archive(&archive, dir, &err), NF_OK);
	feeds = foldgen_feeds(&nfeeds);
	for (size_t f = 0; f < nfeeds; f++) {
		total += check_feed(dir, f, &feeds[f]);
	}
	assert_int_equal(total, archive.n);
	check_truth(dir);
	snprintf(path, sizeof(path), "%s/newsfoldrc", dir);
	rc = read_file(path, &len);
	assert_non_null(rc);
	assert_non_null(strstr(rc, "feed file:///"));
	assert_non_null(strstr(rc, "/feed-20.rss \"Anstoß Sportdienst\"\n"));
	free(rc);
	testdir_remove(dir);
}

static void
test_run_end_to_end(void **state)
{
	struct foldscale_run run = { 0 };
	struct nf_error err;

	(void)state;
	assert_int_equal(foldscale_run(500, 3, NULL, &run, &err), NF_OK);
	assert_int_equal(run.score.nitems, 500);
	assert_true(run.score.precision >= 0.0 && run.score.precision <= 1.0);
	assert_true(run.score.recall >= 0.0 && run.score.recall <= 1.0);
	assert_true(run.score.largest_true >= 2 && run.score.largest_true <= MAX_TELLERS);
	assert_int_equal(run.score.nfamilies, FOLDTEXT_NFAMILIES);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size_and_order),
		cmocka_unit_test(test_same_seed_same_archive),
		cmocka_unit_test(test_copies_are_copies),
		cmocka_unit_test(test_distinct_stories_differ),
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_written_feeds),
		cmocka_unit_test(test_run_end_to_end),
	};

	return cmocka_run_group_tests_name("foldgen", tests, group_setup, group_teardown);
}
