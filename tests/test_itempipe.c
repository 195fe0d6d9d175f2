/* Items built on a second thread (feed_options.pipeline) are the items
 * the parser builds itself, in the same order, from every fixture feed
 * and from generated feeds of thousands of items pushed in chunks; a
 * callback that says stop gets no item after. */
#include "autoconfig.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "feeds/feed.h"
#include "src/item.h"
#include "tests/testfeed.h"

/* What the callback saw: every field of every item, one block an item.
 * It must not read the feed (itempipe.h), so it does not. */
struct seen {
	FILE *out;
	char *text;
	size_t len;
	size_t nitems;
	size_t stop_after;	/* 0: never */
};

static void
put_related(FILE *f, const struct nf_related *r, size_t n, const char *indent)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fprintf(f, "%srelated %s|%s|%s|%s\n", indent, nf_str(r[i].title),
		        nf_str(r[i].link), nf_str(r[i].source), nf_str(r[i].summary));
		put_related(f, r[i].copies, r[i].ncopies, "  ");
	}
}

static int
see(void *ctx, const struct nf_feed *feed, struct nf_item *it)
{
	struct seen *s = ctx;
	FILE *f = s->out;
	size_t i;

	(void)feed;
	fprintf(f, "item %zu\n%s\n%s\n%s\n%s\n%lld %lld\n%s\n%s\n%s\n%s\n",
	        s->nitems, nf_str(it->id), nf_str(it->title), nf_str(it->link),
	        nf_str(it->author), (long long)it->published, (long long)it->updated,
	        nf_str(it->summary), nf_str(it->content), nf_str(it->article),
	        nf_str(it->outlet));
	if (it->image != NULL) {
		fprintf(f, "image %s|%s|%s\n", nf_str(it->image->url),
		        nf_str(it->image->caption), nf_str(it->image->credit));
	}
	for (i = 0; i < it->ncategories; i++) {
		fprintf(f, "category %s\n", it->categories[i]);
	}
	for (i = 0; i < it->nenclosures; i++) {
		fprintf(f, "enclosure %s|%s|%lld\n", nf_str(it->enclosures[i].url),
		        nf_str(it->enclosures[i].type), it->enclosures[i].length);
	}
	put_related(f, it->related, it->nrelated, "");
	item_free(it);
	s->nitems++;
	return s->stop_after > 0 && s->nitems >= s->stop_after;
}

/* Parses data in chunks of chunk bytes; *s holds what the callback saw. */
static enum nf_status
parse(const char *name, const char *data, size_t len, size_t chunk,
      int pipeline, struct seen *s)
{
	struct feed_options opts = { .source = name,
	                             .base_url = "https://pipe.example/feed/",
	                             .fold_threshold = 0.6, .pipeline = pipeline };
	struct feed_parser *p;
	struct nf_error err;
	enum nf_status st;

	s->out = open_memstream(&s->text, &s->len);
	assert_non_null(s->out);
	p = feed_parser_new(&opts, see, s);
	assert_non_null(p);
	st = testfeed_push(p, data, len, chunk, &err);
	fclose(s->out);
	return st;
}

/* The pipeline gives what the parser gives alone: status, items, text. */
static void
assert_same(const char *name, const char *data, size_t len, size_t chunk)
{
	struct seen alone = { .stop_after = 0 }, piped = { .stop_after = 0 };
	enum nf_status a = parse(name, data, len, chunk, 0, &alone);
	enum nf_status b = parse(name, data, len, chunk, 1, &piped);

	if (a != b || alone.nitems != piped.nitems ||
	    strcmp(alone.text, piped.text) != 0) {
		fail_msg("%s in chunks of %zu: status %d/%d, %zu/%zu items", name, chunk,
		         (int)a, (int)b, alone.nitems, piped.nitems);
	}
	free(alone.text);
	free(piped.text);
}

/* Every file of the fixture folders, broken feeds and non-feeds too. */
static void
test_fixtures(void **state)
{
	static const char *const dirs[] = {
		SRCDIR "/tests/fixtures/feeds", SRCDIR "/tests/fixtures/wild",
		SRCDIR "/tests/fixtures/shapes",
	};
	size_t d, files = 0;

	(void)state;
	for (d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		DIR *dir = opendir(dirs[d]);
		struct dirent *e;

		assert_non_null(dir);
		while ((e = readdir(dir)) != NULL) {
			char path[1024];
			size_t len;
			char *data;

			size_t n = strlen(e->d_name);

			if (e->d_name[0] == '.' || (n > 7 && strcmp(e->d_name + n - 7, ".expect") == 0) ||
			    (n > 3 && strcmp(e->d_name + n - 3, ".md") == 0)) {
				continue;
			}
			snprintf(path, sizeof(path), "%s/%s", dirs[d], e->d_name);
			data = testfeed_slurp(path, &len);
			assert_same(path, data, len, len > 0 ? len : 1);
			assert_same(path, data, len, 512);
			free(data);
			files++;
		}
		closedir(dir);
	}
	assert_true(files >= 60);
}

/* n items of RSS (atom 0) or Atom, with HTML bodies, pictures and
 * captions, categories, enclosures and related lists; the Atom feed's
 * own author comes after its first third of entries, so that the later
 * ones inherit it and the earlier ones do not. */
static char *
generated(size_t n, int atom, size_t *len)
{
	FILE *f;
	char *text = NULL;
	size_t i;

	f = open_memstream(&text, len);
	assert_non_null(f);
	fputs(atom ? "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Pipe Atom</title>\n" :
	      "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">"
	      "<channel><title>Pipe RSS</title><link>https://pipe.example/</link>\n", f);
	for (i = 0; i < n; i++) {
		if (atom && i == n / 3) {
			fputs("<author><name>Desk of the Valley Courier</name></author>\n", f);
		}
		if (atom) {
			fprintf(f, "<entry><id>urn:pipe:%zu</id><title>Ferry timetable %zu changes"
			        " at Harrow Point</title><link href=\"/story/%zu\"/>"
			        "<updated>2026-03-%02zuT%02zu:00:00Z</updated>"
			        "<category term=\"harbour\"/><category term=\"n%zu\"/>"
			        "<link rel=\"enclosure\" type=\"audio/mpeg\" length=\"%zu\""
			        " href=\"https://pipe.example/a/%zu.mp3\"/>%s"
			        "<content type=\"html\">&lt;figure&gt;&lt;img src=\"/p/%zu.jpg\"&gt;"
			        "&lt;figcaption&gt;The pier at dusk, %zu&lt;/figcaption&gt;"
			        "&lt;/figure&gt;&lt;p&gt;Boats &amp;amp; buses run %zu minutes"
			        " later from Monday.&lt;/p&gt;</content></entry>\n",
			        i, i, i, 1 + i % 28, i % 24, i % 7, 1000 + i, i,
			        i % 5 == 0 ? "<author><name>Ana Quill</name></author>" : "",
			        i, i, i % 40);
		} else {
			fprintf(f, "<item><guid>pipe-%zu</guid><title>Library %zu opens late"
			        " on Thursday</title><link>https://pipe.example/l/%zu</link>"
			        "<pubDate>Tue, %02zu Mar 2026 %02zu:15:00 GMT</pubDate>"
			        "<category>city</category><enclosure url=\"/img/%zu.jpg\""
			        " type=\"image/jpeg\" length=\"%zu\"/>"
			        "<media:description>Reading room, %zu</media:description>"
			        "<description><![CDATA[<p>The branch opens at %zu.</p>"
			        "<h3>Similar News</h3><ul><li><a href=\"/s/%zu\">Pool hours"
			        " change %zu</a> <font>Valley Courier</font></li>"
			        "<li><a href=\"/s/%zu\">Market moves to the square %zu</a>"
			        " <font>Harbour Post</font></li></ul>]]></description></item>\n",
			        i, i, i, 1 + i % 28, i % 24, i, 2000 + i, i, 9 + i % 5,
			        i, i, i + 1, i);
		}
	}
	fputs(atom ? "</feed>\n" : "</channel></rss>\n", f);
	fclose(f);
	return text;
}

/* Thousands of items in chunks of several sizes: the ring fills,
 * wraps and drains many times over. */
static void
test_generated(void **state)
{
	static const size_t chunks[] = { 700, 8192, 1u << 20 };
	int atom;
	size_t c, len;

	(void)state;
	for (atom = 0; atom < 2; atom++) {
		char *data = generated(3000, atom, &len);
		struct seen s = { .stop_after = 0 };

		for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]); c++) {
			assert_same(atom ? "atom" : "rss", data, len, chunks[c]);
		}
		assert_int_equal(parse("count", data, len, 4096, 1, &s), NF_OK);
		assert_int_equal(s.nitems, 3000);
		if (atom) {	/* inherited by the later two thirds */
			assert_non_null(strstr(s.text, "Desk of the Valley Courier"));
		}
		free(s.text);
		free(data);
	}
}

/* A callback that says stop after k items gets exactly k, whatever the
 * items already waiting in the pipe. */
static void
test_stop(void **state)
{
	static const size_t after[] = { 1, 2, 17, 64, 65, 100, 2999 };
	size_t len, i;
	char *data = generated(3000, 0, &len);

	(void)state;
	for (i = 0; i < sizeof(after) / sizeof(after[0]); i++) {
		struct seen s = { .stop_after = after[i] };

		assert_int_equal(parse("stop", data, len, 4096, 1, &s), NF_OK);
		assert_int_equal(s.nitems, after[i]);
		free(s.text);
	}
	free(data);
}

/* A feed cut off inside an item keeps that item, built after the pipe's
 * others, at every cut. */
static void
test_cut_off(void **state)
{
	size_t len, cut;
	char *data = generated(200, 0, &len);

	(void)state;
	for (cut = len / 3; cut < len; cut += len / 7) {
		assert_same("cut", data, cut, 1000);
	}
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_generated),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_cut_off),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
