#ifndef NF_WIDTH_H
#define NF_WIDTH_H

#include <stddef.h>

/*
 * Display width, for the screens and the plain-text printer: columns a
 * UTF-8 string takes, and the one width-aware cutter and wrapper. Every
 * returned string is new; free() it. NULL only when out of memory.
 */

/* Display columns of a UTF-8 string, measured with wcwidth() under the
 * caller's locale; East Asian wide characters count 2 even under a
 * non-UTF-8 locale; an unprintable character counts as 1. An emoji
 * cluster counts 2, as terminals draw it: a flag (two regional
 * indicators), an emoji with its skin tone, emoji joined by U+200D. */
int width_columns(const char *s);

/* The length in bytes of the character cluster that starts s (len > 0
 * bytes: a character with its marks, or one emoji cluster as above), its
 * columns in *cols; for a screen that must hand a cluster over whole. */
size_t width_cluster(const char *s, size_t len, int *cols);

/* The string cut to at most width columns, with "…" at the cut; padded
 * with spaces to exactly width columns when pad is nonzero. Never splits
 * a character; a wide character that does not fit is replaced by space
 * padding. Newlines and tabs become spaces, for one screen line. */
char *width_fit(const char *s, int width, int pad);

/* Wraps plain text to width columns: a new string whose lines are at most
 * width columns (a longer word is broken), paragraph breaks kept. Lines
 * break at spaces, and between any two East Asian wide characters except
 * before closing punctuation such as 。、」. */
char *width_wrap(const char *s, int width);

#endif
