#ifndef NF_FUZZ_CHECK_H
#define NF_FUZZ_CHECK_H

/*
 * What every string that leaves the text gate must be, checked on the
 * fuzz targets' outputs: valid UTF-8 (no overlong forms, no surrogates),
 * no ESC, no C0 control but newline and tab, no DEL, no C1 control
 * (U+0080..U+009F) and no bidi override or isolate. A broken promise
 * aborts, which the fuzzer reports with the input that caused it.
 */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

static inline void
fuzz_fail(const char *what, const char *s, size_t at)
{
	fprintf(stderr, "fuzz: %s at byte %zu of \"%.200s\"\n", what, at, s);
	abort();
}

/* Length of the UTF-8 sequence at s and its code point, or 0 if invalid. */
static inline size_t
fuzz_utf8_decode(const unsigned char *s, unsigned long *cp)
{
	size_t n, i;
	unsigned long c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, c &= 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			return 0;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff)) {
		return 0;
	}
	*cp = c;
	return n;
}

static inline void
fuzz_check_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	unsigned long c;

	if (s == NULL) {
		return;
	}
	while (p[i] != '\0') {
		n = fuzz_utf8_decode(p + i, &c);
		if (n == 0) {
			fuzz_fail("invalid UTF-8", s, i);
		}
		if (c == 0x1b) {
			fuzz_fail("ESC", s, i);
		}
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
			fuzz_fail("C0 control or DEL", s, i);
		}
		if (c >= 0x80 && c <= 0x9f) {
			fuzz_fail("C1 control", s, i);
		}
		if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
			fuzz_fail("bidi override or isolate", s, i);
		}
		i += n;
	}
}

/* The same for one screen line: no newline or tab either. */
static inline void
fuzz_check_line(const char *s)
{
	size_t i;

	fuzz_check_text(s);
	for (i = 0; s != NULL && s[i] != '\0'; i++) {
		if (s[i] == '\n' || s[i] == '\t') {
			fuzz_fail("newline or tab in a line", s, i);
		}
	}
}

#endif
