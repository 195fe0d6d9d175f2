/*
 * The query language: expressions and the tree they parse to (written
 * back in a prefix form), and malformed expressions with the column and
 * reason each is refused for, as tables of named cases.
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

#include "src/query.h"

/* Writes q in prefix form: (and A B), (not A), tag:x, age<3600. */
static void
show(const struct query *q, char *out, size_t size)
{
	static const char *const names[] = {
		[QUERY_AND] = "and", [QUERY_OR] = "or", [QUERY_NOT] = "not",
		[QUERY_UNREAD] = "unread", [QUERY_READ] = "read",
		[QUERY_TAG] = "tag:", [QUERY_SOURCE] = "source:",
		[QUERY_FEED] = "feed:", [QUERY_TITLE] = "title~",
		[QUERY_TEXT] = "text~",
		[QUERY_YOUNGER] = "age<", [QUERY_OLDER] = "age>",
	};
	size_t len = strlen(out);
	char left[512] = "", right[512] = "";

	switch (q->kind) {
	case QUERY_AND:
	case QUERY_OR:
		show(q->left, left, sizeof(left));
		show(q->right, right, sizeof(right));
		snprintf(out + len, size - len, "(%s %s %s)", names[q->kind],
		         left, right);
		break;
	case QUERY_NOT:
		show(q->left, left, sizeof(left));
		snprintf(out + len, size - len, "(not %s)", left);
		break;
	case QUERY_YOUNGER:
	case QUERY_OLDER:
		snprintf(out + len, size - len, "%s%ld", names[q->kind],
		         q->seconds);
		break;
	default:
		snprintf(out + len, size - len, "%s%s", names[q->kind],
		         q->text != NULL ? q->text : "");
		break;
	}
}

struct good_case {
	const char *name;
	const char *expr;
	const char *tree;
};

static const struct good_case good_cases[] = {
	{ "unread", "unread", "unread" },
	{ "read", "read", "read" },
	{ "tag", "tag:world", "tag:world" },
	{ "blanks around operators", "tag : world", "tag:world" },
	{ "quoted value", "source:\"Harbor Wire\"", "source:Harbor Wire" },
	{ "escaped quote", "title~\"say \\\"no\\\"\"", "title~say \"no\"" },
	{ "title bare", "title~election", "title~election" },
	{ "text", "text~\"coast road\" and not read",
	  "(and text~coast road (not read))" },
	{ "japanese value", "title~\"選挙\"", "title~選挙" },
	{ "feed url quoted", "feed:\"https://example.org/a.rss\"",
	  "feed:https://example.org/a.rss" },
	{ "age days", "age<2d", "age<172800" },
	{ "age hours spaced", "age > 12h", "age>43200" },
	{ "age weeks", "age<1w", "age<604800" },
	{ "and binds tighter than or", "unread or read and tag:a",
	  "(or unread (and read tag:a))" },
	{ "chain is left-assoc", "unread and tag:world and age<2d",
	  "(and (and unread tag:world) age<172800)" },
	{ "parentheses", "(unread or read) and tag:a",
	  "(and (or unread read) tag:a)" },
	{ "not", "not tag:sport", "(not tag:sport)" },
	{ "not not", "not not unread", "(not (not unread))" },
	{ "not of a group", "not (tag:a or tag:b)",
	  "(not (or tag:a tag:b))" },
	{ "comment ends it", "unread # new ones", "unread" },
	{ "hash inside a value is kept", "title~\"#1 hit\"", "title~#1 hit" },
};

static void
test_good(void **state)
{
	const struct good_case *c = *state;
	struct query *q = NULL;
	struct nf_error err;
	char tree[1024] = "";

	if (query_parse(c->expr, 1, &q, &err) != NF_OK) {
		fail_msg("%s: refused: %s", c->name, err.msg);
	}
	show(q, tree, sizeof(tree));
	if (strcmp(tree, c->tree) != 0) {
		fail_msg("%s: got %s, want %s", c->name, tree, c->tree);
	}
	query_free(q);
}

struct bad_case {
	const char *name;
	const char *expr;
	const char *msg;	/* the whole message */
};

static const struct bad_case bad_cases[] = {
	{ "empty", "", "column 1: expected a condition at the end" },
	{ "only a comment", "# nothing", "column 1: expected a condition at the end" },
	{ "unknown word", "unred",
	  "column 1: unknown condition (unread, read, tag:, source:, feed:, "
	  "title~, text~, age<, age>)" },
	{ "missing operand of and", "unread and",
	  "column 11: expected a condition at the end" },
	{ "leading and", "and unread", "column 1: expected a condition before and/or" },
	{ "two conditions without and", "unread tag:a",
	  "column 8: expected and, or, or the end" },
	{ "tag without colon", "tag world", "column 1: expected : after tag, source or feed" },
	{ "tag without value", "tag:", "column 5: expected a value after tag:" },
	{ "empty quoted value", "source:\"\"", "column 8: expected a value after source:" },
	{ "title with colon", "title:x", "column 1: expected ~ after title" },
	{ "text with colon", "text:x", "column 1: expected ~ after text" },
	{ "title without value", "title~ and unread",
	  "column 8: expected a value after title~" },
	{ "age without operator", "age 2d", "column 1: expected < or > after age" },
	{ "age without unit", "age<2", "column 5: bad duration (write a number with s, m, h, d or w)" },
	{ "age unknown unit", "age<2y", "column 5: bad duration (write a number with s, m, h, d or w)" },
	{ "age not a number", "age<soon",
	  "column 5: expected a duration after age< or age> (2d, 12h, 90m, 1w)" },
	{ "age overflow", "age<99999999999999999999d",
	  "column 5: bad duration (write a number with s, m, h, d or w)" },
	{ "unterminated quote", "title~\"open", "column 7: unterminated quote" },
	{ "unclosed parenthesis", "(unread or read", "column 1: unbalanced parenthesis" },
	{ "stray closing parenthesis", "unread)", "column 7: unbalanced parenthesis" },
	{ "empty parentheses", "()", "column 2: expected a condition" },
	{ "not alone", "not", "column 4: expected a condition at the end" },
	{ "upper case keyword", "UNREAD",
	  "column 1: unknown condition (unread, read, tag:, source:, feed:, "
	  "title~, text~, age<, age>)" },
};

static void
test_bad(void **state)
{
	const struct bad_case *c = *state;
	struct query *q = NULL;
	struct nf_error err;

	if (query_parse(c->expr, 1, &q, &err) != NF_ERR_CONFIG) {
		fail_msg("%s: accepted", c->name);
	}
	assert_null(q);
	if (strcmp(err.msg, c->msg) != 0) {
		fail_msg("%s: got \"%s\", want \"%s\"", c->name, err.msg, c->msg);
	}
}

/* Hostile lengths: refused with a reason, never a crash. */
static void
test_limits(void **state)
{
	struct query *q = NULL;
	struct nf_error err;
	char deep[4 * QUERY_DEPTH_MAX + 16], longer[8192];
	size_t i, len;

	(void)state;
	memset(deep, '(', QUERY_DEPTH_MAX + 1);
	memcpy(deep + QUERY_DEPTH_MAX + 1, "unread", 7);
	assert_int_equal(query_parse(deep, 1, &q, &err), NF_ERR_CONFIG);
	assert_non_null(strstr(err.msg, "nested too deeply"));
	memcpy(longer, "unread", 6);
	for (i = 0, len = 6; i < QUERY_NODES_MAX; i++, len += 8) {
		memcpy(longer + len, " or read", 8);
	}
	longer[len] = 0;
	assert_int_equal(query_parse(longer, 1, &q, &err), NF_ERR_CONFIG);
	assert_non_null(strstr(err.msg, "too long"));
	for (i = 0; i < QUERY_DEPTH_MAX; i++) {
		memcpy(deep + 4 * i, "not ", 4);
	}
	memcpy(deep + 4 * QUERY_DEPTH_MAX, "unread", 7);
	assert_int_equal(query_parse(deep, 1, &q, &err), NF_ERR_CONFIG);
	query_free(NULL);
}

#define ADD_CASES(tests, n, fn, cases) \
	for (size_t i_ = 0; i_ < sizeof(cases) / sizeof(cases[0]); i_++) { \
		tests[n++] = (struct CMUnitTest){ cases[i_].name, fn, NULL, \
		                                  NULL, (void *)&cases[i_] }; \
	}

int
main(void)
{
	struct CMUnitTest tests[sizeof(good_cases) / sizeof(good_cases[0]) +
	                        sizeof(bad_cases) / sizeof(bad_cases[0]) + 1];
	size_t n = 0;

	ADD_CASES(tests, n, test_good, good_cases);
	ADD_CASES(tests, n, test_bad, bad_cases);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_limits);
	return _cmocka_run_group_tests("query", tests, n, NULL, NULL);
}
