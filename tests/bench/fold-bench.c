/*
 * Folding at scale: fold_stories() over 10k, 100k and 1M synthetic items
 * (titles drawn from a vocabulary, a fifth of them copies of another
 * item's story: wire copies, Title Case, publisher tails, a dropped word).
 * Every item has a summary of some 25 words and a link: most copies carry
 * their story's lead (some with a sentence added), the rest their own,
 * and one copy in ten is an aggregator's with the first copy's link.
 * Prints time, the RSS the inputs take, the peak RSS, what folding added
 * to it (peak after the call less the RSS before it) and a checksum of
 * the stories (lead and members of each, in order), so that two builds
 * can be told to fold alike at a glance, and the processor time folding
 * took on all its threads and on the calling one (the wall's floor on a
 * quiet machine, the one figure a busy machine moves little), and how
 * long the calling thread waited: for the other threads (the wall less
 * its processor time and its time ready to run, which work shared badly
 * between threads makes long) and for a processor (the machine's load,
 * from /proc/thread-self/schedstat; 0 where there is none), and its
 * system time and page faults (fresh memory faulted in: on a virtual
 * machine each costs as much as clearing its page). With
 * FOLD_BENCH_SCRIPT=cjk the titles and summaries are words of two kanji
 * (CJK bigrams, which hash otherwise than words). With
 * FOLD_BENCH_OUT=FILE in the environment it also writes the stories there,
 * one a line (lead, then the others), so two builds can be compared. A benchmark, not a test:
 * run tests/bench/fold_bench [SIZES...] by hand.
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <time.h>

#include "src/fold.h"
#include "src/item.h"
#include "src/title.h"

#define TITLE_MAX 160
#define SUMMARY_MAX 200
#define LINK_MAX 40

static uint64_t rng = 88172645463325252ULL;

static uint32_t
next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}

/* FOLD_BENCH_SCRIPT=cjk in the environment: every word two kanji (of
 * some 2,000) instead, the titles Japanese written with spaces. */
static int cjk;

static void
put_kanji(char *out, size_t *len, uint32_t k)
{
	uint32_t cp = 0x4E00 + k % 2000;

	out[(*len)++] = (char)(0xE0 | cp >> 12);
	out[(*len)++] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[(*len)++] = (char)(0x80 | (cp & 0x3F));
}

/* A made-up word from syllables: a vocabulary of some 27,000 words with a
 * skewed frequency (low indexes more often), as in real headlines. */
static void
put_word(char *out, size_t *len, size_t cap, uint32_t w)
{
	if (cjk) {
		if (*len + 8 < cap) {
			put_kanji(out, len, w);
			put_kanji(out, len, w / 2000 + 7 * w);
			out[(*len)++] = ' ';
			out[*len] = '\0';
		}
		return;
	}
	static const char *const syl[] = {
		"ka", "ro", "mi", "te", "sa", "lu", "ne", "vo", "di", "pa",
		"ri", "go", "be", "tu", "la", "zo", "fi", "na", "ke", "mo",
		"shi", "dra", "pen", "tor", "vel", "qua", "bri", "sto", "mar", "lin",
	};
	size_t n = sizeof(syl) / sizeof(syl[0]);

	*len += (size_t)snprintf(out + *len, cap - *len, "%s%s%s ",
	                         syl[w % n], syl[(w / n) % n], syl[(w / n / n) % n]);
}

static void
make_words(char *out, uint32_t seed, size_t words, size_t cap)
{
	uint64_t saved = rng;
	size_t len = 0, i;

	rng = seed * 2654435761ULL + 1;
	for (i = 0; i < words && len + 12 < cap; i++) {
		uint32_t r = next_random() % 27000;

		put_word(out, &len, cap, r % (1 + next_random() % 27000));
	}
	out[len > 0 ? len - 1 : 0] = '\0';
	rng = saved;
}

static void
make_title(char *out, uint32_t story)
{
	uint64_t saved = rng;
	size_t words;

	rng = story * 2654435761ULL + 1;
	words = 6 + next_random() % 8;
	rng = saved;
	make_words(out, story, words, TITLE_MAX);
}

/* The story's lead, or (own) a summary of this copy's own. */
static void
make_summary(char *out, uint32_t story, uint32_t item, int own)
{
	size_t len;

	make_words(out, own ? item + 0x40000000u : story + 0x80000000u, 25,
	           SUMMARY_MAX);
	len = strlen(out);
	if (!own && item != story && next_random() % 3 == 0 && len + 20 < SUMMARY_MAX) {
		memcpy(out + len, ". More follows.", 16);
	}
}

/* A copy as outlets write it. */
static void
vary_title(char *t)
{
	char *space;

	switch (next_random() % 4) {
	case 0:
		break;
	case 1:
		if (!cjk) {
			t[0] = (char)(t[0] - 32);
		}
		break;
	case 2:
		strncat(t, " - Harbor Wire", TITLE_MAX - strlen(t) - 1);
		break;
	default:
		if ((space = strrchr(t, ' ')) != NULL) {
			*space = '\0';
		}
		break;
	}
}

static void
write_stories(const struct fold_result *res)
{
	const char *path = getenv("FOLD_BENCH_OUT");
	FILE *f;
	size_t i, j;

	if (path == NULL || (f = fopen(path, "w")) == NULL) {
		return;
	}
	for (i = 0; i < res->nstories; i++) {
		fprintf(f, "%zu", res->stories[i].lead);
		for (j = 0; j < res->stories[i].nsimilar; j++) {
			fprintf(f, " %zu", res->stories[i].similar[j]);
		}
		fputc('\n', f);
	}
	fclose(f);
}

/* FNV-1a over every story's lead and members, in order: equal for equal
 * results. */
static uint64_t
stories_checksum(const struct fold_result *res)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i, j;

	for (i = 0; i < res->nstories; i++) {
		h = (h ^ (uint64_t)res->stories[i].lead) * 0x100000001b3ULL;
		for (j = 0; j < res->stories[i].nsimilar; j++) {
			h = (h ^ (uint64_t)res->stories[i].similar[j]) * 0x100000001b3ULL;
		}
		h = (h ^ 0xffffffffu) * 0x100000001b3ULL;	/* end of story */
	}
	return h;
}

/* The resident set now, in kB (0 when /proc is not there). */
static long
rss_now_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	unsigned long size = 0, resident = 0;

	if (f == NULL) {
		return 0;
	}
	if (fscanf(f, "%lu %lu", &size, &resident) != 2) {
		resident = 0;
	}
	fclose(f);
	return (long)(resident * (unsigned long)sysconf(_SC_PAGESIZE) / 1024);
}

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The seconds this thread has been ready to run but waited for a
 * processor (0 where the system does not say). */
static double
ready_seconds(void)
{
	FILE *f = fopen("/proc/thread-self/schedstat", "r");
	unsigned long long run = 0, wait = 0;

	if (f == NULL) {
		return 0.0;
	}
	if (fscanf(f, "%llu %llu", &run, &wait) != 2) {
		wait = 0;
	}
	fclose(f);
	return (double)wait / 1e9;
}

/* The processor time of every thread so far spent in the kernel: at a
 * million items mostly its faulting in fresh pages. */
static double
system_seconds(const struct rusage *ru)
{
	return (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec / 1e6;
}

/* The processor time of every thread so far, user and system. */
static double
cpu_seconds(const struct rusage *ru)
{
	return (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec / 1e6 +
	       system_seconds(ru);
}

static int
bench(size_t n)
{
	char (*titles)[TITLE_MAX] = malloc(n * sizeof(*titles));
	char (*summaries)[SUMMARY_MAX] = malloc(n * sizeof(*summaries));
	char (*links)[LINK_MAX] = malloc(n * sizeof(*links));
	uint32_t *story_of = malloc(n * sizeof(*story_of));
	struct fold_entry *e = calloc(n, sizeof(*e));
	struct fold_result res;
	struct nf_error err;
	struct rusage ru, own;
	size_t i, folded = 0;
	double t0, t1, cpu0, own0, ready0, ready, sys0;
	long faults0;
	long input_rss, before_kb;

	if (titles == NULL || summaries == NULL || links == NULL ||
	    story_of == NULL || e == NULL) {
		fprintf(stderr, "fold_bench: out of memory for %zu items\n", n);
		free(summaries);
		free(links);
		free(titles);
		free(story_of);
		free(e);
		return 1;
	}
	for (i = 0; i < n; i++) {
		/* one item in five retells an earlier story */
		uint32_t story = (i > 0 && next_random() % 5 == 0) ?
		                 story_of[next_random() % i] : (uint32_t)i;

		story_of[i] = story;
		make_title(titles[i], story);
		if (story != i) {
			vary_title(titles[i]);
		}
		make_summary(summaries[i], story, (uint32_t)i, next_random() % 4 == 0);
		snprintf(links[i], LINK_MAX, "https://bench.example/story/%u",
		         story != i && next_random() % 10 == 0 ? story : (uint32_t)i);
		e[i].title = titles[i];
		e[i].summary = summaries[i];
		e[i].link = links[i];
		e[i].time = 1795852800 - (int64_t)(next_random() % 86400);
		e[i].text_len = next_random() % 2000;
	}
	getrusage(RUSAGE_SELF, &ru);
	input_rss = ru.ru_maxrss / 1024;
	cpu0 = cpu_seconds(&ru);
	sys0 = system_seconds(&ru);
	faults0 = ru.ru_minflt;
	getrusage(RUSAGE_THREAD, &own);
	own0 = cpu_seconds(&own);
	before_kb = rss_now_kb();
	ready0 = ready_seconds();
	t0 = seconds_now();
	if (fold_stories(e, n, TITLE_DEFAULT_THRESHOLD, &res, &err) != NF_OK) {
		fprintf(stderr, "fold_bench: %s\n", err.msg);
		free(summaries);
		free(links);
		free(titles);
		free(story_of);
		free(e);
		return 1;
	}
	t1 = seconds_now();
	ready = ready_seconds() - ready0;
	getrusage(RUSAGE_SELF, &ru);
	getrusage(RUSAGE_THREAD, &own);
	for (i = 0; i < res.nstories; i++) {
		folded += res.stories[i].nsimilar;
	}
	write_stories(&res);
	printf("%8zu items: %7.3f s, %zu stories (%zu copies folded), "
	       "inputs %ld MB, peak RSS %ld MB, fold adds %ld MB, "
	       "checksum %016llx, CPU %.3f s (calling thread %.3f s, "
	       "waited %.3f s for the others and %.3f s for a processor; "
	       "system %.3f s, %ld page faults)\n",
	       n, t1 - t0, res.nstories, folded,
	       input_rss, ru.ru_maxrss / 1024, (ru.ru_maxrss - before_kb) / 1024,
	       (unsigned long long)stories_checksum(&res), cpu_seconds(&ru) - cpu0,
	       cpu_seconds(&own) - own0, t1 - t0 - (cpu_seconds(&own) - own0) - ready,
	       ready, system_seconds(&ru) - sys0, ru.ru_minflt - faults0);
	fold_result_free(&res);
	free(summaries);
	free(links);
	free(titles);
	free(story_of);
	free(e);
	return 0;
}

int
main(int argc, char **argv)
{
	static const size_t sizes[] = { 10000, 100000, 1000000 };
	size_t i;
	int status = 0;
	const char *script = getenv("FOLD_BENCH_SCRIPT");

	cjk = script != NULL && strcmp(script, "cjk") == 0;
	if (argc > 1) {
		for (i = 1; i < (size_t)argc; i++) {
			status |= bench((size_t)strtoul(argv[i], NULL, 10));
		}
		return status;
	}
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		status |= bench(sizes[i]);
	}
	return status;
}
