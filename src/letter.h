#ifndef NF_LETTER_H
#define NF_LETTER_H

/*
 * Letters as matching reads them. Outlets write one word several ways:
 * with its accents or, in capitals, without them (ΝΕΑ for Νέα), with ß
 * or, upper-cased, SS, in composed or decomposed form (NFC, or NFD as
 * some systems write it), full width or half, with Arabic vowel marks
 * or without. Folding reads them alike; nothing here changes what is
 * shown.
 */

#include <stddef.h>
#include <stdint.h>

/* c, a lower-case code point, as matching reads it, written to out
 * (room for 2): a Latin letter without its marks (é e, ø o, đ d, ı i,
 * ß ss, æ ae, œ oe), a Greek one without its accent (ά α, ς σ), ё е;
 * any other c itself. Returns how many were written. */
size_t letter_fold(uint32_t c, uint32_t out[2]);

/* c as NFKC writes it, for the ranges titles meet: full-width ASCII
 * and signs, the ideographic space, half-width katakana, and the
 * compatibility digits (superscript, subscript, circled 1 to 9); and,
 * beyond NFKC, the decimal digits of other scripts as ASCII digits
 * (Arabic-Indic, Persian, Devanagari, Bengali, Thai), as outlets of one
 * language write a figure either way. */
uint32_t letter_compat(uint32_t c);

/* The one character that prev and c, read one after the other, are as
 * NFC or NFKC composes them: a kana and a voiced sound mark (か and
 * U+3099 are が), Korean conjoining jamo (NFD) and the syllable they
 * make. 0 when they are not one. */
uint32_t letter_join(uint32_t prev, uint32_t c);

/* Whether matching drops c where letter_join() joins it to nothing: a
 * combining mark (NFD text, the dot some lower-casing leaves on i), a
 * kana's voiced sound mark, Arabic vowel marks and tatweel, Hebrew
 * points, and the invisible soft hyphen, joiners and byte-order mark. */
int letter_is_mark(uint32_t c);

#endif
