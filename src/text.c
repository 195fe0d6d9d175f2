/*
 * The sanitising gate. It works on code points decoded here rather than
 * through the C library's multibyte functions: feed text must be cleaned
 * the same way whatever locale the reader runs under.
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "src/buf.h"
#include "src/text.h"
#include "src/utf8.h"

/* Output is never longer than 3 bytes per input byte (U+FFFD for one bad
 * byte), so this ceiling only stops arithmetic from wrapping. */
#define TEXT_MAX (SIZE_MAX / 4)

static const char replacement[] = "\xEF\xBF\xBD";

static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Unicode's noncharacters: U+FFFE and U+FFFF are not XML characters, so
 * a title carrying one would make a written OPML list unreadable. */
static int
is_noncharacter(uint32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) ||
	       ((cp & 0xFFFE) == 0xFFFE && cp <= 0x10FFFF);
}

/* Code points from U+00A0 up that the gate changes or drops. */
static int
is_special(uint32_t cp)
{
	return (cp >= 0x2028 && cp <= 0x2069) || cp == 0xFEFF || cp == 0xFFFD
	       || cp == UTF8_INVALID || is_noncharacter(cp);
}

int
text_is_clean(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		if ((s[i] >= 0x20 && s[i] < 0x7F) || s[i] == '\n' || s[i] == '\t') {
			i++;
			continue;
		}
		n = utf8_decode((const char *)s + i, len - i, &cp);
		if (cp < 0xA0 || is_special(cp)) {
			return 0;
		}
		i += n;
	}
	return 1;
}

/* States of the escape-sequence recogniser (ECMA-48 shapes); a struct
 * text_gate carries one between pieces of text. */
enum esc_state {
	ST_TEXT,	/* 0, as TEXT_GATE_INIT has it */
	ST_ESC,		/* after ESC */
	ST_ESC_INTER,	/* ESC and intermediate bytes, before the final */
	ST_CSI,		/* parameters and intermediates, before the final */
	ST_STRING,	/* OSC, DCS, SOS, PM, APC body, before ST or BEL */
	ST_STRING_ESC	/* ESC inside a string: ST if a backslash follows */
};

/* What to do with one code point: keep it, drop it, or write another
 * string instead. */
struct verdict {
	int keep;
	const char *subst;
};

static enum esc_state
esc_step(enum esc_state st, uint32_t cp, int *reprocess)
{
	*reprocess = 0;
	switch (st) {
	case ST_ESC:
		if (cp == '[') {
			return ST_CSI;
		}
		if (cp == ']' || cp == 'P' || cp == 'X' || cp == '^' || cp == '_') {
			return ST_STRING;
		}
		if (cp == 0x1B) {
			return ST_ESC;
		}
		if (cp >= 0x20 && cp <= 0x2F) {
			return ST_ESC_INTER;
		}
		if (cp >= 0x30 && cp <= 0x7E) {
			return ST_TEXT;
		}
		break;
	case ST_ESC_INTER:
		if (cp >= 0x20 && cp <= 0x2F) {
			return ST_ESC_INTER;
		}
		if (cp >= 0x30 && cp <= 0x7E) {
			return ST_TEXT;
		}
		break;
	case ST_CSI:
		if (cp >= 0x20 && cp <= 0x3F) {
			return ST_CSI;
		}
		if (cp >= 0x40 && cp <= 0x7E) {
			return ST_TEXT;
		}
		if (cp == 0x1B) {
			return ST_ESC;
		}
		if (cp < 0x20 && cp != '\n' && cp != 0x18 && cp != 0x1A) {
			return ST_CSI;	/* a terminal runs C0 inside CSI; we drop it */
		}
		break;
	case ST_STRING:
		if (cp == 0x07 || cp == 0x9C || cp == 0x18 || cp == 0x1A) {
			return ST_TEXT;
		}
		if (cp == 0x1B) {
			return ST_STRING_ESC;
		}
		if (cp == '\n') {
			break;	/* keeps the newline and what follows */
		}
		return ST_STRING;
	case ST_STRING_ESC:
		if (cp == '\\') {
			return ST_TEXT;
		}
		*reprocess = 1;
		return ST_ESC;
	case ST_TEXT:
		break;
	}
	/* The sequence is broken: it ends, and this code point is text. */
	*reprocess = 1;
	return ST_TEXT;
}

/* The verdict on a code point in text. Sets *st when it opens a sequence. */
static struct verdict
judge(uint32_t cp, const unsigned char *next, size_t nleft, enum esc_state *st)
{
	struct verdict v = { 0, NULL };

	if (cp == 0x1B) {
		*st = ST_ESC;
	} else if (cp == 0x9B) {
		*st = ST_CSI;
	} else if (cp == 0x90 || cp == 0x98 || cp == 0x9D || cp == 0x9E || cp == 0x9F) {
		*st = ST_STRING;
	} else if (cp == '\n' || cp == '\t') {
		v.keep = 1;
	} else if (cp == '\r') {
		v.subst = (nleft > 0 && next[0] == '\n') ? NULL : "\n";
	} else if (cp == '\v' || cp == '\f') {
		v.subst = " ";
	} else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp)
	           || cp == 0xFEFF) {
		/* dropped; a BOM inside text is junk from concatenated files */
	} else if (cp == 0x2028 || cp == 0x2029) {
		v.subst = "\n";
	} else if (cp == 0xFFFD || cp == UTF8_INVALID || is_noncharacter(cp)) {
		v.subst = replacement;	/* the bytes may have been invalid */
	} else {
		v.keep = 1;
	}
	return v;
}

/* The end of the printable ASCII at s[i..len): eight bytes at a look
 * (a byte below 0x20, at or above 0x80, or 0x7F sets its high bit in
 * the sum; only one after such a byte may do so wrongly). */
static size_t
printable_end(const unsigned char *s, size_t i, size_t len)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t w;

	for (; len - i >= 8; i += 8) {
		memcpy(&w, s + i, 8);
		if (((w - ones * 0x20) | w | (w + ones)) & (ones * 0x80)) {
			break;
		}
	}
	while (i < len && s[i] >= 0x20 && s[i] < 0x7F) {
		i++;
	}
	return i;
}

/* Appends the sanitised form of s to b. Clean runs are copied whole. */
enum nf_status
text_gate_add(struct text_gate *g, struct buf *b, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	enum esc_state st = (enum esc_state)g->state;
	size_t i = 0, run = 0, n;
	uint32_t cp;
	int again;
	struct verdict v;
	enum nf_status rc = NF_OK;

	while (i < len && rc == NF_OK) {
		if (s[i] >= 0x20 && s[i] < 0x7F && st == ST_TEXT) {
			i = printable_end(s, i + 1, len);
			continue;
		}
		n = utf8_decode((const char *)s + i, len - i, &cp);
		if (st == ST_TEXT && cp >= 0xA0 && !is_special(cp)) {
			i += n;		/* the common case for non-Latin text */
			continue;
		}
		if (st != ST_TEXT) {
			st = esc_step(st, cp, &again);
			if (!again) {
				i += n;
				run = i;
				continue;
			}
			if (st != ST_TEXT) {
				continue;	/* reprocess in the new state */
			}
		}
		v = judge(cp, s + i + n, len - i - n, &st);
		if (v.keep) {
			i += n;
			continue;
		}
		rc = buf_add(b, s + run, i - run);
		if (rc == NF_OK && v.subst != NULL) {
			rc = buf_add_str(b, v.subst);
		}
		i += n;
		run = i;
	}
	if (rc == NF_OK && st == ST_TEXT) {
		rc = buf_add(b, s + run, len - run);
	}
	g->state = (int)st;
	return rc;
}

char *
text_sanitize(const char *s, size_t len)
{
	struct buf b;
	struct text_gate g = TEXT_GATE_INIT;

	buf_init(&b, TEXT_MAX);
	if (text_gate_add(&g, &b, s, len) != NF_OK) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Bytes of w flagged (high bit) exactly where the byte is below 0x21:
 * no borrow runs from one byte into the next, so a flag never appears
 * where the byte does not match. */
static uint64_t
word_below_space(uint64_t w)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, ones = 0x0101010101010101ULL;

	return ~(((w & low7) + ones * 0x5F) | w) & ~low7;
}

/* Whether byte c may start whitespace (text_space_len()). */
static int
may_start_space(unsigned char c)
{
	return c <= ' ' || c == 0xC2;
}

/* Where the run of bytes from i that folding leaves as they are ends:
 * past bytes that start no whitespace, and past a lone ' ' that such a
 * byte follows. Eight bytes at a look, the next eight beside them to see
 * what follows each space; most text stops only where it ends. */
static size_t
plain_run_end(const char *str, size_t i, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	uint64_t w, next, may, space;

	for (; n - i > 8; i += 8) {
		memcpy(&w, s + i, 8);
		memcpy(&next, s + i + 1, 8);
		may = word_below_space(w) | text_word_equal(w, 0xC2);
		space = text_word_equal(w, ' ');
		if (((may & ~space) | (space & (word_below_space(next) | text_word_equal(next, 0xC2)))) != 0) {
			break;
		}
	}
	while (i < n) {
		if (!may_start_space(s[i])) {
			i++;
		} else if (s[i] == ' ' && i + 1 < n && !may_start_space(s[i + 1])) {
			i += 2;
		} else {
			break;
		}
	}
	return i;
}

size_t
text_fold_spaces(char *s, size_t n, int *lead, int *trail)
{
	size_t i = 0, j = 0, end, sp;
	int gap = 0;

	*lead = 0;
	while (i < n) {
		sp = text_space_len(s + i, n - i);
		if (sp > 0) {
			*lead |= j == 0;
			gap = j > 0;
			i += sp;
			continue;
		}
		end = plain_run_end(s, i + 1, n);
		if (gap) {
			s[j++] = ' ';
			gap = 0;
		}
		/* in place until a run of spaces has shrunk */
		if (j != i) {
			memmove(s + j, s + i, end - i);
		}
		j += end - i;
		i = end;
	}
	*trail = gap;
	return j;
}

char *
text_clean_line(const char *s, size_t len)
{
	struct buf b;
	struct text_gate g = TEXT_GATE_INIT;
	int lead, trail;

	buf_init(&b, TEXT_MAX);
	if (text_gate_add(&g, &b, s, len) != NF_OK) {
		buf_free(&b);
		return NULL;
	}
	/* Folds in place: the result is never longer than the input. */
	b.len = text_fold_spaces(b.data, b.len, &lead, &trail);
	if (b.data != NULL) {
		b.data[b.len] = '\0';
	}
	return buf_take(&b);
}
