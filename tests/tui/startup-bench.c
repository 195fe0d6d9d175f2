/*
 * Fills a store with many items (100 feeds, 100,000 items by default)
 * through the store API, for measuring the reader's start-up to its first
 * full frame (tests/tui/startup-bench.sh). A benchmark, not a test.
 *
 * usage: startup-bench DBFILE [NITEMS]
 */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "src/item.h"
#include "src/store.h"

#define BENCH_FEEDS 100

static const char *const words[] = {
	"harbour", "council", "storm", "ferry", "market", "bridge", "school",
	"rail", "festival", "budget", "river", "museum", "harvest", "port",
	"election", "library", "stadium", "tram", "coast", "orchard", "mill",
	"lighthouse", "airport", "forest", "clinic", "theatre", "canal", "pier",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

/* A headline of six words; every seventh item repeats an earlier story
 * in another feed, so the front page has stories to fold. */
static void
bench_title(size_t i, char *out, size_t size)
{
	size_t s = i % 7 == 0 && i > 100 ? i - 100 : i;
	unsigned long x = (unsigned long)s * 2654435761UL;

	snprintf(out, size, "%s %s %s %s %s %s %zu", words[x % NWORDS],
	         words[(x >> 5) % NWORDS], words[(x >> 10) % NWORDS],
	         words[(x >> 15) % NWORDS], words[(x >> 20) % NWORDS],
	         words[(x >> 25) % NWORDS], s);
}

static struct nf_feed *
bench_feed(size_t f, size_t per_feed, time_t now)
{
	struct nf_feed *feed = feed_new();
	char buf[256];
	size_t k;

	for (k = 0; feed != NULL && k < per_feed; k++) {
		struct nf_item *it = item_new();
		size_t i = f + k * BENCH_FEEDS;

		if (it == NULL) {
			break;
		}
		bench_title(i, buf, sizeof(buf));
		nf_strset(&it->title, buf);
		snprintf(buf, sizeof(buf), "https://bench-%zu.example/%zu", f, i);
		nf_strset(&it->link, buf);
		nf_strset(&it->id, buf);
		nf_strset(&it->summary, "A generated summary of a generated story, "
		          "two lines long on a narrow terminal.");
		it->published = (int64_t)now - (int64_t)i * 60;
		if (feed_add_item(feed, it) != 0) {
			item_free(it);
		}
	}
	return feed;
}

int
main(int argc, char **argv)
{
	struct store *s = NULL;
	struct nf_error err;
	size_t n = argc > 2 ? strtoul(argv[2], NULL, 10) : 100000, f;
	time_t now = time(NULL);
	char url[128];

	if (argc < 2 || store_open(argv[1], &s, &err) != NF_OK) {
		fprintf(stderr, "usage: startup-bench DBFILE [NITEMS]\n");
		return 2;
	}
	for (f = 0; f < BENCH_FEEDS; f++) {
		struct nf_feed *feed = bench_feed(f, n / BENCH_FEEDS, now);
		int64_t id;

		snprintf(url, sizeof(url), "https://bench-%zu.example/feed", f);
		struct store_feed_meta meta = { .last_fetch = (int64_t)now };

		if (feed == NULL || store_feed_ensure(s, url, NULL, &id, &err) != NF_OK ||
		    store_feed_update(s, id, feed, NULL, NULL, &err) != NF_OK ||
		    store_feed_meta_set(s, id, &meta, &err) != NF_OK) {
			fprintf(stderr, "startup-bench: %s\n", err.msg);
			feed_free(feed);
			store_close(s);
			return 1;
		}
		feed_free(feed);
		/* the dotfile line: the reader shows the dotfile's feeds */
		printf("feed %s\n", url);
	}
	store_close(s);
	return 0;
}
