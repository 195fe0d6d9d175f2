/*
 * A recursive-descent parser over a one-token lookahead. Depth and node
 * count are bounded (QUERY_DEPTH_MAX, QUERY_NODES_MAX) so that a hostile
 * line cannot run the stack out, here or in the compiler that walks the
 * tree.
 */
#include "autoconfig.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/query.h"

enum token {
	T_END,
	T_WORD,		/* bare word */
	T_STRING,	/* quoted string */
	T_LPAREN,
	T_RPAREN,
	T_COLON,
	T_TILDE,
	T_LESS,
	T_MORE
};

struct parser {
	const char *start;
	int column;		/* of start in its line */
	const char *p;		/* next unread byte */
	enum token tok;		/* the lookahead */
	const char *tok_at;	/* where it begins */
	char *text;		/* T_WORD, T_STRING: its text, owned */
	int depth;
	int nodes;
	struct nf_error *err;
};

static int
is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

static int
ends_word(char ch)
{
	return ch == 0 || is_blank(ch) || strchr("\"():~<>", ch) != NULL;
}

static enum nf_status
fail(struct parser *ps, const char *at, const char *what)
{
	return nf_error_set(ps->err, NF_ERR_CONFIG, "column %d: %s",
	                    (int)(at - ps->start) + ps->column, what);
}

/* Reads a quoted string at ps->p (on its opening quote) into ps->text. */
static enum nf_status
lex_string(struct parser *ps)
{
	const char *s = ps->p + 1;
	char *d;

	if ((ps->text = malloc(strlen(s) + 1)) == NULL) {
		return nf_error_set(ps->err, NF_ERR_NOMEM, "out of memory");
	}
	for (d = ps->text; *s != '"'; s++) {
		if (*s == 0) {
			return fail(ps, ps->p, "unterminated quote");
		}
		if (*s == '\\' && (s[1] == '"' || s[1] == '\\')) {
			s++;
		}
		*d++ = *s;
	}
	*d = 0;
	ps->p = s + 1;
	ps->tok = T_STRING;
	return NF_OK;
}

static enum nf_status
lex_word(struct parser *ps)
{
	const char *s = ps->p;
	size_t n;

	while (!ends_word(*s)) {
		s++;
	}
	n = (size_t)(s - ps->p);
	if ((ps->text = malloc(n + 1)) == NULL) {
		return nf_error_set(ps->err, NF_ERR_NOMEM, "out of memory");
	}
	memcpy(ps->text, ps->p, n);
	ps->text[n] = 0;
	ps->p = s;
	ps->tok = T_WORD;
	return NF_OK;
}

/* Moves the lookahead on by one token. */
static enum nf_status
next(struct parser *ps)
{
	static const char ops[] = "():~<>";
	static const enum token op_tokens[] = {
		T_LPAREN, T_RPAREN, T_COLON, T_TILDE, T_LESS, T_MORE,
	};
	const char *op;

	free(ps->text);
	ps->text = NULL;
	while (is_blank(*ps->p)) {
		ps->p++;
	}
	ps->tok_at = ps->p;
	if (*ps->p == 0 || *ps->p == '#') {
		ps->tok = T_END;
		return NF_OK;
	}
	if (*ps->p == '"') {
		return lex_string(ps);
	}
	if ((op = strchr(ops, *ps->p)) != NULL) {
		ps->tok = op_tokens[op - ops];
		ps->p++;
		return NF_OK;
	}
	return lex_word(ps);
}

static int
is_word(const struct parser *ps, const char *word)
{
	return ps->tok == T_WORD && strcmp(ps->text, word) == 0;
}

static struct query *
node_new(struct parser *ps, enum query_kind kind)
{
	struct query *q;

	if (++ps->nodes > QUERY_NODES_MAX) {
		fail(ps, ps->tok_at, "the expression is too long");
		return NULL;
	}
	if ((q = calloc(1, sizeof(*q))) == NULL) {
		nf_error_set(ps->err, NF_ERR_NOMEM, "out of memory");
		return NULL;
	}
	q->kind = kind;
	return q;
}

static long
duration_unit(const char *u)
{
	static const struct { char u; long s; } units[] = {
		{ 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 },
		{ 'w', 7 * 86400 },
	};
	size_t i;

	for (i = 0; u[0] != 0 && u[1] == 0 &&
	     i < sizeof(units) / sizeof(units[0]); i++) {
		if (units[i].u == u[0]) {
			return units[i].s;
		}
	}
	return 0;
}

/* The lookahead as a duration, into q->seconds. */
static enum nf_status
take_duration(struct parser *ps, struct query *q)
{
	char *end;
	long n, unit;

	if (ps->tok != T_WORD || ps->text[0] < '0' || ps->text[0] > '9') {
		return fail(ps, ps->tok_at,
		            "expected a duration after age< or age> (2d, 12h, 90m, 1w)");
	}
	errno = 0;
	n = strtol(ps->text, &end, 10);
	unit = duration_unit(end);
	if (errno != 0 || unit == 0 || n > LONG_MAX / unit) {
		return fail(ps, ps->tok_at,
		            "bad duration (write a number with s, m, h, d or w)");
	}
	q->seconds = n * unit;
	return next(ps);
}

/* The lookahead as a value, into q->text. */
static enum nf_status
take_value(struct parser *ps, struct query *q, const char *after)
{
	char msg[64];

	/* A bare and/or/not is the next operator, not a value: quote it. */
	if ((ps->tok != T_WORD && ps->tok != T_STRING) ||
	    ps->text[0] == 0 || is_word(ps, "and") || is_word(ps, "or") ||
	    is_word(ps, "not")) {
		snprintf(msg, sizeof(msg), "expected a value after %s", after);
		return fail(ps, ps->tok_at, msg);
	}
	q->text = ps->text;
	ps->text = NULL;
	return next(ps);
}

static const struct field {
	const char *name;
	enum token op;
	enum query_kind kind;
	const char *written;	/* for messages */
} fields[] = {
	{ "tag", T_COLON, QUERY_TAG, "tag:" },
	{ "source", T_COLON, QUERY_SOURCE, "source:" },
	{ "feed", T_COLON, QUERY_FEED, "feed:" },
	{ "title", T_TILDE, QUERY_TITLE, "title~" },
	{ "text", T_TILDE, QUERY_TEXT, "text~" },
	{ "age", T_LESS, QUERY_YOUNGER, "age<" },
	{ "age", T_MORE, QUERY_OLDER, "age>" },
};

/* field OP value, with the lookahead on the field's name. */
static struct query *
parse_field(struct parser *ps)
{
	const char *at = ps->tok_at;
	const struct field *f = NULL;
	struct query *q;
	size_t i;
	char name[16];

	snprintf(name, sizeof(name), "%s", ps->text);
	if (next(ps) != NF_OK) {
		return NULL;
	}
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (strcmp(name, fields[i].name) == 0 && ps->tok == fields[i].op) {
			f = &fields[i];
		}
	}
	if (f == NULL) {
		fail(ps, at, strcmp(name, "age") == 0 ? "expected < or > after age" :
		     strcmp(name, "title") == 0 ? "expected ~ after title" :
		     strcmp(name, "text") == 0 ? "expected ~ after text" :
		     "expected : after tag, source or feed");
		return NULL;
	}
	if ((q = node_new(ps, f->kind)) == NULL || next(ps) != NF_OK ||
	    (f->op == T_LESS || f->op == T_MORE ? take_duration(ps, q) :
	     take_value(ps, q, f->written)) != NF_OK) {
		query_free(q);
		return NULL;
	}
	return q;
}

static struct query *parse_or(struct parser *ps);

static struct query *
parse_atom(struct parser *ps)
{
	static const char *const known[] = {
		"tag", "source", "feed", "title", "text", "age",
	};
	struct query *q;
	size_t i;

	if (is_word(ps, "unread") || is_word(ps, "read")) {
		q = node_new(ps, is_word(ps, "read") ? QUERY_READ : QUERY_UNREAD);
		if (q != NULL && next(ps) != NF_OK) {
			query_free(q);
			return NULL;
		}
		return q;
	}
	for (i = 0; ps->tok == T_WORD && i < sizeof(known) / sizeof(known[0]); i++) {
		if (strcmp(ps->text, known[i]) == 0) {
			return parse_field(ps);
		}
	}
	if (ps->tok == T_WORD && (is_word(ps, "and") || is_word(ps, "or"))) {
		fail(ps, ps->tok_at, "expected a condition before and/or");
	} else if (ps->tok == T_WORD) {
		fail(ps, ps->tok_at, "unknown condition (unread, read, tag:, "
		     "source:, feed:, title~, text~, age<, age>)");
	} else if (ps->tok == T_END) {
		fail(ps, ps->tok_at, "expected a condition at the end");
	} else {
		fail(ps, ps->tok_at, "expected a condition");
	}
	return NULL;
}

static struct query *
parse_unary(struct parser *ps)
{
	const char *at = ps->tok_at;
	struct query *q = NULL, *inner;

	if (++ps->depth > QUERY_DEPTH_MAX) {
		fail(ps, at, "nested too deeply");
		return NULL;
	}
	if (is_word(ps, "not")) {
		if (next(ps) == NF_OK && (inner = parse_unary(ps)) != NULL) {
			if ((q = node_new(ps, QUERY_NOT)) == NULL) {
				query_free(inner);
			} else {
				q->left = inner;
			}
		}
	} else if (ps->tok == T_LPAREN) {
		if (next(ps) == NF_OK && (q = parse_or(ps)) != NULL &&
		    ps->tok != T_RPAREN) {
			fail(ps, at, "unbalanced parenthesis");
			query_free(q);
			q = NULL;
		} else if (q != NULL && next(ps) != NF_OK) {
			query_free(q);
			q = NULL;
		}
	} else {
		q = parse_atom(ps);
	}
	ps->depth--;
	return q;
}

/* Joins left and right under a new AND or OR node; frees both on error. */
static struct query *
join(struct parser *ps, enum query_kind kind, struct query *left,
     struct query *right)
{
	struct query *q;

	if (right == NULL || (q = node_new(ps, kind)) == NULL) {
		query_free(left);
		query_free(right);
		return NULL;
	}
	q->left = left;
	q->right = right;
	return q;
}

static struct query *
parse_and(struct parser *ps)
{
	struct query *q = parse_unary(ps);

	while (q != NULL && is_word(ps, "and")) {
		q = next(ps) != NF_OK ? join(ps, QUERY_AND, q, NULL) :
		    join(ps, QUERY_AND, q, parse_unary(ps));
	}
	return q;
}

static struct query *
parse_or(struct parser *ps)
{
	struct query *q = parse_and(ps);

	while (q != NULL && is_word(ps, "or")) {
		q = next(ps) != NF_OK ? join(ps, QUERY_OR, q, NULL) :
		    join(ps, QUERY_OR, q, parse_and(ps));
	}
	return q;
}

enum nf_status
query_parse(const char *expr, int column, struct query **out,
            struct nf_error *err)
{
	struct parser ps = { .start = expr, .column = column, .p = expr,
	                     .err = err };
	struct query *q = NULL;

	*out = NULL;
	nf_error_clear(err);
	if (next(&ps) == NF_OK && (q = parse_or(&ps)) != NULL &&
	    ps.tok != T_END) {
		fail(&ps, ps.tok_at, ps.tok == T_RPAREN ? "unbalanced parenthesis" :
		     "expected and, or, or the end");
		query_free(q);
		q = NULL;
	}
	free(ps.text);
	if (q == NULL) {
		return err != NULL && err->code != NF_OK ? err->code :
		       NF_ERR_CONFIG;
	}
	*out = q;
	return NF_OK;
}

void
query_free(struct query *q)
{
	if (q == NULL) {
		return;
	}
	query_free(q->left);
	query_free(q->right);
	free(q->text);
	free(q);
}
