/*
 * One benchmark run: archive, folding, score.
 */
#include "autoconfig.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "src/fold.h"
#include "src/title.h"
#include "tests/scale/foldgen.h"
#include "tests/scale/foldscale.h"
#include "tests/scale/foldwrite.h"

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long
peak_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024;
}

/* The truth as the scorer takes it; a new array (free()). */
static struct foldscore_item *
truth_of(const struct foldgen_archive *a)
{
	struct foldscore_item *t = malloc((a->n ? a->n : 1) * sizeof(*t));

	for (size_t i = 0; t != NULL && i < a->n; i++) {
		t[i].story = a->items[i].story;
		t[i].dontcare = a->items[i].dontcare;
		t[i].family = a->items[i].family;
		t[i].time = a->items[i].time;
	}
	return t;
}

static enum nf_status
fold_and_score(const struct foldgen_archive *a, struct foldscale_run *out,
               struct nf_error *err)
{
	struct fold_entry *e = foldgen_entries(a);
	struct foldscore_item *truth = truth_of(a);
	struct fold_result res = { NULL, 0 };
	enum nf_status st;
	double t0, t1;

	if (e == NULL || truth == NULL) {
		st = nf_error_set(err, NF_ERR_NOMEM, "out of memory for %zu entries", a->n);
		goto out;
	}
	out->input_mb = peak_mb();
	t0 = seconds_now();
	st = fold_stories(e, a->n, TITLE_DEFAULT_THRESHOLD, &res, err);
	t1 = seconds_now();
	out->fold_seconds = t1 - t0;
	out->peak_mb = peak_mb();
	if (st == NF_OK) {
		st = foldscore_run(truth, a->n, FOLDTEXT_NFAMILIES, &res, &out->score, err);
		out->score_seconds = seconds_now() - t1;
	}
out:
	fold_result_free(&res);
	free(truth);
	free(e);
	return st;
}

enum nf_status
foldscale_run(size_t n, uint64_t seed, const char *write_dir,
              struct foldscale_run *out, struct nf_error *err)
{
	struct foldgen_archive a;
	enum nf_status st;
	double t0 = seconds_now();

	out->n = n;
	out->seed = seed;
	if ((st = foldgen_build(n, seed, &a, err)) != NF_OK) {
		return st;
	}
	out->build_seconds = seconds_now() - t0;
	out->ncopied = a.ncopied;
	if (write_dir != NULL) {
		st = foldwrite_archive(&a, write_dir, err);
	}
	if (st == NF_OK) {
		st = fold_and_score(&a, out, err);
	}
	foldgen_free(&a);
	return st;
}

void
foldscale_print(FILE *out, const struct foldscale_run *r)
{
	const char *names[FOLDTEXT_NFAMILIES];

	for (int f = 0; f < FOLDTEXT_NFAMILIES; f++) {
		names[f] = foldtext_family_name((enum foldtext_family)f);
	}
	fprintf(out, "== %zu items, seed %llu: %zu stories told by 2-5 outlets\n",
	        r->n, (unsigned long long)r->seed, r->ncopied);
	fprintf(out, "build %.2f s, fold %.3f s, score %.2f s; "
	        "peak RSS %ld MB before folding, %ld MB after\n",
	        r->build_seconds, r->fold_seconds, r->score_seconds,
	        r->input_mb, r->peak_mb);
	foldscore_print(out, &r->score, names);
}
