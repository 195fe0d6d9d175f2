/*
 * The front page: stories in display order with the lead first, each
 * with its headline (the rule in src/frontpage.c), source line and
 * photo. One table of named cases; each story is written out as
 * "HEADLINE — SOURCE [CAPTION] (+N)" and compared in display order.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/frontpage.h"
#include "src/title.h"

#define T0 1795852800
#define MAX_ITEMS 8

struct fp_item {
	const char *title;
	const char *source;	/* the feed's title */
	const char *summary;	/* its length picks the lead copy */
	int64_t t;
	const char *caption;	/* NULL: no picture */
	const char *outlet;	/* the outlet the feed names (RSS <source>), or NULL */
};

struct fp_case {
	const char *name;
	enum frontpage_kind kind;
	struct fp_item items[MAX_ITEMS];
	const char *want[MAX_ITEMS];	/* the stories in display order */
};

#define SHORT "A short summary."
#define LONGER "A longer summary that tells more of the story than the others do."

static const struct fp_case cases[] = {
	{ "the story most outlets carry leads, then newest first", FRONTPAGE_ALL_FEEDS, {
		{ "Ferry line to the islands approved", "A", SHORT, T0, NULL, NULL },
		{ "Snow closes the Harrow Pass", "B", SHORT, T0 + 600, NULL, NULL },
		{ "Night market returns to the fish quay", "C", SHORT, T0 + 300, NULL, NULL },
		{ "Ferry line to the islands approved", "B", SHORT, T0 + 60, NULL, NULL } }, {
		"Ferry line to the islands approved — A (+1)",
		"Snow closes the Harrow Pass — B",
		"Night market returns to the fish quay — C" } },
	{ "undated stories go last, in item order", FRONTPAGE_ALL_FEEDS, {
		{ "Orchard co-operative reports a record harvest", "A", SHORT, NF_NO_DATE, NULL, NULL },
		{ "Council approves cycle lane on Rope Walk", "A", SHORT, T0, NULL, NULL },
		{ "Library extends its opening hours", "B", SHORT, NF_NO_DATE, NULL, NULL },
		{ "Tide barrier holds through the highest surge", "B", SHORT, T0 + 60, NULL, NULL } }, {
		"Tide barrier holds through the highest surge — B",
		"Council approves cycle lane on Rope Walk — A",
		"Orchard co-operative reports a record harvest — A",
		"Library extends its opening hours — B" } },
	{ "one feed: its first story leads and its order stays", FRONTPAGE_ONE_FEED, {
		{ "Council approves cycle lane on Rope Walk", "A", SHORT, T0, NULL, NULL },
		{ "Tide barrier holds through the highest surge", "A", SHORT, T0 + 600, NULL, NULL },
		{ "Library extends its opening hours", "A", SHORT, T0 + 60, NULL, NULL } }, {
		"Council approves cycle lane on Rope Walk — A",
		"Tide barrier holds through the highest surge — A",
		"Library extends its opening hours — A" } },
	{ "the lead copy (longest text) names the source", FRONTPAGE_ALL_FEEDS, {
		{ "Bridge opens six months early", "A", SHORT, T0, NULL, NULL },
		{ "Bridge opens six months early", "B", LONGER, T0, NULL, NULL } }, {
		"Bridge opens six months early — B (+1)" } },
	{ "the title most copies share, not the lead copy's", FRONTPAGE_ALL_FEEDS, {
		{ "Rail union agrees to end the strike after a pay deal", "A", LONGER, T0, NULL, NULL },
		{ "Rail union agrees to end strike after pay deal", "B", SHORT, T0, NULL, NULL },
		{ "Rail union agrees to end strike after pay deal", "C", SHORT, T0, NULL, NULL } }, {
		"Rail union agrees to end strike after pay deal — A (+2)" } },
	{ "never a copy with a summary glued on", FRONTPAGE_ALL_FEEDS, {
		{ "Rail union agrees to end strike after pay dealThe deal raises wages by six percent",
		  "A", LONGER, T0, NULL, NULL },
		{ "Rail union agrees to end strike after pay deal", "B", SHORT, T0, NULL, NULL } }, {
		"Rail union agrees to end strike after pay deal — A (+1)" } },
	{ "never a copy cut with an ellipsis, even when most are", FRONTPAGE_ALL_FEEDS, {
		{ "Harbour bridge opens to traffic six months…", "A", LONGER, T0, NULL, NULL },
		{ "Harbour bridge opens to traffic six months...", "B", SHORT, T0, NULL, NULL },
		{ "Harbour bridge opens to traffic six months early", "C", SHORT, T0, NULL, NULL } }, {
		"Harbour bridge opens to traffic six months early — A (+2)" } },
	{ "every copy cut: the lead copy's title", FRONTPAGE_ALL_FEEDS, {
		{ "Harbour bridge opens to traffic six months…", "A", SHORT, T0, NULL, NULL },
		{ "Harbour bridge opens to traffic six months early for…", "B", LONGER, T0, NULL, NULL } }, {
		"Harbour bridge opens to traffic six months early for… — B (+1)" } },
	{ "the outlet tail is not headline; it names the source", FRONTPAGE_ALL_FEEDS, {
		{ "Tram depot at Orlova Quay closes for roof repairs - Quayside Courier",
		  "Morning Digest", SHORT, T0, NULL, "Quayside Courier" } }, {
		"Tram depot at Orlova Quay closes for roof repairs — Quayside Courier via Morning Digest" } },
	{ "a tail the feed does not name stays in the headline", FRONTPAGE_ALL_FEEDS, {
		{ "MATCHDAY Kestrel FC - Saltmere Rovers", "Scoreline", SHORT, T0, NULL, NULL } }, {
		"MATCHDAY Kestrel FC - Saltmere Rovers — Scoreline" } },
	{ "a tail naming the feed itself goes", FRONTPAGE_ALL_FEEDS, {
		{ "Night ferry timetable changes - Harbour Gazette", "The Harbour Gazette", SHORT,
		  T0, NULL, NULL } }, {
		"Night ferry timetable changes — The Harbour Gazette" } },
	{ "two matches are two stories", FRONTPAGE_ALL_FEEDS, {
		{ "MATCHDAY Kestrel FC - Saltmere Rovers", "Scoreline", SHORT, T0, NULL, NULL },
		{ "MATCHDAY Kestrel FC - Dunmore Athletic", "Scoreline", SHORT, T0 + 60, NULL, NULL } }, {
		"MATCHDAY Kestrel FC - Dunmore Athletic — Scoreline",
		"MATCHDAY Kestrel FC - Saltmere Rovers — Scoreline" } },
	{ "an aggregator's copies fold under their named outlets", FRONTPAGE_ALL_FEEDS, {
		{ "Ferry line to the islands approved - Harbor Wire", "News Roundup", SHORT, T0, NULL,
		  "Harbor Wire" },
		{ "Ferry line to the islands approved - Coastline Post", "News Roundup", SHORT,
		  T0 + 60, NULL, "Coastline Post" } }, {
		"Ferry line to the islands approved — Harbor Wire via News Roundup (+1)" } },
	{ "copies that differ in width share one title: the lead's form", FRONTPAGE_ALL_FEEDS, {
		{ "港湾都市で新フェリー航路が承認　離島へ１日２便", "朝凪新聞", SHORT, T0, NULL, NULL },
		{ "港湾都市で新フェリー航路が承認、離島へ1日2便", "みなと通信", LONGER, T0, NULL, NULL } }, {
		"港湾都市で新フェリー航路が承認、離島へ1日2便 — みなと通信 (+1)" } },
	{ "the caption comes from the lead copy", FRONTPAGE_ALL_FEEDS, {
		{ "Lighthouse keeper retires after forty years", "A", SHORT, T0,
		  "The keeper on the gallery.", NULL },
		{ "Lighthouse keeper retires after forty years", "B", LONGER, T0,
		  "The lighthouse at dusk on Sunday.", NULL } }, {
		"Lighthouse keeper retires after forty years — B [The lighthouse at dusk on Sunday.] (+1)" } },
	{ "a copy's caption when the lead copy has none", FRONTPAGE_ALL_FEEDS, {
		{ "Lighthouse keeper retires after forty years", "A", SHORT, T0,
		  "The keeper on the gallery.", NULL },
		{ "Lighthouse keeper retires after forty years", "B", LONGER, T0, NULL, NULL } }, {
		"Lighthouse keeper retires after forty years — B [The keeper on the gallery.] (+1)" } },
	{ "a story without a title shows its text", FRONTPAGE_ALL_FEEDS, {
		{ "", "A", "Water is off on Mill Lane until noon.", T0, NULL, NULL } }, {
		"Water is off on Mill Lane until noon. — A" } },
};

static struct nf_item *
make_item(const struct fp_item *f)
{
	struct nf_item *it = item_new();

	assert_non_null(it);
	assert_int_equal(nf_strset(&it->title, f->title), 0);
	assert_int_equal(nf_strset(&it->source, f->source), 0);
	assert_int_equal(nf_strset(&it->summary, f->summary), 0);
	assert_int_equal(nf_strset(&it->outlet, f->outlet), 0);
	it->published = f->t;
	if (f->caption != NULL) {
		it->image = image_new("", f->caption, NULL);
		assert_non_null(it->image);
	}
	return it;
}

/* "HEADLINE — SOURCE [CAPTION] (+N)", as the views would show it. */
static void
story_text(const struct frontpage *page, const struct frontpage_story *st,
           char *out, size_t size)
{
	char head[1024], source[256], cap[300] = "", more[32] = "";
	const struct nf_image *photo = frontpage_photo(page, st);

	frontpage_story_line(page, st, head, sizeof(head), source, sizeof(source));
	if (photo != NULL) {
		snprintf(cap, sizeof(cap), " [%s]", photo->caption);
	}
	if (st->n > 1) {
		snprintf(more, sizeof(more), " (+%zu)", st->n - 1);
	}
	snprintf(out, size, "%s — %s%s%s", head, source, cap, more);
}

static void
run_case(const struct fp_case *c)
{
	struct nf_item *items[MAX_ITEMS];
	struct frontpage page;
	struct nf_error err;
	char got[2048];
	size_t n = 0, nwant = 0, i;

	while (n < MAX_ITEMS && c->items[n].title != NULL) {
		items[n] = make_item(&c->items[n]);
		n++;
	}
	while (nwant < MAX_ITEMS && c->want[nwant] != NULL) {
		nwant++;
	}
	if (frontpage_build(items, n, TITLE_DEFAULT_THRESHOLD, c->kind, &page,
	                    &err) != NF_OK) {
		fail_msg("%s: %s", c->name, err.msg);
	}
	if (page.nstories != nwant) {
		fail_msg("%s: %zu stories, want %zu", c->name, page.nstories, nwant);
	}
	for (i = 0; i < nwant; i++) {
		story_text(&page, &page.stories[i], got, sizeof(got));
		if (strcmp(got, c->want[i]) != 0) {
			fail_msg("%s: story %zu is \"%s\", want \"%s\"", c->name, i, got,
			         c->want[i]);
		}
	}
	frontpage_free(&page);
	for (i = 0; i < n; i++) {
		item_free(items[i]);
	}
}

static void
test_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		run_case(&cases[i]);
	}
}

/* Every item is in exactly one story; a story's members[0] is its lead
 * copy, and a copy's own line keeps its own title and source. */
static void
test_members(void **state)
{
	static const struct fp_item f[] = {
		{ "Bridge opens six months early", "A", SHORT, T0, NULL, NULL },
		{ "Ferry line to the islands approved", "B", SHORT, T0, NULL, NULL },
		{ "Bridge opens six months early - Coastline Post", "C", LONGER, T0, NULL,
		  "Coastline Post" },
	};
	struct nf_item *items[3];
	struct frontpage page;
	struct nf_error err;
	char head[256], source[256];
	size_t i, k, seen[3] = { 0, 0, 0 };

	(void)state;
	for (i = 0; i < 3; i++) {
		items[i] = make_item(&f[i]);
	}
	assert_int_equal(frontpage_build(items, 3, TITLE_DEFAULT_THRESHOLD,
	                                 FRONTPAGE_ALL_FEEDS, &page, &err), NF_OK);
	assert_int_equal(page.nstories, 2);
	for (i = 0; i < page.nstories; i++) {
		for (k = 0; k < page.stories[i].n; k++) {
			seen[page.stories[i].members[k]]++;
		}
	}
	assert_true(seen[0] == 1 && seen[1] == 1 && seen[2] == 1);
	assert_int_equal(page.stories[0].members[0], 2);
	frontpage_copy_line(items[2], head, sizeof(head), source, sizeof(source));
	assert_string_equal(head, "Bridge opens six months early");
	assert_string_equal(source, "Coastline Post via C");
	frontpage_free(&page);
	for (i = 0; i < 3; i++) {
		item_free(items[i]);
	}
}

static void
test_empty(void **state)
{
	struct frontpage page;
	struct nf_error err;

	(void)state;
	assert_int_equal(frontpage_build(NULL, 0, TITLE_DEFAULT_THRESHOLD,
	                                 FRONTPAGE_ALL_FEEDS, &page, &err), NF_OK);
	assert_int_equal(page.nstories, 0);
	frontpage_free(&page);
}

/* Sort orders: the lead stays first, the rest move; ties keep the page's
 * order. */
struct sort_case {
	const char *name;
	enum frontpage_order order;
	int reverse;
	const char *want;	/* headlines after the lead, joined by " | " */
};

static const struct sort_case sort_cases[] = {
	{ "page", FRONTPAGE_ORDER_PAGE, 0,
	  "Snow closes the Harrow Pass | Night market returns to the fish quay | "
	  "Library extends its opening hours | Orchard reports a record harvest" },
	{ "page reversed", FRONTPAGE_ORDER_PAGE, 1,
	  "Orchard reports a record harvest | Library extends its opening hours | "
	  "Night market returns to the fish quay | Snow closes the Harrow Pass" },
	{ "date, undated last", FRONTPAGE_ORDER_DATE, 0,
	  "Snow closes the Harrow Pass | Night market returns to the fish quay | "
	  "Library extends its opening hours | Orchard reports a record harvest" },
	{ "date reversed", FRONTPAGE_ORDER_DATE, 1,
	  "Orchard reports a record harvest | Library extends its opening hours | "
	  "Night market returns to the fish quay | Snow closes the Harrow Pass" },
	{ "feed, ties in page order", FRONTPAGE_ORDER_FEED, 0,
	  "Night market returns to the fish quay | Library extends its opening hours | "
	  "Snow closes the Harrow Pass | Orchard reports a record harvest" },
	{ "title", FRONTPAGE_ORDER_TITLE, 0,
	  "Library extends its opening hours | Night market returns to the fish quay | "
	  "Orchard reports a record harvest | Snow closes the Harrow Pass" },
	{ "outlets", FRONTPAGE_ORDER_OUTLETS, 0,
	  "Library extends its opening hours | Snow closes the Harrow Pass | "
	  "Night market returns to the fish quay | Orchard reports a record harvest" },
	{ "outlets reversed", FRONTPAGE_ORDER_OUTLETS, 1,
	  "Orchard reports a record harvest | Night market returns to the fish quay | "
	  "Snow closes the Harrow Pass | Library extends its opening hours" },
};

static void
test_sort(void **state)
{
	static const struct fp_item f[] = {
		{ "Ferry line to the islands approved", "A", SHORT, T0, NULL, NULL },
		{ "Ferry line to the islands approved", "B", SHORT, T0 + 60, NULL, NULL },
		{ "Ferry line to the islands approved", "C", SHORT, T0 + 30, NULL, NULL },
		{ "Snow closes the Harrow Pass", "Beacon", SHORT, T0 + 600, NULL, NULL },
		{ "Night market returns to the fish quay", "Anchor", SHORT, T0 + 300, NULL, NULL },
		{ "Orchard reports a record harvest", "Cove", SHORT, NF_NO_DATE, NULL, NULL },
		{ "Library extends its opening hours", "Anchor", SHORT, T0 + 100, NULL, NULL },
		{ "Library extends its opening hours", "Cove", SHORT, T0 + 120, NULL, NULL },
	};
	const size_t n = sizeof(f) / sizeof(f[0]);
	struct nf_item *items[sizeof(f) / sizeof(f[0])];
	struct frontpage page;
	struct nf_error err;
	char head[256], got[1024];
	size_t i, c, len;

	(void)state;
	for (i = 0; i < n; i++) {
		items[i] = make_item(&f[i]);
	}
	for (c = 0; c < sizeof(sort_cases) / sizeof(sort_cases[0]); c++) {
		assert_int_equal(frontpage_build(items, n, TITLE_DEFAULT_THRESHOLD,
		                                 FRONTPAGE_ALL_FEEDS, &page, &err), NF_OK);
		assert_int_equal(frontpage_sort(&page, sort_cases[c].order,
		                                sort_cases[c].reverse), 0);
		assert_int_equal(page.nstories, 5);
		frontpage_story_line(&page, &page.stories[0], head, sizeof(head), NULL, 0);
		assert_string_equal(head, "Ferry line to the islands approved");
		for (i = 1, len = 0, got[0] = 0; i < page.nstories; i++) {
			frontpage_story_line(&page, &page.stories[i], head, sizeof(head),
			                     NULL, 0);
			len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s",
			                        i > 1 ? " | " : "", head);
		}
		if (strcmp(got, sort_cases[c].want) != 0) {
			fail_msg("%s:\n got  %s\n want %s", sort_cases[c].name, got,
			         sort_cases[c].want);
		}
		frontpage_free(&page);
	}
	for (i = 0; i < n; i++) {
		item_free(items[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_members),
		cmocka_unit_test(test_empty),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
