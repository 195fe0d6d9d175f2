/*
 * newsboat's files as dotfile lines: filter expressions into the query
 * language (or refused with a reason), and urls and config lines into
 * dotfile lines and report lines, as tables of named cases.
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

#include "config/newsboat.h"

struct filter_case {
	const char *name;
	const char *expr;
	const char *query;	/* NULL: refused */
};

static const struct filter_case filter_cases[] = {
	{ "unread", "unread = \"yes\"", "unread" },
	{ "read", "unread = \"no\"", "read" },
	{ "not unread", "unread != \"yes\"", "read" },
	{ "tags", "tags # \"world\"", "tag:\"world\"" },
	{ "not a tag", "tags !# \"sport\"", "not tag:\"sport\"" },
	{ "title without regex", "title =~ \"election\"", "title~\"election\"" },
	{ "title with a regex", "title =~ \"^elect.*\"", NULL },
	{ "age in days", "age < 3", "age<3d" },
	{ "feed title", "feedtitle = \"Harbour \\\"Gazette\\\"\"",
	  "feed:\"Harbour \\\"Gazette\\\"\"" },
	{ "and, or, parentheses",
	  "unread = \"yes\" and (tags # \"a\" or tags # \"b\")",
	  "unread and (tag:\"a\" or tag:\"b\")" },
	{ "author has no equivalent", "author = \"Ada\"", NULL },
	{ "empty", "", NULL },
	{ "no value", "unread =", NULL },
};

static void
test_filter(void **state)
{
	const struct filter_case *c = *state;
	struct nf_error err;
	struct buf out;
	enum nf_status st;

	buf_init(&out, 4096);
	st = newsboat_filter_to_query(c->expr, &out, &err);
	if (c->query == NULL) {
		assert_int_equal(st, NF_ERR_PARSE);
		assert_true(err.msg[0] != '\0');
	} else {
		if (st != NF_OK) {
			fail_msg("%s: %s", c->name, err.msg);
		}
		assert_string_equal(out.data, c->query);
	}
	buf_free(&out);
}

struct file_case {
	const char *name;
	int is_config;
	const char *text;
	const char *lines;
	const char *report;
};

static const struct file_case file_cases[] = {
	{ "feed with title, tags, hidden", 0,
	  "https://e.org/a.rss world \"~World News\" !hidden \"two words\"\n",
	  "feed https://e.org/a.rss \"World News\" world\n", "" },
	{ "comments and blank lines", 0, "# c\n\n  \nhttps://e.org/b\n",
	  "feed https://e.org/b\n", "" },
	{ "exec and filter", 0,
	  "\"exec:digest --rss\" \"~Mail\"\n\"filter:strip-ads:https://e.org/c\" news\n",
	  "exec \"digest --rss\" \"Mail\"\nfilter \"strip-ads\" https://e.org/c news\n", "" },
	{ "query", 0, "\"query:Fresh:unread = \\\"yes\\\" and age < 2\"\n",
	  "query \"Fresh\" unread and age<2d\n", "" },
	{ "unknown scheme", 0, "gopher://x/\n", "",
	  "u:1: skipped: not an http, https, file, exec:, filter: or query: URL (gopher://x/)\n" },
	{ "unterminated quote", 0, "https://e.org/d \"~Open\n", "",
	  "u:1: skipped: unterminated quote or too many words\n" },
	{ "settings", 1,
	  "reload-time 30\nauto-reload yes\nmax-items 0\ndownload-timeout 20\n",
	  "reload-interval 30m\ntimeout 20s\n",
	  "u:2: skipped: no equivalent (auto-reload)\n"
	  "u:3: skipped: a value newsfold cannot take (max-items)\n" },
	{ "download-path", 1, "download-path \"~/Podcasts/\"\ndownload-path\n",
	  "download-dir \"~/Podcasts/\"\n",
	  "u:2: skipped: expected one folder (download-path)\n" },
	{ "bookmark-cmd and ignore-article", 1,
	  "bookmark-cmd \"~/bin/bm\"\n"
	  "ignore-article \"https://e.org/a.rss\" \"title =~ \\\"ads\\\"\"\n",
	  "bookmark-cmd \"~/bin/bm %u %t\"\nignore feed:\"https://e.org/a.rss\" and (title~\"ads\")\n",
	  "u:1: note: bookmark-cmd is run as an argument list here, never by a shell\n" },
};

static void
test_file(void **state)
{
	const struct file_case *c = *state;
	struct newsboat_import imp;
	struct nf_error err;

	newsboat_import_init(&imp);
	assert_int_equal(c->is_config ? newsboat_read_config(c->text, "u", &imp, &err) :
	                 newsboat_read_urls(c->text, "u", &imp, &err), NF_OK);
	assert_string_equal(imp.lines.data != NULL ? imp.lines.data : "", c->lines);
	assert_string_equal(imp.skipped.data != NULL ? imp.skipped.data : "", c->report);
	newsboat_import_free(&imp);
}

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

int
main(void)
{
	struct CMUnitTest tests[NCASES(filter_cases) + NCASES(file_cases)];
	size_t i, n = 0;

	for (i = 0; i < NCASES(filter_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = filter_cases[i].name,
			.test_func = test_filter, .initial_state = (void *)&filter_cases[i] };
	}
	for (i = 0; i < NCASES(file_cases); i++) {
		tests[n++] = (struct CMUnitTest){ .name = file_cases[i].name,
			.test_func = test_file, .initial_state = (void *)&file_cases[i] };
	}
	return _cmocka_run_group_tests("newsboat", tests, n, NULL, NULL);
}
