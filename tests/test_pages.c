/*
 * Read-more pages kept in the store (ui/pages.c): what a finished
 * transfer leaves for the screen and in the store, the validators the
 * next request carries, and when a kept page answers without asking.
 * One table of named cases over a real SQLite file.
 */
#include "autoconfig.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "tests/testdir.h"
#include "ui/pages.h"

#define URL "https://quay.example/ferry"
#define PAGE "<html><body><article><p>Ferry crews voted on Saturday night to" \
	" accept a new duty rota, ending a two-day strike on the island" \
	" routes.</p></article></body></html>"
#define PAGE_TEXT "Ferry crews voted on Saturday night"

struct page_case {
	const char *name;
	int kept;			/* a page kept before: 0 none, else
					 * its age in seconds */
	enum fetch_outcome outcome;	/* of the transfer */
	const char *body;		/* FETCH_OK's */
	const char *want_text;		/* a prefix of the text handed on,
					 * or NULL for none */
	const char *want_reason;	/* when no text */
	const char *want_etag;		/* kept afterwards */
	int fresh;			/* pages_fresh() answers afterwards */
};

static const struct page_case cases[] = {
	{ "a fetched page is handed on and kept", 0, FETCH_OK, PAGE,
	  PAGE_TEXT, NULL, "\"new\"", 1 },
	{ "a failure is answered by the kept page", 7200, FETCH_FAILED, NULL,
	  "The kept text.", NULL, "\"old\"", 0 },
	{ "a 304 is answered by the kept page", 7200, FETCH_UNCHANGED, NULL,
	  "The kept text.", NULL, "\"old\"", 0 },
	{ "a failure with nothing kept says why", 0, FETCH_FAILED, NULL,
	  NULL, "could not resolve host quay.example", NULL, 0 },
	{ "a page without article text says so", 0, FETCH_OK,
	  "<html><body></body></html>", NULL, "the page has no readable text",
	  NULL, 0 },
	{ "a page kept a minute ago is fresh", 60, FETCH_FAILED, NULL,
	  "The kept text.", NULL, "\"old\"", 1 },
};

static void
page_case(void **state)
{
	const struct page_case *c = *state;
	char dir[64], db[128];
	struct store *s;
	struct nf_error err;
	struct fetch_request req = { .url = URL };
	struct fetch_result r = { .url = URL, .outcome = c->outcome };
	struct store_page kept = { 0 }, after;
	const char *reason = NULL;
	char *text, *fresh;

	assert_int_equal(testdir_make(dir, sizeof(dir), "nf-pages"), 0);
	snprintf(db, sizeof(db), "%s/news.db", dir);
	assert_int_equal(store_open(db, &s, &err), NF_OK);
	if (c->kept > 0) {
		struct store_page old = { .text = "The kept text.", .etag = "\"old\"",
			.fetched = time(NULL) - c->kept };

		assert_int_equal(store_page_put(s, URL, &old, &err), NF_OK);
	}
	pages_ask(s, &req, &kept);
	if (c->kept > 0) {
		assert_string_equal(req.etag, "\"old\"");
	} else {
		assert_null(req.etag);
	}
	store_page_clear(&kept);
	r.body = (char *)c->body;
	r.len = c->body != NULL ? strlen(c->body) : 0;
	r.etag = c->outcome == FETCH_OK ? "\"new\"" : NULL;
	nf_error_set(&r.err, c->outcome == FETCH_FAILED ? NF_ERR_NET : NF_OK,
	             "%s", c->outcome == FETCH_FAILED ?
	             "could not resolve host quay.example" : "");
	text = pages_text(s, &r, &reason);
	if (c->want_text != NULL) {
		assert_non_null(text);
		assert_true(strncmp(text, c->want_text, strlen(c->want_text)) == 0);
	} else {
		assert_null(text);
		assert_string_equal(reason, c->want_reason);
	}
	free(text);
	assert_int_equal(store_page_get(s, URL, &after, &err), NF_OK);
	if (c->want_etag != NULL) {
		assert_string_equal(after.etag, c->want_etag);
	} else {
		assert_null(after.text);
	}
	store_page_clear(&after);
	fresh = pages_fresh(s, URL);
	assert_int_equal(fresh != NULL, c->fresh);
	free(fresh);
	store_close(s);
	testdir_remove(dir);
}

int
main(void)
{
	struct CMUnitTest tests[sizeof(cases) / sizeof(cases[0])];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tests[i] = (struct CMUnitTest){ .name = cases[i].name,
			.test_func = page_case, .initial_state = (void *)&cases[i] };
	}
	return _cmocka_run_group_tests("pages", tests, i, NULL, NULL);
}
