/*
 * Letters as matching reads them (src/letter.h). The tables are the
 * Unicode decompositions of the Latin blocks, each letter's base.
 */
#include "autoconfig.h"

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
	const char *b = NULL;
	uint32_t g;

	out[0] = c;
	if (c >= 0xC0 && c < 0x250) {
		b = latin + 2 * (c - 0xC0);
	} else if (c >= 0x1E00 && c < 0x1F00) {
		b = latin_more + (c - 0x1E00);
		if (*b != '.') {
			out[0] = (unsigned char)*b;
		}
		return 1;
	} else if (c >= 0x386 && c <= 0x3CE) {
		g = greek(c);
		out[0] = g != 0 ? g : c;
		return 1;
	} else if (c == 0x451) {
		out[0] = 0x435;	/* ё as е, as most Russian is written */
		return 1;
	}
	if (b == NULL || b[0] == '.') {
		return 1;
	}
	out[0] = (unsigned char)b[0];
	if (b[1] == '.') {
		return 1;
	}
	out[1] = (unsigned char)b[1];
	return 2;
}

int
letter_is_mark(uint32_t c)
{
	if (c < 0x300) {
		return c == 0xAD;	/* the soft hyphen */
	}
	return (c <= 0x36F) ||
	       (c >= 0x591 && c <= 0x5C7 && c != 0x5BE && c != 0x5C0 &&
	        c != 0x5C3 && c != 0x5C6) ||
	       (c >= 0x610 && c <= 0x61A) || (c >= 0x64B && c <= 0x65F) ||
	       c == 0x640 || c == 0x670 ||
	       (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
	       c == 0x200C || c == 0x200D || c == 0x2060 ||
	       (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) ||
	       c == 0xFEFF;
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

uint32_t
letter_jamo_join(uint32_t prev, uint32_t c)
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
