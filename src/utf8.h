#ifndef NF_UTF8_H
#define NF_UTF8_H

/*
 * UTF-8 (RFC 3629), read strictly: overlong forms, surrogates and values
 * past U+10FFFF are no characters. The one decoder of the program, so
 * that the text gate, the width, folding and the HTML reader agree on
 * what a character is.
 */

#include <stddef.h>
#include <stdint.h>

/* What utf8_decode() gives for bytes that are no character: a value past
 * every code point, so that no caller mistakes it for a real U+FFFD. */
#define UTF8_INVALID 0x110000u

/* Decodes the character at s (n > 0 bytes left) into *cp and returns its
 * length. Bytes that are no character give UTF8_INVALID and the length
 * of their longest valid beginning (at least 1), which is what Unicode
 * asks to replace with one U+FFFD. */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Whether the n bytes at s are all characters (U+FFFD itself is one). */
int utf8_is_valid(const char *s, size_t n);

/* Writes cp (at most U+10FFFF) to out, which has room for 4 bytes;
 * returns the bytes written. */
size_t utf8_encode(uint32_t cp, char *out);

/* cp read as windows-1252 where it is a C1 control (0x80-0x9F) that
 * windows-1252 defines: "&#146;" and U+0092 in feeds mean U+2019, as
 * HTML5 reads them. Every other cp (and the five undefined) unchanged. */
uint32_t utf8_c1_as_cp1252(uint32_t cp);

/* Where the character that holds byte i of s begins: for cutting a
 * string without splitting a character. */
size_t utf8_char_start(const char *s, size_t i);

/* How many characters the n bytes at s hold (bytes that begin none, the
 * 10xxxxxx ones, aside). */
size_t utf8_chars(const char *s, size_t n);

#endif
