/*
 * HTML rewritten before libxml2 reads it, by the rules in htmlprep.h.
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/buf.h"
#include "src/htmlprep.h"
#include "src/utf8.h"

/* The output is never longer than a few bytes per input byte, so this
 * ceiling only stops arithmetic from wrapping. */
#define HTMLPREP_MAX (SIZE_MAX / 4)

/* The elements htmltext.c drops with their content (TAG_SKIP) that could
 * swallow what follows them. Script and style hold raw text: no tag
 * inside them counts. */
struct swallower {
	const char *name;
	size_t n;
	int raw;
	int is_void;
};

static const struct swallower swallowers[] = {
	{ "audio", 5, 0, 0 }, { "button", 6, 0, 0 }, { "canvas", 6, 0, 0 },
	{ "embed", 5, 0, 1 }, { "noscript", 8, 0, 0 }, { "script", 6, 1, 0 },
	{ "select", 6, 0, 0 }, { "style", 5, 1, 0 }, { "template", 8, 0, 0 },
	{ "textarea", 8, 0, 0 }, { "title", 5, 0, 0 }, { "video", 5, 0, 0 },
};

#define NSWALLOWERS (sizeof(swallowers) / sizeof(swallowers[0]))

static int
starts_ci(const char *s, size_t n, const char *word, size_t wn)
{
	size_t i;

	if (n < wn) {
		return 0;
	}
	for (i = 0; i < wn; i++) {
		if ((s[i] | ((s[i] >= 'A' && s[i] <= 'Z') ? 0x20 : 0)) != word[i]) {
			return 0;
		}
	}
	return 1;
}

/* The swallower whose start (or, with *end set, end) tag is at s[i]
 * ('<'), or -1. */
static int
swallower_at(const char *s, size_t n, size_t i, int *end)
{
	size_t k, j;

	*end = i + 1 < n && s[i + 1] == '/';
	j = i + 1 + (size_t)*end;
	for (k = 0; k < NSWALLOWERS; k++) {
		const struct swallower *w = &swallowers[k];

		if (starts_ci(s + j, n - j, w->name, w->n)
		    && (j + w->n == n || strchr(" \t\r\n\f/>", s[j + w->n]) != NULL)) {
			return (int)k;
		}
	}
	return -1;
}

/* Where the first needle at or after from begins (ASCII case folded), or
 * n. */
static size_t
find_ci(const char *s, size_t n, size_t from, const char *needle)
{
	size_t wn = strlen(needle);
	const char *lt;

	while (from < n && (lt = memchr(s + from, needle[0], n - from)) != NULL) {
		from = (size_t)(lt - s);
		if (starts_ci(s + from, n - from, needle, wn)) {
			return from;
		}
		from++;
	}
	return n;
}

/* Where raw text opened by swallower k's start tag at i ends (at its end
 * tag), or n when it never does. */
static size_t
raw_end(const char *s, size_t n, size_t i, int k)
{
	char needle[16] = "</";

	memcpy(needle + 2, swallowers[k].name, swallowers[k].n + 1);
	return find_ci(s, n, i + 1, needle);
}

/* Where the comment at i ("<!--") ends, past its "-->", or 0 when it
 * never closes. */
static size_t
comment_end(const char *s, size_t n, size_t i)
{
	size_t e = find_ci(s, n, i + 4, "-->");

	return e < n ? e + 3 : 0;
}

struct marks {
	size_t *at;
	size_t n, cap;
};

static int
marks_add(struct marks *m, size_t at)
{
	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 16;
		size_t *grown = realloc(m->at, cap * sizeof(*grown));

		if (grown == NULL) {
			return -1;
		}
		m->at = grown;
		m->cap = cap;
	}
	m->at[m->n++] = at;
	return 0;
}

static int
marks_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* The open elements that may yet close: where each start tag is, and
 * NSWALLOWERS * that + its kind, in one number. */
static void
open_close(struct marks *open, size_t k)
{
	size_t j = open->n;

	/* An end tag closes the nearest open element of its name and those
	 * opened inside it, as libxml2 closes them. */
	while (j > 0 && open->at[j - 1] % NSWALLOWERS != k) {
		j--;
	}
	if (j > 0) {
		open->n = j - 1;
	}
}

/* Marks the start tags to take out: every <embed>, and the others whose
 * end tag never comes. Fills drop in input order; -1 out of memory. */
static int
find_unclosed(const char *s, size_t n, struct marks *drop)
{
	struct marks open = { NULL, 0, 0 };
	size_t i = 0, e;
	int k, end, rc = 0;
	const char *lt;

	while (rc == 0 && i < n && (lt = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(lt - s);
		if (starts_ci(s + i, n - i, "<!--", 4) && (e = comment_end(s, n, i)) > 0) {
			i = e;
			continue;
		}
		k = swallower_at(s, n, i, &end);
		if (k >= 0 && end) {
			open_close(&open, (size_t)k);
		} else if (k >= 0 && swallowers[k].is_void) {
			rc = marks_add(drop, i);
		} else if (k >= 0 && swallowers[k].raw) {
			if ((e = raw_end(s, n, i, k)) == n) {
				rc = marks_add(drop, i);
			} else {
				i = e;
				continue;
			}
		} else if (k >= 0) {
			rc = marks_add(&open, i * NSWALLOWERS + (size_t)k);
		}
		i++;
	}
	for (e = 0; rc == 0 && e < open.n; e++) {
		rc = marks_add(drop, open.at[e] / NSWALLOWERS);
	}
	free(open.at);
	if (rc == 0 && drop->n > 1) {
		qsort(drop->at, drop->n, sizeof(drop->at[0]), marks_cmp);
	}
	return rc;
}

static int
is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* At '&': a numeric reference to 128-159 becomes its windows-1252
 * character; anything else is copied as it is. */
static enum nf_status
rewrite_ref(const char *s, size_t n, size_t *i, struct buf *out)
{
	size_t j = *i + 1;
	uint32_t v = 0;
	int hex, digits = 0, d;
	char u[4];

	if (j < n && s[j] == '#') {
		j++;
		hex = j < n && (s[j] == 'x' || s[j] == 'X');
		j += (size_t)hex;
		for (; j < n && digits < 8; j++, digits++) {
			char c = (char)(s[j] | 0x20);

			d = (c >= '0' && c <= '9') ? c - '0'
			    : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
			if (d < 0) {
				break;
			}
			v = v * (hex ? 16 : 10) + (uint32_t)d;
		}
		if (digits > 0 && utf8_c1_as_cp1252(v) != v) {
			*i = j + (j < n && s[j] == ';');
			return buf_add(out, u, utf8_encode(utf8_c1_as_cp1252(v), u));
		}
	}
	(*i)++;
	return buf_add(out, "&", 1);
}

/* The text of a CDATA section, as text the parser reads back. */
static enum nf_status
escape_into(struct buf *out, const char *s, size_t n)
{
	enum nf_status rc = NF_OK;
	size_t i;

	for (i = 0; i < n && rc == NF_OK; i++) {
		rc = s[i] == '<' ? buf_add(out, "&lt;", 4)
		     : s[i] == '&' ? buf_add(out, "&amp;", 5) : buf_add(out, s + i, 1);
	}
	return rc;
}

/* At '<' (not a dropped start tag): what to write and where to go on. */
static enum nf_status
rewrite_markup(const char *s, size_t n, size_t *i, struct buf *out)
{
	size_t at = *i, e;
	const char *gt;
	int k, end;

	k = swallower_at(s, n, at, &end);
	if (k >= 0 && !end && swallowers[k].raw) {
		e = raw_end(s, n, at, k);	/* closed: dropped ones never come here */
		*i = e;
		return buf_add(out, s + at, e - at);
	}
	if (starts_ci(s + at, n - at, "<!--", 4)) {
		if ((e = comment_end(s, n, at)) > 0) {
			*i = e;
			return buf_add(out, s + at, e - at);
		}
		gt = memchr(s + at + 4, '>', n - at - 4);
		*i = gt != NULL ? (size_t)(gt - s) + 1 : n;
		return NF_OK;
	} else if (starts_ci(s + at, n - at, "<![cdata[", 9)) {
		e = find_ci(s, n, at + 9, "]]>");
		if (e < n) {
			*i = e + 3;
			return escape_into(out, s + at + 9, e - at - 9);
		}
	} else if (at + 1 < n && s[at + 1] == '!') {
		if (at + 2 < n && is_ascii_letter(s[at + 2]) && memchr(s + at, '>', n - at) != NULL) {
			*i = at + 1;
			return buf_add(out, "<", 1);
		}
	} else {
		*i = at + 1;
		return buf_add(out, "<", 1);
	}
	*i = at + 1;
	return buf_add(out, "&lt;", 4);
}

/* The bytes before the first '<' or '&'. */
static size_t
strcspn_n(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] != '<' && s[i] != '&') {
		i++;
	}
	return i;
}

char *
htmlprep_rewrite(const char *s, size_t n, size_t *outlen)
{
	struct marks drop = { NULL, 0, 0 };
	struct buf out;
	enum nf_status rc = NF_OK;
	size_t i = 0, d = 0, run;
	const char *gt;

	buf_init(&out, HTMLPREP_MAX);
	if (find_unclosed(s, n, &drop) != 0) {
		rc = NF_ERR_NOMEM;
	}
	while (rc == NF_OK && i < n) {
		run = strcspn_n(s + i, n - i);
		if (run > 0) {
			rc = buf_add(&out, s + i, run);
			i += run;
			continue;
		}
		if (s[i] == '&') {
			rc = rewrite_ref(s, n, &i, &out);
			continue;
		}
		while (d < drop.n && drop.at[d] < i) {
			d++;
		}
		if (d < drop.n && drop.at[d] == i
		    && (gt = memchr(s + i, '>', n - i)) != NULL) {
			i = (size_t)(gt - s) + 1;	/* the start tag goes */
			continue;
		}
		rc = rewrite_markup(s, n, &i, &out);
	}
	free(drop.at);
	*outlen = out.len;
	if (rc != NF_OK) {
		buf_free(&out);
		return NULL;
	}
	return buf_take(&out);
}

