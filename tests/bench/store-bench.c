/*
 * Store benchmark (not a test): fills a database with 100,000 items
 * across 100 feeds, then times what the screens do at start-up.
 *
 *     tests/bench/store-bench [FEEDS [ITEMS_PER_FEED [DBFILE]]]
 *
 * BATCH_FEEDS=N in the environment stores N feeds a batch
 * (store_batch_begin()), as a refresh does; default 1.
 *
 * Without DBFILE the database goes to a temporary directory and is
 * removed afterwards.
 */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "src/store.h"

static const char body[] =
	"The regional council voted late on Tuesday to extend the harbour"
	" wall by another forty metres, ending a debate that had run since"
	" the spring storms. Fishing crews welcomed the decision; the ferry"
	" company asked for the work to avoid the summer timetable. The"
	" library wing, delayed by the same budget, will open in autumn,"
	" officials said, with a reading room that looks over the water."
	" Residents who queued to speak asked for a footpath along the top"
	" of the wall and for lights on the old pier. ";

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Processor time of this process so far, seconds. */
static double
cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void
die(const char *what, const struct nf_error *err)
{
	fprintf(stderr, "store-bench: %s: %s\n", what, err->msg);
	exit(1);
}

static struct nf_item *
bench_item(long feed, long i)
{
	struct nf_item *it = item_new();
	char s[160];

	snprintf(s, sizeof(s), "f%ld-i%ld", feed, i);
	nf_strset(&it->id, s);
	snprintf(s, sizeof(s), "https://example.org/%ld/story/%ld", feed, i);
	nf_strset(&it->link, s);
	snprintf(s, sizeof(s), "Harbour wall vote %ld draws a crowd at hall %ld",
	         i, feed);
	nf_strset(&it->title, s);
	nf_strset(&it->summary, "The council voted to extend the harbour wall.");
	nf_strset(&it->content, body);
	it->published = 1700000000 + feed * 1000 + i;
	if (i % 3 == 0) {
		it->image = image_new("https://example.org/pier.jpg",
		                      "In this photo, the old pier at dusk.", NULL);
	}
	if (i % 10 == 0) {
		struct nf_related r = { 0 }, c = { 0 };

		nf_strset(&r.title, "Harbour wall approved");
		nf_strset(&r.link, "https://example.net/wall");
		nf_strset(&c.title, "Harbour wall approved by council");
		related_add_copy(&r, &c);
		item_add_related(it, &r);
	}
	return it;
}

/* Feeds stored in one batch (store_batch_begin()), as a refresh's
 * worker stores them; 1 stores each feed in its own transaction. */
static long batch_feeds = 1;

static void
fill(struct store *s, long feeds, long per_feed)
{
	struct nf_error err;
	char url[64];
	long f, i;

	for (f = 0; f < feeds; f++) {
		if (batch_feeds > 1 && f % batch_feeds == 0 &&
		    (store_batch_commit(s, &err) != NF_OK ||
		     store_batch_begin(s, &err) != NF_OK)) {
			die("batch", &err);
		}
		struct nf_feed *feed = feed_new();
		int64_t id;

		snprintf(url, sizeof(url), "https://example.org/feed/%ld", f);
		if (store_feed_ensure(s, url, NULL, &id, &err) != NF_OK) {
			die("ensure", &err);
		}
		nf_strset(&feed->title, "Harbour Gazette");
		for (i = 0; i < per_feed; i++) {
			feed_add_item(feed, bench_item(f, i));
		}
		if (store_feed_update(s, id, feed, NULL, NULL, &err) != NF_OK) {
			die("update", &err);
		}
		feed_free(feed);
	}
	if (store_batch_commit(s, &err) != NF_OK) {
		die("batch", &err);
	}
}

static void
time_load(struct store *s, enum store_load what, const char *name)
{
	struct nf_error err;
	struct nf_item **items;
	size_t n;
	double t = now();

	if (store_items_load(s, 0, what, &items, &n, &err) != NF_OK) {
		die("load", &err);
	}
	printf("load all %-5s %7zu items  %7.1f ms\n", name, n,
	       (now() - t) * 1000);
	t = now();
	store_items_free(items, n);
	printf("free all %-5s                %7.1f ms\n", name, (now() - t) * 1000);
}

static void
time_refresh(struct store *s, long per_feed)
{
	struct nf_feed *feed = feed_new();
	struct nf_error err;
	size_t added;
	double t;
	long i;

	nf_strset(&feed->title, "Harbour Gazette");
	for (i = 0; i < per_feed; i++) {
		feed_add_item(feed, bench_item(0, i));
	}
	t = now();
	if (store_feed_update(s, 1, feed, NULL, &added, &err) != NF_OK) {
		die("update", &err);
	}
	printf("refresh one feed   %7ld known  %7.1f ms (%zu new)\n", per_feed,
	       (now() - t) * 1000, added);
	feed_free(feed);
}

int
main(int argc, char **argv)
{
	long feeds = argc > 1 ? strtol(argv[1], NULL, 10) : 100;
	long per_feed = argc > 2 ? strtol(argv[2], NULL, 10) : 1000;
	char dir[] = "/tmp/nf-bench-XXXXXX", path[128];
	struct store_feed_info *list;
	struct nf_error err;
	struct store *s;
	struct rusage ru;
	struct stat sb;
	size_t n;
	double t, c;

	if (getenv("BATCH_FEEDS") != NULL) {
		batch_feeds = strtol(getenv("BATCH_FEEDS"), NULL, 10);
	}
	if (argc > 3) {
		snprintf(path, sizeof(path), "%s", argv[3]);
	} else if (mkdtemp(dir) != NULL) {
		snprintf(path, sizeof(path), "%s/bench.db", dir);
	} else {
		perror("mkdtemp");
		return 1;
	}
	if (store_open(path, &s, &err) != NF_OK) {
		die("open", &err);
	}
	t = now();
	c = cpu();
	fill(s, feeds, per_feed);
	printf("insert %ld feeds x %ld items  %7.1f ms, CPU %.1f ms"
	       " (%.1f us an item)\n", feeds, per_feed, (now() - t) * 1000,
	       (cpu() - c) * 1000, (cpu() - c) * 1e6 / (double)(feeds * per_feed));
	store_close(s);

	t = now();
	if (store_open(path, &s, &err) != NF_OK) {
		die("open", &err);
	}
	printf("open existing                %7.1f ms\n", (now() - t) * 1000);
	time_load(s, STORE_LOAD_LIST, "list");
	time_load(s, STORE_LOAD_FULL, "full");
	t = now();
	if (store_feed_list(s, &list, &n, &err) != NF_OK) {
		die("feed list", &err);
	}
	printf("feed list     %7zu feeds     %7.1f ms\n", n, (now() - t) * 1000);
	store_feed_list_free(list, n);
	time_refresh(s, per_feed);
	t = now();
	if (store_mark_all_read(s, 0, &err) != NF_OK) {
		die("mark all read", &err);
	}
	printf("mark all read                %7.1f ms\n", (now() - t) * 1000);
	store_close(s);
	if (stat(path, &sb) == 0) {
		printf("database file               %7.1f MB\n",
		       (double)sb.st_size / 1e6);
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("peak resident               %7.1f MB\n", (double)ru.ru_maxrss / 1e3);
	if (argc <= 3) {
		char side[160];

		unlink(path);
		snprintf(side, sizeof(side), "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof(side), "%s-shm", path);
		unlink(side);
		rmdir(dir);
	}
	return 0;
}
