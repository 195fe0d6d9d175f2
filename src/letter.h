#ifndef NF_LETTER_H
#define NF_LETTER_H

/*
 * Letters as matching reads them. Outlets write one word several ways:
 * with its accents or, in capitals, without them (ΝΕΑ for Νέα), with ß
 * or, upper-cased, SS, in composed or decomposed form (NFC, or NFD as
 * some systems write it), with Arabic vowel marks or without. Folding
 * reads them alike; nothing here changes what is shown.
 */

#include <stddef.h>
#include <stdint.h>

/* c, a lower-case code point, as matching reads it, written to out
 * (room for 2): a Latin letter without its marks (é e, ø o, đ d, ı i,
 * ß ss, æ ae, œ oe), a Greek one without its accent (ά α, ς σ), ё е;
 * any other c itself. Returns how many were written. */
size_t letter_fold(uint32_t c, uint32_t out[2]);

/* Whether matching drops c: a combining mark (NFD text, the dot some
 * lower-casing leaves on i), Arabic vowel marks and tatweel, Hebrew
 * points, and the invisible soft hyphen, joiners and byte-order mark. */
int letter_is_mark(uint32_t c);

/* Korean written in conjoining jamo (NFD) joins into the syllable NFC
 * writes: the syllable that prev and c make, or 0 when they make none. */
uint32_t letter_jamo_join(uint32_t prev, uint32_t c);

#endif
