#ifndef NF_TESTS_FOLDSCALE_H
#define NF_TESTS_FOLDSCALE_H

/*
 * The scale benchmark end to end: build the archive (foldgen), fold it as
 * newsfold does (fold_stories at TITLE_DEFAULT_THRESHOLD), score it
 * (foldscore), with the time each step takes and the memory used. The
 * make check test and tests/bench/fold_scale_bench both run this.
 */

#include <stdint.h>
#include <stdio.h>

#include "src/error.h"
#include "tests/scale/foldscore.h"

struct foldscale_run {
	size_t n;
	uint64_t seed;
	size_t ncopied;		/* stories told by 2-5 outlets */
	struct foldscore score;
	double build_seconds, fold_seconds, score_seconds;
	long input_mb;		/* peak RSS before folding */
	long peak_mb;		/* peak RSS after folding */
};

/* Runs the benchmark at n items from seed; with write_dir (may be NULL)
 * it also writes the archive there (foldwrite.h). */
enum nf_status foldscale_run(size_t n, uint64_t seed, const char *write_dir,
                             struct foldscale_run *out, struct nf_error *err);

/* Prints the run: a line of sizes and times, then the score's table. */
void foldscale_print(FILE *out, const struct foldscale_run *r);

#endif
