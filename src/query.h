#ifndef NF_QUERY_H
#define NF_QUERY_H

/*
 * The query language of the dotfile's `query` and `ignore` lines, parsed
 * into a tree. The tree holds no SQL: the store compiles it (with every
 * value a bound parameter), so the parser knows nothing of the schema.
 *
 *   expr   := or
 *   or     := and ("or" and)*
 *   and    := unary ("and" unary)*
 *   unary  := "not" unary | "(" expr ")" | atom
 *   atom   := "unread" | "read"
 *           | "tag:" VALUE | "source:" VALUE | "feed:" VALUE
 *           | "title~" VALUE | "text~" VALUE
 *           | "age<" DURATION | "age>" DURATION
 *   VALUE  := a bare word, or "a quoted string" with \" and \\ escapes
 *   DURATION := a number with s, m, h, d or w: 90m, 2d, 1w
 *
 * Keywords are lower case; blanks may stand around the operators
 * ("age < 2d", "tag: world"). A '#' where a token would begin ends the
 * expression, as a dotfile comment. Bare words stop at blanks, quotes,
 * parentheses and the operator characters : ~ < >.
 */

#include "src/error.h"

/* Past these a query is refused rather than parsed: the dotfile is
 * unbounded input, and the parser and the compiler recurse. */
#define QUERY_DEPTH_MAX 32
#define QUERY_NODES_MAX 256

enum query_kind {
	QUERY_AND,		/* left and right */
	QUERY_OR,		/* left or right */
	QUERY_NOT,		/* not left */
	QUERY_UNREAD,
	QUERY_READ,
	QUERY_TAG,		/* the item's feed carries tag text */
	QUERY_SOURCE,		/* the item's outlet is text (case folded) */
	QUERY_FEED,		/* the item's feed has URL or title text */
	QUERY_TITLE,		/* the title contains text (case folded) */
	QUERY_TEXT,		/* title, summary or full text contain each
				 * blank-separated word of text (the store's
				 * full-text index) */
	QUERY_YOUNGER,		/* published less than seconds ago */
	QUERY_OLDER		/* published more than seconds ago */
};

struct query {
	enum query_kind kind;
	struct query *left;	/* AND, OR, NOT */
	struct query *right;	/* AND, OR */
	char *text;		/* TAG, SOURCE, FEED, TITLE, TEXT: never empty */
	long seconds;		/* YOUNGER, OLDER */
};

/* Parses expr into a new tree; free it with query_free(). column is
 * where expr begins in its line (1 when it is the whole line), for the
 * messages. On a malformed expression returns NF_ERR_CONFIG with
 * err->msg saying where and what ("column 9: expected a value after
 * tag:"); the caller puts FILE:LINE in front. NF_ERR_NOMEM when out of
 * memory. */
enum nf_status query_parse(const char *expr, int column, struct query **out,
                           struct nf_error *err);

/* NULL is a no-op. */
void query_free(struct query *q);

#endif
