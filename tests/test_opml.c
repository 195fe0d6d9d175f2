/*
 * OPML, the format alone: nested outlines become tags, entities are not
 * expanded, hostile titles pass the text gate, and a list built with
 * opml_list_add() is written and reads back the same.
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

#include <libxml/parser.h>

#include "feeds/opml.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))
#define NPIECES NCASES(hostile_pieces)

#define FIXTURES SRCDIR "/tests/fixtures/"

/* "url|title|tag,tag" for comparing feeds in one string: a dotfile feed
 * or an OPML one, which have the same fields. */
#define describe(f, out, size) \
	describe_fields((f)->url, (f)->title, (f)->tags, (f)->ntags, (out), (size))

static void
describe_fields(const char *url, const char *title, char *const *tags,
                size_t ntags, char *out, size_t size)
{
	size_t i;

	snprintf(out, size, "%s|%s|", url, title != NULL ? title : "(none)");
	for (i = 0; i < ntags; i++) {
		snprintf(out + strlen(out), size - strlen(out), "%s%s",
		         i > 0 ? "," : "", tags[i]);
	}
}

static void
test_nested_tags(void **state)
{
	static const char *const want[] = {
		"https://loose.example/feed.xml|Top Level & Loose|",
		"https://harbour-gazette.example/rss?a=1&b=2|The Harbour \"Gazette\"|News,World",
		"https://valley-courier.example/feed.atom|Valley Courier (evening)|News,World",
		"https://tokyo-wangan.example/rss|東京湾岸新報|News",
		"http://gadgets.example/atom|No Title Here|Tech-Stuff",
		"https://loose.example/feed.xml|Again|Tech-Stuff",
	};
	struct opml_list list;
	struct nf_error err;
	char got[512];
	size_t i;

	(void)state;
	if (opml_read_file(FIXTURES "opml/nested.opml", &list, &err) != NF_OK) {
		fail_msg("%s", err.msg);
	}
	assert_int_equal(list.nfeeds, sizeof(want) / sizeof(want[0]));
	assert_int_equal(list.nskipped, 2);	/* file:// and gopher:// */
	for (i = 0; i < list.nfeeds; i++) {
		describe(&list.feeds[i], got, sizeof(got));
		assert_string_equal(got, want[i]);
	}
	opml_list_free(&list);
}

/* An external entity is never read (nothing local, nothing fetched);
 * an internal one is. */
static void
test_entities(void **state)
{
	struct opml_list list;
	struct nf_error err;

	(void)state;
	assert_int_equal(opml_read_file(FIXTURES "opml/entity.opml", &list, &err), NF_OK);
	assert_int_equal(list.nfeeds, 2);
	assert_string_equal(list.feeds[0].title, "expanded & plain");
	assert_string_equal(list.feeds[0].url, "https://entities.example/feed?a=1&b=2");
	assert_null(list.feeds[1].title);
	opml_list_free(&list);
}

struct bad_case {
	const char *name;
	const char *data;
	enum nf_status want;
};

static const struct bad_case bad_cases[] = {
	{ "an RSS feed is not OPML", NULL, NF_ERR_PARSE },
	{ "not XML", "this is { not xml", NF_ERR_PARSE },
	{ "empty", "", NF_ERR_PARSE },
	{ "empty body", "<opml version=\"2.0\"><body/></opml>", NF_OK },
};

static void
test_bad(void **state)
{
	const struct bad_case *tc = *state;
	struct opml_list list;
	struct nf_error err;
	enum nf_status st;

	if (tc->data == NULL) {
		st = opml_read_file(FIXTURES "opml/not-opml.xml", &list, &err);
	} else {
		st = opml_parse(tc->data, strlen(tc->data), &list, &err);
	}
	assert_int_equal(st, tc->want);
	assert_int_equal(list.nfeeds, 0);
	opml_list_free(&list);
}

/* Titles and folder names from a hostile list pass the text gate: they
 * are shown on the Feeds screen and written into the dotfile. */
struct title_case {
	const char *name;
	const char *data;
	const char *title;
	const char *tag;
};

static const struct title_case title_cases[] = {
	{ "invalid UTF-8 in a title becomes U+FFFD",
	  "<opml><body><outline text=\"T\xff\"><outline text=\"a \x95\xff b\""
	  " xmlUrl=\"https://x.example/f\"/></outline></body></opml>",
	  "a \xef\xbf\xbd\xef\xbf\xbd b", "T\xef\xbf\xbd" },
	{ "C1 controls and their sequences are dropped",
	  "<opml><body><outline text=\"Ne&#x9b;2Jws\"><outline text=\"x&#x9b;31my\""
	  " xmlUrl=\"https://x.example/f\"/></outline></body></opml>",
	  "xy", "News" },
	{ "bidi overrides are dropped",
	  "<opml><body><outline text=\"#&#x202e;Tag &#x2066;one\"><outline"
	  " text=\"&#x202e;evil&#x202c; title\""
	  " xmlUrl=\"https://x.example/f\"/></outline></body></opml>",
	  "evil title", "Tag-one" },
};

static void
test_title(void **state)
{
	const struct title_case *tc = *state;
	struct opml_list list;
	struct nf_error err;

	assert_int_equal(opml_parse(tc->data, strlen(tc->data), &list, &err), NF_OK);
	assert_int_equal(list.nfeeds, 1);
	assert_string_equal(list.feeds[0].title, tc->title);
	assert_int_equal(list.feeds[0].ntags, 1);
	assert_string_equal(list.feeds[0].tags[0], tc->tag);
	opml_list_free(&list);
}

/* A list built feed by feed, written and read back: the same feeds, and
 * adjacent feeds with the same leading tags share their folders. */
struct add_feed {
	const char *url, *title;
	const char *tags[3];
};

struct write_case {
	const char *name;
	struct add_feed feeds[4];
	int folders;			/* folder outlines in the document */
	const char *want[4];		/* describe() of each feed read back */
};

static const struct write_case write_cases[] = {
	{ "no tags, no title",
	  { { "https://a.example/f", NULL, { NULL } } }, 0,
	  { "https://a.example/f|(none)|" } },
	{ "shared folders",
	  { { "https://a.example/f", "A", { "News", "World", NULL } },
	    { "https://b.example/f", "B", { "News", "World", NULL } },
	    { "https://c.example/f", "C", { "News", NULL } },
	    { "https://d.example/f", "D", { "Tech", NULL } } }, 3,
	  { "https://a.example/f|A|News,World", "https://b.example/f|B|News,World",
	    "https://c.example/f|C|News", "https://d.example/f|D|Tech" } },
	{ "markup in titles and tags",
	  { { "https://a.example/f?a=1&b=2", "<b>\"A\" & co</b>", { "R&D", NULL } } }, 1,
	  { "https://a.example/f?a=1&b=2|<b>\"A\" & co</b>|R&D" } },
	{ "a tag after a feed without",
	  { { "https://a.example/f", "A", { NULL } },
	    { "https://b.example/f", "B", { "Later", NULL } } }, 1,
	  { "https://a.example/f|A|", "https://b.example/f|B|Later" } },
};

static void
test_write(void **state)
{
	const struct write_case *tc = *state;
	struct opml_list list = { 0 }, back;
	struct nf_error err;
	struct buf out;
	char got[512];
	const char *p;
	size_t i, ntags;
	int folders = 0;

	for (i = 0; i < 4 && tc->feeds[i].url != NULL; i++) {
		const struct add_feed *f = &tc->feeds[i];

		for (ntags = 0; ntags < 3 && f->tags[ntags] != NULL; ntags++) {
		}
		assert_int_equal(opml_list_add(&list, f->url, f->title,
		                               (char *const *)f->tags, ntags, &err), NF_OK);
	}
	buf_init(&out, 1 << 20);
	assert_int_equal(opml_write(list.feeds, list.nfeeds, "t", &out, &err), NF_OK);
	for (p = out.data; (p = strstr(p, "<outline text=")) != NULL; p++) {
		folders++;
	}
	assert_int_equal(folders, tc->folders);
	assert_int_equal(opml_parse(out.data, out.len, &back, &err), NF_OK);
	assert_int_equal(back.nfeeds, list.nfeeds);
	for (i = 0; i < back.nfeeds; i++) {
		describe(&back.feeds[i], got, sizeof(got));
		assert_string_equal(got, tc->want[i]);
	}
	opml_list_free(&back);
	opml_list_free(&list);
	opml_list_free(NULL);
	buf_free(&out);
}

/* Hostile pieces of an attribute's text, as a file may carry them: no
 * XML characters (raw or as references), bytes that are no UTF-8,
 * terminal sequences, bidi overrides, markup, plain words. */
static const char *const hostile_pieces[] = {
	"\xef\xbf\xbf", "\xef\xbf\xbe", "\xef\xb7\x90", "\xf4\x8f\xbf\xbf",
	"\xed\xa0\x80", "\x80", "\xff", "\x1b[31m", "\x1b]0;x\x07",
	"\xe2\x80\xae", "&amp;", "&lt;b&gt;", "&#xFFFE;", "&#1;", "&#x10FFFF;",
	"&quot;", "\xe6\xb8\xaf", "\xc3\xa9", " ", "\t", "#", "Harbour",
};

static void
hostile_text(uint64_t *state, char *out, size_t cap)
{
	size_t len = 0, k, n;
	const char *piece;

	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	for (k = (size_t)(*state >> 60); k > 0; k--) {
		*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
		piece = hostile_pieces[(*state >> 33) % NPIECES];
		n = strlen(piece);
		if (len + n + 1 > cap) {
			break;
		}
		memcpy(out + len, piece, n);
		len += n;
	}
	out[len] = '\0';
}

/* Whatever titles and folder names a list carries, the list newsfold
 * writes of it reads back to the same feeds, titles and tags. */
static void
test_write_reads_back(void **state)
{
	uint64_t seed = 11;
	char doc[4096], title[200], tag[200], a[512], b[512];
	struct opml_list list, back;
	struct nf_error err;
	struct buf out;
	size_t round, i;

	(void)state;
	for (round = 0; round < 2000; round++) {
		hostile_text(&seed, tag, sizeof(tag));
		hostile_text(&seed, title, sizeof(title));
		snprintf(doc, sizeof(doc), "<opml><body><outline text=\"%s\">"
		         "<outline text=\"%s\" xmlUrl=\"https://a.example/%zu\"/>"
		         "<outline xmlUrl=\"https://b.example/\"/></outline>"
		         "</body></opml>", tag, title, round);
		if (opml_parse(doc, strlen(doc), &list, &err) != NF_OK) {
			opml_list_free(&list);
			continue;
		}
		buf_init(&out, 1 << 20);
		assert_int_equal(opml_write(list.feeds, list.nfeeds, "t", &out, &err), NF_OK);
		assert_int_equal(opml_parse(out.data, out.len, &back, &err), NF_OK);
		if (back.nfeeds != list.nfeeds) {
			fail_msg("round %zu: %zu feeds written, %zu read back", round,
			         list.nfeeds, back.nfeeds);
		}
		for (i = 0; i < back.nfeeds; i++) {
			describe(&list.feeds[i], a, sizeof(a));
			describe(&back.feeds[i], b, sizeof(b));
			assert_string_equal(b, a);
		}
		opml_list_free(&back);
		opml_list_free(&list);
		buf_free(&out);
	}
}

static int
group_teardown(void **state)
{
	(void)state;
	xmlCleanupParser();
	return 0;
}


int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_nested_tags),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_write_reads_back),
	};
	struct CMUnitTest tests[NCASES(fixed) + NCASES(bad_cases) +
	                       NCASES(title_cases) + NCASES(write_cases)];
	size_t i, n = 0;

	for (i = 0; i < NCASES(fixed); i++) {
		tests[n++] = fixed[i];
	}
	for (i = 0; i < NCASES(bad_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = bad_cases[i].name,
			.test_func = test_bad, .initial_state = (void *)&bad_cases[i] };
	}
	for (i = 0; i < NCASES(title_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = title_cases[i].name,
			.test_func = test_title, .initial_state = (void *)&title_cases[i] };
	}
	for (i = 0; i < NCASES(write_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = write_cases[i].name,
			.test_func = test_write, .initial_state = (void *)&write_cases[i] };
	}
	return _cmocka_run_group_tests("opml", tests, n, NULL, group_teardown);
}
