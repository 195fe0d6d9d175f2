/*
 * The front page: which story leads (the one most outlets carry among
 * the last day's, ties to the newest) and the page as printed.
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

#include "src/fold.h"
#include "src/frontpage.h"
#include "src/headlines.h"
#include "src/title.h"

#define DAY 86400
#define T0 1795852800

struct lead_case {
	const char *name;
	struct fold_entry e[6];
	size_t n;
	const char *want;	/* the title of the lead story's lead */
};

static const struct lead_case lead_cases[] = {
	{ "most outlets wins", {
		{ "Ferry line to the islands approved", "1", NULL, NULL, "A", T0, 5 },
		{ "Bridge opens six months early", "2", NULL, NULL, "A", T0 + 60, 5 },
		{ "Bridge opens six months early", "3", NULL, NULL, "B", T0 + 120, 5 },
		{ "Bridge opens six months early", "4", NULL, NULL, "C", T0 + 180, 5 } },
	  4, "Bridge opens six months early" },
	{ "one outlet twice counts once", {
		{ "Ferry line to the islands approved", "1", NULL, NULL, "A", T0, 5 },
		{ "Ferry line to the islands approved", "2", NULL, NULL, "B", T0, 5 },
		{ "Bridge opens six months early", "3", NULL, NULL, "C", T0 + 60, 5 },
		{ "Bridge opens six months early", "4", NULL, NULL, "C", T0 + 120, 5 },
		{ "Bridge opens six months early", "5", NULL, NULL, "C", T0 + 180, 5 } },
	  5, "Ferry line to the islands approved" },
	{ "ties to the newest", {
		{ "Ferry line to the islands approved", "1", NULL, NULL, "A", T0, 5 },
		{ "Bridge opens six months early", "2", NULL, NULL, "B", T0 + 600, 5 } },
	  2, "Bridge opens six months early" },
	{ "only the last day counts", {
		{ "Ferry line to the islands approved", "1", NULL, NULL, "A", T0, 5 },
		{ "Ferry line to the islands approved", "2", NULL, NULL, "B", T0 + 60, 5 },
		{ "Ferry line to the islands approved", "3", NULL, NULL, "C", T0 + 120, 5 },
		{ "Bridge opens six months early", "4", NULL, NULL, "A", T0 + 2 * DAY, 5 } },
	  4, "Bridge opens six months early" },
};

static void
test_pick_lead(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lead_cases) / sizeof(lead_cases[0]); i++) {
		const struct lead_case *c = &lead_cases[i];
		struct fold_result r;
		struct nf_error err;
		size_t lead;

		assert_int_equal(fold_stories(c->e, c->n, TITLE_DEFAULT_THRESHOLD, &r, &err), NF_OK);
		lead = frontpage_pick_lead(c->e, &r);
		if (strcmp(c->e[r.stories[lead].lead].title, c->want) != 0) {
			fail_msg("%s: lead \"%s\"", c->name, c->e[r.stories[lead].lead].title);
		}
		fold_result_free(&r);
	}
}

static struct nf_item *
make_item(const char *title, const char *source, const char *link, int64_t t)
{
	struct nf_item *it = item_new();

	assert_non_null(it);
	assert_int_equal(nf_strset(&it->title, title), 0);
	assert_int_equal(nf_strset(&it->source, source), 0);
	assert_int_equal(nf_strset(&it->link, link), 0);
	assert_int_equal(nf_strset(&it->summary, "A summary."), 0);
	it->published = t;
	return it;
}

/* The page: the lead's headline first, a folded story as one "▸" line
 * with its count and its copies beneath, a single story indented. */
static void
test_print(void **state)
{
	struct nf_item *items[5];
	struct nf_error err;
	char *page = NULL;
	size_t len = 0, i;
	FILE *out = open_memstream(&page, &len);

	(void)state;
	items[0] = make_item("Bridge opens six months early", "A", "https://a.example/1", T0);
	items[1] = make_item("Bridge opens six months early", "B", "https://b.example/1", T0);
	items[2] = make_item("Bridge opens six months early", "C", "https://c.example/1", T0);
	items[3] = make_item("港湾都市で新フェリー航路が承認　離島へ１日２便", "朝凪新聞", "https://d.example/1", T0);
	items[4] = make_item("港湾都市で新フェリー航路が承認、離島へ1日2便", "みなと通信", "https://e.example/1", T0 - 60);
	assert_non_null(out);
	assert_int_equal(headlines_print(out, items, 5, TITLE_DEFAULT_THRESHOLD, 80, &err), NF_OK);
	fclose(out);
	assert_true(strncmp(page, "Bridge opens six months early\n", 30) == 0);
	assert_non_null(strstr(page, "2 similar:"));
	/* the lead is the earlier copy (equal text) */
	assert_non_null(strstr(page, "\xe2\x96\xb8 港湾都市で新フェリー航路が承認、離島へ1日2便 — みなと通信 (+1 similar)\n"));
	assert_non_null(strstr(page, "    港湾都市で新フェリー航路が承認　離島へ１日２便 — 朝凪新聞\n"));
	assert_non_null(strstr(page, "      https://d.example/1\n"));
	/* at 40 columns the headline is cut by display width, tail kept */
	free(page);
	out = open_memstream(&page, &len);
	assert_int_equal(headlines_print(out, items, 5, TITLE_DEFAULT_THRESHOLD, 40, &err), NF_OK);
	fclose(out);
	assert_non_null(strstr(page, "\xe2\x96\xb8 港湾都市で… — みなと通信 (+1 similar)\n"));
	free(page);
	for (i = 0; i < 5; i++) {
		item_free(items[i]);
	}
}

/* An aggregator's " - Outlet" tail reads as the copy's source ("Outlet
 * via Feed"), and the lead panel shows the story's photo caption even
 * when only a copy carries it. */
static void
test_print_outlet_and_caption(void **state)
{
	struct nf_item *items[2];
	struct nf_error err;
	char *page = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&page, &len);

	(void)state;
	items[0] = make_item("Tram depot at Orlova Quay closes for roof repairs",
	                     "City Desk", "https://a.example/1", T0);
	assert_int_equal(nf_strset(&items[0]->summary,
	                           "The depot closes for six weeks from Monday, and night trams start elsewhere."), 0);
	items[1] = make_item("Tram depot at Orlova Quay closes for roof repairs - Quayside Courier",
	                     "Morning Digest", "https://b.example/1", T0);
	/* the feed names the outlet (RSS <source>): its tail is no headline */
	assert_int_equal(nf_strset(&items[1]->outlet, "Quayside Courier"), 0);
	items[1]->image = image_new("", "Workers on the depot roof on Sunday.", NULL);
	assert_non_null(items[1]->image);
	assert_non_null(out);
	assert_int_equal(headlines_print(out, items, 2, TITLE_DEFAULT_THRESHOLD, 100, &err), NF_OK);
	fclose(out);
	assert_non_null(strstr(page, "  Photo: Workers on the depot roof on Sunday.\n"));
	free(page);
	/* a caption with its own label gets no second one */
	out = open_memstream(&page, &len);
	assert_non_null(out);
	free(items[1]->image->caption);
	items[1]->image->caption = strdup("Photo: Kestle Wire");
	assert_non_null(items[1]->image->caption);
	assert_int_equal(headlines_print(out, items, 2, TITLE_DEFAULT_THRESHOLD, 100, &err), NF_OK);
	fclose(out);
	assert_non_null(strstr(page, "  Photo: Kestle Wire\n"));
	assert_null(strstr(page, "Photo: Photo:"));
	assert_non_null(strstr(page, "    Tram depot at Orlova Quay closes for roof repairs — Quayside Courier via Morning Digest\n"));
	assert_null(strstr(page, "repairs - Quayside"));
	free(page);
	item_free(items[0]);
	item_free(items[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pick_lead),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_print_outlet_and_caption),
	};

	/* widths are measured with wcwidth() in a UTF-8 locale, as main sets */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
