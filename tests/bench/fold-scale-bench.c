/*
 * Folding on the labelled scale archive (tests/scale): for each size on
 * the command line (default 20000) it builds the archive, folds it as
 * newsfold does and prints pairwise precision and recall, the largest
 * story, the longest span, the wrong pairs by template, the time and the
 * peak RSS. A benchmark, not a test: run it by hand.
 *
 *   tests/bench/fold_scale_bench [--seed N] [--write DIR] [SIZE...]
 *
 * --write DIR also writes the (first) archive into DIR as RSS feeds, a
 * truth.tsv and a newsfoldrc, for newsfold -c DIR/newsfoldrc --refresh.
 * Peak RSS is the process's: run sizes from small to large.
 */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/scale/foldscale.h"

static int
usage(void)
{
	fputs("usage: fold_scale_bench [--seed N] [--write DIR] [SIZE...]\n", stderr);
	return 2;
}

static int
run_size(size_t n, uint64_t seed, const char *dir)
{
	struct foldscale_run run;
	struct nf_error err = { NF_OK, "" };

	if (foldscale_run(n, seed, dir, &run, &err) != NF_OK) {
		fprintf(stderr, "fold_scale_bench: %s\n", err.msg);
		return 1;
	}
	foldscale_print(stdout, &run);
	fflush(stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	uint64_t seed = 1;
	const char *dir = NULL;
	int i, status = 0, sizes = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			seed = strtoull(argv[++i], NULL, 10);
		} else if (strcmp(argv[i], "--write") == 0 && i + 1 < argc) {
			dir = argv[++i];
		} else if (argv[i][0] == '-') {
			return usage();
		}
	}
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--seed") == 0 || strcmp(argv[i], "--write") == 0) {
			i++;
		} else {
			char *end;
			unsigned long long n = strtoull(argv[i], &end, 10);

			if (*end != '\0' || n == 0) {
				return usage();
			}
			status |= run_size((size_t)n, seed, sizes++ == 0 ? dir : NULL);
		}
	}
	if (sizes == 0) {
		status = run_size(20000, seed, dir);
	}
	return status;
}
