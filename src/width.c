/*
 * Display width: how many terminal columns text takes, and text cut or
 * wrapped to a number of columns. For the screens and the plain-text
 * printer; feed text reaches them through the gate, but these functions
 * take any bytes (a bad one counts as U+FFFD, one column).
 */
#include "autoconfig.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "src/buf.h"
#include "src/utf8.h"
#include "src/width.h"

/* The output is never more than a few bytes per input byte and column,
 * so this ceiling only stops arithmetic from wrapping. */
#define WIDTH_MAX (SIZE_MAX / 4)

static const char replacement[] = "\xEF\xBF\xBD";

struct range {
	uint32_t lo, hi;
};

/* East Asian Wide and Fullwidth blocks and the emoji blocks, for when
 * wcwidth() knows nothing (a C or Latin-1 locale): Japanese must still
 * measure two columns a character. */
static const struct range wide_ranges[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x26AA, 0x26AB }, { 0x26BD, 0x26BE },
	{ 0x26C4, 0x26C5 }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x2753, 0x2757 },
	{ 0x2795, 0x2797 }, { 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B55 },
	{ 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
	{ 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xA960, 0xA97F },
	{ 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 },
	{ 0x16FE0, 0x18CFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F251 }, { 0x1F300, 0x1F64F }, { 0x1F680, 0x1F6FF },
	{ 0x1F7E0, 0x1F7EB }, { 0x1F900, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

/* Combining marks and invisible joiners that take no column. */
static const struct range zero_ranges[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x0E31, 0x0E31 },
	{ 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x2060, 0x2064 },
	{ 0x20D0, 0x20FF }, { 0x3099, 0x309A }, { 0xFE00, 0xFE0F },
	{ 0xFE20, 0xFE2F }, { 0xE0100, 0xE01EF },
};

static int
range_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key;
	const struct range *r = elem;

	return cp < r->lo ? -1 : cp > r->hi ? 1 : 0;
}

static int
in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	return bsearch(&cp, r, n, sizeof(*r), range_cmp) != NULL;
}

static int
cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x80 || cp == UTF8_INVALID) {
		return 1;	/* drawn as U+FFFD */
	}
	w = wcwidth((wchar_t)cp);
	if (w >= 0) {
		return w;
	}
	if (in_ranges(cp, zero_ranges, sizeof(zero_ranges) / sizeof(zero_ranges[0]))) {
		return 0;
	}
	if (in_ranges(cp, wide_ranges, sizeof(wide_ranges) / sizeof(wide_ranges[0]))) {
		return 2;
	}
	return 1;
}

/* Pictographs that take part in emoji sequences (Extended_Pictographic,
 * as far as a terminal draws them): only these join across U+200D, so a
 * joiner between Indic letters keeps its letters apart. */
static const struct range pictographs[] = {
	{ 0x00A9, 0x00A9 }, { 0x00AE, 0x00AE }, { 0x203C, 0x203C },
	{ 0x2049, 0x2049 }, { 0x2122, 0x2122 }, { 0x2139, 0x2139 },
	{ 0x2194, 0x21AA }, { 0x2300, 0x23FF }, { 0x25AA, 0x25FE },
	{ 0x2600, 0x27BF }, { 0x2934, 0x2935 }, { 0x2B05, 0x2B55 },
	{ 0x3030, 0x3030 }, { 0x303D, 0x303D }, { 0x3297, 0x3297 },
	{ 0x3299, 0x3299 }, { 0x1F000, 0x1FAFF },
};

static int
is_pictograph(uint32_t cp)
{
	return in_ranges(cp, pictographs, sizeof(pictographs) / sizeof(pictographs[0]));
}

static int
is_regional(uint32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* Marks that never stand alone in an emoji sequence: presentation
 * selectors, the keycap, and the tags of a subdivision flag. */
static int
is_emoji_mark(uint32_t cp)
{
	return cp == 0xFE0E || cp == 0xFE0F || cp == 0x20E3 ||
	       (cp >= 0xE0020 && cp <= 0xE007F);
}

/* The code point at s[i..len), its length in *n; 0 past the end. */
static uint32_t
peek(const unsigned char *s, size_t len, size_t i, size_t *n)
{
	uint32_t cp = 0;

	*n = 0;
	if (i < len) {
		*n = utf8_decode((const char *)s + i, len - i, &cp);
	}
	return cp;
}

/* One cluster at s (len > 0): a character with what joins it into one
 * picture: a flag's two regional indicators, an emoji with its skin tone,
 * emoji joined by U+200D (👩‍💻, 👨‍👩‍👧), and their selectors and tags.
 * Terminals draw such a cluster in two columns, not the sum of its
 * characters' wcwidth(). Returns its length in bytes; *cols its columns,
 * *first its first code point. */
static size_t
cluster(const unsigned char *s, size_t len, uint32_t *first, int *cols)
{
	size_t i, n, n2;
	uint32_t cp, next;
	int joined = 0;

	i = utf8_decode((const char *)s, len, &cp);
	*first = cp;
	*cols = cp_width(cp);
	if (cp < 0x80 || cp == UTF8_INVALID) {
		return i;
	}
	if (is_regional(cp) && is_regional(peek(s, len, i, &n))) {
		i += n;
		joined = 1;
	}
	for (;;) {
		next = peek(s, len, i, &n);
		if (next >= 0x1F3FB && next <= 0x1F3FF && is_pictograph(cp)) {
			joined = 1;
		} else if (next == 0x200D && is_pictograph(cp) &&
		           is_pictograph(peek(s, len, i + n, &n2))) {
			n += n2;
			joined = 1;
		} else if (n == 0 || !is_emoji_mark(next)) {
			break;
		}
		i += n;
	}
	if (joined) {
		*cols = 2;
	}
	return i;
}

size_t
width_cluster(const char *s, size_t len, int *cols)
{
	uint32_t first;

	if (len == 0) {
		*cols = 0;
		return 0;
	}
	return cluster((const unsigned char *)s, len, &first, cols);
}

int
width_columns(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = strlen(str), i, n;
	uint32_t cp;
	int w = 0, cw;

	for (i = 0; i < len; i += n) {
		if (s[i] < 0x80) {
			n = 1;	/* ASCII: one column, as cp_width() says */
			w++;
			continue;
		}
		n = cluster(s + i, len - i, &cp, &cw);
		w += cw;
	}
	return w;
}

/* Appends one character of s for a single screen line. */
static enum nf_status
add_char(struct buf *b, const unsigned char *s, size_t n, uint32_t cp)
{
	if (cp == '\n' || cp == '\t') {
		return buf_add(b, " ", 1);
	}
	if (cp == UTF8_INVALID) {
		return buf_add_str(b, replacement);
	}
	return buf_add(b, s, n);
}

static enum nf_status
add_spaces(struct buf *b, int n)
{
	enum nf_status rc = NF_OK;

	for (; n > 0 && rc == NF_OK; n--) {
		rc = buf_add(b, " ", 1);
	}
	return rc;
}

char *
width_fit(const char *str, int width, int pad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = strlen(str), i, n;
	uint32_t cp;
	int col = 0, cw, limit, ell = cp_width(0x2026);
	int cut = width_columns(str) > width;
	struct buf b;
	enum nf_status rc = NF_OK;

	buf_init(&b, WIDTH_MAX);
	limit = cut ? width - ell : width;
	for (i = 0; i < len && rc == NF_OK; i += n) {
		if (s[i] >= 0x20 && s[i] < 0x7f) {
			/* A run of printable ASCII, a column a byte, is copied
			 * in one piece: headlines are mostly that. */
			for (n = 0; i + n < len && s[i + n] >= 0x20 &&
			     s[i + n] < 0x7f && col + (int)n < limit; n++) {
			}
			if (n == 0) {
				break;
			}
			rc = buf_add(&b, s + i, n);
			col += (int)n;
			continue;
		}
		n = cluster(s + i, len - i, &cp, &cw);
		if (col + cw > limit) {
			break;
		}
		rc = add_char(&b, s + i, n, cp);
		col += cw;
	}
	if (cut && width >= ell && rc == NF_OK) {
		rc = buf_add_str(&b, "\xE2\x80\xA6");
		col += ell;
	}
	if (pad && rc == NF_OK) {
		rc = add_spaces(&b, width - col);
	}
	if (rc != NF_OK) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Characters that must not begin a line: they stay with the character
 * before them. Only punctuation, as in the loose kinsoku rules: small kana
 * and the long-vowel mark may start a line, which keeps lines full. */
static const char no_line_start[] =
	"、。，．・：；？！」』）】〕〉》〙〗"
	")]}.,:;!?";

static int
is_no_line_start(const unsigned char *s, size_t n)
{
	char c[5];

	if (n >= sizeof(c)) {
		return 0;	/* an emoji cluster */
	}
	memcpy(c, s, n);
	c[n] = '\0';
	return strstr(no_line_start, c) != NULL;
}

struct wrap {
	struct buf b;
	int width;
	int col;
	enum nf_status rc;
};

/* Places one unbreakable token, breaking it only when it is wider than a
 * whole line. */
static void
wrap_token(struct wrap *w, const unsigned char *s, size_t n, int tw, int space)
{
	size_t i, cn;
	uint32_t cp;
	int cw;

	if (w->col > 0 && w->col + space + tw > w->width) {
		w->rc = buf_add(&w->b, "\n", 1);
		w->col = 0;
	} else if (w->col > 0 && space) {
		w->rc = buf_add(&w->b, " ", 1);
		w->col++;
	}
	if (w->rc != NF_OK) {
		return;
	}
	if (w->col + tw <= w->width) {
		w->rc = buf_add(&w->b, s, n);
		w->col += tw;
		return;
	}
	for (i = 0; i < n && w->rc == NF_OK; i += cn) {
		cn = cluster(s + i, n - i, &cp, &cw);
		if (w->col > 0 && w->col + cw > w->width) {
			w->rc = buf_add(&w->b, "\n", 1);
			w->col = 0;
		}
		if (w->rc == NF_OK) {
			w->rc = buf_add(&w->b, s + i, cn);
			w->col += cw;
		}
	}
}

/* Wraps one line (no newline inside) onto w. */
static void
wrap_line(struct wrap *w, const unsigned char *s, size_t len)
{
	size_t i = 0, start, n;
	uint32_t cp;
	int space = 0, tw, cw, wide;

	while (i < len && w->rc == NF_OK) {
		if (s[i] == ' ' || s[i] == '\t') {
			space = 1;
			i++;
			continue;
		}
		/* A token: one wide character, or a run of narrow ones, with
		 * any characters that may not start a line glued on. */
		start = i;
		n = cluster(s + i, len - i, &cp, &tw);
		wide = tw >= 2;
		i += n;
		while (i < len && s[i] != ' ' && s[i] != '\t') {
			n = cluster(s + i, len - i, &cp, &cw);
			if ((wide || cw >= 2) && !is_no_line_start(s + i, n)) {
				break;
			}
			tw += cw;
			i += n;
		}
		wrap_token(w, s + start, i - start, tw, space);
		space = 0;
	}
}

char *
width_wrap(const char *str, int width)
{
	const unsigned char *s = (const unsigned char *)str;
	const unsigned char *nl;
	size_t len = strlen(str), i = 0, n;
	struct wrap w;

	buf_init(&w.b, WIDTH_MAX);
	w.width = width < 1 ? 1 : width;
	w.rc = NF_OK;
	for (;;) {
		nl = memchr(s + i, '\n', len - i);
		n = nl != NULL ? (size_t)(nl - (s + i)) : len - i;
		w.col = 0;
		wrap_line(&w, s + i, n);
		if (nl == NULL || w.rc != NF_OK) {
			break;
		}
		w.rc = buf_add(&w.b, "\n", 1);
		i += n + 1;
	}
	if (w.rc != NF_OK) {
		buf_free(&w.b);
		return NULL;
	}
	return buf_take(&w.b);
}
