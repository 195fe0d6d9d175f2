#ifndef NF_TEXT_H
#define NF_TEXT_H

/*
 * The one sanitising gate that all feed text passes before storage:
 * hostile bytes made safe for a terminal. HTML to text (htmltext.h) and
 * the parsers call it; nothing else decides what is safe. Every returned
 * string is new; free() it. Functions return NULL only when out of
 * memory.
 */

#include <stddef.h>
#include <stdint.h>

#include "src/buf.h"

/* Makes hostile bytes safe for a terminal: invalid UTF-8 becomes U+FFFD;
 * C0 controls but newline and tab, DEL, C1 controls, ESC/CSI/OSC/DCS/APC
 * sequences (7-bit and 8-bit forms) and bidi overrides/isolates are
 * removed. Whitespace is kept as it is, except that CR LF and a lone CR
 * become a newline and VT and FF a space. An unterminated OSC/DCS/APC
 * string ends at the next newline, so a stray one cannot eat the text. */
char *text_sanitize(const char *s, size_t len);

/* text_sanitize(), then every run of whitespace (newlines too) folded to
 * one space and the ends trimmed: for titles, names and one-line fields. */
char *text_clean_line(const char *s, size_t len);

/* Folds each run of whitespace (text_space_len()) in s[0..n) to one
 * space, in place, and drops the runs at either end: returns the new
 * length, and tells in *lead and *trail whether s began or ended with
 * whitespace. */
size_t text_fold_spaces(char *s, size_t n, int *lead, int *trail);

/* The bytes of w flagged (high bit) exactly where the byte is c: eight
 * bytes compared at a look, with no borrow from one into the next. */
static inline uint64_t
text_word_equal(uint64_t w, unsigned char c)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL, ones = 0x0101010101010101ULL;

	w ^= ones * c;
	return ~(((w & low7) + low7) | w) & ~low7;
}

/* Whether text_sanitize() would return the len bytes at s unchanged (so
 * that a parser may read them in place). */
int text_is_clean(const char *s, size_t len);

/* The gate for text that comes in pieces, as an HTML parser's text
 * events do: an escape sequence split between two pieces is still
 * removed whole. One per document, started as TEXT_GATE_INIT. */
struct text_gate {
	int state;	/* an escape sequence under way; 0: none */
};
#define TEXT_GATE_INIT { 0 }

/* Appends the sanitised form of the len bytes at s to out: what
 * text_sanitize() gives, piece by piece. NF_ERR_NOMEM or
 * NF_ERR_TOO_LARGE from out. */
enum nf_status text_gate_add(struct text_gate *g, struct buf *out,
                             const char *s, size_t len);

/* Length of the whitespace at s (n > 0 bytes left; 0 when none): the
 * ASCII spaces and U+00A0, which feeds use as padding far more often than
 * as a real no-break. Inline: HTML to text asks it for every byte. */
static inline size_t
text_space_len(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
		return 1;
	}
	return n >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0 ? 2 : 0;
}

#endif
