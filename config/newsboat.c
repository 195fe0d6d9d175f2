/*
 * newsboat's urls and config, one line at a time, into dotfile lines.
 * Every line written is one this program reads back (the mode checks
 * them with config_read_line() before anything is saved); every line
 * left out is named in the report with the reason.
 */
#include "autoconfig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/newsboat.h"

#define NB_WORDS_MAX 64
#define NB_OUT_MAX (16L * 1024 * 1024)

struct nb_words {
	char *store;
	char *w[NB_WORDS_MAX];
	int n;
};

/* Splits a newsboat line: blanks between words, "quoted words" with \"
 * and \\ escapes. -1 on an unterminated quote or too many words. */
static int
nb_split(const char *line, struct nb_words *out)
{
	const char *p = line;
	char *d;

	memset(out, 0, sizeof(*out));
	if ((out->store = malloc(strlen(line) + 1)) == NULL) {
		return -1;
	}
	for (d = out->store;; ) {
		while (*p == ' ' || *p == '\t') {
			p++;
		}
		if (*p == 0) {
			return 0;
		}
		if (out->n == NB_WORDS_MAX) {
			return -1;
		}
		out->w[out->n++] = d;
		if (*p == '"') {
			for (p++; *p != '"'; p++) {
				if (*p == 0) {
					return -1;
				}
				if (*p == '\\' && p[1] != 0) {
					p++;
				}
				*d++ = *p;
			}
			p++;
		} else {
			while (*p != 0 && *p != ' ' && *p != '\t') {
				*d++ = *p++;
			}
		}
		*d++ = 0;
	}
}

/* Appends s in double quotes, with \" and \\ escaped. */
static enum nf_status
add_quoted(struct buf *b, const char *s)
{
	enum nf_status st = buf_add_str(b, "\"");

	for (; st == NF_OK && *s != 0; s++) {
		if (*s == '"' || *s == '\\') {
			st = buf_add(b, "\\", 1);
		}
		if (st == NF_OK) {
			st = buf_add(b, s, 1);
		}
	}
	return st == NF_OK ? buf_add_str(b, "\"") : st;
}

static enum nf_status
skip(struct newsboat_import *imp, const char *name, int lineno, const char *why,
     const char *what)
{
	return buf_printf(&imp->skipped, "%s:%d: skipped: %s%s%.80s%s\n", name,
	                  lineno, why, what != NULL ? " (" : "",
	                  what != NULL ? what : "", what != NULL ? ")" : "");
}

/* ---- filter expressions --------------------------------------------- */

struct nb_lex {
	const char *p;
	char tok[512];
	int is_string;
};

/* The next token of a filter expression into lx->tok; 0 at the end. */
static int
nb_next(struct nb_lex *lx)
{
	size_t n = 0;

	while (*lx->p == ' ' || *lx->p == '\t') {
		lx->p++;
	}
	lx->is_string = *lx->p == '"';
	if (*lx->p == 0) {
		lx->tok[0] = 0;
		return 0;
	}
	if (lx->is_string) {
		for (lx->p++; *lx->p != 0 && *lx->p != '"'; lx->p++) {
			if (*lx->p == '\\' && lx->p[1] != 0) {
				lx->p++;
			}
			if (n < sizeof(lx->tok) - 1) {
				lx->tok[n++] = *lx->p;
			}
		}
		lx->p += *lx->p == '"';
	} else if (strchr("()", *lx->p) != NULL) {
		lx->tok[n++] = *lx->p++;
	} else if (strchr("=!~#<>", *lx->p) != NULL) {
		while (*lx->p != 0 && strchr("=!~#<>", *lx->p) != NULL &&
		       n < sizeof(lx->tok) - 1) {
			lx->tok[n++] = *lx->p++;
		}
	} else {
		while (*lx->p != 0 && strchr(" \t()=!~#<>\"", *lx->p) == NULL &&
		       n < sizeof(lx->tok) - 1) {
			lx->tok[n++] = *lx->p++;
		}
	}
	lx->tok[n] = 0;
	return 1;
}

static int
has_regex(const char *s)
{
	return strpbrk(s, ".[]()*+?^$|\\{}") != NULL;
}

/* One "attribute op value" into out. */
static enum nf_status
nb_condition(const char *attr, const char *op, const char *value,
             struct buf *out, struct nf_error *err)
{
	int neg = op[0] == '!';
	enum nf_status st = NF_OK;

	if (strcmp(attr, "unread") == 0 && (strcmp(op, "=") == 0 || strcmp(op, "!=") == 0)) {
		return buf_add_str(out, (strcmp(value, "yes") == 0) != neg ? "unread" : "read");
	}
	if (strcmp(attr, "age") == 0 && (strcmp(op, "<") == 0 || strcmp(op, ">") == 0) &&
	    value[0] >= '0' && value[0] <= '9' && strspn(value, "0123456789") == strlen(value)) {
		return buf_printf(out, "age%s%sd", op, value);
	}
	if (neg) {
		st = buf_add_str(out, "not ");
	}
	if (strcmp(attr, "tags") == 0 && (strcmp(op, "#") == 0 || strcmp(op, "!#") == 0)) {
		st = st == NF_OK ? buf_add_str(out, "tag:") : st;
	} else if (strcmp(attr, "title") == 0 && (strcmp(op, "=~") == 0 || strcmp(op, "!~") == 0) &&
	           !has_regex(value)) {
		st = st == NF_OK ? buf_add_str(out, "title~") : st;
	} else if ((strcmp(attr, "feedtitle") == 0 || strcmp(attr, "feedurl") == 0) &&
	           (strcmp(op, "=") == 0 || strcmp(op, "!=") == 0)) {
		st = st == NF_OK ? buf_add_str(out, "feed:") : st;
	} else {
		return nf_error_set(err, NF_ERR_PARSE, "no equivalent for %.40s %.4s \"%.60s\"",
		                    attr, op, value);
	}
	return st == NF_OK ? add_quoted(out, value) : st;
}

enum nf_status
newsboat_filter_to_query(const char *expr, struct buf *out, struct nf_error *err)
{
	struct nb_lex lx = { .p = expr };
	char attr[512], op[16];
	enum nf_status st = NF_OK;
	int any = 0;

	while (st == NF_OK && nb_next(&lx)) {
		if (!lx.is_string && (strcmp(lx.tok, "(") == 0 || strcmp(lx.tok, ")") == 0 ||
		                      strcmp(lx.tok, "and") == 0 || strcmp(lx.tok, "or") == 0)) {
			st = buf_printf(out, strcmp(lx.tok, "(") == 0 ? "%s" :
			                strcmp(lx.tok, ")") == 0 ? "%s" : " %s ", lx.tok);
			continue;
		}
		snprintf(attr, sizeof(attr), "%s", lx.tok);
		if (!nb_next(&lx) || lx.is_string) {
			return nf_error_set(err, NF_ERR_PARSE, "no operator after %.40s", attr);
		}
		snprintf(op, sizeof(op), "%.15s", lx.tok);
		if (!nb_next(&lx)) {
			return nf_error_set(err, NF_ERR_PARSE, "no value after %.40s %s", attr, op);
		}
		st = nb_condition(attr, op, lx.tok, out, err);
		any = 1;
	}
	if (st == NF_OK && !any) {
		return nf_error_set(err, NF_ERR_PARSE, "an empty expression");
	}
	return st;
}

/* ---- urls ----------------------------------------------------------- */

/* The title and tags of a urls line (words from first), as dotfile words. */
static enum nf_status
add_title_tags(struct buf *b, const struct nb_words *w, int first)
{
	enum nf_status st = NF_OK;
	int i;

	for (i = first; st == NF_OK && i < w->n; i++) {
		if (w->w[i][0] == '~' && w->w[i][1] != 0) {
			st = buf_add_str(b, " ");
			st = st == NF_OK ? add_quoted(b, w->w[i] + 1) : st;
		}
	}
	for (i = first; st == NF_OK && i < w->n; i++) {
		if (w->w[i][0] != '~' && w->w[i][0] != '!' && w->w[i][0] != 0 &&
		    strpbrk(w->w[i], " \t\"#") == NULL) {
			st = buf_printf(b, " %s", w->w[i]);
		}
	}
	return st;
}

static enum nf_status
urls_query(struct newsboat_import *imp, const char *name, int lineno,
           const char *spec, struct nf_error *err)
{
	const char *colon = strchr(spec, ':');
	struct buf q;
	struct nf_error why;
	enum nf_status st;

	if (colon == NULL || colon == spec) {
		return skip(imp, name, lineno, "a query: line without a title", NULL);
	}
	buf_init(&q, NB_OUT_MAX);
	if (newsboat_filter_to_query(colon + 1, &q, &why) != NF_OK) {
		buf_free(&q);
		return skip(imp, name, lineno, why.msg, NULL);
	}
	st = buf_add_str(&imp->lines, "query \"");
	st = st == NF_OK ? buf_add(&imp->lines, spec, (size_t)(colon - spec)) : st;
	st = st == NF_OK ? buf_printf(&imp->lines, "\" %s\n", q.data) : st;
	buf_free(&q);
	imp->nqueries += st == NF_OK;
	(void)err;
	return st;
}

/* One urls line. */
static enum nf_status
urls_line(struct newsboat_import *imp, const char *name, int lineno,
          const struct nb_words *w, struct nf_error *err)
{
	const char *url = w->w[0], *colon;
	struct buf *b = &imp->lines;
	enum nf_status st;

	if (strncmp(url, "query:", 6) == 0) {
		return urls_query(imp, name, lineno, url + 6, err);
	}
	if (strncmp(url, "exec:", 5) == 0) {
		st = buf_add_str(b, "exec ");
		st = st == NF_OK ? add_quoted(b, url + 5) : st;
	} else if (strncmp(url, "filter:", 7) == 0 &&
	           (colon = strchr(url + 7, ':')) != NULL) {
		st = buf_add_str(b, "filter \"");
		st = st == NF_OK ? buf_add(b, url + 7, (size_t)(colon - url - 7)) : st;
		st = st == NF_OK ? buf_printf(b, "\" %s", colon + 1) : st;
	} else if (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0 ||
	           strncmp(url, "file://", 7) == 0) {
		st = buf_printf(b, "feed %s", url);
	} else {
		return skip(imp, name, lineno, "not an http, https, file, exec:, filter: or query: URL", url);
	}
	st = st == NF_OK ? add_title_tags(b, w, 1) : st;
	st = st == NF_OK ? buf_add_str(b, "\n") : st;
	imp->nfeeds += st == NF_OK;
	return st;
}

/* Calls fn for each line of text that is not blank or a comment. */
static enum nf_status
each_line(const char *text, const char *name, struct newsboat_import *imp,
          enum nf_status (*fn)(struct newsboat_import *, const char *, int,
                               const struct nb_words *, struct nf_error *),
          struct nf_error *err)
{
	const char *p = text, *end;
	enum nf_status st = NF_OK;
	struct nb_words w;
	char line[8192];
	int lineno = 0;

	for (; st == NF_OK && *p != 0; p = *end != 0 ? end + 1 : end) {
		end = p + strcspn(p, "\n");
		lineno++;
		snprintf(line, sizeof(line), "%.*s", (int)(end - p), p);
		line[strcspn(line, "\r")] = 0;
		if (line[strspn(line, " \t")] == '#' || line[strspn(line, " \t")] == 0) {
			continue;
		}
		if (nb_split(line, &w) != 0) {
			st = skip(imp, name, lineno, "unterminated quote or too many words", NULL);
		} else if (w.n > 0) {
			st = fn(imp, name, lineno, &w, err);
		}
		free(w.store);
	}
	if (st == NF_ERR_NOMEM || st == NF_ERR_TOO_LARGE) {
		return nf_error_set(err, st, "%s: out of memory", name);
	}
	return st;
}

enum nf_status
newsboat_read_urls(const char *text, const char *name,
                   struct newsboat_import *imp, struct nf_error *err)
{
	return each_line(text, name, imp, urls_line, err);
}

/* ---- config --------------------------------------------------------- */

/* Settings that map one to one, with the unit a number takes. */
static const struct {
	const char *newsboat, *ours, *unit;
	int is_bool;
} plain_settings[] = {
	{ "refresh-on-startup", "refresh-on-start", "", 1 },
	{ "show-read-articles", "show-read", "", 1 },
	{ "max-items", "max-items", "", 0 },
	{ "download-timeout", "timeout", "s", 0 },
	{ "reload-time", "reload-interval", "m", 0 },
};

static int
is_number(const char *s)
{
	return s[0] != 0 && strspn(s, "0123456789") == strlen(s) && strlen(s) < 10;
}

static enum nf_status
config_command(struct newsboat_import *imp, const char *name, int lineno,
               const struct nb_words *w)
{
	const char *ours = strcmp(w->w[0], "browser") == 0 ? "browser" : "bookmark-cmd";
	enum nf_status st;

	if (w->n != 2) {
		return skip(imp, name, lineno, "expected one command", w->w[0]);
	}
	st = buf_printf(&imp->lines, "%s ", ours);
	if (st == NF_OK && strcmp(ours, "bookmark-cmd") == 0) {
		st = buf_add_str(&imp->lines, "\"");
		st = st == NF_OK ? buf_add_str(&imp->lines, w->w[1]) : st;
		st = st == NF_OK ? buf_add_str(&imp->lines, " %u %t\"\n") : st;
	} else if (st == NF_OK) {
		st = add_quoted(&imp->lines, w->w[1]);
		st = st == NF_OK ? buf_add_str(&imp->lines, "\n") : st;
	}
	imp->nsettings += st == NF_OK;
	return st == NF_OK ? buf_printf(&imp->skipped, "%s:%d: note: %s is run"
	                                " as an argument list here, never by a"
	                                " shell\n", name, lineno, w->w[0]) : st;
}

static enum nf_status
config_ignore(struct newsboat_import *imp, const char *name, int lineno,
              const struct nb_words *w)
{
	struct nf_error why;
	struct buf q;
	enum nf_status st;

	if (w->n != 3) {
		return skip(imp, name, lineno, "expected a feed and an expression", "ignore-article");
	}
	buf_init(&q, NB_OUT_MAX);
	if (newsboat_filter_to_query(w->w[2], &q, &why) != NF_OK) {
		buf_free(&q);
		return skip(imp, name, lineno, why.msg, NULL);
	}
	if (strcmp(w->w[1], "*") == 0) {
		st = buf_printf(&imp->lines, "ignore %s\n", q.data);
	} else {
		st = buf_add_str(&imp->lines, "ignore feed:");
		st = st == NF_OK ? add_quoted(&imp->lines, w->w[1]) : st;
		st = st == NF_OK ? buf_printf(&imp->lines, " and (%s)\n", q.data) : st;
	}
	buf_free(&q);
	imp->nsettings += st == NF_OK;
	return st;
}

/* podboat's folder: where our downloads go too. */
static enum nf_status
config_download_path(struct newsboat_import *imp, const char *name,
                     int lineno, const struct nb_words *w)
{
	enum nf_status st;

	if (w->n != 2 || w->w[1][0] == '\0') {
		return skip(imp, name, lineno, "expected one folder", w->w[0]);
	}
	st = buf_add_str(&imp->lines, "download-dir ");
	st = st == NF_OK ? add_quoted(&imp->lines, w->w[1]) : st;
	st = st == NF_OK ? buf_add_str(&imp->lines, "\n") : st;
	imp->nsettings += st == NF_OK;
	return st;
}

static enum nf_status
config_line(struct newsboat_import *imp, const char *name, int lineno,
            const struct nb_words *w, struct nf_error *err)
{
	size_t i;

	(void)err;
	if (strcmp(w->w[0], "browser") == 0 || strcmp(w->w[0], "bookmark-cmd") == 0) {
		return config_command(imp, name, lineno, w);
	}
	if (strcmp(w->w[0], "ignore-article") == 0) {
		return config_ignore(imp, name, lineno, w);
	}
	if (strcmp(w->w[0], "download-path") == 0) {
		return config_download_path(imp, name, lineno, w);
	}
	for (i = 0; i < sizeof(plain_settings) / sizeof(plain_settings[0]); i++) {
		if (strcmp(w->w[0], plain_settings[i].newsboat) != 0) {
			continue;
		}
		if (w->n != 2 || (plain_settings[i].is_bool ?
		    strcmp(w->w[1], "yes") != 0 && strcmp(w->w[1], "no") != 0 :
		    !is_number(w->w[1]) || strcmp(w->w[1], "0") == 0)) {
			return skip(imp, name, lineno, "a value newsfold cannot take", w->w[0]);
		}
		imp->nsettings++;
		return buf_printf(&imp->lines, "%s %s%s\n", plain_settings[i].ours,
		                  w->w[1], plain_settings[i].unit);
	}
	return skip(imp, name, lineno, "no equivalent", w->w[0]);
}

enum nf_status
newsboat_read_config(const char *text, const char *name,
                     struct newsboat_import *imp, struct nf_error *err)
{
	return each_line(text, name, imp, config_line, err);
}

void
newsboat_import_init(struct newsboat_import *imp)
{
	memset(imp, 0, sizeof(*imp));
	buf_init(&imp->lines, NB_OUT_MAX);
	buf_init(&imp->skipped, NB_OUT_MAX);
}

void
newsboat_import_free(struct newsboat_import *imp)
{
	buf_free(&imp->lines);
	buf_free(&imp->skipped);
}
