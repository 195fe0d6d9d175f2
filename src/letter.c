/*
 * Letters as matching reads them (src/letter.h). The Latin tables are
 * the Unicode decompositions of their blocks, each letter's base; the
 * compatibility forms and the joins are NFKC's for the ranges titles
 * meet.
 */
#include "autoconfig.h"

#include <stdint.h>

#include "src/letter.h"

/* U+00C0..U+024F, two bytes each: the letter without its marks ('.':
 * none, or no second letter) */
static const char latin[] =
	"a.a.a.a.a.a.aec.e.e.e.e.i.i.i.i.d.n.o.o.o.o.o...o.u.u.u.u.y...ss"
	"a.a.a.a.a.a.aec.e.e.e.e.i.i.i.i.d.n.o.o.o.o.o...o.u.u.u.u.y...y."
	"a.a.a.a.a.a.c.c.c.c.c.c.c.c.d.d.d.d.e.e.e.e.e.e.e.e.e.e.g.g.g.g."
	"g.g.g.g.h.h.h.h.i.i.i.i.i.i.i.i.i.i.....j.j.k.k...l.l.l.l.l.l..."
	"..l.l.n.n.n.n.n.n.......o.o.o.o.o.o.oeoer.r.r.r.r.r.s.s.s.s.s.s."
	"s.s.t.t.t.t.....u.u.u.u.u.u.u.u.u.u.u.u.w.w.y.y.y.z.z.z.z.z.z..."
	"................................................................"
	"o.o...........................u.u..............................."
	"..........................a.a.i.i.o.o.u.u.u.u.u.u.u.u.u.u...a.a."
	"a.a.........g.g.k.k.o.o.o.o.....j.......g.g.....n.n.a.a.....o.o."
	"a.a.a.a.e.e.e.e.i.i.i.i.o.o.o.o.r.r.r.r.u.u.u.u.s.s.t.t.....h.h."
	"............a.a.e.e.o.o.o.o.o.o.o.o.y.y........................."
	"................................";

/* U+1E00..U+1EFF (Vietnamese among them), one byte each */
static const char latin_more[] =
	"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
	"mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
	"wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
	"eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

_Static_assert(sizeof(latin) == 2 * (0x250 - 0xC0) + 1 &&
               sizeof(latin_more) == 0x100 + 1,
               "one entry a code point");

/* Greek U+0386..U+03CE with tonos or dialytika: the vowel without it
 * (0: none), lower case; ς is σ wherever it ends a word */
static uint32_t
greek(uint32_t c)
{
	static const uint16_t base[] = {
		0x3B1, 0, 0x3B5, 0x3B7, 0x3B9, 0, 0x3BF, 0, 0x3C5, 0x3C9, 0x3B9,
	};

	if (c >= 0x386 && c <= 0x390) {
		return base[c - 0x386];
	}
	switch (c) {
	case 0x3AA: case 0x3AF: case 0x3CA: return 0x3B9;
	case 0x3AB: case 0x3B0: case 0x3CB: case 0x3CD: return 0x3C5;
	case 0x3AC: return 0x3B1;
	case 0x3AD: return 0x3B5;
	case 0x3AE: return 0x3B7;
	case 0x3CC: return 0x3BF;
	case 0x3CE: return 0x3C9;
	case 0x3C2: return 0x3C3;
	default: return 0;
	}
}

size_t
letter_fold(uint32_t c, uint32_t out[2])
{
	const char *b;

	out[0] = c;
	if (c >= 0xC0 && c < 0x250) {
		b = latin + 2 * (c - 0xC0);
		if (b[0] != '.') {
			out[0] = (unsigned char)b[0];
		}
		if (b[1] != '.') {
			out[1] = (unsigned char)b[1];
			return 2;
		}
	} else if (c >= 0x1E00 && c < 0x1F00) {
		b = latin_more + (c - 0x1E00);
		if (*b != '.') {
			out[0] = (unsigned char)*b;
		}
	} else if (c >= 0x386 && c <= 0x3CE && greek(c) != 0) {
		out[0] = greek(c);
	} else if (c == 0x451) {
		out[0] = 0x435;	/* ё as е, as most Russian is written */
	}
	return 1;
}

int
letter_is_mark(uint32_t c)
{
	if (c < 0x300) {
		return c == 0xAD;	/* the soft hyphen */
	}
	return (c <= 0x36F) || (c >= 0x3099 && c <= 0x309C) ||
	       (c >= 0x591 && c <= 0x5C7 && c != 0x5BE && c != 0x5C0 &&
	        c != 0x5C3 && c != 0x5C6) ||
	       (c >= 0x610 && c <= 0x61A) || (c >= 0x64B && c <= 0x65F) ||
	       c == 0x640 || c == 0x670 ||
	       (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
	       c == 0x200C || c == 0x200D || c == 0x2060 ||
	       (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) ||
	       c == 0xFEFF;
}

/* Half-width katakana U+FF61..U+FF9F as NFKC maps them: punctuation,
 * then the kana; U+FF9E and U+FF9F become the combining voiced marks,
 * which compose() joins to the kana before them. */
static const uint16_t halfwidth_kana[] = {
	0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3,
	0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC,
	0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF,
	0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF,
	0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD,
	0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF,
	0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA,
	0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x3099, 0x309A,
};

/* Full-width signs U+FFE0..U+FFE6: ¢ £ ¬ ¯ ¦ ¥ ₩. */
static const uint16_t fullwidth_signs[] = {
	0x00A2, 0x00A3, 0x00AC, 0x00AF, 0x00A6, 0x00A5, 0x20A9,
};

/* The decimal digits of scripts whose outlets also write ASCII ones,
 * each run of ten from its zero. */
static const uint32_t digit_zeros[] = {
	0x0660,		/* Arabic-Indic */
	0x06F0,		/* Persian, Urdu */
	0x0966,		/* Devanagari */
	0x09E6,		/* Bengali */
	0x0E50,		/* Thai */
};

static uint32_t
letter_digit(uint32_t c)
{
	size_t i;

	if (c < 0x0660 || c > 0x0E59) {
		return c;
	}
	for (i = 0; i < sizeof(digit_zeros) / sizeof(digit_zeros[0]); i++) {
		if (c >= digit_zeros[i] && c <= digit_zeros[i] + 9) {
			return '0' + (c - digit_zeros[i]);
		}
	}
	return c;
}

uint32_t
letter_compat(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E) {
		return c - 0xFF01 + 0x21;
	}
	if (c >= 0xFF61 && c <= 0xFF9F) {
		return halfwidth_kana[c - 0xFF61];
	}
	if (c >= 0xFFE0 && c <= 0xFFE6) {
		return fullwidth_signs[c - 0xFFE0];
	}
	if (c == 0xB9 || c == 0xB2 || c == 0xB3) {
		return c == 0xB9 ? '1' : c - 0xB2 + '2';
	}
	if ((c >= 0x2070 && c <= 0x2079 && c != 0x2071 && c != 0x2072 && c != 0x2073) ||
	    (c >= 0x2080 && c <= 0x2089)) {
		return '0' + (c & 0x0F);
	}
	if (c >= 0x2460 && c <= 0x2468) {
		return '1' + (c - 0x2460);
	}
	return c == 0x3000 ? ' ' : letter_digit(c);
}

/* A kana and a voiced sound mark (dakuten U+3099/U+309B, handakuten
 * U+309A/U+309C) as one character, as NFKC composes them; 0 when they
 * do not compose. */
static uint32_t
compose(uint32_t kana, uint32_t mark)
{
	int semi = mark == 0x309A || mark == 0x309C;
	uint32_t k = kana >= 0x3041 && kana <= 0x3096 ? kana + 0x60 : kana;
	int ka_to = (k >= 0x30AB && k <= 0x30C1 && (k - 0x30AB) % 2 == 0) ||
	            k == 0x30C4 || k == 0x30C6 || k == 0x30C8;
	int ha_ho = k >= 0x30CF && k <= 0x30DB && (k - 0x30CF) % 3 == 0;

	if (ha_ho) {
		return kana + (semi ? 2 : 1);
	}
	if (semi) {
		return 0;
	}
	if (ka_to) {
		return kana + 1;
	}
	return k == 0x30A6 ? (kana == k ? 0x30F4 : 0x3094) : 0;
}

/* Conjoining jamo: leading consonants, vowels and trailing consonants,
 * and the syllables they make (Unicode's arithmetic for Hangul). */
#define JAMO_L 0x1100u
#define JAMO_V 0x1161u
#define JAMO_T 0x11A7u
#define JAMO_NL 19u
#define JAMO_NV 21u
#define JAMO_NT 28u
#define SYLLABLE_FIRST 0xAC00u
#define SYLLABLES (JAMO_NL * JAMO_NV * JAMO_NT)

static uint32_t
jamo_join(uint32_t prev, uint32_t c)
{
	if (prev >= JAMO_L && prev < JAMO_L + JAMO_NL &&
	    c >= JAMO_V && c < JAMO_V + JAMO_NV) {
		return SYLLABLE_FIRST +
		       ((prev - JAMO_L) * JAMO_NV + (c - JAMO_V)) * JAMO_NT;
	}
	if (prev >= SYLLABLE_FIRST && prev < SYLLABLE_FIRST + SYLLABLES &&
	    (prev - SYLLABLE_FIRST) % JAMO_NT == 0 &&
	    c > JAMO_T && c < JAMO_T + JAMO_NT) {
		return prev + (c - JAMO_T);
	}
	return 0;
}

uint32_t
letter_join(uint32_t prev, uint32_t c)
{
	if (c >= 0x3099 && c <= 0x309C) {
		return compose(prev, c);
	}
	return c >= JAMO_V && c < JAMO_T + JAMO_NT ? jamo_join(prev, c) : 0;
}
