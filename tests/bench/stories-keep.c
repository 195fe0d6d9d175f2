/*
 * Keeps the front page of a store folded (src/stories.h), as a refresh
 * does at its end, for benchmarks over stores filled without a refresh
 * (tests/tui/startup-bench). Prints how long the fold and its writing
 * took. A benchmark helper, not a test.
 *
 * usage: stories-keep DBFILE DOTFILE
 */
#include "autoconfig.h"

#include <stdio.h>
#include <time.h>

#include "config/config.h"
#include "src/stories.h"
#include "src/store.h"

int
main(int argc, char **argv)
{
	struct store *s = NULL;
	struct config cfg;
	struct nf_error err;
	struct timespec t0, t1;
	int status = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: stories-keep DBFILE DOTFILE\n");
		return 2;
	}
	if (config_load(argv[2], &cfg, &err) != NF_OK ||
	    store_open(argv[1], &s, &err) != NF_OK) {
		fprintf(stderr, "stories-keep: %s\n", err.msg);
		config_free(&cfg);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (stories_update(s, &cfg, &err) != NF_OK) {
		fprintf(stderr, "stories-keep: %s\n", err.msg);
		status = 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("front page folded and kept in %.3f s\n",
	       (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	store_close(s);
	config_free(&cfg);
	return status;
}
