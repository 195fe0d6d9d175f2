/* Items built aside (feeds/entryq.h) are the items built in line: the
 * same items in the same order, with the channel's metadata as it was
 * at each item's end tag, the same stop after a callback's "stop", the
 * same status, in any chunking; on_item runs on the pushing thread, with
 * another thread running beside it (an XML feed) or none more than in
 * line (a JSON Feed). */
#include "autoconfig.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "feeds/feed.h"
#include "src/buf.h"

#define FIXTURES SRCDIR "/tests/fixtures/feeds/"

struct collected {
	struct buf text;
	size_t nitems;
	size_t stop_after;	/* 0: never */
	pthread_t parser;	/* the thread that pushes */
	int elsewhere;		/* items handed out on another thread */
	int threads;		/* the most threads seen running */
};

/* The threads of this process, from /proc. */
static int
threads_running(void)
{
	char line[256];
	FILE *f = fopen("/proc/self/status", "r");
	int n = 0;

	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, "Threads:", 8) == 0) {
			n = (int)strtol(line + 8, NULL, 10);
		}
	}
	fclose(f);
	return n;
}

static int
collect(void *ctx, const struct nf_feed *meta, struct nf_item *item)
{
	struct collected *c = ctx;
	char line[4096];
	int n = snprintf(line, sizeof(line), "%s|%s|%s|%s|%s|%s|%s|%s\n",
	                 nf_str(meta->title), nf_str(meta->link), nf_str(meta->author),
	                 nf_str(item->title), nf_str(item->link), nf_str(item->author),
	                 nf_str(item->summary), nf_str(item->content));

	buf_add(&c->text, line, n > 0 && (size_t)n < sizeof(line) ? (size_t)n : 0);
	c->elsewhere |= !pthread_equal(pthread_self(), c->parser);
	if (threads_running() > c->threads) {
		c->threads = threads_running();
	}
	item_free(item);
	c->nitems++;
	return c->stop_after > 0 && c->nitems >= c->stop_after;
}

/* Parses data in chunks of chunk bytes; the text of its items in c. */
static enum nf_status
parse(const char *data, size_t len, size_t chunk, int aside, struct collected *c)
{
	struct feed_options opts = { .source = "entryq", .base_url = "https://q.example/",
	                             .fold_threshold = 0.6 };
	struct feed_parser *p = feed_parser_new(&opts, collect, c);
	enum nf_status st = NF_OK;
	struct nf_error err;
	size_t off = 0;

	assert_non_null(p);
	c->parser = pthread_self();
	if (aside) {
		feed_parser_build_aside(p);
	}
	while (st == NF_OK && off < len) {
		size_t n = len - off < chunk ? len - off : chunk;

		st = feed_parser_push(p, data + off, n, 0, &err);
		off += n;
	}
	if (st == NF_OK) {
		st = feed_parser_push(p, NULL, 0, 1, &err);
	}
	feed_parser_free(p);
	return st;
}

/* An RSS feed of n items with HTML descriptions; the channel's title
 * and author each replaced by an element that ranks higher, after item
 * title_after and author_after. */
static char *
rss(size_t n, size_t title_after, size_t author_after)
{
	struct buf b;
	char part[512];
	size_t i;

	buf_init(&b, 1u << 24);
	buf_add_str(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\" "
	            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
	            "<link>https://q.example/</link><dc:title>Early</dc:title>"
	            "<author>First</author>");
	for (i = 0; i < n; i++) {
		if (i == title_after) {
			buf_add_str(&b, "<title>The &amp; Channel</title>");
		}
		if (i == author_after) {
			buf_add_str(&b, "<dc:creator>Second</dc:creator>");
		}
		snprintf(part, sizeof(part),
		         "<item><title>Story %zu &amp; more</title><link>/s/%zu</link>"
		         "<description>&lt;p&gt;Lead of story %zu, &lt;b&gt;bold&lt;/b&gt;."
		         "&lt;/p&gt;&lt;figure&gt;&lt;img src=\"/i/%zu.jpg\"&gt;&lt;figcaption&gt;"
		         "A caption&lt;/figcaption&gt;&lt;/figure&gt;</description></item>",
		         i, i, i, i);
		buf_add_str(&b, part);
	}
	buf_add_str(&b, "</channel></rss>");
	return buf_take(&b);
}

static char *
slurp(const char *name)
{
	char path[512];
	FILE *f;
	char *data;
	long n;

	snprintf(path, sizeof(path), FIXTURES "%s", name);
	assert_non_null(f = fopen(path, "rb"));
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	assert_non_null(data = malloc((size_t)n + 1));
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	return data;
}

struct aside_case {
	const char *name;
	const char *fixture;		/* or a generated feed: */
	size_t items, title_after, author_after;
	size_t cut;			/* bytes cut off the end */
	size_t stop_after;
};

static const struct aside_case cases[] = {
	{ "more items than slots", NULL, 300, 0, 1000, 0, 0 },
	{ "channel title after item 70", NULL, 200, 70, 1000, 0, 0 },
	{ "feed author changing after item 3", NULL, 100, 0, 3, 0, 0 },
	{ "stop after 5", NULL, 300, 0, 1000, 0, 5 },
	{ "stop after 150", NULL, 300, 0, 1000, 0, 150 },
	{ "cut inside the last item", NULL, 90, 0, 1000, 60, 0 },
	{ "rss20.xml", "rss20.xml", 0, 0, 0, 0, 0 },
	{ "atom10.xml", "atom10.xml", 0, 0, 0, 0, 0 },
	{ "truncated.xml", "truncated.xml", 0, 0, 0, 0, 0 },
	{ "broken-markup.xml", "broken-markup.xml", 0, 0, 0, 0, 0 },
	{ "jsonfeed11.json", "jsonfeed11.json", 0, 0, 0, 0, 0 },
};

static void
check_case(const struct aside_case *c)
{
	static const size_t sizes[] = { 7, 4096, SIZE_MAX };
	char *data = c->fixture != NULL ? slurp(c->fixture) :
	             rss(c->items, c->title_after, c->author_after);
	size_t s, len = strlen(data) - c->cut;
	int xml = c->fixture == NULL || strstr(c->fixture, ".json") == NULL;

	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct collected in_line = { .stop_after = c->stop_after };
		struct collected aside = { .stop_after = c->stop_after };
		enum nf_status st_line, st_aside;

		buf_init(&in_line.text, 1u << 24);
		buf_init(&aside.text, 1u << 24);
		st_line = parse(data, len, sizes[s], 0, &in_line);
		st_aside = parse(data, len, sizes[s], 1, &aside);
		if (st_line != st_aside || in_line.nitems != aside.nitems ||
		    in_line.text.len != aside.text.len ||
		    memcmp(in_line.text.data, aside.text.data, in_line.text.len) != 0) {
			fail_msg("%s, chunks of %zu: aside %zu items (status %d), in line "
			         "%zu (status %d)", c->name, sizes[s], aside.nitems, st_aside,
			         in_line.nitems, st_line);
		}
		if (in_line.nitems == 0 || in_line.elsewhere || aside.elsewhere ||
		    (aside.threads > in_line.threads) != xml) {
			fail_msg("%s: %zu items; elsewhere %d, %d; threads %d, %d",
			         c->name, in_line.nitems, in_line.elsewhere, aside.elsewhere,
			         in_line.threads, aside.threads);
		}
		if (c->stop_after > 0 && aside.nitems != c->stop_after) {
			fail_msg("%s: %zu items after a stop", c->name, aside.nitems);
		}
		buf_free(&in_line.text);
		buf_free(&aside.text);
	}
	free(data);
}

static void
test_aside_is_in_line(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		check_case(&cases[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aside_is_in_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
